"""Story timelines: dated events across reports, merged, ranked and cited."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Span

from storyline.annotate import annotate_one
from storyline.embed import DEFAULT_MODEL, encoder_available, encoder_for
from storyline.models import Document, Entity, Sentence, TimelineEntry
from storyline.quantities import find_quantities
from storyline.temporal import find_times
from storyline.timeline import build_timeline

SEEDS = Path(__file__).resolve().parent.parent / "samples" / "seeds"
THURSDAY = datetime(2013, 1, 17, tzinfo=timezone.utc)
FRIDAY = datetime(2013, 1, 18, tzinfo=timezone.utc)


def make_doc(nlp: Language, doc_id: str, text: str, published: datetime | None,
             duplicate_of: str | None = None, numbers: bool = False) -> Document:
    """A Document annotated the way the pipeline does: one sentence list per paragraph line
    (with its numbers when asked: most tests are about dates alone)."""
    parsed = nlp(text)
    sentences: list[Sentence] = []
    for sent in parsed.sents:
        for piece in _lines(sent):
            stripped = piece.text.strip()
            if not stripped:
                continue
            start = piece.start_char + len(piece.text) - len(piece.text.lstrip())
            sentences.append(Sentence(
                doc_id=doc_id, index=len(sentences), start=start, end=start + len(stripped),
                text=stripped, times=find_times(piece, published),
                quantities=find_quantities(piece) if numbers else [],
                entities=[Entity(e.text, e.label_, e.start_char, e.end_char) for e in piece.ents],
            ))
    return Document(doc_id=doc_id, text=text, published=published, sentences=sentences,
                    duplicate_of=duplicate_of)


def _lines(sent: Span) -> Iterator[Span]:
    """Split at line breaks, as the annotate stage does: paragraphs never share a sentence."""
    begin = sent.start
    for token in sent:
        if token.is_space and "\n" in token.text:
            yield sent.doc[begin:token.i]
            begin = token.i + 1
    yield sent.doc[begin:sent.end]


def days(entries: list[TimelineEntry]) -> list[str]:
    return [e.date for e in entries]


# --- the seed reports ---------------------------------------------------------------------


def seed_text(name: str) -> str:
    lines = (SEEDS / name).read_text(encoding="utf-8").splitlines()
    if name.startswith("002"):
        lines = lines[1:lines.index("Opinion")]  # photo caption above, teasers below
    else:
        lines = lines[:-1]  # "Latest News from World News Desk"
    return "\n".join(lines).strip()


SeedTimeline = tuple[list[TimelineEntry], dict[str, Document]]


@pytest.fixture(scope="module")
def seed_timeline(nlp: Language) -> SeedTimeline:
    docs = [
        make_doc(nlp, "000", seed_text("000_859f0715c1a21f90.txt"), THURSDAY),
        make_doc(nlp, "002", seed_text("002_ccd22e2c14d346af.txt"), FRIDAY),
    ]
    return build_timeline(docs), {d.doc_id: d for d in docs}


def test_seed_timeline_covers_the_three_days(seed_timeline: SeedTimeline) -> None:
    entries, _ = seed_timeline
    assert set(days(entries)) == {"2013-01-16", "2013-01-17", "2013-01-18"}
    assert days(entries) == sorted(days(entries))


def test_seed_timeline_events(seed_timeline: SeedTimeline) -> None:
    entries, _ = seed_timeline
    on = {day: " ".join(e.text for e in entries if e.date == day)
          for day in ("2013-01-16", "2013-01-17", "2013-01-18")}
    assert "attacked" in on["2013-01-16"]
    assert "storming the plant" in on["2013-01-17"]
    assert "resumed negotiating" in on["2013-01-18"]
    assert "storming" not in on["2013-01-16"] and "resumed negotiating" not in on["2013-01-17"]


def test_seed_attack_is_cited_by_both_reports(seed_timeline: SeedTimeline) -> None:
    entries, _ = seed_timeline
    attack = next(e for e in entries if e.date == "2013-01-16")
    assert {c.doc_id for c in attack.sources} == {"000", "002"}


def test_seed_sources_quote_the_documents(seed_timeline: SeedTimeline) -> None:
    entries, docs = seed_timeline
    for entry in entries:
        assert entry.sources and entry.precision == "day"
        first = entry.sources[0]
        assert docs[first.doc_id].text[first.start:first.end] == entry.text
        for c in entry.sources:
            assert c.start is not None and c.end is not None and c.start < c.end


# --- dates that are no part of the story ------------------------------------------------------


def test_history_teasers_and_captions_stay_out(nlp: Language) -> None:
    text = ("Militants attacked the gas plant on Wednesday.\n\n"
            "Police arrested the cell's leader on June 28, 2007 in Algiers.\n\n"
            "Troops stormed a village in this March 3, 2012 file photo.\n\n"
            "The minister was killed on 23 Apr, 2024 in a car crash.\n\n"
            "He planned the 1993 World Trade Center bombing that killed six people.")
    entries = build_timeline([make_doc(nlp, "a", text, FRIDAY)])
    assert days(entries) == ["2013-01-16"]


def test_captions_field_is_never_read(nlp: Language) -> None:
    doc = make_doc(nlp, "a", "Militants attacked the gas plant on Wednesday.", FRIDAY)
    doc.captions = ["Troops attacked a village on Friday, Jan. 18, 2013."]
    assert days(build_timeline([doc])) == ["2013-01-16"]


# --- what a date dates ------------------------------------------------------------------------


def test_content_date_beats_the_reporting_date(nlp: Language) -> None:
    doc = make_doc(nlp, "a", "The ministry said Friday that gunmen attacked the plant on Wednesday.", FRIDAY)
    assert days(build_timeline([doc])) == ["2013-01-16"]


def test_reporting_date_alone_dates_the_statement(nlp: Language) -> None:
    doc = make_doc(nlp, "a", "Sixty hostages remain missing after the attack, the ministry said Friday.",
                   FRIDAY)
    assert days(build_timeline([doc])) == ["2013-01-18"]


def test_a_date_in_a_clause_on_the_main_subject_dates_the_main_event(nlp: Language) -> None:
    """The bomb killed when it exploded: Tuesday, not the day the police spoke."""
    bomb = make_doc(nlp, "a", "A bomb that exploded on Tuesday killed 12 people, police said Wednesday.",
                    datetime(2013, 1, 16, tzinfo=timezone.utc))
    fire = make_doc(nlp, "b", "The fire, which broke out on Monday, has destroyed 300 homes, "
                              "officials said Wednesday.", datetime(2013, 1, 16, tzinfo=timezone.utc))
    assert days(build_timeline([bomb])) == ["2013-01-15"]
    assert days(build_timeline([fire])) == ["2013-01-14"]


def test_a_date_on_the_main_verb_beats_one_in_a_clause_on_its_subject(nlp: Language) -> None:
    doc = make_doc(nlp, "a", "The storm that hit the coast on Monday flooded 300 homes on Tuesday.", FRIDAY)
    assert days(build_timeline([doc])) == ["2013-01-15"]


def test_sentence_without_an_event_is_not_an_entry(nlp: Language) -> None:
    doc = make_doc(nlp, "a", "The weather in the desert was cold on Thursday.", FRIDAY)
    assert build_timeline([doc]) == []


# --- merging and ranking ------------------------------------------------------------------------


def test_same_event_same_day_merges_across_reports(nlp: Language) -> None:
    a = make_doc(nlp, "a", "Gunmen attacked the gas plant early yesterday.", THURSDAY)
    b = make_doc(nlp, "b", "Militants seized hundreds of workers at the plant on Wednesday.", FRIDAY)
    c = make_doc(nlp, "c", "Workers escaped from the plant on Wednesday.", FRIDAY)
    entries = build_timeline([b, a, c])
    assert days(entries) == ["2013-01-16", "2013-01-16"]
    attack = next(e for e in entries if "escaped" not in e.text)
    assert sorted(c.doc_id for c in attack.sources) == ["a", "b"]


def test_merged_entry_is_worded_by_the_clearest_sentence(nlp: Language) -> None:
    a = make_doc(nlp, "a", "It was the latest twist in a drama that began Wednesday when militants "
                           "seized hundreds of workers at the remote plant.", THURSDAY)
    b = make_doc(nlp, "b", "Gunmen attacked the gas plant on Wednesday.", FRIDAY)
    (entry,) = build_timeline([a, b])
    assert entry.date == "2013-01-16"
    assert entry.text == "Gunmen attacked the gas plant on Wednesday."
    assert [c.doc_id for c in entry.sources] == ["b", "a"]


def test_wire_copies_count_as_one_voice(nlp: Language) -> None:
    attack = "Militants attacked the plant on Wednesday."
    escape = "Workers escaped from the plant on Wednesday."
    docs = [make_doc(nlp, "orig", attack, FRIDAY),
            make_doc(nlp, "copy1", attack, FRIDAY, duplicate_of="orig"),
            make_doc(nlp, "copy2", attack, FRIDAY, duplicate_of="orig"),
            make_doc(nlp, "x", escape, FRIDAY),
            make_doc(nlp, "y", "Dozens of workers escaped from the plant on Wednesday.", FRIDAY)]
    (entry,) = build_timeline(docs, per_day=1)
    assert "escaped" in entry.text  # two voices beat one voice printed three times
    assert sorted(c.doc_id for c in entry.sources) == ["x", "y"]
    (cited,) = [e for e in build_timeline(docs) if e.text == attack]
    assert [c.doc_id for c in cited.sources] == ["orig", "copy1", "copy2"]  # copies still cited


def test_per_day_and_limit(nlp: Language) -> None:
    text = ("Militants attacked the plant on Wednesday.\n\n"
            "Workers escaped from the plant on Wednesday.\n\n"
            "Troops stormed the plant on Thursday.\n\n"
            "Negotiators offered safe passage on Friday.")
    doc = make_doc(nlp, "a", text, FRIDAY)
    assert days(build_timeline([doc])) == ["2013-01-16", "2013-01-16", "2013-01-17", "2013-01-18"]
    assert days(build_timeline([doc], per_day=1)) == ["2013-01-16", "2013-01-17", "2013-01-18"]
    # the limit keeps the best-ranked (the attack first), then orders them by date
    limited = build_timeline([doc], limit=2)
    assert len(limited) == 2 and days(limited) == sorted(days(limited))
    assert ("2013-01-16", "Militants attacked the plant on Wednesday.") in [
        (e.date, e.text) for e in limited]
    assert len(set(days(limited))) == 2  # a second entry on a day told already adds less


# --- reports without a publication date ----------------------------------------------------------


def test_undated_report_contributes_only_explicit_dates(nlp: Language) -> None:
    undated = make_doc(nlp, "u", "Gunmen attacked the plant on Wednesday.\n\n"
                                 "Troops stormed the plant on January 17, 2013.", None)
    assert [(e.date, e.text) for e in build_timeline([undated])] == [
        ("2013-01-17", "Troops stormed the plant on January 17, 2013.")]


def test_undated_report_next_to_a_dated_one(nlp: Language) -> None:
    undated = make_doc(nlp, "u", "Hostages escaped from the plant on Tuesday.", None)
    dated = make_doc(nlp, "d", "Gunmen attacked the plant on Wednesday.", FRIDAY)
    entries = build_timeline([undated, dated])
    assert [(e.date, [c.doc_id for c in e.sources]) for e in entries] == [("2013-01-16", ["d"])]


def test_without_a_recorded_governor_the_words_around_the_date_decide(nlp: Language) -> None:
    doc = make_doc(nlp, "a", "The ministry said Friday that gunmen attacked the plant on Wednesday.\n\n"
                             "Hostages are still missing, the ministry said on Friday.", FRIDAY)
    for sentence in doc.sentences:
        sentence.times = [replace(m, governor=None) for m in sentence.times]
    assert days(build_timeline([doc])) == ["2013-01-16", "2013-01-18"]


def test_a_day_the_event_came_before_does_not_date_it(nlp: Language) -> None:
    doc = make_doc(nlp, "a", "Gunmen attacked the plant on Wednesday.\n\n"
                             "Negotiators signed a truce prior to a Tuesday hearing at the court.", FRIDAY)
    assert days(build_timeline([doc])) == ["2013-01-16"]


# --- undated sentences: dated by their report's day when the fact is new ------------------------

WEDNESDAY = datetime(2013, 1, 16, tzinfo=timezone.utc)


def test_undated_event_is_dated_by_its_report(nlp: Language) -> None:
    doc = make_doc(nlp, "a", "Gunmen seized dozens of foreign workers at a remote gas plant.", WEDNESDAY)
    assert [(e.date, e.text) for e in build_timeline([doc])] == [
        ("2013-01-16", "Gunmen seized dozens of foreign workers at a remote gas plant.")]


def test_undated_plans_and_non_events_are_not_entries(nlp: Language) -> None:
    doc = make_doc(nlp, "a", "The army will storm the gas plant to free the workers.\n\n"
                             "The desert around the remote plant is cold and empty.", WEDNESDAY)
    assert build_timeline([doc]) == []


def test_restated_fact_keeps_the_day_it_was_first_reported(nlp: Language) -> None:
    seized = "Gunmen seized dozens of foreign workers at a remote gas plant."
    first = make_doc(nlp, "a", seized, WEDNESDAY)
    again = make_doc(nlp, "b", "Gunmen seized dozens of foreign workers at the remote gas plant.\n\n"
                               "Troops stormed the remote gas plant and freed the foreign workers.",
                     THURSDAY)
    echo = make_doc(nlp, "c", "Troops stormed the gas plant and freed many foreign workers.", THURSDAY)
    entries = build_timeline([again, first, echo])
    assert [(e.date, [c.doc_id for c in e.sources]) for e in entries] == [
        ("2013-01-16", ["a"]), ("2013-01-17", ["b", "c"])]


def test_a_day_needs_a_share_of_the_reports_that_bring_news(nlp: Language) -> None:
    """Five reports tell the attack on Wednesday; one stray report on Thursday adds a
    fact nobody repeats: Thursday is no day of the story."""
    busy = [make_doc(nlp, f"w{i}", f"Gunmen seized {n} foreign workers at a remote gas plant.",
                     WEDNESDAY) for i, n in enumerate(("dozens of", "many", "41", "scores of", "some"))]
    stray = make_doc(nlp, "t", "Protesters burned tyres outside an embassy in a distant capital.",
                     THURSDAY)
    assert days(build_timeline([*busy, stray])) == ["2013-01-16"]
    assert days(build_timeline([busy[0], stray])) == ["2013-01-16", "2013-01-17"]


def test_a_day_keeps_different_events_before_restatements(nlp: Language) -> None:
    docs = [make_doc(nlp, "a", "Gunmen seized foreign workers at a remote gas plant.\n\n"
                               "Gunmen seized foreign workers at the gas plant in the desert.\n\n"
                               "Two guards were killed at the main gate.", WEDNESDAY),
            make_doc(nlp, "b", "Two guards were killed by a bomb at the main gate.", WEDNESDAY)]
    texts = [e.text for e in build_timeline(docs, per_day=2)]
    assert len(texts) == 2
    assert any("seized" in t for t in texts) and any("guards were killed" in t for t in texts)


# --- page debris, wording and novelty ---------------------------------------------------------


def test_headline_runs_and_markup_are_never_entries(nlp: Language) -> None:
    debris = ("Gunmen Attack Gas Plant In Algeria Watch Video Hostages Flee Plant On Wednesday\n\n"
              "Gunmen attacked the plant on Wednesday see http://example.org/story.html\n\n"
              "Gunmen attacked the gas plant on Wednesday, killing two guards.")
    entries = build_timeline([make_doc(nlp, "a", debris, FRIDAY)])
    assert [e.text for e in entries] == [
        "Gunmen attacked the gas plant on Wednesday, killing two guards."]


def test_an_entry_is_worded_by_a_sentence_whose_date_is_on_the_event(nlp: Language) -> None:
    a = make_doc(nlp, "a", "The siege that began Wednesday has seen militants seize the plant "
                           "and attack its guards.", FRIDAY)
    b = make_doc(nlp, "b", "Militants attacked the gas plant on Wednesday and seized its workers.",
                 FRIDAY)
    (entry,) = build_timeline([a, b])
    assert entry.text.startswith("Militants attacked")
    assert sorted(c.doc_id for c in entry.sources) == ["a", "b"]


def test_a_fact_told_the_day_before_adds_little_the_next_day(nlp: Language) -> None:
    """Thursday's second entry tells something new, not Wednesday's attack again."""
    wednesday = make_doc(nlp, "w", "Gunmen attacked the remote gas plant and seized "
                                   "foreign workers.", WEDNESDAY)
    thursday = make_doc(nlp, "t", "Troops stormed the gas plant on Thursday.\n\n"
                                  "Gunmen attacked the remote gas plant on Wednesday and seized "
                                  "foreign workers, officials said.\n\n"
                                  "Thirty workers escaped from the compound through the desert.",
                        THURSDAY)
    thursday_texts = [e.text for e in build_timeline([wednesday, thursday], per_day=2)
                      if e.date == "2013-01-17"]
    assert len(thursday_texts) == 2
    assert not any("seized foreign workers" in t for t in thursday_texts)


# --- a later day's retelling of an earlier day's event --------------------------------------


def _crash_story(nlp: Language, retelling: str) -> list[Document]:
    """Two reports tell Wednesday's crash; on Thursday, two report an arrest and one of them
    also retells the crash in other words and tenses, without a date."""
    return [
        make_doc(nlp, "a", "The pilot died on Wednesday after his helicopter crashed into a crane "
                           "on a tower in Vauxhall.", WEDNESDAY, numbers=True),
        make_doc(nlp, "b", "Two people were killed on Wednesday morning when the helicopter hit the "
                           "crane during the rush hour and fell onto a busy road, police said.",
                 WEDNESDAY, numbers=True),
        make_doc(nlp, "c", f"{retelling}\n\nPolice arrested the crane operator on Thursday.", THURSDAY,
                 numbers=True),
        make_doc(nlp, "d", "Police arrested the operator of the crane on Thursday.", THURSDAY, numbers=True),
    ]


RETELLING = "Two people have been killed after a helicopter hit a crane in Vauxhall."


def test_a_later_retelling_cites_the_earlier_entry_instead_of_making_a_new_one(nlp: Language) -> None:
    entries = build_timeline(_crash_story(nlp, RETELLING))
    assert [e.text for e in entries if e.date == "2013-01-17"] == [
        "Police arrested the crane operator on Thursday."]
    (crash,) = [e for e in entries if e.date == "2013-01-16"]
    assert "c" in {c.doc_id for c in crash.sources}
    assert crash.text != RETELLING  # the day's own report words it


@pytest.mark.skipif(not encoder_available(), reason="the 'embeddings' extra is not installed")
def test_with_an_encoder_a_retelling_is_found_by_meaning(nlp: Language) -> None:
    entries = build_timeline(_crash_story(nlp, RETELLING), encoder=encoder_for(DEFAULT_MODEL))
    assert [e.text for e in entries if e.date == "2013-01-17"] == [
        "Police arrested the crane operator on Thursday."]


def test_a_retelling_with_a_number_not_printed_before_is_news(nlp: Language) -> None:
    toll = "Three people have been killed after a helicopter hit a crane in Vauxhall."
    entries = build_timeline(_crash_story(nlp, toll))
    assert toll in [e.text for e in entries if e.date == "2013-01-17"]


# --- stories without any dated report ---------------------------------------------------


def _undated(doc_id: str, text: str, weekdays: list[int]):
    from storyline.models import TimeMention
    from tests.helpers import make_doc

    doc = make_doc(doc_id, text)
    for sentence, weekday in zip(doc.sentences, weekdays):
        if weekday is not None:
            sentence.times = [TimeMention("day", sentence.start, sentence.start + 1, "weekday", weekday=weekday)]
    return doc


def test_an_undated_story_gets_days_counted_from_its_first_weekday():
    from storyline.timeline import build_relative_timeline

    a = _undated("a", "Army forces stormed the gas plant on Thursday to free the hostages. "
                      "Gunmen attacked the gas plant on Wednesday and seized many workers. "
                      "Talks with the gunmen resumed at the plant on Friday morning.", [3, 2, 4])
    b = _undated("b", "Gunmen attacked the gas plant on Wednesday and seized dozens of workers.", [2])
    entries = build_relative_timeline([a, b])
    assert [e.date for e in entries] == ["Day 1 (Wednesday)", "Day 2 (Thursday)", "Day 3 (Friday)"]
    assert [c.doc_id for c in entries[0].sources] == ["a", "b"]  # one event, both reports
    assert all(e.precision == "weekday" for e in entries)


def test_the_week_starts_after_the_longest_gap_and_dated_stories_get_none():
    from storyline.timeline import build_relative_timeline
    from tests.helpers import utc

    a = _undated("a", "Rebels took the border town on Saturday after heavy fighting. "
                      "The army took the border town back on Monday after a long siege.", [5, 0])
    assert [e.date for e in build_relative_timeline([a])] == ["Day 1 (Saturday)", "Day 3 (Monday)"]
    a.published = utc(2024, 3, 4)
    assert build_relative_timeline([a]) == []


# --- dates told from another event ------------------------------------------------------------


def test_days_after_an_event_count_from_the_day_that_event_happened(nlp: Language) -> None:
    text = ("The governor said on March 1 that the province had no earthquake plan.\n"
            "On Sunday, the day before the quake, a smaller tremor had shaken the region, officials said.\n"
            "The earthquake struck Velmora on Monday morning, killing at least 12 people.\n"
            "Two days after the quake, the government declared three days of national mourning.")
    doc = make_doc(nlp, "a", text, datetime(2025, 3, 6, 9, tzinfo=timezone.utc))
    entries = build_timeline([doc], per_day=5)
    mourning = next(e for e in entries if "mourning" in e.text)
    # the quake struck on Monday 3 March; neither the plan (1 March) nor the tremor (2 March) anchors it
    assert mourning.date == "2025-03-05"


def test_days_after_an_event_no_dated_sentence_tells_is_left_out(nlp: Language) -> None:
    text = ("Two days after the flood, the government declared a state of emergency.\n"
            "Rescuers attacked the debris on Tuesday to reach survivors.")
    doc = make_doc(nlp, "a", text, datetime(2025, 3, 6, 9, tzinfo=timezone.utc))
    assert all("emergency" not in e.text for e in build_timeline([doc], per_day=5))


def test_a_date_the_sentence_only_refers_back_to_does_not_date_its_news(nlp: Language) -> None:
    monday = make_doc(nlp, "a", "The earthquake struck Velmora on Monday, killing at least 12 people.",
                      datetime(2025, 3, 3, 9, tzinfo=timezone.utc))
    tuesday = make_doc(nlp, "b", "The death toll from Monday's earthquake stood at 27, officials said.",
                       datetime(2025, 3, 4, 18, tzinfo=timezone.utc))
    entries = build_timeline([monday, tuesday], per_day=5)
    # not Monday's quake: the toll standing at 27 is news of its report's day, if of any
    assert all("stood at 27" not in e.text and all(c.doc_id == "a" for c in e.sources)
               for e in entries if e.date == "2025-03-03")
    attack = make_doc(nlp, "c", "Monday's attack killed 12 people, police said.",
                      datetime(2025, 3, 5, 9, tzinfo=timezone.utc))
    assert days(build_timeline([attack])) == ["2025-03-03"]  # the possessive is the event itself


def test_a_sentence_set_in_a_decade_is_not_news_of_its_report_day(nlp: Language) -> None:
    doc = make_doc(nlp, "a", "In the 1980s, members of the gang attacked two banks and killed a radio host.",
                   WEDNESDAY)
    assert build_timeline([doc]) == []


def test_a_date_ahead_of_its_verb_dates_a_plan_not_an_event(nlp: Language) -> None:
    text = ("Rebels attacked the border post on Wednesday.\n\n"
            "The foreign minister is expected to sign a truce with the rebels on Saturday in Oslo.\n\n"
            "Leaders agreed in December that the rebels will be freed on January 19, 2013.")
    assert days(build_timeline([make_doc(nlp, "a", text, FRIDAY)])) == ["2013-01-16"]


def test_a_plan_in_the_progressive_is_not_news_of_its_report_day(nlp: Language) -> None:
    doc = make_doc(nlp, "a", "The rebels are planning to attack the capital before the rains.", WEDNESDAY)
    assert build_timeline([doc]) == []


def test_a_sentence_told_over_recent_years_is_not_news_of_its_report_day(nlp: Language) -> None:
    doc = make_doc(nlp, "a", "In recent years the group has attacked more local politicians.", WEDNESDAY)
    assert build_timeline([doc]) == []


def test_a_day_right_after_a_reporting_verb_dates_the_statement_not_a_plan(nlp: Language) -> None:
    doc = make_doc(nlp, "a", "The prime minister said Friday his country would adhere to the truce.", FRIDAY)
    assert days(build_timeline([doc])) == ["2013-01-18"]


def test_a_wire_report_speaks_from_its_datelines_day(nlp: Language) -> None:
    # stamped on the Friday (UTC), the dateline names the Thursday: the lead is that day's news
    text = "NAIROBI, Jan. 17 (Xinhua) -- Gunmen seized two trucks carrying food aid outside the town."
    assert days(build_timeline([make_doc(nlp, "a", text, FRIDAY)])) == ["2013-01-17"]


@pytest.mark.parametrize("text", [
    "More than 300 children die every year from dirty water, a report said on Wednesday.",
    "Every weekend, students in the city can take in a free concert.",
    "Thousands of people die every year from dirty water, according to a report reaching here on Wednesday.",
])
def test_a_habit_is_no_event_of_a_day(nlp: Language, text: str) -> None:
    assert build_timeline([make_doc(nlp, "a", text, WEDNESDAY)]) == []


@pytest.mark.parametrize("text", [
    "Since then, the army has arrested dozens of suspected rebels.",
    "In the years since the coup, soldiers have killed hundreds of protesters.",
])
def test_a_stretch_of_time_up_to_the_report_is_not_its_days_news(nlp: Language, text: str) -> None:
    assert build_timeline([make_doc(nlp, "a", text, WEDNESDAY)]) == []


def test_an_aside_in_brackets_is_no_entry(nlp: Language) -> None:
    text = "(Jane Miller, a free-lance writer in Chicago, covered the festival for this newspaper.)"
    assert build_timeline([make_doc(nlp, "a", text, WEDNESDAY)]) == []


def test_a_note_to_editors_is_no_entry(nlp: Language) -> None:
    text = ("Eds: Embargoed until release of the report at noon EST.\n"
            "CHICAGO (AP) _ A common heart drug appears to ease migraine headaches, researchers reported.")
    assert build_timeline([make_doc(nlp, "a", text, WEDNESDAY.replace(hour=13))]) == []


def test_history_ages_ago_is_no_event_of_its_report_day(nlp):
    """"Traders sailed more than 2,000 years ago" tells of antiquity, not of the report's day."""
    from tests.helpers import parsed_report

    lines = ["Divers raised two bronze anchors from a wreck off the island of Kelo on Monday.",
             "Traders from the mainland sailed more than 2,000 years ago into these waters, only to die in a gale."]
    docs = [parsed_report(nlp, f"r{i}", lines, datetime(2024, 5, day, 9, tzinfo=timezone.utc))
            for i, day in enumerate((6, 7, 8))]
    texts = [e.text for e in build_timeline(docs)]
    assert texts and not any("Traders" in t for t in texts), texts


