"""The left navigation fits a desk's screen (design review of issue 18): at 1280 × 844, on
every page and in both palettes, the primary navigation shows whole, without a scroll
bar of its own (it was 826 px in a 718 px box, 987 px on an API page), and its links stay
big enough to hit: one link to the next at least 24 px (WCAG 2.2, 2.5.8)."""

from __future__ import annotations

import pytest
from browser_audit import MISSING, PAGES

HEIGHT = 844  # a laptop's screen (the desk fixture's views are 844 px high)
PITCH_PX = 24

MEASURE = """() => {
  const wrap = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap');
  // the pitch: from a link's top to the next one's, in each list of links
  const steps = [...wrap.querySelectorAll('.md-nav__list')].flatMap((list) => {
    const tops = [...list.children].map((item) => item.querySelector(':scope > .md-nav__link'))
      .filter((a) => a && a.getClientRects().length).map((a) => a.getBoundingClientRect().top);
    return tops.slice(1).map((t, i) => t - tops[i]);
  });
  return {scroll: wrap.scrollHeight, client: wrap.clientHeight, pitch: Math.min(...steps),
          height: innerHeight};
}"""


@pytest.mark.parametrize("path", [p for p in PAGES if p != MISSING])
def test_the_navigation_fits_a_desk_screen(desk, server, path):
    desk.goto(server.url + path)
    desk.evaluate("document.fonts.ready.then(() => new Promise((r) =>"
                  " requestAnimationFrame(() => requestAnimationFrame(r))))")
    found = desk.evaluate(MEASURE)
    assert found["height"] == HEIGHT
    assert found["scroll"] <= found["client"], found
    assert found["pitch"] >= PITCH_PX - 0.5, found


def test_every_page_has_its_link_in_the_navigation(desk, server):
    """Made short, the navigation still names every page: on an API page (its section
    open), a link to each page of the nav (navigation.indexes makes a section's index.md
    the section's own link: a page named index.md in a section would lose its entry)."""
    desk.goto(server.url + "api/counting/")
    links = desk.evaluate("[...document.querySelectorAll('.md-sidebar--primary a.md-nav__link')]"
                          ".filter((a) => a.getClientRects().length)"
                          ".map((a) => new URL(a.href).pathname)")
    base = server.url.removeprefix(server.origin)
    wanted = {base + p for p in PAGES if p != MISSING}
    assert wanted - set(links) == set()
