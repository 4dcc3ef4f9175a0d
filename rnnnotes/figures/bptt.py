"""Task 1.1 Q2: the per-step terms that backpropagation through time adds up for dL/dW_hh.

    dL/dW_hh = sum_{t=1..T} delta_t h_{t-1}^T,     delta_t = dL/da_t,
    a_t = W_ih x_t + W_hh h_{t-1} + b

The terms come from the package's own backward pass, as on the Q2 page: the network is
run as T one-step copies chained by hand (copy t is fed h_{t-1} of copy t - 1), the
gradient is sent back through the copies from the last to the first, and copy t's
``grads["weight_hh_l0"]`` is then exactly the step-t term delta_t h_{t-1}^T. The same
network unrolled in one piece gives the sum (``total``): the data keep both.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from rnnnotes.figures._style import Rendered, check_theme, new_figure
from rnnnotes.nn import RNN

__all__ = ["BPTTData", "bptt_contributions", "bptt_data"]


@dataclass(frozen=True)
class BPTTData:
    """The per-step terms of dL/dW_hh for one seeded RNN and one random loss gradient.

    ``x`` (T, 1, D) and ``grad_output`` (T, 1, H) = dL/d(output) are drawn, in that order,
    from ``numpy.random.default_rng(data_seed)``; the model is ``RNN(D, H, seed=model_seed)``.
    ``terms[t - 1]`` = delta_t h_{t-1}^T (H, H); ``norms`` their Frobenius norms (T,);
    ``total`` the gradient of the unrolled network, which equals ``terms.sum(0)``.
    """

    input_size: int
    hidden_size: int
    steps: int
    data_seed: int
    model_seed: int
    terms: np.ndarray
    norms: np.ndarray
    total: np.ndarray


@lru_cache(maxsize=4)
def bptt_data(
    input_size: int = 20, hidden_size: int = 128, steps: int = 5, data_seed: int = 0,
    model_seed: int = 1,
) -> BPTTData:
    """The step-by-step terms of dL/dW_hh, from one-step copies of ``RNN(D, H)``."""
    rng = np.random.default_rng(data_seed)
    x = rng.standard_normal((steps, 1, input_size))  # (T, B=1, D)
    net = RNN(input_size, hidden_size, seed=model_seed)
    out, _ = net(x)  # (T, 1, H)
    g = rng.standard_normal(out.shape)  # (T, 1, H): dL/d(output) of some loss L
    net.backward(g)
    copies = [RNN(input_size, hidden_size, seed=model_seed) for _ in range(steps)]
    h = None
    for t in range(steps):  # forward, each copy fed the previous copy's state
        _, h = copies[t](x[t : t + 1], h)
    grad_h = None
    for t in reversed(range(steps)):  # backward from the last step to the first
        _, grad_h = copies[t].backward(g[t : t + 1], grad_h)
    terms = np.stack([c.grads["weight_hh_l0"] for c in copies])  # (T, H, H)
    norms = np.sqrt(np.sum(terms**2, axis=(1, 2)))  # (T,) Frobenius
    total = net.grads["weight_hh_l0"].copy()  # (H, H)
    for a in (terms, norms, total):
        a.flags.writeable = False
    return BPTTData(input_size, hidden_size, steps, data_seed, model_seed, terms, norms, total)


def bptt_contributions(theme: str = "light") -> Rendered:
    r"""Bar chart of $\lVert \delta_t h_{t-1}^\top \rVert_F$ against $t$ for RNN(20, 128) over
    5 steps.

    The bar at $t = 1$ is exactly 0: $h_0 = 0$. Returns `(figure, BPTTData)`.
    """
    th = check_theme(theme)
    data = bptt_data()
    steps = np.arange(1, data.steps + 1)
    with new_figure(th) as fig:
        ax = fig.subplots()
        ax.bar(steps, data.norms, width=0.6, color=th.series[0])
        ax.set_xticks(steps)
        ax.set_xlabel("time step $t$")
        ax.set_ylabel(r"$\|\delta_t\, h_{t-1}^{\top}\|_F$")
        ax.annotate("0, since\n" r"$h_0 = 0$", xy=(1, 0), xytext=(1, 0.15 * data.norms.max()),
                    ha="center", va="bottom", color=th.foreground,
                    arrowprops={"arrowstyle": "->", "color": th.foreground, "lw": 1.2})
        ax.set_xlim(0.4, data.steps + 0.6)
        ax.yaxis.grid(True)
        ax.set_axisbelow(True)
    return Rendered(fig, data)
