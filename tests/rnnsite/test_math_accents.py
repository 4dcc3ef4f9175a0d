"""TeX's accents reach the page as the math font's spacing accents, in an accent
``<mover>`` (rnnsite/math_accents.py; how they look is measured in
tests/browser/test_browser_accents.py), and the cut math font draws them."""

from __future__ import annotations

import io

import pytest
from fontTools.ttLib import TTFont

from rnnsite.fonts import Face, font_file, math_chars
from rnnsite.math_accents import ARROW, SPACING
from rnnsite.mathml import tex_to_mathml


@pytest.mark.parametrize(("tex", "accent"), [(r"\hat y", "ˆ"), (r"\hat{v}_t", "ˆ"),
                                             (r"\tilde h_t", "˜"), (r"\bar x", "¯"),
                                             (r"\dot x", "˙")])
def test_an_accent_is_the_fonts_spacing_accent_as_an_accent(tex, accent):
    mathml = tex_to_mathml(tex, display=False)
    assert '<mover accent="true">' in mathml
    assert f">{accent}</mo>" in mathml and 'stretchy="false"' in mathml
    # no ASCII caret or tilde (the text's, twice a hat's height), no combining mark
    assert not {"^", "~", "\u0302", "\u0303"} & set(mathml)


def test_an_arrow_over_a_symbol_is_marked_and_nothing_else_is():
    assert f'class="{ARROW}">→</mo>' in tex_to_mathml(r"\overrightarrow{h}_t", display=False)
    assert ARROW not in tex_to_mathml(r"x \to y", display=False)
    assert "accent" not in tex_to_mathml(r"\sum_{t=1}^{T} x_t", display=True)


def test_the_cut_math_font_draws_every_spacing_accent():
    page = "".join(f"<p><math><mover accent=\"true\"><mi>y</mi><mo>{c}</mo></mover></math></p>"
                   for c in set(SPACING.values()))
    chars = math_chars([page])
    assert {ord(c) for c in SPACING.values()} <= chars
    cmap = TTFont(io.BytesIO(font_file(Face.MATH, chars))).getBestCmap()
    assert [c for c in set(SPACING.values()) if ord(c) not in cmap] == []
