"""The PDF of every answer (rnnsite.pdf), printed from the built site and read back with
pypdf (text, links, size) and pdfplumber (where each character sits).

Budget: at most 80 A4 pages and 6 MB (measured: 54 pages, 2.3 MB, with 20 wide blocks
scaled to the column). Set ``RNNNOTES_SITE`` to a built site to reuse it instead of the
session's strict build.
"""

from __future__ import annotations

import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from livedocs.wording import WORDING
from rnnsite.answer_pages import answer_pages
from rnnsite.citation import long_date, project
from rnnsite.pdf.build import MARGIN, book_pages, print_pdf

pytestmark = pytest.mark.slow
MAX_PAGES, MAX_BYTES = 80, 6_000_000
MM = 72 / 25.4  # PDF points per millimetre
SEED = ("19,712", "39,552")  # the student's two totals (Task 1.1, Question 1)
PAGES_WITH_TIPS = "task-1-1/q1-unrolled-weights"


@pytest.fixture(scope="module")
def built(request) -> Path:
    return Path(os.environ["RNNNOTES_SITE"]) if os.environ.get("RNNNOTES_SITE") \
        else request.getfixturevalue("site")


@pytest.fixture(scope="module")
def printed(built, tmp_path_factory) -> tuple[Path, dict]:
    from tests.browser.site_server import chromium_or_skip

    chromium = chromium_or_skip()
    out = tmp_path_factory.mktemp("pdf") / "rnnnotes.pdf"
    return out, print_pdf(built, out, chromium)


@pytest.fixture(scope="module")
def pdf(printed) -> Path:
    return printed[0]


@pytest.fixture(scope="module")
def reader(pdf) -> PdfReader:
    return PdfReader(pdf)


@pytest.fixture(scope="module")
def texts(reader) -> list[str]:
    """Each page's text, with runs of white space made one space."""
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_the_cover_states_the_version_and_date(texts):
    p = project()
    assert f"Version {p.version} · {long_date(p.date)}" in texts[0]
    assert p.site_url in texts[0]


@pytest.mark.parametrize("page", answer_pages(), ids=lambda p: p.src)
def test_every_answer_is_in_it_with_its_title_and_verdict(texts, page):
    whole = " ".join(texts)
    assert page.title in whole
    at = whole.index(page.title)
    assert page.grade.badge in whole[at:], f"{page.src}: no {page.grade.badge!r} after its title"


def test_reveal_popups_are_absent_though_the_site_has_them(built, texts, printed):
    tip = WORDING["live"]
    assert tip in (built / PAGES_WITH_TIPS / "index.html").read_text()
    assert printed[1]["tips"] == 0
    assert tip not in " ".join(texts)


def test_collapsible_blocks_are_open_and_figures_light(printed):
    measured = printed[1]
    assert measured["closed"] == 0 and measured["dark"] == 0
    assert measured["light"] > 0


def test_the_seeds_totals_are_in_it(texts):
    whole = " ".join(texts)
    for number in SEED:
        assert number in whole


def test_size_and_page_count_stay_within_the_budget(pdf, reader):
    sections = len(book_pages())
    assert sections < len(reader.pages) <= MAX_PAGES
    assert pdf.stat().st_size <= MAX_BYTES


def test_every_page_has_its_number_and_the_version(texts):
    version = re.escape(project().version)
    for i, text in enumerate(texts, 1):
        assert re.search(rf"rnnnotes {version} {i} / {len(texts)}$", text), \
            f"page {i}: no version and page number in its footer"


def test_math_is_set_in_stix_two_math(reader):
    fonts = {str(font.get_object().get("/BaseFont"))
             for page in reader.pages
             for font in ((page.get("/Resources") or {}).get("/Font") or {}).values()}
    assert any(name.endswith("+STIXTwoMath") for name in fonts), fonts


def _internal_links(reader):
    for number, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link" and "/Dest" in annot:
                yield number, str(annot["/Dest"])


def test_internal_links_resolve_to_a_page_of_the_document(reader):
    names = reader.named_destinations
    links = list(_internal_links(reader))
    assert len(links) >= len(book_pages()), "fewer internal links than the contents lists"
    for number, dest in links:
        assert dest in names, f"page {number + 1}: link to {dest}, which is not in the PDF"
        assert reader.get_destination_page_number(names[dest]) in range(len(reader.pages))


