"""The table of contents shows a heading as the heading shows it (an MkDocs hook).

Python-Markdown's ``toc`` names each heading by its text alone, so Material's tables of
contents (the right sidebar at a desk, the drawer on a phone) read "What does grow with T:
work and memory" with an upright sans "T" where the heading sets the math italic *T*, and
lose the code face of ``rnnnotes count``. :func:`on_page_content` gives each entry whose
heading has math, emphasis or code the heading's own markup instead (:func:`entry`): its
MathML and its ``em``/``strong``/``code``/``sub``/``sup``, and the ``rn-nobr`` spans that
keep math beside its punctuation; everything else (the permalink, links, live-number
wrappers) is dropped, its text kept. Headings mkdocstrings writes (``doc-heading``) keep
their label: the object's short name.

A long identifier in an entry ("linear_rnn_jacobian_norms", an object's dotted path) may
break before its underscores and dots (:func:`breakable`): the sidebar is narrow, and
Material cut such an entry with an ellipsis ("linear_rnn_jacobian_…"). Before, not after:
a line that starts "_norms" reads as the rest of a name, where "jacobian_" then "norms"
read as two words. (docs/api/api.css sets an API entry's name beside its kind badge, so
that its lines hang under the name's first, not under the badge: :func:`breakable` puts a
plain space, which a grid drops, for the no-break space mkdocstrings writes after a badge.)

Material's template writes ``{{ toc_item.title }}`` as HTML, and its ``aria-label`` from
the title through ``striptags``, so the label read aloud is the words as before.

In ``mkdocs.yml``: ``hooks: [rnnsite/toc_rich.py]``.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

__all__ = ["breakable", "entry", "rich_titles"]

_HEADING = re.compile(r'<h([1-6])(?P<attrs>\b[^>]*)>(?P<inner>.*?)</h\1>', re.DOTALL)
_ID = re.compile(r'\bid="([^"]+)"')
_PERMALINK = re.compile(r'<a\b[^>]*\bclass="headerlink"[^>]*>.*?</a>', re.DOTALL)
_RICH = re.compile(r"<(?:math|em|strong|code|sub|sup)\b")
_STYLE = {"em", "strong", "code", "sub", "sup", "i", "b"}
_MATHML = {"math", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msub", "msup",
           "msubsup", "munder", "mover", "munderover", "mfrac", "msqrt", "mroot", "mstyle",
           "mpadded", "mphantom", "menclose", "mtable", "mtr", "mtd", "mmultiscripts",
           "mprescripts", "none", "semantics", "annotation"}
_KEPT_SPAN = "rn-nobr"  # keeps inline math beside its punctuation (rnnsite/mathml.py)
_TAGS = re.compile(r"(<[^>]*>)")
_BADGE_SPACE = re.compile(r'(<code class="doc-symbol[^"]*"></code>)(?:&nbsp;|\xa0)')
_JOINT = re.compile(r"(?<=[A-Za-z0-9])(_+|\.)(?=[A-Za-z])")  # snake_case, a.dotted.path


class _Entry(HTMLParser):
    """A heading's inner HTML, reduced to what a table of contents entry shows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, kept) of each open element

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
        if tag in _MATHML:
            return "<" + tag + "".join(f' {k}="{html.escape(v or "")}"' for k, v in attrs) + ">"
        if tag in _STYLE:
            return f"<{tag}>"
        if tag == "span" and dict(attrs).get("class") == _KEPT_SPAN:
            return f'<span class="{_KEPT_SPAN}">'
        return None

    def handle_starttag(self, tag, attrs):
        kept = self._start(tag, attrs)
        self.open.append((tag, kept is not None))
        if kept:
            self.out.append(kept)

    def handle_startendtag(self, tag, attrs):
        kept = self._start(tag, attrs)
        if kept:
            self.out.append(kept[:-1] + " />")

    def handle_endtag(self, tag):
        while self.open:
            name, kept = self.open.pop()
            if kept:
                self.out.append(f"</{name}>")
            if name == tag:
                break

    def handle_data(self, data):
        self.out.append(html.escape(data, quote=False))


def entry(inner: str) -> str:
    """The markup a table of contents shows for a heading whose inner HTML is ``inner``."""
    parser = _Entry()
    parser.feed(_PERMALINK.sub("", inner))
    parser.close()
    return " ".join("".join(parser.out).split())


def breakable(title: str) -> str:
    """``title`` (HTML) with a break opportunity (``<wbr>``) before each underscore or dot
    inside an identifier, in its text only (not in tags nor in math), and a plain space
    after a kind badge."""
    title = _BADGE_SPACE.sub(r"\1 ", title)
    out, math = [], 0
    for n, part in enumerate(_TAGS.split(title)):
        if n % 2:
            math += part.startswith("<math") - part.startswith("</math")
        elif not math:
            part = _JOINT.sub(r"<wbr>\1", part)
        out.append(part)
    return "".join(out)


def rich_titles(content: str) -> dict[str, str]:
    """Heading id → its entry, for every heading of ``content`` with math, emphasis or code
    (mkdocstrings' headings excepted)."""
    return {_ID.search(m["attrs"])[1]: entry(m["inner"]) for m in _HEADING.finditer(content)
            if _ID.search(m["attrs"]) and "doc-heading" not in m["attrs"]
            and _RICH.search(_PERMALINK.sub("", m["inner"]))}


def on_page_content(content: str, page, config, files) -> str:  # MkDocs hook
    """Give the page's table of contents the rich titles of its headings."""
    titles = rich_titles(content)

    def visit(items) -> None:
        for item in items:
            if item.id in titles:
                item.title = titles[item.id]
            item.title = breakable(item.title)
            visit(item.children)

    visit(page.toc)
    return content
