"""Extractive multi-document summary in which every sentence cites its reports.

Method: concept coverage after Gillick & Favre (ICSISumm). Concepts are bigrams of
content stems; a concept weighs as many independent reports as state it (wire copies
count as one voice; concepts in fewer than ``min_df`` reports are noise and weigh
nothing). The summary is the set of whole sentences that covers the most concept
weight within the word budget, solved exactly as an integer program (HiGHS through
``scipy.optimize.milp``; greedy by gain per word if the solver gives up), with a small
bonus for sentences early in their report (news leads) and close to the focus
question (in words or, given a sentence encoder, in meaning). For an update summary,
concepts the earlier reports stated weigh less and sentences repeating an earlier one
are left out. Sentences are quoted verbatim, so nothing is invented, and each lists
every report that says the same.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache

import numpy as np

from storyline.models import Citation, Document, Sentence, SummarySentence
from storyline.annotate import NAME_TITLES
from storyline.textutil import PRONOUN_SPEAKER, QUOTED, content_stems, reads_as_furniture, word_count

LEADS_WEIGHED = 40  # lead candidates weighed for a summary's remaining budget (each encoded once)
NEW_WORDS = 7  # content words none of the close earlier sentences has: the sentence tells more
PRONOUN_START = re.compile(
    r"^(he|she|it|they|them|his|her|its|their|this|that|these|those|there|such|both|"
    r"but|and|or|so|however|meanwhile|also|still|yet|then|thus|instead|moreover|"
    r"furthermore|nevertheless|otherwise|later|earlier|here)\b",
    re.IGNORECASE,
)
# "If they make it, the pair will ...", "When she landed, ...": the opening clause's pronoun
# points to someone named in a sentence left behind; "Each has until Friday ...": each of whom?
LEADING_CLAUSE_PRONOUN = re.compile(
    r"^(?:if|when|whenever|as|after|before|although|though|while|because|since|once|until|unless)\s+"
    r"(?:he|she|it|they|them|his|her|its|their|these|those)\b"
    r"|^(?:each|either|neither|none|many|most|some|others)\s+(?:has|have|had|is|are|was|were|will|would|"
    r"can|could|said|says|of\s+(?:them|these|those|us))\b",
    re.IGNORECASE,
)
# "Oprah Winfrey and Colin Powell have this value.", "The government expects that number to
# decline": a demonstrative before a noun that names an idea, a step or a party (a shell noun)
# points to a sentence left behind. "that" only before a singular, which a bare "that" (a
# conjunction: "said that people were ...") cannot take; in a quotation the words are the
# speaker's own here and now, so quotations are not searched.
_SHELL_SINGULAR = (
    "value|number|figure|amount|sum|testimony|decision|move|step|plan|proposal|idea|practice|"
    "measure|approach|claim|request|offer|deal|case|view|problem|issue|matter|effort|change|"
    "incident|event|report|statement|result|kind|sort|type|one|point|situation|process|policy|"
    "law|rule|system|project|program|programme|method|technique|argument|question|debate|fight|"
    "trend|pattern|concern|fear|risk|threat|giant|group|man|woman|company|firm|tactic|strategy|"
    "attitude|belief|finding")
_SHELL_PLURAL = (
    "measures|claims|changes|results|findings|ones|people|problems|issues|steps|moves|plans|"
    "proposals|ideas|figures|numbers|cases|events|incidents|reports|groups|companies|men|women")
POINTS_BACK = re.compile(
    rf"\b(?:this\s+(?:[a-z]+-)*(?:{_SHELL_SINGULAR})"
    rf"|these\s+(?:[a-z]+-)*(?:{_SHELL_PLURAL})"
    rf"|that\s+(?!one\b)(?:[a-z]+-)*(?:{_SHELL_SINGULAR}))\b",  # "so that one of them can"
    re.IGNORECASE)
FURNITURE_HINT = re.compile(r"(https?://|www\.|@\w|#\w|click|subscribe|copyright|©|\||read more|>>)", re.IGNORECASE)
# A gallery's slide counter before a caption: "11/12 Rescue workers carry an injured man ..."
SLIDE_COUNTER = re.compile(r"^(\d{1,2})\s?/\s?(\d{1,2})\s+[A-Z]")
DATES_WRITTEN_AS_SLASHES = {(9, 11), (3, 11)}  # "9/11 families ...": a day, not a slide


@dataclass
class SummaryOptions:
    words: int = 150
    focus: str | None = None
    min_words: int = 8
    max_words: int = 55
    support_threshold: float = 0.5  # share of the quoted sentence's words another report's sentence states
    redundancy: float = 0.5  # a candidate this close to a chosen (or earlier) sentence is out
    min_df: int = 0  # reports that must state a concept; 0: 3 for 8+ reports (ICSI), else 2
    position_weight: float = 0.5  # bonus of a report's lead sentence; its n-th sentence gets 1/n
    min_voices: int = 3  # fewer independent reports: their leads, as no concept is corroborated
    focus_weight: float = 0.5  # bonus of a sentence by its similarity to the focus
    earlier_weight: float = 0.5  # what a concept the earlier reports stated still weighs
    count_sentences: bool = False  # a concept weighs the sentences that state it, not the reports
    lead_weight: float = 0.0  # extra weight per report stating the concept in its lead
    lead_sentences: int = 3  # a report's lead: its first substantial sentences
    figure_weight: float = 0.0  # bonus of a sentence that states a key figure (killed, freed...)
    fill: bool = False  # top up an unspent budget with one more sentence (runs past it)
    time_limit: float = 30.0  # seconds for the exact solver (it then keeps its best so far). Solves
    # take 0.1-1.7 s on TREC TS stories; with 5 s, three of 30 summaries came out different while
    # three benchmarks shared two cores (the three slowest solves). The limit only guards against a
    # pathological problem: a loaded machine must not change the summary
    max_candidates: int = 100  # the exact solver weighs at most this many sentences
    support_power: float = 1.0  # a concept weighs (reports stating it) ** support_power
    # Focus by meaning: ``embed`` maps texts to one vector each (a sentence encoder, e.g.
    # all-MiniLM-L6-v2). Without it, or without a focus, the summary is purely lexical.
    embed: Callable[[Sequence[str]], np.ndarray] | None = None
    semantic_redundancy: float = 0.0  # with ``embed``: two sentences this close in meaning are one (0: off)
    semantic_focus: float = 10.0  # bonus of the sentence closest in meaning to the focus
    relevance_scale: float = 4.0  # others get (their cosine / the closest one's) ** this


@dataclass
class Candidate:
    sentence: Sentence
    document: Document
    stems: Counter
    concepts: set[tuple[str, str]]
    words: int
    when: date | None = None
    rank: int = 0  # substantial sentences of its report before it (datelines do not count)
    relevance: float = 0.0  # cosine with the focus
    closeness: float = 0.0  # focus cosine of its vector / the best candidate's, scaled (0-1)
    figures: int = 0  # key figures the sentence states (counts of an event)
    support: list[tuple[Document, Sentence]] = field(default_factory=list)


def summarize(documents: Sequence[Document], *, words: int = 150, focus: str | None = None,
              earlier: Sequence[Document] = (), options: SummaryOptions | None = None,
              ) -> list[SummarySentence]:
    """Summarize one story's reports; with ``earlier``, only what they add.

    ``words`` is a hard cap filled with whole sentences (``SummaryOptions(fill=True)``
    tops up an unspent budget with one more sentence, as ROUGE-truncated evaluations allow).
    """
    opts = replace(options or SummaryOptions(), words=words)
    if focus is not None:
        opts.focus = focus
    voices = independent(documents)
    candidates = [c for d in voices for c in _candidates(d, opts)]
    short = not candidates
    if short:  # headline-only or very short reports: quote their leads rather than say nothing
        candidates = [c for d in voices for c in _candidates(d, opts, strict=False)]
    if not candidates:
        return []
    if opts.focus:
        question = Counter(content_stems(opts.focus))
        for c in candidates:
            c.relevance = _cosine(c.stems, question)
    weights = _concept_weights(voices, earlier, opts)
    if opts.embed is not None and opts.focus and opts.semantic_focus:
        _set_closeness(_most_promising(candidates, weights, opts), opts)
    if earlier:
        old = [Counter(_sentence_stems(s.text)) for d in earlier for s in d.sentences]
        candidates = [c for c in candidates if _adds_something(c, old, opts)]
    if short or len(voices) < opts.min_voices and not opts.focus:
        chosen = _select_leads(candidates, opts)
    else:
        chosen = _select_leads(candidates, opts, _select(candidates, weights, opts))
    if opts.fill:
        chosen += _fill(chosen, candidates, weights, opts)
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
    opening = text.lstrip("\"'\u201c\u2018 ")
    if (PRONOUN_START.match(opening) or LEADING_CLAUSE_PRONOUN.match(opening)
            or not opening[:1].isupper() and not opening[:1].isdigit()):
        return False  # a pronoun with nothing to point to, or the tail of a cut sentence
    if PRONOUN_SPEAKER.search(text):
        return False  # "..., he said": the speaker is named in a sentence left behind
    if POINTS_BACK.search(QUOTED.sub(" ", text)):
        return False  # "have this value": which value? told in a sentence left behind
    if FURNITURE_HINT.search(text) or reads_as_furniture(text):
        return False  # a link, a hashtag, a teaser cut off, a headline or widget glued to the article
    if _slide_caption(text) or text.split()[-1] in NAME_TITLES:
        return False  # "... memorials US Air Force Senior Master Sgt.": cut after a title
    quotes = text.count('"') + text.count("\u201c") + text.count("\u201d")
    return quotes % 2 == 0 and text.count("''") % 2 == 0


def _slide_caption(text: str) -> bool:
    """"11/12 Rescue workers carry ...": the twelfth photo's caption, not a sentence of the report."""
    counter = SLIDE_COUNTER.match(text)
    if not counter:
        return False
    shown, slides = int(counter.group(1)), int(counter.group(2))
    return 0 < shown <= slides and (shown, slides) not in DATES_WRITTEN_AS_SLASHES


