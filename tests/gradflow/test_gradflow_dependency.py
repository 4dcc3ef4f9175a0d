"""The dependency map vs central finite differences of the model's own forward pass, and
its shape: lower-triangular with exact zeros for unidirectional models, not for
bidirectional ones."""

import numpy as np
import pytest

import rnnnotes
from rnnnotes.gradflow import dependency as dep

D, H, T = 3, 4, 6

UNIDIRECTIONAL = [
    ("RNN", {}),
    ("GRU", {}),
    ("LSTM", {}),
    ("LSTM", {"num_layers": 2}),
    ("LSTM", {"proj_size": 2}),
    ("RNN", {"nonlinearity": "relu", "num_layers": 3}),
]
BIDIRECTIONAL = [
    ("RNN", {"bidirectional": True}),
    ("GRU", {"bidirectional": True, "num_layers": 2}),
    ("LSTM", {"bidirectional": True}),
    ("LSTM", {"bidirectional": True, "proj_size": 2, "batch_first": True}),
]


def make(kind: str, **kw):
    return getattr(rnnnotes, kind)(D, H, **kw)


def fd_input_jacobian(model, x, t: int, s: int, hx=None, eps: float = 1e-6) -> np.ndarray:
    """dy_t/dx_s (O, D) by central differences of the unbatched forward."""
    cols = []
    for d in range(x.shape[1]):
        xp, xm = x.copy(), x.copy()
        xp[s, d] += eps
        xm[s, d] -= eps
        cols.append((model(xp, hx)[0][t] - model(xm, hx)[0][t]) / (2 * eps))
    return np.stack(cols, axis=1)


@pytest.mark.parametrize(("kind", "kw"), UNIDIRECTIONAL)
def test_unidirectional_map_is_lower_triangular_with_exact_zeros(kind, kw):
    x = np.random.default_rng(0).standard_normal((T, D))
    M = dep.dependency_map(make(kind, **kw), x)
    assert M.shape == (T, T)
    assert np.all(np.triu(M, k=1) == 0.0)  # exact zeros: y_t never sees x_s, s > t
    assert np.all(np.tril(M)[np.tril_indices(T)] > 0)  # while every past input counts


@pytest.mark.parametrize(("kind", "kw"), BIDIRECTIONAL)
def test_bidirectional_map_depends_on_the_future(kind, kw):
    x = np.random.default_rng(1).standard_normal((T, D))
    M = dep.dependency_map(make(kind, **kw), x)
    assert np.all(M[np.triu_indices(T, k=1)] > 1e-8)  # y_t sees every x_s, s > t
    assert np.all(M[np.tril_indices(T)] > 1e-8)


@pytest.mark.parametrize(("kind", "kw"), UNIDIRECTIONAL[:3] + BIDIRECTIONAL)
def test_map_entries_match_finite_differences(kind, kw):
    rng = np.random.default_rng(2)
    model = make(kind, **kw)
    x = rng.standard_normal((T, D))
    J = dep.input_jacobians(model, x)
    M = dep.dependency_map(model, x)
    n_out = model(x)[0].shape[1]
    assert J.shape == (T, T, n_out, D)
    for t, s in [(0, 0), (3, 1), (T - 1, 0), (1, 4), (2, T - 1)]:
        fd = fd_input_jacobian(model, x, t, s)
        np.testing.assert_allclose(J[t, s], fd, rtol=1e-6, atol=1e-9, err_msg=f"t={t}, s={s}")
        assert M[t, s] == pytest.approx(np.linalg.norm(fd), rel=1e-6, abs=1e-9)


def test_initial_state_is_used():
    rng = np.random.default_rng(3)
    model = make("LSTM", num_layers=2)
    x = rng.standard_normal((T, D))
    hx = (rng.standard_normal((2, H)), rng.standard_normal((2, H)))
    J = dep.input_jacobians(model, x, hx)
    fd = fd_input_jacobian(model, x, 4, 2, hx)
    np.testing.assert_allclose(J[4, 2], fd, rtol=1e-6, atol=1e-9)
    assert np.abs(J[4, 2] - dep.input_jacobians(model, x)[4, 2]).max() > 1e-6


def test_chunking_and_layout_do_not_change_the_map():
    rng = np.random.default_rng(4)
    model = make("GRU", bidirectional=True)
    x = rng.standard_normal((T, D))
    whole = dep.dependency_map(model, x)
    for max_batch in (1, 7, T * 2 * H - 1):
        np.testing.assert_allclose(
            dep.dependency_map(model, x, max_batch=max_batch), whole, rtol=1e-12, atol=1e-15
        )
    bf = make("GRU", bidirectional=True, batch_first=True)
    bf.load_state_dict(model.state_dict())
    np.testing.assert_allclose(dep.dependency_map(bf, x), whole, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize(
    ("call", "exc", "words"),
    [
        (lambda: dep.dependency_map(make("RNN"), np.zeros(D)), ValueError, "x must be 2-D"),
        (
            lambda: dep.dependency_map(make("RNN"), np.zeros((T, D)), max_batch=0),
            ValueError,
            "max_batch must be an int >= 1, got 0",
        ),
        (
            lambda: dep.dependency_map(make("RNN"), np.zeros((T, D)), max_batch=2.5),
            TypeError,
            "max_batch must be an int",
        ),
        (
            lambda: dep.dependency_map(
                make("RNN", num_layers=2), np.zeros((T, D)), np.zeros((1, H))
            ),
            ValueError,
            "hx must have shape (2, 4)",
        ),
        (lambda: dep.dependency_map("lstm", np.zeros((T, D))), TypeError, "model must be"),
    ],
)
def test_bad_input_is_named(call, exc, words):
    with pytest.raises(exc) as info:
        call()
    assert words in str(info.value)


SINGLE_LAYER = [
    ("RNN", {}),
    ("RNN", {"nonlinearity": "relu", "bidirectional": True}),
    ("GRU", {}),
    ("GRU", {"bidirectional": True, "bias": False}),
    ("LSTM", {}),
    ("LSTM", {"bidirectional": True}),
    ("LSTM", {"bidirectional": True, "proj_size": 2, "batch_first": True}),
]


@pytest.mark.parametrize(("kind", "kw"), SINGLE_LAYER)
@pytest.mark.parametrize("with_hx", [False, True])
def test_single_layer_sweep_equals_the_models_own_backward(kind, kw, with_hx):
    # single-layer models take the growing sweep; the multi-layer path (T * O copies
    # through the model's backward) is the independent reference
    from rnnnotes.gradflow._model import initial_state, model_spec

    rng = np.random.default_rng(5)
    model = make(kind, **kw)
    sd = model.state_dict()
    for k in sd:
        if k.startswith("weight_hh"):
            sd[k] = sd[k] * 3  # strong recurrence: every path matters
    model.load_state_dict(sd)
    spec = model_spec(model)
    x = rng.standard_normal((T, D))
    hx = None
    if with_hx:
        h = rng.standard_normal((spec.num_states, spec.state_size))
        hx = (h, rng.standard_normal((spec.num_states, H))) if kind == "LSTM" else h
    h0, c0 = initial_state(hx, spec)
    ref = dep._through_backward(model, spec, x, h0, c0, max_batch=1024)
    got = dep.input_jacobians(model, x, hx)
    np.testing.assert_allclose(got, ref, rtol=1e-11, atol=1e-13 * np.abs(ref).max())
    assert np.abs(ref).max() > 0.05
