"""Task 1.1's figures plot what the package computes: checked against independent sums."""

from __future__ import annotations

import numpy as np
import pytest

from rnnnotes.counting import unrolled_edges
from rnnnotes.figures import bptt_contributions, unrolled_graph

D, H, K, T = 2, 3, 1, 3  # the graph drawn for Q1


@pytest.fixture(scope="module")
def graph():
    return unrolled_graph("light").data


def test_graph_size_is_the_one_to_count_by_hand(graph) -> None:
    assert (graph.input_size, graph.hidden_size, graph.output_size, graph.steps) == (D, H, K, T)


@pytest.mark.parametrize(
    ("recurrence", "recurrent_per_transition"), [("per-unit", H), ("full", H * H)]
)
def test_graph_counts_are_the_hand_counts(graph, recurrence, recurrent_per_transition) -> None:
    # By hand: D*H input links and H*K output links per step; the recurrent links between
    # consecutive steps, of which there are T - 1 (h_0 is not linked in).
    expected = {
        "input_to_hidden": T * D * H,
        "hidden_to_hidden": (T - 1) * recurrent_per_transition,
        "hidden_to_output": T * H * K,
    }
    assert graph.drawn[recurrence] == expected
    assert graph.counts[recurrence].total == sum(expected.values())
    assert len(graph.edges[recurrence]) == sum(expected.values())


@pytest.mark.parametrize("recurrence", ["per-unit", "full"])
def test_graph_draws_exactly_the_edges_of_unrolled_edges(graph, recurrence) -> None:
    np.testing.assert_array_equal(graph.edges[recurrence],
                                  unrolled_edges(D, H, K, T, recurrence=recurrence))


def test_graph_edge_kinds_follow_the_node_layout(graph) -> None:
    x, h, y = (set(graph.nodes[k].ravel().tolist()) for k in ("x", "h", "y"))
    for r in ("per-unit", "full"):
        for (src, dst), kind in zip(graph.edges[r].tolist(), graph.kinds[r], strict=True):
            expected = ("input_to_hidden" if src in x and dst in h
                        else "hidden_to_hidden" if src in h and dst in h
                        else "hidden_to_output" if src in h and dst in y else None)
            assert kind == expected


def test_graph_per_unit_links_each_unit_to_itself(graph) -> None:
    h = graph.nodes["h"]  # (T + 1, H): row t = step t
    rec = graph.edges["per-unit"][graph.kinds["per-unit"] == "hidden_to_hidden"]
    links = {(int(s), int(d)) for s, d in rec}
    assert links == {(int(h[t - 1, j]), int(h[t, j])) for t in range(2, T + 1) for j in range(H)}


def test_graph_data_cannot_be_changed(graph) -> None:
    with pytest.raises(ValueError, match="read-only"):
        graph.edges["full"][0, 0] = 0


# ---------------------------------------------------------------- Q2: the terms of BPTT


def bptt_by_hand(data):
    """delta_t h_{t-1}^T for t = 1..T, by the textbook recursion, from the model's weights.

    h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh), output_t = h_t, dL/doutput_t = g_t:
    delta_T = (1 - h_T^2) g_T,  delta_t = (1 - h_t^2) (g_t + W_hh^T delta_{t+1}).
    """
    import rnnnotes

    rng = np.random.default_rng(data.data_seed)
    x = rng.standard_normal((data.steps, 1, data.input_size))[:, 0]  # (T, D)
    g = rng.standard_normal((data.steps, 1, data.hidden_size))[:, 0]  # (T, H)
    sd = rnnnotes.RNN(data.input_size, data.hidden_size, seed=data.model_seed).state_dict()
    W_ih, W_hh = sd["weight_ih_l0"], sd["weight_hh_l0"]
    b = sd["bias_ih_l0"] + sd["bias_hh_l0"]
    h = np.zeros((data.steps + 1, data.hidden_size))  # h[0] = h_0 = 0
    for t in range(1, data.steps + 1):
        h[t] = np.tanh(W_ih @ x[t - 1] + W_hh @ h[t - 1] + b)
    terms, delta_next = [], np.zeros(data.hidden_size)
    for t in range(data.steps, 0, -1):
        delta = (1.0 - h[t] ** 2) * (g[t - 1] + W_hh.T @ delta_next)
        terms.append(np.outer(delta, h[t - 1]))
        delta_next = delta
    return np.array(terms[::-1])  # (T, H, H)


@pytest.fixture(scope="module")
def bptt():
    return bptt_contributions("dark").data


def test_bptt_is_the_q2_example(bptt) -> None:
    assert (bptt.input_size, bptt.hidden_size, bptt.steps) == (20, 128, 5)
    assert (bptt.data_seed, bptt.model_seed) == (0, 1)  # as the page's doctest


def test_bptt_terms_are_the_textbook_recursion(bptt) -> None:
    by_hand = bptt_by_hand(bptt)
    np.testing.assert_allclose(bptt.terms, by_hand, rtol=1e-12, atol=1e-13)
    np.testing.assert_allclose(bptt.norms, np.linalg.norm(by_hand, axis=(1, 2)), rtol=1e-12)


def test_bptt_terms_add_up_to_the_gradient(bptt) -> None:
    np.testing.assert_allclose(bptt.terms.sum(axis=0), bptt.total, rtol=1e-12, atol=1e-13)


def test_bptt_first_term_is_zero_and_no_other(bptt) -> None:
    assert bptt.norms[0] == 0.0  # h_0 = 0
    assert np.all(bptt.norms[1:] > 0.1 * bptt.norms.max())


def test_bptt_bars_are_the_norms(bptt) -> None:
    fig, data = bptt_contributions("light")
    heights = [bar.get_height() for bar in fig.axes[0].patches]
    np.testing.assert_array_equal(heights, data.norms)
