"""Numbers in one sentence: how many, of what, what happened to them, and who said so.

A breaking story is told in numbers that move ("at least 20 hostages escaped", "about 60
are unaccounted for"), so each number phrase becomes a :class:`Quantity` read from spaCy's
parse: its value and range, the qualifier that hedges it, the thing counted, the event it
belongs to and the source it is attributed to. ``key`` separates the figures a reader
follows (dead, hostages, money, arrests) from plain facts (distances, counts of nations,
ordinals, numbers inside names). Years, dates, times, durations and ages are dropped: the
temporal stage owns them and they are never key figures.

The input is a sentence span of the whole parsed document, so offsets are document offsets.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from storyline.models import Quantity
from storyline.nlp import doc_text, span_ents

# --- vocabulary ----------------------------------------------------------------------

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
         "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
         "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
         "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
MULTIPLIERS = {"hundred": 100, "dozen": 12}

# scales written short: "$4m", "300m people", "3bn euros", "Rs 7mn"
SHORT_SCALES = {"m": 1e6, "mn": 1e6, "bn": 1e9}
GLUED_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(bn|mn)$")
# vague amounts, longest first: words -> (low, high)
VAGUE: dict[tuple[str, ...], tuple[float, float]] = {
    ("tens", "of", "thousands"): (20_000, 99_999),
    ("hundreds", "of", "thousands"): (200_000, 999_999),
    ("tens", "of", "millions"): (20e6, 99e6),
    ("hundreds", "of", "millions"): (200e6, 999e6),
    ("several", "dozen"): (36, 99),
    ("a", "few", "dozen"): (24, 99),  # "a few thousand" is no thousand: as vague as "thousands"
    ("a", "few", "hundred"): (200, 999),
    ("a", "few", "thousand"): (2_000, 9_999),
    ("several", "hundred"): (300, 999),
    ("several", "thousand"): (3_000, 9_999),
    ("dozens",): (24, 99),
    ("scores",): (40, 99),
    ("hundreds",): (200, 999),
    ("thousands",): (2_000, 9_999),
    ("millions",): (2e6, 9.99e6),
}

FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3,
             "quarter": 0.25, "quarters": 0.25}

ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
                 "twelfth": 12, "twentieth": 20, "hundredth": 100}
ORDINAL_DIGITS = re.compile(r"^\d+(st|nd|rd|th)$", re.I)
DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
DECADE = re.compile(r"^'?\d+0s$")
CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")

# qualifier words (lowercase, as they appear) -> normalised qualifier
QUALIFIERS: dict[tuple[str, ...], str] = {
    ("at", "least"): "at least", ("no", "fewer", "than"): "at least",
    ("no", "less", "than"): "at least", ("not", "less", "than"): "at least",
    ("a", "minimum", "of"): "at least",
    ("more", "than"): "more than", ("over",): "more than", ("upwards", "of"): "more than",
    ("in", "excess", "of"): "more than", ("above",): "more than",
    ("greater", "than"): "more than", ("just", "over"): "more than",
    ("well", "over"): "more than",
    ("about",): "about", ("around",): "about", ("roughly",): "about",
    ("approximately",): "about", ("some",): "about", ("an", "estimated"): "about",
    ("estimated",): "about", ("circa",): "about", ("approx.",): "about",
    ("nearly",): "nearly", ("almost",): "nearly", ("close", "to"): "nearly",
    ("just", "under"): "nearly",
    ("up", "to"): "up to", ("as", "many", "as"): "up to", ("as", "much", "as"): "up to",
    ("at", "most"): "up to", ("no", "more", "than"): "up to",
    ("not", "more", "than"): "up to", ("a", "maximum", "of"): "up to",
    ("fewer", "than"): "fewer than", ("less", "than"): "fewer than",
    ("under",): "fewer than", ("below",): "fewer than",
    ("between",): "between",
}
# qualifiers that can open a number a scrape split in two ("over 2, 300 people"); not "up to",
# whose "to" may belong to a verb ("the toll rose to 12, 140 injured" lists two counts)
SPLIT_QUALIFIERS = [words for words in QUALIFIERS if words[-1] != "to" and words != ("between",)]
# "the bill adds up to $52 million", "the losses summed up to $3 million": the "up" is the verb's,
# so the sum is stated in full, no ceiling ("up to"), and "adds" reports nothing
ADD_UP_VERBS = {"add", "sum", "tot"}
# single words that are also prepositions: only a qualifier when parsed as a modifier
PREPOSITION_QUALIFIERS = {"over", "about", "around", "under", "above", "below"}
RANGE_PREPOSITIONS = PREPOSITION_QUALIFIERS | {"between"}

# verb lemma -> (event, True when the count is the verb's object: "killed 4 hostages")
EVENT_VERBS: dict[str, tuple[str, bool]] = {
    "kill": ("killed", True), "slay": ("killed", True), "execute": ("killed", True),
    "murder": ("killed", True), "behead": ("killed", True),
    "massacre": ("killed", True), "slaughter": ("killed", True), "assassinate": ("killed", True),
    "gun": ("killed", True),  # "gunned down 200 students"
    "die": ("killed", False), "perish": ("killed", False), "drown": ("killed", False),
    "injure": ("wounded", True), "wound": ("wounded", True), "hurt": ("wounded", True),
    "escape": ("escaped", False), "flee": ("escaped", False),
    "free": ("freed", True), "release": ("freed", True), "liberate": ("freed", True),
    # a rescue is told as one ("1,400 people rescued"), not as captives set free
    "rescue": ("rescued", True),
    "hold": ("held", True), "capture": ("held", True), "seize": ("held", True),
    "kidnap": ("held", True), "abduct": ("held", True), "take": ("held", True),
    "have": ("held", True), "keep": ("held", True),
    "disappear": ("missing", False), "vanish": ("missing", False),
    "evacuate": ("evacuated", True),
    "arrest": ("arrested", True), "detain": ("arrested", True),
    "apprehend": ("arrested", True),
    "trade": ("traded", True), "offer": ("traded", True), "exchange": ("traded", True),
    "swap": ("traded", True),
    "displace": ("displaced", True), "uproot": ("displaced", True),
    "damage": ("damaged", True), "destroy": ("damaged", True),
    "flatten": ("damaged", True), "raze": ("damaged", True),
    "protest": ("protested", False), "demonstrate": ("protested", False),
    "rally": ("protested", False), "march": ("protested", False),
    "strand": ("stranded", True), "trap": ("trapped", True), "bury": ("trapped", True),
    "affect": ("affected", True), "shift": ("evacuated", True), "relocate": ("evacuated", True),
    "cancel": ("cancelled", True), "ground": ("cancelled", True),
    "employ": ("employed", True), "hospitalize": ("wounded", True),
    "treat": ("wounded", True), "carry": ("on board", True),
    "burn": ("damaged", False), "collapse": ("damaged", False), "pull": ("rescued", True),
}
# "tried to burn two cars", "failed to free the hostages": an attempt is no event done
ATTEMPT_VERBS = {"try", "attempt", "fail", "threaten", "plot"}
# "found 52 of the missing awards": what is found is no longer missing
FOUND_VERBS = {"find", "recover", "locate", "retrieve", "return", "trace"}
CHANCE_VERBS = {"stumble", "come", "happen", "chance"}  # "came across", "stumbled upon"
# "burned to death", "crushed to death": any verb that ends in death kills its patient
DEATH_WORDS = {"death", "deaths"}
# "sustained injuries", "suffered burns": the subject is wounded
HARM_VERBS = {"sustain", "suffer", "receive"}
HARM_NOUNS = {"injury", "wound", "burn", "fracture", "bone", "gunshot"}
# "claimed 72 lives", "took 15 lives", "100 lives were lost": lives counted are the dead
LIFE_VERBS = {"claim", "take", "cost", "lose"}
# "the number of dead rose to 60": a number noun with a people word works like a toll
NUMBER_NOUNS = {"number", "count"}
# verbs that count people only ("carrying 1,000 commuters", not "carrying two bags")
# ("pulled 1,400 survivors out", not "pulled 20 bodies"; "uprooted 5,000 families", not 23 trees)
# ("evacuated 2,000 residents", not "police evacuated two offices" of the people in them)
PEOPLE_VERBS = {"carry", "pull", "uproot", "evacuate"}
# "released 400 pages of records", "freed the documents": papers made public, no captives set free
FREE_VERBS = {"free", "release", "liberate"}
DOCUMENT_NOUNS = {"page", "document", "file", "record", "e-mail", "email", "letter", "memo", "transcript",
                  "tape", "videotape", "report", "statement", "paper", "message", "note", "figure", "data"}
# verbs that count things only ("80 homes burned down", not "three people burned")
THING_VERBS = {"burn", "collapse"}
# nouns of an assault whose "by" object counts the attackers: "an offensive by 1,200 fighters"
ATTACK_NOUNS = {"attack", "assault", "offensive", "raid", "ambush", "siege", "incursion"}
# "overcrowded with 1,000 passengers", "packed with 60 passengers": the people on board
CROWD_VERBS = {"overcrowd", "crowd", "pack", "cram", "overload",
               "overcrowded", "crowded", "packed", "crammed", "overloaded"}
# nouns whose "of" object takes their role: "a total of 14 candidates were murdered"
TOTAL_NOUNS = {"total"}
# "take part", "take place", "take shelter": no seizure
IDIOM_OBJECTS = {"part", "place", "shelter", "refuge", "cover", "care", "office", "charge"}
# what "take" seizes when its subject attacks: "gunmen took 20 hostages", "rebels took control of
# the town", "20 fighters took the airport" (but "6 million people took the drug" attacked nothing)
SEIZED_WORDS = {"control", "hostage", "captive", "prisoner", "embassy", "plant", "complex", "base",
                "airport", "compound", "facility", "school", "hotel", "camp", "checkpoint", "outpost"}
SEIZED_ENTITIES = {"FAC", "GPE", "LOC"}
# verbs of leaving that, told or ordered, make an evacuation
DEPARTURE_VERBS = {"leave", "flee", "evacuate", "abandon"}
PUSH_VERBS = {"drive", "chase", "push"}
HOME_NOUNS = {"home", "house"}  # "fled their homes", "forced from their houses": displaced
SUBSET_PRONOUNS = {"them", "whom", "those"}  # "eight of them": part of a group told before
# "Texas ranked second with 40 deaths", "Florida led the list with 52": one entry of a ranking
RANK_VERBS = {"rank", "top", "trail", "lead", "place", "finish"}
# "300 of the arrests took place on Sunday": part of a count of these events told before
TOLD_EVENT_NOUNS = {"death", "arrest", "injury", "killing", "casualty", "fatality", "detention"}
TOLD_DETERMINERS = {"the", "these", "those"}
TOLD_PEOPLE = {"dead", "injured", "wounded"}  # "Four of the dead were inside the temple": part of the toll
CAUSE_VERBS = {"force", "order", "prompt", "cause", "compel", "leave", "tell", "urge"}
HOSPITAL_WORDS = {"hospital", "clinic", "infirmary"}
PROTEST_NOUNS = {"rally", "protest", "demonstration", "march", "strike", "sit-in", "vigil"}
# verbs that only count captives ("held 3 meetings" is no hostage figure)
CAPTIVE_VERBS = {"treat", "hold", "capture", "seize", "take", "have", "keep", "offer", "trade",
                 "exchange", "swap"}
# verbs whose active subject is a count of attackers ("20 gunmen attacked the plant")
AGENT_VERBS = {"attack", "storm", "raid", "assault", "ambush", "seize", "capture", "kill",
               "kidnap", "abduct", "take", "overrun", "besiege", "hijack"}
EVENT_ADJECTIVES = {"dead": "killed", "missing": "missing", "unaccounted": "missing",
                    "injured": "wounded", "wounded": "wounded", "homeless": "displaced",
                    "displaced": "displaced", "kidnapped": "held", "captive": "held"}
# nouns that name the event they count: "the release of 20 hostages"
EVENT_NOUNS = {"death": "killed", "killing": "killed", "release": "freed", "rescue": "rescued",
               "escape": "escaped", "kidnapping": "held", "abduction": "held",
               "capture": "held", "evacuation": "evacuated", "arrest": "arrested",
               "disappearance": "missing", "backlog": "stranded"}
CROWD_EVENT = "protested"
# counted nouns that carry their own event when no verb gives one
NOUN_EVENTS = {"hostage": "held", "captive": "held", "dead": "killed", "death": "killed",
               "fatality": "killed", "casualty": "casualties", "injury": "wounded",
               "injured": "wounded", "wounded": "wounded", "refugee": "displaced",
               "evacuee": "displaced", "arrest": "arrested", "missing": "missing",
               "protester": "protested", "demonstrator": "protested", "marcher": "protested",
               "body": "killed", "corpse": "killed"}
# events a counted noun gives only by naming who people are ("protesters", "refugees"): "two
# protesters were among the winners" counts no protest
DESCRIBED_BY_NOUN = {CROWD_EVENT, "displaced"}
# "agreed to resettle 5,000 refugees", "will admit 2,000 refugees": a country's intake
TAKE_IN_VERBS = {"resettle", "admit", "accept", "absorb", "welcome"}
# counted nouns that are their event whatever verb or neighbour told it: "caused 90 deaths and
# over 700 injured" (deaths are no wounded), "40 bodies were evacuated" (the bodies are dead)
OWN_EVENT_NOUNS = {"death": "killed", "fatality": "killed", "injury": "wounded",
                   "body": "killed", "corpse": "killed"}
# counted nouns that are incidents: "21 fires", "two blasts" count the events themselves
INCIDENT_NOUNS = {"fire", "blaze", "blast", "explosion", "bombing", "bomb", "attack",
                  "aftershock", "tremor", "quake", "earthquake", "landslide", "mudslide",
                  "arson", "shooting", "strike", "raid", "airstrike", "rocket", "missile"}
# "killing and wounding scores of people": one count of both, the casualties
# "were killed or disappeared": a count of the dead and the missing together
JOINT_EVENTS = {frozenset({"killed", "wounded"}): "killed or wounded",
                frozenset({"killed", "missing"}): "killed or missing"}
# "will bury the 200 victims": the buried are dead ("the landslide buried 20 people" traps them)
BURIED_DEAD = {"victim", "dead", "body", "corpse"}
BURIAL_PLACES = {"grave", "funeral", "cemetery", "graveyard", "tomb", "ceremony", "burial"}
BURIED_UNDER = {"under", "beneath", "underneath"}  # "victims buried under the rubble": trapped
VICTIM_EVENTS = {"killed or wounded", "killed or missing",
                 "killed", "wounded", "missing", "escaped", "freed", "rescued", "held",
                 "evacuated", "arrested", "displaced", "trapped", "stranded"}
NOT_VICTIMS = INCIDENT_NOUNS | {"cyclone", "storm", "typhoon", "hurricane", "flood", "tornado",
                                "tsunami", "collapse", "crash", "accident", "wave", "toll",
                                "home", "house", "building", "car", "vehicle", "village", "shop"}
# "destroyed 3 million mines from its stockpiles", "the army destroyed 400 rifles": weapons done away
# with are disarmament, not damage (damage counts the homes, cars and crops a disaster or attack hit)
WEAPON_NOUNS = {"mine", "landmine", "weapon", "arm", "missile", "warhead", "stockpile", "munition",
                "ammunition", "shell", "bomb", "rocket", "grenade", "explosive", "rifle", "gun", "cartridge"}
# "cut power to 75,000 homes": verbs that leave those the power went to without it
POWER_CUT_VERBS = {"cut", "shut", "interrupt", "disrupt", "sever", "suspend"}
# "250,000 without power", "4,200 people on board": a state named by a preposition
STATE_PREPOSITIONS = {("without", "power"): "without power",
                      ("without", "electricity"): "without power",
                      ("on", "board"): "on board", ("in", "shelter"): "in shelters",
                      ("in", "shelters"): "in shelters", ("on", "strike"): "on strike"}
# nominal adjectives that stand for people ("20 dead")
PEOPLE_ADJECTIVES = {"dead", "injured", "wounded", "missing"}
LINKING_VERBS = {"be", "appear", "seem", "remain", "continue", "become", "stay", "fear",
                 "believe", "report", "presume", "think", "confirm", "say", "expect",
                 "pronounce", "declare", "find"}
TOLL_NOUNS = {"toll", "tally"}
# "up from 41", "revised down from 120": what a count changed from is no longer its value
CHANGE_VERBS = {"rise", "raise", "increase", "climb", "jump", "grow", "swell", "soar", "surge",
                "revise", "lower", "fall", "drop", "decline", "decrease", "cut", "reduce",
                "lift", "push", "bring", "update", "correct", "change", "adjust"}
# verbs that take a count past a mark: "the toll passed 50" is more than 50
EXCEED_VERBS = {"pass", "exceed", "top", "surpass", "cross", "overtake"}
# "an earlier toll of 41", "an earlier version of this story": words that mark a past figure
# (not "initial": "an initial toll of 12" is often the only toll yet)
PAST_MARKS = {"earlier", "previous", "prior", "former", "old", "original"}
# a report's own correction: "misstated the death toll as 65", "wrongly reported 65"
MISSTATE_VERBS = {"misstate", "misreport", "misquote", "miscount", "misprint"}
WRONG_GIVEN = {"give", "list", "put", "publish", "print", "cite"}
STILL_IN_HOSPITAL = {"hospitalize", "hospitalise", "hospitalized", "hospitalised", "treat"}
STILL_VERBS = {"remain", "remains", "remained", "stay", "stays", "stayed"}  # "remained hospitalized", "are still being treated": those left in care
WRONG_ADJECTIVES = {"erroneous", "incorrect", "wrong", "mistaken", "inaccurate", "false"}
REPORT_NOUNS = {"report", "statement", "announcement", "figure", "count", "estimate", "claim"}
WRONG_ADVERBS = {"incorrectly", "wrongly", "erroneously", "mistakenly", "inaccurately", "falsely"}
# what a revised count is called when the sentence told its event before ("the estimate")
ESTIMATE_NOUNS = {"estimate", "figure"}
TOLL_WORDS = {"killed", "wounded", "missing"}
PEOPLE_EVENTS = {"killed or wounded", "killed or missing",
                 "killed", "wounded", "missing", "escaped", "freed", "rescued", "held",
                 "evacuated", "arrested", "displaced", "traded", "casualties", "attacked", "protested",
                 "stranded", "trapped", "affected", "employed", "without power", "on board",
                 "in shelters", "on strike"}

MONEY_VERBS = {"pay": "paid", "demand": "demanded", "seek": "demanded", "ask": "demanded",
               "offer": "offered", "raise": "raised", "cost": "cost", "steal": "stolen",
               "lose": "lost", "donate": "donated", "pledge": "pledged", "spend": "spent",
               "award": "awarded", "fine": "fined", "owe": "owed"}
# "sold at auction to help pay off the $4 million": a sum one acts in order to pay is not paid yet
PURPOSE_HELPERS = {"help"}
# nouns that say what an amount of money is: "a bail of $2.85 million", "$55 million in damage"
MONEY_NOUNS = {"damage": "in damage", "loss": "in losses", "bail": "bail", "aid": "in aid",
               "reward": "reward", "award": "reward", "bounty": "bounty", "ransom": "ransom",
               "appeal": "appeal", "compensation": "compensation", "cost": "cost",
               "relief": "in aid", "fund": "in aid", "donation": "donated", "fine": "fined",
               "offer": "offered", "bid": "offered"}
# "was ordered to pay $33.5 million": a sum a court or an
# authority orders paid is granted, not yet paid
ORDER_VERBS = {"order", "sentence", "require", "direct"}
# "seeks $10 million in damages", "ordered to pay $2 million in punitive damages": money a court
# is asked for or grants is no damage done, so the verb of the claim says what the sum is
# ("a storm caused $30 million in damages" keeps its damage)
LEGAL_DAMAGES_VERBS = {"seek": "demanded", "ask": "demanded", "demand": "demanded", "sue": "demanded",
                       "award": "awarded", "win": "awarded", "grant": "awarded", "pay": "paid"}
# a law's penalty, no fine levied: "punishable by a fine of up to $10,000", "the crime carries a
# potential fine of $20,000", "faces fines of up to $50,000", "the penalty for poaching is a $25,000 fine"
PENALTY_VERBS = {"carry", "face"}
PENALTY_ADJECTIVES = {"punishable", "potential", "possible", "maximum"}
PENALTY_NOUNS = {"penalty", "punishment"}
# "$300,000 in compensatory damages": damages a court weighs
LEGAL_DAMAGES_ADJECTIVES = {"punitive", "compensatory", "exemplary", "treble", "civil"}
LEGAL_DAMAGES = "in legal damages"
# "a court reduced the damages to $20 million", "the witness calculated the damages at": a claim's damages
COURT_WORDS = {"court", "jury", "judge", "juror", "lawsuit", "suit", "sue", "trial", "verdict", "plaintiff",
               "defendant", "witness", "litigation", "attorney", "lawyer", "appeal", "settlement"}
# "asked the jury to award", "urged the court to order it to pay": money asked for is demanded
SOUGHT_WORDS = {"warrant", "call", "press", "push", "appeal", "demand", "ask", "plea", "negotiate",
                "campaign", "seek", "order"}  # "warrants for the arrest of", "pressed for the release of"
REQUEST_VERBS = {"ask", "urge", "request", "demand", "seek", "want", "petition"}
# "a quarterly loss of $52 million", "a loss ... on revenue of $380 million": a company's results
RESULT_WORDS = {"revenue", "earnings", "quarterly", "pretax", "profit", "fiscal", "turnover"}
# "a total of $2 million was paid": nouns that only measure, so the verb says what the sum is
AMOUNT_NOUNS = {"total", "sum", "amount", "tally", "excess", "average"}
# "38 dollars a share", "$80 a barrel", "$15 an hour": money per unit is a rate, not a sum
RATE_UNITS = {"share", "barrel", "hour", "day", "week", "month", "year", "tonne", "ton",
              "head", "person", "night", "ounce", "gallon", "litre", "liter", "kilo", "kilogram",
              "pound", "unit", "seat", "ticket", "visit", "vote", "copy", "license", "licence"}
# "dlrs 2.5 million": the wire services' abbreviation, written where "$" would stand
CURRENCY_SYMBOLS = {"$": "dollars", "US$": "dollars", "dlrs": "dollars", "Rs": "rupees", "Rs.": "rupees",
                    "€": "euros", "£": "pounds",
                    "¥": "yen", "₹": "rupees"}
CURRENCY_WORDS = {"dollar": "dollars", "dlrs": "dollars", "euro": "euros", "pound": "pounds", "yen": "yen",
                  "yuan": "yuan", "rupee": "rupees", "dinar": "dinars", "franc": "francs",
                  "peso": "pesos", "ruble": "rubles", "rouble": "rubles", "usd": "dollars",
                  "quetzal": "quetzales", "quetzale": "quetzales", "taka": "taka",
                  "naira": "naira", "rand": "rand", "ringgit": "ringgit", "lira": "lira",
                  "shekel": "shekels", "riyal": "riyals", "dirham": "dirhams",
                  "eur": "euros", "gbp": "pounds"}

REPORT_VERBS = {"say", "report", "claim", "tell", "announce", "state", "confirm", "estimate",
                "add", "insist", "declare", "disclose", "reveal", "indicate", "note", "quote",
                "cite", "acknowledge", "admit", "allege", "warn", "assert", "write",
                "explain", "tweet", "post", "put", "count"}
# "claimed 72 lives", "claimed a death toll of 9,000": what a disaster takes, no one's report
LIVES_WORDS = {"life", "toll", "death", "victim", "casualty"}
# "the group accused the army of killing 30": who accuses gives the number
ACCUSE_VERBS = {"accuse"}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who", "that", "which", "this"}
# what is known, not who tells it: "new evidence says a bounty was posted" names no source
NO_SOURCE_NOUNS = {"evidence", "information", "indication", "sign"}
HEDGE_AUX = {"could", "may", "might", "would", "can"}
# "reportedly" names no source but is no hypothetical: "20 were reportedly killed" is a count
HEDGE_ADVERBS = {"perhaps", "possibly", "maybe", "probably", "likely", "potentially"}
HEDGE_VERBS = {"fear", "believe", "suspect", "presume", "speculate", "expect"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
# "some 300 people die monthly": a count per period
RATE_ADVERBS = {"daily", "weekly", "monthly", "yearly", "annually", "nightly", "hourly"}
# "a $30 million annual fee", "a daily loss of $2 million": a sum named by a period is paid per period
RATE_ADJECTIVES = {"annual": "year", "yearly": "year", "daily": "day", "weekly": "week",
                   "monthly": "month", "hourly": "hour", "nightly": "night"}
# "the first issue, which will cost $3", "a ticket costs $40": one item sold, so the sum is a price
PRICE_VERBS = {"cost", "sell", "retail"}
PRICED_ITEMS = {"issue", "copy", "edition", "ticket", "book", "magazine", "newspaper", "pill", "tablet",
                "dose", "meal", "bottle", "pack", "packet", "seat", "share", "unit", "gallon", "litre",
                "liter", "barrel", "ounce", "kilo", "kilogram", "pound", "loaf", "cup"}
# "a day after", "a week later": a time unit that places an event, no period it repeats in
SEQUENCE_WORDS = {"after", "before", "later", "earlier", "ago", "since", "into", "afterwards"}
INCREMENT_BEFORE = {"another", "additional", "further", "extra", "last"}  # "freed the last 18"
INCREMENT_AFTER = {"more", "additional", "further", "extra", "others"}
# "divers found the other two bodies", "her other three children": the rest of a group, no total
REST_DETERMINERS = {"the", "his", "her", "their", "its"}

TIME_UNITS = {"second", "minute", "hour", "day", "week", "fortnight", "month", "year",
              "decade", "century", "night", "weekend", "morning", "evening", "afternoon",
              "hr", "hrs", "min", "yr", "yrs", "sec"}
# "3 hours ago", a results page's "15 horas atrás": a number, a unit, then "ago" is a time
AGO_WORDS = {"ago", "atrás", "atras"}
TIME_WORDS = {"a.m.", "p.m.", "am", "pm", "o'clock", "gmt", "utc", "local", "hours"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december", "jan", "jan.", "feb", "feb.",
          "mar", "mar.", "apr", "apr.", "jun", "jun.", "jul", "jul.", "aug", "aug.", "sep",
          "sep.", "sept", "sept.", "oct", "oct.", "nov", "nov.", "dec", "dec."}
MEASURES = {"kilometer", "kilometre", "km", "mile", "meter", "metre", "m", "foot", "feet",
            "inch", "yard", "centimeter", "centimetre", "cm", "millimeter", "mm", "kilogram",
            "kg", "gram", "ton", "tonne", "liter", "litre", "gallon", "barrel", "acre",
            "hectare", "degree", "percent", "%", "mph", "kph", "knot", "square", "sq",
            "magnitude", "point", "lb", "pound", "ounce", "calorie", "watt", "megawatt", "volt"}
PLACES = {"nation", "country", "province", "state", "city", "town", "village", "district",
          "region", "continent", "site", "location", "area", "neighborhood", "neighbourhood",
          "county", "territory", "island", "border", "capital", "place", "front",
          "municipality", "governorate", "township", "part", "side"}
NAME_WORDS = {"route", "highway", "flight", "category", "level", "phase", "article",
              "section", "room", "gate", "chapter", "platform", "terminal", "block", "ward",
              "page", "item", "step", "grade", "interstate", "apollo", "world", "war",
              "boeing", "airbus", "channel", "line", "bus", "pier", "exit", "amendment",
              "resolution", "paragraph", "clause", "stage", "class", "type", "model",
              "version", "act", "rule", "tier", "zone", "sector", "unit", "group"}
POSITION_WORDS = {"no.", "no", "nos.", "number", "#", "num."}
NAME_LABELS = {"FAC", "ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "PERSON", "GPE",
               "LOC", "NORP"}
# entities that never describe what is counted
NAME_MODIFIER_LABELS = {"ORG", "PERSON", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "DATE",
                        "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY"}
# modifiers that say nothing about what is counted
EMPTY_MODIFIERS = {"more", "other", "additional", "further", "extra", "many", "several",
                   "estimated", "some", "total", "another", "such", "least", "most", "few"}
# nouns for people, to let "held"/"attacked" count only people
PEOPLE_NOUNS = {"people", "person", "man", "woman", "child", "boy", "girl", "hostage",
                "captive", "worker", "employee", "civilian", "soldier", "troop", "police",
                "policeman", "officer", "guard", "resident", "tourist", "passenger",
                "foreigner", "national", "citizen", "student", "pupil", "teacher", "doctor",
                "nurse", "patient", "journalist", "reporter", "militant", "gunman",
                "fighter", "rebel", "insurgent", "attacker", "kidnapper", "terrorist",
                "suspect", "protester", "demonstrator", "prisoner", "detainee", "migrant",
                "refugee", "villager", "farmer", "miner", "sailor", "crew", "pilot",
                "expatriate", "contractor", "engineer", "staff", "member", "victim",
                "survivor", "official", "diplomat", "priest", "monk", "pilgrim", "fan",
                "spectator", "casualty", "dead", "injured", "wounded", "family", "other",
                "american", "briton", "local", "hunter", "trekker", "climber", "hiker",
                "commuter", "traveler", "traveller", "shopper", "worshipper", "guest",
                "visitor", "inmate", "firefighter", "rescuer", "driver", "crewmember",
                "male", "female", "youth", "teenager", "adult", "assailant", "shooter",
                "bomber", "robber"}
QUOTES = "'\"‘’“”`"

# --- land burned or flooded, jobs cut ---
# an area a fire or flood covered is that disaster's measure ("the fire has burned 7,200
# hectares"), unlike the plain measures above ("a 40-hectare farm")
AREA_UNITS = {"hectare", "acre", "ha"}
SQUARE_UNITS = {"kilometre", "kilometer", "km", "mile"}  # "square kilometres"
AREA_EVENTS = {"burned", "flooded"}
AREA_PREPOSITIONS = {"to", "across", "over", "than"}
BURN_VERBS = {"burn", "scorch", "char", "blacken", "incinerate"}
FLOOD_VERBS = {"flood", "inundate", "submerge", "swamp", "deluge"}
FIRE_NOUNS = {"fire", "wildfire", "blaze", "bushfire", "brushfire", "inferno", "firestorm", "flame"}
FLOOD_NOUNS = {"flood", "flooding", "floodwater", "water", "deluge", "inundation"}
# jobs a company cuts: "will cut 1,200 jobs", "to lay off 1,200 employees", "1,200 job cuts"
JOB_NOUNS = {"job", "role", "position", "post", "layoff", "redundancy"}
CUT_VERBS = {"cut", "eliminate", "slash", "shed", "axe", "scrap", "lose"}
# staff a company cuts ("slashed two people" with a knife is no lay-off)
STAFF_NOUNS = {"employee", "worker", "staff", "staffer"}
CUT_NOUNS = {"cut", "layoff", "redundancy", "loss"}  # "job cuts", "job losses"
# a cut is announced before it is done: "said it would cut 1,200 jobs" states the plan, while
# "may", "could", "might" still hedge it
PLANNED_EVENTS = {"cut"}
PLAN_AUX = {"would", "will", "shall", "'ll"}
# "will be released in two months", "shall pay": what is still ahead is not done
FUTURE_AUX = {"will", "shall", "'ll"}
# "plan to release three pairs", "exploring ways to raise $200,000": an intent, nothing done yet
PLAN_WORDS = {"plan", "intend", "aim", "hope", "propose", "want", "way", "proposal"}


# natural hazards people flee ahead of: an evacuation ("fled ahead of the cyclone")
HAZARD_NOUNS = {"storm", "cyclone", "hurricane", "typhoon", "tsunami", "flood", "flooding",
                "floodwater", "wildfire", "bushfire", "eruption", "volcano", "lava", "tornado",
                "landslide", "mudslide", "earthquake", "quake", "aftershock"}
# what a web page counts about itself ("all 48 news articles", "215 comments", "1,204 views"):
# aggregator and page furniture run into a headline, never a count of the story
PAGE_ITEMS = {"article", "comment", "view", "photo", "photograph", "picture", "image", "video",
              "share", "like", "follower", "reply", "tweet", "retweet", "result", "headline"}


@dataclass
class _Phrase:
    """A number phrase in the sentence, before we know what it counts.

    ``first``/``last`` are span-relative token indices of the number itself; the quoted
    text may start earlier (the qualifier) or end later (the whole of a fraction).
    """

    first: int
    last: int
    value: float | None
    low: float | None = None
    high: float | None = None
    kind: str = "count"  # count | vague | fraction | ordinal | range | ratio
    total: float | None = None  # fraction: the whole ("half of the 132")
    text_first: int | None = None
    text_last: int | None = None
    qualifier: str | None = None
    money: str | None = None  # currency name
    negated: bool = False  # "no one"


# --- public -------------------------------------------------------------------------


def find_quantities(sent: Span) -> list[Quantity]:
    """Every number phrase in ``sent`` as a Quantity (dates, times and ages left out)."""
    phrases = list(_phrases(sent))
    wholes = {p.text_last for p in phrases if p.kind == "fraction" and p.text_last is not None}
    out: list[Quantity] = []
    for phrase in phrases:
        q = _quantity(sent, phrase, is_whole=phrase.first in wholes)
        if q is not None:
            out.append(q)
    return out


# --- finding number phrases -----------------------------------------------------------


def _phrases(sent: Span) -> Iterator[_Phrase]:
    """Scan left to right; vague amounts first so "hundreds of thousands" stays whole."""
    words = [t.lower_ for t in sent]
    i = 0
    previous: _Phrase | None = None
    while i < len(sent):
        phrase = (_vague_at(sent, words, i) or _scaled_fraction_at(words, i)
                  or _fraction_at(sent, words, i))
        if phrase is None and (share := _share_without_whole(words, i)) is not None:
            i = share + 1  # "about one-third of the homes": a share, neither 1 nor the 3rd
            continue
        phrase = phrase or _number_at(sent, words, i)
        if phrase is None:
            phrase = _ordinal_at(sent, words, i)
        if phrase is None:
            i += 1
            continue
        _attach_currency_symbol(sent, phrase)
        _attach_qualifier(sent, words, phrase)
        _attach_range(sent, words, phrase)
        _attach_currency_word(sent, phrase)
        if previous is not None and _restates(sent, previous, phrase):
            phrase.qualifier = previous.qualifier
            _set_bounds(phrase)
        yield phrase
        previous = phrase
        i = phrase.last + 1


def _restates(sent: Span, before: _Phrase, phrase: _Phrase) -> bool:
    """"more than 100,000 Australian dollars (U.S. dlrs 60,000)": a sum in another currency in
    brackets right after a hedged sum restates it, and carries its hedge."""
    if phrase.money is None or before.qualifier is None or phrase.qualifier is not None:
        return False
    begin = phrase.text_first if phrase.text_first is not None else phrase.first
    end = before.text_last if before.text_last is not None else before.last
    gap = sent[end + 1:begin]
    if before.money is None and not any(t.lemma_.lower() in CURRENCY_WORDS for t in gap):
        return False  # "100,000 Australian dollars" is money too, named after the number
    opening = [k for k, t in enumerate(gap) if t.text == "("]
    if len(opening) != 1 or opening[0] > 2 or len(gap) - opening[0] > 3:
        return False  # "dollars (", "Australian dollars (" then at most "U.S. dlrs"
    return all(t.pos_ in ("ADJ", "PROPN", "NOUN", "SYM") for k, t in enumerate(gap) if k != opening[0])


def _vague_at(sent: Span, words: list[str], i: int) -> _Phrase | None:
    for pattern, (low, high) in VAGUE.items():
        end = i + len(pattern)
        if tuple(words[i:end]) != pattern:
            continue
        if pattern == ("scores",) and (end >= len(words) or words[end] != "of"):
            continue
        return _Phrase(first=i, last=end - 1, value=None, low=low, high=high, kind="vague")
    return None


def _fraction_word(words: list[str], i: int) -> tuple[float, int] | None:
    """The numerator and the index of the fraction word at ``i`` ("half", "two-thirds", "a quarter")."""
    numerator, j = 1.0, i
    if words[i] in ("a", "one") or words[i] in UNITS:
        numerator = 1.0 if words[i] in ("a", "one") else float(UNITS[words[i]])
        j = i + 1
        if j < len(words) and words[j] == "-":
            j += 1
    if j >= len(words) or words[j] not in FRACTIONS:
        return None
    return numerator, j


def _share_without_whole(words: list[str], i: int) -> int | None:
    """The index of the fraction word of "one-third", "two thirds" when no whole follows.

    Such a share counts nothing a reader can check ("one-third of the homes were destroyed"),
    and its words must not be read as the count 1 or as an ordinal. "a third explosion" keeps
    its ordinal: only a number word before the fraction makes it a share.
    """
    if words[i] != "one" and words[i] not in UNITS:
        return None
    read = _fraction_word(words, i)
    return None if read is None else read[1]


def _fraction_at(sent: Span, words: list[str], i: int) -> _Phrase | None:
    """"half of the 132", "two-thirds of 90": only with a stated whole, else no number."""
    read = _fraction_word(words, i)
    if read is None:
        return None
    numerator, j = read
    total_tok = _whole_after(sent, j)
    if total_tok is None:
        return None
    total = _run_value([total_tok.lower_])
    if total is None:
        return None
    share = numerator * FRACTIONS[words[j]] * total
    return _Phrase(first=i, last=j, value=share, kind="fraction", total=total,
                   text_last=total_tok.i - sent.start)


def _scaled_fraction_at(words: list[str], i: int) -> _Phrase | None:
    """"half a dozen" (6), "a quarter of a million" (250,000): a share of a number word."""
    read = _fraction_word(words, i)
    if read is None:
        return None
    numerator, j = read
    k = j + 1
    if k < len(words) and words[k] == "of":
        k += 1
    if k + 1 >= len(words) or words[k] not in ("a", "an"):
        return None
    scale = SCALES.get(words[k + 1]) or MULTIPLIERS.get(words[k + 1])
    if scale is None:
        return None
    return _Phrase(first=i, last=k + 1, value=numerator * FRACTIONS[words[j]] * scale)


def _whole_after(sent: Span, j: int) -> Token | None:
    """The number in "of [the] N" right after a fraction word."""
    k = j + 1
    if k >= len(sent) or sent[k].lower_ != "of":
        return None
    k += 1
    while k < len(sent) and sent[k].pos_ == "DET":
        k += 1
    if k < len(sent) and DIGITS.match(sent[k].text):
        return sent[k]
    return None


def _is_number_word(word: str) -> bool:
    return bool(DIGITS.match(word)) or word in UNITS or word in SCALES or word in MULTIPLIERS


def _number_at(sent: Span, words: list[str], i: int) -> _Phrase | None:
    """A run like "41", "1,300", "2.5 million", "forty-one", "a dozen", "two hundred"."""
    j = i
    if words[i] in ("a", "an"):
        if i + 1 < len(words) and (words[i + 1] in SCALES or words[i + 1] in MULTIPLIERS):
            j = i + 1
        else:
            return None
    if words[j] == "one" and j > 0 and words[j - 1] == "no":
        return _Phrase(first=j, last=j, value=0.0, low=0.0, high=0.0, text_first=j - 1,
                       negated=True, kind="none")
    glued = GLUED_SCALE.match(words[j])
    if glued:  # "3bn", "1.2mn": one token
        return _Phrase(first=i, last=j, value=float(glued.group(1)) * SHORT_SCALES[glued.group(2)])
    if not _is_number_word(words[j]):
        return None
    short = _short_scale(sent, words, j)
    if short is not None:  # "$4m", "300m people"
        return _Phrase(first=i, last=j + 1, value=float(words[j]) * short)
    end = j
    while end + 1 < len(words):
        nxt = words[end + 1]
        cur = words[end]
        if nxt in SCALES or nxt in MULTIPLIERS:
            end += 1
        elif DIGITS.match(cur) or DIGITS.match(nxt):
            break  # "20 30" are two numbers; "2.5 million" was taken above
        elif nxt in UNITS and (_tens_then_unit(cur, nxt) or cur in MULTIPLIERS or cur in SCALES):
            end += 1
        elif nxt in ("-", "and") and end + 2 < len(words) and words[end + 2] in UNITS and (
                (nxt == "-" and _tens_then_unit(cur, words[end + 2]))
                or (nxt == "and" and cur in ("hundred", "thousand"))):
            end += 2
        elif nxt == "," and cur in SCALES and end + 3 < len(words) and words[end + 2] in UNITS \
                and words[end + 3] == "hundred":
            end += 2  # "two thousand, four hundred fighters": a comma inside a number in words
        else:
            break
    if _split_thousands(words, j, end):
        return _Phrase(first=i, last=end + 2, value=float(words[j] + words[end + 2]))
    if _space_thousands(sent, words, j, end):  # "120 000 people"
        return _Phrase(first=i, last=end + 1, value=float(words[j] + words[end + 1]))
    value = _run_value(words[i:end + 1])
    if value is None:
        return None
    return _Phrase(first=i, last=end, value=value)


def _short_scale(sent: Span, words: list[str], j: int) -> float | None:
    """"$4m", "300m people", "$3 bn": a scale written short after digits. "m" is a million
    only for money or before a plural noun ("300m people"); "a 50m pool", "10m high" are metres."""
    if not DIGITS.match(words[j]) or j + 1 >= len(words) or words[j + 1] not in SHORT_SCALES:
        return None
    if words[j + 1] != "m":
        return SHORT_SCALES[words[j + 1]]
    if sent[j].whitespace_:
        return None
    money = j > 0 and sent[j - 1].text in CURRENCY_SYMBOLS
    plural = j + 2 < len(words) and sent[j + 2].tag_ == "NNS" and sent[j + 2].lemma_.lower() not in MEASURES
    return SHORT_SCALES["m"] if money or plural else None


def _split_thousands(words: list[str], j: int, end: int) -> bool:
    """"6, 000 men": scraped text split a thousands separator; "000" never counts on its own
    (while "12, 140 injured" stays a list of two counts). After a qualifier, "over 2, 300
    people" is one number too: a hedge opens a count, never a list of two ("rose to" may)."""
    if not (end == j and re.fullmatch(r"\d{1,3}", words[j]) is not None and end + 2 < len(words)
            and words[end + 1] == "," and re.fullmatch(r"\d{3}", words[end + 2]) is not None):
        return False
    if words[end + 2].startswith("0"):
        return True
    return end + 3 < len(words) and not _is_number_word(words[end + 3]) and words[end + 3] != "," \
        and any(tuple(words[max(0, j - len(p)):j]) == p for p in SPLIT_QUALIFIERS)


