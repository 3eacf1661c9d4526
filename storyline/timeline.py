"""Dated timeline of one story: what happened on which day, with the reports that say so.

Two kinds of candidates. A sentence whose day-precision date stands on an event word
("attacked early yesterday", "stormed the plant on Thursday") is dated by its own words;
a date that sits only on a reporting verb ("..., officials said Friday") dates the
statement, and a date in the content wins over it. A sentence with no temporal
expression that tells an event (not a plan: "will", "plans to") is dated by its
report's day, but only when the fact is new that day: when an earlier day's report
said much the same, it is background, already dated by that report (so is a pluperfect
"The group had demanded $4.5 million." whose words one earlier day's sentence nearly all
holds). Below a report's lead, two kinds of undated sentence are background, not the
report day's news: an active perfect with no day ("The company has proposed a national
settlement"; not a count, "the toll has reached 49", nor the passive "have been killed")
and a sentence next to one naming an earlier year (a passage of history told in the simple
past: "In 2009 he was acquitted. A civil jury later found him liable"). A later day's
sentence that retells an event an earlier day's entry holds, in other words and tenses
("Two people have been killed when a helicopter hit a crane" after "The pilot died this
morning after his helicopter crashed into a crane"), cites that entry instead of making one
on its report's day, unless it states a number the story had not printed before. An hour
later than its report's own time ("broke out at about 11 p.m." in a morning report) is the
night before, when the report itself dates events on that day.

Days are chosen by news: a day counts when its reports first publish a share of the
richest day's new words (words two reports use), or when as many reports date events
on it by their own words as the story's first day has reports; so a history date one
report mentions or a busy day of restatements makes no day. Only running prose makes
an entry (no headline runs, menus or markup left by the page). Candidates about the
same event on the same day are merged and cite every report; entries are then chosen
greedily by what they add to the chosen entries of their day and the days next to it
(words weighted by how many reports use them, more for sentences that keep to the story,
state several kinds of fact and carry the date on their event word), so a day's entries
tell different facts and a day does not retell the day before. With a sentence
encoder, a sentence's closeness in meaning to the story's centre (what its reports tell,
each in its own words) replaces its share of story words in that ranking; only each
day's best entries by words are encoded. A day holds at most
``per_day`` entries (the user's limit, even on the busiest day), and the overall limit
leaves no chosen day empty. Sentences are quoted verbatim: nothing invented.

The event a date belongs to is read from ``TimeMention.governor`` (the word the parse
attached the date to, recorded by the temporal stage); without it, or when the governor
is no event word ("began Wednesday when militants seized..."), the event word nearest
the date stands in. Which date dates the sentence is read from ``TimeMention.clause``:
a date in a relative, participial or adverbial clause ("the paintings stolen on Monday,
prosecutors said on Thursday") loses to a date of the main clause, the reporting verb's
included; a date on a noun that names no event ("a premium to Friday's closing price")
dates nothing. A date on the main clause's own verb makes an event even when no event
word names it ("Yesterday, engineers reopened the bridge"). A story's outcome is often
told once, by its last report: a day just after the story's last news day counts when a
report's headline tells the event its own sentence dates on it; and a later day that one
report alone publishes counts when its lead dates its headline's event on that day and no
earlier report told it (a slow story's new death or official finding). An entry cites one
passage per report: the sentence of that report that states it. Known limits: one date
per sentence (the first content date that governs an event word, else the first); tense is read from a few words, not the parse;
reports without a publication date are not re-anchored on other reports, so only their
explicit, year-bearing dates count; captions are never read (``Document.captions``).
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta

import numpy as np

from storyline.models import Citation, Document, Sentence, TimeMention, TimelineEntry
from storyline.temporal import document_day
from storyline.textutil import PRONOUN_SPEAKER, content_stems, reads_as_furniture, stem

DATED_KINDS = ("absolute", "weekday", "relative")
HISTORY_DAYS = 30  # how far before the first report a date can still belong to the story
FUTURE_DAYS = 1  # how far after the last report (time zones, "tomorrow")
MERGE_JACCARD = 0.3  # two sentences of one day tell the same event
SUPPORT_JACCARD = 0.4  # a sentence anywhere in the story repeats an entry's fact
FRESH_JACCARD = 0.5  # a sentence repeats a fact already reported on an earlier day
TOLD_SHARE = 0.8  # ... or this share of its words are in one earlier day's sentence
TOLD_JACCARD = 0.15  # (the least overlap at which that is looked for)
BURST_SHARE = 0.2  # undated stories: a day counts when this share of the busiest day's
#                    reports bring news
FRESH_SHARE = 0.05  # a day counts when it first publishes this share of the richest day's
#                     new words
SPAN_REACH = 6  # words after "a week after" that can name the event it counts from
HEADLINE_SHARE = 0.6  # a sentence tells its report's headline when it has this share of its words
LEAD_SHARE = 0.5  # the report's lead needs less: it retells the headline in other tenses
#                   ("report finds" / "found"), which word stems do not match
NEWS_VOICES = 2  # reports that must repeat a word for it to be news, not a stray
GOVERNED_BONUS = 1.5  # a date on the event word itself ("stormed the plant on Thursday")
#                       dates the event surely; other sentences may retell an older day
TOPIC_POWER = 0.5  # how much a sentence's share of story words (vs stray page text) counts
CENTRE_POWER = 0.75  # with an encoder: how much a sentence's closeness in meaning to the
#                      story's centre counts (instead of its share of story words)
ENCODED_PER_PLACE = 4  # with an encoder, only each day's best entries by words are encoded
#                        (encoding is the slow part): this many per place the day has
FACET_BONUS = 0.25  # per kind of fact a sentence states: a number, a place, an actor, an event
PRIOR_SHARE = 0.1  # a day before the first report needs this share of the reports naming it
TOLD_REACH = 1  # days either side whose chosen entries make a fact old news
NEW_WORDS = 1  # new words a sentence needs to bring news
COMMON_SHARE = 0.2  # words in more sentences than this share do not make sentences alike
RETOLD_WORDS = 2  # words besides the event word a retelling shares with the earlier sentence
#                   ("helicopter", "crane")
RETOLD_REACH = 3  # earlier sentences compared with each later one: those with most words in common
RETOLD_COSINE = 0.8  # with an encoder: this close in meaning, a later sentence retells an earlier
RETOLD_SHARE = 0.8  # without one: this share of its words in what one earlier entry's reports said
AUTO_PER_DAY = (3, 8)  # entries a day when the user sets none: the overall limit shared among
# the story's days, within these bounds (a two-day siege gets 8 a day, a fortnight 3)
LEAD_SENTENCES = 3  # a report's opening sentences tell its own news ("A judge has issued a gag
#                    order"); further down, an undated perfect is background
HISTORY_REACH = 2  # below the lead, an undated sentence this close to one naming an earlier
#                    year tells that history ("In 1995 he was acquitted. A civil jury later ...")
MIN_WORDS = 4
MAX_WORDS = 60  # longer "sentences" are menus or run-together teasers, not events

# Event classes and words that name them; salience ranks entries of equal support.
EVENT_WORDS: dict[str, tuple[str, ...]] = {
    "attack": ("attack", "assault", "raid", "seize", "seizure", "kidnap", "kidnapped",
               "kidnapping", "abduct", "abducted", "hijack", "hijacking", "capture", "ambush",
               "bomb", "bombing", "siege"),
    "assault": ("storm", "stormed", "storming", "rescue", "retaliate", "retaliated",
                "intervention", "offensive", "counterattack"),
    "escape": ("escape", "escaped", "fled", "flee", "freed", "free", "release", "released"),
    "deaths": ("kill", "killed", "killing", "die", "died", "dead", "death", "deaths", "slain",
               "wounded", "injured", "massacre"),
    "violence": ("shoot", "shooting", "fire", "fired", "explode", "exploded", "explosion",
                 "clash", "clashes", "fight", "fighting", "arrest", "arrested"),
    "negotiation": ("negotiate", "negotiating", "negotiation", "negotiations", "talks",
                    "mediate", "mediating", "truce", "ceasefire"),
    "offer": ("offer", "offered", "demand", "demanded", "propose", "proposed"),
    "evacuation": ("evacuate", "evacuated", "evacuation", "airlift", "withdraw", "withdrew"),
    "meeting": ("meet", "met", "meeting", "summit", "vote", "voted", "sign", "signed",
                "resign", "resigned", "launch", "launched", "protest", "protested"),
    "statement": ("said", "says", "say", "told", "announce", "announced", "express",
                  "expressed", "statement", "declare", "declared", "warn", "warned",
                  "condemn", "condemned", "urge", "urged", "confirm", "confirmed"),
}
SALIENCE = {"attack": 3.0, "assault": 3.0, "deaths": 3.0, "escape": 2.5, "violence": 2.5,
            "offer": 2.0, "negotiation": 2.0, "evacuation": 2.0, "meeting": 1.5,
            "statement": 1.0}
EVENT_OF_STEM = {stem(w): event for event, ws in EVENT_WORDS.items() for w in ws}
TIME_STEMS = {stem(w) for w in (
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow "
    "tonight morning afternoon evening night day days week weeks month months year years "
    "ago earlier later early late last next january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct "
    "nov dec").split()}

STATE_VERBS = {"be", "have", "remain", "seem"}  # "was cold on Thursday" tells a state, not an event
REPORTING_LEMMAS = {"say", "tell", "announce", "report", "state", "add", "confirm", "declare"}
REPORTING = r"(?:said|says|told|tells|announced|reported|stated|added|confirmed|declared)"
UNTIL = re.compile(r"\b(?:until|till|through)\s+(?:at\s+least\s+)?(?:next\s+)?$", re.IGNORECASE)  # a state's end, not an event
# "reached a deal prior to a Thursday hearing", "left before Friday": the date bounds the event,
# it is another thing's day (a possessive "before Friday's vote" is read by REFERS_BACK)
BEFORE = re.compile(r"\b(?:before|prior\s+to|ahead\s+of)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
# "had been treated since the blaze on October 5": the date names the day a state began;
# it still tells that the blaze was that day (the day counts), but the sentence is no entry
SINCE = re.compile(r"\bsince\s+(?:(?:the|a|an|this|that|its|his|her|their|last)\s+)?(?:[a-z-]+\s+){0,2}(?:on\s+)?$",
                   re.IGNORECASE)
REPORTED_BEFORE = re.compile(rf"\b{REPORTING}(?:\s+[A-Za-z]+)?\s+(?:on\s+)?$", re.IGNORECASE)
REPORTED_AFTER = re.compile(rf"^\s*,?\s*{REPORTING}\b", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z]+")
FUTURE = re.compile(r"\b(?:will|shall|going to|plan(?:s|ning)? to|intends? to|expected to|set to|scheduled to)\b|'ll\b",
                    re.IGNORECASE)
# a past participle: regular, or one of the common irregular ones
PARTICIPLE = (r"(?:[a-z]+(?:ed|en|wn)|fled|sent|left|found|held|told|said|made|paid|lost|won|hit|struck|"
              r"fought|brought|caught|sought|spent|built|kept|met|led|shot|set|put|cut|spread|begun|run|"
              r"come|gone|become|sold|stolen)")
# "had demanded", "had already been warned", "had fled": the pluperfect of background
PLUPERFECT = re.compile(
    r"\bhad\s+(?:(?:not|already|also|just|never|previously|earlier|long|\w+ly)\s+)?(?:been\s+)?"
    rf"{PARTICIPLE}\b")
# "The company has proposed a settlement", "she has emerged as ...": the active present perfect
# with no day tells the day's news in a report's lead, a state or background further down. Not
# the passive ("have been killed", "have been brought to hospital": a toll or a count, often the
# day's news) nor the perfect progressive ("have been searching"), nor a modal's, an
# infinitive's or a relative clause's ("could have", "to have", "a crash that has left")
PERFECT = re.compile(
    r"(?<!\bto )(?<!\bwould )(?<!\bcould )(?<!\bshould )(?<!\bmight )(?<!\bmay )(?<!\bmust )(?<!\bwill )"
    r"(?<!\bthat )(?<!\bwhich )(?<!\bwho )"
    rf"\b(?:has|have|'ve)\s+(?:(?:not|never|also|already|just|now|since|long|\w+ly)\s+){{0,2}}{PARTICIPLE}\b"
    rf"(?!\s+(?:[a-z]+ing|{PARTICIPLE})\b)")
# "The judge is allowing the group to ...", "Tensions are rising in the region": the present
# progressive tells what is going on, a situation rather than one day's event, when it stands
# below the report's lead (in the lead, "Rescuers are searching the rubble" is the day's news).
# Not in a relative clause ("villagers who are fleeing"), nor "is being", "is going to".
PROGRESSIVE = re.compile(r"(?<!\bwho )(?<!\bthat )(?<!\bwhich )\b(?:is|are)\s+(?:(?:still|now|also|not|\w+ly)\s+)?"
                         r"(?!being\b|going\b)[a-z]{2,}ing\b")
COUNT_AFTER = re.compile(r"^(?:\s+[A-Za-z,]+){0,3}\s+(?:about\s+|nearly\s+|almost\s+)?\d")  # "has reached 49", "has risen to more than 120"
# "die every year", "each weekend, students can take in a concert": a habit, no day's event
HABITUAL = re.compile(r"\b(?:every|each)\s+(?:single\s+)?(?:day|night|morning|evening|week|weekend|month|"
                      r"year|summer|winter|spring|autumn|season|time)\b|\bannually\b", re.IGNORECASE)
# "Since then, the army has arrested dozens", "In the years since the coup, ...": a stretch of
# time up to the report, told as background; no event of the report's own day. (Not the perfect
# progressive: "Rescuers have been working frantically" is often the report's own day's news.)
STRETCH = re.compile(r"\b(?:ever\s+)?since\s+then\b"
                     r"|\b(?:in|over|during)\s+the\s+(?:\w+\s+){0,2}(?:days|weeks|months|years|decades?)\s+since\b",
                     re.IGNORECASE)  # "In the decade since they seized power, the rulers have ..."
# "The company met recently with lawyers", "Police lately arrested two men": the writer says
# the event came before the report's day without naming its day; not "the recently elected
# mayor", where the adverb dates a noun's attribute, nor "as recently as Monday" (a date follows)
RECENTLY = re.compile(r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bas )\b(?:recently|lately)\b(?!\s+as\b)",
                      re.IGNORECASE)
# "She won her first race that year", "Two days later, police arrested a second man": a time
# told from another event the text named before, not from the report's day
ANAPHORIC_TIME = re.compile(
    r"\b(?:that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+"
    r"(?:day|night|morning|afternoon|evening|week|weekend|month|year|spring|summer|fall|autumn|winter)\b"
    r"(?!\s*'s)|\b\w+\s+(?:hours?|days?|weeks?|months?|years?)\s+later\b", re.IGNORECASE)
CLOCK = re.compile(r"\b(1[0-2]|0?[1-9])(?:[:.]([0-5][0-9]))?\s*([ap])\.?m\b\.?", re.IGNORECASE)
PROSE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*$")
PAGE_DEBRIS = re.compile(r"\\n|https?:|www\.|\||<|>|\b(?:img|src|href|class)\b|\.(?:com|html?)\b")
WIRE_NOTE = re.compile(r"^(?:(?:Eds?|Editors?|Note to editors)\s*:|(?:Hold|Embargoed)\s+(?:for|until)\s+release\b"
                       r"|For\s+release\s+(?:at|after|on|until)\b)", re.IGNORECASE)  # "Hold for release at 2100 GMT."
OPENING_QUOTES = "\"'\u201c\u2018("
CAPITAL_SHARE = 0.4  # above this share of capitalized words a "sentence" is a headline or menu
LEADING_PRONOUN = re.compile(
    r"^(?:he|she|it|they|his|her|its|their|this|that|these|those|there|but|and|so|"
    r"meanwhile|also|still|yet|then)\b", re.IGNORECASE)


@dataclass
class _Candidate:
    """One dated sentence: the day, the event it is about, and where it came from."""

    day: date
    sentence: Sentence
    voice: str  # the original report: wire copies share their original's voice
    order: tuple[int, int]  # (report position, sentence index)
    event: str | None
    salience: float
    lead: int  # words before the date: a sentence that opens on its event reads best
    stems: frozenset[str]
    explicit: bool = True  # dated by its own words, not by its report's day
    governed: bool = False  # the date attaches to the event word itself ("attacked yesterday")
    since: bool = False  # the date starts a state ("treated since the blaze on October 5")
    retold: bool = False  # a later report's retelling of the entry's event: cites, never words it


@dataclass
class _Entry:
    day: date
    members: list[_Candidate] = field(default_factory=list)

    @property
    def explicit(self) -> bool:
        return any(m.explicit for m in self.members)

    @property
    def support(self) -> int:
        return len({m.voice for m in self.members})

    @property
    def salience(self) -> float:
        return max(m.salience for m in self.members)

    @property
    def first(self) -> tuple[int, int]:
        return min(m.order for m in self.members)


Encoder = Callable[[Sequence[str]], np.ndarray]  # texts -> one unit vector a row


# --- public API ---------------------------------------------------------------------


def build_timeline(documents: Sequence[Document], *, per_day: int | None = None, limit: int = 20,
                   encoder: Encoder | None = None) -> list[TimelineEntry]:
    """Dated events of one story, oldest first, each citing every report that states it.

    ``per_day`` entries a day at most (None: ``limit`` shared among the story's days, see
    ``auto_per_day``), ``limit`` in all. With a sentence ``encoder``
    (``storyline.embed``), entries are ranked by how close in meaning they are to what
    the story's reports tell (see ``_closeness``); without one, by words alone.
    """
    ordered = _publication_order(documents)
    units = _units(ordered)
    explicit = [c for unit in units if (c := _candidate(unit.sentence, unit.voice, unit.order))]
    window = _story_window(ordered, explicit)
    explicit += _anchored(units, explicit)
    if window is not None:
        explicit = [c for c in explicit if window[0] <= c.day <= window[1]]
    neighbours = _Neighbours(units)
    fresh = _report_day_candidates(units, neighbours, explicit)
    candidates = explicit + fresh
    days = _burst_days(units, candidates)
    days |= _outcome_day(days, _headline_days(ordered, explicit))
    days |= _lead_days(ordered, explicit, days, neighbours)
    if per_day is None:
        per_day = auto_per_day(len(days), limit)
    candidates = [c for c in candidates if _prose(c.sentence.text)]
    entries = [e for e in _merge(candidates, neighbours) if e.day in days
               and any(_clean(m) and _stands_alone(m) and not m.since for m in e.members)]
    weight = _word_weights(units)
    entries = _fold_retellings(entries, units, weight, encoder, ENCODED_PER_PLACE * per_day)
    closeness = None
    if encoder is not None:
        entries = _shortlist(entries, ENCODED_PER_PLACE * per_day, weight)
        closeness = _closeness(entries, weight, encoder)
    chosen = _select(entries, per_day, limit, weight, closeness)
    return [_to_entry(e, weight) for e in chosen]


def auto_per_day(days: int, limit: int) -> int:
    """Entries a day when the user sets no limit: a short story's few days may tell many
    facts each (a two-day siege), a long story's days must share the overall limit."""
    low, high = AUTO_PER_DAY
    return min(high, max(low, limit // max(days, 1)))


# --- candidates -------------------------------------------------------------------------


@dataclass
class _Unit:
    """A usable sentence of a report, with what the story-wide comparisons need."""

    sentence: Sentence
    voice: str
    order: tuple[int, int]
    published: date | None
    stems: frozenset[str]
    dated: bool  # carries a temporal expression of its own: never dated by its report
    clock: time | None = None  # the report's publication time of day, when it has one


def _publication_order(documents: Sequence[Document]) -> list[Document]:
    """Dated reports first, oldest first; input order breaks ties (and orders undated)."""
    indexed = list(enumerate(documents))
    indexed.sort(key=lambda p: (p[1].published is None, document_day(p[1]) or date.min, p[0]))
    return [d for _, d in indexed]


def _prose(text: str) -> bool:
    """A sentence of running text, not a headline run, menu or markup left by the page:
    it opens like a sentence, ends like one, carries no markup or links, is not a whole
    aside in brackets (an author's note) nor a note to editors ("Hold for release at 2100
    GMT."), and not most of its words are capitalized
    (headlines and menus are)."""
    text = text.strip()
    if not text or not (text[0].isupper() or text[0].isdigit() or text[0] in OPENING_QUOTES):
        return False
    if text.startswith("(") and text.rstrip(".").endswith(")"):
        return False  # an aside in brackets: "(Jane Doe is a free-lance writer in Chicago.)", an editor's note
    if WIRE_NOTE.match(text):
        return False  # the wire's note to editors: when to print the story, not what happened
    if not PROSE_END.search(text) or PAGE_DEBRIS.search(text):
        return False
    words = WORD.findall(text)[1:]
    capitals = sum(1 for w in words if w[0].isupper())
    return capitals <= CAPITAL_SHARE * max(1, len(words))


def _units(ordered: Sequence[Document]) -> list[_Unit]:
    out = []
    for position, doc in enumerate(ordered):
        voice = doc.duplicate_of or doc.doc_id
        published = document_day(doc)
        for sentence in doc.sentences:
            if not MIN_WORDS <= len(sentence.text.split()) <= MAX_WORDS:
                continue
            stems = frozenset(s for s in content_stems(sentence.text) if s not in TIME_STEMS)
            out.append(_Unit(sentence, voice, (position, sentence.index), published, stems,
                             dated=any(m.kind != "dateline" and not _refers_back(sentence, m)
                                       and not _off_event(m) for m in sentence.times),
                             clock=doc.published.time() if doc.published else None))
    return out


def _candidate(sentence: Sentence, voice: str, order: tuple[int, int]) -> _Candidate | None:
    if len(sentence.text.split()) < MIN_WORDS or sentence.caption:
        return None  # a photo caption dates the picture, not an event
    dated = _dating_mention(sentence)
    if dated is None or dated[0].value is None:
        return None
    return _dated_candidate(sentence, voice, order, dated[0], dated[1], dated[0].value)


def _dated_candidate(sentence: Sentence, voice: str, order: tuple[int, int], mention: TimeMention,
                     on_reporting_verb: bool, day: date) -> _Candidate | None:
    events = _event_words(sentence.text)
    if not events and not _on_main_verb(mention, on_reporting_verb):
        return None
    if events and FUTURE.search(sentence.text) and all(e == "statement" for _, _, e in events):
        return None  # "Today, engineers will inspect the line, the company said": a plan, told
    if HABITUAL.search(sentence.text) and (on_reporting_verb or mention.clause != "main"):
        return None  # "300 children die every year, a report said Wednesday": a habit, told that day
    event = _dated_event(mention, on_reporting_verb, events, sentence) if events else None
    return _Candidate(
        day=day, sentence=sentence, voice=voice, order=order, event=event,
        salience=(SALIENCE[event] + 0.1 * max(SALIENCE[e] for _, _, e in events)
                  if event else SALIENCE["statement"]),
        lead=len(sentence.text[:max(0, mention.start - sentence.start)].split()),
        stems=frozenset(s for s in content_stems(sentence.text) if s not in TIME_STEMS),
        governed=not on_reporting_verb and _governed_event(mention) is not None,
        since=bool(SINCE.search(sentence.text[:max(0, mention.start - sentence.start)])),
    )


# "two days after the quake": the words after "after" that name the anchoring event
AFTER_EVENT = re.compile(r"^\s+(?:the|a|an|this|that|last|its|his|her|their)\s+((?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)")
# where that noun phrase ends: "a blaze set fire", "the minesweeper ran aground"
PHRASE_END = re.compile(r"^(?:[a-z]+ed|set|hit|ran|tore|struck|was|were|is|are|has|had|in|at|on|of|"
                        r"near|that|which|who|and|or|to|by|for|with|from)$")
# the sentence that tells the anchoring event itself: "the earthquake struck", "a fire broke out"
OCCURRED = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:struck|hit|happened|occurred|erupted|began|started|broke|"
                      r"killed|destroyed|collapsed|exploded|ripped|rocked|shook|swept|tore|took place)\b",
                      re.IGNORECASE)
RETOLD = re.compile(r"\b(?:before|after|since)\s+(?:the|a|an|this|that|its|his|her|their)\s+(?:\w+\s+){0,2}$",
                    re.IGNORECASE)


def _anchored(units: Sequence[_Unit], explicit: Sequence[_Candidate]) -> list[_Candidate]:
    """Sentences dated from another event: "two days after the quake" is the quake's day + 2.

    The anchoring event's day is the day of the story's dated sentence that tells it ("The
    earthquake struck on Monday"), else the day another span of the story puts it on ("a
    week after the river flooded the town", in a sentence dated Friday); a sentence with a
    date of its own keeps that one.
    """
    dated = {id(c.sentence) for c in explicit}
    spans = _span_anchors(units)
    out = []
    for unit in units:
        sentence = unit.sentence
        if id(sentence) in dated or sentence.caption or len(sentence.text.split()) < MIN_WORDS:
            continue
        for m in sentence.times:
            if m.kind != "span" or m.offset_days is None or not m.text.lower().endswith("after"):
                continue
            named = AFTER_EVENT.match(sentence.text[max(0, m.end - sentence.start):])
            day = _named_day(named.group(1), explicit, spans) if named else None
            if day is not None:
                c = _dated_candidate(sentence, unit.voice, unit.order, m, False, day - timedelta(days=m.offset_days))
                if c is not None:
                    out.append(c)
                break
    return out


def _span_anchors(units: Sequence[_Unit]) -> list[tuple[str, date]]:
    """What follows each resolved "N days after" of the story, with the day it puts that
    event on: "began clearing mud on Friday, a week after the river flooded the town" says
    the flood was a week before that Friday."""
    out = []
    for unit in units:
        sentence = unit.sentence
        if not any(m.kind in DATED_KINDS and m.precision == "day" and m.value is not None
                   for m in sentence.times):
            continue  # counted back from the report's day only: a guess, not a date
        for m in sentence.times:
            if (m.kind == "span" and m.value is not None and m.offset_days is not None
                    and m.text.lower().endswith("after")):
                after = sentence.text[max(0, m.end - sentence.start):]
                out.append((" ".join(after.split()[:SPAN_REACH]), m.value))
    return out


def _named_day(words: str, explicit: Sequence[_Candidate],
               spans: Sequence[tuple[str, date]] = ()) -> date | None:
    """The day of the event the words name (their noun phrase's head, "quake" also finding
    "earthquake"): a dated sentence telling it happen first ("the earthquake struck"), then
    the day most reports name it on, then the earliest; else a span of the story that
    dates it ("a week after the river flooded the town")."""
    phrase: list[str] = []
    for word in words.split():
        if phrase and PHRASE_END.match(word.lower()):
            break
        phrase.append(word)
    for word in reversed(phrase):
        key = stem(word.lower())
        found = [(c, told) for c in explicit if (told := _tells(c.sentence.text, key)) is not None]
        spanned = [day for after, day in spans if any(
            (w := stem(x.lower())) == key or (len(key) >= 4 and w.startswith(key))
            for x in WORD.findall(after))]
        if spanned and not any(told for _, told in found):
            return min(spanned)
        if found:
            voices: dict[date, set[str]] = defaultdict(set)
            for c, _ in found:
                voices[c.day].add(c.voice)
            best = min(found, key=lambda p: (not p[1], -len(voices[p[0].day]), p[0].day))
            return best[0].day
    return None


def _tells(text: str, key: str) -> bool | None:
    """None if no word of ``text`` is ``key`` (or ends in it); else whether the sentence tells
    that event happening. A mention "before the quake" or "since the flood" tells another."""
    told = None
    for match in WORD.finditer(text):
        word = stem(match.group(0).lower())
        if word != key and not (len(key) >= 4 and word.endswith(key)):
            continue
        if RETOLD.search(text[:match.start()]):
            continue
        happened = bool(OCCURRED.match(text[match.end():]))
        told = told or happened
    return told


def _dating_mention(sentence: Sentence) -> tuple[TimeMention, bool] | None:
    """The mention that dates the sentence's event, and whether it only dates a statement.

    A date on a reporting verb ("said Friday") dates the statement; a date in the
    reported content dates the reported event, so it wins when both are present. A date
    the temporal stage read ahead of its verb ("will be launched on January 1", "is
    expected to sign on Wednesday") dates a plan, not something that happened; one that
    bounds it ("until Friday", "prior to a Thursday hearing") is another thing's day.
    """
    usable = [m for m in sentence.times
              if m.kind in DATED_KINDS and m.value is not None and m.precision == "day"
              and not UNTIL.search(sentence.text[:max(0, m.start - sentence.start)])
              and not BEFORE.search(sentence.text[:max(0, m.start - sentence.start)])
              and not _refers_back(sentence, m) and not _plan_date(sentence, m)]
    usable = [m for m in usable if not _off_event(m)]
    if not usable:
        return None
    usable = [m for m in usable if not _in_side_clause(m)] or usable
    content = [m for m in usable if not _on_reporting_verb(sentence, m)]
    if content:
        return min(content, key=lambda m: (_possessive(sentence, m), _on_subject(m),
                                           _governed_event(m) is None, m.start)), False
    return _statement_day(usable), True


def _plan_date(sentence: Sentence, mention: TimeMention) -> bool:
    """A date read ahead of its verb, unless it follows a reporting verb (in "said Wednesday
    his country would adhere" the parse may hang the day on the plan, but it is the
    statement's) or is the report's own day ("will return to work on Friday" in a Friday
    report): what a report plans for its own day is that day's news."""
    before = sentence.text[:max(0, mention.start - sentence.start)]
    return (mention.direction == "future" and mention.offset_days != 0
            and not REPORTED_BEFORE.search(before))


def _on_subject(mention: TimeMention) -> bool:
    """A date in a relative clause on the main event's subject ("A bomb that exploded on
    Tuesday killed 12 people, police said Wednesday"): the subject's act and the killing are
    one happening, so it dates the main event ahead of the reporting verb's date (which
    dates only the statement), but a date on the main verb itself comes first."""
    return mention.clause == "subject"


def _statement_day(mentions: Sequence[TimeMention]) -> TimeMention:
    """Of dates that all sit on reporting verbs, the earliest day: an act told by such a
    verb ("declared a state of emergency on Wednesday") is reported on its day or later
    ("the government said on Thursday that Peru declared ... on Wednesday"), never before."""
    return min(mentions, key=lambda m: (m.value or date.max, m.start))


def _on_main_verb(mention: TimeMention, on_reporting_verb: bool) -> bool:
    """The parse puts the date on the verb of the sentence's own event ("Yesterday, engineers
    reopened the bridge", "the rains began on Saturday night"): an event of that day, whatever
    the verb, though no event word names it. Adding outcome words to the event classes
    instead measured worse (TREC TS cover 0.4181 -> 0.4166): they also merged unlike events."""
    governor = getattr(mention, "governor", None)
    return (not on_reporting_verb and getattr(mention, "clause", None) == "main"
            and governor is not None and governor not in STATE_VERBS)


def _off_event(mention: TimeMention) -> bool:
    """A date on a noun of the main clause that names no event dates that thing, not the
    sentence's news: "Norrland is offering 38 dollars a share, a premium to the closing
    price on Friday" (the offer is not Friday's); "the attack on Monday killed 12" keeps
    Monday. Such a sentence is dated by another date, or as news of its report's day."""
    return getattr(mention, "clause", None) == "noun" and _governed_event(mention) is None


def _in_side_clause(mention: TimeMention) -> bool:
    """A date in a relative, participial or adverbial clause ("the paintings stolen on
    Monday", "after the airport reopened on Thursday") dates a background event: any
    date on the main clause, the reporting verb's included, dates the sentence before
    it. Alone it still dates the sentence: "an attack which killed two on Friday" is
    mostly one event told in two clauses."""
    return getattr(mention, "clause", None) == "side"  # read defensively: an optional field


def _possessive(sentence: Sentence, mention: TimeMention) -> bool:
    """'Monday's earthquake': the date names a thing the sentence refers back to; another date
    in it ("the toll from Monday's earthquake rose to 27 on Tuesday") tells when its news happened."""
    return sentence.text[max(0, mention.end - sentence.start):].startswith(("'s", "\u2019s"))


# "the toll from Monday's earthquake", "victims of last Friday's attack": a date that names
# an earlier event the sentence's own news (a toll standing at 27) refers back to
REFERS_BACK = re.compile(r"\b(?:from|of|in|since|after|before|following|over|during|by|to)\s+(?:last\s+)?$",
                         re.IGNORECASE)


def _refers_back(sentence: Sentence, mention: TimeMention) -> bool:
    """A possessive date after a preposition: it dates what the sentence refers to, not what it
    tells. "Monday's attack killed 12" keeps Monday; "the toll from Monday's quake stood at 27"
    is news of its report's day."""
    before = sentence.text[:max(0, mention.start - sentence.start)]
    return _possessive(sentence, mention) and bool(REFERS_BACK.search(before))


def _on_reporting_verb(sentence: Sentence, mention: TimeMention) -> bool:
    """From the parse when annotate recorded it, else from the words around the date."""
    governor = getattr(mention, "governor", None)
    if governor is not None:
        return governor in REPORTING_LEMMAS
    before = sentence.text[:max(0, mention.start - sentence.start)]
    after = sentence.text[max(0, mention.end - sentence.start):]
    return bool(REPORTED_BEFORE.search(before) or REPORTED_AFTER.match(after))


def _event_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, event class) of every event word, offsets within the sentence."""
    out = []
    for match in WORD.finditer(text):
        event = EVENT_OF_STEM.get(stem(match.group(0).lower()))
        if event is not None:
            out.append((match.start(), match.end(), event))
    return out


def _dated_event(mention: TimeMention, on_reporting_verb: bool,
                 events: list[tuple[int, int, str]], sentence: Sentence) -> str:
    """The event the date belongs to: its governor's class, else the nearest event word."""
    if on_reporting_verb:
        return "statement"
    return _governed_event(mention) or _nearest_event(events, sentence, mention)


