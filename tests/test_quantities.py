"""Numbers read from sentences: value, qualifier, counted thing, event, source, and the traps."""

from __future__ import annotations

import pytest

from storyline.models import Quantity
from storyline.quantities import find_quantities


def quantities(nlp, text: str) -> list[Quantity]:
    doc = nlp(text)
    return [q for sent in doc.sents for q in find_quantities(sent)]


def the(nlp, text: str, quote: str) -> Quantity:
    """The one quantity whose surface text is ``quote``."""
    found = [q for q in quantities(nlp, text) if q.text == quote]
    assert len(found) == 1, [q.text for q in quantities(nlp, text)]
    return found[0]


def keys(nlp, text: str) -> list[Quantity]:
    return [q for q in quantities(nlp, text) if q.key]


# --- phrasings from the seed reports ---------------------------------------------------

SEED_CASES = [
    ("At least 20 foreign hostages escaped from Islamist militants who had taken over an "
     "Algerian natural gas complex in the Sahara desert, an Algerian security official reported.",
     "At least 20", 20, "at least", "foreign hostages", "escaped", "an Algerian security official"),
    ("The militants, who claimed to have 41 hostages, have been in a tense standoff since then, "
     "surrounded by the Algerian military.",
     "41", 41, None, "hostages", "held", "the militants"),
    ("Some 30 Algerian workers fled the complex earlier in the day, suggesting that the militants "
     "are having trouble managing the many hostages they have taken.",
     "Some 30", 30, "about", "Algerian workers", "escaped", None),
    ("Two people, one a Briton and the other Algerian, were killed in the initial assault, which "
     "the U.S. defense secretary has called \"a terrorist attack.\"",
     "Two", 2, None, "people", "killed", None),
    ("About 60 foreign hostages are still unaccounted for three days into a bloody siege with "
     "militants at a gas plant deep in the Sahara, Algeria's state news service said Friday.",
     "About 60", 60, "about", "foreign hostages", "missing", "Algeria's state news service"),
    ("Algerian forces retaliated on Thursday by storming the plant in an attempted rescue "
     "operation that killed at least four hostages and left leaders around the world "
     "expressing strong concerns about the hostages' safety.",
     "at least four", 4, "at least", "hostages", "killed", None),
    ("Algeria's government has kept a tight grip on information, but it was clear that the "
     "militant assault that began Wednesday with an attempted bus hijacking has killed at least "
     "six people from the plant, and perhaps many more.",
     "at least six", 6, "at least", "people", "killed", None),
    ("The militants, meanwhile, offered to trade two American hostages for terror figures jailed "
     "in the United States, according to a statement received by a Mauritanian news site.",
     "two", 2, None, "American hostages", "traded", "a statement received by a Mauritanian news site"),
]


@pytest.mark.parametrize("text,quote,value,qualifier,counted,event,source", SEED_CASES)
def test_seed_phrasings(nlp, text, quote, value, qualifier, counted, event, source):
    q = the(nlp, text, quote)
    assert (q.value, q.qualifier, q.counted, q.event, q.attributed_to) == (
        value, qualifier, counted, event, source)
    assert q.key and not q.negated and not q.hedged


def test_two_people_killed_is_key_but_pronoun_one_is_not(nlp):
    text = SEED_CASES[3][0]
    assert [q.text for q in keys(nlp, text)] == ["Two"]
    one = the(nlp, text, "one")
    assert not one.key


def test_more_than_half_of_a_total_is_a_range_and_the_total_is_its_own_quantity(nlp):
    text = ("The report said ''more than half of the 132 hostages'' had been freed in the first "
            "two days, but it could not account for the remainder.")
    half = the(nlp, text, "more than half of the 132")
    assert half.value is None and (half.low, half.high) == (67, 131)
    assert (half.qualifier, half.counted, half.event, half.attributed_to) == (
        "more than", "hostages", "freed", "the report")
    total = the(nlp, text, "132")
    assert (total.value, total.counted, total.key) == (132, "hostages", True)
    assert total.event != "freed"
    assert not any(q.text == "two" for q in quantities(nlp, text))  # "first two days" is a duration


def test_fraction_of_a_whole_takes_the_event_and_the_whole_does_not(nlp):
    text = "Two-thirds of the 90 hostages were freed on Friday."
    share = the(nlp, text, "Two-thirds of the 90")
    assert (share.value, share.counted, share.event, share.key) == (60, "hostages", "freed", True)
    whole = the(nlp, text, "90")
    assert (whole.value, whole.event) == (90, "held")


def test_vague_hundreds_and_a_count_of_nations_as_a_fact(nlp):
    text = ("It was the latest surprising development in a hostage drama that began Wednesday when "
            "militants seized hundreds of workers from 10 nations at Algeria's remote plant.")
    hundreds = the(nlp, text, "hundreds")
    assert (hundreds.value, hundreds.low, hundreds.high) == (None, 200, 999)
    assert (hundreds.counted, hundreds.event, hundreds.key) == ("workers", "held", True)
    nations = the(nlp, text, "10")
    assert nations.counted == "nations" and nations.value == 10 and not nations.key


def test_dozens_of_hostages(nlp):
    q = the(nlp, "Officials were talking in hopes of mediating the dispute that involves dozens of hostages.",
            "dozens")
    assert (q.value, q.low, q.high, q.counted, q.key) == (None, 24, 99, "hostages", True)


def test_seven_included_in_a_capture_share_its_event(nlp):
    text = ("The group originally said it had captured 41 foreigners, including seven Americans, "
            "in the surprise attack.")
    q = the(nlp, text, "seven")
    assert (q.value, q.counted, q.event, q.attributed_to) == (7, "Americans", "held", "the group")


# --- reading numbers -------------------------------------------------------------------


@pytest.mark.parametrize("text,quote,value", [
    ("The fire destroyed 1,300 homes.", "1,300", 1300),
    ("Forty-one people were killed in the crash.", "Forty-one", 41),
    ("Police arrested a dozen protesters.", "a dozen", 12),
    ("Floods displaced 2.5 million people.", "2.5 million", 2_500_000),
    ("Two hundred and twenty workers were evacuated.", "Two hundred and twenty", 220),
])
def test_number_forms(nlp, text, quote, value):
    q = the(nlp, text, quote)
    assert q.value == value and q.low == q.high == value and q.key


def test_money_is_a_key_figure(nlp):
    q = the(nlp, "The kidnappers demanded $10,000 for each hostage.", "$10,000")
    # a sum per hostage is a rate: its label says so, and it is still a key figure
    assert (q.value, q.counted, q.event, q.key) == (10000, "dollars", "demanded per hostage", True)


@pytest.mark.parametrize("text,quote,low,high", [
    ("Dozens of people were arrested.", "Dozens", 24, 99),
    ("Scores of houses were damaged.", "Scores", 40, 99),
    ("Thousands of residents were evacuated.", "Thousands", 2000, 9999),
    ("Tens of thousands of people fled the fighting.", "Tens of thousands", 20000, 99999),
])
def test_vague_amounts_are_ranges_without_a_value(nlp, text, quote, low, high):
    q = the(nlp, text, quote)
    assert (q.value, q.low, q.high, q.key) == (None, low, high, True)


@pytest.mark.parametrize("text,quote,qualifier,low,high", [
    ("At least 20 people were killed.", "At least 20", "at least", 20, None),
    ("About 60 people were killed.", "About 60", "about", 54, 66),
    ("More than 20 people were killed.", "More than 20", "more than", 21, None),
    ("Over 100 people were wounded.", "Over 100", "more than", 101, None),
    ("Up to 20 people died.", "Up to 20", "up to", None, 20),
    ("Fewer than 30 workers escaped.", "Fewer than 30", "fewer than", None, 29),
    ("Nearly 60 hostages were freed.", "Nearly 60", "nearly", 54, 60),
    ("Roughly 50 people were injured.", "Roughly 50", "about", 45, 55),
    ("Between 20 and 30 people were arrested.", "Between 20 and 30", "between", 20, 30),
    ("Police said 15 people were killed.", "15", None, 15, 15),
])
def test_qualifiers_set_the_range(nlp, text, quote, qualifier, low, high):
    q = the(nlp, text, quote)
    assert (q.qualifier, q.low, q.high) == (qualifier, low, high)


@pytest.mark.parametrize("text,event,counted", [
    ("The death toll rose to 30 on Monday, officials said.", "killed", "people"),
    ("Rescuers found 20 dead in the rubble.", "killed", "people"),
    ("Twelve people were injured in the blast.", "wounded", "people"),
    ("Gunmen took 41 foreigners hostage.", "held", "foreigners"),
    ("Soldiers freed 12 hostages on Friday.", "freed", "hostages"),
    ("At least 40 people are missing after the flood.", "missing", "people"),
    ("Police arrested 12 suspects overnight.", "arrested", "suspects"),
    ("At least 20 were killed.", "killed", "people"),
    ("Officials evacuated 300 residents.", "evacuated", "residents"),
    ("Twelve workers escaped from the compound.", "escaped", "workers"),
    ("About 60 hostages remain unaccounted for.", "missing", "hostages"),
    ("The militants have taken 20 hostages.", "held", "hostages"),
    ("Floods displaced 2,000 families.", "displaced", "families"),
])
def test_events(nlp, text, event, counted):
    (q,) = keys(nlp, text)
    assert (q.event, q.counted) == (event, counted)


def test_attacker_count_is_not_a_casualty(nlp):
    (q,) = quantities(nlp, "Twenty gunmen killed four guards at the gate.")[:1]
    assert q.counted == "gunmen" and q.event != "killed"
    guards = the(nlp, "Twenty gunmen killed four guards at the gate.", "four")
    assert guards.event == "killed" and guards.counted == "guards"


def test_attribution_forms(nlp):
    assert the(nlp, "Five soldiers were killed, the army said.", "Five").attributed_to == "the army"
    assert the(nlp, "According to the Red Cross, 300 people were evacuated.", "300").attributed_to == "the Red Cross"
    assert the(nlp, "Five soldiers were killed in the ambush.", "Five").attributed_to is None


