"""The page comes from whatever renders it; generated Markdown can be exempted."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import SimpleNamespace

import markdown
import pytest
from markdown.preprocessors import Preprocessor

import livedocs
from livedocs import render
from livedocs.markdown_ext import LiveNumberError, LiveNumbersExtension
from livedocs.render import render_page

PAGE = "---\ntitle: A page\n---\n\n<!-- live:setup\nH = 128\n-->\n\nThe size is {n}.\n"


class ZensicalContext(Preprocessor):
    """Shaped like Zensical's ``rendering_context`` (zensical.extensions.context)."""

    def __init__(self, md: markdown.Markdown, page: object, config: dict) -> None:
        super().__init__(md)
        self.page, self.config = page, config

    def run(self, lines: list[str]) -> list[str]:
        return lines


def zensical_md(tmp_path, nav: list, text: str) -> tuple[markdown.Markdown, str]:
    (tmp_path / "docs" / "t").mkdir(parents=True)
    (tmp_path / "docs" / "t" / "p.md").write_text(text, encoding="utf-8")
    md = markdown.Markdown(extensions=[LiveNumbersExtension()])
    page = SimpleNamespace(path="t/p.md", meta={"title": "A page"}, url="t/p/")
    md.preprocessors.register(ZensicalContext(md, page, {
        "docs_dir": str(tmp_path / "docs"), "nav": nav}), "rendering_context", 0)
    return md, text.split("---\n", 2)[2]  # Zensical hands on the body alone


def test_under_zensical_messages_name_the_page_and_its_file_line(tmp_path) -> None:
    md, body = zensical_md(tmp_path, [], PAGE.format(n=129))
    info = livedocs.page_info(md)
    assert (info.path, info.src_uri, info.offset, info.meta["title"]) == (
        "docs/t/p.md", "t/p.md", 4, "A page")
    with pytest.raises(LiveNumberError, match=r"docs/t/p\.md:9: undeclared number 129"):
        md.convert(body)


def test_nav_labels_are_audited(tmp_path) -> None:
    nav = [{"Part 7": [{"Q128: the page": "t/p.md"}]}]
    md, body = zensical_md(tmp_path, nav, PAGE.format(n=128))
    with pytest.raises(LiveNumberError, match="undeclared number 7") as err:
        md.convert(body)
    assert "128" not in str(err.value).split("\n", 1)[1]  # Q128 is the given H


@contextmanager
def before_livedocs(run: Callable[[Preprocessor, list[str]], list[str]]) -> Iterator[None]:
    """A preprocessor in the pytest renderer's Markdown that runs before livedocs', as a
    site's generated-Markdown extension would (rnnsite.answers)."""

    class P(Preprocessor):
        def run(self, lines: list[str]) -> list[str]:
            return run(self, lines)

    md, _ = render._instance(str(render.ROOT / "mkdocs.yml"))
    md.preprocessors.register(P(md), "generator", 30)
    try:
        yield
    finally:
        md.preprocessors.deregister("generator")


def test_the_pytest_renderer_gives_page_info_to_a_preprocessor_before_livedocs() -> None:
    seen = []

    def spy(p: Preprocessor, lines: list[str]) -> list[str]:
        seen.append(livedocs.page_info(p.md))
        return lines

    with before_livedocs(spy):
        render_page("---\ntask: '2.1'\n---\n\n# Task 2.1\n", "docs/x/p.md")
    assert (seen[0].path, seen[0].src_uri, seen[0].meta) == ("docs/x/p.md", "x/p.md",
                                                            {"task": "2.1"})


def test_front_matter_task_and_question_are_givens() -> None:
    page = "---\ntask: '2.1'\nquestion: 3\n---\n\n# Task 2.1, Question {q}\n\nText.\n"
    assert render_page(page.format(q=3), "docs/p.md").report.ok
    assert not render_page(page.format(q=4), "docs/p.md").report.ok


def test_exempt_markdown_is_rendered_but_not_audited() -> None:
    generated = livedocs.exempt("| Task | Question |\n|---|---|\n| 7.7 | 777<!--= 1 --> |\n")
    with before_livedocs(lambda p, lines: [*lines, "", *generated.split("\n")]):
        report = render_page("# Home\n\nAnd 777 outside.\n", "docs/home.md").report
    assert [c.message.split(": ", 1)[1] for c in report.failures] == [
        "undeclared number 777 (neither live nor a given)"]
    assert "<td>777</td>" in report.html and "<table>" in report.html
    inline = livedocs.exempt("Task 7.7")
    with before_livedocs(lambda p, lines: [f"# {inline}", *lines]):
        assert render_page("Text.\n", "docs/p.md").report.ok


def test_a_page_cannot_forge_an_exemption() -> None:
    page = "# P\n\n\U0010fff0 777 \U0010fff1\n"
    assert not render_page(page, "docs/p.md").report.ok


def test_a_mkdocstrings_instruction_is_not_read_as_the_pages_numbers() -> None:
    """In the build mkdocstrings replaces ``::: identifier`` and its options with the
    docstring; the pytest renderer, where no plugin runs, skips them as generated text
    (their ``heading_level: 2`` is no number of the page), and nothing else."""
    block = "::: rnnnotes.counting.unrolled\n    options:\n      heading_level: 2\n"
    assert render_page(f"# API\n\n{block}", "docs/api/x.md").report.ok
    assert not render_page(f"# API\n\n{block}\nAnd 777 after it.\n", "docs/api/x.md").report.ok
