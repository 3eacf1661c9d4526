"""Story -> one self-contained HTML page, plus an index page of all stories.

Readers look before they read, so the page leads with the headline, the span of
time and the counts, then a summary whose every sentence carries clickable
citation markers that show the exact passage it rests on. Everything is in one
file (inline CSS and JS, charts drawn here as SVG) so it opens from disk, works
offline and can be mailed around. A Content-Security-Policy that only allows the
page's own script and style (by hash) means that even a slip in escaping could
not run a report's script; autoescaping is the first line of defence.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from urllib.parse import quote, urlsplit

import jinja2
from markupsafe import Markup

from storyline.figures import describe, later_values, since_then
from storyline.models import Citation, Document, Figure, FigureValue, Story, SummarySentence, TimelineEntry
from storyline.render_md import (OPINION_ONLY, conflicting_values, disputed, latest_values, opinion_only,
                                 source_name, timestamp, value_bounds, value_text)
from storyline.undated import date_note

CONTEXT_CHARS = 180  # characters of report text searched around a cited passage for context
SUMMARY_LINE_CHARS = 240  # longest one-line summary on the index page

CONFLICT_COLOUR = "#b42318"
POINT_COLOUR = "#1f4e79"
MUTED_COLOUR = "#8a8f98"


# --- public API -------------------------------------------------------------------------


def render_story_html(story: Story, *, home_href: str | None = None) -> str:
    """The story page: header, cited summary, key figures, timeline, sources.

    ``home_href`` adds a link back to the list of stories (the local web app has one).
    """
    page = _story_page(story)
    return _render("story.html", page=page, story=story, script_file="story.js",
                   home_href=safe_relative_link(home_href))


def render_index_html(stories: Sequence[Story], *, links: Mapping[str, str],
                      add_href: str | None = None) -> str:
    """All stories, latest first, with a client-side search box.

    ``add_href`` links to a page for adding reports (only the local web app has one).
    """
    rows = [_index_row(s, links.get(s.story_id)) for s in sort_by_latest(stories)]
    reports = sum(len(s.documents) for s in stories)
    return _render("index.html", rows=rows, reports=reports, script_file="index.js",
                   add_href=safe_relative_link(add_href))


def render_page(template: str, *, script_file: str, allow_forms: bool = False,
                **context: object) -> str:
    """Any page of the package's templates, under the same CSP as the story pages.

    ``allow_forms`` lets the page's forms post to its own server (the local web app's
    upload form); report pages keep ``form-action 'none'``.
    """
    return _render(template, script_file=script_file,
                   form_action="'self'" if allow_forms else "'none'", **context)


def figure_chart_svg(figure: Figure, *, width: int = 320, height: int = 120) -> str:
    """A small dot chart of a figure's values over the time they were reported.

    One ``circle.point`` per numeric value; ranges are error bars; values that take
    part in a conflict get a distinct colour. Drawn here, not by a JS library, so
    the page stays self-contained and prints the same as it shows.
    """
    return _Chart(figure, width, height).svg()


def sort_by_latest(stories: Sequence[Story]) -> list[Story]:
    """Latest report first; stories with no known date last, then by title."""
    dated = sorted((s for s in stories if s.last_seen), key=lambda s: (-timestamp(s.last_seen), s.title))
    undated = sorted((s for s in stories if not s.last_seen), key=lambda s: s.title)
    return dated + undated


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) link, else None (no javascript:, data:, ...)."""
    if not url:
        return None
    url = url.strip()
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        return None  # browsers drop tabs/newlines inside schemes: "java\tscript:"
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.replace(" ", "%20")


def safe_relative_link(href: str | None) -> str | None:
    """A relative file link (no scheme, not protocol-relative) or an http(s) URL."""
    if not href:
        return None
    href = href.strip()
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in href):
        return None
    if urlsplit(href).scheme or href.startswith(("//", "\\")):
        return safe_url(href)
    return quote(href, safe="/#?&=%+-._~")  # spaces and non-ASCII in file names