def test_offsets_are_document_offsets(nlp):
    text = "The storm hit on Monday. At least 12 people died, officials said."
    doc = nlp(text)
    found = [q for sent in doc.sents for q in find_quantities(sent)]
    (q,) = found
    assert text[q.start:q.end] == q.text == "At least 12"
    assert q.start > 20


def test_a_span_cut_from_a_sentence_reads_only_its_own_tokens(nlp):
    doc = nlp("Rebels said 12 soldiers were killed near the border yesterday.")
    span = doc[2:6]  # "12 soldiers were killed"
    (q,) = find_quantities(span)
    assert (q.text, q.event, q.attributed_to) == ("12", "killed", None)


# --- traps -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The mastermind of the 1993 World Trade Center bombing was jailed.",
    "Special forces train in Biskra in this June 28, 2007 file photo.",
    "A 7-year-old boy was among the dead.",
    "John Smith, 45, was killed in the attack.",
    "The victim, aged 45, died at the scene.",
    "The man, 34, had been treated at the burns unit since the blaze.",
    "The siege has lasted three days.",
    "Talks went on for 48 hours.",
    "The blast happened at 3 p.m. on Tuesday.",
])
def test_years_dates_ages_durations_and_times_are_never_key(nlp, text):
    assert keys(nlp, text) == []


def test_people_told_to_keep_something_are_not_held(nlp):
    text = "Residents of the town, about 4,000 people, were told to keep windows and doors closed."
    assert [q.event for q in quantities(nlp, text)] == [None]
    assert [(q.text, q.event) for q in quantities(nlp, "Police forced 1,500 people to evacuate.")] == [
        ("1,500", "evacuated")]


def test_ages_and_years_are_dropped_not_kept(nlp):
    assert [q.text for q in quantities(nlp, "John Smith, 45, was killed in 2013.")] == []


@pytest.mark.parametrize("text,quote", [
    ("The kidnapping is one of the largest ever attempted by a militant group.", "one"),
    ("The gas plant lies 1,300 kilometers south of the capital.", "1,300"),
    ("The plant is 800 miles (1,300 kilometers) south of Algiers.", "800"),
    ("Militants seized workers from 10 nations.", "10"),
    ("The fighting spread to two provinces.", "two"),
    ("The truck drove along Route 66 at night.", "66"),
    ("The plane was a Boeing 737 operated by the airline.", "737"),
    ("The storm strengthened to a Category 4 hurricane.", "4"),
    ("It is the third largest plant in Algeria.", "third"),
    ("Call 555-1234 for information about relatives.", "555"),
    ("The victim was listed as No. 3 on the list of the dead.", "3"),
    ("He was ranked #3 among the wounded.", "3"),
    ("086 crew on board for a cruise.", "086"),
])
def test_facts_are_kept_but_not_key(nlp, text, quote):
    q = next(q for q in quantities(nlp, text) if q.text.startswith(quote))
    assert not q.key


def test_no_one_was_killed_is_negated(nlp):
    qs = quantities(nlp, "No one was killed in the blast, police said.")
    assert qs and all(q.negated and not q.key for q in qs)


def test_negated_verb(nlp):
    q = the(nlp, "The militants did not kill 20 hostages.", "20")
    assert q.negated and not q.key and q.event == "killed"


def test_could_be_as_many_as_is_hedged(nlp):
    q = the(nlp, "The death toll could be as many as 50, officials said.", "as many as 50")
    assert q.hedged and (q.qualifier, q.high, q.event) == ("up to", 50, "killed")
    assert the(nlp, "If 20 hostages were freed, talks would resume.", "20").hedged


def test_reportedly_is_not_a_hypothetical(nlp):
    q = the(nlp, "Twenty people were reportedly killed in the raid.", "Twenty")
    assert q.key and not q.hedged and q.event == "killed"
    assert the(nlp, "Perhaps 30 people died in the raid.", "30").hedged


def test_increments_are_not_totals(nlp):
    assert keys(nlp, "Another 20 hostages escaped on Friday.") == []
    assert keys(nlp, "Twenty more people died overnight.") == []


# --- more event counts: outages, protests, incidents, money, hospital --------------------


@pytest.mark.parametrize("text,quote,counted,event", [
    ("More than 500,000 people were without power in the state.", "More than 500,000", "people", "without power"),
    ("About 250,000 customers lost power on Tuesday.", "About 250,000", "customers", "without power"),
    ("Winds left at least 16,900 customers without electricity.", "at least 16,900", "customers", "without power"),
    ("About 1,000 passengers were on board the train.", "About 1,000", "passengers", "on board"),
    ("Some 2,000 protesters gathered outside the embassy.", "Some 2,000", "protesters", "protested"),
    ("About 200 people demonstrated in front of the consulate.", "About 200", "people", "protested"),
    ("Twenty-one fires were set across the city overnight.", "Twenty-one", "fires", "incidents"),
    ("Some 140 fishermen were stranded off the coast.", "Some 140", "fishermen", "stranded"),
    ("Six people were taken to hospital.", "Six", "people", "wounded"),
    ("The storm affected more than 213,000 people.", "more than 213,000", "people", "affected"),
])
def test_more_events(nlp, text, quote, counted, event):
    q = the(nlp, text, quote)
    assert (q.counted, q.event, q.key) == (counted, event, True)


@pytest.mark.parametrize("text,quote,value,event", [
    ("Damage totaled $71.59 million.", "$71.59 million", 71_590_000, "in damage"),
    ("The quake caused $55 million in damage.", "$55 million", 55_000_000, "in damage"),
    ("A bail of $2.85 million was set.", "$2.85 million", 2_850_000, "bail"),
    ("The group pledged a $10,000 award to the officer.", "$10,000", 10_000, "pledged"),
])
def test_money_says_what_it_is_for(nlp, text, quote, value, event):
    q = the(nlp, text, quote)
    assert (q.value, q.counted, q.event, q.key) == (value, "dollars", event, True)


@pytest.mark.parametrize("text,quote,counted,event", [
    ("Soldiers gunned down at least 200 students in the square.", "at least 200", "students", "killed"),
    ("Hundreds of villagers were massacred by the militia.", "Hundreds", "villagers", "killed"),
    ("The commission found that 2,100 people were killed or disappeared under the junta.",
     "2,100", "people", "killed or missing"),
])
def test_killings_told_in_other_verbs(nlp, text, quote, counted, event):
    q = the(nlp, text, quote)
    assert (q.counted, q.event, q.key) == (counted, event, True)


@pytest.mark.parametrize("text,quote,counted", [
    ("About 70 men, women and children marched through the town on Sunday.", "About 70", "people"),
    ("The fire killed four boys and their father.", "four", "boys"),
    ("The blast killed 12 soldiers and 3 civilians.", "12", "soldiers"),
])
def test_one_number_for_a_list_of_people_counts_them_all(nlp, text, quote, counted):
    assert the(nlp, text, quote).counted == counted


@pytest.mark.parametrize("text,quote,negated", [
    ("The ministry did not say who had employed the three.", "three", True),
    ("The army did not confirm that 40 rebels were killed.", "40", True),
    ("Officials said 30 people were killed, but did not say how many were wounded.", "30", False),
])
def test_what_a_source_does_not_say_it_does_not_report(nlp, text, quote, negated):
    q = the(nlp, text, quote)
    assert (q.negated, q.key) == (negated, not negated)


@pytest.mark.parametrize("text,quote,key", [
    ("During the scuffle, one protester shouted at the officers.", "one", False),
    ("About 400 protesters gathered outside the ministry.", "About 400", True),
])
def test_one_protester_is_no_crowd(nlp, text, quote, key):
    assert the(nlp, text, quote).key == key


@pytest.mark.parametrize("text,quote,source", [
    ("Militants put a $2 million bounty on the writer's head.", "$2 million", None),
    ("Officials put the death toll at 45.", "45", "officials"),
])
def test_putting_a_bounty_reports_nothing(nlp, text, quote, source):
    assert the(nlp, text, quote).attributed_to == source


def test_wire_abbreviation_of_dollars_is_money(nlp):
    q = the(nlp, "The government distanced itself from a dlrs 1.5 million reward for his capture.",
            "dlrs 1.5 million")
    assert (q.value, q.counted, q.event, q.key) == (1_500_000, "dollars", "reward", True)


def test_an_accusation_is_given_by_who_accuses(nlp):
    q = the(nlp, "The rights group accused the army of killing hundreds of civilians in the north.", "hundreds")
    assert (q.counted, q.event, q.attributed_to) == ("civilians", "killed", "the rights group")


def test_it_accusing_inside_a_statement_is_whoever_issued_it(nlp):
    text = "The rights group published a statement in which it accused the army of killing hundreds of villagers."
    q = the(nlp, text, "hundreds")
    assert (q.event, q.attributed_to) == ("killed", "the rights group")


@pytest.mark.parametrize("text,quote,value,event", [
    ("The family is asking for $4 million in damages from the landlord.", "$4 million", 4_000_000, "demanded"),
    ("The band is suing the website for $5 million in damages.", "$5 million", 5_000_000, "demanded"),
    ("A jury ordered the firm to pay $2.5 million in punitive damages to a former worker.",
     "$2.5 million", 2_500_000, "awarded"),
    ("The flooding caused $30 million in damages to roads and bridges.", "$30 million", 30_000_000, "in damage"),
])
def test_damages_claimed_in_court_are_no_damage_done(nlp, text, quote, value, event):
    q = the(nlp, text, quote)
    assert (q.value, q.counted, q.event, q.key) == (value, "dollars", event, True)


@pytest.mark.parametrize("text", [
    "A 7.4 magnitude quake struck off the coast.",  # a magnitude, not a count of quakes
    "The 2003 fires burned for weeks.",  # a year before an incident noun
    "The blast happened at 12.31 on Monday.",  # a time of day
    "Bombs went off in 11 locations across the city.",  # places
    "Customers were told to call 555-1234 if they lost power.",  # a phone number
    'Photo: "width=" 165 "height=" 175 "title=" Bombings in the capital',  # page attributes
    "Initial reports said 23 trees were uprooted.",  # displacement counts people
])
def test_incident_and_money_traps_are_not_key(nlp, text):
    assert keys(nlp, text) == []


