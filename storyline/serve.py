"""``storyline serve``: the stored stories as a small local web app.

The pages are the ones ``storyline run`` writes (same templates, same CSP), rendered
live from the store, plus a form to paste or upload reports. Uploads go through the
CLI's own path: saved to a temporary folder and handed to :func:`pipeline.run`, so a
report is read, rejected or grouped exactly as on the command line, and a rejected
input is shown with the same one-line reason. A JSON API gives the stories in the
contract's format (``story.schema.json``); FastAPI documents it at ``/docs``.

Bound to 127.0.0.1 by default: there is no login, so it is a tool for one desk.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartException

from storyline import __version__, ingest
from storyline.models import Rejection, RunReport, Story
from storyline.pipeline import Options, run
from storyline.render_html import render_index_html, render_page, render_story_html
from storyline.render_json import story_to_json
from storyline.store import Store

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
MAX_FILES = 100  # files in one upload
CHUNK = 64 * 1024
PASTED = "pasted text"


class StoryRow(BaseModel):
    """One stored story in the list (no documents loaded)."""

    story_id: str
    slug: str
    title: str | None
    size: int
    last_seen: str | None


@dataclass
class StoryLink:
    title: str
    href: str


@dataclass
class Outcome:
    """What became of one submission, for the page."""

    ok: bool
    headline: str
    line: str = ""
    rejected: list[Rejection] = field(default_factory=list)
    stories: list[StoryLink] = field(default_factory=list)


@dataclass
class FormValues:
    """The pasted fields, sent back when the submission fails so nothing typed is lost."""

    text: str = ""
    title: str = ""
    source: str = ""
    published: str = ""


class BadSubmission(Exception):
    """A submission that cannot be processed at all; carries its HTTP status."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


# --- the app ------------------------------------------------------------------------------


def create_app(db: str | Path | None = None, *, max_bytes: int = ingest.MAX_BYTES,
               options: Options | None = None) -> FastAPI:
    """The web app over the store at ``db`` (same default as the CLI).

    ``max_bytes`` is the per-file limit the CLI applies; the whole request may carry a
    few such files and is refused (413) beyond that before anything is parsed.
    """
    options = options or Options()
    options = replace(options, db=str(db) if db is not None else options.db, quiet=True,
                      max_bytes=max_bytes)
    store = Store(options.db)
    lock = threading.Lock()  # one ingest at a time: the store is updated in place
    max_request = max_bytes * 4 + 1024 * 1024

    app = FastAPI(
        title="storyline", version=__version__,
        description="Stories built from news reports: cited summary, key figures, timeline. "
                    "`/api/stories/{story_id}` returns a story in the format of "
                    "`story.schema.json`, the same JSON `storyline run` writes.",
    )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        """Plain pages for people, JSON for the API; never a stack trace."""
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return HTMLResponse(_message_page(exc.status_code, str(exc.detail)), status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:  # pragma: no cover
        return HTMLResponse(_message_page(500, "Something went wrong on our side."), status_code=500)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> HTMLResponse:
        stories = [s for s, _ in store.stories()]
        links = {s.story_id: story_href(s.story_id) for s in stories}
        return HTMLResponse(render_index_html(stories, links=links, add_href="/add"))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str) -> HTMLResponse:
        return HTMLResponse(render_story_html(_story(store, story_id), home_href="/"))

    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_form() -> HTMLResponse:
        return HTMLResponse(_add_page(None, FormValues(), max_bytes))

    @app.post("/add", response_class=HTMLResponse, include_in_schema=False)
    async def add(request: Request) -> HTMLResponse:
        values = FormValues()
        try:
            if not same_origin(request.headers.get("origin"), request.headers.get("host"),
                               request.headers.get("sec-fetch-site")):
                raise BadSubmission("Reports can only be added from this app's own page.", 403)
            if _content_length(request) > max_request:
                raise BadSubmission(f"The upload is over the {_size(max_request)} limit for "
                                    "one submission; send fewer or smaller files.", 413)
            values, files = await _read_form(request, max_bytes)
            with tempfile.TemporaryDirectory(prefix="storyline-upload-") as tmp:
                inputs = await _save_submission(Path(tmp), values, files, max_bytes)
                outcome = await run_in_threadpool(_ingest, store, options, lock, inputs, Path(tmp))
        except BadSubmission as bad:
            outcome = Outcome(ok=False, headline="Nothing added.", line=str(bad))
            return HTMLResponse(_add_page(outcome, values, max_bytes), status_code=bad.status)
        status = 200 if outcome.ok else 400
        return HTMLResponse(_add_page(outcome, values if not outcome.ok else FormValues(), max_bytes),
                            status_code=status)

    @app.get("/api/stories", response_model=list[StoryRow], tags=["stories"])
    def api_stories() -> list[dict[str, Any]]:
        """Every stored story, latest report first, without its reports."""
        return store.listing()

    @app.get("/api/stories/{story_id}", tags=["stories"], response_model=None,
             responses={200: {"description": "The story (`story.schema.json`)",
                              "content": {"application/json": {"schema": story_schema()}}},
                        404: {"description": "No stored story has this id"}})
    def api_story(story_id: str) -> dict[str, Any]:
        """One story in the contract's format (`story.schema.json`): documents, cited
        summary, update since the previous run, key figures and timeline."""
        return story_to_json(_story(store, story_id))

    return app


