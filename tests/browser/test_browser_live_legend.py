"""The dotted underline explained (design review of issue 18): live numbers and checked
equations are underlined with dots, and every page that has them says once, in a quiet
line just before the first, what the underline means; the line's sample is drawn as the
numbers are. A page without them has no such line. At a phone's and a desk's width."""

from __future__ import annotations

import pytest
from browser_audit import MISSING, PAGES
from site_server import open_view

NEAR_PX = 600  # the legend ends at most this far above the first marked number

FIND = """() => {
  const marks = [...document.querySelectorAll('article .ld')];
  const legends = [...document.querySelectorAll('article .rn-live-legend')];
  const at = (el) => el && el.getBoundingClientRect();
  const first = marks[0], legend = legends[0];
  const sample = legend && legend.querySelector('.rn-live-legend__mark');
  const line = (el) => {  // how the dotted line is drawn: underline, or a border (math)
    const s = getComputedStyle(el);
    return s.textDecorationLine.includes('underline') ? s.textDecorationStyle
      : s.borderBottomStyle;
  };
  const firstLine = first && (first.matches('span.ld:not(:has(> .arithmatex))')
    ? line(first) : 'dotted');
  return {
    marks: marks.length, legends: legends.length,
    before: Boolean(first && legend
      && legend.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING),
    gap: first && legend ? at(first).top - at(legend).bottom : null,
    shown: Boolean(legend && legend.checkVisibility()),
    text: legend ? legend.textContent : '',
    sample: sample ? line(sample) : null, firstLine,
  };
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_dotted_underline_is_explained_before_the_first_number(browser, server, width):
    found = {}
    with open_view(browser, width, "light") as page:
        for path in PAGES:
            if path == MISSING:
                continue
            page.goto(server.url + path)
            found[path or "home"] = page.evaluate(FIND)
    marked = {p: f for p, f in found.items() if f["marks"]}
    assert len(marked) >= 9, "the nine answer pages have live numbers"
    wrong = {p: f for p, f in marked.items()
             if not (f["legends"] == 1 and f["before"] and f["shown"]
                     and 0 <= f["gap"] <= NEAR_PX and "dots" in f["text"]
                     and f["sample"] == f["firstLine"] == "dotted")}
    assert wrong == {}
    assert {p: f["legends"] for p, f in found.items() if not f["marks"] and f["legends"]} == {}
