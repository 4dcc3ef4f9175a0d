"""The calculator's error state, its command blocks and its partial links, at 390 and
1280 px in both palettes: the second design review's findings, each held as a test.

- With a bad value on a phone, each sticky bar keeps to one line (three lines in all
  before: the long label wrapped).
- A bad field is red while focused (not the accent's ring on its red border); its message
  leads with a word in red; "≥ 0" and "got 0" are never broken across lines.
- The equivalent command is one copyable code block, inside the column.
- A link that leaves out the cell or a size starts from the page's own values for them.
"""

from __future__ import annotations

import re

import pytest
from calculator_tab import box, calculator_view, open_calculator

from rnnnotes.counting import count_parameters
from tests.browser.test_browser_calculator_phone import VIEWS


@pytest.fixture(scope="module", params=VIEWS, ids=lambda v: f"{v[0]}-{v[1]}")
def view(request, shared_view, server):
    """As in test_browser_calculator_phone.py: (page, server, width, scheme, errors)."""
    yield from calculator_view(request.param, shared_view, server)


TEXT_FIELDS = ("input_size", "hidden_size", "num_layers", "proj_size", "output_size", "steps")


def opened_for(view, name: str):
    """The calculator, on a PyTorch LSTM for the projection (the one cell whose projection
    field is enabled: test_browser_calculator_projection.py), else as it opens."""
    return open_calculator(view, "?cell=lstm" if name == "proj_size" else "")


def type_into(page, name: str, text: str) -> str:
    ident = page.evaluate(f"document.querySelector('[name={name}]').id")
    page.click(f"#{ident}")
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.wait_for_selector(f"#{ident}-error")
    page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return ident


@pytest.mark.parametrize("name", TEXT_FIELDS)
def test_a_bar_naming_a_field_keeps_to_one_line(view, name):
    if view[2] > 390:
        pytest.skip("the totals are bars on a phone only")
    page = opened_for(view, name)
    type_into(page, name, "-3")
    bars = page.evaluate("""() => [...document.querySelectorAll('.rn-calc__total')]
      .filter((b) => b.querySelector('output').textContent.startsWith('Check'))
      .map((b) => { const r = document.createRange(); r.selectNodeContents(b);
        const tops = [...r.getClientRects()].filter((q) => q.width > 0).map((q) => q.top)
          .sort((x, y) => x - y);
        const step = parseFloat(getComputedStyle(b).lineHeight) / 2;  // fonts differ a px
        const lines = tops.filter((t, i) => i === 0 || t - tops[i - 1] > step).length;
        return {text: b.innerText, lines}; })""")
    assert bars, name  # at least one total names the field
    assert all(b["lines"] == 1 for b in bars), bars


def rgb(css: str) -> tuple[int, ...]:
    return tuple(int(float(x)) for x in re.findall(r"[\d.]+", css)[:3])


def is_red(css: str) -> bool:
    r, g, b = rgb(css)
    return r > 150 and r > g + 60 and r > b + 60


@pytest.mark.parametrize("name", ["hidden_size", "output_size"])
def test_a_bad_field_reads_as_an_error(view, name):
    page = open_calculator(view)
    ident = type_into(page, name, "-3")
    look = page.evaluate("""(id) => {
      const el = document.getElementById(id), cs = getComputedStyle(el);
      const message = document.getElementById(id + '-error');
      const lead = message.firstElementChild;
      return {focused: document.activeElement === el, outline: cs.outlineColor,
              border: cs.borderTopColor, lead: lead && lead.textContent,
              leadColor: lead && getComputedStyle(lead).color,
              leadWeight: lead && Number(getComputedStyle(lead).fontWeight),
              bodyColor: getComputedStyle(message).color};
    }""", ident)
    assert look["focused"]
    assert is_red(look["outline"]) and is_red(look["border"]), look
    assert look["lead"] and is_red(look["leadColor"]) and look["leadWeight"] >= 600, look
    assert look["leadColor"] != look["bodyColor"]