def serve(db: str | Path | None = None, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Run the app over ``db`` until interrupted."""
    run_app(create_app(db), host=host, port=port)


def run_app(app: FastAPI, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Serve ``app`` with uvicorn until interrupted (Ctrl-C)."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning")


def same_origin(origin: str | None, host: str | None, fetch_site: str | None = None) -> bool:
    """False when another site's page made the browser post here (a cross-site form).

    Browsers say where a request comes from in ``Sec-Fetch-Site``; older ones only in
    ``Origin`` (which our pages' no-referrer policy turns into "null"). Tools like curl
    send neither and are let through: they act for the person at the keyboard.
    """
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    if origin is None:
        return True
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and bool(host) and parts.netloc == host


def story_schema() -> dict[str, Any]:
    """The contract's JSON Schema, as the API documentation's response schema."""
    text = resources.files("storyline").joinpath("story.schema.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    return {k: v for k, v in schema.items() if not k.startswith("$")}


def story_href(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")


# --- reading a submission -------------------------------------------------------------------


async def _read_form(request: Request, max_bytes: int) -> tuple[FormValues, list[UploadFile]]:
    """The pasted fields and the chosen files; a malformed form is a 400, not a crash."""
    try:
        form = await request.form(max_files=MAX_FILES, max_fields=20, max_part_size=max_bytes + 1)
    except (MultiPartException, StarletteHTTPException) as exc:
        detail = getattr(exc, "detail", None) or getattr(exc, "message", "") or str(exc)
        raise BadSubmission(f"The form could not be read: {detail}.") from exc
    values = FormValues(**{k: _field(form.get(k)) for k in ("text", "title", "source", "published")})
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    if len(values.text.encode("utf-8")) > max_bytes:
        raise BadSubmission(f"The pasted text is over the {_size(max_bytes)} limit.", 413)
    if not values.text and not files:
        raise BadSubmission("Nothing to add: paste a report or choose one or more files.")
    return values, files


def _content_length(request: Request) -> int:
    try:
        return int(request.headers.get("content-length") or 0)
    except ValueError:
        return 0


def _field(value: object) -> str:
    """A text field's value; an uploaded file under a text field's name counts as empty."""
    return value.strip() if isinstance(value, str) else ""


async def _save_submission(folder: Path, values: FormValues, files: Sequence[UploadFile],
                           max_bytes: int) -> list[Path]:
    """Write the pasted text and the uploads as files the CLI's readers take."""
    inputs: list[Path] = []
    if values.text.strip():
        inputs.append(_save_pasted(folder, values))
    taken: set[str] = {p.name for p in inputs}
    for upload in files:
        name = _unique(safe_file_name(upload.filename or "upload"), taken)
        path = folder / name
        await _copy_capped(upload, path, max_bytes)
        if not name.endswith(ingest.SIDECAR):
            inputs.append(path)
    if not inputs:
        raise BadSubmission("Only metadata files (NAME.meta.json) were chosen; choose the "
                            "reports they describe with them.")
    return inputs


def _save_pasted(folder: Path, values: FormValues) -> Path:
    """Pasted text as NAME.txt, named by its content so a second paste is not a new report."""
    digest = hashlib.sha256(values.text.strip().encode("utf-8")).hexdigest()[:12]
    path = folder / f"pasted-{digest}.txt"
    path.write_text(values.text, encoding="utf-8")
    meta = {k: v for k, v in (("title", values.title), ("source", values.source),
                              ("published", values.published)) if v}
    if meta:
        (folder / f"pasted-{digest}{ingest.SIDECAR}").write_text(json.dumps(meta), encoding="utf-8")
    return path


async def _copy_capped(upload: UploadFile, path: Path, max_bytes: int) -> None:
    """Copy at most one byte over the limit: the reader then rejects it with its own reason."""
    written = 0
    with path.open("wb") as out:
        while written <= max_bytes:
            chunk = await upload.read(min(CHUNK, max_bytes + 1 - written))
            if not chunk:
                break
            out.write(chunk)
            written += len(chunk)


def safe_file_name(name: str) -> str:
    """A browser-given file name reduced to a plain name in the upload folder.

    Folders are dropped (no ``../``), odd characters become ``_`` and leading dots go,
    so the file can neither escape the folder nor hide from the reader.
    """
    base = re.split(r"[\\/]", name)[-1]
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).lstrip(".")
    return base[:150] or "upload"


def _unique(name: str, taken: set[str]) -> str:
    stem, dot, suffix = name.partition(".")
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}{dot}{suffix}"
    taken.add(candidate)
    return candidate


