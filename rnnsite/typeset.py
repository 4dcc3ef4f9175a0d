"""Line breaks the browser would take where a reader would not: a Python-Markdown extension.

- **A heading's permalink** (the ``¶`` that ``toc`` appends, hidden until hovered) is an
  inline block in Material's style sheet, so a line may end before it: at 390 px it took a
  line of its own under "How the answers are graded", an empty line to the eye. It is kept
  with the heading's last word (or last element: math, code) in a ``rn-nobr`` span.
- **An option name** in inline code (``--initial-state``) broke after its dashes ("--" at
  the end of one line, "initial-state" on the next). Inline code that starts with "-" gets
  the ``rn-nobr`` class. Longer code keeps its breaks (no page may scroll sideways).

``rn-nobr`` is the site's no-wrap class (``docs/assets/rnnnotes.css``). Register after
``toc``, whose permalinks this moves (it runs after ``toc``'s tree processor)::

    markdown_extensions:
      - toc: {permalink: true}
      - rnnsite.typeset
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

NOBR = "rn-nobr"
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_LAST_WORD = re.compile(r"\S+\Z")


def _keep_permalink(heading: ElementTree.Element) -> None:
    children = list(heading)
    if not children or "headerlink" not in children[-1].get("class", "").split():
        return
    link = children[-1]
    before = children[-2] if len(children) > 1 else None
    text = heading.text if before is None else before.tail
    span = ElementTree.Element("span", {"class": NOBR})
    word = _LAST_WORD.search(text or "")
    if word:
        span.text = word[0]
        if before is None:
            heading.text = text[: word.start()]
        else:
            before.tail = text[: word.start()]
    elif before is not None and not (text or "").strip():
        heading.remove(before)  # the math or code the heading ends with goes along
        before.tail = None
        span.append(before)
    else:
        return  # the heading ends in a space: the browser may break there
    heading.remove(link)
    span.append(link)
    heading.append(span)


class _Permalinks(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        for el in list(root.iter()):
            if el.tag in _HEADINGS:
                _keep_permalink(el)


# Inline code as pymdownx.inlinehilite leaves it (stashed: it is in the page only after the
# raw HTML is restored). A block of code ends in a newline, or is highlighted in spans.
_OPTION = re.compile(r"<code>(-[^<\n]*)</code>")


class _Options(Postprocessor):
    def run(self, text: str) -> str:
        return _OPTION.sub(rf'<code class="{NOBR}">\1</code>', text)


class TypesetExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        # toc's tree processor (priority 5) adds the permalinks; this runs after it
        md.treeprocessors.register(_Permalinks(md), "rnnsite_permalinks", 4)
        # after the raw HTML is restored (priority 30)
        md.postprocessors.register(_Options(md), "rnnsite_options", 20)


def makeExtension(**kwargs: object) -> TypesetExtension:  # noqa: N802 (Python-Markdown's API)
    return TypesetExtension(**kwargs)
