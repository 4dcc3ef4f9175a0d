"""The dotted underline explained (design review of issue 18): live numbers and checked
equations are underlined with dots, and every page that has them says once, in a quiet
line by the first, what the underline means: at the foot of the answer box if the first is
in it (the box opens with the answer), else just before it; the line's sample is drawn as
the numbers are. A page without them has no such line. At a phone's and a desk's width."""

from __future__ import annotations

import pytest
from browser_audit import MISSING, PAGES

NEAR_PX = 600  # outside the answer box, the legend ends at most this far above the first


@pytest.mark.parametrize("view", ["phone-light", "desktop-light"])
def test_the_dotted_underline_is_explained_by_the_first_number(visits, view):
    """Measured by the audit's visit of every page (probe_aids.js)."""
    found = {path or "home": visits[path, view].probe["liveLegend"]
             for path in PAGES if path != MISSING}
    marked = {p: f for p, f in found.items() if f["marks"]}
    assert len(marked) >= 9, "the nine answer pages have live numbers"
    wrong = {p: f for p, f in marked.items()
             if not (f["legends"] == 1 and f["shown"]
                     and (f["boxFoot"] if f["firstInBox"]
                          else f["before"] and 0 <= f["gap"] <= NEAR_PX)
                     and "dots" in f["text"]
                     and f["sample"] == f["firstLine"] == "dotted")}
    assert wrong == {}
    # both placements are exercised (most answer pages' first number is in the answer box)
    assert {f["firstInBox"] for f in marked.values()} == {True, False}, marked
    assert {p: f["legends"] for p, f in found.items() if not f["marks"] and f["legends"]} == {}
