"""Task 1.2 Q1's small multiples (rnn_gradient_norms) as drawn (design review): each
panel's title one piece of math, its lowest curve clear of the axis' floor, and the
columns' tick labels apart.

Extents are matplotlib's own, taken after the figure is laid out (constrained layout)."""

from __future__ import annotations

from functools import cache
from itertools import pairwise

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg

from rnnnotes.figures import rnn_gradient_norms

ROOM = 0.06  # of a panel's height: the least between the lowest curve and the floor
BREAK = 1.5  # a column gap at least this many times the widest gap within one axis


@cache
def drawn():
    fig, data = rnn_gradient_norms("light")
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)  # lays out the figure
    return fig, data, renderer


def test_each_title_is_one_math_string() -> None:
    """"σ_max = 0.5" set by mathtext throughout: no text space beside its "=" (the old
    title, "$\\sigma_{\\max}$ = 0.5", put a text space after the math's own)."""
    fig, data, _ = drawn()
    for ax, sigma, label in zip(fig.axes, (0.5, 0.9, 1.5, 3.0), data.labels, strict=True):
        title = ax.get_title()
        assert title == label
        assert title.startswith("$") and title.endswith("$") and title.count("$") == 2
        assert title[1:-1].replace(" ", "") == rf"\sigma_{{\max}}={sigma:g}"


def test_the_lowest_curve_ends_clear_of_the_floor() -> None:
    """The smallest norm (σ_max = 0.5, the last step) sits ROOM of the panel's height
    above the axis' floor, not in its corner (it was 1.3 %)."""
    fig, data, _ = drawn()
    for ax, norms in zip(fig.axes, data.norms, strict=True):  # shared y: one floor
        low, high = np.log10(ax.get_ylim())
        room = (np.log10(norms.min()) - low) / (high - low)
        assert room >= ROOM, room


def _tick_boxes(ax, renderer):
    return sorted((t.get_window_extent(renderer) for t in ax.get_xticklabels()
                   if t.get_visible() and t.get_text()), key=lambda b: b.x0)


def test_the_columns_tick_labels_keep_apart() -> None:
    """The left panel's last x tick label ("40") and the right panel's first ("0") are
    BREAK times farther apart than any two neighbours on one axis, so that the row reads
    as two axes, not as "0 20 40 0 20 40" (it was 0.87 times: closer than within one)."""
    fig, _, renderer = drawn()
    left, right = np.array(fig.axes).reshape(2, 2)[1]  # the top row's x labels are off
    inside = [b.x0 - a.x1 for ax in (left, right)
              for a, b in pairwise(_tick_boxes(ax, renderer))]
    between = _tick_boxes(right, renderer)[0].x0 - _tick_boxes(left, renderer)[-1].x1
    assert len(inside) == 4 and between >= BREAK * max(inside), (between, max(inside))
