"""Collect the site's pages as tests: every live number, equation and audit of every
``docs/**/*.md`` page is one pytest item, and ``python`` code blocks run as doctests/code."""

from pathlib import Path

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser

from livedocs.sybil_parser import LiveNumberParser

ROOT = Path(__file__).parent

pytest_collect_file = Sybil(
    parsers=[LiveNumberParser(root=ROOT), PythonCodeBlockParser()],
    patterns=["*.md"],
    path="docs",
).pytest()
