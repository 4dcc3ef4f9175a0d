"""Citations come from the bibliography: every key cited exists, every entry is cited,
and every entry carries what a reader needs to find it."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from livedocs import bib as _bib
from livedocs import memo
from livedocs.render import PAGE_SUFFIXES, render_page

ROOT = Path(__file__).resolve().parents[2]
ENTRIES = _bib.load(str(ROOT / "docs" / "references.bib"))


def cited_everywhere() -> set[str]:
    cited: set[str] = set()
    for page in sorted((ROOT / "docs").rglob("*")):
        if page.suffix in PAGE_SUFFIXES:
            path = page.relative_to(ROOT).as_posix()
            report = memo.rendered(page.read_text(encoding="utf-8-sig"), path).report
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


def test_a_tilde_in_a_url_stays_a_tilde() -> None:
    html = render_page("# References\n\n<!-- bibliography -->\n", "docs/references.md").html
    assert 'href="https://people.idsia.ch/~juergen/' in html
    assert "\u00a0juergen" not in html


def test_an_address_may_break_only_between_words() -> None:
    """An address wraps after "/" or "." and between the words of a run-together name (a
    <wbr>), never inside a word (design review: "SeppHoch" / "reiter1991" on a phone);
    the marks change no character of it."""
    url = "https://people.idsia.ch/~juergen/SeppHochreiter1991ThesisAdvisorSchmidhuber.pdf"
    assert _bib.breakable(url).split("<wbr/>") == [
        "https://", "people.", "idsia.", "ch/", "~juergen/", "Sepp", "Hochreiter", "1991",
        "Thesis", "Advisor", "Schmidhuber.", "pdf"]
    assert _bib.breakable("a.b/c?d=1&e_f").split("<wbr/>") == [
        "a.", "b/", "c", "?d", "=1", "&amp;e", "_f"]
    # a DOI's prefix and a page range stay whole (design review C: "doi:10." / "1162"), and
    # "doi:" with its number (design review D: "doi:" / "10.1109/72.279181")
    assert _bib.breakable("doi:10.3115/v1/D14-1179").split("<wbr/>") == [
        "doi:10.3115/", "v1/", '<span style="white-space: nowrap">D14-1179</span>']
    for e in ENTRIES.values():
        address = e.get("url") or "doi:" + e.get("doi")
        assert html.unescape(re.sub(r"<[^>]+>", "", _bib.breakable(address))) == address


@pytest.mark.parametrize(("sentence", "ok"), [
    ("Gers, Schmidhuber and Cummins [@gers2000] added it.", False),
    ("Gers et al. [@gers2000] added it.", False),
    ("Cummins @gers2000 added it.", False),
    ("@gers2000 added it.", True),
    ("Gers, Schmidhuber and Cummins [-@gers2000] added it.", True),
    ("The forget gate [@gers2000] came later.", True),
])
def test_a_citation_never_repeats_its_authors(sentence: str, ok: bool) -> None:
    report = render_page(f"# P\n\n{sentence}\n", "docs/p.md").report
    assert report.ok == ok, [c.message for c in report.failures]


def test_a_page_range_stays_on_one_line():
    """Design review D: "157–" / "166" broke across lines in the reference list."""
    from livedocs.bib import Entry, reference_html

    entry = Entry("k", "article", (("Bengio", "Yoshua"),),
                  (("year", "1994"), ("title", "T"), ("journal", "J"), ("pages", "157--166")))
    assert '<span style="white-space: nowrap">157–166</span>' in reference_html(entry)
