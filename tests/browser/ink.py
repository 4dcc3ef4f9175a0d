"""Inline math's x-height beside the text's, measured on the rendered glyphs
(test_browser_inline_math.py asserts on it): an "x" of the text and an "x" of the math, as
the page sets them, drawn large, each screenshot and its ink measured. Run by the browser
audit in its visit of each page (browser_audit.py), so no page is loaded for it alone."""

from __future__ import annotations

import io

from PIL import Image

SIZE = 200  # px: the pair is drawn at 200 px, where a pixel is half a percent of x
PAGES_WITH_MATH = ("task-", "conventions")  # the pages measured (path prefixes)
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
  pair.id = "xh-pair";
  pair.scrollIntoView({ block: "center" });
  return true;
}"""



def _ink_height(png: bytes) -> int:
    """The height in pixels of the dark marks in a screenshot (a glyph's ink)."""
    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    pixels = image.load()
    rows = [y for y in range(height) if any(pixels[x, y] < 128 for x in range(width))]
    return rows[-1] - rows[0] + 1 if rows else 0




def x_heights(page) -> tuple[int, int] | None:
    """(the text's x ink height, the math's) on ``page`` as it is now, in px at ``SIZE``;
    None if the page has no paragraph. The pair is removed again."""
    if not page.evaluate(PAIR, SIZE):
        return None
    try:
        return (_ink_height(page.locator("#xh-text").screenshot()),
                _ink_height(page.locator("#xh-math").screenshot()))
    finally:
        page.evaluate("document.getElementById('xh-pair').remove()")
