"""Story -> Markdown: the summary with numbered sources, figures, timeline, sources."""

from __future__ import annotations

from datetime import datetime, time

from storyline.models import Citation, Document, FigureValue, Story
from storyline.undated import date_note


def render_markdown(story: Story) -> str:
    numbers = {d.doc_id: i + 1 for i, d in enumerate(story.documents)}
    lines = [f"# {_esc(story.title)}", ""]
    lines.append(_span_line(story))
    if story.update:
        lines += ["", "## New since the last run", ""]
        lines += [f"- {_esc(s.text)} {_marks(s.sources, numbers)}" for s in story.update]
    lines += ["", "## Summary", ""]
    for s in story.summary:
        lines.append(f"- {_esc(s.text)} {_marks(s.sources, numbers)}")
    if story.figures:
        lines += ["", "## Key figures", ""]
        for f in story.figures:
            flag = " **(reports disagree)**" if f.conflict else ""
            change = f" ({f.change})" if f.change else ""
            lines.append(f"### {_esc(f.label)}{change}{flag}")
            if f.conflict and f.conflict_note:
                lines.append(f"> {_esc(f.conflict_note)}")
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
        lines.append(f"{numbers[d.doc_id]}. {_source_line(d)}")
    return "\n".join(lines).rstrip() + "\n"


def _marks(sources: list[Citation], numbers: dict[str, int]) -> str:
    """One [n] per cited report, in citation order."""
    seen = dict.fromkeys(c.doc_id for c in sources)
    return "".join(f"[{numbers.get(doc_id, '?')}]" for doc_id in seen)


def value_text(v: FigureValue) -> str:
    """'at least 20', '24-99', '60'."""
    if v.value is None:
        if v.low is not None and v.high is not None:
            core = f"{_num(v.low)}-{_num(v.high)}"
        elif v.low is not None:
            core = f"{_num(v.low)}+"
        else:
            core = "?"
    else:
        core = _num(v.value)
    return f"{v.qualifier} {core}" if v.qualifier and v.value is not None else core


def _num(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}"


def _when(v: FigureValue) -> str:
    return stamp(v.reported_at) if v.reported_at else "unknown"


def stamp(when: datetime) -> str:
    """'2013-01-17 14:05', or the date alone for a bare date stored as midnight."""
    return when.strftime("%Y-%m-%d" if when.time() == time.min else "%Y-%m-%d %H:%M")


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


def _source_line(d: Document) -> str:
    parts = [_esc(d.title or d.doc_id), _esc(d.source or "unknown outlet")]
    if d.published:
        parts.append(stamp(d.published) + date_note(d))
    if d.url and d.url.startswith(("http://", "https://")):
        parts.append(f"<{d.url}>")
    if d.duplicate_of:
        parts.append(f"copy of {_esc(d.duplicate_of)}")
    return " - ".join(parts)


def _esc(text: str) -> str:
    """Keep report text from being read as Markdown/HTML markup."""
    out = text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "*_`[]|":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")
