"""Temporal expressions: finding them in a sentence and anchoring them on the report date."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from spacy.language import Language

from storyline.models import TimeMention
from storyline.temporal import find_times, resolve_mentions, resolve_weekday

FRIDAY = datetime(2013, 1, 18, 9, 30, tzinfo=timezone.utc)  # the report date: a Friday


def times(nlp: Language, text: str, published: datetime | None = FRIDAY) -> list[TimeMention]:
    doc = nlp(text)
    return find_times(doc[:], published)


def only(nlp: Language, text: str, published: datetime | None = FRIDAY) -> TimeMention:
    found = times(nlp, text, published)
    assert len(found) == 1, found
    return found[0]


# --- absolute dates -----------------------------------------------------------------


@pytest.mark.parametrize("text, phrase, expected", [
    ("The attack began on Jan. 16 at dawn.", "Jan. 16", date(2013, 1, 16)),
    ("The attack began on January 16, 2013, officials said.", "January 16, 2013", date(2013, 1, 16)),
    ("The attack began on 16 January 2013.", "16 January 2013", date(2013, 1, 16)),
    ("The attack began on 2013-01-16.", "2013-01-16", date(2013, 1, 16)),
    ("The convoy left on Dec. 30 under escort.", "Dec. 30", date(2012, 12, 30)),
])
def test_absolute_day_dates(nlp: Language, text: str, phrase: str, expected: date) -> None:
    m = only(nlp, text)
    assert (m.text, m.kind, m.value, m.precision) == (phrase, "absolute", expected, "day")


def test_yearless_date_goes_back_in_past_tense_and_ahead_in_future(nlp: Language) -> None:
    assert only(nlp, "The vote was held on Feb. 3.").value == date(2012, 2, 3)
    future = only(nlp, "The vote will be held on Feb. 3.")
    assert (future.value, future.direction) == (date(2013, 2, 3), "future")


def test_month_and_year_precision(nlp: Language) -> None:
    month, year = times(nlp, "Prices rose in January 2013 after falling in 2012.")
    assert (month.text, month.value, month.precision) == ("January 2013", date(2013, 1, 1), "month")
    assert (year.text, year.value, year.precision) == ("2012", date(2012, 1, 1), "year")


def test_absolute_date_without_report_date_keeps_its_year(nlp: Language) -> None:
    assert only(nlp, "Gunmen attacked on January 16, 2013.", None).value == date(2013, 1, 16)


# --- weekdays -------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected, direction", [
    ("Americans escaped on Thursday, he said.", date(2013, 1, 17), "past"),
    ("About 60 hostages are missing, the news service said Friday.", date(2013, 1, 18), "past"),
    ("It could do little more than watch Thursday's military intervention.",
     date(2013, 1, 17), "past"),
    ("They met on Monday in Paris.", date(2013, 1, 14), "past"),
    ("They met last Friday in Paris.", date(2013, 1, 11), "past"),
    ("Leaders will meet on Monday in Paris.", date(2013, 1, 21), "future"),
    ("Talks are expected to resume Monday.", date(2013, 1, 21), "future"),
    ("The ministers are going to meet Monday.", date(2013, 1, 21), "future"),
    ("The ministers meet again next Friday.", date(2013, 1, 25), "future"),
    ("The port authority said the first ships would be unloaded on Monday.", date(2013, 1, 21), "future"),
    ("The deal still has to be approved by a vote of members on Monday.", date(2013, 1, 21), "future"),
    ("The staff he had hired left on Monday.", date(2013, 1, 14), "past"),
])
def test_weekdays_follow_tense(nlp: Language, text: str, expected: date, direction: str) -> None:
    m = only(nlp, text)
    assert (m.kind, m.value, m.direction) == ("weekday", expected, direction)
    assert m.weekday == expected.weekday()


@pytest.mark.parametrize("text, expected, direction", [
    ("The court ordered the firm to pay the fine by Tuesday.", date(2013, 1, 22), "future"),
    ("Under the accord, the militia must hand in its weapons by Wednesday.", date(2013, 1, 23), "future"),
    ("The water had receded from most streets by Tuesday.", date(2013, 1, 15), "past"),
    ("Volunteers managed to clear the road by Wednesday.", date(2013, 1, 16), "past"),
])
def test_by_a_day_on_a_verb_still_to_be_done_is_a_deadline_ahead(nlp: Language, text: str, expected: date,
                                                                  direction: str) -> None:
    m = only(nlp, text)
    assert (m.value, m.direction) == (expected, direction)


@pytest.mark.parametrize("text", [
    "Farmers first terraced these hills about 800 years ago.",
    "The chapel was built two centuries ago by fishermen.",
    "Thousands of years ago, a glacier carved out the lake.",
    "Over the centuries, storms have wrecked hundreds of ships on the reef.",
])
def test_ages_ago_is_a_time_with_no_day(nlp: Language, text: str) -> None:
    m = only(nlp, text)
    assert (m.kind, m.value, m.precision) == ("relative", None, "period")


def test_centuries_old_is_no_time(nlp: Language) -> None:
    assert times(nlp, "A quarrel over the centuries-old border flared again.") == []


def test_weekday_with_part_of_day(nlp: Language) -> None:
    m = only(nlp, "Militants have killed six people since Sunday night.")
    assert (m.text, m.kind, m.value, m.offset_days) == ("Sunday night", "weekday", date(2013, 1, 13), -5)


def test_resolve_weekday() -> None:
    friday = date(2013, 1, 18)
    assert resolve_weekday(4, friday, "past") == friday  # same day allowed
    assert resolve_weekday(4, friday, "future") == date(2013, 1, 25)  # strictly after
    assert resolve_weekday(5, friday, "past") == date(2013, 1, 12)
    assert resolve_weekday(5, friday, "future") == date(2013, 1, 19)
    assert resolve_weekday(2, friday, "past") == date(2013, 1, 16)


def test_governor_names_what_the_date_attaches_to(nlp: Language) -> None:
    assert only(nlp, "Americans escaped on Thursday.").governor == "escape"
    assert only(nlp, "The agency said Friday that talks went well.").governor == "say"


# --- relative expressions ---------------------------------------------------------------


@pytest.mark.parametrize("text, phrase, offset, expected", [
    ("Gunmen attacked the complex early yesterday.", "early yesterday", -1, date(2013, 1, 17)),
    ("Talks resumed this morning in the capital.", "this morning", 0, date(2013, 1, 18)),
    ("Talks will go on tonight in the capital.", "tonight", 0, date(2013, 1, 18)),
    ("Talks resumed earlier today in the capital.", "earlier today", 0, date(2013, 1, 18)),
    ("Talks will resume tomorrow in the capital.", "tomorrow", 1, date(2013, 1, 19)),
    ("The plant was seized two days ago.", "two days ago", -2, date(2013, 1, 16)),
])
def test_relative_days(nlp: Language, text: str, phrase: str, offset: int, expected: date) -> None:
    m = only(nlp, text)
    assert (m.text, m.kind, m.offset_days, m.value, m.precision) == (
        phrase, "relative", offset, expected, "day")


@pytest.mark.parametrize("text, phrase, expected, precision", [
    ("The talks collapsed last week.", "last week", date(2013, 1, 7), "week"),
    ("The talks collapsed earlier this month.", "earlier this month", date(2013, 1, 1), "month"),
    ("The talks collapsed last month.", "last month", date(2012, 12, 1), "month"),
    ("The talks collapsed last year.", "last year", date(2012, 1, 1), "year"),
])
def test_relative_coarse(nlp: Language, text: str, phrase: str, expected: date,
                         precision: str) -> None:
    m = only(nlp, text)
    assert (m.text, m.kind, m.value, m.precision) == (phrase, "relative", expected, precision)


def test_last_week_keeps_its_offset(nlp: Language) -> None:
    assert only(nlp, "The talks collapsed last week.").offset_days == -7


# --- spans ----------------------------------------------------------------------------------


def test_days_into_counts_the_report_day_as_the_last_day(nlp: Language) -> None:
    m = only(nlp, "Hostages are unaccounted for three days into a bloody siege.")
    assert (m.text, m.kind, m.value, m.offset_days) == ("three days into", "span", date(2013, 1, 16), -2)


def test_ordinal_day_span(nlp: Language) -> None:
    m = only(nlp, "The standoff continued for the third day.")
    assert (m.kind, m.value) == ("span", date(2013, 1, 16))


def test_day_after_anchors_on_the_sentence_date_when_there_is_one(nlp: Language) -> None:
    found = times(nlp, "Forces stormed the plant on Thursday, a day after militants seized it.")
    span = next(m for m in found if m.kind == "span")
    assert (span.text, span.value) == ("a day after", date(2013, 1, 16))
    alone = only(nlp, "Forces stormed the plant a day after militants seized it.")
    assert (alone.kind, alone.value) == ("span", date(2013, 1, 17))


# --- reports without a date -------------------------------------------------------------


def test_without_report_date_mentions_keep_what_resolves_them(nlp: Language) -> None:
    found = times(nlp, "Gunmen attacked yesterday and hostages escaped on Thursday.", None)
    relative, weekday = found
    assert (relative.kind, relative.offset_days, relative.value) == ("relative", -1, None)
    assert (weekday.kind, weekday.weekday, weekday.direction, weekday.value) == (
        "weekday", 3, "past", None)
    resolved = resolve_mentions(found, FRIDAY)
    assert [m.value for m in resolved] == [date(2013, 1, 17), date(2013, 1, 17)]
    assert weekday.value is None  # the originals are left alone


# --- traps -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The militants held out for 48 hours.",
    "The plant had at least three weeks of food supplies.",
    "A 35-year-old engineer was among them.",
    "The first shots were heard at 10 a.m.",
    "Some 2000 workers were evacuated.",
    "Workers fled the complex earlier in the day.",
])
def test_durations_ages_and_clock_times_are_not_dates(nlp: Language, text: str) -> None:
    assert times(nlp, text) == []


def test_historic_year_inside_a_name(nlp: Language) -> None:
    m = only(nlp, "He masterminded the 1993 World Trade Center bombing.")
    assert (m.kind, m.value, m.precision) == ("absolute", date(1993, 1, 1), "year")


def test_photo_caption_date_is_marked(nlp: Language) -> None:
    m = only(nlp, "Special forces attend a training in this June 28, 2007 file photo.")
    assert (m.text, m.kind, m.value) == ("June 28, 2007", "caption", None)


def test_teaser_date_is_read_as_written(nlp: Language) -> None:
    m = only(nlp, "Updated 23 Apr, 2024")
    assert (m.kind, m.value) == ("absolute", date(2024, 4, 23))


def test_dateline_date(nlp: Language) -> None:
    found = times(nlp, "ALGIERS, Jan. 17 (AP) - Gunmen attacked a gas plant.")
    assert [(m.kind, m.value) for m in found] == [("dateline", date(2013, 1, 17))]


def test_a_dateline_day_anchors_the_reports_relative_dates(nlp: Language) -> None:
    # stamped early on the Friday (UTC), written on the Thursday the dateline names
    text = "CAIRO, Jan. 17 (Xinhua) -- The minister today signed the decree he announced on Tuesday."
    found = times(nlp, text)
    assert [(m.kind, m.value) for m in found] == [
        ("dateline", date(2013, 1, 17)), ("relative", date(2013, 1, 17)), ("weekday", date(2013, 1, 15))]


def test_a_date_far_from_the_stamp_is_no_report_day(nlp: Language) -> None:
    found = times(nlp, "CAIRO, Jan. 3 (Xinhua) -- The minister today signed the decree.")
    assert [m.value for m in found if m.kind == "relative"] == [date(2013, 1, 18)]


def test_offsets_are_document_offsets(nlp: Language) -> None:
    doc = nlp("Gunmen attacked a gas plant in the desert. Hostages escaped on Thursday.")
    second = list(doc.sents)[1]
    (m,) = find_times(second, FRIDAY)
    assert m.start > second.start_char > 0
    assert doc.text[m.start:m.end] == "Thursday" == m.text


# --- more kinds of expression ---------------------------------------------------------------


@pytest.mark.parametrize("text, phrase, offset, expected", [
    ("Militants attacked the plant the day before yesterday.", "the day before yesterday", -2,
     date(2013, 1, 16)),
    ("Gunmen attacked the plant last night.", "last night", -1, date(2013, 1, 17)),
    ("Gunmen attacked the plant late yesterday evening.", "late yesterday evening", -1,
     date(2013, 1, 17)),
])
def test_more_relative_days(nlp: Language, text: str, phrase: str, offset: int,
                            expected: date) -> None:
    m = only(nlp, text)
    assert (m.text, m.kind, m.offset_days, m.value) == (phrase, "relative", offset, expected)


def test_bare_month_follows_tense(nlp: Language) -> None:
    past = only(nlp, "The plant was built in March.")
    future = only(nlp, "The plant will reopen in March.")
    assert (past.value, past.precision) == (date(2012, 3, 1), "month")
    assert (future.value, future.precision) == (date(2013, 3, 1), "month")


def test_last_month_name_is_before_the_report_month(nlp: Language) -> None:
    december = datetime(2013, 12, 20, tzinfo=timezone.utc)
    assert only(nlp, "A storm last December killed 1,200 people.", december).value == date(2012, 12, 1)
    assert only(nlp, "A storm last December killed 1,200 people.").value == date(2012, 12, 1)
    assert only(nlp, "A storm last March killed 1,200 people.", december).value == date(2013, 3, 1)
    assert only(nlp, "The plant was built in December.", december).value == date(2013, 12, 1)


@pytest.mark.parametrize("text, phrase, expected, precision", [
    ("Talks stalled earlier this week.", "earlier this week", date(2013, 1, 14), "week"),
    ("Talks resume next week.", "next week", date(2013, 1, 21), "week"),
    ("The plant was seized three weeks ago.", "three weeks ago", date(2012, 12, 24), "week"),
    ("Talks will be held next month.", "next month", date(2013, 2, 1), "month"),
])
def test_weeks_and_months_from_the_report_date(nlp: Language, text: str, phrase: str,
                                               expected: date, precision: str) -> None:
    m = only(nlp, text)
    assert (m.text, m.value, m.precision) == (phrase, expected, precision)


def test_days_after_counts_back_from_the_report_day(nlp: Language) -> None:
    m = only(nlp, "Forces stormed the plant two days after the attack.")
    assert (m.text, m.kind, m.value) == ("two days after", "span", date(2013, 1, 16))


def test_day_month_order_and_sentence_end(nlp: Language) -> None:
    m = only(nlp, "He was killed on 16th January.")
    # the full stop ends the sentence, not the date
    assert (m.text, m.value) == ("16th January", date(2013, 1, 16))
    with_year = only(nlp, "He was killed on 16 Jan. 2013 at dawn.")
    assert (with_year.text, with_year.value) == ("16 Jan. 2013", date(2013, 1, 16))


def test_weekday_and_date_together_agree(nlp: Language) -> None:
    found = times(nlp, "Talks were held on Wednesday, Jan. 16.")
    assert [(m.kind, m.value) for m in found] == [
        ("weekday", date(2013, 1, 16)), ("absolute", date(2013, 1, 16))]


# --- where the parse attaches a date ------------------------------------------------------


@pytest.mark.parametrize("text, clauses", [
    ("Police have recovered a painting stolen from the gallery on Monday, prosecutors said on Thursday.",
     {"Monday": "side", "Thursday": "main"}),
    ("The union said 900 drivers were on strike, more than the 700 who walked out on Monday.",
     {"Monday": "side"}),
    ("The toll rose to 31, the agency said on Friday, as trucks returned after the road reopened on Wednesday.",
     {"Friday": "main", "Wednesday": "side"}),
    ("Kestrel is offering 12 dollars a share, a premium of 30% to Brandt's closing price on Friday.",
     {"Friday": "noun"}),
    ("Police stormed the post office before dawn on Thursday and freed the hostages.",
     {"Thursday": "main"}),
    ("Yesterday, engineers reopened the bridge.", {"Yesterday": "main"}),
    # the parse hangs the date on "state", but a past verb takes it
    ("Chile declared a 30-day state of emergency in two southern provinces on Wednesday as the fires spread.",
     {"Wednesday": "main"}),
])
def test_clause_tells_whether_a_date_is_on_the_main_event(nlp: Language, text: str,
                                                          clauses: dict[str, str]) -> None:
    assert {m.text: m.clause for m in times(nlp, text)} == clauses


@pytest.mark.parametrize("text, clause", [
    ("A bomb that exploded on Tuesday killed 12 people, police said Wednesday.", "subject"),
    ("The fire, which broke out on Monday, has destroyed 300 homes, officials said Wednesday.",
     "subject"),
    # what happened to the subject before, a person's earlier act, a duration, a pluperfect
    ("The paintings stolen on Monday were found in a barn, prosecutors said on Wednesday.", "side"),
    ("The man who was arrested on Monday died in custody, police said Wednesday.", "side"),
    ("The senator, who met the minister on Monday, urged calm, aides said Wednesday.", "side"),
    ("The strike, which continued into Monday, hurt exporters, traders said Wednesday.", "side"),
    ("The offensive, which started on Monday, had pushed the rebels back, officers said Wednesday.",
     "side"),
    # the clause is on a noun inside the subject, not on the subject
    ("The toll from the bomb that exploded on Monday rose to 30, police said Wednesday.", "side"),
])
def test_a_relative_clause_on_the_main_subject_tells_the_same_happening(
        nlp: Language, text: str, clause: str) -> None:
    (first, _) = times(nlp, text)
    assert first.clause == clause


def test_a_plain_future_weekday_can_be_the_report_day(nlp: Language) -> None:
    """Written on a Friday, "will return to work on Friday" is that day; "next Friday" a week on."""
    assert only(nlp, "Dockworkers will return to work on Friday.").value == date(2013, 1, 18)
    assert only(nlp, "Dockworkers will return to work next Friday.").value == date(2013, 1, 25)
    assert only(nlp, "Dockworkers will return to work on Monday.").value == date(2013, 1, 21)


def test_a_present_tense_under_a_future_is_future(nlp: Language) -> None:
    """Written on a Friday: the ship arrives next Monday; the minister returned last Monday."""
    assert only(nlp, "The ship will be repaired when it arrives in port on Monday.").value == date(2013, 1, 21)
    assert only(nlp, "Talks resumed after the minister returned on Monday.").value == date(2013, 1, 14)


@pytest.mark.parametrize("text, phrase, start", [
    ("The group was set up in the 1970s to fight bias in court.", "1970s", 1970),
    ("Its leaders fell out in the mid-1980s.", "1980s", 1980),
    ("The chapel was bombed in the late '60s.", "the late '60s", 1960),
])
def test_decades_are_history_dates(nlp: Language, text: str, phrase: str, start: int) -> None:
    m = only(nlp, text)
    assert (m.text, m.kind, m.value, m.precision) == (phrase, "absolute", date(start, 1, 1), "decade")


THURSDAY = datetime(2013, 1, 17, 9, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize("text, expected", [
    ("The lawsuit, which goes to trial Monday, names the group's founder.", date(2013, 1, 21)),
    ("The new rules take effect on Jan. 12.", date(2014, 1, 12)),
    ("Her new film, which opens Friday, was shot in Morocco.", date(2013, 1, 18)),
    ("The actress turns 90 on March 4, and friends are planning a party.", date(2013, 3, 4)),
    ("The town celebrates its founding on Jan. 20 with a parade.", date(2013, 1, 20)),
])
def test_a_simple_present_tells_a_timetable(nlp: Language, text: str, expected: date) -> None:
    m = only(nlp, text, THURSDAY)
    assert (m.value, m.direction) == (expected, "future")


def test_a_chronology_line_a_caption_and_a_present_state_keep_the_past(nlp: Language) -> None:
    assert only(nlp, "Jan. 12 - The trial opens in the capital.", THURSDAY).value == date(2013, 1, 12)
    assert only(nlp, "The death toll stands at 40 on Monday.", THURSDAY).value == date(2013, 1, 14)
    assert only(nlp, "Mourners carry a coffin during a funeral on Monday.", THURSDAY).value == date(2013, 1, 14)


def test_a_chronology_line_takes_the_year_of_its_heading(nlp: Language) -> None:
    text = ("Milestones of the dispute: 2010: Nov. 20 - Dock workers strike for higher pay. "
            "Dec. 2 - The port closes. 2011: Jan. 22 - The union and the port reach a deal.")
    found = [(m.text, m.value) for sent in nlp(text).sents for m in find_times(sent, FRIDAY)
             if m.precision == "day"]
    assert found == [("Nov. 20", date(2010, 11, 20)), ("Dec. 2", date(2010, 12, 2)),
                     ("Jan. 22", date(2011, 1, 22))]


def test_a_present_progressive_tells_an_arrangement_ahead(nlp: Language) -> None:
    assert only(nlp, "The museum is hosting a forum for young artists on Oct. 29.").value == date(2013, 10, 29)
    assert only(nlp, "The team is flying home on Sunday.").value == date(2013, 1, 20)
    assert only(nlp, "Rescuers were searching the rubble on Thursday.").value == date(2013, 1, 17)
    assert only(nlp, "Police are investigating Monday's attack.").value == date(2013, 1, 14)


def test_a_quoted_title_is_not_a_date(nlp: Language) -> None:
    assert times(nlp, 'The comedy "Next Friday" drew young crowds, the studio said.') == []
    assert [m.text for m in times(nlp, "The band played ``Last Sunday'' on Friday.")] == ["Friday"]


def test_a_stretch_of_recent_years_is_background_with_no_day(nlp: Language) -> None:
    for text in ("In recent years the group has killed more local politicians.",
                 "The militia, which over the past 27 years has killed 700 people, spoke."):
        m = only(nlp, text)
        assert (m.kind, m.precision, m.value) == ("relative", "period", None)
    assert times(nlp, "It was the deadliest attack on the city in recent years.") == []


def test_a_month_named_before_its_event(nlp: Language) -> None:
    m = only(nlp, "The result was a dramatic September meeting of all the parties.")
    assert (m.kind, m.value, m.precision) == ("absolute", date(2012, 9, 1), "month")
    assert times(nlp, "He said that May would stay in office.") == []


def test_be_to_tells_an_arrangement_ahead(nlp: Language) -> None:
    m = only(nlp, "Final results are to be released Monday.")
    assert (m.value, m.direction) == (date(2013, 1, 21), "future")
    assert only(nlp, "He is to blame for the bombing on Monday.").value == date(2013, 1, 14)
    assert times(nlp, 'The comedy "Next Friday," starring a rapper, led the box office.') == []


def test_an_infinitive_relative_tells_an_arrangement_ahead(nlp: Language) -> None:
    """"a report to be released on Monday" is a plan; "the first ... to be elected" ranks a past act."""
    m = only(nlp, "The council will discuss a report to be released on Monday.")
    assert (m.value, m.direction) == (date(2013, 1, 21), "future")
    assert only(nlp, "The first woman to be elected on Monday took her seat.").value == date(2013, 1, 14)


def test_a_date_names_its_year_by_distance_or_with_of(nlp: Language) -> None:
    m = only(nlp, "The agency must file its plan by April 15 next year.")
    assert (m.text, m.value) == ("April 15 next year", date(2014, 4, 15))
    assert only(nlp, "The port lowered its fees on March 3 last year.").value == date(2012, 3, 3)
    m = only(nlp, "The plant closed on August 20 of 1993, workers said.")
    assert (m.text, m.value) == ("August 20 of 1993", date(1993, 8, 20))


def test_a_timetable_verb_read_as_a_plural_noun(nlp: Language) -> None:
    """The parse reads "debuts" as a noun and leaves the sentence without a verb."""
    m = only(nlp, "The new show debuts June 16 on cable.")
    assert (m.value, m.direction) == (date(2013, 6, 16), "future")


def test_a_weekday_in_a_show_name_is_no_date(nlp: Language) -> None:
    assert times(nlp, "The actor, a former Saturday Night Live regular, joined the cast.") == []
    assert times(nlp, "Viewers tuned in to Monday Night Football in record numbers.") == []
    assert only(nlp, "The band played on Saturday night to a full house.").value == date(2013, 1, 12)


def test_an_unnamed_weekday_is_no_date(nlp: Language) -> None:
    for text in ("On a recent Friday, the market was crowded with shoppers.",
                 "One Sunday, the family drove to the coast."):
        m = only(nlp, text)
        assert (m.kind, m.precision, m.value) == ("relative", "period", None)
    assert only(nlp, "The market was crowded on Friday.").value == date(2013, 1, 18)
    m = only(nlp, "Before a Wednesday night concert, the singer announced a gift to schools.")
    assert m.value == date(2013, 1, 16)


def test_last_weekday_is_never_yesterday(nlp: Language) -> None:
    """A writer calls the day before "yesterday" or by its bare name: "last Wednesday" in a
    Thursday report is the week before's; "last Monday" in a Friday report stays this week's."""
    assert only(nlp, "Last Wednesday, the board voted to close the plant.", THURSDAY).value == date(2013, 1, 9)
    assert only(nlp, "The board voted on Wednesday to close the plant.", THURSDAY).value == date(2013, 1, 16)
    assert only(nlp, "The board met last Monday.").value == date(2013, 1, 14)


def test_a_past_weekday_in_a_report_stamped_late_in_the_utc_day(nlp: Language) -> None:
    """Stamped 22:30 UTC on a Monday, the report comes from where Tuesday has begun: "was under
    way Tuesday" is that Tuesday, not six days back. Stamped at midday, it is six days back."""
    late = datetime(2013, 1, 14, 22, 30, tzinfo=timezone.utc)
    noon = datetime(2013, 1, 14, 12, 30, tzinfo=timezone.utc)
    assert only(nlp, "The search was under way Tuesday, police said.", late).value == date(2013, 1, 15)
    assert only(nlp, "The search was under way Tuesday, police said.", noon).value == date(2013, 1, 8)
    assert only(nlp, "The search began on Monday, police said.", late).value == date(2013, 1, 14)


