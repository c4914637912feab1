"""The rules: pure, deterministic functions from a state and a move to a new state.

The public surface is re-exported here; see STYLE.md for the shape.
"""

from game.model.actions import IllegalAction
from game.rules.endings import objectives_met, outcome
from game.rules.legal import legal_actions, points_left
from game.rules.moves import apply_action
from game.rules.offers import Offer, awaiting_response, offers, offers_to
from game.rules.resolve import drift_baseline, resolve_round
from game.rules.setup import new_game
from game.rules.view import PlayerView, fog_range, view_for

__all__ = [
    "IllegalAction", "Offer", "PlayerView", "apply_action", "awaiting_response", "drift_baseline",
    "fog_range", "legal_actions", "new_game", "objectives_met", "offers", "offers_to", "outcome",
    "points_left", "resolve_round", "view_for",
]
