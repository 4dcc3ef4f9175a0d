"""Task 2.1's figures plot what the package computes, checked against numpy by hand (the
cell equations, finite differences, closed forms)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from byhand import lstm_outputs, lstm_run, sigmoid, tanh_rnn_norms

import rnnnotes
from rnnnotes.figures import (
    cell_norm_forget_zero,
    cell_vs_hidden_path,
    dependency_bidirectional,
    dependency_forget_zero,
    forget_gate_heatmap,
    forget_products,
    lstmp_parameters,
)
from rnnnotes.figures.lstm import with_forget_bias


def lstm_sd(D, H, seed, bias=None, **kw):
    model = rnnnotes.LSTM(D, H, seed=seed, **kw)
    if bias is not None:
        with_forget_bias(model, bias)
    return model.state_dict()


def test_with_forget_bias_sets_the_total_forget_bias() -> None:
    sd = lstm_sd(3, 5, 0, bias=2.5)
    total = sd["bias_ih_l0"] + sd["bias_hh_l0"]
    np.testing.assert_array_equal(total[5:10], 2.5)
    np.testing.assert_array_equal(total[:5], lstm_sd(3, 5, 0)["bias_ih_l0"][:5]
                                  + lstm_sd(3, 5, 0)["bias_hh_l0"][:5])  # other gates kept


def test_heatmap_gates_are_the_lstms_forget_gates() -> None:
    data = forget_gate_heatmap("light").data
    sd = lstm_sd(data.input_size, data.hidden_size, data.seed, bias=data.bias)
    _, _, forget = lstm_run(sd, data.x)
    np.testing.assert_allclose(data.gates, forget, rtol=1e-12)
    assert data.gates.shape == (data.steps, data.hidden_size)
    assert np.ptp(data.gates) > 0.5  # the values depend on the data: far from constant


def test_cell_path_is_the_product_of_forget_gates() -> None:
    data = cell_vs_hidden_path("light").data
    for b, norms in zip(data.biases, data.cell, strict=True):
        sd = lstm_sd(data.input_size, data.hidden_size, data.seed, bias=b)
        _, _, f = lstm_run(sd, data.x)  # (T, H)
        # ||dc_T/dc_{T-k}||_2 = max_j prod_{s=T-k+1..T} f_s[j]  (a diagonal matrix)
        prods = np.vstack([np.ones(data.hidden_size), np.cumprod(f[::-1], axis=0)])
        np.testing.assert_allclose(norms, prods.max(axis=1), rtol=1e-12)


def test_cell_path_rnn_is_the_tanh_rnn_product() -> None:
    data = cell_vs_hidden_path("dark").data
    sd = rnnnotes.RNN(data.input_size, data.hidden_size, seed=data.seed).state_dict()
    np.testing.assert_allclose(data.rnn, tanh_rnn_norms(sd, data.x), rtol=1e-9)
    assert data.biases == (0.0, 3.0)
    assert data.cell[1, -1] > 1e3 * data.rnn[-1]  # bias 3 keeps the cell path alive


def test_forget_zero_cell_is_input_times_candidate_not_zero() -> None:
    data = cell_norm_forget_zero("light").data
    assert data.biases == (None, -1000.0)
    for b, norms, cells in zip(data.biases, data.norms, data.cells, strict=True):
        sd = lstm_sd(data.input_size, data.hidden_size, data.seed, bias=b)
        _, c, f = lstm_run(sd, data.x)
        np.testing.assert_allclose(cells, c, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(norms, np.linalg.norm(c, axis=1), rtol=1e-12)
    forced = data.cells[1]
    sd = lstm_sd(data.input_size, data.hidden_size, data.seed, bias=-1000.0)
    h = lstm_run(sd, data.x)[0]
    for t in range(1, data.steps + 1):  # c_t = i_t g_t exactly, with i, g from x_t, h_{t-1}
        a = (sd["weight_ih_l0"] @ data.x[t - 1] + sd["bias_ih_l0"]
             + sd["weight_hh_l0"] @ h[t - 1] + sd["bias_hh_l0"])
        i, _, g, _ = np.split(a, 4)
        np.testing.assert_allclose(forced[t], sigmoid(i) * np.tanh(g), rtol=1e-12)
    assert np.all(data.norms[1, 1:] > 0.1)  # never empty


def test_forget_products_are_sigmoid_powers() -> None:
    data = forget_products("light").data
    assert data.biases == (0.0, 1.0, 3.0) and data.steps == 50
    k = np.arange(data.steps + 1)
    for b, gate, row in zip(data.biases, data.gate, data.products, strict=True):
        f = 1.0 / (1.0 + math.exp(-b))
        assert gate == pytest.approx(f, rel=1e-15)
        np.testing.assert_allclose(row, f**k, rtol=1e-13)


# ---------------------------------------------------------------- dependency maps


def fd_dependency(sd, x, eps=1e-6):
    """||dy_t/dx_s||_F by central differences of the by-hand LSTM: (T, T)."""
    T, D = x.shape
    J = np.zeros((T, T))
    for s in range(T):
        cols = []
        for d in range(D):
            e = np.zeros_like(x)
            e[s, d] = eps
            cols.append((lstm_outputs(sd, x + e) - lstm_outputs(sd, x - e)) / (2 * eps))
        J[:, s] = np.sqrt(np.sum(np.stack(cols) ** 2, axis=(0, 2)))  # over d and o
    return J


@pytest.mark.parametrize("fn, variants", [
    (dependency_forget_zero, ({}, {"bias": -1000.0})),
    (dependency_bidirectional, ({}, {"bidirectional": True})),
])
def test_dependency_maps_match_finite_differences(fn, variants) -> None:
    data = fn("light").data
    for m, kw in zip(data.maps, variants, strict=True):
        sd = lstm_sd(data.input_size, data.hidden_size, data.seed, **kw)
        fd = fd_dependency(sd, data.x)
        big = fd > 1e-5 * fd.max()  # differences resolve these; the rest is below 1e-6
        np.testing.assert_allclose(m[big], fd[big], rtol=1e-5)
        assert np.all(m[~big] < 1e-4 * fd.max())


def test_unidirectional_maps_are_exactly_lower_triangular() -> None:
    for fn in (dependency_forget_zero, dependency_bidirectional):
        data = fn("dark").data
        assert np.all(np.triu(data.maps[0], 1) == 0.0)
        assert np.all(data.maps[0][np.tril_indices(data.steps)] > 0)
    f0 = dependency_forget_zero("light").data.maps[1]
    assert np.all(np.triu(f0, 1) == 0.0)
    assert np.all(f0[np.tril_indices(len(f0))] > 0)  # f = 0 still reaches back
    bi = dependency_bidirectional("light").data.maps[1]
    assert np.all(bi > 0)  # the backward direction sees the future


# ---------------------------------------------------------------- LSTMP


def test_lstmp_totals_are_the_closed_form() -> None:
    data = lstmp_parameters("light").data
    D, h = data.input_size, data.hidden_size
    p = np.arange(1, h)
    # W_ih (4h, D), W_hh (4h, p), W_hr (p, h), two biases (4h) each
    np.testing.assert_array_equal(data.sizes, p)
    np.testing.assert_array_equal(data.totals, 4 * h * D + 4 * h * p + p * h + 8 * h)
    assert data.baseline == 4 * h * D + 4 * h * h + 8 * h
    assert data.break_even == 4 * h / 5
    np.testing.assert_array_equal(data.totals < data.baseline, 5 * p < 4 * h)
    assert data.marked_total == 4 * h * D + 5 * h * data.marked + 8 * h
