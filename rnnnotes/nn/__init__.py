"""Recurrent layers in numpy, exact against torch.nn: forward, backward through time, state dicts.

[`RNN`][rnnnotes.nn.RNN], [`LSTM`][rnnnotes.nn.LSTM] and [`GRU`][rnnnotes.nn.GRU] take
torch's arguments and state dicts and return torch's numbers; `backward` returns the
gradients torch's autograd would. For example:

    >>> import numpy as np, rnnnotes
    >>> m = rnnnotes.LSTM(3, 5, num_layers=2, bidirectional=True, seed=0)
    >>> output, (h_n, c_n) = m(np.ones((4, 2, 3)))        # x: (T, B, input_size)
    >>> output.shape, h_n.shape                           # (T, B, D*H), (L*D, B, H)
    ((4, 2, 10), (4, 2, 5))
    >>> grad_x, grad_hx = m.backward(np.ones_like(output))
    >>> sorted(m.grads) == sorted(m.state_dict())
    True
"""

from rnnnotes.nn.models import GRU, LSTM, RNN

__all__ = ["GRU", "LSTM", "RNN"]
