"""Render every figure in both themes, and say how big and how slow each one is.

    uv run python -m rnnnotes.figures                 # table: name, bytes per theme, seconds
    uv run python -m rnnnotes.figures -o /tmp/figs    # ... and write NAME-light.svg, NAME-dark.svg
    uv run python -m rnnnotes.figures unrolled_graph  # only these figures

Times are CPU seconds of this process (``time.process_time``) of ``render_svg``, per theme,
exactly what a site build pays: ``light`` computes the data and draws the figure, ``dark``
recolours the light SVG. The CPU time spent before the first figure (Python, matplotlib,
numpy, rnnnotes) is reported on its own.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rnnnotes.figures import FIGURES, render_svg


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rnnnotes.figures", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help=f"figures (default: all): {', '.join(FIGURES)}")
    parser.add_argument("-o", "--out", type=Path, help="directory to write the SVG files to")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in FIGURES]
    if unknown:
        parser.error(f"no figure named {', '.join(unknown)}; the figures are {', '.join(FIGURES)}")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    startup = time.process_time()  # CPU time of this process so far: startup and imports
    print(f"{'figure':28} {'light B':>8} {'dark B':>8} {'light s':>8} {'dark s':>8}")
    total_bytes, total_time = 0, 0.0
    for name in args.names or FIGURES:
        sizes, times = [], []
        for theme in ("light", "dark"):
            start = time.process_time()
            svg = render_svg(name, theme)
            times.append(time.process_time() - start)
            sizes.append(len(svg))
            if args.out:
                (args.out / f"{name}-{theme}.svg").write_bytes(svg)
        total_bytes += sum(sizes)
        total_time += sum(times)
        print(f"{name:28} {sizes[0]:8,} {sizes[1]:8,} {times[0]:8.2f} {times[1]:8.2f}")
    print(f"{'all':28} {total_bytes:17,} {total_time:17.2f} CPU s (+ {startup:.2f} s startup)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
