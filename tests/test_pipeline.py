from pathlib import Path

import pytest

from storyline.models import Sentence, Story
from storyline.pipeline import copies_after_originals, headline, slugify, story_title

from tests.helpers import make_doc, utc


def test_headline_cuts_at_a_clause_boundary_or_marks_the_cut():
    assert headline("At least 20 foreign hostages escaped from Islamist militants who had taken over an "
                    "Algerian natural gas complex in the Sahara desert.") == \
        "At least 20 foreign hostages escaped from Islamist militants"
    long = "The central bank of the republic raised its main interest rate by half a point on Wednesday"
    assert headline(long).endswith("\u2026") and len(headline(long).split()) == 14
    assert headline("Floods hit Osk.") == "Floods hit Osk"


def test_headline_starts_at_the_main_clause():
    assert headline("While the storm spared the city, floods cut off three villages in the north.") == \
        "Floods cut off three villages in the north"
    assert headline("Mounting his attack on the opposition, the minister said its campaign ran on money.") == \
        "The minister said its campaign ran on money"
    assert headline("Accordingly, the bank raised its inflation forecast.") == "The bank raised its inflation forecast"
    assert headline("Rising rivers, not rain, flooded the valley.") == "Rising rivers, not rain, flooded the valley"
    assert headline("As expected, it fell.") == "As expected, it fell"  # too little left to stand alone


def test_slug_is_ascii_and_starts_with_the_story_id():
    assert slugify("s00001", "Émeute à Paris: 3 blessés") == "s00001-emeute-a-paris-3-blesses"


def test_copies_follow_their_original():
    a, b = make_doc("a", "A.", utc(2024, 1, 1)), make_doc("b", "B.", utc(2024, 1, 2))
    a2 = make_doc("a2", "A.", utc(2024, 1, 3), duplicate_of="a")
    assert [d.doc_id for d in copies_after_originals([a, b, a2])] == ["a", "a2", "b"]


def test_a_story_of_one_short_untitled_report_is_headed_by_its_words():
    doc = make_doc("r1", "Short.")
    doc.sentences = [Sentence(doc_id="r1", index=0, start=0, end=6, text="Short.")]
    assert story_title(Story(story_id="s00004", title="", documents=[doc])) == "Short"


def test_the_title_follows_the_latest_news_not_the_first_headline():
    text = "An earthquake struck Velmora province, rescuers said. The toll rose again in Velmora."
    first = make_doc("a", text, utc(2025, 3, 3, 8), title="Earthquake strikes Velmora, at least 12 dead")
    latest = make_doc("b", text, utc(2025, 3, 5, 9), title="Velmora earthquake toll rises to 41")
    side = make_doc("c", "Fans gathered at the stadium.", utc(2025, 3, 5, 11), title="Cup final postponed")
    story = Story(story_id="s1", title="", documents=[first, latest, side])
    # the latest day's headline that the story's reports share words with, not a side angle
    assert story_title(story) == "Velmora earthquake toll rises to 41"


def test_a_wire_version_slug_is_no_part_of_the_headline():
    doc = make_doc("a", "Floods killed 48 people in Piura.", utc(2026, 11, 12), title="UPDATE 1-Peru floods kill 48")
    assert story_title(Story(story_id="s1", title="", documents=[doc])) == "Peru floods kill 48"


def test_an_untimed_story_keeps_the_title_most_reports_share():
    a = make_doc("a", "Floods cut the northern road.", title="Weather update")
    b = make_doc("b", "Floods cut the northern road again.", title="Floods cut northern road")
    assert story_title(Story(story_id="s2", title="", documents=[a, b])) == "Floods cut northern road"


@pytest.mark.parametrize("title, expected", [
    ("Skip to content Advanced search Board index", None),
    ("Post a reply 22 posts \u2022 Page 1 of 2 \u2022 1", None),
    ("One News Page > Front Page > Floods cut the northern road", "Floods cut the northern road"),
    ("Floods cut northern road near Osk - Los Angeles Times", "Floods cut northern road near Osk"),
    ("Floods cut northern road near OskWed, Jan 4 2012", "Floods cut northern road near Osk"),
    ("Storm gets a name - Cyclone Nilam", "Storm gets a name - Cyclone Nilam"),
])
def test_a_page_title_gives_its_headline_without_navigation_outlet_or_stamp(title, expected):
    from storyline.pipeline import page_headline

    assert page_headline(title, "Cyclone Nilam made landfall near Chennai.") == expected


