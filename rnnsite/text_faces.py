"""The italic and bold text faces, made from matplotlib's STIX 1 text fonts (see
:mod:`rnnsite.fonts`): where the files are, what is added to a face, its size beside STIX
Two Math, its names."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

FAMILY = "rnnnotes Text"  # the STIX faces' name inside the font (not STIX: a reserved name)
OFL = ("This Font Software is licensed under the SIL Open Font License, Version 1.1. This"
       " license is available with a FAQ at: https://openfontlicense.org")

# Superscripts STIXGeneral has only as ¹ ² ³: the others are the face's own digit (or minus)
# at the size and height of its ¹ (measured, not assumed).
_SUPERSCRIPTS = dict(zip([0x2070, *range(0x2074, 0x207A), 0x207A, 0x207B],
                         map(ord, "0456789+−"), strict=True))
# Letters whose tops are the x-height and the cap height (flat, no overshoot).
_X_LETTERS, _CAP_LETTERS = "vwxz", "EFHIKLTZ"


def stix_text(name: str) -> Path:
    """A STIX 1 text font (``STIXGeneralItalic.ttf`` …) inside the installed matplotlib."""
    spec = importlib.util.find_spec("matplotlib")  # locate, do not import (it is slow)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the site's text faces come from matplotlib: `uv sync` installs it")
    font = Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf" / name
    if not font.is_file():
        raise RuntimeError(f"matplotlib no longer ships {name}; pin matplotlib or pick a font")
    return font


def _bounds(font, glyph: str) -> tuple[float, float, float, float]:
    from fontTools.pens.boundsPen import BoundsPen

    pen = BoundsPen(font.getGlyphSet())
    font.getGlyphSet()[glyph].draw(pen)
    return pen.bounds or (0, 0, 0, 0)


def heights(font) -> tuple[float, float]:
    """The x-height and cap height of ``font``'s drawn letters (mean tops of flat letters)."""
    cmap = font.getBestCmap()

    def top(letters: str) -> float:
        return sum(_bounds(font, cmap[ord(c)])[3] for c in letters) / len(letters)

    return top(_X_LETTERS), top(_CAP_LETTERS)


def scale_beside(font, reference) -> float:
    """How much larger ``font``'s letters should be drawn than ``reference``'s so that its
    x-height and its cap height miss the reference's by the same ratio, one short, one over
    (the geometric mean of the two ratios)."""
    (x, cap), (ref_x, ref_cap) = heights(font), heights(reference)
    return math.sqrt(ref_x / x * ref_cap / cap)


def fit_beside(font, reference) -> None:
    """Make ``font`` draw :func:`scale_beside` ``reference`` under CSS ``font-size-adjust``
    (which scales each face to a common x-height by its OS/2 x-height field), with the
    reference's line metrics: a line with italic or bold in it is as tall as one without."""
    scale = scale_beside(font, reference) * reference["head"].unitsPerEm / font["head"].unitsPerEm
    os2, ref_os2, hhea, ref_hhea = font["OS/2"], reference["OS/2"], font["hhea"], reference["hhea"]
    os2.sxHeight = round(ref_os2.sxHeight / scale)
    for table, ref, fields in ((hhea, ref_hhea, ("ascent", "descent", "lineGap")),
                               (os2, ref_os2, ("sTypoAscender", "sTypoDescender",
                                               "sTypoLineGap", "usWinAscent", "usWinDescent"))):
        for field in fields:
            setattr(table, field, round(getattr(ref, field) / scale))
    os2.fsSelection = (os2.fsSelection & ~0x80) | (ref_os2.fsSelection & 0x80)  # USE_TYPO


def _add_glyph(font, char: int, name: str, draw, advance: int) -> None:
    """Give ``font`` a new glyph ``name`` for ``char``, drawn by ``draw(pen)``."""
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    pen = TTGlyphPen(font.getGlyphSet())
    draw(pen)
    glyph = pen.glyph()
    glyph.recalcBounds(font["glyf"])
    font["glyf"][name] = glyph  # appends the name to the glyph order
    font["hmtx"][name] = (advance, getattr(glyph, "xMin", 0))
    for table in font["cmap"].tables:
        if table.isUnicode() and (char < 0x10000 or table.format in (12, 13)):
            table.cmap[char] = name


def complete(font, chars: frozenset[int], donors: list) -> None:
    """Add to ``font`` every character of ``chars`` it lacks: a superscript digit as its own
    digit at its ``¹``'s size and height, anything else from the first of ``donors`` that
    has it. What none has stays out (the browser takes it from another font, as it does
    for emoji)."""
    from fontTools.pens.transformPen import TransformPen

    cmap = font.getBestCmap()
    one, sup = (_bounds(font, cmap[c]) for c in (ord("1"), 0xB9))
    size = (sup[3] - sup[1]) / (one[3] - one[1])
    raised = (size, 0, 0, size, 0, sup[3] - one[3] * size)
    for char in sorted(chars - set(cmap)):
        name = f"uni{char:04X}"
        if _SUPERSCRIPTS.get(char) in cmap:
            glyph = cmap[_SUPERSCRIPTS[char]]
            _add_glyph(font, char, name, lambda pen, g=glyph: pen.addComponent(g, raised),
                       round(font["hmtx"][glyph][0] * size))
            continue
        donor = next((d for d in donors if char in d.getBestCmap()), None)
        if donor is None:
            continue
        glyph, scale = donor.getBestCmap()[char], font["head"].unitsPerEm / donor["head"].unitsPerEm
        _add_glyph(font, char, name, lambda pen, d=donor, g=glyph, s=scale: d.getGlyphSet()[g].draw(
            TransformPen(pen, (s, 0, 0, s, 0, 0))), round(donor["hmtx"][glyph][0] * scale))


def rename(font, style: str, source: str) -> None:
    """Name a STIX face as a modified version (its own family, its style, its origin, the
    licence), keeping its copyright and trademark records, and set its style bits."""
    bold, italic = "Bold" in style, "Italic" in style
    ps = f"{FAMILY}-{style}".replace(" ", "")
    names = font["name"]
    names.names = [r for r in names.names if r.nameID in (0, 5, 7)]  # copyright, version, ™
    for name_id, value in ((1, FAMILY), (2, style), (3, f"rnnnotes;{ps}"),
                           (4, f"{FAMILY} {style}"), (6, ps),
                           (10, f"Made by rnnnotes (rnnsite/fonts.py) from {source} of the STIX"
                                " Fonts 1.0 as matplotlib ships them: subset, with glyphs added"
                                " for characters it lacks."),
                           (13, OFL), (14, "https://openfontlicense.org")):
        names.setName(value, name_id, 3, 1, 0x409)
    font["OS/2"].usWeightClass = 700 if bold else 400
    font["OS/2"].fsSelection = (font["OS/2"].fsSelection & ~0b1100001) | (
        (0b100000 if bold else 0) | (0b1 if italic else 0))
    font["head"].macStyle = (1 if bold else 0) | (2 if italic else 0)

