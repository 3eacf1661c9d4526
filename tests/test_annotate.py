from datetime import date

from storyline.annotate import annotate_one
from storyline.models import Document

from tests.helpers import utc

TEXT = ("Gunmen attacked the Tiguentourine gas plant near In Amenas on Wednesday, officials said.\n\n"
        "At least 20 foreign hostages escaped on Thursday, an Algerian official reported.\n\n"
        "Short line without a stop\n\n"
        "BP said it would evacuate staff.")


def annotated() -> Document:
    return annotate_one(Document(doc_id="d", text=TEXT, published=utc(2013, 1, 17)))


def test_sentence_offsets_point_into_the_text():
    doc = annotated()
    assert doc.sentences
    for s in doc.sentences:
        assert TEXT[s.start:s.end] == s.text
    assert [s.index for s in doc.sentences] == list(range(len(doc.sentences)))


def test_sentences_never_cross_a_paragraph_break():
    doc = annotated()
    assert all("\n" not in s.text for s in doc.sentences)
    assert "Short line without a stop" in [s.text for s in doc.sentences]


def test_entities_dates_and_numbers_are_attached_to_their_sentence():
    doc = annotated()
    first, second = doc.sentences[0], doc.sentences[1]
    assert any(e.label == "GPE" or e.label == "FAC" or e.label == "ORG" for e in first.entities)
    assert date(2013, 1, 16) in {t.value for t in first.times}
    assert date(2013, 1, 17) in {t.value for t in second.times}
    (q,) = [q for q in second.quantities if q.value == 20]
    assert q.qualifier == "at least" and TEXT[q.start:q.end].endswith("20")
    for s in doc.sentences:
        for e in s.entities:
            assert TEXT[e.start:e.end] == e.text


def test_photo_captions_are_marked_and_report_prose_is_not():
    doc = annotate_one(Document("cap", (
        "Rescue workers look for trapped garment workers at the collapsed building in Savar, "
        "outside Dhaka, on Friday, April 26.\n\n"
        "Soldiers search the rubble of the factory in Karachi, Pakistan on Sept. 12, 2012.\n\n"
        "The building collapsed in Savar on April 24, 2013, killing at least 300 workers.\n\n"
        "Police say the owner was arrested in Benapole on April 28, 2013.\n\n"
        "The inquiry opens on May 3, 2013."
    ), published=utc(2013, 4, 29)))
    assert [s.caption for s in doc.sentences] == [True, True, False, False, False]
    assert doc.sentences[2].quantities  # numbers are still read


def test_captions_without_a_date_are_marked_and_present_tense_prose_is_not():
    doc = annotate_one(Document("scene", (
        "Crowds gather at the collapsed building as people rescue trapped workers, in Savar, outside Dhaka.\n\n"
        "Two men paddle a boat with street signs in flood waters in Reserve, Louisiana.\n\n"
        "A wave of bombings in Baghdad kills 65 people in Iraq.\n\n"
        "An estimated 600,000 people speak Basque in the seven provinces in Spain and France.\n\n"
        "Forecasters predict the storm will make landfall in New Jersey.\n\n"
        "Rescue workers searched the rubble of the factory in Savar."
    ), published=utc(2013, 4, 25)))
    assert [s.caption for s in doc.sentences] == [True, True, False, False, False, False]


def test_a_caption_whose_place_comes_before_a_clause_about_what_happened_is_marked():
    doc = annotate_one(Document("scene2", (
        "Women weep on a street in Banda Aceh, Indonesia, after a strong earthquake struck yesterday.\n\n"
        "Authorities gather at the suspect's apartment building in Aurora.\n\n"
        "Rivera trails among older voters in Texas by 10 points in the latest poll.\n\n"
        "Residents of Osk say they were given no warning before the dam burst."
    ), published=utc(2012, 4, 12)))
    assert [s.caption for s in doc.sentences] == [True, True, False, False]


