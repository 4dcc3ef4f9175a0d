"""rnnsite.figure_inline: a figure's SVG inside a page, its ids its own, its colours the
palette's; bad input refused with a clear error."""

from __future__ import annotations

import re

import pytest

from rnnsite.figure_inline import SCHEMES, inline_svg, palette_style

SVG = (b'<svg width="10pt" height="5pt" viewBox="0 0 10 5" xmlns="http://www.w3.org/2000/svg" '
       b'version="1.1"><defs><style>*{stroke-linejoin: round}</style></defs>'
       b'<defs><path id="g-0" d="m0 0l1 1"/><clipPath id="p1"><path d="M0 0"/></clipPath></defs>'
       b'<g clip-path="url(#p1)" style="fill: var(--rf1)"><use href="#g-0" x="3"/></g></svg>')


def test_ids_and_references_get_the_prefix_and_the_style_is_scoped() -> None:
    out = inline_svg(SVG, "f3-", 'a "quoted" & labelled figure', (13, 7))
    ids = set(re.findall(r'\sid="([^"]+)"', out))
    assert ids == {"f3-g-0", "f3-p1"}
    assert 'href="#f3-g-0"' in out and "url(#f3-p1)" in out
    assert out.startswith("<style>.rnnnotes-figure svg *{stroke-linejoin: round}</style><svg ")
    assert '<svg width="13" height="7" viewBox="0 0 10 5" role="img" ' in out
    assert 'aria-label="a &quot;quoted&quot; &amp; labelled figure"' in out
    assert "xmlns" not in out and "<defs><style>" not in out


def test_the_palette_sets_light_by_default_and_dark_under_slate() -> None:
    css = palette_style({"light": {"--rf1": "#212121"}, "dark": {"--rf1": "#bfc1c7"}})
    assert css == ("<style>.rnnnotes-figure svg{--rf1:#212121}"
                   f"[data-md-color-scheme={SCHEMES['dark']}] .rnnnotes-figure svg"
                   "{--rf1:#bfc1c7}</style>")


@pytest.mark.parametrize(("args", "message"), [
    ((SVG, "3f", "x", (1, 1)), "prefix must be a name"),
    ((SVG, "f-", "  ", (1, 1)), "needs its alt text"),
    ((b"<g/>", "f-", "x", (1, 1)), r"no <svg \.\.\. viewBox=\.\.\.>"),
    ((SVG.replace(b"*{stroke-linejoin: round}", b"@media x{a{b:c}}"), "f-", "x", (1, 1)),
     "cannot scope"),
])
def test_bad_input_is_refused(args, message) -> None:
    with pytest.raises(ValueError, match=message):
        inline_svg(*args)


def test_an_unknown_theme_is_refused() -> None:
    with pytest.raises(ValueError, match="themes must be"):
        palette_style({"light": {}, "sepia": {}})
