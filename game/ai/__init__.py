"""AI delegations: policies over the legal actions, chosen by name for each AI seat."""

from __future__ import annotations

from collections.abc import Callable

from game.ai.baseline import Baseline
from game.ai.policy import Policy, ai_orders, ai_responses
from game.model.scenario import Scenario

#: Persona name -> factory taking the scenario. Every AI seat chooser lists these.
PERSONAS: dict[str, Callable[[Scenario], Policy]] = {
    "baseline": Baseline,
}

#: One line describing each persona, for choosers and help text.
PERSONA_BLURBS: dict[str, str] = {
    "baseline": "Cooperates with partners it trusts, presses those it does not.",
}

DEFAULT_PERSONA = "baseline"


def make_policy(name: str, scenario: Scenario) -> Policy:
    """A fresh policy for one AI seat; raises KeyError naming the choices if unknown."""
    try:
        return PERSONAS[name](scenario)
    except KeyError:
        raise KeyError(f"unknown persona {name!r}; choose from {', '.join(PERSONAS)}") from None


__all__ = ["DEFAULT_PERSONA", "PERSONAS", "PERSONA_BLURBS", "Policy", "ai_orders", "ai_responses",
           "make_policy"]
