"""Page weight: what a reader's browser fetches for one page with an empty cache.

The pages of the ``COLD`` tab load with the HTTP cache off, and lazy images are forced
to load, so the requests they record are everything the page costs: HTML, CSS, scripts,
the math font, figures, icons (the search index and its worker only once the reader
searches). Sizes are the files' bytes as served, uncompressed (GitHub Pages compresses
text, so the wire is lighter than this).

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
                      for url in set(visits[path, f"{COLD}-light"].loaded))
            for path in PAGES}


@pytest.fixture(scope="module")
def weight(visits, site, server) -> dict[str, int]:
    result = weights(visits, site, server.prefix)
    for path, size in sorted(result.items(), key=lambda item: -item[1]):
        print(f"{size / 1024:7.1f} KB  /{path}")
    return result


# What every page loads: Material's CSS and JS (about 260 KB), the site's own CSS and JS,
# and the math font (65 KB) where the page has math. The search index and its worker wait
# until the reader first goes to search (docs/assets/lazy-search.js), and the API reference
# is one page per part of the package.


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_within_budget(weight, path):
    assert weight[path] <= BUDGET, f"/{path}: {weight[path] / 1024:.1f} KB"
