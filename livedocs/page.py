"""The page being rendered: what any renderer says about it, and text it generated.

:func:`page_info` asks the Markdown instance that renders the page, whatever built it:

1. mkdocstrings' inner Markdown renders a docstring: not a page (a *fragment*);
2. a ``rendering_context`` preprocessor with a ``page`` (Zensical registers one, and so
   does :mod:`livedocs.render`, the pytest renderer): ``page.path`` (relative to the docs
   folder), ``page.meta``, and ``page.source`` or the file itself for the front matter's
   lines;
3. MkDocs' and ProperDocs' ``relpath`` treeprocessor: its ``file`` (``src_uri`` and the
   file's content);
4. otherwise an unnamed page (``<page>``): plain ``markdown.markdown`` with the extension.

:func:`exempt` marks Markdown that a site generates from facts checked elsewhere (labels
copied from other pages' front matter, say), so that the audit skips it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .marks import EXEMPT_CLOSE, EXEMPT_OPEN

__all__ = ["PageInfo", "page_info", "front_matter", "exempt", "load_seed", "config_dir",
           "body_offset", "nav_labels", "site_nav"]

_YAML = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)  # as MkDocs reads it
_MARKER = re.compile(r"<!--=.*?-->|<!--[ \t]*notation[ \t]*-->", re.S)


@dataclass(frozen=True, kw_only=True)
class PageInfo:
    """The page being rendered: its name in messages (``docs/x/y.md``), its place under the
    docs folder, the number of lines before the Markdown body (front matter), the front
    matter and the line of each of its keys, and the file's whole text when known."""

    path: str
    src_uri: str | None = None
    offset: int = 0
    meta: dict[str, Any] = field(default_factory=dict)
    meta_lines: dict[str, int] = field(default_factory=dict)
    fragment: bool = False
    source: str | None = None


def front_matter(content: str) -> tuple[str, dict[str, Any], dict[str, int]]:
    """``(body, meta, line of each key)`` exactly as MkDocs splits a page."""
    import yaml  # noqa: PLC0415 (MkDocs depends on PyYAML)

    m = _YAML.match(content)
    if not m:
        return content, {}, {}
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return content, {}, {}
    if not isinstance(data, dict):
        return content, {}, {}
    lines = {k: n + 2 for n, line in enumerate(m.group(1).splitlines())
             for k in [line.split(":", 1)[0].strip()] if ":" in line}
    return content[m.end():].lstrip("\n"), data, lines


def from_source(path: str, src_uri: str | None, source: str | None,
                meta: dict[str, Any] | None = None) -> PageInfo:
    """The page named ``path`` whose file holds ``source`` (front matter and all)."""
    if source is None:
        return PageInfo(path=path, src_uri=src_uri, meta=dict(meta or {}))
    source = source.removeprefix("\ufeff")
    body, found, lines = front_matter(source)
    return PageInfo(path=path, src_uri=src_uri, offset=source.count("\n") - body.count("\n"),
                    meta=dict(meta) if meta is not None else found, meta_lines=lines,
                    source=source)


def body_offset(source: str, lines: list[str]) -> int:
    """Lines of ``source`` before the Markdown body the renderer handed on as ``lines``: the
    front matter, and the blank lines after it that this renderer dropped (MkDocs drops
    them, Zensical may not)."""
    m = _YAML.match(source)
    src = source[m.end():].split("\n") if m else source.split("\n")
    head = source[: m.end()].count("\n") if m else 0
    first_src = next((i for i, line in enumerate(src) if line.strip()), 0)
    first_body = next((i for i, line in enumerate(lines) if line.strip()), 0)
    return head + first_src - first_body


