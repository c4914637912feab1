"""Events: which one happens at the start of a round, and applying it through the ledger."""

from __future__ import annotations

from game.model.results import NO_DETAIL, Cause, Detail, DetailKind, Phase, Refusal, RefusalKind
from game.model.scenario import EventSpec
from game.model.state import GameState
from game.rules.compiled import CompiledScenario
from game.rules.conditions import holds
from game.rules.effects import apply_changes
from game.rules.rng import derive

# Enum members bound to module names once: in Python 3.11 looking a member up on its
# class costs several times a global's lookup, and the rules do it on every candidate.
ORDERS, OVER = Phase.ORDERS, Phase.OVER
EVENT = Cause.EVENT


def select_event(state: GameState, game: CompiledScenario) -> EventSpec | None:
    """The round's event: a scripted one first, else a triggered one, else a deck draw.
    An event marked `once` happens at most once a game."""
    fresh = [e for e in game.scripted.get(state.round, ()) if _may_fire(state, e)]
    if fresh:
        return fresh[0]
    for e in game.conditional:
        if _may_fire(state, e) and holds(e.when, state):
            return e
    deck = [e for e in game.deck if _may_fire(state, e)]
    if not deck:
        return None
    rng = derive(state.seed, state.round, "event")
    return rng.weighted(deck, [e.weight for e in deck])


def _may_fire(state: GameState, event: EventSpec) -> bool:
    return not (event.once and event.id in state.fired)


def spent(state: GameState, event: EventSpec) -> str | None:
    """Whether the facilitator may no longer bring `event` in: "round" if it has happened
    this round (an event happens at most once a round), "game" if it is marked `once` and
    has happened earlier in the game, else None."""
    if state.event == event.id or event.id in state.injected_now:
        return "round"
    if event.once and event.id in state.fired:
        return "game"
    return None


def why_not_bring_in(state: GameState, event: EventSpec) -> Refusal | None:
    """Why the facilitator may not bring `event` in now, or None."""
    why = spent(state, event)
    if why == "round":
        return Refusal(RefusalKind.EVENT_THIS_ROUND, (event.id,))
    if why == "game":
        return Refusal(RefusalKind.EVENT_ONCE, (event.id,))
    return None


def apply_event(state: GameState, game: CompiledScenario, event: EventSpec,
                brought_in: bool = False) -> None:
    """Apply an event to a state being built and mark it as having fired (`brought_in`:
    the facilitator brought it in, which its ledger entries say)."""
    detail = Detail(DetailKind.BROUGHT_IN) if brought_in else NO_DETAIL
    apply_changes(state, game, game.event_effects[event.id], EVENT, event.id, None, detail)
    state.fired = state.fired | {event.id}


def start_round(state: GameState, game: CompiledScenario) -> None:
    """Open the current round of a state being built: draw and apply its event."""
    state.round_ledger_start = len(state.ledger)
    state.orders = {}
    state.responses = {}
    state.injected_now = frozenset()
    state.phase = ORDERS
    event = select_event(state, game)
    state.event = event.id if event else None
    if event:
        apply_event(state, game, event)
    if state.breakdown:
        state.phase = OVER
