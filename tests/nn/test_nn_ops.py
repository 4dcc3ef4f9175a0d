"""The in-place sigmoid on the views the cells hand it (gate blocks, strided columns)."""

from __future__ import annotations

import numpy as np
import pytest

from rnnnotes.nn._ops import sigmoid_


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("block", [np.s_[:, :2], np.s_[:, 3:], np.s_[:, :1], np.s_[:, 1:3]])
def test_sigmoid_on_gate_blocks(dtype: type, block: tuple) -> None:
    """Against the float64 formula evaluated on a fresh contiguous copy; the columns
    outside the block must stay untouched. (A width-1 block is a strided column: numpy
    2.4.6's float32 ``negative`` mishandles those, which this test caught.)"""
    gates = np.random.default_rng(0).uniform(-8, 8, size=(5, 4)).astype(dtype)
    expected = gates.copy()
    expected[block] = 1.0 / (1.0 + np.exp(-gates[block].astype(np.float64)))
    sigmoid_(gates[block])
    rtol = 1e-6 if dtype == np.float32 else 1e-15
    np.testing.assert_allclose(gates, expected, rtol=rtol)


def test_sigmoid_saturates_without_cancellation() -> None:
    a = np.array([-1000.0, -30.0, 0.0, 30.0, 1000.0])
    with np.errstate(over="ignore"):
        sigmoid_(a)
    # sigmoid(-30) = 9.357622968840175e-14 keeps its digits (1 / (1 + e^30))
    expected = [0.0, 1 / (1 + np.exp(30.0)), 0.5, 1 / (1 + np.exp(-30.0)), 1.0]
    np.testing.assert_allclose(a, expected, rtol=1e-15)
