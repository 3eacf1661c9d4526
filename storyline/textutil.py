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


# --- page furniture that survives line cleaning --------------------------------------
# Scraped pages glue teasers, share bars, tag clouds and video blurbs onto article text on one
# line, so the cleaner (which judges whole lines) keeps them; the sentence splitter then cuts
# them out as "sentences". These marks tell such a sentence from reported prose.
_CUT_OFF = re.compile(r"\w\s?(?:\.\.+|…)")  # "truce between..." "Damag..." "Jamaica.."
_PAGE_MARKS = re.compile(
    r"\b(?:published|updated|posted|author)\s?:|\bvideo loading\b|\bwatch video\b|\bphoto gallery\b"
    r"|&(?:amp|quot|raquo|laquo|nbsp|#\d+);|\bclick here\b|\brelated links?\b",
    re.IGNORECASE,
)
_CLOCK_START = re.compile(r"^\d{1,2}:\d{2}\b")
_LONG_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")
_SHOUT = re.compile(r"\b[A-Z]{3,}\b")
HEADLINE_CASE_SHARE = 0.75  # prose rarely capitalises three in four of its longer words


def headline_case(text: str) -> bool:
    """Title Case through and through: a headline, a menu or a tag cloud, not a sentence.

    Judged on words of four letters or more after the first, so that short function words
    ("in", "of") and the sentence's own capital do not count; names alone rarely reach the
    share in a sentence that also has a verb and its objects.
    """
    long_words = _LONG_WORD.findall(text)[1:]
    if len(long_words) < 5 or not all(w[0].isupper() for w in long_words[:2]):
        return False  # "The warning applies to North Coast, Haida Gwaii...": prose lists places
    return sum(w[0].isupper() for w in long_words) / len(long_words) >= HEADLINE_CASE_SHARE


def reads_as_furniture(text: str) -> bool:
    """A "sentence" that is page furniture glued to the article: cut off, a headline, a widget."""
    stripped = text.strip()
    if _CUT_OFF.search(stripped) or _PAGE_MARKS.search(stripped) or _CLOCK_START.match(stripped):
        return True
    if stripped.endswith("!") or len(_SHOUT.findall(stripped)) >= 3:
        return True  # exclamations and shouting are blog and headline style, not report prose
    return headline_case(stripped)
