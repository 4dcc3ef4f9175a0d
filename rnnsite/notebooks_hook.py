"""MkDocs hook: each task notebook is audited, executed once and published, then rendered
by mkdocs-jupyter (``hooks: [rnnsite/notebooks_hook.py]`` in ``mkdocs.yml``).

:func:`on_files`, before any page is rendered, for each ``docs/<task>/notebook.py``
(see :mod:`rnnsite.notebooks` for each step, :mod:`rnnsite.notebook_store` for the cache):

1. audits its markdown cells (or takes the audit from the build cache); a failure aborts
   the build (a ``PluginError``, whatever the verbosity: a WARNING would not fail
   ``--strict -q``);
2. takes its execution from the build cache, or starts executing it (``allow_errors=False``)
   in a worker thread: each notebook runs in its own kernel process while MkDocs renders the
   other pages, and :func:`on_pre_page` waits for it when its own page comes (the notebook
   pages come last); a cell that raises aborts the build. What runs and what comes from the
   cache is logged (INFO);
3. writes the normalised notebook to a fresh temporary folder,
   ``rnnnotes-executed-notebooks/<task>/notebook.ipynb``, the one place mkdocs-jupyter's
   ``include`` matches, and replaces the source by a page file ``<task>/notebook.ipynb``
   backed by it (name that in ``nav`` and in links); mkdocs-jupyter renders it with
   ``execute: false`` and ``cache: false``;
4. publishes the same bytes beside the page as ``<task>/notebook/<task>.ipynb``.

Under ``mkdocs serve`` only, a notebook still running when its page comes is served as a
short "being executed" page (rendered by :func:`on_page_markdown`, not converted), and the
server rebuilds (and the browser reloads) when the run ends; ``mkdocs build`` always waits
for every notebook. Under serve the kernels run at a lower priority than the pages
(:mod:`rnnsite.serving`).

:func:`on_page_content` makes the rendered page offline (:func:`offline_html`, reused from
the build cache for the same page body and code) and adds the download link under its
title. Zensical runs no MkDocs hooks or plugins: there the notebook pages would be missing.
"""

from __future__ import annotations

import html
import logging
import posixpath
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from markdown import markdown as md_to_html
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

from rnnsite import notebook_store
from rnnsite.cache import enabled, site_cache, trusted
from rnnsite.notebook_offline import offline_html
from rnnsite.notebooks import (
    OUT_DIR,
    PENDING,
    SOURCE_NAME,
    NotebookError,
    download_name,
    page_uri,
    placeholder,
    stop_kernels,
)

log = logging.getLogger("mkdocs.plugins.rnnsite.notebooks")  # progress, INFO

_state: dict[str, Any] = {"tmp": None, "downloads": {}, "pending": {}, "placeholders": {}}
OFFLINE = "notebook_offline"  # build cache kind: a notebook page's body made offline


