"""Command line: ``storyline run|summarize|group|clean|stories|serve``."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from storyline import __version__
from storyline.models import Rejection, RunReport, to_dict

EXAMPLES = """\
examples:
  storyline run samples/seeds --out out          # stories of the bundled sample -> out/index.html
  storyline run new-reports/ --out out           # later: add reports; stories update, nothing twice
  storyline summarize a.txt b.html --words 100   # treat all inputs as one story, JSON to stdout
  storyline summarize feed.jsonl --format md --out story.md
  storyline group stream.jsonl > groups.jsonl    # {"id": ..., "story": ...} per report
  storyline clean page.html                      # what the cleaner keeps, as JSON
  storyline stories --db storyline.sqlite        # list stored stories
  storyline serve --db storyline.sqlite          # the same pages live, plus a form to add reports
  storyline run corpus/ --out out --engine dask --db postgresql+psycopg://user@host/news
                                                 # parse and analyze on Dask, store in PostgreSQL

inputs: files, folders (read recursively) or - for standard input. Formats: .txt (plain
scrape; an optional NAME.meta.json beside it gives published/source/title/url), .html/.htm,
.jsonl/.jsonl.gz (one report per line: id, text or html, title, published, source, url),
.json, RSS/Atom feeds. Bad inputs are reported one line each on stderr; the run goes on.

exit status: 0 when reports were read; 1 when none could be; 2 when a path given on the
command line does not exist (the run still goes on with the rest, so a typo in a folder name
is not missed in a script).
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storyline",
        description="Turn news reports into stories a reader can trust: a summary whose every "
                    "sentence cites its reports, the key figures and how they moved, and a dated "
                    "timeline, as JSON, Markdown and HTML.",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"storyline {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="ingest reports, group them into stories, write reports",
                         epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    _inputs(run)
    out = run.add_argument_group("output")
    out.add_argument("--out", required=True, metavar="DIR",
                     help="folder for index.html and <story>.json/.md/.html")
    _store(run)
    _analysis(run)
    _scale(run)
    _common(run)

    summ = sub.add_parser("summarize", help="treat all inputs as one story and summarize it",
                          formatter_class=argparse.RawDescriptionHelpFormatter,
                          epilog="example:\n  storyline summarize day2/*.txt --since day1/*.txt "
                                 "--focus 'hostages freed' --words 100 --format md")
    _inputs(summ)
    upd = summ.add_argument_group("update summary")
    upd.add_argument("--since", nargs="+", default=[], metavar="EARLIER",
                     help="reports already summarized: say only what the inputs add")
    o = summ.add_argument_group("output")
    o.add_argument("--format", choices=["json", "md", "html"], default="json")
    o.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    _analysis(summ)
    _scale(summ)
    _common(summ)

    grp = sub.add_parser("group", help="assign each report to a story, print one line per report")
    _inputs(grp)
    grp.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    grp.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    _embedding_model(grp.add_argument_group("grouping"), grouping_only=True)
    _scale(grp)
    _common(grp)

    cln = sub.add_parser("clean", help="print a cleaned report and its metadata as JSON")
    cln.add_argument("file", help="a report file (or - for standard input)")
    _common(cln)

    sto = sub.add_parser("stories", help="list the stored stories")
    _store(sto)
    sto.add_argument("--json", action="store_true", help="one JSON object per story")

    srv = sub.add_parser("serve", help="browse the stored stories and add reports in a web browser",
                         formatter_class=argparse.RawDescriptionHelpFormatter,
                         epilog="examples:\n  storyline serve                         "
                                "# the store 'storyline run' made here (./storyline.sqlite)\n"
                                "  storyline serve --db out/storyline.sqlite   "
                                "# a store named with run --db; then open http://127.0.0.1:8000/")
    _store(srv)
    srv.add_argument("--host", default="127.0.0.1",
                     help="address to listen on (default 127.0.0.1: this machine only)")
    srv.add_argument("--port", type=int, default=8000, metavar="N", help="port (default 8000)")
    return parser


