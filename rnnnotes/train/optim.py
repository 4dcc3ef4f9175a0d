r"""Two optimisers, with the update rules of `torch.optim.SGD` and `torch.optim.Adam`.

Both update a dict of parameter arrays *in place* from a dict of gradients with the same
keys (the containers of [`SequenceRegressor`][rnnnotes.train.SequenceRegressor]).

SGD with momentum $\mu$ (PyTorch's form, dampening 0, no Nesterov), learning rate $\eta$:

$$b_1 = g_1, \quad b_t = \mu b_{t-1} + g_t, \qquad \theta_t = \theta_{t-1} - \eta b_t .$$

Adam (Kingma & Ba 2015, Algorithm 1), step $t = 1, 2, \dots$:

$$m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t, \quad v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2,$$
$$\theta_t = \theta_{t-1} - \eta \, \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon}, \quad
\hat m_t = \frac{m_t}{1 - \beta_1^t}, \quad \hat v_t = \frac{v_t}{1 - \beta_2^t} .$$
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping

import numpy as np


def _positive(value: object, name: str, upper: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {value!r}")
    if not np.isfinite(value) or value <= 0 or (upper is not None and value >= upper):
        what = f"in (0, {upper:g})" if upper is not None else "> 0"
        raise ValueError(f"{name} must be a finite number {what}, got {value!r}")
    return float(value)


def _check_pair(params: Mapping[str, np.ndarray], grads: Mapping[str, np.ndarray]) -> None:
    if not isinstance(params, Mapping) or not isinstance(grads, Mapping):
        raise TypeError(
            f"params and grads must be mappings of names to arrays, got "
            f"{type(params).__name__} and {type(grads).__name__}"
        )
    if list(params) != list(grads):
        raise ValueError(f"grads must have the keys of params {list(params)}, got {list(grads)}")
    for k in params:
        if np.shape(grads[k]) != np.shape(params[k]):
            raise ValueError(
                f"grads[{k!r}] must have the shape of params[{k!r}] {np.shape(params[k])}, "
                f"got {np.shape(grads[k])}"
            )


class SGD:
    r"""Stochastic gradient descent, optionally with momentum (PyTorch's rule).

    :param lr: the learning rate $\eta > 0$.
    :param momentum: $\mu \in [0, 1)$; 0 is plain SGD, $\theta \leftarrow \theta - \eta g$.
    """

    def __init__(self, lr: float, momentum: float = 0.0) -> None:
        self.lr = _positive(lr, "lr")
        if momentum != 0:
            _positive(momentum, "momentum", upper=1.0)
        self.momentum = float(momentum)
        self._buf: dict[str, np.ndarray] = {}

    def step(self, params: dict[str, np.ndarray], grads: Mapping[str, np.ndarray]) -> None:
        """Update every array of `params` in place from `grads` (same keys and shapes)."""
        _check_pair(params, grads)
        for k, p in params.items():
            g = np.asarray(grads[k])
            if self.momentum:
                buf = self._buf.get(k)
                self._buf[k] = g.copy() if buf is None else self.momentum * buf + g
                g = self._buf[k]
            p -= self.lr * g


class Adam:
    r"""Adam (Kingma & Ba 2015) with bias correction, as `torch.optim.Adam` (no weight decay).

    :param lr: the learning rate $\eta > 0$.
    :param betas: $(\beta_1, \beta_2)$, each in $(0, 1)$.
    :param eps: $\epsilon > 0$, added to $\sqrt{\hat v_t}$.
    """

    def __init__(
        self, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8
    ) -> None:
        self.lr = _positive(lr, "lr")
        if not isinstance(betas, tuple | list) or len(betas) != 2:
            raise TypeError(f"betas must be a pair (beta1, beta2), got {betas!r}")
        self.beta1 = _positive(betas[0], "betas[0]", upper=1.0)
        self.beta2 = _positive(betas[1], "betas[1]", upper=1.0)
        self.eps = _positive(eps, "eps")
        self.t = 0
        self._m: dict[str, np.ndarray] = {}
        self._v: dict[str, np.ndarray] = {}

    def step(self, params: dict[str, np.ndarray], grads: Mapping[str, np.ndarray]) -> None:
        """Update every array of `params` in place from `grads` (same keys and shapes)."""
        _check_pair(params, grads)
        self.t += 1
        c1, c2 = 1.0 - self.beta1**self.t, 1.0 - self.beta2**self.t  # bias corrections
        for k, p in params.items():
            g = np.asarray(grads[k])
            m = self._m.get(k, np.zeros_like(p))
            v = self._v.get(k, np.zeros_like(p))
            self._m[k] = m = self.beta1 * m + (1.0 - self.beta1) * g
            self._v[k] = v = self.beta2 * v + (1.0 - self.beta2) * g * g
            p -= self.lr * (m / c1) / (np.sqrt(v / c2) + self.eps)
