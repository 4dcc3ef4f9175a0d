// After layout at the PDF's page width: scale down every block that is wider than the text
// column (display math, tables, code, figures), so nothing is cut at the margin; then report
// what still sticks out. Returns {scaled: [...], overflow: [...]}.
() => {
  const book = document.querySelector(".print-book");
  const right = book.getBoundingClientRect().right + 0.5;
  const left = book.getBoundingClientRect().left - 0.5;
  const width = book.clientWidth;
  const scaled = [];
  const blocks = book.querySelectorAll(
    ".mathml-block, .arithmatex, math[display='block'], .md-typeset__table, table, pre,"
    + " figure, .admonition, details");
  for (const el of blocks) {
    if (el.closest("[data-print-scaled]")) continue;
    const need = Math.max(el.scrollWidth, el.getBoundingClientRect().width);
    const avail = Math.min(width, el.clientWidth || width);
    if (need > avail + 1) {
      const ratio = Math.max(0.45, (avail - 2) / need);
      el.style.zoom = ratio.toFixed(3);
      el.dataset.printScaled = ratio.toFixed(3);
      scaled.push({what: el.className || el.tagName, page: el.closest(".print-page")?.dataset.path, ratio});
    }
  }
  const overflow = [];
  const walker = document.createTreeWalker(book, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width > 0 && (r.right > right || r.left < left)) {
        overflow.push({text: node.textContent.trim().slice(0, 60),
                       page: node.parentElement.closest(".print-page")?.dataset.path,
                       left: r.left, right: r.right});
        break;
      }
    }
  }
  return {scaled, overflow, width};
}
