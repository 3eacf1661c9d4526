from storyline.group import GroupOptions, StoryGrouper, publication_order

from tests.helpers import make_doc, utc

QUAKE = [
    "A magnitude 6.8 earthquake struck the mountain province of Karvan, collapsing houses and cutting roads, seismologists said.",
    "Rescuers in Karvan province dug through collapsed houses after the earthquake as aftershocks rattled mountain villages.",
    "The earthquake death toll in Karvan rose as rescuers reached remote mountain villages cut off by landslides.",
]
STRIKE = [
    "Dock workers at the port of Belmora walked out on strike over pay, halting container shipping, the union said.",
    "The Belmora port strike entered its second day as the union and shipping companies failed to agree on pay.",
    "Container ships queued outside Belmora as the dock workers strike over pay dragged on.",
]


def docs():
    out = []
    for i, (q, s) in enumerate(zip(QUAKE, STRIKE)):
        out.append(make_doc(f"q{i}", q, utc(2024, 3, 1 + i)))
        out.append(make_doc(f"s{i}", s, utc(2024, 3, 1 + i, 6)))
    return out


def test_interleaved_stories_are_kept_apart_and_together():
    g = StoryGrouper()
    story = {d.doc_id: g.add(d) for d in docs()}
    story = {k: g.resolve(v) for k, v in story.items()}
    assert len({story[f"q{i}"] for i in range(3)}) == 1
    assert len({story[f"s{i}"] for i in range(3)}) == 1
    assert story["q0"] != story["s0"]


def test_replaying_stored_assignments_then_adding_equals_one_go():
    all_docs = docs()
    one_go = StoryGrouper()
    batch = {d.doc_id: one_go.add(d) for d in all_docs}
    first, later = all_docs[:4], all_docs[4:]
    g1 = StoryGrouper()
    stored = {d.doc_id: g1.add(d) for d in first}
    g2 = StoryGrouper()  # a new process: rebuild state from the stored assignments
    for d in first:
        g2.attach(d, stored[d.doc_id])
    incremental = dict(stored)
    incremental.update({d.doc_id: g2.add(d) for d in later})
    assert incremental == batch


def test_new_story_ids_do_not_collide_after_replay():
    g = StoryGrouper()
    g.attach(make_doc("old", QUAKE[0], utc(2024, 3, 1)), "s00007")
    sid = g.add(make_doc("new", STRIKE[0], utc(2024, 3, 1)))
    assert sid != "s00007"


WEAK_LINK = "Union leaders at several ports said pay talks with shipping companies would resume next week."


def test_weak_link_joins_within_days_but_not_months_later():
    options = GroupOptions(threshold=0.3, gap_penalty=0.1, window_days=7, ramp=0)  # pace trusted at once
    for when, same in ((utc(2024, 3, 3), True), (utc(2024, 9, 1), False)):
        g = StoryGrouper(options)
        a = g.add(make_doc("a", STRIKE[0], utc(2024, 3, 1)))
        b = g.add(make_doc("b", WEAK_LINK, when))
        assert (a == b) is same


def test_strong_link_months_later_still_joins():
    g = StoryGrouper()
    a = g.add(make_doc("a", STRIKE[0], utc(2024, 3, 1)))
    g.add(make_doc("q", QUAKE[0], utc(2024, 3, 1)))
    b = g.add(make_doc("b", STRIKE[0].replace("walked out", "stayed out"), utc(2024, 8, 1)))
    assert g.resolve(a) == g.resolve(b)


DAM = "Dam engineers warned that the Lume reservoir dam was cracking under heavy rain."
FLOOD = "Floods swept the river town of Osk after the dam at Osk failed overnight."
LINK = "The cracking Lume reservoir dam failed in heavy rain overnight and floods swept Osk, the river town below."


def test_two_stories_merge_when_their_centroids_converge():
    g = StoryGrouper(GroupOptions(threshold=0.15, merge_threshold=0.3))
    a = g.add(make_doc("a", FLOOD, utc(2024, 1, 1)))
    b = g.add(make_doc("b", DAM, utc(2024, 1, 1)))
    assert a != b
    c = g.add(make_doc("c", LINK, utc(2024, 1, 2)))
    assert g.resolve(a) == g.resolve(b) == g.resolve(c)
    assert len(g.stories) == 1 and g.stories[g.resolve(a)].size == 3


