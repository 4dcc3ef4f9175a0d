"""Each API page opens with an overview that names exactly the sections that document objects,
in the page's order, each linked to its heading (rnnsite/api_overview.py).

Read from the built pages, independently of the hook: the overview's links against the
sections' headings (h2) with objects' headings (h3) under them. A stale overview, missing
a section or naming one the page no longer has, or a link to no heading, fails here."""

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


def headings_by_section(fragment: str) -> list[tuple[str, str, list[str]]]:
    """``(section title, its id, [object id, ...])`` per h2 of the article."""
    found = []
    for part in re.split(r"(?=<h2\b)", fragment)[1:]:
        heading = re.match(r"<h2\b.*?</h2>", part, re.S)[0]
        title = html.unescape(re.sub(r"<[^>]+>", "", heading)).replace("¶", "")
        ids = re.findall(r'<h3 id="([^"]+)" class="doc doc-heading"', part)
        found.append((" ".join(title.split()), re.search(r'id="([^"]+)"', heading)[1], ids))
    return found


def overview_by_section(fragment: str) -> list[tuple[str, str]]:
    """``(link text, linked id)`` per line of the page's overview."""
    block = re.search(r'<div class="api-overview"[^>]*>(.*?)</div>', fragment, re.S)
    assert block, "no overview"
    return [(" ".join(html.unescape(text).split()), href) for href, text in
            re.findall(r'<li><a href="#([^"]+)">(.*?)</a></li>', block[1], re.S)]


@pytest.mark.parametrize("name", PAGES)
def test_the_overview_names_the_sections_that_document_objects(site, name):
    fragment = article(site, name)
    documented = [(title, hid) for title, hid, ids in headings_by_section(fragment) if ids]
    assert len(documented) >= 2, f"api/{name}: too few sections to test"
    assert overview_by_section(fragment) == documented


@pytest.mark.parametrize("name", PAGES)
def test_the_overview_comes_before_the_first_section(site, name):
    fragment = article(site, name)
    assert fragment.index('class="api-overview"') < fragment.index("<h2")
