"""Render the site's math to MathML at build time, so pages need no script and no network.

``pymdownx.arithmatex`` (``generic: true``) finds ``$...$`` and ``$$...$$`` and wraps the
TeX in ``<span class="arithmatex">\\(...\\)</span>`` or ``<div class="arithmatex">\\[...\\]</div>``.
Browsers would then need MathJax or KaTeX (a CDN, or vendored files) to typeset it. Instead,
this postprocessor converts each wrapper's TeX with ``latex2mathml`` into MathML, which
current browsers render natively. Being a Python-Markdown extension (not an MkDocs plugin),
it also runs under Zensical.

Register it after arithmatex::

    markdown_extensions:
      - pymdownx.arithmatex: {generic: true}
      - rnnsite.mathml

Two more things make the math readable and findable:

- **Search.** Every token element is followed by a space
  (``<mn>20</mn> <mo>·</mo> <mn>128</mn>``). MathML layout ignores whitespace between
  elements, but the search index reads the text of the page: without the spaces, an
  equation is one glued token (``(20·128+128·10)·5``) and none of its numbers can be found.
- **One font for math and text.** The math is set in STIX Two Math and the text in faces
  made from it (``rnnsite/fonts.py``, an MkDocs hook that writes the font files).
"""

from __future__ import annotations

import html
import logging
import re
from xml.etree import ElementTree

from latex2mathml.converter import convert
from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from rnnsite.math_accents import accents
from rnnsite.math_scripts import subscripts
from rnnsite.math_spacing import tight

log = logging.getLogger("mkdocs.plugins.livedocs")

# arithmatex's generic wrappers; the TeX inside is HTML-escaped. An opening bracket or
# quote right before inline math, and punctuation right after it, are taken along, to be
# kept on the math's line.
_WRAPPED = re.compile(
    r'(?P<open>[(\[“‘]{1,2}(?=<span class="arithmatex">))?'
    r'<(?P<tag>span|div) class="arithmatex">'
    r"(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])"
    r"</(?P=tag)>"
    r"(?P<punct>(?<=</span>)[.,;:!?)\]”’]{1,3})?",
    re.DOTALL,
)

# An opening bracket before a checked inline formula, which livedocs has wrapped (its
# reveal's <span class="ld-wrap">, whose .ld must stay its direct child): the bracket moves
# inside the wrapper, which then keeps it on the formula's line (rnnnotes.css, .rn-open).
_OPEN_LIVE = re.compile(
    r'(?P<open>[(\[“‘]{1,2})<span class="ld-wrap(?P<math> ld-wrap--math)?">'
    r'(?=<span class="ld"[^>]*><span class="arithmatex">\\\()')


def _open_live(match: re.Match[str]) -> str:
    # a checked formula (ld-wrap--math), or a live number in prose scientific notation that
    # livedocs shows as inline math (its sci_math option)
    return f'<span class="ld-wrap{match["math"] or ""} rn-open">{match["open"]}'


_GROUPED = re.compile(r"<mn>([\d,]+)</mn><mrow><mo>&#x0002C;</mo></mrow><mn>(\d{3}(?:\.\d+)?)</mn>")

_MATH = re.compile(r"<math\b.*?</math>", re.DOTALL)
_CHAR_REF = re.compile(r"&#x([0-9A-Fa-f]+);")
_TOKEN_END = re.compile(r"(</(?:mi|mn|mo|mtext|ms)>)(?=<)")
_TAG = re.compile(r"<[^>]+>")
_LAST_SPACE = re.compile(r" (?=(?:</[a-z]+>)*\Z)")
_MATHML_NS = "http://www.w3.org/1998/Math/MathML"


# latex2mathml lays out `split` and `align*` as tables, but prints `aligned` and `gathered`
# as one line with literal `&`; and `align` would number its lines with numbers no check
# sees. So the aligned environments render as `split`, the numbered ones as starred.
_ENVIRONMENTS = re.compile(r"\\(begin|end)\{(aligned|alignedat|gathered|align|gather|equation)\}")


def _environment(m: re.Match[str]) -> str:
    name = {"aligned": "split", "alignedat": "split", "gathered": "split"}.get(
        m.group(2), m.group(2) + "*")
    return f"\\{m.group(1)}{{{name}}}"


def tex_to_mathml(tex: str, *, display: bool) -> str:
    """Return the MathML for ``tex`` (``display`` selects block layout)."""
    if not isinstance(tex, str):
        raise TypeError(f"tex: expected a str, got {type(tex).__name__}")
    mathml = convert(_ENVIRONMENTS.sub(_environment, tex.strip()),
                     display="block" if display else "inline")
    # latex2mathml turns the thousands separator ``19{,}712`` into three nodes
    # (<mn>19</mn><mrow><mo>,</mo></mrow><mn>712</mn>); an <mo> comma gets operator
    # spacing ("19, 712"), so fold the groups back into one number.
    while True:
        folded = _GROUPED.sub(r"<mn>\1,\2</mn>", mathml)
        if folded == mathml:
            break
        mathml = folded
    return _compact(_tight(mathml))


def _tight(mathml: str) -> str:
    root = ElementTree.fromstring(mathml.replace(f' xmlns="{_MATHML_NS}"', "", 1))
    tight(root)
    accents(root)
    subscripts(root)
    _line_breaks(root)
    out = ElementTree.tostring(root, encoding="unicode")
    # markup characters as latex2mathml writes them (ElementTree writes &lt; and so on)
    return (out.replace("&amp;", "&#x00026;").replace("&lt;", "&#x0003C;")
            .replace("&gt;", "&#x0003E;"))


