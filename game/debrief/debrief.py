"""The debrief: one self-contained HTML file a teacher can open, project, print and discuss.

It holds the ending, the scores part by part, the deal (what was agreed, what each
delegation got against its walk-away value and how far the deal was from the best packages,
once the game is over) with the words and deeds of its terms, a chart of the meters over the rounds (with
its figures as a table too), the turning points, the commitments kept and broken, the
timeline of every action with its ledger causes and the AI delegations' reasoning, a
what-if branch if one was played, the coaching, the scenario's discussion questions
and sources, and what happened next in the real case (its aftermath). It reads only
the session's state and ledger, like every other view of the game, and needs no network or script.
Near the top, after the ending and the deal, "The dilemma in this game" tells the case's
central choice from this game's ledger (`game.debrief.dilemma`); the timeline gives a line
of AI reasoning once, not again in each round it repeats word for word.

A finished game has no secrets left, so its debrief shows everything. The debrief of an
unfinished game shows only the public view (each team's domestic support as a range, no
support ledger) unless the facilitator asks for the full version. Every sentence comes
from `game.words`; the layout is the template `templates/debrief.html.j2`, rendered with
autoescaping (see `game.debrief.page`).
"""

from __future__ import annotations

from game.debrief.branch import extras
from game.debrief.chart import Line, line_chart
from game.debrief.deal import deal_facts, decisions
from game.debrief.dilemma import dilemma_lines
from game.debrief.page import render, rtl_names
from game.model.results import Status
from game.model.scenario import Scenario
from game.session.history import mean_trust, meter_history, turning_points
from game.words import (
    _,
    cause_title,
    commitment_line,
    event_title,
    ledger_groups,
    meter_label,
    move_label,
    outcome_name,
    outcome_text,
    reasoning_line,
    response_line,
    role_name,
    score_label,
)
from game.words.report import (
    aftermath_lead,
    debrief_title,
    dilemma_heading,
    ending_heading,
    event_line,
    repeated_reasoning,
    round_heading,
    seats_line,
    stopped_heading,
    support_shown,
    turning_point_line,
)


def debrief_html(session, full: bool = False, branch=None) -> str:
    """The debrief of a finished or stopped game as a complete HTML document (a str).

    A stopped game's debrief is the public view unless `full` is true; a finished game's
    is always complete. With a what-if `branch` (see game.debrief.whatif) it also sets the
    two games side by side; its coaching (game.debrief.coach) is public for a stopped game."""
    sc = session.scenario
    public = not (full or session.state.over)
    return render("debrief.html.j2", names=rtl_names(sc), title=debrief_title(sc.title),
                  seats=seats_line(sc, session.seed, session.seats),
                  ending=_ending(session, sc), stopped=_stopped(session, sc, public),
                  chart=_chart(session, sc, public), turning=_turning_points(session, sc),
                  commitments=_commitments(session, sc), timeline=_timeline(session, sc, public),
                  extras=extras(session, branch), questions=list(sc.discussion),
                  sources=list(sc.sources), deal=deal_facts(session),
                  decisions=decisions(session) if sc.negotiation is not None else [],
                  aftermath=sc.aftermath, dilemma=dilemma_lines(session, not public),
                  dilemma_heading=dilemma_heading(), aftermath_lead=aftermath_lead())


def _ending(session, sc: Scenario) -> dict | None:
    """The ending and every score part by part, or None while the game is unfinished."""
    result = session.outcome()
    if result is None:
        return None
    scores = [{"role": role_name(sc, role), "total": result.total(role),
               "parts": [(score_label(sc, result, role, p), p.points) for p in result.scores[role]]}
              for role in sc.role_ids]
    return {"heading": ending_heading(outcome_name(sc, result)), "text": outcome_text(sc, result),
            "scores": scores}


def _stopped(session, sc: Scenario, public: bool) -> dict | None:
    """Where an unfinished game stopped, and each team's support: ranges in the public version."""
    if session.outcome() is not None:
        return None
    view = session.view(None) if public else None
    support = []
    for role in sc.role_ids:
        low, high = view.support[role] if view else (session.state.support[role],) * 2
        support.append((meter_label(sc, f"support.{role}"), support_shown(low, high)))
    return {"heading": stopped_heading(session.state.round), "public": public, "support": support}


def _chart(session, sc: Scenario, public: bool) -> dict:
    """The meters over the game: tension, mean trust and (unless public) each team's support."""
    history = meter_history(session.state, sc)
    lines = [Line(meter_label(sc, "tension"), history["tension"].values),
             Line(_("Mean trust"), mean_trust(history).values)]
    if not public:  # the support history is each team's secret until the game ends
        lines += [Line(meter_label(sc, f"support.{r}"), history[f"support.{r}"].values)
                  for r in sc.role_ids]
    return line_chart(lines, _("Meters by round"))


def _turning_points(session, sc: Scenario) -> list[str]:
    return [turning_point_line(sc, p, cause_title(sc, p.entries[0]))
            for p in turning_points(session.state)]


def _commitments(session, sc: Scenario) -> list[tuple[str, str]]:
    """(status, line) for each commitment: the ended ones first, then those still running."""
    ordered = sorted(session.state.commitments, key=lambda c: (c.status == Status.ACTIVE, c.made))
    return [(c.status, commitment_line(sc, c)) for c in ordered]


def _timeline(session, sc: Scenario, public: bool) -> list[dict]:
    """Every round: its event, orders, answers, AI reasoning and ledger (public if `public`)."""
    view = session.view(None) if public else None
    rounds, said = [], set()
    for record in session.state.records:
        # A line of AI reasoning said word for word in an earlier round is not said again.
        lines = [reasoning_line(sc, n.role, n) for n in session.notes_for(record.round)]
        reasoning = [x for x in dict.fromkeys(lines) if x not in said]
        repeats = len(set(lines)) - len(reasoning)
        said.update(lines)
        entries = (view.ledger(record.round) if view
                   else session.state.ledger[record.ledger_start:record.ledger_end])
        rounds.append({
            "heading": round_heading(record.round),
            "event": event_line(event_title(sc, record.event) if record.event else None),
            "moves": [move_label(sc, a) for a in record.orders]
            + [response_line(sc, r, k, ok) for r, k, ok in record.responses],
            "reasoning": reasoning,
            "repeated": repeated_reasoning(repeats) if repeats else "",
            "ledger": ledger_groups(sc, entries) if entries else [],
        })
    return rounds
