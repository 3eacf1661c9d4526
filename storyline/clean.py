"""Clean a report: keep the article's paragraphs, drop the page around them.

Scraped reports carry page furniture (menus, bylines, share buttons, cookie notices,
teaser blocks for other stories) and photo captions mixed into the text. Later stages
quote sentences from the body, so anything left here ends up cited as news. The
cleaner therefore works on *units* (paragraphs or lines) and judges each one by
general signals only: its shape (a sentence, a short title-like line, a bare date),
fixed boilerplate phrases, credit suffixes of captions, and its position (head of the
text, tail after the article). Every dropped unit is kept in ``removed`` or
``captions`` so nothing disappears unseen.

HTML goes through trafilatura first; its text then gets the same plain-text cleaning.

Some pages are no article: a section front lists other stories' headlines and teasers, and
is rejected with a reason rather than read as a report of one of them. A live blog's entries
open on the clock time they were posted; the time is cut from the entry's text and kept
(``entry_times``) beside it, and an HTML live blog keeps its page order.

The outlet is the one the report's metadata names (its ``source``, og:site_name, a JSON-LD
publisher); a page without any still names itself in its title ("Headline | Outlet") or its
copyright line, and only then does its address stand in.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from dateutil import parser as date_parser

from storyline.ingest import (
    AMBIGUOUS,
    UNREAD,
    ZONE_HOURS,
    ambiguous_date_note,
    is_organisation,
    parse_written_date,
    site_label,
)
from storyline.models import Document, RawReport, Rejection

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# --- public results ------------------------------------------------------------


@dataclass
class CleanText:
    """The outcome of cleaning one plain text."""

    body: str
    dateline: str | None = None
    dateline_text: str | None = None  # as written, "PARIS, February 20 (Xinhua) --": its day dates the report
    captions: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    title: str | None = None  # a title-like line found above the article, if any
    dated: datetime | None = None  # the dateline's date, when it gives the year
    stamped: datetime | None = None  # the date of a "Published ..." line at the head or foot
    stamp_updated: bool = False  # that line said "Updated"/"Modified": a later date than publication
    # live-blog entries' clock times: {"start": offset of the entry in ``body``, "time": "HH:MM" (24 h),
    # and "zone" when one was written}
    entry_times: list[dict[str, str | int]] = field(default_factory=list)
    listed: int = 0  # headlines listed, when the text is a list of other stories and no article


@dataclass
class HtmlArticle:
    """What trafilatura found in a web page."""

    text: str
    title: str | None = None
    date: datetime | None = None
    sitename: str | None = None
    url: str | None = None
    captions: list[str] = field(default_factory=list)  # the page's <figcaption>s, which trafilatura drops


NO_HTML_TEXT = "HTML page has no article text"
NO_TEXT_LEFT = "no article text left after cleaning"
# spaCy's parser refuses longer texts (1 GB of memory per 100,000 characters, by its account); a
# "report" this long is a book, a dump or many reports in one file, so it is rejected, not cut
MAX_TEXT_CHARS = 1_000_000
NO_INPUT = "report has neither text nor HTML"

# --- unit kinds ------------------------------------------------------------------

BODY = "body"  # a sentence-shaped paragraph of eight words or more
SHORT = "short"  # a sentence-shaped paragraph, but short ("No," he said.)
TITLE = "title"  # a short line without sentence punctuation
DATE = "date"  # a line that is only a date or a time
FURNITURE = "furniture"  # boilerplate: menus, bylines, share, cookies, copyright...
TEASER = "teaser"  # a truncated teaser ending in an ellipsis
CAPTION = "caption"  # a photo caption or photo credit

BODY_KINDS = frozenset({BODY, SHORT})
PATTERN_KINDS = frozenset({DATE, FURNITURE, TEASER})  # dropped wherever they stand

MIN_SENTENCE_WORDS = 8
MAX_TITLE_WORDS = 12
MAX_TITLE_CHARS = 100
MIN_ARTICLE_RUN = 3  # consecutive full paragraphs that mean the article goes on
PARAGRAPH_BREAK = "\n\n"

# --- text shape --------------------------------------------------------------------

_CLOSERS = re.escape("\"'”’»)]")
_SENTENCE_END = re.compile(rf"(?:[.!?]+|…)[{_CLOSERS}]*$")
_ELLIPSIS_END = re.compile(r"(?:\.\s?\.\s?\.|…)\)?$")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_INLINE_SPACE = re.compile(r"[^\S\n]+")
# A page that loses the break between two blocks glues a sentence's first word onto the last
# word above it: "Photo courtesy of the harbour policeThe ferry sank ...", "Flood mapsAt a
# briefing ...". Words run together only there; a name in camel case never ends on "The",
# nor on "At" before a lower-case word ("McDonald", "YouTube", "MacArthur").
# "A", "As", "It" and "In" are left: a broken apostrophe prints as "A" ("KenyaAs envoy"), and
# names end on "In" or "It" ("LinkedIn", "CarFindIt Jobs").
_GLUED_START = re.compile(r"(?<=[a-z]{2})(?=The\s|At\s+[a-z])")
# An ad slot's label left in the text: before a sentence it is a line of its own ("Advertisement
# Police said the fire began at night"), inside one it goes ("the town's Advertisement streets
# and squares"). After a determiner it is a word of the text ("the Advertisement Standards Council").
_AD_SLOT = re.compile(r"(?:(\S+) )?\bAdvertisement (?=(\S))")
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "its", "his", "her", "their", "our", "your"})
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_LETTER = re.compile(r"[^\W\d_]")


def normalise_whitespace(text: str) -> str:
    """Unify line ends, fold runs of inline whitespace (tabs, NBSP) and strip lines."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(_INLINE_SPACE.sub(" ", line).strip() for line in text.split("\n"))


def unglue_lines(text: str) -> str:
    """Put back the line break a scrape lost between a block and the sentence after it, and take
    an ad slot's label out of the sentence it was printed into."""
    return _AD_SLOT.sub(_ad_slot, _GLUED_START.sub("\n", text))


def _ad_slot(match: re.Match[str]) -> str:
    before, after = match.group(1), match.group(2)
    if before and before.lower() in _DETERMINERS:
        return match.group(0)
    if after.islower():
        return f"{before} " if before else match.group(0)
    return f"{before}\n" if before else "Advertisement\n"


def line_key(line: str) -> str:
    """The form used to compare lines across reports: lower case, whitespace folded."""
    return " ".join(_INVISIBLE.sub("", line).split()).lower()


def _words(text: str) -> list[str]:
    return text.split()


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


# --- splitting into units --------------------------------------------------------


@dataclass
class _Unit:
    text: str  # the unit as written (whitespace normalised)
    lines: list[str]  # the source lines it was joined from
    kind: str = BODY
    core: str = ""  # the text without a leading dateline, used to judge the shape
    place: str | None = None  # the dateline place, when the unit starts with one
    clock: dict[str, str] | None = None  # a live-blog entry's time ("18:32 The toll ..."), cut from the text


def _split_units(text: str) -> list[_Unit]:
    """Blank lines always end a paragraph; single line breaks usually do too.

    Scrapes put one paragraph per line, so a single newline is a paragraph break unless
    the line clearly runs on (no sentence end, and the next line starts in lower case
    or the block is hard-wrapped at a fixed width).
    """
    units: list[_Unit] = []
    for block in _BLANK_LINE.split(normalise_whitespace(unglue_lines(text))):
        lines = [line for line in block.split("\n") if line]
        for group in _join_wrapped(lines):
            units.append(_Unit(text=" ".join(group), lines=group))
    return units


def _join_wrapped(lines: list[str]) -> list[list[str]]:
    if not lines:
        return []
    wrapped = _is_hard_wrapped(lines)
    width = max(len(line) for line in lines)
    groups: list[list[str]] = [[lines[0]]]
    for prev, line in zip(lines, lines[1:]):
        if _runs_on(prev, line, width if wrapped else None):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _is_hard_wrapped(lines: list[str]) -> bool:
    """A block wrapped at a fixed width: most breaks fall mid-sentence before a lower-case word.

    Lists of headlines also have lines of similar length, but each starts with a capital.
    """
    width = max(len(line) for line in lines)
    if not 40 <= width <= 100 or len(lines) < 2:
        return False
    breaks = [nxt for prev, nxt in zip(lines, lines[1:]) if not _ends_sentence(prev)]
    lower = sum(nxt[:1].islower() for nxt in breaks)
    return lower >= 1 and 2 * lower >= len(breaks)


def _runs_on(prev: str, line: str, width: int | None) -> bool:
    """Whether ``line`` continues the paragraph of ``prev``.

    Lower-case continuations always join; in a hard-wrapped block (``width`` given) a
    capitalised word joins too when it would not have fitted on the previous line.
    """
    if _ends_sentence(prev) or prev.endswith(":"):
        return False
    if line[:1].islower():
        return True
    first_word = line.split(" ", 1)[0]
    return width is not None and len(prev) + 1 + len(first_word) > 0.9 * width


# --- datelines ---------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8,
    "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
    "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_WEEKDAYS = {
    "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur",
    "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
}
# Capitalised words that start ordinary sentences or labels, never a dateline place.
_NOT_PLACES = frozenset({
    "a", "an", "the", "however", "note", "notes", "nb", "update", "updated", "correction",
    "clarification", "editor", "editors", "editor's", "warning", "breaking", "exclusive",
    "analysis", "opinion", "comment", "watch", "read", "listen", "video", "photo",
    "photos", "summary", "background", "context", "source", "sources", "related",
    "also", "meanwhile", "example", "result", "results", "reason", "why", "what", "who",
    "where", "when", "how", "yes", "no", "first", "second", "third", "finally",
    "today", "yesterday", "tomorrow", "q", "question", "answer", "but", "and", "so",
    "then", "now", "here", "there", "this", "that", "these", "those", "it", "he", "she",
    "they", "we", "i", "you", "his", "her", "their", "our", "my", "in", "on", "at",
    "by", "for", "with", "from", "after", "before", "as", "if", "while", "since",
    "update", "live", "latest", "more", "advertisement", "caption", "credit", "image",
    "quote", "said", "says", "mr", "mrs", "ms", "dr", "president", "minister", "police",
    "officials", "official", "witnesses", "translation", "transcript", "disclaimer",
    "lesson", "bottom", "fact", "facts", "key", "tip", "tips", "step", "warning",
} | set(_MONTHS) | _WEEKDAYS)

