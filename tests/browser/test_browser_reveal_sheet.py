"""The reveal of a live number or a checked equation, as a reader meets it: it closes with a
button or Escape (focus back on the number), an equation's cue and its reveal sit at the
equation's ink, every live number shows the same cue (in scientific notation, shown as
math, too), and the sheet stands out from the page. Each page that has reveals, at 390 and
1280 px, light and dark.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from site_server import page_paths

from livedocs.wording import WORDING

VIEWS = [(390, "light"), (390, "dark"), (1280, "light"), (1280, "dark")]
IDS = [f"{w}-{s}" for w, s in VIEWS]
TOUCH_TARGET = 44  # px, a phone's close button (WCAG 2.5.5)
DESK_TARGET = 24  # px, at a desk (WCAG 2.5.8)
INK_SLACK = 6  # px between an equation's cue and its ink (an end operator's spacing)
NUMBER = "span.ld-wrap:not(.ld-wrap--math) > span.ld"

# The union of the glyph boxes of an element's text (its ink), in viewport pixels.
INK = """(el) => {
  let l = Infinity, r = -Infinity, t = Infinity, b = -Infinity;
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (!n.data.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const q of range.getClientRects()) {
      if (!q.width) continue;
      l = Math.min(l, q.left); r = Math.max(r, q.right);
      t = Math.min(t, q.top); b = Math.max(b, q.bottom);
    }
  }
  return {left: l, right: r, top: t, bottom: b};
}"""

# The element that draws a reveal's dotted cue: the number's own box or one inside it.
CUE = """(ld) => {
  const el = [ld, ...ld.querySelectorAll("*")].find((e) => {
    const s = getComputedStyle(e);
    return (s.borderBottomStyle === "dotted" && parseFloat(s.borderBottomWidth) > 0) ||
      (s.textDecorationLine.includes("underline") && s.textDecorationStyle === "dotted");
  });
  if (!el) return null;
  const s = getComputedStyle(el), q = el.getBoundingClientRect();
  const border = s.borderBottomStyle === "dotted";
  return {left: q.left, right: q.right, style: "dotted",
          color: border ? s.borderBottomColor : s.textDecorationColor};
}"""


@pytest.fixture(scope="module")
def reveal_pages(site):
    pages = [p for p in page_paths(site)
             if 'class="ld-wrap' in (site / p / "index.html").read_text(encoding="utf-8")]
    assert len(pages) >= 5, pages
    return pages


@pytest.fixture(params=VIEWS, ids=IDS)
def tab(request, browser, server):
    width, scheme = request.param
    context = browser.new_context(viewport={"width": width, "height": 844},
                                  color_scheme=scheme, has_touch=width == 390,
                                  reduced_motion="reduce")
    page = context.new_page()
    page.goto_path = lambda path: (page.goto(server.url + path),
                                   page.evaluate("document.fonts.ready.then(() => true)"))
    yield page
    context.close()


def tip_of(page, number):
    """The sheet that shows a number's description (the text its aria-describedby names,
    and the close button)."""
    return page.locator(f".ld-tip:has(> #{number.get_attribute('aria-describedby')})")


def open_it(page, number):
    number.scroll_into_view_if_needed()
    # a display equation's box is the column; a reader points at its math
    target = number.locator("math > *").first if number.evaluate(
        "(el) => el.tagName === 'DIV'") else number
    if page.viewport_size["width"] < 600:
        target.tap()
    else:
        target.click()
    tip = tip_of(page, number)
    tip.wait_for(state="visible")
    return tip


def test_a_reveal_closes_with_its_button_or_escape_and_focus_returns(tab, reveal_pages):
    width = tab.viewport_size["width"]
    least = TOUCH_TARGET if width < 600 else DESK_TARGET
    for path in reveal_pages:
        tab.goto_path(path)
        for number in (tab.locator(f"{NUMBER} >> visible=true").first,
                       tab.locator(".ld-wrap--math > .ld >> visible=true").first):
            if not number.count():
                continue
            where = f"{path} {number.get_attribute('aria-describedby')}"
            tip = open_it(tab, number)
            close = tip.get_by_role("button", name="Close")
            expect(close).to_have_count(1)
            expect(close).to_be_visible()
            box = close.bounding_box()
            assert box["width"] >= least and box["height"] >= least, (where, box)
            assert tip.bounding_box()["y"] <= box["y"] and box["y"] + box["height"] <= \
                tip.bounding_box()["y"] + tip.bounding_box()["height"] + 1, where
            close.click()
            tip.wait_for(state="hidden")
            expect(number, f"{where}: focus back on the number").to_be_focused()
            tab.keyboard.press("Enter")  # the number, focused, opens it again
            tip.wait_for(state="visible")
            close.focus()  # the button is reached by keyboard, and Enter closes
            tab.keyboard.press("Enter")
            tip.wait_for(state="hidden")
            expect(number, where).to_be_focused()
            tab.keyboard.press("Enter")
            tip.wait_for(state="visible")
            tab.keyboard.press("Escape")
            tip.wait_for(state="hidden")
            expect(number, f"{where}: Escape keeps focus on the number").to_be_focused()


def test_an_open_reveal_has_no_serious_accessibility_violation(tab, reveal_pages):
    tab.goto_path("task-2-1/q3-gradients-in-lstm/")
    open_it(tab, tab.locator(f"{NUMBER} >> visible=true").first)
    found = Axe().run(tab, context={"include": [[".ld-wrap"]]}).response["violations"]
    assert [v["id"] for v in found if v["impact"] in ("serious", "critical")] == []


def test_a_reveal_is_described_without_its_close_button(tab, reveal_pages):
    """A screen reader hears a number's description, not "Close" after it: the button is in
    the sheet, outside the text aria-describedby names."""
    tab.goto_path("task-2-1/q3-gradients-in-lstm/")
    for number in (tab.locator(f"{NUMBER} >> visible=true").first,
                   tab.locator(".ld-wrap--math > .ld >> visible=true").first):
        tip = open_it(tab, number)
        expect(tip.get_by_role("button", name="Close")).to_be_visible()
        text = " ".join(tab.locator(f"#{number.get_attribute('aria-describedby')}")
                        .inner_text().split())
        assert text.startswith((WORDING["live"], WORDING["equation"])), text
        expect(number).to_have_accessible_description(text)
        tab.keyboard.press("Escape")
        expect(tip).to_be_hidden()


def test_an_equations_cue_and_reveal_sit_at_its_ink(tab, reveal_pages):
    seen = 0
    for path in reveal_pages:
        tab.goto_path(path)
        maths = tab.locator(".ld-wrap--math > .ld")
        for k in range(maths.count()):
            ld = maths.nth(k)
            if not ld.is_visible():
                continue
            ld.scroll_into_view_if_needed()
            ink = ld.evaluate(INK)
            cue = ld.evaluate(CUE)
            where = f"{path} {ld.get_attribute('aria-describedby')}"
            assert cue is not None, f"{where}: no cue"
            if ld.evaluate("(el) => el.querySelector('.mathml-block') !== null "
                           "&& el.querySelector('.mathml-block').scrollWidth > "
                           "el.querySelector('.mathml-block').clientWidth + 1"):
                continue  # an equation that scrolls sideways: its ink is partly hidden
            assert abs(cue["left"] - ink["left"]) <= INK_SLACK, (where, cue, ink)
            assert abs(cue["right"] - ink["right"]) <= INK_SLACK, (where, cue, ink)
            if tab.viewport_size["width"] >= 600:  # a tooltip, at the equation
                ld.focus()
                tip = tip_of(tab, ld)
                tip.wait_for(state="visible")
                tab.wait_for_function("(tip) => tip.style.position === 'fixed'",
                                      arg=tip.element_handle())  # placed (livedocs.js)
                ink = ld.evaluate(INK)  # where the math is now (focus may scroll)
                box = tip.bounding_box()
                clamped = box["x"] + box["width"] >= tab.viewport_size["width"] - 9
                assert abs(box["x"] - ink["left"]) <= 8 or clamped, (where, box, ink)
                assert min(abs(box["y"] - ink["bottom"]),
                           abs(box["y"] + box["height"] - ink["top"])) <= 16, (where, box, ink)
                tab.keyboard.press("Escape")
                ld.evaluate("(el) => el.blur()")
            seen += 1
    assert seen >= 10


def _cue_drawn(page, ld) -> bool:
    """Whether the number's cue changes what is on the screen (a decoration that is set but
    not painted, as under MathML, does not)."""
    ld.scroll_into_view_if_needed()
    box = ld.bounding_box()
    clip = {"x": box["x"] - 2, "y": box["y"], "width": box["width"] + 4,
            "height": box["height"] + 6}
    page.mouse.move(0, 0)
    shown = page.screenshot(clip=clip)
    page.add_style_tag(content=".ld, .ld * { text-decoration: none !important; "
                               "border-bottom-color: transparent !important; }")
    hidden = page.screenshot(clip=clip)
    page.evaluate("document.head.lastElementChild.remove()")
    return shown != hidden


def test_every_live_number_shows_the_same_cue(tab, reveal_pages):
    """A live number in prose scientific notation (shown as inline math) and a checked
    inline formula carry the cue a plain live number has: a dotted line under it, in the
    same colour, that is really drawn."""
    math_numbers = 0
    for path in reveal_pages:
        tab.goto_path(path)
        plain = tab.locator(f"{NUMBER}:not(:has(math))").first
        if not plain.count():
            continue
        reference = plain.evaluate(CUE)
        assert reference is not None and _cue_drawn(tab, plain), path
        maths = tab.locator(f"{NUMBER}:has(math), span.ld-wrap--math > .ld")
        for k in range(maths.count()):
            ld = maths.nth(k)
            if not ld.is_visible():
                continue
            where = f"{path} {ld.get_attribute('aria-describedby')}: {ld.inner_text()!r}"
            cue = ld.evaluate(CUE)
            assert cue is not None, where
            assert (cue["style"], cue["color"]) == (reference["style"], reference["color"]), \
                where
            assert _cue_drawn(tab, ld), f"{where}: the cue is not drawn"
            math_numbers += 1
    assert math_numbers >= 3


def _luminance(rgb) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


COLOURS = """(tip) => {
  const canvas = document.createElement("canvas").getContext("2d");
  const rgba = (css) => { canvas.clearRect(0, 0, 1, 1); canvas.fillStyle = css;
    canvas.fillRect(0, 0, 1, 1); return [...canvas.getImageData(0, 0, 1, 1).data]; };
  const over = (top, under) => top.slice(0, 3).map((c, i) =>
    (c * top[3] + under[i] * (255 - top[3])) / 255);
  const page = rgba(getComputedStyle(document.body).backgroundColor);
  const s = getComputedStyle(tip), back = over(rgba(s.backgroundColor), page);
  const sides = ["Top", "Right", "Bottom", "Left"].map((side) => ({
    side, width: parseFloat(s[`border${side}Width`]),
    colour: over(rgba(s[`border${side}Color`]), back)}));
  return {page, back, sides};
}"""


# Material Design's dark theme shows a raised surface lighter than the page, a modal sheet
# (16 dp) by a 15 % white overlay: a shadow barely shows on a dark page.
DARK_OVERLAY = 0.15


def test_the_sheet_stands_out_from_the_page(tab, reveal_pages):
    """Every edge of an open reveal contrasts with the page at 3:1 or more (WCAG 1.4.11),
    dark as well as light; in dark, its background is at least as far from the page's as a
    raised sheet's in Material Design's dark theme."""
    dark = tab.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    for path in reveal_pages:
        tab.goto_path(path)
        tip = open_it(tab, tab.locator(f"{NUMBER} >> visible=true").first)
        found = tip.evaluate(COLOURS)
        page = found["page"]
        for side in found["sides"]:
            assert side["width"] >= 1, (path, side)
            assert _contrast(side["colour"], page) >= 3, (path, side, page)
        if dark:
            raised = [c + (255 - c) * DARK_OVERLAY for c in page[:3]]
            assert _contrast(found["back"], page) >= _contrast(raised, page) - 0.01, \
                (path, found["back"], page)


@pytest.fixture(params=["light", "dark"])
def phone(request, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                  color_scheme=request.param, reduced_motion="reduce")
    yield context.new_page()
    context.close()


def test_on_a_phone_the_sheet_never_covers_its_number(phone, server, reveal_pages):
    """Design review: a tapped number near the foot of a phone's screen vanished under its
    own sheet. The page scrolls it above the sheet."""
    seen = 0
    for path in reveal_pages[:4]:
        phone.goto(server.url + path)
        number = phone.locator(f"{NUMBER} >> visible=true").first
        if not number.count():
            continue
        number.scroll_into_view_if_needed()
        # put the number 40 px above the foot of the screen, where the sheet will open
        phone.evaluate("""(el) => scrollBy(0, el.getBoundingClientRect().bottom
                                              - innerHeight + 40)""", number.element_handle())
        tip = open_it(phone, number)
        where = f"{path} {number.get_attribute('aria-describedby')}"
        try:  # the page scrolls on the next frame (rnnnotes.js)
            phone.wait_for_function(
                "([n, t]) => n.getBoundingClientRect().bottom <= t.getBoundingClientRect().top",
                arg=[number.element_handle(), tip.element_handle()], timeout=3_000)
        except PlaywrightError:
            pass  # the assertion below says where
        assert number.bounding_box()["y"] + number.bounding_box()["height"] <= \
            tip.bounding_box()["y"], where
        seen += 1
    assert seen >= 2
