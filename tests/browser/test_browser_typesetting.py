"""Design review 2's typesetting findings, measured in Chromium at 390 and 1280 px:

- 1: a minus that is a sign sits against its operand (``w = −1``, not ``w = − 1``);
- 2: no double space beside inline math (``p = 102`` with the value inside the math, a name
  such as diag after a word, ``tanh c_t`` with TeX's thin space after the name);
- 4: an option name in inline code (``--initial-state``) never breaks;
- 5: a heading's hidden permalink (¶) stays on the line of the heading's last word.

Measured by the browser audit's visit of each page, in the light palette (probe_type.js).
"""

from __future__ import annotations

import pytest
from browser_audit import LIGHT_VIEWS, VIEWS

by_width = pytest.mark.parametrize("view", LIGHT_VIEWS, ids=lambda v: f"{VIEWS[v][0]}px")


def _tokens(visits, path: str, view: str, text: str) -> tuple[list[dict], float]:
    """The boxes of the tokens of the page's first formula whose text (spaces removed) is
    ``text``, and the formula's font size."""
    found = next((f for f in visits[path, view].probe["formulas"] if f["compact"] == text),
                 None)
    assert found, f"no formula {text!r} on the page"
    return found["boxes"], found["size"]


def _gap(boxes: list[dict], a: int, b: int) -> float:
    return boxes[b]["left"] - boxes[a]["right"]


@by_width
@pytest.mark.parametrize(("path", "text", "sign"), [
    ("task-1-2/q1-vanishing-exploding/", "w=−1", 2),
    ("task-1-2/q1-vanishing-exploding/", "(−1)k=±1", 1),
    ("conventions/", "σ(−a)=1−σ(a)", 2),
])
def test_a_sign_sits_against_its_operand(visits, view, path, text, sign):
    boxes, size = _tokens(visits, path, view, text)
    assert boxes[sign]["text"] == "−"
    # the sign's gap to its operand: none, as TeX sets it (the old infix minus: 0.22 em)
    assert _gap(boxes, sign, sign + 1) < 0.05 * size, boxes
    # and what is spaced as an operator still is: the relation before it, or a subtraction
    spaced = [_gap(boxes, n, n + 1) for n, b in enumerate(boxes[:-1])
              if b["text"] in "=−" and n != sign]
    assert spaced and min(spaced) > 0.15 * size, boxes


@by_width
def test_a_value_inside_the_math_is_spaced_as_the_relation_spaces_it(visits, view):
    boxes, size = _tokens(visits, "task-2-1/q4-fewer-parameters/", view, "p=102")
    # "p = 102", not "p =  102" (the relation's space and then the text's)
    assert abs(_gap(boxes, 0, 1) - _gap(boxes, 1, 2)) < 0.05 * size, boxes


@by_width
def test_an_operator_name_is_spaced_from_its_operand(visits, view):
    boxes, size = _tokens(visits, "task-2-1/q4-fewer-parameters/", view, "ht=Whr(ot⊙tanhct)")
    name = next(n for n, b in enumerate(boxes) if b["text"] == "tanh")
    assert _gap(boxes, name, name + 1) > 0.12 * size, boxes  # "tanh c_t", not "tanhc_t"


@by_width
@pytest.mark.parametrize("path", ["task-1-2/q1-vanishing-exploding/", "task-2-1/q1-gates/"])
def test_no_double_space_before_an_operator_name(visits, view, path):
    # the first formula of a paragraph that starts with diag: the gap between the last
    # letter of the text before it and its first glyph, and the width of the text's space
    found = next((f["word"] for f in visits[path, view].probe["formulas"]
                  if f["inParagraph"] and f["trimmed"].startswith("diag")), None)
    assert found and found["space"] > 0, found
    # one space of the text's (the old <mo>diag</mo>: that and a thick space more)
    assert found["gap"] < 1.25 * found["space"], found


@by_width
def test_an_option_name_never_breaks_and_nothing_scrolls_sideways(visits, view):
    probe = visits["cli/", view].probe
    lines = probe["optionCodes"]
    assert lines and all(n == 1 for _, n in lines), lines
    assert probe["scrollWidth"] <= VIEWS[view][0]


@by_width
@pytest.mark.parametrize("path", ["", "task-2-1/q1-gates/", "task-1-1/q2-parameters-over-time/"])
def test_a_headings_permalink_stays_on_its_last_line(visits, view, path):
    headings = visits[path, view].probe["permalinks"]
    assert headings
    alone = [h["text"] for h in headings if not h["sameLine"]]
    assert not alone, alone
