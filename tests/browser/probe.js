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
      cue: style.backgroundImage.includes("gradient") || style.boxShadow !== "none",
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

  return {
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
