"""The heat maps' colours (design review): tiny must not look like nothing on either page,
the scale must read as one, and its smallest colour must not look like the hatch of the
exact zeros."""

from __future__ import annotations

import numpy as np
from matplotlib.colors import to_hex, to_rgb
from test_figures_style import contrast

from rnnnotes.figures import THEMES
from rnnnotes.figures._style import heat_map


def _lab(colour: str) -> np.ndarray:
    """CIELAB (D65) of an sRGB colour: L* its lightness, (a*, b*) its hue and chroma."""
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                    [0.0193, 0.1192, 0.9505]]) @ [lin(c) for c in to_rgb(colour)]
    x, y, z = (np.cbrt(t) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116
               for t in xyz / [0.95047, 1.0, 1.08883])
    return np.array([116 * y - 16, 500 * (x - y), 200 * (y - z)])


HEAT_CONTRAST = 3.2  # the least of a heat map's colours against either page's background
HEAT_LIGHTNESS = 40  # CIELAB L* from the heat maps' low end to their top, at the least


def test_a_heat_maps_low_end_stands_off_the_page() -> None:
    """Tiny must not look like nothing (design review): every colour of the heat maps
    stands off the dark page by HEAT_CONTRAST at least, over WCAG's 3:1 for non-text (the
    floored cividis used before: 2.2:1), and the low end off the white page too. (The
    bright end on white, 1.26:1, is not helped by a floor; the same colours serve both
    pages, as a heat map is an image shared by the themes.) The scale still reads as one:
    its lightness rises all the way, by HEAT_LIGHTNESS at least."""
    dark, light = THEMES["dark"], THEMES["light"]
    colours = [to_hex(c) for c in heat_map(dark)(np.linspace(0, 1, 256))]
    assert colours == [to_hex(c) for c in heat_map(light)(np.linspace(0, 1, 256))]
    worst = min(contrast(c, dark.background) for c in colours)
    assert worst >= HEAT_CONTRAST, worst
    assert contrast(colours[0], light.background) >= HEAT_CONTRAST
    lightness = np.array([_lab(c)[0] for c in colours])
    assert np.all(np.diff(lightness) > -0.1)  # never darker (but by 8-bit rounding, 0.03)
    assert lightness[-1] - lightness[0] >= HEAT_LIGHTNESS


def test_the_smallest_colour_is_not_the_hatchs() -> None:
    """The exact zeros' hatch is drawn in the theme's muted grey; the heat maps' smallest
    colour is no grey (CIELAB chroma 20 or more) and differs from that grey by a CIELAB
    distance of 20 or more in both themes (cividis' colour of the same lightness, #696b71,
    is a grey 10 from the light theme's hatch)."""
    low = _lab(to_hex(heat_map(THEMES["dark"])(0.0)))
    assert np.hypot(*low[1:]) >= 20, low
    for theme in THEMES.values():
        assert np.linalg.norm(low - _lab(theme.muted)) >= 20, theme.name
    assert np.linalg.norm(_lab("#696b71") - _lab(THEMES["light"].muted)) < 20  # the test sees
