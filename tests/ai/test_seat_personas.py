"""The personas of the default seats: an assuring Washington, a holdout Moscow and an
alliance-minded NATO, each checked on the behaviour its name promises."""

from __future__ import annotations

from game.ai import ai_orders, ai_responses, make_policy
from game.model.actions import Action, Orders
from game.model.results import Reason, ReasonKind
from game.rules import apply_action, new_game
from game.session.runner import play_game


def test_assurer_answers_the_demand_with_a_written_assurance(default_scenario):
    """Facing a demand for a guarantee that would not be ratified, the assurer gives the
    written commitment it can make, in round 1."""
    game = default_scenario
    state = new_game(game, 1)
    orders, reasons = ai_orders(make_policy("assurer", game), state, game, "washington")
    assert Action("washington", "political_assurance", "moscow") in orders.actions
    trust = state.trust[("washington", "moscow")]
    assert reasons[0] == ("washington:political_assurance@moscow",
                          Reason(ReasonKind.WRITTEN_INSTEAD, ("moscow", trust)))


def test_holdout_declines_joint_exercises_while_its_demand_stands(default_scenario):
    """While its demand stands, the holdout declines a joint undertaking, saying why."""
    game = default_scenario
    state = new_game(game, 1)
    state.milestones["transparency_regime"] = "operating"  # a test set-up, never the rules'
    state = apply_action(state, game, Orders("washington", ()))
    state = apply_action(state, game, Orders("moscow", ()))
    state = apply_action(state, game, Orders("nato", (Action("nato", "propose_exercises"),)))
    answer, reasons = ai_responses(make_policy("holdout", game), state, game, "moscow")
    assert answer.decisions == (("nato:propose_exercises", False),)
    offer, why = reasons[0]
    assert offer == "nato:propose_exercises" and why.kind in (ReasonKind.DECLINES_JOINT,
                                                              ReasonKind.DECLINES_BACKING_DOWN)


def test_holdout_never_sets_its_demand_aside_without_a_commitment(default_scenario):
    """Against partners who give no written commitment, the holdout's demand stands all game."""
    game = default_scenario
    for seed in range(10):
        policies = {"washington": make_policy("reciprocator", game),
                    "moscow": make_policy("holdout", game),
                    "nato": make_policy("alliance", game)}
        state, _ = play_game(game, seed, policies)
        assert ("moscow", "legal_guarantee") in state.demands


def test_alliance_never_quarrels_with_its_ally_in_public(default_scenario):
    """In whole games against two hardliners, NATO's alliance seat never criticises its ally
    Washington in public (it never presses a partner it trusts as an ally)."""
    game = default_scenario
    for seed in range(10):
        policies = {"washington": make_policy("hardliner", game),
                    "moscow": make_policy("hardliner", game),
                    "nato": make_policy("alliance", game)}
        state, _ = play_game(game, seed, policies)
        for record in state.records:
            for a in record.orders:
                if a.role == "nato" and a.action_id == "criticise_ally":
                    raise AssertionError(f"the alliance seat criticised an ally in round {record.round}")