def test_captions_in_the_passive_or_that_say_so_are_marked_and_passive_prose_is_not():
    doc = annotate_one(Document("passive", (
        "A man is helped by bystanders after twin explosions in Dilsukh Nagar, Hyderabad, India.\n\n"
        "Pictured above: injured commuters lie on stretchers after the crash.\n\n"
        "Rudolph, a carpenter, is charged in the bombing of the clinic in Birmingham, Alabama."
    ), published=utc(2013, 2, 22)))
    assert [s.caption for s in doc.sentences] == [True, True, False]


def test_a_headline_glued_to_the_article_is_a_sentence_of_its_own():
    text = ("49 dead, hundreds injured in Buenos Aires train crash A packed commuter train slammed "
            "into a retaining wall on Wednesday, officials said.")
    doc = annotate_one(Document(doc_id="g", text=text, published=utc(2012, 2, 22)))
    assert [s.text for s in doc.sentences] == [
        "49 dead, hundreds injured in Buenos Aires train crash",
        "A packed commuter train slammed into a retaining wall on Wednesday, officials said.",
    ]
    assert all(text[s.start:s.end] == s.text for s in doc.sentences)


def test_a_title_case_headline_glued_to_the_article_is_a_sentence_of_its_own():
    text = ("Strong Quake Rocks Osk Valley Coast A strong earthquake struck off the coast of the Osk "
            "valley on Wednesday morning.\n\nShares of Lira Holdings Class A stock rose 2 percent in "
            "early trading on Monday.")
    doc = annotate_one(Document(doc_id="g2", text=text, published=utc(2012, 11, 7)))
    assert [s.text for s in doc.sentences] == [
        "Strong Quake Rocks Osk Valley Coast",
        "A strong earthquake struck off the coast of the Osk valley on Wednesday morning.",
        "Shares of Lira Holdings Class A stock rose 2 percent in early trading on Monday.",
    ]


def test_no_sentence_ends_on_a_title_or_on_a_company_abbreviation_that_runs_on():
    lines = ["Police spokesman Sgt. Tom Hale said two people were hurt.",
             "Regulators told Zenith Motors Inc. Tuesday to recall 40,000 cars.",
             "He testified for Compaq Computer Corp.",
             "He also said prices rose.",
             "Dr. Ana Ruiz treated the wounded."]
    text = " ".join(lines[:4]) + "\n\n" + lines[4]
    doc = annotate_one(Document(doc_id="t", text=text, published=utc(2013, 1, 17)))
    assert [s.text for s in doc.sentences] == lines
    assert all(text[s.start:s.end] == s.text for s in doc.sentences)
    assert not any(s.fragment for s in doc.sentences)


def test_a_capital_article_inside_prose_is_not_a_glued_headline():
    for text in ("He received an A from his teacher for the project on the camps.",
                 "Hanging out on the A list in Hollywood leaves her cold every time.",
                 "Fans watched The Dark Knight Rises at a midnight showing in Aurora."):
        doc = annotate_one(Document(doc_id="p", text=text))
        assert [s.text for s in doc.sentences] == [text]


def _marks(lines: list[str], attribute: str) -> list[bool]:
    """Each line annotated as one paragraph of a report: the given mark of its sentence."""
    doc = annotate_one(Document("marks", "\n\n".join(lines), published=utc(2013, 1, 16)))
    return [getattr(s, attribute) for s in doc.sentences]


def test_a_sentence_without_a_verb_is_a_fragment_and_prose_is_not():
    assert _marks(["Mohammad Asif, 20, a worker at the Karachi factory.",
                   "Super Typhoon Bopha at 01:45 UTC on December 2, 2012.",
                   "Karachi is the country's most populous city.",
                   "Flames raced through a garment factory in Karachi, killing 289 people."],
                  "fragment") == [True, True, False, False]


def test_a_subordinate_clause_alone_is_a_fragment():
    assert _marks(["If you are patient enough, as the villagers of Osk are.",
                   "Because the bridge over the river collapsed on Monday.",
                   "If the river rises again, the town will be cut off.",
                   "Although officials said the dam was safe, residents fled the valley."],
                  "fragment") == [True, True, False, False]


