r"""Recurrent matrices built to order, and the gradient-norm curves of a tanh RNN using them.

The figures of the vanishing/exploding discussion need an LSTM with a chosen forget-gate
bias, $W_{hh}$ with a chosen largest singular value $\sigma_{\max}$, a non-normal $W_{hh}$
whose powers grow before they decay although its spectral radius is below one, and the
curve $\|\partial h_T/\partial h_t\|$ against $k = T - t$ of a tanh RNN run with such a
matrix.

The tanh RNN here is an `rnnnotes.RNN` without biases,
$h_t = \tanh(W_{hh} h_{t-1} + W_{ih} x_t)$, whose $W_{ih}$ is drawn with a seed (PyTorch's
rule) and whose $W_{hh}$ is the given matrix; its curves come from
[`hidden_jacobian_norms`][rnnnotes.gradflow.hidden_jacobian_norms], the same backward sweep
as for any rnnnotes model. With zero input the state stays at $0$, where $\tanh' = 1$, and
the curve is exactly $\|W_{hh}^k\|$ (the linear RNN); inputs move the state off zero and
saturation pulls the curve below it.
"""

from __future__ import annotations

import numbers

import numpy as np

from rnnnotes.gradflow._checks import as_square_matrix, check_ord, check_steps
from rnnnotes.gradflow._model import model_spec, require_simple
from rnnnotes.gradflow.jacobians import hidden_jacobian_norms
from rnnnotes.nn import LSTM, RNN

MATRIX_KINDS = ("orthogonal", "gaussian")


