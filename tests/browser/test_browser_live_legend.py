"""The dotted underline explained (design review of issue 18): live numbers and checked
equations are underlined with dots, and every page that has them says once, in a quiet
line just before the first, what the underline means; the line's sample is drawn as the
numbers are. A page without them has no such line. At a phone's and a desk's width."""

from __future__ import annotations

import pytest
from browser_audit import MISSING, PAGES

NEAR_PX = 600  # the legend ends at most this far above the first marked number


@pytest.mark.parametrize("view", ["phone-light", "desktop-light"])
def test_the_dotted_underline_is_explained_before_the_first_number(visits, view):
    """Measured by the audit's visit of every page (probe_aids.js)."""
    found = {path or "home": visits[path, view].probe["liveLegend"]
             for path in PAGES if path != MISSING}
    marked = {p: f for p, f in found.items() if f["marks"]}
    assert len(marked) >= 9, "the nine answer pages have live numbers"
    wrong = {p: f for p, f in marked.items()
             if not (f["legends"] == 1 and f["before"] and f["shown"]
                     and 0 <= f["gap"] <= NEAR_PX and "dots" in f["text"]
                     and f["sample"] == f["firstLine"] == "dotted")}
    assert wrong == {}
    assert {p: f["legends"] for p, f in found.items() if not f["marks"] and f["legends"]} == {}
