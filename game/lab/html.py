"""The balance lab's HTML report: one self-contained file with charts, for an author.

Rendered with jinja2 (autoescaping on), the charts drawn as inline SVG from the
report's figures: endings, top finishes, milestones operating over the rounds and
tension over the rounds. Nothing is fetched: no scripts, fonts or images. Lines carry
a dash pattern and a label as well as a colour, so colour is never the only cue.
"""

from __future__ import annotations

import jinja2

from game.lab.report import Report, item_notes
from game.words import _, ngettext

#: Okabe-Ito colours, each paired with a dash pattern.
LINES = [("#0072B2", ""), ("#D55E00", "8 4"), ("#009E73", "2 3"), ("#CC79A7", "10 3 2 3"),
         ("#E69F00", "4 4"), ("#56B4E9", "1 5"), ("#000000", "6 2")]
W, H, PAD = 640, 260, 48


def report_html(report: Report) -> str:
    """The whole HTML document for a report."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(TEMPLATE).render(
        r=report, endings=_bars([(e["name"], e["share"]) for e in report.endings]),
        tops=_bars([*((report.roles[k], v) for k, v in report.top_alone.items()),
                    (_("Ties (shared top score)"), report.ties)]),
        milestones=_lines([(m["name"], [v * 100 for v in m["by_round"]])
                           for m in report.milestones], 100,
                          _("{label}: operating in {value}% of games at the end")),
        tension=_lines([(_("Mean tension"), report.tension_by_round)], 100,
                       _("{label}: {value} at the end")),
        run_line=run_line(report), notes=item_notes(report))


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


TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Balance lab: {{ r.title }}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;
color:#1a1a1a;background:#fff;line-height:1.45}
h1,h2{color:#0b3d6b} table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #888;padding:.2rem .5rem;text-align:left} th{background:#e8eef5}
td.n{text-align:right;font-variant-numeric:tabular-nums} .flag{font-weight:bold}
svg text{font-size:12px;fill:#1a1a1a}
</style></head><body>
<h1>Balance lab: {{ r.title }}</h1>
<p>{{ run_line }} Personas: {{ r.personas|join(", ") }}.</p>

<h2>Flags</h2>
{% if r.notes %}<ul>{% for n in r.notes %}<li><span class="flag">{{ n.text }}</span>
{% if n.why or n.tries %}<ul>{% for w in n.why %}<li>Why: {{ w }}</li>{% endfor %}
{% for t in n.tries %}<li>Try: {{ t }}</li>{% endfor %}</ul>{% endif %}</li>{% endfor %}</ul>
{% else %}<p>None: no role is favoured, every ending is reached, none is rare, every action
is chosen, every milestone operates and no objective is a gift or a dead letter.</p>{% endif %}

{% macro bars(chart, title) %}
<figure><svg role="img" aria-label="{{ title }}" width="640" height="{{ chart.height }}"
 viewBox="0 0 640 {{ chart.height }}"><title>{{ title }}</title>
{% for b in chart.bars %}
<text x="{{ chart.x0 - 8 }}" y="{{ b.y + 14 }}" text-anchor="end">{{ b.label }}</text>
<rect x="{{ chart.x0 }}" y="{{ b.y }}" width="{{ b.w }}" height="18" fill="#0072B2"></rect>
<text x="{{ chart.x0 + b.w + 6 }}" y="{{ b.y + 14 }}">{{ b.text }}</text>
{% endfor %}</svg><figcaption>{{ title }}</figcaption></figure>
{% endmacro %}

{% macro lines(chart, title) %}
<figure><svg role="img" aria-label="{{ title }}" width="640" height="{{ chart.height }}"
 viewBox="0 0 640 {{ chart.height }}"><title>{{ title }}</title>
<line x1="48" y1="{{ chart.bottom }}" x2="600" y2="{{ chart.bottom }}" stroke="#555"></line>
<line x1="48" y1="48" x2="48" y2="{{ chart.bottom }}" stroke="#555"></line>
{% for t in chart.ticks %}<text x="42" y="{{ t.y + 4 }}" text-anchor="end">{{ t.text }}</text>{% endfor %}
{% for t in chart.xticks %}
<text x="{{ t.x }}" y="{{ chart.bottom + 16 }}" text-anchor="middle">{{ t.text }}</text>{% endfor %}
<text x="324" y="{{ chart.bottom + 34 }}" text-anchor="middle">round (0 = start)</text>
{% for s in chart.series %}
<polyline points="{{ s.points }}" fill="none" stroke="{{ s.colour }}" stroke-width="2.5"
 stroke-dasharray="{{ s.dash }}"></polyline>
<line x1="60" y1="{{ s.legend_y }}" x2="90" y2="{{ s.legend_y }}" stroke="{{ s.colour }}"
 stroke-width="2.5" stroke-dasharray="{{ s.dash }}"></line>
<text x="96" y="{{ s.legend_y + 4 }}">{{ s.legend }}</text>
{% endfor %}</svg><figcaption>{{ title }}</figcaption></figure>
{% endmacro %}

<h2>Endings</h2>
{{ bars(endings, "Share of games reaching each ending") }}
<table><tr><th>Ending</th><th>Games</th><th>Share</th><th>Note</th></tr>
{% for e in r.endings %}<tr><td>{{ e.name }}</td><td class="n">{{ e.games }}</td>
<td class="n">{{ "%.1f%%"|format(e.share * 100) }}</td><td>{{ notes[("ending", e.id)] }}</td></tr>
{% endfor %}</table>

<h2>Top finishes</h2>
<p>A role finishes top alone when its total beats every other; games with a shared top
score are ties, counted separately. Fair share: {{ "%.0f%%"|format(r.fair_share * 100) }};
a role above {{ "%.0f%%"|format((r.fair_share + 0.15) * 100) }} is flagged.</p>
{{ bars(tops, "Share of games each role finishes top alone, and ties") }}
<table><tr><th>Role</th><th>Top alone</th><th>Shared top</th><th>Mean score</th></tr>
{% for role, name in r.roles.items() %}<tr><td>{{ name }}</td>
<td class="n">{{ "%.1f%%"|format(r.top_alone[role] * 100) }}</td>
<td class="n">{{ "%.1f%%"|format(r.top_shared[role] * 100) }}</td>
<td class="n">{{ "%.1f"|format(r.mean_score[role]) }}</td></tr>{% endfor %}</table>
<p>Mean score by persona: {% for p, s in r.persona_mean_score.items() -%}
{{ p }} {{ "%.1f"|format(s) }}{% if not loop.last %}, {% endif %}{% endfor %}.</p>

{% if r.milestones %}<h2>Milestones over the rounds</h2>
{{ lines(milestones, "Share of games in which each milestone operates, round by round") }}
<table><tr><th>Milestone</th><th>Operating at the end</th><th>Ever operated</th><th>Note</th></tr>
{% for m in r.milestones %}<tr><td>{{ m.name }}</td><td class="n">{{ "%.1f%%"|format(m.at_end * 100) }}</td>
<td class="n">{{ "%.1f%%"|format(m.ever * 100) }}</td><td>{{ notes[("milestone", m.id)] }}</td></tr>
{% endfor %}</table>{% endif %}

<h2>Tension over the rounds</h2>
{{ lines(tension, "Mean tension at the start and after each round") }}

{% if r.objectives %}<h2>Objectives</h2>
<table><tr><th>Role</th><th>Objective</th><th>Points</th><th>Met</th><th>Note</th></tr>
{% for o in r.objectives %}<tr><td>{{ r.roles[o.role] }}</td><td>{{ o.text }} ({{ o.role }}.{{ o.id }})</td>
<td class="n">{{ o.points }}</td><td class="n">{{ "%.1f%%"|format(o.met * 100) }}</td>
<td>{{ notes[("objective", o.role ~ "." ~ o.id)] }}</td></tr>
{% endfor %}</table>{% endif %}

<h2>Actions</h2>
<table><tr><th>Action</th><th>Times per game</th><th>Games where chosen</th><th>Note</th></tr>
{% for a in r.actions %}<tr><td>{{ a.name }} ({{ a.id }})</td>
<td class="n">{{ "%.2f"|format(a.per_game) }}</td><td class="n">{{ "%.1f%%"|format(a.games * 100) }}</td>
<td>{{ notes[("action", a.id)] }}</td></tr>
{% endfor %}</table>
</body></html>
"""
