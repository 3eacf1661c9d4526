"""Read every kind of input into RawReports, and every bad input into a Rejection.

Inputs are files (plain text, HTML, JSON Lines, JSON, RSS/Atom, optionally gzipped),
folders of them, or ``-`` for standard input. Nothing is dropped silently: whatever
cannot be used comes out as a :class:`Rejection` whose reason is one line a person can
act on. Everything is a generator, so a caller can stop early or show progress.

Text is decoded by looking, not assuming: byte-order marks first, then UTF-8, then the
page's own ``<meta charset>``, then a statistical guess that leans to Windows-1252 (the
most common legacy encoding of news pages) when the guess is otherwise a toss-up.

A feed item's outlet is the item's own (its ``<source>``, publisher, an organisation as author,
or another site's link) before the channel's title: an aggregator's feed carries other outlets.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import json
import os
import re
import stat
import sys
import warnings
import zlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from storyline.models import RawReport, Rejection

MAX_BYTES = 20 * 1024 * 1024

Item = RawReport | Rejection

STDIN = "<stdin>"
SIDECAR = ".meta.json"
TEXT_SUFFIXES = frozenset({"", ".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})

# Keys of a JSON record read into RawReport fields; the first one present wins and
# every key not used this way is kept in ``metadata``.
FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "pubDate", "datePublished"),
    "source": ("source", "outlet", "publisher"),
    "url": ("url", "link"),
}

_BOMS: tuple[tuple[bytes, str, str], ...] = (  # UTF-32 first: its LE mark starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_CONTROL_BYTES = bytes([*range(0, 9), 0x0B, *range(0x0E, 0x20), 0x7F])
_CONTROL_CHARS = frozenset(chr(b) for b in _CONTROL_BYTES)
_BINARY_SHARE = 0.05  # text never has this many control characters
_GZIP_MAGIC = b"\x1f\x8b"
# WHATWG: these labels mean windows-1252 in practice (C1 bytes are curly quotes, dashes).
_WESTERN_LABELS = frozenset({
    "ascii", "us-ascii", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1",
    "cp1252", "windows-1252", "x-cp1252", "cp819", "ibm819",
})
_DROP_CONTROLS = {ord(c): None for c in _CONTROL_CHARS}
_TIDY = {ord("\f"): "\n", ord("\v"): "\n", **{ord(c): None for c in _CONTROL_CHARS if c not in "\v"}}
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_.:-]+)""",
    re.IGNORECASE)
_PROLOGUE = re.compile(r"\A(?:\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>))*\s*<([a-z][\w:.-]*)", re.DOTALL)
_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})
_HTML_TAG = re.compile(
    r"<(?:html|head|body|p|div|article|section|main|span|br|h[1-6]|meta|title|a|ul|ol|li|table|"
    r"img|figure|header|footer|nav|script|style|blockquote|em|strong|b|i)\b")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
_EPOCH = re.compile(r"-?\d{9,13}(?:\.\d+)?")
# Zone abbreviations news pages print after a time, as hours east of UTC. Where one is
# ambiguous the reading most common in English-language news wins (IST: India, not Ireland;
# CST: US Central, not China). dateutil reads any other name as no zone at all (UTC here).
ZONE_HOURS: dict[str, float] = {
    "UTC": 0, "UT": 0, "GMT": 0, "Z": 0, "WET": 0,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "AKST": -9, "AKDT": -8, "HST": -10, "AST": -4, "ADT": -3, "NST": -3.5, "NDT": -2.5,
    "BST": 1, "IST": 5.5, "WEST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
    "WAT": 1, "CAT": 2, "SAST": 2, "EAT": 3, "PKT": 5, "NPT": 5.75, "ICT": 7, "WIB": 7,
    "HKT": 8, "SGT": 8, "PHT": 8, "AWST": 8, "JST": 9, "KST": 9, "ACST": 9.5, "ACDT": 10.5,
    "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
}
_TZINFOS = {name: round(hours * 3600) for name, hours in ZONE_HOURS.items()}
# An RFC 2822 date ("Tue, 04 Mar 2025 23:30:00 -0500"): day before month, as feeds write it.
# Only this shape goes to the e-mail parser, which misreads others ("10:00 PM EST" as 10:00 UTC).
_RFC2822 = re.compile(r"(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?"
                      r"(?:\s+(?:[+-]\d{4}|ut|utc|gmt|z|[ecmp][sd]t))?(?:\s*\(.*\))?", re.IGNORECASE)
UNREAD = "published_unread"  # metadata key: a given publication date that could not be read
AMBIGUOUS = "published_ambiguous"  # metadata key: a given date read month first, though day first would do
# "02/03/2015", "2.3.2015", "02-03-2015 10:00": day and month first, in an order only the writer knows
_NUMERIC_DAY_MONTH = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2\d{4}(?!\d)")


class _Bad(Exception):
    """A reason to reject a whole input; turned into a Rejection at the boundary."""


# --- public API ------------------------------------------------------------------------


def read_inputs(paths: Sequence[str | Path], *, stdin: IO[bytes] | None = None,
                max_bytes: int = MAX_BYTES, skip: Sequence[str | Path] = ()) -> Iterator[Item]:
    """Every report in ``paths`` (files, folders, ``-``), in order, with rejections inline.

    A folder's walk leaves out the paths in ``skip`` and everything under them: a run's own
    report folder and store may sit inside the folder it reads, and are no news.
    """
    ids = FileIds()
    for given in paths:
        if str(given) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from ids.claiming(read_stream(stream, max_bytes=max_bytes))
        else:
            yield from _read_path(Path(given), skip, max_bytes, ids)


