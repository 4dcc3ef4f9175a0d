"""A relaid calculator (calculator_tab.relayout: a link opened without a page load, with
what the theme and the site's scripts add on a load) is, after another test's changes, the
calculator a load gives: its markup, every box on the page and the styles the layout tests
read, and the same again after typing a bad value and after scrolling to the foot. The
layout tests (test_browser_calculator_phone.py, _errors.py) open their links so.
"""

from __future__ import annotations

import json
import os

import pytest
from calculator_tab import READY, STATE, calculator_view, relayout

# The example (most layout tests), and a longer one (both tables full, longer commands).
LINKS = ["", "?cell=lstm&input_size=20&hidden_size=128&output_size=10&bidirectional=1"
         "&steps=5&recurrence=full"]

# The styles of the calculator's elements that the layout tests read.
STYLES = ("display", "position", "color", "backgroundColor", "borderTopColor", "outlineColor",
          "outlineStyle", "fontWeight", "fontSize", "lineHeight", "whiteSpace", "textOverflow",
          "overflowX")

LOOK = r"""async (STYLES) => {
  await document.fonts.ready;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const calc = document.getElementById("calculator").cloneNode(true);
  for (const s of calc.querySelectorAll("script")) s.remove();
  const round = (x) => Math.round(x * 100) / 100;
  const inCalc = document.getElementById("calculator");
  // (the header's box, not its title's: Material slides that in and out as it sees the
  // page scroll, a relink's as a previous test's)
  const boxes = [...document.querySelectorAll(".md-header, .md-main *")].map((el) => {
    const r = el.getBoundingClientRect();
    return [`${el.tagName}#${el.id}.${el.className}`, [r.left, r.top, r.width, r.height]
      .map(round), inCalc.contains(el) ? STYLES.map((p) => getComputedStyle(el)[p]) : null];
  });
  const html = document.documentElement;
  return JSON.stringify({markup: calc.outerHTML.replace(/\s+/g, " "), boxes,
    page: [html.scrollWidth, html.scrollHeight, scrollX, scrollY,
           document.activeElement.id, html.style.scrollPaddingBottom]});
}"""


def look(page) -> dict:
    return json.loads(page.evaluate(LOOK, STYLES))


def look_then_use(page) -> list[dict]:
    """The page as opened, then after typing a bad hidden size and after scrolling to the
    foot (the layout tests' steps): what LOOK (and STATE) read each time."""
    seen = [{**look(page), "state": page.evaluate(STATE)}]
    page.click("#calc-hidden-size")
    page.keyboard.press("Control+A")
    page.keyboard.type("-3")
    page.wait_for_selector("#calc-hidden-size-error")
    seen.append({**look(page), "state": page.evaluate(STATE)})
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    seen.append(look(page))
    return seen


STEPS = ("as opened", "a bad hidden size typed", "at the foot")


def differences(relaid: list[dict], loaded: list[dict]) -> list[str]:
    """Where the two differ, step by step: the first few, each ``step: what: relaid, loaded``
    (a box: its element, then its left, top, width, height or the style that differs)."""
    found = []
    for step, a, b in zip(STEPS, relaid, loaded, strict=False):
        for key in a:
            if key == "boxes" and len(a[key]) == len(b[key]):
                for (name, rect, style), (name2, rect2, style2) in zip(a[key], b[key],
                                                                        strict=True):
                    if name != name2 or (style is None) != (style2 is None):
                        found.append(f"{step}: elements: {name}, {name2}")
                    elif rect != rect2:
                        found.append(f"{step}: {name} box: {rect}, {rect2}")
                    found += [f"{step}: {name} {prop}: {x}, {y}" for prop, x, y
                              in zip(STYLES, style or [], style2 or [], strict=False) if x != y]
            elif key == "markup" and a[key] != b[key]:
                at = len(os.path.commonprefix([a[key], b[key]]))
                found.append(f"{step}: markup from {at}: {a[key][at - 60:at + 60]!r}, "
                             f"{b[key][at - 60:at + 60]!r}")
            elif a[key] != b[key]:
                found.append(f"{step}: {key}: {a[key]}, {b[key]}")
    return found[:8]


def left_over(page) -> None:
    """What a layout test may leave: a bad value typed (its message, the bars stuck on a
    phone, the scroll padding they set), the page scrolled, a field hovered and focused."""
    page.fill("#calc-hidden-size", "-3")
    page.hover("#calc-steps")
    page.evaluate("window.scrollTo(0, 200)")


# A phone's and a desk's view (the palette plays no part in what a relink does; both are
# in the tests' boxes and colours).
@pytest.fixture(scope="module", params=[(390, "light"), (1280, "dark")],
                ids=lambda v: f"{v[0]}-{v[1]}")
def view(request, shared_view, server):
    yield from calculator_view(request.param, shared_view, server)


@pytest.mark.parametrize("query", LINKS, ids=lambda q: q[1:].split("&")[-1] or "none")
def test_a_relaid_calculator_is_a_loaded_one(view, query):
    page, server, _, scheme, errors = view
    left_over(relayout(page, server, "?cell=lstm&bias=2&recurrence=x"))
    page.evaluate("window.__before = true")
    relaid = look_then_use(relayout(page, server, query))
    assert page.evaluate("window.__before"), "relayout loaded the page: nothing relaid"
    page.goto(f"{server.url}calculator/{query}")
    page.wait_for_function(READY)
    if scheme == "dark":
        page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert differences(relaid, look_then_use(page)) == []
    assert errors == []
