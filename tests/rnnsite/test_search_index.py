"""The search index's shape (rnnsite/search_index.py): math as written, no anchors, tables
of answers row by row, titles naming their task."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from material.plugins.search.plugin import SearchIndex

from rnnsite.mathml import tex_to_mathml
from rnnsite.search_index import linear, marked, paragraphs, qualified_title, row_ids, searchable

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("tex", "written"), [
    ("c_{t-1}", "c_{t−1}"),
    ("h_t", "h_t"),
    (r"(20 \cdot 128 + 128 \cdot 10) \cdot 5 = 12{,}800", "(20 · 128 + 128 · 10) · 5 = 12,800"),
    (r"\lvert w \rvert \ne 1", "|w| ≠ 1"),
    (r"\frac{a}{b + 1}", "a/(b+1)"),
    (r"10^{-28}", "10^{−28}"),
])
def test_math_reads_as_written(tex, written):
    assert linear(tex_to_mathml(tex, display=False)) == written


def test_searchable_drops_anchors_and_writes_math_out():
    html = ('<h2 id="x">Gates<a class="anchor-link" href="#x">¶</a></h2><p>'
            + tex_to_mathml("c_{t-1}", display=False) + "</p>")
    out = searchable(html)
    assert "¶" not in out and "c<sub>t−1</sub>" in out and "<math" not in out


def test_searchable_drops_what_a_reader_never_reads():
    cell = ('<div class="jp-InputArea"><div class="jp-InputPrompt jp-InputArea-prompt">In\xa0[1]:'
            '</div><clipboard-copy><div><span class="notice" hidden="">Copied!</span></div>'
            '</clipboard-copy><pre>import numpy</pre></div>'
            '<div class="jp-OutputPrompt jp-OutputArea-prompt">Out[2]:</div><p>kept</p>')
    out = searchable(cell)
    assert "In\xa0[1]" not in out and "Copied!" not in out and "Out[2]" not in out
    assert "<pre>import numpy</pre>" in out and "<p>kept</p>" in out


@pytest.mark.parametrize(("tex", "shown"), [
    ("c_{t-1}", "c<sub>t−1</sub>"),
    (r"W_{hh}h_{t-1}", "W<sub>hh</sub>h<sub>t−1</sub>"),  # not "W_{hh}h_{t−1}" run on
    (r"\tilde h_t", "h\u0303<sub>t</sub>"),
    (r"\sum_{j=0}^{n-1} x^2", "∑<sub>j=0</sub><sup>n−1</sup>x<sup>2</sup>"),
    (r"\lvert w \rvert < 1", "|w| &lt; 1"),
])
def test_math_is_shown_with_its_scripts(tex, shown):
    assert marked(tex_to_mathml(tex, display=False)) == shown


def _words(text: str) -> list[str]:
    """The words Material's search worker makes of an index text (split at tags, then at
    the site's separator in mkdocs.yml), lower-cased, as a reader types them: without the
    signs at their ends (‖, ∂)."""
    separator = re.search(r"separator: '(.*)'", (ROOT / "mkdocs.yml").read_text())[1]
    words = [re.sub(r"^\W+|\W+$", "", w.lower()) for part in re.split(r"<[^>]+>", text)
             for w in re.split(separator, part.replace("&lt;", "<")) if w]
    return [w for w in words if w]


@pytest.mark.parametrize("tex", ["c_{t-1}", r"\|\partial h_T / \partial h_t\|",
                                 r"(20 \cdot 128 + 128 \cdot 10) \cdot 5 = 12{,}800",
                                 r"10^{-28}", r"\sigma_{\max}(W_{hh})^k", r"\frac{a_i}{b + 1}"])
def test_shown_math_has_the_words_of_written_math(tex):
    """A search for c_{t−1} finds c<sub>t−1</sub>: the same words, in the same order."""
    mathml = tex_to_mathml(tex, display=False)
    assert _words(marked(mathml)) == _words(linear(mathml))


def _index_text(page_html: str) -> str:
    """What Material's search plugin, then this hook, make of a page's HTML."""
    class Page:
        meta, toc, url, title, content = {}, [], "p/", "P", searchable(page_html)
    index = SearchIndex(lang=["en"], separator=" ", pipeline=[], fields={})
    index.add_entry_from_context(Page)
    return "".join(paragraphs(e["text"]) for e in index.entries)


TABS = '=== "PyTorch"\n\n    Weights $W_{ih}$.\n\n=== "Keras"\n\n    ```\n    kernel\n    ```\n'


def test_content_tabs_are_labelled_one_by_one():
    page = markdown.markdown(TABS, extensions=["pymdownx.tabbed", "pymdownx.superfences",
                                              "pymdownx.arithmatex"],
                             extension_configs={"pymdownx.tabbed": {"alternate_style": True}})
    page = page.replace("W_{ih}", "").replace(
        "Weights", "Weights " + tex_to_mathml("W_{ih}", display=False))
    text = _index_text(page)
    assert "PyTorchKeras" not in text
    assert "<p>PyTorch: Weights W<sub>ih</sub>" in text
    assert "<p>Keras:</p>" in text and "kernel" in text


def test_text_outside_paragraphs_becomes_one():
    display = '<p>So</p><div class="arithmatex">' + tex_to_mathml("c_t", display=True) + \
        "</div><p>then</p>"
    assert _index_text(display) == "<p>So</p><p>c<sub>t</sub></p><p>then</p>"
    assert paragraphs("a <code>x</code> b<sub>t</sub><ul><li>c</li></ul>") == \
        "<p>a <code>x</code> b<sub>t</sub></p><ul><li>c</li></ul>"


def test_any_other_table_is_indexed_a_row_a_paragraph():
    table = ("<table><thead><tr><th>array</th><th>shape</th></tr></thead><tbody><tr>"
             "<td><code>w</code></td><td>" + tex_to_mathml("H_t", display=False) +
             "</td></tr><tr><td>total</td><td></td></tr></tbody></table>")
    assert _index_text(table) == ("<p>array · shape</p><p><code>w</code> · H<sub>t</sub></p>"
                                  "<p>total</p>")


TABLE = ('<div class="answers-table"><table><thead><tr><th>a</th><th>q</th><th>g</th>'
         '<th>r</th></tr></thead><tbody><tr><td>1.1 Q1</td><td><a href="x/">How many?</a>'
         '</td><td><span class="grade grade--3">3 of 4 marks: mostly right</span></td>'
         '<td>Because.</td></tr></tbody></table></div>')


def test_a_table_of_answers_is_indexed_row_by_row():
    page = row_ids(TABLE)
    assert '<tr id="answer-1-1-q1">' in page
    out = searchable(page)
    assert '<h3 id="answer-1-1-q1">Task 1.1 Q1: How many?</h3>' in out
    assert "mostly right" in out and "Because." in out


def test_a_table_without_a_reason_column_is_not_split_into_results():
    three = TABLE.replace("<th>r</th>", "").replace("<td>Because.</td>", "")
    out = searchable(three)
    assert "<h3" not in out
    assert '<p>1.1 Q1 · <a href="x/">How many?</a> · <span' in out  # a paragraph a row


@pytest.mark.parametrize(("title", "section", "shown"), [
    ("Q1: weights", "Task 1.1", "Task 1.1, Q1: weights"),
    ("Task 1.1 notebook", "Task 1.1", "Task 1.1 notebook"),
    ("1.1 Q1 · unrolled RNN", "Task 1.1", "1.1 Q1 · unrolled RNN"),
    ("2.1 Q1 · gates", "Task 1.1", "Task 1.1, 2.1 Q1 · gates"),  # another task's number
    ("Counting", "API reference", "Counting"),
    ("Gates¶", None, "Gates"),
])
def test_titles_name_their_task(title, section, shown):
    assert qualified_title(title, section) == shown
