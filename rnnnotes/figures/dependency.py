"""Task 2.1: which inputs each output feels, |dy_t/dx_s|, from rnnnotes.gradflow.dependency_map.

- :func:`dependency_forget_zero`: an LSTM as initialised and the same LSTM with its forget
  gate forced to 0: both maps reach below the diagonal (y_t still depends on x_s, s < t,
  through h_{t-1}), so forgetting c_{t-1} does not forget the past.
- :func:`dependency_bidirectional`: a unidirectional LSTM (exact zeros above the diagonal:
  y_t cannot see the future) and a bidirectional one (it does).

The maps are drawn on a log colour scale shared by both panels; exact zeros are left
out of the image, hatched in the palette's muted colour on the page's, and labelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from matplotlib.colors import LogNorm

from rnnnotes import gradflow
from rnnnotes.figures._style import Rendered, check_theme, decade_labels, heat_map, new_figure
from rnnnotes.figures.lstm import F_ZERO, with_forget_bias
from rnnnotes.nn import LSTM

__all__ = ["DependencyData", "dependency_bidirectional", "dependency_forget_zero"]


@dataclass(frozen=True)
class DependencyData:
    """``maps[i]`` = ||dy_t/dx_s||_F (rows t, columns s; gradflow.dependency_map) of the two
    LSTM(D, H, seed=seed) variants named in ``labels``, on the sequence ``x`` (T, D) drawn
    from ``default_rng(seed)``."""

    labels: tuple[str, str]
    input_size: int
    hidden_size: int
    steps: int
    seed: int
    x: np.ndarray
    maps: np.ndarray


def _x(steps: int, input_size: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal((steps, input_size))  # (T, D)


@lru_cache(maxsize=2)
def dependency_forget_zero_data(input_size: int = 4, hidden_size: int = 8, steps: int = 12,
                                seed: int = 0) -> DependencyData:
    """|dy_t/dx_s| of LSTM(D, H) as initialised and with forget bias -1000 (f_t = 0)."""
    x = _x(steps, input_size, seed)
    normal = LSTM(input_size, hidden_size, seed=seed)
    forget0 = with_forget_bias(LSTM(input_size, hidden_size, seed=seed), F_ZERO)
    maps = np.array([gradflow.dependency_map(m, x) for m in (normal, forget0)])  # (2, T, T)
    x.flags.writeable = maps.flags.writeable = False
    return DependencyData(("as initialised", "forget gate shut"), input_size, hidden_size, steps,
                          seed, x, maps)


@lru_cache(maxsize=2)
def dependency_bidirectional_data(input_size: int = 4, hidden_size: int = 8, steps: int = 12,
                                  seed: int = 0) -> DependencyData:
    """|dy_t/dx_s| of LSTM(D, H) and of LSTM(D, H, bidirectional=True)."""
    x = _x(steps, input_size, seed)
    models = (LSTM(input_size, hidden_size, seed=seed),
              LSTM(input_size, hidden_size, bidirectional=True, seed=seed))
    maps = np.array([gradflow.dependency_map(m, x) for m in models])  # (2, T, T)
    x.flags.writeable = maps.flags.writeable = False
    return DependencyData(("unidirectional", "bidirectional"), input_size, hidden_size, steps,
                          seed, x, maps)


# Narrower than the default figure, with larger text: two panels and a colour bar must stay
# readable on a 390 px phone, where a 4.8 in (346 pt) figure is shown at about its own size.
WIDTH, HEIGHT = 4.8, 3.1
TICKS, LABELS = 13, 14  # pt
CLEARING = 0.35  # em: the hatch stops this far from the "exactly 0" on it (design review)


def _draw(data: DependencyData, theme: str) -> Rendered:
    th = check_theme(theme)
    T = data.steps
    positive = data.maps[data.maps > 0]
    norm = LogNorm(vmin=max(positive.min(), positive.max() * 1e-12), vmax=positive.max())
    with new_figure(th, WIDTH, HEIGHT) as fig:
        fig.get_layout_engine().set(wspace=0.13)  # keep the panels' tick labels apart
        axes = fig.subplots(1, 2, sharex=True, sharey=True)
        for ax, label, m in zip(axes, data.labels, data.maps, strict=True):
            # exact zeros are left out of the image and show the axes' hatched background:
            # a pattern, not a colour, so they never read as a tiny value of the scale
            ax.patch.set(facecolor="none", edgecolor=th.muted, hatch="//", linewidth=0)
            image = ax.imshow(np.ma.masked_equal(m, 0.0), cmap=heat_map(th), norm=norm,
                              interpolation="nearest", extent=(0.5, T + 0.5, T + 0.5, 0.5),
                              aspect="auto")
            ax.set_title(label, fontsize=LABELS)
            ax.set_xlabel("input step $s$", fontsize=LABELS)
            ax.tick_params(labelsize=TICKS)
            ticks = [1, T // 2, T]
            ax.set_xticks(ticks)
            ax.set_yticks(ticks)
            for s in ax.spines.values():
                s.set_visible(False)
            if np.all(np.triu(m, 1) == 0):  # nothing above the diagonal: say it is exact
                # on a box of the page's colour: no stroke of the hatch comes near a letter
                ax.text(0.72, 0.8, "exactly 0", transform=ax.transAxes, ha="center",
                        va="center", color=th.foreground, fontsize=TICKS,
                        bbox={"facecolor": th.background, "edgecolor": "none",
                              "pad": CLEARING * TICKS})
        axes[0].set_ylabel("output step $t$", fontsize=LABELS)
        bar = fig.colorbar(image, ax=list(axes), pad=0.02, fraction=0.05)
        bar.set_label(r"$\|\partial y_t / \partial x_s\|_F$", fontsize=LABELS)
        bar.ax.tick_params(labelsize=TICKS)
        bar.outline.set_visible(False)
        decade_labels(bar.ax.yaxis)
    return Rendered(fig, data)


def dependency_forget_zero(theme: str = "light") -> Rendered:
    r"""$\lVert \partial y_t / \partial x_s \rVert$ of an LSTM (4 inputs, 8 units, a 12-step
    sequence) as initialised and with $f_t = 0$, side by side (log colours).
    Returns `(figure, DependencyData)`."""
    return _draw(dependency_forget_zero_data(), theme)


def dependency_bidirectional(theme: str = "light") -> Rendered:
    r"""$\lVert \partial y_t / \partial x_s \rVert$ of a unidirectional and a bidirectional
    LSTM(4, 8) over 12 steps, side by side (log colours). Returns `(figure, DependencyData)`."""
    return _draw(dependency_bidirectional_data(), theme)
