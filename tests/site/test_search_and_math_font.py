"""Equations are searchable number by number, and the math font covers every equation."""

from __future__ import annotations

import html
import io
import json
import re

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
            # A one-letter <mi> is drawn in math italic (x → U+1D465, h → U+210E).
            for letter in re.findall(r"<mi>([A-Za-z])</mi>", math):
                italic = 0x210E if letter == "h" else (
                    0x1D434 + ord(letter) - ord("A") if letter.isupper()
                    else 0x1D44E + ord(letter) - ord("a"))
                if italic not in cmap:
                    missing.add(f"italic {letter}")
    assert sorted(missing) == []


def test_the_math_font_is_subset(site):
    assert (site / FONT).stat().st_size < 100 * 1024  # the whole font is 1.5 MB
