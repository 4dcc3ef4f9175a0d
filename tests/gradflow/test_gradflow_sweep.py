"""The one-sweep Jacobians against the O(T^2) reference (the model re-run from every step,
through its own public backward; tests/gradflow/gradflow_reference.py), on every kind of
single-layer model, with and without an initial state, in float64 and float32."""

import numpy as np
import pytest
from gradflow_reference import state_jacobians, states

import rnnnotes
from rnnnotes.gradflow import jacobians as jac

D, H = 3, 5

CONFIGS = [
    ("RNN", {}),
    ("RNN", {"nonlinearity": "relu"}),
    ("RNN", {"bias": False}),
    ("GRU", {}),
    ("GRU", {"bias": False}),
    ("LSTM", {}),
    ("LSTM", {"bias": False}),
    ("LSTM", {"proj_size": 2}),
    ("LSTM", {"proj_size": 3, "batch_first": True}),
]


def make(kind, seed=0, **kw):
    model = getattr(rnnnotes, kind)(D, H, seed=seed, **kw)
    sd = model.state_dict()
    sd["weight_hh_l0"] = sd["weight_hh_l0"] * 3  # strong recurrence: every path matters
    model.load_state_dict(sd)
    return model


def random_hx(kind, model, rng):
    hs = model.state_dict()["weight_hh_l0"].shape[1]
    h0 = rng.standard_normal(hs) * 0.5
    return (h0, rng.standard_normal(H) * 0.5) if kind == "LSTM" else h0


def assert_matches(got, ref, rtol):
    assert got.shape == ref.shape
    scale = np.abs(ref).max(axis=(-2, -1), keepdims=True)  # per step: J[t] shrinks with T - t
    err = np.abs(got - ref) / scale
    assert np.all(err <= rtol), f"max relative error {err.max():.3g} > {rtol:g}"


@pytest.mark.parametrize(("kind", "kw"), CONFIGS)
@pytest.mark.parametrize("T", [1, 9])
@pytest.mark.parametrize("with_hx", [False, True])
def test_hidden_jacobians_equal_the_reference(kind, kw, T, with_hx):
    rng = np.random.default_rng(T)
    model = make(kind, **kw)
    x = rng.standard_normal((T, D))
    hx = random_hx(kind, model, rng) if with_hx else None
    ref = state_jacobians(model, x, hx, "h")
    assert_matches(jac.hidden_jacobians(model, x, hx), ref, 1e-12)
    assert np.abs(ref[0]).max() > 1e-5  # the comparison is not between two zero arrays


@pytest.mark.parametrize("kw", [{}, {"bias": False}, {"proj_size": 2}])
@pytest.mark.parametrize("with_hx", [False, True])
def test_full_cell_jacobians_equal_the_reference(kw, with_hx):
    rng = np.random.default_rng(11)
    model = make("LSTM", **kw)
    x = rng.standard_normal((9, D))
    hx = random_hx("LSTM", model, rng) if with_hx else None
    ref = state_jacobians(model, x, hx, "c")
    assert_matches(jac.cell_jacobians(model, x, hx, path="full"), ref, 1e-12)
    assert np.abs(ref[0] - np.diag(np.diag(ref[0]))).max() > 1e-4  # h-paths are in it


@pytest.mark.parametrize(("kind", "kw"), CONFIGS)
def test_states_equal_the_step_by_step_reference(kind, kw):
    rng = np.random.default_rng(12)
    model = make(kind, **kw)
    x = rng.standard_normal((8, D))
    hx = random_hx(kind, model, rng)
    h, c = jac.hidden_states(model, x, hx)
    h_ref, c_ref = states(model, x, hx)
    np.testing.assert_allclose(h, h_ref, rtol=1e-12, atol=1e-14)
    if kind == "LSTM":
        np.testing.assert_allclose(c, c_ref, rtol=1e-12, atol=1e-14)
    else:
        assert c is None and c_ref is None


