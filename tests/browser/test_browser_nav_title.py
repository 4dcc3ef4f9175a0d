"""At a desk, the left sidebar's title never covers a label of the navigation (design
review, finding 16): on every page, at 1280 px in both palettes, with the navigation
scrolled from top to bottom, no label's box meets the title's box or its shadow."""

from __future__ import annotations

import pytest
from browser_audit import DESK_VIEWS, PAGES


@pytest.mark.parametrize("view", DESK_VIEWS)
@pytest.mark.parametrize("path", PAGES)
def test_the_sidebar_title_covers_no_label(visits, path, view):
    """Measured by the audit's visit (probe_nav.js): every section of the navigation open,
    as a reader may leave them, the sidebar scrolled 12 px at a time."""
    result = visits[path, view].probe["navTitle"]
    assert "error" not in result, result
    # Since the navigation fits the screen (test_browser_nav_fits.py) and the title is not
    # repeated at a desk, nothing scrolls under it; if either comes back, this looks again.
    assert result["found"] == [], result["found"][:5]
