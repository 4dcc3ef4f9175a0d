"""Bad arguments: a TypeError (wrong type) or ValueError (bad value) naming the argument,
what was expected and what came, for every public counting function."""

from __future__ import annotations

import re

import numpy as np
import pytest

from rnnnotes.counting import count_parameters, unrolled_edges, unrolled_nodes, unrolled_weights

GOOD_PARAMS = dict(cell="lstm", input_size=4, hidden_size=5)
GOOD_UNROLLED = dict(input_size=4, hidden_size=5, output_size=3, steps=2)
SIZE_ARGS = ["input_size", "hidden_size", "output_size", "steps"]

# (value, error, what the message must show of the value)
NOT_AN_INT = [
    (True, TypeError, "True"),
    (2.0, TypeError, "2.0"),
    ("3", TypeError, "'3'"),
    (None, TypeError, "None"),
]
NOT_POSITIVE = [(0, ValueError, "0"), (-3, ValueError, "-3")]


def raises(err, *pieces):
    """pytest.raises whose message must contain every piece (literally)."""
    return pytest.raises(err, match="(?s)" + "".join(f"(?=.*{re.escape(p)})" for p in pieces))


@pytest.mark.parametrize("func", [unrolled_weights, unrolled_edges])
@pytest.mark.parametrize("arg", SIZE_ARGS)
@pytest.mark.parametrize("value,err,shown", NOT_AN_INT + NOT_POSITIVE)
def test_unrolled_sizes(func, arg, value, err, shown):
    with raises(err, arg, "int >= 1", f"got {shown}"):
        func(**{**GOOD_UNROLLED, arg: value})


@pytest.mark.parametrize("arg", ["input_size", "hidden_size", "num_layers"])
@pytest.mark.parametrize("value,err,shown", NOT_AN_INT + NOT_POSITIVE)
def test_parameter_sizes(arg, value, err, shown):
    with raises(err, arg, "int >= 1", f"got {shown}"):
        count_parameters(**{**GOOD_PARAMS, arg: value})


@pytest.mark.parametrize(
    "value,err,shown", [(True, TypeError, "True"), (0, ValueError, "0"), (1.5, TypeError, "1.5")]
)
def test_output_size_is_none_or_positive(value, err, shown):
    with raises(err, "output_size", "int >= 1", f"got {shown}"):
        count_parameters(**GOOD_PARAMS, output_size=value)


def test_numpy_integers_are_sizes():
    """Sizes often come from array shapes; np.int64 must work and give the same count."""
    got = count_parameters("gru", np.int64(4), np.int32(5), output_size=np.int16(3))
    assert got == count_parameters("gru", 4, 5, output_size=3)
    assert unrolled_weights(*map(np.int64, (4, 5, 3, 2))) == unrolled_weights(4, 5, 3, 2)


@pytest.mark.parametrize(
    "call,arg,choices,value",
    [
        (lambda v: count_parameters(v, 4, 5), "cell", ["'rnn'", "'lstm'", "'gru'"], "LSTM"),
        (
            lambda v: count_parameters("rnn", 4, 5, convention=v),
            "convention",
            ["'pytorch'", "'keras'"],
            "tf",
        ),
        (
            lambda v: unrolled_weights(4, 5, 3, 2, recurrence=v),
            "recurrence",
            ["'per-unit'", "'full'"],
            "diagonal",
        ),
        (
            lambda v: unrolled_edges(4, 5, 3, 2, recurrence=v),
            "recurrence",
            ["'per-unit'", "'full'"],
            "diagonal",
        ),
        (lambda v: unrolled_weights(4, 5, 3, 2, outputs=v), "outputs", ["'every'", "'last'"],
         "first"),
        (lambda v: unrolled_nodes(4, 5, 3, 2, outputs=v), "outputs", ["'every'", "'last'"],
         "all"),
    ],
)
def test_unknown_choice_lists_the_valid_ones(call, arg, choices, value):
    with raises(ValueError, arg, "must be one of", *choices, f"got {value!r}"):
        call(value)


@pytest.mark.parametrize(
    "call,arg",
    [
        (lambda v: count_parameters("rnn", 4, 5, bias=v), "bias"),
        (lambda v: count_parameters("rnn", 4, 5, bidirectional=v), "bidirectional"),
        (lambda v: count_parameters("gru", 4, 5, convention="keras", reset_after=v), "reset_after"),
        (lambda v: count_parameters("lstm", 4, 5, cifg=v), "cifg"),
        (lambda v: unrolled_weights(4, 5, 3, 2, bias=v), "bias"),
        (lambda v: unrolled_weights(4, 5, 3, 2, initial_state=v), "initial_state"),
        (lambda v: unrolled_edges(4, 5, 3, 2, initial_state=v), "initial_state"),
        (lambda v: unrolled_nodes(4, 5, 3, 2, bias=v), "bias"),
    ],
)
@pytest.mark.parametrize("value", [1, "yes", None])
def test_flags_must_be_bool(call, arg, value):
    with raises(TypeError, arg, "True or False", f"got {value!r}"):
        call(value)


@pytest.mark.parametrize(
    "kwargs,pieces",
    [
        (dict(cell="gru", proj_size=2), ["proj_size", "LSTM only", "'gru'", "got 2"]),
        (dict(cell="rnn", proj_size=1), ["proj_size", "LSTM only", "'rnn'", "got 1"]),
        (dict(proj_size=5), ["proj_size", "< hidden_size=5", "got 5"]),
        (dict(proj_size=9), ["proj_size", "< hidden_size=5", "got 9"]),
        (dict(proj_size=2, convention="keras"), ["proj_size", "keras", "got 2"]),
        (dict(proj_size=-1), ["proj_size", "int >= 0", "got -1"]),
    ],
)
def test_proj_size_rules(kwargs, pieces):
    with raises(ValueError, *pieces):
        count_parameters(**{**GOOD_PARAMS, **kwargs})


def test_proj_size_type():
    with raises(TypeError, "proj_size", "int >= 0", "got 1.0"):
        count_parameters(**GOOD_PARAMS, proj_size=1.0)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_reset_after_false_is_keras_only(cell):
    with raises(ValueError, "reset_after", "pytorch", "got False"):
        count_parameters(cell, 4, 5, reset_after=False)
    count_parameters(cell, 4, 5, convention="keras", reset_after=False)  # accepted


@pytest.mark.parametrize("cell", ["rnn", "gru"])
def test_cifg_is_lstm_only(cell):
    with raises(ValueError, "cifg", "LSTM only", repr(cell), "got True"):
        count_parameters(cell, 4, 5, cifg=True)
