"""Aligned equations line up at their "=" (design review): a left-hand side, in a column
set right, ends at its column's right edge, on every page in every view (measured by the
audit's visit, probe_aids.js)."""

from __future__ import annotations

import pytest
from browser_audit import PAGES, VIEWS


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("path", PAGES)
def test_a_left_hand_side_ends_at_its_columns_right_edge(visits, path, view):
    assert visits[path, view].probe["unaligned"] == []


def test_the_site_has_aligned_equations_to_measure(visits):
    assert sum(v.probe["alignedCells"] for v in visits.values()) >= 20