def unbroken(page, ident: str, phrases: list[str]) -> list[str]:
    """The phrases (each a regex) of the message that run over two lines."""
    return page.evaluate("""([id, phrases]) => {
      const node = document.getElementById(id + '-error').lastChild;  // the text after the lead
      const broken = [];
      for (const phrase of phrases) {
        for (const m of node.textContent.matchAll(new RegExp(phrase, 'g'))) {
          const r = document.createRange();
          r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
          const tops = new Set([...r.getClientRects()].filter((q) => q.width > 0)
            .map((q) => Math.round(q.top)));
          if (tops.size > 1) broken.push(m[0]);
        }
      }
      return broken; }""", [ident, phrases])


@pytest.mark.parametrize("name", TEXT_FIELDS)
def test_a_bound_and_a_value_are_never_split(view, name):
    page = opened_for(view, name)
    for bad in ("-3", "abc"):
        ident = type_into(page, name, bad)
        phrases = [r"≥\s\S+", r"got\s\S+", r"to\s\S+", r"size\s[A-Z]\b", r"steps\s[A-Z]\b"]
        assert unbroken(page, ident, phrases) == [], (name, bad)


def test_the_command_is_one_copyable_block(view):
    page = open_calculator(view, "?cell=lstm&input_size=20&hidden_size=128&output_size=10"
                                 "&bidirectional=1&num_layers=2&steps=5&recurrence=full")
    for ident in ("calc-command", "unrolled-command"):
        # Material adds the button (on a load; a relaid calculator has the load's: DECOR)
        page.locator(f"#{ident}").scroll_into_view_if_needed()
        page.wait_for_selector(f"pre:has(#{ident}) [data-clipboard-target]", state="attached")
        shape = page.evaluate("""(id) => {
          const code = document.getElementById(id), pre = code.closest('pre');
          const column = code.closest('.rn-calc').getBoundingClientRect();
          const p = pre && pre.getBoundingClientRect();
          const pieces = [...code.querySelectorAll('span')].map((s) => {
            const r = document.createRange(); r.selectNodeContents(s);
            return new Set([...r.getClientRects()].map((q) => Math.round(q.top))).size; });
          const copy = pre ? pre.querySelectorAll('[data-clipboard-target]').length : 0;
          return {pre: Boolean(pre), copy,
                  inside: p && p.left >= column.left - 0.5 && p.right <= column.right + 0.5,
                  text: code.textContent, pieces}; }""", ident)
        assert shape["pre"] and shape["inside"], shape
        assert shape["copy"] == 1, shape  # Material's copy button
        assert shape["text"].startswith("rnnnotes ") and "  " not in shape["text"]
        assert all(n == 1 for n in shape["pieces"]), shape  # no option broken inside
    assert page.evaluate("document.documentElement.scrollWidth") <= view[2]


@pytest.mark.parametrize("given", [{"hidden_size": "64"}, {"cell": "gru"},
                                   {"input_size": "7", "output_size": "3"}])
def test_a_partial_link_starts_from_the_pages_values(view, given):
    if view[3] == "dark":
        pytest.skip("the palette plays no part")
    page = open_calculator(view)
    example = page.evaluate("Object.fromEntries([...document.querySelectorAll('[data-example]')]"
                            ".map((el) => [el.name, el.dataset.example]))")
    query = "&".join(f"{k}={v}" for k, v in given.items())
    page = open_calculator(view, f"?{query}")
    assert page.inner_text("#calc-alert").strip() == ""
    config = {k: given.get(k, example[k]) for k in ("cell", "input_size", "hidden_size")}
    expected = count_parameters(config["cell"], int(config["input_size"]),
                                int(config["hidden_size"]),
                                output_size=int(given.get("output_size", 0)) or None)
    assert page.get_attribute("#calc-total", "data-total") == str(expected.total)
    assert page.input_value("#calc-steps") == example["steps"]
    assert box(page, "#calc-cell")["top"] > 0
