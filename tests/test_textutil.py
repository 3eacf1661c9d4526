"""Text helpers: stems, and the furniture a line cleaner cannot see inside a glued line."""

from __future__ import annotations

import pytest

from storyline.textutil import content_stems, headline_case, reads_as_furniture, reads_as_report_prose, word_count


def test_content_stems_drop_stopwords_and_reporting_verbs() -> None:
    assert content_stems("The militants said they were holding 41 hostages") == [
        "milit", "hold", "41", "hostag"]
    assert word_count("  two   words ") == 2


@pytest.mark.parametrize("text", [
    # teasers cut off by the page
    "Secretary of State Hillary Clinton to pursue an elusive truce between...",
    "The White House condemned a deadly bus bombing and said it would help Israel catch......",
    "Hurricane Sandy Makes Landfall Near Kingston Jamaica..",
    "Nearly 300 people have died in a huge fire at a clothing factory in Pakistan\u2026",
    # video and share widgets, page stamps, entities left in
    "Tweet Email Print Photo Gallery Temple shooting in Oak Creek Video Loading",
    "Fire damage repairs published: 28 Aug 2012 author: localnet360videos Storm blows over trees.",
    "U.S. &amp;raquo Osk Shooting: Victims and their families.",
    "1:42 UPDATE Mass Shooting at Temple in Osk Creek leaves seven dead.",
    # headlines, tag clouds and shouting
    "Suicide Bombing At Embassy Bombing Lirana, Oskland.",
    "Japanese American Jared Polis Jefferson Territory John Arthur Love John Chivington",
    "Dhaka building collapse: 87 DIED, 532 WOUNDED, HUNDREDS TRAPPED.",
    "Typhoon Bopha Kills 503 In Philippines, Hundreds Missing!",
    # machine stamps, a feed item's age, photo credits, a numbered list of headlines
    "Police: 7 dead in Oak Creek temple shooting 2012-08-05 Seattle Post OAK CREEK, Wis.",
    "Green earthquake alert in Guatemala 12/11/2012 03:31 UTC, many people within 100km.",
    "Aleppo university blasts kill at least 82 The Guardian - 4 hours ago Syria crisis.",
    "STR/AFP/Getty Images Two Cuban women remain inside their home in Santiago de Cuba.",
    "Two fires kill 310 people in Pakistan 3.",
    "Temple shooting: six worshippers killed in act of 'domestic terrorism' 5.",
    "Trainer on temple shooting Osk temple shooting 2:12 p.m.",
    "Schools closed, shelters open as the storm bears down 10:43 a.m.",
    # run-together words, broken entities, stamps in front, an outlet after a dash, widgets
    "Read full articleBack to the government debt story.",
    "More & gt;>; As Hurricane Sandy sent storm surges into the coasts, officials warned.",
    "1.15pm Turkish time: A suicide bomb attack outside the embassy killed two guards.",
    "Updated 12:29 p.m., Monday, October 29 NEW YORK (AP) \u2014 Hurricane Sandy churned north.",
    "Pakistan factory blaze kills at least 18 - Trend.",
    "13 Sep 2012 12:01 Email Print Share Send Feedback Pakistan has registered murder charges.",
    "News Desk November 22, 2012 18:35 A suspect in the bus bombing was arrested.",
    "Griffin said the storm was unpredictable and \u00c2 playing havoc on forecasters.",
    "Osk ferry disaster leaves 31 dead??????????:???",
    "Good morning and welcome to our live coverage of the second day of the dock strike in Antwerp.",
    "Follow the latest.",
    "An earlier version of this story misstated the death toll as 65.",
    "CORRECTION: The toll is 56, not 65.",
    "Mira, who lost 13 relatives in Osk flood Osk flood: 45 dead, governor visits valley Osk flood: "
    "seven farm workers among dead Osk flood: council ignored warnings",
    "Police guard theaters after the Osk shooting Dining Offers Local Coupons Newsletters Real Estate "
    "Contests Mobile Weather Sports.",
    # pointers to the page around the text, which a story does not carry
    "Below: how the papers in Osk have reported the bridge collapse.",
    "Rescue teams reached the village at dawn, as the video below shows.",
    "See above for the full list of the towns cut off by the flood.",
    # a page's own links and ads
    "Osk ferry sinks, 31 dead Skip to content Skip to local navigation Skip to search.",
    "Tags: Osk, ferry, cape Share/Bookmark Divers searched the wreck on Monday.",
    "Osk ferry disaster: the survivors speak Ads by Google What is your home worth?",
])
def test_glued_page_furniture_is_recognised(text: str) -> None:
    assert reads_as_furniture(text)


