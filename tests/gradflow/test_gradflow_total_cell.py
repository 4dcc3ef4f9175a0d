"""cell_jacobians(path="total"): dc_T/dc_t when h_t = W_hr (o_t * tanh c_t) follows c_t.

Checked against central differences of the model's own forward pass, restarted at step t
from (h_t(c), c): o_t is written out from torch's equation (it reads x_t and h_{t-1} only,
not c_t), so nothing here shares code with the backward sweep."""

import numpy as np
import pytest
from gradflow_reference import states

import rnnnotes
from rnnnotes.gradflow import jacobians as jac

D, H = 3, 4


def output_gate(model, x_t, h_prev):
    """o_t = sigmoid(W_io x_t + b_io + W_ho h_{t-1} + b_ho), rows 3H:4H (order i, f, g, o)."""
    sd, rows = model.state_dict(), slice(3 * H, 4 * H)
    a = (sd["weight_ih_l0"][rows] @ x_t + sd["bias_ih_l0"][rows]
         + sd["weight_hh_l0"][rows] @ h_prev + sd["bias_hh_l0"][rows])
    return 1 / (1 + np.exp(-a))


def h_of_c(model, o_t, c):
    """h_t = W_hr (o_t * tanh c), or o_t * tanh c without a projection."""
    r = o_t * np.tanh(c)
    sd = model.state_dict()
    return sd["weight_hr_l0"] @ r if "weight_hr_l0" in sd else r


def fd_total(model, x, h, c, t, eps=1e-6):
    """[i, j] = dc_T[i]/dc_t[j] with h_t recomputed from the perturbed c_t."""
    o_t = output_gate(model, x[t - 1], h[t - 1])
    np.testing.assert_allclose(h_of_c(model, o_t, c[t]), h[t], rtol=1e-12, atol=1e-15)
    cols = []
    for j in range(H):
        e = np.zeros(H)
        e[j] = eps
        ends = []
        for s in (1, -1):
            c_t = c[t] + s * e
            ends.append(model(x[t:], (h_of_c(model, o_t, c_t)[None], c_t[None]))[1][1][0])
        cols.append((ends[0] - ends[1]) / (2 * eps))
    return np.stack(cols, axis=1)


def with_forget_bias(model, b):
    sd = model.state_dict()
    sd["bias_ih_l0"][H : 2 * H] = b
    sd["bias_hh_l0"][H : 2 * H] = 0.0
    model.load_state_dict(sd)
    return model


@pytest.mark.parametrize("kw", [{}, {"proj_size": 2}])
@pytest.mark.parametrize("forget_bias", [None, -1000.0])
def test_total_cell_jacobians_match_finite_differences(kw, forget_bias):
    rng = np.random.default_rng(12)
    model = rnnnotes.LSTM(D, H, **kw)
    if forget_bias is not None:
        with_forget_bias(model, forget_bias)
    T, P = 6, model.state_dict()["weight_hh_l0"].shape[1]
    x = rng.standard_normal((T, D))
    hx = (rng.standard_normal(P) * 0.5, rng.standard_normal(H) * 0.5)
    J = jac.cell_jacobians(model, x, (hx[0][None], hx[1][None]), path="total")
    assert J.shape == (T + 1, H, H)
    h, c = states(model, x, hx)
    for t in range(1, T):
        np.testing.assert_allclose(J[t], fd_total(model, x, h, c, t), rtol=1e-6, atol=1e-10,
                                   err_msg=f"{t=}")
    full = jac.cell_jacobians(model, x, (hx[0][None], hx[1][None]), path="full")
    np.testing.assert_array_equal(J[0], full[0])  # h_0 is given, not computed from c_0
    np.testing.assert_array_equal(J[T], np.eye(H))


def test_forget_gate_zero_the_total_derivative_is_not_zero():
    # f_t = 0 exactly: the cell path and the h-fixed Jacobian are exactly zero, the total
    # (through h_t = o_t tanh c_t into the gates at t + 1) is not
    rng = np.random.default_rng(13)
    model = with_forget_bias(rnnnotes.LSTM(D, H), -1000.0)
    x = rng.standard_normal((5, D))
    assert np.all(jac.forget_gates(model, x) == 0.0)
    assert np.all(jac.cell_jacobians(model, x, path="cell")[:-1] == 0.0)
    assert np.all(jac.cell_jacobians(model, x, path="full")[:-1] == 0.0)
    total = jac.cell_jacobians(model, x, path="total")
    assert np.all(np.abs(total[1:-1]).max(axis=(1, 2)) > 1e-4)
