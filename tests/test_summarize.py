from datetime import date
from itertools import combinations

from storyline.models import Sentence, TimeMention

from storyline.summarize import (
    SummaryOptions,
    _candidates,
    _concept_weights,
    _select_exact,
    _select_greedy,
    standalone,
    summarize,
)

from tests.helpers import make_doc, utc

A = ("Floodwaters swept through the river town of Osk on Monday after the Lume dam failed. "
     "At least 14 people were killed in the floods, the regional governor said. "
     "He said rescue boats were still searching. "
     "The Lume dam had been inspected in March and declared safe by engineers. ")
B = ("The Lume dam failed on Monday, sending floodwaters through the town of Osk. "
     "The regional governor said at least 14 people were killed in the floods in Osk. "
     "Army helicopters dropped food and water to families stranded on rooftops in Osk. ")
C = ("Army helicopters dropped food to families stranded on rooftops in the flooded town of Osk. "
     "Engineers had declared the Lume dam safe after an inspection in March, records show. "
     "The death toll rose to 22 on Tuesday as receding water revealed more victims, officials said. "
     "What happens next?")


def story():
    return [make_doc("a", A, utc(2024, 5, 6)), make_doc("b", B, utc(2024, 5, 6, 8)),
            make_doc("c", C, utc(2024, 5, 7))]


def test_every_sentence_is_quoted_and_cited_at_its_offsets():
    docs = story()
    by_id = {d.doc_id: d for d in docs}
    summary = summarize(docs, words=60)
    assert summary
    for s in summary:
        first = s.sources[0]
        assert by_id[first.doc_id].text[first.start:first.end] == s.text


def test_support_lists_every_report_stating_the_same_fact():
    summary = summarize(story(), words=100)
    toll = [s for s in summary if "14 people were killed" in s.text]
    assert toll, [s.text for s in summary]
    assert {c.doc_id for c in toll[0].sources} == {"a", "b"}


def test_budget_is_a_hard_cap_without_fill():
    summary = summarize(story(), words=30, options=SummaryOptions(fill=False))
    assert summary
    assert sum(len(s.text.split()) for s in summary) <= 30


def test_fill_runs_past_the_budget_by_one_sentence_at_most():
    capped = summarize(story(), words=32, options=SummaryOptions(fill=False))
    filled = summarize(story(), words=32, options=SummaryOptions(fill=True))
    assert sum(len(s.text.split()) for s in capped) < 32  # whole sentences leave words unspent
    lengths = [len(s.text.split()) for s in filled]
    assert sum(lengths) > 32  # the budget left unspent by whole sentences is topped up
    assert sum(lengths) - max(lengths) <= 32
    assert {s.text for s in capped} < {s.text for s in filled}


def test_fill_adds_nothing_when_whole_sentences_fit():
    roomy = summarize(story(), words=1000)
    assert [s.text for s in roomy] == [
        s.text for s in summarize(story(), words=1000, options=SummaryOptions(fill=False))]


def _covered(chosen, weights):
    return sum(weights[k] for k in set().union(*(c.concepts for c in chosen)) if k in weights)


def test_exact_selection_is_optimal_and_no_worse_than_greedy():
    docs = story()
    opts = SummaryOptions(words=40, position_weight=0.0, focus_weight=0.0)
    candidates = [c for d in docs for c in _candidates(d, opts)]
    weights = _concept_weights(docs, (), opts)
    exact = _select_exact(candidates, weights, opts)
    assert exact is not None and sum(c.words for c in exact) <= 40
    best = max(_covered(subset, weights)
               for r in range(len(candidates) + 1) for subset in combinations(candidates, r)
               if sum(c.words for c in subset) <= 40
               and not any(_cos(a, b) >= opts.redundancy for a, b in combinations(subset, 2)))
    assert _covered(exact, weights) == best
    assert _covered(exact, weights) >= _covered(_select_greedy(candidates, weights, opts), weights)


def _cos(a, b):
    from storyline.summarize import _cosine
    return _cosine(a.stems, b.stems)


