"""The site's fonts: STIX Two Math for the math, and text faces made from the same font.

Math and text should look like one hand: the same x-height, the same stroke weight, the same
letters. No package this project can install ships a text face made for a math font (or a
math font made for a sans-serif body), but a math font carries its own text: STIX Two Math
(SIL Open Font License 1.1, from the ``ziamath`` package on PyPI) has the upright Latin,
Greek and punctuation of STIX Two Text, and its math alphabets hold the same design's
italic, bold and bold italic letters (U+1D400 …). So every face is cut from that one file at
build time with fontTools:

- **math and upright text** (``stix-two-math.woff2``): STIX Two Math itself, subset to the
  characters of the pages' math and text, its ``MATH`` table kept
  (stretchy brackets, script sizes). One file serves both, so the text costs a page that
  has math almost nothing (the math needs most of the Latin letters anyway);
- **italic**, **bold** and **bold italic**: the letters (and, for bold, the digits) of the
  math alphabets, mapped back to the plain letters, with the rest of the text's characters
  (punctuation, italic digits) as the upright face has them. A face that left those out
  would make the browser switch fonts mid-word ("1.1," in bold), and a PDF printed from the
  page would then read "1 . 1 ," to a text extractor.

The derived faces are renamed (``rnnnotes STIX Text``): they are a modified version of the
font in the licence's sense, and must not pass for STIX Two Text. ``docs/assets/rnnnotes.css``
declares every ``@font-face``. Writing files into the built site is a build step, so this is
an MkDocs hook (``hooks: [rnnsite/fonts.py]``, ``on_post_build``); Zensical ignores hooks,
and there the browser falls back to its own fonts.
"""

from __future__ import annotations

import enum
import html
import importlib.util
import io
import re
from functools import lru_cache
from pathlib import Path

FONT_DIR = "assets/fonts"  # relative to the site's root, where rnnnotes.css expects them
FAMILY = "rnnnotes STIX Text"  # the derived faces' own name (not STIX Two Text)

_UPPER, _LOWER, _DIGITS = range(0x41, 0x5B), range(0x61, 0x7B), range(0x30, 0x3A)


def _alphabet(upper: int, lower: int, digits: int | None = None) -> dict[int, int]:
    """Plain letters (and digits) → the first code points of a math alphabet."""
    mapping = {c: upper + c - 0x41 for c in _UPPER} | {c: lower + c - 0x61 for c in _LOWER}
    if digits is not None:
        mapping |= {c: digits + c - 0x30 for c in _DIGITS}
    return mapping


class Face(enum.Enum):
    """A font file of the site: its file name, its name inside the font, and the map from
    the characters it carries to the math font's characters whose glyphs it takes."""

    MATH = ("stix-two-math.woff2", "Regular", None)  # and the upright text
    ITALIC = ("stix-two-text-italic.woff2", "Italic",
              _alphabet(0x1D434, 0x1D44E) | {ord("h"): 0x210E})  # U+1D455 is unassigned
    BOLD = ("stix-two-text-bold.woff2", "Bold", _alphabet(0x1D400, 0x1D41A, 0x1D7CE))
    BOLD_ITALIC = ("stix-two-text-bold-italic.woff2", "Bold Italic",
                   _alphabet(0x1D468, 0x1D482, 0x1D7CE))

    def __init__(self, file: str, style: str, mapping: dict[int, int] | None) -> None:
        self.file, self.style, self.mapping = file, style, mapping

    @property
    def path(self) -> str:
        return f"{FONT_DIR}/{self.file}"


