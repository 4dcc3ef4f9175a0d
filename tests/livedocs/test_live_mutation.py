"""Acceptance: changing any digit of any number in a page's prose or math fails a check.

Every digit of every number (prose tokens, live numbers, every digit run in math) is
changed in turn, d -> (d + 1) % 10, and the page re-checked.  The only mutation allowed to
pass is one that turns a given into another given: givens are declared by value, so
``1 -> 2`` is invisible when both are given (e.g. question labels).  Whether the mutated
number is a given is decided here by looking for it *literally* in the setup code, not by
the checker's own notion of givens.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from livedocs._math import analyse
from livedocs._scan import scan
from livedocs.numbers import check_page

ROOT = Path(__file__).resolve().parents[2]

SYNTHETIC = r"""# 2.1.4 A page

<!-- live:setup
X, Y, D, K, T = 3, 128, 20, 10, 5
TOTAL = (D * Y + Y * K) * T + Y * (T - 1)
LABELS = "2.1.4", 1
-->

Here 9<!--= X * X --> and 19,712<!--= TOTAL --> and
75%<!--= 3 / 4 | .0% -->; sizes 3 and 128, $\mathbb{R}^{128 \times 3}$ and $h_{t-1}$.

$$ (20 \cdot 128 + 128 \cdot 10) \cdot 5 + 128 \cdot 4 = 19{,}712 $$<!--= TOTAL -->

$f \approx 0.75$<!--= 3 / 4 | .2f -->, and `code 12345` is not prose.
"""


def digit_positions(text: str) -> list[tuple[int, int, int]]:
    """``(digit offset, token start, token end)`` for every digit of every number."""
    sc = scan(text)
    spans = [(t.start, t.end) for t in sc.prose_tokens]
    spans += [(m.token_start, m.token_end) for m in sc.markers if m.token_start is not None]
    for m in sc.maths:
        spans += [(a, b) for a, b, _, _ in analyse(text, m.content_start, m.content_end).tokens]
    return [(i, a, b) for a, b in spans for i in range(a, b) if text[i].isdigit()]


def literally_given(token: str, setup_code: str) -> bool:
    bare = token.replace("{,}", "").replace(",", "").rstrip("%")
    return re.search(rf"(?<![\w.]){re.escape(bare)}(?![\w.])", setup_code) is not None


def surviving_mutations(text: str, path: str) -> list[str]:
    setups = scan(text).setups
    code = setups[0].code if setups else ""
    survivors = []
    for i, a, b in digit_positions(text):
        mutated = text[:i] + str((int(text[i]) + 1) % 10) + text[i + 1 :]
        if check_page(mutated, path).ok:
            before, after = text[a:b], mutated[a:b]
            if not (literally_given(before, code) and literally_given(after, code)):
                survivors.append(f"{path}:{scan(text).line_of(i)}: {before} -> {after}")
    return survivors


def test_every_digit_of_the_synthetic_page_is_guarded() -> None:
    assert check_page(SYNTHETIC, "syn.md").ok
    positions = digit_positions(SYNTHETIC)
    # Independent count of the digits the page shows outside code, comments and markers.
    visible = re.sub(r"<!--.*?-->|`[^`]*`", "", SYNTHETIC, flags=re.S)
    assert len(positions) == sum(c.isdigit() for c in visible)
    assert surviving_mutations(SYNTHETIC, "syn.md") == []


def _real_pages() -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*.md"))


@pytest.mark.parametrize("page", _real_pages())
def test_every_digit_of_every_real_page_is_guarded(page: str) -> None:
    text = (ROOT / page).read_text(encoding="utf-8")
    if not check_page(text, page).ok:
        pytest.skip(f"{page} fails its checks already (see its Sybil items)")
    assert surviving_mutations(text, page) == []