def test_an_event_told_as_recent_is_not_its_report_days_news(nlp: Language) -> None:
    """"met recently": the writer puts the meeting before the report's day without its day."""
    recent = "The drug maker met recently with lawyers in Houston to discuss a settlement of the lawsuits."
    assert build_timeline([make_doc(nlp, "a", recent, WEDNESDAY)]) == []
    # the adverb on a noun's attribute dates nothing: the resignation is the day's news
    today = "The recently elected mayor of Houston resigned after a settlement of the lawsuits."
    assert days(build_timeline([make_doc(nlp, "a", today, WEDNESDAY)])) == [WEDNESDAY.date().isoformat()]


@pytest.mark.parametrize("text", [
    "The senator won her first race that year, after the governor resigned his seat.",
    "Two days later, the police arrested a second suspect in the robbery.",
])
def test_a_time_told_from_an_earlier_event_is_not_the_report_day(nlp: Language, text: str) -> None:
    assert build_timeline([make_doc(nlp, "a", text, WEDNESDAY)]) == []


def test_a_day_of_an_owners_thing_does_not_date_the_sentence(nlp: Language) -> None:
    """"a tape of the governor's March 3 deposition": March 3 is the deposition's day."""
    text = "The senator criticized the release of a tape of the governor's Jan. 3 deposition."
    assert "2013-01-03" not in days(build_timeline([make_doc(nlp, "a", text, WEDNESDAY)]))


