"""Bad input: exit status 2, exactly one line on stderr naming the option, nothing else.

Every row runs in-process through :func:`rnnnotes.cli.main` (any exception other than
``SystemExit`` fails the test: no traceback can hide); a few run as real processes too,
through ``python -m rnnnotes`` and the console script, whose whole stderr is checked.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from calculator_cases import BAD, BAD_UNROLLED, bad_argv, bad_unrolled_argv

from rnnnotes.cli import main

ROOT = Path(__file__).resolve().parents[2]
OPTION = {"cell": "CELL", "input_size": "--input-size", "hidden_size": "--hidden-size",
          "num_layers": "--num-layers", "proj_size": "--proj-size",
          "output_size": "--output-size", "convention": "--convention",
          "reset_after": "--no-reset-after", "steps": "--steps", "recurrence": "--recurrence"}

# (id, arguments, what the one line must contain): mistakes only the command line allows.
CLI_ONLY = [
    ("no-command", [], "count or unrolled"),
    ("unknown-command", ["counts"], "'counts'"),
    ("unknown-option", ["count", "lstm", "--input-size", "2", "--hidden-size", "3", "--foo"],
     "--foo"),
    ("abbreviated-option", ["count", "lstm", "--input-size", "2", "--hidden", "3"],
     "--hidden"),
    ("missing-value", ["count", "lstm", "--input-size", "2", "--hidden-size"],
     "--hidden-size"),
    ("missing-size", ["count", "lstm", "--input-size", "2"], "--hidden-size"),
    ("missing-cell", ["count", "--input-size", "2", "--hidden-size", "3"], "CELL"),
    ("unrolled-output-zero", ["unrolled", "--input-size", "2", "--hidden-size", "3",
                              "--output-size", "0", "--steps", "4"], "--output-size"),
    ("unrolled-missing-steps", ["unrolled", "--input-size", "2", "--hidden-size", "3",
                                "--output-size", "1"], "--steps"),
]

ROWS = ([(f"count-{b.id}", bad_argv(b), OPTION[b.field]) for b in BAD if b.cli]
        + [(f"unrolled-{b.id}", bad_unrolled_argv(b), OPTION[b.field])
           for b in BAD_UNROLLED if b.cli]
        + CLI_ONLY)


def one_line(row_id: str, code: int, out: str, err: str, names: str) -> None:
    assert code == 2, (row_id, code, err)
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and err.endswith("\n"), err
    assert lines[0].startswith(("rnnnotes: error: ", "rnnnotes count: error: ",
                                "rnnnotes unrolled: error: ")), lines[0]
    assert names in lines[0], lines[0]
    assert "usage" not in lines[0] and "Traceback" not in err


def run_in_process(capsys, args: list[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


@pytest.mark.parametrize("row_id,args,names", ROWS, ids=[r[0] for r in ROWS])
def test_bad_input_is_one_line_naming_the_option(capsys, row_id, args, names):
    one_line(row_id, *run_in_process(capsys, args), names)


SCRIPT = Path(sys.executable).with_name("rnnnotes")
# (how, row): each real process pays numpy's import (about a second here), so a few.
PROCESS_ROWS = [("python -m rnnnotes", "count-proj-equal-hidden"),
                ("console script", "unknown-option")]


@pytest.mark.parametrize("how,row_id", PROCESS_ROWS, ids=[f"{h}-{r}" for h, r in PROCESS_ROWS])
def test_as_a_process(how, row_id):
    args, names = next((a, n) for r, a, n in ROWS if r == row_id)
    command = [sys.executable, "-m", "rnnnotes"] if how.startswith("python") else [str(SCRIPT)]
    proc = subprocess.run([*command, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    one_line(row_id, proc.returncode, proc.stdout, proc.stderr, names)


def test_every_row_of_the_page_table_that_the_cli_can_take_is_here():
    assert sum(b.cli for b in BAD) + sum(b.cli for b in BAD_UNROLLED) + len(CLI_ONLY) == len(ROWS)
    assert {b.field for b in BAD if b.cli} <= set(OPTION)


@pytest.mark.parametrize("bad", [b for b in BAD if b.cli], ids=lambda b: b.id)
def test_the_value_that_came_is_shown(capsys, bad):
    """The line shows what came: the typed text, or the number it was read as."""
    _, _, line = run_in_process(capsys, bad_argv(bad))
    value = (bad.changes.get(bad.field) or "").strip()
    if value and bad.field != "reset_after":
        assert value in line, line
