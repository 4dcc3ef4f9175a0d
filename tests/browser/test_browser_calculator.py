"""The calculator page in Chromium: the table of cases the CLI and the JS are held to,
read from the page's own ``data-total``, and bad input shown in its ``role=alert``.

The reference of each case is the framework's own count where the committed PyTorch and
Keras fixtures have one, else ``rnnnotes.count_parameters`` (itself held to them).
"""

from __future__ import annotations

import random
from urllib.parse import urlencode

import pytest
from calculator_tab import READY, STATE, page_errors, relink

from rnnnotes.counting import count_parameters, unrolled_weights
from tests.cli.calculator_cases import BAD, CASES, GOOD, query, random_configs

# Every case would be 200 page loads; a seeded sample keeps the run short, and the whole
# table runs against the same JS under node in tests/cli/test_calculator_js.py.
SAMPLE = random.Random(11).sample(CASES, 24) + [
    type(CASES[0])(f"random-{k}", c) for k, c in enumerate(random_configs(8, seed=5))]


@pytest.fixture(scope="module")
def tab(shared_view, server):
    page = shared_view(390, "light")
    with page_errors(page) as errors:
        yield page, server, errors


def load(tab, params: dict[str, str]):
    page, server, _ = tab
    page.goto(f"{server.url}calculator/?{urlencode(params)}")
    page.wait_for_function(READY)
    return page


def link(tab, params: dict[str, str]):
    """The calculator at a link, opened without a page load (calculator_tab.py: the tests
    of what it computes; those of its layout add what a load adds: relayout)."""
    page, server, _ = tab
    return relink(page, server, params)


# Links whose calculator a relink must give as a load does: the example, a projection (held
# when the cell changes), values no control can show (a stray option, an indeterminate
# box), an error to clear, a Keras GRU's reset_after.
RELINKED = [{}, {"cell": "lstm", "input_size": "20", "hidden_size": "128", "proj_size": "64"},
            {"cell": "foo", "bias": "2", "steps": "5"},
            {"cell": "rnn", "input_size": "20", "hidden_size": "128", "proj_size": "5"},
            {"cell": "gru", "convention": "keras", "reset_after": "0"}]


def left_behind(page):
    """What a test may leave in the calculator: strays, a projection held, an error, the
    page scrolled, the form live, a field focused and changed."""
    page.fill("#calc-proj-size", "64")
    page.select_option("#calc-cell", "gru")
    page.fill("#calc-hidden-size", "-3")
    page.evaluate("window.scrollTo(0, 200)")
    page.fill("#calc-steps", "7")  # still focused: leaving it is a change


def read_then_use(page) -> list[dict]:
    """The calculator's state, then its state after a few changes that show what its script
    holds (a projection put aside, a stray box's value)."""
    seen = [page.evaluate(STATE)]
    page.select_option("#calc-cell", "lstm")
    seen.append(page.evaluate(STATE))
    # (the box toggled by its own click(): a pointer's click at its middle could land on
    # what the lstm's extra field had just moved there, on a loaded machine: the full run
    # of 7 December saw the relinked and the loaded page differ here once)
    page.locator("#calc-bias").evaluate("(box) => box.click()")
    page.select_option("#calc-convention", "keras")
    seen.append(page.evaluate(STATE))
    return seen


@pytest.mark.parametrize("params", RELINKED, ids=lambda p: "&".join(p) or "none")
def test_a_relinked_calculator_is_a_loaded_one(tab, params):
    """The tests of the calculator's results open each link without a page load (``link``):
    the calculator they see, after another test's changes, is the one a load gives."""
    page = link(tab, {"cell": "lstm", "bias": "2", "recurrence": "x"})
    left_behind(page)
    relinked = read_then_use(link(tab, params))
    page.goto(f"{tab[1].url}calculator/{'?' if params else ''}{urlencode(params)}")
    page.wait_for_function(READY)
    assert read_then_use(page) == relinked
    assert tab[2] == []


@pytest.mark.parametrize("case", SAMPLE, ids=lambda c: c.id)
def test_the_page_total_is_the_frameworks(tab, case):
    page = link(tab, query(case.config))
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
    page = link(tab, {**GOOD, **bad.changes})
    alert = page.locator("#calc-alert")
    page.wait_for_function("document.querySelector('#calc-alert').textContent.trim() !== ''")
    assert alert.get_attribute("role") == "alert" and alert.is_visible()
    assert page.locator(f'#calc-alert [data-field="{bad.field}"]').count() >= 1
    assert not page.locator("#calc-total").get_attribute("data-total")
    assert "NaN" not in page.inner_text("#calc-total")  # the alert may quote the input


def test_typing_updates_the_counts_and_the_address(tab):
    page = link(tab, {"cell": "lstm", "input_size": "20", "hidden_size": "128"})
    page.fill("#calc-hidden-size", "64")
    page.wait_for_function("new URLSearchParams(location.search).get('hidden_size') === '64'")
    total = count_parameters("lstm", 20, 64).total
    page.wait_for_function(f"document.querySelector('#calc-total').dataset.total === '{total}'")


def test_the_unrolled_count_is_on_the_page(tab):
    page = link(tab, {"cell": "rnn", "input_size": "20", "hidden_size": "128",
                      "output_size": "10", "steps": "5", "recurrence": "full"})
    expected = unrolled_weights(20, 128, 10, 5, recurrence="full").total
    page.wait_for_function(
        f"document.querySelector('#unrolled-total').dataset.total === '{expected}'")


def test_the_unrolled_count_starts_full_and_per_unit_is_one_choice_away(tab):
    """No recurrence in the link: the standard full H x H matrix; choosing per-unit gives
    the student's reading, and the address records it."""
    page = link(tab, {"cell": "rnn", "input_size": "20", "hidden_size": "128",
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
def wide_tab(request, shared_view, server):
    yield shared_view(request.param, "light"), server, []


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
def test_every_option_of_every_select_fits_its_box(shared_view, server, width):
    page = shared_view(width, "light")
    page.goto(server.url + "calculator/")
    page.wait_for_function(READY)
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
    assert cut == []
