"""Live numbers: every number a reader sees is computed by ``rnnnotes``, or checked.

This module is the public face of the checker; the README's "Writing a page" is its
user guide.  Both ``pytest`` (through :mod:`livedocs.sybil_parser`) and ``mkdocs build``
(through :mod:`livedocs.markdown_ext`) render each page with the site's own Markdown
configuration and check what it renders to, so the two accept and reject the same pages.

Checks of a page, in order: ``setup`` (the setup block ran), then in page order ``live``
(a marker ties a number), ``equation`` (a math relation chain holds and is tied),
``notation`` (an explicit opt-out), ``quote`` (the student's verbatim answer matches the
seed) and ``markup`` (anything the checker cannot read: always a failure), and last exactly
one ``audit`` (every other number a reader sees is a given).
"""

from __future__ import annotations

from ._format import format_number
from ._run import Check
from .markdown_ext import PageReport
from .render import render_page

__all__ = ["format_number", "Check", "PageReport", "check_page", "plan_checks"]


def check_page(text: str, path: str, *, config_file: str | None = None) -> PageReport:
    """Render a page's file content with the site's configuration and run every check.

    ``path`` names the page in messages (``docs/task-1-1/q1.md``).
    """
    report = render_page(text, path, config_file=config_file).report
    assert report is not None
    return report


def plan_checks(text: str, path: str = "<page>", *,
                config_file: str | None = None) -> list[tuple[str, int, int | None]]:
    """``(kind, line, marker)`` of each check of a page, without running any page code."""
    r = render_page(text, path, execute=False, config_file=config_file)
    assert r.plan is not None
    out = [("setup", r.plan.setup_line + r.info.offset, None)] if r.plan.setup else []
    out += [(it.kind, it.line + r.info.offset, it.marker) for it in r.plan.items]
    return out + [("audit", 0, None)]
