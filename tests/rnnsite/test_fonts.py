"""The site's fonts: the italic and bold faces are STIX's text faces (their own letters,
spacing, digits and punctuation), named as a modified version, sized beside STIX Two Math;
the text characters are those of the pages' text."""

from __future__ import annotations

import io
import string

import pytest
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont

from rnnsite.fonts import Face, face_chars, font_file, stix_two_math, text_chars
from rnnsite.text_faces import FAMILY, heights, scale_beside, stix_text

TEXT_FACES = [face for face in Face if face.source]


def _drawing(font: TTFont, char: str) -> tuple[list, int, int]:
    """The outline of ``char`` in ``font``, its advance and its left side bearing."""
    name = font.getBestCmap()[ord(char)]
    pen = DecomposingRecordingPen(font.getGlyphSet())
    font.getGlyphSet()[name].draw(pen)
    return pen.value, *font["hmtx"][name]


def _served(face: Face, chars: str = "") -> TTFont:
    return TTFont(io.BytesIO(font_file(face, face_chars(face, [f"<p>{chars}</p>"]))))


@pytest.fixture(scope="module")
def math_font() -> TTFont:
    return TTFont(stix_two_math())


@pytest.mark.parametrize("face", TEXT_FACES)
def test_letters_digits_and_punctuation_are_the_text_faces_own(face, math_font):
    """Every printable ASCII character is drawn, spaced and kerned as in the STIX text face
    (the italic f with its own side bearings, italic digits, bold punctuation), none as the
    math font's upright or math-alphabet glyph."""
    font, source = _served(face), TTFont(stix_text(face.source))
    for char in string.printable.strip():
        assert _drawing(font, char) == _drawing(source, char), char
    assert _drawing(font, "f") != _drawing(math_font, "f")
    assert "kern" in {r.FeatureTag for r in font["GPOS"].table.FeatureList.FeatureRecord}


def test_italic_digits_and_bold_punctuation_differ_from_the_upright_faces():
    upright = TTFont(io.BytesIO(font_file(Face.MATH, face_chars(Face.MATH, []))))
    italic, bold = _served(Face.ITALIC), _served(Face.BOLD)
    for char in string.digits:
        assert _drawing(italic, char)[0] != _drawing(upright, char)[0], char
    for char in ",.:;?!()":
        assert _drawing(bold, char)[0] != _drawing(upright, char)[0], char


@pytest.mark.parametrize("face", TEXT_FACES)
def test_characters_the_face_lacks_are_added_in_its_style(face):
    """Superscript digits (10⁻⁵) are the face's own digits at its ¹'s size and height; an
    arrow the italic lacks comes from the upright face of its weight."""
    font, source = _served(face, "10⁻⁵ ⁰⁴⁶⁷⁸⁹ a → b − 1¹"), TTFont(stix_text(face.source))
    cmap = font.getBestCmap()
    for sup, base in zip("⁰⁴⁵⁶⁷⁸⁹⁻", "0456789−", strict=True):
        assert ord(sup) not in source.getBestCmap()
        glyph = font["glyf"][cmap[ord(sup)]]
        assert glyph.isComposite() and cmap[ord(base)] == glyph.components[0].glyphName, sup
    one, sup_one = (font["glyf"][cmap[ord(c)]] for c in "1¹")
    for char in "⁴⁵⁻":  # placed as the 1 would have to be to fall on the ¹
        component = font["glyf"][cmap[ord(char)]].components[0]
        size, shift = component.transform[1][1], component.y
        assert abs(one.yMax * size + shift - sup_one.yMax) <= 2, char
        assert abs(one.yMin * size + shift - sup_one.yMin) <= 2, char
    assert ord("→") in cmap


@pytest.mark.parametrize("face", TEXT_FACES)
def test_a_face_is_drawn_at_the_size_that_matches_stix_two(face, math_font):
    """Under font-size-adjust (which scales each face to one x-height by its OS/2 x-height),
    the face's drawn x-height and cap height miss STIX Two Math's by at most 4% each, and
    its lines are as tall as the math font's."""
    font = _served(face)
    scale = math_font["OS/2"].sxHeight / font["OS/2"].sxHeight  # its size beside the math's
    assert scale == pytest.approx(scale_beside(font, math_font), rel=0.01)
    (x, cap), (ref_x, ref_cap) = heights(font), heights(math_font)
    assert x * scale == pytest.approx(ref_x, rel=0.04)
    assert cap * scale == pytest.approx(ref_cap, rel=0.04)
    for field in ("ascent", "descent", "lineGap"):
        assert getattr(font["hhea"], field) * scale == pytest.approx(
            getattr(math_font["hhea"], field), abs=2), field


@pytest.mark.parametrize("face", TEXT_FACES)
def test_a_face_is_named_as_a_modified_version(face):
    font = _served(face)
    names = {r.nameID: str(r) for r in font["name"].names}
    assert names[1] == FAMILY and "STIX" not in names[1] + names[4] + names[6]
    assert names[2] == face.style and "Open Font License" in names[13]
    assert "STI Pub Companies" in names[0] and "trademark" in names[7]
    assert face.source.removesuffix(".ttf") in names[10]
    assert font["OS/2"].usWeightClass == (700 if "Bold" in face.style else 400)
    assert bool(font["head"].macStyle & 2) == ("Italic" in face.style)


def test_text_chars_are_those_of_the_text_outside_math_code_and_scripts():
    page = ("<p>Café Ω <code>ß</code> <math><mi>∮</mi></math> <pre>þ</pre>"
            "<script>x = '✓'</script><style>p::after{content:'§'}</style> &amp; &#x2014;</p>")
    chars = text_chars([page])
    assert {"é", "Ω", "&", "—"} <= set(map(chr, chars))
    assert not {"ß", "∮", "þ", "✓", "§", "\n"} & set(map(chr, chars))
    assert face_chars(Face.MATH, [page]) >= chars | {ord("∮")}
    assert face_chars(Face.ITALIC, [page]) == chars


def test_a_missing_font_file_is_named():
    with pytest.raises(RuntimeError, match="NoSuchFace.ttf"):
        stix_text("NoSuchFace.ttf")