_PLACE_WORD = r"[A-Z][\w'’.-]*(?:/[A-Z][\w'’.-]*)*"  # "MELBOURNE/SANTIAGO": filed from two places
_PLACE = rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}}"
_AGENCY = r"\((?:[A-Z][\w.&]*|dpa|afp|apa|ansa)(?:\s+[A-Z][\w.&]*){0,2}\)"  # some agencies sign in lower case
_DASH = r"(?:--|—|–|-)"
_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE})"
    rf"(?P<region>,\s*{_PLACE})?"
    rf"(?P<date>,\s*{_MONTH_DAY})?"
    rf"(?:\s*(?P<agency>{_AGENCY}))?"
    rf"(?:\s*(?P<colon>:)|\s+(?P<dash>{_DASH}))(?:\s+|$)"
)


def _split_dateline(text: str) -> tuple[str | None, str]:
    """``"ALGIERS (AP) -- Gunmen..."`` -> ``("ALGIERS", "Gunmen...")``; else ``(None, text)``.

    The place is kept as written, without the region, date or agency that follow it
    ("PARIS, France -" gives "PARIS").

    A colon form needs a place-like start (not a stop word such as "However:");
    a dash form needs the place in capitals, a region, a date or an agency tag, so a
    sentence like "Obama — who ..." is not read as a dateline.
    """
    match = _DATELINE.match(text)
    if not match:
        return None, text
    place, region = match["place"], match["region"]
    words = place.replace("’", "'").split()
    if any(w.lower().rstrip(".") in _NOT_PLACES for w in words):
        return None, text
    if match["dash"] and not (place.isupper() or region or match["date"] or match["agency"]):
        return None, text
    if match["colon"] and region and not _is_place_like(region):
        return None, text
    rest = text[match.end():].strip()
    if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'“‘("):
        return None, text
    return place, rest


def _is_place_like(region: str) -> bool:
    return not any(w.lower() in _NOT_PLACES for w in region.strip(", ").split())


# --- live-blog entry times ----------------------------------------------------------

# "18:32 The toll has risen", "6.32pm GMT - Rescuers ...": the time an entry was posted, not part of
# what it says. A dot separator ("18.32") counts only with am/pm or a zone, so "3.50 The" is no time.
_CLOCK_ZONES = "|".join(sorted(ZONE_HOURS.keys() | {"ET", "CT", "MT", "PT"}, key=len, reverse=True))
_CLOCK_TIME = (r"(?P<hour>[01]?\d|2[0-3])(?P<sep>[:.])(?P<minute>[0-5]\d)(?:\s?(?P<half>[AaPp])\.?[Mm]\.?)?"
               rf"(?:\s+(?P<zone>{_CLOCK_ZONES})\b)?")
_CLOCK = re.compile(rf"^{_CLOCK_TIME}(?:\s*[-–—|:]\s*|\s+)(?=[A-Z\d\"'“‘])")
_CLOCK_LINE = re.compile(rf"^{_CLOCK_TIME}$")
MIN_ENTRY_WORDS = 3  # an entry says something: a time before one or two words is a schedule line
MIN_TIMED_ENTRIES = 2  # a live blog has entries, plural


def _split_clock(text: str) -> tuple[dict[str, str] | None, str]:
    """``"18:32 The toll has risen to 31."`` -> ``({"time": "18:32"}, "The toll has risen to 31.")``."""
    match = _CLOCK.match(text)
    clock = _clock_of(match) if match else None
    rest = text[match.end():] if match else text
    if clock is None or len(_words(rest)) < MIN_ENTRY_WORDS or _is_date_only(rest):
        return None, text
    return clock, rest


