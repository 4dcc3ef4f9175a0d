"""An API object's heading names it as code, and a parameter's default closes its bracket
(an MkDocs hook).

With ``separate_signature`` (mkdocs.yml), mkdocstrings writes an object's heading as its
kind's badge and its bare name, ``<span class="doc doc-object-name …">count_parameters</span>``,
in the text's face; the signature below it is code. :func:`on_page_content` sets the name in
``<code>``, so that the heading reads as an identifier, in the face of the code beside it
(and the text's faces keep to text: tests/browser/test_browser_pages.py).

mkdocstrings' parameter list ends a default with a line break before its bracket, which a
browser shows as a space: "(bool, default: True )". :func:`tight_defaults` drops it.

An attribute's signature, with no annotation or value shown, is its bare name in a code box
under the heading that names it ("grads" twice): :func:`drop_bare_signatures` drops it.

In ``mkdocs.yml``: ``hooks: [rnnsite/api_headings.py]``.
"""

from __future__ import annotations

import re

__all__ = ["coded_names", "drop_bare_signatures", "tight_defaults"]

_NAME = re.compile(r'(<span class="doc doc-object-name [\w-]+">)([^<]+)(</span>)')
_BARE = re.compile(r'<div class="doc-signature highlight"><pre><span></span><code>'
                   r'<span class="cl"><span class="n">\w+</span></span>\s*</code></pre></div>\n?')
_DEFAULT = re.compile(r"(default:\s*<code>(?:(?!</code>).)*</code>)\s+\)", re.S)


def coded_names(content: str) -> str:
    """``content`` with every mkdocstrings object name inside ``<code>``."""
    return _NAME.sub(r"\1<code>\2</code>\3", content)


def tight_defaults(content: str) -> str:
    """``content`` with no space between a parameter's default and its closing bracket."""
    return _DEFAULT.sub(r"\1)", content)


def drop_bare_signatures(content: str) -> str:
    """``content`` without the signatures that hold nothing but a name."""
    return _BARE.sub("", content)


def on_page_content(content: str, page, config, files) -> str:  # MkDocs hook
    if "doc-object-name" not in content:
        return content
    return drop_bare_signatures(tight_defaults(coded_names(content)))
