"""A lean headless runner: play one whole game with an AI policy in every seat.

The simulator and the behaviour tests call this thousands of times, so it does no
logging, keeps no reasoning lines and builds nothing the outcome does not need.
"""

from __future__ import annotations

from game.ai.policy import Policy, ai_talk_turns, draft_orders, draft_responses
from game.model.results import Phase
from game.model.state import GameState, Outcome
from game.rules import apply_action, awaiting_response, new_game, outcome, resolve_round
from game.rules.compiled import CompiledScenario
from game.rules.view import answering_view, talking_view, view_for

# Enum members bound to module names once: in Python 3.11 looking a member up on its
# class costs several times a global's lookup, and the rules do it on every candidate.
OVER, RESPONSES = Phase.OVER, Phase.RESPONSES


def play_game(game: CompiledScenario, seed: int, policies: dict[str, Policy],
              rounds: int | None = None) -> tuple[GameState, Outcome]:
    """Play a game to its end with `policies` (role -> policy); return the final state and outcome."""
    state = new_game(game, seed, rounds)
    while state.phase != OVER:
        state = play_round(state, game, policies)
    return state, outcome(state, game)


def play_round(state: GameState, game: CompiledScenario, policies: dict[str, Policy]) -> GameState:
    """Take one round from orders through resolution. Each seat's view of the orders phase
    is brought to the responses phase rather than made again."""
    views: dict = {}  # role -> its view of this round's orders phase, made once
    state = play_talks(state, game, policies, views)
    for role in game.roles:
        view = views.get(role)
        view = talking_view(view, state, game) if view is not None else view_for(state, game, role)
        views[role] = view
        state = apply_action(state, game, draft_orders(policies[role], state, game, role, view=view))
    if state.phase == RESPONSES:
        for role in awaiting_response(state, game):
            view = answering_view(views[role], state, game)
            state = apply_action(state, game,
                                 draft_responses(policies[role], state, game, role, view=view))
    state, _ = resolve_round(state, game)
    return state


def play_talks(state: GameState, game: CompiledScenario, policies: dict[str, Policy],
               views: dict | None = None) -> GameState:
    """Let every party speak in the talks, in role order, until none has more to say this
    round (each is held to the negotiation's `messages_per_round`). `views` (role -> view
    of this round's orders phase) keeps the views made, to be brought up to date between
    messages rather than made again."""
    views = {} if views is None else views
    current = [state]
    for _role, move, _why in ai_talk_turns(game, policies, lambda: current[0], lambda r: True,
                                           views):
        current[0] = apply_action(current[0], game, move)
    return current[0]
