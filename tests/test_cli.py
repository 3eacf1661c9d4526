"""End-to-end runs of the CLI on the bundled sample and small fixtures."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from storyline import clean
from storyline.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "samples" / "seeds"
E2E = ROOT / "tests" / "fixtures" / "e2e"
SCHEMA = json.loads((ROOT / "storyline" / "story.schema.json").read_text())
FURNITURE = re.compile(r"2024|2007|Opinion|Editorial|Latest News|Reuters Photo|file photo")


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed-run")
    code = main(["run", str(SEEDS), "--out", str(out / "out"), "--db", str(out / "db.sqlite"), "-q"])
    assert code == 0
    return out


def story_files(out: Path) -> list[Path]:
    return sorted(out.glob("s*.json"))


def test_seeds_make_one_story_of_two_reports(seed_run):
    (path,) = story_files(seed_run / "out")
    story = json.loads(path.read_text())
    jsonschema.validate(story, SCHEMA)
    assert {d["doc_id"] for d in story["documents"]} == {"000_859f0715c1a21f90", "002_ccd22e2c14d346af"}
    assert (seed_run / "out" / "index.html").exists()
    assert path.with_suffix(".md").exists() and path.with_suffix(".html").exists()


def test_seed_summary_and_timeline_carry_no_furniture(seed_run):
    (path,) = story_files(seed_run / "out")
    story = json.loads(path.read_text())
    assert story["summary"] and story["timeline"]
    for item in story["summary"] + story["timeline"]:
        assert not FURNITURE.search(item["text"]), item["text"]
    assert {e["date"] for e in story["timeline"]} <= {"2013-01-16", "2013-01-17", "2013-01-18"}


def test_seed_summary_quotes_are_at_their_offsets(seed_run):
    (path,) = story_files(seed_run / "out")
    story = json.loads(path.read_text())
    texts = {}
    for doc in story["documents"]:
        cleaned = json.loads(_run_clean(SEEDS / f"{doc['doc_id']}.txt"))
        texts[doc["doc_id"]] = cleaned["text"]
    for sentence in story["summary"]:
        first = sentence["sources"][0]
        assert texts[first["doc_id"]][first["start"]:first["end"]] == sentence["text"]


def test_seed_summary_tells_the_story_in_order(seed_run):
    """What an editor wants: the attack, the escapes, the assault and its dead, the standoff."""
    (path,) = story_files(seed_run / "out")
    story = json.loads(path.read_text())
    texts = [s["text"] for s in story["summary"]]
    wanted = ["gunmen attacked", "hostages escaped", "storming the plant", "unaccounted for"]
    at = [next(i for i, t in enumerate(texts) if w in t) for w in wanted]
    assert at == sorted(at), texts  # by the day of what they tell: 16th, 17th, 17th, 18th
    assert not any(re.search(r", (he|she) said", t) for t in texts)
    assert all(s["sources"] for s in story["summary"])


def test_undated_seeds_get_a_relative_timeline_never_a_date(tmp_path, capsys):
    """Without their .meta.json the seeds have no date: days are counted, not invented."""
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    assert main(["summarize", str(tmp_path), "--format", "json", "-q"]) == 0
    story = json.loads(capsys.readouterr().out)
    jsonschema.validate(story, SCHEMA)
    assert story["timeline"] == []
    days = [e["date"] for e in story["relative_timeline"]]
    assert days[0] == "Day 1 (Wednesday)" and "Day 3 (Friday)" in days
    assert not any(re.search(r"\d{4}", d) for d in days)


def _run_clean(path: Path) -> str:
    proc = subprocess.run([sys.executable, "-m", "storyline", "clean", str(path)],
                          capture_output=True, text=True, check=True)
    return proc.stdout


def test_seed_figures_have_values_and_sources(seed_run):
    (path,) = story_files(seed_run / "out")
    story = json.loads(path.read_text())
    values = [(f["label"], v["value"], v["doc_id"]) for f in story["figures"] for v in f["values"]]
    labels = " | ".join(f["label"] for f in story["figures"])
    assert any("escap" in label and value == 20 and doc.startswith("000") for label, value, doc in values), labels
    assert any("kill" in label and doc.startswith("000") for label, value, doc in values), labels
    assert any(("unaccounted" in label or "missing" in label) and value == 60 and doc.startswith("002")
               for label, value, doc in values), labels


def test_second_run_adds_nothing_twice(seed_run, capsys):
    code = main(["run", str(SEEDS), "--out", str(seed_run / "out"), "--db", str(seed_run / "db.sqlite")])
    assert code == 0
    err = capsys.readouterr().err
    assert "2 already stored" in err and "0 processed" in err
    assert len(story_files(seed_run / "out")) == 1


def test_a_run_never_reads_its_own_reports_or_store_inside_its_input_folder(tmp_path, capsys):
    folder = tmp_path / "news"
    shutil.copytree(SEEDS, folder)
    args = ["run", str(folder), "--out", str(folder / "out"), "--db", str(folder / "store.sqlite")]
    assert main(args) == 0
    assert main(args) == 0  # the folder now holds out/*.html, *.json, *.md and the store
    second = capsys.readouterr().err.strip().splitlines()[-1]
    assert second.startswith("2 reports read: 0 processed, 0 copies, 2 already stored, 0 rejected")


def test_new_inputs_update_the_stored_story_and_start_others(tmp_path, capsys):
    db, out = str(tmp_path / "db.sqlite"), str(tmp_path / "out")
    assert main(["run", str(SEEDS), "--out", out, "--db", db, "-q"]) == 0
    capsys.readouterr()
    assert main(["run", str(E2E / "later"), "--out", out, "--db", db]) == 0
    printed = capsys.readouterr()
    stories = [json.loads(p.read_text()) for p in story_files(Path(out))]
    by_size = sorted(stories, key=lambda s: -len(s["documents"]))
    # the run says which stories it started and which it added to
    assert printed.err.strip().splitlines()[-1].endswith("2 stories (1 new, 1 updated)")
    assert f"updated: {by_size[0]['story_id']} " in printed.out
    assert f"new: {by_size[1]['story_id']} " in printed.out
    assert [len(s["documents"]) for s in by_size] == [3, 2]
    assert "siege_day4" in {d["doc_id"] for d in by_size[0]["documents"]}
    assert {d["doc_id"] for d in by_size[1]["documents"]} == {"strike-1", "strike-2"}
    update = by_size[0]["update"]  # what the day-4 report adds to the stored story
    assert update and all(s["sources"][0]["doc_id"] == "siege_day4" for s in update)
    assert not by_size[1]["update"]  # a new story has nothing "since"
    capsys.readouterr()
    assert main(["stories", "--db", db]) == 0
    listing = capsys.readouterr().out.strip().splitlines()
    assert len(listing) == 2 and "3 reports" in listing[0]
    assert main(["stories", "--db", db, "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(row["updated_at"] for row in rows)


def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path, capsys, monkeypatch):
    bad = tmp_path / "in"
    shutil.copytree(E2E / "bad", bad)
    (bad / "missing-dir").mkdir()
    monkeypatch.setattr(clean, "MAX_TEXT_CHARS", 3000)  # as a text over spaCy's million would be
    lines = (f"Line {i}: the river rose by {i} centimetres overnight in the town of Osk." for i in range(60))
    (bad / "book.txt").write_text("\n\n".join(lines))
    code = main(["run", str(bad), str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out"),
                 "--db", str(tmp_path / "db.sqlite")])
    err = capsys.readouterr().err
    assert code == 2  # a path named on the command line is missing: the run went on, the status says so
    assert err.strip().splitlines()[-1] == f"storyline: error: 1 input path not found: {tmp_path / 'nope.txt'}"
    lines = [line for line in err.splitlines() if line.startswith("storyline: skipped")]
    joined = "\n".join(lines)
    assert "empty.txt: empty file" in joined
    assert "picture.txt: binary" in joined
    assert "broken.jsonl: line 2: invalid JSON" in joined
    assert "broken.jsonl: line 3:" in joined
    assert "no_article.html" in joined
    assert "nope.txt: no such file" in joined
    assert "book.txt: text too long for one report" in joined
    assert "1 processed" in err and "rejected" in err


def test_summarize_formats(tmp_path, capsys):
    assert main(["summarize", str(SEEDS), "--words", "60", "-q"]) == 0
    story = json.loads(capsys.readouterr().out)
    jsonschema.validate(story, SCHEMA)
    assert 0 < sum(len(s["text"].split()) for s in story["summary"]) <= 60
    assert main(["summarize", str(SEEDS), "--format", "md", "--out", str(tmp_path / "s.md"), "-q"]) == 0
    assert (tmp_path / "s.md").read_text().startswith("# ")
    assert main(["summarize", str(SEEDS), "--format", "html", "-q"]) == 0
    assert "<html" in capsys.readouterr().out


def test_summarize_since_nothing_and_since_earlier(capsys):
    seeds = sorted(SEEDS.glob("*.txt"))
    with pytest.raises(SystemExit) as refused:  # "--since" and no file: a slip, said at once
        main(["summarize", str(seeds[1]), "--since"])
    assert refused.value.code == 2 and "--since: expected at least one" in capsys.readouterr().err
    assert main(["summarize", str(seeds[1]), "--since", str(seeds[0]), "-q"]) == 0
    story = json.loads(capsys.readouterr().out)
    update = story["summary"]
    assert update and all(s["sources"][0]["doc_id"] == seeds[1].stem for s in update)
    assert story["update"] == update  # what the inputs add, in the field a run fills
    # the earlier report is a source too: figures and timeline show the story's movement
    assert {d["doc_id"] for d in story["documents"]} == {seeds[0].stem, seeds[1].stem}
    cited = {v["doc_id"] for f in story["figures"] for v in f["values"]}
    assert seeds[0].stem in cited and seeds[1].stem in cited


def test_group_prints_one_line_per_report(capsys):
    assert main(["group", str(SEEDS), str(E2E / "later"), "-q"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    story = {r["id"]: r["story"] for r in rows}
    assert len(story) == 5
    assert story["000_859f0715c1a21f90"] == story["002_ccd22e2c14d346af"] == story["siege_day4"]
    assert story["strike-1"] == story["strike-2"] != story["siege_day4"]


def test_group_by_words_only_encodes_nothing(monkeypatch, capsys):
    import storyline.pipeline

    def no_encoder(name):
        raise AssertionError(f"--embedding-model none loaded {name}")

    monkeypatch.setattr(storyline.pipeline, "encoder_for", no_encoder)
    assert main(["group", str(SEEDS), str(E2E / "later"), "-q", "--embedding-model", "none"]) == 0
    story = {r["id"]: r["story"] for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert story["000_859f0715c1a21f90"] == story["002_ccd22e2c14d346af"] != story["strike-1"]


def test_group_counts_its_stories_and_keeps_headline_only_reports(tmp_path, capsys):
    feed = tmp_path / "alerts.jsonl"
    feed.write_text("".join(json.dumps({"id": f"h{i}", "title": t, "text": t}) + "\n" for i, t in enumerate([
        "Fed official says weak data caused by weather, should not slow taper",
        "Fed's Plosser: Nasty Weather Has Curbed Job Growth",
    ])))
    assert main(["group", str(feed)]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert "2 processed" in captured.err and "0 rejected" in captured.err
    assert re.search(r"; (1 story|2 stories)$", captured.err.strip())


def test_clean_prints_body_and_metadata():
    data = json.loads(_run_clean(SEEDS / "002_ccd22e2c14d346af.txt"))
    assert data["dateline"] == "ALGIERS"
    assert data["text"].startswith("About 60 foreign hostages")
    assert data["captions"] and "Reuters Photo" in data["captions"][0]
    assert data["published"].startswith("2013-01-18")


def test_help_teaches_with_examples():
    proc = subprocess.run([sys.executable, "-m", "storyline", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "examples:" in proc.stdout and "storyline run" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "storyline", "run", "--help"], capture_output=True, text=True)
    assert "--out" in proc.stdout and "--db" in proc.stdout


def test_bad_option_is_one_clear_line(tmp_path, capsys):
    assert main(["summarize", str(SEEDS), "--words", "0"]) == 2
    assert "words must be a whole number above 0 (--words on the command line)" in capsys.readouterr().err
    assert main(["run", str(SEEDS), "--out", str(tmp_path), "--db", str(tmp_path / "no" / "db.sqlite")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_summarize_out_makes_its_folder_and_refuses_a_folder(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "new" / "deeper" / "s.md"
    assert main(["summarize", str(SEEDS), "--format", "md", "--out", str(target), "-q"]) == 0
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert main(["summarize", str(SEEDS), "--format", "md", "--out", str(tmp_path), "-q"]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_an_out_that_is_a_file_is_refused_before_any_work(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    afile = tmp_path / "afile"
    afile.write_text("not a folder")
    assert main(["run", str(SEEDS), "--out", str(afile), "--db", str(tmp_path / "db.sqlite"), "-q"]) == 2
    assert "is a file; give a folder" in capsys.readouterr().err
    assert not (tmp_path / "db.sqlite").exists()  # refused before the store was opened
    assert main(["summarize", str(SEEDS), "--out", str(afile / "s.md"), "-q"]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    assert main(["summarize", str(SEEDS), "--per-day", "0", "-q"]) == 2
    assert "per_day must be a whole number above 0 (--per-day on the command line)" in capsys.readouterr().err


def test_a_closed_pipe_ends_the_output_quietly(tmp_path: Path) -> None:
    report = tmp_path / "long.txt"  # more output than a pipe buffers
    report.write_text("\n\n".join(f"The river rose by {i} centimetres in Osk on Monday, officials said."
                                    for i in range(3000)))
    proc = subprocess.run(f"{sys.executable} -m storyline clean {report} | head -c 10",
                          shell=True, capture_output=True, text=True)
    assert len(proc.stdout) == 10
    assert "Traceback" not in proc.stderr


def test_a_corrected_report_keeps_its_story_and_its_copy_never_loops(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    text = (SEEDS / "000_859f0715c1a21f90.txt").read_text(encoding="utf-8")
    meta = (SEEDS / "000_859f0715c1a21f90.meta.json").read_text(encoding="utf-8")
    first, reprint = (tmp_path / n for n in ("a", "b"))
    for folder in (first, reprint):
        folder.mkdir()
    (first / "wire.txt").write_text(text, encoding="utf-8")
    (first / "wire.meta.json").write_text(meta, encoding="utf-8")
    (reprint / "reprint.txt").write_text(text, encoding="utf-8")  # the same wire story, elsewhere
    db, out = str(tmp_path / "db.sqlite"), str(tmp_path / "out")
    for folder in (first, reprint):
        assert main(["run", str(folder), "--out", out, "--db", db, "--embedding-model", "none", "-q"]) == 0
    (first / "wire.txt").write_text(text.replace("At least 20 foreign", "At least 22 foreign"),
                                    encoding="utf-8")  # the same report, corrected in place
    assert main(["run", str(first), "--out", out, "--db", db, "--embedding-model", "none", "-q"]) == 0
    from storyline.store import Store
    stories = Store(db).stories()
    assert len(stories) == 1
    story = stories[0][0]
    assert sorted(d.doc_id for d in story.documents) == ["reprint", "wire"]
    copies = {d.doc_id: d.duplicate_of for d in story.documents}
    assert sum(1 for v in copies.values() if v) == 1  # one original, one copy of it
    assert all(copies.get(v) is None for v in copies.values() if v)
    assert story.summary
    cited = {c.doc_id for s in story.summary for c in s.sources}
    assert cited == {"reprint", "wire"}  # the copy weighed again is part of the analysis
    out_json = json.loads(next((tmp_path / "out").glob("s*.json")).read_text(encoding="utf-8"))
    assert sorted(d["doc_id"] for d in out_json["documents"]) == ["reprint", "wire"]


def test_an_unreadable_publication_date_is_a_warning_not_a_rejection(capsys: pytest.CaptureFixture[str]) -> None:
    lines = Path(__file__).parent / "fixtures" / "ingest_s7" / "unread_lines.jsonl"
    main(["group", str(lines), "--embedding-model", "none"])
    err = capsys.readouterr().err
    assert "storyline: warning:" in err and "cannot read published date" in err
    assert "0 rejected" in err


def test_a_run_with_other_options_analyses_stored_stories_again(tmp_path: Path) -> None:
    db, out = str(tmp_path / "db.sqlite"), str(tmp_path / "out")
    assert main(["run", str(SEEDS), "--out", out, "--db", db, "--embedding-model", "none", "-q"]) == 0
    from storyline.store import Store
    words = lambda: sum(len(s.text.split()) for s in Store(db).stories()[0][0].summary)  # noqa: E731
    assert words() > 40
    assert main(["run", str(SEEDS), "--out", out, "--db", db, "--embedding-model", "none",
                 "--words", "40", "-q"]) == 0  # nothing new to read, but a shorter summary asked
    assert 0 < words() <= 40


def test_summarize_with_nothing_readable_writes_no_story(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(tmp_path / "nope.txt"), "--embedding-model", "none"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "nothing to summarize" in captured.err and "nope.txt: no such file" in captured.err


def test_listing_a_missing_store_says_so_and_creates_nothing(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "typo.sqlite"
    assert main(["stories", "--db", str(missing)]) == 2
    assert "no such store" in capsys.readouterr().err
    assert not missing.exists()


def test_clean_of_a_file_of_several_reports_prints_one_json_list(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "two.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": f"The river rose by {i} metres in Osk on Monday."})
                            + "\n" for i in (1, 2)))
    assert main(["clean", str(feed)]) == 0
    assert [d["doc_id"] for d in json.loads(capsys.readouterr().out)] == ["1", "2"]


def test_a_stored_report_replaced_from_another_feed_is_told(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    db, out = str(tmp_path / "db.sqlite"), str(tmp_path / "out")
    for name, outlet, text in (("a.jsonl", "Outlet A", "Nordline will cut 400 jobs at its plant in Rinn, the company said."),
                               ("b.jsonl", "Outlet B", "The city of Rinn opened a new public library on Tuesday, officials said.")):
        (tmp_path / name).write_text(json.dumps({"id": 1, "source": outlet, "text": text}) + "\n")
        assert main(["run", str(tmp_path / name), "--out", out, "--db", db, "--embedding-model", "none"]) == 0
    err = capsys.readouterr().err
    assert "storyline: warning:" in err and "id '1' replaces the report stored from" in err


def test_serving_on_a_busy_port_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        assert main(["serve", "--db", str(tmp_path / "db.sqlite"), "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"cannot serve at 127.0.0.1:{port}" in err and "serving" not in err


def test_pages_an_earlier_run_wrote_into_an_input_folder_are_not_news(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "news"
    shutil.copytree(SEEDS, folder)
    db = str(tmp_path / "store.sqlite")
    assert main(["run", str(folder), "--out", str(folder / "pages"), "--db", db, "-q"]) == 0
    capsys.readouterr()
    assert main(["run", str(folder), "--out", str(tmp_path / "elsewhere"), "--db", db]) == 0
    err = capsys.readouterr().err
    assert err.count("a page storyline wrote") == 4  # index.html and the story's .html, .md, .json
    assert "0 processed, 0 copies, 2 already stored, 4 rejected" in err


def test_group_csv_quotes_ids_that_need_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    feed = tmp_path / "odd_ids.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": f"The river rose by {n} metres in Osk on Monday."}) + "\n"
                            for n, i in enumerate(['a,b', 'say "hi"'])))
    assert main(["group", str(feed), "--format", "csv", "--embedding-model", "none", "-q"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["id", "story"] and [r[0] for r in rows[1:]] == ['a,b', 'say "hi"']


def test_a_report_without_an_outlet_is_named_by_its_site_and_copies_by_number(tmp_path: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    text = (SEEDS / "000_859f0715c1a21f90.txt").read_text(encoding="utf-8")
    feed = tmp_path / "two.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": text, "published": "2013-01-17",
                                        "url": f"https://www.{site}/news/1"}) + "\n"
                            for i, site in (("first", "tarsk-post.example"), ("second", "osk-daily.example"))))
    assert main(["summarize", str(feed), "--format", "md", "--embedding-model", "none", "-q"]) == 0
    sources = capsys.readouterr().out.split("## Sources")[1]
    assert "tarsk-post.example" in sources and "copy of [1]" in sources


def test_counts_are_worded_for_one_and_for_many():
    from storyline.models import Rejection, RunReport

    one = RunReport(read=1, duplicates=1, story_count=1)
    assert one.line() == "1 report read: 0 processed, 1 copy, 0 already stored, 0 rejected; 1 story"
    many = RunReport(read=3, processed=1, duplicates=2, rejected=[Rejection("feed.jsonl:4", "empty")], story_count=2)
    assert many.line() == "3 reports read: 1 processed, 2 copies, 0 already stored, 1 rejected; 2 stories"
    assert str(many.rejected[0]) == "feed.jsonl: line 4: empty"


def test_a_page_of_the_same_name_from_another_folder_in_a_later_run_is_kept_beside_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, out = str(tmp_path / "db.sqlite"), str(tmp_path / "out")
    for site, text in (("site1", "Dockers at Port Lund agreed on Saturday to end their twelve-day strike, the union said."),
                       ("site2", "A magnitude 6.4 earthquake struck Velmora province early on Monday, officials said.")):
        (tmp_path / site).mkdir()
        (tmp_path / site / "index.txt").write_text(text, encoding="utf-8")
        assert main(["run", str(tmp_path / site), "--out", out, "--db", db, "--embedding-model", "none"]) == 0
    err = capsys.readouterr().err
    assert "id 'index' is taken by the report stored from" in err and "stored as 'site2/index'" in err
    from storyline.store import Store

    assert sorted(Store(db).content_hashes()) == ["index", "site2/index"]  # the id one run over both gives
    assert len(Store(db).listing()) == 2
    # the same file read again keeps its id: nothing is added twice
    assert main(["run", str(tmp_path / "site2"), "--out", out, "--db", db, "--embedding-model", "none"]) == 0
    assert "1 already stored" in capsys.readouterr().err


def test_corrected_metadata_makes_a_stored_report_new_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "000_859f0715c1a21f90.txt", folder / "wire.txt")
    meta = json.loads((SEEDS / "000_859f0715c1a21f90.meta.json").read_text(encoding="utf-8"))
    good = meta["published"]
    meta["published"] = good.replace("2013", "2012", 1)  # a typo in the year
    (folder / "wire.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    args = ["run", str(folder), "--out", str(tmp_path / "out"), "--db", str(tmp_path / "db.sqlite"),
            "--embedding-model", "none"]
    assert main(args) == 0
    assert main(args) == 0
    assert "1 already stored" in capsys.readouterr().err  # nothing changed: nothing redone
    meta["published"] = good
    (folder / "wire.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert main(args) == 0
    assert "1 processed, 0 copies, 0 already stored" in capsys.readouterr().err
    from storyline.store import Store

    (story, _), = Store(str(tmp_path / "db.sqlite")).stories()
    assert story.documents[0].published.year == 2013


def test_two_stores_writing_into_one_folder_are_told(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "out")
    base = ["--out", out, "--embedding-model", "none"]
    assert main(["run", str(SEEDS), *base, "--db", str(tmp_path / "a.sqlite")]) == 0
    assert main(["run", str(SEEDS), *base, "--db", str(tmp_path / "a.sqlite")]) == 0
    assert "another store" not in capsys.readouterr().err
    assert main(["run", str(SEEDS), *base, "--db", str(tmp_path / "b.sqlite")]) == 0
    err = capsys.readouterr().err
    assert f"warning: {out}: holds pages written from another store ({(tmp_path / 'a.sqlite').resolve()})" in err


def test_many_warnings_of_one_kind_are_counted_not_all_printed(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    lines = [json.dumps({"id": f"r{i}", "title": f"Ferry number {i} delayed by fog",
                         "text": f"Ferry number {i} was delayed by fog in the harbour on Monday.",
                         "published": f"2026-03-02T{i:02d}:15:00"}) for i in range(10)]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    main(["group", str(feed), "--embedding-model", "none"])
    err = capsys.readouterr().err
    zone = [line for line in err.splitlines() if "names no time zone" in line]
    assert len(zone) == 4, err  # three as they came, then one line counting the other seven
    assert "feed.jsonl:1:" in zone[0] and "7 more lines like that" in zone[-1]
    assert "10 reports read" in err


def test_condensed_keeps_warnings_of_other_kinds_and_files() -> None:
    from storyline.cli import condensed

    warnings = [f"a.jsonl:{i}: publication time '2026-03-0{i}T10:00' names no time zone; read as UTC"
                for i in range(1, 6)]
    warnings += ["b.jsonl:2: publication time '2026-03-01T10:00' names no time zone; read as UTC",
                 "a.jsonl:9: cannot read published date 'soon'", "c.html: no title"]
    out = condensed(warnings, shown=2)
    assert out[:2] == warnings[:2] and warnings[5] in out and warnings[6] in out and "c.html: no title" in out
    assert out[-1] == "a.jsonl: 3 more lines like that: publication time ... names no time zone; read as UTC"
