"""Inline math on the API pages at a reader's widths (design review of the API pages):

- **A square root leaves no hole after it.** Chromium sizes an ``msqrt`` in STIX Two Math as
  the radical's unstretched advance plus its radicand, but draws the radicand after the
  (narrower) variant it picks, so the box ran 0.46 em past the vinculum: "𝒰(−1/√H ,1/√H )"
  and "√v̂ₜ ." (docs/assets/rnnnotes.css takes it back, for inline math only).
- **A symbol and the code it names share a line.** "H_s =⏎proj_size", "(p⏎= proj_size)":
  Chromium breaks beside inline math even at a no-break space (rnnsite/typeset.py puts the
  pair in a no-wrap span).

Measured by the browser audit's visit of each page, in the light palette (probe_api.js).
"""

from __future__ import annotations

import pytest
from browser_audit import LIGHT_VIEWS, PAGES, VIEWS

API = [p for p in PAGES if p.startswith("api/") and p != "api/"]


by_width = pytest.mark.parametrize("view", LIGHT_VIEWS, ids=lambda v: f"{VIEWS[v][0]}px")


@by_width
@pytest.mark.parametrize("path", ["api/models/", "api/gradflow/", "api/train/",
                                  "task-1-2/q1-vanishing-exploding/"])
def test_an_inline_square_root_leaves_no_hole(visits, view, path):
    width, roots = VIEWS[view][0], visits[path, view].probe["roots"]
    assert roots, f"{path}: no inline square root to measure"
    holes = [r for r in roots if not -0.5 <= r["after"] <= 1]
    assert not holes, f"{width}px {path}: space (px) after a root's vinculum: {holes}"


@by_width
@pytest.mark.parametrize("path", API)
def test_a_symbol_and_the_code_it_names_share_a_line(visits, view, path):
    width, pairs = VIEWS[view][0], visits[path, view].probe["symbolPairs"]
    broken = [p for p in pairs if p["apart"] >= 0]  # the code starts below the math's line
    assert not broken, f"{width}px {path}: broken after the symbol: {broken}"


def test_the_pages_hold_symbols_named_by_code(visits):
    """Guards the test above against passing on no pair at all."""
    assert len(visits["api/models/", "phone-light"].probe["symbolPairs"]) >= 3