def test_captions_that_name_the_picture_or_a_position_in_it_are_marked():
    assert _marks(["A view shows destruction after two explosions at the university, in this handout photograph.",
                   "Brittany Trumbaturi, right, prepares to leave her flooded home with her family.",
                   "An aerial view of damaged houses after flash floods in the valley.",
                   "The minister said the view of the government was unchanged.",
                   "Damaged houses are seen at the edge of the village after the flood in the valley.",
                   "The vote is seen as a test of the mayor's support in the valley.",
                   "Workers are seen leaving the plant at dawn by neighbours every day.",
                   "The comet is seen from the valley once every 76 years.",
                   "Map locates the three towns where the river burst its banks on Monday.",
                   "Debris is all that remains of the chapel (foreground) after the blasts in the valley.",
                   "Resident Ana Diaz (R) stands among the debris left by the blast in the valley.",
                   "The map of the valley's flood zones was redrawn after the storm, officials said."],
                  "caption") == [True, True, True, False, True, False, False, False, True, True, True, False]


def test_a_main_clause_in_the_simple_present_tells_a_state():
    assert _marks(["Many public schools in the city now offer steel drum classes.",
                   "The vast majority of the victims are civilians.",
                   "The company makes software that lets users swap songs.",
                   "The storm has killed at least 12 people.",
                   "Thousands of residents are fleeing the rising water.",
                   "Police say the gunman acted alone.",
                   "Officials believe the fire started in a storeroom.",
                   "The rebels threaten to kill the hostages.",
                   "Gunmen stormed the hotel on Monday."],
                  "state") == [True, True, True, False, False, False, False, False, False]


def test_a_present_passive_do_or_modal_of_what_may_be_tells_a_state():
    assert _marks(["The fungus is blamed for the loss of half the island's banana crop.",
                   "The clinic does accept patients without insurance.",
                   "The new treatment can cause dizziness in older patients.",
                   "Voters could reject the plan in a referendum.",
                   "The goal is to connect every village to the grid.",
                   "Four fishermen are feared dead after the storm.",
                   "Divers could not reach the wreck.",
                   "At least 30 people may have drowned in the flood."],
                  "state") == [True, True, True, True, True, False, False, False]


def test_a_modal_passive_of_what_can_be_done_tells_a_state():
    assert _marks(["The repair can be carried out in a single afternoon.",
                   "Older bridges in the county may be closed to heavy trucks.",
                   "The driver could not be found after the crash.",
                   "Two hikers may have been swept away by the torrent."],
                  "state") == [True, True, False, False]


def test_a_present_perfect_of_being_a_habit_or_nothing_happening_tells_a_state():
    assert _marks(["The harbour has been a haven for smugglers for decades.",
                   "Farmers in the valley have long complained about the water rights.",
                   "The bears have not attacked any campers this season.",
                   "There has been a second explosion at the refinery.",
                   "Rescuers have pulled four miners from the shaft.",
                   "The road has been closed since the landslide."],
                  "state") == [True, True, True, False, False, False]


def test_a_reported_clause_tells_a_state_when_it_is_one():
    assert _marks(["Supporters say the diet lowers blood pressure.",
                   "Nobody knows how many families keep guns at home.",
                   "Most farms in the region grow maize, the ministry said.",
                   "Officials say 14 people died in the blaze.",
                   "The governor said troops had retaken the bridge.",
                   "Witnesses say the gunmen are fleeing toward the border."],
                  "state") == [True, True, True, False, False, False]


