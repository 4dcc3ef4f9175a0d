"""Scalar and matrix recurrences behind the vanishing/exploding-gradient discussion.

The 1-D picture: h_k = w h_{k-1} gives dh_k/dh_0 = w^k, which vanishes for |w| < 1 and
explodes for |w| > 1. In n dimensions a linear recurrence h_k = W h_{k-1} + (input) gives
dh_k/dh_0 = W^k; an Elman RNN h_k = phi(W h_{k-1} + u_k) gives the product of Jacobians

    dh_k/dh_0 = diag(phi'(a_k)) W  diag(phi'(a_{k-1})) W  ...  diag(phi'(a_1)) W,

a_j = W h_{j-1} + u_j. With |phi'| <= gamma (gamma = 1 for tanh and relu, 1/4 for the
sigmoid) every factor has spectral norm <= gamma * sigma_max(W), so

    ||dh_k/dh_0||_2 <= (gamma * sigma_max(W))^k.

Pascanu, Mikolov & Bengio (2013): sigma_max(W) < 1/gamma is *sufficient* for vanishing; so
sigma_max(W) > 1/gamma is *necessary* (not sufficient) for exploding. Saturation (phi' near
0) can keep a tanh RNN's Jacobians far below rho(W)^k even when rho(W) > 1.

Indexing: every sequence returned here is indexed by k = 0..steps, the number of steps the
gradient travels back (k = 0 is the identity, or 1 in the scalar case).
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass

import numpy as np

from rnnnotes.gradflow._checks import (
    as_float_array,
    as_square_matrix,
    check_ord,
    check_steps,
    stacked_norms,
)

# Bounds on |phi'| for the usual activations: tanh' = 1 - tanh^2 <= 1 (at 0),
# sigmoid' = s(1 - s) <= 1/4 (at 0), relu' in {0, 1}.
ACTIVATION_GAMMA: dict[str, float] = {"tanh": 1.0, "sigmoid": 0.25, "relu": 1.0}


def scalar_recurrence(w: float, steps: int) -> np.ndarray:
    r"""$\partial h_k/\partial h_0 = w^k$ of the scalar recurrence $h_k = w h_{k-1}$.

    For $k = 0, 1, \dots,$ `steps`, built by repeated multiplication, $d_k = w\, d_{k-1}$ with
    $d_0 = 1$, which is exactly how backpropagation accumulates it. It vanishes for
    $|w| < 1$, explodes for $|w| > 1$, and for $|w| = 1$ ($w = 1$ or $w = -1$) does
    neither.

    :param w: the recurrent weight, a finite real number.
    :param steps: the number of steps $k$ to go back, an int ≥ 0.
    :returns: float64 array of shape `(steps + 1,)`, entry $k$ = $w^k$.
    """
    if isinstance(w, bool) or not isinstance(w, numbers.Real):
        raise TypeError(f"w must be a real number, got {w!r} ({type(w).__name__})")
    if not np.isfinite(w):
        raise ValueError(f"w must be finite, got {w!r}")
    steps = check_steps(steps)
    out = np.empty(steps + 1, dtype=np.float64)  # (steps + 1,)
    out[0] = 1.0
    for k in range(1, steps + 1):
        out[k] = w * out[k - 1]
    return out


def matrix_powers(W: np.ndarray, steps: int) -> np.ndarray:
    r"""$W^k$ for $k = 0, 1, \dots,$ `steps`, with $W^0 = I$ and $W^k = W W^{k-1}$.

    :param W: a real square matrix `(n, n)`.
    :param steps: the largest power, an int ≥ 0.
    :returns: array of shape `(steps + 1, n, n)`.
    """
    W = as_square_matrix(W, "W")
    steps = check_steps(steps)
    n = W.shape[0]
    P = np.empty((steps + 1, n, n), dtype=W.dtype)  # (steps + 1, n, n)
    P[0] = np.eye(n, dtype=W.dtype)
    for k in range(1, steps + 1):
        P[k] = W @ P[k - 1]  # (n, n) @ (n, n) -> (n, n)
    return P


def matrix_power_norms(W: np.ndarray, steps: int, ord: int | str = 2) -> np.ndarray:
    r"""$\|W^k\|$ for $k = 0, 1, \dots,$ `steps`.

    :param W: a real square matrix `(n, n)`.
    :param steps: the largest power, an int ≥ 0.
    :param ord: the norm: `2`, the spectral norm (the largest singular value), or `"fro"`,
        the Frobenius norm.
    :returns: array of shape `(steps + 1,)`.
    """
    check_ord(ord)
    return stacked_norms(matrix_powers(W, steps), ord)


def linear_rnn_jacobian_norms(W_hh: np.ndarray, steps: int, ord: int | str = 2) -> np.ndarray:
    r"""$\|\partial h_{t+k}/\partial h_t\|$, $k = 0, 1, \dots,$ `steps`, of a linear RNN.

    The linear RNN is $h_t = W_{ih} x_t + W_{hh} h_{t-1} + b$. The input term does not
    depend on $h$, so $\partial h_{t+k}/\partial h_t = W_{hh}^k$ for
    every $t$: the scalar picture $w^k$ with $w$ replaced by the matrix $W_{hh}$.

    :param W_hh: the recurrent matrix, real `(n, n)`.
    :param steps: the largest $k$, an int ≥ 0.
    :param ord: the norm: `2`, the spectral norm, or `"fro"`, the Frobenius norm.
    :returns: array of shape `(steps + 1,)`.
    """
    W_hh = as_square_matrix(W_hh, "W_hh")
    return matrix_power_norms(W_hh, steps, ord)


def spectral_radius(W: np.ndarray) -> float:
    r"""The spectral radius $\rho(W) = \max_i |\lambda_i(W)|$.

    It is the growth rate $\lim_{k\to\infty} \|W^k\|^{1/k}$ (Gelfand's formula).

    :param W: a real square matrix `(n, n)`.
    :returns: $\rho(W)$, a float.
    """
    W = as_square_matrix(W, "W")
    return float(np.max(np.abs(np.linalg.eigvals(W))))


def largest_singular_value(W: np.ndarray) -> float:
    r"""$\sigma_{\max}(W) = \|W\|_2$, the most $W$ can stretch any vector.

    Always $\rho(W) \le \sigma_{\max}(W)$. Equality holds for normal matrices; a
    non-normal $W$ can have $\sigma_{\max} > 1$ while
    $\rho < 1$ (see [`nonnormal_matrix`][rnnnotes.gradflow.nonnormal_matrix]).

    :param W: a real square matrix `(n, n)`.
    :returns: $\sigma_{\max}(W)$, a float.
    """
    W = as_square_matrix(W, "W")
    return float(np.linalg.svd(W, compute_uv=False)[0])  # singular values sorted descending


def _gamma(gamma: float | str) -> float:
    if isinstance(gamma, str):
        if gamma not in ACTIVATION_GAMMA:
            raise ValueError(
                f"gamma must be a positive number or one of {sorted(ACTIVATION_GAMMA)}, "
                f"got {gamma!r}"
            )
        return ACTIVATION_GAMMA[gamma]
    if isinstance(gamma, bool) or not isinstance(gamma, numbers.Real):
        raise TypeError(f"gamma must be a positive number or an activation name, got {gamma!r}")
    if not (np.isfinite(gamma) and gamma > 0):
        raise ValueError(f"gamma must be a finite number > 0, got {gamma!r}")
    return float(gamma)


@dataclass(frozen=True)
class PascanuCheck:
    r"""The Pascanu et al. (2013) conditions for one recurrent matrix and one activation bound.

    With $|\varphi'| \le \gamma$, each step's Jacobian $\operatorname{diag}(\varphi'(a_t)) W_{hh}$
    has spectral norm at most $\eta = \gamma\, \sigma_{\max}(W_{hh})$, so
    $\|\partial h_{t+k}/\partial h_t\|_2 \le \eta^k$.

    :ivar sigma_max: $\sigma_{\max}(W_{hh})$, the largest singular value.
    :ivar gamma: the bound $\gamma$ on $|\varphi'|$ (1 for tanh, 1/4 for the sigmoid).
    :ivar threshold: $1/\gamma$, the value $\sigma_{\max}$ is compared with.
    :ivar eta: $\gamma\, \sigma_{\max}$, the bound on one step's Jacobian norm.
    :ivar vanishing_guaranteed: $\sigma_{\max} < 1/\gamma$, the *sufficient* condition for
        vanishing ($\eta^k \to 0$).
    :ivar exploding_possible: $\sigma_{\max} > 1/\gamma$, the *necessary* condition for
        exploding holds; it does not mean the gradient explodes.
    """

    sigma_max: float
    gamma: float
    threshold: float
    eta: float
    vanishing_guaranteed: bool
    exploding_possible: bool

    def bound(self, steps: int) -> np.ndarray:
        r"""$\eta^k$, $k = 0, 1, \dots,$ `steps`: a bound on $\|\partial h_{t+k}/\partial h_t\|_2$.

        :param steps: the largest $k$, an int ≥ 0.
        :returns: array of shape `(steps + 1,)`.
        """
        return scalar_recurrence(self.eta, steps)


def pascanu_check(W_hh: np.ndarray, gamma: float | str = "tanh") -> PascanuCheck:
    r"""Check `W_hh` against the vanishing (sufficient) and exploding (necessary) conditions.

    :param W_hh: the recurrent matrix, real `(n, n)`.
    :param gamma: the bound $\gamma$ on $|\varphi'|$: a positive number, or `"tanh"` (1),
        `"sigmoid"` (1/4) or `"relu"` (1).
    :returns: $\sigma_{\max}$, $\gamma$, the threshold $1/\gamma$, the step bound $\eta$ and
        the two verdicts, as a [`PascanuCheck`][rnnnotes.gradflow.PascanuCheck].
    """
    g = _gamma(gamma)
    sigma = largest_singular_value(as_square_matrix(W_hh, "W_hh"))
    threshold = 1.0 / g
    return PascanuCheck(
        sigma_max=sigma,
        gamma=g,
        threshold=threshold,
        eta=g * sigma,
        vanishing_guaranteed=sigma < threshold,
        exploding_possible=sigma > threshold,
    )


def tanh_rnn_jacobians(
    W_hh: np.ndarray, h0: np.ndarray, steps: int, inputs: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    r"""States and Jacobians $\partial h_k/\partial h_0$ of a plain tanh RNN.

    The RNN is $h_k = \tanh(W_{hh} h_{k-1} + u_k)$. The Jacobians are accumulated
    forward, one step's Jacobian at a time:
    $J_k = \operatorname{diag}(1 - h_k^2)\, W_{hh}\, J_{k-1}$ with $J_0 = I$; the factor
    $1 - h_k^2 = \tanh'(a_k)$ is the saturation that caps the growth.

    :param W_hh: the recurrent matrix, real `(n, n)`.
    :param h0: the initial state, `(n,)`.
    :param steps: the number of steps, an int ≥ 0.
    :param inputs: the input drive $u_k = W_{ih} x_k + b$ for $k = 1, 2, \dots,$ `steps`, shape
        `(steps, n)`; None means zeros.
    :returns: `(states, J)`: `states` `(steps + 1, n)` holds $h_0, \dots, h_{\text{steps}}$
        and `J` `(steps + 1, n, n)` holds $J_k = \partial h_k/\partial h_0$.
    """
    W = as_square_matrix(W_hh, "W_hh")
    n = W.shape[0]
    h0 = as_float_array(h0, "h0", ndim=1)
    if h0.shape != (n,):
        raise ValueError(f"h0 must have shape ({n},) to match W_hh {W.shape}, got {h0.shape}")
    steps = check_steps(steps)
    if inputs is None:
        u = np.zeros((steps, n), dtype=np.result_type(W, h0))
    else:
        u = as_float_array(inputs, "inputs", ndim=2)
        if u.shape != (steps, n):
            raise ValueError(f"inputs must have shape (steps, n) = ({steps}, {n}), got {u.shape}")
    dtype = np.result_type(W, h0, u)
    H = np.empty((steps + 1, n), dtype=dtype)  # (steps + 1, n)
    J = np.empty((steps + 1, n, n), dtype=dtype)  # (steps + 1, n, n)
    H[0], J[0] = h0, np.eye(n, dtype=dtype)
    for k in range(1, steps + 1):
        H[k] = np.tanh(W @ H[k - 1] + u[k - 1])  # (n, n) @ (n,) -> (n,)
        # tanh'(a_k) = 1 - h_k^2: the saturation factor that caps the growth.
        J[k] = (1.0 - H[k] ** 2)[:, None] * (W @ J[k - 1])  # diag(n) (n, n) @ (n, n)
    return H, J


def tanh_rnn_jacobian_norms(
    W_hh: np.ndarray,
    h0: np.ndarray,
    steps: int,
    inputs: np.ndarray | None = None,
    ord: int | str = 2,
) -> np.ndarray:
    r"""$\|\partial h_k/\partial h_0\|$ of the plain tanh RNN, $k = 0, 1, \dots,$ `steps`.

    Compare with [`matrix_power_norms`][rnnnotes.gradflow.matrix_power_norms] (the linear RNN,
    $\tanh' = 1$ everywhere) and with $\rho(W_{hh})^k$: saturation keeps these far below both
    when $\rho > 1$.

    :param W_hh: the recurrent matrix, real `(n, n)`.
    :param h0: the initial state, `(n,)`.
    :param steps: the number of steps, an int ≥ 0.
    :param inputs: the input drive, `(steps, n)`, as in
        [`tanh_rnn_jacobians`][rnnnotes.gradflow.tanh_rnn_jacobians]; None means zeros.
    :param ord: the norm: `2`, the spectral norm, or `"fro"`, the Frobenius norm.
    :returns: array of shape `(steps + 1,)`.
    """
    check_ord(ord)
    return stacked_norms(tanh_rnn_jacobians(W_hh, h0, steps, inputs)[1], ord)
