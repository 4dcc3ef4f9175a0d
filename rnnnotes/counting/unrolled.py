r"""Weight *uses* in an Elman RNN unrolled over $T$ time steps.

The network: input $x_t$ ($D$ units), hidden $h_t$ ($H$ units), output $y_t$ ($K$ units)
at every step $t = 1, \dots, T$ (`outputs="every"`, many-to-many) or at the last step only
(`outputs="last"`, many-to-one), the biases only with `bias=True`:

$$
\begin{split}
h_t &= \phi(W_{ih} x_t + W_{hh} h_{t-1} + b_h) \\
y_t &= W_{hy} h_t + b_y
\end{split}
$$

Drawn as a feed-forward graph over $T$ steps, every scalar weight becomes one edge per step
in which it is used. That number grows with $T$; the number of unique parameters
([`count_parameters`][rnnnotes.counting.count_parameters]) does not.

Edges counted, with $T'$ (`transitions`) hidden → hidden links between consecutive steps:
$T' = T - 1$, or $T' = T$ when the initial state $h_0$ links into step 1:

| edges | count | note |
|---|---|---|
| input → hidden | $T D H$ | $W_{ih}$ at every step |
| hidden → hidden, `"per-unit"` | $T' H$ | $h_{t,j}$ feeds $h_{t+1,j}$ only |
| hidden → hidden, `"full"` | $T' H^2$ | the usual $H \times H$ matrix $W_{hh}$ |
| hidden → output | $T H K$, or $H K$ with `outputs="last"` | $W_{hy}$ at every output step |
| biases | $T H + T K$ (or $+ K$) | only with `bias=True`: one per unit per step |

[`unrolled_weights`][rnnnotes.counting.unrolled_weights] is that closed form;
[`unrolled_edges`][rnnnotes.counting.unrolled_edges] builds the edges one by one from the
node layout of [`unrolled_nodes`][rnnnotes.counting.unrolled_nodes], so the two can check
each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from rnnnotes.counting._checks import choice, flag, positive_int

RECURRENCES = ("per-unit", "full")
OUTPUTS = ("every", "last")
# An (E, 2) int64 array of this many edges takes 16 bytes each: 5M edges = 80 MB.
MAX_EDGES = 5_000_000


@dataclass(frozen=True)
class UnrolledCount:
    r"""Edges of the unrolled graph by kind, with the arguments that produced them.

    `int(count)` is the total. The arguments come back as fields of the same names
    (`input_size` $D$, `hidden_size` $H$, `output_size` $K$, `steps` $T$, `recurrence`,
    `bias`, `initial_state`, `outputs`); the counts are:

    :ivar transitions: $T'$, the hidden → hidden links between consecutive steps: $T - 1$,
        or $T$ if the initial state $h_0$ is linked.
    :ivar input_to_hidden: $T D H$.
    :ivar hidden_to_hidden: $T' H$ (per-unit) or $T' H^2$ (full).
    :ivar hidden_to_output: $T H K$, or $H K$ with `outputs="last"`.
    :ivar biases: $T H + T K$ (or $T H + K$ with `outputs="last"`) with `bias=True`, else 0.
    :ivar total: the sum of the four.
    """

    input_size: int
    hidden_size: int
    output_size: int
    steps: int
    recurrence: str
    bias: bool
    initial_state: bool
    transitions: int  # hidden->hidden links between consecutive steps
    input_to_hidden: int
    hidden_to_hidden: int
    hidden_to_output: int
    biases: int
    outputs: str = "every"
    total: int = field(init=False)

    def __post_init__(self) -> None:
        parts = (self.input_to_hidden, self.hidden_to_hidden, self.hidden_to_output, self.biases)
        object.__setattr__(self, "total", sum(parts))

    def __int__(self) -> int:
        return self.total


def _checked(
    input_size: object,
    hidden_size: object,
    output_size: object,
    steps: object,
    recurrence: object,
    bias: object,
    initial_state: object,
    outputs: object = "every",
) -> tuple[int, int, int, int, str, bool, bool, str]:
    return (
        positive_int("input_size", input_size),
        positive_int("hidden_size", hidden_size),
        positive_int("output_size", output_size),
        positive_int("steps", steps),
        choice("recurrence", recurrence, RECURRENCES),
        flag("bias", bias),
        flag("initial_state", initial_state),
        choice("outputs", outputs, OUTPUTS),
    )


def unrolled_weights(
    input_size: int,
    hidden_size: int,
    output_size: int,
    steps: int,
    *,
    recurrence: str = "full",
    bias: bool = False,
    initial_state: bool = False,
    outputs: str = "every",
) -> UnrolledCount:
    r"""Closed-form count of weight uses in the graph unrolled over `steps` steps.

    With the defaults (the full recurrent matrix of a standard Elman RNN, no biases, $h_0$
    not linked, an output at every step) this is $(DH + HK)\,T + H^2\,(T - 1)$; with
    `recurrence="per-unit"` (each hidden unit feeds only itself) $(DH + HK)\,T + H\,(T - 1)$.
    [The module docstring][rnnnotes.counting.unrolled] has every term.
    """
    d, h, k, t, recurrence, bias, initial_state, outputs = _checked(
        input_size, hidden_size, output_size, steps, recurrence, bias, initial_state, outputs
    )
    out_steps = t if outputs == "every" else 1
    transitions = t if initial_state else t - 1
    per_transition = h if recurrence == "per-unit" else h * h
    return UnrolledCount(
        input_size=d,
        hidden_size=h,
        output_size=k,
        steps=t,
        recurrence=recurrence,
        bias=bias,
        initial_state=initial_state,
        transitions=transitions,
        input_to_hidden=t * d * h,
        hidden_to_hidden=transitions * per_transition,
        hidden_to_output=out_steps * h * k,
        biases=t * h + out_steps * k if bias else 0,
        outputs=outputs,
    )


def unrolled_nodes(
    input_size: int,
    hidden_size: int,
    output_size: int,
    steps: int,
    *,
    bias: bool = False,
    outputs: str = "every",
) -> dict[str, np.ndarray]:
    """Node ids of the unrolled graph, numbered consecutively in this order.

    `"x"` `(T, D)`: $x_{t,i}$ at `[t-1, i]`; `"h"` `(T+1, H)`: $h_{t,j}$ at `[t, j]`, row 0
    being the initial state $h_0$ (a node whether or not it is linked); `"y"` `(T, K)`, or
    `(1, K)` for the last step only with `outputs="last"`; `"b"` `(T,)`: one constant bias
    node per step, present only if `bias`.
    """
    d = positive_int("input_size", input_size)
    h = positive_int("hidden_size", hidden_size)
    k = positive_int("output_size", output_size)
    t = positive_int("steps", steps)
    bias = flag("bias", bias)
    outputs = choice("outputs", outputs, OUTPUTS)
    y_rows = t if outputs == "every" else 1
    shapes = {"x": (t, d), "h": (t + 1, h), "y": (y_rows, k)} | ({"b": (t,)} if bias else {})
    nodes, start = {}, 0
    for name, shape in shapes.items():
        size = int(np.prod(shape))
        nodes[name] = np.arange(start, start + size, dtype=np.int64).reshape(shape)
        start += size
    return nodes


def _all_pairs(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Every (src[n, a], dst[n, b]) pair, per leading index n: (N, A) x (N, B) -> (N*A*B, 2)."""
    n, a = src.shape
    b = dst.shape[1]
    s = np.broadcast_to(src[:, :, None], (n, a, b))  # (N, A, B): source repeated along B
    e = np.broadcast_to(dst[:, None, :], (n, a, b))  # (N, A, B): target repeated along A
    return np.stack([s.reshape(-1), e.reshape(-1)], axis=1)  # (N*A*B, 2)


