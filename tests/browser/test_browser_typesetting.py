"""Design review 2's typesetting findings, measured in Chromium at 390 and 1280 px:

- 1: a minus that is a sign sits against its operand (``w = −1``, not ``w = − 1``);
- 2: no double space beside inline math (``p = 102`` with the value inside the math, a name
  such as diag after a word, ``tanh c_t`` with TeX's thin space after the name);
- 4: an option name in inline code (``--initial-state``) never breaks;
- 5: a heading's hidden permalink (¶) stays on the line of the heading's last word.
"""

from __future__ import annotations

import pytest
from site_server import visitor

WIDTHS = (390, 1280)


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda w: f"{w}px")
def view(request, browser, server):
    with visitor(browser, server, request.param) as visit:
        yield visit, request.param


# The boxes of the tokens of the first inline formula whose text (spaces removed) is `text`,
# and the formula's font size.
TOKENS = """(text) => {
  const math = [...document.querySelectorAll("article math")]
    .find((m) => m.textContent.replace(/\\s+/g, "") === text);
  if (!math) return null;
  const boxes = [...math.querySelectorAll("mi, mn, mo")].map((el) => {
    const r = el.getBoundingClientRect();
    return {text: el.textContent.trim(), left: r.left, right: r.right};
  });
  return {boxes, size: parseFloat(getComputedStyle(math).fontSize)};
}"""


def _tokens(page, text: str) -> tuple[list[dict], float]:
    found = page.evaluate(TOKENS, text)
    assert found, f"no formula {text!r} on the page"
    return found["boxes"], found["size"]


def _gap(boxes: list[dict], a: int, b: int) -> float:
    return boxes[b]["left"] - boxes[a]["right"]


@pytest.mark.parametrize(("path", "text", "sign"), [
    ("task-1-2/q1-vanishing-exploding/", "w=−1", 2),
    ("task-1-2/q1-vanishing-exploding/", "(−1)k=±1", 1),
    ("conventions/", "σ(−a)=1−σ(a)", 2),
])
def test_a_sign_sits_against_its_operand(view, path, text, sign):
    visit, _ = view
    boxes, size = _tokens(visit(path), text)
    assert boxes[sign]["text"] == "−"
    # the sign's gap to its operand: none, as TeX sets it (the old infix minus: 0.22 em)
    assert _gap(boxes, sign, sign + 1) < 0.05 * size, boxes
    # and what is spaced as an operator still is: the relation before it, or a subtraction
    spaced = [_gap(boxes, n, n + 1) for n, b in enumerate(boxes[:-1])
              if b["text"] in "=−" and n != sign]
    assert spaced and min(spaced) > 0.15 * size, boxes


def test_a_value_inside_the_math_is_spaced_as_the_relation_spaces_it(view):
    visit, _ = view
    boxes, size = _tokens(visit("task-2-1/q4-fewer-parameters/"), "p=102")
    # "p = 102", not "p =  102" (the relation's space and then the text's)
    assert abs(_gap(boxes, 0, 1) - _gap(boxes, 1, 2)) < 0.05 * size, boxes


def test_an_operator_name_is_spaced_from_its_operand(view):
    visit, _ = view
    boxes, size = _tokens(visit("task-2-1/q4-fewer-parameters/"), "ht=Whr(ot⊙tanhct)")
    name = next(n for n, b in enumerate(boxes) if b["text"] == "tanh")
    assert _gap(boxes, name, name + 1) > 0.12 * size, boxes  # "tanh c_t", not "tanhc_t"


# The gap between the last letter of the text before the first formula that starts with
# `name` and the formula's first glyph, and the width of the text's space before it.
WORD_GAP = """(name) => {
  const math = [...document.querySelectorAll("article p math")]
    .find((m) => m.textContent.trim().startsWith(name));
  if (!math) return null;
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  walk.currentNode = math;
  let text = walk.previousNode();
  while (text && !text.textContent.trim()) text = walk.previousNode();
  const end = text.textContent.trimEnd().length;
  const range = (a, b) => { const r = document.createRange(); r.setStart(text, a);
                            r.setEnd(text, b); return r.getBoundingClientRect(); };
  const first = math.querySelector("mi, mo").getBoundingClientRect();
  return {gap: first.left - range(end - 1, end).right, space: range(end, end + 1).width,
          before: text.textContent.slice(-12)};
}"""


@pytest.mark.parametrize("path", ["task-1-2/q1-vanishing-exploding/", "task-2-1/q1-gates/"])
def test_no_double_space_before_an_operator_name(view, path):
    visit, _ = view
    found = visit(path).evaluate(WORD_GAP, "diag")
    assert found and found["space"] > 0, found
    # one space of the text's (the old <mo>diag</mo>: that and a thick space more)
    assert found["gap"] < 1.25 * found["space"], found


def test_an_option_name_never_breaks_and_nothing_scrolls_sideways(view):
    visit, width = view
    page = visit("cli/")
    lines = page.evaluate("""() => [...document.querySelectorAll("article code")]
      .filter((c) => !c.closest("pre") && c.textContent.startsWith("-"))
      .map((c) => [c.textContent, c.getClientRects().length])""")
    assert lines and all(n == 1 for _, n in lines), lines
    assert page.evaluate("document.documentElement.scrollWidth") <= width


# For each heading with a permalink: does the ¶ share a line with the heading's last text?
PERMALINKS = """() => [...document.querySelectorAll("article :is(h1, h2, h3, h4) a.headerlink")]
  .map((link) => {
    const heading = link.closest("h1, h2, h3, h4");
    const range = document.createRange();
    range.setStart(heading, 0);
    range.setEndBefore(link);
    const lines = [...range.getClientRects()].filter((r) => r.width > 0);
    const last = lines[lines.length - 1], l = link.getBoundingClientRect();
    return {text: heading.textContent, sameLine: l.top < last.bottom && l.bottom > last.top};
  })"""


@pytest.mark.parametrize("path", ["", "task-2-1/q1-gates/", "task-1-1/q2-parameters-over-time/"])
def test_a_headings_permalink_stays_on_its_last_line(view, path):
    visit, _ = view
    headings = visit(path).evaluate(PERMALINKS)
    assert headings
    alone = [h["text"] for h in headings if not h["sameLine"]]
    assert not alone, alone
