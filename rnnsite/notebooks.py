"""Executed notebooks: one per task, from a jupytext percent-format ``docs/<task>/notebook.py``.

The library behind the MkDocs hook :mod:`rnnsite.notebooks_hook` (which says how a build
uses it), and behind the tests:

- :func:`audit_text` / :func:`audit`: the markdown cells checked like a page
  (:func:`livedocs.numbers.check_page`). The source is mapped line for line to a page whose
  ``<!-- live:setup`` block is the notebook's first code cell, so the givens are that
  cell's literal assignments and messages name lines of ``notebook.py``.
- :func:`execute`: every cell run with ``nbclient`` in a fresh kernel of this Python
  (``allow_errors=False``): a cell that raises is a :class:`NotebookError`. Nothing is cached
  here (:mod:`rnnsite.notebook_store` keeps results by a hash of their inputs).
- :func:`normalise` / :func:`dumps`: bytes that depend only on the source and on what the
  cells print: cell ids ``cell-0``, ``cell-1``, ...; no execution timestamps or other cell
  metadata but tags; notebook metadata only the kernelspec and the language (no version);
  consecutive stream outputs merged; live markers stripped; keys sorted.

The rendered page's body is made offline by :mod:`rnnsite.notebook_offline`.
"""

from __future__ import annotations

import atexit
import copy
import posixpath
import re
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import jupytext
import nbformat
from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from traitlets import Float

from livedocs.checker.source import prepare
from livedocs.marks import strip_marks
from livedocs.numbers import PageReport, check_page

__all__ = ["SOURCE_NAME", "OUT_DIR", "audit_text", "audit", "execute", "normalise",
           "dumps", "build", "page_uri", "download_name", "NotebookError",
           "placeholder", "PENDING"]

SOURCE_NAME = "notebook.py"  # docs/<task>/notebook.py; no other *.py is a notebook
OUT_DIR = "rnnnotes-executed-notebooks"  # mkdocs-jupyter's include matches only this folder
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_KEYS = ("codemirror_mode", "file_extension", "mimetype", "name", "nbconvert_exporter",
                 "pygments_lexer")  # language_info without "version"
TIMEOUT = 300  # seconds per cell
IOPUB_TIMEOUT = 120  # seconds for a cell's outputs to arrive after its reply

class NotebookError(RuntimeError):
    """A notebook source is malformed, or one of its cells raised while it executed."""


# ------------------------------------------------------------------------ audit
_CELL = re.compile(r"# %%(?P<rest>.*)")


def _kind(rest: str) -> str:
    if re.search(r"\[(?:markdown|md)\]", rest):
        return "markdown"
    return "raw" if "[raw]" in rest else "code"


def audit_text(source: str) -> str:
    """The page the live-number audit reads: the markdown cells, with the first code cell as
    the ``<!-- live:setup`` block, every line at its line number in ``source``.

    Cell marker lines and every other line (header, code, raw cells) become blank lines;
    markdown lines lose their ``# `` (or ``#``) prefix, as jupytext reads them.
    """
    out: list[str] = []
    kind, setup = None, "before"  # setup: before -> open -> closed
    for line in source.split("\n"):
        marker = _CELL.fullmatch(line)
        if marker:
            kind = _kind(marker["rest"])
            if setup == "open":
                out.append("-->")
                setup = "closed"
            elif kind == "code" and setup == "before":
                out.append("<!-- live:setup")
                setup = "open"
            else:
                out.append("")
        elif kind == "markdown":
            out.append(line[2:] if line.startswith("# ") else line[1:] if line[:1] == "#"
                       else line)
        else:
            out.append(line if setup == "open" else "")
    if setup == "open":
        out.append("-->")
    return "\n".join(out)


def audit(path: Path, name: str, config_file: str | None = None) -> PageReport:
    """Live-number checks of the notebook source at ``path``; ``name`` labels messages.

    The page is rendered with the Markdown configuration of ``config_file`` (default: the
    repository's ``mkdocs.yml``), as every page is.
    """
    text = audit_text(path.read_text(encoding="utf-8"))
    return check_page(text, name, config_file=config_file)


