"""The tables of contents show a heading as the heading shows it (rnnsite/toc_rich.py):
the same words and symbols, and the same math, emphasis and code, in the right sidebar at a
desk and in the drawer on a phone; the math in the math font, as in the heading. Every
page with such a heading, at 390 and 1280 px.

Before the hook, "What does grow with T" had an upright "T" of the text font in both
tables of contents, and ``rnnnotes count`` lost its code face."""

from __future__ import annotations

import pytest
from browser_audit import LIGHT_VIEWS, PAGES

# the pages whose headings have math or code: the test must see some
EXPECTED = {"task-1-1/q2-parameters-over-time/", "cli/"}


@pytest.mark.parametrize("view", LIGHT_VIEWS)
def test_toc_entries_show_what_their_heading_shows(visits, view):
    """Read in the audit's visit of each page (probe_aids.js)."""
    seen, wrong = set(), []
    for path in PAGES:
        probe = visits[path, view].probe
        for heading in probe["tocHeadings"]:
            seen.add(path)
            if not heading["links"]:
                wrong.append((path, heading["id"], "no entry in any table of contents"))
            for link in heading["links"]:
                got = {k: link[k] for k in ("words", "shape", "font")}
                want = {k: heading[k] for k in ("words", "shape", "font")}
                if got != want:
                    wrong.append((path, heading["id"], link["where"], got, want))
        if probe["tocPilcrows"]:
            wrong.append((path, "a permalink's ¶ in the table of contents", probe["tocPilcrows"]))
    assert EXPECTED <= seen, f"{view}: headings with math or code not found on {EXPECTED - seen}"
    assert not wrong, f"{view}: {wrong}"