def test_a_state_in_the_present_is_no_event_of_its_report_day(nlp):
    from storyline.timeline import build_timeline
    from tests.helpers import parsed_report

    lines = ["Floodwaters swept through the river town of Osk on Monday after the Lume dam failed.",
             "Many families in the valley keep small boats and flee to the hills when the river rises."]
    docs = []
    for i, day in enumerate((6, 7, 8)):
        doc = parsed_report(nlp, f"r{i}", lines, utc(2024, 5, day, 9))
        for s, parsed in zip(doc.sentences, (nlp(line) for line in lines)):
            from storyline.annotate import tells_a_state
            s.state = tells_a_state(parsed[:])
        docs.append(doc)
    texts = [e.text for e in build_timeline(docs)]
    assert texts and not any("boats" in t for t in texts), texts


def test_a_chronology_line_keeps_its_date_with_its_event():
    text = ("WASHINGTON (AP) -- Here is a chronology of the tobacco fight, the lawyers said on Monday in a long filing."
            "\n\n1997:\n\nJune 20 - The companies and the states agree on a deal worth billions."
            "\n\n1998:\n\nJan. 22 - The two sides settle one suit in court after months of talks."
            "\n\nMay 18 - The states sue the companies again over the terms of the deal.")
    doc = annotate_one(Document(doc_id="c", text=text, published=utc(1999, 3, 10)))
    settle = next(s for s in doc.sentences if "settle one suit" in s.text)
    assert settle.text.startswith("Jan. 22 - The two sides")
    assert [t.value for t in settle.times] == [date(1998, 1, 22)]


def _split(text: str) -> list[str]:
    """The sentences of a one-paragraph report, each checked to stand at its offsets."""
    doc = annotate_one(Document(doc_id="s", text=text, published=utc(2013, 1, 16)))
    assert all(text[s.start:s.end] == s.text for s in doc.sentences)
    return [s.text for s in doc.sentences]


def test_a_dateline_outlet_or_clock_zone_run_in_front_of_a_sentence_is_split_off():
    cases = [
        ("Daily Courier Lahore: Rescue workers pulled more bodies from the factory in Lahore on Tuesday.",
         "Daily Courier Lahore:"),
        ("By Ann Reyes City News Bureau Lahore: Police arrested the owner of the factory in Lahore.",
         "By Ann Reyes City News Bureau Lahore:"),
        ("KARACHI, Pakistan: A fire swept through a garment factory on Tuesday, killing dozens.",
         "KARACHI, Pakistan:"),
        ("ET: At least nine people were hurt when a bus overturned on the highway.", "ET:"),
    ]
    for text, debris in cases:
        assert _split(text) == [debris, text[len(debris) + 1:]]
    doc = annotate_one(Document(doc_id="f", text=cases[0][0]))
    assert doc.sentences[0].fragment and not doc.sentences[1].fragment


def test_a_colon_after_a_speaker_a_label_or_in_a_number_is_no_dateline():
    for text in ("Gen. Smith: 'We will rebuild every house in Lahore,' he told reporters on Monday.",
                 "Update: The death toll in Lahore has risen to 20, police said on Monday.",
                 "Note: The figures for Lahore were revised by the ministry on Tuesday.",
                 "Police: 7 dead in shooting at a temple in Lahore",
                 "The council in Lahore met at 12:30 and passed the plan 3:1 on Monday."):
        assert _split(text) == [text]


def test_page_buttons_in_front_of_a_sentence_are_split_off():
    assert _split("In Lahore Enlarge Email At least 15 people were hurt when a bus overturned.") == [
        "In Lahore Enlarge Email", "At least 15 people were hurt when a bus overturned."]
    assert _split("A A A Maria Lopez, the city's health minister, said 20 people had died.") == [
        "A A A", "Maria Lopez, the city's health minister, said 20 people had died."]


def test_a_sentence_case_headline_glued_to_its_article_is_split_off():
    assert _split("Bus crash kills nine in Pakistan A crowded bus overturned on the highway, police said.") == [
        "Bus crash kills nine in Pakistan", "A crowded bus overturned on the highway, police said."]
    assert _split("Bus crash kills nine near Lahore A crowded bus overturned on a highway in Lahore.") == [
        "Bus crash kills nine near Lahore", "A crowded bus overturned on a highway in Lahore."]
    assert _split("Gunman kills four in shopping mall A Texas gunman opened fire in a crowded mall.") == [
        "Gunman kills four in shopping mall", "A Texas gunman opened fire in a crowded mall."]
    assert _split("Valley Courier The death toll in the building collapse rose to 72 on Sunday.") == [
        "Valley Courier", "The death toll in the building collapse rose to 72 on Sunday."]


