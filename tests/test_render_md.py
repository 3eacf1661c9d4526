

def test_unknown_outlets_are_not_counted_as_none():
    from storyline.models import Story
    from storyline.render_md import render_markdown
    from tests.helpers import make_doc

    story = Story(story_id="s1", title="T", documents=[make_doc("a", "One. Two."), make_doc("b", "Three.")])
    text = render_markdown(story)
    assert "_2 reports, 0 copies_" in text


def test_a_time_in_a_reports_own_zone_says_which_zone():
    from datetime import datetime, timedelta, timezone

    from storyline.render_md import stamp
    evening = datetime(2025, 3, 4, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert stamp(evening) == "2025-03-04 23:30 UTC-05:00"
    assert stamp(evening.astimezone(timezone.utc)) == "2025-03-05 04:30"
    assert stamp(datetime(2025, 3, 4, tzinfo=timezone.utc)) == "2025-03-04"


def test_an_empty_summary_says_so_and_an_update_comes_first():
    from storyline.models import Story, SummarySentence
    from storyline.render_md import render_markdown
    from tests.helpers import make_doc

    story = Story(story_id="s1", title="T", documents=[make_doc("a", "One. Two.")])
    assert "_No summary could be written from these reports._" in render_markdown(story)
    story.summary = [SummarySentence("One.", [])]
    story.update = [SummarySentence("Two.", [])]
    text = render_markdown(story)
    assert "No summary could be written" not in text
    assert text.index("## New since the last run") < text.index("## Summary")


def test_a_summary_sentence_with_a_since_moved_toll_notes_the_latest_value():
    from datetime import datetime, timezone

    from storyline.models import Citation, Figure, FigureValue, Story, SummarySentence
    from storyline.render_md import render_markdown
    from tests.helpers import make_doc

    first = "The quake killed at least 12 people."
    a = make_doc("a", first, datetime(2025, 3, 3, tzinfo=timezone.utc))
    b = make_doc("b", "The toll rose to 41.", datetime(2025, 3, 5, tzinfo=timezone.utc))
    killed = Figure("people killed", [FigureValue(12, first, "a", qualifier="at least", reported_at=a.published),
                                      FigureValue(41, b.text, "b", reported_at=b.published)], change="at least 12 -> 41")
    story = Story(story_id="s1", title="Quake", documents=[a, b], figures=[killed],
                  summary=[SummarySentence(first, [Citation("a", 0, len(first))])])
    assert f"- {first} [1] _(later: people killed 41 [2])_" in render_markdown(story)


def test_the_latest_line_gives_each_figures_newest_value_and_flags_only_a_disputed_one():
    from datetime import datetime, timezone

    from storyline.models import Figure, FigureValue, Story
    from storyline.render_md import render_markdown
    from tests.helpers import make_doc

    def at(day: int, hour: int = 9) -> datetime:
        return datetime(2025, 3, day, hour, tzinfo=timezone.utc)

    docs = [make_doc("a", "A.", at(3)), make_doc("b", "B.", at(4)), make_doc("c", "C.", at(5))]
    killed = Figure("people killed", [FigureValue(12, "a", "a", reported_at=at(3)),
                                      FigureValue(27, "b", "b", reported_at=at(4)),
                                      FigureValue(35, "c", "c", qualifier="at least", low=35, reported_at=at(4, 10)),
                                      FigureValue(41, "c", "c", reported_at=at(5))], conflict=True)
    missing = Figure("people missing", [FigureValue(9, "c", "c", reported_at=at(5)),
                                        FigureValue(30, "b", "b", reported_at=at(5, 1))], conflict=True)
    text = render_markdown(Story(story_id="s1", title="Quake", documents=docs, figures=[killed, missing]))
    # 27 vs 35 disagreed on the 4th; the newest toll, 41, stands alone; 9 and 30 missing clash now
    assert "**Latest:** people killed 41 [3] · people missing 9 (reports disagree) [3]" in text


def test_a_flagged_figure_marks_the_analyzers_pairs_never_a_toll_that_rose(monkeypatch):
    from datetime import datetime, timezone

    import storyline.render_md as render_md
    from storyline.models import Figure, FigureValue

    def at(day: int, hour: int) -> datetime:
        return datetime(2026, 11, day, hour, tzinfo=timezone.utc)

    values = [FigureValue(27, "a", "a", reported_at=at(10, 12)), FigureValue(41, "b", "b", reported_at=at(11, 10)),
              FigureValue(50, "c", "c", reported_at=at(12, 9)),
              FigureValue(50, "d", "d", qualifier="more than", low=50, reported_at=at(12, 10))]
    # the analyzer paired the two readings of 'more than 50', which the renderer finds compatible
    monkeypatch.setattr(render_md, "conflict_pairs", lambda vals: [(2, 3)])
    assert render_md.conflicting_values(Figure("people killed", values, conflict=True)) == {2, 3}


def test_an_untitled_report_is_named_by_its_opening_words_in_every_sources_list():
    from storyline.models import Document, Story
    from storyline.render_html import render_story_html
    from storyline.render_md import render_markdown, source_name
    from tests.helpers import make_doc

    untitled = make_doc("a", "Rescuers pulled two more survivors from the rubble of the market on Tuesday, "
                             "officials said. The search goes on.")
    titled = Document("b", "Body.", title="Market collapse: two more found")
    assert source_name(untitled) == "\u201cRescuers pulled two more survivors from the rubble of the ...\u201d"
    assert source_name(titled) == "Market collapse: two more found"
    assert source_name(Document("c", "   ")) == "Untitled report"
    story = Story(story_id="s1", title="T", documents=[untitled, titled])
    text = render_markdown(story)
    assert "\u201cRescuers pulled two more survivors from the rubble of the ...\u201d (a)" in text
    assert "Untitled report" not in render_story_html(story)