# ------------------------------------------------------------------------ execute
class _ThisPython(AsyncKernelManager):
    """A kernel of the interpreter running the build, whatever kernels the user installed."""

    @property
    def kernel_spec(self) -> KernelSpec:
        # log_level: ipykernel 7 warns on every start that local TCP is unencrypted;
        # a failing cell still stops the build with its traceback.
        nice = f"import os\nos.nice({self.nice})\n" if self.nice else ""
        if self.reads_file is not None:
            start = ["-c", nice + _RECORD_READS, self.reads_file]
        elif nice:
            start = ["-c", nice + _LAUNCH]
        else:
            start = ["-m", "ipykernel_launcher"]
        argv = [sys.executable, "-Xfrozen_modules=off", *start,
                "-f", "{connection_file}", "--IPKernelApp.log_level=ERROR"]
        return KernelSpec(argv=argv, language="python", display_name=KERNELSPEC["display_name"])

    reads_file: str | None = None
    nice: int = 0  # os.nice() increment of the kernel (mkdocs serve: below the pages)
    # A kernel asked to shut down writes what it read as it exits (atexit): jupyter_client
    # sends SIGTERM after half of this (5 s by default), which skips atexit, so on a loaded
    # machine a finished run went unstored. A failed build kills kernels (stop_kernels).
    shutdown_wait_time = Float(60.0, config=True,
                               help="seconds a kernel may take to exit before it is killed")


_LAUNCH = ("import runpy\n"
           "runpy.run_module('ipykernel_launcher', run_name='__main__', alter_sys=True)\n")


# The kernel, recording every file it opens for reading (Python's audit hooks) and writing
# their paths, one a line, to the file named by its first argument when it exits (but its
# connection file, which jupyter_client deletes, and folders).
_RECORD_READS = """\
import atexit, os, runpy, sys
out, seen = sys.argv.pop(1), set()
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes)) and not (
            isinstance(args[1], str) and any(c in args[1] for c in "wax+")):
        seen.add(os.path.abspath(os.fsdecode(args[0])))
def dump():
    skip = {os.path.abspath(sys.argv[sys.argv.index("-f") + 1])}  # the connection file
    with open(out + ".tmp", "w") as f:
        f.write("\\n".join(sorted(p for p in seen if p not in skip and os.path.isfile(p))))
    os.replace(out + ".tmp", out)
sys.addaudithook(hook)
atexit.register(dump)
runpy.run_module("ipykernel_launcher", run_name="__main__", alter_sys=True)
"""


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def execute(nb: nbformat.NotebookNode, cwd: Path, name: str,
            reads_file: Path | None = None, nice: int = 0) -> nbformat.NotebookNode:
    """Run every code cell of ``nb`` in order, in place, in a fresh kernel started in ``cwd``.

    With ``reads_file``, the kernel writes there, when it exits, the path of every file it
    opened for reading (one a line): the build cache's record of what the run depended on.
    With ``nice``, the kernel lowers its CPU priority by that much (``os.nice``) before it
    starts: ``mkdocs serve`` renders and serves pages meanwhile.

    Raises :class:`NotebookError` naming ``name`` and the failing cell's traceback if a cell
    raises (``allow_errors=False``), runs longer than ``TIMEOUT`` seconds, or its outputs do
    not all arrive within ``IOPUB_TIMEOUT`` seconds (never a notebook with outputs missing).
    """
    # iopub: nbclient waits only 4 s (by default) for a cell's outputs after its reply, then
    # logs a warning and goes on without them: on a busy machine a build would publish a
    # notebook with outputs missing. Wait long, and fail rather than drop any.
    manager = _ThisPython if reads_file is None and not nice else type(
        "_Kernel", (_ThisPython,),
        {"reads_file": None if reads_file is None else str(reads_file), "nice": nice})
    client = NotebookClient(nb, kernel_name="python3", kernel_manager_class=manager,
                            allow_errors=False, record_timing=False, timeout=TIMEOUT,
                            iopub_timeout=IOPUB_TIMEOUT, raise_on_iopub_timeout=True,
                            resources={"metadata": {"path": str(cwd)}})
    with _running_lock:
        if _stopping.is_set():
            raise NotebookError(f"{name}: not executed: the build stopped")
        _running.add(client)
    # The kernel's own stderr goes to a file, not the build's: a kernel shut down or killed
    # as a failed build stops may print a traceback of its own (ipykernel flushing into a
    # closed socket), which is no finding of the build; when a run fails otherwise, the
    # end of that file is part of the error.
    stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")
    try:
        client.execute(stderr=stderr)
    except CellExecutionError as err:
        raise NotebookError(f"{name}: a cell raised while the notebook executed:\n"
                            f"{_ANSI.sub('', str(err))}") from None
    except TimeoutError as err:
        raise NotebookError(f"{name}: {err}") from None
    except Exception:
        if _stopping.is_set():  # its kernel was killed by stop_kernels(); killed while it
            # started, nbclient never unregisters its exit-time cleanup, which would then
            # fail (a traceback at exit) on a client it has already cleaned up
            atexit.unregister(client._cleanup_kernel)
            raise NotebookError(f"{name}: not executed: the build stopped") from None
        stderr.seek(0)
        said = stderr.read()[-2000:].strip()
        if said:
            raise NotebookError(f"{name}: the kernel failed; it said:\n{said}") from None
        raise
    finally:
        stderr.close()
        with _running_lock:
            _running.discard(client)
            _running_lock.notify_all()
    return nb


