"""``rnnnotes unrolled`` against ``unrolled_weights`` and against the materialised graph."""

from __future__ import annotations

import json
import random
import re
from dataclasses import asdict

import pytest

from rnnnotes.cli import main
from rnnnotes.counting import unrolled_edges, unrolled_weights


def random_unrolled(n: int, seed: int, big: bool) -> list[dict]:
    rng = random.Random(seed)
    size = (lambda: rng.randint(1, 10**6)) if big else (lambda: rng.randint(1, 9))
    return [dict(input_size=size(), hidden_size=size(), output_size=size(),
                 steps=rng.randint(1, 10**4 if big else 12),
                 recurrence=rng.choice(("per-unit", "full")), bias=rng.random() < 0.5,
                 initial_state=rng.random() < 0.5) for _ in range(n)]


SMALL = random_unrolled(80, seed=7, big=False)
BIG = random_unrolled(40, seed=8, big=True)


def args(c: dict) -> list[str]:
    out = ["unrolled", "--input-size", str(c["input_size"]), "--hidden-size",
           str(c["hidden_size"]), "--output-size", str(c["output_size"]),
           "--steps", str(c["steps"]), "--recurrence", c["recurrence"]]
    out += ["--bias"] if c["bias"] else []
    out += ["--initial-state"] if c["initial_state"] else []
    return out


def run(capsys, argv: list[str]) -> str:
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


@pytest.mark.parametrize("c", SMALL, ids=lambda c: f"{SMALL.index(c):02d}")
def test_json_total_is_the_number_of_materialised_edges(capsys, c):
    got = json.loads(run(capsys, [*args(c), "--json"]))
    sizes = (c["input_size"], c["hidden_size"], c["output_size"], c["steps"])
    flags = {k: c[k] for k in ("recurrence", "bias", "initial_state")}
    assert got["total"] == len(unrolled_edges(*sizes, **flags))  # built edge by edge
    assert got == asdict(unrolled_weights(*sizes, **flags))


@pytest.mark.parametrize("c", SMALL[:20] + BIG, ids=lambda c: f"{c['steps']}-{c['hidden_size']}")
def test_table_products_evaluate_to_their_counts(capsys, c):
    """Each row's product, read back as arithmetic, is its count; the rows add up."""
    header, *rows, total = [re.split(r"\s{2,}", line.strip())
                            for line in run(capsys, args(c)).splitlines()]
    assert header == ["edges", "product", "count"]
    counts = []
    for name, product, count in rows:
        value = eval(product.replace("×", "*"), {"__builtins__": {}})  # digits, + * ( )
        assert f"{value:,}" == count, name
        counts.append(value)
    u = unrolled_weights(c["input_size"], c["hidden_size"], c["output_size"], c["steps"],
                         recurrence=c["recurrence"], bias=c["bias"],
                         initial_state=c["initial_state"])
    assert total == ["total", f"{u.total:,}"] and sum(counts) == u.total
    assert [r[0] for r in rows] == ["input → hidden", "hidden → hidden", "hidden → output"] + (
        ["biases"] if c["bias"] else [])


def test_defaults_are_the_packages(capsys):
    base = ["unrolled", "--input-size", "3", "--hidden-size", "4", "--output-size", "2",
            "--steps", "5"]
    got = json.loads(run(capsys, [*base, "--json"]))
    assert got == asdict(unrolled_weights(3, 4, 2, 5))
    assert got == json.loads(run(capsys, [*base, "--recurrence", "full", "--no-bias",
                                          "--no-initial-state", "--json"]))