@pytest.mark.parametrize("text", [
    "Today, more women than men enroll in law schools.",
    "Today, more than half of all adults are considered too heavy.",
    "It is one of the most serious health issues facing the nation today, the expert said.",
    "Farmers today grow twice as much wheat on the same land.",
    "Voters today are looking for candidates who speak plainly, the pollster said.",
])
def test_today_meaning_nowadays_names_no_day(nlp: Language, text: str) -> None:
    m = only(nlp, text)
    assert (m.kind, m.precision, m.value) == ("relative", "period", None)


@pytest.mark.parametrize("text", [
    "Today, the president signed the bill.",
    "Today, the president is expected to sign the bill.",
    "Today, the trial opens in the capital.",
    "Schools are closed today because of the storm.",
    "Shoppers today lined up outside the stores before dawn.",
    "The senators today are meeting behind closed doors.",
])
def test_today_of_the_news_is_the_report_day(nlp: Language, text: str) -> None:
    assert only(nlp, text).value == date(2013, 1, 18)


def test_a_plan_told_in_the_past_tense_is_still_ahead(nlp: Language) -> None:
    assert only(nlp, "The two leaders planned to visit a factory on Monday before flying home.").value \
        == date(2013, 1, 21)
    assert only(nlp, "Union officials said they intended to resume talks on Tuesday.").value == date(2013, 1, 22)
    assert only(nlp, "The two senators planned to meet at a hotel to discuss the budget on Monday.").value \
        == date(2013, 1, 21)
    assert only(nlp, "The two leaders had planned to visit a factory on Monday.").value == date(2013, 1, 14)


