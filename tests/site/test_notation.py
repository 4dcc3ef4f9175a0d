"""The weight matrices have one name across the site: the names docs/conventions.md gives
($W_{ih}$, $W_{hh}$, $W_{hy}$ and the gate blocks $W_{if}$, $W_{hf}$, … in PyTorch's
style), in every page, notebook and docstring. Conventions may name another text's habit
("Many texts write $W_{xh}$ for $W_{ih}$"): that sentence is no name of the site's."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONVENTIONS = ROOT / "docs" / "conventions.md"
# a weight matrix in TeX: W_{ih}, W_{hf}, W_h, W_{xh}^\top (not W^k, nor W_hh the code name)
WEIGHT = re.compile(r"W_(?:\{([a-z]{1,3})\}|([a-z]))(?![a-z_])")
OTHERS = re.compile(r"[^.]*\btexts write\b[^.]*\.")  # a sentence about other texts' names


def _math(text: str) -> str:
    return " ".join(re.findall(r"\$\$.*?\$\$|\$[^$\n]+\$", text, re.S))


def _names(text: str) -> set[str]:
    return {a or b for a, b in WEIGHT.findall(_math(text))}


def sources() -> list[Path]:
    found = [*(ROOT / "docs").rglob("*.md"), *(ROOT / "docs").rglob("*.py"),
             *(ROOT / "rnnnotes").rglob("*.py")]
    return sorted(p for p in found if p != CONVENTIONS)


def test_conventions_name_the_weight_matrices():
    names = _names(OTHERS.sub("", CONVENTIONS.read_text(encoding="utf-8")))
    assert {"ih", "hh", "hy"} <= names
    assert "xh" not in names  # the other texts' name is mentioned, never used


def test_every_weight_matrix_is_named_as_conventions_name_it():
    allowed = _names(OTHERS.sub("", CONVENTIONS.read_text(encoding="utf-8")))
    seen, wrong = set(), []
    for path in sources():
        for name in _names(path.read_text(encoding="utf-8")):
            seen.add(name)
            if name not in allowed:
                wrong.append((path.relative_to(ROOT).as_posix(), f"W_{{{name}}}"))
    assert {"ih", "hh"} <= seen  # the scan reads the pages' math
    assert not wrong, f"not a name of docs/conventions.md ({sorted(allowed)}): {wrong}"
