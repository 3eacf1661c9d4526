"""Fixtures shared by several test modules."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from spacy.language import Language

from storyline.nlp import load_nlp
from storyline.store import metadata

POSTGRES = os.environ.get("STORYLINE_TEST_POSTGRES")  # an SQLAlchemy URL; .ci/run starts a server


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store URL: each test on SQLite, and on PostgreSQL when a test server is given."""
    if request.param == "sqlite":
        return str(tmp_path / "s.sqlite")
    if not POSTGRES:
        pytest.skip("set STORYLINE_TEST_POSTGRES to a PostgreSQL URL to test that backend")
    engine = create_engine(POSTGRES)
    metadata.drop_all(engine)  # every test starts from an empty database
    engine.dispose()
    return POSTGRES


@pytest.fixture(scope="session")
def nlp() -> Language:
    """spaCy's pipeline, loaded once for every test that parses text."""
    return load_nlp()
