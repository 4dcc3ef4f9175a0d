"""Subscripts as TeX sets them (rnnsite/math_scripts.py): a one-symbol base's depth zero, and
the font's cut-in under an italic letter open at its foot, checked against the font as
another reader reads it (ziamath's own MATH table parser). In the browser:
tests/browser/test_browser_design.py (P14)."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from rnnsite.fonts import math_italic, stix_two_math
from rnnsite.math_scripts import CUT_IN, cut_in, subscripts
from rnnsite.mathml import tex_to_mathml


@pytest.fixture(scope="module")
def zfont():
    from ziamath.mathfont import MathFont

    return MathFont(stix_two_math())


def _ours(tex: str) -> ElementTree.Element:
    return ElementTree.fromstring(tex_to_mathml(tex, display=True))


def test_a_one_symbol_base_has_no_depth_and_a_wider_one_keeps_its_own():
    root = _ours(r"g_t + \overrightarrow{h}_t + {ab}_t")
    subs = list(root.iter("msub"))
    assert [s[0].tag for s in subs] == ["mpadded", "mpadded", "mrow"], [
        ElementTree.tostring(s, encoding="unicode") for s in subs]
    assert all(s[0].get("depth") == "0" for s in subs[:2])


@pytest.mark.parametrize("letter", list("fVPT"))
def test_a_letter_open_at_its_foot_cuts_in(letter):
    sub = next(_ours(f"{letter}_t").iter("msub"))
    style = sub[1].get("style", "")
    assert style.startswith(f"{CUT_IN}:-"), style


@pytest.mark.parametrize("letter", list("cghxo"))
def test_a_closed_letter_does_not(letter):
    assert cut_in(math_italic(letter), "t") > -0.02


@pytest.mark.parametrize("letter", list("fVPTWFγ"))
@pytest.mark.parametrize("script", ["t", "s", "1", "hh"])
def test_the_cut_in_is_the_fonts_kern_where_the_script_sits(zfont, letter, script):
    """The font's bottom-right kern of the letter at the script's top and at the letter's
    foot, the smaller cut-in of the two, as ziamath's parser reads the table; the script's
    shift as MathML Core sets it for a base of no depth."""
    math = zfont.math
    consts, scale = math.consts, math.consts.scriptPercentScaleDown / 100
    base = zfont.glyph(chr(math_italic(letter)))
    drawn = [zfont.glyph(chr(math_italic(c))) for c in script]
    ascent = max(g.path.bbox.ymax for g in drawn) * scale
    shift = max(consts.subscriptShiftDown, consts.subscriptBaselineDropMin,
                ascent - consts.subscriptTopMax)
    kerns = math.kernInfo.glyph(base.index).bottomright
    kern = max(kerns.getkern(ascent - shift), kerns.getkern(base.path.bbox.ymin))
    expected = min(0.0, kern / zfont.info.layout.unitsperem / scale)
    assert cut_in(math_italic(letter), script) == pytest.approx(expected, abs=1e-9)


def test_only_msub_is_touched():
    root = ElementTree.fromstring("<math><msup><mi>f</mi><mi>t</mi></msup></math>")
    subscripts(root)
    assert ElementTree.tostring(root, encoding="unicode") == \
        "<math><msup><mi>f</mi><mi>t</mi></msup></math>"
