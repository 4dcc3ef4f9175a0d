"""The LSTM's forget gates with nonzero recurrent weights and T > 1, where f_t reads
h_{t-1}: against one step of the model's own forward (an independent computation that
knows no gate formula) and against torch's equation written out."""

import numpy as np
import pytest
from gradflow_reference import states

import rnnnotes
from rnnnotes.gradflow import jacobians as jac

D, H = 3, 4


def make(kind: str, **kw):
    return getattr(rnnnotes, kind)(D, H, **kw)


def lstm_with_strong_recurrence(**kw):
    model = make("LSTM", **kw)
    sd = model.state_dict()
    sd["weight_hh_l0"] = sd["weight_hh_l0"] * 4  # f_t clearly depends on h_{t-1}
    model.load_state_dict(sd)
    return model


@pytest.mark.parametrize("kw", [{}, {"proj_size": 2}])
def test_forget_gates_with_recurrent_weights_are_one_steps_cell_jacobian(kw):
    # Independent of any gate formula: one step of the model's own forward from its true
    # state (h_{t-1}, c_{t-1}) gives c_t = f_t * c_{t-1} + i_t * g_t with the gates fixed by
    # h_{t-1} and x_t, so c_t is affine in c_{t-1} and a central difference in c_{t-1}
    # (a batch of H copies, c_{t-1} -+ e_j) is diag(f_t) up to rounding.
    rng = np.random.default_rng(10)
    model = lstm_with_strong_recurrence(**kw)
    T, P = 8, model.state_dict()["weight_hh_l0"].shape[1]
    x = rng.standard_normal((T, D))
    hx = (rng.standard_normal(P), rng.standard_normal(H))
    f = jac.forget_gates(model, x, hx)
    assert f.shape == (T, H)
    h, c = states(model, x, hx)  # the model run one step at a time
    eye = np.eye(H)
    for t in range(1, T + 1):
        xb = np.broadcast_to(x[t - 1], (1, H, D))  # (1, H, D): H copies of x_t
        hb = np.broadcast_to(h[t - 1], (1, H, P))
        c_plus = model(xb, (hb, (c[t - 1] + eye)[None]))[1][1][0]  # (H, H): row j = copy j
        c_minus = model(xb, (hb, (c[t - 1] - eye)[None]))[1][1][0]
        fd = (c_plus - c_minus).T / 2  # [i, j] = d c_t[i] / d c_{t-1}[j]
        np.testing.assert_allclose(fd, np.diag(f[t - 1]), rtol=1e-14, atol=1e-15, err_msg=f"{t=}")
    # the check can see the h_{t-1} term: the gates without it differ
    sd = model.state_dict()
    sd["weight_hh_l0"] = np.zeros_like(sd["weight_hh_l0"])
    model.load_state_dict(sd)
    assert np.abs(jac.forget_gates(model, x, hx)[1:] - f[1:]).max() > 1e-2


def test_forget_gates_with_recurrent_weights_follow_torchs_equation():
    # f_t = sigmoid(W_if x_t + b_if + W_hf h_{t-1} + b_hf), rows H:2H (gate order i, f, g,
    # o), written out with the states of the step-by-step reference
    rng = np.random.default_rng(11)
    model = lstm_with_strong_recurrence()
    T = 6
    x = rng.standard_normal((T, D))
    hx = (rng.standard_normal(H), rng.standard_normal(H))
    sd = model.state_dict()
    h, _ = states(model, x, hx)
    for t in range(1, T + 1):
        a = (
            sd["weight_ih_l0"][H : 2 * H] @ x[t - 1]
            + sd["bias_ih_l0"][H : 2 * H]
            + sd["weight_hh_l0"][H : 2 * H] @ h[t - 1]
            + sd["bias_hh_l0"][H : 2 * H]
        )
        np.testing.assert_allclose(jac.forget_gates(model, x, hx)[t - 1], 1 / (1 + np.exp(-a)),
                                   rtol=1e-13)
