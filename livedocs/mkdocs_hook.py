"""MkDocs (and ProperDocs) hook: under ``mkdocs serve``, show findings instead of failing.

``hooks: [livedocs/mkdocs_hook.py]`` in ``mkdocs.yml``.  A build fails on any finding
without this hook (the extension's ``fail: raise`` is the default); this hook only relaxes
``serve``, which then keeps serving and shows each finding on its page, in an error box at
its place, and logs it as an ERROR.  Zensical runs no hooks: there every finding raises.
"""

from __future__ import annotations

from typing import Any

_EXT = "livedocs.markdown_ext"
_command: dict[str, str] = {}


def on_startup(command: str, dirty: bool) -> None:
    _command["name"] = command


def on_config(config: Any) -> Any:
    if _command.get("name") == "serve" and _EXT in config.mdx_configs:
        config.mdx_configs[_EXT] = {**config.mdx_configs[_EXT], "fail": "show"}
    return config
