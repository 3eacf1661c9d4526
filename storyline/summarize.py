"""Extractive multi-document summary in which every sentence cites its reports.

Method: concept coverage in the spirit of Gillick & Favre (ICSISumm): concepts are
bigrams of content stems, weighted by how many independent reports state them; the
summary is the set of whole sentences that covers the most concept weight within the
word budget (greedy by gain per word, which is within a constant of the optimum for
this budgeted coverage problem). Wire copies count as one voice. Sentences are quoted
verbatim, so nothing is invented, and each lists every report that says the same.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from storyline.models import Citation, Document, Sentence, SummarySentence
from storyline.textutil import content_stems, word_count

PRONOUN_START = re.compile(
    r"^(he|she|it|they|them|his|her|its|their|this|that|these|those|there|such|both|"
    r"but|and|or|so|however|meanwhile|also|still|yet|then|thus|instead|moreover|"
    r"furthermore|nevertheless|otherwise|later|earlier|here)\b",
    re.IGNORECASE,
)
FURNITURE_HINT = re.compile(r"(https?://|www\.|@\w|click|subscribe|copyright|©|\|)", re.IGNORECASE)


@dataclass
class SummaryOptions:
    words: int = 150
    focus: str | None = None
    min_words: int = 8
    max_words: int = 55
    support_threshold: float = 0.5  # cosine of stem counts for "states the same content"
    redundancy: float = 0.5  # a candidate this close to a chosen sentence is skipped
    focus_boost: float = 1.0
    position_weight: float = 0.5


@dataclass
class Candidate:
    sentence: Sentence
    document: Document
    stems: Counter
    concepts: set[tuple[str, str]]
    words: int
    when: date | None = None
    support: list[tuple[Document, Sentence]] = field(default_factory=list)


def summarize(documents: Sequence[Document], *, words: int = 150, focus: str | None = None,
              earlier: Sequence[Document] = (), options: SummaryOptions | None = None,
              ) -> list[SummarySentence]:
    """Summarize one story's reports; with ``earlier``, only what they add."""
    opts = options or SummaryOptions()
    opts.words, opts.focus = words, focus if focus is not None else opts.focus
    voices = independent(documents)
    candidates = [c for d in voices for c in _candidates(d, opts)]
    if not candidates:
        return []
    weights = _concept_weights(candidates, voices, opts)
    old = _earlier_profile(earlier)
    if old is not None:
        old_concepts, old_stems = old
        for concept in old_concepts:
            weights.pop(concept, None)
        candidates = [c for c in candidates
                      if max((_cosine(c.stems, s) for s in old_stems), default=0.0) < opts.redundancy]
    chosen = _select(candidates, weights, opts)
    all_sentences = [(d, s) for d in documents for s in d.sentences]
    for cand in chosen:
        cand.support = _support(cand, all_sentences, opts)
    chosen.sort(key=_reading_order)
    return [_cited(c) for c in chosen]


def independent(documents: Sequence[Document]) -> list[Document]:
    """The documents that are not copies of another document in the set."""
    ids = {d.doc_id for d in documents}
    return [d for d in documents if not d.duplicate_of or d.duplicate_of not in ids]


# --- candidates ----------------------------------------------------------------


def standalone(text: str, opts: SummaryOptions) -> bool:
    """Can the sentence be read alone, out of its report?"""
    n = word_count(text)
    if n < opts.min_words or n > opts.max_words:
        return False
    if text.rstrip().endswith("?") or not text.rstrip().endswith((".", '"', "'", "\u201d", "!")):
        return False
    if PRONOUN_START.match(text.lstrip("\"'\u201c ")):
        return False
    if FURNITURE_HINT.search(text):
        return False
    quotes = text.count('"') + text.count("\u201c") + text.count("\u201d")
    return quotes % 2 == 0 and text.count("''") % 2 == 0


