"""Constructed recurrent matrices vs SVD, eigenvalues and the binomial closed form; the tanh
RNN's norm curves vs W^k (zero input) and vs the forward-accumulated Jacobians of an
explicitly written tanh recurrence (recurrences.tanh_rnn_jacobians)."""

from math import comb

import numpy as np
import pytest

import rnnnotes.gradflow as gf


@pytest.mark.parametrize("kind", ["orthogonal", "gaussian"])
@pytest.mark.parametrize("sigma", [0.0, 0.5, 1.0, 2.5])
def test_recurrent_matrix_has_the_prescribed_largest_singular_value(kind, sigma):
    W = gf.recurrent_matrix(7, sigma, kind=kind, seed=3)
    assert W.shape == (7, 7) and W.dtype == np.float64
    s = np.linalg.svd(W, compute_uv=False)
    assert s[0] == pytest.approx(sigma, rel=1e-12, abs=1e-300)
    if kind == "orthogonal":  # W^T W = sigma^2 I: every singular value, rho = sigma
        np.testing.assert_allclose(W.T @ W, sigma**2 * np.eye(7), atol=1e-13)
        assert np.abs(np.linalg.eigvals(W)) == pytest.approx(np.full(7, sigma), rel=1e-10)
    elif sigma > 0:  # spread singular values, smaller spectral radius
        assert s[-1] < 0.5 * sigma
        assert gf.spectral_radius(W) < 0.95 * sigma


def test_recurrent_matrix_is_seeded():
    a = gf.recurrent_matrix(5, 1.0, seed=1)
    np.testing.assert_array_equal(a, gf.recurrent_matrix(5, 1.0, seed=1))
    assert np.abs(a - gf.recurrent_matrix(5, 1.0, seed=2)).max() > 0.1
    # the same draw rescaled: rows of sigma_max_curves differ only in sigma_max
    np.testing.assert_allclose(gf.recurrent_matrix(5, 3.0, seed=1), 3 * a, rtol=1e-14)


@pytest.mark.parametrize(("n", "rho", "a"), [(1, 0.7, 5.0), (2, 0.9, 1.0), (5, 0.8, 1.5),
                                             (4, -0.6, 2.0)])
def test_nonnormal_matrix_powers_follow_the_binomial_closed_form(n, rho, a):
    W = gf.nonnormal_matrix(n, rho, a)
    P = gf.matrix_powers(W, 30)
    for k in (0, 1, 3, 30):
        closed = sum(comb(k, j) * rho ** (k - j) * a**j * np.eye(n, k=j) for j in range(n))
        np.testing.assert_allclose(P[k], closed, rtol=1e-12, atol=1e-300)
    # triangular with rho on the diagonal: every eigenvalue is rho
    np.testing.assert_array_equal(np.tril(W), rho * np.eye(n))


def test_nonnormal_matrix_grows_before_it_decays():
    W = gf.nonnormal_matrix(6, 0.8, 1.0)
    norms = gf.matrix_power_norms(W, 120)
    peak = int(np.argmax(norms))
    assert gf.spectral_radius(W) == pytest.approx(0.8, abs=0.01)  # defective: eig is rough
    assert 5 < peak < 60 and norms[peak] > 100  # transient growth, spectral radius < 1
    assert np.all(np.diff(norms[:peak]) > 0) and np.all(np.diff(norms[peak + 1 :]) < 0)
    assert norms[-1] < 1e-2  # and the decay rho^k wins
    assert gf.largest_singular_value(W) > 1  # sigma_max > 1 is what allows growth


def explicit_states(W, W_ih, x):
    h = np.zeros((x.shape[0] + 1, W.shape[0]))
    for t in range(x.shape[0]):
        h[t + 1] = np.tanh(W @ h[t] + W_ih @ x[t])
    return h


def test_tanh_rnn_is_the_bias_free_recurrence_with_that_matrix():
    W = gf.recurrent_matrix(4, 1.2, seed=0)
    m = gf.tanh_rnn(W, 3, seed=5)
    sd = m.state_dict()
    assert sorted(sd) == ["weight_hh_l0", "weight_ih_l0"]
    np.testing.assert_array_equal(sd["weight_hh_l0"], W)
    x = np.random.default_rng(0).standard_normal((6, 3))
    np.testing.assert_allclose(m(x)[0], explicit_states(W, sd["weight_ih_l0"], x)[1:],
                               rtol=1e-14)


