"""The docstrings the API pages show say each thing whole, in one notation.

- A product keeps its factors: no inline formula starts with a multiplication sign (before:
  "`transitions` $\\cdot H$ (per-unit) or $\\cdot H^2$ (full)", the second term without
  its factor).
- One uniform distribution: $\\mathcal{U}(a, b)$ on every page (before: $\\mathcal{U}$ on
  Models, a plain $U$ on Gradient flow and Training).
- No size is called $O$, which reads as a zero beside 1 and √ (before: "U(−1/√O, 1/√O)");
  the big-O of a cost, $O(T)$, stays.
- A return described by more than its type: "PascanuCheck – a PascanuCheck." said nothing.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "rnnnotes").rglob("*.py"))
INLINE = re.compile(r"(?<![$\\])\$(?!\$)([^$\n]+)\$")


def docstrings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [ast.get_docstring(node, clean=True) for node in ast.walk(tree)
             if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)]
    return [d for d in found if d]


def formulas(path: Path) -> list[str]:
    return [m[1] for doc in docstrings(path) for m in INLINE.finditer(doc)]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_formula_starts_with_a_product_sign(path):
    bad = [f for f in formulas(path) if re.match(r"\s*(\\cdot|\\times)\b", f)]
    assert not bad, f"{path.name}: a product without its first factor: {bad}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_one_symbol_for_the_uniform_distribution(path):
    bad = [f for f in formulas(path) if re.search(r"(?<![\w{])U\s*\(", f)]
    assert not bad, f"{path.name}: write \\mathcal{{U}}(a, b): {bad}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_size_is_called_o(path):
    bad = [f for f in formulas(path) if re.search(r"(?<![\w\\])O(?!\s*\()", f)]
    assert not bad, f"{path.name}: the letter O reads as a zero: {bad}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_return_says_more_than_its_type(path):
    bad = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef) and node.returns and ast.get_docstring(node):
            said = re.search(r":returns?:\s*(.*?)(?:\n\s*:|\Z)", ast.get_docstring(node), re.S)
            words = re.sub(r"\[([^\]]*)\]\[[^\]]*\]|`", r"\1", said[1] if said else "")
            words = re.sub(r"^(a|an|the)\s+|[.\s]+$", "", words.strip())
            if words and words == ast.unparse(node.returns).strip("'\""):
                bad.append(node.name)
    assert not bad, f"{path.name}: a return described only by its type: {bad}"


# Where a line may break between inline math and the code it names: an ordinary space
# around "=" after math ("$L$ = `num_layers`"), after math that ends in an operator or a
# comma ("$k = 0, \dots,$ `steps`"), and before math that opens with a relation after code.
BREAKS = re.compile(r"</math></span>(?:</span>)* = <code>"
                    r"|<mo>[=,]</mo>\s*</mrow></math></span>(?:</span>)* <code>"
                    r'|</code> (?:<span class="rn-nobr">)?<span class="arithmatex">'
                    r'<math display="inline"><mrow><mo>=</mo>')


@pytest.mark.parametrize("name", ["counting", "models", "gradflow", "train", "figures"])
def test_a_symbol_and_the_code_it_names_share_a_line(site, name):
    """rnnsite/typeset.py joins them (before: "L =⏎num_layers", "k = 1, 2, …,⏎steps")."""
    text = (site / "api" / name / "index.html").read_text(encoding="utf-8")
    assert not BREAKS.findall(text), f"api/{name}: {BREAKS.findall(text)[:3]}"


@pytest.mark.parametrize("name", ["counting", "models", "gradflow", "train", "figures"])
def test_no_signature_only_repeats_its_heading(site, name):
    """rnnsite/api_headings.py drops an attribute's bare name in a code box (`grads`)."""
    text = (site / "api" / name / "index.html").read_text(encoding="utf-8")
    bare = re.findall(r'<div class="doc-signature highlight"><pre><span></span><code>'
                      r'<span class="cl"><span class="n">(\w+)</span></span>\s*</code>', text)
    assert not bare, f"api/{name}: signatures that only name the attribute: {bare}"
