"""The math face carries what the pages' MathML draws: the characters written in it, and the
glyphs an element draws on its own (the radical sign of ``<msqrt>``, with its taller
variants)."""

from __future__ import annotations

import io

from fontTools.ttLib import TTFont

from rnnsite.fonts import Face, font_file, math_chars

SQRT = '<p><math><msqrt><mi>H</mi></msqrt><mo>=</mo><mn>2</mn></math></p>'
PLAIN = '<p><math><mi>H</mi><mo>=</mo><mn>2</mn></math></p>'


def test_a_square_root_brings_the_radical_sign():
    assert 0x221A in math_chars([SQRT])
    assert 0x221A not in math_chars([PLAIN])  # nothing drawn that no page uses
    assert math_chars([SQRT]) - math_chars([PLAIN]) == {0x221A}


def test_the_cut_font_draws_the_radical_and_its_taller_variants():
    font = TTFont(io.BytesIO(font_file(Face.MATH, math_chars([SQRT]))))
    radical = font.getBestCmap()[0x221A]
    variants = font["MATH"].table.MathVariants.VertGlyphCoverage.glyphs
    assert radical in variants  # the MATH table keeps its size variants with it
    assert len(font.getGlyphOrder()) > len(TTFont(io.BytesIO(
        font_file(Face.MATH, math_chars([PLAIN])))).getGlyphOrder()) + 1
