"""Notebook cells and figures as laid out, on every page at 390 and 1280 px, light and dark
(design review findings 13 and 14): what probe_layout.js recorded in each view (the
visits are made once, conftest.py).
"""

from __future__ import annotations

import pytest
from browser_audit import PAGES, VIEWS

CASES = [pytest.param(path, view, id=f"{path.strip('/') or 'home'}-{view}")
         for path in PAGES for view in VIEWS]
NOTEBOOK_CASES = [c for c in CASES if c.values[0].endswith("notebook/")]
FIGURE_CASES = [c for c in CASES if c.values[0].startswith("task-") or c.values[0] == ""]

BUTTON_PX = 24  # the copy button's least side: WCAG 2.2's minimum target (2.5.8)
# Space above a code cell's first line, from the cell's top edge to the line's glyphs. It
# was 45 px in every cell (a 30 px strip for the button, then the code's own padding).
CLEAR_PX = 12  # a cell whose first line ends left of the button: only the code's padding
STRIP_PX = 32  # a cell whose first line reaches under it: a strip as tall as the button
MIN_OUTPUT_PX = 12  # the least size of printed output's type
LABEL_GAP_PX = 4  # between the boxes of any two labels of a figure, as displayed


@pytest.mark.parametrize(("path", "view"), NOTEBOOK_CASES)
def test_copy_button_is_clear_of_the_code_and_costs_a_strip_only_where_needed(
        visits, path, view):
    """The copy button's box meets no glyph box of its code (Range.getClientRects); the
    space above the first line is the code's padding where that line ends left of the
    button, and at most a button-tall strip where it would reach under it."""
    cells = visits[path, view].probe["codeCells"]
    assert cells, "a notebook page has code cells"
    for cell in cells:
        assert not cell["overText"], cell
        assert min(cell["button"]["width"], cell["button"]["height"]) >= BUTTON_PX, cell
        assert cell["above"] <= (CLEAR_PX if cell["firstFits"] else STRIP_PX), cell


@pytest.mark.parametrize(("path", "view"), NOTEBOOK_CASES)
def test_printed_output_wraps_prose_at_spaces_and_keeps_tables(visits, path, view):
    """No word of printed output is split over two lines; a line aligning columns (two
    spaces or more between words) stays one line; a line of prose never runs past the
    box (it wraps at its spaces): only tables make an output box scroll."""
    printed = visits[path, view].probe["printed"]
    assert printed, "a notebook page prints output"
    for out in printed:
        assert out["brokenWords"] == [], out
        assert out["wrappedRows"] == [], out
        assert out["proseScrolls"] == [], out


PHONE_CASES = [c for c in NOTEBOOK_CASES if VIEWS[c.values[1]][0] <= 390]


@pytest.mark.parametrize(("path", "view"), PHONE_CASES)
def test_printed_output_fits_a_phone(visits, path, view):
    """Design review of issue 18: on a phone (390 px) no output box of a notebook scrolls
    sideways; its tables are printed narrow enough (its type stays the site's, not made
    smaller to fit)."""
    printed = visits[path, view].probe["printed"]
    assert printed, "a notebook page prints output"
    assert [out["text"] for out in printed if out["scrolls"]] == []
    assert min(out["size"] for out in printed) >= MIN_OUTPUT_PX


@pytest.mark.parametrize(("path", "view"), FIGURE_CASES)
def test_figure_labels_keep_apart(visits, path, view):
    """No two labels of a figure (text, or math drawn as outlines) overlap or touch at the
    size the figure is shown: LABEL_GAP_PX at least between their boxes."""
    close = [(f["name"], f["closest"]) for f in visits[path, view].probe["figureLayout"]
             if f["closest"] is not None and f["closest"]["gap"] < LABEL_GAP_PX]
    assert close == []


@pytest.mark.parametrize(("path", "view"), FIGURE_CASES)
def test_figure_labels_lie_inside_the_figure(visits, path, view):
    """Every label's box, as Chromium sets it at the size the figure is shown, lies inside
    the figure's box: nothing is cut off at the image's edge (design review: a legend
    reading "forget gate shu")."""
    cut = [(f["name"], f["cut"]) for f in visits[path, view].probe["figureLayout"] if f["cut"]]
    assert cut == []


@pytest.mark.parametrize(("path", "view"), FIGURE_CASES)
def test_every_caption_is_flush_left_under_its_figure(visits, path, view):
    """One alignment for every caption, of one line or several (design review of 7
    December): each of its lines starts at the left edge of its figure's box."""
    for figure in visits[path, view].probe["figureLayout"]:
        caption = figure["caption"]
        if caption is None:
            continue
        assert all(abs(left - caption["figureLeft"]) <= 1 for left in caption["lefts"]), figure
