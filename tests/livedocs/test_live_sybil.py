"""The Sybil parser: one example per core check, failing with the core's message."""

from __future__ import annotations

from pathlib import Path

import pytest
from sybil import Sybil
from sybil.example import SybilFailure
from sybil.parsers.markdown import PythonCodeBlockParser
from sybil.testing import check_parser

from livedocs.numbers import check_page
from livedocs.sybil_parser import LiveNumberParser

PAGE = (
    "# T\n<!-- live:setup\nX = 3\n-->\n\nNine 9<!--= X * X -->.\n\n"
    "$$ 2 \\cdot 3 = 6 $$<!--= X * 2 -->\n\n"
    "```python\n>>> X_local = 2\n>>> X_local + 1\n3\n\n```\n"
)


def test_check_parser_passes_a_page_without_numbers() -> None:
    # A page without markers or setup yields exactly one example: its audit.
    check_parser(LiveNumberParser(), "# Title\n\nNo numbers here.\n")


def test_check_parser_fails_an_undeclared_number() -> None:
    with pytest.raises(SybilFailure, match="undeclared number 4 "):
        check_parser(LiveNumberParser(), "# Title\n\nFour 4 apples.\n")


def _document(tmp_path: Path, text: str, parsers: list | None = None):  # type: ignore[type-arg]
    (tmp_path / "docs").mkdir(exist_ok=True)
    page = tmp_path / "docs" / "t.md"
    page.write_text(text)
    sybil = Sybil(parsers=parsers or [LiveNumberParser(root=tmp_path)], patterns=["*.md"],
                  path=str(tmp_path / "docs"))
    return sybil.parse(page)


def test_one_example_per_core_check_in_core_order(tmp_path: Path) -> None:
    doc = _document(tmp_path, PAGE)
    examples = list(doc.examples())
    report = check_page(PAGE, "docs/t.md")
    assert [e.parsed.kind for e in examples] == [c.kind for c in report.checks]
    assert [e.parsed.index for e in examples] == list(range(len(report.checks)))
    for example in examples:
        example.evaluate()  # all pass


def test_coexists_with_python_code_blocks(tmp_path: Path) -> None:
    parsers = [LiveNumberParser(root=tmp_path), PythonCodeBlockParser()]
    examples = list(_document(tmp_path, PAGE, parsers).examples())
    core = len(check_page(PAGE, "docs/t.md").checks)
    doctests = len(list(_document(tmp_path, PAGE, [PythonCodeBlockParser()]).examples()))
    assert doctests == 2  # the two `>>>` lines
    assert len(examples) == core + doctests
    for example in examples:
        example.evaluate()


def test_stale_number_fails_its_example_with_the_core_message(tmp_path: Path) -> None:
    stale = PAGE.replace("Nine 9<", "Nine 10<")
    failures = []
    for example in _document(tmp_path, stale).examples():
        try:
            example.evaluate()
        except SybilFailure as exc:
            failures.append(exc.result)
    expected = [c.message for c in check_page(stale, "docs/t.md").failures]
    assert failures == expected
    assert failures == ["docs/t.md:6: live number: written 10, computed 9 (expr: X * X)"]


def test_examples_evaluate_in_any_order(tmp_path: Path) -> None:
    # `pytest -k` may run a single example: it must not depend on the setup example.
    examples = list(_document(tmp_path, PAGE.replace("Nine 9<", "Nine 10<")).examples())
    with pytest.raises(SybilFailure, match="written 10, computed 9"):
        examples[1].evaluate()
