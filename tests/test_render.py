"""JSON (against the contract) and Markdown output."""

import json
from pathlib import Path

import jsonschema
import pytest

from storyline.models import Citation, Figure, FigureValue, Story, SummarySentence, TimelineEntry
from storyline.render_json import story_to_json
from storyline.render_md import render_markdown, value_text

from tests.helpers import make_doc, utc

PACKAGED_SCHEMA = Path(__file__).parents[1] / "storyline" / "story.schema.json"
SHARED_SCHEMA = Path(__file__).parents[2] / "shared" / "contract" / "story.schema.json"


def schema() -> dict:
    return json.loads(PACKAGED_SCHEMA.read_text())


def sample_story() -> Story:
    a = make_doc("a", "At least 20 hostages escaped on Thursday. Talks resumed.", utc(2013, 1, 17),
                 source="Wire <b>", url="javascript:alert(1)")
    b = make_doc("b", "At least 20 hostages escaped on Thursday. Talks resumed.", utc(2013, 1, 17, 3),
                 duplicate_of="a")
    return Story(
        story_id="s00000", title="Hostages *escape*", documents=[a, b],
        first_seen=a.published, last_seen=b.published,
        summary=[SummarySentence(a.sentences[0].text, [Citation("a", 0, 41), Citation("b", 0, 41)])],
        figures=[Figure("hostages escaped", [
            FigureValue(20, a.sentences[0].text, "a", low=20, qualifier="at least",
                        reported_at=a.published, attributed_to="an official"),
            FigureValue(None, "Dozens fled.", "a", low=24, high=99, reported_at=a.published),
        ], change="20 -> 24-99")],
        timeline=[TimelineEntry("2013-01-17", "At least 20 hostages escaped on Thursday.", [Citation("a", 0, 41)])],
    )


def test_json_is_valid_against_the_contract():
    jsonschema.validate(story_to_json(sample_story()), schema())


@pytest.mark.skipif(not SHARED_SCHEMA.exists(), reason="shared contract not beside the repo")
def test_packaged_schema_is_the_shared_contract():
    assert json.loads(SHARED_SCHEMA.read_text()) == schema()


def test_json_keeps_offsets_and_copies():
    data = story_to_json(sample_story())
    assert data["summary"][0]["sources"][0] == {"doc_id": "a", "start": 0, "end": 41}
    assert data["documents"][1]["duplicate_of"] == "a"
    assert data["figures"][0]["values"][0]["qualifier"] == "at least"


def test_markdown_lists_summary_figures_timeline_sources_and_escapes_text():
    md = render_markdown(sample_story())
    assert "## Summary" in md and "[1][2]" in md
    assert "| at least 20 | an official |" in md
    assert "**2013-01-17**" in md
    assert "Hostages \\*escape\\*" in md
    assert "Wire &lt;b&gt;" in md
    assert "javascript:" not in md


def test_value_text():
    assert value_text(FigureValue(20, "", "a", qualifier="at least")) == "at least 20"
    assert value_text(FigureValue(None, "", "a", low=24, high=99)) == "24-99"
    assert value_text(FigureValue(1300.0, "", "a")) == "1,300"
    assert value_text(FigureValue(None, "", "a", low=2000, high=9999, quote="Thousands")) == "thousands (2,000-9,999)"
    assert value_text(FigureValue(None, "", "a", low=67, high=131, quote="more than half of the 132")) == "67-131"


def test_markdown_says_which_numbered_sources_disagree():
    a = make_doc("a", "The militants said they held 41 hostages.", utc(2013, 1, 17))
    b = make_doc("b", "The government said 132 hostages were held.", utc(2013, 1, 17, 2))
    figure = Figure("hostages held", [
        FigureValue(41, a.sentences[0].text, "a", reported_at=a.published, attributed_to="the militants"),
        FigureValue(132, b.sentences[0].text, "b", reported_at=b.published),
    ], conflict=True, conflict_note="a (the militants): 41; b: 132")
    md = render_markdown(Story("s", "Siege", [a, b], figures=[figure]))
    assert "> Reports disagree: [1] the militants: 41; [2] 132" in md


def test_markdown_names_at_most_six_disagreeing_values():
    docs = [make_doc(f"d{i}", f"Officials said {10 * (i + 1)} people died.", utc(2013, 1, 17, i)) for i in range(8)]
    values = [FigureValue(10 * (8 - i), d.sentences[0].text, d.doc_id, reported_at=d.published)
              for i, d in enumerate(docs)]  # falling within hours: every pair disagrees
    md = render_markdown(Story("s", "Toll", docs, figures=[Figure("people killed", values, conflict=True)]))
    line = next(x for x in md.splitlines() if x.startswith("> Reports disagree"))
    assert line.count("; ") == 6 and line.endswith("and 2 more")