def test_options_are_not_changed_by_a_call():
    opts = SummaryOptions()
    summarize(story(), words=20, focus="helicopters", options=opts)
    assert opts.words == 150 and opts.focus is None


def test_sentences_that_cannot_stand_alone_are_avoided():
    opts = SummaryOptions()
    assert not standalone("He said rescue boats were still searching the flooded streets.", opts)
    assert not standalone("What happens next for the people of the town of Osk?", opts)
    assert not standalone('The governor said "we will rebuild the town and the.', opts)
    assert not standalone("Boats reached the stranded families on the roofs on Monday, he said.", opts)
    assert not standalone("taunted the two men before the crowd outside the court house.", opts)
    assert not standalone("Residents of the valley were told to be wary of rising water.... read more.", opts)
    assert not standalone("More >>; Floodwaters swept through the river town of Osk on Monday.", opts)
    assert not standalone("Floods Sweep Osk Valley As River Bursts Its Banks, Towns Evacuated.", opts)
    assert not standalone("Rescuers reached the flooded river town of Osk late on Monday as the...", opts)
    assert standalone("The regional governor said at least 14 people were killed in the floods.", opts)
    summary = summarize(story(), words=150)
    assert all(not s.text.startswith("He ") for s in summary)


def test_copies_count_once():
    docs = story()
    copy = make_doc("a-copy", A, utc(2024, 5, 6, 1), duplicate_of="a")
    with_copy = summarize(docs + [copy], words=60)
    assert [s.text for s in with_copy] == [s.text for s in summarize(docs, words=60)]


def test_update_summary_leaves_out_what_earlier_reports_said():
    docs = story()
    update = summarize(docs[2:], words=100, earlier=docs[:2])
    assert update
    assert all("14 people" not in s.text for s in update)
    assert [s.text for s in update] == [
        "The death toll rose to 22 on Tuesday as receding water revealed more victims, officials said."]


def test_focus_steers_the_choice():
    docs = story()
    opts = SummaryOptions(fill=False)
    plain = summarize(docs, words=45, options=opts)
    focused = summarize(docs, words=45, focus="Had engineers inspected the dam and declared it safe?", options=opts)
    assert not any("inspect" in s.text for s in plain)
    assert any("inspect" in s.text for s in focused)


def test_what_earlier_reports_said_weighs_less():
    docs = story()
    opts = SummaryOptions()
    fresh = _concept_weights(docs[1:], (), opts)
    update = _concept_weights(docs[1:], docs[:1], opts)
    assert update[("lume", "dam")] == fresh[("lume", "dam")] * opts.earlier_weight  # said in report a
    assert update[("armi", "helicopt")] == fresh[("armi", "helicopt")]  # new in b and c


def test_with_two_reports_each_lead_comes_first_unless_it_repeats():
    a, b, c = story()
    texts = [s.text for s in summarize([a, c], words=40)]
    assert a.sentences[0].text in texts and c.sentences[0].text in texts
    assert sum(len(t.split()) for t in texts) <= 40
    texts = [s.text for s in summarize([a, b], words=40)]
    assert a.sentences[0].text in texts
    assert b.sentences[0].text not in texts  # says what a's lead says


def test_a_span_does_not_date_the_sentence():
    """ "Three days into the siege" says when the siege began, not when the sentence happened."""
    text = ("About 60 hostages are still missing three days into the siege at the plant, the agency said. "
            "Gunmen attacked the plant on Wednesday and took many workers hostage there.")
    doc = make_doc("a", text, utc(2013, 1, 18))
    first, second = doc.sentences
    first.times = [TimeMention("three days into", 0, 1, "span", value=date(2013, 1, 16))]
    second.times = [TimeMention("Wednesday", 0, 1, "weekday", value=date(2013, 1, 16))]
    when = {c.sentence.index: c.when for c in _candidates(doc, SummaryOptions())}
    assert when == {0: date(2013, 1, 18), 1: date(2013, 1, 16)}


