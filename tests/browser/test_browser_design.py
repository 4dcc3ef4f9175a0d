"""The design review of issue 18 (P2-P13), measured on every page at 390 and 1280 px,
light and dark: what probe.js recorded in each view (the visits are made once, conftest.py).
"""

from __future__ import annotations

import pytest
from browser_audit import PAGES, VIEWS

CASES = [pytest.param(path, view, id=f"{path.strip('/') or 'home'}-{view}")
         for path in PAGES for view in VIEWS]
ANSWER_PAGES = [p for p in PAGES if p.startswith("task-") and "/q" in p]
ANSWER_CASES = [c for c in CASES if c.values[0] in ANSWER_PAGES]
PHONE_CASES = [c for c in CASES if c.values[1].startswith("phone")]
STOCK_INDIGO = "rgb(64, 81, 181)"  # Material's primary "indigo", the stock header


@pytest.mark.parametrize(("path", "view"), ANSWER_CASES)
def test_the_grade_is_in_the_first_screen_and_leads_to_the_answer_box(visits, path, view):
    """P2: a chip under the H1 shows the grade in the first screen (a phone's too), links
    to the answer box's heading ("A full-marks answer", saying so), and the table of
    contents lists that heading."""
    chip = visits[path, view].probe["chip"]
    assert chip is not None and chip["present"], "no grade chip under the H1"
    assert chip["bottom"] <= chip["screen"], chip
    assert chip["leadsToBox"] and chip["inToc"], chip
    assert chip["boxText"].lower().removeprefix("a ") in chip["text"].lower(), chip


@pytest.mark.parametrize(("path", "view"), CASES)
def test_nothing_sticks_out_of_an_answer_box_or_admonition(visits, path, view):
    """P3: no paragraph, formula, table or figure is wider than the box it is in."""
    stuck = visits[path, view].probe["sticksOut"]
    assert stuck == [], stuck


@pytest.mark.parametrize(("path", "view"), CASES)
def test_an_opening_bracket_stays_with_its_formula(visits, path, view):
    """P4: no "(" ends a line with its inline formula on the next."""
    dangling = visits[path, view].probe["danglingOpen"]
    assert dangling == [], dangling


@pytest.mark.parametrize(("path", "view"), CASES)
def test_grade_badges_are_one_line_with_a_tint_that_shows(visits, path, view):
    """P8: a badge never wraps; its tint stands out from the page (more so in dark, where
    a faint tint disappears)."""
    probe = visits[path, view].probe
    least = 1.45 if view.endswith("dark") else 1.15
    wrapped = [b["text"] for b in probe["badges"] if not b["oneLine"]]
    assert wrapped == [], wrapped
    faint = [(b["text"], round(b["tint"], 2)) for b in probe["badges"]
             if b["text"][:1].isdigit() and b["tint"] < least]  # grades ("2 of 4 marks: …")
    assert faint == [], faint


@pytest.mark.parametrize(("path", "view"), PHONE_CASES)
def test_tables_and_admonitions_are_readable_on_a_phone(visits, path, view):
    """P9: no table cell or admonition text below 14.5 px on a phone (Material's is 12.8)."""
    small = visits[path, view].probe["smallText"]
    assert small == [], small


@pytest.mark.parametrize(("path", "view"), CASES)
def test_the_header_has_the_sites_own_colour_with_aa_contrast(visits, path, view):
    """P13: not Material's stock indigo, and its text at 4.5:1 or more, in both palettes."""
    header = visits[path, view].probe["header"]
    assert header["back"] != STOCK_INDIGO, header
    assert header["contrast"] >= 4.5, header