@pytest.mark.parametrize("ord", [2, "fro"])
def test_norm_curve_with_zero_input_is_the_linear_rnns(ord):
    W = gf.nonnormal_matrix(5, 0.85, 1.2)
    curve = gf.tanh_rnn_norm_curve(W, 40, input_scale=0.0, ord=ord)
    np.testing.assert_allclose(curve, gf.matrix_power_norms(W, 40, ord=ord), rtol=1e-12)


@pytest.mark.parametrize("W", [gf.nonnormal_matrix(5, 0.9, 1.0),
                               gf.recurrent_matrix(5, 1.4, seed=2)])
def test_norm_curve_matches_an_explicit_tanh_recurrence(W):
    T, D, seed = 12, 2, 4
    curve = gf.tanh_rnn_norm_curve(W, T, input_size=D, input_scale=0.7, seed=seed)
    W_ih = gf.tanh_rnn(W, D, seed=seed).state_dict()["weight_ih_l0"]
    x = np.random.default_rng(seed).standard_normal((T, D)) * 0.7
    h, u = explicit_states(W, W_ih, x), x @ W_ih.T  # (T + 1, n), (T, n)
    for k in range(T + 1):  # dh_T/dh_{T-k}: k steps from the state h_{T-k}
        _, J = gf.tanh_rnn_jacobians(W, h[T - k], k, inputs=u[T - k :])
        assert curve[k] == pytest.approx(np.linalg.norm(J[-1], 2), rel=1e-10)
    # and Pascanu et al.'s bound, gamma = 1 for tanh
    assert np.all(curve <= gf.largest_singular_value(W) ** np.arange(T + 1) * (1 + 1e-12))
    assert curve[-1] < gf.matrix_power_norms(W, T)[-1]  # saturation pulls it below W^k


def test_sigma_max_curves_are_rows_of_norm_curves():
    sig = [0.5, 1.0, 1.5]
    curves = gf.sigma_max_curves(sig, 20, 6, input_scale=0.5, seed=1)
    assert curves.shape == (3, 21)
    for r, s in enumerate(sig):
        W = gf.recurrent_matrix(6, s, seed=1)
        np.testing.assert_array_equal(
            curves[r], gf.tanh_rnn_norm_curve(W, 20, input_scale=0.5, seed=1))
    zero_input = gf.sigma_max_curves(sig, 20, 6, input_scale=0.0)
    for r, s in enumerate(sig):  # orthogonal and linear: exactly sigma_max^k
        np.testing.assert_allclose(zero_input[r], s ** np.arange(21), rtol=1e-11)


@pytest.mark.parametrize(
    ("call", "exc", "words"),
    [
        (lambda: gf.recurrent_matrix(0, 1.0), ValueError, "n must be an int >= 1, got 0"),
        (lambda: gf.recurrent_matrix(3, -1.0), ValueError, "sigma_max must be a finite number"),
        (lambda: gf.recurrent_matrix(3, "1"), TypeError, "sigma_max must be a real number"),
        (lambda: gf.recurrent_matrix(3, 1.0, kind="unitary"), ValueError, "kind must be one of"),
        (lambda: gf.recurrent_matrix(3, 1.0, seed=-1), ValueError, "seed must be an int >= 0"),
        (lambda: gf.nonnormal_matrix(3, np.inf), ValueError, "rho must be a finite real"),
        (lambda: gf.nonnormal_matrix(3, 0.5, None), ValueError, "coupling must be a finite"),
        (lambda: gf.tanh_rnn(np.ones((2, 3))), ValueError, "W_hh must be a non-empty square"),
        (lambda: gf.tanh_rnn(np.eye(2), 0), ValueError, "input_size must be an int >= 1, got 0"),
        (lambda: gf.tanh_rnn_norm_curve(np.eye(2), 0), ValueError, "steps must be an int >= 1"),
        (lambda: gf.tanh_rnn_norm_curve(np.eye(2), 3, input_scale=-1), ValueError,
         "input_scale must be a finite number >= 0, got -1"),
        (lambda: gf.tanh_rnn_norm_curve(np.eye(2), 3, ord=1), ValueError, "ord must be 2"),
        (lambda: gf.sigma_max_curves([], 3), ValueError, "sigma_maxes must be a non-empty"),
        (lambda: gf.sigma_max_curves([[1.0]], 3), ValueError, "got [[1.0]]"),
    ],
)
def test_bad_input_is_named(call, exc, words):
    with pytest.raises(exc) as info:
        call()
    assert words in str(info.value)


