"""The talks' rules (docs/rules.md, "The talks"): moves, privacy, agreement, ratification,
terms carried out or broken, scores against walk-away values, and the frontier."""

from __future__ import annotations

import copy
import json

import pytest

from game.model.actions import IllegalAction, Talk, move_from_text
from game.model.results import DetailKind, RefusalKind, ScoreKind
from game.model.scenario import Scenario
from game.rules import apply_action, compile_scenario, new_game, outcome, view_for
from game.rules.talks import open_proposals, proposals_to
from game.rules.values import frontier, measure_deal, walk_away
from tests.helpers import TWO_ROLES, play_round

TALKS = {
    "from_round": 1,
    "on_agreement": [{"tension": -5}],
    "issues": [
        {"id": "form", "name": "Form", "options": [
            {"id": "none", "name": "None", "values": {"north": 4, "south": 0}},
            {"id": "written", "name": "Written", "values": {"north": 3, "south": 4},
             "terms": [{"role": "north", "toward": "south", "name": "sign", "do": ["promise"],
                        "term": 2}]},
            {"id": "treaty", "name": "Treaty", "values": {"north": 0, "south": 9},
             "ratification": {"role": "north", "threshold": 90, "on_fail": [
                 {"support": -5, "who": "actor"}]}},
        ]},
        {"id": "calm", "name": "Calm", "options": [
            {"id": "free", "name": "Free", "values": {"north": 2, "south": 2}},
            {"id": "quiet", "name": "Quiet", "values": {"north": 4, "south": 3},
             "terms": [{"role": "south", "toward": "north", "name": "no shouting",
                        "avoid": ["shout"], "term": 2}],
             "min_support": {"south": 40}},
        ]},
    ],
    "walk_away": {"north": {"value": 5, "changes": [{"when": {"tension": {"min": 60}},
                                                       "amount": -3}]},
                  "south": {"value": 4}},
}


def scenario(**talks) -> Scenario:
    data = copy.deepcopy(TWO_ROLES)
    data["negotiation"] = {**copy.deepcopy(TALKS), **talks}
    return Scenario.model_validate(data)


@pytest.fixture
def game():
    return compile_scenario(scenario())


WRITTEN_QUIET = (("form", "written"), ("calm", "quiet"))
TREATY_FREE = (("form", "treaty"), ("calm", "free"))


def propose(state, game, terms=WRITTEN_QUIET, role="north", to=("south",)):
    return apply_action(state, game, Talk(role, "propose", 0, to, terms))


def test_a_talk_move_round_trips_through_its_text():
    move = Talk("north", "propose", 0, ("south",), WRITTEN_QUIET)
    assert move.text() == "T north propose 0 south form=written,calm=quiet"
    assert move_from_text(move.text()) == move
    answer = Talk("south", "accept", 3)
    assert move_from_text(answer.text()) == answer


def test_accepting_a_proposal_agrees_the_package_and_closes_the_talks(game):
    state = propose(new_game(game, 1), game)
    (p,) = proposals_to(state, "south")
    state = apply_action(state, game, Talk("south", "accept", p.id))
    assert state.agreement.terms == WRITTEN_QUIET and state.agreement.status == "pending"
    assert state.agreement.parties == ("north", "south")
    with pytest.raises(IllegalAction) as err:
        propose(state, game)
    assert err.value.refusal.kind == RefusalKind.TALKS_SETTLED


def test_a_counter_closes_the_proposal_and_goes_back_to_its_sender(game):
    state = propose(new_game(game, 1), game)
    state = apply_action(state, game, Talk("south", "counter", 1, (), TREATY_FREE))
    assert [p.id for p in open_proposals(state)] == [2]
    assert state.talks[-1].to == ("north",)
    state = apply_action(state, game, Talk("north", "decline", 2))
    assert open_proposals(state) == []


@pytest.mark.parametrize("move, kind", [
    (Talk("north", "propose", 0, (), WRITTEN_QUIET), RefusalKind.NO_ADDRESSEE),
    (Talk("north", "propose", 0, ("north",), WRITTEN_QUIET), RefusalKind.NO_ADDRESSEE),
    (Talk("north", "propose", 0, ("south",), (("form", "written"),)), RefusalKind.BAD_PACKAGE),
    (Talk("north", "propose", 0, ("south",), (("form", "gold"), ("calm", "free"))),
     RefusalKind.BAD_PACKAGE),
    (Talk("south", "accept", 7), RefusalKind.NO_PROPOSAL),
    (Talk("south", "withdraw", 1), RefusalKind.NO_PROPOSAL),
])
def test_a_bad_message_is_refused_with_its_reason(game, move, kind):
    state = new_game(game, 1)
    with pytest.raises(IllegalAction) as err:
        apply_action(state, game, move)
    assert err.value.refusal.kind == kind


