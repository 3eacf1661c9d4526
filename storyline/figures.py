"""Key figures across the reports of one story: how each number moved, where reports disagree.

A figure is one measure ("hostages escaped", "people killed") followed across reports. The
quantities were read per sentence by :mod:`storyline.quantities`; here key quantities of the
same event and counted thing are linked, ordered by report time, and compared: a number that
grows between reports is a *change*; reports of about the same time whose ranges cannot both
be true are a *conflict*. Wire copies repeat their original, so they count once, and so
does the same sentence found in another report.

A story of a hundred reports repeats its numbers many times and picks up stray ones (another
attack's toll, a misread headline), so a figure keeps one value per number and report day
(the reports repeating it go to ``also_in``), only the numbers most reports gave that day
plus the day's highest count, and a measure that is not plainly a count of the event
(casualties, hostages, displaced...) needs two independent reports to become a figure; one
that is, given by one report alone, needs a sentence told in the story's own words (a line
about poached rhinos run into a page about protests is another story's number).
Reports also recall other events ("a typhoon killed 1,500 people in 2011", "a bomb in Kano
killed 12"): a sentence dated well before the story began, or naming only places the
story's reports do not keep naming, gives no figure. A toll counted both as "people" and as
one kind of victim ("workers"), with the same numbers, is one figure in the reports' own word.
A wire digest runs briefs of several stories under their own datelines; only its brief told in
the story's words gives figures.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone

from storyline.models import Document, Figure, FigureValue, Quantity, Sentence, TimeMention
from storyline.textutil import content_stems, reads_as_report_prose

SAME_TIME = timedelta(hours=12)
# reports this close say how things stand at one moment: any disagreement between them is a
# conflict; further apart (within SAME_TIME) a count that rose is news coming in, not a conflict
SAME_MOMENT = timedelta(hours=2)
PLAIN_WORDS = re.compile(r"[A-Za-z][A-Za-z'’ -]*")
MAX_COUNTED_WORDS = 4
SHORT_HEADS = {"men", "kg"}
# words that stand for a noun told before, naming nothing alone: "damaged two other ones"
PRONOUN_HEADS = {"one", "ones"}
CALENDAR_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                  "today", "yesterday", "tonight", "january", "february", "march", "april",
                  "june", "july", "august", "september", "october", "november", "december"}

# how an event reads after the counted thing: "hostages held", "American hostages offered in exchange"
EVENT_WORDS = {"traded": "offered in exchange", "casualties": "casualties", "incidents": ""}
# other words reports use for an event, kept in the label when most values say them
REPORTED_WORDS = {"missing": {"unaccounted": "unaccounted for"},
                  "displaced": {"homeless": "left homeless"}}
# casualties first, then what happened to hostages, then everything else
EVENT_RANK = {"killed": 0, "wounded": 1, "casualties": 1, "killed or wounded": 1, "killed or missing": 1,
              "missing": 2, "held": 2, "freed": 2,
              "rescued": 2, "escaped": 2, "traded": 3, "displaced": 3, "evacuated": 3, "arrested": 3,
              "damaged": 3, "burned": 3, "flooded": 3, "cut": 3}
OTHER_RANK = 4
# events whose count is a key figure even when one report alone gives it (the workforce of a
# factory that burned or collapsed is how many were at risk; a crowd is a protest's measure)
CLEAR_EVENTS = {"killed", "wounded", "casualties", "killed or wounded", "killed or missing", "missing", "held",
                "freed", "rescued",
                "escaped", "trapped", "stranded", "displaced", "evacuated", "attacked", "arrested", "damaged",
                "traded", "employed", "protested"}
MIN_REPORTS = 2
STORY_WORD_SHARE = 0.1  # a word is the story's when this share of its independent reports use it
ON_TOPIC_SHARE = 0.15  # a lone report's figure needs this share of its sentence in the story's words
# money a disaster did ("$5 million in damage") is its measure; other sums one report gives
# (a bailout, a firm's debt, a pledge elsewhere) are usually side stories
CLEAR_MONEY_EVENTS = {"in damage", "in losses"}
# a sentence dated this long before the story's first report tells an earlier event's numbers
PAST_DAYS = 7
# a place named in this share of the story's reports (and in two of them) is the story's,
# once there are enough reports to tell
STORY_PLACE_SHARE = 0.05
PLACE_MIN_REPORTS = 10
PLACE_LABELS = {"GPE", "LOC", "FAC", "EVENT"}  # places, sites and named events ("Hurricane Katrina")
# "a year after Typhoon Washi killed 1,300", "eight years after a collapse that left 64 dead":
# a number told inside such a clause (no comma closing it first) is the earlier event's
RETROSPECT = re.compile(r"\b(years?|months?|decades?)\s+(after|since)\b[^,;:.]*$", re.I)
# "Months earlier, six riders died when another bus overturned": a sentence that opens by going
# months or years back tells an earlier event's numbers, wherever they stand in it
# "In the past decade, 900 miners have died", "over the last three years the war has killed
# 12,000": a total over years or months is a history, not this story's count
PERIOD_TOTAL = re.compile(r"\b(in|over|during|for|within)\s+the\s+(last|past|previous)\s+"
                          r"(\w+\s+)?(years|decades|months)\b", re.I)
LOOKBACK = re.compile(r"^\W*(\w+\s+)?(years?|months?|decades?)\s+(earlier|before|ago|previously)\b", re.I)
# "An earlier quake killed 1,200", "the 1,200 killed in the previous attack": a number told of
# an event named as an earlier one is that event's ("last year's flood" is dated by its words)
PAST_EVENT = re.compile(r"\b(?:an?|the)\s+(?:earlier|previous|prior)\s+"
                        r"(?:[a-z-]+\s+)?(?:quake|earthquake|tremor|aftershock|flood|storm|typhoon|hurricane|"
                        r"cyclone|tornado|tsunami|landslide|fire|blaze|explosion|blast|bombing|attack|"
                        r"shooting|massacre|rampage|crash|collapse|disaster|accident)s?\b", re.I)
# a counted noun the number reaches only across a name or a dash ("kills 49 BBC News links",
# "kills three - Trend") or that the line cuts off ("worshipp...") is page furniture
HEADLINE_GAP = re.compile(r"(?<![\w-])[-–—|]|:|\b[A-Z][\w.-]*")
CUT_OFF = ("...", "…")
# "arrested 500 of its members, including 80 elected members of parliament": a number a few
# words into an "including" phrase after a larger count of the same measure is a part of it,
# never a second value of that measure
INCLUDED_PART = re.compile(r"\b(?:including|among them|among whom)\s+(?:[\w'’-]+\s+){0,4}$", re.I)
# a dateline opening a brief ("GENEVA (AP) --"): a report with two or more is a digest of
# other stories' briefs, and only its brief told in the story's words is this story's
DATELINE = re.compile(r"\b[A-Z][A-Z.'-]{2,}(?:,? [A-Z][\w.'-]*){0,3} \((?:AP|AFP|Reuters|UPI)\) ?(?:--|_|—)")
DIGEST_WORD_SHARE = 0.5  # a word is the story's own, for telling a digest's briefs apart, in this share of reports
NEAR = 40  # characters after the number where its counted noun is looked for
FRACTION_HEADS = {"quarter", "quarters", "third", "thirds", "half", "halves"}
MAX_PER_DAY = 5  # numbers of one figure shown per report day
# counted nouns that already name the event ("deaths", not "deaths killed")
EVENT_NAMING_NOUNS = {"death", "fatality", "casualty", "injury", "arrest"}
BODY_NOUNS = {"body", "corpse"}
# adjectives that name the event of the people they describe ("dozens of injured soldiers")
EVENT_ADJECTIVES = {"dead": "killed", "injured": "wounded", "wounded": "wounded", "missing": "missing"}
# incidents reports count under different words: one measure, labelled by the commonest word
SAME_THING = {"blaze": "fire", "blast": "explosion", "bomb": "explosion",
              "bombing": "explosion", "quake": "earthquake"}
PEOPLE_WORDS = {"person", "persons"}
JOBS_CUT = "cut"
# a bare count of these in a story of job cuts ("the numbers it disclosed, about 1,200 roles")
JOB_HEADS = {"job", "role", "position", "post"}
# whoever lives in a place, counted as people when they leave their homes
RESIDENTS = {"people", "resident", "villager", "inhabitant", "local", "citizen"}
HOME_EVENTS = {"displaced", "evacuated"}
WORKER = "worker"  # "dockworkers", "steelworkers": workers of one trade
# bare nouns that name a toll: "11 deaths" is the same measure as "11 people killed"
TOLL_NOUNS_OF = {"killed": {"death", "fatality"}, "wounded": {"injury"}}
TOLL_EVENTS = set(TOLL_NOUNS_OF)
# bare nouns that only name people by what the event made them: "crews pulled 14 survivors out"
# are "people rescued", "mourners buried the 45 victims" are "people killed" ("Thai victims" stay a kind)
ROLE_NOUNS = {"rescued": {"survivor"}, "killed": {"victim"}, "wounded": {"victim"}}
# words that stand for people already named ("killing 7 people and wounding 21 others")
STAND_IN_NOUNS = {"others", "other"}
MONEY_UNITS = {"dollars", "euros", "pounds", "yen", "yuan", "rupees", "dinars", "francs",
               "pesos", "rubles", "quetzales", "taka", "naira", "rand", "ringgit", "lira",
               "shekels", "riyals", "dirhams"}
MONEY_HEADS = {unit.rstrip("s") for unit in MONEY_UNITS} | MONEY_UNITS  # as grouped: "dollar"
IRREGULAR = {"people": "people", "persons": "people", "person": "people", "men": "man",
             "women": "woman", "children": "child", "police": "police", "policemen": "policeman",
             "gunmen": "gunman", "staff": "staff", "crew": "crew", "militia": "militia"}


@dataclass
class _Entry:
    """One value of a figure while it is being built, with what is needed to order it."""

    value: FigureValue
    counted: str
    order: tuple  # (undated, time, document position, offset)
    local: bool = False  # told of one place the event hit ("In Kano, where 40 died")


@dataclass
class _Group:
    event: str
    head: str
    entries: list[_Entry] = field(default_factory=list)


# a source that only points back ("The report said ..."): the report is the one the sentence
# before named ("..., according to the Algerian news service")
BARE_SOURCES = {"the report", "the statement", "the dispatch", "the announcement", "the agency"}
ACCORDING_TO = re.compile(r"\baccording to ((?:the |an? )?[A-Za-z][^,;:()\n]*?)\s*(?:,|;|\.$|\.\s|$)")

# a count told of one place: "In Kano, where 40 died", "Five died there", "killed in that office";
# "there" that opens a clause ("there were 12 dead") places nothing
LOCAL_WORDS = re.compile(r"\bwhere\b|\bthere\b(?!\s+(?:is|are|was|were|have|has|had|will|would|may|might|"
                         r"could|remain|remained|appear|appeared|seem|seemed)\b)|"
                         r"\b(?:in|at|inside)\s+(?:that|this)\s+[a-z]", re.I)

# --- public -------------------------------------------------------------------------


def figure_label(q: Quantity) -> str | None:
    """Plain label of the measure a quantity reports ("foreign hostages escaped"), or None."""
    if not q.key or q.negated or not q.counted:
        return None
    if q.event is None or not _plain_counted(q.counted):
        return None
    return _label(_counted(q), q.event)


def _plain_counted(counted: str) -> bool:
    """Words a reader would use: no links, page furniture, weekdays or cut-off stubs."""
    words = counted.split()
    if not PLAIN_WORDS.fullmatch(counted) or len(words) > MAX_COUNTED_WORDS:
        return False
    if len(words[-1]) < 3 and words[-1].lower() not in SHORT_HEADS:
        return False
    if words[-1].lower() in FRACTION_HEADS:
        return False  # "nearly three quarters of the houses" is a share, not a count
    if words[-1].lower() in PRONOUN_HEADS:
        return False  # "destroyed seven tanks and damaged two other ones": the tanks, unnamed
    return not any(w.lower() in CALENDAR_WORDS for w in words)


def build_figures(documents: Sequence[Document]) -> list[Figure]:
    """Link key quantities of the same measure across reports into figures, most important first."""
    docs = list(documents)
    ids = {d.doc_id for d in docs}
    position = {d.doc_id: n for n, d in enumerate(docs)}
    groups: dict[tuple[str, str], _Group] = {}
    copies = [d for d in docs if _is_copy(d, ids)]
    scope = _scope(docs, copies)
    for doc in docs:
        if doc not in copies:
            for sent, q in _usable(doc, scope):
                _add(groups, doc, sent, q, position)
    for doc in copies:
        for sent, q in _usable(doc, scope):
            if not _fold(groups, doc, q):
                _add(groups, doc, sent, q, position)
    _add_bare_job_counts(groups, docs, copies, scope, position)
    _merge_generic_tolls(groups)
    _drop_local_parts(groups)
    wire = {d.doc_id for d in copies}
    built = [(g.event, _figure(g)) for g in groups.values() if g.entries and _supported(g, wire, scope)]
    built.sort(key=lambda pair: _importance(pair[1], pair[0]))
    return [f for _, f in built]


def _add_bare_job_counts(groups: dict[tuple[str, str], _Group], docs: list[Document],
                         copies: list[Document], scope: _Scope, position: dict[str, int]) -> None:
    """"The company stands by the numbers it disclosed, about 1,200 roles": in a story of job
    cuts a count of jobs with no event of its own that agrees with the cut is the cut told
    again (one that does not agree, "will create 300 jobs", is left out)."""
    group = groups.get((JOBS_CUT, "job"))
    if group is None:
        return
    told = [_claimed(e.value) for e in group.entries]
    for doc in docs:
        if doc in copies:
            continue
        for sent in doc.sentences:
            if sent.quantities and _off_story(sent, scope):
                continue
            for q in sent.quantities:
                if q.event or q.negated or q.hedged or q.value is None or not q.counted:
                    continue
                if _singular(_head_word(q.counted)) not in JOB_HEADS:
                    continue
                if any(_overlap(_claimed_quantity(q), t) for t in told):
                    _add(groups, doc, sent, replace(q, event=JOBS_CUT, key=True), position)


def _claimed_quantity(q: Quantity) -> tuple[float, float]:
    return _claimed(FigureValue(value=q.value, text="", doc_id="", low=q.low, high=q.high,
                                qualifier=q.qualifier))


def _merge_generic_tolls(groups: dict[tuple[str, str], _Group]) -> None:
    """"The number of people killed has risen to four" beside "a fourth worker was found dead":
    when every victim the story names for an event is of one kind and each "people" count is
    also given for that kind the same day, the people are those workers: one figure, not two."""
    for (event, head), generic in list(groups.items()):
        if head != "people" or not generic.entries:
            continue
        kinds = [g for (e, h), g in groups.items() if e == event and h != "people" and g.entries
                 and h not in MONEY_HEADS and h not in BODY_NOUNS]
        if len(kinds) != 1 or not all(_told_for(entry, kinds[0]) for entry in generic.entries):
            continue
        target = kinds[0]
        counted = target.entries[0].counted
        for entry in generic.entries:
            if not any(e.value.doc_id == entry.value.doc_id and _same(e.value, entry.value)
                       for e in target.entries):
                target.entries.append(replace(entry, counted=counted))
        del groups[(event, head)]


def _drop_local_parts(groups: dict[tuple[str, str], _Group]) -> None:
    """"In Kano, where 40 died" in a report that also counts 120 dead in all: a smaller count a
    report tells of one place, beside its larger count of the same measure, is a part of that
    total (one town, one office), not the toll of the story."""
    for (_, head), group in groups.items():
        if head in MONEY_HEADS:
            continue
        group.entries = [e for e in group.entries if not (e.local and any(
            f.value.doc_id == e.value.doc_id and _claimed(f.value)[0] > _claimed(e.value)[1]
            for f in group.entries))]


def _told_for(entry: _Entry, group: _Group) -> bool:
    """The same number is in the group from the same report or a report of the same day."""
    return any(_same(e.value, entry.value) and (e.value.doc_id == entry.value.doc_id
                                                 or _day(e.value) == _day(entry.value))
               for e in group.entries)


def _supported(group: _Group, wire: set[str], scope: _Scope) -> bool:
    """Several independent reports give the measure, or it is plainly a count of the event.

    One stray sentence about "3 bombings" or "12 workers employed" is noise among a hundred
    reports; a death toll or a hostage count read from one report is still worth showing.
    """
    reports = {e.value.doc_id for e in group.entries}
    reports |= {d for e in group.entries for d in e.value.also_in if d not in wire}
    if len(reports) >= MIN_REPORTS:
        return True
    clear = group.event in CLEAR_EVENTS or (group.head in MONEY_HEADS and group.event in CLEAR_MONEY_EVENTS)
    return clear and _on_topic(group, scope)


# --- collecting values ---------------------------------------------------------------


def _is_copy(doc: Document, ids: set[str]) -> bool:
    return bool(doc.duplicate_of) and doc.duplicate_of in ids and doc.duplicate_of != doc.doc_id


@dataclass
class _Scope:
    """What the story is about: when it began, where it happens, the words it is told in."""

    start: date | None
    places: set[str] | None  # None: too few reports to tell the story's places
    words: frozenset[str] | None = None  # None: too few reports to tell the story's words
    # per digest report, the character spans of its briefs about other stories
    other_briefs: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def _scope(docs: list[Document], copies: list[Document]) -> _Scope:
    """The story's first day and the places its independent reports keep naming."""
    days = [w.date() for w in (_utc(d.published) for d in docs) if w is not None]
    originals = [d for d in docs if d not in copies]
    named: Counter[str] = Counter()
    for doc in originals:
        named.update({e.text.lower() for s in doc.sentences for e in s.entities
                      if e.label in PLACE_LABELS})
    least = max(MIN_REPORTS, STORY_PLACE_SHARE * len(originals))
    places = {place for place, n in named.items() if n >= least}
    enough = len(originals) >= PLACE_MIN_REPORTS
    return _Scope(start=min(days) if days else None, places=places if enough else None,
                  words=_story_words(originals) if enough else None,
                  other_briefs=_other_briefs(docs, originals))


