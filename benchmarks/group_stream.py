"""Story grouping on the labelled streams of ../shared/eval/stream (issue: Stories).

Prints, per stream: B-cubed / pairwise F1, ARI, AMI (from the stream's own scorer), grouping
speed (reports/second of wall-clock and of CPU time, copy detection included, annotation
excluded and reported apart), the time at 25 %, 50 % and 100 % of the largest stream, and the
copy-threshold measurement: how many wire copies MinHash/LSH finds at each threshold and how
many of them share a gold story with their original. Skips cleanly when the data is absent.

With the ``embeddings`` extra installed, each report is also encoded once (title + lead, as
``storyline run`` does; cached under benchmarks/results/cache, keyed by the texts) and both views
are printed: lexical, and with embeddings (the product's default). Encoding speed is printed
apart from grouping speed.

    .venv/bin/python benchmarks/group_stream.py [--streams dev uci] [--threshold X] [--no-copies]
                                                [--pipeline] [--embedding-model NAME|none]
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import hashlib
import json
import os
import pickle
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from storyline.annotate import embed_documents, embedding_text  # noqa: E402
from storyline.dedupe import CopyDetector  # noqa: E402
from storyline.embed import DEFAULT_MODEL, encoder_available, encoder_for  # noqa: E402
from storyline.group import GroupOptions, StoryGrouper, publication_order  # noqa: E402
from storyline.models import Document, Entity, Sentence  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "stream"
CACHE = ROOT / "benchmarks" / "results" / "cache"
STREAMS = {"dev": "dev.jsonl.gz", "uci": "uci.jsonl.gz"}


def load(name: str) -> list[dict]:
    with gzip.open(EVAL / STREAMS[name], "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def entities(name: str, records: list[dict]) -> list[list[tuple[str, str]]]:
    """spaCy entities per report (cached: annotation is timed apart from grouping)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{name}.entities.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    from storyline.nlp import load_nlp

    nlp = load_nlp()
    start = time.perf_counter()
    texts = [((r.get("title") or "") + "\n" + r["text"])[:5000] for r in records]
    # two processes: the machine's two cores (the parse is the slow part of a cold run)
    out = [[(e.text, e.label_) for e in doc.ents]
           for doc in nlp.pipe(texts, batch_size=64, disable=["lemmatizer"], n_process=2)]
    elapsed = time.perf_counter() - start
    print(f"  annotation (spaCy NER, cached afterwards): {elapsed:.1f} s, "
          f"{len(records) / elapsed:.1f} reports/s")
    path.write_bytes(pickle.dumps(out))
    return out


def documents(records: list[dict], ents: list[list[tuple[str, str]]], *,
              embedding_model: str | None = DEFAULT_MODEL) -> list[Document]:
    """Raw reports as Documents with their cached entities, and embeddings when the extra is
    installed (as the product's default; ``embedding_model=None`` for the lexical view)."""
    docs = []
    for r, es in zip(records, ents):
        published = datetime.fromisoformat(r["published"].replace("Z", "+00:00")) if r.get("published") else None
        sent = Sentence(doc_id=r["id"], index=0, start=0, end=0, text="",
                        entities=[Entity(t, label, 0, 0) for t, label in es])
        docs.append(Document(doc_id=r["id"], text=r["text"], title=r.get("title"),
                             published=published, source=r.get("source"), sentences=[sent]))
    if embedding_model and encoder_available():
        attach_embeddings(docs, embedding_model)
    return docs


