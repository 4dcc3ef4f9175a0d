"""The expression behind a live number, written out for the reveal.

:func:`expand` rewrites a marker's expression with the page's helpers inlined (a call of a
function the setup defines as ``return EXPR`` becomes ``EXPR`` with its arguments bound;
a name the setup assigns once becomes its right-hand side), the givens kept by name;
:func:`names_in` lists the variables code uses; :func:`computes_nothing` tells a marker
that only names a given or is a bare number (it reveals nothing).
"""

from __future__ import annotations

import ast
import copy
import io
import keyword
import re
import tokenize

__all__ = ["expand", "names_in", "computes_nothing", "definitions", "IDENT"]

IDENT = re.compile(r"(?<![\w.])[A-Za-z_]\w*")


def definitions(setup: str) -> tuple[dict[str, str], dict[str, ast.expr]]:
    """Source of each top-level definition in the setup (``name -> line(s)``), and the
    right-hand side of each single-name assignment (``name -> expression``)."""
    try:
        tree = ast.parse(setup)
    except SyntaxError:
        return {}, {}
    out: dict[str, str] = {}
    values: dict[str, ast.expr] = {}
    for stmt in tree.body:
        seg = ast.get_source_segment(setup, stmt) or ""
        if isinstance(stmt, (ast.FunctionDef, ast.ClassDef)):
            out[stmt.name] = seg
        elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(
                stmt.targets[0], ast.Name):
            out[stmt.targets[0].id] = seg
            values[stmt.targets[0].id] = stmt.value
    return out, values


def names_in(code: str) -> list[str]:
    """The variable names ``code`` uses: not attributes, keywords or text in strings."""
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(code).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return IDENT.findall(code)
    out = []
    for i, t in enumerate(toks):
        if t.type != tokenize.NAME or keyword.iskeyword(t.string):
            continue
        prev = toks[i - 1].string if i else ""
        nxt = toks[i + 1].string if i + 1 < len(toks) else ""
        if prev == "." or (nxt == "=" and prev in ("(", ",")):
            continue
        out.append(t.string)
    return list(dict.fromkeys(out))


class _Inline(ast.NodeTransformer):
    """Replace the page's helpers by what they stand for: a name bound to an expression by
    its value, a call of a lambda by the lambda's body with the arguments put in."""

    def __init__(self, values: dict[str, ast.expr], givens: set[str]) -> None:
        self.values = {k: v for k, v in values.items() if k not in givens}

    def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802 (ast's API)
        node = self.generic_visit(node)  # type: ignore[assignment]
        lam = self.values.get(node.func.id) if isinstance(node.func, ast.Name) else None
        if not isinstance(lam, ast.Lambda) or lam.args.vararg or lam.args.kwonlyargs:
            return node
        params = [a.arg for a in lam.args.args]
        if len(node.args) > len(params) or any(isinstance(a, ast.Starred) for a in node.args):
            return node
        bound = dict(zip(params, node.args, strict=False))
        extra = []
        for kw in node.keywords:
            if kw.arg in params:
                bound[kw.arg] = kw.value
            elif kw.arg is not None and lam.args.kwarg:
                extra.append(kw)
            else:
                return node
        defaults = dict(zip(params[len(params) - len(lam.args.defaults):], lam.args.defaults,
                            strict=True))
        for p in params:
            if p not in bound:
                if p not in defaults:
                    return node
                bound[p] = defaults[p]
        return _Substitute(bound, lam.args.kwarg.arg if lam.args.kwarg else None,
                           extra).visit(copy.deepcopy(lam.body))

    def visit_Name(self, node: ast.Name) -> ast.AST:  # noqa: N802 (ast's API)
        value = self.values.get(node.id)
        # A name bound to a short call or lookup reads better written out; a long or
        # computed one (a comprehension, arithmetic on arrays) stays a name, shown by its
        # setup line.
        if value is not None and isinstance(value, (ast.Call, ast.Attribute, ast.Subscript)) \
                and len(ast.unparse(value)) <= 80 and isinstance(node.ctx, ast.Load):
            return self.visit(copy.deepcopy(value))
        return node


class _Substitute(ast.NodeTransformer):
    def __init__(self, bound: dict[str, ast.expr], kwarg: str | None,
                 extra: list[ast.keyword]) -> None:
        self.bound, self.kwarg, self.extra = bound, kwarg, extra

    def visit_Name(self, node: ast.Name) -> ast.AST:  # noqa: N802 (ast's API)
        return copy.deepcopy(self.bound[node.id]) if node.id in self.bound else node

    def visit_Call(self, node: ast.Call) -> ast.AST:  # noqa: N802 (ast's API)
        node = self.generic_visit(node)  # type: ignore[assignment]
        keywords = []
        for kw in node.keywords:
            if kw.arg is None and isinstance(kw.value, ast.Name) and kw.value.id == self.kwarg:
                keywords += copy.deepcopy(self.extra)
            else:
                keywords.append(kw)
        node.keywords = keywords
        return node


def expand(expr: str, values: dict[str, ast.expr], givens: set[str]) -> str:
    """``expr`` with the page's helpers written out (the expression itself if it fails)."""
    try:
        tree = ast.parse(expr, mode="eval")
        for _ in range(5):  # helpers that use helpers
            new = _Inline(values, givens).visit(copy.deepcopy(tree))
            if ast.dump(new) == ast.dump(tree):
                break
            tree = new
        full = ast.unparse(tree)
        return full if len(full) <= 160 else expr
    except (SyntaxError, RecursionError, ValueError, TypeError, AttributeError):
        return expr


def computes_nothing(expr: str, givens: set[str]) -> bool:
    """True if ``expr`` only names a given (``K``, ``TASKS[0]``) or is a bare number
    (``1``, for a constant of the prose such as "sum to 1"): nothing to reveal."""
    if re.fullmatch(r"\s*\d+(\.\d+)?\s*", expr):
        return True
    m = re.fullmatch(r"\s*([A-Za-z_]\w*)(\[\d+\])?\s*", expr)
    return bool(m) and (m.group(1) + (m.group(2) or "")) in givens | {
        g.split("[")[0] for g in givens if m.group(2) is None}