def test_a_plan_told_in_the_past_takes_its_nearest_year(nlp: Language) -> None:
    ahead = only(nlp, "The repairs were initially scheduled to be finished by Jan. 25.")
    assert (ahead.value, ahead.direction) == (date(2013, 1, 25), "future")
    assert only(nlp, "The repairs were scheduled to be finished by Jan. 9.").value == date(2013, 1, 9)


def test_a_date_before_its_noun_with_no_past_tense_takes_its_nearest_year(nlp: Language) -> None:
    assert only(nlp, "Candidates are courting voters in states with Feb. 5 caucuses.").value == date(2013, 2, 5)
    assert only(nlp, "Candidates courted voters in states with Feb. 5 caucuses.").value == date(2012, 2, 5)
    assert only(nlp, "Investigators are still examining the Jan. 9 blast.").value == date(2013, 1, 9)


@pytest.mark.parametrize(("text", "day"), [
    ("A quake off the coast on Boxing Day 2004 set off a tsunami that killed thousands.", date(2004, 12, 26)),
    ("The bridge was closed on New Year's Eve 1999 after a bomb threat.", date(1999, 12, 31)),
    ("Floods swept the valley at Christmas 2010.", date(2010, 12, 25)),
])
def test_a_holiday_with_its_year_is_that_day(nlp: Language, text: str, day: date) -> None:
    """History told by a holiday names its day; without it the sentence would pass as the
    report's own news."""
    assert only(nlp, text).value == day