@pytest.mark.parametrize("view", VIEWS)
def test_every_grade_is_in_the_home_pages_first_screen(visits, view):
    """P11 and design review D: every answer's grade, each a link to its page, is in the
    home page's first screen on a phone and at a desk (the figure does not push them down;
    until D only the first answer's was there on a phone)."""
    glance = visits["", view].probe["answersFirstScreen"]
    assert glance is not None, "no grades linked to their pages on the home page"
    assert glance["bottom"] <= 844, glance
    assert sorted(link.rstrip("/").rpartition("/")[2] for link in glance["links"]) == \
        sorted(p.rstrip("/").rpartition("/")[2] for p in ANSWER_PAGES), glance


def _rgb(colour: str) -> tuple[float, float, float, float]:
    parts = [float(v) for v in colour[colour.index("(") + 1:-1].replace("/", " ")
             .replace(",", " ").split()[-4:]]
    if colour.startswith("color("):
        parts = [v * 255 for v in parts[:3]] + parts[3:]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def _luminance(rgb) -> float:
    lin = [v / 255 / 12.92 if v / 255 <= 0.04045 else ((v / 255 + 0.055) / 1.055) ** 2.4
           for v in rgb[:3]]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


PAGE_BACKGROUND = {"light": (255, 255, 255), "dark": (30, 33, 41)}  # Material's palettes


@pytest.mark.parametrize(("path", "view"), CASES)
def test_a_scrolling_equation_shows_a_clear_mark(visits, path, view):
    """P5: where a display equation still scrolls, the mark at its edge is a solid shape of
    at least 20 px, at 3:1 or more against the page (WCAG 1.4.11), not a faint glyph."""
    page = PAGE_BACKGROUND[view.split("-")[1]]
    for eq in visits[path, view].probe["equations"]:
        if eq["fits"]:
            continue
        mark = eq["mark"]
        r, g, b, alpha = _rgb(mark["back"])
        assert alpha == 1, eq
        hi, lo = sorted((_luminance((r, g, b)), _luminance(page)), reverse=True)
        assert (hi + 0.05) / (lo + 0.05) >= 3, eq
        assert min(mark["width"], mark["height"]) >= 20, eq


@pytest.mark.parametrize(("path", "view"), CASES)
def test_math_details_are_set_as_tex_sets_them(visits, path, view):
    """P14: the two bars of a norm are one height (‖x‖_F), a prime sits at its base's level
    (tanh′), the subscripts of one-symbol bases in a row hang at one level (g_t as c_t) and
    cut in under a letter open at its foot (f_t), and an operator name keeps a thin space
    from the symbol before it (w tanh′)."""
    details = visits[path, view].probe["mathDetails"]
    assert details == [], details


@pytest.mark.parametrize("view", [v for v in VIEWS if v.startswith("phone")])
def test_calculator_controls_are_touch_targets(visits, view):
    """P12: every field, select and box (with its label) of the calculator is 44 x 44 px or
    more on a phone. (Its totals stick only once the reader starts, over nothing on the
    first screen: test_browser_calculator_phone.py checks them while typing.)"""
    probe = visits["calculator/", view].probe
    assert probe["controls"], "the calculator has controls"
    small = [c for c in probe["controls"] if c["width"] < 44 or c["height"] < 44]
    assert small == [], small


@pytest.mark.parametrize(("path", "view"), CASES)
def test_a_copy_button_never_covers_code(visits, path, view):
    """P15: the copy button of a code block (the citation's BibTeX among them) sits clear of
    the code's text, whatever the width."""
    covered = visits[path, view].probe["copyOverText"]
    assert covered == [], covered


NOTEBOOK_CASES = [c for c in CASES if c.values[0].endswith("notebook/")]


@pytest.mark.parametrize(("path", "view"), NOTEBOOK_CASES)
def test_notebook_output_is_set_off_from_the_code_and_text(visits, path, view):
    """P15: each printed output has a rule at its left and its text set in from it."""
    outputs = visits[path, view].probe["outputs"]
    assert outputs, "a notebook page prints output"
    plain = [o for o in outputs if o["rule"] < 2 or o["inset"] < 8]
    assert plain == [], plain