def test_an_undated_perfect_below_the_lead_is_background_not_the_report_day(nlp: Language) -> None:
    """The present perfect with no day tells the day's news in a report's lead ("Police have
    arrested two men") but a state or background further down ("The company has proposed a
    settlement" months ago)."""
    doc = make_doc(nlp, "a", "Police have arrested two men over the bombing of a bank in the city center.\n\n"
                             "The suspects were detained at a farm outside the city.\n\n"
                             "The bank stayed closed and its staff were sent home.\n\n"
                             "The bank's owner has proposed a reward for information on the bombing.\n\n"
                             "Two guards have been injured in the bombing, a nurse said.\n\n"
                             "The death toll from the bombing has risen to 12.", WEDNESDAY)
    texts = [e.text for e in build_timeline([doc])]
    assert "Police have arrested two men over the bombing of a bank in the city center." in texts
    assert "The bank's owner has proposed a reward for information on the bombing." not in texts
    # the passive tells a toll, often the day's news wherever it stands
    assert "Two guards have been injured in the bombing, a nurse said." in texts
    assert "The death toll from the bombing has risen to 12." in texts  # as does a count that day


def test_an_undated_progressive_below_the_lead_is_a_situation_not_the_report_day(nlp: Language) -> None:
    """"Owners are seeking damages" tells what is going on; in the lead, "Police are questioning
    two men" is the day's news, further down a situation with no day."""
    doc = make_doc(nlp, "a", "Police are questioning two men over the bombing of a bank in the city center.\n\n"
                             "The suspects were detained at a farm outside the city.\n\n"
                             "The bank stayed closed and its staff were sent home.\n\n"
                             "Shop owners nearby are seeking damages from the city for lost trade since the attack.",
                   WEDNESDAY)
    texts = [e.text for e in build_timeline([doc])]
    assert "Police are questioning two men over the bombing of a bank in the city center." in texts
    assert "Shop owners nearby are seeking damages from the city for lost trade since the attack." not in texts


