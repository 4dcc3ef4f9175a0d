// The print view of the PDF (rnnsite/pdf/build.py): run in the built home page, it replaces
// the page's article by a cover and the articles of every page of the book, fetched from the
// site, with ids made unique per page and links between them made internal.
// Argument: {pages: [{path, title}], cover: {name, description, version, date, url}, siteUrl}.
async ({pages, cover, siteUrl}) => {
  const here = new URL(document.baseURI);
  const root = new URL("./", here);            // the home page is at the site's root
  const index = new Map(pages.map((p, i) => [new URL(p.path, root).pathname, i]));
  const article = document.querySelector("article.md-content__inner");
  const book = document.createElement("div");
  book.className = "print-book";

  const coverEl = document.createElement("section");
  coverEl.className = "print-cover";
  coverEl.id = "cover";
  const esc = (s) => s.replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));
  coverEl.innerHTML = `<h1 class="print-cover__title">${esc(cover.name)}</h1>
    <p class="print-cover__subtitle">${esc(cover.description)}</p>
    <p class="print-cover__meta">Version ${esc(cover.version)} · ${esc(cover.date)}<br>
    <a href="${esc(cover.url)}">${esc(cover.url)}</a></p>
    <h2 class="print-cover__contents">Contents</h2>
    <ol class="print-toc">${pages.map((p, i) =>
      `<li><a href="#page-${i}">${esc(p.title)}</a></li>`).join("")}</ol>`;
  book.append(coverEl);

  const parser = new DOMParser();
  for (const [i, p] of pages.entries()) {
    const url = new URL(p.path, root);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const doc = parser.parseFromString(await response.text(), "text/html");
    const src = doc.querySelector("article.md-content__inner");
    if (!src) throw new Error(`${url}: no article`);
    // What a reader of paper cannot use: buttons, permalinks, reveal popups, the reproduce
    // box, the key to the dotted underline (paper has none), the link to this PDF itself.
    // (A figure is one inline SVG, coloured by the palette.)
    src.querySelectorAll(".md-content__button, .headerlink, .ld-tip, .ld-reproduce,"
      + " .rn-live-legend, .pdf-handout, .md-source-file, script, noscript")
      .forEach((el) => el.remove());
    src.querySelectorAll("details").forEach((el) => el.setAttribute("open", ""));
    // Framework tabs: every tab, each under its label.
    src.querySelectorAll(".tabbed-set").forEach((set) => {
      const labels = [...set.querySelectorAll(":scope > .tabbed-labels > label")];
      const blocks = [...set.querySelectorAll(":scope > .tabbed-content > .tabbed-block")];
      const flat = document.createElement("div");
      flat.className = "print-tabs";
      blocks.forEach((block, k) => {
        const label = document.createElement("p");
        label.className = "print-tabs__label";
        label.textContent = labels[k] ? labels[k].textContent.trim() : "";
        flat.append(label, ...block.childNodes);
      });
      set.replaceWith(flat);
    });
    const prefix = `p${i}-`;
    src.querySelectorAll("[id]").forEach((el) => { el.id = prefix + el.id; });
    // an inline SVG's references to its own ids (a figure's glyphs, markers, clip paths)
    src.querySelectorAll("svg *").forEach((el) => {
      for (const {name, value} of [...el.attributes]) {
        const moved = name === "href" && value.startsWith("#") ? `#${prefix}${value.slice(1)}`
          : value.replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`);
        if (moved !== value) el.setAttribute(name, moved);
      }
    });
    src.querySelectorAll("label[for]").forEach((el) => el.setAttribute("for", prefix + el.getAttribute("for")));
    for (const attr of ["aria-labelledby", "aria-describedby", "aria-controls"]) {
      src.querySelectorAll(`[${attr}]`).forEach((el) => el.setAttribute(attr,
        el.getAttribute(attr).split(/\s+/).map((id) => prefix + id).join(" ")));
    }
    src.querySelectorAll("img[src]").forEach((img) => {
      img.setAttribute("src", new URL(img.getAttribute("src"), url).href);
      img.removeAttribute("loading");
    });
    src.querySelectorAll("a[href]").forEach((a) => {
      const raw = a.getAttribute("href");
      let target;
      try { target = new URL(raw, url); } catch { return; }
      if (target.origin !== url.origin) return;           // off the site: as it is
      const j = index.get(target.pathname);
      if (j !== undefined) {
        const frag = target.hash.slice(1);
        a.setAttribute("href", frag ? `#p${j}-${decodeURIComponent(frag)}` : `#page-${j}`);
      } else {                                            // a page not in the book: online
        a.setAttribute("href", new URL(target.pathname.slice(root.pathname.length)
          + target.search + target.hash, siteUrl).href);
      }
    });
    const section = document.createElement("section");
    section.className = "print-page";
    section.id = `page-${i}`;
    section.dataset.path = p.path;
    section.append(...src.childNodes);
    book.append(section);
  }
  article.replaceChildren(book);
  // Links that point into the book must land on an element of it.
  // (and a figure's glyphs, markers and clip paths: their ids moved with the page's)
  const broken = [...book.querySelectorAll("a[href^='#'], svg use[href^='#']")]
    .map((a) => a.getAttribute("href").slice(1))
    .concat([...book.querySelectorAll("svg [clip-path]")]
      .map((el) => /url\(#([^)]+)\)/.exec(el.getAttribute("clip-path"))?.[1]).filter(Boolean))
    .filter((id) => !document.getElementById(id));
  await document.fonts.ready;
  const count = (selector) => book.querySelectorAll(selector).length;
  return {broken: [...new Set(broken)], details: count("details"),
          closed: count("details:not([open])"), tips: count(".ld-tip"),
          ...figureColours(book)};
}

// Figures in the light palette (their colour variables at the values of the first rule of
// their <style>, rnnsite/figure_inline.py) and in any other.
function figureColours(book) {
  let light = 0, dark = 0;
  for (const svg of book.querySelectorAll("figure.rnnnotes-figure > svg")) {
    const rule = /\{([^}]*)\}/.exec(svg.closest("figure").querySelector("style").textContent)[1];
    const shown = getComputedStyle(svg);
    const same = rule.split(";").every((d) => {
      const [name, value] = d.split(":");
      return shown.getPropertyValue(name).trim() === value.trim();
    });
    if (same) light += 1; else dark += 1;
  }
  return {light, dark};
}
