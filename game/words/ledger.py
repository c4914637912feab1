"""Ledger entries, answers to offers and commitments in words.

One ledger entry always reads the same, wherever it is shown:
`Moscow's trust in Washington: 26 → 28 (+2) · Washington: Brief on programme plans → Moscow`
(the meter, before → after, the signed change, and its cause; the engine's note follows
in brackets when it adds something the cause does not say). Screens list entries under
the headings of `ledger_groups`, one per kind of cause, in the order each first appears.
"""

from __future__ import annotations

from game.model.actions import Action, BadMoveText
from game.words.i18n import N_, _
from game.words.names import (
    action_label,
    event_title,
    meter_label,
    milestone_name,
    move_label,
    role_name,
    scenario_of,
    status_name,
)
from game.words.reasoning import named

#: The heading of each kind of cause, in the order causes are usually resolved.
_HEADINGS = {
    "event": N_("Events"), "action": N_("Actions"), "response": N_("Answers to offers"),
    "ratification": N_("Ratification"), "commitment": N_("Commitments"), "demand": N_("Public demands"),
    "milestone": N_("Cooperation track"), "rule": N_("Reciprocated concessions (GRIT)"),
    "drift": N_("Drift toward the baseline set by trust"),
}

#: How a cause tied to a move is introduced before the move's words.
_MOVE_CAUSES = {"action": N_("{move}"), "response": N_("Answer to {move}"),
                "commitment": N_("Commitment: {move}"), "demand": N_("Public demand: {move}"),
                "ratification": N_("Ratification: {move}"), "milestone": N_("Cooperation track: {move}")}


def cause_heading(cause: str) -> str:
    """The heading for one kind of cause: `Actions`, `Answers to offers`, `Events` ..."""
    return _(_HEADINGS[cause]) if cause in _HEADINGS else cause.replace("_", " ").capitalize()


def cause_title(game, entry) -> str:
    """What caused one ledger entry, in words: `Washington: Brief on programme plans →
    Moscow`, `Answer to Moscow: Propose a regular data exchange`, `Event: Cold water from
    the foreign ministry`, `Cooperation track: Joint exercises`."""
    sc = scenario_of(game)
    cause, source = entry.cause, entry.source
    if cause in ("drift", "rule"):
        return cause_heading(cause)
    if cause == "event":
        return _("Event: {title}").format(title=event_title(sc, source))
    if cause == "milestone" and source in {m.id for m in sc.milestones}:
        return _("Cooperation track: {milestone}").format(milestone=milestone_name(sc, source))
    move = _known_move(sc, source)
    if move is None:
        return f"{cause_heading(cause)}: {named(sc, source)}"
    return _(_MOVE_CAUSES.get(cause, "{move}")).format(move=move_label(sc, move))


def _known_move(sc, text: str) -> Action | None:
    try:
        move = Action.from_text(text.split(" ", 1)[0])
    except BadMoveText:
        return None
    known = move.role in sc.role_ids and any(a.id == move.action_id for a in sc.actions)
    return move if known else None


def ledger_line(game, entry) -> str:
    """One ledger entry on one line: meter, before → after, signed change, cause (and note)."""
    sc = scenario_of(game)
    cause, note = cause_title(sc, entry), named(sc, entry.note)
    if entry.cause in ("drift", "rule") and note:  # the note says more than the heading
        cause, note = note, ""
    note = _unrepeated(note, _subjects(sc, entry))
    head, sep, tail = note.partition(": ")
    if sep and tail in cause:  # `Moscow accepted: <the action already named>`
        note = head
    extra = _(" ({note})").format(note=note) if note and note not in cause else ""
    return _("{meter}: {before} → {after} ({amount:+d}) · {cause}{note}").format(
        meter=meter_label(sc, entry.meter), before=entry.before, after=entry.after,
        amount=entry.amount, cause=cause, note=extra)


def _subjects(sc, entry) -> list[str]:
    """The names the cause of `entry` already says: the event's title, the milestone's name,
    the action's name (and the milestone it aims at), longest first."""
    source = entry.source
    names = {event_title(sc, source) if entry.cause == "event" else "",
             milestone_name(sc, source) if entry.cause == "milestone" else ""}
    move = _known_move(sc, source)
    if move is not None:
        names.add(next(a.name for a in sc.actions if a.id == move.action_id))
        if move.target and move.target not in sc.role_ids:
            names.add(milestone_name(sc, move.target))
    return sorted((n for n in names if n and n != source), key=len, reverse=True)


def _unrepeated(note: str, subjects: list[str]) -> str:
    """The note without a leading name the cause already gives: `Brief on programme plans
    (repeat 2: trust gains at 60%)` -> `repeat 2: trust gains at 60%`, `Joint exercises is
    operating` -> `operating`; a note that is only the name becomes empty."""
    for name in subjects:
        if note == name or note.startswith(name + " "):
            rest = note[len(name):].strip()
            rest = rest.removeprefix("is ").strip()
            if rest.startswith("(") and rest.endswith(")"):
                rest = rest[1:-1].strip()
            return rest
    return note


def ledger_groups(game, entries) -> list[tuple[str, list[str]]]:
    """Entries as (heading, lines) per kind of cause, in the order each kind first appears."""
    groups: dict[str, list[str]] = {}
    for entry in entries:
        groups.setdefault(entry.cause, []).append(ledger_line(game, entry))
    return [(cause_heading(cause), lines) for cause, lines in groups.items()]


def ledger_lines(game, entries, indent: str = "  ") -> list[str]:
    """Entries as indented text: each heading, then its lines one step further in."""
    out = []
    for heading, lines in ledger_groups(game, entries):
        out.append(indent + heading)
        out.extend(indent * 2 + line for line in lines)
    return out or [indent + _("No meter changed.")]


def response_line(game, responder: str, key: str, accepted: bool) -> str:
    """`Moscow accepted Washington's offer: Propose joint exercises`."""
    text = (_("{responder} accepted {maker}'s offer: {action}") if accepted
            else _("{responder} declined {maker}'s offer: {action}"))
    return text.format(responder=role_name(game, responder),
                       maker=role_name(game, key.split(":", 1)[0]), action=action_label(game, key))


def commitment_line(game, commitment) -> str:
    """`kept: No-first-deployment pledge, Washington to Moscow (rounds 2-5)`; a running one
    says until when it runs."""
    if commitment.status == "active":
        when = _("made in round {made}, runs to round {end}").format(
            made=commitment.made, end=commitment.expires)
    else:
        when = _("rounds {made}-{end}").format(made=commitment.made, end=commitment.ended)
    return _("{status}: {name}, {actor} to {recipient} ({when})").format(
        status=status_name(commitment.status), name=commitment.name,
        actor=role_name(game, commitment.actor), recipient=role_name(game, commitment.recipient),
        when=when)
