"""Task 1.2: vanishing and exploding gradients, from the scalar picture to real models.

- :func:`scalar_powers`: |w|^k, the 1-D linear recurrence h_k = w h_{k-1}.
- :func:`rnn_gradient_norms`: ||dh_T/dh_t||_2 of a tanh RNN whose W_hh is scaled to
  several largest singular values sigma_max, with the bound sigma_max^(T-t) that every
  step's factor diag(tanh') W_hh obeys (Pascanu, Mikolov & Bengio 2013).
- :func:`gated_gradient_norms`: the same norm for an RNN, an LSTM and a GRU as
  initialised (one seed, one input sequence).
- :func:`nonnormal_growth`: ||W^k||_2 of a non-normal matrix with spectral radius 0.9
  grows before it decays; a normal matrix with the same eigenvalues only decays.

Every norm comes from :mod:`rnnnotes.gradflow`; the models are :mod:`rnnnotes.nn`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from rnnnotes import gradflow
from rnnnotes.figures._style import Rendered, check_theme, log_scale, new_figure
from rnnnotes.nn import GRU, LSTM, RNN

__all__ = [
    "GradientNormsData",
    "NonNormalData",
    "ScalarPowersData",
    "gated_gradient_norms",
    "nonnormal_growth",
    "rnn_gradient_norms",
    "scalar_powers",
]

_DASHES = ("-", "--", "-.", ":")


def _frozen(*arrays: np.ndarray) -> None:
    for a in arrays:
        a.flags.writeable = False


# ---------------------------------------------------------------- the scalar picture


@dataclass(frozen=True)
class ScalarPowersData:
    """``values[i, k]`` = |w_i^k| for k = 0..steps, from gradflow.scalar_recurrence."""

    weights: tuple[float, ...]
    steps: int
    values: np.ndarray


@lru_cache(maxsize=4)
def scalar_powers_data(weights: tuple[float, ...] = (0.9, 1.0, 1.1, -1.0),
                       steps: int = 50) -> ScalarPowersData:
    """|w^k| for each w, k = 0..steps."""
    values = np.abs(np.stack([gradflow.scalar_recurrence(w, steps) for w in weights]))
    _frozen(values)
    return ScalarPowersData(tuple(weights), steps, values)


def scalar_powers(theme: str = "light") -> Rendered:
    """|w|^k against k on a log axis for w = 0.9, 1, 1.1 and -1 (k = 0..50).

    w = -1 lies on w = 1: only |w| decides whether the product vanishes or explodes.
    Returns ``(figure, ScalarPowersData)``.
    """
    th = check_theme(theme)
    data = scalar_powers_data()
    k = np.arange(data.steps + 1)
    with new_figure(th) as fig:
        ax = fig.subplots()
        for i, w in enumerate(data.weights):
            style = {"ls": _DASHES[i]}
            if w == -1.0:  # drawn on top of w = 1: open markers show it is there
                style = {"ls": "none", "marker": "o", "markevery": 5, "mfc": "none", "ms": 7}
            ax.plot(k, data.values[i], color=th.series[i], label=f"$w = {w:g}$".replace(
                "-", "{-}"), **style)
        log_scale(ax.yaxis)
        ax.set_xlabel("steps $k$")
        ax.set_ylabel(r"$|\partial h_k / \partial h_0| = |w|^k$")
        ax.set_xlim(0, data.steps)
        ax.yaxis.grid(True, which="major")
        ax.legend(loc="upper left", ncols=2)
    return Rendered(fig, data)


# ---------------------------------------------------------------- real models


@dataclass(frozen=True)
class GradientNormsData:
    """``norms[i, k]`` = ||dh_T/dh_{T-k}||_2 of model i on one sequence, k = 0..steps.

    From :func:`rnnnotes.gradflow.hidden_jacobian_norms` (indexed by t, reversed here to
    the distance k = T - t). ``bounds[i, k]`` = sigma_max_i^k where a bound applies (tanh
    RNN), else NaN; ``sigma_max`` the measured sigma_max of each W_hh where it applies
    (empty for the gated cells). ``x`` is the input sequence (steps, input_size), drawn from
    ``default_rng(seed)``; the models are built with ``seed=seed``.
    """

    labels: tuple[str, ...]
    input_size: int
    hidden_size: int
    steps: int
    seed: int
    sigma_max: tuple[float, ...]
    x: np.ndarray
    norms: np.ndarray
    bounds: np.ndarray


def _sequence(steps: int, input_size: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal((steps, input_size))  # (T, D)


def scaled_rnn(input_size: int, hidden_size: int, sigma_max: float, seed: int) -> RNN:
    """``RNN(D, H, seed=seed)`` with W_hh multiplied so that its sigma_max is ``sigma_max``."""
    model = RNN(input_size, hidden_size, seed=seed)
    sd = model.state_dict()
    w = sd["weight_hh_l0"]  # (H, H)
    sd["weight_hh_l0"] = w * (sigma_max / gradflow.largest_singular_value(w))
    model.load_state_dict(sd)
    return model


@lru_cache(maxsize=4)
def rnn_gradient_norms_data(sigmas: tuple[float, ...] = (0.5, 0.9, 1.5, 3.0),
                            input_size: int = 8, hidden_size: int = 32, steps: int = 40,
                            seed: int = 0) -> GradientNormsData:
    """||dh_T/dh_t||_2 of a tanh RNN for each sigma_max of W_hh (same weights otherwise)."""
    x = _sequence(steps, input_size, seed)
    norms, bounds, measured = [], [], []
    for s in sigmas:
        model = scaled_rnn(input_size, hidden_size, s, seed)
        sigma = gradflow.largest_singular_value(model.state_dict()["weight_hh_l0"])
        measured.append(sigma)
        norms.append(gradflow.hidden_jacobian_norms(model, x)[::-1])  # (T + 1,) by k = T - t
        bounds.append(gradflow.pascanu_check(model.state_dict()["weight_hh_l0"]).bound(steps))
    norms_a, bounds_a = np.array(norms), np.array(bounds)
    _frozen(x, norms_a, bounds_a)
    labels = tuple(f"$\\sigma_{{\\max}} = {s:g}$" for s in sigmas)
    return GradientNormsData(labels, input_size, hidden_size, steps, seed, tuple(measured), x,
                             norms_a, bounds_a)


def _norms_plot(ax, data: GradientNormsData, th, bounds: bool) -> None:
    k = np.arange(data.steps + 1)
    for i, label in enumerate(data.labels):
        ax.plot(k, data.norms[i], color=th.series[i], ls=_DASHES[i], label=label)
        if bounds and np.all(np.isfinite(data.bounds[i])):
            ax.plot(k, data.bounds[i], color=th.series[i], lw=1.0, alpha=0.6, ls=":")
    log_scale(ax.yaxis)
    ax.set_xlabel("steps back $T - t$")
    ax.set_ylabel(r"$\|\partial h_T / \partial h_t\|_2$")
    ax.set_xlim(0, data.steps)
    ax.yaxis.grid(True, which="major")


def rnn_gradient_norms(theme: str = "light") -> Rendered:
    """||dh_T/dh_t||_2 against T - t for a tanh RNN(8, 32) with sigma_max(W_hh) = 0.5, 0.9,
    1.5 and 3 (log scale), each with its bound sigma_max^(T-t) dotted.

    Below 1 the norm must vanish (it stays under the bound); above 1 it may, but need not,
    grow. Returns ``(figure, GradientNormsData)``.
    """
    th = check_theme(theme)
    data = rnn_gradient_norms_data()
    with new_figure(th) as fig:
        ax = fig.subplots()
        _norms_plot(ax, data, th, bounds=True)
        ax.set_ylim(1e-16, max(np.max(data.norms), 1.0) * 30)  # below 1e-16: gone
        ax.legend(loc="lower left", ncols=2, fontsize=11)
    return Rendered(fig, data)


@lru_cache(maxsize=4)
def gated_gradient_norms_data(input_size: int = 8, hidden_size: int = 32, steps: int = 40,
                              seed: int = 0) -> GradientNormsData:
    """||dh_T/dh_t||_2 of RNN, LSTM and GRU(D, H, seed=seed) on one sequence, as initialised."""
    x = _sequence(steps, input_size, seed)
    norms = np.array([gradflow.hidden_jacobian_norms(cls(input_size, hidden_size, seed=seed),
                                                     x)[::-1] for cls in (RNN, LSTM, GRU)])
    bounds = np.full_like(norms, np.nan)  # no single-matrix bound for the gated cells
    _frozen(x, norms, bounds)
    labels = ("tanh RNN", "LSTM ($c_t$ held fixed)", "GRU")
    return GradientNormsData(labels, input_size, hidden_size, steps, seed, (), x, norms, bounds)


def gated_gradient_norms(theme: str = "light") -> Rendered:
    """||dh_T/dh_t||_2 against T - t for RNN, LSTM and GRU(8, 32) as initialised (log scale).

    All three vanish at initialisation: the gates alone do not keep a gradient alive.
    Returns ``(figure, GradientNormsData)``.
    """
    th = check_theme(theme)
    data = gated_gradient_norms_data()
    with new_figure(th) as fig:
        ax = fig.subplots()
        _norms_plot(ax, data, th, bounds=False)
        ax.legend(loc="lower left")
    return Rendered(fig, data)


# ---------------------------------------------------------------- non-normal growth


@dataclass(frozen=True)
class NonNormalData:
    """``W`` = [[lam, a], [0, lam]] (non-normal) against ``D`` = lam I (normal, same
    eigenvalues). ``nonnormal[k]`` = ||W^k||_2, ``normal[k]`` = ||D^k||_2 = lam^k, ``tanh[k]``
    = ||dh_k/dh_0||_2 of the tanh RNN h_k = tanh(W h_{k-1}) from ``h0``; k = 0..steps."""

    W: np.ndarray
    steps: int
    spectral_radius: float
    sigma_max: float
    h0: np.ndarray
    nonnormal: np.ndarray
    normal: np.ndarray
    tanh: np.ndarray


@lru_cache(maxsize=4)
def nonnormal_data(lam: float = 0.9, a: float = 2.0, steps: int = 60) -> NonNormalData:
    """The powers of a 2 x 2 Jordan-like matrix, of its diagonal, and a tanh RNN with it."""
    W = np.array([[lam, a], [0.0, lam]])
    h0 = np.array([0.0, 0.01])  # small: the tanh RNN starts in its linear regime
    nonnormal = gradflow.matrix_power_norms(W, steps)
    normal = gradflow.matrix_power_norms(np.diag(np.diag(W)), steps)
    tanh = gradflow.tanh_rnn_jacobian_norms(W, h0, steps)
    _frozen(W, h0, nonnormal, normal, tanh)
    return NonNormalData(W, steps, gradflow.spectral_radius(W),
                         gradflow.largest_singular_value(W), h0, nonnormal, normal, tanh)


def nonnormal_growth(theme: str = "light") -> Rendered:
    """||W^k||_2 for W = [[0.9, 2], [0, 0.9]] against 0.9^k, and a tanh RNN with that W.

    Spectral radius 0.9 < 1, yet the gradient first grows about eightfold; only later
    does 0.9^k win. Returns ``(figure, NonNormalData)``.
    """
    th = check_theme(theme)
    data = nonnormal_data()
    k = np.arange(data.steps + 1)
    lam, a = data.W[0, 0], data.W[0, 1]
    with new_figure(th) as fig:
        ax = fig.subplots()
        ax.plot(k, data.nonnormal, color=th.series[0],
                label=rf"$\|W^k\|_2$, $W = [[{lam:g}, {a:g}], [0, {lam:g}]]$")
        ax.plot(k, data.tanh, color=th.series[1], ls="--",
                label=r"$\|\partial h_k / \partial h_0\|_2$, tanh RNN, same $W$")
        ax.plot(k, data.normal, color=th.series[2], ls="-.", label=rf"${lam:g}^k$ (normal $W$)")
        ax.axhline(1.0, color=th.muted, lw=0.8)
        ax.set_xlabel("steps $k$")
        ax.set_ylabel("gradient norm")
        ax.set_xlim(0, data.steps)
        ax.set_ylim(0, None)
        ax.legend(loc="upper right", fontsize=11)
    return Rendered(fig, data)