def _governed_event(mention: TimeMention) -> str | None:
    governor = getattr(mention, "governor", None)  # read defensively: an optional field
    return EVENT_OF_STEM.get(stem(governor)) if governor else None


def _nearest_event(events: list[tuple[int, int, str]], sentence: Sentence,
                   mention: TimeMention) -> str:
    """The event class of the event word closest to the date: what the date attaches to."""
    start, end = mention.start - sentence.start, mention.end - sentence.start

    def distance(item: tuple[int, int, str]) -> tuple[int, float]:
        gap = item[0] - end if item[0] >= end else start - item[1]
        return max(gap, 0), -SALIENCE[item[2]]

    return min(events, key=distance)[2]


def _story_window(documents: Sequence[Document],
                  candidates: Sequence[_Candidate]) -> tuple[date, date] | None:
    """The days that can belong to the story: around its reports' publication dates.

    Without any publication date the median candidate day stands in for the reports,
    which still keeps a stray historic or teaser date out.
    """
    published = [d.published.date() for d in documents if d.published is not None]
    if published:
        return (min(published) - timedelta(days=HISTORY_DAYS),
                max(published) + timedelta(days=FUTURE_DAYS))
    if not candidates:
        return None
    middle = date.fromordinal(int(statistics.median_low(c.day.toordinal() for c in candidates)))
    return middle - timedelta(days=HISTORY_DAYS), middle + timedelta(days=HISTORY_DAYS)


