"""Themes, the figure factory and the tick formats shared by every figure (SVG: _svg.py).

Two themes match Material for MkDocs' two palettes: ``"light"`` (scheme ``default``, page
background #ffffff, text rgba(0,0,0,0.87)) and ``"dark"`` (scheme ``slate``, background
hsl(225, 15%, 14%) = #1e2129, text hsla(225, 15%, 90%, 0.82)). The figure background is
transparent, so it is the page's own; text and lines take the palette's colours, blended
onto its background (opaque colours keep the SVG simple).

Series colours are the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"),
which stays distinguishable under the common colour-vision deficiencies; the first colour
differs between themes (blue on white, sky blue on slate) so every series colour keeps a
contrast of at least 3:1 against its background (WCAG 2.1, 1.4.11 non-text contrast).
Heat maps use ``viridis`` (van der Walt & Smith 2015), perceptually uniform, its lightness
rising monotonically, and readable with the common colour-vision deficiencies, from 40 % of
the way up (:func:`heat_map`): its low end, a blue-green, then stands off both pages by 3:1
or more, so that "tiny" never reads as "none" beside the hatched exact zeros (cividis, used
before, is a grey where its lightness is high enough for that, too like the hatch).

Nothing here touches pyplot: figures are ``matplotlib.figure.Figure`` objects with an Agg
canvas, and rcParams are only changed inside ``rc_context`` blocks.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import Colormap, ListedColormap
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, NullFormatter

__all__ = ["THEMES", "Theme", "Rendered", "check_theme", "decade_labels", "heat_map",
           "log_scale", "new_figure", "recolour", "themed"]


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
        cmap="viridis",
    ),
    "dark": Theme(
        name="dark",
        background="#1e2129",
        foreground="#bfc1c7",  # hsla(225, 15%, 90%, 0.82) on #1e2129
        muted="#8c8e95",
        grid="#393c46",
        # sky blue, vermillion, bluish green, reddish purple
        series=("#56b4e9", "#d55e00", "#009e73", "#cc79a7"),
        cmap="viridis",
    ),
}

# Sizes: a 4.6 x 3.3 in figure is 331 x 238 pt (442 x 317 CSS px). On a 390 px phone the
# content column is 358 px wide, so a 13 pt label shows at 14.1 px; STIX's x-height (0.45
# em, italic 0.44) is smaller than the page text's (0.52 em, font-size-adjust), so that
# reads as 11.8 px page text: 11 px is the least (tests/browser/test_browser_reading.py
# measures every label and script of every figure as shown). A wider figure needs larger
# type: 13 pt is the least up to 4.9 in wide. A desktop shows a figure at its own size.
WIDTH, HEIGHT = 4.6, 3.3
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


def themed(svg: bytes, source: str = "light") -> tuple[bytes, dict[str, dict[str, str]]]:
    """``svg`` drawn in theme ``source`` with each palette colour that differs between the
    themes written as a CSS variable, ``var(--rf1)`` (the role's index in the palette), and
    the variables' values per theme: ``{"light": {"--rf1": "#212121", ...}, "dark": ...}``.

    One drawing then serves every theme where it is inlined into a page whose CSS sets the
    variables by the page's palette (rnnsite/figure_inline.py); colours the themes share,
    and anything else (a colour map's image), are left as they are.
    """
    check_theme(source)
    palettes = {name: _palette(t) for name, t in THEMES.items()}
    roles = [i for i in range(len(palettes[source]))
             if len({p[i] for p in palettes.values()}) > 1]
    mapping = {palettes[source][i]: f"var(--rf{i})" for i in roles}
    text = re.sub(r"#[0-9a-f]{6}\b", lambda m: mapping.get(m.group(0), m.group(0)),
                  svg.decode("utf-8"))
    values = {name: {f"--rf{i}": p[i] for i in roles} for name, p in palettes.items()}
    return text.encode("utf-8"), values


HEAT_FLOOR = 0.4  # where a heat map's colours start along the theme's colour map


def heat_map(t: Theme) -> Colormap:
    """The theme's colour map from HEAT_FLOOR up: the low end of viridis (#440154) stands
    off white but hardly off the dark page (#1e2129, 1.3:1); from HEAT_FLOOR up (#2a788e)
    every colour stands off the dark page by 3.2:1 at the least, the low end off white by
    5.0:1, its lightness still rising by 44 (CIELAB L*, 47 to 91) to the top. The same
    colours in both themes (a heat map is an image, which recolour leaves alone)."""
    base = matplotlib.colormaps[t.cmap]
    return ListedColormap(base(np.linspace(HEAT_FLOOR, 1.0, 256)), name=f"{t.cmap}_raised")


def check_theme(theme: object) -> Theme:
    """The :class:`Theme` called ``theme``; ValueError naming the choices otherwise."""
    if not isinstance(theme, str) or theme not in THEMES:
        raise ValueError(f"theme must be one of {tuple(THEMES)}, got {theme!r}")
    return THEMES[theme]


# Read when the SVG is written (not only when artists are made), so both times.
_SAVE_RC: dict[str, Any] = {
    "svg.hashsalt": SALT,
    # Every text is drawn as glyph outlines (each glyph defined once, then reused): the
    # figure reads in STIX on every device, its labels and its math alike (a font named
    # in the SVG would be whatever serif the reader's device has, beside STIX math)
    "svg.fonttype": "path",
    "font.family": ["STIXGeneral", "DejaVu Serif"],  # DejaVu for what STIX lacks
    "mathtext.fontset": "stix",
}


def _rc(t: Theme) -> dict[str, Any]:
    return {
        **_SAVE_RC,
        "font.size": 13,
        "axes.titlesize": 13,
        "axes.labelsize": 13,
        "xtick.labelsize": 13,
        "ytick.labelsize": 13,
        "legend.fontsize": 13,
        "legend.frameon": False,
        # labels kept apart as shown on a phone (tests/browser/test_browser_layout.py):
        # tick labels from their axis and from each other at a corner, axis labels from
        # the tick labels
        "xtick.major.pad": 5.5,
        "ytick.major.pad": 5.5,
        "axes.labelpad": 9.0,  # a reader's serif (no STIXGeneral) may set ticks wider
        "legend.labelspacing": 0.65,  # the rows of a legend
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


def _decade(value: float, _pos: object = None) -> str:
    """A decade tick as mathtext, ``$10^{-3}$``: its exponent a real superscript in STIX
    (``mathtext.fontset``), as every other text of a figure (Unicode's superscript digits,
    10\u207b\u00b3, are not in STIXGeneral but for \u00b9 \u00b2 \u00b3: they came from
    a fallback face); 1 as itself, any other value (not a decade) unlabelled."""
    if not value > 0:
        return ""
    exponent = round(math.log10(value))
    if abs(math.log10(value) - exponent) > 1e-9:
        return ""
    return "1" if exponent == 0 else f"$10^{{{exponent}}}$"


def decade_labels(axis) -> None:
    """Label the decades of a log ``axis`` as $10^{-3}$, the other ticks not at all."""
    axis.set_major_formatter(FuncFormatter(_decade))
    axis.set_minor_formatter(NullFormatter())


def log_scale(axis) -> None:
    """Log scale on ``axis`` (``ax.xaxis`` or ``ax.yaxis``), decades labelled $10^{-3}$."""
    if axis is axis.axes.yaxis:
        axis.axes.set_yscale("log")
    else:
        axis.axes.set_xscale("log")
    decade_labels(axis)