def _quotable(text: str, opts: SummaryOptions) -> bool:
    return 0 < word_count(text) <= opts.max_words and not FURNITURE_HINT.search(text)


def _candidates(document: Document, opts: SummaryOptions, strict: bool = True) -> list[Candidate]:
    """The report's sentences a summary may quote; not ``strict``: any that is no caption,
    link or widget and fits the budget (for reports too short to have a standalone one)."""
    out = []
    rank = -1
    for s in document.sentences:
        if word_count(s.text) >= opts.min_words:
            rank += 1  # a dateline or heading does not push the lead down
        quotable = (not s.fragment and standalone(s.text, opts)) if strict else _quotable(s.text, opts)
        if s.caption or not quotable:
            continue
        stems = _sentence_stems(s.text)
        out.append(Candidate(
            sentence=s, document=document, stems=Counter(stems), concepts=_sentence_concepts(s.text),
            words=word_count(s.text), when=_sentence_day(s, document), rank=max(rank, 0),
            figures=sum(1 for q in s.quantities if q.key and q.event and not q.negated),
        ))
    return out


@lru_cache(maxsize=100_000)
def _sentence_stems(text: str) -> tuple[str, ...]:
    """Content stems of a sentence, kept: weighting, novelty and support all ask again."""
    return tuple(content_stems(text))


