"""Every persona plays only legal moves, explains itself from the meters, and is deterministic."""

from __future__ import annotations

import pytest

from game.ai import PERSONAS, TEMPERAMENTS, ai_orders, ai_responses, make_policy
from game.model.results import REASON_ARGS, Reason
from game.rules import apply_action, awaiting_response, legal_actions, new_game, resolve_round
from game.session.runner import play_game
from game.words import reason_text

NAMES = sorted(PERSONAS)


def _traced_game(scenario, seed, names):
    """Play a game through ai_orders/ai_responses, checking each order against legal_actions;
    return the final state and every (role, order or offer, reason)."""
    policies = {r: make_policy(names[i % len(names)], scenario) for i, r in enumerate(scenario.role_ids)}
    state, reasons = new_game(scenario, seed), []
    while not state.over:
        for role in scenario.role_ids:
            orders, why = ai_orders(policies[role], state, scenario, role)
            for i, action in enumerate(orders.actions):
                assert action in legal_actions(state, scenario, role, orders.actions[:i])
            reasons += [(role, *step) for step in why]
            state = apply_action(state, scenario, orders)
        for role in awaiting_response(state, scenario):
            answers, why = ai_responses(policies[role], state, scenario, role)
            reasons += [(role, *step) for step in why]
            state = apply_action(state, scenario, answers)
        state, _ = resolve_round(state, scenario)
    return state, reasons


#: The args of a reason that give a meter: trust, tension, a mean of trust, the
#: delegation's own support as a band, or what backing down would cost it in support.
METERS = {"trust", "their_trust", "tension", "mean", "band", "cost"}


def _cites_a_meter(reason: Reason) -> bool:
    """The reason gives a meter's value among its facts, with as many args as its kind has."""
    names = REASON_ARGS[reason.kind]
    if len(reason.args) != len(names):
        return False
    return any(name in METERS and isinstance(value, int)
               for name, value in zip(names, reason.args, strict=True))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("scenario_name", ["default_scenario", "two_roles"])
def test_persona_plays_legally_and_explains(name, scenario_name, request):
    """A persona in every seat, or facing each other persona, takes only legal actions,
    and every reason cites a meter: a value, or its own support as a band."""
    scenario = request.getfixturevalue(scenario_name)
    for other in NAMES:
        for seed in (1, 2):
            _, reasons = _traced_game(scenario, seed, [name, other, name])
            assert reasons and all(_cites_a_meter(why) for _r, _a, why in reasons), reasons


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("scenario_name", ["default_scenario", "two_roles"])
def test_persona_is_deterministic_for_a_seed(name, scenario_name, request):
    """The same seed and personas give the same ledger, records and outcome."""
    scenario = request.getfixturevalue(scenario_name)
    runs = []
    for _ in range(2):
        policies = {r: make_policy(name, scenario) for r in scenario.role_ids}
        state, result = play_game(scenario, 77, policies)
        runs.append((state.ledger, state.records, result))
    assert runs[0] == runs[1]


def test_temperaments_are_accepted_by_name_and_keyword(default_scenario):
    """`name:temperament` and `temperament=` both pick a temperament; unknown ones fail."""
    for name in set(NAMES) - {"baseline"}:
        for temper in TEMPERAMENTS:
            assert make_policy(f"{name}:{temper}", default_scenario).temperament == temper
            assert make_policy(name, default_scenario, temperament=temper).temperament == temper
    with pytest.raises(KeyError):
        make_policy("hardliner:furious", default_scenario)
    with pytest.raises(KeyError):
        make_policy("nobody", default_scenario)


def test_reasoning_names_the_scenario_own_demand(default_scenario):
    """A legalist or holdout speaks of a demand by the scenario's name for it, never by the
    default scenario's words: renamed 'recognition of the frontiers', no line says
    'guarantee' about it."""
    from game.rules import compile_scenario

    s = default_scenario.scenario
    demands = [d.model_copy(update={"name": "recognition of the frontiers"}) for d in s.demands]
    game = compile_scenario(s.model_copy(update={"demands": demands}))
    lines = []
    for names in (["legalist"], ["holdout", "legalist", "hardliner"]):
        for seed in (1, 2, 3):
            lines += [reason_text(game, role, why, action if action and
                                  not action.startswith(role + ":") else None)
                      for role, action, why in _traced_game(game, seed, names)[1]]
    about = [line for line in lines if "demand" in line]
    assert any("recognition of the frontiers" in line for line in about)
    assert not [line for line in about if "guarantee" in line and "demand for" in line], about