def _other_briefs(docs: list[Document], originals: list[Document]) -> dict[str, list[tuple[int, int]]]:
    """A wire digest runs briefs of several stories ("TOKYO (AP) -- ... PHOENIX (AP) -- ..."):
    the brief with most of the story's own words is this story's, the others' numbers are not."""
    out: dict[str, list[tuple[int, int]]] = {}
    own: frozenset[str] | None = None
    for doc in docs:
        starts = [m.start() for m in DATELINE.finditer(doc.text)]
        if len(starts) < 2:
            continue
        if own is None:
            own = _story_words(originals, DIGEST_WORD_SHARE)
        bounds = [0] + starts[1:] + [len(doc.text)]
        briefs = list(zip(bounds, bounds[1:]))
        told = [len(set(content_stems(doc.text[a:b])) & own) for a, b in briefs]
        out[doc.doc_id] = [span for span, n in zip(briefs, told) if n < max(told)]
    return out


def _story_words(originals: list[Document], share: float = STORY_WORD_SHARE) -> frozenset[str]:
    """Content words a share of the story's independent reports use."""
    used: Counter[str] = Counter()
    for doc in originals:
        used.update(set(content_stems(doc.text)))
    return frozenset(w for w, n in used.items() if n >= share * len(originals))


def _on_topic(group: _Group, scope: _Scope) -> bool:
    """Some sentence of the figure is told in the story's words. A lone report's count from a
    sentence that shares almost none ("Poachers killed 100 rhinoceros" run into a page about
    protests, a refugee total recalled in a bombing report) is another story's number."""
    if scope.words is None:
        return True
    for entry in group.entries:
        stems = set(content_stems(entry.value.text))
        if len(stems & scope.words) >= ON_TOPIC_SHARE * max(1, len(stems)):
            return True
    return False