@lru_cache(maxsize=100_000)
def _sentence_concepts(text: str) -> frozenset[tuple[str, str]]:
    return frozenset(_concepts(_sentence_stems(text)))


def _concepts(stems: Sequence[str]) -> set[tuple[str, str]]:
    """Units of content: consecutive content stems ("hostag", "freed")."""
    return set(zip(stems, stems[1:]))


def _sentence_day(s: Sentence, document: Document) -> date | None:
    # a span ("three days into the siege") dates the start of a state, not what the sentence tells
    days = [t.value for t in s.times if t.value is not None and t.precision == "day" and t.kind != "span"]
    published = document.published.date() if document.published else None
    if published is not None:
        days = [d for d in days if abs((published - d).days) <= 31]
    return min(days) if days else published


def _adds_something(c: Candidate, old: list[Counter], opts: SummaryOptions) -> bool:
    """New if no earlier sentence says much the same, or if it brings a number they lack.

    "The death toll rose to 20" repeats the words of "floods killed 14", but its news is
    the number: for an update, a changed figure is what is new.
    """
    close = [s for s in old if _cosine(c.stems, s) >= opts.redundancy]
    if not close:
        return True
    numbers = {k for k in c.stems if k[:1].isdigit()}
    if all(numbers - s.keys() for s in close):
        return True
    said = set().union(*close)
    return len(c.stems.keys() - said) >= NEW_WORDS  # "bond yields fell, a day after the bank kept its rate"


