// The site's chrome as a reader meets it (test_browser_chrome.py): the navigation's section
// labels against its pages (colour, weight, contrast on what is behind them), the title's
// size against the section headings', whether the top bar's page title fits its box, the
// width of the prose, and the summary table's columns. Reads only: it changes nothing.
() => {
  const rgba = (c) => (c.match(/[\d.]+/g) || []).map(Number).concat([1]).slice(0, 4);
  const over = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
  const behind = (el) => {  // the opaque colour behind el: its ancestors' backgrounds, composed
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] === 1) break;
    }
    return layers.reverse().reduce((acc, c) => over(c, acc), [255, 255, 255]);
  };
  const lum = (rgb) => { const [r, g, b] = rgb.map((v) => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const contrast = (el) => { const bg = behind(el);
    const fg = over(rgba(getComputedStyle(el).color), bg);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return Math.round((a + 0.05) / (b + 0.05) * 100) / 100; };
  const look = (el) => { const s = getComputedStyle(el);
    return { text: el.textContent.trim(), weight: +s.fontWeight, caps: s.fontVariantCaps,
             contrast: contrast(el), shown: el.getClientRects().length > 0 }; };
  const nav = ".md-nav--primary";
  const sections = [...document.querySelectorAll(
    `${nav} .md-nav__item--section > .md-nav__link, ${nav} .md-nav .md-nav__title`)].map(look);
  const pages = [...document.querySelectorAll(`${nav} .md-nav__item:not(.md-nav__item--section) > a.md-nav__link`)]
    .filter((a) => !a.closest(".md-nav--secondary")).map(look);
  const size = (el) => parseFloat(getComputedStyle(el).fontSize);
  const h1 = document.querySelector(".md-content h1");
  const h2s = [...document.querySelectorAll(".md-content h2")].filter((h) => h.getClientRects().length);
  const topic = document.querySelectorAll(".md-header__topic")[1];
  const shown = topic && topic.querySelector(".md-ellipsis");
  const prose = [...document.querySelectorAll(".md-content__inner > p")]
    .map((p) => p.getBoundingClientRect().width);
  const row = document.querySelector(".answers-table--summary tbody tr");
  const cell = (n) => row && row.children[n] && Math.round(row.children[n].getBoundingClientRect().width);
  // Under a set of content tabs: from its open tab's last block to what follows.
  const tabGaps = [...document.querySelectorAll(".md-content .tabbed-set")].map((set) => {
    const open = [...set.querySelectorAll(".tabbed-block")].find((b) => b.getClientRects().length);
    const next = set.nextElementSibling;
    return open && next ? { gap: next.getBoundingClientRect().top
      - open.lastElementChild.getBoundingClientRect().bottom,
      own: parseFloat(getComputedStyle(next).marginTop) } : null;  // what follows keeps its own
  }).filter((gap) => gap !== null);
  const para = document.querySelector(".md-content__inner");  // a paragraph's gap: 1 em of it
  return { chrome: {
    tabGaps, paragraphGap: para ? parseFloat(getComputedStyle(para).fontSize) : null,
    sections, pages,
    h1: h1 ? size(h1) : null, h2: h2s.length ? Math.max(...h2s.map(size)) : null,
    topBar: shown ? { text: shown.textContent.trim(), over: shown.scrollWidth - shown.clientWidth,
                      width: shown.clientWidth } : null,
    prose: prose.length ? Math.max(...prose) : null,
    summary: row ? { row: Math.round(row.getBoundingClientRect().width), label: cell(0),
                     question: cell(1), why: cell(3) } : null,
  } };
}