def test_rupees_in_lakhs(nlp):
    q = the(nlp, "The party announced Rs. 3 lakhs aid to families of those killed.", "Rs. 3 lakhs")
    assert (q.value, q.counted, q.event, q.key) == (300_000, "rupees", "in aid", True)


def test_the_cause_is_not_the_victim(nlp):
    text = "The flood destroyed 200 homes and killed 12 people."
    assert [(q.text, q.event) for q in keys(nlp, text)] == [("200", "damaged"), ("12", "killed")]
    for headline in ("The storm left 12 people dead.", "Eight-storey building collapses, 82 killed"):
        assert [(q.counted, q.event) for q in keys(nlp, headline)] == [("people", "killed")]


# --- parses that hide the event --------------------------------------------------------


@pytest.mark.parametrize("text,quote,counted,event", [
    ("It employed between 1,200 and 1,500 workers.", "between 1,200 and 1,500", "workers", "employed"),
    ("The storm killed over 100 people.", "over 100", "people", "killed"),
    ("About 212,000 people have been left homeless.", "About 212,000", "people", "displaced"),
    ("Some 30 hostages are missing.", "Some 30", "hostages", "missing"),
    ("Syria: 80 dead, 160 wounded in Aleppo blast", "80", "people", "killed"),
    ("Syria: 80 dead, 160 wounded in Aleppo blast", "160", "people", "wounded"),
    ("Police say a bomber detonated a bomb at the embassy; 2 killed", "2", "people", "killed"),
    ("Two blasts rock the city, 15 dead 40 injured", "15", "people", "killed"),
    ("Two blasts rock the city, 15 dead 40 injured", "40", "people", "wounded"),
    ("The Coast Guard has rescued 14 members of the crew forced to abandon the ship.", "14",
     "members", "rescued"),
    ("Officials told its 53000 residents to leave ahead of the storm.", "53000", "residents",
     "evacuated"),
])
def test_events_hidden_by_the_parse(nlp, text, quote, counted, event):
    q = the(nlp, text, quote)
    assert (q.counted, q.event, q.key) == (counted, event, True)


def test_a_bare_number_killed_is_a_toll_not_attackers(nlp):
    text = "Dilsukhnagar Serial Bomb Blasts: at least 20 killed http://example.com/blasts"
    assert all(q.event != "attacked" for q in quantities(nlp, text))
    assert the(nlp, "At least 20 gunmen attacked the complex.", "At least 20").event == "attacked"
    assert keys(nlp, "Eight people had been taking part in the drill when the boat fell.") == []


@pytest.mark.parametrize("text,quote,counted,event", [
    ("A total of 14 candidates have been murdered.", "14", "candidates", "killed"),
    ("The train was carrying between 800 and 1,000 commuters.", "between 800 and 1,000",
     "commuters", "on board"),
    ("It was one of about 80 homes that burned down overnight.", "about 80", "homes", "damaged"),
    ("At least 30 houses collapsed in the village.", "At least 30", "houses", "damaged"),
])
def test_totals_carried_people_and_burned_homes(nlp, text, quote, counted, event):
    q = the(nlp, text, quote)
    assert (q.counted, q.event, q.key) == (counted, event, True)


@pytest.mark.parametrize("text", [
    "The truck was carrying two bags of rice.",  # carrying things is no count of people
    "Three people burned their papers.",  # people who burn something are not damage
])
def test_carry_counts_people_and_burn_counts_things(nlp, text):
    assert keys(nlp, text) == []


def test_damage_worth_an_amount(nlp):
    q = the(nlp, "The storm caused crop damage worth about 8.5 billion pesos.", "about 8.5 billion")
    assert (q.value, q.counted, q.event, q.key) == (8_500_000_000, "pesos", "in damage", True)


@pytest.mark.parametrize("text,quote,counted", [
    ("Three gunmen opened fire on the crowd.", "Three", "gunmen"),
    ("Four men in black came in and opened fire on the worshippers.", "Four", "men"),
    ("The offensive by some 1,200 rebel fighters began at dawn.", "some 1,200", "rebel fighters"),
])
def test_attackers_who_open_fire_or_lead_an_offensive(nlp, text, quote, counted):
    q = the(nlp, text, quote)
    assert (q.counted, q.event, q.key) == (counted, "attacked", True)


def test_a_later_verb_with_no_subject_of_its_own_shares_it(nlp):
    q = the(nlp, "Ten villagers gathered outside and protested.", "Ten")
    assert (q.event, q.key) == ("protested", True)
    assert keys(nlp, "Two men came to the office and left.") == []


def test_compound_number_words_are_tens_then_units(nlp):
    assert the(nlp, "Forty-one hostages were held.", "Forty-one").value == 41
    words = [q.value for q in quantities(nlp, "Between ten and ten-thirty, four men came in.")]
    assert 40 not in words and 4 in words


@pytest.mark.parametrize("text,quote,event", [
    ("In a separate fire, 11 people were burnt to death.", "11", "killed"),
    ("Twenty three workers burned to death in the factory.", "Twenty three", "killed"),
    ("More than 50 people sustained injuries in the blasts.", "More than 50", "wounded"),
    ("At least 10 people have been pronounced dead.", "At least 10", "killed"),
    ("Three men were found dead in the rubble.", "Three", "killed"),
])
def test_deaths_and_injuries_told_with_other_verbs(nlp, text, quote, event):
    q = the(nlp, text, quote)
    assert (q.event, q.key) == (event, True)


def test_who_shot_others_to_death_is_not_killed(nlp):
    assert the(nlp, "Two gunmen shot five people to death.", "Two").event != "killed"


@pytest.mark.parametrize("text,quote,event", [
    ("The collapse claimed 72 lives.", "72", "killed"),
    ("More than 100 lives were lost.", "More than 100", "killed"),
    ("The number of dead rose to 60.", "60", "killed"),
    ("The number of injured reached 200.", "200", "wounded"),
])
def test_lives_lost_and_the_number_of_dead(nlp, text, quote, event):
    q = the(nlp, text, quote)
    assert (q.counted, q.event, q.key, q.attributed_to) == ("people", event, True, None)


def test_lives_saved_are_no_toll(nlp):
    assert keys(nlp, "Firefighters saved 20 lives.") == []


@pytest.mark.parametrize("text,quote,counted,event", [
    ("The storm had left nearly 200,000 people homeless, 380 people missing, and more than "
     "300 people dead.", "more than 300", "people", "killed"),
    ("The storm had left nearly 200,000 people homeless, 380 people missing, and more than "
     "300 people dead.", "nearly 200,000", "people", "displaced"),
    ("Two factory fires have claimed the lives of almost 200 workers.", "almost 200", "workers",
     "killed"),
    ("Police took into custody five people after the collapse.", "five", "people", "arrested"),
])
def test_lists_of_tolls_lives_of_and_custody(nlp, text, quote, counted, event):
    q = the(nlp, text, quote)
    assert (q.counted, q.event, q.key) == (counted, event, True)


def test_survivors_pulled_out_are_rescued_and_bodies_are_dead(nlp):
    q = the(nlp, "So far some 1,400 survivors have been pulled out of the rubble.", "some 1,400")
    assert (q.event, q.key) == ("rescued", True)
    assert the(nlp, "Rescuers pulled 20 bodies from the rubble.", "20").event == "killed"


def test_a_vehicle_crowded_with_people_counts_them_on_board(nlp):
    q = the(nlp, "The train, which was overcrowded with more than a thousand passengers, crashed.",
            "more than a thousand")
    assert (q.counted, q.event, q.key) == ("passengers", "on board", True)
    assert keys(nlp, "The truck was packed with 60 boxes.") == []


def test_uprooted_families_are_displaced(nlp):
    q = the(nlp, "The floods uprooted 5,000 families.", "5,000")
    assert (q.counted, q.event, q.key) == ("families", "displaced", True)


@pytest.mark.parametrize("text", [
    "Nationalists have demonstrated three reasons for the vote.",  # what was shown, not who
    "The villagers fled their two homes.",
])
def test_the_object_of_a_verb_that_counts_its_subject_is_no_figure(nlp, text):
    assert keys(nlp, text) == []


def test_bodies_found_after_a_collapse_are_dead_not_damage(nlp):
    q = the(nlp, "Building Collapsed 371 dead body found, many still missing", "371")
    assert (q.event, q.key) == ("killed", True)


def test_a_thousands_separator_split_by_scraping_is_one_number(nlp):
    q = the(nlp, "The ship was carrying more than 4, 000 passengers.", "more than 4, 000")
    assert (q.value, q.counted, q.event) == (4000, "passengers", "on board")
    assert [q.value for q in keys(nlp, "The death toll rose to 15, 119 injured.")] == [15, 119]


@pytest.mark.parametrize("text,quote,counted", [
    ("Explosions rocked the town on Tuesday, killing and wounding scores of people, police said.",
     "scores", "people"),
    ("A series of blasts killed and injured dozens of civilians in the market.", "dozens", "civilians"),
    ("Dozens were killed or seriously injured in the blast.", "Dozens", "people"),
])
def test_two_verbs_sharing_one_count_count_the_casualties(nlp, text, quote, counted):
    q = the(nlp, text, quote)
    assert (q.counted, q.event, q.key) == (counted, "killed or wounded", True)


def test_each_verb_with_its_own_count_keeps_its_event(nlp):
    text = "The train hit the buffers, killing 49 people and injuring at least 600 passengers."
    assert the(nlp, text, "49").event == "killed"
    assert the(nlp, text, "at least 600").event == "wounded"
    text = "At least 22 people were killed and over 64 injured when the building collapsed."
    assert (the(nlp, text, "At least 22").event, the(nlp, text, "over 64").event) == ("killed", "wounded")


def test_buried_victims_are_dead_unless_buried_under_rubble(nlp):
    q = the(nlp, "The nation will bury the more than 200 victims of the blasts on Saturday.",
            "more than 200")
    assert (q.counted, q.event) == ("victims", "killed")
    assert the(nlp, "Ten workers were buried under the rubble.", "Ten").event == "trapped"