# --- weighting and selection ------------------------------------------------------


def _concept_weights(voices: list[Document], earlier: Sequence[Document],
                     opts: SummaryOptions) -> dict[tuple[str, str], float]:
    """Concept weight: how often independent reports state it, more in their leads.

    ``support_power`` above 1 makes the weight grow faster than the support (one fact all
    reports share outweighs several each stated by a few): 3 scores higher on DUC 2007
    update but lower on TREC TS nuggets and held-out DUC topics, so 1 is the default. Counting
    sentences rather than reports rewards what reports repeat; counting lead statements
    rewards what reporters put first. Concepts fewer than ``min_df`` reports state are
    noise; concepts the earlier reports stated weigh less.
    """
    doc_freq: Counter = Counter()
    sent_freq: Counter = Counter()
    lead_freq: Counter = Counter()
    for d in voices:
        rank = 0
        for s in d.sentences:
            concepts = _sentence_concepts(s.text)
            sent_freq.update(concepts)
            if rank < opts.lead_sentences:
                lead_freq.update(concepts)
            if word_count(s.text) >= opts.min_words:
                rank += 1
        doc_freq.update({k for s in d.sentences for k in _sentence_concepts(s.text)})
    old = {k for d in earlier for s in d.sentences for k in _sentence_concepts(s.text)}
    min_df = opts.min_df or (3 if len(voices) >= 8 else 2 if len(voices) >= 3 else 1)
    weights = {}
    for concept, df in doc_freq.items():
        count = sent_freq[concept] if opts.count_sentences else df
        w = count ** opts.support_power + opts.lead_weight * lead_freq[concept]
        w *= opts.earlier_weight if concept in old else 1.0
        if df >= min_df and w > 0:
            weights[concept] = w
    return weights


def _bonus(c: Candidate, opts: SummaryOptions) -> float:
    """Lead sentences and sentences close to the question are worth a little more."""
    return (opts.position_weight / (1 + c.rank) + opts.focus_weight * c.relevance
            + opts.figure_weight * min(c.figures, 1) + opts.semantic_focus * c.closeness)


# --- focus by meaning (sentence vectors from a caller-supplied encoder) ---------------


def _set_closeness(candidates: list[Candidate], opts: SummaryOptions) -> None:
    """How close each candidate comes to the focus in meaning, the closest one being 1.

    Word overlap misses a sentence that answers the question in other words; an encoder
    does not. Raw cosines crowd together (0.2-0.6 for any on-topic sentence), so they are
    divided by the best and raised to ``relevance_scale``: only the few sentences that
    answer the question earn much. One call to ``embed`` per summary: focus and candidates.
    """
    rows = _unit_rows([opts.focus or ""] + [c.sentence.text for c in candidates], opts)
    for c, value in zip(candidates, closeness(rows[1:] @ rows[0], opts.relevance_scale)):
        c.closeness = float(value)