def test_no_merge_when_centroids_stay_apart():
    g = StoryGrouper(GroupOptions(threshold=0.15, merge_threshold=0.9))
    a = g.add(make_doc("a", FLOOD, utc(2024, 1, 1)))
    b = g.add(make_doc("b", DAM, utc(2024, 1, 1)))
    g.add(make_doc("c", LINK, utc(2024, 1, 2)))
    assert g.resolve(a) != g.resolve(b)


def test_replay_after_a_merge_equals_one_go():
    stream = [make_doc("a", FLOOD, utc(2024, 1, 1)), make_doc("b", DAM, utc(2024, 1, 1)),
              make_doc("c", LINK, utc(2024, 1, 2)), make_doc("d", QUAKE[0], utc(2024, 1, 3)),
              make_doc("e", "Osk residents returned to flooded homes below the failed Lume dam.", utc(2024, 1, 4))]
    options = GroupOptions(threshold=0.15, merge_threshold=0.3)
    one_go = StoryGrouper(options)
    batch = {d.doc_id: one_go.add(d) for d in stream}
    batch = {k: one_go.resolve(v) for k, v in batch.items()}
    g2 = StoryGrouper(options)  # stored assignments are already resolved
    for d in stream[:3]:
        g2.attach(d, batch[d.doc_id])
    later = {d.doc_id: g2.resolve(g2.add(d)) for d in stream[3:]}
    # same grouping (a merged-away id may be reused for a new story after a restart)
    assert later["e"] == batch["a"] == batch["e"]
    assert later["d"] != later["e"] and batch["d"] != batch["a"]


def test_reports_without_dates_are_grouped_by_content():
    g = StoryGrouper()
    undated = [make_doc(f"u{i}", text) for i, text in enumerate(QUAKE + STRIKE)]
    story = {d.doc_id: g.resolve(g.add(d)) for d in undated}
    assert len({story["u0"], story["u1"], story["u2"]}) == 1
    assert len({story["u3"], story["u4"], story["u5"]}) == 1
    assert story["u0"] != story["u3"]


def test_undated_report_joins_a_dated_story():
    g = StoryGrouper()
    a = g.add(make_doc("a", QUAKE[0], utc(2024, 3, 1)))
    g.add(make_doc("s", STRIKE[0], utc(2024, 3, 1)))
    assert g.resolve(g.add(make_doc("b", QUAKE[1]))) == g.resolve(a)


FERRY = "A ferry ran aground near the Talven locks, and its passengers were taken ashore by lifeboat."
BOTH = "Engineers said the Lume reservoir dam cracked in heavy rain; upstream, the stranded ferry at the Talven locks was refloated."


def test_a_merged_story_takes_one_candidate_slot():
    g = StoryGrouper(GroupOptions(threshold=0.15, merge_threshold=0.3, candidates=2))
    flood = g.add(make_doc("a", FLOOD, utc(2024, 1, 1)))
    dam = g.add(make_doc("b", DAM, utc(2024, 1, 1)))
    ferry = g.add(make_doc("f", FERRY, utc(2024, 1, 2)))
    g.add(make_doc("c", LINK, utc(2024, 1, 2)))
    assert g.resolve(flood) == g.resolve(dam) != ferry
    candidates = {sid for _, sid in g._score_candidates(g.features(make_doc("x", BOTH, utc(2024, 1, 3))))}
    assert candidates == {g.resolve(flood), ferry}


def test_index_keeps_a_bounded_number_of_stories_per_key():
    g = StoryGrouper(GroupOptions(posting_cap=2, threshold=2.0, merge_threshold=2.0))
    for i in range(5):
        g.add(make_doc(f"d{i}", f"Karvan earthquake report number {i} from region{i}.", utc(2024, 3, 1 + i)))
    assert len(g.stories) == 5
    assert all(len(posting) <= 2 for posting in g.index.values())


def test_publication_order_puts_undated_last_in_input_order():
    d1, d2, d3, d4 = (make_doc("x", "a."), make_doc("y", "b.", utc(2024, 1, 2)),
                      make_doc("z", "c."), make_doc("w", "d.", utc(2024, 1, 1)))
    assert [d.doc_id for d in publication_order([d1, d2, d3, d4])] == ["w", "y", "x", "z"]


