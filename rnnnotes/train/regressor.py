r"""A recurrent model with a linear readout of its last output, and its squared-error loss.

For a batch of $B$ sequences the model (an `rnnnotes.RNN`, `GRU` or `LSTM`, time-major)
produces $y_T$ at the last step (for a single-layer unidirectional model, $h_T$), and the
readout predicts one number per sequence:

$$\hat y_b = w^\top y_{T,b} + c, \qquad
L = \frac{1}{B} \sum_{b=1}^{B} (\hat y_b - y_b)^2 .$$

Backward, written out (micrograd style: each gradient below the value it belongs to):

$$\frac{\partial L}{\partial \hat y_b} = \frac{2}{B} (\hat y_b - y_b), \quad
\frac{\partial L}{\partial w} = \sum_b \frac{\partial L}{\partial \hat y_b} y_{T,b}, \quad
\frac{\partial L}{\partial c} = \sum_b \frac{\partial L}{\partial \hat y_b}, \quad
\frac{\partial L}{\partial y_{T,b}} = \frac{\partial L}{\partial \hat y_b} w,$$

and the last one enters the model's own `backward` as the gradient of its output at step
$T$ (zero at every other step), which backpropagates it through time into every weight.
"""

from __future__ import annotations

import numpy as np

from rnnnotes.nn.init import make_rng

READOUT = ("readout.weight", "readout.bias")


class SequenceRegressor:
    r"""An rnnnotes recurrent model plus $\hat y = w^\top y_T + c$, trained on squared error.

    The readout starts from $\mathcal{U}(-1/\sqrt{K}, 1/\sqrt{K})$ ($K$ output features of
    the model, PyTorch's `nn.Linear` rule) drawn with `seed`.

    :param model: an `rnnnotes.RNN`, `GRU` or `LSTM` with `batch_first=False`.
    :param seed: an int ≥ 0 or a `numpy.random.Generator` for the readout.
    """

    def __init__(self, model, seed: int | np.random.Generator = 0) -> None:
        for attr in ("state_dict", "load_state_dict", "backward", "__call__"):
            if not callable(getattr(model, attr, None)):
                raise TypeError(
                    f"model must be an rnnnotes.RNN, GRU or LSTM, got {type(model).__name__} "
                    f"without {attr}()"
                )
        if getattr(model, "batch_first", False):
            raise ValueError("model must be time-major (batch_first=False), got batch_first=True")
        self.model = model
        sd = model.state_dict()
        n_out = np.asarray(sd["weight_hh_l0"]).shape[1] * (2 if "weight_hh_l0_reverse" in sd else 1)
        bound = 1.0 / np.sqrt(n_out)
        rng = make_rng(seed)
        self.weight = rng.uniform(-bound, bound, size=n_out)  # (O,)
        self.bias = rng.uniform(-bound, bound, size=1)  # (1,)

    def parameters(self) -> dict[str, np.ndarray]:
        """Copies of every parameter: the model's state dict keys prefixed `model.`, then
        `readout.weight` `(O,)` and `readout.bias` `(1,)`."""
        out = {f"model.{k}": v for k, v in self.model.state_dict().items()}
        out["readout.weight"], out["readout.bias"] = self.weight.copy(), self.bias.copy()
        return out

    def load_parameters(self, params: dict[str, np.ndarray]) -> None:
        """Set every parameter from a dict with the keys and shapes of
        [`parameters`][rnnnotes.train.SequenceRegressor.parameters] (copied in)."""
        names = list(self.parameters())
        if list(params) != names:
            raise ValueError(f"params must have the keys {names}, got {list(params)}")
        self.model.load_state_dict({k[len("model.") :]: params[k] for k in names[:-2]})
        for key, attr in zip(READOUT, ("weight", "bias"), strict=True):
            value = np.asarray(params[key], dtype=np.float64)
            if value.shape != getattr(self, attr).shape:
                raise ValueError(
                    f"params[{key!r}] must have shape {getattr(self, attr).shape}, "
                    f"got {value.shape}"
                )
            setattr(self, attr, value.copy())

    def predict(self, x: np.ndarray) -> np.ndarray:
        """$\\hat y$ `(B,)` for a batch `x` `(T, B, D)`."""
        y, _ = self.model(x)  # (T, B, O)
        return y[-1] @ self.weight + self.bias[0]  # (B, O) @ (O,) -> (B,)

    def loss_and_grads(
        self, x: np.ndarray, y: np.ndarray
    ) -> tuple[float, dict[str, np.ndarray], np.ndarray]:
        """The loss $L$, its gradient for every parameter, and $\\partial L / \\partial y_T$.

        :param x: inputs `(T, B, D)`.
        :param y: targets `(B,)`.
        :returns: `(loss, grads, grad_y_T)`: `grads` keyed like
            [`parameters`][rnnnotes.train.SequenceRegressor.parameters], `grad_y_T` `(B, O)`
            the gradient reaching the last output, where backpropagation through time starts.
        """
        x = np.asarray(x, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        if x.ndim != 3 or y.shape != (x.shape[1],):
            raise ValueError(
                f"x must be (T, B, D) and y (B,) with the same B, got shapes {x.shape} "
                f"and {y.shape}"
            )
        out, _ = self.model(x)  # (T, B, O)
        y_T = out[-1]  # (B, O)
        pred = y_T @ self.weight + self.bias[0]  # (B, O) @ (O,) -> (B,)
        err = pred - y
        loss = float(np.mean(err**2))
        d_pred = 2.0 * err / err.size  # (B,) dL/dy_hat
        grad_y_T = d_pred[:, None] * self.weight[None, :]  # (B, O) dL/dy_T
        grad_out = np.zeros_like(out)  # (T, B, O): the loss reads step T only
        grad_out[-1] = grad_y_T
        self.model.backward(grad_out)
        grads = {f"model.{k}": v for k, v in self.model.grads.items()}
        grads["readout.weight"] = y_T.T @ d_pred  # (O, B) @ (B,) -> (O,)
        grads["readout.bias"] = np.array([d_pred.sum()])
        return loss, grads, grad_y_T
