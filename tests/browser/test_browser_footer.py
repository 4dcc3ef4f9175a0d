"""The footer's "Previous" and "Next" titles are read whole: a long one wraps (to two lines
at most on a phone) instead of ending in Material's ellipsis, on every page, at 390 and
1280 px. (On a phone Material shows "Previous" as its arrow alone; that stays.)

Before (rnnnotes.css, "Footer titles"), a title wider than its room was cut: "Q3:
vanishing and exploding in an…"."""

from __future__ import annotations

import pytest
from browser_audit import LIGHT_VIEWS, PAGES


@pytest.mark.parametrize("view", LIGHT_VIEWS)
def test_footer_titles_are_never_cut(visits, view):
    """Read in the audit's visit of each page (probe_aids.js)."""
    titles, wrong = 0, []
    for path in PAGES:
        for title in visits[path, view].probe["footerTitles"]:
            titles += 1
            if title["over"] > 0 or title["lines"] > 2:
                wrong.append((path, title))
    assert titles >= len(PAGES) - 2  # every page has a "Next" or a "Previous" shown
    assert not wrong, f"{view}: {wrong}"