# --- report days: undated sentences of fresh reports -------------------------------------


class _Neighbours:
    """Which sentences of the story say nearly the same thing (Jaccard over content stems).

    An inverted index over the words that are not everywhere keeps this near linear:
    two sentences that share only the story's commonest words are not alike anyway.
    """

    def __init__(self, units: Sequence[_Unit]) -> None:
        self.units = list(units)
        self.position = {id(u.sentence): i for i, u in enumerate(self.units)}
        postings: dict[str, list[int]] = defaultdict(list)
        for i, unit in enumerate(self.units):
            for s in unit.stems:
                postings[s].append(i)
        common = max(20, int(COMMON_SHARE * len(self.units)))
        self.postings = {s: ids for s, ids in postings.items() if len(ids) <= common}
        self.cache: dict[int, list[tuple[int, float]]] = {}

    def of(self, sentence: Sentence, threshold: float) -> list[int]:
        """Indexes of the other units at least ``threshold`` alike."""
        i = self.position.get(id(sentence))
        if i is None:
            return []
        if i not in self.cache:
            self.cache[i] = self._alike(i)
        return [j for j, score in self.cache[i] if score >= threshold]

    def _alike(self, i: int) -> list[tuple[int, float]]:
        stems = self.units[i].stems
        shared: Counter[int] = Counter()
        for s in stems:
            shared.update(self.postings.get(s, ()))
        out = []
        for j in sorted(shared):
            if j != i:
                score = _jaccard(stems, self.units[j].stems)
                if score >= min(MERGE_JACCARD, SUPPORT_JACCARD, FRESH_JACCARD, TOLD_JACCARD):
                    out.append((j, score))
        return out