def _read_path(path: Path, skip: Sequence[str | Path], max_bytes: int, ids: FileIds) -> Iterator[Item]:
    if path.is_dir():
        entries = _walk_entries(path, skip)
        if not entries:
            yield Rejection(str(path), "no input files in directory")
        for entry in entries:
            if isinstance(entry, Rejection):
                yield entry
            else:
                yield from _read_named(entry, max_bytes, ids)
    elif path.exists():
        yield from _read_named(path, max_bytes, ids)
    else:
        yield Rejection(str(path), "no such file or directory")


def _read_named(path: Path, max_bytes: int, ids: FileIds) -> Iterator[Item]:
    file_id = ids.id_for(path)
    yield from ids.claiming(read_file(path, max_bytes=max_bytes, file_id=file_id), path, file_id)


class FileIds:
    """Ids taken from file names, kept distinct within one run.

    Saved pages are often all ``index.html``, so a file name alone does not tell articles
    apart. The rule: a file's id is its name without the format suffix ("index") unless an
    earlier report of the run has that id; then the nearest parent folders are put in front,
    one at a time, until the id is free ("site2/index", then "news/site2/index"); when the
    earlier file sits in the same folder ("index.htm" beside "index.html") the whole file
    name is used instead ("index.html"); then a counter ("index~2"). Folders come from the
    absolute path, so a file gets the same id however it is given, in every run that reads
    the same inputs in the same order. The same file given twice keeps one id (and is still
    rejected as a duplicate). Ids given in a JSON field or a feed are never changed; they
    only count as taken, and a file whose reports all have their own ids takes no name.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._by_file: dict[str, str] = {}  # real path -> the id its reports took
        self._stems: set[tuple[str, str]] = set()  # (folder, bare name) of those files

    def id_for(self, path: Path) -> str:
        """The id a report of ``path`` takes when it has none of its own."""
        real = real_path(str(path))
        if real in self._by_file:
            return self._by_file[real]
        beside = (os.path.dirname(real), _file_id(path.name)) in self._stems
        return next(c for c in id_candidates(path, by_name_first=beside) if c not in self._taken)

    def claiming(self, items: Iterable[Item], path: Path | None = None,
                 file_id: str | None = None) -> Iterator[Item]:
        """Pass ``items`` on, marking every report's id as taken (and as the file's own
        when it is the file-derived ``file_id``)."""
        for item in items:
            if isinstance(item, RawReport):
                if path is not None and item.doc_id == file_id and item.doc_id not in self._taken:
                    real = real_path(str(path))
                    self._by_file[real] = item.doc_id
                    self._stems.add((os.path.dirname(real), _file_id(path.name)))
                self._taken.add(item.doc_id)
            yield item


def id_candidates(path: Path, *, by_name_first: bool = False) -> Iterator[str]:
    """Ids a file's report may take, plainest first: its name, then with its folders."""
    folders = [part for part in reversed(Path(os.path.abspath(path)).parent.parts) if part.strip("/\\")]
    stem = _file_id(path.name)
    names = (path.name, stem) if by_name_first else (stem, path.name)
    for name in names:
        yield name
        for depth in range(1, len(folders) + 1):
            yield "/".join([*reversed(folders[:depth]), name])
    number = 2
    while True:
        yield f"{stem}~{number}"
        number += 1


def list_input_files(paths: Iterable[str | Path], *, skip: Sequence[str | Path] = ()) -> list[Path]:
    """The files ``read_inputs`` would read (folders expanded; ``-`` and missing paths left out)."""
    out: list[Path] = []
    for given in paths:
        path = Path(given)
        if str(given) == "-":
            continue
        if path.is_dir():
            out.extend(_walk(path, skip))
        elif path.exists():
            out.append(path)
    return out


def read_file(path: Path, *, max_bytes: int = MAX_BYTES, file_id: str | None = None) -> Iterator[Item]:
    """The reports in one file, its sidecar metadata applied; problems as Rejections.

    ``file_id`` is the id a report without its own takes (default: the file name without
    its suffix); :func:`read_inputs` passes one kept distinct within the run (:class:`FileIds`).
    """
    path = Path(path)
    origin = str(path)
    if path.name.endswith(SIDECAR):
        yield Rejection(origin, "metadata sidecar, not a report (give the file it describes)")
        return
    try:
        data = _read_bytes(path, max_bytes)
    except _Bad as bad:
        yield Rejection(origin, str(bad))
        return
    if _written_by_storyline(path.name, data):
        yield Rejection(origin, "a page storyline wrote (a story report), not a news report")
        return
    office = _office_document(path.name, data)
    if office:
        yield Rejection(origin, f"{office}: storyline reads text, HTML, JSON and feeds; save it as text first")
        return
    sidecar = _read_sidecar(path, max_bytes)
    sidecar_problem = None
    if isinstance(sidecar, Rejection):  # the report is read without it: a warning, not a rejection
        sidecar_problem, sidecar = f"{sidecar.origin}: {sidecar.reason}", None
    gz, kind = _kind_of(path.name)
    file_id = file_id or _file_id(path.name)  # the same whether or not the file is gzipped
    reports = _reports_from_bytes(data, origin=origin, name=file_id, kind=kind, gz=gz,
                                  default_id=file_id, max_bytes=max_bytes)
    for item in reports:
        if isinstance(item, RawReport):
            if sidecar is not None:
                _apply_sidecar(item, *sidecar)
            if sidecar_problem:
                _add_warnings(item, [sidecar_problem])
        yield item


