"""The debrief: one self-contained HTML file a teacher can open, project and discuss.

It holds the ending, the scores part by part, a chart of the meters over the rounds,
the timeline of every action with its ledger causes, the commitments kept and broken,
the turning points and the scenario's discussion questions. It reads only the session's
state and ledger, like every other view of the game, and needs no network or script.

A finished game has no secrets left, so its debrief shows everything. The debrief of an
unfinished game shows only the public view (each team's domestic support as a range, no
support ledger) unless the facilitator asks for the full version. Every name and ledger line
comes from `game.words`, so the debrief reads like the text mode and the window.
"""

from __future__ import annotations

from html import escape

from game.debrief.branch import extra_sections
from game.model.results import Status
from game.model.scenario import Scenario
from game.session.history import Series, mean_trust, meter_history, turning_points
from game.words import (
    _,
    cause_title,
    commitment_line,
    event_title,
    ledger_lines,
    meter_label,
    move_label,
    outcome_name,
    outcome_text,
    reasoning_line,
    response_line,
    role_name,
    score_label,
)

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


def debrief_html(session, full: bool = False, branch=None) -> str:
    """The debrief of a finished or stopped game as a complete HTML document (a str).

    A stopped game's debrief is the public view unless `full` is true; a finished game's
    is always complete. With a what-if `branch` (see game.debrief.whatif) it also sets the
    two games side by side; its coaching (game.debrief.coach) is public for a stopped game."""
    sc = session.scenario
    public = not (full or session.state.over)
    title = escape(_("Debrief: {title}").format(title=sc.title))
    seats = ", ".join(f"{role_name(sc, r)} ({s.label()})" for r, s in session.seats.items())
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
             f"<title>{title}</title><style>{_CSS}</style></head><body>", f"<h1>{title}</h1>",
             "<p>" + escape(_("Seed {seed}. Seats: {seats}").format(seed=session.seed, seats=seats))
             + "</p>"]
    parts += _ending(session, sc, public)
    parts += _chart(session, sc, public)
    parts += _turning_points(session, sc)
    parts += _commitments(session, sc)
    parts += _timeline(session, sc, public)
    parts += extra_sections(session, branch)
    parts += [f"<h2>{escape(_('Questions for discussion'))}</h2><ol>"]
    parts += [f"<li>{escape(q)}</li>" for q in sc.discussion] + ["</ol>"]
    parts += _sources(sc) + ["</body></html>"]
    return "\n".join(parts)


def _sources(sc: Scenario) -> list[str]:
    """The scenario's sources, for reading after the discussion (nothing if it lists none)."""
    if not sc.sources:
        return []
    return ([f"<h2>{escape(_('Sources'))}</h2><ul>"]
            + [f"<li>{escape(source)}</li>" for source in sc.sources] + ["</ul>"])


def _ending(session, sc: Scenario, public: bool) -> list[str]:
    result = session.outcome()
    if result is None:
        out = [f"<h2>{escape(_('Game stopped in round {round}').format(round=session.state.round))}"
               "</h2>"]
        return out + _support_now(session, sc, public)
    out = [f"<h2>{escape(_('Ending: {name}').format(name=outcome_name(sc, result)))}</h2>"
           f"<p>{escape(outcome_text(sc, result))}</p>",
           f"<h2>{escape(_('Scores'))}</h2><table><tr><th>{escape(_('Delegation'))}</th>"
           f"<th>{escape(_('Part'))}</th><th>{escape(_('Points'))}</th></tr>"]
    for role in sc.role_ids:
        for p in result.scores[role]:
            label = score_label(sc, result, role, p)
            out.append(f"<tr><td>{escape(role_name(sc, role))}</td><td>{escape(label)}</td>"
                       f"<td>{p.points}</td></tr>")
        out.append(f"<tr><th>{escape(role_name(sc, role))}</th><th>{escape(_('Total'))}</th>"
                   f"<th>{result.total(role)}</th></tr>")
    return [*out, "</table>"]