def _off_story(sent: Sentence, scope: _Scope) -> bool:
    """Numbers of another event: dated well before the story, or only about other places.

    Reports recall earlier disasters ("a typhoon killed 1,500 people in 2011") and list
    other places' tolls ("a car bomb in Kano killed 12"); neither is this story's figure.
    """
    if scope.start is not None and any(_before(t, sent, scope.start) for t in sent.times):
        return True
    if scope.places is None:
        return False
    places = {e.text.lower() for e in sent.entities if e.label in PLACE_LABELS}
    return bool(places) and not places & scope.places


def _before(t: TimeMention, sent: Sentence, start: date) -> bool:
    """A mention whose whole period ends a week before the story began ("since 1970" aside)."""
    if t.value is None:
        return False
    lead = sent.text[:max(0, t.start - sent.start)].lower().split()[-2:]
    if "since" in lead:
        return False  # "the worst since 1970": the number is today's
    return _period_end(t) < start - timedelta(days=PAST_DAYS)


def _period_end(t: TimeMention) -> date:
    day = t.value
    assert day is not None
    if t.precision == "year":
        return date(day.year, 12, 31)
    if t.precision == "month":
        return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    return day


def _usable(doc: Document, scope: _Scope | None = None) -> list[tuple[Sentence, Quantity]]:
    """Key quantities that report a measure of this story: not negated, not hedged, labelled."""
    out = []
    for sent in doc.sentences:
        if scope is not None and sent.quantities and _off_story(sent, scope):
            continue
        if scope is not None and any(a <= sent.start < b for a, b in scope.other_briefs.get(doc.doc_id, [])):
            continue  # another story's brief in a digest
        for q in sent.quantities:
            if q.hedged or figure_label(q) is None or _retrospect(sent, q) or _included_part(sent, q):
                continue
            if not _counted_in_reach(sent, q):
                if q.event not in TOLL_EVENTS:
                    continue
                q = replace(q, counted="people")  # "... kills 49 BBC News links": a toll
            out.append((sent, q))
    return out


