"""The adding-problem generator against its definition, checked on the arrays themselves."""

import numpy as np
import pytest

from rnnnotes.train import ADDING_VARIANCE, adding_problem


@pytest.mark.parametrize("T", [4, 5, 16, 50])
def test_two_markers_in_the_first_half_and_the_target_is_their_sum(T):
    x, y = adding_problem(500, T, seed=1)
    assert x.shape == (T, 500, 2) and y.shape == (500,)
    values, markers = x[..., 0], x[..., 1]
    assert np.all((values >= -1) & (values < 1))
    assert set(np.unique(markers)) == {0.0, 1.0}
    np.testing.assert_array_equal(markers.sum(axis=0), 2)  # exactly two per sequence
    first = np.argmax(markers, axis=0)  # the earlier of the two
    second = T - 1 - np.argmax(markers[::-1], axis=0)
    assert np.all(second < T // 2)  # both within the first T/2 - 1 unmarked steps
    assert np.all(first < min(10, T // 2 - 1))
    np.testing.assert_allclose(y, np.sum(values * markers, axis=0), rtol=1e-15)


def test_marker_positions_follow_the_1997_rule():
    # p1 uniform over the first 10 steps; p2 over the first T/2 - 1 steps left unmarked
    T = 40
    x, _ = adding_problem(20000, T, seed=2)
    pos = [np.flatnonzero(x[:, b, 1]) for b in range(200)]
    assert all(p.size == 2 for p in pos)
    marked = x[..., 1].sum(axis=1)  # (T,) how often each step is marked
    assert np.all(marked[T // 2 :] == 0)
    assert np.all(marked[: T // 2] > 0)
    # steps 10 .. T/2 - 1 can only hold p2: about 20000 / (T/2 - 1) each
    np.testing.assert_allclose(marked[10 : T // 2], 20000 / (T // 2 - 1), rtol=0.1)


def test_variance_of_the_target_is_two_thirds():
    _, y = adding_problem(200000, 10, seed=3)
    assert ADDING_VARIANCE == pytest.approx(2 / 3)
    assert np.var(y) == pytest.approx(ADDING_VARIANCE, rel=0.02)
    assert np.mean(y) == pytest.approx(0.0, abs=0.01)


def test_seeded_and_fresh_from_a_generator():
    a, b = adding_problem(8, 12, seed=5), adding_problem(8, 12, seed=5)
    np.testing.assert_array_equal(a[0], b[0])
    rng = np.random.default_rng(5)
    first, second = adding_problem(8, 12, rng), adding_problem(8, 12, rng)
    np.testing.assert_array_equal(first[0], a[0])  # the same stream as seed=5
    assert np.abs(first[0] - second[0]).max() > 0.1  # and then a fresh batch


@pytest.mark.parametrize(
    ("call", "exc", "words"),
    [
        (lambda: adding_problem(0, 10), ValueError, "batch must be an int >= 1, got 0"),
        (lambda: adding_problem(4, 3), ValueError, "steps must be an int >= 4, got 3"),
        (lambda: adding_problem(4, 10.0), ValueError, "steps must be an int >= 4, got 10.0"),
        (lambda: adding_problem(4, 10, seed=-1), TypeError, "seed must be an int >= 0"),
    ],
)
def test_bad_input_is_named(call, exc, words):
    with pytest.raises(exc) as info:
        call()
    assert words in str(info.value)