def _inputs(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, or - for stdin")


def _store(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("store")
    g.add_argument("--db", metavar="PATH|URL", default=None,
                   help="SQLite file (default ./storyline.sqlite) or an SQLAlchemy URL, "
                        "e.g. postgresql+psycopg://user@host/db")


def _analysis(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("analysis")
    g.add_argument("--words", type=int, default=150, metavar="N", help="summary length (default 150)")
    g.add_argument("--focus", metavar="TEXT", help="a question or topic that steers the summary")
    _embedding_model(g)
    g.add_argument("--per-day", type=int, default=None, metavar="N",
                   help="at most N timeline entries per day (default: the 20 entries shared among "
                        "the story's days, 3 to 8 a day)")


def _embedding_model(g: argparse._ActionsContainer, grouping_only: bool = False) -> None:
    uses = ("groups reports by meaning as well as by words" if grouping_only else
            "groups reports by meaning as well as by words, steers --focus, and keeps summaries "
            "and timelines to one telling of each fact")
    g.add_argument("--embedding-model", metavar="NAME", default=None,
                   help=f"sentence encoder that {uses} (default all-MiniLM-L6-v2, bundled with the "
                        "'embeddings' extra; a sentence-transformers name or model folder; 'none': by "
                        "shared words only, nothing encoded)")


def _scale(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group(
        "scale-out", "Parsing and per-story analysis can run on Dask (pip install 'storyline[dask]'); "
                     "grouping stays one pass in publication order. Pair with a PostgreSQL --db.")
    g.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local: this process (default); dask: a Dask cluster")
    g.add_argument("--scheduler", metavar="ADDRESS",
                   help="a running Dask scheduler, e.g. tcp://10.0.0.5:8786 (implies --engine dask)")
    g.add_argument("--workers", type=int, metavar="N",
                   help="local Dask worker processes (implies --engine dask; default with dask: one per core)")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bars or counts")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ValueError as exc:  # configuration problems: one clear line, no traceback
        print(f"storyline: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away ("| head"): stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


def _options(args: argparse.Namespace):
    from storyline.embed import DEFAULT_MODEL
    from storyline.pipeline import Options

    return Options(db=getattr(args, "db", None), words=getattr(args, "words", 150),
                   focus=getattr(args, "focus", None), per_day=getattr(args, "per_day", None),
                   embedding_model=getattr(args, "embedding_model", None) or DEFAULT_MODEL,
                   quiet=args.quiet, engine=getattr(args, "engine", "local"),
                   scheduler=getattr(args, "scheduler", None), workers=getattr(args, "workers", None))


def _print_rejection(rejection: Rejection) -> None:
    print(f"storyline: skipped {rejection}", file=sys.stderr)


MISSING = "no such file or directory"  # the reason ingest gives a path that does not exist


SHOWN_PER_KIND = 3  # warnings of one kind from one file printed before the rest are counted
WARNING_AT = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<message>.*)$")
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def condensed(warnings: Sequence[str], shown: int = SHOWN_PER_KIND) -> list[str]:
    """The warnings to print: a few of each kind per file, then how many more there were.

    A feed of 10,000 lines whose times name no zone would otherwise print 10,000 lines and
    bury the one warning that matters; the run report keeps every warning for the API.
    """
    counts: dict[tuple[str, str], int] = {}
    out: list[str] = []
    for warning in warnings:
        found = WARNING_AT.match(warning)
        if found is None:
            out.append(warning)
            continue
        kind = (found["file"], QUOTED.sub("...", found["message"]))
        counts[kind] = counts.get(kind, 0) + 1
        if counts[kind] <= shown:
            out.append(warning)
    for (file, message), n in counts.items():
        if n > shown:
            out.append(f"{file}: {n - shown} more line{'s' if n - shown > 1 else ''} like that: {message}")
    return out


def _finish(report: RunReport, quiet: bool) -> int:
    for warning in condensed(report.warnings):
        print(f"storyline: warning: {warning}", file=sys.stderr)
    if not quiet:
        print(report.line(), file=sys.stderr)
    missing = [r.origin for r in report.rejected if r.reason == MISSING]
    if missing:
        print(f"storyline: error: {len(missing)} input path{'' if len(missing) == 1 else 's'} "
              f"not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    return 0 if report.read and (report.processed or report.duplicates or report.unchanged) else 1


def cmd_run(args: argparse.Namespace) -> int:
    from storyline.pipeline import run

    _check_out(args.out, folder=True)
    report = run(args.inputs, args.out, _options(args), on_reject=_print_rejection,
                 stdin=_stdin(args.inputs))
    if not args.quiet:
        print(f"report: {Path(args.out) / 'index.html'}")
        _print_changes(report)
    return _finish(report, args.quiet)


def _print_changes(report: RunReport, limit: int = 10) -> None:
    """Which stories this run started or added to, so a run's effect can be told (and versioned)."""
    titles = {s.story_id: s.title for s in report.stories}
    for what, ids in (("new", report.new_stories), ("updated", report.updated_stories)):
        for sid in ids[:limit]:
            print(f"{what}: {sid} {titles.get(sid, '')}".rstrip())
        if len(ids) > limit:
            print(f"{what}: ... and {len(ids) - limit} more ('storyline stories --json' lists them all)")


def cmd_summarize(args: argparse.Namespace) -> int:
    from storyline.pipeline import summarize_inputs
    from storyline.render_html import render_story_html
    from storyline.render_json import dumps
    from storyline.render_md import render_markdown

    _check_out(args.out, folder=False)
    story, report = summarize_inputs(args.inputs, _options(args), since=args.since,
                                     on_reject=_print_rejection, stdin=_stdin(args.inputs))
    if not story.documents:
        _finish(report, args.quiet)
        print("storyline: error: nothing to summarize: no input could be read", file=sys.stderr)
        return 1
    render = {"json": dumps, "md": render_markdown, "html": render_story_html}[args.format]
    _write(render(story), args.out)
    return _finish(report, args.quiet)


def cmd_group(args: argparse.Namespace) -> int:
    from storyline.pipeline import group_inputs

    _check_out(args.out, folder=False)
    assignments, report = group_inputs(args.inputs, _options(args), on_reject=_print_rejection,
                                       stdin=_stdin(args.inputs))
    if args.format == "csv":  # quoted as CSV needs: ids may hold commas, quotes, line breaks
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["id", "story"])
        writer.writerows(assignments.items())
        text = buffer.getvalue()
    else:
        text = "".join(json.dumps({"id": d, "story": s}) + "\n" for d, s in assignments.items())
    _write(text, args.out)
    return _finish(report, args.quiet)


def cmd_clean(args: argparse.Namespace) -> int:
    from storyline.pipeline import Options, load_documents

    report = RunReport()
    docs = load_documents([args.file], Options(quiet=True), report, _print_rejection,
                          stdin=_stdin([args.file]))
    cleaned = []
    for d in docs:
        data = to_dict(d)
        data.pop("sentences")
        data.pop("embedding", None)
        cleaned.append(data)
    if cleaned:  # one report: its object; a file of several (JSONL, feed): a list of them
        print(json.dumps(cleaned[0] if len(cleaned) == 1 else cleaned, ensure_ascii=False, indent=2))
    return 0 if docs else 1


def cmd_stories(args: argparse.Namespace) -> int:
    from storyline.store import Store, store_missing

    if store_missing(args.db):
        raise ValueError(f"{args.db or 'storyline.sqlite'}: no such store; "
                         "'storyline run INPUT... --out DIR --db PATH' makes one")
    rows = Store(args.db).listing()
    if not rows:
        print("no stories stored yet: run 'storyline run INPUT... --out DIR' first", file=sys.stderr)
    for row in rows:
        if args.json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            when = (row["last_seen"] or "undated")[:10]
            size = f"{row['size']} report{'' if row['size'] == 1 else 's'}"
            print(f"{row['story_id']}\t{when}\t{size}\t{row['title']}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from storyline.serve import create_app, run_app

    if not 0 < args.port < 65536:
        raise ValueError("--port must be between 1 and 65535")
    _check_port(args.host, args.port)
    app = create_app(args.db)  # a store that cannot be opened stops here, with one line
    print(f"storyline: serving {args.db or 'storyline.sqlite'} at http://{args.host}:{args.port}/ "
          "(Ctrl-C to stop)", file=sys.stderr)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print("storyline: warning: there is no login; anyone who can reach this address can "
              "read the stories and add reports", file=sys.stderr)
    run_app(app, host=args.host, port=args.port)
    return 0


def _check_port(host: str, port: int) -> None:
    """Refuse a port another program holds before announcing anything."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise ValueError(f"cannot serve at {host}:{port}: {exc.strerror or exc}") from None


def _stdin(inputs: Sequence[str]):
    """Standard input's bytes, only when an input is '-' (tests replace sys.stdin)."""
    return sys.stdin.buffer if "-" in inputs else None


def _check_out(out: str | None, *, folder: bool) -> None:
    """Refuse an --out that cannot be written before any work is done, in one line."""
    if not out:
        return
    path = Path(out)
    if folder and path.exists() and not path.is_dir():
        raise ValueError(f"--out {out} is a file; give a folder for the report pages")
    if not folder and path.is_dir():
        raise ValueError(f"--out {out} is a folder; give a file name, e.g. {path / 'story.md'}")
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise ValueError(f"--out {out}: {parent} is a file, not a folder")
            break


def _write(text: str, out: str | None) -> None:
    """To ``out`` (its folder made if new; ``_check_out`` vetted it), else to stdout."""
    if not out:
        sys.stdout.write(text)
        return
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


COMMANDS = {"run": cmd_run, "summarize": cmd_summarize, "group": cmd_group, "clean": cmd_clean,
            "stories": cmd_stories, "serve": cmd_serve}

if __name__ == "__main__":
    raise SystemExit(main())
