"""Inline math on the API pages at a reader's widths (design review of the API pages):

- **A square root leaves no hole after it.** Chromium sizes an ``msqrt`` in STIX Two Math as
  the radical's unstretched advance plus its radicand, but draws the radicand after the
  (narrower) variant it picks, so the box ran 0.46 em past the vinculum: "𝒰(−1/√H ,1/√H )"
  and "√v̂ₜ ." (docs/assets/rnnnotes.css takes it back, for inline math only).
- **A symbol and the code it names share a line.** "H_s =⏎proj_size", "(p⏎= proj_size)":
  Chromium breaks beside inline math even at a no-break space (rnnsite/typeset.py puts the
  pair in a no-wrap span).
"""

from __future__ import annotations

import pytest
from browser_audit import PAGES
from site_server import visitor

API = [p for p in PAGES if p.startswith("api/") and p != "api/"]
WIDTHS = (390, 1280)


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda w: f"{w}px")
def view(request, browser, server):
    with visitor(browser, server, request.param) as visit:
        yield visit, request.param


# Each inline root: where what follows it starts (its box's right edge plus its margin),
# measured from its radicand's right edge, where the vinculum ends.
ROOTS = """() => [...document.querySelectorAll("article math:not([display=block]) msqrt")]
  .map((s) => { const r = s.getBoundingClientRect(), base = s.firstElementChild;
                return { text: s.textContent.replace(/\\s+/g, ""),
                         after: r.right + parseFloat(getComputedStyle(s).marginRight)
                                - base.getBoundingClientRect().right }; })"""


@pytest.mark.parametrize("path", ["api/models/", "api/gradflow/", "api/train/",
                                  "task-1-2/q1-vanishing-exploding/"])
def test_an_inline_square_root_leaves_no_hole(view, path):
    visit, width = view
    roots = visit(path).evaluate(ROOTS)
    assert roots, f"{path}: no inline square root to measure"
    holes = [r for r in roots if not -0.5 <= r["after"] <= 1]
    assert not holes, f"{width}px {path}: space (px) after a root's vinculum: {holes}"


# Each "math = code" of the text: how far below the math's line the code starts.
PAIRS = """() => [...document.querySelectorAll("article :is(p, li) code")].flatMap((code) => {
  const between = code.previousSibling;
  if (!between || between.nodeType !== 3 || !/^\\s*=\\s*$/.test(between.textContent)) return [];
  const before = between.previousSibling;
  const maths = before && before.nodeType === 1
    && (before.localName === "math" ? [before] : [...before.querySelectorAll("math")]);
  if (!maths || !maths.length) return [];
  const m = [...maths.pop().getClientRects()].pop(), c = code.getClientRects()[0];
  return [{ text: before.textContent.replace(/\\s+/g, "") + " = " + code.textContent,
            apart: c.top - m.bottom }];
})"""


@pytest.mark.parametrize("path", API)
def test_a_symbol_and_the_code_it_names_share_a_line(view, path):
    visit, width = view
    pairs = visit(path).evaluate(PAIRS)
    broken = [p for p in pairs if p["apart"] >= 0]  # the code starts below the math's line
    assert not broken, f"{width}px {path}: broken after the symbol: {broken}"


def test_the_pages_hold_symbols_named_by_code(browser, server):
    """Guards the test above against passing on no pair at all."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{server.url}api/models/")
    assert len(page.evaluate(PAIRS)) >= 3
    context.close()