# --- human formats ----------------------------------------------------------------------


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_span(first: datetime | None, last: datetime | None) -> str:
    """'17 Jan 2013', '17-18 Jan 2013', '31 Jan - 2 Feb 2013', '30 Dec 2012 - 2 Jan 2013'."""
    known = [d.date() for d in (first, last) if d is not None]
    if not known:
        return "dates unknown"
    a, b = min(known), max(known)
    if a == b:
        return _day(a)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}-{_day(b)}"
    if a.year == b.year:
        return f"{a.day} {MONTHS[a.month - 1]} - {_day(b)}"
    return f"{_day(a)} - {_day(b)}"


def format_when(when: datetime | None) -> str:
    """'17 Jan 2013, 14:05 UTC'; the date alone when no time of day is known."""
    if not when:
        return "time unknown"
    if when.time() == datetime.min.time() and (when.utcoffset() or timedelta(0)) == timedelta(0):
        return _day(when.date())  # a bare date, stored as midnight (UTC)
    zone = _zone(when)
    return f"{_day(when.date())}, {when:%H:%M}{' ' + zone if zone else ''}"


def format_timeline_date(value: str, precision: str = "day") -> str:
    """'16 Jan 2013', 'Jan 2013' or '2013' from the entry's ISO-like date; else as given."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not match:
        return value
    year, month, day = match.groups()
    try:
        if month is None or precision == "year":
            return year
        if day is None or precision == "month":
            return f"{MONTHS[int(month) - 1]} {year}"
        return _day(date(int(year), int(month), int(day)))
    except (ValueError, IndexError):
        return value


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _day(d: date) -> str:
    """English month names whatever the machine's locale."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _zone(when: datetime) -> str:
    if when.tzinfo is None:
        return ""
    offset = when.utcoffset()
    if not offset:
        return "UTC"
    name = when.tzname() or ""
    return name if name and not name.startswith("UTC") else when.strftime("%z")


def _iso(when: datetime | None) -> str:
    return when.isoformat() if when else ""


# --- page model: plain records the templates can show without logic --------------------


@dataclass
class SourceView:
    number: int
    anchor: str
    doc: Document
    name: str  # title, or the opening words of an untitled report
    outlet: str
    when: str
    when_iso: str
    url: str | None
    host: str
    copies: list[SourceView] = field(default_factory=list)
    copy_of: str | None = None  # the original's id when it is not in this story


@dataclass
class CiteView:
    number: int | None  # None when the cited report is not in the story
    anchor: str
    pop_id: str
    doc_id: str
    outlet: str = ""
    when: str = ""
    title: str = ""
    before: str = ""
    passage: str = ""
    after: str = ""


@dataclass
class SentenceView:
    text: str
    cites: list[CiteView]
    # a figure the sentence gives that later reports moved: ("people killed 41", its report)
    later: list[tuple[str, CiteView]] = field(default_factory=list)


@dataclass
class ValueRow:
    value: str
    said_by: str
    outlet: str
    when: str
    when_iso: str
    sentence: tuple[str, str, str]  # before, the number phrase, after
    cite: CiteView
    also: list[CiteView]
    conflict: bool


@dataclass
class Side:
    value: str
    rows: list[ValueRow]


@dataclass
class FigureView:
    label: str
    unit: str | None
    change: str | None
    conflict: bool
    conflict_note: str | None
    rows: list[ValueRow]
    sides: list[Side]
    chart: Markup | None  # None for a lone number: a one-dot chart shows nothing the table does not
    ranged: bool = False  # the chart draws a range (a bar or a bound's arrow): its key says so


@dataclass
class EntryView:
    date: str  # machine-readable date for <time>, empty when the entry's date is not ISO
    date_label: str
    same_date: bool
    text: str
    cites: list[CiteView]


@dataclass
class StoryPage:
    span: str
    first_iso: str
    last_iso: str
    reports: int
    outlets: int
    copies: int
    summary: list[SentenceView]
    figures: list[FigureView]
    timeline: list[EntryView]
    sources: list[SourceView]
    relative: bool = False  # the timeline counts days from a weekday: no report gives a date
    update: list[SentenceView] = field(default_factory=list)  # what the last run's reports added
    # where the story stands: (a key figure's latest value in words, disputed?, its report)
    latest: list[tuple[str, bool, CiteView]] = field(default_factory=list)
    opinion_only: bool = False  # every report is an opinion piece: the summary quotes views
    # A big story's figure can hold dozens of values: the page shows this many, folds the rest
    visible_rows: int = 6
    visible_sides: int = 6  # and this many disagreeing values side by side


