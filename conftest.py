"""Collect the site's pages as tests: every live-number check of every page under docs/ is
a pytest item, and ``python`` code blocks run as doctests."""

from pathlib import Path

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser

from livedocs.render import PAGE_SUFFIXES
from livedocs.sybil_parser import LiveNumberParser

ROOT = Path(__file__).parent

pytest_collect_file = Sybil(
    parsers=[LiveNumberParser(root=ROOT), PythonCodeBlockParser()],
    patterns=[f"*{suffix}" for suffix in PAGE_SUFFIXES],
    path="docs",
).pytest()
