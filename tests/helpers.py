"""Build small Documents by hand, without spaCy, for fast unit tests."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timezone

from storyline.models import Document, Entity, Sentence

# Two reports of one small story, for the app and browser tests.
FLOOD = (
    "LAGOS, Nigeria (Reuters) - Floods in the northern city of Kano killed 14 people on Monday, "
    "the state emergency agency said.\n\n"
    "More than 300 homes were destroyed after two days of heavy rain, agency spokesman Musa Bello "
    "told reporters on Tuesday.\n\n"
    "Rescue teams were still searching for 6 missing residents, he said."
)

LATER = (
    "KANO, Nigeria (AP) - The death toll from floods in the northern Nigerian city of Kano rose to 20 "
    "on Wednesday, the state emergency agency said.\n\n"
    "Heavy rain destroyed more than 300 homes in Kano, agency spokesman Musa Bello said, and rescue "
    "teams were still searching for missing residents."
)

SENT = re.compile(r"[^.!?]+[.!?]+[\"']?")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def make_doc(doc_id: str, text: str, published: datetime | None = None, **kw) -> Document:
    """A Document whose sentences are found by a plain regex (offsets are exact)."""
    doc = Document(doc_id=doc_id, text=text, published=published,
                   content_hash=hashlib.sha1(text.encode()).hexdigest(), **kw)
    for i, m in enumerate(SENT.finditer(text)):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        start = m.start() + lead
        doc.sentences.append(Sentence(doc_id=doc_id, index=i, start=start, end=start + len(body), text=body))
    return doc


def parsed_report(nlp, doc_id: str, lines: list[str], published: datetime, *,
                  entities: bool = True, quantities: bool = False) -> Document:
    """One report, one sentence a line, dated (and tagged) by spaCy as annotate does it."""
    from storyline.quantities import find_quantities
    from storyline.temporal import find_times

    text = "\n\n".join(lines)
    sentences, start = [], 0
    for i, line in enumerate(lines):
        start = text.index(line, start)
        span = nlp(line)[:]
        times = find_times(span, published)
        for t in times:  # offsets in the document, as annotate records them
            t.start += start
            t.end += start
        found = [Entity(e.text, e.label_, start + e.start_char, start + e.end_char)
                 for e in span.ents] if entities else []
        counts = find_quantities(span) if quantities else []
        for q in counts:
            q.start += start
            q.end += start
        sentences.append(Sentence(doc_id, i, start, start + len(line), line, times=times, entities=found,
                                  quantities=counts))
        start += len(line)
    return Document(doc_id=doc_id, text=text, published=published, sentences=sentences)
