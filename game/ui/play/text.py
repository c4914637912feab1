"""Readable words for ids: actions, meters, ledger entries and answers to offers."""

from __future__ import annotations

import re

from game.model.actions import Action, BadMoveText


def prose(text: str) -> str:
    """Scenario block text reflowed: single line breaks become spaces, blank lines stay
    paragraph breaks, so the window wraps the text to its own width."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


def points(n: int) -> str:
    """`1 point`, `3 points` (joined by a no-break space: never split over two lines)."""
    return f"{n}\u00a0point" if abs(n) == 1 else f"{n}\u00a0points"


def role_name(scenario, role: str | None) -> str:
    """Display name of a role id."""
    return scenario.role(role).name if role in scenario.role_ids else (role or "everyone")


def milestone_name(scenario, mid: str) -> str:
    """Display name of a milestone id."""
    return next((m.name for m in scenario.milestones if m.id == mid), mid)


def action_label(scenario, action: Action | str) -> str:
    """`Brief on programme plans → Moscow`, from an action or its text form."""
    if isinstance(action, str):
        try:
            action = Action.from_text(action)
        except BadMoveText:
            return action
    name = next((a.name for a in scenario.actions if a.id == action.action_id), action.action_id)
    if not action.target:
        return name
    target = action.target
    aim = role_name(scenario, target) if target in scenario.role_ids else \
        milestone_name(scenario, target)
    return f"{name} → {aim}"


def meter_label(scenario, meter: str) -> str:
    """`Moscow's trust in Washington`, `Senate support (Washington)`, `Tension`."""
    kind, _, rest = meter.partition(".")
    if kind == "trust":
        a, _, b = rest.partition(".")
        return f"{role_name(scenario, a)}'s trust in {role_name(scenario, b)}"
    if kind == "support" and rest in scenario.role_ids:
        return f"{scenario.role(rest).domestic_label} ({role_name(scenario, rest)})"
    if kind == "progress":
        return f"Progress toward {milestone_name(scenario, rest)}"
    return meter.capitalize()


def source_label(scenario, entry) -> str:
    """What caused a ledger entry, in words."""
    if entry.cause in ("action", "response", "commitment", "ratification") and ":" in entry.source:
        who = role_name(scenario, entry.source.split(":", 1)[0])
        return f"{who}: {action_label(scenario, entry.source.split(' ', 1)[0])}"
    if entry.cause == "event":
        return next((e.title for e in scenario.events if e.id == entry.source), entry.source)
    if entry.cause == "milestone":
        return milestone_name(scenario, entry.source)
    return entry.source.replace("_", " ")


def named(scenario, text: str) -> str:
    """Role ids in engine notes replaced by the roles' display names."""
    for role in scenario.roles:
        text = re.sub(rf"\b{re.escape(role.id)}\b", role.name, text)
    return text


def ledger_line(scenario, entry) -> str:
    """One ledger entry: meter, before → after, the signed change and its cause."""
    source = source_label(scenario, entry)
    text = named(scenario, entry.note)
    note = f" ({text})" if text and text not in source else ""
    return (f"{meter_label(scenario, entry.meter)}: {entry.before} → {entry.after} "
            f"({entry.amount:+d}) · {source}{note}")


def response_line(scenario, responder: str, key: str, accepted: bool) -> str:
    """`Moscow accepted Washington's offer: Propose joint exercises`."""
    maker = role_name(scenario, key.split(":", 1)[0])
    verdict = "accepted" if accepted else "declined"
    return f"{role_name(scenario, responder)} {verdict} {maker}'s offer: {action_label(scenario, key)}"


def note_line(scenario, role: str, text: str) -> str:
    """One line of AI reasoning in words: the engine writes `moscow:brief_plans@nato: why`
    (or an offer's key before an answer); the action becomes its name, ids become names."""
    head, sep, rest = text.partition(": ")
    try:
        action = Action.from_text(head) if sep and " " not in head.strip() else None
    except BadMoveText:
        action = None
    known = action is not None and action.role in scenario.role_ids and any(
        a.id == action.action_id for a in scenario.actions)
    if not known:
        return f"{role_name(scenario, role)}: {named(scenario, text)}"
    if action.role != role:  # an answer to another delegation's offer
        return (f"{role_name(scenario, role)}, answering {role_name(scenario, action.role)}: "
                f"{named(scenario, rest)}")
    return f"{role_name(scenario, role)} · {action_label(scenario, action)}: {named(scenario, rest)}"
