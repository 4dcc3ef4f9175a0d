"""Every page yields the number of checks pinned in the lock file, so none can silently
drop out; the lock is generated (``uv run python -m livedocs.counts --update``) and this
test shows its difference from what the pages yield now."""

from __future__ import annotations

import json

import pytest
from sybil import Sybil

from livedocs import counts
from livedocs.render import ROOT
from livedocs.sybil_parser import LiveNumberParser

SOURCES = counts.sources()
LOCKED = counts.read_lock()


@pytest.mark.parametrize("page", sorted(set(SOURCES) | set(LOCKED)))
def test_page_yields_the_pinned_number_of_checks(page: str) -> None:
    found = {page: counts.count(page, SOURCES[page])} if page in SOURCES else {}
    locked = {page: LOCKED[page]} if page in LOCKED else {}
    assert found == locked, (f"{page}: the checks differ from the lock; if you meant it, run "
                             f"`{counts.COMMAND}`\n" + counts.diff(locked, found))


def test_the_lock_file_is_generated() -> None:
    text = counts.LOCK.read_text(encoding="utf-8")
    assert text == counts.dumps(json.loads(text)["pages"])


def test_a_difference_is_shown_with_the_command() -> None:
    shown = counts.diff({"docs/a.md": {"live": 3}}, {"docs/a.md": {"live": 2}})
    assert '-  "docs/a.md": {"live": 3}' in shown and '+  "docs/a.md": {"live": 2}' in shown


@pytest.mark.parametrize("page", [p for p, fn in SOURCES.items() if fn is None])
def test_sybil_collects_every_check(page: str) -> None:
    sybil = Sybil(parsers=[LiveNumberParser(root=ROOT)], patterns=["*.md"],
                  path=str(ROOT / "docs"))
    examples = list(sybil.parse(ROOT / page).examples())
    kinds = sorted(k for e in examples for k in e.parsed.kinds)
    assert kinds == sorted(k for k, n in LOCKED[page].items() for _ in range(n))


def test_a_notebook_outside_a_task_folder_is_a_checked_source(tmp_path) -> None:
    (tmp_path / "docs" / "extra").mkdir(parents=True)
    (tmp_path / "docs" / "extra" / "notebook.py").write_text("# %%\nH = 1\n")
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    found = counts.sources(tmp_path, ROOT / "mkdocs.yml")
    assert found["docs/extra/notebook.py"] is not None
