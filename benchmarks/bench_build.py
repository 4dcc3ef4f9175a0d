"""How long the site's loops take on this machine: builds, `mkdocs serve`, pytest.

    uv run python benchmarks/bench_build.py                 # everything, 3 runs each
    uv run python benchmarks/bench_build.py --runs 5 --only build,serve
    uv run python benchmarks/bench_build.py --only pytest-quick --runs 1

Each figure is the median of ``--runs`` runs, printed with the machine's core count and the
1-minute load average before and after the runs (the machine may be shared: compare figures
measured in one run of this script, and read them with the load). What is measured:

- ``cold build``: ``mkdocs build --strict`` with an empty build cache (a fresh
  ``RNNNOTES_CACHE_DIR`` each run);
- ``warm build``: the same with the cache a build filled, nothing changed (the output is
  checked to be byte-identical to the cold build's, sitemaps aside);
- ``serve: first page, fresh clone``: ``git clone`` of this checkout's HEAD, ``uv sync
  --compile-bytecode`` (not timed), then ``uv run mkdocs serve`` until the home page is
  served (cold cache);
- ``serve: all figures and notebooks``: from the same start until the home page and every
  notebook page are served with no figure or notebook still being made (under serve, a
  page may first show a placeholder for one; the server rebuilds when they are done);
- ``serve: warm restart``: ``mkdocs serve`` again in that clone until the home page is served;
- ``serve: page edit to reload``: a sentence appended to a page until the server serves it;
- ``pytest full`` / ``pytest quick``: ``uv run pytest -q`` and ``uv run pytest -q -m "not
  slow"`` in this checkout.

This is not a test (speed goals live here, never in timed tests).
"""

from __future__ import annotations

import argparse
import contextlib
import filecmp
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from rnnsite.figures_ext import PENDING_CLASS

ROOT = Path(__file__).resolve().parents[1]
GOALS = {"cold build": None, "warm build": None, "serve: first page, fresh clone": 10.0,
         "serve: all figures and notebooks": None,
         "serve: warm restart": 5.0, "serve: page edit to reload": 3.0,
         "pytest full": 90.0, "pytest quick": 20.0}
GROUPS = ("build", "serve", "pytest-full", "pytest-quick")
PAGE = "docs/task-1-1/q2-parameters-over-time.md"
SERVE_TIMEOUT = 300.0
# what a page served before its figures or notebook were done shows, and the notebook pages
PENDING = (PENDING_CLASS, "being executed")
NOTEBOOKS = ("task-1-1/notebook/", "task-1-2/notebook/", "task-2-1/notebook/")


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items()
            if k not in ("RNNNOTES_NO_CACHE", "RNNNOTES_CACHE_DIR", "VIRTUAL_ENV")}
    return {**base, "NO_MKDOCS_2_WARNING": "1", **extra}


def load() -> float:
    return os.getloadavg()[0]


def run(cmd: list[str], cwd: Path, **extra: str) -> float:
    """Seconds ``cmd`` took; fails if it fails."""
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env(**extra), capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout[-3000:]}\n"
                 f"{done.stderr[-3000:]}")
    return seconds


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.read().decode("utf-8", "replace") if r.status == 200 else None
    except OSError:
        return None


def wait_for(check: Callable[[], bool], what: str, start: float) -> float:
    while time.perf_counter() - start < SERVE_TIMEOUT:
        if check():
            return time.perf_counter() - start
        time.sleep(0.05)
    sys.exit(f"timed out waiting for {what}")


