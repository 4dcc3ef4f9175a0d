"""Task 1.1 Q1: the unrolled graph, small enough to count its edges by hand.

The graph is [`unrolled_edges`][rnnnotes.counting.unrolled_edges] itself: every line
drawn is one row of that (E, 2) array, placed by the node layout of
[`unrolled_nodes`][rnnnotes.counting.unrolled_nodes].
Time runs left to right; step t is a column of H hidden units (slanted, so that no line
passes through a node), its D inputs below and its K outputs above.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from rnnnotes.counting import UnrolledCount, unrolled_edges, unrolled_nodes, unrolled_weights
from rnnnotes.figures._style import Rendered, check_theme, new_figure

__all__ = ["EDGE_KINDS", "UnrolledGraphData", "unrolled_graph", "unrolled_graph_data",
           "unrolled_graph_stacked"]

# The edge kinds, in UnrolledCount's field names, with the label drawn for each.
EDGE_KINDS = {
    "input_to_hidden": r"$x \to h$",
    "hidden_to_hidden": r"$h \to h$",
    "hidden_to_output": r"$h \to y$",
}
RECURRENCES = ("per-unit", "full")


@dataclass(frozen=True)
class UnrolledGraphData:
    """The two graphs drawn, one per recurrence, as rnnnotes.counting builds them.

    ``edges[r]``: the (E, 2) array of (source, target) node ids of :func:`unrolled_edges`;
    ``kinds[r]``: the kind of each edge (a key of :data:`EDGE_KINDS`), read off the node ids;
    ``drawn[r]``: the number of edges of each kind in ``edges[r]``, counted;
    ``counts[r]``: :func:`unrolled_weights`, the closed form the drawn counts must equal.
    h_0 is not linked in and there are no biases (the student's reading).
    """

    input_size: int
    hidden_size: int
    output_size: int
    steps: int
    nodes: dict[str, np.ndarray]
    edges: dict[str, np.ndarray]
    kinds: dict[str, np.ndarray]
    drawn: dict[str, dict[str, int]]
    counts: dict[str, UnrolledCount]


def _kinds(nodes: dict[str, np.ndarray], edges: np.ndarray) -> np.ndarray:
    """The kind of each edge (E,), from which node arrays its source and target belong to."""
    layer = np.empty(max(int(a.max()) for a in nodes.values()) + 1, dtype="<U1")
    for name, ids in nodes.items():
        layer[ids.ravel()] = name
    pair = np.char.add(layer[edges[:, 0]], layer[edges[:, 1]])  # (E,): "xh", "hh", "hy"
    names = {"xh": "input_to_hidden", "hh": "hidden_to_hidden", "hy": "hidden_to_output"}
    unknown = set(np.unique(pair)) - set(names)
    if unknown:  # a bias node ("bh", "by") or a layout this drawing does not know
        raise ValueError(f"unrolled_graph draws no edges of kind {sorted(unknown)}")
    return np.array([names[p] for p in pair], dtype=object)


@lru_cache(maxsize=8)
def unrolled_graph_data(
    input_size: int = 2, hidden_size: int = 3, output_size: int = 1, steps: int = 3
) -> UnrolledGraphData:
    """Nodes, edges and edge counts of both recurrences (per-unit and full) of the graph."""
    nodes = unrolled_nodes(input_size, hidden_size, output_size, steps)
    edges, kinds, drawn, counts = {}, {}, {}, {}
    for r in RECURRENCES:
        e = unrolled_edges(input_size, hidden_size, output_size, steps, recurrence=r)
        edges[r], kinds[r] = e, _kinds(nodes, e)
        drawn[r] = {k: int(np.sum(kinds[r] == k)) for k in EDGE_KINDS}
        counts[r] = unrolled_weights(input_size, hidden_size, output_size, steps, recurrence=r)
    for a in (*nodes.values(), *edges.values(), *kinds.values()):
        a.flags.writeable = False  # cached: nobody may change it
    return UnrolledGraphData(input_size, hidden_size, output_size, steps, nodes, edges, kinds,
                             drawn, counts)


def _positions(nodes: dict[str, np.ndarray]) -> np.ndarray:
    """(N, 2) drawing coordinates of every node id: columns of slanted hidden units."""
    x, h, y = nodes["x"], nodes["h"], nodes["y"]  # (T, D), (T+1, H), (T, K)
    T, D = x.shape
    H, K = h.shape[1], y.shape[1]
    pos = np.zeros((int(max(a.max() for a in nodes.values())) + 1, 2))
    gap, slant = 1.0 + 0.25 * H, 0.25
    for t in range(1, T + 1):
        c = gap * t
        for j in range(H):  # h_{t,j}: each unit at its own height, leaning left as it rises
            pos[h[t, j]] = (c - slant * j, j)
        for i in range(D):  # x_{t,i}: below, to the left
            pos[x[t - 1, i]] = (c - 0.9 - 0.45 * (D - 1 - i), -1.4)
        for k in range(K):  # y_{t,k}: above, to the right
            pos[y[t - 1, k]] = (c + 0.1 + 0.45 * k, H - 1 + 1.4)
    return pos


def unrolled_graph(theme: str = "light") -> Rendered:
    """The unrolled graph for $D = 2$, $H = 3$, $K = 1$, $T = 3$: per-unit and full
    recurrence side by side.

    Every edge of [`unrolled_edges`][rnnnotes.counting.unrolled_edges] is one line,
    coloured by kind; each panel lists its counts by kind. Returns
    `(figure, UnrolledGraphData)`.
    """
    # The figure is 6.4 in wide: on a 390 px phone 15 pt shows at 11.6 px.
    return _unrolled(theme, stacked=False)


def unrolled_graph_stacked(theme: str = "light") -> Rendered:
    """The same two graphs as [`unrolled_graph`][rnnnotes.figures.unrolled_graph], one above
    the other: a tall figure for a narrow column (the home page's opening), whose labels
    stay large where the side-by-side figure would be scaled down.

    Returns ``(figure, UnrolledGraphData)``.
    """
    # 5.6 in wide: on a 390 px phone (358 px of column) 18 pt shows at 16 px, in the home
    # page's column at a desk (about 320 px) at 14 px, where an italic x inks 6.4 px.
    return _unrolled(theme, stacked=True)


def _unrolled(theme: str, stacked: bool) -> Rendered:
    t = check_theme(theme)
    data = unrolled_graph_data()
    pos = _positions(data.nodes)
    colours = dict(zip(EDGE_KINDS, t.series, strict=False))
    # 18 pt: the math's lower-case italics (x, h) ink as high as the x-height of 11 px text
    # where the figure is shown smallest (tests/browser/test_browser_reading.py)
    size = label = 18 if not stacked else 19
    with new_figure(t, *((5.6, 6.6) if stacked else (6.4, 4.2))) as fig:
        axes = fig.subplots(*((2, 1) if stacked else (1, 2)), sharex=True, sharey=True)
        for ax, r in zip(axes, RECURRENCES, strict=True):
            for kind in EDGE_KINDS:
                sel = data.edges[r][data.kinds[r] == kind]  # (E_kind, 2) node ids
                # one polyline per kind, edges separated by NaN: (E_kind, 3 points, 2)
                segs = np.concatenate([pos[sel], np.full((len(sel), 1, 2), np.nan)], axis=1)
                ax.plot(segs[:, :, 0].ravel(), segs[:, :, 1].ravel(), color=colours[kind],
                        lw=1.4, solid_capstyle="round", clip_on=False, label=EDGE_KINDS[kind])
            # every node but h_0, which is not linked in
            drawn = np.concatenate([data.nodes["x"].ravel(), data.nodes["h"][1:].ravel(),
                                    data.nodes["y"].ravel()])
            ax.scatter(pos[drawn, 0], pos[drawn, 1], s=80, zorder=3, color=t.background,
                       edgecolors=t.foreground, linewidths=1.3, clip_on=False)
            for s in range(1, data.steps + 1):
                ax.text(pos[data.nodes["h"][s, 0], 0], -2.0, f"$t={s}$", ha="center",
                        va="top", color=t.muted, fontsize=size)
            parts = " + ".join(str(data.drawn[r][k]) for k in EDGE_KINDS)
            ax.set_title(f"{r}\n{parts} = {data.counts[r].total}", fontsize=label)
            ax.set_axis_off()
        first = data.nodes["h"][1]
        for ax in axes if stacked else axes[:1]:  # stacked: each panel names its rows
            for name, node in (("x", data.nodes["x"][0, 0]), ("h", first[len(first) // 2]),
                               ("y", data.nodes["y"][0, 0])):
                ax.text(pos[drawn, 0].min() - 0.3, pos[node, 1], f"${name}_t$", ha="right",
                        va="center", fontsize=label)
        fig.legend(handles=axes[0].lines, loc="outside lower center", ncols=3,
                   fontsize=size, handlelength=1.2, columnspacing=1.2)
    return Rendered(fig, data)
