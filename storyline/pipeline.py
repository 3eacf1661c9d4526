"""The facade: ingest -> clean -> annotate -> dedupe/group -> analyze -> store -> render.

``run`` is the main job (a store of stories, updated incrementally); ``summarize_inputs``
treats its inputs as one story. Both take keyword options or an :class:`Options`.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import IO

from tqdm import tqdm

from storyline import clean as clean_stage
from storyline import figures as figures_stage
from storyline import ingest
from storyline import timeline as timeline_stage
from storyline.annotate import Encoder, annotate, embed_documents
from storyline.dedupe import DEFAULT_THRESHOLD, CopyDetector
from storyline.embed import DEFAULT_MODEL, INSTALL_HINT, SentenceEncoder, encoder_available, encoder_for
from storyline.engine import Engine, LocalEngine, make_engine
from storyline.group import GroupOptions, StoryGrouper, publication_order
from storyline.models import Document, RawReport, Rejection, RunReport, Story, SummarySentence, split_origin
from storyline.render_html import render_index_html, render_story_html
from storyline.render_json import dumps as story_json
from storyline.render_md import render_markdown
from storyline.store import Store, database_files, store_identity
from storyline.summarize import SummaryOptions, independent, standalone, summarize
from storyline.textutil import content_stems, reads_as_report_prose
from storyline.undated import infer_dates

Reporter = Callable[[Rejection], None]


@dataclass
class Options:
    """Every knob of a run, with the defaults a reader of news would expect.

    db: SQLite path or SQLAlchemy URL (None: ./storyline.sqlite); words: summary budget;
    focus: a question or topic that steers the summary; embedding_model: sentence encoder for
    grouping and focus by meaning (None: by words only); per_day / timeline_limit: timeline
    entries a day / in all; copy_threshold: MinHash similarity at which a report is a wire copy;
    grouping: a :class:`storyline.group.GroupOptions` (thresholds of the story grouper); quiet: no
    progress bars; max_bytes: largest input file; engine ("local" or "dask"), scheduler (a Dask
    address), workers, chunk (reports per task): where annotation and analysis run.
    """

    db: str | None = None  # SQLite path or SQLAlchemy URL; None = ./storyline.sqlite
    words: int = 150  # summary budget
    focus: str | None = None
    embedding_model: str | None = DEFAULT_MODEL  # groups and steers the focus by meaning; None: by words
    per_day: int | None = None  # timeline entries a day; None: timeline_limit shared among the days (3-8)
    timeline_limit: int = 20
    copy_threshold: float = DEFAULT_THRESHOLD
    grouping: GroupOptions = field(default_factory=GroupOptions)
    quiet: bool = False
    max_bytes: int = ingest.MAX_BYTES
    engine: str = "local"  # local | dask: where annotation and analysis run
    scheduler: str | None = None  # address of a running Dask scheduler (implies dask)
    workers: int | None = None  # workers of a local Dask cluster; None: one per core
    chunk: int = 64  # reports per annotation task

    def __post_init__(self) -> None:
        for name in ("words", "per_day"):
            value = getattr(self, name)
            if name == "per_day" and value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ValueError(f"{name} must be a whole number above 0 (--{name.replace('_', '-')} on "
                                 f"the command line), not {value!r}")

    def analysis(self) -> dict:
        """What a stored story's analysis depends on: change one and the next run redoes it."""
        return {"words": self.words, "focus": self.focus, "per_day": self.per_day,
                "timeline_limit": self.timeline_limit, "embedding_model": self.embedding_model}


# --- stages shared by every command -------------------------------------------------


def load_documents(inputs: Sequence[str | Path], options: Options, report: RunReport,
                   on_reject: Reporter | None = None, stdin: IO[bytes] | None = None,
                   skip: Sequence[str | Path] = ()) -> list[Document]:
    """Read and clean every input (folders without the ``skip`` paths); count and report
    what could not be used."""
    raws: list[RawReport] = []
    paths, given = _given_reports(inputs)
    for item in [*given, *ingest.read_inputs(paths, stdin=stdin, max_bytes=options.max_bytes, skip=skip)]:
        report.read += 1
        if isinstance(item, Rejection):
            _reject(report, item, on_reject)
        else:
            raws.append(item)
    _settle_id_clashes(raws, report)
    for raw in raws:  # what ingest used but could not read (a field's type, a broken sidecar)
        report.warnings.extend(f"{raw.origin}: {re.sub(r'^line [0-9]+: ', '', w)}" for w in _ingest_warnings(raw)
                               if "published date" not in w)  # dates are told once, below
    furniture = clean_stage.repeated_furniture(_texts_by_outlet(raws))
    docs: list[Document] = []
    seen: set[str] = set()
    for raw in _progress(raws, "cleaning", options):
        result = clean_stage.clean_report(raw, repeated_lines=furniture)
        if isinstance(result, Rejection):
            _reject(report, result, on_reject)
        elif result.doc_id in seen:
            _reject(report, Rejection(raw.origin, f"duplicate id {result.doc_id!r} in this run"), on_reject)
        else:
            seen.add(result.doc_id)
            docs.append(result)
            report.warnings.extend(clean_stage.document_warnings(result))
    return docs


