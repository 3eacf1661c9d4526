"""Timeline findings of the analyst's audit: what an entry cites, background retold by a
later report, a slow story's later news days, and whose date dates a reported event."""

from __future__ import annotations

from datetime import datetime, timezone

from spacy.language import Language

from storyline.models import Document
from storyline.timeline import build_timeline

from tests.helpers import parsed_report

MONDAY = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)
MONDAY_EVENING = datetime(2026, 3, 2, 20, tzinfo=timezone.utc)
TUESDAY = datetime(2026, 3, 3, 9, tzinfo=timezone.utc)


def report(nlp: Language, doc_id: str, lines: list[str], published: datetime) -> Document:
    return parsed_report(nlp, doc_id, lines, published)


def test_each_report_is_cited_once_by_the_sentence_that_states_the_entry(nlp: Language) -> None:
    """A dated lead and its undated details merge into one entry; the entry still quotes
    one passage of that report, its own text, not every merged sentence."""
    a = report(nlp, "a", [
        "The regional council offered on Monday to mediate between the bus company and striking drivers.",
        "Union leader Ana Ruiz said drivers were demanding a raise of 9% this year.",
        "The bus company has offered 4%.",
    ], MONDAY_EVENING)
    entries = build_timeline([a])
    assert entries
    by_id = {s.index: s for s in a.sentences}
    for entry in entries:
        cited = [c.doc_id for c in entry.sources]
        assert len(cited) == len(set(cited)), entry.sources
        first = entry.sources[0]
        assert a.text[first.start:first.end] == entry.text
    offer = next(e for e in entries if "mediate" in e.text)
    assert [(c.start, c.end) for c in offer.sources] == [(by_id[0].start, by_id[0].end)]


def test_a_later_reports_pluperfect_background_is_no_new_entry(nlp: Language) -> None:
    """The ransom demand was news on the first day; a report a week later that recalls it
    ("had demanded") tells background, not that day's news."""
    first = report(nlp, "a", [
        "A hacker group calling itself RedFox claimed the attack on the city's water utility "
        "and demanded $2 million, according to a post on its website.",
        "The utility said its pumps were running normally.",
    ], MONDAY)
    later = report(nlp, "b", [
        "Police arrested a 30-year-old man on Monday over the attack on the city's water utility, "
        "prosecutors said.",
        "The RedFox group had demanded $2 million.",
    ], datetime(2026, 3, 9, 20, tzinfo=timezone.utc))
    entries = build_timeline([first, later])
    assert any(e.date == "2026-03-09" and "arrested" in e.text for e in entries)
    assert not any("had demanded" in e.text for e in entries)


def test_the_reported_acts_own_date_wins_over_the_statements(nlp: Language) -> None:
    """Both dates sit on reporting verbs (declare, say): the act was declared on Wednesday,
    the government told of it on Thursday."""
    doc = report(nlp, "a", [
        "The government said on Thursday that Chile declared a state of emergency in two "
        "southern provinces on Wednesday.",
    ], datetime(2026, 3, 6, 9, tzinfo=timezone.utc))
    (entry,) = build_timeline([doc])
    assert entry.date == "2026-03-04"


FIRE = [
    (["Four workers were killed when a fire tore through a paint factory in the port of Ghent "
      "late on Monday, the fire service said.",
      "The blaze broke out at about 11 p.m. in a storage hall, sending black smoke over the harbour, "
      "fire service spokesman Jan Peeters said."],
     datetime(2026, 3, 3, 8, 30, tzinfo=timezone.utc), "Four killed in Ghent paint factory fire"),
    (["The number of people killed in the fire at the Ghent paint factory rose to five on Tuesday, "
      "the fire service said.",
      "Firefighters were still cooling the storage hall of the factory."],
     datetime(2026, 3, 3, 16, tzinfo=timezone.utc), "Ghent factory fire toll rises to five"),
    (["A sixth worker has died of burns suffered in last week's fire at the Ghent paint factory, "
      "the hospital said on Monday."],
     datetime(2026, 3, 9, 10, tzinfo=timezone.utc), "Sixth worker dies after Ghent factory fire"),
    (["The company that ran the Ghent paint factory where a fire killed six workers this month had "
      "ignored two warnings about its storage hall, an inspection report found on Friday."],
     datetime(2026, 3, 20, 12, tzinfo=timezone.utc), "Ghent factory ignored warnings, inspection finds"),
]


