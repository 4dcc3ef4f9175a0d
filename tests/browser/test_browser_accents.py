"""Accents clear their letter and stay close to it: every accent and arrow over a symbol on
the site (``<mover>``: ŷ, v̂, Ĝ, h̃, the arrows of a bidirectional state), drawn at 200 px
in the page's own CSS, the gap between the ink of the accent and the ink of its base
measured on the rendered glyphs (each drawn alone, the other transparent).

Before rnnsite/math_accents.py and its rules in rnnnotes.css, a hat (the ASCII caret
latex2mathml writes, 0.4 em tall) touched its letter (a gap of 0 to 0.005 em), and a tilde
or an arrow floated a limit's 0.2 em above it."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from site_server import open_view, page_paths

SIZE = 200  # px: a pixel is 0.005 em
GAP = (0.03, 0.12)  # em: a hairline at least, never a limit's distance
HAT_HEIGHT = 0.25  # em: an accent's ink is at most this tall (the caret was 0.4)
# A copy of the page's ``<mover>`` number i, alone in a <math> of its own at SIZE px, black
# on white, in the article (under the page's CSS), in the middle of the screen.
PAIR = """([i, size]) => {
  const over = document.querySelectorAll("article mover")[i];
  const p = document.createElement("p");
  p.id = "accent-pair";
  p.style.cssText = `font-size:${size}px;line-height:1.5;color:#000;background:#fff;` +
    "padding:0.3em;margin:0";
  const math = document.createElement("math");
  math.append(over.cloneNode(true));
  p.append(math);
  document.querySelector("article").prepend(p);
  p.scrollIntoView({ block: "center" });
  return over.outerHTML;
}"""
SHOW = """(shown) => {
  const [base, over] = document.querySelectorAll("#accent-pair mover > *");
  base.style.color = shown === "base" ? "" : "transparent";
  over.style.color = shown === "over" ? "" : "transparent";
}"""


def _rows(png: bytes) -> tuple[int, int]:
    """The first and last rows of dark marks in a screenshot (a glyph's ink)."""
    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    pixels = image.load()
    rows = [y for y in range(height) if any(pixels[x, y] < 128 for x in range(width))]
    assert rows, "no ink"
    return rows[0], rows[-1]


@pytest.fixture(scope="module")
def view(browser):
    with open_view(browser, 1280, "light") as page:
        yield page


def test_every_accent_clears_its_base_by_a_hairline(view, server, site):
    pages = [p for p in page_paths(site)
             if "<mover" in (site / p / "index.html").read_text(encoding="utf-8")]
    assert "api/train/" in pages  # ŷ and v̂ (Adam's step) on the API reference
    measured = {}
    for path in pages:
        view.goto(server.url + path)
        view.evaluate("document.fonts.ready.then(() => true)")
        count = view.evaluate("document.querySelectorAll('article mover').length")
        for i in range(count):
            view.goto(server.url + path)
            view.evaluate("document.fonts.ready.then(() => true)")
            source = view.evaluate(PAIR, [i, SIZE])
            if source in measured:
                continue
            pair = view.locator("#accent-pair math")
            view.evaluate(SHOW, "base")
            base = _rows(pair.screenshot())
            view.evaluate(SHOW, "over")
            over = _rows(pair.screenshot())
            accent = view.evaluate("document.querySelector('#accent-pair mover')"
                                   ".getAttribute('accent') === 'true'")
            measured[source] = (path, (base[0] - over[1]) / SIZE,
                                (over[1] - over[0]) / SIZE if accent else 0.0)
    assert measured
    wrong = {source: found for source, found in measured.items()
             if not GAP[0] <= found[1] <= GAP[1] or found[2] > HAT_HEIGHT}
    assert not wrong, f"(page, gap em, accent height em) outside {GAP}, {HAT_HEIGHT}: {wrong}"
