"""Design review, findings 9 and 13, at 390 and 1280 px, light and dark:

- 9: the stray ``$$`` that ends each formula of a verbatim quote reads as the student's own
  characters (literal text beside the formula, with a link to the page's note on them),
  never as math and never cut off on a phone;
- 13: code blocks have one size and one line height on the notebook pages and the answer
  pages (JupyterLab set the notebooks' at 13 px, Material's details boxes theirs smaller).

Measured by the browser audit's visit of each page (probe_type.js).
"""

from __future__ import annotations

import pytest
from browser_audit import VIEWS

QUOTE_PAGE = "task-1-1/q1-unrolled-weights/"
CODE_PAGES = ["task-1-1/notebook/", "task-2-1/notebook/", "task-1-1/q1-unrolled-weights/",
              "task-1-2/q1-vanishing-exploding/"]
by_view = pytest.mark.parametrize("view", list(VIEWS), ids=lambda v: "-".join(map(str, VIEWS[v])))


# --- 9: the stray $$ of a verbatim quote ---------------------------------------------------

@by_view
def test_a_stray_delimiter_reads_as_the_students_characters(visits, view):
    width = VIEWS[view][0]
    found = visits[QUOTE_PAGE, view].probe["strays"]
    assert found is not None, "no verbatim quote"
    assert len(found) == 2, "the quote has two formulas"
    for f in found:
        assert "$" not in f["mathText"], f  # the dollars are not set as math
        assert f["chars"] == "$$" and "stray" in f["strayText"], f  # literal, and marked
        assert "$$" in f["note"] and "stray" in f["note"], f  # the link leads to the note
        assert not f["inScroller"], f
        s = f["s"]
        # whole on the screen and inside the quote
        assert 0 <= s["left"] and s["right"] <= f["vw"], f
        assert f["q"]["left"] <= s["left"] and s["right"] <= f["q"]["right"] + 0.5, f
        # kept with its formula: on its line, or the line right under it
        assert f["mathTop"] - 4 <= s["top"] and s["top"] <= f["mathBottom"] + 4, f
        if width >= 1280:  # room beside the formula: on its line, after it
            assert s["left"] >= f["mathRight"] - 0.5 and s["top"] < f["mathBottom"], f


# --- 13: one size of code -----------------------------------------------------------------

@by_view
def test_code_blocks_have_one_size_on_notebook_and_answer_pages(visits, view):
    # every code block shown once the page's closed details are opened
    sizes = {}
    for path in CODE_PAGES:
        sizes[path] = visits[path, view].probe["codeSizes"]
        assert sizes[path], f"{path}: no code block"
    seen = {tuple(s) for found in sizes.values() for s in found}
    assert len(seen) == 1, {p: sorted({tuple(s) for s in found}) for p, found in sizes.items()}
    size, line = (float(v.removesuffix("px")) for v in seen.pop())
    body = visits[QUOTE_PAGE, view].probe["paragraphSize"]
    # readable on a phone: Material's code in running text, 0.85 of the body, no smaller
    assert size >= 0.85 * body - 0.05 and line >= 1.35 * size, (size, line, body)