@dataclass
class IndexRow:
    title: str
    href: str | None
    reports: int
    outlets: int
    span: str
    last_iso: str
    line: str
    search: str


def _story_page(story: Story) -> StoryPage:
    sources = _sources(story.documents)
    numbers = {v.doc.doc_id: v for v in _flat(sources)}
    cites = _CiteMaker(numbers)
    later = since_then(story.figures)
    return StoryPage(
        span=format_span(story.first_seen, story.last_seen),
        first_iso=_iso(story.first_seen),
        last_iso=_iso(story.last_seen),
        reports=len(story.documents),
        outlets=len({d.source for d in story.documents if d.source}),
        copies=sum(1 for d in story.documents if d.duplicate_of),
        summary=[_sentence_view(s, cites, later) for s in story.summary],
        figures=[_figure_view(f, numbers, cites) for f in story.figures],
        timeline=_timeline(story.timeline or story.relative_timeline, cites),
        relative=not story.timeline and bool(story.relative_timeline),
        sources=sources,
        update=[_sentence_view(s, cites, later) for s in story.update]
        if story.update and story.update != story.summary else [],
        latest=[(f"{f.label} {describe(v)}", disputed(f, v), cites.one(Citation(v.doc_id), v.text))
                for f, v in latest_values(story.figures)],
        opinion_only=opinion_only(story),
    )


def _sentence_view(sentence: SummarySentence, cites: _CiteMaker,
                   later: dict[str, list[tuple[Figure, FigureValue]]]) -> SentenceView:
    """A summary sentence with its markers, and the later values of any figure it gives."""
    return SentenceView(sentence.text, cites.many(sentence.sources, sentence.text), [
        (f"{f.label} {describe(v)}", cites.one(Citation(v.doc_id), v.text))
        for f, v in later_values(sentence.text, later)])


def _sources(docs: Sequence[Document]) -> list[SourceView]:
    """Originals in story order, each followed by its copies; numbered in that order."""
    by_id = {d.doc_id: d for d in docs}
    roots: list[Document] = []
    children: dict[str, list[Document]] = {}
    for d in docs:
        root = _root(d, by_id)
        if root == d.doc_id:
            roots.append(d)
        else:
            children.setdefault(root, []).append(d)
    counter = iter(range(1, len(docs) + 1))
    out = []
    for d in roots:
        view = _source_view(d, next(counter), by_id)
        view.copies = [_source_view(c, next(counter), by_id) for c in children.get(d.doc_id, [])]
        out.append(view)
    return out


def _root(doc: Document, by_id: Mapping[str, Document]) -> str:
    """The original a copy folds under; stops at originals outside the story and at cycles."""
    seen = {doc.doc_id}
    current = doc
    while current.duplicate_of in by_id and current.duplicate_of not in seen:
        assert current.duplicate_of is not None
        seen.add(current.duplicate_of)
        current = by_id[current.duplicate_of]
    return current.doc_id


def _source_view(doc: Document, number: int, by_id: Mapping[str, Document]) -> SourceView:
    outside = doc.duplicate_of if doc.duplicate_of and doc.duplicate_of not in by_id else None
    url = safe_url(doc.url)
    return SourceView(
        number=number, anchor=f"src-{number}", doc=doc, name=source_name(doc), outlet=doc.source or "unknown outlet",
        when=format_when(doc.published) + date_note(doc), when_iso=_iso(doc.published), url=url,
        host=urlsplit(url).netloc if url else "", copy_of=outside,
    )


def _flat(sources: Sequence[SourceView]) -> list[SourceView]:
    return [v for s in sources for v in (s, *s.copies)]


