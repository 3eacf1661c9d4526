"""Find temporal expressions in a sentence and resolve them against the report's date.

News reports speak in relative time ("early yesterday", "on Thursday", "three days into
the siege"), so a date only means something once it is anchored on the day the report
was published. Rules are regular expressions over the sentence text, tried in order
(longest, most specific first, no overlaps); spaCy supplies what regexes cannot see:
the DATE entities that license a bare year, and the governing verb's tense that decides
whether a weekday lies behind or ahead of the report.

Conventions (documented because news time is fuzzy):

* weekdays: past or present tense (``said Friday``) -> the latest such day on or before
  the report date; future tense (``will meet Monday``) -> the first one on or after it
  (a Friday report's "will return to work on Friday" is that day); ``next Monday`` ->
  strictly after it; ``last Monday`` -> before yesterday (the day before is "yesterday" or
  plain "Wednesday"); "on a recent Friday", "one Sunday" name no day (precision ``period``). A report stamped late in
  the UTC day (``LATE_HOUR``) may come from where the next day has begun: a past weekday
  that would lie six days back is that next day.
* a timetable's simple present ("the trial opens Monday", "takes effect on Jan. 12") and
  "be to" ("are to be released Monday") are future too; a quoted title ("Next Friday")
  is no date; a month before its event ("a dramatic September meeting") is a month date.
* ``clause`` records where the parse attaches the expression: on the main clause's
  verb (``main``), on a noun of the main clause (``noun``), or inside a relative,
  participial or adverbial clause (``side``): which event of the sentence it dates.
* "April 15 next year", "August 20 of 1993": the year is told with the date.
* an infinitive relative ("a report to be released on Monday") is a plan, ahead; so is a plan
  told in the simple past ("they planned to meet on Thursday", backshifted reported speech),
  not a pluperfect ("had planned to meet on Thursday" was a plan for a day gone by).
* dates without a year: the year that puts the date nearest on or before the report
  date (one day of slack for time zones); future tense -> nearest on or after it; a plan
  told in the past tense ("was scheduled to end by June 23") or a date before its noun in a
  clause with no past tense ("states with March 7 primaries") -> the nearest either side
  (ahead only within ``NEAR_AHEAD``). A
  chronology's line ("1998: Jan. 22 - ...", "May 18 - ...") takes the list's year heading.
* the report date is the dateline's day when the text opens with a dated dateline near the
  stamp ("PARIS, February 20 (Xinhua) --" stamped Feb. 21 UTC): "today" is the 20th.
* a present progressive with a date ("is hosting a forum on Oct. 29") is ahead, like a timetable.
* ``last week`` / ``two weeks ago``: kind ``relative``, ``offset_days`` -7 / -14, value
  the Monday of that week with precision ``"week"`` (coarser than a day, so no stage
  that wants a day will take it). Month/year relatives ("last month", "earlier this
  year") have precision month/year and no ``offset_days``.
* spans: ``three days into the siege`` reported on day 3 -> the siege began
  report - 2 days; ``a day after X`` -> X = anchor - 1. The anchor is the sentence's
  own nearest day-precision date, else the report date; ``offset_days`` is the shift
  from that anchor and ``value`` the start of X.
* ``on Sunday night`` is a weekday mention (``offset_days`` is also filled once resolved).
* a date inside a photo-caption pattern ("in this June 28, 2007 file photo") is kept
  with kind ``caption`` and no value; a leading ``ALGIERS, Jan. 17 (AP) -`` is kind
  ``dateline``. Neither dates an event.
* decades ("in the 1970s", "the late '60s"): kind ``absolute``, precision ``decade``, value
  the decade's first year: history, never a day, but a sentence that carries one is dated
  by it, not by its report.
* stretches back to now ("in recent years", "over the past 27 years"): kind ``relative``,
  precision ``period``, no value: background told over years, not any day's news. Not
  after a superlative ("the worst flooding in recent years"): that ranks the news.
* "today" meaning nowadays ("Today, more women than men enroll", "the issues facing the nation
  today", "Employers today seek ..."): kind ``relative``, precision ``period``, no value, like "in recent years".
* without a publication date, relative mentions keep kind/offset/weekday/direction and
  ``value=None``; :func:`resolve_mentions` fills them once an anchor is known.

Not handled: anaphoric times ("earlier in the day", "the previous day", "since then"),
durations ("for 48 hours"), times of day alone ("10 a.m."), numeric dates like 16/01/2013
(day/month order is ambiguous).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from dateutil import parser as dateutil_parser
from spacy.tokens import Span, Token

from storyline.models import Document, TimeMention
from storyline.nlp import doc_text, span_ents

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}
UNIT_DAYS = {"day": 1, "week": 7}

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
MONTH_FULL = (r"(?:January|February|March|April|May|June|July|August|September|October"
              r"|November|December)")
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>1\d{3}|20\d{2})"
NUM = r"(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
ORD = r"(?P<ord>" + "|".join(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))"
WEEKDAY = r"(?P<wd>" + "|".join(WEEKDAY_NAMES) + r")"
# holidays on a fixed day, told with their year: "on Boxing Day 2004" is history, not today
HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
            "boxing day": (12, 26), "new year's eve": (12, 31), "new year's day": (1, 1),
            "valentine's day": (2, 14), "halloween": (10, 31)}
HOLIDAY = "(?P<holiday>" + "|".join(sorted((h.replace("'", "['\u2019]").replace(" ", r"\s+") for h in HOLIDAYS),
                                         key=len, reverse=True)) + ")"
DAYPART = r"(?:morning|afternoon|evening|night)"

# Words before a bare year that make it a date rather than a count.
YEAR_LEADS = {"in", "since", "by", "until", "during", "from", "before", "after", "early",
              "late", "mid", "around", "circa", "of", "the", "a", "last", "between", "and"}
STRONG_YEAR_LEADS = {"in", "since", "until", "during", "by"}
FUTURE_AUX = {"will", "'ll", "shall", "wo", "would"}  # "said ships would be unloaded on Sunday"
FUTURE_HEADS = {"expect", "schedule", "due", "slate", "plan", "set", "intend", "go", "have", "need"}
# a deadline's verbs that tell it was met, not set: "managed to reach the village by Thursday"
MET_HEADS = {"manage", "able", "fail", "begin", "start", "continue", "try", "succeed"}
PLAN_HEADS = {"plan", "intend"}  # a plan told in the past tense is still ahead: "planned to appear Wednesday"
# a decision over an infinitive: "has decided to raise benefits Jan. 1" (told Dec. 15) sets a
# day that may still be ahead of its telling, like a plan told in the past
DECISION_HEADS = {"decide", "agree", "vote", "promise", "pledge", "vow", "resolve", "choose", "opt"}
ONLY_AS_HEADS = {"go", "set", "have", "need"}  # future only over a complement: "has to be approved Monday"
# verbs of a timetable: in the simple present with a date they tell what is to come ("the trial
# opens Monday", "the law takes effect on Jan. 12"); a caption's present ("mourners carry a
# coffin during a funeral Monday") or a state's ("the toll stands at 20") tells the day it is
SCHEDULE_VERBS = {"open", "begin", "start", "resume", "go", "take", "close", "end", "expire", "arrive",
                  "leave", "depart", "return", "vote", "convene", "reconvene", "premiere", "debut",
                  "air", "launch", "kick", "face", "head", "travel", "fly", "visit", "conclude",
                  "turn", "celebrate"}  # a birthday: "she turns 90 on May 3"
CHRONOLOGY_AFTER = re.compile(r"^\s*(?:[-_:\u2013\u2014]|\.\s)")  # "May 18 - Talks fail.": a list's own year
# a chronology's year heading: "1998: Jan. 22 - ...", a line "1997" or "1997:" of its own
YEAR_HEADING = re.compile(r"(?:^|\n|[.:]\s)\s*(?P<year>1\d{3}|20\d{2})\s*(?::|\n)")
YEAR_OPENS = re.compile(r"\b(?P<year>1\d{3}|20\d{2})\s*:\s*$")  # "1998: Jan. 22 - ..."
CHRONOLOGY_REACH = 3000  # characters back a list's year heading may stand
OPEN_QUOTE = re.compile(r"(?:\"|``|\u201c|')$")  # a date that is a whole quotation is a title:
CLOSE_QUOTE = re.compile(r"^[,.]?(?:\"|''|\u201d|'(?!s\b))")  # the film "Next Friday", the song "September"
# "the deadliest attack in recent years": a superlative a few words before a period ranks the news
RANKED = re.compile(r"\b(?:\w{3,}est|most|least|first|only|highest|lowest|worst|best)\b(?:\W+\w+){0,5}\W*$",
                    re.IGNORECASE)
CAPTION_AFTER = re.compile(
    r"^,?\s*(?:(?:file|handout|archive|undated|ap|afp|reuters|epa)\s+)*"
    r"(?:photo|photograph|picture|pic|image)\b", re.IGNORECASE)
CAPTION_BEFORE = re.compile(
    r"(?:photo|photograph|picture|image)\s+(?:taken|dated|shot)\s+(?:on\s+|in\s+)?$",
    re.IGNORECASE)
DATELINE_BEFORE = re.compile(r"^\s*[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][A-Za-z .'-]{1,30})?,?\s*$")
DATELINE_AFTER = re.compile(r"^\s*(?:\([A-Za-z. ]{1,20}\))?\s*[-\u2013\u2014:]")
DATELINE_REACH = 80  # a dateline sits within the first characters of a report
# "PARIS, February 20 (Xinhua) -- ...": the dateline's date is the report's own day
DATELINE_DATE = re.compile(rf"^\s*[A-Z][A-Za-z .'()-]{{1,40}}(?:,\s*[A-Z][A-Za-z .'()-]{{1,30}})?,\s*"
                           rf"(?P<month>{MONTH})\.?\s+{DAY}(?:,?\s+{YEAR})?\s*(?:\([A-Za-z. ]{{1,20}}\))?\s*"
                           rf"[-\u2013\u2014:]")
DATELINE_DRIFT = (timedelta(days=-2), timedelta(days=1))  # how far a dateline may sit from the
#   publication stamp: wire stamps are UTC and often the next day ("PARIS, February 20" stamped
#   Feb. 21), or a day early for places east of UTC; farther off, the dateline is no report day
YEAR_SHIFT = r"(?P<shift>(?i:next|last|this)\s+year)\b"  # "by April 15 next year": the year is told
# "on a recent Friday", "one Sunday", "every Monday": an unnamed or any such day, not a date
NAMED_AFTER = re.compile(r"^\s+(?:Night|Morning|Afternoon|Evening)\b")  # "Saturday Night Live", "Monday
# Night Football": a weekday with a capitalised part of day is a show's or a team's name, no day
ANY_DAY_BEFORE = re.compile(r"\b(?:a|an|one|every|each)\s+(?:(?:recent|certain|given|typical|single)\s+)?$",
                            re.IGNORECASE)
PAST_SLACK = timedelta(days=1)
NEAR_AHEAD = timedelta(days=92)  # "the March 7 primaries" told in February: a date with no tense is ahead
#                                  when nearer that way, within a season
LATE_HOUR = 20  # UTC hour from which the next day has begun east of UTC+4 (the Gulf, Asia, Australia)  # time zones: a report may print "Jan. 18" late on the 17th


@dataclass
class _Context:
    """What a rule may need beyond its match: the sentence and the tense around it."""

    sent: Span
    start: int  # document offsets of the match
    end: int


Handler = Callable[[re.Match[str], _Context], TimeMention | None]


# --- public API ---------------------------------------------------------------------


def find_times(sent: Span, published: datetime | None, *, day: date | None = None) -> list[TimeMention]:
    """Temporal expressions of one sentence, resolved against ``published`` when known.

    ``day`` is the day the report speaks from when the caller knows it (``document_day``);
    else it is read from a dateline at the head of the parsed text. Offsets are relative to
    ``sent.doc`` because spaCy runs over the whole document.
    """
    anchor = day or report_day(doc_text(sent.doc), published)
    text = sent.text
    base = sent.start_char
    taken: list[tuple[int, int]] = []
    found: list[TimeMention] = []
    for pattern, handler in RULES:
        for match in pattern.finditer(text):
            start, end = base + match.start(), base + match.end()
            if any(start < e and s < end for s, e in taken) or _title(text, match):
                continue
            mention = handler(match, _Context(sent, start, end))
            if mention is None:
                continue
            taken.append((start, end))
            mention.governor = _governor(sent, start, end)
            mention.clause = _clause(sent, start, end)
            found.append(_mark_caption_or_dateline(mention, sent))
    found.sort(key=lambda m: m.start)
    resolved = resolve_mentions(found, anchor)
    if anchor is not None and isinstance(published, datetime) and published.date() == anchor \
            and published.hour >= LATE_HOUR:
        resolved = [_east_of_stamp(m, anchor) for m in resolved]
    return resolved


def _east_of_stamp(m: TimeMention, anchor: date) -> TimeMention:
    """A report stamped late in the UTC day may come from where the next day has begun: its
    "was under way Tuesday" in a report stamped late on the UTC Monday is that Tuesday, not
    the one six days back (a writer would say "last Tuesday")."""
    if m.kind != "weekday" or m.value is None or m.direction != "past" or _is_last(m) \
            or m.offset_days != -6:
        return m
    return replace(m, value=anchor + timedelta(days=1), offset_days=1)


def document_day(document: Document) -> date | None:
    """The day a cleaned report speaks from: the cleaner keeps its dateline aside."""
    return report_day(document.metadata.get("dateline") or document.text, document.published)


def report_day(text: str, published: date | datetime | None) -> date | None:
    """The day a report speaks from: its dateline's date ("PARIS, February 20 (Xinhua) --")
    when it gives one near the publication stamp, else the stamp's day.

    Wire stamps are UTC and often a day after the dateline; the writer's "today" and
    "on Tuesday" count from the dateline's day, and so does an undated sentence's news.
    """
    stamp = published.date() if isinstance(published, datetime) else published
    if stamp is None:
        return None
    match = DATELINE_DATE.match(text[:DATELINE_REACH + 40])
    if match is None:
        return stamp
    month, day_of_month = _month_day(f"{match['month']} {match['day']}") or (0, None)
    if day_of_month is None:
        return stamp
    day = (_safe_date(int(match["year"]), month, day_of_month) if match["year"]
           else _nearest_year(month, day_of_month, stamp, "past"))  # one day of slack: east of UTC
    if day is None or not DATELINE_DRIFT[0] <= day - stamp <= DATELINE_DRIFT[1]:
        return stamp
    return day


def _title(text: str, match: re.Match[str]) -> bool:
    """The whole quotation is the expression: a title ("\"Next Friday\" drew well"), not a date."""
    return bool(OPEN_QUOTE.search(text[:match.start()]) and CLOSE_QUOTE.match(text[match.end():]))


def resolve_weekday(weekday: int, anchor: date, direction: str) -> date:
    """The weekday nearest the anchor: on/before it when past, strictly after when future."""
    if direction == "future":
        return anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def resolve_mentions(mentions: Iterable[TimeMention], published: date | datetime | None,
                     ) -> list[TimeMention]:
    """Fill ``value`` of a sentence's mentions from the report date (never mutates them).

    Lets a stage resolve mentions found without a publication date once one is known.
    Spans are anchored last, on the nearest resolved day of the same sentence.
    """
    anchor = published.date() if isinstance(published, datetime) else published
    out = [_resolve(m, anchor) if m.kind != "span" else m for m in mentions]
    return [_resolve_span(m, out, anchor) if m.kind == "span" else m for m in out]


# --- resolution -----------------------------------------------------------------------


def _resolve(m: TimeMention, anchor: date | None) -> TimeMention:
    if m.value is not None or anchor is None or m.kind in ("caption", "span"):
        return m
    if m.weekday is not None:
        back = 2 if _is_last(m) else 1 if _today_ahead(m) else 0
        day = resolve_weekday(m.weekday, anchor - timedelta(days=back), m.direction)
        return replace(m, value=day, offset_days=(day - anchor).days)
    if m.kind in ("absolute", "dateline"):
        shifted = _shifted_year(m.text, anchor)
        if shifted is not None:
            return replace(m, value=shifted)
        if _is_last(m) and m.precision == "month":  # "last December" is before this month
            anchor = anchor.replace(day=1) - timedelta(days=1) - PAST_SLACK
        value = _resolve_absolute_text(m.text, anchor, m.direction)
        if m.direction == "near":  # a plan told in the past: ahead or behind, as it falls
            return replace(m, value=value, direction="future" if value and value > anchor else "past")
        return replace(m, value=value)
    if m.kind == "relative":
        return replace(m, value=_resolve_relative(m, anchor))
    return m


def _shifted_year(text: str, anchor: date) -> date | None:
    """"April 15 next year": the writer names the year by its distance from the report's."""
    shift = re.search(YEAR_SHIFT + r"\s*$", text)
    parts = _month_day(text)
    if shift is None or parts is None or parts[1] is None:
        return None
    return _safe_date(anchor.year + {"next": 1, "last": -1, "this": 0}[shift["shift"].split()[0].lower()],
                      parts[0], parts[1])


