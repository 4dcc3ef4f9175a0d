"""Every figure's layout as matplotlib draws it (design review, figures 1 and 2): every
label and legend inside the figure, and no legend over a plotted line.

The extents are matplotlib's own, taken while the figure is drawn (a text that is not
drawn, such as a tick label outside the axis' range, is not measured), after the figure
was written as its SVG (which lays it out as the page's figure is laid out).
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest
from matplotlib.legend import Legend
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from rnnnotes.figures import FIGURES
from rnnnotes.figures._svg import svg_bytes

NAMES = list(FIGURES)
SLACK_PX = 0.5  # rounding: a label may touch the figure's edge, not cross it


@cache
def drawn(name: str):
    """(figure, [(text, its box as drawn)], [legend box]) of figure ``name``, light."""
    fig = FIGURES[name]("light").figure
    svg_bytes(fig)
    boxes: list[tuple[str, Bbox]] = []
    draw = Text.draw

    def recording(self, renderer):
        draw(self, renderer)
        if self.get_visible() and self.get_text():
            boxes.append((self.get_text(), self.get_window_extent(renderer)))

    Text.draw = recording
    try:
        fig.canvas.draw()
    finally:
        Text.draw = draw
    legends = [a for a in fig.findobj(Legend) if a.get_visible()]
    return fig, boxes, [legend.get_window_extent() for legend in legends]


def outside(box: Bbox, frame: Bbox) -> bool:
    return (box.x0 < frame.x0 - SLACK_PX or box.y0 < frame.y0 - SLACK_PX
            or box.x1 > frame.x1 + SLACK_PX or box.y1 > frame.y1 + SLACK_PX)


@pytest.mark.parametrize("name", NAMES)
def test_every_label_lies_inside_the_figure(name) -> None:
    fig, boxes, _ = drawn(name)
    assert boxes, "a figure has labels"
    # a legend's box too (its padding around its texts): as a browser sets the text, a
    # legend whose texts end within a pixel of the edge ran past it
    legends = [("legend", box) for box in drawn(name)[2]]
    cut = [(text, [round(v) for v in box.extents]) for text, box in boxes + legends
           if outside(box, fig.bbox)]
    assert cut == [], f"figure is {[round(v) for v in fig.bbox.extents]}"


def line_paths(fig) -> list[tuple[str, Path]]:
    """Every plotted line of every axes, in display coordinates, split at its gaps (NaN)."""
    out = []
    for ax in fig.axes:
        for line in ax.lines:
            if not line.get_visible() or line.get_linestyle() in ("None", ""):
                continue
            xy = line.get_transform().transform(line.get_xydata())
            finite = np.isfinite(xy).all(axis=1)
            # runs of finite points: each is a polyline of its own
            edges = np.flatnonzero(np.diff(np.r_[0, finite.astype(int), 0]))
            for start, stop in zip(edges[::2], edges[1::2], strict=True):
                if stop - start >= 2:
                    out.append((line.get_label(), Path(xy[start:stop])))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_no_legend_lies_over_a_plotted_line(name) -> None:
    fig, _, legends = drawn(name)
    over = [(label, [round(v) for v in box.extents]) for box in legends
            for label, path in line_paths(fig) if path.intersects_bbox(box, filled=False)]
    assert over == []


def test_the_overlap_test_sees_a_line_through_a_box() -> None:
    box = Bbox([[10, 10], [20, 20]])
    assert Path([[0, 15], [30, 15]]).intersects_bbox(box, filled=False)  # across it
    assert Path([[12, 12], [14, 14]]).intersects_bbox(box, filled=False)  # inside it
    assert not Path([[0, 0], [30, 0]]).intersects_bbox(box, filled=False)  # below it
