"""The calculator's form and results as styled (design review of 7 December, round D), at
390 and 1280 px, light and dark: each result reads as the page's answer, its boxes are in
the fields' style with a visible keyboard focus, and the unrolled graph's explanation is
prose before its box, not a paragraph among its fields. (Its layout on a phone, the bars
and the first screen, is test_browser_calculator_phone.py's.)
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from calculator_tab import READY, page_errors

VIEWS = [(w, s) for w in (390, 1280) for s in ("light", "dark")]
TOTAL_SCALE = 1.3  # at a desk, a total's figures at least this many times the body text
CONTROL_CONTRAST = 3.0  # WCAG 1.4.11: a control's edge and state against what is behind
BOXES = ("calc-bidirectional", "calc-bias", "calc-unrolled-bias", "calc-initial-state")

# Colours as a reader sees them: an rgba over the opaque colour behind it, and contrast.
COLOUR = """
  const rgba = (t) => { const [r, g, b, a] = t.match(/[\\d.]+/g).map(Number);
                        return [r, g, b, a === undefined ? 1 : a]; };
  const over = (c, u) => [0, 1, 2].map((k) => c[k] * c[3] + u[k] * (1 - c[3]));
  const lum = (c) => { const [r, g, b] = c.map((v) => { const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const contrast = (a, b) => { const [h, l] = [lum(a), lum(b)].sort((x, y) => y - x);
                               return (h + 0.05) / (l + 0.05); };
  const page = over(rgba(getComputedStyle(document.body).backgroundColor), [255, 255, 255]);
"""


@pytest.fixture(scope="module", params=VIEWS, ids=lambda v: f"{v[0]}-{v[1]}")
def view(request, shared_view, server):
    width, scheme = request.param
    page = shared_view(width, scheme)
    with page_errors(page) as errors:
        page.goto(server.url + "calculator/")
        page.wait_for_function(READY)
        if scheme == "dark":
            page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
        yield page, width
    assert errors == []


def test_a_result_reads_as_the_pages_answer(view):
    """At a desk each total heads a box of its own (a border all round, the accent down its
    side) holding its breakdown and its command, its figures large: the result of the form
    above, not loose text between the boxes. On a phone the totals are the sticky bars."""
    page, width = view
    if width <= 390:
        pytest.skip("on a phone the totals are bars (test_browser_calculator_phone.py)")
    found = page.evaluate("""() => ['calc-total', 'unrolled-total'].map((id) => {
      const total = document.getElementById(id), box = total.closest('.rn-calc__result');
      const s = getComputedStyle(box), b = box.getBoundingClientRect();
      const inside = [...box.querySelectorAll('.rn-calc__total, table, pre')].every((el) => {
        const r = el.getBoundingClientRect();
        return r.left >= b.left && r.right <= b.right && r.top >= b.top && r.bottom <= b.bottom; });
      const sides = ['Top', 'Right', 'Bottom', 'Left'];
      const size = (el) => parseFloat(getComputedStyle(el).fontSize);
      return {borders: sides.map((k) => parseFloat(s[`border${k}Width`])),
              parts: box.querySelectorAll('.rn-calc__total, table, pre').length, inside,
              figures: size(total), body: size(document.querySelector('.md-typeset')),
              label: size(document.querySelector('.rn-calc__field label')),
              weight: Number(getComputedStyle(total).fontWeight)}; })""")
    for result in found:
        assert min(result["borders"]) > 0 and result["borders"][3] > result["borders"][0], result
        assert result["parts"] == 3 and result["inside"], result
        assert result["figures"] >= TOTAL_SCALE * result["body"], result
        assert result["figures"] > result["label"] and result["weight"] >= 600, result


def test_a_box_is_in_the_fields_style(view):
    """Each box drawn by the site, not the browser: the text fields' border, radius and
    background; its edge 3:1 on the page; ticked, its fill 3:1 on the page and its mark 3:1
    on the fill (the mark is drawn: it shows only when ticked)."""
    page, _ = view
    found = page.evaluate("(ids) => {" + COLOUR + """
      const field = getComputedStyle(document.getElementById('calc-input-size'));
      return ids.map((id) => {
        const box = document.getElementById(id), was = box.checked;
        box.checked = false;
        const s = getComputedStyle(box), mark = getComputedStyle(box, '::before');
        const seen = {id, appearance: s.appearance,
          same: ['borderTopWidth', 'borderTopStyle', 'borderTopColor', 'borderTopLeftRadius',
                 'backgroundColor'].filter((k) => s[k] !== field[k]),
          edge: contrast(over(rgba(s.borderTopColor), page), page),
          unmarked: mark.visibility !== 'visible'};
        box.checked = true;
        const t = getComputedStyle(box), m = getComputedStyle(box, '::before');
        const fill = over(rgba(t.backgroundColor), page);
        seen.fill = contrast(fill, page);
        seen.mark = m.visibility === 'visible'
          ? contrast(over(rgba(m.backgroundColor), fill), fill) : 0;
        box.checked = was;
        return seen; }); }""", list(BOXES))
    for box in found:
        assert box["appearance"] == "none", box
        assert box["same"] == [], box
        assert box["edge"] >= CONTROL_CONTRAST, box
        assert box["fill"] >= CONTROL_CONTRAST and box["mark"] >= CONTROL_CONTRAST, box
        assert box["unmarked"], box


def test_a_box_shows_the_keyboards_focus(view):
    """Tab from the field before a box: the box has the focus, ringed (an outline 3:1 on
    the page), and Space ticks it."""
    page, _ = view
    page.focus("#calc-num-layers")
    page.keyboard.press("Tab")
    ring = page.evaluate("() => {" + COLOUR + """
      const box = document.activeElement, s = getComputedStyle(box);
      return {id: box.id, style: s.outlineStyle, width: parseFloat(s.outlineWidth),
              contrast: contrast(over(rgba(s.outlineColor), page), page),
              checked: box.checked}; }""")
    assert ring["id"] == "calc-bidirectional", ring
    assert ring["style"] != "none" and ring["width"] >= 1, ring
    assert ring["contrast"] >= CONTROL_CONTRAST, ring
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked") != ring["checked"]
    page.keyboard.press("Space")  # as it was


def test_the_explanation_is_prose_before_its_box(view):
    """Inside a fieldset only fields, boxes and their words: the unrolled graph's
    explanation is a paragraph before its fieldset, which names it as its description."""
    page, _ = view
    found = page.evaluate("""() => ({
      inside: [...document.querySelectorAll('#calc-form fieldset p')]
        .map((p) => p.textContent.slice(0, 40)),
      described: [...document.querySelectorAll('#calc-form fieldset')].map((f) => {
        const id = f.getAttribute('aria-describedby');
        const about = id && document.getElementById(id);
        if (!about) return null;
        const before = f.compareDocumentPosition(about) & Node.DOCUMENT_POSITION_PRECEDING;
        return {before: Boolean(before), words: about.textContent.length,
                legend: f.querySelector('legend').textContent}; })
    })""")
    assert found["inside"] == []
    described = [d for d in found["described"] if d]
    assert [d["legend"] for d in described] == ["The unrolled graph"], found
    assert all(d["before"] and d["words"] > 100 for d in described), found


def test_no_serious_accessibility_finding_with_boxes_ticked_and_focused(view):
    """axe-core on the form in the states the page does not open in: every box ticked, one
    focused (the audit's visit sees it as it opens, test_browser_pages.py)."""
    page, _ = view
    for ident in BOXES:
        page.check(f"#{ident}")
    page.focus("#calc-initial-state")
    found = Axe().run(page, context="#calculator")
    serious = [v["id"] for v in found.response["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