def fire_story(nlp: Language) -> list[Document]:
    docs = []
    for i, (lines, published, title) in enumerate(FIRE):
        doc = report(nlp, f"f{i}", lines, published)
        doc.title = title
        docs.append(doc)
    return docs


def test_a_slow_storys_later_news_days_reach_the_timeline(nlp: Language) -> None:
    """A new death a week later and an official finding two weeks later, each the lead of
    the only report of its day and named by its headline, are news days of their own."""
    entries = build_timeline(fire_story(nlp))
    dates = {e.date for e in entries}
    assert {"2026-03-09", "2026-03-20"} <= dates
    assert any(e.date == "2026-03-09" and "sixth worker" in e.text for e in entries)


def test_a_later_lead_retelling_old_news_adds_no_day(nlp: Language) -> None:
    """The same lone late report, but its lead only retells what the first report said."""
    docs = fire_story(nlp)[:2]
    late = report(nlp, "late", [
        "Four workers were killed when a fire tore through a paint factory in the port of Ghent "
        "late on Monday, the fire service said on Friday."], datetime(2026, 3, 13, 10, tzinfo=timezone.utc))
    late.title = "Four killed in Ghent paint factory fire"
    assert "2026-03-13" not in {e.date for e in build_timeline([*docs, late])}


def test_an_hour_later_than_the_report_is_the_night_its_lead_dates(nlp: Language) -> None:
    """Published at 8:30 on Tuesday, the report's lead says 'late on Monday': its '11 p.m.'
    outbreak is Monday night, not Tuesday."""
    (first,) = fire_story(nlp)[:1]
    entries = build_timeline([first])
    assert [e.date for e in entries if "11 p.m." in e.text] == ["2026-03-02"]


def test_a_state_since_a_dated_event_is_no_entry_of_that_day(nlp: Language) -> None:
    """'had been treated since the blaze on March 2' tells of a hospital stay, not of the
    blaze's day; the blaze itself is still on the timeline."""
    docs = fire_story(nlp)
    docs[2] = report(nlp, "f2", [
        "A sixth worker has died of burns suffered in last week's fire at the Ghent paint factory, "
        "the hospital said on Monday.",
        "The man, 41, had been treated in the burns unit since the blaze on March 2, a spokeswoman said.",
    ], datetime(2026, 3, 9, 10, tzinfo=timezone.utc))
    docs[2].title = FIRE[2][2]
    entries = build_timeline(docs)
    assert not any("had been treated" in e.text for e in entries)
    assert any(e.date == "2026-03-09" for e in entries)


def test_a_plan_that_is_only_told_is_no_entry(nlp) -> None:
    from tests.helpers import parsed_report, utc
    from storyline.timeline import build_timeline

    doc = parsed_report(nlp, "t1", ["Shinkansen services were halted for two hours on Thursday night, the railway said.",
                                    "Today, engineers will inspect the line, the company said."], utc(2026, 10, 9, 9))
    texts = [e.text for e in build_timeline([doc])]
    assert not any("will inspect" in t for t in texts)


def test_a_day_other_reports_name_in_a_side_clause_is_a_day(nlp) -> None:
    from tests.helpers import parsed_report, utc

    friday = utc(2026, 10, 9, 1)
    a = parsed_report(nlp, "a", ["A magnitude 6.1 earthquake struck off the coast of Iwate on Thursday night, "
                                 "the meteorological agency said."], friday)
    b = parsed_report(nlp, "b", ["Three people were slightly injured in the earthquake that hit Iwate late on "
                                 "Thursday, the disaster agency said on Friday."], friday)
    days = {e.date for e in build_timeline([a, b])}
    assert "2026-10-08" in days