def _today_ahead(m: TimeMention) -> bool:
    """"will return to work on Friday" in a Friday report is that day: a writer means a
    week ahead only with "next" or "coming"."""
    return (m.direction == "future" and m.weekday is not None
            and not re.match(r"(?i)(?:next|this|coming)\b", m.text))


def _is_last(m: TimeMention) -> bool:
    """"last Monday", "last December". A writer calls the day before "yesterday" or by its
    bare name, so "last Wednesday" in a Thursday report is the week before's."""
    return m.text.lower().startswith("last ")


def _resolve_span(m: TimeMention, mentions: list[TimeMention], anchor: date | None) -> TimeMention:
    if m.offset_days is None:
        return m
    own = [x for x in mentions if x.kind in ("absolute", "weekday", "relative")
           and x.value is not None and x.precision == "day"]
    base = min(own, key=lambda x: abs(x.start - m.start)).value if own else anchor
    if base is None:
        return replace(m, value=None)
    return replace(m, value=base + timedelta(days=m.offset_days))


def _resolve_relative(m: TimeMention, anchor: date) -> date | None:
    if m.precision == "day" and m.offset_days is not None:
        return anchor + timedelta(days=m.offset_days)
    if m.precision == "week" and m.offset_days is not None:
        day = anchor + timedelta(days=m.offset_days)
        return day - timedelta(days=day.weekday())
    shift = _unit_shift(m.text)
    if shift is None:
        return None
    if m.precision == "month":
        return _add_months(date(anchor.year, anchor.month, 1), shift)
    if m.precision == "year":
        return date(anchor.year + shift, 1, 1)
    return None


