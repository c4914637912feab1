"""Rule cases for start demands, aims, the newer requirements, relieved audience costs,
ratification odds, progress between parties and the facilitator's ending."""

from __future__ import annotations

import copy

from game.authoring.lint import lint
from game.model.actions import EndGame, Orders
from game.model.results import Detail, DetailKind, Refusal, RefusalKind, ScoreKind, ScorePart
from game.model.scenario import Scenario
from game.rules import apply_action, legal_actions, new_game, outcome
from game.rules.demands import audience_cost, ratification_odds
from game.words import outcome_name, outcome_text
from tests.helpers import (
    TWO_ROLES,
    a,
    compiled,
    default_scenario,
    entries,
    play_round,
    refusal,
    start,
    two_roles,
)


def _texts(state, sc, role):
    return {x.text() for x in legal_actions(state, sc, role)}


def _with_action(action_id: str, **changes) -> Scenario:
    """The two-role scenario with one action's fields changed."""
    data = copy.deepcopy(TWO_ROLES)
    for spec in data["actions"]:
        if spec["id"] == action_id:
            spec.update(changes)
    return Scenario.model_validate(data)


def test_start_demands_stand_in_round_one():
    """A demand listed in start_demands stands before anyone has made it."""
    sc, s = start(two_roles(start_demands=[{"role": "south", "demand": "treaty_demand"}]))
    assert ("south", "treaty_demand") in s.demands


def test_default_game_opens_with_moscows_demand_standing():
    """The default game opens in the 2011 impasse: Moscow's demand for a legal guarantee stands."""
    sc = compiled(default_scenario())
    assert ("moscow", "legal_guarantee") in new_game(sc, 1).demands


def test_aims_limit_actors_and_targets():
    """With `aims`, only the listed roles may take the action, and only at the listed targets."""
    sc = compiled(default_scenario())
    s = new_game(sc, 1)
    assert {t for t in _texts(s, sc, "washington") if "legal_guarantee" in t} == {
        "washington:legal_guarantee@moscow"}
    assert not [t for t in _texts(s, sc, "nato") if "legal_guarantee" in t]
    assert not [t for t in _texts(s, sc, "moscow") if "legal_guarantee@nato" in t]


def test_aimed_action_at_an_unlisted_target_is_illegal():
    """Ordering an aimed action at a role it may not be aimed at is refused with a reason."""
    sc = compiled(default_scenario())
    s = new_game(sc, 1)
    move = Orders("washington", (a("washington:political_assurance@nato"),))
    assert refusal(sc, s, move) == \
        Refusal(RefusalKind.BAD_TARGET, ("washington:political_assurance@nato",))


def test_from_round_opens_an_action_in_its_round():
    """An action with an earliest round is closed before it and open from it on."""
    sc = _with_action("shout", requires={"from_round": 2})
    sc, s = start(sc)
    assert "north:shout" not in _texts(s, sc, "north")
    s, _ = play_round(s, sc, {})
    assert "north:shout" in _texts(s, sc, "north")


def test_target_demands_opens_only_toward_a_demanding_target():
    """An action that needs its target to stand by a demand is open only toward such a target."""
    sc = _with_action("treaty", requires={"target_demands": "treaty_demand"})
    sc, s = start(sc)
    assert "north:treaty@south" not in _texts(s, sc, "north")
    s, _ = play_round(s, sc, {"south": ["south:demand@north"]})
    assert "north:treaty@south" in _texts(s, sc, "north")


def test_received_commitment_needs_a_running_or_kept_commitment():
    """An action that needs a received commitment opens once the actor holds one, and stays
    open after it is kept, but not after it is broken."""
    sc = _with_action("wait", requires={"received_commitment": "promise"})
    sc, s = start(sc)
    assert "south:wait" not in _texts(s, sc, "south")
    s, _ = play_round(s, sc, {"north": ["north:promise@south"]})
    assert "south:wait" in _texts(s, sc, "south")
    broken, _ = play_round(s, sc, {"north": ["north:shout"]})
    assert "south:wait" not in _texts(broken, sc, "south")
    kept, _ = play_round(s, sc, {})
    kept, _ = play_round(kept, sc, {})
    assert [c.status for c in kept.commitments] == ["kept"]
    assert "south:wait" in _texts(kept, sc, "south")


