// Code as a reader sees it at rest (no hover, no focus): each copy button's contrast and
// whether its visible box meets the first line of its code; each wrapped line of code, its
// rows' left edges and what is drawn beside them; inline code's size against its text.
// Run in the browser audit's visit of every page and view (browser_audit.py; read only:
// a row's probe is removed once measured); test_browser_code.py reads what it found.
() => {
  const rgba = (text) => {
    const m = text.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [r, g, b, a === undefined ? 1 : a];
  };
  const over = (top, under) => {  // `top` (rgba) painted over `under` (opaque rgb)
    const a = top[3];
    return [0, 1, 2].map((k) => top[k] * a + under[k] * (1 - a));
  };
  const luminance = (c) => {
    const [r, g, b] = c.map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  // The opaque colour behind an element: the backgrounds of it and its ancestors, painted
  // from the page's own background up.
  const backdrop = (el) => {
    const chain = [];
    for (let e = el; e; e = e.parentElement) chain.push(e);
    let colour = [255, 255, 255];
    for (const e of chain.reverse()) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) colour = over(c, colour);
    }
    return colour;
  };
  const opacity = (el) => {
    let o = 1;
    for (let e = el; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity);
    return o;
  };
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  // The boxes of the glyphs of a code's first row (the rows of its first line of text).
  const firstRow = (code) => {
    const range = document.createRange();
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    const boxes = [];
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      for (const m of t.data.matchAll(/\S+/g)) {
        range.setStart(t, m.index);
        range.setEnd(t, m.index + m[0].length);
        for (const r of range.getClientRects()) if (r.width > 0) boxes.push(r);
      }
    }
    if (!boxes.length) return [];
    const top = Math.min(...boxes.map((r) => r.top));
    return boxes.filter((r) => r.top < top + 2);
  };
  const meets = (a, b) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

  // Copy buttons: Material's (its icon is a mask of currentColor on a small panel) and the
  // notebooks' (an SVG icon).
  const copy = [];
  for (const button of document.querySelectorAll(".md-typeset pre .md-code__button, .jp-CodeMirrorEditor clipboard-copy")) {
    if (!shown(button)) continue;
    const icon = button.querySelector("svg") || button;
    const ink = rgba(getComputedStyle(icon).color);
    const panel = button.closest(".md-code__nav") || button;
    const pre = button.closest("pre") || button.closest(".jp-CodeMirrorEditor").querySelector("pre");
    const code = pre.querySelector("code") || pre;
    // behind the icon: the code's background (the button sits over it), then its panel's
    let behind = backdrop(code);
    const tint = rgba(getComputedStyle(panel).backgroundColor);
    if (panel !== button && tint && tint[3] > 0) behind = over(tint, behind);
    const box = panel.getBoundingClientRect();
    copy.push({
      code: code.textContent.trim().slice(0, 40),
      contrast: contrast(over([ink[0], ink[1], ink[2], ink[3] * opacity(icon)], behind), behind),
      overFirstRow: firstRow(code).some((r) => meets(r, box)),
    });
  }

  // Wrapped lines of code: each line (.cl) taller than one row; the left edge of its first
  // row's text and of each later row's; what is painted in it (a background image: a rule
  // or an elbow drawn beside the rows) or beside it (a pseudo-element), and where.
  const wrapped = [];
  // (the calculator's command is one line, written by its script: its <code> is the line;
  // a notebook's printed prose line is one too)
  for (const line of document.querySelectorAll(".md-typeset pre .cl, .rn-calc__command pre > code, .jp-OutputArea-output pre .nb-prose")) {
    if (!shown(line)) continue;
    const lh = parseFloat(getComputedStyle(line).lineHeight);
    const at = line.getBoundingClientRect();
    const top = at.top + parseFloat(getComputedStyle(line).paddingTop) + parseFloat(getComputedStyle(line).borderTopWidth);
    const rows = new Map();
    const range = document.createRange();
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      for (const m of t.data.matchAll(/\S+/g)) {
        range.setStart(t, m.index);
        range.setEnd(t, m.index + m[0].length);
        for (const r of range.getClientRects()) {
          if (r.width <= 0) continue;
          const row = Math.floor((r.top + r.height / 2 - top) / lh);
          const seen = rows.get(row) || { left: Infinity, right: -Infinity, top: r.top, bottom: r.bottom };
          rows.set(row, { left: Math.min(seen.left, r.left), right: Math.max(seen.right, r.right),
                          top: Math.min(seen.top, r.top), bottom: Math.max(seen.bottom, r.bottom) });
        }
      }
    }
    if (rows.size < 2) continue;
    const order = [...rows.keys()].sort((a, b) => a - b).map((k) => rows.get(k));
    const style = getComputedStyle(line);
    const marks = [];  // a pseudo-element drawn beside the line, as laid out
    for (const pseudo of ["::before", "::after"]) {
      const p = getComputedStyle(line, pseudo);
      if (p.content === "none" || p.display === "none" || p.position !== "absolute") continue;
      const left = at.left + parseFloat(p.left), top = at.top + parseFloat(p.top);
      marks.push({ pseudo, left, top, right: left + parseFloat(p.width), bottom: top + parseFloat(p.height) });
    }
    const ch = (() => {
      const probe = document.createElement("span");
      probe.textContent = "0".repeat(10);
      probe.style.cssText = "position:absolute;visibility:hidden;white-space:pre";
      line.append(probe);
      const w = probe.getBoundingClientRect().width / 10;
      probe.remove();
      return w;
    })();
    wrapped.push({
      text: line.textContent.slice(0, 50),
      rows: order.length,
      ch,
      first: order[0].left,
      later: order.slice(1).map((r) => r.left),
      rights: order.map((r) => r.right),
      secondTop: order[1].top,
      lineLeft: at.left,
      lineRight: at.right,
      lh,
      painted: style.backgroundImage,
      marks,
    });
  }

  // Inline code (not in a link's button, a heading or a table of the API's signatures)
  // against the text it sits in.
  const inline = [];
  for (const code of document.querySelectorAll(".md-typeset :is(p, li, td) > code")) {
    if (!shown(code)) continue;
    const own = parseFloat(getComputedStyle(code).fontSize);
    const text = parseFloat(getComputedStyle(code.parentElement).fontSize);
    inline.push({ code: code.textContent.slice(0, 30), ratio: own / text, px: own, in: code.parentElement.tagName });
  }
  // A console block's copy (the text Material's button copies: the code's innerText while
  // it is marked data-md-copying), with the commands and outputs it should hold and not.
  // (a block in a closed fold is measured open, as a reader who copies it has it)
  const consoles = [...document.querySelectorAll(".highlight:has(.gp) code")].map((code) => {
    const fold = code.closest("details:not([open])");
    if (fold) fold.open = true;
    code.setAttribute("data-md-copying", "");
    const copied = code.innerText.trimEnd();
    code.removeAttribute("data-md-copying");
    if (fold) fold.open = false;
    return { copied, prompts: code.querySelectorAll(".gp").length,
             outputs: [...code.querySelectorAll(".go")].map((o) => o.textContent.trim())
               .filter(Boolean) };
  });
  return { copy, wrapped, inline, consoles };
}
