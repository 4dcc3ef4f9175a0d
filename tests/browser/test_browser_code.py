"""Code as a reader meets it, at 390 and 1280 px, light and dark (design review of
7 December, round D): a copy button seen at rest (a phone has no hover) and never over the
code's first line; a wrapped line of code continued, not drawn as tree output; inline code
large enough beside the serif text. Measured by probe_code.js in the browser audit's visit
of every page and view.
"""

from __future__ import annotations

import pytest
from browser_audit import PAGES as EVERY_PAGE
from browser_audit import VIEWS

# Pages with each kind of code, which must be found there: Material's code blocks (the
# command line, an answer page's BibTeX, the API's examples, the calculator's command)
# and a notebook's cells. The checks themselves hold on every page.
PAGES = ("cli/", "task-1-1/q1-unrolled-weights/", "api/counting/", "calculator/",
         "task-1-1/notebook/", "conventions/")
BUTTON_CONTRAST = 3.0  # WCAG 1.4.11: a control's parts against what is behind them
HANG_CH = 2  # a wrapped line's later rows start at least this many characters further in
INLINE_RATIO = 0.89  # inline code's size over its text's (Material's own: 0.85)


@pytest.fixture(params=list(VIEWS))
def seen(request, visits):
    """``(width, {path: what probe_code.js found})`` in one view, from the audit's visit
    of every page (browser_audit.py)."""
    view = request.param
    return VIEWS[view][0], {path: visits[path, view].probe["code"] for path in EVERY_PAGE}


def test_a_copy_button_is_seen_at_rest(seen):
    """Material greys its button to 7 % (light) or 12 % (dark) of the text's colour until the
    pointer is over the code: 1.1:1 against the code, near invisible, and a phone never
    hovers. At rest it is a control like any other: 3:1 or more against its panel."""
    _, found = seen
    buttons = [(path, b) for path, page in found.items() for b in page["copy"]]
    assert {path for path, _ in buttons} >= set(PAGES)
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
    indent; at most half the box in), nothing is drawn in the text's column (the elbow down
    the indent, "└──", read as a tree's output), and each later row has a mark in the box's
    margin left of all the line's text, as printed books mark a code line continued."""
    width, found = seen
    lines = [(path, w) for path, page in found.items() for w in page["wrapped"]]
    if width <= 390:  # (the notebooks' lines fit a phone since round E: none wraps there)
        assert {path for path, _ in lines} >= {"cli/", "calculator/"}, lines
    for path, line in lines:
        assert line["painted"] == "none", (path, line)
        # (at most half the line's box in: a line indented deep, under a parenthesis, would
        # leave its later rows no room on a phone; rnnnotes.css)
        hang = min(line["first"] + HANG_CH * line["ch"],
                   line["lineLeft"] + (line["lineRight"] - line["lineLeft"]) / 2)
        assert min(line["later"]) >= hang - 0.5, (path, line)
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


def test_a_console_blocks_copy_is_its_commands(seen):
    """Design review of 7 December, round E: the command line page's copy buttons gave the
    "$ " prompts and the printed output, which fail pasted into a shell. What Material's
    button copies from a console block (a shell's or Python's session) is its commands
    alone: a line per prompt (and the lines a trailing backslash continues), no prompt, no
    output."""
    _, found = seen
    blocks = [(path, c) for path, page in found.items() for c in page["consoles"]]
    # the shell sessions, and the Python sessions (```pycon, design review G: the doctests'
    # copy gave ">>>" and the printed results, which fail pasted into a script)
    assert {path for path, _ in blocks} >= {"cli/", "task-1-1/q2-parameters-over-time/",
                                            "task-2-1/q5-bidirectional/", "api/models/"}
    for path, block in blocks:
        lines = [line for line in block["copied"].splitlines() if line.strip()]
        assert not any(line.lstrip().startswith(("$", ">>>", "...")) for line in lines), \
            (path, block)
        assert not set(block["outputs"]) & {line.strip() for line in lines}, (path, block)
        starts = [n for n, line in enumerate(lines)
                  if n == 0 or not lines[n - 1].rstrip().endswith("\\")]
        assert len(starts) == block["prompts"], (path, block)