def test_insight_and_assurance_relieve_the_audience_cost():
    """Backing down costs the audience cost, less the relief for transparency measures and
    commitments the demander holds, never below the floor."""
    sc = compiled(default_scenario())
    demand = sc.scenario.demands[0]
    s = new_game(sc, 1)
    assert audience_cost(s, demand, "moscow") == demand.audience_cost
    s, _ = play_round(s, sc, {"washington": ["washington:political_assurance@moscow",
                                             "washington:brief_plans@moscow"]})
    relieved = demand.audience_cost - demand.commitment_relief["political_assurance"] \
        - demand.insight_relief
    assert audience_cost(s, demand, "moscow") == relieved
    s, _ = play_round(s, sc, {"moscow": ["moscow:set_aside_demand"]})
    paid = entries(s, "support.moscow", "demand")
    eased = demand.audience_cost - relieved
    assert [e.amount for e in paid] == [-relieved]
    assert paid[0].detail == Detail(DetailKind.BACKED_DOWN, (demand.id, eased))


def test_set_aside_needs_the_written_assurance():
    """Moscow can accept a written assurance only once it holds one."""
    sc = compiled(default_scenario())
    s = new_game(sc, 1)
    assert "moscow:set_aside_demand" not in _texts(s, sc, "moscow")
    s, _ = play_round(s, sc, {"washington": ["washington:political_assurance@moscow"]})
    assert "moscow:set_aside_demand" in _texts(s, sc, "moscow")


def test_ratification_odds_follow_current_support():
    """The odds are the ratification chance at the actor's current support; None when the
    action needs no ratification."""
    sc = compiled(default_scenario())
    s = new_game(sc, 1)
    guarantee = sc.action("legal_guarantee").ratification
    odds = ratification_odds(s, sc, a("washington:legal_guarantee@moscow"))
    assert odds == guarantee.chance(s.support["washington"]) and odds <= guarantee.max_percent
    assert ratification_odds(s, sc, a("washington:brief_plans@moscow")) is None


def test_progress_counts_only_between_parties():
    """A briefing between two parties of a milestone advances it; one from a non-party does not."""
    sc = compiled(default_scenario())
    s = new_game(sc, 1)
    before = s.progress["transparency_regime"]
    by_nato, _ = play_round(s, sc, {"nato": ["nato:brief_plans@moscow"]})
    by_us, _ = play_round(s, sc, {"washington": ["washington:brief_plans@moscow"]})
    assert by_nato.progress["transparency_regime"] == before
    assert by_us.progress["transparency_regime"] == before + 1


def test_facilitator_stop_has_its_own_ending():
    """A game the facilitator ends is 'Stopped by the facilitator in round N', with no
    ending points; objectives are still scored as they stand."""
    sc, s = start()
    s, _ = play_round(s, sc, {})
    s = apply_action(s, sc, EndGame())
    result = outcome(s, sc)
    assert (result.ending, result.round) == ("stopped", 2)
    assert all(parts[0] == ScorePart(ScoreKind.ENDING, "stopped", 0)
               for parts in result.scores.values())
    assert outcome_name(sc, result) == "Stopped by the facilitator in round 2"
    assert "rounds ran out" not in outcome_text(sc, result)


def test_a_game_that_runs_its_course_is_not_stopped():
    """A game that plays all its rounds ends with a scenario ending, not the facilitator's."""
    sc, s = start()
    while s.phase != "over":
        s, _ = play_round(s, sc, {})
    assert outcome(s, sc).ending != "stopped"


def test_lint_names_unknown_ids_in_the_new_fields():
    """start_demands, default_seats, aims and the new requirements are cross-checked."""
    data = copy.deepcopy(TWO_ROLES)
    data["start_demands"] = [{"role": "west", "demand": "treaty_demand"}]
    data["default_seats"] = {"north": "nobody"}
    for spec in data["actions"]:
        if spec["id"] == "gift":
            spec["aims"] = {"north": ["east"]}
            spec["requires"] = {"received_commitment": "gift"}
    messages = [p.message for p in lint(Scenario.model_validate(data))]
    assert any("unknown role 'west'" in m for m in messages)
    assert any("unknown persona 'nobody'" in m for m in messages)
    assert any("unknown role 'east'" in m for m in messages)
    assert any("action with a commitment 'gift'" in m for m in messages)
