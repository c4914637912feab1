"""Endings and scores: which ending a finished game reached, and every part of each score."""

from __future__ import annotations

from game.model.results import Phase, ScoreKind, ScorePart
from game.model.scenario import EndingSpec
from game.model.state import GameState, Outcome
from game.rules.compiled import CompiledScenario
from game.rules.conditions import holds

# Enum members bound to module names once: in Python 3.11 looking a member up on its
# class costs several times a global's lookup, and the rules do it on every candidate.
OVER = Phase.OVER

#: The id of the ending a facilitator's stop gives; no scenario ending should use it.
STOPPED = "stopped"


def ending_for(state: GameState, game: CompiledScenario) -> EndingSpec:
    """The first ending, in file order, whose condition holds; the last one otherwise."""
    endings = game.scenario.endings
    return next((e for e in endings if holds(e.when, state)), endings[-1])


def outcome(state: GameState, game: CompiledScenario) -> Outcome | None:
    """The outcome of a finished game, or None while it is still being played."""
    if state.phase != OVER:
        return None
    if stopped(state):
        # The facilitator's ending: no ending points, objectives scored as they stand.
        scores = {role: _score(state, game, STOPPED, {}, role) for role in game.roles}
        return Outcome(STOPPED, state.round, False, scores)
    ending = ending_for(state, game)
    scores = {role: _score(state, game, ending.id, ending.points, role) for role in game.roles}
    return Outcome(ending.id, state.round, state.breakdown, scores)


def stopped(state: GameState) -> bool:
    """True if a facilitator ended the game: it is over without a breakdown, and the round
    it stands in never resolved (a game that runs its course ends on a resolved round)."""
    return (state.phase == OVER and not state.breakdown
            and (not state.records or state.records[-1].round < state.round))


def _score(state: GameState, game: CompiledScenario, ending: str, points: dict[str, int],
           role: str) -> tuple[ScorePart, ...]:
    parts = [ScorePart(ScoreKind.ENDING, ending, points.get(role, 0))]
    for obj in game.objectives[role]:
        met = holds(obj.when, state, role)
        parts.append(ScorePart(ScoreKind.OBJECTIVE, obj.id, obj.points if met else 0, met))
    return tuple(parts)
