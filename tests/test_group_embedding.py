"""The grouper's view by meaning, with small hand-made vectors (no model is loaded)."""

from __future__ import annotations

import numpy as np

from storyline.group import GroupOptions, StoryGrouper
from storyline.models import Document

from tests.helpers import make_doc, utc
from tests.test_group import DAM, FLOOD, LINK, QUAKE, docs

# One event told in other words: a single shared content word, a weak link for words alone.
PORT = "Dock workers at Belmora walked out over pay."
HARBOUR = "Container shipping halted at Belmora as the harbour union stopped loading vessels."
NEAR = {"a": [1.0, 0.1, 0.0], "b": [0.9, 0.2, 0.0]}
FAR = {"a": [1.0, 0.0, 0.0], "b": [0.0, 1.0, 0.0]}


def _with(doc: Document, vectors: dict[str, list[float]]) -> Document:
    if doc.doc_id in vectors:
        doc.embedding = np.asarray(vectors[doc.doc_id], dtype=np.float32)
    return doc


def _same_story(vectors: dict[str, list[float]], **options: float) -> bool:
    g = StoryGrouper(GroupOptions(**options))
    a = g.add(_with(make_doc("a", PORT, utc(2024, 3, 1)), vectors))
    b = g.add(_with(make_doc("b", HARBOUR, utc(2024, 3, 1, 6)), vectors))
    return g.resolve(a) == g.resolve(b)


def test_close_embeddings_join_reports_that_share_few_words() -> None:
    assert _same_story(NEAR)  # the default options use the view when vectors are there
    assert not _same_story({})  # words alone: two stories
    assert not _same_story(FAR)
    assert not _same_story(NEAR, embedding_weight=0.0)


def test_without_vectors_grouping_is_the_lexical_one() -> None:
    lexical = StoryGrouper(GroupOptions(embedding_weight=0.0, embedding_merge=0.0))
    default = StoryGrouper()
    assert [lexical.add(d) for d in docs()] == [default.add(d) for d in docs()]
    assert all(s.vector is None for s in default.stories.values())


def test_embeddings_only_rescore_candidates_from_the_index() -> None:
    # no shared word or entity: the story is never a candidate, so the cost stays linear
    g = StoryGrouper(GroupOptions(embedding_weight=0.9))
    a = g.add(_with(make_doc("a", PORT, utc(2024, 3, 1)), {"a": [1.0, 0.0]}))
    assert g.add(_with(make_doc("b", QUAKE[0], utc(2024, 3, 1)), {"b": [1.0, 0.0]})) != a


def test_reports_without_a_vector_are_scored_on_words() -> None:
    g = StoryGrouper()
    stream = [_with(d, {"q0": [1.0, 0.0], "s1": [0.0, 1.0]}) for d in docs()]
    ids = {d.doc_id: g.resolve(g.add(d)) for d in stream}
    assert ids["q0"] == ids["q2"] and ids["s0"] == ids["s2"] and ids["q0"] != ids["s0"]


def test_story_vector_is_the_sum_of_its_unit_length_members() -> None:
    g = StoryGrouper()
    vectors = {"q0": [3.0, 4.0], "q1": [0.0, 2.0]}
    sid = g.add(_with(make_doc("q0", QUAKE[0], utc(2024, 3, 1)), vectors))
    assert g.add(_with(make_doc("q1", QUAKE[1], utc(2024, 3, 2)), vectors)) == sid
    assert np.allclose(g.stories[sid].vector, [0.6, 1.8])


def _merged(vectors: dict[str, list[float]], **options: float) -> bool:
    g = StoryGrouper(GroupOptions(threshold=0.15, merge_threshold=0.9, embedding_weight=0.0, **options))
    a = g.add(_with(make_doc("a", FLOOD, utc(2024, 1, 1)), vectors))
    b = g.add(_with(make_doc("b", DAM, utc(2024, 1, 1)), vectors))
    g.add(_with(make_doc("c", LINK, utc(2024, 1, 2)), vectors))
    return g.resolve(a) == g.resolve(b)


def test_stories_merge_when_their_mean_embeddings_agree() -> None:
    close = {"a": [1.0, 0.0], "b": [0.95, 0.1], "c": [1.0, 0.05]}
    apart = {"a": [1.0, 0.0], "b": [0.0, 1.0], "c": [0.7, 0.7]}
    assert _merged(close, embedding_merge=0.8)
    assert not _merged(close, embedding_merge=0.0)  # words alone do not merge them (0.9)
    assert not _merged(apart, embedding_merge=0.8)


def test_replay_with_vectors_equals_one_go() -> None:
    def stream() -> list[Document]:
        return [_with(d, {d.doc_id: [1.0, 0.0] if d.doc_id.startswith("q") else [0.0, 1.0]}) for d in docs()]

    one_go = StoryGrouper()
    batch = {d.doc_id: one_go.resolve(one_go.add(d)) for d in stream()}
    replayed = StoryGrouper()
    later_docs = stream()
    for d in later_docs[:3]:
        replayed.attach(d, batch[d.doc_id])
    later = {d.doc_id: replayed.resolve(replayed.add(d)) for d in later_docs[3:]}
    assert later == {k: batch[k] for k in later}
    assert len(set(batch.values())) == 2
