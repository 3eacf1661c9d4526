"""Which entries a day keeps: events, not remarks; one entry per event; sentences that
keep to the story; every day its entry before the overall limit runs out; and which
days before the first report belong to the story."""

from __future__ import annotations

from datetime import datetime, timezone

from spacy.language import Language

from storyline.models import Document
from storyline.timeline import build_timeline

from tests.helpers import parsed_report

TUESDAY = datetime(2013, 1, 15, 9, tzinfo=timezone.utc)
WEDNESDAY = datetime(2013, 1, 16, 9, tzinfo=timezone.utc)
THURSDAY = datetime(2013, 1, 17, 9, tzinfo=timezone.utc)
FRIDAY = datetime(2013, 1, 18, 9, tzinfo=timezone.utc)


def report(nlp: Language, doc_id: str, lines: list[str], published: datetime) -> Document:
    return parsed_report(nlp, doc_id, lines, published)


PLANT_NEWS = [
    "Gunmen seized foreign workers at a remote gas plant in the desert.",
    "Gunmen seized dozens of foreign workers at the remote gas plant.",
    "Militants seized the gas plant and held foreign workers in the desert.",
    "Gunmen seized the remote desert gas plant and its foreign workers.",
]


def test_an_undated_remark_is_no_event_of_the_day(nlp: Language) -> None:
    """'..., said a British official' with no date of its own tells that someone spoke,
    not what happened that day; the dated event and the undated escape are entries."""
    remark = ("British officials were on the ground in the capital but not at the plant, "
              "said a British official.")
    doc = report(nlp, "a", ["Gunmen seized the gas plant on Wednesday.",
                            "Some foreign workers escaped from the plant.", remark], WEDNESDAY)
    texts = [e.text for e in build_timeline([doc])]
    assert "Some foreign workers escaped from the plant." in texts
    assert remark not in texts


def test_an_undated_sentence_about_the_event_its_report_dates_joins_that_entry(
        nlp: Language) -> None:
    """'The offer, according to ...' tells more of the offer the same report dates on
    Friday: one entry, worded by the dated sentence, which is also the one passage it cites
    (a reader checks the cited passage against the entry's text)."""
    doc = report(nlp, "a", ["Militants on Friday offered to trade two hostages for two prisoners.",
                            "The offer, according to a news site, came from a commander in Mali."],
                 FRIDAY)
    entries = build_timeline([doc])
    assert len(entries) == 1
    assert entries[0].text.startswith("Militants on Friday offered")
    (source,) = entries[0].sources
    assert doc.text[source.start:source.end] == entries[0].text


def test_a_stray_sentence_of_the_page_loses_to_the_story(nlp: Language) -> None:
    """With one entry a day, the day's sentence in the story's words wins over a longer
    sentence from another story left on the page, though it has more new words."""
    wednesday = [report(nlp, f"w{i}", [line], WEDNESDAY) for i, line in enumerate(PLANT_NEWS)]
    stray = ("Campus police should not have pepper-sprayed student demonstrators at a "
             "California university, investigators said after months of review of the "
             "incident that drew national outrage when a video appeared online.")
    story = "Troops stormed the gas plant and freed dozens of foreign workers."
    thursday = [report(nlp, "t0", [stray, story], THURSDAY),
                report(nlp, "t1", ["Troops stormed the remote gas plant in the desert."],
                       THURSDAY)]
    entries = build_timeline(wednesday + thursday, per_day=1)
    thursday_texts = [e.text for e in entries if e.date == "2013-01-17"]
    assert thursday_texts and stray not in thursday_texts


def test_the_overall_limit_leaves_no_day_empty(nlp: Language) -> None:
    """Three days of news with three entries' worth each, and a limit of three: one entry
    a day, not three on the richest day."""
    wednesday = [report(nlp, f"w{i}", [line,
                                       "Two guards were killed at the main gate of the plant.",
                                       "Troops surrounded the compound and closed the roads."],
                        WEDNESDAY) for i, line in enumerate(PLANT_NEWS)]
    thursday = [report(nlp, f"t{i}", ["Troops stormed the plant and freed thirty hostages.",
                                      "Four hostages were killed in the assault on the plant."],
                       THURSDAY) for i in range(2)]
    friday = [report(nlp, f"f{i}", ["Police arrested a suspected organiser of the kidnapping.",
                                     "The army evacuated the last workers from the plant."],
                     FRIDAY) for i in range(2)]
    entries = build_timeline(wednesday + thursday + friday, per_day=3, limit=3)
    assert sorted(e.date for e in entries) == ["2013-01-16", "2013-01-17", "2013-01-18"]


def test_a_day_before_the_first_report_needs_a_share_of_all_reports(nlp: Language) -> None:
    """The first report names Tuesday's attack; of the twenty reports that follow, two
    recall a Monday storm and six retell the Tuesday attack. Tuesday is a day of the
    story, Monday (named by under a tenth of the reports) is not."""
    first = [report(nlp, "w0", ["Gunmen attacked the gas plant on Tuesday.",
                                "Gunmen held foreign workers at the remote desert plant."],
                    WEDNESDAY)]
    later = []
    for i in range(20):
        lines = [PLANT_NEWS[i % 4], f"Troops freed {i + 2} foreign workers from the gas plant."]
        if i < 6:
            lines.append("The gunmen attacked the plant on Tuesday before dawn.")
        if i in (6, 7):
            lines.append("A storm killed two fishermen near the coast on Monday.")
        later.append(report(nlp, f"t{i}", lines, THURSDAY))
    on = {e.date for e in build_timeline(first + later)}
    assert "2013-01-15" in on
    assert "2013-01-14" not in on


def test_a_possessive_date_names_a_thing_and_another_date_tells_the_news(nlp: Language) -> None:
    first = report(nlp, "a", ["A strong earthquake struck the province of Osk on Tuesday, killing at least 12 people."],
                   WEDNESDAY)
    later = report(nlp, "b", ["The death toll from Tuesday's earthquake in Osk rose to 27 on Thursday, officials said."],
                   FRIDAY)
    days = {e.text[:20]: e.date for e in build_timeline([first, later])}
    assert days["The death toll from "] == "2013-01-17"  # Thursday, not the earthquake's Tuesday
    assert days["A strong earthquake "] == "2013-01-15"


def test_until_a_day_is_a_states_end_not_the_day_of_the_event(nlp: Language) -> None:
    doc = report(nlp, "a", ["Gunmen seized the gas plant in the desert on Wednesday.",
                            "The border crossing near the plant was closed until Thursday after the attack."],
                 FRIDAY)
    assert all(e.date != "2013-01-17" for e in build_timeline([doc]))
