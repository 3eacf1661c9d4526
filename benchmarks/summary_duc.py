"""Summary benchmark on the DUC 2007 update task (../shared/eval/duc), scored as NIST did.

Each of the 30 clusters (10 topics x sets A, B, C) is summarized in-process the way
``storyline summarize INPUT --since EARLIER --focus QUERY --words 100`` does it (cached
spaCy parse, so it is fast to iterate; the sentence encoder when the embeddings extra is
installed, as the CLI does), one plain-text summary per cluster is written to
RESULTS/<cluster>.txt, and the official ROUGE-1.5.5 scorer (jackknifed over the 4 human
summaries) gives R-2 and R-SU4 overall and per set, with the rank among DUC participants.

    .venv/bin/python benchmarks/summary_duc.py [--clusters D0703A-A ...] [--words 100] [--no-score]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import EVAL, ROOT, annotated_documents  # noqa: E402

from storyline.group import publication_order  # noqa: E402
from storyline.models import Document, SummarySentence  # noqa: E402
from storyline.pipeline import (Options, copies_after_originals, mark_copies_since, story_summary,  # noqa: E402
                                summary_options)

DUC = EVAL / "duc"
TASK = "duc2007_update"
DATA = DUC / "jsonl" / TASK
RESULTS = ROOT / "benchmarks" / "results" / "summary-duc"
SETS = ("all", "A", "B", "C")


def cluster_summary(cluster: str, topic: dict, words: int) -> tuple[list[SummarySentence], float, int]:
    """One cluster summarized as the CLI does: the summary, seconds spent after parsing, and
    how many of its sentences stand verbatim at the offsets of their first citation."""
    docs = publication_order(annotated_documents(DATA / f"{cluster}.jsonl"))
    earlier: list[Document] = [d for c in topic["earlier_sets"] for d in annotated_documents(DATA / f"{c}.jsonl")]
    start = time.perf_counter()
    mark_copies_since(docs, earlier, Options().copy_threshold)
    summary = story_summary(copies_after_originals(docs), Options(words=words, focus=topic["query"]), earlier)
    spent = time.perf_counter() - start
    texts = {d.doc_id: d.text for d in docs}
    quoted = sum(1 for s in summary if _quoted_at_offsets(s, texts))
    return summary, spent, quoted


def _quoted_at_offsets(sentence: SummarySentence, texts: dict[str, str]) -> bool:
    first = sentence.sources[0] if sentence.sources else None
    if first is None or first.start is None or first.end is None or first.doc_id not in texts:
        return False
    return texts[first.doc_id][first.start:first.end] == sentence.text


def rouge_home() -> Path:
    """A ready ROUGE-1.5.5: $ROUGE_HOME when set, else a writable copy of the shared one.

    The shared copy may be read-only and ships its WordNet exception DB unbuilt (the DB link
    stored as a text file), so the copy under benchmarks/results/ gets the DB built once.
    Needs perl with XML::DOM and DB_File (../shared/eval/duc/setup.sh installs them)."""
    if os.environ.get("ROUGE_HOME"):
        return Path(os.environ["ROUGE_HOME"])
    home = RESULTS.parent / "ROUGE-1.5.5"
    db = home / "data" / "WordNet-2.0.exc.db"
    if db.is_symlink() and db.exists():
        return home
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(DUC / "ROUGE-1.5.5", home, symlinks=True)
    for path in [home, *home.rglob("*")]:
        path.chmod(path.stat().st_mode | 0o700 if path.is_dir() else path.stat().st_mode | 0o600)
    exceptions = home / "data" / "WordNet-2.0-Exceptions"
    (exceptions / "WordNet-2.0.exc.db").unlink(missing_ok=True)
    subprocess.run(["perl", "buildExeptionDB.pl", ".", "exc", "WordNet-2.0.exc.db"], cwd=exceptions,
                   check=True, capture_output=True)
    db.unlink(missing_ok=True)
    db.symlink_to(Path("WordNet-2.0-Exceptions") / "WordNet-2.0.exc.db")
    return home


def score(directory: Path, sets: str | None = None) -> dict:
    """The official scorer's {metric: {"R": ...}} for our folder (optionally a subset of sets)."""
    out = RESULTS.parent / f"summary-duc-{sets or 'all'}.json"
    cmd = [sys.executable, str(DUC / "rouge155.py"), "--task", TASK, "--system", f"storyline={directory}",
           "--json", str(out)]
    if sets:
        cmd += ["--sets", sets]
    env = {**os.environ, "ROUGE_HOME": str(rouge_home())}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"scorer failed (see ../shared/eval/duc/README.md; perl needs XML::DOM "
                         f"and DB_File, or set ROUGE_HOME to a ready ROUGE-1.5.5):\n{done.stderr[-1500:]}")
    return json.loads(out.read_text())["scores"]["storyline"]


