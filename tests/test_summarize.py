from storyline.summarize import SummaryOptions, standalone, summarize

from tests.helpers import make_doc, utc

A = ("Floodwaters swept through the river town of Osk on Monday after the Lume dam failed. "
     "At least 14 people were killed in the floods, the regional governor said. "
     "He said rescue boats were still searching. "
     "The Lume dam had been inspected in March and declared safe by engineers. ")
B = ("The Lume dam failed on Monday, sending floodwaters through the town of Osk. "
     "The regional governor said at least 14 people were killed in the floods in Osk. "
     "Army helicopters dropped food and water to families stranded on rooftops in Osk. ")
C = ("Army helicopters dropped food to families stranded on rooftops in the flooded town of Osk. "
     "Engineers had declared the Lume dam safe after an inspection in March, records show. "
     "The death toll rose to 22 on Tuesday as receding water revealed more victims, officials said. "
     "What happens next?")


def story():
    return [make_doc("a", A, utc(2024, 5, 6)), make_doc("b", B, utc(2024, 5, 6, 8)),
            make_doc("c", C, utc(2024, 5, 7))]


def test_every_sentence_is_quoted_and_cited_at_its_offsets():
    docs = story()
    by_id = {d.doc_id: d for d in docs}
    summary = summarize(docs, words=60)
    assert summary
    for s in summary:
        first = s.sources[0]
        assert by_id[first.doc_id].text[first.start:first.end] == s.text


def test_support_lists_every_report_stating_the_same_fact():
    summary = summarize(story(), words=100)
    toll = [s for s in summary if "14 people were killed" in s.text]
    assert toll, [s.text for s in summary]
    assert {c.doc_id for c in toll[0].sources} == {"a", "b"}


def test_budget_is_respected_with_whole_sentences():
    summary = summarize(story(), words=30)
    assert sum(len(s.text.split()) for s in summary) <= 30


def test_sentences_that_cannot_stand_alone_are_avoided():
    opts = SummaryOptions()
    assert not standalone("He said rescue boats were still searching the flooded streets.", opts)
    assert not standalone("What happens next for the people of the town of Osk?", opts)
    assert not standalone('The governor said "we will rebuild the town and the.', opts)
    assert standalone("The regional governor said at least 14 people were killed in the floods.", opts)
    summary = summarize(story(), words=150)
    assert all(not s.text.startswith("He ") for s in summary)


def test_copies_count_once():
    docs = story()
    copy = make_doc("a-copy", A, utc(2024, 5, 6, 1), duplicate_of="a")
    with_copy = summarize(docs + [copy], words=60)
    assert [s.text for s in with_copy] == [s.text for s in summarize(docs, words=60)]


def test_update_summary_leaves_out_what_earlier_reports_said():
    docs = story()
    update = summarize(docs[2:], words=100, earlier=docs[:2])
    assert update
    assert all("14 people" not in s.text for s in update)
    assert [s.text for s in update] == [
        "The death toll rose to 22 on Tuesday as receding water revealed more victims, officials said."]


def test_focus_steers_the_choice():
    docs = story()
    focused = summarize(docs, words=20, focus="helicopters food rooftops")
    assert any("helicopters" in s.text for s in focused)