def _positive_int(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        raise ValueError(f"{name} must be an int >= 1, got {value!r}")
    return int(value)


def _real(value: object, name: str, minimum: float = 0.0, strict: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {value!r} ({type(value).__name__})")
    ok = value > minimum if strict else value >= minimum
    if not (np.isfinite(value) and ok):
        bound = f"> {minimum:g}" if strict else f">= {minimum:g}"
        raise ValueError(f"{name} must be a finite number {bound}, got {value!r}")
    return float(value)


def with_forget_bias(lstm: LSTM, bias: float, *, zero_weights: bool = False) -> LSTM:
    r"""Give an LSTM the forget-gate bias $b$ = `bias`, in place; returns the same model.

    PyTorch stores two bias vectors whose sum is the effective bias, so the forget gate is
    $f_t = \sigma(W_{if} x_t + W_{hf} h_{t-1} + b_{if} + b_{hf})$ (gate order i, f, g, o:
    rows $H$ to $2H$). This sets those rows of `bias_ih_l0` to $b$ and of `bias_hh_l0` to
    0, so $b_{if} + b_{hf} = b$, and leaves every other parameter as it was.

    - With `zero_weights=True` every other parameter is 0 first: then
      $f_t = \sigma(b)$ at every step whatever the input, and the cell path over $k$ steps
      is $\sigma(b)^k$.
    - A very negative $b$ closes the gate exactly: $\sigma(-1000)$ is 0.0 in float64 (the
      exponential overflows to infinity), so $f_t = 0$ and $c_t = i_t \odot g_t$.

    :param lstm: a single-layer unidirectional `rnnnotes.LSTM` with biases.
    :param bias: $b$, a finite real number.
    :param zero_weights: set every other parameter to 0 first.
    :returns: `lstm`, changed in place.
    """
    spec = model_spec(lstm)
    require_simple(spec, "with_forget_bias", kinds=("lstm",))
    if isinstance(bias, bool) or not isinstance(bias, numbers.Real) or not np.isfinite(bias):
        raise ValueError(f"bias must be a finite real number, got {bias!r}")
    sd = lstm.state_dict()
    if "bias_ih_l0" not in sd:
        raise ValueError("with_forget_bias: lstm must have biases (bias=True), got bias=False")
    if zero_weights:
        sd = {k: np.zeros_like(v) for k, v in sd.items()}
    n = spec.hidden_size
    sd["bias_ih_l0"][n : 2 * n] = float(bias)  # (4H,): rows H:2H are the forget gate's
    sd["bias_hh_l0"][n : 2 * n] = 0.0
    lstm.load_state_dict(sd)
    return lstm


def recurrent_matrix(
    n: int, sigma_max: float, *, kind: str = "orthogonal", seed: int = 0
) -> np.ndarray:
    r"""A seeded `(n, n)` matrix whose largest singular value is exactly `sigma_max`.

    - `kind="orthogonal"`: $W = \sigma_{\max} Q$ with $Q$ a random orthogonal matrix (the
      QR factor of a Gaussian matrix, signs fixed so it is Haar-distributed). Every singular
      value and every eigenvalue modulus is $\sigma_{\max}$, so $\|W^k\|_2 =
      \sigma_{\max}^k$ and $\rho(W) = \sigma_{\max}$: the matrix analogue of $w^k$.
    - `kind="gaussian"`: a standard Gaussian matrix scaled to $\sigma_{\max}$; its
      singular values spread below $\sigma_{\max}$ and its spectral radius is smaller
      (about half for large $n$), so $\|W^k\|$ falls faster than $\sigma_{\max}^k$.

    :param n: the size, an int ≥ 1.
    :param sigma_max: the largest singular value, a finite number ≥ 0.
    :param kind: `"orthogonal"` or `"gaussian"`.
    :param seed: seed of the `numpy.random.default_rng` the matrix is drawn from.
    :returns: `W`, float64 of shape `(n, n)`.
    """
    n = _positive_int(n, "n")
    sigma_max = _real(sigma_max, "sigma_max")
    if kind not in MATRIX_KINDS:
        raise ValueError(f"kind must be one of {MATRIX_KINDS}, got {kind!r}")
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise ValueError(f"seed must be an int >= 0, got {seed!r}")
    G = np.random.default_rng(seed).standard_normal((n, n))  # (n, n)
    if kind == "orthogonal":
        q, r = np.linalg.qr(G)
        return sigma_max * (q * np.sign(np.diag(r)))  # Q^T Q = I
    return G * (sigma_max / np.linalg.svd(G, compute_uv=False)[0])


def nonnormal_matrix(n: int, rho: float, coupling: float = 1.0) -> np.ndarray:
    r"""$W = \rho I + a N$, a Jordan block: spectral radius $\rho$, yet $\|W^k\|$ can grow.

    $N$ is the shift (ones on the superdiagonal), so every eigenvalue of $W$ is $\rho$, but
    $W$ is not normal ($W W^\top \ne W^\top W$ for $a \ne 0$) and its powers are, since
    $N^n = 0$,

    $$W^k = \sum_{j=0}^{n-1} \binom{k}{j} \rho^{k-j} a^j N^j .$$

    For $\rho < 1$ every term tends to $0$, but the polynomial factors $\binom{k}{j}$ grow
    first: $\|W^k\|$ rises above $1$ (for $a$ large enough) before it decays like
    $\rho^k$. Spectral radius below one therefore does not mean the gradient shrinks at
    every step; $\sigma_{\max}(W) \ge |a|$ is what allows the growth.

    :param n: the size, an int ≥ 1 (for $n = 1$, $W = \rho$).
    :param rho: the eigenvalue (the spectral radius is $|\rho|$), a finite number.
    :param coupling: $a$, the superdiagonal, a finite number.
    :returns: `W`, float64 of shape `(n, n)`.
    """
    n = _positive_int(n, "n")
    if isinstance(rho, bool) or not isinstance(rho, numbers.Real) or not np.isfinite(rho):
        raise ValueError(f"rho must be a finite real number, got {rho!r}")
    if (isinstance(coupling, bool) or not isinstance(coupling, numbers.Real)
            or not np.isfinite(coupling)):
        raise ValueError(f"coupling must be a finite real number, got {coupling!r}")
    return float(rho) * np.eye(n) + float(coupling) * np.eye(n, k=1)  # (n, n)


def tanh_rnn(W_hh: np.ndarray, input_size: int = 1, *, seed: int = 0) -> RNN:
    r"""A bias-free tanh `rnnnotes.RNN` with the given recurrent matrix.

    $h_t = \tanh(W_{hh} h_{t-1} + W_{ih} x_t)$: `hidden_size` is `W_hh.shape[0]`,
    $W_{ih}$ `(n, input_size)` is drawn from $\mathcal{U}(-1/\sqrt{n}, 1/\sqrt{n})$ with `seed`.

    :param W_hh: the recurrent matrix, real `(n, n)`.
    :param input_size: features of $x_t$, an int ≥ 1.
    :param seed: seed of the input weights.
    :returns: the model, float64.
    """
    W = as_square_matrix(W_hh, "W_hh")
    input_size = _positive_int(input_size, "input_size")
    model = RNN(input_size, W.shape[0], bias=False, seed=seed)
    sd = model.state_dict()
    sd["weight_hh_l0"] = W
    model.load_state_dict(sd)
    return model


def tanh_rnn_norm_curve(
    W_hh: np.ndarray,
    steps: int,
    *,
    input_size: int = 1,
    input_scale: float = 1.0,
    seed: int = 0,
    ord: int | str = 2,
) -> np.ndarray:
    r"""$\|\partial h_T/\partial h_{T-k}\|$, $k = 0, 1, \dots, T$, of a tanh RNN with $W_{hh}$.

    The model ([`tanh_rnn`][rnnnotes.gradflow.tanh_rnn] with `W_hh` and `seed`) reads
    $T$ = `steps` inputs $x_t$ drawn from $N(0, s^2)$, $s$ = `input_scale` (with the same
    seed), from $h_0 = 0$. Entry $k$ is the norm of the Jacobian over the last $k$ steps,
    so the curve reads left to right as the gradient travels back in time: entry 0 is
    $\|I\|$, entry $T$ is $\|\partial h_T/\partial h_0\|$. With `input_scale=0` it equals
    [`matrix_power_norms`][rnnnotes.gradflow.matrix_power_norms] of `W_hh`.

    :param W_hh: the recurrent matrix, real `(n, n)`.
    :param steps: $T$, an int ≥ 1.
    :param input_size: features of $x_t$.
    :param input_scale: the inputs' standard deviation $s \ge 0$.
    :param seed: seed of the input weights and of the inputs.
    :param ord: the norm: `2`, the spectral norm, or `"fro"`, the Frobenius norm.
    :returns: float64 array of shape `(steps + 1,)`, indexed by $k = T - t$.
    """
    check_ord(ord)
    steps = check_steps(steps)
    if steps < 1:
        raise ValueError(f"steps must be an int >= 1, got {steps}")
    input_scale = _real(input_scale, "input_scale")
    model = tanh_rnn(W_hh, input_size, seed=seed)
    x = np.random.default_rng(seed).standard_normal((steps, model.input_size)) * input_scale
    return hidden_jacobian_norms(model, x, ord=ord)[::-1].copy()  # [k] = t = T - k


def sigma_max_curves(
    sigma_maxes,
    steps: int,
    hidden_size: int = 32,
    *,
    kind: str = "orthogonal",
    input_size: int = 1,
    input_scale: float = 1.0,
    seed: int = 0,
    ord: int | str = 2,
) -> np.ndarray:
    r"""Norm curves of the tanh RNN for several largest singular values of $W_{hh}$.

    Row $r$ is [`tanh_rnn_norm_curve`][rnnnotes.gradflow.tanh_rnn_norm_curve] of
    `recurrent_matrix(hidden_size, sigma_maxes[r], kind=kind, seed=seed)`,
    the same seeded draw rescaled, so the rows differ only in $\sigma_{\max}$.

    :param sigma_maxes: the largest singular values, a sequence of numbers ≥ 0.
    :param steps: $T$, an int ≥ 1.
    :param hidden_size: $n$, the size of $W_{hh}$.
    :returns: float64 array of shape `(len(sigma_maxes), steps + 1)`, `[r, k]` =
        $\|\partial h_T/\partial h_{T-k}\|$; the other arguments are those of
        [`recurrent_matrix`][rnnnotes.gradflow.recurrent_matrix] and
        [`tanh_rnn_norm_curve`][rnnnotes.gradflow.tanh_rnn_norm_curve].
    """
    sig = np.asarray(sigma_maxes)
    if sig.ndim != 1 or sig.size == 0 or not np.issubdtype(sig.dtype, np.number):
        raise ValueError(
            f"sigma_maxes must be a non-empty 1-D sequence of numbers, got {sigma_maxes!r}"
        )
    return np.stack([
        tanh_rnn_norm_curve(
            recurrent_matrix(hidden_size, float(s), kind=kind, seed=seed), steps,
            input_size=input_size, input_scale=input_scale, seed=seed, ord=ord,
        )
        for s in sig
    ])
