"""Task 1.2's figures plot what the package computes, checked against numpy by hand:
closed forms, products of per-step Jacobians, finite differences, and the cell equations."""

from __future__ import annotations

import numpy as np
import pytest
from byhand import gru_step, lstm_step, sigmoid, tanh_rnn_norms

import rnnnotes
from rnnnotes.figures import (
    gated_gradient_norms,
    gru_cell_diagram,
    lstm_cell_diagram,
    nonnormal_growth,
    rnn_gradient_norms,
    scalar_powers,
)


def test_scalar_powers_are_powers() -> None:
    data = scalar_powers("light").data
    k = np.arange(data.steps + 1)
    assert data.weights == (0.9, 1.0, 1.1, -1.0) and data.steps == 50
    for w, row in zip(data.weights, data.values, strict=True):
        np.testing.assert_allclose(row, np.abs(w) ** k, rtol=1e-13)
    np.testing.assert_array_equal(data.values[3], data.values[1])  # |-1|^k = 1^k


# ---------------------------------------------------------------- tanh RNN, by hand


@pytest.fixture(scope="module")
def sweep():
    return rnn_gradient_norms("dark").data


def test_rnn_sweep_scales_sigma_max(sweep) -> None:
    assert sweep.labels and len(sweep.sigma_max) == len(sweep.labels) == len(sweep.norms)
    np.testing.assert_allclose(sweep.sigma_max, (0.5, 0.9, 1.5, 3.0), rtol=1e-12)


def test_rnn_sweep_norms_are_products_of_step_jacobians(sweep) -> None:
    from rnnnotes.gradflow import recurrent_matrix, tanh_rnn

    for s, norms in zip(sweep.sigma_max, sweep.norms, strict=True):
        W = recurrent_matrix(sweep.hidden_size, s, kind="gaussian", seed=sweep.seed)
        assert np.linalg.norm(W, 2) == pytest.approx(s, rel=1e-12)
        sd = tanh_rnn(W, sweep.input_size, seed=sweep.seed).state_dict()
        assert "bias_ih_l0" not in sd
        np.testing.assert_allclose(norms, tanh_rnn_norms(sd, sweep.x), rtol=1e-9, atol=1e-300)


def test_rnn_sweep_bounds_hold_and_are_sigma_powers(sweep) -> None:
    k = np.arange(sweep.steps + 1)
    for s, norms, bound in zip(sweep.sigma_max, sweep.norms, sweep.bounds, strict=True):
        np.testing.assert_allclose(bound, s ** k, rtol=1e-12)
        assert np.all(norms <= bound * (1 + 1e-12))


def test_rnn_sweep_panels_show_every_curve_and_bound_whole() -> None:
    fig, data = rnn_gradient_norms("light")
    assert len(fig.axes) == len(data.labels) == 4  # one panel per sigma_max
    for ax, norms, bound in zip(fig.axes, data.norms, data.bounds, strict=True):
        low, high = ax.get_ylim()
        assert low <= norms.min() and max(norms.max(), bound.max()) <= high


def test_rnn_sweep_shows_vanishing_and_growth(sweep) -> None:
    # sigma_max < 1 must vanish; the largest sigma_max grows here (necessary, not sufficient)
    assert sweep.norms[0, -1] < 1e-12 and sweep.norms[1, -1] < 1e-6
    assert sweep.norms[-1, -1] > 1.0


# ---------------------------------------------------------------- LSTM, GRU: finite differences


def fd_hidden_jacobian(step, sd, x, t, H, eps=1e-6):
    """dh_T/dh_t by central differences, c_t (if any) held fixed at its true value."""
    def run(h, c, xs):
        for x_s in xs:
            h, c = step(sd, x_s, h, c)
        return h

    h, c = np.zeros(H), np.zeros(H)
    for x_s in x[:t]:
        h, c = step(sd, x_s, h, c)
    J = np.empty((H, H))
    for j in range(H):
        e = np.zeros(H)
        e[j] = eps
        J[:, j] = (run(h + e, c, x[t:]) - run(h - e, c, x[t:])) / (2 * eps)
    return J


@pytest.fixture(scope="module")
def gated():
    return gated_gradient_norms("light").data


def test_gated_rnn_row_is_the_product_of_step_jacobians(gated) -> None:
    sd = rnnnotes.RNN(gated.input_size, gated.hidden_size, seed=gated.seed).state_dict()
    np.testing.assert_allclose(gated.norms[0], tanh_rnn_norms(sd, gated.x), rtol=1e-9)


@pytest.mark.parametrize("row, cls", [(1, "LSTM"), (2, "GRU")])
def test_gated_rows_match_finite_differences(gated, row, cls) -> None:
    model = getattr(rnnnotes, cls)(gated.input_size, gated.hidden_size, seed=gated.seed)
    sd = model.state_dict()
    if cls == "LSTM":
        def step(sd, x, h, c):
            return lstm_step(sd, x, h, c)[:2]
    else:
        def step(sd, x, h, c):
            return gru_step(sd, x, h), c
    T = gated.steps
    for k in (1, 3, 8):  # short distances: the norms are large enough for differences
        J = fd_hidden_jacobian(step, sd, gated.x, T - k, gated.hidden_size)
        np.testing.assert_allclose(gated.norms[row, k], np.linalg.norm(J, 2), rtol=1e-6)
    assert gated.norms[row, 0] == 1.0


def test_gated_all_vanish_at_initialisation(gated) -> None:
    assert np.all(gated.norms[:, -1] < 1e-6)
    assert np.all(np.isnan(gated.bounds)) and gated.sigma_max == ()


# ---------------------------------------------------------------- non-normal growth


