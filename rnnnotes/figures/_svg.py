"""Writing a figure as a small SVG, byte-identical from run to run.

Determinism needs both a fixed ``svg.hashsalt`` (the ids of clip paths and markers) and
``metadata={"Date": None}`` (no timestamp). :func:`_minify` then squeezes matplotlib's
output without changing the drawing: see its docstring for every step.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache

import matplotlib
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.ft2font import LoadFlags

from rnnnotes.figures._style import _SAVE_RC, FONT_FAMILY

__all__ = ["svg_bytes"]

_PROLOG = re.compile(r"\A<\?xml[^>]*>\s*<!DOCTYPE[^>]*>\s*")
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_LONG_FLOAT = re.compile(r"(?<![\w#.])(-?\d+\.\d{3,})(?![\w.])")
_PATH_DATA = re.compile(r'\bd="([^"]*)"')
_ID = re.compile(r'\sid="([^"]+)"')


def _round(m: re.Match[str]) -> str:
    return _fmt(float(m.group(1)))


def _compact_path(m: re.Match[str]) -> str:
    d = re.sub(r"\s*([MLCQZz])\s*", r"\1", m.group(1))  # no spaces around commands
    return f'd="{d.strip()}"'


def _unwrap_groups(text: str) -> str:
    """Drop every ``<g>`` without attributes together with its ``</g>`` (a no-op group)."""
    out, stack, pos = [], [], 0
    for m in re.finditer(r"<g(\s[^>]*)?>|</g>", text):
        out.append(text[pos : m.start()])
        pos = m.end()
        if m.group(0) == "</g>":
            if stack.pop():
                out.append(m.group(0))
        else:
            keep = m.group(1) is not None
            stack.append(keep)
            if keep:
                out.append(m.group(0))
    out.append(text[pos:])
    return "".join(out)


_TEXT = re.compile(r"<text>((?:<tspan [^>]*>[^<]*</tspan>)+)</text>")
_TSPAN = re.compile(r'<tspan x="([^"]+)" y="([^"]+)" style="([^"]+)">([^<]*)</tspan>')


@lru_cache(maxsize=4096)
def _advance(style: str, char: str) -> float | None:
    """The advance width in px of ``char`` in a tspan ``style``, from the font matplotlib
    laid it out with; None if the style does not say which font and size."""
    size = re.search(r"font-size: ([\d.]+)px", style)
    family = re.search(r"font-family: '([^']+)'", style)
    if size is None or family is None:
        return None
    props = FontProperties(family=family.group(1),
                           style="oblique" if "font-style: oblique" in style else "normal",
                           weight="bold" if "font-weight: 700" in style else "normal")
    font = get_font(findfont(props, fallback_to_default=False))
    font.set_size(float(size.group(1)), 72)  # 1 px of the SVG = 1 pt of the layout
    glyph = font.load_char(ord(char), flags=LoadFlags.NO_HINTING)
    return glyph.linearHoriAdvance / 65536


def _merge_glyphs(m: re.Match[str]) -> str:
    """Mathtext writes one ``<tspan>`` per glyph, grouped by style and sorted by x within a
    style. A glyph joins the run before it when it has the same style and baseline and
    starts exactly where the run's last glyph ends (its advance width, to 0.01 px): then
    the browser puts it in the same place. Glyphs that mathtext spaced out (around ``=``)
    or that have another style between them (the arrow in ``x -> h``) stay apart."""
    runs: list[list] = []  # [x, x_end, y, style, text]
    for x, y, style, c in _TSPAN.findall(m.group(1)):
        x0, last = float(x), runs[-1] if runs else None
        width = _advance(style, c) if len(c) == 1 else None
        if (last is not None and width is not None and last[3] == style and last[2] == y
                and last[1] is not None and abs(x0 - last[1]) < 0.01):
            last[1], last[4] = last[1] + width, last[4] + c
        else:
            runs.append([x0, None if width is None else x0 + width, y, style, c])
    spans = "".join(
        f'<tspan x="{_fmt(x)}" y="{y}" style="{style}">{text}</tspan>'
        for x, _, y, style, text in runs
    )
    return f"<text>{spans}</text>"


def _fmt(x: float) -> str:
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _minify(text: str) -> str:
    """Smaller SVG, same drawing.

    Drops the prolog, metadata, comments, identity rotations, unused ids and attribute-less
    groups; rounds coordinates to 1/100 pt (a phone shows 1 pt as about 0.85 px; colours
    and names are left alone); writes the font family once; merges the per-glyph
    ``<tspan>`` runs of mathtext that share a style and a baseline. Whitespace inside text
    is kept: only whitespace holding a newline (matplotlib's indentation) goes.
    """
    text = _METADATA.sub("", _PROLOG.sub("", text))
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r">\s*\n\s*<", "><", text)
    text = re.sub(r"\s*\n\s*", " ", text)  # inside attribute values (path data)
    text = _TEXT.sub(_merge_glyphs, text)  # before rounding: it compares exact positions
    text = _LONG_FLOAT.sub(_round, text)
    text = _PATH_DATA.sub(_compact_path, text)
    text = re.sub(r' transform="rotate\(-?0 [^)]*\)"', "", text)  # the identity
    # one font-family rule instead of one per text element; mathtext's runs name DejaVu
    # Sans alone, and inherit the rule's fallbacks instead (after _merge_glyphs used it)
    text = text.replace(f"font-family: {FONT_FAMILY}; ", "")
    text = text.replace("font-family: 'DejaVu Sans'; ", "")
    text = text.replace('<style type="text/css">', f"<style>text{{font-family: {FONT_FAMILY}}}", 1)
    used = set(re.findall(r"url\(#([^)]+)\)", text)) | set(re.findall(r'href="#([^"]+)"', text))
    text = _ID.sub(lambda m: m.group(0) if m.group(1) in used else "", text)
    return _unwrap_groups(text).strip()


def svg_bytes(fig: Figure) -> bytes:
    """The figure as a small SVG, byte-identical from run to run.

    Determinism needs both a fixed ``svg.hashsalt`` (the ids of clip paths and markers) and
    ``metadata={"Date": None}`` (no timestamp); then :func:`_minify` squeezes it.
    """
    buf = io.BytesIO()
    with matplotlib.rc_context(_SAVE_RC):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return _minify(buf.getvalue().decode("utf-8")).encode("utf-8")
