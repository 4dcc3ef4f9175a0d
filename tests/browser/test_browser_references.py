"""The reference list's addresses (URLs and DOIs) on a phone and at a desk: each wraps only
where the build marked it (``<wbr>``, livedocs/bib.py: after "/" or ".", before "?" or
"_", between the words of a run-together name), never inside a word, and none runs past the
column (design review: "SeppHoch" / "reiter1991" on a 390 px phone).

A break inside a word is a line break between two characters of one text node: the build's
marks split an address into text nodes, so a break at a mark falls between two nodes."""

from __future__ import annotations

import pytest
from site_server import open_view

WIDTHS = (390, 320, 1280)  # a phone, the narrowest phone, a desk

# For each address link: its text, its right edge against the list item's content box, and
# every place a line ends inside one of its text nodes (the characters either side).
MEASURE = """() => [...document.querySelectorAll(".references a[href]")].map((a) => {
  const item = a.closest("li"), style = getComputedStyle(item);
  const right = item.getBoundingClientRect().right - parseFloat(style.paddingRight);
  const inside = [];
  let lines = 0, top = null;
  const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let last = null;
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box) continue;
      if (top === null || box.top > top + box.height / 2) {
        lines += 1;
        if (last !== null) inside.push(node.data.slice(Math.max(0, i - 3), i + 3));
        top = box.top;
      }
      last = i;
    }
  }
  const rects = [...a.getClientRects()];
  return { text: a.textContent, href: a.href, lines, inside,
           over: Math.max(...rects.map((r) => r.right)) - right,
           pageOver: document.documentElement.scrollWidth - innerWidth };
})"""


@pytest.fixture(scope="module", params=WIDTHS)
def links(request, browser, server):
    with open_view(browser, request.param, "light") as page:
        page.goto(server.url + "references/")
        page.evaluate("document.fonts.ready.then(() => true)")
        yield request.param, page.evaluate(MEASURE)


def test_addresses_wrap_only_at_their_marks(links):
    width, found = links
    assert len(found) >= 10  # every entry has a DOI or a URL
    if width <= 390:  # the long ones do wrap on a phone: the test sees breaks
        assert any(link["lines"] > 1 for link in found)
    inside = [(link["text"], link["inside"]) for link in found if link["inside"]]
    assert inside == [], "(address, where a line ends inside a word)"


def test_no_address_runs_past_the_column(links):
    _, found = links
    assert [(link["text"], round(link["over"], 1)) for link in found if link["over"] > 0.5] == []
    assert found[0]["pageOver"] <= 0  # no sideways scrolling


def test_an_address_reads_as_its_link(links):
    """The marks change no character: a DOI's text is its link's, a URL is its link."""
    _, found = links
    for link in found:
        text = link["text"]
        if text.startswith("doi:"):
            assert link["href"] == "https://doi.org/" + text.removeprefix("doi:")
        else:
            assert link["href"] == text
