"""Live numbers: every number a reader sees is computed, or checked.

This module is the public face of the checker for callers that hold a page's text; the
README's "Writing a page" is its user guide.  Both ``pytest`` (through
:mod:`livedocs.sybil_parser`) and ``mkdocs build`` (through :mod:`livedocs.markdown_ext`)
render each page with the site's own Markdown configuration and check what it renders to
with :func:`livedocs.pipeline.check`, so the two accept and reject the same pages.
"""

from __future__ import annotations

from .checker.format import format_number
from .render import render_page
from .report import Check, Kind, PageReport

__all__ = ["format_number", "Check", "Kind", "PageReport", "check_page"]


def check_page(text: str, path: str, *, config_file: str | None = None) -> PageReport:
    """Render a page's file content with the site's configuration and run every check.

    ``path`` names the page in messages (``docs/task-1-1/q1.md``).
    """
    return render_page(text, path, config_file=config_file).report
