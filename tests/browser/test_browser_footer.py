"""The footer's "Previous" and "Next" titles are read whole: a long one wraps (to two lines
at most on a phone) instead of ending in Material's ellipsis, on every page, at 390 and
1280 px; and a "Previous" link says so, a phone's too (Material shows its arrow alone there).

Before (rnnnotes.css, "Footer titles"), a title wider than its room was cut: "Q3:
vanishing and exploding in an…"."""

from __future__ import annotations

import pytest
from browser_audit import LIGHT_VIEWS, PAGES, VIEWS


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


@pytest.mark.parametrize("view", list(VIEWS))
def test_every_footer_link_says_where_it_leads(visits, view):
    """Design review of 7 December, round E: on a phone Material showed "Previous" as a
    bare arrow, read as a stray mark (alone on the last page). Each footer link shows its
    direction's word, in every view."""
    words = {True: "Previous", False: "Next"}
    links = [(path, link) for path in PAGES for link in visits[path, view].probe["footerLinks"]]
    assert len(links) >= 2 * (len(PAGES) - 2), len(links)  # all but the ends have both
    mute = [(path or "home", link) for path, link in links
            if not link["shown"].startswith(words[link["prev"]])]
    assert not mute, f"{view}: {mute}"
