"""Annotate cleaned documents: sentences, entities, dates and numbers.

spaCy runs once over each document's whole text so every offset is a character offset
into ``Document.text``; later stages cite passages by those offsets. The stage
fills ``Document.sentences`` and uses only dataclasses downstream, so analysis never
needs spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from storyline import quantities, temporal
from storyline.models import Document, Entity, Sentence
from storyline.nlp import load_nlp

ENTITY_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "LAW"}


def annotate(documents: Iterable[Document], *, nlp: Language | None = None,
             batch_size: int = 16) -> Iterator[Document]:
    """Yield each document with ``sentences`` filled (spaCy in batches, order kept)."""
    nlp = nlp or load_nlp()
    docs = list(documents)
    texts = (d.text for d in docs)
    for document, parsed in zip(docs, nlp.pipe(texts, batch_size=batch_size)):
        document.sentences = list(_sentences(document, parsed))
        yield document


def annotate_one(document: Document, *, nlp: Language | None = None) -> Document:
    return next(annotate([document], nlp=nlp))


def _sentences(document: Document, parsed: Doc) -> Iterator[Sentence]:
    index = 0
    for span in _split_sentences(parsed):
        text = span.text.strip()
        if not text:
            continue
        lead = len(span.text) - len(span.text.lstrip())
        start = span.start_char + lead
        yield Sentence(
            doc_id=document.doc_id,
            index=index,
            start=start,
            end=start + len(text),
            text=text,
            entities=_entities(span),
            times=temporal.find_times(span, document.published),
            quantities=quantities.find_quantities(span),
        )
        index += 1


def _split_sentences(parsed: Doc) -> Iterator[Span]:
    """spaCy's sentences, never crossing a line break (paragraphs are separate)."""
    for sent in parsed.sents:
        begin = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text:
                if token.i > begin:
                    yield parsed[begin : token.i]
                begin = token.i + 1
        if begin < sent.end:
            yield parsed[begin : sent.end]


def _entities(span: Span) -> list[Entity]:
    return [
        Entity(text=e.text, label=e.label_, start=e.start_char, end=e.end_char)
        for e in span.ents
        if e.label_ in ENTITY_LABELS
    ]