def _ingest_warnings(raw: RawReport) -> list[str]:
    found = raw.metadata.get("warnings")
    return [str(w) for w in (found if isinstance(found, list) else [found] if found else [])]


def _given_reports(inputs: Sequence[str | Path | RawReport | dict]) -> tuple[list[str | Path], list]:
    """Paths to read, and reports the API was handed as objects: a RawReport, or a dict shaped
    like a JSON Lines record ({"text": ..., "title": ..., "published": ...})."""
    if isinstance(inputs, (str, Path, RawReport, dict)):  # one input, not a sequence of characters
        inputs = [inputs]
    paths: list[str | Path] = []
    given: list[RawReport | Rejection] = []
    for number, item in enumerate(inputs, 1):
        if isinstance(item, RawReport):
            given.append(item)
        elif isinstance(item, dict):
            given.extend(ingest.read_record(item, origin=f"<input {number}>", default_id=f"input-{number}"))
        else:
            paths.append(item)
    return paths, given


def annotate_documents(docs: Sequence[Document], options: Options, engine: Engine | None = None,
                       encoder: Encoder | None = None) -> list[Document]:
    """Annotate in publication order (the order every later stage wants); with an ``encoder``,
    reports without an embedding are also encoded, in the same tasks (on the workers)."""
    if not docs:
        return []
    ordered = publication_order(list(docs))
    desc = "annotating + encoding" if encoder is not None else "annotating"
    return (engine or LocalEngine()).map_chunks(partial(annotate_chunk, encoder=encoder), ordered,
                                               chunk=options.chunk, desc=desc, quiet=options.quiet)


def annotate_chunk(docs: list[Document], encoder: Encoder | None = None) -> list[Document]:
    """One task: spaCy over a batch of reports, then one encoder batch (a worker loads each model once)."""
    out = list(annotate(docs))
    embed_documents(out, encoder)
    return out


def embed_chunk(docs: list[Document], encoder: Encoder) -> list[Document]:
    """One task: encode reports that were annotated before an encoder was in use."""
    embed_documents(docs, encoder)
    return docs


def grouping_encoder(options: Options) -> SentenceEncoder | None:
    """The encoder that gives reports their embedding for grouping by meaning; None when switched
    off (``--embedding-model none``) or when the default model's extra is not installed."""
    if not options.embedding_model or options.embedding_model.lower() == "none":
        return None
    if options.embedding_model == DEFAULT_MODEL and not encoder_available():
        return None
    return encoder_for(options.embedding_model)


@contextmanager
def engine_for(options: Options) -> Iterator[Engine]:
    """The engine the options ask for, closed when the run ends."""
    engine = make_engine(options.engine, address=options.scheduler, workers=options.workers)
    try:
        yield engine
    finally:
        engine.close()


def mark_copies(docs: Sequence[Document], detector: CopyDetector) -> None:
    """Set ``duplicate_of`` on wire copies, pointing at the first copy seen."""
    originals: dict[str, str] = {}
    for d in docs:
        match = detector.check_and_add(d.doc_id, d.text)
        if match is not None and match.original != d.doc_id:
            d.duplicate_of = originals.get(match.original, match.original)
            originals[d.doc_id] = d.duplicate_of


def mark_copies_since(docs: Sequence[Document], earlier: Sequence[Document],
                      threshold: float = DEFAULT_THRESHOLD) -> None:
    """Mark copies among ``docs``; a copy of an earlier report still adds its own voice."""
    detector = CopyDetector(threshold)
    for d in earlier:
        detector.check_and_add(d.doc_id, d.text)
    mark_copies(docs, detector)
    known = {d.doc_id for d in docs}
    for d in docs:
        if d.duplicate_of and d.duplicate_of not in known:
            d.duplicate_of = None


# Two candidate sentences of a story without a focus this close in meaning tell one fact (many
# outlets, their own words): TREC TS nuggets 0.350 -> 0.371 (BENCHMARKS.md). With a focus the
# solver already favours what answers it, and on held-out DUC topics the rule cost ROUGE.
UNFOCUSED_REDUNDANCY = 0.7


def analysis_encoder(options: Options) -> SentenceEncoder | None:
    """The sentence encoder the summary and the timeline read meaning with; None when switched
    off (``--embedding-model none``) or when the ``embeddings`` extra is not installed."""
    if not options.embedding_model or options.embedding_model.lower() == "none" or not encoder_available():
        return None
    return encoder_for(options.embedding_model)


def summary_options(options: Options) -> SummaryOptions | None:
    """With an installed sentence encoder the summary reads meaning: it follows the focus, or,
    without one, says each fact once however differently the reports word it."""
    encoder = analysis_encoder(options)
    if encoder is None:
        return None
    if options.focus:
        return SummaryOptions(embed=encoder)
    return SummaryOptions(embed=encoder, semantic_redundancy=UNFOCUSED_REDUNDANCY)


