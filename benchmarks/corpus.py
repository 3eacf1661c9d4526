"""Shared by the benchmarks: read a JSONL corpus into annotated Documents, fast.

spaCy's parse is the slow part and does not change while the analysis stages are tuned,
so parsed docs are cached (spaCy DocBin, under benchmarks/results/cache, gitignored);
sentences, dates and numbers are re-extracted from the cached parse on every run, so
changes to ``temporal.py`` and ``quantities.py`` show at once.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spacy.tokens import DocBin  # noqa: E402

from storyline import annotate  # noqa: E402
from storyline.models import Document, RunReport  # noqa: E402
from storyline.nlp import load_nlp  # noqa: E402
from storyline.pipeline import Options, load_documents  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
CACHE = ROOT / "benchmarks" / "results" / "cache"


def annotated_documents(path: Path, *, quiet: bool = True) -> list[Document]:
    """Ingest + clean ``path`` as storyline does, then annotate from the parse cache."""
    docs = load_documents([path], Options(quiet=quiet), RunReport())
    nlp = load_nlp()
    key = hashlib.sha1("\x00".join(d.doc_id + "\x01" + d.text for d in docs).encode()).hexdigest()[:16]
    cache = CACHE / f"{path.stem}.{key}.spacy"
    if cache.exists():
        parsed = list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))
    else:
        parsed = list(nlp.pipe((d.text for d in docs), batch_size=32))
        CACHE.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(DocBin(docs=parsed, store_user_data=False).to_bytes())
    for d, p in zip(docs, parsed):
        d.sentences = list(annotate._sentences(d, p))
    return docs
