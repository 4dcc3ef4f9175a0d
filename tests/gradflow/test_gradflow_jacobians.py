"""dh_T/dh_t and dc_T/dc_t vs central finite differences of the model's own forward pass
(unbatched, float64), and the cell-path product vs closed forms and the full Jacobian."""

import numpy as np
import pytest

import rnnnotes
from rnnnotes.gradflow import jacobians as jac

D, H = 3, 4

CONFIGS = [
    ("RNN", {}),
    ("RNN", {"nonlinearity": "relu"}),
    ("GRU", {}),
    ("LSTM", {}),
    ("LSTM", {"proj_size": 2}),
    ("LSTM", {"batch_first": True}),
]


def make(kind: str, **kw):
    return getattr(rnnnotes, kind)(D, H, **kw)


def unbatched_state(kind: str, h0, c0=None):
    """The model's unbatched hx, (1, H_s) [and (1, H)], from state vectors."""
    return (h0[None], c0[None]) if kind == "LSTM" else h0[None]


def final_state(model, kind, x, h0, c0=None):
    """(h_T, c_T | None) from the model's forward on unbatched x (T, D)."""
    _, hn = model(x, unbatched_state(kind, h0, c0))
    return (hn[0][0], hn[1][0]) if kind == "LSTM" else (hn[0], None)


def fd_jacobian(model, kind, x, h0, c0, wrt: str, eps: float = 1e-6) -> np.ndarray:
    """Central differences of the final state (h_T for wrt="h", c_T for "c") w.r.t. the
    same half of the initial state: [i, j] = d state_T[i] / d state_0[j]."""
    base = h0 if wrt == "h" else c0
    k = 0 if wrt == "h" else 1
    cols = []
    for j in range(base.size):
        e = np.zeros(base.size)
        e[j] = eps
        if wrt == "h":
            plus, minus = (
                final_state(model, kind, x, h0 + e, c0),
                final_state(model, kind, x, h0 - e, c0),
            )
        else:
            plus, minus = (
                final_state(model, kind, x, h0, c0 + e),
                final_state(model, kind, x, h0, c0 - e),
            )
        cols.append((plus[k] - minus[k]) / (2 * eps))
    return np.stack(cols, axis=1)


def random_hx(kind, model, rng):
    sd = model.state_dict()
    hs = sd["weight_hh_l0"].shape[1]
    h0 = rng.standard_normal(hs) * 0.5
    c0 = rng.standard_normal(H) * 0.5 if kind == "LSTM" else None
    return h0, c0


@pytest.mark.parametrize(("kind", "kw"), CONFIGS)
def test_states_match_the_models_forward(kind, kw):
    rng = np.random.default_rng(0)
    model = make(kind, **kw)
    x = rng.standard_normal((7, D))
    h0, c0 = random_hx(kind, model, rng)
    h, c = jac.hidden_states(model, x, unbatched_state(kind, h0, c0))
    y, _ = model(x, unbatched_state(kind, h0, c0))  # (T, H_s): y_t = h_t
    np.testing.assert_allclose(h[1:], y, rtol=1e-12, atol=1e-14)
    np.testing.assert_array_equal(h[0], h0)
    hT, cT = final_state(model, kind, x, h0, c0)
    np.testing.assert_allclose(h[-1], hT, rtol=1e-12, atol=1e-14)
    if kind == "LSTM":
        np.testing.assert_allclose(c[-1], cT, rtol=1e-12, atol=1e-14)
    else:
        assert c is None


@pytest.mark.parametrize(("kind", "kw"), CONFIGS)
def test_hidden_jacobians_match_finite_differences(kind, kw):
    rng = np.random.default_rng(1)
    model = make(kind, **kw)
    T = 6
    x = rng.standard_normal((T, D))
    h0, c0 = random_hx(kind, model, rng)
    J = jac.hidden_jacobians(model, x, unbatched_state(kind, h0, c0))
    hs = h0.size
    assert J.shape == (T + 1, hs, hs)
    np.testing.assert_array_equal(J[T], np.eye(hs))
    h, c = jac.hidden_states(model, x, unbatched_state(kind, h0, c0))
    for t in range(T):
        fd = fd_jacobian(model, kind, x[t:], h[t], None if c is None else c[t], "h")
        np.testing.assert_allclose(J[t], fd, rtol=1e-6, atol=1e-9, err_msg=f"t={t}")
    assert np.abs(J[T - 1]).max() > 1e-3  # the test would notice a zero Jacobian