def test_page_fragments_above_the_lead_take_no_place_among_its_sentences(nlp: Language) -> None:
    """An outlet's name, a dateline or a menu line split off the top of a page is no sentence of
    the report: the lead under them still tells the day's news."""
    text = ("Valley Courier News Desk\n\nLatest headlines from the region\n\nPhoto gallery of the region\n\n"
            "Police are questioning two men over the bombing of a bank in the city center.\n\n"
            "The suspects were detained at a farm outside the city.")
    doc = annotate_one(Document(doc_id="a", text=text, published=WEDNESDAY), nlp=nlp)
    assert [s.fragment for s in doc.sentences[:3]] == [True, True, True]
    texts = [e.text for e in build_timeline([doc])]
    assert "Police are questioning two men over the bombing of a bank in the city center." in texts


def test_an_undated_sentence_next_to_an_earlier_year_below_the_lead_is_history(nlp: Language) -> None:
    """A report's passage of history ("In 2009 he was acquitted ... A civil jury later found
    him liable") is told in the simple past with no day of its own: not the report's news."""
    doc = make_doc(nlp, "a", "Police arrested a former boxer over the bombing of a bank in the city center.\n\n"
                             "The suspect was detained at a farm outside the city.\n\n"
                             "The bank stayed closed and its staff were sent home.\n\n"
                             "The boxer was tried for a killing in 2009 and was acquitted.\n\n"
                             "A civil jury later found him liable for the killing.", WEDNESDAY)
    texts = [e.text for e in build_timeline([doc])]
    assert "Police arrested a former boxer over the bombing of a bank in the city center." in texts
    assert "A civil jury later found him liable for the killing." not in texts
