r"""`RNN`, `LSTM` and `GRU`: torch.nn's three recurrent layers in numpy.

Shapes, with $T$ steps, $B$ sequences, $L$ = `num_layers`, $D = 2$ if `bidirectional` else
1, $H$ = `hidden_size` and $P$ = `proj_size` or $H$ (the width of $h_t$):

| array | shape |
|---|---|
| `x` | `(T, B, input_size)`; `(B, T, input_size)` if `batch_first`; unbatched `(T, input_size)` |
| `hx` | `None` (zeros) or $h_0$ `(L*D, B, P)`; LSTM: $(h_0, c_0)$ with $c_0$ `(L*D, B, H)` |
| `output` | `(T, B, D*P)`; `(B, T, D*P)` if `batch_first`; unbatched `(T, D*P)` |
| `h_n`, `c_n` | shaped like $h_0$, $c_0$ |

Unbatched input takes unbatched states: $h_0$ `(L*D, P)`, $c_0$ `(L*D, H)`. Row
`layer * D + direction` of $h_0$ and $h_n$ belongs to that layer and direction, as in torch.

**Dtype.** A model computes in its `dtype`, float64 (the default) or float32, throughout, as
torch does. Inputs (`x`, `hx`, gradients, state dicts) of any real dtype, integers
included, are *cast* to it, not rejected: a float64 array given to a float32 model is
rounded to float32 first, as `torch.tensor(x, dtype=torch.float32)` would. Complex,
boolean and non-numeric inputs are a `TypeError`; so is a `dtype` other than float32 or
float64 (integer dtypes, `None`, torch's own dtypes such as `torch.float32`).

**Not supported, on purpose.** `dropout` must be 0 (torch's default): torch's dropout
between layers is random and acts in training mode only, while this teaching package keeps
forward and backward deterministic, so that they check exactly against torch. `device` must
be `None` or `"cpu"`: the computation is numpy's, on the CPU.

Arguments after `num_layers` are keyword-only: torch's positional order differs between
its three classes (`RNN` has `nonlinearity` third, all have `dropout` before
`bidirectional`), so a positional call that works here means the same in torch.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy as np

from rnnnotes.nn import _validate as v
from rnnnotes.nn.gru_cell import gru_backward, gru_forward
from rnnnotes.nn.lstm_cell import lstm_backward, lstm_forward
from rnnnotes.nn.recurrent import Recurrent
from rnnnotes.nn.rnn_cell import rnn_backward, rnn_forward


class RNN(Recurrent):
    r"""Elman RNN: $h_t = \phi(W_{ih} x_t + b_{ih} + W_{hh} h_{t-1} + b_{hh})$, tanh or relu.

    - `output, h_n = m(x, hx=None)`: $h_0$ and $h_n$ `(L*D, B, H)`, output `(T, B, D*H)`;
      all shapes in [the module docstring][rnnnotes.nn.models].
    - `grad_x, grad_h0 = m.backward(grad_output, grad_hn=None)`: gradients of the last
      forward pass (`None` for zeros); `grad_h0` is `None` if the forward had no `hx`.
    - [`m.grads`][rnnnotes.nn.recurrent.Recurrent.grads],
      [`m.state_dict()`][rnnnotes.nn.recurrent.Recurrent.state_dict],
      [`m.load_state_dict(sd)`][rnnnotes.nn.recurrent.Recurrent.load_state_dict]: torch's
      names and shapes. They, `forward` and `backward` are the members of
      [`Recurrent`][rnnnotes.nn.recurrent.Recurrent], shared by the three layers.
    - The equations and their backward pass: [`rnn_cell`][rnnnotes.nn.rnn_cell].

    :param input_size: features per step of `x`.
    :param hidden_size: $H$, the units of each layer.
    :param num_layers: $L$, stacked layers; layer $l > 0$ reads layer $l - 1$'s output.
    :param nonlinearity: $\phi$, `"tanh"` or `"relu"`.
    :param bias: whether each layer has `bias_ih` and `bias_hh`.
    :param batch_first: `x` and `output` have the batch first, `(B, T, ...)`; the states
        do not change, as in torch.
    :param dropout: must be 0 (torch's default); see [why][rnnnotes.nn.models].
    :param bidirectional: run a second direction over the reversed sequence; $D = 2$.
    :param device: must be `None` or `"cpu"`: numpy on the CPU.
    :param dtype: `np.float64` (default) or `np.float32`, or a spelling numpy reads as one
        of them (`"float32"`, `"f4"`, `float`, ...).
    :param seed: an int, or a numpy `Generator`, for the initial weights, drawn from
        $\mathcal{U}(-1/\sqrt{H}, 1/\sqrt{H})$ as in torch (the values differ: another
        generator).
    :raises TypeError: an argument of the wrong type, or an unsupported `dtype`.
    :raises ValueError: a size out of range, a `dropout` other than 0, a `device` other than
        the CPU.
    """

    _gates = 1

    def __init__(self, input_size: int, hidden_size: int, num_layers: int = 1, *,
                 nonlinearity: str = "tanh", bias: bool = True, batch_first: bool = False,
                 dropout: float = 0.0, bidirectional: bool = False, device: Any = None,
                 dtype: Any = np.float64, seed: int | np.random.Generator = 0) -> None:
        self.nonlinearity = v.check_nonlinearity(nonlinearity)
        super().__init__(input_size, hidden_size, num_layers, bias=bias,
                         batch_first=batch_first, dropout=dropout, bidirectional=bidirectional,
                         device=device, dtype=dtype, seed=seed)
        self._cell_forward = partial(rnn_forward, nonlinearity=self.nonlinearity)
        self._cell_backward = rnn_backward


class LSTM(Recurrent):
    r"""LSTM with torch's gate order i, f, g, o and optional projection (`proj_size`).

    - `output, (h_n, c_n) = m(x, hx=None)`: `hx` is `None` or $(h_0, c_0)$, both parts
      given; $h_0$ `(L*D, B, P)`, $c_0$ `(L*D, B, H)`, output `(T, B, D*P)`, with $P$ =
      `proj_size` or $H$; all shapes in [the module docstring][rnnnotes.nn.models].
    - `grad_x, (grad_h0, grad_c0) = m.backward(grad_output, grad_hn=None)`, with `grad_hn`
      `None` or `(grad_h_n, grad_c_n)`, either part `None` for zeros; the second result is
      `None` if the forward had no `hx`.
    - [`m.grads`][rnnnotes.nn.recurrent.Recurrent.grads],
      [`m.state_dict()`][rnnnotes.nn.recurrent.Recurrent.state_dict],
      [`m.load_state_dict(sd)`][rnnnotes.nn.recurrent.Recurrent.load_state_dict]: torch's
      names and shapes. They, `forward` and `backward` are the members of
      [`Recurrent`][rnnnotes.nn.recurrent.Recurrent], shared by the three layers.
    - The equations and their backward pass: [`lstm_cell`][rnnnotes.nn.lstm_cell].

    :param input_size: features per step of `x`.
    :param hidden_size: $H$, the units of each layer.
    :param num_layers: $L$, stacked layers; layer $l > 0$ reads layer $l - 1$'s output.
    :param bias: whether each layer has `bias_ih` and `bias_hh`.
    :param batch_first: `x` and `output` have the batch first, `(B, T, ...)`; the states
        do not change, as in torch.
    :param dropout: must be 0 (torch's default); see [why][rnnnotes.nn.models].
    :param bidirectional: run a second direction over the reversed sequence; $D = 2$.
    :param proj_size: $P$; if $P > 0$, $h_t = W_{hr} (o_t \odot \tanh c_t)$ has $P < H$
        units (LSTMP); 0 for no projection.
    :param device: must be `None` or `"cpu"`: numpy on the CPU.
    :param dtype: `np.float64` (default) or `np.float32`, or a spelling numpy reads as one
        of them (`"float32"`, `"f4"`, `float`, ...).
    :param seed: an int, or a numpy `Generator`, for the initial weights, drawn from
        $\mathcal{U}(-1/\sqrt{H}, 1/\sqrt{H})$ as in torch (the values differ: another
        generator).
    :raises TypeError: an argument of the wrong type, or an unsupported `dtype`.
    :raises ValueError: a size out of range, a `dropout` other than 0, a `device` other than
        the CPU.
    """

    _gates = 4
    _state_names = ("h", "c")

    def __init__(self, input_size: int, hidden_size: int, num_layers: int = 1, *,
                 bias: bool = True, batch_first: bool = False, dropout: float = 0.0,
                 bidirectional: bool = False, proj_size: int = 0, device: Any = None,
                 dtype: Any = np.float64, seed: int | np.random.Generator = 0) -> None:
        super().__init__(input_size, hidden_size, num_layers, bias=bias,
                         batch_first=batch_first, dropout=dropout, bidirectional=bidirectional,
                         proj_size=proj_size, device=device, dtype=dtype, seed=seed)
        self._cell_forward = lstm_forward
        self._cell_backward = lstm_backward

    def _state_sizes(self) -> tuple[int, ...]:
        return (self.proj_size or self.hidden_size, self.hidden_size)


class GRU(Recurrent):
    r"""GRU with torch's gate order r, z, n and the reset gate applied after the hidden matmul.

    - `output, h_n = m(x, hx=None)` and
      `grad_x, grad_h0 = m.backward(grad_output, grad_hn=None)`, shapes as for
      [`RNN`][rnnnotes.nn.RNN].
    - [`m.grads`][rnnnotes.nn.recurrent.Recurrent.grads],
      [`m.state_dict()`][rnnnotes.nn.recurrent.Recurrent.state_dict],
      [`m.load_state_dict(sd)`][rnnnotes.nn.recurrent.Recurrent.load_state_dict]: torch's
      names and shapes. They, `forward` and `backward` are the members of
      [`Recurrent`][rnnnotes.nn.recurrent.Recurrent], shared by the three layers.
    - The equations and their backward pass: [`gru_cell`][rnnnotes.nn.gru_cell].

    :param input_size: features per step of `x`.
    :param hidden_size: $H$, the units of each layer.
    :param num_layers: $L$, stacked layers; layer $l > 0$ reads layer $l - 1$'s output.
    :param bias: whether each layer has `bias_ih` and `bias_hh`.
    :param batch_first: `x` and `output` have the batch first, `(B, T, ...)`; the states
        do not change, as in torch.
    :param dropout: must be 0 (torch's default); see [why][rnnnotes.nn.models].
    :param bidirectional: run a second direction over the reversed sequence; $D = 2$.
    :param device: must be `None` or `"cpu"`: numpy on the CPU.
    :param dtype: `np.float64` (default) or `np.float32`, or a spelling numpy reads as one
        of them (`"float32"`, `"f4"`, `float`, ...).
    :param seed: an int, or a numpy `Generator`, for the initial weights, drawn from
        $\mathcal{U}(-1/\sqrt{H}, 1/\sqrt{H})$ as in torch (the values differ: another
        generator).
    :raises TypeError: an argument of the wrong type, or an unsupported `dtype`.
    :raises ValueError: a size out of range, a `dropout` other than 0, a `device` other than
        the CPU.
    """

    _gates = 3

    def __init__(self, input_size: int, hidden_size: int, num_layers: int = 1, *,
                 bias: bool = True, batch_first: bool = False, dropout: float = 0.0,
                 bidirectional: bool = False, device: Any = None, dtype: Any = np.float64,
                 seed: int | np.random.Generator = 0) -> None:
        super().__init__(input_size, hidden_size, num_layers, bias=bias,
                         batch_first=batch_first, dropout=dropout, bidirectional=bidirectional,
                         device=device, dtype=dtype, seed=seed)
        self._cell_forward = gru_forward
        self._cell_backward = gru_backward
