"""How to cite the site, from one source: ``CITATION.cff`` at the repository's root and the
"Cite this page" block at the end of every answer page are both made from
:func:`project`, which reads the site's name, description and addresses from
``mkdocs.yml``, the version from the package's metadata (``pyproject.toml``) and the date
from the release record (``releases.toml``; before a version is released, the build's date:
today, or ``SOURCE_DATE_EPOCH``'s day).

``uv run python -m rnnsite.citation`` rewrites ``CITATION.cff``; ``--check`` exits 1 when
the committed file differs from what this module makes (a test runs it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from rnnsite.answer_pages import ROOT, AnswerPage
from rnnsite.releases import release_of, version

CFF = ROOT / "CITATION.cff"
AUTHOR = "The rnnnotes contributors"  # an entity, as CFF and BibTeX allow
LICENSE = "MIT"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@dataclass(frozen=True)
class Project:
    name: str          # "rnnnotes"
    description: str   # mkdocs.yml's site_description
    site_url: str      # ends in "/"
    repo_url: str
    version: str
    date: dt.date      # the version's release date, or today before it is released
    released: bool


def mkdocs_yml(path: Path = ROOT / "mkdocs.yml") -> dict:
    """mkdocs.yml as data; its tags (``!relative``, ``!!python/name``) read as None."""
    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *a: None)
    _Loader.add_multi_constructor("!", lambda *a: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def project(config: dict | None = None, today: dt.date | None = None) -> Project:
    """The facts every citation states. ``config`` is mkdocs.yml's (MkDocs' own, in a
    hook), read from the repository when omitted."""
    config = config if config is not None else mkdocs_yml()
    this = version()
    release = release_of(this)
    site_url = config["site_url"]
    if not site_url or not site_url.endswith("/"):
        raise ValueError(f"mkdocs.yml: site_url must be an address ending in '/', got {site_url!r}")
    return Project(config["site_name"], config["site_description"], site_url,
                   config["repo_url"].rstrip("/"), this,
                   release.date if release else (today or build_date()), release is not None)


def build_date() -> dt.date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` (reproducible builds) when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return dt.date.today()
    if not epoch.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH: expected seconds since 1970, got {epoch!r}")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()


def long_date(date: dt.date) -> str:
    """``6 December 2026``."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def page_url(p: Project, page: AnswerPage) -> str:
    return p.site_url + page.url_path


def _bib_escape(text: str) -> str:
    for ch in "\\{}":
        text = text.replace(ch, "\\" + ch)
    return text.replace("&", r"\&").replace("%", r"\%").replace("$", r"\$").replace("#", r"\#")


def bibtex(p: Project, page: AnswerPage) -> str:
    """The page's BibTeX entry (``@misc``; ``version`` and ``url`` are biblatex fields that
    BibTeX styles ignore, so ``note`` repeats the version)."""
    key = f"{p.name}-{page.src.removesuffix('.md').replace('/', '-')}"
    fields = [
        ("title", "{" + _bib_escape(page.title) + "}"),
        ("author", "{" + _bib_escape(AUTHOR) + "}"),
        ("howpublished", _bib_escape(p.name)),
        ("version", p.version),
        ("note", f"Version {p.version}"),
        ("year", str(p.date.year)),
        ("month", MONTHS[p.date.month - 1][:3].lower()),
        ("date", p.date.isoformat()),
        ("url", page_url(p, page)),
    ]
    body = ",\n".join(f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
                      for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}\n"


def plain(p: Project, page: AnswerPage) -> str:
    """The page's citation as a sentence. The title ends in a full stop, unless it ends in
    its own question or exclamation mark ("Do parameters grow with T?", not "T?.")."""
    title = page.title if page.title.endswith(("?", "!", ".")) else page.title + "."
    return (f"{AUTHOR} ({p.date.year}). \u201c{title}\u201d {p.name}, version {p.version},"
            f" {long_date(p.date)}. {page_url(p, page)}")


def cff(p: Project) -> str:
    """The text of CITATION.cff."""
    data = {
        "cff-version": "1.2.0",
        "message": "To cite one answer page, use the \u201cCite this page\u201d block at its end;"
                   " to cite the site, use this.",
        "type": "software",
        "title": f"{p.name}: {p.description.rstrip('.')}",
        "authors": [{"name": AUTHOR}],
        "version": p.version,
        **({"date-released": p.date.isoformat()} if p.released else {}),
        "url": p.site_url,
        "repository-code": p.repo_url,
        "license": LICENSE,
    }
    head = ("# Generated by `uv run python -m rnnsite.citation` from mkdocs.yml, pyproject.toml\n"
            "# and releases.toml (the source of every page's \"Cite this page\" too).\n"
            "# Do not edit.\n")
    return head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rnnsite.citation", description=__doc__)
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if CITATION.cff differs from what it would be written as")
    args = parser.parse_args(argv)
    text = cff(project())
    if args.check:
        if not CFF.exists() or CFF.read_text(encoding="utf-8") != text:
            print(f"{CFF.name} is out of date: run `uv run python -m rnnsite.citation`",
                  file=sys.stderr)
            return 1
        return 0
    CFF.write_text(text, encoding="utf-8")
    print(f"wrote {CFF.name} (version {project().version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
