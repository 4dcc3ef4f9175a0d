"""The footer's "Previous" and "Next" titles are read whole: a long one wraps (to two lines
at most on a phone) instead of ending in Material's ellipsis, on every page, at 390 and
1280 px. (On a phone Material shows "Previous" as its arrow alone; that stays.)

Before (rnnnotes.css, "Footer titles"), a title wider than its room was cut: "Q3:
vanishing and exploding in an…"."""

from __future__ import annotations

from browser_audit import PAGES

READ = """() => [...document.querySelectorAll(".md-footer__title")]
  .filter((t) => getComputedStyle(t).display !== "none")
  .map((t) => { const e = t.querySelector(".md-ellipsis") || t;
    const range = document.createRange();
    range.selectNodeContents(e);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0)
      .map((r) => Math.round(r.bottom)));
    return { title: e.textContent.trim(), over: e.scrollWidth - e.clientWidth,
             lines: tops.size }; })"""


def test_footer_titles_are_never_cut(light_view, server):
    name, page = light_view
    titles, wrong = 0, []
    for path in PAGES:
        page.goto(server.url + path)
        page.evaluate("document.fonts.ready.then(() => true)")
        for title in page.evaluate(READ):
            titles += 1
            if title["over"] > 0 or title["lines"] > 2:
                wrong.append((path, title))
    assert titles >= len(PAGES) - 2  # every page has a "Next" or a "Previous" shown
    assert not wrong, f"{name}: {wrong}"
