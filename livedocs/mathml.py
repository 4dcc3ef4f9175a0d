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
      - livedocs.mathml
"""

from __future__ import annotations

import html
import logging
import re

from latex2mathml.converter import convert
from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

log = logging.getLogger("mkdocs.plugins.livedocs")

# arithmatex's generic wrappers; the TeX inside is HTML-escaped.
_WRAPPED = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">'
    r"(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])"
    r"</(?P=tag)>",
    re.DOTALL,
)

_GROUPED = re.compile(r"<mn>([\d,]+)</mn><mrow><mo>&#x0002C;</mo></mrow><mn>(\d{3}(?:\.\d+)?)</mn>")


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
            return mathml
        mathml = folded


def _render(match: re.Match[str]) -> str:
    display = match["block"] is not None
    tex = html.unescape(match["block"] if display else match["inline"])
    try:
        mathml = tex_to_mathml(tex, display=display)
    except Exception as exc:  # noqa: BLE001 (latex2mathml raises many kinds on bad TeX)
        # Never crash the build on malformed TeX: the live-number checker names the line;
        # here the TeX is shown as code, and the warning fails a strict build too.
        log.warning("math cannot be rendered (%s): %s", type(exc).__name__, tex.strip())
        return f'<code class="tex-error">{html.escape(tex.strip())}</code>'

    if display:
        return f'<div class="arithmatex mathml-block">{mathml}</div>'
    return f'<span class="arithmatex">{mathml}</span>'


class MathMLPostprocessor(Postprocessor):
    """Replace every arithmatex wrapper in the page's HTML by MathML."""

    def run(self, text: str) -> str:
        return _WRAPPED.sub(_render, text)


class MathMLExtension(Extension):
    """Python-Markdown extension: arithmatex output → MathML."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        # Postprocessors run on the final HTML after raw HTML is restored (priority 30,
        # "raw_html", runs first), so arithmatex's stashed output is visible here.
        md.postprocessors.register(MathMLPostprocessor(md), "livedocs_mathml", 5)


def makeExtension(**kwargs: object) -> MathMLExtension:  # noqa: N802 (Python-Markdown's API)
    return MathMLExtension(**kwargs)
