"""AI delegations' reasoning, and engine notes, in words.

The engine writes an order's note as `moscow:brief_plans@nato: why` and an answer's as the
offer's key and the verdict. Players read `Moscow · Brief on programme plans → NATO: why`
for an order and `Moscow, answering NATO: accepts ...` for an answer.
"""

from __future__ import annotations

import re

from game.model.actions import Action, BadMoveText
from game.words.closed import plain_reason
from game.words.i18n import _
from game.words.names import action_label, role_name, scenario_of


def named(game, text: str) -> str:
    """`text` with every role id replaced by that role's display name."""
    for role in scenario_of(game).roles:
        text = re.sub(rf"\b{re.escape(role.id)}\b", role.name, text)
    return text


def reasoning_line(game, role: str, text: str) -> str:
    """One line of an AI delegation's reasoning, with actions and roles named."""
    sc = scenario_of(game)
    head, sep, rest = text.partition(": ")
    try:
        action = Action.from_text(head) if sep and " " not in head.strip() else None
    except BadMoveText:
        action = None
    known = action is not None and action.role in sc.role_ids and any(
        a.id == action.action_id for a in sc.actions)
    who = role_name(sc, role)
    if not known:
        return _("{role}: {why}").format(role=who, why=named(sc, text))
    if action.role != role:  # an answer to another delegation's offer
        return _("{role}, answering {maker}: {why}").format(
            role=who, maker=role_name(sc, action.role), why=named(sc, rest))
    return _("{role} · {action}: {why}").format(role=who, action=action_label(sc, action),
                                               why=named(sc, rest))


def why_not(game, action: Action, reason: str) -> str:
    """The rules' reason an action is not open (`game.rules.legal.why_illegal`), in plain
    words (`game.words.closed`): without the action's own id in front, ids named."""
    text = action.text()
    if reason.startswith(text):
        reason = reason[len(text):].lstrip(": ")
    return plain_reason(game, reason)