# An aligned display that is one expression broken for a narrow column (``&a + b \\ &= c``):
# every row's first cell empty, each row after the first opening with an operator. Its
# table is marked; rnnnotes.js sets it on one line wherever that line fits the column
# (rnnnotes.css, .rn-joined). A system of equations (``h_t &= …``) is never joined.
LINE_BREAKS = "rn-line-breaks"


def _line_breaks(root: ElementTree.Element) -> None:
    for table in root.iter("mtable"):
        rows = [[cell for cell in row if cell.tag == "mtd"] for row in table if row.tag == "mtr"]
        if len(rows) < 2 or any(len(r) != 2 or len(r[0]) or (r[0].text or "").strip()
                                for r in rows):
            continue
        starts = [[el for el in r[1] if not (el.tag == "mi" and not (el.text or "").strip())]
                  for r in rows[1:]]
        if all(s and s[0].tag == "mo" for s in starts):
            table.set("class", LINE_BREAKS)


def _compact(mathml: str) -> str:
    """Smaller, searchable MathML: characters instead of latex2mathml's numeric references
    (``&#x0002B;`` → ``+``; markup characters stay escaped), no ``xmlns`` (HTML5 knows
    ``<math>``), and a space after each token element (invisible in MathML, a token
    boundary for the search index)."""
    mathml = _CHAR_REF.sub(_char, mathml)
    mathml = mathml.replace(' xmlns="http://www.w3.org/1998/Math/MathML"', "", 1)
    # no space after the last token: the text of a heading's TOC entry ("grow with T:")
    # would keep it before the punctuation that follows the math ("T :")
    return _LAST_SPACE.sub("", _TOKEN_END.sub(r"\1 ", mathml))


def _char(match: re.Match[str]) -> str:
    char = chr(int(match[1], 16))
    return match[0] if char in "<>&\"'" else char


# A display formula quoted verbatim that ends in an escaped ``$$`` (the student's answers:
# a math delimiter left by a conversion of their file). Rendered as math, the two dollars
# looked like a slip of the site's own ("= 19712.    $$", and cut off beside the scroll
# button on a phone); they stay, as the literal characters they are, beside the formula and
# out of its scrolling box, with a link to the page's note on them (id STRAY_NOTE).
_STRAY = re.compile(r"(?:\\quad|\\[,;:!]|~|\s)*\\\$\\\$\s*\Z")
STRAY_NOTE = "stray-delimiters"


def _stray(tex: str) -> tuple[str, str]:
    """(the formula, the stray ``$$`` after it, as HTML or "")."""
    m = _STRAY.search(tex)
    if m is None:
        return tex, ""
    return tex[: m.start()], (
        '<span class="rn-stray"><code class="rn-stray__chars">$$</code>'
        f' <a class="rn-stray__note" href="#{STRAY_NOTE}">stray in the original</a></span>')


_OPEN_END = re.compile(r"(?:[=<>]|\\(?:approx|le|ge|leq|geq|ne|neq|sim|equiv))\s*\Z")


def _render(match: re.Match[str]) -> str:
    display = match["block"] is not None
    tex = html.unescape(match["block"] if display else match["inline"])
    stray = ""
    if display:
        tex, stray = _stray(tex)
    elif _OPEN_END.search(tex):
        # "$p =$ 102": the value outside the math gets the relation's space and the text's
        # ("p =  102"); it belongs inside ("$p = 102<!--= … -->$"). A strict build fails.
        log.warning("inline math ends in a relation, the value after it belongs inside the"
                    " math: %s", tex.strip())
    try:
        mathml = tex_to_mathml(tex, display=display)
    except Exception as exc:  # noqa: BLE001 (latex2mathml raises many kinds on bad TeX)
        # Never crash the build on malformed TeX: the live-number checker names the line;
        # here the TeX is shown as code, and the warning fails a strict build too.
        log.warning("math cannot be rendered (%s): %s", type(exc).__name__, tex.strip())
        return f'<code class="tex-error">{html.escape(tex.strip())}</code>'

    if display:
        block = f'<div class="arithmatex mathml-block">{mathml}</div>'
        if stray:
            block = f'<div class="rn-stray-after">{block}{stray}</div>'
        return block + (match["punct"] or "")
    inline = f'<span class="arithmatex">{mathml}</span>'
    if match["open"] or match["punct"]:
        # "h = 128." never leaves its full stop alone on the next line, nor "(" its formula
        # at the end of the line before
        return f'<span class="rn-nobr">{match["open"] or ""}{inline}{match["punct"] or ""}</span>'
    return inline


class MathMLPostprocessor(Postprocessor):
    """Replace every arithmatex wrapper in the page's HTML by MathML."""

    def run(self, text: str) -> str:
        return _WRAPPED.sub(_render, _OPEN_LIVE.sub(_open_live, text))


class MathMLExtension(Extension):
    """Python-Markdown extension: arithmatex output → MathML."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        # Postprocessors run on the final HTML after raw HTML is restored (priority 30,
        # "raw_html", runs first), so arithmatex's stashed output is visible here.
        md.postprocessors.register(MathMLPostprocessor(md), "livedocs_mathml", 5)


def makeExtension(**kwargs: object) -> MathMLExtension:  # noqa: N802 (Python-Markdown's API)
    return MathMLExtension(**kwargs)
