// The reader's aids as laid out (test_browser_nav_fits.py, _live_legend, _aligned_equations,
// _footer, _toc):
// the left navigation against its box, the pitch of its links and where they lead; the key
// to the dotted underline against the page's first marked number. Reads only: it changes
// nothing.
() => {
  const wrap = document.querySelector(".md-sidebar--primary .md-sidebar__scrollwrap");
  let nav = null;
  if (wrap) {
    // the pitch: from a link's top to the next one's, in each list of links
    const steps = [...wrap.querySelectorAll(".md-nav__list")].flatMap((list) => {
      const tops = [...list.children].map((item) => item.querySelector(":scope > .md-nav__link"))
        .filter((a) => a && a.getClientRects().length).map((a) => a.getBoundingClientRect().top);
      return tops.slice(1).map((t, i) => t - tops[i]);
    });
    // the paths the primary navigation links to, of its links shown
    const links = [...document.querySelectorAll(".md-sidebar--primary a.md-nav__link")]
      .filter((a) => a.getClientRects().length).map((a) => new URL(a.href).pathname);
    nav = { scroll: wrap.scrollHeight, client: wrap.clientHeight, pitch: Math.min(...steps),
            height: innerHeight, links };
  }
  const marks = [...document.querySelectorAll("article .ld")];
  const legends = [...document.querySelectorAll("article .rn-live-legend")];
  const at = (el) => el && el.getBoundingClientRect();
  const first = marks[0], legend = legends[0];
  const sample = legend && legend.querySelector(".rn-live-legend__mark");
  const line = (el) => {  // how the dotted line is drawn: underline, or a border (math)
    const s = getComputedStyle(el);
    return s.textDecorationLine.includes("underline") ? s.textDecorationStyle
      : s.borderBottomStyle;
  };
  const firstLine = first && (first.matches("span.ld:not(:has(> .arithmatex))")
    ? line(first) : "dotted");
  const liveLegend = {
    marks: marks.length, legends: legends.length,
    before: Boolean(first && legend
      && legend.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING),
    // an answer page's: right under the derivation's heading, outside the answer box
    derivation: Boolean(document.getElementById("derivation")),
    afterDerivation: Boolean(legend && legend.previousElementSibling
      && legend.previousElementSibling.id === "derivation"),
    inBox: Boolean(legend && legend.closest(".answer-box")),
    // never between a sentence ending in a colon and the block it leads into
    afterColon: Boolean(legend && legend.previousElementSibling
      && /:\s*$/.test(legend.previousElementSibling.textContent)),
    gap: first && legend ? at(first).top - at(legend).bottom : null,
    shown: Boolean(legend && legend.checkVisibility()),
    text: legend ? legend.textContent : "",
    sample: sample ? line(sample) : null, firstLine,
  };
  // Aligned equations: a cell set right (the left-hand sides) ends at its column's right
  // edge, so the "=" signs line up (Chromium ignores MathML's columnalign).
  const cells = [...document.querySelectorAll('mtd[columnalign="right"]')]
    .filter((td) => td.getClientRects().length && td.children.length);
  const unaligned = cells.map((td) => {
    const end = Math.max(...[...td.children].map((k) => k.getBoundingClientRect().right));
    return { gap: td.getBoundingClientRect().right - end, text: td.textContent.trim().slice(0, 20) };
  }).filter((c) => c.gap > 1);
  // The footer's "Previous" and "Next" titles: cut (wider than their box), and their lines.
  const footerTitles = [...document.querySelectorAll(".md-footer__title")]
    .filter((t) => getComputedStyle(t).display !== "none")
    .map((t) => { const e = t.querySelector(".md-ellipsis") || t;
      const range = document.createRange();
      range.selectNodeContents(e);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0)
        .map((r) => Math.round(r.bottom)));
      return { title: e.textContent.trim(), over: e.scrollWidth - e.clientWidth,
               lines: tops.size }; });
  // Each heading with math, emphasis or code (not mkdocstrings' object headings), and every
  // table-of-contents link to it: its words, its styled elements in order, and the font
  // its math letters are drawn in; and any link of the tables of contents showing a ¶.
  const styled = "math, em, strong, code, sub, sup";
  const words = (el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach((a) => a.remove());
    return copy.textContent.replace(/\s+/g, "");
  };
  const shape = (el) => [...el.querySelectorAll(styled)]
    .filter((s) => !s.closest(".headerlink")).map((s) => s.localName).join(" ");
  const font = (el) => { const mi = el.querySelector("mi");
    return mi ? getComputedStyle(mi).fontFamily.split(",")[0].replace(/"/g, "") : ""; };
  const tocHeadings = [...document.querySelectorAll("article :is(h2, h3, h4)[id]:not(.doc-heading)")]
    .filter((h) => shape(h))
    .map((h) => ({
      id: h.id, words: words(h), shape: shape(h), font: font(h),
      links: [...document.querySelectorAll(`a.md-nav__link[href="#${h.id}"]`)]
        .map((a) => ({ where: a.closest(".md-sidebar--primary") ? "drawer" : "sidebar",
                       words: words(a), shape: shape(a), font: font(a) })),
    }));
  const tocPilcrows = [...document.querySelectorAll("a.md-nav__link")]
    .map((a) => a.textContent.trim()).filter((t) => t.includes("¶"));
  // The answers' cards (a phone): the name each question or reason cell shows above it.
  const cardLabels = [...document.querySelectorAll(".answers-table td[data-label]")]
    .map((td) => ({ label: td.dataset.label,
                    shown: getComputedStyle(td, "::before").content.replace(/^"|"$/g, "") }));
  // The footer's links, each with the words it shows (a bare arrow shows none).
  const footerLinks = [...document.querySelectorAll("a.md-footer__link")].map((a) => ({
    prev: a.classList.contains("md-footer__link--prev"), shown: a.innerText.trim() }));
  return { nav, liveLegend, alignedCells: cells.length, unaligned, footerTitles, footerLinks,
           cardLabels, tocHeadings, tocPilcrows };
}