def _most_promising(candidates: list[Candidate], weights: dict,
                    opts: SummaryOptions) -> list[Candidate]:
    """The candidates worth encoding: those the solver's shortlist can hold.

    The encoder costs far more than the rest of the summary (about 20 sentences a second
    on two busy cores), and encoding the shortlist alone scores as well as encoding all.
    """
    if len(candidates) <= opts.max_candidates:
        return candidates
    return sorted(candidates, key=lambda c: -_shortlist_score(c, weights, opts))[:opts.max_candidates]


def _shortlist_score(c: Candidate, weights: dict, opts: SummaryOptions) -> float:
    """Concept weight per word, raised by the bonuses: the order of the solver's shortlist."""
    return sum(weights.get(k, 0.0) for k in c.concepts) * (1 + _bonus(c, opts)) / math.sqrt(c.words)


def closeness(cosines: np.ndarray, power: float) -> np.ndarray:
    """Cosines to the focus as shares of the best, raised to ``power`` (negatives count 0)."""
    cosines = np.clip(np.asarray(cosines, dtype=float), 0.0, None)
    top = cosines.max() if len(cosines) else 0.0
    return (cosines / top) ** power if top > 0 else np.zeros_like(cosines)


def _unit_rows(texts: Sequence[str], opts: SummaryOptions) -> np.ndarray:
    """The encoder's vectors scaled to length 1, so a dot product is a cosine."""
    if opts.embed is None:
        raise ValueError("no encoder")
    rows = np.asarray(opts.embed(list(texts)), dtype=float)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms > 0, norms, 1.0)


def _meaning_cosines(pool: list[Candidate], opts: SummaryOptions) -> np.ndarray | None:
    """Cosines in meaning between the solver's candidates, when asked for and an encoder is given:
    outlets tell one fact in their own words, which shared stems miss."""
    if opts.embed is None or opts.semantic_redundancy <= 0 or len(pool) < 2:
        return None
    rows = _unit_rows([c.sentence.text for c in pool], opts)
    return rows @ rows.T


def _select(candidates: list[Candidate], weights: dict, opts: SummaryOptions) -> list[Candidate]:
    chosen = _select_exact(candidates, weights, opts)
    return chosen if chosen is not None else _select_greedy(candidates, weights, opts)


def _select_exact(candidates: list[Candidate], weights: dict,
                  opts: SummaryOptions) -> list[Candidate] | None:
    """Budgeted concept coverage as an integer program; None if the solver found nothing.

    Variables: one per sentence (chosen or not) and one per concept (covered or not).
    Maximise covered concept weight plus sentence bonuses (a bonus of 1 is worth 1 %
    of the story's concept weight) subject to: words within budget, a concept is
    covered only by a chosen sentence that holds it, no two near-duplicates.
    """
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix

    pool = [c for c in candidates if c.words <= opts.words and c.concepts & weights.keys()]
    if not pool:
        return []
    if len(pool) > opts.max_candidates:  # a big story: keep the solver (and pair checks) quick
        pool.sort(key=lambda c: -_shortlist_score(c, weights, opts))
        pool = pool[:opts.max_candidates]
    index = {k: i for i, k in enumerate(sorted({k for c in pool for k in c.concepts if k in weights}))}
    n, m = len(pool), len(index)
    unit = sum(weights[k] for k in index) / 100.0
    cost = -np.concatenate([[_bonus(c, opts) * unit for c in pool], [weights[k] for k in index]])
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    lower: list[float] = []
    upper: list[float] = []

    def constraint(entries: list[tuple[int, float]], low: float, high: float) -> None:
        for col, val in entries:
            rows.append(len(lower))
            cols.append(col)
            vals.append(val)
        lower.append(low)
        upper.append(high)

    constraint([(j, float(c.words)) for j, c in enumerate(pool)], 0.0, float(opts.words))
    holders: dict[int, list[int]] = defaultdict(list)
    for j, c in enumerate(pool):
        for k in c.concepts:
            if k in index:
                holders[index[k]].append(j)
    for i, js in sorted(holders.items()):  # rows in a fixed order: the solver returns the same optimum every run
        constraint([(n + i, 1.0)] + [(j, -1.0) for j in js], -np.inf, 0.0)
    meaning = _meaning_cosines(pool, opts)
    for a in range(n):
        for b in range(a + 1, n):
            if (_cosine(pool[a].stems, pool[b].stems) >= opts.redundancy
                    or meaning is not None and meaning[a, b] >= opts.semantic_redundancy):
                constraint([(a, 1.0), (b, 1.0)], -np.inf, 1.0)
    matrix = coo_matrix((vals, (rows, cols)), shape=(len(lower), n + m)).tocsr()
    result = milp(cost, integrality=np.ones(n + m), bounds=Bounds(0, 1),
                  constraints=LinearConstraint(matrix, lower, upper),
                  options={"time_limit": opts.time_limit})
    if result.x is None:
        return None
    return [c for j, c in enumerate(pool) if result.x[j] > 0.5]