def _office_document(name: str, data: bytes) -> str | None:
    """A PDF or an office file given as a report: say what it is, rather than "binary"."""
    if data.startswith(b"%PDF-"):
        return "a PDF document"
    if data.startswith(b"PK\x03\x04"):
        suffix = Path(name).suffix.lower()
        head = data[:4000]
        for suffixes, marker, what in (((".docx", ".doc"), b"word/", "a Word document"),
                                       ((".pptx",), b"ppt/", "a PowerPoint document"),
                                       ((".xlsx",), b"xl/", "an Excel workbook"),
                                       ((".odt", ".ods", ".odp"), b"opendocument", "an OpenDocument file"),
                                       ((".epub",), b"epub", "an e-book")):
            if suffix in suffixes or marker in head:
                return what
        return "a ZIP archive"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "an old Office document"
    return None


_OWN_HTML = re.compile(rb"<meta name=\"generator\" content=\"storyline\">")
_OWN_MARKDOWN = re.compile(rb"\A# [^\n]*\n\n_[^\n]*\b\d+ reports?\b[^\n]*_\n.*^## Sources$", re.DOTALL | re.MULTILINE)
_OWN_JSON = re.compile(rb'\A\{\s*"story_id":')


def _written_by_storyline(name: str, data: bytes) -> bool:
    """storyline's own pages (HTML with its generator tag, its Markdown and story JSON), found in
    an input folder from an earlier run: reading them back would make stories of stories."""
    head = data[:4096]
    lower = name.lower()
    if lower.endswith((".html", ".htm")):
        return bool(_OWN_HTML.search(head))
    if lower.endswith(".md"):
        return bool(_OWN_MARKDOWN.search(data))
    if lower.endswith(".json"):
        return bool(_OWN_JSON.match(head))
    return False


def read_stream(stream: IO[bytes], *, max_bytes: int = MAX_BYTES, origin: str = STDIN) -> Iterator[Item]:
    """Reports from a byte stream (standard input); what it holds is sniffed from the content."""
    data: bytes | str = stream.read(max_bytes + 1)
    if isinstance(data, str):  # a text stream was passed; its bytes are gone, UTF-8 is faithful
        data = data.encode("utf-8")
    if len(data) > max_bytes:
        yield Rejection(origin, f"input is over the {_size(max_bytes)} limit")
        return
    if not data:
        yield Rejection(origin, "empty input")
        return
    yield from _reports_from_bytes(data, origin=origin, name=origin, kind=None, gz=False,
                                   default_id=None, max_bytes=max_bytes)


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Bytes -> text with ``\\n`` line ends; raises ValueError for binary or undecodable data.

    ``declared`` is the encoding the document names for itself (an HTML ``<meta charset>``);
    it is trusted only when the bytes are not valid UTF-8, because pages that are valid UTF-8
    but claim otherwise are mislabelled far more often than they are right.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom):].decode(codec))
            except UnicodeDecodeError as err:
                raise ValueError(f"cannot decode text as {label} (it starts with a {label} "
                                 f"byte-order mark): {err.reason} at byte {err.start + len(bom)}") from None
    if b"\x00" in data:
        return _checked(_utf16_without_bom(data))
    if _control_share(data) > _BINARY_SHARE:
        raise ValueError("binary file (not text)")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    codec = _codec(declared) if declared else None
    if codec:
        try:
            return _checked(data.decode(codec))
        except UnicodeDecodeError:
            pass
    return _checked(_guess_decode(data))


