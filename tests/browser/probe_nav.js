// The left sidebar's title against the labels of the navigation at a desk
// (test_browser_nav_title.py): every section of the navigation opened, as a reader may
// leave them, the sidebar scrolled step by step from top to bottom; at each step, the
// labels (links and section names) in view whose box meets the title's, grown by its
// box-shadow's blur and spread. It changes the page, so the audit runs it after every
// other probe of the visit; and it puts back what it changed (the sections it opened, the
// sidebar's scroll), so the page is as loaded for what comes after (the dark palette's).
() => {
  const STEP = 12;  // px scrolled between two looks
  const wrap = document.querySelector(".md-sidebar--primary .md-sidebar__scrollwrap");
  const title = document.querySelector(".md-nav--primary > .md-nav__title");
  if (!wrap || !title) return { navTitle: { error: "no sidebar or no title" } };
  const opened = [...document.querySelectorAll(".md-nav__toggle")]
    .filter((t) => !t.id.startsWith("__toc") && !t.checked);
  const scrolled = wrap.scrollTop;
  opened.forEach((t) => { t.checked = true; });
  const grow = (getComputedStyle(title).boxShadow.match(/-?[\d.]+px/g) || [])
    .slice(2, 4).reduce((sum, px) => sum + Math.max(0, parseFloat(px)), 0);
  const found = [];
  const max = wrap.scrollHeight - wrap.clientHeight;
  for (let top = 0; top <= max + STEP; top += STEP) {
    wrap.scrollTop = Math.min(top, max);
    const t = title.getBoundingClientRect();
    if (t.height === 0) continue;
    const view = wrap.getBoundingClientRect();
    for (const label of wrap.querySelectorAll(".md-nav__link")) {
      if (title.contains(label)) continue;
      const r = label.getBoundingClientRect();
      if (r.height === 0 || r.bottom <= view.top || r.top >= view.bottom) continue;
      if (r.top < t.bottom + grow && r.bottom > t.top - grow &&
          r.left < t.right && r.right > t.left)
        found.push(`${label.textContent.trim()} at scroll ${wrap.scrollTop}`);
    }
    if (wrap.scrollTop >= max) break;
  }
  opened.forEach((t) => { t.checked = false; });
  wrap.scrollTop = scrolled;
  return { navTitle: { found, max } };
}