def check_encoder(options: Options, *, grouping: bool = False) -> None:
    """Before the long work: stop if a model was asked for and cannot load; say once that
    the default falls back to shared words when the ``embeddings`` extra is missing.

    ``grouping``: the command groups reports into stories, which also uses the encoder.
    """
    wanted = bool(options.embedding_model) and options.embedding_model.lower() != "none"
    if not wanted or not (options.focus or grouping) or encoder_available():
        return
    if options.embedding_model != DEFAULT_MODEL:
        encoder_for(options.embedding_model)  # raises the ValueError that says what to install
    if options.quiet:
        return
    what = " and ".join(x for x in ("stories are grouped" if grouping else "",
                                    "--focus steers the summary" if options.focus else "") if x)
    print(f"storyline: {what} by shared words only; to use meaning too: {INSTALL_HINT}", file=sys.stderr)


def analyze(story_id: str, docs: Sequence[Document], options: Options,
            earlier: Sequence[Document] = ()) -> Story:
    """Summary, figures and timeline of one story.

    With ``earlier`` (reports the reader has seen), the summary tells what ``docs`` add, while
    the figures, timeline and sources span both: a toll's movement starts in the earlier ones.
    """
    fresh = {d.doc_id for d in docs}
    earlier = [d for d in earlier if d.doc_id not in fresh]
    ordered = copies_after_originals(publication_order([*earlier, *docs]))
    dated = [d.published for d in ordered if d.published]
    story = Story(
        story_id=story_id, title="", documents=ordered,
        first_seen=min(dated) if dated else None, last_seen=max(dated) if dated else None,
    )
    reporting = factual(ordered)
    story.summary = story_summary([d for d in reporting if d.doc_id in fresh], options, factual(earlier))
    story.figures = figures_stage.build_figures(reporting)
    story.timeline = timeline_stage.build_timeline(
        reporting, per_day=options.per_day, limit=options.timeline_limit, encoder=analysis_encoder(options))
    story.relative_timeline = timeline_stage.build_relative_timeline(reporting, per_day=options.per_day)
    story.title = story_title(replace(story, documents=reporting))
    return story


def factual(docs: Sequence[Document]) -> list[Document]:
    """The reports a summary, figure or timeline may take facts from: not opinion pieces (still
    listed among the story's sources), unless the story holds nothing else."""
    news = [d for d in docs if not d.metadata.get("opinion")]
    return news or list(docs)


def story_summary(docs: Sequence[Document], options: Options,
                  earlier: Sequence[Document] = ()) -> list[SummarySentence]:
    """The summary of ``docs`` (what they add to ``earlier``) as every command writes it."""
    return summarize(docs, words=options.words, focus=options.focus, earlier=earlier,
                     options=summary_options(options))


def copies_after_originals(docs: list[Document]) -> list[Document]:
    """Originals in order, each followed by its copies: sources number the same everywhere."""
    ids = {d.doc_id for d in docs}
    copies: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        if d.duplicate_of in ids:
            copies[d.duplicate_of].append(d)
    out: list[Document] = []
    for d in docs:
        if d.duplicate_of not in ids:
            out.append(d)
            out.extend(copies[d.doc_id])
    return out


def story_title(story: Story) -> str:
    """The headline of the story as it now stands (see ``current_title``), else the lead
    sentence the story's reports bear out most (see ``central_lead``), shortened.

    A scraped page's first line is often its navigation ("Skip to content Board index ...",
    "Post a reply 22 posts • Page 1 of 2"), taken for a title: such a title heads no story.
    """
    voices = independent(story.documents)
    titled = [replace(d, title=title) for d in voices if (title := page_headline(d.title or "", d.text))]
    if titled:
        return WIRE_SLUG.sub("", current_title(titled, voices))
    lead = central_lead(voices)
    if lead:
        return headline(lead)
    summary = story.summary[0].text if story.summary else ""
    text = next((s.text for d in voices for s in d.sentences if s.text.strip()), "")
    return headline(summary) or headline(text) or story.story_id


# A page's navigation taken for its headline: "Skip to content", "Board index", "Post a reply",
# "Page 1 of 2", "Source: ... bit.ly", a run of menu words ("USGS Home Contact USGS Search").
_NAVIGATION = re.compile(
    r"\bskip to (?:main )?content\b|\bboard index\b|\bpost a reply\b|\bpage \d+ of \d+\b|\bsource:|"
    r"\bbit\.ly\b|\bhome\s+(?:contact|search|about|news)\b|\b(?:log|sign)\s?in\b|\bregister\b|"
    r"https?:|\bwww\.|\w\.(?:com|net|org)\b", re.IGNORECASE)
_TRAIL = re.compile(r"\s+[>»›‹•]\s+")  # "One News Page > Front Page > Protests push ..."
# A feed's date stamp run into the headline: "Bombs kill nearly 60 on invasion anniversaryTue, Mar 19 2013"
_GLUED_STAMP = re.compile(r"(?<=[a-z])(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d{1,2} \d{4}$")
MIN_TRAIL_HEADLINE = 4  # words the last part of a breadcrumb trail needs to be the headline


