"""``uv run python -m rnnsite.pdf [--site DIR] [-o FILE]``: the PDF of every answer.

Without ``--site``, builds the site first (``mkdocs build --strict`` into ``site/``). Writes
``DIR/rnnnotes.pdf`` (or FILE) and fills in its size on the home page's link to it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from rnnsite.answer_pages import ROOT
from rnnsite.pdf import PDF_NAME
from rnnsite.pdf.build import PdfError, human_size, print_pdf, set_size_on_home_page


def find_chromium() -> str | None:
    """``RNNNOTES_CHROMIUM``, else Debian's /usr/bin/chromium, else one on the PATH (as the
    browser tests look for it)."""
    if os.environ.get("RNNNOTES_CHROMIUM"):
        return os.environ["RNNNOTES_CHROMIUM"]
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rnnsite.pdf", description=__doc__)
    parser.add_argument("--site", type=Path, help="a built site to print (default: build"
                                                  " one into site/)")
    parser.add_argument("-o", "--output", type=Path,
                        help=f"the PDF to write (default: SITE/{PDF_NAME})")
    parser.add_argument("--chromium", default=find_chromium(),
                        help="the Chromium to print with (default: RNNNOTES_CHROMIUM, else"
                             " /usr/bin/chromium, else chromium on the PATH)")
    args = parser.parse_args(argv)
    if args.chromium is None:
        parser.error("no Chromium found: install Debian's (apt-get install chromium) or set"
                     " RNNNOTES_CHROMIUM")
    start = time.perf_counter()
    site = args.site
    if site is None:
        site = ROOT / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                       cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    out = args.output or site / PDF_NAME
    try:
        measured = print_pdf(site, out, args.chromium)
    except PdfError as error:
        print(f"rnnsite.pdf: {error}", file=sys.stderr)
        return 1
    if out.resolve() == (site / PDF_NAME).resolve():
        set_size_on_home_page(site, measured["bytes"])
    from pypdf import PdfReader

    n = len(PdfReader(out).pages)
    print(f"wrote {out}: {n} pages, {human_size(measured['bytes'])}; printed in"
          f" {measured['seconds']} s, {time.perf_counter() - start:.1f} s in all;"
          f" {len(measured['scaled'])} wide blocks scaled to the column")
    return 0


if __name__ == "__main__":
    sys.exit(main())
