"""The work units of a parallel run (tests/conftest.py's ``Scopes``), as the workers run them.

xdist names a test to a worker by its index in the worker's own collection. These tests
play two workers with a collection in pytest's order: they follow the indexes the scheduler
sends to the tests each worker would run, and check that every test runs once, that a
file's tests (its module fixtures) stay on one worker, that ``EACH_TEST`` files are split
test by test, and that the ``FIRST`` files go out first and the browser tests last.
"""

from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace

import pytest

from tests.conftest import BY_PARAMETER, EACH_TEST, FIRST, _scopes_class

BROWSER = "tests/browser/test_browser_x.py"
BY_ID = next(f for f, parts in BY_PARAMETER.items() if parts is None)  # a unit per id
BY_FIRST = next(f for f, parts in BY_PARAMETER.items() if parts == 1)  # per id's first part
COLLECTION = [  # pytest's order: by path; the browser tests are not last by name
    *(f"tests/a/test_a.py::test_{i}" for i in range(5)),
    *(f"{BROWSER}::test_{i}[view-{i % 2}]" for i in range(6)),
    *(f"{EACH_TEST[0]}::test_{i}" for i in range(3)),
    *(f"{FIRST[0]}::test_{i}" for i in range(2)),
    *(f"tests/z/test_z.py::test_{i}" for i in range(4)),
    *(f"{BY_ID}::test_{i // 2}[p{i % 2}-x]" for i in range(6)),
    *(f"{BY_FIRST}::test_{i // 2}[f{i % 2}{'-dark' if i >= 4 else ''}]" for i in range(8)),
]


def unit_of(nodeid: str) -> str:
    """The parameter that names a ``BY_PARAMETER`` test's unit: its whole id, or the id's
    first part (``f0`` and ``f0-dark`` one unit)."""
    param = nodeid.rpartition("[")[2].removesuffix("]")
    return param if file_of(nodeid) == BY_ID else param.split("-")[0]


class Worker:
    """What the scheduler sees of a worker; ``ran`` is what the worker itself would run:
    the tests at the indexes it was sent, in its own collection."""

    def __init__(self, name: str, collection: list[str]):
        self.gateway = SimpleNamespace(id=name)
        self.collection = collection
        self.shutting_down = False
        self.sent: list[int] = []

    def send_runtest_some(self, indexes):
        self.sent.extend(indexes)

    def shutdown(self):
        self.shutting_down = True

    @property
    def ran(self) -> list[str]:
        return [self.collection[i] for i in self.sent]


def run(collection: list[str]) -> list[Worker]:
    """Schedule ``collection`` on two workers and complete every test each was sent, one
    after the other, until the scheduler has nothing left."""
    option = SimpleNamespace(tx=["popen", "popen"], numprocesses=2, dist="loadfile",
                             loadscopereorder=True, maxworkerrestart=None)
    config = SimpleNamespace(option=option, getvalue=lambda name: getattr(option, name),
                             getoption=lambda name: getattr(option, name))
    scheduler = _scopes_class()(config)
    workers = [Worker(f"gw{i}", list(collection)) for i in range(2)]
    for worker in workers:
        scheduler.add_node(worker)
        scheduler.add_node_collection(worker, worker.collection)
    scheduler.schedule()
    done = {w: 0 for w in workers}
    while any(done[w] < len(w.sent) for w in workers):
        for worker in workers:
            if done[worker] < len(worker.sent):
                scheduler.mark_test_complete(worker, worker.sent[done[worker]])
                done[worker] += 1
    return workers


def file_of(nodeid: str) -> str:
    return nodeid.partition("::")[0]


def test_each_test_runs_once_and_a_files_tests_on_one_worker():
    workers = run(COLLECTION)
    ran = [n for w in workers for n in w.ran]
    assert sorted(ran) == sorted(COLLECTION)  # every test, once
    on = defaultdict(set)
    for worker in workers:
        for nodeid in worker.ran:
            on[file_of(nodeid)].add(worker.gateway.id)
    split = {f for f, names in on.items() if len(names) > 1}
    assert split <= {EACH_TEST[0], *BY_PARAMETER}, split  # only these may be split
    by_parameter = defaultdict(set)  # ... and those by their parameter only
    for worker in workers:
        for nodeid in worker.ran:
            if file_of(nodeid) in BY_PARAMETER:
                by_parameter[file_of(nodeid), unit_of(nodeid)].add(worker.gateway.id)
    assert len(by_parameter) == 4 and all(len(w) == 1 for w in by_parameter.values()), \
        by_parameter
    assert all(len(w.ran) > 0 for w in workers)


def test_first_files_go_out_first_and_browser_tests_last():
    workers = run(COLLECTION)
    firsts = [file_of(w.ran[0]) for w in workers]
    assert FIRST[0] in firsts or EACH_TEST[0] in firsts, firsts
    for worker in workers:
        files = [file_of(n) for n in worker.ran]
        if BROWSER in files:  # nothing else after the browser tests start
            assert set(files[files.index(BROWSER):]) == {BROWSER}, files


@pytest.mark.parametrize("order", ["as collected", "reversed"])
def test_what_a_worker_runs_is_what_it_was_given(order):
    """The scheduler's record of a worker's tests (by scope) is the tests it ran."""
    collection = COLLECTION if order == "as collected" else COLLECTION[::-1]
    for worker in run(collection):
        files = {file_of(n) for n in worker.ran}
        assert files, worker.gateway.id
        for f in files - set(EACH_TEST) - set(BY_PARAMETER):  # a whole file, or none
            assert {n for n in worker.ran if file_of(n) == f} == \
                {n for n in collection if file_of(n) == f}
