"""One table of counting cases for the CLI, the calculator's JS and (later) the page.

- :data:`CASES`: every configuration of the committed PyTorch and Keras reference fixtures
  (``tests/fixtures/torch_counts.json``, ``keras_counts.json``; the frameworks' own names,
  shapes and totals), then a few configurations the fixtures do not reach (totals beyond
  2**53, which a float would round; a dense layer without biases).
- :func:`random_configs`: seeded random configurations over the whole valid space; their
  reference is ``count_parameters`` (itself held to the fixtures).
- :data:`BAD` / :data:`BAD_UNROLLED`: bad inputs, as the page's query string would carry
  them, with the one field each must be blamed on. ``cli=False`` rows cannot be typed on
  the command line (a switch there is present or absent, never ``2``).

:func:`argv` and :func:`query` turn a configuration into CLI arguments and into the page's
inputs (strings), so every consumer reads the same table.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from rnnnotes.cli import MAX_LAYERS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TORCH = json.loads((FIXTURES / "torch_counts.json").read_text(encoding="utf-8"))
KERAS = json.loads((FIXTURES / "keras_counts.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Case:
    """A configuration (``count_parameters``' keywords) and, if known, the framework's answer."""

    id: str
    config: dict
    arrays: tuple[tuple[str, tuple[int, ...]], ...] | None = None  # framework's own
    total: int | None = None  # framework's own


def _config(case: dict, convention: str) -> dict:
    return dict(
        cell=case["cell"], input_size=case["input_size"], hidden_size=case["hidden_size"],
        num_layers=case["num_layers"], bias=case["bias"], bidirectional=case["bidirectional"],
        proj_size=case.get("proj_size", 0), output_size=case["output_size"],
        convention=convention, reset_after=case.get("reset_after", True),
    )


def case_id(config: dict) -> str:
    c = config
    parts = [c["convention"], c["cell"], f"D{c['input_size']}", f"H{c['hidden_size']}",
             f"L{c['num_layers']}", "bi" if c["bidirectional"] else "uni",
             "bias" if c["bias"] else "nobias"]
    if c["proj_size"]:
        parts.append(f"p{c['proj_size']}")
    if c["convention"] == "keras" and c["cell"] == "gru":
        parts.append("after" if c["reset_after"] else "before")
    parts.append(f"K{c['output_size']}")
    return "-".join(parts)


def _fixture_cases() -> list[Case]:
    cases = []
    for ref, convention, name_at in ((TORCH, "pytorch", 0), (KERAS, "keras", 1)):
        for case in ref["cases"]:
            config = _config(case, convention)
            arrays = tuple((a[name_at], tuple(a[-1])) for a in case["arrays"])
            cases.append(Case(case_id(config), config, arrays, case["total"]))
    return cases


def _extra(**kw) -> Case:
    config = dict(num_layers=1, bias=True, bidirectional=False, proj_size=0, output_size=None,
                  convention="pytorch", reset_after=True) | kw
    return Case(case_id(config), config)


EXTRA = [
    # Beyond 2**53: a JS Number would round these totals; the page counts in BigInt.
    _extra(cell="lstm", input_size=123_456_789, hidden_size=98_765_431, output_size=7),
    _extra(cell="gru", input_size=10**9, hidden_size=10**9 + 7, num_layers=3,
           bidirectional=True, convention="keras", reset_after=False, output_size=10**6),
    # A dense layer without biases, and a projection one less than the hidden size.
    _extra(cell="rnn", input_size=20, hidden_size=128, output_size=10, bias=False),
    _extra(cell="lstm", input_size=3, hidden_size=5, proj_size=4, num_layers=3,
           bidirectional=True, output_size=2, bias=False),
    # The largest stack the CLI and the page accept.
    _extra(cell="rnn", input_size=1, hidden_size=1, num_layers=MAX_LAYERS),
]

CASES: list[Case] = _fixture_cases() + EXTRA


def random_configs(n: int, seed: int) -> list[dict]:
    """``n`` valid configurations drawn over every option (both conventions)."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        cell = rng.choice(("rnn", "lstm", "gru"))
        convention = rng.choice(("pytorch", "keras"))
        hidden = rng.choice((1, 2, rng.randint(1, 64), rng.randint(1, 4096)))
        proj = rng.randint(0, hidden - 1) if (
            cell == "lstm" and convention == "pytorch" and hidden > 1 and rng.random() < 0.4
        ) else 0
        out.append(dict(
            cell=cell, input_size=rng.choice((1, rng.randint(1, 64), rng.randint(1, 10**4))),
            hidden_size=hidden, num_layers=rng.randint(1, 4),
            bias=rng.random() < 0.7, bidirectional=rng.random() < 0.5, proj_size=proj,
            output_size=rng.choice((None, None, 1, rng.randint(1, 1000))),
            convention=convention,
            reset_after=convention == "pytorch" or rng.random() < 0.5,
        ))
    return out


def argv(config: dict) -> list[str]:
    """``rnnnotes count`` arguments for a configuration (defaults left out where they are)."""
    c = config
    args = ["count", c["cell"], "--input-size", str(c["input_size"]),
            "--hidden-size", str(c["hidden_size"]), "--num-layers", str(c["num_layers"])]
    args += ["--bidirectional"] if c["bidirectional"] else []
    args += ["--proj-size", str(c["proj_size"])] if c["proj_size"] else []
    args += ["--output-size", str(c["output_size"])] if c["output_size"] else []
    args += [] if c["bias"] else ["--no-bias"]
    args += ["--convention", c["convention"]]
    args += [] if c["reset_after"] else ["--no-reset-after"]
    return args


def query(config: dict) -> dict[str, str]:
    """The page's inputs for a configuration, as strings (its query string)."""
    c = config
    return dict(
        cell=c["cell"], input_size=str(c["input_size"]), hidden_size=str(c["hidden_size"]),
        num_layers=str(c["num_layers"]), bidirectional="1" if c["bidirectional"] else "0",
        proj_size=str(c["proj_size"]), output_size=str(c["output_size"] or 0),
        bias="1" if c["bias"] else "0", convention=c["convention"],
        reset_after="1" if c["reset_after"] else "0",
    )


@dataclass(frozen=True)
class Bad:
    """Bad input: ``changes`` to :data:`GOOD` (query strings); ``field`` is to blame."""

    id: str
    changes: dict[str, str]
    field: str
    cli: bool = True  # expressible as rnnnotes arguments


GOOD = query(dict(cell="lstm", input_size=20, hidden_size=128, num_layers=1, bias=True,
                  bidirectional=False, proj_size=0, output_size=10, convention="pytorch",
                  reset_after=True))

BAD = [
    Bad("hidden-zero", {"hidden_size": "0"}, "hidden_size"),
    Bad("input-zero", {"input_size": "0"}, "input_size"),
    Bad("input-negative", {"input_size": "-3"}, "input_size"),
    Bad("input-exponent", {"input_size": "1e3"}, "input_size"),
    Bad("input-fraction", {"input_size": "2.5"}, "input_size"),
    Bad("input-hex", {"input_size": "0x10"}, "input_size"),
    Bad("input-underscore", {"input_size": "1_000"}, "input_size"),
    Bad("input-word", {"input_size": "abc"}, "input_size"),
    Bad("input-empty", {"input_size": ""}, "input_size"),
    Bad("hidden-nan", {"hidden_size": "NaN"}, "hidden_size"),
    Bad("layers-zero", {"num_layers": "0"}, "num_layers"),
    Bad("layers-too-many", {"num_layers": str(MAX_LAYERS + 1)}, "num_layers"),
    Bad("proj-equal-hidden", {"proj_size": "128"}, "proj_size"),
    Bad("proj-above-hidden", {"proj_size": "200"}, "proj_size"),
    Bad("proj-gru", {"cell": "gru", "proj_size": "5"}, "proj_size"),
    Bad("proj-rnn", {"cell": "rnn", "proj_size": "5"}, "proj_size"),
    Bad("proj-keras", {"convention": "keras", "proj_size": "5"}, "proj_size"),
    Bad("proj-negative", {"proj_size": "-1"}, "proj_size"),
    Bad("output-negative", {"output_size": "-1"}, "output_size"),
    Bad("output-word", {"output_size": "ten"}, "output_size"),
    Bad("cell-unknown", {"cell": "foo"}, "cell"),
    Bad("cell-case", {"cell": "LSTM"}, "cell"),
    Bad("convention-unknown", {"convention": "tf"}, "convention"),
    Bad("reset-before-pytorch", {"cell": "gru", "reset_after": "0"}, "reset_after"),
    Bad("bias-two", {"bias": "2"}, "bias", cli=False),
    Bad("bidirectional-yes", {"bidirectional": "yes"}, "bidirectional", cli=False),
]

# The unrolled graph's own fields; it takes input, hidden and output sizes from GOOD.
GOOD_UNROLLED = dict(steps="5", recurrence="per-unit", unrolled_bias="0", initial_state="0")

BAD_UNROLLED = [
    Bad("steps-zero", {"steps": "0"}, "steps"),
    Bad("steps-word", {"steps": "five"}, "steps"),
    Bad("steps-negative", {"steps": "-5"}, "steps"),
    Bad("recurrence-unknown", {"recurrence": "diagonal"}, "recurrence"),
    Bad("hidden-zero", {"hidden_size": "0"}, "hidden_size"),
    Bad("input-exponent", {"input_size": "2e1"}, "input_size"),
    Bad("unrolled-bias-two", {"unrolled_bias": "2"}, "unrolled_bias", cli=False),
    Bad("initial-state-word", {"initial_state": "true"}, "initial_state", cli=False),
]

# The unrolled graph's page fields and their options on `rnnnotes unrolled`.
UNROLLED_OPTIONS = {"input_size": "--input-size", "hidden_size": "--hidden-size",
                    "output_size": "--output-size", "steps": "--steps",
                    "recurrence": "--recurrence"}


def bad_argv(bad: Bad) -> list[str]:
    """``rnnnotes count`` arguments carrying one :data:`BAD` row (a ``cli=True`` one)."""
    q = GOOD | bad.changes
    args = ["count", q["cell"]]
    for field in ("input_size", "hidden_size", "num_layers", "proj_size", "output_size",
                  "convention"):
        args += [f"--{field.replace('_', '-')}", q[field]]
    args += ["--bidirectional"] if q["bidirectional"] == "1" else []
    args += ["--no-bias"] if q["bias"] == "0" else []
    args += ["--no-reset-after"] if q["reset_after"] == "0" else []
    return args


def bad_unrolled_argv(bad: Bad) -> list[str]:
    """``rnnnotes unrolled`` arguments carrying one :data:`BAD_UNROLLED` row."""
    q = GOOD | GOOD_UNROLLED | bad.changes
    args = ["unrolled"]
    for field, option in UNROLLED_OPTIONS.items():
        args += [option, q[field]]
    return args
