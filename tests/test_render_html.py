"""The HTML pages: structure, citations, figures, timeline, safety, index, artifacts.

Pages are parsed with the stdlib HTMLParser into a small tree, so checks look at real
tags and attributes rather than at substrings that escaping could fake.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest

from storyline.models import (
    Citation, Document, Figure, FigureValue, Story, SummarySentence, TimelineEntry,
)
from storyline.render_html import (
    CONFLICT_COLOUR, POINT_COLOUR, conflicting_values, figure_chart_svg, format_span, worth_a_chart,
    format_timeline_date, format_when, passage_parts, render_index_html, render_story_html,
    safe_relative_link, safe_url,
)

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
SEEDS = ROOT / "samples" / "seeds"

EVIL_SCRIPT = "<script>alert(1)</script>"
EVIL_IMG = "<img src=x onerror=alert(1)>"
EVIL = EVIL_SCRIPT + EVIL_IMG


def utc(day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2013, 1, day, hour, minute, tzinfo=timezone.utc)


# --- a small tree from HTMLParser ---------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self) -> list[Node]:
        out = []
        for c in self.children:
            if isinstance(c, Node):
                out.append(c)
                out += c.walk()
        return out

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        return [n for n in self.walk()
                if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)
                and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def by_id(self, ident: str) -> Node:
        (node,) = [n for n in self.walk() if n.attrs.get("id") == ident]
        return node

    def ancestors(self) -> list[Node]:
        out, node = [], self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.current = self.root
        self.unmatched: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag: str) -> None:
        if self.current.tag == tag and self.current.parent is not None:
            self.current = self.current.parent
        else:
            self.unmatched.append(tag)

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(markup: str) -> Node:
    builder = TreeBuilder()
    builder.feed(markup)
    builder.close()
    assert builder.unmatched == [], f"badly nested end tags: {builder.unmatched}"
    assert builder.current is builder.root, f"unclosed <{builder.current.tag}>"
    return builder.root


# --- fixtures -----------------------------------------------------------------------------

TEXT_A = (
    "ALGIERS, Algeria (AP) - Islamist militants seized a natural gas plant in the desert on "
    "Wednesday, officials said.\n\n"
    "At least 20 foreign hostages escaped on Thursday, an Algerian security official said. "
    "The militants said they were holding 41 foreigners.\n\n"
    "The state news agency said 18 hostages had been freed by Friday morning."
)
TEXT_C = (
    "LONDON (Reuters) - Thirty hostages were freed on Friday, a government minister told "
    "parliament, as the standoff at the remote plant entered its third day.\n\n"
    "Between 24 and 99 people may have died, officials said, though counts varied widely."
)


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def make_story() -> Story:
    """Three reports: an original, its wire copy (listed last) and another outlet."""
    a = Document("doc-a", TEXT_A, title="Militants seize gas plant", published=utc(17, 14, 5),
                 source="AP", url="https://apnews.example/plant", dateline="ALGIERS")
    c = Document("doc-c", TEXT_C, title="Thirty hostages freed, minister says",
                 published=utc(18, 9, 30), source="Reuters", url="http://reuters.example/freed",
                 dateline="LONDON")
    b = Document("doc-b", TEXT_A, title="Militants seize gas plant (copy)",
                 published=utc(17, 16, 0), source="Yahoo News", url="https://news.example/x",
                 duplicate_of="doc-a")
    escaped = span(TEXT_A, "At least 20 foreign hostages escaped on Thursday")
    freed = span(TEXT_C, "Thirty hostages were freed on Friday")
    summary = [
        SummarySentence("At least 20 foreign hostages escaped on Thursday.",
                        [Citation("doc-a", *escaped), Citation("doc-b", *escaped),
                         Citation("doc-a", *escaped)]),
        SummarySentence("A minister said thirty hostages were freed.", [Citation("doc-c", *freed)]),
    ]
    freed_fig = Figure("hostages freed", unit="people", conflict=True, change="20 -> 30",
                       conflict_note="Reuters says 30; the state news agency via AP says 18", values=[
        FigureValue(20, "At least 20 foreign hostages escaped on Thursday, an Algerian security official said.",
                    "doc-a", qualifier="at least", reported_at=utc(16, 12),
                    attributed_to="an Algerian security official", quote="At least 20", also_in=["doc-b"]),
        FigureValue(30, "Thirty hostages were freed on Friday, a government minister told parliament",
                    "doc-c", reported_at=utc(18, 9, 30), attributed_to="a government minister",
                    quote="Thirty"),
        FigureValue(18, "The state news agency said 18 hostages had been freed by Friday morning.",
                    "doc-a", reported_at=utc(18, 8), attributed_to="the state news agency", quote="18"),
    ])
    dead_fig = Figure("people killed", values=[
        FigureValue(None, "Between 24 and 99 people may have died, officials said", "doc-c",
                    low=24, high=99, reported_at=utc(18, 9, 30), quote="Between 24 and 99"),
        FigureValue(37, "Officials said 37 people died.", "doc-a", reported_at=utc(19, 10)),
    ])
    timeline = [
        TimelineEntry("2013-01-16", "Militants seize the gas plant.",
                      [Citation("doc-a", *span(TEXT_A, "Islamist militants seized a natural gas plant"))]),
        TimelineEntry("2013-01-17", "Foreign hostages escape.", [Citation("doc-a", *escaped)]),
        TimelineEntry("2013-01-18", "Thirty hostages freed.", [Citation("doc-c", *freed)]),
    ]
    return Story("story-1", "Militants seize Algerian gas plant", [a, c, b], summary=summary,
                 figures=[freed_fig, dead_fig], timeline=timeline,
                 first_seen=utc(17, 14, 5), last_seen=utc(18, 9, 30))


@pytest.fixture(scope="module")
def story() -> Story:
    return make_story()


@pytest.fixture(scope="module")
def page(story: Story) -> str:
    return render_story_html(story)


@pytest.fixture(scope="module")
def tree(page: str) -> Node:
    return parse(page)


# --- the story page -----------------------------------------------------------------------


def test_page_has_every_section_once(tree: Node) -> None:
    for ident in ("summary", "figures", "timeline", "sources"):
        assert tree.by_id(ident).tag == "section"
    assert tree.find("h1")[0].text() == "Militants seize Algerian gas plant"
    assert tree.find("meta", name="viewport")


def test_header_shows_span_and_counts(tree: Node) -> None:
    meta = tree.find("header", cls="masthead")[0].text()
    assert "17-18 Jan 2013" in meta
    assert "3 reports" in meta and "3 outlets" in meta and "1 copy" in meta


def test_summary_has_one_marker_per_cited_report(tree: Node, story: Story) -> None:
    sentences = tree.by_id("summary").find("span", cls="sentence")
    assert [s.children[0] for s in sentences] == [s.text for s in story.summary]
    first = [m.text() for m in sentences[0].find(cls="cite") if not any("later" in a.classes for a in m.ancestors())]
    second = [m.text() for m in sentences[1].find(cls="cite")]
    assert first == ["[1]", "[2]"]  # doc-a cited twice gets one marker; copy doc-b is [2]
    assert second == ["[3]"]  # doc-c is listed after doc-a and its folded copy


def test_a_sentence_whose_figure_later_reports_moved_notes_the_latest_value(tree: Node) -> None:
    sentences = tree.by_id("summary").find("span", cls="sentence")
    notes = sentences[0].find("span", cls="later")  # "At least 20 ... escaped on Thursday": 30 by the 18th
    assert len(notes) == 1 and notes[0].text().startswith("(later: hostages freed 30")
    assert [m.text() for m in notes[0].find("a", cls="cite")] == ["[3]"]
    assert not sentences[1].find("span", cls="later")  # the latest value itself


def test_what_the_last_run_added_has_its_own_cited_section() -> None:
    story = make_story()
    assert not parse(render_story_html(story)).find(id="update")  # no earlier run: no section
    story.update = [story.summary[1]]
    section = parse(render_story_html(story)).by_id("update")
    items = section.find("li", cls="sentence")
    assert [i.children[0] for i in items] == [story.summary[1].text]
    assert [m.text() for m in items[0].find(cls="cite")] == ["[3]"]


def test_markers_are_links_to_the_source_they_number(tree: Node) -> None:
    markers = tree.find("a", cls="cite")
    assert markers
    for marker in markers:
        target = tree.by_id(marker.attrs["href"].removeprefix("#"))
        assert "source" in target.classes
        assert target.attrs["data-doc"] == marker.attrs["data-doc"]
        number = target.find("span", cls="src-num")[0].text()
        assert number == marker.text() == f"[{marker.attrs['data-source']}]"


def test_popover_shows_report_and_marks_the_cited_passage(tree: Node, story: Story) -> None:
    marker = tree.by_id("summary").find("a", cls="cite")[0]
    pop = tree.by_id(marker.attrs["aria-describedby"])
    assert "pop" in pop.classes
    citation = story.summary[0].sources[0]
    doc = story.documents[0]
    (mark,) = pop.find("mark")
    assert mark.text() == doc.text[citation.start:citation.end]
    passage = pop.find(cls="pop-passage")[0].text()
    assert "an Algerian security official said" in passage  # context after the passage
    assert "AP" in pop.text() and "17 Jan 2013, 14:05 UTC" in pop.text()
    assert "Militants seize gas plant" in pop.find(cls="pop-title")[0].text()


def test_sources_panel_folds_copies_under_their_original(tree: Node) -> None:
    sources = tree.by_id("sources")
    top = [n for n in sources.find("li", cls="source") if "copy" not in n.classes]
    assert [n.attrs["data-doc"] for n in top] == ["doc-a", "doc-c"]
    (copy,) = sources.find("li", cls="copy")
    assert copy.attrs["data-doc"] == "doc-b"
    details = [a for a in copy.ancestors() if a.tag == "details"]
    assert details and details[0].parent is top[0]
    assert "1 copy of this report" in details[0].find("summary")[0].text()
    links = [a.attrs["href"] for a in top[0].find("a")]
    assert links == ["https://apnews.example/plant", "https://news.example/x"]
    assert "ALGIERS" in top[0].text() and "unknown outlet" not in sources.text()


def test_unknown_outlet_and_missing_source_are_said_plainly() -> None:
    doc = Document("d1", "Some text about an event that happened.", title="T")
    story = Story("s", "T", [doc], summary=[SummarySentence("Claim.", [Citation("d1"), Citation("gone")])])
    tree = parse(render_story_html(story))
    assert "unknown outlet" in tree.by_id("sources").text()
    missing = tree.by_id("summary").find(cls="cite-missing")
    assert [m.tag for m in missing] == ["span"] and missing[0].text() == "[?]"
    assert "No passage is marked" in tree.by_id("summary").text()
    assert not tree.find(id="figures") and not tree.find(id="timeline")


def test_figures_table_lists_every_value_with_its_source(tree: Node) -> None:
    figures = tree.by_id("figures")
    tables = figures.find("table")
    assert len(tables) == 2
    rows = tables[0].find("tr", cls="value-row")
    values = [r.find("td", cls="value")[0].text() for r in rows]
    assert values == ["at least 20", "30", "18"]
    assert [r.find("td", cls="said-by")[0].text() for r in rows][1] == "a government minister"
    assert "Reuters" in rows[1].find("td", cls="report")[0].text()
    assert "also" in rows[0].text()  # the wire copy that repeats the number
    range_row = tables[1].find("tr", cls="value-row")[0]
    assert range_row.find("td", cls="value")[0].text() == "24-99"
    quote = tables[0].find("tr", cls="quote-row")[1]
    assert quote.find("mark")[0].text() == "Thirty"


def test_figures_show_change_and_conflict(tree: Node) -> None:
    freed, dead = tree.by_id("figures").find("article", cls="figure")
    assert "conflict" in freed.classes and "conflict" not in dead.classes
    assert [b.text() for b in freed.find(cls="badge")] == ["conflict"]
    assert "20 → 30" in freed.find(cls="change")[0].text()
    assert not freed.find(cls="conflict-note")  # the sides below say who says which, with links
    sides = [s.find(cls="side-value")[0].text() for s in freed.find(cls="side")]
    assert sides == ["30", "18"]  # the two that disagree, side by side
    rows = freed.find("tr", cls="value-row")
    assert ["conflict" in r.classes for r in rows] == [False, True, True]


def test_each_figure_with_two_numbers_has_a_chart_with_a_point_per_number(tree: Node, story: Story) -> None:
    articles = tree.by_id("figures").find("article", cls="figure")
    assert len(articles) == len(story.figures)
    charted = 0
    for article, figure in zip(articles, story.figures):
        numeric = [v for v in figure.values if v.value is not None]
        plotted = [v for v in figure.values if v.value is not None or v.low is not None]
        charts = article.find("svg", cls="figure-chart")
        if len(plotted) < 2:
            assert charts == []  # a lone number: the table says it all
            continue
        charted += 1
        assert len(charts[0].find("circle", cls="point")) == len(numeric)
    assert charted >= 1
    first = articles[0].find("svg", cls="figure-chart")[0]
    assert len(first.find("circle", cls="conflict")) == 2


def test_a_figure_with_one_number_gets_no_chart() -> None:
    lone = Figure("people killed", values=[FigureValue(4, "Four people were killed.", "a")])
    pair = Figure("people killed", values=[FigureValue(4, "Four died.", "a"), FigureValue(6, "Six died.", "b")])
    ranged = Figure("people hurt", values=[FigureValue(None, "Dozens hurt.", "a", low=24, high=99),
                                           FigureValue(30, "30 hurt.", "b")])
    assert not worth_a_chart(lone)
    assert worth_a_chart(pair) and worth_a_chart(ranged)


def test_timeline_lists_dated_entries_with_source_links(tree: Node, story: Story) -> None:
    entries = tree.by_id("timeline").find("li", cls="timeline-entry")
    assert len(entries) == len(story.timeline)
    assert [e.find("time")[0].attrs["datetime"] for e in entries] == [e.date for e in story.timeline]
    assert entries[0].find("time")[0].text() == "16 Jan 2013"
    assert entries[2].find("a", cls="cite")[0].attrs["href"] == "#src-3"


def test_page_loads_nothing_from_anywhere(page: str, tree: Node) -> None:
    for node in tree.walk():
        assert node.tag not in {"link", "img", "iframe", "object", "embed", "audio", "video", "base"}
        if node.tag == "script":
            assert "src" not in node.attrs
        if node.tag != "a":
            assert not {"src", "href", "srcset", "xlink:href"} & set(node.attrs), node.tag
    style = "".join(s.text() for s in tree.find("style"))
    assert "url(" not in style and "@import" not in style and "@font-face" not in style


def test_csp_allows_only_the_pages_own_script_and_style(page: str, tree: Node) -> None:
    (csp,) = [m.attrs["content"] for m in tree.find("meta")
              if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in csp

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()

    (script,) = tree.find("script")
    (style,) = tree.find("style")
    assert f"script-src 'sha256-{digest(script.text())}'" in csp
    assert f"style-src 'sha256-{digest(style.text())}'" in csp


def test_pop_ids_are_unique(tree: Node) -> None:
    ids = [n.attrs["id"] for n in tree.walk() if n.attrs.get("id")]
    assert len(ids) == len(set(ids))


def test_rendering_is_deterministic(story: Story, page: str) -> None:
    assert render_story_html(story) == page


def test_print_styles_hide_controls_and_show_sources(page: str) -> None:
    print_css = page[page.index("@media print"):]
    assert ".pop" in print_css and ".toc" in print_css
    assert "display: none" in print_css
    assert "beforeprint" in page  # folded copies are opened for printing


# --- safety -------------------------------------------------------------------------------


def hostile_story() -> Story:
    text = f"Intro sentence. {EVIL} and \"quotes\" & 'apostrophes' then more plain words."
    at = span(text, EVIL)
    docs = [
        Document('x" onmouseover="alert(1)', text, title=EVIL, source=EVIL, dateline=EVIL,
                 url="javascript:alert(1)", published=utc(17, 9)),
        Document("d2", text, title=EVIL, source="Outlet", url=" JaVaScRiPt:alert(1)"),
        Document("d3", text, title="fine", source="Outlet", url="java\tscript:alert(1)"),
        Document("d4", text, title="quoted", source="Outlet",
                 url='https://ok.example/"><script>alert(1)</script>'),
        Document("d5", text, title="data", source="Outlet", url="data:text/html,<script>alert(1)</script>"),
    ]
    figure = Figure(EVIL, unit=EVIL, conflict=True, change=EVIL, conflict_note=EVIL, values=[
        FigureValue(1, EVIL, "d2", attributed_to=EVIL, quote=EVIL, qualifier=EVIL, reported_at=utc(17)),
        FigureValue(2, EVIL, "d3", attributed_to=EVIL, reported_at=utc(17, 5)),
        FigureValue(None, EVIL, "d4", low=1, high=3, attributed_to=EVIL),
    ])
    return Story(EVIL, EVIL, docs,
                 summary=[SummarySentence(EVIL, [Citation(docs[0].doc_id, *at), Citation("d2", *at)])],
                 figures=[figure],
                 timeline=[TimelineEntry(EVIL, EVIL, [Citation("d2", *at)], precision=EVIL)],
                 first_seen=utc(17), last_seen=utc(17, 9))


def assert_inert(markup: str) -> Node:
    """No tag, attribute or link in the markup comes from report text."""
    assert "<script>alert" not in markup
    assert "<img" not in markup
    tree = parse(markup)
    scripts = tree.find("script")
    assert len(scripts) == 1 and "alert" not in scripts[0].text()
    assert not tree.find("img")
    for node in tree.walk():
        for name, value in node.attrs.items():
            assert not name.startswith("on"), (node.tag, name)
            if name in {"href", "src", "action", "formaction", "xlink:href"}:
                squashed = re.sub(r"\s+", "", value or "").lower()
                assert squashed.startswith(("#", "http://", "https://")) or ":" not in squashed, value
    return tree


def test_report_text_cannot_inject_markup_into_the_story_page() -> None:
    markup = render_story_html(hostile_story())
    tree = assert_inert(markup)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup  # shown as text, not dropped
    assert EVIL in tree.find("h1")[0].text()
    (mark,) = tree.by_id("summary").find("mark")[:1]
    assert mark.text() == EVIL
    hrefs = [a.attrs["href"] for a in tree.by_id("sources").find("a")]
    assert hrefs == ['https://ok.example/"><script>alert(1)</script>']  # inert inside the attribute
    assert not tree.by_id("timeline").find("time")  # a date that is not ISO gets no datetime


def test_chart_escapes_its_text() -> None:
    svg = figure_chart_svg(hostile_story().figures[0])
    assert "<script" not in svg and "<img" not in svg
    tree = parse(svg)
    assert [n.tag for n in tree.walk() if n.tag in {"script", "img"}] == []
    assert EVIL in tree.find("title")[0].text()


def test_index_cannot_be_injected_or_link_to_scripts() -> None:
    story = hostile_story()
    markup = render_index_html([story], links={story.story_id: "javascript:alert(1)"})
    tree = assert_inert(markup)
    assert tree.find("li", cls="story")[0].attrs["data-search"].startswith(EVIL.lower()[:10])
    assert not tree.by_id("stories").find("a")


@pytest.mark.parametrize("url, expected", [
    ("https://example.com/a?b=1", "https://example.com/a?b=1"),
    ("  http://example.com/a b ", "http://example.com/a%20b"),
    ("HTTPS://EXAMPLE.COM/", "HTTPS://EXAMPLE.COM/"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("java\nscript:alert(1)", None),
    ("data:text/html,hi", None),
    ("vbscript:msgbox", None),
    ("//evil.example/x", None),
    ("/relative/path", None),
    ("https:///no-host", None),
    ("", None),
    (None, None),
])
def test_safe_url_keeps_only_web_links(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


@pytest.mark.parametrize("href, expected", [
    ("story-1.html", "story-1.html"),
    ("my story.html", "my%20story.html"),
    ("javascript:alert(1)", None),
    ("//evil.example/x.html", None),
    ("https://example.com/s.html", "https://example.com/s.html"),
])
def test_index_links_are_relative_files_or_web_links(href: str, expected: str | None) -> None:
    assert safe_relative_link(href) == expected


# --- formats and helpers ------------------------------------------------------------------


@pytest.mark.parametrize("first, last, expected", [
    (utc(17, 14), utc(18, 9), "17-18 Jan 2013"),
    (utc(17, 1), utc(17, 23), "17 Jan 2013"),
    (utc(31), utc(31) + timedelta(days=2), "31 Jan - 2 Feb 2013"),
    (datetime(2012, 12, 30), datetime(2013, 1, 2), "30 Dec 2012 - 2 Jan 2013"),
    (None, utc(18), "18 Jan 2013"),
    (None, None, "dates unknown"),
])
def test_format_span(first: datetime | None, last: datetime | None, expected: str) -> None:
    assert format_span(first, last) == expected


def test_format_when_and_timeline_dates() -> None:
    assert format_when(datetime(2013, 1, 17)) == "17 Jan 2013"
    assert format_when(utc(17, 14, 5)) == "17 Jan 2013, 14:05 UTC"
    assert format_when(datetime(2013, 1, 17, 14, 5, tzinfo=timezone(timedelta(hours=1)))) \
        == "17 Jan 2013, 14:05 +0100"
    assert format_when(None) == "time unknown"
    assert format_timeline_date("2013-01-16") == "16 Jan 2013"
    assert format_timeline_date("2013-01", "month") == "Jan 2013"
    assert format_timeline_date("2013", "year") == "2013"
    assert format_timeline_date("soon") == "soon"


def test_passage_parts_gives_context_and_falls_back_to_the_claim() -> None:
    text = "First paragraph here.\n\n" + "word " * 40 + "THE CLAIM IS HERE. " + "more " * 40
    start, end = span(text, "THE CLAIM IS HERE.")
    before, passage, after = passage_parts(text, start, end)
    assert passage == "THE CLAIM IS HERE."
    assert before.startswith("…") and before.endswith("word ")
    assert after.endswith("…") and "\n" not in after
    assert passage_parts(text, None, None, "THE CLAIM IS HERE.")[1] == "THE CLAIM IS HERE."
    assert passage_parts(text, 10, 5000, "not in the text at all") == ("", "", "")
    short = passage_parts("One.\n\nTwo three.\n\nFour.", 6, 9)
    assert short == ("", "Two", " three.")  # context stops at paragraph breaks


def test_passage_context_follows_sentences() -> None:
    text = "Earlier news came in. Officials said that 20 people escaped. Later it rained. Then snow."
    start, end = span(text, "20 people escaped")
    assert passage_parts(text, start, end) == ("Officials said that ", "20 people escaped", ".")
    start, end = span(text, "Officials said that 20 people escaped.")
    before, _, after = passage_parts(text, start, end)
    assert (before, after) == ("Earlier news came in. ", " Later it rained.")


def test_conflicts_ignore_growth_over_days_and_consistent_qualifiers() -> None:
    growth = Figure("dead", conflict=True, values=[
        FigureValue(20, "", "a", reported_at=utc(16)),
        FigureValue(30, "", "b", reported_at=utc(18, 9)),
        FigureValue(25, "", "c", reported_at=utc(18, 10)),
    ])
    assert conflicting_values(growth) == {1, 2}
    qualified = Figure("held", conflict=True, values=[
        FigureValue(20, "", "a", qualifier="at least", reported_at=utc(17, 9)),
        FigureValue(41, "", "b", reported_at=utc(17, 10)),
        FigureValue(35, "", "c", reported_at=utc(17, 11)),
    ])
    assert conflicting_values(qualified) == {1, 2}
    assert conflicting_values(Figure("held", values=qualified.values)) == set()


# --- the chart ----------------------------------------------------------------------------


def points(svg: str) -> list[Node]:
    return parse(svg).find("circle", cls="point")


def test_chart_has_one_point_per_number_placed_by_time_and_value() -> None:
    figure = Figure("hostages", values=[
        FigureValue(10, "", "a", reported_at=utc(16)),
        FigureValue(40, "", "b", reported_at=utc(18)),
        FigureValue(25, "", "c", reported_at=utc(17)),
    ])
    svg = figure_chart_svg(figure, width=400, height=150)
    tree = parse(svg)
    (root,) = tree.find("svg", cls="figure-chart")
    assert root.attrs["viewbox" if "viewbox" in root.attrs else "viewBox"] == "0 0 400 150"
    dots = points(svg)
    xs = [float(d.attrs["cx"]) for d in dots]
    ys = [float(d.attrs["cy"]) for d in dots]
    assert xs[0] < xs[2] < xs[1]  # ordered by report time, not by list order
    assert ys[1] < ys[2] < ys[0]  # bigger numbers sit higher
    assert all(d.attrs["fill"] == POINT_COLOUR for d in dots)
    assert tree.find("polyline", cls="trend")


def test_chart_marks_conflicts_and_draws_ranges() -> None:
    figure = Figure("dead", conflict=True, values=[
        FigureValue(30, "", "a", reported_at=utc(17, 9)),
        FigureValue(18, "", "b", reported_at=utc(17, 10)),
        FigureValue(None, "", "c", low=24, high=99, reported_at=utc(18)),
        FigureValue(50, "", "d", low=45, high=55),
    ])
    tree = parse(figure_chart_svg(figure))
    dots = tree.find("circle", cls="point")
    assert len(dots) == 3  # the range-only value has no dot
    assert {d.attrs["fill"] for d in dots if "conflict" in d.classes} == {CONFLICT_COLOUR}
    assert CONFLICT_COLOUR != POINT_COLOUR
    assert len(tree.find("line", cls="range")) == 6  # two error bars with two caps each
    assert "n.d." in tree.text()  # the undated value has its own slot


def test_chart_copes_with_no_numbers_and_open_ended_amounts() -> None:
    empty = parse(figure_chart_svg(Figure("nothing", values=[FigureValue(None, "", "a")])))
    assert empty.find("svg") and not empty.find("circle")
    open_ended = parse(figure_chart_svg(Figure("x", values=[FigureValue(None, "", "a", low=5)])))
    assert open_ended.find("path", cls="bound") and not open_ended.find("circle")


# --- the index ----------------------------------------------------------------------------


def index_stories() -> list[Story]:
    doc = Document("d", "text", source="AP")
    other = Document("e", "text", source="Reuters")
    return [
        Story("old", "Old story", [doc], summary=[SummarySentence("Old things happened.", [])],
              first_seen=utc(10), last_seen=utc(11)),
        Story("undated", "Undated story", [doc], summary=[]),
        Story("new", "New story", [doc, other],
              summary=[SummarySentence("New things happened. " * 30, []),
                       SummarySentence("Second sentence.", [])],
              first_seen=datetime(2013, 1, 20), last_seen=datetime(2013, 1, 21, 8)),  # naive
        Story("mid", "Middle story", [doc], first_seen=utc(15), last_seen=utc(15, 12)),
    ]


def test_index_sorts_latest_first_and_unknown_last() -> None:
    stories = index_stories()
    links = {s.story_id: f"{s.story_id}.html" for s in stories}
    tree = parse(render_index_html(stories, links=links))
    rows = tree.find("li", cls="story")
    titles = [r.find("h2")[0].text() for r in rows]
    assert titles == ["New story", "Middle story", "Old story", "Undated story"]
    assert [r.find("a")[0].attrs["href"] for r in rows] == ["new.html", "mid.html", "old.html",
                                                             "undated.html"]
    assert "2 reports" in rows[0].text() and "2 outlets" in rows[0].text()
    assert "20-21 Jan 2013" in rows[0].text() and "dates unknown" in rows[3].text()
    line = rows[0].find("p", cls="line")[0].text()
    assert line.startswith("New things happened.") and line.endswith("…") and len(line) < 260
    assert "Second sentence" not in line


def test_index_has_a_search_box_and_search_text() -> None:
    stories = index_stories()
    markup = render_index_html(stories, links={})
    tree = parse(markup)
    (box,) = tree.find("input", id="search")
    assert box.attrs["type"] == "search"
    rows = tree.find("li", cls="story")
    assert len(rows) == len(stories)
    assert all(r.attrs["data-search"] == r.attrs["data-search"].lower() for r in rows)
    assert "old story old things happened. ap" == rows[2].attrs["data-search"]
    assert not tree.by_id("stories").find("a")  # no link given, no link drawn
    assert 'getElementById("search")' in tree.find("script")[0].text()


def test_empty_index_says_so() -> None:
    assert "No stories yet." in parse(render_index_html([], links={})).text()


# --- pages a person can open ----------------------------------------------------------------


def seed_story() -> Story | None:
    """A story from the two seed reports, with citations found by exact phrases."""
    files = sorted(SEEDS.glob("*.txt"))
    if len(files) < 2:
        return None
    first, second = (f.read_text(encoding="utf-8") for f in files[:2])
    docs = [
        Document("seed-0", first, title="Hostages escape from Islamist militants in Algeria",
                 published=datetime(2013, 1, 17), source="AP", dateline="ALGIERS"),
        Document("seed-1", second, title="About 60 foreign hostages unaccounted for in Algeria siege",
                 published=datetime(2013, 1, 18), source="Dawn (AP)", dateline="ALGIERS"),
    ]

    def cite(doc: Document, phrase: str) -> Citation:
        start = doc.text.find(phrase)
        return Citation(doc.doc_id, start if start >= 0 else None,
                        start + len(phrase) if start >= 0 else None)

    escaped = "At least 20 foreign hostages escaped"
    unaccounted = "About 60 foreign hostages are still unaccounted for"
    return Story(
        "seed", "Islamist militants hold hostages at Algerian gas plant", docs,
        summary=[
            SummarySentence("At least 20 foreign hostages escaped from militants who took over an "
                            "Algerian gas complex.", [cite(docs[0], escaped)]),
            SummarySentence("A day later about 60 foreign hostages were still unaccounted for.",
                            [cite(docs[1], unaccounted)]),
        ],
        figures=[Figure("foreign hostages", conflict=True, change="41 claimed, 60 unaccounted for",
                        conflict_note="The militants claimed 41 foreigners; the state news service "
                                      "said about 60 were unaccounted for.", values=[
            FigureValue(41, "The militants, who claimed to have 41 hostages", "seed-0",
                        reported_at=datetime(2013, 1, 17), attributed_to="the militants",
                        quote="41 hostages"),
            FigureValue(20, escaped, "seed-0", qualifier="at least",
                        reported_at=datetime(2013, 1, 17), attributed_to="an Algerian security official"),
            FigureValue(60, unaccounted, "seed-1", qualifier="about",
                        reported_at=datetime(2013, 1, 18), attributed_to="Algeria's state news service"),
        ])],
        timeline=[
            TimelineEntry("2013-01-16", "Militants attack the Ain Amenas gas plant.",
                          [cite(docs[1], "a hostage drama that began Wednesday")]),
            TimelineEntry("2013-01-17", "Algerian forces storm the plant.",
                          [cite(docs[1], "Algerian forces retaliated on Thursday")]),
        ],
        first_seen=datetime(2013, 1, 17), last_seen=datetime(2013, 1, 18),
    )


def test_pages_are_written_for_people_to_look_at(story: Story) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    stories = [story] + [s for s in [seed_story()] if s is not None]
    links = {}
    for s in stories:
        path = ARTIFACTS / f"{s.story_id}.html"
        path.write_text(render_story_html(s), encoding="utf-8")
        links[s.story_id] = path.name
        assert parse(path.read_text(encoding="utf-8")).find("section", id="summary")
    index = ARTIFACTS / "index.html"
    index.write_text(render_index_html(stories, links=links), encoding="utf-8")
    assert len(parse(index.read_text(encoding="utf-8")).find("li", cls="story")) == len(stories)


def test_a_long_list_of_supporting_reports_is_folded_after_the_first_four() -> None:
    docs = [Document(f"d{i}", "Floods cut the coast road on Monday.", published=utc(17, i)) for i in range(7)]
    cited = [Citation(d.doc_id, 0, 36) for d in docs]
    story = Story("s", "Floods", docs, summary=[
        SummarySentence("Floods cut the coast road on Monday.", cited),
        SummarySentence("Floods cut the coast road on Monday.", cited[:5]),
    ])
    first, second = parse(render_story_html(story)).by_id("summary").find(cls="sentence")
    (folded,) = first.find(cls="more-list")
    shown = [c for c in first.find("a", cls="cite") if folded not in c.ancestors()]
    assert [c.text() for c in shown] == ["[1]", "[2]", "[3]", "[4]"]
    (toggle,) = first.find("input", cls="more-toggle")
    assert first.find("label", **{"for": toggle.attrs["id"]})[0].text() == "+3"
    assert [c.text() for c in folded.find("a", cls="cite")] == ["[5]", "[6]", "[7]"]
    assert not second.find(cls="more-list") and len(second.find("a", cls="cite")) == 5


def test_a_long_figure_shows_its_first_values_and_folds_the_rest() -> None:
    """A big story's toll can hold dozens of values: the page stays readable, nothing is lost."""
    base = make_story()
    values = [FigureValue(100 + 7 * i, f"Officials said {100 + 7 * i} people died.", "doc-a",
                          reported_at=utc(17, 8) + timedelta(minutes=5 * i), quote=str(100 + 7 * i))
              for i in range(15)]
    toll = Figure("people killed", conflict=True, values=values)
    story = Story("story-2", "Toll rises", base.documents, figures=[toll],
                  first_seen=base.first_seen, last_seen=base.last_seen)
    (article,) = parse(render_story_html(story)).by_id("figures").find("article", cls="figure")
    tables = article.find("table", cls="figure-table")
    assert len(tables) == 2  # the first values, then the rest inside a fold
    (fold,) = article.find("details", cls="more-values")
    shown = tables[0].find("tr", cls="value-row")
    folded = fold.find("tr", cls="value-row")
    assert len(shown) == 6 and len(shown) + len(folded) == 15
    assert "The other 9 values" in fold.find("summary")[0].text()
    sides = article.find("div", cls="side")
    assert len(sides) == 6  # disagreeing values side by side, at most six
    assert "9 other values" in article.find("p", cls="more-sides")[0].text()
    assert len(article.find("circle", cls="point")) == 15  # the chart still shows every value


