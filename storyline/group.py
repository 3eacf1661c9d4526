"""Group reports into stories, online, as they arrive.

Each report joins the most similar existing story or starts a new one (Miranda et al.
2018; Event Registry). A report is seen through several views: TF-IDF of its words
(sublinear tf, top terms only: long pages carry furniture), its named entities (rare ones
count more) and its title. Time raises the bar instead of vetoing: each doubling of the
gap beyond a window asks for a little more similarity, so a report weeks later about a
similar topic starts a new story unless it is strongly linked; a story tolerates gaps in
proportion to its own recent pace (a burst that fell silent is over, a slow topic is not). When
a report could have joined two stories, they merge if their centroids also agree.
When reports carry a sentence embedding (``Document.embedding``, the ``embeddings`` extra),
meaning is one more view: reports that tell one event in other words still meet, and two
stories whose mean embeddings agree merge. Without embeddings the grouping is lexical only.
Candidate stories come from an inverted index whose posting lists are capped, so the
cost per report stays bounded however many stories exist.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyline.models import Document
from storyline.textutil import stem

WORD = re.compile(r"[a-z][a-z'-]+|\d+")
STOP = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "told", "would", "could", "also", "new",
                                        "year", "years", "people", "time", "mr", "mrs", "ms"}
# a digest tells several stories at once ("The following are major news items ...", "Morning
# briefing", "The week in review: floods, a strike and a takeover"): it stands alone
DIGEST = re.compile(r"\bmajor news items\b|\bnews (?:summary|digest|round-?up|in brief)\b"
                    r"|\b(?:morning|evening|daily|weekly|weekend) (?:briefing|digest|round-?up)\b"
                    r"|\b(?:week|weekend|day|month|year) in review\s*:", re.IGNORECASE)
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"})


@dataclass
class GroupOptions:
    threshold: float = 0.14  # combined similarity needed to join a story
    merge_threshold: float = 0.5  # centroid cosine at which two stories become one
    entity_weight: float = 0.15  # share of the score from (idf-weighted) entity overlap
    title_weight: float = 0.1
    top_terms: int = 30  # terms kept per report (index keys and vector)
    window_days: float = 1.0  # gap after which links must be stronger
    gap_penalty: float = 0.1  # extra similarity needed per doubling of the gap beyond the window
    rate_factor: float = 5.0  # a story tolerates gaps up to this many times its mean gap between reports
    ramp: float = 30.0  # dated reports a story needs before its pace is trusted fully
    candidates: int = 10  # stories scored per report, from the index
    posting_cap: int = 64  # stories remembered per index key (most recently updated)
    pace_reports: int = 30  # the pace is read from this many latest dated reports (0: all)
    lead_chars: int = 10000  # only the title and this much of the text are read (0: all of it)
    # the meaning view, used only for reports that carry an embedding
    embedding_weight: float = 0.15  # share of the score from embedding cosine (0: view off)
    embedding_floor: float = 0.3  # embedding cosine that counts as no evidence (unrelated news sits near it)
    embedding_merge: float = 0.7  # cosine of two stories' mean embeddings that also merges them (0: off)
    unshared_penalty: float = 0.06  # extra similarity needed when a report names none of the story's entities
    unshared_min: int = 4  # entities a report must name for their absence from a story to count


@dataclass
class Features:
    terms: dict[str, float]  # unit-length TF-IDF vector over top terms
    entities: dict[str, float]  # entity -> idf
    title: frozenset[str]
    published: datetime | None
    vector: np.ndarray | None = None  # unit-length sentence embedding, when the report has one


@dataclass
class StoryState:
    story_id: str
    centroid: dict[str, float] = field(default_factory=dict)
    norm2: float = 0.0
    entities: Counter = field(default_factory=Counter)
    title: Counter = field(default_factory=Counter)
    size: int = 0
    dated: int = 0  # members with a publication date
    first: datetime | None = None
    last: datetime | None = None
    times: list[float] = field(default_factory=list)  # members' publication times (epoch s), sorted
    members: list[str] = field(default_factory=list)
    vector: np.ndarray | None = None  # sum of members' embeddings (points where their mean does)


def tokens(text: str) -> list[str]:
    return [stem(w) for w in WORD.findall(text.lower()) if w not in STOP and len(w) > 2]


def lead(doc: Document, chars: int) -> str:
    """The first ``chars`` characters of the text, cut at a word boundary.

    What a report is about is said first, and a bounded read keeps the cost per report
    bounded however long a page is (on the benchmark streams 5,000-10,000 characters score
    the same as the whole text).
    """
    if chars <= 0 or len(doc.text) <= chars:
        return doc.text
    cut = doc.text.rfind(" ", 0, chars + 1)
    return doc.text[: cut if cut > 0 else chars]


def document_entities(doc: Document, chars: int = 0) -> frozenset[str]:
    """Named entities of the report (those starting in its first ``chars`` characters, when > 0)."""
    return frozenset(e.text.lower() for s in doc.sentences for e in s.entities
                     if e.label in ENTITY_LABELS and (chars <= 0 or e.start < chars))


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    return sum(w * get(t, 0.0) for t, w in a.items())


class StoryGrouper:
    """Online single-pass grouper with an inverted index for candidate stories."""

    def __init__(self, options: GroupOptions | None = None, *, id_prefix: str = "s") -> None:
        self.options = options or GroupOptions()
        self.id_prefix = id_prefix
        self.df: Counter = Counter()
        self.n_docs = 0
        self.stories: dict[str, StoryState] = {}
        self.index: dict[str, dict[str, None]] = defaultdict(dict)
        self.merged_into: dict[str, str] = {}
        self._next = 0

    # --- public -----------------------------------------------------------

    def add(self, doc: Document) -> str:
        """Assign ``doc`` to a story (existing or new) and return the story id."""
        feats = self.features(doc)
        if is_digest(doc):
            sid = self._new_story_id()
            self._attach(sid, doc.doc_id, feats, indexed=False)
            return sid
        scored = self._score_candidates(feats)
        if scored and scored[0][0] >= 0:
            best = scored[0][1]
        else:
            best = self._new_story_id()
        self._attach(best, doc.doc_id, feats)
        return self._merge_neighbours(best, scored)

    def attach(self, doc: Document, story_id: str) -> None:
        """Put ``doc`` in a known story (replaying a stored assignment)."""
        self._attach(story_id, doc.doc_id, self.features(doc), indexed=not is_digest(doc))
        num = _id_number(story_id, self.id_prefix)
        if num is not None:
            self._next = max(self._next, num + 1)

    def resolve(self, story_id: str) -> str:
        while story_id in self.merged_into:
            story_id = self.merged_into[story_id]
        return story_id

    def features(self, doc: Document) -> Features:
        """The report's views. Lines the cleaner dropped (related headlines, captions) are read
        too: they are furniture for a summary, but they say what the page is about."""
        cap = self.options.lead_chars
        words = tokens(lead(doc, cap)) + tokens("\n".join(doc.removed))
        title_words = tokens(doc.title or "")
        counts = Counter(words)
        counts.update(title_words)  # titles count double: they say what the story is
        ents = document_entities(doc, cap)
        self.n_docs += 1
        self.df.update(counts.keys())
        self.df.update(f"e:{e}" for e in ents)
        weights = {t: (1 + math.log(c)) * self._idf(t) for t, c in counts.items()}
        top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[: self.options.top_terms]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        return Features(
            terms={t: w / norm for t, w in top},
            entities={e: self._idf(f"e:{e}") for e in ents},
            title=frozenset(title_words),
            published=doc.published,
            vector=unit_vector(doc.embedding),
        )

    # --- internals ----------------------------------------------------------

    def _idf(self, term: str) -> float:
        return math.log((1 + self.n_docs) / (1 + self.df[term])) + 1.0

    def _score_candidates(self, feats: Features) -> list[tuple[float, str]]:
        """(similarity - threshold needed at this time gap, story), best first."""
        votes: Counter = Counter()
        keys = list(feats.terms.items()) + [(f"e:{e}", 0.1) for e in feats.entities]
        for key, w in keys:
            for sid in self.index.get(key, ()):
                votes[sid] += w
        seen: set[str] = set()
        scored = []
        for sid, _ in votes.most_common(self.options.candidates):
            sid = self.resolve(sid)
            if sid in seen:
                continue
            seen.add(sid)
            story = self.stories[sid]
            needed = self._needed(feats.published, story) + self._unshared(feats, story)
            scored.append((self._similarity(feats, story) - needed, sid))
        return sorted(scored, key=lambda x: (-x[0], x[1]))

    def _similarity(self, feats: Features, story: StoryState) -> float:
        o = self.options
        cosine = _dot(feats.terms, story.centroid) / math.sqrt(story.norm2) if story.norm2 else 0.0
        views = [(1 - o.entity_weight - o.title_weight, cosine)]
        if feats.entities:  # a view the report lacks does not count against it
            views.append((o.entity_weight, _weighted_overlap(feats.entities, story.entities)))
        if feats.title:
            views.append((o.title_weight, _overlap(feats.title, story.title)))
        if o.embedding_weight > 0 and feats.vector is not None and story.vector is not None:
            views.append((o.embedding_weight, self._meaning(feats.vector, story.vector)))
        return sum(w * v for w, v in views) / sum(w for w, _ in views)

    def _unshared(self, feats: Features, story: StoryState) -> float:
        """Extra bar for a report that names several entities, none of them the story's."""
        o = self.options
        if o.unshared_penalty <= 0 or len(feats.entities) < o.unshared_min or not story.entities:
            return 0.0
        if any(e in story.entities for e in feats.entities):
            return 0.0
        return o.unshared_penalty

    def _meaning(self, vector: np.ndarray, story_vector: np.ndarray) -> float:
        """Embedding cosine above the floor, scaled to 0..1: any two news reports sit near the
        floor, so only what lies above it is evidence of one story."""
        floor = self.options.embedding_floor
        return max(0.0, _cosine(vector, story_vector) - floor) / (1 - floor)

    def _needed(self, when: datetime | None, story: StoryState) -> float:
        """Join threshold, raised for each doubling of the gap beyond the story's window.

        The window follows the story's own pace: a burst of reports over a few days that
        then fell silent is over, and a report months later about the same place is a new
        story; a topic that drew a report every few weeks for years tolerates long gaps.
        A story with few dated reports has no reliable pace yet, so its penalty is softer.
        The pace is read from the latest reports only: a topic that once drew a stray report
        months earlier but now moves by the hour must not keep a window of months.
        """
        o = self.options
        if when is None or story.last is None or story.first is None:
            return o.threshold
        gap = max((story.first - when).total_seconds(), (when - story.last).total_seconds(), 0.0) / 86400
        recent = story.times[-o.pace_reports:] if o.pace_reports > 0 else story.times
        span = (recent[-1] - recent[0]) / 86400
        window = max(o.window_days, o.rate_factor * span / max(len(recent) - 1, 1))
        if gap <= window:
            return o.threshold
        confidence = min(1.0, story.dated / o.ramp) if o.ramp > 0 else 1.0
        return o.threshold + o.gap_penalty * confidence * math.log2(gap / window)

    def _merge_neighbours(self, sid: str, scored: list[tuple[float, str]]) -> str:
        """Merge the grown story with candidate stories whose centroids now look alike.

        Stories are compared centroid to centroid (not through one report), so a single
        ambiguous report cannot chain two stories together.
        """
        story = self.stories[sid]
        for margin, other_id in scored:
            if margin < 0:  # the report could not have joined it: no evidence they are one
                break
            other_id = self.resolve(other_id)
            if other_id == sid or other_id not in self.stories:
                continue
            other = self.stories[other_id]
            if story.norm2 == 0 or other.norm2 == 0:
                continue
            cosine = _dot(story.centroid, other.centroid) / math.sqrt(story.norm2 * other.norm2)
            extra = self._gap_extra(story.first, story.last, other)
            # by words, or by meaning (across a time gap, words must still reach the gap's extra)
            if (cosine >= self.options.merge_threshold + extra
                    or (cosine >= extra and self._same_meaning(story, other, extra))):
                sid = self._merge(sid, other_id)
                story = self.stories[sid]
        return sid

    def _same_meaning(self, a: StoryState, b: StoryState, extra: float) -> bool:
        """Two stories whose mean embeddings agree are one even when their words differ."""
        bar = self.options.embedding_merge
        if bar <= 0 or a.vector is None or b.vector is None:
            return False
        return _cosine(a.vector, b.vector) >= bar + extra

    def _gap_extra(self, first: datetime | None, last: datetime | None, story: StoryState) -> float:
        return max(self._needed(first, story), self._needed(last, story)) - self.options.threshold

    def _index(self, key: str, sid: str) -> None:
        posting = self.index[key]
        posting.pop(sid, None)
        posting[sid] = None
        if len(posting) > self.options.posting_cap:
            del posting[next(iter(posting))]

    def _attach(self, sid: str, doc_id: str, feats: Features, indexed: bool = True) -> None:
        """Add the report to the story; a story left out of the index is never a candidate."""
        story = self.stories.get(sid)
        if story is None:
            story = self.stories[sid] = StoryState(story_id=sid)
        dot = _dot(feats.terms, story.centroid)
        story.norm2 += 2 * dot + sum(w * w for w in feats.terms.values())
        for t, w in feats.terms.items():
            story.centroid[t] = story.centroid.get(t, 0.0) + w
        if indexed:
            for key in [*feats.terms, *(f"e:{e}" for e in feats.entities)]:
                self._index(key, sid)
        story.entities.update(feats.entities.keys())
        story.title.update(feats.title)
        story.vector = _add(story.vector, feats.vector)
        story.size += 1
        story.members.append(doc_id)
        if feats.published is not None:
            story.dated += 1
            story.first = min(story.first or feats.published, feats.published)
            story.last = max(story.last or feats.published, feats.published)
            bisect.insort(story.times, feats.published.timestamp())

    def _merge(self, keep: str, other: str) -> str:
        a, b = self.stories[keep], self.stories[other]
        if b.size > a.size:
            a, b = b, a
        dot = _dot(b.centroid, a.centroid)
        a.norm2 += 2 * dot + b.norm2
        for t, w in b.centroid.items():
            a.centroid[t] = a.centroid.get(t, 0.0) + w
        # the merged story leaves the index: left there, it would take a second candidate slot
        # under its old id and push another story out of the candidates
        for key in [*b.centroid, *(f"e:{e}" for e in b.entities)]:
            self.index[key].pop(b.story_id, None)
            self._index(key, a.story_id)
        a.entities.update(b.entities)
        a.title.update(b.title)
        a.vector = _add(a.vector, b.vector)
        a.size += b.size
        a.dated += b.dated
        a.members.extend(b.members)
        a.times = sorted(a.times + b.times)
        for when in (b.first, b.last):
            if when is not None:
                a.first = min(a.first or when, when)
                a.last = max(a.last or when, when)
        del self.stories[b.story_id]
        self.merged_into[b.story_id] = a.story_id
        return a.story_id

    def _new_story_id(self) -> str:
        while True:
            sid = f"{self.id_prefix}{self._next:05d}"
            self._next += 1
            if sid not in self.stories and sid not in self.merged_into:
                return sid