def _report_day_candidates(units: Sequence[_Unit], neighbours: _Neighbours,
                           explicit: Sequence[_Candidate] = ()) -> list[_Candidate]:
    """Undated sentences that tell an event, dated by their report when the fact is new.

    A report states what happened since the last one, so a sentence with no date of its
    own reports its event on the report's day, unless an earlier day's report already
    said the same: then it is background, and the earlier report dates it. A sentence
    whose only event word is a reporting verb ("..., said a British official") states
    no event of that day.
    """
    own_days = {(c.order[0], c.day) for c in explicit}  # days each report dates by its words
    places = _places(units)
    history = _history_places(units, places)
    out = []
    for unit in units:
        if (unit.dated or unit.published is None or unit.sentence.state
                or FUTURE.search(unit.sentence.text) or HABITUAL.search(unit.sentence.text)
                or STRETCH.search(unit.sentence.text) or RECENTLY.search(unit.sentence.text) or ANAPHORIC_TIME.search(unit.sentence.text)):
            continue  # plans, habits, stretches up to the report, "recently", "that year": no day's news
        if places[unit.order] >= LEAD_SENTENCES and (_background_perfect(unit.sentence.text)
                                                     or PROGRESSIVE.search(unit.sentence.text)):
            continue  # "has proposed a settlement", "is allowing" below the lead: a state, no day's news
        place = places[unit.order]
        if place >= LEAD_SENTENCES and any((unit.order[0], place + k) in history
                                           for k in range(-HISTORY_REACH, HISTORY_REACH + 1) if k):
            continue  # a passage of the report's history ("In 1995, ...; a civil jury later found ...")
        events = _event_words(unit.sentence.text)
        if not events:
            continue
        if _told_before(unit, neighbours):
            continue
        event = max(events, key=lambda e: SALIENCE[e[2]])[2]
        if event == "statement":
            continue  # that someone spoke, with no date, is no event of the report's day
        out.append(_Candidate(
            day=_clock_day(unit, unit.published, own_days), sentence=unit.sentence, voice=unit.voice, order=unit.order,
            event=event, salience=SALIENCE[event], lead=0, stems=unit.stems, explicit=False))
    return out


