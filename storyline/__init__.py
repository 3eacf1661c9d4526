"""storyline: news reports in, stories a reader can trust out.

The Python API mirrors the CLI::

    from storyline import run, summarize_inputs, Options
    report = run(["samples/seeds"], "out", db="out/storyline.sqlite")
    story, _ = summarize_inputs(["a.txt", "b.html"], words=100, focus="hostages")
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Options", "run", "summarize_inputs", "group_inputs", "__version__"]


def __getattr__(name: str):
    # Lazy: importing the package must not load spaCy or trafilatura.
    if name in {"Options", "run", "summarize_inputs", "group_inputs"}:
        from storyline import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")
