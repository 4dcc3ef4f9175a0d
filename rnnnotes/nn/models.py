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
    - The equations and their backward pass: [`rnn_cell`][rnnnotes.nn.rnn_cell].
    - Its other arguments and its members, shared by the three layers:
      [`Recurrent`][rnnnotes.nn.recurrent.Recurrent].

    :param nonlinearity: $\phi$, `"tanh"` or `"relu"`.
    :raises ValueError: a `nonlinearity` other than these two.
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
    - The equations and their backward pass: [`lstm_cell`][rnnnotes.nn.lstm_cell].
    - Its other arguments and its members, shared by the three layers:
      [`Recurrent`][rnnnotes.nn.recurrent.Recurrent].

    :param proj_size: $P$; if $P > 0$, $h_t = W_{hr} (o_t \odot \tanh c_t)$ has $P < H$
        units (LSTMP); 0 for no projection.
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
    - The equations and their backward pass: [`gru_cell`][rnnnotes.nn.gru_cell].
    - Its other arguments and its members, shared by the three layers:
      [`Recurrent`][rnnnotes.nn.recurrent.Recurrent].
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
