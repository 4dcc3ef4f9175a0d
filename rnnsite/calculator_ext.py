"""Python-Markdown extension: hand the calculator page the package's counting constants.

In ``mkdocs.yml``::

    markdown_extensions:
      - rnnsite.calculator_ext

A page line that is exactly ``<!-- rnnnotes:calculator-constants -->`` becomes::

    <script type="application/json" id="rnnnotes-constants">{"cells": [...], ...}</script>

built from :mod:`rnnnotes.counting` (cells, gate blocks per cell, conventions,
recurrences, and the defaults of ``count_parameters`` and ``unrolled_weights`` read from
their signatures) and
:mod:`rnnnotes.cli` (the cap on layers). The calculator's JS
(``docs/calculator/counting.js``) reads them from there, so the page cannot drift from the
package: change ``GATE_BLOCKS`` and the page changes with the next build. The tests load
the same :func:`constants` into node.

A Markdown extension rather than a MkDocs hook, so that Zensical, which runs extensions but
not plugins or hooks, builds the page too. The preprocessor runs at priority 22: after the
live-numbers check (25), which so never sees the JSON, and before ``html_block`` (20).
"""

from __future__ import annotations

import inspect
import json
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

__all__ = ["PLACEHOLDER", "SCRIPT_ID", "constants", "script_tag",
           "makeExtension"]

PLACEHOLDER = "<!-- rnnnotes:calculator-constants -->"
SCRIPT_ID = "rnnnotes-constants"


def constants() -> dict[str, Any]:
    """The package's counting constants, as the calculator's JS reads them."""
    from rnnnotes.cli import MAX_LAYERS
    from rnnnotes.counting import (
        CELLS,
        CONVENTIONS,
        GATE_BLOCKS,
        RECURRENCES,
        count_parameters,
        unrolled_weights,
    )

    def keyword_defaults(func: Any) -> dict[str, Any]:
        params = inspect.signature(func).parameters.values()
        return {p.name: p.default for p in params if p.kind is p.KEYWORD_ONLY}

    return {
        "cells": list(CELLS),
        "conventions": list(CONVENTIONS),
        "recurrences": list(RECURRENCES),
        "gate_blocks": dict(GATE_BLOCKS),
        "max_layers": MAX_LAYERS,
        "defaults": keyword_defaults(count_parameters),
        "unrolled_defaults": keyword_defaults(unrolled_weights),
    }


def script_tag() -> str:
    """The constants in a JSON script element (``</`` escaped, so no text can close it)."""
    payload = json.dumps(constants(), sort_keys=True).replace("</", "<\\/")
    return f'<script type="application/json" id="{SCRIPT_ID}">{payload}</script>'


class ConstantsPreprocessor(Preprocessor):
    """Replace each placeholder line with the stashed script element."""

    def run(self, lines: list[str]) -> list[str]:
        if not any(line.strip() == PLACEHOLDER for line in lines):
            return lines
        stashed = self.md.htmlStash.store(script_tag())
        # Blank lines around the stash key: a block of its own, never inside a paragraph.
        return [part for line in lines
                for part in (["", stashed, ""] if line.strip() == PLACEHOLDER else [line])]


class CalculatorConstantsExtension(Extension):
    """Register the preprocessor (priority 22, see the module docstring)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.preprocessors.register(ConstantsPreprocessor(md), "rnnnotes_constants", 22)


def makeExtension(**kwargs: Any) -> CalculatorConstantsExtension:  # noqa: N802
    """Entry point for ``markdown_extensions: [rnnsite.calculator_ext]``."""
    return CalculatorConstantsExtension(**kwargs)