def _space_thousands(sent: Span, words: list[str], j: int, end: int) -> bool:
    """"120 000 people": a space as the thousands separator (as "000" never counts alone)."""
    return (end == j and re.fullmatch(r"\d{1,3}", words[j]) is not None and end + 1 < len(words)
            and sent[j].whitespace_ == " " and re.fullmatch(r"0\d\d", words[end + 1]) is not None)


def _tens_then_unit(cur: str, nxt: str) -> bool:
    """"forty-one" is one number; "ten-thirty" (a time) and "five six" are not."""
    if cur not in UNITS or nxt not in UNITS:
        return False
    return UNITS[cur] >= 20 and UNITS[cur] % 10 == 0 and 1 <= UNITS[nxt] <= 9


def _run_value(words: Iterable[str]) -> float | None:
    """Words of a number run -> its value ("forty-one" -> 41, "2.5 million" -> 2.5e6)."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w in ("-", "and", ","):
            continue
        if w in ("a", "an"):
            current = max(current, 1.0)
        elif DIGITS.match(w):
            current += float(w.replace(",", ""))
        elif w in UNITS:
            current += UNITS[w]
        elif w in MULTIPLIERS:
            current = max(current, 1.0) * MULTIPLIERS[w]
        elif w in SCALES:
            total += max(current, 1.0) * SCALES[w]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _ordinal_at(sent: Span, words: list[str], i: int) -> _Phrase | None:
    word = words[i]
    if word in ORDINAL_WORDS and sent[i].pos_ in ("ADJ", "ADV", "NUM"):
        return _Phrase(first=i, last=i, value=float(ORDINAL_WORDS[word]), kind="ordinal")
    if ORDINAL_DIGITS.match(word):
        return _Phrase(first=i, last=i, value=float(re.sub(r"\D", "", word)), kind="ordinal")
    return None


def _attach_qualifier(sent: Span, words: list[str], phrase: _Phrase) -> None:
    """Extend to "at least", "about", "more than"... and set the bounds they imply."""
    if phrase.kind != "ordinal":
        begin = phrase.text_first if phrase.text_first is not None else phrase.first
        for pattern, normal in sorted(QUALIFIERS.items(), key=lambda kv: -len(kv[0])):
            start = begin - len(pattern)
            if start < 0 or tuple(words[start:begin]) != pattern:
                continue
            if not _qualifier_fits(sent, start, phrase):
                continue
            phrase.qualifier = normal
            phrase.text_first = start
            break
    _set_bounds(phrase)


def _qualifier_fits(sent: Span, start: int, phrase: _Phrase) -> bool:
    """A lone preposition ("over", "about") qualifies only when it modifies the number."""
    word = sent[start].lower_
    if word == "up" and start > 0 and sent[start - 1].lemma_.lower() in ADD_UP_VERBS:
        return False  # "adds up to $52 million": the verb's "up", not a ceiling
    if word not in PREPOSITION_QUALIFIERS:
        return True
    qual = sent[start]
    numbers = {sent[k].i for k in range(phrase.first, phrase.last + 1)}
    if qual.dep_ in ("advmod", "quantmod", "amod", "npadvmod") or qual.head.i in numbers:
        return True
    # "Over 100 were wounded": the number itself is the preposition's object
    return qual.dep_ == "prep" and any(c.i in numbers and c.dep_ == "pobj" for c in qual.children)


def _set_bounds(phrase: _Phrase) -> None:
    if phrase.kind in ("vague", "range", "none"):
        return
    if phrase.kind == "fraction":
        _fraction_bounds(phrase)
        return
    v = phrase.value
    if v is None:
        return
    low, high = _bounds(v, phrase.qualifier)
    phrase.low, phrase.high = low, high


def _bounds(v: float, qualifier: str | None) -> tuple[float | None, float | None]:
    """The range a qualified number allows: "at least 20" is 20 and up."""
    whole = float(v).is_integer()
    margin = max(1.0, round(v * 0.1, 2))
    if qualifier == "at least":
        return v, None
    if qualifier == "more than":
        return (v + 1 if whole else v), None
    if qualifier == "about":
        return max(0.0, v - margin), v + margin
    if qualifier == "nearly":
        return max(0.0, v - margin), v
    if qualifier == "up to":
        return None, v
    if qualifier == "fewer than":
        return None, (v - 1 if whole else v)
    return v, v


def _fraction_bounds(phrase: _Phrase) -> None:
    """"more than half of the 132" -> 67..131, with no single value."""
    share, total = phrase.value or 0.0, phrase.total or 0.0
    if phrase.qualifier is None:
        phrase.value = float(round(share))
        phrase.low = phrase.high = phrase.value
        return
    low, high = _bounds(float(math.floor(share)), phrase.qualifier)
    if phrase.qualifier == "at least":
        low = float(math.ceil(share))
    phrase.value = None
    phrase.low = low if low is not None else 0.0
    phrase.high = min(high, total) if high is not None else (
        total - 1 if phrase.qualifier == "more than" else total)


def _attach_range(sent: Span, words: list[str], phrase: _Phrase) -> None:
    """"between 20 and 30", "20 to 30", "20-30" -> one phrase with low/high, no value."""
    if phrase.kind != "count" or phrase.value is None:
        return
    k = phrase.last + 1
    if k + 1 >= len(words):
        return
    joiner = words[k]
    allowed = ("and",) if phrase.qualifier == "between" else ("to", "-", "–", "or")
    if joiner not in allowed:
        return
    before = phrase.text_first if phrase.text_first is not None else phrase.first
    if before > 0 and words[before - 1] == "from":
        return  # "rose from 20 to 30" is a change, not a range
    if _is_phone(sent, phrase.first):
        return
    at = k + 1
    if phrase.money is not None and sent[at].text in CURRENCY_SYMBOLS and at + 1 < len(words):
        at += 1  # "$4 billion to $7 billion"
    second = _number_at(sent, words, at)
    if second is None or second.value is None:
        return
    if second.value <= phrase.value:
        if joiner in ("to", "-", "–") and phrase.money is None and second.money is None:
            phrase.kind = "ratio"  # "leads 5 to 1 in the polls", "voted 7-2": odds or a score, no count
            phrase.value = None
            phrase.last = second.last
        return
    phrase.low, phrase.high = phrase.value, second.value
    phrase.value = None
    phrase.kind = "range"
    phrase.last = second.last


def _attach_currency_symbol(sent: Span, phrase: _Phrase) -> None:
    """"$10,000": money is a key figure in its own right."""
    before = phrase.first - 1
    if before >= 1 and sent[before].text == "." and sent[before - 1].text + "." in CURRENCY_SYMBOLS:
        before -= 1  # "Rs. 3 lakhs" split as "Rs" "." "3"
        phrase.money = CURRENCY_SYMBOLS[sent[before].text + "."]
        phrase.text_first = before
    elif before >= 0 and sent[before].text in CURRENCY_SYMBOLS:
        phrase.money = CURRENCY_SYMBOLS[sent[before].text]
        phrase.text_first = before


def _attach_currency_word(sent: Span, phrase: _Phrase) -> None:
    """"2.5 million euros" ("pounds" only when spaCy calls it money, not weight)."""
    after = phrase.last + 1
    if phrase.money is None and after < len(sent):
        word = sent[after].lemma_.lower()
        if word in CURRENCY_WORDS and (word != "pound" or sent[after].ent_type_ == "MONEY"):
            phrase.money = CURRENCY_WORDS[word]


# --- reading one phrase --------------------------------------------------------------


@dataclass
class _Reading:
    """What the parse says about a phrase: the counted noun and the event it is in."""

    anchor: Token
    node: Token  # the token whose role in the clause is the phrase's role
    counted: Token | None
    event: str | None = None
    whole: bool = False  # the 132 of "half of the 132 hostages": not what happened to half


def _quantity(sent: Span, phrase: _Phrase, is_whole: bool = False) -> Quantity | None:
    anchor = _anchor(sent, phrase)
    counted = _counted_token(sent, phrase, anchor)
    if counted is not None and _speaker_after_event(sent, phrase, counted):
        counted = None  # "injuring at least 400 officials said": officials speak, 400 were hurt
    if _is_dropped(sent, phrase, anchor, counted):
        return None
    node = _role_node(sent, phrase, anchor, counted)
    if phrase.kind == "fraction" and counted is None and phrase.text_last is not None:
        # "one-third of 90 hostages" parsed as a modifier of 90: take the whole's noun and role
        whole = sent[phrase.text_last]
        counted = _counted_token(sent, _Phrase(first=phrase.text_last, last=phrase.text_last,
                                               value=None), whole)
        node = counted if counted is not None else node
    _passed_qualifier(phrase, anchor)
    reading = _Reading(anchor=anchor, node=node, counted=counted, whole=is_whole)
    reading.event = _event(sent, phrase, reading)
    reading.event = _area_event(sent, reading) or _job_cut_event(sent, reading) or reading.event
    if counted is not None and _whole_of_a_part(sent, anchor, counted):
        reading.event = _participle_event(counted)
    if phrase.money is not None and reading.event is not None:
        reading.event += _money_rate(sent, phrase)
    undated = reading.event is None and counted is None and not phrase.money
    if undated and _in_entity(anchor, ("DATE", "TIME")):
        return None  # a date or time the checks above did not name
    first = phrase.text_first if phrase.text_first is not None else phrase.first
    last = max(phrase.last, phrase.text_last or phrase.last)
    start, end = sent[first].idx, sent[last].idx + len(sent[last].text)
    negated = _negated(sent, phrase, reading)
    counted_text = _counted_text(sent, phrase, reading)
    if reading.event in AREA_EVENTS and counted is not None and counted.tag_ == "NN" and phrase.value != 1:
        counted_text = (counted_text or "") + "s"  # "the 10,000-acre blaze": 10,000 acres
    if reading.event in PLANNED_EVENTS and counted is None:
        counted_text = "jobs"  # "the total may exceed 1,500" of job cuts
    if reading.event is None and counted is None and phrase.money is None:
        counted_text, reading.event = _count_told_before(sent, anchor) or (counted_text, None)
    fact = _fact_reason(sent, phrase, reading)
    return Quantity(
        text=doc_text(sent.doc)[start:end],
        start=start,
        end=end,
        value=phrase.value,
        low=phrase.low,
        high=phrase.high,
        qualifier=phrase.qualifier,
        counted=counted_text,
        event=reading.event,
        attributed_to=_attribution(sent, anchor),
        negated=negated,
        hedged=_hedged(sent, phrase, reading),
        key=fact is None and not negated and (reading.event is not None or phrase.money is not None),
    )


def _passed_qualifier(phrase: _Phrase, anchor: Token) -> None:
    """"the toll passed 50", "topped 1,000": a count gone past a mark is more than it."""
    if phrase.qualifier is not None or phrase.kind != "count" or phrase.value is None:
        return
    verb = anchor.head
    if anchor.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in EXCEED_VERBS:
        phrase.qualifier = "more than"
        _set_bounds(phrase)


def _in_span(sent: Span, tok: Token) -> bool:
    return sent.start <= tok.i < sent.end


def _anchor(sent: Span, phrase: _Phrase) -> Token:
    """The number token that carries the phrase's syntax (its head lies outside it)."""
    tokens = [sent[k] for k in range(phrase.first, phrase.last + 1)]
    inside = {t.i for t in tokens}
    outward = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if phrase.kind == "fraction":
        return sent[phrase.last]
    return outward[0] if outward else tokens[-1]