def parse_published(value: object) -> datetime | None:
    """A publication time, timezone-aware; None when empty; ValueError when unreadable.

    Accepts datetimes and dates, ISO 8601 strings, RFC 2822 strings (feeds, e-mail), epoch
    seconds or milliseconds, and written dates that name a year ("January 17, 2013", with a
    zone abbreviation such as "10:00 AM EST" read from :data:`ZONE_HOURS`).
    A given offset is kept, not converted to UTC: later stages take ``published.date()`` as
    the day "today" and "yesterday" mean, and that is the day where the report was written.
    Times without a zone (and epoch numbers) are taken as UTC. A bare year (2013) means
    1 January of that year. An all-numeric date is read month first, as US sources and
    dateutil write it ("02/03/2015" is 3 February), unless the first part is over 12
    ("13/03/2015" is 13 March); :func:`ambiguous_day_month` tells when that choice was a guess.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        result = _to_datetime(value)
    except (ValueError, OverflowError, OSError, TypeError):
        result = None
    if result is None or not 1800 <= result.year <= 2200:
        raise ValueError(f"cannot read published date {_show(value)}")
    if result.tzinfo is None or result.utcoffset() is None:
        return result.replace(tzinfo=timezone.utc)
    return result


def ambiguous_day_month(value: object, read: datetime) -> bool:
    """Whether ``value`` was a numeric date whose day and month could be either way round
    ("02/03/2015": both parts 12 or less and different), which ``read`` took month first."""
    match = _NUMERIC_DAY_MONTH.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        return False
    first, second = int(match[1]), int(match[3])
    return first != second and 1 <= first <= 12 and 1 <= second <= 12 and (read.month, read.day) == (first, second)


def ambiguous_date_note(given: str, read: datetime) -> str:
    """The words telling a user which reading of an ambiguous date was used."""
    return f"published date {given!r} is ambiguous; read as {read.date().isoformat()} (month first)"


# --- files and folders -------------------------------------------------------------------


def _walk(folder: Path, skip: Sequence[str | Path] = ()) -> list[Path]:
    """Files under ``folder``, sorted, leaving out hidden files and folders, sidecars and
    the ``skip`` paths."""
    return [entry for entry in _walk_entries(folder, skip) if isinstance(entry, Path)]


def _walk_entries(folder: Path, skip: Sequence[str | Path] = ()) -> list[Path | Rejection]:
    """Like :func:`_walk`, with a Rejection in its place for every folder that cannot be
    listed (os.walk would skip it silently)."""
    left_out = {real_path(str(p)) for p in skip}
    found: list[Path | Rejection] = []

    def unreadable(err: OSError) -> None:
        found.append(Rejection(str(err.filename or folder), f"cannot read folder: {err.strerror or err}"))

    def kept(root: str, name: str) -> bool:
        return not left_out or real_path(os.path.join(root, name)) not in left_out

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and kept(root, d))
        for name in files:
            if not name.startswith(".") and not name.endswith(SIDECAR) and kept(root, name):
                found.append(Path(root) / name)
    return sorted(found, key=lambda entry: _relative_parts(entry, folder))


def real_path(path: str) -> str:
    """The path with links resolved; as given when a link cannot be followed (no permission)."""
    try:
        return os.path.realpath(path)
    except OSError:
        return path


def _relative_parts(entry: Path | Rejection, folder: Path) -> tuple[str, ...]:
    path = entry if isinstance(entry, Path) else Path(entry.origin)
    try:
        return path.relative_to(folder).parts
    except ValueError:
        return ()


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; the size is checked before reading so a huge file costs nothing."""
    try:
        info = path.stat()
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise _Bad(f"file is {_size(info.st_size, max_bytes)}, over the {_size(max_bytes)} limit")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as err:
        raise _Bad(f"cannot read file: {err.strerror or err}") from None
    if len(data) > max_bytes:  # a pipe or device: no size to stat
        raise _Bad(f"file is over the {_size(max_bytes)} limit")
    return data


def _kind_of(name: str) -> tuple[bool, str | None]:
    """(gzipped?, format) from the file name; format None means sniff the content."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    suffix = Path(lower).suffix
    if suffix in TEXT_SUFFIXES:
        return gz, "text"
    if suffix in HTML_SUFFIXES:
        return gz, "html"
    if suffix in JSONL_SUFFIXES:
        return gz, "jsonl"
    if suffix in JSON_SUFFIXES:
        return gz, "json"
    if suffix in FEED_SUFFIXES:
        return gz, "feed"
    return gz, None


def id_from_name(name: str) -> str:
    """The id a report takes from its file's name: the name without its format suffix."""
    return _file_id(name)


def _file_id(name: str) -> str:
    """The file name without its format suffix (and without ``.gz``)."""
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return Path(name).stem or name


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            out = gz.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise _Bad(f"corrupt gzip file: {err}") from None
    if len(out) > max_bytes:
        raise _Bad(f"file is over the {_size(max_bytes)} limit once decompressed")
    return out


# --- bytes -> reports --------------------------------------------------------------------


def _reports_from_bytes(data: bytes, *, origin: str, name: str, kind: str | None, gz: bool,
                        default_id: str | None, max_bytes: int) -> Iterator[Item]:
    """Decode, decide the format, and read reports; any whole-input problem is one Rejection."""
    try:
        if gz or data.startswith(_GZIP_MAGIC):
            data = _gunzip(data, max_bytes)
        if not data:
            raise _Bad("empty file")
        yield from _parse(data, origin=origin, name=name, kind=kind, default_id=default_id)
    except _Bad as bad:
        yield Rejection(origin, str(bad))


def _parse(data: bytes, *, origin: str, name: str, kind: str | None,
           default_id: str | None) -> Iterator[Item]:
    declared = _declared_charset(data) if kind in ("html", "feed", None) else None
    try:
        text = decode_bytes(data, declared=declared)
    except ValueError as err:
        raise _Bad(str(err)) from None
    if not text:
        raise _Bad("empty file")
    if not text.strip():
        raise _Bad("only whitespace")
    if kind is None:
        kind = sniff(text)
    if kind == "feed":
        yield from _feed_reports(data, origin=origin, name=name)
    elif kind in ("json", "jsonl"):
        yield from _json_reports(text, origin=origin, name=name, lines=kind == "jsonl",
                                 default_id=default_id)
    else:
        body = _tidy(text)
        doc_id = default_id or _hash_id(name, body)
        if kind == "html":
            yield RawReport(origin=origin, doc_id=doc_id, html=body)
        else:
            yield RawReport(origin=origin, doc_id=doc_id, text=body)


def sniff(text: str) -> str:
    """What decoded content holds: "jsonl", "json", "feed", "html" or "text"."""
    head = text.lstrip()[:4096]
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("["):
        return "json"
    if not head.startswith("<"):
        return "text"
    low = head.lower()
    root = _PROLOGUE.match(low)
    if root and root.group(1) in _FEED_ROOTS:
        return "feed"
    if low.startswith("<!doctype html") or _HTML_TAG.search(low):
        return "html"
    return "text"


