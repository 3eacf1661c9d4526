"""Where reports and stories live between runs.

An embedded SQLite file by default; any SQLAlchemy URL (``postgresql+psycopg://...``)
selects another backend with no change for the caller, as datasketch picks its storage
by configuration. Documents are kept with their annotations so a new run only parses
what is new, and with their sentence embedding (float32 bytes in a column of their own,
tagged with the model that made it) so a new run never encodes a stored report again.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from sqlalchemy import (Column, Integer, LargeBinary, MetaData, String, Table, Text, create_engine,
                        delete, inspect, select, text, update)
from sqlalchemy.engine import Engine, make_url

from storyline.models import Document, Story, from_dict, to_dict

DEFAULT_DB = "storyline.sqlite"

metadata = MetaData()

documents_table = Table(
    "documents", metadata,
    Column("doc_id", String(512), primary_key=True),
    Column("content_hash", String(64), nullable=False),
    Column("story_id", String(64), index=True),
    Column("duplicate_of", String(512)),
    Column("published", String(40)),
    Column("added_at", String(40), nullable=False),
    Column("data", Text, nullable=False),
    Column("embedding", LargeBinary),  # float32 bytes; NULL when no encoder ran
    Column("embedding_model", String(200)),
)

# columns added after the first release: a store written before them gains them on open
ADDED_COLUMNS = {"documents": ("embedding", "embedding_model")}

stories_table = Table(
    "stories", metadata,
    Column("story_id", String(64), primary_key=True),
    Column("slug", String(200), nullable=False),
    Column("title", Text),
    Column("size", Integer, nullable=False, default=0),
    Column("last_seen", String(40)),
    Column("updated_at", String(40)),
    Column("seen_doc_ids", Text),  # JSON list: reports covered by the previous analysis
    Column("data", Text),  # the analysed story (summary, figures, timeline), JSON
)


def database_url(db: str | Path | None) -> str:
    """A path (or None for the default file) or an SQLAlchemy URL -> URL."""
    if db is None:
        db = DEFAULT_DB
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser()}"


def store_identity(db: str | Path | None) -> str:
    """The store one can tell apart from others: an SQLite file's full path, a server's URL
    without its password."""
    files = database_files(db)
    return str(files[0].resolve()) if files else _shown(db)


def store_missing(db: str | Path | None) -> bool:
    """An SQLite store whose file does not exist (a server store is never 'missing' here)."""
    files = database_files(db)
    return bool(files) and not files[0].exists()


def database_files(db: str | Path | None) -> list[Path]:
    """The files an SQLite store writes (the database and its journals); none for a server."""
    url = database_url(db)
    if not url.startswith("sqlite:///"):
        return []
    path = Path(url[len("sqlite:///"):])
    return [path] + [path.with_name(path.name + suffix) for suffix in ("-journal", "-wal", "-shm")]


def open_error(db: str | Path | None, exc: Exception) -> str:
    """One line a user can act on, without SQLAlchemy's SQL echo, links or a password."""
    shown = _shown(db)
    reason = str(getattr(exc, "orig", None) or exc).strip()
    if "file is not a database" in reason:
        return f"{shown}: not a storyline database (the file is not SQLite)"
    if isinstance(exc, ModuleNotFoundError):
        return f"cannot open store {shown}: its database driver is not installed ({reason})"
    first = reason.splitlines()[0] if reason else type(exc).__name__
    first = re.sub(r"^\([\w.]+\)\s*", "", first)
    return f"cannot open store {shown}: {first}"


def _shown(db: str | Path | None) -> str:
    """The store as the user named it, with any password in a URL masked."""
    text = str(db if db is not None else DEFAULT_DB)
    if "://" not in text:
        return text
    try:
        return make_url(text).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy can read: show no credentials at all
        return re.sub(r"//[^@/]*@", "//***@", text)


