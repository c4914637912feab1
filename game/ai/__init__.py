"""AI delegations: policies over the legal actions, chosen by name for each AI seat.

`make_policy("hardliner", game)` (game: the compiled scenario) gives a persona with its steady temperament;
`make_policy("hardliner", game, temperament="soft")` or the name "hardliner:soft"
picks another temperament (see `TEMPERAMENTS`).
"""

from __future__ import annotations

from collections.abc import Callable

from game.ai.alliance import Alliance
from game.ai.assurer import Assurer
from game.ai.baseline import Baseline
from game.ai.cooperative import Cooperative
from game.ai.hardliner import Hardliner
from game.ai.holdout import Holdout
from game.ai.legalist import Legalist
from game.ai.opportunist import Opportunist
from game.ai.persona import TEMPERAMENTS
from game.ai.policy import Policy, ai_orders, ai_responses
from game.ai.reciprocator import Reciprocator
from game.model.scenario import Scenario
from game.rules.compiled import CompiledScenario

#: Persona name -> factory taking the compiled scenario. Every AI seat chooser lists these.
PERSONAS: dict[str, Callable[..., Policy]] = {
    "reciprocator": Reciprocator,
    "cooperative": Cooperative,
    "hardliner": Hardliner,
    "legalist": Legalist,
    "opportunist": Opportunist,
    "baseline": Baseline,
    "assurer": Assurer,
    "holdout": Holdout,
    "alliance": Alliance,
}

#: The personas the balance lab plays against each other by default.
LAB_PERSONAS = ("reciprocator", "cooperative", "hardliner", "legalist", "opportunist")

DEFAULT_PERSONA = "reciprocator"

#: Lab personas that fit any seat as a plausible way to play it: they bargain, keep their
#: word and answer in kind. The hardliner and the opportunist are left out: a student's
#: moves are weighed against what a government in that seat might plausibly have done.
PLAUSIBLE_PERSONAS = ("reciprocator", "legalist")
#: Also plausible for a seat that holds no public demand at the start: a government that
#: made a demand in public does not concede everything in round 1.
PLAUSIBLE_WITHOUT_DEMAND = ("cooperative",)


def seat_persona(game: CompiledScenario | Scenario, role: str) -> str:
    """The persona an AI seat for `role` plays unless the players choose another: the
    scenario's `default_seats` entry if it names a known persona, else DEFAULT_PERSONA.
    Takes the compiled scenario or the pydantic one. (`main.py check` reports an unknown
    name in `default_seats`.)"""
    scenario = game.scenario if isinstance(game, CompiledScenario) else game
    name = scenario.default_seats.get(role)
    return name if name and persona_problem(name) is None else DEFAULT_PERSONA


def seat_alternatives(game: CompiledScenario | Scenario, role: str) -> tuple[str, ...]:
    """The plausible ways to play `role`, as persona names: the seat's default persona (its
    position in the case) first, then the lab personas that fit the seat (see
    PLAUSIBLE_PERSONAS). The coach weighs a student's moves against these."""
    scenario = game.scenario if isinstance(game, CompiledScenario) else game
    demands = any(d.role == role for d in scenario.start_demands)
    fits = PLAUSIBLE_PERSONAS + (() if demands else PLAUSIBLE_WITHOUT_DEMAND)
    own = seat_persona(scenario, role).partition(":")[0]
    return tuple(dict.fromkeys((own, *fits)))


def persona_problem(name: str) -> str | None:
    """Why `name` is not a persona name make_policy accepts, or None if it is."""
    base, _, mood = name.partition(":")
    if base not in PERSONAS:
        return f"unknown persona {base!r}; choose from {', '.join(PERSONAS)}"
    if mood and mood not in TEMPERAMENTS:
        return f"unknown temperament {mood!r}; choose from {', '.join(TEMPERAMENTS)}"
    if mood and PERSONAS[base] is Baseline:
        return "the baseline persona has no temperaments"
    return None


def make_policy(name: str, game: CompiledScenario, temperament: str | None = None) -> Policy:
    """A fresh policy for one AI seat; raises KeyError naming the choices if unknown.

    `name` may carry a temperament after a colon, for example "legalist:hard".
    """
    base, _, suffix = name.partition(":")
    temperament = temperament or suffix or None
    try:
        factory = PERSONAS[base]
    except KeyError:
        raise KeyError(f"unknown persona {base!r}; choose from {', '.join(PERSONAS)}") from None
    if temperament is None:
        return factory(game)
    if factory is Baseline:
        raise KeyError("the baseline persona has no temperaments")
    return factory(game, temperament)


__all__ = ["DEFAULT_PERSONA", "LAB_PERSONAS", "PERSONAS", "PLAUSIBLE_PERSONAS", "TEMPERAMENTS",
           "Policy", "ai_orders", "ai_responses", "make_policy", "persona_problem", "seat_alternatives",
           "seat_persona"]