def test_a_decision_over_an_infinitive_takes_its_nearest_year(nlp: Language) -> None:
    # told in mid-December: a raise decided for Jan. 1 is the coming Jan. 1, not last year's
    mid_december = datetime(2012, 12, 18, 10, 0, tzinfo=timezone.utc)
    raise_ = only(nlp, "The cabinet has decided to raise pensions by 2 percent Jan. 1.", mid_december)
    assert raise_.value == date(2013, 1, 1)
    assert only(nlp, "The council voted to close the bridge on Jan. 4.", mid_december).value == date(2013, 1, 4)
    # the act itself, or a decision's day already behind, stays in the past
    assert only(nlp, "The council closed the bridge on Jan. 4.", mid_december).value == date(2012, 1, 4)
    assert only(nlp, "The council voted to close the bridge on Dec. 4.", mid_december).value == date(2012, 12, 4)


@pytest.mark.parametrize("text, phrase", [
    ("The senator criticized the release of a tape of the governor's March 3 deposition.", "March 3"),
    ("The Gazette said in a report for its Thursday edition that jobless claims rose.", "Thursday"),
])
def test_a_day_between_an_owner_and_its_noun_names_that_thing(nlp: Language, text: str, phrase: str) -> None:
    m = only(nlp, text)
    assert (m.text, m.clause) == (phrase, "noun")


def test_an_owners_day_on_the_subject_still_dates_the_event(nlp: Language) -> None:
    assert only(nlp, "The army's Monday attack killed 12 people.").clause == "main"