def _counted_in_reach(sent: Sentence, q: Quantity) -> bool:
    """The counted noun follows the number plainly, or stands before it ("hostages, 41 of")."""
    counted = q.counted or ""
    head = counted.split()[-1] if counted.split() else ""
    after = sent.text[max(0, q.end - sent.start):]
    at = re.search(rf"\b{re.escape(head)}", after[:NEAR], re.I) if head else None
    if at is None:
        return True
    own = {w.lower() for w in counted.split()}
    gap = [w for w in HEADLINE_GAP.findall(after[:at.start()]) if w.lower() not in own]
    return not gap and not after[at.end():].lstrip().startswith(CUT_OFF)


def _included_part(sent: Sentence, q: Quantity) -> bool:
    """The number opens (or nearly) an "including" phrase that follows a larger count of the
    same measure in the sentence ("70 people injured, including 15 critically"): those few are
    among the many, a detail of the total and not a second value beside it."""
    for whole in sent.quantities:
        if whole.end > q.start or not INCLUDED_PART.search(sent.text[max(0, whole.end - sent.start):
                                                                      max(0, q.start - sent.start)]):
            continue
        if _group_key(whole) != _group_key(q):
            continue  # "22 killed, including two children": the children are a measure of their own
        if whole.low is None or q.low is None or whole.low >= (q.high or q.low):
            return True
    return False