_running: set[NotebookClient] = set()  # the notebooks executing now, each in its kernel
_running_lock = threading.Condition()
_stopping = threading.Event()
STOP_WAIT = 30.0  # seconds a stopped run may take to close its channels (a guard)


def stop_kernels() -> None:
    """Kill the kernel of every notebook executing now (a failed build, the end of
    ``mkdocs serve``) and wait until each run has closed its channels (ZeroMQ sockets left
    open by a thread cut off at exit can block the interpreter's end): the process then
    exits at once and leaves no kernel behind. Their executions fail; nobody waits for
    them. A kernel that starts meanwhile is killed too."""
    deadline = time.monotonic() + STOP_WAIT  # a guard: a run ends within a second or so
    _stopping.set()
    try:
        while True:
            with _running_lock:
                clients = list(_running)
            if not clients or time.monotonic() > deadline:
                return
            for client in clients:
                process = getattr(getattr(getattr(client, "km", None), "provisioner", None),
                                  "process", None)
                if process is not None and process.poll() is None:
                    process.kill()
                    process.wait(10)
            with _running_lock:
                _running_lock.wait_for(lambda: not _running, 0.2)
    finally:
        _stopping.clear()


# ------------------------------------------------------------------------ normalise
def _merge_streams(outputs: list[Any]) -> list[Any]:
    """Consecutive ``stream`` outputs of one name as one (how they are split depends on timing)."""
    merged: list[Any] = []
    for out in outputs:
        last = merged[-1] if merged else None
        if (out.output_type == "stream" and last is not None and last.output_type == "stream"
                and last.name == out.name):
            last.text += out.text
        else:
            merged.append(out)
    return merged


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of an executed ``nb`` whose JSON depends only on its cells and their outputs."""
    nb = copy.deepcopy(nb)
    info = nb.metadata.get("language_info", {})
    nb.metadata = nbformat.from_dict({
        "kernelspec": KERNELSPEC,
        "language_info": {k: info[k] for k in LANGUAGE_KEYS if k in info},
    })
    nb.nbformat, nb.nbformat_minor = 4, 5
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i}"
        tags = cell.metadata.get("tags")
        cell.metadata = nbformat.from_dict({"tags": tags} if tags else {})
        cell.pop("attachments", None)
        if cell.cell_type == "markdown":
            cell.source = strip_marks(prepare(cell.source).text)  # markers, as the site does
        if cell.cell_type == "code":
            cell.outputs = _merge_streams(cell.outputs)
            for out in cell.outputs:
                if out.output_type == "error":  # allow_errors=False never lets one through
                    raise NotebookError(f"cell {i} has an error output")
    nbformat.validate(nb)
    return nb


def dumps(nb: nbformat.NotebookNode) -> str:
    """nbformat's JSON (keys sorted, one-space indent) with a final newline."""
    return nbformat.writes(nb, version=4) + "\n"


PENDING = ("**This notebook is being executed** (`{name}`, in its own kernel). This page "
           "reloads by itself when it is done; `mkdocs build` always waits for it.")


def placeholder(name: str) -> str:
    """A one-cell notebook saying that ``name`` is being executed (``mkdocs serve`` only)."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(PENDING.format(name=name))]
    nb.metadata["language_info"] = {"name": "python"}
    return dumps(normalise(nb))


def build(path: Path, name: str, reads_file: Path | None = None, nice: int = 0) -> str:
    """The executed, normalised notebook of the source at ``path``, as ipynb JSON (with
    ``reads_file`` and ``nice``: see :func:`execute`)."""
    nb = jupytext.read(path, fmt="py:percent")
    if not any(c.cell_type == "code" for c in nb.cells):
        raise NotebookError(f"{name}: no code cell; the first code cell is the audit's setup")
    return dumps(normalise(execute(nb, path.parent, name, reads_file, nice)))


# ------------------------------------------------------------------------ names (hook, tests)
def page_uri(src_uri: str) -> str:
    """The generated page of a source: ``task-1-1/notebook.py`` -> ``task-1-1/notebook.ipynb``.

    Name this in ``nav`` and in links; the page is at ``task-1-1/notebook/``.
    """
    return posixpath.splitext(src_uri)[0] + ".ipynb"


def download_name(src_uri: str) -> str:
    """The published notebook's file name: ``task-1-1/notebook.py`` -> ``task-1-1.ipynb``."""
    parts = src_uri.split("/")
    return f"{parts[-2] if len(parts) > 1 else 'notebook'}.ipynb"
