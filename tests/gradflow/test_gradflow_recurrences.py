"""Recurrences vs independent computations: w**k, np.linalg.matrix_power, SVD, eig, and
finite differences of an explicitly written tanh RNN."""

import numpy as np
import pytest

from rnnnotes.gradflow import recurrences as rec


def orthogonal(n: int, seed: int) -> np.ndarray:
    q, r = np.linalg.qr(np.random.default_rng(seed).standard_normal((n, n)))
    return q * np.sign(np.diag(r))  # (n, n), Q^T Q = I


@pytest.mark.parametrize("w", [0.0, 0.5, -0.9, 1.0, 1.1, -2.0])
def test_scalar_recurrence_is_w_to_the_k(w):
    steps = 30
    expected = np.float64(w) ** np.arange(steps + 1)
    got = rec.scalar_recurrence(w, steps)
    assert got.shape == (steps + 1,)
    np.testing.assert_allclose(got, expected, rtol=1e-13, atol=0)


def test_scalar_recurrence_vanishes_and_explodes():
    assert rec.scalar_recurrence(0.9, 100)[-1] < 1e-4
    assert rec.scalar_recurrence(1.1, 100)[-1] > 1e4
    np.testing.assert_array_equal(rec.scalar_recurrence(1.0, 100), np.ones(101))


