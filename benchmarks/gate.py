"""Quality gate: rerun the benchmarks whose data is here and fail below the pinned floors.

A change that makes stories, figures or timelines worse should stop CI, not wait for someone
to reread BENCHMARKS.md. The floors (benchmarks/floors.json) sit a little under the numbers
recorded there, so noise passes and a real loss does not; raise them when a gain lands.
Scores come from the evaluation data's own scorers. Without ../shared/eval the gate prints
"skipped" and passes: the data is not part of the repository.

    .venv/bin/python benchmarks/gate.py [--only grouping ts_stories]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import EVAL, ROOT  # noqa: E402

FLOORS = ROOT / "benchmarks" / "floors.json"


def grouping_scores() -> dict[str, float] | None:
    """Dev stream (DUC 2007 + TREC TS), raw path: B-cubed and pairwise F1, reports/s of CPU."""
    import group_stream

    if not (group_stream.EVAL / "dev.jsonl.gz").exists():
        return None
    from storyline.group import GroupOptions

    records = group_stream.load("dev")
    docs = group_stream.documents(records, group_stream.entities("dev", records))
    pred, _, cpu = group_stream.group(docs, GroupOptions(), copy_threshold=0.6)
    scores = _stream_scores(pred)
    return {"bcubed_f1": scores["bcubed_f1"], "pairwise_f1": scores["pair_f1"],
            "reports_per_cpu_second": len(docs) / cpu}


def _stream_scores(pred: dict[str, str]) -> dict[str, float]:
    import group_stream

    with tempfile.TemporaryDirectory() as tmp:
        out, scores = Path(tmp) / "pred.jsonl", Path(tmp) / "scores.json"
        out.write_text("".join(json.dumps({"id": k, "story": v}) + "\n" for k, v in pred.items()))
        subprocess.run([sys.executable, str(group_stream.EVAL / "score.py"),
                        str(group_stream.EVAL / "dev.jsonl.gz"), str(out), "--json", str(scores)],
                       check=True, capture_output=True, text=True)
        return json.loads(scores.read_text())["all"]


def ts_story_scores() -> dict[str, float] | None:
    """TREC TS events as stories: figures, timeline and citations, macro over the events."""
    import ts_stories

    corpora = ts_stories.TS / "corpora"
    if not corpora.exists():
        return None
    from storyline.pipeline import Options

    options = Options(words=250, quiet=True)
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(corpora.glob("*.jsonl")):
            ts_stories.run_event(path, options, Path(tmp))
        proc = subprocess.run([sys.executable, str(ts_stories.TS / "score.py"), "--all", tmp, "--json"],
                              check=True, capture_output=True, text=True)
    mean = json.loads(proc.stdout)["mean"]
    return {"summary_nuggets": mean["summary"]["recall_imp2"],
            "figures_recall": mean["figures"]["recall"],
            "figures_precision": mean["figures"]["precision"],
            "figures_precision_label": mean["figures"]["precision_label"],
            "dates_f1": mean["timeline"]["date_f1"],
            "cover": mean["timeline"]["cover"],
            "cites": mean["citations"]["all"]}


def summary_scores() -> dict[str, float] | None:
    """DUC 2007 update: ROUGE-2 / SU4 recall over the 30 clusters, and the citation check."""
    import summary_duc

    if not (summary_duc.DATA / "topics.json").exists():
        return None
    _, sentences, quoted = summary_duc.write_summaries()
    rouge = summary_duc.score(summary_duc.RESULTS)
    return {"rouge_2": rouge["ROUGE-2"]["R"], "rouge_su4": rouge["ROUGE-SU4"]["R"],
            "citations_at_offsets": quoted / max(1, sentences)}


def support_scores() -> dict[str, float] | None:
    """Citation support sets on TREC TS: do summary sentences cite the reports that say the same?"""
    import support_ts

    if not (support_ts.TS / "corpora").exists():
        return None
    from storyline.summarize import SummaryOptions

    threshold = SummaryOptions().support_threshold
    _, precision, recall = support_ts.support_scores([threshold])[threshold]
    return {"precision": precision, "recall": recall}


BENCHMARKS = {"grouping": grouping_scores, "summary_duc": summary_scores, "ts_stories": ts_story_scores,
              "support_ts": support_scores}


def check(name: str, scores: dict[str, float], floors: dict[str, float]) -> list[str]:
    """One line per measure; the failures are returned."""
    failed = []
    for measure, floor in floors.items():
        value = scores[measure]
        ok = value >= floor
        print(f"  {name}.{measure}: {value:.4f} (floor {floor:.4f}) {'ok' if ok else 'BELOW FLOOR'}")
        if not ok:
            failed.append(f"{name}.{measure} {value:.4f} < {floor:.4f}")
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="*", choices=sorted(BENCHMARKS), help="benchmarks to run (default: all)")
    args = parser.parse_args()
    if not EVAL.exists():
        print(f"gate skipped: {EVAL} not found (evaluation data is not part of the repository)")
        return 0
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    failed: list[str] = []
    for name in args.only or sorted(BENCHMARKS):
        start = time.perf_counter()
        scores = BENCHMARKS[name]()
        if scores is None:
            print(f"{name}: skipped (its data is not in {EVAL})")
            continue
        print(f"{name} ({time.perf_counter() - start:.0f} s):")
        failed += check(name, scores, floors[name])
    if failed:
        print("quality gate FAILED: " + "; ".join(failed))
        return 1
    print("quality gate passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