def page_headline(title: str, body: str = "") -> str | None:
    """The headline a page title holds, or None when it is the page's navigation. The last part
    of a breadcrumb trail is the page's own headline; an outlet's name after it is no part of
    it ("... rampage - Los Angeles Times"; the ``body`` tells a subject from an outlet)."""
    parts = [p for p in _TRAIL.split(title.strip()) if p.strip()]
    if not parts:
        return None
    last = parts[-1].strip()
    if len(parts) > 1 and len(last.split()) < MIN_TRAIL_HEADLINE or _NAVIGATION.search(last):
        return None
    last = _GLUED_STAMP.sub("", last)
    outlet = clean_stage.title_outlet(last, body=body)
    if outlet and last.endswith(outlet) and len(last) > len(outlet):
        last = last[: -len(outlet)].rstrip(" -|:\u2013\u2014")
    return last or None


def central_lead(voices: Sequence[Document]) -> str | None:
    """Of the reports' leads (each one's first sentence that reads alone), the one whose headline
    uses the words most of the story's reports use: it says what the story is about. The earliest
    report of a scraped collection may be a stray page (a forum's menu, another event), so its
    lead alone is no headline."""
    leads = [lead for d in voices if (lead := _report_lead(d))]
    if not leads:
        return None
    holders: dict[str, int] = defaultdict(int)
    for d in voices:
        for stem in set(content_stems(d.text)):
            holders[stem] += 1

    def borne_out(text: str) -> int:
        return sum(holders[s] for s in set(content_stems(headline(text))))  # the words a reader sees

    return max(leads, key=borne_out)


def _report_lead(document: Document) -> str | None:
    """The report's first sentence that reads alone: "It exploded a mile from us" heads nothing."""
    for s in document.sentences:
        if not s.caption and not s.fragment and reads_as_report_prose(s.text) and standalone(s.text, LEAD_OPTIONS):
            return s.text
    return None


LEAD_OPTIONS = SummaryOptions()  # a lead heads a story when a summary could quote it


# A wire service's version slug before its headline: "UPDATE 2-", "REFILE-", "CORRECTED-"
WIRE_SLUG = re.compile(r"^(?:UPDATE\s*\d*|REFILE|CORRECTED|RPT|WRAPUP\s*\d*|EXCLUSIVE|FACTBOX|"
                       r"INSTANT VIEW|BREAKINGVIEWS)\s*[-:]\s*(?=\S)")


def current_title(titled: Sequence[Document], voices: Sequence[Document]) -> str:
    """The latest headline the story's reports bear out.

    A developing story's first headline goes stale ("at least 12 dead" when 41 have died), so
    the latest report's title heads it, unless that title is a side angle: fewer than half
    the reports hold two of its words. Undated reports count as earlier, in input order.
    """
    texts = [set(content_stems(d.text)) for d in voices]

    def borne_out(d: Document) -> float:
        words = set(content_stems(d.title or ""))
        need = min(2, len(words))
        return sum(1 for t in texts if need and len(words & t) >= need) / len(texts)

    order = {d.doc_id: i for i, d in enumerate(titled)}
    latest_first = sorted(titled, key=lambda d: (d.published is not None,
                                                 d.published.timestamp() if d.published else 0.0,
                                                 order[d.doc_id]), reverse=True)
    for d in latest_first:
        if borne_out(d) >= 0.5:
            return d.title or ""
    return max(latest_first, key=borne_out).title or ""


# A lead clause that cannot head a story: "While the storm spared the city, ...", "Mounting
# his attack, ...", "Accordingly, ...". The headline starts after its comma.
_LEAD_CLAUSE = re.compile(
    r"^(?:(?:while|after|although|though|as|when|since|because|if|despite|with|amid|"
    r"accordingly|however|meanwhile|well|but|and|so|also|still|yet|then|instead|moreover)\b"
    r"|\w+ing\s+(?:his|her|its|their|the|a|an|to|on|up)\b)[^,]{0,80},\s+(?=\w)", re.IGNORECASE)


def headline(sentence: str, max_words: int = 14) -> str:
    """A sentence as a headline: its main clause first, cut at a clause boundary."""
    main = _LEAD_CLAUSE.sub("", sentence.strip(), count=1)
    if len(main.split()) >= 4:
        sentence = main[0].upper() + main[1:]
    words = sentence.split()
    if len(words) <= max_words:
        return sentence.rstrip(".")
    cut = " ".join(words[:max_words])
    for boundary in (r",\s", r"\s(?:who|which|that|after|as|when|while)\s"):
        parts = re.split(boundary, cut, maxsplit=1)
        if len(parts) > 1 and len(parts[0].split()) >= 6:
            return parts[0].rstrip(",;:")
    return cut.rstrip(",;:") + "\u2026"


def slugify(story_id: str, title: str) -> str:
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", text)[:6]
    return "-".join([story_id] + words)


# --- the main job ---------------------------------------------------------------------


