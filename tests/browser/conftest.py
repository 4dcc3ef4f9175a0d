"""Browser fixtures: the built site served under its GitHub Pages sub-path, Debian's
chromium, and one visit of every page in every view.

The visits (``visits``, see browser_audit.py) are the slow part: a few dozen page loads
and axe-core runs, nearly all of it in Chromium's processes. They start in a background
thread as soon as collection is done and the site is built, and the browser tests are
moved to the end of the run, so Chromium works on one core while the other tests run on
the other. The tests in this folder then assert on what the visits recorded: one failure
per page, view and check. The few interactive tests (test_reader.py) use pytest-playwright's
``browser``, launched with the same executable and arguments.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import sys
import threading
import time
import traceback
from contextlib import ExitStack
from pathlib import Path

import audit_cache
import pytest
from browser_audit import Visit, visit_all
from site_server import (
    CHROMIUM_ARGS,
    SiteServer,
    chromium_or_skip,
    find_chromium,
    open_view,
)

HERE = Path(__file__).parent
AUDIT_TIMEOUT = 1500  # seconds; the audit takes about a minute, over 600 s at load 20
BUILD_TIMEOUT = 900  # seconds the audit may wait for the site build (tests/conftest.py)
GITHUB_PAGES_MAX_AGE = 600  # seconds: GitHub Pages' Cache-Control


def _in_here(item) -> bool:
    return HERE in Path(str(item.path)).parents


def _waits(item) -> bool:
    return "visits" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(session, config, items):
    """The browser tests go last: their audit runs in the background meanwhile; of them,
    those that drive a browser of their own first, those that wait for the audit's visits
    last (under xdist a worker waiting for them would otherwise sit idle while others
    remain: the scheduler keeps this order within the browser tests)."""
    items[:] = ([i for i in items if not _in_here(i)]
                + [i for i in items if _in_here(i) and not _waits(i)]
                + [i for i in items if _in_here(i) and _waits(i)])


class _Audit(threading.Thread):
    """``visit_all`` in its own thread, with its own Playwright and Chromium.

    Under pytest-xdist one worker runs it (the first to finish collecting: a file lock in
    the run's shared folder decides) and writes what it found to ``audit.pickle`` there;
    the others read that file. Alone, the visits stay in memory."""

    def __init__(self, shared: Path | None = None):
        super().__init__(name="browser-audit", daemon=True)
        self.shared = shared
        self.visits: dict | None = None
        self.error: BaseException | None = None
        self.seconds = 0.0
        self.recalled = False  # the visits of an earlier run (audit_cache.py)

    def run(self):
        from playwright.sync_api import sync_playwright

        from tests.conftest import BUILDS  # the session's builds (tests/ is a package)

        try:
            site = BUILDS.get("site")
            digest, entry = audit_cache.key(site, find_chromium())
            stored = audit_cache.recall(entry)
            if stored is not None:  # an earlier run audited this very site
                self.visits, self.seconds = stored
                self.recalled = True
                return
            start = time.perf_counter()
            with SiteServer(site) as server, sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=find_chromium(),
                                                     args=CHROMIUM_ARGS)
                try:
                    self.visits = visit_all(browser, server)
                finally:
                    browser.close()
            self.seconds = time.perf_counter() - start
            audit_cache.keep(entry, digest, self.visits, self.seconds)
        except BaseException as error:  # noqa: BLE001 (handed to the test that waits)
            self.error = error
        finally:
            if self.shared is not None:
                self._publish()

    def _publish(self) -> None:
        """Write the outcome for the other workers: the visits, or the error as text."""
        if self.error is None:
            outcome = ("visits", self.visits, self.seconds, self.recalled)
        else:
            outcome = ("error", "".join(traceback.format_exception(self.error)), 0.0, False)
        tmp = self.shared / "audit.pickle-tmp"
        tmp.write_bytes(pickle.dumps(outcome))
        os.replace(tmp, self.shared / "audit.pickle")


_AUDIT: _Audit | None = None
_SHARED: Path | None = None  # under xdist: the folder where the audit's outcome appears


def pytest_collection_finish(session):
    global _AUDIT, _SHARED
    from tests.conftest import shared_folder

    if session.config.option.collectonly:
        return
    wanted = any(_in_here(i) and "visits" in getattr(i, "fixturenames", ())
                 for i in session.items)
    if not wanted or find_chromium() is None or _AUDIT is not None or _SHARED is not None:
        return
    shared = shared_folder()
    if shared is None:
        _AUDIT = _Audit()
        _AUDIT.start()
        return
    _SHARED = shared
    with open(shared / "audit.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (shared / "audit.started").exists():
            return
        (shared / "audit.started").touch()
    _AUDIT = _Audit(shared)
    _AUDIT.start()


def pytest_sessionfinish(session):
    """A worker that runs the audit waits for it: other workers may need its outcome."""
    if _AUDIT is not None and _SHARED is not None:
        _AUDIT.join(AUDIT_TIMEOUT)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's launch arguments, pointed at the system's chromium."""
    return {**browser_type_launch_args, "executable_path": chromium_or_skip(),
            "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def server(site):
    """The built site on http://127.0.0.1:PORT/rnnnotes/, as GitHub Pages hosts it (a tab
    keeps what it loaded for ten minutes, as there: GITHUB_PAGES_MAX_AGE)."""
    with SiteServer(site, max_age=GITHUB_PAGES_MAX_AGE) as running:
        yield running


@pytest.fixture(scope="session")
def visits() -> dict[tuple[str, str], Visit]:
    """Every page in every view, visited once per test run: ``visits[path, view]``."""
    chromium_or_skip()
    if _AUDIT is None and _SHARED is None:
        pytest.fail("the browser audit was not started at collection", pytrace=False)
    if _SHARED is not None and _AUDIT is None:  # another worker runs it
        kind, found, seconds, recalled = _wait_for_shared(_SHARED / "audit.pickle")
        if kind == "error":
            pytest.fail(f"the browser audit failed in another worker:\n{found}",
                        pytrace=False)
        print(f"\nbrowser audit (another worker's): {len(found)} visits in {seconds:.1f} s"
              + (_RECALLED if recalled else ""), file=sys.stderr)
        return found
    _AUDIT.join(AUDIT_TIMEOUT)
    if _AUDIT.is_alive():
        pytest.fail(f"the browser audit took over {AUDIT_TIMEOUT} s", pytrace=False)
    if _AUDIT.error is not None:
        raise _AUDIT.error
    print(f"\nbrowser audit: {len(_AUDIT.visits)} visits in {_AUDIT.seconds:.1f} s"
          + (_RECALLED if _AUDIT.recalled else ""), file=sys.stderr)
    return _AUDIT.visits


_RECALLED = ", in an earlier run of the same site (tests/browser/audit_cache.py)"


def _wait_for_shared(path: Path):
    deadline = time.monotonic() + AUDIT_TIMEOUT + BUILD_TIMEOUT
    while not path.exists():
        if time.monotonic() > deadline:
            pytest.fail(f"the browser audit took over {AUDIT_TIMEOUT} s", pytrace=False)
        time.sleep(0.2)
    return pickle.loads(path.read_bytes())


@pytest.fixture(scope="session")
def shared_view(browser):
    """``shared_view(width, scheme)``: one tab per view (:func:`open_view`) for the whole
    session, made when first asked for, for modules whose every test opens its page afresh
    (the calculator's, by a load or calculator_tab's relink and relayout): a tab and its
    context are made once, not once per module."""
    tabs = {}
    with ExitStack() as stack:
        def tab(width: int, scheme: str = "light"):
            if (width, scheme) not in tabs:
                tabs[width, scheme] = stack.enter_context(open_view(browser, width, scheme))
            return tabs[width, scheme]

        yield tab
