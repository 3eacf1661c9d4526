"""The typed records that flow between stages.

Data flows one way: ingest -> clean -> annotate -> group -> analyze -> store -> render.
Each stage takes and returns these dataclasses, never loose dicts, so a stage can be
swapped without reading the others. ``to_dict``/``from_dict`` exist for the store.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import numpy as np


# --- ingest -----------------------------------------------------------------


@dataclass
class RawReport:
    """One report as read from an input, before cleaning."""

    origin: str  # file path, with ":LINE" for JSON Lines, or "<stdin>"
    doc_id: str
    text: str | None = None  # plain text, when the input is text
    html: str | None = None  # markup, when the input is a web page
    title: str | None = None
    published: datetime | None = None
    source: str | None = None
    url: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class Rejection:
    """An input that could not be used, and why (nothing is dropped silently)."""

    origin: str
    reason: str

    def __str__(self) -> str:
        # "feed.jsonl:10" (a report's origin) reads as the line-level rejections do: "feed.jsonl: line 10"
        path, line = split_origin(self.origin)
        return f"{path + ': line ' + line if line else path}: {self.reason}"


def split_origin(origin: str) -> tuple[str, str | None]:
    """A report's origin as (file, line number or None): 'feeds/a.jsonl:3' -> ('feeds/a.jsonl', '3')."""
    path, _, line = origin.rpartition(":")
    return (path, line) if path and line.isdigit() else (origin, None)


# --- clean + annotate -------------------------------------------------------


@dataclass
class Entity:
    text: str
    label: str  # spaCy label: PERSON, GPE, ORG, NORP, DATE, ...
    start: int  # character offsets in the document text
    end: int


@dataclass
class TimeMention:
    """A temporal expression, resolved against the report's date where possible."""

    text: str
    start: int  # character offsets in the document text
    end: int
    kind: str  # absolute | weekday | relative | span | dateline
    value: date | None = None  # resolved day (or first day of month/year)
    precision: str = "day"  # day | month | year
    offset_days: int | None = None  # for relative mentions: days from the report date
    weekday: int | None = None  # 0=Monday, for weekday mentions
    direction: str = "past"  # past | future: how a weekday resolves
    governor: str | None = None  # lemma of the verb or event noun the expression attaches to
    # where the parse attaches it: "main" (the sentence's own event or its reporting verb),
    # "noun" (a noun phrase of the main clause: "a premium to the price on Friday"), "subject"
    # (a relative clause on the main event's subject: "a bomb that exploded on Tuesday killed
    # 12") or "side" (another relative, participial or adverbial clause: "paintings stolen on
    # Monday"); None: unknown
    clause: str | None = None


@dataclass
class Quantity:
    """A number in a sentence, with what it counts and who said it."""

    text: str  # the surface number phrase, e.g. "at least 20"
    start: int  # character offsets in the document text
    end: int
    value: float | None  # None for vague amounts ("dozens")
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None  # at least, about, more than, up to, ...
    counted: str | None = None  # head noun with modifiers: "foreign hostages"
    event: str | None = None  # killed, escaped, freed, held, missing, ...
    attributed_to: str | None = None
    negated: bool = False
    hedged: bool = False  # could, may, if ...
    key: bool = False  # a key figure (casualties, hostages, money...) vs a plain fact


@dataclass
class Sentence:
    doc_id: str
    index: int  # position in the document, 0-based
    start: int  # character offsets in the document text
    end: int
    text: str
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    # a photo caption left in the text ("Rescuers search the rubble in Savar on April 24, 2013."):
    # quoted in no summary or timeline, though its numbers and dates are still read
    caption: bool = False
    # no verb at all ("Mohammad Asif, 20, a worker at the factory."): a caption or a list
    # item cut from its page, not a statement a summary can quote
    fragment: bool = False
    # the main clause tells a state or habit in the simple present ("Schools now offer music
    # classes", "The victims are mostly civilians"): true whenever it is read, no event of a day
    state: bool = False


@dataclass
class Document:
    """A cleaned report: body text plus the metadata kept from the page."""

    doc_id: str
    text: str = field(repr=False)  # cleaned body; paragraphs separated by a blank line
    title: str | None = None
    published: datetime | None = None
    source: str | None = None  # outlet, or the file it came from
    url: str | None = None
    dateline: str | None = None  # place of the dateline, e.g. "ALGIERS"
    # the long parts stay out of repr(): a story of two reports printed 14,000 characters
    captions: list[str] = field(default_factory=list, repr=False)
    removed: list[str] = field(default_factory=list, repr=False)  # furniture lines dropped
    origin: str = ""
    metadata: dict[str, Any] = field(default_factory=dict, repr=False)
    content_hash: str = ""
    duplicate_of: str | None = None
    sentences: list[Sentence] = field(default_factory=list, repr=False)
    # unit-length sentence embedding of the title and lead (float32), for grouping by meaning;
    # None without the ``embeddings`` extra. The store keeps it in its own column, not in JSON.
    embedding: np.ndarray | None = field(default=None, repr=False, compare=False)


