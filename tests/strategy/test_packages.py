"""Three successful deals in the default case, each with a different winner.

All three delegations are scripted: each proposes the same package in the talks and
accepts it, then carries out its terms and the recommended path (Washington's written
assurance, Moscow setting its demand aside, the cooperation track). The packages divide
the gains differently, and the orders that go with them serve different objectives, so
the delegation that finishes top depends on the terms agreed:

- Washington's deal: the written assurance, data exchange and observers, coordinated
  centres and no review clause; Washington also makes its case at home and with the allies.
- Moscow's deal: objective criteria Moscow can check and a real say in the joint centres,
  with an annual review; the planning centre gives Moscow its say.
- NATO's deal: objective criteria, centres coordinated through the alliance and an annual
  review; NATO consults its capitals to keep them together.
"""

from __future__ import annotations

from tests.strategy.harness import mean_score, play, share
from tests.strategy.scripts import Script

COOPERATION = ("practical_cooperation", "game_changer")
TRACK = ("propose_planning_centre", "propose_fusion_centre", "propose_exercises",
         "propose_data_exchange")

#: Deal name -> (package, Washington's plan, Moscow's plan, NATO's plan).
DEALS = {
    "washington": (
        {"assurance": "written", "transparency": "data_and_observers", "centres": "coordinated",
         "review": "none"},
        ["political_assurance@moscow", *TRACK, "invite_observers@moscow", "make_case_at_home",
         "coordinate_allies", "brief_plans@moscow", "liaison_officers@moscow"],
        ["set_aside_demand", *TRACK, "liaison_officers@washington", "brief_plans@washington",
         "expert_talks@nato"],
        [*TRACK, "liaison_officers@moscow", "expert_talks@moscow"]),
    "moscow": (
        {"assurance": "written", "transparency": "criteria", "centres": "joint_say",
         "review": "annual"},
        ["political_assurance@moscow", *TRACK, "brief_plans@moscow", "invite_observers@moscow",
         "liaison_officers@moscow", "expert_talks@moscow"],
        ["set_aside_demand", *TRACK, "share_concerns@washington", "make_case_at_home",
         "liaison_officers@washington", "brief_plans@nato"],
        [*TRACK, "expert_talks@moscow", "brief_plans@moscow", "liaison_officers@moscow"]),
    "nato": (
        {"assurance": "written", "transparency": "criteria", "centres": "coordinated",
         "review": "annual"},
        ["political_assurance@moscow", *TRACK, "brief_plans@moscow", "invite_observers@moscow",
         "expert_talks@moscow"],
        ["set_aside_demand", *TRACK, "share_concerns@washington", "liaison_officers@nato",
         "expert_talks@nato"],
        [*TRACK, "consult_members", "expert_talks@moscow", "brief_plans@moscow",
         "liaison_officers@moscow"]),
}


def _play_deal(scenario, name: str):
    package, *plans = DEALS[name]
    scripts = {role: (lambda r=role, p=plan: Script(f"{name} deal: {r}", p, talk=[package]))
               for role, plan in zip(("washington", "moscow", "nato"), plans, strict=True)}
    return package, play(scenario, scripts, f"deal:{name}")


def _top(scenario, results) -> str:
    """The role with the highest mean score."""
    return max(scenario.role_ids, key=lambda r: mean_score(results, r))


def test_three_deals_succeed_with_different_winners(scenario):
    """Each scripted deal is in force at the end and reaches Practical cooperation or
    Game-changer in at least 90% of games; the role with the highest mean score is the one
    the deal favours (and it finishes top alone in most games), so the three deals have
    three different top scorers."""
    tops = {}
    for name in DEALS:
        package, results = _play_deal(scenario, name)
        terms = tuple(package.items())
        in_force = [s for s, _ in results
                    if s.agreement is not None and s.agreement.status == "in_force"]
        assert len(in_force) >= 0.9 * len(results), name
        assert all(s.agreement.terms == terms for s in in_force), name
        assert share(results, *COOPERATION) >= 0.9, name
        tops[name] = _top(scenario, results)
        alone = sum(1 for _, o in results if o.winners() == [tops[name]])
        assert alone >= 0.6 * len(results), (name, alone)
    assert tops == {name: name for name in DEALS}, tops
    assert len(set(tops.values())) == 3