def test_a_reported_clause_about_others_gives_no_event(nlp):
    # the headline's number was killed; the officials' clause is about "many of the workers"
    q = the(nlp, "Hundreds killed in factory fire (AM) Pakistani officials say many of the "
            "workers were trapped.", "Hundreds")
    assert q.event == "killed"
    q = the(nlp, "An estimated 14,000 people found themselves homeless.", "An estimated 14,000")
    assert q.event == "displaced"


@pytest.mark.parametrize("text,quote,event", [
    ("Colorado theater shooting (Update) 12 dead, 59 injured Order: Reorder Duration: 7:10", "59", "wounded"),
    ("At least 72 killed and more than 180 wounded Scores of people have died in Baghdad.",
     "more than 180", "wounded"),
    ("Suicide Bombing At US Embassy In Ankara, 2 Dead turkey bombing us embassy.", "2", "killed"),
])
def test_a_headline_toll_run_into_the_next_headline_counts_people(nlp, text, quote, event):
    q = the(nlp, text, quote)
    assert (q.counted, q.event, q.key) == ("people", event, True)


def test_a_nationality_after_the_adjective_is_still_counted(nlp):
    q = the(nlp, "The attack left 14 dead Americans.", "14")
    assert (q.counted, q.event) == ("dead Americans", "killed")


def test_money_per_unit_is_a_rate_not_a_percentage(nlp):
    q = the(nlp, "The government imposes a fine of about $300 per square meter of damaged reef.",
            "about $300")
    assert (q.value, q.counted, q.event, q.key) == (300, "dollars", "fined per square meter", True)
    assert keys(nlp, "Unemployment rose 5 per cent.") == []


def test_a_headline_participle_names_victims_not_attackers(nlp):
    q = the(nlp, "Three Kiwis killed in Kenya bus crash Egypt building collapse kills 14", "Three")
    assert (q.counted, q.event) == ("Kiwis", "killed")
    assert the(nlp, "Four gunmen attacked the temple.", "Four").event == "attacked"


def test_a_preposition_before_the_noun_is_a_place_not_the_counted_thing(nlp):
    q = the(nlp, "Suicide bomber kills 2 outside US embassy in Turkey USA TODAY", "2")
    assert (q.counted, q.event) == ("people", "killed")


@pytest.mark.parametrize("text,quote,value", [
    ("There were about half a dozen aftershocks.", "about half a dozen", 6),
    ("More than a quarter of a million people have fled the country.",
     "More than a quarter of a million", 250_000),
    ("Half a million people were left without power.", "Half a million", 500_000),
])
def test_a_share_of_a_number_word_is_that_share(nlp, text, quote, value):
    assert the(nlp, text, quote).value == value


def test_half_an_hour_is_no_count(nlp):
    assert keys(nlp, "The quake lasted half an hour.") == []


@pytest.mark.parametrize("text,quote", [
    ("An adviser said around 200 people had been killed before later revising the estimate "
     "down to 120.", "120"),
    ("Officials revised the number of dead to 120.", "120"),
])
def test_a_revised_count_keeps_the_event_it_counts(nlp, text, quote):
    q = the(nlp, text, quote)
    assert (q.counted, q.event, q.key) == ("people", "killed", True)


def test_a_figure_raised_without_a_told_event_is_no_toll(nlp):
    assert keys(nlp, "Police raised the figure to 15.") == []


def test_a_denied_number_is_negated_but_the_officials_own_count_is_not(nlp):
    text = ("Officials in Tarsk denied social media reports that 100 people had died in the stadium "
            "crush, saying 8 people were killed.")
    assert the(nlp, text, "100").negated
    eight = the(nlp, text, "8")
    assert not eight.negated and eight.event == "killed"


def test_a_venue_holding_people_is_a_capacity_not_captives(nlp):
    assert the(nlp, "The stadium holds 30,000 people and was full, the club said.", "30,000").event != "held"
    assert the(nlp, "The militants held 41 hostages at the plant.", "41").event == "held"


# --- numbers a report says are wrong or old (s8 audit) -----------------------------------


@pytest.mark.parametrize("text,old,new", [
    ("A previous version of this article misstated the death toll as 19. The toll is 17.", "19", "17"),
    ("The death toll rose to 33, up from 28 a day earlier, police said.", "28", "33"),
    ("Rescuers found 33 bodies on Friday, raising an earlier toll of 28, the mayor said.", "28", "33"),
])
def test_a_corrected_or_superseded_number_is_no_key_figure(nlp, text, old, new):
    assert not the(nlp, text, old).key
    current = the(nlp, text, new)
    assert current.key and current.event == "killed"


@pytest.mark.parametrize("text,quote", [
    ("The ministry revised the death toll down from 90 on Thursday.", "90"),
    ("An earlier version of this story said 40 people had died.", "40"),
    ("The agency wrongly reported 30 deaths on Monday.", "30"),
])
def test_old_and_retracted_tolls_are_facts(nlp, text, quote):
    assert not the(nlp, text, quote).key


def test_a_wrong_act_is_not_a_wrong_number(nlp):
    q = the(nlp, "Police wrongly detained 12 protesters on Monday.", "12")
    assert q.key and q.event == "arrested"


def test_a_toll_that_passed_a_mark_is_more_than_it_and_told_by_the_speaker(nlp):
    q = the(nlp, "The city imposed a curfew on Monday as the number of injured passed 200, "
                 "the police said.", "200")
    assert (q.qualifier, q.low, q.high, q.event) == ("more than", 201, None, "wounded")
    assert q.attributed_to == "the police"  # not the city, which imposed a curfew
    assert the(nlp, "Lawmakers passed 3 bills on Monday.", "3").qualifier is None


@pytest.mark.parametrize("text,quote,event", [
    ("The bidder offered 25 euros a share for the chain.", "25", "offered per share"),
    ("Acme offered $2 billion for the chain, or $31 per share, the company said.", "$31",
     "offered per share"),
    ("The firm paid a fine of $300 a day.", "$300", "fined per day"),
    ("Acme offered $2 billion for the chain, or $31 per share, the company said.", "$2 billion",
     "offered"),
    ("Acme raised its bid for the chain to $2.5 billion.", "$2.5 billion", "offered"),
])
def test_money_per_share_or_day_is_a_rate_apart_from_the_total(nlp, text, quote, event):
    q = the(nlp, text, quote)
    assert (q.counted, q.event, q.key) == ("dollars" if "$" in quote else "euros", event, True)


@pytest.mark.parametrize("text,quote,counted", [
    ("Around 5,000 dockworkers walked off the job on Monday.", "Around 5,000", "dockworkers"),
    ("Some 2,000 nurses went on strike on Monday.", "Some 2,000", "nurses"),
])
def test_workers_who_walk_out_are_on_strike(nlp, text, quote, counted):
    q = the(nlp, text, quote)
    assert (q.counted, q.event, q.key) == (counted, "on strike", True)


def test_gunmen_who_struck_are_not_strikers(nlp):
    assert the(nlp, "Three gunmen struck at dawn.", "Three").event != "on strike"


def test_the_number_another_source_puts_on_the_last_count_is_that_count(nlp):
    text = "The union said 6,000 workers were on strike. The employers put the number at 4,500."
    q = the(nlp, text, "4,500")
    assert (q.counted, q.event, q.attributed_to, q.key) == ("workers", "on strike", "the employers", True)
    assert not the(nlp, "Police put the number at 200.", "200").key


@pytest.mark.parametrize("text,quote,event", [
    ("About 40 ships were waiting at anchor.", "About 40", "stranded"),
    ("Clearing the backlog of about 80 ships will take a week.", "about 80", "stranded"),
    ("About 300 people waited in line to vote.", "About 300", None),
])
def test_vessels_waiting_or_in_a_backlog_are_stranded_people_in_a_queue_are_not(nlp, text, quote, event):
    assert the(nlp, text, quote).event == event


# --- counts an editor's audit found misread ---------------------------------------------

@pytest.mark.parametrize("text,quote", [
    ("The storm flattened villages, forcing about 2,500 villagers from their homes.", "about 2,500"),
    ("Officials said some 6,000 people have now left their homes.", "some 6,000"),
    ("More than 900 families were driven from their houses by the rising river.", "More than 900"),
    ("About 400 residents fled their homes overnight.", "About 400"),
    ("The number of people forced from their homes has passed 7,000.", "7,000"),
])
def test_people_out_of_their_homes_are_displaced(nlp, text, quote):
    q = the(nlp, text, quote)
    assert q.event == "displaced"
    assert q.key


def test_residents_who_left_the_city_hall_are_not_displaced(nlp):
    q = the(nlp, "About 300 protesters left the square after midnight.", "About 300")
    assert q.event != "displaced"


def test_an_ordinal_victim_who_died_states_the_running_toll(nlp):
    q = the(nlp, "A fifth miner died in hospital on Sunday, the ministry said.", "fifth")
    assert (q.value, q.event, q.key) == (5, "killed", True)


def test_an_ordinal_day_is_no_toll(nlp):
    found = [q for q in keys(nlp, "Rescuers searched for a third day on Sunday.")]
    assert found == []


def test_a_part_told_beside_a_count_is_not_a_second_total(nlp):
    text = "Clinics were treating 52 injured, nine of them in critical condition."
    assert the(nlp, text, "52").key
    assert not the(nlp, text, "nine").key


def test_a_part_with_its_own_verb_counts_the_group_it_points_back_to(nlp):
    q = the(nlp, "The ferry carried 60 passengers and seven of them were injured.", "seven")
    assert (q.counted, q.event, q.key) == ("passengers", "wounded", True)


def test_people_hurt_beside_the_dead_are_a_wounded_range(nlp):
    q = the(nlp, "The crash killed two drivers and injured between 15 and 20 passengers.", "between 15 and 20")
    assert (q.low, q.high, q.event, q.key) == (15, 20, "wounded", True)


