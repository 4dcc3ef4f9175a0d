// Colours as numbers, for contrast (WCAG 2): set once in the audit's context before each page
// loads (browser_audit.py), and read by the probes that measure contrast (probe.js,
// probe_api.js) as window.rnColour.
window.rnColour = (() => {
  const rgba = (c) => {
    const m = c.match(/^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)$/);
    if (m) return [+m[1] * 255, +m[2] * 255, +m[3] * 255, m[4] === undefined ? 1 : +m[4]];
    const n = c.match(/[\d.]+/g).map(Number);
    return [n[0], n[1], n[2], n.length > 3 ? n[3] : 1];
  };
  const over = (top, back) => top.slice(0, 3).map((v, i) => v * top[3] + back[i] * (1 - top[3]));
  const luminance = (c) => {
    const [r, g, b] = c.map((v) => { v /= 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  return { rgba, over, luminance, contrast };
})();
