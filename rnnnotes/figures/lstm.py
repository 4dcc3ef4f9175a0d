"""Task 2.1: the LSTM's forget gate and cell path, from rnnnotes.LSTM and rnnnotes.gradflow.

- :func:`forget_gate_heatmap`: f_t unit by unit over a sequence (the gates are recomputed
  at every step from x_t and h_{t-1}: trained weights, data-dependent values).
- :func:`cell_vs_hidden_path`: ||dc_T/dc_t|| along the cell path (the product of forget
  gates) against ||dh_T/dh_t|| of a tanh RNN, for forget-gate biases 0 and 3.
- :func:`cell_norm_forget_zero`: ||c_t|| with the forget gate forced to 0 (bias -1000)
  against the same LSTM as initialised: the cell is not zero, it is i_t g_t.
- :func:`forget_products`: sigma(b)^k, the cell path's factor over k steps when every
  forget gate is sigma(b), for b = 0, 1, 3 (an LSTM whose only nonzero parameter is b).

"Forget-gate bias b" means the two PyTorch bias vectors' forget blocks add up to b
(``bias_ih`` = b, ``bias_hh`` = 0 in rows H:2H, gate order i, f, g, o).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from rnnnotes import gradflow
from rnnnotes.figures._style import Rendered, check_theme, heat_map, log_scale, new_figure
from rnnnotes.figures.gradients import gated_gradient_norms_data
from rnnnotes.nn import LSTM

__all__ = [
    "CellNormData",
    "CellPathData",
    "ForgetGatesData",
    "ForgetProductsData",
    "cell_norm_forget_zero",
    "cell_vs_hidden_path",
    "forget_gate_heatmap",
    "forget_products",
    "with_forget_bias",
]

F_ZERO = -1000.0  # a forget-gate bias whose sigmoid is exactly 0.0 in float64
# These figures are narrower than the default one: a 4.8 in (346 pt) figure is shown at
# about its own size on a 390 px phone, so its 12 pt ticks and legends stay readable there.
# Legends say in words what the axis labels say in symbols (no small subscripts).
LINES = 4.8, 3.3


def with_forget_bias(model: LSTM, bias: float, *, zero_weights: bool = False) -> LSTM:
    """Set the forget gate's total bias to ``bias`` (``bias_ih`` = bias, ``bias_hh`` = 0 in
    rows H:2H); with ``zero_weights`` every other parameter becomes 0 too. In place."""
    H = model.hidden_size
    sd = model.state_dict()
    if zero_weights:
        sd = {k: np.zeros_like(v) for k, v in sd.items()}
    sd["bias_ih_l0"][H : 2 * H] = bias
    sd["bias_hh_l0"][H : 2 * H] = 0.0
    model.load_state_dict(sd)
    return model


def _frozen(*arrays: np.ndarray) -> None:
    for a in arrays:
        a.flags.writeable = False


def _pulses(steps: int, input_size: int, seed: int) -> np.ndarray:
    """x (T, D): standard normal noise with strong pulses every 10 steps (a sequence with
    events, so that the gates visibly react)."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((steps, input_size))
    x[5::10] += 4.0 * rng.choice([-1.0, 1.0], size=(len(range(5, steps, 10)), input_size))
    return x


# ---------------------------------------------------------------- forget gates


@dataclass(frozen=True)
class ForgetGatesData:
    """``gates[t - 1, j]`` = f_t of unit j (gradflow.forget_gates) for ``LSTM(D, H,
    seed=seed)`` with forget bias ``bias`` on the sequence ``x`` (T, D)."""

    input_size: int
    hidden_size: int
    steps: int
    seed: int
    bias: float
    x: np.ndarray
    gates: np.ndarray


@lru_cache(maxsize=2)
def forget_gates_data(input_size: int = 4, hidden_size: int = 12, steps: int = 40,
                      seed: int = 0, bias: float = 1.0) -> ForgetGatesData:
    """The forget gates of one LSTM over one sequence with pulses."""
    x = _pulses(steps, input_size, seed)
    model = with_forget_bias(LSTM(input_size, hidden_size, seed=seed), bias)
    gates = gradflow.forget_gates(model, x)  # (T, H)
    _frozen(x, gates)
    return ForgetGatesData(input_size, hidden_size, steps, seed, bias, x, gates)