@pytest.mark.parametrize("text,quote", [
    ("Troops freed the last 9 captives on Friday.", "9"),
    ("Rebels released another 9 hostages on Friday.", "9"),
    ("Rebels released 9 more hostages on Friday.", "9"),
])
def test_a_further_release_is_an_increment_not_a_new_total(nlp, text, quote):
    assert not the(nlp, text, quote).key


def test_home_hung_on_the_people_not_the_verb_still_displaces(nlp):
    q = the(nlp, "The river flooded the valley on Monday, forcing about 1,200 residents from their homes.",
            "about 1,200")
    assert (q.event, q.key) == ("displaced", True)


# --- land burned or flooded, jobs cut --------------------------------------------------

@pytest.mark.parametrize("text,quote,event", [
    ("The brush fire has burned 4,300 hectares since Friday.", "4,300", "burned"),
    ("About 900 hectares had burned by Sunday evening, officials said.", "About 900", "burned"),
    ("The blaze scorched 6,100 hectares of pine forest.", "6,100", "burned"),
    ("The wildfire grew overnight to some 2,500 acres, the forest service said.", "some 2,500", "burned"),
    ("Floodwaters have covered 52,000 hectares of rice fields.", "52,000", "flooded"),
    ("The river inundated 80 square kilometres of farmland.", "80", "flooded"),
    ("The burned area rose to 1,700 hectares on Tuesday.", "1,700", "burned"),
    ("The flooded area now covers 9,000 hectares.", "9,000", "flooded"),
])
def test_land_a_fire_burned_or_a_flood_covered_is_key(nlp, text, quote, event):
    q = the(nlp, text, quote)
    assert (q.event, q.key) == (event, True)


@pytest.mark.parametrize("text,quote", [
    ("A fire broke out on a farm of 400 hectares near the village.", "400"),
    ("The family owns 250 acres of orchards.", "250"),
    ("The fire was 30 kilometres from the town.", "30"),
])
def test_an_area_that_only_describes_land_is_a_plain_measure(nlp, text, quote):
    assert not the(nlp, text, quote).key


@pytest.mark.parametrize("text,quote,counted", [
    ("Norvana will cut 2,300 jobs over two years, the bank said.", "2,300", "jobs"),
    ("The airline said it would eliminate about 900 positions.", "about 900", "positions"),
    ("The retailer plans to lay off 650 employees at its warehouses.", "650", "employees"),
    ("About 420 workers will be laid off, the union said.", "About 420", "workers"),
    ("The carmaker announced 3,000 job cuts in Germany.", "3,000", "job cuts"),
])
def test_jobs_cut_are_key_and_an_announced_cut_is_not_hedged(nlp, text, quote, counted):
    q = the(nlp, text, quote)
    assert (q.counted, q.event, q.key, q.hedged) == (counted, "cut", True, False)


def test_a_total_after_job_cuts_counts_them_and_may_stays_hedged(nlp):
    q = the(nlp, "The job cuts hit the design studios too, staff said, and the total may exceed 900.", "900")
    assert (q.counted, q.event, q.qualifier, q.hedged) == ("jobs", "cut", "more than", True)


@pytest.mark.parametrize("text,quote", [
    ("The new factory will create 1,100 jobs.", "1,100"),
    ("The flood cut off 1,200 people in the valley.", "1,200"),
    ("The company might cut 500 jobs next year.", "500"),
])
def test_jobs_created_people_cut_off_or_a_possible_cut_are_no_cut(nlp, text, quote):
    q = the(nlp, text, quote)
    assert q.event != "cut" or q.hedged


def test_an_area_naming_a_fire_is_its_size_in_plural_words(nlp):
    q = the(nlp, "Crews battled the 6,000-acre blaze near the town.", "6,000")
    assert (q.counted, q.event, q.key) == ("acres", "burned", True)
    assert not the(nlp, "The fire broke out on a 300-hectare farm.", "300").key


def test_people_slashed_with_a_knife_are_no_job_cut(nlp):
    q = the(nlp, "A man slashed two people with a knife at the station.", "two")
    assert q.event != "cut"


def test_an_event_adjective_right_after_the_count_names_its_event(nlp):
    text = "Divers had ended the search with 9 people still unaccounted for, the coast guard said."
    assert [(q.text, q.event, q.key) for q in quantities(nlp, text)] == [("9", "missing", True)]


def test_a_rescue_is_told_as_a_rescue_and_a_release_as_freed(nlp):
    rescued = quantities(nlp, "Gen. Shikder said 600 people had been rescued.")
    assert [(q.text, q.counted, q.event, q.key) for q in rescued] == [("600", "people", "rescued", True)]
    noun = quantities(nlp, "The rescue of 45 people trapped in the debris took all night.")
    assert [(q.text, q.event) for q in noun] == [("45", "rescued")]
    released = quantities(nlp, "The militants released 20 hostages on Friday.")
    assert [(q.text, q.event) for q in released] == [("20", "freed")]


def test_injured_people_pulled_out_are_a_wounded_count_but_freed_hostages_stay_freed(nlp):
    pulled = quantities(nlp, "Rescue workers pulled 22 injured people from the wreckage.")
    assert [(q.text, q.event) for q in pulled] == [("22", "wounded")]
    freed = quantities(nlp, "Troops freed 20 injured hostages.")
    assert [(q.text, q.event) for q in freed] == [("20", "freed")]


@pytest.mark.parametrize("text,quote", [
    ("A seven storied hotel collapsed in the old town on Monday.", "seven"),
    ("Six story tower collapses in the port city.", "Six"),
])
def test_storeys_are_a_buildings_size_not_a_count_of_buildings(nlp, text, quote):
    q = the(nlp, text, quote)
    assert not q.key
    # a count of things or people without the plural (a headline's typo) stays a count
    assert the(nlp, "Two buildings collapsed in the old town.", "Two").key
    typo = the(nlp, "Officials said 250 mill worker died in the fire.", "250")
    assert (typo.event, typo.key) == ("killed", True)


def test_a_thousands_separator_split_after_a_qualifier_is_one_number(nlp):
    q = the(nlp, "Over 2, 300 people have been rescued so far, the army said.", "Over 2, 300")
    assert (q.value, q.qualifier, q.event) == (2300, "more than", "rescued")
    listed = [q.text for q in quantities(nlp, "The toll rose to 12, 140 injured.")]
    assert listed == ["12", "140"]  # a toll and a wounded count, not 12,140


def test_a_toll_noun_keeps_its_own_event_beside_another_count(nlp):
    q = the(nlp, "The quake has caused 90 deaths and over 700 injured, the ministry said.", "90")
    assert (q.event, q.key) == ("killed", True)
    q = the(nlp, "The mudslide buried the village, leaving scores homeless and more than 60 fatalities.",
            "more than 60")
    assert q.event == "killed"


def test_bodies_are_the_dead_whatever_was_done_with_them(nlp):
    q = the(nlp, "Divers have evacuated 40 bodies from the sunken ferry.", "40")
    assert q.event == "killed"


def test_a_plural_count_is_no_subject_of_a_singular_verb(nlp):
    text = "Dozens dead after mall 3000 shoppers inside collapses near river town market fire kills 12"
    q = the(nlp, text, "3000")
    assert q.event != "attacked"
    assert the(nlp, "Twenty gunmen stormed the compound at dawn.", "Twenty").event == "attacked"


def test_a_count_right_after_an_objectless_killing_verb_is_its_object(nlp):
    text = ("The owner of a mill that burned and killed at least 120 workers was arrested on "
            "Friday as he tried to cross the border.")
    q = the(nlp, text, "at least 120")
    assert (q.event, q.counted) == ("killed", "workers")


@pytest.mark.parametrize("text,quote", [
    ("Ferry fire leaves 40 dead World Radio - 15 horas atras A warehouse burns near the docks.", "15"),
    ("Ver esta pagina 3 dia atras -- A warehouse burned down near the port on Monday.", "3"),
])
def test_a_time_ago_stamp_in_any_language_is_no_figure(nlp, text, quote):
    assert quote not in [q.text for q in quantities(nlp, text)]


def test_people_forced_to_flee_their_homes_are_displaced_not_escaped(nlp):
    q = the(nlp, "Rising water forced more than 30,000 people to flee their homes.", "more than 30,000")
    assert q.event == "displaced"


def test_people_buried_at_a_funeral_are_dead_not_trapped(nlp):
    assert the(nlp, "More than 80 were buried in a mass grave on Sunday.", "More than 80").event == "killed"
    assert the(nlp, "The mudslide buried 15 people.", "15").event == "trapped"


@pytest.mark.parametrize("text,quote,value,counted", [
    ("The outage affected more than 300m people across the north.", "more than 300m", 300e6, "people"),
    ("The documentary cost $4m to make.", "$4m", 4e6, "dollars"),
    ("Flood losses hit 3bn euros this year.", "3bn", 3e9, "euros"),
])
def test_a_scale_written_short_is_millions_or_billions(nlp, text, quote, value, counted):
    q = the(nlp, text, quote)
    assert (q.value, q.counted) == (value, counted)
    # an "m" before a thing or an adjective is metres
    assert [q.value for q in quantities(nlp, "The wave was 10m high.")] == [10]
    assert [q.value for q in quantities(nlp, "A 50m pool was flooded.")] == [50]


def test_the_included_share_the_role_of_the_group_named_just_before_them(nlp):
    text = ("Rocket and mortar fire across the valley killed at least eleven people on Monday, "
            "including four members of the police, officials said.")
    assert the(nlp, text, "four").event == "killed"


def test_things_that_demonstrate_or_rally_are_no_protest(nlp):
    text = "The 30 raids demonstrated how weak the truce had become."
    assert the(nlp, text, "30").event != "protested"
    assert the(nlp, "About 800 students demonstrated outside the ministry.", "About 800").event == "protested"


@pytest.mark.parametrize("text,quote", [
    ("Road accidents are common there: some 300 people die monthly on the highways.", "some 300"),
    ("At the peak of the epidemic, up to 5,000 died each month.", "up to 5,000"),
    ("An average of four fires broke out each week.", "four"),
])
def test_a_count_per_period_is_a_rate_not_a_figure(nlp, text, quote):
    assert not the(nlp, text, quote).key
    assert the(nlp, "The blast killed 25 people on Monday.", "25").key