def test_a_delegation_sends_at_most_its_messages_a_round():
    game = compile_scenario(scenario(messages_per_round=2))
    state = propose(new_game(game, 1), game)
    state = apply_action(state, game, Talk("north", "withdraw", 1))
    with pytest.raises(IllegalAction) as err:
        propose(state, game)
    assert err.value.refusal.kind == RefusalKind.TALK_LIMIT


def test_accepting_needs_the_support_an_option_asks():
    data = copy.deepcopy(TALKS)
    data["issues"][1]["options"][1]["min_support"] = {"south": 90}
    game = compile_scenario(scenario(**data))
    state = propose(new_game(game, 1), game)
    with pytest.raises(IllegalAction) as err:
        apply_action(state, game, Talk("south", "accept", 1))
    assert err.value.refusal.kind == RefusalKind.ACCEPT_SUPPORT


def test_proposals_are_private_to_their_parties_and_the_agreement_is_public():
    data = copy.deepcopy(TWO_ROLES)
    data["roles"].append({**data["roles"][1], "id": "east", "name": "East"})
    for ending in data["endings"]:
        ending["points"]["east"] = 0
    data["negotiation"] = copy.deepcopy(TALKS)
    data["negotiation"]["walk_away"]["east"] = {"value": 0}
    game = compile_scenario(Scenario.model_validate(data))
    state = propose(new_game(game, 1), game)
    assert view_for(state, game, "east").talks == ()
    assert view_for(state, game, None).talks == ()
    assert "written" not in json.dumps(view_for(state, game, "east").to_dict())
    assert view_for(state, game, "south").talks == state.talks
    state = apply_action(state, game, Talk("south", "accept", 1))
    assert view_for(state, game, "east").agreement == state.agreement


def agreed(game, terms, seed=1):
    state = propose(new_game(game, seed), game, terms)
    return apply_action(state, game, Talk("south", "accept", 1))


def test_an_agreement_enters_into_force_and_its_terms_run(game):
    state = agreed(game, WRITTEN_QUIET)
    state, _ = play_round(state, game, {"north": ["north:promise@south"]})
    assert state.agreement.status == "in_force"
    sign, quiet = state.terms
    assert (sign.status, sign.ended) == ("kept", 1)
    assert quiet.status == "active"
    kinds = [e.detail.kind for e in state.ledger]
    assert DetailKind.IN_FORCE in kinds and DetailKind.TERM_KEPT in kinds
    state, _ = play_round(state, game, {"south": ["south:shout"]})
    assert state.terms[1].status == "broken"
    assert state.ledger[-1].detail.kind in (DetailKind.TERM_BROKEN, DetailKind.DRIFT) or any(
        e.detail.kind == DetailKind.TERM_BROKEN for e in state.ledger)


def test_a_deed_not_done_in_its_term_is_broken(game):
    state = agreed(game, WRITTEN_QUIET)
    state, _ = play_round(state, game, {})
    state, _ = play_round(state, game, {})
    assert state.terms[0].status == "broken"


def test_a_failed_ratification_ends_the_agreement_and_the_option_leaves_the_talks(game):
    state = agreed(game, TREATY_FREE)
    support = state.support["north"]
    state, _ = play_round(state, game, {})
    assert state.agreement.status == "failed"
    assert state.support["north"] == support - 5
    assert ("form", "treaty") in state.rejected
    with pytest.raises(IllegalAction) as err:
        propose(state, game, TREATY_FREE)
    assert err.value.refusal.kind == RefusalKind.REJECTED
    propose(state, game)  # the talks are open again for other packages


