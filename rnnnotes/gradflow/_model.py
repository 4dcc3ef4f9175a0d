"""Reading a recurrent model's configuration and driving it through its public API.

The gradient-flow tools only use what ``rnnnotes.RNN/LSTM/GRU`` (and torch.nn) expose:
``state_dict()``, ``model(x, hx)``, ``model.backward(grad_output, grad_hn)`` and the
``batch_first`` flag. The configuration is read from the state dict's names and shapes
(those of ``torch.nn.LSTM(...).state_dict()``), so nothing depends on private attributes.

Internally everything is time-major, (T, B, features); ``run``/``vjp`` transpose for a
``batch_first`` model.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnnotes.gradflow._checks import as_float_array

# number of gate blocks stacked in weight_hh_l0: (gates * hidden_size, state_size)
_KIND_BY_GATES = {1: "rnn", 3: "gru", 4: "lstm"}


@dataclass(frozen=True)
class ModelSpec:
    """What the tools need to know about a model, read off its state dict."""

    kind: str  # "rnn" | "gru" | "lstm"
    input_size: int  # D
    hidden_size: int  # H: width of the gates and of the LSTM cell c_t
    state_size: int  # width of h_t: proj_size if the LSTM projects, else H
    num_layers: int
    num_directions: int  # 1, or 2 if bidirectional
    batch_first: bool
    dtype: np.dtype
    nonlinearity: str | None = None  # "tanh" | "relu" for an RNN, None for GRU/LSTM

    @property
    def output_size(self) -> int:
        """Features of y_t: both directions' h_t concatenated."""
        return self.num_directions * self.state_size

    @property
    def num_states(self) -> int:
        """Leading axis of h_0 / h_n: num_layers * num_directions."""
        return self.num_layers * self.num_directions


def model_spec(model: object) -> ModelSpec:
    """Read a ModelSpec from ``model.state_dict()``; TypeError if it is not an RNN-like model."""
    for attr in ("state_dict", "backward", "__call__"):
        if not callable(getattr(model, attr, None)):
            raise TypeError(
                f"model must be an rnnnotes.RNN, LSTM or GRU (with state_dict() and "
                f"backward()), got {type(model).__name__} without {attr}()"
            )
    sd = model.state_dict()  # type: ignore[attr-defined]
    if "weight_ih_l0" not in sd or "weight_hh_l0" not in sd:
        raise TypeError(
            f"model.state_dict() must hold weight_ih_l0 and weight_hh_l0 (torch.nn naming), "
            f"got keys {sorted(sd)}"
        )
    w_ih, w_hh = np.asarray(sd["weight_ih_l0"]), np.asarray(sd["weight_hh_l0"])
    # With a projection (LSTMP) weight_hh is (4H, P) and weight_hr is (P, H).
    hidden = np.asarray(sd["weight_hr_l0"]).shape[1] if "weight_hr_l0" in sd else w_hh.shape[1]
    state = w_hh.shape[1]
    gates = w_hh.shape[0] // hidden
    if gates not in _KIND_BY_GATES or w_hh.shape[0] != gates * hidden:
        raise TypeError(f"cannot tell RNN/GRU/LSTM from weight_hh_l0 of shape {w_hh.shape}")
    layers = sum(1 for k in sd if k.startswith("weight_ih_l") and not k.endswith("_reverse"))
    batch_first = getattr(model, "batch_first", False)
    if not isinstance(batch_first, bool | np.bool_):
        raise TypeError(f"model.batch_first must be a bool, got {batch_first!r}")
    kind = _KIND_BY_GATES[gates]
    nonlinearity = None
    if kind == "rnn":
        nonlinearity = getattr(model, "nonlinearity", "tanh")
        if not isinstance(nonlinearity, str) or nonlinearity not in ("tanh", "relu"):
            raise TypeError(f"model.nonlinearity must be 'tanh' or 'relu', got {nonlinearity!r}")
    return ModelSpec(
        kind=kind,
        input_size=w_ih.shape[1],
        hidden_size=hidden,
        state_size=state,
        num_layers=layers,
        num_directions=2 if "weight_ih_l0_reverse" in sd else 1,
        batch_first=bool(batch_first),
        dtype=w_ih.dtype,
        nonlinearity=nonlinearity,
    )


def require_simple(spec: ModelSpec, func: str, kinds: tuple[str, ...] = ("rnn", "gru", "lstm")):
    """ValueError unless the model is single-layer, unidirectional and of one of ``kinds``."""
    if spec.kind not in kinds:
        names = " or ".join(k.upper() for k in kinds)
        raise ValueError(f"{func}: model must be an {names}, got a {spec.kind.upper()}")
    if spec.num_layers != 1 or spec.num_directions != 1:
        raise ValueError(
            f"{func}: model must be single-layer unidirectional (one h_t per step), got "
            f"num_layers={spec.num_layers}, bidirectional={spec.num_directions == 2}"
        )


