"""Live numbers for Markdown sites: every number a reader sees is computed, or checked.

Public API (stable names; the README's "Writing a page" is the user guide):

- :func:`check`: one rendered page in, its :class:`PageReport` out (the pipeline both the
  Markdown extension and pytest call);
- :func:`page_info`: the page a Markdown instance is rendering (path, ``src_uri``, front
  matter) under MkDocs, ProperDocs, Zensical or the pytest renderer;
- :func:`exempt`: mark generated Markdown as not audited (its markers stripped).
"""

from .page import PageInfo, exempt, page_info
from .pipeline import Options, RenderedPage, check
from .report import Check, Kind, PageReport

__all__ = ["check", "page_info", "exempt", "PageInfo", "PageReport", "Check", "Kind",
           "RenderedPage", "Options"]