class _CiteMaker:
    """Builds citation markers with the passage they point at; ids unique per page."""

    def __init__(self, numbers: Mapping[str, SourceView]) -> None:
        self.numbers = numbers
        self.count = 0

    def many(self, citations: Sequence[Citation], claim: str = "") -> list[CiteView]:
        """One marker per cited report, in citation order (the first is the quoted one)."""
        seen: set[str] = set()
        out = []
        for c in citations:
            if c.doc_id not in seen:
                seen.add(c.doc_id)
                out.append(self.one(c, claim))
        return out

    def one(self, citation: Citation, claim: str = "") -> CiteView:
        self.count += 1
        pop_id = f"pop-{self.count}"
        view = self.numbers.get(citation.doc_id)
        if view is None:
            return CiteView(None, "", pop_id, citation.doc_id)
        before, passage, after = passage_parts(view.doc.text, citation.start, citation.end, claim)
        return CiteView(
            number=view.number, anchor=view.anchor, pop_id=pop_id, doc_id=citation.doc_id,
            outlet=view.outlet, when=view.when, title=view.doc.title or "", before=before,
            passage=passage, after=after,
        )


def passage_parts(text: str, start: int | None, end: int | None, claim: str = "") -> tuple[str, str, str]:
    """(context before, cited passage, context after), whitespace collapsed.

    Offsets that are missing or out of range fall back to finding the claim's text
    in the report, so a marker never highlights the wrong words.
    """
    if start is None or end is None or not 0 <= start < end <= len(text):
        found = find_passage(text, claim)
        if found is None:
            return "", "", ""
        start, end = found, found + len(claim.strip())
    return _context_before(text, start), _squash(text[start:end]), _context_after(text, end)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*(?=\s)")


def _context_before(text: str, start: int) -> str:
    """The cited sentence's opening words, or the sentence before when the passage opens one."""
    low = max(0, start - CONTEXT_CHARS)
    chunk = text[low:start]
    whole = low == 0
    if "\n\n" in chunk:
        chunk, whole = chunk.rsplit("\n\n", 1)[1], True
    ends = [m.end() for m in _SENTENCE_END.finditer(chunk)]
    if ends and chunk[ends[-1]:].strip():
        return _squash(chunk[ends[-1]:]).lstrip()
    if len(ends) >= 2:
        return _squash(chunk[ends[-2]:]).lstrip()
    if whole:
        return _squash(chunk).lstrip()
    return "…" + _squash(chunk.split(None, 1)[-1] if " " in chunk.strip() else chunk).lstrip()


def _context_after(text: str, end: int) -> str:
    """The rest of the cited sentence, or the next one when the passage ends a sentence."""
    chunk = text[end:end + CONTEXT_CHARS]
    whole = end + CONTEXT_CHARS >= len(text)
    if "\n\n" in chunk:
        chunk, whole = chunk.split("\n\n", 1)[0], True
    ends = [m.end() for m in _SENTENCE_END.finditer(chunk)]
    if ends:
        return _squash(chunk[:ends[0]]).rstrip()
    if whole:
        return _squash(chunk).rstrip()
    return _squash(chunk.rsplit(None, 1)[0] if " " in chunk.strip() else chunk).rstrip() + "…"


def _squash(text: str) -> str:
    """Collapse runs of whitespace but keep a single edge space, which joins words."""
    return re.sub(r"\s+", " ", text)


def _figure_view(figure: Figure, numbers: Mapping[str, SourceView], cites: _CiteMaker) -> FigureView:
    dated = _dated_figure(figure, numbers)
    clash = conflicting_values(dated)
    rows = [_value_row(v, i in clash, numbers, cites) for i, v in enumerate(dated.values)]
    return FigureView(
        label=figure.label[:1].upper() + figure.label[1:], unit=figure.unit,
        change=figure.change.replace("->", "→") if figure.change else None, conflict=figure.conflict,
        conflict_note=figure.conflict_note, rows=rows, sides=_sides(rows) if figure.conflict else [],
        chart=Markup(figure_chart_svg(dated)) if worth_a_chart(dated) else None,
        ranged=any(_drawn_as_range(v) for v in dated.values),
    )


def _drawn_as_range(v: FigureValue) -> bool:
    low = v.low if v.low is not None else v.value
    high = v.high if v.high is not None else v.value
    return (low is not None and high is not None and low != high) or (v.value is None and (v.low is None) != (v.high is None))


def worth_a_chart(figure: Figure) -> bool:
    """A chart earns its space only when there are two numbers to compare."""
    return sum(v.value is not None or v.low is not None for v in figure.values) >= 2


