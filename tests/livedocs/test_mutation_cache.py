"""The sampled mutation run's results kept between runs (test_mutation.remembered): reused
under the same key only, and never stored when the check read a file its key misses."""

from __future__ import annotations

import pytest

from livedocs.cache import BuildCache
from tests.livedocs import test_mutation as tm

PAGE = "docs/conventions.md"


@pytest.fixture
def results(tmp_path, monkeypatch):
    """remembered() with its own empty cache folder, the cache on and a sampled run; the
    list of pages survivors() was asked for."""
    monkeypatch.delenv("RNNNOTES_NO_CACHE", raising=False)
    monkeypatch.delenv("RNNNOTES_CACHE_DIR", raising=False)
    monkeypatch.setattr(tm, "FULL", False)
    monkeypatch.setattr(tm, "RESULTS", BuildCache(tm.ROOT, tm.KEYED, tmp_path / "cache"))
    asked: list[str] = []

    def survivors(page):
        asked.append(page)
        return len(asked), [f"{page}:1: 7"], []

    monkeypatch.setattr(tm, "survivors", survivors)
    return asked


def test_a_result_is_reused_under_the_same_key_only(results, monkeypatch):
    first = tm.remembered(PAGE)
    assert tm.remembered(PAGE) == first and results == [PAGE]  # from the cache
    monkeypatch.setattr(tm.RESULTS, "code_digest", lambda: "another code digest")
    assert tm.remembered(PAGE) != first and results == [PAGE, PAGE]  # checked again


def test_the_cache_is_off_with_rnnnotes_no_cache_and_for_the_full_run(results, monkeypatch):
    tm.remembered(PAGE)
    monkeypatch.setenv("RNNNOTES_NO_CACHE", "1")
    tm.remembered(PAGE)
    monkeypatch.delenv("RNNNOTES_NO_CACHE")
    monkeypatch.setattr(tm, "FULL", True)
    tm.remembered(PAGE)
    assert results == [PAGE] * 3


def test_a_read_outside_the_key_stores_nothing(results, monkeypatch, tmp_path):
    outside = tmp_path / "input.txt"
    outside.write_text("an input no key covers")
    survivors = tm.survivors

    def reading(page):
        outside.read_text()
        return survivors(page)

    monkeypatch.setattr(tm, "survivors", reading)
    tm.remembered(PAGE)
    tm.remembered(PAGE)
    assert results == [PAGE, PAGE]


def test_what_is_keyed(tmp_path):
    assert tm.keyed(str(tm.ROOT / PAGE)) and tm.keyed(str(tm.ROOT / "uv.lock"))
    assert tm.keyed(str(tm.ROOT / "tests/fixtures/torch_nn.npz"))
    assert tm.keyed(str(tmp_path / "no such file"))  # nothing was read
    assert not tm.keyed(str(tm.ROOT / "README.md"))
    (tmp_path / "elsewhere.txt").write_text("x")
    assert not tm.keyed(str(tmp_path / "elsewhere.txt"))
