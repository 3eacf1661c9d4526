"""The pages in a real browser: Playwright driving Debian's chromium.

Skipped (with the reason) when chromium or playwright is missing; ``.ci/run`` installs
both, so CI runs them. Every wait is bounded; every page is checked to need nothing
from the network (requests other than file:// and 127.0.0.1 are blocked and recorded).
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# .ci/run sets this so that a missing browser fails CI instead of skipping quietly.
REQUIRED = os.environ.get("STORYLINE_BROWSER_TESTS") == "required"


def _missing(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"browser tests are required here but {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


if not CHROMIUM.exists():
    _missing(f"{CHROMIUM} is not installed (apt-get install chromium)")
try:
    from playwright import sync_api
    import uvicorn
except ImportError as exc:
    _missing(f"{exc.name} is not installed (pip install -e '.[dev]')")

from storyline.models import Citation, Document, Story, SummarySentence  # noqa: E402
from storyline.pipeline import Options, run  # noqa: E402
from storyline.render_html import render_story_html  # noqa: E402
from storyline.serve import create_app  # noqa: E402
from tests.helpers import FLOOD, LATER

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "samples" / "seeds"
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WAIT_MS = 10_000  # longest wait for anything on a page
INGEST_MS = 60_000  # a submission runs the whole pipeline (spaCy included)



# --- fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed report's output folder, as ``storyline run`` writes it."""
    folder = tmp_path_factory.mktemp("seed")
    out = folder / "out"
    report = run([SEEDS], out, Options(db=str(folder / "store.sqlite"), quiet=True))
    assert report.processed == 2 and len(report.stories) == 1
    return out


@pytest.fixture(scope="module")
def seed_story(seed_out: Path) -> tuple[Path, dict]:
    (page,) = [p for p in seed_out.glob("*.html") if p.name != "index.html"]
    return page, json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True, timeout=30_000)
        yield b
        b.close()


class Watch:
    """What a page tried that it should not: outside requests, dialogs, script errors."""

    def __init__(self) -> None:
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []


@pytest.fixture()
def watched(browser: sync_api.Browser) -> Iterator[tuple[sync_api.Page, Watch]]:
    context = browser.new_context(viewport={"width": 1100, "height": 900}, device_scale_factor=1)
    context.set_default_timeout(WAIT_MS)
    watch = Watch()

    def gate(route: sync_api.Route) -> None:
        url = route.request.url
        if url.startswith(("file://", "http://127.0.0.1:")):
            route.continue_()
        else:
            watch.blocked.append(url)
            route.abort()

    context.route("**/*", gate)
    page = context.new_page()

    def on_dialog(dialog: sync_api.Dialog) -> None:
        watch.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: watch.errors.append(str(exc)))
    yield page, watch
    context.close()


