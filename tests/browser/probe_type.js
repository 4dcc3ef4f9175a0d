// Tables, formulas and code as set (test_browser_tables.py, _typesetting,
// _type_and_quotes): each table's style, the answers table's columns, the columns of
// numbers; each formula's tokens and its gap to the word before; options in inline code;
// headings' permalinks (the page's scroll width is probe.js's); a verbatim quote's stray
// "$$"; the size of every code block. To see the code in closed details it opens them, and
// shuts them again before it returns: the audit runs it after the probes that only read.
() => {
  // the page's own article (not a search result's: those stay in the page once searched)
  const MAIN = "article.md-content__inner";
  const rect = (el) => el.getBoundingClientRect();
  // --- tables (test_browser_tables.py) ---
  const tables = [...document.querySelectorAll(`${MAIN} table`)].map((t) => {
    const th = t.querySelector("th"), td = t.querySelector("tbody td");
    const pick = (el, keys) => {
      const s = getComputedStyle(el);
      return Object.fromEntries(keys.map((k) => [k, s[k]]));
    };
    const cell = ["fontSize", "paddingTop", "paddingRight", "paddingBottom", "paddingLeft",
                  "verticalAlign", "fontVariantNumeric"];
    return {
      where: (t.closest(".answers-table, .grading-scale")?.className || "table"),
      table: pick(t, ["fontSize", "borderTopStyle", "borderTopWidth", "borderTopColor"]),
      th: th && pick(th, [...cell, "fontWeight", "backgroundColor", "borderBottomStyle",
                          "borderBottomWidth", "borderBottomColor"]),
      td: td && pick(td, [...cell, "borderTopStyle", "borderTopWidth", "borderTopColor"]),
    };
  });
  // the answers table (home, summary): its width, its questions' column and their lines,
  // the widths of the cells of its first row
  const answers = document.querySelector(".answers-table table");
  let answersTable = null;
  if (answers) {
    const links = [...answers.querySelectorAll("tbody td > a:only-child")];
    const row = document.querySelector(".answers-table tbody tr");
    answersTable = {
      table: rect(answers).width,
      column: links.length ? rect(links[0].closest("td")).width : null,
      lines: links.map((a) => {
        const rects = [...a.getClientRects()];
        return [a.textContent.trim(), new Set(rects.map((r) => Math.round(r.top))).size];
      }),
      widths: row ? [...row.children].map((td) => rect(td).width) : [],
    };
  }
  // Each column of a table whose body cells each read as one number (a reveal's own text
  // aside): the right edges of its numbers, in viewport px.
  const number = /^[−-]?\d{1,3}(,\d{3})*(\.\d+)?$|^[−-]?\d+(\.\d+)?$/;
  const shown = (cell) => {  // the text nodes a reader sees as the cell's number
    const nodes = [], walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!n.parentElement.closest(".ld-tip") && n.data.trim()) nodes.push(n);
    }
    return nodes;
  };
  const numberColumns = [];
  for (const table of document.querySelectorAll(`${MAIN} table:not([class])`)) {
    const rows = [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.children]);
    const width = Math.max(0, ...rows.map((r) => r.length));
    for (let c = 0; c < width; c++) {
      const cells = rows.map((r) => r[c]).filter(Boolean);
      const texts = cells.map((cell) => shown(cell).map((n) => n.data).join("").trim());
      if (!cells.length || !texts.every((t) => number.test(t))) continue;
      const rights = cells.map((cell) => Math.max(...shown(cell).map((n) => {
        const range = document.createRange();
        range.selectNodeContents(n);
        return range.getBoundingClientRect().right;
      })));
      numberColumns.push({ texts, spread: Math.max(...rights) - Math.min(...rights) });
    }
  }
  // Every column of every table: its header's and its body cells' alignment, and whether
  // each body cell reads as one number (prose, or a formula such as 2.2×10⁻¹¹), empty
  // cells left out (test_browser_tables.py: a column of numbers is set right).
  const oneNumber = /^[−-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(×10[−-]?\d+)?$/;
  const columnAligns = [];
  for (const table of document.querySelectorAll(`${MAIN} table`)) {
    const head = [...table.querySelectorAll("thead tr > *")];
    const rows = [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.children]);
    const width = Math.max(0, ...rows.map((r) => r.length));
    for (let c = 0; c < width; c++) {
      const cells = rows.map((r) => r[c]).filter((cell) => cell
        && shown(cell).map((n) => n.data).join("").trim());
      const align = (cell) => getComputedStyle(cell).textAlign;
      columnAligns.push({
        header: head[c] ? head[c].textContent.trim() : null,
        headAlign: head[c] ? align(head[c]) : null,
        cells: cells.map((cell) => {
          const text = shown(cell).map((n) => n.data).join("").replace(/\s+/g, "");
          return [text, oneNumber.test(text), align(cell)];
        }),
      });
    }
  }
  // After each set of tabs followed by a paragraph: the gap from the open tab's last
  // block to that paragraph, and the page's gap between two paragraphs (the first pair of
  // the article's own), both in px (test_browser_tables.py: the tabs' gap).
  const pair = document.querySelector(`${MAIN} > p:has(+ p)`);
  const paraGap = pair ? rect(pair.nextElementSibling).top - rect(pair).bottom : null;
  const tabGaps = [...document.querySelectorAll(`${MAIN} .tabbed-set`)].flatMap((set) => {
    const next = set.nextElementSibling;
    const open = [...set.querySelectorAll(":scope > .tabbed-content > .tabbed-block")]
      .find((block) => block.offsetParent);
    const last = open && open.lastElementChild;
    if (!next || next.tagName !== "P" || !last || !next.offsetParent) return [];
    // (a page without two paragraphs in a row: the gap two paragraphs like the next one
    // would leave, the larger of its margins, as they collapse)
    const own = getComputedStyle(next);
    return [{ gap: rect(next).top - rect(last).bottom,
              paraGap: paraGap ?? Math.max(parseFloat(own.marginTop), parseFloat(own.marginBottom)),
              next: next.textContent.trim().slice(0, 40) }];
  });
  // --- formulas, inline code, permalinks (test_browser_typesetting.py) ---
  // Every formula of the article in order: its text (spaces removed, and trimmed), the
  // boxes of its tokens and its font size; in a paragraph, the gap from the last letter of
  // the text before it to its first glyph, and the width of the text's space after that
  // letter.
  const wordGap = (math) => {
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    walk.currentNode = math;
    let text = walk.previousNode();
    while (text && !text.textContent.trim()) text = walk.previousNode();
    const glyph = math.querySelector("mi, mo");
    if (!text || !glyph) return null;
    const end = text.textContent.trimEnd().length;
    const range = (a, b) => { const r = document.createRange(); r.setStart(text, a);
                              r.setEnd(text, b); return r.getBoundingClientRect(); };
    try {
      return { gap: glyph.getBoundingClientRect().left - range(end - 1, end).right,
               space: range(end, end + 1).width, before: text.textContent.slice(-12) };
    } catch { return null; }  // no space after the text: nothing to compare
  };
  const formulas = [...document.querySelectorAll(`${MAIN} math`)].map((math) => ({
    compact: math.textContent.replace(/\s+/g, ""), trimmed: math.textContent.trim(),
    boxes: [...math.querySelectorAll("mi, mn, mo")].map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent.trim(), left: r.left, right: r.right };
    }),
    size: parseFloat(getComputedStyle(math).fontSize),
    inParagraph: Boolean(math.closest(`${MAIN} p`)),
    word: math.closest(`${MAIN} p`) ? wordGap(math) : null,
  }));
  const optionCodes = [...document.querySelectorAll(`${MAIN} code`)]
    .filter((c) => !c.closest("pre") && c.textContent.startsWith("-"))
    .map((c) => [c.textContent, c.getClientRects().length]);
  // For each heading with a permalink: does the ¶ share a line with the heading's last text?
  const permalinks = [...document.querySelectorAll(`${MAIN} :is(h1, h2, h3, h4) a.headerlink`)]
    .map((link) => {
      const heading = link.closest("h1, h2, h3, h4");
      const range = document.createRange();
      range.setStart(heading, 0);
      range.setEndBefore(link);
      const lines = [...range.getClientRects()].filter((r) => r.width > 0);
      const last = lines[lines.length - 1], l = link.getBoundingClientRect();
      return { text: heading.textContent,
               sameLine: Boolean(last) && l.top < last.bottom && l.bottom > last.top };
    });
  // --- a verbatim quote's stray "$$" (test_browser_type_and_quotes.py) ---
  const quote = document.querySelector("blockquote.student");
  const strays = quote && [...quote.querySelectorAll(".mathml-block")].map((block) => {
    const q = rect(quote);
    const math = rect(block), stray = block.nextElementSibling;
    const s = stray && rect(stray);
    const link = stray && stray.querySelector('a[href^="#"]');
    const target = link && document.getElementById(link.getAttribute("href").slice(1));
    return { mathText: block.textContent, strayText: stray && stray.textContent,
             chars: stray && stray.querySelector("code")
               && stray.querySelector("code").textContent,
             inScroller: Boolean(stray && stray.closest(".rnnnotes-scrolls")),
             mathBottom: math.bottom, mathTop: math.top, mathRight: math.right,
             s: s && { left: s.left, right: s.right, top: s.top, bottom: s.bottom },
             q: { left: q.left, right: q.right }, vw: document.documentElement.clientWidth,
             note: target && target.textContent };
  });
  const paragraph = document.querySelector(".md-typeset p");
  const paragraphSize = paragraph && parseFloat(getComputedStyle(paragraph).fontSize);
  // --- every code block's size, the closed details opened (and shut again) ---
  const closed = [...document.querySelectorAll("details")].filter((d) => !d.open);
  closed.forEach((d) => { d.open = true; });
  const codeSizes = [...document.querySelectorAll(
    ".md-content pre > code, .md-content .jp-Cell pre")]
    .filter((el) => el.offsetParent !== null && el.textContent.trim())
    .map((el) => { const cs = getComputedStyle(el); return [cs.fontSize, cs.lineHeight]; });
  closed.forEach((d) => { d.open = false; });
  return { tables, answersTable, numberColumns, columnAligns, tabGaps, formulas, optionCodes, permalinks,
           strays, paragraphSize, codeSizes };
}
