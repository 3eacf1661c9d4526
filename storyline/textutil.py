"""Small text helpers shared by the analysis stages (stems, content words)."""

from __future__ import annotations

import re
from collections import Counter
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
# "..., he said." / '"...," she said': the speaker is named in a sentence left behind
PRONOUN_SPEAKER = re.compile(r"[,!?][\"'\u201d\u2019]*\s*(?:he|she|they|it)\s+(?:said|says|added|adds|told|reported)\b",
                             re.IGNORECASE)
_PAGE_MARKS = re.compile(
    r"\b(?:published|updated|posted|author)\s?:|\bvideo loading\b|\bwatch video\b|\bphoto gallery\b"
    r"|&(?:amp|quot|raquo|laquo|nbsp|#\d+);|\bclick here\b|\brelated links?\b"
    r"|\bemail print\b|\bprint share\b|\bsend feedback\b|\b(?:hot|popular) topics\b|\u00c2|\u00e2\u20ac"
    r"|\bwelcome to (?:our|the) (?:live|rolling|continuing) (?:coverage|blog|updates)\b|^follow (?:the|our) (?:latest|live)(?: updates| coverage| news)?\W*$"
    r"|\bthis (?:live )?blog (?:is|has) (?:now )?(?:closed|ended)\b"
    r"|\ban earlier version of this (?:story|article|report)\b|\bthis (?:story|article) (?:has been|was) (?:corrected|updated)\b"
    r"|^correction\s*:"
    # pointers to the page around the text: "Below: how the papers reported it", "the video above"
    r"|^(?:below|above)\s*:|\b(?:video|photos?|pictures?|images?|gallery|slideshow|map|graphic|chart|tweets?)"
    r"\s+(?:below|above)\b|\b(?:see|watch|read|listen|scroll down|pictured)\s+(?:below|above)\b"
    # a page's own links and ads: "Skip to content", "Share/Bookmark", "Ads by Google"
    r"|\bskip to (?:the )?(?:main |local )?(?:content|navigation|search)\b|\bshare\s?/\s?bookmark\b|\bads by google\b",
    re.IGNORECASE,
)
_CLOCK_START = re.compile(r"^\d{1,2}:\d{2}\b")
# Stamps prose does not write: machine dates, a feed item's age, photo credits
_STAMP = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:19|20)\d{2},?\s\d{1,2}:\d{2}\b|\b\d+\s+(?:hours?|mins?|minutes?)\s+ago\b"
    r"|\b(?:Getty Images|AFP|AP Photo|Reuters|EPA)\s*/|/\s*(?:AFP|Getty|Reuters|AP)\b")
# A feed item's time stamp after its headline: "... as Sandy bears down 10:43 a.m."; prose ends
# on a clock time only after a word that places it ("occurred at approximately 2:25 a.m.")
_CLOCK_END = re.compile(r"(\S+)\s+(\S+)\s+\d{1,2}:\d{2}\s?[ap]\.?m\.?$", re.IGNORECASE)
_CLOCK_PLACERS = frozenset({"at", "by", "until", "till", "before", "after", "around", "about", "from", "to",
                            "since", "near", "past", "between", "and", "or", "approximately", "roughly",
                            "shortly", "just", "nearly", "almost", "some", "of", "on", "as", "than"})
# A headline of a numbered list: "Two fires kill 310 people in Pakistan 3.", "... 'domestic
# terrorism' 5." (prose does not close a quotation with a bare digit)
_LIST_NUMBER = re.compile(r"\b([A-Z][a-z]+) [1-9]\.$|\w['\u2019\"] [1-9]\.$")
# Scraping debris: words run together ("articleBack"), a broken entity ("& gt;"), a live-blog
# or update stamp in front ("1.15pm Turkish time:", "Updated 12:29 p.m."), an outlet after a
# dash at the end ("... kills at least 18 - Trend.")
_DEBRIS_CASED = re.compile(r"\b[a-z]{4,}[A-Z][a-z]")
_DEBRIS = re.compile(
    r"&\s?(?:gt|lt|amp|quot|nbsp);"
    r"|^\d{1,2}[.:]\d{2}\s?(?:am|pm|a\.m\.|p\.m\.)|^(?:last\s)?(?:updated|posted|published)\b\W{0,3}\d"
    r"|\s[-\u2013]\s[A-Za-z.]+(?:\s\d+)?\.$"
    r"|\?{3}", re.IGNORECASE)  # characters the page's encoding lost: "leaves 70 dead???????:???"
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
           "Sept", "Oct", "Nov", "Dec"}
