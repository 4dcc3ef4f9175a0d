"""The Figures API page says where each figure is shown (rnnsite/figure_uses.py, from the
pages' Markdown): checked against the built site, where a page that shows figure number n
(in :func:`rnnsite.figure_store.names`) holds SVG ids with the prefix ``f<n>-``."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from rnnsite.figure_store import names
from rnnsite.figure_uses import API_PAGE, shown_on, uses

ENTRY = re.compile(r'<h3 id="rnnnotes\.figures\.(\w+)".*?<p class="fig-shown-on">(.*?)</p>',
                   re.S)


def test_shown_on_lists_and_links_relative_to_the_page():
    titles = {"task-1-1/q1.md": "Task 1.1, Question 1", "index.md": "the home page"}
    one = shown_on("x", ["task-1-1/q1.md"], titles, "api/figures/")
    assert one == ('<p class="fig-shown-on">Shown on <a href="../../task-1-1/q1/">Task 1.1,'
                   ' Question 1</a>.</p>')
    two = shown_on("x", ["index.md", "task-1-1/q1.md"], titles, "api/figures/")
    assert '<a href="../../">the home page</a> and <a href="../../task-1-1/q1/">' in two
    assert "no page" in shown_on("x", [], titles, "api/figures/")


def test_uses_reads_embeds_whose_alt_holds_brackets(tmp_path: Path):
    (tmp_path / "a.md").write_text("![n = 3<!--= d['k'] -->](figure:one \"c\")\n"
                                   "![b](figure:two)\n![b](figure:one)\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("`![alt](figure:NAME)` and ![x](figure:two)\n",
                                   encoding="utf-8")
    assert uses(tmp_path) == {"one": ["a.md"], "two": ["a.md", "b.md"], "NAME": ["b.md"]}


def test_every_figure_names_the_pages_that_show_it(site: Path):
    shown: dict[str, set[str]] = {name: set() for name in names()}
    for page in site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        for n in {int(m) for m in re.findall(r'\bid="f(\d+)-', html)}:
            shown[names()[n]].add(page.parent.relative_to(site).as_posix() + "/")
    api = site / API_PAGE.removesuffix(".md") / "index.html"
    here = "/" + API_PAGE.removesuffix(".md") + "/"
    linked = {}
    for name, paragraph in ENTRY.findall(api.read_text(encoding="utf-8")):
        hrefs = re.findall(r'href="([^"]+)"', paragraph)
        linked[name] = {urljoin(here, h).lstrip("/") or "./" for h in hrefs}
    assert linked == shown
    assert sum(map(bool, linked.values())) >= 10  # most figures are shown somewhere
