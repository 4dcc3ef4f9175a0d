"""A long API page's overview (rnnsite/api_overview.py, docs/api/api.css) at a reader's
widths: on a phone, where the table of contents is in the navigation drawer, it shows
before the first section, inside the column, with no sideways scroll, in light and dark;
at a desk, where the table of contents is beside the page, it is hidden.

Before: on a phone an API page showed entry after entry with no view of what it held."""

from __future__ import annotations

import pytest
from browser_audit import PAGES, VIEWS
from site_server import open_view

API = [p for p in PAGES if p.startswith("api/") and p != "api/"]
READ = """() => {
  const box = document.querySelector("article .api-overview");
  if (!box) return null;
  const column = document.querySelector("article").getBoundingClientRect();
  const shown = getComputedStyle(box).display !== "none";
  const parts = [...box.querySelectorAll("li, a, code")].map((el) => el.getBoundingClientRect());
  const first = document.querySelector("article h2");
  return { shown, links: box.querySelectorAll("a[href^='#']").length,
           outside: parts.filter((r) => r.left < column.left - 1 || r.right > column.right + 1)
                         .length,
           before: !!(box.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING),
           sideways: document.documentElement.scrollWidth
                     - document.documentElement.clientWidth,
           text: getComputedStyle(box).color, ground: getComputedStyle(document.body)
                                                        .backgroundColor };
}"""


@pytest.fixture(scope="module", params=list(VIEWS))
def view(request, browser):
    with open_view(browser, *VIEWS[request.param]) as page:
        yield request.param, page


@pytest.mark.parametrize("path", API)
def test_the_overview_shows_on_a_phone_only_and_fits(view, server, path):
    name, page = view
    page.goto(server.url + path)
    page.evaluate("document.fonts.ready.then(() => true)")
    found = page.evaluate(READ)
    assert found is not None, f"{path}: no overview"
    assert found["links"] >= 5 and found["before"], (name, path, found)
    if not name.startswith("phone"):
        assert not found["shown"], f"{name} {path}: the overview repeats the table of contents"
        return
    assert found["shown"], f"{name} {path}: no overview on a phone"
    assert found["outside"] == 0, f"{name} {path}: the overview leaves the column"
    assert found["sideways"] <= 0, f"{name} {path}: the page scrolls sideways"
    assert found["text"] != found["ground"], f"{name} {path}: text in the ground's colour"
