"""Every figure: both themes, deterministic SVG bytes, small files, readable colours."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from matplotlib.colors import to_rgb

from rnnnotes.figures import FIGURES, THEMES, recolour, render_svg, svg_size
from rnnnotes.figures._style import check_theme
from rnnnotes.figures._svg import _minify, svg_bytes

ROOT = Path(__file__).resolve().parents[2]
NAMES = list(FIGURES)
SVG = "{http://www.w3.org/2000/svg}"
MAX_SVG_BYTES = 40_000  # per figure


def canonical_ids(svg: bytes) -> bytes:
    """The SVG with its ids renamed id0, id1, ... in order of appearance (references too)."""
    text = svg.decode("utf-8")
    ids = {}
    for m in re.finditer(r'\bid="([^"]+)"', text):
        ids.setdefault(m.group(1), f"id{len(ids)}")
    text = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{ids[m.group(1)]}"', text)
    text = re.sub(r"#([A-Za-z_][\w.-]*)(?=[)\"])", lambda m: "#" + ids.get(m.group(1), m.group(1)),
                  text)
    return text.encode("utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_rendering_again_gives_the_same_bytes(name) -> None:
    # render_svg's (cached) bytes against a fresh figure drawn from scratch
    assert svg_bytes(FIGURES[name]("light").figure) == render_svg(name, "light")


@pytest.mark.parametrize("name", NAMES)
def test_dark_svg_is_the_dark_figure(name) -> None:
    # render_svg recolours the light SVG; drawn in the dark theme it is the same drawing
    drawn = svg_bytes(FIGURES[name]("dark").figure)
    assert canonical_ids(render_svg(name, "dark")) == canonical_ids(drawn)


def test_recolour_swaps_each_palette_colour_once() -> None:
    light, dark = THEMES["light"], THEMES["dark"]
    svg = f'<svg><path style="fill: {light.background}; stroke: {light.series[0]}"/>' \
          f'<path style="stroke: #123456"/><text style="fill: {light.foreground}">a</text></svg>'
    out = recolour(svg.encode(), "light", "dark").decode()
    assert out == (f'<svg><path style="fill: {dark.background}; stroke: {dark.series[0]}"/>'
                   f'<path style="stroke: #123456"/><text style="fill: {dark.foreground}">a'
                   "</text></svg>")
    assert recolour(recolour(svg.encode(), "light", "dark"), "dark", "light") == svg.encode()


def test_palettes_map_one_to_one() -> None:
    from rnnnotes.figures._style import _palette

    for theme in THEMES.values():
        assert len(set(_palette(theme))) == len(_palette(theme))


# One of each kind: lines and nodes, an embedded raster image with a colour bar, mathtext
# and log axes, boxes and arrows.
ACROSS_PROCESSES = ["unrolled_graph", "forget_gate_heatmap", "rnn_gradient_norms",
                    "lstm_cell_diagram"]


def test_another_process_gives_the_same_bytes() -> None:
    code = (
        "import hashlib, json, sys; from rnnnotes.figures import render_svg\n"
        "print(json.dumps({f'{n}/{t}': hashlib.sha256(render_svg(n, t)).hexdigest()"
        " for n in sys.argv[1:] for t in ('light', 'dark')}))"
    )
    run = subprocess.run([sys.executable, "-c", code, *ACROSS_PROCESSES], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    here = {f"{n}/{t}": hashlib.sha256(render_svg(n, t)).hexdigest()
            for n in ACROSS_PROCESSES for t in ("light", "dark")}
    assert json.loads(run.stdout) == here


@pytest.mark.parametrize("name", NAMES)
def test_the_themes_differ_and_match_their_palette(name) -> None:
    light, dark = render_svg(name, "light"), render_svg(name, "dark")
    assert light != dark
    assert THEMES["light"].foreground.encode() in light
    assert THEMES["dark"].foreground.encode() not in light
    assert THEMES["dark"].foreground.encode() in dark
    assert THEMES["light"].foreground.encode() not in dark


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("name", NAMES)
def test_svg_is_small_valid_and_transparent(name, theme) -> None:
    svg = render_svg(name, theme)
    assert len(svg) <= MAX_SVG_BYTES
    root = ET.fromstring(svg)  # well-formed XML
    assert root.tag == f"{SVG}svg"
    width, height = svg_size(svg)
    assert 400 <= width <= 900 and 250 <= height <= 900
    # no timestamp, no metadata; every text as outlines (svg.fonttype = "path")
    assert b"<metadata" not in svg and b"dc:date" not in svg
    assert b"<text" not in svg and root.find(f".//{SVG}use") is not None
    # no background: nothing fills the figure's rectangle, the page's own colour shows
    _, _, w, h = root.get("viewBox").split()
    full = f"M0 {h}L{w} {h}L{w} 0L0 0L0 {h}z"
    assert all(p.get("d") != full or "fill: none" in p.get("style", "")
               for p in root.iter(f"{SVG}path"))


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("name", NAMES)
def test_every_glyph_placed_is_defined(name, theme) -> None:
    """A glyph of the math placed at its label's origin (no transform) once kept its long
    name while its outline was renamed g-N: the browser drew nothing there."""
    svg = render_svg(name, theme).decode("utf-8")
    ids = set(re.findall(r'\sid="([^"]+)"', svg))
    assert set(re.findall(r'href="#([^"]+)"', svg)) - ids == set()


def _luminance(colour: str) -> float:
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two colours."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", list(THEMES.values()), ids=list(THEMES))
def test_colours_stand_out_from_the_page(theme) -> None:
    assert contrast(theme.foreground, theme.background) >= 7  # text
    assert contrast(theme.muted, theme.background) >= 4.5  # secondary text
    for colour in theme.series:  # lines and bars: WCAG 1.4.11, non-text contrast
        assert contrast(colour, theme.background) >= 3, colour


@pytest.mark.parametrize("name", ["dependency_forget_zero", "dependency_bidirectional"])
def test_exact_zeros_are_hatched_not_coloured(name) -> None:
    """A dependency map's exact zeros are left out of its image and show a hatched
    background in the palette's muted colour: no colour of the scale stands for zero."""
    svg = render_svg(name, "light").decode()
    pattern = re.search(r'<pattern id="([^"]+)".*?</pattern>', svg)
    assert pattern is not None and THEMES["light"].muted in pattern[0]
    assert f"url(#{pattern[1]})" in svg