def test_an_untitled_story_is_headed_by_the_lead_its_reports_bear_out(nlp):
    from tests.helpers import parsed_report

    stray = parsed_report(nlp, "a", ["Members enjoyed free shooting at the range during the summer fire ban.",
                                     "The club also sold holsters at half price to its members."], utc(2026, 7, 1))
    flood = ["Floods cut the northern road to Osk on Monday, stranding hundreds of families in the valley.",
             "Rescuers reached the stranded families in Osk by boat on Tuesday."]
    b = parsed_report(nlp, "b", flood, utc(2026, 7, 2))
    c = parsed_report(nlp, "c", list(reversed(flood)), utc(2026, 7, 3))
    title = story_title(Story(story_id="s3", title="", documents=[stray, b, c]))
    assert "Osk" in title and not title.startswith("Members")  # the stray page's lead heads nothing


def test_the_api_takes_reports_as_records_and_refuses_what_it_cannot_use(tmp_path):
    import storyline

    record = {"text": "PIURA, Peru - The death toll from floods rose to 61 on Saturday, officials said. "
                      "Four people are still missing in the hills above the town.",
              "title": "Peru floods", "published": "2026-11-14"}
    story, report = storyline.summarize_inputs([record], embedding_model=None, quiet=True)
    assert report.processed == 1 and story.title == "Peru floods" and story.summary
    with pytest.raises(ValueError, match="nothing to summarize: .*no such file"):
        storyline.summarize_inputs([str(tmp_path / "missing.txt")], embedding_model=None, quiet=True)
    with pytest.raises(ValueError, match=r"words must be a whole number above 0 \(--words on the command line\), not '100'"):
        storyline.summarize_inputs([record], embedding_model=None, words="100")


def test_one_path_given_alone_is_one_input_not_its_characters(tmp_path):
    from storyline.pipeline import Options, group_inputs, load_documents
    from storyline.models import RunReport

    path = tmp_path / "flood.txt"
    path.write_text("PIURA, Peru - The death toll from floods rose to 61 on Saturday, officials said.\n")
    for given in (str(path), path):
        report = RunReport()
        docs = load_documents(given, Options(quiet=True), report)
        assert [d.doc_id for d in docs] == ["flood"] and report.read == 1 and not report.rejected
    assignments, report = group_inputs(str(path), embedding_model=None, quiet=True)
    assert list(assignments) == ["flood"]


def test_the_package_facade_runs_and_renders_without_loading_models_on_import(tmp_path):
    import subprocess
    import sys

    probe = "import storyline, sys; print('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.strip() == "False"
    import storyline

    seeds = str(Path(__file__).resolve().parents[1] / "samples" / "seeds")
    story, report = storyline.summarize_inputs([seeds], embedding_model=None, quiet=True)
    assert report.processed == 2 and story.summary
    assert storyline.to_markdown(story).startswith("# ")
    assert '"story_id"' in storyline.to_json(story) and "<html" in storyline.to_html(story)
    written = storyline.run([seeds], tmp_path / "out", db=str(tmp_path / "db.sqlite"),
                            embedding_model=None, quiet=True)
    assert written.story_count == 1


def test_an_opinion_piece_is_a_source_of_its_story_but_gives_it_no_facts(tmp_path):
    from storyline.pipeline import summarize_inputs
    from tests.helpers import FLOOD, LATER

    (tmp_path / "a.txt").write_text(FLOOD)
    (tmp_path / "b.txt").write_text(LATER)
    (tmp_path / "c.txt").write_text(
        "OPINION\n\nKano floods: we were warned\n\nFloods in Kano killed 90 people in 2012, and the state did nothing. "
        "Heavy rain destroyed more than 300 homes in Kano this week because the drains were never built.\n\n"
        "The views expressed are the writer's own.")
    story, _ = summarize_inputs([tmp_path], embedding_model=None, quiet=True)
    assert "c" in {d.doc_id for d in story.documents}
    assert all(s.sources[0].doc_id != "c" for s in story.summary)
    assert all(v.doc_id != "c" for f in story.figures for v in f.values)
    assert all(c.doc_id != "c" for e in story.timeline for c in e.sources)


def test_what_ingest_could_not_use_is_a_warning_line_not_a_rejection(tmp_path):
    from storyline.models import RunReport
    from storyline.pipeline import Options, load_documents

    text = "PIURA, Peru - The death toll from floods rose to 61 on Saturday, officials said.\n"
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "a.meta.json").write_text('{"source": "Andes Wire",}')
    (tmp_path / "b.jsonl").write_text('{"id": "b", "text": "%s", "title": ["a", "list"]}\n' % text.strip())
    report = RunReport()
    docs = load_documents([tmp_path], Options(quiet=True), report)
    assert sorted(d.doc_id for d in docs) == ["a", "b"] and report.rejected == []
    assert any(w.startswith(f"{tmp_path / 'a.txt'}: {tmp_path / 'a.meta.json'}: invalid JSON") for w in report.warnings)
    assert any("'title' is not text (a list)" in w for w in report.warnings)