def run(inputs: Sequence[str | Path], out_dir: str | Path, options: Options | None = None, *,
        on_reject: Reporter | None = None, stdin: IO[bytes] | None = None, **overrides) -> RunReport:
    """Ingest ``inputs`` into the store, update their stories, write the reports to ``out_dir``."""
    options = replace(options or Options(), **overrides)
    check_encoder(options, grouping=True)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    with engine_for(options) as engine:
        return _run(inputs, Path(out_dir), options, engine, on_reject, stdin)


def _run(inputs: Sequence[str | Path], out_dir: Path, options: Options, engine: Engine,
         on_reject: Reporter | None, stdin: IO[bytes] | None) -> RunReport:
    report = RunReport()
    store = Store(options.db)
    own = [out_dir, *database_files(options.db)]  # a run never reads its own reports or store
    docs = load_documents(inputs, options, report, on_reject, stdin, skip=own)
    encoder = grouping_encoder(options)
    model = encoder.name if encoder else None
    new_docs = annotate_documents(_not_stored_yet(docs, store, report), options, engine, encoder)
    batch = _with_stored(new_docs, store, model, report)
    if encoder is not None:
        encode_stored(batch.stored + batch.orphans, store, encoder, options, engine)
    _group(batch, options, report)
    batch.new_docs = date_from_stories(batch.new_docs, batch.stored, batch.story_of, options, engine)
    _save_grouping(batch, store, model)
    changed = _analyze_changed(batch, store, options, engine)
    store.clear_updates(keep=changed)  # "new since the last run": only what this run changed
    grew = {batch.story_of[d.doc_id] for d in batch.new_docs} | set(batch.moves.values())
    held = set(batch.story_of.values())
    before = {sid for sid in batch.stored_story.values() if sid}
    report.new_stories = sorted(sid for sid in grew & held if sid not in before)
    report.updated_stories = sorted(sid for sid in grew & held if sid in before)
    stories = store.stories()
    _claim_out_dir(out_dir, store_identity(options.db), report)
    report.written = write_outputs(stories, out_dir)
    report.stories = [s for s, _ in stories]
    report.story_count = len(stories)
    return report


@dataclass
class _Batch:
    """One run's reports against the store: what is new, what was stored, where each goes."""

    new_docs: list[Document]  # read in this run, new or with new text
    stored: list[Document]  # stored earlier and kept as they were
    orphans: list[Document]  # stored copies whose original this run replaces: weighed again
    replaced: list[Document]  # the stored versions of reports this run replaces
    stored_story: dict[str, str]  # report id -> its story in the store
    story_of: dict[str, str] = field(default_factory=dict)  # report id -> its story after this run
    moves: dict[str, str] = field(default_factory=dict)  # stored story -> the story it merged into

    @property
    def weighed(self) -> list[Document]:
        return self.new_docs + self.orphans


def _not_stored_yet(docs: list[Document], store: Store, report: RunReport) -> list[Document]:
    """The reports whose text (or page fields) the store does not hold yet; the rest are counted."""
    stored_hashes = store.content_hashes()
    _keep_file_ids_distinct(docs, store, set(stored_hashes), report)
    same_text = [d for d in docs if stored_hashes.get(d.doc_id) == d.content_hash]
    stored_fields = store.page_fields(d.doc_id for d in same_text)
    new_docs = []
    for d in docs:
        if stored_hashes.get(d.doc_id) == d.content_hash and not _fields_corrected(d, stored_fields.get(d.doc_id)):
            report.unchanged += 1
        else:
            new_docs.append(d)
    return new_docs


def _with_stored(new_docs: list[Document], store: Store, model: str | None, report: RunReport) -> _Batch:
    new_ids = {d.doc_id for d in new_docs}
    every = store.documents(embedding_model=model)
    replaced = [d for d in every if d.doc_id in new_ids]  # a wire story's earlier versions
    _warn_replaced(new_docs, replaced, report)
    stored = [d for d in every if d.doc_id not in new_ids]
    # Copies of a report that this run replaces (same id, new text) lose their original: they
    # are weighed again, beside its new text, so no two reports end up copies of each other.
    orphans = [d for d in stored if d.duplicate_of in new_ids]
    for d in orphans:
        d.duplicate_of = None
    stored = [d for d in stored if d not in orphans]
    return _Batch(new_docs, stored, orphans, replaced, store.assignments())


def _group(batch: _Batch, options: Options, report: RunReport) -> None:
    """Stored reports seed the copy detector and the grouper; new ones join or start stories."""
    detector = CopyDetector(options.copy_threshold)
    grouper = StoryGrouper(options.grouping)
    stored_story = batch.stored_story
    for d in publication_order(batch.stored):
        detector.check_and_add(d.doc_id, d.text)
        if d.duplicate_of is None and stored_story.get(d.doc_id):
            grouper.attach(d, stored_story[d.doc_id])
    pending = publication_order(batch.weighed)
    mark_copies(pending, detector)
    new_ids = {d.doc_id for d in batch.new_docs}
    story_of = {d.doc_id: grouper.resolve(s) for d in batch.stored if (s := stored_story.get(d.doc_id))}
    for d in _progress(pending, "grouping", options):
        story_of[d.doc_id] = _assign(d, story_of, stored_story, grouper)
        if d.doc_id not in new_ids:
            continue  # an orphaned copy, weighed again: not read in this run
        if d.duplicate_of:
            report.duplicates += 1
        else:
            report.processed += 1
    batch.story_of = {k: grouper.resolve(v) for k, v in story_of.items()}
    batch.moves = {old: grouper.resolve(old) for old in set(stored_story.values()) if old
                   and grouper.resolve(old) != old}


