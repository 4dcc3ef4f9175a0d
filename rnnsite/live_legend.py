"""The key to the dotted underline (design review of issue 18): a page's live numbers and
checked equations (livedocs) are underlined with dots, and one quiet line says what that
means, where a reader meets the first of them.

:func:`add_legend` puts the line into a page's HTML once it is rendered and checked
(``rnnsite/takeaway_hook.py`` calls it for every page): at the top of the answer box ("A
full-marks answer") if the first marked number is in it, else right before the page's
block (a paragraph, a list, a table, a set of tabs) that holds the first one. A page with
no marked number gets none.
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
    """Finds the first element of class ``ld`` (a live number): the offsets where its
    outermost enclosing element starts, and where an enclosing answer box's title ends."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html
        self.lines = [0]
        for line in html.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.stack: list[list] = []  # [tag, start offset, classes, end of title or None]
        self.found: tuple[int, int | None] | None = None

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if self.found is not None:
            return
        classes = (dict(attrs).get("class") or "").split()
        if "ld" in classes:
            outer = self.stack[0][1] if self.stack else self._offset()
            box = next((e for e in self.stack if "answer-box" in e[2]), None)
            self.found = (outer, box[3] if box else None)
            return
        if tag not in _VOID:
            self.stack.append([tag, self._offset(), classes, None])

    def handle_endtag(self, tag):
        if self.found is not None:
            return
        for n in range(len(self.stack) - 1, -1, -1):
            if self.stack[n][0] == tag:
                del self.stack[n:]
                break
        if tag == "h2" and self.stack and "answer-box" in self.stack[-1][2] \
                and self.stack[-1][3] is None:  # the answer box's title just ended
            self.stack[-1][3] = self.html.index(">", self._offset()) + 1


def add_legend(html: str) -> str:
    """``html`` with the legend before its first marked number (unchanged if none)."""
    if 'class="ld"' not in html:
        return html
    finder = _FirstMark(html)
    finder.feed(html)
    finder.close()
    if finder.found is None:
        return html
    outer, title_end = finder.found
    if title_end is not None:
        return html[:title_end] + "\n" + LEGEND + html[title_end:]
    return html[:outer] + LEGEND + "\n" + html[outer:]
