"""The API pages' kind badges and signatures as a reader sees them, in light and dark
(docs/api/api.css):

- **Every kind badge is legible** ("mod", "class", "func", "meth", "attr" before a name, in
  the headings and the table of contents; "property", "dataclass" after it): its text at
  least 4.5:1 against its tint over the page. Before: mkdocstrings' light palette, "mod"
  green on pale green 2.57:1, "func" and "meth" purple 4.41:1 (dark: 6.8 to 10.3).
- **A signature is code at the page's code size**, its parameter names in the code's own
  colour. Before: signatures 12.8 px, the smallest code on the page (examples 13.6 px).

Axe-core's colour rule does not see the badges: their text is a ``::after``'s content.
Measured by the browser audit's visit of each page (probe_api.js)."""

from __future__ import annotations

import pytest
from browser_audit import PAGES, VIEWS

API = [p for p in PAGES if p.startswith("api/") and p != "api/"]
LEGIBLE = 4.5  # WCAG AA, text of normal size


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("path", API)
def test_every_kind_badge_is_legible(visits, view, path):
    badges = visits[path, view].probe["apiColours"]["badges"]
    assert badges, f"{view} {path}: no kind badge shown"
    faint = sorted({(b["kind"], b["where"], round(b["contrast"], 2)) for b in badges
                    if b["contrast"] < LEGIBLE})
    assert not faint, f"{view} {path}: badges below {LEGIBLE}:1: {faint}"


def test_the_badges_measured_include_every_kind(visits):
    """Guards the test above against measuring some kinds only."""
    kinds = {b["kind"].strip('"') for path in API for view in VIEWS
             for b in visits[path, view].probe["apiColours"]["badges"]}
    assert {"mod", "class", "func", "meth", "attr", "property", "dataclass"} <= kinds, kinds


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("path", API)
def test_a_signature_is_code_at_the_pages_code_size(visits, view, path):
    found = visits[path, view].probe["apiColours"]
    assert found["signatureSize"] and found["blockSize"], f"{view} {path}: nothing measured"
    block = max(found["blockSize"])
    small = sorted({s for s in found["signatureSize"] if s < block})
    assert not small, f"{view} {path}: signatures at {small} px under the code's {block} px"
    names = found["tokens"]["n"]  # Pygments' class for a name: the parameters
    assert names["contrast"] >= LEGIBLE, f"{view} {path}: parameter names faint: {names}"
    assert names["colour"] == found["codeColour"], (view, path, names, found["codeColour"])