def _unit_shift(text: str) -> int | None:
    """How many months/years back (-) or ahead (+) a "last month"/"2 years ago" phrase is."""
    lower = text.lower()
    ago = re.search(NUM + r"\s+\w+\s+ago", lower)
    if ago:
        return -_number(ago.group("n"))
    if "last" in lower.split():
        return -1
    if "next" in lower.split():
        return 1
    if "this" in lower.split():
        return 0
    return None


def _add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _resolve_absolute_text(text: str, anchor: date, direction: str) -> date | None:
    """A year-less absolute date ("Jan. 16", "in March") placed in the nearest year."""
    parts = _month_day(text)
    if parts is None:
        return None
    month, day = parts
    return _nearest_year(month, day, anchor, direction)


def _nearest_year(month: int, day: int | None, anchor: date, direction: str) -> date | None:
    dates = [d for d in (_safe_date(y, month, day or 1) for y in range(anchor.year - 1, anchor.year + 2))
             if d is not None]
    if direction == "near":  # ahead only when nearer and within a season: history leans back
        ahead = [d for d in dates if anchor < d <= anchor + NEAR_AHEAD]
        before = [d for d in dates if d <= anchor]
        if ahead and (not before or min(ahead) - anchor < anchor - max(before)):
            return min(ahead)
        return max(before) if before else None
    if direction == "future":
        limit = date(anchor.year, anchor.month, 1) if day is None else anchor
        ahead = [d for d in dates if d >= limit]
        return min(ahead) if ahead else None
    before = [d for d in dates if d <= anchor + PAST_SLACK]
    return max(before) if before else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_day(text: str) -> tuple[int, int | None] | None:
    """Month and day (None for a bare month) read by dateutil from a matched string."""
    month = re.search(rf"\b{MONTH}\b", text)
    if month is None:
        return None
    day = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", text)
    probe = f"{month.group(0)} {day.group(1) if day else 1} 2000"  # 2000: a leap year
    try:
        parsed = dateutil_parser.parse(probe)
    except (ValueError, OverflowError):
        return None
    return parsed.month, (parsed.day if day else None)