def test_nonnormal_powers_are_the_jordan_closed_form() -> None:
    data = nonnormal_growth("light").data
    lam, a = data.W[0, 0], data.W[0, 1]
    assert data.W[1, 0] == 0 and data.W[1, 1] == lam
    for k in range(data.steps + 1):
        # [[lam, a], [0, lam]]^k = [[lam^k, k a lam^(k-1)], [0, lam^k]]
        Wk = np.array([[lam**k, k * a * lam ** (k - 1) if k else 0.0], [0.0, lam**k]])
        assert data.nonnormal[k] == pytest.approx(np.linalg.norm(Wk, 2), rel=1e-12)
        assert data.normal[k] == pytest.approx(lam**k, rel=1e-12)
    assert data.spectral_radius == pytest.approx(lam) and data.spectral_radius < 1
    assert data.sigma_max == pytest.approx(np.linalg.norm(data.W, 2))
    assert data.nonnormal.max() > 7 and data.nonnormal[-1] < 1  # grows, then decays


def test_nonnormal_tanh_rnn_is_the_product_of_step_jacobians() -> None:
    from rnnnotes.gradflow import tanh_rnn

    data = nonnormal_growth("dark").data
    sd = tanh_rnn(data.W, 1, seed=data.seed).state_dict()
    x = np.random.default_rng(data.seed).standard_normal((data.steps, 1)) * data.input_scale
    np.testing.assert_allclose(data.tanh, tanh_rnn_norms(sd, x), rtol=1e-10)
    assert data.tanh.max() < 0.5 * data.nonnormal.max()  # saturation tames the growth


# ---------------------------------------------------------------- cell diagrams


def evaluate(data, sd, x, h0, c0=None) -> dict[str, np.ndarray]:
    """Run the diagram's graph: every node's value from its op and inputs."""
    H = sd["weight_hh_l0"].shape[1]
    rows = {b: slice(i * H, (i + 1) * H) for i, b in enumerate(data.gate_order)}
    values = {"x_t": x, "h_{t-1}": h0, "c_{t-1}": c0}
    pending = [n for n in data.nodes.values() if n.op != "input"]
    while pending:
        node = next(n for n in pending if all(i in values for i in n.inputs))
        pending.remove(node)
        v = [values[i] for i in node.inputs]
        if node.op in ("gate", "candidate"):
            r = rows[node.block]
            xi = sd["weight_ih_l0"][r] @ v[0] + sd["bias_ih_l0"][r]
            hh = sd["weight_hh_l0"][r] @ v[1] + sd["bias_hh_l0"][r]
            a = xi + (v[2] * hh if node.op == "candidate" else hh)
            out = sigmoid(a) if node.activation == "sigmoid" else np.tanh(a)
        else:
            ops = {"mul": lambda v: v[0] * v[1], "add": lambda v: v[0] + v[1],
                   "tanh": lambda v: np.tanh(v[0]), "one_minus": lambda v: 1.0 - v[0],
                   "output": lambda v: v[0]}
            out = ops[node.op](v)
        values[node.name] = out
    return values


def test_lstm_diagram_computes_the_lstm() -> None:
    data = lstm_cell_diagram("light").data
    rng = np.random.default_rng(3)
    model = rnnnotes.LSTM(4, 5, seed=7)
    x, h0, c0 = rng.standard_normal(4), rng.standard_normal(5), rng.standard_normal(5)
    _, (h1, c1) = model(x[None, None], (h0[None, None], c0[None, None]))
    values = evaluate(data, model.state_dict(), x, h0, c0)
    np.testing.assert_allclose(values["h_t out"], h1[0, 0], rtol=1e-13)
    np.testing.assert_allclose(values["c_t out"], c1[0, 0], rtol=1e-13)


def test_gru_diagram_computes_the_gru() -> None:
    data = gru_cell_diagram("dark").data
    rng = np.random.default_rng(4)
    model = rnnnotes.GRU(4, 5, seed=8)
    x, h0 = rng.standard_normal(4), rng.standard_normal(5)
    _, h1 = model(x[None, None], h0[None, None])
    values = evaluate(data, model.state_dict(), x, h0)
    np.testing.assert_allclose(values["h_t out"], h1[0, 0], rtol=1e-13)


@pytest.mark.parametrize("fn", [lstm_cell_diagram, gru_cell_diagram])
def test_every_arrow_is_an_edge_and_every_edge_an_arrow(fn) -> None:
    data = fn("light").data
    edges = {(i, n.name) for n in data.nodes.values() for i in n.inputs}
    wires = [(w.source, w.target) for w in data.wires]
    assert sorted(wires) == sorted(edges)  # each edge exactly once
    for w in data.wires:
        pts = np.array(w.route)
        assert tuple(pts[0]) == data.nodes[w.source].xy
        assert tuple(pts[-1]) == data.nodes[w.target].xy
        steps = np.diff(pts, axis=0)
        assert np.all((steps[:, 0] == 0) ^ (steps[:, 1] == 0))  # axis-aligned, no zero step


@pytest.mark.parametrize("fn, symbols", [
    (lstm_cell_diagram, {"x_t", "h_{t-1}", "c_{t-1}", "f_t", "i_t", "g_t", "o_t", "c_t", "h_t"}),
    (gru_cell_diagram, {"x_t", "h_{t-1}", "r_t", "z_t", "n_t", "1-z_t", "h_t"}),
])
def test_diagrams_use_the_equations_symbols(fn, symbols) -> None:
    fig, data = fn("light")
    drawn = {t.get_text() for t in fig.axes[0].texts}
    assert {f"${s}$" for s in symbols} <= drawn
    assert symbols <= set(data.nodes)
