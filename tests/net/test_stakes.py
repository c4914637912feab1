"""The hosted pages show what the scenario puts at stake: standing public demands with the
audience cost of backing down now (public, on every page), and a legal instrument's
ratification odds beside it in the acting team's own menu only (private to that team)."""

from __future__ import annotations

import json

from game.model.actions import Action
from game.rules import audience_cost, ratification_odds
from tests.net.conftest import make_game


def _stakes_items(data: dict) -> list[dict]:
    return [m for m in data["menu"] if m["odds"] is not None or m["backing_down"] is not None]


def test_every_page_shows_the_standing_demand_with_its_cost_now(hosted, scenario):
    state = hosted.session.state
    (role, demand_id), = state.demands
    demand = next(d for d in scenario.demands if d.id == demand_id)
    expected = [{"role": scenario.role(role).name, "name": demand.name,
                 "cost": audience_cost(state, demand, role),
                 "label": scenario.role(role).domestic_label}]
    assert expected[0]["cost"] > 0
    assert hosted.board_data()["demands"] == expected
    assert all(hosted.team_data(r)["demands"] == expected for r in scenario.role_ids)


def test_a_ratification_shows_its_odds_only_in_the_acting_teams_menu(hosted, scenario):
    state = hosted.session.state
    shown = {r: _stakes_items(hosted.team_data(r)) for r in scenario.role_ids}
    rated = [(r, m) for r, items in shown.items() for m in items if m["odds"] is not None]
    assert rated, "the default scenario offers a legal instrument in round 1"
    for role, item in rated:
        action = Action.from_text(item["id"])
        assert action.role == role
        assert item["odds"] == ratification_odds(state, hosted.session.game, action)
        assert item["support"] == state.support[role]
        assert item["support_label"] == scenario.role(role).domestic_label
        assert item["label"] != item["support_label"]  # the action's own label stays
    board = json.dumps(hosted.board_data())
    assert '"odds"' not in board and '"menu"' not in board


def test_an_order_that_backs_down_shows_what_it_costs_now(tmp_path, scenario):
    """Once Moscow holds the written assurance it may set its demand aside; its menu says
    what backing down costs now, eased by the assurance."""
    game = make_game(tmp_path, scenario, seed=7)
    session = game.session
    demander, demand_id = next(iter(session.state.demands))
    demand = next(d for d in scenario.demands if d.id == demand_id)
    rounds_played = _play_until_backing_down_is_open(game, demander)
    item = next(m for m in _stakes_items(game.team_data(demander)) if m["backing_down"] is not None)
    assert rounds_played >= 1
    assert item["backing_down"] == audience_cost(session.state, demand, demander) < demand.audience_cost


def _play_until_backing_down_is_open(game, demander: str) -> int:
    """Every other team gives the first assurance it may aim at the demander; the demander
    waits; every offer is accepted. Returns the rounds played until an order that backs
    down from the demand is open to the demander."""
    session = game.session
    for played in range(session.rounds):
        if any(m["open"] and m["backing_down"] is not None for m in game.team_data(demander)["menu"]):
            return played
        for role in session.waiting_for():
            picks = [a for a in session.legal(role) if role != demander
                     and a.target == demander and session.game.action(a.action_id).family == "assurance"]
            game.submit_orders(role, f"key-{played}-{role}", [a.text() for a in picks[:1]],
                              wait=not picks)
        for role in session.waiting_for() if session.state.phase == "responses" else ():
            offers = {o["key"]: True for o in game.team_data(role)["offers"]}
            game.submit_responses(role, f"ans-{played}-{role}", offers)
    raise AssertionError("no order that backs down ever opened")


def test_accepting_a_step_the_demand_rules_out_counts_as_backing_down(hosted, scenario):
    """An offer the demander would accept shows the same cost: accepting a step the demand
    rules out (in `backed_down_by`) backs down from it; other steps cost nothing."""
    from game.net.stakes import backing_down

    state, game = hosted.session.state, hosted.session.game
    (role, demand_id), = state.demands
    demand = next(d for d in scenario.demands if d.id == demand_id)
    ruled_out = demand.backed_down_by[0]
    assert backing_down(state, game, role, ruled_out) == audience_cost(state, demand, role)
    unrelated = next(a.id for a in scenario.actions
                     if a.id not in demand.backed_down_by and a.drops_demand != demand_id)
    assert backing_down(state, game, role, unrelated) is None
    other = next(r for r in scenario.role_ids if r != role)
    assert backing_down(state, game, other, ruled_out) is None  # no demand of its own stands
