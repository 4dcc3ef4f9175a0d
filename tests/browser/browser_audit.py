"""One visit of every page of the built site in every view, recording what a reader meets.

There is one browser tab per width (phone, desktop) and it goes through the pages in turn,
as a reader clicking through the site (the tab keeps its renderer process and compiled
scripts, which makes a visit cheap). Each page is looked at twice: in the light palette,
then in the dark one, switched to with the header's toggle as a reader would (that the
dark palette also comes up by itself for a reader whose system is dark is tested in
test_reader.py). axe-core is injected before the page's own scripts and runs all its
rules in light once the page and its fonts have loaded; in dark, where only the colours
differ, it runs the rules that look at colour (see ``CONTRAST_SAMPLE`` for how).
Both tabs work side by side. What each view of each page showed is kept in a ``Visit``;
the tests assert on those.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from ink import PAGES_WITH_MATH, x_heights
from playwright.sync_api import Error as PlaywrightError
from site_server import nav_sources

HERE = Path(__file__).parent
PROBE = (HERE / "probe.js").read_text(encoding="utf-8")
LAYOUT_PROBE = (HERE / "probe_layout.js").read_text(encoding="utf-8")  # notebooks, figures
AIDS_PROBE = (HERE / "probe_aids.js").read_text(encoding="utf-8")  # navigation, legend
API_PROBE = (HERE / "probe_api.js").read_text(encoding="utf-8")  # API; adds a mark: late
TYPE_PROBE = (HERE / "probe_type.js").read_text(encoding="utf-8")  # opens details: late
NAV_PROBE = (HERE / "probe_nav.js").read_text(encoding="utf-8")  # opens the nav: run last
CODE_PROBE = (HERE / "probe_code.js").read_text(encoding="utf-8")  # code, its copy buttons
CHROME_PROBE = (HERE / "probe_chrome.js").read_text(encoding="utf-8")  # nav, headings
CONTRAST_JS = (HERE / "probe_colour.js").read_text(encoding="utf-8")  # contrast, for the probes
WIDTHS = {"phone": 390, "desktop": 1280}
SCHEMES = ("light", "dark")
VIEWS = {f"{name}-{scheme}": (width, scheme) for name, width in WIDTHS.items()
         for scheme in SCHEMES}
LIGHT_VIEWS = [name for name, (_, scheme) in VIEWS.items() if scheme == "light"]
DESK_VIEWS = [name for name, (width, _) in VIEWS.items() if width >= 1280]  # both palettes
MISSING = "no/such/page/"  # served the 404 page, as GitHub Pages does
SEARCHES = ("LSTM", "19,712")
COLD = "desktop"  # this tab loads with the HTTP cache off, so it records each page's weight
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
SETTLED = "new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)))"


def nav_pages() -> list[str]:
    """The site's pages, from the nav in mkdocs.yml (known before the build), as paths
    below the site's root: ``""`` is home."""
    paths = []
    for source in nav_sources():
        stem = source.rsplit(".", 1)[0]
        paths.append("" if stem == "index" else stem.removesuffix("/index") + "/")
    return sorted(paths)


PAGES = nav_pages() + [MISSING]


@dataclass
class Visit:
    """What one page showed in one view."""

    status: int = 0
    scheme: str = ""  # the palette the theme was in (body's data-md-color-scheme)
    console: list[str] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)
    loaded: list[str] = field(default_factory=list)  # requested before the reader acts
    probe: dict = field(default_factory=dict)
    violations: list[dict] = field(default_factory=list)
    found: dict[str, int] = field(default_factory=dict)
    x_heights: tuple[int, int] | None = None  # ink.py: on the pages it measures


