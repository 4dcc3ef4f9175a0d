"""The API pages say a thing once and show a reader public names only.

- Where the layers' shared arguments and members are documented (``Recurrent``, with
  ``help()``'s place for them) is said once on the Models page; each layer links there.
  Before: the same bullet under RNN, LSTM and GRU, and again above ``Recurrent``.
- No private name of the package (``_gates``, ``_state_names``, ``_cell_forward``: a name
  with one leading underscore that rnnnotes defines or assigns) in a page's code: they are
  the source's business (kept there, in comments). A suffix such as ``_reverse`` is not.

Read from the built pages."""

from __future__ import annotations

import ast
import html
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(p.stem for p in (ROOT / "docs" / "api").glob("*.md") if p.stem != "index")
NAME = re.compile(r"(?<![\w])_?[A-Za-z]\w*")


def private_names() -> set[str]:
    """The names with one leading underscore that rnnnotes' source defines or assigns."""
    found = set()
    for path in (ROOT / "rnnnotes").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                found.add(node.name)
            elif isinstance(node, ast.Name | ast.arg):
                found.add(getattr(node, "id", None) or node.arg)
            elif isinstance(node, ast.Attribute):
                found.add(node.attr)
    return {n for n in found if re.fullmatch(r"_[A-Za-z]\w*", n)}


PRIVATE = private_names()


def article_text(site: Path, name: str) -> tuple[str, list[str]]:
    """The words of ``api/name``'s article, and the texts of its inline code."""
    page = (site / "api" / name / "index.html").read_text(encoding="utf-8")
    body = page[page.index("<article"):page.index("</article>")]
    code = [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in
            re.findall(r"<code\b[^>]*>(.*?)</code>", body, re.S)]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split()), code


def test_where_the_shared_members_are_is_said_once(site):
    text, _ = article_text(site, "models")
    assert text.count("help()") == 1, text.count("help()")
    # each layer still points to them (its docstring stands alone in help())
    assert text.count("shared by the three layers: Recurrent") == 3


@pytest.mark.parametrize("name", PAGES)
def test_no_private_name_is_shown(site, name):
    _, code = article_text(site, name)
    private = sorted({m for c in code for m in NAME.findall(c) if m in PRIVATE})
    assert not private, f"api/{name}: private names shown: {private}"


def test_the_private_names_are_found():
    """Guards the test above."""
    assert {"_gates", "_state_names", "_cell_forward"} <= PRIVATE
    assert not {"__init__", "_reverse", "forward"} & PRIVATE
    assert [m for m in NAME.findall("self._gates, __init__, bias_ih_l0") if m in PRIVATE] \
        == ["_gates"]
