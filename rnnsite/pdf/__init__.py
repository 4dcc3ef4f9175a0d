"""The PDF of every answer: the home page's table, the nine answer pages in the order of
the nav, Conventions and References, printed by Chromium from the built site.

``uv run python -m rnnsite.pdf`` builds the site (``mkdocs build --strict`` into ``site/``)
and writes ``site/rnnnotes.pdf`` beside it; ``--site DIR`` reuses a built site. See
:mod:`rnnsite.pdf.build` for how.
"""

PDF_NAME = "rnnnotes.pdf"  # beside the built site's index.html, where the home page links it
