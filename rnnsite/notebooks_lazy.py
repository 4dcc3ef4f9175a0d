"""mkdocs-jupyter's converter, imported when a notebook page is first converted, not when
MkDocs loads its plugins.

``mkdocs_jupyter.plugin`` imports ``mkdocs_jupyter.convert`` at the top, and with it
nbconvert's application, which scans every installed package's entry points (about 0.4 s of
CPU and thousands of file reads, on every ``mkdocs`` command). Only a notebook page's
conversion uses it; under ``mkdocs serve`` on a fresh clone the notebooks are still
executing when their pages are first built (:mod:`rnnsite.notebooks_hook` then renders a
sentence), so the first page is served without it.

:func:`defer_converter` puts a stand-in module in ``sys.modules`` (the standard library's
``LazyLoader`` would not do: the import system reads ``__spec__`` of a module it finds
there, which would load it at once): its first attribute the stand-in lacks
(``convert.nb2html``) imports the real module, which answers from then on. It must run
before MkDocs loads the plugins: :mod:`rnnsite.figures_ext` calls it, a Markdown extension
(MkDocs validates ``markdown_extensions`` before ``plugins``). Anything unexpected leaves the
import as it is.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types
from typing import Any

__all__ = ["CONVERTER", "defer_converter"]

CONVERTER = "mkdocs_jupyter.convert"
_lock = threading.Lock()


class _Deferred(types.ModuleType):
    """Stands for the converter until one of its attributes is asked for."""

    def __getattr__(self, name: str) -> Any:
        with _lock:
            if sys.modules.get(CONVERTER) is self:
                del sys.modules[CONVERTER]
            real = importlib.import_module(CONVERTER)
        return getattr(real, name)


def defer_converter() -> bool:
    """Make ``import mkdocs_jupyter.convert`` cheap until the module is used; whether it now
    is (False if it was imported already or mkdocs-jupyter is not installed)."""
    if CONVERTER in sys.modules:
        return isinstance(sys.modules[CONVERTER], _Deferred)
    try:
        spec = importlib.util.find_spec(CONVERTER)  # imports the package's small __init__
    except ImportError:
        return False
    if spec is None:
        return False
    module = _Deferred(CONVERTER)
    module.__spec__ = spec
    sys.modules[CONVERTER] = module
    return True