@contextlib.contextmanager
def serving(clone: Path, **extra: str) -> Iterator[tuple[str, float, subprocess.Popen]]:
    """``uv run mkdocs serve`` in ``clone``: (its URL, seconds to the first page, process)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/rnnnotes/"
    start = time.perf_counter()
    log = open(clone / f"serve-{port}.log", "w")  # noqa: SIM115 (closed below)
    proc = subprocess.Popen(["uv", "run", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                            cwd=clone, env=env(**extra), stdout=log, stderr=log,
                            start_new_session=True)
    try:
        seconds = wait_for(lambda: proc.poll() is None and fetch(url) is not None,
                           "the first page", start)
        yield url, seconds, proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the server and what it started (its session)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def same_site(a: Path, b: Path) -> bool:
    def names(d: Path) -> list[str]:
        return sorted(p.relative_to(d).as_posix() for p in d.rglob("*") if p.is_file()
                      and not p.name.startswith("sitemap.xml"))

    return names(a) == names(b) and all(filecmp.cmp(a / n, b / n, shallow=False)
                                        for n in names(a))


def bench_build(runs: int, tmp: Path) -> dict[str, list[float]]:
    build = ["uv", "run", "--quiet", "mkdocs", "build", "--strict", "-d"]
    cold, warm = [], []
    for i in range(runs):
        cold.append(run([*build, str(tmp / f"cold{i}")], ROOT,
                        RNNNOTES_CACHE_DIR=str(tmp / f"cache{i}")))
    for i in range(runs):
        warm.append(run([*build, str(tmp / f"warm{i}")], ROOT,
                        RNNNOTES_CACHE_DIR=str(tmp / "cache0")))
    if not same_site(tmp / "cold0", tmp / "warm0"):
        sys.exit("a warm build differs from the cold one")
    return {"cold build": cold, "warm build": warm}


def bench_serve(runs: int, tmp: Path) -> dict[str, list[float]]:
    first, complete, restart, reload = [], [], [], []
    for i in range(runs):
        clone = tmp / f"clone{i}"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        run(["uv", "sync", "--quiet", "--compile-bytecode"], clone)
        start = time.perf_counter()
        with serving(clone) as (url, seconds, _):
            first.append(seconds)
            # a first page may show figures and notebooks still being made (placeholders):
            # wait until every one is in (the cache is then warm) before the other figures
            complete.append(wait_for(lambda u=url: all(
                (page := fetch(u + path)) is not None and not any(m in page for m in PENDING)
                for path in ("", *NOTEBOOKS)), "the figures and notebooks", start))
        with serving(clone) as (url, seconds, _):
            restart.append(seconds)
            page = clone / PAGE
            # words only: a digit would be an undeclared number (an error box, not cached)
            marker = f"Benchmark sentence {'abcdefghijklmnopqrstuvwxyz'[i % 26] * 3}."
            page.write_text(page.read_text(encoding="utf-8") + f"\n{marker}\n",
                            encoding="utf-8")
            start = time.perf_counter()
            target = url + PAGE.removeprefix("docs/").removesuffix(".md") + "/"
            reload.append(wait_for(lambda t=target, m=marker: m in (fetch(t) or ""),
                                   "the edited page", start))
        shutil.rmtree(clone, ignore_errors=True)
    return {"serve: first page, fresh clone": first, "serve: all figures and notebooks": complete,
            "serve: warm restart": restart,
            "serve: page edit to reload": reload}


def bench_pytest(runs: int, quick: bool) -> dict[str, list[float]]:
    cmd = ["uv", "run", "--quiet", "pytest", "-q", "-p", "no:cacheprovider"]
    name = "pytest quick" if quick else "pytest full"
    return {name: [run([*cmd, *(["-m", "not slow"] if quick else [])], ROOT)
                   for _ in range(runs)]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--only", default=",".join(GROUPS),
                        help=f"comma-separated groups of {', '.join(GROUPS)}")
    args = parser.parse_args(argv)
    groups = [g.strip() for g in args.only.split(",") if g.strip()]
    unknown = sorted(set(groups) - set(GROUPS))
    if unknown or args.runs < 1:
        parser.error(f"--only takes {', '.join(GROUPS)} (got {', '.join(unknown)}); "
                     f"--runs at least 1 (got {args.runs})")
    print(f"{os.cpu_count()} cores; median of {args.runs} run(s); load = 1-minute load "
          "average before -> after")
    print(f"{'what':<32} {'median':>8} {'runs':>22} {'goal':>6}  load")
    with tempfile.TemporaryDirectory(prefix="rnnnotes-bench-") as tmp:
        for group in groups:
            before = load()
            if group == "build":
                found = bench_build(args.runs, Path(tmp))
            elif group == "serve":
                found = bench_serve(args.runs, Path(tmp))
            else:
                found = bench_pytest(args.runs, quick=group == "pytest-quick")
            after = load()
            for what, times in found.items():
                goal = GOALS[what]
                runs = ", ".join(f"{t:.1f}" for t in times)
                print(f"{what:<32} {statistics.median(times):>7.1f}s {runs:>22} "
                      f"{'' if goal is None else f'{goal:.0f}s':>6}  {before:.1f} -> {after:.1f}",
                      flush=True)
            if group == "build":
                ratio = statistics.median(found["cold build"]) / \
                    statistics.median(found["warm build"])
                print(f"{'cold / warm':<32} {ratio:>7.1f}x {'':>22} {'3x':>6}", flush=True)


if __name__ == "__main__":
    main()
