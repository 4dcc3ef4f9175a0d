"""Render a page with the site's own Markdown configuration, as ``mkdocs build`` does.

The Markdown extensions and their options come from ``mkdocs.yml`` (read by MkDocs' own
config loader), so ``pytest`` and the build render, and therefore check, every page the
same way.  A page is read as MkDocs reads it: UTF-8 with an optional BOM, YAML front matter
split off.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from markdown import Markdown

from ._plan import PagePlan
from .markdown_ext import LiveNumbersExtension, PageInfo, PageReport, front_matter

__all__ = ["ROOT", "Rendered", "render_page", "site_markdown", "PAGE_SUFFIXES"]

ROOT = Path(__file__).resolve().parents[1]
# The suffixes MkDocs renders as pages (mkdocs.utils.markdown_extensions).
PAGE_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


@dataclass
class Rendered:
    html: str
    report: PageReport | None  # None when only planned
    plan: PagePlan | None
    info: PageInfo


@cache
def site_markdown(config_file: str) -> tuple[tuple[Any, ...], dict[str, Any], str]:
    """``(extensions, their options, docs_dir name)`` of a MkDocs config file."""
    from mkdocs.config import load_config  # noqa: PLC0415

    cfg = load_config(config_file)
    return tuple(cfg.markdown_extensions), dict(cfg.mdx_configs), Path(cfg.docs_dir).name


_local = threading.local()


def _instance(config_file: str) -> tuple[Markdown, LiveNumbersExtension]:
    cache_ = getattr(_local, "md", None)
    if cache_ is None:
        cache_ = _local.md = {}
    if config_file not in cache_:
        exts, configs, _ = site_markdown(config_file)
        md = Markdown(extensions=list(exts), extension_configs=configs)
        live = next((e for e in md.registeredExtensions if isinstance(e, LiveNumbersExtension)),
                    None)
        if live is None:
            raise RuntimeError(f"{config_file}: livedocs.markdown_ext is not among the "
                               "markdown_extensions")
        # The checks run before the math becomes MathML; the tests need no MathML.
        if "livedocs_mathml" in md.postprocessors:
            md.postprocessors.deregister("livedocs_mathml")
        live.log_failures = False  # the caller reads the report
        cache_[config_file] = (md, live)
    return cache_[config_file]


def render_page(content: str, path: str, *, execute: bool = True,
                config_file: str | Path | None = None) -> Rendered:
    """Render and check one page's file content; ``path`` names it (``docs/x/y.md``)."""
    config = str(config_file or ROOT / "mkdocs.yml")
    md, live = _instance(config)
    _, _, docs = site_markdown(config)
    content = content.removeprefix("\ufeff")
    body, meta, lines = front_matter(content)
    src_uri = path.split("/", 1)[1] if path.startswith(f"{docs}/") else path
    info = PageInfo(path, src_uri, content.count("\n") - body.count("\n"), meta, lines)
    md.reset()
    live.page = info
    saved = live.getConfig("execute")
    live.setConfig("execute", execute)
    try:
        html = md.convert(body)
    finally:
        live.page = None
        live.setConfig("execute", saved)
    state = live.state
    return Rendered(html, state.report, state.plan, info)
