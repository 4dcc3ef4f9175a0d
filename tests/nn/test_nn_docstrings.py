"""The examples in rnnnotes.nn's docstrings (shown on the API page) run and print what they say.

pytest's own doctest plugin is off for the project (``-p no:doctest``), so they run here.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import rnnnotes.nn

MODULES = ["rnnnotes.nn"] + [f"rnnnotes.nn.{m.name}"
                             for m in pkgutil.iter_modules(rnnnotes.nn.__path__)]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_the_package_example_is_collected() -> None:
    assert doctest.testmod(rnnnotes.nn).attempted >= 5