def test_index_card_tells_the_newest_reports_sentence_and_what_a_run_added_first() -> None:
    from storyline.render_html import latest_sentence

    old = Document("a", "Twelve died.", published=utc(17, 9))
    new = Document("b", "Forty-one died.", published=utc(19, 9))
    story = Story("s", "Quake", [old, new], summary=[
        SummarySentence("An earthquake killed at least 12 people on Monday.", [Citation("a")]),
        SummarySentence("The toll climbed to 41 on Wednesday.", [Citation("b")]),
        SummarySentence("Aid flights landed on Tuesday.", [Citation("a")])])
    assert latest_sentence(story) == "The toll climbed to 41 on Wednesday."
    story.update = [SummarySentence("Aid flights landed on Tuesday.", [Citation("a")])]
    assert latest_sentence(story) == "Aid flights landed on Tuesday."
    assert latest_sentence(Story("e", "Empty", [old])) == ""


def test_the_chart_key_mentions_ranges_only_when_one_is_drawn() -> None:
    story = make_story()
    keys = [n.text() for n in parse(render_story_html(story)).find("span", cls="key-note")]
    # hostages freed: three numbers; people killed: 'between 24 and 99' is drawn as a bar
    assert keys == ["time runs left to right", "bars show ranges; time runs left to right"]
    for f in story.figures:
        for v in f.values:
            v.qualifier, v.low, v.high = None, None, None
            v.value = v.value if v.value is not None else 50
    keys = [n.text() for n in parse(render_story_html(story)).find("span", cls="key-note")]
    assert keys and all(k == "time runs left to right" for k in keys)


def test_a_written_story_page_links_back_to_the_index(tmp_path: Path) -> None:
    from storyline.pipeline import write_outputs

    story = make_story()
    write_outputs([(story, "s1-plant")], tmp_path)
    back = parse((tmp_path / "s1-plant.html").read_text(encoding="utf-8")).find("p", cls="back")
    assert back and back[0].find("a")[0].attrs["href"] == "index.html"


def test_the_masthead_says_where_the_figures_stand_with_their_reports(tree: Node) -> None:
    (latest,) = tree.find("header", cls="masthead")[0].find("p", cls="latest")
    values = [(v.children[0].strip(), bool(v.find("span", cls="disputed"))) for v in latest.find("span", cls="latest-value")]
    assert values == [("hostages freed 30", True), ("people killed 37", False)]  # 30 and 18 freed the same morning
    assert [m.text() for m in latest.find("a", cls="cite")] == ["[3]", "[1]"]
