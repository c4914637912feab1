"""Endings and scores: which ending a finished game reached, and every part of each score."""

from __future__ import annotations

from game.model.scenario import EndingSpec
from game.model.state import GameState, Outcome, ScorePart
from game.rules.compiled import CompiledScenario
from game.rules.conditions import holds
from game.words import _

#: The id of the ending a facilitator's stop gives; no scenario ending should use it.
STOPPED = "stopped"


def ending_for(state: GameState, game: CompiledScenario) -> EndingSpec:
    """The first ending, in file order, whose condition holds; the last one otherwise."""
    endings = game.scenario.endings
    return next((e for e in endings if holds(e.when, state)), endings[-1])


def outcome(state: GameState, game: CompiledScenario) -> Outcome | None:
    """The outcome of a finished game, or None while it is still being played."""
    if state.phase != "over":
        return None
    if stopped(state):
        return _stopped(state, game)
    ending = ending_for(state, game)
    scores = {role: _score(state, game, ending, role) for role in game.roles}
    return Outcome(ending.id, ending.name, ending.text, state.round, state.breakdown, scores)


def stopped(state: GameState) -> bool:
    """True if a facilitator ended the game: it is over without a breakdown, and the round
    it stands in never resolved (a game that runs its course ends on a resolved round)."""
    return (state.phase == "over" and not state.breakdown
            and (not state.records or state.records[-1].round < state.round))


def _stopped(state: GameState, game: CompiledScenario) -> Outcome:
    """The facilitator's ending: no ending points, objectives scored as they stand."""
    name = _("Stopped by the facilitator in round {round}").format(round=state.round)
    text = _("The facilitator ended the game before it ran its course. No ending points are "
             "given; each team's objectives are scored as they stood.")
    stop = EndingSpec(id=STOPPED, name=name, text=text, when={}, points={})
    scores = {role: _score(state, game, stop, role) for role in game.roles}
    return Outcome(STOPPED, name, text, state.round, False, scores)


def _score(state: GameState, game: CompiledScenario, ending: EndingSpec,
           role: str) -> tuple[ScorePart, ...]:
    parts = [ScorePart(f"Ending: {ending.name}", ending.points.get(role, 0))]
    for obj in game.objectives[role]:
        met = holds(obj.when, state, role)
        label = f"Objective {'met' if met else 'missed'}: {obj.text}"
        parts.append(ScorePart(label, obj.points if met else 0))
    return tuple(parts)

