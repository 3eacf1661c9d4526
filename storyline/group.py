"""Group reports into stories, online, as they arrive.

Each report joins the most similar existing story or starts a new one (Miranda et al.
2018; Event Registry). A report is seen through several views: TF-IDF of its words,
its named entities and its title, and time: a report long after a story's last report
needs a stronger link. Candidate stories come from an inverted index over the report's
top terms and entities, so the cost per report does not grow with the number of stories.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyline.models import Document
from storyline.textutil import stem

WORD = re.compile(r"[a-z][a-z'-]+|\d+")
STOP = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "told", "would", "could", "also", "new",
                                        "year", "years", "people", "time", "mr", "mrs", "ms"}


@dataclass
class GroupOptions:
    threshold: float = 0.25  # combined similarity needed to join a story
    merge_threshold: float = 0.45  # two stories this close to one report merge
    entity_weight: float = 0.3  # share of the score from entity overlap
    title_weight: float = 0.1
    top_terms: int = 40  # terms kept per report (index keys and vector)
    window_days: float = 7.0  # gap after which links must be stronger
    candidates: int = 30  # stories scored per report, from the index


@dataclass
class Features:
    terms: dict[str, float]  # unit-length TF-IDF vector over top terms
    entities: frozenset[str]
    title: frozenset[str]
    published: datetime | None


@dataclass
class StoryState:
    story_id: str
    centroid: dict[str, float] = field(default_factory=dict)
    norm2: float = 0.0
    entities: Counter = field(default_factory=Counter)
    title: Counter = field(default_factory=Counter)
    size: int = 0
    first: datetime | None = None
    last: datetime | None = None
    members: list[str] = field(default_factory=list)


def tokens(text: str) -> list[str]:
    return [stem(w) for w in WORD.findall(text.lower()) if w not in STOP and len(w) > 2]


def document_entities(doc: Document) -> frozenset[str]:
    return frozenset(e.text.lower() for s in doc.sentences for e in s.entities
                     if e.label in {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"})


class StoryGrouper:
    """Online single-pass grouper with an inverted index for candidate stories."""

    def __init__(self, options: GroupOptions | None = None, *, id_prefix: str = "s") -> None:
        self.options = options or GroupOptions()
        self.id_prefix = id_prefix
        self.df: Counter = Counter()
        self.n_docs = 0
        self.stories: dict[str, StoryState] = {}
        self.index: dict[str, set[str]] = defaultdict(set)
        self.merged_into: dict[str, str] = {}
        self._next = 0

    # --- public -----------------------------------------------------------

    def add(self, doc: Document) -> str:
        """Assign ``doc`` to a story (existing or new) and return the story id."""
        feats = self.features(doc)
        scored = self._score_candidates(feats)
        if scored and scored[0][0] >= self.options.threshold:
            best = scored[0][1]
            for score, other in scored[1:]:
                if score >= self.options.merge_threshold and other != best:
                    best = self._merge(best, other)
        else:
            best = self._new_story_id()
        self._attach(best, doc.doc_id, feats)
        return best

    def attach(self, doc: Document, story_id: str) -> None:
        """Put ``doc`` in a known story (replaying a stored assignment)."""
        self._attach(story_id, doc.doc_id, self.features(doc))
        num = _id_number(story_id, self.id_prefix)
        if num is not None:
            self._next = max(self._next, num + 1)

    def resolve(self, story_id: str) -> str:
        while story_id in self.merged_into:
            story_id = self.merged_into[story_id]
        return story_id

    def features(self, doc: Document) -> Features:
        words = tokens(doc.text)
        title_words = tokens(doc.title or "")
        counts = Counter(words)
        counts.update(title_words)  # titles count double: they say what the story is
        self.n_docs += 1
        self.df.update(counts.keys())
        weights = {t: (1 + math.log(c)) * self._idf(t) for t, c in counts.items()}
        top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[: self.options.top_terms]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        return Features(
            terms={t: w / norm for t, w in top},
            entities=document_entities(doc),
            title=frozenset(title_words),
            published=doc.published,
        )

    # --- internals ----------------------------------------------------------

    def _idf(self, term: str) -> float:
        return math.log((1 + self.n_docs) / (1 + self.df[term])) + 1.0

    def _score_candidates(self, feats: Features) -> list[tuple[float, str]]:
        votes: Counter = Counter()
        for key in list(feats.terms) + [f"e:{e}" for e in feats.entities]:
            for sid in self.index.get(key, ()):
                votes[self.resolve(sid)] += 1
        scored = [(self._similarity(feats, self.stories[sid]), sid)
                  for sid, _ in votes.most_common(self.options.candidates)]
        return sorted(scored, key=lambda x: (-x[0], x[1]))

    def _similarity(self, feats: Features, story: StoryState) -> float:
        o = self.options
        dot = sum(w * story.centroid.get(t, 0.0) for t, w in feats.terms.items())
        cosine = dot / math.sqrt(story.norm2) if story.norm2 else 0.0
        views = [(1 - o.entity_weight - o.title_weight, cosine)]
        if feats.entities:  # a view the report lacks does not count against it
            views.append((o.entity_weight, _overlap(feats.entities, story.entities)))
        if feats.title:
            views.append((o.title_weight, _overlap(feats.title, story.title)))
        score = sum(w * v for w, v in views) / sum(w for w, _ in views)
        return score * self._time_factor(feats.published, story)

    def _time_factor(self, when: datetime | None, story: StoryState) -> float:
        if when is None or story.last is None or story.first is None:
            return 1.0
        gap = max((story.first - when).days, (when - story.last).days, 0)
        if gap <= self.options.window_days:
            return 1.0
        return math.exp(-(gap - self.options.window_days) / (4 * self.options.window_days))

    def _attach(self, sid: str, doc_id: str, feats: Features) -> None:
        story = self.stories.get(sid)
        if story is None:
            story = self.stories[sid] = StoryState(story_id=sid)
        dot = sum(w * story.centroid.get(t, 0.0) for t, w in feats.terms.items())
        story.norm2 += 2 * dot + sum(w * w for w in feats.terms.values())
        for t, w in feats.terms.items():
            story.centroid[t] = story.centroid.get(t, 0.0) + w
            self.index[t].add(sid)
        for e in feats.entities:
            self.index[f"e:{e}"].add(sid)
        story.entities.update(feats.entities)
        story.title.update(feats.title)
        story.size += 1
        story.members.append(doc_id)
        if feats.published is not None:
            story.first = min(story.first or feats.published, feats.published)
            story.last = max(story.last or feats.published, feats.published)

    def _merge(self, keep: str, other: str) -> str:
        a, b = self.stories[keep], self.stories[other]
        if b.size > a.size:
            a, b = b, a
        dot = sum(w * a.centroid.get(t, 0.0) for t, w in b.centroid.items())
        a.norm2 += 2 * dot + b.norm2
        for t, w in b.centroid.items():
            a.centroid[t] = a.centroid.get(t, 0.0) + w
            self.index[t].add(a.story_id)
        for e in b.entities:
            self.index[f"e:{e}"].add(a.story_id)
        a.entities.update(b.entities)
        a.title.update(b.title)
        a.size += b.size
        a.members.extend(b.members)
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


def _overlap(items: frozenset[str], pool: Counter) -> float:
    """Share of a report's items already seen in the story (0 when it has none)."""
    if not items:
        return 0.0
    return sum(1 for x in items if x in pool) / len(items)


def _id_number(story_id: str, prefix: str) -> int | None:
    rest = story_id[len(prefix):] if story_id.startswith(prefix) else ""
    return int(rest) if rest.isdigit() else None


def publication_order(docs: list[Document]) -> list[Document]:
    """Reports in publication order; undated ones last, in input order."""
    dated = sorted((d for d in docs if d.published is not None), key=lambda d: d.published)
    return dated + [d for d in docs if d.published is None]