def _repeats(a: Candidate, b: Candidate, opts: SummaryOptions, meaning: float = 0.0) -> bool:
    """Two sentences say much the same (in words, or at ``meaning`` cosine in meaning), unless
    reports of different times give different numbers: "the toll rose to 27" (Tuesday) and
    "at least 41 people have died" (Wednesday) share their words, but the second is news."""
    alike = _cosine(a.stems, b.stems) >= opts.redundancy or (
        opts.semantic_redundancy > 0 and meaning >= opts.semantic_redundancy)
    if not alike:
        return False
    when_a, when_b = a.document.published, b.document.published
    moved = when_a is not None and when_b is not None and when_a != when_b
    return not (moved and _other_numbers(a.sentence.text, b.sentence.text))


# number words as the digits a report may use instead ("nine" missing, "9" missing)
NUMBER_WORDS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({w: str(10 * n) for n, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)})
# "a fifth worker died" gives the count 5 ("first" and "second" say more often when than how many)
NUMBER_WORDS.update({w: str(n) for n, w in enumerate(
    "third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 3)})
NUMBER = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+(?:-[a-z]+)?")


@lru_cache(maxsize=100_000)
def _numbers(text: str) -> frozenset[str]:
    """The numbers a sentence gives, digits or words ("a" and "one" are no count here)."""
    found = set()
    for token in NUMBER.findall(text.lower()):
        if token[0].isdigit():
            found.add(token.replace(",", ""))
        elif all(part in NUMBER_WORDS for part in token.split("-")) and token != "one":
            found.add(str(sum(int(NUMBER_WORDS[part]) for part in token.split("-"))))  # "twenty-one"
    return frozenset(found)


def _other_numbers(a: str, b: str) -> bool:
    """Both sentences give numbers and share none: 27 dead is not 41 dead, whatever the words."""
    numbers_a, numbers_b = _numbers(a), _numbers(b)
    return bool(numbers_a and numbers_b and not numbers_a & numbers_b)


def _days(sentence: Sentence) -> set[date]:
    return {t.value for t in sentence.times if t.value is not None and t.precision == "day"}


def _other_days(a: Sentence, b: Sentence) -> bool:
    """Both sentences name days and share none: talks resumed a week after the walkout did,
    on another Monday, however alike the words."""
    days_a, days_b = _days(a), _days(b)
    return bool(days_a and days_b and not days_a & days_b)


def _select_leads(candidates: list[Candidate], opts: SummaryOptions,
                  chosen: Sequence[Candidate] = ()) -> list[Candidate]:
    """Each report's leading sentences in turn (news puts what matters first), after ``chosen``.

    With one or two reports, agreement between reports says little about what matters,
    so the lead, the strongest single-report baseline, decides. With more, the leads fill
    what budget the corroborated sentences leave: a few reports share few word pairs.
    """
    chosen = list(chosen)
    budget = opts.words - sum(c.words for c in chosen)
    order = [c for c in sorted(candidates, key=lambda c: (-_bonus(c, opts), c.rank, c.document.published is None,
                                                          c.document.published or 0, c.sentence.index))
             if c.words <= budget and not any(c is o for o in chosen)][:LEADS_WEIGHED]
    if not order:  # the budget is spent: nothing to weigh, nothing to encode
        return chosen
    alike = _meaning_cosines(chosen + order, opts)  # None: words alone tell repeats
    index = {id(c): i for i, c in enumerate(chosen + order)}
    for c in order:
        if c.words <= budget and not any(
                _repeats(c, o, opts, alike[index[id(c)], index[id(o)]] if alike is not None else 0.0)
                for o in chosen):
            chosen.append(c)
            budget -= c.words
    return chosen


def _select_greedy(candidates: list[Candidate], weights: dict, opts: SummaryOptions) -> list[Candidate]:
    """Fallback: best new concept weight per word, within a constant of the optimum."""
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
            gain *= 1 + _bonus(c, opts)
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


def _fill(chosen: list[Candidate], candidates: list[Candidate], weights: dict,
          opts: SummaryOptions) -> list[Candidate]:
    """One more sentence for the words whole sentences left unspent (it runs past them).

    Its worth is the new concept weight of the part that fits the budget.
    """
    left = opts.words - sum(c.words for c in chosen)
    if left <= 0:
        return []
    covered = set().union(*(c.concepts for c in chosen))
    best, best_gain = None, 0.0
    for c in candidates:
        if any(c is o or _cosine(c.stems, o.stems) >= opts.redundancy for o in chosen):
            continue
        gain = sum(weights.get(k, 0.0) for k in c.concepts - covered) * min(1.0, left / c.words)
        if gain > best_gain:
            best, best_gain = c, gain
    return [best] if best else []


# --- support and citations ---------------------------------------------------------


def _support(cand: Candidate, sentences: list[tuple[Document, Sentence]],
             opts: SummaryOptions) -> list[tuple[Document, Sentence]]:
    """The quoted sentence, then each other report's sentence that states its content.

    A report supports a sentence when its own sentence says what the quoted one says:
    most of the quoted sentence's words are in it (``_stated_share``), whatever else it
    adds. Cosine penalized the longer telling ("... killing 22, police said, as the city
    went on alert") that states the whole fact and more (TREC TS support sets: precision
    0.683 -> 0.706, recall 0.451 -> 0.482 at 0.5).
    """
    best: dict[str, tuple[float, float, Document, Sentence]] = {}
    wanted = _counts(cand.sentence)
    for d, s in sentences:
        if d.doc_id == cand.document.doc_id:
            continue
        stems = Counter(_sentence_stems(s.text))
        share = _stated_share(cand.stems, stems)
        if share < opts.support_threshold:
            continue
        key = (share, _cosine(cand.stems, stems))
        if (key > best.get(d.doc_id, (0.0, 0.0))[:2]
                and not _other_numbers(cand.sentence.text, s.text) and not _other_days(cand.sentence, s)
                and _confirms_counts(wanted, s)):
            best[d.doc_id] = (*key, d, s)
    ranked = sorted(best.values(), key=lambda x: (-x[0], -x[1], x[2].doc_id))
    return [(cand.document, cand.sentence)] + [(d, s) for _, _, d, s in ranked]


def _stated_share(quoted: Counter, other: Counter) -> float:
    """Share of the quoted sentence's distinct content words that the other sentence uses."""
    if not quoted:
        return 0.0
    return sum(1 for k in quoted if k in other) / len(quoted)


def _counts(sentence: Sentence) -> list[tuple[float, float]]:
    """The counts a sentence states, as value ranges ("at least 20" is 20 and up)."""
    counts = []
    for q in sentence.quantities:
        if not q.negated:
            low = q.low if q.low is not None else q.value
            high = q.high if q.high is not None else (q.value if q.value is not None else math.inf)
            if low is not None:
                counts.append((low, high))
    return counts


def _confirms_counts(wanted: list[tuple[float, float]], other: Sentence) -> bool:
    """A report backs a sentence's counts (``wanted``) only by stating one: "Some 1,100
    operations were postponed" is not supported by "Operations were postponed", however
    alike the words."""
    if not wanted:
        return True
    given = _counts(other)
    return any(lo <= h and l <= hi for l, h in wanted for lo, hi in given)


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