def _retrospect(sent: Sentence, q: Quantity) -> bool:
    """The number is told of an event years or months back ("a year after X killed 1,300",
    "Two years earlier, a fire killed 40"), of one named as earlier ("an earlier quake killed
    1,200") or totals them ("in the past five years, 600 died")."""
    before = sent.text[:max(0, q.start - sent.start)]
    return bool(RETROSPECT.search(before) or LOOKBACK.match(sent.text) or PERIOD_TOTAL.search(sent.text)
                or PAST_EVENT.search(before) or PAST_EVENT.search(_clause_after(sent, q)))


def _clause_after(sent: Sentence, q: Quantity) -> str:
    """The rest of the number's clause: "1,200 killed in the previous attack" up to a comma."""
    return re.split(r"[,;:]", sent.text[max(0, q.end - sent.start):], maxsplit=1)[0]


def _group_key(q: Quantity) -> tuple[str, str]:
    head = _singular(_head_word(_counted(q)))
    if head.endswith(WORKER):
        head = WORKER  # "5,000 dockworkers" and "6,000 workers" on strike are one measure
    if q.event in HOME_EVENTS and head in RESIDENTS:
        head = "people"  # "3,000 residents" then "8,000 people" forced from their homes: one measure
    return q.event or "", SAME_THING.get(head, head)


def _counted(q: Quantity) -> str:
    """What is counted, with "11 deaths" and "11 fatalities" read as "11 people" killed, and
    "wounding 21 others" as 21 people wounded."""
    counted = q.counted or ""
    if q.event in TOLL_EVENTS and _singular(counted) in TOLL_NOUNS_OF[q.event]:
        return "people"
    if q.event == JOBS_CUT:
        return "jobs"  # "1,200 employees" laid off, "1,200 roles", "job cuts": one measure
    if counted.lower() in STAND_IN_NOUNS:
        return "people"
    if _singular(counted) in ROLE_NOUNS.get(q.event or "", ()):
        return "people"
    return counted


