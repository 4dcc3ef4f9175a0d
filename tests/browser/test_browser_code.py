"""Code as a reader meets it, at 390 and 1280 px, light and dark (design review of
7 December, round E): a copy button seen at rest (a phone has no hover) and never over the
code's first line; a wrapped line of code continued, not drawn as tree output; inline code
large enough beside the serif text. Measured by probe_code.js, one load per page and view.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from site_server import open_view

PROBE = (Path(__file__).parent / "probe_code.js").read_text()
# Pages with each kind of code: Material's code blocks (the command line, an answer page's
# BibTeX, the API's examples, the calculator's command) and a notebook's cells.
PAGES = ("cli/", "task-1-1/q1-unrolled-weights/", "api/counting/", "calculator/",
         "task-1-1/notebook/", "conventions/")
VIEWS = [(w, s) for w in (390, 1280) for s in ("light", "dark")]
BUTTON_CONTRAST = 3.0  # WCAG 1.4.11: a control's parts against what is behind them
HANG_CH = 2  # a wrapped line's later rows start at least this many characters further in
INLINE_RATIO = 0.89  # inline code's size over its text's (Material's own: 0.85)


@pytest.fixture(scope="module", params=VIEWS, ids=lambda v: f"{v[0]}-{v[1]}")
def seen(request, browser, server):
    """``seen[path]``: what probe_code.js found on the page in the view."""
    width, scheme = request.param
    found = {}
    with open_view(browser, width, scheme) as page:
        for path in PAGES:
            page.goto(server.url + path)
            page.evaluate("document.fonts.ready.then(() => true)")
            if scheme == "dark":
                page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
            found[path] = page.evaluate(PROBE)
    return width, found


def test_a_copy_button_is_seen_at_rest(seen):
    """Material greys its button to 7 % (light) or 12 % (dark) of the text's colour until the
    pointer is over the code: 1.1:1 against the code, near invisible, and a phone never
    hovers. At rest it is a control like any other: 3:1 or more against its panel."""
    _, found = seen
    buttons = [(path, b) for path, page in found.items() for b in page["copy"]]
    assert len({path for path, _ in buttons}) == len(PAGES)
    faint = [(path, b["code"], round(b["contrast"], 2)) for path, b in buttons
             if b["contrast"] < BUTTON_CONTRAST]
    assert faint == []


def test_a_copy_button_never_covers_the_first_line(seen):
    """The button's panel (seen now) meets no word of its code's first row."""
    _, found = seen
    over = [(path, b["code"]) for path, page in found.items() for b in page["copy"]
            if b["overFirstRow"]]
    assert over == []


def test_a_wrapped_line_reads_as_one_line(seen):
    """A line of code too long for its box wraps: its later rows are set in (a hanging
    indent), nothing is drawn in the text's column (the elbow down the indent, "└──", read
    as a tree's output), and each later row has a mark in the box's margin left of all the
    line's text, as printed books mark a code line continued."""
    width, found = seen
    lines = [(path, w) for path, page in found.items() for w in page["wrapped"]]
    if width <= 390:
        assert {path for path, _ in lines} >= {"cli/", "calculator/", "task-1-1/notebook/"}
    for path, line in lines:
        assert line["painted"] == "none", (path, line)
        assert min(line["later"]) >= line["first"] + HANG_CH * line["ch"] - 0.5, (path, line)
        marks = [m for m in line["marks"] if m["bottom"] - m["top"] > 0]
        assert len(marks) == 1, (path, line)
        mark = marks[0]
        assert round((mark["bottom"] - mark["top"]) / line["lh"]) == line["rows"] - 1, \
            (path, line)
        assert abs(mark["top"] - line["secondTop"]) < line["lh"] / 2, (path, line)
        assert mark["right"] <= min(line["first"], *line["later"]) + 0.5, (path, line)


def test_inline_code_is_near_its_texts_size(seen):
    """Inline code was 0.85 of its text (12.75 px in a 15 px table cell, 13.6 px in 16 px
    prose), small beside the serif: now at least INLINE_RATIO."""
    _, found = seen
    codes = [(path, c) for path, page in found.items() for c in page["inline"]]
    assert {c["in"] for _, c in codes} >= {"P", "TD"}
    small = {(path, c["in"], round(c["ratio"], 3)) for path, c in codes
             if c["ratio"] < INLINE_RATIO}
    assert small == set()
