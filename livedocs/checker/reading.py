"""Read a rendered page the way a reader sees it: text, math, code, attributes, comments.

:func:`read_html` walks the HTML that Python-Markdown produced (raw HTML restored, math
still as arithmatex's ``\\(...\\)``/``\\[...\\]`` wrappers) and returns its
:class:`Segment` list in document order:

* ``text``: visible text (entities decoded), one ``block`` number per block element, so
  that inline markup (``<strong>``, ``<em>``, ``<a>``) is transparent: ``**76,800**`` is
  the text ``76,800`` in one run;
* ``math``: the TeX of one arithmatex span (``display`` for blocks);
* ``code``: text inside ``<code>``, ``<pre>``, ``<kbd>``, ``<samp>`` (not audited);
* ``attr``: a visible attribute (``alt``, ``title``, ``aria-label``, ``placeholder``,
  ``value``, an ``<ol>``'s ``start``, an ``<iframe>``'s ``srcdoc`` text), each its own block;
* ``hidden``: text the reader never sees (comments other than the setup, ``<script>``,
  ``<style>``, ``<template>``), kept only so that a marker found there is an error.

Each segment knows whether it lies in a heading, in the student's verbatim quote
(``<blockquote class="student" data-answer="1.1.1">``) or between the exemption characters
of :mod:`livedocs.marks` (text generated from a checked source).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..htmlmap import HtmlMap, Recorder
from ..marks import EXEMPT_CLOSE, EXEMPT_OPEN

__all__ = ["Segment", "Page", "read_html", "SETUP_PREFIX"]

SETUP_PREFIX = " live:setup"
_BLOCK = {"p", "div", "li", "ul", "ol", "td", "th", "tr", "table", "thead", "tbody", "h1",
          "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption", "dl",
          "dt", "dd", "details", "summary", "section", "article", "aside", "nav", "header",
          "footer", "hr", "br", "caption", "form", "fieldset", "legend", "label", "select",
          "option", "button", "main"}
_CODE = {"code", "pre", "kbd", "samp"}
_HIDDEN = {"script", "style", "template"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_VISIBLE_ATTRS = {"alt", "title", "aria-label", "placeholder"}
# Input types whose value attribute is never shown as text.
_VALUE_UNSEEN = {"checkbox", "radio", "hidden", "file", "image", "color", "range"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "source", "track", "wbr"}


@dataclass
class Segment:
    kind: str  # text | math | code | attr | hidden
    text: str
    block: int
    heading: bool = False
    student: str | None = None  # the answer label of the enclosing student quote
    exempt: bool = False
    display: bool = False
    where: str = ""  # for attrs: "alt" / "title" / ...; for hidden: the tag or "comment"
    pos: int = -1  # where in the HTML it starts (its text, or its tag for an attribute)


@dataclass
class Page:
    segments: list[Segment] = field(default_factory=list)
    setups: list[str] = field(default_factory=list)  # setup code, in page order
    quotes: dict[int, str] = field(default_factory=dict)  # student quote id -> label
    unclosed_comment: bool = False
    where: HtmlMap | None = None  # where its tags and elements stand (the same parse)


class _Reader(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.rec = Recorder(self, html)
        self.page = Page()
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.block = 0
        self.code = 0
        self.hidden: list[str] = []
        self.heading = 0
        self.math: list[bool] = []  # open arithmatex wrappers (display?)
        self.math_text: list[str] = []
        self.student: list[str] = []
        self.exempt = False

    # -- structure -------------------------------------------------------------------
    def new_block(self) -> None:
        self.block += 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.rec.start(tag, attrs)
        a = dict(attrs)
        self.visible_attrs(tag, a)
        if tag in _VOID:
            if tag in _BLOCK:
                self.new_block()
            return
        self.stack.append((tag, a))
        if tag in _BLOCK:
            self.new_block()
        classes = (a.get("class") or "").split()
        if tag in ("span", "div") and "arithmatex" in classes:
            self.math.append(tag == "div")
            self.math_text = []
        if tag in _CODE:
            self.code += 1
        if tag in _HIDDEN:
            self.hidden.append(tag)
        if tag in _HEADINGS:
            self.heading += 1
        if tag == "blockquote" and "student" in classes:
            self.student.append(a.get("data-answer") or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.rec.startend(tag, attrs)
        self.visible_attrs(tag, dict(attrs))
        if tag in _BLOCK:
            self.new_block()

    def handle_endtag(self, tag: str) -> None:
        self.rec.end(tag)
        if tag in _VOID:
            return
        # Pop to the matching open tag (HTML from Markdown is well nested).
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                for t, a in reversed(self.stack[k:]):
                    self.close_tag(t, a)
                del self.stack[k:]
                break

    def close_tag(self, tag: str, a: dict[str, str | None]) -> None:
        classes = (a.get("class") or "").split()
        if tag in ("span", "div") and "arithmatex" in classes and self.math:
            display = self.math.pop()
            tex = "".join(self.math_text)
            for left, right in (("\\(", "\\)"), ("\\[", "\\]")):
                if tex.startswith(left) and tex.endswith(right):
                    tex = tex[len(left) : -len(right)]
                    break
            self.add("math", tex, display=display)
        if tag in _CODE:
            self.code -= 1
        if tag in _HIDDEN and self.hidden:
            self.hidden.pop()
        if tag in _HEADINGS:
            self.heading -= 1
        if tag == "blockquote" and "student" in classes and self.student:
            self.student.pop()
        if tag in _BLOCK:
            self.new_block()

    def visible_attrs(self, tag: str, a: dict[str, str | None]) -> None:
        for name, value in a.items():
            shown = name in _VISIBLE_ATTRS or (name == "value" and tag in (
                "input", "button", "option", "li", "meter", "progress")
                and (a.get("type") or "text") not in _VALUE_UNSEEN) or (
                name == "start" and tag == "ol") or (name == "srcdoc" and tag == "iframe")
            if name == "srcdoc" and value:  # a document shown in the frame: its text
                value = re.sub(r"<[^>]*>", " ", value)
            if shown and value:
                self.new_block()
                self.add("attr", value, where=name)
                self.new_block()

    # -- content ---------------------------------------------------------------------
    def add(self, kind: str, text: str, display: bool = False, where: str = "") -> None:
        if kind == "math":  # a math span never holds the exemption characters
            self.page.segments.append(self.segment(kind, text, self.exempt, display, where))
            return
        # Split at the exemption characters, which may open in one segment and close in
        # another (a citation's link, a whole docstring).
        buf: list[str] = []
        for ch in text:
            if ch in (EXEMPT_OPEN, EXEMPT_CLOSE):
                if buf:
                    self.page.segments.append(self.segment(kind, "".join(buf), self.exempt,
                                                           display, where))
                buf = []
                self.exempt = ch == EXEMPT_OPEN
            else:
                buf.append(ch)
        if buf:
            self.page.segments.append(self.segment(kind, "".join(buf), self.exempt, display,
                                                   where))

    def segment(self, kind: str, text: str, exempt: bool, display: bool, where: str) -> Segment:
        return Segment(kind, text, self.block, heading=self.heading > 0,
                       student=self.student[-1] if self.student else None, exempt=exempt,
                       display=display, where=where, pos=self.rec.at())

    def handle_data(self, data: str) -> None:
        if self.math:
            self.math_text.append(data)
        elif self.hidden:
            self.add("hidden", data, where=self.hidden[-1])
        elif self.code:
            self.add("code", data)
        else:
            self.add("text", data)

    def handle_comment(self, data: str) -> None:
        if data.startswith(SETUP_PREFIX + "\n") or data == SETUP_PREFIX:
            self.page.setups.append(data[len(SETUP_PREFIX) + 1 :])
        else:
            self.add("hidden", data, where="comment")

    def unknown_decl(self, data: str) -> None:
        self.add("hidden", data, where="declaration")


def read_html(html: str) -> Page:
    """The segments of a rendered page (see the module docstring)."""
    reader = _Reader(html)
    reader.feed(html)
    reader.close()
    rest = reader.rawdata if hasattr(reader, "rawdata") else ""
    if "<!--" in rest:
        reader.page.unclosed_comment = True
    reader.page.where = reader.rec.result()
    return reader.page
