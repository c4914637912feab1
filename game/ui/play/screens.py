"""Every game screen, gathered for the flow."""

from game.ui.play.end import EndScene
from game.ui.play.orders import OrdersScene, ResponsesScene
from game.ui.play.public import BriefingScene, EventScene, HandoffScene, ResolutionScene

__all__ = ["BriefingScene", "EndScene", "EventScene", "HandoffScene", "OrdersScene",
           "ResolutionScene", "ResponsesScene"]
