"""Spot wire copies: reports that reprint the same story with other page furniture.

MinHash over word shingles of the cleaned body, with an LSH index so each new report
is compared with a handful of candidates, not with every report seen. Texts too short to
be a reprinted article (a bare headline, a one-line brief) are only copies when word for word
the same and 12 words or longer (EXACT_MIN_WORDS): a few
shingles say nothing reliable, and generic short lines ("Wall Street closes lower") recur
in different stories.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache

from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"[a-z0-9]+")

DEFAULT_THRESHOLD = 0.6
DEFAULT_SHINGLE = 3
DEFAULT_NUM_PERM = 128
DEFAULT_MIN_WORDS = 25  # shorter texts are not compared as copies...
EXACT_MIN_WORDS = 12  # ...unless word for word the same and long enough to be a brief, not a headline


def shingles(text: str, size: int = DEFAULT_SHINGLE) -> set[str]:
    words = WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


@lru_cache(maxsize=8)
def _template(num_perm: int) -> MinHash:
    """One MinHash whose permutations every signature reuses (drawing them costs more than hashing)."""
    return MinHash(num_perm=num_perm)


def _crc32(data: bytes) -> int:
    """Fast, stable 32-bit shingle hash (sha1 is slower and needs no cryptographic strength here)."""
    return zlib.crc32(data)


def signature(text: str, *, size: int = DEFAULT_SHINGLE, num_perm: int = DEFAULT_NUM_PERM) -> MinHash:
    template = _template(num_perm)
    sig = MinHash(num_perm=num_perm, hashfunc=_crc32, permutations=template.permutations,
                  scheme=template.scheme)
    sig.update_batch([s.encode("utf-8") for s in shingles(text, size)])
    return sig


@dataclass
class CopyMatch:
    original: str
    similarity: float


class CopyDetector:
    """Online near-duplicate detector: ``check_and_add`` returns the first copy seen."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, *, num_perm: int = DEFAULT_NUM_PERM,
                 shingle: int = DEFAULT_SHINGLE, min_words: int = DEFAULT_MIN_WORDS) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"copy threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self.min_words = min_words
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._sigs: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}
        self._exact: dict[str, str] = {}  # the words of a short text -> the first report with them

    def __len__(self) -> int:
        return len(self._sigs)

    def find(self, text: str) -> CopyMatch | None:
        """The earliest-added report this text copies, if any."""
        if self._too_short(text):
            original = self._exact.get(self._words(text))
            return CopyMatch(original, 1.0) if original else None  # only texts of 12+ words are kept
        sig = signature(text, size=self.shingle, num_perm=self.num_perm)
        return self._best(sig)

    def check_and_add(self, doc_id: str, text: str) -> CopyMatch | None:
        """The earliest-added report this text copies, if any; then remember this text."""
        if self._too_short(text):
            words = self._words(text)
            if len(words.split()) < EXACT_MIN_WORDS:
                return None
            original = self._exact.setdefault(words, doc_id)
            return CopyMatch(original, 1.0) if original != doc_id else None
        sig = signature(text, size=self.shingle, num_perm=self.num_perm)
        match = self._best(sig)
        if doc_id not in self._sigs:
            self._lsh.insert(doc_id, sig)
            self._sigs[doc_id] = sig
            self._order[doc_id] = len(self._order)
        return match

    @staticmethod
    def _words(text: str) -> str:
        return " ".join(WORD.findall(text.lower()))

    def _too_short(self, text: str) -> bool:
        return len(WORD.findall(text.lower())) < self.min_words

    def _best(self, sig: MinHash) -> CopyMatch | None:
        hits = []
        for key in self._lsh.query(sig):
            sim = sig.jaccard(self._sigs[key])
            if sim >= self.threshold:
                hits.append((self._order[key], key, sim))
        if not hits:
            return None
        _, key, sim = min(hits)
        return CopyMatch(original=key, similarity=sim)
