"""Bad input gets a ValueError/TypeError that names the argument and shows the value."""

from __future__ import annotations

import re

import numpy as np
import pytest

import rnnnotes


@pytest.mark.parametrize("cls", [rnnnotes.RNN, rnnnotes.LSTM, rnnnotes.GRU])
@pytest.mark.parametrize(("kwargs", "error", "pattern"), [
    (dict(input_size=0), ValueError, r"input_size must be an integer >= 1, got 0"),
    (dict(input_size=-3), ValueError, r"input_size .* got -3"),
    (dict(input_size=2.5), TypeError, r"input_size .* got 2\.5 of type float"),
    (dict(input_size=True), TypeError, r"input_size .* got True of type bool"),
    (dict(input_size="3"), TypeError, r"input_size .* got '3' of type str"),
    (dict(hidden_size=0), ValueError, r"hidden_size must be an integer >= 1, got 0"),
    (dict(hidden_size=4.0), TypeError, r"hidden_size .* got 4\.0"),
    (dict(num_layers=0), ValueError, r"num_layers must be an integer >= 1, got 0"),
    (dict(bias=1), TypeError, r"bias must be True or False, got 1"),
    (dict(batch_first="yes"), TypeError, r"batch_first must be True or False, got 'yes'"),
    (dict(bidirectional=None), TypeError, r"bidirectional must be True or False, got None"),
    (dict(seed=-1), TypeError, r"seed must be a non-negative integer .* got -1"),
    (dict(seed=1.5), TypeError, r"seed must be .* got 1\.5"),
])
def test_constructor_arguments(cls: type, kwargs: dict, error: type, pattern: str) -> None:
    args = {"input_size": 3, "hidden_size": 4, **kwargs}
    with pytest.raises(error, match=pattern):
        cls(**args)


@pytest.mark.parametrize(("proj_size", "error", "pattern"), [
    (4, ValueError, r"proj_size must be smaller than hidden_size=4 .* got 4"),
    (7, ValueError, r"proj_size must be smaller than hidden_size=4 .* got 7"),
    (-1, ValueError, r"proj_size must be an integer >= 0, got -1"),
    (1.0, TypeError, r"proj_size must be an integer >= 0, got 1\.0"),
])
def test_proj_size(proj_size: object, error: type, pattern: str) -> None:
    with pytest.raises(error, match=pattern):
        rnnnotes.LSTM(3, 4, proj_size=proj_size)


@pytest.mark.parametrize("nonlinearity", ["sigmoid", "Tanh", None])
def test_unknown_nonlinearity(nonlinearity: object) -> None:
    with pytest.raises(ValueError, match=rf"nonlinearity must be one of .* got {nonlinearity!r}"):
        rnnnotes.RNN(3, 4, nonlinearity=nonlinearity)


@pytest.mark.parametrize("batch_first", [False, True])
@pytest.mark.parametrize(("shape", "pattern"), [
    ((5, 2, 4), r"x must have input_size=3 features in its last axis, got shape \(5, 2, 4\)"),
    ((5, 2), r"x must have input_size=3 .* got shape \(5, 2\)"),
    ((3,), r"x must have rank 3 .* or rank 2 .* got shape \(3,\)"),
    ((1, 5, 2, 3), r"x must have rank 3 .* got shape \(1, 5, 2, 3\)"),
    ((0, 2, 3), r"x must have at least one time step .* got shape \(0, 2, 3\)"),
])
def test_input_shape(batch_first: bool, shape: tuple, pattern: str) -> None:
    model = rnnnotes.GRU(3, 4, batch_first=batch_first)
    with pytest.raises(ValueError, match=pattern):
        model(np.zeros(shape))


@pytest.mark.parametrize("x", [np.zeros((2, 3), dtype=complex), np.full((2, 3), "a"),
                               np.zeros((2, 3), dtype=bool), [[1, 2, 3], [4, 5]]])
def test_input_dtype(x: object) -> None:
    with pytest.raises(TypeError, match=r"x must be a real numeric array"):
        rnnnotes.RNN(3, 4)(x)


