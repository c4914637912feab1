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
from game.session.turns import MenuItem, Turn
from game.words import (
    _,
    action_label,
    band_name,
    commitment_line,
    family_name,
    ledger_lines,
    meter_label,
    move_label,
    outcome_name,
    outcome_text,
    response_line,
    role_name,
    score_label,
    status_name,
)
from game.words.script import display_width, ljust, rjust


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


def short_hud(view: PlayerView, scenario: Scenario) -> list[str]:
    """The meters in few words, for the later rounds of a solo game: tension, the trust
    table, support at home on one line, and the track from its first step not operating."""
    lines = [_("Tension {tension} ({band})").format(tension=view.tension,
                                                    band=band_name(view.band))]
    lines += [_("Trust (row in column):"), *_trust_table(view, scenario)[1:]]
    shown = []
    for r in scenario.roles:
        lo, hi = view.support[r.id]
        shown.append(f"{r.domestic_label} ({r.name}) " + (str(lo) if lo == hi else f"{lo}-{hi}"))
    lines.append(_("Support at home: {list}").format(list="; ".join(shown)))
    steps, done = [], 0
    for i, m in enumerate(scenario.milestones, 1):
        status = view.milestones[m.id]
        if status == Track.OPERATING and not steps:
            done = i
            continue
        extra = (f" {view.progress[m.id]}/{m.progress_needed}"
                 if m.progress_needed and status != Track.OPERATING else "")
        steps.append(f"{i}. {m.name}: {status_name(status)}{extra}")
    if steps and done > 1:
        line = _("Cooperation track: steps 1-{n} operating; next: {step}").format(
            n=done, step=steps[0])
    elif steps and done:
        line = _("Cooperation track: step 1 operating; next: {step}").format(step=steps[0])
    elif steps:
        line = _("Cooperation track: next: {step}").format(step=steps[0])
    elif done > 1:
        line = _("Cooperation track: steps 1-{n} operating.").format(n=done)
    elif done:
        line = _("Cooperation track: step 1 operating.")
    else:
        line = _("Cooperation track: no steps.")
    lines.append(line)
    return lines


def menu_lines(turn: Turn, scenario: Scenario, notes: bool) -> list[str]:
    """A team's menu of orders (`game.session.turns.Turn.menu`) as text: the points left and
    the draft, then every item under its family's heading, numbered as the turn numbers it,
    each picked, open, or closed with why, and what it puts at stake; with `notes`, each
    action's teaching note once, below its first item."""
    picked = ", ".join(action_label(scenario, a) for a in turn.chosen) or _("nothing yet")
    lines = ["", _("Points left: {left}. Picked: {picked}").format(left=turn.points_left,
                                                                   picked=picked)]
    family, noted = None, set()
    for item in turn.menu:
        if item.family != family:
            family = item.family
            lines.append(f"  -- {family_name(family)} --")
        lines.append(menu_line(item))
        if notes and item.action.action_id not in noted:
            noted.add(item.action.action_id)
            note = scenario.action(item.action.action_id).teaching_note
            lines.append(f"        {' '.join(note.split())}")
    return lines


def compact_menu_lines(turn: Turn) -> list[str]:
    """A shorter menu for later rounds of a solo game: the points left, the draft, the items
    open or picked now (numbered as always), and the numbers of the items closed now."""
    picked = ", ".join(i.label for i in turn.menu if i.picked) or _("nothing yet")
    lines = ["", _("Points left: {left} (1 an item unless marked). Picked: {picked}").format(
        left=turn.points_left, picked=picked)]
    lines += [menu_line(i, short=True) for i in turn.menu if i.open or i.picked]
    closed = [str(i.number) for i in turn.menu if not i.open and not i.picked]
    if closed:
        lines.append(_("  Closed now: {numbers} ('list' says why).").format(
            numbers=", ".join(closed)))
    return lines


def menu_line(item: MenuItem, short: bool = False) -> str:
    """`   6. [1 pt] Offer a legal guarantee → Moscow  (not available: ...)  (stakes)`;
    `short` marks only a cost above 1 point, after the label."""
    if item.picked:
        state = _("  (picked)")
    elif item.open:
        state = ""
    else:
        state = _("  (not available: {why})").format(why=item.why)
    at_stake = f"  ({item.stakes.line})" if item.stakes.line else ""
    if short:
        cost = _(" [{cost} pts]").format(cost=item.cost) if item.cost != 1 else ""
        return f"  {item.number:2}. {item.label}{cost}{state}{at_stake}"
    cost = _("[{cost} pt]").format(cost=item.cost)
    return f"  {item.number:2}. {cost} {item.label}{state}{at_stake}"


def _trust_table(view: PlayerView, scenario: Scenario) -> list[str]:
    """Trust as a table: each row is how far that role trusts the role in each column."""
    roles = scenario.role_ids
    width = max(display_width(role_name(scenario, r)) for r in roles) + 2  # CJK names take 2 a letter
    lines = [_("Trust (how far the row trusts the column):"),
             " " * width + "".join(rjust(role_name(scenario, r), width) for r in roles)]
    for a in roles:
        cells = ["-" if a == b else str(view.trust[(a, b)]) for b in roles]
        lines.append(ljust(role_name(scenario, a), width) + "".join(c.rjust(width) for c in cells))
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


def changes(view: PlayerView, scenario: Scenario, round_no: int) -> list[str]:
    """What a round changed, meter by meter, as net changes from its start to its end
    (the ledger, cause by cause, is `resolution`)."""
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for entry in view.ledger(round_no):
        first.setdefault(entry.meter, entry.before)
        last[entry.meter] = entry.after
    lines = [f"  {meter_label(scenario, m)}: {first[m]} → {last[m]} ({last[m] - first[m]:+d})"
             for m in first if last[m] != first[m] and not m.startswith("transparency.")]
    return [_("What changed:"), *(lines or ["  " + _("No meter changed.")])]


def short_resolution(view: PlayerView, scenario: Scenario, round_no: int) -> list[str]:
    """A round revealed in few words: orders, answers and the net change of each meter."""
    record = next(r for r in view.records if r.round == round_no)
    lines = [_("=== Round {round} revealed ===").format(round=round_no)]
    answers: dict[str, list[str]] = {}
    for who, key, ok in record.responses:
        answers.setdefault(key, []).append(
            (_("{role} accepted") if ok else _("{role} declined")).format(
                role=role_name(scenario, who)))
    for role in scenario.role_ids:
        mine = [action_label(scenario, a) + (f" ({', '.join(answers[a.text()])})"
                                             if a.text() in answers else "")
                for a in record.orders if a.role == role]
        lines.append(f"{role_name(scenario, role)}: {'; '.join(mine) or _('no orders')}")
    return lines + changes(view, scenario, round_no)


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


__all__ = ["action_label", "changes", "compact_menu_lines", "end_screen", "event_card", "hud",
           "menu_line", "menu_lines", "move_label", "resolution", "role_name", "short_hud",
           "short_resolution"]
