"""Figures across reports: linking, change over time, conflicts, wire copies, and the seeds."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from storyline.figures import build_figures, conflict_pairs, figure_label
from storyline.models import Document, Entity, Figure, FigureValue, Quantity, Sentence
from storyline.quantities import find_quantities
from storyline.temporal import find_times

SEEDS = Path(__file__).resolve().parent.parent / "samples" / "seeds"
T0 = datetime(2024, 5, 1, 9, 0, tzinfo=timezone.utc)


def document(nlp, doc_id: str, text: str, published: datetime | None = None,
             duplicate_of: str | None = None) -> Document:
    """A Document with sentences and their quantities, as the annotate stage makes it."""
    doc = Document(doc_id=doc_id, text=text, published=published, duplicate_of=duplicate_of)
    for i, sent in enumerate(nlp(text).sents):
        places = [Entity(text=e.text, label=e.label_, start=e.start_char, end=e.end_char)
                  for e in sent.ents if e.label_ in ("GPE", "LOC")]
        doc.sentences.append(Sentence(doc_id=doc_id, index=i, start=sent.start_char,
                                      end=sent.end_char, text=sent.text, entities=places,
                                      times=find_times(sent, published),
                                      quantities=find_quantities(sent)))
    return doc


def figure(figures: list[Figure], label: str) -> Figure:
    found = [f for f in figures if f.label == label]
    assert len(found) == 1, [f.label for f in figures]
    return found[0]


def test_same_measure_links_across_reports_in_time_order(nlp):
    later = document(nlp, "b", "Some 25 hostages escaped from the compound, officials said.", T0 + timedelta(hours=3))
    early = document(nlp, "a", "At least 20 hostages escaped from the compound, police said.", T0)
    f = figure(build_figures([later, early]), "hostages escaped")
    assert [v.doc_id for v in f.values] == ["a", "b"]
    assert [v.quote for v in f.values] == ["At least 20", "Some 25"]
    assert [v.attributed_to for v in f.values] == ["police", "officials"]
    assert f.values[0].text == "At least 20 hostages escaped from the compound, police said."
    assert f.values[0].reported_at == T0


def test_qualifier_compatible_values_at_the_same_time_do_not_conflict(nlp):
    a = document(nlp, "a", "At least 20 hostages escaped, police said.", T0)
    b = document(nlp, "b", "Thirty hostages escaped, officials said.", T0 + timedelta(hours=1))
    f = figure(build_figures([a, b]), "hostages escaped")
    assert not f.conflict and f.conflict_note is None


def test_same_time_disagreement_is_a_conflict_with_sources(nlp):
    a = document(nlp, "a", "The militants said they held 41 hostages.", T0)
    b = document(nlp, "b", "The government said 132 hostages were held.", T0 + timedelta(minutes=30))
    f = figure(build_figures([a, b]), "hostages held")
    assert f.conflict
    assert f.conflict_note == "a (the militants): 41; b (the government): 132"
    assert f.change is None  # same time: a disagreement, not a movement


def test_a_toll_rising_over_hours_is_news_not_a_conflict(nlp):
    a = document(nlp, "a", "Thirty-two people were killed, officials said.", T0)
    b = document(nlp, "b", "Seventy people were killed, the health minister said.", T0 + timedelta(hours=3))
    c = document(nlp, "c", "At least 87 people were killed, rescuers said.", T0 + timedelta(hours=6))
    f = figure(build_figures([a, b, c]), "people killed")
    assert [v.value for v in f.values] == [32, 70, 87]
    assert not f.conflict and f.conflict_note is None


def test_a_lower_count_hours_after_a_higher_one_conflicts(nlp):
    a = document(nlp, "a", "Seventy people were killed, the health minister said.", T0)
    b = document(nlp, "b", "Thirty-two people were killed, officials said.", T0 + timedelta(hours=3))
    f = figure(build_figures([a, b]), "people killed")
    assert f.conflict
    assert f.conflict_note == "a (the health minister): 70; b (officials): 32"


def test_a_higher_count_within_the_hour_still_conflicts(nlp):
    a = document(nlp, "a", "Thirty-two people were killed, officials said.", T0)
    b = document(nlp, "b", "Seventy people were killed, the health minister said.", T0 + timedelta(minutes=40))
    assert figure(build_figures([a, b]), "people killed").conflict


def test_undated_reports_that_disagree_conflict(nlp):
    a = document(nlp, "a", "Five soldiers were killed.")
    b = document(nlp, "b", "Nine soldiers were killed.")
    assert figure(build_figures([a, b]), "soldiers killed").conflict


def test_growing_numbers_days_apart_are_a_change_not_a_conflict(nlp):
    a = document(nlp, "a", "Two people were killed in the initial assault.", T0)
    b = document(nlp, "b", "The assault has killed at least six people.", T0 + timedelta(days=1))
    f = figure(build_figures([b, a]), "people killed")
    assert f.change == "2 -> at least 6"
    assert not f.conflict


def test_a_stale_toll_reprinted_beside_new_ones_does_not_read_as_a_fall(nlp):
    first = document(nlp, "a", "Twenty-five people were killed, the television channel said.", T0)
    stale = document(nlp, "b", "Eighty people were killed, officials said.", T0 + timedelta(hours=13))
    newer = document(nlp, "c", "A total of 113 people were killed, police said.", T0 + timedelta(hours=14))
    newest = document(nlp, "d", "The collapse killed 124 people, rescuers said.", T0 + timedelta(hours=15))
    f = figure(build_figures([first, stale, newer, newest]), "people killed")
    assert f.change == "25 -> 113"


def test_unchanged_value_has_no_change(nlp):
    a = document(nlp, "a", "Two people were killed.", T0)
    b = document(nlp, "b", "Two people were killed, police said.", T0 + timedelta(days=1))
    f = figure(build_figures([a, b]), "people killed")
    assert f.change is None and len(f.values) == 2


def test_dates_with_and_without_a_zone_compare(nlp):
    a = document(nlp, "a", "Two people were killed.", datetime(2024, 5, 1, 9, 0))
    b = document(nlp, "b", "Five people were killed.", T0 + timedelta(days=2))
    c = document(nlp, "c", "Nine people were killed.")
    f = figure(build_figures([c, b, a]), "people killed")
    assert [v.doc_id for v in f.values] == ["a", "b", "c"]  # undated last
    assert f.change == "2 -> 5" and not f.conflict


def test_wire_copy_counts_once(nlp):
    text = "At least 12 people were killed in the blast, police said."
    a = document(nlp, "a", text, T0)
    copy = document(nlp, "copy", text, T0 + timedelta(hours=2), duplicate_of="a")
    f = figure(build_figures([a, copy]), "people killed")
    assert len(f.values) == 1
    assert f.values[0].doc_id == "a" and f.values[0].also_in == ["copy"]


def test_modifiers_stay_only_when_reports_agree(nlp):
    a = document(nlp, "a", "At least 20 foreign hostages escaped.", T0)
    b = document(nlp, "b", "Some 25 foreign hostages escaped.", T0)
    assert figure(build_figures([a, b]), "foreign hostages escaped")
    c = document(nlp, "c", "Thirty hostages escaped.", T0)
    assert figure(build_figures([a, c]), "hostages escaped")


def test_figures_sorted_by_reports_then_casualties_first(nlp):
    a = document(nlp, "a", "Ten workers escaped. Three guards were killed.", T0)
    b = document(nlp, "b", "Twelve workers escaped.", T0)
    labels = [f.label for f in build_figures([a, b])]
    assert labels == ["workers escaped", "guards killed"]
    c = document(nlp, "c", "Ten workers escaped. Three guards were killed.", T0)
    assert [f.label for f in build_figures([c])] == ["guards killed", "workers escaped"]


def test_negated_hedged_and_facts_make_no_figures(nlp):
    a = document(nlp, "a", "No one was killed. The toll could be as many as 50. "
                           "Workers came from 10 nations. The plant is 1,300 kilometers away.", T0)
    assert build_figures([a]) == []


def test_figure_label():
    q = Quantity(text="20", start=0, end=2, value=20, counted="foreign hostages", event="escaped", key=True)
    assert figure_label(q) == "foreign hostages escaped"
    fact = Quantity(text="10", start=0, end=2, value=10, counted="nations", key=False)
    assert figure_label(fact) is None
    traded = Quantity(text="two", start=0, end=3, value=2, counted="American hostages", event="traded", key=True)
    assert figure_label(traded) == "American hostages offered in exchange"


def test_a_count_of_ones_names_no_measure():
    ones = Quantity(text="two", start=0, end=3, value=2, counted="ones", event="damaged", key=True)
    assert figure_label(ones) is None


# --- the seeds together ----------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_figures(nlp) -> list[Figure]:
    days = {"000_859f0715c1a21f90": datetime(2013, 1, 17), "002_ccd22e2c14d346af": datetime(2013, 1, 18)}
    docs = [document(nlp, stem, (SEEDS / f"{stem}.txt").read_text(encoding="utf-8"), day)
            for stem, day in days.items()]
    return build_figures(docs)


def test_seed_hostages_escaped(seed_figures):
    f = next(f for f in seed_figures if f.label.endswith("hostages escaped"))
    (v,) = f.values
    assert (v.value, v.qualifier, v.doc_id) == (20, "at least", "000_859f0715c1a21f90")
    assert v.attributed_to == "an Algerian security official"


def test_seed_people_killed_moves_from_two_to_at_least_six(seed_figures):
    f = figure(seed_figures, "people killed")
    assert [(v.value, v.qualifier, v.doc_id[:3]) for v in f.values] == [(2, None, "000"), (6, "at least", "002")]
    assert f.change == "2 -> at least 6" and not f.conflict
    assert any(x.label == "hostages killed" and x.values[0].value == 4 for x in seed_figures)


def test_seed_hostages_unaccounted_for(seed_figures):
    f = figure(seed_figures, "foreign hostages unaccounted for")
    (v,) = f.values
    assert (v.value, v.qualifier, v.doc_id[:3]) == (60, "about", "002")
    assert v.attributed_to == "Algeria's state news service"


def test_seed_hostages_held_moves_between_days(seed_figures):
    f = figure(seed_figures, "hostages held")
    assert f.change == "41 -> 132"
    assert f.values[0].attributed_to == "the militants"


def test_seed_no_figures_from_years_distances_or_nations(seed_figures):
    quotes = [v.quote or "" for f in seed_figures for v in f.values]
    for trap in ("1993", "2007", "1,300", "800", "10", "three"):
        assert trap not in quotes
    assert not any("nation" in f.label or "kilomet" in f.label or "mile" in f.label for f in seed_figures)
    assert seed_figures[0].label == "people killed"


# --- support, copies of one sentence, plain labels ----------------------------------------


def test_the_same_sentence_in_two_reports_is_one_value(nlp):
    text = "At least 12 people were killed in the blast, police said."
    a = document(nlp, "a", text, T0)
    b = document(nlp, "b", text.lower().replace(",", " ,"), T0 + timedelta(hours=1))
    f = figure(build_figures([a, b]), "people killed")
    assert [(v.doc_id, v.also_in) for v in f.values] == [("a", ["b"])]


def test_a_measure_from_one_report_needs_a_clear_event(nlp):
    one = document(nlp, "a", "Some 2,000 customers were without power. "
                             "Five soldiers were killed in the ambush.", T0)
    assert [f.label for f in build_figures([one])] == ["soldiers killed"]
    two = document(nlp, "b", "About 3,000 customers were without power.", T0)
    assert "customers without power" in [f.label for f in build_figures([one, two])]


def test_copies_do_not_make_a_measure_supported(nlp):
    text = "Some 2,000 customers were without power."
    a = document(nlp, "a", text, T0)
    copy = document(nlp, "copy", text, T0, duplicate_of="a")
    assert build_figures([a, copy]) == []


def test_incident_and_money_labels(nlp):
    a = document(nlp, "a", "Twenty-one fires were set overnight. Damage totaled $2 million.", T0)
    b = document(nlp, "b", "At least 34 fires were set. The fires caused $3 million in damage.", T0)
    labels = {f.label for f in build_figures([a, b])}
    assert {"fires", "dollars in damage"} <= labels


def test_labels_from_page_furniture_are_dropped():
    for counted in ("http://example.com/news-12-killed", "Saturday", "bd top hit tv news"):
        q = Quantity(text="12", start=0, end=2, value=12, counted=counted, event="killed", key=True)
        assert figure_label(q) is None, counted
    q = Quantity(text="12", start=0, end=2, value=12, counted="men", event="killed", key=True)
    assert figure_label(q) == "men killed"
    q = Quantity(text="12", start=0, end=2, value=12, counted="Algerian workers", event="killed", key=True)
    assert figure_label(q) == "Algerian workers killed"


def test_a_number_repeated_the_same_day_is_one_value_with_its_other_reports(nlp):
    a = document(nlp, "a", "At least 12 people were killed in the blast.", T0)
    b = document(nlp, "b", "Police said at least 12 people died.", T0 + timedelta(hours=2))
    c = document(nlp, "c", "The blast killed at least 12 people.", T0 + timedelta(days=1))
    f = figure(build_figures([a, b, c]), "people killed")
    assert [(v.doc_id, v.also_in) for v in f.values] == [("a", ["b"]), ("c", [])]


def test_a_day_shows_the_numbers_most_reports_gave(nlp):
    words = ["Two", "Three", "Four", "Five", "Six", "Seven"]
    docs = [document(nlp, f"d{n}", f"{w} soldiers were killed.", T0 + timedelta(minutes=n))
            for n, w in enumerate(words)]
    docs.append(document(nlp, "late", "Seven soldiers were killed, the army said.", T0 + timedelta(hours=1)))
    f = figure(build_figures(docs), "soldiers killed")
    assert len(f.values) == 5
    assert [v.value for v in f.values][-1] == 7 and f.values[-1].also_in == ["late"]
    assert 6 not in [v.value for v in f.values]  # one report alone, the day's sixth number


def test_seed_attackers_and_every_figure_has_a_plain_label(seed_figures):
    f = figure(seed_figures, "gunmen attacked")
    assert [(v.value, v.qualifier) for v in f.values] == [(20, "at least")]
    for fig in seed_figures:
        assert fig.values and all(w.isalpha() for w in fig.label.split()), fig.label


# --- another event's numbers, the reports' own words ---------------------------------------


def test_numbers_dated_before_the_story_are_another_events(nlp):
    a = document(nlp, "a", "The typhoon killed at least 40 people on Tuesday. "
                           "A storm in 2011 killed 1,500 people in the same region.", T0)
    b = document(nlp, "b", "It is the deadliest storm since 2011, and it killed 52 people.",
                 T0 + timedelta(days=1))
    f = figure(build_figures([a, b]), "people killed")
    assert [v.value for v in f.values] == [40, 52]


def test_a_toll_told_only_of_another_place_is_not_the_storys(nlp):
    words = ["Twelve", "Fifteen", "Twenty", "Twenty", "Twenty-one", "Twenty-one", "Twenty-one",
             "Twenty-two", "Twenty-two"]
    story = [document(nlp, f"d{n}", f"{w} people were killed in Baghdad on Tuesday.",
                      T0 + timedelta(hours=n)) for n, w in enumerate(words)]
    other = document(nlp, "x", "A car bomb killed 7 people in Kano, police said. "
                               "In Baghdad, 22 people were killed.", T0 + timedelta(hours=10))
    f = figure(build_figures([*story, other]), "people killed")
    assert 7 not in [v.value for v in f.values] and 22 in [v.value for v in f.values]
    kano = document(nlp, "y", "A car bomb killed 7 people in Kano, police said.", T0 + timedelta(hours=10))
    few = figure(build_figures([story[0], kano]), "people killed")  # too few reports to judge
    assert [v.value for v in few.values] == [12, 7]


def test_a_label_uses_the_words_most_reports_use(nlp):
    a = document(nlp, "a", "Two persons were killed in the blast.", T0)
    b = document(nlp, "b", "Three people were killed in the blast.", T0 + timedelta(days=1))
    c = document(nlp, "c", "Four people were killed in the blast.", T0 + timedelta(days=2))
    assert figure(build_figures([a, b, c]), "people killed").change == "2 -> 3 -> 4"
    d = document(nlp, "d", "About 60 hostages remain unaccounted for.", T0)
    assert figure(build_figures([d]), "hostages unaccounted for").values[0].value == 60
    e = document(nlp, "e", "Some 30 hostages are missing.", T0)
    assert figure(build_figures([e]), "hostages missing")


def test_trades_and_stranded_people_are_figures_from_one_report(nlp):
    a = document(nlp, "a", "The militants offered to trade two American hostages for jailed figures. "
                           "Some 140 fishermen were stranded off the coast.", T0)
    labels = {f.label for f in build_figures([a])}
    assert {"American hostages offered in exchange", "fishermen stranded"} <= labels
    b = document(nlp, "b", "The factory employed between 1,200 and 1,500 workers. "
                           "Some 2,000 protesters gathered outside the embassy.", T0)
    assert [f.label for f in build_figures([b])] == ["protesters protested", "workers employed"]


def test_seed_trade_offer(seed_figures):
    f = figure(seed_figures, "American hostages offered in exchange")
    (v,) = f.values
    assert (v.value, v.qualifier, v.doc_id[:3]) == (2, None, "002")
    assert v.attributed_to == "a statement received by a Mauritanian news site"


def test_seed_figures_are_the_counts_of_the_crisis_and_nothing_else(seed_figures):
    quoted = {"people killed", "hostages held", "hostages killed", "Algerian workers escaped",
              "foreign hostages escaped", "foreign hostages unaccounted for", "hostages freed",
              "American hostages offered in exchange"}
    other_counts = {"foreigners held", "Americans held", "workers held", "gunmen attacked"}
    labels = {f.label for f in seed_figures}
    assert quoted <= labels
    assert labels <= quoted | other_counts  # no years, distances, nations or list positions


def test_deaths_and_people_killed_are_one_toll(nlp):
    a = document(nlp, "a", "The storm is blamed for 11 deaths in Cuba.", T0)
    b = document(nlp, "b", "The storm has killed 41 people.", T0 + timedelta(days=1))
    f = figure(build_figures([a, b]), "people killed")
    assert [v.value for v in f.values] == [11, 41] and f.change == "11 -> 41"


def test_money_from_one_report_needs_to_be_the_events_damage(nlp):
    a = document(nlp, "a", "The steel maker raised $430 million in debt. "
                           "The storm caused $55 million in damage.", T0)
    assert [f.label for f in build_figures([a])] == ["dollars in damage"]
    b = document(nlp, "b", "The steel maker raised $430 million from investors.", T0)
    assert "dollars raised" in [f.label for f in build_figures([a, b])]


def test_a_toll_told_of_an_event_years_back_is_not_the_storys(nlp):
    a = document(nlp, "a", "The typhoon comes a year after another storm killed more than 1,300 people. "
                           "The typhoon has killed 40 people.", T0)
    assert [v.value for v in figure(build_figures([a]), "people killed").values] == [40]
    b = document(nlp, "b", "Ten years after the invasion, bombs killed 56 people.", T0)
    assert [v.value for v in figure(build_figures([b]), "people killed").values] == [56]


def test_page_furniture_between_a_toll_and_its_noun_is_not_the_counted_thing(nlp):
    a = document(nlp, "a", "Train crash in the capital kills 49 BBC Accessibility links", T0)
    labels = [f.label for f in build_figures([a])]
    assert "news killed" not in labels and "people killed" in labels
    b = document(nlp, "b", "A mosque bombing kills seven worshipp...", T0)
    assert "worshipp killed" not in [f.label for f in build_figures([b])]
    c = document(nlp, "c", "Police arrested two high-ranking officials of the city.", T0)
    assert [f.label for f in build_figures([c])] == ["high-ranking officials arrested"]


def test_a_share_is_not_a_count():
    q = Quantity(text="three", start=0, end=5, value=3, counted="quarters", event="damaged", key=True)
    assert figure_label(q) is None


def test_others_wounded_are_people_wounded(nlp):
    a = document(nlp, "a", "The bomb killed seven people and wounded dozens of others.", T0)
    b = document(nlp, "b", "At least 25 people were wounded in the blast.", T0 + timedelta(days=1))
    labels = [f.label for f in build_figures([a, b])]
    assert "others wounded" not in labels
    values = figure(build_figures([a, b]), "people wounded").values
    assert [(v.low, v.high) for v in values] == [(24, 99), (25, None)]


def test_blasts_and_explosions_are_one_count_in_the_commonest_word(nlp):
    a = document(nlp, "a", "Two blasts hit the market on Thursday.", T0)
    b = document(nlp, "b", "Three explosions hit the market, police said.", T0 + timedelta(days=1))
    c = document(nlp, "c", "Three blasts were heard near the market.", T0 + timedelta(days=1))
    figures = build_figures([a, b, c])
    assert "explosions" not in {f.label for f in figures}
    f = figure(figures, "blasts")
    assert [v.value for v in f.values] == [2, 3] and f.change == "2 -> 3"
    assert f.values[1].also_in == ["c"]


def test_a_label_names_the_event_once():
    q = Quantity(text="dozens", start=0, end=6, value=None, low=24, high=99,
                 counted="injured Malian soldiers", event="wounded", key=True)
    assert figure_label(q) == "Malian soldiers wounded"
    q = Quantity(text="scores", start=0, end=6, value=None, low=40, high=99,
                 counted="people", event="killed or wounded", key=True)
    assert figure_label(q) == "people killed or wounded"


def test_people_left_homeless_keep_the_reports_word(nlp):
    a = document(nlp, "a", "The explosions left some 3,000 people homeless.", T0)
    b = document(nlp, "b", "More than 5,000 people were left homeless by the blasts.", T0 + timedelta(hours=30))
    f = figure(build_figures([a, b]), "people left homeless")
    assert [v.value for v in f.values] == [3000, 5000]


def test_a_label_names_the_counted_thing_in_the_plural(nlp):
    a = document(nlp, "a", "One child was killed in the crash.", T0)
    b = document(nlp, "b", "Three children were killed in the crash.", T0 + timedelta(days=1))
    f = figure(build_figures([a, b]), "children killed")
    assert [v.value for v in f.values] == [1, 3]


def test_a_sentence_whose_toll_later_reports_moved_is_told_the_latest_value():
    from datetime import datetime, timezone

    from storyline.figures import later_values, since_then
    from storyline.models import Figure, FigureValue

    def at(day: int, hour: int = 9) -> datetime:
        return datetime(2025, 3, day, hour, tzinfo=timezone.utc)

    first = "The quake killed at least 12 people, officials said."
    same_day = "Eleven people died, the mayor said."
    values = [FigureValue(12, first, "a", qualifier="at least", reported_at=at(3)),
              FigureValue(11, same_day, "b", reported_at=at(3, 15)),
              FigureValue(27, "The toll rose to 27.", "c", reported_at=at(4)),
              FigureValue(41, "The toll climbed to 41.", "d", reported_at=at(5))]
    killed = Figure("people killed", values, change="at least 12 -> 27 -> 41")
    table = since_then([killed, Figure("people missing", [values[0]], change=None)])
    assert [(f.label, v.value, v.doc_id) for f, v in later_values(first, table)] == [("people killed", 41, "d")]
    assert later_values("The toll rose to 27.", table)[0][1].value == 41
    assert later_values("The toll climbed to 41.", table) == []  # the latest value itself
    assert later_values("The quake killed at least 12 people", table)  # a shortened quote
    assert since_then([Figure("people killed", values, change=None)]) == {}  # a figure that never moved


# --- a news editor's audit (s8): corrections, rising tolls, deal value vs share price ----


def test_a_corrected_number_is_no_value_no_conflict_and_not_the_latest(nlp):
    a = document(nlp, "a", "The death toll rose to 41 on Wednesday, officials said.", T0)
    b = document(nlp, "b", "The death toll has risen to 56, the emergency office said on Friday.\n\n"
                 "An earlier version of this story misstated the death toll as 65. The toll is 56.",
                 T0 + timedelta(days=2))
    f = figure(build_figures([a, b]), "people killed")
    assert [v.value for v in f.values] == [41, 56]
    assert not f.conflict and f.change == "41 -> 56"


def test_an_earlier_toll_a_report_replaces_is_not_its_latest_value(nlp):
    a = document(nlp, "a", "At least 41 people have died in the floods, the office said.", T0)
    b = document(nlp, "b", "At least 48 people have died in the floods, the office said on "
                 "Wednesday evening, raising an earlier toll of 41.", T0 + timedelta(days=1))
    f = figure(build_figures([a, b]), "people killed")
    assert [v.quote for v in f.values] == ["At least 41", "At least 48"]
    assert [v.doc_id for v in f.values] == ["a", "b"]
    assert f.change == "at least 41 -> at least 48" and not f.conflict


def test_a_toll_rising_day_by_day_told_two_ways_on_the_last_day_is_no_conflict(nlp):
    a = document(nlp, "a", "The death toll rose to 27 on Tuesday, the emergency office said.", T0)
    b = document(nlp, "b", "At least 41 people have died in the floods, the emergency office said.",
                 T0 + timedelta(hours=22, minutes=30))
    c = document(nlp, "c", "The country declared an emergency on Wednesday as the death toll passed 50, "
                 "the government said.\n\nMore than 50 people have died, the prime minister said.",
                 T0 + timedelta(days=2))
    f = figure(build_figures([a, b, c]), "people killed")
    assert not f.conflict and f.conflict_note is None
    assert f.change == "27 -> at least 41 -> more than 50"
    assert f.values[-1].attributed_to == "the government"


def test_a_number_and_more_than_it_from_two_sources_agree():
    at = T0
    said = FigureValue(value=50, low=50, high=50, text="", doc_id="a", reported_at=at, attributed_to="x")
    more = FigureValue(value=50, low=51, high=None, qualifier="more than", text="", doc_id="a",
                       reported_at=at, attributed_to="y")
    other = FigureValue(value=40, low=40, high=40, text="", doc_id="b", reported_at=at)
    assert conflict_pairs([said, more]) == []
    assert conflict_pairs([said, more, other]) == [(0, 2), (1, 2)]


def test_deal_value_and_price_per_share_are_two_figures_that_each_move(nlp):
    a = document(nlp, "a", "Acme has offered $2 billion in cash for Brightway, the companies said.\n\n"
                 "Acme is offering 31 dollars a share.", T0)
    b = document(nlp, "b", "Acme raised its offer for Brightway to $2.4 billion on Wednesday.\n\n"
                 "The new offer of $36 a share is 16% more than the first.", T0 + timedelta(days=2))
    figures = build_figures([a, b])
    total = figure(figures, "dollars offered")
    rate = figure(figures, "dollars offered per share")
    assert total.change == "2 billion -> 2.4 billion"
    assert rate.change == "31 -> 36"
    assert not total.conflict and not rate.conflict


def test_a_strike_follows_strikers_with_the_union_employer_clash_and_ships_waiting(nlp):
    a = document(nlp, "a", "Around 5,000 dockworkers walked off the job at the port on Monday.", T0)
    b = document(nlp, "b", "About 40 ships were waiting at anchor, the pilots said.", T0 + timedelta(days=1))
    c = document(nlp, "c", "The union said 6,000 workers were now on strike, leaving about 70 ships "
                 "stranded.\n\nThe employers' group put the number at 4,500.", T0 + timedelta(days=2))
    d = document(nlp, "d", "Clearing the backlog of about 80 ships will take a week, the port said.",
                 T0 + timedelta(days=4))
    figures = build_figures([a, b, c, d])
    strikers = figure(figures, "workers on strike")
    assert [v.value for v in strikers.values] == [5000, 6000, 4500]
    assert strikers.conflict
    assert strikers.conflict_note == "c (the union): 6,000; c (the employers' group): 4,500"
    ships = figure(figures, "ships stranded")
    assert ships.change == "about 40 -> about 70 -> about 80" and not ships.conflict


def test_nearly_a_number_agrees_with_a_little_more_than_it():
    nearly = FigureValue(value=50, low=45, high=50, qualifier="nearly", text="", doc_id="a", reported_at=T0)
    more = FigureValue(value=52, low=52, high=52, text="", doc_id="b", reported_at=T0)
    far = FigureValue(value=80, low=80, high=80, text="", doc_id="c", reported_at=T0)
    assert conflict_pairs([nearly, more, far]) == [(0, 2), (1, 2)]


# --- counts an editor's audit found misread ---------------------------------------------

def test_people_forced_from_their_homes_is_one_displacement_figure_that_moves(nlp):
    a = document(nlp, "a", "The river flooded the valley on Monday, forcing about 1,200 residents "
                           "from their homes.", T0)
    b = document(nlp, "b", "Officials said about 5,000 people have now left their homes.", T0 + timedelta(days=1))
    f = [f for f in build_figures([a, b]) if f.label.endswith(" displaced")]
    assert len(f) == 1, [x.label for x in build_figures([a, b])]
    assert [v.value for v in f[0].values] == [1200, 5000]


def test_a_later_ordinal_death_raises_the_toll(nlp):
    a = document(nlp, "a", "A mine collapse killed two miners and injured between 10 and 15 people "
                           "on Monday, officials said.", T0)
    b = document(nlp, "b", "A third miner died in hospital on Monday evening. Doctors were treating "
                           "12 injured, four of them in critical condition.", T0 + timedelta(hours=7))
    figures = build_figures([a, b])
    killed = [f for f in figures if f.label.endswith(" killed")]
    wounded = [f for f in figures if f.label.endswith(" wounded")]
    assert len(killed) == 1 and [v.value for v in killed[0].values] == [2, 3]
    assert len(wounded) == 1
    assert [(v.low, v.high) for v in wounded[0].values] == [(10, 15), (12, 12)]


def test_a_second_release_is_not_a_revised_count(nlp):
    a = document(nlp, "a", "Gunmen freed 7 hostages from the hotel on Monday, police said.", T0)
    b = document(nlp, "b", "Soldiers freed the last 11 hostages on Wednesday, police said.", T0 + timedelta(days=2))
    freed = [f for f in build_figures([a, b]) if f.label.endswith(" freed")]
    assert all([v.value for v in f.values] == [7] for f in freed), [[v.value for v in f.values] for f in freed]


def test_the_movement_ends_on_the_higher_of_two_disputed_current_counts(nlp):
    a = document(nlp, "a", "About 2,000 nurses walked off the job on Monday, the union said.", T0)
    b = document(nlp, "b", "The union said 3,000 nurses were now on strike. The hospitals put the number at 1,800.",
                 T0 + timedelta(days=2))
    f = [f for f in build_figures([a, b]) if f.label.endswith("on strike")]
    assert len(f) == 1, [x.label for x in build_figures([a, b])]
    assert f[0].change is not None and f[0].change.endswith("-> 3,000"), f[0].change


def test_most_reports_words_name_the_displaced(nlp):
    a = document(nlp, "a", "The dam burst on Monday, forcing about 900 residents from their homes.", T0)
    b = document(nlp, "b", "About 2,000 people have now left their homes, officials said.", T0 + timedelta(days=1))
    c = document(nlp, "c", "Some 2,600 people were driven from their homes, officials said.", T0 + timedelta(days=2))
    labels = [f.label for f in build_figures([a, b, c])]
    assert "people displaced" in labels, labels


def test_land_burned_is_a_figure_that_moves(nlp):
    a = document(nlp, "a", "A wildfire raged on the hills on Monday. About 800 hectares had burned by noon, "
                           "the fire service said.", T0)
    b = document(nlp, "b", "The wildfire more than doubled in size overnight to about 2,100 hectares, "
                           "officials said on Tuesday.", T0 + timedelta(days=1))
    c = document(nlp, "c", "Firefighters contained the fire on Thursday after it burned some 4,000 hectares "
                           "of forest.", T0 + timedelta(days=3))
    f = figure(build_figures([a, b, c]), "hectares burned")
    assert [v.value for v in f.values] == [800, 2100, 4000]
    assert f.change == "about 800 -> about 2,100 -> about 4,000" and not f.conflict


def test_jobs_cut_told_three_ways_are_one_figure(nlp):
    a = document(nlp, "a", "Norvana will lay off about 900 employees, the company said on Monday.", T0)
    b = document(nlp, "b", "Shares fell a day after the company said it would cut 900 jobs.", T0 + timedelta(days=1))
    c = document(nlp, "c", "A spokeswoman said the bank stood by the figure it gave, about 900 roles. "
                           "The new branch will create 40 jobs.", T0 + timedelta(days=6))
    f = figure(build_figures([a, b, c]), "jobs cut")
    assert [(v.doc_id, v.value) for v in f.values] == [("a", 900), ("b", 900), ("c", 900)]
    assert not f.conflict


def test_a_hedged_larger_total_of_job_cuts_is_not_a_value(nlp):
    a = document(nlp, "a", "Norvana said it would cut 900 jobs.", T0)
    b = document(nlp, "b", "The job cuts reached the research labs, staff said, and the total may exceed 1,300. "
                           "The bank said it was cutting 900 jobs.", T0 + timedelta(hours=3))
    f = figure(build_figures([a, b]), "jobs cut")
    assert [v.value for v in f.values] == [900] and not f.conflict


def test_land_burned_told_by_one_report_alone_is_no_figure(nlp):
    a = document(nlp, "a", "Elsewhere, a wildfire destroyed 500 hectares of forest. Two people were killed "
                           "in the flood on Monday.", T0)
    labels = [f.label for f in build_figures([a])]
    assert "people killed" in labels and "hectares burned" not in labels, labels


def test_people_killed_are_the_workers_killed_when_the_dead_are_all_workers(nlp):
    a = document(nlp, "a", "Two workers were killed in the explosion at the refinery, police said.", T0)
    b = document(nlp, "b", "The number of people killed in the explosion has risen to three. A third worker "
                           "was found dead in the rubble.", T0 + timedelta(hours=9))
    labels = [f.label for f in build_figures([a, b])]
    assert "people killed" not in labels, labels
    assert [v.value for v in figure(build_figures([a, b]), "workers killed").values] == [2, 3]


def test_people_killed_stay_apart_when_the_dead_are_of_several_kinds(nlp):
    a = document(nlp, "a", "Two workers and three soldiers were killed in the attack, police said. "
                           "In all, five people were killed.", T0)
    labels = [f.label for f in build_figures([a])]
    assert "people killed" in labels, labels


def test_people_killed_stay_apart_when_their_number_is_not_the_workers(nlp):
    a = document(nlp, "a", "Two workers were killed in the explosion, police said.", T0)
    b = document(nlp, "b", "Seven people were killed in the explosion and the fire that followed.",
                 T0 + timedelta(hours=9))
    labels = [f.label for f in build_figures([a, b])]
    assert "people killed" in labels and "workers killed" in labels, labels


def test_survivors_rescued_and_people_rescued_are_one_measure(nlp):
    a = document(nlp, "a", "Firefighters pulled 14 survivors from the rubble on Friday.", T0)
    b = document(nlp, "b", "So far 300 people have been rescued from the site.", T0 + timedelta(days=1))
    f = figure(build_figures([a, b]), "people rescued")
    assert [v.value for v in f.values] == [14, 300]
    c = document(nlp, "c", "The town will bury the 45 victims on Monday.", T0)
    d = document(nlp, "d", "The blast killed 45 people.", T0)
    assert [f.label for f in build_figures([c, d])] == ["people killed"]


def test_a_sentence_that_opens_months_or_years_back_tells_an_earlier_events_toll(nlp):
    a = document(nlp, "a", "The ferry sank on Monday, killing 30 people. "
                           "Months earlier, nine people were killed when another ferry capsized.", T0)
    assert [v.value for v in figure(build_figures([a]), "people killed").values] == [30]
    b = document(nlp, "b", "Two years ago, a storm killed 200 people in the same valley. "
                           "The flood has killed 12 people.", T0)
    assert [v.value for v in figure(build_figures([b]), "people killed").values] == [12]


def test_a_total_over_past_years_is_a_history_not_the_storys_toll(nlp):
    a = document(nlp, "a", "The mine collapse killed 18 workers. "
                           "In the past five years, 600 miners have died in accidents in the region.", T0)
    assert [f.label for f in build_figures([a])] == ["workers killed"]
    b = document(nlp, "b", "The war has killed more than 50,000 people over the last two years. "
                           "The market bomb killed 14 people.", T0)
    assert [v.value for v in figure(build_figures([b]), "people killed").values] == [14]


def test_a_lone_reports_count_told_in_other_words_is_another_storys(nlp):
    lines = ["Floodwaters swept through the river town of Osk after the Lume dam failed, officials said.",
             "Rescue boats searched the flooded streets of Osk after the Lume dam failed on Monday.",
             "The Lume dam failed after days of rain, and floodwaters swept through Osk.",
             "Families in Osk waited on rooftops as floodwaters rose after the dam failed."]
    story = [document(nlp, f"d{n}", lines[n % 4], T0 + timedelta(hours=n)) for n in range(10)]
    stray = document(nlp, "x", "The Lume dam failed on Monday and floodwaters swept through Osk. "
                               "Poachers killed 100 rhinoceros in a national park, a charity said. "
                               "The floodwaters in Osk killed 3 fishermen near the dam.",
                     T0 + timedelta(hours=11))
    labels = [f.label for f in build_figures([*story, stray])]
    assert "rhinoceros killed" not in labels and "fishermen killed" in labels
    few = [f.label for f in build_figures([story[0], stray])]  # too few reports to judge
    assert "rhinoceros killed" in few


def test_the_report_a_sentence_points_back_to_is_the_one_named_before(nlp):
    text = ("Troops resumed talks with the gunmen on Friday, according to the state news agency, "
            "which cited a police source. The report said 30 hostages had been freed.")
    a = document(nlp, "a", text, T0)
    b = document(nlp, "b", "Thirty hostages were freed on Friday, police said.", T0 + timedelta(hours=1))
    f = figure(build_figures([a, b]), "hostages freed")
    assert f.values[0].attributed_to == "the state news agency"


def test_the_report_with_no_source_named_before_stays_the_report(nlp):
    a = document(nlp, "a", "Troops resumed talks on Friday. The report said 30 hostages had been freed.", T0)
    b = document(nlp, "b", "Thirty hostages were freed on Friday, police said.", T0 + timedelta(hours=1))
    f = figure(build_figures([a, b]), "hostages freed")
    assert f.values[0].attributed_to == "the report"


def test_a_part_told_of_one_place_is_left_out_of_the_reports_total(nlp):
    """A town's dead beside the report's nationwide toll are part of it, not a toll of their own."""
    a = document(nlp, "a", "The floods have killed at least 120 people across the region, officials said. "
                           "In Kano, where 40 people died, crowds dug through the mud.", T0)
    b = document(nlp, "b", "The floods have killed 130 people, the Red Cross said. "
                           "Thirty people were killed in that village alone.", T0 + timedelta(hours=5))
    f = figure(build_figures([a, b]), "people killed")
    assert [v.quote for v in f.values] == ["at least 120", "130"]


def test_a_smaller_count_not_told_of_a_place_stays(nlp):
    a = document(nlp, "a", "The floods have killed at least 120 people, officials said. "
                           "Earlier on Monday, officials said 90 people had been killed.", T0)
    b = document(nlp, "b", "The floods have killed 130 people, the Red Cross said.", T0 + timedelta(hours=5))
    assert "90" in [v.quote for v in figure(build_figures([a, b]), "people killed").values]


@pytest.mark.parametrize("history", [
    "An earlier quake killed 1,200 people in the same province.",
    "A prior blast at the same market left 1,200 people dead.",
    "Residents still mourn the 1,200 people killed in the previous attack on the town.",
])
def test_a_number_of_an_event_named_as_earlier_is_that_events(nlp, history):
    a = document(nlp, "a", "The quake killed at least 40 people on Tuesday. " + history, T0)
    b = document(nlp, "b", "The quake killed 52 people, officials said.", T0 + timedelta(days=1))
    assert [v.value for v in figure(build_figures([a, b]), "people killed").values] == [40, 52]


def test_a_place_naming_only_the_source_does_not_make_a_part(nlp):
    """"Lagos police said" names who counted, not where: the count is no part of the larger one."""
    a = document(nlp, "a", "The gunman killed 12 people on Friday, officials said. "
                           "Lagos police said nine people were killed at his old firm.", T0)
    b = document(nlp, "b", "The gunman killed 12 people, officials said.", T0 + timedelta(hours=5))
    assert 9 in [v.value for v in figure(build_figures([a, b]), "people killed").values]


def test_a_value_is_worded_by_the_days_first_report_in_prose_not_a_pages_teaser(nlp):
    teaser = document(nlp, "page", "com At least nine people were killed when the ferry sank, police said.", T0)
    report = document(nlp, "wire", "At least nine people were killed when the ferry sank off Osk, the coast "
                                   "guard said.", T0 + timedelta(hours=2))
    later = document(nlp, "late", "Twelve people were killed when the ferry sank off Osk.",
                     T0 + timedelta(hours=3))
    f = figure(build_figures([teaser, report, later]), "people killed")
    assert [(v.doc_id, v.value) for v in f.values] == [("wire", 9), ("late", 12)]
    assert f.values[0].also_in == ["page"] and f.values[0].attributed_to == "the coast guard"



def test_a_count_inside_an_including_phrase_is_a_part_not_a_second_value(nlp):
    a = document(nlp, "a", "More than 70 people were injured in the fire at the market, including 15 critically.", T0)
    b = document(nlp, "b", "Officials said more than 70 people were injured in the market fire.", T0 + timedelta(hours=2))
    f = figure(build_figures([a, b]), "people wounded")
    assert [v.value for v in f.values] == [70]


def test_a_party_total_with_its_lawmakers_shows_only_the_total(nlp):
    a = document(nlp, "a", "The junta has detained 540 of its members, including 88 elected members of "
                 "parliament, the party said on Friday.", T0)
    b = document(nlp, "b", "The party said 540 of its members had been detained by the junta.",
                 T0 + timedelta(hours=3))
    figures = build_figures([a, b])
    assert not [v for f in figures for v in f.values if v.value == 88]


def test_a_digests_briefs_of_other_stories_give_no_figures(nlp):
    # a wire digest runs one brief of this story among briefs of others; the others' tolls,
    # even when two digests repeat them, are not this story's figures
    lines = ["Two balloonists drifted over the Sahara on the twelfth day of their flight around the world.",
             "The balloonists hope to land their capsule in Egypt after circling the world."]
    story = [document(nlp, f"d{n}", lines[n % 2], T0 + timedelta(hours=n)) for n in range(3)]
    digest = ("RENO, Nev. (AP) -- A bus crash on a mountain highway killed 9 people on Sunday. "
              "CAIRO (AP) -- The two balloonists in their capsule neared Egypt on the twelfth day "
              "of their flight around the world. "
              "LIMA, Peru (AP) -- A mudslide buried a village, and 40 people were missing.")
    digests = [document(nlp, f"g{n}", digest, T0 + timedelta(hours=5 + n)) for n in range(2)]
    labels = [f.label for f in build_figures([*story, *digests])]
    assert "people killed" not in labels and "people missing" not in labels