def test_hx_shape() -> None:
    model = rnnnotes.RNN(3, 4, num_layers=2, bidirectional=True)
    x = np.zeros((5, 2, 3))
    with pytest.raises(ValueError, match=re.escape("hx must have shape (4, 2, 4)") +
                       r" .* got shape \(2, 2, 4\)"):
        model(x, np.zeros((2, 2, 4)))
    with pytest.raises(ValueError, match=r"hx must have shape \(4, 2, 4\) .* got shape \(4, 4\)"):
        model(x, np.zeros((4, 4)))
    # unbatched input takes unbatched states, as in torch
    with pytest.raises(ValueError, match=r"hx must have shape \(4, 4\) .*unbatched.* "
                                         r"got shape \(4, 1, 4\)"):
        model(np.zeros((5, 3)), np.zeros((4, 1, 4)))


def test_lstm_hx() -> None:
    model = rnnnotes.LSTM(3, 4, proj_size=2)
    x = np.zeros((5, 2, 3))
    with pytest.raises(TypeError, match=r"hx must be None or a tuple \(h, c\) of 2 arrays for "
                                        r"LSTM, got an array of shape \(1, 2, 2\)"):
        model(x, np.zeros((1, 2, 2)))
    with pytest.raises(TypeError, match=r"hx must be None or a tuple \(h, c\) .* got a tuple "
                                        r"of length 1"):
        model(x, (np.zeros((1, 2, 2)),))
    with pytest.raises(TypeError, match=r"hx must be .* got a list of length 3"):
        model(x, [np.zeros((1, 2, 2)), np.zeros((1, 2, 4)), np.zeros((1, 2, 4))])
    with pytest.raises(TypeError, match=r"hx must be None or a tuple \(h, c\) .* got str"):
        model(x, "hc")
    with pytest.raises(ValueError, match=r"hx\[0\] \(h\) must have shape \(1, 2, 2\) .* "
                                         r"got shape \(1, 2, 4\)"):
        model(x, (np.zeros((1, 2, 4)), np.zeros((1, 2, 4))))
    with pytest.raises(ValueError, match=r"hx\[1\] \(c\) must have shape \(1, 2, 4\) .* "
                                         r"got shape \(1, 2, 2\)"):
        model(x, (np.zeros((1, 2, 2)), np.zeros((1, 2, 2))))
    with pytest.raises(TypeError, match=r"hx\[1\] \(c\) must be a real numeric array"):
        model(x, (np.zeros((1, 2, 2)), "c"))


@pytest.mark.parametrize(("hx", "missing"), [
    ((np.zeros((1, 2, 2)), None), r"hx\[1\] \(c\)"),
    ((None, np.zeros((1, 2, 4))), r"hx\[0\] \(h\)"),
    ((None, None), r"hx\[0\] \(h\)"),
])
def test_lstm_hx_with_a_missing_part(hx: tuple, missing: str) -> None:
    """torch rejects hx=(h_0, None); so do we, saying how to ask for zeros."""
    model = rnnnotes.LSTM(3, 4, proj_size=2)
    with pytest.raises(TypeError, match=missing + r" is None: pass every part of hx \(h, c\), "
                                        r"as torch requires, or hx=None for zeros"):
        model(np.zeros((5, 2, 3)), hx)


@pytest.mark.parametrize("cls", [rnnnotes.RNN, rnnnotes.GRU])
@pytest.mark.parametrize(("hx", "got"), [
    ((np.zeros((1, 2, 4)),), "a tuple of length 1"),
    ((np.zeros((1, 2, 4)), np.zeros((1, 2, 4))), "a tuple of length 2"),
    ([np.zeros((1, 2, 4))], "a list of length 1"),
])
def test_single_state_hx_is_not_a_tuple(cls: type, hx: object, got: str) -> None:
    with pytest.raises(TypeError, match=rf"hx must be one array \(or None\) for {cls.__name__}, "
                                        rf"got {got}; only the LSTM takes a pair \(h, c\)"):
        cls(3, 4)(np.zeros((5, 2, 3)), hx)


