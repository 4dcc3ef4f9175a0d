"""The site's chrome and shared styles (design review of 7 December, round F), on every
page in every view, as the audit's visit found them (probe_chrome.js):

- the navigation's section labels ("Task 1.1", "Tools and reference"; a phone's drawer
  heads its panels with them) read as labels, not as disabled text: bold small capitals at
  4.5:1 or more, every page in regular weight (Material's labels were grey, the top-level
  pages bold black, which read the other way round);
- the title leads: an h1 at least 1.2 times any h2 (on a phone they were 27.2 and 25 px);
- the top bar's page title, shown once the page scrolls, fits its box at 390 px (it read
  "Q1: weights when un…"), and a question's title names its task ("1.1 Q1 · ...");
- the summary, with no contents column, keeps the other pages' measure for its prose, and
  its table gives the reason the room (its label's column was 240 px, mostly empty);
- after a set of content tabs comes a paragraph's gap (it was two, 32 px, under a table)."""

from __future__ import annotations

import re

import pytest
from browser_audit import DESK_VIEWS, MISSING, PAGES, VIEWS

CONTRAST = 4.5
LEAD = 1.2
SUMMARY = "summary/"


@pytest.mark.parametrize("view", list(VIEWS))
def test_section_labels_read_as_labels_and_pages_as_pages(visits, view):
    for path in PAGES:
        chrome = visits[path, view].probe["chrome"]
        assert chrome["sections"], (path, view)
        for label in chrome["sections"]:
            assert label["weight"] >= 700, (path, label)
            assert label["caps"] == "all-small-caps", (path, label)
            assert label["contrast"] >= CONTRAST, (path, label)
        for page in chrome["pages"]:
            assert page["weight"] <= 400, (path, page)


@pytest.mark.parametrize("view", list(VIEWS))
def test_the_title_leads_the_section_headings(visits, view):
    led = 0
    for path in PAGES:
        chrome = visits[path, view].probe["chrome"]
        if chrome["h2"] is None:
            continue
        led += 1
        assert chrome["h1"] >= LEAD * chrome["h2"], (path, chrome["h1"], chrome["h2"])
    assert led >= len(PAGES) // 2, led


@pytest.mark.parametrize("view", ["phone-light", "phone-dark"])
def test_the_top_bar_shows_a_page_title_whole(visits, view):
    for path in PAGES:
        if path in (MISSING, ""):  # the home's bar: its front matter's title, not the nav's
            continue
        bar = visits[path, view].probe["chrome"]["topBar"]
        assert bar is not None, path
        assert bar["over"] <= 0, (path, bar)
        if re.search(r"\bQ\d", bar["text"]):  # three pages are Q1: the task says which
            task = path.split("/")[0].removeprefix("task-").replace("-", ".")
            assert bar["text"].startswith(f"{task} Q"), (path, bar)


@pytest.mark.parametrize("view", DESK_VIEWS)
def test_the_summary_keeps_the_measure_and_gives_the_reason_room(visits, view):
    others = [visits[p, view].probe["chrome"]["prose"] for p in PAGES
              if p.startswith("task-") and "notebook" not in p]
    summary = visits[SUMMARY, view].probe["chrome"]
    assert summary["prose"] <= max(others) + 1, (summary["prose"], max(others))
    table = summary["summary"]
    assert table["why"] >= 0.5 * table["row"], table
    assert table["label"] <= 0.2 * table["row"], table


@pytest.mark.parametrize("view", list(VIEWS))
def test_a_paragraphs_gap_after_content_tabs(visits, view):
    sets = 0
    for path in PAGES:
        chrome = visits[path, view].probe["chrome"]
        for after in chrome["tabGaps"]:  # a paragraph's gap, or what follows keeps its own
            sets += 1
            assert after["gap"] <= max(chrome["paragraphGap"], after["own"]) + 1, (path, after)
    assert sets, "no content tabs on any page"
