"""The Markdown extension: markers stripped from the HTML, failures warned or raised."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from livedocs.markdown_ext import LiveNumberError, LiveNumbersExtension, makeExtension

PAGE = (
    "# Live page\n\n<!-- live:setup\nX = 3\nN = 19712\n-->\n\n"
    "Nine is 9<!--= X * X --> and the total {TOTAL}<!--= N -->.\n\n"
    "$$\n19712 \\cdot 1 = 19{{,}}712\n$$<!--= N -->\n"
)
GOOD, STALE = PAGE.format(TOTAL="19,712"), PAGE.format(TOTAL="19,713")
LOGGER = "mkdocs.plugins.livedocs"


def render(text: str, **config: str) -> str:
    return markdown.markdown(
        text,
        extensions=[LiveNumbersExtension(**config), "pymdownx.arithmatex"],
        extension_configs={"pymdownx.arithmatex": {"generic": True}},
    )


def test_markers_and_setup_are_stripped_from_html(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        html = render(GOOD)
    assert caplog.records == []
    assert "<!--" not in html and "live:setup" not in html and "X = 3" not in html
    assert "Nine is 9 and the total 19,712." in html
    assert '<div class="arithmatex">' in html and "19{,}712" in html  # math still math


def test_stale_number_logs_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        html = render(STALE)
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert caplog.records[0].name == LOGGER
    # Outside MkDocs the page is named by its first heading; line 8 of the source.
    assert caplog.records[0].getMessage() == (
        "Live page:8: live number: written 19,713, computed 19,712 (expr: N)"
    )
    assert "19,713" in html  # the page still renders (strict mode decides)


def test_raise_mode_raises_with_every_failure() -> None:
    with pytest.raises(LiveNumberError, match="written 19,713, computed 19,712"):
        render(STALE, fail="raise")


def test_bad_fail_option_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="fail must be one of"):
        makeExtension(fail="ignore")


def test_priority_is_before_html_block() -> None:
    md = markdown.Markdown(extensions=[makeExtension()])
    names = list(md.preprocessors._priority)
    by_name = {item.name: item.priority for item in names}
    assert by_name["normalize_whitespace"] > by_name["livedocs"] > by_name["html_block"]


def _site(tmp_path: Path, page: str) -> Path:
    (tmp_path / "docs" / "task1").mkdir(parents=True)
    (tmp_path / "docs" / "task1" / "q1.md").write_text("---\ntitle: Q1\n---\n" + page)
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: t\nmarkdown_extensions:\n  - livedocs.markdown_ext\n"
        "  - pymdownx.arithmatex:\n      generic: true\n"
    )
    return config


def _build(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        capture_output=True, text=True, check=False, cwd=config.parent,
    )


def test_mkdocs_strict_build_passes_a_good_page(tmp_path: Path) -> None:
    result = _build(_site(tmp_path, GOOD))
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "task1" / "q1" / "index.html").read_text()
    assert "19,712" in html and "<!--=" not in html


def test_mkdocs_strict_build_fails_on_a_stale_number(tmp_path: Path) -> None:
    result = _build(_site(tmp_path, STALE))
    assert result.returncode != 0
    # Named as the file, with the file's line (3 lines of front matter come first).
    assert "docs/task1/q1.md:11: live number: written 19,713, computed 19,712" in result.stderr
