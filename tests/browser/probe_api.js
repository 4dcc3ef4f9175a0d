// The API reference as laid out (test_browser_api_fit.py, _api_headings, _api_math,
// _api_overview), on every page: displays, tables and code wider than the column; the
// overview's place and fit; links set as code with an underscore, and their underline
// against the code's box; the headings' levels, sizes and faces, and the signatures'
// lines; the table of contents' entries cut short; where what follows an inline square
// root starts; how far below a symbol's line the code it names ("H_s = proj_size") starts.
// To find a link's baseline it adds an empty mark to the link and takes it out again: the
// audit runs it after the probes that only read.
() => {
  // the page's own article (not a search result's: those stay in the page once searched)
  const MAIN = "article.md-content__inner";
  const px = (el, prop) => parseFloat(getComputedStyle(el)[prop]);
  const article = document.querySelector(MAIN);
  // --- fit (test_browser_api_fit.py) ---
  const column = article ? article.getBoundingClientRect() : null;
  const wide = column ? [...document.querySelectorAll(
      `${MAIN} :is(.arithmatex, math[display=block], table, pre > code)`)]
    .map((el) => ({ text: el.textContent.replace(/\s+/g, " ").trim().slice(0, 50),
                    over: Math.max(el.scrollWidth - el.clientWidth,
                                   el.getBoundingClientRect().right - column.right) }))
    .filter((w) => w.over > 1) : [];
  const links = [...document.querySelectorAll(`${MAIN} a:not(.headerlink)`)]
    .filter((a) => a.children.length === 1 && a.firstElementChild.localName === "code"
                   && a.textContent.trim() === a.firstElementChild.textContent.trim()
                   && a.textContent.includes("_") && a.getClientRects().length === 1)
    .map((a) => {
      const mark = document.createElement("span");  // an empty inline-block sits on the baseline
      mark.style.cssText = "display:inline-block;width:0;height:0";
      a.append(mark);
      const baseline = mark.getBoundingClientRect().bottom;
      mark.remove();
      const style = getComputedStyle(a);
      return { text: a.textContent.trim(), line: style.textDecorationLine,
               clear: baseline + parseFloat(style.textUnderlineOffset)
                      - a.firstElementChild.getBoundingClientRect().bottom };
    });
  // --- headings and signatures (test_browser_api_headings.py) ---
  const text = (el) => { const c = el.cloneNode(true);
    c.querySelectorAll(".headerlink, .doc-symbol").forEach((x) => x.remove());
    return c.textContent.replace(/\s+/g, " ").trim(); };
  const code = document.querySelector(`${MAIN} p code`);
  const body = document.querySelector(`${MAIN} .doc-contents p`);
  const name = (h) => h.querySelector(".doc-object-name > code") || h;
  const headings = [...document.querySelectorAll(`${MAIN} :is(h1, h2, h3, h4, h5, h6)`)]
    .map((h) => ({ level: +h.localName[1], text: text(h), object: h.matches(".doc-heading"),
                   size: px(h, "fontSize"), nameSize: px(name(h), "fontSize"),
                   face: h.querySelector(".doc-object-name > code")
                     ? getComputedStyle(h.querySelector(".doc-object-name > code")).fontFamily
                     : "",
                   kind: [...h.parentElement.classList].find((c) => /^doc-function$/.test(c))
                     || "",
                   signature: !!h.nextElementSibling?.matches(".doc-signature") }));
  const signatures = [...document.querySelectorAll(`${MAIN} .doc-signature pre > code`)]
    .map((c) => ({ text: c.textContent.replace(/\n$/, ""),
                   over: c.scrollWidth - c.clientWidth,
                   lines: Math.round((c.clientHeight - px(c, "paddingTop")
                                      - px(c, "paddingBottom")) / px(c, "lineHeight")) }));
  // An entry's object name after its kind badge: the lines it takes, whether it would fit
  // on one line of the room it has (the entry's width right of where the name starts), and
  // how far left of its first line its other lines start (above 0: back under the badge).
  const tocName = (a, box) => {
    const badge = box.querySelector("code.doc-symbol");
    const text = badge && [...box.childNodes].find((n) => n.nodeType === 3 && n.data.trim());
    if (!text) return null;
    const range = document.createRange();  // from the name's first letter to the entry's end
    range.setStart(text, text.data.search(/\S/));
    range.setEnd(box, box.childNodes.length);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const tops = [...new Set(rects.map((r) => Math.round(r.top)))];
    const lefts = rects.filter((r) => Math.round(r.top) !== tops[0]).map((r) => r.left);
    const room = a.getBoundingClientRect().right - px(a, "paddingRight") - rects[0].left;
    return { lines: tops.length, width: rects.reduce((w, r) => w + r.width, 0), room,
             back: lefts.length ? rects[0].left - Math.min(...lefts) : 0 };
  };
  const toc = [...document.querySelectorAll(".md-nav--secondary .md-nav__link")]
    .filter((a) => a.getClientRects().length)
    .map((a) => { const box = a.querySelector(".md-ellipsis") || a;
                  return { text: a.textContent.replace(/\s+/g, " ").trim(),
                           cut: box.scrollWidth - box.clientWidth, name: tocName(a, box) }; });
  // --- inline math (test_browser_api_math.py) ---
  // Each inline root: where what follows it starts (its box's right edge plus its margin),
  // measured from its radicand's right edge, where the vinculum ends.
  const roots = [...document.querySelectorAll(`${MAIN} math:not([display=block]) msqrt`)]
    .map((s) => { const r = s.getBoundingClientRect(), base = s.firstElementChild;
                  return { text: s.textContent.replace(/\s+/g, ""),
                           after: r.right + parseFloat(getComputedStyle(s).marginRight)
                                  - base.getBoundingClientRect().right }; });
  // Each "math = code" of the text: how far below the math's line the code starts.
  const symbolPairs = [...document.querySelectorAll(`${MAIN} :is(p, li) code`)].flatMap((c) => {
    const between = c.previousSibling;
    if (!between || between.nodeType !== 3 || !/^\s*=\s*$/.test(between.textContent)) return [];
    const before = between.previousSibling;
    const maths = before && before.nodeType === 1
      && (before.localName === "math" ? [before] : [...before.querySelectorAll("math")]);
    if (!maths || !maths.length) return [];
    const m = [...maths.pop().getClientRects()].pop(), first = c.getClientRects()[0];
    return [{ text: before.textContent.replace(/\s+/g, "") + " = " + c.textContent,
              apart: first.top - m.bottom }];
  });
  // --- the overview (test_browser_api_overview.py): shown, inside the column, its colour ---
  const box = document.querySelector(`${MAIN} .api-overview`);
  const first = document.querySelector(`${MAIN} h2`);
  const apiOverview = !box || !column ? null : {
    shown: getComputedStyle(box).display !== "none",
    links: box.querySelectorAll("a[href^='#']").length,
    outside: [...box.querySelectorAll("li, a, code")].map((el) => el.getBoundingClientRect())
      .filter((r) => r.left < column.left - 1 || r.right > column.right + 1).length,
    before: !!first && !!(box.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING),
    sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    // where the first section starts on the page, against the first screen's height
    firstSection: first ? first.getBoundingClientRect().top + scrollY : null,
    screen: innerHeight,
    height: box.getBoundingClientRect().height,
    rule: ["Top", "Right", "Bottom", "Left"].map((s) => getComputedStyle(box)[`border${s}Width`]),
    text: getComputedStyle(box).color,
    ground: getComputedStyle(document.body).backgroundColor };
  // --- colours (test_browser_api_colours.py): the kind badges, the signatures' text ---
  const { rgba, over, contrast } = window.rnColour;  // probe_colour.js
  const backdrop = (el) => {  // the backgrounds of el and its ancestors, painted in order
    const chain = [];
    for (let e = el; e; e = e.parentElement) chain.push(e);
    return chain.reverse().reduce((back, e) => over(rgba(getComputedStyle(e).backgroundColor),
                                                    back), [255, 255, 255]);
  };
  const ink = (el, pseudo) => {  // contrast of the text drawn by el (or its ::after)
    const back = backdrop(el);
    return contrast(over(rgba(getComputedStyle(el, pseudo).color), back), back);
  };
  // Each kind badge shown: mkdocstrings' symbol ("mod", "func": its ::after) in the
  // headings and the table of contents, and its labels ("property", "dataclass").
  const badges = [...document.querySelectorAll("code.doc-symbol, .doc-label code")]
    .filter((el) => el.getClientRects().length)
    .map((el) => { const pseudo = el.matches(".doc-symbol") ? "::after" : null;
                   return { kind: pseudo ? getComputedStyle(el, pseudo).content : el.textContent,
                            where: el.closest("nav") ? "toc" : "page",
                            contrast: ink(el, pseudo) }; });
  // Each signature: its code's size, and the contrast of each kind of token in it; the size
  // of the page's other code blocks (examples) and of the text's inline code.
  const blockSize = [...document.querySelectorAll(`${MAIN} pre > code`)]
    .filter((c) => !c.closest(".doc-signature") && c.getClientRects().length)
    .map((c) => px(c, "fontSize"));
  const tokens = {};
  for (const s of document.querySelectorAll(`${MAIN} .doc-signature pre > code span[class]`)) {
    if (!s.firstChild || s.firstChild.nodeType !== 3 || !s.textContent.trim()) continue;
    const c = ink(s);
    if (!(s.className in tokens) || c < tokens[s.className].contrast)
      tokens[s.className] = { text: s.textContent, contrast: c, colour: getComputedStyle(s).color };
  }
  if (!blockSize.length && article?.querySelector(".doc-contents")) {
    // a page without an example: a code block where an example would stand, measured
    const probe = document.createElement("div");
    probe.className = "language-python highlight";
    probe.innerHTML = "<pre><code>x = 1</code></pre>";
    article.querySelector(".doc-contents").append(probe);
    blockSize.push(px(probe.querySelector("code"), "fontSize"));
    probe.remove();
  }
  const apiColours = { badges, tokens, blockSize,
    // (the code's own colour: not a session's, set in a console's stronger one)
    codeColour: [...document.querySelectorAll(`${MAIN} pre > code`)]
      .filter((c) => !c.closest(".highlight:has(.gp)"))
      .map((c) => getComputedStyle(c).color)[0] || "",
    signatureSize: [...document.querySelectorAll(`${MAIN} .doc-signature pre > code`)]
      .map((c) => px(c, "fontSize")) };
  // --- the index's table (test_browser_api_overview.py): the lines of each first cell ---
  const lines = (el) => { const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0)
      .map((r) => Math.round(r.bottom))).size; };
  const firstCells = [...document.querySelectorAll(`${MAIN} table td:first-child`)]
    .map((td) => ({ text: td.textContent.trim(), lines: lines(td) }));
  return { apiFit: { wide, links }, apiOverview, apiColours, firstCells,
           apiHeadings: { headings, signatures, toc,
                          codeFace: code ? getComputedStyle(code).fontFamily : "",
                          bodySize: body ? px(body, "fontSize") : null },
           roots, symbolPairs };
}
