"""What a reader does beyond looking: scroll a wide equation from the keyboard on a phone,
land on a missing address, print a page."""

from __future__ import annotations

import pytest
from browser_audit import MISSING

# Display math wider than a small phone's column (320 px): the chain rule of the cell state's
# Jacobian. The site's displays are set to fit 390 px (the answer pages' split, the API's
# one equation a row), so the page is looked at 320 px wide.
WIDE = "api/gradflow/"
SMALL_PHONE = {"width": 320, "height": 700}


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844},
                                  reduced_motion="reduce")
    yield context
    context.close()


def test_a_wide_equation_scrolls_from_the_keyboard(context, server):
    page = context.new_page()
    page.set_viewport_size(SMALL_PHONE)
    page.goto(server.url + WIDE)
    page.evaluate("document.fonts.ready.then(() => true)")
    box = page.locator(".mathml-block.rnnnotes-scrolls").first
    assert box.get_attribute("tabindex") == "0"
    # Tab through the page until the box has focus, as a keyboard user would.
    for _ in range(200):
        page.keyboard.press("Tab")
        if box.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the wide equation")
    assert box.evaluate("el => el.scrollLeft") == 0
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=box.element_handle())
    page.close()


def test_the_404_page_works_below_the_sub_path(context, server):
    page = context.new_page()
    response = page.goto(server.url + MISSING + "deeper/still/")
    assert response.status == 404
    # Styled (its stylesheet loaded from the absolute sub-path), and its home link leads home.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") \
        == "sticky"
    home = page.get_by_role("link", name="home page")
    home.click()
    page.wait_for_load_state()
    assert page.url == server.url
    page.close()


def test_print_shows_the_text_math_and_figures_without_the_navigation(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 844})
    page = context.new_page()
    page.goto(server.url + WIDE)
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary',
        '.md-sidebar--secondary', '.md-footer', '.md-content__button']
        .map((s) => [s, document.querySelector(s)?.checkVisibility() ?? false])""")
    assert [s for s, visible in hidden if visible] == []
    blocks = page.locator(".mathml-block")
    assert blocks.count() > 0
    for i in range(blocks.count()):  # every equation whole on paper: nothing scrolls away
        assert blocks.nth(i).evaluate("el => el.checkVisibility() && "
                                      "el.scrollWidth <= el.clientWidth + 1")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    context.close()


def test_a_reader_whose_system_is_dark_gets_the_dark_palette(browser, server):
    # The audit switches palettes with the toggle; this is the other way in.
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(server.url)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    context.close()


def test_print_drops_what_paper_cannot_do_and_keeps_figures_below_the_text_width(
        browser, server):
    """On paper: no "Full-marks answer ↓" jump link and no copy button; each figure at most
    three quarters of the column (at full width its labels print larger than the text)."""
    context = browser.new_context(viewport={"width": 1280, "height": 844})
    page = context.new_page()
    page.goto(server.url + "task-1-1/q1-unrolled-weights/")
    page.emulate_media(media="print")
    found = page.evaluate("""() => ({
      jump: document.querySelectorAll(".grade-chip__jump").length,
      shown: [...document.querySelectorAll(".grade-chip__jump, .md-clipboard, .md-code__nav")]
        .filter((el) => el.checkVisibility()).length,
      column: document.querySelector("article.md-content__inner").clientWidth,
      figures: [...document.querySelectorAll("figure.rnnnotes-figure > svg")]
        .filter((svg) => svg.checkVisibility()).map((svg) => svg.getBoundingClientRect().width),
    })""")
    assert found["jump"] == 1 and found["shown"] == 0, found
    assert found["figures"] and max(found["figures"]) <= 0.76 * found["column"], found
    context.close()
