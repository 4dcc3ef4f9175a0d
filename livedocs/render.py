"""Render a page with the site's own Markdown configuration, as ``mkdocs build`` does.

The Markdown extensions and their options come from ``mkdocs.yml`` (read by MkDocs' own
config loader), so ``pytest`` and the build render, and therefore check, every page the
same way.  A page is read as MkDocs reads it: UTF-8 with an optional BOM, YAML front matter
split off.  The renderer tells the extension which page it renders as Zensical does: a
``rendering_context`` preprocessor holding the page (:func:`livedocs.page.page_info`).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.preprocessors import Preprocessor

from .checker.run import SetupCache
from .markdown_ext import LiveNumbersExtension
from .marks import EXEMPT_CLOSE, EXEMPT_OPEN
from .page import PageInfo, from_source, front_matter
from .report import PageReport

__all__ = ["ROOT", "Rendered", "render_page", "site_markdown", "PAGE_SUFFIXES"]

ROOT = Path(__file__).resolve().parents[1]
# mkdocstrings' instruction, "::: identifier" and its indented options: in the build the
# plugin replaces it with the rendered docstring (a fragment the audit skips); here, where
# no plugin runs, it is kept as the text it is, marked as generated, so that its options
# (``heading_level: 2``) are not read as the page's numbers. Its lines stay where they were.
AUTODOC = re.compile(r"^:::[ \t]+\S.*(?:\n[ \t]+\S.*)*", re.M)
# The suffixes MkDocs renders as pages (mkdocs.utils.markdown_extensions).
PAGE_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


@dataclass(frozen=True)
class Rendered:
    html: str
    report: PageReport
    info: PageInfo


@cache
def _load(config_file: str) -> Any:
    from mkdocs.config import load_config  # noqa: PLC0415

    return load_config(config_file)


def site_markdown(config_file: str) -> tuple[tuple[Any, ...], dict[str, Any], str]:
    """``(extensions, their options, docs_dir name)`` of a MkDocs config file.  The
    options of livedocs say which folder their relative paths start from (``config_dir``:
    the config file's), so that they hold in another config file too."""
    cfg = _load(config_file)
    configs = {name: dict(options) for name, options in cfg.mdx_configs.items()}
    if "livedocs.markdown_ext" in configs:
        configs["livedocs.markdown_ext"].setdefault("config_dir",
                                                    str(Path(config_file).resolve().parent))
    return tuple(cfg.markdown_extensions), configs, Path(cfg.docs_dir).name


def _site_config(config_file: str) -> dict[str, Any]:
    cfg = _load(config_file)
    return {"nav": cfg.nav, "docs_dir": cfg.docs_dir, "config_file_path": config_file}


@dataclass
class _Page:
    """The page being rendered, shaped like Zensical's ``rendering_context`` page."""

    path: str
    meta: dict[str, Any]
    source: str
    name: str  # the page's name in messages
    setup_cache: SetupCache | None = None


class _RenderingContext(Preprocessor):
    def __init__(self, md: Markdown, config: dict[str, Any]) -> None:
        super().__init__(md)
        self.config = config
        self.page: _Page | None = None

    def run(self, lines: list[str]) -> list[str]:
        return lines


_local = threading.local()


def _instance(config_file: str) -> tuple[Markdown, _RenderingContext]:
    cache_ = getattr(_local, "md", None)
    if cache_ is None:
        cache_ = _local.md = {}
    if config_file not in cache_:
        exts, configs, _ = site_markdown(config_file)
        configs = {name: dict(options) for name, options in configs.items()}
        configs.setdefault("livedocs.markdown_ext", {})["fail"] = "report"
        md = Markdown(extensions=list(exts), extension_configs=configs)
        if not any(isinstance(e, LiveNumbersExtension) for e in md.registeredExtensions):
            raise RuntimeError(f"{config_file}: livedocs.markdown_ext is not among the "
                               "markdown_extensions")
        # The checks run before the math becomes MathML (rnnsite.mathml registers it under
        # this name); the tests need no MathML.
        if "livedocs_mathml" in md.postprocessors:
            md.postprocessors.deregister("livedocs_mathml")
        context = _RenderingContext(md, _site_config(config_file))
        md.preprocessors.register(context, "rendering_context", 0)
        cache_[config_file] = (md, context)
    return cache_[config_file]


def render_page(content: str, path: str, *, config_file: str | Path | None = None,
                setup_cache: SetupCache | None = None) -> Rendered:
    """Render and check one page's file content; ``path`` names it (``docs/x/y.md``).

    ``setup_cache``: a dict shared by calls that check the same page many times (its setup
    block then runs once).
    """
    config = str(config_file or ROOT / "mkdocs.yml")
    md, context = _instance(config)
    _, _, docs = site_markdown(config)
    content = content.removeprefix("\ufeff")
    body, meta, _ = front_matter(content)
    src_uri = path.split("/", 1)[1] if path.startswith(f"{docs}/") else path
    context.page = _Page(src_uri, meta, content, path, setup_cache)
    md.reset()
    body = AUTODOC.sub(lambda m: f"{EXEMPT_OPEN}{m.group()}{EXEMPT_CLOSE}", body)
    try:
        html = md.convert(body)
        report: PageReport = md.livedocs_report  # type: ignore[attr-defined]
    finally:
        context.page = None
    info = from_source(path, src_uri, content)
    return Rendered(html, report, info)
