"""Inline math beside the text: STIX Two Math's letters stand as tall as the sans-serif
body's (rnnnotes.css matches their x-heights with font-size-adjust), measured on the
rendered glyphs, at 390 and 1280 px, light and dark, on every answer page, notebook and
Conventions."""

from __future__ import annotations

import io

import pytest
from browser_audit import PAGES, VIEWS
from PIL import Image
from site_server import open_view

TOLERANCE = 0.03  # the x-heights agree within 3%
SIZE = 200  # px: the pair is drawn at 200 px, where a pixel is half a percent of x
# After a paragraph of the page that holds inline math: an "x" of the text beside an "x" of
# the math, as the page writes it (<span class="arithmatex"><math>), black on white, in the
# middle of the screen (clear of the sticky header).
PAIR = """(size) => {
  const p = [...document.querySelectorAll("article.md-content__inner > p")]
    .find((el) => el.querySelector(".arithmatex:not(.mathml-block) math"))
    || document.querySelector("article.md-content__inner p");  // a page without inline math
  if (!p) return null;
  const pair = document.createElement("p");
  pair.style.cssText = `font-size:${size}px;line-height:1.3;color:#000;background:#fff`;
  pair.innerHTML = '<span id="xh-text">x</span> <span class="arithmatex">' +
    '<math><mi id="xh-math">x</mi></math></span>';
  p.after(pair);
  pair.scrollIntoView({ block: "center" });
  return true;
}"""


def _ink_height(png: bytes) -> int:
    """The height in pixels of the dark marks in a screenshot (a glyph's ink)."""
    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    pixels = image.load()
    rows = [y for y in range(height) if any(pixels[x, y] < 128 for x in range(width))]
    assert rows, "no ink"
    return rows[-1] - rows[0] + 1


@pytest.fixture(scope="module", params=list(VIEWS))
def view(request, browser):
    with open_view(browser, *VIEWS[request.param]) as page:
        yield page


@pytest.mark.parametrize("path", [p for p in PAGES if p.startswith(("task-", "conventions"))])
def test_inline_math_has_the_texts_x_height(view, server, path):
    view.goto(server.url + path)
    view.evaluate("document.fonts.ready.then(() => true)")
    # on a page without inline math of its own, the pair goes after its first paragraph:
    # what is measured is the page's CSS for inline math beside its text, never skipped
    assert view.evaluate(PAIR, SIZE), "no paragraph on the page"
    text = _ink_height(view.locator("#xh-text").screenshot())
    math = _ink_height(view.locator("#xh-math").screenshot())
    assert abs(math / text - 1) <= TOLERANCE, (text, math)