def test_scalar_hx_shows_its_own_shape() -> None:
    """A 0-d state is reported as shape (), not as the (1,) numpy would turn it into."""
    with pytest.raises(ValueError, match=r"hx must have shape \(1, 2, 4\) .* got shape \(\)$"):
        rnnnotes.GRU(3, 4)(np.zeros((5, 2, 3)), 0.0)


def test_state_dict_mismatches() -> None:
    model = rnnnotes.LSTM(3, 4, bidirectional=True)
    sd = model.state_dict()
    missing = {k: v for k, v in sd.items() if k != "bias_hh_l0_reverse"}
    with pytest.raises(ValueError, match=r"missing \['bias_hh_l0_reverse'\], unexpected \[\]"):
        model.load_state_dict(missing)
    with pytest.raises(ValueError, match=r"missing \[\], unexpected \['weight_hr_l0'\]"):
        model.load_state_dict({**sd, "weight_hr_l0": np.zeros((2, 4))})
    with pytest.raises(ValueError, match=re.escape("state_dict['weight_hh_l0'] must have "
                                                   "shape (16, 4), got shape (4, 16)")):
        model.load_state_dict({**sd, "weight_hh_l0": sd["weight_hh_l0"].T})
    with pytest.raises(TypeError, match=r"state_dict\['bias_ih_l0'\] must be a real numeric"):
        model.load_state_dict({**sd, "bias_ih_l0": np.array(["x"] * 16)})
    with pytest.raises(TypeError, match=r"state_dict must be a mapping .* got list"):
        model.load_state_dict(list(sd.values()))
    # a failed load leaves the model as it was
    np.testing.assert_array_equal(model.state_dict()["weight_hh_l0"], sd["weight_hh_l0"])


def test_backward_before_forward() -> None:
    model = rnnnotes.GRU(3, 4)
    with pytest.raises(RuntimeError, match=r"backward\(\) needs a forward pass first"):
        model.backward(np.zeros((5, 2, 4)))
    with pytest.raises(RuntimeError, match=r"grads are available after backward\(\)"):
        model.grads  # noqa: B018
    model(np.zeros((5, 2, 3)))
    model.load_state_dict(model.state_dict())  # the pending forward used the old weights
    with pytest.raises(RuntimeError, match=r"backward\(\) needs a forward pass first"):
        model.backward(np.zeros((5, 2, 4)))


def test_gradient_shapes() -> None:
    model = rnnnotes.LSTM(3, 4, num_layers=2, batch_first=True)
    output, _ = model(np.zeros((2, 5, 3)))
    assert output.shape == (2, 5, 4)
    with pytest.raises(ValueError, match=r"grad_output must have shape \(2, 5, 4\) .* "
                                         r"got shape \(5, 2, 4\)"):
        model.backward(np.zeros((5, 2, 4)))
    with pytest.raises(ValueError, match=r"grad_hn\[0\] \(h\) must have shape \(2, 2, 4\) .* "
                                         r"got shape \(1, 2, 4\)"):
        model.backward(np.zeros((2, 5, 4)), (np.zeros((1, 2, 4)), None))
    with pytest.raises(ValueError, match=r"grad_hn\[1\] \(c\) must have shape \(2, 2, 4\) .* "
                                         r"got shape \(2, 4\)"):
        model.backward(None, (None, np.zeros((2, 4))))
    with pytest.raises(TypeError, match=r"grad_hn must be None or a tuple \(h, c\) of 2 arrays"):
        model.backward(None, np.zeros((2, 2, 4)))
    rnn = rnnnotes.RNN(3, 4)
    rnn(np.zeros((5, 3)))  # unbatched
    with pytest.raises(ValueError, match=r"grad_hn must have shape \(1, 4\) .* "
                                         r"got shape \(1, 1, 4\)"):
        rnn.backward(None, np.zeros((1, 1, 4)))
