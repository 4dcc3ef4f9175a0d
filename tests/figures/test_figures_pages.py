"""Every page, rendered with the site's own Markdown configuration (mkdocs.yml's
extensions and their settings, as the build uses them): every image has alt text, every
figure is one labelled inline drawing (both themes), and the heaviest page, figures
included, stays within its weight budget. (The strict build itself is tests/site/test_build.py.)"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from livedocs.memo import rendered

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
# The heaviest built page, figures included, must stay within 600 kB. What a page adds
# around its content (Material's header, navigation, footer, search) is measured at about
# 30 kB for this site; 64 kB are set aside for it.
MAX_PAGE_BYTES = 600_000
CHROME_BYTES = 64_000
# Pages that must show at least this many figures (issue 7: both Task 1.1 pages).
MIN_FIGURES = {
    "task-1-1/q1-unrolled-weights.md": 1,
    "task-1-1/q2-parameters-over-time.md": 1,
}


@pytest.fixture(scope="module")
def site() -> dict[str, str]:
    """``{page path under docs/: its HTML}``, each rendered as mkdocs.yml configures it
    (front matter read as MkDocs reads it: answer pages need theirs)."""
    return {str(path.relative_to(DOCS)): rendered(path.read_text(encoding="utf-8"),
                                                  f"docs/{path.relative_to(DOCS)}").html
            for path in sorted(DOCS.rglob("*.md"))}


class Images(HTMLParser):
    """Every <img> and <svg> of a page (its attributes) and, for each <figure>, its images
    (<img> and <svg>, a figure's inline drawing) and whether it has a caption."""

    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []
        self.figures: list[dict] = []
        self._figure: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "figure":
            self._figure = {"class": a.get("class"), "images": [], "caption": False}
        elif tag in ("img", "svg"):
            self.images.append({"tag": tag, **a})
            if self._figure is not None:
                self._figure["images"].append(self.images[-1])
        elif tag == "figcaption" and self._figure is not None:
            self._figure["caption"] = True

    def handle_endtag(self, tag):
        if tag == "figure" and self._figure is not None:
            self.figures.append(self._figure)
            self._figure = None


def parse(html: str) -> Images:
    parser = Images()
    parser.feed(html)
    return parser


def test_every_image_on_every_page_has_alt_text(site) -> None:
    seen = 0
    for name, html in site.items():
        for img in parse(html).images:
            seen += 1
            if img["tag"] == "img":
                assert (img.get("alt") or "").strip(), f"{name}: <img src={img.get('src')[:60]!r}>"
            elif img.get("role") == "img":  # a figure (other inline SVGs are icons)
                assert (img.get("aria-label") or "").strip(), name
    assert seen >= sum(MIN_FIGURES.values())


def test_every_figure_is_one_labelled_inline_drawing_for_both_themes(site) -> None:
    for name, html in site.items():
        for fig in parse(html).figures:
            if fig["class"] != "rnnnotes-figure":
                continue
            [svg] = fig["images"]
            assert svg["tag"] == "svg" and svg["role"] == "img", name
            assert svg["aria-label"].strip(), name
            assert int(svg["width"]) > 0 and int(svg["height"]) > 0
        # a page's ids are unique, figures' included
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), (name, [i for i in ids if ids.count(i) > 1][:3])


@pytest.mark.parametrize("page", list(MIN_FIGURES))
def test_the_task_1_1_pages_have_figures(site, page) -> None:
    figures = [f for f in parse(site[page]).figures if f["class"] == "rnnnotes-figure"]
    assert len(figures) >= MIN_FIGURES[page]


def test_no_figure_syntax_or_error_reaches_a_page(site) -> None:
    for name, html in site.items():
        assert 'src="figure:' not in html, name
        assert "rnnnotes-figure-error" not in html, name


def test_the_heaviest_page_stays_within_budget(site) -> None:
    sizes = {name: len(html.encode("utf-8")) for name, html in site.items()}
    heaviest = max(sizes, key=sizes.get)
    assert sizes[heaviest] + CHROME_BYTES <= MAX_PAGE_BYTES, (heaviest, sizes[heaviest])


MARKED = (
    "# Marker test\n\n<!-- live:setup\nfrom rnnnotes.counting import unrolled_weights\n-->\n\n"
    "![The small graph has {n}<!--= unrolled_weights(2, 3, 1, steps=3, recurrence='full')"
    ".total --> edges.](figure:unrolled_graph \"The full recurrence draws {n}<!--= "
    "unrolled_weights(2, 3, 1, steps=3, recurrence='full').total --> edges.\")\n"
)


def convert_with_site_config(text: str, caplog) -> tuple[str, list[str]]:
    cfg = load_config(str(ROOT / "mkdocs.yml"))
    configs = {**cfg.mdx_configs, "livedocs.markdown_ext": {
        **cfg.mdx_configs["livedocs.markdown_ext"], "fail": "show"}}  # log, don't raise
    md = markdown.Markdown(extensions=cfg.markdown_extensions, extension_configs=configs)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins"):
        html = md.convert(text)
    return html, [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_numbers_in_alt_text_and_caption_are_checked_live(caplog) -> None:
    # the figure's own data say how many edges the full graph has
    from rnnnotes.figures import unrolled_graph

    edges = unrolled_graph("light").data.counts["full"].total
    html, warnings = convert_with_site_config(MARKED.format(n=edges), caplog)
    assert not warnings
    fig = parse(html).figures[0]
    assert all(img["aria-label"] == f"The small graph has {edges} edges." for img in fig["images"])
    assert "<figcaption>The full recurrence draws " in html

    caplog.clear()
    _, warnings = convert_with_site_config(MARKED.format(n=edges + 1), caplog)
    assert warnings and all(f"written {edges + 1}, computed {edges}" in w for w in warnings)