# --- encodings ---------------------------------------------------------------------------


def _utf16_without_bom(data: bytes) -> str:
    """UTF-16 text saved without a byte-order mark has a NUL beside every ASCII letter."""
    if len(data) % 2 == 0:
        even, odd = data[0::2], data[1::2]
        for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
            if zeros.count(0) > 0.7 * len(zeros) and other.count(0) < 0.05 * len(other):
                try:
                    return data.decode(codec)
                except UnicodeDecodeError:
                    break
    raise ValueError("binary file (not text)")


def _control_share(data: bytes) -> float:
    if not data:
        return 0.0
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / len(data)


def _checked(text: str) -> str:
    """Normalise line ends; refuse text that is mostly control characters (binary in disguise)."""
    if text:
        controls = len(text) - len(text.translate(_DROP_CONTROLS))
        if "\x00" in text or controls / len(text) > _BINARY_SHARE:
            raise ValueError("binary file (not text)")
    return _newlines(text)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _tidy(text: str) -> str:
    """Text fit for later stages: ``\\n`` line ends, no stray control characters or BOM."""
    return _newlines(text).translate(_TIDY).removeprefix("\ufeff")


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:4096])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii")


def _codec(label: str) -> str | None:
    """A Python codec for an encoding label, read the way browsers read it."""
    label = label.strip().lower()
    if label in _WESTERN_LABELS:
        return "cp1252"
    if label.startswith(("utf-16", "utf-32", "ucs")):  # readable ASCII markup cannot be UTF-16
        return "utf-8"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _guess_decode(data: bytes) -> str:
    """charset_normalizer's best guess, but Windows-1252 when that is as good a reading.

    On short texts many single-byte code pages read equally well ("café" is plausible in
    half of them); Windows-1252 is by far the most common, so it wins ties.
    """
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ValueError("cannot decode text: no known encoding reads it cleanly")
    guess = str(best)
    if _codec(best.encoding) == "cp1252":
        return data.decode("cp1252")
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        return guess
    tied = any(_codec(m.encoding) == "cp1252" and m.chaos <= best.chaos + 0.01 for m in matches)
    return western if tied or western == guess else guess


# --- JSON and JSON Lines -----------------------------------------------------------------


def _json_reports(text: str, *, origin: str, name: str, lines: bool,
                  default_id: str | None) -> Iterator[Item]:
    """JSON Lines, or one JSON document (an object or a list of objects).

    The suffix says which, but the content can overrule it: a ``.json`` file of one object
    per line is read as lines, and a ``.jsonl`` file holding one pretty-printed document is
    read as that document.
    """
    if lines:
        doc = _whole_json(text) if _first_line_fails(text) else None
        if doc is None:
            yield from _json_lines(text, origin=origin, name=name)
            return
        yield from _json_document(doc[0], origin=origin, name=name, default_id=default_id)
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data":
            yield from _json_lines(text, origin=origin, name=name)
            return
        raise _Bad(f"invalid JSON: {err.msg} at line {err.lineno} column {err.colno}") from None
    yield from _json_document(value, origin=origin, name=name, default_id=default_id)


def _first_line_fails(text: str) -> bool:
    for line in io.StringIO(text):
        if line.strip():
            try:
                json.loads(line)
            except json.JSONDecodeError:
                return True
            return False
    return False


def _whole_json(text: str) -> tuple[Any] | None:
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return None
    return (value,) if isinstance(value, (dict, list)) else None


def _json_lines(text: str, *, origin: str, name: str) -> Iterator[Item]:
    """One report per non-blank line; a bad line is a Rejection naming its number."""
    for number, line in enumerate(io.StringIO(text), start=1):  # splits on "\n" only
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            value = json.loads(line.rstrip("\n"))
        except json.JSONDecodeError as err:
            yield Rejection(origin, f"{where}: invalid JSON: {err.msg} at column {err.colno}")
            continue
        yield _record(value, origin=f"{origin}:{number}", where=where, file=origin, name=name)


def read_record(value: dict[str, Any], *, origin: str, default_id: str) -> Iterator[Item]:
    """A report handed over as a JSON Lines-shaped record ({"text": ..., "title": ...}): the
    Python API's way to pass text rather than files."""
    return _json_document(value, origin=origin, name=origin, default_id=default_id)


def _json_document(value: Any, *, origin: str, name: str, default_id: str | None) -> Iterator[Item]:
    if isinstance(value, dict):
        yield _record(value, origin=origin, where="", file=origin, name=name, default_id=default_id)
    elif isinstance(value, list):
        if not value:
            yield Rejection(origin, "JSON list is empty")
        for number, item in enumerate(value, start=1):
            yield _record(item, origin=f"{origin}#{number}", where=f"item {number}", file=origin, name=name)
    else:
        yield Rejection(origin, f"expected a JSON object or a list of objects, got {_json_type(value)}")