def forget_gate_heatmap(theme: str = "light") -> Rendered:
    """Heat map of the forget gates $f_t$ (units × time) of LSTM(4, 12), forget bias 1, over
    40 steps of an input with a pulse every 10 steps. Returns `(figure, ForgetGatesData)`."""
    th = check_theme(theme)
    data = forget_gates_data()
    with new_figure(th, *LINES) as fig:
        ax = fig.subplots()
        T, H = data.gates.shape
        image = ax.imshow(data.gates.T, cmap=heat_map(th), vmin=0.0, vmax=1.0, aspect="auto",
                          interpolation="nearest", origin="lower",
                          extent=(0.5, T + 0.5, 0.5, H + 0.5))
        ax.set_xlabel("time step $t$")
        ax.set_ylabel("hidden unit $j$")
        ax.set_yticks([1, H // 2, H])
        bar = fig.colorbar(image, ax=ax, pad=0.02, fraction=0.05)
        bar.set_label("forget gate $f_t$")
        bar.outline.set_visible(False)
        for s in ax.spines.values():
            s.set_visible(False)
    return Rendered(fig, data)


# ---------------------------------------------------------------- cell path vs tanh RNN


@dataclass(frozen=True)
class CellPathData:
    """``cell[i, k]`` = ||dc_T/dc_{T-k}||_2 along the cell path of LSTM(D, H, seed) with
    forget bias ``biases[i]`` (gradflow.cell_jacobian_norms, path="cell"); ``rnn[k]`` =
    ||dh_T/dh_{T-k}||_2 of RNN(D, H, seed) (gradflow.hidden_jacobian_norms); one sequence
    ``x`` (T, D), k = 0..T."""

    input_size: int
    hidden_size: int
    steps: int
    seed: int
    biases: tuple[float, ...]
    x: np.ndarray
    cell: np.ndarray
    rnn: np.ndarray


@lru_cache(maxsize=2)
def cell_path_data(biases: tuple[float, ...] = (0.0, 3.0)) -> CellPathData:
    """The cell path of LSTMs with these forget biases, and the RNN of gated_gradient_norms."""
    ref = gated_gradient_norms_data()  # RNN(8, 32, seed=0) on its sequence, T = 40
    D, H, seed = ref.input_size, ref.hidden_size, ref.seed
    cell = np.array([
        gradflow.cell_jacobian_norms(with_forget_bias(LSTM(D, H, seed=seed), b), ref.x)[::-1]
        for b in biases
    ])  # (len(biases), T + 1), by k = T - t
    rnn = ref.norms[0].copy()
    _frozen(cell, rnn)
    return CellPathData(D, H, ref.steps, seed, tuple(biases), ref.x, cell, rnn)


def cell_vs_hidden_path(theme: str = "light") -> Rendered:
    r"""$\lVert \partial c_T / \partial c_t \rVert$ along the LSTM's cell path (forget bias 0
    and 3) and $\lVert \partial h_T / \partial h_t \rVert$ of a tanh RNN, all (8, 32) on one
    sequence, against $T - t$ on a log scale. Returns `(figure, CellPathData)`."""
    th = check_theme(theme)
    data = cell_path_data()
    k = np.arange(data.steps + 1)
    with new_figure(th, LINES[0], LINES[1] + 0.7) as fig:  # + the legend's three rows
        ax = fig.subplots()
        ax.plot(k, data.rnn, color=th.series[0], label="tanh RNN, hidden state")
        for i, b in enumerate(data.biases):
            ax.plot(k, data.cell[i], color=th.series[1 + i], ls=("--", "-.")[i % 2],
                    label=f"LSTM cell, forget bias {b:g}")
        log_scale(ax.yaxis)
        ax.set_xlabel("steps back $T - t$")
        ax.set_ylabel("gradient norm (spectral)")
        ax.set_xlim(0, data.steps)
        ax.yaxis.grid(True, which="major")
        # above the axes: inside, its three long entries would cross the falling curves
        fig.legend(loc="outside upper center")
    return Rendered(fig, data)


# ---------------------------------------------------------------- f = 0: the cell is not 0


@dataclass(frozen=True)
class CellNormData:
    """``norms[i, t]`` = ||c_t||_2 (gradflow.hidden_states) of LSTM(D, H, seed) with forget
    bias ``biases[i]`` (None: as initialised), t = 0..T, on the sequence ``x`` (T, D)."""

    input_size: int
    hidden_size: int
    steps: int
    seed: int
    biases: tuple[float | None, ...]
    x: np.ndarray
    cells: np.ndarray
    norms: np.ndarray


@lru_cache(maxsize=2)
def cell_norm_data(input_size: int = 4, hidden_size: int = 12, steps: int = 40,
                   seed: int = 0) -> CellNormData:
    """||c_t|| with the forget gate as initialised and forced to 0."""
    x = _pulses(steps, input_size, seed)
    biases: tuple[float | None, ...] = (None, F_ZERO)
    cells = []
    for b in biases:
        model = LSTM(input_size, hidden_size, seed=seed)
        if b is not None:
            with_forget_bias(model, b)
        cells.append(gradflow.hidden_states(model, x)[1])  # c: (T + 1, H)
    cells_a = np.array(cells)  # (2, T + 1, H)
    norms = np.linalg.norm(cells_a, axis=2)  # (2, T + 1)
    _frozen(x, cells_a, norms)
    return CellNormData(input_size, hidden_size, steps, seed, biases, x, cells_a, norms)


def cell_norm_forget_zero(theme: str = "light") -> Rendered:
    r"""$\lVert c_t \rVert_2$ over $t$ for LSTM(4, 12) as initialised and with $f_t = 0$
    (forget bias $-1000$): forgetting $c_{t-1}$ does not empty the cell, $c_t = i_t g_t$.
    Returns `(figure, CellNormData)`."""
    th = check_theme(theme)
    data = cell_norm_data()
    t = np.arange(data.steps + 1)
    with new_figure(th, *LINES) as fig:
        ax = fig.subplots()
        ax.plot(t, data.norms[0], color=th.series[0], label="as initialised")
        ax.plot(t, data.norms[1], color=th.series[1], ls="--", label="forget gate shut")
        ax.set_xlabel("time step $t$")
        ax.set_ylabel(r"$\|c_t\|_2$")
        ax.set_xlim(0, data.steps)
        ax.set_ylim(0, 1.1 * data.norms.max())
        ax.yaxis.grid(True)
        # above the axes, on one row: the figure's width, wider than the axes, holds it
        fig.legend(loc="outside upper center", ncols=2)
    return Rendered(fig, data)


# ---------------------------------------------------------------- products of forget gates


@dataclass(frozen=True)
class ForgetProductsData:
    """``products[i, k]`` = ||dc_T/dc_{T-k}||_2 on the cell path of an LSTM whose only
    nonzero parameter is the forget bias ``biases[i]``: every f_t = sigmoid(b), so this
    is sigmoid(b)^k; k = 0..steps."""

    biases: tuple[float, ...]
    steps: int
    gate: np.ndarray
    products: np.ndarray


@lru_cache(maxsize=2)
def forget_products_data(biases: tuple[float, ...] = (0.0, 1.0, 3.0),
                         steps: int = 50) -> ForgetProductsData:
    """The cell path's factor over k steps for constant forget gates sigmoid(b)."""
    x = np.zeros((steps, 1))
    rows, gates = [], []
    for b in biases:
        model = with_forget_bias(LSTM(1, 1, seed=0), b, zero_weights=True)
        gates.append(float(gradflow.forget_gates(model, x)[0, 0]))
        rows.append(gradflow.cell_jacobian_norms(model, x)[::-1])
    products, gate = np.array(rows), np.array(gates)
    _frozen(products, gate)
    return ForgetProductsData(tuple(biases), steps, gate, products)


def forget_products(theme: str = "light") -> Rendered:
    r"""The product of $k$ forget gates, $\sigma(b)^k$, for $b = 0$, 1, 3 and
    $k = 0, \dots, 50$ (log scale). Returns `(figure, ForgetProductsData)`."""
    th = check_theme(theme)
    data = forget_products_data()
    k = np.arange(data.steps + 1)
    with new_figure(th, *LINES) as fig:
        ax = fig.subplots()
        for i, b in enumerate(data.biases):
            ax.plot(k, data.products[i], color=th.series[i], ls=("-", "--", "-.")[i % 3],
                    label=rf"$b = {b:g}$, $f = {data.gate[i]:.2f}$")
        log_scale(ax.yaxis)
        ax.set_xlabel("steps $k$")
        ax.set_ylabel(r"$f^{\,k}$ (cell path)")
        ax.set_xlim(0, data.steps)
        ax.yaxis.grid(True, which="major")
        ax.legend(loc="lower left")
    return Rendered(fig, data)
