"""Every public class and function of rnnnotes appears in the API reference page."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import rnnnotes

API_PAGE = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def public_objects() -> set[str]:
    """``module.name`` for each class or function in a subpackage's ``__all__``."""
    found = set()
    for info in pkgutil.iter_modules(rnnnotes.__path__):
        module = importlib.import_module(f"rnnnotes.{info.name}")
        for name in getattr(module, "__all__", ()):
            if inspect.isclass(getattr(module, name)) or inspect.isfunction(getattr(module, name)):
                found.add(f"rnnnotes.{info.name}.{name}")
    return found


def documented() -> set[str]:
    return set(re.findall(r"^::: (\S+)$", API_PAGE.read_text(encoding="utf-8"), re.M))


def test_every_public_object_is_documented():
    assert public_objects() - documented() == set()


def test_the_reference_names_only_public_objects():
    assert documented() - public_objects() == set()


def test_there_is_something_to_document():
    assert "rnnnotes.counting.count_parameters" in public_objects()
