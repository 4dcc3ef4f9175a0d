"""Acceptance: changing one digit of a number a reader sees makes the page fail its checks.

For every page, every maximal digit run outside the setup block, the markers and code
fences gets its last digit changed (d -> d + 1 mod 10).  A mutation counts if it changes
what the reader sees (the rendered text, attributes and math, code excluded) and is not in
the subscript or superscript of a math symbol (notation, exempt by design).  At least 95%
of the counted mutations of every page must fail a check, and every digit of the seed's
results (19,712 and 39,552) must.

The default run takes a deterministic sample of at most ``SAMPLE`` digit runs per page (and
every seed result), to keep ``pytest`` fast; ``RNNNOTES_MUTATION=full`` mutates every run
(CI does), each page's mutations split across one process per core.

Between runs, a sampled page's result is kept the build cache's way (:mod:`livedocs.cache`,
under ``.cache/tests/``): stored under a hash of every file of the folders and files in
``KEYED`` (the code, the pages, the tests and their fixtures, the config) and of ``uv.lock``
and the Python version, so any change to any of them checks the page again; a result is
stored only if every file the check read lies in ``KEYED`` (:func:`livedocs.cache.reads`).
``RNNNOTES_NO_CACHE=1`` turns it off (CI runs cold, and runs every digit).
"""

from __future__ import annotations

import json
import os
import random
import re
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import matplotlib
import pytest

from livedocs import memo
from livedocs.cache import BuildCache, enabled, reads, tracked
from livedocs.checker.reading import read_html
from livedocs.render import PAGE_SUFFIXES, render_page
from livedocs.tex.read import read_span
from rnnsite.answer_pages import READER as ANSWER_PAGES

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = 10
SPLIT = 40  # a full run checks a page with this many positions or more in parallel
FULL = os.environ.get("RNNNOTES_MUTATION") == "full"
SEED_RESULTS = re.compile(r"19(?:,|\{,\})?712|39(?:,|\{,\})?552")
KEYED = ("rnnnotes", "livedocs", "rnnsite", "docs", "tests", "overrides", "conftest.py",
         "mkdocs.yml", "pyproject.toml", "releases.toml")
RESULTS = BuildCache(ROOT, KEYED, ROOT / ".cache" / "tests")
_SKIP = re.compile(r"<!-- live:setup.*?-->|<!--=.*?-->|<!--notation-->|```.*?```"
                   r"|^:::[ \t]+\S[^\n]*(?:\n[ \t]+\S[^\n]*)*", re.S | re.M)  # and mkdocstrings'



def visible(html: str) -> tuple[str, frozenset[str]]:
    """What a reader sees (text, attributes, math), and the exempt script digits' texts."""
    segs = read_html(html).segments
    shown = "\x00".join(s.text for s in segs if s.kind in ("text", "attr", "math"))
    exempt = frozenset(n.text for s in segs if s.kind == "math"
                       for n in read_span(s.text).nums if n.exempt)
    return shown, exempt


def digit_runs(text: str) -> list[tuple[int, int]]:
    skipped = [(m.start(), m.end()) for m in _SKIP.finditer(text)]
    return [(m.start(), m.end()) for m in re.finditer(r"\d+", text)
            if not any(a <= m.start() < b for a, b in skipped)]


def mutate(text: str, i: int) -> str:
    return text[:i] + str((int(text[i]) + 1) % 10) + text[i + 1:]


def survivors(page: str) -> tuple[int, list[str], list[str]]:
    """(counted mutations, survivors, surviving seed-result mutations) of one page."""
    text = (ROOT / page).read_text(encoding="utf-8")
    base = memo.rendered(text, page)  # the page's own render, shared with other tests
    assert base.report is not None and base.report.ok, "the page fails already"
    shown, exempt = visible(base.html)
    runs = digit_runs(text)
    seed = [(a, b) for m in SEED_RESULTS.finditer(text) for a, b in runs
            if m.start() <= a < m.end()]
    if not FULL and len(runs) > SAMPLE:
        runs = sorted(random.Random(page).sample(runs, SAMPLE))
    positions = sorted({b - 1 for _, b in runs} | {i for a, b in seed for i in range(a, b)})
    workers = (os.cpu_count() or 1) if FULL and len(positions) >= SPLIT else 1
    if workers <= 1:  # the setup block's namespace: the one the page's render made
        return _check(page, text, positions, shown, exempt, seed,
                      memo.setup_cache(text, page))
    # The full run: the positions in one chunk per core, each in a process of its own.
    chunks = [positions[k::workers] for k in range(workers)]
    parts = list(_pool(workers).map(_check, *zip(*[(page, text, c, shown, exempt, seed)
                                                   for c in chunks], strict=True)))
    return (sum(p[0] for p in parts), sorted(a for p in parts for a in p[1]),
            sorted(a for p in parts for a in p[2]))


