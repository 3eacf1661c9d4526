"""Undated reports take a day from their own words and their story, or stay undated."""

from __future__ import annotations

from datetime import date

from storyline.models import TimeMention
from storyline.pipeline import Options, run, summarize_inputs
from storyline.store import Store
from storyline.undated import guess_day, infer_dates

from tests.helpers import make_doc, utc


def _weekday(day: int) -> TimeMention:
    return TimeMention("Friday", 0, 1, "weekday", weekday=day)


def test_a_past_weekday_is_placed_from_the_story_start():
    doc = make_doc("u", "Talks resumed, officials said. Nothing else.")
    doc.sentences[0].times = [_weekday(4)]  # "said Friday"
    # the story's first report: Thursday 17 January 2013
    assert guess_day(doc, date(2013, 1, 17), date(2013, 1, 17)) == date(2013, 1, 18)
    # a Friday first report: "said Friday" may be that very day
    assert guess_day(doc, date(2013, 1, 18), date(2013, 1, 20)) == date(2013, 1, 18)
    doc.sentences[1].times = [TimeMention("Jan. 21, 2013", 0, 1, "absolute", value=date(2013, 1, 21))]
    assert guess_day(doc, date(2013, 1, 17), date(2013, 1, 17)) == date(2013, 1, 21)


def test_background_dates_and_nothing_to_go_on_leave_a_report_undated():
    background = make_doc("b", "The plant opened long ago. It grew.")
    background.sentences[0].times = [TimeMention("June 28, 2007", 0, 1, "absolute", value=date(2007, 6, 28))]
    plain = make_doc("p", "Talks resumed at the plant. Nothing else.")
    dated = make_doc("d", "Gunmen attacked the plant. Many fled.", utc(2013, 1, 17))
    assert infer_dates([dated, background, plain]) == []
    assert background.published is None and plain.published is None


def test_no_dated_report_no_guess():
    doc = make_doc("u", "Talks resumed. Nothing else.")
    doc.sentences[0].times = [_weekday(4)]
    assert infer_dates([doc]) == []


def _two_reports(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Gunmen attacked the Tigan gas plant on Wednesday and took dozens of workers hostage, "
        "officials said.\n\nThe army surrounded the Tigan gas plant in the desert.")
    (tmp_path / "a.meta.json").write_text('{"published": "2013-01-17"}')
    (tmp_path / "b.txt").write_text(
        "Army forces stormed the Tigan gas plant on Thursday to free the workers held hostage, "
        "officials said Friday.\n\nThe gunmen who attacked the Tigan gas plant had demanded safe passage.")


def test_an_undated_report_is_dated_by_its_story_end_to_end(tmp_path):
    _two_reports(tmp_path)
    story, _ = summarize_inputs([tmp_path], Options(quiet=True))
    b = next(d for d in story.documents if d.doc_id == "b")
    assert b.published is not None and b.published.date() == date(2013, 1, 18)
    assert b.metadata["published_from"] == "story"
    storming = [e for e in story.timeline if "stormed" in e.text]
    assert storming and storming[0].date == "2013-01-17"


def test_a_run_stores_the_inferred_day(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    _two_reports(inputs)
    run([inputs], tmp_path / "out", Options(db=str(tmp_path / "db.sqlite"), quiet=True))
    stored = {d.doc_id: d for d in Store(str(tmp_path / "db.sqlite")).documents()}
    assert stored["b"].published.date() == date(2013, 1, 18)
    assert any(t.value == date(2013, 1, 17) for s in stored["b"].sentences for t in s.times)


def test_reports_say_when_a_date_was_inferred(tmp_path):
    from storyline.render_html import render_story_html
    from storyline.render_md import render_markdown

    _two_reports(tmp_path)
    story, _ = summarize_inputs([tmp_path], Options(quiet=True))
    assert "2013-01-18 (date inferred from its story)" in render_markdown(story)
    assert "(date inferred from its story)" in render_story_html(story)
    assert render_markdown(story).count("inferred") == 1  # not the report that gave its date
