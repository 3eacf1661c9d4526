"""Tests for the cleaning stage: article paragraphs kept, page furniture and captions out."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.clean import (
    NO_HTML_TEXT,
    NO_TEXT_LEFT,
    CleanText,
    clean_report,
    clean_text,
    copyright_holder,
    extract_html,
    line_key,
    unglue_lines,
    parse_date,
    published_warning,
    repeated_furniture,
    section_listing,
    teaser_cards,
    title_outlet,
)
from storyline.models import Document, RawReport, Rejection

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "samples" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "clean"

ARTICLE = [
    "The river burst its banks on Monday and flooded hundreds of homes in the valley, officials said.",
    "Rescue teams used boats to reach families trapped on the upper floors of their houses overnight.",
    "The regional government said it would open three shelters in schools on higher ground.",
]
ARTICLE_BODY = "\n\n".join(ARTICLE)


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def with_line_inside(line: str) -> str:
    """The three-paragraph article with ``line`` between its first and second paragraphs."""
    return "\n\n".join([ARTICLE[0], line, *ARTICLE[1:]])


def paragraphs_of(text: str) -> list[str]:
    return text.split("\n\n")


# --- the two seed reports ----------------------------------------------------------


@pytest.fixture(scope="module")
def seed_002() -> CleanText:
    return clean_text(seed_text("002"))


@pytest.fixture(scope="module")
def seed_000() -> CleanText:
    return clean_text(seed_text("000"))


def test_seed_002_keeps_the_article_from_first_to_last_paragraph(seed_002: CleanText) -> None:
    paragraphs = paragraphs_of(seed_002.body)
    assert paragraphs[0].startswith("About 60 foreign hostages")
    assert paragraphs[-1].startswith("A US official said while some Americans escaped")
    assert len(paragraphs) == 18
    assert seed_002.dateline == "ALGIERS"


def test_seed_002_drops_the_opinion_teasers_and_moves_the_caption(seed_002: CleanText) -> None:
    for word in ("2024", "2007", "Opinion", "Privatising PIA", "lioness", "Karachi"):
        assert word not in seed_002.body
    assert len(seed_002.captions) == 1
    assert seed_002.captions[0].startswith("Members of the Algerian special forces")
    assert seed_002.removed[:2] == ["Opinion", "Editorial"]
    assert "Updated 23 Apr, 2024" in seed_002.removed
    assert any(r.startswith("Unless the culture of violence") for r in seed_002.removed)


def test_seed_002_body_has_no_stray_whitespace(seed_002: CleanText) -> None:
    assert "\u00a0" not in seed_002.body
    assert "\n\n\n" not in seed_002.body
    assert all(p == p.strip() and "  " not in p for p in paragraphs_of(seed_002.body))
    assert "said Friday.\n\n" in seed_002.body  # the trailing no-break spaces are gone


def test_seed_000_ends_with_the_last_paragraph(seed_000: CleanText) -> None:
    paragraphs = paragraphs_of(seed_000.body)
    assert seed_000.dateline == "Algiers"
    assert paragraphs[0].startswith("At least 20 foreign hostages escaped")
    assert paragraphs[-1].startswith("Militants phoned a Mauritanian news outlet")
    assert len(paragraphs) == 13
    assert seed_000.removed == ["Latest News from World News Desk"]
    assert seed_000.captions == []


def test_clean_report_builds_the_document_from_a_seed() -> None:
    published = datetime(2013, 1, 18, tzinfo=timezone.utc)
    raw = RawReport(origin="seeds/002.txt", doc_id="002", text=seed_text("002"),
                    published=published, metadata={"feed": "wire"})
    doc = clean_report(raw)
    assert isinstance(doc, Document)
    assert (doc.doc_id, doc.origin, doc.published, doc.metadata) == ("002", "seeds/002.txt", published, {"feed": "wire"})
    assert doc.text.startswith("About 60 foreign hostages")
    assert doc.dateline == "ALGIERS"
    assert doc.content_hash == hashlib.sha1(doc.text.encode("utf-8")).hexdigest()
    assert len(doc.captions) == 1 and "Opinion" in doc.removed


# --- fixtures in other furniture styles ----------------------------------------------

FURNITURE_FIXTURES = {
    # name: (dateline, caption fragments, lines that must be in removed)
    "wire_breadcrumb": ("NAIROBI", ["(AP Photo/Ben Otieno)"], [
        "Home > World > Africa", "By JOHN MBEKI, Associated Press", "January 17, 2013 10:32 AM",
        "Advertisement", "Read More: Drought and floods strain Kenya's aid budget",
    ]),
    "agency_trailer": ("LIMA", ["Photo: Maria Quispe"], [
        "Share this article", "Sign up for our newsletter", "(Reporting by Carlos Mendoza; Editing by Paul Adams)",
        "Related:", "Chile copper exports rise on strong demand from Asia", "Subscribe",
        "© 2021 Reuters. All rights reserved.",
    ]),
    "cookie_banner": ("WASHINGTON", [], [
        "Home | News | Politics", "By Jane Doe and Peter Lang", "Updated 5 May, 2022",
        "Click here to get breaking news alerts on your phone.", "Related stories",
        "House leaders reject Senate offer on defence spending…", "© 2022 The Capital Ledger",
    ]),
    "teaser_tail": ("Kathmandu", [], [
        "Nepal", "Business", "12 Mar, 2023", "Hotel bookings slump after quake",
        "Tour operators in the capital said cancellations had doubled since the first earthquake struck in late February.",
        "The central bank said it had enough reserves to cover seven months of imports.",
    ]),
    "broadcaster_share": (None, ["Image copyright Getty Images", "Image caption Coastguard boats", "hull of the overturned ferry"], [
        "2 hours ago", "Share this with", "Facebook", "Read more:", "Survivors describe night in the water",
        "Related Topics",
    ]),
    "inline_furniture": ("PARIS", ["in a 2019 file photo", "File photo: The bridge"], [
        "Story continues below advertisement", "Read more: France pledges billions to repair ageing bridges",
        "Sign up to our free morning briefing, delivered to your inbox every weekday.",
    ]),
}
CLEAN_FIXTURES = ["clean_sections", "clean_short_paragraphs", "clean_colon_quotes", "clean_wrapped"]


def load_fixture(name: str) -> tuple[str, str]:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    expected = (FIXTURES / f"{name}.expected.txt").read_text(encoding="utf-8").strip("\n")
    return text, expected


@pytest.mark.parametrize("name", sorted(FURNITURE_FIXTURES))
def test_furniture_fixture_body(name: str) -> None:
    text, expected = load_fixture(name)
    assert clean_text(text).body == expected


@pytest.mark.parametrize("name", sorted(FURNITURE_FIXTURES))
def test_furniture_fixture_dateline_captions_and_removed(name: str) -> None:
    dateline, caption_parts, removed_lines = FURNITURE_FIXTURES[name]
    result = clean_text(load_fixture(name)[0])
    assert result.dateline == dateline
    assert len(result.captions) == len(caption_parts)
    for part, caption in zip(caption_parts, result.captions):
        assert part in caption
    for line in removed_lines:
        assert line in result.removed
    assert not set(result.captions) & set(result.removed)


def test_headline_above_the_article_is_reported_as_title() -> None:
    assert clean_text(load_fixture("cookie_banner")[0]).title == "Senate passes stopgap budget hours before deadline"
    assert clean_text(load_fixture("wire_breadcrumb")[0]).title == "Flooded river cuts off northern towns"
    assert clean_text(ARTICLE_BODY).title is None


@pytest.mark.parametrize("name", CLEAN_FIXTURES)
def test_article_without_furniture_comes_out_unchanged(name: str) -> None:
    text, expected = load_fixture(name)
    # the expected body is the input with whitespace normalised and nothing else
    assert " ".join(expected.split()) == " ".join(text.split())
    result = clean_text(text)
    assert result.body == expected
    assert (result.removed, result.captions, result.dateline) == ([], [], None)


def test_lone_subheading_inside_the_article_stays() -> None:
    assert "\n\nFunding\n\n" in clean_text(load_fixture("clean_sections")[0]).body


# --- each kind of furniture, alone in the middle of an article --------------------------

FURNITURE_LINES = [
    "Opinion", "Editorial", "World", "Home", "Home > World > Africa", "Latest News from the Foreign Desk",
    "Share this article", "Related: Dam levels rise across the region", "Advertisement", "Read more",
    "Read More: Why the valley floods every spring", "Click here to watch the video",
    "Sign up for our newsletter", "Subscribe", "Subscribe now for unlimited access",
    "We use cookies to give you the best experience on our website.",
    "This site uses cookies. By continuing to browse you agree to our use of cookies.",
    "© 2024 The Valley Courier", "Copyright 2013 The Associated Press", "All rights reserved.",
    "By John Smith", "By JOHN SMITH, Associated Press", "By Maria de la Cruz and Tom O'Neil",
    "Updated 23 Apr, 2024", "23 Apr, 2024", "January 17, 2013 10:32 AM", "Thursday 17 January 2013",
    "2013-01-17T10:32:00Z", "3 hours ago", "5 min read",
    "Markets Mutual Funds Commodities Wealth Portfolio Messages My TV Tax Fixed Income CNBC TV18",
    "Northtown Easton Riverside Lakeside Hillview Westbrook Southport Millbrook Oakdale Fairview "
    "Greenville Ashford Brookside Clayton Dunmore Elmwood",
    "Valley News Sport Business Farm Court Weekend Edition",
    "Have you been affected by the floods? Email us at tips@courier.example.",
    "Jo Frey is the Courier's farming correspondent. She has covered the valley since 2010.",
]


@pytest.mark.parametrize("line", FURNITURE_LINES)
def test_furniture_line_inside_an_article_is_removed(line: str) -> None:
    result = clean_text(with_line_inside(line))
    assert result.body == ARTICLE_BODY
    assert result.removed == [line]


@pytest.mark.parametrize("line", FURNITURE_LINES[:6])
def test_furniture_line_at_head_and_tail_is_removed(line: str) -> None:
    result = clean_text("\n".join([line, *ARTICLE, line]))
    assert result.body == ARTICLE_BODY
    assert result.removed == [line, line]


@pytest.mark.parametrize("headline", [
    "Storm Kills 41 Across Caribbean", "Rescuers Search For Survivors After Dam Bursts",
    "FLOODWATERS RECEDE AS TOWNS COUNT THE COST", "Election Night Live Coverage",
    "Coastal Towns Count Storm Damage Bill", "Markets Rally As Central Bank Holds Rates",
])
def test_headlines_in_title_case_are_not_menus(headline: str) -> None:
    result = clean_text("\n".join([headline, *ARTICLE]))
    assert result.title == headline and result.body == ARTICLE_BODY


def test_run_of_title_lines_inside_an_article_is_removed() -> None:
    teasers = "Markets slump after vote\nFarmers count the cost\nSchools reopen in the north"
    result = clean_text(with_line_inside(teasers))
    assert result.body == ARTICLE_BODY
    assert result.removed == teasers.split("\n")


@pytest.mark.parametrize("sentence", [
    "By Thursday, the army had stormed the plant and freed most of the hostages.",
    "More news is expected later today, officials said.",
    "Copyright laws were changed in 2019 after a long campaign by authors.",
    "Share the burden, the minister told the other members of the coalition.",
    "The photo agency said it had lost contact with two of its photographers.",
    "Related groups had also threatened the company, the statement said.",
    "Courtesy calls to the families went on late into the night, the mayor said.",
])
def test_sentences_that_resemble_furniture_stay(sentence: str) -> None:
    result = clean_text(with_line_inside(sentence))
    assert result.body == "\n\n".join([ARTICLE[0], sentence, *ARTICLE[1:]])
    assert result.removed == [] and result.captions == []


def test_teaser_block_after_the_article_is_removed_with_its_sentences() -> None:
    tail = [
        "Roads reopen in the south", "Updated 4 May, 2022", "Roads reopen in the south",
        "Engineers cleared the last landslide from the mountain road on Tuesday evening.",
        "Power restored to villages", "3 May, 2022", "Power restored to villages",
        "THE electricity company said most homes had their supply back by...",
    ]
    result = clean_text("\n\n".join([*ARTICLE, *tail]))
    assert result.body == ARTICLE_BODY
    assert result.removed == tail


def test_subheaded_sections_at_the_end_are_not_taken_for_teasers() -> None:
    text = "\n\n".join([ARTICLE[0], "Shelters", ARTICLE[1], "Next steps", ARTICLE[2], "Advertisement"])
    assert clean_text(text).body == "\n\n".join([ARTICLE[0], "Shelters", ARTICLE[1], "Next steps", ARTICLE[2]])


def test_repeated_lines_of_the_outlet_are_furniture() -> None:
    pitch = "Support independent journalism with a monthly gift to the Valley Courier today."
    text = with_line_inside(pitch)
    assert pitch in clean_text(text).body
    result = clean_text(text, repeated_lines=frozenset({line_key(pitch)}))
    assert result.body == ARTICLE_BODY
    assert result.removed == [pitch]


# --- captions -------------------------------------------------------------------------

CAPTIONS = [
    "Soldiers patrol the border town on Tuesday. -Reuters Photo",
    "A man wades through flood water in Garissa, Kenya, on Wednesday. (AP Photo/Ben Otieno)",
    "Photo: Ahmed Salem",
    "A resident carries her belongings out of a flooded house. Photo: AFP",
    "File photo of the gas plant at Ain Amenas.",
    "Police officers stand guard outside the court in this January 3, 2012 file photo.",
    "Image copyright Getty Images",
    "Firefighters spray water on the burning warehouse. Getty Images",
    "Courtesy of the Regional Weather OfficeA satellite image of the storm taken on Oct. 30.",
    "Volunteers carry sandbags along the flooded riverbank in Osk, Tuesday, March 4, 2025.",
    "A rescuer searches the rubble of the collapsed market in Lume, on Friday, Sept. 12, 2014.",
    "Injured fans wait for ambulances outside the stadium in Vell, Sunday Oct. 5, 2014.",
    "Click photo to enlarge Volunteers hand out water at the shelter in the school gym.",
    "Find it on Newscom: abc1234 Firefighters hose down the roof of the burning depot.",
]


@pytest.mark.parametrize("caption", CAPTIONS)
def test_caption_moves_out_of_the_body(caption: str) -> None:
    for text in (caption + "\n\n" + ARTICLE_BODY, with_line_inside(caption)):
        result = clean_text(text)
        assert result.body == ARTICLE_BODY
        assert result.captions == [caption]
        assert result.removed == []


# --- datelines ------------------------------------------------------------------------

REST = "Gunmen seized a gas plant in the desert on Wednesday, officials said."


@pytest.mark.parametrize(("start", "place"), [
    ("ALGIERS: ", "ALGIERS"),
    ("Algiers: ", "Algiers"),
    ("ALGIERS (AP) -- ", "ALGIERS"),
    ("ALGIERS, Jan 17 (Reuters) - ", "ALGIERS"),
    ("WASHINGTON — ", "WASHINGTON"),
    ("PARIS, France - ", "PARIS"),
    ("NEW YORK (AP) — ", "NEW YORK"),
    ("Ain Amenas, Algeria (AFP) - ", "Ain Amenas"),
    ("MELBOURNE/SANTIAGO - ", "MELBOURNE/SANTIAGO"),
    ("BERLIN (dpa) - ", "BERLIN"),
])
def test_dateline_is_read_and_stripped(start: str, place: str) -> None:
    result = clean_text(start + REST + "\n\n" + ARTICLE[1])
    assert result.dateline == place
    assert result.body == REST + "\n\n" + ARTICLE[1]


def test_dateline_on_its_own_line_is_read() -> None:
    result = clean_text("LONDON (AP) —\n" + ARTICLE_BODY)
    assert result.dateline == "LONDON"
    assert result.body == ARTICLE_BODY


@pytest.mark.parametrize("first", [
    "However: the plan was approved by nine votes to four on Tuesday evening.",
    "Note: figures were revised by the statistics office on Friday morning.",
    "Mr Smith: we expect more rain over the weekend, and the river may rise.",
    "Obama — who spoke from the White House — said the attack was an act of terror.",
    "Al-Qaida-linked rebels seized the northern town of Gao last year, residents said.",
])
def test_ordinary_sentence_starts_are_not_datelines(first: str) -> None:
    result = clean_text(first + "\n\n" + ARTICLE[1])
    assert result.dateline is None
    assert result.body == first + "\n\n" + ARTICLE[1]


def test_only_the_first_paragraph_has_a_dateline() -> None:
    text = ARTICLE[0] + "\n\nLONDON: " + REST
    result = clean_text(text)
    assert result.dateline is None
    assert result.body == ARTICLE[0] + "\n\nLONDON: " + REST


# --- whitespace -------------------------------------------------------------------------


def test_whitespace_is_normalised_and_words_are_not_rewritten() -> None:
    text = "  The  army\tsaid ''we will win''\u00a0 on Friday, officials said.  \r\n\r\n\r\n\u201cNo,\u201d he said.\t\n"
    result = clean_text(text)
    assert result.body == "The army said ''we will win'' on Friday, officials said.\n\n\u201cNo,\u201d he said."


# --- reports and rejections ---------------------------------------------------------------


def test_empty_or_furniture_only_report_is_rejected() -> None:
    for text in ("", "   \n\n", "Home\nWorld\nShare this article\n© 2024 The Valley Courier"):
        result = clean_report(RawReport(origin="in.txt", doc_id="a", text=text))
        assert result == Rejection("in.txt", NO_TEXT_LEFT)


def test_report_metadata_is_kept() -> None:
    raw = RawReport(origin="in.txt", doc_id="a", text=ARTICLE_BODY, title="Floods", source="Valley Courier",
                    url="https://valley.example/a")
    doc = clean_report(raw)
    assert isinstance(doc, Document)
    assert (doc.title, doc.source, doc.url, doc.text) == ("Floods", "Valley Courier", "https://valley.example/a", ARTICLE_BODY)


# --- HTML ---------------------------------------------------------------------------------

PAGE_PARAGRAPHS = [
    "Engineers opened all six floodgates of the Riverside dam on Thursday after a week of heavy rain "
    "pushed the reservoir to its highest level in forty years.",
    "Residents of three villages downstream were told to move to higher ground by the evening, "
    "the regional water authority said in a statement.",
    '"We expect the river to rise by up to two metres overnight," said the authority\'s director, '
    "who asked people to stay away from the banks.",
    "The last time the gates were fully opened, in 1981, the town centre flooded and hundreds of homes were damaged.",
]


@pytest.fixture(scope="module")
def article_page() -> str:
    return (FIXTURES / "article_page.html").read_text(encoding="utf-8")


def test_extract_html_keeps_article_and_metadata(article_page: str) -> None:
    article = extract_html(article_page, "https://valley.example/news/dam")
    assert article is not None
    assert article.title == "Dam opens floodgates after week of rain"
    assert article.date == datetime(2021, 3, 4, 8, 15, tzinfo=timezone.utc)
    assert article.sitename == "The Valley Courier"
    for paragraph in PAGE_PARAGRAPHS:
        assert paragraph in article.text
    for furniture in ("Sign in", "Most read", "Council approves", "All rights reserved", "Privacy"):
        assert furniture not in article.text


def test_clean_report_from_html_takes_page_metadata(article_page: str) -> None:
    doc = clean_report(RawReport(origin="page.html", doc_id="p", html=article_page))
    assert isinstance(doc, Document)
    assert doc.text == "\n\n".join(PAGE_PARAGRAPHS)
    assert doc.title == "Dam opens floodgates after week of rain"
    assert doc.published == datetime(2021, 3, 4, 8, 15, tzinfo=timezone.utc)
    assert doc.source == "The Valley Courier"
    assert doc.url == "https://valley.example/news/dam-floodgates"


def test_report_metadata_wins_over_the_page(article_page: str) -> None:
    published = datetime(2021, 3, 5, 12, 0, tzinfo=timezone.utc)
    raw = RawReport(origin="page.html", doc_id="p", html=article_page, title="Given title",
                    published=published, source="Given source", url="https://given.example/x")
    doc = clean_report(raw)
    assert isinstance(doc, Document)
    assert (doc.title, doc.published, doc.source, doc.url) == (
        "Given title", published, "Given source", "https://given.example/x")


def test_page_without_article_is_rejected() -> None:
    page = (FIXTURES / "no_article_page.html").read_text(encoding="utf-8")
    assert clean_report(RawReport(origin="empty.html", doc_id="e", html=page)) == Rejection("empty.html", NO_HTML_TEXT)
    assert extract_html("") is None


@pytest.mark.parametrize(("value", "expected"), [
    ("2021-03-04", datetime(2021, 3, 4, tzinfo=timezone.utc)),
    ("2021-03-04T09:15:00+0100", datetime(2021, 3, 4, 9, 15, tzinfo=timezone(timedelta(hours=1)))),
    ("2021-03-04 09:15", datetime(2021, 3, 4, 9, 15, tzinfo=timezone.utc)),
    ("March 4, 2021 9:15 PM EST", datetime(2021, 3, 4, 21, 15, tzinfo=timezone(timedelta(hours=-5)))),
    ("not a date", None),
    (None, None),
])
def test_parse_date_keeps_the_page_offset(value: str | None, expected: datetime | None) -> None:
    got = parse_date(value)
    assert got == expected
    assert got is None or got.utcoffset() == expected.utcoffset()  # naive is UTC; a zone is kept


# --- furniture shared across an outlet's reports -------------------------------------------

STORIES = [
    "The mayor resigned on Monday after a row over the budget.",
    "A new bridge over the river will open next month, the council said.",
    "The hospital has hired forty more nurses to cut waiting times.",
    "Farmers say the drought has halved this year's wheat harvest.",
]


def page(story: str, extra: str = "") -> str:
    return f"Home\n{story}\n{extra}\nSupport the Courier:  donate TODAY\n© The Courier"


def test_repeated_furniture_finds_lines_shared_by_an_outlet() -> None:
    found = repeated_furniture({
        "Courier": [page(s) for s in STORIES[:3]],
        "Herald": [f"{s}\nHerald weather" for s in STORIES[:2]],  # only two reports
    })
    assert found == frozenset({"home", "support the courier: donate today", "© the courier"})
    assert repeated_furniture({"Herald": [f"{s}\nHerald weather" for s in STORIES[:2]]}, min_reports=2) == {"herald weather"}


def test_updates_of_one_story_do_not_make_its_paragraphs_furniture() -> None:
    versions = [page(STORIES[0], "Police are investigating."),
                page(STORIES[0], "Police are investigating.\nHe denies wrongdoing."),
                page(STORIES[0], "Police are investigating.\nAn election will follow.")]
    found = repeated_furniture({"Courier": versions + [page(s) for s in STORIES[1:3]]})
    assert "police are investigating." not in found
    assert line_key(STORIES[0]) not in found
    assert "home" in found


def test_furniture_found_across_reports_is_removed_when_cleaning() -> None:
    texts = [page(STORIES[0], ARTICLE_BODY)] + [page(s) for s in STORIES[1:]]
    found = repeated_furniture({"Courier": texts})
    result = clean_text(texts[0], repeated_lines=found)
    assert result.body == STORIES[0] + "\n\n" + ARTICLE_BODY
    assert "Support the Courier: donate TODAY" in result.removed


# --- properties ---------------------------------------------------------------------------------

WORDS = ["the", "army", "said", "on", "Friday", "hostages", "were", "freed", "in", "a", "raid", "near",
         "Algiers", "officials", "plant", "gas", "desert", "three", "days", "after", "attack", "by", "militants"]
FURNITURE_WORDS = ["Home", "Opinion", "photo", "By", "Updated", "Apr", "2024", "17", "(AP)", "--", "—", ":",
                   "Reuters", "file", "Getty", "Images", "Share", "Read", "more", "Related", "cookies", "...", "…"]
ENDINGS = ["", ".", "?", "!", "...", ":", '."', "…", ",'' she said."]
SEPARATORS = ["\n", "\n\n", "\n \n", "\t\n\n", "\n\n\n"]


@st.composite
def scraped_texts(draw: st.DrawFn) -> str:
    word = st.one_of(st.sampled_from(WORDS + FURNITURE_WORDS), st.text("abcdefgXYZ", min_size=1, max_size=8))
    paragraph = st.builds(lambda ws, end: " ".join(ws) + end,
                          st.lists(word, min_size=1, max_size=20), st.sampled_from(ENDINGS))
    paragraphs = draw(st.lists(paragraph, min_size=1, max_size=12))
    text = paragraphs[0]
    for p in paragraphs[1:]:
        text += draw(st.sampled_from(SEPARATORS)) + p
    return text


@settings(max_examples=200, deadline=None)
@given(scraped_texts())
def test_cleaning_is_idempotent(text: str) -> None:
    once = clean_text(text).body
    assert clean_text(once).body == once


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=8, max_size=25), min_size=1, max_size=8))
def test_plain_sentence_paragraphs_are_kept_as_they_are(paragraphs: list[list[str]]) -> None:
    body = "\n\n".join(" ".join(ws).capitalize() + "." for ws in paragraphs)
    result = clean_text(body)
    assert result.body == body
    assert result.removed == []


def test_html_fragment_from_a_feed_keeps_its_paragraphs_and_drops_scripts():
    from storyline.clean import clean_report
    from storyline.models import RawReport

    raw = RawReport(origin="feed.rss#1", doc_id="e1", html=(
        "<p>Rescuers pulled three people from the rubble of the market on Monday, officials said.</p>"
        "<p>The mayor said 40 homes were destroyed. <script>alert(1)</script></p>"))
    doc = clean_report(raw)
    assert not isinstance(doc, Rejection)
    assert "Rescuers pulled three people" in doc.text and "40 homes" in doc.text
    assert "alert" not in doc.text


def test_a_dateline_with_its_year_dates_the_report():
    dated = clean_text("PARIS, Jan. 16, 2013 (AP) - Gunmen attacked a plant in the desert on Wednesday.")
    assert dated.dateline == "PARIS" and dated.dated == datetime(2013, 1, 16, tzinfo=timezone.utc)
    assert clean_text("PARIS, Jan. 16 (AP) - Gunmen attacked a plant in the desert.").dated is None
    assert clean_text("Gunmen attacked a plant on Jan. 16, 2013, in the desert.").dated is None
    doc = clean_report(RawReport(origin="a.txt", doc_id="a", text=(
        "PARIS, Jan. 16, 2013 (AP) - Gunmen attacked a plant in the desert on Wednesday.")))
    assert doc.published == datetime(2013, 1, 16, tzinfo=timezone.utc)
    assert doc.metadata["published_from"] == "dateline"
    given = clean_report(RawReport(origin="b.txt", doc_id="b", published=datetime(2013, 1, 17, tzinfo=timezone.utc),
                                   text="PARIS, Jan. 16, 2013 (AP) - Gunmen attacked a plant in the desert."))
    assert given.published.day == 17 and "published_from" not in given.metadata


def test_a_headline_only_report_keeps_its_headline_and_a_teaser_run_is_still_rejected():
    alert = "Fed official says weak data caused by weather, should not slow taper"
    doc = clean_report(RawReport(origin="feed:1", doc_id="a", text=alert, title=alert))
    assert isinstance(doc, Document) and doc.text == alert
    colon = "Fed's Plosser: Nasty Weather Has Curbed Job Growth"
    assert clean_report(RawReport(origin="feed:4", doc_id="d", text=colon, title=colon)).text == colon
    teasers = "Marketplace car bomb kills 10 in northeast Iraq\nHotel bomb kills 3 wounds 27 in south Philippines"
    assert isinstance(clean_report(RawReport(origin="feed:2", doc_id="b", text=teasers)), Rejection)
    for furniture in ("Latest News", "Subscribe to our newsletter"):
        assert isinstance(clean_report(RawReport(origin="feed:3", doc_id="c", text=furniture)), Rejection)


@pytest.mark.parametrize("line", [
    "The plant will reopen on Thursday, the company said.",
    "The ministry said on Tuesday, March 4, that the dam was safe.",
    "Tuesday, March 4, 2025",
])
def test_dated_prose_and_date_lines_are_no_captions(line: str) -> None:
    assert line not in clean_text(line + "\n\n" + ARTICLE_BODY).captions


# --- audit s7: dates in the report's own zone, "Published ..." lines, unread dates ---------------

S7 = Path(__file__).resolve().parent / "fixtures" / "ingest_s7"
EST = timezone(timedelta(hours=-5))


def s7_report(name: str, **fields) -> Document:
    text = (S7 / name).read_text(encoding="utf-8")
    kind = "html" if name.endswith(".html") else "text"
    doc = clean_report(RawReport(origin=name, doc_id=name, **{kind: text}, **fields))
    assert isinstance(doc, Document)
    return doc


def test_a_page_date_keeps_its_own_offset() -> None:
    doc = s7_report("page_evening.html")
    assert doc.published == datetime(2025, 3, 4, 23, 30, tzinfo=EST)
    assert doc.published.date() == date(2025, 3, 4)  # not Wednesday, as UTC would make it
    assert doc.published.utcoffset() == timedelta(hours=-5)


def test_a_published_line_dates_an_undated_scrape_and_related_links_do_not() -> None:
    doc = s7_report("stamped.txt")
    assert doc.published == datetime(2025, 6, 10, tzinfo=timezone.utc)
    assert doc.metadata["published_from"] == "published line"
    assert "Published 10 June 2025" in doc.removed and "Published 10 June 2025" not in doc.text
    given = datetime(2025, 6, 11, 9, tzinfo=EST)
    assert s7_report("stamped.txt", published=given).published == given  # a given date wins
    teasers = s7_report("teasers_only.txt")  # stamps under headlines below the article date others
    assert teasers.published is None and "published_from" not in teasers.metadata


def test_an_updated_line_at_the_foot_keeps_its_zone() -> None:
    doc = s7_report("updated_foot.txt")
    assert doc.published == datetime(2025, 6, 11, 18, 40, tzinfo=timezone(timedelta(hours=1)))
    assert doc.metadata["published_from"] == "updated line"


@pytest.mark.parametrize(("stamp", "expected"), [
    ("Posted on March 3, 2025 at 10:00 PM EST", datetime(2025, 3, 3, 22, tzinfo=EST)),
    ("Updated: 10 June 2025 | 14:05 BST", datetime(2025, 6, 10, 14, 5, tzinfo=timezone(timedelta(hours=1)))),
])
def test_published_line_forms(stamp: str, expected: datetime) -> None:
    doc = clean_report(RawReport(origin="a.txt", doc_id="a", text=stamp + "\n\n" + ARTICLE_BODY))
    assert doc.published == expected
    assert doc.published.utcoffset() == expected.utcoffset()


def test_only_a_published_line_near_the_head_or_foot_with_a_year_is_believed() -> None:
    paragraphs = [f"Paragraph {i} of the report says the river rose again overnight in the valley." for i in range(24)]

    def published(stamp: str, at: int) -> datetime | None:
        text = "\n\n".join([*paragraphs[:at], stamp, *paragraphs[at:]])
        return clean_report(RawReport(origin="a.txt", doc_id="a", text=text)).published

    assert published("Published 2 June 2025", 0) == datetime(2025, 6, 2, tzinfo=timezone.utc)
    assert published("Published 2 June 2025", 24) == datetime(2025, 6, 2, tzinfo=timezone.utc)
    assert published("Published 2 June 2025", 11) is None  # 11 units above, 13 below: mid-text
    assert published("Published 2 June", 0) is None  # no year: not enough to date a report


def test_a_published_line_beats_the_dateline_and_an_updated_line_does_not() -> None:
    dateline = "PARIS, Jan. 16, 2013 (AP) - " + ARTICLE[0]
    body = "\n\n".join([dateline, *ARTICLE[1:]])
    published = clean_report(RawReport(origin="a.txt", doc_id="a", text="Published 15 January 2013\n\n" + body))
    assert published.published.date() == date(2013, 1, 15)
    updated = clean_report(RawReport(origin="b.txt", doc_id="b", text="Updated 17 January 2013\n\n" + body))
    assert updated.published.date() == date(2013, 1, 16) and updated.metadata["published_from"] == "dateline"


def test_an_unread_date_gives_one_warning_line_and_no_rejection() -> None:
    raw = RawReport(origin="feed.jsonl:1", doc_id="a", text=ARTICLE_BODY, metadata={"published_unread": "yesterday"})
    doc = clean_report(raw)
    assert isinstance(doc, Document) and doc.published is None
    assert published_warning(doc) == "feed.jsonl:1: cannot read published date 'yesterday'; report kept undated"
    stamped = clean_report(RawReport(origin="b.txt", doc_id="b", text="Published 10 June 2025\n\n" + ARTICLE_BODY,
                                     metadata={"published_unread": "2015-13-45"}))
    assert published_warning(stamped) == ("b.txt: cannot read published date '2015-13-45'; "
                                          "dated 2025-06-10 from its published line instead")
    assert published_warning(clean_report(RawReport(origin="c.txt", doc_id="c", text=ARTICLE_BODY))) is None


def test_a_date_in_the_future_gives_a_warning_and_the_report_is_kept() -> None:
    ahead = clean_report(RawReport(origin="future.txt", doc_id="f", text=ARTICLE_BODY,
                                   published=datetime(2999, 3, 1, tzinfo=timezone.utc)))
    assert isinstance(ahead, Document)
    assert published_warning(ahead) == "future.txt: published date 2999-03-01 is in the future; kept as given"
    past = clean_report(RawReport(origin="past.txt", doc_id="p", text=ARTICLE_BODY,
                                  published=datetime(2013, 1, 17)))
    assert published_warning(past) is None


def test_an_ambiguous_date_gives_a_warning_saying_which_reading_was_used() -> None:
    raw = RawReport(origin="feed.jsonl:3", doc_id="a", text=ARTICLE_BODY,
                    published=datetime(2015, 2, 3, tzinfo=timezone.utc), metadata={"published_ambiguous": "02/03/2015"})
    assert published_warning(clean_report(raw)) == ("feed.jsonl:3: published date '02/03/2015' is ambiguous; "
                                                    "read as 2015-02-03 (month first)")


def test_a_quote_asking_to_contact_someone_stays_in_the_article() -> None:
    line = '"Nobody would contact us for three days," said Ana Lenz, whose farm was cut off.'
    assert line in clean_text(with_line_inside(line)).body


def test_a_pages_figure_captions_are_listed_not_lost() -> None:
    page = ("<html><head><title>Quake toll rises</title></head><body><nav>Home World</nav><article>"
            "<h1>Quake toll rises to 27</h1>"
            "<figure><img src='a.jpg'><figcaption>Rescuers search the rubble in Dastin on Tuesday. "
            "Photo: Reuters</figcaption></figure>"
            + "".join(f"<p>The death toll from the earthquake in Velmora province rose to {n} on Tuesday, "
                      f"civil protection officials said in their update number {n}.</p>" for n in range(20, 28))
            + "</article></body></html>")
    doc = clean_report(RawReport(origin="page.html", doc_id="page", html=page))
    assert isinstance(doc, Document)
    assert doc.captions == ["Rescuers search the rubble in Dastin on Tuesday. Photo: Reuters"]
    assert "Rescuers search" not in doc.text


# --- audit s8: live blogs, entries led by clock times ----------------------------------------


def test_live_blog_entry_times_are_cut_from_the_text_and_kept_with_their_offsets() -> None:
    cleaned = clean_text((FIXTURES / "live_entries.txt").read_text(encoding="utf-8"))
    entries = paragraphs_of(cleaned.body)
    assert [e.split()[0] for e in entries] == ["Firefighters", "The", "Police", "Smoke"]
    times = [(t["time"], t.get("zone")) for t in cleaned.entry_times]
    assert times == [("21:05", None), ("20:40", "BST"), ("19:55", None), ("07:30", "ET")]
    assert [cleaned.body[t["start"]:].split("\n")[0] for t in cleaned.entry_times] == entries


COUNCIL = "The council voted to close the bridge for repairs until the spring."


@pytest.mark.parametrize("line, paragraph", [
    ("18.32 " + COUNCIL, "18.32 " + COUNCIL),  # a dot needs am/pm or a zone: "18.32" may be a number
    ("10:30 " + COUNCIL, COUNCIL),  # a time cut from the text, but one time makes no live blog
    ("10:30 - 11:00", None),  # a schedule line, dropped as a date
    ("12:45 am", None),  # a lone time above one paragraph: the report's own time, not an entry's
])
def test_a_lone_or_dotted_number_gives_no_entry_times(line: str, paragraph: str | None) -> None:
    cleaned = clean_text(with_line_inside(line))
    assert cleaned.entry_times == []
    assert paragraphs_of(cleaned.body) == [ARTICLE[0], *([paragraph] if paragraph else []), *ARTICLE[1:]]


def test_a_live_blogs_entry_times_reach_the_document_metadata() -> None:
    text = "\n\n".join(f"{hour}:15 {sentence}" for hour, sentence in zip((14, 11, 9), ARTICLE))
    doc = clean_report(RawReport(origin="live.txt", doc_id="live", text=text))
    assert isinstance(doc, Document)
    assert doc.text == ARTICLE_BODY
    assert doc.metadata["entry_times"] == [{"start": doc.text.index(s), "time": f"{h:02d}:15"}
                                           for h, s in zip((14, 11, 9), ARTICLE)]
    assert "entry_times" not in clean_report(RawReport(origin="a.txt", doc_id="a", text=ARTICLE_BODY)).metadata


# --- audit s8: section fronts, pages that list other stories ---------------------------------


def fixture_page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def cards_page(cards: list[tuple[str, str]], body: str = "") -> str:
    """A page of headline links, each wrapping its heading and teaser, after an optional body."""
    items = "".join(f'<li><a href="/s{i}"><h2>{h}</h2>{f"<p>{t}</p>" if t else ""}</a></li>'
                    for i, (h, t) in enumerate(cards))
    return (f"<html><head><title>Latest - The Ridge Times</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<h1>Latest</h1>{body}<ul>{items}</ul><footer>The Ridge Times</footer></body></html>")


RIDGE_CARDS = [
    ("Snow closes the mountain pass", "The pass road was shut on Sunday after 40 centimetres of snow fell overnight."),
    ("Mill town gets its station back", "Trains will stop in Oster again from May, the rail operator said on Friday."),
    ("Choir wins national prize", "The Ridge youth choir beat 30 others in the final held in the capital."),
    ("Landslide buries forest road", "Nobody was hurt when the slope gave way above the old quarry on Saturday."),
]


def test_a_section_front_is_rejected_as_a_list_of_headlines() -> None:
    rejected = clean_report(RawReport(origin="regions.html", doc_id="r", html=fixture_page("section_front.html")))
    assert isinstance(rejected, Rejection)
    assert rejected.reason == "not an article: a section page listing 5 headlines"


def test_a_page_of_linked_cards_is_rejected_whatever_its_markup() -> None:
    rejected = clean_report(RawReport(origin="latest.html", doc_id="l", html=cards_page(RIDGE_CARDS)))
    assert isinstance(rejected, Rejection) and rejected.reason == "not an article: a section page listing 4 headlines"
    bare = cards_page([(headline, "") for headline, _ in RIDGE_CARDS])  # headlines only: no text to extract
    rejected = clean_report(RawReport(origin="bare.html", doc_id="b", html=bare))
    assert isinstance(rejected, Rejection) and rejected.reason == "not an article: a section page listing 4 headlines"


def test_an_article_with_a_block_of_teaser_cards_below_is_kept() -> None:
    page = fixture_page("article_more_stories.html")
    assert len(teaser_cards(page)) == 4  # the cards are seen, and are not the article
    doc = clean_report(RawReport(origin="ferry.html", doc_id="f", html=page))
    assert isinstance(doc, Document)
    assert len(paragraphs_of(doc.text)) == 3 and doc.text.startswith("Gales of up to 110 km/h")
    assert "Rangers" not in doc.text


def test_a_short_article_above_teaser_cards_is_kept() -> None:
    body = "".join(f"<p>{sentence}</p>" for sentence in ARTICLE[:2])
    doc = clean_report(RawReport(origin="brief.html", doc_id="b", html=cards_page(RIDGE_CARDS, body=body)))
    assert isinstance(doc, Document) and doc.text == "\n\n".join(ARTICLE[:2])


def test_a_brief_under_its_own_linked_headline_is_no_teaser() -> None:
    brief = ('<article><h1><a href="/flood">Valley flood: shelters open</a></h1>'
             + "".join(f"<p>{sentence}</p>" for sentence in ARTICLE[:2]) + "</article>")
    page = cards_page(RIDGE_CARDS[:3]).replace("<h1>Latest</h1>", brief)
    assert [card.headline for card in teaser_cards(page)] == [h for h, _ in RIDGE_CARDS[:3]]
    assert section_listing(page, "\n\n".join(ARTICLE[:2])) == 0
    assert isinstance(clean_report(RawReport(origin="brief.html", doc_id="b", html=page)), Document)


def test_a_body_of_teasers_needs_three_listed_headlines() -> None:
    teaser = RIDGE_CARDS[0][1]
    assert section_listing(cards_page(RIDGE_CARDS), teaser) == 4
    assert section_listing(cards_page(RIDGE_CARDS[:2]), teaser) == 0  # two links: a "Related" pair
    assert section_listing(cards_page(RIDGE_CARDS), teaser + "\n\n" + ARTICLE[0]) == 0  # one real paragraph
    assert section_listing(fixture_page("article_page.html"), ARTICLE_BODY) == 0


def test_a_plain_text_list_of_headlines_and_teasers_is_rejected() -> None:
    raw = RawReport(origin="regions.txt", doc_id="r", text=fixture_page("headline_list.txt"))
    rejected = clean_report(raw)
    assert isinstance(rejected, Rejection) and rejected.reason == "not an article: a page listing 4 headlines"


def test_an_article_with_one_paragraph_under_each_subheading_is_kept() -> None:
    text = fixture_page("subheaded_article.txt")
    cleaned = clean_text(text)  # the same shape as a list, but its sections share the island's name
    assert cleaned.listed == 0 and len(paragraphs_of(cleaned.body)) == 7
    three = "\n\n".join(fixture_page("headline_list.txt").split("\n\n")[:4])
    assert clean_text(three).listed == 0  # three pairs: too few to tell from an article in text alone


@pytest.mark.parametrize("raw", [
    RawReport(origin="a.txt", doc_id="a", text="OPINION\n\nBy Ana Ruiz\n\n" + ARTICLE_BODY),
    RawReport(origin="b.txt", doc_id="b", text=ARTICLE_BODY, title="Opinion: The levees will fail again"),
    RawReport(origin="c.txt", doc_id="c", text=ARTICLE_BODY + "\n\nAna Ruiz is a columnist. The views expressed are her own."),
])
def test_an_opinion_piece_is_marked_whichever_way_it_says_so(raw: RawReport) -> None:
    doc = clean_report(raw)
    assert isinstance(doc, Document) and doc.metadata.get("opinion") is True


def test_a_news_report_with_opinion_teasers_below_is_no_opinion_piece() -> None:
    doc = clean_report(RawReport(origin="d.txt", doc_id="d", text=ARTICLE_BODY + "\n\nOpinion\n\nWhy the levees failed"))
    assert isinstance(doc, Document) and "opinion" not in doc.metadata


def test_a_report_not_in_english_gets_a_warning_and_is_kept() -> None:
    from storyline.clean import document_warnings

    spanish = ("LIMA - Al menos 41 personas murieron por las inundaciones en la región de Piura, "
               "informó este miércoles la oficina nacional de emergencias. Unas 15 personas siguen "
               "desaparecidas y miles de familias dejaron sus casas, dijo el jefe de defensa civil, "
               "quien pidió ayuda al gobierno central para los pueblos del norte del país.")
    doc = clean_report(RawReport(origin="es.txt", doc_id="es", text=spanish))
    assert isinstance(doc, Document)
    assert document_warnings(doc) == [
        "es.txt: the text does not read as English; storyline reads English only, so its facts may be missed"]
    english = clean_report(RawReport(origin="en.txt", doc_id="en", text=ARTICLE_BODY))
    assert document_warnings(english) == []


def test_a_short_brief_in_another_language_gets_the_warning_too() -> None:
    from storyline.clean import document_warnings

    german = ("ZÜRICH - Die Schweizer Nationalbank hat am Donnerstag den Leitzins überraschend auf 0,25 Prozent "
              "gesenkt, teilte die SNB mit. Café-Besitzer in Genève äußerten sich erfreut.")
    doc = clean_report(RawReport(origin="de.txt", doc_id="de", text=german))
    assert [w.split(":")[0] for w in document_warnings(doc)] == ["de.txt"]
    brief = ("LOS ANGELES - Police arrested a man in Los Angeles on Friday over a series of fires, "
             "the city's fire chief said.")
    assert document_warnings(clean_report(RawReport(origin="en.txt", doc_id="en", text=brief))) == []


# --- s9: the outlet a page names, and live-blog entries in page order --------------------------

S9 = Path(__file__).resolve().parent / "fixtures"


def s9_doc(name: str, **given: object) -> Document:
    path = S9 / name
    kind = "html" if path.suffix == ".html" else "text"
    doc = clean_report(RawReport(origin=str(path), doc_id=path.stem, **{kind: path.read_text(encoding="utf-8")},
                                 **given))
    assert isinstance(doc, Document), doc
    return doc


@pytest.mark.parametrize("name, outlet", [
    ("s9_outlet_title.html", "Harbour City Gazette"),  # "Headline | Outlet"
    ("s9_outlet_footer.html", "Harbour City Gazette"),  # footer "(c) 2026 <a>Outlet</a> · Privacy"
    ("s9_outlet_scrape.txt", "Harbour City Gazette"),  # "(c) 2026 Outlet. All rights reserved." below the text
    ("s9_outlet_meta.html", "Gazette Online"),  # og:site_name wins over the title
    ("s9_outlet_section.html", None),  # "Headline | Transport": a section, not an outlet; a photo credit neither
])
def test_a_page_without_outlet_metadata_takes_the_name_it_gives_itself(name: str, outlet: str | None) -> None:
    assert s9_doc(name).source == outlet


def test_given_metadata_and_the_address_still_name_the_outlet() -> None:
    assert s9_doc("s9_outlet_title.html", source="Wire Feed").source == "Wire Feed"
    address = "https://www.harbour-gazette.example/transport/tram"
    assert s9_doc("s9_outlet_section.html", url=address).source == "harbour-gazette.example"
    assert s9_doc("s9_outlet_title.html", url=address).source == "Harbour City Gazette"


@pytest.mark.parametrize("title, headlines, outlet", [
    ("Tram line opens after delays | Harbour City Gazette", [], "Harbour City Gazette"),
    ("Tram line opens after delays | World News", [], None),
    ("Tram line opens after delays | Page 2", [], None),
    ("Tram line opens after delays - Harbour City Gazette", [], "Harbour City Gazette"),  # sentence-cased headline
    ("Tram Line Opens After Delays - Harbour Gazette", [], None),  # title case: the dash may be the headline's
    ("Tram Line Opens After Delays - Harbour Gazette", ["Tram Line Opens After Delays"], "Harbour Gazette"),
    ("Floods in the north - 41 dead", [], None),
    ("Floods in the north - latest updates", [], None),
    ("AFP | Floods in the north", ["Floods in the north"], "AFP"),
])
def test_a_title_names_its_outlet_only_when_the_part_is_set_off_from_the_headline(
        title: str, headlines: list[str], outlet: str | None) -> None:
    assert title_outlet(title, headlines) == outlet


@pytest.mark.parametrize("line, holder", [
    ("© 2026 Benelux Post", "Benelux Post"),
    ("Copyright 2026 Benelux Post. All rights reserved.", "Benelux Post"),
    ("Copyright © 2010-2026 Harbour Media Group Ltd, all rights reserved", "Harbour Media Group Ltd"),
    ("(c) Benelux Post 2026", "Benelux Post"),
    ("© Lens Pictures", None),  # no year: a photo credit
    ("Copyright 2026. All rights reserved.", None),
    ("The copyright 2026 law was passed by Parliament.", None),
])
def test_a_copyright_line_names_its_holder(line: str, holder: str | None) -> None:
    assert copyright_holder(line) == holder


@pytest.mark.parametrize("stamp", ["time", 'span class="stamp"', 'p class="posted"'])
def test_an_html_live_blog_keeps_page_order_and_each_entry_time(stamp: str) -> None:
    page = (S9 / "s9_liveblog.html").read_text(encoding="utf-8")
    page = page.replace("<time>", f"<{stamp}>").replace("</time>", f"</{stamp.split()[0]}>")
    doc = clean_report(RawReport(origin="live.html", doc_id="live", html=page))
    assert isinstance(doc, Document)
    entries = paragraphs_of(doc.text)
    assert [e.split()[0] for e in entries] == ["Firefighters", "The", "Two", "About", "Welcome"]  # standfirst first
    times = doc.metadata["entry_times"]
    assert [t["time"] for t in times] == ["21:10", "17:45", "13:20", "08:30"]
    assert [doc.text[t["start"]:].split("\n")[0] for t in times] == entries[1:]
    assert not any(clock in doc.text for clock in ("21:10", "5.45pm", "13:20", "08:30"))
    assert doc.source == "Iberia Live Desk"


def test_a_dashed_title_part_is_the_outlet_when_the_address_names_it_too() -> None:
    title = "Tram Line Opens After Delays - Harbour Gazette"
    assert title_outlet(title, names=["harbour-gazette"]) == "Harbour Gazette"
    assert title_outlet(title, names=["city-post"]) is None


@pytest.mark.parametrize("title, body, outlet", [
    ("Tags | Port | Strike | Harbour Pilots", "", None),  # a list of tags, not "Headline | Outlet"
    ("Weather service gives the storm a name - Storm Ava", "Storm Ava is expected to reach the coast on Friday.", None),
    ("Weather service gives the storm a name - Coast Radio",  # an organisation, though the body says "coast"
     "Storm Ava is expected to reach the coast on Friday.", "Coast Radio"),
    ("Tram line opens after delays - Harbour City Gazette", "Harbour City opened its line.", "Harbour City Gazette"),
])
def test_a_title_part_the_story_is_about_is_no_outlet(title: str, body: str, outlet: str | None) -> None:
    assert title_outlet(title, body=body) == outlet


def test_a_json_ld_publisher_wins_over_the_title() -> None:
    page = (S9 / "s9_outlet_title.html").read_text(encoding="utf-8")
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
          '"publisher": {"@type": "Organization", "name": "Harbour Media Group"}}</script>')
    doc = clean_report(RawReport(origin="ld.html", doc_id="ld", html=page.replace("</head>", ld + "</head>")))
    assert isinstance(doc, Document) and doc.source == "Harbour Media Group"


def test_a_year_heading_of_a_chronology_stays_so_its_lines_keep_their_year():
    text = ("WASHINGTON (AP) -- Here is how the dispute over the port unfolded, the union said on Monday.\n\n"
            "1997:\n\nJune 20 - The port and the union agree on a contract worth millions.\n\n"
            "1998:\n\nMay 18 - The union walks out again over the terms of the deal.\n\n"
            "2024\n\nShare this story")
    cleaned = clean_text(text)
    assert "1997:\n\nJune 20" in cleaned.body and "1998:\n\nMay 18" in cleaned.body
    assert "2024" not in cleaned.body  # a bare year is no heading


def test_a_sentence_glued_onto_the_block_above_gets_its_own_paragraph() -> None:
    text = ("The port said the ferry had tipped over at the quay.\n"
            "Photo courtesy of the fire departmentThe ferry remains on its side in the harbour today.\n"
            "Divers will inspect the hull of the ferry on Monday, officials said.")
    body = clean_text(text).body
    assert "The ferry remains on its side in the harbour today." in body.split("\n\n")
    assert "departmentThe" not in body
    assert unglue_lines("Flood mapsAt a briefing the mayor spoke.") == "Flood maps\nAt a briefing the mayor spoke."


@pytest.mark.parametrize("text", [
    "He ate at McDonald's before The Game started.",
    "She posted on YouTube and on LinkedIn the whole speech.",
    "MacArthur and DeSantis spoke; the PlayStation and iPhone sold out.",
    "Search the CarFindIt Jobs and homes pages here.",
    "Ali JaAafar, KenyaAs envoy, said so.",
])
def test_camel_case_names_stay_whole(text: str) -> None:
    assert unglue_lines(text) == text


def test_an_ad_slot_label_inside_the_text_leaves_the_sentence_whole() -> None:
    assert unglue_lines("Floods swept across the region's Advertisement hills and farms.") == (
        "Floods swept across the region's hills and farms.")
    assert unglue_lines("Advertisement Police said the fire began at night.") == (
        "Advertisement\nPolice said the fire began at night.")
    assert unglue_lines("Traffic news Advertisement The bridge reopened on Monday.") == (
        "Traffic news\nThe bridge reopened on Monday.")
    for text in ("He complained to the Advertisement Standards Council on Monday.",
                 "The paper ran an Advertisement for the new drug.",
                 "Advertisements ran all week."):
        assert unglue_lines(text) == text
