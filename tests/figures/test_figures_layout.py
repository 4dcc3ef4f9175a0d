"""Every figure's layout as matplotlib draws it (design review, figures 1 and 2): every
label and legend inside the figure, and no legend over a plotted line.

The extents are matplotlib's own, taken while the figure is written as its SVG (the very
drawing the page shows; a text that is not drawn, such as a tick label outside the axis'
range, is not measured).
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib.textpath import TextToPath
from matplotlib.transforms import Bbox

from rnnnotes.figures import FIGURES
from rnnnotes.figures._svg import svg_bytes

NAMES = list(FIGURES)
SLACK_PX = 0.5  # rounding: a label may touch the figure's edge, not cross it


@cache
def drawn(name: str) -> dict[str, list]:
    """What writing figure ``name`` (light) as its SVG draws, in the SVG's pixels: the
    figure's box ("figure"), each text drawn with its box ("texts"), each legend's box
    ("legends"), each plotted line's points ("lines": label, (N, 2) array), each text's
    font size ("sizes", pt, in the order of "texts"), the faces its glyphs are drawn in
    ("faces", PostScript names, in that order too) and its background box if it has one
    ("boxes", None if not), each arrow's path ("arrows") and each hatched patch's box
    ("hatched")."""
    fig = FIGURES[name]("light").figure
    seen: dict[str, list] = {"figure": [], "texts": [], "sizes": [], "faces": [], "boxes": [],
                             "legends": [], "lines": [], "arrows": [], "hatched": []}
    faces: set[str] = set()  # of the glyphs drawn since the last text was recorded

    def recording(cls, record):
        draw = cls.draw

        def drawing(self, renderer, *args, **kwargs):
            out = draw(self, renderer, *args, **kwargs)
            if self.get_visible():
                record(self, renderer)
            return out
        return cls, draw, drawing

    def text(t, renderer):
        if t.get_text():
            seen["texts"].append((t.get_text(), t.get_window_extent(renderer)))
            seen["sizes"].append(t.get_fontsize())  # pt: the SVG's unit
            seen["figure"].append(t.get_figure(root=True).bbox.frozen())
            seen["faces"].append(sorted(faces))
            box = t.get_bbox_patch()
            seen["boxes"].append(None if box is None else (box.get_window_extent(renderer),
                                                           box.get_facecolor()[3]))
        faces.clear()

    def line(ln, renderer):
        # a plotted line, not a legend's sample of one (which has the legend's axes too)
        if ln.axes is not None and ln in ln.axes.lines and ln.get_linestyle() not in ("None", ""):
            seen["lines"].append((ln.get_label(), ln.get_transform().transform(ln.get_xydata())))

    def start(_fig, _renderer):  # each drawing starts afresh: the SVG's is the last
        for kept in seen.values():
            kept.clear()

    figure_draw = Figure.draw

    def figure_drawing(self, renderer):
        start(self, renderer)
        return figure_draw(self, renderer)

    def arrow(a, _renderer):  # a diagram's arrow, as drawn
        seen["arrows"].append(a.get_transform().transform_path(a.get_path()))

    def hatched(p, renderer):  # a hatched area (a dependency map's exact zeros)
        if p.get_hatch():
            seen["hatched"].append(p.get_window_extent(renderer))

    glyph_repr = TextToPath._get_glyph_repr  # every glyph written as an outline asks for its id

    def face_noting(self, font, glyph):
        faces.add(font.postscript_name)
        return glyph_repr(self, font, glyph)

    patches = [(Figure, figure_draw, figure_drawing), recording(Text, text),
               (TextToPath, glyph_repr, face_noting),
               recording(FancyArrowPatch, arrow), recording(Patch, hatched),
               recording(Line2D, line), recording(Legend,
                                                 lambda lg, r: seen["legends"].append(
                                                     lg.get_window_extent(r)))]
    for cls, draw, drawing in patches:
        setattr(cls, draw.__name__, drawing)
    try:
        svg_bytes(fig)
    finally:
        for cls, draw, _ in patches:
            setattr(cls, draw.__name__, draw)
    return seen


def outside(box: Bbox, frame: Bbox) -> bool:
    return (box.x0 < frame.x0 - SLACK_PX or box.y0 < frame.y0 - SLACK_PX
            or box.x1 > frame.x1 + SLACK_PX or box.y1 > frame.y1 + SLACK_PX)


@pytest.mark.parametrize("name", NAMES)
def test_every_label_lies_inside_the_figure(name) -> None:
    seen = drawn(name)
    assert seen["texts"], "a figure has labels"
    frame = seen["figure"][0]  # the same for every text (one figure, one size)
    assert all(f.extents.tolist() == frame.extents.tolist() for f in seen["figure"])
    # a legend's box too (its padding around its texts): as a browser sets the text, a
    # legend whose texts end within a pixel of the edge ran past it
    legends = [("legend", box) for box in seen["legends"]]
    cut = [(text, [round(v) for v in box.extents]) for text, box in seen["texts"] + legends
           if outside(box, frame)]
    assert cut == [], f"figure is {[round(v) for v in frame.extents]}"


# Unicode's superscript digits and signs (STIXGeneral has only ¹ ² ³: the others come from
# a fallback face, in another design)
SUPERSCRIPTS = set("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207a\u207b")


@pytest.mark.parametrize("name", NAMES)
def test_every_text_is_drawn_in_stix(name) -> None:
    """Every text of a figure, tick labels too, is drawn in the STIX faces (words in
    STIXGeneral, math in mathtext's STIX set): a glyph the face lacks would be drawn in a
    fallback face (DejaVu), in another design beside it. An exponent is mathtext's
    superscript ($10^{-3}$), never a Unicode superscript digit (10\u207b\u00b3)."""
    seen = drawn(name)
    assert len(seen["faces"]) == len(seen["texts"]) and all(seen["faces"])
    other = [(text, faces) for (text, _), faces in zip(seen["texts"], seen["faces"], strict=True)
             if any(not face.startswith("STIX") for face in faces)]
    assert other == [], "(label, the faces its glyphs are drawn in)"
    assert [text for text, _ in seen["texts"] if SUPERSCRIPTS & set(text)] == []


def line_paths(lines: list[tuple[str, np.ndarray]]) -> list[tuple[str, Path]]:
    """Every plotted line of every axes as drawn, split at its gaps (NaN)."""
    out = []
    for label, xy in lines:
        finite = np.isfinite(xy).all(axis=1)
        # runs of finite points: each is a polyline of its own
        edges = np.flatnonzero(np.diff(np.r_[0, finite.astype(int), 0]))
        for start, stop in zip(edges[::2], edges[1::2], strict=True):
            if stop - start >= 2:
                out.append((label, Path(xy[start:stop])))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_no_legend_lies_over_a_plotted_line(name) -> None:
    seen = drawn(name)
    over = [(label, [round(v) for v in box.extents]) for box in seen["legends"]
            for label, path in line_paths(seen["lines"]) if path.intersects_bbox(box, filled=False)]
    assert over == []


def test_the_overlap_test_sees_a_line_through_a_box() -> None:
    box = Bbox([[10, 10], [20, 20]])
    assert Path([[0, 15], [30, 15]]).intersects_bbox(box, filled=False)  # across it
    assert Path([[12, 12], [14, 14]]).intersects_bbox(box, filled=False)  # inside it
    assert not Path([[0, 0], [30, 0]]).intersects_bbox(box, filled=False)  # below it


# Two labels on one line (panel titles, a tick label and an axis label) at least half an em
# of the larger apart (a word space is a quarter em); two numbers on one line (the tick
# labels of neighbouring panels) an em and a half, so that "40" and "0" of two panels side
# by side read as two numbers, never as "40 0" or "400"; one above the other, a third of
# an em (a line's leading).
SIDE_GAP_EM, NUMBERS_GAP_EM, STACK_GAP_EM = 0.5, 1.5, 0.3
NUMBER = re.compile(r"[\d.,\u2212-]+|\$10\^\{-?\d+\}\$")  # 0.5, −1, a decade $10^{-2}$


def gaps(a: Bbox, b: Bbox) -> tuple[float, float]:
    """How far apart two boxes are across and up (negative: they overlap that way)."""
    return max(b.x0 - a.x1, a.x0 - b.x1), max(b.y0 - a.y1, a.y0 - b.y1)


def too_close(a: Bbox, b: Bbox, em: float, numbers: bool = False) -> bool:
    """Whether boxes ``a`` and ``b`` of labels of size ``em`` (two ``numbers``?) are too
    close for the gaps above."""
    across, up = gaps(a, b)
    if up < 0:  # on one line
        return across < (NUMBERS_GAP_EM if numbers else SIDE_GAP_EM) * em
    return across < 0 and up < STACK_GAP_EM * em  # one above the other


@pytest.mark.parametrize("name", NAMES)
def test_labels_keep_apart(name) -> None:
    seen = drawn(name)
    texts = list(zip(seen["texts"], seen["sizes"], strict=True))
    close = [(a, b, [round(g / max(sa, sb), 2) for g in gaps(boxa, boxb)])
             for i, ((a, boxa), sa) in enumerate(texts) for (b, boxb), sb in texts[i + 1:]
             if too_close(boxa, boxb, max(sa, sb),
                          numbers=all(NUMBER.fullmatch(t) for t in (a, b)))]
    assert close == [], "(label, label, [gap across, gap up] in em)"


def points_at(shaft: np.ndarray, box: Bbox, reach: float) -> bool:
    """Whether an arrow's shaft starts or ends at the label in ``box`` (an input's or an
    output's): an end within ``reach`` of the box, and the shaft's last stretch there
    pointing through the box (not passing beside it, as a gate's label sits by its wire)."""
    centre = np.array([(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2])
    for end, before in ((shaft[0], shaft[1]), (shaft[-1], shaft[-2])):
        if not box.padded(reach).contains(*end):
            continue
        direction = (end - before) / np.hypot(*(end - before))
        if end is shaft[0]:
            direction = -direction  # from the start back towards the label
        off = centre - end
        across = abs(direction[0] * off[1] - direction[1] * off[0])
        half = box.height / 2 if abs(direction[0]) > abs(direction[1]) else box.width / 2
        if off @ direction > 0 and across <= half:
            return True
    return False


@pytest.mark.parametrize("name", NAMES)
def test_labels_keep_off_the_arrows(name) -> None:
    """A diagram's labels (o_t, g_t) clear of every arrow by a sixth of an em, but for the
    arrows that start or end at the label itself (an input's, an output's)."""
    seen = drawn(name)
    touching = []
    for (text, box), size in zip(seen["texts"], seen["sizes"], strict=True):
        for path in seen["arrows"]:
            parts = [Path(p) for p in path.to_polygons(closed_only=False)]  # shaft, head
            if (any(p.intersects_bbox(box.padded(size / 6), filled=False) for p in parts)
                    and not points_at(parts[0].vertices, box, size / 2)):
                touching.append(text)
    assert touching == []


# A label on a hatched area clears the hatch's strokes by this much on every side (its
# box of the page's colour does); a label beside one keeps a sixth of an em off it, as
# labels do off arrows.
ON_HATCH_EM, BY_HATCH_EM = 0.3, 1 / 6


def hatch_too_close(box: Bbox, em: float, backing: tuple[Bbox, float] | None,
                    hatched: list[Bbox]) -> bool:
    """Whether a label in ``box`` (size ``em``) is too close to a ``hatched`` area: lying
    on one, its opaque ``backing`` box (extent, alpha) must keep the hatch ON_HATCH_EM from
    it; beside one, the label keeps BY_HATCH_EM off it."""
    if not any(box.overlaps(h) for h in hatched):
        return any(box.padded(BY_HATCH_EM * em).overlaps(h) for h in hatched)
    if backing is None or backing[1] < 1:
        return True
    clear, outer = box.padded(ON_HATCH_EM * em), backing[0]
    return not (outer.x0 <= clear.x0 and outer.y0 <= clear.y0 and outer.x1 >= clear.x1
                and outer.y1 >= clear.y1)


@pytest.mark.parametrize("name", NAMES)
def test_labels_keep_clear_of_hatching(name) -> None:
    """A label on a hatched area ("exactly 0" on a dependency map's zeros) sits on a box
    of the page's colour that keeps every stroke of the hatch ON_HATCH_EM from it (design
    review: a stroke touched the label); a label beside one keeps BY_HATCH_EM off it."""
    seen = drawn(name)
    close = [text for (text, box), size, backing in zip(seen["texts"], seen["sizes"],
                                                         seen["boxes"], strict=True)
             if hatch_too_close(box, size, backing, seen["hatched"])]
    assert close == []


def test_the_hatch_test_sees_a_label_too_close() -> None:
    label, hatch = Bbox([[10, 10], [50, 20]]), [Bbox([[0, 0], [100, 100]])]
    assert hatch_too_close(label, 10, None, hatch)  # on the hatch, no box
    assert hatch_too_close(label, 10, (label.padded(2), 1.0), hatch)  # a box too tight
    assert hatch_too_close(label, 10, (label.padded(4), 0.5), hatch)  # see-through
    assert not hatch_too_close(label, 10, (label.padded(3), 1.0), hatch)
    assert not hatch_too_close(label, 10, None, [Bbox([[0, 22], [100, 100]])])  # beside
    assert hatch_too_close(label, 10, None, [Bbox([[0, 21], [100, 100]])])  # 0.1 em off


def test_the_gap_test_sees_neighbours() -> None:
    assert gaps(Bbox([[0, 0], [10, 10]]), Bbox([[13, 0], [20, 10]])) == (3, -10)
    assert too_close(Bbox([[0, 0], [10, 10]]), Bbox([[13, 0], [20, 10]]), em=10)  # 0.3 em
    assert not too_close(Bbox([[0, 0], [10, 10]]), Bbox([[16, 0], [20, 10]]), em=10)
    assert too_close(Bbox([[0, 0], [10, 10]]), Bbox([[5, 12], [20, 20]]), em=10)  # 0.2 em up
    assert not too_close(Bbox([[0, 0], [10, 10]]), Bbox([[12, 11], [20, 20]]), em=10)
    # two numbers side by side: an em apart is too close, as "40 0" reads as one
    assert too_close(Bbox([[0, 0], [10, 10]]), Bbox([[20, 0], [30, 10]]), em=10, numbers=True)
    assert NUMBER.fullmatch("$10^{-2}$") and not NUMBER.fullmatch("$t=1$")
