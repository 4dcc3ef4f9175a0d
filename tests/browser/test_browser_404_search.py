"""The 404 page searches the site from a field of its own (design review: it told the reader
to look for "the magnifying glass at the top of the page"). Words typed there and sent
open the site's search with them, on the home page, and list what it found; the form needs
no server (GitHub Pages serves static files) and no network beyond the site itself."""

from __future__ import annotations

import pytest
from browser_audit import MISSING, SEARCHES
from site_server import open_view

SETTLED = "new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)))"


@pytest.mark.parametrize("width", [390, 1280])
def test_the_404_page_searches_from_its_own_field(browser, server, width):
    with open_view(browser, width, "light") as page:
        response = page.goto(server.url + MISSING + "deeper/")
        assert response.status == 404
        field = page.get_by_role("searchbox", name="Search for")
        button = page.locator("article").get_by_role("button", name="Search")
        assert field.is_visible() and button.is_visible()
        column = page.locator("article").bounding_box()
        for part in (field, button):  # both inside the column, on a phone too
            box = part.bounding_box()
            assert column["x"] <= box["x"] and box["x"] + box["width"] <= column["x"] + \
                column["width"] + 0.5
        query = SEARCHES[0]
        field.fill(query)
        field.press("Enter")
        page.wait_for_url(f"{server.url}?q={query}")
        # Material's search, open with the words, lists results (its index loaded offline)
        page.wait_for_selector(".md-search-result__item", timeout=20_000)
        page.evaluate(SETTLED)
        assert page.evaluate("document.getElementById('__search').checked")
        assert page.locator("[data-md-component=search-query]").input_value() == query
        titles = page.locator(".md-search-result__item").all_inner_texts()
        assert any(query.lower() in t.lower() for t in titles), titles[:3]


def test_an_empty_search_is_not_sent(browser, server):
    with open_view(browser, 390, "light") as page:
        page.goto(server.url + MISSING)
        page.locator("article").get_by_role("button", name="Search").click()
        page.evaluate(SETTLED)
        assert page.url == server.url + MISSING  # required: the field asks for words first