def _background_perfect(text: str) -> bool:
    """An active perfect that tells a state or background ("has proposed a settlement"), not a
    count the report brings that day ("The death toll has reached 49", "has risen to 120")."""
    match = PERFECT.search(text)
    return match is not None and not COUNT_AFTER.match(text[match.end():])


def _places(units: Sequence[_Unit]) -> dict[tuple[int, int], int]:
    """Each unit's place among its report's usable sentences (0 = the lead). A verbless
    fragment (an outlet's name and dateline split off the lead) takes no place: the lead
    after it is still the lead."""
    seen: Counter[int] = Counter()
    out = {}
    for unit in sorted(units, key=lambda u: u.order):
        out[unit.order] = seen[unit.order[0]]
        seen[unit.order[0]] += not unit.sentence.fragment
    return out


def _history_places(units: Sequence[_Unit], places: dict[tuple[int, int], int]) -> set[tuple[int, int]]:
    """(report, place) of the sentences that name a year before their report's year."""
    return {(unit.order[0], places[unit.order]) for unit in units
            if unit.published is not None
            and any(m.kind != "dateline" and m.value is not None and m.value.year < unit.published.year
                    for m in unit.sentence.times)}


def _clock_day(unit: _Unit, published: date, own_days: set[tuple[int, date]]) -> date:
    """The report's day, or the day before for an hour later than the report's own time
    when the report itself dates events on that day before: "The blaze broke out at about
    11 p.m." in a report of 9:40 a.m. whose lead says "late on Monday" tells of Monday
    night. Without such a day of its own the hour may be another time zone's (publication
    times are often UTC): TREC TS cover 0.4350 -> 0.4253 when every later hour moved."""
    before = published - timedelta(days=1)
    hour = _clock_time(unit.sentence.text)
    if (hour is not None and unit.clock is not None and hour > unit.clock
            and (unit.order[0], before) in own_days):
        return before
    return published


def _clock_time(text: str) -> time | None:
    """The first hour a sentence names ("at about 11 p.m.", "at 10:30 pm"), if it names one
    when something happened."""
    match = CLOCK.search(text)
    if match is None or UNTIL.search(text[:match.start()]):
        return None  # "adjourned till 12 pm" names a state's end
    hour, minute = int(match.group(1)) % 12, int(match.group(2) or 0)
    if match.group(3).lower().startswith("p"):
        hour += 12
    return time(hour, minute) if minute < 60 else None


def _pluperfect(text: str) -> bool:
    """"The group had demanded $4.5 million": a past before the report's own news."""
    return bool(PLUPERFECT.search(text))


def _told_before(unit: _Unit, neighbours: _Neighbours) -> bool:
    """An earlier day's report already said it: much the same sentence (Jaccard); or, for
    background in the pluperfect ("The group had demanded $4.5 million"), one sentence that
    holds nearly all its words (a long lead that told the demand first)."""
    background = _pluperfect(unit.sentence.text)
    for j in neighbours.of(unit.sentence, TOLD_JACCARD if background else FRESH_JACCARD):
        other = neighbours.units[j]
        if other.published is None or unit.published is None or other.published >= unit.published:
            continue
        if (_jaccard(unit.stems, other.stems) >= FRESH_JACCARD
                or (background and len(unit.stems & other.stems) >= TOLD_SHARE * len(unit.stems))):
            return True
    return False


def _burst_days(units: Sequence[_Unit], candidates: Sequence[_Candidate]) -> set[date]:
    """Days that bring news: days on which the story's reports first print many new words.

    Every report restates the story so far; a day matters when its reports add to it.
    A word is news when at least two reports use it, and it is new on the day it is
    first published (a report tells its own day's news; dates in its text do not move
    the word). A day is kept when the new words first published on it are at least a
    share of the richest day's: a busy day of restatements brings few, a quiet day with
    a new fact (a toll, an arrest) can bring enough. Days the reports date events on by
    their own words are added by ``_dated_days``; stories without any publication date
    are dated by the reports' own words alone (``_told_days``).
    """
    published = [(u, u.published) for u in units if u.published is not None]
    if not published:
        return _told_days(units, candidates)
    fresh = _fresh_words(units)
    if not fresh:
        return {c.day for c in candidates}
    richest = max(fresh.values())
    days = {day for day, n in fresh.items() if n >= FRESH_SHARE * richest}
    first_day = min(day for _, day in published)
    opening = len({u.voice for u, day in published if day == first_day})
    reports = len({u.voice for u, _ in published})
    return days | _dated_days(candidates, opening, first_day, reports, _side_dates(units))


