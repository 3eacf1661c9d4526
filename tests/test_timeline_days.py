"""Which days make the timeline: days whose reports first publish new words, and days
that as many reports date events on as the story's first day has reports."""

from __future__ import annotations

from datetime import datetime, timezone

from spacy.language import Language

from storyline.models import Document
from storyline.timeline import auto_per_day, build_timeline

from tests.helpers import parsed_report

WEDNESDAY = datetime(2013, 1, 16, 9, tzinfo=timezone.utc)
THURSDAY = datetime(2013, 1, 17, 9, tzinfo=timezone.utc)
FRIDAY = datetime(2013, 1, 18, 9, tzinfo=timezone.utc)


def report(nlp: Language, doc_id: str, lines: list[str], published: datetime) -> Document:
    return parsed_report(nlp, doc_id, lines, published, entities=False)


def days(docs: list[Document]) -> list[str]:
    return sorted({e.date for e in build_timeline(docs)})


WEDNESDAY_NEWS = [
    ["Gunmen seized foreign workers at a remote gas plant in the desert."],
    ["Gunmen seized dozens of foreign workers at the remote gas plant."],
    ["Militants seized the gas plant and held foreign workers in the desert."],
    ["Gunmen seized the remote desert gas plant and its foreign workers."],
]


def test_a_busy_day_of_restatements_is_no_day(nlp: Language) -> None:
    """Thursday has more reports than Wednesday, but they only retell Wednesday's news."""
    wednesday = [report(nlp, f"w{i}", lines, WEDNESDAY) for i, lines in enumerate(WEDNESDAY_NEWS)]
    retold = [report(nlp, f"t{i}", lines, THURSDAY)
              for i, lines in enumerate(WEDNESDAY_NEWS + WEDNESDAY_NEWS)]
    assert days(wednesday + retold) == ["2013-01-16"]


def test_a_quiet_day_with_a_new_fact_is_a_day(nlp: Language) -> None:
    """Two reports on Friday bring a new fact (an arrest) that both tell: Friday is a day."""
    wednesday = [report(nlp, f"w{i}", lines, WEDNESDAY) for i, lines in enumerate(WEDNESDAY_NEWS)]
    arrest = "Police arrested a suspected organiser of the kidnapping in Algiers."
    friday = [report(nlp, "f1", [arrest], FRIDAY),
              report(nlp, "f2", ["A suspected organiser of the kidnapping was arrested by police."],
                     FRIDAY)]
    assert days(wednesday + friday) == ["2013-01-16", "2013-01-18"]


def test_the_day_before_the_first_report_needs_as_many_reports_as_the_first_day(
        nlp: Language) -> None:
    """One of four first-day reports recalls an attack 'on Tuesday': that is background,
    not a day of the story; when every first-day report dates the attack, it is."""
    recall = ["Gunmen attacked a bus near the gas plant on Tuesday."]
    lines = [recall + WEDNESDAY_NEWS[0]] + WEDNESDAY_NEWS[1:]
    one = [report(nlp, f"w{i}", ls, WEDNESDAY) for i, ls in enumerate(lines)]
    assert days(one) == ["2013-01-16"]
    every = [report(nlp, f"w{i}", ["Gunmen attacked the gas plant on Tuesday."] + ls, WEDNESDAY)
             for i, ls in enumerate(WEDNESDAY_NEWS)]
    assert days(every) == ["2013-01-15", "2013-01-16"]


def test_per_day_is_a_hard_limit_even_on_the_busiest_day(nlp: Language) -> None:
    """Wednesday first tells most of the story, yet holds per_day entries like Friday:
    --per-day is the reader's limit."""
    wednesday = [report(nlp, f"w{i}", lines, WEDNESDAY) for i, lines in enumerate([
        ["Gunmen seized foreign workers at a remote gas plant in the desert.",
         "Two guards were killed at the main gate of the compound.",
         "Troops surrounded the compound and closed the desert roads."],
        ["Gunmen seized dozens of foreign workers at the remote gas plant.",
         "Two guards were killed by a bomb at the main gate.",
         "Troops surrounded the compound near the border."]])]
    friday = [report(nlp, "f1",
                     ["Police arrested a suspected organiser of the kidnapping in Algiers.",
                      "Two guards were killed in the attack, police said."], FRIDAY),
              report(nlp, "f2", ["A suspected organiser of the kidnapping was arrested by police.",
                                 "Police arrested a second suspect of the kidnapping in Oran."],
                     FRIDAY)]
    entries = build_timeline(wednesday + friday, per_day=1)
    on = [e.date for e in entries]
    assert on.count("2013-01-16") == 1 and on.count("2013-01-18") == 1


def test_a_short_story_shares_the_overall_limit_among_its_few_days(nlp: Language) -> None:
    """Without --per-day, a two-day story's busy day may tell more than three facts: the
    overall limit is shared among the days the story has; --per-day 3 still caps it."""
    facts = ["Gunmen seized foreign workers at a remote gas plant in the desert.",
             "Two guards were killed at the main gate of the compound.",
             "Three workers escaped through the desert to a nearby town.",
             "Helicopters evacuated wounded workers to a military hospital.",
             "A bomb exploded near the living quarters of the plant."]
    wednesday = [report(nlp, f"w{i}", facts, WEDNESDAY) for i in range(2)]
    friday = [report(nlp, f"f{i}", ["Police arrested a suspected organiser of the kidnapping in Algiers."],
                     FRIDAY) for i in range(2)]
    by_default = [e.date for e in build_timeline(wednesday + friday)]
    capped = [e.date for e in build_timeline(wednesday + friday, per_day=3)]
    assert by_default.count("2013-01-16") > 3
    assert capped.count("2013-01-16") == 3


def test_auto_per_day_shares_the_limit_within_bounds() -> None:
    assert auto_per_day(1, 20) == 8
    assert auto_per_day(4, 20) == 5
    assert auto_per_day(12, 20) == 3
    assert auto_per_day(0, 20) == 8