def test_a_file_named_like_a_records_id_steps_aside_in_either_order(tmp_path):
    from storyline.models import RunReport
    from storyline.pipeline import Options, load_documents

    (tmp_path / "week1").mkdir()
    (tmp_path / "week1" / "a1.txt").write_text("PIURA, Peru - The death toll from floods rose to 61 on Saturday.\n")
    (tmp_path / "feed.jsonl").write_text('{"id": "a1", "text": "Dockers at Port Lund ended their strike on Monday."}\n')
    results = []
    for order in ([tmp_path / "feed.jsonl", tmp_path / "week1"], [tmp_path / "week1", tmp_path / "feed.jsonl"]):
        report = RunReport()
        docs = load_documents(order, Options(quiet=True), report)
        results.append(({d.doc_id: d.text[:6] for d in docs}, report.rejected, report.warnings))
    assert results[0] == results[1]
    ids, rejected, warnings = results[0]
    assert ids == {"a1": "Docker", "week1/a1": "The de"} and rejected == []  # the dateline is cut
    assert warnings == [f"{tmp_path / 'week1' / 'a1.txt'}: its name 'a1' is the id {tmp_path / 'feed.jsonl'}:1 "
                        "gives its report; read as 'week1/a1'"]


def test_the_package_exports_its_result_types_and_plain_data():
    import storyline
    from storyline.models import Story

    assert storyline.Story is Story and storyline.RunReport.__doc__ and storyline.Figure.__doc__
    assert set(storyline.__all__) >= {"Story", "RunReport", "Figure", "TimelineEntry", "to_dict"}
    story = Story(story_id="s1", title="Floods", documents=[make_doc("a", "Floods cut the road.")])
    data = storyline.to_dict(story)
    assert data["story_id"] == "s1" and data["documents"][0]["doc_id"] == "a"
    with pytest.raises(ValueError, match=r"^words must be a whole number above 0"):
        storyline.Options(words="many")


def test_a_story_told_only_by_opinion_pieces_says_so_and_the_json_marks_them(tmp_path):
    import json

    from storyline.pipeline import summarize_inputs
    from storyline.render_html import render_story_html
    from storyline.render_json import dumps
    from storyline.render_md import OPINION_ONLY, render_markdown

    column = tmp_path / "column.txt"
    column.write_text("OPINION\n\nEvery industrial disaster produces a report, and every report says the same "
                      "thing about safety culture in our ports.\n\nI believe the answer lies in incentives rather "
                      "than rules, and executives should pay a personal price for unsafe storage.\n")
    story, _ = summarize_inputs([column], embedding_model=None, quiet=True)
    assert story.summary and all(d.metadata.get("opinion") for d in story.documents)
    assert OPINION_ONLY in render_markdown(story) and OPINION_ONLY in render_story_html(story)
    assert json.loads(dumps(story))["documents"][0]["opinion"] is True


def test_an_area_figure_names_its_unit_as_money_does():
    from storyline.pipeline import summarize_inputs

    records = [{"id": "a", "published": "2026-10-19",
                "text": "ATHENS - The wildfire on Evia has burned about 3,000 hectares of pine forest, officials said on Monday."},
               {"id": "b", "published": "2026-10-20",
                "text": "ATHENS - The wildfire on Evia has now burned about 7,200 hectares, the fire brigade said on Tuesday."}]
    story, _ = summarize_inputs(records, embedding_model=None, quiet=True)
    (area,) = [f for f in story.figures if "hectares" in f.label]
    assert area.unit == "hectares" and [v.value for v in area.values] == [3000.0, 7200.0]


def test_a_wire_reports_dateline_day_dates_its_news_though_the_cleaner_takes_the_dateline_off():
    import storyline

    record = {"id": "w1", "published": "2013-02-21T02:10:00Z", "text": (
        "PARIS, February 20 (Xinhua) -- French police today arrested four men suspected of smuggling "
        "weapons across the border, the interior ministry said.\n\n"
        "The four were detained in a raid on a warehouse near the port, officials said.")}
    story, _ = storyline.summarize_inputs([record], embedding_model=None, quiet=True)
    document = story.documents[0]
    assert document.dateline == "PARIS" and not document.text.startswith("PARIS")
    arrest = next(e for e in story.timeline if "arrested four men" in e.text)
    assert arrest.date == "2013-02-20"
