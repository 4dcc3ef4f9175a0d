"""The equivalent mutants excluded from the mutation score still name lines of the code."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_listed_equivalent_mutant_names_a_line_of_its_module() -> None:
    spec = importlib.util.spec_from_file_location("mutation_score",
                                                  Path(__file__).with_name("mutation_score.py"))
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    listed = tool.load_equivalents()
    assert listed, "no equivalent mutants listed"
    for (module, before, after), why in listed.items():
        lines = {line.strip() for line in (ROOT / module).read_text(encoding="utf-8")
                 .splitlines()}
        assert before in lines, f"{module}: no line {before!r} (stale entry: {why})"
        assert after != before and why
