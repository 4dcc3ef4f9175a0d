"""clip_grad_norm against a direct computation over the concatenated gradient vector, and
against torch.nn.utils.clip_grad_norm_'s documented rule,
grad * min(max_norm / (total_norm + 1e-6), 1)."""

import numpy as np
import pytest

import rnnnotes
from rnnnotes.gradflow import clip_grad_norm


def grads(seed=0, scale=1.0):
    rng = np.random.default_rng(seed)
    return {"w": rng.standard_normal((3, 4)) * scale, "b": rng.standard_normal(4) * scale,
            "s": np.array(2.0 * scale)}


@pytest.mark.parametrize("max_norm", [0.1, 1.0, 3.0, 100.0])
def test_clipping_equals_the_direct_computation(max_norm):
    g = grads(1)
    flat = np.concatenate([np.ravel(a) for a in g.values()])  # the one vector g
    norm = np.linalg.norm(flat)
    clipped, total = clip_grad_norm(g, max_norm)
    assert total == pytest.approx(norm, rel=1e-15)
    factor = max_norm / (norm + 1e-6) if norm + 1e-6 > max_norm else 1.0  # torch's rule
    assert list(clipped) == list(g)  # same keys, same order
    for k in g:
        np.testing.assert_allclose(clipped[k], g[k] * factor, rtol=1e-15)
    new = np.linalg.norm(np.concatenate([np.ravel(a) for a in clipped.values()]))
    assert new <= max_norm  # the point of it
    if norm > max_norm:  # and the direction is kept
        assert new == pytest.approx(max_norm * norm / (norm + 1e-6), rel=1e-14)


def test_below_the_threshold_nothing_changes_and_nothing_is_shared():
    g = grads(2)
    clipped, total = clip_grad_norm(g, 1e6)
    for k in g:
        np.testing.assert_array_equal(clipped[k], g[k])
        assert not np.shares_memory(clipped[k], g[k])  # no aliasing: the input is untouched


def test_the_epsilon_scales_a_norm_just_below_max_norm():
    # torch divides by total_norm + 1e-6: a norm 1e-7 below max_norm is still scaled
    g = [np.array([3.0, 4.0])]  # norm 5
    clipped, total = clip_grad_norm(g, 5.0 + 1e-7)
    assert total == 5.0
    np.testing.assert_allclose(clipped[0], g[0] * (5.0 + 1e-7) / (5.0 + 1e-6), rtol=1e-15)
    assert clipped[0][0] < 3.0


def test_a_sequence_comes_back_as_a_list_and_dtypes_are_kept():
    g = [np.ones(3, dtype=np.float32) * 10, np.arange(4)]  # an int array becomes float64
    clipped, total = clip_grad_norm(g, 1.0)
    assert isinstance(clipped, list)
    assert clipped[0].dtype == np.float32 and clipped[1].dtype == np.float64
    assert total == pytest.approx(np.sqrt(300 + 14))


def test_clips_a_models_grads():
    m = rnnnotes.LSTM(2, 3)
    m(np.ones((5, 2)))
    m.backward(np.ones((5, 3)) * 100)
    clipped, total = clip_grad_norm(m.grads, 1.0)
    assert total > 1.0
    assert np.sqrt(sum(np.sum(a**2) for a in clipped.values())) == pytest.approx(1.0, rel=1e-5)
    assert set(clipped) == set(m.state_dict())


@pytest.mark.parametrize(
    ("call", "exc", "words"),
    [
        (lambda: clip_grad_norm(grads(), 0.0), ValueError, "max_norm must be a finite number > 0"),
        (lambda: clip_grad_norm(grads(), -1.0), ValueError, "got -1.0"),
        (lambda: clip_grad_norm(grads(), "1"), TypeError, "max_norm must be a real number"),
        (lambda: clip_grad_norm(grads(), float("inf")), ValueError, "got inf"),
        (lambda: clip_grad_norm([], 1.0), ValueError, "grads must hold at least one array"),
        (lambda: clip_grad_norm(np.ones(3), 1.0), TypeError, "got ndarray"),
        (lambda: clip_grad_norm({"w": np.array([1.0, np.nan])}, 1.0), ValueError,
         "grads['w'] must be finite, got 1 non-finite"),
        (lambda: clip_grad_norm([np.ones(2), np.array(["a"])], 1.0), TypeError,
         "grads[1] must be a real numeric array, got dtype <U1"),
    ],
)
def test_bad_input_is_named(call, exc, words):
    with pytest.raises(exc) as info:
        call()
    assert words in str(info.value)