def _dated_figure(figure: Figure, numbers: Mapping[str, SourceView]) -> Figure:
    """A copy whose undated values take their report's publication time."""
    values = []
    for v in figure.values:
        view = numbers.get(v.doc_id)
        if v.reported_at is None and view is not None and view.doc.published is not None:
            v = dataclasses.replace(v, reported_at=view.doc.published)
        values.append(v)
    return dataclasses.replace(figure, values=values)


def _value_row(v: FigureValue, conflict: bool, numbers: Mapping[str, SourceView],
               cites: _CiteMaker) -> ValueRow:
    view = numbers.get(v.doc_id)
    start = find_passage(view.doc.text, v.text) if view else None
    end = start + len(v.text.strip()) if start is not None else None
    cite = cites.one(Citation(v.doc_id, start, end))
    also = [cites.one(Citation(d), v.text) for d in v.also_in if d != v.doc_id]
    return ValueRow(
        value=value_text(v), said_by=v.attributed_to or "", outlet=view.outlet if view else "",
        when=format_when(v.reported_at), when_iso=_iso(v.reported_at),
        sentence=_split_on(_squash(v.text).strip(), v.quote), cite=cite, also=also, conflict=conflict,
    )


def find_passage(text: str, passage: str, min_chars: int = 12) -> int | None:
    """Where a quoted sentence starts in the report, if it is long enough to be unambiguous."""
    passage = passage.strip()
    if len(passage) < min_chars:
        return None
    at = text.find(passage)
    return at if at >= 0 else None


def _split_on(sentence: str, quote: str | None) -> tuple[str, str, str]:
    """Split a sentence around its number phrase so the page can mark it."""
    at = sentence.find(quote) if quote else -1
    if at < 0 or not quote:
        return sentence, "", ""
    return sentence[:at], quote, sentence[at + len(quote):]


def _sides(rows: Sequence[ValueRow]) -> list[Side]:
    """The disagreeing claims, one column per distinct value, for side-by-side display."""
    groups: dict[str, list[ValueRow]] = {}
    for r in rows:
        if r.conflict:
            groups.setdefault(r.value, []).append(r)
    return [Side(value, members) for value, members in groups.items()] if len(groups) > 1 else []


def _timeline(entries: Sequence[TimelineEntry], cites: _CiteMaker) -> list[EntryView]:
    out = []
    previous = None
    for e in entries:
        iso = e.date if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", e.date) else ""
        out.append(EntryView(
            date=iso, date_label=format_timeline_date(e.date, e.precision),
            same_date=e.date == previous, text=e.text, cites=cites.many(e.sources, e.text),
        ))
        previous = e.date
    return out


def _index_row(story: Story, href: str | None) -> IndexRow:
    first = latest_sentence(story)
    outlets = sorted({d.source for d in story.documents if d.source})
    told = list(dict.fromkeys(s.text for s in [*story.summary, *story.update]))
    search = " ".join([story.title, *told, *outlets]).lower()
    return IndexRow(
        title=story.title, href=safe_relative_link(href), reports=len(story.documents),
        outlets=len(outlets), span=format_span(story.first_seen, story.last_seen),
        last_iso=_iso(story.last_seen), line=one_line(first), search=_squash(search).strip(),
    )


def latest_sentence(story: Story) -> str:
    """The index card's line: the summary sentence quoted from the newest report (of those
    the last run added, when it added any), so the card tells where the story stands."""
    published = {d.doc_id: d.published for d in story.documents}

    def when(s: SummarySentence) -> float:
        moment = published.get(s.sources[0].doc_id) if s.sources else None
        return moment.timestamp() if moment else float("-inf")

    sentences = story.update or story.summary
    return max(sentences, key=when).text if sentences else ""


def one_line(text: str, limit: int = SUMMARY_LINE_CHARS) -> str:
    text = _squash(text).strip()
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


# --- the chart ---------------------------------------------------------------------------