def shot(page: sync_api.Page, name: str, *, element: str | None = None) -> Path:
    """A screenshot for people to look at (test-artifacts/ is not committed)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    if element:
        page.locator(element).screenshot(path=str(path))
    else:
        page.screenshot(path=str(path))
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def app_url(tmp_path: Path) -> Iterator[str]:
    """``storyline serve`` over an empty store, on a free localhost port, in a thread."""
    port = free_port()
    config = uvicorn.Config(create_app(tmp_path / "app.sqlite"), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            pytest.fail("the app did not start within 10 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


# --- the written report, opened from disk ----------------------------------------------------


def test_index_search_filters_the_stories(watched, seed_out: Path, seed_story) -> None:
    page, watch = watched
    page.goto(seed_out.joinpath("index.html").as_uri())
    story = page.locator(".story")
    assert story.count() == 1
    box = page.locator("#search")
    sync_api.expect(box).to_be_visible()  # the script revealed the filter
    shot(page, "index.png", element=".page")
    box.fill("gunmen")
    sync_api.expect(story).to_be_visible()
    sync_api.expect(page.locator("#search-count")).to_have_text("1 of 1")
    box.fill("volcano")
    sync_api.expect(story).to_be_hidden()
    sync_api.expect(page.locator("#no-match")).to_be_visible()
    box.fill("")
    sync_api.expect(story).to_be_visible()
    assert watch.blocked == [] and watch.errors == []


def test_story_opens_and_a_citation_shows_its_passage(watched, seed_out: Path, seed_story) -> None:
    page, watch = watched
    page.goto(seed_out.joinpath("index.html").as_uri())
    page.locator(".story-title a").click()
    page.wait_for_url(seed_story[0].as_uri())
    sync_api.expect(page.locator("h1")).to_have_text(seed_story[1]["title"])
    marker = page.locator("#summary a.cite").first
    pop = page.locator("#summary .cite-wrap").first.locator(".pop")
    sync_api.expect(pop).to_be_hidden()
    marker.click()
    sync_api.expect(pop).to_be_visible()
    mark = pop.locator("mark")
    sync_api.expect(mark).to_be_visible()
    passage = mark.inner_text().strip()
    assert len(passage.split()) >= 4
    first = seed_story[1]["summary"][0]
    assert " ".join(passage.split()) in " ".join(first["text"].split())  # the quoted sentence itself
    page.mouse.move(0, 0)
    shot(page, "story.png")
    page.keyboard.press("Escape")
    sync_api.expect(pop).to_be_hidden()
    assert watch.blocked == [] and watch.errors == []


def test_each_figure_chart_draws_one_point_per_number(watched, seed_story) -> None:
    page, watch = watched
    path, story = seed_story
    page.goto(path.as_uri())
    figures = page.locator("#figures article.figure")
    assert figures.count() == len(story["figures"]) > 0
    charted = 0
    for i, figure in enumerate(story["figures"]):
        chart = figures.nth(i).locator("svg.figure-chart")
        numeric = [v for v in figure["values"] if v["value"] is not None]
        if sum(v["value"] is not None or v["low"] is not None for v in figure["values"]) < 2:
            sync_api.expect(chart).to_have_count(0)  # a lone number needs no chart
            continue
        charted += 1
        sync_api.expect(chart).to_be_visible()
        sync_api.expect(chart.locator("circle.point")).to_have_count(len(numeric))
        for box in (chart.locator("circle.point").nth(j).bounding_box() for j in range(len(numeric))):
            assert box is not None and box["width"] > 0  # drawn, inside the page
    assert charted > 0
    figures.first.scroll_into_view_if_needed()
    shot(page, "figures.png")
    assert watch.blocked == [] and watch.errors == []


def test_folded_citations_open_with_a_click(watched, tmp_path: Path) -> None:
    docs = [Document(f"d{i}", "Floods cut the coast road on Monday.") for i in range(7)]
    cited = [Citation(d.doc_id, 0, 36) for d in docs]
    page_path = tmp_path / "story.html"
    page_path.write_text(render_story_html(Story("s", "Floods", docs, summary=[
        SummarySentence("Floods cut the coast road on Monday.", cited)])), encoding="utf-8")
    page, watch = watched
    page.goto(page_path.as_uri())
    sentence = page.locator("#summary .sentence").first
    sync_api.expect(sentence.locator("a.cite:visible")).to_have_count(4)
    sentence.locator(".more-cites label").click()
    sync_api.expect(sentence.locator("a.cite:visible")).to_have_count(7)
    sentence.locator("a.cite").nth(6).click()
    sync_api.expect(sentence.locator(".pop:visible")).to_have_count(1)
    assert watch.blocked == [] and watch.errors == []


def test_pages_need_nothing_from_the_network(watched, seed_out: Path, seed_story) -> None:
    page, watch = watched
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    for target in (seed_out / "index.html", seed_story[0]):
        page.goto(target.as_uri(), wait_until="load")
        page.wait_for_load_state("networkidle", timeout=WAIT_MS)
    assert watch.blocked == []
    assert all(u.startswith("file://") for u in requested), requested
    assert len(requested) == 2  # the two pages themselves, nothing else


def test_the_watch_sees_requests_and_dialogs(watched) -> None:
    """The gate and the dialog listener the other tests rely on really catch things."""
    page, watch = watched
    page.set_content('<img src="https://example.com/pixel.png"><script>alert("hi")</script>')
    page.wait_for_load_state("load")
    assert watch.blocked == ["https://example.com/pixel.png"]
    assert watch.dialogs == ["alert: hi"]


# --- the local web app ---------------------------------------------------------------------


def add_report(page: sync_api.Page, text: str, *, title: str = "", published: str = "") -> None:
    """Fill the add form and submit it; wait for the outcome."""
    page.locator("#text").fill(text)
    if title:
        page.locator("#title").fill(title)
    if published:
        page.locator("#published").fill(published)
    page.locator("#add-form button[type=submit]").click()
    page.locator("#outcome").wait_for(timeout=INGEST_MS)


def test_app_takes_a_report_through_the_form_and_shows_its_story(watched, app_url: str, tmp_path: Path) -> None:
    page, watch = watched
    page.goto(app_url + "/")
    sync_api.expect(page.locator(".empty")).to_have_text("No stories yet.")
    page.locator("#add-reports").click()
    page.wait_for_url(app_url + "/add")
    report = tmp_path / "kano.txt"
    report.write_text(FLOOD, encoding="utf-8")
    (tmp_path / "kano.meta.json").write_text(json.dumps({"title": "Floods kill 14 in Kano",
                                                         "published": "2024-09-02"}))
    page.locator("#files").set_input_files([str(report), str(tmp_path / "kano.meta.json")])
    page.locator("#add-form button[type=submit]").click()
    outcome = page.locator("#outcome")
    outcome.wait_for(timeout=INGEST_MS)
    sync_api.expect(outcome).to_contain_text("Added.")
    shot(page, "app-added.png")
    outcome.get_by_role("link", name="Floods kill 14 in Kano").click()
    sync_api.expect(page.locator("h1")).to_have_text("Floods kill 14 in Kano")
    sync_api.expect(page.locator("#sources .source")).to_have_count(1)
    story_url = page.url
    page.goto(app_url + "/add")  # a later report of the same event joins the story
    add_report(page, LATER, title="Kano flood toll rises to 20", published="2024-09-04")
    sync_api.expect(page.locator("#outcome")).to_contain_text("Added.")
    page.locator("#outcome .updated a").click()
    page.wait_for_url(story_url)
    sync_api.expect(page.locator("#sources .source")).to_have_count(2)
    sync_api.expect(page.locator(".masthead .span")).to_have_text("2-4 Sep 2024")
    page.get_by_role("link", name="← All stories").click()
    page.wait_for_url(app_url + "/")
    sync_api.expect(page.locator(".story-title")).to_have_text(["Kano flood toll rises to 20"])  # the latest headline
    shot(page, "app-index.png", element=".page")
    assert watch.blocked == [] and watch.errors == [] and watch.dialogs == []


def test_app_shows_why_an_upload_was_refused(watched, app_url: str, tmp_path: Path) -> None:
    page, watch = watched
    bad = tmp_path / "feed.jsonl"
    bad.write_text('{"id": "a", "text": \n', encoding="utf-8")
    page.goto(app_url + "/add")
    page.locator("#files").set_input_files(str(bad))
    with page.expect_response(lambda r: r.url == app_url + "/add" and r.request.method == "POST",
                              timeout=INGEST_MS) as response:
        page.locator("#add-form button[type=submit]").click()
    assert response.value.status == 400
    sync_api.expect(page.locator("#outcome .rejected")).to_contain_text("feed.jsonl: line 1: invalid JSON")
    assert watch.blocked == [] and watch.errors == []


def test_report_content_cannot_run_script_in_the_app(watched, app_url: str, tmp_path: Path) -> None:
    page, watch = watched
    hostile = {
        "id": "hostile-1", "published": "2024-09-03", "source": "<img src=x onerror=alert('source')>",
        "url": "javascript:alert('url')",
        "title": "<script>alert('title')</script> Floods kill 14 in Kano",
        "text": FLOOD.replace("the state emergency agency said.",
                              "the state emergency agency said <img src=x onerror=alert('text')>. "
                              "<script>alert('body')</script> <a href=\"javascript:alert('link')\">more</a>"),
    }
    feed = tmp_path / "hostile.jsonl"
    feed.write_text(json.dumps(hostile) + "\n", encoding="utf-8")
    page.goto(app_url + "/add")
    page.locator("#text").fill("<svg onload=alert('paste')></svg> " + FLOOD)
    page.locator("#files").set_input_files(str(feed))
    page.locator("#add-form button[type=submit]").click()
    page.locator("#outcome").wait_for(timeout=INGEST_MS)
    links = page.locator("#outcome .updated a")
    assert links.count() >= 1
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    for href in hrefs:
        page.goto(app_url + href)
        for marker in page.locator("a.cite").all()[:6]:  # popovers show report text
            marker.click()
            page.keyboard.press("Escape")
            page.mouse.move(0, 0)
        for link in page.locator("#sources a").all():
            assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
        assert page.locator("script").count() == 1  # the page's own script only
        assert page.locator("img, svg[onload]").count() == 0
    page.goto(app_url + "/")
    page.locator("#search").fill("script")
    page.goto(app_url + "/api/stories")
    page.wait_for_timeout(200)  # any late handler would have fired by now
    assert watch.dialogs == []
    assert watch.blocked == []  # the would-be <img src=x> was never even requested


def test_another_page_cannot_post_reports_into_the_app(watched, app_url: str, tmp_path: Path) -> None:
    """A page from elsewhere (here a file on disk) submitting a form to the app is refused."""
    page, watch = watched
    attacker = tmp_path / "attacker.html"
    attacker.write_text(f'<form id="f" method="post" action="{app_url}/add" enctype="multipart/form-data">'
                        f'<textarea name="text">{FLOOD}</textarea></form>', encoding="utf-8")
    page.goto(attacker.as_uri())
    with page.expect_response(lambda r: r.url == app_url + "/add", timeout=WAIT_MS) as response:
        page.evaluate("document.getElementById('f').submit()")
    assert response.value.status == 403
    page.wait_for_url(app_url + "/add", wait_until="load")
    sync_api.expect(page.locator("#outcome")).to_contain_text("this app's own page")
    page.goto(app_url + "/api/stories")
    assert json.loads(page.locator("body").inner_text()) == []