def _joins_after(dates: list, when, **options) -> bool:
    """Does a weakly linked report at ``when`` join a strike story with reports at ``dates``?"""
    g = StoryGrouper(GroupOptions(threshold=0.2, gap_penalty=0.1, window_days=7, **options))
    for i, day in enumerate(dates):
        g.attach(make_doc(f"r{i}", STRIKE[i % len(STRIKE)], day), "s00000")
    return g.add(make_doc("c", WEAK_LINK, when)) == "s00000"


def test_slow_story_tolerates_gaps_its_pace_allows():
    slow = [utc(2024, 1, 1), utc(2024, 5, 1)]  # a report every four months
    assert _joins_after(slow, utc(2024, 9, 1), ramp=0)


def test_burst_that_fell_silent_does_not_take_a_weak_link_months_later():
    burst = [utc(2024, 1, 1), utc(2024, 1, 1, 12), utc(2024, 1, 2)]
    assert _joins_after(burst, utc(2024, 1, 5), ramp=0)
    assert not _joins_after(burst, utc(2024, 5, 2), ramp=0)


def test_young_story_has_a_softer_time_penalty():
    one = [utc(2024, 1, 1)]
    assert not _joins_after(one, utc(2024, 3, 1), ramp=0)
    assert _joins_after(one, utc(2024, 3, 1), ramp=20)


def test_replay_over_months_equals_one_go():
    # the time window depends on each story's pace, so the replayed state must carry it
    stream = [make_doc("s0", STRIKE[0], utc(2024, 1, 1)), make_doc("s1", STRIKE[1], utc(2024, 1, 2)),
              make_doc("q0", QUAKE[0], utc(2024, 2, 1)), make_doc("s2", STRIKE[2], utc(2024, 4, 1)),
              make_doc("w", WEAK_LINK, utc(2024, 6, 1)), make_doc("q1", QUAKE[1], utc(2024, 6, 2)),
              make_doc("u", QUAKE[2])]
    one_go = StoryGrouper()
    batch = {d.doc_id: one_go.add(d) for d in stream}
    batch = {k: one_go.resolve(v) for k, v in batch.items()}
    replayed = StoryGrouper()
    for d in stream[:4]:
        replayed.attach(d, batch[d.doc_id])
    later = {d.doc_id: replayed.resolve(replayed.add(d)) for d in stream[4:]}
    assert later == {k: batch[k] for k in later}
    assert batch["u"] == batch["q1"] == batch["q0"]


def test_undated_members_do_not_count_towards_a_story_pace():
    g = StoryGrouper()
    g.attach(make_doc("a", STRIKE[0], utc(2024, 1, 1)), "s00000")
    g.attach(make_doc("b", STRIKE[1]), "s00000")
    story = g.stories["s00000"]
    assert (story.size, story.dated) == (2, 1)


def test_features_read_only_the_lead_of_a_long_report():
    tail = " Unrelated archive text about football transfers and league tables." * 50
    doc = make_doc("long", QUAKE[0] + tail, utc(2024, 3, 1))
    capped = StoryGrouper(GroupOptions(lead_chars=len(QUAKE[0]) + 5)).features(doc)
    whole = StoryGrouper(GroupOptions(lead_chars=0)).features(doc)
    assert "footbal" not in " ".join(capped.terms) and "earthquak" in " ".join(capped.terms)
    assert any(t.startswith("footbal") for t in whole.terms)


def test_lines_the_cleaner_dropped_still_say_what_the_report_is_about():
    doc = make_doc("r", "Officials gave no further details on Tuesday.", utc(2024, 3, 2),
                   removed=["Karvan earthquake: rescuers search collapsed houses"])
    terms = " ".join(StoryGrouper().features(doc).terms)
    assert "karvan" in terms and "earthquak" in terms


def test_pace_is_read_from_the_latest_reports():
    # an old report, then a burst: the story now moves fast, so weeks of silence mean it is over
    dates = [utc(2024, 1, 1), utc(2024, 6, 1), utc(2024, 6, 1, 12), utc(2024, 6, 2)]
    later = utc(2024, 7, 15)
    assert _joins_after(dates, later, ramp=0, pace_reports=0)  # whole span: a slow story
    assert not _joins_after(dates, later, ramp=0, pace_reports=3)