def test_matrix_powers_match_numpy_matrix_power():
    W = np.random.default_rng(1).standard_normal((5, 5)) / 2
    P = rec.matrix_powers(W, 12)
    assert P.shape == (13, 5, 5)
    for k in range(13):
        np.testing.assert_allclose(P[k], np.linalg.matrix_power(W, k), rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("ord", [2, "fro"])
def test_matrix_power_norms_match_svd(ord):
    W = np.random.default_rng(2).standard_normal((4, 4)) / 1.5
    norms = rec.matrix_power_norms(W, 10, ord=ord)
    for k in range(11):
        s = np.linalg.svd(np.linalg.matrix_power(W, k), compute_uv=False)
        expected = s[0] if ord == 2 else np.sqrt(np.sum(s**2))
        np.testing.assert_allclose(norms[k], expected, rtol=1e-12)
    # the linear RNN's Jacobians are the same powers: dh_{t+k}/dh_t = W^k
    np.testing.assert_array_equal(rec.linear_rnn_jacobian_norms(W, 10, ord=ord), norms)


def test_spectral_radius_of_matrix_with_known_eigenvalues():
    rng = np.random.default_rng(3)
    S = rng.standard_normal((4, 4)) + 4 * np.eye(4)  # well-conditioned change of basis
    W = S @ np.diag([0.3, -1.7, 0.9, 1.2]) @ np.linalg.inv(S)
    assert rec.spectral_radius(W) == pytest.approx(1.7, rel=1e-10)
    # complex pair 1.1 * exp(+-i theta): rotation scaled by 1.1
    c, s = np.cos(0.4), np.sin(0.4)
    assert rec.spectral_radius(1.1 * np.array([[c, -s], [s, c]])) == pytest.approx(1.1)


def test_spectral_radius_is_gelfand_limit():
    # ||W^k||^(1/k) -> rho(W) (Gelfand's formula); a non-normal W makes rho < sigma_max.
    W = np.array([[0.5, 3.0], [0.0, 0.6]])
    k = 400
    gelfand = rec.matrix_power_norms(W, k)[-1] ** (1 / k)
    assert rec.spectral_radius(W) == pytest.approx(0.6)
    assert gelfand == pytest.approx(0.6, rel=0.02)
    assert rec.largest_singular_value(W) > 3.0


def test_largest_singular_value_of_constructed_matrix():
    U, V = orthogonal(5, 4), orthogonal(5, 5)
    W = U @ np.diag([2.5, 1.0, 0.7, 0.2, 0.01]) @ V.T
    assert rec.largest_singular_value(W) == pytest.approx(2.5, rel=1e-12)
    assert rec.largest_singular_value(W) == pytest.approx(np.sqrt(np.linalg.eigvalsh(W.T @ W)[-1]))


@pytest.mark.parametrize(
    ("a", "gamma", "vanishing", "exploding"),
    [
        (0.9, "tanh", True, False),
        (1.1, "tanh", False, True),
        (1.0, "tanh", False, False),  # exactly at the threshold: neither condition
        (3.9, "sigmoid", True, False),
        (4.1, "sigmoid", False, True),
        (1.5, 0.5, True, False),
    ],
)
def test_pascanu_check_on_scaled_orthogonal(a, gamma, vanishing, exploding):
    W = a * orthogonal(6, 6)  # every singular value equals a
    c = rec.pascanu_check(W, gamma)
    assert c.sigma_max == pytest.approx(a, rel=1e-12)
    g = {"tanh": 1.0, "sigmoid": 0.25}.get(gamma, gamma)
    assert c.gamma == g and c.threshold == 1 / g
    if a != 1.0:  # a = 1 is only 1 up to rounding in the SVD
        assert c.vanishing_guaranteed is vanishing
        assert c.exploding_possible is exploding
    assert c.eta == pytest.approx(g * a)


def test_pascanu_bound_holds_for_tanh_rnn():
    rng = np.random.default_rng(7)
    W = rng.standard_normal((6, 6)) * 0.6
    h0, u = rng.standard_normal(6), rng.standard_normal((40, 6))
    norms = rec.tanh_rnn_jacobian_norms(W, h0, 40, inputs=u)
    bound = rec.pascanu_check(W, "tanh").bound(40)
    assert np.all(norms <= bound * (1 + 1e-12))


def test_exploding_condition_is_not_sufficient():
    # sigma_max = rho = 1.5 > 1 (exploding possible), but strong inputs saturate tanh
    # and the gradient vanishes anyway.
    W = 1.5 * orthogonal(6, 8)
    u = np.full((60, 6), 4.0)
    check = rec.pascanu_check(W, "tanh")
    assert check.exploding_possible
    norms = rec.tanh_rnn_jacobian_norms(W, np.zeros(6), 60, inputs=u)
    assert norms[-1] < 1e-6 < rec.spectral_radius(W) ** 60


def test_tanh_rnn_at_zero_state_is_the_linear_rnn():
    # h0 = 0 and no input keep h_k = 0, where tanh' = 1: the Jacobians are exactly W^k.
    W = np.random.default_rng(9).standard_normal((4, 4))
    H, J = rec.tanh_rnn_jacobians(W, np.zeros(4), 8)
    np.testing.assert_array_equal(H, np.zeros((9, 4)))
    np.testing.assert_allclose(J, rec.matrix_powers(W, 8), rtol=1e-13, atol=1e-13)


def test_tanh_saturation_caps_growth_far_below_rho_to_the_k():
    W = 3.0 * orthogonal(8, 10)  # rho = sigma_max = 3
    h0 = np.random.default_rng(11).standard_normal(8)
    steps = 30
    norms = rec.tanh_rnn_jacobian_norms(W, h0, steps)
    assert rec.spectral_radius(W) == pytest.approx(3.0)
    assert norms.max() < 1e-6 * 3.0**steps
    assert norms.max() < rec.matrix_power_norms(W, steps)[-1] * 1e-6


def _tanh_rnn_last_state(W, h0, u):
    h = h0
    for t in range(u.shape[0]):
        h = np.tanh(W @ h + u[t])
    return h


@pytest.mark.parametrize("steps", [1, 5, 12])
def test_tanh_rnn_jacobians_match_finite_differences(steps):
    rng = np.random.default_rng(steps)
    n = 5
    W, h0, u = rng.standard_normal((n, n)), rng.standard_normal(n), rng.standard_normal((steps, n))
    H, J = rec.tanh_rnn_jacobians(W, h0, steps, inputs=u)
    np.testing.assert_allclose(H[-1], _tanh_rnn_last_state(W, h0, u), rtol=1e-14)
    eps = 1e-6
    fd = np.empty((n, n))
    for j in range(n):
        e = np.zeros(n)
        e[j] = eps
        fd[:, j] = (_tanh_rnn_last_state(W, h0 + e, u) - _tanh_rnn_last_state(W, h0 - e, u)) / (
            2 * eps
        )
    np.testing.assert_allclose(J[-1], fd, rtol=1e-6, atol=1e-9)


def test_zero_steps():
    assert rec.scalar_recurrence(3.0, 0).tolist() == [1.0]
    np.testing.assert_array_equal(rec.matrix_powers(np.ones((2, 2)), 0), np.eye(2)[None])
    np.testing.assert_array_equal(rec.matrix_power_norms(np.ones((3, 3)), 0, ord="fro"), [3**0.5])


@pytest.mark.parametrize(
    ("call", "exc", "words"),
    [
        (lambda: rec.scalar_recurrence(0.5, -1), ValueError, "steps must be an int >= 0, got -1"),
        (lambda: rec.scalar_recurrence(0.5, 2.0), TypeError, "steps must be an int"),
        (lambda: rec.scalar_recurrence(0.5, True), TypeError, "steps must be an int"),
        (lambda: rec.scalar_recurrence("0.5", 3), TypeError, "w must be a real number"),
        (lambda: rec.scalar_recurrence(float("nan"), 3), ValueError, "w must be finite"),
        (lambda: rec.matrix_powers(np.ones((2, 3)), 3), ValueError, "got shape (2, 3)"),
        (lambda: rec.matrix_powers(np.ones(3), 3), ValueError, "W must be 2-D, got shape (3,)"),
        (lambda: rec.spectral_radius(np.zeros((0, 0))), ValueError, "non-empty square"),
        (lambda: rec.largest_singular_value([[1, np.inf]] * 2), ValueError, "W must be finite"),
        (lambda: rec.largest_singular_value([["a"]]), TypeError, "real numeric array"),
        (lambda: rec.matrix_power_norms(np.eye(2), 3, ord=1), ValueError, "ord must be 2"),
        (lambda: rec.pascanu_check(np.eye(2), "softsign"), ValueError, "gamma must be"),
        (lambda: rec.pascanu_check(np.eye(2), -1.0), ValueError, "gamma must be a finite"),
        (lambda: rec.pascanu_check(np.eye(2), None), TypeError, "gamma must be"),
        (lambda: rec.tanh_rnn_jacobians(np.eye(3), np.zeros(2), 4), ValueError, "h0 must have"),
        (
            lambda: rec.tanh_rnn_jacobians(np.eye(3), np.zeros(3), 4, inputs=np.zeros((3, 3))),
            ValueError,
            "inputs must have shape (steps, n) = (4, 3), got (3, 3)",
        ),
    ],
)
def test_bad_input_is_named(call, exc, words):
    with pytest.raises(exc) as info:
        call()
    assert words in str(info.value)
