// Notebook cells and figures as laid out (tests/browser/test_browser_layout.py): where a
// code cell's copy button sits against the glyphs of its code, how printed output breaks,
// how close the labels of a figure come, how a figure's caption is aligned.
() => {
  const visible = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const rect = (el) => el.getBoundingClientRect();
  const meets = (a, b) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
  const glyphs = (node) => {  // the boxes of its text (not of its elements: a code line's span)
    const range = document.createRange(), out = [];
    const texts = node.nodeType === Node.TEXT_NODE ? [node] : [];
    for (const walk = document.createTreeWalker(node, NodeFilter.SHOW_TEXT); walk.nextNode();) texts.push(walk.currentNode);
    for (const t of texts) {
      range.selectNodeContents(t);
      out.push(...[...range.getClientRects()].filter((r) => r.width > 0));
    }
    return out;
  };
  // Each line of a <pre> (split at its newlines): its text and the boxes of its glyphs.
  const lines = (pre) => {
    const out = [{ text: "", rects: [], words: [] }];
    const walk = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      let start = 0;
      t.data.split("\n").forEach((part, i) => {
        if (i > 0) out.push({ text: "", rects: [], words: [] });
        const line = out[out.length - 1];
        if (part) {
          const range = document.createRange();
          range.setStart(t, start);
          range.setEnd(t, start + part.length);
          line.text += part;
          line.rects.push(...[...range.getClientRects()].filter((r) => r.width > 0));
          for (const m of part.matchAll(/\S+/g)) {  // its words, each with its boxes
            const word = document.createRange();
            word.setStart(t, start + m.index);
            word.setEnd(t, start + m.index + m[0].length);
            line.words.push({ text: m[0], rects: [...word.getClientRects()].filter((r) => r.width > 0) });
          }
        }
        start += part.length + 1;
      });
    }
    return out.filter((l) => l.text.trim());
  };
  const tops = (rects) => new Set(rects.map((r) => Math.round(r.top))).size;

  // Code cells: the copy button against its code's glyphs; the space above the first line.
  const codeCells = [...document.querySelectorAll(".jp-CodeMirrorEditor")].filter(visible).map((ed) => {
    const button = ed.querySelector("clipboard-copy"), pre = ed.querySelector(".highlight-ipynb pre");
    if (!button || !pre) return null;
    const b = rect(button), box = rect(ed), first = lines(pre)[0];
    const line = first.rects;
    return {
      code: pre.textContent.trim().slice(0, 30),
      button: { width: b.width, height: b.height },
      // its words' boxes (a space where a line wraps hangs past the text's edge, undrawn)
      overText: lines(pre).some((l) => l.words.some((w) => w.rects.some((r) => meets(r, b)))),
      above: Math.min(...line.map((r) => r.top)) - box.top,  // px above the first line's glyphs
      firstFits: Math.max(...line.map((r) => r.right)) <= b.left,  // would end left of the button
    };
  }).filter(Boolean);

  // Printed output: words never broken; a line that aligns columns (a run of two spaces
  // between words) stays one line; a line that reads as prose never runs past the box.
  const printed = [...document.querySelectorAll(".jp-OutputArea-output")].filter(visible)
    .map((box) => [box, box.querySelector(":scope > pre")]).filter(([, pre]) => pre)
    .map(([box, pre]) => {
      const inner = rect(box).left + box.clientLeft + box.clientWidth - parseFloat(getComputedStyle(box).paddingRight);
      const brokenWords = [], wrappedRows = [], proseScrolls = [];
      for (const line of lines(pre)) {
        const tabular = /\S {2,}\S/.test(line.text);
        if (tabular && tops(line.rects) > 1) wrappedRows.push(line.text);
        const words = line.words.flatMap((w) => w.rects);
        if (!tabular && Math.max(...words.map((r) => r.right)) > inner + 1) proseScrolls.push(line.text);
        brokenWords.push(...line.words.filter((w) => tops(w.rects) > 1).map((w) => w.text));
      }
      return { text: pre.textContent.trim().slice(0, 30), brokenWords, wrappedRows, proseScrolls,
               scrolls: box.scrollWidth > box.clientWidth,
               size: parseFloat(getComputedStyle(pre).fontSize) };
    });

  // Figures: every label's box as displayed (every text is drawn as glyph outlines: a group
  // of <use> of glyphs, whose ids end "-g-<n>"), in the inline <svg> as the page shows it;
  // the smallest gap between two of them.
  // (every figure: those in a folded <details> too, unfolded while measured, then folded)
  const folded = [...document.querySelectorAll("details:not([open])")]
    .filter((d) => d.querySelector("figure.rnnnotes-figure"));
  for (const d of folded) d.open = true;
  const figures = [];
  for (const svg of document.querySelectorAll("figure.rnnnotes-figure > svg")) {
    if (!visible(svg)) continue;
    const glyphUse = (u) => u.tagName === "use" && /-g-\d+$/.test(u.getAttribute("href") || "");
    const labels = [...svg.querySelectorAll("text"),
      ...[...svg.querySelectorAll("g")].filter((g) => [...g.children].some(glyphUse))];
    const boxes = labels.map((el) => {
      const bb = el.getBBox(), m = el.getScreenCTM();
      const pts = [[bb.x, bb.y], [bb.x + bb.width, bb.y], [bb.x, bb.y + bb.height],
                   [bb.x + bb.width, bb.y + bb.height]].map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
      const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
      return { el, what: el.textContent.trim() || `(label at ${Math.round(bb.x)}, ${Math.round(bb.y)})`, left: Math.min(...xs), right: Math.max(...xs),
               top: Math.min(...ys), bottom: Math.max(...ys) };
    });
    // The lines of one label (matplotlib writes each line of a multi-line text as a <text>
    // of its own, placed by a translate and no text-anchor) count as one box: same size,
    // aligned at the left, centre or right, one line spacing apart.
    const stacked = boxes.filter((b) => b.el.tagName === "text" && !b.el.style.textAnchor);
    for (const a of stacked) {
      for (const b of stacked) {
        const h = a.bottom - a.top;
        if (a === b || a.merged || b.merged || Math.abs(h - (b.bottom - b.top)) > 0.5) continue;
        const aligned = [a.left - b.left, a.right - b.right, a.left + a.right - b.left - b.right]
          .some((d) => Math.abs(d) <= 1);
        if (!aligned || Math.abs(b.top - a.bottom) > 0.15 * h) continue;
        Object.assign(a, { left: Math.min(a.left, b.left), right: Math.max(a.right, b.right),
                           bottom: b.bottom, what: `${a.what} / ${b.what}` });
        b.merged = true;
      }
    }
    boxes.splice(0, boxes.length, ...boxes.filter((b) => !b.merged));
    // labels that run past the figure's edge (cut off by the <svg>)
    const frame = rect(svg);
    const cut = boxes.filter((b) => b.left < frame.left - 0.5 || b.right > frame.right + 0.5 ||
                                    b.top < frame.top - 0.5 || b.bottom > frame.bottom + 0.5)
      .map((b) => b.what.slice(0, 20));
    let closest = null;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        const gap = Math.max(b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom);
        if (!closest || gap < closest.gap) closest = { gap, a: a.what.slice(0, 20), b: b.what.slice(0, 20) };
      }
    }
    // The caption: one line centred under the figure, several lines set flush left.
    const caption = svg.closest("figure").querySelector("figcaption");
    let captionLines = null;
    if (caption && visible(caption)) {
      // lines: the boxes of its words (not of its math, whose scripts sit higher or lower)
      // grouped by line; a formula at a line's start or end counts as part of it
      const words = [];
      const walk = document.createTreeWalker(caption, NodeFilter.SHOW_TEXT);
      for (let t = walk.nextNode(); t; t = walk.nextNode()) {
        if (!t.data.trim() || t.parentElement.closest("math")) continue;
        words.push(...glyphs(t));
      }
      const rows = [];
      for (const r of words.sort((a, b) => a.top - b.top)) {
        const mid = (r.top + r.bottom) / 2;
        const row = rows.find((w) => mid > w.top && mid < w.bottom);
        if (row) { row.left = Math.min(row.left, r.left); row.right = Math.max(row.right, r.right); }
        else rows.push({ top: r.top, bottom: r.bottom, left: r.left, right: r.right });
      }
      for (const m of caption.querySelectorAll("math, code")) {  // a formula or code joins its line
        const r = rect(m), mid = (r.top + r.bottom) / 2;
        const row = rows.find((w) => mid > w.top - 4 && mid < w.bottom + 4);
        if (row) { row.left = Math.min(row.left, r.left); row.right = Math.max(row.right, r.right); }
      }
      const f = rect(svg.closest("figure"));
      captionLines = { lines: rows.length, lefts: rows.map((w) => Math.round(w.left)), figureLeft: Math.round(f.left) };
    }
    figures.push({ name: svg.getAttribute("aria-label").slice(0, 40), labels: boxes.length, closest, cut,
                   caption: captionLines });
  }
  for (const d of folded) d.open = false;
  return { codeCells, printed, figureLayout: figures };
}
