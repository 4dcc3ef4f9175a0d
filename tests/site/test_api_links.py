"""A link to a Python name is set as code, on every page: "see `nonnormal_matrix`", never
the name as underlined text beside names set as code (before: ten docstrings wrote
``[name][rnnnotes.path]``, which mkdocs-autorefs renders in the text's face, while the
others wrote ``[`name`][rnnnotes.path]``).

Read from the built pages: each link in a page's article to an API object's anchor
(``#rnnnotes.…``) whose text is an identifier or a dotted path holds that text in
``<code>``; a link in words ("the module docstring") is not a name and is left as text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

TARGET = re.compile(r"#(rnnnotes(?:\.\w+)+)$")


class _Links(HTMLParser):
    """Each link to an API object whose text names it (the text a final part of the
    object's dotted path), and whether it is set as code: inside ``<code>`` or holding it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, bool]] = []
        self.stack: list[str] = []
        self.link: dict | None = None
        self.article = 0

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.article += tag == "article"
        target = TARGET.search(dict(attrs).get("href") or "")
        if tag == "a" and self.article and target:
            self.link = {"path": target[1], "text": "", "code": "code" in self.stack[:-1]}
        elif tag == "code" and self.link is not None:
            self.link["code"] = True

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass
        self.article -= tag == "article"
        if tag == "a" and self.link is not None:
            text, path = self.link["text"].strip(), self.link["path"]
            if text and ("." + path).endswith("." + text):  # a name, not words
                self.found.append((text, self.link["code"]))
            self.link = None

    def handle_data(self, data):
        if self.link is not None:
            self.link["text"] += data


def name_links(page: str) -> list[tuple[str, bool]]:
    """``(name, set as code)`` for each link to a Python name in ``page``'s article."""
    parser = _Links()
    parser.feed(page)
    return parser.found


def test_name_links_are_found_and_words_are_not():
    page = ('<article><a href="#rnnnotes.a.b">b</a> <a href="../x/#rnnnotes.c.d">'
            '<code>c.d</code></a> <code><a href="#rnnnotes.e">e</a>(1)</code> '
            '<a href="#rnnnotes.f">the module</a></article><a href="#rnnnotes.g">g</a>')
    assert name_links(page) == [("b", False), ("c.d", True), ("e", True)]


@pytest.mark.parametrize("kind", ["api", "all"])
def test_every_link_to_a_python_name_is_code(site, kind):
    pages = sorted((site / "api").rglob("index.html")) if kind == "api" \
        else sorted(site.rglob("index.html"))
    links = {str(p.relative_to(site)): name_links(p.read_text(encoding="utf-8"))
             for p in pages}
    assert sum(map(len, links.values())) >= 20, "too few links to Python names to test"
    plain = {page: [name for name, code in found if not code]
             for page, found in links.items()}
    plain = {page: names for page, names in plain.items() if names}
    assert not plain, f"links to Python names set as text: {plain}"
