import pytest

from storyline.models import Citation, Story, SummarySentence
from storyline.pipeline import Options, run
from storyline.store import Store, database_url

from tests.helpers import FLOOD, LATER, make_doc, utc


def test_documents_round_trip_with_annotations(db):
    store = Store(db)
    doc = make_doc("a", "One sentence here. Another one.", utc(2024, 1, 2), source="Wire")
    store.put_documents([doc], {"a": "s00000"})
    (back,) = store.documents("s00000")
    assert back == doc
    assert store.assignments() == {"a": "s00000"}
    assert store.content_hashes() == {"a": doc.content_hash}


def test_put_again_replaces_not_duplicates(db):
    store = Store(db)
    doc = make_doc("a", "Text.", utc(2024, 1, 2))
    store.put_documents([doc], {"a": "s1"})
    store.put_documents([doc], {"a": "s2"})
    assert store.assignments() == {"a": "s2"}


def test_stories_and_merges(db):
    store = Store(db)
    a, b = make_doc("a", "A.", utc(2024, 1, 1)), make_doc("b", "B.", utc(2024, 1, 3))
    store.put_documents([a, b], {"a": "s1", "b": "s2"})
    for sid, doc in (("s1", a), ("s2", b)):
        store.put_story(Story(story_id=sid, title=f"T{sid}", documents=[doc], last_seen=doc.published,
                              summary=[SummarySentence("A.", [Citation(doc.doc_id, 0, 2)])]), f"{sid}-t")
    assert [r["story_id"] for r in store.listing()] == ["s2", "s1"]
    store.move_stories({"s2": "s1"})
    assert store.assignments() == {"a": "s1", "b": "s1"}
    assert [r["story_id"] for r in store.listing()] == ["s1"]
    (story, slug), = store.stories()
    assert slug == "s1-t" and story.summary[0].sources[0].doc_id == "a"
    assert {d.doc_id for d in story.documents} == {"a", "b"}


def test_url_or_path():
    assert database_url("x/y.sqlite") == "sqlite:///x/y.sqlite"
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        Store(tmp_path / "nope" / "s.sqlite")


def test_a_file_that_is_not_a_database_is_one_plain_line(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("not a database")
    with pytest.raises(ValueError) as caught:
        Store(path)
    message = str(caught.value)
    assert message == f"{path}: not a storyline database (the file is not SQLite)"


def test_a_folder_as_store_is_named_as_a_folder(tmp_path):
    with pytest.raises(ValueError, match="is a folder, not a database file"):
        Store(tmp_path)


def test_server_errors_are_one_line_without_the_password():
    with pytest.raises(ValueError) as caught:
        Store("postgresql+psycopg://reader:sekret@127.0.0.1:1/news")
    message = str(caught.value)
    assert "\n" not in message and "sekret" not in message
    assert message.startswith("cannot open store postgresql+psycopg://reader:***@127.0.0.1:1/news: ")
    assert "sqlalche.me" not in message and "[SQL" not in message


def test_incremental_runs_add_nothing_twice(db, tmp_path):
    """A later run adds a new report to the stored story; running it again changes nothing."""
    (tmp_path / "a.txt").write_text(FLOOD)
    (tmp_path / "b.txt").write_text(LATER)
    first = run([tmp_path / "a.txt"], tmp_path / "out", Options(db=db, quiet=True))
    second = run([tmp_path / "a.txt", tmp_path / "b.txt"], tmp_path / "out", Options(db=db, quiet=True))
    (story, _), = Store(db).stories()
    assert [d.doc_id for d in story.documents] == ["a", "b"]
    assert story.update, "the second run says what the new report adds"
    again = run([tmp_path / "a.txt", tmp_path / "b.txt"], tmp_path / "out", Options(db=db, quiet=True))
    assert (first.processed, second.processed, second.unchanged, again.unchanged) == (1, 1, 1, 2)
    (story, _), = Store(db).stories()
    assert story.update == [], "a run that leaves the story alone leaves nothing 'new'"


def test_a_report_updated_in_place_tells_what_its_new_version_adds(db, tmp_path):
    (tmp_path / "a.txt").write_text(FLOOD)
    (tmp_path / "b.txt").write_text(LATER)
    run([tmp_path / "a.txt", tmp_path / "b.txt"], tmp_path / "out", Options(db=db, quiet=True))
    (tmp_path / "b.txt").write_text(LATER + "\n\nThe army opened a field hospital in Kano on Thursday, "
                                    "the state governor told reporters after visiting the camps.")
    run([tmp_path / "a.txt", tmp_path / "b.txt"], tmp_path / "out", Options(db=db, quiet=True))
    (story, _), = Store(db).stories()
    assert [s.text for s in story.update] == [
        "The army opened a field hospital in Kano on Thursday, the state governor told reporters "
        "after visiting the camps."]


def test_an_opinion_piece_added_later_brings_nothing_new(db, tmp_path):
    (tmp_path / "a.txt").write_text(FLOOD)
    run([tmp_path / "a.txt"], tmp_path / "out", Options(db=db, quiet=True))
    (tmp_path / "c.txt").write_text(
        "OPINION\n\nFloods in Kano killed 14 people this week because the state never built the drains "
        "its engineers asked for, and rescue teams were still searching for missing residents.")
    run([tmp_path / "a.txt", tmp_path / "c.txt"], tmp_path / "out", Options(db=db, quiet=True))
    (story, _), = Store(db).stories()
    assert {d.doc_id for d in story.documents} == {"a", "c"}
    assert story.update == []
