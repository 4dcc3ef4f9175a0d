"""Inline math's x-height beside the text's, measured on the rendered glyphs
(test_browser_inline_math.py asserts on it): an "x" of the text and an "x" of the math, as
the page sets them, drawn large, each screenshot and its ink measured. Run by the browser
audit in its visit of each page (browser_audit.py), so no page is loaded for it alone."""

from __future__ import annotations

import io
import math

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



def _area(box: dict, clip: dict) -> tuple[int, int, int, int]:
    """The pixels ``box`` touches, in a screenshot clipped to ``clip`` (Playwright clips to
    the pixels a box touches: from the floor of its corner to the ceiling of the other)."""
    x0, y0 = math.floor(clip["x"] + 1e-3), math.floor(clip["y"] + 1e-3)
    return (math.floor(box["x"] + 1e-3) - x0, math.floor(box["y"] + 1e-3) - y0,
            math.ceil(box["x"] + box["width"] - 1e-3) - x0,
            math.ceil(box["y"] + box["height"] - 1e-3) - y0)


def _ink_height(image: Image.Image) -> int:
    """The height in pixels of the dark marks in a greyscale image (a glyph's ink)."""
    dark = image.point(lambda v: 255 if v < 128 else 0).getbbox()
    return dark[3] - dark[1] if dark else 0


def x_heights(page) -> tuple[int, int] | None:
    """(the text's x ink height, the math's) on ``page`` as it is now, in px at ``SIZE``;
    None if the page has no paragraph. The pair is removed again. One screenshot of the
    pair, cut at each x's box (each screenshot has the page drawn again: two of them cost
    the audit twice the drawing for the same pixels)."""
    if not page.evaluate(PAIR, SIZE):
        return None
    try:
        boxes = {name: page.locator(f"#xh-{name}").bounding_box()  # as Playwright clips
                 for name in ("pair", "text", "math")}
        shot = Image.open(io.BytesIO(page.screenshot(clip=boxes["pair"]))).convert("L")
        return tuple(_ink_height(shot.crop(_area(boxes[name], boxes["pair"])))
                     for name in ("text", "math"))
    finally:
        page.evaluate("document.getElementById('xh-pair').remove()")
