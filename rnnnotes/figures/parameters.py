"""Task 2.1 Q4: an LSTM with a projection (LSTMP, PyTorch's ``proj_size``) has fewer
parameters exactly when 5p < 4h.

With projection size p the recurrent arrays are weight_hh (4h, p) and weight_hr (p, h):
5hp numbers instead of weight_hh's 4h^2, while weight_ih (4h, D) and the biases do not
change. So the total falls below the unprojected LSTM's exactly when 5p < 4h. Every total
here is :func:`rnnnotes.counting.count_parameters`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from matplotlib.ticker import FuncFormatter

from rnnnotes.counting import count_parameters
from rnnnotes.figures._style import Rendered, check_theme, new_figure

__all__ = ["ProjectionData", "lstmp_parameters"]


@dataclass(frozen=True)
class ProjectionData:
    """``totals[i]`` = parameters of LSTM(D, h, proj_size=``sizes[i]``), p = 1..h-1;
    ``baseline`` = LSTM(D, h) without projection; ``break_even`` = 4h/5, where 5p = 4h;
    ``marked``: a projection size to point out, with its total ``marked_total``."""

    input_size: int
    hidden_size: int
    sizes: np.ndarray
    totals: np.ndarray
    baseline: int
    break_even: float
    marked: int
    marked_total: int


@lru_cache(maxsize=2)
def projection_data(input_size: int = 20, hidden_size: int = 128,
                    marked: int = 64) -> ProjectionData:
    """Totals of LSTM(D, h, proj_size=p) for every allowed p (0 < p < h)."""
    sizes = np.arange(1, hidden_size)  # PyTorch requires 0 < proj_size < hidden_size
    totals = np.array([count_parameters("lstm", input_size, hidden_size, proj_size=int(p)).total
                       for p in sizes])
    baseline = count_parameters("lstm", input_size, hidden_size).total
    sizes.flags.writeable = totals.flags.writeable = False
    return ProjectionData(input_size, hidden_size, sizes, totals, baseline,
                          4 * hidden_size / 5, marked, int(totals[marked - 1]))


def lstmp_parameters(theme: str = "light") -> Rendered:
    """Total parameters of LSTM(20, 128, `proj_size` $= p$) against $p$, with the
    unprojected total and the break-even point $p = 4H/5$ ($5p = 4H$).
    Returns `(figure, ProjectionData)`."""
    th = check_theme(theme)
    data = projection_data()
    with new_figure(th) as fig:
        ax = fig.subplots()
        ax.plot(data.sizes, data.totals, color=th.series[0], label="with projection $p$")
        ax.axhline(data.baseline, color=th.series[1], ls="--", lw=1.5,
                   label="no projection")
        ax.axvline(data.break_even, color=th.muted, ls=":", lw=1.5)
        ax.text(data.break_even - 2, data.totals.min(), r"$5p = 4H$", ha="right",
                va="bottom", color=th.muted)
        ax.plot([data.marked], [data.marked_total], "o", color=th.series[0], ms=7)
        ax.annotate(f"$p = {data.marked}$: {data.marked_total:,}",
                    xy=(data.marked, data.marked_total),
                    xytext=(data.marked - 4, data.marked_total + 0.12 * data.baseline),
                    ha="right", color=th.foreground,
                    arrowprops={"arrowstyle": "->", "color": th.foreground, "lw": 1.0})
        ax.set_xlabel("projection size $p$ (units)")
        # clear of its widest tick labels (90,000) in whichever serif a browser sets them
        ax.set_ylabel("trainable parameters", labelpad=16)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.set_xlim(0, data.hidden_size)
        ax.yaxis.grid(True)
        # above the axes: inside, it would lie on the dashed line or the rising one
        fig.legend(loc="outside upper center", ncols=2)
    return Rendered(fig, data)
