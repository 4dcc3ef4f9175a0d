"""What one ``mkdocs serve`` process knows across rebuilds, shared by the notebooks
(:mod:`rnnsite.notebooks_hook`) and the figures (:mod:`rnnsite.figures_ext`).

Under ``mkdocs serve`` (with live reload) a page whose notebook is still executing, or whose
figure is still being drawn, is served at once with a notice in its place, and the server
rebuilds when that work is done (:meth:`Serving.wait_for`); ``mkdocs build`` (strict or not)
always waits. The background work (notebook kernels, the figure worker) then runs at a lower
CPU priority (:data:`BACKGROUND_NICE`), so that the pages are rendered, and the first one
served, on a core of their own.

:data:`SERVING` is set by :func:`rnnsite.notebooks_hook.on_startup`: without that hook
nothing is served before it is done. MkDocs loads hook files anew on every rebuild; this
module stays.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future
from pathlib import Path

__all__ = ["BACKGROUND_NICE", "SERVING", "Serving"]

BACKGROUND_NICE = 10  # os.nice() increment of kernels and the figure worker under serve


class Serving:
    """Whether this process serves (``active``), the folder whose change makes it rebuild
    (``notify``, watched once ``watched``), and the work served pages wait for."""

    def __init__(self) -> None:
        self.active = False
        self.notify: Path | None = None
        self.watched = False
        self.waiting: list[Future] = []
        self.missed = False  # work done before the server watched: a rebuild is owed
        self._lock = threading.Lock()

    def nice(self) -> int:
        """The niceness increment for background work started now: 0 unless serving."""
        return BACKGROUND_NICE if self.active else 0

    def wait_for(self, future: Future, what: str, log: logging.Logger) -> bool:
        """Rebuild (by writing into the watched folder) when ``future`` is done; ``what``
        names it in the log. A future already waited for is not added again (False)."""
        with self._lock:
            if any(f is future for f in self.waiting):
                return False
            self.waiting.append(future)

        def done(_: Future) -> None:
            log.info("%s: done; rebuilding", what)
            self.poke()

        future.add_done_callback(done)
        return True

    def poke(self) -> None:
        """Make the server rebuild; before it watches (work done during its first build,
        whose pages showed placeholders), remember to, for :meth:`watching`."""
        with self._lock:
            if self.notify is None or not self.watched:
                self.missed = True
                return
        if self.notify.is_dir():
            (self.notify / "done").write_text(f"{len(self.waiting)}\n", encoding="utf-8")

    def watching(self, delays: tuple[float, ...] = (1.0, 3.0)) -> None:
        """The server watches ``notify`` from now on (``on_serve``). A rebuild missed during
        the first build is made up for once its watcher runs: poked after each of ``delays``
        seconds (the watcher starts only after ``on_serve`` returns; a second poke costs at
        most one more rebuild)."""
        with self._lock:
            self.watched, missed, self.missed = True, self.missed, False
        for delay in delays if missed else ():
            timer = threading.Timer(delay, self.poke)
            timer.daemon = True
            timer.start()


SERVING = Serving()
