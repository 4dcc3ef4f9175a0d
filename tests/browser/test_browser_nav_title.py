"""At a desk, the left sidebar's title never covers a label of the navigation (design
review, finding 16): on every page, at 1280 px in both palettes, with the navigation
scrolled from top to bottom, no label's box meets the title's box or its shadow."""

from __future__ import annotations

import pytest
from browser_audit import PAGES

# Scroll the sidebar step by step; at each step, the labels (links and section names) that
# are in view and whose box meets the title's, grown by its box-shadow's blur and spread.
OVERLAPS = """(step) => {
  const wrap = document.querySelector(".md-sidebar--primary .md-sidebar__scrollwrap");
  const title = document.querySelector(".md-nav--primary > .md-nav__title");
  if (!wrap || !title) return {error: "no sidebar or no title"};
  const grow = (getComputedStyle(title).boxShadow.match(/-?[\\d.]+px/g) || [])
    .slice(2, 4).reduce((sum, px) => sum + Math.max(0, parseFloat(px)), 0);
  const found = [];
  const max = wrap.scrollHeight - wrap.clientHeight;
  for (let top = 0; top <= max + step; top += step) {
    wrap.scrollTop = Math.min(top, max);
    const t = title.getBoundingClientRect();
    if (t.height === 0) continue;
    const view = wrap.getBoundingClientRect();
    for (const label of wrap.querySelectorAll(".md-nav__link")) {
      if (title.contains(label)) continue;
      const r = label.getBoundingClientRect();
      if (r.height === 0 || r.bottom <= view.top || r.top >= view.bottom) continue;
      if (r.top < t.bottom + grow && r.bottom > t.top - grow &&
          r.left < t.right && r.right > t.left)
        found.push(`${label.textContent.trim()} at scroll ${wrap.scrollTop}`);
    }
    if (wrap.scrollTop >= max) break;
  }
  return {found, max};
}"""


@pytest.mark.parametrize("path", PAGES)
def test_the_sidebar_title_covers_no_label(desk, server, path):
    desk.goto(server.url + path)
    # every section of the navigation open, as a reader may leave them
    desk.evaluate("document.querySelectorAll('.md-nav__toggle').forEach((t) => {"
                  " if (!t.id.startsWith('__toc')) t.checked = true; })")
    result = desk.evaluate(OVERLAPS, 12)
    assert "error" not in result, result
    # Since the navigation fits the screen (test_browser_nav_fits.py) and the title is not
    # repeated at a desk, nothing scrolls under it; if either comes back, this looks again.
    assert result["found"] == [], result["found"][:5]
