"""Story-level benchmark on TREC Temporal Summarization events (../shared/eval/ts-stories).

Runs storyline on each event's corpus as one story (ingest, clean, annotate, copies,
summary, figures, timeline), writes RESULTS/<event>.json and prints the scorer's
per-event table and its one-line summary (figures R/P, dates F1, cover, cites).

    .venv/bin/python benchmarks/ts_stories.py [--events TS13.1 TS15.26] [--words 250] [--out DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import EVAL, ROOT, annotated_documents  # noqa: E402

from storyline.dedupe import CopyDetector  # noqa: E402
from storyline.pipeline import Options, analyze, mark_copies  # noqa: E402
from storyline.render_json import dumps  # noqa: E402

TS = EVAL / "ts-stories"
RESULTS = ROOT / "benchmarks" / "results" / "ts-stories"


def run_event(path: Path, options: Options, results: Path) -> tuple[float, float]:
    start = time.perf_counter()
    docs = annotated_documents(path)
    annotated = time.perf_counter()
    mark_copies(docs, CopyDetector(options.copy_threshold))
    story = analyze(path.stem, docs, options)
    (results / f"{path.stem}.json").write_text(dumps(story), encoding="utf-8")
    return annotated - start, time.perf_counter() - annotated


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", nargs="*", help="query ids (default: every corpus)")
    parser.add_argument("--words", type=int, default=250, help="summary budget (the scorer reads 250)")
    parser.add_argument("--per-day", type=int, default=None,
                        help="timeline entries a day (default: the product default, 3-8 by story length)")
    parser.add_argument("--markdown", action="store_true", help="per-event table as Markdown")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for the story JSON files")
    args = parser.parse_args()
    if not (TS / "corpora").exists():
        print(f"skipped: {TS / 'corpora'} not found (evaluation data is not part of the repository)")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    paths = sorted((TS / "corpora").glob("*.jsonl"))
    if args.events:
        paths = [p for p in paths if p.stem in set(args.events)]
    options = Options(words=args.words, per_day=args.per_day, quiet=True)
    total_annotate = total_analyze = 0.0
    for path in paths:
        t_ann, t_an = run_event(path, options, args.out)
        total_annotate += t_ann
        total_analyze += t_an
    print(f"{len(paths)} events: annotation {total_annotate:.1f} s (cached parse), "
          f"analysis {total_analyze:.1f} s ({total_analyze / max(len(paths), 1):.2f} s per event)")
    cmd = [sys.executable, str(TS / "score.py"), "--all", str(args.out)]
    if args.markdown:
        cmd.append("--markdown")
    proc = subprocess.run(cmd, capture_output=True, text=True)
    print(proc.stdout + proc.stderr)
    return proc.returncode


if __name__ == "__main__":
    raise SystemExit(main())
