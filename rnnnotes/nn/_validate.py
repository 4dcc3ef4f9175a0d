"""Argument and shape checks shared by the recurrent layers.

Every check raises before any arithmetic happens, with a message that names the argument,
says what was expected and shows what came, so a reader never has to decode a numpy
broadcasting traceback (or, worse, get a silently wrong number).
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping

import numpy as np

#: dtypes a model can compute in (torch's CPU RNNs support the same two).
SUPPORTED_DTYPES = (np.dtype(np.float32), np.dtype(np.float64))

#: nonlinearities of the Elman RNN (torch.nn.RNN's `nonlinearity`).
NONLINEARITIES = ("tanh", "relu")


def check_int(name: str, value: object, minimum: int) -> int:
    """Return `value` as an `int` if it is an integer >= `minimum`.

    `bool` is rejected although it subclasses `int`: `LSTM(3, True)` is a typo,
    not a layer with one hidden unit.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer >= {minimum}, got {value!r} "
                        f"of type {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}")
    return int(value)


def check_bool(name: str, value: object) -> bool:
    """Return `value` if it is a `bool` (numpy's included)."""
    if not isinstance(value, bool | np.bool_):
        raise TypeError(f"{name} must be True or False, got {value!r} "
                        f"of type {type(value).__name__}")
    return bool(value)


#: what `dtype` accepts, for the error messages
DTYPE_SPELLINGS = ("float32 or float64 (np.float32, np.float64, 'float32', 'float64', "
                   "'f4', 'f8', float, or the np.dtype of one of them)")


def _describe(value: object) -> str:
    """`numpy.int32` for a class, the repr for anything else."""
    if isinstance(value, type):
        module = "" if value.__module__ == "builtins" else f"{value.__module__}."
        return f"{module}{value.__qualname__}"
    return repr(value)


