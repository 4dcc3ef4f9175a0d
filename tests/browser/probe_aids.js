// The reader's aids as laid out (test_browser_nav_fits.py, test_browser_live_legend.py):
// the left navigation against its box and the pitch of its links; the key to the dotted
// underline against the page's first marked number. Reads only: it changes nothing.
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
    nav = { scroll: wrap.scrollHeight, client: wrap.clientHeight, pitch: Math.min(...steps),
            height: innerHeight };
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
  return { nav, liveLegend, alignedCells: cells.length, unaligned };
}
