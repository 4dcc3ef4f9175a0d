// What a reader would meet on the loaded page, gathered in one pass (tests/browser/test_browser_pages.py).
async () => {
  // Images below the fold may be lazy: load them all, as a reader scrolling down would.
  await Promise.all([...document.images].map((img) => {
    img.loading = "eager";
    return img.decode().catch(() => null);
  }));

  const html = document.documentElement;
  const visible = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });

  // Text a reader sees, outside math and code (whose content is literal by design).
  const prose = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest("math, pre, code, kbd, script, style") || !visible(el)) continue;
    if (node.data.trim()) prose.push(node.data);
  }
  const math = [...document.querySelectorAll("math")].map((m) => m.textContent);

  // Every element that scrolls sideways, and how a keyboard and an eye can tell.
  const scrollers = [];
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    if (!["auto", "scroll"].includes(style.overflowX)) continue;
    if (el.scrollWidth <= el.clientWidth || !visible(el)) continue;
    scrollers.push({
      what: el.tagName.toLowerCase() + (el.className ? "." + String(el.className).trim().split(/\s+/).join(".") : ""),
      tabindex: el.getAttribute("tabindex"),
      role: el.getAttribute("role"),
      label: el.getAttribute("aria-label") || el.getAttribute("aria-labelledby"),
      cue: style.backgroundImage.includes("gradient") || style.boxShadow !== "none" ||
        (style.scrollbarWidth === "thin" && style.scrollbarColor !== "auto"),
    });
  }

  // What sticks out past the right edge of the page, to name the culprit of an overflow.
  const wide = [];
  if (html.scrollWidth > html.clientWidth) {
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.right > html.clientWidth + 1 && visible(el)) {
        wide.push(el.tagName.toLowerCase() + "." + String(el.className) + " right=" + Math.round(r.right));
      }
    }
  }

  // Issue 18: what a reader measures on a phone and at a desk.
  const vw = html.clientWidth;
  const article = document.querySelector("article.md-content__inner");
  const bodyText = article && [...article.querySelectorAll(":scope > p")].find(visible);
  const bodySize = bodyText ? parseFloat(getComputedStyle(bodyText).fontSize) : 16;
  const rect = (el) => el.getBoundingClientRect();
  // Links of the page's text, tables included (not the hidden drawer, the header, the
  // search dialog, a reveal's tip or code), whose box leaves the screen.
  const inScroller = (el) => !!el.parentElement.closest(".ld-tip, .md-sidebar, .md-nav, .md-search, .md-header, .md-tabs, .md-footer, pre");
  const links = [];
  // A box that clips sideways (a scrolling table) counts as the edge of the screen too:
  // a link scrolled out of sight in it is not on screen.
  const clipOf = (el) => {
    let left = 0, right = vw;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== "visible") {
        const r = p.getBoundingClientRect();
        left = Math.max(left, r.left); right = Math.min(right, r.right);
      }
    }
    return [left, right];
  };
  for (const a of document.querySelectorAll("a[href], .grade, .verdict")) {
    if (!visible(a) || inScroller(a)) continue;
    const [left, right] = clipOf(a);
    for (const r of a.getClientRects()) {
      if (r.width && (r.left < left - 1 || r.right > right + 1)) {
        links.push(`${a.textContent.trim().slice(0, 40)} left=${Math.round(r.left)} right=${Math.round(r.right)}`);
      }
    }
  }
  // Verdicts and grades: their text and math against the body's size.
  const verdicts = [];
  for (const el of document.querySelectorAll(
      ".answer-box, .answers-table td, .admonition[class*='verdict-'], .grade, .verdict")) {
    if (!visible(el)) continue;
    const parts = [el, ...el.querySelectorAll("p, li, math, .grade, .verdict")].filter(visible);
    for (const part of parts) {
      verdicts.push({ what: part.tagName.toLowerCase() + "." + String(part.className).split(" ")[0],
                      size: parseFloat(getComputedStyle(part).fontSize) });
    }
  }
  // Live numbers: each one line box. Inline math with its punctuation: one line.
  const splitNumbers = [...document.querySelectorAll("span.ld")]
    .filter((el) => visible(el) && el.getClientRects().length > 1).map((el) => el.textContent);
  const lonePunctuation = [];
  for (const wrap of document.querySelectorAll(".rn-nobr")) {
    const math = wrap.querySelector("math");
    const last = wrap.lastChild;
    if (!math || !visible(wrap) || !last || last.nodeType !== Node.TEXT_NODE) continue;
    const range = document.createRange();
    range.setStart(last, Math.max(0, last.data.length - 1));
    range.setEnd(last, last.data.length);
    const p = range.getBoundingClientRect(), m = rect(math);
    if (p.top >= m.bottom - 1 || p.bottom <= m.top + 1) lonePunctuation.push(wrap.textContent.trim());
  }
  // Display equations: fit, or scroll in a box that shows it (never cut off silently).
  const equations = [...document.querySelectorAll(".mathml-block")].filter(visible).map((el) => {
    const s = getComputedStyle(el);
    return {
      text: el.textContent.replace(/\s+/g, " ").trim().slice(0, 50),
      fits: el.scrollWidth <= el.clientWidth + 1,
      right: Math.round(rect(el).right),
      scrolls: ["auto", "scroll"].includes(s.overflowX),
      tabindex: el.getAttribute("tabindex"),
      more: el.dataset.more || "",
      // a mark at the edge with more to see, and a visible scroll bar
      cue: getComputedStyle(el, "::after").visibility === "visible" &&
        getComputedStyle(el, "::after").content !== "none" && s.scrollbarWidth === "thin",
      // how the mark at the right edge stands out: its colour against the page, its size
      mark: (() => {
        const after = getComputedStyle(el, "::after");
        return { back: after.backgroundColor, width: parseFloat(after.width) || 0,
                 height: parseFloat(after.height) || 0 };
      })(),
    };
  });
  // A checked equation's cue (the element drawn with a dotted line) hugs its equation.
  const reveals = [...document.querySelectorAll("div.ld-wrap--math > .ld")].filter(visible)
    .map((ld) => {
      const m = ld.querySelector("math");
      const cue = [ld, ...ld.querySelectorAll("*")].find((el) => {
        const s = getComputedStyle(el);
        return [s.borderBottomStyle, s.borderLeftStyle, s.textDecorationStyle].includes("dotted");
      });
      if (!m || !cue) return { left: null, right: null };
      // the equation as drawn: its top-level row (the <math> box has padding of its own)
      const a = rect(cue), b = rect(m.firstElementChild || m);
      return { left: Math.round(b.left - a.left), right: Math.round(a.right - b.right) };
    });
  // Notebook pages: prompts, code boxes and their copy buttons.
  const column = article ? article.clientWidth : vw;
  const notebook = {
    prompts: [...document.querySelectorAll(".jp-InputPrompt, .jp-OutputPrompt")]
      .filter((el) => visible(el) && el.textContent.trim()).length,
    codeWidths: [...document.querySelectorAll(".jp-InputArea-editor, .jp-OutputArea-output")]
      .filter(visible).map((el) => Math.round(rect(el).width)),
    column,
    covered: [...document.querySelectorAll(".jp-CodeMirrorEditor")].filter(visible).filter((ed) => {
      const button = ed.querySelector("clipboard-copy"), pre = ed.querySelector("pre");
      if (!button || !pre) return false;
      // over a glyph of the code (the box's padding around the text may hold it, and so
      // may the space a line wraps at, which hangs past the text's edge undrawn): each run
      // of non-space characters, measured on its own
      const a = rect(button), boxes = [];
      const walk = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
      for (let t = walk.nextNode(); t; t = walk.nextNode()) {
        for (const m of t.data.matchAll(/\S+/g)) {
          const run = document.createRange();
          run.setStart(t, m.index);
          run.setEnd(t, m.index + m[0].length);
          boxes.push(...run.getClientRects());
        }
      }
      return a.width > 0 && boxes.some((b) => b.width > 0 &&
        a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top);
    }).length,
    wrappedOutput: [...document.querySelectorAll(".jp-OutputArea-output pre")]
      .filter((el) => visible(el) && getComputedStyle(el).whiteSpace !== "pre").length,
  };
  // Figures: how large each glyph of every label is on screen, in CSS px. Every text of a
  // figure is glyph outlines: a group of <use> of glyphs (ids ending "-g-<n>"), each drawn
  // at 100 units to its font size (matplotlib's text2path.FONT_SCALE), so a glyph's font
  // size as shown is 100 times the scale of its <use> on screen (getScreenCTM). A label's
  // size is its largest glyph ("base"); its subscripts are smaller, and the smallest glyph
  // of the figure is reported too. Figures in a folded <details> are unfolded to be measured.
  const figures = [];
  const foldedFigures = [...document.querySelectorAll("details:not([open])")]
    .filter((d) => d.querySelector("figure.rnnnotes-figure"));
  for (const d of foldedFigures) d.open = true;
  for (const svg of document.querySelectorAll("figure.rnnnotes-figure > svg")) {
    if (!visible(svg)) continue;
    const glyphUse = (u) => u.tagName === "use" && /-g-\d+$/.test(u.getAttribute("href") || "");
    const bases = [], glyphs = [];
    for (const g of svg.querySelectorAll("g")) {
      const sizes = [...g.children].filter(glyphUse).map((u) => {
        const m = u.getScreenCTM();
        return 100 * Math.hypot(m.a, m.b);
      });
      if (!sizes.length) continue;
      bases.push(Math.max(...sizes));
      glyphs.push(...sizes);
    }
    figures.push({ name: svg.getAttribute("aria-label").slice(0, 40), width: rect(svg).width,
                   texts: svg.querySelectorAll("text").length, labels: bases.length,
                   smallest: bases.length ? Math.min(...bases) : null,
                   smallestGlyph: glyphs.length ? Math.min(...glyphs) : null });
  }
  for (const d of foldedFigures) d.open = false;
  const figureCount = document.querySelectorAll("figure.rnnnotes-figure").length;
  // what the page's text is scaled by: its x-height in em (font-size-adjust, rnnnotes.css)
  const typeset = document.querySelector(".md-typeset");
  const pageAdjust = typeset ? parseFloat(getComputedStyle(typeset).fontSizeAdjust) || null : null;
  // The home page: every answer's grade in the first screen, each a link to its page
  // (the glance, rnnsite/answers.py: seen, and tappable, without scrolling)
  const glance = [...document.querySelectorAll(".answers-glance--pages a.grade")];
  const answersFirstScreen = glance.length ? {
    bottom: Math.round(Math.max(...glance.map((a) => rect(a).bottom)) + scrollY),
    links: glance.map((a) => new URL(a.getAttribute("href"), location.href).pathname),
  } : null;

  // Design review (issue 18, P2-P13): colours as numbers, for contrast.
  const { rgba, over, contrast } = window.rnColour;  // probe_colour.js
  const pageBack = rgba(getComputedStyle(document.body).backgroundColor);
  // P2: an answer page's grade chip, in the first screen, leading to the answer box's
  // heading (its title, "A full-marks answer"), which the table of contents lists.
  let chip = null;
  if (document.querySelector(".answer-box")) {
    const a = document.querySelector("h1 + .grade-chip a.grade[href^='#']");
    const target = a && document.getElementById(a.getAttribute("href").slice(1));
    chip = {
      present: !!a && visible(a),
      bottom: a ? Math.round(rect(a).bottom + scrollY) : null,
      screen: innerHeight,
      leadsToBox: !!target && !!target.closest(".answer-box") && /^H[2-6]$/.test(target.tagName),
      inToc: !!target && !!document.querySelector(`.md-nav--secondary a[href="#${target.id}"]`),
      text: a ? a.textContent.trim() : "",
      boxText: target ? target.textContent.replace("¶", "").trim() : "",
    };
  }
  // P3: nothing inside an answer box or an admonition is wider than the box (what scrolls
  // is judged by the equation test).
  const sticksOut = [];
  const clipped = (el, box) => {  // inside a box of its own that scrolls or clips, below box
    for (let p = el.parentElement; p && p !== box; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== "visible") return true;
    }
    return false;
  };
  for (const box of document.querySelectorAll(".md-typeset .admonition, .md-typeset details")) {
    if (!visible(box) || box.closest(".md-sidebar, .ld-tip")) continue;
    const b = rect(box);
    for (const el of box.querySelectorAll("p, li, math, .arithmatex, .mathml-block, table, pre, img, figure")) {
      if (!visible(el) || clipped(el, box)) continue;
      const r = rect(el);
      if (r.width && (r.right > b.right + 1 || r.left < b.left - 1)) {
        sticksOut.push(`${el.tagName.toLowerCase()} ${el.textContent.replace(/\s+/g, " ").trim().slice(0, 30)}: ${Math.round(r.right - b.right)} px`);
      }
    }
  }
  // P4: an opening bracket right before inline math is on the math's line.
  const danglingOpen = [];
  for (const span of document.querySelectorAll(".md-typeset span.arithmatex")) {
    if (!visible(span)) continue;
    const block = span.closest("p, li, td, th, dd, figcaption, h1, h2, h3, h4") || span.parentElement;
    const walk = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let before = null;
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      if (span.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_PRECEDING && !span.contains(t)) before = t;
    }
    if (!before || !/[(\[“‘]$/.test(before.data)) continue;
    const range = document.createRange();
    range.setStart(before, before.data.length - 1);
    range.setEnd(before, before.data.length);
    const o = range.getBoundingClientRect(), m = rect(span.querySelector("math") || span);
    if (o.bottom <= m.top + 1) danglingOpen.push(`${before.data.slice(-20)}${span.textContent.replace(/\s+/g, "").slice(0, 20)}`);
  }
  // P8: grade and verdict badges: one line box, and a tint that shows on the page. (The
  // grade chip's badge is its grade's words; the link's "full-marks answer" may wrap.)
  const badges = [...document.querySelectorAll(".grade, .verdict")].filter(visible).map((el) => {
    const s = getComputedStyle(el);
    const words = document.createRange();
    words.selectNodeContents(el.querySelector(":scope > .grade-chip__grade") || el);
    const oneLine = new Set([...words.getClientRects()].filter((r) => r.width > 0)
      .map((r) => Math.round(r.bottom))).size === 1;
    // the badge's colour as seen: its tint over the tints of the boxes it sits in
    const layers = [];
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const c = rgba(getComputedStyle(a).backgroundColor);
      if (c[3]) layers.push(c);
    }
    const seen = layers.reverse().reduce((under, layer) => over(layer, under), pageBack);
    return { text: el.textContent.trim().slice(0, 30), oneLine, tint: contrast(seen, pageBack) };
  });
  // P9: text in tables and admonitions, as read (not code, math, notebooks or navigation).
  const smallText = [];
  for (const el of document.querySelectorAll(".md-typeset :is(td, th, .admonition > p, .admonition li, details > p, details li)")) {
    if (!visible(el) || el.closest(".jupyter-wrapper, .md-sidebar, .md-nav, .ld-tip, pre, code")) continue;
    if (!el.textContent.trim()) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 14.5) smallText.push(`${el.tagName.toLowerCase()} ${size} px: ${el.textContent.trim().slice(0, 30)}`);
  }
  // P14: math set as TeX sets it: norm bars of one formula the same height, a prime not
  // raised above its base, subscripts at one level and cut in under an open letter, a thin
  // space between a symbol and an operator name after it.
  const mathDetails = [];
  for (const m of document.querySelectorAll(".md-typeset math")) {
    if (!visible(m)) continue;
    const said = m.textContent.replace(/\s+/g, "").slice(0, 30);
    const bars = [...m.querySelectorAll("mo")].filter((o) => o.textContent.trim() === "‖");
    const heights = bars.map((o) => rect(o).height);
    if (heights.length > 1 && Math.max(...heights) - Math.min(...heights) > 1.5) {
      mathDetails.push(`‖ of heights ${heights.map(Math.round)}: ${said}`);
    }
    for (const p of m.querySelectorAll("mo, mi")) {
      if (!/^[′″‴]$/.test(p.textContent.trim())) continue;
      // (x'_t keeps TeX's stacked prime and subscript: only a lone prime is judged)
      const base = p.parentElement.firstElementChild;
      if (p.parentElement.tagName === "msubsup") continue;
      if (base && base !== p && rect(p).bottom <= rect(base).top + 1) {  // floats above it
        mathDetails.push(`prime raised above ${base.textContent.trim()}: ${said}`);
      }
    }
    // subscripts of one-symbol bases in one row hang at one level (no drop under g or y:
    // rnnsite/math_scripts.py), and under a letter open at its foot they cut in (f_t)
    const oneSymbol = (el) => el.tagName === "mpadded" ? oneSymbol(el.firstElementChild) :
      el.textContent.trim().length === 1 ||
      el.tagName === "mover" && el.firstElementChild.textContent.trim().length === 1;
    const rows = new Map();
    for (const sub of m.querySelectorAll("msub")) {
      const [base, script] = sub.children;
      const said1 = script && script.textContent.trim();
      // (a script's box is its ink's: one without a descender, so boxes share a bottom)
      if (!script || !oneSymbol(base) || !/^[a-eh-ik-or-xzA-PR-Z0-9]$/.test(said1)) continue;
      if (!rows.has(sub.parentElement)) rows.set(sub.parentElement, []);
      rows.get(sub.parentElement).push(sub);
      const letter = base.textContent.trim(), size = parseFloat(getComputedStyle(script).fontSize);
      // (a script of x-height: a taller one, f_k, meets the f's bar and may not cut in)
      if ("fVPT".includes(letter) && /^[aceimnorstuvwxz]$/.test(said1) &&
          rect(script).left > rect(base).right - 0.08 * size) {
        mathDetails.push(`no cut-in under ${letter}: ${said}`);
      }
    }
    for (const subs of rows.values()) {
      const bottoms = subs.map((sub) => rect(sub.children[1]).bottom);
      if (Math.max(...bottoms) - Math.min(...bottoms) > 0.5) {
        mathDetails.push(`subscripts at ${bottoms.map((b) => b.toFixed(1))}: ${said}`);
      }
    }
    for (const name of m.querySelectorAll("mi")) {
      if (!/^[a-z]{2,}$/i.test(name.textContent.trim())) continue;
      let unit = name;  // the name with its scripts or prime
      while (unit.parentElement !== m && unit === unit.parentElement.firstElementChild &&
             unit.parentElement.tagName !== "mrow" || unit.parentElement.tagName === "mrow" &&
             unit === unit.parentElement.firstElementChild && unit.parentElement.children.length === 2 &&
             /^[′″‴]$/.test(unit.parentElement.lastElementChild.textContent.trim())) unit = unit.parentElement;
      let before = unit.previousElementSibling;
      while (before && before.tagName === "mspace") before = before.previousElementSibling;
      if (!before || !["mi", "mn", "msub", "msup"].includes(before.tagName)) continue;
      const gap = rect(name).left - rect(before).right;
      if (gap < 1.5) mathDetails.push(`no space before ${name.textContent.trim()} (${gap.toFixed(1)} px): ${said}`);
    }
  }
  // P12: the calculator's controls as touch targets (a checkbox's target is its label
  // line; a code block's copy button is every page's, sized with them), and its sticky
  // totals: side by side without overlap.
  const controls = [...document.querySelectorAll(
    ".rn-calc :is(input, select, button):not(.md-code__button)")]
    .filter(visible).map((el) => {
      const r = rect(el.type === "checkbox" && el.closest("label") || el);
      return { id: el.id, width: Math.round(r.width), height: Math.round(r.height) };
    });
  const totals = [...document.querySelectorAll(".rn-calc__total")].filter(visible).map((el) => {
    const r = rect(el);
    return { top: r.top, bottom: r.bottom, sticky: getComputedStyle(el).position === "sticky" };
  });

  // P15: a code block's copy button never sits over its text (measured whether or not the
  // button is showing: it shows on hover, focus or tap).
  const copyOverText = [];
  for (const pre of document.querySelectorAll(".md-typeset pre")) {
    const button = pre.querySelector(":scope > .md-clipboard, :scope > .md-code__nav .md-code__button");
    const code = pre.querySelector("code");
    if (!button || !code || !visible(pre)) continue;
    const b = rect(button), box = rect(code);
    const words = document.createRange();
    const texts = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);  // words: a space
    let hit = false;                                                        // at a wrap hangs
    for (let t = texts.nextNode(); t && !hit; t = texts.nextNode()) {
      for (const m of t.data.matchAll(/\S+/g)) {
        words.setStart(t, m.index);
        words.setEnd(t, m.index + m[0].length);
        hit = hit || [...words.getClientRects()].some((r) => r.width > 0 && r.left < Math.min(b.right, box.right) &&
          r.right > b.left && r.top < b.bottom && r.bottom > b.top);
      }
    }
    if (hit) copyOverText.push(code.textContent.trim().slice(0, 40));
  }
  // P15: notebook output set off: a rule at its left, its text set in from it.
  const outputs = [...document.querySelectorAll(".jp-OutputArea-output")].filter(visible)
    .filter((el) => el.querySelector(":scope > pre")).map((el) => {
      const s = getComputedStyle(el);
      return { rule: parseFloat(s.borderLeftWidth), inset: rect(el.querySelector("pre")).left - rect(el).left };
    });
  // P13: the header's colour and its text's.
  const headerEl = document.querySelector(".md-header");
  const header = headerEl ? (() => {
    const s = getComputedStyle(headerEl);
    const back = over(rgba(s.backgroundColor), pageBack);
    return { back: s.backgroundColor, text: s.color,
             contrast: contrast(over(rgba(s.color), back), back) };
  })() : null;


  // Design review 2 (issue d18b). F1: the full-marks answer comes right after the grade,
  // before the grade's reason; the grade chip leads to it; our reading is folded.
  // Design review 3 (d18c): its title is in a phone's first screen, the question and the
  // quote still above it; the grade is stated once before it (gradeText: the text before
  // the title, for the test to count the grade in), and the box holds no grade badge.
  let fullMarks = null;
  const label = document.getElementById("full-marks-answer");
  if (label && label.closest(".answer-box")) {
    const why = document.querySelector(".answer-box + .grade-why > .grade-why__reason");
    const jump = document.querySelector("h1 + .grade-chip a[href='#full-marks-answer']");
    const reading = document.querySelector(".grade-why > details.grade-why__reading");
    const quote = document.querySelector("blockquote.student");
    const asked = document.querySelector(".admonition.question > .question__asked");
    const before = document.createRange();
    before.setStart(article, 0);
    before.setEndBefore(label);
    fullMarks = {
      top: Math.round(rect(label).top + scrollY),
      bottom: Math.round(rect(label).bottom + scrollY),
      title: label.textContent.replace("¶", "").trim(),
      quoteBottom: quote ? Math.round(rect(quote).bottom + scrollY) : null,
      quoteShown: !!quote && visible(quote) && rect(quote).height > 0,
      questionShown: !!asked && visible(asked) && rect(asked).height > 0
        && !!(asked.compareDocumentPosition(label) & Node.DOCUMENT_POSITION_FOLLOWING),
      screen: innerHeight,
      gradeText: before.toString(),
      badgesInBox: document.querySelectorAll(".answer-box .grade").length,
      beforeWhy: !!why && !!(label.compareDocumentPosition(why) & Node.DOCUMENT_POSITION_FOLLOWING),
      jump: jump ? { href: jump.getAttribute("href"), bottom: Math.round(rect(jump).bottom + scrollY),
                     text: jump.textContent.trim(), links: jump.closest(".grade-chip").querySelectorAll("a").length,
                     leads: document.getElementById(jump.getAttribute("href").slice(1)) === label } : null,
      reading: reading ? { open: reading.open, summary: reading.querySelector("summary").textContent.trim() } : null,
    };
  }
  // F2: the question box: the question first, upright at the body's size, then the note.
  let question = null;
  const asked = document.querySelector(".admonition.question > .question__asked");
  if (asked) {
    const note = document.querySelector(".admonition.question > .question__note");
    const first = document.querySelector(".admonition.question > :not(.admonition-title)");
    question = {
      first: first === asked,
      noteAfter: !!note && !!(asked.compareDocumentPosition(note) & Node.DOCUMENT_POSITION_FOLLOWING),
      style: getComputedStyle(asked).fontStyle,
      em: !!asked.querySelector(":scope > em:only-child"),
      size: parseFloat(getComputedStyle(asked).fontSize),
      noteSize: note ? parseFloat(getComputedStyle(note).fontSize) : null,
      bodySize,
    };
  }
  // F3: the icon each grade shows (the chip's, drawn for all five grades), and the answer
  // box's own icon next to its chip's.
  let gradeIcons = null;
  if (document.querySelector(".answer-box") && article) {
    const trial = document.createElement("p");
    trial.className = "grade-chip";
    trial.style.cssText = "position:absolute;left:-10000px";
    for (let n = 0; n <= 4; n++) trial.insertAdjacentHTML("beforeend", `<a class="grade grade--${n}" href="#">x</a>`);
    article.append(trial);
    const icon = (el) => getComputedStyle(el, "::before").maskImage || getComputedStyle(el, "::before").webkitMaskImage;
    const chipLink = document.querySelector("h1 + .grade-chip a.grade");
    gradeIcons = {
      all: [...trial.children].map(icon),
      chip: icon(chipLink),
      // the grade's colour: the chip's edge, and the answer box's border (its one cue)
      chipColour: getComputedStyle(chipLink).borderLeftColor,
      boxColour: getComputedStyle(document.querySelector(".answer-box")).borderTopColor,
      fullMarksColour: getComputedStyle(trial.children[4]).borderLeftColor,
    };
    trial.remove();
  }
  // F4: tables (outside the calculator and notebooks) wider than the text column.
  const wideTables = [...document.querySelectorAll(".md-typeset table")].filter(visible)
    .filter((t) => !t.closest(".rn-calc, .jupyter-wrapper, .md-sidebar"))
    .filter((t) => rect(t).width > column + 1)
    .map((t) => `${t.closest("[class]").className.split(" ")[0]}: ${Math.round(rect(t).width)} px in ${column}: ${t.textContent.trim().slice(0, 30)}`);
  // F5: display equations' math: its font size (none below the body's).
  const displayMath = [...document.querySelectorAll(".md-typeset .mathml-block > math")].filter(visible)
    .map((m) => ({ size: parseFloat(getComputedStyle(m).fontSize),
                   text: m.textContent.replace(/\s+/g, "").slice(0, 30) }));
  // Design review 3: an expression broken over lines for a narrow column (an aligned
  // table whose rows' first cells are empty): its lines (rows on distinct heights) and
  // whether its rows, side by side, would fit the room its block gives it.
  const brokenMath = [...document.querySelectorAll(".md-typeset .mathml-block")].filter(visible)
    .flatMap((block) => [...block.querySelectorAll("mtable")].map((table) => [block, table]))
    .filter(([, table]) => [...table.children].every((row) => row.children.length === 2
      && row.children[0].childElementCount === 0 && !row.children[0].textContent.trim()))
    .map(([block, table]) => {
      // each row's content (a table's cell is as wide as its column)
      const rows = [...table.children].map((row) => {
        const parts = [...row.children[1].children].map(rect).filter((r) => r.width > 0);
        const left = Math.min(...parts.map((r) => r.left)), right = Math.max(...parts.map((r) => r.right));
        return { top: Math.min(...parts.map((r) => r.top)), bottom: Math.max(...parts.map((r) => r.bottom)),
                 width: right - left };
      });
      const lines = rows.filter((r, n) => n === 0 || r.top >= rows[n - 1].bottom - 1).length;
      const oneLine = rows.reduce((sum, r) => sum + r.width, 0);
      const px = (el, ...sides) => sides.reduce((sum, side) => sum + parseFloat(getComputedStyle(el)[side]), 0);
      const room = block.clientWidth - px(block, "paddingLeft", "paddingRight")
        - px(block.querySelector("math"), "paddingLeft", "paddingRight", "marginLeft", "marginRight");
      return { lines, oneLine: Math.round(oneLine), room: Math.floor(room),
               text: table.textContent.replace(/\s+/g, "").slice(0, 40) };
    });
  // The faces of the article's text (outside math and code): each family, style and
  // weight its letters are set in, and every face the page declared, with its status.
  const textFaces = new Map();
  const texts = document.createTreeWalker(document.querySelector(".md-content article") || document.body, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest("math, pre, code, kbd, script, style, svg, .jp-InputPrompt, .jp-OutputPrompt")
        || !/[A-Za-z]/.test(node.data) || !visible(el)) continue;
    const s = getComputedStyle(el);
    const key = [s.fontFamily, s.fontStyle, s.fontWeight].join("|");
    if (!textFaces.has(key)) textFaces.set(key, node.data.trim().slice(0, 40));
  }
  const text = [...textFaces].map(([key, sample]) => {
    const [family, style, weight] = key.split("|");
    return { family, style, weight: Number(weight), sample };
  });
  const fontFaces = [...document.fonts].map((f) => ({ family: f.family, style: f.style, weight: f.weight, status: f.status }));
  return {
    fullMarks, brokenMath, question, text, fontFaces, gradeIcons, wideTables, displayMath,
    outputs, copyOverText, controls, totals, mathDetails, answersFirstScreen, chip, sticksOut, danglingOpen, badges, smallText, header,
    bodySize, links, verdicts, splitNumbers, lonePunctuation, equations, reveals, notebook, figures,
    figureCount, pageAdjust,
    title: document.title,
    scrollWidth: html.scrollWidth,
    clientWidth: html.clientWidth,
    wide: wide.slice(0, 10),
    prose: prose.join(" "),
    math,
    mathFonts: [...new Set([...document.querySelectorAll("math")].map((m) => getComputedStyle(m).fontFamily))],
    fontLoaded: [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family),
    images: [...document.images].map((img) => ({
      src: img.currentSrc || img.src,
      alt: img.getAttribute("alt"),
      loaded: img.complete && img.naturalWidth > 0,
    })),
    scrollers,
  };
}
