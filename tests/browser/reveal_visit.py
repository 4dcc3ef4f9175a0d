"""One visit of every page with reveals in one view, for test_browser_reveal_sheet.py: the
page is loaded once, and every check's measurement (cues, ink, the sheet's colours, the
close button and where focus goes, a phone's scroll) runs in that one tab, one after the
other: each leaves no reveal open for the next. What each check found is kept as data
(a dict per page); the tests assert on it.

A check whose browser step fails (a sheet that never opens, say) records that as a
``Broken``: the test of that check fails with it, the other checks keep their data.
An interactive sequence (open, close, focus back, reopen) stops at its first step that
does not hold, as a test would, and records how far it got.
"""

from __future__ import annotations

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from reveal_js import AT_INK, BOXES, COLOURS, CUE, CUES_OFF, DESCRIBE, MEASURE, PLACED, SHOW

NUMBER = "span.ld-wrap:not(.ld-wrap--math) > span.ld"
MATH = ".ld-wrap--math > .ld"
AXE_PAGE = "task-2-1/q3-gradients-in-lstm/"  # an open reveal's accessibility, its wording
PHONE_PAGES = 4  # the first pages where a phone's sheet opens at the foot of the screen


class Broken(str):
    """What went wrong in the browser while a check was measured."""


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


def holds(check, *args) -> bool:
    """Whether a Playwright ``expect`` check passes (it waits as long as it would)."""
    try:
        check(*args)
    except AssertionError:
        return False
    return True


def _firsts(tab):
    """The first visible plain live number and the first visible checked equation."""
    return (tab.locator(f"{NUMBER} >> visible=true").first,
            tab.locator(f"{MATH} >> visible=true").first)


def _where(path, ld) -> str:
    return f"{path} {ld.get_attribute('aria-describedby')}"


def cue_drawn(page, ld) -> bool:
    """Whether the number's cue changes what is on the screen (a decoration that is set but
    not painted, as under MathML, does not). The pointer is kept off the page (cues)."""
    box = ld.evaluate(SHOW)
    clip = _around(box)
    shown = page.screenshot(clip=clip)
    page.evaluate(CUES_OFF)
    hidden = page.screenshot(clip=clip)
    return shown != hidden


def _around(box) -> dict:
    """The clip a cue is looked for in: the number's box, 2 px wider each side, 6 px below."""
    return {"x": box["x"] - 2, "y": box["y"], "width": box["width"] + 4,
            "height": box["height"] + 6}


