"""Layers, directions, batch layout and state dicts around the cells: what torch.nn.RNNBase does.

A model of `num_layers` layers runs, in each layer, one cell over the sequence forward
in time and, if `bidirectional`, a second one (its own weights, suffix `_reverse`) over
the time-reversed sequence. The two output sequences are concatenated feature-wise,
forward first, and feed the next layer. The final states are stacked as torch does: row
`layer * num_directions + direction` of `h_n` (and `c_n`).

The backward pass walks the same graph in reverse: the gradient of a layer's output is
split between its directions, each direction backpropagates through time, and the input
gradients of the two directions add up (both read the same input).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from rnnnotes.nn import _validate as v
from rnnnotes.nn.init import make_rng, uniform_init

# state-dict prefix -> the short name the cells use
_SHORT = {"weight_ih": "w_ih", "weight_hh": "w_hh", "bias_ih": "b_ih", "bias_hh": "b_hh",
          "weight_hr": "w_hr"}


class Recurrent:
    """What [`RNN`][rnnnotes.nn.RNN], [`LSTM`][rnnnotes.nn.LSTM] and
    [`GRU`][rnnnotes.nn.GRU] share: the arguments they take (below; `help()` of a layer
    shows them under `__init__`), and the members each inherits:
    [`forward`][rnnnotes.nn.recurrent.Recurrent.forward],
    [`backward`][rnnnotes.nn.recurrent.Recurrent.backward],
    [`state_dict()`][rnnnotes.nn.recurrent.Recurrent.state_dict],
    [`load_state_dict(sd)`][rnnnotes.nn.recurrent.Recurrent.load_state_dict] and
    [`grads`][rnnnotes.nn.recurrent.Recurrent.grads].
    """

    # A subclass sets `_gates` (gate blocks per weight matrix), `_state_names` and the two
    # cell functions `_cell_forward(x, state0, params)` and
    # `_cell_backward(dhs, dstate_T, cache)`.
    _gates: int
    _state_names: tuple[str, ...] = ("h",)
    _cell_forward: Callable[..., Any]
    _cell_backward: Callable[..., Any]

    def __init__(self, input_size: int, hidden_size: int, num_layers: int = 1, *,
                 bias: bool = True, batch_first: bool = False, dropout: float = 0.0,
                 bidirectional: bool = False, proj_size: int = 0, device: Any = None,
                 dtype: Any = np.float64, seed: int | np.random.Generator = 0) -> None:
        r"""The arguments the three layers share, each documented here once. A layer's own
        argument is in its docstring: [`RNN`][rnnnotes.nn.RNN]'s `nonlinearity`,
        [`LSTM`][rnnnotes.nn.LSTM]'s `proj_size` (0, no projection, for the others).

        :param input_size: features per step of `x`.
        :param hidden_size: $H$, the units of each layer.
        :param num_layers: $L$, stacked layers; layer $l > 0$ reads layer $l - 1$'s output.
        :param bias: whether each layer has `bias_ih` and `bias_hh`.
        :param batch_first: `x` and `output` have the batch first, `(B, T, ...)`; the states
            do not change, as in torch.
        :param dropout: must be 0 (torch's default); see [why][rnnnotes.nn.models].
        :param bidirectional: run a second direction over the reversed sequence; $D = 2$.
        :param device: must be `None` or `"cpu"`: numpy on the CPU.
        :param dtype: `np.float64` (default) or `np.float32`, or a spelling numpy reads as
            one of them (`"float32"`, `"f4"`, `float`, ...).
        :param seed: an int, or a numpy `Generator`, for the initial weights, drawn from
            $\mathcal{U}(-1/\sqrt{H}, 1/\sqrt{H})$ as in torch (the values differ: another
            generator).
        :raises TypeError: an argument of the wrong type, or an unsupported `dtype`.
        :raises ValueError: a size out of range, a `dropout` other than 0, a `device` other
            than the CPU.
        """
        self.input_size = v.check_int("input_size", input_size, minimum=1)
        self.hidden_size = v.check_int("hidden_size", hidden_size, minimum=1)
        self.num_layers = v.check_int("num_layers", num_layers, minimum=1)
        self.bias = v.check_bool("bias", bias)
        self.batch_first = v.check_bool("batch_first", batch_first)
        self.dropout = v.check_dropout(dropout)          # 0.0: accepted for torch's sake
        v.check_device(device)                           # None or "cpu": numpy on the CPU
        self.bidirectional = v.check_bool("bidirectional", bidirectional)
        self.proj_size = v.check_proj_size(proj_size, self.hidden_size)
        self.dtype = v.check_dtype(dtype)
        self.num_directions = 2 if self.bidirectional else 1
        self._params = uniform_init(self._param_shapes(), self.hidden_size, make_rng(seed),
                                    self.dtype)
        self._cache: dict[str, Any] | None = None
        self._grads: dict[str, np.ndarray] | None = None

    # ---------------------------------------------------------------- parameters
    def _param_shapes(self) -> dict[str, tuple[int, ...]]:
        """Names and shapes of torch's state dict, in torch's order."""
        G, H, P = self._gates, self.hidden_size, self.proj_size or self.hidden_size
        shapes: dict[str, tuple[int, ...]] = {}
        for layer in range(self.num_layers):
            width = self.input_size if layer == 0 else P * self.num_directions
            for suffix in ("", "_reverse")[:self.num_directions]:
                shapes[f"weight_ih_l{layer}{suffix}"] = (G * H, width)
                shapes[f"weight_hh_l{layer}{suffix}"] = (G * H, P)
                if self.bias:
                    shapes[f"bias_ih_l{layer}{suffix}"] = (G * H,)
                    shapes[f"bias_hh_l{layer}{suffix}"] = (G * H,)
                if self.proj_size:
                    shapes[f"weight_hr_l{layer}{suffix}"] = (self.proj_size, H)
        return shapes

    def _cell_params(self, layer: int, direction: int) -> dict[str, np.ndarray | None]:
        suffix = "_reverse" if direction else ""
        return {short: self._params.get(f"{name}_l{layer}{suffix}")
                for name, short in _SHORT.items()}

    def state_dict(self) -> dict[str, np.ndarray]:
        """A copy of every parameter, keyed and ordered as torch's `state_dict()`."""
        return {name: array.copy() for name, array in self._params.items()}

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        """Replace every parameter by a copy of `state_dict`'s (cast to the model dtype).

        The keys must be exactly torch's and the shapes must match; a torch state dict
        converted with `{k: t.detach().numpy() for k, t in sd.items()}` loads as is.
        A pending forward pass is discarded: its cache belongs to the old weights.

        :raises ValueError: missing or unexpected keys (all of them named), a wrong shape.
        :raises TypeError: not a mapping, or a value that is not a real numeric array.
        """
        self._params = v.check_state_dict(state_dict, self._param_shapes(), self.dtype)
        self._cache = None

    def __getattr__(self, name: str) -> np.ndarray:
        params = self.__dict__.get("_params", {})
        if name in params:  # m.weight_ih_l0, as in torch
            return params[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def grads(self) -> dict[str, np.ndarray]:
        """Gradients from the last `backward()`, keyed like `state_dict()`.

        Each backward replaces them (torch accumulates into `.grad`; we do not).
        """
        if self._grads is None:
            raise RuntimeError("grads are available after backward(); call the model on an "
                               "input, then backward(grad_output)")
        return self._grads

    # ---------------------------------------------------------------- shapes
    def _state_sizes(self) -> tuple[int, ...]:
        """Feature size of each state: h (proj_size or hidden_size), and c for the LSTM."""
        return (self.proj_size or self.hidden_size,)

    def _check_states(self, name: str, value: Any, batch: int | None,
                      required: bool) -> tuple[np.ndarray | None, ...]:
        """Turn `hx` (or `grad_hn`) into one array or None per state, shapes checked.

        `required`: every part of a given tuple must be an array (`hx`, as in torch);
        otherwise a part may be None for zeros (`grad_hn`).
        """
        names, kind = self._state_names, type(self).__name__
        if value is None:
            return (None,) * len(names)
        if len(names) == 1:
            # a tuple (or a list of arrays) is a state pair: the LSTM's, not ours
            if isinstance(value, tuple) or (isinstance(value, list) and value
                                            and isinstance(value[0], np.ndarray)):
                raise TypeError(f"{name} must be one array (or None) for {kind}, got a "
                                f"{type(value).__name__} of length {len(value)}; only the "
                                f"LSTM takes a pair (h, c)")
            values = (value,)
        else:
            if not isinstance(value, tuple | list) or len(value) != len(names):
                got = (f"a {type(value).__name__} of length {len(value)}"
                       if isinstance(value, tuple | list) else
                       f"an array of shape {value.shape}" if isinstance(value, np.ndarray)
                       else type(value).__name__)
                raise TypeError(f"{name} must be None or a tuple ({', '.join(names)}) of "
                                f"{len(names)} arrays for {kind}, got {got}")
            values = tuple(value)
        rows = self.num_layers * self.num_directions
        checked = []
        for part, state_name, size in zip(values, names, self._state_sizes(), strict=True):
            label = name if len(names) == 1 else f"{name}[{names.index(state_name)}] " \
                                                 f"({state_name})"
            if part is None:
                if required:
                    raise TypeError(f"{label} is None: pass every part of {name} "
                                    f"({', '.join(names)}), as torch requires, or "
                                    f"{name}=None for zeros in all of them")
                checked.append(None)
                continue
            array = v.as_real_array(label, part, self.dtype)
            shape = (rows, size) if batch is None else (rows, batch, size)
            v.check_shape(label, array, shape, "num_layers * num_directions, "
                          + ("" if batch is None else "batch, ") + f"{state_name} size"
                          + ("; unbatched input takes unbatched states" if batch is None
                             else ""))
            checked.append(array if batch is not None else array[:, None, :])
        return tuple(checked)

    # ---------------------------------------------------------------- forward
    def __call__(self, x: Any, hx: Any = None) -> tuple[np.ndarray, Any]:
        """Run the model: the same as `forward(x, hx)`."""
        return self.forward(x, hx)

    def forward(self, x: Any, hx: Any = None) -> tuple[np.ndarray, Any]:
        """Run the model over `x`; return `(output, h_n)`, or `(output, (h_n, c_n))` for the LSTM.

        Shapes are in [the module docstring][rnnnotes.nn.models]. `x` and `hx` of any real
        dtype are cast to the model's dtype (float32 models compute in float32 throughout,
        as torch does). For the LSTM, `hx` is `None` or both parts $(h_0, c_0)$.

        :raises ValueError: a wrong shape, named with the shape expected and the one given.
        :raises TypeError: non-numeric input, or an `hx` of the wrong structure.
        """
        x = v.as_real_array("x", x, self.dtype).copy()  # the cache keeps x: own it
        batched = v.check_input(x, self.input_size, self.batch_first)
        if not batched:
            x = x[:, None, :]                      # (T, D) -> (T, 1, D)
        elif self.batch_first:
            x = x.transpose(1, 0, 2)               # (B, T, D) -> (T, B, D) view
        T, B = x.shape[:2]
        given = self._check_states("hx", hx, B if batched else None, required=True)
        rows = self.num_layers * self.num_directions
        states0 = tuple(np.zeros((rows, B, size), self.dtype) if s is None else s
                        for s, size in zip(given, self._state_sizes(), strict=True))
        finals = tuple(np.empty_like(s) for s in states0)

        caches = []
        layer_input = x
        for layer in range(self.num_layers):
            outputs = []
            for d in range(self.num_directions):
                row = layer * self.num_directions + d
                # the reverse direction is the same cell run over the flipped sequence
                seq = layer_input if d == 0 else layer_input[::-1]
                hs, state_T, cache = self._cell_forward(
                    seq, tuple(s[row] for s in states0), self._cell_params(layer, d))
                outputs.append(hs if d == 0 else hs[::-1])
                for final, s in zip(finals, state_T, strict=True):
                    final[row] = s
                caches.append(cache)
            # (T, B, P) per direction -> (T, B, num_directions * P); a copy, so the
            # caller can never write into the cache
            layer_input = np.concatenate(outputs, axis=2)

        output = layer_input
        if not batched:
            output, finals = output[:, 0], tuple(f[:, 0] for f in finals)
        elif self.batch_first:
            output = np.ascontiguousarray(output.transpose(1, 0, 2))
        self._cache = {"caches": caches, "batched": batched, "T": T, "B": B,
                       "hx_given": hx is not None, "output_shape": output.shape}
        return output, (finals[0] if len(finals) == 1 else finals)

    # ---------------------------------------------------------------- backward
    def backward(self, grad_output: Any = None, grad_hn: Any = None) -> tuple[np.ndarray, Any]:
        r"""Backpropagate through the last forward pass; return `(grad_x, grad_hx)`.

        `grad_output` is $\partial L / \partial\, \mathrm{output}$, shaped like the last
        output (`None`: zeros); `grad_hn` is $\partial L / \partial h_n$, or
        $(\partial L / \partial h_n, \partial L / \partial c_n)$ for the LSTM with either part
        `None` (`None`: zeros). `grad_x` is shaped like `x`; `grad_hx` mirrors `hx`: `None`
        if the forward had no `hx`. Parameter gradients go to `grads`.

        :raises RuntimeError: no forward pass since the model was made or last loaded.
        """
        if self._cache is None:
            raise RuntimeError("backward() needs a forward pass first: call the model on an "
                               "input (load_state_dict discards a pending forward)")
        cache = self._cache
        T, B, batched = cache["T"], cache["B"], cache["batched"]
        P, D = self.proj_size or self.hidden_size, self.num_directions
        if grad_output is None:
            g = np.zeros((T, B, D * P), dtype=self.dtype)
        else:
            g = v.as_real_array("grad_output", grad_output, self.dtype)
            v.check_shape("grad_output", g, cache["output_shape"], "the last output's shape")
            if not batched:
                g = g[:, None, :]                  # (T, D*P) -> (T, 1, D*P)
            elif self.batch_first:
                g = g.transpose(1, 0, 2)           # (B, T, D*P) -> (T, B, D*P) view
        given = self._check_states("grad_hn", grad_hn, B if batched else None, required=False)
        rows = self.num_layers * D
        dstates_T = tuple(np.zeros((rows, B, size), self.dtype) if s is None else s
                          for s, size in zip(given, self._state_sizes(), strict=True))
        dstates_0 = tuple(np.empty_like(s) for s in dstates_T)

        grads: dict[str, np.ndarray] = {}
        for layer in reversed(range(self.num_layers)):
            d_input = None
            for d in range(D):
                row = layer * D + d
                dhs = g[:, :, d * P:(d + 1) * P]   # this direction's share of dL/d(output)
                dx, dstate_0, cell_grads = self._cell_backward(
                    dhs if d == 0 else dhs[::-1], tuple(s[row] for s in dstates_T),
                    cache["caches"][row])
                if d == 1:
                    dx = dx[::-1]
                d_input = dx if d_input is None else d_input + dx  # both read one input
                for out, s in zip(dstates_0, dstate_0, strict=True):
                    out[row] = s
                suffix = "_reverse" if d else ""
                for name, short in _SHORT.items():
                    if short in cell_grads:
                        grads[f"{name}_l{layer}{suffix}"] = cell_grads[short]
            g = d_input                            # (T, B, width of this layer's input)
        self._grads = {name: grads[name] for name in self._params}  # torch's order

        if not batched:
            grad_x, dstates_0 = g[:, 0], tuple(s[:, 0] for s in dstates_0)
        elif self.batch_first:
            grad_x = g.transpose(1, 0, 2)
        else:
            grad_x = g
        grad_x = np.ascontiguousarray(grad_x)
        if not cache["hx_given"]:
            return grad_x, None
        return grad_x, (dstates_0[0] if len(dstates_0) == 1 else dstates_0)