def _side_dates(units: Sequence[_Unit]) -> dict[date, set[str]]:
    """Days a report names in a side clause ("the earthquake that hit late on Thursday, the
    agency said on Friday"): the sentence is Friday's, but it still says Thursday had news."""
    named: dict[date, set[str]] = defaultdict(set)
    for unit in units:
        if unit.sentence.caption:
            continue
        for t in unit.sentence.times:
            if t.clause == "side" and t.value is not None and t.precision == "day" and t.kind != "dateline":
                named[t.value].add(unit.voice)
    return named


def _headline_days(documents: Sequence[Document], candidates: Sequence[_Candidate]) -> set[date]:
    """Days on which a report's own sentence dates the event its headline tells.

    A headline states a report's news ("Police storm bank, free all hostages"); when its
    body dates that event by its own words on the main clause ("Police stormed a bank
    before dawn on Thursday and freed the last 18 hostages"), that day has news even if
    no other report has retold it yet: the story's outcome is often told once, last."""
    titles = {d.doc_id: frozenset(s for s in content_stems(d.title) if s not in TIME_STEMS)
              for d in documents if d.title}
    days: set[date] = set()
    for c in candidates:
        title = titles.get(c.sentence.doc_id)
        if (c.explicit and c.event != "statement" and title and len(title) >= MIN_WORDS - 1
                and len(title & c.stems) >= HEADLINE_SHARE * len(title)):
            days.add(c.day)
    return days


def _outcome_day(days: set[date], headline_days: set[date]) -> set[date]:
    """The day right after the story's last news day, when a headline event is dated on it.

    Anywhere else a headline adds no day: a stream's stray reports (another city's bombing)
    have headlines their leads date too (TREC TS dates F1 0.7528 -> 0.7149 with every
    headline day, 0.7393 with any later one)."""
    if not days:
        return set()
    last = max(days)
    return {d for d in headline_days if last < d <= last + timedelta(days=1)}


def _lead_days(documents: Sequence[Document], candidates: Sequence[_Candidate], days: set[date],
               neighbours: _Neighbours) -> set[date]:
    """Later news days of a slow story: a report's lead, dated by its own words on the
    report's own day, tells the event its headline names ("Fifth worker dies after
    warehouse fire": "A fifth worker has died ..., the safety region said on Tuesday"),
    and no earlier report told it. Only a day that one report alone publishes: no second
    report can repeat its words, so ``_burst_days`` cannot see it (a day of several
    reports is judged there: TREC TS dates F1 0.7537 -> 0.7458 when any later day with
    such a lead counted), and only days after the story's news so far."""
    if not days:
        return set()
    last = max(days)
    titles = {d.doc_id: _title_stems(d) for d in documents}
    published = {d.doc_id: day for d in documents if (day := document_day(d))}
    voices: dict[date, set[str]] = defaultdict(set)
    for d in documents:
        if (day := document_day(d)) is not None:
            voices[day].add(d.duplicate_of or d.doc_id)
    leads = _leads(documents)
    out: set[date] = set()
    for c in candidates:
        doc_id = c.sentence.doc_id
        title = titles.get(doc_id)
        if (c.explicit and c.day > last and c.day == published.get(doc_id) and len(voices[c.day]) == 1
                and leads.get(doc_id) is c.sentence and title and len(title) >= MIN_WORDS - 1
                and len(title & c.stems) >= LEAD_SHARE * len(title)
                and any(e != "statement" for _, _, e in _event_words(c.sentence.text))
                and not _told_earlier(c, neighbours)):
            out.add(c.day)
    return out


def _title_stems(document: Document) -> frozenset[str] | None:
    if not document.title:
        return None
    return frozenset(s for s in content_stems(document.title) if s not in TIME_STEMS)


def _leads(documents: Sequence[Document]) -> dict[str, Sentence]:
    """Each report's lead: its first sentence of running prose."""
    out: dict[str, Sentence] = {}
    for doc in documents:
        lead = next((s for s in doc.sentences if not s.caption and not s.fragment
                     and _prose(s.text) and len(s.text.split()) >= MIN_WORDS), None)
        if lead is not None:
            out[doc.doc_id] = lead
    return out


def _told_earlier(candidate: _Candidate, neighbours: _Neighbours) -> bool:
    """Whether a report of an earlier day said much the same (see ``_report_day_candidates``)."""
    mine = neighbours.position.get(id(candidate.sentence))
    if mine is None:
        return False
    day = neighbours.units[mine].published
    return any((neighbours.units[j].published or date.max) < (day or date.min)
               for j in neighbours.of(candidate.sentence, FRESH_JACCARD))


def _fresh_words(units: Sequence[_Unit]) -> Counter[date]:
    """For each publication day, how many news words (used by two reports or more) are
    first published that day."""
    voices: dict[str, set[str]] = defaultdict(set)
    first: dict[str, date] = {}
    for unit in units:
        if unit.published is None:
            continue
        for s in unit.stems:
            voices[s].add(unit.voice)
            if s not in first or unit.published < first[s]:
                first[s] = unit.published
    return Counter(day for s, day in first.items() if len(voices[s]) >= NEWS_VOICES)


def _dated_days(candidates: Sequence[_Candidate], opening: int, first_day: date | None = None,
                reports: int = 0, side: dict[date, set[str]] | None = None) -> set[date]:
    """Days on which at least as many reports date events by their own words as the
    story's first day has reports (``opening``): above all the event the first reports
    call "yesterday". A history date one report recalls, or a teaser's date, does not
    qualify in a story of many reports. A day before the first report must also be
    named by a share of all the reports: the event that broke before coverage began is
    retold by many ("began Wednesday"), the run-up ("the storm formed Monday") by few."""
    dating: dict[date, set[str]] = defaultdict(set)
    for c in candidates:
        if c.explicit:
            dating[c.day].add(c.voice)
    for day, voices in (side or {}).items():
        if day in dating:  # a day some sentence is dated on, named again in side clauses
            dating[day] |= voices
    return {day for day, v in dating.items() if len(v) >= opening
            and (first_day is None or day >= first_day or len(v) >= PRIOR_SHARE * reports)}


def _told_days(units: Sequence[_Unit], candidates: Sequence[_Candidate]) -> set[date]:
    """Without publication dates: days on which enough independent reports date facts
    first told then (a share of the busiest such day's reports)."""
    dated = {id(c.sentence): c.day for c in candidates if c.explicit}
    days = [dated.get(id(u.sentence), u.published) for u in units]
    voices: dict[str, set[str]] = defaultdict(set)
    first: dict[str, date] = {}
    for unit, day in zip(units, days):
        for s in unit.stems:
            voices[s].add(unit.voice)
            if day is not None and (s not in first or day < first[s]):
                first[s] = day
    told = {s for c in candidates if c.explicit for s in c.stems}
    news = {s for s in first if len(voices[s]) >= NEWS_VOICES or s in told}
    bringers: dict[date, set[str]] = defaultdict(set)
    for unit, day in zip(units, days):
        if day is not None and sum(s in news and first[s] == day for s in unit.stems) >= NEW_WORDS:
            bringers[day].add(unit.voice)
    score = {d: len(v) for d, v in bringers.items()}
    if not score:
        return {c.day for c in candidates}
    best = max(score.values())
    return {day for day, n in score.items() if n >= BURST_SHARE * best}


# --- merge, rank, word ----------------------------------------------------------------------


def _merge(candidates: Sequence[_Candidate], neighbours: _Neighbours) -> list[_Entry]:
    """One entry per event and day: explicit dates by event class, all by shared wording."""
    entries: list[_Entry] = []
    by_day: dict[date, list[_Entry]] = defaultdict(list)
    home_of: dict[int, tuple[_Entry, _Candidate]] = {}  # unit index -> its entry, as whom
    for candidate in sorted(candidates, key=lambda c: (c.day, c.order)):
        alike = neighbours.of(candidate.sentence, MERGE_JACCARD)
        home = next((home_of[j][0] for j in alike if j in home_of
                     and home_of[j][0].day == candidate.day
                     and _kinds_agree(home_of[j][1], candidate)), None)
        if home is None:
            home = next((e for e in by_day[candidate.day] if _same_event(e, candidate)), None)
        if home is None:
            home = _Entry(candidate.day)
            entries.append(home)
            by_day[candidate.day].append(home)
        home.members.append(candidate)
        i = neighbours.position.get(id(candidate.sentence))
        if i is not None:
            home_of[i] = (home, candidate)
    return entries


