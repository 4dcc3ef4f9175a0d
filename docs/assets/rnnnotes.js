// Wide equations and tables scroll sideways inside their own box on a narrow screen (the
// page itself never does). A box that scrolls gets keyboard focus (tabindex) and a name,
// so that it can be scrolled without a mouse, and the class that draws its scroll
// shadows (rnnnotes.css); a box that fits loses all three. Code blocks get the shadows;
// Material already makes them focusable.
(() => {
  const BOXES = [
    [".md-typeset .mathml-block", "Equation, scrolls sideways"],
    [".md-typeset .md-typeset__scrollwrap", "Table, scrolls sideways"],
    [".md-typeset pre > code", null],
    // Notebook pages (mkdocs-jupyter): a code cell's highlighted source, its printed output.
    [".highlight-ipynb", "Code, scrolls sideways"],
    [".jp-OutputArea-output", "Output, scrolls sideways"],
  ];
  // An equation a little too wide is set smaller to fit, never below the body's size (its
  // math is set at 1.15 em): one wider still scrolls.
  const FLOOR = 16;  // px, the body text's size

  // A display equation a little too wide for the column is set smaller until it fits.
  function fit(block) {
    // Measured as a plain block: the scrolling look (rnnnotes.css) lays it out differently.
    block.classList.remove("rnnnotes-scrolls");
    block.style.fontSize = "";
    const room = () => block.clientWidth;
    // An expression broken for a narrow column (rnnsite.mathml): one line where it fits.
    if (block.querySelector("mtable.rn-line-breaks")) {
      block.classList.add("rn-joined");
      if (block.scrollWidth > room()) block.classList.remove("rn-joined");
    }
    const math = block.querySelector("math");
    const mathSize = math ? parseFloat(getComputedStyle(math).fontSize) : FLOOR;
    const FIT = Math.min(1, FLOOR / mathSize);
    if (room() / block.scrollWidth < FIT) return;  // too wide: it scrolls
    // Not all of an equation scales with its size (spacing, padding): step down until it
    // fits, never below FIT.
    for (let size = 1; block.scrollWidth > room() && size > FIT;) {
      size = Math.max(FIT, Math.floor(size * (room() / block.scrollWidth) * 100 - 1) / 100);
      block.style.fontSize = `${size}em`;
    }
  }

  // Which edges of a scrolling box have more to see (the equations' fade, rnnnotes.css).
  function edges(box) {
    const more = [];
    if (box.scrollLeft > 1) more.push("left");
    if (box.scrollLeft + box.clientWidth < box.scrollWidth - 1) more.push("right");
    box.dataset.more = more.join(" ");
  }

  // Inline math followed by punctuation stays on one line with it (rnnsite.mathml does this
  // at build time on pages; here for the notebooks' Markdown, rendered elsewhere).
  // So does an opening bracket before it: "(" never ends a line with its formula below.
  function keepPunctuation() {
    for (const math of document.querySelectorAll(".md-typeset .arithmatex:not(.mathml-block)")) {
      if (math.parentElement.classList.contains("rn-nobr")) continue;
      const next = math.nextSibling, prev = math.previousSibling;
      const text = (node, re) => node && node.nodeType === Node.TEXT_NODE && node.data.match(re);
      const punct = text(next, /^[.,;:!?)\]”’]{1,3}/);
      const open = text(prev, /[(\[“‘]{1,2}$/);
      if (!punct && !open) continue;
      const wrap = document.createElement("span");
      wrap.className = "rn-nobr";
      math.replaceWith(wrap);
      wrap.append(math);
      if (punct) { next.data = next.data.slice(punct[0].length); wrap.append(punct[0]); }
      if (open) { prev.data = prev.data.slice(0, -open[0].length); wrap.prepend(open[0]); }
    }
  }

  // A code block's copy button (Material's, top right) never sits over its text: where a
  // line reaches under it, the block gets a strip of its own at the top for the button.
  function clearCopyButtons() {
    for (const pre of document.querySelectorAll(".md-typeset pre")) {
      const button = pre.querySelector(":scope > .md-code__nav .md-code__button, :scope > .md-clipboard");
      const code = pre.querySelector(":scope > code");
      if (!button || !code) continue;
      pre.classList.remove("rn-copy-strip");
      pre.classList.toggle("rn-copy-strip", overText(button, code));
    }
    // Notebook cells (mkdocs-jupyter): the button sits over the box's top right corner;
    // only a cell whose first line reaches under it gets a strip (rnnnotes.css).
    for (const editor of document.querySelectorAll(".jp-CodeMirrorEditor")) {
      const button = editor.querySelector("clipboard-copy");
      const code = editor.querySelector(".highlight-ipynb pre");
      if (!button || !code) continue;
      editor.classList.remove("rn-copy-strip");
      editor.classList.toggle("rn-copy-strip", overText(button, code));
    }
  }

  // Whether any word of `code` lies under `button`'s box (not a space: where a line wraps,
  // its spaces hang past the text's edge, drawing nothing).
  function overText(button, code) {
    const b = button.getBoundingClientRect();
    const word = document.createRange();
    const texts = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    for (let t = texts.nextNode(); t; t = texts.nextNode()) {
      for (const m of t.data.matchAll(/\S+/g)) {
        word.setStart(t, m.index);
        word.setEnd(t, m.index + m[0].length);
        if ([...word.getClientRects()].some((r) => r.width > 0 && r.left < b.right &&
          r.right > b.left && r.top < b.bottom && r.bottom > b.top)) return true;
      }
    }
    return false;
  }

  // On a phone a long student quote (two lines or more over the cap, rnnnotes.css) is
  // capped, with a button that shows it whole, so the full-marks answer starts on screen.
  const PHONE = matchMedia("screen and (max-width: 44.9375em)");
  function capQuotes() {
    for (const quote of document.querySelectorAll(".md-typeset blockquote.student")) {
      let button = quote.querySelector(".rn-show-all");
      if (button && button.ariaExpanded === "true") continue;
      quote.classList.add("rn-capped");
      // (only where it hides four lines or more: its button takes two, and a fold that
      // hides a line and a half hid the very words a grade was about; design review)
      const capped = PHONE.matches && quote.scrollHeight - quote.clientHeight
        >= 4 * parseFloat(getComputedStyle(quote).lineHeight);
      quote.classList.toggle("rn-capped", capped);
      if (!capped || button) continue;
      button = document.createElement("button");
      button.className = "rn-show-all";
      button.ariaExpanded = "false";
      button.textContent = "Show the whole answer";
      button.onclick = () => {
        const shut = quote.classList.toggle("rn-capped");
        button.ariaExpanded = String(!shut);
        button.textContent = shut ? "Show the whole answer" : "Show less";
      };
      quote.append(button);
    }
  }

  // Short inline code ("uv run rnnnotes") never breaks; longer code may.
  function keepShortCode() {
    for (const c of document.querySelectorAll(".md-typeset :not(pre) > code")) {
      if (c.textContent.length <= 24) c.classList.add("rn-nobr");
    }
  }

  function mark() {
    keepPunctuation();
    keepShortCode();
    capQuotes();
    requestAnimationFrame(clearCopyButtons);  // after the theme has added the buttons
    for (const block of document.querySelectorAll(".md-typeset .mathml-block")) fit(block);
    for (const [selector, label] of BOXES) {
      for (const box of document.querySelectorAll(selector)) {
        const scrolls = box.scrollWidth > box.clientWidth;  // even by a pixel: it scrolls
        box.classList.toggle("rnnnotes-scrolls", scrolls);
        if (scrolls) edges(box); else delete box.dataset.more;
        if (label === null) continue;
        if (scrolls) {
          box.tabIndex = 0;
          box.setAttribute("role", "group");
          box.setAttribute("aria-label", label);
        } else {
          box.removeAttribute("tabindex");
          box.removeAttribute("role");
          box.removeAttribute("aria-label");
        }
      }
    }
  }

  // Material wraps tables when it sets up the page (document$); math widens when its
  // font arrives; any box can start or stop scrolling when the window is resized.
  addEventListener("scroll", (e) => {
    if (e.target.classList && e.target.classList.contains("rnnnotes-scrolls")) edges(e.target);
  }, true);
  if (window.document$) window.document$.subscribe(mark);
  else addEventListener("DOMContentLoaded", mark);
  document.fonts.ready.then(mark);
  addEventListener("resize", mark);
})();

// On a phone a live number's reveal is a sheet along the foot of the screen (livedocs.css):
// a number it would cover is scrolled up above it, so the reader sees both.
(() => {
  const phone = matchMedia("(max-width: 44.9375em)");
  // A touch shows the sheet only once the tap ends (and its click may land on the sheet,
  // now over the number), keyboard focus at once: look for it for a few frames.
  const above = (e) => {
    const wrap = e.target.closest && e.target.closest(".ld-wrap");
    const num = wrap && wrap.querySelector(":scope > .ld");
    if (!num || !phone.matches) return;
    const tip = wrap.querySelector(":scope > .ld-tip");
    let frames = 30;
    const look = () => {
      if (!tip || !tip.offsetHeight) { if (--frames > 0) requestAnimationFrame(look); return; }
      const over = num.getBoundingClientRect().bottom + 8 - tip.getBoundingClientRect().top;
      if (over > 0) scrollBy({ top: over, behavior: "instant" });
    };
    requestAnimationFrame(look);
  };
  document.addEventListener("pointerdown", above);
  document.addEventListener("click", above);
  document.addEventListener("focusin", above);
})();