def _save_grouping(batch: _Batch, store: Store, model: str | None) -> None:
    store.put_documents(batch.weighed, batch.story_of, embedding_model=model)
    if batch.moves:
        store.move_stories(batch.moves)
    held = set(batch.story_of.values())
    store.drop_empty_stories({batch.stored_story[d.doc_id] for d in batch.weighed
                              if batch.stored_story.get(d.doc_id)} - held)


def _analyze_changed(batch: _Batch, store: Store, options: Options, engine: Engine) -> set[str]:
    """Analyse (and store) every story this run changed; their ids."""
    held = set(batch.story_of.values())
    changed = {batch.story_of[d.doc_id] for d in batch.weighed} | set(batch.moves.values())
    # stories analysed with other options (--words, --focus, ...) are analysed again
    changed |= {sid for sid, used in store.analysis_options().items()
                if used != options.analysis() and sid in held}
    by_story: dict[str, list[Document]] = defaultdict(list)
    for d in batch.stored + batch.weighed:
        by_story[batch.story_of.get(d.doc_id) or batch.stored_story.get(d.doc_id, "")].append(d)
    new_ids = {d.doc_id for d in batch.new_docs}
    was_in = {d.doc_id: batch.stored_story.get(d.doc_id) for d in batch.replaced}
    # a report updated in place (same id, new text) is new again: its earlier text is what was seen
    jobs = [StoryJob(sid, by_story[sid], store.seen_doc_ids(sid) - new_ids,
                     [d for d in batch.replaced if was_in[d.doc_id] == sid]) for sid in sorted(changed)]
    analyzed = engine.map_chunks(partial(analyze_jobs, options=options), jobs, chunk=4,
                                 desc="analyzing", quiet=options.quiet, unit="story")
    for story in analyzed:
        store.put_story(story, store.slug(story.story_id) or slugify(story.story_id, story.title),
                        analysis=options.analysis())
    return changed


def _keep_file_ids_distinct(docs: Sequence[Document], store: Store, stored_ids: set[str],
                            report: RunReport) -> None:
    """A report named after its file, whose id a different report stored from another file
    holds, takes the id one run over both files would give it ("week2/report1"): runs never
    depend on which run a file arrived in, and nothing stored is overwritten (a later version
    saved in another folder is kept beside the first, as one run keeps it). The same file read
    again keeps the id it was stored under, and new text in it replaces the stored text, as does
    a file whose stored namesake is no longer on disk; ids given in JSON or feeds are kept."""
    named = [d for d in docs if d.doc_id in stored_ids and _file_named(d)]
    namesakes = store.origins(d.doc_id for d in named) if named else {}  # only these: a store is big
    clashes = [d for d in named if _file_of(namesakes[d.doc_id]) != _file_of(d.origin)
               and _still_there(namesakes[d.doc_id])]
    if not clashes:
        return
    stored = store.origins()
    stored_as = {_file_of(origin): doc_id for doc_id, origin in stored.items() if split_origin(origin)[1] is None}
    taken = set(stored) | {d.doc_id for d in docs}
    for d in clashes:
        path = split_origin(d.origin)[0]
        if (file := _file_of(path)) in stored_as:
            d.doc_id = stored_as[file]
        else:
            new_id = next(c for c in ingest.id_candidates(Path(path)) if c not in taken)
            taken.add(new_id)
            report.warnings.append(f"{d.origin}: id {d.doc_id!r} is taken by the report stored from "
                                   f"{stored[d.doc_id]}; this one is stored as {new_id!r}")
            d.doc_id = new_id


def _page_fields(doc: Document) -> tuple:
    """As the store keeps them: see ``Store.page_fields``."""
    return (doc.published.isoformat() if doc.published else None, doc.source, doc.title, doc.url)


def _fields_corrected(doc: Document, stored: tuple | None) -> bool:
    """The report now gives a date, outlet, title or address that differs from the stored one
    (a field it leaves out corrects nothing: the same text pasted bare is the same report)."""
    return stored is not None and any(new is not None and new != old
                                      for new, old in zip(_page_fields(doc), stored))