def test_a_number_in_words_keeps_its_comma(nlp):
    text = "A local council said two thousand, four hundred homes were destroyed by the floods."
    q = the(nlp, text, "two thousand, four hundred")
    assert (q.value, q.event, q.key) == (2400, "damaged", True)


def test_speakers_run_on_after_a_toll_are_not_the_counted_victims(nlp):
    text = "A tram hit a stalled truck in the city centre at dawn, killing 9 people and injuring at least 70 officials said."
    q = the(nlp, text, "at least 70")
    assert (q.counted, q.event) == ("people", "wounded")


def test_a_space_as_thousands_separator_is_one_number(nlp):
    q = the(nlp, "The floods have displaced 120 000 people in the delta.", "120 000")
    assert (q.value, q.event) == (120000, "displaced")


@pytest.mark.parametrize("text,quote,low,high", [
    ("A few thousand residents were evacuated as the river rose.", "A few thousand", 2000, 9999),
    ("A few hundred protesters gathered outside the court.", "A few hundred", 200, 999),
])
def test_a_few_thousand_is_vague_not_one_thousand(nlp, text, quote, low, high):
    q = the(nlp, text, quote)
    assert (q.value, q.low, q.high, q.key) == (None, low, high, True)


def test_between_without_a_range_is_no_count(nlp):
    text = "Between nine and nine-thirty, two armed males in hoods stormed the hall."
    assert not the(nlp, text, "Between nine").key
    assert the(nlp, text, "two").event == "attacked"


def test_a_money_range_with_the_symbol_twice_is_one_range(nlp):
    q = the(nlp, "Insurers put the storm damage at $4 billion to $7 billion.", "$4 billion to $7 billion")
    assert (q.value, q.low, q.high, q.event) == (None, 4e9, 7e9, "in damage")


def test_a_run_on_headline_noun_in_the_singular_is_not_counted(nlp):
    text = "Ferry sinks off the coast Mine blast kills 12 Coffee price linked to drought: new study"
    assert not the(nlp, text, "12").key


def test_money_put_at_an_amount_takes_what_the_object_names(nlp):
    assert the(nlp, "Insurers put the storm damage at $4 billion.", "$4 billion").event == "in damage"


def test_an_hour_and_minutes_in_words_are_a_time(nlp):
    assert [q.text for q in quantities(nlp, "The shots were heard at nine-thirty.")] == []


@pytest.mark.parametrize("text,quote,event", [
    ("Utility crews said the storm had knocked out power to 310000 customers.", "310000", "without power"),
    ("The ice storm cut power to 75,000 homes.", "75,000", "without power"),
    ("Crews restored power to 40,000 customers.", "40,000", None),
])
def test_those_the_power_was_cut_to_are_without_power(nlp, text, quote, event):
    assert the(nlp, text, quote).event == event


def test_what_a_web_page_counts_about_itself_is_no_key_figure(nlp):
    text = "Bomb blast kills guard at embassy Reuters - BBC News - ABC News all 48 news articles"
    assert [(q.text, q.key) for q in quantities(nlp, text) if q.text == "48"] == [("48", False)]
    assert keys(nlp, "The photographer said 20 photos of the flood were sold.") == []
    assert keys(nlp, "The blast killed 12 people near the market.") != []


def test_people_who_flee_a_storm_are_evacuated_but_hostages_who_flee_escaped(nlp):
    storm = quantities(nlp, "More than 100,000 people fled to higher ground ahead of the cyclone.")
    assert [(q.text, q.event) for q in storm] == [("More than 100,000", "evacuated")]
    volcano = quantities(nlp, "About 2,000 people fled the eruption of the volcano on Sunday.")
    assert [(q.text, q.event) for q in volcano] == [("About 2,000", "evacuated")]
    hostages = quantities(nlp, "About 20 hostages fled the compound during the assault.")
    assert [(q.text, q.event) for q in hostages] == [("About 20", "escaped")]


@pytest.mark.parametrize("text,quote,event", [
    ("Youths were seen trying to burn three cars outside the station.", "three", None),
    ("The gang had plotted to kill four judges last year.", "four", None),
    ("Rioters burned three cars outside the station.", "three", "damaged"),
])
def test_what_someone_only_tried_to_do_is_no_event(nlp, text, quote, event):
    assert the(nlp, text, quote).event == event


@pytest.mark.parametrize("text,quote,source", [
    ("The earthquake claimed a death toll of more than 9,000 people.", "more than 9,000", None),
    ("The flood claimed thousands of lives in the southern province.", "thousands", None),
    ("The rebels claimed that 40 soldiers were killed in the ambush.", "40", "the rebels"),
])
def test_a_disaster_that_claims_lives_is_no_source(nlp, text, quote, source):
    q = the(nlp, text, quote)
    assert (q.event, q.attributed_to) == ("killed", source)


def test_a_price_per_copy_is_a_rate_not_a_sum(nlp):
    assert not the(nlp, "The magazine sells for $4 a copy.", "$4").key
    paid = the(nlp, "Retailers paid $12 a copy for the first edition.", "$12")
    assert (paid.key, paid.event) == (True, "paid per copy")


@pytest.mark.parametrize("text,quote,key,event", [
    ("The company reported a quarterly loss of $52 million.", "$52 million", False, "in losses"),
    ("The 2001 loss reflects a pretax charge of $300 million to cover the cost of closing plants.",
     "$300 million", False, None),
    ("Farmers suffered losses of $40 million after the floods.", "$40 million", True, "in losses"),
    ("A total of $2 million was paid to the families.", "$2 million", True, "paid"),
    ("The envoy demanded the withdrawal of the $3 million bounty on the writer's head.",
     "$3 million", True, "bounty"),
    ("The strikers were demanding a bonus of $500 before the holidays.", "$500", True, "demanded"),
])
def test_a_companys_results_are_no_key_figure(nlp, text, quote, key, event):
    q = the(nlp, text, quote)
    assert (q.key, q.event) == (key, event)


@pytest.mark.parametrize("text,quote,event", [
    ("The lawyer said she had won damages from the gang twice, one for $5 million in Ohio, "
     "another for $2 million in Texas.", "$2 million", "awarded"),
    ("An appeals court reduced the damages to $40 million.", "$40 million", "in legal damages"),
    ("An expert witness calculated the company's damages at $2.3 billion.", "$2.3 billion", "in legal damages"),
    ("Her lawyer asked the jury to award more than $15 million in punitive damages.",
     "more than $15 million", "demanded"),
    ("The families urged the court to order the company to pay $8 million.", "$8 million", "demanded"),
    ("The hurricane caused $30 million in damages along the coast.", "$30 million", "in damage"),
    ("Damages from the storm were estimated at $2 billion.", "$2 billion", "in damage"),
])
def test_damages_a_court_weighs_or_is_asked_for_are_no_damage_done(nlp, text, quote, event):
    assert the(nlp, text, quote).event == event


@pytest.mark.parametrize("text,quote,event", [
    ("Police found 40 of the missing paintings in a warehouse.", "40", None),
    ("A scrap dealer stumbled across 30 of the missing statues in a bin.", "30", None),
    ("Rescuers were still searching for 12 missing miners.", "12", "missing"),
])
def test_what_was_found_is_missing_no_more(nlp, text, quote, event):
    assert the(nlp, text, quote).event == event


@pytest.mark.parametrize("text", [
    "About one-third of the homes in the village were destroyed.",
    "Roughly two thirds of the shops along the river were flooded.",
])
def test_a_share_without_a_whole_counts_nothing(nlp, text):
    assert find_quantities(nlp(text)[:]) == []


def test_a_share_of_a_stated_whole_and_an_ordinal_still_read(nlp):
    assert the(nlp, "Nearly two-thirds of the 300 workers were evacuated.", "Nearly two-thirds of the 300").low == 180
    assert the(nlp, "A third explosion killed 4 people.", "4").event == "killed"


@pytest.mark.parametrize("text, quote", [
    ("Nearly 2 million patients in Europe took the pill before regulators withdrew it.", "Nearly 2 million"),
    ("About 300 students took the exam in the gymnasium.", "About 300"),
])
def test_people_who_take_a_drug_or_a_test_attacked_nothing(nlp, text, quote):
    q = the(nlp, text, quote)
    assert q.event is None and not q.key


@pytest.mark.parametrize("text, quote", [
    ("Three gunmen took 12 hostages at the bank.", "Three"),
    ("About 30 gunmen took the airport before dawn.", "About 30"),
    ("About 40 soldiers took control of the border post.", "About 40"),
])
def test_people_who_take_captives_or_a_place_attack(nlp, text, quote):
    assert the(nlp, text, quote).event == "attacked"


@pytest.mark.parametrize("text, quote", [
    ("About 9,000 people die a year on the country's roads, the ministry said.", "About 9,000"),
    ("Some 3,000 people are killed or injured each year by unexploded shells, the charity said.", "Some 3,000"),
    ("The charity says 40 people, including 15 children, are hurt every day by unexploded shells.", "15"),
])
def test_a_count_per_year_or_day_is_a_rate(nlp, text, quote):
    assert not the(nlp, text, quote).key


@pytest.mark.parametrize("text, quote", [
    ("Road crashes cause about 1,200 deaths a year in the province, officials said.", "about 1,200"),
    ("Malaria kills 400 to 500 a year in the district, a new survey suggests.", "400 to 500"),
    ("The disease causes 2,000 to 3,000 deaths per year across the region.", "2,000 to 3,000"),
    ("Drunk driving accounts for more than 900 deaths each year on the state's roads.", "more than 900"),
])
def test_a_period_on_the_deaths_or_the_number_makes_a_rate(nlp, text, quote):
    """"1,200 deaths a year" hangs the period on the noun, not the verb: still a yearly rate,
    not a toll to show as "people killed"."""
    assert not the(nlp, text, quote).key
    assert the(nlp, "The fire caused about 40 deaths in the district.", "about 40").key