def _counted_token(sent: Span, phrase: _Phrase, anchor: Token) -> Token | None:
    """The noun the number counts: its head ("20 hostages") or "of" object ("dozens of")."""
    after = _people_adjective_after(sent, phrase)
    if after is not None:
        return after
    head = anchor.head
    numbers = set(range(sent.start + phrase.first, sent.start + phrase.last + 1))
    if (head.i not in numbers and head.i > anchor.i and _in_span(sent, head)
            and (head.pos_ in ("NOUN", "PROPN") or head.lemma_.lower() in PEOPLE_ADJECTIVES)
            and anchor.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "npadvmod",
                                "det", "dobj", "nsubj")):
        return head
    return _of_object(sent, anchor)


def _people_adjective_after(sent: Span, phrase: _Phrase) -> Token | None:
    """Headlines' "15 dead 40 injured": the adjective right after counts, however it parsed."""
    k = phrase.last + 1
    if k >= len(sent) or sent[k].lower_ not in PEOPLE_ADJECTIVES:
        return None
    tok = sent[k]
    modified = tok.head
    if tok.dep_ == "amod" and modified.i > tok.i and modified.pos_ in ("NOUN", "PROPN") \
            and not modified.like_num and not _headline_break(sent, k):
        return None  # "20 dead bodies": the noun is counted
    return tok


