"""Task 1.2 Q2: the LSTM and GRU cells, drawn by code as the graphs they compute.

A diagram is a small computation graph: every node has an operation and its inputs, and
every arrow drawn is one edge of that graph (``Wire``: source, target, route). The tests
evaluate the graph with a model's weights and compare with ``rnnnotes.LSTM``/``GRU``, so
the picture cannot drift from the equations (PyTorch's, as :mod:`rnnnotes.nn` computes):

    LSTM  f_t, i_t, o_t = sigma(W_i* x_t + b_i* + W_h* h_{t-1} + b_h*)   (blocks i, f, g, o)
          g_t = tanh(W_ig x_t + b_ig + W_hg h_{t-1} + b_hg)
          c_t = f_t * c_{t-1} + i_t * g_t,    h_t = o_t * tanh(c_t)
    GRU   r_t, z_t = sigma(W_i* x_t + b_i* + W_h* h_{t-1} + b_h*)           (blocks r, z, n)
          n_t = tanh(W_in x_t + b_in + r_t * (W_hn h_{t-1} + b_hn))
          h_t = (1 - z_t) * n_t + z_t * h_{t-1}

Operations: ``input``, ``output`` (passes its one input on), ``gate`` (``activation`` of
the gate block ``block`` applied to x_t and h_{t-1}), ``candidate`` (the GRU's n_t: inputs
x_t, h_{t-1}, r_t), ``mul``, ``add``, ``tanh`` and ``one_minus`` (1 - input).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch
from matplotlib.path import Path

from rnnnotes.figures._style import Rendered, check_theme, new_figure

__all__ = ["CellDiagramData", "CellNode", "Wire", "cell_diagram_data", "gru_cell_diagram",
           "lstm_cell_diagram"]

# Gate blocks in the order PyTorch (and rnnnotes.nn) stack them in weight_ih / weight_hh.
GATE_ORDER = {"lstm": ("i", "f", "g", "o"), "gru": ("r", "z", "n")}
_EXTENT = {"input": (0.6, 0.3), "output": (0.5, 0.3), "gate": (0.55, 0.32),
           "candidate": (0.55, 0.32), "tanh": (0.48, 0.27),
           "one_minus": (0.42, 0.27)}  # half sizes; the rest: circles
_RADIUS = 0.3
_SYMBOL = {"mul": r"$\times$", "add": "$+$"}
# small boxed operations and the candidate's tanh: 15 pt shows at 13.3 px on a 390 px phone
# (the diagram is 5.6 in wide), as high as 11.2 px of the page's text
_OP_TEXT = {"tanh": ("tanh", 15), "one_minus": (r"$1-$", 15)}
# the symbols (math outlines in STIX): 19 pt shows at 16.8 px on a 390 px phone, its
# subscripts (0.7 of it) at 11.8 px; at 17 pt (15.1 px, subscripts 10.6) the design review
# found them small. Larger, they would crowd the wires (h_{t-1}, 1 - z_t). The inputs'
# extents leave room for the wider labels (tests/browser/test_browser_reading.py measures)
_LABEL = 19


@dataclass(frozen=True)
class CellNode:
    """One node: ``name`` (its symbol in the equations, as mathtext), ``op``, ``inputs``
    (names of other nodes), the gate ``block`` and ``activation`` (gates only), where it
    is drawn (``xy``) and where its name is written (``label_xy``; None: not written)."""

    name: str
    op: str
    inputs: tuple[str, ...] = ()
    block: str | None = None
    activation: str | None = None
    xy: tuple[float, float] = (0.0, 0.0)
    label_xy: tuple[float, float] | None = None


@dataclass(frozen=True)
class Wire:
    """An arrow from node ``source`` to node ``target`` along the axis-aligned ``route``
    (node centres at both ends); several wires may share a stretch (the input bus)."""

    source: str
    target: str
    route: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class CellDiagramData:
    """The graph drawn: ``nodes`` by name, ``wires``; ``gate_order`` as in the weights;
    ``junctions``: where a wire branches (drawn as dots)."""

    cell: str
    nodes: dict[str, CellNode]
    wires: tuple[Wire, ...]
    gate_order: tuple[str, ...]
    junctions: tuple[tuple[float, float], ...]


def _bus(source_xy, entry, x_gate, y_bus, y_gate) -> tuple[tuple[float, float], ...]:
    """From a source along the bus (at height y_bus) up into the gate at x_gate."""
    return (source_xy, *entry, (x_gate, y_bus), (x_gate, y_gate))


def _lstm() -> CellDiagramData:
    G, BUS, MID, TOP = 2.6, 1.0, 3.9, 5.0  # gate row, input bus, second row, cell line
    gx = {"f": 2.9, "i": 4.3, "g": 5.7, "o": 7.1}
    # the output column, the right edge: o_t's wire long enough for its label to sit by
    # its start, clear of its head (at 8.6 the label lay over the whole short arrow)
    XH, END = 9.0, 10.2
    nodes = [
        CellNode("c_{t-1}", "input", xy=(0.0, TOP)),
        CellNode("h_{t-1}", "input", xy=(0.0, BUS)),
        CellNode("x_t", "input", xy=(1.6, -0.4)),
        CellNode("f_t", "gate", ("x_t", "h_{t-1}"), "f", "sigmoid", (gx["f"], G),
                 (gx["f"] + 0.32, 3.8)),
        CellNode("i_t", "gate", ("x_t", "h_{t-1}"), "i", "sigmoid", (gx["i"], G),
                 (gx["i"] - 0.32, 3.35)),
        CellNode("g_t", "gate", ("x_t", "h_{t-1}"), "g", "tanh", (gx["g"], G),
                 (gx["g"] + 0.42, 3.35)),  # its descender clear of the wire
        CellNode("o_t", "gate", ("x_t", "h_{t-1}"), "o", "sigmoid", (gx["o"], G),
                 (gx["o"] + 0.85, G + 0.45)),
        CellNode("f_t c_{t-1}", "mul", ("f_t", "c_{t-1}"), xy=(gx["f"], TOP)),
        CellNode("i_t g_t", "mul", ("i_t", "g_t"), xy=(gx["g"], MID)),
        CellNode("c_t", "add", ("f_t c_{t-1}", "i_t g_t"), xy=(gx["g"], TOP)),
        CellNode("tanh(c_t)", "tanh", ("c_t",), xy=(XH, MID)),
        CellNode("h_t", "mul", ("o_t", "tanh(c_t)"), xy=(XH, G)),
        CellNode("c_t out", "output", ("c_t",), xy=(END, TOP), label_xy=(END, TOP)),
        CellNode("h_t out", "output", ("h_t",), xy=(END, BUS), label_xy=(END, BUS)),
    ]
    wires = [
        Wire("c_{t-1}", "f_t c_{t-1}", ((0.0, TOP), (gx["f"], TOP))),
        Wire("f_t", "f_t c_{t-1}", ((gx["f"], G), (gx["f"], TOP))),
        Wire("f_t c_{t-1}", "c_t", ((gx["f"], TOP), (gx["g"], TOP))),
        Wire("i_t", "i_t g_t", ((gx["i"], G), (gx["i"], MID), (gx["g"], MID))),
        Wire("g_t", "i_t g_t", ((gx["g"], G), (gx["g"], MID))),
        Wire("i_t g_t", "c_t", ((gx["g"], MID), (gx["g"], TOP))),
        Wire("c_t", "c_t out", ((gx["g"], TOP), (END, TOP))),
        Wire("c_t", "tanh(c_t)", ((gx["g"], TOP), (XH, TOP), (XH, MID))),
        Wire("tanh(c_t)", "h_t", ((XH, MID), (XH, G))),
        Wire("o_t", "h_t", ((gx["o"], G), (XH, G))),
        Wire("h_t", "h_t out", ((XH, G), (XH, BUS), (END, BUS))),
    ]
    for gate, x in gx.items():
        name = f"{gate}_t"
        wires.append(Wire("h_{t-1}", name, _bus((0.0, BUS), (), x, BUS, G)))
        wires.append(Wire("x_t", name, _bus((1.6, -0.4), ((1.6, BUS),), x, BUS, G)))
    junctions = ((1.6, BUS), (gx["f"], BUS), (gx["i"], BUS), (gx["g"], BUS), (XH, TOP))
    return CellDiagramData("lstm", {n.name: n for n in nodes}, tuple(wires), GATE_ORDER["lstm"],
                           junctions)


def _gru() -> CellDiagramData:
    G, BUS, MID, TOP = 2.6, 1.0, 4.0, 5.2  # gate row, input bus, second row, state line
    gx = {"z": 2.8, "r": 4.3, "n": 8.3}
    XZ, X1 = 5.0, 6.1  # z_t h_{t-1}, and 1 - z_t (its label right of it, clear of x = 8.3)
    nodes = [
        CellNode("h_{t-1}", "input", xy=(0.0, TOP)),
        CellNode("x_t", "input", xy=(1.6, -0.4)),
        CellNode("z_t", "gate", ("x_t", "h_{t-1}"), "z", "sigmoid", (gx["z"], G), (2.5, 3.35)),
        CellNode("r_t", "gate", ("x_t", "h_{t-1}"), "r", "sigmoid", (gx["r"], G),
                 (gx["r"] + 0.85, G + 0.45)),  # by its wire's start, as the LSTM's o_t
        CellNode("n_t", "candidate", ("x_t", "h_{t-1}", "r_t"), "n", "tanh", (gx["n"], G),
                 (8.72, 3.3)),
        CellNode("z_t h_{t-1}", "mul", ("z_t", "h_{t-1}"), xy=(XZ, TOP)),
        CellNode("1-z_t", "one_minus", ("z_t",), xy=(X1, MID), label_xy=(7.3, MID + 0.5)),
        CellNode("(1-z_t) n_t", "mul", ("1-z_t", "n_t"), xy=(8.3, MID)),
        CellNode("h_t", "add", ("z_t h_{t-1}", "(1-z_t) n_t"), xy=(8.3, TOP)),
        CellNode("h_t out", "output", ("h_t",), xy=(10.2, TOP), label_xy=(10.2, TOP)),
    ]
    down = ((0.8, TOP), (0.8, BUS))  # h_{t-1} drops to the bus
    wires = [
        Wire("h_{t-1}", "z_t h_{t-1}", ((0.0, TOP), (XZ, TOP))),
        Wire("z_t", "z_t h_{t-1}", ((2.8, G), (2.8, MID), (XZ, MID), (XZ, TOP))),
        Wire("z_t", "1-z_t", ((2.8, G), (2.8, MID), (X1, MID))),
        Wire("1-z_t", "(1-z_t) n_t", ((X1, MID), (8.3, MID))),
        Wire("n_t", "(1-z_t) n_t", ((8.3, G), (8.3, MID))),
        Wire("z_t h_{t-1}", "h_t", ((XZ, TOP), (8.3, TOP))),
        Wire("(1-z_t) n_t", "h_t", ((8.3, MID), (8.3, TOP))),
        Wire("h_t", "h_t out", ((8.3, TOP), (10.2, TOP))),
        Wire("r_t", "n_t", ((4.3, G), (8.3, G))),  # straight across into the candidate
    ]
    for gate, x in gx.items():
        name = f"{gate}_t"
        wires.append(Wire("h_{t-1}", name, _bus((0.0, TOP), down, x, BUS, G)))
        wires.append(Wire("x_t", name, _bus((1.6, -0.4), ((1.6, BUS),), x, BUS, G)))
    junctions = ((0.8, TOP), (1.6, BUS), (2.8, BUS), (4.3, BUS), (XZ, MID))
    return CellDiagramData("gru", {n.name: n for n in nodes}, tuple(wires), GATE_ORDER["gru"],
                           junctions)


@lru_cache(maxsize=2)
def cell_diagram_data(cell: str) -> CellDiagramData:
    """The graph of ``cell`` ("lstm" or "gru") as drawn."""
    if cell not in GATE_ORDER:
        raise ValueError(f"cell must be one of {tuple(GATE_ORDER)}, got {cell!r}")
    return _lstm() if cell == "lstm" else _gru()


def _trim(route, source: CellNode, target: CellNode) -> np.ndarray:
    """The route with its ends pulled back to the edges of the two nodes' shapes."""
    pts = np.array(route, dtype=float)
    for end, node, inner in ((0, source, 1), (-1, target, -2)):
        d = pts[inner] - pts[end]
        d = d / np.linalg.norm(d)
        if node.op in _EXTENT:
            w, h = _EXTENT[node.op]
            pts[end] += d * (w if abs(d[0]) > abs(d[1]) else h)
        else:
            pts[end] += d * _RADIUS
    return pts