def attach_embeddings(docs: list[Document], model: str = DEFAULT_MODEL) -> None:
    """Set ``embedding`` on every report, encoding as ``storyline run`` does (cached: the key is
    the model and every text, so a changed text or stream is encoded afresh)."""
    texts = [embedding_text(d) for d in docs]
    key = hashlib.sha1("\x00".join([model, *texts]).encode()).hexdigest()[:16]
    path = CACHE / f"embeddings.{key}.npy"
    timing = path.with_suffix(".json")
    if path.exists():
        vectors = np.load(path)
        if timing.exists():
            t = json.loads(timing.read_text())
            print(f"  encoding ({model}): cached; measured cold: {t['reports']} reports in {t['seconds']:.1f} s "
                  f"= {t['reports'] / t['seconds']:.1f} reports/s (load {t['load']:.1f})")
    else:
        encoder = encoder_for(model)
        fresh = [dataclasses.replace(d, embedding=None) for d in docs]
        encoder([texts[0]])  # the model load is not encoding time
        start = time.perf_counter()
        embed_documents(fresh, encoder)
        elapsed = time.perf_counter() - start
        load = os.getloadavg()[0]
        print(f"  encoding ({model}, cold, cached afterwards): {len(docs)} reports in {elapsed:.1f} s "
              f"= {len(docs) / elapsed:.1f} reports/s (load {load:.1f})")
        vectors = np.stack([d.embedding for d in fresh])
        CACHE.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
        timing.write_text(json.dumps({"reports": len(docs), "seconds": elapsed, "load": load}))
    for d, vector in zip(docs, vectors):
        d.embedding = vector


def lexical(docs: list[Document]) -> list[Document]:
    """The same reports without embeddings: the grouping of an install without the extra."""
    return [dataclasses.replace(d, embedding=None) for d in docs]


def group(docs: list[Document], options: GroupOptions, copy_threshold: float) -> tuple[dict, float, float]:
    """Story per report, wall-clock seconds, CPU seconds (the machine may be shared)."""
    start, cpu = time.perf_counter(), time.process_time()
    detector = CopyDetector(copy_threshold)
    grouper = StoryGrouper(options)
    story_of: dict[str, str] = {}
    for d in publication_order(docs):
        match = detector.check_and_add(d.doc_id, d.text)
        if match is not None and match.original in story_of:
            story_of[d.doc_id] = story_of[match.original]
        else:
            story_of[d.doc_id] = grouper.add(d)
    result = {k: grouper.resolve(v) for k, v in story_of.items()}
    return result, time.perf_counter() - start, time.process_time() - cpu


