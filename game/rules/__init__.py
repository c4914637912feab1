"""The rules: pure, deterministic functions from a state and a move to a new state.

Every function takes the `CompiledScenario` made once by `compile_scenario`. The public
surface is re-exported here; see STYLE.md for the shape.
"""

from game.model.actions import IllegalAction
from game.rules.compiled import CompiledScenario, compile_scenario
from game.rules.demands import audience_cost, ratification_odds
from game.rules.endings import outcome
from game.rules.legal import legal_actions, points_left
from game.rules.moves import apply_action
from game.rules.offers import Offer, awaiting_response, offers, offers_to
from game.rules.resolve import resolve_round
from game.rules.setup import new_game
from game.rules.view import PlayerView, fog_range, view_for

__all__ = [
    "CompiledScenario", "IllegalAction", "Offer", "PlayerView", "apply_action", "audience_cost",
    "awaiting_response", "compile_scenario", "fog_range", "legal_actions", "new_game", "offers",
    "offers_to", "outcome", "points_left", "ratification_odds", "resolve_round", "view_for",
]
