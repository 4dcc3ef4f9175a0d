"""Reading every page on a phone (390 px) and at a desk (1280 px), light and dark (issue 18).

Each test reads what probe.js measured in one view of one page (the visits are made once,
conftest.py): where links sit, how big the verdicts are, how live numbers and equations
break, where an equation's reveal sits, how notebook cells use the column, and how large
figure text is as shown.
"""

from __future__ import annotations

from functools import cache

import pytest
from browser_audit import PAGES, VIEWS

CASES = [pytest.param(path, view, id=f"{path.strip('/') or 'home'}-{view}")
         for path in PAGES for view in VIEWS]
PHONE_CASES = [c for c in CASES if c.values[1].startswith("phone")]
NOTEBOOKS = [p for p in PAGES if p.endswith("notebook/")]
FIGURE_TEXT_PX = 11  # the smallest label of a figure, as shown, in page text px
SCRIPT = 0.7  # a sub- or superscript's size in a label (mathtext's; MathML's is 0.71)


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


@cache
def stix_x_height() -> float:
    """The x-height of the figures' font, in em: the smaller of STIX's upright and italic
    (labels and math), read from matplotlib's own STIXGeneral files."""
    from fontTools.ttLib import TTFont

    from rnnsite.text_faces import heights, stix_text

    def x(name: str) -> float:
        font = TTFont(stix_text(name))
        return heights(font)[0] / font["head"].unitsPerEm

    return min(x("STIXGeneral.ttf"), x("STIXGeneralItalic.ttf"))


def as_page_px(size: float, page_adjust: float) -> float:
    """A figure glyph of font size ``size`` (CSS px, as shown) as the page's text size whose
    letters stand as high: the page sets its text at an x-height of ``page_adjust`` em
    (font-size-adjust), the figure's STIX at its own, smaller one."""
    return size * stix_x_height() / page_adjust


def test_page_px_reads_the_x_height() -> None:
    # 11 px of the page's text and the STIX size with the same x-height read alike
    assert as_page_px(11 * 0.52 / stix_x_height(), 0.52) == pytest.approx(11)
    assert 0.40 < stix_x_height() < 0.47  # STIX 1: about 0.45 em, italic 0.43


@pytest.mark.parametrize(("path", "view"), PHONE_CASES + [
    c for c in CASES if c.values[0] == "" and c.values[1].startswith("desktop")])
def test_figure_text_is_readable_as_displayed(visits, path, view):
    """Every label of every figure (all drawn as STIX outlines), at the size the figure is
    shown (a phone's column, and the home page's narrow figure column at a desk), stands as
    high as FIGURE_TEXT_PX text of the page (its x-height: STIX's is smaller than the
    page's adjusted one, so 11 px STIX reads as 9.3 px page text); its subscripts and
    superscripts as high as the page's own (SCRIPT of that). No text is left to a
    reader's font."""
    probe = visits[path, view].probe
    assert len(probe["figures"]) == probe["figureCount"]  # every figure measured: inline SVG
    small = []
    for f in probe["figures"]:
        assert f["texts"] == 0 and f["labels"] > 0, f
        base, script = (as_page_px(f[k], probe["pageAdjust"])
                        for k in ("smallest", "smallestGlyph"))
        if base < FIGURE_TEXT_PX or script < SCRIPT * FIGURE_TEXT_PX:
            small.append((f["name"], round(f["width"]), round(base, 1), round(script, 1)))
    assert small == [], "(figure, shown width, smallest label, smallest script) in page px"