def _headline_break(sent: Span, k: int) -> bool:
    """"50 injured Order: Reorder", "2 Dead turkey bombing": where the case changes between
    the adjective and the next word (a nationality aside), the next headline starts."""
    if k + 1 >= len(sent):
        return False
    adjective, nxt = sent[k], sent[k + 1]
    if adjective.is_lower:
        return nxt.text[:1].isupper() and nxt.ent_type_ != "NORP"
    return adjective.is_title and nxt.is_lower


def _of_object(sent: Span, tok: Token) -> Token | None:
    for child in tok.children:
        if child.lower_ == "of" and child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj" and _in_span(sent, obj) and obj.pos_ in ("NOUN", "PROPN", "ADJ"):
                    return obj
    return None


def _role_node(sent: Span, phrase: _Phrase, anchor: Token, counted: Token | None) -> Token:
    """Whose dependency role is the phrase's: the counted noun when the number modifies it."""
    if counted is not None and anchor.head.i == counted.i:
        return counted
    node = anchor
    if phrase.text_first is not None:
        qualifier = set(range(sent.start + phrase.text_first, sent.start + phrase.first))
        while node.head.i in qualifier and node.head.i != node.i:
            node = node.head  # "Over 100 were wounded": the role is the preposition's
    return node


def _lemma(tok: Token | None) -> str:
    if tok is None:
        return ""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN" and lemma.endswith("s"):
        lemma = lemma[:-1]
    return lemma


def _in_entity(tok: Token, labels: Iterable[str]) -> bool:
    return tok.ent_type_ in set(labels)


# --- dates, times, ages: dropped ------------------------------------------------------


def _is_dropped(sent: Span, phrase: _Phrase, anchor: Token, counted: Token | None) -> bool:
    """Years, dates, times, durations and ages are the timeline's, never key figures."""
    words = [t.lower_ for t in sent]
    first, last = phrase.first, phrase.last
    if DECADE.match(words[first]):
        return True
    if CLOCK.match(words[first]) and phrase.money is None and first == last:
        return True  # "at 12.31", but not "$71.59 million"
    if _clock_in_words(sent, words, first, last):
        return True
    if _lemma(counted) in TIME_UNITS or (_lemma(anchor.head) in TIME_UNITS and anchor.head.i > anchor.i):
        return True
    if last + 2 < len(words) and words[last + 2] in AGO_WORDS:
        return True  # "15 horas atrás" of a foreign results page: whatever the unit, a time ago
    after = words[last + 1] if last + 1 < len(words) else ""
    before = words[first - 1] if first > 0 else ""
    if after in TIME_WORDS or after in MONTHS or before in MONTHS:
        return True
    if anchor.head.lower_ in MONTHS:
        return True
    if phrase.kind == "count" and _is_year(sent[first], counted) and first == last:
        return True
    return _is_age(sent, phrase, anchor)


def _clock_in_words(sent: Span, words: list[str], first: int, last: int) -> bool:
    """"ten-thirty", "nine-fifteen": an hour and its minutes in words are a time of day."""
    return (last == first + 2 and words[first + 1] == "-" and UNITS.get(words[first], 0) in range(1, 13)
            and words[last] in ("fifteen", "thirty") and not sent[first].whitespace_)


def _is_year(tok: Token, counted: Token | None) -> bool:
    if not re.fullmatch(r"\d{4}", tok.text):
        return False
    if not 1800 <= int(tok.text) <= 2100:
        return False
    plural = counted is not None and counted.tag_ in ("NNS", "NNPS")
    return not plural


def _is_age(sent: Span, phrase: _Phrase, anchor: Token) -> bool:
    """"aged 45", "age 45", "John Smith, 45," "the man, 34," (a number set off after a name or
    after one person: a single noun cannot be counted, so the number is how old)."""
    first = phrase.text_first if phrase.text_first is not None else phrase.first
    before = sent[first - 1].lower_ if first > 0 else ""
    if before in ("aged", "age", "ages"):
        return True
    after = sent[phrase.last + 1].text if phrase.last + 1 < len(sent) else ""
    named = (anchor.head.ent_type_ == "PERSON" or anchor.head.pos_ == "PROPN"
             or (anchor.dep_ == "appos" and anchor.head.tag_ == "NN"))
    return (phrase.kind == "count" and before == "," and after in (",", ".", ")")
            and anchor.dep_ in ("appos", "npadvmod", "amod") and named)


# --- facts: kept, never key -----------------------------------------------------------


def _fact_reason(sent: Span, phrase: _Phrase, reading: _Reading) -> str | None:
    """Why a number is a plain fact rather than a key figure (None when it may be key)."""
    words = [t.lower_ for t in sent]
    first = phrase.text_first if phrase.text_first is not None else phrase.first
    anchor, counted = reading.anchor, reading.counted
    if phrase.kind == "ordinal" and not _running_count(reading):
        return "ordinal"
    if phrase.kind == "ratio":
        return "ratio"
    if phrase.qualifier == "between" and phrase.kind != "range":
        return "no range"  # "Between ten and ten-thirty, two armed males ...": a time, no count
    if _subset_aside(anchor):
        return "subset"
    if _is_phone(sent, phrase.first):
        return "phone number"
    if _is_markup(sent, phrase.first):
        return "markup"
    if re.fullmatch(r"0\d+", words[phrase.first]):
        return "code"  # "086", "007": an identifier or a number cut in two, not a count
    before = words[first - 1] if first > 0 else ""
    if before == "." and first > 1 and words[first - 2] in POSITION_WORDS:
        before = words[first - 2]  # "No. 32" split as "No" "."
    if before in POSITION_WORDS:
        return "list position"
    if phrase.money is None and _is_name_part(sent, phrase, anchor):
        return "name"
    if words[phrase.first] == "one" and phrase.first == phrase.last and not _counts_with_one(anchor, counted):
        return "pronoun one"
    after = words[phrase.last + 1] if phrase.last + 1 < len(words) else ""
    if after in ("%", "percent", "per", "pct") and not (phrase.money and after == "per"):
        return "percentage"  # "$300 per square meter" is a rate of money, not a share
    lemma = _lemma(counted)
    if phrase.money is None and reading.event not in AREA_EVENTS and (
            lemma in MEASURES or _in_entity(anchor, ("QUANTITY", "PERCENT"))):
        return "measure"
    if phrase.money is None and reading.event not in AREA_EVENTS and _is_size(sent, phrase, reading):
        return "size"
    if lemma in PLACES and reading.event != "damaged":
        return "places"
    if lemma in PAGE_ITEMS:
        return "page furniture"
    if lemma in INCIDENT_NOUNS and _listed_with_its_kind(counted):
        return "part of a list"
    if before in INCREMENT_BEFORE or after in INCREMENT_AFTER:
        return "increment"
    if before == "other" and first > 1 and words[first - 2] in REST_DETERMINERS:
        return "rest of a group"
    if counted is not None and _others_listed(counted):
        return "part of a list"
    if counted is not None and _ranked_entry(counted):
        return "ranking"
    if _part_of_told_events(anchor):
        return "part of a count told before"
    if _superseded(sent, first, anchor):
        return "superseded"
    if _is_rate(sent, reading, phrase.money is None):
        return "rate"
    if phrase.money is not None and reading.event is None and _money_rate(sent, phrase):
        return "rate"  # "sells for $4 a copy": a price, not a sum anyone paid or lost
    if phrase.money is not None and _item_price(sent, reading.node):
        return "rate"  # "the first issue, which will cost $3": the price of one copy
    if phrase.money is not None and reading.event in (None, "in losses") and _business_result(sent):
        return "business result"
    if _retracted(sent, anchor):
        return "retracted"
    if phrase.money is not None and (reading.event or "").startswith("fined") and _law_penalty(sent, anchor):
        return "penalty in law"
    return None


def _law_penalty(sent: Span, anchor: Token) -> bool:
    """"punishable by a fine of up to $10,000", "carries a potential fine of $20,000", "faces
    fines of up to $50,000", "the penalty for poaching one is a $25,000 fine": what the law allows
    for an offence (or a fine still ahead) is no fine anyone was given."""
    path = [anchor, *(t for t in list(anchor.ancestors)[:6] if _in_span(sent, t))]
    fines = [t for t in path if t.lemma_.lower() == "fine" and t.pos_ == "NOUN"]
    if not fines:
        return False
    if any(c.dep_ == "amod" and c.lower_ in PENALTY_ADJECTIVES for c in fines[0].children):
        return True
    for tok in path[path.index(fines[0]) + 1:]:
        lemma = tok.lemma_.lower()
        if lemma in PENALTY_ADJECTIVES or (lemma in PENALTY_VERBS and tok.pos_ == "VERB"):
            return True
        if lemma in PENALTY_NOUNS and _penalty_for_an_act(tok):
            return True
        if tok.pos_ in ("VERB", "AUX"):  # "the penalty for killing one is a $100,000 fine", "is punishable by"
            return _penalty_named_before(sent, fines[0]) or any(
                (c.dep_ == "nsubj" and c.lemma_.lower() in PENALTY_NOUNS and _penalty_for_an_act(c))
                or (c.dep_ == "acomp" and c.lemma_.lower() in PENALTY_ADJECTIVES) for c in tok.children)
    return False


def _penalty_named_before(sent: Span, fine: Token) -> bool:
    """"told them about the penalty for poaching a bear: a fine of up to $30,000": the fine after
    a colon spells out the penalty named before it."""
    colon = fine.left_edge.i - 1
    if colon < sent.start or sent.doc[colon].text != ":":
        return False
    return any(t.lemma_.lower() in PENALTY_NOUNS and t.right_edge.i == colon - 1 and _penalty_for_an_act(t)
               for t in sent if t.i < colon)


def _penalty_for_an_act(noun: Token) -> bool:
    """"the penalty for poaching an eagle", "the maximum penalty": a law's, for any who do it
    ("a penalty of $5,000 for the spill" was imposed on one)."""
    if any(c.dep_ == "amod" and c.lower_ in PENALTY_ADJECTIVES for c in noun.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(o.tag_ == "VBG" for o in c.children)
               for c in noun.children)


def _listed_with_its_kind(noun: Token) -> bool:
    """"the Denver bombing and two Chicago bombings", "the bombing of a bank and two other
    bombings": a count of incidents listed beside one more of the same kind is only part of them,
    and would stand beside the total ("three bombings" beside "four bombings") as a clash."""
    lemma = noun.lemma_.lower()
    kin = [c for c in noun.children if c.dep_ == "conj"]
    if noun.dep_ == "conj":
        head = noun.head
        for _ in range(3):  # "the bombing of a bank and two bombings": the list hangs on "bank"
            kin.append(head)
            if head.dep_ != "pobj" or head.head.dep_ != "prep":
                break
            head = head.head.head
    return any(k.lemma_.lower() == lemma and k.tag_ == "NN" and not any(c.like_num for c in k.children)
               for k in kin)


def _business_result(sent: Span) -> bool:
    """"a loss of $43 million on revenue of $380 million in the fourth quarter": a company's
    accounts, which a story of what happened does not follow."""
    return any(t.lemma_.lower() in RESULT_WORDS for t in sent)


def _is_size(sent: Span, phrase: _Phrase, reading: _Reading) -> bool:
    """"an eight storied building", "Six story tower collapses": a number before a word
    in the singular that describes one thing counts that word (storeys, members, lanes), so it
    is the thing's size, not how many there are; in run-on headlines ("... kills 12 Coffee price
    linked to drought") the singular noun is the next headline's. People and the dead keep their
    count even when a headline drops the plural ("250 mill worker", "90 dead body")."""
    counted = reading.counted
    if counted is None or phrase.kind != "count" or phrase.value in (None, 1.0):
        return False
    if counted.tag_ != "NN" or reading.anchor.head.i != counted.i or _is_people(counted):
        return False
    if _lemma(counted) in NOUN_EVENTS or _lemma(counted) in INCIDENT_NOUNS:
        return False
    between = sent.doc[sent.start + phrase.last + 1:counted.i]
    return any(t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and t.tag_ not in ("NNS", "NNPS")
               and t.ent_type_ != "NORP" and counted in t.ancestors for t in between)


def _item_price(sent: Span, node: Token) -> bool:
    """"the new issue, which will cost $3", "a ticket costs $40": what one copy or ticket of a
    thing sold costs is its price, not a sum anyone spent or lost."""
    verb = node.head
    if node.dep_ == "pobj" and verb.lower_ == "for":
        verb = verb.head  # "each copy sells for $25"
    elif node.dep_ != "dobj":
        return False
    if not _in_span(sent, verb) or verb.lemma_.lower() not in PRICE_VERBS:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("which", "that") and verb.dep_ == "relcl":
        subject = verb.head
    return subject is not None and subject.tag_ == "NN" and subject.lemma_.lower() in PRICED_ITEMS


def _is_rate(sent: Span, reading: _Reading, is_count: bool = True) -> bool:
    """"some 300 people die monthly", "up to 5,000 died each month", "an average of four
    attacks each week": a count per period is how often, not how many this story counts."""
    node = reading.node
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() == "average":
        return True
    verb = _clause_path(sent, reading)[-1]
    if verb.lemma_.lower() == "include" and verb.dep_ == "prep":
        # "80 people, including 12 children, are killed each day": the group's verb says how often
        verb = next((t for t in verb.ancestors if t.pos_ in ("VERB", "AUX")), verb)
        if not _in_span(sent, verb):
            return False
    # "300,000 deaths a year", "kills 8,000 to 10,000 a year", "deaths per year": the period
    # often hangs on the counted noun or the number itself rather than on the verb
    # ("accounts for 400,000 deaths each year" parsed with "accounts" as a noun: its head too)
    # (a sum is kept with its period in the label instead: "dollars fined per day")
    own = [t for t in (reading.anchor, reading.node, reading.counted, verb) if t is not None]
    if is_count and any(_per_period(t) for t in own):
        return True
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    partners = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return any(_per_period(v) for v in [verb, *partners])


def _per_period(verb: Token) -> bool:
    """"die monthly", "are killed each year", "die a year", "deaths per year": the verb (or the
    counted noun) happens once per period ("killed or injured each year" hangs the period on the
    last verb of the pair)."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "per" and any(
                o.dep_ == "pobj" and o.lemma_.lower() in TIME_UNITS for o in child.children):
            return True
        if child.dep_ == "advmod" and child.lower_ in RATE_ADVERBS:
            return True
        if child.dep_ == "npadvmod" and child.lemma_.lower() in TIME_UNITS:
            marks = [d.lower_ for d in child.children]
            if any(m in ("every", "each", "per") for m in marks):
                return True
            after = child.nbor(1).lower_ if child.i + 1 < len(child.doc) else ""
            if marks in (["a"], ["an"]) and after not in SEQUENCE_WORDS:
                return True  # "die a year", but not "a day later", "a day after a typhoon killed 300"
    return False


def _running_count(reading: _Reading) -> bool:
    """"A fourth worker died": an ordinal on the victim of a death or injury states the
    running toll (now 4), unlike "the third day" or "a second explosion"; "the first victims
    were killed there" names a group by its order, not a count of one."""
    counted = reading.counted
    return (reading.event in TOLL_WORDS and counted is not None and reading.anchor.head.i == counted.i
            and reading.anchor.dep_ == "amod" and _is_people(counted) and counted.tag_ != "NNS")


def _subset_aside(anchor: Token) -> bool:
    """"35 injured, eight of them in serious condition": a part of a count told beside it,
    hung on that count rather than on a verb of its own, is not a second total."""
    if anchor.head.i == anchor.i or anchor.head.pos_ in ("VERB", "AUX"):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ in SUBSET_PRONOUNS for o in c.children)
               for c in anchor.children)


def _others_listed(counted: Token) -> bool:
    """"killed his wife and five other people", "the driver and two other passengers": "other"
    counts those beside someone named in the same list, so the number is short of the total."""
    if counted.dep_ != "conj" and not any(c.dep_ == "conj" for c in counted.children):
        return False
    return any(c.dep_ == "amod" and c.lower_ == "other" for c in counted.children)


def _ranked_entry(counted: Token) -> bool:
    """"Texas ranked second with 40 deaths", "the province came third with 120", "led the list
    with 52 deaths": a place in a ranking of places or years, not the toll of the story's event
    ("the storm left the state with 40 deaths" is)."""
    prep = counted.head
    if counted.dep_ != "pobj" or prep.lower_ != "with" or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = prep.head
    return verb.lemma_.lower() in RANK_VERBS or any(
        c.lower_ in ORDINAL_WORDS or ORDINAL_DIGITS.match(c.text) for c in verb.children
        if c.dep_ in ("advmod", "attr", "acomp", "npadvmod", "oprd", "dobj"))


def _part_of_told_events(anchor: Token) -> bool:
    """"More than 300 of the arrests took place on Sunday", "20 of the deaths were in the capital":
    a share of events the report has already counted ("the arrests"), not their total; "Four of the
    dead were inside" is part of the toll. "Five of the hostages were freed" counts what happened
    to the five, so only event nouns and the dead or hurt are parts."""
    for prep in anchor.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for whole in prep.children:
            told = (whole.tag_ == "NNS" and whole.lemma_.lower() in TOLD_EVENT_NOUNS) or whole.lower_ in TOLD_PEOPLE
            if whole.dep_ == "pobj" and told \
                    and any(c.dep_ == "det" and c.lower_ in TOLD_DETERMINERS for c in whole.children) \
                    and not any(c.like_num for c in whole.children):
                return True
    return False