# --- tense ------------------------------------------------------------------------------


def _direction(ctx: _Context, timetable: bool = True) -> str:
    """"future" when the verb governing the expression is future, else "past". A date that
    carries its year needs no timetable reading: only its tense tells a plan."""
    span = ctx.sent.doc.char_span(ctx.start, ctx.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "past"
    if timetable and _timetable_noun(span):
        return "future"
    path = _path_to_verb(span.root)
    if not path:
        return "past"
    if any(t.lemma_.lower() in FUTURE_HEADS and t.pos_ == "ADJ" for t in path):
        return "future"  # "is due Monday"
    verb = path[-1]
    if _deadline(path):
        return "future"
    if _is_future(verb) or _present_under_future(verb) or (timetable and (_scheduled(verb, ctx) or _arranged(verb, path))):
        return "future"
    return "past"


def _deadline(path: list[Token]) -> bool:
    """"asked the company to hand over its records by Wednesday", "the rebels must leave by
    Sunday": "by" a day on a verb in its base form (an infinitive, or after a modal) sets a
    deadline, a day still ahead when it is set ("had risen to 300 by Friday" and "managed to
    reach the village by Thursday" tell what was so, or done, by then)."""
    verb = path[-1]
    if len(path) < 3 or path[-2].lower_ != "by" or verb.tag_ != "VB":
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return True
    return (verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and verb.head.lemma_.lower() not in MET_HEADS)


def _timetable_noun(span: Span) -> bool:
    """"The magazine debuts June 16": the parse may read a timetable verb's -s as a plural
    noun and leave the sentence without a verb; a plural noun as the sentence's root right
    before the date is that verb."""
    doc, i = span.doc, span.start - 1
    if i >= 0 and doc[i].lower_ == "on":
        i -= 1
    if i < 0:
        return False
    word = doc[i]
    return (word.tag_ == "NNS" and word.dep_ == "ROOT" and word.lower_.endswith("s")
            and word.lower_[:-1] in SCHEDULE_VERBS)


def _arranged(verb: Token, path: list[Token]) -> bool:
    """The present progressive with a date on it tells an arrangement: "the gallery is hosting
    a forum on Oct. 29", "the team is flying home Sunday". A day already past would take the
    past tense ("was hosting", "flew"); a date on a thing ("are investigating Monday's
    attack") is not the verb's."""
    if any(t.pos_ != "ADP" for t in path[1:-1]):
        return False
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (verb.tag_ == "VBG" and len(helpers) == 1 and helpers[0].lemma_ == "be"
            and helpers[0].tag_ in ("VBZ", "VBP"))


def _scheduled(verb: Token, ctx: _Context) -> bool:
    """News English tells a timetable in the simple present: "a lawsuit that goes to trial
    Monday", "the law goes into effect on Jan. 12", "her film, which opens Friday". A past
    day would take a past tense, so the date lies ahead. Only verbs of a timetable: captions
    and states are in the present too ("mourners carry a coffin during a funeral Monday",
    "the toll stands at 20"); nor a chronology's line ("May 18 - The states vote."): a
    list tells history in the present, under a year of its own."""
    if verb.tag_ not in ("VBZ", "VBP") or verb.lemma_.lower() not in SCHEDULE_VERBS:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    text = doc_text(ctx.sent.doc)
    leading = not text[ctx.sent.start_char:ctx.start].strip(" \"'\u201c\u2018")
    return not (leading and CHRONOLOGY_AFTER.match(text[ctx.end:ctx.end + 3]))


def _present_under_future(verb: Token) -> bool:
    """A present tense in a clause under a future one is future too: "will be repaired when
    it arrives on Thursday", "will have been stranded by the time it is towed on Thursday"."""
    head = verb.head
    if verb.dep_ not in ("advcl", "ccomp") or head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return False
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(tags & {"VBZ", "VBP"}) and not _is_past(verb) and _is_future(head)


def _governor(sent: Span, start: int, end: int) -> str | None:
    """Lemma of the word the expression attaches to, past prepositions: what it dates.

    "escaped on Thursday" -> "escape", "Thursday's military intervention" ->
    "intervention", "said Friday" -> "say". Later stages read it without spaCy.
    """
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(6):
        if token.head is token:
            return None
        token = token.head
        if token.i >= span.end or token.i < span.start:
            if token.pos_ in ("NOUN", "PROPN", "VERB", "AUX", "ADJ"):
                return token.lemma_.lower()
    return None


SIDE_CLAUSES = {"relcl", "acl", "advcl", "csubj", "csubjpass"}  # clauses that tell another event
SUBJECT_STATES = {"be", "have", "remain", "seem", "say", "tell", "announce", "report", "state",
                  "add", "confirm", "declare"}  # "the quake that struck Monday was the strongest"
DURATIVE = {"continue", "remain", "stay", "last", "persist", "go"}  # "which continued into Saturday"


def _clause(sent: Span, start: int, end: int) -> str | None:
    """Where the expression attaches in the parse: what it can date.

    "main": the verb of the sentence's own event, or of its reporting verb, reached from
    the root through content clauses and coordination only ("police stormed the bank on
    Thursday, officials said"). "side": a relative, participial or adverbial clause ("the
    paintings stolen on Monday", "after the airport reopened on Thursday"): another
    event, told as background. "noun": a prepositional phrase on a noun of the main
    clause, not its subject, under a present-tense verb ("is offering 38 dollars a share,
    a premium to the closing price on Friday"); whether that noun is an event is for the
    reader to judge. A noun inside a time phrase of the verb ("before dawn on Thursday")
    is no such noun. "subject": a relative clause in which the main event's own subject
    acts ("a bomb that exploded on Tuesday killed 12 people"): the same happening, so the
    date can date the main event (``_tells_the_subject``).
    """
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if _possessed_day(span):
        return "noun"
    token, noun, verb = span.root, False, False
    for _ in range(40):
        if token.dep_ in SIDE_CLAUSES and not (span.start <= token.i < span.end):
            return "subject" if _tells_the_subject(sent, token) else "side"
        if token.head.i == token.i:
            return "noun" if noun else "main"
        head = token.head
        if head.pos_ in ("VERB", "AUX"):
            if noun and not verb and (_is_past(head) or _is_future(head)):
                noun = False  # "declared a state of emergency in three regions on Wednesday"
            verb = True
        elif (not verb and not (span.start <= head.i < span.end) and _names_a_thing(token, head)):
            noun = True
        token = head
    return None


def _possessed_day(span: Span) -> bool:
    """A date between an owner and its noun ("a tape of the governor's March 3 deposition",
    "Le Monde said in a report for its Thursday edition") is that thing's day: the owner's
    deposition or edition, not the day of the sentence's event. Not on the subject ("the
    army's Monday attack killed 12"), whose day is the main event's."""
    head = span.root.head
    return (span.root.dep_ in ("compound", "nmod", "amod", "npadvmod") and head.pos_ == "NOUN"
            and head.i >= span.end and head.dep_ not in ("nsubj", "nsubjpass")
            and any(c.dep_ == "poss" for c in head.children))


def _tells_the_subject(sent: Span, clause: Token) -> bool:
    """A relative clause in which the main event's own subject acts: "A bomb that exploded on
    Tuesday killed 12 people", "The fire, which broke out on Monday, has destroyed 300 homes".
    The subject's act and the main event are one happening told in two clauses, so the date
    dates the main event too (when it has none of its own). Not a passive or participle
    clause ("the paintings stolen on Monday were found", "the man arrested on Monday died"),
    not a subject of a passive main verb, nor an object ("arrested a man who stabbed a guard
    on Monday"): there the clause tells what happened to the participant before. Not a
    person ("Smith, who met the minister on Wednesday, urged ..."): people act many times,
    and a "who" clause introduces them by an earlier act; not a main verb in the pluperfect
    ("the assault, which started Friday, had succeeded"), nor a clause that tells a
    duration ("the protests, which continued into Saturday")."""
    noun, main = clause.head, clause.head.head
    if (clause.dep_ != "relcl" or noun.dep_ != "nsubj" or main.i == noun.i
            or main.pos_ not in ("VERB", "AUX") or main.lemma_.lower() in SUBJECT_STATES
            or clause.lemma_.lower() in DURATIVE
            or not any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in clause.children)
            or not _is_past(main) or _is_future(main) or not _is_past(clause)
            or any(c.dep_ == "aux" and c.lower_ == "had" for c in main.children)):
        return False
    return _clause(sent, main.idx, main.idx + len(main.text)) == "main"


