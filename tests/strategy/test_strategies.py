"""Scripted strategies in the default scenario: the sources' argument, played out.

Each test plays one fixed plan for one or more delegations over 50 seeded games against
the scenario's default AI seats, and states the result it checks in its docstring.
"""

from __future__ import annotations

from tests.strategy.harness import mean_score, play, share
from tests.strategy.scripts import Script, accept_all, decline_all, decline_backing_down

COOPERATION = ("practical_cooperation", "game_changer")
TRACK = ("propose_planning_centre", "propose_fusion_centre", "propose_exercises",
         "propose_data_exchange")


def assuring_washington() -> Script:
    """Washington on the recommended path: the written assurance, then maximum openness
    and daily contact toward Moscow, and every step on the track it can propose."""
    return Script("assuring", [*TRACK, "political_assurance@moscow", "invite_observers@moscow",
                               "liaison_officers@moscow", "brief_plans@moscow",
                               "expert_talks@moscow"])


def practical_moscow() -> Script:
    """Moscow on the recommended path: once it holds the assurance it sets the demand aside,
    then turns to practical cooperation and keeps up contact."""
    return Script("practical", ["set_aside_demand", *TRACK, "liaison_officers@washington",
                                "brief_plans@washington", "expert_talks@nato",
                                "brief_plans@nato"])


def insisting_moscow(scenario):
    """Moscow insisting on the legal guarantee all game: it never sets the demand aside and
    accepts every offer except those that would back down from it; meanwhile it offers
    openness and contact to both partners."""
    back_downs = frozenset(a for d in scenario.scenario.demands for a in d.backed_down_by)
    return lambda: Script("insisting", ["brief_plans@washington", "liaison_officers@washington",
                                        "propose_data_exchange", "expert_talks@nato",
                                        "liaison_officers@nato"],
                          decline_backing_down(back_downs))


def waiting() -> Script:
    """A delegation that only waits, and declines whatever it is offered."""
    return Script("waiting", ["wait_and_see"], decline_all)


def home_front_washington(answer=accept_all):
    """Washington playing only home-front actions."""
    return lambda: Script("home front", ["coordinate_allies", "make_case_at_home",
                                         "wait_and_see"], answer)


def test_recommended_path_reaches_cooperation(scenario):
    """Washington gives the written assurance and transparency, Moscow sets its demand aside
    and turns to practical cooperation, NATO is the default seat: Practical cooperation or
    Game-changer in at least 80% of games."""
    results = play(scenario, {"washington": assuring_washington, "moscow": practical_moscow},
                   "recommended")
    assert share(results, *COOPERATION) >= 0.8


def test_recommended_moscow_against_default_seats_reaches_cooperation(scenario):
    """A Moscow team (the solo student) on the recommended path against the default
    Washington and NATO seats: Practical cooperation or Game-changer in at least 80%."""
    results = play(scenario, {"moscow": practical_moscow}, "recommended-moscow")
    assert share(results, *COOPERATION) >= 0.8


def test_recommended_path_sets_the_demand_aside_with_relief(scenario):
    """On the recommended path Moscow pays less than the full audience cost: the written
    assurance and the insight it gained ease the climb-down, in every game."""
    results = play(scenario, {"washington": assuring_washington, "moscow": practical_moscow},
                   "recommended")
    full = scenario.scenario.demands[0].audience_cost
    for state, _ in results:
        paid = [e for e in state.ledger if e.cause == "demand" and e.amount < 0]
        assert paid and all(-e.amount < full for e in paid)


def test_insisting_on_the_legal_guarantee_misses_the_opportunity(scenario):
    """A Moscow that insists on the legal guarantee all game ends in Missed opportunity or
    Breakdown in at least 90% of games."""
    results = play(scenario, {"moscow": insisting_moscow(scenario)}, "insisting")
    assert share(results, "missed_opportunity", "breakdown") >= 0.9
    assert all(("moscow", "legal_guarantee") in s.demands or s.breakdown
               for s, o in results if o.ending == "missed_opportunity")


def test_all_waiting_misses_the_opportunity_and_scores_worse(scenario):
    """When all three delegations only wait, the game always ends in Missed opportunity, and
    each role scores below what it scores on the recommended path (on average, and in
    every game where that path reached cooperation)."""
    idle = play(scenario, {r: waiting for r in scenario.role_ids}, "waiting")
    assert share(idle, "missed_opportunity") == 1.0
    path = play(scenario, {"washington": assuring_washington, "moscow": practical_moscow},
                "recommended")
    for role in scenario.role_ids:
        assert mean_score(idle, role) < mean_score(path, role)
        worked = [o.total(role) for _, o in path if o.ending in COOPERATION]
        assert min(worked) > max(o.total(role) for _, o in idle)


def test_home_front_washington_never_finishes_top(scenario):
    """A Washington that plays only home-front actions never finishes top (alone or tied),
    whether it accepts every offer or declines every offer."""
    for answer in (accept_all, decline_all):
        results = play(scenario, {"washington": home_front_washington(answer)},
                       f"home-front:{answer.__name__}")
        assert all("washington" not in o.winners() for _, o in results)


def test_wrecking_never_scores_top(scenario):
    """A delegation that only presses (criticism, warnings, suspending the talks) never
    finishes top, in any seat."""
    wreckers = {
        "washington": ["suspend_talks", "public_criticism@moscow", "announce_phase"],
        "moscow": ["suspend_talks", "public_warning", "public_criticism@washington"],
        "nato": ["alliance_statement@moscow", "criticise_ally@washington"],
    }
    for role, plan in wreckers.items():
        results = play(scenario, {role: lambda p=plan: Script("wrecker", p, decline_all)},
                       f"wrecker:{role}")
        assert all(role not in o.winners() for _, o in results)
