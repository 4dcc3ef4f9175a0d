"""Search results name their page and task, and the summary answers row by row (issue 18).

A reader types in the search box; each result's title, as Material shows it, must say
which page and task it comes from: no two pages share a title, every page under a task
names the task, and no title carries a heading anchor ("¶").
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import urlsplit

import pytest
from browser_audit import VIEWS
from playwright.sync_api import TimeoutError as PlaywrightTimeout
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
    box = page.locator("input.md-search__input")
    if not page.evaluate("document.getElementById('__search').checked"):
        page.keyboard.press("Escape")
        page.keyboard.press("/")  # Material's shortcut: opens and focuses the search box
    page.wait_for_function("document.getElementById('__search').checked")
    box.fill("")  # the last query's results go first: never read them as this one's
    box.press("End")
    page.wait_for_function("() => !document.querySelector('.md-search-result__meta')"
                           "?.textContent.match(/matching/)", timeout=10_000)
    box.fill(query)
    box.press("End")
    page.wait_for_function("() => document.querySelector('.md-search-result__meta')"
                           "?.textContent.match(/^\\s*(\\d+|No) matching/)", timeout=10_000)
    page.wait_for_function("() => document.querySelector('.md-search-result__meta')"
                           ".textContent.match(/No matching/) || document.querySelector("
                           "'.md-search-result__item')", timeout=10_000)  # the list, drawn
    # Each result is a page (its title in an h1), with its matching sections below it.
    return page.locator(".md-search-result__item > .md-search-result__link h1").all_inner_texts()


@pytest.mark.parametrize("query", QUERIES)
def test_results_name_their_page_and_task(search_tab, query):
    titles = [t.strip() for t in result_titles(search_tab, query)]
    assert titles, query
    assert [t for t in titles if "¶" in t] == []
    assert len(titles) == len(set(titles)), titles  # no two results look alike
    for title in titles:
        if re.search(r"notebook|Q\d", title, re.I):
            assert re.search(r"Task \d\.\d|^\d\.\d Q\d", title), title


def test_every_task_page_is_titled_with_its_task(site):
    """In the index itself: each page under a task of the nav names it."""
    import json

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {d["location"]: d["title"] for d in index["docs"] if "#" not in d["location"]}
    tasks = [s for s in nav_sources() if s.startswith("task-")]
    assert tasks
    for source in tasks:
        location = source.rsplit(".", 1)[0] + "/"
        number = source.split("/")[0].removeprefix("task-").replace("-", ".")
        title = pages[location]  # "Task 1.1 notebook", or a question's "1.1 Q1 · ..."
        assert f"Task {number}" in title or title.startswith(f"{number} Q"), (location, title)
    assert [t for t in pages.values() if "¶" in t] == []
    # words a page keeps together with no-break spaces are plain words to search
    assert [t for t in pages.values() if "\u00a0" in t] == []


# What a reader sees in the result list (design review, finding 10): a tab set's labels
# apart, each before its own tab's text ("PyTorch: …", never "PyTorchKeras"), and math
# set with sub- and superscripts, never as TeX (c_{t−1}), at 390 and 1280, light and dark.
SEEN = """() => [...document.querySelectorAll(".md-search-result__article")]
  .filter((a) => a.offsetParent !== null).map((a) => {
    const copy = a.cloneNode(true);
    copy.querySelectorAll("code, pre").forEach((c) => c.remove());  // code is code
    document.body.append(copy);  // innerText needs it laid out
    const text = copy.innerText;
    copy.remove();
    return {text, scripts: a.querySelectorAll("sub, sup").length};
  })"""
# TeX-like words: a braced script (c_{t−1}), or one letter with a one-letter subscript (h_t)
TEX = re.compile(r"\S*[_^]\{\S*|(?<![\w.])[A-Za-zα-ωΑ-Ω]_[A-Za-z0-9](?!\w)")


@pytest.fixture(scope="module", params=list(VIEWS))
def search_view(request, browser, server):
    width, scheme = VIEWS[request.param]
    context = browser.new_context(viewport={"width": width, "height": 844},
                                  color_scheme=scheme)
    page = context.new_page()
    page.goto(server.url)
    yield page
    context.close()


def tab_label_sets(site) -> list[list[str]]:
    """The labels of every tab set on the site, as the pages show them."""
    found = []
    for page in site.rglob("*.html"):
        for labels in re.findall(r'<div class="tabbed-labels[^"]*">(.*?)</div>',
                                 page.read_text(encoding="utf-8"), re.S):
            found.append([html.unescape(re.sub(r"<[^>]+>", "", x)).strip()
                          for x in re.findall(r"<label\b[^>]*>(.*?)</label>", labels, re.S)])
    return found


def test_results_keep_tab_labels_apart(search_view, site):
    sets = tab_label_sets(site)
    assert sets, "the site has content tabs"
    for label in sorted({x for labels in sets for x in labels}):
        result_titles(search_view, label.lower())
        text = "\n".join(r["text"] for r in search_view.evaluate(SEEN))
        run_together = [a + b for labels in sets for a in labels for b in labels
                        if a != b and a + b in text]
        assert run_together == [], (label, run_together)
        assert re.search(rf"(^|\n){re.escape(label)}: \S", text), (label, text[:2000])


@pytest.fixture(scope="module")
def written_tex(site) -> set[str]:
    """The TeX-like words the pages themselves show outside math and code (a docstring's
    "f_t", a notebook's comment): a result may show those as they are."""
    words = set()
    for page in site.rglob("*.html"):
        text = re.sub(r"<(math|code|pre|script|style)\b.*?</\1>", " ",
                      page.read_text(encoding="utf-8"), flags=re.S)
        words.update(TEX.findall(html.unescape(re.sub(r"<[^>]+>", " ", text))))
    return words


@pytest.mark.parametrize("query", ["forget gate", "cell state"])
def test_results_show_math_with_scripts(search_view, written_tex, query):
    result_titles(search_view, query)
    seen = search_view.evaluate(SEEN)
    assert seen, query
    tex = [m.group() + " in " + r["text"][max(0, m.start() - 40):m.end() + 40]
           for r in seen for m in TEX.finditer(r["text"]) if m.group() not in written_tex]
    assert tex == [], tex[:5]
    assert sum(r["scripts"] for r in seen) > 0, query  # the math is set, not dropped


# Text put in the box without key presses (a paste from a phone's context menu; in
# Playwright `fill`) is searched, and a new such text replaces the last results (design
# review: Material reads the query on keyup, so it stayed "Type to start searching").
PASTED = ("forget gate", "19,712")
SHOWN = """() => [document.querySelector('.md-search-result__meta')?.textContent.trim(),
  [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]
    .map((a) => a.getAttribute('href'))]"""


def shown_after_a_key(page, query: str):
    """The results for ``query`` put in the box and then a key pressed (End), the way that
    always worked: the box emptied first, so the first results shown are this query's."""
    result_titles(page, query)
    return page.evaluate(SHOWN)


def test_filled_query_shows_its_results(search_view):
    typed = {q: shown_after_a_key(search_view, q) for q in PASTED}
    assert typed[PASTED[0]] != typed[PASTED[1]], typed
    page = search_view.context.new_page()  # a fresh page: its index not yet loaded
    try:
        page.goto(search_view.url)
        page.keyboard.press("/")
        page.wait_for_function("document.getElementById('__search').checked")
        box = page.locator("input.md-search__input")
        for query in (*PASTED, PASTED[0]):  # each replaces the results before it
            box.fill(query)  # no key press
            try:
                page.wait_for_function(f"(want) => JSON.stringify(({SHOWN})()) === want",
                                       arg=json.dumps(typed[query], separators=(",", ":")),
                                       timeout=10_000)
            except PlaywrightTimeout:
                raise AssertionError(f"after fill({query!r}) the search shows "
                                     f"{page.evaluate(SHOWN)}, with a key press "
                                     f"{typed[query]}") from None
    finally:
        page.close()


@pytest.fixture(scope="module")
def shared_numbers(site) -> dict[str, str]:
    """Numbers such as 19,712 that one answer page and some other page of the index both
    have, each with that answer page's address."""
    from rnnsite.answer_pages import answer_pages

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    answers = {p.url_path for p in answer_pages()}
    pages: dict[str, set[str]] = {}
    for doc in index["docs"]:
        for number in re.findall(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])", doc["text"]):
            pages.setdefault(number, set()).add(doc["location"].split("#")[0])
    found = {n: (where & answers).pop() for n, where in sorted(pages.items())
             if len(where & answers) == 1 and where - answers}
    assert found, "no number shared by an answer page and another page"
    return dict(sorted(found.items())[:3]) | ({"19,712": found["19,712"]}
                                             if "19,712" in found else {})


def test_answer_page_ranks_first(search_view, shared_numbers):
    for number, answer in shared_numbers.items():
        result_titles(search_view, number)
        first = search_view.evaluate(SHOWN)[1][0]
        assert urlsplit(first).path.endswith("/" + answer), (number, answer, first)