def test_scores_count_the_agreed_terms_or_the_walk_away_value(game):
    state = agreed(game, WRITTEN_QUIET)
    state, _ = play_round(state, game, {"north": ["north:promise@south"]})
    while not state.over:
        state, _ = play_round(state, game, {})
    parts = {r: {p.kind: p for p in ps} for r, ps in outcome(state, game).scores.items()}
    assert parts["north"][ScoreKind.TERMS].points == 3 + 4
    assert parts["south"][ScoreKind.TERMS].points == 4 + 3
    state = new_game(game, 1)
    while not state.over:
        state, _ = play_round(state, game, {})
    parts = {r: {p.kind: p for p in ps} for r, ps in outcome(state, game).scores.items()}
    assert parts["north"][ScoreKind.WALK_AWAY].points == walk_away(state, game, "north")
    assert parts["south"][ScoreKind.WALK_AWAY].points == 4


def test_walk_away_values_move_with_the_game_state(game):
    state = new_game(game, 1)
    assert walk_away(state, game, "north") == 5
    state, _ = play_round(state, game, {"north": ["north:shout"], "south": ["south:shout"]})
    assert state.tension >= 60
    assert walk_away(state, game, "north") == 2


def test_the_frontier_holds_the_efficient_packages_in_the_zone(game):
    points = frontier(game)
    terms = {p.terms for p in points}
    assert WRITTEN_QUIET in terms  # 7/7
    assert (("form", "none"), ("calm", "free")) not in terms  # 6/2: south below 4
    deal = measure_deal(game, (("form", "written"), ("calm", "free")))
    assert not deal.efficient and deal.left_on_table == 3
    assert measure_deal(game, WRITTEN_QUIET).efficient


def test_the_same_seed_and_messages_give_the_same_ledger(game):
    runs = []
    for _ in range(2):
        state = agreed(game, TREATY_FREE, seed=9)
        state, _ = play_round(state, game, {})
        runs.append([e.as_data() for e in state.ledger])
    assert runs[0] == runs[1]


def _refused(state, game, move):
    with pytest.raises(IllegalAction) as caught:
        apply_action(state, game, move)
    return caught.value.refusal


def test_the_same_proposal_twice_is_refused_while_the_first_is_open(game):
    """A delegation may not send again a package it has open to the same delegations; once
    the first is answered, or to other delegations, or another package, it may."""
    state = propose(new_game(game, 1), game)
    refusal = _refused(state, game, Talk("north", "propose", 0, ("south",), WRITTEN_QUIET))
    assert (refusal.kind, refusal.args) == (RefusalKind.DUPLICATE, (1,))
    state = propose(state, game, TREATY_FREE)  # another package is a new proposal
    state = apply_action(state, game, Talk("south", "decline", 1))
    propose(state, game)  # the first is closed: the package may be proposed again


def test_a_counter_identical_to_an_own_open_proposal_is_refused(game):
    state = propose(new_game(game, 1), game, TREATY_FREE, role="south", to=("north",))
    state = propose(state, game, WRITTEN_QUIET, role="north", to=("south",))
    refusal = _refused(state, game, Talk("north", "counter", 1, (), WRITTEN_QUIET))
    assert (refusal.kind, refusal.args) == (RefusalKind.DUPLICATE, (2,))


@pytest.mark.parametrize("closing, how, by", [
    (Talk("south", "counter", 1, (), TREATY_FREE), "countered", "south"),
    (Talk("south", "decline", 1), "declined", "south"),
    (Talk("north", "withdraw", 1), "withdrawn", "north"),
])
def test_answering_a_closed_proposal_says_what_closed_it(game, closing, how, by):
    """The refusal names what happened to the proposal, as data, for an answer and for a
    withdrawal alike."""
    state = apply_action(propose(new_game(game, 1), game), game, closing)
    for move in (Talk("south", "accept", 1), Talk("south", "decline", 1),
                 Talk("north", "withdraw", 1)):
        refusal = _refused(state, game, move)
        assert (refusal.kind, refusal.args) == (RefusalKind.PROPOSAL_CLOSED, (1, how, by)), move


def test_a_proposal_of_a_past_round_says_so(game):
    state, _ = play_round(propose(new_game(game, 1), game), game, {})
    refusal = _refused(state, game, Talk("south", "accept", 1))
    assert (refusal.kind, refusal.args) == (RefusalKind.PROPOSAL_CLOSED, (1, "past", ""))
    state = propose(state, game)  # one never addressed to the role is no proposal of its
    assert _refused(state, game, Talk("north", "accept", 2)).kind == RefusalKind.NO_PROPOSAL