def _record(value: Any, *, origin: str, where: str, file: str, name: str,
            default_id: str | None = None) -> Item:
    """One JSON object -> RawReport, or a Rejection saying what is missing or wrong."""
    if not isinstance(value, dict):
        return Rejection(file, _at(where, f"expected a JSON object, got {_json_type(value)}"))
    bodies: dict[str, str] = {}
    blank: list[str] = []
    for key in ("text", "html"):
        body = value.get(key)
        if body is None:
            continue
        if not isinstance(body, str):
            return Rejection(file, _at(where, f"'{key}' must be a string, got {_json_type(body)}"))
        if body.strip():
            bodies[key] = _tidy(body)
        else:
            blank.append(key)
    if not bodies:
        problem = f"'{blank[0]}' is empty" if blank else "no 'text' or 'html' field"
        return Rejection(file, _at(where, problem))
    raw_id = value.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int, float, type(None))):
        return Rejection(file, _at(where, f"'id' must be a string or a number, got {_json_type(raw_id)}"))
    doc_id = str(raw_id).strip() if raw_id is not None else ""
    if not doc_id:
        doc_id = default_id or _hash_id(name, bodies.get("text") or bodies["html"])
    report = RawReport(origin=origin, doc_id=doc_id, text=bodies.get("text"), html=bodies.get("html"))
    used = {"id", "text", "html"}
    warnings = _fill_fields(report, value, used, prefix=where)
    report.metadata = {**{k: v for k, v in value.items() if k not in used}, **report.metadata}
    _add_warnings(report, warnings)
    return report


def _fill_fields(report: RawReport, value: dict[str, Any], used: set[str], prefix: str) -> list[str]:
    """Set title/published/source/url from the first key present; return what could not be read.

    Keys read this way are added to ``used``; a value that cannot be read stays unused, so it
    is kept in metadata as it was.
    """
    warnings: list[str] = []
    for field, keys in FIELD_KEYS.items():
        used.update(k for k in keys if k in value and value[k] in (None, ""))  # said "unknown"
        key = next((k for k in keys if value.get(k) not in (None, "")), None)
        if key is None:
            continue
        try:
            if field == "published":
                report.published = parse_published(value[key])
                _note_ambiguous(report, value[key])
                if _zone_missing(value[key]):
                    warnings.append(_at(prefix, f"publication time {_show(value[key])} names no time zone; "
                                                "read as UTC"))
            else:
                setattr(report, field, _text_value(value[key], key))
        except ValueError as err:
            warnings.append(_at(prefix, str(err)))
            if field == "published":
                report.metadata[UNREAD] = _unread(value[key])
            continue
        used.add(key)
    return warnings


def _zone_missing(given: object) -> bool:
    """A clock time without a zone: "today" may then fall on the wrong day near midnight."""
    if not isinstance(given, str) or not re.search(r"\d{1,2}:\d{2}", given):
        return False
    try:
        return _to_datetime(given).tzinfo is None
    except (ValueError, OverflowError, OSError, TypeError):
        return False


def _note_ambiguous(report: RawReport, given: object) -> None:
    """Record a date whose day/month order was guessed, so the user is told which reading won."""
    if report.published is not None and ambiguous_day_month(given, report.published):
        report.metadata[AMBIGUOUS] = _unread(given)


def _unread(value: object) -> str:
    """An unreadable date as one short line of text, to show the user what was given."""
    text = value.strip() if isinstance(value, str) else json.dumps(value, default=str)
    return text if len(text) <= 80 else text[:77] + "..."


def _text_value(value: Any, key: str) -> str | None:
    """A title/source/url as text; an outlet given as {"name": ...} is read by its name."""
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        value = value["name"]
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"'{key}' is not text ({_json_type(value)}), kept in metadata")
    return str(value).strip() or None


def _add_warnings(report: RawReport, warnings: list[str]) -> None:
    if not warnings:
        return
    earlier = report.metadata.get("warnings")
    base = list(earlier) if isinstance(earlier, list) else ([earlier] if earlier else [])
    report.metadata["warnings"] = base + warnings


# --- sidecar metadata --------------------------------------------------------------------


def _sidecar_path(path: Path) -> Path | None:
    for name in (_file_id(path.name) + SIDECAR, path.name + SIDECAR):
        candidate = path.with_name(name)
        if candidate.is_file():
            return candidate
    return None


def _read_sidecar(path: Path, max_bytes: int) -> tuple[dict[str, Any], str] | Rejection | None:
    """The sidecar's object and name, a Rejection naming what is wrong with it, or None."""
    sidecar = _sidecar_path(path)
    if sidecar is None:
        return None
    where = f"(report {path.name} read without it)"
    try:
        value = json.loads(decode_bytes(_read_bytes(sidecar, max_bytes)))
    except json.JSONDecodeError as err:
        return Rejection(str(sidecar), f"invalid JSON in metadata sidecar: {err.msg} at line "
                                       f"{err.lineno} column {err.colno} {where}")
    except (_Bad, ValueError) as err:
        return Rejection(str(sidecar), f"unreadable metadata sidecar: {err} {where}")
    if not isinstance(value, dict):
        return Rejection(str(sidecar), f"metadata sidecar must be a JSON object, got "
                                       f"{_json_type(value)} {where}")
    return value, sidecar.name


