"""One visit of every page of the built site in every view, recording what a reader meets.

Each visit gets a fresh browser context (an empty cache: the page loads cold), axe-core
injected before the page's own scripts, and runs axe by itself once the page and its fonts
have loaded. A few visits are in flight at once (each page renders in its own process), so
one page's axe run overlaps the next page's load: the audit is bound by the CPU, not by
waiting. What each visit saw is kept in a ``Visit``; the tests assert on those.
"""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

HERE = Path(__file__).parent
DOCS = Path(__file__).resolve().parents[2] / "docs"
PROBE = (HERE / "probe.js").read_text(encoding="utf-8")
VIEWS = {  # name: (viewport width, colour scheme)
    "phone-light": (390, "light"),
    "phone-dark": (390, "dark"),
    "desktop-light": (1280, "light"),
    "desktop-dark": (1280, "dark"),
}
MISSING = "no/such/page/"  # served the 404 page, as GitHub Pages does
SEARCHES = ("LSTM", "19,712")
IN_FLIGHT = 3  # visits under way at once (the machine has 2 cores; Python mostly waits)
# axe-core runs every rule in the light views. The dark views have the same DOM and layout
# as the light ones at the same width and differ only in colour, so they run the rules
# that look at colour.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def doc_pages() -> list[str]:
    """The site's pages, from docs/ (known before the build): ``""`` is home."""
    paths = []
    for md in sorted(DOCS.rglob("*.md")):
        rel = md.relative_to(DOCS).with_suffix("").as_posix()
        paths.append("" if rel == "index" else rel.removesuffix("/index") + "/")
    return sorted(paths)


PAGES = doc_pages() + [MISSING]


@dataclass
class Visit:
    """What one page showed in one view."""

    status: int = 0
    console: list[str] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)
    probe: dict = field(default_factory=dict)
    violations: list[dict] = field(default_factory=list)
    found: dict[str, int] = field(default_factory=dict)


def _axe_autorun(scheme: str) -> str:
    """A script for every new document: on the site's pages (not the first about:blank),
    load axe-core and run it once the page, its fonts and two frames are done."""
    options = {"resultTypes": ["violations"]}
    if scheme == "dark":
        options["runOnly"] = {"type": "rule", "values": COLOUR_RULES}
    return f"""if (location.protocol === "http:") {{
{Axe().axe_script}
;window.__audit = new Promise((resolve) => addEventListener("load", () =>
  document.fonts.ready
    .then(() => new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame))))
    .then(() => axe.run(document, {json.dumps(options)}))
    .then((results) => resolve(results.violations))));
}}"""


class _Visitor:
    """One visit under way: its own context and page, with every event recorded."""

    def __init__(self, browser, server, path: str, view: str):
        width, scheme = VIEWS[view]
        self.visit = visit = Visit()
        self.path, self.url = path, server.url + path
        self.context = browser.new_context(
            viewport={"width": width, "height": 844}, color_scheme=scheme,
            reduced_motion="reduce")
        self.context.add_init_script(script=_axe_autorun(scheme))
        self.page = page = self.context.new_page()
        on_site = server.origin + "/"

        def route(route, request):
            if request.url.startswith((on_site, "data:")):
                route.continue_()
            else:  # the machine has no network: record the attempt, answer it at once
                visit.offsite.append(request.url)
                route.abort()

        def console(message):
            if message.type == "error":
                visit.console.append(f"{message.text} ({message.location.get('url')})")

        def response(response):
            if response.status >= 400 and response.url != self.url:
                visit.failed.append(f"{response.status} {response.url}")

        # Off-site requests are the only ones routed through Python (a glob that never
        # matches the site's own origin), so the site's requests are not slowed down.
        self.context.route(lambda url: not url.startswith(on_site), route)
        self.context.on("request", lambda request: visit.requested.append(request.url))
        self.context.on("response", response)
        page.on("console", console)
        page.on("pageerror", lambda error: visit.console.append(f"uncaught: {error}"))
        visit.status = page.goto(self.url, wait_until="commit").status

    def finish(self) -> Visit:
        page, visit = self.page, self.visit
        visit.violations = page.evaluate("window.__audit")
        visit.probe = page.evaluate(PROBE)
        visit.found = {query: _search(page, query) for query in SEARCHES}
        self.context.close()
        return visit


def _search(page, query: str) -> int:
    """Type ``query`` into the search box as a reader would; the number of results."""
    page.keyboard.press("Escape")
    page.keyboard.press("/")  # Material's shortcut: opens and focuses the search box
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material reads the query on keydown
    try:
        page.wait_for_function(
            "() => document.querySelector('.md-search-result__meta')?.textContent"
            ".match(/^\\s*(\\d+|No) matching/)", timeout=5000)
    except Exception:  # noqa: BLE001 (no results reported at all: count as none found)
        return 0
    return page.locator(".md-search-result__item").count()


def visit_all(browser, server, views=VIEWS, pages=PAGES) -> dict[tuple[str, str], Visit]:
    """Every page in every view: ``{(path, view): Visit}``."""
    todo = deque((path, view) for view in views for path in pages)
    running: deque[tuple[tuple[str, str], _Visitor]] = deque()
    visits = {}
    while todo or running:
        while todo and len(running) < IN_FLIGHT:
            key = todo.popleft()
            running.append((key, _Visitor(browser, server, *key)))
        key, visitor = running.popleft()
        visits[key] = visitor.finish()
    return visits