def participants() -> dict[str, list[tuple[str, float, float]]]:
    """Per set: (system, R-2, R-SU4) of every DUC 2007 participant (peers, not humans)."""
    rows: dict[str, list[tuple[str, float, float]]] = {}
    with open(DUC / "peers_duc2007_update.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["kind"] == "peer":
                rows.setdefault(row["set"], []).append((row["system"], float(row["R2"]), float(row["RSU4"])))
    return rows


def write_summaries(only: list[str] | None = None, words: int = 100) -> tuple[list[float], int, int]:
    """Summarize every cluster (or ``only`` these) into RESULTS/<cluster>.txt: seconds per
    cluster, summary sentences, and how many of them stand at their first citation's offsets."""
    topics = json.loads((DATA / "topics.json").read_text(encoding="utf-8"))
    RESULTS.mkdir(parents=True, exist_ok=True)
    loaded = summary_options(Options(focus="load the sentence encoder before timing"))
    if loaded is not None and loaded.embed is not None:
        loaded.embed(["warm up"])
    seconds: list[float] = []
    sentences = quoted = 0
    for cluster in sorted(c for c in topics if not only or c in only):
        summary, spent, ok = cluster_summary(cluster, topics[cluster], words)
        seconds.append(spent)
        sentences, quoted = sentences + len(summary), quoted + ok
        (RESULTS / f"{cluster}.txt").write_text("".join(s.text + "\n" for s in summary), encoding="utf-8")
    return seconds, sentences, quoted


def rank(value: float, others: list[float]) -> int:
    return 1 + sum(1 for v in others if v > value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clusters", nargs="*", help="cluster ids (default: all 30)")
    parser.add_argument("--words", type=int, default=100, help="summary budget (the scorer reads 100)")
    parser.add_argument("--no-score", action="store_true", help="write summaries only")
    args = parser.parse_args()
    if not (DATA / "topics.json").exists():
        print(f"skipped: {DATA} not found (evaluation data is not part of the repository)")
        return 0
    seconds, sentences, quoted = write_summaries(args.clusters, args.words)
    encoder = summary_options(Options(focus="-"))
    print(f"focus by meaning: {encoder.embed.name if encoder else 'off (the embeddings extra is not installed)'}")
    print(f"{len(seconds)} clusters summarized: {sum(seconds) / max(1, len(seconds)):.3f} s per cluster, "
          f"slowest {max(seconds, default=0.0):.3f} s (after parsing; sumy LexRank, measured separately in BENCHMARKS.md: 0.63 s)")
    print(f"citations: {quoted} of {sentences} summary sentences stand verbatim at the offsets of "
          f"their first cited report ({quoted / max(1, sentences):.0%})")
    if args.no_score or args.clusters:
        return 0
    peers = participants()
    print(f"{'set':<5}{'R-2':>9}{'R-SU4':>9}   rank R-2 / R-SU4 among {len(peers['all'])} participants"
          "   best participant R-2 / R-SU4")
    for s in SETS:
        res = score(RESULTS, None if s == "all" else s)
        r2, su4 = res["ROUGE-2"]["R"], res["ROUGE-SU4"]["R"]
        best = max(peers[s], key=lambda p: p[1])
        print(f"{s:<5}{r2:>9.4f}{su4:>9.4f}   {rank(r2, [p[1] for p in peers[s]]):>4} / "
              f"{rank(su4, [p[2] for p in peers[s]]):<4}"
              f"{'':>26}{best[0]}: {best[1]:.4f} / {best[2]:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
