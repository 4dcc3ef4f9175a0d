"""rnnsite.figures_ext: one line embeds a figure, light and dark; bad embeds fail loudly."""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import markdown
import pytest

from rnnnotes.figures import render_svg, svg_size
from rnnsite.figures_ext import FigureError, FiguresExtension, data_uri

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


def test_one_line_gives_a_figure_with_both_themes() -> None:
    fig = figure(convert(f"# Page\n\nText.\n\n{LINE}\n\nMore text.\n"))
    assert fig.get("class") == "rnnnotes-figure"
    imgs = fig.findall("img")
    assert [img.get("src").rsplit("#", 1)[1] for img in imgs] == ["only-light", "only-dark"]
    for img, theme in zip(imgs, ("light", "dark"), strict=True):
        assert img.get("alt") == ALT
        width, height = svg_size(render_svg("bptt_contributions", theme))
        assert (img.get("width"), img.get("height")) == (str(width), str(height))
        # the data URI is the SVG itself, percent-encoded; its only '#' starts the fragment
        src = img.get("src")
        assert src.startswith("data:image/svg+xml,") and src.count("#") == 1
        body = src[len("data:image/svg+xml,"):].rsplit("#", 1)[0]
        # the same XML as the figure (attributes quoted with ' to save bytes)
        from xml.etree.ElementTree import canonicalize

        svg = render_svg("bptt_contributions", theme).decode()
        assert canonicalize(unquote(body)) == canonicalize(svg)
        assert not re.search(r"[\t\n\"<>&]", body)  # nothing an HTML attribute must escape


def test_caption_is_markdown_in_a_figcaption() -> None:
    fig = figure(convert(LINE))
    caption = fig.find("figcaption")
    assert caption is not None and caption.text.startswith("The terms; ")
    assert caption.find("em").text == "the first"
    assert caption.find("span").get("class") == "arithmatex"


def test_caption_is_optional_and_escapes_work() -> None:
    fig = figure(convert(r"![a \[bracketed\] alt](figure:unrolled_graph)"))
    assert fig.find("figcaption") is None
    assert fig.find("img").get("alt") == "a [bracketed] alt"
    fig = figure(convert(r'![alt](figure:unrolled_graph "say \"hi\"")'))
    assert fig.find("figcaption").text == 'say "hi"'


def test_figure_inside_an_admonition_body() -> None:
    md = markdown.Markdown(extensions=["admonition", FiguresExtension()])
    html = md.convert(f"!!! note\n\n    {LINE}\n")
    assert html.count("<img") == 2 and '<div class="admonition note">' in html


def test_data_uri_is_cached_and_per_theme() -> None:
    assert data_uri("unrolled_graph", "light") is data_uri("unrolled_graph", "light")
    assert data_uri("unrolled_graph", "light")[0] != data_uri("unrolled_graph", "dark")[0]


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
    assert "Figure error: " in html and "<img" not in html


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
    assert "<img" not in html and "<figure" not in html
    assert not caplog.records