def _superseded(sent: Span, first: int, anchor: Token) -> bool:
    """The number a newer one replaced: "up from 41", "revised down from 120", "raising an
    earlier toll of 41". It was true once; it is not what the figure now stands at."""
    if first > 0 and sent[first - 1].lower_ == "from":
        source = sent[first - 1].head
        if source.lower_ in ("up", "down") or source.lemma_.lower() in CHANGE_VERBS:
            return True
    prep = anchor.head
    if anchor.dep_ == "pobj" and prep.lower_ == "of" and _in_span(sent, prep.head):
        noun = prep.head
        return noun.pos_ == "NOUN" and any(
            c.dep_ in ("amod", "advmod") and c.lower_ in PAST_MARKS for c in noun.children)
    return False


def _retracted(sent: Span, anchor: Token) -> bool:
    """A number the report says was wrong: "an earlier version misstated the toll as 65",
    "was incorrectly reported as 65". A correction's old figure is no value at all."""
    for tok in [anchor, *anchor.ancestors]:
        if not _in_span(sent, tok):
            break
        if tok.pos_ == "NOUN" and _is_report_noun(tok) and any(
                c.dep_ == "amod" and c.lower_ in WRONG_ADJECTIVES for c in tok.children):
            return True  # "the erroneous report that nearly 18,000 had died"
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.lemma_.lower() in MISSTATE_VERBS:
            return True
        for child in tok.children:
            if child.dep_ == "advmod" and child.lower_ in WRONG_ADVERBS and (
                    _is_report_verb(tok) or tok.lemma_.lower() in WRONG_GIVEN):
                return True  # "wrongly reported 65", not "20 were wrongly detained"
            if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() == "version" and any(
                    c.lower_ in PAST_MARKS for c in child.children):
                return True  # "an earlier version of this story said 65 died"
    return False


def _still_in_care(node: Token) -> bool:
    """The count is the subject of "remain hospitalized" / "are still hospitalized"."""
    verb = node.head
    if node.dep_ not in ("nsubj", "nsubjpass") or verb.i == node.i:
        return False
    if verb.lemma_.lower() in STILL_IN_HOSPITAL:
        return _still(verb)
    return (verb.lemma_.lower() in STILL_VERBS or verb.lower_ in STILL_VERBS) and any(
        c.dep_ in ("acomp", "xcomp", "oprd") and c.lemma_.lower() in STILL_IN_HOSPITAL for c in verb.children)


def _still(verb: Token) -> bool:
    return any((c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in STILL_VERBS)
               or (c.dep_ == "advmod" and c.lower_ == "still") for c in verb.children)


def _is_report_noun(tok: Token) -> bool:
    return tok.lemma_.lower() in REPORT_NOUNS


def _counts_with_one(anchor: Token, counted: Token | None) -> bool:
    """"one person was killed" counts; "one of the largest", "one a Briton" do not."""
    return counted is not None and anchor.head.i == counted.i and anchor.dep_ == "nummod"


def _is_markup(sent: Span, first: int) -> bool:
    """'width="165"': a number given to a page attribute is scraped furniture, not a count."""
    k = first - 1
    while k >= 0 and sent[k].text in QUOTES:
        k -= 1
    return k >= 0 and sent[k].text.endswith("=")


def _is_phone(sent: Span, first: int) -> bool:
    """"555-1234", "(202) 555-0100": digit groups glued by hyphens."""
    k, groups = first, []
    while k < len(sent) and re.fullmatch(r"\d+", sent[k].text):
        groups.append(sent[k].text)
        if k + 2 < len(sent) and sent[k + 1].text in ("-", ".") and not sent[k].whitespace_ \
                and not sent[k + 1].whitespace_:
            k += 2
        else:
            break
    if len(groups) >= 3:
        return True
    return len(groups) == 2 and len(groups[0]) == 3 and len(groups[1]) == 4


def _is_name_part(sent: Span, phrase: _Phrase, anchor: Token) -> bool:
    """"Route 66", "Boeing 737", "Category 4": a number that belongs to a name."""
    first = phrase.text_first if phrase.text_first is not None else phrase.first
    if first > 0:
        prev = sent[first - 1]
        if prev.lower_ in NAME_WORDS and (prev.text[:1].isupper() or anchor.head.i == prev.i):
            return True
        if prev.pos_ == "PROPN" and prev.text[:1].isupper() and anchor.head.i == prev.i:
            return True
    if anchor.ent_type_ in NAME_LABELS:
        ent = next((e for e in span_ents(sent) if e.start <= anchor.i < e.end), None)
        if ent is not None and any(t.pos_ == "PROPN" and t.is_alpha for t in ent):
            return True
    return False


# --- counted thing ------------------------------------------------------------------


def _counted_text(sent: Span, phrase: _Phrase, reading: _Reading) -> str | None:
    """The counted noun with its modifiers: "foreign hostages", "Algerian workers"."""
    if phrase.money is not None:
        return phrase.money
    noun = reading.counted
    if noun is None:
        group = _fronted_group(sent, reading.anchor)
        if group is not None:
            return group.lower_ if not _keeps_case(group) else group.text
        antecedent = _subset_antecedent(sent, reading.anchor)
        if antecedent is not None and reading.event in PEOPLE_EVENTS:
            return antecedent.lower_ if not _keeps_case(antecedent) else antecedent.text
        return "people" if reading.event in PEOPLE_EVENTS else None
    if noun.lemma_.lower() in PEOPLE_ADJECTIVES or noun.lower_ in PEOPLE_ADJECTIVES:
        return "people"
    if noun.lemma_.lower() == "life" and reading.event == "killed":
        return "people"  # "claimed 72 lives": 72 people killed
    if noun.pos_ == "PROPN" and noun.ent_type_ != "NORP" and not noun.text.islower():
        return None  # "Fox News", "Chosunilbo": a name the parse took for the counted thing
    if _people_listed(noun):
        return "people"  # "50 men, women and children": all of them, not the men
    numbers = set(range(sent.start + (phrase.text_first or phrase.first), sent.start + phrase.last + 1))
    mods: list[Token] = []
    k = noun.i - 1
    while k >= sent.start and k not in numbers:
        tok = sent.doc[k]
        hyphened = not tok.whitespace_ and sent.doc[k + 1].text == "-"  # "high-ranking"
        if tok.dep_ in ("det", "nummod", "poss", "case", "predet", "quantmod", "punct", "prep",
                        "cc", "advmod") and tok.text != "-" and not hyphened:
            break
        if tok.lower_ in EMPTY_MODIFIERS or tok.lower_ in ORDINAL_WORDS or tok.like_num:
            break
        if tok.ent_type_ in NAME_MODIFIER_LABELS:
            break  # "Fox News officials": the outlet is not part of what is counted
        if tok.tag_ == "IN":  # "kills 2 outside US embassy": a place, not what is counted
            return "people" if reading.event in PEOPLE_EVENTS else None
        if noun not in tok.ancestors and tok.text != "-":
            break
        mods.insert(0, tok)
        k -= 1
    while mods and mods[0].text == "-":
        mods.pop(0)
    return _join([*mods, noun])


def _people_listed(noun: Token) -> bool:
    """"men, women and children", "students and teachers": one number counts every kind of
    people the list names (a kind with a number of its own, "5 soldiers and 3 civilians", is
    counted apart, and so is one told as a phrase of its own, "four boys and their father")."""
    kinds = [c for c in noun.children if c.dep_ == "conj"]
    return (_is_people(noun) and bool(kinds) and all(
        _is_people(k) and not any(c.dep_ in ("nummod", "det", "poss") for c in k.children) for k in kinds))


def _fronted_group(sent: Span, anchor: Token) -> Token | None:
    """"Of the 14 bears released last year, six have been killed, two are missing": a bare
    number that is a verb's subject counts the group the sentence opens with (bears, not people)."""
    if anchor.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = anchor.head.head if anchor.head.dep_ in ("aux", "auxpass") else anchor.head
    for _ in range(2):  # "..., and two are missing": the group hangs on the first verb of the pair
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i < anchor.i:
                group = next((o for o in prep.children if o.dep_ == "pobj" and o.tag_ == "NNS"), None)
                if group is not None:
                    return group
        if verb.dep_ != "conj" or not _in_span(sent, verb.head):
            return None
        verb = verb.head
    return None


def _whole_of_a_part(sent: Span, anchor: Token, counted: Token) -> bool:
    """"four of 14 bears released were shot", "Of 200 people on board, 30 were rescued": the
    whole a part is taken from; what the verb tells happened to the part, not to all of them."""
    if any(c.dep_ == "quantmod" and c.lower_ == "of" for c in anchor.children) and any(
            c.dep_ == "quantmod" and c.like_num and c.i < anchor.i for c in anchor.children):
        return True
    prep = counted.head
    if counted.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep" or not _in_span(sent, prep.head):
        return False
    verb = prep.head
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.like_num and c.i > prep.i for c in verb.children)


def _part_with_own_verb(anchor: Token, counted: Token | None) -> bool:
    """"Four of the 12 eagles released were shot": the part has a verb of its own, so the
    whole's participle ("released") is not what happened to it ("three of the 20 killed were
    children" links the part to the whole and keeps its event)."""
    if counted is None or counted.dep_ != "pobj" or counted.head.lower_ != "of" or counted.head.head.i != anchor.i:
        return False
    if not any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in ("the", "these", "those"))
               for c in counted.children):
        return False  # "thousands of homeless people": the count itself, no part of a whole told
    verb = anchor.head
    return anchor.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB" and verb.lemma_.lower() not in LINKING_VERBS


def _participle_event(noun: Token) -> str | None:
    """"the 14 bears released last year": the whole's own event, told by its participle."""
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in EVENT_VERBS:
            return _verb_event(child, "pass", noun, set())
    return None


def _subset_antecedent(sent: Span, anchor: Token) -> Token | None:
    """"40 passengers ... eight of them were injured": the group "them" points back to, the
    nearest plural noun of people before the number in the same sentence."""
    if not any(c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ in SUBSET_PRONOUNS for o in c.children)
               for c in anchor.children):
        return None
    nouns = [t for t in sent if t.i < anchor.i and t.tag_ == "NNS" and _is_people(t)]
    return nouns[-1] if nouns else None


def _join(tokens: list[Token]) -> str:
    out = []
    for n, tok in enumerate(tokens):
        text = tok.text if _keeps_case(tok) else tok.text.lower()
        out.append(text + (tok.whitespace_ if n < len(tokens) - 1 else ""))
    return "".join(out).strip().strip(QUOTES).strip()


def _keeps_case(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or (
        tok.text.isupper() and 1 < len(tok.text) <= 4)  # "UN", not a shouted "ATTACKS"


# --- event ----------------------------------------------------------------------------


def _event(sent: Span, phrase: _Phrase, reading: _Reading) -> str | None:
    """What happened to the counted: killed, escaped, held... (None when nothing did)."""
    counted = reading.counted
    if phrase.money is not None:
        return _money_event(sent, reading.node)
    if reading.whole:
        return NOUN_EVENTS.get(counted.lemma_.lower()) if counted is not None else None
    if counted is not None and counted.lower_ in PEOPLE_ADJECTIVES and (
            counted.pos_ == "ADJ" or counted.i == sent.start + phrase.last + 1):
        return EVENT_ADJECTIVES[counted.lower_]  # "80 dead, 160 wounded": the word is the event
    after = _adjective_after(sent, counted)
    if after is not None:  # "left 200,000 people homeless, 380 people missing"
        return after
    event = _objectless_verb_before(sent, phrase, reading) or _event_from_role(sent, reading.node, counted)
    if event == "freed" and _from_hospital(sent, reading.node):
        return None  # "one wounded victim was released from the hospital": discharged, no count of the hurt
    if event in ("freed", "rescued") and _hurt_people(counted):
        event = EVENT_ADJECTIVES[_hurt_people(counted)]  # "pulled 22 injured people from the wreckage"
    if event == "escaped" and _flees_hazard(reading.node):
        event = "evacuated"  # "100,000 people fled to higher ground ahead of the cyclone"
    if event == "attacked" and counted is not None and _participle_after(counted):
        event = None  # "Three Kiwis killed in bus crash ... kills 14": victims, not attackers
    if event is None and not _part_with_own_verb(reading.anchor, counted):
        # "20 people killed in the blast", headline "3,000 evacuated as..."
        event = _event_from_modifiers(sent, counted if counted is not None else reading.anchor)
    if event is None:
        event = _event_from_verb_before(sent, phrase, counted)
    if event is None:
        event = _event_from_toll(sent, reading.node)
    if event is None and counted is not None:
        event = NOUN_EVENTS.get(counted.lemma_.lower())
        if event == CROWD_EVENT and phrase.value == 1:
            event = None  # "one protester cried out": a protest's measure is its crowd, not one of it
        if event in DESCRIBED_BY_NOUN and _member_or_taken_in(sent, reading.node):
            event = None  # "two protesters were among the prize winners", "agreed to resettle 5,000 refugees"
    if event is None:
        event = _event_from_state(sent, reading)
    if event is None and _counts_incidents(phrase, counted):
        event = "incidents"
    if event == "missing" and _found(sent, reading.node):
        return None  # "found 52 of the missing paintings": those are missing no more
    if event == "damaged" and _is_weapon(counted):
        return None  # "destroyed 10 million stockpiled mines": disarmament, no damage done
    if event in VICTIM_EVENTS and counted is not None and _lemma(counted) in NOT_VICTIMS:
        return None  # "the fire killed", "the cyclone displaced": the cause, not the victims
    if event is not None and counted is not None and _lemma(counted) in OWN_EVENT_NOUNS:
        return OWN_EVENT_NOUNS[_lemma(counted)]
    if event == "wounded" and _still_in_care(reading.node):
        return None  # "10 people injured in the shootings remain hospitalized": those left in care
    return event


def _member_or_taken_in(sent: Span, node: Token) -> bool:
    """"Two protesters were among the winners": the count is of the winners, "protesters" only
    says who they are; "agreed to resettle 5,000 refugees": those a country takes in, not the
    people a crisis drove out."""
    verb = node.head
    if not _in_span(sent, verb) or verb.i == node.i:
        return False
    if node.dep_ == "nsubj" and verb.lemma_.lower() == "be":
        return any(c.dep_ == "prep" and c.lower_ == "among" for c in verb.children)
    if node.dep_ != "dobj":
        return False
    if verb.lemma_.lower() == "take":
        return any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children)
    return verb.lemma_.lower() in TAKE_IN_VERBS


def _is_weapon(counted: Token | None) -> bool:
    """"mines", "landmine stockpiles", "anti-personnel weapons": arms, or a store of them."""
    if counted is None:
        return False
    return _lemma(counted) in WEAPON_NOUNS or (_lemma(counted) in ("stock", "store", "cache") and any(
        c.dep_ in ("compound", "amod") and _lemma(c) in WEAPON_NOUNS for c in counted.children))


def _found(sent: Span, node: Token) -> bool:
    """The count is what a verb of finding found: "recovered 40 of the missing paintings"."""
    if node.dep_ == "pobj" and node.head.lower_ in ("across", "upon") and \
            node.head.head.lemma_.lower() in CHANCE_VERBS:
        return True  # "stumbled across 52 of the missing awards"
    for tok in [node, *node.ancestors][:4]:
        if not _in_span(sent, tok):
            return False
        if tok.pos_ in ("VERB", "AUX"):
            return tok.lemma_.lower() in FOUND_VERBS and node.dep_ in ("dobj", "nsubjpass")
    return False


def _hurt_people(counted: Token | None) -> str | None:
    """The adjective of "22 injured people" (not of hostages: freed hostages are the count)."""
    if counted is None or _lemma(counted) in ("hostage", "captive"):
        return None
    return next((c.lower_ for c in counted.children
                 if c.dep_ == "amod" and c.lower_ in ("injured", "wounded", "dead")), None)


def _adjective_after(sent: Span, counted: Token | None) -> str | None:
    """"200,000 people homeless", "300 people dead", "9 people still unaccounted for": an event
    adjective right after the noun (an adverb such as "still" may come between)."""
    if counted is None or counted.i + 1 >= sent.end or not _is_people(counted):
        return None
    nxt = sent.doc[counted.i + 1]
    if nxt.lower_ in ("still", "now", "reported", "feared", "presumed") and nxt.i + 1 < sent.end:
        nxt = sent.doc[nxt.i + 1]
    if nxt.lower_ in EVENT_ADJECTIVES and nxt.dep_ in ("amod", "xcomp", "acomp", "oprd", "conj"):
        return EVENT_ADJECTIVES[nxt.lower_]
    return None


def _event_from_verb_before(sent: Span, phrase: _Phrase, counted: Token | None) -> str | None:
    """"rescued 14 members of the crew": a number right after an event verb is its object,
    even when the parse hung the noun elsewhere."""
    verb = _object_verb_before(sent, phrase)
    return None if verb is None else _verb_event(verb, "obj", counted, set())


def _object_verb_before(sent: Span, phrase: _Phrase) -> Token | None:
    """The event verb right before the number, when its count is that verb's object ("killed")."""
    first = phrase.text_first if phrase.text_first is not None else phrase.first
    if first == 0:
        return None
    verb = sent[first - 1]
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in EVENT_VERBS or not EVENT_VERBS[lemma][1]:
        return None
    return verb


def _objectless_verb_before(sent: Span, phrase: _Phrase, reading: _Reading) -> str | None:
    """"the owner of a mill that burned and killed at least 120 workers was arrested": a count right
    after a verb that must take an object, which the parse left without one, is that object,
    however the parse hung it (here as the subject of "arrested")."""
    verb = _object_verb_before(sent, phrase)
    if verb is None:
        return None
    if verb.tag_ not in ("VBD", "VBZ", "VBP", "VBG") or any(c.dep_ == "dobj" for c in verb.children):
        return None
    node = reading.node
    if node.head.i == verb.i or not (node.dep_ in ("nsubj", "nsubjpass") and node.head.i > node.i):
        return None  # the parse agrees, or did not make the count a later verb's subject
    return _verb_event(verb, "obj", reading.counted, set())