def _add(groups: dict[tuple[str, str], _Group], doc: Document, sent: Sentence, q: Quantity,
         position: dict[str, int]) -> None:
    key = _group_key(q)
    group = groups.setdefault(key, _Group(event=key[0], head=key[1]))
    if any(e.value.doc_id == doc.doc_id and _same_numbers(e.value, q) for e in group.entries):
        return  # a report repeating its own number is one value
    said = _words(sent.text)
    for entry in group.entries:
        if _same_numbers(entry.value, q) and _words(entry.value.text) == said:
            if doc.doc_id not in entry.value.also_in:
                entry.value.also_in.append(doc.doc_id)
            return  # the same sentence in another report is a copy of it
    value = FigureValue(
        value=q.value, text=sent.text, doc_id=doc.doc_id, low=q.low, high=q.high,
        qualifier=q.qualifier, reported_at=doc.published, attributed_to=_named_source(doc, sent, q.attributed_to),
        quote=q.text,
    )
    order = (*_report_time(value), position.get(doc.doc_id, 0), q.start)
    group.entries.append(_Entry(value=value, counted=_counted(q), order=order, local=_local(sent)))


def _local(sent: Sentence) -> bool:
    """The sentence tells of one place: it points to one ("there", "where") or sets its news in
    one ("in Kano"); a place that only names a source or an owner ("Atlanta police said",
    "Turkey's prime minister") sets nothing."""
    return bool(LOCAL_WORDS.search(sent.text)) or any(
        e.label in PLACE_LABELS and re.search(rf"\b(?:in|at|inside)\s+(?:the\s+)?{re.escape(e.text)}\b", sent.text)
        for e in sent.entities)


def _named_source(doc: Document, sent: Sentence, source: str | None) -> str | None:
    """"The report said ..." after "..., according to the Algerian news service": the report
    the sentence points back to is the one the sentence before it named."""
    if source is None or source.lower() not in BARE_SOURCES:
        return source
    before = [s for s in doc.sentences if s.index == sent.index - 1]
    if not before:
        return source
    named = ACCORDING_TO.search(before[0].text)
    if named:
        return named.group(1)
    earlier = {q.attributed_to for q in before[0].quantities if q.attributed_to}
    earlier -= {s for s in earlier if s.lower() in BARE_SOURCES}
    return earlier.pop() if len(earlier) == 1 else source


def _fold(groups: dict[tuple[str, str], _Group], doc: Document, q: Quantity) -> bool:
    """A wire copy's number that its original already gives: note the copy, add nothing."""
    group = groups.get(_group_key(q))
    if group is None:
        return False
    for entry in group.entries:
        if entry.value.doc_id == doc.duplicate_of and _same_numbers(entry.value, q):
            if doc.doc_id not in entry.value.also_in:
                entry.value.also_in.append(doc.doc_id)
            return True
    return False


def _words(text: str) -> str:
    """A sentence with case, punctuation and spacing ignored, to spot copies of it."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _area_unit(counted: str | None) -> bool:
    """"hectares", "acres", "square kilometres": what an area figure is measured in."""
    return bool(counted) and (counted.rstrip("s") in ("hectare", "acre") or counted.startswith("square "))


def _same_numbers(v: FigureValue, q: Quantity) -> bool:
    return (v.value, v.low, v.high) == (q.value, q.low, q.high)


# --- one figure -----------------------------------------------------------------------


def _figure(group: _Group) -> Figure:
    entries = sorted(group.entries, key=lambda e: e.order)
    values = _best_of_each_day([e.value for e in entries])
    counted = _agreed_counted([e.counted for e in entries])
    conflicts = conflict_pairs(values)
    unit = counted if counted in MONEY_UNITS or _area_unit(counted) else None
    return Figure(
        label=_label(counted, group.event, _reported_word(group.event, values)),
        values=values,
        unit=unit,
        conflict=bool(conflicts),
        change=_change(values),
        conflict_note=_conflict_note(values, conflicts) if conflicts else None,
    )


def _best_of_each_day(values: list[FigureValue]) -> list[FigureValue]:
    """One value per number and report day, and only the numbers most reports gave that day.

    Reports that repeat a number already given that day are listed in its ``also_in``
    (corroboration, not news); a number one report alone gives on a day when others
    agree on several numbers is usually another event's toll or a misreading.
    """
    kept: dict[tuple, FigureValue] = {}
    for v in values:
        key = (_day(v), v.value, v.low, v.high)
        first = kept.get(key)
        if first is None:
            kept[key] = v
            continue
        if not reads_as_report_prose(first.text) and reads_as_report_prose(v.text):
            kept[key], first, v = v, v, first  # the day's first report in prose words the value
        for doc_id in (v.doc_id, *v.also_in):
            if doc_id != first.doc_id and doc_id not in first.also_in:
                first.also_in.append(doc_id)
    by_day: dict[object, list[FigureValue]] = {}
    for key, v in kept.items():
        by_day.setdefault(key[0], []).append(v)
    best = {id(v) for day in by_day.values()
            for v in sorted(day, key=lambda v: -len(v.also_in))[:MAX_PER_DAY]}
    best |= {id(max(day, key=_top)) for day in by_day.values()}  # the day's highest count
    return sorted((v for v in kept.values() if id(v) in best), key=_report_time)


def _report_time(v: FigureValue) -> tuple[bool, datetime]:
    when = _utc(v.reported_at)
    return when is None, when or datetime.min.replace(tzinfo=timezone.utc)


def _top(v: FigureValue) -> float:
    return max(x for x in (v.value, v.low, v.high, 0.0) if x is not None)


def _day(v: FigureValue) -> object:
    when = _utc(v.reported_at)
    return when.date() if when is not None else None


def _reported_word(event: str, values: list[FigureValue]) -> str | None:
    """The reports' own word for the event when most of them use it ("unaccounted for")."""
    for stem, word in REPORTED_WORDS.get(event, {}).items():
        if 2 * sum(stem in v.text.lower() for v in values) > len(values):
            return word
    return None