def as_sequence(x: object, spec: ModelSpec) -> np.ndarray:
    """One unbatched sequence x (T, D) in the model's dtype, T >= 1, D = input_size."""
    x = as_float_array(x, "x", ndim=2)
    if x.shape[0] < 1 or x.shape[1] != spec.input_size:
        raise ValueError(
            f"x must be one unbatched sequence (T, input_size) = (T >= 1, {spec.input_size}), "
            f"got shape {x.shape}"
        )
    return x.astype(spec.dtype, copy=False)


def as_batch(x: object, spec: ModelSpec) -> np.ndarray:
    """A batch of sequences, time-major (T, B, D) in the model's dtype (given as (B, T, D)
    if the model is batch_first), T >= 1, B >= 1, D = input_size."""
    x = as_float_array(x, "x", ndim=3)
    layout = "(B, T, input_size)" if spec.batch_first else "(T, B, input_size)"
    if 0 in x.shape or x.shape[2] != spec.input_size:
        raise ValueError(
            f"x must be a batch of sequences {layout} with input_size = {spec.input_size}, "
            f"T >= 1 and B >= 1, got shape {x.shape}"
        )
    return _layout(x, spec).astype(spec.dtype, copy=False)


def _state(a: object, name: str, shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
    if a is None:
        return np.zeros(shape, dtype=dtype)
    try:
        arr = np.asarray(a)
    except Exception as exc:  # ragged nested lists and the like
        raise TypeError(f"{name} must be an array of shape {shape}, got {a!r}") from exc
    if shape[0] == 1 and arr.shape == shape[1:]:
        arr = arr[None]  # (H,) -> (1, H) for a single-layer unidirectional model
    if arr.shape != shape:
        how = "unbatched" if len(shape) == 2 else "batched"
        raise ValueError(f"{name} must have shape {shape} ({how}), got {arr.shape}")
    return as_float_array(arr, name, ndim=len(shape)).astype(dtype, copy=False)


def initial_state(
    hx: object, spec: ModelSpec, batch: int | None = None
) -> tuple[np.ndarray, np.ndarray | None]:
    """hx -> (h0 (N, [B,] state_size), c0 (N, [B,] hidden_size) or None), N = num_states.

    Unbatched unless ``batch`` is given. hx=None means zeros, as in torch. An LSTM's hx
    is the pair (h0, c0).
    """
    n = (spec.num_states,) if batch is None else (spec.num_states, batch)
    if spec.kind != "lstm":
        return _state(hx, "hx", (*n, spec.state_size), spec.dtype), None
    if hx is None:
        hx = (None, None)
    if not isinstance(hx, tuple | list) or len(hx) != 2:
        raise TypeError(f"hx of an LSTM must be a pair (h0, c0) or None, got {type(hx).__name__}")
    return (
        _state(hx[0], "hx[0] (h0)", (*n, spec.state_size), spec.dtype),
        _state(hx[1], "hx[1] (c0)", (*n, spec.hidden_size), spec.dtype),
    )


def _layout(a: np.ndarray, spec: ModelSpec) -> np.ndarray:
    # time-major (T, B, F) <-> the model's (B, T, F) when batch_first
    return a.swapaxes(0, 1) if spec.batch_first else a


def run(model, spec: ModelSpec, x: np.ndarray, h0: np.ndarray, c0: np.ndarray | None):
    """Forward x (T, B, D) from h0 (N, B, Hs) [c0 (N, B, H)] -> (y (T, B, K), h_n, c_n | None)."""
    hx = (h0, c0) if spec.kind == "lstm" else h0
    y, hn = model(_layout(x, spec), hx)
    h_n, c_n = hn if spec.kind == "lstm" else (hn, None)
    return _layout(np.asarray(y), spec), np.asarray(h_n), None if c_n is None else np.asarray(c_n)


def vjp(model, spec: ModelSpec, grad_y: np.ndarray, grad_h_n: np.ndarray, grad_c_n=None):
    """Backward after ``run``: -> (grad_x (T, B, D), grad_h0 (N, B, Hs), grad_c0 | None)."""
    grad_hn = (grad_h_n, grad_c_n) if spec.kind == "lstm" else grad_h_n
    grad_x, grad_hx = model.backward(_layout(grad_y, spec), grad_hn)
    g_h0, g_c0 = grad_hx if spec.kind == "lstm" else (grad_hx, None)
    return _layout(np.asarray(grad_x), spec), np.asarray(g_h0), g_c0