def _speaker_after_event(sent: Span, phrase: _Phrase, counted: Token) -> bool:
    """"killing 30 people and injuring at least 400 officials said": with the comma before
    "officials said" missing, the parse counts the speakers; a count right after an event
    verb left without an object, on a noun that is the subject of "said", counts the victims."""
    first = phrase.text_first if phrase.text_first is not None else phrase.first
    if first == 0 or counted.dep_ != "nsubj" or not _is_report_verb(counted.head) \
            or counted.head.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    verb = sent[first - 1]
    lemma = verb.lemma_.lower()
    return (verb.pos_ == "VERB" and lemma in EVENT_VERBS and EVENT_VERBS[lemma][1]
            and not any(c.dep_ == "dobj" for c in verb.children))


def _counts_incidents(phrase: _Phrase, counted: Token | None) -> bool:
    """"21 fires", "two blasts": whole counts of a plural incident noun (not "7.4 quake", "2003 fires")."""
    if counted is None or _lemma(counted) not in INCIDENT_NOUNS or counted.tag_ != "NNS":
        return False
    value = phrase.value if phrase.value is not None else phrase.low
    if value is None or not float(value).is_integer():
        return False
    return phrase.qualifier is not None or not 1800 <= value <= 2100


def _event_from_state(sent: Span, reading: _Reading) -> str | None:
    """"250,000 without power", "customers lost power", "4,200 people on board"."""
    holder = reading.counted if reading.counted is not None else reading.anchor
    places = [holder]
    if holder.dep_ in ("nsubj", "nsubjpass", "dobj") and _in_span(sent, holder.head):
        places.append(holder.head)
    for tok in places:
        for child in tok.children:
            if child.dep_ == "prep":
                for obj in child.children:
                    state = STATE_PREPOSITIONS.get((child.lower_, obj.lower_))
                    if obj.dep_ == "pobj" and state is not None:
                        return state
            if child.lower_ == "aboard":
                return "on board"
        if tok.lemma_.lower() == "lose" and holder.dep_ == "nsubj" and any(
                c.dep_ == "dobj" and c.lower_ in ("power", "electricity") for c in tok.children):
            return "without power"
    return _power_cut_to(sent, holder)


def _power_cut_to(sent: Span, holder: Token) -> str | None:
    """"knocked out power to 310000 customers", "the storm cut power to 75,000 homes": those the
    power was cut to are without it (power restored to them is the opposite)."""
    prep = holder.head
    if holder.dep_ != "pobj" or prep.lower_ != "to" or not _in_span(sent, prep.head):
        return None
    verb = prep.head
    power = any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("power", "electricity")
                for c in verb.children)
    knocked = verb.lemma_.lower() == "knock" and any(c.lower_ == "out" for c in verb.children)
    return "without power" if power and (knocked or verb.lemma_.lower() in POWER_CUT_VERBS) else None


def _area_event(sent: Span, reading: _Reading) -> str | None:
    """"burned 7,200 hectares", "a wildfire doubled in size to 7,200 hectares": land a fire
    burned or a flood covered is the disaster's measure, told by the verb or its subject."""
    area = reading.counted
    if area is None or not _is_area(area):
        return None
    if area.dep_ in ("compound", "amod", "nmod") and _in_span(sent, area.head):
        return _disaster_of(area.head)  # "the 10,000-acre blaze"
    verb = _area_verb(sent, area)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma in BURN_VERBS:
        return "burned"
    if lemma in FLOOD_VERBS:
        return "flooded"
    for subject in _clause_subjects(sent, verb):
        event = _disaster_of(subject) or _area_of(subject)
        if event is not None:
            return event
    return None


def _disaster_of(noun: Token) -> str | None:
    """"fire", "blaze" -> burned; "flood", "floodwaters" -> flooded."""
    if _lemma(noun) in FIRE_NOUNS:
        return "burned"
    return "flooded" if _lemma(noun) in FLOOD_NOUNS else None


def _area_of(noun: Token) -> str | None:
    """"the burned area", "the area flooded": an area named by what happened to it."""
    if _lemma(noun) != "area":
        return None
    for child in noun.children:
        if child.dep_ in ("amod", "acl", "compound") and child.lemma_.lower() in BURN_VERBS | {"burned", "burnt"}:
            return "burned"
        if child.dep_ in ("amod", "acl", "compound") and child.lemma_.lower() in FLOOD_VERBS | {"flooded"}:
            return "flooded"
    return None


def _is_area(noun: Token) -> bool:
    """"hectares", "acres", "square kilometres" (not "kilometres", a distance)."""
    lemma = _lemma(noun)
    if lemma in AREA_UNITS:
        return True
    return lemma in SQUARE_UNITS and any(c.lower_ in ("square", "sq") for c in noun.children)


def _area_verb(sent: Span, area: Token) -> Token | None:
    """The verb an area is the subject, object or "to"/"across" object of; None when the area
    only describes a noun ("a fire on a 500-hectare farm")."""
    cur = area
    while cur.dep_ in ("conj", "appos") and cur.head.i != cur.i and _in_span(sent, cur.head):
        cur = cur.head
    if cur.dep_ == "pobj" and cur.head.lower_ in AREA_PREPOSITIONS:
        cur = cur.head
    elif cur.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr"):
        return None
    head = cur.head
    if head.i == cur.i or not _in_span(sent, head) or head.pos_ not in ("VERB", "AUX"):
        return None
    return head


def _clause_subjects(sent: Span, verb: Token) -> list[Token]:
    """Who does the verb: its subject, the noun a relative clause hangs on ("the fire, which
    covers 7,200 hectares"), or the subject of the verb it is joined to."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.lower_ in ("which", "that") for s in subjects) and verb.dep_ == "relcl":
        return [verb.head]
    if not subjects and verb.dep_ in ("conj", "xcomp") and _in_span(sent, verb.head):
        return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects


def _job_cut_event(sent: Span, reading: _Reading) -> str | None:
    """"will cut 1,200 jobs", "1,200 jobs will be eliminated", "to lay off 1,200 employees",
    "1,200 job cuts", and "the total may exceed 1,500" said of job cuts just before."""
    noun = reading.counted
    if noun is None:
        return "cut" if _total_of_cuts(sent, reading.anchor) else None
    lemma = _lemma(noun)
    if _is_job_cut_noun(noun):
        return "cut"
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or not _in_span(sent, verb) or verb.pos_ != "VERB":
        return None
    verb_lemma = verb.lemma_.lower()
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    if verb_lemma == "lay" and "off" in particles:
        return "cut" if lemma in JOB_NOUNS or _is_people(noun) else None
    if verb_lemma not in CUT_VERBS or particles:
        return None  # "cut off 1,200 people" by a flood is no lay-off
    staff = lemma in STAFF_NOUNS and verb_lemma != "lose"  # "lost 1,200 people" is a toll
    return "cut" if lemma in JOB_NOUNS or staff else None


def _is_job_cut_noun(noun: Token) -> bool:
    """"layoffs", "redundancies", "job cuts", "job losses"."""
    lemma = _lemma(noun)
    if lemma in ("layoff", "redundancy"):
        return True
    return lemma in CUT_NOUNS and any(c.dep_ == "compound" and _lemma(c) == "job" for c in noun.children)


def _total_of_cuts(sent: Span, anchor: Token) -> bool:
    """"Job cuts reached engineering ..., and the total may exceed 1,500": a bare total after
    job cuts in the same sentence counts them."""
    verb = anchor.head
    if anchor.dep_ not in ("dobj", "attr") or not _in_span(sent, verb) or verb.pos_ not in ("VERB", "AUX"):
        return False
    total = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if total is None or total.lemma_.lower() not in TOTAL_NOUNS | NUMBER_NOUNS:
        return False
    if any(c.dep_ == "prep" for c in total.children):
        return False  # "the total of deaths" says what it counts itself
    return any(_is_job_cut_noun(t) for t in sent.doc[sent.start:total.i])


ROLES = {"nsubj": "subj", "csubj": "subj", "expl": "subj", "nsubjpass": "pass",
         "dobj": "obj", "attr": "obj", "oprd": "obj", "acomp": "obj"}


def _flees_hazard(node: Token) -> bool:
    """People who flee a storm, flood or eruption leave ahead of it: an evacuation, not an
    escape from captors or a prison ("fled to higher ground as the tsunami warning sounded")."""
    verb = next((t for t in [node, *node.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() != "flee":
        return False
    return any(t.lemma_.lower() in HAZARD_NOUNS or (t.lower_ == "ground" and any(
        c.lower_ in ("higher", "high") for c in t.children)) for t in verb.subtree)


def _event_from_role(sent: Span, node: Token, counted: Token | None) -> str | None:
    """Climb from the phrase to the verb whose subject or object it is."""
    cur = node
    for _ in range(6):
        head = cur.head
        if head.i == cur.i or not _in_span(sent, head):
            return None
        if cur.dep_ in ("conj", "appos"):
            cur = head
            continue
        if cur.dep_ == "pobj":
            word = head.lower_
            if word == "of":
                owner = head.head
                if owner.lemma_.lower() in TOTAL_NOUNS and owner.i != head.i:
                    cur = owner
                    continue
                if owner.lemma_.lower() == "life" and owner.head.lemma_.lower() in LIFE_VERBS:
                    return "killed"  # "claimed the lives of almost 200 workers"
                if _is_amount(owner) or _sought(owner):
                    return None
                return EVENT_NOUNS.get(owner.lemma_.lower())
            if word == "with" and _is_people(counted) and (
                    head.head.lemma_.lower() in CROWD_VERBS or head.head.lower_ in CROWD_VERBS):
                return "on board"
            if word == "by" and head.head.lemma_.lower() in ATTACK_NOUNS and head.head.pos_ == "NOUN":
                return "attacked" if _attackers(counted) else None
            if word in ("including", "among") or head.lemma_ == "include":
                cur = head.head
                if cur.pos_ in ("VERB", "AUX"):
                    return _event_of_included(cur, head, counted)
                continue
            if _qualifying_preposition(head, cur):
                cur = head  # "employed between 1,200 and 1,500 workers": the range is the object
                continue
            return None
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            role = ROLES.get(cur.dep_, "other")
            if cur.dep_ == "prep" and cur.lower_ in RANGE_PREPOSITIONS and (
                    cur.i == node.i or _qualifying_preposition(cur, node)):
                role = "subj" if cur.i < head.i else "obj"  # "Over 100 were wounded"
            if head.pos_ != "ADJ" and role == "other":
                return None
            if role == "subj" and _disagrees(head, counted):
                return None
            return _joint_event(head, role, _verb_event(head, role, counted, set()))
        return None
    return None


def _disagrees(verb: Token, counted: Token | None) -> bool:
    """"... after mall 3000 shoppers inside collapses ... fire kills 12": a plural noun is
    never the subject of a verb in the singular, so the parse hung the count on the wrong verb
    and would make the people the killers (a typo's "20 people dies" still died)."""
    lemma = verb.lemma_.lower()
    doer = lemma in AGENT_VERBS or EVENT_VERBS.get(lemma, ("", False))[1]
    return doer and verb.tag_ == "VBZ" and counted is not None and counted.tag_ in ("NNS", "NNPS")


def _joint_event(verb: Token, role: str, event: str | None) -> str | None:
    """"killing and wounding scores of people", "dozens were killed or injured": verbs sharing
    one count make it a count of both (the casualties), not of the last verb alone."""
    if event is None or not any(event in pair for pair in JOINT_EVENTS):
        return event
    partners = [c for c in verb.children if c.dep_ == "conj"]
    if verb.dep_ == "conj":
        partners.append(verb.head)
    for other in partners:
        entry = EVENT_VERBS.get(other.lemma_.lower())
        if other.pos_ != "VERB" or entry is None or not _side_by_side(verb, other):
            continue
        joint = JOINT_EVENTS.get(frozenset({event, entry[0]}))
        if joint is not None:
            return joint
    return event


def _side_by_side(a: Token, b: Token) -> bool:
    """Two verbs joined with nothing of their own between ("killed or seriously injured"),
    unlike "killing 49 people and injuring 600 others"."""
    first, last = sorted((a.i, b.i))
    between = a.doc[first + 1:last]
    return 0 < len(between) <= 3 and any(t.dep_ == "cc" for t in between) and all(
        t.dep_ in ("cc", "punct", "advmod") for t in between)


def _qualifying_preposition(prep: Token, obj: Token) -> bool:
    """"between 20 and 30 workers", "over 100 people": the preposition belongs to the number."""
    if prep.lower_ not in RANGE_PREPOSITIONS or prep.i + 1 >= len(prep.doc):
        return False
    after = prep.doc[prep.i + 1]
    return after.like_num and after.i < obj.i and obj.i in {t.i for t in after.head.subtree}


def _event_of_included(verb: Token, including: Token, counted: Token | None) -> str | None:
    """"20 hostages were freed, including seven Americans": the included share the event, and
    the role, of the nearest group named before them ("attacks killed eleven people, including
    four policemen": the policemen are among the killed, not the attacks)."""
    groups = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")
              and c.lower_ not in PRONOUNS]
    before = [c for c in groups if c.i < including.i]
    for child in sorted(before, key=lambda c: -c.i) or groups:
        return _verb_event(verb, ROLES[child.dep_], counted, set())
    return None


def _is_amount(tok: Token) -> bool:
    word = tok.lower_
    return (word in FRACTIONS or _is_number_word(word) or (word,) in VAGUE
            or tok.like_num or word in ("one", "none", "some", "all", "most", "many", "each"))


def _verb_event(verb: Token, role: str, counted: Token | None, seen: set[int]) -> str | None:
    """The event a verb (or adjective) names for its subject/object."""
    if verb.i in seen:
        return None
    seen.add(verb.i)
    if verb.dep_ in ("aux", "auxpass") and verb.head.i != verb.i:
        return _verb_event(verb.head, role, counted, seen)  # subject hung on "are" of "are missing"
    lemma = verb.lemma_.lower()
    if role in ("obj", "pass") and _attempted(verb):
        return None  # "trying to burn two cars": what the cars suffered is not told
    if lemma in STILL_IN_HOSPITAL and _still(verb):
        return None  # "ten people remained hospitalized": those still in care, not all the injured
    if _to_death(verb) and (role != "subj" or _is_passive(verb) or not any(
            c.dep_ == "dobj" for c in verb.children)):
        return "killed"  # "11 people were burnt to death", not the gunmen who shot others to death
    if lemma in LIFE_VERBS and role in ("obj", "pass") and _lemma(counted) == "life":
        return "killed"
    if lemma == "bury" and role in ("obj", "pass") and _lemma(counted) in BURIED_DEAD and not any(
            c.dep_ == "prep" and c.lower_ in BURIED_UNDER for c in verb.children):
        return "killed"  # "will bury the more than 200 victims": a funeral, not a rescue
    if lemma == "bury" and role in ("obj", "pass") and any(
            c.dep_ == "prep" and c.lower_ in ("in", "at") and any(o.lemma_.lower() in BURIAL_PLACES for o in c.children)
            for c in verb.children):
        return "killed"  # "more than 80 were buried in a mass grave": the dead, not the trapped
    if lemma == "take" and role in ("obj", "pass") and any(
            c.dep_ == "prep" and c.lower_ == "into" and any(o.lower_ == "custody" for o in c.children)
            for c in verb.children):
        return "arrested"  # "took into custody five people"
    if role == "subj" and lemma in HARM_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in HARM_NOUNS for c in verb.children):
        return "wounded"  # "more than 50 people sustained injuries"
    if lemma in EVENT_ADJECTIVES and (verb.pos_ == "ADJ" or lemma == "unaccounted"):
        return EVENT_ADJECTIVES[lemma]
    if verb.lower_ in EVENT_ADJECTIVES:  # "are missing" parses as a verb too
        return EVENT_ADJECTIVES[verb.lower_]
    if role in ("pass", "subj") and _to_hospital(verb) and (role == "pass" or _is_passive(verb)):
        return "wounded"  # "six people were taken to hospital"
    if role == "subj" and _takes_to_the_streets(verb):
        return "protested"
    if role == "subj" and _walks_out(verb) and (_is_people(counted) or counted.like_num):
        return "on strike"
    if role == "subj" and lemma == "wait" and counted is not None and not _is_people(counted) \
            and not counted.like_num:
        return "stranded"  # "40 ships waiting at anchor", "500 trucks waiting at the border"
    if role in ("obj", "pass") and lemma in CAUSE_VERBS:
        for child in verb.children:  # "forced 1,500 people to evacuate", "were left homeless"
            if child.dep_ not in ("xcomp", "ccomp", "oprd", "acomp", "advcl"):
                continue
            if child.lower_ in EVENT_ADJECTIVES:
                return EVENT_ADJECTIVES[child.lower_]
            if _leaves_home(child, "subj", child.lemma_.lower(), counted):
                return "displaced"  # "forcing 30,000 people to flee their homes"
            if child.lemma_.lower() in EVENT_VERBS and EVENT_VERBS[child.lemma_.lower()][0] != "held":
                return EVENT_VERBS[child.lemma_.lower()][0]  # "told to keep windows closed": they hold nothing
            if child.lemma_.lower() in DEPARTURE_VERBS:
                return "evacuated"  # "told its 53,000 residents to leave"
    if _leaves_home(verb, role, lemma, counted):
        return "displaced"
    if lemma in PEOPLE_VERBS and not (_is_people(counted) or counted.like_num):
        return None
    if lemma in FREE_VERBS and _lemma(counted) in DOCUMENT_NOUNS:
        return None  # "released 400 pages of records": made public
    if lemma in THING_VERBS and (_is_people(counted) or _lemma(counted) in INCIDENT_NOUNS
                                 or _lemma(counted) in NOUN_EVENTS):
        return None  # "three people burned", "the fires burned for weeks", "371 bodies"
    if lemma in EVENT_VERBS:
        event, counts_object = EVENT_VERBS[lemma]
        if not counts_object and role == "obj" and lemma not in THING_VERBS:
            return None  # "demonstrated three reasons", "fled their two homes": not who did it
        passive = _is_passive(verb) or _headline_passive(verb)
        if counts_object and role == "subj" and not passive:
            return "attacked" if lemma in AGENT_VERBS and _attackers(counted, verb) else None
        if lemma in CAPTIVE_VERBS and not _captive(verb, counted):
            return None
        if event == "protested" and not _is_people(counted):
            return None  # "the 30 raids demonstrated ...", "shares rallied": no crowd
        return event
    if lemma in AGENT_VERBS and role == "subj" and not _is_passive(verb):
        return "attacked" if _attackers(counted, verb) else None
    if lemma in ("attack", "storm", "raid", "assault", "ambush") and role == "subj":
        return "attacked" if _attackers(counted, verb) else None
    if lemma == "open" and role == "subj" and any(
            c.dep_ == "dobj" and c.lower_ == "fire" for c in verb.children):
        return "attacked" if _attackers(counted, verb) else None  # "three gunmen opened fire"
    if verb.pos_ == "AUX" or lemma in LINKING_VERBS:
        for child in verb.children:
            if child.dep_ in ("acomp", "xcomp", "oprd", "attr", "ccomp") and child.i not in seen:
                if _own_subject(child):
                    continue  # "Hundreds killed ... officials say many were trapped": not ours
                event = _verb_event(child, role, counted, seen)
                if event is not None:
                    return event
    if role == "subj":
        return _shared_subject_event(verb, counted, seen)
    return None


