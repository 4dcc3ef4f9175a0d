"""The site's fonts: the derived text faces are the math alphabets' own glyphs, named as
what they are; the text characters are those of the pages' text."""

from __future__ import annotations

import io
import unicodedata

import pytest
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont

from rnnsite.fonts import FAMILY, Face, _remap, face_chars, font_file, stix_two_math, text_chars

# Which Unicode math alphabet each derived face takes its letters from, by character name.
ALPHABETS = {Face.ITALIC: ("MATHEMATICAL ITALIC", None),
             Face.BOLD: ("MATHEMATICAL BOLD", "MATHEMATICAL BOLD"),
             Face.BOLD_ITALIC: ("MATHEMATICAL BOLD ITALIC", "MATHEMATICAL BOLD")}
DIGITS = "ZERO ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE".split()


def _source(face: Face, char: str) -> str:
    """The math character whose glyph ``char`` should show in ``face``, by its name."""
    letters, digits = ALPHABETS[face]
    if char.isdigit():
        return unicodedata.lookup(f"{digits} DIGIT {DIGITS[int(char)]}")
    if face is Face.ITALIC and char == "h":
        return "\u210e"  # PLANCK CONSTANT: the italic h has no place of its own
    case = "CAPITAL" if char.isupper() else "SMALL"
    return unicodedata.lookup(f"{letters} {case} {char.upper()}")


def _drawing(font: TTFont, char: str) -> tuple[list, int]:
    name = font.getBestCmap()[ord(char)]
    pen = DecomposingRecordingPen(font.getGlyphSet())
    font.getGlyphSet()[name].draw(pen)
    return pen.value, font["hmtx"][name][0]


@pytest.fixture(scope="module")
def original() -> TTFont:
    return TTFont(stix_two_math())


@pytest.mark.parametrize("face", list(ALPHABETS))
def test_each_letter_is_the_math_alphabets_glyph_and_the_rest_upright(face, original):
    font = TTFont(io.BytesIO(font_file(face, face_chars(face, []))))
    cmap = font.getBestCmap()
    assert set(map(chr, range(0x20, 0x7F))) <= set(map(chr, cmap))  # all of ASCII
    styled = {chr(c) for c in cmap if chr(c).isalpha() or (chr(c).isdigit() and "BOLD" in
                                                            ALPHABETS[face][0])}
    assert len(styled) == (52 if face is Face.ITALIC else 62)
    for char in map(chr, cmap):
        source = _source(face, char) if char in styled else char
        assert _drawing(font, char) == _drawing(original, source), char


@pytest.mark.parametrize("face", list(ALPHABETS))
def test_a_derived_face_is_named_as_what_it_is(face):
    font = TTFont(io.BytesIO(font_file(face, face_chars(face, []))))
    names = {r.nameID: str(r) for r in font["name"].names if r.platformID == 3}
    assert names[1] == FAMILY and "STIX Two" not in names[1] + names[4] + names[6]
    assert names[2] == face.style and "Open Font License" in names[13]
    assert "from STIX Two Math" in names[10]
    assert font["OS/2"].usWeightClass == (700 if "Bold" in face.style else 400)
    assert bool(font["head"].macStyle & 2) == ("Italic" in face.style)
    assert "MATH" not in font


def test_text_chars_are_those_of_the_text_outside_math_code_and_scripts():
    page = ("<p>Café Ω <code>ß</code> <math><mi>∮</mi></math> <pre>þ</pre>"
            "<script>x = '✓'</script><style>p::after{content:'§'}</style> &amp; &#x2014;</p>")
    chars = text_chars([page])
    assert {"é", "Ω", "&", "—"} <= set(map(chr, chars))
    assert not {"ß", "∮", "þ", "✓", "§", "\n"} & set(map(chr, chars))
    assert face_chars(Face.MATH, [page]) >= chars | {ord("∮")}


def test_a_missing_math_letter_is_named():
    font = TTFont(stix_two_math())
    with pytest.raises(RuntimeError, match="U\\+1D455"):  # unassigned: italic h's place
        _remap(font, {ord("h"): 0x1D455})
