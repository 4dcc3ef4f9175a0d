"""dtype, dropout and device: what torch users pass, and what they get back.

Each rejected value gets an error that names the argument, says what is accepted and shows
what came; each accepted spelling gives the same model as the canonical one.
"""

from __future__ import annotations

import numpy as np
import pytest

import rnnnotes

CLASSES = [rnnnotes.RNN, rnnnotes.LSTM, rnnnotes.GRU]
ACCEPTED = r"dtype must be float32 or float64 \(np\.float32, np\.float64, 'float32', " \
           r"'float64', 'f4', 'f8', float, or the np\.dtype of one of them\)"


class _TorchDtype:
    """Stands in for ``torch.float32`` (torch is not a dependency): a class of module
    ``torch`` whose str and repr are ``torch.<name>``, as torch's dtypes are."""

    __module__ = "torch"

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"torch.{self.name}"


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize(("dtype", "expected"), [
    (np.float32, np.float32), ("float32", np.float32), ("f4", np.float32),
    ("single", np.float32), (np.dtype("float32"), np.float32),
    (np.float64, np.float64), ("float64", np.float64), ("f8", np.float64),
    (float, np.float64), ("double", np.float64), (np.dtype("=f8"), np.float64),
])
def test_accepted_spellings(cls: type, dtype: object, expected: type) -> None:
    model, canonical = cls(3, 4, dtype=dtype, seed=5), cls(3, 4, dtype=expected, seed=5)
    assert model.dtype == np.dtype(expected)
    for name, value in model.state_dict().items():
        assert value.dtype == np.dtype(expected), name
        np.testing.assert_array_equal(value, canonical.state_dict()[name])


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize(("dtype", "got"), [
    ("not a dtype", r"got 'not a dtype', which numpy does not read as a dtype"),
    (object(), r"got <object object at .*>, which numpy does not read as a dtype"),
    (np.int32, r"got numpy\.int32 \(numpy dtype <i4\): an integer or boolean dtype cannot "
               r"hold weights and gradients"),
    ("int64", r"got 'int64' \(numpy dtype <i8\): an integer"),
    (int, r"got int \(numpy dtype <i8\): an integer"),
    (bool, r"got bool \(numpy dtype \|b1\): an integer or boolean dtype"),
    (np.float16, r"got numpy\.float16 \(numpy dtype <f2\): the models compute in float32 "
                 r"or float64 only"),
    (np.longdouble, r"got numpy\.longdouble .*: the models compute in float32 or float64"),
    (complex, r"got complex \(numpy dtype <c16\): the models compute"),
    (">f8", r"got '>f8' \(numpy dtype >f8\): not the machine's byte order"),
    (None, r"got None: torch reads dtype=None as its default float32, the default here is "
           r"float64; pass one explicitly"),
    (_TorchDtype("float32"), r"got torch\.float32, a torch dtype: rnnnotes computes with "
                             r"numpy, pass np\.float32"),
    (_TorchDtype("float64"), r"got torch\.float64, a torch dtype: .* pass np\.float64"),
    (_TorchDtype("int64"), r"got torch\.int64, a torch dtype: rnnnotes computes with numpy, "
                           r"and only float32 and float64 are supported"),
])
def test_rejected_dtypes(cls: type, dtype: object, got: str) -> None:
    with pytest.raises(TypeError, match=ACCEPTED + ", " + got):
        cls(3, 4, dtype=dtype)


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize("dropout", [0, 0.0, np.float32(0)])
def test_dropout_zero_is_torchs_default(cls: type, dropout: object) -> None:
    model, plain = cls(3, 4, dropout=dropout, seed=2), cls(3, 4, seed=2)
    assert model.dropout == 0.0
    x = np.random.default_rng(0).standard_normal((5, 2, 3))
    np.testing.assert_array_equal(model(x)[0], plain(x)[0])


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize(("dropout", "error", "message"), [
    (0.5, ValueError, r"dropout=0\.5 is not supported: rnnnotes has no dropout between "
                      r"layers \(torch's is random and acts in training mode only; this "
                      r"teaching package keeps forward and backward deterministic"),
    (1, ValueError, r"dropout=1 is not supported: .* Pass dropout=0 or leave it out"),
    (float("nan"), ValueError, r"dropout=nan is not supported"),
    ("0", TypeError, r"dropout must be the number 0 \(no dropout; torch's default\), "
                     r"got '0' of type str"),
    (None, TypeError, r"dropout must be the number 0 .* got None of type NoneType"),
    (False, TypeError, r"dropout must be the number 0 .* got False of type bool"),
])
def test_dropout_is_not_supported(cls: type, dropout: object, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        cls(3, 4, num_layers=2, dropout=dropout)


class _Device:
    """Stands in for ``torch.device``, whose str is ``'cpu'`` or ``'cuda:0'``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"device(type={self.name!r})"


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize("device", [None, "cpu", _Device("cpu")])
def test_cpu_is_accepted(cls: type, device: object) -> None:
    model, plain = cls(3, 4, device=device, seed=2), cls(3, 4, seed=2)
    x = np.random.default_rng(0).standard_normal((5, 2, 3))
    np.testing.assert_array_equal(model(x)[0], plain(x)[0])


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize(("device", "shown"), [
    ("cuda", "'cuda'"), ("cuda:0", "'cuda:0'"), ("mps", "'mps'"), (0, "0"),
    (_Device("cuda:0"), r"device\(type='cuda:0'\)"),
])
def test_other_devices_are_not_supported(cls: type, device: object, shown: str) -> None:
    with pytest.raises(ValueError, match=rf"device={shown} is not supported: rnnnotes computes "
                                         rf"with numpy, on the CPU only; pass device=None or "
                                         rf"'cpu', or leave it out"):
        cls(3, 4, device=device)


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("int_dtype", [np.int64, np.int8, np.uint8])
def test_integer_arrays_are_cast_to_the_model_dtype(cls: type, dtype: type,
                                                    int_dtype: type) -> None:
    """Integer x, hx and gradients give what their float values give, in the model's dtype."""
    rng = np.random.default_rng(3)
    model = cls(3, 4, num_layers=2, dtype=dtype, seed=1)
    rows, size = 2, 4

    def ints(*shape: int) -> np.ndarray:
        return rng.integers(0, 3, size=shape).astype(int_dtype)

    x, g, gh = ints(5, 2, 3), ints(5, 2, size), ints(rows, 2, size)
    hx = ints(rows, 2, size)
    if cls is rnnnotes.LSTM:
        hx, gh = (hx, ints(rows, 2, size)), (gh, ints(rows, 2, size))

    def as_float(a: object) -> object:
        return tuple(p.astype(dtype) for p in a) if isinstance(a, tuple) else a.astype(dtype)

    def flat(*parts: object) -> list[np.ndarray]:
        return [a for p in parts for a in (p if isinstance(p, tuple) else (p,))]

    out, h_n = model(x, hx)
    grad_x, grad_hx = model.backward(g, gh)
    results = flat(out, h_n, grad_x, grad_hx, *model.grads.values())
    out, h_n = model(as_float(x), as_float(hx))
    grad_x, grad_hx = model.backward(as_float(g), as_float(gh))
    expected = flat(out, h_n, grad_x, grad_hx, *model.grads.values())
    assert {a.dtype for a in results} == {np.dtype(dtype)}
    for got, want in zip(results, expected, strict=True):
        np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize(("x", "came"), [
    (None, r"got an array of dtype object \(from a NoneType\)"),
    ("abc", r"got an array of dtype <U3 \(from a str\)"),
    (np.zeros((5, 3), dtype=object), r"got an array of dtype object$"),
])
def test_non_numeric_input_names_what_came(x: object, came: str) -> None:
    with pytest.raises(TypeError, match=r"x must be a real numeric array \(integer or float\), "
                                        + came):
        rnnnotes.GRU(3, 4)(x)