class _Chart:
    """Lays out a figure's values: x is report time, y is the number (from zero)."""

    LEFT, RIGHT, TOP, BOTTOM = 38, 12, 10, 20
    UNDATED_GAP = 26  # room at the right for values with no report time

    def __init__(self, figure: Figure, width: int, height: int) -> None:
        self.figure = figure
        self.width, self.height = width, height
        self.clash = conflicting_values(figure)
        self.items = [(i, v) for i, v in enumerate(figure.values) if value_bounds(v) is not None]
        dated = sorted({timestamp(v.reported_at) for _, v in self.items if v.reported_at})
        self.t0, self.t1 = (dated[0], dated[-1]) if dated else (0.0, 0.0)
        self.has_undated = any(v.reported_at is None for _, v in self.items)
        lows = [b[0] for _, v in self.items if (b := value_bounds(v))]
        highs = [b[1] for _, v in self.items if (b := value_bounds(v))]
        self.y0 = min([0.0, *lows]) if lows else 0.0
        self.y1 = max(highs) if highs else 1.0
        if self.y1 <= self.y0:
            self.y1 = self.y0 + 1.0

    def svg(self) -> str:
        label = self.figure.label + (f" ({self.figure.unit})" if self.figure.unit else "")
        parts = [
            f'<svg class="figure-chart" viewBox="0 0 {self.width} {self.height}" '
            f'width="{self.width}" height="{self.height}" role="img" '
            f'aria-label="{_xml(label)}: reported values over time">',
            f"<title>{_xml(label)}: reported values over time</title>",
        ]
        offsets = self._offsets()
        parts += self._axes() + self._trend(offsets)
        for i, v in self.items:
            parts += self._mark(i, v, offsets[i])
        parts.append("</svg>")
        return "".join(parts)

    # geometry

    def _plot_right(self) -> float:
        return self.width - self.RIGHT - (self.UNDATED_GAP if self.has_undated else 0)

    def _x_of(self, v: FigureValue) -> float:
        left, right = self.LEFT + 14, self._plot_right() - 10
        if v.reported_at is None:
            return self.width - self.RIGHT - self.UNDATED_GAP / 2
        if self.t1 == self.t0:
            return (left + right) / 2
        return left + (right - left) * (timestamp(v.reported_at) - self.t0) / (self.t1 - self.t0)

    def _y(self, number: float) -> float:
        bottom, top = self.height - self.BOTTOM, self.TOP
        return bottom - (bottom - top) * (number - self.y0) / (self.y1 - self.y0)

    def _offsets(self) -> dict[int, float]:
        """Spread values reported at the same moment so each dot stays visible."""
        slots: dict[float, list[int]] = {}
        for i, v in self.items:
            slots.setdefault(round(self._x_of(v), 1), []).append(i)
        out = {}
        for members in slots.values():
            for k, i in enumerate(members):
                out[i] = (k - (len(members) - 1) / 2) * 9.0
        return out

    # drawing

    def _axes(self) -> list[str]:
        bottom = self.height - self.BOTTOM
        out = [
            _line(self.LEFT, self.TOP, self.LEFT, bottom, MUTED_COLOUR, cls="axis"),
            _line(self.LEFT, bottom, self._plot_right(), bottom, MUTED_COLOUR, cls="axis"),
            _text(self.LEFT - 4, self._y(self.y1) + 4, _short(self.y1), "end"),
            _text(self.LEFT - 4, self._y(self.y0) + 4, _short(self.y0), "end"),
        ]
        out += self._time_labels(bottom + 14)
        if self.has_undated:
            out.append(_text(self.width - self.RIGHT - self.UNDATED_GAP / 2, bottom + 14, "n.d.", "middle"))
        return out

    def _time_labels(self, y: float) -> list[str]:
        dated = [v for _, v in self.items if v.reported_at]
        if not dated:
            return []
        first = min(dated, key=lambda v: timestamp(v.reported_at))
        last = max(dated, key=lambda v: timestamp(v.reported_at))
        a, b = first.reported_at, last.reported_at
        assert a is not None and b is not None
        same_day = a.date() == b.date()
        fmt = (lambda d: f"{d:%H:%M}") if same_day else (lambda d: f"{d.day} {MONTHS[d.month - 1]}")
        if self.t1 == self.t0:
            return [_text(self._x_of(first), y, f"{a.day} {MONTHS[a.month - 1]}", "middle")]
        return [_text(self._x_of(first), y, fmt(a), "start"), _text(self._x_of(last), y, fmt(b), "end")]

    def _trend(self, offsets: Mapping[int, float]) -> list[str]:
        """A faint line through the dated numbers, in time order."""
        points = sorted((self._x_of(v) + offsets[i], self._y(v.value)) for i, v in self.items
                        if v.value is not None and v.reported_at is not None)
        if len(points) < 2:
            return []
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        return [f'<polyline class="trend" points="{coords}" fill="none" stroke="{MUTED_COLOUR}" '
                f'stroke-width="1" stroke-dasharray="3 2"/>']

    def _mark(self, i: int, v: FigureValue, dx: float) -> list[str]:
        """One value: a group with a tooltip, an error bar for a range, a dot for a number."""
        x = self._x_of(v) + dx
        conflict = i in self.clash
        colour = CONFLICT_COLOUR if conflict else POINT_COLOUR
        extra = " conflict" if conflict else ""
        out = [f'<g class="value{extra}"><title>{_xml(_tooltip(v))}</title>']
        low = v.low if v.low is not None else v.value
        high = v.high if v.high is not None else v.value
        if low is not None and high is not None and low != high:
            y_low, y_high = self._y(low), self._y(high)
            cls = "range" + extra
            out += [_line(x, y_low, x, y_high, colour, cls=cls),
                    _line(x - 3, y_low, x + 3, y_low, colour, cls=cls),
                    _line(x - 3, y_high, x + 3, y_high, colour, cls=cls)]
        if v.value is None and (v.low is None) != (v.high is None):
            edge = v.low if v.low is not None else v.high
            assert edge is not None
            out.append(_bound_arrow(x, self._y(edge), up=v.low is not None, colour=colour, extra=extra))
        if v.value is not None:
            out.append(f'<circle class="point{extra}" cx="{x:.1f}" cy="{self._y(v.value):.1f}" '
                       f'r="4" fill="{colour}" stroke="#fff" stroke-width="1"/>')
        out.append("</g>")
        return out


