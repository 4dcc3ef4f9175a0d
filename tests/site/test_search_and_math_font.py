"""Equations are searchable number by number, and the math font covers every equation."""

from __future__ import annotations

import html
import io
import json
import re
import unicodedata
from html.parser import HTMLParser

from fontTools.ttLib import TTFont

MATH = re.compile(r"<math\b.*?</math>", re.DOTALL)
FONT = "assets/fonts/stix-two-math.woff2"


def pages(site):
    return {p: p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def test_every_number_in_an_equation_is_a_search_token(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    tokens = set()
    for doc in index["docs"]:
        text = html.unescape(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]))
        tokens.update(separator.split(text))
    numbers = set()
    for page in pages(site).values():
        for math in MATH.findall(page):
            numbers.update(re.findall(r"<mn>([^<]+)</mn>", math))
    assert numbers, "the site has equations with numbers"
    assert sorted(numbers - tokens) == []


def _font(site) -> TTFont:
    data = (site / FONT).read_bytes()
    assert data[:4] == b"wOF2"
    return TTFont(io.BytesIO(data))


def test_the_math_font_has_a_math_table_and_its_licence(site):
    font = _font(site)
    assert "MATH" in font  # stretchy delimiters, large operators, script sizes
    names = {r.nameID: str(r) for r in font["name"].names if r.platformID == 3}
    assert names[1] == "STIX Two Math" and "Open Font License" in names[13]


def test_the_math_font_covers_every_character_of_every_equation(site):
    cmap = _font(site).getBestCmap()
    missing = set()
    for page in pages(site).values():
        for math in MATH.findall(page):
            text = html.unescape(re.sub(r"<[^>]+>", "", math))
            missing.update(c for c in text if not c.isspace() and ord(c) not in cmap)
            # A one-letter <mi> is drawn in math italic (x → 𝑥, h → ℎ, α → 𝛼), found here by
            # the letter's Unicode name.
            for letter in map(html.unescape, re.findall(r"<mi>([^<]+)</mi>", math)):
                if len(letter) != 1 or not letter.isalpha():
                    continue
                name = unicodedata.name(letter)
                italic = "PLANCK CONSTANT" if letter == "h" else re.sub(
                    r"^(LATIN|GREEK) (CAPITAL|SMALL) LETTER", r"MATHEMATICAL ITALIC \2", name)
                if ord(unicodedata.lookup(italic)) not in cmap:
                    missing.add(f"italic {letter}")
    assert sorted(missing) == []


def test_the_math_font_is_subset(site):
    assert (site / FONT).stat().st_size < 100 * 1024  # the whole font is 1.5 MB


class _Text(HTMLParser):
    """The characters of a page's text outside math, code, scripts, styles and SVG."""

    SKIP = {"math", "pre", "code", "script", "style", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.chars = 0, set()

    def handle_starttag(self, tag, attrs):
        self.depth += tag in self.SKIP

    def handle_endtag(self, tag):
        self.depth -= tag in self.SKIP

    def handle_data(self, data):
        if not self.depth:
            self.chars.update(c for c in data if not c.isspace())


def test_the_upright_text_of_every_page_is_in_the_math_fonts_file(site):
    """The upright text is set in the math font's own file: it carries every character of
    every page's text that STIX Two Math has at all (the rest, such as emoji, the browser
    takes from another font)."""
    from rnnsite.fonts import stix_two_math

    served, whole = _font(site).getBestCmap(), TTFont(stix_two_math()).getBestCmap()
    missing = set()
    for page in pages(site).values():
        parser = _Text()
        parser.feed(page)
        missing.update(c for c in parser.chars if ord(c) in whole and ord(c) not in served)
    assert sorted(missing) == []


def test_each_declared_text_face_carries_all_of_the_text(site):
    """Every @font-face of the text family in rnnnotes.css names a file the build wrote, and
    each carries every character of the pages' text that the upright face has: a styled run
    never changes font in mid-word (which would also split the PDF's text: "1 . 1 ,")."""
    css = (site / "assets" / "rnnnotes.css").read_text(encoding="utf-8")
    faces = [body for body in re.findall(r"@font-face\s*\{([^}]*)\}", css)
             if '"rnnnotes Text"' in body]
    assert len(faces) == 4
    upright = _font(site).getBestCmap()
    text = set()
    for page in pages(site).values():
        parser = _Text()
        parser.feed(page)
        text.update(ord(c) for c in parser.chars if ord(c) in upright)
    for body in faces:
        assert "unicode-range" not in body
        src = re.search(r'url\("([^"]+)"\)', body)[1]
        cmap = TTFont(io.BytesIO((site / "assets" / src).read_bytes())).getBestCmap()
        assert sorted(map(chr, text - set(cmap))) == [], src
