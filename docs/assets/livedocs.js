/* Keep a live number's description (livedocs/reveal.py) inside the viewport, and out of
   scrolling tables' clipping: on wide screens it is placed with fixed coordinates next to
   the number. CSS alone shows and hides it; this only positions it. */
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 45em)");
  function place(wrap) {
    var tip = wrap.querySelector(":scope > .ld-tip");
    var num = wrap.querySelector(":scope > .ld");
    if (!tip || !num || !wide.matches) { if (tip) { tip.style.cssText = ""; } return; }
    var r = num.getBoundingClientRect();
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
    var wrap = e.target.closest && e.target.closest(".ld-wrap");
    if (wrap) { open = wrap; place(wrap); }
  }
  document.addEventListener("mouseover", show);
  document.addEventListener("focusin", show);
  window.addEventListener("scroll", function () { if (open) { place(open); } }, true);
  window.addEventListener("resize", function () { if (open) { place(open); } });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && document.activeElement &&
        document.activeElement.classList.contains("ld")) { document.activeElement.blur(); }
  });
})();
/* A link to the setup (#ld-reproduce) opens its box. */
document.addEventListener("click", function (e) {
  var a = e.target.closest && e.target.closest('a[href="#ld-reproduce"]');
  var box = a && document.getElementById("ld-reproduce");
  if (box) { box.open = true; }
});
/* A tip's code breaks only between tokens: a <wbr> after each comma, opening bracket, dot
   and operator, and quoted strings ('per-unit') kept whole. Done once, on first show. */
(function () {
  "use strict";
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
    var wrap = e.target.closest && e.target.closest(".ld-wrap");
    var tip = wrap && wrap.querySelector(":scope > .ld-tip");
    if (!tip || tip.dataset.tokens) { return; }
    tip.dataset.tokens = "1";
    tip.querySelectorAll("code").forEach(tokenise);
  }
  document.addEventListener("mouseover", prepare, true);
  document.addEventListener("focusin", prepare, true);
  document.addEventListener("pointerdown", prepare, true);
})();
