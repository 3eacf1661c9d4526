"""The engines: the same results in this process and on Dask, in input order."""

from __future__ import annotations

import json

import pytest

from storyline.embed import DEFAULT_MODEL, encoder_available
from storyline.engine import DaskEngine, LocalEngine, chunks, make_engine
from storyline.pipeline import Options, run
from storyline.store import Store

from tests.helpers import FLOOD, LATER


def _lengths(part: list[str]) -> list[int]:
    return [len(x) for x in part]


def test_chunks_keep_order_and_reject_a_bad_size():
    assert chunks(list("abcde"), 2) == [["a", "b"], ["c", "d"], ["e"]]
    with pytest.raises(ValueError, match="chunk size"):
        chunks([1], 0)


def test_local_engine_maps_chunks_in_order():
    items = ["a" * n for n in range(10)]
    assert LocalEngine().map_chunks(_lengths, items, chunk=3, desc="t", quiet=True) == list(range(10))


def test_make_engine_names_the_choices_and_a_scheduler_implies_dask():
    with pytest.raises(ValueError, match="local, dask"):
        make_engine("spark")
    assert make_engine("local").name == "local"
    with pytest.raises(ValueError, match="workers must be"):
        make_engine("dask", workers=0)
    with pytest.raises(ValueError, match="workers must be"):
        make_engine("local", workers=0)  # a number of workers asks for Dask, not a silent local run


def test_dask_engine_keeps_input_order():
    engine = DaskEngine(workers=2, processes=False)
    try:
        items = ["a" * n for n in range(23)]
        assert engine.map_chunks(_lengths, items, chunk=4, desc="t", quiet=True) == list(range(23))
    finally:
        engine.close()


def _stories(out) -> list[dict]:
    stories = [json.loads(p.read_text()) for p in sorted(out.glob("s*.json"))]
    for s in stories:
        s.pop("generated_at", None)
    return stories


def test_a_run_on_dask_writes_what_a_local_run_writes(tmp_path):
    """Two worker processes parse and analyze; the stories are the same as in-process."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(FLOOD)
    (inputs / "b.txt").write_text(LATER)
    (inputs / "c.txt").write_text("Voters in the hill town of Arvo chose a new mayor on Sunday. "
                                  "The count was close and a recount was ordered by the election board.")
    local = run([inputs], tmp_path / "local", Options(db=str(tmp_path / "l.sqlite"), quiet=True))
    dask = run([inputs], tmp_path / "dask", Options(db=str(tmp_path / "d.sqlite"), quiet=True,
                                                     engine="dask", workers=2, chunk=1))
    assert local.processed == dask.processed == 3
    assert _stories(tmp_path / "dask") == _stories(tmp_path / "local")
    assert len(_stories(tmp_path / "local")) == 2
    if encoder_available():  # the workers encoded the reports too, as the local run did
        vectors = {d.doc_id: d.embedding for d in Store(str(tmp_path / "d.sqlite")).documents(
            embedding_model=DEFAULT_MODEL)}
        assert len(vectors) == 3 and all(v is not None and v.shape == (384,) for v in vectors.values())


def test_cli_reports_a_bad_engine_setting_in_one_line(tmp_path, capsys):
    from storyline.cli import main

    (tmp_path / "a.txt").write_text(FLOOD)
    code = main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--db",
                 str(tmp_path / "db.sqlite"), "--engine", "dask", "--workers", "0", "-q"])
    assert code == 2
    assert capsys.readouterr().err.strip() == "storyline: error: workers must be 1 or more, not 0"
