"""Findings shown on the page itself (``fail: show``, the mode of ``mkdocs serve``).

Each finding goes where the reader meets it:

* a finding tied to a marker, right after its number (after the math span, or after the
  tag when the number sits in an attribute);
* an audit's finding, at the end of the block (paragraph, list item, cell...) holding the
  number, one box per number;
* a finding that carries only a source line (malformed markup, a failed code example, page
  code that raised...), at the block that line produced: the block whose visible text holds
  the line's words, the only one, or the only one between the markers of the lines around
  it (a code block gets its box after it);
* anything else (front matter, nav and TOC labels, a line no block can be told for), in one
  box at the top of the page.

Every place comes from the HTML parser (:mod:`livedocs.htmlmap`); the boxes are spliced in.
"""

from __future__ import annotations

import html as htmlmod
import re
import sys

from .checker.reading import read_html
from .htmlmap import HtmlMap, splice
from .marks import marker_char
from .pipeline import RenderedPage, failures_by_marker, publish
from .report import Check, PageReport

__all__ = ["show_findings", "line_spot"]

_BOX = ('<div class="livedocs-error admonition failure" role="alert" style="border:2px solid '
        '#c00;padding:.4em .8em;margin:.5em 0;background:#fee;color:#600">'
        '<p class="admonition-title">Live-number check failed</p>{items}</div>')
_INLINE = ('<mark class="livedocs-error" role="alert" style="outline:2px solid #c00;'
           'background:#fee;color:#600">\u26a0 {msg}</mark>')


def show_findings(report: PageReport, rendered: RenderedPage) -> str:
    """The published page with each finding visible at its place (see the module
    docstring)."""
    tied, rest = failures_by_marker(report)
    html = rendered.html
    where = HtmlMap(html)
    spots: list[tuple[int, str]] = []
    for k, checks in tied.items():
        pos = html.find(marker_char(k))
        if pos < 0:
            rest += checks
            continue
        spots.append((_after_enclosing(where, pos), " ".join(
            _INLINE.format(msg=htmlmod.escape(c.message)) for c in checks)))
    for c in list(rest):
        placed = [(pos, msg) for pos, msg in c.spots if pos >= 0]
        if placed and len(placed) == len(c.spots):
            rest.remove(c)
            spots += [(_after_block(where, pos), _INLINE.format(msg=htmlmod.escape(msg)))
                      for pos, msg in placed]
    lines = _LinePlaces(rendered, where)
    for c in list(rest):
        spot = lines.spot(c)
        if spot is not None:
            rest.remove(c)
            pos, inline = spot
            msg = htmlmod.escape(c.message)
            spots.append((pos, _INLINE.format(msg=msg) if inline
                          else _BOX.format(items=f"<p>{msg}</p>")))
    html = splice(html, [(pos, pos, box) for pos, box in sorted(spots)])
    top = _BOX.format(items="".join(f"<p>{htmlmod.escape(c.message)}</p>" for c in rest)) \
        if rest else ""
    return top + publish(html, rendered.prep)


def _after_enclosing(where: HtmlMap, pos: int) -> int:
    """A place right after ``pos`` where an element may stand: after the tag or the math
    element that holds ``pos`` (found by the HTML parser)."""
    if where.in_tag(pos):
        return next(end for start, end in where.tags if start < pos < end)
    math = where.enclosing(pos, cls="arithmatex")
    return math.end if math is not None and math.end >= 0 else pos + 1


_BLOCKS = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
           "figcaption", "summary", "caption", "blockquote"}


def _after_block(where: HtmlMap, pos: int) -> int:
    """Right before the end of the block element (paragraph, list item, cell...) holding
    ``pos``, or right after its tag for an attribute."""
    if where.in_tag(pos):
        return next(end for start, end in where.tags if start <= pos < end)
    blocks = [el for el in where.elements if el.tag in _BLOCKS and el.inner <= pos
              and el.end > pos]
    if not blocks:
        return pos
    el = max(blocks, key=lambda e: e.inner)
    return el.end - len(f"</{el.tag}>")


# -- a source line's block ---------------------------------------------------------------
_URL = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|<!--.*?-->|\{[:#.][^}]*\}")
_WORD = re.compile(r"\w+")
_MIN_WORDS, _MIN_CHARS, _MAX_WORDS = 2, 6, 12


class _LinePlaces:
    """Where the block each source line produced stands in the HTML."""

    def __init__(self, rendered: RenderedPage, where: HtmlMap) -> None:
        self.where, self.offset = where, rendered.info.offset
        self.lines = rendered.prep.text.splitlines()
        self.anchors = sorted((mk.line, where.html.find(marker_char(mk.k)))
                              for mk in rendered.prep.markers
                              if marker_char(mk.k) in where.html)
        self.blocks: dict[int, tuple[int, str, bool]] = {}  # block -> (pos, text, code)
        for seg in read_html(where.html).segments:
            if seg.kind not in ("text", "code", "math"):
                continue
            pos, text, code = self.blocks.get(seg.block, (seg.pos, "", False))
            self.blocks[seg.block] = (pos, text + seg.text, code or seg.kind == "code")

    def spot(self, check: Check) -> tuple[int, bool] | None:
        """``(offset, inline)`` for ``check``'s box, or None (the top of the page)."""
        found = line_spot(self.lines, check.line - self.offset, self.blocks, self.anchors)
        if found is None:
            return None
        pos, code = found
        if code:  # after the code block (its highlight wrapper), as a box of its own
            el = self.where.enclosing(pos, tag="pre")
            if el is None or el.end < 0:
                return None
            outer = self.where.enclosing(el.start, cls="highlight")
            return (outer.end if outer is not None and outer.end >= 0 else el.end), False
        return _after_block(self.where, pos), True


def line_spot(lines: list[str], line: int, blocks: dict[int, tuple[int, str, bool]],
              anchors: list[tuple[int, int]]) -> tuple[int, bool] | None:
    """``(offset, code)`` of the one block whose text holds the words of source line
    ``line`` (1-based in ``lines``), or None when no block, or more than one, does.
    Among several, the markers of the lines around it (``anchors``: (line, offset)) pick."""
    if not 1 <= line <= len(lines):
        return None
    words = _WORD.findall(_URL.sub(" ", lines[line - 1]))[:_MAX_WORDS]
    if len(words) < _MIN_WORDS or sum(map(len, words)) < _MIN_CHARS:
        return None  # too little to tell one block by
    pattern = re.compile(r"\W+".join(map(re.escape, words)))
    hits = [(pos, code) for pos, text, code in blocks.values() if pattern.search(text)]
    if len(hits) > 1:
        low = max((p for n, p in anchors if n < line), default=-1)
        high = min((p for n, p in anchors if n > line), default=sys.maxsize)
        hits = [(pos, code) for pos, code in hits if low <= pos <= high]
    return hits[0] if len(hits) == 1 else None
