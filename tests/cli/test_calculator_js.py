"""The calculator page's counting (docs/calculator/counting.js), run under node.

The same table as the CLI's (``calculator_cases.py``): the frameworks' fixtures, random
configurations against ``count_parameters``, the unrolled graph against
``unrolled_weights``, bad inputs naming their field, and garbage that must never show NaN.
The constants come from :func:`rnnsite.calculator_ext.constants`, the function that puts
them into the built page. Skipped (with the reason) only where node is not installed.
"""

from __future__ import annotations

import json
import random
import re
import shlex
import shutil
import subprocess
from dataclasses import asdict
from pathlib import Path

import pytest
from calculator_cases import (
    BAD,
    BAD_UNROLLED,
    CASES,
    GOOD,
    GOOD_UNROLLED,
    query,
    random_configs,
)

from rnnnotes.cli import main
from rnnnotes.counting import count_parameters, unrolled_edges, unrolled_weights
from rnnsite.calculator_ext import constants

ROOT = Path(__file__).resolve().parents[2]
COUNTING_JS = ROOT / "docs" / "calculator" / "counting.js"
HARNESS = Path(__file__).with_name("calc_harness.js")
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

RANDOM = random_configs(300, seed=20240712)


def run_js(requests: list[dict]) -> list[dict]:
    """All requests through one node process (see calc_harness.js)."""
    payload = json.dumps({"constants": constants(), "requests": requests})
    proc = subprocess.run([NODE, str(HARNESS), str(COUNTING_JS)], input=payload,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def shown(v: dict) -> str:
    """Everything a view puts on the page, minus the echo of what the reader typed."""
    echoless = [re.sub(r'got\s".*"\.$', "", e["message"]) for e in v["errors"]]
    return json.dumps([echoless, v["params"], v["unrolled"], v["unrolledNote"]])


def expected_arrays(config: dict) -> list[dict]:
    return [{"name": a.name, "shape": [str(s) for s in a.shape], "count": str(a.count)}
            for a in count_parameters(**config)]


@pytest.fixture(scope="module")
def table_results() -> list[dict]:
    return run_js([{"count": query(c.config)} for c in CASES]
                  + [{"count": query(c)} for c in RANDOM])


def test_table_cases_match_the_frameworks_and_the_package(table_results):
    assert len(table_results) == len(CASES) + len(RANDOM)
    for case, got in zip(CASES, table_results, strict=False):
        assert "errors" not in got, (case.id, got)
        assert got["arrays"] == expected_arrays(case.config), case.id
        assert got["total"] == str(count_parameters(**case.config).total), case.id
        if case.arrays is not None:  # the framework's own answer
            assert [(a["name"], tuple(map(int, a["shape"]))) for a in got["arrays"]] == list(
                case.arrays), case.id
            assert int(got["total"]) == case.total, case.id


def test_random_configurations_match_count_parameters(table_results):
    for config, got in zip(RANDOM, table_results[len(CASES):], strict=True):
        assert got.get("arrays") == expected_arrays(config), config
        assert got["total"] == str(count_parameters(**config).total), config


def test_totals_beyond_two_to_the_53_are_exact(table_results):
    big = [(c, got) for c, got in zip(CASES, table_results, strict=False)
           if count_parameters(**c.config).total > 2**53]
    assert len(big) >= 2
    for case, got in big:
        assert int(got["total"]) == count_parameters(**case.config).total


@pytest.fixture(scope="module")
def views() -> list[dict]:
    return run_js([{"view": query(c) | GOOD_UNROLLED} for c in RANDOM[:100]])


def test_view_total_and_rows_match_the_cli(views, capsys):
    """The page's data-total, its rows, and the command it shows: the CLI agrees on all."""
    for config, v in zip(RANDOM[:100], views, strict=True):
        assert v["errors"] == [] and v["params"] is not None, config
        expected = count_parameters(**config)
        assert v["params"]["total"] == str(expected.total)
        assert v["params"]["totalText"] == f"{expected.total:,}"
        assert v["params"]["rows"] == [[a.name, " × ".join(map(str, a.shape)), f"{a.count:,}"]
                                       for a in expected]
        assert main([*shlex.split(v["params"]["command"])[1:], "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["total"] == expected.total


def random_unrolled(n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    return [dict(input_size=rng.randint(1, 10**5), hidden_size=rng.randint(1, 10**5),
                 output_size=rng.randint(1, 10**5), steps=rng.randint(1, 10**6),
                 recurrence=rng.choice(("per-unit", "full")), bias=rng.random() < 0.5,
                 initial_state=rng.random() < 0.5) for _ in range(n)]


def test_unrolled_matches_unrolled_weights_and_the_cli(capsys):
    configs = random_unrolled(100, seed=11)
    raws = [GOOD | {k: str(c[k]) for k in ("input_size", "hidden_size", "output_size", "steps")}
            | {"recurrence": c["recurrence"], "unrolled_bias": str(int(c["bias"])),
               "initial_state": str(int(c["initial_state"]))} for c in configs]
    for c, v in zip(configs, run_js([{"view": r} for r in raws]), strict=True):
        u = unrolled_weights(**c)
        assert v["unrolled"]["total"] == str(u.total), c
        counts = [int(row[2].replace(",", "")) for row in v["unrolled"]["rows"]]
        assert counts == [u.input_to_hidden, u.hidden_to_hidden, u.hidden_to_output] + (
            [u.biases] if u.bias else [])
        assert main([*shlex.split(v["unrolled"]["command"])[1:], "--json"]) == 0
        assert json.loads(capsys.readouterr().out) == asdict(u)


def test_defaults_are_the_packages():
    """Fields left out of a link take count_parameters' / unrolled_weights' defaults: the
    unrolled graph starts with the full matrix of a standard Elman RNN (its edges counted
    one by one here), and the command shown needs no option for it; the student's per-unit
    reading is one choice away, and its command names it."""
    [v, chosen] = run_js([{"view": {"cell": "gru", "input_size": "5", "hidden_size": "7",
                                    "steps": "3", "output_size": "2", **extra}}
                          for extra in ({}, {"recurrence": "per-unit"})])
    assert v["errors"] == [] and chosen["errors"] == []
    assert v["params"]["total"] == str(count_parameters("gru", 5, 7, output_size=2).total)
    assert v["unrolled"]["total"] == str(len(unrolled_edges(5, 7, 2, 3, recurrence="full")))
    assert "--recurrence" not in v["unrolled"]["command"]
    assert chosen["unrolled"]["total"] == \
        str(len(unrolled_edges(5, 7, 2, 3, recurrence="per-unit")))
    assert "--recurrence per-unit" in chosen["unrolled"]["command"]
    assert v["unrolled"]["total"] != chosen["unrolled"]["total"]


def test_zero_or_empty_projection_and_output_mean_none():
    base = {"cell": "lstm", "input_size": "5", "hidden_size": "7"}
    got = run_js([{"view": base | {"proj_size": p, "output_size": k}}
                  for p in ("0", "", " ") for k in ("0", "")])
    assert {v["params"]["total"] for v in got} == {str(count_parameters("lstm", 5, 7).total)}


@pytest.fixture(scope="module")
def bad_views() -> dict[str, dict]:
    """Every bad row of both tables through one node process."""
    rows = [("count", b) for b in BAD] + [("unrolled", b) for b in BAD_UNROLLED]
    got = run_js([{"view": GOOD | GOOD_UNROLLED | b.changes} for _, b in rows])
    return {f"{table}-{b.id}": v for (table, b), v in zip(rows, got, strict=True)}


@pytest.mark.parametrize("bad", BAD, ids=lambda b: b.id)
def test_bad_input_names_its_field(bad_views, bad):
    v = bad_views[f"count-{bad.id}"]
    assert [e["field"] for e in v["errors"]] == [bad.field]
    assert v["params"] is None  # no total shown for bad input
    assert all(e["message"] for e in v["errors"]) and "NaN" not in shown(v)


@pytest.mark.parametrize("bad", BAD_UNROLLED, ids=lambda b: b.id)
def test_bad_unrolled_input_names_its_field(bad_views, bad):
    v = bad_views[f"unrolled-{bad.id}"]
    assert [e["field"] for e in v["errors"]] == [bad.field]
    assert v["unrolled"] is None


def test_the_unrolled_graph_without_steps_or_output_is_a_note_not_an_error():
    got = run_js([{"view": GOOD | GOOD_UNROLLED | change}
                  for change in ({"steps": ""}, {"output_size": "0"}, {"output_size": ""})])
    for v in got:
        assert v["errors"] == [] and v["params"] is not None
        assert v["unrolled"] is None and v["unrolledNote"]


def test_valid_input_has_no_error_and_no_note():
    [v] = run_js([{"view": GOOD | GOOD_UNROLLED}])
    assert v["errors"] == [] and v["unrolledNote"] is None
    assert v["params"] and v["unrolled"]


def test_garbage_never_shows_nan_or_undefined():
    """Random strings in every field: an error per bad field, or exact digit totals."""
    rng = random.Random(5)
    pieces = ["", " ", "0", "1", "-1", "7", "1e3", "NaN", "Infinity", "2.5", "0x1f", "abc",
              "１２", "9" * 40, "lstm", "gru", "keras", "full", "null", "undefined", "<b>"]
    fields = list(GOOD) + list(GOOD_UNROLLED)
    raws = [{f: rng.choice(pieces + [GOOD.get(f, GOOD_UNROLLED.get(f, ""))] * 6)
             for f in fields} for _ in range(400)]
    for raw, v in zip(raws, run_js([{"view": r} for r in raws]), strict=True):
        assert "NaN" not in shown(v) and "undefined" not in shown(v), (raw, v)
        for part in (v["params"], v["unrolled"]):
            if part is not None:
                assert part["total"].isdigit() and part["total"].isascii(), (raw, v)
        if v["params"] is None:
            assert v["errors"], raw