@pytest.mark.parametrize("b", [-2.5, 0.0, 1.0, 3.0])
def test_with_forget_bias_sets_the_sum_of_the_two_biases_and_nothing_else(b):
    from rnnnotes import LSTM

    before = LSTM(3, 4, seed=5).state_dict()
    model = LSTM(3, 4, seed=5)
    assert gf.with_forget_bias(model, b) is model
    after = model.state_dict()
    rows = slice(4, 8)  # gate order i, f, g, o: the forget block
    np.testing.assert_array_equal(after["bias_ih_l0"][rows] + after["bias_hh_l0"][rows],
                                  np.full(4, b))
    for key in before:  # every other entry untouched
        keep = np.ones_like(before[key], dtype=bool)
        if key.startswith("bias_"):
            keep[rows] = False
        np.testing.assert_array_equal(after[key][keep], before[key][keep], err_msg=key)
    # the gate the model computes: torch's equation written out on one step from zeros
    x = np.random.default_rng(6).standard_normal((1, 3))
    a = before["weight_ih_l0"][rows] @ x[0] + b
    np.testing.assert_allclose(gf.forget_gates(model, x)[0], 1 / (1 + np.exp(-a)), rtol=1e-14)


@pytest.mark.parametrize("b", [0.0, 1.0, 3.0])
def test_with_forget_bias_and_zero_weights_gives_constant_gates(b):
    from rnnnotes import LSTM

    model = gf.with_forget_bias(LSTM(2, 3, seed=1), b, zero_weights=True)
    x = np.random.default_rng(2).standard_normal((50, 2))
    f = 1 / (1 + np.exp(-b))
    np.testing.assert_allclose(gf.forget_gates(model, x), np.full((50, 3), f), rtol=1e-15)
    np.testing.assert_allclose(gf.cell_jacobian_norms(model, x)[0], f**50, rtol=1e-12)
    sd = model.state_dict()
    assert all(np.count_nonzero(v) == 0 for k, v in sd.items() if k != "bias_ih_l0")


def test_with_forget_bias_minus_1000_closes_the_gate_exactly():
    from rnnnotes import LSTM

    model = gf.with_forget_bias(LSTM(2, 3, seed=1), -1000.0)
    x = np.random.default_rng(3).standard_normal((6, 2))
    assert np.all(gf.forget_gates(model, x) == 0.0)


@pytest.mark.parametrize(("model", "bias", "exc", "words"), [
    ("rnn", 1.0, ValueError, ["with_forget_bias", "LSTM", "got a RNN"]),
    ("bi", 1.0, ValueError, ["single-layer unidirectional", "bidirectional=True"]),
    ("nobias", 1.0, ValueError, ["bias=True", "bias=False"]),
    ("lstm", float("nan"), ValueError, ["bias", "finite real number", "nan"]),
    ("lstm", "1", ValueError, ["bias", "finite real number", "'1'"]),
])
def test_with_forget_bias_names_bad_input(model, bias, exc, words):
    from rnnnotes import LSTM, RNN

    m = {"rnn": lambda: RNN(2, 3), "bi": lambda: LSTM(2, 3, bidirectional=True),
         "nobias": lambda: LSTM(2, 3, bias=False), "lstm": lambda: LSTM(2, 3)}[model]()
    with pytest.raises(exc) as info:
        gf.with_forget_bias(m, bias)
    for w in words:
        assert w in str(info.value), (w, str(info.value))
