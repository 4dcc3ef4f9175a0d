"""Page weight: what a reader's browser fetches for one page with an empty cache.

The pages of the ``COLD`` tab load with the HTTP cache off, and lazy images are forced
to load, so the requests they record are everything the page costs: HTML, CSS, scripts,
the search index and worker, the math font, figures, icons. Sizes are the files' bytes as served,
uncompressed (GitHub Pages compresses text, so the wire is lighter than this).

    uv run pytest tests/browser/test_budget.py -s     # prints the weight of every page
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from browser_audit import COLD, MISSING, PAGES

BUDGET = 600 * 1024  # bytes, for any page


def served_file(site: Path, prefix: str, url: str, page: str) -> Path:
    """The file the test server answered ``url`` with."""
    path = unquote(urlsplit(url).path)
    assert path.startswith(prefix), url
    target = site / path[len(prefix):]
    if target.is_dir():
        target /= "index.html"
    if not target.is_file():
        assert page == MISSING and path == prefix + MISSING, url
        target = site / "404.html"
    return target


def weights(visits, site: Path, prefix: str) -> dict[str, int]:
    """Bytes fetched by each page loaded cold."""
    return {path: sum(served_file(site, prefix, url, path).stat().st_size
                      for url in set(visits[path, f"{COLD}-light"].requested))
            for path in PAGES}


@pytest.fixture(scope="module")
def weight(visits, site, server) -> dict[str, int]:
    result = weights(visits, site, server.prefix)
    for path, size in sorted(result.items(), key=lambda item: -item[1]):
        print(f"{size / 1024:7.1f} KB  /{path}")
    return result


# Over budget at main ffdd033 (cold, uncompressed): /api/ 966 KB, task-1-2 Q1 836, the two
# notebooks 815 and 809, task-1-2 Q2 739, task-1-1 Q1 685 and Q2 674, calculator 650,
# conventions 638, cli 637 KB. What every page loads is already about 590 KB: Material's
# CSS and JS (~300 KB), the search index (220 KB: the API page is 83 KB of it) and the
# math font (67 KB). How to get back under 600 KB (a smaller search index, lighter pages,
# or a new budget) is the lead's call; strict, so each mark must go once its page fits.
OVER = {path: pytest.mark.xfail(reason="over the page budget (see above)", strict=True)
        for path in ("api/", "task-1-2/q1-vanishing-exploding/", "task-1-1/notebook/",
                     "task-1-2/notebook/", "task-1-2/q2-lstm-vs-gru/",
                     "task-1-1/q1-unrolled-weights/", "task-1-1/q2-parameters-over-time/",
                     "calculator/", "conventions/", "cli/")}


@pytest.mark.parametrize("path", [pytest.param(p, marks=OVER.get(p, ())) for p in PAGES])
def test_every_page_is_within_budget(weight, path):
    assert weight[path] <= BUDGET, f"/{path}: {weight[path] / 1024:.1f} KB"


def test_the_weight_counts_fonts_and_the_search_index(visits, server):
    # If these were not fetched (or not recorded), the budget would be measuring too little.
    requested = set(visits["task-1-1/q1-unrolled-weights/", f"{COLD}-light"].requested)
    names = {urlsplit(url).path.removeprefix(server.prefix) for url in requested}
    assert {"assets/fonts/stix-two-math.woff2", "search/search_index.json"} <= names
    assert any(name.endswith(".css") for name in names) and any(
        name.endswith(".js") for name in names) and any(name.endswith(".svg") for name in names)
