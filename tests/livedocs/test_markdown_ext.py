"""The Markdown extension: what reaches the HTML, failure modes, docstrings, citations."""

from __future__ import annotations

import logging
import re

import markdown
import pytest
from mkdocstrings import MkdocstringsInnerExtension

from livedocs.markdown_ext import LiveNumberError, LiveNumbersExtension
from livedocs.marks import private_use
from livedocs.render import render_page

PAGE = ("# Page\n\n<!-- live:setup\nH = 128\n-->\n\nThe size is 128<!--= 2 * 64 -->, and "
        "`19,712<!--= x -->` in code.\n\n```text\n$$ 1 $$<!--= y -->\n```\n\n"
        "$$ 2 \\cdot 64 = 128 $$<!--= H -->\n")


def plain_md(**config: object) -> markdown.Markdown:
    return markdown.Markdown(extensions=["pymdownx.arithmatex", LiveNumbersExtension(**config),
                                         "rnnsite.mathml"],
                             extension_configs={"pymdownx.arithmatex": {"generic": True}})


def test_markers_and_setup_never_reach_the_html_and_code_shows_them_verbatim() -> None:
    html = render_page(PAGE, "docs/p.md").html
    assert "live:setup" not in html.split('<details class="ld-reproduce">')[0]
    assert 'The size is <span class="ld-wrap"><span class="ld" tabindex="0" ' in html
    assert "<code>19,712&lt;!--= x --&gt;</code>" in html
    assert "$$ 1 $$&lt;!--= y --&gt;" in html  # moved for rendering, shown as written
    assert private_use(html) == []


def test_the_reproduce_box_comes_only_with_something_to_reproduce() -> None:
    """A setup block whose page shows no live number or checked equation (a changelog that
    only names its versions) gets no "reproduce" box."""
    assert 'class="ld-reproduce"' in render_page(PAGE, "docs/p.md").html
    labels = "# Page\n\n<!-- live:setup\nVERSIONS = \"0.1.0\",\n-->\n\nVersion 0.1.0.\n"
    rendered = render_page(labels, "docs/p.md")
    assert rendered.report.ok and "ld-reproduce" not in rendered.html


STALE = PAGE.replace("128<!--= 2 * 64 -->", "127<!--= 2 * 64 -->").replace(
    "The size", "Of 777 units, the size")


def test_show_mode_logs_each_finding_and_shows_it_at_its_place(
        caplog: pytest.LogCaptureFixture) -> None:
    md = plain_md(fail="show")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.livedocs"):
        html = md.convert(STALE)
    (record,) = [r for r in caplog.records if "written 127" in r.getMessage()]
    assert record.levelno == logging.ERROR and record.getMessage().startswith("<page>:")
    assert any("undeclared number 777" in r.getMessage() for r in caplog.records)
    # the stale number: a box right after it; the audit's finding: at the end of its paragraph
    assert re.search(r"127</span>?\s*<mark class=\"livedocs-error\"[^>]*>\u26a0 <page>:\d+: "
                     r"live number: written 127", html) or \
        re.search(r"127<mark class=\"livedocs-error\"", html), html
    paragraph = html[html.index("<p>Of 777 units"):]
    paragraph = paragraph[: paragraph.index("</p>")]
    assert re.search(r"<mark class=\"livedocs-error\"[^>]*>\u26a0 &lt;page&gt;:\d+: "
                     r"undeclared number 777 \(neither live nor a given\)</mark>$",
                     paragraph), paragraph
    assert private_use(html) == []


def test_raise_mode_is_the_default_and_raises_with_every_failure() -> None:
    with pytest.raises(LiveNumberError, match="(?s)written 127, computed 128.*undeclared "
                                              "number 777"):
        plain_md().convert(STALE)


def test_a_bad_fail_option_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="fail must be one of"):
        LiveNumbersExtension(fail="ignore")


def test_a_docstring_is_not_a_page(caplog: pytest.LogCaptureFixture) -> None:
    ext = LiveNumbersExtension(fail="show")
    md = markdown.Markdown(extensions=["toc", ext, MkdocstringsInnerExtension([])])
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.livedocs"):
        html = md.convert("Shapes (4H, 20) and 777 units.")
        md.reset()
        assert caplog.records == []  # numbers in docstrings are not audited
        bad = "Total 5<!--= 2 + 3 -->."
        md.convert(bad)
        md.reset()
        md.convert(bad)  # the same docstring rendered twice (an inherited method)
    assert len(caplog.records) == 2 and "docstring" in caplog.records[0].getMessage()
    assert html.startswith("\U0010FFF0") and html.endswith("\U0010FFF1")


def test_citations_link_to_the_references_page_from_any_depth() -> None:
    html = render_page("# P\n\nAs @elman1990 showed [@werbos1990; -@elman1990].\n",
                       "docs/task-1-1/p.md").html
    assert 'href="../references.md#ref-elman1990">Elman (1990)</a>' in html
    assert ">Werbos, 1990</a>; <a" in html and ">1990</a>)" in html
    assert private_use(html) == []


def test_the_reference_list_is_generated_with_anchors() -> None:
    html = render_page("# References\n\n<!-- bibliography -->\n", "docs/references.md").html
    assert '<li id="ref-elman1990">Elman, J. L. (1990). Finding Structure in Time.' in html
    assert "https://doi.org/10.1207/s15516709cog1402_1" in html


def test_headings_feed_the_toc_without_placeholders() -> None:
    md = markdown.Markdown(extensions=["toc", LiveNumbersExtension(fail="report")])
    md.convert("# Task 2.1<!--= '2.1' -->\n\nText.\n")
    assert "2.1" in str(md.toc_tokens)  # type: ignore[attr-defined]
    assert private_use(str(md.toc_tokens)) == []  # type: ignore[attr-defined]
