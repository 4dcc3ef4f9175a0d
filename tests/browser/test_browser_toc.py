"""The tables of contents show a heading as the heading shows it (rnnsite/toc_rich.py):
the same words and symbols, and the same math, emphasis and code, in the right sidebar at a
desk and in the drawer on a phone; the math in the math font, as in the heading. Every
page with such a heading, at 390 and 1280 px.

Before the hook, "What does grow with T" had an upright "T" of the text font in both
tables of contents, and ``rnnnotes count`` lost its code face."""

from __future__ import annotations

from browser_audit import PAGES

STYLED = "math, em, strong, code, sub, sup"
# Each heading with math, emphasis or code (not mkdocstrings' object headings), and every
# table-of-contents link to it: its words, its styled elements in order, and the font
# its math letters are drawn in.
READ = """(styled) => {
  const words = (el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach((a) => a.remove());
    return copy.textContent.replace(/\\s+/g, "");
  };
  const shape = (el) => [...el.querySelectorAll(styled)]
    .filter((s) => !s.closest(".headerlink")).map((s) => s.localName).join(" ");
  const font = (el) => { const mi = el.querySelector("mi");
    return mi ? getComputedStyle(mi).fontFamily.split(",")[0].replace(/"/g, "") : ""; };
  return [...document.querySelectorAll("article :is(h2, h3, h4)[id]:not(.doc-heading)")]
    .filter((h) => shape(h))
    .map((h) => ({
      id: h.id, words: words(h), shape: shape(h), font: font(h),
      links: [...document.querySelectorAll(`a.md-nav__link[href="#${h.id}"]`)]
        .map((a) => ({ where: a.closest(".md-sidebar--primary") ? "drawer" : "sidebar",
                       words: words(a), shape: shape(a), font: font(a) })),
    }));
}"""
# the pages whose headings have math or code: the test must see some
EXPECTED = {"task-1-1/q2-parameters-over-time/", "cli/"}


def test_toc_entries_show_what_their_heading_shows(light_view, server):
    name, page = light_view
    seen, wrong = set(), []
    for path in PAGES:
        page.goto(server.url + path)
        for heading in page.evaluate(READ, STYLED):
            seen.add(path)
            if not heading["links"]:
                wrong.append((path, heading["id"], "no entry in any table of contents"))
            for link in heading["links"]:
                got = {k: link[k] for k in ("words", "shape", "font")}
                want = {k: heading[k] for k in ("words", "shape", "font")}
                if got != want:
                    wrong.append((path, heading["id"], link["where"], got, want))
        pilcrows = page.evaluate("[...document.querySelectorAll('a.md-nav__link')]"
                                 ".map((a) => a.textContent.trim()).filter((t) => t.includes('¶'))")
        if pilcrows:
            wrong.append((path, "a permalink's ¶ in the table of contents", pilcrows))
    assert EXPECTED <= seen, f"{name}: headings with math or code not found on {EXPECTED - seen}"
    assert not wrong, f"{name}: {wrong}"