def test_series_are_okabe_ito() -> None:
    okabe_ito = {"#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7"}
    for theme in THEMES.values():
        assert set(theme.series) <= okabe_ito
        assert len(set(theme.series)) == len(theme.series)


def test_backgrounds_are_materials() -> None:
    assert THEMES["light"].background == "#ffffff"
    # Material's slate: hsl(225, 15%, 14%)
    assert THEMES["dark"].background == "#1e2129"


@pytest.mark.parametrize("bad", ["slate", "Light", None, 1])
def test_unknown_theme_is_refused(bad) -> None:
    with pytest.raises(ValueError, match=r"theme must be one of \('light', 'dark'\), got"):
        check_theme(bad)
    with pytest.raises(ValueError, match="theme must be one of"):
        FIGURES[NAMES[0]](bad)


def test_unknown_figure_is_refused() -> None:
    with pytest.raises(KeyError, match="no figure named 'nope'; the figures are unrolled_graph"):
        render_svg("nope", "light")


# ---------------------------------------------------------------- the minifier


def test_minify_rounds_coordinates_not_colours_or_ids() -> None:
    svg = ('<svg><path id="p1a2" d="M 1.23456 -0.001 \nL 2.5 3.999999 z" '
           'style="stroke: #123456"/><use href="#p1a2" x="10.004"/></svg>')
    out = _minify(svg)
    assert 'd="M1.23 0L2.5 4z"' in out and "#123456" in out and 'id="p1a2"' in out
    assert 'x="10"' in out


def test_minify_drops_unused_ids_and_empty_groups() -> None:
    svg = '<svg><g id="figure_1"><g><path d="M 0 0"/></g></g><g style="x"><text>a</text></g></svg>'
    assert _minify(svg) == '<svg><path d="M0 0"/><g style="x"><text>a</text></g></svg>'


def test_minify_drops_invisible_backgrounds_and_the_style_type() -> None:
    svg = ('<svg><style type="text/css">*{a: b}</style><path d="M 0 0 L 1 1" style="fill: none"/>'
           '<path d="M 0 0 L 1 1" style="fill: none; stroke: #000000"/></svg>')
    out = _minify(svg)
    assert out.startswith("<svg><style>*{a: b}</style>")
    assert '<path d="M0 0L1 1" style="fill: none; stroke: #000000"/>' in out  # a line stays
    assert out.count("<path") == 1  # the background, neither filled nor stroked, goes


