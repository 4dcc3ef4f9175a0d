"""Reading every page on a phone (390 px) and at a desk (1280 px), light and dark (issue 18).

Each test reads what probe.js measured in one view of one page (the visits are made once,
conftest.py): where links sit, how big the verdicts are, how live numbers and equations
break, where an equation's reveal sits, how notebook cells use the column, and how large
figure text is as shown.
"""

from __future__ import annotations

import pytest
from browser_audit import PAGES, VIEWS

CASES = [pytest.param(path, view, id=f"{path.strip('/') or 'home'}-{view}")
         for path in PAGES for view in VIEWS]
PHONE_CASES = [c for c in CASES if c.values[1].startswith("phone")]
NOTEBOOKS = [p for p in PAGES if p.endswith("notebook/")]
FIGURE_TEXT_PX = 11  # the smallest label of a figure, as shown


@pytest.mark.parametrize(("path", "view"), CASES)
def test_every_link_and_grade_is_inside_the_screen(visits, path, view):
    """Every link and every grade or verdict badge of the page's text is whole on screen,
    with no sideways scrolling (in the home table and the summary too)."""
    assert visits[path, view].probe["links"] == []


@pytest.mark.parametrize(("path", "view"), CASES)
def test_verdicts_and_grades_read_at_body_size(visits, path, view):
    probe = visits[path, view].probe
    small = [v for v in probe["verdicts"] if v["size"] < probe["bodySize"] - 0.5]
    assert small == [], f"body text is {probe['bodySize']} px"


@pytest.mark.parametrize(("path", "view"), CASES)
def test_live_numbers_and_punctuation_after_math_never_break(visits, path, view):
    probe = visits[path, view].probe
    assert probe["splitNumbers"] == []  # each live number is one line box
    assert probe["lonePunctuation"] == []  # "h = 128." keeps its full stop


@pytest.mark.parametrize(("path", "view"), CASES)
def test_display_equations_fit_or_show_that_they_scroll(visits, path, view):
    probe = visits[path, view].probe
    for eq in probe["equations"]:
        assert eq["right"] <= probe["clientWidth"] + 1, eq  # never past the screen's edge
        if not eq["fits"]:  # cut off only in a box that scrolls, is focusable and shows it
            assert eq["scrolls"] and eq["tabindex"] == "0", eq
            assert "right" in eq["more"] and eq["cue"], eq


@pytest.mark.parametrize(("path", "view"), CASES)
def test_an_equations_reveal_sits_at_the_equation(visits, path, view):
    for reveal in visits[path, view].probe["reveals"]:
        assert reveal["left"] is not None, "a checked equation shows a dotted cue"
        assert abs(reveal["left"]) <= 24 and abs(reveal["right"]) <= 24, reveal


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("path", NOTEBOOKS)
def test_notebook_cells_use_the_column(visits, path, view):
    notebook = visits[path, view].probe["notebook"]
    assert notebook["codeWidths"], "a notebook page has code cells"
    assert notebook["covered"] == 0  # the copy button is clear of the code
    assert notebook["wrappedOutput"] == 0  # printed output keeps its lines
    if view.startswith("phone"):
        assert notebook["prompts"] == 0  # no "In [n]:" column on a phone
        assert min(notebook["codeWidths"]) >= notebook["column"] - 2, notebook


@pytest.mark.parametrize(("path", "view"), PHONE_CASES + [
    c for c in CASES if c.values[0] == "" and c.values[1].startswith("desktop")])
def test_figure_text_is_readable_as_displayed(visits, path, view):
    """Every figure's smallest label, at the size the figure is shown (a phone's column, and
    the home page's narrow figure column at a desk), is 11 px or more."""
    small = [(f["name"], round(f["smallest"], 1))
             for f in visits[path, view].probe["figures"] if f["smallest"] < FIGURE_TEXT_PX]
    assert small == []


@pytest.mark.parametrize(("path", "view"), CASES)
def test_figure_math_outlines_read_as_large_as_figure_text(visits, path, view):
    """Math drawn as outlines (c_{t-1}, f_t, sigma) is measured by its ink: each label's
    tallest glyph (its subscripts aside) stands at least as high on screen as the x-height
    of FIGURE_TEXT_PX text in the figure's font, at both widths (a label of nominal size
    12 px in STIX italic inks a 'c' of about 5.5 px: it read as 7 px text)."""
    small = [(f["name"], round(f["mathInk"], 2), round(FIGURE_TEXT_PX * f["xHeight"], 2))
             for f in visits[path, view].probe["figures"]
             if f["mathInk"] is not None and f["mathInk"] < FIGURE_TEXT_PX * f["xHeight"]]
    assert small == []
