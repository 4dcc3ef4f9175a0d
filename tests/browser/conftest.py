"""Browser fixtures: the built site served under its GitHub Pages sub-path, Debian's
chromium driven by pytest-playwright, and one visit of every page in every view.

The visits run once per session (``visits``, see browser_audit.py) and the tests in this
folder assert on what they recorded: one failure per page, view and check.
"""

from __future__ import annotations

import time

import pytest
from browser_audit import Visit, visit_all
from site_server import CHROMIUM_ARGS, SiteServer, browser_required, find_chromium


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's launch arguments, pointed at the system's chromium."""
    chromium = find_chromium()
    if chromium is None:
        reason = ("no chromium: install Debian's (`apt-get install chromium`) or set "
                  "RNNNOTES_CHROMIUM to a Chromium or Chrome executable")
        if browser_required():
            pytest.fail(f"{reason} (CI/RNNNOTES_REQUIRE_BROWSER is set: browser tests must run)")
        pytest.skip(reason)
    return {**browser_type_launch_args, "executable_path": chromium, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def server(site):
    """The built site on http://127.0.0.1:PORT/rnnnotes/, as GitHub Pages hosts it."""
    with SiteServer(site) as running:
        yield running


@pytest.fixture(scope="session")
def visits(browser, server) -> dict[tuple[str, str], Visit]:
    """Every page in every view, visited once: ``visits[path, view]``."""
    start = time.perf_counter()
    found = visit_all(browser, server)
    print(f"\nbrowser audit: {len(found)} visits in {time.perf_counter() - start:.1f} s")
    return found