def test_the_contents_lead_to_each_section(reader, texts):
    names = reader.named_destinations
    for i, section in enumerate(book_pages()):
        target = reader.get_destination_page_number(names[f"/page-{i}"])
        if section.src in {p.src for p in answer_pages()}:
            [answer] = [p for p in answer_pages() if p.src == section.src]
            assert answer.label in texts[target], f"contents entry {i + 1} lands elsewhere"
        else:
            assert section.title.split(":")[0] in texts[target] or i == 0


def beyond_margins(pdf: Path) -> list[tuple[int, str, int, int]]:
    """Every character of ``pdf`` left or right of the side margins, or off the sheet."""
    left, right = float(MARGIN["left"][:-2]) * MM, float(MARGIN["right"][:-2]) * MM
    outside = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            for ch in page.chars:
                if ch["text"].strip() and (ch["x0"] < left - 1 or ch["x1"] > page.width - right + 1
                                           or ch["top"] < 0 or ch["bottom"] > page.height):
                    outside.append((page.page_number, ch["text"], round(ch["x0"]), round(ch["x1"])))
    return outside


def test_no_text_lies_beyond_the_margins(pdf):
    outside = beyond_margins(pdf)
    assert outside == [], f"{len(outside)} characters beyond the margins, first: {outside[:10]}"


def test_the_margin_check_sees_a_line_too_long(browser_pdf_of):
    out = browser_pdf_of("<p style='white-space:nowrap'>" + "wide " * 60 + "</p>")
    # Chromium drops what lies off the sheet; what lies in the margin is drawn, and seen.
    assert beyond_margins(out) != []


def test_text_too_wide_for_the_column_stops_the_build(built, tmp_path):
    from rnnsite.pdf.build import PdfError
    from tests.browser.site_server import chromium_or_skip

    copy = tmp_path / "site"
    shutil.copytree(built, copy)
    conventions = copy / "conventions" / "index.html"
    wide = "<p style='white-space:nowrap'>" + "unbreakable " * 40 + "</p>"
    conventions.write_text(conventions.read_text().replace("<h2 ", wide + "<h2 ", 1))
    with pytest.raises(PdfError, match="text beyond the margin"):
        print_pdf(copy, tmp_path / "x.pdf", chromium_or_skip())


@pytest.fixture
def browser_pdf_of(tmp_path):
    """Print an HTML fragment with the book's margins, as page.pdf does for the book."""
    from playwright.sync_api import sync_playwright

    from tests.browser.site_server import CHROMIUM_ARGS, chromium_or_skip

    chromium = chromium_or_skip()

    def make(body: str) -> Path:
        out = tmp_path / "fragment.pdf"
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.set_content(f"<html><body>{body}</body></html>")
            page.pdf(path=str(out), format="A4", margin=MARGIN)
            browser.close()
        return out

    def in_own_thread(body: str) -> Path:
        # Playwright's sync API refuses a thread whose asyncio loop runs (the browser
        # tests' pytest-playwright leaves one running in this one)
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(make, body).result()

    return in_own_thread


def test_the_home_page_link_gets_the_pdfs_size(pdf, tmp_path):
    from rnnsite.pdf.build import human_size, set_size_on_home_page
    from rnnsite.takeaway_hook import pdf_link_html

    (tmp_path / "index.html").write_text(f"<h1>x</h1>{pdf_link_html()}<p>rest</p>")
    size = pdf.stat().st_size
    set_size_on_home_page(tmp_path, size)
    text = (tmp_path / "index.html").read_text()
    assert f'data-pdf-size="{size}"> (PDF, {human_size(size)})</span>' in text
    assert '<p class="pdf-handout">' in text and "hidden" not in text  # the link is shown
    set_size_on_home_page(tmp_path, 999)  # printed again: the size is replaced
    assert (tmp_path / "index.html").read_text().count("(PDF, ") == 1
    (tmp_path / "index.html").write_text("<h1>x</h1>")
    with pytest.raises(Exception, match="expected one PDF link to fill in, found 0"):
        set_size_on_home_page(tmp_path, size)