def test_an_update_keeps_a_repeated_sentence_that_brings_a_new_number():
    earlier = make_doc("a", "Floods in the northern city of Kano killed 14 people on Monday, the agency said.")
    later = make_doc("b", "Floods in the northern city of Kano have now killed 20 people, the agency said. "
                          "Floods in the northern city of Kano killed 14 people on Monday, the agency said again.")
    texts = [s.text for s in summarize([later], earlier=[earlier])]
    assert texts == ["Floods in the northern city of Kano have now killed 20 people, the agency said."]


def test_concept_weight_follows_its_support_raised_to_support_power():
    """Linear by default; support_power=3 makes a fact three reports state outweigh two
    facts each stated by two reports."""
    docs = story()
    opts = SummaryOptions(min_df=1, support_power=3.0)
    weights = _concept_weights(docs, (), opts)
    three, two, one = weights[("lume", "dam")], weights[("region", "governor")], weights[("boat", "search")]
    assert (one, two, three) == (1.0, 8.0, 27.0)
    assert three > 2 * two
    linear = _concept_weights(docs, (), SummaryOptions(min_df=1))
    assert linear[("lume", "dam")] == 3.0 and linear[("region", "governor")] == 2.0


def test_a_photo_caption_is_never_quoted():
    docs = story()
    plain = summarize(docs, words=60)
    lead = plain[0].sources[0]
    for d in docs:
        for s in d.sentences:
            s.caption = (d.doc_id, s.start) == (lead.doc_id, lead.start)  # as annotate marks one
    assert plain[0].text not in [s.text for s in summarize(docs, words=60)]


def _headline(doc_id, text, published):
    doc = make_doc(doc_id, text, published)
    doc.sentences = [Sentence(doc_id=doc_id, index=0, start=0, end=len(text), text=text)]
    return doc


def test_headline_only_reports_are_summarized_by_their_leads():
    # Bare headlines are no standalone sentences (short, no full stop); a story of them
    # still gets a summary quoting them, each cited at its offsets.
    docs = [_headline("h1", "Dam fails in Osk, 14 dead", utc(2024, 5, 6)),
            _headline("h2", "Osk flood toll rises to 22", utc(2024, 5, 7))]
    summary = summarize(docs, words=50)
    assert [s.text for s in summary] == ["Dam fails in Osk, 14 dead", "Osk flood toll rises to 22"]
    for s, d in zip(summary, docs):
        assert d.text[s.sources[0].start:s.sources[0].end] == s.text


def test_an_update_of_headlines_quotes_only_what_is_new():
    earlier = [_headline("h1", "Dam fails in Osk, 14 dead", utc(2024, 5, 6))]
    new = _headline("h2", "Osk flood toll rises to 22", utc(2024, 5, 7))
    assert [s.text for s in summarize([new], earlier=earlier)] == ["Osk flood toll rises to 22"]
    repeat = _headline("h3", "Dam fails in Osk, 14 dead", utc(2024, 5, 7))
    assert summarize([repeat], earlier=earlier) == []


def test_a_fragment_is_never_quoted():
    docs = story()
    lead = docs[0].sentences[0]
    assert any(s.text == lead.text for s in summarize(docs, words=200))
    lead.fragment = True
    assert all(s.text != lead.text for s in summarize(docs, words=200))



def test_an_update_keeps_a_sentence_that_restates_the_news_but_tells_more():
    earlier = [make_doc("bank", "The central bank of Aldoria kept its main interest rate at 3.5 percent on "
                                "Thursday, saying inflation was falling. ", utc(2025, 3, 6))]
    follow = make_doc("bonds", "Government bond yields in Aldoria fell sharply on Friday, a day after the central "
                               "bank kept its main interest rate at 3.5 percent, traders said. ", utc(2025, 3, 7))
    repeat = make_doc("again", "The central bank of Aldoria kept its main interest rate at 3.5 percent on "
                               "Thursday, officials said. ", utc(2025, 3, 7))
    assert [s.text[:22] for s in summarize([follow], earlier=earlier)] == ["Government bond yields"]
    assert summarize([repeat], earlier=earlier) == []


# --- a few reports, numbers that move -------------------------------------------------------

FIRST = ("Flash floods swept through the northern region of Piura on Sunday, killing at least 12 people. "
         "The Piura river rose more than two metres in six hours after a night of torrential rain. ")
