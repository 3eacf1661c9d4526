"""Entries ranked by meaning when a sentence encoder is given: closeness to what the
story's reports tell stands in for the share of story words. The encoders here are
fakes (fixed vectors per text), so the tests need no model and stay fast."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from datetime import datetime, timezone

import numpy as np
import pytest
from spacy.language import Language

from storyline import timeline
from storyline.models import Document
from storyline.timeline import build_timeline

from tests.helpers import parsed_report
from tests.test_timeline import FRIDAY, THURSDAY, make_doc, seed_text

WEDNESDAY = datetime(2013, 1, 16, 9, tzinfo=timezone.utc)
THURSDAY_MORNING = datetime(2013, 1, 17, 9, tzinfo=timezone.utc)

PLANT_NEWS = [
    "Gunmen seized foreign workers at a remote gas plant in the desert.",
    "Gunmen seized dozens of foreign workers at the remote gas plant.",
    "Militants seized the gas plant and held foreign workers in the desert.",
    "Gunmen seized the remote desert gas plant and its foreign workers.",
]
STORMED = "Troops stormed the gas plant and freed dozens of foreign workers."
STORMED_TOO = "Troops stormed the remote gas plant in the desert."
ARREST = "Police arrested two men near the remote gas plant."

Encoder = Callable[[Sequence[str]], np.ndarray]


def two_days(nlp: Language) -> list[Document]:
    """Wednesday: four reports of the seizure. Thursday: the assault (two reports) and an
    arrest (one report) compete for one place."""
    wednesday = [parsed_report(nlp, f"w{i}", [line], WEDNESDAY) for i, line in enumerate(PLANT_NEWS)]
    thursday = [parsed_report(nlp, "t0", [STORMED, ARREST], THURSDAY_MORNING),
                parsed_report(nlp, "t1", [STORMED_TOO], THURSDAY_MORNING)]
    return wednesday + thursday


def axis_encoder(far: set[str], calls: list[list[str]] | None = None) -> Encoder:
    """Texts in ``far`` point one way, every other text the other: the story's centre
    lies with the many, and the ``far`` sentences are as far from it as can be."""
    def encode(texts: Sequence[str]) -> np.ndarray:
        if calls is not None:
            calls.append(list(texts))
        return np.array([[0.0, 1.0] if t in far else [1.0, 0.0] for t in texts], dtype=np.float32)
    return encode


def hash_encoder(texts: Sequence[str]) -> np.ndarray:
    """Fixed pseudo-random unit vectors: any ranking, but the same on every run."""
    rows = []
    for t in texts:
        seed = int.from_bytes(hashlib.sha1(t.encode()).digest()[:4], "little")
        v = np.random.default_rng(seed).normal(size=8)
        rows.append(v / np.linalg.norm(v))
    return np.asarray(rows, dtype=np.float32)


def thursday_texts(entries: list) -> list[str]:
    return [e.text for e in entries if e.date == "2013-01-17"]


def test_without_an_encoder_the_words_decide(nlp: Language) -> None:
    """No encoder (none installed, or the caller passes none): the words-only timeline,
    where the assault many reports tell takes Thursday's one place."""
    docs = two_days(nlp)
    words_only = build_timeline(docs, per_day=1)
    assert build_timeline(docs, per_day=1, encoder=None) == words_only
    assert thursday_texts(words_only) == [STORMED]


def test_a_sentence_far_from_the_story_in_meaning_loses_its_place(nlp: Language) -> None:
    """The same day, with an encoder that puts the assault's sentences far from what the
    other reports tell: the arrest, close to it, takes the place instead."""
    docs = two_days(nlp)
    entries = build_timeline(docs, per_day=1, encoder=axis_encoder({STORMED, STORMED_TOO}))
    assert thursday_texts(entries) == [ARREST]
    assert [e.date for e in entries] == ["2013-01-16", "2013-01-17"]


def test_the_encoder_sees_each_wording_once_in_one_batch(nlp: Language) -> None:
    """Encoding is the slow part: one call, each entry's wording once, nothing else."""
    calls: list[list[str]] = []
    docs = two_days(nlp)
    build_timeline(docs, per_day=1, encoder=axis_encoder(set(), calls))
    assert len(calls) == 1
    texts = calls[0]
    assert len(texts) == len(set(texts))
    sentences = {s.text for d in docs for s in d.sentences}
    assert set(texts) <= sentences
    assert ARREST in texts and (STORMED in texts or STORMED_TOO in texts)


def test_only_the_days_best_entries_by_words_are_encoded(nlp: Language,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """With room for one entry a day and one encoded entry a place, Thursday's arrest
    (fewer story words than the assault) is never encoded, and so never chosen."""
    monkeypatch.setattr(timeline, "ENCODED_PER_PLACE", 1)
    calls: list[list[str]] = []
    entries = build_timeline(two_days(nlp), per_day=1,
                             encoder=axis_encoder({STORMED, STORMED_TOO}, calls))
    assert ARREST not in calls[0]
    assert thursday_texts(entries) == [STORMED]


def test_seed_with_an_encoder_keeps_the_three_days_each_sourced(nlp: Language) -> None:
    docs = [make_doc(nlp, "000", seed_text("000_859f0715c1a21f90.txt"), THURSDAY),
            make_doc(nlp, "002", seed_text("002_ccd22e2c14d346af.txt"), FRIDAY)]
    entries = build_timeline(docs, encoder=hash_encoder)
    assert {e.date for e in entries} == {"2013-01-16", "2013-01-17", "2013-01-18"}
    by_id = {d.doc_id: d for d in docs}
    for entry in entries:
        assert entry.sources and entry.precision == "day"
        first = entry.sources[0]
        assert by_id[first.doc_id].text[first.start:first.end] == entry.text