def group_in_runs(docs: list[Document], options: GroupOptions, copy_threshold: float,
                  runs: int = 4) -> dict[str, str]:
    """As ``storyline run`` does when reports arrive in ``runs`` batches: each run restores a
    grouper from the stored assignments (old reports are never regrouped) and adds the new ones."""
    ordered = publication_order(docs)
    size = -(-len(ordered) // runs)
    story_of: dict[str, str] = {}
    copies: set[str] = set()
    for start in range(0, len(ordered), size):
        stored, new = ordered[:start], ordered[start:start + size]
        detector = CopyDetector(copy_threshold)
        grouper = StoryGrouper(options)
        for d in stored:
            detector.check_and_add(d.doc_id, d.text)
            if d.doc_id not in copies:
                grouper.attach(d, story_of[d.doc_id])
        for d in new:
            match = detector.check_and_add(d.doc_id, d.text)
            if match is not None and match.original in story_of:
                story_of[d.doc_id] = story_of[match.original]
                copies.add(d.doc_id)
            else:
                story_of[d.doc_id] = grouper.add(d)
        story_of = {k: grouper.resolve(v) for k, v in story_of.items()}
    return story_of


def copy_thresholds(records: list[dict], docs: list[Document],
                    thresholds: tuple[float, ...] = (0.5, 0.6, 0.7, 0.8, 0.9)) -> str:
    """Copies found per MinHash threshold, and the share that is same-story per gold labels."""
    labels = {r["id"]: set(r.get("labels") or [r["label"]]) for r in records}
    ordered = publication_order(docs)
    lines = ["  copy threshold: copies found, same gold story, precision"]
    for threshold in thresholds:
        detector = CopyDetector(threshold)
        found = same = 0
        for d in ordered:
            match = detector.check_and_add(d.doc_id, d.text)
            if match is not None:
                found += 1
                same += bool(labels[d.doc_id] & labels[match.original])
        share = f"{same / found:.3f}" if found else "-"
        lines.append(f"    {threshold:.1f}: {found:5d} {same:5d}  {share}")
    return "\n".join(lines)


def score(name: str, pred: dict[str, str], *flags: str) -> str:
    """The stream's own scorer; ``flags`` as score.py takes them (--by-corpus, --matched-only)."""
    out = ROOT / "benchmarks" / "results" / f"group_{name}.jsonl"
    out.write_text("".join(json.dumps({"id": k, "story": v}) + "\n" for k, v in pred.items()))
    proc = subprocess.run([sys.executable, str(EVAL / "score.py"), str(EVAL / STREAMS[name]), str(out), *flags],
                          capture_output=True, text=True)
    return proc.stdout + proc.stderr


def _blocks(text: str, skip: int = 0) -> str:
    """The scorer's "== ..." blocks, leaving out its header and the first ``skip`` blocks."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("==")]
    return "\n".join(lines[starts[skip]:]) if len(starts) > skip else text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--streams", nargs="*", default=list(STREAMS))
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--copy-threshold", type=float, default=0.6)
    parser.add_argument("--no-copies", action="store_true", help="skip the copy-threshold measurement")
    parser.add_argument("--pipeline", action="store_true",
                        help="read the stream as `storyline group` does (ingest, clean, full annotation; "
                             "parse cached) instead of raw text with cached entities")
    parser.add_argument("--embedding-model", default=DEFAULT_MODEL,
                        help="sentence encoder for the view by meaning ('none': lexical view only)")
    args = parser.parse_args()
    if not EVAL.exists():
        print(f"skipped: {EVAL} not found (evaluation data is not part of the repository)")
        return 0
    options = GroupOptions()
    if args.threshold is not None:
        options.threshold = args.threshold
    model = None if args.embedding_model.lower() == "none" else args.embedding_model
    if model and not encoder_available():
        print("  the embeddings extra is not installed: lexical view only")
        model = None
    (ROOT / "benchmarks" / "results").mkdir(parents=True, exist_ok=True)
    for name in args.streams:
        records = load(name)
        if args.pipeline:
            sys.path.insert(0, str(ROOT / "benchmarks"))
            from corpus import annotated_documents

            docs = annotated_documents(EVAL / STREAMS[name])
            print(f"  --pipeline: {len(docs)} of {len(records)} reports kept by ingest and clean "
                  "(the rest are rejected with a reason, as the CLI does; scored as singletons)")
            if model:
                attach_embeddings(docs, model)
        else:
            docs = documents(records, entities(name, records), embedding_model=model)
        views = [("lexical", lexical(docs))] + ([("with embeddings", docs)] if model else [])
        for view, view_docs in views:
            report_view(name, f"{name}, {view}", view_docs, options, args.copy_threshold)
        if not args.no_copies:
            print(copy_thresholds(records, docs))
    return 0


def report_view(name: str, label: str, docs: list[Document], options: GroupOptions,
                copy_threshold: float) -> None:
    """Scores and speed of one view of one stream (dev: per corpus, matched-only, in 4 runs, scaling)."""
    pred, elapsed, cpu = group(docs, options, copy_threshold)
    print(f"== {label}: {len(docs)} reports, {len(set(pred.values()))} stories, grouping {elapsed:.2f} s "
          f"= {len(docs) / elapsed:.0f} reports/s (CPU {cpu:.2f} s = {len(docs) / cpu:.0f} reports/s)")
    print(score(name, pred))
    if name != "dev":
        return
    # per corpus, and without the TS pseudo-docs no assessor matched to their event
    # (their gold story is only "pooled for it": most of them are off-topic pages)
    print(_blocks(score(name, pred, "--by-corpus"), skip=1))
    print("  --matched-only:")
    print(_blocks(score(name, pred, "--matched-only")))
    incremental = group_in_runs(docs, options, copy_threshold)
    same = "identical to one go" if _partition(incremental) == _partition(pred) else "differs from one go"
    print(f"  the same stream in 4 runs against the store, as `storyline run` adds reports ({same}):")
    print(_blocks(score(name, incremental)).split("\n   ARI")[0])
    for share in (0.25, 0.5, 1.0):
        part = docs[: int(len(docs) * share)]
        _, t, c = group(part, options, copy_threshold)
        print(f"  {int(share * 100)}% ({len(part)} reports): {t:.2f} s (CPU {c:.2f} s)")


def _partition(story_of: dict[str, str]) -> set[frozenset[str]]:
    """Stories as sets of reports (story ids may differ between runs)."""
    members: dict[str, set[str]] = {}
    for doc_id, story in story_of.items():
        members.setdefault(story, set()).add(doc_id)
    return {frozenset(m) for m in members.values()}


if __name__ == "__main__":
    raise SystemExit(main())
