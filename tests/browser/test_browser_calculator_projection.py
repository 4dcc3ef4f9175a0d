"""The calculator's projection field applies to a PyTorch LSTM only (torch.nn.RNN and
torch.nn.GRU refuse ``proj_size``, Keras has no LSTM projection): for any other cell or
convention it is disabled and empty, its hint saying why, and the total counts none; it
comes back, with what it held, for an LSTM (design review: it was editable for an RNN).

Totals are compared with rnnnotes.count_parameters, computed here in Python."""

from __future__ import annotations

import pytest
from calculator_tab import page_errors

from rnnnotes.counting import count_parameters

D, H, P = 20, 128, 64
FIELD, HINT = "#calc-proj-size", "#calc-proj-size-hint"


@pytest.fixture(scope="module", params=[390, 1280], ids=["phone", "desktop"])
def tab(request, shared_view):
    opened = shared_view(request.param, "light")  # the session's tab: every test loads
    with page_errors(opened) as errors:
        yield opened
    assert errors == []


@pytest.fixture
def calc(tab, server):
    """The calculator for an RNN, as a link opens it."""
    tab.goto(f"{server.url}calculator/?cell=rnn&input_size={D}&hidden_size={H}")
    tab.wait_for_function("document.querySelector('#calc-total').dataset.total")
    return tab


def total_is(tab, expected: int) -> None:
    tab.wait_for_function(
        f"document.querySelector('#calc-total').dataset.total === '{expected}'")
    assert tab.inner_text("#calc-alert").strip() == ""


def state(tab) -> dict:
    return tab.evaluate(f"""() => {{ const f = document.querySelector('{FIELD}');
        return {{disabled: f.disabled, value: f.value,
                 hint: document.querySelector('{HINT}').textContent,
                 query: new URLSearchParams(location.search).get('proj_size')}}; }}""")


def test_the_projection_is_an_lstms_only(calc):
    page = calc
    rnn = state(page)
    assert rnn["disabled"] and rnn["value"] == "" and "RNN" in rnn["hint"], rnn
    total_is(page, count_parameters("rnn", D, H).total)

    page.select_option("#calc-cell", "lstm")
    lstm = state(page)
    assert not lstm["disabled"] and "RNN" not in lstm["hint"], lstm
    page.fill(FIELD, str(P))
    total_is(page, count_parameters("lstm", D, H, proj_size=P).total)
    assert state(page)["query"] == str(P)

    page.select_option("#calc-cell", "gru")
    gru = state(page)
    assert gru["disabled"] and gru["value"] == "" and "GRU" in gru["hint"], gru
    assert gru["query"] is None  # the address carries no projection for a GRU
    total_is(page, count_parameters("gru", D, H).total)

    page.select_option("#calc-cell", "lstm")  # what it held comes back, and counts again
    assert state(page)["value"] == str(P) and not state(page)["disabled"]
    total_is(page, count_parameters("lstm", D, H, proj_size=P).total)

    page.select_option("#calc-convention", "keras")
    keras = state(page)
    assert keras["disabled"] and "Keras" in keras["hint"], keras
    total_is(page, count_parameters("lstm", D, H, convention="keras").total)


def test_a_disabled_field_is_skipped_by_the_keyboard(calc):
    page = calc
    assert state(page)["disabled"]
    page.focus("#calc-hidden-size")
    for _ in range(4):  # hidden size, then on through the fields after it
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") != FIELD[1:]


def test_a_links_projection_for_an_rnn_is_an_error_to_clear(tab, server):
    """A link asking an RNN for a projection is not counted silently without it: the field
    stays enabled with the error; cleared, it is disabled and the total is the RNN's."""
    page = tab
    page.goto(f"{server.url}calculator/?cell=rnn&input_size={D}&hidden_size={H}&proj_size=5")
    page.wait_for_selector("#calc-proj-size-error")
    assert not state(page)["disabled"]
    assert page.locator('#calc-alert [data-field="proj_size"]').count() == 1
    page.fill(FIELD, "")
    page.locator(FIELD).blur()
    page.wait_for_function(f"document.querySelector('{FIELD}').disabled")
    total_is(page, count_parameters("rnn", D, H).total)