def _clock_of(match: re.Match[str]) -> dict[str, str] | None:
    """The 24-hour time a clock match names; None for "18.32" without am/pm or zone (a number)."""
    hour = int(match["hour"])
    if match["sep"] == "." and not (match["half"] or match["zone"]):
        return None
    if match["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
    clock = {"time": f"{hour:02d}:{match['minute']}"}
    if match["zone"]:
        clock["zone"] = match["zone"]
    return clock


def _clock_line(text: str) -> dict[str, str] | None:
    """The time of a line that is only a clock time ("18:32", "6.32pm GMT"), heading the entry below it."""
    match = _CLOCK_LINE.match(text)
    return _clock_of(match) if match else None


def _entry_times(kept: Sequence[_Unit], units: Sequence[_Unit],
                 paragraphs: Sequence[str]) -> list[dict[str, str | int]]:
    """Where each timed entry starts in the cleaned body, and its time; nothing unless
    :data:`MIN_TIMED_ENTRIES` are timed (one time above a report is its publication time)."""
    line_above = {id(unit): above for above, unit in zip(units, units[1:])}
    found: list[dict[str, str | int]] = []
    start = 0
    for unit, paragraph in zip(kept, paragraphs):
        above = line_above.get(id(unit))
        clock = unit.clock or (_clock_line(above.text) if above is not None else None)
        if clock:
            found.append({"start": start, **clock})
        start += len(paragraph) + len(PARAGRAPH_BREAK)
    return found if len(found) >= MIN_TIMED_ENTRIES else []


# --- furniture patterns ------------------------------------------------------------

_NAV_WORDS = frozenset({
    "home", "homepage", "world", "news", "opinion", "opinions", "editorial", "editorials",
    "business", "sport", "sports", "politics", "entertainment", "lifestyle", "life",
    "style", "technology", "tech", "science", "health", "culture", "arts", "travel",
    "video", "videos", "photos", "pictures", "gallery", "galleries", "menu", "search",
    "more", "latest", "trending", "local", "national", "international", "world news",
    "top stories", "breaking news", "live", "podcasts", "newsletters", "weather",
    "comments", "columns", "columnists", "letters", "blogs", "features", "markets",
    "economy", "education", "environment", "climate", "food", "books", "music", "film",
    "tv", "media", "magazine", "obituaries", "log in", "login", "sign in", "sign out",
    "register", "account", "my account", "contact", "contact us", "about", "about us",
    "privacy", "privacy policy", "terms", "terms of use", "terms of service",
    "cookie policy", "sitemap", "rss", "share", "tweet", "email", "print", "facebook",
    "twitter", "whatsapp", "linkedin", "reddit", "pinterest", "instagram", "youtube",
    "telegram", "next", "previous", "back", "back to top", "skip to content",
    "skip to main content", "close", "toggle navigation", "show more", "load more",
    "see more", "view all", "see all", "jobs", "classifieds", "games", "puzzles",
    "crossword", "horoscopes", "e-paper", "epaper", "premium", "print edition",
    "today's paper", "subscribe", "subscriptions", "donate", "advertise", "u.s.", "us",
    "uk", "europe", "africa", "asia", "americas", "middle east", "world desk",
    "most read", "most popular", "editor's picks", "recommended", "related",
    "related stories", "related articles", "related news", "related coverage",
    "you may also like", "you might also like", "more stories", "top news",
})
_NAV_SEPARATORS = re.compile(r"\s*[|>»›/·•]\s*")
_AGENCY_NAMES = (
    r"(?:the\s+)?(?:associated\s+press|ap|reuters|afp|agence\s+france[- ]presse|dpa|upi|"
    r"xinhua|bloomberg|ians|pti|app|anadolu(?:\s+agency)?)"
)

# Whole-unit patterns, matched on the lower-cased unit: (pattern, word limit, heading
# only). "Heading only" patterns never match a unit that ends like a sentence, so
# "More news is expected later." stays while "More news" goes.
_BOILERPLATE: list[tuple[re.Pattern[str], int, bool]] = [
    (re.compile(r"^(?:latest|more|other|top)\s+(?:news|stories|headlines|updates|articles|videos)\b"), 12, True),
    (re.compile(r"^more\s+(?:from|in|on|about)\b"), 12, True),
    (re.compile(r"^related(?:\s+(?:articles?|stories|story|coverage|content|news|topics|posts|links|reading|videos?))?\s*:"), 25, False),
    (re.compile(r"^related(?:\s+(?:articles?|stories|story|coverage|content|news|topics|posts|links|reading|videos?))?\b"), 25, True),
    (re.compile(r"^(?:read more|read next|read also|also read|see also|more on this(?: story)?|recommended(?: for you)?|you (?:may|might) also (?:like|be interested in)|most (?:read|popular|viewed|shared))\s*:"), 30, False),
    (re.compile(r"^(?:read more|read next|read also|also read|see also|more on this(?: story)?|recommended(?: for you)?|you (?:may|might) also (?:like|be interested in)|most (?:read|popular|viewed|shared))\b"), 25, True),
    (re.compile(r"^(?:breaking(?: news)?|live|watch|video|listen|trending|popular|podcast|gallery|in pictures)\s*:"), 20, False),
    (re.compile(r"^click here\b|\bclick here\b.{0,60}$"), 25, False),
    (re.compile(r"^(?:sign up|subscribe|register|join)\b.*\b(?:newsletters?|email|inbox|updates|alerts|free|now|today|here|our)\b"), 30, False),
    (re.compile(r"^(?:subscribe|sign up|log in|sign in)\b"), 12, True),
    (re.compile(r"\bnewsletters?\b.*\b(?:sign up|subscribe|inbox|delivered|get our|receive)\b|\b(?:sign up|subscribe)\b.*\bnewsletters?\b"), 30, False),
    (re.compile(r"^(?:advertisement|advertising|sponsored(?: content)?|ads?|promoted|paid (?:content|post)|partner content)\W*$"), 3, False),
    (re.compile(r"^(?:story|article) continues (?:below|after)\b|^continue reading\b|^scroll (?:down )?to continue\b"), 12, False),
    (re.compile(r"^share (?:this|on|via|article|story|page)\b"), 12, False),
    (re.compile(r"^(?:share|tweet|email|print|save|comment|comments|\d+ comments?|listen to (?:this )?article)\W*$"), 3, False),
    (re.compile(r"^(?:follow|like) us\b|^follow @"), 20, False),
    (re.compile(r"^(?:©|\(c\)\s*\d|copyright\s*(?:©|\(c\)|\d{4}|by\b)|copyright\W*$)"), 40, False),
    (re.compile(r"\ball rights reserved\b|\bmay not be (?:published|reproduced|redistributed|copied)\b"), 40, False),
    (re.compile(r"^\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|edited)\s+by\b"), 30, True),
    (re.compile(rf"^{_AGENCY_NAMES}\W*$"), 5, False),
    (re.compile(r"^(?:staff|our|news|web|monitoring|sports|business|online|special)\s+(?:reporter|correspondent|desk|report)\W*$"), 4, False),
    (re.compile(r"^(?:\d+\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)\s+read|just now)\W*$"), 6, False),
    # a call to readers: "Have you been affected? Email us at tips@...", "Contact our newsroom ..."
    (re.compile(r"^[^\"\u201c\u201d]*\b(?:email|e-mail|contact|write to|send)\s+us\b[^\"\u201c\u201d]*$"
                r"|\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b"), 40, False),
    # the author's note: "Jo Frey is the Gazette's labour correspondent. She has covered ..."
    (re.compile(r"^[a-z]+(?: [a-z]+){0,2} is (?:the|a|an) [\w' ]{0,40}\b(?:correspondent|reporter|editor|columnist|writer|journalist|contributor)\b"), 25, False),
]
_COOKIE = re.compile(r"\bcookies?\b")
_COOKIE_CONTEXT = re.compile(
    r"\bwe use\b|\bwe and our partners\b|\b(?:this|our) (?:web)?site\b|\bby (?:continuing|using)\b|"
    r"\byou (?:agree|consent)\b|\bcookie (?:policy|settings|preferences|notice)\b|"
    r"\bmanage cookies\b|\baccept all\b|\bi accept\b|\bgot it\b"
)
_BYLINE_LEAD = re.compile(r"^(?:(?:written|reported|posted|story|words|text|compiled)\s+)?by\s+(?P<names>.+)$", re.I)
_BYLINE_SMALL_WORDS = frozenset({
    "and", "&", "de", "da", "del", "della", "van", "von", "der", "den", "la", "le", "al",
    "el", "bin", "ibn", "staff", "writer", "writers", "correspondent", "reporter",
    "reporters", "editor", "in", "at", "for", "the", "of",
})

# Photo captions and credits.
_PHOTO = r"(?i:photo|photograph|picture|pic|image)s?"
_CAPTION_PATTERNS = [
    # "... file photo. -Reuters Photo", "— AFP Photo", "- File photo"
    re.compile(rf"[-–—|]\s*(?:[A-Z][\w.&]*\s*){{0,3}}(?:{_PHOTO}|(?i:file))\s*\.?$"),
    # "(AP Photo/Hassene Dridi)", "(Reuters Photo)"
    re.compile(rf"\((?:[A-Z][\w.&-]*\s*){{1,3}}{_PHOTO}\b[^)]*\)\s*\.?$"),
    # "(Photo: Reuters)", "(File photo/AFP)"
    re.compile(rf"\((?:(?i:file)\s+)?{_PHOTO}\s*(?i:credit)?\s*[:/][^)]*\)\s*\.?$"),
    # "Photo: John Smith", "File photo: ..."
    re.compile(rf"^(?:(?i:file)\s+)?{_PHOTO}\s*(?i:credit)?\s*[:/]"),
    # "... Photo: Reuters" at the end
    re.compile(rf"\b{_PHOTO}\s*(?i:credit)?:\s*[A-Z][^.!?]{{0,60}}$"),
    re.compile(r"\bin (?:this|a|an)\b.{0,40}\bfile (?:photo|picture|image|photograph)\b", re.I),
    re.compile(r"(?:^|\b)file (?:photo|picture|image|photograph)\s*[.)]?\s*$", re.I),
    re.compile(r"^file (?:photo|picture|image|photograph)\b", re.I),
    re.compile(r"\bimage copyright\b|^image (?:caption|source)\b", re.I),
    re.compile(r"\b(?:getty images|shutterstock|alamy(?: stock photo)?|epa-efe|ap images)\s*[.)]?\s*$", re.I),
    re.compile(r"\b(?i:credit):\s*[A-Z][^.!?]{0,60}$"),
    # a gallery's prompt or a picture agency's id opening the caption it stands before:
    # "Click photo to enlarge Rescuers carry ...", "Find it on Newscom: rtr123 Rescuers ..."
    re.compile(rf"^(?:click|tap)\s+(?:on\s+)?(?:the\s+)?{_PHOTO}\s+to\s+enlarge\b", re.I),
    re.compile(r"^find it on newscom\b", re.I),
    # "Courtesy of the Meteorological Department" opening a line credits the picture beside it
    re.compile(r"^(?:(?:photo|image|picture)s?\s+)?courtesy of\s+\S", re.I),
    # Wire captions close on the picture's full date, weekday and year included, which
    # news prose never spells out: "A man watches rescuers in Savar, Saturday, April 27, 2013."
    # (the comma after the weekday is often left out: "..., Wednesday Feb. 22, 2012.")
    re.compile(r"^(?:\S+\s+){6,}.*,\s(?:on\s)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s"
               r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2},\s(?:19|20)\d\d\.?$"),
]
MAX_CAPTION_WORDS = 80

# Date-only lines.
_DATE_PREFIX = re.compile(
    r"^(?:last\s+)?(?:updated|published|posted|modified|first published|date|dated)\b\s*(?:on|at)?\s*:?\s*", re.I)
_ISO_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+-]\d{2}:?\d{2})?)?$")
_DATE_SEPARATORS = re.compile(r"[,|/\-–—·•()]+")
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}(?::\d{2})?(?:am|pm)?$")
_NUMBER = re.compile(r"^\d{1,4}(?:st|nd|rd|th)?\.?$")
_DATE_FILLERS = frozenset({
    "am", "pm", "a.m.", "p.m.", "at", "on", "of", "the", "gmt", "utc", "et", "est", "edt",
    "ct", "cst", "cdt", "pt", "pst", "pdt", "bst", "cet", "cest", "ist", "pkt", "jst",
    "aest", "z", "hrs",
})


def _is_date_only(text: str) -> bool:
    """"Updated 23 Apr, 2024", "January 17, 2013 10:32 AM", "2024-04-23" ..."""
    rest = _DATE_PREFIX.sub("", text.strip()).strip().lower().rstrip(".")
    if _ISO_DATE.match(rest):
        return True
    tokens = _DATE_SEPARATORS.sub(" ", rest).split()
    if not tokens or len(tokens) > 10:
        return False
    months = numbers = times = 0
    for token in tokens:
        bare = token.rstrip(".,")
        if bare in _MONTHS:
            months += 1
        elif _TIME.match(bare):
            times += 1
        elif _NUMBER.match(bare):
            numbers += 1
        elif bare not in _WEEKDAYS and bare not in _DATE_FILLERS:
            return False
    return (months >= 1 and numbers >= 1) or numbers >= 3 or times >= 1


def _is_nav(text: str) -> bool:
    """A menu word or a breadcrumb trail ("Home > World > Africa")."""
    lowered = text.lower().strip(" :|>»›-–—·•")
    if lowered in _NAV_WORDS:
        return True
    parts = [p for p in _NAV_SEPARATORS.split(lowered) if p]
    if len(parts) >= 2 and all(len(p.split()) <= 4 for p in parts):
        return any(p in _NAV_WORDS for p in parts)
    words = lowered.split()
    return 2 <= len(words) <= 8 and all(w in _NAV_WORDS for w in words) or _is_menu_run(text)


# A run of capitalised words with no small word ("in", "of") and no number is a menu of sections,
# cities or tickers when it is longer than any headline or names two sections; title-case headlines
# ("Peru Seeks Thai Investments") are short and name none.
_MENU_MIN_WORDS = 6
_MENU_LONG_WORDS = 16
_SMALL_WORDS = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "and", "or",
    "but", "is", "are", "was", "were", "be", "has", "have", "had", "after", "over", "into", "says",
    "said", "up", "out", "off", "amid", "vs", "not", "no", "its", "his", "her", "their", "about", "via",
})


def _is_menu_run(text: str) -> bool:
    words = [w.strip("&'’\"()-–—:") for w in text.split()]
    words = [w for w in words if w]
    if len(words) < _MENU_MIN_WORDS or _ends_sentence(text) or any(w[0].isdigit() for w in words):
        return False
    if not all(w[0].isupper() and w.lower() not in _SMALL_WORDS for w in words):
        return False
    if len(words) >= _MENU_LONG_WORDS:  # a colon past the first word heads a headline, not "Tags:"
        return ":" not in text.split(None, 1)[-1]
    sections = {w.lower() for w in words} & _NAV_WORDS - {"us", "u.s.", "uk"}
    return len(sections) >= 2 and not re.search(r"[:,]", text)  # "VIDEO: Star Weds" is a headline


