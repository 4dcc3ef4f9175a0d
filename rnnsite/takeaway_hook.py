"""MkDocs hook: what a reader takes away from the site (``hooks:`` in ``mkdocs.yml``).

- :func:`on_config` puts the version (``pyproject.toml``, through the package's metadata)
  into ``config.extra.version``: the footer shows it (``overrides/partials/copyright.html``).
- :func:`on_page_content` ends every answer page (``task-*/q*.md``, with the front matter
  of :mod:`rnnsite.answer_pages`) with "Cite this page" (:mod:`rnnsite.citation`) and a
  "Disagree with this verdict?" link (:mod:`rnnsite.dispute`), both made from its front
  matter, and puts the link to the PDF of every answer (:mod:`rnnsite.pdf`) on the home page;
  on every page with live numbers, the key to their dotted underline
  (:mod:`rnnsite.live_legend`); on every page, the numbers of a table's column grouped
  alike (:mod:`rnnsite.table_numbers`) and each line of highlighted code an element of its
  own, which marks the rows of a wrapped line (:mod:`rnnsite.code_lines`).

The block is added to the HTML after the page's Markdown is rendered and checked: its
numbers (version, date) come from the citation's one source, not from the page.
"""

from __future__ import annotations

import html
import logging
import re

from mkdocs.exceptions import PluginError

from rnnsite.answer_pages import AnswerPage, AnswerPageError, is_answer_page
from rnnsite.citation import bibtex, page_url, plain, project
from rnnsite.code_lines import mark_lines
from rnnsite.dispute import dispute_url
from rnnsite.live_legend import add_legend
from rnnsite.pdf import PDF_NAME
from rnnsite.releases import version
from rnnsite.table_numbers import group_columns

log = logging.getLogger("mkdocs.plugins.rnnsite")
PDF_SIZE_SLOT = '<span class="pdf-handout__size" data-pdf-size></span>'


def on_config(config, **kwargs):
    config.extra["version"] = version()
    return config


# a "/" a break may follow: in a path, not in "https://", not the address's last
_SLASH = re.compile(r"(?<![:/])/(?=\w)")


def url_link(url: str) -> str:
    """``url`` as a link whose text breaks only after a "/" of its path (never at a hyphen
    inside a segment, "task-1-" / "1/", which reads as hyphenation; nor after "https://",
    which ended a line: design review of 7 December, round E): each segment with its slash
    unbroken, a <wbr> between them; the text is still the address, character for
    character."""
    e = html.escape
    ends = [m.end() for m in _SLASH.finditer(url)]
    parts = [url[a:b] for a, b in zip([0, *ends], [*ends, len(url)], strict=True)]
    segments = "<wbr>".join(f'<span class="rn-nobr">{e(part)}</span>' for part in parts)
    return f'<a class="takeaway__url" href="{e(url)}">{segments}</a>'


def takeaway_html(page: AnswerPage, config) -> str:
    """The end of an answer page: the dispute link, then "Cite this page"."""
    p = project(config)
    url = page_url(p, page)
    dispute = dispute_url(config["repo_url"], url, page.title, page.grade.badge, p.version)
    e = html.escape
    code = e(bibtex(p, page))
    cite = e(plain(p, page))
    if not cite.endswith(e(url)):
        raise ValueError(f"the citation of {page.src} must end with its address {url}")
    cite = cite[: -len(e(url))] + url_link(url)
    # its lines wrap (rnnnotes.css); a long address breaks after a "/" first, but not after
    # its last: a "}" alone on a row read as a stray (design review E)
    bib = (f'<pre class="takeaway__bibtex"><code class="language-bibtex" '
           f'tabindex="0">{_SLASH.sub("/<wbr>", code)}</code></pre>')
    return f"""
<section class="takeaway" aria-labelledby="cite-this-page" data-version="{e(p.version)}">
<p class="takeaway__dispute"><a class="takeaway__dispute-link" href="{e(dispute)}" rel="nofollow"
 data-verdict="{e(page.grade.badge)}">Disagree with this verdict?</a>
This page grades the answer <strong>{e(page.grade.badge)}</strong>. The link opens a new issue
on GitHub, with this page and its grade filled in, that asks for your argument and a source.</p>
<h2 id="cite-this-page">Cite this page</h2>
<p class="takeaway__plain">{cite}</p>
{bib}
</section>"""


def pdf_link_html() -> str:
    """The home page's link to the PDF, hidden: ``rnnsite.pdf`` shows it, with the file's
    size, once it has written the PDF (a plain build or ``mkdocs serve`` has none, and a
    link there would lead nowhere)."""
    return (f'<p class="pdf-handout" hidden><a href="{PDF_NAME}" type="application/pdf">Every'
            f' answer in one PDF</a>, for printing or reading offline{PDF_SIZE_SLOT}.</p>')


def on_page_content(html_text, page, config, files, **kwargs):
    html_text = add_legend(group_columns(html_text))
    src = page.file.src_uri
    if is_answer_page(src):
        try:
            answer = AnswerPage.from_meta(src, page.meta)
        except AnswerPageError as error:
            raise PluginError(str(error)) from None
        html_text += takeaway_html(answer, config)
    elif page.is_homepage:
        head, sep, rest = html_text.partition("</h1>")
        link = pdf_link_html()
        html_text = head + sep + "\n" + link + rest if sep else link + html_text
    return mark_lines(html_text)