def unrolled_edges(
    input_size: int,
    hidden_size: int,
    output_size: int,
    steps: int,
    *,
    recurrence: str = "full",
    bias: bool = False,
    initial_state: bool = False,
    outputs: str = "every",
) -> np.ndarray:
    """The unrolled graph's edges as an `(E, 2)` int64 array of (source, target) node ids.

    Built link by link from the layout of [`unrolled_nodes`][rnnnotes.counting.unrolled_nodes]
    (not from the closed form), so `len(unrolled_edges(...)) == unrolled_weights(...).total`
    is a real check. Refuses graphs above `MAX_EDGES` edges rather than exhausting memory.
    """
    d, h, k, t, recurrence, bias, initial_state, outputs = _checked(
        input_size, hidden_size, output_size, steps, recurrence, bias, initial_state, outputs
    )
    # Upper bound from the node counts alone (every possible link kind, full recurrence).
    bound = t * (d * h + h * h + h * k + h + k)
    if bound > MAX_EDGES:
        raise ValueError(
            f"unrolled_edges would build up to {bound:,} edges (> MAX_EDGES={MAX_EDGES:,}) for "
            f"input_size={d}, hidden_size={h}, output_size={k}, steps={t}; "
            "use unrolled_weights for the count"
        )
    nodes = unrolled_nodes(d, h, k, t, bias=bias, outputs=outputs)
    x, hid, y = nodes["x"], nodes["h"], nodes["y"]  # (T, D), (T+1, H), (T or 1, K)
    out_hid = hid[1:] if outputs == "every" else hid[t:]  # the h_t that feed an output
    parts = [
        _all_pairs(x, hid[1:]),  # x_t -> h_t, all D*H pairs per step
        _all_pairs(out_hid, y),  # h_t -> y_t, all H*K pairs per output step
    ]
    # h_{t-1} -> h_t for t = first..T; h_0 -> h_1 only if the initial state is linked.
    first = 1 if initial_state else 2
    prev, nxt = hid[first - 1 : t], hid[first : t + 1]  # (transitions, H) each
    if recurrence == "per-unit":
        parts.append(np.stack([prev.reshape(-1), nxt.reshape(-1)], axis=1))  # j -> j only
    else:
        parts.append(_all_pairs(prev, nxt))  # every i -> every j
    if bias:
        b = nodes["b"][:, None]  # (T, 1): the step's bias node
        parts += [_all_pairs(b, hid[1:]), _all_pairs(b[-len(y):], y)]
    return np.concatenate(parts, axis=0).astype(np.int64, copy=False)