def test_every_text_is_drawn_as_stix_outlines() -> None:
    """No text element: labels and math alike are glyph outlines (reused through <use>),
    so no reader's font stands in for STIX, and plain words and math look alike."""
    from rnnnotes.figures._style import THEMES, new_figure

    with new_figure(THEMES["light"]) as fig:
        math = fig.text(0.1, 0.5, r"$x \to h$, $t = h$")
        fig.text(0.1, 0.2, "hx")
    assert math.get_fontproperties().get_math_fontfamily() == "stix"
    root = ET.fromstring(svg_bytes(fig))
    assert list(root.iter(f"{SVG}text")) == []
    hrefs = [u.get("href") for u in root.iter(f"{SVG}use")]
    glyphs = {p.get("id"): p for p in root.iter(f"{SVG}path") if p.get("id")}
    assert all(h[1:] in glyphs for h in hrefs)  # every glyph placed is defined
    # math: x, the arrow, h, the comma, t, =, h again (italic); words: h and x (upright)
    assert len(glyphs) == 8 and len(hrefs) == 9


def test_minify_keeps_scale_factors_exact() -> None:
    """A label drawn at 12.5 pt is a group scaled by 0.125: rounded to 0.13, it would be
    4 % too large; its position is rounded as any coordinate."""
    svg = ('<svg><g transform="translate(91.8412 44.1) scale(0.125 -0.125)">'
           '<path d="M 0 0"/></g></svg>')
    assert _minify(svg) == ('<svg><g transform="translate(91.84 44.1) scale(0.125 -0.125)">'
                            '<path d="M0 0"/></g></svg>')


def _absolute(d: str) -> list[tuple[int, int]]:
    """The points of relative path data (m, l, q, c, z), made absolute."""
    points, at, start = [], (0, 0), (0, 0)
    for command, args in re.findall(r"([mlqcz])([^mlqcz]*)", d):
        if command == "z":
            at = start
            continue
        values = [int(v) for v in re.findall(r"-?\d+", args)]
        pairs = [(at[0] + x, at[1] + y) for x, y in zip(values[::2], values[1::2], strict=True)]
        points += pairs
        at = pairs[-1]
        if command == "m":
            start = at
    return points


def test_glyph_outlines_are_written_relative_in_whole_units() -> None:
    """A glyph's outline (FreeType's 1/64 units, absolute, scaled back by 1/64) is written
    in whole units, relative: every point within half a unit of where it was; a blank
    glyph (a space) and its uses go."""
    d = "M 2834 3397 L 2834 2853 Q 2591 2978 2328 3040 z M 100 -64 L 0 0 z"
    svg = (f'<svg><defs><path id="F-3" transform="scale(0.015625)"/><path id="F-4" d="{d}" '
           'transform="scale(0.015625)"/></defs><use xlink:href="#F-3" transform="translate(1 0)"/>'
           '<use xlink:href="#F-4" transform="translate(10.4 -2.6)"/></svg>')
    out = _minify(svg)
    written = re.search(r'<path id="g-0" d="([^"]+)"/>', out)[1]
    original = [float(v) / 64 for v in re.findall(r"-?\d+", d)]
    assert len(_absolute(written)) * 2 == len(original)
    points = zip(original[::2], original[1::2], strict=True)
    for (x, y), (x0, y0) in zip(_absolute(written), points, strict=True):
        assert abs(x - x0) <= 0.5 and abs(y - y0) <= 0.5
    assert "F-3" not in out and out.count("<use") == 1 and 'x="10" y="-3"' in out


def test_the_package_docstring_example_runs() -> None:
    import doctest

    import rnnnotes.figures

    result = doctest.testmod(rnnnotes.figures)
    assert result.attempted >= 3 and result.failed == 0


@pytest.mark.parametrize("value, text", [
    (1.0, "1"), (10.0, "$10^{1}$"), (1e-3, "$10^{-3}$"), (1e-15, "$10^{-15}$"),
    (1e12, "$10^{12}$"), (2e-3, ""), (0.0, ""), (-1.0, ""),
])
def test_log_ticks_are_mathtext_decades(value, text) -> None:
    from rnnnotes.figures._style import _decade

    assert _decade(value) == text


def test_command_line_writes_the_svgs(tmp_path, capsys) -> None:
    from rnnnotes.figures.__main__ import main

    assert main(["bptt_contributions", "-o", str(tmp_path)]) == 0
    for theme in THEMES:
        written = (tmp_path / f"bptt_contributions-{theme}.svg").read_bytes()
        assert written == render_svg("bptt_contributions", theme)
    out = capsys.readouterr().out
    assert f"{len(render_svg('bptt_contributions', 'light')):,}" in out
    with pytest.raises(SystemExit):
        main(["nope"])
    assert "no figure named nope; the figures are unrolled_graph" in capsys.readouterr().err
