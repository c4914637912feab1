"""Turn views, records and outcomes into plain text for the terminal, screen readers and tests.

Every name, meter label, ledger line and reasoning line comes from `game.words`, so the
text mode shows the same words as the window and the debrief. Lines here are logical
lines; the console wraps them to the terminal's width.
"""

from __future__ import annotations

from game.model.results import Status, Track
from game.model.scenario import Scenario
from game.model.state import Outcome
from game.rules.view import PlayerView
from game.words import (
    _,
    action_label,
    band_name,
    commitment_line,
    ledger_lines,
    move_label,
    outcome_name,
    outcome_text,
    response_line,
    role_name,
    score_label,
    status_name,
)


def hud(view: PlayerView, scenario: Scenario) -> list[str]:
    """The meters as text: tension, trust, domestic support (fogged), the track and round."""
    lines = [_("Round {round} of {rounds}    Tension {tension} ({band})").format(
        round=view.round, rounds=view.rounds, tension=view.tension, band=band_name(view.band))]
    lines += _trust_table(view, scenario)
    lines.append(_("Domestic support:"))
    for r in scenario.roles:
        lo, hi = view.support[r.id]
        shown = str(lo) if lo == hi else _("somewhere in {low}-{high}").format(low=lo, high=hi)
        lines.append(f"  {r.domestic_label} ({r.name}): {shown}")
    lines.append(_("Cooperation track:"))
    for i, m in enumerate(scenario.milestones, 1):
        status = view.milestones[m.id]
        extra = (_(", progress {now}/{needed}").format(now=view.progress[m.id],
                                                        needed=m.progress_needed)
                 if m.progress_needed and status != Track.OPERATING else "")
        lines.append(f"  {i}. {m.name}: {status_name(status)}{extra}")
    return lines


def _trust_table(view: PlayerView, scenario: Scenario) -> list[str]:
    """Trust as a table: each row is how far that role trusts the role in each column."""
    roles = scenario.role_ids
    width = max(len(role_name(scenario, r)) for r in roles) + 2
    lines = [_("Trust (how far the row trusts the column):"),
             " " * width + "".join(role_name(scenario, r).rjust(width) for r in roles)]
    for a in roles:
        cells = ["-" if a == b else str(view.trust[(a, b)]) for b in roles]
        lines.append(role_name(scenario, a).ljust(width) + "".join(c.rjust(width) for c in cells))
    return lines


def event_card(view: PlayerView) -> list[str]:
    """The round's event, if there is one: its title and its text."""
    if view.event is None:
        return [_("No event this round.")]
    return [_("EVENT: {title}").format(title=view.event.title), "  " + " ".join(view.event.text.split())]


def resolution(view: PlayerView, scenario: Scenario, round_no: int,
               notes: list[str]) -> list[str]:
    """Everything revealed in a round: orders, answers, reasoning and the ledger."""
    record = next(r for r in view.records if r.round == round_no)
    lines = [_("=== Round {round} revealed ===").format(round=round_no)]
    for role in scenario.role_ids:
        mine = [a for a in record.orders if a.role == role]
        shown = "; ".join(action_label(scenario, a) for a in mine) or _("no orders")
        lines.append(f"{role_name(scenario, role)}: {shown}")
    lines += ["  " + response_line(scenario, who, key, ok) for who, key, ok in record.responses]
    if notes:
        lines.append(_("AI reasoning:"))
        lines.extend(f"  {n}" for n in notes)
    lines.append(_("Ledger, grouped by cause:"))
    lines.extend(ledger_lines(scenario, view.ledger(round_no)))
    return lines


def end_screen(result: Outcome, scenario: Scenario, view: PlayerView) -> list[str]:
    """The ending, each score part by part, and every commitment: kept, broken or running."""
    lines = [f"=== {outcome_name(scenario, result)} ===",
             " ".join(outcome_text(scenario, result).split()), "",
             _("Scores:")]
    for role in scenario.role_ids:
        lines.append(f"  {role_name(scenario, role)}: {result.total(role)}")
        lines.extend(f"    {p.points:+d}  {score_label(scenario, result, role, p)}"
                     for p in result.scores[role])
    lines.append(_("Commitments:"))
    ordered = sorted(view.commitments, key=lambda c: (c.status == Status.ACTIVE, c.made))
    lines += ["  " + commitment_line(scenario, c) for c in ordered]
    if not ordered:
        lines.append("  " + _("No commitments were made."))
    return lines


__all__ = ["action_label", "end_screen", "event_card", "hud", "move_label", "resolution",
           "role_name"]
