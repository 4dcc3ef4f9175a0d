"""unrolled_weights (closed form) vs unrolled_edges (the graph built edge by edge).

The edges are classified here from the node layout alone (which block of ids a node
belongs to, at which step, which unit), so each breakdown field is checked separately, and
the structure (who links to whom) is checked, not just the number of edges.
"""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from rnnnotes.counting import unrolled_edges, unrolled_nodes, unrolled_weights
from rnnnotes.counting.unrolled import MAX_EDGES

# The exercise's givens (answer 1.1 Q1): input 20, hidden 128, output 10.
D, H, K = 20, 128, 10

OPTIONS = list(itertools.product(("per-unit", "full"), (False, True), (False, True)))


def label_nodes(nodes: dict[str, np.ndarray]):
    """Per node id: its kind ("x", "h", "y", "b"), its step and its unit index."""
    n = sum(a.size for a in nodes.values())
    kind, step, unit = np.empty(n, dtype="<U1"), np.empty(n, int), np.empty(n, int)
    for name, ids in nodes.items():
        grid = ids.reshape(ids.shape[0], -1)  # (steps, units); "b" has one unit per step
        kind[grid] = name
        step[grid] = np.arange(grid.shape[0])[:, None] + (0 if name == "h" else 1)
        unit[grid] = np.arange(grid.shape[1])[None, :]
    return kind, step, unit


def check_graph(d, h, k, steps, recurrence, bias, initial_state, outputs="every"):
    count = unrolled_weights(d, h, k, steps, recurrence=recurrence, bias=bias,
                             initial_state=initial_state, outputs=outputs)
    edges = unrolled_edges(d, h, k, steps, recurrence=recurrence, bias=bias,
                           initial_state=initial_state, outputs=outputs)
    assert edges.ndim == 2 and edges.shape[1] == 2 and edges.dtype == np.int64
    assert len(edges) == count.total
    assert len(np.unique(edges, axis=0)) == len(edges), "an edge appears twice"

    nodes = unrolled_nodes(d, h, k, steps, bias=bias, outputs=outputs)
    kind, step, unit = label_nodes(nodes)
    if outputs == "last":  # the one output row belongs to the last step
        step[nodes["y"]] = steps
    src, dst = edges[:, 0], edges[:, 1]
    pair = np.char.add(kind[src], kind[dst])
    by_kind = {p: int(n) for p, n in zip(*np.unique(pair, return_counts=True), strict=True)}
    assert by_kind.pop("xh", 0) == count.input_to_hidden
    assert by_kind.pop("hh", 0) == count.hidden_to_hidden
    assert by_kind.pop("hy", 0) == count.hidden_to_output
    assert by_kind.pop("bh", 0) + by_kind.pop("by", 0) == count.biases
    assert by_kind == {}, f"unexpected edge kinds {by_kind}"

    recurrent = pair == "hh"
    same_step = ~recurrent
    assert np.all(step[dst][same_step] == step[src][same_step])  # x_t->h_t, h_t->y_t, b_t->.
    assert np.all(step[dst][recurrent] == step[src][recurrent] + 1)  # h_{t-1} -> h_t
    first_linked = 0 if initial_state else 1  # is h_0 -> h_1 there?
    assert np.all(step[src][recurrent] >= first_linked)
    if recurrence == "per-unit":
        assert np.all(unit[src][recurrent] == unit[dst][recurrent])
    return count, edges


@pytest.mark.parametrize("recurrence,bias,initial_state", OPTIONS)
@pytest.mark.parametrize("seed", range(6))
def test_closed_form_equals_materialised_graph_random_sizes(seed, recurrence, bias, initial_state):
    rng = random.Random(seed)
    d, h, k, steps = (rng.randint(1, 9) for _ in range(4))
    check_graph(d, h, k, steps, recurrence, bias, initial_state)


@pytest.mark.parametrize("recurrence,bias,initial_state", OPTIONS)
@pytest.mark.parametrize("seed", range(4))
def test_many_to_one_graph_has_one_output_layer(seed, recurrence, bias, initial_state):
    rng = random.Random(100 + seed)
    d, h, k, steps = (rng.randint(1, 9) for _ in range(4))
    count, edges = check_graph(d, h, k, steps, recurrence, bias, initial_state, "last")
    every = unrolled_weights(d, h, k, steps, recurrence=recurrence, bias=bias,
                             initial_state=initial_state)
    # Only the T - 1 output layers of the other steps (and their biases) are gone.
    assert every.total - count.total == (steps - 1) * (h * k + (k if bias else 0))


