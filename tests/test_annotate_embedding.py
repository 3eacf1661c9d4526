"""What the sentence encoder reads of a report, and that each report is encoded once."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storyline.annotate import EMBED_CHARS, embed_documents, embedding_text
from storyline.models import Document

from tests.helpers import make_doc, utc


def test_the_encoder_reads_the_title_and_the_lead() -> None:
    body = "Rescuers reached the village. " * 100
    doc = make_doc("a", body, utc(2024, 1, 1), title="Quake hits Karvan")
    text = embedding_text(doc)
    assert text.startswith("Quake hits Karvan. Rescuers reached")
    assert len(text) == len("Quake hits Karvan. ") + EMBED_CHARS


def test_a_headline_only_report_is_read_once_and_an_untitled_one_by_its_body() -> None:
    assert embedding_text(make_doc("a", "Quake hits Karvan", title="Quake hits Karvan")) == "Quake hits Karvan"
    assert embedding_text(make_doc("b", "Rescuers reached the village.")) == "Rescuers reached the village."


def test_only_reports_without_a_vector_are_encoded_and_rows_are_unit_length() -> None:
    seen: list[str] = []

    def encoder(texts: Sequence[str]) -> np.ndarray:
        seen.extend(texts)
        return np.asarray([[3.0, 4.0]] * len(texts))

    done = make_doc("a", "Already encoded.")
    done.embedding = np.asarray([1.0, 0.0], dtype=np.float32)
    fresh: Document = make_doc("b", "Not yet.")
    embed_documents([done, fresh], encoder)
    assert seen == ["Not yet."]
    assert done.embedding.tolist() == [1.0, 0.0]
    assert fresh.embedding.dtype == np.float32 and np.allclose(fresh.embedding, [0.6, 0.8])


def test_no_encoder_leaves_reports_without_a_vector() -> None:
    doc = make_doc("a", "Text.")
    embed_documents([doc], None)
    assert doc.embedding is None
