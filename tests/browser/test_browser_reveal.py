"""A reader hovers over, focuses and taps a live number: its description shows, says how
the number was computed, and stays on the screen (phone and desktop)."""

from __future__ import annotations

import pytest

from livedocs.wording import WORDING

PAGE = "task-1-1/q1-unrolled-weights/"


@pytest.fixture(params=[390, 1280], ids=["phone", "desktop"])
def tab(request, browser, server):
    context = browser.new_context(viewport={"width": request.param, "height": 844},
                                  has_touch=request.param == 390)
    page = context.new_page()
    page.goto(server.url + PAGE)
    page.evaluate("document.fonts.ready.then(() => true)")
    yield page
    context.close()


def description(page, number):
    """The text that describes ``number`` (its aria-describedby), shown in its sheet."""
    tip_id = number.get_attribute("aria-describedby")
    return page.locator(f"#{tip_id}")


def on_screen(page, locator) -> bool:
    box = locator.bounding_box()
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    return box is not None and box["x"] >= 0 and box["y"] >= 0 and \
        box["x"] + box["width"] <= width + 1 and box["y"] + box["height"] <= height + 1


def first_live(page, needle: str):
    """The first live number (not a tied equation's) whose description names ``needle``."""
    numbers = page.locator("span.ld-wrap > span.ld")
    for k in range(numbers.count()):
        text = description(page, numbers.nth(k)).text_content() or ""
        if text.startswith(WORDING["live"]) and needle in text:
            return numbers.nth(k)
    raise AssertionError(f"no live number computed with {needle}")


def test_hover_shows_how_a_number_was_computed(tab):
    number = first_live(tab, "unrolled_weights")
    tip = description(tab, number)
    assert not tip.is_visible()
    number.scroll_into_view_if_needed()
    number.hover()
    tip.wait_for(state="visible")
    text = tip.inner_text()
    assert WORDING["live"] in text and "unrolled_weights" in text and "D = 20" in text
    assert on_screen(tab, tip)
    link = tip.locator("a").first
    assert "api/counting/#rnnnotes.counting.unrolled_weights" in link.get_attribute("href")


def test_keyboard_focus_shows_it_and_escape_hides_it(tab):
    number = tab.locator("span.ld-wrap > span.ld").nth(1)
    number.focus()
    tip = description(tab, number)
    tip.wait_for(state="visible")
    assert on_screen(tab, tip)
    assert tab.evaluate("document.activeElement.getAttribute('aria-describedby')") == \
        number.get_attribute("aria-describedby")
    tab.keyboard.press("Escape")
    tip.wait_for(state="hidden")


def test_a_tap_shows_it_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.goto(server.url + PAGE)
    number = page.locator("span.ld-wrap > span.ld").nth(2)
    number.scroll_into_view_if_needed()
    number.tap()
    tip = description(page, number)
    tip.wait_for(state="visible")
    assert on_screen(page, tip)
    context.close()


def test_a_tied_equation_reveals_its_expression(tab):
    math = tab.locator("div.ld-wrap--math > .ld").first
    math.scroll_into_view_if_needed()
    math.hover()
    tip = description(tab, math)
    tip.wait_for(state="visible")
    assert WORDING["equation"] in tip.inner_text()