def _settle_id_clashes(raws: Sequence[RawReport], report: RunReport) -> None:
    """An id a JSON record or feed gives is the report's own and is never changed; a report
    that took its id from its file name steps aside ("week1/a1"), whichever was read first,
    and the user is told."""
    given = {r.doc_id: r.origin for r in raws if not _file_named(r)}
    taken = {r.doc_id for r in raws}
    for r in raws:
        if not _file_named(r):
            continue
        path = Path(split_origin(r.origin)[0])
        bare = ingest.id_from_name(path.name)
        if r.doc_id in given:
            r.doc_id = next(c for c in ingest.id_candidates(path) if c not in taken)
            taken.add(r.doc_id)
        elif r.doc_id == bare or bare not in given:
            continue
        report.warnings.append(f"{r.origin}: its name {bare!r} is the id {given[bare]} gives its report; "
                               f"read as {r.doc_id!r}")


def _still_there(origin: str) -> bool:
    """Whether the stored report's file is still where it was read: two files side by side are
    two reports; a file gone (moved, or an upload's temporary copy) may be this one again."""
    return Path(split_origin(origin)[0]).is_file()


def _file_of(origin: str) -> str:
    """The real path of the file an origin names (links resolved)."""
    return ingest.real_path(split_origin(origin)[0])


def _file_named(doc: Document | RawReport) -> bool:
    """The report took its id from its file's name (one report per file, no id given)."""
    path, line = split_origin(doc.origin)
    return line is None and "#" not in path and _named_after(doc.doc_id, Path(path))


def _named_after(doc_id: str, path: Path) -> bool:
    names = {path.name, ingest.id_from_name(path.name)}
    return doc_id in names or any(doc_id.endswith("/" + name) for name in names)


def _warn_replaced(new_docs: Sequence[Document], previous: Sequence[Document], report: RunReport) -> None:
    """A stored report replaced by one of the same id from another file or outlet is most likely
    a different report that happens to share the id: say so, since the old text is gone."""
    before = {d.doc_id: d for d in previous}
    for d in new_docs:
        old = before.get(d.doc_id)
        if old is not None and (_origin_name(old.origin) != _origin_name(d.origin)
                                or old.source and d.source and old.source != d.source
                                or _shared_words(old.text, d.text) < SAME_REPORT_WORDS):
            report.warnings.append(
                f"{d.origin}: id {d.doc_id!r} replaces the report stored from {old.origin}"
                f"{' (' + old.source + ')' if old.source else ''}; give reports distinct ids to keep both")


SAME_REPORT_WORDS = 0.5  # a corrected report keeps most of its words; a different one does not


def _shared_words(a: str, b: str) -> float:
    """Jaccard overlap of two texts' word sets."""
    x, y = set(a.lower().split()), set(b.lower().split())
    return len(x & y) / len(x | y) if x | y else 1.0


def _origin_name(origin: str) -> str:
    """The file an origin names, without its folder or line number ('feeds/a.jsonl:3' -> 'a.jsonl')."""
    return Path(split_origin(origin)[0]).name


def _assign(doc: Document, story_of: dict[str, str], stored_story: dict[str, str],
            grouper: StoryGrouper) -> str:
    """A copy joins its original's story; a report stored before (a corrected text, or a copy
    whose original changed) stays in its story; any other report is grouped."""
    if doc.duplicate_of and doc.duplicate_of in story_of:
        return story_of[doc.duplicate_of]
    if stored_story.get(doc.doc_id):
        story = grouper.resolve(stored_story[doc.doc_id])
        if doc.duplicate_of is None:
            grouper.attach(doc, story)
        return story
    return grouper.add(doc)


def encode_stored(stored: Sequence[Document], store: Store, encoder: SentenceEncoder,
                  options: Options, engine: Engine) -> None:
    """Stored reports without a vector of this encoder (a store from before it) get one, once."""
    missing = [d for d in stored if d.embedding is None and d.duplicate_of is None]
    if not missing:
        return
    encoded = {d.doc_id: d.embedding for d in engine.map_chunks(
        partial(embed_chunk, encoder=encoder), missing, chunk=options.chunk, desc="encoding stored reports",
        quiet=options.quiet)}
    for d in missing:
        d.embedding = encoded.get(d.doc_id)
    store.put_embeddings(missing, encoder.name)


def date_from_stories(new_docs: list[Document], stored: Sequence[Document], story_of: dict[str, str],
                      options: Options, engine: Engine) -> list[Document]:
    """Undated new reports take a day from their story (and are re-annotated against it)."""
    undated = {story_of[d.doc_id] for d in new_docs if d.published is None}
    if not undated:
        return new_docs
    members: dict[str, list[Document]] = defaultdict(list)
    for d in list(stored) + new_docs:
        if story_of.get(d.doc_id) in undated:
            members[story_of[d.doc_id]].append(d)
    dated = [d for docs in members.values() for d in infer_dates(docs)]
    if not dated:
        return new_docs
    again = {d.doc_id: d for d in annotate_documents(dated, options, engine)}
    return [again.get(d.doc_id, d) for d in new_docs]


@dataclass
class StoryJob:
    """A story to (re)analyze: its reports, and those the previous run had seen."""

    story_id: str
    documents: list[Document]
    seen: set[str]
    replaced: list[Document] = field(default_factory=list)  # earlier texts of reports updated now


