r"""One direction of one Elman RNN layer over a whole sequence, and its backward pass.

The equations are PyTorch's (`torch.nn.RNN`), $a_t$ and $h_t$ of $H$ units:

$$
\begin{split}
a_t &= W_{ih} x_t + b_{ih} + W_{hh} h_{t-1} + b_{hh} \\
h_t &= \phi(a_t), \qquad \phi = \tanh \text{ or } \mathrm{relu}
\end{split}
$$

Backward through time, with $e_t$ the gradient reaching $h_t$ from the layer above (or
the loss), $\delta h_t$ the total one (from above and from step $t + 1$) and $\odot$ the
elementwise product:

$$
\begin{split}
\delta a_t &= \delta h_t \odot \phi'(a_t) \\
\tanh'(a_t) &= 1 - h_t^2 \\
\mathrm{relu}'(a_t) &= [h_t > 0] \\
\delta h_{t-1} &= e_{t-1} + W_{hh}^\top \delta a_t \\
\delta x_t &= W_{ih}^\top \delta a_t
\end{split}
$$

so the gradient from $h_T$ back to $h_t$ is the product of the Jacobians
$\operatorname{diag}(\phi'(a_k))\, W_{hh}$: the vanishing/exploding product. The weight
gradients are sums over time (and the batch) of outer products,

$$
\begin{split}
\delta W_{ih} &= \sum_t \delta a_t\, x_t^\top \\
\delta W_{hh} &= \sum_t \delta a_t\, h_{t-1}^\top \\
\delta b_{ih} &= \delta b_{hh} = \sum_t \delta a_t,
\end{split}
$$

taken after the loop as one matrix product each over all $T B$ rows.

Shapes: $T$ steps, $B$ sequences, $C$ input features of the layer, $H$ hidden units.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class RNNCache(NamedTuple):
    """What the backward pass needs, and nothing else."""

    x: np.ndarray   # (T, B, C) the layer input, for dW_ih
    hs: np.ndarray  # (T + 1, B, H) h_0 .. h_T: phi'(a_t) is a function of h_t
    nonlinearity: str
    params: dict[str, np.ndarray | None]


def rnn_forward(x: np.ndarray, state0: tuple[np.ndarray], params: dict[str, np.ndarray | None],
                nonlinearity: str = "tanh"
                ) -> tuple[np.ndarray, tuple[np.ndarray], RNNCache]:
    """Run the RNN over `x` (T, B, C) from `state0 = (h_0 (B, H),)`.

    `params` holds `w_ih` (H, C), `w_hh` (H, H), `b_ih`/`b_hh` (H,) or None.
    Returns `(hs (T, B, H), (h_T,), cache)`.
    """
    w_ih, w_hh = params["w_ih"], params["w_hh"]
    T, B, C = x.shape
    H = w_hh.shape[0]

    # The input projection of every step at once: one (T*B, C) @ (C, H) product.
    pre = (x.reshape(T * B, C) @ w_ih.T).reshape(T, B, H)
    if params["b_ih"] is not None:
        pre += params["b_ih"] + params["b_hh"]       # (H,) broadcast over (T, B)
    hs = np.empty((T + 1, B, H), dtype=x.dtype)
    hs[0] = state0[0]
    w_hh_t = w_hh.T                                  # (H, H) view for BLAS
    rec = np.empty((B, H), dtype=x.dtype)
    for t in range(T):
        np.matmul(hs[t], w_hh_t, out=rec)            # (B, H) @ (H, H)
        pre[t] += rec
        if nonlinearity == "tanh":
            np.tanh(pre[t], out=hs[t + 1])
        else:
            np.maximum(pre[t], 0.0, out=hs[t + 1])

    return hs[1:], (hs[T],), RNNCache(x, hs, nonlinearity, params)


def rnn_backward(dhs: np.ndarray, dstate_T: tuple[np.ndarray], cache: RNNCache
                 ) -> tuple[np.ndarray, tuple[np.ndarray], dict[str, np.ndarray]]:
    """Backpropagate `dhs` (T, B, H), the gradient w.r.t. every h_t from the layer above,
    and `dstate_T = (dh_T,)` through time.

    Returns `(dx (T, B, C), (dh_0,), grads)`; `grads` has the keys of `params` that
    are not None.
    """
    x, hs, nonlinearity, params = cache
    w_ih, w_hh = params["w_ih"], params["w_hh"]
    T, B, C = x.shape
    H = w_hh.shape[0]

    # phi'(a_t) for all steps at once, written into the buffer that becomes dL/da.
    if nonlinearity == "tanh":
        da = hs[1:] * hs[1:]                         # (T, B, H)
        np.subtract(1.0, da, out=da)
    else:
        da = (hs[1:] > 0).astype(x.dtype)            # relu' = 0 at a = 0, as in torch

    dh = np.array(dstate_T[0], dtype=x.dtype)        # (B, H) gradient reaching h_t
    for t in range(T - 1, -1, -1):
        dh += dhs[t]
        da[t] *= dh                                  # (B, H) dL/da_t
        np.matmul(da[t], w_hh, out=dh)               # (B, H) @ (H, H) -> dh_{t-1}

    da2 = da.reshape(T * B, H)
    grads = {
        "w_ih": da2.T @ x.reshape(T * B, C),         # (H, T*B) @ (T*B, C)
        "w_hh": da2.T @ hs[:T].reshape(T * B, H),    # (H, T*B) @ (T*B, H)
    }
    if params["b_ih"] is not None:
        grads["b_ih"] = da2.sum(axis=0)              # both biases enter a_t once
        grads["b_hh"] = grads["b_ih"].copy()
    dx = (da2 @ w_ih).reshape(T, B, C)               # (T*B, H) @ (H, C)
    return dx, (dh,), grads
