"""Turn views, records and outcomes into plain text for the terminal, screen readers and tests."""

from __future__ import annotations

from game.model.actions import Action
from game.model.scenario import Scenario
from game.model.state import LedgerEntry, Outcome
from game.rules.ledger import group_by_cause
from game.rules.view import PlayerView


def role_name(scenario: Scenario, role: str | None) -> str:
    """Display name of a role id."""
    return scenario.role(role).name if role else "everyone"


def meter_label(scenario: Scenario, meter: str) -> str:
    """A readable label for a ledger meter name."""
    kind, _, rest = meter.partition(".")
    if kind == "trust":
        a, _, b = rest.partition(".")
        return f"trust {role_name(scenario, a)}→{role_name(scenario, b)}"
    if kind == "support":
        role = scenario.role(rest)
        return f"{role.domestic_label} ({role.name})"
    if kind == "progress":
        return f"progress: {next(m.name for m in scenario.milestones if m.id == rest)}"
    if kind == "transparency":
        a, _, b = rest.partition(".")
        return f"transparency {role_name(scenario, a)}→{role_name(scenario, b)}"
    return "tension"


def hud(view: PlayerView, scenario: Scenario) -> list[str]:
    """The meters as text: tension, trust, domestic support (fogged), the track and round."""
    lines = [f"Round {view.round} of {view.rounds}    Tension {view.tension} ({view.band})"]
    lines.append("Trust (how far the row trusts the column):")
    roles = scenario.role_ids
    width = max(len(role_name(scenario, r)) for r in roles) + 2
    lines.append(" " * width + "".join(role_name(scenario, r).rjust(width) for r in roles))
    for a in roles:
        cells = ["-" if a == b else str(view.trust[(a, b)]) for b in roles]
        lines.append(role_name(scenario, a).ljust(width) + "".join(c.rjust(width) for c in cells))
    lines.append("Domestic support:")
    for r in scenario.roles:
        lo, hi = view.support[r.id]
        shown = str(lo) if lo == hi else f"somewhere in {lo}-{hi}"
        lines.append(f"  {r.domestic_label} ({r.name}): {shown}")
    lines.append("Cooperation track:")
    for i, m in enumerate(scenario.milestones, 1):
        status = view.milestones[m.id]
        extra = (f", progress {view.progress[m.id]}/{m.progress_needed}"
                 if m.progress_needed and status != "operating" else "")
        lines.append(f"  {i}. {m.name}: {status}{extra}")
    return lines


def event_card(view: PlayerView) -> list[str]:
    """The round's event, if there is one."""
    if view.event is None:
        return ["No event this round."]
    return [f"EVENT: {view.event.title}", f"  {view.event.text}"]


def ledger_lines(entries: list[LedgerEntry], scenario: Scenario) -> list[str]:
    """Ledger entries grouped by cause, each change on its own line."""
    out = []
    for _, group in group_by_cause(entries):
        out.append(f"  {cause_title(scenario, group[0])}")
        for e in group:
            out.append(f"    {meter_label(scenario, e.meter)}: {e.before} → {e.after} "
                       f"({e.amount:+d}) {e.note}")
    return out or ["  No meter changed."]


#: How each kind of cause is introduced when its source is not an action.
_CAUSES = {"drift": "Drift toward the baseline set by trust",
           "rule": "Reciprocation bonus (GRIT)"}


def cause_title(scenario: Scenario, entry: LedgerEntry) -> str:
    """A heading for a group of ledger entries that names its cause in words."""
    cause, source = entry.cause, entry.source
    if cause in _CAUSES:
        return _CAUSES[cause]
    if cause == "event":
        title = next((e.title for e in scenario.events if e.id == source), source)
        return f"Event: {title}"
    if cause == "milestone" and source in {m.id for m in scenario.milestones}:
        return f"Cooperation track: {_milestone(scenario, source)}"
    try:
        label = action_label(scenario, source)
    except (ValueError, StopIteration):
        return f"{cause}: {source}"
    kind = {"action": "", "response": "Answer to ", "commitment": "Commitment: ",
            "demand": "Public demand: ", "ratification": "Ratification: ",
            "milestone": "Cooperation track: "}.get(cause, f"{cause}: ")
    return f"{kind}{label}"


def action_label(scenario: Scenario, text: str) -> str:
    """`Washington: Brief on programme plans → Moscow` for an action's text form."""
    role, _, rest = text.partition(":")
    action_id, _, target = rest.partition("@")
    spec = scenario.action(action_id)
    aim = ""
    if target:
        named = role_name(scenario, target) if target in scenario.role_ids else _milestone(scenario, target)
        aim = f" → {named}"
    return f"{role_name(scenario, role)}: {spec.name}{aim}"


def reasoning_line(scenario: Scenario, role: str, text: str) -> str:
    """One AI delegation's reasoning in words, for the resolution.

    The engine writes an order's note as `moscow:brief_plans@nato: why` and an answer's as
    the offer's key and the verdict; the student reads `Moscow · Brief on programme plans →
    NATO: why` for an order and `Moscow: accepts NATO's offer ...` for an answer (whose
    line names the offer already)."""
    head, sep, rest = text.partition(": ")
    who = role_name(scenario, role)
    if not sep or " " in head:
        return f"{who}: {text}"
    try:
        action = Action.from_text(head)
    except ValueError:
        return f"{who}: {text}"
    if action.role not in scenario.role_ids or action.action_id not in {a.id for a in scenario.actions}:
        return f"{who}: {text}"
    if action.role != role:
        return f"{who}: {rest}"
    return f"{who} · {action_label(scenario, head).split(': ', 1)[1]}: {rest}"


def _milestone(scenario: Scenario, mid: str) -> str:
    return next((m.name for m in scenario.milestones if m.id == mid), mid)


def resolution(view: PlayerView, scenario: Scenario, round_no: int,
               notes: list[str]) -> list[str]:
    """Everything revealed in a round: orders, answers, reasoning and the ledger."""
    record = next(r for r in view.records if r.round == round_no)
    lines = [f"=== Round {round_no} revealed ==="]
    for role in scenario.role_ids:
        mine = [a for a in record.orders if a.role == role]
        lines.append(f"{role_name(scenario, role)}: "
                     + ("; ".join(action_label(scenario, a.text()).split(": ", 1)[1] for a in mine)
                        or "no orders"))
    for responder, key, ok in record.responses:
        verdict = "accepted" if ok else "declined"
        lines.append(f"  {role_name(scenario, responder)} {verdict}: {action_label(scenario, key)}")
    if notes:
        lines.append("AI reasoning:")
        lines.extend(f"  {n}" for n in notes)
    lines.append("Ledger, grouped by cause:")
    lines.extend(ledger_lines(view.ledger(round_no), scenario))
    return lines


def end_screen(result: Outcome, scenario: Scenario, view: PlayerView) -> list[str]:
    """The ending, each score part by part, and the commitments kept and broken."""
    lines = [f"=== {result.ending_name} ===", result.ending_text, "", "Scores:"]
    for role in scenario.role_ids:
        lines.append(f"  {role_name(scenario, role)}: {result.total(role)}")
        lines.extend(f"    {p.points:+d}  {p.label}" for p in result.scores[role])
    lines.append("Commitments:")
    done = [c for c in view.commitments if c.status != "active"]
    for c in done or ():
        lines.append(f"  {c.status}: {c.name}, {role_name(scenario, c.actor)} to "
                     f"{role_name(scenario, c.recipient)} (round {c.made}-{c.ended})")
    if not done:
        lines.append("  none kept or broken")
    return lines