def test_a_day_later_is_no_rate(nlp):
    q = the(nlp, "A day later, 20 people were killed in a second blast.", "20")
    assert q.key and q.event == "killed"


@pytest.mark.parametrize("text, quote", [
    ("Under the accord, the army has destroyed some 400,000 mines from its stocks.", "some 400,000"),
    ("The country destroyed more than two million of its landmine stockpiles last year.", "more than two million"),
])
def test_weapons_destroyed_are_no_damage(nlp, text, quote):
    q = the(nlp, text, quote)
    assert q.event is None and not q.key


def test_homes_and_vehicles_destroyed_are_still_damage(nlp):
    assert the(nlp, "The storm destroyed about 300 homes overnight.", "about 300").event == "damaged"
    assert the(nlp, "Rebels destroyed 12 tanks in the attack.", "12").event == "damaged"


def test_buildings_evacuated_are_no_count_of_people(nlp):
    q = the(nlp, "Riot police evacuated three job centres on Friday.", "three")
    assert q.event is None and not q.key
    assert the(nlp, "Authorities evacuated some 3,000 residents from the valley.", "some 3,000").event == "evacuated"


@pytest.mark.parametrize("text, quote", [
    ("The mayor holds a wide lead in the latest survey: 3 to 1 over her nearest rival.", "3 to 1"),
    ("Today the senator holds a clear lead among likely voters: 4 to 1 over the challenger.", "4 to 1"),
])
def test_odds_or_a_poll_margin_count_nothing(nlp, text, quote):
    assert [q.text for q in quantities(nlp, text)] == [quote]
    assert not the(nlp, text, quote).key


def test_a_range_still_reads_after_the_ratio_rule(nlp):
    q = the(nlp, "Between 20 and 30 people were hurt, and 10 to 15 were killed.", "10 to 15")
    assert (q.low, q.high, q.event) == (10, 15, "killed")


def test_money_for_each_thing_is_a_rate(nlp):
    q = the(nlp, "The studios are seeking $5,000 for each film copied without a licence.", "$5,000")
    assert q.event == "demanded per film"
    assert the(nlp, "The studios are seeking $5 million for the films copied.", "$5 million").event == "demanded"


def test_a_day_after_an_event_is_no_rate(nlp):
    text = "Survivors dried their clothes on Wednesday, a day after a typhoon killed nearly 300 people."
    assert the(nlp, text, "nearly 300").key


def test_a_bare_count_evacuated_is_of_people(nlp):
    q = the(nlp, "3,000 evacuated as the river rises", "3,000")
    assert (q.counted, q.event) == ("people", "evacuated")


@pytest.mark.parametrize("text, quote", [
    ("Anyone convicted of poaching an eagle faces fines of up to $50,000 and a year in prison.", "up to $50,000"),
    ("The penalty for dumping waste in the river is a $25,000 fine.", "$25,000"),
    ("Illegal dumping is punishable by a fine of up to $10,000.", "up to $10,000"),
    ("The offense carries a potential fine of $20,000.", "$20,000"),
    ("They told hunters about the penalty for shooting a bear on public land: a fine of up to $30,000 "
     "and a year in jail.", "up to $30,000"),
])
def test_a_fine_the_law_allows_is_no_fine_levied(nlp, text, quote):
    assert not the(nlp, text, quote).key


@pytest.mark.parametrize("text, quote", [
    ("The utility paid a $4 million fine last year.", "$4 million"),
    ("The firm was ordered to pay a fine of $3 million for the leak.", "$3 million"),
])
def test_a_fine_paid_or_ordered_stays_key(nlp, text, quote):
    assert the(nlp, text, quote).key


@pytest.mark.parametrize("text, quote", [
    ("Six more bears will be released in about two months.", "Six"),
    ("Wildlife officials plan to release two pairs of bears next spring.", "two"),
    ("The museum is exploring ways to allow the group to raise $200,000 for the new wing.", "$200,000"),
    ("Police will evacuate 2,000 residents on Sunday.", "2,000"),
])
def test_a_plan_or_a_step_still_ahead_is_not_done(nlp, text, quote):
    assert the(nlp, text, quote).hedged


@pytest.mark.parametrize("text, quote", [
    ("The company plans to cut 1,200 jobs.", "1,200"),
    ("The company will cut 900 jobs next year.", "900"),
    ("Rescuers managed to free 20 miners on Sunday.", "20"),
    ("The group raised $2 million last year.", "$2 million"),
])
def test_a_job_cut_announced_or_a_step_done_is_not_hedged(nlp, text, quote):
    assert not the(nlp, text, quote).hedged


def test_a_wire_dash_is_no_source_and_the_real_subject_speaks(nlp):
    text = ("Two leaders of local hunting clubs _ John Smith of Elk Society, and Bob Jones of Trail "
            "Friends _ said rewards of up to $20,000 were offered by a rancher.")
    assert the(nlp, text, "up to $20,000").attributed_to == "two leaders of local hunting clubs"


def test_evidence_is_no_source(nlp):
    text = "Also, new evidence says a $15,000 bounty has been posted for the bears' killing."
    assert the(nlp, text, "$15,000").attributed_to is None


@pytest.mark.parametrize("text, quote, key", [
    ("Investigators are looking into the Denver bombing and two Chicago bombings.", "two", False),
    ("The man is wanted in the bombing of a Denver bank and two Chicago-area bombings.", "two", False),
    ("The man is wanted in four bombings in two states.", "four", True),
    ("The quake triggered two landslides and a fire.", "two", True),
])
def test_incidents_listed_beside_one_more_of_their_kind_are_only_a_part(nlp, text, quote, key):
    assert the(nlp, text, quote).key is key


def test_a_bare_count_takes_the_group_the_sentence_opens_with(nlp):
    text = "Of the 14 bears released in the park last year, six have been killed and two are missing."
    assert (the(nlp, text, "six").counted, the(nlp, text, "six").event) == ("bears", "killed")
    assert the(nlp, text, "two").counted == "bears"
    assert the(nlp, text, "14").event == "freed"


@pytest.mark.parametrize("text, quote, event", [
    ("The trouble began in 2003 when four of 14 bears released were shot to death.", "14", "freed"),
    ("Of 200 people on the ferry, 30 were rescued.", "200", None),
])
def test_the_whole_a_part_is_taken_from_does_not_share_the_parts_event(nlp, text, quote, event):
    assert the(nlp, text, quote).event == event


@pytest.mark.parametrize("text, quote, event", [
    ("The agency released 400 pages of records on Monday.", "400", None),
    ("The court released 60 documents from the trial.", "60", None),
    ("The rebels released 12 hostages on Monday.", "12", "freed"),
])
def test_papers_released_are_made_public_not_freed(nlp, text, quote, event):
    assert the(nlp, text, quote).event == event


@pytest.mark.parametrize("text, quote, event", [
    ("The group sued over a statewide bounty of $3 on coyotes that was never repealed.", "$3",
     "bounty per coyote"),
    ("The county once paid a $3 bounty on coyotes.", "$3", "paid per coyote"),
    ("The rancher put a $20,000 bounty on the wolves.", "$20,000", "bounty"),
    ("The rancher offered a $5,000 bounty on gunmen who attacked his herd.", "$5,000", "offered"),
])
def test_a_bounty_on_a_kind_is_paid_per_head(nlp, text, quote, event):
    assert the(nlp, text, quote).event == event


@pytest.mark.parametrize("text, quote", [
    ("A grieving nation will bury the more than 200 victims of the blasts in a mass funeral Saturday.",
     "more than 200"),
    ("The caskets of the six workers who were killed in the blast will be flown home, he said.", "six"),
    ("By Thursday the 4,000 passengers aboard will have been stranded for five days.", "4,000"),
])
def test_a_will_on_another_step_leaves_a_count_done(nlp, text, quote):
    assert not the(nlp, text, quote).hedged


def test_money_promised_is_the_deals_figure(nlp):
    q = the(nlp, "The newspaper reported that the company will pay $400,000 to settle the claims.", "$400,000")
    assert not q.hedged and q.key


@pytest.mark.parametrize("text, quote", [
    ("The builder was ordered to pay $2.4 million to the families of the victims.", "$2.4 million"),
    ("A jury found the landlord liable and ordered him to pay $800,000 in damages.", "$800,000"),
])
def test_money_someone_is_ordered_to_pay_is_awarded_not_paid(nlp, text, quote):
    """Until it is paid, a sum a court orders paid is what the court awarded."""
    assert the(nlp, text, quote).event == "awarded"


def test_an_ordinal_on_a_plural_names_a_group_not_a_toll(nlp):
    q = the(nlp, "Staff returned to the floor where the first victims were killed.", "first")
    assert not q.key
    assert the(nlp, "A fourth worker died in hospital on Monday.", "fourth").key


@pytest.mark.parametrize("text, quote", [
    ("Prosecutors issued warrants for the arrest of 33 builders and engineers.", "33"),
    ("The judge issued a warrant for the arrest of four men.", "four"),
])
def test_an_arrest_sought_is_no_arrest(nlp, text, quote):
    assert the(nlp, text, quote).event != "arrested"


@pytest.mark.parametrize("text, quote", [
    ("'We are open as usual,' said Jones, who works on the floor where four traders were shot dead.", "four"),
    ("The lawsuit over the shooting that left six people dead and 11 people wounded claims the bank was negligent.",
     "11"),
])
def test_a_number_told_about_the_speaker_is_not_the_speakers_claim(nlp, text, quote):
    assert the(nlp, text, quote).attributed_to is None


def test_a_number_the_source_itself_gives_keeps_its_source(nlp):
    q = the(nlp, "A report by the ministry that listed 12 dead said the toll would rise.", "12")
    assert q.attributed_to == "a report by the ministry"


def test_a_count_in_a_report_called_erroneous_is_no_value(nlp):
    text = "Officials blamed a typing slip for the erroneous report that nearly 9,000 people had died."
    assert not the(nlp, text, "nearly 9,000").key


