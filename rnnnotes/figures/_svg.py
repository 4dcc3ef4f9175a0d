"""Writing a figure as a small SVG, byte-identical from run to run.

Determinism needs both a fixed ``svg.hashsalt`` (the ids of clip paths and markers) and
``metadata={"Date": None}`` (no timestamp). :func:`_minify` then squeezes matplotlib's
output without changing the drawing: see its docstring for every step.
"""

from __future__ import annotations

import io
import re

import matplotlib
from matplotlib.figure import Figure

from rnnnotes.figures._style import _SAVE_RC

__all__ = ["svg_bytes"]

_PROLOG = re.compile(r"\A<\?xml[^>]*>\s*<!DOCTYPE[^>]*>\s*")
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
# a coordinate with three or more decimals; a scale factor (a glyph outline's 1/64) is
# matched whole, to be left exact
_LONG_FLOAT = re.compile(r"scale\([^)]*\)|(?<![\w#.])(-?\d+\.\d{3,})(?![\w.])")
_PATH_DATA = re.compile(r'\bd="([^"]*)"')
_ID = re.compile(r'\sid="([^"]+)"')


def _round(m: re.Match[str]) -> str:
    return m.group(0) if m.group(1) is None else _fmt(float(m.group(1)))


def _compact_path(m: re.Match[str]) -> str:
    d = re.sub(r"\s*([MLCQZz])\s*", r"\1", m.group(1))  # no spaces around commands
    return f'd="{d.strip()}"'


# A glyph's outline as matplotlib writes it (svg.fonttype "path"): absolute coordinates in
# FreeType's 1/64 units, scaled back by a transform.
_GLYPH = re.compile(r' d="([^"]*)" transform="scale\(0\.015625\)"')
_SEGMENT = re.compile(r"([MLQCz])([^MLQCz]*)")


def _numbers(values: list[int]) -> str:
    """Integers in path data: a space between two only where the second has no sign."""
    return "".join(f"{' ' if i and v >= 0 else ''}{v}" for i, v in enumerate(values))


def _glyph_outline(m: re.Match[str]) -> str:
    """The same outline in whole units of 1/100 of its font size (glyphs are drawn at 100
    units to the font size: 1 unit is 0.17 px at 17 px text, the largest a figure shows)
    and relative commands, so most numbers have one or two digits: half the bytes."""
    out, at, start = [], (0, 0), (0, 0)
    for command, args in _SEGMENT.findall(m.group(1)):
        if command == "z":
            out.append("z")
            at = start
            continue
        # one point for M and L, two for Q, three for C (matplotlib writes one command
        # each): every point of a relative command is measured from where it starts
        values = [round(float(v) / 64) for v in args.split()]
        deltas = []
        for x, y in zip(values[::2], values[1::2], strict=True):
            deltas += [x - at[0], y - at[1]]
        at = (values[-2], values[-1])
        if command == "M":
            start = at
        out.append(command.lower() + _numbers(deltas))
    return f' d="{"".join(out)}"'


_GLYPH_ID = re.compile(r'<path id="([^"]+)" d="[^"]*" transform="scale\(0\.015625\)"')
_GLYPH_USE = re.compile(r'<use xlink:href="#([^"]+)" transform="translate\(([^ )]+) ([^ )]+)\)'
                        r'( scale\([^)]*\))?"')


def _short_glyphs(text: str) -> str:
    """Glyph outlines named ``g-0``, ``g-1``, ... (for ``STIXGeneral-Italic-3c3``), blank
    ones (a space) dropped with their uses; each glyph placed at whole units (1/100 of its
    font size), by ``x`` and ``y`` where it is not also scaled."""
    names = {old: f"g-{i}" for i, old in enumerate(dict.fromkeys(_GLYPH_ID.findall(text)))}

    def use(m: re.Match[str]) -> str:
        x, y = round(float(m[2])), round(float(m[3]))
        href = f'<use xlink:href="#{names.get(m[1], m[1])}"'
        if m[4]:
            return f'{href} transform="translate({x} {y}){m[4]}"'
        return href + (f' x="{x}"' if x else "") + (f' y="{y}"' if y else "")

    # a glyph with no outline (a space): neither defined nor placed
    for blank in re.findall(r'<path id="([^"]+)" transform="scale\(0\.015625\)"/>', text):
        text = text.replace(f'<path id="{blank}" transform="scale(0.015625)"/>', "")
        text = re.sub(rf'<use xlink:href="#{re.escape(blank)}"[^>]*/>', "", text)
    text = _GLYPH_USE.sub(use, text)
    # a glyph placed at the origin of its label has no transform to match above
    text = re.sub(r'<use xlink:href="#([^"]+)"',
                  lambda m: f'<use xlink:href="#{names.get(m[1], m[1])}"', text)
    return re.sub(r'<path id="([^"]+)"', lambda m: f'<path id="{names.get(m[1], m[1])}"', text)


