"""A notebook page's body, as mkdocs-jupyter renders it, made offline and fit for the site.

:func:`offline_html`: mkdocs-jupyter's page body without its CDN loaders (MathJax, mermaid),
the markdown cells' ``$...$`` and ``$$...$$`` rendered to MathML with
:func:`rnnsite.mathml.tex_to_mathml`, its style blocks trimmed to the page
(:func:`rnnsite.csstrim.prune_styles`), printed prose lines marked to wrap
(:mod:`rnnsite.notebook_output`), and the markdown cells' quotes curly, as in the site's
other prose (:func:`rnnsite.typeset.curl_html`: never in code, math or output). Used by
:mod:`rnnsite.notebooks_hook`.
"""

from __future__ import annotations

import html
import re

from rnnsite.csstrim import prune_styles
from rnnsite.mathml import tex_to_mathml
from rnnsite.notebook_output import mark_prose_lines
from rnnsite.typeset import curl_html

__all__ = ["offline_html"]

_LOADERS = [
    re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S),
    re.compile(r'<script type="module">(?:(?!</script>).)*?mermaid.*?</script>', re.S),
]
_MARKDOWN_CELL = re.compile(r'(<div class="[^"]*\bjp-MarkdownOutput\b[^"]*"[^>]*>)(.*?)(</div>)',
                            re.S)
_DISPLAY_P = re.compile(r"<p>\s*\$\$(?P<tex>.+?)\$\$\s*</p>", re.S)
_DISPLAY = re.compile(r"(?<!\\)\$\$(?P<tex>.+?)\$\$", re.S)
_INLINE = re.compile(r"(?<![\\$])\$(?![\s$])(?P<tex>(?:\\.|[^\\$])+?)(?<![\s\\])\$(?!\$)")


def _display(m: re.Match[str]) -> str:
    mathml = tex_to_mathml(html.unescape(m["tex"]), display=True)
    return f'<div class="arithmatex mathml-block">{mathml}</div>'


def _inline(m: re.Match[str]) -> str:
    mathml = tex_to_mathml(html.unescape(m["tex"]), display=False)
    return f'<span class="arithmatex">{mathml}</span>'


def _cell_math(m: re.Match[str]) -> str:
    body = _DISPLAY_P.sub(_display, m[2])
    body = _INLINE.sub(_inline, _DISPLAY.sub(_display, body))
    return m[1] + curl_html(body) + m[3]


# JupyterLab's icon fonts put private-use characters in its CSS; the live-number checker
# reserves them (livedocs.marks), so the page carries them as CSS escapes instead.
_STYLE = re.compile(r"(<style\b[^>]*>)(.*?)(</style>)", re.S)
_PRIVATE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")


def _styles(content: str) -> str:
    """The page's style blocks trimmed to the page (mkdocs-jupyter inlines all of
    JupyterLab's CSS, 580 KB), private-use characters as CSS escapes."""
    blocks = list(_STYLE.finditer(content))
    if not blocks:
        return content
    outside = _STYLE.sub("", content)
    sheets = iter(prune_styles([m[2] for m in blocks], outside))

    def block(m: re.Match[str]) -> str:
        css = _PRIVATE.sub(lambda c: f"\\{ord(c[0]):06x}", next(sheets))
        return m[1] + css + m[3] if css.strip() else ""

    return _STYLE.sub(block, content)


def offline_html(content: str) -> str:
    """mkdocs-jupyter's page body without its CDN loaders, math rendered to MathML.

    Math is only looked for in markdown cells (never in code or outputs); a literal dollar
    there is written ``\\$``. Style blocks keep only what the page can use
    (:func:`rnnsite.csstrim.prune_styles`); their private-use characters become CSS escapes.
    """
    for loader in _LOADERS:
        content = loader.sub("", content)
    content = _styles(content)
    return mark_prose_lines(_MARKDOWN_CELL.sub(_cell_math, content))