# axe-core's color-contrast rule costs most of the audit: about 2 ms for every element with
# text, and the API reference alone has some 6,000 such elements in about 40 styles. An
# element's contrast depends only on its text colour, size and weight, text shadow,
# opacity and the backgrounds behind it; so before each colour run, the elements with text
# are grouped by exactly those (the backgrounds of every ancestor up to an opaque one), and
# color-contrast looks at three of each group: the first, the middle and the last on the
# page (axe.configure narrows the rule's selector to them). Every other rule, and
# link-in-text-block, sees every element.
CONTRAST_SAMPLE = """
window.__sampleContrast = () => {
  const MARK = "data-audit-contrast";
  for (const el of document.querySelectorAll(`[${MARK}]`)) el.removeAttribute(MARK);
  // The backgrounds behind an element and the opacity it is drawn with, from its own and
  // its ancestors' styles (memoised: each element's style is read once).
  const memo = new Map();
  const look = (el) => {
    if (!el) return { backdrop: "", opacity: 1 };
    if (memo.has(el)) return memo.get(el);
    const s = getComputedStyle(el);
    const own = s.backgroundImage !== "none" || s.backgroundColor !== "rgba(0, 0, 0, 0)";
    const opaque = s.backgroundImage === "none" && !s.backgroundColor.startsWith("rgba");
    const parent = look(el.parentElement);
    const result = {
      style: s,
      backdrop: (own ? s.backgroundColor + " " + s.backgroundImage + " / " : "") +
        (opaque ? "" : parent.backdrop),
      opacity: parent.opacity * +s.opacity,
    };
    memo.set(el, result);
    return result;
  };
  const groups = new Map();
  for (const el of document.body.querySelectorAll("*")) {
    const text = el.matches("input, select, textarea, button") ||
      [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.data.trim());
    if (!text) continue;
    const { style: s, backdrop, opacity } = look(el);
    const key = [el.tagName, s.color, s.fontSize, s.fontWeight, s.textShadow, opacity,
                 backdrop].join(" | ");
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(el);
  }
  for (const els of groups.values()) {
    for (const el of new Set([els[0], els[els.length >> 1], els[els.length - 1]])) {
      el.setAttribute(MARK, "");
    }
  }
  axe.configure({ rules: [{ id: "color-contrast", selector: `[${MARK}]` }] });
  return groups.size;
};
"""
ALL = {"resultTypes": ["violations"]}  # every rule axe runs by default, the colour rules too
COLOUR = {"resultTypes": ["violations"], "runOnly": {"type": "rule", "values": COLOUR_RULES}}


def _axe(scheme: str) -> str:
    """A JS expression: a promise of axe-core's violations on this page, in this palette.
    In light, one run of every rule (the colour rules on the sampled elements); in dark,
    where only the colours differ, the colour rules alone. (Until 8 December light took
    two runs, the other rules and then the colour rules: the same violations, but axe
    builds its tree of the page once a run, a third of a run's time on an API page.)"""
    options = ALL if scheme == "light" else COLOUR
    return (f"(window.__sampleContrast(), axe.run(document, {json.dumps(options)}))"
            ".then((results) => results.violations)")


AXE_AUTORUN = f"""if (location.protocol === "http:") {{
{Axe().axe_script}
;{CONTRAST_SAMPLE}
window.__audit = new Promise((resolve) => addEventListener("load", () =>
  document.fonts.ready.then(() => {SETTLED}).then(() => {_axe("light")})
    .then(resolve)));
}}"""