def _attempted(verb: Token) -> bool:
    """"tried to burn", "plotted to kill": the verb is what someone tried, not what was done."""
    return verb.dep_ == "xcomp" and verb.head.i != verb.i and verb.head.lemma_.lower() in ATTEMPT_VERBS


def _leaves_home(verb: Token, role: str, lemma: str, counted: Token | None) -> bool:
    """"3,000 residents fled their homes", "forcing 3,000 people from their homes", "driven from
    their homes": people out of their homes are displaced, whatever verb moved them."""
    if role == "subj" and lemma in DEPARTURE_VERBS and not _is_passive(verb):
        return any(c.dep_ == "dobj" and c.lemma_.lower() in HOME_NOUNS for c in verb.children)
    if role not in ("obj", "pass") or lemma in EVENT_VERBS:
        return False
    heads = [verb]
    if counted is not None and lemma in CAUSE_VERBS | PUSH_VERBS:
        heads.append(counted)  # "forcing 1,200 residents from their homes": "from" hung on the noun
    return any(c.dep_ == "prep" and c.lower_ in ("from", "out") and any(
        o.lemma_.lower() in HOME_NOUNS for o in c.subtree if o.dep_ == "pobj")
        for head in heads for c in head.children)


def _own_subject(clause: Token) -> bool:
    """A clause about someone else: its subject is a noun, not a pronoun pointing back
    ("two sons said they were trapped", "14,000 found themselves homeless")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("PRP", "WP")
               and c.lower_ not in PRONOUNS for c in clause.children)


def _shared_subject_event(verb: Token, counted: Token | None, seen: set[int]) -> str | None:
    """"four men came in and opened fire": a later verb with no subject of its own shares it."""
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ == "VERB" and child.i > verb.i and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            event = _verb_event(child, "pass" if _is_passive(child) else "subj", counted, seen)
            if event is not None:
                return event
    return None


def _to_death(verb: Token) -> bool:
    return verb.pos_ == "VERB" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ in DEATH_WORDS for o in c.children)
        for c in verb.children)


def _headline_passive(verb: Token) -> bool:
    """"82 killed in building collapse", "...; 2 killed": a participle with no object."""
    return verb.tag_ in ("VBN", "VBD") and not any(
        c.dep_ in ("dobj", "xcomp", "attr") or (c.dep_ == "ccomp" and c.i > verb.i)
        for c in verb.children) and not any(c.dep_ == "aux" for c in verb.children)


def _attackers(counted: Token | None, verb: Token | None = None) -> bool:
    """"20 gunmen attacked": attackers are named; a bare "20 killed" is a headline's toll,
    and people who "took part" or saw clashes "take place" attacked nothing."""
    if verb is not None and verb.lemma_.lower() == "take" and not _seizes(verb):
        return False
    return counted is not None and _is_people(counted)


def _seizes(take: Token) -> bool:
    """"took 20 hostages", "took over the plant", "took control of the town", "took the airport":
    "take" is a seizure only with captives, a place or control as its object; people who took a
    drug, a test, part or shelter attacked nothing."""
    if any(c.dep_ == "prt" and c.lower_ == "over" for c in take.children):
        return True
    objects = [c for c in take.children if c.dep_ == "dobj"]
    return any(o.lower_ not in IDIOM_OBJECTS and (
        o.lemma_.lower() in SEIZED_WORDS or _is_people(o) or o.ent_type_ in SEIZED_ENTITIES
        or _lemma(o) in PLACES or _lemma(o) in VENUES) for o in objects)


def _takes_to_the_streets(verb: Token) -> bool:
    """"thousands took to the streets", "1.5 million people took part in the rally"."""
    if verb.lemma_.lower() != "take":
        return False
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "to" and any(
                o.lower_ in ("streets", "street") for o in child.children):
            return True
        if child.dep_ == "dobj" and child.lower_ == "part":
            return any(o.lemma_.lower() in PROTEST_NOUNS for p in (verb, child)
                       for c in p.children if c.dep_ == "prep" for o in c.children)
    return False


def _walks_out(verb: Token) -> bool:
    """"5,000 dockworkers walked off the job", "walked out": a strike ("gunmen struck" is none)."""
    return verb.lemma_.lower() == "walk" and any(
        c.lower_ in ("out", "off") and c.dep_ in ("prt", "prep", "advmod") for c in verb.children)


def _from_hospital(sent: Span, node: Token) -> bool:
    """The verb above the count lets people out "from the hospital"."""
    verb = next((t for t in node.ancestors if _in_span(sent, t) and t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(c.dep_ == "prep" and c.lower_ == "from" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in HOSPITAL_WORDS for o in c.children) for c in verb.children)


def _to_hospital(verb: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("to", "in", "into") and any(
        o.dep_ == "pobj" and o.lemma_.lower() in HOSPITAL_WORDS for o in c.children)
        for c in verb.children)


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "xcomp", "oprd") and not any(
        c.dep_ == "dobj" for c in verb.children)


WORKER = "worker"  # "dockworkers", "steelworkers", "farmworkers": workers of a trade


def _is_people(counted: Token | None) -> bool:
    """Whether the counted noun names people (no noun: the count itself is of people)."""
    if counted is None:
        return True
    lemma = _lemma(counted)
    return (lemma in PEOPLE_NOUNS or counted.ent_type_ == "NORP" or lemma.endswith(WORKER)
            or counted.lower_ in ("people", "police", "staff", "crew"))


# Places and vehicles that "hold" people by their size: "The stadium holds 30,000 people".
VENUES = {"stadium", "arena", "hall", "venue", "auditorium", "theater", "theatre", "cinema",
          "church", "mosque", "temple", "cathedral", "room", "ship", "vessel", "boat", "ferry",
          "bus", "train", "plane", "aircraft", "jet", "airliner", "building", "tower", "ground"}


def _captive(verb: Token, counted: Token | None) -> bool:
    """"held 20 hostages", "took 41 foreigners hostage": the count is of captives."""
    if any(c.lower_ in ("hostage", "hostages", "captive", "captives") for c in verb.children):
        return True
    if counted is not None and counted.lemma_.lower() in ("hostage", "captive"):
        return True
    if verb.lemma_.lower() == "hold" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in VENUES for c in verb.children):
        return False  # a capacity, not captives
    if verb.lemma_.lower() in ("have", "keep", "offer", "take", "trade", "exchange", "swap"):
        return False
    return _is_people(counted)


def _event_from_modifiers(sent: Span, noun: Token) -> str | None:
    """"20 people killed in the blast", "hostages who escaped", "kidnapped workers"."""
    for child in noun.children:
        if not _in_span(sent, child):
            continue
        if child.dep_ == "amod" and child.i < noun.i:
            lemma = child.lemma_.lower()
            if child.lower_ in EVENT_ADJECTIVES:
                return EVENT_ADJECTIVES[child.lower_]
            if lemma in EVENT_VERBS and child.tag_ == "VBN" and lemma not in ("have", "keep"):
                return EVENT_VERBS[lemma][0]
        if child.dep_ == "acl":
            role = "pass" if child.tag_ == "VBN" else "subj"
            event = _joint_event(child, role, _verb_event(child, role, noun, set()))
            if event is not None:
                return event
        if child.dep_ == "relcl":
            event = _verb_event(child, _relative_role(child), noun, set())
            if event is not None:
                return event
    return None


def _participle_after(noun: Token) -> bool:
    """The noun is followed by an event participle of its own ("Three Kiwis killed in ...")."""
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and c.i == noun.i + 1
               and c.lemma_.lower() in EVENT_VERBS for c in noun.children)


def _relative_role(clause: Token) -> str:
    """The relative pronoun's role in "who escaped" / "that were freed" / "they have taken"."""
    for c in clause.children:
        if c.lower_ in ("who", "that", "which", "whom"):
            return ROLES.get(c.dep_, "other")
    return "obj"  # "the hostages they have taken": the gap is the object


def _event_from_toll(sent: Span, node: Token) -> str | None:
    """"the death toll rose to 30", "a death toll of 45", "the toll could be 50"."""
    verb = None
    if node.dep_ == "pobj":
        prep = node.head
        if prep.lower_ == "of" and prep.head.lemma_.lower() in TOLL_NOUNS:
            return _toll_event(prep.head)
        verb = prep.head
    elif node.dep_ in ("attr", "dobj", "npadvmod", "acomp", "oprd"):
        verb = node.head
    if verb is not None and verb.lower_ in ("down", "up") and verb.head.i != verb.i:
        verb = verb.head  # "revising the estimate down to 120"
    if verb is None or not _in_span(sent, verb):
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in TOLL_NOUNS:
            return _toll_event(child)
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in NUMBER_NOUNS:
            event = _number_of_event(child)
            if event is not None:
                return event
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in ESTIMATE_NOUNS \
                and node.dep_ == "pobj" and node.head.lower_ == "to":
            return _event_told_before(sent, verb)
    return None


def _event_told_before(sent: Span, verb: Token) -> str | None:
    """"200 people had been killed before later revising the estimate down to 120": an
    estimate revised to a number is the estimate of the event the sentence told before."""
    told = None
    for tok in sent.doc[sent.start:verb.i]:
        lemma = tok.lemma_.lower()
        if tok.lower_ in EVENT_ADJECTIVES:
            told = EVENT_ADJECTIVES[tok.lower_]
        elif tok.pos_ == "VERB" and lemma in EVENT_VERBS and EVENT_VERBS[lemma][0] in TOLL_WORDS:
            told = EVENT_VERBS[lemma][0]
    return told


def _count_told_before(sent: Span, anchor: Token) -> tuple[str | None, str] | None:
    """"Employers put the number at 4,500": a bare "the number" right after a sentence that
    gave a count ("6,000 workers were on strike") is that count, told by someone else."""
    prep = anchor.head
    if anchor.dep_ != "pobj" or prep.lower_ != "at" or sent.start == 0:
        return None
    verb = prep.head
    number = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if number is None or number.lemma_.lower() not in NUMBER_NOUNS | ESTIMATE_NOUNS:
        return None
    if any(c.dep_ == "prep" for c in number.children):
        return None  # "the number of dead at 60" says what it counts itself
    before = sent.doc[sent.start - 1].sent
    told = next((q for q in find_quantities(before) if q.key and q.event and q.value is not None), None)
    return (told.counted, told.event) if told is not None else None


def _number_of_event(number: Token) -> str | None:
    """"the number of dead", "the number of people injured": what the number counts."""
    for prep in number.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                word = obj.lower_
                if word in EVENT_ADJECTIVES:
                    return EVENT_ADJECTIVES[word]
                if obj.dep_ == "pobj":
                    event = NOUN_EVENTS.get(obj.lemma_.lower()) or _event_from_modifiers(obj.sent, obj)
                    if event is not None:
                        return event
    # "the number of people forced from their homes": the parse hangs the participle on "number"
    return next((e for c in number.children if c.dep_ == "acl" and c.tag_ == "VBN"
                 for e in [_verb_event(c, "pass", None, set())] if e is not None), None)


def _toll_event(toll: Token) -> str:
    words = {c.lemma_.lower() for c in toll.children}
    return "wounded" if words & {"injury", "injured", "wounded", "casualty"} else "killed"


def _sought(act: Token) -> bool:
    """"issued warrants for the arrest of 33", "called for the release of 20 hostages": an
    arrest or a release asked for has not happened."""
    if act.dep_ != "pobj" or act.head.lower_ != "for":
        return False
    asker = act.head.head
    return asker.lemma_.lower() in SOUGHT_WORDS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in SOUGHT_WORDS for c in asker.children)


def _money_subject(verb: Token) -> str | None:
    """"Damage totaled $71 million", "losses are estimated at $2 billion", "insurers put the
    damage at $4 billion"."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in MONEY_NOUNS:
            return MONEY_NOUNS[child.lemma_.lower()]
    return None


def _money_event(sent: Span, node: Token) -> str | None:
    """What money was for: a verb ("paid"), or a noun ("$5 million in damage", "bail of $2");
    damages a court weighs are no damage done, however the sentence names them."""
    event = _money_use(sent, node)
    if event == "in damage" and _court_damages(sent):
        verb = next((t for t in node.ancestors if _in_span(sent, t) and t.pos_ in ("VERB", "AUX")
                     and t.lemma_.lower() in LEGAL_DAMAGES_VERBS), None)
        return _claim_event(verb) if verb is not None else LEGAL_DAMAGES
    return event


def _court_damages(sent: Span) -> bool:
    """"an appeals court reduced the damages to $20 million", "won damages ... another for $1
    million": "damages" in a sentence about a court or a claim are money claimed, not harm done."""
    damages = [t for t in sent if t.lower_ == "damages" and t.pos_ == "NOUN"]
    return bool(damages) and (any(t.lemma_.lower() in COURT_WORDS for t in sent) or any(
        t.head.lemma_.lower() in LEGAL_DAMAGES_VERBS for t in damages))


def _claim_event(verb: Token) -> str:
    """"asked the jury to award $11 million": an award asked for is a demand."""
    return "demanded" if _requested(verb) else _ordered(verb) or LEGAL_DAMAGES_VERBS[verb.lemma_.lower()]


def _ordered(verb: Token) -> str | None:
    """"was ordered to pay $33.5 million": money someone is made to pay is awarded, not paid."""
    if verb.lemma_.lower() != "pay" or verb.dep_ != "xcomp":
        return None
    return "awarded" if verb.head.lemma_.lower() in ORDER_VERBS else None


def _promised(verb: Token) -> str | None:
    """"Under the deal, the insurer will pay $90 million over three years": the deal's sum, still
    to be paid ("will have paid" is done by then)."""
    if verb.lemma_.lower() != "pay":
        return None
    auxes = [c.lemma_.lower() for c in verb.children if c.dep_ == "aux"]
    return "to be paid" if any(a in FUTURE_AUX for a in auxes) and "have" not in auxes else None