def _is_byline(text: str) -> bool:
    """"By John Smith", "By JOHN SMITH, Associated Press"; not "By Thursday, the army..."."""
    match = _BYLINE_LEAD.match(text)
    if not match or not text[:1].isupper():
        return False
    tokens = [t for t in re.split(r"[\s,|/;]+", match["names"]) if t]
    if not tokens or len(tokens) > 12 or text.endswith(("!", "?")):
        return False
    first = tokens[0].lower().strip(".")
    if first in _MONTHS or first in _WEEKDAYS or first in _NOT_PLACES or first.isdigit():
        return False
    return all(t[0].isupper() or t.lower() in _BYLINE_SMALL_WORDS for t in tokens)


def _is_boilerplate(text: str) -> bool:
    lowered = text.lower()
    count = len(_words(text))
    heading = not _ends_sentence(text)
    for pattern, limit, heading_only in _BOILERPLATE:
        if count <= limit and (heading or not heading_only) and pattern.search(lowered):
            return True
    return bool(_COOKIE.search(lowered) and _COOKIE_CONTEXT.search(lowered) and count <= 60)


def _is_caption(text: str) -> bool:
    if len(_words(text)) > MAX_CAPTION_WORDS:
        return False
    return any(pattern.search(text) for pattern in _CAPTION_PATTERNS)


# --- classification ----------------------------------------------------------------


_YEAR_HEADING = re.compile(r"^\s*(?:1[89]\d\d|20\d\d)\s*:\s*$")


def _classify(unit: _Unit, repeated_lines: frozenset[str]) -> str:
    """The kind of one unit from its own text (position is judged later)."""
    text, core = unit.text, unit.core or unit.text
    if _is_caption(text):
        return CAPTION
    if _YEAR_HEADING.match(text):
        return SHORT  # "1998:" heads a chronology: its lines ("Jan. 22 - ...") take its year
    if _is_repeated(unit, repeated_lines) or not _LETTER.search(text):
        return FURNITURE
    if _is_date_only(text):
        return DATE
    if _is_nav(text) or _is_boilerplate(text) or _is_byline(text):
        return FURNITURE
    if _ELLIPSIS_END.search(text):
        return TEASER
    return _shape(core)


def _shape(text: str) -> str:
    words = _words(text)
    if _ends_sentence(text):
        return BODY if len(words) >= MIN_SENTENCE_WORDS else SHORT
    if len(words) <= MAX_TITLE_WORDS and len(text) <= MAX_TITLE_CHARS:
        return TITLE
    return BODY  # a long paragraph that merely lost its final full stop


def _is_repeated(unit: _Unit, repeated_lines: frozenset[str]) -> bool:
    if not repeated_lines:
        return False
    if line_key(unit.text) in repeated_lines:
        return True
    return all(line_key(line) in repeated_lines for line in unit.lines)


def _prepare(text: str, repeated_lines: frozenset[str]) -> list[_Unit]:
    units = _split_units(text)
    for unit in units:
        unit.clock, unit.text = _split_clock(unit.text)
        unit.place, unit.core = _split_dateline(unit.text)
        if unit.place and not unit.core:
            unit.core = unit.text  # a dateline on a line of its own
        unit.kind = _classify(unit, repeated_lines)
    return units


# --- position: head, tail and title runs -------------------------------------------

# Headings that open a block of links to other stories, as the whole unit.
_TAIL_HEADING = re.compile(
    r"^(?:(?:latest|more|other|top)\s+(?:news|stories|headlines|updates|articles|videos)"
    r"(?:\s+(?:from|in|on)\b.*)?|more\s+(?:from|in|on|about)\b.*|"
    r"related(?:\s+(?:articles?|stories|story|coverage|content|news|topics|posts|links|reading|videos?))?|"
    r"recommended(?:\s+for\s+you)?|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|"
    r"most\s+(?:read|popular|viewed|shared)|read\s+next|what\s+to\s+read\s+next|editor'?s\s+picks)"
    r"\s*:?$",
    re.I,
)


def _is_tail_heading(unit: _Unit) -> bool:
    return unit.kind == FURNITURE and len(_words(unit.text)) <= 8 and bool(_TAIL_HEADING.match(unit.text))


def _tail_start(units: Sequence[_Unit]) -> int:
    """Index where the article ends and the page's teaser block begins (len if none).

    A tail starts after the first paragraph at a non-body unit when everything after
    it looks like teasers: each sentence sits right under a title or date line, the
    block has at least two non-paragraph lines, and it shows a teaser sign (a date
    line, an ellipsis teaser, a title printed twice). Subheaded sections of the article
    itself show none of these, so they stay. A heading such as "Related stories" or
    "More from ..." followed by headlines ends the article too.
    """
    first = next((i for i, u in enumerate(units) if u.kind in BODY_KINDS), None)
    if first is None:
        return len(units)
    end = _heading_tail(units, first)
    start = _teaser_start(units, first, end, heading_follows=end < len(units))
    return end if start is None else start


def _heading_tail(units: Sequence[_Unit], first: int) -> int:
    """Where a heading opens a list of headlines (not paragraphs) that runs to the end."""
    for i in range(first + 1, len(units)):
        if not _is_tail_heading(units[i]):
            continue
        after = units[i + 1:]
        opener = next((u for u in after if u.kind not in (FURNITURE, TEASER)), None)
        if (opener is None or opener.kind not in BODY_KINDS) and _longest_body_run(after) < MIN_ARTICLE_RUN:
            return i
    return len(units)


def _longest_body_run(units: Sequence[_Unit]) -> int:
    best = run = 0
    for unit in units:
        run = run + 1 if unit.kind == BODY else 0
        best = max(best, run)
    return best


def _teaser_start(units: Sequence[_Unit], first: int, end: int, heading_follows: bool) -> int | None:
    """The smallest i in (first, end) whose block units[i:end] reads as teasers."""
    under_heading = _under_heading_flags(units)
    start: int | None = None
    all_teasers, signal, non_body = True, heading_follows, int(heading_follows)
    titles: set[str] = set()
    for i in range(end - 1, first, -1):
        unit = units[i]
        if unit.kind in BODY_KINDS:
            all_teasers = all_teasers and under_heading[i]
        else:
            non_body += 1
            signal = signal or unit.kind in (DATE, TEASER) or _seen_title(unit, titles)
            if all_teasers and signal and non_body >= 2:
                start = i
        if not all_teasers:
            break
    return start


def _seen_title(unit: _Unit, titles: set[str]) -> bool:
    """Record a title line; true when the same title was already seen (teaser blocks repeat them)."""
    if unit.kind != TITLE:
        return False
    key = line_key(unit.text)
    seen = key in titles
    titles.add(key)
    return seen


def _under_heading_flags(units: Sequence[_Unit]) -> list[bool]:
    """For each unit: does it sit right under a title or date line (furniture skipped)?"""
    flags: list[bool] = []
    last: str | None = None
    for unit in units:
        flags.append(last in (TITLE, DATE))
        if unit.kind not in (FURNITURE, TEASER):
            last = unit.kind
    return flags


def _drop_titles(units: list[_Unit]) -> list[_Unit]:
    """Keep body paragraphs and lone subheadings between them; drop other title lines.

    Title lines above the first paragraph, below the last one, and runs of two or more
    (menus, teaser headlines) are furniture.
    """
    def keep(i: int, unit: _Unit) -> bool:
        if unit.kind in BODY_KINDS:
            return True
        inside = 0 < i < len(units) - 1
        return inside and units[i - 1].kind in BODY_KINDS and units[i + 1].kind in BODY_KINDS

    return [unit for i, unit in enumerate(units) if keep(i, unit)]


# --- the cleaner --------------------------------------------------------------------


def clean_text(text: str, *, repeated_lines: frozenset[str] = frozenset()) -> CleanText:
    """Split a plain-text scrape into article body, dateline, captions and furniture."""
    units = _prepare(text, repeated_lines)
    rest = [u for u in units if u.kind != CAPTION]
    cut = _tail_start(rest)
    article = rest[:cut]
    kept = _drop_titles([u for u in article if u.kind not in PATTERN_KINDS])
    kept_ids = {id(u) for u in kept}
    tail_from = _position(units, rest[cut]) if cut < len(rest) else len(units)
    captions = [u.text for i, u in enumerate(units) if u.kind == CAPTION and i < tail_from]
    removed = [
        u.text for i, u in enumerate(units)
        if id(u) not in kept_ids and (u.kind != CAPTION or i >= tail_from)
    ]
    dateline, dateline_text, paragraphs = _take_dateline(units, kept)
    stamped, stamp_updated = _stamp_date(units[:tail_from])
    return CleanText(
        listed=_text_listing(rest),
        body=PARAGRAPH_BREAK.join(paragraphs),
        entry_times=_entry_times(kept, units, paragraphs),
        dateline=dateline,
        dateline_text=dateline_text,
        dated=_dateline_date(kept[0].text) if dateline and kept else None,
        stamped=stamped,
        stamp_updated=stamp_updated,
        captions=captions,
        removed=removed,
        title=_head_title(article),
    )


# --- a plain-text list of headlines ------------------------------------------------------

MIN_TEXT_LISTED = 4  # one more than a page's markup needs: text has no links to confirm a list
MAX_TEXT_TEASER_WORDS = 40


def _text_listing(units: Sequence[_Unit]) -> int:
    """How many headlines a text lists when it is only headline + teaser pairs about different
    stories (no paragraph outside a pair, teasers short, no name shared by two pairs); else 0.

    An article with one paragraph under each subheading has the same shape, but its sections
    tell one story and share its names (a place, a person, an organisation).
    """
    pairs = _headline_pairs(units)
    if len(pairs) < MIN_TEXT_LISTED or _share_a_name(pairs):
        return 0
    return len(pairs)