# --- analyze ----------------------------------------------------------------


@dataclass
class Citation:
    """A report that states a sentence: its id and the quoted passage's offsets in its cleaned text."""

    doc_id: str
    start: int | None = None  # character offsets of the quoted passage
    end: int | None = None


@dataclass
class SummarySentence:
    """A summary sentence, quoted verbatim, with every report that says the same."""

    text: str
    sources: list[Citation]  # the first is the one quoted


@dataclass
class FigureValue:
    """One reported value of a key figure: the number (or ``low``-``high`` range), its qualifier
    ("at least"), who said it (``attributed_to``), when (``reported_at``), and the sentence."""

    value: float | None
    text: str  # the sentence it was read from
    doc_id: str
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    reported_at: datetime | None = None
    attributed_to: str | None = None
    quote: str | None = None  # the number phrase itself
    also_in: list[str] = field(default_factory=list)  # copies that repeat it


@dataclass
class Figure:
    """A key figure ("hostages freed"): its values in report order, how it moved (``change``),
    and whether reports of about the same time disagree (``conflict``, ``conflict_note``)."""

    label: str
    values: list[FigureValue]
    unit: str | None = None
    conflict: bool = False
    change: str | None = None  # "20 -> 30", plain words for how it moved
    conflict_note: str | None = None  # which sources say which


@dataclass
class TimelineEntry:
    """An event on its day (or month, year: ``precision``), worded by one report, cited by all."""

    date: str  # YYYY-MM-DD, YYYY-MM or YYYY
    text: str
    sources: list[Citation]
    precision: str = "day"


@dataclass
class Story:
    """One story: its reports (``documents``), the cited ``summary``, key ``figures``, the
    ``timeline``, and the ``update`` (what the last run's new reports added). ``to_dict`` /
    ``storyline.to_json`` give it in the JSON contract's shape."""

    story_id: str
    title: str
    documents: list[Document]
    summary: list[SummarySentence] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    update: list[SummarySentence] = field(default_factory=list)  # new since the previous run
    # a story none of whose reports has a date: its events by the weekdays they name,
    # dated "Day 1 (Wednesday)" and never given a calendar date
    relative_timeline: list[TimelineEntry] = field(default_factory=list)


@dataclass
class RunReport:
    """What happened to every input of a run: counts (``read``, ``processed``, ``duplicates``,
    ``unchanged``), each ``rejected`` input with its reason, ``warnings``, the ``stories`` (with
    ``new_stories`` / ``updated_stories`` ids), the files ``written``; ``line()`` sums it up."""

    read: int = 0
    processed: int = 0
    duplicates: int = 0  # already stored, or a wire copy of another report
    unchanged: int = 0  # already in the store, nothing new
    rejected: list[Rejection] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    story_count: int = 0  # stories formed, when they are not analyzed (``storyline group``)
    warnings: list[str] = field(default_factory=list)  # used, but something was not understood
    new_stories: list[str] = field(default_factory=list)  # story ids this run started
    updated_stories: list[str] = field(default_factory=list)  # stored stories this run added reports to

    def line(self) -> str:
        stories = self.story_count or len(self.stories)
        changes = [f"{len(ids)} {what}" for ids, what in ((self.new_stories, "new"),
                                                            (self.updated_stories, "updated")) if ids]
        return (
            f"{_count(self.read, 'report')} read: {self.processed} processed, "
            f"{_count(self.duplicates, 'copy', 'copies')}, {self.unchanged} already stored, "
            f"{len(self.rejected)} rejected; {_count(stories, 'story', 'stories')}"
            + (f" ({', '.join(changes)})" if changes else "")
        )


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


# --- (de)serialization for the store -----------------------------------------


def to_dict(obj: Any) -> Any:
    """Dataclass -> JSON-ready dict (dates as ISO strings)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (datetime, date)):
        return obj.isoformat()
    if isinstance(obj, list):
        return [to_dict(x) for x in obj]
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def from_dict(cls: type, data: Any) -> Any:
    """Inverse of :func:`to_dict`, guided by the dataclass's type hints."""
    return _convert(cls, data)


def _convert(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], data) if len(args) == 1 else data
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_convert(item, x) for x in data]
    if origin is dict:
        return dict(data)
    if tp is datetime:
        return datetime.fromisoformat(data)
    if tp is date:
        return date.fromisoformat(data)
    if tp is np.ndarray:
        return np.asarray(data, dtype=np.float32)
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp)}
        return tp(**{k: _convert(hints[k], v) for k, v in data.items() if k in names})
    return data


_HINT_CACHE: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINT_CACHE:
        _HINT_CACHE[cls] = typing.get_type_hints(cls)
    return _HINT_CACHE[cls]