def cues_drawn(page, lds) -> list[bool]:
    """``cue_drawn`` for each of ``lds``, a screen at a time: the page is scrolled so that
    as many of them as fit are on the screen, which is captured with the cues and without
    (two screenshots for all of them, not two each); each number's clip is compared in
    the two. A number whose clip is not wholly on the screen so (inside a box that scrolls
    sideways, say) is measured alone, by ``cue_drawn``."""
    from io import BytesIO

    from PIL import Image, ImageChops

    width, height = page.viewport_size["width"], page.viewport_size["height"]
    handles = [ld.element_handle() for ld in lds]
    tops = [box["y"] + box["scrollY"] for box in page.evaluate(BOXES, handles)]
    drawn: dict[int, bool] = {}
    for k in sorted(range(len(lds)), key=tops.__getitem__):
        if k in drawn:
            continue
        page.evaluate('document.getElementById("cues-off")?.remove()')
        # a third of the way down the screen, clear of the sticky header
        page.evaluate("(y) => scrollTo({left: scrollX, top: y, behavior: 'instant'})",
                      max(0, tops[k] - height // 3))
        top = page.evaluate("document.querySelector('.md-header').getBoundingClientRect()"
                            ".bottom")
        clips = {}
        for j, box in enumerate(page.evaluate(BOXES, handles)):
            c = _around(box)
            if j not in drawn and c["x"] >= 0 and c["y"] >= top \
                    and c["x"] + c["width"] <= width and c["y"] + c["height"] <= height:
                clips[j] = c
        if k not in clips:  # not on the screen at its own scroll: alone
            drawn[k] = cue_drawn(page, lds[k])
            continue
        shown = Image.open(BytesIO(page.screenshot())).convert("RGB")
        page.evaluate(CUES_OFF)
        hidden = Image.open(BytesIO(page.screenshot())).convert("RGB")
        for j, c in clips.items():
            area = (int(c["x"]), int(c["y"]), -int(-(c["x"] + c["width"])),
                    -int(-(c["y"] + c["height"])))
            drawn[j] = ImageChops.difference(shown.crop(area), hidden.crop(area)).getbbox() \
                is not None
    page.evaluate('document.getElementById("cues-off")?.remove()')
    return [drawn[k] for k in range(len(lds))]


def cues(tab, path):
    """The cue of the page's first plain live number (and whether it is drawn), and of each
    visible number shown as math; None on a page with no plain live number."""
    plain = tab.locator(f"{NUMBER}:not(:has(math))").first
    if not plain.count():
        return None
    tab.mouse.move(0, 0)  # no hover on a number
    reference = plain.evaluate(CUE)
    maths = tab.locator(f"{NUMBER}:has(math), span.ld-wrap--math > .ld >> visible=true")
    described = maths.evaluate_all(DESCRIBE)  # the cues as drawn (before CUES_OFF)
    drawn = cues_drawn(tab, [plain] + [maths.nth(k) for k in range(len(described))])
    found = {"reference": reference, "drawn": reference is not None and drawn[0], "maths": []}
    for k, math in enumerate(described):
        found["maths"].append({"where": f"{path} {math['where']}: {math['text']!r}",
                               "cue": math["cue"], "drawn": drawn[k + 1]})
    return found


def equations(tab, path):
    """Each visible equation's cue and ink; at a desk, its tooltip's box and the ink then."""
    found = []
    maths = tab.locator(f"{MATH} >> visible=true")
    for k in range(maths.count()):
        ld = maths.nth(k)
        item = ld.evaluate(MEASURE)
        tip_id = item["where"]
        item["where"] = f"{path} {tip_id}"
        found.append(item)
        if item["cue"] is None or item["scrolls"] or tab.viewport_size["width"] < 600:
            continue
        ld.focus()  # a tooltip, at the equation
        tab.wait_for_function(PLACED, arg=tip_id)
        item["tip"] = ld.evaluate(AT_INK)  # where the math is now (focus may scroll)
        tab.keyboard.press("Escape")
        ld.evaluate("(el) => el.blur()")
    return found


def closing(tab, path):
    """For the first plain number and the first equation: the close button and its sheet's
    boxes, then whether focus is back on the number after the button (clicked, then
    pressed with Enter) and after Escape; stops at the first that does not hold."""
    rounds = []
    for number in _firsts(tab):
        if not number.count():
            continue
        tip = open_it(tab, number)
        close = tip.get_by_role("button", name="Close")
        done = {"where": _where(path, number)}
        rounds.append(done)
        done["close"] = holds(expect(close).to_have_count, 1) and \
            holds(expect(close).to_be_visible)
        if not done["close"]:
            break
        done["box"], done["tip"] = close.bounding_box(), tip.bounding_box()
        close.click()
        tip.wait_for(state="hidden")
        done["clicked"] = holds(expect(number).to_be_focused)
        if not done["clicked"]:
            break
        tab.keyboard.press("Enter")  # the number, focused, opens it again
        tip.wait_for(state="visible")
        close.focus()  # the button is reached by keyboard, and Enter closes
        tab.keyboard.press("Enter")
        tip.wait_for(state="hidden")
        done["entered"] = holds(expect(number).to_be_focused)
        if not done["entered"]:
            break
        tab.keyboard.press("Enter")
        tip.wait_for(state="visible")
        tab.keyboard.press("Escape")
        tip.wait_for(state="hidden")
        done["escaped"] = holds(expect(number).to_be_focused)
        if not done["escaped"]:
            break
    return rounds


def colours(tab, path):
    """The colours of the first plain number's open sheet (COLOURS)."""
    number = _firsts(tab)[0]
    tip = open_it(tab, number)
    found = tip.evaluate(COLOURS)
    tab.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    return found


def phone_scroll(tab, path):
    """The first plain number, opened 40 px above the foot of a phone's screen (where its
    sheet opens): the number's box and the sheet's once the page has scrolled; None on a
    page with no visible plain number."""
    number = _firsts(tab)[0]
    if not number.count():
        return None
    number.scroll_into_view_if_needed()
    tab.evaluate("""(el) => scrollBy(0, el.getBoundingClientRect().bottom
                                      - innerHeight + 40)""", number.element_handle())
    tip = open_it(tab, number)
    try:  # the page scrolls on the next frame (rnnnotes.js)
        tab.wait_for_function(
            "([n, t]) => n.getBoundingClientRect().bottom <= t.getBoundingClientRect().top",
            arg=[number.element_handle(), tip.element_handle()], timeout=3_000)
    except PlaywrightError:
        pass  # the test says where
    found = {"where": _where(path, number), "number": number.bounding_box(),
             "tip": tip.bounding_box()}
    tab.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    return found


def described(tab, path):
    """For the first plain number and the first equation, opened: whether its close button
    shows, the text its aria-describedby names, whether that is its accessible description
    (the button outside it), and whether Escape hides the sheet; stops at the first that
    does not hold."""
    found = []
    for number in _firsts(tab):
        tip = open_it(tab, number)
        item = {"close": holds(expect(tip.get_by_role("button", name="Close")).to_be_visible)}
        found.append(item)
        if not item["close"]:
            break
        item["text"] = " ".join(tab.locator(f"#{number.get_attribute('aria-describedby')}")
                                .inner_text().split())
        item["described"] = holds(expect(number).to_have_accessible_description,
                                  item["text"])
        if not item["described"]:
            break
        tab.keyboard.press("Escape")
        item["hidden"] = holds(expect(tip).to_be_hidden)
        if not item["hidden"]:
            break
    return found


def axe(tab, path):
    """axe-core's violations in the reveals, with the first plain number's sheet open."""
    from axe_playwright_python.sync_playwright import Axe

    tip = open_it(tab, _firsts(tab)[0])
    found = Axe().run(tab, context={"include": [[".ld-wrap"]]}).response["violations"]
    tab.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    return found


# In this order on each page: the cues first, on the page as loaded (no reveal opened yet).
CHECKS = (cues, equations, closing, colours, phone_scroll, described, axe)


def _applies(check, path: str, index: int, width: int, pages: list[str]) -> bool:
    if check in (described, axe):
        return path == AXE_PAGE
    if path not in pages:
        return False
    if check is phone_scroll:
        return width < 600 and index < PHONE_PAGES
    return True


def visit(browser, server, pages: list[str], width: int, scheme: str) -> dict:
    """``{path: {check's name: what it found, or a Broken}}`` for every page of ``pages``
    (and AXE_PAGE), and ``{"dark": …}``: whether the view's palette is dark."""
    context = browser.new_context(viewport={"width": width, "height": 844},
                                  color_scheme=scheme, has_touch=width == 390,
                                  reduced_motion="reduce")
    try:
        tab = context.new_page()
        seen = {"dark": tab.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")}
        for index, path in enumerate(pages + [p for p in (AXE_PAGE,) if p not in pages]):
            tab.goto(server.url + path)
            tab.evaluate("document.fonts.ready.then(() => true)")
            seen[path] = found = {}
            for check in CHECKS:
                if not _applies(check, path, index, width, pages):
                    continue
                try:
                    found[check.__name__] = check(tab, path)
                except PlaywrightError as error:
                    found[check.__name__] = Broken(f"{path} {check.__name__}: {error}")
                    tab.keyboard.press("Escape")
        return seen
    finally:
        context.close()
