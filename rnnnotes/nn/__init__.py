"""Recurrent layers in numpy, exact against torch.nn: forward, backward through time, state dicts.

>>> import numpy as np, rnnnotes
>>> m = rnnnotes.LSTM(3, 5, num_layers=2, bidirectional=True, seed=0)
>>> output, (h_n, c_n) = m(np.ones((4, 2, 3)))        # (T, B, input_size)
>>> grad_x, grad_hx = m.backward(np.ones_like(output))
>>> sorted(m.grads) == sorted(m.state_dict())
True
"""

from rnnnotes.nn.models import GRU, LSTM, RNN

__all__ = ["GRU", "LSTM", "RNN"]
