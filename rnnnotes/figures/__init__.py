"""Figures for the site, drawn with matplotlib from data the package computes.

One function per figure, ``name(theme="light") -> Rendered(figure, data)``: ``theme`` is
``"light"`` or ``"dark"`` (Material's ``default`` and ``slate`` palettes), ``figure`` a
``matplotlib.figure.Figure`` (Agg canvas, no pyplot) and ``data`` a frozen dataclass of
exactly what is plotted, computed by :mod:`rnnnotes.counting`, :mod:`rnnnotes.nn` and
:mod:`rnnnotes.gradflow`. :data:`FIGURES` maps each figure's name to its function, and
:func:`render_svg` gives the deterministic SVG bytes a page embeds
(``![alt text](figure:NAME "caption")``, see ``rnnsite/figures_ext.py``).

matplotlib is a dependency of the docs, not of ``rnnnotes`` itself, which needs only numpy:
``import rnnnotes`` never imports this subpackage.

>>> from rnnnotes.figures import FIGURES, render_svg
>>> fig, data = FIGURES["unrolled_graph"]("dark")
>>> data.counts["full"].total == len(data.edges["full"])
True
>>> render_svg("unrolled_graph", "dark") == render_svg("unrolled_graph", "dark")
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

try:
    import matplotlib  # noqa: F401
except ImportError as exc:  # pragma: no cover - the docs group installs it
    raise ImportError(
        "rnnnotes.figures needs matplotlib: install the package with its figures extra, "
        "`pip install 'rnnnotes[figures]'` (in a checkout, `uv sync` installs it)"
    ) from exc

from rnnnotes.figures._style import THEMES, Rendered, Theme, check_theme, recolour
from rnnnotes.figures._svg import svg_bytes
from rnnnotes.figures.bptt import bptt_contributions
from rnnnotes.figures.cells import gru_cell_diagram, lstm_cell_diagram
from rnnnotes.figures.dependency import dependency_bidirectional, dependency_forget_zero
from rnnnotes.figures.gradients import (
    gated_gradient_norms,
    nonnormal_growth,
    rnn_gradient_norms,
    scalar_powers,
)
from rnnnotes.figures.graphs import unrolled_graph, unrolled_graph_stacked
from rnnnotes.figures.lstm import (
    cell_norm_forget_zero,
    cell_vs_hidden_path,
    forget_gate_heatmap,
    forget_products,
)
from rnnnotes.figures.parameters import lstmp_parameters

# The figure functions, then the machinery; the data classes live in their modules.
__all__ = [
    "unrolled_graph",
    "unrolled_graph_stacked",
    "bptt_contributions",
    "scalar_powers",
    "rnn_gradient_norms",
    "gated_gradient_norms",
    "nonnormal_growth",
    "lstm_cell_diagram",
    "gru_cell_diagram",
    "forget_gate_heatmap",
    "cell_vs_hidden_path",
    "cell_norm_forget_zero",
    "dependency_forget_zero",
    "dependency_bidirectional",
    "forget_products",
    "lstmp_parameters",
    "FIGURES",
    "THEMES",
    "Rendered",
    "Theme",
    "recolour",
    "render_svg",
    "svg_size",
]

# name -> function, in the order the pages use them
FIGURES: dict[str, Callable[..., Rendered]] = {
    f.__name__: f
    for f in (
        # Task 1.1
        unrolled_graph,
        bptt_contributions,
        # Task 1.2
        scalar_powers,
        rnn_gradient_norms,
        gated_gradient_norms,
        nonnormal_growth,
        lstm_cell_diagram,
        gru_cell_diagram,
        # Task 2.1
        forget_gate_heatmap,
        cell_vs_hidden_path,
        cell_norm_forget_zero,
        dependency_forget_zero,
        dependency_bidirectional,
        forget_products,
        lstmp_parameters,
        # Home page (Task 1.1's graph, stacked for a narrow column)
        unrolled_graph_stacked,
    )
}


def render_svg(name: str, theme: str = "light") -> bytes:
    """The SVG of figure ``name`` in ``theme``, byte-identical from run to run.

    The light SVG is drawn (once per process: cached); the dark one is the light SVG with
    every palette colour swapped for its dark counterpart
    ([`recolour`][rnnnotes.figures.recolour]), which halves the drawing a site build does.
    The tests check, figure by figure, that this is exactly
    the SVG of ``FIGURES[name]("dark")`` up to the names of its internal ids (matplotlib
    hashes a marker's colour into its id). KeyError names the figures if ``name`` is
    unknown; ValueError names the themes if ``theme`` is.
    """
    if not isinstance(name, str) or name not in FIGURES:
        raise KeyError(f"no figure named {name!r}; the figures are {', '.join(FIGURES)}")
    check_theme(theme)
    light = _render_light(name)
    return light if theme == "light" else recolour(light, "light", theme)


@cache
def _render_light(name: str) -> bytes:
    return svg_bytes(FIGURES[name]("light").figure)


_SIZE = re.compile(rb'<svg\b[^>]*?\bwidth="([\d.]+)pt"[^>]*?\bheight="([\d.]+)pt"')


def svg_size(svg: bytes) -> tuple[int, int]:
    """(width, height) of a figure's SVG in CSS pixels (1 pt = 4/3 px), rounded."""
    m = _SIZE.search(svg)
    if m is None:
        raise ValueError("svg_size: no <svg width=...pt height=...pt> at the start")
    return round(float(m.group(1)) * 4 / 3), round(float(m.group(2)) * 4 / 3)
