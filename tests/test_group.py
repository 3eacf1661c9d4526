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


def test_same_topic_weeks_later_needs_a_strong_link():
    g = StoryGrouper(GroupOptions(window_days=7))
    a = g.add(make_doc("a", STRIKE[0], utc(2024, 3, 1)))
    b = g.add(make_doc("b", "Dock workers in Belmora threatened a new strike over pensions.", utc(2024, 6, 1)))
    assert a != b


def test_two_stories_merge_when_a_report_links_them():
    g = StoryGrouper(GroupOptions(threshold=0.2, merge_threshold=0.25))
    a = g.add(make_doc("a", "Floods swept the river town of Osk after the dam at Osk failed overnight.", utc(2024, 1, 1)))
    b = g.add(make_doc("b", "Dam engineers warned that the Lume reservoir dam was cracking under heavy rain.", utc(2024, 1, 1)))
    assert a != b
    c = g.add(make_doc("c", "The Lume reservoir dam failed overnight and floods swept Osk, the river town below the dam.", utc(2024, 1, 2)))
    assert g.resolve(a) == g.resolve(b) == g.resolve(c)


def test_publication_order_puts_undated_last_in_input_order():
    d1, d2, d3, d4 = (make_doc("x", "a."), make_doc("y", "b.", utc(2024, 1, 2)),
                      make_doc("z", "c."), make_doc("w", "d.", utc(2024, 1, 1)))
    assert [d.doc_id for d in publication_order([d1, d2, d3, d4])] == ["w", "y", "x", "z"]