class Store:
    """Documents, their story assignments and the analysed stories."""

    def __init__(self, db: str | Path | None = None) -> None:
        url = database_url(db)
        if url.startswith("sqlite:///"):
            path = Path(url[len("sqlite:///"):])
            if path.parent and not path.parent.exists():
                raise ValueError(f"{path}: folder for the database does not exist")
            if path.is_dir():
                raise ValueError(f"{path}: is a folder, not a database file")
        try:
            self.engine: Engine = create_engine(url)
            metadata.create_all(self.engine)
            self._add_missing_columns()
        except Exception as exc:  # surface driver errors as one clear line
            raise ValueError(open_error(db, exc)) from exc

    def _add_missing_columns(self) -> None:
        """An older store file opens as it is, with the newer columns added (empty)."""
        inspector = inspect(self.engine)
        for table_name, names in ADDED_COLUMNS.items():
            present = {c["name"] for c in inspector.get_columns(table_name)}
            table = metadata.tables[table_name]
            with self.engine.begin() as conn:
                for name in names:
                    if name not in present:
                        kind = table.c[name].type.compile(dialect=self.engine.dialect)
                        conn.execute(text(f"ALTER TABLE {table_name} ADD COLUMN {name} {kind}"))

    # --- documents ---------------------------------------------------------

    def content_hashes(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(documents_table.c.doc_id, documents_table.c.content_hash))
            return {r.doc_id: r.content_hash for r in rows}

    def origins(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        """Where stored reports were read from (file, line or item), by id: these ``ids``, or all."""
        if ids is not None:
            return {doc_id: data.get("origin", "") for doc_id, data in self._data(ids).items()}
        with self.engine.connect() as conn:
            rows = conn.execute(select(documents_table.c.doc_id, documents_table.c.data))
            return {r.doc_id: json.loads(r.data).get("origin", "") for r in rows}

    def page_fields(self, ids: Iterable[str]) -> dict[str, tuple]:
        """What each of these stored reports' page said besides its text (date, outlet, title,
        address): a report whose metadata was corrected is new again even if its text is not."""
        return {doc_id: (_page_published(data), data.get("source"), data.get("title"), data.get("url"))
                for doc_id, data in self._data(ids).items()}

    def _data(self, ids: Iterable[str]) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for chunk in _chunks(list(ids), 500):  # bounded IN lists
            query = select(documents_table.c.doc_id, documents_table.c.data).where(
                documents_table.c.doc_id.in_(chunk))
            with self.engine.connect() as conn:
                out.update((r.doc_id, json.loads(r.data)) for r in conn.execute(query))
        return out

    def assignments(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(documents_table.c.doc_id, documents_table.c.story_id))
            return {r.doc_id: r.story_id for r in rows}

    def put_documents(self, docs: Sequence[Document], story_of: dict[str, str],
                      embedding_model: str | None = None) -> None:
        """Store reports (replacing same ids); ``embedding_model`` names the encoder of their vectors."""
        now = _now()
        with self.engine.begin() as conn:
            ids = [d.doc_id for d in docs]
            if ids:
                for chunk in _chunks(ids, 500):
                    conn.execute(delete(documents_table).where(documents_table.c.doc_id.in_(chunk)))
                conn.execute(documents_table.insert(), [
                    {
                        "doc_id": d.doc_id, "content_hash": d.content_hash,
                        "story_id": story_of.get(d.doc_id), "duplicate_of": d.duplicate_of,
                        "published": d.published.isoformat() if d.published else None,
                        "added_at": now, "data": json.dumps(_json_data(d)),
                        "embedding": _vector_bytes(d.embedding),
                        "embedding_model": embedding_model if d.embedding is not None else None,
                    }
                    for d in docs
                ])

    def documents(self, story_id: str | None = None, *,
                  embedding_model: str | None = None) -> list[Document]:
        """Stored reports; with ``embedding_model``, each carries its vector if that model made it."""
        cols = [documents_table.c.data]
        if embedding_model:  # vectors are read only by the grouping that asks for them
            cols += [documents_table.c.embedding, documents_table.c.embedding_model]
        query = select(*cols)
        if story_id is not None:
            query = query.where(documents_table.c.story_id == story_id)
        out = []
        with self.engine.connect() as conn:
            for r in conn.execute(query):
                doc = from_dict(Document, json.loads(r.data))
                if embedding_model and r.embedding is not None and r.embedding_model == embedding_model:
                    doc.embedding = np.frombuffer(r.embedding, dtype=np.float32).copy()
                out.append(doc)
        return out

    def put_embeddings(self, docs: Sequence[Document], embedding_model: str) -> None:
        """Keep vectors computed for reports stored without one (a store from before the encoder)."""
        with self.engine.begin() as conn:
            for d in docs:
                if d.embedding is not None:
                    conn.execute(update(documents_table).where(documents_table.c.doc_id == d.doc_id)
                                 .values(embedding=_vector_bytes(d.embedding), embedding_model=embedding_model))

    def move_stories(self, moves: dict[str, str]) -> None:
        """Reassign every report of story A to story B (after a merge)."""
        with self.engine.begin() as conn:
            for old, new in moves.items():
                conn.execute(update(documents_table).where(documents_table.c.story_id == old)
                             .values(story_id=new))
                conn.execute(delete(stories_table).where(stories_table.c.story_id == old))

    def drop_empty_stories(self, story_ids: set[str]) -> None:
        """Forget stories none of whose reports is left in them (all moved or replaced)."""
        if not story_ids:
            return
        with self.engine.begin() as conn:
            held = {r.story_id for r in conn.execute(
                select(documents_table.c.story_id).where(documents_table.c.story_id.in_(list(story_ids))))}
            gone = list(story_ids - held)
            if gone:
                conn.execute(delete(stories_table).where(stories_table.c.story_id.in_(gone)))

    # --- stories -----------------------------------------------------------

    def story_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(documents_table.c.story_id).distinct())
            return sorted(r.story_id for r in rows if r.story_id)

    def slug(self, story_id: str) -> str | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(stories_table.c.slug)
                               .where(stories_table.c.story_id == story_id)).first()
            return row.slug if row else None

    def seen_doc_ids(self, story_id: str) -> set[str]:
        with self.engine.connect() as conn:
            row = conn.execute(select(stories_table.c.seen_doc_ids)
                               .where(stories_table.c.story_id == story_id)).first()
            return set(json.loads(row.seen_doc_ids)) if row and row.seen_doc_ids else set()

    def put_story(self, story: Story, slug: str, analysis: dict | None = None) -> None:
        """Store an analysed story; ``analysis`` records the options it was analysed with."""
        data = to_dict(story)
        data.pop("documents")
        data["doc_order"] = [d.doc_id for d in story.documents]
        data["analysis"] = analysis
        row = {
            "story_id": story.story_id, "slug": slug, "title": story.title,
            "size": len(story.documents),
            "last_seen": story.last_seen.isoformat() if story.last_seen else None,
            "updated_at": _now(),
            "seen_doc_ids": json.dumps(sorted(d.doc_id for d in story.documents)),
            "data": json.dumps(data),
        }
        with self.engine.begin() as conn:
            conn.execute(delete(stories_table).where(stories_table.c.story_id == story.story_id))
            conn.execute(stories_table.insert(), [row])

    def clear_updates(self, keep: set[str]) -> None:
        """Empty "new since the last run" of every story but ``keep`` (those a run changed):
        a story the last run left alone has nothing new, whichever way the run came."""
        with self.engine.begin() as conn:
            rows = conn.execute(select(stories_table.c.story_id, stories_table.c.data)).all()
            for row in rows:
                data = json.loads(row.data) if row.data else {}
                if row.story_id in keep or not data.get("update"):
                    continue
                data["update"] = []
                conn.execute(update(stories_table).where(stories_table.c.story_id == row.story_id)
                             .values(data=json.dumps(data)))

    def analysis_options(self) -> dict[str, dict | None]:
        """For each stored story, the options it was analysed with (None: not recorded)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(stories_table.c.story_id, stories_table.c.data))
            return {r.story_id: json.loads(r.data).get("analysis") if r.data else None for r in rows}

    def listing(self) -> list[dict]:
        """One row per story (no documents loaded), latest report first."""
        cols = [stories_table.c.story_id, stories_table.c.slug, stories_table.c.title,
                stories_table.c.size, stories_table.c.last_seen, stories_table.c.updated_at]
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(select(*cols))]
        return sorted(rows, key=lambda r: r["last_seen"] or "", reverse=True)

    def stories(self, *, with_documents: bool = True) -> list[tuple[Story, str]]:
        """Every analysed story with its slug, latest report first."""
        with self.engine.connect() as conn:
            rows = list(conn.execute(select(stories_table)))
        members: dict[str, list[Document]] = defaultdict(list)
        if with_documents:  # one query for all stories, not one per story
            query = select(documents_table.c.story_id, documents_table.c.data)
            with self.engine.connect() as conn:
                for r in conn.execute(query):
                    members[r.story_id].append(from_dict(Document, json.loads(r.data)))
        out = []
        for r in rows:
            data = json.loads(r.data)
            data["documents"] = []
            story = from_dict(Story, data)
            story.documents = _in_order(members.get(r.story_id, []), data.get("doc_order"))
            out.append((story, r.slug))
        out.sort(key=lambda x: (x[0].last_seen is None, -(x[0].last_seen.timestamp() if x[0].last_seen else 0)))
        return out


def _json_data(doc: Document) -> dict:
    """The report as JSON, without its vector (kept as bytes in its own column)."""
    data = to_dict(replace(doc, embedding=None))
    data.pop("embedding", None)
    return data


def _vector_bytes(vector: np.ndarray | None) -> bytes | None:
    return None if vector is None else np.asarray(vector, dtype=np.float32).tobytes()


def _in_order(docs: list[Document], order: list[str] | None) -> list[Document]:
    """Documents in the order the analysis put them (sources are numbered by it)."""
    if not order:
        return docs
    rank = {doc_id: i for i, doc_id in enumerate(order)}
    return sorted(docs, key=lambda d: rank.get(d.doc_id, len(rank)))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _page_published(data: dict) -> str | None:
    """The stored publication time as the report gave it (a date inferred from its story is not)."""
    inferred = (data.get("metadata") or {}).get("published_from") == "story"
    return None if inferred else data.get("published")


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
