"""Screenshots of every page at phone and desktop width, light and dark, for a human to look at.

    uv run python tests/browser/screenshots.py OUT_DIR [--site BUILT_SITE] [--full]

Builds the site (unless ``--site`` names a built one), serves it under its sub-path and
writes ``OUT_DIR/<page>-<width>-<scheme>.png`` (the first screenful; ``--full``: the whole
page). Not a test: the browser tests check the same views automatically.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for conftest
from site_server import CHROMIUM_ARGS, SiteServer, find_chromium, page_paths  # noqa: E402

from conftest import build_site  # noqa: E402

VIEWS = [(390, "light"), (390, "dark"), (1280, "light"), (1280, "dark")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--site", type=Path)
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--pages", nargs="*", help="page paths (default: all, and the 404)")
    args = parser.parse_args()
    site = args.site or build_site(Path(tempfile.mkdtemp()))
    args.out.mkdir(parents=True, exist_ok=True)
    pages = args.pages if args.pages is not None else page_paths(site) + ["no/such/page/"]
    with SiteServer(site) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        for width, scheme in VIEWS:
            context = browser.new_context(viewport={"width": width, "height": 844},
                                          color_scheme=scheme)
            page = context.new_page()
            for path in pages:
                page.goto(server.url + path)
                page.evaluate("document.fonts.ready")
                name = (path.strip("/").replace("/", "_") or "home")
                shot = args.out / f"{name}-{width}-{scheme}.png"
                page.screenshot(path=shot, full_page=args.full)
                print(shot)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
