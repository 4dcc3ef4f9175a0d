"""The API pages at a reader's widths: no display equation or table wider than the column
(the cells' equations stack one a row, not side by side), and a link set as code keeps its
underscores visible, its underline below the code's box (docs/assets/rnnnotes.css).

Before: at 390 px seven displays of the Models and Counting pages scrolled sideways by 70
to 227 px, and the underline of `count_parameters` ran through its underscore, which read
as a space ("count parameters"), in light and dark alike (one rule for both palettes).

Measured by the browser audit's visit of each page (probe_api.js)."""

from __future__ import annotations

import pytest
from browser_audit import PAGES, VIEWS

API = [p for p in PAGES if p.startswith("api/") and p != "api/"]


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("path", API)
def test_api_page_fits_and_its_code_links_show_underscores(visits, view, path):
    name, found = view, visits[path, view].probe["apiFit"]
    assert not found["wide"], f"{name} {path}: wider than the column: {found['wide']}"
    for link in found["links"]:
        assert "underline" in link["line"], (name, path, link)  # still marked as a link
        # the underline's top at or below the bottom of the code's box, where an underscore
        # ends (before: 0.6 px above it, over the underscore's stroke)
        assert link["clear"] >= 0, f"{name} {path}: underline over the underscores: {link}"


def test_the_api_pages_hold_code_links_with_underscores(visits):
    """Guards the test above against passing on no link at all."""
    links = visits["api/counting/", "phone-light"].probe["apiFit"]["links"]
    assert [link for link in links if "_" in link["text"]]