@pytest.mark.parametrize("recurrence,bias,initial_state", OPTIONS)
@pytest.mark.parametrize("steps", [1, 5, 10])
def test_exercise_sizes_materialised(steps, recurrence, bias, initial_state):
    """The exercise's network, up to T=10 with the full 128 x 128 recurrence (~200k edges)."""
    check_graph(D, H, K, steps, recurrence, bias, initial_state)


def test_students_formulas_are_the_per_unit_count():
    """Answer 1.1 Q1: (20*128 + 128*10)*5 + 128*4 and (20*128 + 128*10)*10 + 128*9."""
    student = {5: (D * H + H * K) * 5 + H * 4, 10: (D * H + H * K) * 10 + H * 9}
    for steps, formula in student.items():
        count = unrolled_weights(D, H, K, steps=steps, recurrence="per-unit")
        assert count.total == formula
        assert len(unrolled_edges(D, H, K, steps, recurrence="per-unit")) == formula
        # ... and not the standard Elman count, which has H*H weights per transition.
        assert unrolled_weights(D, H, K, steps, recurrence="full").total != formula


@pytest.mark.parametrize("recurrence,bias,initial_state", OPTIONS)
def test_each_extra_step_adds_one_steps_worth(recurrence, bias, initial_state):
    """T -> T+1 adds D*H + H*K + R (+ H + K biases), R = H or H*H: edges measured twice."""
    r = H if recurrence == "per-unit" else H * H
    per_step = D * H + H * K + r + (H + K if bias else 0)
    kw = dict(recurrence=recurrence, bias=bias, initial_state=initial_state)
    for steps in range(1, 8):
        grow = unrolled_weights(D, H, K, steps + 1, **kw).total
        assert grow - unrolled_weights(D, H, K, steps, **kw).total == per_step
    small = dict(input_size=3, hidden_size=4, output_size=2)
    a = len(unrolled_edges(**small, steps=3, **kw))
    b = len(unrolled_edges(**small, steps=4, **kw))
    assert b - a == 3 * 4 + 4 * 2 + (4 if recurrence == "per-unit" else 16) + (6 if bias else 0)


def test_count_record_echoes_its_inputs():
    c = unrolled_weights(D, H, K, steps=5, recurrence="full", bias=True, initial_state=True)
    assert (c.input_size, c.hidden_size, c.output_size, c.steps) == (D, H, K, 5)
    assert (c.recurrence, c.bias, c.initial_state, c.transitions) == ("full", True, True, 5)
    parts = c.input_to_hidden + c.hidden_to_hidden + c.hidden_to_output + c.biases
    assert int(c) == c.total == parts
    with pytest.raises(AttributeError):
        c.total = 0  # frozen


def test_single_step_has_no_recurrent_edges_without_h0():
    c, edges = check_graph(2, 3, 1, 1, "full", False, False)
    assert c.transitions == 0 and c.hidden_to_hidden == 0
    assert len(edges) == 2 * 3 + 3 * 1


def test_node_layout_is_consecutive_and_disjoint():
    nodes = unrolled_nodes(2, 3, 4, 5, bias=True)
    assert [(k, v.shape) for k, v in nodes.items()] == [
        ("x", (5, 2)),
        ("h", (6, 3)),
        ("y", (5, 4)),
        ("b", (5,)),
    ]
    ids = np.concatenate([v.ravel() for v in nodes.values()])
    assert np.array_equal(ids, np.arange(ids.size))
    assert "b" not in unrolled_nodes(2, 3, 4, 5)


def test_too_large_a_graph_is_refused_with_a_clear_message():
    side = int(np.sqrt(MAX_EDGES)) + 1  # hidden->hidden alone would exceed the cap
    with pytest.raises(ValueError, match="MAX_EDGES.*unrolled_weights"):
        unrolled_edges(1, side, 1, 2, recurrence="full")
    assert unrolled_weights(1, side, 1, 2, recurrence="full").total > MAX_EDGES
