"""Publication days for reports that came without one, from their text and their story.

An undated report cannot anchor its own "on Thursday", but the story it joined can: the
other reports fix when the story began, and a report that says "said Friday" about it was
written on or after the story's first Friday (counting from the day before its first
report, when the event itself often happened). The guess is the earliest day consistent
with every day the report names, absolute dates included: a lower bound, never a day outside
the story's reach. A report with nothing to go on stays undated and its timeline entries
stay relative. The date is marked in ``metadata["published_from"]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone

from storyline.models import Document

DATE_NOTES = {"dateline": " (date from its dateline)", "story": " (date inferred from its story)"}
REACH_DAYS = 7  # a report is about its story's days: named days further away are background


def infer_dates(documents: Sequence[Document]) -> list[Document]:
    """Date the undated reports of one story where their text allows; return those dated."""
    days = [d.published.date() for d in documents if d.published]
    if not days:
        return []  # nothing to place a weekday against
    first, last = min(days), max(days)
    dated = []
    for doc in documents:
        if doc.published is not None:
            continue
        day = guess_day(doc, first, last)
        if day is not None:
            doc.published = datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
            doc.metadata = {**doc.metadata, "published_from": "story"}
            dated.append(doc)
    return dated


def guess_day(doc: Document, first: date, last: date) -> date | None:
    """The earliest publication day consistent with the days the report names.

    A past weekday is placed on its first occurrence from the day before the story's first
    report (``first``); absolute dates count as they are; days beyond the story's reach
    (``REACH_DAYS`` around ``first``..``last``) are background and ignored.
    """
    low, high = first - timedelta(days=REACH_DAYS), last + timedelta(days=REACH_DAYS)
    named: list[date] = []
    for sentence in doc.sentences:
        for t in sentence.times:
            if t.kind == "absolute" and t.value is not None and t.precision == "day":
                named.append(t.value)
            elif t.kind == "weekday" and t.weekday is not None and t.direction == "past":
                named.append(_first_weekday(t.weekday, first - timedelta(days=1)))
    named = [d for d in named if low <= d <= high]
    return max(named) if named else None


def _first_weekday(weekday: int, start: date) -> date:
    """The first day from ``start`` on that falls on ``weekday`` (0 = Monday)."""
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def date_note(doc: Document) -> str:
    """What a report's date line adds when the date was inferred, not given."""
    return DATE_NOTES.get(str(doc.metadata.get("published_from")), "") if doc.published else ""
