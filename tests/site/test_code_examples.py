"""Every runnable example on the site is collected: none is lost to a mistyped fence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

# Doctest examples (one per ">>>" statement) that each page's ```python fences yield.
EXPECTED = {
    "task-1-1/q2-parameters-over-time.md": 18,
    "task-2-1/q2-forget-gate-zero.md": 15,
    "task-2-1/q5-bidirectional.md": 12,
}
# Info strings that look like Python but that Sybil's PythonCodeBlockParser skips silently.
LOOKALIKES = re.compile(r"^\s*(```|~~~)\s*(py|pycon|python3|Python|pyodide|\{\.?python[^}]*\})\s*$",
                        re.M)


def yielded(page: Path) -> int:
    sybil = Sybil(parsers=[PythonCodeBlockParser()], patterns=["*.md"], path=str(DOCS))
    return len(list(sybil.parse(page).examples()))


@pytest.mark.parametrize("page", sorted(DOCS.rglob("*.md")), ids=lambda p: p.name)
def test_each_page_yields_the_committed_number_of_examples(page: Path):
    assert yielded(page) == EXPECTED.get(page.relative_to(DOCS).as_posix(), 0)


@pytest.mark.parametrize("page", sorted(DOCS.rglob("*.md")), ids=lambda p: p.name)
def test_no_fence_looks_like_python_but_is_skipped(page: Path):
    assert not LOOKALIKES.search(page.read_text(encoding="utf-8"))


def test_expected_pages_exist():
    assert all((DOCS / name).exists() for name in EXPECTED)
