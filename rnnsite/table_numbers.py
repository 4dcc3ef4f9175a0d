"""Numbers in a table's column grouped alike (design review of issue 18): a column that
showed 1024 and 8192 beside 10,240 and 32,768 now shows 1,024 and 8,192.

The rule, applied once here to every table of the site after its page is rendered and
checked (``rnnsite/takeaway_hook.py`` calls :func:`group_columns`): prose writes a number
of four digits without a separator (3840) and one of five or more with commas (84,736);
in a table's column, where the numbers are read against each other, if any number has
five digits or more, those of four digits are grouped too. Only the numbers a reader
reads as quantities are touched: not those in code, math, a live number's reveal
(``.ld-tip``, which shows what Python printed) or a citation, nor decimals.

A column whose body cells are more than half numbers, each read as one number (and no
alignment set by its Markdown), is set right, its header too (class ``rn-num``,
rnnnotes.css), so that its figures line up by their units (design review: "3,840 / 84,736
/ 185,856" were set left).
"""

from __future__ import annotations

import re

_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_ROW = re.compile(r"<tr\b.*?</tr>", re.S)
_CELL = re.compile(r"(<t([dh])\b[^>]*>)(.*?)(</t\2>)", re.S)
_PIECE = re.compile(r"<(/?)([a-zA-Z][\w:-]*)([^>]*?)(/?)>|[^<]+")
# A whole number as a reader sees it: never a part of a decimal or of a longer figure.
NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\d,]*\.\d)(?![\d,])")
_QUIET = {"code", "kbd", "samp", "pre", "math", "cite", "script", "style"}
_VOID = {"br", "hr", "img", "input", "wbr", "col", "source"}
ONE_NUMBER = re.compile(r"\A[−-]?\d{1,3}(?:,\d{3})*(?:\.\d+)?\Z|\A[−-]?\d+(?:\.\d+)?\Z")
# A number set as math alone in its cell: "0", "2.2 × 10⁻¹¹" ($2.2\times10^{-11}$)
MATH_NUMBER = re.compile(r"\A[−-]?\d+(?:\.\d+)?(?:×10[−-]?\d+)?\Z")
_MATH = re.compile(r"<math\b.*?</math>", re.S)
NUMERIC_CLASS = "rn-num"


def _texts(cell: str) -> list[tuple[int, int]]:
    """The spans of ``cell``'s text a reader reads as prose (see the module docstring)."""
    spans, stack = [], []  # stack: (tag, quiet)
    for piece in _PIECE.finditer(cell):
        closing, tag = piece.group(1), (piece.group(2) or "").lower()
        quiet = bool(stack) and stack[-1][1]
        if piece.group(2) is None:
            if not quiet:
                spans.append(piece.span())
        elif closing:
            for n in range(len(stack) - 1, -1, -1):
                if stack[n][0] == tag:
                    del stack[n:]
                    break
        elif not piece.group(4) and tag not in _VOID:
            tip = re.search(r'class="[^"]*\bld-tip\b', piece.group(3)) is not None
            stack.append((tag, quiet or tag in _QUIET or tip))
    return spans


def _digits(number: str) -> int:
    return len(number.replace(",", ""))


def _group(number: str) -> str:
    return f"{int(number.replace(',', '')):,}"


def _prose(body: str) -> str:
    return "".join(body[start:end] for start, end in _texts(body)).strip()


def _one_number(body: str) -> bool:
    """Whether a cell reads as one number: in its prose, or as its one formula (design
    review D: a column of "0.041" and "2.2×10⁻¹¹" was set left beside one set right)."""
    prose = _prose(body)
    if prose:
        return ONE_NUMBER.match(prose) is not None
    formulas = _MATH.findall(body)
    text = re.sub(r"<[^>]+>|\s", "", formulas[0]) if len(formulas) == 1 else ""
    return MATH_NUMBER.match(text) is not None


def _numeric(rows: list[list[re.Match]]) -> set[int]:
    """The columns of numbers, none aligned by its Markdown: those whose body cells
    (``<td>``, empty ones aside) are more than half numbers, so that a column of figures
    with one "depends on R", "78 of 78" or "— (no gates)" lines up as its neighbours do
    (design review: such columns were set left beside columns set right)."""
    numbers: dict[int, int] = {}
    cells_in: dict[int, int] = {}
    aligned: set[int] = set()
    for cells in rows:
        for col, cell in enumerate(cells):
            if cell.group(2) != "d":
                continue
            if "text-align" in cell.group(1):
                aligned.add(col)
            if not _prose(cell.group(3)) and not _MATH.search(cell.group(3)):
                continue  # an empty cell (a total's blank shape) says nothing
            cells_in[col] = cells_in.get(col, 0) + 1
            numbers[col] = numbers.get(col, 0) + _one_number(cell.group(3))
    return {col for col, n in cells_in.items()
            if col not in aligned and 2 * numbers.get(col, 0) > n}


def _aligned(start_tag: str) -> str:
    """``start_tag`` (``<td ...>``) with the numeric class added."""
    cls = re.search(r'\bclass="([^"]*)"', start_tag)
    if cls:
        return (start_tag[:cls.start(1)] + f"{cls.group(1)} {NUMERIC_CLASS}".strip()
                + start_tag[cls.end(1):])
    return start_tag[:-1].rstrip("/") + f' class="{NUMERIC_CLASS}">'


def _table(table: str) -> str:
    rows = [[m for m in _CELL.finditer(row.group())] for row in _ROW.finditer(table)]
    numeric = _numeric(rows)
    widest: dict[int, int] = {}
    for cells in rows:
        for col, cell in enumerate(cells):
            body = cell.group(3)
            for start, end in _texts(body):
                for number in NUMBER.findall(body[start:end]):
                    widest[col] = max(widest.get(col, 0), _digits(number))

    def cell_html(col: int, cell: re.Match) -> str:
        body = cell.group(3)
        head = _aligned(cell.group(1)) if col in numeric else cell.group(1)
        if widest.get(col, 0) < 5:
            return head + body + cell.group(4)
        out, at = [], 0
        for start, end in _texts(body):
            out.append(body[at:start])
            out.append(NUMBER.sub(lambda m: _group(m.group()) if _digits(m.group()) == 4
                                  else m.group(), body[start:end]))
            at = end
        out.append(body[at:])
        return head + "".join(out) + cell.group(4)

    def row_html(row: re.Match) -> str:
        cells = list(_CELL.finditer(row.group()))
        text, out, at = row.group(), [], 0
        for col, cell in enumerate(cells):
            out += [text[at:cell.start()], cell_html(col, cell)]
            at = cell.end()
        return "".join(out) + text[at:]

    return _ROW.sub(row_html, table)


def group_columns(html: str) -> str:
    """``html`` with the four-digit numbers of each table column grouped wherever the
    column also has a number of five digits or more, and its columns of numbers set
    right."""
    if "<table" not in html:
        return html
    return _TABLE.sub(lambda m: _table(m.group()), html)