# --- ingesting ------------------------------------------------------------------------------


def _ingest(store: Store, options: Options, lock: threading.Lock, inputs: Sequence[Path],
            folder: Path) -> Outcome:
    """Run the pipeline on the saved inputs; say which stories changed and what was refused."""
    with lock:
        before = {r["story_id"]: r["size"] for r in store.listing()}
        with tempfile.TemporaryDirectory(prefix="storyline-out-") as out:
            try:
                report = run(list(inputs), out, options)
            except ValueError as exc:  # the store or the options: one clear line
                raise BadSubmission(f"The reports could not be stored: {exc}", 400) from exc
        after = store.listing()
    changed = [StoryLink(r["title"] or r["story_id"], story_href(r["story_id"]))
               for r in after if before.get(r["story_id"]) != r["size"]]
    rejected = [Rejection(_shown_origin(r.origin, folder), r.reason) for r in report.rejected]
    return _outcome(report, rejected, changed)


def _outcome(report: RunReport, rejected: list[Rejection], changed: list[StoryLink]) -> Outcome:
    used = report.processed + report.duplicates + report.unchanged
    if not used:
        return Outcome(False, "Nothing added.", _line(report), rejected)
    headline = "Added." if report.processed or report.duplicates else "Already stored."
    return Outcome(True, headline, _line(report), rejected, changed)


def _line(report: RunReport) -> str:
    parts = [f"{report.read} read", f"{report.processed} new", f"{report.duplicates} copies",
             f"{report.unchanged} already stored", f"{len(report.rejected)} not used"]
    return ", ".join(parts) + "."


def _shown_origin(origin: str, folder: Path) -> str:
    """The name the user gave, not the temporary path; pasted text is called so."""
    shown = origin
    for prefix in (str(folder) + "/", str(folder.resolve()) + "/"):
        shown = shown.replace(prefix, "")
    return re.sub(r"^pasted-[0-9a-f]{12}\.txt", PASTED, shown)


# --- pages ----------------------------------------------------------------------------------


def _story(store: Store, story_id: str) -> Story:
    for story, _ in store.stories(with_documents=False):
        if story.story_id == story_id:
            story.documents = store.documents(story_id)
            return story
    raise HTTPException(status_code=404, detail=f"No story with id {story_id!r}.")


def _add_page(outcome: Outcome | None, values: FormValues, max_bytes: int) -> str:
    return render_page("add.html", script_file="add.js", allow_forms=True, outcome=outcome,
                       values=values, action="/add", home_href="/", limit=_size(max_bytes))


def _message_page(status: int, message: str) -> str:
    """An error page in the app's style (add.js does nothing on a page without the form)."""
    return render_page("message.html", script_file="add.js", status=status, message=message,
                       home_href="/")


def _size(n: int) -> str:
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"