_LONG_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")
_SHOUT = re.compile(r"\b[A-Z]{3,}\b")
_PHRASE_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|\d[\d.,]*")
QUOTED = re.compile(r"``.*?''|\"[^\"]*\"|\u201c[^\u201d]*\u201d")
REPEATED_PHRASE = 3  # times a pair of content words recurs in a run of headlines, not in a sentence
# A run of capitalised words no name is that long: a menu or a tag list glued to a sentence
# ("... shooting Dining Offers Local Coupons Newsletters Real Estate Contests Mobile ..."); a
# name with its titles reaches nine ("Los Angeles County Superior Court Judge Mary Ann Lee").
CAPITAL_RUN = 10
_CAPITALISED = re.compile(r"^[A-Z][A-Za-z'&-]*$")
HEADLINE_CASE_SHARE = 0.75  # prose rarely capitalises three in four of its longer words
# Headlines listed without punctuation run on into one "sentence": the next headline restarts
# with a capital in mid-line ("... 49 killed Oh dear, another crash", "... high alert declared
# Ten to fifteen feared killed", "... earthquake victims Villagers mourn family"). Prose does not
# capitalise a number word, an article, a pronoun, a preposition or a plain plural noun after a
# lower-case word; where such a word is part of a name or a title ("the Group of Eight summit",
# "read A Tale of Two Cities", "the Fund for Victims of ...") it follows a function word or is
# followed by another capital, so the rule wants a lower-case word on both sides. (Of 24,770
# newswire sentences, two match: a subhead run into its paragraph and a reference line.)
_RESTART_WORDS = (
    "One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Fifteen|Twenty|Thirty|Forty|Fifty"
    "|Hundreds|Thousands|Millions|Dozens|Scores"
    "|The|A|An|He|She|They|We|It|You|There|This|These|Those|Oh"
    "|In|At|On|For|With|After|Before|From|By|To|As"
    "|Police|Villagers|Residents|Officials|Rescuers|Witnesses|Survivors|Authorities|Troops|Firefighters"
    "|Listen|Watch|Read|See"
    "|Several|Many|Some|Most|All|Both|Each|Every|Another|Few|No|More|Other"
    "|If|When|While|But|And|Although|Because|What|Why|How")
# A headline's opening adjective or noun ("... earthquake victims Powerful quake hits ...",
# "... killing 70 Building collapses in ..."); before "of", "and" or "is" it may open a title
# ("the play Death of a Salesman"), so the word after it must carry content.
_RESTART_NOUNS = (
    "Powerful|Deadly|Massive|Strong|Huge|Heavy|Fresh|Fatal|Major|Rare|Tragic|Severe"
    "|People|Man|Woman|Children|Families|Victims|Gunman|Suspect|Death|Toll|Fire|Blast|Blasts|Bomb|Bombs"
    "|Storm|Flood|Floods|Quake|Earthquake|Train|Building|Shooting|Attack|Attacks|Crash|Explosion|Explosions"
    "|Collapse|Rescue|Fires")
_TITLE_GLUE = "of|and|or|the|a|an|to|in|on|at|for|is|are|was|were"
# Words a capital may follow in a name or a title ("Group of Eight", "phase Two", "because He"
# of God in a quotation); a restart never follows them.
_RESTART_AFTER_NOT = (
    "of|the|and|or|nor|but|for|a|an|to|in|on|at|by|with|from|as|than|that|which|who|whom|whose"
    "|because|if|when|while|where|so|category|phase|part|stage|level|grade|class|type|channel"
    "|number|chapter|act|article|section|volume|round|day|week|year|season|game")
