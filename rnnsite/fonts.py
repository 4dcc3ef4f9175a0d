"""The site's fonts: STIX Two Math for the math and the upright text, STIX text faces for
italic and bold.

Math and text should look like one hand: the same x-height, the same stroke, the same
letters. STIX Two Math (SIL Open Font License 1.1, from the ``ziamath`` package on PyPI)
carries the upright Latin, Greek and punctuation of STIX Two Text, but no text italic or
bold: its math alphabets (U+1D400 …) have math side bearings, no kerning, no italic digits
and no bold punctuation, so text set in them falls apart ("o f the", "Con f erence"). No
package on PyPI ships STIX Two Text; matplotlib ships the STIX 1 text faces it grew from
(STIXGeneral Italic, Bold, Bold Italic: SIL OFL 1.1, matplotlib's ``LICENSE_STIX``), with
text spacing, kerning, italic digits and bold punctuation. Every face is cut from those
files at build time with fontTools:

- **math and upright text** (``stix-two-math.woff2``): STIX Two Math itself, subset to the
  characters of the pages' math and text, its ``MATH`` table kept (stretchy brackets,
  script sizes). One file serves both, so the text costs a page that has math almost
  nothing (the math needs most of the Latin letters anyway);
- **italic**, **bold** and **bold italic**: STIXGeneral's faces, subset to the text's
  characters. What a face lacks of them is added, so that a styled run never changes font
  in mid-word (and a PDF printed from the page never reads "1 . 1 ,"): superscript digits
  and minus as the face's own glyphs, scaled as its ``¹`` is; anything else from the
  upright face of the same weight, or at last from STIX Two Math.

STIX 1 has a smaller x-height than STIX Two (0.45 against 0.473 em). The site scales its
text with ``font-size-adjust`` (rnnnotes.css), which browsers apply to each face by its
``OS/2`` x-height; each STIX face's x-height field is set so that the face comes out at the
size where its x-height and cap height miss STIX Two's by the same ratio (a few per cent,
one too small, one too large), rather than its x-height alone matched and its capitals
towering over the upright ones.

The STIX faces are a modified version in the licence's sense (``STIX Fonts`` is a reserved
font name): they are renamed ``rnnnotes Text``, keep their copyright and trademark records,
and state the licence. ``docs/assets/rnnnotes.css`` declares every ``@font-face``. Writing
files into the built site is a build step, so this is an MkDocs hook
(``hooks: [rnnsite/fonts.py]``, ``on_post_build``); Zensical ignores hooks, and there the
browser falls back to its own fonts.
"""

from __future__ import annotations

import enum
import html
import importlib.util
import io
import re
from functools import lru_cache
from pathlib import Path

from rnnsite.text_faces import complete, fit_beside, rename, stix_text

FONT_DIR = "assets/fonts"  # relative to the site's root, where rnnnotes.css expects them

_UPPER, _LOWER = range(0x41, 0x5B), range(0x61, 0x7B)


def _alphabet(upper: int, lower: int) -> dict[int, int]:
    """Plain letters → the first code points of a math alphabet."""
    return {c: upper + c - 0x41 for c in _UPPER} | {c: lower + c - 0x61 for c in _LOWER}


class Face(enum.Enum):
    """A font file of the site: its file name, its style, the STIXGeneral file it is cut
    from (none: the math font's own), and the upright file of its weight."""

    MATH = ("stix-two-math.woff2", "Regular", None, None)  # and the upright text
    ITALIC = ("text-italic.woff2", "Italic", "STIXGeneralItalic.ttf", "STIXGeneral.ttf")
    BOLD = ("text-bold.woff2", "Bold", "STIXGeneralBol.ttf", "STIXGeneralBol.ttf")
    BOLD_ITALIC = ("text-bold-italic.woff2", "Bold Italic", "STIXGeneralBolIta.ttf",
                   "STIXGeneralBol.ttf")

    def __init__(self, file: str, style: str, source: str | None, upright: str | None) -> None:
        self.file, self.style, self.source, self.upright = file, style, source, upright

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
# (No liga: STIXGeneral's italic f clears the i without its fi, and the ligatures cost 0.5 KB
# a face.)
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


def math_italic(char: str) -> int:
    """The code point a browser draws for ``char`` alone in an ``<mi>``: its mathematical
    italic (MathML Core's automatic italic), or ``char`` itself."""
    return _MATH_ITALIC.get(ord(char), ord(char))


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
    return {face: text | math_chars(pages) if face is Face.MATH else text for face in Face}


@lru_cache(maxsize=8)
def font_file(face: Face, chars: frozenset[int]) -> bytes:
    """``face`` as WOFF2, carrying ``chars`` (and the glyphs they need).

    The result depends only on ``face``, ``chars`` and the fonts: the original timestamp is
    kept, so two builds write the same bytes."""
    from fontTools import subset  # build-time only
    from fontTools.ttLib import TTFont

    math_font = TTFont(stix_two_math(), recalcTimestamp=False)
    if face is Face.MATH:
        font = math_font
    else:
        font = TTFont(stix_text(face.source), recalcTimestamp=False)
        complete(font, chars, [TTFont(stix_text(face.upright)), math_font])
        fit_beside(font, math_font)
        rename(font, face.style, face.source.removesuffix(".ttf"))
    options = subset.Options()
    options.flavor = "woff2"
    options.name_IDs = ["*"]  # keep the copyright and licence records (OFL)
    options.hinting = False  # browsers scale the outlines; hints only add bytes
    # FontForge's timestamp table (STIXGeneral has one): dropped, and said nothing about
    # (the subsetter would log "FFTM NOT subset" on every build)
    options.drop_tables = [*options.drop_tables, "FFTM"]
    options.layout_features = _MATH_FEATURES if face is Face.MATH else _TEXT_FEATURES
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(chars))
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def source_files() -> list[Path]:
    """Every font file the faces are cut from."""
    names = sorted({name for face in Face for name in (face.source, face.upright) if name})
    return [stix_two_math(), *map(stix_text, names)]


def on_post_build(config) -> None:  # MkDocs hook (mkdocs.yml: hooks)
    """Write every face, subset to the built pages, into the site."""
    # MkDocs runs this file as a loose module on every (re)build; the package module's
    # cache outlives `mkdocs serve` rebuilds, so a rebuild with the same pages is instant.
    from rnnsite.cache import site_cache
    from rnnsite.fonts import faces_chars, font_file, source_files

    site = Path(config["site_dir"])
    pages = [p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))]
    cache = site_cache()  # key: the face, its characters, the font files, the code, uv.lock
    source = cache.file_parts(source_files())
    for face, chars in faces_chars(pages).items():
        target = site / face.path
        target.parent.mkdir(parents=True, exist_ok=True)
        parts = [face.name, ",".join(map(str, sorted(chars))), *source]
        target.write_bytes(cache.cached(f"font_{face.name.lower()}", parts,
                                        lambda f=face, c=chars: font_file(f, c)))
