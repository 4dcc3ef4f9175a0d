"""A long API page's overview (rnnsite/api_overview.py, docs/api/api.css) at a reader's
widths: on a phone, where the table of contents is in the navigation drawer, it shows
before the first section, inside the column, with no sideways scroll, in light and dark,
short (a third of the screen at most, so that on a page with a short opening the first
section starts on the first screen), and
boxed (ruled all round), not ruled on the left as a quotation is; at a desk, where the
table of contents is beside the page, it is hidden.

Before: on a phone an API page showed entry after entry with no view of what it held;
then an overview of every object (27 on Gradient flow) that pushed the first section to
909 px (Models 937 px) on a 844 px screen, with a quotation's grey left rule.

Measured by the browser audit's visit of each page (probe_api.js)."""

from __future__ import annotations

import pytest
from browser_audit import PAGES, VIEWS

API = [p for p in PAGES if p.startswith("api/") and p != "api/"]
SHORT = 1 / 3  # of the screen's height: the overview's height at most


@pytest.mark.parametrize("name", list(VIEWS))
@pytest.mark.parametrize("path", API)
def test_the_overview_shows_on_a_phone_only_and_fits(visits, name, path):
    found = visits[path, name].probe["apiOverview"]
    assert found is not None, f"{path}: no overview"
    assert found["links"] >= 2 and found["before"], (name, path, found)
    if not name.startswith("phone"):
        assert not found["shown"], f"{name} {path}: the overview repeats the table of contents"
        return
    assert found["shown"], f"{name} {path}: no overview on a phone"
    assert found["outside"] == 0, f"{name} {path}: the overview leaves the column"
    assert found["sideways"] <= 0, f"{name} {path}: the page scrolls sideways"
    assert found["text"] != found["ground"], f"{name} {path}: text in the ground's colour"
    assert found["height"] <= SHORT * found["screen"], \
        f"{name} {path}: the overview is {found['height']:.0f} px tall"
    assert len(set(found["rule"])) == 1 and found["rule"][0] != "0px", \
        f"{name} {path}: not a box ruled all round: {found['rule']}"


@pytest.mark.parametrize("name", list(VIEWS))
def test_the_index_names_each_page_on_one_line(visits, name):
    """The API index's table: a page's name in the first column on one line (before:
    "Gradient / flow" in two, at 390 and 1280 px alike, the column left narrow by the
    second's long cells)."""
    cells = visits["api/", name].probe["firstCells"]
    assert len(cells) >= 5, f"{name}: the index's table not found: {cells}"
    wrapped = [c["text"] for c in cells if c["lines"] != 1]
    assert not wrapped, f"{name} api/: first column wrapped: {wrapped}"
