"""Numbers in prose written in the site's one style (design review: "= 3968" beside "3,840"),
read from the built HTML by a parser of its own.

The style is the live numbers' (``livedocs/checker/format.py``, README "A live number"): a
whole number of five digits or more is grouped (84,736), one of four digits is not (3968);
only where numbers are read against each other, in a table's column or one equation, are
four-digit ones grouped beside longer ones (test_table_grouping.py checks those). So in the
text of every page, tables and math aside: no number of five digits or more without
separators, and no four-digit number with one; in math, no number of five digits or more
without separators. Not looked at: code, a live number's reveal (what Python printed), a
citation, a DOI, and the student's quoted answer (their words, "= 19712", as written).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

QUIET = {"code", "kbd", "samp", "pre", "cite", "script", "style", "table", "math", "svg"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
QUIET_CLASSES = {"ld-tip", "student"}  # a reveal's text; the student's quoted answer
WHOLE = re.compile(r"(?<![\d.,\w/:])(\d{1,3}(?:,\d{3})+|\d{4,})(?![\d,]*\.\d)(?![\d,\w])")
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
MN = re.compile(r"<mn>([^<]*)</mn>")


class Text(HTMLParser):
    """A page's text outside QUIET elements (``prose``) and its math's numbers (``math``),
    none of them inside a QUIET_CLASSES element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # tag, quiet, away (a quiet class)
        self.prose: list[str] = []
        self.math: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        quiet, away = self.stack[-1][1:] if self.stack else (False, False)
        classes = set((dict(attrs).get("class") or "").split())
        away = away or bool(classes & QUIET_CLASSES)
        self.stack.append((tag, quiet or away or tag in QUIET, away))
        if tag == "mn" and not away:
            self.math.append("")

    def handle_endtag(self, tag):
        for n in range(len(self.stack) - 1, -1, -1):
            if self.stack[n][0] == tag:
                del self.stack[n:]
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "mn" and not self.stack[-1][2]:
            self.math[-1] += data
        if not (self.stack and self.stack[-1][1]):
            self.prose.append(data)


def odd_numbers(html: str) -> list[str]:
    """The numbers of ``html``'s article written against the site's style."""
    article = ARTICLE.search(html)
    if article is None:
        return []
    text = Text()
    text.feed(article.group())
    prose = re.sub(r"doi:\S+", " ", "".join(text.prose))
    odd = []
    for number in WHOLE.findall(prose):
        digits = len(number.replace(",", ""))
        if (digits >= 5) != ("," in number):
            odd.append(number)
    odd += [n for n in text.math if re.fullmatch(r"\d{5,}", n)]
    return odd


def test_the_checker_finds_numbers_against_the_style():
    page = ('<article><p>Over 5 steps, 19712 weights; per unit, 3,968.</p>'
            '<math><mn>39552</mn></math>'
            '<blockquote class="student"><p>= 19712 <math><mn>39552</mn></math></p></blockquote>'
            '<p><code>12345</code> <span class="ld-tip">x = 84736</span> 84,736 and 3968'
            ' (2015), doi:10.1162/089976600300015015</p>'
            '<table><tr><td>3,840</td></tr></table></article>')
    assert odd_numbers(page) == ["19712", "3,968", "39552"]


def test_every_page_writes_its_numbers_in_the_sites_style(site: Path):
    odd = {str(page.relative_to(site)): found for page in sorted(site.rglob("*.html"))
           if (found := odd_numbers(page.read_text(encoding="utf-8")))}
    assert odd == {}
