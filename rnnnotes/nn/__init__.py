"""Recurrent layers in numpy, exact against torch.nn: forward, backward through time, state dicts.

[`RNN`][rnnnotes.nn.RNN], [`LSTM`][rnnnotes.nn.LSTM] and [`GRU`][rnnnotes.nn.GRU] take
torch's arguments and state dicts and return torch's numbers; `backward` returns the
gradients torch's autograd would. For example:

```pycon
>>> import numpy as np, rnnnotes
>>> m = rnnnotes.LSTM(
...     3, 5, num_layers=2,
...     bidirectional=True, seed=0,
... )
>>> # x: (T, B, input_size)
>>> x = np.ones((4, 2, 3))
>>> output, (h_n, c_n) = m(x)
>>> # (T, B, D*H) and (L*D, B, H)
>>> output.shape, h_n.shape
((4, 2, 10), (4, 2, 5))
>>> # dL/d(output), for L = output.sum()
>>> g = np.ones_like(output)
>>> grad_x, grad_hx = m.backward(g)
>>> # a gradient for every stored array
>>> names = sorted(m.state_dict())
>>> sorted(m.grads) == names
True

```
"""

from rnnnotes.nn.models import GRU, LSTM, RNN

__all__ = ["GRU", "LSTM", "RNN"]
