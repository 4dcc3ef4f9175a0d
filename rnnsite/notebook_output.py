"""Printed output of a notebook page: which lines are prose and which are a table.

A printed line with a run of two or more spaces between its words aligns a column (a
table's row, or a label padded to line up with the next line's): it keeps its line and
the output box scrolls for it. Any other line reads as a sentence and may wrap at its
spaces on a narrow screen: :func:`mark_prose_lines` wraps it in ``<span class="nb-prose">``
(rnnnotes.css sets that span ``white-space: pre-wrap``), and each of its words a browser
could break inside (at a hyphen: ``per-unit``, ``->``) in ``<span class="nb-word">``
(``white-space: nowrap``). Only plain text lines are marked: a line holding markup (an
ANSI colour span) is left as it is.
"""

from __future__ import annotations

import re

__all__ = ["ALIGNED", "is_tabular", "mark_prose_lines"]

ALIGNED = re.compile(r"\S {2,}\S")  # two or more spaces between two words: a column
_WORD = re.compile(r"\S+")
# a character after (or before) which a browser may break a line inside a word: a hyphen
# ("per-unit", "->"), a slash, a bracket... (letters, digits and . , : ; ' " never)
_BREAKS = re.compile(r"[^\w.,:;'\"&]")
_OUTPUT_PRE = re.compile(
    r'(<div class="[^"]*\bjp-OutputArea-output\b[^"]*"[^>]*>\s*<pre>)(.*?)(</pre>)', re.S)


def is_tabular(line: str) -> bool:
    """Whether a printed line aligns a column (leading indentation alone does not)."""
    if not isinstance(line, str):
        raise TypeError(f"is_tabular: a line must be a str, got {type(line).__name__}")
    return ALIGNED.search(line) is not None


def _word(m: re.Match[str]) -> str:
    word = m[0]
    return f'<span class="nb-word">{word}</span>' if _BREAKS.search(word) else word


def _mark(line: str) -> str:
    if not line.strip() or "<" in line or is_tabular(line):
        return line
    return f'<span class="nb-prose">{_WORD.sub(_word, line)}</span>'


def _pre(m: re.Match[str]) -> str:
    return m[1] + "\n".join(_mark(line) for line in m[2].split("\n")) + m[3]


def mark_prose_lines(content: str) -> str:
    """The page body with each prose line of printed output (``jp-OutputArea-output``'s
    ``<pre>``) wrapped in ``<span class="nb-prose">``; tables and code untouched."""
    return _OUTPUT_PRE.sub(_pre, content)