class _Tab:
    """One width: a browser context with one tab, recording every event into the visit of
    the page and scheme it is showing."""

    def __init__(self, browser, server, width: str):
        self.width, self.server = width, server
        self.visit, self.url, self.path = Visit(), "", ""
        self.context = browser.new_context(
            viewport={"width": WIDTHS[width], "height": 844}, color_scheme="light",
            reduced_motion="reduce")
        self.context.add_init_script(script=AXE_AUTORUN)
        self.context.add_init_script(script=CONTRAST_JS)
        self.page = page = self.context.new_page()
        if width == COLD:
            cdp = self.context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        on_site = server.origin + "/"

        def route(route, request):  # the machine has no network: record, answer at once
            self.visit.offsite.append(request.url)
            route.abort()

        def console(message):
            if message.type == "error":
                self.visit.console.append(f"{message.text} ({message.location.get('url')})")

        def response(response):
            if response.status >= 400 and response.url != self.url:
                self.visit.failed.append(f"{response.status} {response.url}")

        # Only requests off the site are routed through Python (routing every request
        # would slow each one down and turn the cache off).
        self.context.route(lambda url: not url.startswith((on_site, "data:")), route)
        self.context.on("request", lambda request: self.visit.requested.append(request.url))
        self.context.on("response", response)
        page.on("console", console)
        page.on("pageerror", lambda error: self.visit.console.append(f"uncaught: {error}"))

    def start(self, path: str) -> None:
        """Load ``path`` in the light palette (the theme stores a palette switch: forget it)."""
        if self.url:
            self.page.evaluate("localStorage.clear(); sessionStorage.clear()")
        self.visit, self.url, self.path = Visit(), self.server.url + path, path
        self.visit.status = self.page.goto(self.url, wait_until="commit").status

    def go_dark(self) -> None:
        """Switch to dark with the header's toggle, as a reader would; start axe's colour
        rules once the theme has switched."""
        self.visit = Visit(status=self.visit.status)
        self.close_search()  # (shut: an open search would take the toggle's click)
        self.page.locator('label[title="Switch to dark mode"]').click()
        self.page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
        self.page.evaluate(f"() => {{ window.__audit = {SETTLED}.then(() => {_axe('dark')}); }}")

    def collect(self) -> None:
        """axe-core's findings (light: it runs by itself once the page has loaded), then
        the probe."""
        self.visit.violations = self.page.evaluate("window.__audit")
        self.visit.loaded = list(self.visit.requested)  # the page, before any search
        self.visit.probe = self.page.evaluate(PROBE)
        self.visit.probe.update(self.page.evaluate(LAYOUT_PROBE))
        self.visit.probe.update(self.page.evaluate(AIDS_PROBE))
        self.visit.probe.update(self.page.evaluate(CHROME_PROBE))
        self.visit.probe["code"] = self._as_json(CODE_PROBE)
        self.visit.scheme = self.page.evaluate("document.body.dataset.mdColorScheme")
        if self.path.startswith(PAGES_WITH_MATH):
            self.visit.x_heights = x_heights(self.page)
        self.visit.probe.update(self._as_json(API_PROBE))  # fit, headings, roots
        self.visit.probe.update(self._as_json(TYPE_PROBE))  # tables, formulas, code
        if self.width == "desktop":  # at a desk only; last: it opens the nav, then shuts it
            self.visit.probe.update(self._as_json(NAV_PROBE))

    def _as_json(self, probe: str) -> dict:
        """What ``probe`` found, handed over as one JSON string: Playwright's own hand-over
        of a large result cost more than the probe (probe_type.js on an API page: 1.5 s,
        against 0.1 s so)."""
        return json.loads(self.page.evaluate(f"async () => JSON.stringify(await ({probe})())"))

    def type_search(self, query: str) -> None:
        """Open the search box and type ``query``, as a reader would."""
        page = self.page
        page.keyboard.press("Escape")
        page.keyboard.press("/")  # Material's shortcut: opens and focuses the search box
        box = page.locator("input.md-search__input")
        box.fill(query)
        box.press("End")  # Material reads the query on keydown

    def count_results(self, query: str) -> None:
        """Wait for the search results of ``query`` and count them."""
        try:
            self.page.wait_for_function(
                "() => document.querySelector('.md-search-result__meta')?.textContent"
                ".match(/^\\s*(\\d+|No) matching/)", timeout=10_000)
            found = self.page.locator(".md-search-result__item").count()
        except PlaywrightError:  # no result count ever shown: nothing was found
            found = 0
        self.visit.found[query] = found
        self.close_search()

    def close_search(self) -> None:
        """Escape closes the search, as a reader would; on a loaded machine a keypress can
        land while the search still opens, so it is pressed until the search is shut. If
        five presses did not shut it (a run on a machine loaded to 20: the open search then
        took the next click, the palette toggle's, and the whole audit failed), its toggle
        is unchecked as the theme's close button does: the audit reads pages, and a
        search that shuts on Escape is test_browser_search.py's to check."""
        for _ in range(5):
            self.page.keyboard.press("Escape")
            try:
                self.page.wait_for_function("!document.getElementById('__search').checked",
                                            timeout=2_000)
                return
            except PlaywrightError:
                continue
        self.page.evaluate("""() => { const box = document.getElementById('__search');
          box.checked = false; box.dispatchEvent(new Event('change')); }""")
        self.page.wait_for_function("!document.getElementById('__search').checked")


def _look(tabs, visits, path: str, scheme: str) -> None:
    for tab in tabs:
        tab.collect()
    for query in SEARCHES:  # type in every tab, then wait: the searches overlap
        for tab in tabs:
            tab.type_search(query)
        for tab in tabs:
            tab.count_results(query)
    for tab in tabs:
        visits[path, f"{tab.width}-{scheme}"] = tab.visit


def visit_all(browser, server, pages=PAGES) -> dict[tuple[str, str], Visit]:
    """Every page in every view: ``{(path, view): Visit}``."""
    tabs = [_Tab(browser, server, width) for width in WIDTHS]
    visits = {}
    for path in pages:
        for tab in tabs:
            tab.start(path)
        _look(tabs, visits, path, "light")
        for tab in tabs:
            tab.go_dark()
        _look(tabs, visits, path, "dark")
    for tab in tabs:
        tab.context.close()
    return visits