def _apply_sidecar(report: RawReport, values: dict[str, Any], name: str) -> None:
    """Fill what the report itself does not say; its own values win."""
    holder = RawReport(origin=report.origin, doc_id=report.doc_id)
    used: set[str] = set()
    warnings = _fill_fields(holder, values, used, prefix=name)
    if report.published is None and AMBIGUOUS in holder.metadata:  # the sidecar's date is the one used
        report.metadata[AMBIGUOUS] = holder.metadata[AMBIGUOUS]
    for field in FIELD_KEYS:
        if getattr(report, field) is None:
            setattr(report, field, getattr(holder, field))
    if report.published is not None:  # dated after all: an unread value no longer matters
        report.metadata.pop(UNREAD, None)
    elif UNREAD in holder.metadata:
        report.metadata.setdefault(UNREAD, holder.metadata[UNREAD])
    for key, value in values.items():
        if key not in used:
            report.metadata.setdefault(key, value)
    _add_warnings(report, warnings)


# --- feeds -------------------------------------------------------------------------------


def _feed_reports(data: bytes, *, origin: str, name: str) -> Iterator[Item]:
    """One report per RSS/Atom entry; feedparser reads the XML's own encoding declaration."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data))
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.entries:
        if not parsed.get("version"):
            raise _Bad("not an RSS or Atom feed" + (f": {_one_line(problem)}" if problem else ""))
        raise _Bad("feed has no entries" + (f" (and is not well-formed: {_one_line(problem)})" if problem else ""))
    feed_title = (parsed.feed.get("title") or "").strip() or None
    feed_host = _host(parsed.feed.get("link"))
    warning = f"feed is not well-formed: {_one_line(problem)}" if problem else None
    for number, entry in enumerate(parsed.entries, start=1):
        source = entry_outlet(entry, feed_host) or feed_title
        yield _entry_report(entry, number, origin=origin, name=name, source=source, warning=warning)


def _entry_report(entry: Any, number: int, *, origin: str, name: str, source: str | None,
                  warning: str | None) -> Item:
    title = (entry.get("title") or "").strip() or None
    label = f"entry {number}" + (f" ({title!r})" if title else "")
    body, kind = _entry_body(entry)
    headline_only = not body and bool(title)
    if headline_only:  # a headline feed: the headline is all the entry says
        body, kind = title, "text"
    if not body:
        return Rejection(origin, f"{label}: no title, content or summary")
    body = _tidy(body)
    doc_id = str(entry.get("id") or entry.get("link") or _hash_id(name, (title or "") + body))
    report = RawReport(origin=f"{origin}#{number}", doc_id=doc_id, title=title, source=source,
                       url=entry.get("link") or None)
    setattr(report, kind, body)
    warnings = [warning] if warning else []
    try:
        report.published = _entry_published(entry)
        _note_ambiguous(report, next((dict.get(entry, k) for k in ("published", "updated", "created")
                                      if dict.get(entry, k)), None))
    except ValueError as err:
        warnings.append(f"{label}: {err}")
        report.metadata[UNREAD] = _unread(next(dict.get(entry, k) for k in ("published", "updated", "created")
                                               if dict.get(entry, k)))
    if headline_only:
        report.metadata["headline_only"] = True
    if entry.get("author"):
        report.metadata["author"] = entry["author"]
    tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
    if tags:
        report.metadata["tags"] = tags
    _add_warnings(report, warnings)
    return report


# An aggregator's feed (a digest, a search, a reader's folder) carries other outlets' items: the
# item says whose it is, and the channel's title names only the aggregator.
_ORGANISATION_WORDS = frozenset({
    "news", "agency", "press", "presse", "times", "post", "journal", "herald", "tribune", "gazette",
    "courier", "daily", "weekly", "today", "media", "wire", "newswire", "service", "network",
    "broadcasting", "broadcast", "radio", "television", "tv", "channel", "group", "magazine",
    "review", "observer", "chronicle", "telegraph", "guardian", "express", "mirror", "standard",
    "bulletin", "dispatch", "examiner", "inquirer", "gazzetta", "zeitung", "inc", "inc.", "ltd",
    "ltd.", "llc", "corp", "corp.", "plc", "online", "associated", "reuters", "bloomberg", "xinhua",
    "afp", "dpa", "upi", "anadolu", "kyodo", "yonhap", "tass", "efe", "ansa", "bernama",
})
# words that make a byline a person's or a desk's, never the outlet: "Times Staff Writer"
_ROLE_WORDS = frozenset({
    "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents",
    "editor", "editors", "desk", "columnist", "contributor", "and", "&", "by",
})
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")  # "AFP", "GNA": a person is not written this way
_DOMAIN_NAME = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)  # "Reuters.com"
MAX_OUTLET_WORDS = 6
# hosts that forward to the real page: the link's host says nothing about whose item it is
_REDIRECT_HOSTS = frozenset({"feedproxy.google.com", "feeds.feedburner.com", "news.google.com", "t.co", "bit.ly"})


def entry_outlet(entry: Any, feed_host: str | None) -> str | None:
    """The outlet a feed item names itself: its ``<source>``, publisher, an organisation as
    author, else its link's host when that is not the feed's own; None leaves the channel title."""
    source = entry.get("source") or {}
    for given in (source.get("title"), entry.get("publisher")):
        name = _plain_name(given)
        if name and "@" not in name:
            return name
    for author in _author_names(entry):
        if is_organisation(author):
            return author
    host = _host(entry.get("link"))
    if host and feed_host and host not in _REDIRECT_HOSTS and site_label(host) != site_label(feed_host):
        return host
    return None


def _author_names(entry: Any) -> list[str]:
    """Every author an item lists (``<author>``, ``dc:creator``), as names without e-mail addresses."""
    found = [_plain_name(a.get("name")) for a in entry.get("authors") or [] if isinstance(a, dict)]
    found.append(_plain_name((entry.get("author_detail") or {}).get("name")))
    found.append(_plain_name(entry.get("author")))
    return [n for n in dict.fromkeys(found) if n and "@" not in n]


def is_organisation(name: str) -> bool:
    """Whether an author line names an organisation ("Global News Agency", "AFP") rather than a
    person ("Jane Doe") or a desk ("Staff Writer"). Conservative: unsure means no."""
    words = name.split()
    if not words or len(words) > MAX_OUTLET_WORDS or "@" in name or "," in name:
        return False
    lowered = [w.lower().strip(".,") for w in words]
    if any(w in _ROLE_WORDS for w in lowered):
        return False
    if len(words) == 1 and (_ACRONYM.match(name) or _DOMAIN_NAME.match(name)):
        return True
    return any(w in _ORGANISATION_WORDS for w in lowered) and words[0][:1].isupper()


def _plain_name(value: object) -> str | None:
    return (" ".join(value.split()) or None) if isinstance(value, str) else None


def _host(url: object) -> str | None:
    """A link's host without "www." ('https://www.example.org/a' -> 'example.org')."""
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return host.lower().removeprefix("www.") or None