def _support_now(session, sc: Scenario, public: bool) -> list[str]:
    """Each team's domestic support where the game stopped: ranges in the public version."""
    view = session.view(None) if public else None
    out = [f"<h2>{escape(_('Domestic support'))}</h2>"]
    if public:
        out.append("<p>" + escape(_(
            "This is the public debrief of an unfinished game: each team's domestic support "
            "shows as the range the room could see. The facilitator can write the full "
            "version with: python main.py debrief FILE --full")) + "</p>")
    out.append("<ul>")
    for role in sc.role_ids:
        low, high = view.support[role] if view else (session.state.support[role],) * 2
        shown = str(low) if low == high else _("somewhere in {low}-{high}").format(low=low, high=high)
        out.append(f"<li>{escape(meter_label(sc, f'support.{role}'))}: {escape(shown)}</li>")
    return [*out, "</ul>"]


def _chart(session, sc: Scenario, public: bool) -> list[str]:
    history = meter_history(session.state, sc)
    series = [(meter_label(sc, "tension"), history["tension"]), (_("Mean trust"), mean_trust(history))]
    if not public:  # the support history is each team's secret until the game ends
        series += [(sc.role(r).domestic_label, history[f"support.{r}"]) for r in sc.role_ids]
    return [f"<h2>{escape(_('The meters over the game'))}</h2>", svg_chart(series[:len(_LINES)]),
            "<p>" + escape(_("Round 0 is the start. Each line has its own dash pattern and label."))
            + "</p>"]


def svg_chart(series: list[tuple[str, Series]], width: int = 860, height: int = 320) -> str:
    """A line chart of 0-100 meters as inline SVG, with labelled axes and a legend."""
    n = max((len(s.values) for _, s in series), default=1)
    left, top, plot_w, plot_h = 40, 10, width - 330, height - 40

    def xy(i: int, v: int) -> str:
        return f"{left + plot_w * i / max(1, n - 1):.1f},{top + plot_h * (100 - v) / 100:.1f}"

    aria = escape(_("Meters by round"), quote=True)
    out = [f"<figure><svg role='img' aria-label='{aria}' width='{width}' height='{height}' "
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
                   + escape(_("{label} (end {value})").format(
                       label=label, value=s.values[-1] if s.values else "-")) + "</text>")
    return "".join(out) + "</svg></figure>"


def _turning_points(session, sc: Scenario) -> list[str]:
    out = [f"<h2>{escape(_('Turning points'))}</h2><p>"
           + escape(_("The causes that moved tension and trust most.")) + "</p><ol>"]
    for p in turning_points(session.state):
        changes = "; ".join(f"{meter_label(sc, e.meter)} {e.amount:+d}" for e in p.entries)
        text = _("Round {round}: {cause}. Total swing {swing} ({changes})").format(
            round=p.round, cause=cause_title(sc, p.entries[0]), swing=p.swing, changes=changes)
        out.append(f"<li>{escape(text)}</li>")
    return [*out, "</ol>"]


def _commitments(session, sc: Scenario) -> list[str]:
    ordered = sorted(session.state.commitments, key=lambda c: (c.status == Status.ACTIVE, c.made))
    out = [f"<h2>{escape(_('Commitments'))}</h2><ul>"]
    out += [f"<li class='{c.status}'>{escape(commitment_line(sc, c))}</li>" for c in ordered]
    if not ordered:
        out.append(f"<li>{escape(_('No commitments were made.'))}</li>")
    return [*out, "</ul>"]


def _timeline(session, sc: Scenario, public: bool) -> list[str]:
    view = session.view(None) if public else None
    out = [f"<h2>{escape(_('Timeline'))}</h2>"]
    for record in session.state.records:
        event = event_title(sc, record.event) if record.event else _("none")
        out.append(f"<h3>{escape(_('Round {round}').format(round=record.round))}</h3>"
                   f"<p>{escape(_('Event: {title}').format(title=event))}</p><ul>")
        out += [f"<li>{escape(move_label(sc, a))}</li>" for a in record.orders]
        out += [f"<li>{escape(response_line(sc, r, k, ok))}</li>" for r, k, ok in record.responses]
        out.append("</ul>")
        notes = session.notes_for(record.round)
        if notes:
            out.append(f"<p>{escape(_('AI reasoning:'))}</p><ul>" + "".join(
                f"<li>{escape(reasoning_line(sc, n.role, n))}</li>" for n in notes) + "</ul>")
        entries = (view.ledger(record.round) if view
                   else session.state.ledger[record.ledger_start:record.ledger_end])
        out.append("<pre>" + escape("\n".join(ledger_lines(sc, entries))) + "</pre>")
    return out
