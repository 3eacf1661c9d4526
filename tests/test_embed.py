"""The optional sentence encoder: switched off cleanly, actionable when missing, real when there."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np
import pytest

from storyline import embed, pipeline
from storyline.pipeline import Options


def test_no_model_means_no_encoder() -> None:
    assert embed.encoder_for(None) is None
    assert embed.encoder_for("none") is None
    assert embed.encoder_for("None") is None


def test_missing_extra_names_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embed, "encoder_available", lambda: False)
    with pytest.raises(ValueError, match=r"storyline\[embeddings\]"):
        embed.encoder_for("all-MiniLM-L6-v2")


def test_encoder_pickles_as_its_name() -> None:
    encoder = embed.SentenceEncoder("some/model")
    assert pickle.loads(pickle.dumps(encoder)) == encoder


def test_summary_reads_meaning_with_or_without_a_focus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "encoder_available", lambda: True)
    assert pipeline.summary_options(Options(focus="q", embedding_model=None)) is None
    assert pipeline.summary_options(Options(embedding_model="none")) is None
    focused = pipeline.summary_options(Options(focus="q", embedding_model="my-model"))
    assert focused is not None and focused.embed == embed.SentenceEncoder("my-model")
    assert focused.semantic_redundancy == 0  # a focus steers; held-out DUC topics lost with the rule
    unfocused = pipeline.summary_options(Options(embedding_model="my-model"))
    assert unfocused is not None and unfocused.embed == embed.SentenceEncoder("my-model")
    assert unfocused.semantic_redundancy == pipeline.UNFOCUSED_REDUNDANCY


def test_default_model_falls_back_to_words_with_a_notice(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(pipeline, "encoder_available", lambda: False)
    monkeypatch.setattr(embed, "encoder_available", lambda: False)
    pipeline.check_encoder(Options(focus="q"))
    assert "shared words only" in capsys.readouterr().err
    assert pipeline.summary_options(Options(focus="q")) is None
    with pytest.raises(ValueError, match="needs torch"):
        pipeline.check_encoder(Options(focus="q", embedding_model="another/model"))


def test_quiet_run_keeps_the_notice_to_itself(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(pipeline, "encoder_available", lambda: False)
    pipeline.check_encoder(Options(focus="q", quiet=True))
    assert capsys.readouterr().err == ""


@pytest.mark.skipif(not embed.encoder_available(), reason="the 'embeddings' extra is not installed")
def test_bundled_model_puts_paraphrases_together() -> None:
    rows = embed.encoder_for(embed.DEFAULT_MODEL)([
        "Gunmen stormed the gas plant and seized workers.",
        "Militants attacked the gas facility and took hostages.",
        "The central bank left interest rates unchanged.",
    ])
    assert rows.shape == (3, 384)
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-4)
    assert rows[0] @ rows[1] > rows[0] @ rows[2] + 0.3


SEEDS = str(Path(__file__).resolve().parents[1] / "samples" / "seeds")


def _summary(capsys: pytest.CaptureFixture[str], model: str) -> str:
    """The seed story's 40-word summary for a question worded unlike its answer."""
    from storyline.cli import main

    code = main(["summarize", SEEDS, "--focus", "Who got away from the captors?", "--words", "40",
                 "--embedding-model", model, "--format", "json", "-q"])
    assert code == 0
    return " ".join(s["text"] for s in json.loads(capsys.readouterr().out)["summary"])


@pytest.mark.skipif(not embed.encoder_available(), reason="the 'embeddings' extra is not installed")
def test_focus_by_meaning_finds_the_answer_in_other_words(capsys: pytest.CaptureFixture[str]) -> None:
    # the question shares no content word with the answer ("escaped")
    assert "escaped" not in _summary(capsys, "none")
    assert "escaped" in _summary(capsys, embed.DEFAULT_MODEL)


@pytest.mark.skipif(not embed.encoder_available(), reason="the 'embeddings' extra is not installed")
def test_grouping_encodes_each_report_once_with_the_bundled_model() -> None:
    # the two seeds are one AP story scraped twice (other titles, other furniture): their vectors agree
    docs = pipeline.load_documents([SEEDS], Options(quiet=True), pipeline.RunReport())
    encoder = pipeline.grouping_encoder(Options())
    assert encoder == embed.SentenceEncoder(embed.DEFAULT_MODEL)
    annotated = pipeline.annotate_documents(docs, Options(quiet=True), encoder=encoder)
    vectors = np.stack([d.embedding for d in annotated])
    assert vectors.shape == (2, 384) and vectors.dtype == np.float32
    assert float(vectors[0] @ vectors[1]) > 0.7
    assert pipeline.grouping_encoder(Options(embedding_model="none")) is None


def test_grouping_without_the_extra_is_lexical_with_one_notice(monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(pipeline, "encoder_available", lambda: False)
    pipeline.check_encoder(Options(), grouping=True)
    err = capsys.readouterr().err
    assert "grouped by shared words only" in err and len(err.strip().splitlines()) == 1
    assert pipeline.grouping_encoder(Options()) is None
    pipeline.check_encoder(Options(embedding_model="none"), grouping=True)
    assert capsys.readouterr().err == ""


def test_an_unknown_model_name_without_a_hub_fails_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from storyline import embed

    pytest.importorskip("sentence_transformers")
    monkeypatch.setattr(embed, "_hub_reachable", lambda timeout=3.0: False)
    embed._load.cache_clear()
    start = time.perf_counter()
    with pytest.raises(ValueError, match="hub cannot be reached"):
        embed._load("no-such-model-xyz")
    assert time.perf_counter() - start < 30  # no minute of download retries