_POOL: list[ProcessPoolExecutor] = []
# In a pool's process: the setup caches of the pages it checked (keyed by page, setup line
# and text: a mutation never changes the setup block, so each runs once per process).
_SETUPS: dict = {}


def _pool(workers: int) -> ProcessPoolExecutor:
    """The full run's processes (fresh ones, spawned), started once per test process and
    kept for every page: each imports the checker once and keeps each page's setup."""
    if not _POOL:
        _POOL.append(ProcessPoolExecutor(workers, mp_context=get_context("spawn")))
    return _POOL[0]


@pytest.fixture(scope="module", autouse=True)
def _close_pool():
    yield
    while _POOL:
        _POOL.pop().shutdown()


def _check(page: str, text: str, positions: list[int], shown: str, exempt: frozenset[str],
           seed: list[tuple[int, int]], cache: dict | None = None
           ) -> tuple[int, list[str], list[str]]:
    """(counted mutations, survivors, surviving seed-result mutations) at ``positions``.
    ``cache``: the page's setup cache, if this process has it (else this process's own)."""
    counted, alive, alive_seed = 0, [], []
    # mutations never touch the setup block (it is skipped): run it once
    cache = _SETUPS if cache is None else cache
    for i in positions:
        mutated = mutate(text, i)
        try:
            r = render_page(mutated, page, setup_cache=cache)
        except ValueError:  # the site's own extensions refuse the page (a label that no
            counted += 1    # longer names its quote): the build fails, the change is caught
            continue
        seen, _ = visible(r.html)
        if seen == shown:
            continue  # not something a reader sees
        line = text.count("\n", 0, i) + 1
        run = re.search(r"\d+$", text[:i + 1]).group() + re.match(r"\d*", text[i + 1:]).group()
        if run in exempt and r.report is not None and r.report.ok:
            continue  # a script digit of a math symbol: notation
        counted += 1
        if r.report is not None and r.report.ok:
            alive.append(f"{page}:{line}: {run}")
            if any(a <= i < b for a, b in seed):
                alive_seed.append(f"{page}:{line}: {run}")
    return counted, alive, alive_seed


def _pages() -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*")
                  if p.suffix in PAGE_SUFFIXES)


# Reads a key needs not cover: the site's build cache (entries named by a hash of the
# same code and inputs), matplotlib's font list (made from the installed packages' fonts),
# the time zone data; and readers that ask not to be recorded because they read answer
# pages' front matter (docs/, keyed).
DERIVED = (ROOT / ".cache" / "rnnsite", Path("/usr/share/zoneinfo"))
UNKEYED_OK = {ANSWER_PAGES}


def keyed(path: str) -> bool:
    """Whether a file read is covered by every result's key: it lies in ``KEYED`` or is
    ``uv.lock``, it is derived from what is (``DERIVED``, matplotlib's cache), or it did
    not exist (nothing was read)."""
    where = Path(path).resolve()
    if not where.exists():
        return True
    if any(where.is_relative_to(d) for d in (*DERIVED, Path(matplotlib.get_cachedir()))):
        return True
    try:
        name = where.relative_to(ROOT).as_posix()
    except ValueError:
        return False
    return name == "uv.lock" or any(name == k or name.startswith(k + "/") for k in KEYED)


def remembered(page: str) -> tuple[int, list[str], list[str]]:
    """:func:`survivors` of a sampled run, from an earlier run when nothing it can read
    changed since (see the module docstring)."""
    if FULL or not enabled():
        return survivors(page)
    digest = RESULTS.code_digest()
    key = RESULTS.key("mutation", digest, [page, str(SAMPLE)])
    data = RESULTS.get("mutation", key)
    if data is not None:
        counted, alive, alive_seed = json.loads(data)
        return counted, alive, alive_seed
    with reads() as read:
        result = survivors(page)
    if read.unkeyed <= UNKEYED_OK and all(keyed(p) for p in read if tracked(p)):
        RESULTS.put("mutation", key, json.dumps(result).encode(), digest)
    return result


@pytest.mark.parametrize("page", _pages())
def test_changing_a_digit_fails_the_page(page: str) -> None:
    counted, alive, alive_seed = remembered(page)
    assert alive_seed == []
    if counted:
        assert len(alive) <= 0.05 * counted, alive


def test_the_seed_results_are_on_the_pages() -> None:
    text = (ROOT / "docs/task-1-1/q1-unrolled-weights.md").read_text(encoding="utf-8")
    assert len(SEED_RESULTS.findall(text)) >= 4
