"""The calculator's tests in a tab they share: its page errors, and a link opened without a
page load (``relink``, ``relayout``).

A page load costs far more than reading a total (Material's scripts, styles and fonts,
the page's layout): three to four times the CPU of ``relink``, which opens a link in the
tab already on the calculator as a load would for the calculator: the address becomes the
link, the calculator's markup is put back as the page's source has it (fetched once,
from the tab's cache), and the page's own two scripts run again on it, reading the address.
What a previous test left in the calculator (values, options, closure state of the old
script, error messages) goes with the old markup; the scroll, the focus and the scroll
padding the script sets are put back as a load leaves them.

What ``relink`` does not restore is the work the theme's and the site's scripts do once
on a loaded page's content: Material's copy buttons and table wrappers, and rnnnotes.js's
``rn-nobr`` on the short code of the tables' first rendering. So it serves the tests of
what the calculator computes and shows (its totals, tables, alerts and address).
test_browser_calculator.py checks that a relinked calculator is, in everything those tests
read, and in how it then responds, the calculator a load gives (``STATE``).

``relayout`` is ``relink`` and that work too, for the tests of the calculator's layout
(test_browser_calculator_phone.py, _errors.py): the theme's additions are copied from the
calculator as the tab loaded it (``DECOR``: the wrappers round each table, the attributes
and buttons of each code block), rnnnotes.js marks the page again, as it does when the
window is resized, and the pointer leaves the page (a loaded page has nothing hovered).
test_browser_calculator_relaid.py checks that a relaid calculator is, in its markup, every
box and style on the page, and how it then responds, a loaded one. Not redone: what the
theme's observers of the old elements would do later (Material makes a code block that
scrolls sideways focusable; the calculator's command blocks wrap, they do not scroll).
A relayout costs about twice a relink's CPU, a third of a load's.
"""

from __future__ import annotations

from contextlib import contextmanager
from urllib.parse import urlencode

READY = "document.querySelector('#calc-total') !== null"

# The calculator as the page's source has it (fetched once per window, from the tab's cache).
SOURCE = """if (!window.__calcSource) {
    const html = await (await fetch(location.pathname)).text();
    const source = new DOMParser().parseFromString(html, "text/html");
    window.__calcSource = source.getElementById("calculator");
  }"""

RELINK = """async (query) => {
  """ + SOURCE + """
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

# What the theme added to the calculator of a page as loaded (before any relink in its window:
# a relinked one has none of it): the elements round each table up to its place in the
# source, and each code block's attributes and the elements beside its code (its buttons).
DECOR = """async () => {
  """ + SOURCE + """
  const calc = document.getElementById("calculator"), wrappers = {}, blocks = {};
  for (const table of calc.querySelectorAll("table[id]")) {
    const holder = window.__calcSource.querySelector(`#${table.id}`).parentElement;
    const chain = [];
    let el = table.parentElement;
    for (; el !== calc && !(el.tagName === holder.tagName
                            && el.className === holder.className); el = el.parentElement) {
      chain.unshift(el.cloneNode(false));
    }
    if (el === calc) throw new Error(`#${table.id} is not in its source's place`);
    wrappers[table.id] = chain;
  }
  for (const code of calc.querySelectorAll("pre > code[id]")) {
    const pre = code.parentElement, kids = [...pre.children];
    const at = kids.indexOf(code), copy = (els) => els.map((k) => k.cloneNode(true));
    blocks[code.id] = {attributes: [...pre.attributes].map((a) => [a.name, a.value]),
                       before: copy(kids.slice(0, at)), after: copy(kids.slice(at + 1))};
  }
  window.__calcDecor = {wrappers, blocks};
}"""

# A relinked calculator given what the theme adds (DECOR), and rnnnotes.js's marks.
REDECORATE = """async () => {
  const {wrappers, blocks} = window.__calcDecor;
  for (const [id, chain] of Object.entries(wrappers)) {
    const table = document.getElementById(id);
    let inner = table;
    for (const wrapper of chain.map((w) => w.cloneNode(false))) {
      if (inner === table) table.replaceWith(wrapper); else inner.append(wrapper);
      inner = wrapper;
    }
    if (inner !== table) inner.append(table);
  }
  for (const [id, block] of Object.entries(blocks)) {
    const code = document.getElementById(id), pre = code.parentElement;
    for (const [name, value] of block.attributes) pre.setAttribute(name, value);
    code.before(...block.before.map((k) => k.cloneNode(true)));
    code.after(...block.after.map((k) => k.cloneNode(true)));
  }
  dispatchEvent(new Event("resize"));  // rnnnotes.js marks the page (its copy strips a frame on)
  await new Promise((done) => requestAnimationFrame(done));
}"""

# In a window where DECOR was read: the calculator relinked and given it (true); else false.
RELAYOUT = f"""async (query) => {{
  if (window.__calcDecor === undefined) return false;
  await ({RELINK})(query);
  await ({REDECORATE})();
  return true;
}}"""

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


def relayout(page, server, query: str = ""):
    """The calculator at ``query`` (``"?cell=lstm"``, or ``""``) as a load shows it, layout
    included, without a page load (above). A tab whose window has no ``DECOR`` yet is on
    a loaded calculator (it is read there) or loads it (when elsewhere, or relinked)."""
    here = page.url.startswith(f"{server.url}calculator/")
    page.mouse.move(-1, -1)  # nothing hovered, as on a loaded page
    if here and page.evaluate(RELAYOUT, query):
        return page
    if not here or page.evaluate("window.__calcSource !== undefined"):
        page.goto(f"{server.url}calculator/{query}")
        query = None
    page.wait_for_function(READY)
    page.wait_for_load_state()
    page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
    page.evaluate(DECOR)
    return page if query is None else relayout(page, server, query)


def calculator_view(param, shared_view, server):
    """``(page, server, width, scheme, errors)`` for a view ``(width, scheme)``, in the
    session's tab for it: the page's uncaught errors while the module runs collected in
    ``errors`` (the layout tests' ``view`` fixture)."""
    width, scheme = param
    page = shared_view(width, scheme)
    with page_errors(page) as errors:
        yield page, server, width, scheme, errors


def open_calculator(view, query: str = ""):
    """The calculator of ``view`` at ``query``, relaid (``relayout``), its totals or its
    alert shown."""
    page, server, _, scheme, _ = view
    relayout(page, server, query)
    page.wait_for_function("document.querySelector('#calc-total').textContent !== '—'"
                           " || document.querySelector('#calc-alert').textContent !== ''")
    if scheme == "dark":
        page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    return page


def box(page, selector: str) -> dict:
    return page.evaluate(
        "(s) => { const r = document.querySelector(s).getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width}; }",
        selector)
