"""Layout options give the same numbers as the plain layout, computed another way."""

from __future__ import annotations

import numpy as np
import pytest

import rnnnotes

RNG = np.random.default_rng(0)


def make(cls: type, **kwargs: object) -> rnnnotes.nn.models.Recurrent:
    return cls(3, 4, seed=2, **kwargs)


@pytest.mark.parametrize("cls", [rnnnotes.RNN, rnnnotes.LSTM, rnnnotes.GRU])
def test_batch_first_is_a_transpose(cls: type) -> None:
    x, g = RNG.standard_normal((5, 2, 3)), RNG.standard_normal((5, 2, 4))
    plain, first = make(cls), make(cls, batch_first=True)
    out, _ = plain(x)
    out_bf, _ = first(x.transpose(1, 0, 2))
    np.testing.assert_array_equal(out_bf, out.transpose(1, 0, 2))
    gx, _ = plain.backward(g)
    gx_bf, _ = first.backward(g.transpose(1, 0, 2))
    np.testing.assert_array_equal(gx_bf, gx.transpose(1, 0, 2))
    for key, value in plain.grads.items():
        np.testing.assert_allclose(first.grads[key], value, rtol=1e-14, atol=1e-15)


@pytest.mark.parametrize("cls", [rnnnotes.RNN, rnnnotes.LSTM, rnnnotes.GRU])
def test_unbatched_is_a_batch_of_one(cls: type) -> None:
    model = make(cls, num_layers=2)
    lstm = cls is rnnnotes.LSTM
    x, g = RNG.standard_normal((5, 3)), RNG.standard_normal((5, 4))
    h0 = RNG.standard_normal((2, 4))
    hx = (h0, h0 + 1) if lstm else h0
    out, finals = model(x, hx)
    gx, ghx = model.backward(g)
    grads = {k: v.copy() for k, v in model.grads.items()}
    batched_hx = (h0[:, None], h0[:, None] + 1) if lstm else h0[:, None]
    out_b, finals_b = model(x[:, None], batched_hx)
    gx_b, ghx_b = model.backward(g[:, None])
    np.testing.assert_array_equal(out, out_b[:, 0])
    np.testing.assert_array_equal(gx, gx_b[:, 0])
    pairs = zip(finals + ghx, finals_b + ghx_b, strict=True) if lstm else \
        [(finals, finals_b), (ghx, ghx_b)]
    for unbatched, batched in pairs:
        np.testing.assert_array_equal(unbatched, batched[:, 0])
    for key, value in model.grads.items():
        np.testing.assert_array_equal(grads[key], value)


@pytest.mark.parametrize("cls", [rnnnotes.RNN, rnnnotes.LSTM, rnnnotes.GRU])
def test_hx_none_is_zeros_and_grad_hx_mirrors_hx(cls: type) -> None:
    model, lstm = make(cls, bidirectional=True), cls is rnnnotes.LSTM
    x = RNG.standard_normal((4, 2, 3))
    out, _ = model(x)
    assert model.backward(np.ones_like(out))[1] is None
    zeros = np.zeros((2, 2, 4))
    out_zero, _ = model(x, (zeros, zeros) if lstm else zeros)
    np.testing.assert_array_equal(out, out_zero)
    grad_hx = model.backward(np.ones_like(out))[1]
    assert isinstance(grad_hx, tuple) == lstm
    for part in grad_hx if lstm else (grad_hx,):
        assert part.shape == (2, 2, 4)


@pytest.mark.parametrize("cls", [rnnnotes.RNN, rnnnotes.LSTM, rnnnotes.GRU])
def test_reverse_direction_is_a_forward_model_on_the_reversed_sequence(cls: type) -> None:
    """The second half of a bidirectional output, and its gradients, come from the
    ``_reverse`` weights run over x[::-1]: rebuild that as a unidirectional model."""
    bi, uni = make(cls, bidirectional=True), make(cls)
    sd = bi.state_dict()
    uni.load_state_dict({k.replace("_reverse", ""): v for k, v in sd.items()
                         if k.endswith("_reverse")})
    x, g = RNG.standard_normal((6, 2, 3)), RNG.standard_normal((6, 2, 8))
    out, _ = bi(x)
    out_rev, _ = uni(x[::-1])
    np.testing.assert_allclose(out[:, :, 4:], out_rev[::-1], rtol=1e-13)
    bi.backward(np.concatenate([np.zeros((6, 2, 4)), g[:, :, 4:]], axis=2))
    uni.backward(g[::-1, :, 4:])
    for key, value in uni.grads.items():
        np.testing.assert_allclose(bi.grads[key + "_reverse"], value, rtol=1e-12, atol=1e-15)
        assert not np.any(bi.grads[key])  # no gradient reached the forward direction


def test_float32_computes_in_float32() -> None:
    model = rnnnotes.LSTM(3, 4, proj_size=2, dtype=np.float32)
    out, (h, c) = model(RNG.standard_normal((5, 2, 3)))   # float64 input: rounded
    gx, _ = model.backward(np.ones((5, 2, 2)), (np.ones((1, 2, 2)), None))
    assert {a.dtype for a in (out, h, c, gx, *model.grads.values())} == {np.dtype(np.float32)}


def test_integer_input_is_cast() -> None:
    model = rnnnotes.GRU(3, 4)
    x = np.arange(12).reshape(4, 3) % 3
    np.testing.assert_array_equal(model(x)[0], model(x.astype(float))[0])


def test_outputs_do_not_alias_the_cache() -> None:
    """Editing the returned output or the input in place must not change backward."""
    model = rnnnotes.LSTM(3, 4)
    x, g = RNG.standard_normal((5, 2, 3)), RNG.standard_normal((5, 2, 4))
    out, (h, c) = model(x)
    expected = model.backward(g)[0]
    out[:] = 0.0
    h[:] = 0.0
    c[:] = 0.0
    x[:] = 0.0
    np.testing.assert_array_equal(model.backward(g)[0], expected)


def test_saturated_gates_stay_finite_and_silent() -> None:
    """A forget-gate bias of -1000 makes exp(-a) overflow inside the sigmoid: the gate
    must come out exactly 0, with no warning, no NaN, and no gradient along the cell
    path (dc_T/dc_0 = product of the forget gates = 0)."""
    model = rnnnotes.LSTM(3, 4, seed=1)
    sd = model.state_dict()
    sd["bias_ih_l0"][4:8] = -1000.0                      # rows 4..7: the forget gate
    model.load_state_dict(sd)
    x = RNG.standard_normal((5, 2, 3))
    c0 = RNG.standard_normal((1, 2, 4))
    with np.errstate(all="raise"):                       # any floating-point warning fails
        out, (h_n, c_n) = model(x, (np.zeros((1, 2, 4)), c0))
        _, (grad_h0, grad_c0) = model.backward(None, (None, np.ones((1, 2, 4))))
    assert np.all(np.isfinite(out)) and np.all(np.isfinite(c_n))
    np.testing.assert_array_equal(grad_c0, 0.0)
    # and c_0 indeed does not reach the output: any other c_0 gives the same numbers
    out_other, _ = model(x, (np.zeros((1, 2, 4)), c0 + 5.0))
    np.testing.assert_array_equal(out_other, out)
