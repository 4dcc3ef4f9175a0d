"""The rnnnotes site's own build pieces, built on the generic :mod:`livedocs` checker.

Unlike :mod:`livedocs`, these import :mod:`rnnnotes` or know this site: figures drawn by
``rnnnotes.figures`` (:mod:`rnnsite.figures_ext`), the calculator's constants
(:mod:`rnnsite.calculator_ext`), the task notebooks (:mod:`rnnsite.notebooks`,
:mod:`rnnsite.notebooks_hook`), MathML (:mod:`rnnsite.mathml`), the fonts of math and text
(:mod:`rnnsite.fonts`), the CSS trimming of notebook pages (:mod:`rnnsite.csstrim`), and what a
reader takes away: the grading scale (:mod:`rnnsite.grades`), versions and the changelog check
(:mod:`rnnsite.releases`, :mod:`rnnsite.changelog`), citations and the dispute link
(:mod:`rnnsite.citation`, :mod:`rnnsite.dispute`, :mod:`rnnsite.takeaway_hook`) and the PDF
(:mod:`rnnsite.pdf`).
"""
