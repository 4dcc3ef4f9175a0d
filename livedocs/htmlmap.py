"""Where things stand in an HTML string, found by a parser: the reveal, the error boxes and
the published page change the HTML at offsets this map gives (:func:`splice`), never by
searching for ``<`` or ``>``.

:class:`HtmlMap` parses once and knows, for any offset, whether it lies inside a tag
(an attribute's value: ``alt``, ``title``), which elements enclose it, which end tag ends
there, and where each comment stands.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["Element", "HtmlMap", "Recorder", "splice", "lone_paragraphs"]

_COMMENT_CLOSE = re.compile(r"--\s*>")  # as html.parser ends a comment
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    start: int  # offset of its start tag
    inner: int  # offset right after its start tag
    end: int = -1  # offset right after its end tag (-1: never closed)

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()


@dataclass
class HtmlMap:
    html: str
    elements: list[Element] = field(default_factory=list)
    tags: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each tag
    # end tags by the offset right after them: (start, name)
    closers: dict[int, tuple[int, str]] = field(default_factory=dict)
    comments: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, data)

    def __post_init__(self) -> None:
        if not self.tags:
            _Parser(self).run()
        self.done()

    def done(self) -> None:
        self.tags.sort()
        self._starts = [a for a, _ in self.tags]

    def in_tag(self, pos: int) -> bool:
        """``pos`` lies inside a tag (in an attribute), not in text."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and self.tags[i][0] < pos < self.tags[i][1]

    def enclosing(self, pos: int, tag: str | None = None,
                  cls: str | None = None) -> Element | None:
        """The innermost element holding ``pos`` in its content (of ``tag``, ``cls``)."""
        best = None
        for el in self.elements:
            if el.inner <= pos and (el.end < 0 or pos < el.end) and \
                    (tag is None or el.tag == tag) and (cls is None or cls in el.classes):
                if best is None or el.inner >= best.inner:
                    best = el
        return best

    def tag_within(self, start: int, end: int) -> bool:
        """Some tag overlaps ``[start, end)``: that stretch is not all text."""
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self.tags[i][1] > start

    def closer_ending_at(self, pos: int) -> tuple[int, str] | None:
        """``(start, name)`` of the end tag that ends right before ``pos``."""
        return self.closers.get(pos)

    def ending_before(self, pos: int, cls: str) -> Element | None:
        """The element of class ``cls`` that ends last at or before ``pos``."""
        done = [el for el in self.elements if 0 <= el.end <= pos and cls in el.classes]
        return max(done, key=lambda el: el.end) if done else None


class Recorder:
    """Records an :class:`HtmlMap` while an :class:`HTMLParser` reads ``html``: call
    :meth:`start`, :meth:`startend` and :meth:`end` from its handlers, :meth:`result` at
    the end (so one parse can serve a reader too)."""

    def __init__(self, parser: HTMLParser, html: str) -> None:
        self.parser = parser
        self.target = HtmlMap(html, [], [(-1, -1)])  # a placeholder tag: no parse of its own
        self.target.tags.clear()
        self.lines = [0]
        pos = html.find("\n")
        while pos >= 0:
            self.lines.append(pos + 1)
            pos = html.find("\n", pos + 1)
        self.open: list[Element] = []

    def at(self) -> int:
        line, col = self.parser.getpos()
        return self.lines[line - 1] + col

    def result(self) -> HtmlMap:
        self.target.done()
        return self.target

    def start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.at()
        text = self.parser.get_starttag_text() or ""
        end = start + len(text)
        self.target.tags.append((start, end))
        el = Element(tag, dict(attrs), start, end)
        self.target.elements.append(el)
        if tag in _VOID:
            el.end = end
        else:
            self.open.append(el)

    def startend(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.at()
        end = start + len(self.parser.get_starttag_text() or "")
        self.target.tags.append((start, end))
        self.target.elements.append(Element(tag, dict(attrs), start, end, end))

    def end(self, tag: str) -> None:
        start = self.at()
        end = self.target.html.find(">", start) + 1 or len(self.target.html)
        self.target.tags.append((start, end))
        self.target.closers[end] = (start, tag)
        for k in range(len(self.open) - 1, -1, -1):
            if self.open[k].tag == tag:
                for el in self.open[k:]:
                    el.end = end if el is self.open[k] else start
                del self.open[k:]
                break


    def comment(self, data: str) -> None:
        """A comment ``<!--data-->`` (a bogus one, ``<!x>``, is not recorded)."""
        start, html = self.at(), self.target.html
        if html.startswith("<!--" + data, start):
            close = _COMMENT_CLOSE.match(html, start + 4 + len(data))
            if close:
                self.target.comments.append((start, close.end(), data))


def splice(html: str, edits: list[tuple[int, int, str]]) -> str:
    """``html`` with each ``(start, end, new)`` edit applied; the edits must not overlap."""
    out, at = [], 0
    for start, end, new in sorted(edits, key=lambda e: (e[0], e[1])):
        if start < at or end < start:
            raise ValueError(f"edits must not overlap: ({start}, {end}) after offset {at}")
        out += [html[at:start], new]
        at = end
    return "".join(out) + html[at:]


def lone_paragraphs(where: HtmlMap, chars: str) -> list[tuple[int, int, str]]:
    """Edits that remove each ``<p>X</p>`` (and the newline after it) whose only content
    is one character of ``chars``: a mark Markdown wrapped as a paragraph of its own."""
    html, out = where.html, []
    for el in where.elements:
        if el.tag == "p" and not el.attrs and el.inner == el.start + 3 \
                and el.end == el.inner + 5 and html[el.inner] in chars \
                and where.closer_ending_at(el.end) == (el.inner + 1, "p"):
            out.append((el.start, el.end + (html[el.end:el.end + 1] == "\n"), ""))
    return out


class _Parser(HTMLParser):
    def __init__(self, target: HtmlMap) -> None:
        super().__init__(convert_charrefs=False)
        self.rec = Recorder(self, target.html)
        self.rec.target = target

    def run(self) -> None:
        self.feed(self.rec.target.html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.rec.start(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.rec.startend(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.rec.end(tag)

    def handle_comment(self, data: str) -> None:
        self.rec.comment(data)
