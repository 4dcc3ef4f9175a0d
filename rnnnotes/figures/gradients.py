"""Task 1.2: vanishing and exploding gradients, from the scalar picture to real models.

- :func:`scalar_powers`: |w|^k, the 1-D linear recurrence h_k = w h_{k-1}.
- :func:`rnn_gradient_norms`: ||dh_T/dh_t||_2 of a tanh RNN whose W_hh is scaled to
  several largest singular values sigma_max, one panel each, with the bound
  sigma_max^(T-t) that every step's factor diag(tanh') W_hh obeys (Pascanu, Mikolov &
  Bengio 2013).
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
from rnnnotes.figures._style import Rendered, check_theme, decade_labels, log_scale, new_figure
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
# The line figures of this module are narrower than the site's default (4.3 in, 413 CSS px,
# against 5.6 in): a phone scales them less, so their text stays about 14 px there.
_WIDTH, _HEIGHT = 4.3, 3.1
FLOOR_ROOM = 0.08  # of a panel's height, below rnn_gradient_norms' smallest norm
COLUMN_GAP = 0.35  # rnn_gradient_norms' wspace: of the mean panel width, between columns
_BOUND = {"lw": 1.5, "ls": (0, (5, 2.5))}  # a bound: dashed, in the theme's muted colour


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
    r"""$|w|^k$ against $k$ on a log axis for $w = 0.9$, 1, 1.1 and $-1$
    ($k = 0, \dots, 50$).

    $w = -1$ lies on $w = 1$: only $|w|$ decides whether the product vanishes or explodes.
    Returns `(figure, ScalarPowersData)`.
    """
    th = check_theme(theme)
    data = scalar_powers_data()
    k = np.arange(data.steps + 1)
    with new_figure(th, _WIDTH, _HEIGHT) as fig:
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
        fig.legend(loc="outside upper center", ncols=2)
    return Rendered(fig, data)


# ---------------------------------------------------------------- real models


@dataclass(frozen=True)
class GradientNormsData:
    """``norms[i, k]`` = ||dh_T/dh_{T-k}||_2 of model i on one sequence, k = 0..steps.

    From :func:`rnnnotes.gradflow.hidden_jacobian_norms` (indexed by t, reversed here to
    the distance k = T - t). ``bounds[i, k]`` = sigma_max_i^k where a bound applies (tanh
    RNN), else NaN; ``sigma_max`` the measured sigma_max of each W_hh where it applies
    (empty for the gated cells). ``x`` is the input sequence (steps, input_size), drawn from
    ``default_rng(seed)``; the models and matrices are built with ``seed=seed``.
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


@lru_cache(maxsize=4)
def rnn_gradient_norms_data(sigmas: tuple[float, ...] = (0.5, 0.9, 1.5, 3.0),
                            input_size: int = 8, hidden_size: int = 32, steps: int = 40,
                            seed: int = 0) -> GradientNormsData:
    """||dh_T/dh_t||_2 of a bias-free tanh RNN for each sigma_max of W_hh.

    gradflow.sigma_max_curves: one seeded Gaussian W_hh (``recurrent_matrix(kind=
    "gaussian")``) rescaled to each sigma_max, inputs x ~ N(0, 1) drawn with the same seed.
    """
    norms = gradflow.sigma_max_curves(sigmas, steps, hidden_size, kind="gaussian",
                                      input_size=input_size, seed=seed)  # (S, T + 1)
    measured, bounds = [], []
    for s in sigmas:
        W = gradflow.recurrent_matrix(hidden_size, s, kind="gaussian", seed=seed)
        check = gradflow.pascanu_check(W)
        measured.append(check.sigma_max)
        bounds.append(check.bound(steps))  # sigma_max^k (tanh: gamma = 1)
    x = _sequence(steps, input_size, seed)
    bounds_a = np.array(bounds)
    _frozen(x, norms, bounds_a)
    labels = tuple(f"$\\sigma_{{\\max}} = {s:g}$" for s in sigmas)  # math's own spacing
    return GradientNormsData(labels, input_size, hidden_size, steps, seed, tuple(measured), x,
                             norms, bounds_a)


def _norms_plot(ax, data: GradientNormsData, th) -> None:
    k = np.arange(data.steps + 1)
    for i, label in enumerate(data.labels):
        ax.plot(k, data.norms[i], color=th.series[i], ls=_DASHES[i], label=label)
    log_scale(ax.yaxis)
    ax.set_xlabel("steps back $k$")
    ax.set_ylabel(r"$\|\partial h_T / \partial h_{T-k}\|_2$")
    ax.set_xlim(0, data.steps)
    ax.yaxis.grid(True, which="major")


