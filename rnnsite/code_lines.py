"""Code that wraps instead of scrolling, each wrapped line set in under its own start.

A block of code (an answer page's doctest, the command line's examples and output, a
notebook's code cell, the citation's BibTeX) is cut off at the right edge of a phone, and a
reader does not find what scrolls sideways. :func:`hang_lines` wraps each line of a block's
``<pre>`` in ``<span class="rn-line">`` (``docs/assets/rnnnotes.css`` sets it as an inline
block the width of the box, wrapping at spaces with a hanging indent), and gives a line that
starts indented (or after a ``>>>``, ``...`` or ``$`` prompt) its start as ``--rn-indent``:
its continuation lines are set in two characters further than its code, never back at the
left edge, where they would read as new lines.

The newlines stay between the spans, so the text of the block (what the copy buttons copy,
what a reader selects) is unchanged. Pygments closes its spans at the end of every line,
so a line is whole HTML; a block whose lines are not (a span open across a line end) is
left as it is.
"""

from __future__ import annotations

import html
import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

__all__ = ["LINE", "hang_lines", "line_start"]

LINE = "rn-line"
_TAG = re.compile(r"<[^>]*>")
_PROMPT = re.compile(r"(?:>>> |\.\.\. |\$ )?[ \t]*")
# A <pre> of code: Material's and nbconvert's (<pre><span></span><code>…</code></pre>, or the
# code straight in the <pre>), the citation's (<pre class="…"><code class="…">).
_PRE = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?(?:<code\b[^>]*>)?)(.*?)((?:</code>)?</pre>)",
                  re.S)


def line_start(line_html: str) -> int:
    """The column at which a line's code starts: after its indentation, and after a
    doctest or shell prompt (``>>> ``, ``... ``, ``$ ``) and the indentation after it."""
    if not isinstance(line_html, str):
        raise TypeError(f"line_start: a line must be a str, got {type(line_html).__name__}")
    text = html.unescape(_TAG.sub("", line_html)).expandtabs(4)
    return _PROMPT.match(text).end()


def _balanced(line: str) -> bool:
    opened = len(re.findall(r"<span\b", line))
    return opened == line.count("</span>")


def _line(line: str) -> str:
    if not _TAG.sub("", line).strip():
        return line  # an empty line stays a bare newline
    start = line_start(line)
    style = f' style="--rn-indent:{start}ch"' if start else ""
    return f'<span class="{LINE}"{style}>{line}</span>'


def _block(m: re.Match[str]) -> str:
    body = m[2]
    if f'class="{LINE}"' in body:
        return m[0]  # done already
    lines = body.split("\n")
    if not all(_balanced(line) for line in lines):
        return m[0]
    head = m[1]
    if "<code" not in head:  # nbconvert's empty span, a sibling of the lines: not their first
        head = head.replace("<span></span>", "")
    return head + "\n".join(_line(line) for line in lines) + m[3]


def hang_lines(content: str) -> str:
    """``content`` (HTML) with each line of every ``<pre>`` block in a ``rn-line`` span."""
    if not isinstance(content, str):
        raise TypeError(f"hang_lines: HTML must be a str, got {type(content).__name__}")
    return _PRE.sub(_block, content)


class _Lines(Postprocessor):
    def run(self, text: str) -> str:
        return hang_lines(text)


class CodeLinesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        # after the raw HTML (the highlighted code) is restored (30) and the live numbers'
        # reproduce boxes are written (25)
        md.postprocessors.register(_Lines(md), "rnnsite_code_lines", 3)


def makeExtension(**kwargs: object) -> CodeLinesExtension:  # noqa: N802 (Python-Markdown's API)
    return CodeLinesExtension(**kwargs)
