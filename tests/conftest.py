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


def shared_folder() -> Path | None:
    """Under pytest-xdist, the folder the run's workers share (the controller removes it at
    the end); alone, None."""
    run = _run_id()
    if run is None:
        return None
    folder = _shared_dir(run)
    folder.mkdir(exist_ok=True)
    return folder


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


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _auto_workers(config: pytest.Config) -> int:
    """How many xdist workers a run gets when ``-n`` is not given: one per core (at most
    ``MAX_WORKERS``) for a run of the whole suite or of a marker's selection of it (no
    paths: ``testpaths``; ``-m "not slow"`` included), none for a run of chosen paths or
    ``-k``, on a single core, or with ``--collect-only``, ``--pdb`` or ``--trace``. ``-n 0``
    always runs in one process, ``-n 2`` any run on two workers.

    Measured on this project's two cores, idle (7 December): the quick tests, about 4,400
    checks, take 46 s in one process and 25 s on two workers, for the same 45 s of CPU
    (each page is rendered once per process, ``livedocs/memo.py``; collection costs each
    worker about 4 s). A run of a few files or ``-k`` stays in one process: starting
    workers would cost more than they gain."""
    option = config.option
    if _cores() < 2 or option.collectonly or getattr(option, "usepdb", False) \
            or getattr(option, "trace", False) or option.keyword:
        return 0
    if config.args_source is not pytest.Config.ArgsSource.TESTPATHS:
        return 0
    return min(_cores(), MAX_WORKERS)


MAX_WORKERS = 4


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """Parallel by default for the whole suite: ``uv run pytest`` runs on one xdist worker
    per core (see :func:`_auto_workers`); with ``-n`` and no ``--dist``, or by default,
    tests are handed out by :class:`Scopes` (before, by file: the sampled mutation test, a
    quarter of the quick suite, was one work unit, and every worker ran its own browser
    audit). The run gets a known id (the controller removes the workers' shared builds)."""
    option = config.option
    if not hasattr(option, "numprocesses") or hasattr(config, "workerinput"):
        return
    if option.numprocesses is None:
        option.numprocesses = _auto_workers(config)
    if option.numprocesses:
        if option.dist == "no":  # not given (runs before xdist's own default, "load")
            option.dist = "loadfile"
            config.stash[_SCOPES] = True
        if not getattr(option, "testrunuid", None):
            option.testrunuid = uuid.uuid4().hex


_SCOPES = pytest.StashKey[bool]()

# Work units that are handed out first (in this order), as they take longest: a worker that
# gets one early runs it while the other works through the many short ones.
FIRST = (
    "tests/site/test_build_cache.py",
    "tests/notebooks/test_notebooks_build.py",
    "tests/livedocs/test_invocations.py",
    "tests/packaging/test_wheel_reproduce.py",
    "tests/notebooks/test_notebooks_execute.py",
    "tests/livedocs/test_mutation.py",
    "tests/livedocs/test_page_counts.py",
    "tests/figures/test_figures_style.py",
    "tests/livedocs/test_corpus.py",
    "tests/livedocs/test_bibliography.py",
)
# Files whose tests share nothing but what every process has (no module fixture, no state
# one test leaves for the next): each test is a work unit of its own; or, by the parameter,
# tests of one figure stay together (its light drawing is cached in the process: the figure
# is the first part of a test's id, "lstm_cell_diagram" and "lstm_cell_diagram-dark" one
# unit), and the reveal-sheet tests of one view (its one visit of every page, made when
# first asked for: the whole id, "chromium-390-light").
EACH_TEST = ("tests/livedocs/test_mutation.py", "tests/livedocs/test_page_counts.py",
             "tests/livedocs/test_invocations.py")
BY_PARAMETER: dict[str, int | None] = {  # file: how many leading parts of the id, or all
    "tests/figures/test_figures_style.py": 1,
    "tests/browser/test_browser_reveal_sheet.py": None,
}


def _scopes_class():
    from xdist.scheduler import LoadScopeScheduling

    class Scopes(LoadScopeScheduling):
        """xdist's scheduling by scope, where a scope is a file (a page's examples share
        one namespace, a module's fixtures run once), but for the files of ``EACH_TEST``
        and ``BY_PARAMETER``; the scopes of ``FIRST`` go out first, the browser tests (a
        wait for the shared audit) last.

        Only the queue of work units is reordered. Each worker's collection is left in
        the worker's own order: xdist names a test to a worker by its index in that
        collection (until 7 December, sorting it here sent every worker other tests than
        the scopes held, so a file's tests ran on both workers and its module fixtures,
        browser visits included, ran twice; tests/test_scheduling.py)."""

        _ordered = False

        def _split_scope(self, nodeid: str) -> str:
            file, _, rest = nodeid.partition("::")
            if file in EACH_TEST:
                return nodeid
            if file in BY_PARAMETER and "[" in rest:
                parts = rest.split("[", 1)[1].removesuffix("]").split("-")
                return f"{file}::[{'-'.join(parts[:BY_PARAMETER[file]])}]"
            return file

        def schedule(self) -> None:
            if self.collection is None:
                self.config.option.loadscopereorder = False  # the order is set here
            super().schedule()

        def _assign_work_unit(self, node) -> None:
            if not self._ordered:  # the queue is complete: the first unit is handed out
                self._ordered = True
                order = {f: i for i, f in enumerate(_first())}
                units = sorted(self.workqueue.items(),
                               key=lambda unit: _rank(next(iter(unit[1])), order))
                self.workqueue.clear()
                self.workqueue.update(units)
            super()._assign_work_unit(node)

    return Scopes


def _first() -> tuple[str, ...]:
    """``FIRST``; with every digit mutated (``RNNNOTES_MUTATION=full``, as in CI) the
    mutation tests, the longest then, go out before all others."""
    if os.environ.get("RNNNOTES_MUTATION") == "full":
        mutation = "tests/livedocs/test_mutation.py"
        return (mutation, *(f for f in FIRST if f != mutation))
    return FIRST


def _rank(nodeid: str, order: dict[str, int]) -> int:
    file = nodeid.partition("::")[0]
    if file in order:
        return order[file]
    return len(order) + (1 if file.startswith("tests/browser/") else 0)


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    if config.stash.get(_SCOPES, False):
        return _scopes_class()(config, log)
    return None


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