def _label(counted: str, event: str, word: str | None = None) -> str:
    head = _singular(_head_word(counted))
    if head in BODY_NOUNS and event == "killed":
        return counted if "dead" in counted.lower().split() else f"dead {counted}"
    counted = _without_event_adjective(counted, event)
    if head in EVENT_NAMING_NOUNS:
        return counted
    word = word or EVENT_WORDS.get(event, event)
    return f"{counted} {word}" if word and counted != word else counted


def _without_event_adjective(counted: str, event: str) -> str:
    """"injured Malian soldiers wounded" says it twice: "Malian soldiers wounded"."""
    words = counted.split()
    if len(words) > 1 and EVENT_ADJECTIVES.get(words[0].lower()) == event:
        return " ".join(words[1:])
    return counted


def _agreed_counted(counted: list[str]) -> str:
    """The counted thing in the reports' most common words, with the modifiers all agree on."""
    heads = Counter(_plain_head(c.split()[-1]) for c in counted if c.split())
    plural = Counter({h: n for h, n in heads.items() if _singular(h) != h.lower() or h.lower() == "people"})
    heads = plural or heads  # "children killed" names the measure, even when one report said "a child"
    head = heads.most_common(1)[0][0] if heads else counted[0]
    first = counted[0].split()
    others = [{w.lower() for w in c.split()[:-1]} for c in counted[1:]]
    mods = [w for w in first[:-1] if all(w.lower() in o for o in others)]
    return " ".join([*mods, head])


def _plain_head(word: str) -> str:
    """"persons" and "person" read as "people", the word most reports use."""
    return "people" if word.lower() in PEOPLE_WORDS else word


def _head_word(counted: str) -> str:
    words = counted.split()
    return words[-1].lower() if words else ""


def _singular(word: str) -> str:
    """Crude plural -> singular, enough to group "hostages" with "hostage"."""
    word = word.lower()
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# --- change and conflict -------------------------------------------------------------


def _change(values: list[FigureValue]) -> str | None:
    """"2 -> at least 6": how the figure moved, one step per :data:`SAME_TIME` of reports.

    A step stands for the middle value its reports gave (not the first one to arrive): in a
    big story a stale toll reprinted beside the new one must not read as a fall. Undated
    reports have no place in time.
    """
    steps: list[list[FigureValue]] = []
    start: datetime | None = None
    for v in values:
        when = _utc(v.reported_at)
        if when is None:
            continue
        if start is None or when - start > SAME_TIME:
            steps.append([])
            start = when
        steps[-1].append(v)
    moves: list[FigureValue] = []
    for k, step in enumerate(steps):
        middle = _middle(step, upper=k == len(steps) - 1)
        if not moves or not _same(moves[-1], middle):
            moves.append(middle)
    if len(moves) < 2:
        return None
    return " -> ".join(describe(v) for v in moves)


