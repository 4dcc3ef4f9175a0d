"""Citations from a BibTeX bibliography (parsed by pybtex).

Pages cite by key, as in pandoc: ``[@elman1990]`` renders ``(Elman, 1990)``,
``[@elman1990; @werbos1990]`` renders ``(Elman, 1990; Werbos, 1990)``, ``[-@elman1990]``
renders ``(1990)`` (the author is named in the sentence) and ``@elman1990`` in running
text renders ``Elman (1990)``.  Each links to the entry on the references
page, where ``<!-- bibliography -->`` is replaced by the full list.  Up to three authors
are named (``Gers, Schmidhuber & Cummins``), more are ``Cho et al.``.

The generated text is wrapped in the exemption characters of :mod:`livedocs.marks`: its
years, volumes and pages come from the bibliography, not from the prose, so the audit
skips them.  No year is typed into a page.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .marks import EXEMPT_CLOSE, EXEMPT_OPEN
from .messages import Msg, say

__all__ = ["Entry", "load", "cite_text", "reference_html", "bibliography_html", "CITE_RE",
           "TEXT_CITE_RE", "breakable", "cite_href", "repeated_authors"]

CITE_RE = r"\[(-?@[\w:-]+(?:\s*;\s*-?@[\w:-]+)*)\]"
TEXT_CITE_RE = r"(?<![\w@.\[])@([A-Za-z][\w:-]*\d{4}[a-z]?)\b"


@dataclass(frozen=True)
class Entry:
    key: str
    kind: str
    authors: tuple[tuple[str, str], ...]  # (last, first names)
    fields: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str:
        return dict(self.fields).get(name, "")


def _clean(text: str) -> str:
    from pybtex.richtext import Text  # noqa: PLC0415 (pybtex is a docs dependency)

    try:
        from latexcodec import codec  # noqa: F401, PLC0415 (registers the "latex" codec)

        text = text.encode("utf-8").decode("latex")
    except (ImportError, ValueError):
        pass
    return str(Text(re.sub(r"[{}]", "", text)))


_VERBATIM = {"url", "doi"}


@cache
def load(path: str) -> dict[str, Entry]:
    """The entries of a BibTeX file, by key (read once per process and path)."""
    from pybtex.database import parse_file  # noqa: PLC0415

    data = parse_file(str(Path(path)), bib_format="bibtex")
    out: dict[str, Entry] = {}
    for key, e in data.entries.items():
        authors = tuple((_clean(" ".join(p.last_names)),
                         _clean(" ".join(p.first_names + p.middle_names)))
                        for p in e.persons.get("author", []))
        # URLs are not TeX: a `~` in one is a tilde (`~juergen`), not a no-break space.
        fields = tuple((k.lower(), v.strip() if k.lower() in _VERBATIM else _clean(v))
                       for k, v in e.fields.items())
        out[key] = Entry(key, e.type.lower(), authors, fields)
    return out


def _names(entry: Entry) -> str:
    last = [a[0] for a in entry.authors]
    if len(last) >= 4:
        return f"{last[0]} et al."
    if len(last) >= 2:
        return ", ".join(last[:-1]) + " & " + last[-1]
    return last[0] if last else entry.key


def cite_text(entry: Entry, textual: bool, year_only: bool = False) -> str:
    """``Elman (1990)`` (textual), ``Elman, 1990`` (inside parentheses) or ``1990``."""
    year = entry.get("year")
    if year_only:
        return year
    return f"{_names(entry)} ({year})" if textual else f"{_names(entry)}, {year}"


def cite_href(references_page: str, page_src: str | None, key: str) -> str:
    """Link from the page ``page_src`` (relative to docs/) to ``key`` on the references page."""
    base = posixpath.dirname(page_src or "")
    return f"{posixpath.relpath(references_page, base or '.')}#ref-{key}"


def _initials(first: str) -> str:
    return " ".join(f"{part[0]}." for part in re.split(r"[\s]+", first) if part)


# Where an address may wrap on a narrow screen (reading it as the Chicago Manual of Style
# advises breaking one: at its punctuation, never inside a word): after a "/" (not inside
# "//") or a ":" (not before "//", nor after "doi": design review D), after a "." unless
# a digit follows (a DOI's "10.1162" and a version's "1.5" stay whole); before "?", "#",
# "&", "=", "_", "~", or a "-" that no digit follows ("D14-1179" stays whole); and where a
# run-together name starts a new word: SeppHochreiter1991Thesis (a capital after a small
# letter or a digit; digits after three small letters).
_ADDRESS_BREAK = re.compile(r"(?:(?<=/)|(?<=:)(?<!doi:))(?![/]|$)|(?<=\.)(?![/\d]|$)"
                            r"|(?<=.)(?=[?#&=_~]|-(?!\d))"
                            r"|(?<=[a-z0-9])(?=[A-Z][a-z])|(?<=[a-z]{3})(?=\d)")


def breakable(address: str) -> str:
    """``address`` (a URL, a DOI) as escaped HTML with a ``<wbr/>`` at each of its
    :data:`_ADDRESS_BREAK` points: on a phone it wraps there, not inside a word. A piece
    with a hyphen before a digit ("D14-1179") is kept from wrapping (a browser breaks
    after any hyphen)."""
    return "<wbr/>".join(
        f'<span style="white-space: nowrap">{html.escape(part)}</span>'
        if re.search(r"-\d", part) else html.escape(part)
        for part in _ADDRESS_BREAK.split(address))


def reference_html(e: Entry) -> str:
    """One entry of the reference list: authors (year). Title. Venue, volume(number), pages."""
    names = [f"{last}, {_initials(first)}".rstrip(", ") for last, first in e.authors]
    authors = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]
    esc = html.escape
    parts = [f"{esc(authors)} ({esc(e.get('year'))}). {esc(e.get('title'))}."]
    venue = e.get("journal") or e.get("booktitle") or e.get("school") or e.get("howpublished")
    if venue:
        v = f"<em>{esc(venue)}</em>"
        if e.get("volume"):
            v += f", {esc(e.get('volume'))}"
            if e.get("number"):
                v += f"({esc(e.get('number'))})"
        if e.get("pages"):  # a range on one line ("157–" / "166" broke on a phone)
            pages = esc(e.get("pages").replace("--", "–"))
            v += f', <span style="white-space: nowrap">{pages}</span>'
        parts.append(v + ".")
    if e.get("note"):
        parts.append(esc(e.get("note")) + ".")
    if e.get("doi"):
        doi = esc(e.get("doi"))
        parts.append(f'<a href="https://doi.org/{doi}">{breakable("doi:" + e.get("doi"))}</a>')
    elif e.get("url"):
        url = e.get("url")
        parts.append(f'<a href="{esc(url)}">{breakable(url)}</a>')
    return " ".join(parts)


def bibliography_html(entries: dict[str, Entry]) -> str:
    """The whole reference list, sorted by first author and year, exempt from the audit."""
    items = sorted(entries.values(),
                   key=lambda e: (e.authors[0][0] if e.authors else e.key, e.get("year")))
    lis = "\n".join(f'<li id="ref-{e.key}">{reference_html(e)}</li>' for e in items)
    return f'<ul class="references">{EXEMPT_OPEN}\n{lis}\n{EXEMPT_CLOSE}</ul>'


_ET_AL = re.compile(r"\s+et\s+al\.?\s*$")


def repeated_authors(before: str, entries: list[Entry], textual: bool,
                     keys: list[str]) -> list[str]:
    """A citation never repeats the authors: ``Gers, Schmidhuber and Cummins [@gers2000]``
    reads "Gers, Schmidhuber and Cummins (Gers, Schmidhuber & Cummins, 2000)".  The
    problem if the text right ``before`` a citation ends with a surname of its (only or
    first) entry; a year-only citation (``[-@key]``) is how to name them in the sentence."""
    if not entries or keys[0].startswith("-"):
        return []
    tail = _ET_AL.sub("", before.rstrip())
    entry = entries[0]
    for last, _ in entry.authors:
        if last and re.search(rf"(?<![\w-]){re.escape(last)}\Z", tail):
            return [say(Msg.CITATION_REPEATS, key=entry.key, name=last)]
    return []
