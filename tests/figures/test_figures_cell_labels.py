"""Where the cell diagrams write a gate's name (design review): by the stretch of its wire
that leaves the gate (the GRU's r_t floated under the middle of its wire's detour, far from
the wire's start) and, written above a level stretch, over its shaft, short of its head
(the LSTM's o_t lay over the whole short arrow from its sigma to the product, head and
all). A label beside an upright stretch (f_t, g_t) keeps off it as every label keeps off
the arrows (test_figures_layout.py).

Extents are matplotlib's own, in the figure as drawn; the wires are the diagram's data,
in the order they are drawn."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import FancyArrowPatch

from rnnnotes.figures import gru_cell_diagram, lstm_cell_diagram
from rnnnotes.figures.cells import _trim

NEAR = 0.6  # em: the most between a gate's label and its wire's first stretch
CLEAR = 0.5  # em: the least from a label over a level stretch to the stretch's head, along it


def _gap(box, points: np.ndarray) -> float:
    """The least distance from the box to the segment between two points (sampled)."""
    a, b = points
    ts = np.linspace(0, 1, 400)[:, None]
    p = a + ts * (b - a)
    dx = np.maximum.reduce([box.x0 - p[:, 0], np.zeros(len(p)), p[:, 0] - box.x1])
    dy = np.maximum.reduce([box.y0 - p[:, 1], np.zeros(len(p)), p[:, 1] - box.y1])
    return float(np.hypot(dx, dy).min())


def placements(draw):
    """(gate, gap to its wire's first stretch, gap along it to that stretch's head or None
    if the stretch is upright or has no head), both in em."""
    fig, data = draw("light")
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    ax = fig.axes[0]
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == len(data.wires)
    texts = {t.get_text(): t for t in ax.texts}
    out = []
    for node in data.nodes.values():
        if node.op not in ("gate", "candidate") or node.label_xy is None:
            continue
        label = texts[f"${node.name}$"]
        box = label.get_window_extent(renderer)
        em = renderer.points_to_pixels(label.get_fontsize())
        for wire, arrow in zip(data.wires, arrows, strict=True):
            if wire.source != node.name:
                continue
            pts = _trim(wire.route, node, data.nodes[wire.target])
            first = ax.transData.transform(pts[:2])
            along = None
            level = np.isclose(first[0, 1], first[1, 1])
            if level and len(pts) == 2:  # the head is on this stretch
                head = arrow.get_transform().transform(
                    arrow.get_path().to_polygons(closed_only=False)[-1])[:, 0]
                if first[1, 0] > first[0, 0]:  # rightwards
                    along = head.min() - box.x1
                else:
                    along = box.x0 - head.max()
                along /= em
            out.append((node.name, _gap(box, first) / em, along))
    return out


@pytest.mark.parametrize("draw", [lstm_cell_diagram, gru_cell_diagram])
def test_each_gate_label_sits_by_its_wire_clear_of_the_head(draw) -> None:
    seen = placements(draw)
    assert seen
    far = [(name, round(near, 2)) for name, near, _ in seen if near > NEAR]
    on_head = [(name, round(head, 2)) for name, _, head in seen
               if head is not None and head < CLEAR]
    assert far == [] and on_head == [], "(gate, em)"