def unit_vector(values: np.ndarray | None) -> np.ndarray | None:
    """The embedding as a float64 unit vector (None when absent or all zero)."""
    if values is None:
        return None
    vec = np.asarray(values, dtype=np.float64)
    norm = float(np.linalg.norm(vec))
    return vec / norm if norm > 0 else None


def _add(total: np.ndarray | None, vector: np.ndarray | None) -> np.ndarray | None:
    if vector is None:
        return total
    return vector.copy() if total is None else total + vector


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(a @ b) / norm if norm > 0 else 0.0


def _overlap(items: frozenset[str], pool: Counter) -> float:
    """Share of a report's items already seen in the story (0 when it has none)."""
    if not items:
        return 0.0
    return sum(1 for x in items if x in pool) / len(items)


def _weighted_overlap(items: dict[str, float], pool: Counter) -> float:
    """Like ``_overlap`` but rare entities (high idf) count for more than common ones."""
    total = sum(items.values())
    return sum(w for x, w in items.items() if x in pool) / total if total else 0.0


def is_digest(doc: Document) -> bool:
    """A roundup of several stories, told by its headline or its opening line."""
    opening = doc.text[:200].split("\n", 1)[0]
    return bool(DIGEST.search(doc.title or "") or DIGEST.search(opening))


def _id_number(story_id: str, prefix: str) -> int | None:
    rest = story_id[len(prefix):] if story_id.startswith(prefix) else ""
    return int(rest) if rest.isdigit() else None


def publication_order(docs: list[Document]) -> list[Document]:
    """Reports in publication order; undated ones last, in input order."""
    dated = sorted((d for d in docs if d.published is not None), key=lambda d: d.published)
    return dated + [d for d in docs if d.published is None]