def _names_a_thing(token: Token, head: Token) -> bool:
    """A prepositional date on a common noun that is not the clause's subject: "a premium to
    the closing price on Friday". A bare weekday lands on the nearest noun in the parse
    ("a shooting at a temple near Milwaukee Sunday"), a possessive or the subject's date
    ("Sunday's blasts flattened", "detonations on Sunday hampered") dates the sentence's event.
    The caller keeps the date on the verb when that verb is past or future: the parse hangs
    a verb's date on its object's last noun too ("declared a state of emergency in three
    regions on Wednesday"), while a present tense ("is offering ... on Friday") cannot take
    a past day."""
    return (token.dep_ == "prep" and head.pos_ == "NOUN"
            and head.dep_ not in ("nsubj", "nsubjpass") and not _in_time_phrase(head))


def _in_time_phrase(noun: Token) -> bool:
    """"dawn" in "before dawn on Thursday": the object of a preposition on a verb is an
    adverbial of that verb, and a date inside it dates the verb."""
    prep = noun.head
    return (noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.i != prep.i
            and prep.head.pos_ in ("VERB", "AUX"))


def _path_to_verb(token: Token) -> list[Token]:
    """Tokens from the expression up to its governing verb (inclusive)."""
    path = [token]
    while token.pos_ not in ("VERB", "AUX") and token.head is not token and len(path) < 12:
        token = token.head
        path.append(token)
    return path if token.pos_ in ("VERB", "AUX") else []


def _is_future(verb: Token) -> bool:
    if _to_be_done(verb):
        return True
    for v in _verb_chain(verb):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX for c in v.children):
            return True
        if v is not verb and v.lemma_.lower() in FUTURE_HEADS and not _is_past(v):
            return True  # "is expected to resume Monday", "are going to meet Monday"
        if v is not verb and v.lemma_.lower() in PLAN_HEADS and v.tag_ == "VBD":
            return True  # told from the past: "said they planned to meet on Thursday"
        if v is verb and v.lemma_.lower() in FUTURE_HEADS - ONLY_AS_HEADS and not _is_past(v):
            return True  # "a verdict is expected Monday"
    return False


