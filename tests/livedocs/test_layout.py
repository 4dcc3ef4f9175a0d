"""The layout shows the design: livedocs is generic, its import graph has no cycle, and no
module is long."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "livedocs"
MODULES = sorted(PKG.rglob("*.py"))


def name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def imports(path: Path) -> set[str]:
    """The livedocs (and rnnnotes, rnnsite) modules a module imports, at any depth."""
    here = name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            mod = ".".join([*base, *([node.module] if node.module else [])])
            out.add(mod)
            out |= {f"{mod}.{a.name}" for a in node.names}
    known = {name(p) for p in MODULES}
    return {m for m in out if m in known and m != name(path)} | {
        m for m in out if m.split(".")[0] in ("rnnnotes", "rnnsite")}


GRAPH = {name(p): imports(p) for p in MODULES}


def test_livedocs_imports_nothing_of_the_site() -> None:
    assert {m: sorted(i for i in deps if i.split(".")[0] in ("rnnnotes", "rnnsite"))
            for m, deps in GRAPH.items()} == {m: [] for m in GRAPH}


def test_the_import_graph_has_no_cycle() -> None:
    # packages' __init__ re-export their parts; leave those edges out
    graph = {m: {d for d in deps if not m.startswith(d + ".") and d != "livedocs"}
             for m, deps in GRAPH.items() if m != "livedocs"}
    done: set[str] = set()

    def visit(m: str, path: tuple[str, ...]) -> None:
        assert m not in path, " -> ".join((*path, m))
        if m in done:
            return
        for d in graph.get(m, ()):
            visit(d, (*path, m))
        done.add(m)

    for m in graph:
        visit(m, ())


def test_no_module_is_over_300_lines() -> None:
    long = {name(p): n for p in MODULES
            if (n := p.read_text(encoding="utf-8").count("\n")) > 300}
    assert long == {}


def test_the_tex_package_knows_nothing_of_pages() -> None:
    tex = {m: deps for m, deps in GRAPH.items() if m.startswith("livedocs.tex")}
    assert all(d.startswith("livedocs.tex") or d == "livedocs.marks"
               for deps in tex.values() for d in deps), tex


def test_every_message_of_the_catalogue_is_said_somewhere() -> None:
    from livedocs.messages import Msg

    code = "\n".join(p.read_text(encoding="utf-8") for p in MODULES
                     if p.name != "messages.py")
    assert [m.name for m in Msg if f"Msg.{m.name}" not in code] == []
