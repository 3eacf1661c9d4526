"""Sentence embeddings in the store: kept, reloaded, never computed twice, and old stores still open."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import create_engine, inspect, text

from storyline import pipeline
from storyline.models import Document
from storyline.pipeline import Options, run
from storyline.store import Store

from tests.helpers import FLOOD, LATER, make_doc, utc


THIRD = ("KANO, Nigeria (AP) - Aid agencies began handing out food and blankets in Kano on Thursday "
         "after the floods, the state emergency agency said.")


class CountingEncoder:
    """Stands in for the sentence encoder: a fixed vector per text, and a log of what it read."""

    name = "test-encoder"

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.extend(texts)
        rows = [[1.0, float(len(t) % 7), float(t.count("Kano"))] for t in texts]
        return np.asarray(rows, dtype=np.float32)


@pytest.fixture
def encoder(monkeypatch: pytest.MonkeyPatch) -> CountingEncoder:
    fake = CountingEncoder()
    monkeypatch.setattr(pipeline, "grouping_encoder", lambda options: fake if options.embedding_model else None)
    return fake


def _inputs(tmp_path: Path, *texts: str) -> list[Path]:
    paths = []
    for i, body in enumerate(texts):
        path = tmp_path / f"r{i}.txt"
        path.write_text(body)
        paths.append(path)
    return paths


def _vectors(db: str, model: str | None = "test-encoder") -> dict[str, np.ndarray | None]:
    return {d.doc_id: d.embedding for d in Store(db).documents(embedding_model=model)}


def test_vectors_are_stored_and_reloaded_for_their_model_only(db: str) -> None:
    store = Store(db)
    doc = make_doc("a", "One sentence here.", utc(2024, 1, 2))
    doc.embedding = np.asarray([0.6, 0.8, 0.0], dtype=np.float32)
    plain = make_doc("b", "Another report.", utc(2024, 1, 3))
    store.put_documents([doc, plain], {"a": "s1", "b": "s1"}, embedding_model="m1")
    back = {d.doc_id: d for d in store.documents(embedding_model="m1")}
    assert back["a"].embedding.dtype == np.float32
    assert back["a"].embedding.tolist() == pytest.approx([0.6, 0.8, 0.0])
    assert back["b"].embedding is None
    assert back["a"] == doc  # the rest of the report is unchanged
    assert all(d.embedding is None for d in store.documents(embedding_model="m2"))  # another model's
    assert all(d.embedding is None for d in store.documents())


def test_a_store_written_before_the_embedding_column_still_opens(db: str) -> None:
    Store(db).put_documents([make_doc("a", "Old report.", utc(2024, 1, 2))], {"a": "s1"})
    engine = create_engine(Store(db).engine.url)
    with engine.begin() as conn:  # the documents table as the first release wrote it
        conn.execute(text("ALTER TABLE documents DROP COLUMN embedding"))
        conn.execute(text("ALTER TABLE documents DROP COLUMN embedding_model"))
    assert "embedding" not in {c["name"] for c in inspect(engine).get_columns("documents")}
    engine.dispose()
    store = Store(db)
    assert [d.doc_id for d in store.documents(embedding_model="m")] == ["a"]
    new = make_doc("b", "New report.", utc(2024, 1, 3))
    new.embedding = np.ones(3, dtype=np.float32)
    store.put_documents([new], {"b": "s1"}, embedding_model="m")
    assert store.documents("s1", embedding_model="m")[1].embedding is not None


def test_an_incremental_run_never_encodes_a_stored_report_again(db: str, tmp_path: Path,
                                                                encoder: CountingEncoder) -> None:
    first, second = _inputs(tmp_path, FLOOD, LATER)
    run([first], tmp_path / "out", Options(db=db, quiet=True))
    assert len(encoder.calls) == 1
    stored = _vectors(db)
    run([first, second], tmp_path / "out", Options(db=db, quiet=True))
    assert len(encoder.calls) == 2 and "20" in encoder.calls[1]  # only the new report was read
    again = _vectors(db)
    assert set(again) == {"r0", "r1"} and all(v is not None for v in again.values())
    assert np.array_equal(again["r0"], stored["r0"])


def test_reports_stored_without_a_vector_are_encoded_once(tmp_path: Path, encoder: CountingEncoder) -> None:
    db = str(tmp_path / "s.sqlite")
    paths = _inputs(tmp_path, FLOOD, LATER, THIRD)
    run(paths[:1], tmp_path / "out", Options(db=db, quiet=True, embedding_model=None))
    assert encoder.calls == [] and _vectors(db) == {"r0": None}
    run(paths[:2], tmp_path / "out", Options(db=db, quiet=True))
    assert len(encoder.calls) == 2  # the stored report (once, now) and the new one
    run(paths, tmp_path / "out", Options(db=db, quiet=True))
    assert len(encoder.calls) == 3
    assert all(v is not None for v in _vectors(db).values())


def test_switched_off_the_encoder_is_never_called(tmp_path: Path, encoder: CountingEncoder) -> None:
    db = str(tmp_path / "s.sqlite")
    report = run(_inputs(tmp_path, FLOOD, LATER), tmp_path / "out",
                 Options(db=db, quiet=True, embedding_model=None))
    assert encoder.calls == [] and report.processed == 2
    assert _vectors(db) == {"r0": None, "r1": None}


def test_a_document_carries_its_vector_through_dict_round_trips() -> None:
    from storyline.models import from_dict, to_dict

    doc = make_doc("a", "Text.", utc(2024, 1, 2))
    doc.embedding = np.asarray([0.5, 0.5], dtype=np.float32)
    back = from_dict(Document, to_dict(doc))
    assert back.embedding.dtype == np.float32 and back.embedding.tolist() == [0.5, 0.5]
