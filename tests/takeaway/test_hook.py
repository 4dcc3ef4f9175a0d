"""rnnsite/takeaway_hook.py without a build: what it adds to an answer page and the home
page, and how it fails on an answer page without the new front matter."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from rnnsite import takeaway_hook
from rnnsite.answer_pages import DOCS, front_matter
from rnnsite.citation import mkdocs_yml
from rnnsite.releases import version

CONFIG = mkdocs_yml()
SRC = "task-2-1/q2-forget-gate-zero.md"


def _page(src: str, meta: dict, home: bool = False):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src), meta=meta, is_homepage=home)


def test_an_answer_page_ends_with_the_dispute_link_and_the_citation():
    meta = front_matter(DOCS / SRC)
    out = takeaway_hook.on_page_content("<h1>t</h1><p>body</p>", _page(SRC, meta), CONFIG, None)
    assert out.startswith("<h1>t</h1><p>body</p>")
    tail = out[len("<h1>t</h1><p>body</p>"):]
    assert tail.index("Disagree with this verdict?") < tail.index("Cite this page")
    assert "issues/new?template=disagree.yml" in tail and f"version {version()}" in tail
    assert "<script" not in tail


def test_an_answer_page_without_the_new_front_matter_stops_the_build():
    lacks = "question, heading, asked, confidence, basis, grade, reason"
    with pytest.raises(PluginError, match=f"{SRC}: front matter lacks {lacks}"):
        takeaway_hook.on_page_content("<p>x</p>", _page(SRC, {"task": "2.1"}), CONFIG, None)


def test_other_pages_are_left_alone_and_the_home_page_links_the_pdf():
    assert takeaway_hook.on_page_content("<p>x</p>", _page("conventions.md", {}), CONFIG,
                                         None) == "<p>x</p>"
    home = takeaway_hook.on_page_content("<h1>rnnnotes</h1><p>x</p>",
                                         _page("index.md", {}, home=True), CONFIG, None)
    # hidden until rnnsite.pdf has written the PDF (tests/takeaway/test_pdf.py)
    assert home.startswith("<h1>rnnnotes</h1>\n<p class=\"pdf-handout\" hidden>")
    assert 'href="rnnnotes.pdf"' in home


def test_the_footer_gets_the_version():
    config = SimpleNamespace(extra={})
    assert takeaway_hook.on_config(config).extra["version"] == version()


@pytest.mark.parametrize("url", ["https://rnnnotes.github.io/rnnnotes/task-1-1/q2-x/",
                                 "https://rnnnotes.github.io/", "https://x.org"])
def test_a_citations_address_breaks_after_a_slash_but_never_after_its_scheme(url):
    """Design review of 7 December, round E: "https://" ended a line of "Cite this page".
    The link's text is the address; it may break after each "/" of the path only."""
    from rnnsite.takeaway_hook import url_link

    link = url_link(url)
    assert re.sub(r"<[^>]+>", "", link) == url
    parts = re.findall(r'<span class="rn-nobr">([^<]*)</span>', link)
    assert "".join(parts) == url
    assert parts[0].startswith("https://") and len(parts[0]) > len("https://")
    assert all(part.endswith("/") for part in parts[:-1]), parts
