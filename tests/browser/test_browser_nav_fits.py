"""The left navigation fits a desk's screen (design review of issue 18): at 1280 × 844, on
every page and in both palettes, the primary navigation shows whole, without a scroll
bar of its own (it was 826 px in a 718 px box, 987 px on an API page), and its links stay
big enough to hit: one link to the next at least 24 px (WCAG 2.2, 2.5.8)."""

from __future__ import annotations

import pytest
from browser_audit import DESK_VIEWS, MISSING, PAGES
from site_server import site_path

HEIGHT = 844  # a laptop's screen (the audit's views are 844 px high)
PITCH_PX = 24



@pytest.mark.parametrize("view", DESK_VIEWS)
@pytest.mark.parametrize("path", [p for p in PAGES if p != MISSING])
def test_the_navigation_fits_a_desk_screen(visits, path, view):
    """Measured by the audit's visit (probe_aids.js), once the page and its fonts are in."""
    found = visits[path, view].probe["nav"]
    assert found is not None, "no navigation"
    assert found["height"] == HEIGHT
    assert found["scroll"] <= found["client"], found
    assert found["pitch"] >= PITCH_PX - 0.5, found


@pytest.mark.parametrize("view", DESK_VIEWS)
def test_every_page_has_its_link_in_the_navigation(visits, view):
    """Made short, the navigation still names every page: on an API page (its section
    open), a link to each page of the nav (navigation.indexes makes a section's index.md
    the section's own link: a page named index.md in a section would lose its entry).
    The links shown, as the audit's visit found them (probe_aids.js)."""
    links = visits["api/counting/", view].probe["nav"]["links"]
    base = site_path()
    wanted = {base + p for p in PAGES if p != MISSING}
    assert wanted - set(links) == set()
