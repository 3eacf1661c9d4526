"""Story -> JSON in the contract's shape (``story.schema.json``), plus a few extras."""

from __future__ import annotations

import json
from datetime import datetime

from storyline.models import Citation, Document, Figure, FigureValue, Story, SummarySentence, TimelineEntry


def story_to_json(story: Story) -> dict:
    return {
        "story_id": story.story_id,
        "title": story.title,
        "first_seen": _iso(story.first_seen),
        "last_seen": _iso(story.last_seen),
        "documents": [_document(d) for d in story.documents],
        "summary": [_sentence(s) for s in story.summary],
        "update": [_sentence(s) for s in story.update],
        "figures": [_figure(f) for f in story.figures],
        "timeline": [_entry(e) for e in story.timeline],
        # beyond the contract: an undated story's events by weekday ("Day 1 (Wednesday)")
        "relative_timeline": [_entry(e) for e in story.relative_timeline],
    }


def _entry(e: TimelineEntry) -> dict:
    return {"date": e.date, "precision": e.precision, "text": e.text, "sources": [_cite(c) for c in e.sources]}


def dumps(story: Story) -> str:
    return json.dumps(story_to_json(story), ensure_ascii=False, indent=2)


def _sentence(s: SummarySentence) -> dict:
    return {"text": s.text, "sources": [_cite(c) for c in s.sources]}


def _document(d: Document) -> dict:
    return {
        "doc_id": d.doc_id, "source": d.source, "url": d.url, "title": d.title,
        "published": _iso(d.published), "dateline": d.dateline, "duplicate_of": d.duplicate_of,
        "origin": d.origin, "opinion": bool(d.metadata.get("opinion")),
    }


def _cite(c: Citation) -> dict:
    out: dict = {"doc_id": c.doc_id}
    if c.start is not None and c.end is not None:
        out["start"], out["end"] = c.start, c.end
    return out


def _figure(f: Figure) -> dict:
    return {
        "label": f.label, "unit": f.unit, "conflict": f.conflict, "change": f.change,
        "conflict_note": f.conflict_note, "values": [_value(v) for v in f.values],
    }


def _value(v: FigureValue) -> dict:
    return {
        "value": v.value, "low": v.low, "high": v.high, "qualifier": v.qualifier,
        "text": v.text, "quote": v.quote, "doc_id": v.doc_id,
        "reported_at": _iso(v.reported_at), "attributed_to": v.attributed_to,
        "also_in": v.also_in,
    }


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when else None