@pytest.mark.parametrize("text, quote", [
    ("Ten people remained hospitalized on Friday.", "Ten"),
    ("Seven of the miners are still hospitalized.", "Seven"),
    ("Eight people injured in the crash remain hospitalized.", "Eight"),
])
def test_those_still_in_hospital_are_not_the_injured_total(nlp, text, quote):
    assert the(nlp, text, quote).event != "wounded"
    assert the(nlp, "Twelve people were hospitalized after the blast.", "Twelve").event == "wounded"


def test_a_number_after_no_with_its_dot_split_off_is_a_list_position(nlp):
    assert not the(nlp, "Two No. 32 jerseys were burned outside the court.", "32").key


def test_people_let_out_of_hospital_are_no_count_of_the_hurt_or_freed(nlp):
    q = the(nlp, "Three injured workers were released from hospital on Monday.", "Three")
    assert q.event not in ("wounded", "freed") and not q.key


def test_a_part_with_a_verb_of_its_own_does_not_take_the_wholes_event(nlp):
    q = the(nlp, "Four of the 12 eagles released were shot.", "Four")
    assert q.event != "freed"
    assert the(nlp, "Four of the 12 eagles released were shot.", "12").event == "freed"
    assert the(nlp, "Three of the 20 people killed were children.", "Three").event == "killed"
    assert the(nlp, "Thousands of homeless people are demanding new homes.", "Thousands").event == "displaced"


@pytest.mark.parametrize("text, quote", [
    ("So far, beyond the thousands killed and injured, the storm flattened homes across the coast.", "thousands"),
    ("Hundreds killed and wounded in the blast were taken to clinics.", "Hundreds"),
])
def test_people_killed_and_injured_told_by_two_participles_are_casualties(nlp, text, quote):
    assert the(nlp, text, quote).event == "killed or wounded"
    assert the(nlp, "So far, beyond the thousands killed, the storm flattened homes.", "thousands").event == "killed"


@pytest.mark.parametrize("text, quote", [
    ("The singer's guitars were sold at auction to help pay off the $4.2 million judgment she owes.",
     "$4.2 million"),
    ("The family is still trying to collect the $4.2 million judgment he owes them.", "$4.2 million"),
    ("He owes $2 million in back taxes.", "$2 million"),
])
def test_a_sum_someone_owes_is_owed_not_paid(nlp, text, quote):
    assert the(nlp, text, quote).event == "owed"


def test_a_sum_one_acts_to_pay_is_not_paid(nlp):
    """An infinitive of purpose names an aim: the auction did not pay the debt."""
    q = the(nlp, "The sale raised $90,000 to help pay off the $4.2 million.", "$4.2 million")
    assert q.event != "paid"
    assert the(nlp, "The company paid $4.2 million to settle the case.", "$4.2 million").event == "paid"


def test_a_sum_each_week_of_a_clause_is_a_rate(nlp):
    q = the(nlp, "Analysts say each week the mine stays closed leads to a loss of $30 million.", "$30 million")
    assert q.event == "in losses per week"
    assert the(nlp, "The storm caused $30 million in damage last week.", "$30 million").event == "in damage"


@pytest.mark.parametrize("text,quote,event", [
    ("The strike caused daily losses of $2 million, the union said.", "$2 million", "in losses per day"),
    ("A $30 million annual fee to the chain will swell the startup's costs, he said.", "$30 million",
     "cost per year"),
])
def test_a_sum_named_by_its_period_is_a_rate(nlp, text, quote, event):
    """"annual", "daily" on the noun a sum names make it one of a series, not a total."""
    assert the(nlp, text, quote).event == event
    assert the(nlp, "The strike caused losses of $2 million.", "$2 million").event == "in losses"


@pytest.mark.parametrize("text,quote", [
    ("Four of the dead were inside the mosque and two were outside.", "Four"),
    ("Nine of the injured were still in hospital on Tuesday.", "Nine"),
])
def test_a_share_of_the_dead_or_hurt_is_part_of_the_toll(nlp, text, quote):
    """"Four of the dead were inside": some of the toll told apart, not the toll."""
    assert not the(nlp, text, quote).key
    assert the(nlp, "Six people were killed at the mosque on Friday.", "Six").key


@pytest.mark.parametrize("text,quote", [
    ("More than 200 of the arrests have taken place since Friday.", "More than 200"),
    ("Police said 20 of the deaths were in the capital.", "20"),
])
def test_a_share_of_events_counted_before_is_no_total(nlp, text, quote):
    """"N of the arrests" takes a part of events the report already counted."""
    assert not the(nlp, text, quote).key
    assert the(nlp, "Five of the hostages were freed on Monday.", "Five").key  # what happened to the five
    assert the(nlp, "Police have made 200 arrests since Friday.", "200").key


@pytest.mark.parametrize("text,quote", [
    ("Rescue divers located the other four bodies late Tuesday.", "four"),
    ("The gunman killed his wife and five other people.", "five"),
    ("The driver and two other passengers were injured.", "two"),
])
def test_the_others_of_a_group_are_no_total(nlp, text, quote):
    """"the other four", "his wife and five other people": the rest beside some told apart."""
    assert not the(nlp, text, quote).key
    assert the(nlp, "Two other people were killed and 30 were wounded.", "30").key
    assert the(nlp, "Gunmen killed three soldiers and wounded four other people.", "four").key


def test_a_sum_that_will_be_paid_is_not_paid_yet(nlp):
    """A deal's sum still ahead keeps its key place but says it is to be paid."""
    q = the(nlp, "Under the agreement, the insurer will pay the city $90 million over three years.",
            "$90 million")
    assert (q.event, q.key) == ("to be paid", True)
    assert the(nlp, "The insurer paid the city $90 million.", "$90 million").event == "paid"
    assert the(nlp, "By June the insurer will have paid $90 million.", "$90 million").event == "paid"


@pytest.mark.parametrize("text,quote", [
    ("Texas ranked second with 40 deaths, behind California.", "40"),
    ("The province came third with 120 deaths.", "120"),
    ("Florida led the list with 52 deaths.", "52"),
])
def test_a_place_in_a_ranking_is_no_toll(nlp, text, quote):
    """A count that places one entry in a ranking belongs to that entry, not the story's toll."""
    assert not the(nlp, text, quote).key
    assert the(nlp, "The storm left the state with 40 deaths.", "40").key


def test_a_sum_spent_to_win_each_one_is_a_rate(nlp):
    """"spent $50 to win each new client": the cost of one, not the sum spent."""
    assert the(nlp, "Shippers typically spent about $50 to win each new client.", "about $50").event == \
        "spent per client"
    assert the(nlp, "The agency spent $5 million to rebuild the bridge.", "$5 million").event == "spent"


@pytest.mark.parametrize("text, quote, source", [
    ("The cost of the repairs adds up to $52 million, according to estimates cited by the city council.",
     "$52 million", "estimates cited by the city council"),
    ("The bill for the cleanup added up to $4 million, officials said.", "$4 million", "officials"),
])
def test_adds_up_to_states_a_sum_not_a_ceiling(nlp, text, quote, source):
    """The "up" of "adds up to" is the verb's: the sum is told in full, and the thing that adds
    up is no speaker."""
    q = the(nlp, text, quote)
    assert (q.qualifier, q.attributed_to) == (None, source)
    assert the(nlp, "The fund will pay up to $4 million, officials said.", "up to $4 million").qualifier == "up to"


@pytest.mark.parametrize("text, quote, qualifier", [
    ("The fire caused more than 50,000 Australian dollars (U.S. dlrs 30,000) damage to the depot.",
     "dlrs 30,000", "more than"),
    ("The flood caused about 2 million euros ($2.2 million) in damage.", "$2.2 million", "about"),
    ("The flood caused 2 million euros ($2.2 million) in damage.", "$2.2 million", None),
])
def test_a_sum_restated_in_brackets_keeps_the_hedge(nlp, text, quote, qualifier):
    """The bracketed sum in another currency restates the hedged one: "more than" holds for both."""
    assert the(nlp, text, quote).qualifier == qualifier


@pytest.mark.parametrize("text, quote", [
    ("Two student protesters were among the winners of the national essay prize.", "Two"),
    ("The government agreed to resettle 5,000 refugees from the border camps.", "5,000"),
    ("Canada will take in 2,000 refugees this year under the new quota.", "2,000"),
])
def test_a_noun_that_names_who_people_are_gives_no_event(nlp, text, quote):
    """"protesters" among prize winners counts no protest; refugees a country takes in are its
    intake, not the people a crisis drove from home."""
    assert the(nlp, text, quote).event is None
    assert the(nlp, "More than 5,000 refugees crossed the border on Sunday.", "More than 5,000").event == "displaced"
    assert the(nlp, "About 300 protesters marched to the parliament.", "About 300").event == "protested"


def test_a_second_report_verb_hung_on_the_reported_clause_keeps_the_reporter(nlp):
    """"officials report that X is ... and estimate that ...": the parse hangs "estimate" on the
    reported "is", but the estimate is the officials', not X's."""
    text = ("Health officials report that smoking is a leading cause of death and estimate that "
            "smoking-related illness costs the state about $2 billion in lost work.")
    assert the(nlp, text, "about $2 billion").attributed_to == "health officials"


@pytest.mark.parametrize("text, quote", [
    ("The first 64-page issue, which will cost $2, goes on sale next week.", "$2"),
    ("A single ticket costs $40.", "$40"),
    ("Each copy of the memoir sells for $25.", "$25"),
])
def test_the_price_of_one_item_sold_is_no_key_sum(nlp, text, quote):
    """What one copy or ticket costs is a price, not a sum anyone spent or lost."""
    assert not the(nlp, text, quote).key
    assert the(nlp, "The new bridge, which will cost $300 million, opens next year.", "$300 million").key


def test_a_report_verb_read_as_a_noun_still_names_the_teller(nlp):
    # "report" parsed as a noun: the subject of the "that" clause is what is told, not the source
    text = ("Health officials at the National Institutes of Health report that obesity is a major "
            "cause of heart disease and estimate that obesity-related illness costs the nation "
            "about $5 billion a year.")
    assert the(nlp, text, "about $5 billion").attributed_to == \
        "health officials at the National Institutes of Health"
