"""Fixtures shared by tests/site (what the build writes) and tests/browser (what a reader
sees): the site, built with ``mkdocs build --strict`` once per test session, and a second,
cold build of it for the reproducibility test.

Both builds start as soon as collection is done (in their own processes, so they run
while the first tests do) when a collected test needs one; ``site`` waits for the first.
``site`` uses the checkout's build cache (``.cache/rnnsite``, see ``rnnsite/cache.py``);
``site_again`` a fresh, empty one, so the reproducibility test compares a build from the
cache with a cold one (CI sets ``RNNNOTES_NO_CACHE=1``: there both are cold).

Under pytest-xdist the workers share the builds: the first worker to need one starts it,
in a folder named by the test run, and every worker waits for the same result.

With ``-n``, xdist distributes by file: each page's items stay together (its code examples
share one namespace); see :func:`pytest_cmdline_main`.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
USERS = {"site", "site_again", "visits"}  # fixtures that need the builds
BUILD_TIMEOUT = 900  # seconds a worker waits for a build another worker started


def start_build(out: Path, env: dict[str, str] | None = None,
                stderr=subprocess.PIPE) -> subprocess.Popen:
    """Start ``mkdocs build --strict`` into ``out`` in a fresh process (as CI and readers
    do). No ``-q``: it would drop the warnings before ``--strict`` counts them."""
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT, stdout=subprocess.PIPE if stderr is subprocess.PIPE else subprocess.DEVNULL,
        stderr=stderr, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


def build_site(out: Path) -> Path:
    """Build the site into ``out`` and return ``out``."""
    build = start_build(out)
    _, stderr = build.communicate()
    assert build.returncode == 0, stderr
    return out


def _run_id() -> str | None:
    """The xdist test run this process is a worker of, or None."""
    return os.environ.get("PYTEST_XDIST_TESTRUNUID")


def _shared_dir(run_id: str) -> Path:
    return Path(tempfile.gettempdir()) / f"rnnnotes-site-{run_id}"


class Builds:
    """The session's two builds, "site" and "again": started once (once per xdist run),
    waited for by whoever needs them first. Each build writes ``NAME.err`` (its stderr)
    and then ``NAME.rc`` (its exit status) beside its output folder ``NAME/``."""

    ENV = {"site": {}, "again": {"RNNNOTES_CACHE_DIR": "{dir}/again-cache"}}

    def __init__(self):
        self._lock = threading.Lock()
        self._dir: Path | None = None
        self._running: dict[str, subprocess.Popen] = {}
        self._done: dict[str, Path | str] = {}

    def _folder(self) -> Path:
        if self._dir is None:
            run = _run_id()
            if run is None:
                self._dir = Path(tempfile.mkdtemp(prefix="rnnnotes-site-"))
            else:
                self._dir = _shared_dir(run)
                self._dir.mkdir(exist_ok=True)
        return self._dir

    def start(self, *names: str) -> None:
        """Start the builds ``names`` ("site", "again") that no process started yet."""
        with self._lock:
            folder = self._folder()
            with open(folder / "lock", "w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
                for name in names:
                    started = folder / f"{name}.started"
                    if name in self._running or started.exists():
                        continue
                    started.touch()
                    env = {k: v.format(dir=folder) for k, v in self.ENV[name].items()}
                    err = open(folder / f"{name}.err", "w")  # noqa: SIM115 (the build's)
                    build = start_build(folder / name, env, stderr=err)
                    err.close()
                    self._running[name] = build
                    threading.Thread(target=self._report, args=(name, build), daemon=True,
                                     name=f"build {name}").start()

    def _report(self, name: str, build: subprocess.Popen) -> None:
        code = build.wait()
        rc = self._folder() / f"{name}.rc"
        tmp = rc.with_suffix(".rc-tmp")
        tmp.write_text(str(code))
        os.replace(tmp, rc)

    def get(self, name: str) -> Path:
        """The built site ``name`` ("site" or "again"); fails with the build's errors."""
        self.start(name)
        folder = self._folder()
        rc = folder / f"{name}.rc"
        deadline = time.monotonic() + BUILD_TIMEOUT
        while not rc.exists():
            if time.monotonic() > deadline:
                pytest.fail(f"the {name!r} build took over {BUILD_TIMEOUT} s", pytrace=False)
            time.sleep(0.1)
        with self._lock:
            if name not in self._done:
                ok = rc.read_text().strip() == "0"
                self._done[name] = folder / name if ok else \
                    (folder / f"{name}.err").read_text(encoding="utf-8", errors="replace")
        done = self._done[name]
        if isinstance(done, str):
            pytest.fail(f"mkdocs build --strict failed:\n{done}", pytrace=False)
        return done

    def close(self) -> None:
        """Alone, kill what still runs and remove the folder; a worker of an xdist run lets
        its builds finish (another worker may wait for them); the controller removes it."""
        for build in self._running.values():
            if build.poll() is None:
                if _run_id() is None:
                    build.kill()
                try:
                    build.wait(BUILD_TIMEOUT)
                except subprocess.TimeoutExpired:
                    build.kill()
        if self._dir is not None and _run_id() is None:
            shutil.rmtree(self._dir, ignore_errors=True)


BUILDS = Builds()


SLOW = "slow: needs a site build, a browser or a notebook kernel (deselect with -m 'not slow')"


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """With ``-n``: distribute by file, and give the run a known id (the controller removes
    the workers' shared builds).

    xdist is not on by default: measured on this project's two-core machine, ``-m "not
    slow"`` took 75 s on two workers against 53 s in one process (every worker collects
    and imports everything again, about 45% more CPU); it pays for long tests, such as the
    full mutation run (``.ci/run``)."""
    option = config.option
    if not hasattr(option, "numprocesses") or hasattr(config, "workerinput"):
        return
    if option.numprocesses:
        if option.dist == "no":  # not given (runs before xdist's own default, "load")
            option.dist = "loadfile"  # a page's examples share one namespace: one worker
        if not getattr(option, "testrunuid", None):
            option.testrunuid = uuid.uuid4().hex


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", SLOW)


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                  items: list[pytest.Item]) -> None:
    """Mark what needs a site build, Chromium or a notebook kernel as ``slow``."""
    for item in items:
        path = Path(str(item.path))
        if USERS & set(getattr(item, "fixturenames", ())) or path.parent.name == "browser" \
                or path.name in ("test_notebooks_build.py", "test_notebooks_execute.py") \
                or "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


def pytest_collection_finish(session: pytest.Session) -> None:
    if session.config.option.collectonly or _controller(session.config):
        return
    used = set().union(*(set(getattr(item, "fixturenames", ())) for item in session.items))
    if used & USERS:
        BUILDS.start("site", *(["again"] if "site_again" in used else []))


def _controller(config: pytest.Config) -> bool:
    return bool(getattr(config.option, "numprocesses", None)) and \
        not hasattr(config, "workerinput")


def pytest_sessionfinish(session: pytest.Session) -> None:
    BUILDS.close()
    if _controller(session.config) and getattr(session.config.option, "testrunuid", None):
        shutil.rmtree(_shared_dir(session.config.option.testrunuid), ignore_errors=True)


@pytest.fixture(scope="session")
def site() -> Path:
    """The site, built once per test session with ``mkdocs build --strict``."""
    return BUILDS.get("site")


@pytest.fixture(scope="session")
def site_again() -> Path:
    """A second, independent build of the same sources, from an empty build cache."""
    return BUILDS.get("again")
