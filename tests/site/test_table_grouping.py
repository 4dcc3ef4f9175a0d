"""Every table of the built site groups the digits of a column's numbers alike (design
review of issue 18): no column, and no equation, shows a number of four digits or more
without separators (1024) beside one with them (84,736). Read from the built HTML, by a
parser of its own.

Not quantities, and not looked at: numbers in code, math, a live number's reveal (what
Python printed), a citation; decimals; years (a four-digit number from 1900 to 2099 in a
column headed "year", or in parentheses, "(2015)"), page ranges ("pp. 1735–1780") and
equation numbers ("(12)").
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

QUIET = {"code", "kbd", "samp", "pre", "math", "cite", "script", "style"}
VOID = {"br", "hr", "img", "input", "wbr", "col", "source", "meta", "link"}
WHOLE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d{4,})(?![\d,]*\.\d)(?![\d,])")
NOT_QUANTITY = re.compile(r"\(\d{1,4}[a-z]?\)|pp?\.\s*\d+(?:\s*[–-]\s*\d+)?|\d+\s*[–-]\s*\d+")


class Tables(HTMLParser):
    """The site's tables: ``tables[t][row][column]`` is a cell's text outside QUIET."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.stack: list[tuple[str, bool]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        quiet = bool(self.stack) and self.stack[-1][1]
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables and self.tables[-1]:
            self.cell = []
        if tag not in VOID:
            tip = "ld-tip" in (dict(attrs).get("class") or "").split()
            self.stack.append((tag, quiet or tag in QUIET or tip))

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        for n in range(len(self.stack) - 1, -1, -1):
            if self.stack[n][0] == tag:
                del self.stack[n:]
                break
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None and not (self.stack and self.stack[-1][1]):
            self.cell.append(data)


def quantities(cell: str, year_column: bool) -> list[str]:
    text = NOT_QUANTITY.sub(" ", cell)
    return [n for n in WHOLE.findall(text)
            if not (year_column and "," not in n and 1900 <= int(n) <= 2099)]


def mixed_columns(html: str) -> list[tuple[int, int, list[str]]]:
    """``(table, column, numbers)`` of each column mixing grouped and ungrouped numbers
    of four digits or more."""
    parser = Tables()
    parser.feed(html)
    found = []
    for t, rows in enumerate(parser.tables):
        columns: dict[int, list[str]] = {}
        heads = rows[0] if rows else []
        for row in rows:
            for c, cell in enumerate(row):
                year = c < len(heads) and "year" in heads[c].lower()
                columns.setdefault(c, []).extend(quantities(cell, year))
        for c, numbers in columns.items():
            if any("," in n for n in numbers) and any("," not in n for n in numbers):
                found.append((t, c, numbers))
    return found


def test_the_checker_finds_a_mixed_column():
    row = "<tr><td>{}</td><td>{}</td></tr>"
    mixed = "<table>" + row.format("a", "10,240") + row.format("b", "1024") + "</table>"
    assert mixed_columns(mixed) == [(0, 1, ["10,240", "1024"])]
    alike = ("<table>" + row.format("Year", "n") + row.format("2015", "10,240")
             + row.format("(2016)", "1,024") + row.format("<code>4096</code>", "0.1234")
             + "</table>")
    assert mixed_columns(alike) == []


def test_every_table_groups_each_column_alike(site: Path):
    mixed = {str(page.relative_to(site)): found for page in sorted(site.rglob("*.html"))
             if (found := mixed_columns(page.read_text(encoding="utf-8")))}
    assert mixed == {}


# --- math ----------------------------------------------------------------------------------
# One equation is read as one column is: "20,224 − 3840" mixes the two ways (round B of the
# design review of issue 18). A number of math is its <mn>; years do not appear in math.
MATH = re.compile(r"<math\b.*?</math>", re.S)
MN = re.compile(r"<mn>([^<]*)</mn>")


def mixed_math(html: str) -> list[list[str]]:
    """The whole numbers of four digits or more of each ``<math>`` that mixes grouped and
    ungrouped ones."""
    found = []
    for math in MATH.findall(html):
        numbers = [n for n in MN.findall(math) if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d{4,}", n)]
        if any("," in n for n in numbers) and any("," not in n for n in numbers):
            found.append(numbers)
    return found


def test_the_checker_finds_a_mixed_equation():
    mixed = "<math><mn>20,224</mn><mo>−</mo><mn>3840</mn></math><math><mn>4096</mn></math>"
    assert mixed_math(mixed) == [["20,224", "3840"]]
    assert mixed_math("<math><mn>20,224</mn><mo>−</mo><mn>3,840</mn><mn>0.1234</mn></math>") == []


def test_every_equation_groups_its_numbers_alike(site: Path):
    mixed = {str(page.relative_to(site)): found for page in sorted(site.rglob("*.html"))
             if (found := mixed_math(page.read_text(encoding="utf-8")))}
    assert mixed == {}
