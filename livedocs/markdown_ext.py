"""Python-Markdown extension: re-check every live number while the site builds.

In ``mkdocs.yml``::

    markdown_extensions:
      - livedocs.markdown_ext          # or, to stop at the first bad page:
      - livedocs.markdown_ext:
          fail: raise

A preprocessor, registered at priority 25 (after ``normalize_whitespace`` at 30, before
``html_block`` at 20, which would stash the comments away), runs
:func:`livedocs.numbers.check_page` on the page source and returns
:func:`livedocs.numbers.strip_markers` of it: the rendered page shows the numbers, never
the markers or the setup block.

Failures: with ``fail: warn`` (default) each failed check is logged as a WARNING on the
logger ``mkdocs.plugins.livedocs``; ``mkdocs build --strict`` counts warnings of the
``mkdocs`` logger tree and aborts.  With ``fail: raise`` a :class:`LiveNumberError`
carrying every failure stops the conversion.  It is a Markdown extension rather than a
MkDocs plugin so that Zensical, which runs extensions but not plugins, checks too.

Page names in messages: MkDocs registers a ``relpath`` treeprocessor whose ``.file`` is the
page being rendered; we then check the file's own source (front matter included, so line
numbers match the file) and name it ``docs/<src_uri>``.  Outside MkDocs the page is named
by its first ``# `` heading, else ``<page>``.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .numbers import check_page, strip_markers

__all__ = ["LiveNumbersExtension", "LiveNumberError", "makeExtension", "log"]

log = logging.getLogger("mkdocs.plugins.livedocs")
FAIL_MODES = ("warn", "raise")


class LiveNumberError(ValueError):
    """A page has live numbers, equations or undeclared numbers that do not check out."""


class LiveNumbersPreprocessor(Preprocessor):
    """Check the page's live numbers, then hand on the page without markers."""

    def __init__(self, md: Markdown, fail: str) -> None:
        super().__init__(md)
        self.fail = fail

    def page(self, text: str) -> tuple[str, str]:
        """``(source to check, page name)`` for the page being converted."""
        relpath = self.md.treeprocessors["relpath"] if "relpath" in self.md.treeprocessors \
            else None
        file = getattr(relpath, "file", None)
        src_uri = getattr(file, "src_uri", None)
        if file is not None and src_uri:
            try:
                return file.content_string, f"docs/{src_uri}"
            except (OSError, UnicodeDecodeError, AssertionError):
                return text, f"docs/{src_uri}"
        heading = re.search(r"^# (.+?)\s*#*\s*$", text, re.M)
        return text, heading.group(1) if heading else "<page>"

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        source, path = self.page(text)
        failures = check_page(source, path).failures
        if failures and self.fail == "raise":
            raise LiveNumberError("\n".join(c.message for c in failures))
        for check in failures:
            log.warning(check.message)
        return strip_markers(text).split("\n")


class LiveNumbersExtension(Extension):
    """Register the live-numbers preprocessor; config ``fail``: ``"warn"`` | ``"raise"``."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "fail": ["warn", "'warn': log each failed check as a WARNING (mkdocs --strict "
                             "aborts); 'raise': raise LiveNumberError"],
        }
        super().__init__(**kwargs)
        fail = self.getConfig("fail")
        if fail not in FAIL_MODES:
            raise ValueError(f"livedocs.markdown_ext: fail must be one of {FAIL_MODES}, "
                             f"got {fail!r}")

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.preprocessors.register(
            LiveNumbersPreprocessor(md, self.getConfig("fail")), "livedocs", 25
        )


def makeExtension(**kwargs: Any) -> LiveNumbersExtension:  # noqa: N802 (Markdown's API name)
    """Entry point for ``markdown_extensions: [livedocs.markdown_ext]``."""
    return LiveNumbersExtension(**kwargs)
