"""Subscripts as TeX sets them, where Chromium's MathML Core places latex2mathml's otherwise.

Two differences showed in the LSTM's equations (``c_t = f_t \\odot c_{t-1} + i_t \\odot g_t``):

- **The drop.** MathML Core lowers a subscript by at least the base's descent plus the
  font's ``SubscriptBaselineDropMin``; TeX does not, for a base that is one character (its
  rule: a character's subscript sits ``SubscriptShiftDown`` below the baseline). So ``g_t``,
  ``y_t``, ``γ_t`` hung their subscripts 0.2 em below ``c_t``'s in the same line. The base
  is wrapped in ``<mpadded depth="0">``: the subscript's shift is the character's one again.
- **The cut-in.** An italic letter open at the bottom right (𝑓, 𝑉, 𝐹, 𝑃, 𝛾) has a
  cut-in there, in the font's ``MathKernInfo`` (OpenType MATH), that TeX engines and the
  OpenType specification apply and Chromium does not: ``f_t`` read "f  t". The subscript
  gets the cut-in as a negative start margin, read from the font at the two heights the
  specification names (the subscript's top, where it is set, and the base's bottom) and the
  larger, the smaller cut-in, of the two kept (the subscript's own top-left kern, which
  none of the site's subscripts has, is left out).

:func:`subscripts` edits a parsed ``<math>`` tree in place (``rnnsite.mathml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from xml.etree import ElementTree

__all__ = ["CUT_IN", "cut_in", "subscripts"]

CUT_IN = "margin-inline-start"  # the subscript's style property that carries the cut-in


@dataclass(frozen=True)
class _Font:
    """What placing a subscript reads of STIX Two Math: its script scale and shifts, each
    glyph's vertical extent, and each italic letter's bottom-right kern (font units)."""

    units: int
    scale: float  # ScriptPercentScaleDown / 100
    shift_down: int  # SubscriptShiftDown
    top_max: int  # SubscriptTopMax
    drop_min: int  # SubscriptBaselineDropMin
    extent: dict[int, tuple[int, int]]  # code point -> (yMin, yMax)
    kerns: dict[int, tuple[tuple[int, ...], tuple[int, ...]]]  # -> (heights, kern values)


@cache
def _font() -> _Font:
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.ttLib import TTFont

    from rnnsite.fonts import stix_two_math

    font = TTFont(stix_two_math())
    math, cmap, glyphs = font["MATH"].table, font.getBestCmap(), font.getGlyphSet()
    info = math.MathGlyphInfo.MathKernInfo
    covered = {name: k for k, name in enumerate(info.MathKernCoverage.glyphs)}
    extent, kerns = {}, {}
    for point, name in cmap.items():
        pen = BoundsPen(glyphs)
        glyphs[name].draw(pen)
        if pen.bounds is not None:
            extent[point] = (pen.bounds[1], pen.bounds[3])
        corner = info.MathKernInfoRecords[covered[name]].BottomRightMathKern \
            if name in covered else None
        if corner is not None:
            kerns[point] = (tuple(h.Value for h in corner.CorrectionHeight),
                            tuple(v.Value for v in corner.KernValue))
    c = math.MathConstants
    return _Font(font["head"].unitsPerEm, c.ScriptPercentScaleDown / 100,
                 c.SubscriptShiftDown.Value, c.SubscriptTopMax.Value,
                 c.SubscriptBaselineDropMin.Value, extent, kerns)


def _kern_at(table: tuple[tuple[int, ...], tuple[int, ...]], height: float) -> int:
    """The kern a MathKern table gives at ``height``: the value for the first correction
    height at or above it, the last value above them all (OpenType MATH)."""
    heights, values = table
    return values[sum(height > h for h in heights)]


def cut_in(base: int, script: str) -> float:
    """The cut-in of ``script`` (its characters, as drawn) under the italic letter ``base``
    (a code point), in em of the script's own size: 0 or less."""
    font = _font()
    table = font.kerns.get(base)
    if table is None:
        return 0.0
    ascent = max((font.extent.get(_drawn(ch), (0, 0))[1] for ch in script), default=0)
    ascent *= font.scale
    shift = max(font.shift_down, font.drop_min, ascent - font.top_max)
    tops = (ascent - shift, font.extent.get(base, (0, 0))[0])  # the script's, the base's
    kern = max(_kern_at(table, h) for h in tops)
    return min(0.0, kern / font.units / font.scale)


def _drawn(char: str) -> int:
    """The code point a browser draws for ``char`` alone in an ``<mi>`` (its italic)."""
    from rnnsite.fonts import math_italic

    return math_italic(char)


def _letter(el: ElementTree.Element) -> str | None:
    """The one character of an ``<mi>`` drawn in italic, else None."""
    text = (el.text or "").strip()
    if el.tag == "mi" and len(text) == 1 and el.get("mathvariant") in (None, "italic") \
            and not len(el):
        return text
    return None


def _is_symbol(el: ElementTree.Element) -> bool:
    """A one-character base, or one with an accent or arrow over it (``\\vec h``)."""
    if _letter(el) is not None or el.tag in ("mi", "mn", "mo") and \
            len((el.text or "").strip()) == 1 and "minsize" not in el.attrib:
        return True  # (a sized delimiter, \Big|, is a box with its depth, as in TeX)
    if el.tag == "mrow" and len(el) == 1:
        return _is_symbol(el[0])
    return el.tag == "mover" and len(el) == 2 and _is_symbol(el[0])


def subscripts(root: ElementTree.Element) -> None:
    """Every ``<msub>`` of ``root`` whose base is one symbol: its base's depth zero (the
    drop), and its subscript's start margin the font's cut-in (``CUT_IN``)."""
    for msub in list(root.iter("msub")):
        if len(msub) != 2 or not _is_symbol(msub[0]):
            continue
        base, script = msub[0], msub[1]
        letter = _letter(base)
        if letter is not None:
            em = cut_in(_drawn(letter), "".join(script.itertext()).replace(" ", ""))
            if em < 0:
                script.set("style", f"{CUT_IN}:{em:.3f}em")
        padded = ElementTree.Element("mpadded", {"depth": "0"})
        msub.remove(base)
        padded.append(base)
        msub.insert(0, padded)
