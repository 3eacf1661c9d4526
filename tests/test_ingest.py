"""Ingest: every input format becomes RawReports, every bad input a one-line Rejection."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from storyline.ingest import (
    AMBIGUOUS,
    MAX_BYTES,
    UNREAD,
    ambiguous_day_month,
    decode_bytes,
    is_organisation,
    list_input_files,
    parse_published,
    read_file,
    read_inputs,
)
from storyline.models import RawReport, Rejection

FIX = Path(__file__).parent / "fixtures" / "ingest"
SEEDS = Path(__file__).parent.parent / "samples" / "seeds"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
BODY = "Crews cleared the road on Monday, the county said.\n"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def items(*paths: str | Path, **kw) -> list[RawReport | Rejection]:
    return list(read_inputs([*paths], **kw))


def reports(found: list[RawReport | Rejection]) -> list[RawReport]:
    return [x for x in found if isinstance(x, RawReport)]


def rejections(found: list[RawReport | Rejection]) -> list[Rejection]:
    return [x for x in found if isinstance(x, Rejection)]


def only_rejection(path: Path, **kw) -> Rejection:
    found = items(path, **kw)
    assert len(found) == 1 and isinstance(found[0], Rejection), found
    return found[0]


def only_report(path: Path, **kw) -> RawReport:
    found = items(path, **kw)
    assert len(found) == 1 and isinstance(found[0], RawReport), found
    return found[0]


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- formats ------------------------------------------------------------------------------


def test_plain_text_file_is_one_report_named_after_the_file():
    found = list(read_file(FIX / "flood.txt"))
    assert len(found) == 1
    report = found[0]
    assert isinstance(report, RawReport)
    assert report.doc_id == "flood"
    assert report.origin == str(FIX / "flood.txt")
    assert report.html is None
    assert report.text.startswith("RIVERTON: Floodwaters forced about 300 residents")
    assert report.text.count("\n") == 2


@pytest.mark.parametrize("name", ["note", "note.text", "note.TXT"])
def test_no_suffix_and_text_suffixes_read_as_plain_text(tmp_path, name):
    report = only_report(write(tmp_path, name, "<p>kept as typed</p>\n"))
    assert report.text == "<p>kept as typed</p>\n" and report.html is None
    assert report.doc_id == "note"


def test_html_file_goes_to_html_field():
    report = only_report(FIX / "bridge.html")
    assert report.text is None
    assert report.doc_id == "bridge"
    assert "<p>The old bridge over the Riv River was closed" in report.html


@pytest.mark.parametrize("suffix", [".htm", ".xhtml"])
def test_other_html_suffixes(tmp_path, suffix):
    report = only_report(write(tmp_path, "page" + suffix, "<html><body><p>Hi.</p></body></html>"))
    assert report.html == "<html><body><p>Hi.</p></body></html>"


def test_jsonl_reads_each_line_and_rejects_bad_ones_by_line_number():
    path = FIX / "reports.jsonl"
    found = items(path)
    got = reports(found)
    assert [r.doc_id for r in got] == ["r1", "2", got[2].doc_id, "r1"]  # duplicate ids are kept
    first = got[0]
    assert first.origin == f"{path}:1"
    assert first.text == "Floodwaters rose again on Thursday."
    assert (first.title, first.source, first.url) == ("Water rises", "Gazette", "https://example.org/r1")
    assert first.published == utc(2021, 3, 4, 10)
    assert first.metadata == {"label": "flood", "lang": "en"}
    assert got[1].html == "<p>The mayor asked for federal help.</p>" and got[1].text is None
    assert got[3].origin == f"{path}:8"

    reasons = [r.reason for r in rejections(found)]
    assert all(r.origin == str(path) for r in rejections(found))
    assert len(reasons) == 3
    assert re.fullmatch(r"line 4: invalid JSON: Expecting ',' delimiter at column \d+", reasons[0])
    assert reasons[1] == "line 5: expected a JSON object, got a list"
    assert reasons[2] == "line 6: no 'text' or 'html' field"


def test_jsonl_bad_published_keeps_report_with_a_warning():
    got = reports(items(FIX / "reports.jsonl"))
    mayor = got[1]
    assert mayor.published is None
    assert mayor.metadata["warnings"] == ["line 3: cannot read published date 'yesterday-ish'"]
    assert mayor.metadata["published"] == "yesterday-ish"  # the unreadable value is kept


def test_jsonl_line_without_id_gets_a_stable_hash_id():
    first = reports(items(FIX / "reports.jsonl"))[2]
    again = reports(items(FIX / "reports.jsonl"))[2]
    assert re.fullmatch(r"[0-9a-f]{16}", first.doc_id)
    assert first.doc_id == again.doc_id


def test_hash_ids_differ_by_text_and_ignore_gzip(tmp_path):
    plain = write(tmp_path, "n.jsonl", '{"text": "About sandbags."}\n{"text": "About pumps."}\n')
    zipped = write(tmp_path, "n.jsonl.gz", gzip.compress(plain.read_bytes()))
    ids = [r.doc_id for r in reports(items(plain))]
    assert len(set(ids)) == 2
    assert [r.doc_id for r in reports(items(zipped))] == ids


def test_jsonl_blank_lines_are_skipped_without_rejection(tmp_path):
    path = write(tmp_path, "b.jsonl", '\n{"id": "a", "text": "One."}\n\n   \n{"id": "b", "text": "Two."}\n\n')
    found = items(path)
    assert [(r.doc_id, r.origin) for r in reports(found)] == [("a", f"{path}:2"), ("b", f"{path}:5")]
    assert rejections(found) == []


@pytest.mark.parametrize("line, reason", [
    ('{"id": "x", "text": "   "}', "line 1: 'text' is empty"),
    ('{"id": "x", "text": 42}', "line 1: 'text' must be a string, got a number"),
    ('{"id": {"a": 1}, "text": "Body."}', "line 1: 'id' must be a string or a number, got an object"),
    ('"just a string"', "line 1: expected a JSON object, got a string"),
    ('{"id": "x", "html": null}', "line 1: no 'text' or 'html' field"),
])
def test_jsonl_line_problems(tmp_path, line, reason):
    rejection = only_rejection(write(tmp_path, "x.ndjson", line + "\n"))
    assert rejection.reason == reason


def test_jsonl_keeps_both_text_and_html_and_reads_field_aliases(tmp_path):
    line = {"id": "k", "text": "Plain.", "html": "<p>Plain.</p>", "headline": "H",
            "date": "2021-03-01", "link": "https://example.org/k", "source": {"name": "Gazette"}}
    report = only_report(write(tmp_path, "k.jsonl", json.dumps(line)))
    assert (report.text, report.html) == ("Plain.", "<p>Plain.</p>")
    assert (report.title, report.url, report.source) == ("H", "https://example.org/k", "Gazette")
    assert report.published == utc(2021, 3, 1)
    assert report.metadata == {}


def test_jsonl_gz_reads_like_jsonl(tmp_path):
    path = write(tmp_path, "reports.jsonl.gz", gzip.compress((FIX / "reports.jsonl").read_bytes()))
    plain = items(FIX / "reports.jsonl")
    zipped = items(path)
    assert [r.doc_id for r in reports(zipped)] == [r.doc_id for r in reports(plain)]
    assert [r.reason for r in rejections(zipped)] == [r.reason for r in rejections(plain)]
    assert reports(zipped)[0].origin == f"{path}:1"


def test_json_list_of_objects():
    path = FIX / "items.json"
    found = items(path)
    got = reports(found)
    assert [(r.doc_id, r.origin) for r in got] == [("j1", f"{path}#1"), ("j2", f"{path}#2")]
    assert got[0].published == utc(2021, 3, 8)
    assert got[1].source == "Gazette"
    assert [str(r) for r in rejections(found)] == [f"{path}: item 3: no 'text' or 'html' field"]


def test_json_single_object_is_named_after_the_file():
    report = only_report(FIX / "single.json")
    assert report.doc_id == "single"
    assert report.title == "Claims pile up"
    assert report.published == utc(2021, 3, 12)  # epoch seconds


def test_json_file_holding_json_lines_is_read_line_by_line(tmp_path):
    path = write(tmp_path, "lines.json", '{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n')
    assert [r.doc_id for r in reports(items(path))] == ["a", "b"]


def test_jsonl_file_holding_one_pretty_printed_object(tmp_path):
    path = write(tmp_path, "pretty.jsonl", json.dumps({"id": "p", "text": "Pretty."}, indent=2))
    report = only_report(path)
    assert (report.doc_id, report.text) == ("p", "Pretty.")


@pytest.mark.parametrize("content, reason", [
    ("[]", "JSON list is empty"),
    ('"text"', "expected a JSON object or a list of objects, got a string"),
    ('{"id": "a", "text": ', "invalid JSON: Expecting value at line 1 column 21"),
])
def test_json_document_problems(tmp_path, content, reason):
    assert only_rejection(write(tmp_path, "bad.json", content)).reason == reason


def test_rss_feed_gives_one_report_per_entry():
    path = FIX / "feed.rss"
    found = items(path)
    levee, headline = reports(found)
    assert levee.doc_id == "https://example.org/guid/levee"
    assert levee.origin == f"{path}#1"
    assert levee.title == "Levee holds"
    assert levee.url == "https://example.org/levee"
    assert levee.source == "Valley Wire"
    assert levee.published == utc(2021, 3, 4, 15)
    assert levee.html == "<p>The levee held through the night, engineers said.</p>"
    assert levee.metadata["tags"] == ["weather"]
    assert not rejections(found)
    assert (headline.text, headline.metadata["headline_only"]) == ("Headline only", True)


def test_atom_feed_prefers_content_over_summary():
    (entry,) = items(FIX / "feed.atom")
    assert isinstance(entry, RawReport)
    assert entry.doc_id == "urn:example:power"
    assert entry.source == "Valley Atom"
    assert entry.url == "https://example.org/power"
    assert entry.published == utc(2021, 3, 5, 8)  # <published>, not <updated>
    assert entry.html == "<p>Power was restored to 2,000 homes on Friday, the utility said.</p>"


def test_feed_is_sniffed_whatever_the_suffix_and_honours_xml_encoding(tmp_path):
    rss = ('<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel>'
           "<title>Caf\u00e9 \u2013 Wire</title><item><title>T</title><guid>g1</guid>"
           "<description>Body text.</description></item></channel></rss>").encode("cp1252")
    (entry,) = items(write(tmp_path, "latest.cgi", rss))
    assert entry.source == "Caf\u00e9 \u2013 Wire"
    assert entry.doc_id == "g1"


def test_entry_without_id_or_link_gets_a_hash_id(tmp_path):
    rss = ("<rss version='2.0'><channel><title>W</title><item><title>T</title>"
           "<description>Body.</description></item></channel></rss>")
    (entry,) = items(write(tmp_path, "f.rss", rss))
    assert re.fullmatch(r"[0-9a-f]{16}", entry.doc_id)


def test_xml_that_is_not_a_feed_is_rejected(tmp_path):
    rejection = only_rejection(write(tmp_path, "data.xml", "<?xml version='1.0'?><catalog><book/></catalog>"))
    assert rejection.reason.startswith("not an RSS or Atom feed")


def test_feed_without_entries_is_rejected(tmp_path):
    rss = "<rss version='2.0'><channel><title>Empty</title></channel></rss>"
    assert only_rejection(write(tmp_path, "e.rss", rss)).reason == "feed has no entries"


def test_malformed_feed_keeps_entries_with_a_warning(tmp_path):
    rss = ("<rss version='2.0'><channel><title>W</title><item><title>T</title><guid>g</guid>"
           "<description>Body.</description></item><item><title>cut off")
    found = items(write(tmp_path, "cut.rss", rss))
    (entry,) = reports(found)
    assert entry.metadata["warnings"][0].startswith("feed is not well-formed")
    assert len(rejections(found)) == 1  # the cut-off entry has no body


# --- stdin ----------------------------------------------------------------------------------


def test_stdin_json_lines():
    stream = io.BytesIO(b'\n  {"id": "s1", "text": "One."}\n{"id": "s2", "text": "Two."}\nnot json\n')
    found = list(read_inputs(["-"], stdin=stream))
    assert [(r.doc_id, r.origin) for r in reports(found)] == [("s1", "<stdin>:2"), ("s2", "<stdin>:3")]
    (bad,) = rejections(found)
    assert bad.origin == "<stdin>" and bad.reason.startswith("line 4: invalid JSON:")


@pytest.mark.parametrize("markup", [
    b"<!DOCTYPE html><html><body><p>Hi.</p></body></html>",
    b"  <html><p>Hi.</p></html>",
    b"<body><p>Hi.</p></body>",
    b"<p>Hi.</p>",
])
def test_stdin_html(markup):
    (report,) = read_inputs(["-"], stdin=io.BytesIO(markup))
    assert report.html == markup.decode()
    assert report.text is None
    assert report.origin == "<stdin>"


def test_stdin_plain_text_has_a_content_hash_id():
    (report,) = read_inputs(["-"], stdin=io.BytesIO(BODY.encode()))
    assert report.text == BODY and report.html is None
    assert report.origin == "<stdin>"
    (again,) = read_inputs(["-"], stdin=io.BytesIO(BODY.encode()))
    assert re.fullmatch(r"[0-9a-f]{16}", report.doc_id) and again.doc_id == report.doc_id


def test_stdin_json_list_and_gzip():
    data = gzip.compress(json.dumps([{"id": "a", "text": "A."}, {"id": "b", "text": "B."}]).encode())
    found = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert [r.doc_id for r in reports(found)] == ["a", "b"]


def test_stdin_empty_and_oversized():
    (empty,) = read_inputs(["-"], stdin=io.BytesIO(b""))
    assert str(empty) == "<stdin>: empty input"
    (big,) = read_inputs(["-"], stdin=io.BytesIO(b"x" * 101), max_bytes=100)
    assert str(big) == "<stdin>: input is over the 100 bytes limit"


def test_text_stream_is_accepted_for_stdin():
    (report,) = read_inputs(["-"], stdin=io.StringIO("caf\u00e9 opens\n"))  # type: ignore[arg-type]
    assert report.text == "caf\u00e9 opens\n"


# --- folders -----------------------------------------------------------------------------


def test_directory_is_read_recursively_in_sorted_order_skipping_hidden_and_sidecars(tmp_path):
    write(tmp_path, "b.txt", "Bee.")
    write(tmp_path, "a.txt", "Ay.")
    write(tmp_path, "a.meta.json", '{"title": "A"}')
    write(tmp_path, "sub/c.html", "<p>Cee.</p>")
    write(tmp_path, "sub/deeper/d.txt", "Dee.")
    write(tmp_path, ".hidden.txt", "hidden")
    write(tmp_path, ".git/e.txt", "hidden folder")
    found = items(tmp_path)
    assert [r.doc_id for r in reports(found)] == ["a", "b", "c", "d"]
    assert rejections(found) == []
    assert reports(found)[0].title == "A"
    assert [p.name for p in list_input_files([tmp_path, tmp_path / "missing", "-"])] == [
        "a.txt", "b.txt", "c.html", "d.txt"]


def test_directory_with_bad_files_still_yields_the_good_ones(tmp_path):
    write(tmp_path, "1.txt", "First.")
    write(tmp_path, "2.png", PNG)
    write(tmp_path, "3.txt", "")
    write(tmp_path, "4.txt", "Fourth.")
    found = items(tmp_path)
    assert [r.doc_id for r in reports(found)] == ["1", "4"]
    assert [(Path(r.origin).name, r.reason) for r in rejections(found)] == [
        ("2.png", "binary file (not text)"), ("3.txt", "empty file")]


def test_empty_directory_is_reported(tmp_path):
    assert only_rejection(tmp_path).reason == "no input files in directory"


def test_inputs_are_read_lazily_in_the_order_given(tmp_path):
    first = write(tmp_path, "first.txt", "One.")
    stream = read_inputs([first, tmp_path / "missing.txt"])
    assert next(stream).doc_id == "first"
    assert str(next(stream)) == f"{tmp_path / 'missing.txt'}: no such file or directory"


def test_missing_path_is_rejected(tmp_path):
    assert only_rejection(tmp_path / "nope.txt").reason == "no such file or directory"


# --- sidecars ----------------------------------------------------------------------------


def test_sidecar_metadata_applies_to_its_report():
    report = only_report(FIX / "flood.txt")
    assert report.published == utc(2021, 3, 2, 13, 30)
    assert report.published.utcoffset() == timedelta(hours=-5)  # the sidecar's own offset, kept
    assert report.source == "Riverton Gazette"
    assert report.title == "Riverton floods"
    assert report.url == "https://example.org/riverton-floods"
    assert report.metadata == {"section": "local"}


def test_a_bad_sidecar_is_a_warning_on_the_report_read_without_it():
    found = items(FIX / "broken_meta.txt")
    assert rejections(found) == []  # the report itself is fine: it is not counted as rejected
    (report,) = reports(found)
    (warning,) = report.metadata["warnings"]
    assert warning.startswith(str(FIX / "broken_meta.meta.json") + ": invalid JSON in metadata sidecar: "
                              "Expecting property name")
    assert "broken_meta.txt read without it" in warning
    assert report.doc_id == "broken_meta" and report.published is None and report.source is None


def test_sidecar_that_is_not_an_object_or_has_a_bad_date(tmp_path):
    write(tmp_path, "a.txt", "Ay.")
    write(tmp_path, "a.meta.json", "[1, 2]")
    write(tmp_path, "b.txt", "Bee.")
    write(tmp_path, "b.meta.json", '{"published": "soon", "source": "Gazette"}')
    found = items(tmp_path)
    assert rejections(found) == []
    a, b = reports(found)
    (warning,) = a.metadata["warnings"]
    assert "a.meta.json: metadata sidecar must be a JSON object, got a list" in warning
    assert b.source == "Gazette" and b.published is None
    assert b.metadata["warnings"] == ["b.meta.json: cannot read published date 'soon'"]


def test_sidecar_fills_gaps_but_lines_keep_their_own_values(tmp_path):
    write(tmp_path, "feed.jsonl", '{"id": "1", "text": "One.", "source": "Own"}\n{"id": "2", "text": "Two."}\n')
    write(tmp_path, "feed.meta.json", '{"source": "Sidecar", "published": "2021-03-01"}')
    one, two = reports(items(tmp_path / "feed.jsonl"))
    assert (one.source, two.source) == ("Own", "Sidecar")
    assert one.published == two.published == utc(2021, 3, 1)


def test_sidecar_given_directly_is_rejected():
    assert only_rejection(FIX / "flood.meta.json").reason.startswith("metadata sidecar, not a report")


def test_seed_sample_reads_with_its_sidecar_dates():
    found = items(SEEDS)
    assert rejections(found) == []
    seeds = {r.doc_id: r for r in reports(found)}
    assert set(seeds) == {"000_859f0715c1a21f90", "002_ccd22e2c14d346af"}
    first = seeds["000_859f0715c1a21f90"]
    assert first.published == utc(2013, 1, 17)
    assert first.published.isoformat() == "2013-01-17T00:00:00+00:00"
    assert seeds["002_ccd22e2c14d346af"].published == utc(2013, 1, 18)
    assert first.source is None
    assert first.text.startswith("Algiers: At least 20 foreign hostages escaped")
    assert "\r" not in first.text


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("bom_only.txt", b"\xef\xbb\xbf", "empty file"),
    ("blank.txt", b"  \n\t\r\n  ", "only whitespace"),
    ("blank.jsonl", b"\n\n", "only whitespace"),
    ("picture.txt", PNG, "binary file (not text)"),
    ("picture.png", PNG, "binary file (not text)"),
    ("controls.txt", bytes(range(1, 9)) * 20 + b"some text", "binary file (not text)"),
    ("tenth.dat", b"news text\x01" * 30, "binary file (not text)"),  # one byte in ten
    ("empty.jsonl.gz", gzip.compress(b""), "empty file"),
])
def test_bad_files(tmp_path, name, data, reason):
    rejection = only_rejection(write(tmp_path, name, data))
    assert rejection.reason == reason
    assert rejection.origin == str(tmp_path / name)


def test_undecodable_text_is_rejected(tmp_path):
    rejection = only_rejection(write(tmp_path, "odd.txt", bytes(range(128, 256))))
    assert rejection.reason.startswith("cannot decode text")


def test_bad_utf16_after_its_bom_is_rejected(tmp_path):
    rejection = only_rejection(write(tmp_path, "odd.txt", b"\xff\xfeA\x00\x00\xd8"))
    assert rejection.reason.startswith("cannot decode text as UTF-16")


def test_oversized_file_is_rejected_from_its_size(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: 25 MB on paper, nothing on disk
        fh.truncate(25 * 1024 * 1024)
    assert only_rejection(path).reason == "file is 25 MB, over the 20 MB limit"
    assert MAX_BYTES == 20 * 1024 * 1024


def test_oversized_against_a_small_limit(tmp_path):
    path = write(tmp_path, "a.txt", "x" * 150)
    assert only_rejection(path, max_bytes=100).reason == "file is 150 bytes, over the 100 bytes limit"
    assert only_report(path, max_bytes=150).text == "x" * 150


def test_gzip_bomb_is_stopped_at_the_limit(tmp_path):
    path = write(tmp_path, "a.txt.gz", gzip.compress(b"x" * 5000))
    assert only_rejection(path, max_bytes=1000).reason == "file is over the 1000 bytes limit once decompressed"


@pytest.mark.parametrize("data", [
    gzip.compress(b'{"id": "a", "text": "A."}\n')[:-6],  # truncated
    b"this is not gzip at all",
    gzip.compress(b"x")[:10] + b"\x00garbage\x00",
])
def test_corrupt_gzip_is_rejected(tmp_path, data):
    assert only_rejection(write(tmp_path, "r.jsonl.gz", data)).reason.startswith("corrupt gzip file")


def test_html_without_an_article_is_still_read_as_html(tmp_path):
    report = only_report(write(tmp_path, "nav.html", "<html><body><nav>Home</nav></body></html>"))
    assert report.html == "<html><body><nav>Home</nav></body></html>"


# --- encodings ---------------------------------------------------------------------------


TEXT = "Caf\u00e9 \u2013 na\u00efve r\u00e9sum\u00e9.\nLine two."


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),  # with BOM, native order
    b"\xff\xfe" + TEXT.encode("utf-16-le"),
    b"\xfe\xff" + TEXT.encode("utf-16-be"),
    b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"),
    b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"),
    TEXT.encode("utf-16-le"),  # no BOM: recognised by its NUL pattern
    TEXT.encode("utf-8"),
    TEXT.encode("cp1252"),
])
def test_decoding_finds_the_encoding_and_strips_the_bom(data):
    assert decode_bytes(data) == TEXT


def test_cp1252_and_latin1_fixtures_come_out_right():
    cafe = only_report(FIX / "cafe_cp1252.txt")
    assert cafe.text == "Le caf\u00e9 \u2013 na\u00efve \u201cquotes\u201d opened again on Friday.\n"
    gruss = only_report(FIX / "gruss_latin1.txt")
    assert gruss.text == "Gr\u00fc\u00dfe aus M\u00fcnchen: caf\u00e9 na\u00efve, se\u00f1or.\n"
    assert decode_bytes("caf\u00e9 \u2013 na\u00efve".encode("cp1252")) == "caf\u00e9 \u2013 na\u00efve"


def test_other_legacy_encodings_are_not_forced_into_cp1252():
    assert decode_bytes("\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440, \u043a\u0430\u043a "
                        "\u0434\u0435\u043b\u0430".encode("cp1251")) == (
        "\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440, \u043a\u0430\u043a \u0434\u0435\u043b\u0430")


def test_html_meta_charset_is_honoured():
    page = only_report(FIX / "page_cp1252.html")
    assert "<p>caf\u00e9 \u2013 na\u00efve</p>" in page.html
    koi8 = only_report(FIX / "page_koi8.html")  # a guess alone reads these bytes as Japanese
    assert "<p>\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440, \u043a\u0430\u043a " \
           "\u0434\u0435\u043b\u0430</p>" in koi8.html


def test_declared_charset_does_not_override_valid_utf8():
    data = "caf\u00e9".encode("utf-8")
    assert decode_bytes(data, declared="iso-8859-1") == "caf\u00e9"
    assert decode_bytes("caf\u00e9".encode("cp1252"), declared="iso-8859-1") == "caf\u00e9"


@pytest.mark.parametrize("raw, expected", [
    (b"one\r\ntwo\r\n", "one\ntwo\n"),
    (b"one\rtwo\r", "one\ntwo\n"),
    (b"one\r\n\rtwo", "one\n\ntwo"),
])
def test_line_endings_become_newlines(tmp_path, raw, expected):
    assert decode_bytes(raw) == expected
    assert only_report(write(tmp_path, "crlf.txt", raw)).text == expected


def test_stray_control_characters_are_removed_from_report_text(tmp_path):
    data = b"Page one of the council minutes.\x0cPage two\x07 ends here, with a vote.\x1b"
    report = only_report(write(tmp_path, "c.txt", data))
    assert report.text == "Page one of the council minutes.\nPage two ends here, with a vote."


@pytest.mark.parametrize("data, message", [
    (PNG, "binary file (not text)"),
    (bytes(range(128, 256)), "cannot decode text"),
])
def test_decode_bytes_raises_value_error(data, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        decode_bytes(data)


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected, offset_hours", [
    ("2013-01-17", utc(2013, 1, 17), 0),
    ("2013-01-17T10:30:00Z", utc(2013, 1, 17, 10, 30), 0),
    ("2013-01-17T10:30:00+01:00", utc(2013, 1, 17, 9, 30), 1),
    ("2013-01-17 10:30", utc(2013, 1, 17, 10, 30), 0),
    ("  2013-01-17  ", utc(2013, 1, 17), 0),
    ("Thu, 17 Jan 2013 10:00:00 -0500", utc(2013, 1, 17, 15), -5),
    ("Thu, 17 Jan 2013 10:00:00 GMT", utc(2013, 1, 17, 10), 0),
    ("January 17, 2013", utc(2013, 1, 17), 0),
    ("17 January 2013 10:00 EST", utc(2013, 1, 17, 15), -5),
    (1358418600, utc(2013, 1, 17, 10, 30), 0),
    (1358418600.0, utc(2013, 1, 17, 10, 30), 0),
    (1358418600000, utc(2013, 1, 17, 10, 30), 0),
    ("1358418600", utc(2013, 1, 17, 10, 30), 0),
    (2013, utc(2013, 1, 1), 0),
    (date(2013, 1, 17), utc(2013, 1, 17), 0),
    (datetime(2013, 1, 17, 10, 30), utc(2013, 1, 17, 10, 30), 0),
    (datetime(2013, 1, 17, 10, 30, tzinfo=timezone(timedelta(hours=2))), utc(2013, 1, 17, 8, 30), 2),
])
def test_parse_published_reads_common_forms_keeping_their_offset(value, expected, offset_hours):
    got = parse_published(value)
    assert got == expected  # the same instant
    assert got.utcoffset() == timedelta(hours=offset_hours)  # naive means UTC; a given zone is kept


@pytest.mark.parametrize("value", [None, "", "   "])
def test_parse_published_empty_is_none(value):
    assert parse_published(value) is None


@pytest.mark.parametrize("value", ["yesterday-ish", "soon", "3", "May 5", True, [2013], {"y": 2013}, "0000-00-00"])
def test_parse_published_garbage_raises(value):
    with pytest.raises(ValueError, match="cannot read published date"):
        parse_published(value)


def test_a_feed_entry_with_nothing_to_read_is_rejected(tmp_path):
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
            '<item><link>https://example.org/x</link></item></channel></rss>')
    rejection = only_rejection(write(tmp_path, "feed.rss", feed))
    assert rejection.reason == "entry 1: no title, content or summary"


# --- audit s7: dates keep their zone, unread dates are told, folders and same names ----------

S7 = Path(__file__).parent / "fixtures" / "ingest_s7"
EST = timedelta(hours=-5)


def by_id(found: list[RawReport | Rejection]) -> dict[str, RawReport]:
    return {r.doc_id: r for r in reports(found)}


def test_a_jsonl_date_keeps_its_own_offset_so_its_day_is_the_local_day():
    report = by_id(items(S7 / "evening_lines.jsonl"))["evening-line"]
    assert report.published.date() == date(2025, 3, 4)  # Tuesday evening in New York, not Wednesday
    assert report.published.utcoffset() == EST


@pytest.mark.parametrize("name", ["evening.txt", "evening_feed.rss", "evening_feed.atom"])
def test_sidecar_and_feed_dates_keep_their_own_offset(name):
    report = only_report(S7 / name)
    assert report.published == utc(2025, 3, 5, 4, 30)
    assert report.published.date() == date(2025, 3, 4)
    assert report.published.utcoffset() == EST


@pytest.mark.parametrize("value, instant, offset_hours", [
    ("March 2, 2015 10:00 AM EST", utc(2015, 3, 2, 15), -5),
    ("March 2, 2015 10:00 PM EST", utc(2015, 3, 3, 3), -5),  # the e-mail parser read 10:00 UTC
    ("March 2, 2015 10:00 AM PDT", utc(2015, 3, 2, 17), -7),
    ("2 March 2015 10:00 IST", utc(2015, 3, 2, 4, 30), 5.5),
    ("2 March 2015 10:00 JST", utc(2015, 3, 2, 1), 9),
    ("March 2, 2015 10:00 AEDT", utc(2015, 3, 1, 23), 11),
    ("2 March 2015 10:00 CET", utc(2015, 3, 2, 9), 1),
    ("Mon, 02 Mar 2015 10:00:00 IST", utc(2015, 3, 2, 4, 30), 5.5),  # RFC 2822 shape, zone it lacks
])
def test_zone_abbreviations_are_read_and_kept(value, instant, offset_hours):
    got = parse_published(value)
    assert got == instant
    assert got.utcoffset() == timedelta(hours=offset_hours)


def test_a_zone_abbreviation_in_a_jsonl_field():
    found = by_id(items(S7 / "evening_lines.jsonl"))
    assert found["abbrev"].published == utc(2015, 3, 3, 3)
    assert found["abbrev"].published.date() == date(2015, 3, 2)
    assert found["india"].published.utcoffset() == timedelta(hours=5, minutes=30)


def test_unreadable_given_dates_keep_the_report_undated_and_are_recorded():
    found = items(S7 / "unread_lines.jsonl")
    assert rejections(found) == []  # a warning, not a rejection
    got = {r.doc_id: (r.published, r.metadata.get(UNREAD)) for r in reports(found)}
    assert got == {"words": (None, "yesterday"), "month13": (None, "2015-13-45"),
                   "prose": (None, "not a date at all")}


@pytest.mark.parametrize("name", ["unread.txt", "unread_feed.rss"])
def test_unreadable_sidecar_and_feed_dates_are_recorded(name):
    report = only_report(S7 / name)
    assert report.published is None
    assert report.metadata[UNREAD] == "yesterday"


def test_a_readable_date_leaves_nothing_unread(tmp_path):
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "a.meta.json", '{"published": "2025-03-04"}')
    write(tmp_path, "b.jsonl", json.dumps({"id": "b", "text": BODY, "published": 99999999999999999}))
    assert UNREAD not in only_report(tmp_path / "a.txt").metadata
    assert only_report(tmp_path / "b.jsonl").metadata[UNREAD] == "99999999999999999"


def test_a_sidecar_date_fills_in_for_an_unreadable_one_of_the_record(tmp_path):
    write(tmp_path, "c.json", json.dumps({"text": BODY, "published": "yesterday"}))
    write(tmp_path, "c.meta.json", '{"published": "2025-03-04T23:30:00-05:00"}')
    report = only_report(tmp_path / "c.json")
    assert report.published.utcoffset() == EST and UNREAD not in report.metadata


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads any folder: chmod does not deny")
def test_an_unreadable_sub_folder_is_a_rejection(tmp_path):
    write(tmp_path, "ok.txt", BODY)
    locked = tmp_path / "locked"
    write(tmp_path, "locked/r.txt", BODY)
    os.chmod(locked, 0)
    try:
        found = items(tmp_path)
    finally:
        os.chmod(locked, 0o755)
    assert [r.doc_id for r in reports(found)] == ["ok"]
    assert rejections(found) == [Rejection(str(locked), "cannot read folder: Permission denied")]


def test_a_folder_that_cannot_be_listed_is_a_rejection_even_as_root(tmp_path, monkeypatch):
    write(tmp_path, "ok.txt", BODY)
    write(tmp_path, "locked/r.txt", BODY)
    locked = tmp_path / "locked"
    real_scandir = os.scandir

    def scandir(path=".", *args):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path, *args)

    monkeypatch.setattr(os, "scandir", scandir)
    found = items(tmp_path)
    assert [r.doc_id for r in reports(found)] == ["ok"]
    assert rejections(found) == [Rejection(str(locked), "cannot read folder: Permission denied")]
    assert list_input_files([tmp_path]) == [tmp_path / "ok.txt"]


def test_files_of_one_name_in_different_folders_get_distinct_ids():
    found = items(S7 / "samename")
    assert rejections(found) == []
    assert [(r.origin, r.doc_id) for r in reports(found)] == [
        (str(S7 / "samename" / "site1" / "index.html"), "index"),
        (str(S7 / "samename" / "site2" / "index.html"), "site2/index"),
    ]
    assert "Vell dam" in reports(found)[0].html and "Rinn" in reports(found)[1].html


def test_file_ids_are_stable_however_the_file_is_given(monkeypatch):
    site2 = S7 / "samename" / "site2" / "index.html"
    monkeypatch.chdir(S7)
    relative = Path("samename/site2/index.html")
    for given in ([S7 / "samename"], [S7 / "samename" / "site1", relative], [S7 / "samename" / "site1", site2]):
        assert [r.doc_id for r in reports(items(*given))] == ["index", "site2/index"]
    assert only_report(site2).doc_id == "index"  # unique in its run: the bare name, as before


def test_the_same_file_twice_keeps_one_id_and_given_ids_are_never_changed(tmp_path):
    write(tmp_path, "a/index.txt", BODY)
    write(tmp_path, "b/index.txt", BODY)
    write(tmp_path, "c/index.htm", "<p>Other.</p>")
    write(tmp_path, "c/index.txt", BODY)
    write(tmp_path, "given.jsonl", json.dumps({"id": "index", "text": BODY}))
    found = items(tmp_path / "given.jsonl", tmp_path / "a/index.txt", tmp_path / "a/index.txt",
                  tmp_path / "b", tmp_path / "c")
    assert [r.doc_id for r in reports(found)] == [
        "index", "a/index", "a/index", "b/index", "c/index", "index.txt"]


# --- audit s8: a numeric date whose day and month could be either way round ------------------


@pytest.mark.parametrize("value, month, day", [
    ("02/03/2015", 2, 3),  # month first, as dateutil and US sources read it
    ("13/03/2015", 3, 13),  # a first part over 12 can only be the day
    ("03/13/2015", 3, 13),
    ("04.05.2016 10:30", 4, 5),
])
def test_numeric_dates_are_read_month_first_unless_they_cannot_be(value, month, day):
    got = parse_published(value)
    assert (got.month, got.day) == (month, day)


@pytest.mark.parametrize("value, ambiguous", [
    ("02/03/2015", True),
    ("2-3-2015", True),
    ("04.05.2016 10:30", True),
    ("13/03/2015", False),  # only one reading
    ("03/13/2015", False),
    ("03/03/2015", False),  # both readings are the same day
    ("2015-03-02", False),  # ISO: year, month, day
    ("2015/03/02", False),
    ("Mon, 02 Mar 2015 10:00:00 GMT", False),
    ("2 March 2015", False),
])
def test_ambiguous_day_month_only_when_both_readings_are_dates(value, ambiguous):
    assert ambiguous_day_month(value, parse_published(value)) is ambiguous


def test_an_ambiguous_jsonl_date_is_kept_and_recorded(tmp_path):
    lines = [{"id": "guess", "text": BODY, "published": "02/03/2015"},
             {"id": "clear", "text": BODY, "published": "13/03/2015"},
             {"id": "iso", "text": BODY, "published": "2015-03-02"}]
    path = write(tmp_path, "f.jsonl", "".join(json.dumps(line) + "\n" for line in lines))
    found = by_id(items(path))
    assert found["guess"].published == utc(2015, 2, 3)
    assert found["guess"].metadata[AMBIGUOUS] == "02/03/2015"
    assert AMBIGUOUS not in found["clear"].metadata and AMBIGUOUS not in found["iso"].metadata


def test_an_ambiguous_sidecar_date_is_recorded_only_when_it_is_used(tmp_path):
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "a.meta.json", '{"published": "05/06/2020"}')
    assert only_report(tmp_path / "a.txt").metadata[AMBIGUOUS] == "05/06/2020"
    write(tmp_path, "b.json", json.dumps({"text": BODY, "published": "2020-06-05"}))
    write(tmp_path, "b.meta.json", '{"published": "05/06/2020"}')
    report = only_report(tmp_path / "b.json")
    assert report.published == utc(2020, 6, 5) and AMBIGUOUS not in report.metadata


def test_an_ambiguous_feed_date_is_recorded(tmp_path):
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>Road cleared</title>'
            f'<description>{BODY}</description><pubDate>{{}}</pubDate></item></channel></rss>')
    guessed = only_report(write(tmp_path, "a.rss", feed.format("07/08/2021")))
    assert guessed.published == utc(2021, 7, 8) and guessed.metadata[AMBIGUOUS] == "07/08/2021"
    assert AMBIGUOUS not in only_report(write(tmp_path, "b.rss", feed.format("Sat, 07 Aug 2021 10:00:00 GMT"))).metadata


# --- s9: a feed item's outlet is the item's own, not the aggregator's channel ---------------

S9_FIX = Path(__file__).parent / "fixtures"


def test_an_rss_item_names_its_own_outlet_before_the_channel_title():
    found = {r.doc_id: r.source for r in reports(items(S9_FIX / "s9_digest.rss"))}
    assert found == {
        "ferry": "Harbour News Agency",  # <author> naming an agency
        "buses": "Morning Roundup Reader",  # a person as author: the channel, never "Maria Lopez"
        "bridge": "Coastal Times",  # <source> wins over dc:creator
        "schools": "lakeside-herald.example",  # the link's host differs from the channel's
        "radio": "Valley Broadcasting",  # dc:publisher
        "trains": "Morning Roundup Reader",  # an e-mail and a desk are no outlet
        "farmers": "AFP",  # an agency's initials
    }


def test_an_atom_entry_takes_its_outlet_from_its_source_title():
    found = {r.doc_id: r.source for r in reports(items(S9_FIX / "s9_digest.atom"))}
    assert found == {"urn:example:museum": "Northern Daily Post", "urn:example:dredging": "Shared Items of a Reader"}


@pytest.mark.parametrize(("name", "organisation"), [
    ("Global Wire Service", True), ("Science Today", True), ("GNA", True), ("Reuters", True),
    ("Harbour.com", True), ("Jane Doe", False), ("Times Staff Writer", False), ("Ali Khan and Jo Lee", False),
    ("Doe, Jane", False), ("news desk", False), ("john.doe@example.org", False),
])
def test_an_author_is_an_outlet_only_when_it_names_an_organisation(name, organisation):
    assert is_organisation(name) is organisation


def test_a_feed_on_its_own_site_keeps_its_channel_title(tmp_path):
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Wire</title>'
            '<link>https://www.valley-wire.com/</link><item><title>Road cleared</title>'
            '<link>https://valley-wire.co.uk/road</link><author>Sam Hill</author>'
            f'<description>{BODY}</description></item></channel></rss>')
    assert only_report(write(tmp_path, "own.rss", feed)).source == "Valley Wire"


def test_a_link_that_cannot_be_resolved_is_kept_not_a_traceback(tmp_path, monkeypatch):
    from storyline import ingest

    (tmp_path / "a.txt").write_text("A report.\n")
    (tmp_path / "b.txt").write_text("Another report.\n")
    real = os.path.realpath

    def guarded(path, *args, **kwargs):
        if str(path).endswith("b.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(ingest.os.path, "realpath", guarded)
    entries = ingest._walk_entries(tmp_path, skip=[tmp_path / "other"])
    assert [p.name for p in entries] == ["a.txt", "b.txt"]


def test_pdf_and_office_files_are_named_as_such(tmp_path):
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n")
    (tmp_path / "memo.docx").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    (tmp_path / "bundle.zip").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    reasons = {Path(r.origin).name: r.reason for r in rejections(items(tmp_path))}
    assert reasons["report.pdf"].startswith("a PDF document: storyline reads text, HTML, JSON and feeds")
    assert reasons["memo.docx"].startswith("a Word document: ")
    assert reasons["bundle.zip"].startswith("a ZIP archive: ")


def test_a_clock_time_without_a_zone_is_read_as_utc_and_said(tmp_path):
    write(tmp_path, "feed.jsonl",
          '{"id": "1", "text": "One.", "published": "2026-10-30 14:00"}\n'
          '{"id": "2", "text": "Two.", "published": "2026-10-30T14:00:00+01:00"}\n'
          '{"id": "3", "text": "Three.", "published": "2026-10-30"}\n')
    one, two, three = reports(items(tmp_path))
    assert one.published.utcoffset() == timedelta(0)
    assert one.metadata["warnings"] == ["line 1: publication time '2026-10-30 14:00' names no time zone; read as UTC"]
    assert "warnings" not in two.metadata and "warnings" not in three.metadata  # a zone, or a day only
