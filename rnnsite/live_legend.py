"""The key to the dotted underline (design review of issue 18): a page's live numbers and
checked equations (livedocs) are underlined with dots, and one quiet line says what that
means, where a reader meets the first of them.

:func:`add_legend` puts the line into a page's HTML once it is rendered and checked
(``rnnsite/takeaway_hook.py`` calls it for every page). On an answer page it opens the
derivation, right under its heading, where the evidence starts: design reviewers of issue
18 read it, at the top or the foot of the answer box, as site boilerplate inside the answer
a student copies. On another page it goes right before the block (a paragraph, a list, a
table, a set of tabs) that holds the first marked number, or before the sentence leading
into that block if it ends in a colon (never between the two). A page with no marked
number gets none.
"""

from __future__ import annotations

import re
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
    outermost enclosing element starts."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.lines = [0]
        for line in html.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.stack: list[tuple[str, int]] = []  # tag, start offset
        self.outer: int | None = None  # where the first number's outermost block starts

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if self.outer is not None:
            return
        if "ld" in (dict(attrs).get("class") or "").split():
            self.outer = self.stack[0][1] if self.stack else self._offset()
        elif tag not in _VOID:
            self.stack.append((tag, self._offset()))

    def handle_endtag(self, tag):
        if self.outer is not None:
            return
        for n in range(len(self.stack) - 1, -1, -1):
            if self.stack[n][0] == tag:
                del self.stack[n:]
                break


_DERIVATION = re.compile(r'<h2 id="derivation"[^>]*>.*?</h2>', re.S)
_LAST_P = re.compile(r"<p\b[^>]*>(?:(?!<p\b).)*</p>\s*\Z", re.S)


def add_legend(html: str) -> str:
    """``html`` with the legend placed for its first marked number (unchanged if none)."""
    if 'class="ld"' not in html:
        return html
    finder = _FirstMark(html)
    finder.feed(html)
    finder.close()
    if finder.outer is None:
        return html
    derivation = _DERIVATION.search(html)
    if derivation:  # an answer page: where the evidence starts
        end = derivation.end()
        return html[:end] + "\n" + LEGEND + html[end:]
    outer = finder.outer
    # never between a sentence ending in a colon and the block it introduces
    lead = _LAST_P.search(html, 0, outer)
    if lead and re.sub(r"<[^>]+>", "", lead.group(0)).rstrip().endswith(":"):
        outer = lead.start()
    return html[:outer] + LEGEND + "\n" + html[outer:]
