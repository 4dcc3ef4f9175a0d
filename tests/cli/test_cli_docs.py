"""The command line's docs: every example on docs/cli.md and in ``--help`` runs as shown."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from rnnnotes.cli import EXAMPLES, main

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "cli.md"
# Commands the page shows in ```console blocks; a change to the page changes this on purpose,
# so that an example lost to a mistyped fence fails here.
EXPECTED_EXAMPLES = 11
COMMAND_WIDTH = 42  # characters of code a phone shows in the text column (390 px)
# The commands' output is shown as the command prints it, and so has longer lines (the
# JSON's, an error's): the page wraps those at the edge of their box, set in under their
# start (rnnnotes.css; tests/browser/test_browser_polish.py measures it).


def page_examples() -> list[tuple[str, str]]:
    r"""(command, output) for each ``$ rnnnotes ...`` command of the page's console blocks
    (a long one continues on the next lines, each but the last ending in `` \``)."""
    text = PAGE.read_text(encoding="utf-8")
    examples = []
    for block in re.findall(r"^```console\n(.*?)^```$", text, re.M | re.S):
        for chunk in re.split(r"^(?=\$ )", block, flags=re.M):
            if chunk.strip():
                command, _, output = chunk.partition("\n")
                while command.endswith(" \\"):
                    more, _, output = output.partition("\n")
                    command = command[:-2] + " " + more.strip()
                examples.append((command.removeprefix("$ "), output))
    return examples


EXAMPLES_ON_PAGE = page_examples()


def test_the_page_shows_the_committed_number_of_examples():
    assert len(EXAMPLES_ON_PAGE) == EXPECTED_EXAMPLES
    assert all(cmd.startswith("rnnnotes ") for cmd, _ in EXAMPLES_ON_PAGE)


def test_every_synopsis_line_fits_a_phone():
    """The usage lines (```text blocks: what the page writes, not the command's output)
    within COMMAND_WIDTH characters, each option whole on its line."""
    blocks = re.findall(r"^```text\n(.*?)^```$", PAGE.read_text(encoding="utf-8"), re.M | re.S)
    assert len(blocks) == 2  # rnnnotes count, rnnnotes unrolled
    for block in blocks:
        lines = block.rstrip("\n").split("\n")
        assert max(map(len, lines)) <= COMMAND_WIDTH, lines
        assert all(line.count("[") == line.count("]") for line in lines), lines


def test_every_command_line_fits_a_phone():
    r"""Each line of a command (continued with `` \``) within COMMAND_WIDTH characters."""
    text = PAGE.read_text(encoding="utf-8")
    for block in re.findall(r"^```console\n(.*?)^```$", text, re.M | re.S):
        for chunk in re.split(r"^(?=\$ )", block, flags=re.M):
            lines = chunk.split("\n")
            command = [lines[0]]
            while command[-1].endswith(" \\"):
                command.append(lines[len(command)])
            assert max(map(len, command)) <= COMMAND_WIDTH, command


@pytest.mark.parametrize("command,shown", EXAMPLES_ON_PAGE, ids=[c for c, _ in EXAMPLES_ON_PAGE])
def test_page_example_prints_what_the_page_shows(capsys, command, shown):
    args = shlex.split(command)[1:]
    try:
        status = main(args)
    except SystemExit as exit_:
        status = exit_.code
    out, err = capsys.readouterr()
    assert out + err == shown
    assert status == (2 if err else 0)  # an error example shows stderr's one line


def test_help_is_not_an_error(capsys):
    for args in (["--help"], ["count", "--help"], ["unrolled", "--help"]):
        with pytest.raises(SystemExit) as exit_:
            main(args)
        assert exit_.value.code == 0
        out, err = capsys.readouterr()
        assert "examples:" in out and err == ""


@pytest.mark.parametrize("command", [c for cs in EXAMPLES.values() for c in cs])
def test_help_examples_are_shown_and_run(capsys, command):
    sub = command.split()[1]
    for args in ([], [sub]):
        with pytest.raises(SystemExit):
            main([*args, "--help"])
        text = capsys.readouterr().out
        assert command in re.sub(r" \\\n\s+", " ", text)  # long ones continue with " \"
    assert main(shlex.split(command)[1:]) == 0
    assert capsys.readouterr().err == ""


def test_console_script_and_python_m_agree():
    """Both entry points are installed and print the same thing."""
    args = ["count", "gru", "--input-size", "3", "--hidden-size", "5", "--json"]
    outs = [subprocess.run(cmd + args, capture_output=True, text=True, check=True).stdout
            for cmd in ([sys.executable, "-m", "rnnnotes"],
                        [str(Path(sys.executable).with_name("rnnnotes"))])]
    assert outs[0] == outs[1] and '"total": ' in outs[0]