def rnn_gradient_norms(theme: str = "light") -> Rendered:
    r"""$\lVert \partial h_T / \partial h_{T-k} \rVert_2$ against the steps back $k$ for a
    tanh RNN(8, 32) whose Gaussian $W_{hh}$ is scaled to $\sigma_{\max} = 0.5$, 0.9, 1.5 and
    3: one panel each (log scale, shared axes), with the bound $\sigma_{\max}^k$ dashed.

    Below 1 the norm must vanish (it stays under the bound); above 1 it may, but need not,
    grow. Returns `(figure, GradientNormsData)`.
    """
    th = check_theme(theme)
    data = rnn_gradient_norms_data()
    k = np.arange(data.steps + 1)
    # every curve and every bound fits: from under the smallest norm to over the largest
    # bound, with FLOOR_ROOM of the axis below the smallest norm, so that its curve ends
    # visibly above the floor rather than running into the corner (design review)
    smallest = np.log10(data.norms.min())
    high = np.ceil(np.log10(max(data.bounds.max(), data.norms.max())))
    low = np.floor(smallest - FLOOR_ROOM / (1 - FLOOR_ROOM) * (high - smallest))
    with new_figure(th, _WIDTH, 4.4) as fig:
        axes = fig.subplots(2, 2, sharex=True, sharey=True)
        for i, ax in enumerate(axes.flat):
            measured, = ax.plot(k, data.norms[i], color=th.series[0])
            bound, = ax.plot(k, data.bounds[i], color=th.muted, **_BOUND)
            ax.set_title(data.labels[i], fontsize=12)
            ax.set_yscale("log")
            ax.set_ylim(10.0**low, 10.0**high)
            ax.set_yticks([10.0**e for e in range(-20, 21, 10)])
            decade_labels(ax.yaxis)
            ax.yaxis.grid(True, which="major")
            ax.set_xlim(0, data.steps)
            ax.set_xticks([0, data.steps // 2, data.steps])
        # each row's titles clear of the tick marks of the row above, panels apart
        # (wspace: a left panel's last tick label well clear of the right one's first,
        # farther than the tick labels of one axis are from each other)
        fig.get_layout_engine().set(hspace=0.1, wspace=COLUMN_GAP, w_pad=0.1)
        fig.supxlabel("steps back $k$", fontsize=13)
        fig.supylabel(r"$\|\partial h_T / \partial h_{T-k}\|_2$", fontsize=13)
        # the key framed: unframed, its two entries stood over the two columns' titles and
        # read as theirs ("measured σ = 0.5", "bound σ = 0.9"; design review F)
        fig.legend([measured, bound], ["measured", r"bound $\sigma_{\max}^{\,k}$"],
                   loc="outside upper center", ncols=2, frameon=True)
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
    labels = ("tanh RNN", r"LSTM ($c_t$ held fixed)", "GRU")
    return GradientNormsData(labels, input_size, hidden_size, steps, seed, (), x, norms, bounds)


def gated_gradient_norms(theme: str = "light") -> Rendered:
    r"""$\lVert \partial h_T / \partial h_{T-k} \rVert_2$ against the steps back $k$ for RNN,
    LSTM and GRU(8, 32) as initialised (log scale).

    All three vanish at initialisation: the gates alone do not keep a gradient alive.
    Returns `(figure, GradientNormsData)`.
    """
    th = check_theme(theme)
    data = gated_gradient_norms_data()
    with new_figure(th, _WIDTH, _HEIGHT + 0.7) as fig:
        ax = fig.subplots()
        _norms_plot(ax, data, th)
        # above the axes: inside, the curves fill the corners a legend could take
        fig.legend(loc="outside upper center")
    return Rendered(fig, data)


# ---------------------------------------------------------------- non-normal growth


@dataclass(frozen=True)
class NonNormalData:
    """``W`` = gradflow.nonnormal_matrix(2, rho, a) = [[rho, a], [0, rho]] against rho I
    (normal, the same eigenvalues). ``nonnormal[k]`` = ||W^k||_2 (the linear RNN, and the
    tanh RNN at h = 0), ``normal[k]`` = rho^k, ``tanh[k]`` = ||dh_T/dh_{T-k}||_2 of the tanh
    RNN with this W reading inputs N(0, ``input_scale``^2) (gradflow.tanh_rnn_norm_curve,
    seed ``seed``); k = 0..steps."""

    W: np.ndarray
    steps: int
    spectral_radius: float
    sigma_max: float
    input_scale: float
    seed: int
    nonnormal: np.ndarray
    normal: np.ndarray
    tanh: np.ndarray


@lru_cache(maxsize=4)
def nonnormal_data(rho: float = 0.9, a: float = 2.0, steps: int = 60, input_scale: float = 0.1,
                   seed: int = 0) -> NonNormalData:
    """The powers of a 2 x 2 Jordan block, of its diagonal, and a tanh RNN with it."""
    W = gradflow.nonnormal_matrix(2, rho, a)
    nonnormal = gradflow.matrix_power_norms(W, steps)
    normal = gradflow.matrix_power_norms(np.diag(np.diag(W)), steps)
    tanh = gradflow.tanh_rnn_norm_curve(W, steps, input_scale=input_scale, seed=seed)
    _frozen(W, nonnormal, normal, tanh)
    return NonNormalData(W, steps, gradflow.spectral_radius(W),
                         gradflow.largest_singular_value(W), input_scale, seed, nonnormal,
                         normal, tanh)


def nonnormal_growth(theme: str = "light") -> Rendered:
    r"""$\lVert W^k \rVert_2$ for $W = \begin{pmatrix} 0.9 & 2 \\ 0 & 0.9 \end{pmatrix}$
    against $0.9^k$, and a tanh RNN with that $W$.

    Spectral radius $0.9 < 1$, yet the linear gradient first grows about eightfold; only
    later does $0.9^k$ win. In the tanh RNN with small inputs saturation tames the growth.
    Returns `(figure, NonNormalData)`.
    """
    th = check_theme(theme)
    data = nonnormal_data()
    k = np.arange(data.steps + 1)
    lam = data.W[0, 0]
    with new_figure(th, _WIDTH, _HEIGHT) as fig:
        ax = fig.subplots()
        ax.plot(k, data.nonnormal, color=th.series[0], label=r"$\|W^k\|_2$")
        ax.plot(k, data.tanh, color=th.series[1], ls="--", label="tanh RNN")
        ax.plot(k, data.normal, color=th.series[2], ls="-.", label=rf"${lam:g}^k$, normal")
        ax.axhline(1.0, color=th.muted, lw=0.8)
        ax.set_xlabel("steps $k$")
        ax.set_ylabel("gradient norm")
        ax.set_xlim(0, data.steps)
        ax.set_ylim(0, None)
        ax.legend(loc="upper right")
    return Rendered(fig, data)