def _middle(step: list[FigureValue], upper: bool = False) -> FigureValue:
    """The median of a step's numbers; a vague amount ("dozens") only when the step gives no
    number. Of two middles the lower, except in the last step: where a story now stands is
    the higher of two disputed counts ("6,000 say the union, 4,500 the employers"), as its
    "Latest" line shows it, so the movement must not end on the other one."""
    numbers = [v for v in step if v.value is not None] or step
    ranked = sorted(numbers, key=_midpoint)
    return ranked[len(ranked) // 2 if upper else (len(ranked) - 1) // 2]


def _midpoint(v: FigureValue) -> float:
    low, high = _range(v)
    return low if high == float("inf") else (low + high) / 2


def conflict_pairs(values: Sequence[FigureValue]) -> list[tuple[int, int]]:
    """Pairs of values (indices) from about the same time whose ranges cannot both hold.

    Within :data:`SAME_MOMENT` any two independent values that cannot both be true disagree
    ("41" and "132" hostages in the same hour). Hours apart, a later count that is higher is
    the toll rising as news comes in (32, then 70, then at least 87 dead), not a conflict;
    a later count that is lower still is one (a stale or revised number beside a newer one).
    """
    pairs = []
    for i, a in enumerate(values):
        for j in range(i + 1, len(values)):
            b = values[j]
            if not _independent(a, b) or not _same_time(a, b):
                continue
            if not _overlap(_claimed(a), _claimed(b)) and not _rose(a, b):
                pairs.append((i, j))
    return pairs


def _independent(a: FigureValue, b: FigureValue) -> bool:
    """Different reports, or one report quoting two different sources."""
    if a.doc_id != b.doc_id:
        return True
    return bool(a.attributed_to and b.attributed_to and a.attributed_to != b.attributed_to)


def _same_time(a: FigureValue, b: FigureValue) -> bool:
    ta, tb = _utc(a.reported_at), _utc(b.reported_at)
    if ta is None or tb is None:
        return ta is None and tb is None
    return abs(ta - tb) <= SAME_TIME


def _rose(a: FigureValue, b: FigureValue) -> bool:
    """The later of two values, reported more than a moment after the other, is the higher."""
    ta, tb = _utc(a.reported_at), _utc(b.reported_at)
    if ta is None or tb is None or abs(ta - tb) <= SAME_MOMENT:
        return False
    early, late = (a, b) if ta < tb else (b, a)
    return _range(late)[0] > _range(early)[1]


def _range(v: FigureValue) -> tuple[float, float]:
    if v.low is None and v.high is None:
        exact = v.value if v.value is not None else 0.0
        return exact, exact
    low = v.low if v.low is not None else 0.0
    high = v.high if v.high is not None else float("inf")
    return low, high


def _claimed(v: FigureValue) -> tuple[float, float]:
    """A value's range with its own number in it: "the toll passed 50" beside "50 dead" is
    one count told two ways, not reports that disagree (as the rendered note reads it)."""
    low, high = _range(v)
    if v.value is None:
        return low, high
    if v.qualifier == "nearly":  # "nearly 50" is read as close to 50 either side, as rendered
        high = max(high, v.value * 1.1)
    return min(low, v.value), max(high, v.value)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _conflict_note(values: list[FigureValue], pairs: list[tuple[int, int]]) -> str:
    """"doc A (militants): 41; doc B: 132" - who says which, in report order."""
    involved = sorted({i for pair in pairs for i in pair})
    parts = []
    for i in involved:
        v = values[i]
        source = f"{v.doc_id} ({v.attributed_to})" if v.attributed_to else v.doc_id
        parts.append(f"{source}: {describe(v)}")
    return "; ".join(parts)


def since_then(figures: Sequence[Figure]) -> dict[str, list[tuple[Figure, FigureValue]]]:
    """Sentences (by text) that give a value a moving figure has since left, each with the
    figure and its latest value: a summary quoting the first day's "12 dead" should tell the
    reader that later reports say 41."""
    out: dict[str, list[tuple[Figure, FigureValue]]] = defaultdict(list)
    for f in figures:
        dated = [v for v in f.values if v.reported_at is not None]
        if not f.change or not dated:
            continue
        now = max(dated, key=lambda v: (_utc(v.reported_at), _top(v)))
        for v in dated:
            if not _same(v, now) and _utc(now.reported_at) - _utc(v.reported_at) > SAME_TIME:
                out[v.text].append((f, now))
    return dict(out)


def later_values(text: str, table: dict[str, list[tuple[Figure, FigureValue]]]) -> list[tuple[Figure, FigureValue]]:
    """What ``since_then`` says of a quoted sentence (quoted whole or shortened)."""
    if text in table:
        return table[text]
    quoted = text.rstrip(" .!\"'\u201d")
    return next((later for said, later in table.items() if quoted in said or said.rstrip(" .") in text), [])


def _same(a: FigureValue, b: FigureValue) -> bool:
    return (a.value, a.low, a.high) == (b.value, b.low, b.high)


def describe(v: FigureValue) -> str:
    """A value in plain words: "20", "at least 6", "about 60", "24-99", "67-131"."""
    if v.value is not None:
        core = _num(v.value)
        return f"{v.qualifier} {core}" if v.qualifier else core
    if v.low is not None and v.high is not None:
        return f"{_num(v.low)}-{_num(v.high)}"
    if v.low is not None:
        return f"at least {_num(v.low)}"
    if v.high is not None:
        return f"up to {_num(v.high)}"
    return "?"


def _num(x: float) -> str:
    """As a report would write it: "56", "2,400", "4.2 billion", "1.5 million"."""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(x) >= size and round(x / size, 2) * size == x:
            return f"{x / size:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def _utc(when: datetime | None) -> datetime | None:
    """Comparable times: a date without a zone is taken as UTC."""
    if when is None:
        return None
    if when.tzinfo is None:
        return when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc)


# --- order -----------------------------------------------------------------------------


def _importance(f: Figure, event: str) -> tuple:
    """More independent reports first; then casualties, then hostages, then the rest."""
    reports = len({v.doc_id for v in f.values})
    return (-reports, EVENT_RANK.get(event, OTHER_RANK), -len(f.values), f.label)