def _bound_arrow(x: float, y: float, *, up: bool, colour: str, extra: str) -> str:
    """A triangle for an open-ended amount: pointing up for 'more than', down for 'up to'."""
    tip = y - 6 if up else y + 6
    return (f'<path class="bound{extra}" d="M{x - 4:.1f},{y:.1f} L{x + 4:.1f},{y:.1f} '
            f'L{x:.1f},{tip:.1f} Z" fill="{colour}"/>')


def _tooltip(v: FigureValue) -> str:
    said = f", {v.attributed_to}" if v.attributed_to else ""
    when = f" ({format_when(v.reported_at)})" if v.reported_at else ""
    return f"{value_text(v)}{said}{when}"


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, *, cls: str) -> str:
    return (f'<line class="{cls}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{colour}" stroke-width="1"/>')


def _text(x: float, y: float, text: str, anchor: str) -> str:
    return (f'<text class="tick" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" '
            f'font-size="10" fill="#5f6670">{_xml(text)}</text>')


def _short(number: float) -> str:
    """Axis labels: 1200 -> '1.2k', 20 -> '20'."""
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(number) >= size:
            return f"{number / size:.3g}{suffix}"
    return f"{number:.3g}"


def _xml(text: str) -> str:
    """Escape text for SVG/HTML content and attributes."""
    return html.escape(text, quote=True)


# --- templates ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("storyline", "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(plural=plural, OPINION_ONLY=OPINION_ONLY)
    return env


@lru_cache(maxsize=4)
def _asset(name: str) -> tuple[Markup, str]:
    """A static asset's text and its CSP hash; assets hold no data, only code."""
    text = _env().loader.get_source(_env(), name)[0]  # type: ignore[union-attr]
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"'sha256-{digest}'"


def _render(template: str, *, script_file: str, form_action: str = "'none'",
            **context: object) -> str:
    style, style_hash = _asset("style.css")
    script, script_hash = _asset(script_file)
    csp = ("default-src 'none'; "
           f"style-src {style_hash}; script-src {script_hash}; "
           f"base-uri 'none'; form-action {form_action}")
    return _env().get_template(template).render(style=style, script=script, csp=csp, **context)
