"""Private-use characters that carry the markers through Python-Markdown.

Before a page is rendered, every ``<!--= EXPR -->`` marker is replaced by one character of
Unicode's Supplementary Private Use Area-A (``U+F0000 + k`` for the ``k``-th marker), and
every ``<!--notation-->`` opt-out by ``U+F8000 + k``.  Python-Markdown passes such
characters through untouched wherever they stand (text, emphasis, tables, link titles, alt
text, math, code), so the rendered HTML shows exactly where each marker ended up; the
checker then reads the number right before it *as the reader will see it*.

Two more characters delimit text that the site generates from a checked source (citations
and the reference list from the bibliography, docstrings rendered by mkdocstrings): the
audit skips what lies between them.

A page may not contain any private-use character itself (it could forge these), so
:func:`private_use` finds them for an error message.
"""

from __future__ import annotations

import re

__all__ = [
    "MARKER_BASE", "NOTATION_BASE", "EXEMPT_OPEN", "EXEMPT_CLOSE", "MAX_MARKERS",
    "marker_char", "notation_char", "marker_index", "notation_index", "ANY_MARK",
    "private_use", "strip_marks", "PLACEHOLDERS", "PLACEHOLDER", "BIBLIOGRAPHY", "PAGE_END",
    "EXEMPT_MARKS", "drop_placeholders",
]

MARKER_BASE = 0xF0000
NOTATION_BASE = 0xF8000
MAX_MARKERS = 0x8000
EXEMPT_OPEN = "\U0010FFF0"
EXEMPT_CLOSE = "\U0010FFF1"
EXEMPT_MARKS = EXEMPT_OPEN + EXEMPT_CLOSE
# ``<!-- bibliography -->`` alone on its lines, while the page renders.
BIBLIOGRAPHY = "\U0010FFF2"
# The last paragraph of every page while it renders: postprocessors also run on fragments
# (a heading, for the table of contents); only the page itself ends with this.
PAGE_END = "\U0010FFF3"
# A character class (for building patterns) matching a marker's or an opt-out's placeholder.
PLACEHOLDERS = "\U000F0000-\U000FFFFD"
PLACEHOLDER = re.compile(f"[{PLACEHOLDERS}]")

# Every private-use code point: the BMP area and both supplementary areas.
_PRIVATE = re.compile("[\ue000-\uf8ff\U000F0000-\U000FFFFD\U00100000-\U0010FFFD]")
ANY_MARK = re.compile(f"[{PLACEHOLDERS}{EXEMPT_MARKS}{BIBLIOGRAPHY}{PAGE_END}]")


def marker_char(k: int) -> str:
    return chr(MARKER_BASE + k)


def notation_char(k: int) -> str:
    return chr(NOTATION_BASE + k)


def marker_index(ch: str) -> int | None:
    """``k`` if ``ch`` stands for the ``k``-th marker, else ``None``."""
    k = ord(ch) - MARKER_BASE
    return k if 0 <= k < MAX_MARKERS else None


def notation_index(ch: str) -> int | None:
    k = ord(ch) - NOTATION_BASE
    return k if 0 <= k < MAX_MARKERS else None


def private_use(text: str) -> list[int]:
    """Offsets of private-use characters in ``text`` (a page may not contain any)."""
    return [m.start() for m in _PRIVATE.finditer(text)]


def strip_marks(text: str) -> str:
    """``text`` without any marker, opt-out or exemption character."""
    return ANY_MARK.sub("", text)


def drop_placeholders(text: str, by: str = "") -> str:
    """``text`` with each marker and opt-out placeholder replaced by ``by``."""
    return PLACEHOLDER.sub(by, text)
