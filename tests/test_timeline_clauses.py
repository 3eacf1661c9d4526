"""Which date dates a timeline sentence (the main event's, not a side clause's), events
told by a verb no event word names, and a story's outcome on its last day."""

from __future__ import annotations

from datetime import datetime, timezone

from spacy.language import Language

from storyline.models import Document
from storyline.timeline import build_timeline

from tests.helpers import parsed_report

MONDAY = datetime(2025, 3, 3, 9, tzinfo=timezone.utc)
TUESDAY = datetime(2025, 3, 4, 9, tzinfo=timezone.utc)
WEDNESDAY = datetime(2025, 3, 5, 9, tzinfo=timezone.utc)
THURSDAY = datetime(2025, 3, 6, 9, tzinfo=timezone.utc)
FRIDAY = datetime(2025, 3, 7, 9, tzinfo=timezone.utc)


def report(nlp: Language, doc_id: str, lines: list[str], published: datetime,
           title: str | None = None) -> Document:
    doc = parsed_report(nlp, doc_id, lines, published, entities=False)
    doc.title = title
    return doc


def dated(docs: list[Document]) -> list[tuple[str, str]]:
    return [(e.date, e.text) for e in build_timeline(docs, per_day=10)]


def test_a_date_in_a_participle_clause_does_not_date_the_news(nlp: Language) -> None:
    """The recovery was announced Thursday; Monday is when the paintings were stolen."""
    doc = report(nlp, "a", ["Dutch police have recovered one of the three paintings stolen from the "
                            "city gallery in Leiden on Monday, prosecutors said on Thursday."], THURSDAY)
    assert [day for day, _ in dated([doc])] == ["2025-03-06"]


def test_a_date_in_an_adverbial_clause_loses_to_the_reporting_date(nlp: Language) -> None:
    doc = report(nlp, "a", ["The death toll from the landslide in Vargas rose to 31, the civil defence "
                            "agency said on Friday, as relief trucks returned after the road reopened "
                            "on Wednesday."], FRIDAY)
    assert [day for day, _ in dated([doc])] == ["2025-03-07"]


def test_a_date_on_a_main_clause_verb_still_wins_over_the_reporting_date(nlp: Language) -> None:
    doc = report(nlp, "a", ["Gunmen attacked the convoy on Tuesday, killing four guards, the army "
                            "said on Thursday."], THURSDAY)
    assert [day for day, _ in dated([doc])] == ["2025-03-04"]


def test_a_date_in_a_side_clause_alone_still_dates_the_sentence(nlp: Language) -> None:
    """Told in two clauses, one event: "a bombing which killed nine on Tuesday"."""
    doc = report(nlp, "a", ["A bomber set off explosives in a bombing which killed nine people at "
                            "the market in Kandar on Tuesday."], THURSDAY)
    assert [day for day, _ in dated([doc])] == ["2025-03-04"]


def test_a_date_on_a_noun_that_names_no_event_does_not_date_the_offer(nlp: Language) -> None:
    """Friday is the reference price's day; the offer is news of Monday's report."""
    doc = report(nlp, "a", ["Kestrel Mining is offering 12 dollars a share, a premium of 30% to "
                            "Brandt's closing price on Friday."], MONDAY)
    assert [day for day, _ in dated([doc])] == ["2025-03-03"]


def test_a_date_on_an_event_noun_dates_the_sentence(nlp: Language) -> None:
    doc = report(nlp, "a", ["The attack on Tuesday left the town without power for two days."], THURSDAY)
    assert [day for day, _ in dated([doc])] == ["2025-03-04"]


def test_a_dated_main_verb_is_an_event_without_an_event_word(nlp: Language) -> None:
    doc = report(nlp, "a", ["Yesterday, engineers reopened the bridge to the border.",
                            "The rains began on Monday night."], THURSDAY)
    assert dated([doc]) == [("2025-03-03", "The rains began on Monday night."),
                            ("2025-03-05", "Yesterday, engineers reopened the bridge to the border.")]


def test_a_dated_state_is_no_event(nlp: Language) -> None:
    doc = report(nlp, "a", ["The weather in the valley was mild on Tuesday."], THURSDAY)
    assert dated([doc]) == []


SIEGE = [
    ("s1", ["Armed men seized a post office in central Tarvo on Tuesday morning and were holding "
            "about 20 people hostage, police said."], TUESDAY, "Gunmen hold hostages in Tarvo post office"),
    ("s2", ["The gunmen holding the post office in Tarvo told a radio station on Tuesday that they "
            "held 25 hostages and demanded a car to the border."], TUESDAY, "Tarvo siege: gunmen say they hold 25"),
    ("s3", ["Gunmen freed nine hostages overnight from the post office in Tarvo, including three "
            "children, police said on Wednesday.",
            "Negotiators were still talking to the gunmen, commander Lina Berg said."],
     WEDNESDAY, "Nine hostages freed in Tarvo post office siege"),
    ("s4", ["Police stormed the post office in Tarvo before dawn on Thursday and freed the last 11 "
            "hostages, ending the siege, commander Lina Berg said.",
            "Two gunmen were arrested."], THURSDAY, "Police storm Tarvo post office, free last hostages"),
]


def test_the_outcome_its_headline_tells_reaches_the_timeline(nlp: Language) -> None:
    """The last report's news is told once (no other report has retold it yet), but its
    headline names it and its lead dates it: the siege's end is on the timeline."""
    docs = [report(nlp, i, lines, when, title) for i, lines, when, title in SIEGE]
    entries = dated(docs)
    assert ("2025-03-06", SIEGE[3][1][0]) in entries


def test_a_headline_event_far_after_the_story_makes_no_day(nlp: Language) -> None:
    """A week-later report's headline event, dated days before the report itself (news
    told late, or a page re-posted), is no outcome of this story's days. (A lone late
    report whose lead dates its headline event on its own day is a later news day of a
    slow story: see test_timeline_audit.py.)"""
    late = datetime(2025, 3, 14, 9, tzinfo=timezone.utc)
    docs = [report(nlp, i, lines, when, title) for i, lines, when, title in SIEGE[:3]]
    docs.append(report(nlp, "s9", ["Police arrested two men in Tarvo on Monday over the post office "
                                   "siege, commander Lina Berg said on Friday."], late,
                       "Police arrest two men over Tarvo post office siege"))
    assert not {day for day, _ in dated(docs)} & {"2025-03-10", "2025-03-14"}


def test_days_after_an_event_a_span_dates(nlp: Language) -> None:
    """"a week after the river flooded the town" dates the flood; "two days after the
    flood" is counted from it."""
    doc = report(nlp, "a", ["Residents of Kolno began clearing mud from their homes on Friday, a week "
                            "after the Narew river flooded the town.",
                            "Two days after the flood, the army opened a field hospital in the main square."],
                 FRIDAY)
    assert ("2025-03-02", "Two days after the flood, the army opened a field hospital in the main square."
            ) in dated([doc])


def test_a_deal_and_the_return_to_work_are_on_the_report_day(nlp: Language) -> None:
    doc = report(nlp, "a", ["Bus drivers in Kolno will return to work on Friday after the union and the "
                            "city agreed late on Thursday on a 4% pay rise, ending a week-long strike."],
                 FRIDAY)
    assert [day for day, _ in dated([doc])] == ["2025-03-07"]
