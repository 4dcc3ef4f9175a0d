"""The calculator's tests in a tab they share: its page errors, and a link opened without a
page load (``relink``).

A page load costs far more than reading a total (Material's scripts, styles and fonts,
the page's layout): about three times the CPU of ``relink``, which opens a link in the
tab already on the calculator as a load would for the calculator: the address becomes the
link, the calculator's markup is put back as the page's source has it (fetched once,
from the tab's cache), and the page's own two scripts run again on it, reading the address.
What a previous test left in the calculator (values, options, closure state of the old
script, error messages) goes with the old markup; the scroll, the focus and the scroll
padding the script sets are put back as a load leaves them.

What ``relink`` does not restore is the work the theme's and the site's scripts do once
on a loaded page's content: Material's copy buttons and table wrappers, and rnnnotes.js's
``rn-nobr`` on the short code of the tables' first rendering. So it serves the tests of
what the calculator computes and shows (its totals, tables, alerts and address), not those
of its layout, which load the page (test_browser_calculator_phone.py, _errors.py).
test_browser_calculator.py checks that a relinked calculator is, in everything those tests
read, and in how it then responds, the calculator a load gives (``STATE``).
"""

from __future__ import annotations

from contextlib import contextmanager
from urllib.parse import urlencode

READY = "document.querySelector('#calc-total') !== null"

RELINK = """async (query) => {
  if (!window.__calcSource) {
    const html = await (await fetch(location.pathname)).text();
    const source = new DOMParser().parseFromString(html, "text/html");
    window.__calcSource = source.getElementById("calculator");
  }
  const fresh = document.importNode(window.__calcSource, true);
  const scripts = [...fresh.querySelectorAll("script")].map((s) => s.getAttribute("src"));
  for (const s of fresh.querySelectorAll("script")) s.remove();
  // a page with scripts on reads a noscript's content as text (DOMParser: as elements)
  for (const n of fresh.querySelectorAll("noscript")) n.textContent = n.innerHTML;
  // the old calculator goes first: a focused field it left changed writes the address
  // when it loses focus
  document.getElementById("calculator").replaceWith(fresh);
  history.replaceState(null, "", location.pathname + query);
  document.documentElement.style.scrollPaddingBottom = "";
  window.scrollTo(0, 0);
  for (const src of scripts) {  // in order, as the page runs them
    await new Promise((done, fail) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = done;
      script.onerror = () => fail(new Error(`${src} did not load`));
      setTimeout(() => fail(new Error(`${src} did not run in 10 s`)), 10000);
      fresh.append(script);
    });
  }
}"""

# What the tests read of the calculator: every control's state, every output, the address.
STATE = """() => {
  const form = document.getElementById("calc-form");
  const controls = [...form.querySelectorAll("input, select")].map((el) => ({
    id: el.id, value: el.value, checked: el.checked, indeterminate: el.indeterminate,
    disabled: el.disabled, invalid: el.getAttribute("aria-invalid"),
    described: el.getAttribute("aria-describedby"), shown: el.offsetParent !== null,
    options: el.tagName === "SELECT"
      ? [...el.options].map((o) => [o.value, o.text, o.selected, "stray" in o.dataset]) : null,
  }));
  const text = (id) => { const el = document.getElementById(id);
    return [el.textContent, el.hidden, el.className, el.getAttribute("data-total")]; };
  const ids = ["calc-total", "unrolled-total", "calc-breakdown", "unrolled-breakdown",
               "calc-command", "calc-command-line", "unrolled-command",
               "unrolled-command-line", "unrolled-note", "calc-proj-size-hint",
               "calc-reset-after-field"];
  return {controls, outputs: ids.map(text), alert: document.getElementById("calc-alert").innerHTML,
          errors: [...form.querySelectorAll(".rn-calc__error")].map((e) => [e.id, e.textContent]),
          form: form.className, address: location.search,
          text: document.getElementById("calculator").innerText,
          scroll: [window.scrollX, window.scrollY], focus: document.activeElement.id,
          padding: document.documentElement.style.scrollPaddingBottom};
}"""


@contextmanager
def page_errors(page):
    """The page's uncaught errors while in the block, in a list."""
    errors: list[str] = []

    def keep(error):
        errors.append(str(error))

    page.on("pageerror", keep)
    try:
        yield errors
    finally:
        page.remove_listener("pageerror", keep)


def relink(page, server, params: dict[str, str]):
    """The calculator at ``?params``, without a page load (above); a tab not on the
    calculator loads it first."""
    query = f"?{urlencode(params)}" if params else ""
    if not page.url.startswith(f"{server.url}calculator/"):
        page.goto(f"{server.url}calculator/{query}")
    else:
        page.evaluate(RELINK, query)
    page.wait_for_function(READY)
    return page