@pytest.mark.parametrize("ord", [2, "fro"])
def test_hidden_jacobian_norms_are_norms_of_finite_difference_jacobians(ord):
    rng = np.random.default_rng(2)
    model = make("GRU")
    x = rng.standard_normal((5, D))
    norms = jac.hidden_jacobian_norms(model, x, ord=ord)
    h, _ = jac.hidden_states(model, x)
    for t in range(5):
        s = np.linalg.svd(fd_jacobian(model, "GRU", x[t:], h[t], None, "h"), compute_uv=False)
        expected = s[0] if ord == 2 else np.sqrt(np.sum(s**2))
        assert norms[t] == pytest.approx(expected, rel=1e-6)
    assert norms[5] == pytest.approx(1.0 if ord == 2 else np.sqrt(H))


@pytest.mark.parametrize("kw", [{}, {"proj_size": 2}])
def test_full_cell_jacobians_match_finite_differences(kw):
    rng = np.random.default_rng(3)
    model = make("LSTM", **kw)
    T = 5
    x = rng.standard_normal((T, D))
    h0, c0 = random_hx("LSTM", model, rng)
    J = jac.cell_jacobians(model, x, (h0[None], c0[None]), path="full")
    assert J.shape == (T + 1, H, H)
    h, c = jac.hidden_states(model, x, (h0[None], c0[None]))
    for t in range(T):
        fd = fd_jacobian(model, "LSTM", x[t:], h[t], c[t], "c")
        np.testing.assert_allclose(J[t], fd, rtol=1e-6, atol=1e-9, err_msg=f"t={t}")


def zero_hh(model):
    sd = model.state_dict()
    sd["weight_hh_l0"] = np.zeros_like(sd["weight_hh_l0"])
    model.load_state_dict(sd)
    return model


@pytest.mark.parametrize("kw", [{}, {"bias": False}, {"proj_size": 3}])
def test_cell_path_equals_full_jacobian_when_no_path_runs_through_h(kw):
    # With weight_hh = 0 the gates at k + 1 do not see h_k, so the only way c_t reaches
    # c_T is the cell path: dc_T/dc_t = diag(f_{t+1} ... f_T) exactly.
    rng = np.random.default_rng(4)
    model = zero_hh(make("LSTM", **kw))
    x = rng.standard_normal((8, D))
    cell = jac.cell_jacobians(model, x, path="cell")
    full = jac.cell_jacobians(model, x, path="full")
    np.testing.assert_allclose(full, cell, rtol=1e-12, atol=1e-15)


def test_cell_path_misses_the_h_paths_when_weight_hh_is_nonzero():
    rng = np.random.default_rng(5)
    model = make("LSTM")
    sd = model.state_dict()
    sd["weight_hh_l0"] = sd["weight_hh_l0"] * 4  # make the h-paths clearly visible
    model.load_state_dict(sd)
    x = rng.standard_normal((8, D))
    cell = jac.cell_jacobians(model, x, path="cell")
    full = jac.cell_jacobians(model, x, path="full")
    off = full[0] - np.diag(np.diag(full[0]))
    assert np.abs(off).max() > 1e-4  # h-paths couple the cells; the cell path is diagonal
    assert np.abs(full[:-1] - cell[:-1]).max() > 1e-3


def constant_forget_gate(model, bias_sum: float):
    """Zero the forget block's weights and set its two biases to sum to bias_sum, so
    f_t = sigmoid(bias_sum) at every step whatever x and h are."""
    sd = model.state_dict()
    rows = slice(H, 2 * H)
    for key in ("weight_ih_l0", "weight_hh_l0"):
        sd[key][rows] = 0.0
    sd["bias_ih_l0"][rows] = bias_sum / 2
    sd["bias_hh_l0"][rows] = bias_sum / 2
    model.load_state_dict(sd)
    return model


def test_cell_path_with_constant_forget_gate_is_sigmoid_b_to_the_power():
    # forget bias 1 (Jozefowicz et al. 2015): f = sigmoid(1) ~ 0.73 at every step
    model = constant_forget_gate(make("LSTM"), 1.0)
    T = 10
    x = np.random.default_rng(6).standard_normal((T, D))
    f = 1 / (1 + np.exp(-1.0))
    np.testing.assert_allclose(jac.forget_gates(model, x), np.full((T, H), f), rtol=1e-14)
    expected = f ** (T - np.arange(T + 1))  # (T + 1,): f^(T - t)
    np.testing.assert_allclose(jac.cell_jacobian_norms(model, x, path="cell"), expected, rtol=1e-13)
    np.testing.assert_allclose(
        jac.cell_jacobian_norms(model, x, path="cell", ord="fro"), expected * np.sqrt(H), rtol=1e-13
    )


