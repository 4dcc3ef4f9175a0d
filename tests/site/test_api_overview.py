"""Each API page opens with an overview that names exactly the objects its sections document,
section by section, in the page's order, each linked to its entry (rnnsite/api_overview.py).

Read from the built pages, independently of the hook: the overview's links against the
objects' headings (h3) under each section (h2). A stale overview, missing an object or
naming one the page no longer documents, fails here."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(p.stem for p in (ROOT / "docs" / "api").glob("*.md") if p.stem != "index")


def article(site: Path, name: str) -> str:
    page = (site / "api" / name / "index.html").read_text(encoding="utf-8")
    return page[page.index("<article"):page.index("</article>")]


def headings_by_section(fragment: str) -> list[tuple[str, list[str]]]:
    """``(section title, [object id, ...])`` per h2 of the article, from its headings."""
    found = []
    for part in re.split(r"(?=<h2\b)", fragment)[1:]:
        title = re.sub(r"<[^>]+>", "", re.match(r"<h2\b.*?</h2>", part, re.S)[0])
        title = html.unescape(title).replace("¶", "")
        ids = re.findall(r'<h3 id="([^"]+)" class="doc doc-heading"', part)
        found.append((" ".join(title.split()), ids))
    return found


def overview_by_section(fragment: str) -> list[tuple[str, list[str]]]:
    """``(section title, [linked id, ...])`` per line of the page's overview."""
    block = re.search(r'<div class="api-overview"[^>]*>(.*?)</div>', fragment, re.S)
    assert block, "no overview"
    found = []
    for item in re.findall(r"<li>(.*?)</li>", block[1], re.S):
        title = html.unescape(re.sub(r"<[^>]+>", "", item.split("<a ", 1)[0]))
        found.append((title.strip(" \n–"), re.findall(r'href="#([^"]+)"', item)))
    return found


@pytest.mark.parametrize("name", PAGES)
def test_the_overview_names_what_the_page_documents(site, name):
    fragment = article(site, name)
    documented = [(title, ids) for title, ids in headings_by_section(fragment) if ids]
    assert sum(len(ids) for _, ids in documented) >= 5, f"api/{name}: too few objects to test"
    assert overview_by_section(fragment) == documented


@pytest.mark.parametrize("name", PAGES)
def test_the_overview_comes_before_the_first_section(site, name):
    fragment = article(site, name)
    assert fragment.index('class="api-overview"') < fragment.index("<h2")