def check_dtype(value: object) -> np.dtype:
    """Return the numpy dtype for `value` if it is float32 or float64.

    Rejected with a `TypeError` that says why: `None` (torch reads it as its default
    float32, ours is float64, so it would silently mean different things), torch dtypes
    (this package is numpy only), integer and other-precision dtypes, and anything numpy
    cannot read as a dtype.
    """
    expected = f"dtype must be {DTYPE_SPELLINGS}"
    if value is None:
        raise TypeError(f"{expected}, got None: torch reads dtype=None as its default "
                        f"float32, the default here is float64; pass one explicitly")
    if type(value).__module__.partition(".")[0] == "torch":
        name = str(value).removeprefix("torch.")
        hint = (f"pass np.{name}" if name in ("float32", "float64")
                else "and only float32 and float64 are supported")
        raise TypeError(f"{expected}, got {value!r}, a torch dtype: rnnnotes computes "
                        f"with numpy, {hint}")
    try:
        dtype = np.dtype(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise TypeError(f"{expected}, got {_describe(value)}, which numpy does not read "
                        f"as a dtype") from None
    if dtype not in SUPPORTED_DTYPES:
        why = ("an integer or boolean dtype cannot hold weights and gradients"
               if dtype.kind in "iub" else
               "not the machine's byte order" if dtype.newbyteorder() in SUPPORTED_DTYPES
               else "the models compute in float32 or float64 only, as torch's CPU RNNs do")
        raise TypeError(f"{expected}, got {_describe(value)} (numpy dtype {dtype.str}): "
                        f"{why}")
    return dtype


def check_dropout(value: object) -> float:
    """Return 0.0 for `dropout=0` (torch's default, no dropout); reject any other value.

    torch applies dropout to the outputs of every layer but the last, at random and in
    training mode only. This teaching package has no dropout: its forward and backward
    passes are deterministic, so they can be checked exactly against torch.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"dropout must be the number 0 (no dropout; torch's default), got "
                        f"{value!r} of type {type(value).__name__}")
    if value != 0:
        raise ValueError(f"dropout={value!r} is not supported: rnnnotes has no dropout "
                         f"between layers (torch's is random and acts in training mode "
                         f"only; this teaching package keeps forward and backward "
                         f"deterministic, so they check exactly against torch). Pass "
                         f"dropout=0 or leave it out, and apply dropout between one-layer "
                         f"models yourself if you need it")
    return 0.0


def check_device(value: object) -> None:
    """Accept `device=None` or `'cpu'` (torch's `torch.device('cpu')` too); reject
    anything else: rnnnotes computes with numpy, on the CPU."""
    if value is None or str(value) == "cpu":
        return
    raise ValueError(f"device={value!r} is not supported: rnnnotes computes with numpy, on "
                     f"the CPU only; pass device=None or 'cpu', or leave it out")


def check_nonlinearity(value: object) -> str:
    """Return `value` if it is one of `NONLINEARITIES`."""
    if not isinstance(value, str) or value not in NONLINEARITIES:
        raise ValueError(f"nonlinearity must be one of {NONLINEARITIES}, got {value!r}")
    return value


def check_proj_size(value: object, hidden_size: int) -> int:
    """Return `proj_size` if it is an integer with 0 <= proj_size < hidden_size."""
    proj_size = check_int("proj_size", value, minimum=0)
    if proj_size >= hidden_size:
        raise ValueError(f"proj_size must be smaller than hidden_size={hidden_size} "
                         f"(0 means no projection), got {proj_size}")
    return proj_size


def as_real_array(name: str, value: object, dtype: np.dtype) -> np.ndarray:
    """Return `value` as an array of `dtype`, casting any real numeric input.

    Integers and floats of another precision are cast (a float64 array given to a
    float32 model is rounded to float32, as the model computes in float32 throughout);
    booleans, complex numbers, strings and objects are rejected.
    """
    try:
        array = np.asarray(value)
    except Exception as error:  # ragged lists and the like
        raise TypeError(f"{name} must be a real numeric array, got {value!r}") from error
    if array.dtype.kind not in "iuf":
        came = "" if isinstance(value, np.ndarray) else f" (from a {type(value).__name__})"
        raise TypeError(f"{name} must be a real numeric array (integer or float), "
                        f"got an array of dtype {array.dtype}{came}")
    # not np.ascontiguousarray: it turns a 0-d array into shape (1,), and the shape error
    # that follows would then show a shape the caller never gave
    return np.asarray(array, dtype=dtype, order="C")


def check_shape(name: str, array: np.ndarray, expected: tuple[int, ...], why: str = "") -> None:
    """Raise `ValueError` unless `array.shape == expected`."""
    if array.shape != tuple(expected):
        why = f" ({why})" if why else ""
        raise ValueError(f"{name} must have shape {tuple(expected)}{why}, "
                         f"got shape {array.shape}")


def check_input(x: np.ndarray, input_size: int, batch_first: bool) -> bool:
    """Check the rank and width of the input; return whether it is batched.

    Accepted: `(T, B, D)`, `(B, T, D)` if `batch_first`, or unbatched `(T, D)`,
    with `T >= 1`, `B >= 1` and `D == input_size`.
    """
    layout = "(B, T, input_size)" if batch_first else "(T, B, input_size)"
    if x.ndim not in (2, 3):
        raise ValueError(f"x must have rank 3 {layout} or rank 2 (T, input_size) "
                         f"for unbatched input, got shape {x.shape}")
    if x.shape[-1] != input_size:
        raise ValueError(f"x must have input_size={input_size} features in its last "
                         f"axis, got shape {x.shape}")
    if 0 in x.shape:
        raise ValueError(f"x must have at least one time step and one sequence, "
                         f"got shape {x.shape}")
    return x.ndim == 3


def check_state_dict(state_dict: object, expected: Mapping[str, tuple[int, ...]],
                     dtype: np.dtype) -> dict[str, np.ndarray]:
    """Return a copy of `state_dict` cast to `dtype`, in the order of `expected`.

    Missing keys, extra keys and wrongly shaped arrays are each a `ValueError` naming
    the keys; a value that is not a real numeric array is a `TypeError`.
    """
    if not isinstance(state_dict, Mapping):
        raise TypeError(f"state_dict must be a mapping of names to arrays, "
                        f"got {type(state_dict).__name__}")
    missing = [key for key in expected if key not in state_dict]
    extra = [key for key in state_dict if key not in expected]
    if missing or extra:
        raise ValueError(f"state_dict keys do not match: missing {missing}, "
                         f"unexpected {extra}; expected {list(expected)}")
    loaded = {}
    for key, shape in expected.items():
        array = as_real_array(f"state_dict[{key!r}]", state_dict[key], dtype)
        check_shape(f"state_dict[{key!r}]", array, shape)
        loaded[key] = array.copy()  # never alias the caller's arrays
    return loaded
