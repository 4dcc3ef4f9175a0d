"""``rnnnotes count`` against the frameworks' fixtures and against ``count_parameters``.

The table (``calculator_cases.py``) is checked three ways here: the case's configuration
against the framework's own arrays (so the table itself is right), the CLI's ``--json``
against the framework, and the CLI's table output against ``count_parameters``.
"""

from __future__ import annotations

import json
import math
import re

import pytest
from calculator_cases import CASES, argv, random_configs

from rnnnotes.cli import main
from rnnnotes.counting import count_parameters

RANDOM = random_configs(300, seed=20240711)


def run_json(capsys, args: list[str]) -> dict:
    assert main([*args, "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return json.loads(out)


def check_json_invariants(got: dict) -> None:
    """``count`` is the product of ``shape``; the counts add up to ``total``; all plain ints."""
    assert type(got["total"]) is int
    for a in got["arrays"]:
        assert set(a) == {"name", "shape", "count"}
        assert all(type(s) is int and s >= 1 for s in a["shape"]), a
        assert type(a["count"]) is int and a["count"] == math.prod(a["shape"]), a
    assert sum(a["count"] for a in got["arrays"]) == got["total"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_table_case_matches_the_package(case):
    counted = count_parameters(**case.config)
    if case.arrays is not None:  # the framework's own names, shapes and total
        assert [(a.name, a.shape) for a in counted] == list(case.arrays)
        assert counted.total == case.total


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_cli_json_matches_the_framework(capsys, case):
    got = run_json(capsys, argv(case.config))
    check_json_invariants(got)
    expected = count_parameters(**case.config)
    if case.arrays is not None:
        assert [(a["name"], tuple(a["shape"])) for a in got["arrays"]] == list(case.arrays)
        assert got["total"] == case.total
    assert got["total"] == expected.total
    assert {k: got[k] for k in case.config} == case.config  # the arguments, echoed


@pytest.mark.parametrize("config", RANDOM, ids=lambda c: f"{RANDOM.index(c):03d}")
def test_cli_json_matches_count_parameters_on_random_configurations(capsys, config):
    got = run_json(capsys, argv(config))
    check_json_invariants(got)
    expected = count_parameters(**config)
    assert got["arrays"] == [{"name": a.name, "shape": list(a.shape), "count": a.count}
                             for a in expected]
    assert got["total"] == expected.total


def parse_table(text: str) -> list[list[str]]:
    """Rows of the text table: cells are separated by two spaces or more."""
    return [re.split(r"\s{2,}", line.strip()) for line in text.splitlines()]


@pytest.mark.parametrize("config", RANDOM[:60], ids=lambda c: f"{RANDOM.index(c):03d}")
def test_cli_table_lists_every_array_and_the_total(capsys, config):
    assert main(argv(config)) == 0
    out, err = capsys.readouterr()
    assert err == ""
    header, *rows, total = parse_table(out)
    expected = count_parameters(**config)
    assert header == ["array", "shape", "count"]
    assert rows == [[a.name, " × ".join(map(str, a.shape)), f"{a.count:,}"] for a in expected]
    assert total == ["total", f"{expected.total:,}"]


def test_absent_and_zero_mean_none(capsys):
    """--proj-size 0 / --output-size 0 are the same as leaving them out."""
    base = ["count", "lstm", "--input-size", "7", "--hidden-size", "9"]
    assert run_json(capsys, base) == run_json(
        capsys, [*base, "--proj-size", "0", "--output-size", "0"])
    assert run_json(capsys, base)["output_size"] is None


@pytest.mark.parametrize("convention", ["pytorch", "keras"])
def test_no_bias_removes_every_bias_the_dense_layers_too(capsys, convention):
    args = ["count", "gru", "--input-size", "7", "--hidden-size", "9", "--num-layers", "2",
            "--bidirectional", "--output-size", "4", "--convention", convention]
    with_bias = run_json(capsys, args)["arrays"]
    without = run_json(capsys, [*args, "--no-bias"])["arrays"]
    assert [a for a in with_bias if "bias" not in a["name"]] == without
    assert any(a["name"] in ("fc.bias", "dense/bias") for a in with_bias)


def test_keras_gru_defaults_to_reset_after(capsys):
    args = ["count", "gru", "--input-size", "7", "--hidden-size", "9", "--convention", "keras"]
    default, after = run_json(capsys, args), run_json(capsys, [*args, "--reset-after"])
    before = run_json(capsys, [*args, "--no-reset-after"])
    assert default == after and default["reset_after"] is True
    assert default["total"] == count_parameters("gru", 7, 9, convention="keras").total
    assert before["total"] == count_parameters("gru", 7, 9, convention="keras",
                                               reset_after=False).total
    assert default["total"] - before["total"] == 3 * 9  # the second bias vector
