"""mkdocs.yml, read as data (its tags, ``!!python/name`` or ``!relative``, are not needed
here), and the pages of its nav: shared by tests/site, tests/browser and tests/notebooks."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def mkdocs_config() -> dict:
    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *a: None)
    _Loader.add_multi_constructor("!", lambda *a: None)  # !relative, !ENV
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def nav_sources() -> list[str]:
    """Every page of the nav, as its source path below docs/ (``.md`` or ``.ipynb``)."""
    def walk(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)
        elif isinstance(node, dict):
            for value in node.values():
                yield from walk(value)

    return sorted(walk(mkdocs_config()["nav"]))
