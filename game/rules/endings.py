"""Endings and scores: which ending a finished game reached, and every part of each score."""

from __future__ import annotations

from game.model.results import Phase, ScoreKind, ScorePart, Status
from game.model.scenario import EndingSpec
from game.model.state import GameState, Outcome
from game.rules.compiled import CompiledScenario
from game.rules.conditions import holds
from game.rules.values import walk_away

# Enum members bound to module names once: in Python 3.11 looking a member up on its
# class costs several times a global's lookup, and the rules do it on every candidate.
OVER = Phase.OVER
BROKEN = Status.BROKEN

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
    if game.talks is not None and role in game.talks.parties:
        parts += deal_parts(state, game, role)
    return tuple(parts)


def deal_parts(state: GameState, game: CompiledScenario, role: str) -> list[ScorePart]:
    """The talks' part of a role's score (docs/rules.md, "The talks"): the agreed package's
    value to a party of an agreement in force (TERMS, ref "agreement"), or else the role's
    walk-away value as the game ends (WALK_AWAY, ref "none"); and `broken_term_points` lost
    for each term it broke (BROKEN_TERMS, ref the count), when it broke any."""
    a = state.agreement
    if a is not None and a.status == "in_force" and role in a.parties:
        parts = [ScorePart(ScoreKind.TERMS, "agreement", game.talks.package_value(a.terms, role))]
    else:
        parts = [ScorePart(ScoreKind.WALK_AWAY, "none", walk_away(state, game, role))]
    broken = sum(1 for r in state.terms if r.role == role and r.status == BROKEN)
    if broken:
        parts.append(ScorePart(ScoreKind.BROKEN_TERMS, str(broken),
                               -broken * game.talks.spec.broken_term_points, False))
    return parts
