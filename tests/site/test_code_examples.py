"""Every runnable example on the site is collected: none is lost to a mistyped fence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sybil import Sybil
from sybil.evaluators.python import PythonEvaluator
from sybil.parsers.markdown import PythonCodeBlockParser

from livedocs.counts import read_lock

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

# Doctest examples (one per ">>>" statement) that each page's ```python and ```pycon fences
# yield, as pinned in the generated lock of every page's checks (`python -m livedocs.counts
# --update`): livedocs runs them; Sybil's parsers count them here, independently.
EXPECTED = {k.removeprefix("docs/"): v["doctest"] for k, v in read_lock().items()
            if "doctest" in v}
# Info strings that look like Python but that the parsers below skip silently.
LOOKALIKES = re.compile(r"^\s*(```|~~~)\s*(py|python3|Python|pyodide|\{\.?python[^}]*\})\s*$",
                        re.M)


class SessionParser(PythonCodeBlockParser):
    """Sybil's parser of ```python fences, for ```pycon ones (a Python session: its prompts
    and printed results highlighted as such, and left out of the copy button's text)."""

    def __init__(self) -> None:
        super().__init__()
        self.codeblock_parser = self.codeblock_parser_class("pycon", PythonEvaluator(()))


def yielded(page: Path) -> int:
    sybil = Sybil(parsers=[PythonCodeBlockParser(), SessionParser()], patterns=["*.md"],
                  path=str(DOCS))
    return len(list(sybil.parse(page).examples()))


@pytest.mark.parametrize("page", sorted(DOCS.rglob("*.md")), ids=lambda p: p.name)
def test_each_page_yields_the_committed_number_of_examples(page: Path):
    assert yielded(page) == EXPECTED.get(page.relative_to(DOCS).as_posix(), 0)


@pytest.mark.parametrize("page", sorted(DOCS.rglob("*.md")), ids=lambda p: p.name)
def test_no_fence_looks_like_python_but_is_skipped(page: Path):
    assert not LOOKALIKES.search(page.read_text(encoding="utf-8"))


def test_expected_pages_exist():
    assert all((DOCS / name).exists() for name in EXPECTED)