PIURA = [
    ("Floods in the northern region of Piura killed 12 people as the river burst its banks, officials said.",
     ["Piura", "Peru", "Ana Torres"]),
    ("Rescuers in Piura lifted stranded families from rooftops as the flood toll rose to 27, Ana Torres said.",
     ["Piura", "Ana Torres"]),
    ("The river in Piura kept rising and more families were stranded, officials in Peru said.",
     ["Piura", "Peru"]),
]
# shares the flood's wording weakly (it would just join on words), none of its names
OTHER_FLOOD = ("Monsoon rain flooded villages in the south and the army searched for missing fishermen as "
               "rivers burst their banks.")


def named_doc(doc_id: str, text: str, names: list[str], published):
    from storyline.models import Entity

    doc = make_doc(doc_id, text, published)
    doc.sentences[0].entities = [Entity(n, "GPE", 0, 0) for n in names]
    return doc


def flood_story(options: GroupOptions) -> tuple[StoryGrouper, str]:
    g = StoryGrouper(options)
    ids = {g.add(named_doc(f"f{i}", text, names, utc(2024, 3, 1 + i))) for i, (text, names) in enumerate(PIURA)}
    assert len(ids) == 1
    return g, ids.pop()


def test_a_report_naming_only_other_places_and_people_starts_its_own_story():
    g, story = flood_story(GroupOptions())
    assert g.add(named_doc("k", OTHER_FLOOD, ["Kerala", "Kochi", "Anil Kumar", "Idukki"], utc(2024, 3, 4))) != story


def test_the_same_report_sharing_one_name_joins():
    g, story = flood_story(GroupOptions())
    assert g.add(named_doc("k", OTHER_FLOOD, ["Piura", "Kochi", "Anil Kumar", "Idukki"], utc(2024, 3, 4))) == story


def test_without_the_unshared_bar_the_words_alone_would_join():
    g, story = flood_story(GroupOptions(unshared_penalty=0.0))
    assert g.add(named_doc("k", OTHER_FLOOD, ["Kerala", "Kochi", "Anil Kumar", "Idukki"], utc(2024, 3, 4))) == story


def test_a_report_naming_too_few_entities_is_judged_by_its_words():
    g, story = flood_story(GroupOptions())
    assert g.add(named_doc("k", OTHER_FLOOD, ["Kerala", "Kochi", "Anil Kumar"], utc(2024, 3, 4))) == story


DIGEST_TEXT = ("The week in review: a quake, a port strike and a takeover.\n"
               + QUAKE[0] + "\n" + STRIKE[0] + "\nShareholders backed the takeover of a power company.")


def test_a_digest_of_several_stories_stands_alone_and_nothing_joins_it():
    g = StoryGrouper()
    quake = g.add(make_doc("q0", QUAKE[0], utc(2024, 3, 1)))
    digest = g.add(make_doc("week", DIGEST_TEXT, utc(2024, 3, 2), title="The week in review: quake, strike"))
    assert digest != quake
    assert g.add(make_doc("q1", QUAKE[1], utc(2024, 3, 2, 6))) == quake
    assert g.add(make_doc("s0", STRIKE[0], utc(2024, 3, 2, 7))) not in (quake, digest)


def test_the_same_text_without_the_digest_headline_joins_a_story():
    g = StoryGrouper()
    quake = g.add(make_doc("q0", QUAKE[0], utc(2024, 3, 1)))
    assert g.add(make_doc("week", DIGEST_TEXT.split("\n", 1)[1], utc(2024, 3, 2), title="Quake and strike")) == quake


def test_a_replayed_digest_stays_closed():
    g = StoryGrouper()
    g.attach(make_doc("q0", QUAKE[0], utc(2024, 3, 1)), "s00000")
    g.attach(make_doc("week", DIGEST_TEXT, utc(2024, 3, 2), title="The week in review: quake, strike"), "s00001")
    assert g.add(make_doc("q1", QUAKE[1], utc(2024, 3, 2, 6))) == "s00000"
    assert g.add(make_doc("s0", STRIKE[0], utc(2024, 3, 2, 7))) not in ("s00000", "s00001")


def test_digest_headlines_are_told_from_ordinary_ones():
    from storyline.group import is_digest

    assert is_digest(make_doc("a", "x", title="Morning briefing: what happened overnight"))
    assert is_digest(make_doc("b", "The following are major news items in leading Australian newspapers today:"))
    assert not is_digest(make_doc("c", "x", title="Police review the week of protests"))
    assert not is_digest(make_doc("d", "x", title="White House briefing on the strike"))
