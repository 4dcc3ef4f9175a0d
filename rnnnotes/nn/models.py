"""``RNN``, ``LSTM`` and ``GRU``: torch.nn's three recurrent layers in numpy.

Shapes, with L = num_layers, D = 2 if bidirectional else 1, P = proj_size or hidden_size::

    x         (T, B, input_size), (B, T, input_size) if batch_first, or unbatched (T, input_size)
    hx        h_0 (L*D, B, P), for the LSTM (h_0, c_0) with c_0 (L*D, B, hidden_size);
              unbatched input takes unbatched states (L*D, P); None means zeros
    output    (T, B, D*P) (batch_first: (B, T, D*P); unbatched: (T, D*P))
    h_n, c_n  shaped like h_0, c_0

Dtype: a model computes in its ``dtype`` (float64 or float32) throughout, as torch does.
Inputs (``x``, ``hx``, gradients, state dicts) of any real dtype are *cast* to it, not
rejected: a float64 array given to a float32 model is rounded to float32 first, as
``torch.tensor(x, dtype=torch.float32)`` would; complex, boolean and non-numeric inputs are
a ``TypeError``.

Arguments after ``num_layers`` are keyword-only: torch's positional order differs between
its three classes (``RNN`` has ``nonlinearity`` third, all have ``dropout`` before
``bidirectional``), so a positional call that works here means the same in torch.
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
    """Elman RNN, ``h_t = phi(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)``, phi = tanh or relu.

    ``RNN(input_size, hidden_size, num_layers=1, *, nonlinearity="tanh", bias=True,
    batch_first=False, bidirectional=False, dtype=np.float64, seed=0)``; weights start
    from U(-1/sqrt(H), 1/sqrt(H)) drawn with ``seed`` (an int or a numpy Generator).

    - ``output, h_n = m(x, hx=None)``: x (T, B, input_size), (B, T, input_size) if
      batch_first, or unbatched (T, input_size); h_0 and h_n (L*D, B, H) (unbatched:
      (L*D, H)); output (T, B, D*H), with L = num_layers and D = 2 if bidirectional.
    - ``grad_x, grad_h0 = m.backward(grad_output, grad_hn=None)``: gradients of the last
      forward pass (None for zeros); ``grad_h0`` is None if the forward had no hx.
    - ``m.grads``, ``m.state_dict()``, ``m.load_state_dict(sd)``: torch's names and shapes.
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
    """LSTM with torch's gate order i, f, g, o and optional projection (``proj_size``).

    ``LSTM(input_size, hidden_size, num_layers=1, *, bias=True, batch_first=False,
    bidirectional=False, proj_size=0, dtype=np.float64, seed=0)``; weights start from
    U(-1/sqrt(H), 1/sqrt(H)) drawn with ``seed`` (an int or a numpy Generator).

    - ``output, (h_n, c_n) = m(x, hx=None)``: x as for :class:`RNN`; hx None or
      ``(h_0, c_0)`` with h_0 (L*D, B, P), c_0 (L*D, B, H), P = proj_size or H
      (unbatched: drop the B axis); output (T, B, D*P).
    - ``grad_x, (grad_h0, grad_c0) = m.backward(grad_output, grad_hn=None)``, with
      ``grad_hn`` None or ``(grad_h_n, grad_c_n)``, either part None for zeros; the second
      result is None if the forward had no hx.
    - ``m.grads``, ``m.state_dict()``, ``m.load_state_dict(sd)``: torch's names and shapes.
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
    """GRU with torch's gate order r, z, n and the reset gate applied after the hidden matmul.

    ``GRU(input_size, hidden_size, num_layers=1, *, bias=True, batch_first=False,
    bidirectional=False, dtype=np.float64, seed=0)``; weights start from
    U(-1/sqrt(H), 1/sqrt(H)) drawn with ``seed`` (an int or a numpy Generator).

    - ``output, h_n = m(x, hx=None)`` and ``grad_x, grad_h0 = m.backward(grad_output,
      grad_hn=None)``, shapes as for :class:`RNN`.
    - ``m.grads``, ``m.state_dict()``, ``m.load_state_dict(sd)``: torch's names and shapes.
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
