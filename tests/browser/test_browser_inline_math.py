"""Inline math beside the text: STIX Two Math's letters stand as tall as the sans-serif
body's (rnnnotes.css matches their x-heights with font-size-adjust), measured on the
rendered glyphs, at 390 and 1280 px, light and dark, on every answer page, notebook and
Conventions.

The browser audit measures them on its one visit of each page in each view (browser_audit.py:
``XHEIGHT_PAIR``, ``ink_height``): after a paragraph of the page that holds inline math, an
"x" of the text beside an "x" of the math, drawn at 200 px, black on white; each glyph
screenshotted and its ink measured. On a page without inline math of its own the pair goes
after its first paragraph: what is measured is the page's CSS for inline math beside its
text, never skipped."""

from __future__ import annotations

import pytest
from browser_audit import VIEWS, XHEIGHT_PAGES

TOLERANCE = 0.03  # the x-heights agree within 3%


@pytest.mark.parametrize(("view", "path"), [pytest.param(view, path, id=f"{view}-{path}")
                                            for view in VIEWS for path in XHEIGHT_PAGES])
def test_inline_math_has_the_texts_x_height(visits, view, path):
    measured = visits[path, view].xheight
    assert not isinstance(measured, str), measured  # "no paragraph on the page", "no ink"
    text, math = measured
    assert abs(math / text - 1) <= TOLERANCE, (text, math)
