"""Sybil parser: the live-number checks of a page become pytest examples.

Used from the repository's ``conftest.py``::

    pytest_collect_file = Sybil(
        parsers=[LiveNumberParser(root=ROOT)], patterns=["*.md"], path="docs",
    ).pytest()

The parser checks the page once, as the build does (:func:`livedocs.render.render_page`,
which goes through :func:`livedocs.pipeline.check`; once per process, through
:func:`livedocs.memo.rendered`, which other tests of the same page share), and turns the
report into examples:
the checks tied to a marker become an example at the marker's line (so a failure points
at it); all the others (setup, untied equations, opt-outs, quotes, markup errors and the
audit) one example at the end of the page.  The messages are the build's, word for word.

``transform`` maps a file's text to the page to check (a notebook's source to its
markdown cells, say).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sybil import Document, Example, Region

from .memo import rendered
from .report import Check, Kind

__all__ = ["LiveNumberParser"]


@dataclass(frozen=True)
class Checks:
    """What a region stands for: some checks of the page ``path``."""

    checks: tuple[Check, ...]
    path: str

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(str(c.kind) for c in self.checks)


class LiveNumberParser:
    """A Sybil parser yielding the live-number checks of a Markdown page.

    ``root``: page paths in messages are relative to it (default: the current directory),
    so a page reads ``docs/task-1-1/q1.md`` as in the site build.  ``config_file``: the
    MkDocs config whose Markdown extensions render the page (default: the project's).
    """

    def __init__(self, root: str | os.PathLike[str] | None = None,
                 config_file: str | os.PathLike[str] | None = None,
                 transform: Callable[[str], str] | None = None) -> None:
        self.root = Path(root) if root is not None else None
        self.config_file = str(config_file) if config_file else None
        self.transform = transform

    def page_path(self, path: str) -> str:
        root = (self.root or Path.cwd()).resolve()
        try:
            return Path(path).resolve().relative_to(root).as_posix()
        except ValueError:
            return path

    def __call__(self, document: Document) -> Iterator[Region]:
        path = self.page_path(document.path)
        text = document.text
        page = self.transform(text) if self.transform else text
        report = rendered(page, path, config_file=self.config_file).report
        line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        at_line: dict[int, list[Check]] = {}
        rest: list[Check] = []
        for c in report.checks:
            if (c.marker is not None or c.kind == Kind.DOCTEST) and 1 <= c.line <= len(line_starts):
                at_line.setdefault(line_starts[c.line - 1], []).append(c)
            else:
                rest.append(c)
        for offset, checks in sorted(at_line.items()):
            yield Region(offset, offset, parsed=Checks(tuple(checks), path),
                         evaluator=self.evaluate)
        yield Region(len(text), len(text), parsed=Checks(tuple(rest), path),
                     evaluator=self.evaluate)

    def evaluate(self, example: Example) -> str | None:
        """The failure messages of the region's checks (Sybil fails the example), or None."""
        failed = [c.message for c in example.parsed.checks if not c.ok]
        return "\n".join(failed) if failed else None
