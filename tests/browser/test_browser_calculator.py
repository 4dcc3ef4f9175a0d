"""The calculator page in Chromium: the table of cases the CLI and the JS are held to,
read from the page's own ``data-total``, and bad input shown in its ``role=alert``.

The reference of each case is the framework's own count where the committed PyTorch and
Keras fixtures have one, else ``rnnnotes.count_parameters`` (itself held to them).
"""

from __future__ import annotations

import random
from urllib.parse import urlencode

import pytest

from rnnnotes.counting import count_parameters, unrolled_weights
from tests.cli.calculator_cases import BAD, CASES, GOOD, query, random_configs

# Every case would be 200 page loads; a seeded sample keeps the run short, and the whole
# table runs against the same JS under node in tests/cli/test_calculator_js.py.
SAMPLE = random.Random(11).sample(CASES, 24) + [
    type(CASES[0])(f"random-{k}", c) for k, c in enumerate(random_configs(8, seed=5))]


@pytest.fixture(scope="module")
def tab(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, server, errors
    context.close()


def load(tab, params: dict[str, str]):
    page, server, _ = tab
    page.goto(f"{server.url}calculator/?{urlencode(params)}")
    page.wait_for_function("document.querySelector('#calc-total') !== null")
    return page


@pytest.mark.parametrize("case", SAMPLE, ids=lambda c: c.id)
def test_the_page_total_is_the_frameworks(tab, case):
    page = load(tab, query(case.config))
    expected = case.total if case.total is not None else count_parameters(**case.config).total
    page.wait_for_function("document.querySelector('#calc-total').hasAttribute('data-total')")
    assert int(page.get_attribute("#calc-total", "data-total")) == expected
    assert page.inner_text("#calc-alert").strip() == ""
    assert "NaN" not in page.inner_text("#calculator")
    assert tab[2] == []


# The page reads `reset_after` only where it counts (a Keras GRU) and shows no control for
# it elsewhere, so a PyTorch link carrying it is not an error there (the CLI refuses it).
PAGE_BAD = [b for b in BAD if b.id != "reset-before-pytorch"]


@pytest.mark.parametrize("bad", PAGE_BAD, ids=lambda b: b.id)
def test_bad_input_is_a_visible_alert(tab, bad):
    page = load(tab, {**GOOD, **bad.changes})
    alert = page.locator("#calc-alert")
    page.wait_for_function("document.querySelector('#calc-alert').textContent.trim() !== ''")
    assert alert.get_attribute("role") == "alert" and alert.is_visible()
    assert page.locator(f'#calc-alert [data-field="{bad.field}"]').count() >= 1
    assert not page.locator("#calc-total").get_attribute("data-total")
    assert "NaN" not in page.inner_text("#calc-total")  # the alert may quote the input


def test_typing_updates_the_counts_and_the_address(tab):
    page = load(tab, {"cell": "lstm", "input_size": "20", "hidden_size": "128"})
    page.fill("#calc-hidden-size", "64")
    page.wait_for_function("new URLSearchParams(location.search).get('hidden_size') === '64'")
    total = count_parameters("lstm", 20, 64).total
    page.wait_for_function(f"document.querySelector('#calc-total').dataset.total === '{total}'")


def test_the_unrolled_count_is_on_the_page(tab):
    page = load(tab, {"cell": "rnn", "input_size": "20", "hidden_size": "128",
                      "output_size": "10", "steps": "5", "recurrence": "full"})
    expected = unrolled_weights(20, 128, 10, 5, recurrence="full").total
    page.wait_for_function(
        f"document.querySelector('#unrolled-total').dataset.total === '{expected}'")


def test_the_unrolled_count_starts_full_and_per_unit_is_one_choice_away(tab):
    """No recurrence in the link: the standard full H x H matrix; choosing per-unit gives
    the student's reading, and the address records it."""
    page = load(tab, {"cell": "rnn", "input_size": "20", "hidden_size": "128",
                      "output_size": "10", "steps": "5"})
    assert page.input_value("#calc-recurrence") == "full"
    full = unrolled_weights(20, 128, 10, 5, recurrence="full").total
    page.wait_for_function(f"document.querySelector('#unrolled-total').dataset.total === '{full}'")
    page.select_option("#calc-recurrence", "per-unit")
    per_unit = unrolled_weights(20, 128, 10, 5, recurrence="per-unit").total
    page.wait_for_function(
        f"document.querySelector('#unrolled-total').dataset.total === '{per_unit}'")
    assert "recurrence=per-unit" in page.url


TYPED = [("#calc-input-size", "#calc-total"), ("#calc-hidden-size", "#calc-total"),
         ("#calc-num-layers", "#calc-total"), ("#calc-proj-size", "#calc-total"),
         ("#calc-output-size", "#calc-total"), ("#calc-steps", "#unrolled-total")]


@pytest.fixture(scope="module", params=[390, 1280], ids=["phone", "desktop"])
def wide_tab(request, browser, server):
    context = browser.new_context(viewport={"width": request.param, "height": 844})
    page = context.new_page()
    yield page, server, []
    context.close()


@pytest.mark.parametrize(("field", "total"), TYPED)
def test_the_total_stays_in_view_while_typing(wide_tab, field, total):
    """Each field, scrolled to the top of the screen as a phone does with a focused input,
    then typed into: its total is on screen, whole, the whole time."""
    page = load(wide_tab, {"cell": "lstm", "input_size": "20", "hidden_size": "128",
                           "output_size": "10", "steps": "5"})
    box = page.locator(field)
    box.evaluate("el => el.scrollIntoView({block: 'start'})")
    box.focus()
    box.press("End")
    page.keyboard.type("1")
    page.wait_for_function(f"document.querySelector('{total}').dataset.total !== undefined")
    seen = page.evaluate(f"""() => {{
        const r = document.querySelector('{total}').getBoundingClientRect();
        const f = document.querySelector('{field}').getBoundingClientRect();
        return [r.top >= 0 && r.bottom <= innerHeight && r.width > 0, f.bottom <= r.top];
    }}""")
    assert seen == [True, True]  # the total is on screen, below the field being typed in


@pytest.mark.parametrize("width", [390, 1280])
def test_every_option_of_every_select_fits_its_box(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(server.url + "calculator/")
    page.wait_for_function("document.querySelector('#calc-total') !== null")
    cut = page.evaluate("""() => {
        const ctx = document.createElement("canvas").getContext("2d");
        const out = [];
        for (const select of document.querySelectorAll(".rn-calc select")) {
            const s = getComputedStyle(select);
            ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
            const room = select.clientWidth - parseFloat(s.paddingLeft)
                - parseFloat(s.paddingRight);
            for (const o of select.options) {
                if (ctx.measureText(o.text).width > room) out.push(o.text);
            }
        }
        return out;
    }""")
    context.close()
    assert cut == []