def _is_docstring(md: Any) -> bool:
    try:
        from mkdocstrings import MkdocstringsInnerExtension  # noqa: PLC0415
    except ImportError:
        return False
    return any(isinstance(e, MkdocstringsInnerExtension) for e in md.registeredExtensions)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def page_info(md: Any) -> PageInfo:
    """The page ``md`` is rendering, under any renderer (see the module docstring)."""
    if _is_docstring(md):
        return PageInfo(path="<docstring>", fragment=True)
    ctx = md.preprocessors["rendering_context"] if "rendering_context" in md.preprocessors \
        else None
    page = getattr(ctx, "page", None)
    if page is not None and getattr(page, "path", None):
        config = getattr(ctx, "config", None) or {}
        docs_dir = Path(str(config.get("docs_dir", "docs")))
        src_uri = str(page.path).replace("\\", "/")
        source = getattr(page, "source", None)
        if source is None:
            source = _read(docs_dir / src_uri)
        name = getattr(page, "name", None) or f"{docs_dir.name}/{src_uri}"
        return from_source(name, src_uri, source,
                           getattr(page, "meta", None))
    relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None
    file = getattr(relpath, "file", None)
    src_uri = getattr(file, "src_uri", None)
    if file is not None and src_uri:
        docs = Path(getattr(relpath, "config", {}).get("docs_dir", "docs")).name
        try:
            content = file.content_string
        except (OSError, UnicodeDecodeError, AssertionError, TypeError):
            content = None
        return from_source(f"{docs}/{src_uri}", src_uri, content)
    return PageInfo(path="<page>")


def _renderer_config(md: Any) -> Any:
    if "rendering_context" in md.preprocessors:
        config = getattr(md.preprocessors["rendering_context"], "config", None)
        if config is not None:
            return config
    if "relpath" in md.treeprocessors:
        return getattr(md.treeprocessors["relpath"], "config", None)
    return None


def config_dir(md: Any) -> Path | None:
    """The folder of the config file of the site ``md`` renders a page of, if known."""
    config = _renderer_config(md)
    if config is None:
        return None
    for key, parent in (("config_file_path", True), ("root_dir", False)):
        try:
            value = config[key]
        except (KeyError, TypeError):
            continue
        if value:
            return Path(str(value)).parent if parent else Path(str(value))
    return None


def site_nav(md: Any) -> Any:
    """The site's ``nav`` setting, if the renderer tells."""
    config = _renderer_config(md)
    try:
        return config["nav"] if config is not None else None
    except (KeyError, TypeError):
        return None


def nav_labels(md: Any, info: PageInfo) -> list[str]:
    """The labels the site's nav shows for the page: its own, and its sections'."""
    if not info.src_uri:
        return []
    return _find_labels(site_nav(md), info.src_uri) or []


def _find_labels(nav: Any, src_uri: str | None) -> list[str] | None:
    if isinstance(nav, list):
        for item in nav:
            found = _find_labels(item, src_uri)
            if found is not None:
                return found
    elif isinstance(nav, dict):
        for label, value in nav.items():
            if value == src_uri:
                return [str(label)]
            found = _find_labels(value, src_uri)
            if found is not None:
                return [str(label), *found]
    elif nav == src_uri:
        return []
    return None


def exempt(markdown_text: str) -> str:
    """``markdown_text`` marked as generated: rendered as usual, never audited, its live
    markers and opt-outs stripped.  Use it for Markdown a site builds from facts checked
    elsewhere (another page's front matter); one line stays inline, several lines are
    wrapped as blocks."""
    text = _MARKER.sub("", markdown_text)
    if "\n" not in text.strip("\n"):
        return f"{EXEMPT_OPEN}{text}{EXEMPT_CLOSE}"
    return f"{EXEMPT_OPEN}\n\n{text.strip(chr(10))}\n\n{EXEMPT_CLOSE}"


@cache
def load_seed(path: str) -> dict[str, str]:
    """The student's answers by label, as the page's quote of them renders to text."""
    import markdown  # noqa: PLC0415

    from .checker.reading import read_html  # noqa: PLC0415

    answers: dict[str, list[str]] = {}
    key = None
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        heading = re.match(r"#{3,4} (\d+\.\d+\.\d+) ", line)
        if heading:
            key = heading[1]
            answers[key] = []
        elif line.startswith("#"):
            key = None
        elif key is not None:
            answers[key].append(line)
    out = {}
    for label, lines in answers.items():
        rendered = markdown.markdown("\n".join(lines), extensions=["pymdownx.arithmatex"],
                                     extension_configs={"pymdownx.arithmatex": {"generic": True}})
        segs = read_html(rendered).segments
        out[label] = " ".join("".join(s.text for s in segs if s.kind in ("text", "math")).split())
    return out
