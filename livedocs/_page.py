"""A page as MkDocs reads it: its name, its front matter, its report; the seed answers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ._html import read_html
from ._run import Check

__all__ = ["PageInfo", "PageReport", "front_matter", "load_seed"]

_YAML = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)  # as MkDocs reads it



@dataclass
class PageInfo:
    """The page being rendered: its name in messages, its place in docs/, the number of
    lines before the Markdown body (front matter) and the front matter itself."""

    path: str
    src_uri: str | None = None
    offset: int = 0
    meta: dict[str, Any] = field(default_factory=dict)
    meta_lines: dict[str, int] = field(default_factory=dict)
    fragment: bool = False


@dataclass
class PageReport:
    """All checks of one page, in plan order."""

    path: str
    checks: list[Check]
    cited: set[str] = field(default_factory=set)

    @property
    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]

    @property
    def ok(self) -> bool:
        return not self.failures

    def counts(self) -> dict[str, int]:
        """Number of checks per kind (kinds with no check are left out)."""
        out: dict[str, int] = {}
        for c in self.checks:
            out[c.kind] = out.get(c.kind, 0) + 1
        return out


def front_matter(content: str) -> tuple[str, dict[str, Any], dict[str, int]]:
    """``(body, meta, line of each key)`` exactly as MkDocs splits a page."""
    import yaml  # noqa: PLC0415 (MkDocs depends on PyYAML)

    m = _YAML.match(content)
    if not m:
        return content, {}, {}
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return content, {}, {}
    if not isinstance(data, dict):
        return content, {}, {}
    lines = {k: n + 2 for n, line in enumerate(m.group(1).splitlines())
             for k in [line.split(":", 1)[0].strip()] if ":" in line}
    return content[m.end():].lstrip("\n"), data, lines


@cache
def load_seed(path: str) -> dict[str, str]:
    """The student's answers by label, as the page's quote of them renders to text."""
    import markdown  # noqa: PLC0415

    answers: dict[str, list[str]] = {}
    key = None
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        heading = re.match(r"#{3,4} (\d+\.\d+\.\d+) ", line)
        if heading:
            key = heading[1]
            answers[key] = []
        elif line.startswith("#"):
            key = None
        elif key is not None:
            answers[key].append(line)
    out = {}
    for label, lines in answers.items():
        rendered = markdown.markdown("\n".join(lines), extensions=["pymdownx.arithmatex"],
                                     extension_configs={"pymdownx.arithmatex": {"generic": True}})
        segs = read_html(rendered).segments
        out[label] = " ".join("".join(s.text for s in segs if s.kind in ("text", "math")).split())
    return out
