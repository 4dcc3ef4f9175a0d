"""Every page yields the number of checks we committed to, so none can silently drop out.

``EXPECTED`` maps each page under docs/ to its checks per kind.  When you add or change a
page, set its entry by hand to what you *meant* to write (count the markers, the tied
equations, the quotes and the opt-outs), then run the tests;
``uv run python tests/livedocs/test_page_counts.py`` prints the current counts to compare.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sybil import Sybil

from livedocs.numbers import check_page
from livedocs.render import PAGE_SUFFIXES
from livedocs.sybil_parser import LiveNumberParser

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

EXPECTED: dict[str, dict[str, int]] = {
    "docs/api/counting.md": {"audit": 1},
    "docs/api/figures.md": {"audit": 1},
    "docs/api/gradflow.md": {"audit": 1},
    "docs/api/index.md": {"audit": 1},
    "docs/api/models.md": {"audit": 1},
    "docs/api/train.md": {"audit": 1},
    "docs/calculator/index.md": {"audit": 1},
    "docs/changelog.md": {"setup": 1, "audit": 1},
    "docs/cli.md": {"setup": 1, "audit": 1},
    "docs/conventions.md": {"setup": 1, "notation": 1, "equation": 2, "live": 24, "audit": 1},
    "docs/index.md": {"setup": 1, "live": 12, "audit": 1},
    "docs/references.md": {"audit": 1},
    "docs/summary.md": {"audit": 1},
    "docs/task-1-1/q1-unrolled-weights.md": {"setup": 1, "equation": 14, "live": 25,
                                             "quote": 1, "audit": 1},
    "docs/task-1-1/q2-parameters-over-time.md": {"setup": 1, "live": 16, "equation": 1,
                                                 "quote": 1, "audit": 1},
    "docs/task-1-2/q1-vanishing-exploding.md": {"setup": 1, "equation": 3, "live": 75,
                                                "notation": 2, "quote": 1, "audit": 1},
    "docs/task-1-2/q2-lstm-vs-gru.md": {"setup": 1, "live": 24, "equation": 8, "quote": 1,
                                        "audit": 1},
    "docs/task-2-1/q1-gates.md": {"setup": 1, "live": 11, "equation": 2, "quote": 1, "audit": 1},
    "docs/task-2-1/q2-forget-gate-zero.md": {"setup": 1, "live": 33, "quote": 1, "audit": 1},
    "docs/task-2-1/q3-gradients-in-lstm.md": {"setup": 1, "live": 54, "equation": 1,
                                              "notation": 2, "quote": 1, "audit": 1},
    "docs/task-2-1/q4-fewer-parameters.md": {"setup": 1, "live": 38, "equation": 10,
                                             "notation": 3, "quote": 1, "audit": 1},
    "docs/task-2-1/q5-bidirectional.md": {"setup": 1, "live": 19, "equation": 4, "quote": 1,
                                          "audit": 1},
}


def pages() -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for p in DOCS.rglob("*")
                  if p.suffix in PAGE_SUFFIXES)


def counts(page: str) -> dict[str, int]:
    return check_page((ROOT / page).read_text(encoding="utf-8-sig"), page).counts()


def missing_message(page: str, found: dict[str, int]) -> str:
    return (f"{page}: a new page; add this line to EXPECTED in "
            f"tests/livedocs/test_page_counts.py once you have checked that it counts what "
            f"you meant to write:\n    {page!r}: {found},")


@pytest.mark.parametrize("page", sorted(set(pages()) | set(EXPECTED)))
def test_page_yields_the_committed_number_of_checks(page: str) -> None:
    assert (ROOT / page).exists(), f"{page}: in EXPECTED but there is no such page"
    found = counts(page)
    assert page in EXPECTED, missing_message(page, found)
    assert found == EXPECTED[page]


@pytest.mark.parametrize("page", pages())
def test_sybil_collects_every_check(page: str) -> None:
    sybil = Sybil(parsers=[LiveNumberParser(root=ROOT)], patterns=["*.md"], path=str(DOCS))
    examples = list(sybil.parse(ROOT / page).examples())
    kinds = sorted(k for e in examples for k in e.parsed.kinds)
    assert kinds == sorted(c.kind for c in check_page(
        (ROOT / page).read_text(encoding="utf-8-sig"), page).checks)


if __name__ == "__main__":
    for page in pages():
        print(f"    {page!r}: {counts(page)},")
