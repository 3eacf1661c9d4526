"""Annotate cleaned documents: sentences, entities, dates and numbers.

spaCy runs once over each document's whole text so every offset is a character offset
into ``Document.text``; later stages cite passages by those offsets. The stage
fills ``Document.sentences`` and uses only dataclasses downstream, so analysis never
needs spaCy. With a sentence encoder it also fills ``Document.embedding`` once per
report (the grouper's view by meaning); the store keeps it, so no report is encoded twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

import numpy as np

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storyline import quantities, temporal
from storyline.models import Document, Entity, Sentence
from storyline.nlp import load_nlp, span_ents

ENTITY_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "LAW"}
EMBED_CHARS = 1000  # of the body, after the title: what a report is about is said first

Encoder = Callable[[Sequence[str]], np.ndarray]


def annotate(documents: Iterable[Document], *, nlp: Language | None = None,
             batch_size: int = 16) -> Iterator[Document]:
    """Yield each document with ``sentences`` filled (spaCy in batches, order kept)."""
    nlp = nlp or load_nlp()
    docs = list(documents)
    texts = (d.text for d in docs)
    for document, parsed in zip(docs, nlp.pipe(texts, batch_size=batch_size)):
        document.sentences = list(_sentences(document, parsed))
        yield document


def annotate_one(document: Document, *, nlp: Language | None = None) -> Document:
    return next(annotate([document], nlp=nlp))


def embedding_text(document: Document, chars: int = EMBED_CHARS) -> str:
    """The title and the first ``chars`` characters of the body: the part an encoder reads.

    A headline-only report (body = title) is its title once.
    """
    title = (document.title or "").strip()
    body = document.text
    if not title:
        return body[:chars]
    if not body.strip() or body.strip() == title:
        return title
    return f"{title}. {body[:chars]}"


def embed_documents(documents: Sequence[Document], encoder: Encoder | None) -> None:
    """Fill ``embedding`` (float32, unit length) on the reports that have none, in one batch."""
    todo = [d for d in documents if d.embedding is None]
    if encoder is None or not todo:
        return
    vectors = np.asarray(encoder([embedding_text(d) for d in todo]), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.where(norms > 0, norms, 1.0)
    for d, vector in zip(todo, vectors):
        d.embedding = vector


def _sentences(document: Document, parsed: Doc) -> Iterator[Sentence]:
    index = 0
    day = temporal.document_day(document)
    for span in _split_sentences(parsed):
        text = span.text.strip()
        if not text:
            continue
        lead = len(span.text) - len(span.text.lstrip())
        start = span.start_char + lead
        yield Sentence(
            doc_id=document.doc_id,
            index=index,
            start=start,
            end=start + len(text),
            text=text,
            entities=_entities(span),
            times=temporal.find_times(span, document.published, day=day),
            quantities=quantities.find_quantities(span),
            caption=is_caption(span),
            fragment=not any(t.pos_ in ("VERB", "AUX") for t in span) or subordinate_alone(span),
            state=tells_a_state(span),
        )
        index += 1


MONTH_WORDS = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
})
PLACE_LABELS = {"GPE", "LOC", "FAC"}


def is_caption(span: Span) -> bool:
    """A photo caption left in the text: dated, a scene without a date, or one that says so."""
    text = span.text.strip()
    return (photo_caption(span) or scene_caption(span) or bool(CAPTION_LEAD.match(text))
            or bool(CAPTION_WORDS.search(text)) or bool(CAPTION_LETTER.search(text)))


def photo_caption(span: Span) -> bool:
    """A wire photo caption: present tense, then where, then the calendar date, and nothing after.

    "Rescue workers look for trapped workers at the collapsed building in Savar, on Friday,
    April 26." Report prose tells the past ("collapsed on April 24") and names days, not
    calendar dates, after a place; a present-tense report verb ("say") is no caption.
    """
    words = [t for t in span if not t.is_punct and not t.is_space]
    if len(words) < 6:
        return False
    tail = _trailing_date(words)
    if tail is None or not _place_or_comma_before(span, words, tail):
        return False
    root = span.root
    if _present(root) is None or root.lemma_ in ("be", "have", "say", "tell", "report"):
        return False
    return not any(t.lemma_ in ("say", "tell") for t in span)


# what a picture shows done to people ("A man is helped by bystanders ...")
PICTURED = frozenset({"see", "show", "picture", "help", "treat", "carry", "keep", "rescue", "pull",
                      "lead", "escort", "comfort", "evacuate", "load", "lay", "wheel"})


def _present(root: Token) -> Token | None:
    """The present-tense verb of a clause ("gather", or "are" of "are seen"), else None."""
    kids = list(root.children)
    if root.tag_ in ("VBZ", "VBP"):
        return None if any(k.dep_ in ("aux", "auxpass") for k in kids) else root
    if root.tag_ == "VBN":
        helpers = [k for k in kids if k.dep_ in ("aux", "auxpass")]
        if (len(helpers) == 1 and helpers[0].dep_ == "auxpass" and helpers[0].tag_ in ("VBZ", "VBP")
                and root.lemma_ in PICTURED):
            return helpers[0]  # "Bodies are kept ...": the passive of a picture, not "is charged"
    return None


# verbs whose present tense reports or foresees news ("police say", "officials fear ...")
REPORTING_PRESENT = frozenset({"say", "tell", "report", "announce", "confirm", "claim", "warn", "fear",
                               "believe", "think", "expect", "estimate", "predict", "add", "deny", "insist",
                               "urge", "call", "accuse", "blame", "vow", "pledge", "promise", "demand"})


def tells_a_state(span: Span) -> bool:
    """Whether the main clause tells a state, a habit or a mere possibility, not an event.

    "Schools now offer music classes" and "The victims are mostly civilians" are true on any
    day: a timeline must not make them the news of their report's day. So are the same
    present forms with a helper that adds no time: the passive ("The virus is blamed for
    10,000 deaths a year"), emphatic or negated "do" ("The plan does offer acupuncture")
    and a modal of what can or may be ("Ribavirin can cause anemia", "Congress could
    overturn the veto", "The surgery can be performed in an office"). So is the present
    perfect of being ("The firm has been a leader for years"; not "There has been a blast"),
    of a habit ("Residents have long complained") or of what has not happened ("The wolves
    have not killed any cattle"). News in the present keeps a helper of
    time ("has killed", "are fleeing", "may have died") or reports; a clause that reports or knows another
    ("officials believe the fire started ...", "advocates say the treatment triggers ...")
    tells what that clause tells.
    """
    return _clause_state(span.root)


# modals of what can, may or should be ("can cause", "could overturn"); "will" is a plan
STATE_MODALS = frozenset({"can", "may", "might", "must", "should", "could", "would"})
# passives that report news told by others ("Three people are feared dead", "is reported missing")
PASSIVE_NEWS = frozenset({"say", "report", "fear", "believe", "think", "expect", "estimate", "confirm",
                          "know", "understand", "suspect", "presume"})
# verbs whose clause tells what another clause tells ("no one knows how many people go ...")
KNOWING = frozenset({"know", "show", "suggest", "mean", "find", "agree", "argue", "contend"})
# adverbs that make a perfect a habit or a lasting state ("have long complained", "has often clashed")
LASTING = frozenset({"long", "always", "often", "repeatedly", "frequently", "traditionally", "never",
                     "historically", "consistently", "routinely"})


def _clause_state(root: Token) -> bool:
    """Whether the clause headed by ``root`` tells a state (see ``tells_a_state``)."""
    kids = list(root.children)
    reported = [k for k in kids if k.dep_ == "ccomp" and k.pos_ in ("VERB", "AUX")]
    helpers = [k for k in kids if k.dep_ in ("aux", "auxpass")]
    if reported and (root.lemma_ in REPORTING_PRESENT or root.lemma_ in KNOWING
                     or root.tag_ in ("VBZ", "VBP")) and len(helpers) <= 1:
        # "Advocates say the treatment triggers ...", "..., Hoofnagle said": the reported clause
        return _clause_state(reported[0]) and root.tag_ in ("VBZ", "VBP", "VBD")
    if any(k.dep_ == "ccomp" for k in kids):
        return False
    # the tagger often reads a plural subject's verb as a bare form ("families keep boats")
    finite = root.tag_ in ("VBZ", "VBP") or (root.tag_ == "VB" and any(k.dep_ == "nsubj" for k in kids))
    if finite and not helpers:
        if root.lemma_ in REPORTING_PRESENT:
            return False
        # "The aim is to build ...": "be" with an infinitive tells a plan or a purpose, no event
        return root.lemma_ == "be" or not any(k.dep_ == "xcomp" for k in kids)
    if any(k.dep_ == "xcomp" for k in kids):
        return False
    if len(helpers) == 2:
        return _modal_passive(root, helpers, kids)
    if len(helpers) != 1:
        return False
    helper = helpers[0]
    if helper.lemma_ == "have" and helper.tag_ in ("VBZ", "VBP"):
        return _lasting_perfect(root, kids)
    if helper.dep_ == "auxpass":  # "The virus is blamed for ...", not "are feared dead"
        return (root.tag_ == "VBN" and helper.tag_ in ("VBZ", "VBP")
                and root.lemma_ not in PASSIVE_NEWS)
    if helper.lemma_ == "do" and helper.tag_ in ("VBZ", "VBP"):  # "does offer", "do not know"
        return root.tag_ == "VB"
    if helper.tag_ == "MD" and helper.lower_ in STATE_MODALS and root.tag_ == "VB":
        # "could not reach the village" tells what failed that day
        return not (helper.lower_ in ("could", "would") and any(k.dep_ == "neg" for k in kids))
    return False


def _modal_passive(root: Token, helpers: Sequence[Token], kids: Sequence[Token]) -> bool:
    """"The surgery can be performed in an office", "may be covered by insurers": what can
    be done, no day's event ("could not be reached" still tells what failed that day)."""
    modal, passive = helpers
    return (modal.tag_ == "MD" and modal.lower_ in STATE_MODALS and passive.dep_ == "auxpass"
            and passive.lower_ == "be" and root.tag_ == "VBN" and root.lemma_ not in PASSIVE_NEWS
            and not any(k.dep_ == "neg" for k in kids))


def _lasting_perfect(root: Token, kids: Sequence[Token]) -> bool:
    """"The firm has been a leader for a decade", "Residents have long complained", "have
    not killed any cattle": the present perfect of a state, a habit or of nothing happening,
    true up to any day ("There has been a blast" and
    "Police have arrested three men" are news)."""
    if any((k.dep_ == "advmod" and k.lower_ in LASTING) or k.dep_ == "neg" for k in kids):
        return True  # "have not killed any livestock": nothing happened, up to any day
    return root.lemma_ == "be" and not any(k.dep_ == "expl" for k in kids)


# Who a photo shows doing something: the subjects of captions ("Residents wade ...").
PEOPLE_WORDS = frozenset({
    "people", "person", "man", "men", "woman", "women", "child", "children", "boy", "boys", "girl",
    "girls", "family", "families", "resident", "residents", "villager", "villagers", "crowd",
    "crowds", "worker", "workers", "official", "officials", "police", "policeman", "policemen",
    "officer", "officers", "soldier", "soldiers", "force", "forces", "troops", "firefighter",
    "firefighters", "rescuer", "rescuers", "volunteer", "volunteers", "civilian", "civilians",
    "survivor", "survivors", "relative", "relatives", "mourner", "mourners", "protester",
    "protesters", "demonstrator", "demonstrators", "student", "students", "crew", "crews",
    "member", "members", "supporter", "supporters", "passenger", "passengers", "victim", "victims",
    "body", "bodies", "commuters", "patients", "refugees", "evacuees", "fans", "worshippers",
    "authorities", "onlookers", "bystanders", "pilgrims", "shoppers", "tourists",
})
# "Pictured above: ...", "Photo: ...": a caption that says so
CAPTION_LEAD = re.compile(r"(?:pictured|photo|picture|image)\b[\w ]{0,15}:", re.IGNORECASE)
# "... in this handout photograph released by ...", "An aerial view of ...": a caption's words
CAPTION_WORDS = re.compile(
    r"\bin this (?:[\w-]+ ){0,2}(?:photo|image|picture|photograph|handout)\b"
    r"|\b(?:photo|image|picture|photograph)s? (?:released|provided|taken|distributed|made available) by\b"
    r"|\bhandout (?:photo|picture|image|photograph)\b"
    r"|\b[A-Z][a-z]+, (?:left|right|center|centre|second from (?:left|right)|(?:top|bottom) (?:left|right)),"
    r"|^(?:an? |the )?(?:(?:aerial|elevated|general|close-up|partial) )?view (?:of|shows)\b"
    # "Damaged buildings are seen at the barracks ...": what the picture shows; prose says how a
    # thing "is seen as" or "seen to", by whom or from where, or what people "are seen doing"
    r"|\b(?:is|are)\s+(?:\w+ly\s+)?seen\b(?!\s+(?:as|to|by|from|through|for|\w+ing)\b)"
    # "Map locates the eight states ...", "the church (foreground) after ...": a graphic's legend, a
    # place in the picture
    r"|^(?:an? |the )?(?:map|graphic|chart|diagram|infographic)\s+(?:shows|showing|locates|locating)\b"
    r"|\((?:foreground|background|left|right|center|centre|front|rear)\)", re.IGNORECASE)
CAPTION_LETTER = re.compile(r"\((?:L|R|C)\)\s")  # "Resident Ana Diaz (R) stands ...", not "(R)epeal"
NOT_A_SCENE = frozenset({"be", "have", "say", "tell", "report", "need", "want", "know", "think",
                         "believe", "expect", "predict", "warn", "seem", "appear", "mean", "include",
                         "remain", "become", "see", "live"})  # states of things, not a moment shown
SCENE_PREPOSITIONS = frozenset({"in", "at", "outside", "inside", "near", "on"})  # where a photo was taken
PLACE_TAIL = 0.6  # the place sits in the last 40 % of a caption's words


def scene_caption(span: Span) -> bool:
    """A photo caption with no date: people doing something now, then where.

    "Crowds gather at the collapsed building as people rescue workers trapped in the rubble,
    in Savar, outside Dhaka." Reports tell what happened in the past tense, or say who said
    it; a present-tense headline counts things ("kills 65") or has no people doing anything.
    """
    words = [t for t in span if not t.is_punct and not t.is_space]
    root = span.root
    verb = _present(root)
    if len(words) < 6 or verb is None or verb is root and root.lemma_ in NOT_A_SCENE:
        return False
    if any(t.tag_ == "MD" or t.lemma_ in ("say", "tell") for t in span):
        return False  # a forecast or a report
    kids = list(root.children)
    if any(k.dep_ in ("ccomp", "xcomp") for k in kids):
        return False
    subjects = [k for k in kids if k.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or not _people(subjects[0]) or any(
            c.dep_ == "nummod" and c.text[:1].isdigit() for c in subjects[0].children):
        return False  # "600 people speak Euskera": a count, not a picture ("Two men paddle" is one)
    plural = subjects[0].tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subjects[0].children)
    if (verb.tag_ == "VBP") != plural:
        return False  # "A series of blasts hit ...": a past tense that looks present
    if any(k.dep_ == "dobj" and (k.like_num or any(c.dep_ == "nummod" for c in k.children)) for k in kids):
        return False  # "... kill 65": a headline's toll
    tail = words[int(len(words) * PLACE_TAIL)].i
    return (any(e.label_ in PLACE_LABELS and e.start >= tail for e in span_ents(span))
            or subjects[0].ent_type_ != "PERSON"  # "Gore trails ... at the White House": prose
            and any(_where_shown(t, root) for t in span if t.i > verb.i))


def _where_shown(token: Token, root: Token) -> bool:
    """A name where the scene happens, by the verb's own prepositions ("cry on a street in Banda
    Aceh, Indonesia, after ..."): the tagger often takes a foreign place for a person or a
    company, but "in", "at" or "outside" with a chain of prepositions up to the verb says where."""
    if token.pos_ != "PROPN" or token.dep_ != "pobj" or token.head.lower_ not in SCENE_PREPOSITIONS:
        return False
    step = token.head
    while step.dep_ in ("prep", "pobj") and step.i != root.i:
        step = step.head
    return step.i == root.i


def _people(token: Token) -> bool:
    """A subject that names people: a person or group by name, or a word for people."""
    return token.ent_type_ in ("PERSON", "NORP") or token.lower_ in PEOPLE_WORDS


def _trailing_date(words: list) -> int | None:
    """Index of the first word of a calendar date (a month and a day) closing the sentence."""
    i = len(words)
    while i > 0 and words[i - 1].ent_type_ == "DATE":
        i -= 1
    date_words = words[i:]
    has_month = any(w.lower_.rstrip(".") in MONTH_WORDS for w in date_words)
    has_day = any(w.like_num for w in date_words)
    return i if date_words and has_month and has_day else None


def _place_or_comma_before(span: Span, words: list, first: int) -> bool:
    """The date follows a place ("in Savar on ...") or a comma ("..., on Friday, April 26")."""
    j = words[first].i - 1
    if j >= span.start and span.doc[j].lower_ == "on":
        j -= 1
    if j < span.start:
        return False
    before = span.doc[j]
    return before.text == "," or before.ent_type_ in PLACE_LABELS


# A headline glued to its article's first sentence leaves an article opening mid-"sentence":
# "49 dead in Buenos Aires train crash A packed commuter train slammed into ...".
GLUED_OPENERS = frozenset({"A", "An", "The"})
NOT_BEFORE_GLUE = frozenset({"DT", "IN", "CC", "TO", "PRP$", "WDT", "POS"})  # "an A from", "the A list"
LETTER_NAMED = frozenset({"class", "type", "group", "vitamin", "hepatitis", "plan", "grade", "category",
                          "section", "article", "schedule", "division", "league", "series", "serie",
                          "model", "option", "level", "tier", "phase", "stage", "block", "row"})
MIN_HEADLINE_RUN = 4  # words of a title-case headline before the glued article
# "The" and "An" never name a letter ("Terminal A"), so after them any run of capitalised words
# from the line's start is an outlet's or a headline's ("Valley Courier The death toll rose ...")
MIN_NAME_RUN = 2  # "Osk Herald The death toll"; one word may be a sentence's own opening
MIN_GLUED_TAIL = 6  # tokens the article sentence needs after the glued headline
GEO_LABELS = frozenset({"GPE", "LOC"})  # a headline that ends on a place ("... in Lira A blast ...")
PROPER_TAGS = frozenset({"NNP", "NNPS"})
COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})
# A scraped page runs its outlet, a byline or a dateline into the sentence below it: "Osk
# Chronicle Lira: More bodies were ...", "BRAM: A navy ship ran aground ...", "ET: At least ...".
LEAD_IN_MAX = 8  # words before the colon ("By Ann Lee Times News Network Lira")
LEAD_IN_JOINERS = frozenset({"of", "the", "and", "&", ",", "."})  # inside names ("The Times of India")
# The last word of a news outlet's name: after it, the capitalised words before the colon are a
# dateline's place even when the tagger misses it ("The Valley Times of Orissa BALANGIR: Heavy
# rain ...", "By Ann Lee City News Bureau Kolhapur: ..."); a transcript's speaker ("CNN SMITH:")
# or a label ("Valley News UPDATE:") is no place.
OUTLET_ENDS = frozenset({"Times", "News", "Network", "Bureau", "Herald", "Chronicle", "Tribune", "Express",
                         "Post", "Agency", "Press", "Journal", "Gazette", "Telegraph", "Standard", "Online",
                         "Daily", "Mail", "Star", "Today", "Wire", "Reuters", "AFP", "PTI", "IANS", "AP"})
OUTLET_PLACE_MAX = 3  # words of the place after the outlet ("New Delhi", "Port Au Prince")
LEAD_IN_LABELS = frozenset({"update", "updated", "breaking", "live", "exclusive", "video", "photos", "watch",
                            "opinion", "editorial", "analysis", "comment", "note", "correction", "related",
                            "read", "more", "also", "see", "latest", "alert", "transcript", "source"})
# a live page's clock zone before its entry ("10:43 a.m. ET: At least 14 people ...", "ET] At least")
TIME_ZONES = frozenset({"ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "PT", "PST", "PDT", "GMT", "UTC",
                        "BST", "IST", "HKT", "CET", "AEST", "AEDT"})
# Buttons of a page's share bar or photo viewer left in front of a sentence: "In Bram Enlarge
# Email At least 15 people have been injured ..."; prose never runs two of them together.
WIDGET_WORDS = frozenset({"Enlarge", "Email", "Print", "Share", "Tweet", "Comments", "Reprints", "Recommend"})
WIDGET_RUN = 2
FONT_SIZE_RUN = 3  # "A A A Ana Diaz, the minister, said ...": the buttons that size the text
COUNTERS = frozenset({"views", "comments", "shares", "likes"})  # "Views: 1,204 At least nine people ...": a page's tally
# Tabloids print an article's first word in capitals ("AT least 12 people died ..."); after page
# text on the same line ("... Courier Online AT least 12 ...", "... Courier Australia AN old ...")
# that word opens the article. Only common words that no acronym spells ("IN" and "ON" are also
# states' and provinces' codes: "Gary, IN the").
CAPITAL_OPENERS = frozenset({"AT", "AN", "THE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT",
                             "NINE", "TEN", "MORE", "DOZENS", "HUNDREDS", "THOUSANDS"})
PAGE_DASHES = frozenset({"-", "--", "\u2013", "\u2014", "|"})  # "... 2 hours ago -- THE ferry sank ..."
# A subordinate clause with no main clause ("If you're long-suffering enough, as she is."):
# the sentence the parser found is only the first half of one
SUBORDINATORS = frozenset({"if", "because", "although", "though", "unless", "whereas", "while", "since", "as",
                           "when"})
SUBORDINATE_MAX = 16  # tokens: longer, the parser more often misses the main clause than the writer


# Titles stand before a name ("Fire department spokesman Capt. Jaime Moore said ..."): the parser
# may end a sentence on them, but no sentence ends on one.
NAME_TITLES = frozenset({
    "Sgt.", "Capt.", "Lt.", "Col.", "Gen.", "Maj.", "Adm.", "Cmdr.", "Cpl.", "Pvt.", "Gov.", "Sen.",
    "Rep.", "Rev.", "Prof.", "Dr.", "Mr.", "Mrs.", "Ms.", "Supt.", "Insp.", "Det.",
})
# A company's abbreviation may end a sentence ("... testified for Compaq Computer Corp."), but not
# before a lower-case word, or a weekday and a lower-case word ("told Microsoft Corp. Friday to ...").
COMPANY_ENDINGS = frozenset({"Corp.", "Inc.", "Co.", "Ltd.", "Cos.", "Bros."})
WEEKDAY_WORDS = frozenset(name.lower() for name in temporal.WEEKDAY_NAMES)
# A chronology's line opens on its date: "Feb. 29 - The defense rests its case." or "1963: Kennedy's
# assassination is covered live." The parser may cut the date off, which leaves the event undated.
DATE_LEAD = re.compile(
    r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?"
    r"|\d{4}s?)\s*(?:-{1,2}|[\u2013\u2014:])$", re.IGNORECASE)


def _split_sentences(parsed: Doc) -> Iterator[Span]:
    """spaCy's sentences, never crossing a line break (paragraphs are separate) nor a glued
    headline (the article's own sentence is cited without it), nor ending where the parser
    wrongly ends one: on a title, a company abbreviation that runs on, a chronology line's date."""
    kept: Span | None = None
    for span in _line_sentences(parsed):
        if kept is not None and _runs_on(kept, span):
            kept = parsed[kept.start : span.end]
            continue
        if kept is not None:
            yield kept
        kept = span
    if kept is not None:
        yield kept


def _line_sentences(parsed: Doc) -> Iterator[Span]:
    places = place_words(parsed)
    for sent in parsed.sents:
        begin = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text:
                if token.i > begin:
                    yield parsed[begin : token.i]
                begin = token.i + 1
            elif token.i > begin + 1 and (glued_opening(token, sent.end, begin, places)
                                          or after_lead_in(token, sent.end, begin, places)
                                          or after_widgets(token, sent.end)
                                          or capital_opening(token, sent.end)):
                yield parsed[begin : token.i]
                begin = token.i
        if begin < sent.end:
            yield parsed[begin : sent.end]


def _runs_on(before: Span, after: Span) -> bool:
    """Does ``after`` continue the sentence ``before`` wrongly ended on an abbreviation or a date?"""
    between = before.doc[before.end : after.start]
    if not len(after) or any(not t.is_space or "\n" in t.text for t in between):
        return False  # a line break (or text) between them: separate paragraphs
    if DATE_LEAD.match(before.text.strip()):
        return True
    last, first = before[-1].text, after[0]
    if last == "." and len(before) > 1 and not before[-2].whitespace_:
        last = before[-2].text + "."  # the tokenizer may split "Capt." into "Capt" and "."
    if last in NAME_TITLES:
        return first.is_title or first.is_upper
    if last in COMPANY_ENDINGS:
        return first.is_lower or (first.lower_ in WEEKDAY_WORDS and len(after) > 1 and after[1].is_lower)
    return False


def glued_opening(token: Token, end: int, begin: int | None = None,
                  places: frozenset[str] = frozenset()) -> bool:
    """A capitalised article ("A", "The") straight after a word or number, without punctuation,
    followed by a lower-case word and a sentence's worth of text: an article's opening glued
    onto the headline before it. In prose a mid-sentence capital article starts a title ("in
    The Dark Knight") or names the letter ("got an A"), which this leaves alone. After a
    capitalised word it ends a headline in title case only when the line so far is one
    ("Quake Rocks Pacific Coast A strong earthquake struck ...") or a headline that ends on a
    place ("... embassy in Lira A blast ..."), and never after a word that names a letter
    grade ("Class A shares", "Vitamin A"). Before a name and a common noun it opens a
    sentence-case headline's article ("... in movie theater A Texas gunman walked ...")."""
    if token.text not in GLUED_OPENERS or end - token.i < MIN_GLUED_TAIL:
        return False
    before, after = token.nbor(-1), token.nbor(1)
    if before.tag_ in NOT_BEFORE_GLUE or before.lower_ in LETTER_NAMED:
        return False
    lower_before = before.like_num or (before.is_alpha and before.is_lower and len(before) > 1)
    if not (after.is_alpha and after.is_lower):
        return lower_before and _named_subject(token)
    if before.is_title and begin is not None:
        least = MIN_HEADLINE_RUN if token.text == "A" else MIN_NAME_RUN
        return (_title_case_run(token.doc[begin : token.i], least) or _ends_on_a_place(token, places)
                or _after_outlet_name(token))
    return lower_before


def _after_outlet_name(article: Token) -> bool:
    """"... by our staff - Valley Online A strong storm hit ...": an outlet's name ends
    where its article begins; in prose a verb or a comma stands between a paper and what follows,
    and a letter after it names a part of the paper ("the Post A section")."""
    return article.nbor(-1).text in OUTLET_ENDS and article.nbor(1).lower_ not in LETTER_NAMED


def _named_subject(article: Token) -> bool:
    """"A Texas gunman walked ...": an indefinite article, one proper name and a common noun.
    A title in prose capitalises every word ("the film A Beautiful Mind"), and "The" before a
    name and a noun is a paper's ("told The Times newspaper"), so both stay whole."""
    if article.text == "The" or article.i + 2 >= len(article.doc):
        return False
    name, noun = article.nbor(1), article.nbor(2)
    return (name.is_title and name.is_alpha and name.tag_ in PROPER_TAGS
            and noun.is_alpha and noun.is_lower and noun.tag_ in COMMON_NOUN_TAGS)


def _ends_on_a_place(article: Token, places: frozenset[str]) -> bool:
    """A headline that ends on a place, glued to its article ("... embassy in Lira A blast
    outside ..."): after a place name a capital "A" opens a sentence; a letter that names
    a thing follows a common word ("Terminal A was closed", "Building A") or a place that
    itself modifies a noun after an article ("The Paris A line of the suburban railway")."""
    before = article.nbor(-1)
    if not (before.ent_type_ in GEO_LABELS and article.ent_iob_ != "I" or before.lower_ in places):
        return False  # the report names the place elsewhere when the tagger misses it here
    first = before.i
    while first > 0 and article.doc[first].ent_iob_ == "I":
        first -= 1
    return first == 0 or article.doc[first - 1].tag_ not in ("DT", "PRP$", "POS")


def place_words(parsed: Doc) -> frozenset[str]:
    """The last words of the places the report names ("delhi" of "New Delhi"), lower-cased: the
    small model often misses a dateline's place but finds it somewhere in the report's prose."""
    return frozenset(e[-1].lower_ for e in parsed.ents if e.label_ in GEO_LABELS)


def after_lead_in(token: Token, end: int, begin: int, places: frozenset[str]) -> bool:
    """Does ``token`` open the real sentence after a dateline run in front of it ("Osk
    News Bureau Lira: The death toll rose ...", "BRAM, Osk: Police forces ...",
    "ET: At least 14 people ...")? The run is a few capitalised words ending on a place the
    report names or a clock zone, then a colon. A speaker's colon ("Gen. Smith: 'We will
    ...'"), a label ("Update:", "Note:") or a headline's source ("Police: 7 dead") is none."""
    mark = token.nbor(-1)
    if mark.text not in (":", "]") or end - token.i < MIN_GLUED_TAIL:
        return False
    if not (token.is_alpha and (token.is_title or token.is_upper) or token.like_num):
        return False
    run = token.doc[begin : mark.i]
    if not _lead_in_run(run):
        return False
    last = run[-1]
    if last.text in TIME_ZONES:
        return True
    return (mark.text == ":" and last.ent_type_ != "PERSON"
            and (last.ent_type_ in GEO_LABELS or last.lower_ in places or _place_after_outlet(run))
            and any(t.pos_ in ("VERB", "AUX") for t in token.doc[token.i : end]))


def _place_after_outlet(run: Span) -> bool:
    """The run ends on a few capitalised words after an outlet's name ("City News Bureau
    Kolhapur", "The Valley Times of Orissa BALANGIR"): the dateline's place, which no label is."""
    outlet = [t.i for t in run[:-1] if t.text in OUTLET_ENDS]
    if not outlet:
        return False
    place = run.doc[outlet[-1] + 1 : run.end]
    return (len(place) <= OUTLET_PLACE_MAX and all(t.is_alpha for t in place)
            and not any(t.lower_ in LEAD_IN_LABELS or t.text in OUTLET_ENDS for t in place))


def _lead_in_run(run: Span) -> bool:
    """Capitalised words, numbers and the joiners of names only, and few of them."""
    words = [t for t in run if t.is_alpha or t.like_num]
    if not words or len(words) > LEAD_IN_MAX or not run[-1].is_alpha:
        return False
    return all(t.is_title or t.is_upper or t.like_num or t.lower_ in LEAD_IN_JOINERS for t in run)


def after_widgets(token: Token, end: int) -> bool:
    """Does ``token`` open a sentence right after a page's buttons or tally ("Enlarge Email At
    least 15 people ...", "A A A Ana Diaz said ...", "Views: 1,204 At least ...")? The
    sentence still needs its length."""
    doc = token.doc
    if end - token.i < MIN_GLUED_TAIL or not (token.is_title or token.is_upper or token.like_num):
        return False
    widgets = doc[max(token.i - WIDGET_RUN, 0) : token.i]
    if len(widgets) == WIDGET_RUN and all(t.text in WIDGET_WORDS for t in widgets):
        return token.text not in WIDGET_WORDS
    tally = doc[max(token.i - 3, 0) : token.i]
    if (len(tally) == 3 and token.is_alpha and tally[0].is_title and tally[0].lower_ in COUNTERS
            and tally[1].text == ":" and tally[2].text.replace(",", "").isdigit()):
        return True
    letters = doc[max(token.i - FONT_SIZE_RUN, 0) : token.i]
    return len(letters) == FONT_SIZE_RUN and all(t.text == "A" for t in letters) and token.text != "A"


def capital_opening(token: Token, end: int) -> bool:
    """Is ``token`` an article's first word printed in capitals ("AT least 40 people ...") after
    page text on its line: a name, a date or a dash? In prose a word in capitals stresses it
    ("the bridge is, for them, THE model"), after a lower-case word or a comma; a word of a
    headline in capitals has capitals around it."""
    if token.text not in CAPITAL_OPENERS or end - token.i < MIN_GLUED_TAIL:
        return False
    before, after = token.nbor(-1), token.nbor(1)
    page_text = (before.is_title or before.text[0].isdigit() or before.text in PAGE_DASHES) and not before.is_upper
    return after.is_alpha and after.is_lower and page_text


def _title_case_run(span: Span, least: int = MIN_HEADLINE_RUN) -> bool:
    """A headline in title case: every word capitalised or a number, and enough of them."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    return len(words) >= least and all(t.is_title or t.is_upper or t.like_num for t in words)


def subordinate_alone(span: Span) -> bool:
    """The sentence's root is itself subordinate ("If you're long-suffering enough, as she
    is."): half a sentence, which no reader can take as a statement."""
    words = [t for t in span if not t.is_punct]
    if not words or len(span) > SUBORDINATE_MAX or words[0].lower_ not in SUBORDINATORS:
        return False  # a long sentence that opens on "Although ..." has its main clause the parser missed
    roots = [t for t in span if t.dep_ == "ROOT"]
    return len(roots) == 1 and any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in roots[0].children)


def _entities(span: Span) -> list[Entity]:
    return [
        Entity(text=e.text, label=e.label_, start=e.start_char, end=e.end_char)
        for e in span_ents(span)
        if e.label_ in ENTITY_LABELS
    ]
