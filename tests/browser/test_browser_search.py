"""Search results name their page and task, and the summary answers row by row (issue 18).

A reader types in the search box; each result's title, as Material shows it, must say
which page and task it comes from: no two pages share a title, every page under a task
names the task, and no title carries a heading anchor ("¶").
"""

from __future__ import annotations

import re

import pytest
from site_server import nav_sources

QUERIES = ("notebook", "gradient", "forget gate")


@pytest.fixture(scope="module")
def search_tab(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 844})
    page = context.new_page()
    page.goto(server.url)
    yield page
    context.close()


def result_titles(page, query: str) -> list[str]:
    page.keyboard.press("Escape")
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    page.wait_for_function("() => document.querySelector('.md-search-result__meta')"
                           "?.textContent.match(/^\\s*(\\d+|No) matching/)", timeout=10_000)
    # Each result is a page (its title in an h1), with its matching sections below it.
    return page.locator(".md-search-result__item > .md-search-result__link h1").all_inner_texts()


@pytest.mark.parametrize("query", QUERIES)
def test_results_name_their_page_and_task(search_tab, query):
    titles = [t.strip() for t in result_titles(search_tab, query)]
    assert titles, query
    assert [t for t in titles if "¶" in t] == []
    assert len(titles) == len(set(titles)), titles  # no two results look alike
    for title in titles:
        if re.search(r"notebook", title, re.I) or re.match(r"Q\d", title):
            assert re.search(r"Task \d\.\d", title), title


def test_every_task_page_is_titled_with_its_task(site):
    """In the index itself: each page under a task of the nav names it."""
    import json

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {d["location"]: d["title"] for d in index["docs"] if "#" not in d["location"]}
    tasks = [s for s in nav_sources() if s.startswith("task-")]
    assert tasks
    for source in tasks:
        location = source.rsplit(".", 1)[0] + "/"
        task = "Task " + source.split("/")[0].removeprefix("task-").replace("-", ".")
        assert task in pages[location], (location, pages[location])
    assert [t for t in pages.values() if "¶" in t] == []
