"""Print the built site into one PDF with Chromium (Playwright's ``page.pdf``): no LaTeX,
no network.

1. The built site is served on 127.0.0.1 (:class:`_Server`); every request elsewhere is
   refused.
2. The home page is opened in the light palette, ``book.css`` is added, and ``book.js``
   replaces its article by a cover (version, date, contents) and the articles of the book's
   pages (:func:`book_pages`), fetched from the site: their ids get a per-page prefix and
   their links to each other become links inside the document, which Chromium turns into
   internal PDF links; links to pages outside the book go to the published site.
   Collapsible blocks are opened, reveal popups, dark figures and buttons removed.
3. At the PDF's text width, ``fit.js`` scales down any block wider than the column (an
   equation, a table, code) and reports any text still beyond it: the build fails then.
4. ``page.pdf`` writes A4 sheets with page numbers and the version in the footer, and the
   home page's link to the PDF gets the file's size (:func:`set_size_on_home_page`).
"""

from __future__ import annotations

import html
import json
import mimetypes
import re
import threading
import time
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from rnnsite.answer_pages import DOCS, answer_pages, is_answer_page
from rnnsite.citation import long_date, mkdocs_yml, project

HERE = Path(__file__).parent
BOOK_ENDS = ("conventions.md", "references.md")  # after the answers, in this order
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}
A4_WIDTH_MM = 210
CSS_PX_PER_MM = 96 / 25.4


class PdfError(RuntimeError):
    """The book cannot be printed as promised (a page missing, a broken link, text cut)."""


@dataclass(frozen=True)
class BookPage:
    src: str    # below docs/
    path: str   # below the site's root: "task-1-1/q1-unrolled-weights/" ("" for home)
    title: str


def _walk(node, title=None):
    if isinstance(node, str):
        yield title, node
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item, title)
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, key)


def book_pages(config: dict | None = None, docs: Path = DOCS) -> list[BookPage]:
    """Home, every answer page in the nav's order, then Conventions and References."""
    config = config if config is not None else mkdocs_yml()
    nav = list(_walk(config["nav"]))
    answers = [(t, s) for t, s in nav if is_answer_page(s)]
    ends = {s: t for t, s in nav if s in BOOK_ENDS}
    missing = [s for s in ("index.md", *BOOK_ENDS) if s not in {x for _, x in nav}]
    if missing or len(answers) == 0:
        raise PdfError(f"mkdocs.yml's nav lacks {missing or 'answer pages'}")

    def path(src: str) -> str:
        return "" if src == "index.md" else src.removesuffix(".md") + "/"

    titles = {a.src: a.title for a in answer_pages(docs)}  # as each page's H1 says
    return [BookPage("index.md", "", "Home: the answers at a glance"),
            *(BookPage(s, path(s), titles.get(s, t)) for t, s in answers),
            *(BookPage(s, path(s), ends[s]) for s in BOOK_ENDS)]


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {**mimetypes.types_map, ".woff2": "font/woff2", ".svg": "image/svg+xml",
                      ".js": "text/javascript", ".json": "application/json"}

    def log_message(self, *args):  # quiet
        pass


class _Server:
    def __init__(self, site: Path):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(site)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __enter__(self):
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def _footer(version: str) -> str:
    return ('<div style="font-size:8px;width:100%;box-sizing:border-box;padding:0 16mm;'
            'display:flex;justify-content:space-between;color:#555;font-family:sans-serif">'
            f'<span>rnnnotes {html.escape(version)}</span>'
            '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span>'
            '</div>')


def human_size(n: int) -> str:
    """``1234567`` -> ``1.2 MB``."""
    for unit, scale in (("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


_SLOT = re.compile(r'<span class="pdf-handout__size" data-pdf-size(?:="\d+")?>[^<]*</span>')


def set_size_on_home_page(site: Path, size: int) -> None:
    """Write the PDF's size into the home page's link to it (``rnnsite.takeaway_hook``), and
    show the link, hidden until there is a PDF to lead to."""
    index = site / "index.html"
    text = index.read_text(encoding="utf-8")
    new, count = _SLOT.subn(f'<span class="pdf-handout__size" data-pdf-size="{size}">'
                            f' (PDF, {human_size(size)})</span>', text)
    if count != 1:
        raise PdfError(f"{index}: expected one PDF link to fill in, found {count}")
    new = new.replace('<p class="pdf-handout" hidden>', '<p class="pdf-handout">')  # shown
    index.write_text(new, encoding="utf-8")


def print_pdf(site: Path, out: Path, chromium: str = "/usr/bin/chromium") -> dict:
    """Print the PDF (see :func:`_print_pdf`). Playwright's sync API refuses to run in a
    thread whose asyncio loop is running (pytest-playwright leaves one running for the
    browser tests), so there it prints from a thread of its own."""
    import asyncio  # noqa: PLC0415
    from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _print_pdf(site, out, chromium)
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(_print_pdf, site, out, chromium).result()


def _print_pdf(site: Path, out: Path, chromium: str = "/usr/bin/chromium") -> dict:
    """Print the site built in ``site`` to ``out``; returns what was measured."""
    from playwright.sync_api import sync_playwright

    site = Path(site).resolve()
    if not (site / "index.html").is_file():
        raise PdfError(f"{site}: expected a built site (index.html), found none")
    config = mkdocs_yml()
    p = project(config)
    pages = book_pages(config)
    cover = {"name": p.name, "description": p.description, "version": p.version,
             "date": long_date(p.date), "url": p.site_url}
    start = time.perf_counter()
    with _Server(site) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-extensions"])
        try:
            width = round((A4_WIDTH_MM - 32) * CSS_PX_PER_MM)
            context = browser.new_context(color_scheme="light", java_script_enabled=True,
                                          viewport={"width": width, "height": 1100})
            context.route(re.compile(r"^(?!" + re.escape(server.url) + ")"),
                          lambda route: route.abort())
            page = context.new_page()
            page.goto(server.url, wait_until="load")
            page.emulate_media(media="print", color_scheme="light")
            page.add_style_tag(path=str(HERE / "book.css"))
            result = page.evaluate((HERE / "book.js").read_text(encoding="utf-8"),
                                   {"pages": [{"path": b.path, "title": b.title} for b in pages],
                                    "cover": cover, "siteUrl": p.site_url})
            if result["broken"]:
                raise PdfError(f"links inside the book point nowhere: {result['broken']}")
            shut = {k: result[k] for k in ("closed", "tips", "dark") if result[k]}
            if shut:
                raise PdfError(f"closed blocks, reveal popups or dark figures left: {shut}")
            page.wait_for_timeout(200)
            fit = page.evaluate((HERE / "fit.js").read_text(encoding="utf-8"))
            if fit["overflow"]:
                raise PdfError("text beyond the margin:\n" + json.dumps(fit["overflow"], indent=1))
            page.pdf(path=str(out), format="A4", margin=MARGIN, print_background=True,
                     display_header_footer=True, header_template="<span></span>",
                     footer_template=_footer(p.version), outline=True, tagged=True)
        finally:
            browser.close()
    return {"pages": [b.path for b in pages], "scaled": fit["scaled"],
            **{k: result[k] for k in ("details", "closed", "tips", "dark", "light")},
            "seconds": round(time.perf_counter() - start, 1), "bytes": out.stat().st_size}
