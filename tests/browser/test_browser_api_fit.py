"""The API pages at a reader's widths: no display equation or table wider than the column
(the cells' equations stack one a row, not side by side), and a link set as code keeps its
underscores visible, its underline below the code's box (docs/assets/rnnnotes.css).

Before: at 390 px seven displays of the Models and Counting pages scrolled sideways by 70
to 227 px, and the underline of `count_parameters` ran through its underscore, which read
as a space ("count parameters"), in light and dark alike (one rule for both palettes)."""

from __future__ import annotations

import pytest
from browser_audit import PAGES, VIEWS
from site_server import open_view

API = [p for p in PAGES if p.startswith("api/") and p != "api/"]
READ = """() => {
  const column = document.querySelector("article").getBoundingClientRect();
  const wide = [...document.querySelectorAll(
      "article :is(.arithmatex, math[display=block], table, pre > code)")]
    .map((el) => ({ text: el.textContent.replace(/\\s+/g, " ").trim().slice(0, 50),
                    over: Math.max(el.scrollWidth - el.clientWidth,
                                   el.getBoundingClientRect().right - column.right) }))
    .filter((w) => w.over > 1);
  const links = [...document.querySelectorAll("article a:not(.headerlink)")]
    .filter((a) => a.children.length === 1 && a.firstElementChild.localName === "code"
                   && a.textContent.trim() === a.firstElementChild.textContent.trim()
                   && a.textContent.includes("_") && a.getClientRects().length === 1)
    .map((a) => {
      const mark = document.createElement("span");  // an empty inline-block sits on the baseline
      mark.style.cssText = "display:inline-block;width:0;height:0";
      a.append(mark);
      const baseline = mark.getBoundingClientRect().bottom;
      mark.remove();
      const style = getComputedStyle(a);
      return { text: a.textContent.trim(), line: style.textDecorationLine,
               clear: baseline + parseFloat(style.textUnderlineOffset)
                      - a.firstElementChild.getBoundingClientRect().bottom };
    });
  return { wide, links };
}"""


@pytest.fixture(scope="module", params=list(VIEWS))
def view(request, browser):
    with open_view(browser, *VIEWS[request.param]) as page:
        yield request.param, page


@pytest.mark.parametrize("path", API)
def test_api_page_fits_and_its_code_links_show_underscores(view, server, path):
    name, page = view
    page.goto(server.url + path)
    page.evaluate("document.fonts.ready.then(() => true)")
    found = page.evaluate(READ)
    assert not found["wide"], f"{name} {path}: wider than the column: {found['wide']}"
    for link in found["links"]:
        assert "underline" in link["line"], (name, path, link)  # still marked as a link
        # the underline's top at or below the bottom of the code's box, where an underscore
        # ends (before: 0.6 px above it, over the underscore's stroke)
        assert link["clear"] >= 0, f"{name} {path}: underline over the underscores: {link}"


def test_the_api_pages_hold_code_links_with_underscores(browser, server):
    """Guards the test above against passing on no link at all."""
    with open_view(browser, *VIEWS["phone-light"]) as page:
        page.goto(server.url + "api/counting/")
        assert [link for link in page.evaluate(READ)["links"] if "_" in link["text"]]
