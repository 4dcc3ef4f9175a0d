"""An API object's heading names it as code (an MkDocs hook).

With ``separate_signature`` (mkdocs.yml), mkdocstrings writes an object's heading as its
kind's badge and its bare name, ``<span class="doc doc-object-name …">count_parameters</span>``,
in the text's face; the signature below it is code. :func:`on_page_content` sets the name in
``<code>``, so that the heading reads as an identifier, in the face of the code beside it
(and the text's faces keep to text: tests/browser/test_browser_pages.py).

In ``mkdocs.yml``: ``hooks: [rnnsite/api_headings.py]``.
"""

from __future__ import annotations

import re

__all__ = ["coded_names"]

_NAME = re.compile(r'(<span class="doc doc-object-name [\w-]+">)([^<]+)(</span>)')


def coded_names(content: str) -> str:
    """``content`` with every mkdocstrings object name inside ``<code>``."""
    return _NAME.sub(r"\1<code>\2</code>\3", content)


def on_page_content(content: str, page, config, files) -> str:  # MkDocs hook
    return coded_names(content) if "doc-object-name" in content else content
