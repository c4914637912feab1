"""The geometry of a 0-100 line chart for the reports, and the same figures as table rows.

The templates draw the chart as inline SVG (`chart.html.j2`) and print its figures as a
table beside it, so a reader who cannot see the lines, or prints in grey, has every value.
Each line has an Okabe-Ito colour, its own dash pattern and a key with its last value,
so colour is never the only cue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.words.report import chart_legend, round_label

#: Okabe-Ito colours, and dash patterns; line k takes colour k % 7 and dash k % 6.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
DASHES = ("", "8 4", "2 3", "10 3 2 3", "4 4", "1 5")

#: The drawing's size in SVG units; it scales down to the width of the page.
WIDTH, LEFT, TOP, PLOT_H, KEY_ROW = 720, 40, 10, 240, 20


@dataclass(frozen=True, slots=True)
class Line:
    """One meter's values, 0-100, at the start (index 0) and after each round."""

    label: str
    values: Sequence[int]


def line_chart(lines: Sequence[Line], title: str) -> dict:
    """Everything the chart template needs: the lines' points, the axes, the key and the
    table of figures (a header per line, a row per round)."""
    n = max((len(line.values) for line in lines), default=1)
    plot_w = WIDTH - LEFT - 20

    def x(i: int) -> float:
        return round(LEFT + plot_w * i / max(1, n - 1), 1)

    def y(v: float) -> float:
        return round(TOP + PLOT_H * (100 - v) / 100, 1)

    bottom = TOP + PLOT_H
    drawn = [{"points": " ".join(f"{x(i)},{y(v)}" for i, v in enumerate(line.values)),
              "colour": COLOURS[k % len(COLOURS)], "dash": DASHES[k % len(DASHES)],
              "key": chart_legend(line.label, line.values), "key_y": bottom + 52 + KEY_ROW * k}
             for k, line in enumerate(lines)]
    rows = [(round_label(i), [line.values[i] if i < len(line.values) else None for line in lines])
            for i in range(n)]
    return {"title": title, "width": WIDTH, "height": bottom + 52 + KEY_ROW * len(lines),
            "left": LEFT, "right": LEFT + plot_w, "bottom": bottom, "lines": drawn,
            "yticks": [{"y": y(v), "text": str(v)} for v in range(0, 101, 25)],
            "xticks": [{"x": x(i), "text": str(i)} for i in range(n)],
            "headers": [line.label for line in lines], "rows": rows}