def _fold_retellings(entries: list[_Entry], units: Sequence[_Unit], weight: dict[str, float],
                     encoder: Encoder | None = None, places: int = 0) -> list[_Entry]:
    """A later day's sentence that only retells an earlier day's event joins that event's entry.

    Reports restate the story so far in their own words and tenses ("Two people have been
    killed when a helicopter hit a crane" the day after "The pilot died this morning after
    his helicopter crashed into a crane"), so a sentence without a date of its own is not
    news of its report's day when it tells an event an earlier day's entry holds: the same
    kind of event with the same participants (``_may_retell``), and closest in meaning to
    one of that entry's sentences (with an encoder, ``RETOLD_COSINE``; else nearly all its
    words in what that entry's reports said, ``RETOLD_SHARE``). Its report then cites the
    earlier entry, and an entry left with nothing of its own that reads alone is no entry
    of its day. A sentence that states a number the story had not printed before (a higher
    toll) is news. With an encoder only each day's ``places`` best entries by words are
    weighed (those the day's few places go to; see ``_shortlist``): encoding is the slow part.
    """
    if not entries:
        return entries
    first = min(e.day for e in entries)
    printed = _printed_numbers(units)
    weighed = _shortlist(entries, places, weight) if encoder is not None and places else entries
    later = sorted((e for e in weighed if e.day > first), key=lambda e: (e.day, e.first))
    pairs: dict[int, list[tuple[_Entry, _Candidate]]] = {}
    for entry in later:
        for told in entry.members:
            if told.explicit or not (_clean(told) and _stands_alone(told)) or _new_numbers(told, printed):
                continue  # only what could word the later entry is weighed
            found = [(home, m) for home in entries if home.day < entry.day
                     for m in home.members if _may_retell(told, m)]
            found.sort(key=lambda p: -_jaccard(told.stems, p[1].stems))
            if found:
                pairs[id(told)] = found[:RETOLD_REACH]
    if not pairs:
        return entries
    told_ones = [m for e in later for m in e.members if id(m) in pairs]
    closeness = _retelling_closeness(told_ones, pairs, encoder)
    least = RETOLD_COSINE if encoder is not None else RETOLD_SHARE
    moved: dict[int, _Entry] = {}  # a retelling of a retelling joins the first telling
    for entry in later:
        for told in list(entry.members):
            best = max(((closeness(told, home, m), moved.get(id(m), home))
                        for home, m in pairs.get(id(told), ())), key=lambda p: p[0], default=None)
            if best is not None and best[0] >= least:
                entry.members.remove(told)
                best[1].members.append(replace(told, day=best[1].day, retold=True))
                moved[id(told)] = best[1]
    return [e for e in entries if any(_clean(m) and _stands_alone(m) and not m.since and not m.retold
                                      for m in e.members)]


def _may_retell(told: _Candidate, earlier: _Candidate) -> bool:
    """Whether ``earlier`` can tell the same event: a word of the same event class (the
    pilot "died", two people "have been killed") and at least ``RETOLD_WORDS`` other words
    in common (the helicopter, the crane, the place)."""
    if told.event is None or earlier.retold or earlier.sentence is told.sentence:
        return False
    if told.event not in {e for _, _, e in _event_words(earlier.sentence.text)}:
        return False
    shared = {s for s in told.stems & earlier.stems if s not in EVENT_OF_STEM}
    return len(shared) >= RETOLD_WORDS


