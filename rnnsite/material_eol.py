"""Silence Material for MkDocs' end-of-life banner in ``mkdocs serve`` and ``build``.

Material 9.7 prints a yellow notice on every start ("Material for MkDocs reaches end of
life on May 5, 2027 ...") unless ``NO_MKDOCS_2_WARNING`` is set before its theme package
is imported. ``mkdocs.yml`` names :data:`NOTED` with a ``!!python/name:`` tag, so this
module is imported while the YAML is read, which is before MkDocs loads the theme. The
README says what the end of life means for this site and what the plan is.
"""

from __future__ import annotations

import os

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

NOTED = "Material for MkDocs: end of life 2027-05-05; see the README for the plan."
