"""The API reference lists every public object, and the built page renders cleanly.

Coverage is read from `docs/api/*.md` (one page per part of the package); rendering from
the pages the strict build writes: no raw Sphinx roles or field lists, no emphasis glued
into shapes such as `L*D`, no TeX left outside MathML, and every module docstring a
docstring points to is shown.
"""

from __future__ import annotations

import html
import importlib
import inspect
import pkgutil
import re
import types
from html.parser import HTMLParser
from pathlib import Path

import pytest

import rnnnotes

ROOT = Path(__file__).resolve().parents[2]
API_PAGES = sorted((ROOT / "docs" / "api").glob("*.md"))

# The pages whose docstrings follow the conventions (cross-references, `$...$` math,
# backticked shapes, Sphinx field lists parsed into lists).
CHECKED_SECTIONS = ("counting", "models", "gradflow", "train", "figures")


# ---------------------------------------------------------------- coverage (docs/api/)
def public_objects() -> set[str]:
    """``module.name`` for each class or function in a subpackage's ``__all__``."""
    found = set()
    for info in pkgutil.iter_modules(rnnnotes.__path__):
        module = importlib.import_module(f"rnnnotes.{info.name}")
        for name in getattr(module, "__all__", ()):
            if inspect.isclass(getattr(module, name)) or inspect.isfunction(getattr(module, name)):
                found.add(f"rnnnotes.{info.name}.{name}")
    return found


def entries() -> set[str]:
    return {e for page in API_PAGES
            for e in re.findall(r"^::: (\S+)$", page.read_text(encoding="utf-8"), re.M)}


def is_module(path: str) -> bool:
    try:
        return isinstance(importlib.import_module(path), types.ModuleType)
    except ImportError:
        return False


def documented() -> set[str]:
    """The objects the page documents (its module entries show module docstrings)."""
    return {e for e in entries() if not is_module(e)}


def test_every_public_object_is_documented():
    assert public_objects() - documented() == set()


def shared_bases() -> set[str]:
    """The package's base classes of public classes: documented once, for the members the
    public classes share (the Models page lists them once, not once per layer)."""
    found = set()
    for path in public_objects():
        module, _, name = path.rpartition(".")
        obj = getattr(importlib.import_module(module), name)
        if inspect.isclass(obj):
            found |= {f"{base.__module__}.{base.__qualname__}" for base in obj.__mro__[1:]
                      if base.__module__.startswith("rnnnotes.")}
    return found


def test_the_reference_names_only_public_objects():
    assert documented() - public_objects() - shared_bases() == set()


def test_the_shared_base_is_found():
    """Guards the allowance above: the layers' base is what it lets through."""
    assert "rnnnotes.nn.recurrent.Recurrent" in shared_bases()
    assert not shared_bases() & public_objects()


def test_there_is_something_to_document():
    assert "rnnnotes.counting.count_parameters" in public_objects()