def _to_be_done(verb: Token) -> bool:
    """"Final figures are to be released Monday", "a report that was to be issued Wednesday",
    "a report to be released Monday":
    "be" with a to-infinitive tells an arrangement, a day ahead of its telling ("is to
    blame" aside)."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if (infinitive and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN")
            and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in verb.children)
            and not any(c.tag_ in ("JJS", "RBS") or c.lower_ in ORDINALS or c.lower_ in ("last", "only")
                        for c in verb.head.children)):
        return True  # "a report to be released on Monday" (not "the first man to be elected Monday")
    return (verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "be" and verb.head.i != verb.i
            and verb.lemma_.lower() != "blame"  # "is to blame for the attack on Monday"
            and infinitive)


def _verb_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it complements ("resume" <- "expected"), or serves as an
    infinitive of purpose ("talk" <- "appear" of "plan to appear at a school to talk on
    Wednesday")."""
    chain = [verb]
    while (verb.dep_ == "xcomp" or _purpose(verb)) and verb.head.i != verb.i and len(chain) < 4:
        verb = verb.head
        chain.append(verb)
    return chain


def _purpose(verb: Token) -> bool:
    """An infinitive adverbial clause: "to talk" in "appear at a school to talk"."""
    return (verb.dep_ == "advcl" and verb.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


def _is_past(verb: Token) -> bool:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN":
        if not auxes:
            return True  # reduced relative: "hostages freed on Friday"
        return any(a.lemma_ == "have" or "Past" in a.morph.get("Tense") for a in auxes)
    return any("Past" in a.morph.get("Tense") for a in auxes)


# --- rule handlers ------------------------------------------------------------------------


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _ordinal(word: str) -> int:
    word = word.lower()
    return ORDINALS[word] if word in ORDINALS else int(re.sub(r"\D", "", word))


def _mention(match: re.Match[str], ctx: _Context, kind: str, **fields: object) -> TimeMention:
    return TimeMention(text=match.group(0), start=ctx.start, end=ctx.end, kind=kind, **fields)


def _iso(match: re.Match[str], ctx: _Context) -> TimeMention | None:
    day = _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
    return _mention(match, ctx, "absolute", value=day) if day else None


def _day_month(match: re.Match[str], ctx: _Context) -> TimeMention | None:
    parts = _month_day(match.group(0))
    if parts is None or parts[1] is None:
        return None
    month, day = parts
    if match["year"]:
        value = _safe_date(int(match["year"]), month, day)  # tense kept: a plan's date is no event's
        return (_mention(match, ctx, "absolute", value=value, direction=_direction(ctx, timetable=False))
                if value else None)
    if _safe_date(2000, month, day) is None:
        return None
    year = _chronology_year(ctx)
    if year is not None:
        value = _safe_date(year, month, day)
        return _mention(match, ctx, "absolute", value=value) if value else None
    direction = _direction(ctx)
    if direction == "past" and (_planned_then(ctx) or (_attributive(ctx) and not _told_in_past(ctx))):
        direction = "near"
    return _mention(match, ctx, "absolute", direction=direction)


def _holiday(match: re.Match[str], ctx: _Context) -> TimeMention | None:
    name = re.sub(r"\s+", " ", match["holiday"].lower().replace("\u2019", "'"))
    month, day = HOLIDAYS[name]
    value = _safe_date(int(match["year"]), month, day)
    return _mention(match, ctx, "absolute", value=value, direction=_direction(ctx, timetable=False)) if value else None


def _told_in_past(ctx: _Context) -> bool:
    """Whether the verb that governs the expression is in a past tense ("the March 7
    primaries were won ...")."""
    span = ctx.sent.doc.char_span(ctx.start, ctx.end, alignment_mode="expand")
    path = _path_to_verb(span.root) if span is not None and len(span) else []
    return bool(path) and any(_is_past(v) for v in _verb_chain(path[-1]))


def _planned_then(ctx: _Context) -> bool:
    """A plan told in the past tense ("was initially scheduled to be carried out by June 23",
    "was expected to end on March 2", "has decided to raise benefits Jan. 1") may fall on
    either side of the telling: the plan was made before the report, its day may still be
    ahead."""
    span = ctx.sent.doc.char_span(ctx.start, ctx.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    path = _path_to_verb(span.root)
    if not path:
        return False
    chain = _verb_chain(path[-1])
    return any((v.lemma_.lower() in FUTURE_HEADS - ONLY_AS_HEADS or (v is not chain[0] and v.lemma_.lower() in DECISION_HEADS))
               and _is_past(v) for v in chain)


def _chronology_year(ctx: _Context) -> int | None:
    """The year of a chronology's line ("1998: Jan. 22 - The two sides settle. ... May 18 -
    The states sue."): the list's last year heading before it. A report's own year is not
    the list's: a date read nearest the report would put 1998's events in 1999."""
    text = doc_text(ctx.sent.doc)
    if not CHRONOLOGY_AFTER.match(text[ctx.end:ctx.end + 3]):
        return None
    lead = text[ctx.sent.start_char:ctx.start]
    heading = YEAR_OPENS.search(lead)
    if heading is not None:
        return int(heading["year"])
    if lead.strip(" \"'\u201c\u2018"):
        return None  # the date does not open its line
    years = list(YEAR_HEADING.finditer(text[max(0, ctx.start - CHRONOLOGY_REACH):ctx.start]))
    return int(years[-1]["year"]) if years else None


def _month_year(match: re.Match[str], ctx: _Context) -> TimeMention | None:
    parts = _month_day(match["month"])
    if parts is None:
        return None
    return _mention(match, ctx, "absolute", value=date(int(match["year"]), parts[0], 1),
                    precision="month")


def _bare_month(match: re.Match[str], ctx: _Context) -> TimeMention | None:
    lead = (match["lead"] or "").lower()
    direction = {"next": "future", "last": "past"}.get(lead) or _direction(ctx)
    return _mention(match, ctx, "absolute", precision="month", direction=direction)


def _attributive_month(match: re.Match[str], ctx: _Context) -> TimeMention | None:
    return _mention(match, ctx, "absolute", precision="month", direction=_direction(ctx))


def _year(match: re.Match[str], ctx: _Context) -> TimeMention | None:
    if not _licensed_year(match, ctx):
        return None
    return _mention(match, ctx, "absolute", value=date(int(match["year"]), 1, 1), precision="year")


def _licensed_year(match: re.Match[str], ctx: _Context) -> bool:
    """A four-digit number is a year inside a spaCy DATE, or after a date preposition."""
    doc = ctx.sent.doc
    if any(e.label_ == "DATE" and e.start_char <= ctx.start and ctx.end <= e.end_char
           for e in span_ents(ctx.sent)):
        return True
    text = doc_text(doc)
    before = text[max(0, ctx.start - 20):ctx.start].split()
    after = text[ctx.end:ctx.end + 20].split()
    lead = before[-1].lower().rstrip("-") if before else ""
    follow = after[0] if after else ""
    if lead in STRONG_YEAR_LEADS:
        return True
    if lead not in YEAR_LEADS:
        return False
    return not follow[:1].islower()  # "the 1993 World Trade Center bombing", not "of 2000 workers"


def _decade(match: re.Match[str], ctx: _Context) -> TimeMention | None:
    groups = match.groupdict()
    start = int(groups["decade"]) if groups.get("decade") else 1900 + int(groups["short"])
    return _mention(match, ctx, "absolute", value=date(start, 1, 1), precision="decade")


def _period(match: re.Match[str], ctx: _Context) -> TimeMention | None:
    before = doc_text(ctx.sent.doc)[max(ctx.sent.start_char, ctx.start - 60):ctx.start]
    if RANKED.search(before):
        return None
    return _mention(match, ctx, "relative", precision="period")


def _weekday(match: re.Match[str], ctx: _Context) -> TimeMention | None:
    text = doc_text(ctx.sent.doc)
    if NAMED_AFTER.match(text[ctx.end:ctx.end + 12]):
        return None
    before = text[max(ctx.sent.start_char, ctx.start - 30):ctx.start]
    if not match["mod"] and ANY_DAY_BEFORE.search(before) and not _attributive(ctx):
        # "on a recent Friday", "every Sunday": a time, but no day of the calendar
        return _mention(match, ctx, "relative", precision="period")
    mod = (match["mod"] or "").lower()
    if mod in ("next", "this coming", "coming"):
        direction = "future"
    elif mod in ("last", "past"):
        direction = "past"
    else:
        direction = _direction(ctx)
    return _mention(match, ctx, "weekday", weekday=WEEKDAY_NAMES.index(match["wd"]),
                    direction=direction)


def _attributive(ctx: _Context) -> bool:
    """"a Wednesday night concert", "a Friday meeting": the day named before its event is
    that event's day, not any day."""
    span = ctx.sent.doc.char_span(ctx.start, ctx.end, alignment_mode="expand")
    if span is None or span.end >= len(span.doc):
        return False
    return span.doc[span.end].pos_ in ("NOUN", "PROPN")


def _fixed_offset(offset: int) -> Handler:
    def handler(match: re.Match[str], ctx: _Context) -> TimeMention | None:
        return _mention(match, ctx, "relative", offset_days=offset)
    return handler


def _deictic_day(match: re.Match[str], ctx: _Context) -> TimeMention | None:
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[match["word"].lower()]
    if match.group(0).lower() == "today" and _nowadays(ctx):
        return _mention(match, ctx, "relative", precision="period")
    return _mention(match, ctx, "relative", offset_days=offset)


def _nowadays(ctx: _Context) -> bool:
    """"Today" told against the past, not the report's day: "Today, more women than men enroll",
    "the issues facing the nation today". An opening "Today," over a clause neither past nor
    ahead ("Today, the president signed", "Today, the bill is expected to pass" are the day),
    or "today" on a participle that describes a noun: a state of these times, not news."""
    span = ctx.sent.doc.char_span(ctx.start, ctx.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token, doc = span[0], ctx.sent.doc
    head = token.head
    if (head.tag_ == "VBG" and head.dep_ == "acl" and token.i > head.i
            and not any(c.dep_ in ("aux", "auxpass") for c in head.children)):
        return True
    if _generic_subject_today(token):
        return True
    opening = token.i == ctx.sent.start and token.i + 1 < len(doc) and doc[token.i + 1].text == ","
    if not opening:
        return False
    path = _path_to_verb(token)
    verb = path[-1] if path else ctx.sent.root
    if verb.pos_ not in ("VERB", "AUX"):
        return True  # the parse found no verb: "Today, more women than men enroll"
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return (bool(tags & {"VBZ", "VBP"}) and verb.tag_ != "VBG" and not _is_past(verb)
            and not _is_future(verb) and not _scheduled(verb, ctx))


def _generic_subject_today(token: Token) -> bool:
    """"Employers today seek ...", "Patients today are looking for answers": "today" right
    after a bare plural subject (no "the", no number: people in general) over a present tense
    tells these times. The day's news takes the past ("Shoppers today lined up") or names
    its actors ("The senators today are meeting")."""
    doc, verb = token.doc, token.head
    if token.i == 0 or verb.pos_ not in ("VERB", "AUX"):
        return False
    subject = doc[token.i - 1]
    if subject.tag_ != "NNS" or subject.dep_ not in ("nsubj", "nsubjpass") or subject.head.i != verb.i:
        return False
    if any(c.dep_ in ("det", "nummod", "poss") for c in subject.children):
        return False
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(tags & {"VBZ", "VBP"}) and not _is_past(verb) and not _is_future(verb)


def _ago(match: re.Match[str], ctx: _Context) -> TimeMention | None:
    n, unit = _number(match["n"]), match["unit"].lower().rstrip("s")
    if unit == "day":
        return _mention(match, ctx, "relative", offset_days=-n)
    if unit == "week":
        return _mention(match, ctx, "relative", offset_days=-7 * n, precision="week")
    return _mention(match, ctx, "relative", precision=unit)


def _long_ago(match: re.Match[str], ctx: _Context) -> TimeMention | None:
    """Ages ago: a time of its own, long before any report, but no day to put on a timeline."""
    return _mention(match, ctx, "relative", precision="period")


def _unit_relative(match: re.Match[str], ctx: _Context) -> TimeMention | None:
    unit = match["unit"].lower()
    shift = {"last": -1, "this": 0, "next": 1}[match["which"].lower()]
    if unit == "week":
        return _mention(match, ctx, "relative", offset_days=7 * shift, precision="week")
    return _mention(match, ctx, "relative", precision=unit)


def _span_into(match: re.Match[str], ctx: _Context) -> TimeMention | None:
    days = _number(match["n"]) * UNIT_DAYS[match["unit"].lower().rstrip("s")]
    return _mention(match, ctx, "span", offset_days=-(days - 1))


def _span_ordinal(match: re.Match[str], ctx: _Context) -> TimeMention | None:
    return _mention(match, ctx, "span", offset_days=-(_ordinal(match["ord"]) - 1))


def _span_after(match: re.Match[str], ctx: _Context) -> TimeMention | None:
    days = _number(match["n"]) * UNIT_DAYS[match["unit"].lower().rstrip("s")]
    return _mention(match, ctx, "span", offset_days=-days)


def _mark_caption_or_dateline(m: TimeMention, sent: Span) -> TimeMention:
    """Dates of photo captions and datelines are about the page, not the story."""
    text = doc_text(sent.doc)
    after, before = text[m.end:m.end + 40], text[max(0, m.start - 40):m.start]
    if CAPTION_AFTER.search(after) or CAPTION_BEFORE.search(before):
        return replace(m, kind="caption", value=None)
    if (m.kind == "absolute" and m.start <= DATELINE_REACH and m.precision == "day"
            and DATELINE_BEFORE.match(text[:m.start]) and DATELINE_AFTER.match(after)):
        return replace(m, kind="dateline")
    return m


def _rule(pattern: str, handler: Handler, flags: int = 0) -> tuple[re.Pattern[str], Handler]:
    return re.compile(pattern, flags), handler


# Most specific first: a later rule never overlaps text an earlier one took.
RULES: list[tuple[re.Pattern[str], Handler]] = [
    _rule(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b", _iso),
    # "Aug. 20, 1993", "August 20 of 1993", "April 15 next year"
    _rule(rf"\b(?P<month>{MONTH})\b\.?\s+{DAY}\b(?:,?\s+(?:of\s+)?{YEAR}\b|\s+{YEAR_SHIFT})?", _day_month),
    # the abbreviation point is the date's only before a year: "16 Jan. 2013" but "on 16 Jan."
    _rule(rf"\b{DAY}\s+(?:of\s+)?(?P<month>{MONTH})\b(?:\.?,?\s+{YEAR}\b)?", _day_month),
    _rule(rf"\b{HOLIDAY}\b,?\s+(?:of\s+)?{YEAR}\b", _holiday, re.IGNORECASE),
    _rule(rf"\b(?P<month>{MONTH})\b\.?,?\s+{YEAR}\b", _month_year),
    _rule(r"\bthe\s+day\s+before\s+yesterday\b", _fixed_offset(-2), re.IGNORECASE),
    _rule(rf"\b(?:(?:early|late|earlier|later)\s+)?(?P<word>yesterday|today|tonight|tomorrow)"
          rf"(?:\s+{DAYPART})?\b", _deictic_day, re.IGNORECASE),
    _rule(r"\b(?:(?:earlier|later)\s+)?this\s+(?:morning|afternoon|evening)\b",
          _fixed_offset(0), re.IGNORECASE),
    _rule(r"\blast\s+night\b", _fixed_offset(-1), re.IGNORECASE),
    _rule(rf"\b{NUM}\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", _ago, re.IGNORECASE),
    # "more than 2,500 years ago", "two centuries ago", "over the centuries": history, no day
    _rule(r"\b(?:\d{1,3}(?:,\d{3})+|\d{3,}|(?:hundreds|thousands|millions)\s+of|(?:(?:a|one|two|three|four|five|"
          r"several|many|few|some)\s+)?(?:hundred|thousand|million))\s+years\s+ago\b"
          r"|\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few|some)\s+)?"
          r"(?:centuries|century|millennia|millennium|decades)\s+ago\b"
          r"|\b(?:over|for|through|down)\s+(?:the\s+)?(?:centuries|millennia|ages)\b(?!-)", _long_ago, re.IGNORECASE),
    _rule(r"\b(?:(?:earlier|later)\s+)?(?P<which>last|this|next)\s+(?P<unit>week|month|year)\b",
          _unit_relative, re.IGNORECASE),
    _rule(r"\b(?:in|over|during|for)\s+(?:the\s+)?(?:recent|past|last)\s+(?:(?:few|several|\d+|two|three|"
          r"four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)\s+)?(?:years|decades)\b",
          _period, re.IGNORECASE),
    _rule(rf"\b{NUM}\s+(?P<unit>days?|weeks?)\s+into\b", _span_into, re.IGNORECASE),
    _rule(rf"\b(?:for|on|into)\s+(?:a|the)\s+{ORD}\s+(?:(?:straight|consecutive|successive|full)\s+)?day\b",
          _span_ordinal, re.IGNORECASE),
    _rule(rf"\b{NUM}\s+(?P<unit>days?|weeks?)\s+after\b", _span_after, re.IGNORECASE),
    _rule(rf"\b(?:(?P<mod>(?i:last|next|this\s+coming|this|past|coming|early|late))\s+)?{WEEKDAY}"
          rf"(?:\s+{DAYPART})?\b", _weekday),
    _rule(rf"(?<![\w-])(?:(?P<lead>(?i:in|since|until|during|by|last|next|early|late|mid-))\s*)"
          rf"(?P<month>{MONTH_FULL})\b(?!\s+\d)", _bare_month),
    # "in the 1970s", "the mid-1980s", "the late '60s": history, told as a decade
    _rule(r"(?<![\w,.'])(?P<decade>1[5-9]\d0|20[0-9]0)'?s\b", _decade),
    _rule(r"(?i:\bthe\s+(?:(?:early|mid|late)-?\s*)?)['\u2019](?P<short>[0-9]0)s\b", _decade),
    # "a dramatic September meeting", "the March elections": a month named before its event
    # ("May" left out: "that May said" names a person)
    _rule(rf"(?<![\w-])(?i:a|an|the|its|their|his|her)\s+(?:[a-z]+\s+)?(?!May\b)(?P<month>{MONTH_FULL})"
          rf"(?=\s+[a-z]{{3,}})", _attributive_month),
    _rule(rf"\b{YEAR}\b(?![-/]\d)", _year),
]
