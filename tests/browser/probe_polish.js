// The second design polish (7 December), measured on one page in one view: code that wraps
// with a hanging indent, one code background, notebook output in the text's colour, the
// copy button clear of code without a strip, the question box, captions, content tabs,
// headings, inline code and the citation's address. Returns plain data for the tests
// (tests/browser/test_browser_polish.py).
() => {
  const rect = (el) => el.getBoundingClientRect();
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const rgba = (c) => {
    const v = c.match(/[\d.]+/g).map(Number);
    return v.length > 3 ? v : [...v, 1];
  };
  // The colour a box shows: its own background, else the first one behind it.
  const shown = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) return `rgb(${c.slice(0, 3).join(", ")})`;
    }
    return "rgb(255, 255, 255)";
  };
  // A colour as the page computes it (a custom property may hold a hex or hsla value).
  const resolve = (value) => {
    const s = document.createElement("span");
    s.style.color = value;
    document.body.append(s);
    const c = getComputedStyle(s).color;
    s.remove();
    return c;
  };
  const text = (el) => el.textContent.replace(/\s+/g, " ").trim().slice(0, 50);
  // Line boxes of an element's text: [{top, left}], one per visual line.
  const lines = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const out = [];
    for (const r of range.getClientRects()) {
      if (r.width === 0) continue;
      const line = out.find((l) => Math.abs(l.top - r.top) < 3);
      if (line) line.left = Math.min(line.left, r.left);
      else out.push({ top: r.top, left: r.left });
    }
    return out.sort((a, b) => a.top - b.top);
  };
  const codes = [...document.querySelectorAll(".md-typeset pre > code, .jupyter-wrapper .highlight-ipynb pre")]
    .filter(visible);
  const cut = codes.filter((c) => c.scrollWidth > c.clientWidth + 1).map(text);
  // Each line of code or printed prose that wraps: where its next lines start, in
  // characters from the left edge of its box's text (0: back at the edge, read as a new line).
  const wrapped = [];
  for (const box of [...codes, ...document.querySelectorAll(".jp-OutputArea-output .nb-prose")]) {
    if (!visible(box)) continue;
    const s = getComputedStyle(box);
    const edge = rect(box).left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft);
    const probe = document.createElement("span");
    probe.textContent = "0000000000";
    probe.style.cssText = "position:absolute;white-space:pre;text-indent:0";
    box.append(probe);
    const ch = rect(probe).width / 10;
    probe.remove();
    // the rects of each of its lines, split at its newlines; its text; its first node
    const source = [{ rects: [], text: "", node: null, spans: [] }];
    const walk = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      let at = 0;
      n.data.split("\n").forEach((part, i) => {
        if (i > 0) source.push({ rects: [], text: "", node: null, spans: [] });
        const line = source[source.length - 1];
        if (part) {
          const range = document.createRange();
          range.setStart(n, at); range.setEnd(n, at + part.length);
          line.rects.push(...[...range.getClientRects()].filter((r) => r.width > 0));
          line.spans.push({ node: n, at, from: line.text.length, len: part.length });
          line.text += part;
          line.node = line.node || n.parentElement;
        }
        at += part.length + 1;
      });
    }
    for (const { rects, text: line, node, spans } of source) {
      const tops = [...new Set(rects.map((r) => Math.round(r.top)))].sort((a, b) => a - b);
      if (tops.length < 2) continue;
      const next = rects.filter((r) => Math.round(r.top) > tops[0]);
      // a line of code marks its wrapped rows: its element draws a mark in the margin
      // beside them, a masked pseudo-element (a printed prose line marks its own; the
      // calculator's command, its whole box)
      const own = node && (node.closest(".cl, .nb-prose") || (box.closest(".rn-calc__command") && box));
      const after = own && getComputedStyle(own, "::after");
      const rule = Boolean(after && after.content !== "none" && after.position === "absolute"
        && [after.maskImage, after.webkitMaskImage].some((m) => m && m !== "none"));
      const room = (rect(box).width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)
        - parseFloat(s.borderLeftWidth) - parseFloat(s.borderRightWidth)) / ch;
      // where its rows break: the text either side of each break (the row's last
      // character, the next row's first), read from each character's own box
      const splits = [];
      let top = null;
      for (const { node: n, at, from, len } of spans) {
        for (let i = from; i < from + len; i++) {
          if (/\s/.test(line[i])) continue;
          const range = document.createRange();
          range.setStart(n, at + i - from); range.setEnd(n, at + i - from + 1);
          const r = [...range.getClientRects()].find((c) => c.width > 0);
          if (!r) continue;
          if (top !== null && r.top > top + 3) splits.push({ before: line.slice(0, i), after: line.slice(i) });
          top = r.top;
        }
      }
      wrapped.push({ splits, text: text(box), code: !box.closest(".nb-prose") && !box.matches(".nb-prose"),
                     lead: line.length - line.trimStart().length, rule, room: Math.round(room),
                     hang: Math.round((Math.min(...next.map((r) => r.left)) - edge) / ch * 10) / 10 });
    }
  }
  const backgrounds = [...new Set([...document.querySelectorAll(
    ".md-typeset pre > code, .jupyter-wrapper .highlight-ipynb pre")].filter(visible).map(shown))];
  const codeBg = resolve("var(--md-code-bg-color)");
  const typeset = document.querySelector(".md-typeset");
  const outputColours = [...new Set([...document.querySelectorAll(".jp-OutputArea-output pre")]
    .filter(visible).map((el) => getComputedStyle(el).color))];
  const strips = document.querySelectorAll(".rn-copy-strip").length;
  // Notebook code cells against the text column (no prompt column beside them).
  const column = document.querySelector(".md-content__inner");
  const markdownCell = document.querySelector(".jp-MarkdownOutput p");
  const editors = [...document.querySelectorAll(".jp-InputArea-editor")].filter(visible)
    .map((el) => ({ left: rect(el).left, right: rect(el).right }));
  const textColumn = markdownCell ? { left: rect(markdownCell).left, right: rect(markdownCell).right } : null;
  const question = document.querySelector(".admonition.question");
  const answer = document.querySelector(".answer-box");
  const captions = [...document.querySelectorAll("figure figcaption")].filter(visible).map((el) => {
    const s = getComputedStyle(el);
    const p = el.closest("figure").parentElement.querySelector(":scope > p") || typeset;
    return { text: text(el), size: parseFloat(s.fontSize), body: parseFloat(getComputedStyle(p).fontSize),
             colour: s.color, bodyColour: getComputedStyle(typeset).color, back: shown(el), align: s.textAlign,
             left: rect(el).left - rect(el.closest("figure")).left };
  });
  const tabs = [...document.querySelectorAll(".tabbed-set")].filter(visible).map((set) => {
    const labels = [...set.querySelectorAll(".tabbed-labels > label")];
    const checked = [...set.querySelectorAll(":scope > input")].findIndex((i) => i.checked);
    const bar = rect(set.querySelector(".tabbed-labels"));
    const block = [...set.querySelectorAll(".tabbed-block")].find(visible);
    const first = block && block.firstElementChild;
    return {
      size: parseFloat(getComputedStyle(labels[0]).fontSize),
      underlined: labels.flatMap((l) => [l, ...l.querySelectorAll("*")])
        .filter((e) => getComputedStyle(e).textDecorationLine.includes("underline")).length,
      active: getComputedStyle(labels[checked]).color,
      link: resolve("var(--md-typeset-a-color)"),
      gap: first ? lines(first)[0].top - bar.bottom : null,
    };
  });
  // Headings of three words or more that wrap, and end with one word alone on a line.
  const loneWords = [...document.querySelectorAll(".md-typeset :is(h1, h2, h3)")].filter(visible)
    .filter((h) => {
      const words = h.textContent.replace("¶", "").trim().split(/\s+/);
      if (words.length < 3 || lines(h).length < 2) return false;
      const range = document.createRange();
      const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
      let last = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.data.trim() && !n.parentElement.closest(".headerlink")) last = n;
      if (!last) return false;
      const m = last.data.match(/(\S+)\s+(\S+)\s*$/);
      if (!m) return false;  // the last word's neighbour is in another node: not measured
      const at = last.data.lastIndexOf(m[2]);
      range.setStart(last, at); range.setEnd(last, at + m[2].length);
      const lastTop = range.getClientRects()[0].top;
      range.setStart(last, last.data.lastIndexOf(m[1], at)); range.setEnd(last, last.data.lastIndexOf(m[1], at) + m[1].length);
      return Math.abs(range.getClientRects()[0].top - lastTop) > 3;
    }).map(text);
  // (the student's stray "$$" is a marked box of its own, rnnsite/mathml.py)
  const inline = [...document.querySelectorAll(".md-typeset :not(pre) > code:not(.rn-stray__chars)")].filter(visible);
  const inlinePadding = Math.max(0, ...inline.map((c) => parseFloat(getComputedStyle(c).paddingLeft) / parseFloat(getComputedStyle(c).fontSize)));
  const shortBroken = inline.filter((c) => c.textContent.length <= 24 && lines(c).length > 1).map(text);
  // The citation's address: every line of it but the last ends with "/".
  const url = document.querySelector(".takeaway__url");
  let urlBreaks = null;
  if (url) {
    urlBreaks = [];
    const range = document.createRange();
    let top = null, prev = "";
    const walker = document.createTreeWalker(url, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < n.data.length; i++) {
        range.setStart(n, i); range.setEnd(n, i + 1);
        const r = range.getClientRects()[0];
        if (top !== null && r.top > top + 3) urlBreaks.push(prev);
        top = r.top; prev = n.data[i];
      }
    }
  }
  // the grade's two washes on an answer page (the reason's box, the chip under the H1):
  // their grade, background, edge and text colours, and the page's background
  const washes = [...document.querySelectorAll(".grade-why, .grade-chip a.grade")].map((el) => {
    const s = getComputedStyle(el);
    return { grade: Number(el.className.match(/grade-+(\d)/)[1]), where: el.className,
             back: s.backgroundColor, edge: s.borderLeftColor,
             text: getComputedStyle(el.querySelector("p, span") || el).color,
             page: getComputedStyle(document.body).backgroundColor };
  });
  const emptyCells = [...document.querySelectorAll(".md-typeset table td")].filter((td) => !td.textContent.trim()).length;
  return {
    cut, wrapped, backgrounds, codeBg, outputColours, bodyColour: getComputedStyle(typeset).color, strips,
    editors, textColumn, column: column ? rect(column).width : 0,
    question: question && { border: getComputedStyle(question).borderLeftColor, title: shown(question.querySelector(".admonition-title")) },
    answer: answer && getComputedStyle(answer).borderLeftColor,
    captions, tabs, loneWords, inlinePadding, shortBroken, urlBreaks, emptyCells, washes,
  };
}
