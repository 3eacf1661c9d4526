"""Story -> Markdown: the summary with numbered sources, figures, timeline, sources."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timezone

from storyline.figures import conflict_pairs, describe, later_values, since_then
from storyline.models import Citation, Document, Figure, FigureValue, Story, SummarySentence
from storyline.undated import date_note


def _since_note(text: str, later: dict, numbers: dict[str, int]) -> str:
    """ _(later: people killed 41 [5])_ after a sentence whose figure later reports moved."""
    notes = [f"{_esc(f.label)} {describe(v)} [{numbers.get(v.doc_id, '?')}]" for f, v in later_values(text, later)]
    return f" _(later: {'; '.join(notes)})_" if notes else ""


OPINION_ONLY = ("Every report of this story is an opinion piece: the summary quotes the views it argues, "
                "not established facts.")


def opinion_only(story: Story) -> bool:
    """A story told only by opinion pieces: its summary is theirs, and says so."""
    return bool(story.documents) and all(d.metadata.get("opinion") for d in story.documents)


def render_markdown(story: Story) -> str:
    numbers = {d.doc_id: i + 1 for i, d in enumerate(story.documents)}
    lines = [f"# {_esc(story.title)}", ""]
    lines.append(_span_line(story))
    if standing := latest_values(story.figures):
        lines += ["", "**Latest:** " + " · ".join(
            f"{_esc(f.label)} {describe(v)}{' (reports disagree)' if disputed(f, v) else ''} "
            f"[{numbers.get(v.doc_id, '?')}]" for f, v in standing)]
    later = since_then(story.figures)

    def bullet(s: SummarySentence) -> str:
        return f"- {_esc(s.text)} {_marks(s.sources, numbers)}{_since_note(s.text, later, numbers)}"

    if story.update and story.update != story.summary:
        lines += ["", "## New since the last run", ""]
        lines += [bullet(s) for s in story.update]
    lines += ["", "## Summary", ""]
    if story.summary and opinion_only(story):
        lines += [f"_{OPINION_ONLY}_", ""]
    lines += [bullet(s) for s in story.summary]
    if not story.summary:
        lines.append("_No summary could be written from these reports._")
    if story.figures:
        lines += ["", "## Key figures", ""]
        for f in story.figures:
            flag = " **(reports disagree)**" if f.conflict else ""
            change = f" ({f.change})" if f.change else ""
            lines.append(f"### {_esc(f.label)}{change}{flag}")
            if f.conflict:
                lines.append(f"> {_disagreement(f, numbers)}")
            lines += ["", "| value | said by | reported | source |", "|---|---|---|---|"]
            for v in f.values:
                lines.append(f"| {value_text(v)} | {_esc(v.attributed_to or '')} | "
                             f"{_when(v)} | [{numbers.get(v.doc_id, '?')}] |")
            lines.append("")
    entries = story.timeline or story.relative_timeline
    if entries:
        lines += ["", "## Timeline", ""]
        if not story.timeline:
            lines += ["_No report gives a date: days are counted from the first weekday the reports name._", ""]
        for e in entries:
            lines.append(f"- **{e.date}** {_esc(e.text)} {_marks(e.sources, numbers)}")
    lines += ["", "## Sources", ""]
    for d in story.documents:
        lines.append(f"{numbers[d.doc_id]}. {_source_line(d, numbers)}")
    return "\n".join(lines).rstrip() + "\n"


def _marks(sources: list[Citation], numbers: dict[str, int]) -> str:
    """One [n] per cited report, in citation order."""
    seen = dict.fromkeys(c.doc_id for c in sources)
    return "".join(f"[{numbers.get(doc_id, '?')}]" for doc_id in seen)


def value_text(v: FigureValue) -> str:
    """'at least 20', '60', '24-99', and an amount in words with its range: 'thousands (2,000-9,999)'."""
    if v.value is not None:
        return f"{v.qualifier} {_num(v.value)}" if v.qualifier else _num(v.value)
    if v.low is not None and v.high is not None:
        core = f"{_num(v.low)}-{_num(v.high)}"
    elif v.low is not None:
        core = f"{_num(v.low)}+"
    else:
        core = "?"
    phrase = (v.quote or "").strip()
    if phrase and phrase[1:2].islower():
        phrase = phrase[0].lower() + phrase[1:]
    words_only = phrase and not any(c.isdigit() for c in phrase)  # "dozens", not "between 24 and 99"
    return f"{phrase} ({core})" if words_only else core


SHOWN_SIDES = 6  # values named in a "Reports disagree" line


def _disagreement(figure: Figure, numbers: dict[str, int]) -> str:
    """'Reports disagree: [3] the militants: 41; [5] 132', sources by their numbers in the list."""
    parts = []
    for i in sorted(conflicting_values(figure)):
        v = figure.values[i]
        said = f"{_esc(v.attributed_to)}: " if v.attributed_to else ""
        parts.append(f"[{numbers.get(v.doc_id, '?')}] {said}{_esc(value_text(v))}")
    if not parts:
        return _esc(figure.conflict_note or "")
    if len(parts) > SHOWN_SIDES:  # the table below lists every value; the line points to the clash
        parts = parts[:SHOWN_SIDES] + [f"and {len(parts) - SHOWN_SIDES} more"]
    return "Reports disagree: " + "; ".join(parts)


def _num(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}"


def _when(v: FigureValue) -> str:
    return stamp(v.reported_at) if v.reported_at else "unknown"


def stamp(when: datetime) -> str:
    """'2013-01-17 14:05' (UTC), '2025-03-04 23:30 UTC-05:00' in a report's own zone, or the
    date alone for a bare date stored as midnight."""
    if when.time() == time.min:
        return when.strftime("%Y-%m-%d")
    z = when.strftime("%z")
    zone = f" UTC{z[:3]}:{z[3:5]}" if when.utcoffset() else ""
    return when.strftime("%Y-%m-%d %H:%M") + zone


LATEST_FIGURES = 4  # key figures in a story's "Latest" line, most important first


def latest_values(figures: Sequence[Figure]) -> list[tuple[Figure, FigureValue]]:
    """Where the story stands: each key figure's most recently reported value. The summary
    tells events in their order; a reader coming back first wants the numbers as they are now."""
    out = []
    for f in figures:
        dated = [v for v in f.values if v.reported_at is not None]
        if dated:
            out.append((f, max(dated, key=lambda v: (_utc_key(v.reported_at), value_bounds(v) or (0.0, 0.0)))))
    return out[:LATEST_FIGURES]


def disputed(figure: Figure, value: FigureValue) -> bool:
    """Another report of about the same time gives a number this one cannot stand beside."""
    pairs = conflict_pairs(figure.values)
    return any(figure.values[i] is value or figure.values[j] is value for i, j in pairs)


def _utc_key(when: datetime) -> float:
    return (when if when.tzinfo else when.replace(tzinfo=timezone.utc)).timestamp()


def _span_line(story: Story) -> str:
    copies = sum(1 for d in story.documents if d.duplicate_of)
    outlets = {d.source for d in story.documents if d.source}
    span = ""
    if story.first_seen and story.last_seen:
        span = f"{story.first_seen:%Y-%m-%d} to {story.last_seen:%Y-%m-%d}; "
    counts = [_plural(len(story.documents), "report")]
    if outlets:  # unknown outlets are not "0 outlets"
        counts.append(_plural(len(outlets), "outlet"))
    counts.append(_plural(copies, "copy", "copies"))
    return f"_{span}{', '.join(counts)}_"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


OPENING_WORDS = 10  # an untitled report is named by its opening words, "At least 20 foreign hostages ..."


def source_name(d: Document) -> str:
    """The report's title or, for an untitled one, its opening words in quotes.

    A list of sources that reads "Untitled report" twice tells a reader nothing about which is which.
    """
    if d.title:
        return d.title
    opening = (d.sentences[0].text if d.sentences else d.text).split()
    if not opening:
        return "Untitled report"
    more = " ..." if len(opening) > OPENING_WORDS else ""
    return f"\u201c{' '.join(opening[:OPENING_WORDS])}{more}\u201d"


def _source_line(d: Document, numbers: dict[str, int] | None = None) -> str:
    name = source_name(d) if d.title else f"{source_name(d)} ({d.doc_id})"
    parts = [_esc(name), _esc(d.source or "unknown outlet")]
    if d.published:
        parts.append(stamp(d.published) + date_note(d))
    if d.url and d.url.startswith(("http://", "https://")):
        parts.append(f"<{d.url}>")
    if d.duplicate_of:
        number = (numbers or {}).get(d.duplicate_of)
        parts.append(f"copy of [{number}]" if number else f"copy of {_esc(d.duplicate_of)}")
    if d.metadata.get("opinion"):
        parts.append("opinion (no facts taken from it)")
    return " - ".join(parts)



def _esc(text: str) -> str:
    """Keep report text from being read as Markdown/HTML markup."""
    out = text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "*_`[]|":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")


# --- which values of a figure disagree (shared with the HTML page) ------------------------


def conflicting_values(figure: Figure) -> set[int]:
    """Indices of the values that disagree, for a figure flagged as a conflict.

    The pairs are the analyzer's (:func:`storyline.figures.conflict_pairs`: about the same
    time, and not a count that rose hours later), kept when what they claim cannot both be
    true ('at least 20' and 41 can). When a figure is flagged but no pair passes (a figure
    made by hand, or read back without times), the rules loosen (within a day, then any
    time, then any different number) rather than mark nothing.
    """
    if not figure.conflict:
        return set()
    vals = figure.values
    found = conflict_pairs(vals)
    if found:  # the analyzer's pairs, never a toll that rose between days
        chosen = [p for p in found if _disagree(vals[p[0]], vals[p[1]])] or found
        return {k for pair in chosen for k in pair if value_bounds(vals[k]) is not None}
    pairs = [(i, j) for i in range(len(vals)) for j in range(i + 1, len(vals))]
    clashing = [(i, j) for i, j in pairs if _disagree(vals[i], vals[j])]
    for chosen in ([p for p in clashing if _near_in_time(vals[p[0]], vals[p[1]])], clashing,
                   [(i, j) for i, j in pairs if value_bounds(vals[i]) != value_bounds(vals[j])]):
        marked = {k for pair in chosen for k in pair if value_bounds(vals[k]) is not None}
        if marked:
            return marked
    return set()


def value_bounds(v: FigureValue) -> tuple[float, float] | None:
    lows = [x for x in (v.value, v.low) if x is not None]
    highs = [x for x in (v.value, v.high) if x is not None]
    if not lows and not highs:
        return None
    return min(lows or highs), max(highs or lows)


LOWER_BOUND_WORDS = ("at least", "more than", "over", "upwards of", "no fewer than", "no less than")
UPPER_BOUND_WORDS = ("up to", "as many as", "at most", "fewer than", "less than", "under", "no more than")
APPROXIMATE_WORDS = ("about", "around", "approximately", "roughly", "some", "nearly", "almost", "estimated")


def _claim_bounds(v: FigureValue) -> tuple[float, float] | None:
    """What a value claims: 'at least 20' is consistent with 41, 'about 40' with 41."""
    bounds = value_bounds(v)
    if bounds is None or v.value is None or not v.qualifier:
        return bounds
    words = v.qualifier.lower().strip()
    if words.startswith(LOWER_BOUND_WORDS):
        return v.value, float("inf")
    if words.startswith(UPPER_BOUND_WORDS):
        return float("-inf"), v.value
    if words.startswith(APPROXIMATE_WORDS):
        return v.value * 0.9, v.value * 1.1
    return bounds


def _disagree(a: FigureValue, b: FigureValue) -> bool:
    ba, bb = _claim_bounds(a), _claim_bounds(b)
    if ba is None or bb is None:
        return False
    return ba[1] < bb[0] or bb[1] < ba[0]


def _near_in_time(a: FigureValue, b: FigureValue) -> bool:
    if a.reported_at is None or b.reported_at is None:
        return True
    return abs(timestamp(a.reported_at) - timestamp(b.reported_at)) <= 24 * 3600


def timestamp(when: datetime | None) -> float:
    """Seconds since the epoch; naive times are read as UTC so they compare with aware ones."""
    if when is None:
        return 0.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.timestamp()
