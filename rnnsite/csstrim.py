"""Trim a style sheet to what one page uses (the notebook pages' inlined JupyterLab CSS).

mkdocs-jupyter inlines JupyterLab's whole theme, about 580 KB, into every notebook page,
which would make it the heaviest page of the site by far.  :func:`prune_css` keeps:

* every at-rule that is not a block (``@charset``), ``@font-face`` and ``@keyframes``;
* a style rule if one of its selectors can match the page: every class it names (outside
  ``:not(...)``) is a class of some element of the page;
* ``@media``/``@supports``/``@layer`` blocks with whatever they keep;
* a custom property (``--x: ...``) only if some kept value, or the page, uses ``var(--x)``
  (following chains of variables).

It is a filter on whole rules and declarations, never a rewrite of one, so what it keeps
renders exactly as before. :func:`prune_styles` does the same for all the style blocks of one
page at once: a variable is kept if a rule kept in any block, or the page outside its style
blocks, uses it (so the blocks' own unpruned rules never keep one alive).
"""

from __future__ import annotations

import re

__all__ = ["prune_css", "prune_styles"]

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
_KEEP_AT = ("@font-face", "@keyframes", "@-webkit-keyframes", "@page", "@counter-style")
_NESTED_AT = ("@media", "@supports", "@layer", "@container", "@document")


def _split_top(text: str, sep: str) -> list[str]:
    """``text`` split at ``sep`` outside brackets and strings."""
    out, depth, quote, start = [], 0, "", 0
    for i, c in enumerate(text):
        if quote:
            if c == quote and text[i - 1] != "\\":
                quote = ""
        elif c in "\"'":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == sep and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return out


def _blocks(css: str) -> list[tuple[str, str | None]]:
    """Top-level items: ``(prelude, body)``, body ``None`` for a statement (``@charset``)."""
    items, i, n = [], 0, len(css)
    while i < n:
        j = i
        quote = ""
        while j < n and (quote or css[j] not in "{;"):
            if quote and css[j] == quote:
                quote = ""
            elif not quote and css[j] in "\"'":
                quote = css[j]
            j += 1
        prelude = css[i:j].strip()
        if j >= n:
            if prelude:
                items.append((prelude, None))
            break
        if css[j] == ";":
            items.append((prelude, None))
            i = j + 1
            continue
        depth, k = 0, j
        while k < n:
            if css[k] == "{":
                depth += 1
            elif css[k] == "}":
                depth -= 1
                if depth == 0:
                    break
            k += 1
        items.append((prelude, css[j + 1 : k]))
        i = k + 1
    return items


def _matches(selector: str, classes: set[str]) -> bool:
    plain = re.sub(r":not\((?:[^()]|\([^()]*\))*\)", "", selector)
    return all(c in classes for c in _CLASS.findall(plain))


def _rules(css: str, classes: set[str]) -> list[str]:
    kept = []
    for prelude, body in _blocks(css):
        if body is None:
            kept.append(prelude + ";")
        elif prelude.startswith(_NESTED_AT):
            inner = _rules(body, classes)
            if inner:
                kept.append(prelude + "{" + "".join(inner) + "}")
        elif prelude.startswith("@"):
            if prelude.startswith(_KEEP_AT):
                kept.append(prelude + "{" + body + "}")
        else:
            selectors = [s.strip() for s in _split_top(prelude, ",")
                         if _matches(s, classes)]
            if selectors:
                kept.append(",".join(selectors) + "{" + body + "}")
    return kept


def _drop_unused_vars(css: str, page: str) -> str:
    used = set(_VAR_USE.findall(page))
    decls = re.compile(r"(--[\w-]+)\s*:((?:[^;{}()]|\((?:[^()]|\([^()]*\))*\))*)(;|(?=\}))")
    values = {m.group(1): m.group(2) for m in decls.finditer(css)}
    frontier = set(_VAR_USE.findall(decls.sub("", css))) | used
    while frontier:
        used |= frontier
        frontier = {v for name in frontier for v in _VAR_USE.findall(values.get(name, ""))}
        frontier -= used
    return decls.sub(lambda m: m.group(0) if m.group(1) in used else "", css)


def prune_css(css: str, page: str) -> str:
    """``css`` without the rules and custom properties that ``page`` (HTML) cannot use."""
    classes = {c for attr in re.findall(r'class="([^"]*)"', page) for c in attr.split()}
    kept = "".join(_rules(_COMMENT.sub("", css), classes))
    return _drop_unused_vars(kept, page)


def prune_styles(sheets: list[str], page: str) -> list[str]:
    """Each of ``sheets`` (the style blocks of one page) without the rules and custom
    properties that ``page`` (its HTML outside those blocks) cannot use."""
    classes = {c for attr in re.findall(r'class="([^"]*)"', page) for c in attr.split()}
    kept = ["".join(_rules(_COMMENT.sub("", css), classes)) for css in sheets]
    return [_drop_unused_vars(css, page + "".join(kept)) for css in kept]
