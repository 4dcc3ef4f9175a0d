"""The readout + model loss: its value against a direct computation, and every gradient
entry against central finite differences of the loss."""

import numpy as np
import pytest

import rnnnotes
from rnnnotes.train import SequenceRegressor

D, H, T, B = 2, 3, 5, 4

MODELS = [
    ("RNN", {}),
    ("GRU", {}),
    ("LSTM", {}),
    ("LSTM", {"proj_size": 2}),
    ("GRU", {"num_layers": 2, "bidirectional": True}),
]


def loss_of(reg, x, y):
    return float(np.mean((reg.predict(x) - y) ** 2))


@pytest.mark.parametrize(("kind", "kw"), MODELS)
def test_gradients_match_finite_differences(kind, kw):
    rng = np.random.default_rng(0)
    reg = SequenceRegressor(getattr(rnnnotes, kind)(D, H, seed=1, **kw), seed=2)
    x, y = rng.standard_normal((T, B, D)), rng.standard_normal(B)
    loss, grads, grad_y_T = reg.loss_and_grads(x, y)
    assert loss == pytest.approx(loss_of(reg, x, y), rel=1e-14)
    params = reg.parameters()
    assert list(grads) == list(params)
    eps = 1e-6

    def loss_at(key, i, delta):
        q = {k: v.copy() for k, v in params.items()}
        q[key].reshape(-1)[i] += delta
        reg.load_parameters(q)
        return loss_of(reg, x, y)

    for key, p in params.items():
        idx = rng.choice(p.size, size=min(p.size, 4), replace=False)  # entries of every array
        fd = [(loss_at(key, i, eps) - loss_at(key, i, -eps)) / (2 * eps) for i in idx]
        np.testing.assert_allclose(grads[key].reshape(-1)[idx], fd, rtol=1e-5, atol=1e-8,
                                   err_msg=key)
    reg.load_parameters(params)
    assert grad_y_T.shape == (B, reg.weight.size)
    assert np.abs(grads["model.weight_hh_l0"]).max() > 1e-4  # BPTT reached the recurrence


def test_parameters_round_trip_and_are_copies():
    reg = SequenceRegressor(rnnnotes.LSTM(D, H), seed=0)
    p = reg.parameters()
    assert list(p)[-2:] == ["readout.weight", "readout.bias"]
    assert p["readout.weight"].shape == (H,) and p["readout.bias"].shape == (1,)
    p["readout.weight"][:] = 7.0  # a copy: the regressor is untouched
    assert not np.any(reg.weight == 7.0)
    reg.load_parameters(p)
    np.testing.assert_array_equal(reg.weight, np.full(H, 7.0))
    assert np.all(np.abs(SequenceRegressor(rnnnotes.LSTM(D, H), seed=0).weight) <= H**-0.5)


@pytest.mark.parametrize(
    ("call", "exc", "words"),
    [
        (lambda: SequenceRegressor(object()), TypeError, "model must be an rnnnotes.RNN"),
        (lambda: SequenceRegressor(rnnnotes.RNN(D, H, batch_first=True)), ValueError,
         "batch_first=False"),
        (lambda: SequenceRegressor(rnnnotes.RNN(D, H)).loss_and_grads(np.zeros((T, B, D)),
                                                                      np.zeros(B + 1)),
         ValueError, "x must be (T, B, D) and y (B,) with the same B, got shapes (5, 4, 2)"),
        (lambda: SequenceRegressor(rnnnotes.RNN(D, H)).load_parameters({}), ValueError,
         "params must have the keys"),
    ],
)
def test_bad_input_is_named(call, exc, words):
    with pytest.raises(exc) as info:
        call()
    assert words in str(info.value)