def test_forget_gate_zero_cuts_every_path_from_c_t():
    # f = 0: c_{t+1} = i * g does not read c_t, and (h_t held fixed) every path from c_t
    # to c_T starts with that step, so even the full Jacobian is zero for t < T.
    model = constant_forget_gate(make("LSTM"), -80.0)
    x = np.random.default_rng(7).standard_normal((6, D))
    full = jac.cell_jacobians(model, x, path="full")
    assert np.abs(full[:-1]).max() < 1e-30
    np.testing.assert_array_equal(full[-1], np.eye(H))
    assert np.abs(jac.hidden_jacobians(model, x)[-2]).max() > 1e-3  # h_{T-1} still feeds h_T


def test_forget_gates_match_the_full_jacobian_with_one_step():
    # one step with weight_hh = 0: dc_1/dc_0 = diag(f_1), read off the model's backward
    rng = np.random.default_rng(8)
    model = zero_hh(make("LSTM"))
    x = rng.standard_normal((1, D))
    full = jac.cell_jacobians(model, x, path="full")[0]
    np.testing.assert_allclose(np.diag(full), jac.forget_gates(model, x)[0], rtol=1e-13)


def test_state_vector_and_unbatched_state_agree():
    rng = np.random.default_rng(9)
    model = make("LSTM")
    x = rng.standard_normal((4, D))
    h0, c0 = rng.standard_normal(H), rng.standard_normal(H)
    as_vectors = jac.hidden_jacobians(model, x, (h0, c0))
    np.testing.assert_array_equal(as_vectors, jac.hidden_jacobians(model, x, (h0[None], c0[None])))
    assert np.abs(as_vectors - jac.hidden_jacobians(model, x)).max() > 1e-6  # hx is used


@pytest.mark.parametrize(
    ("call", "exc", "words"),
    [
        (
            lambda: jac.hidden_jacobians(make("LSTM", bidirectional=True), np.zeros((3, D))),
            ValueError,
            "single-layer unidirectional",
        ),
        (
            lambda: jac.hidden_jacobians(make("GRU", num_layers=2), np.zeros((3, D))),
            ValueError,
            "num_layers=2",
        ),
        (lambda: jac.cell_jacobians(make("GRU"), np.zeros((3, D))), ValueError, "got a GRU"),
        (
            lambda: jac.cell_jacobians(make("LSTM"), np.zeros((3, D)), path="h"),
            ValueError,
            "path must be one of",
        ),
        (
            lambda: jac.hidden_jacobians(make("RNN"), np.zeros((2, 3, D))),
            ValueError,
            "x must be 2-D",
        ),
        (
            lambda: jac.hidden_jacobians(make("RNN"), np.zeros((3, D + 1))),
            ValueError,
            "(T >= 1, 3), got shape (3, 4)",
        ),
        (lambda: jac.hidden_jacobians(make("RNN"), np.zeros((0, D))), ValueError, "T >= 1"),
        (
            lambda: jac.hidden_jacobians(make("RNN"), np.zeros((3, D)), np.zeros((1, H + 1))),
            ValueError,
            "hx must have shape (1, 4)",
        ),
        (
            lambda: jac.hidden_jacobians(make("LSTM"), np.zeros((3, D)), np.zeros((1, H))),
            TypeError,
            "pair (h0, c0)",
        ),
        (
            lambda: jac.hidden_jacobians(make("RNN"), np.zeros((3, D)), [[1.0], [1.0, 2.0]]),
            TypeError,
            "hx must be an array of shape (1, 4)",
        ),
        (lambda: jac.hidden_jacobians(object(), np.zeros((3, D))), TypeError, "model must be"),
        (
            lambda: jac.hidden_jacobian_norms(make("RNN"), np.zeros((3, D)), ord="nuc"),
            ValueError,
            "ord must be 2",
        ),
    ],
)
def test_bad_input_is_named(call, exc, words):
    with pytest.raises(exc) as info:
        call()
    assert words in str(info.value)
