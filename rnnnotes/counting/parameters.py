r"""Unique trainable parameters of RNN / LSTM / GRU layers, array by array.

What is counted: the trainable arrays a framework stores for the layer (the entries of
PyTorch's `state_dict()` or of Keras' `layer.weights`), each once. Nothing here depends
on the sequence length: unrolling over $T$ steps re-uses the same arrays $T$ times (for the
weight *uses* of the unrolled graph see [`counting.unrolled`][rnnnotes.counting.unrolled]).

Sizes: input $D$, hidden $H$, $g$ gate blocks per cell (1 in an `rnn`, 4 in an `lstm`, 3 in
a `gru` cell), $n_d = 2$ directions if bidirectional else 1, output $K$. The gate blocks are
stacked along one axis, so one weight array holds all $g$ blocks: PyTorch's `weight_ih_l0`
of an LSTM, shape `(4H, D)`, is $[W_{ii}; W_{if}; W_{ig}; W_{io}]$.

PyTorch, per layer $l$ and direction (suffix `_reverse` for the second), with $H_r$ the
width of $h_t$ ($p$ = `proj_size` if $p > 0$, else $H$) and layer inputs $D_0 = D$,
$D_l = n_d H_r$ for $l > 0$:

| array | shape | present |
|---|---|---|
| `weight_ih_l{l}` | $(gH, D_l)$ | always |
| `weight_hh_l{l}` | $(gH, H_r)$ | always |
| `bias_ih_l{l}`, `bias_hh_l{l}` | $(gH)$ each: their sum is the effective bias | `bias=True` |
| `weight_hr_l{l}` | $(p, H)$ | $p > 0$ |
| `fc.weight`, `fc.bias` | $(K, n_d H_r)$, $(K)$ | `output_size` given |

Keras, per layer $l$ (prefix `layer{l}/`, then `forward/` and `backward/` if
bidirectional), with $D_0 = D$, $D_l = n_d H$ for $l > 0$:

| array | shape | present |
|---|---|---|
| `kernel` | $(D_l, gH)$ | always |
| `recurrent_kernel` | $(H, gH)$ | always |
| `bias` | $(gH)$; $(2, gH)$ for a GRU with `reset_after=True` | `bias=True` |
| `dense/kernel`, `dense/bias` | $(n_d H, K)$, $(K)$ | `output_size` given |

`bias=False` drops every bias, the dense one too.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from rnnnotes.counting._checks import as_int, choice, flag, optional_positive_int, positive_int

CELLS = ("rnn", "lstm", "gru")
CONVENTIONS = ("pytorch", "keras")
# Gate blocks per cell: rnn has one (the candidate itself), LSTM i,f,g,o, GRU r,z,n.
GATE_BLOCKS = {"rnn": 1, "lstm": 4, "gru": 3}


@dataclass(frozen=True)
class ParamArray:
    """One stored trainable array: its framework name, shape and number of entries.

    :ivar name: the framework's name, e.g. `weight_hh_l0` or `layer0/kernel`.
    :ivar shape: the array's shape.
    :ivar count: its number of entries, the product of `shape` (derived, never passed in).
    """

    name: str
    shape: tuple[int, ...]
    count: int = field(init=False)

    def __post_init__(self) -> None:
        # Derived, never passed in, so the count cannot disagree with the shape.
        object.__setattr__(self, "shape", tuple(int(s) for s in self.shape))
        object.__setattr__(self, "count", math.prod(self.shape))


@dataclass(frozen=True)
class ParamCount:
    """The unique trainable arrays of a layer stack, in framework order, and their total.

    Iterating over it yields the arrays; `int(pc)` is the total.

    :ivar arrays: the [`ParamArray`][rnnnotes.counting.ParamArray]s, in the order the
        framework stores them.
    :ivar total: the sum of `count` over `arrays`: every trainable scalar once, however
        many time steps the network is unrolled over.
    """

    arrays: tuple[ParamArray, ...]
    total: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "arrays", tuple(self.arrays))
        object.__setattr__(self, "total", sum(a.count for a in self.arrays))

    def __int__(self) -> int:
        return self.total

    def __iter__(self) -> Iterator[ParamArray]:
        return iter(self.arrays)

    def __len__(self) -> int:
        return len(self.arrays)

    @property
    def by_name(self) -> Mapping[str, ParamArray]:
        """Read-only `{name: ParamArray}`, e.g. `pc.by_name["weight_hh_l0"].shape`."""
        return MappingProxyType({a.name: a for a in self.arrays})

    def subtotal(self, match: str | Callable[[ParamArray], bool]) -> int:
        """Entries in the arrays whose name contains `match` (or for which it returns True).

        `pc.subtotal("fc.")` is PyTorch's dense layer, `pc.subtotal("layer0/")` Keras'
        first layer. Substrings are literal: `"_l1"` also matches `"_l10"`.
        """
        keep = match if callable(match) else (lambda a: match in a.name)
        return sum(a.count for a in self.arrays if keep(a))

    def rows(self) -> list[tuple[str, str, int]]:
        """`(name, "A × B", count)` per array, for building tables in the docs."""
        return [(a.name, " × ".join(str(s) for s in a.shape), a.count) for a in self.arrays]

    def table(self) -> str:
        """A Markdown table of the arrays with a final total row."""
        lines = ["| array | shape | parameters |", "|---|---|---:|"]
        lines += [f"| `{n}` | {s} | {c:,} |" for n, s, c in self.rows()]
        lines.append(f"| **total** | | **{self.total:,}** |")
        return "\n".join(lines)


def count_parameters(
    cell: str,
    input_size: int,
    hidden_size: int,
    *,
    num_layers: int = 1,
    bias: bool = True,
    bidirectional: bool = False,
    proj_size: int = 0,
    output_size: int | None = None,
    convention: str = "pytorch",
    reset_after: bool = True,
    cifg: bool = False,
) -> ParamCount:
    """Unique trainable parameters of `num_layers` stacked recurrent layers (+ a dense layer).

    Mirrors `torch.nn.RNN/LSTM/GRU(input_size, hidden_size, num_layers, bias=...,
    bidirectional=..., proj_size=...)` (`convention="pytorch"`) or a Keras stack of
    `SimpleRNN/LSTM/GRU(hidden_size, use_bias=..., reset_after=...)` layers, each wrapped
    in `Bidirectional` (concat) if asked (`convention="keras"`). `output_size` $K$ adds a
    dense layer on the last layer's features (`nn.Linear` / `Dense`).

    Counts each stored array once (every shape is in
    [the module docstring][rnnnotes.counting.parameters]); the number of time steps plays
    no part. `proj_size` (LSTM + PyTorch only, $0 < p < H$) is LSTMP's projection.
    `reset_after` only changes a Keras GRU (False: one bias `(3H,)` instead of `(2, 3H)`);
    PyTorch's GRU always applies the reset gate after the matmul.
    `cifg=True` (LSTM only) couples the input and forget gates, $f_t = 1 - i_t$ (CIFG, Greff
    et al. 2017): the forget block is gone, so every array holds three gate blocks
    ($i, g, o$) instead of four, under the same names. No framework builds this layer; the
    count is what it would store.
    """
    cell = choice("cell", cell, CELLS)
    convention = choice("convention", convention, CONVENTIONS)
    d_in = positive_int("input_size", input_size)
    h = positive_int("hidden_size", hidden_size)
    layers = positive_int("num_layers", num_layers)
    bias = flag("bias", bias)
    dirs = 2 if flag("bidirectional", bidirectional) else 1
    p = as_int("proj_size", proj_size, minimum=0)
    k = optional_positive_int("output_size", output_size)
    reset_after = flag("reset_after", reset_after)
    cifg = flag("cifg", cifg)

    if p and convention == "keras":
        raise ValueError(
            f"proj_size must be 0 with convention='keras' (Keras has no LSTM projection), got {p!r}"
        )
    if p and cell != "lstm":
        raise ValueError(f"proj_size must be 0 for cell={cell!r} (LSTM only), got {p!r}")
    if p and p >= h:
        raise ValueError(f"proj_size must be < hidden_size={h}, got {p!r}")
    if not reset_after and convention == "pytorch":
        raise ValueError(
            "reset_after must be True with convention='pytorch' (torch's GRU always applies "
            "the reset gate after the matmul, with two biases), got False"
        )

    if cifg and cell != "lstm":
        raise ValueError(f"cifg must be False for cell={cell!r} (LSTM only), got True")
    blocks = GATE_BLOCKS[cell] - cifg  # CIFG: f_t = 1 - i_t has no block of its own
    gh = blocks * h  # rows of one stacked weight: all g gate blocks
    if convention == "pytorch":
        arrays = _pytorch_arrays(gh, d_in, h, layers, bias, dirs, p, k)
    else:
        two_biases = cell == "gru" and reset_after
        arrays = _keras_arrays(gh, d_in, h, layers, bias, dirs, two_biases, k)
    return ParamCount(tuple(arrays))


def _pytorch_arrays(
    gh: int, d_in: int, h: int, layers: int, bias: bool, dirs: int, p: int, k: int | None
) -> Iterator[ParamArray]:
    """torch's `_flat_weights_names` order: layer, then direction, then ih, hh, b, hr."""
    h_out = p if p else h  # width of h_t: what weight_hh, the next layer and fc read
    for layer in range(layers):
        width_in = d_in if layer == 0 else h_out * dirs  # directions concatenated
        for direction in range(dirs):
            sfx = f"_l{layer}" + ("_reverse" if direction else "")
            yield ParamArray(f"weight_ih{sfx}", (gh, width_in))  # x_t (D_l,) -> (gH,)
            yield ParamArray(f"weight_hh{sfx}", (gh, h_out))  # h_{t-1} (H_r,) -> (gH,)
            if bias:
                yield ParamArray(f"bias_ih{sfx}", (gh,))
                yield ParamArray(f"bias_hh{sfx}", (gh,))
            if p:
                yield ParamArray(f"weight_hr{sfx}", (p, h))  # o*tanh(c) (H,) -> h_t (p,)
    if k is not None:
        yield ParamArray("fc.weight", (k, h_out * dirs))  # y = W h + b: (K, F) @ (F,)
        if bias:
            yield ParamArray("fc.bias", (k,))


def _keras_arrays(
    gh: int,
    d_in: int,
    h: int,
    layers: int,
    bias: bool,
    dirs: int,
    two_biases: bool,
    k: int | None,
) -> Iterator[ParamArray]:
    """Keras stores kernels input-major: `x @ kernel` with kernel (D_l, gH)."""
    for layer in range(layers):
        width_in = d_in if layer == 0 else h * dirs
        for direction in range(dirs):
            where = f"layer{layer}/" + (("backward/" if direction else "forward/") * (dirs > 1))
            yield ParamArray(f"{where}kernel", (width_in, gh))  # (B, D_l) @ (D_l, gH)
            yield ParamArray(f"{where}recurrent_kernel", (h, gh))  # (B, H) @ (H, gH)
            if bias:
                # reset_after GRU: one bias for x @ kernel, one for h @ recurrent_kernel,
                # because the reset gate multiplies (h @ recurrent_kernel_n + b_n) after the matmul.
                yield ParamArray(f"{where}bias", (2, gh) if two_biases else (gh,))
    if k is not None:
        yield ParamArray("dense/kernel", (h * dirs, k))  # (B, F) @ (F, K)
        if bias:
            yield ParamArray("dense/bias", (k,))