@pytest.mark.parametrize("kind", ["RNN", "GRU", "LSTM"])
def test_float32_models_give_float32_jacobians_close_to_float64(kind):
    rng = np.random.default_rng(13)
    m64 = make(kind)
    m32 = getattr(rnnnotes, kind)(D, H, dtype=np.float32)
    m32.load_state_dict(m64.state_dict())
    x = rng.standard_normal((6, D))
    J32, J64 = jac.hidden_jacobians(m32, x), jac.hidden_jacobians(m64, x)
    assert J32.dtype == np.float32
    assert_matches(J32.astype(np.float64), J64, 1e-4)
    assert_matches(J32, state_jacobians(m32, x), 1e-5)


def test_the_sweep_costs_one_forward_pass():
    # O(T): the model is called once, however long the sequence (the reference calls it
    # 2T times), and the Jacobians of a prefix are not recomputed.
    model = make("LSTM")
    calls = []
    forward = model.forward

    def counting_forward(*args, **kwargs):
        calls.append(1)
        return forward(*args, **kwargs)

    model.forward = counting_forward
    jac.hidden_jacobians(model, np.ones((40, D)))
    jac.cell_jacobians(model, np.ones((40, D)), path="full")
    assert len(calls) == 2


@pytest.mark.parametrize(("kind", "kw"), CONFIGS)
def test_state_gradients_are_seeded_rows_of_each_sequences_jacobians(kind, kw):
    # row b of dL/dh_t = grad_h_T[b] @ dh_T/dh_t of sequence b (hidden_jacobians, itself
    # checked against the reference above), and at t = 0 the model backward's grad_h0
    rng = np.random.default_rng(14)
    model = make(kind, **kw)
    T, B = 7, 3
    P = model.state_dict()["weight_hh_l0"].shape[1]
    x = rng.standard_normal((T, B, D))
    h0 = rng.standard_normal((1, B, P))
    hx = (h0, rng.standard_normal((1, B, H))) if kind == "LSTM" else h0
    g_T = rng.standard_normal((B, P))
    x_in = x.transpose(1, 0, 2) if kw.get("batch_first") else x
    G = jac.state_gradients(model, x_in, g_T, hx)
    assert G.shape == (T + 1, B, P)
    for b in range(B):
        hx_b = (hx[0][0, b], hx[1][0, b]) if kind == "LSTM" else hx[0, b]
        J = jac.hidden_jacobians(model, x[:, b], hx_b)  # (T + 1, P, P)
        np.testing.assert_allclose(G[:, b], g_T[b] @ J, rtol=1e-12, atol=1e-15)
    model(x_in, hx)
    grad_hn = (g_T[None], None) if kind == "LSTM" else g_T[None]
    _, grad_hx = model.backward(None, grad_hn)
    g0 = grad_hx[0] if kind == "LSTM" else grad_hx
    np.testing.assert_allclose(G[0], g0[0], rtol=1e-12, atol=1e-15)
    assert np.abs(g0).max() > 1e-4


@pytest.mark.parametrize(
    ("call", "exc", "words"),
    [
        (lambda: jac.state_gradients(make("RNN"), np.zeros((5, D)), np.zeros((1, H))),
         ValueError, "x must be 3-D, got shape (5, 3)"),
        (lambda: jac.state_gradients(make("RNN"), np.zeros((5, 2, D + 1)), np.zeros((2, H))),
         ValueError, "(T, B, input_size) with input_size = 3, T >= 1 and B >= 1, got shape"),
        (lambda: jac.state_gradients(make("RNN", batch_first=True), np.zeros((2, 0, D)),
                                     np.zeros((2, H))), ValueError, "(B, T, input_size)"),
        (lambda: jac.state_gradients(make("LSTM"), np.zeros((5, 2, D)), np.zeros((2, H)),
                                     (np.zeros((1, 3, H)), None)), ValueError,
         "hx[0] (h0) must have shape (1, 2, 5) (batched), got (1, 3, 5)"),
        (lambda: jac.state_gradients(make("GRU", bidirectional=True), np.zeros((5, 2, D)),
                                     np.zeros((2, H))), ValueError, "single-layer unidirectional"),
    ],
)
def test_state_gradients_bad_input_is_named(call, exc, words):
    with pytest.raises(exc) as info:
        call()
    assert words in str(info.value)