_MARKER_USE = re.compile(r'(<use xlink:href="#(m[0-9a-f]+)"[^>]*?) style="([^"]*)"')


def _marker_styles(text: str) -> str:
    """A marker (a tick, a dot) drawn many times with one style: the style written once, on
    the marker's own path, instead of on every ``<use>`` of it (the path's own declarations
    being among the use's, the drawing is the same)."""
    styles: dict[str, set[str]] = {}
    for m in _MARKER_USE.finditer(text):
        styles.setdefault(m[2], set()).add(m[3])
    for marker, (style, *others) in styles.items():
        own = re.search(rf'<path id="{marker}" [^>]*?style="([^"]*)"', text)
        if others or own is None or not set(own[1].split("; ")) <= set(style.split("; ")):
            continue
        text = text.replace(own[0], own[0].replace(f'style="{own[1]}"', f'style="{style}"'))
        text = re.sub(rf'(<use xlink:href="#{marker}"[^>]*?) style="{re.escape(style)}"', r"\1",
                      text)
    return text


def _unwrap_groups(text: str) -> str:
    """Drop every ``<g>`` without attributes together with its ``</g>`` (a no-op group)."""
    out, stack, pos = [], [], 0
    for m in re.finditer(r"<g(\s[^>]*)?>|</g>", text):
        out.append(text[pos : m.start()])
        pos = m.end()
        if m.group(0) == "</g>":
            if stack.pop():
                out.append(m.group(0))
        else:
            keep = m.group(1) is not None
            stack.append(keep)
            if keep:
                out.append(m.group(0))
    out.append(text[pos:])
    return "".join(out)


def _fmt(x: float) -> str:
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


# An invisible rectangle: the figure's and each axes' background (transparent figures)
_NO_FILL = re.compile(r'<path d="[^"]*" style="fill: none"/>')
def _minify(text: str) -> str:
    """Smaller SVG, same drawing.

    Drops the prolog, metadata, comments, identity rotations, unused ids and attribute-less
    groups; rounds coordinates to 1/100 pt (a phone shows 1 pt as about 0.85 px; colours,
    names and scale factors are left alone); writes glyph outlines (every text) in whole
    units, relative (:func:`_glyph_outline`); writes SVG 2's ``href`` for ``xlink:href``.
    Only whitespace holding a newline (matplotlib's indentation) goes.
    """
    text = _METADATA.sub("", _PROLOG.sub("", text))
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r">\s*\n\s*<", "><", text)
    text = re.sub(r"\s*\n\s*", " ", text)  # inside attribute values (path data)
    text = _LONG_FLOAT.sub(_round, text)
    text = _PATH_DATA.sub(_compact_path, text)
    text = _GLYPH.sub(_glyph_outline, _short_glyphs(_marker_styles(text)))
    text = re.sub(r' transform="rotate\(-?0 [^)]*\)"', "", text)  # the identity
    used = set(re.findall(r"url\(#([^)]+)\)", text)) | set(re.findall(r'href="#([^"]+)"', text))
    text = _ID.sub(lambda m: m.group(0) if m.group(1) in used else "", text)
    text = _NO_FILL.sub("", text)  # transparent backgrounds draw nothing
    text = text.replace('<style type="text/css">', "<style>")  # CSS is the default
    # SVG 2's plain href (every browser this site supports): 6 bytes less per reference
    text = text.replace(' xmlns:xlink="http://www.w3.org/1999/xlink"', "")
    text = text.replace(' xlink:href="', ' href="')
    return _unwrap_groups(text).strip()


def svg_bytes(fig: Figure) -> bytes:
    """The figure as a small SVG, byte-identical from run to run, every text as glyph
    outlines (``svg.fonttype: path``, :data:`rnnnotes.figures._style._SAVE_RC`).

    Determinism needs both a fixed ``svg.hashsalt`` (the ids of clip paths and markers) and
    ``metadata={"Date": None}`` (no timestamp); then :func:`_minify` squeezes it.
    """
    buf = io.BytesIO()
    with matplotlib.rc_context(_SAVE_RC):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return _minify(buf.getvalue().decode("utf-8")).encode("utf-8")
