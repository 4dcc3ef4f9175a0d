"""Units of rnnsite.notebooks that need no kernel: normalisation and the offline page body."""

from __future__ import annotations

import re

import jupytext
import nbformat
import pytest

from rnnsite.notebook_offline import offline_html
from rnnsite.notebooks import (
    NotebookError,
    download_name,
    dumps,
    normalise,
    page_uri,
)

SOURCE = """# %% [markdown]
# Each step feeds 128<!--= H --> units.

# %% tags=["setup"]
H = 128

# %%
print(H)
"""


def executed_by_hand() -> nbformat.NotebookNode:
    """What nbclient leaves behind: random ids, timings, version, split stream outputs."""
    nb = jupytext.reads(SOURCE, fmt="py:percent")
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.7",
                                    "pygments_lexer": "ipython3"}
    for n, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        cell.execution_count = n + 1
        cell.metadata["execution"] = {"iopub.execute_input": "2026-01-01T00:00:00.000Z"}
    nb.cells[2].outputs = [nbformat.v4.new_output("stream", name="stdout", text="12"),
                           nbformat.v4.new_output("stream", name="stdout", text="8\n")]
    return nb


def test_normalise_leaves_only_what_the_cells_say():
    nb = normalise(executed_by_hand())
    assert [c.id for c in nb.cells] == ["cell-0", "cell-1", "cell-2"]
    assert nb.cells[0].source == "Each step feeds 128 units."  # marker stripped
    assert [c.metadata for c in nb.cells] == [{}, {"tags": ["setup"]}, {}]
    assert nb.metadata == {"kernelspec": {"display_name": "Python 3 (ipykernel)",
                                          "language": "python", "name": "python3"},
                           "language_info": {"name": "python", "pygments_lexer": "ipython3"}}
    assert [o.text for o in nb.cells[2].outputs] == ["128\n"]  # one stream, not two


def test_normalised_bytes_do_not_depend_on_random_ids():
    a, b = executed_by_hand(), executed_by_hand()
    assert a.cells[0].id != b.cells[0].id
    assert dumps(normalise(a)) == dumps(normalise(b))
    assert dumps(normalise(a)).endswith("}\n")


def test_normalise_refuses_an_error_output():
    nb = executed_by_hand()
    nb.cells[2].outputs = [nbformat.v4.new_output("error", ename="E", evalue="", traceback=[])]
    with pytest.raises(NotebookError, match="cell 2 has an error output"):
        normalise(nb)


PAGE = """<style>.x{content:"$"}</style><span class="x"></span>
<!-- Load mathjax -->
<script src="https://cdnjs.example/mathjax.js"> </script>
<!-- End of mathjax configuration --><script type="module">
  const m = await import("https://cdn.example/mermaid.mjs"); // mermaid
</script>
<div class="jp-Cell jp-MarkdownCell"><div class="jp-RenderedHTMLCommon jp-RenderedMarkdown \
jp-MarkdownOutput" data-mime-type="text/markdown">
<p>With $a &lt; b$ and a price of \\$5:</p>
<p>$$
x_1 + x_2
$$</p>
</div></div>
<div class="jp-OutputArea-output"><pre>cost: $5 and $6</pre></div>
"""


def test_offline_html_drops_the_cdn_loaders_and_renders_markdown_math():
    out = offline_html(PAGE)
    assert "https://" not in out and "mermaid" not in out
    assert out.count("<math ") == 2
    assert '<span class="arithmatex"><math ' in out and "<mo>&#x0003C;</mo>" in out  # a < b
    assert '<div class="arithmatex mathml-block"><math ' in out and "<p>$$" not in out
    assert "\\$5" in out  # an escaped dollar is no math
    output = re.search(r"<pre>(.*?)</pre>", out, re.S)[1]  # outputs are never math
    assert "<math" not in output and re.sub(r"<[^>]+>", "", output) == "cost: $5 and $6"
    assert '.x{content:"$"}' in out


def test_names():
    assert page_uri("task-1-1/notebook.py") == "task-1-1/notebook.ipynb"
    assert download_name("task-1-1/notebook.py") == "task-1-1.ipynb"
    assert download_name("task-1-1/notebook.ipynb") == "task-1-1.ipynb"


def test_offline_html_escapes_private_use_characters_in_css():
    out = offline_html('<style>.i:before{content:"\ue6c6"}</style><p class="i">x</p>')
    assert out == '<style>.i:before{content:"\\00e6c6"}</style><p class="i">x</p>'


def test_execute_never_drops_outputs_nor_errors(monkeypatch, tmp_path):
    """nbclient's defaults would keep going after a raising cell (if allowed) and after 4 s
    without a cell's outputs; execute asks it to fail instead, and to record no timings."""
    import rnnsite.notebooks as nbs

    seen = {}

    class Client:
        def __init__(self, nb, **kw):
            seen.update(kw)

        def execute(self, **kw):  # what the kernel is started with (its stderr)
            seen["start"] = kw

    monkeypatch.setattr(nbs, "NotebookClient", Client)
    nbs.execute(jupytext.reads(SOURCE, fmt="py:percent"), tmp_path, "nb")
    assert seen["allow_errors"] is False and seen["raise_on_iopub_timeout"] is True
    assert seen["iopub_timeout"] >= 60 and seen["record_timing"] is False
    assert seen["resources"] == {"metadata": {"path": str(tmp_path)}}
    assert set(seen["start"]) == {"stderr"}  # the kernel's stderr kept from the build's


def test_offline_html_curls_the_markdown_cells_quotes_never_code_or_output():
    """The notebooks' prose has the site's curly apostrophes and quotes (rnnsite.typeset);
    a code cell, inline code and printed output keep their straight ones."""
    page = ('<div class="jp-MarkdownOutput"><p>The table\'s "rows", <code>d["k"]</code>, '
            "$f'$</p></div>\n"
            '<div class="highlight-ipynb hl-python"><pre><span></span>s = "it\'s"\n</pre></div>\n'
            '<div class="jp-OutputArea-output"><pre>the RNN\'s "state"</pre></div>')
    out = offline_html(page)
    assert "The table’s “rows”, <code>d[\"k\"]</code>" in out
    assert 's = "it\'s"' in re.sub(r"<[^>]+>", "", out)  # the code cell
    assert "the RNN's \"state\"" in re.sub(r"<[^>]+>", "", out)  # the output
    assert "’" not in out[out.index("<math"):out.index("</math>")]  # the math's prime