SECOND = ("The death toll from flooding in northern Peru rose to 27 on Tuesday, the national emergency office said. "
          "President Ana Torres flew over the worst-hit districts and promised emergency aid to farmers. "
          "\"No family will be left alone,\" she said after landing in Piura. ")
THIRD = ("At least 41 people have died in floods in northern Peru, the national emergency office said on Wednesday. "
         "The Pan-American highway north of Piura has been closed since Monday by mud and fallen trees. ")


def flood_week():
    return [make_doc("a", FIRST, utc(2026, 11, 9)), make_doc("b", SECOND, utc(2026, 11, 10)),
            make_doc("c", THIRD, utc(2026, 11, 11))]


def test_few_shared_words_still_fill_the_budget_with_the_reports_leads():
    said = [s.text for s in summarize(flood_week(), words=150)]
    assert sum(len(t.split()) for t in said) >= 80  # was two sentences, 37 words
    assert any("41 people have died" in t for t in said)


def test_a_sentence_with_another_number_is_news_not_a_repeat_nor_support():
    summary = {s.text: s for s in summarize(flood_week(), words=150)}
    latest = next(s for t, s in summary.items() if "41 people" in t)
    toll = next(s for t, s in summary.items() if "rose to 27" in t)
    assert [c.doc_id for c in latest.sources] == ["c"]  # the 27-dead sentence says something else
    assert [c.doc_id for c in toll.sources] == ["b"]


def test_an_ordinal_count_is_a_number_so_news_and_not_support():
    four = ("The number of people killed in the fire at a chemical warehouse in the port of Rotterdam "
            "has risen to four, the safety region said on Tuesday. ")
    fifth = ("A fifth worker has died of injuries suffered in last week's fire at a chemical warehouse "
             "in the port of Rotterdam, the safety region said on Tuesday. ")
    docs = [make_doc("a", four, utc(2026, 10, 7)), make_doc("b", fifth, utc(2026, 10, 13))]
    summary = {s.text: s for s in summarize(docs, words=150)}
    latest = next(s for t, s in summary.items() if "fifth" in t)
    assert [c.doc_id for c in latest.sources] == ["b"]


def test_a_quote_closed_by_a_pronoun_speaker_cannot_stand_alone():
    opts = SummaryOptions()
    assert not standalone("\"No family will be left alone,\" she said after landing in Piura.", opts)
    assert not standalone("Around 2,400 homes have been damaged or destroyed, it added.", opts)
    assert standalone("\"No family will be left alone,\" President Ana Torres said in Piura.", opts)


def test_slide_captions_hashtags_and_sentences_cut_after_a_title_cannot_stand_alone():
    opts = SummaryOptions()
    assert not standalone("11/12 Rescue workers carry an injured man from the collapsed building in Osk.", opts)
    assert not standalone("Dozens were killed in today's flooding across the valley of #Osk.", opts)
    assert not standalone("Mourners laid flowers at the memorial for Air Force Senior Master Sgt.", opts)
    assert standalone("9/11 families met the president at the memorial in New York on Monday.", opts)
    assert standalone("Rescue workers carried 12 injured people from the collapsed building in Osk.", opts)


def test_a_pronoun_in_the_opening_clause_or_a_bare_each_cannot_stand_alone():
    opts = SummaryOptions()
    assert not standalone("If they reach the coast, the pair will have crossed the ocean by balloon.", opts)
    assert not standalone("When she landed in Piura, the president promised new homes for every family.", opts)
    assert not standalone("Each has until Friday to file a plan for the flooded towns with the court.", opts)
    assert not standalone("Some of them were still waiting for boats on the roofs of the town.", opts)
    assert standalone("If the river rises again, the town of Osk will be cut off, the governor said.", opts)
    assert standalone("Each family received food and blankets from the Red Cross on Monday.", opts)
    assert standalone("Some 300 homes were flooded when the river burst its banks on Monday.", opts)


