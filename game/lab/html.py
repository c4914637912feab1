"""The balance lab's HTML report: one self-contained file with charts, for an author.

Rendered with jinja2 (autoescaping on) from the package file `templates/report.html.j2`,
the charts drawn as inline SVG from the report's figures: endings, top finishes,
milestones operating over the rounds and tension over the rounds, each chart with a
table of its figures. Nothing is fetched: no scripts, fonts or images. Lines carry a
dash pattern and a label as well as a colour, so colour is never the only cue. It shares
the printed reports' stylesheet (see `game.debrief.page`): it reflows to a 320 px screen,
and on paper no heading is left at the foot of a page and no chart is split.
"""

from __future__ import annotations

from importlib.resources import files

import jinja2

from game.debrief.page import bdi, is_rtl
from game.lab.report import Report, item_notes
from game.words import _, ngettext
from game.words.i18n import current_language

#: Okabe-Ito colours, each paired with a dash pattern.
LINES = [("#0072B2", ""), ("#D55E00", "8 4"), ("#009E73", "2 3"), ("#CC79A7", "10 3 2 3"),
         ("#E69F00", "4 4"), ("#56B4E9", "1 5"), ("#000000", "6 2")]
W, H, PAD = 640, 260, 48


def report_html(report: Report) -> str:
    """The whole HTML document for a report."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("game.lab", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, extensions=["jinja2.ext.i18n"])
    env.install_gettext_callables(_, ngettext, newstyle=False)  # type: ignore[attr-defined]
    env.filters["bdi"] = bdi
    return env.get_template("report.html.j2").render(
        r=report, css=(files("game.debrief") / "templates" / "report.css").read_text(encoding="utf-8"),
        names=_rtl_names(report), milestone_rounds=_by_round([m["by_round"] for m in report.milestones]),
        endings=_bars([(e["name"], e["share"]) for e in report.endings]),
        tops=_bars([*((report.roles[k], v) for k, v in report.top_alone.items()),
                    (_("Ties (shared top score)"), report.ties)]),
        milestones=_lines([(m["name"], [v * 100 for v in m["by_round"]])
                           for m in report.milestones], 100,
                          _("{label}: operating at the end in {value} percent of games")),
        tension=_lines([(_("Mean tension"), report.tension_by_round)], 100,
                       _("{label}: {value} at the end")),
        run_line=run_line(report), notes=item_notes(report), lang=current_language(),
        persona_scores=", ".join(f"{p} {s:.1f}" for p, s in report.persona_mean_score.items()),
        **_optimum(report))


def _optimum(report: Report) -> dict[str, str]:
    """The cooperative optimum's terms (`issue=option, ...`) and gains (`name +3, ...`)."""
    if report.agreements is None or not report.optimum:
        return {"optimum_terms": "", "optimum_gains": ""}
    opt = report.optimum
    return {"optimum_terms": ", ".join(f"{i}={o}" for i, o in opt["terms"].items()),
            "optimum_gains": ", ".join(f"{report.roles[r]} {g:+d}"
                                       for r, g in opt["gains"].items())}


def _rtl_names(report: Report) -> tuple[str, ...]:
    """The report's names written right to left, longest first, for the `bdi` filter."""
    names = {*report.roles.values(), *(e["name"] for e in report.endings),
             *(m["name"] for m in report.milestones)}
    return tuple(sorted((n for n in names if is_rtl(n)), key=len, reverse=True))


def _by_round(series: list[list[float]]) -> list[tuple[int, list[float]]]:
    """(round, one value per series) for each round: a chart's figures as table rows."""
    longest = max((len(v) for v in series), default=0)
    return [(r, [v[r] if r < len(v) else None for v in series]) for r in range(longest)]


def run_line(report: Report) -> str:
    """`20 games over 4 assignments of personas, seed 1; mean 8.0 rounds.`, in good plurals."""
    games = ngettext("{n} game", "{n} games", report.games).format(n=report.games)
    over = ngettext("over {n} assignment of personas", "over {n} assignments of personas",
                    report.assignments).format(n=report.assignments)
    sampled = "" if report.assignments == report.assignments_total else _(
        " (sampled evenly from {n})").format(n=report.assignments_total)
    return _("{games} {over}{sampled}, seed {seed}; mean {rounds:.1f} rounds.").format(
        games=games, over=over, sampled=sampled, seed=report.seed, rounds=report.mean_rounds)


def _bars(items: list[tuple[str, float]]) -> dict:
    """Geometry of a horizontal bar chart of shares (0..1)."""
    row = 26
    label_w = 220
    bars = [{"label": label, "y": 10 + i * row, "w": round(share * (W - label_w - 80), 1),
             "text": f"{share:.1%}"} for i, (label, share) in enumerate(items)]
    return {"bars": bars, "height": 20 + row * len(items), "x0": label_w, "row": row}


def _lines(series: list[tuple[str, list[float]]], top: float, legend: str) -> dict:
    """Geometry of a line chart: each series over rounds 0..n, on 0..top; `legend` words
    each series' key from its {label} and its last {value}."""
    longest = max((len(v) for _, v in series), default=0)
    step = (W - 2 * PAD) / max(1, longest - 1)

    def y(v: float) -> float:
        return round(H - PAD - v / top * (H - 2 * PAD), 1)

    drawn = []
    for i, (label, values) in enumerate(series):
        colour, dash = LINES[i % len(LINES)]
        points = " ".join(f"{round(PAD + r * step, 1)},{y(v)}" for r, v in enumerate(values))
        drawn.append({"label": label, "points": points, "colour": colour, "dash": dash,
                      "legend": legend.format(label=label, value=f"{values[-1]:.0f}") if values
                      else label, "legend_y": 16 + 16 * i})
    ticks = [{"y": y(v), "text": f"{v:.0f}"} for v in (0, top / 2, top)]
    xticks = [{"x": round(PAD + r * step, 1), "text": str(r)} for r in range(longest)]
    return {"series": drawn, "ticks": ticks, "xticks": xticks,
            "height": H + 16 * max(0, len(series) - 3), "bottom": H - PAD}
