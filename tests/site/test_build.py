"""The strict site build passes, and what it writes needs no network and leaks no markers."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def pages(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def test_no_resource_is_loaded_from_the_network(site):
    # Links to other sites are fine (a canonical link names the page's own address); anything
    # the browser would fetch by itself is not.
    fetched = re.compile(r'<(?:script|img|iframe|source)\b[^>]*\bsrc="(https?:)?//'
                         r'|<link\b(?![^>]*\brel="canonical")[^>]*\bhref="(https?:)?//', re.I)
    for name, html in pages(site).items():
        assert not fetched.search(html), name
    for css in site.rglob("*.css"):
        assert not re.search(r"url\((['\"]?)(https?:)?//", css.read_text(encoding="utf-8")), css


def test_math_is_mathml_and_no_tex_is_left(site):
    html = pages(site)["task-1-1/q1-unrolled-weights/index.html"]
    assert html.count("<math ") >= 8
    assert not re.search(r'class="arithmatex">\\[(\[]', html)


def test_live_markers_never_reach_the_page(site):
    for name, html in pages(site).items():
        assert "<!--=" not in html and "live:setup" not in html, name


def test_the_seed_result_is_published(site):
    html = pages(site)["task-1-1/q1-unrolled-weights/index.html"]
    assert "<mn>19,712</mn>" in html and "19,712" in re.sub(r"<[^>]+>", "", html)


def test_no_placeholder_of_the_checker_reaches_the_site(site):
    # The checker's private-use characters (livedocs.marks) must all be gone, in the pages
    # and in the search index built from them.
    from livedocs.marks import private_use

    for path in [*site.rglob("*.html"), site / "search" / "search_index.json"]:
        assert private_use(path.read_text(encoding="utf-8")) == [], path


def test_the_pdf_link_shows_only_where_there_is_a_pdf(site):
    """A plain build has no PDF (rnnsite.pdf prints it after the build): the home page's link
    to it stays hidden there, rather than lead to a missing file."""
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count('class="pdf-handout"') == 1
    assert ('<p class="pdf-handout">' in home) == (site / "rnnnotes.pdf").is_file()


def test_mkdocstrings_sheet_only_where_its_output_is(site):
    """Only the API reference uses mkdocstrings' style sheet; no other page loads it."""
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        has_output = re.search(r'class="doc\b', text) is not None
        assert ("_mkdocstrings.css" in text) == has_output, page
        if page.parent.parent.name == "api" and page.parent.name != "api":
            assert has_output, page
