"""A figure's SVG made to stand inside a page's HTML, once for both palettes.

A figure was two ``<img>`` of ``data:`` SVG, one per palette. An SVG in an ``<img>`` cannot
read the page's palette, so each figure was sent twice; inline, one copy serves both: its
colours that differ between the themes are CSS variables (``var(--rf1)``,
:func:`rnnnotes.figures._style.themed`) whose values :func:`palette_style` sets by the
page's Material scheme. Every text of the figure is drawn as glyph outlines, so the figure
reads in STIX on every device without a font.

Inside a page, an SVG's ids and its ``<style>`` are the page's: :func:`inline_svg` prefixes
every id (and every reference to one) with the figure's own prefix, so two figures on a page
(or every page in the PDF book) never share one, and scopes the SVG's style rules to the
figure.
"""

from __future__ import annotations

import html
import re

__all__ = ["SCHEMES", "inline_svg", "palette_style"]

SCHEMES = {"light": "default", "dark": "slate"}  # theme -> Material's data-md-color-scheme
FIGURE = ".rnnnotes-figure svg"  # the CSS selector of an inline figure

_ROOT = re.compile(r'\A<svg\b[^>]*?\bviewBox="([^"]+)"[^>]*>')
_STYLE = re.compile(r"<defs><style>([^<]*)</style></defs>")
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def _scoped(css: str) -> str:
    """The rules of an SVG's own ``<style>``, each selector scoped to the figure."""
    rules = _RULE.findall(css)
    if "".join(f"{s}{{{d}}}" for s, d in rules) != css:
        raise ValueError(f"inline_svg: cannot scope the SVG's style {css!r}")
    return "".join(
        ",".join(f"{FIGURE} {s.strip()}" if s.strip() != "*" else f"{FIGURE} *"
                 for s in selectors.split(",")) + f"{{{decls}}}"
        for selectors, decls in rules)


def inline_svg(svg: bytes, prefix: str, label: str, size: tuple[int, int]) -> str:
    """``svg`` (a figure as :mod:`rnnnotes.figures` writes it) as an element of a page: its
    ids prefixed with ``prefix``, its style scoped to the figure (a ``<style>`` before it),
    ``role="img"`` and ``aria-label`` the alt text ``label``, shown ``size`` CSS px."""
    if not re.fullmatch(r"[A-Za-z][\w-]*", prefix):
        raise ValueError(f"inline_svg: prefix must be a name (letters, digits, -), got {prefix!r}")
    if not label.strip():
        raise ValueError("inline_svg: a figure needs its alt text as its label")
    text = svg.decode("utf-8")
    root = _ROOT.match(text)
    if root is None:
        raise ValueError("inline_svg: no <svg ... viewBox=...> at the start")
    styles = _STYLE.findall(text)
    text = _STYLE.sub("", text)
    text = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}\1"', text)
    text = re.sub(r'\bhref="#([^"]+)"', rf'href="#{prefix}\1"', text)
    text = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}\1)", text)
    width, height = size
    head = (f'<svg width="{width}" height="{height}" viewBox="{root[1]}" role="img" '
            f'aria-label="{html.escape(" ".join(label.split()), quote=True)}">')
    style = "".join(_scoped(css) for css in styles)
    return (f"<style>{style}</style>" if style else "") + head + text[root.end():]


def palette_style(palette: dict[str, dict[str, str]]) -> str:
    """A ``<style>`` setting the figures' colour variables for each Material scheme:
    ``palette`` is ``{theme: {"--rf1": "#212121", ...}}``, the light theme's values the
    default (also where no scheme is set), each other theme's under its scheme."""
    unknown = set(palette) - set(SCHEMES)
    if unknown or "light" not in palette:
        raise ValueError(f"palette_style: themes must be {tuple(SCHEMES)}, got {tuple(palette)}")

    def values(theme: str) -> str:
        return ";".join(f"{var}:{colour}" for var, colour in sorted(palette[theme].items()))

    rules = [f"{FIGURE}{{{values('light')}}}"]
    rules += [f"[data-md-color-scheme={SCHEMES[t]}] {FIGURE}{{{values(t)}}}"
              for t in palette if t != "light"]
    return f"<style>{''.join(rules)}</style>"