def _candidates(document: Document, opts: SummaryOptions) -> list[Candidate]:
    out = []
    for s in document.sentences:
        if not standalone(s.text, opts):
            continue
        stems = content_stems(s.text)
        out.append(Candidate(
            sentence=s, document=document, stems=Counter(stems),
            concepts=set(zip(stems, stems[1:])), words=word_count(s.text),
            when=_sentence_day(s, document),
        ))
    return out


def _sentence_day(s: Sentence, document: Document) -> date | None:
    days = [t.value for t in s.times if t.value is not None and t.precision == "day"]
    published = document.published.date() if document.published else None
    if published is not None:
        days = [d for d in days if abs((published - d).days) <= 31]
    return min(days) if days else published


# --- weighting and selection ------------------------------------------------------


def _concept_weights(candidates: list[Candidate], voices: list[Document],
                     opts: SummaryOptions) -> dict[tuple[str, str], float]:
    doc_freq: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in candidates:
        for concept in c.concepts:
            doc_freq[concept].add(c.document.doc_id)
    min_df = 2 if len(voices) >= 3 else 1
    focus = set(content_stems(opts.focus)) if opts.focus else set()
    weights = {}
    for concept, docs in doc_freq.items():
        if len(docs) < min_df:
            continue
        w = float(len(docs))
        if focus and (concept[0] in focus or concept[1] in focus):
            w *= 1 + opts.focus_boost
        weights[concept] = w
    return weights


def _select(candidates: list[Candidate], weights: dict, opts: SummaryOptions) -> list[Candidate]:
    chosen: list[Candidate] = []
    covered: set = set()
    budget = opts.words
    pool = list(candidates)
    while pool:
        best, best_gain = None, 0.0
        for c in pool:
            if c.words > budget:
                continue
            gain = sum(weights.get(k, 0.0) for k in c.concepts - covered)
            gain *= 1 + opts.position_weight / (1 + c.sentence.index)
            gain /= math.sqrt(c.words)
            if gain > best_gain:
                best, best_gain = c, gain
        if best is None:
            break
        pool.remove(best)
        if any(_cosine(best.stems, c.stems) >= opts.redundancy for c in chosen):
            continue
        chosen.append(best)
        covered |= best.concepts
        budget -= best.words
    return chosen


def _earlier_profile(earlier: Sequence[Document]) -> tuple[set, list[Counter]] | None:
    if not earlier:
        return None
    concepts: set = set()
    stems_list = []
    for d in earlier:
        for s in d.sentences:
            stems = content_stems(s.text)
            concepts.update(zip(stems, stems[1:]))
            stems_list.append(Counter(stems))
    return concepts, stems_list


# --- support and citations ---------------------------------------------------------


def _support(cand: Candidate, sentences: list[tuple[Document, Sentence]],
             opts: SummaryOptions) -> list[tuple[Document, Sentence]]:
    best: dict[str, tuple[float, Document, Sentence]] = {}
    for d, s in sentences:
        if d.doc_id == cand.document.doc_id:
            continue
        sim = _cosine(cand.stems, Counter(content_stems(s.text)))
        if sim >= opts.support_threshold and sim > best.get(d.doc_id, (0.0,))[0]:
            best[d.doc_id] = (sim, d, s)
    ranked = sorted(best.values(), key=lambda x: (-x[0], x[1].doc_id))
    return [(cand.document, cand.sentence)] + [(d, s) for _, d, s in ranked]


def _cited(cand: Candidate) -> SummarySentence:
    return SummarySentence(
        text=cand.sentence.text,
        sources=[Citation(doc_id=d.doc_id, start=s.start, end=s.end) for d, s in cand.support],
    )


def _reading_order(c: Candidate) -> tuple:
    published = c.document.published or datetime.max.replace(tzinfo=None)
    published_key = published.timestamp() if published.tzinfo else float("inf")
    when = c.when.toordinal() if c.when else math.inf
    return (when, published_key, c.document.doc_id, c.sentence.index)


def _cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