@pytest.mark.parametrize("text", [
    "At least 20 foreign hostages escaped from Islamist militants who had taken over an Algerian "
    "natural gas complex in the Sahara desert, an Algerian security official reported.",
    "Transport Secretary Juan Pablo Schiavi confirmed that 340 people were injured.",
    "The warning applies to North Coast, Haida Gwaii and Central Coast but not Vancouver Island.",
    "Greenfield Police Chief Bradley Wentlandt said four people were found dead inside the temple.",
    "The U.S. Federal Emergency Management Agency sent teams to New Jersey and New York.",
    '"We will not negotiate with terrorists!" the minister said on Friday.',
    "Up to 2 million people marched for Catalan independence in Barcelona on September 11.",
    "Officials said the blasts made Monday the deadliest day since March 19.",
    "The toll from the floods rose to 12.",
    "Among the injured was the governor's grandson, 5.",
    "The ship ran aground on the reef at approximately 2:25 a.m.",
    "The first blast went off shortly before 10:40 a.m.",
    "The union said it would follow the latest offer closely.",
    "The flood hit the town of Osk, the town of Lira and the town of Bram on Monday.",
    "A hearing before Osk Valley County Superior Court Judge Mary Ann Bram is set for Thursday.",
    "Temperatures in Osk rose above 40 degrees for a third day on Monday.",
    "The village lies below the dam, and its 300 people were moved to a school above the river.",
    "The map showed the flooded area below the bridge, officials said.",
])
def test_report_prose_is_not_furniture(text: str) -> None:
    assert not reads_as_furniture(text)


@pytest.mark.parametrize("text", [
    # related headlines listed without punctuation, then the article's first sentence
    "Osk ferry sinks off the cape - 31 dead Oh no, not another ferry disaster.",
    "Twin blasts rock Osk market, curfew declared Ten to twelve feared dead and dozens hurt.",
    "Tourists among victims of Osk landslide Villagers bury their dead as toll climbs.",
    "Osk landslide toll reaches 40 Dozens still missing as rain returns.",
    "Flood waters recede in Osk valley The army began clearing the main road on Monday.",
    "Mine collapse traps 12 miners Rescuers dig through the night to reach miners.",
    "Bridge collapse in Osk kills nine Listen to the emergency calls from the scene.",
    "Osk ferry sinking Police: 31 dead as ferry capsizes off the cape.",
    "Continue reading the main story Analysis: why the Osk dam gave way.",
    "Read more Osk news More Information Police: 31 dead as ferry capsizes.",
    "Ferry survivors tell of panic Several passengers swam to the cape, police said.",
    "Survivors recall night on the reef Powerful waves hit the ferry as it turned.",
    "Osk dam gives way, killing 40 Flood waters cut off three villages.",
    "Register now for full access If you are a subscriber, sign in.",
    "Remembering the dead Shooting scene at the Osk mall.",
])
def test_headlines_run_together_are_recognised(text: str) -> None:
    assert reads_as_furniture(text)


@pytest.mark.parametrize("text", [
    # capitals that prose does write after a lower-case word: names, titles, groups, phases
    "Leaders of the Group of Eight pledged aid to the flooded valley.",
    "The drug is in phase Two trials, the company said.",
    "She was reading A Tale of Two Cities when the ferry sank, her brother said.",
    "The mayor said The Times had misreported the toll from the blast.",
    "The wreck was found by Police Scotland divers off the cape on Monday.",
    "The fund for Victims of Terrorism paid the families on Friday.",
    "The pastor prayed that God would turn His face to the valley.",
    "Reporters from The Osk Herald reached the village at dawn.",
    "Three people died and Ten Downing Street sent its condolences.",
    "The statement from police: seven people had been found dead in the temple.",
    'The chief said in a statement: "Police are searching the valley."',
    "She played the lead in the staged Death of a Salesman at the Osk theatre.",
    "Police: seven people died in the blast, the agency reported on Monday.",
    "Crews from the county Fire Department reached the village at dawn.",
    '"Why did nobody warn us? Why? Why?" a survivor asked.',
    "The fund will share the bookmark costs, the library said.",
])
def test_capitals_inside_prose_are_not_a_restart(text: str) -> None:
    assert not reads_as_furniture(text)


def test_headline_case_needs_enough_long_words() -> None:
    assert not headline_case("Troops Seize Plant")  # too few words to tell a headline from a name
    assert headline_case("Algerian Troops Storm Desert Gas Plant To Free Hostages")
    assert not headline_case("Algerian troops stormed the desert gas plant to free the hostages")


@pytest.mark.parametrize("text, prose", [
    ("com At least nine people were killed when the ferry sank off the island.", False),
    ("Ferry sinks off Osk, nine dead - News - Portnews.com", False),
    ("http://www.example.org/news/ferry-sinks-9At least nine people were killed.", False),
    ("Ferry sinks off Osk... published: 05 May 2014 author: harbourwatch Nine dead.", False),
    ("At least nine people were killed when the ferry sank off the island, police said.", True),
    ('"Nine people are dead," the coast guard said on Monday.', True),
    ("12 people were rescued from the water.", True),
])
def test_report_prose_is_told_from_page_text(text: str, prose: bool) -> None:
    assert reads_as_report_prose(text) is prose
