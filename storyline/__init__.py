"""storyline: news reports in, stories a reader can trust out.

The Python API mirrors the CLI::

    from storyline import run, summarize_inputs, Options, to_markdown
    report = run(["samples/seeds"], "out", db="out/storyline.sqlite")
    story, _ = summarize_inputs(["a.txt", "b.html"], words=100, focus="hostages")
    print(to_markdown(story))
    story, _ = summarize_inputs([{"text": "...", "title": "...", "published": "2026-11-14"}])

Inputs are paths (files, folders), "-" for standard input, or reports given as dicts shaped
like a JSON Lines record (id, text or html, title, published, source, url).

Importing the package loads nothing heavy: spaCy and the encoder load on the first call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Options", "run", "summarize_inputs", "group_inputs", "to_json", "to_dict", "to_markdown",
           "to_html", "Story", "SummarySentence", "Citation", "Figure", "FigureValue", "TimelineEntry",
           "Document", "RunReport", "Rejection", "__version__"]

# result types, importable from the package (``from storyline import Story``); loaded on first use
_MODEL_TYPES = {"Story", "SummarySentence", "Citation", "Figure", "FigureValue", "TimelineEntry",
                "Document", "RunReport", "Rejection"}

if TYPE_CHECKING:
    from storyline.models import RunReport, Story
    from storyline.pipeline import Options


def run(inputs: Any, out_dir: Any, options: Options | None = None, **keywords: Any) -> RunReport:
    """Ingest ``inputs`` (files, folders) into the store, update their stories and write
    ``out_dir``/index.html and each story's .json/.md/.html; as ``storyline run``.
    Options come as an :class:`Options` or as its fields by keyword (``db=``, ``words=``...)."""
    from storyline import pipeline

    return pipeline.run(inputs, out_dir, options, **keywords)


def summarize_inputs(inputs: Any, options: Options | None = None, **keywords: Any) -> tuple[Story, RunReport]:
    """All ``inputs`` as one story, analysed without a store (``since=`` earlier reports for an
    update); as ``storyline summarize``."""
    from storyline import pipeline

    story, report = pipeline.summarize_inputs(inputs, options, **keywords)
    if not story.documents:
        reasons = "; ".join(str(r) for r in report.rejected[:3]) or "no input given"
        raise ValueError(f"nothing to summarize: no input could be read ({reasons})")
    return story, report


def group_inputs(inputs: Any, options: Options | None = None, **keywords: Any) -> tuple[dict[str, str], RunReport]:
    """The story id of every report, without analysis; as ``storyline group``."""
    from storyline import pipeline

    return pipeline.group_inputs(inputs, options, **keywords)


def to_json(story: Story) -> str:
    """The story as JSON in the contract's shape (``storyline/story.schema.json``)."""
    from storyline.render_json import dumps

    return dumps(story)


def to_dict(story: Story) -> dict:
    """The story as plain data in the contract's shape (what ``to_json`` writes), e.g. for pandas."""
    from storyline.render_json import story_to_json

    return story_to_json(story)


def to_markdown(story: Story) -> str:
    """The story as Markdown: summary with numbered sources, key figures, timeline, sources."""
    from storyline.render_md import render_markdown

    return render_markdown(story)


def to_html(story: Story) -> str:
    """The story as one self-contained HTML page with its charts."""
    from storyline.render_html import render_story_html

    return render_story_html(story)


def __getattr__(name: str) -> Any:
    # Lazy: importing the package must not load spaCy or trafilatura.
    if name == "Options":
        from storyline.pipeline import Options

        return Options
    if name in _MODEL_TYPES:
        from storyline import models

        return getattr(models, name)
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")
