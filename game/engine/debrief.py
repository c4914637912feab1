"""The debrief: one self-contained HTML file a teacher can open, project and discuss.

It holds the ending, the scores part by part, a chart of the meters over the rounds,
the timeline of every action with its ledger causes, the commitments kept and broken,
the turning points and the scenario's discussion questions. It reads only the session's
state and ledger, like every other view of the game, and needs no network or script.
"""

from __future__ import annotations

from html import escape

from game.engine.debrief_whatif import extra_sections
from game.engine.history import Series, mean_trust, meter_history, turning_points
from game.model.scenario import Scenario
from game.textui.render import action_label, ledger_lines, meter_label, reasoning_line, role_name

#: Okabe-Ito colours, each paired with a dash pattern and a label so colour is never alone.
_LINES = [("#0072B2", ""), ("#D55E00", "8 4"), ("#009E73", "2 3"), ("#CC79A7", "10 3 2 3"),
          ("#E69F00", "4 4"), ("#56B4E9", "1 5")]

_CSS = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#1a1a1a;background:#fff;line-height:1.45}
h1,h2{color:#0b3d6b} table{border-collapse:collapse} td,th{border:1px solid #888;padding:.25rem .5rem}
th{background:#e8eef5;text-align:left} .kept{font-weight:bold}
.broken{font-weight:bold;text-decoration:underline}
pre{white-space:pre-wrap;background:#f4f4f4;padding:.5rem} figure{margin:0}
"""


def debrief_html(session, branch=None) -> str:
    """The debrief of a finished (or stopped) game as a complete HTML document; with a
    what-if `branch` (see game.engine.whatif) it also sets the two games side by side."""
    sc = session.scenario
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
             f"<title>Debrief: {escape(sc.title)}</title><style>{_CSS}</style></head><body>",
             f"<h1>Debrief: {escape(sc.title)}</h1>",
             f"<p>Seed {session.seed}. Seats: "
             + escape(", ".join(f"{role_name(sc, r)} ({s.label()})" for r, s in session.seats.items()))
             + "</p>"]
    parts += _ending(session, sc)
    parts += _chart(session, sc)
    parts += _turning_points(session, sc)
    parts += _commitments(session, sc)
    parts += _timeline(session, sc)
    parts += extra_sections(session, branch)
    parts += ["<h2>Questions for discussion</h2><ol>"]
    parts += [f"<li>{escape(q)}</li>" for q in sc.discussion] + ["</ol></body></html>"]
    return "\n".join(parts)


def _ending(session, sc: Scenario) -> list[str]:
    result = session.outcome()
    if result is None:
        return [f"<h2>Game stopped in round {session.state.round}</h2>"]
    out = [f"<h2>Ending: {escape(result.ending_name)}</h2><p>{escape(result.ending_text)}</p>",
           "<h2>Scores</h2><table><tr><th>Delegation</th><th>Part</th><th>Points</th></tr>"]
    for role in sc.role_ids:
        for p in result.scores[role]:
            out.append(f"<tr><td>{escape(role_name(sc, role))}</td><td>{escape(p.label)}</td>"
                       f"<td>{p.points}</td></tr>")
        out.append(f"<tr><th>{escape(role_name(sc, role))}</th><th>Total</th>"
                   f"<th>{result.total(role)}</th></tr>")
    return [*out, "</table>"]


def _chart(session, sc: Scenario) -> list[str]:
    history = meter_history(session.state, sc)
    series = [("Tension", history["tension"]), ("Mean trust", mean_trust(history))]
    series += [(sc.role(r).domestic_label, history[f"support.{r}"]) for r in sc.role_ids]
    return ["<h2>The meters over the game</h2>", svg_chart(series[:len(_LINES)]),
            "<p>Round 0 is the start. Each line has its own dash pattern and label.</p>"]


def svg_chart(series: list[tuple[str, Series]], width: int = 860, height: int = 320) -> str:
    """A line chart of 0-100 meters as inline SVG, with labelled axes and a legend."""
    n = max((len(s.values) for _, s in series), default=1)
    left, top, plot_w, plot_h = 40, 10, width - 330, height - 40

    def xy(i: int, v: int) -> str:
        return f"{left + plot_w * i / max(1, n - 1):.1f},{top + plot_h * (100 - v) / 100:.1f}"

    out = [f"<figure><svg role='img' aria-label='Meters by round' width='{width}' height='{height}' "
           f"viewBox='0 0 {width} {height}' xmlns='http://www.w3.org/2000/svg'>"]
    for v in range(0, 101, 25):
        y = top + plot_h * (100 - v) / 100
        out.append(f"<line x1='{left}' y1='{y}' x2='{left + plot_w}' y2='{y}' stroke='#ccc'/>"
                   f"<text x='4' y='{y + 4}' font-size='12'>{v}</text>")
    for i in range(n):
        out.append(f"<text x='{xy(i, 0).split(',')[0]}' y='{height - 8}' font-size='12' "
                   f"text-anchor='middle'>{i}</text>")
    for k, (label, s) in enumerate(series):
        colour, dash = _LINES[k]
        pts = " ".join(xy(i, v) for i, v in enumerate(s.values))
        out.append(f"<polyline fill='none' stroke='{colour}' stroke-width='3' "
                   f"stroke-dasharray='{dash}' points='{pts}'/>")
        ly = top + 18 * k + 10
        out.append(f"<line x1='{left + plot_w + 12}' y1='{ly}' x2='{left + plot_w + 44}' y2='{ly}' "
                   f"stroke='{colour}' stroke-width='3' stroke-dasharray='{dash}'/>"
                   f"<text x='{left + plot_w + 50}' y='{ly + 4}' font-size='12'>"
                   f"{escape(label)} (end {s.values[-1] if s.values else '-'})</text>")
    return "".join(out) + "</svg></figure>"


def _turning_points(session, sc: Scenario) -> list[str]:
    out = ["<h2>Turning points</h2><p>The causes that moved tension and trust most.</p><ol>"]
    for p in turning_points(session.state):
        what = action_label(sc, p.source) if p.cause in ("action", "response") else p.source
        changes = "; ".join(f"{meter_label(sc, e.meter)} {e.amount:+d}" for e in p.entries)
        out.append(f"<li>Round {p.round}, {escape(p.cause)}: {escape(what)}. "
                   f"Total swing {p.swing} ({escape(changes)})</li>")
    return [*out, "</ol>"]


def _commitments(session, sc: Scenario) -> list[str]:
    done = [c for c in session.state.commitments if c.status != "active"]
    active = [c for c in session.state.commitments if c.status == "active"]
    out = ["<h2>Commitments</h2><ul>"]
    for c in done + active:
        status = {"kept": "KEPT", "broken": "BROKEN"}.get(c.status, "still running")
        out.append(f"<li class='{c.status}'>{status}: {escape(c.name)}, from "
                   f"{escape(role_name(sc, c.actor))} to {escape(role_name(sc, c.recipient))}, "
                   f"made in round {c.made}" + (f", ended in round {c.ended}" if c.ended else "")
                   + "</li>")
    if not done and not active:
        out.append("<li>No commitments were made.</li>")
    return [*out, "</ul>"]


def _timeline(session, sc: Scenario) -> list[str]:
    out = ["<h2>Timeline</h2>"]
    for record in session.state.records:
        event = sc.events[[e.id for e in sc.events].index(record.event)].title if record.event else "none"
        out.append(f"<h3>Round {record.round}</h3><p>Event: {escape(event)}</p><ul>")
        out += [f"<li>{escape(action_label(sc, a.text()))}</li>" for a in record.orders]
        out += [f"<li>{escape(role_name(sc, r))} {'accepted' if ok else 'declined'}: "
                f"{escape(action_label(sc, k))}</li>" for r, k, ok in record.responses]
        out.append("</ul>")
        notes = session.notes_for(record.round)
        if notes:
            out.append("<p>AI reasoning:</p><ul>" + "".join(
                f"<li>{escape(reasoning_line(sc, n.role, n.text))}</li>" for n in notes) + "</ul>")
        entries = session.state.ledger[record.ledger_start:record.ledger_end]
        out.append("<pre>" + escape("\n".join(ledger_lines(entries, sc))) + "</pre>")
    return out