def on_startup(command: str, dirty: bool) -> None:
    # The serve's first build runs before on_serve; with --no-livereload nothing rebuilds,
    # so a "being executed" page would stay: then every build waits.
    serving = notebook_store.SERVING
    serving.active = command == "serve" and "--no-livereload" not in sys.argv
    if serving.active and serving.notify is None:
        serving.notify = Path(tempfile.mkdtemp(prefix="rnnnotes-notebooks-done-"))


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Rebuild when a notebook that was still running at a build is done."""
    serving = notebook_store.SERVING
    if serving.notify is not None:
        server.watch(str(serving.notify))
        serving.watching()
        if any(f.done() for f in serving.waiting):
            serving.poke()  # done before the watch began
    return server


def on_shutdown() -> None:
    stop_kernels()  # the end of the command: no kernel outlives it
    serving = notebook_store.SERVING
    if serving.notify is not None:
        shutil.rmtree(serving.notify, ignore_errors=True)
        serving.notify, serving.watched, serving.active = None, False, False


def _cleanup() -> None:
    _state["pending"], _state["placeholders"] = {}, {}
    if _state["tmp"] is not None:
        shutil.rmtree(_state["tmp"], ignore_errors=True)
        _state["tmp"] = None


@event_priority(100)  # before mkdocs-jupyter's on_files (priority 0), so it sees our files
def on_files(files: Any, config: Any) -> Any:
    _cleanup()
    _state["tmp"] = Path(tempfile.mkdtemp(prefix="rnnnotes-notebooks-"))
    root = _state["tmp"] / OUT_DIR  # the src_dir of the generated pages
    _state["downloads"] = {}
    _state["pending"] = {}
    sources = [f for f in files if f.src_uri.split("/")[-1] == SOURCE_NAME]
    for source in sorted(sources, key=lambda f: f.src_uri):
        path, name = Path(source.abs_src_path), f"docs/{source.src_uri}"
        messages = notebook_store.audit_messages(path, name, config)
        if messages:  # fails the build whatever its verbosity (a WARNING would not under -q)
            raise PluginError("\n".join(messages))
        future, cached = notebook_store.start(path, name)
        if cached:
            log.info("Notebook %s: executed output from the build cache", name)
        elif not future.done():
            log.info("Notebook %s: executing in its own kernel (not in the build cache)", name)
        uri = page_uri(source.src_uri)
        executed = root / uri
        executed.parent.mkdir(parents=True, exist_ok=True)
        # A real src_dir (not File.generated): mkdocs-jupyter's NotebookFile recomputes
        # abs_src_path from src_dir and src_uri. The file is written when the run is done.
        page = File(uri, src_dir=str(root), dest_dir=config.site_dir,
                    use_directory_urls=config.use_directory_urls)
        # beside the page: task-1-1/notebook/index.html, or task-1-1/notebook.html
        stem = posixpath.splitext(uri)[0]
        page_dir = stem if config.use_directory_urls else posixpath.dirname(stem)
        download_uri = posixpath.join(page_dir, download_name(uri))
        download = File(download_uri, src_dir=str(_state["tmp"] / "downloads"),
                        dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
        files.remove(source)
        files.append(page)
        files.append(download)
        _state["downloads"][uri] = download
        _state["pending"][uri] = (future, executed, Path(download.abs_src_path), name,
                                  None if cached else time.perf_counter())
    return files


@event_priority(100)  # before mkdocs-jupyter reads the notebook (its on_pre_page)
def on_pre_page(page: Any, config: Any, files: Any) -> Any:
    pending = _state.get("pending", {}).pop(page.file.src_uri, None)
    if pending is not None:
        future, executed, download, name, started = pending
        serving = notebook_store.SERVING
        if not future.done() and serving.active:
            log.info("Notebook %s: still executing; served as 'being executed' for now, the "
                     "page reloads when it is done", name)
            serving.wait_for(future, f"Notebook {name}", log)
            text = placeholder(name)
            _state["placeholders"][page.file.src_uri] = name
        else:
            if not future.done():
                log.info("Notebook %s: waiting for its kernel", name)
            try:
                text = future.result()
            except NotebookError as err:
                raise PluginError(str(err)) from None
            if started is not None:
                log.info("Notebook %s: executed (%.1f s since the build began)", name,
                         time.perf_counter() - started)
        for target in (executed, download):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return page


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """A notebook page served as 'being executed' is rendered here, not converted by
    mkdocs-jupyter (nbconvert and JupyterLab's style sheet, for one sentence) nor stored in
    the build cache: the page is back, converted, at the rebuild when its run is done."""
    name = _state["placeholders"].pop(page.file.src_uri, None)
    if name is not None:
        def render(config: Any, files: Any) -> None:
            page.content = md_to_html(PENDING.format(name=name))
            page.toc = get_toc([])

        page.render = render
    return markdown


def on_page_content(content: str, page: Any, config: Any, files: Any) -> str:
    download = _state["downloads"].get(page.file.src_uri)
    if download is None:
        return content
    href = download.url_relative_to(page.file)
    link = (f'\n<p class="notebook-download"><a href="{html.escape(href)}" download>'
            f"Download this notebook, executed (.ipynb)</a></p>")
    content = _offline(content)
    at = content.find("</h1>")  # right under the notebook's title
    at = 0 if at < 0 else at + len("</h1>")
    return content[:at] + link + content[at:]


def _offline(content: str) -> str:
    """:func:`offline_html`, from the build cache when this page body was made offline
    before with the same code (its key: the body, the code trees, uv.lock, Python)."""
    cache = site_cache()
    if not enabled():
        return offline_html(content)
    digest = cache.code_digest()
    key = cache.key(OFFLINE, digest, [content])
    data = cache.get(OFFLINE, key)
    if data is not None:
        return data.decode("utf-8")
    out = offline_html(content)
    if trusted(cache, digest):
        cache.put(OFFLINE, key, out.encode("utf-8"), digest)
    return out


def on_post_build(config: Any) -> None:
    _cleanup()


def on_build_error(error: Exception) -> None:
    stop_kernels()  # a failed build exits now, its kernels with it
    _cleanup()
