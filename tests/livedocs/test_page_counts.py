"""Every page yields the number of checks we committed to, so none can silently drop out.

``EXPECTED`` maps each ``docs/**/*.md`` page to its checks per kind.  When you add or
change a page, update its entry by hand to what you *meant* to write (count the markers
and the tied equations), then run the tests; ``uv run python tests/livedocs/test_page_counts.py``
prints the current counts to compare against.  A page missing here, or an entry without
a page, fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sybil import Sybil

from livedocs.numbers import check_page
from livedocs.sybil_parser import LiveNumberParser

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

EXPECTED: dict[str, dict[str, int]] = {
    "docs/api.md": {"audit": 1},
    "docs/calculator/index.md": {"audit": 1},
    "docs/cli.md": {"setup": 1, "audit": 1},
    "docs/conventions.md": {"setup": 1, "live": 15, "audit": 1},
    "docs/index.md": {"setup": 1, "audit": 1},
    "docs/references.md": {"setup": 1, "audit": 1},
    "docs/task-1-1/q1-unrolled-weights.md": {"setup": 1, "live": 12, "equation": 6, "audit": 1},
    "docs/task-1-1/q2-parameters-over-time.md": {"setup": 1, "live": 12, "audit": 1},
}


def pages() -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for p in DOCS.rglob("*.md"))


def counts(page: str) -> dict[str, int]:
    return check_page((ROOT / page).read_text(encoding="utf-8"), page).counts()


@pytest.mark.parametrize("page", sorted(set(pages()) | set(EXPECTED)))
def test_page_yields_the_committed_number_of_checks(page: str) -> None:
    assert page in EXPECTED, f"{page}: new page; add it to EXPECTED with {counts(page)}"
    assert (ROOT / page).exists(), f"{page}: in EXPECTED but there is no such page"
    assert counts(page) == EXPECTED[page]


@pytest.mark.parametrize("page", pages())
def test_sybil_collects_one_example_per_core_check(page: str) -> None:
    sybil = Sybil(parsers=[LiveNumberParser(root=ROOT)], patterns=["*.md"], path=str(DOCS))
    examples = list(sybil.parse(ROOT / page).examples())
    report = check_page((ROOT / page).read_text(encoding="utf-8"), page)
    assert [e.parsed.kind for e in examples] == [c.kind for c in report.checks]


if __name__ == "__main__":
    for page in pages():
        print(f"    {page!r}: {counts(page)},")