def _requested(verb: Token) -> bool:
    """The verb is what someone asks for: "urged the court to order it to pay"."""
    for _ in range(3):
        if verb.dep_ not in ("xcomp", "ccomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
        if verb.lemma_.lower() in REQUEST_VERBS:
            return True
    return False


def _money_use(sent: Span, node: Token) -> str | None:
    """The verb or noun that says what a sum is: "paid", "in damage", "bail of"."""
    for child in node.subtree:
        if child.dep_ == "pobj" and child.head.lower_ == "in" and child.lemma_.lower() in MONEY_NOUNS:
            return _legal_damages(sent, node, child) or MONEY_NOUNS[child.lemma_.lower()]
    if _owed_by_clause(node) or _owed_by_clause(node.head):
        return "owed"  # "the $4 million judgment she owes"
    cur, owned = node, False
    for _ in range(3):
        head = cur.head
        if head.i == cur.i or not _in_span(sent, head):
            return None
        lemma = head.lemma_.lower()
        if lemma in CHANGE_VERBS and _money_object(head):  # "raised its offer to $4.8 billion"
            return _money_object(head)
        if lemma in MONEY_VERBS:
            if _paid_for_a_purpose(head):
                return None
            return "demanded" if _requested(head) else _ordered(head) or _promised(head) or MONEY_VERBS[lemma]
        if lemma in MONEY_NOUNS and head.pos_ == "NOUN":
            return MONEY_NOUNS[lemma]
        if head.pos_ == "NOUN" and cur.lower_ == "of" and lemma not in AMOUNT_NOUNS:
            if _money_noun(node):
                return _money_noun(node)  # "the revocation of the $2.5 million bounty"
            owned = True  # "a pretax charge of $440 million": the charge, not the loss it reflects
        if lemma == "worth" and _money_subject(head):  # "crop damage worth 8.5 billion pesos"
            return _money_subject(head)
        if head.pos_ in ("VERB", "AUX"):
            return (None if owned else _money_subject(head)) or _money_noun(node)
        cur = head
    return _money_noun(node)


def _paid_for_a_purpose(verb: Token) -> bool:
    """"raised $90,000 to help pay off the $4 million": a payment one acts to make (an infinitive
    of purpose) is an aim, and the sum it names is not paid."""
    if verb.lemma_.lower() != "pay":
        return False
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in PURPOSE_HELPERS:
        verb = verb.head
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _owed_by_clause(noun: Token) -> bool:
    """"the judgment she owes", "the debt it still owes": a clause of owing on the sum's noun."""
    return noun.pos_ == "NOUN" and any(c.dep_ == "relcl" and c.lemma_.lower() == "owe" for c in noun.children)


def _legal_damages(sent: Span, node: Token, noun: Token) -> str | None:
    """"seeks $10 million in damages": what a claim in court asks for or wins, by the verb of
    the claim; "$300,000 in compensatory damages" with no such verb is a court's damages."""
    if noun.lower_ != "damages":
        return None
    verb = next((t for t in node.ancestors if _in_span(sent, t) and t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and verb.lemma_.lower() in LEGAL_DAMAGES_VERBS:
        return _claim_event(verb)
    if any(c.dep_ == "amod" and c.lower_ in LEGAL_DAMAGES_ADJECTIVES for c in noun.children):
        return LEGAL_DAMAGES
    return None


def _money_object(verb: Token) -> str | None:
    """What a verb of change moves: "raised its offer", "cut the reward" -> the offer's event."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in MONEY_NOUNS:
            return MONEY_NOUNS[child.lemma_.lower()]
    return None


def _money_rate(sent: Span, phrase: _Phrase) -> str:
    """" per square meter" of "a fine of $300 per square meter": the amount is a rate, and
    its label must say so ("dollars fined per square meter"), or "" for a plain sum.
    "38 dollars a share", "$15 an hour" are rates too: a price per share is not a deal's value."""
    k = phrase.last + 1
    if k < len(sent) and sent[k].lemma_.lower() in CURRENCY_WORDS:
        k += 1  # "38 dollars a share"
    if k + 1 < len(sent) and sent[k].lower_ in ("a", "an") and sent[k + 1].lemma_.lower() in RATE_UNITS:
        return " per " + sent[k + 1].lemma_.lower()
    if k + 2 < len(sent) and sent[k].lower_ == "for" and sent[k + 1].lower_ in ("each", "every") \
            and sent[k + 2].pos_ == "NOUN":
        return " per " + sent[k + 2].lemma_.lower()  # "seeking $5,000 for each song copied"
    per_head = _bounty_per_head(sent, phrase)
    if per_head:
        return per_head
    each = _each_period_over(sent, sent[phrase.last])
    if each:
        return each
    period = _period_adjective(sent, sent[phrase.last])
    if period:
        return period
    each_aim = _each_aim(sent, sent[phrase.last])
    if each_aim:
        return each_aim
    if k + 1 >= len(sent) or sent[k].lower_ != "per":
        return ""
    unit = next((c for c in sent[k].children if c.dep_ == "pobj"), sent[k + 1])
    words = [t for t in unit.lefts if t.dep_ in ("compound", "amod") and t.i > sent[k].i] + [unit]
    return " per " + " ".join(t.lower_ for t in words)


def _each_period_over(sent: Span, amount: Token) -> str:
    """"each week the mine stays closed leads to a loss of $30 million": a period counted with
    "each" or "every" on the clause the sum hangs in makes the sum a rate (" per week"), not a total."""
    verbs = [t for t in amount.ancestors if _in_span(sent, t) and t.pos_ in ("VERB", "AUX")]
    verbs += [v.head for v in verbs if v.dep_ == "conj" and _in_span(sent, v.head)]
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "npadvmod" and child.lemma_.lower() in TIME_UNITS and any(
                    d.lower_ in ("each", "every") for d in child.children):
                return " per " + child.lemma_.lower()
    return ""


def _each_aim(sent: Span, amount: Token) -> str:
    """"spent about $50 to win each new client": an infinitive of purpose whose object is "each"
    or "every" one makes the sum a cost per thing (" per client"), not what was spent in all."""
    verb = amount.head
    if amount.dep_ != "dobj" or not _in_span(sent, verb):
        return ""
    for aim in verb.children:
        if aim.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in aim.children):
            continue
        for obj in aim.children:
            if obj.dep_ == "dobj" and any(c.dep_ == "det" and c.lower_ in ("each", "every") for c in obj.children):
                return " per " + obj.lemma_.lower()
    return ""


def _period_adjective(sent: Span, amount: Token) -> str:
    """"a $30 million annual fee", "an annual payment of $40 million", "daily losses of $2 million":
    the noun the sum names is one of a series, so the sum is a rate (" per year"), not a total."""
    noun = amount.head
    if amount.dep_ == "pobj" and noun.dep_ == "prep" and noun.lower_ == "of":
        noun = noun.head
    if not _in_span(sent, noun) or noun.pos_ != "NOUN":
        return ""
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in RATE_ADJECTIVES and child.i != amount.i:
            return " per " + RATE_ADJECTIVES[child.lower_]
    return ""


def _bounty_per_head(sent: Span, phrase: _Phrase) -> str:
    """"a bounty of $3 on coyotes", "a $3 bounty on coyotes": a bounty on a kind of animal or
    person, not on one named, is paid per head (" per coyote"); "a $1 million bounty on his head"
    and "on the gunmen" are one sum."""
    amount = sent[phrase.last]
    holders = [amount, amount.head]
    if amount.dep_ == "pobj" and amount.head.dep_ == "prep":
        holders.append(amount.head.head)  # "a bounty of $3"
    bounty = next((h for h in holders if h.lemma_.lower() == "bounty"), None)
    if bounty is None:
        return ""
    if bounty.dep_ == "dobj":
        holders.append(bounty.head)  # "paid a $3 bounty on coyotes"
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "on":
                kind = next((o for o in prep.children if o.dep_ == "pobj"), None)
                if kind is not None and kind.tag_ == "NNS" and not any(
                        c.dep_ in ("det", "nummod", "poss") or (c.dep_ == "relcl" and _who_did(c))
                        for c in kind.children):
                    return " per " + kind.lemma_.lower()
    return ""


def _who_did(clause: Token) -> bool:
    """"gunmen who attacked his herd": particular people, not a kind."""
    return any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children)


def _money_noun(node: Token) -> str | None:
    """"Rs. 3 lakhs aid": the amount modifies the noun that says what it is."""
    lemma = node.lemma_.lower()
    return MONEY_NOUNS[lemma] if node.pos_ == "NOUN" and lemma in MONEY_NOUNS else None


# --- negation, hedges, attribution --------------------------------------------------


def _clause_path(sent: Span, reading: _Reading) -> list[Token]:
    """The phrase's tokens up to and including its own clause's verb."""
    path = [reading.anchor]
    cur = reading.node
    if cur.i != reading.anchor.i:
        path.append(cur)
    for _ in range(8):
        if cur.head.i == cur.i or not _in_span(sent, cur.head):
            break
        cur = cur.head
        path.append(cur)
        if cur.pos_ in ("VERB", "AUX"):
            path.extend(c for c in cur.children if c.dep_ in ("acomp", "xcomp") and c.pos_ != "NOUN")
            break
    return path


DENIAL_VERBS = {"deny", "dismiss", "reject", "refute", "debunk", "dispute"}
DENIED_ROLES = {"dobj", "ccomp", "xcomp", "acl", "relcl", "nsubjpass", "attr", "pobj", "prep"}


def _negated(sent: Span, phrase: _Phrase, reading: _Reading) -> bool:
    """"no one was killed", "did not kill 20", "not 20 but 30", "denied reports that 100 died"."""
    first = phrase.text_first if phrase.text_first is not None else phrase.first
    if phrase.negated or (first > 0 and sent[first - 1].lower_ in ("not", "no", "never", "n't")):
        return True
    if _denied(reading.anchor) or _untold(sent, reading.anchor):
        return True
    for tok in _clause_path(sent, reading):
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return True
    return False


def _untold(sent: Span, anchor: Token) -> bool:
    """"The statement did not say who had hired the two": what a source does not say it
    does not report (the first verb of saying above the number is denied)."""
    for tok in anchor.ancestors:
        if not _in_span(sent, tok):
            return False
        if _is_report_verb(tok):
            return any(c.dep_ == "neg" for c in tok.children)
    return False


def _denied(token: Token) -> bool:
    """The number sits in what someone denies: up its tree to a verb of denial through that
    verb's object or complement (a side clause, "..., saying 8 were killed", is not denied)."""
    for _ in range(8):
        head = token.head
        if head is token:
            return False
        if head.lemma_.lower() in DENIAL_VERBS and head.pos_ == "VERB":
            return token.dep_ in DENIED_ROLES
        token = head
    return False


def _hedged(sent: Span, phrase: _Phrase, reading: _Reading) -> bool:
    """"could be as many as 50", "may have died", "if 20 are confirmed", "perhaps 30"."""
    first = phrase.text_first if phrase.text_first is not None else phrase.first
    if first > 0 and sent[first - 1].lower_ in HEDGE_ADVERBS:
        return True
    # a plan or a "will" holds back only the step its own verb names ("will be released", "plan to
    # raise"), not a count told otherwise ("will bury the 200 victims" are dead now; "clearing the
    # backlog of 80 ships will take a week": the backlog is there now; "will have been stranded")
    own = next((t for t in _ancestors_to_report(sent, reading) if t.pos_ in ("VERB", "AUX")), None)
    ahead = own is not None and reading.event not in PLANNED_EVENTS and _names_event(own, reading.event)
    # money promised is the deal's figure ("the company will pay $500,000" settles a claim)
    below, future = None, FUTURE_AUX if ahead and phrase.money is None and not any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in own.children) else set()
    for tok in _ancestors_to_report(sent, reading):
        if tok.lemma_.lower() in HEDGE_VERBS and tok.pos_ == "VERB":
            return True
        if ahead and _intended(tok, below):
            return True
        below = tok
        for child in tok.children:
            word = child.lower_
            if child.dep_ == "aux" and (word in HEDGE_AUX and not (
                    word in PLAN_AUX and reading.event in PLANNED_EVENTS) or (word in future and tok.i == own.i)):
                return True
            if child.dep_ == "advmod" and word in HEDGE_ADVERBS:
                return True
            if child.dep_ == "mark" and word in CONDITIONAL_MARKS:
                return True
    return False


def _names_event(verb: Token, event: str | None) -> bool:
    """The verb itself tells the event: "released" of freed, "raise" of money raised."""
    lemma = verb.lemma_.lower()
    if event is None:
        return False
    if lemma in MONEY_VERBS and event.startswith(MONEY_VERBS[lemma]):
        return True
    return lemma in EVENT_VERBS and EVENT_VERBS[lemma][0] == event


def _intended(tok: Token, below: Token | None) -> bool:
    """"plan to release three pairs", "ways to raise $200,000": the infinitive below is an intent."""
    return (below is not None and below.dep_ in ("xcomp", "acl", "relcl") and tok.lemma_.lower() in PLAN_WORDS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children))


def _ancestors_to_report(sent: Span, reading: _Reading) -> Iterator[Token]:
    """The phrase and its ancestors, stopping before the reporting verb."""
    yield reading.anchor
    for tok in reading.anchor.ancestors:
        if not _in_span(sent, tok) or _is_report_verb(tok):
            return
        yield tok
        if tok.dep_ == "xcomp":
            yield from (c for c in tok.head.children if c.dep_ == "aux")


def _is_report_verb(tok: Token) -> bool:
    """"said", "claimed" - but "the collapse claimed 72 lives" reports nothing."""
    if any(c.dep_ == "dobj" and (c.lemma_.lower() == "life" or tok.lemma_.lower() == "claim" and _takes_lives(c))
           for c in tok.children):
        return False  # "the quake claimed a death toll of 9,000", "claimed thousands of lives"
    if tok.lemma_.lower() == "put" and not any(c.dep_ == "prep" and c.lower_ == "at" for c in tok.children):
        return False  # "put the toll at 45" reports; "put a bounty on his head" does not
    if tok.lemma_.lower() in ADD_UP_VERBS and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "up":
        return False  # "the bill added up to $4 million": a sum, not what the bill said
    return tok.pos_ == "VERB" and tok.lemma_.lower() in REPORT_VERBS


def _takes_lives(obj: Token) -> bool:
    """The object of "claimed" is lives or a toll, not a statement: "claimed 72 lives"."""
    return any(t.lemma_.lower() in LIVES_WORDS for t in obj.subtree if t.i <= obj.i + 3)


def _attribution(sent: Span, anchor: Token) -> str | None:
    """Who gave the number: the subject of "said"/"claimed"/"told", or "according to X"."""
    below, shielded = anchor, False
    for tok in anchor.ancestors:
        if not _in_span(sent, tok):
            break
        shielded = shielded or _side_clause(below)
        if _is_report_verb(tok) and below.dep_ == "nsubj" and below.head.i == tok.i \
                and _told_about_subject(anchor, below):
            break  # "said Blaier, who works where four were killed": the number describes the speaker
        if (_is_report_verb(tok) or _accuses(tok)) and not shielded:
            source = _speaker(sent, tok)
            if source:
                return source
        if tok.pos_ in ("VERB", "AUX"):
            shielded = False  # the side clause hangs on this verb; a verb above it may report it
        below = tok
    for tok in sent:
        if tok.lower_ == "according":
            for to in tok.children:
                if to.lower_ == "to":
                    for obj in to.children:
                        if obj.dep_ == "pobj":
                            return _phrase_text(sent, obj, keep_acl=True)
    for tok in sent:
        if tok.dep_ == "parataxis" and _is_report_verb(tok):
            source = _speaker(sent, tok)
            if source:
                return source
    return None


def _told_about_subject(anchor: Token, subject: Token) -> bool:
    """The number sits in a clause told about the speaker's surroundings ("Blaier, who works
    on the floor where four were killed"), not in what the speaker itself gives ("a report
    that listed 12 dead"): some clause on the way up hangs on a word other than the subject."""
    if anchor.head.i == subject.i and anchor.dep_ == "nummod":
        return True  # "13 people wounded ... claims": a count is not its own source
    own = {subject.i} | {obj.i for prep in subject.children if prep.dep_ == "prep" and prep.lower_ in ("of", "by")
                         for obj in prep.children if obj.dep_ == "pobj"}  # "a report by the ministry that..."
    tok = anchor
    while tok.i != subject.i and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl", "advcl") and tok.head.i not in own:
            return True
        tok = tok.head
    return False


def _accuses(tok: Token) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in ACCUSE_VERBS


def _side_clause(clause: Token) -> bool:
    """"Peru declared an emergency as the toll passed 50": a clause of its own (adverbial,
    with its own subject) is not what the verb it hangs on declares or says."""
    return clause.dep_ == "advcl" and _own_subject(clause)


def _speaker(sent: Span, verb: Token) -> str | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and _in_span(sent, c)
                and any(ch.isalnum() for ch in c.text)]  # not the wire's "_" dash read as a subject
    if subjects:
        subject = min(subjects, key=lambda c: abs(c.i - verb.i))
        if subject.dep_ == "nsubjpass":
            agent = _agent(verb)
            return _phrase_text(sent, agent) if agent is not None else None
        if subject.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            return _phrase_text(sent, verb.head)
        if subject.lower_ in PRONOUNS and verb.dep_ == "relcl":
            return _issuer(sent, verb.head)
        if subject.lower_ in PRONOUNS or subject.lemma_.lower() in NO_SOURCE_NOUNS:
            return None
        return _phrase_text(sent, subject)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return _phrase_text(sent, verb.head)
    if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i and _in_span(sent, verb.head):
        head = verb.head
        if verb.dep_ == "conj" and head.dep_ == "ccomp" and _is_report_verb(head.head) and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in head.children):
            # "officials report that smoking is a cause of death and estimate that it costs $2
            # billion": a report verb hung on the reported clause shares the reporter's subject
            return _speaker(sent, head.head)
        if verb.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children):
            # "officials report that obesity is a cause and estimate that it costs $5 billion",
            # "report" read as a noun: the subject of a "that" clause is what is told, never the teller
            return _teller_before_that(sent, head)
        return _speaker(sent, head)
    agent = _agent(verb)
    return _phrase_text(sent, agent) if agent is not None else None


def _teller_before_that(sent: Span, clause: Token) -> str | None:
    """"The institutes report that ...": the words before a report verb the parser took for a
    noun, when that verb stands right before the clause's "that"."""
    mark = next(c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that")
    if mark.i - 1 <= sent.start:
        return None
    verb = sent.doc[mark.i - 1]
    if verb.pos_ != "NOUN" or verb.lemma_.lower() not in REPORT_VERBS:
        return None
    words = [t for t in sent.doc[sent.start:verb.i] if not t.is_punct]
    if not words or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    return _words_text(words)


def _words_text(words: list[Token]) -> str:
    first = words[0].text if _keeps_case(words[0]) else words[0].text.lower()
    return (first + words[0].whitespace_ + "".join(t.text_with_ws for t in words[1:])).strip()


def _issuer(sent: Span, paper: Token) -> str | None:
    """"The group released a statement in which it accused the army of killing 40": "it" is
    whoever put out the statement (the subject of the verb the statement is the object of)."""
    verb = paper.head
    if paper.dep_ != "dobj" or verb.pos_ != "VERB" or not _in_span(sent, verb):
        return None
    for c in verb.children:
        if c.dep_ == "nsubj" and _in_span(sent, c) and c.lower_ not in PRONOUNS \
                and c.lemma_.lower() not in NO_SOURCE_NOUNS:
            return _phrase_text(sent, c)
    return None


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for obj in c.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


PRUNED = {"relcl", "appos", "punct", "advcl", "cc", "conj", "parataxis", "acl"}


def _phrase_text(sent: Span, head: Token, keep_acl: bool = False) -> str | None:
    """A noun phrase without its relative clauses and asides: "an Algerian security official"."""
    pruned = PRUNED - {"acl"} if keep_acl else PRUNED
    tokens = sorted(_phrase_tokens(sent, head, pruned), key=lambda t: t.i)
    if not tokens:
        return None
    out = []
    for n, tok in enumerate(tokens):
        text = tok.text
        if n == 0 and not _keeps_case(tok):
            text = text.lower()
        nxt = tokens[n + 1] if n + 1 < len(tokens) else None
        gap = tok.whitespace_ if nxt is not None and nxt.i == tok.i + 1 else " "
        out.append(text + gap)
    text = "".join(out).strip().strip(QUOTES).strip()
    return text if any(ch.isalnum() for ch in text) else None  # a wire's "_" dash parsed as a noun names no one


def _phrase_tokens(sent: Span, tok: Token, pruned: set[str]) -> list[Token]:
    out = [tok]
    for child in tok.children:
        if not _in_span(sent, child) or (child.text in QUOTES and child.dep_ != "case"):
            continue  # a quote mark, but not the apostrophe of "employers' group"
        if child.dep_ in pruned and child.tag_ != "HYPH":
            continue
        if child.dep_ == "prep" and child.lower_ not in ("of", "by"):
            continue
        out.extend(_phrase_tokens(sent, child, pruned))
    return out
