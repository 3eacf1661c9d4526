"""The local web app: pages and API from the store, and the add-reports form."""

from __future__ import annotations

import gzip
import html
import json
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra (fastapi) is not installed")
pytest.importorskip("multipart", reason="the serve extra (python-multipart) is not installed")

import jsonschema  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from storyline.cli import main  # noqa: E402
from storyline.pipeline import Options, run  # noqa: E402
from storyline.render_json import story_to_json  # noqa: E402
from storyline.serve import create_app, safe_file_name, same_origin  # noqa: E402
from storyline.store import Store  # noqa: E402
from tests.helpers import FLOOD, LATER

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "samples" / "seeds"
SCHEMA = ROOT / "storyline" / "story.schema.json"
LIMIT = 4096  # per-file limit in these tests, so "too big" costs nothing
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 20



def outcome_text(html: str) -> str:
    """The outcome box of the add page, tags stripped: what the reader sees."""
    match = re.search(r'<section class="outcome.*?</section>', html, re.S)
    assert match, "the page shows no outcome"
    inline = re.sub(r"</?(?:span|strong|a)\b[^>]*>", "", match.group())
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", inline))


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the two seed reports (one story)."""
    folder = tmp_path_factory.mktemp("seeded")
    db = folder / "store.sqlite"
    report = run([SEEDS], folder / "out", Options(db=str(db), quiet=True))
    assert report.processed == 2
    return db


@pytest.fixture(scope="module")
def client(seeded: Path) -> TestClient:
    return TestClient(create_app(seeded, max_bytes=LIMIT), raise_server_exceptions=False)


@pytest.fixture()
def fresh(tmp_path: Path) -> TestClient:
    """An app over an empty store, for tests that add reports."""
    return TestClient(create_app(tmp_path / "fresh.sqlite", max_bytes=LIMIT),
                      raise_server_exceptions=False)


def seed_story_id(db: Path) -> str:
    (row,) = Store(db).listing()
    return row["story_id"]


# --- pages and API ----------------------------------------------------------------------------


def test_index_lists_stories_with_live_links_and_an_add_link(client: TestClient, seeded: Path) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    sid = seed_story_id(seeded)
    assert f'href="/stories/{sid}"' in page.text
    assert 'id="add-reports" href="/add"' in page.text
    assert 'id="search"' in page.text
    assert "form-action 'none'" in html.unescape(page.text)  # the index has no form


def test_story_page_is_the_report_page_with_a_way_home(client: TestClient, seeded: Path) -> None:
    page = client.get(f"/stories/{seed_story_id(seeded)}")
    assert page.status_code == 200
    for section in ('id="summary"', 'id="sources"', 'class="cite"', "<mark>"):
        assert section in page.text
    assert '<a href="/">← All stories</a>' in page.text
    assert page.text.count('class="source"') == 2


def test_unknown_story_is_a_plain_404(client: TestClient) -> None:
    page = client.get("/stories/nope")
    assert page.status_code == 404
    assert "No story with id" in page.text and "Traceback" not in page.text
    api = client.get("/api/stories/nope")
    assert api.status_code == 404
    assert api.json() == {"detail": "No story with id 'nope'."}


def test_api_lists_stories_and_gives_each_in_the_contract_format(client: TestClient, seeded: Path) -> None:
    rows = client.get("/api/stories").json()
    assert [r["story_id"] for r in rows] == [seed_story_id(seeded)]
    assert rows[0]["size"] == 2 and rows[0]["title"]
    story = client.get(f"/api/stories/{rows[0]['story_id']}").json()
    jsonschema.validate(story, json.loads(SCHEMA.read_text(encoding="utf-8")))
    (stored, _), = Store(seeded).stories()
    assert story == json.loads(json.dumps(story_to_json(stored)))
    assert len(story["documents"]) == 2 and story["summary"]


def test_openapi_documents_the_json_api_only(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) == {"/api/stories", "/api/stories/{story_id}"}
    one = spec["paths"]["/api/stories/{story_id}"]["get"]
    assert "story.schema.json" in one["description"]
    documented = one["responses"]["200"]["content"]["application/json"]["schema"]
    assert documented["required"] == json.loads(SCHEMA.read_text(encoding="utf-8"))["required"]
    assert set(one["responses"]) == {"200", "404", "422"}
    assert client.get("/docs").status_code == 200


def test_add_page_has_a_form_that_may_post_only_to_this_server(client: TestClient) -> None:
    page = client.get("/add")
    assert page.status_code == 200
    assert 'method="post" action="/add" enctype="multipart/form-data"' in page.text
    csp = html.unescape(page.text)
    assert "form-action 'self'" in csp and "default-src 'none'" in csp
    assert 'name="text"' in page.text and 'name="files"' in page.text


# --- adding reports ----------------------------------------------------------------------------


def test_pasted_report_becomes_a_story_and_the_index_shows_it(fresh: TestClient) -> None:
    assert fresh.get("/api/stories").json() == []
    page = fresh.post("/add", data={"text": FLOOD, "title": "Floods kill 14 in Kano",
                                    "source": "Reuters", "published": "2024-09-02"})
    assert page.status_code == 200, outcome_text(page.text)
    assert outcome_text(page.text).startswith(" Added. 1 read, 1 new")
    (row,) = fresh.get("/api/stories").json()
    assert row["title"] == "Floods kill 14 in Kano" and row["last_seen"].startswith("2024-09-02")
    assert f'href="/stories/{row["story_id"]}"' in page.text  # the updated story is linked
    assert "Floods kill 14 in Kano" in fresh.get("/").text
    story = fresh.get(f"/api/stories/{row['story_id']}").json()
    assert story["documents"][0]["source"] == "Reuters"
    again = fresh.post("/add", data={"text": FLOOD})
    assert again.status_code == 200
    assert "Already stored." in outcome_text(again.text)
    assert len(fresh.get("/api/stories").json()) == 1


def test_a_later_report_joins_its_story_and_the_page_updates(fresh: TestClient) -> None:
    fresh.post("/add", data={"text": FLOOD, "title": "Floods kill 14 in Kano", "published": "2024-09-02"})
    (row,) = fresh.get("/api/stories").json()
    before = fresh.get(f"/stories/{row['story_id']}").text
    assert before.count('class="source"') == 1
    page = fresh.post("/add", data={"text": LATER, "title": "Kano flood toll rises to 20",
                                    "published": "2024-09-04"})
    assert page.status_code == 200
    assert f'href="/stories/{row["story_id"]}"' in page.text  # the story it joined is linked
    (after_row,) = fresh.get("/api/stories").json()
    assert after_row["story_id"] == row["story_id"] and after_row["size"] == 2
    after = fresh.get(f"/stories/{row['story_id']}").text
    assert after.count('class="source"') == 2
    assert "2-4 Sep 2024" in after and "Kano flood toll rises to 20" in after


def test_uploaded_files_are_read_like_the_cli_reads_them(fresh: TestClient) -> None:
    lines = [json.dumps({"id": "kano-1", "text": FLOOD, "published": "2024-09-02",
                         "source": "Reuters", "title": "Floods kill 14 in Kano"})]
    files = [("files", ("feed.jsonl.gz", gzip.compress("\n".join(lines).encode()), "application/gzip")),
             ("files", ("../../escape.jpg", JPEG, "application/octet-stream"))]
    page = fresh.post("/add", files=files)
    assert page.status_code == 200  # one good report: the run went on, the bad file is listed
    text = outcome_text(page.text)
    assert "1 new" in text and "escape.jpg: binary file" in text
    assert "/tmp" not in page.text and "storyline-upload" not in page.text
    (row,) = fresh.get("/api/stories").json()
    assert fresh.get(f"/api/stories/{row['story_id']}").json()["documents"][0]["doc_id"] == "kano-1"


BAD_UPLOADS = [
    ("binary", [("files", ("photo.jpg", JPEG, "image/jpeg"))],
     "photo.jpg: binary file"),
    ("empty", [("files", ("blank.txt", b"", "text/plain"))], "blank.txt: empty file"),
    ("too big", [("files", ("long.txt", b"word " * 1000, "text/plain"))], "long.txt: file is"),
    ("malformed jsonl", [("files", ("feed.jsonl", b'{"id": 1, "text": \nnot json\n', "text/plain"))],
     "feed.jsonl: line 1: invalid JSON"),
]


@pytest.mark.parametrize("files,reason", [(f, r) for _, f, r in BAD_UPLOADS],
                         ids=[name for name, _, _ in BAD_UPLOADS])
def test_bad_uploads_are_refused_with_their_reason(fresh: TestClient, files: list, reason: str) -> None:
    page = fresh.post("/add", files=files)
    assert 400 <= page.status_code < 500
    text = outcome_text(page.text)
    assert text.startswith(" Nothing added.") and reason in text
    assert "Traceback" not in page.text
    assert fresh.get("/api/stories").json() == []


@pytest.mark.parametrize("data", [{}, {"text": "  \n "}], ids=["nothing", "blank text"])
def test_an_empty_submission_says_what_is_missing(fresh: TestClient, data: dict) -> None:
    page = fresh.post("/add", data=data, files=[("files", ("", b"", "application/octet-stream"))])
    assert page.status_code == 400
    assert "paste a report or choose one or more files" in outcome_text(page.text)


def test_a_sidecar_alone_is_not_a_report(fresh: TestClient) -> None:
    page = fresh.post("/add", files=[("files", ("kano.meta.json", b'{"title": "x"}', "application/json"))])
    assert page.status_code == 400
    assert "choose the reports they describe" in outcome_text(page.text)


def test_oversized_requests_and_pastes_are_refused_before_reading(fresh: TestClient) -> None:
    huge = fresh.post("/add", files=[("files", ("a.txt", b"x" * (LIMIT * 4 + 1024 * 1024 + 1), "text/plain"))])
    assert huge.status_code == 413 and "limit for one submission" in huge.text
    long_paste = fresh.post("/add", data={"text": "word " * 1000})
    assert long_paste.status_code in (400, 413) and "Traceback" not in long_paste.text
    assert "Nothing added." in long_paste.text


def test_malformed_multipart_body_is_a_400_not_a_crash(fresh: TestClient) -> None:
    page = fresh.post("/add", content=b"--xyz\r\nContent-Disposition: form-data\r\n\r\nbroken",
                      headers={"content-type": "multipart/form-data; boundary=xyz"})
    assert page.status_code == 400
    assert "Traceback" not in page.text and "Nothing added." in page.text


def test_failed_paste_is_kept_in_the_form(fresh: TestClient) -> None:
    page = fresh.post("/add", data={"text": "\x00\x01 binary junk \x00", "title": "Kept <title>"})
    assert page.status_code == 400
    assert 'value="Kept &lt;title&gt;"' in page.text


def test_a_form_posted_from_another_site_is_refused(fresh: TestClient) -> None:
    page = fresh.post("/add", data={"text": FLOOD}, headers={"origin": "https://evil.example"})
    assert page.status_code == 403 and "this app's own page" in html.unescape(page.text)
    assert fresh.get("/api/stories").json() == []


@pytest.mark.parametrize("origin,host,site,ok", [
    (None, "127.0.0.1:8000", None, True),  # curl
    ("http://127.0.0.1:8000", "127.0.0.1:8000", None, True),
    ("http://localhost:8000", "127.0.0.1:8000", None, False),
    ("null", "127.0.0.1:8000", None, False),
    ("http://127.0.0.1:8000", None, None, False),
    ("null", "127.0.0.1:8000", "same-origin", True),  # our no-referrer page, a modern browser
    ("https://evil.example", "127.0.0.1:8000", "cross-site", False),
    ("null", "127.0.0.1:8000", "cross-site", False),
    ("http://127.0.0.1:9999", "127.0.0.1:8000", "same-site", False),
])
def test_same_origin(origin: str | None, host: str | None, site: str | None, ok: bool) -> None:
    assert same_origin(origin, host, site) is ok


@pytest.mark.parametrize("given,expected", [
    ("report.txt", "report.txt"),
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\me\\news wire.html", "news_wire.html"),
    (".hidden.txt", "hidden.txt"),
    ("...", "upload"),
    ("déjà vu.jsonl.gz", "d_j_vu.jsonl.gz"),
])
def test_safe_file_name_keeps_uploads_in_their_folder(given: str, expected: str) -> None:
    assert safe_file_name(given) == expected


# --- the command ---------------------------------------------------------------------------------


def test_serve_command_is_listed_and_checks_its_port(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    help_text = capsys.readouterr().out
    assert "--port" in help_text and "127.0.0.1" in help_text
    assert main(["serve", "--port", "0"]) == 2
    assert "--port must be between" in capsys.readouterr().err


def test_serve_command_says_plainly_when_the_store_cannot_be_opened(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(tmp_path / "missing" / "x.sqlite")]) == 2
    err = capsys.readouterr().err
    assert "folder for the database does not exist" in err and "serving" not in err