def _draw(data: CellDiagramData, theme: str):
    th = check_theme(theme)
    fg = th.foreground
    with new_figure(th, 5.6, 3.4) as fig:
        ax = fig.subplots()
        ax.set_axis_off()
        ax.set_aspect("equal")
        ax.set_xlim(-0.6, 10.8)
        ax.set_ylim(-0.8, 5.6)
        for wire in data.wires:
            pts = _trim(wire.route, data.nodes[wire.source], data.nodes[wire.target])
            arrow = FancyArrowPatch(path=Path(pts), arrowstyle="-|>", mutation_scale=12,
                                    color=fg, lw=1.3, shrinkA=0, shrinkB=0,
                                    joinstyle="miter", capstyle="butt")
            ax.add_patch(arrow)
        for node in data.nodes.values():
            x, y = node.xy
            if node.op in ("gate", "candidate"):
                w, h = _EXTENT[node.op]
                colour = th.series[0] if node.activation == "sigmoid" else th.series[1]
                ax.add_patch(FancyBboxPatch((x - w, y - h), 2 * w, 2 * h,
                                            boxstyle="round,pad=0,rounding_size=0.08",
                                            fc=th.background, ec=colour, lw=1.8, zorder=3))
                text = r"$\sigma$" if node.activation == "sigmoid" else "tanh"
                ax.text(x, y, text, ha="center", va="center", color=fg, zorder=4,
                        fontsize=_LABEL if node.activation == "sigmoid" else _OP_TEXT["tanh"][1])
            elif node.op in _OP_TEXT:  # an operation, not a layer: thin, foreground
                w, h = _EXTENT[node.op]
                ax.add_patch(FancyBboxPatch((x - w, y - h), 2 * w, 2 * h,
                                            boxstyle="round,pad=0,rounding_size=0.2",
                                            fc=th.background, ec=fg, lw=1.3, zorder=3))
                text, size = _OP_TEXT[node.op]
                ax.text(x, y, text, ha="center", va="center", color=fg, zorder=4,
                        fontsize=size)
            elif node.op not in ("input", "output"):
                ax.add_patch(Circle((x, y), _RADIUS, fc=th.background, ec=fg, lw=1.3, zorder=3))
                ax.text(x, y, _SYMBOL[node.op], ha="center", va="center", color=fg,
                        zorder=4, fontsize=15)
            if node.op == "input":
                ax.text(x, y, f"${node.name}$", ha="center", va="center", color=fg,
                        fontsize=_LABEL)
            elif node.label_xy is not None:
                shown = node.name.removesuffix(" out")
                ax.text(*node.label_xy, f"${shown}$", ha="center", va="center", color=fg,
                        fontsize=_LABEL, zorder=5)
        junctions = np.array(data.junctions)  # (J, 2)
        ax.plot(junctions[:, 0], junctions[:, 1], "o", color=fg, ms=4.5, ls="none", zorder=2)
    return fig


def lstm_cell_diagram(theme: str = "light") -> Rendered:
    r"""The LSTM cell: $c_{t-1}$ along the top (times $f_t$, plus $i_t g_t$) to $c_t$; the
    four gates $f_t, i_t, g_t, o_t$ read $h_{t-1}$ and $x_t$; $h_t = o_t \tanh(c_t)$.
    Returns `(figure, CellDiagramData)`."""
    data = cell_diagram_data("lstm")
    return Rendered(_draw(data, theme), data)


def gru_cell_diagram(theme: str = "light") -> Rendered:
    r"""The GRU cell: $h_{t-1}$ along the top, kept by $z_t$; the candidate $n_t$ (reset by
    $r_t$) enters with $1 - z_t$: $h_t = z_t h_{t-1} + (1 - z_t) n_t$.
    Returns `(figure, CellDiagramData)`."""
    data = cell_diagram_data("gru")
    return Rendered(_draw(data, theme), data)