def _headline_pairs(units: Sequence[_Unit]) -> list[tuple[str, str]]:
    """(title, teaser) pairs when the text's titles and paragraphs alternate to its end, a title
    above each single short paragraph (titles before the first pair: the page's own); else []."""
    shaped = [u for u in units if u.kind in BODY_KINDS or u.kind == TITLE]
    first = next((i for i in range(len(shaped) - 1)
                  if shaped[i].kind == TITLE and shaped[i + 1].kind in BODY_KINDS), None)
    if first is None or any(u.kind in BODY_KINDS for u in shaped[:first]):
        return []
    rest = shaped[first:]
    titles, teasers = rest[0::2], rest[1::2]
    if len(titles) != len(teasers) or any(u.kind != TITLE for u in titles):
        return []
    if any(u.kind not in BODY_KINDS or len(_words(u.text)) > MAX_TEXT_TEASER_WORDS for u in teasers):
        return []
    return [(t.text, b.text) for t, b in zip(titles, teasers)]


def _share_a_name(pairs: Sequence[tuple[str, str]]) -> bool:
    """Whether two pairs name the same thing: a capitalised word inside a sentence (not a
    weekday, month or common opener) found in both."""
    seen: set[str] = set()
    for title, teaser in pairs:
        names = _inner_names(title) | _inner_names(teaser)
        if names & seen:
            return True
        seen |= names
    return False


def _inner_names(text: str) -> set[str]:
    """Capitalised words of three letters or more that do not open a sentence."""
    names: set[str] = set()
    words = _words(text)
    for prev, word in zip(words, words[1:]):
        bare = word.strip("\"'“”‘’()[],;:.!?")
        if (_ends_sentence(prev) or not bare[:1].isupper() or len(bare) < 3
                or bare.lower() in _NOT_PLACES or not word[:1].isalnum()):
            continue
        names.add(bare)
    return names


def _position(units: Sequence[_Unit], unit: _Unit) -> int:
    return next(i for i, u in enumerate(units) if u is unit)


def _head_title(units: Sequence[_Unit]) -> str | None:
    """The headline above the article: the longest title line there (menus are short).

    A dateline on a line of its own is not a headline.
    """
    head: list[_Unit] = []
    for unit in units:
        if unit.kind in BODY_KINDS:
            break
        if unit.kind == TITLE and not unit.place:
            head.append(unit)
    if not head:
        return None
    return max(reversed(head), key=lambda u: len(_words(u.text))).text


def _dateline_date(text: str) -> datetime | None:
    """"PARIS, Jan. 16, 2013 (AP) -" -> 2013-01-16 (UTC midnight); None without a full date.

    A dateline without its year ("Jan. 16") is not enough to date a report on its own.
    """
    match = _DATELINE.match(text)
    if not match or not match["date"] or not re.search(r"\d{4}", match["date"]):
        return None
    try:
        day = date_parser.parse(match["date"].strip(", "), fuzzy=False)
    except (ValueError, OverflowError):
        return None
    return day.replace(tzinfo=timezone.utc)


# A page's own publication stamp: "Published 10 June 2025", "Updated: ...", "Posted on ...".
_STAMP = re.compile(
    r"^(?:(?P<published>(?:first\s+)?published|posted)|(?:last\s+)?(?:updated|modified))\b"
    r"(?:\s+(?:on|at))?\s*:?\s*(?P<date>.+)$", re.I)
_STAMP_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_STAMP_NOISE = re.compile(r"[|·•]|\s[-–—]\s")
STAMP_WINDOW = 10  # units at the head and at the foot of the article where a stamp is believed


def _stamp_date(units: Sequence[_Unit]) -> tuple[datetime | None, bool]:
    """The date of the article's own "Published ..." line, and whether it said "Updated".

    ``units`` end where the teaser block begins, so a date from related links is never
    read; only the first and last :data:`STAMP_WINDOW` units count (a stamp sits above or
    below the article), the head first. A window holding differing stamps of one kind is
    a list of other stories and gives nothing. "Published"/"Posted" wins over "Updated".
    """
    head = units[:STAMP_WINDOW]
    foot = units[max(STAMP_WINDOW, len(units) - STAMP_WINDOW):_headlines_after_body(units)]
    found = [_window_stamps(head), _window_stamps(foot)]
    for want_published in (True, False):
        for stamps in found:
            days = {day for day, published in stamps if published == want_published}
            if len(days) == 1:
                return days.pop(), not want_published
    return None, False


def _headlines_after_body(units: Sequence[_Unit]) -> int:
    """Where headlines start below the last paragraph (len if none): the stamps under them
    date other stories, in a teaser block no heading announced."""
    last_body = max((i for i, u in enumerate(units) if u.kind in BODY_KINDS), default=-1)
    return next((i for i in range(last_body + 1, len(units)) if units[i].kind in (TITLE, TEASER)),
                len(units))


def _window_stamps(units: Sequence[_Unit]) -> list[tuple[datetime, bool]]:
    stamps = []
    for unit in units:
        match = _STAMP.match(unit.text) if unit.kind == DATE and len(unit.lines) == 1 else None
        day = _stamp_day(match["date"]) if match else None
        if day is not None:
            stamps.append((day, bool(match["published"])))
    return stamps


def _stamp_day(text: str) -> datetime | None:
    """A stamp's date and time (zone kept; none given means UTC); None without a full year."""
    text = _STAMP_NOISE.sub(" ", text).strip(" .,")
    return parse_date(text) if _STAMP_YEAR.search(text) else None


def _take_dateline(units: Sequence[_Unit], kept: Sequence[_Unit]) -> tuple[str | None, str | None, list[str]]:
    """Read the dateline of the first paragraph (or of a dateline line just above it): its
    place, the dateline as written, and the paragraphs without it."""
    paragraphs = [u.text for u in kept]
    if not kept:
        return None, None, paragraphs
    first = kept[0]
    if first.kind in BODY_KINDS and first.place and first.core != first.text:
        paragraphs[0] = first.core
        return first.place, first.text[:len(first.text) - len(first.core)].strip(), paragraphs
    position = _position(units, first)
    if position > 0 and not first.place:
        above = units[position - 1]
        if above.place and above.core == above.text:
            return above.place, above.text.strip(), paragraphs
    return None, None, paragraphs


# --- HTML ---------------------------------------------------------------------------


def extract_html(html: str, url: str | None = None) -> HtmlArticle | None:
    """The article text and metadata of a web page (None when there is no article)."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    if not html or not html.strip():
        return None
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"original_date": True, "extensive_search": False,
                                "outputformat": "%Y-%m-%dT%H:%M:%S%z"},
    )
    data = {}
    if result is not None:
        data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data.get("text") or "").strip()
    if text:
        text = live_blog_text(html, text) or text
    if not text and is_fragment(html):
        text = fragment_text(html)  # feed entries and JSONL 'html' carry bare article markup
    if not text:
        return None
    return HtmlArticle(
        text=text,
        title=_blank_to_none(data.get("title")),
        date=parse_date(data.get("date")),
        sitename=_blank_to_none(data.get("sitename")),
        url=_blank_to_none(data.get("url")) or url,
        captions=[c for c in figure_captions(html) if c not in text],
    )


# --- live blogs: entries under their own clock times ------------------------------------
# trafilatura drops an entry's <time> and may lift the first entry above the headline; the text is
# put back in page order with each entry's time on a line above it, which clean_text cuts out and
# keeps as ``entry_times`` (the time is never part of a sentence a summary quotes).


_CLOCK_IN_MARKUP = re.compile(r">\s*\d{1,2}[:.]\d\d")  # a cheap look before the page is parsed


def live_blog_text(html: str, text: str) -> str | None:
    """The extracted text of a live blog in page order, each entry led by a line with its clock
    time; None when the page has fewer than :data:`MIN_TIMED_ENTRIES` timed entries."""
    if len(_CLOCK_IN_MARKUP.findall(html)) < MIN_TIMED_ENTRIES:
        return None
    root = _page_root(html)
    body = root.find(".//body") if root is not None else None
    page = body if body is not None else root
    entries = _timed_entries(page) if page is not None else []
    if len(entries) < MIN_TIMED_ENTRIES:
        return None
    flat, starts = _flat_text(page)
    placed: list[tuple[int, int, int, str]] = []
    at = -1
    # the stamps trafilatura kept come back below, each above its own entry
    lines = [line for line in text.splitlines() if line.strip() and not _clock_line(_fold(line))]
    for number, line in enumerate(lines):
        found = flat.find("".join(line.split()))
        at = found if found >= 0 else at  # a line not found stays after the line before it
        placed.append((at, 1, number, line))
    placed += [(starts.get(entry, -1), 0, 0, clock) for entry, clock in entries]
    return "\n".join(line for *_, line in sorted(placed))


def _timed_entries(page: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """Each live-blog entry, as the largest element around one time stamp that holds no other,
    with the stamp's text; a stamp is an element whose whole text is a clock time ("19:40",
    "7.40pm GMT"), whatever its tag (``<time>``, ``<span class="timestamp">``)."""
    clocks = [(element, _fold(element.text)) for element in page.iter()
              if isinstance(element.tag, str) and element.text and _clock_line(_fold(element.text))
              and _fold(element.text_content()) == _fold(element.text)]
    holding: dict[HtmlElement, int] = {}
    for element, _ in clocks:
        for ancestor in element.iterancestors():
            holding[ancestor] = holding.get(ancestor, 0) + 1
    entries: list[tuple[HtmlElement, str]] = []
    for element, text in clocks:
        entry = element
        for ancestor in element.iterancestors():
            if holding[ancestor] > 1 or ancestor is page:
                break
            entry = ancestor
        entries.append((entry, text))
    return entries


def _flat_text(page: HtmlElement) -> tuple[str, dict[HtmlElement, int]]:
    """The page's text without any whitespace (so a line matches however the markup spaced it),
    and where each element's text starts in it."""
    from lxml import etree

    parts: list[str] = []
    size = 0
    starts: dict[HtmlElement, int] = {}
    for event, element in etree.iterwalk(page, events=("start", "end")):
        if event == "start":
            starts[element] = size
            piece = element.text if isinstance(element.tag, str) else None  # a comment's text is no text
        else:
            piece = element.tail if element is not page else None  # the page's own tail lies outside it
        squeezed = "".join((piece or "").split())
        parts.append(squeezed)
        size += len(squeezed)
    return "".join(parts), starts


