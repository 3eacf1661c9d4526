"""Dated timeline of one story: what happened on which day, with the reports that say so.

Every sentence whose day-precision date stands on an event word ("attacked early
yesterday", "stormed the plant on Thursday") becomes a candidate. A date that sits only
on a reporting verb ("..., officials said Friday") dates the statement; when the same
sentence carries a date of its own in the content, that date wins. Dates far from the
story's reports (history, teasers, photo files) are dropped, candidates about the same
event on the same day are merged, and entries are ranked by how many independent reports
support them. Sentences are quoted verbatim, so nothing is invented.

The event a date belongs to is read from ``TimeMention.governor`` (the word the parse
attached the date to, recorded by the temporal stage); without it, or when the governor
is no event word ("began Wednesday when militants seized..."), the event word nearest
the date stands in. Known limits: one date per sentence (the first content date that
governs an event word, else the first); mentions of undated reports are not re-anchored
on other reports, so only their explicit, year-bearing dates can count.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from storyline.models import Citation, Document, Sentence, TimeMention, TimelineEntry
from storyline.textutil import content_stems, stem

DATED_KINDS = ("absolute", "weekday", "relative")
HISTORY_DAYS = 30  # how far before the first report a date can still belong to the story
FUTURE_DAYS = 1  # how far after the last report (time zones, "tomorrow")
MERGE_JACCARD = 0.3
MIN_WORDS = 4

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

REPORTING_LEMMAS = {"say", "tell", "announce", "report", "state", "add", "confirm", "declare"}
REPORTING = r"(?:said|says|told|tells|announced|reported|stated|added|confirmed|declared)"
REPORTED_BEFORE = re.compile(rf"\b{REPORTING}(?:\s+[A-Za-z]+)?\s+(?:on\s+)?$", re.IGNORECASE)
REPORTED_AFTER = re.compile(rf"^\s*,?\s*{REPORTING}\b", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z]+")
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


@dataclass
class _Entry:
    day: date
    members: list[_Candidate] = field(default_factory=list)

    @property
    def support(self) -> int:
        return len({m.voice for m in self.members})

    @property
    def salience(self) -> float:
        return max(m.salience for m in self.members)

    @property
    def first(self) -> tuple[int, int]:
        return min(m.order for m in self.members)


# --- public API ---------------------------------------------------------------------


def build_timeline(documents: Sequence[Document], *, per_day: int = 3,
                   limit: int = 20) -> list[TimelineEntry]:
    """Dated events of one story, oldest first, each citing every report that states it."""
    ordered = _publication_order(documents)
    candidates = [c for position, doc in enumerate(ordered)
                  for c in _document_candidates(doc, position)]
    window = _story_window(ordered, candidates)
    if window is not None:
        candidates = [c for c in candidates if window[0] <= c.day <= window[1]]
    entries = _merge(candidates)
    chosen = _select(entries, per_day, limit)
    return [_to_entry(e) for e in chosen]


# --- candidates -------------------------------------------------------------------------


def _publication_order(documents: Sequence[Document]) -> list[Document]:
    """Dated reports first, oldest first; input order breaks ties (and orders undated)."""
    indexed = list(enumerate(documents))
    indexed.sort(key=lambda p: (p[1].published is None,
                                p[1].published.date() if p[1].published else date.min, p[0]))
    return [d for _, d in indexed]


def _document_candidates(doc: Document, position: int) -> list[_Candidate]:
    voice = doc.duplicate_of or doc.doc_id
    out = []
    for sentence in doc.sentences:
        candidate = _candidate(sentence, voice, (position, sentence.index))
        if candidate is not None:
            out.append(candidate)
    return out


def _candidate(sentence: Sentence, voice: str, order: tuple[int, int]) -> _Candidate | None:
    if len(sentence.text.split()) < MIN_WORDS:
        return None
    dated = _dating_mention(sentence)
    if dated is None:
        return None
    mention, on_reporting_verb = dated
    events = _event_words(sentence.text)
    if not events or mention.value is None:
        return None
    event = _dated_event(mention, on_reporting_verb, events, sentence)
    return _Candidate(
        day=mention.value, sentence=sentence, voice=voice, order=order, event=event,
        salience=SALIENCE[event] + 0.1 * max(SALIENCE[e] for _, _, e in events),
        lead=len(sentence.text[:max(0, mention.start - sentence.start)].split()),
        stems=frozenset(s for s in content_stems(sentence.text) if s not in TIME_STEMS),
    )


def _dating_mention(sentence: Sentence) -> tuple[TimeMention, bool] | None:
    """The mention that dates the sentence's event, and whether it only dates a statement.

    A date on a reporting verb ("said Friday") dates the statement; a date in the
    reported content dates the reported event, so it wins when both are present.
    """
    usable = [m for m in sentence.times
              if m.kind in DATED_KINDS and m.value is not None and m.precision == "day"]
    if not usable:
        return None
    content = [m for m in usable if not _on_reporting_verb(sentence, m)]
    if content:
        return min(content, key=lambda m: (_governed_event(m) is None, m.start)), False
    return min(usable, key=lambda m: m.start), True


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


# --- merge, rank, word ----------------------------------------------------------------------


def _merge(candidates: Sequence[_Candidate]) -> list[_Entry]:
    entries: list[_Entry] = []
    for candidate in sorted(candidates, key=lambda c: (c.day, c.order)):
        home = next((e for e in entries if e.day == candidate.day and _same_event(e, candidate)),
                    None)
        if home is None:
            entries.append(_Entry(candidate.day, [candidate]))
        else:
            home.members.append(candidate)
    return entries


def _same_event(entry: _Entry, candidate: _Candidate) -> bool:
    """Same day is given; same event when the event class matches or the wording overlaps.

    Within one story, two reports naming the same kind of event on the same day are about
    the same event; different kinds (an escape, an attack) never merge however alike the
    words; statements need overlapping wording (many people speak each day).
    """
    for member in entry.members:
        if member.event != candidate.event and None not in (member.event, candidate.event):
            continue
        if member.event == candidate.event and candidate.event not in (None, "statement"):
            return True
        if _jaccard(member.stems, candidate.stems) >= MERGE_JACCARD:
            return True
    return False


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _select(entries: list[_Entry], per_day: int, limit: int) -> list[_Entry]:
    """Best-supported entries, at most ``per_day`` a day and ``limit`` in all, oldest first."""
    ranked = sorted(entries, key=lambda e: (-e.support, -e.salience, e.first))
    per: dict[date, int] = {}
    kept: list[_Entry] = []
    for entry in ranked:
        if per.get(entry.day, 0) >= per_day or len(kept) >= limit:
            continue
        per[entry.day] = per.get(entry.day, 0) + 1
        kept.append(entry)
    rank = {id(e): i for i, e in enumerate(kept)}
    return sorted(kept, key=lambda e: (e.day, rank[id(e)]))


def _clarity(c: _Candidate) -> tuple[int, int, float, tuple[int, int]]:
    """Lower is clearer: standalone, not too long, short and opening on its event,
    from the earliest report."""
    words = len(c.sentence.text.split())
    return (1 if LEADING_PRONOUN.match(c.sentence.text) else 0,
            1 if words > 45 else 0, words + 0.5 * c.lead, c.order)


def _to_entry(entry: _Entry) -> TimelineEntry:
    worded = min(entry.members, key=_clarity)
    others = sorted((m for m in entry.members if m is not worded), key=lambda m: m.order)
    sources: list[Citation] = []
    for m in [worded, *others]:
        citation = Citation(m.sentence.doc_id, m.sentence.start, m.sentence.end)
        if citation not in sources:
            sources.append(citation)
    return TimelineEntry(date=entry.day.isoformat(), text=worded.sentence.text,
                         sources=sources, precision="day")
