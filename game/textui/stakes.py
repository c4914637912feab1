"""What an order puts at stake right now, shown beside it before a team spends points:
a legal instrument's ratification odds, and the audience cost of backing down.

The words are `game.words.stakes`, shared with the window and the hosted pages."""

from __future__ import annotations

from game.model.actions import Action
from game.model.state import GameState
from game.rules.compiled import CompiledScenario
from game.words import _
from game.words.stakes import demand_lines as shared_demand_lines
from game.words.stakes import stake_line

__all__ = ["demand_lines", "stakes"]


def stakes(state: GameState, game: CompiledScenario, action: Action) -> str:
    """The acting team's own stake line for `action` (private: it names the team's exact
    support), or "" when the order puts nothing special at stake."""
    return stake_line(state, game, action)


def demand_lines(state: GameState, game: CompiledScenario) -> list[str]:
    """Each standing public demand, indented for the board, with what backing down costs now."""
    return [_("  {line}").format(line=line) for line in shared_demand_lines(state, game)]
