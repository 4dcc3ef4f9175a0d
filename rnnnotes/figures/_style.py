"""Themes, the figure factory and the deterministic SVG writer shared by every figure.

Two themes match Material for MkDocs' two palettes: ``"light"`` (scheme ``default``, page
background #ffffff, text rgba(0,0,0,0.87)) and ``"dark"`` (scheme ``slate``, background
hsl(225, 15%, 14%) = #1e2129, text hsla(225, 15%, 90%, 0.82)). The figure background is
transparent, so it is the page's own; text and lines take the palette's colours, blended
onto its background (opaque colours keep the SVG simple).

Series colours are the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"),
which stays distinguishable under the common colour-vision deficiencies; the first colour
differs between themes (blue on white, sky blue on slate) so every series colour keeps a
contrast of at least 3:1 against its background (WCAG 2.1, 1.4.11 non-text contrast).
Heat maps use ``cividis`` (Nuñez, Anderton & Renslow 2018), designed to read the same with
and without colour-vision deficiency.

Nothing here touches pyplot: figures are ``matplotlib.figure.Figure`` objects with an Agg
canvas, and rcParams are only changed inside ``rc_context`` blocks.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.ft2font import LoadFlags
from matplotlib.ticker import FuncFormatter, NullFormatter

__all__ = ["THEMES", "Theme", "Rendered", "check_theme", "decade_labels", "log_scale",
           "new_figure", "recolour", "svg_bytes"]


@dataclass(frozen=True)
class Theme:
    """Colours of one Material palette, as matplotlib colour strings."""

    name: str
    background: str  # the page background the figure is shown on (the figure is transparent)
    foreground: str  # text, axes, the main series
    muted: str  # secondary text, reference lines
    grid: str  # grid lines and light fills
    series: tuple[str, ...]  # Okabe–Ito, in the order series are drawn
    cmap: str  # heat maps


THEMES: dict[str, Theme] = {
    "light": Theme(
        name="light",
        background="#ffffff",
        foreground="#212121",  # rgba(0, 0, 0, 0.87) on white
        muted="#6b6b6b",
        grid="#e0e0e0",
        # blue, vermillion, bluish green, reddish purple
        series=("#0072b2", "#d55e00", "#009e73", "#cc79a7"),
        cmap="cividis",
    ),
    "dark": Theme(
        name="dark",
        background="#1e2129",
        foreground="#bfc1c7",  # hsla(225, 15%, 90%, 0.82) on #1e2129
        muted="#8c8e95",
        grid="#393c46",
        # sky blue, vermillion, bluish green, reddish purple
        series=("#56b4e9", "#d55e00", "#009e73", "#cc79a7"),
        cmap="cividis",
    ),
}

# Sizes: a 5.6 x 3.5 in figure is 403 x 252 pt (537 x 336 CSS px). On a 390 px phone the
# content column is about 360 px wide, so 13 pt labels show at about 11.6 px and 12 pt tick
# labels at 10.7 px; a desktop shows the figure at its own size (13 pt = 17 px).
WIDTH, HEIGHT = 5.6, 3.5
SALT = "rnnnotes"  # svg.hashsalt: the ids of clip paths and markers, fixed


class Rendered(NamedTuple):
    """What every figure function returns: the figure and the data it plots."""

    figure: Figure
    data: Any


def _palette(t: Theme) -> tuple[str, ...]:
    return (t.background, t.foreground, t.muted, t.grid, *t.series)


def recolour(svg: bytes, source: str, target: str) -> bytes:
    """``svg`` drawn in theme ``source`` with each of its palette colours replaced by the
    same role's colour in theme ``target`` (one pass: no colour is replaced twice).

    Only ``#rrggbb`` colours of the source palette change; anything else (a colour map's
    image, a colour outside the palette) is left as it is.
    """
    mapping = dict(zip(_palette(check_theme(source)), _palette(check_theme(target)),
                       strict=True))
    text = svg.decode("utf-8")
    text = re.sub(r"#[0-9a-f]{6}\b", lambda m: mapping.get(m.group(0), m.group(0)), text)
    return text.encode("utf-8")


def check_theme(theme: object) -> Theme:
    """The :class:`Theme` called ``theme``; ValueError naming the choices otherwise."""
    if not isinstance(theme, str) or theme not in THEMES:
        raise ValueError(f"theme must be one of {tuple(THEMES)}, got {theme!r}")
    return THEMES[theme]


# Read when the SVG is written (not only when artists are made), so both times.
_SAVE_RC: dict[str, Any] = {
    "svg.hashsalt": SALT,
    "svg.fonttype": "none",  # text stays text: small files, selectable, crisp
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],
    "mathtext.fontset": "dejavusans",
}
FONT_FAMILY = "'DejaVu Sans', 'Arial', 'Helvetica', sans-serif"  # as the SVG writes it


def _rc(t: Theme) -> dict[str, Any]:
    return {
        **_SAVE_RC,
        "font.size": 13,
        "axes.titlesize": 13,
        "axes.labelsize": 13,
        "xtick.labelsize": 12,
        "ytick.labelsize": 12,
        "legend.fontsize": 12,
        "legend.frameon": False,
        "text.color": t.foreground,
        "axes.labelcolor": t.foreground,
        "axes.edgecolor": t.foreground,
        "axes.titlecolor": t.foreground,
        "xtick.color": t.foreground,
        "ytick.color": t.foreground,
        "axes.facecolor": "none",
        "figure.facecolor": "none",
        "savefig.facecolor": "none",
        "savefig.edgecolor": "none",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": False,
        "grid.color": t.grid,
        "grid.linewidth": 0.8,
        "lines.linewidth": 2.0,
        "axes.prop_cycle": matplotlib.cycler(color=list(t.series)),
        "image.cmap": t.cmap,
        "path.simplify": True,
    }


@contextmanager
def new_figure(theme: Theme, width: float = WIDTH, height: float = HEIGHT) -> Iterator[Figure]:
    """A constrained-layout Figure on an Agg canvas, drawn under the theme's rcParams.

    Use as ``with new_figure(t) as fig: ...``; the rcParams apply while the block runs
    (artists read them when created) and are restored after.
    """
    with matplotlib.rc_context(_rc(theme)):
        fig = Figure(figsize=(width, height), layout="constrained")
        FigureCanvasAgg(fig)
        yield fig


_SUPERSCRIPT = str.maketrans("-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3"
                                            "\u2074\u2075\u2076\u2077\u2078\u2079")


def _decade(value: float, _pos: object = None) -> str:
    """A decade tick as plain text, 10\u207b\u00b3 rather than mathtext $10^{-3}$: same
    look, and no mathtext layout (the slowest part of drawing a log axis)."""
    if not value > 0:
        return ""
    exponent = round(math.log10(value))
    if abs(math.log10(value) - exponent) > 1e-9:
        return ""
    return "1" if exponent == 0 else "10" + str(exponent).translate(_SUPERSCRIPT)


def decade_labels(axis) -> None:
    """Label the decades of a log ``axis`` as 10\u207b\u00b3, the other ticks not at all."""
    axis.set_major_formatter(FuncFormatter(_decade))
    axis.set_minor_formatter(NullFormatter())


def log_scale(axis) -> None:
    """Log scale on ``axis`` (``ax.xaxis`` or ``ax.yaxis``), decades labelled 10\u207b\u00b3."""
    if axis is axis.axes.yaxis:
        axis.axes.set_yscale("log")
    else:
        axis.axes.set_xscale("log")
    decade_labels(axis)


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
