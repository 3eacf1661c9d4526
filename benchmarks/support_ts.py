"""Citation support sets on TREC TS events: does a summary sentence cite every report that says the same?

For each event of ../shared/eval/ts-stories, storyline summarizes all reports as one story
(250 words). For each summary sentence, the gold nuggets it states are found with the
scorer's own lenient nugget matcher (tslib); a report *supports* the sentence when one of
its sentences states all of those nuggets too. Precision and recall of the cited reports
(beyond the quoted one) against those supporters are printed, macro over sentences, for
each support threshold given; sentences that state no nugget are left out.

    .venv/bin/python benchmarks/support_ts.py [--events TS13.1 ...] [--thresholds 0.4 0.5 0.6]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import EVAL, annotated_documents  # noqa: E402

from storyline.dedupe import CopyDetector  # noqa: E402
from storyline.pipeline import Options, copies_after_originals, mark_copies  # noqa: E402
from storyline.summarize import SummaryOptions, summarize  # noqa: E402

TS = EVAL / "ts-stories"


def supporters(matcher, stated: list[dict], sentences_by_doc: dict[str, list[set]]) -> set[str]:
    """Reports with a sentence that states every nugget the summary sentence states."""
    return {doc_id for doc_id, sents in sentences_by_doc.items()
            if any(all(matcher.covers(it, s) for it in stated) for s in sents)}


def score_event(path: Path, thresholds: list[float], tslib) -> dict[float, list[tuple[float, float]]]:
    docs = annotated_documents(path)
    mark_copies(docs, CopyDetector(Options().copy_threshold))
    docs = copies_after_originals(docs)
    gold = tslib.load_gold(path.stem)
    matcher = tslib.NuggetMatcher(gold["nuggets"])
    by_doc = {d.doc_id: [set(tslib.content(s.text)) for s in d.sentences] for d in docs}
    out: dict[float, list[tuple[float, float]]] = {}
    for threshold in thresholds:
        opts = SummaryOptions(support_threshold=threshold)
        rows = []
        for sentence in summarize(docs, words=250, options=replace(opts)):
            content = set(tslib.content(sentence.text))
            stated = [it for it in matcher.items if matcher.covers(it, content)]
            if not stated:
                continue
            quoted = sentence.sources[0].doc_id
            gold_docs = supporters(matcher, stated, by_doc) - {quoted}
            cited = {c.doc_id for c in sentence.sources[1:]}
            hit = len(gold_docs & cited)
            precision = hit / len(cited) if cited else 1.0
            recall = hit / len(gold_docs) if gold_docs else 1.0
            rows.append((precision, recall))
        out[threshold] = rows
    return out


def support_scores(thresholds: list[float], events: list[str] | None = None) -> dict[float, tuple[int, float, float]]:
    """Per threshold: sentences stating a nugget, then cited-report precision and recall (macro)."""
    sys.path.insert(0, str(TS))
    import tslib  # the scorer's matcher, read from the evaluation folder

    paths = sorted((TS / "corpora").glob("*.jsonl"))
    if events:
        paths = [p for p in paths if p.stem in set(events)]
    totals: dict[float, list[tuple[float, float]]] = {t: [] for t in thresholds}
    for path in paths:
        for t, rows in score_event(path, thresholds, tslib).items():
            totals[t].extend(rows)
    return {t: (len(rows), statistics.mean(r[0] for r in rows) if rows else 0.0,
                statistics.mean(r[1] for r in rows) if rows else 0.0) for t, rows in totals.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", nargs="*")
    parser.add_argument("--thresholds", nargs="*", type=float, default=[SummaryOptions().support_threshold])
    args = parser.parse_args()
    if not (TS / "corpora").exists():
        print(f"skipped: {TS / 'corpora'} not found (evaluation data is not part of the repository)")
        return 0
    start = time.perf_counter()
    scores = support_scores(args.thresholds, args.events)
    events = len(args.events) if args.events else len(list((TS / "corpora").glob("*.jsonl")))
    print(f"{events} events, {time.perf_counter() - start:.0f} s")
    for t, (n, p, r) in scores.items():
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"support threshold {t:.2f}: {n} sentences stating a nugget, "
              f"cited-report precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
