"""The examples in rnnnotes.nn's docstrings (shown on the API page) run and print what they say;
each argument of a layer is documented once.

pytest's own doctest plugin is off for the project (``-p no:doctest``), so they run here.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil
import pydoc
import re

import pytest

import rnnnotes.nn
import rnnnotes.nn.recurrent

MODULES = ["rnnnotes.nn"] + [f"rnnnotes.nn.{m.name}"
                             for m in pkgutil.iter_modules(rnnnotes.nn.__path__)]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_the_package_example_is_collected() -> None:
    assert doctest.testmod(rnnnotes.nn).attempted >= 5


# ---------------------------------------------------------------- each argument documented once
FIELD = re.compile(r"^:param (\w+):", re.M)
SHARED = rnnnotes.nn.recurrent.Recurrent.__init__


def params_documented(obj: object) -> list[str]:
    return FIELD.findall(inspect.getdoc(obj) or "")


def params_taken(function: object) -> set[str]:
    return set(inspect.signature(function).parameters) - {"self"}


@pytest.mark.parametrize("cls", [rnnnotes.nn.RNN, rnnnotes.nn.LSTM, rnnnotes.nn.GRU],
                         ids=lambda c: c.__name__)
def test_every_argument_of_a_layer_is_documented_once(cls: type) -> None:
    """A layer's docstring documents its own arguments, `Recurrent.__init__` those the three
    share (the Models page showed the same eleven fields three times): together they cover
    the layer's signature, and no argument is in both, or twice in one."""
    own, shared = params_documented(cls), params_documented(SHARED)
    assert len(set(own)) == len(own) and len(set(shared)) == len(shared), (own, shared)
    assert not set(own) & set(shared), f"{cls.__name__}: documented twice: {set(own) & set(shared)}"
    taken = params_taken(cls.__init__)
    assert taken - set(own) - set(shared) == set(), f"{cls.__name__}: undocumented"
    assert set(own) <= taken, f"{cls.__name__}: documents arguments it does not take"
    assert "[`Recurrent`][rnnnotes.nn.recurrent.Recurrent]" in inspect.getdoc(cls), \
        f"{cls.__name__}: its docstring does not point to the shared arguments"


def test_the_shared_arguments_are_shared():
    """Guards the test above: `Recurrent.__init__` documents only what every layer takes,
    and `help()` on a layer finds them (pydoc shows the base's `__init__` docstring under
    the layer's own `__init__`, which has none)."""
    shared = set(params_documented(SHARED))
    assert {"input_size", "hidden_size", "seed"} <= shared
    for cls in (rnnnotes.nn.RNN, rnnnotes.nn.LSTM, rnnnotes.nn.GRU):
        assert shared <= params_taken(cls.__init__), cls.__name__
        shown = pydoc.render_doc(cls, renderer=pydoc.plaintext)
        assert all(f":param {name}:" in shown for name in shared), cls.__name__
