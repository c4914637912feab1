"""Applying moves: secret orders, answers to offers, talk messages, and a facilitator's event."""

from __future__ import annotations

from game.model.actions import EndGame, IllegalAction, InjectEvent, Move, Orders, Responses, Talk
from game.model.results import Phase, Refusal, RefusalKind
from game.model.state import GameState
from game.rules.compiled import CompiledScenario
from game.rules.events import apply_event, why_not_bring_in
from game.rules.legal import check_orders
from game.rules.offers import awaiting_response, offers, offers_to
from game.rules.talks import apply_talk

# Enum members bound to module names once: in Python 3.11 looking a member up on its
# class costs several times a global's lookup, and the rules do it on every candidate.
OVER, ORDERS, RESPONSES, RESOLVE = Phase.OVER, Phase.ORDERS, Phase.RESPONSES, Phase.RESOLVE


def apply_action(state: GameState, game: CompiledScenario, move: Move) -> GameState:
    """The state after a move; raises IllegalAction (a ValueError) if the move is not allowed."""
    if state.phase == OVER:
        raise IllegalAction(Refusal(RefusalKind.GAME_OVER))
    if isinstance(move, Orders):
        return _orders(state, game, move)
    if isinstance(move, Responses):
        return _responses(state, game, move)
    if isinstance(move, Talk):
        return apply_talk(state, game, move)
    if isinstance(move, InjectEvent):
        return _inject(state, game, move)
    if isinstance(move, EndGame):
        new = state.shallow()  # only the phase changes
        new.phase = OVER
        return new
    raise IllegalAction(Refusal(RefusalKind.NOT_A_MOVE))


def _orders(state: GameState, game: CompiledScenario, move: Orders) -> GameState:
    if state.phase != ORDERS:
        raise IllegalAction(Refusal(RefusalKind.WRONG_PHASE, ("orders", state.phase)))
    if move.role not in game.role_index:
        raise IllegalAction(Refusal(RefusalKind.UNKNOWN_ROLE, (move.role,)))
    if move.role in state.orders:
        raise IllegalAction(Refusal(RefusalKind.ALREADY_ORDERED, (move.role,)))
    for action in move.actions:
        if action.role != move.role:
            raise IllegalAction(Refusal(RefusalKind.ORDERS_FOR_OTHER, (move.role, action.role)))
    check_orders(state, game, move.role, move.actions)
    new = state.shallow()  # orders are the only container that changes: replace, never mutate
    new.orders = {**state.orders, move.role: move.actions}
    if len(new.orders) == len(game.roles):
        new.phase = RESPONSES if any(o.responders for o in offers(new, game)) else RESOLVE
    return new


def _responses(state: GameState, game: CompiledScenario, move: Responses) -> GameState:
    if state.phase != RESPONSES:
        raise IllegalAction(Refusal(RefusalKind.WRONG_PHASE, ("answers", state.phase)))
    if move.role in state.responses:
        raise IllegalAction(Refusal(RefusalKind.ALREADY_ANSWERED, (move.role,)))
    due = {o.key for o in offers_to(state, game, move.role)}
    given = move.as_dict()
    if not due:
        raise IllegalAction(Refusal(RefusalKind.NO_OFFERS, (move.role,)))
    if set(given) != due or len(given) != len(move.decisions):
        raise IllegalAction(Refusal(RefusalKind.MUST_ANSWER, (move.role, *sorted(due))))
    new = state.shallow()  # answers are the only container that changes: replace, never mutate
    new.responses = {**state.responses, move.role: given}
    if not awaiting_response(new, game):
        new.phase = RESOLVE
    return new


def _inject(state: GameState, game: CompiledScenario, move: InjectEvent) -> GameState:
    event = game.events.get(move.event_id)
    if event is None:
        raise IllegalAction(Refusal(RefusalKind.UNKNOWN_EVENT, (move.event_id,)))
    if state.phase != ORDERS or state.orders:
        raise IllegalAction(Refusal(RefusalKind.EVENT_AFTER_ORDERS))
    if (why := why_not_bring_in(state, event)) is not None:
        raise IllegalAction(why)
    new = state.copy()
    apply_event(new, game, event, brought_in=True)
    new.injected = (*new.injected, event.id)
    new.injected_now = new.injected_now | {event.id}
    if new.breakdown:
        new.phase = OVER
    return new