def _retelling_closeness(told: Sequence[_Candidate], pairs: dict[int, list[tuple[_Entry, _Candidate]]],
                         encoder: Encoder | None) -> Callable[[_Candidate, _Entry, _Candidate], float]:
    """How nearly a later sentence retells an earlier entry's sentence: their cosine when an
    encoder is given (only the sentences of candidate pairs are encoded, in one batch); else
    the share of its words (the event word aside) that the earlier entry's reports used,
    each in its own words ("killed" in one, "crane" and "central London" in another)."""
    if encoder is None:
        def share(later: _Candidate, home: _Entry, m: _Candidate) -> float:
            own = {s for s in later.stems if s not in EVENT_OF_STEM}
            said = set().union(*(x.stems for x in home.members))
            return len(own & said) / max(1, len(own))
        return share
    texts = list(dict.fromkeys([m.sentence.text for m in told]
                               + [m.sentence.text for found in pairs.values() for _, m in found]))
    vectors = np.asarray(encoder(texts), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.where(norms > 0, norms, 1.0)
    row = {t: i for i, t in enumerate(texts)}
    return lambda later, home, m: float(vectors[row[later.sentence.text]] @ vectors[row[m.sentence.text]])


def _printed_numbers(units: Sequence[_Unit]) -> dict[float, date]:
    """The day each number was first printed in the story (counts and amounts)."""
    first: dict[float, date] = {}
    for unit in units:
        if unit.published is None:
            continue
        for q in unit.sentence.quantities:
            if q.value is not None and (q.value not in first or unit.published < first[q.value]):
                first[q.value] = unit.published
    return first


def _new_numbers(candidate: _Candidate, printed: dict[float, date]) -> bool:
    """Whether the sentence states a number no earlier day's report printed: a new toll."""
    return any(q.value is not None and printed.get(q.value, date.max) >= candidate.day
               for q in candidate.sentence.quantities)


def _kinds_agree(a: _Candidate, b: _Candidate) -> bool:
    """Explicitly dated events of different kinds (an escape, an attack) never merge."""
    return not (a.explicit and b.explicit and None not in (a.event, b.event)
                and a.event != b.event)


def _same_event(entry: _Entry, candidate: _Candidate) -> bool:
    """Same day is given; same event when the event class matches or the wording overlaps.

    Within one story, two reports naming the same kind of event on the same dated day are
    about the same event; different kinds (an escape, an attack) never merge however
    alike the words; statements need overlapping wording (many people speak each day).
    Undated sentences merge by wording, or into the event their own report dates that
    day (``_elaborates``): a busy day has many deaths to tell.
    """
    if _elaborates(entry, candidate):
        return True
    for member in entry.members:
        if member.event != candidate.event and None not in (member.event, candidate.event):
            continue
        if (member.event == candidate.event and candidate.event not in (None, "statement")
                and member.explicit and candidate.explicit):
            return True
        if _jaccard(member.stems, candidate.stems) >= MERGE_JACCARD:
            return True
    return False


def _elaborates(entry: _Entry, candidate: _Candidate) -> bool:
    """An undated sentence of a report that names the kind of event the same report
    dates on that day tells more of that event ("Militants on Friday offered ...",
    then "The offer, according to ..."): one event, one entry."""
    if candidate.explicit or candidate.event in (None, "statement"):
        return False
    return any(m.explicit and m.event == candidate.event and m.order[0] == candidate.order[0]
               for m in entry.members)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _select(entries: list[_Entry], per_day: int, limit: int, weight: dict[str, float],
            closeness: dict[int, float] | None = None) -> list[_Entry]:
    """Best entries, at most ``per_day`` a day and ``limit`` in all, oldest first.

    Greedy: each step keeps the entry that adds most to what the chosen entries of its
    day and the days next to it already tell (see ``_gain``), so a day's entries are
    different events rather than one event told three times. When the overall limit
    would leave a day out, the last places go to days without an entry: a day's first
    entry tells more than another day's third.
    """
    per: dict[date, int] = defaultdict(int)
    told: dict[date, set[str]] = defaultdict(set)
    kept: list[_Entry] = []
    left = sorted(entries, key=lambda e: e.first)

    while left and len(kept) < limit:
        left = [e for e in left if per[e.day] < per_day]
        if not left:
            break
        unserved = {e.day for e in left if per[e.day] == 0}
        if len(unserved) >= limit - len(kept):
            left_now = [e for e in left if e.day in unserved]
        else:
            left_now = left
        best = max(left_now, key=lambda e: (
            _gain(e, _near(told, e.day), weight, closeness.get(id(e)) if closeness else None),
            e.salience, [-x for x in e.first]))
        left.remove(best)
        per[best.day] += 1
        told[best.day].update(_worded(best, weight).stems)
        kept.append(best)
    rank = {id(e): i for i, e in enumerate(kept)}
    return sorted(kept, key=lambda e: (e.day, rank[id(e)]))


def _near(told: dict[date, set[str]], day: date) -> set[str]:
    """Words already told on the day or a day next to it: a fact first reported one day
    is often retold the next, and saying it twice adds nothing to the timeline."""
    out: set[str] = set()
    for shift in range(-TOLD_REACH, TOLD_REACH + 1):
        out |= told.get(day + timedelta(days=shift), set())
    return out


def _gain(entry: _Entry, told: set[str], weight: dict[str, float],
          closeness: float | None = None) -> float:
    """What an entry adds to what its day and the days next to it already tell: its new
    words, each weighted by the share of the story's reports that use it, scaled by how
    much of the sentence is the story's own vocabulary (a long stray sentence from the
    page collects many rare words), more for each kind of fact it states, and more when
    its date stands on its event word (the event surely happened that day).
    Support is in the weights (a fact many reports tell uses words many reports use);
    multiplying by support again, by the event's salience, or favouring every sentence
    with a date of its own measured worse: one much-told event crowded out the day's
    other news. ``closeness`` (the sentence's cosine to the story's centre, when an
    encoder gave one) stands in for the share of story words: it also sees the story in
    a sentence that tells it in other words."""
    worded = _worded(entry, weight)
    new = math.fsum(weight.get(s, 0.0) for s in worded.stems - told)
    if closeness is None:
        topical = math.fsum(weight.get(s, 0.0) for s in worded.stems) / max(1, len(worded.stems))
        on_topic = topical ** TOPIC_POWER
    else:
        on_topic = max(closeness, 1e-6) ** CENTRE_POWER
    bonus = GOVERNED_BONUS if any(m.governed for m in entry.members) else 1.0
    return bonus * new * on_topic * (1 + FACET_BONUS * _facets(worded.sentence))


def _shortlist(entries: Sequence[_Entry], size: int, weight: dict[str, float]) -> list[_Entry]:
    """Each day's ``size`` best entries by words alone: the day's few places go to
    these anyway, and encoding every candidate sentence of a long story costs minutes."""
    by_day: dict[date, list[_Entry]] = defaultdict(list)
    for entry in entries:
        by_day[entry.day].append(entry)
    keep: set[int] = set()
    for day_entries in by_day.values():
        ranked = sorted(day_entries, key=lambda e: -_gain(e, set(), weight))
        keep.update(id(e) for e in ranked[:size])
    return [e for e in entries if id(e) in keep]


def _closeness(entries: Sequence[_Entry], weight: dict[str, float],
               encoder: Encoder) -> dict[int, float]:
    """Each entry's cosine to the story's centre: the mean meaning of the entries'
    sentences, each counted once per report that tells it. A fact many outlets tell,
    each in its own words, pulls the centre towards it; a stray sentence of the page,
    or a side remark, lies far from it, however many of the story's words it uses.
    Only the sentence that words each entry is encoded, once, in one batch."""
    worded = [_worded(e, weight).sentence.text for e in entries]
    texts = list(dict.fromkeys(worded))
    if not texts:
        return {}
    vectors = np.asarray(encoder(texts), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.where(norms > 0, norms, 1.0)
    row = {t: i for i, t in enumerate(texts)}
    centre = np.zeros(vectors.shape[1], dtype=np.float32)
    for entry, text in zip(entries, worded):
        centre += entry.support * vectors[row[text]]
    norm = float(np.linalg.norm(centre))
    if norm == 0.0:
        return {}
    centre /= norm
    return {id(e): float(vectors[row[text]] @ centre) for e, text in zip(entries, worded)}


def _facets(sentence: Sentence) -> int:
    """Kinds of fact a sentence states: how many, where, who, what happened. A sentence
    that says who did what where, and how many, tells more of the story in one entry."""
    labels = {e.label for e in sentence.entities}
    return (bool(sentence.quantities) + bool(labels & {"GPE", "LOC", "FAC"})
            + bool(labels & {"PERSON", "ORG", "NORP"}) + bool(_event_words(sentence.text)))


def _word_weights(units: Sequence[_Unit]) -> dict[str, float]:
    """Share of the story's independent reports that use each word: what the story is about."""
    voices: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        for s in unit.stems:
            voices[s].add(unit.voice)
    total = len({u.voice for u in units}) or 1
    return {s: len(v) / total for s, v in voices.items()}


def _clean(candidate: _Candidate) -> bool:
    """Whole prose, not page furniture run into the report ("published: ... author: ...",
    "Email Print Share") or a verbless fragment: such a member supports an entry, never words it."""
    return not candidate.sentence.fragment and not reads_as_furniture(candidate.sentence.text)


def _stands_alone(candidate: _Candidate) -> bool:
    """Read alone on its day, the sentence names who acts and who speaks: "He declined to say
    whether ..." or "..., it added." points back to a sentence the timeline does not show."""
    text = candidate.sentence.text.lstrip("\"'\u201c\u2018 ")
    return not LEADING_PRONOUN.match(text) and not PRONOUN_SPEAKER.search(text)


def _worded(entry: _Entry, weight: dict[str, float]) -> _Candidate:
    """An entry reads best in clean prose (``_clean``), in a sentence whose date is no state's
    start ("since the blaze on October 5"), that stands on its own (no leading pronoun),
    whose date sits on the event word itself (not on a side clause: "the assault that
    began Wednesday"), and that tells most of what the story's reports say."""
    return max(entry.members, key=lambda m: (not m.retold, _clean(m), not m.since,
                                             not LEADING_PRONOUN.match(m.sentence.text),
                                             m.governed,
                                             math.fsum(weight.get(s, 0.0) for s in m.stems),
                                             [-x for x in m.order]))


def _to_entry(entry: _Entry, weight: dict[str, float]) -> TimelineEntry:
    return TimelineEntry(date=entry.day.isoformat(), text=_worded(entry, weight).sentence.text,
                         sources=_sources(entry, weight), precision="day")


def _sources(entry: _Entry, weight: dict[str, float]) -> list[Citation]:
    """One passage per report: the worded report's is the entry's own text; another
    report's is its sentence that states the entry most nearly. Several sentences of one
    report merged into an entry (an event and its details) would otherwise each become a
    citation, and a reader checking ``text[start:end]`` would find passages not shown."""
    worded = _worded(entry, weight)
    best: dict[str, _Candidate] = {worded.sentence.doc_id: worded}
    for m in sorted(entry.members, key=lambda m: m.order):
        doc_id = m.sentence.doc_id
        if doc_id not in best or _states_better(m, best[doc_id], worded):
            best[doc_id] = m
    chosen = [worded, *sorted((m for m in best.values() if m is not worded), key=lambda m: m.order)]
    return [Citation(m.sentence.doc_id, m.sentence.start, m.sentence.end) for m in chosen]


def _states_better(member: _Candidate, held: _Candidate, worded: _Candidate) -> bool:
    """Whether ``member`` states the worded entry more nearly than ``held`` (same report):
    more of its words, a date of its own on the same kind of event; the earlier wins ties."""
    if held is worded:
        return False

    def key(m: _Candidate) -> tuple[float, bool]:
        return _jaccard(m.stems, worded.stems), m.explicit and m.event == worded.event

    return key(member) > key(held)


# --- stories without any dated report ---------------------------------------------------------

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def build_relative_timeline(documents: Sequence[Document], *, per_day: int | None = None) -> list[TimelineEntry]:
    """When no report of a story has a date, its events by the weekdays they name.

    Nothing anchors a calendar date, but the week still has an order: the weekdays named
    are taken to fall within one week, which starts after the longest gap between them
    (Wednesday, Thursday, Friday rather than Friday, ..., Thursday). Entries read
    "Day 1 (Wednesday)"; a sentence naming one past weekday is an entry, the same event
    told by several reports is one entry citing them all, best supported first.
    """
    if not documents or any(d.published for d in documents):
        return []
    told: dict[int, list[tuple[Sentence, Document]]] = {}
    for doc in documents:
        if doc.duplicate_of:
            continue  # a copy adds no voice
        for sentence in doc.sentences:
            days = {t.weekday for t in sentence.times
                    if t.kind == "weekday" and t.weekday is not None and t.direction == "past"}
            if len(days) == 1 and _prose(sentence.text):
                told.setdefault(days.pop(), []).append((sentence, doc))
    if not told:
        return []
    first = _week_start(sorted(told))
    if per_day is None:
        per_day = AUTO_PER_DAY[0]
    entries = []
    for weekday in sorted(told, key=lambda w: (w - first) % 7):
        label = f"Day {(weekday - first) % 7 + 1} ({WEEKDAYS[weekday]})"
        for group in _same_events(told[weekday])[:per_day]:
            sentence, _ = group[0]
            entries.append(TimelineEntry(
                date=label, text=sentence.text, precision="weekday",
                sources=[Citation(d.doc_id, s.start, s.end) for s, d in group]))
    return entries


def _week_start(weekdays: Sequence[int]) -> int:
    """The weekday after the longest cyclic gap between the ones named."""
    gaps = [((weekdays[(i + 1) % len(weekdays)] - w) % 7 or 7, weekdays[(i + 1) % len(weekdays)])
            for i, w in enumerate(weekdays)]
    return max(gaps)[1]


def _same_events(told: list[tuple[Sentence, Document]]) -> list[list[tuple[Sentence, Document]]]:
    """Sentences of one weekday grouped by event (word overlap), most reports first."""
    groups: list[list[tuple[Sentence, Document]]] = []
    words: list[frozenset[str]] = []
    for sentence, doc in told:
        stems = frozenset(content_stems(sentence.text))
        for i, group in enumerate(groups):
            if _jaccard(stems, words[i]) >= MERGE_JACCARD and all(d.doc_id != doc.doc_id for _, d in group):
                group.append((sentence, doc))
                break
        else:
            groups.append([(sentence, doc)])
            words.append(stems)
    return sorted(groups, key=lambda g: -len(g))