# A headline's label restarting after a lower-case word or after the line's first two words:
# "Temple shooting Police: 7 dead in ...", "More Information Police: 7 dead", "... main story
# Analysis: rail safety"; prose introduces a quotation with a comma or "said".
_LABELS = ("Police|Officials|Witnesses|Residents|Authorities|Doctors|Report|Reports|Video|Photos|Pictures"
           "|Update|Live|Exclusive|Breaking|Analysis|Opinion|Watch|Listen")
_RESTART_LEAD = rf"(?:\b(?!(?:{_RESTART_AFTER_NOT})\s)[a-z]+|\b\d[\d,.]*)\s"
_RESTART = re.compile(rf"\b(?!(?:{_RESTART_AFTER_NOT})\s)[a-z]+\s(?:{_LABELS}):\s|^\S+\s\S+\s(?:\S+\s)*(?:{_LABELS}):\s"
                      rf"|{_RESTART_LEAD}(?:{_RESTART_WORDS})\s[a-z]"
                      rf"|{_RESTART_LEAD}(?:{_RESTART_NOUNS})\s(?!(?:{_TITLE_GLUE})\b)[a-z]")


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
    if _STAMP.search(stripped) or _DEBRIS_CASED.search(stripped) or _DEBRIS.search(stripped):
        return True
    stamp = _CLOCK_END.search(stripped)
    if stamp and not {stamp.group(1).lower(), stamp.group(2).lower()} & _CLOCK_PLACERS:
        return True
    listed = _LIST_NUMBER.search(stripped)
    if listed and listed.group(1) not in _MONTHS:
        return True
    if stripped.endswith("!") or len(_SHOUT.findall(stripped)) >= 3:
        return True  # exclamations and shouting are blog and headline style, not report prose
    if _RESTART.search(stripped):
        return True  # headlines run together: "... crash disaster Ten to fifteen feared killed"
    return headline_case(stripped) or _repeats_a_phrase(stripped) or _capital_run(stripped)


def _capital_run(text: str) -> bool:
    run = 0
    for word in text.split():
        run = run + 1 if _CAPITALISED.match(word) else 0
        if run >= CAPITAL_RUN:
            return True
    return False


def _repeats_a_phrase(text: str) -> bool:
    """Related headlines run together ("... Osk flood: 45 dead, governor visits Osk flood: seven
    workers among dead Osk flood: ..."): one sentence of prose does not say the same two
    content words three times."""
    tokens = [w.lower() for w in _PHRASE_WORD.findall(QUOTED.sub(" ", text))]  # "a great day, a great day"
    seen = Counter((a, b) for before, a, b in zip(["", *tokens], tokens, tokens[1:])
                   if a not in STOPWORDS and b not in STOPWORDS  # "the town of" recurs in lists
                   and not before[:1].isdigit())  # "20 million dollars, 13 million dollars"
    return bool(seen) and max(seen.values()) >= REPEATED_PHRASE


# A web address in the text: a link, or an outlet's domain run into a scraped teaser
# ("... after invasion - News - Boston.com"); "Amazon.com Inc." is a name, but a sentence that
# says it has a cleaner telling elsewhere when one exists.
_WEB_ADDRESS = re.compile(r"https?:|\bwww\.|\b[A-Za-z][\w-]*\.\s?(?:com|net|org|co\.uk)\b")


@lru_cache(maxsize=100_000)
def reads_as_report_prose(text: str) -> bool:
    """The sentence reads as the report's own prose: it opens on a capital, a digit or a quote,
    names no web address and is no page furniture (``reads_as_furniture``). Where several
    sentences state the same thing, this one is the one to show. Cached: a figure asks it of the
    same sentence once for every other report that gives the same number."""
    stripped = text.strip()
    opening = stripped.lstrip("\"'\u201c\u2018(")
    if not opening or not (opening[0].isupper() or opening[0].isdigit()):
        return False  # "com At least seven ...": the tail of a link cut by the sentence splitter
    return not _WEB_ADDRESS.search(stripped) and not reads_as_furniture(stripped)