def referenced_modules() -> dict[str, set[str]]:
    """Modules that a docstring of rnnnotes cross-references, with who refers to them."""
    refs: dict[str, set[str]] = {}
    for path in sorted((ROOT / "rnnnotes").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for target in re.findall(r"\]\[(rnnnotes(?:\.\w+)*)\]", text):
            if is_module(target):
                refs.setdefault(target, set()).add(str(path.relative_to(ROOT)))
    return refs


def test_each_module_docstring_a_docstring_points_to_is_on_the_page():
    refs = referenced_modules()
    assert "rnnnotes.counting.parameters" in refs  # count_parameters points to it
    missing = {module: who for module, who in refs.items() if module not in entries()}
    assert not missing, f"add a `::: module` entry to a page of docs/api/ for {missing}"


def test_no_docstring_says_module_docstring_without_linking_it():
    """"see the module docstring" must be a cross-reference, or the reader cannot follow it."""
    for path in sorted((ROOT / "rnnnotes").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"(?<!\[)the (module|subclass|class) docstring", text):
            line = text.count("\n", 0, match.start()) + 1
            pytest.fail(f"{path.relative_to(ROOT)}:{line}: '{match[0]}' is not a link")


# ---------------------------------------------------------------- the built page
def article(site: Path, name: str) -> str:
    page = (site / "api" / name / "index.html").read_text(encoding="utf-8")
    return page[page.index("<article"):page.index("</article>")]


@pytest.fixture(scope="module")
def pages_html(site: Path) -> dict[str, str]:
    """The article of each API page, by its name (``counting``, ``models``...)."""
    # The session's strict build (tests/conftest.py): an unresolved cross-reference is a
    # warning, so it fails there.
    return {p.stem: article(site, p.stem) for p in API_PAGES if p.stem != "index"}


@pytest.fixture(scope="module")
def api_html(pages_html: dict[str, str]) -> str:
    return "\n".join(pages_html.values())


def without_math(fragment: str) -> str:
    return re.sub(r"<math\b.*?</math>", " ", fragment, flags=re.S)


def text_of(fragment: str) -> str:
    """Visible text outside MathML, tags dropped and entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", " ", without_math(fragment)))


@pytest.fixture(scope="module")
def checked(pages_html) -> dict[str, str]:
    assert set(CHECKED_SECTIONS) <= set(pages_html), sorted(pages_html)
    return {name: pages_html[name] for name in CHECKED_SECTIONS}


def test_checked_sections_hold_the_objects_and_their_math(checked):
    """Guards the checks below against passing on an empty or math-free page."""
    for name, fragment in checked.items():
        assert fragment.count('class="doc doc-heading"') >= 3, name
        assert fragment.count("<math ") >= 5, name
    assert 'id="rnnnotes.nn.lstm_cell"' in checked["models"]


ROLE = re.compile(r":(?:py:)?(?:meth|func|attr|class|mod|data|obj|exc|const|ref|term):")
FIELD = re.compile(r"(?m)^\s*:(?:param|type|returns?|rtype|raises?|ivar|var|cvar|vartype)\b")


@pytest.mark.parametrize("name", CHECKED_SECTIONS)
def test_no_raw_sphinx_roles_or_fields(checked, name):
    text = text_of(checked[name])
    assert not ROLE.findall(text), ROLE.findall(text)
    assert not FIELD.findall(text), FIELD.findall(text)


@pytest.mark.parametrize("name", CHECKED_SECTIONS)
def test_no_emphasis_glued_into_a_word(checked, name):
    """`L*D, B, H) ... (L*D` written bare turns into `L<em>D, B, H) ... (L</em>D`."""
    # `<em>word</em>` is fine; emphasis opening right after a letter (or closing right
    # before one) is a `*` that was meant as a product
    glued = re.findall(r"[\w)]<em>|</em>[\w(]", without_math(checked[name]))
    assert not glued, glued


def test_no_docstring_line_turns_into_markup(pages_html):
    """Every API page: a wrapped docstring line that starts with ``>`` becomes a quote, and
    ``_`` pairs in bare ASCII math become emphasis that swallows the braces' text as
    attributes (``<em t-1>``)."""
    for name, fragment in pages_html.items():
        assert "<blockquote" not in fragment, name
        assert not re.findall(r"<em\s[^>]*>", fragment), (name, re.findall(r"<em\s[^>]*>",
                                                                            fragment))


TEX = re.compile(r"\\[A-Za-z]+|\\[()\[\]]|[_^]\{|\$")


@pytest.mark.parametrize("name", CHECKED_SECTIONS)
def test_no_tex_outside_mathml(checked, name):
    fragment = checked[name]
    raw = [m[0] for m in re.finditer(r'class="arithmatex[^"]*">(?!<math)', fragment)]
    assert not raw, "arithmatex wrappers left without MathML"
    text = text_of(fragment)
    found = [text[max(0, m.start() - 30):m.end() + 10] for m in TEX.finditer(text)]
    assert not found, found


def autorefs(fragment: str) -> list[tuple[str, str]]:
    """``(target id, link text)`` of each cross-reference mkdocs-autorefs rendered."""
    return [(m[1], text_of(m[2]).strip()) for m in re.finditer(
        r'<a\b[^>]*\bclass="autorefs[^"]*"[^>]*\bhref="(?:\.\./[\w-]+/)?#([^"]+)"[^>]*>(.*?)</a>',
        fragment, re.S)]


def test_cross_references_land_on_the_pages(api_html):
    ids = set(re.findall(r'\bid="([^"]+)"', api_html))
    targets = {target for target, _ in autorefs(api_html)}
    assert targets, "no cross-references rendered"
    assert targets <= ids, targets - ids


def test_module_docstrings_pointed_to_are_shown(api_html):
    """Each "module docstring" link lands on a module heading followed by its docstring."""
    links = autorefs(api_html)
    to_modules = {target for target, label in links if "module docstring" in label}
    assert "rnnnotes.counting.parameters" in to_modules
    for target in to_modules:
        heading = re.search(rf'<h([23]) id="{re.escape(target)}".*?</h\1>(.*?)</div>', api_html,
                            re.S)
        assert heading, f"no heading for {target}"
        assert len(text_of(heading[2]).split()) >= 10, f"{target}: docstring not shown"
    unlinked = text_of(api_html).count("module docstring") - len(
        [label for _, label in links if "module docstring" in label])
    assert unlinked == 0


# ---------------------------------------------------------------- one hierarchy on every page
class Outline(HTMLParser):
    """The headings of an article in order: ``(level, is an object's heading, depth)``, the
    depth counting the objects with a heading around it (1: an object of the page, 2: a
    member of one), and the index of the first paragraph among them."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[int, bool, int, str]] = []
        self.first_paragraph: int | None = None
        self._divs: list[list[bool]] = []  # per open div: [is a doc object, has its heading]

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "div":
            self._divs.append(["doc-object" in classes, False])
        elif tag == "p" and self.first_paragraph is None:
            self.first_paragraph = len(self.headings)
        elif re.fullmatch(r"h[1-6]", tag):
            doc = "doc-heading" in classes
            depth = sum(1 for is_object, headed in self._divs if is_object and headed)
            if doc:
                owner = next(d for d in reversed(self._divs) if d[0])
                owner[1] = True
                depth += 1
            self.headings.append((int(tag[1]), doc, depth, dict(attrs).get("id", "")))

    def handle_endtag(self, tag):
        if tag == "div" and self._divs:
            self._divs.pop()


def outline(fragment: str) -> Outline:
    parser = Outline()
    parser.feed(fragment)
    return parser


@pytest.mark.parametrize("name", CHECKED_SECTIONS)
def test_every_api_page_has_one_pattern(checked, name):
    """Title (h1), a paragraph that opens the page, then sections in words (h2), each of
    objects (h3: a module, class or function) whose members are h4, on every page. Before,
    Counting and Models used a module's heading as a section (h2), Gradient flow opened on
    its first section."""
    found = outline(checked[name])
    heads = found.headings
    assert [h[0] for h in heads].count(1) == 1 and heads[0][0] == 1, heads[:3]
    first_section = next(i for i, h in enumerate(heads) if h[0] == 2)
    assert found.first_paragraph is not None and found.first_paragraph <= first_section, \
        f"{name}: no paragraph between the title and the first section"
    sections = [h for h in heads if h[0] == 2]
    assert not [h for h in sections if h[1]], f"{name}: an object's heading is a section"
    objects = [h for h in heads if h[1]]
    assert {h[2] for h in objects} <= {1, 2}, f"{name}: objects nested deeper than a member"
    wrong = [(h[3], h[0]) for h in objects if h[0] != 2 + h[2]]
    assert not wrong, f"{name}: an object is not h3 or a member not h4: {wrong}"
    assert all(h[0] <= 2 or not h[1] for h in heads[:first_section]), \
        f"{name}: an object before the first section"
    starts = [i for i, h in enumerate(heads) if h[0] == 2] + [len(heads)]
    empty = [heads[a][3] for a, b in zip(starts, starts[1:], strict=False)
             if not any(h[1] and h[0] == 3 for h in heads[a + 1:b])]
    assert not empty, f"{name}: a section with no object: {empty}"


def test_the_outline_reads_nesting():
    """Guards the test above: a member is read at depth 2, an object at depth 1."""
    found = outline('<h1>T</h1><p>x</p><h2>S</h2><div class="doc doc-object">'
                    '<h3 class="doc doc-heading" id="a">A</h3><div class="doc doc-children">'
                    '<div class="doc doc-object"><h4 class="doc doc-heading" id="a.m">m</h4>'
                    '</div></div></div><div class="doc doc-object">'
                    '<h3 class="doc doc-heading" id="b">B</h3></div>')
    assert [(h[3], h[2]) for h in found.headings if h[1]] == [("a", 1), ("a.m", 2), ("b", 1)]
    assert found.first_paragraph == 1
