"""Sybil parser: the live-number checks of a page become pytest examples.

Used from the repository's ``conftest.py``::

    pytest_collect_file = Sybil(
        parsers=[LiveNumberParser(root=ROOT), PythonCodeBlockParser()],
        patterns=["*.md"], path="docs",
    ).pytest()

The parser renders the page with the site's Markdown configuration and plans its checks
without running page code (:func:`livedocs.render.render_page` with ``execute=False``).
Each check tied to a marker becomes an example at the marker (so a failure points at its
line); all the others (setup, untied equations, opt-outs, quotes, markup errors and the
audit) become one example at the end of the page.  The first example evaluated renders
the page again with the checks run and caches the report in the document's namespace;
every example reports its own checks.  The messages are the build's, word for word.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sybil import Document, Example, Region

from .markdown_ext import PageReport
from .render import render_page

__all__ = ["LiveNumberParser"]

REPORT_KEY = "__livedocs_report__"


@dataclass(frozen=True)
class PlannedChecks:
    """What a region stands for: the checks ``indices`` of the page ``path``."""

    indices: tuple[int, ...]
    kinds: tuple[str, ...]
    path: str


class LiveNumberParser:
    """A Sybil parser yielding the live-number checks of a Markdown page.

    ``root``: page paths in messages are relative to it (default: the current directory),
    so a page reads ``docs/task-1-1/q1.md`` as in the site build.  ``config_file``: the
    MkDocs config whose Markdown extensions render the page (default: the project's).
    """

    def __init__(self, root: str | os.PathLike[str] | None = None,
                 config_file: str | os.PathLike[str] | None = None) -> None:
        self.root = Path(root) if root is not None else None
        self.config_file = str(config_file) if config_file else None

    def page_path(self, path: str) -> str:
        root = (self.root or Path.cwd()).resolve()
        try:
            return Path(path).resolve().relative_to(root).as_posix()
        except ValueError:
            return path

    def __call__(self, document: Document) -> Iterator[Region]:
        path = self.page_path(document.path)
        text = document.text
        r = render_page(text, path, execute=False, config_file=self.config_file)
        plan = r.plan
        assert plan is not None
        line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        kinds = ["setup"] if plan.setup is not None else []
        kinds += [it.kind for it in plan.items] + ["audit"]
        markers = [None] * (1 if plan.setup is not None else 0)
        markers += [it.marker for it in plan.items] + [None]
        at_marker: dict[int, list[int]] = {}
        rest: list[int] = []
        for index, marker in enumerate(markers):
            if marker is not None and marker < len(plan.markers):
                line = min(plan.markers[marker].line + r.info.offset, len(line_starts)) - 1
                at_marker.setdefault(line_starts[line], []).append(index)
            else:
                rest.append(index)
        for offset, indices in sorted(at_marker.items()):
            yield Region(offset, offset, parsed=PlannedChecks(
                tuple(indices), tuple(kinds[i] for i in indices), path), evaluator=self.evaluate)
        yield Region(len(text), len(text), parsed=PlannedChecks(
            tuple(rest), tuple(kinds[i] for i in rest), path), evaluator=self.evaluate)

    def evaluate(self, example: Example) -> str | None:
        """The failure messages of the region's checks (Sybil fails the example), or None."""
        planned: PlannedChecks = example.parsed
        report = example.namespace.get(REPORT_KEY)
        if not isinstance(report, PageReport) or report.path != planned.path:
            report = render_page(example.document.text, planned.path,
                                 config_file=self.config_file).report
            example.namespace[REPORT_KEY] = report
        assert report is not None
        checks = [report.checks[i] for i in planned.indices]
        if tuple(c.kind for c in checks) != planned.kinds:  # planning and running disagree
            return f"{planned.path}: livedocs: planned {planned.kinds}, ran " \
                   f"{tuple(c.kind for c in checks)}"
        failed = [c.message for c in checks if not c.ok]
        return "\n".join(failed) if failed else None
