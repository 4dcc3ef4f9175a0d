"""The dotted underline explained (design reviews of issue 18): live numbers and checked
equations are underlined with dots, and every page that has them says once, in a quiet
line, what the underline means: on an answer page right under the derivation's heading
(never in the answer box, which a student copies), elsewhere just before the first number
and never between a sentence ending in a colon and what it introduces; the line's sample is
drawn as the numbers are. A page without them has no such line. At a phone's and a desk's
width."""

from __future__ import annotations

import pytest
from browser_audit import MISSING, PAGES

NEAR_PX = 600  # off an answer page, the legend ends at most this far above the first


@pytest.mark.parametrize("view", ["phone-light", "desktop-light"])
def test_the_dotted_underline_is_explained_by_the_first_number(visits, view):
    """Measured by the audit's visit of every page (probe_aids.js)."""
    found = {path or "home": visits[path, view].probe["liveLegend"]
             for path in PAGES if path != MISSING}
    marked = {p: f for p, f in found.items() if f["marks"]}
    assert len(marked) >= 9, "the nine answer pages have live numbers"
    wrong = {p: f for p, f in marked.items()
             if not (f["legends"] == 1 and f["shown"] and not f["inBox"]
                     and not f["afterColon"]
                     and (f["afterDerivation"] if f["derivation"]
                          else f["before"] and 0 <= f["gap"] <= NEAR_PX)
                     and "dots" in f["text"]
                     and f["sample"] == f["firstLine"] == "dotted")}
    assert wrong == {}
    # both placements are exercised: the nine answer pages, and pages without a derivation
    assert sum(f["derivation"] for f in marked.values()) >= 9, marked
    assert not all(f["derivation"] for f in marked.values()), marked
    assert {p: f["legends"] for p, f in found.items() if not f["marks"] and f["legends"]} == {}
