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
    // Notebook pages (mkdocs-jupyter): a code cell's highlighted source.
    [".highlight-ipynb", "Code, scrolls sideways"],
  ];

  function mark() {
    for (const [selector, label] of BOXES) {
      for (const box of document.querySelectorAll(selector)) {
        const scrolls = box.scrollWidth > box.clientWidth;  // even by a pixel: it scrolls
        box.classList.toggle("rnnnotes-scrolls", scrolls);
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
  if (window.document$) window.document$.subscribe(mark);
  else addEventListener("DOMContentLoaded", mark);
  document.fonts.ready.then(mark);
  addEventListener("resize", mark);
})();
