"""Serve a built site as GitHub Pages hosts it, and find a Chromium to look at it with.

The site is served under the same sub-path as on GitHub Pages (``/rnnnotes/``, the path of
``site_url``), and a missing address gets the site's ``404.html`` with status 404, at any
depth, as GitHub Pages does. Used by the browser tests and by ``screenshots.py``.

GitHub Pages also lets a browser keep what it served for ten minutes (``Cache-Control:
max-age=600``); a ``SiteServer(site, max_age=600)`` does the same, so a tab that loads page
after page (the browser tests' ``server``) fetches and compiles the theme's scripts, styles
and fonts once, not at every load. By default nothing is kept: the browser audit measures
what a page loads (browser_audit.py).
"""

from __future__ import annotations

import mimetypes
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.mkdocs_config import mkdocs_config, nav_sources  # noqa: F401 (re-exported)

ROOT = Path(__file__).resolve().parents[2]
# Chromium with no network and no first-run work: nothing may leave the machine.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-default-apps", "--disable-extensions", "--mute-audio",
]


@contextmanager
def open_view(browser, width: int, scheme: str) -> Iterator:
    """A page of its own ``width`` px wide and 844 px high (a phone's or a desk's screen),
    in the palette ``scheme`` (``light`` or ``dark``); its context closed on the way out."""
    context = browser.new_context(viewport={"width": width, "height": 844},
                                  color_scheme=scheme)
    try:
        yield context.new_page()
    finally:
        context.close()


def site_path() -> str:
    """The path of ``site_url`` in mkdocs.yml (``/rnnnotes/``)."""
    return urlsplit(mkdocs_config()["site_url"]).path


def find_chromium() -> str | None:
    """``RNNNOTES_CHROMIUM``, else Debian's /usr/bin/chromium, else one on PATH."""
    if os.environ.get("RNNNOTES_CHROMIUM"):
        return os.environ["RNNNOTES_CHROMIUM"]
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def browser_required() -> bool:
    """In CI (``CI`` set) or with ``RNNNOTES_REQUIRE_BROWSER=1`` a missing browser fails."""
    return any(os.environ.get(v, "").lower() not in ("", "0", "false")
               for v in ("CI", "RNNNOTES_REQUIRE_BROWSER"))


def chromium_or_skip() -> str:
    """The Chromium executable; without one, skip the test, or fail it where the browser
    is required."""
    import pytest

    chromium = find_chromium()
    if chromium is None:
        reason = ("no chromium: install Debian's (`apt-get install chromium`) or set "
                  "RNNNOTES_CHROMIUM to a Chromium or Chrome executable")
        if browser_required():
            pytest.fail(f"{reason} (CI/RNNNOTES_REQUIRE_BROWSER is set: browser tests must run)")
        pytest.skip(reason)
    return chromium


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {**mimetypes.types_map, ".woff2": "font/woff2", ".svg": "image/svg+xml",
                      ".js": "text/javascript", ".json": "application/json"}

    def __init__(self, *args, site: Path, prefix: str, max_age: int, **kwargs):
        self.site, self.prefix, self.max_age = site, prefix, max_age
        super().__init__(*args, directory=str(site), **kwargs)

    def _file(self) -> Path | None:
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.prefix):
            return None
        target = (self.site / path[len(self.prefix):]).resolve()
        if self.site not in target.parents and target != self.site:
            return None
        if target.is_dir():
            if not path.endswith("/"):
                return None  # GitHub Pages redirects; the site never links this way
            target = target / "index.html"
        return target if target.is_file() else None

    def do_GET(self):  # noqa: N802 (http.server's API)
        target = self._file()
        status = 200
        if target is None:
            target, status = self.site / "404.html", 404
        body = target.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Length", str(len(body)))
        if self.max_age and status == 200:
            self.send_header("Cache-Control", f"max-age={self.max_age}")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 (http.server's API)
        pass


class SiteServer:
    """``with SiteServer(site) as server: server.url`` → ``http://127.0.0.1:PORT/rnnnotes/``;
    with ``max_age``, a browser may keep each file that long (seconds), as on GitHub Pages."""

    def __init__(self, site: Path, prefix: str | None = None, max_age: int = 0):
        self.site, self.prefix, self.max_age = site.resolve(), prefix or site_path(), max_age

    def __enter__(self) -> SiteServer:
        handler = partial(_Handler, site=self.site, prefix=self.prefix, max_age=self.max_age)
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self.url = self.origin + self.prefix
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def page_paths(site: Path) -> list[str]:
    """Every page of the built site, as paths below the site's root (``""`` is home)."""
    pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))
    return ["" if p == "./" else p for p in pages]
