"""Scale-out: the spaCy parse in this process against a local Dask cluster (mission item 7).

Reads the first N reports of the labelled stream (../shared/eval/stream/dev.jsonl.gz), parses
them with the local engine and with Dask workers, checks both give the same sentences, and
prints reports/second for each and the speedup. On this 2-core machine the ceiling is 2x;
a cluster adds machines the same way (``--scheduler tcp://HOST:8786``).

    .venv/bin/python benchmarks/scale_dask.py [--reports 600] [--workers 2] [--scheduler ADDRESS]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storyline.engine import DaskEngine, LocalEngine  # noqa: E402
from storyline.models import RunReport  # noqa: E402
from storyline.nlp import load_nlp  # noqa: E402
from storyline.pipeline import Options, annotate_documents, load_documents  # noqa: E402

STREAM = ROOT.parent / "shared" / "eval" / "stream" / "dev.jsonl.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=600)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=32)
    parser.add_argument("--scheduler", help="a running Dask scheduler instead of a local cluster")
    args = parser.parse_args()
    if not STREAM.exists():
        print(f"skipped: {STREAM} not found (evaluation data is not part of the repository)")
        return 0
    with gzip.open(STREAM, "rt", encoding="utf-8") as f:
        lines = [line for _, line in zip(range(args.reports), f)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reports.jsonl"
        path.write_text("".join(lines), encoding="utf-8")
        docs = load_documents([path], Options(quiet=True), RunReport())
    options = Options(quiet=True, chunk=args.chunk)
    load_nlp()  # the driver's model load is not part of either timing

    start = time.perf_counter()
    local = annotate_documents([_copy(d) for d in docs], options, LocalEngine())
    local_s = time.perf_counter() - start

    engine = DaskEngine(args.scheduler, None if args.scheduler else args.workers)
    try:
        warm = time.perf_counter()
        engine.client.run(load_nlp)  # each worker loads spaCy once, timed apart
        warm_s = time.perf_counter() - warm
        start = time.perf_counter()
        remote = annotate_documents([_copy(d) for d in docs], options, engine)
        dask_s = time.perf_counter() - start
        workers = len(engine.client.scheduler_info()["workers"])
    finally:
        engine.close()

    same = [[s.text for s in d.sentences] for d in local] == [[s.text for s in d.sentences] for d in remote]
    n = len(docs)
    print(f"{n} reports, {sum(len(d.text) for d in docs) / 1e6:.1f} M characters")
    print(f"local engine : {local_s:6.1f} s  {n / local_s:6.1f} reports/s")
    print(f"dask engine  : {dask_s:6.1f} s  {n / dask_s:6.1f} reports/s  ({workers} workers, chunk "
          f"{args.chunk}; model load on the workers {warm_s:.1f} s, apart)")
    print(f"speedup {local_s / dask_s:.2f}x; same sentences: {same}")
    return 0 if same else 1


def _copy(doc):
    from dataclasses import replace
    return replace(doc, sentences=[])


if __name__ == "__main__":
    raise SystemExit(main())