def test_a_demonstrative_before_an_idea_or_a_party_cannot_stand_alone():
    opts = SummaryOptions()
    assert not standalone("Two former mayors of the town and the new governor share this value.", opts)
    assert not standalone("The ministry expects that number to fall sharply in the coming weeks.", opts)
    assert not standalone("The judge heard that testimony in a closed session on Monday morning.", opts)
    assert not standalone("Farmers along the river have long opposed these measures in court.", opts)
    assert standalone("Early this morning the group of climbers reached the summit of the mountain.", opts)
    assert standalone("Officials said that people were still trapped in the rubble on Monday.", opts)
    assert standalone("The floods this week destroyed 300 homes in the valley, officials said.", opts)
    assert standalone("\"We will win this fight,\" the governor told reporters in Osk on Monday.", opts)
    assert standalone("Boats were sent so that one of the villages could be reached by night.", opts)


def test_sentences_that_name_other_days_do_not_support_each_other(nlp):
    from tests.helpers import parsed_report

    walkout = ("About 2,400 workers walked off the job at the Escondida copper mine on Monday after wage "
               "talks with the company collapsed, the union said.")
    talks = ("The company and the union representing 2,400 workers at the Escondida copper mine resumed wage "
             "talks on Monday, the union said.")
    a = parsed_report(nlp, "a", [walkout], utc(2026, 10, 12, 18))
    b = parsed_report(nlp, "b", [talks], utc(2026, 10, 19, 18))  # a week later: another Monday
    same_day = parsed_report(nlp, "c", [talks], utc(2026, 10, 12, 20))
    cited = {s.text: [c.doc_id for c in s.sources] for s in summarize([a, b], words=100)}
    assert cited[walkout] == ["a"]
    cited = {s.text: [c.doc_id for c in s.sources] for s in summarize([a, same_day], words=100)}
    assert cited[walkout] == ["a", "c"]  # the same Monday: the words decide, as before


def test_a_report_that_does_not_state_the_count_does_not_support_it(nlp):
    from tests.helpers import parsed_report

    counted = ("Some 1,100 planned operations were postponed at hospitals across the province on Tuesday "
               "as nurses walked out over pay, the health ministry said.")
    vague = ("Planned operations were postponed at hospitals across the province on Tuesday as nurses "
             "walked out over pay, the health ministry said.")
    same = ("About 1,100 planned operations were postponed at hospitals across the province on Tuesday "
            "as nurses walked out, the health ministry said.")
    a = parsed_report(nlp, "a", [counted], utc(2026, 10, 13, 9), quantities=True)
    b = parsed_report(nlp, "b", [vague], utc(2026, 10, 13, 10), quantities=True)
    c = parsed_report(nlp, "c", [same], utc(2026, 10, 13, 11), quantities=True)
    cited = {s.text: [d.doc_id for d in s.sources] for s in summarize([a, b, c], words=40)}
    quoted = next(t for t in cited if "1,100" in t)
    assert "b" not in cited[quoted] and len(cited[quoted]) == 2


def test_a_longer_telling_that_states_the_whole_fact_supports_it(nlp):
    from tests.helpers import parsed_report

    short = "A landslide buried 30 homes in the mountain village of Tarn on Sunday."
    longer = ("Rescuers with sniffer dogs searched through mud and rubble after a landslide buried 30 homes "
              "in the mountain village of Tarn on Sunday, cutting the only road into the valley and leaving "
              "hundreds of residents without power or drinking water, regional officials said, as army engineers "
              "began clearing boulders and the weather service warned of further storms through Tuesday.")
    partial = ("Heavy rain has fallen on the mountain roads since Friday, and forecasters warned of more "
               "landslides across the region on Sunday as rivers rose.")
    a = parsed_report(nlp, "a", [short], utc(2026, 3, 1, 18), quantities=True)
    b = parsed_report(nlp, "b", [longer], utc(2026, 3, 1, 20), quantities=True)
    c = parsed_report(nlp, "c", [partial], utc(2026, 3, 1, 21), quantities=True)
    cited = {s.text: [d.doc_id for d in s.sources] for s in summarize([a, b, c], words=14)}
    assert cited.get(short) == ["a", "b"], cited
