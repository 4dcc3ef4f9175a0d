"""Inline math beside the text: STIX Two Math's letters stand as tall as the body text's
(rnnnotes.css matches their x-heights with font-size-adjust), measured on the rendered
glyphs (ink.py, in the browser audit's visit of each page), at 390 and 1280 px, light and
dark, on every answer page, notebook and Conventions."""

from __future__ import annotations

import pytest
from browser_audit import PAGES, VIEWS
from ink import PAGES_WITH_MATH

TOLERANCE = 0.03  # the x-heights agree within 3%


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("path", [p for p in PAGES if p.startswith(PAGES_WITH_MATH)])
def test_inline_math_has_the_texts_x_height(visits, path, view):
    # on a page without inline math of its own, the pair goes after its first paragraph:
    # what is measured is the page's CSS for inline math beside its text, never skipped
    found = visits[path, view].x_heights
    assert found is not None, "no paragraph on the page"
    text, math = found
    assert text > 0 and math > 0, ("no ink", found)
    assert abs(math / text - 1) <= TOLERANCE, (text, math)
