"""rnnsite.figures_ext: one line embeds a figure, one inline SVG for both palettes; bad embeds
fail loudly."""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET

import markdown
import pytest

from rnnnotes.figures import render_svg, svg_size
from rnnsite.figure_store import drawing
from rnnsite.figures_ext import FigureError, FiguresExtension

ALT = "Bar chart of one term per time step; the first is zero"
LINE = f'![{ALT}](figure:bptt_contributions "The terms; *the first* is $h_0$.")'


def convert(text: str, fail: str = "warn", **extra) -> str:
    md = markdown.Markdown(extensions=["pymdownx.arithmatex", FiguresExtension(fail=fail)],
                           extension_configs={"pymdownx.arithmatex": {"generic": True}}, **extra)
    return md.convert(text)


def figure(html: str) -> ET.Element:
    m = re.search(r"<figure\b.*?</figure>", html, re.S)
    assert m, html
    return ET.fromstring(m.group(0))


def test_one_line_gives_one_inline_figure_for_both_themes() -> None:
    html = convert(f"# Page\n\nText.\n\n{LINE}\n\nMore text.\n")
    fig = figure(html)
    assert fig.get("class") == "rnnnotes-figure"
    [svg] = fig.findall("svg")
    assert svg.get("role") == "img" and svg.get("aria-label") == ALT
    assert (svg.get("width"), svg.get("height")) == tuple(
        map(str, svg_size(render_svg("bptt_contributions", "light"))))
    assert "<img" not in html
    # the drawing itself: in each theme, the variables replaced by the theme's colours
    # give exactly that theme's SVG, up to the prefix of its ids and the moved style
    drawn = drawing("bptt_contributions")
    body = ET.tostring(svg, encoding="unicode")
    for theme, values in drawn.palette.items():
        coloured = re.sub(r"var\((--rf\d+)\)", lambda m, v=values: v[m[1]], body)
        own = render_svg("bptt_contributions", theme).decode()
        assert _shape(coloured) == _shape(own), theme
    styles = fig.findall("style")
    assert len(styles) == 2 and "[data-md-color-scheme=slate]" in styles[0].text


def _shape(svg: str) -> list[str]:
    """An SVG's tags and attribute values, ids and references to them aside."""
    svg = re.sub(r'(id|href)="#?[^"]*"|url\(#[^)]*\)|<defs><style>.*?</style></defs>', "", svg)
    return re.findall(r'<\w+|"[^"]*"', re.sub(r"\s(width|height|role|aria-label|version|xmlns)"
                                               r'="[^"]*"', "", svg))


def test_caption_is_markdown_in_a_figcaption() -> None:
    fig = figure(convert(LINE))
    caption = fig.find("figcaption")
    assert caption is not None and caption.text.startswith("The terms; ")
    assert caption.find("em").text == "the first"
    assert caption.find("span").get("class") == "arithmatex"


def test_caption_is_optional_and_escapes_work() -> None:
    fig = figure(convert(r"![a \[bracketed\] alt](figure:unrolled_graph)"))
    assert fig.find("figcaption") is None
    assert fig.find("svg").get("aria-label") == "a [bracketed] alt"
    fig = figure(convert(r'![alt](figure:unrolled_graph "say \"hi\"")'))
    assert fig.find("figcaption").text == 'say "hi"'


def test_figure_inside_an_admonition_body() -> None:
    md = markdown.Markdown(extensions=["admonition", FiguresExtension()])
    html = md.convert(f"!!! note\n\n    {LINE}\n")
    assert html.count("<svg") == 1 and '<div class="admonition note">' in html


def test_two_figures_on_a_page_share_no_id() -> None:
    html = convert(f"{LINE}\n\n![Graph](figure:unrolled_graph)\n")
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert ids and len(ids) == len(set(ids))
    # every reference names an id of the page
    refs = set(re.findall(r'href="#([^"]+)"|url\(#([^)]+)\)', html))
    assert {r for pair in refs for r in pair if r} <= set(ids)


# ---------------------------------------------------------------- errors


BAD = {
    "unknown name": ("![A chart](figure:no_such_figure)", "figure 'no_such_figure': no such "
                     "figure; the figures are unrolled_graph, bptt_contributions"),
    "empty alt": ('![](figure:unrolled_graph "caption")', "figure 'unrolled_graph': the alt "
                  "text is empty"),
    "blank alt": ("![   ](figure:unrolled_graph)", "the alt text is empty"),
    "inline": ("See ![A chart](figure:unrolled_graph) here.", "figure 'unrolled_graph': a "
               "figure must stand alone in its paragraph"),
    "text after": ("![A chart](figure:unrolled_graph) and more", "must stand alone"),
    "single quotes": ("![A chart](figure:unrolled_graph 'caption')", "must stand alone"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_figures_warn_with_page_and_line(case, caplog) -> None:
    line, message = BAD[case]
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.livedocs.figures"):
        html = convert(f"# My page\n\nIntro.\n\n{line}\n")
    records = [r for r in caplog.records if r.name == "mkdocs.plugins.livedocs.figures"]
    assert len(records) == 1 and records[0].levelno == logging.WARNING
    assert records[0].getMessage().startswith("My page:5: ")
    assert message in records[0].getMessage()
    assert "Figure error: " in html and "<svg" not in html


@pytest.mark.parametrize("case", list(BAD))
def test_bad_figures_raise_when_asked(case) -> None:
    line, message = BAD[case]
    with pytest.raises(FigureError, match=re.escape(message)):
        convert(f"# My page\n\n{line}\n", fail="raise")


def test_bad_fail_mode_is_refused() -> None:
    with pytest.raises(ValueError, match=r"fail must be one of \('warn', 'raise'\), got 'x'"):
        FiguresExtension(fail="x")


def test_figure_syntax_in_code_is_left_alone(caplog) -> None:
    text = f"Write `{LINE}` on a line of its own:\n\n```\n{LINE}\n```\n"
    with caplog.at_level(logging.WARNING):
        html = markdown.Markdown(extensions=["fenced_code", FiguresExtension()]).convert(text)
    assert "<svg" not in html and "<figure" not in html
    assert not caplog.records