def test_a_capital_article_that_names_a_letter_or_a_title_stays_in_its_sentence():
    for text in ("Terminal A was closed for three hours after a bag was found, officials said.",
                 "Workers at Building A were sent home after the alarm rang on Monday.",
                 "The Paris A line of the suburban railway was shut by a strike on Monday.",
                 "Shares of class A stock rose 2 percent in early trading on Monday.",
                 "Fans watched the film A Beautiful Mind at a showing in Aurora on Friday.",
                 "Two fans of the band told The Times newspaper that the concert was cancelled."):
        assert _split(text) == [text]


def test_a_dateline_place_after_an_outlet_name_is_split_off_when_the_tagger_misses_it():
    cases = [
        ("The Valley Times of Orissa BALANGIR: Heavy rain lashed the coast on Wednesday evening.",
         "The Valley Times of Orissa BALANGIR:"),
        ("By Ann Reyes City Times Network Kolhapur: Police questioned the owner of the flooded mill.",
         "By Ann Reyes City Times Network Kolhapur:"),
    ]
    for text, debris in cases:
        assert _split(text) == [debris, text[len(debris) + 1:]]


def test_a_speaker_or_a_label_after_an_outlet_name_is_no_dateline():
    for text in ("CNN BLITZER: We are getting new pictures from the coast right now, Wolf reported.",
                 "Valley News UPDATE: The death toll has risen to 20, police said on Monday.",
                 "Valley News Network Watch Live: The rescue goes on at the site as crews dig."):
        assert _split(text) == [text]


def test_an_article_first_word_in_capitals_after_page_text_opens_its_sentence():
    assert _split("Valley Courier Online on 3 March 2013 AT least 12 people died when a bus overturned.") == [
        "Valley Courier Online on 3 March 2013", "AT least 12 people died when a bus overturned."]
    assert _split("The Valley Courier Australia AN old ferry sank off the coast on Monday, police said.") == [
        "The Valley Courier Australia", "AN old ferry sank off the coast on Monday, police said."]


def test_a_stressed_or_quoted_word_in_capitals_or_a_state_code_stays_in_its_sentence():
    for text in ("A sign reading 'THE end is near' hung on the wall of the flooded house on Monday.",
                 "For the engineers of the region, the bridge is THE model to copy in the design.",
                 "The bridge is, for the engineers of the region, THE model to copy this year.",
                 "He flew from Gary, IN on a small plane that crashed near the lake on Monday.",
                 "AT least 12 people died when a bus overturned on the highway on Monday."):
        assert _split(text) == [text]


def test_an_article_glued_after_an_outlet_name_mid_line_is_split_off():
    assert _split("May 3, 2013 by our staff - Valley Online A strong storm hit the coast on Monday night.") == [
        "May 3, 2013 by our staff - Valley Online", "A strong storm hit the coast on Monday night."]
    for text in ("The story ran on the front of the Post A section on Sunday morning.",
                 "She told the Valley Times that the storm had destroyed her home on Monday."):
        assert _split(text) == [text]


def test_a_page_tally_in_front_of_a_sentence_is_split_off():
    assert _split("Video Views: 1,204 At least nine people were hurt when a bus overturned.") == [
        "Video Views: 1,204", "At least nine people were hurt when a bus overturned."]
    text = "The ministry counted views: 40 Of the people polled, most backed the plan."
    assert _split(text) == [text]



def test_a_number_after_a_tally_reads_as_the_tally_and_stays():
    text = "Video Views: 12 40 ratings Time: 01:22 More in News and Politics from the channel"
    assert _split(text)[-1] != "40 ratings Time: 01:22 More in News and Politics from the channel"
