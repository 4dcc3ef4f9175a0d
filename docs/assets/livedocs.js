/* A reveal (livedocs/reveal.py) stays in the viewport, out of scrolling tables' clipping:
   at a desk it is placed (fixed) next to the number. */
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 45em)");
  function up(e, sel) { return e.target.closest ? e.target.closest(sel) : null; }
  /* A checked equation's tip sits at its math, not its box (the column). */
  function anchor(wrap, num) {
    var math = wrap.classList.contains("ld-wrap--math") && num.querySelector("math > *");
    return math || num;
  }
  function place(wrap) {
    var tip = wrap.querySelector(":scope > .ld-tip");
    var num = wrap.querySelector(":scope > .ld");
    if (!tip || !num || !wide.matches) { if (tip) { tip.style.cssText = ""; } return; }
    var r = anchor(wrap, num).getBoundingClientRect();
    tip.style.position = "fixed";
    tip.style.maxWidth = Math.min(480, window.innerWidth - 16) + "px";
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
    var top = r.bottom + 6;
    if (top + h > window.innerHeight - 8 && r.top - h - 6 > 8) { top = r.top - h - 6; }
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }
  var open = null;
  function show(e) {
    var wrap = up(e, ".ld-wrap");
    if (wrap) { open = wrap; place(wrap); }
  }
  document.addEventListener("mouseover", show);
  document.addEventListener("focusin", show);
  window.addEventListener("scroll", function () { if (open) { place(open); } }, true);
  window.addEventListener("resize", function () { if (open) { place(open); } });
  /* Its button or Escape closes it, focus back on the number; a click, tap, Enter, new
     hover or new focus opens it again. */
  function close(wrap) {
    var num = wrap.querySelector(":scope > .ld");
    wrap.classList.add("ld-closed");
    if (num && wrap.contains(document.activeElement)) { num.focus(); }
  }
  function reopen(wrap) { if (wrap) { wrap.classList.remove("ld-closed"); place(wrap); } }
  document.addEventListener("click", function (e) {
    var button = up(e, ".ld-close");
    if (button) { close(button.closest(".ld-wrap")); return; }
    var num = up(e, ".ld-wrap > .ld");
    if (num) { reopen(num.parentElement); }
  });
  document.addEventListener("keydown", function (e) {
    var el = document.activeElement;
    var wrap = el && el.closest && el.closest(".ld-wrap");
    if (e.key === "Escape") {
      var hovered = open && open.matches(":hover") ? open : null;
      if (wrap || hovered) { close(wrap || hovered); }
    } else if ((e.key === "Enter" || e.key === " ") && wrap && el.classList.contains("ld") &&
               wrap.classList.contains("ld-closed")) {
      e.preventDefault();
      reopen(wrap);
    }
  });
  document.addEventListener("focusout", function (e) {
    var wrap = up(e, ".ld-wrap");
    if (wrap && !wrap.contains(e.relatedTarget)) { wrap.classList.remove("ld-closed"); }
  });
  document.addEventListener("mouseover", function (e) {
    var num = up(e, ".ld-wrap > .ld");
    if (num && !num.parentElement.contains(e.relatedTarget) &&
        document.activeElement !== num) { reopen(num.parentElement); }
  });
  /* A link to the setup (#ld-reproduce) opens its box. */
  document.addEventListener("click", function (e) {
    var box = up(e, 'a[href="#ld-reproduce"]') && document.getElementById("ld-reproduce");
    if (box) { box.open = true; }
  });
  /* On first show a tip gets its close button (beside its text), and its code a <wbr> after
     each comma, bracket, dot and operator; quoted strings kept whole. */
  var BREAK = /('[^']*'|"[^"]*")|([,(\[.=+\-*\/])/g;
  function tokenise(code) {
    var walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    var nodes = [];
    for (var n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push(n); }
    nodes.forEach(function (node) {
      var text = node.data, out = document.createDocumentFragment(), last = 0, m;
      BREAK.lastIndex = 0;
      while ((m = BREAK.exec(text))) {
        out.append(text.slice(last, m.index));
        if (m[1]) {
          var span = document.createElement("span");
          span.className = "ld-token";
          span.textContent = m[1];
          out.append(span);
        } else {
          out.append(m[2], document.createElement("wbr"));
        }
        last = BREAK.lastIndex;
      }
      if (last === 0) { return; }
      out.append(text.slice(last));
      node.replaceWith(out);
    });
  }
  function prepare(e) {
    var wrap = up(e, ".ld-wrap");
    var tip = wrap && wrap.querySelector(":scope > .ld-tip");
    if (!tip || tip.dataset.tokens) { return; }
    tip.dataset.tokens = "1";
    tip.querySelectorAll("code").forEach(tokenise);
    tip.insertAdjacentHTML("beforeend", '<button type="button" class="ld-close" ' +
                           'aria-label="Close"><span aria-hidden="true">\u00d7</span></button>');
  }
  document.addEventListener("mouseover", prepare, true);
  document.addEventListener("focusin", prepare, true);
  document.addEventListener("pointerdown", prepare, true);
})();
