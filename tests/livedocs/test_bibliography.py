"""Citations come from the bibliography: every key cited exists, every entry is cited,
and every entry carries what a reader needs to find it."""

from __future__ import annotations

from pathlib import Path

import pytest

from livedocs import _bib
from livedocs.render import PAGE_SUFFIXES, render_page

ROOT = Path(__file__).resolve().parents[2]
ENTRIES = _bib.load(str(ROOT / "docs" / "references.bib"))


def cited_everywhere() -> set[str]:
    cited: set[str] = set()
    for page in sorted((ROOT / "docs").rglob("*")):
        if page.suffix in PAGE_SUFFIXES:
            path = page.relative_to(ROOT).as_posix()
            report = render_page(page.read_text(encoding="utf-8-sig"), path).report
            assert report is not None
            cited |= report.cited
    return cited


def test_every_entry_is_cited_and_every_citation_exists() -> None:
    cited = cited_everywhere()
    assert cited <= set(ENTRIES)  # (an unknown key also fails its page)
    assert set(ENTRIES) - cited == set(), "entries no page cites"


@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_entries_carry_venue_year_pages_and_a_link(key: str) -> None:
    e = ENTRIES[key]
    assert e.authors and e.get("title") and e.get("year").isdigit()
    assert e.get("journal") or e.get("booktitle") or e.get("school"), key
    if e.kind == "article":
        assert e.get("volume") and e.get("number") and e.get("pages"), key
    assert e.get("doi") or e.get("url"), f"{key}: a DOI where one exists, else a URL"
