"""In-place elementwise helpers shared by the cells."""

from __future__ import annotations

import numpy as np


def sigmoid_(a: np.ndarray) -> None:
    """In place: a <- 1 / (1 + exp(-a)), torch's formula, accurate where sigmoid(a) is tiny.

    (The tanh form 0.5 + 0.5 tanh(a / 2) loses every digit of a saturated gate such as
    sigmoid(-30) = 9.4e-14 to cancellation.) Callers wrap it in
    `np.errstate(over="ignore")`: exp(-a) overflows to inf for a < -709, and then
    1 / (1 + inf) = 0, the right limit.
    """
    # a * -1 rather than np.negative: numpy 2.4.6's float32 negative writes wrong values
    # into a strided 1-D output (a gate block of width H = 1 is such a column)
    np.multiply(a, -1.0, out=a)
    np.exp(a, out=a)
    a += 1.0
    np.reciprocal(a, out=a)


def with_ones(x: np.ndarray, ones: bool) -> np.ndarray:
    """(T, B, C) -> (T*B, C + 1), a last column of ones appended if `ones`, else (T*B, C).

    With it, [x | 1] @ [W | b]^T = x W^T + b: a bias rides along in the input projection
    (no extra pass over the (T, B, G*H) pre-activations), and in the backward pass
    da^T @ [x | 1] = [dW | db] yields its gradient from the same product as dW's.
    """
    T, B, C = x.shape
    if not ones:
        return x.reshape(T * B, C)
    xa = np.empty((T * B, C + 1), dtype=x.dtype)
    xa.reshape(T, B, C + 1)[:, :, :C] = x  # a view of xa: x may be a strided view itself
    xa[:, C] = 1.0
    return xa
