"""The key to the dotted underline (design review of issue 18): a page's live numbers and
checked equations (livedocs) are underlined with dots, and one quiet line says what that
means, where a reader meets the first of them.

:func:`add_legend` puts the line into a page's HTML once it is rendered and checked
(``rnnsite/takeaway_hook.py`` calls it for every page): at the foot of the answer box ("A
full-marks answer") if the first marked number is in it (the box opens with the answer
itself: two design reviewers of issue 18 read a key there as standing in its way), else
right before the page's block (a paragraph, a list, a table, a set of tabs) that holds the
first one. A page with no marked number gets none.
"""

from __future__ import annotations

from html.parser import HTMLParser

# The one statement of what the dotted underline means; its sample is drawn as a live
# number is (docs/assets/rnnnotes.css, "The key to the dotted underline").
LEGEND = ('<p class="rn-live-legend">A number or equation '
          '<span class="rn-live-legend__mark">underlined with dots</span> is computed by '
          "<code>rnnnotes</code> each time the site is built: point at it, or tap it, "
          "to see how.</p>")

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "source", "track", "wbr"}


class _FirstMark(HTMLParser):
    """Finds the first element of class ``ld`` (a live number): the offset where its
    outermost enclosing element starts, and, if an answer box encloses it, the offset where
    that box's last child ends (its closing tag)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html
        self.lines = [0]
        for line in html.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.stack: list[tuple[str, int, list[str]]] = []  # tag, start offset, classes
        self.outer: int | None = None  # where the first number's outermost block starts
        self.box: int | None = None  # depth of the answer box holding it, until it ends
        self.box_end: int | None = None  # where that box's closing tag starts

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if self.outer is not None and self.box is None:
            return
        classes = (dict(attrs).get("class") or "").split()
        if "ld" in classes and self.outer is None:
            self.outer = self.stack[0][1] if self.stack else self._offset()
            boxes = [n for n, e in enumerate(self.stack) if "answer-box" in e[2]]
            self.box = boxes[0] if boxes else None
        if tag not in _VOID:
            self.stack.append((tag, self._offset(), classes))

    def handle_endtag(self, tag):
        if self.outer is not None and self.box is None:
            return
        for n in range(len(self.stack) - 1, -1, -1):
            if self.stack[n][0] == tag:
                if self.box is not None and n == self.box:
                    self.box_end, self.box = self._offset(), None
                del self.stack[n:]
                break


def add_legend(html: str) -> str:
    """``html`` with the legend placed for its first marked number (unchanged if none)."""
    if 'class="ld"' not in html:
        return html
    finder = _FirstMark(html)
    finder.feed(html)
    finder.close()
    if finder.outer is None:
        return html
    if finder.box_end is not None:
        end = finder.box_end
        return html[:end] + LEGEND + "\n" + html[end:]
    return html[:finder.outer] + LEGEND + "\n" + html[finder.outer:]
