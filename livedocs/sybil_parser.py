"""Sybil parser: every live-number check of a page becomes one pytest example.

Used from the repository's ``conftest.py``::

    pytest_collect_file = Sybil(
        parsers=[LiveNumberParser(root=ROOT), PythonCodeBlockParser()],
        patterns=["*.md"], path="docs",
    ).pytest()

The parser lays out one :class:`sybil.Region` per :func:`livedocs.numbers.plan_checks`
site (the setup block, each live number, each equation, and the page's audit as an empty
region at the very end), without running any page code.  The first example of a page to
be evaluated runs :func:`livedocs.numbers.check_page` once and caches the report in the
document's namespace; every example then reports *its* check by index.  Both this path and
the Markdown extension therefore run the very same core, and a failure reads exactly as in
``mkdocs build``: ``docs/task1/q1.md:42: live number: written 19,713, computed 19,712 ...``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sybil import Document, Example, Region

from .numbers import PageReport, check_page, plan_checks

__all__ = ["LiveNumberParser"]

# Key of the cached PageReport in the Sybil document namespace (shared with the page's
# Python code blocks, hence the dunder name).
REPORT_KEY = "__livedocs_report__"


@dataclass(frozen=True)
class PlannedCheck:
    """What a region stands for: check number ``index`` of the page named ``path``."""

    index: int
    kind: str
    line: int
    path: str


class LiveNumberParser:
    """A Sybil parser yielding one region per live-number check of a Markdown page.

    ``root``: page paths in messages are relative to it (default: the current directory),
    so a page reads ``docs/task1/q1.md`` as in the site build.
    """

    def __init__(self, root: str | os.PathLike[str] | None = None) -> None:
        self.root = Path(root) if root is not None else None

    def page_path(self, path: str) -> str:
        """``path`` relative to ``root`` (posix), or unchanged if outside it."""
        root = (self.root or Path.cwd()).resolve()
        try:
            return Path(path).resolve().relative_to(root).as_posix()
        except ValueError:
            return path

    def __call__(self, document: Document) -> Iterator[Region]:
        path = self.page_path(document.path)
        for index, site in enumerate(plan_checks(document.text)):
            planned = PlannedCheck(index, site.kind, site.line, path)
            yield Region(site.start, site.end, parsed=planned, evaluator=self.evaluate)

    @staticmethod
    def evaluate(example: Example) -> str | None:
        """Return the check's failure message (Sybil fails the example with it), or None."""
        planned: PlannedCheck = example.parsed
        report = example.namespace.get(REPORT_KEY)
        if not isinstance(report, PageReport) or report.path != planned.path:
            report = check_page(example.document.text, planned.path)
            example.namespace[REPORT_KEY] = report
        check = report.checks[planned.index]
        if check.kind != planned.kind:  # cannot happen while both come from plan_checks
            return f"{planned.path}: livedocs: region {planned.index} planned as "\
                   f"{planned.kind}, checked as {check.kind}"
        return None if check.ok else check.message
