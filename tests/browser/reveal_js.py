"""The scripts reveal_visit.py runs in a page with reveals: each measures in one call what
a test of test_browser_reveal_sheet.py asserts on."""

# The union of the glyph boxes of an element's text (its ink), in viewport pixels.
INK = """(el) => {
  let l = Infinity, r = -Infinity, t = Infinity, b = -Infinity;
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (!n.data.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const q of range.getClientRects()) {
      if (!q.width) continue;
      l = Math.min(l, q.left); r = Math.max(r, q.right);
      t = Math.min(t, q.top); b = Math.max(b, q.bottom);
    }
  }
  return {left: l, right: r, top: t, bottom: b};
}"""

# The element that draws a reveal's dotted cue: the number's own box or one inside it.
CUE = """(ld) => {
  const el = [ld, ...ld.querySelectorAll("*")].find((e) => {
    const s = getComputedStyle(e);
    return (s.borderBottomStyle === "dotted" && parseFloat(s.borderBottomWidth) > 0) ||
      (s.textDecorationLine.includes("underline") && s.textDecorationStyle === "dotted");
  });
  if (!el) return null;
  const s = getComputedStyle(el), q = el.getBoundingClientRect();
  const border = s.borderBottomStyle === "dotted";
  return {left: q.left, right: q.right, style: "dotted",
          color: border ? s.borderBottomColor : s.textDecorationColor};
}"""

# An open sheet's colours, its edges' and its background's over the page's (sRGB 0-255).
COLOURS = """(tip) => {
  const canvas = document.createElement("canvas").getContext("2d");
  const rgba = (css) => { canvas.clearRect(0, 0, 1, 1); canvas.fillStyle = css;
    canvas.fillRect(0, 0, 1, 1); return [...canvas.getImageData(0, 0, 1, 1).data]; };
  const over = (top, under) => top.slice(0, 3).map((c, i) =>
    (c * top[3] + under[i] * (255 - top[3])) / 255);
  const page = rgba(getComputedStyle(document.body).backgroundColor);
  const s = getComputedStyle(tip), back = over(rgba(s.backgroundColor), page);
  const sides = ["Top", "Right", "Bottom", "Left"].map((side) => ({
    side, width: parseFloat(s[`border${side}Width`]),
    colour: over(rgba(s[`border${side}Color`]), back)}));
  return {page, back, sides};
}"""

# Whether a display equation scrolls sideways (its ink partly hidden).
SCROLLS = """(el) => el.querySelector('.mathml-block') !== null
  && el.querySelector('.mathml-block').scrollWidth >
     el.querySelector('.mathml-block').clientWidth + 1"""

# Scrolls a number into view (if it is not) and gives its box; takes off the style that
# hides the cues, if a screenshot before put it on (CUES_OFF).
# Each element's box in viewport pixels, and the page's vertical scroll.
BOXES = """(els) => els.map((el) => {
  const q = el.getBoundingClientRect();
  return {x: q.x, y: q.y, width: q.width, height: q.height, scrollY};
})"""
SHOW = """(ld) => {
  document.getElementById("cues-off")?.remove();
  ld.scrollIntoViewIfNeeded();
  const q = ld.getBoundingClientRect();
  return {x: q.x, y: q.y, width: q.width, height: q.height};
}"""
CUES_OFF = """() => {
  const style = document.createElement("style");
  style.id = "cues-off";
  style.textContent = ".ld, .ld * { text-decoration: none !important; " +
    "border-bottom-color: transparent !important; }";
  document.head.append(style);
}"""

# What a number is, as the tests name it, and its cue.
DESCRIBE = f"""(els) => els.map((ld) => ({{
  where: ld.getAttribute("aria-describedby"), text: ld.innerText, cue: ({CUE})(ld)}}))"""

# An equation, scrolled into view: its cue, its ink, and whether it scrolls sideways.
MEASURE = f"""(ld) => {{
  ld.scrollIntoViewIfNeeded();
  return {{where: ld.getAttribute("aria-describedby"), ink: ({INK})(ld), cue: ({CUE})(ld),
           scrolls: ({SCROLLS})(ld)}};
}}"""
# The equation's sheet, shown (Playwright's sense: a box, not hidden) and placed by
# livedocs.js (fixed), and the sheet's box.
PLACED = """(id) => {
  const tip = document.getElementById(id)?.parentElement;
  if (!tip || !tip.matches(".ld-tip")) return false;
  const q = tip.getBoundingClientRect();
  return q.width > 0 && q.height > 0 && getComputedStyle(tip).visibility !== "hidden"
    && tip.style.position === "fixed";
}"""
AT_INK = f"""(ld) => {{
  const q = document.getElementById(ld.getAttribute("aria-describedby"))
    .parentElement.getBoundingClientRect();
  return {{ink: ({INK})(ld), box: {{x: q.x, y: q.y, width: q.width, height: q.height}}}};
}}"""