def figure_captions(html: str) -> list[str]:
    """The texts of a page's ``<figcaption>`` elements, so the user sees what was left out."""
    from lxml import html as lxml_html  # trafilatura's own parser

    try:
        root = lxml_html.fromstring(html)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return []
    found: list[str] = []
    for element in root.iter("figcaption"):
        caption = " ".join(element.text_content().split())
        if caption and caption not in found:
            found.append(caption)
    return found


FRAGMENT_BLOCKS = {"p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}
PAGE_MARKUP = re.compile(r"<\s*(html|body|head|nav|header|footer)\b", re.IGNORECASE)


def is_fragment(html: str) -> bool:
    """Markup of an article body alone, not a whole page with navigation."""
    return not PAGE_MARKUP.search(html)


def fragment_text(html: str) -> str:
    """Text of an HTML fragment, one paragraph per block element; scripts dropped."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several kinds on junk markup
        return ""
    for bad in root.xpath("//script|//style|//noscript|//iframe|//form"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in FRAGMENT_BLOCKS:
            el.tail = "\n\n" + (el.tail or "")
    lines = (" ".join(part.split()) for part in root.text_content().split("\n\n"))
    return "\n\n".join(line for line in lines if line)


# --- section fronts: pages that list other pages' headlines ------------------------------

MIN_LISTED_HEADLINES = 3  # teaser cards that make a page a list of stories
MIN_HEADLINE_WORDS = 3  # shorter link texts are menu entries ("World", "Sign in")
MAX_HEADLINE_WORDS = 25
MAX_TEASER_WORDS = 60  # a teaser is a sentence or two; an article runs on
MAX_KICKER_WORDS = 4  # a label or time printed above a card's headline ("World", "2 hours ago")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


@dataclass
class TeaserCard:
    """One story a page points to: its linked headline and the card's whole text."""

    headline: str
    text: str  # the card's text, whitespace folded: kicker, headline, teaser, time


def teaser_cards(html: str, page_title: str | None = None) -> list[TeaserCard]:
    """The page's cards linking to other stories: a headline link with at most a short teaser.

    A card is the largest element around a headline link that holds no other headline link,
    provided its headline comes first and little text follows. A card headed by the page's
    own title is the article itself, never a teaser.
    """
    root = _page_root(html)
    if root is None:
        return []
    links = _headline_links(root)
    around: dict[HtmlElement, int] = {}
    for anchor in links:
        for ancestor in anchor.iterancestors():
            around[ancestor] = around.get(ancestor, 0) + 1
    own_title = _fold(page_title or "").lower()
    cards = [_card(anchor, headline, around) for anchor, headline in links.items()]
    return [c for c in cards if c is not None and not (own_title and c.headline.lower() in own_title)]


def section_listing(html: str, body: str, page_title: str | None = None) -> int:
    """How many headlines a section front lists, when ``body`` (the text taken from the page)
    is nothing but teasers of its cards; 0 for an article, even one with related links."""
    return _listed(teaser_cards(html, page_title), body)


def _listed(cards: Sequence[TeaserCard], body: str) -> int:
    if len(cards) < MIN_LISTED_HEADLINES:
        return 0
    flags = _teaser_flags(cards, body.split(PARAGRAPH_BREAK))
    return len(cards) if flags and all(flags) else 0


def _teaser_flags(cards: Sequence[TeaserCard], paragraphs: Sequence[str]) -> list[bool]:
    """For each paragraph: is it text of one of the cards (a teaser of another story)?"""
    return [bool(p.strip()) and any(_fold(p) in card.text for card in cards) for p in paragraphs]


def _without_trailing_teasers(cleaned: CleanText, cards: Sequence[TeaserCard]) -> CleanText:
    """The article without the teasers of a card block below it that the extractor took in
    (kept in ``removed``); the paragraphs above the first teaser stay whatever they say."""
    if not cards:
        return cleaned
    paragraphs = cleaned.body.split(PARAGRAPH_BREAK)
    flags = _teaser_flags(cards, paragraphs)
    keep = len(paragraphs)
    while keep > 1 and flags[keep - 1]:
        keep -= 1
    if keep == len(paragraphs):
        return cleaned
    body = PARAGRAPH_BREAK.join(paragraphs[:keep])
    return dataclasses.replace(cleaned, body=body, removed=cleaned.removed + paragraphs[keep:],
                               entry_times=[t for t in cleaned.entry_times if int(t["start"]) < len(body)])


def _page_root(html: str) -> HtmlElement | None:
    from lxml import html as lxml_html

    try:  # lxml refuses text that still declares its encoding; it was decoded already
        root = lxml_html.fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return None
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    return root


def _headline_links(root: HtmlElement) -> dict[HtmlElement, str]:
    """Links that carry a headline (their heading's text, or their own), by anchor; a link in
    or around the page's <h1> is its own headline, not one it lists."""
    found: dict[HtmlElement, str] = {}
    for anchor in root.iter("a"):
        if not anchor.get("href") or _in_or_around_h1(anchor):
            continue
        heading = next(anchor.iterdescendants(*_HEADINGS), None)
        headline = _fold((heading if heading is not None else anchor).text_content())
        if MIN_HEADLINE_WORDS <= len(_words(headline)) <= MAX_HEADLINE_WORDS and not _in_running_text(anchor):
            found[anchor] = headline
    return found


def _in_running_text(anchor: HtmlElement) -> bool:
    """A link inside a paragraph that says more than the link ("Read more: ...", "... on its website.")."""
    paragraph = next(anchor.iterancestors("p"), None)
    return paragraph is not None and _fold(paragraph.text_content()) != _fold(anchor.text_content())


def _in_or_around_h1(anchor: HtmlElement) -> bool:
    return next(anchor.iterancestors("h1"), None) is not None or next(anchor.iterdescendants("h1"), None) is not None


def _card(anchor: HtmlElement, headline: str, around: dict[HtmlElement, int]) -> TeaserCard | None:
    """The teaser card around one headline link, or None when what surrounds it is no teaser."""
    node = anchor
    for ancestor in anchor.iterancestors():
        if around.get(ancestor, 0) > 1 or ancestor.tag in ("body", "html"):
            break
        node = ancestor
    text = _fold(node.text_content())
    before, _, after = text.partition(headline)
    if len(_words(before)) > MAX_KICKER_WORDS or len(_words(after)) > MAX_TEASER_WORDS:
        return None
    return TeaserCard(headline=headline, text=text)


def _fold(text: str) -> str:
    return " ".join(text.split())


def parse_date(value: str | None) -> datetime | None:
    """A page's date as a timezone-aware datetime: its own offset kept (the report's day is
    the day where it was written), naive values taken as UTC; None when unreadable."""
    if not value:
        return None
    try:
        parsed = parse_written_date(value)
    except ValueError:
        return None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        return parsed.replace(tzinfo=timezone.utc)
    return parsed


def _blank_to_none(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


# --- reports ------------------------------------------------------------------------


def clean_report(raw: RawReport, *, repeated_lines: frozenset[str] = frozenset()) -> Document | Rejection:
    """Clean one report; metadata given with the report wins over what the page says."""
    article: HtmlArticle | None = None
    if raw.html and raw.html.strip():
        article = extract_html(raw.html, raw.url)
        text = article.text if article else (raw.text or "")
        empty_reason = NO_HTML_TEXT if not raw.text else NO_TEXT_LEFT
    elif raw.text is not None:
        text, empty_reason = raw.text, NO_TEXT_LEFT
    else:
        return Rejection(raw.origin, NO_INPUT)
    cleaned = clean_text(text, repeated_lines=repeated_lines)
    if cleaned.listed:
        return Rejection(raw.origin, f"not an article: a page listing {cleaned.listed} headlines")
    if not cleaned.body and article is not None and raw.text:
        cleaned = clean_text(raw.text, repeated_lines=repeated_lines)
    cards = teaser_cards(raw.html, article.title if article else None) if raw.html else []
    if not cleaned.body:
        headline = _headline_only(text, cleaned, raw.title)
        if headline is None:
            listing = len(cards) >= MIN_LISTED_HEADLINES
            return Rejection(raw.origin, _section_reason(len(cards)) if listing else empty_reason)
        cleaned = CleanText(body=headline, title=cleaned.title)
    listed = _listed(cards, cleaned.body) if article else 0
    if listed:
        return Rejection(raw.origin, _section_reason(listed))
    cleaned = _without_trailing_teasers(cleaned, cards)
    if len(cleaned.body) > MAX_TEXT_CHARS:
        return Rejection(raw.origin, f"text too long for one report ({len(cleaned.body):,} characters "
                                     f"after cleaning, at most {MAX_TEXT_CHARS:,}): split it into reports")
    return _document(raw, cleaned, article)


def _section_reason(headlines: int) -> str:
    return f"not an article: a section page listing {headlines} headlines"


def _headline_only(text: str, cleaned: CleanText, title: str | None) -> str | None:
    """A report that is one headline (a wire alert, a feed item): the headline is its text.

    Only a single line counts, one the cleaner read as a title or the report's own given
    title; a run of headlines is a teaser block, and menus and notices are never titles.
    """
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if len(lines) == 1 and lines[0] in (cleaned.title, (title or "").strip()):
        return lines[0]
    return None


def _document(raw: RawReport, cleaned: CleanText, article: HtmlArticle | None) -> Document:
    found_title = article.title if article else None
    found_date, date_source = _found_date(article, cleaned)
    return Document(
        doc_id=raw.doc_id,
        text=cleaned.body,
        title=raw.title or found_title or cleaned.title,
        published=raw.published or found_date,
        source=_outlet(raw, cleaned, article),
        url=raw.url or (article.url if article else None),
        dateline=cleaned.dateline,
        captions=cleaned.captions + [c for c in (article.captions if article else []) if c not in cleaned.captions],
        removed=cleaned.removed,
        origin=raw.origin,
        metadata=_with_dateline(_with_opinion(
            _with_entry_times(_with_date_source(raw, date_source), cleaned.entry_times),
            raw, cleaned, raw.title or found_title or cleaned.title), cleaned.dateline_text),
        content_hash=hashlib.sha1(cleaned.body.encode("utf-8")).hexdigest(),
    )


# An opinion piece says so: a kicker line above it, a label in its headline, the page's section,
# or the columnist's disclaimer below it. Never topic words.
OPINION_LABEL = r"(?:opinion|comment|commentary|op-ed|editorial|column|viewpoint)"
OPINION_KICKER = re.compile(rf"^\s*{OPINION_LABEL}\s*[:|\-\u2013\u2014]?\s*$", re.IGNORECASE)
OPINION_TITLE = re.compile(rf"^\s*{OPINION_LABEL}\s*[:|\u2013\u2014-]\s+\S", re.IGNORECASE)
OPINION_SECTION = re.compile(rf"""<meta[^>]+(?:property|name)=["']article:section["'][^>]+content=["']{OPINION_LABEL}s?["']""",
                             re.IGNORECASE)
OPINION_DISCLAIMER = re.compile(r"\bviews expressed (?:in this \w+ |here )?are (?:his|her|their|my|the (?:author|writer|columnist)'s) own\b"
                                r"|\bviews expressed (?:in this \w+ |here )?are (?:solely )?those of the (?:author|writer)",
                                re.IGNORECASE)


def _with_dateline(metadata: dict, written: str | None) -> dict:
    """Keep a dated dateline as written: the body loses it, but its day ("PARIS, February 20
    (Xinhua) --" on a report stamped the 21st, UTC) is the day the report's "today" means."""
    return {**metadata, "dateline": written} if written and any(c.isdigit() for c in written) else metadata


def _with_opinion(metadata: dict, raw: RawReport, cleaned: CleanText, title: str | None) -> dict:
    """Mark an opinion piece: it belongs with its story and is listed, but a summary, figure or
    timeline takes no facts from a columnist's argument."""
    head = [line for line in (raw.text or "").splitlines() if line.strip()][:3]
    if (any(OPINION_KICKER.match(line) for line in head) or OPINION_TITLE.match(title or "")
            or OPINION_SECTION.search(raw.html or "")
            or OPINION_DISCLAIMER.search(" ".join([cleaned.body, *cleaned.removed]))):
        return {**metadata, "opinion": True}
    return metadata


def _found_date(article: HtmlArticle | None, cleaned: CleanText) -> tuple[datetime | None, str | None]:
    """The date the report itself states, and where: the page's metadata, its "Published"
    line, its dateline, then an "Updated" line (a date after publication, the last resort)."""
    published_line = None if cleaned.stamp_updated else cleaned.stamped
    updated_line = cleaned.stamped if cleaned.stamp_updated else None
    for day, source in ((article.date if article else None, "page"), (published_line, "published line"),
                        (cleaned.dated, "dateline"), (updated_line, "updated line")):
        if day is not None:
            return day, source
    return None, None


def published_warning(doc: Document) -> str | None:
    """One line telling the user that a given publication date could not be read, or was read
    one of two ways ("02/03/2015"); None when there is nothing to tell. It is a warning, not a
    rejection: the report is still used."""
    given = doc.metadata.get(UNREAD)
    if given is None:
        guessed = doc.metadata.get(AMBIGUOUS)
        if guessed is not None and doc.published is not None:
            return f"{doc.origin}: {ambiguous_date_note(str(guessed), doc.published)}"
        return _future_note(doc)
    if doc.published is None:
        outcome = "report kept undated"
    else:
        found = doc.metadata.get("published_from") or "report"
        outcome = f"dated {doc.published.date().isoformat()} from its {found} instead"
    return f"{doc.origin}: cannot read published date {str(given)!r}; {outcome}"


# Common English words: a news report in English uses them in nearly every sentence ("the",
# "of", "and", "to", "in", "said"); a report in another language hardly ever.
ENGLISH_MARKERS = frozenset("the of and to in is was were said that for on with by from has have at".split())
ENGLISH_SHARE = 0.015  # below this share of such words, a text of 30+ words is not English (Spanish: 0;
# English pages, even menus and keyword lists, 0.02 and up on the TREC TS and DUC corpora)
MIN_WORDS_FOR_LANGUAGE = 30
# function words of German, French and Spanish that English text (names included: "Los Angeles",
# "de la", "El Salvador" are left out) hardly uses; on the TREC TS and DUC streams they outnumber
# the English markers in one report of 11,016, which is in German
OTHER_LANGUAGE_MARKERS = frozenset("der das und ist nicht mit den des dem hat auf für sich eine einen wurde sind "
                                   "wird por para una que con les et est pour dans sur une avec qui".split())
MIN_WORDS_FOR_OTHER = 8


def document_warnings(doc: Document) -> list[str]:
    """Every warning line a kept report deserves: its date (``published_warning``), its language."""
    return [w for w in (published_warning(doc), language_warning(doc)) if w]


def language_warning(doc: Document) -> str | None:
    """storyline reads English: a report in another language groups poorly and yields no facts,
    so the user is told rather than left to wonder why it stands alone."""
    words = re.findall(r"[^\W\d_]+", doc.text.lower())
    english = sum(1 for w in words if w in ENGLISH_MARKERS)
    if len(words) >= MIN_WORDS_FOR_LANGUAGE:
        foreign = english < ENGLISH_SHARE * len(words)
    else:  # a short brief: too few words to miss English ones, so count another language's instead
        other = sum(1 for w in words if w in OTHER_LANGUAGE_MARKERS)
        foreign = len(words) >= MIN_WORDS_FOR_OTHER and other >= 3 and other > english
    if not foreign:
        return None
    return f"{doc.origin}: the text does not read as English; storyline reads English only, so its facts may be missed"


FUTURE_SLACK = timedelta(days=1)  # time zones and embargoed copy: a day ahead is still today


def _future_note(doc: Document, now: datetime | None = None) -> str | None:
    """A publication date after today is most likely a typo or a misread date; it would head
    the index and stretch the story's span, so the user hears of it."""
    if doc.published is None:
        return None
    published = doc.published if doc.published.tzinfo else doc.published.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    if published <= now + FUTURE_SLACK:
        return None
    return f"{doc.origin}: published date {published.date().isoformat()} is in the future; kept as given"


def site_of(url: str | None) -> str | None:
    """The site a report's address names, as its outlet when none is given
    ('https://www.tarsk-post.example/news' -> 'tarsk-post.example')."""
    if not url or not url.startswith(("http://", "https://")):
        return None
    return (urlsplit(url).hostname or "").removeprefix("www.") or None


# --- the outlet a page names ---------------------------------------------------------
# Metadata names the outlet (the report's own ``source``, og:site_name, a JSON-LD publisher); a
# page without it still says whose it is in its title ("Headline | Outlet") or copyright line.

MAX_OUTLET_WORDS = 6
MAX_OUTLET_CHARS = 60
MAX_DASH_OUTLET_WORDS = 4  # a name after a dash, taken on its looks alone
MIN_LOWER_HEADLINE_WORDS = 2  # lower-case words that make a headline sentence-cased
_STRONG_SEPARATOR = re.compile(r"\s+[|·•‹›«»]\s+")  # never inside a headline
_WEAK_SEPARATOR = re.compile(r"\s+[-–—]\s+")  # a dash: often inside the headline itself
_OUTLET_SMALL_WORDS = frozenset({
    "the", "of", "and", "&", "de", "la", "le", "el", "al", "du", "des", "for", "on", "in", "at",
})
_DOMAIN_FORM = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")
_COPYRIGHT_MARK = re.compile(r"^(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*", re.IGNORECASE)
_YEARS = r"(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?"
_LEADING_YEAR = re.compile(rf"^{_YEARS}\s*,?\s*")
_TRAILING_YEAR = re.compile(rf"^(?P<name>.+?),?\s+{_YEARS}(?:\W|$)")
# where a holder's name ends: a sentence, a separator, "All rights reserved", or the footer's links
# run on without one ("Los Angeles Times Terms of Service")
_CLAUSE_END = re.compile(r"\.(?:\s|$)|\s[|\u00b7\u2022\u2013\u2014-]\s|,|;|\ball rights\b"
                         r"|\s(?=(?:terms|privacy|contact|about us|sitemap|cookies?|advertise|subscribe)\b)",
                         re.IGNORECASE)
_PAGE_INLINE = frozenset({"a", "span", "b", "strong", "em", "i", "small", "abbr", "time", "sup", "sub", "font", "u"})


def _outlet(raw: RawReport, cleaned: CleanText, article: HtmlArticle | None) -> str | None:
    """The report's outlet: given metadata, then the page's own name for itself, then its address."""
    host = site_of(raw.url or (article.url if article else None))
    sitename = article.sitename if article else None
    if raw.source or (sitename and not _DOMAIN_FORM.match(sitename)):
        return raw.source or sitename  # trafilatura gives the address as sitename when the page names none
    return page_outlet(raw, cleaned, host) or sitename or host


def page_outlet(raw: RawReport, cleaned: CleanText, host: str | None = None) -> str | None:
    """The outlet a page names: its title's suffix ("Headline | Outlet"), else its copyright line;
    ``host``, the page's address, only confirms a name ("Benelux Courier" ~ benelux-courier.be)."""
    root = _page_root(raw.html) if raw.html and raw.html.strip() else None
    holder = _last(copyright_holder(line) for line in [*cleaned.removed, *_copyright_lines(root)])
    headlines = [t for t in (raw.title, cleaned.title, *_page_headlines(root)) if t]
    for title in (_page_title(root), raw.title, cleaned.title):
        names = [n for n in (holder, host and site_label(host)) if n]
        name = title_outlet(title, headlines, names, cleaned.body) if title else None
        if name:
            return name
    return holder


def title_outlet(title: str, headlines: Sequence[str] = (), names: Sequence[str] = (), body: str = "") -> str | None:
    """The outlet a page title names: "Headline | Outlet", "Outlet | Headline", "Headline - Outlet".

    A part that matches a name the page gives elsewhere (its copyright line, its address) is taken
    at once. Otherwise the part must read as a name on its own, and be set off from the headline:
    by "|" after a headline (not in a list of tags: "Met | Cyclone Nilam | Bay of Bengal"), or by
    a dash when the rest is the page's headline (its <h1>), or is sentence-cased while the part is
    short, title-cased and either an organisation's name ("... Times") or not the story's subject,
    which the ``body`` would name ("Peru floods - 41 dead" keeps its dash, and so does "Storm gets
    a name - Cyclone Nilam").
    """
    title = _fold(title)
    known = {_fold(h).casefold() for h in headlines}
    agreed = {_squash(n) for n in names}
    for separator in (_STRONG_SEPARATOR, _WEAK_SEPARATOR):
        cuts = list(separator.finditer(title))
        if not cuts:
            continue
        strong = separator is _STRONG_SEPARATOR
        suffix, before = title[cuts[-1].end():], title[:cuts[-1].start()]
        prefix, after = title[:cuts[0].start()], title[cuts[0].end():]
        headline = separator.split(title)[0]
        set_off = (strong and len(_words(headline)) >= MIN_HEADLINE_WORDS or before.casefold() in known
                   or len(suffix.split()) <= MAX_DASH_OUTLET_WORDS and _sentence_cased(before)
                   and (is_organisation(suffix) or not _named_in(suffix, body)))
        for name, apart in ((suffix, set_off), (prefix, after.casefold() in known)):
            if is_outlet_name(name) and (_squash(name) in agreed or apart and _named_alone(name)):
                return name
    return None


def _named_in(name: str, body: str) -> bool:
    """Whether the body names any word of ``name``: then it is the story's subject, not its outlet."""
    words = {w.casefold() for w in re.findall(r"\w{3,}", name)} - _OUTLET_SMALL_WORDS
    return any(w in words for w in re.findall(r"\w{3,}", body.casefold()))


def _named_alone(name: str) -> bool:
    """Whether a title's last part is a name without support from elsewhere on the page: several
    words ("Harbour City Gazette"), or one that no section is called ("AFP", "TechCrunch",
    "Example.com", "Reuters"); a lone common word ("Transport", "Culture") may be the section."""
    return (len(name.split()) > 1 or bool(_DOMAIN_FORM.match(name)) or is_organisation(name)
            or any(c.isupper() or c.isdigit() for c in name[1:]))


def _sentence_cased(text: str) -> bool:
    """A headline written in sentence case ("Dockworkers strike over pay"), so a title-cased part
    after it is something else; title-case headlines ("Dockworkers Strike Over Pay") say nothing."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text)[1:] if w.lower() not in _SMALL_WORDS]
    return sum(1 for w in words if w[:1].islower()) >= MIN_LOWER_HEADLINE_WORDS


def copyright_holder(line: str) -> str | None:
    """Who a copyright line names: "© 2026 Benelux Courier" and "Copyright 2026 Benelux Courier.
    All rights reserved." -> "Benelux Courier"; a line without a year names no outlet."""
    mark = _COPYRIGHT_MARK.match(_fold(line))
    if not mark:
        return None
    rest = _fold(line)[mark.end():]
    year = _LEADING_YEAR.match(rest)
    if year:
        rest = rest[year.end():]
    else:
        trailing = _TRAILING_YEAR.match(rest)
        if not trailing:
            return None
        rest = trailing["name"]
    name = _CLAUSE_END.split(rest, maxsplit=1)[0].strip(" .,:;-")
    name = re.sub(r"^by\s+", "", name, flags=re.IGNORECASE)
    return name if is_outlet_name(name) else None


def is_outlet_name(text: str) -> bool:
    """Whether a title part or copyright holder reads as a name: short, capitalised, no sentence,
    and not a section ("World News") or a page number."""
    name = text.strip()
    words = name.split()
    if not words or len(words) > MAX_OUTLET_WORDS or len(name) > MAX_OUTLET_CHARS:
        return False
    if _ends_sentence(name) and not _DOMAIN_FORM.match(name) or re.search(r"[?!:;\"“”]", name):
        return False
    lowered = [w.lower() for w in words]
    if all(w in _NAV_WORDS or w in _OUTLET_SMALL_WORDS for w in lowered) or lowered[0] in ("page", "part"):
        return False
    if not words[0][:1].isupper() or lowered[0] in _OUTLET_SMALL_WORDS - {"the"}:
        return False  # "41 Dead", "and more": a headline's tail
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _OUTLET_SMALL_WORDS for w in words)


def _squash(name: str) -> str:
    """A name as letters only, to match it with an address: "The Benelux Courier" ~ "benelux-courier"."""
    return re.sub(r"^the", "", re.sub(r"[\W_]", "", name.casefold()))


def _last(values: Iterable[str | None]) -> str | None:
    found = [v for v in values if v]
    return found[-1] if found else None


def _page_title(root: HtmlElement | None) -> str | None:
    element = root.find(".//head/title") if root is not None else None  # not an icon's <svg><title>
    return (_fold(element.text_content()) or None) if element is not None else None


def _page_headlines(root: HtmlElement | None) -> list[str]:
    """The page's headline as its <h1>s and og/twitter titles give it, to tell a title's suffix from its headline."""
    if root is None:
        return []
    found = [_fold(h.text_content()) for h in root.iter("h1")]
    found += [_fold(m.get("content") or "") for m in root.iter("meta")
              if (m.get("property") or m.get("name") or "").lower() in ("og:title", "twitter:title")]
    return [h for h in found if h]


def _copyright_lines(root: HtmlElement | None) -> list[str]:
    """The page's copyright lines (its footer, which trafilatura drops), from the mark onwards."""
    if root is None:
        return []
    found: list[str] = []
    marks = root.xpath("//text()[contains(., '©') or contains(., '(c)') or contains(., '(C)') or "
                       "contains(translate(., 'COPYRIGHT', 'copyright'), 'copyright')]")
    for text in marks:
        block = text.getparent()
        if text.is_tail and block is not None:
            block = block.getparent()
        while block is not None and block.tag in _PAGE_INLINE and block.getparent() is not None:
            block = block.getparent()
        if block is None or _in_figure(block):
            continue  # a photo's credit names the photographer or agency, not the outlet
        whole, start = _fold(block.text_content()), _fold(str(text))
        at = whole.find(start)
        found.append(whole[at:] if at >= 0 else start)
    return found


def _in_figure(element: HtmlElement) -> bool:
    figure = ("figure", "figcaption")
    return element.tag in figure or next(element.iterancestors(*figure), None) is not None


def _with_entry_times(metadata: dict, entry_times: list[dict[str, str | int]]) -> dict:
    """A live blog's entry times, kept beside the text they were cut from (see :class:`CleanText`)."""
    return {**metadata, "entry_times": entry_times} if entry_times else metadata


def _with_date_source(raw: RawReport, source: str | None) -> dict:
    """Say where a publication date came from when it was not given with the report."""
    if raw.published or source is None:
        return raw.metadata
    return {**raw.metadata, "published_from": source}


# --- furniture shared by an outlet -------------------------------------------------

SAME_STORY = 0.5  # share of sentences above which two reports are versions of one story


@dataclass(frozen=True)
class _Lines:
    lines: frozenset[str]  # every line, as line_key
    sentences: frozenset[str]  # the sentence-shaped lines, to tell stories apart


def repeated_furniture(texts_by_outlet: Mapping[str, Sequence[str]], min_reports: int = 3) -> frozenset[str]:
    """Lines (as :func:`line_key`) that repeat across ``min_reports`` reports of one outlet.

    Updates of one story share their paragraphs, so reports that share most of their
    sentences count once; only lines repeated across different stories are furniture.
    """
    found: set[str] = set()
    for texts in texts_by_outlet.values():
        found |= _outlet_furniture([_line_sets(t) for t in texts], min_reports)
    return frozenset(found)


def _line_sets(text: str) -> _Lines:
    lines = [line.strip() for line in normalise_whitespace(text).split("\n") if line.strip()]
    return _Lines(
        lines=frozenset(line_key(line) for line in lines),
        sentences=frozenset(line_key(line) for line in lines if _ends_sentence(line) and len(_words(line)) >= 4),
    )


def _outlet_furniture(reports: Sequence[_Lines], min_reports: int) -> set[str]:
    counts: dict[str, int] = {}
    for report in reports:
        for key in report.lines:
            counts[key] = counts.get(key, 0) + 1
    candidates = [k for k, n in counts.items() if n >= min_reports]
    return {k for k in candidates if _distinct_stories(reports, k) >= min_reports}


def _distinct_stories(reports: Sequence[_Lines], key: str) -> int:
    """How many reports containing ``key`` are not versions of one another."""
    kept: list[_Lines] = []
    for report in reports:
        if key in report.lines and not any(_same_story(report, other) for other in kept):
            kept.append(report)
    return len(kept)


def _same_story(a: _Lines, b: _Lines) -> bool:
    smaller = min(len(a.sentences), len(b.sentences))
    return smaller > 0 and len(a.sentences & b.sentences) / smaller > SAME_STORY
