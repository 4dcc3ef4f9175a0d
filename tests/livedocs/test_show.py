"""``fail: show`` (mkdocs serve): each finding on the page, at the block it comes from."""

from __future__ import annotations

import logging

import markdown
import pytest

from livedocs.markdown_ext import LiveNumbersExtension
from livedocs.marks import private_use
from livedocs.show import line_spot

BOX = '<div class="livedocs-error'
MARK = '<mark class="livedocs-error'


def show(page: str) -> str:
    md = markdown.Markdown(extensions=["fenced_code", "pymdownx.arithmatex",
                                       LiveNumbersExtension(fail="show")],
                           extension_configs={"pymdownx.arithmatex": {"generic": True}})
    logging.getLogger("mkdocs.plugins.livedocs").disabled = True
    try:
        return md.convert(page)
    finally:
        logging.getLogger("mkdocs.plugins.livedocs").disabled = False


def test_a_failed_code_example_is_shown_after_its_code_block() -> None:
    page = ("An opening paragraph of words.\n\n```pycon\n>>> print(2 + 2)\n5\n```\n\n"
            "A closing paragraph of words.\n")
    html = show(page)
    assert html.count(BOX) == 1 and "print(2 + 2)" in html, html
    box = html.index(BOX)
    # not at the top: after the code block, before the closing paragraph
    assert html.index("</pre>") < box < html.index("A closing paragraph"), html
    assert not html.startswith(BOX)
    assert private_use(html) == []


def test_a_finding_no_block_can_be_told_for_stays_at_the_top() -> None:
    html = show("<!-- live:setup\n1/0\n-->\n\nSome text here.\n")
    assert html.startswith(BOX) and "ZeroDivisionError" in html[: html.index("</div>")]
    assert html.count(BOX) == 1


def test_a_finding_in_a_paragraph_is_shown_at_the_end_of_that_paragraph() -> None:
    # math the evaluator cannot read, on the second paragraph's line
    page = ("A first paragraph, with words.\n\n"
            "A second paragraph, where $\\lfloor 7/2 \\rfloor = 3$ holds.\n\n"
            "A third paragraph, with words.\n")
    html = show(page)
    assert MARK in html and not html.startswith(BOX), html
    second = html.index("A second paragraph")
    assert second < html.index(MARK) < html.index("</p>", second) < html.index("A third")


BLOCKS = {1: (10, "Intro words here", False), 2: (50, "x = 1\nprint(x)", True),
          3: (90, "Intro words here", False)}


@pytest.mark.parametrize(("lines", "line", "anchors", "want"), [
    (["Intro words here"], 1, [], None),  # two blocks hold it, nothing tells them apart
    (["Intro words here", "y", "z"], 1, [(2, 40)], (10, False)),  # a later marker picks
    (["a", "b", "Intro *words* here"], 3, [(2, 60)], (90, False)),  # an earlier one picks
    (["```python", "print(x)"], 2, [], (50, True)),  # two words, six characters
    (["```python", "x = 1"], 2, [], None),  # two words, two characters: too little
    (["```python", "print"], 2, [], None),  # one word: too little
    (["Intro [words](http://x.y/ab) here"], 1, [(2, 40)], (10, False)),  # not the URL
    (["Intro [words](http://x.y/ab) here"], 1, [(2, 5)], None),  # the marker rules out both
    (["```python", "print(x) + 1"], 2, [], None),  # a word no block has there
    (["```python", "x print"], 2, [], None),  # words not in that order
    (["print(x)"], 0, [], None),  # out of range
    (["print(x)"], 2, [], None),
])
def test_line_spot(lines: list[str], line: int, anchors: list[tuple[int, int]],
                   want: tuple[int, bool] | None) -> None:
    assert line_spot(lines, line, BLOCKS, anchors) == want


def test_line_spot_finds_a_code_line_by_its_words() -> None:
    assert line_spot(["", ">>> total = 1  # set"], 2, {2: (50, "total = 1  # set", True)},
                     []) == (50, True)
    assert line_spot(["print(x)"], 1, {2: (50, "y = 1\nprint( x )", True)}, []) == (50, True)
    assert line_spot(["print(x)"], 1, {2: (50, "y = 1\nprintx", True)}, []) is None