# labels that say where or what kind a site is, not which: bbc.co.uk and bbc.com are one outlet
_GENERIC_LABELS = frozenset({"com", "org", "net", "co", "gov", "edu", "ac", "info", "biz", "news", "int"})


def site_label(host: str) -> str:
    """The label that names the site: 'edition.cnn.com' -> 'cnn', 'www.bbc.co.uk' -> 'bbc'."""
    labels = host.split(".")[:-1] or [host]  # the top-level domain first
    while len(labels) > 1 and labels[-1] in _GENERIC_LABELS:
        labels.pop()
    return labels[-1]


def _entry_body(entry: Any) -> tuple[str | None, str]:
    """The fullest body an entry has (content, else summary) and whether it is html or text."""
    parts = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if parts:
        best = max(parts, key=lambda c: len(c.get("value") or ""))
        return best["value"], "text" if best.get("type") == "text/plain" else "html"
    summary = (entry.get("summary") or "").strip()
    if not summary:
        return None, "html"
    kind = (entry.get("summary_detail") or {}).get("type")
    return summary, "text" if kind == "text/plain" else "html"


def _entry_published(entry: Any) -> datetime | None:
    """The entry's first readable date; ValueError only when it has dates and none reads.

    The date as written comes first, so its own offset is kept; feedparser's parsed form
    (converted to UTC) is the fallback for forms only feedparser reads.
    """
    error: ValueError | None = None
    for key in ("published", "updated", "created"):
        try:
            found = parse_published(dict.get(entry, key))  # dict.get: no feedparser key mapping
        except ValueError as err:
            found, error = None, error or err
        if found is not None:
            return found
        parsed = dict.get(entry, f"{key}_parsed")
        if parsed:
            return datetime(*parsed[:6], tzinfo=timezone.utc)  # feedparser gives UTC
    if error is not None:
        raise error
    return None


# --- dates -------------------------------------------------------------------------------


def _to_datetime(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _from_number(value)
    if isinstance(value, str):
        return _from_string(value.strip())
    return None


def _from_number(value: float) -> datetime:
    """Epoch seconds or milliseconds; a four-digit whole number is a year."""
    if float(value).is_integer() and 1000 <= value <= 9999:
        return datetime(int(value), 1, 1)
    if abs(value) > 1e11:
        value = value / 1000
    return datetime.fromtimestamp(value, tz=timezone.utc)


def _from_string(text: str) -> datetime | None:
    if _EPOCH.fullmatch(text):
        return _from_number(float(text))
    if re.fullmatch(r"\d{4}", text):
        return _from_number(int(text))
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    if _RFC2822.fullmatch(text):
        try:
            return parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            pass
    if not _YEAR.search(text):  # without a year, dateutil would fill in this year: not a date
        return None
    return parse_written_date(text)


def parse_written_date(text: str) -> datetime:
    """A written date ("March 2, 2015 10:00 AM EST") with the news zone names known;
    ValueError when dateutil cannot read it. Naive when the text names no zone."""
    from dateutil import parser as dateutil_parser

    with warnings.catch_warnings():  # an unknown zone name is read as no zone, not warned
        warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
        try:
            return dateutil_parser.parse(text, default=datetime(2000, 1, 1), tzinfos=_TZINFOS)
        except OverflowError as err:
            raise ValueError(str(err)) from None


# --- small helpers -----------------------------------------------------------------------


def _hash_id(name: str, body: str) -> str:
    """A stable id for a report without one: the same file name and text give the same id."""
    return hashlib.sha1(f"{name}\n{body}".encode("utf-8")).hexdigest()[:16]


def _size(n: int, limit: int | None = None) -> str:
    """Bytes in words ("25 MB"); exact when rounding would make a size equal its limit."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= scale:
            shown = f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
            if limit is not None and shown == _size(limit):
                return f"{n} bytes"
            return shown
    return f"{n} bytes"


def _at(where: str, message: str) -> str:
    return f"{where}: {message}" if where else message


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _show(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value.strip()}'"
    return text if len(text) <= 60 else text[:57] + "...'"


def _one_line(err: object) -> str:
    return " ".join(str(err).split())