def analyze_jobs(jobs: list[StoryJob], options: Options) -> list[Story]:
    """One task: analyze stories, each with an update summary of what is new since ``seen``."""
    out = []
    for job in jobs:
        story = analyze(job.story_id, job.documents, options)
        if job.seen:  # what the new reports add to what the previous run summarized
            facts = factual(story.documents)
            earlier = [d for d in facts if d.doc_id in job.seen] + factual(job.replaced)
            fresh = [d for d in facts if d.doc_id not in job.seen]
            story.update = story_summary(fresh, options, earlier)
        out.append(story)
    return out


OUT_MARKER = ".storyline-store"  # in an output folder: the store its pages were written from


def _claim_out_dir(out_dir: Path, identity: str, report: RunReport) -> None:
    """Story ids count from s00000 in every store, so two stores writing into one folder mix
    their stories under the same ids: say so when the folder was written from another store."""
    marker = out_dir / OUT_MARKER
    try:
        before = marker.read_text(encoding="utf-8").strip()
    except OSError:
        before = ""
    if before and before != identity:
        report.warnings.append(f"{out_dir}: holds pages written from another store ({before}); their story "
                               "ids may clash with this store's: give each store its own --out")
    out_dir.mkdir(parents=True, exist_ok=True)
    marker.write_text(identity + "\n", encoding="utf-8")


def write_outputs(stories: Sequence[tuple[Story, str]], out_dir: Path) -> list[str]:
    """Write every story (with its slug) as JSON, Markdown and HTML, and the index page."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    links = {}
    for story, slug in stories:
        for suffix, text in ((".json", story_json(story)), (".md", render_markdown(story)),
                             (".html", render_story_html(story, home_href="index.html"))):
            path = out_dir / f"{slug}{suffix}"
            path.write_text(text, encoding="utf-8")
            written.append(str(path))
        links[story.story_id] = f"{slug}.html"
    index = out_dir / "index.html"
    index.write_text(render_index_html([s for s, _ in stories], links=links), encoding="utf-8")
    written.append(str(index))
    return written


# --- one story from all inputs ------------------------------------------------------------


def summarize_inputs(inputs: Sequence[str | Path], options: Options | None = None, *,
                     since: Sequence[str | Path] = (), on_reject: Reporter | None = None,
                     stdin: IO[bytes] | None = None, **overrides) -> tuple[Story, RunReport]:
    """All inputs as one story (no store); ``since`` holds the earlier reports."""
    options = replace(options or Options(), **overrides)
    check_encoder(options)
    report = RunReport()
    with engine_for(options) as engine:
        docs = annotate_documents(load_documents(inputs, options, report, on_reject, stdin), options, engine)
        earlier: list[Document] = []
        if since:
            earlier = annotate_documents(load_documents(since, options, RunReport(), on_reject), options, engine)
        dated = {d.doc_id: d for d in annotate_documents(infer_dates(docs), options, engine)}
        docs = [dated.get(d.doc_id, d) for d in docs]
    mark_copies(earlier, CopyDetector(options.copy_threshold))  # shown among the sources too
    mark_copies_since(docs, earlier, options.copy_threshold)
    report.processed = sum(1 for d in docs if not d.duplicate_of)
    report.duplicates = len(docs) - report.processed
    story = analyze("story", docs, options, earlier=earlier)
    if earlier:  # the summary is of what the inputs add: the update, as a run gives it
        story.update = list(story.summary)
    report.stories = [story] if docs else []
    return story, report


def group_inputs(inputs: Sequence[str | Path], options: Options | None = None, *,
                 on_reject: Reporter | None = None, stdin: IO[bytes] | None = None,
                 **overrides) -> tuple[dict[str, str], RunReport]:
    """Story id per report, in publication order, without a store or analysis."""
    options = replace(options or Options(), **overrides)
    check_encoder(options, grouping=True)
    report = RunReport()
    with engine_for(options) as engine:
        docs = annotate_documents(load_documents(inputs, options, report, on_reject, stdin), options, engine,
                                  grouping_encoder(options))
    mark_copies(docs, CopyDetector(options.copy_threshold))
    grouper = StoryGrouper(options.grouping)
    story_of: dict[str, str] = {}
    for d in _progress(docs, "grouping", options):
        story_of[d.doc_id] = story_of.get(d.duplicate_of or "") or grouper.add(d)
    report.duplicates = sum(1 for d in docs if d.duplicate_of)
    report.processed = len(docs) - report.duplicates
    assignments = {k: grouper.resolve(v) for k, v in story_of.items()}
    report.story_count = len(set(assignments.values()))
    return assignments, report


# --- helpers ---------------------------------------------------------------------------------


def _reject(report: RunReport, rejection: Rejection, on_reject: Reporter | None) -> None:
    report.rejected.append(rejection)
    if on_reject is not None:
        on_reject(rejection)


def _texts_by_outlet(raws: Iterable[RawReport]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for r in raws:
        if r.source and r.text:
            out[r.source].append(r.text)
    return out


def _progress(items, desc: str, options: Options, total: int | None = None):
    return tqdm(items, desc=desc, total=total, disable=True if options.quiet else None,
                file=sys.stderr, leave=False, unit="report")