# A one-character <mi> is drawn in math italic: browsers map its letter to the italic one
# (x → 𝑥, U+1D465; h → ℎ, U+210E; α → 𝛼; MathML Core's text-transform: math-auto).
_MATH_ITALIC = (
    _alphabet(0x1D434, 0x1D44E) | {ord("h"): 0x210E}
    | {c: 0x1D6E2 + c - 0x391 for c in range(0x391, 0x3AA)}
    | {c: 0x1D6FC + c - 0x3B1 for c in range(0x3B1, 0x3CA)}
    | dict(zip(map(ord, "∂ϵϑϰϕϱϖıȷ"), [*range(0x1D715, 0x1D71C), 0x1D6A4, 0x1D6A5], strict=True))
)
_MI = re.compile(r"<mi\b[^>]*>([^<]+)</mi>")
# Layout features kept: ssty gives the script-size glyph variants; the rest place accents.
_MATH_FEATURES = ["ssty", "dtls", "flac", "ccmp", "mark", "mkmk", "kern", "locl"]
_TEXT_FEATURES = ["ccmp", "mark", "mkmk", "kern", "locl"]
_MATH = re.compile(r"<math\b.*?</math>", re.DOTALL)
# What the text faces never show: math (its own font), code, scripts, styles, inline SVG.
_NOT_TEXT = re.compile(r"<(math|pre|code|script|style|svg)\b.*?</\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_CONTROL = {0x09, 0x0A, 0x0D}
_DRAWN = {"<msqrt": 0x221A, "<mroot": 0x221A}  # elements that draw a glyph of their own


def stix_two_math() -> Path:
    """The STIX Two Math TrueType file inside the installed ``ziamath`` package."""
    spec = importlib.util.find_spec("ziamath")  # locate, do not import (it is slow)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the site's fonts come from the ziamath package: `uv sync` installs it")
    font = Path(spec.submodule_search_locations[0]) / "fonts" / "STIXTwoMath-Regular.ttf"
    if not font.is_file():
        raise RuntimeError(f"ziamath no longer ships {font.name}; pin ziamath or pick a font")
    return font


def math_chars(pages: list[str]) -> frozenset[int]:
    """The code points the math font must carry: every character in the ``<math>`` elements
    of ``pages`` (HTML), the italic letter a browser draws for a one-letter ``<mi>``, and
    the glyphs an element draws without a character of its own (``<msqrt>`` and ``<mroot>``
    draw the radical sign, U+221A, and its taller variants, kept with it by the MATH table).
    Nothing more: a character no page uses would only add weight (a page that brings a new
    one changes the set, and the font is cut again)."""
    chars = set()
    for page in pages:
        for math in _MATH.findall(page):
            chars.update(map(ord, html.unescape(_TAG.sub("", math))))
            chars.update(c for tag, c in _DRAWN.items() if tag in math)
            for letter in map(html.unescape, _MI.findall(math)):
                if len(letter) == 1 and ord(letter) in _MATH_ITALIC:
                    chars.add(_MATH_ITALIC[ord(letter)])
    return frozenset(chars - _CONTROL)


def text_chars(pages: list[str]) -> frozenset[int]:
    """The code points the upright text needs: printable ASCII and every character of the
    pages' text outside math, code, scripts and styles (what the font lacks of them, such as
    emoji, the browser takes from another font)."""
    chars = set(range(0x20, 0x7F))
    for page in pages:
        chars.update(map(ord, html.unescape(_TAG.sub("", _NOT_TEXT.sub("", page)))))
    return frozenset(chars - _CONTROL)


def face_chars(face: Face, pages: list[str]) -> frozenset[int]:
    """The characters ``face`` carries for ``pages``."""
    return faces_chars(pages)[face]


def faces_chars(pages: list[str]) -> dict[Face, frozenset[int]]:
    """The characters each face carries for ``pages`` (the pages' text read once)."""
    text = text_chars(pages)
    return {face: text | (math_chars(pages) if face is Face.MATH else frozenset(face.mapping))
            for face in Face}


@lru_cache(maxsize=8)
def font_file(face: Face, chars: frozenset[int]) -> bytes:
    """``face`` as WOFF2, carrying ``chars`` (and the glyphs they need), from STIX Two Math.

    The result depends only on ``face``, ``chars`` and the font: the original timestamp is
    kept, so two builds write the same bytes."""
    from fontTools import subset  # build-time only
    from fontTools.ttLib import TTFont

    font = TTFont(stix_two_math(), recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff2"
    options.name_IDs = ["*"]  # keep the copyright and licence records (OFL)
    options.hinting = False  # browsers scale the outlines; hints only add bytes
    options.layout_features = _MATH_FEATURES if face is Face.MATH else _TEXT_FEATURES
    if face is not Face.MATH:
        del font["MATH"]
        _remap(font, face.mapping)
        _rename(font, face)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(chars))
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def _remap(font, mapping: dict[int, int]) -> None:
    """Point each character of ``mapping`` at the glyph of the character it maps to."""
    glyphs = font.getBestCmap()
    missing = [f"U+{source:04X}" for source in mapping.values() if source not in glyphs]
    if missing:
        raise RuntimeError(f"STIX Two Math lacks {', '.join(missing)}: pin ziamath's font")
    for table in font["cmap"].tables:
        if table.isUnicode():  # the BMP table too: every plain letter is in it
            table.cmap.update({char: glyphs[source] for char, source in mapping.items()})


def _rename(font, face: Face) -> None:
    """Name a derived face as what it is (its own family, its style, its origin), and set
    the weight and slant bits that match its style."""
    bold, italic = "Bold" in face.style, "Italic" in face.style
    ps = f"{FAMILY}-{face.style}".replace(" ", "")
    names = font["name"]
    for name_id in (16, 17, 21, 22):  # typographic family names: none, the family is ours
        names.removeNames(nameID=name_id)
    for name_id, value in ((1, FAMILY), (2, face.style), (3, f"rnnnotes;{ps}"),
                           (4, f"{FAMILY} {face.style}"), (6, ps)):
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    names.setName("Made from STIX Two Math by rnnnotes (rnnsite/fonts.py): its text glyphs"
                  " and math alphabets as a text face.", 10, 3, 1, 0x409)
    font["OS/2"].usWeightClass = 700 if bold else 400
    font["OS/2"].fsSelection = (font["OS/2"].fsSelection & ~0b1100001) | (
        (0b100000 if bold else 0) | (0b1 if italic else 0) | (0 if bold or italic else 0b1000000))
    font["head"].macStyle = (1 if bold else 0) | (2 if italic else 0)


def on_post_build(config) -> None:  # MkDocs hook (mkdocs.yml: hooks)
    """Write every face, subset to the built pages, into the site."""
    # MkDocs runs this file as a loose module on every (re)build; the package module's
    # cache outlives `mkdocs serve` rebuilds, so a rebuild with the same pages is instant.
    from rnnsite.cache import site_cache
    from rnnsite.fonts import faces_chars, font_file, stix_two_math

    site = Path(config["site_dir"])
    pages = [p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))]
    cache = site_cache()  # key: the face, its characters, the font file, the code, uv.lock
    source = cache.file_parts([stix_two_math()])
    for face, chars in faces_chars(pages).items():
        target = site / face.path
        target.parent.mkdir(parents=True, exist_ok=True)
        parts = [face.name, ",".join(map(str, sorted(chars))), *source]
        target.write_bytes(cache.cached(f"font_{face.name.lower()}", parts,
                                        lambda f=face, c=chars: font_file(f, c)))
