"""Small text helpers shared by the analysis stages (stems, content words)."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*")
STOPWORDS = frozenset(ENGLISH_STOP_WORDS) | {
    "said", "says", "say", "told", "tell", "according", "reported", "report", "reports",
    "would", "could", "also", "just", "like", "mr", "mrs", "ms", "s",
}
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def content_stems(text: str) -> list[str]:
    """Lower-cased stems of the words that carry content (stopwords dropped)."""
    return [stem(w) for w in (t.lower() for t in words(text))
            if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


def word_count(text: str) -> int:
    return len(text.split())
