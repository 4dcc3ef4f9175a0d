"""No style rule of the site asks ``:has()`` of an element that holds the article and then
styles what is inside it.

Such a rule (``.md-main__inner:has(> .md-sidebar--secondary[hidden]) .md-content__inner > p``)
makes Chromium restyle the whole article whenever anything the ``:has()`` could see changes,
and Material's scripts change the page several times as it loads: measured on 8 December,
0.4 s of style work on each load of the gradient-flow API page at 1280 px (0.77 s with the
rule, 0.41 s with the same rule written with a sibling selector; Chromium's
``Performance.getMetrics``, ``RecalcStyleDuration``, median of three loads). A reader's
phone pays that several times over. ``:has()`` on a small box (a code block, a link) is
cheap, and allowed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rnnsite.css_comments import strip_comments

ROOT = Path(__file__).resolve().parents[2]
SHEETS = sorted((ROOT / "docs").rglob("*.css"))
# Material's boxes that hold the article (and so every element a reader reads)
HOLDERS = ("html", "body", ".md-container", ".md-main", ".md-main__inner", ".md-content",
           ".md-content__inner", "article")


def preludes(css: str) -> list[str]:
    """The selector text of every style rule (at-rule preludes and declarations left out)."""
    css = strip_comments(css)
    found, start = [], 0
    for i, ch in enumerate(css):
        if ch == "{":
            text = css[start:i].strip()
            if text and not text.startswith("@"):
                found.append(" ".join(text.split()))
        if ch in "{};":
            start = i + 1
    return found


def _close(text: str, open_at: int) -> int:
    """The index just after the parenthesis that closes the one at ``open_at``."""
    depth = 0
    for i in range(open_at, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i + 1
    raise ValueError(f"unbalanced parentheses in {text!r}")


def has_on_a_holder(selector: str) -> list[str]:
    """Each ``:has()`` of ``selector`` that is on one of ``HOLDERS`` and followed by a
    combinator (so that what it styles lies inside the holder)."""
    found = []
    for m in re.finditer(r":has\(", selector):
        end = _close(selector, m.end() - 1)
        compound = re.split(r"[\s>+~(]", selector[:m.start()])[-1]
        follows = selector[end:].lstrip()
        inside = bool(follows) and not follows.startswith((",", ")"))
        holder = any(re.search(rf"(?:^|(?<=[^\w-])){re.escape(h)}(?![\w-])", compound)
                     for h in HOLDERS)
        if inside and holder:
            found.append(selector[max(0, m.start() - 30):end + 30])
    return found


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.relative_to(ROOT / "docs").as_posix())
def test_no_has_on_a_box_that_holds_the_article(sheet):
    css = sheet.read_text(encoding="utf-8")
    bad = [found for selector in preludes(css) for found in has_on_a_holder(selector)]
    assert bad == [], f"{sheet.name}: :has() on a box that holds the article: {bad}"


@pytest.mark.parametrize(("selector", "flagged"), [
    (".md-main__inner:has(> .md-sidebar--secondary[hidden]) .md-content__inner > p", True),
    ("body:has(.x) .md-typeset p", True),
    ("article:has(.x) > p", True),
    (".md-content:has(.x) + .y", True),
    (".md-sidebar--secondary[hidden] ~ .md-content .md-content__inner > p", False),
    (".md-typeset .highlight:has(.gp) code", False),  # a code block: small
    (".md-typeset a:not(.headerlink):has(> code)", False),  # the subject itself
    ("body:has(.x)", False),  # restyles the body alone
    (".md-contents:has(.x) p", False),  # another class
])
def test_the_check_tells_a_holder_from_a_small_box(selector, flagged):
    assert bool(has_on_a_holder(selector)) is flagged


def test_the_check_reads_selectors_in_media_queries():
    css = """/* a comment { } */
@media screen and (min-width: 60em) {
  .md-main__inner:has(> .md-sidebar--secondary[hidden]) .md-content__inner > p {
    max-width: 43em;
  }
}
a { color: red; }"""
    assert preludes(css) == [
        ".md-main__inner:has(> .md-sidebar--secondary[hidden]) .md-content__inner > p", "a"]
