"""The docstrings of rnnnotes.gradflow and rnnnotes.train follow the API reference's
conventions: no Sphinx roles (mkdocstrings cross-references `[name][path]` instead), maths
only inside `$...$`/`$$...$$`, identifiers and shapes only inside backticks (so `_` and `*`
are never read as Markdown emphasis), field lists in the sphinx style."""

from __future__ import annotations

import inspect
import re

import pytest

import rnnnotes.gradflow
import rnnnotes.train

PACKAGES = [rnnnotes.gradflow, rnnnotes.train]

ROLE = re.compile(r":(meth|func|attr|class|data|mod|obj|exc|ref):`")
CODE = re.compile(r"`[^`]*`")
MATH = re.compile(r"\$\$.*?\$\$|\$[^$]*\$", re.S)
FIELD = re.compile(r"^\s*:(param|ivar|raises|returns|type|rtype)[^:]*:", re.M)
CROSSREF = re.compile(r"\[[^\]]*\]\[[\w.]+\]")
ITEM = r"\s*\w+(?:\s*[-+]\s*\w+)*\s*"  # T, T + 1, 2H, H_s
# what must not appear in prose: TeX commands, sub/superscripts, identifiers with an
# underscore, a star that is not emphasis (L*D, a * b), tuples (shapes) and norm bars
BAD = {
    "TeX command": re.compile(r"\\[A-Za-z]+"),
    "subscript or superscript": re.compile(r"[_^]\{|\w\^\w"),
    "identifier with _": re.compile(r"\w_\w"),
    "bare star": re.compile(r"\w\*\w|\s\*\s"),
    "tuple or shape": re.compile(rf"\({ITEM}(?:,{ITEM})*,(?:{ITEM})?\)"),
    "norm bars": re.compile(r"\|\|"),
}


def documented():
    for pkg in PACKAGES:
        for name in pkg.__all__:
            obj = getattr(pkg, name)
            if not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            yield f"{pkg.__name__}.{name}", obj
            if inspect.isclass(obj):
                for mname, member in vars(obj).items():
                    if callable(member) and not mname.startswith("_") and member.__doc__:
                        yield f"{pkg.__name__}.{name}.{mname}", member


def prose(doc: str) -> str:
    doc = MATH.sub(" ", doc)
    doc = CODE.sub(" ", doc)
    doc = FIELD.sub(" ", doc)
    return CROSSREF.sub(" ", doc)


@pytest.mark.parametrize(("name", "obj"), list(documented()), ids=lambda v: v
                         if isinstance(v, str) else "")
def test_docstring_follows_the_conventions(name, obj):
    doc = inspect.getdoc(obj)
    assert doc, f"{name} has no docstring"
    assert not ROLE.search(doc), f"{name}: Sphinx role {ROLE.search(doc).group()}"
    text = prose(doc)
    problems = [f"{what}: {m.group()!r}" for what, rx in BAD.items()
                for m in rx.finditer(text)]
    assert not problems, f"{name}: " + "; ".join(problems)


def test_the_checker_catches_each_problem():
    for bad in [r"the norm \sigma", "h_{t-1}", "h^2 grows", "dh_T", "a * b", "L*D",
                "shape (T, B, D)", "(T + 1,)", "||J||"]:
        text = prose(bad)
        assert any(rx.search(text) for rx in BAD.values()), bad
    ok = ("`(L*D, H)` and $h_{t-1}$ and $$\\|W\\|$$, [x_y][rnnnotes.gradflow.x_y] *so* "
          "(for example, $n = 1$)\n:param W_hh: a")
    assert not any(rx.search(prose(ok)) for rx in BAD.values())
