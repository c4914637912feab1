"""Scenarios for the persona tests: the default one, and a small two-role one built here."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from game.model.scenario import Scenario
from game.rules.compiled import CompiledScenario, compile_scenario

DEFAULT = Path(__file__).resolve().parents[2] / "scenarios" / "missile-defence-2011.yaml"


def _effects(*pairs):
    return [dict(p) for p in pairs]


def two_role_data() -> dict:
    """A small scenario with two roles named unlike the default ones, covering every family."""
    role = lambda rid, name: {  # noqa: E731 - a table row
        "id": rid, "name": name, "description": f"The {name} delegation.", "domestic_label": "Home",
        "start_support": 50, "briefing": "Keep the peace and your seat.",
        "objectives": [{"id": "home", "text": "Home at 45+.", "points": 3,
                        "when": {"support": [{"role": "self", "min": 45}]}}]}
    act = lambda aid, family, **kw: {  # noqa: E731 - a table row
        "id": aid, "name": aid.replace("_", " ").title(), "family": family, "cost": kw.pop("cost", 1),
        "description": aid, "teaching_note": aid, **kw}
    return {
        "id": "two_roles", "title": "Two roles", "summary": "A tiny case.", "rounds": 8,
        "rules": {"start_tension": 55, "default_trust": 30, "drift_base": 80, "drift_per_trust": 80,
                  "drift_rate": 30, "drift_max": 3},
        "roles": [role("north", "North"), role("south", "South")],
        "milestones": [
            {"id": "hotline", "name": "Hotline", "description": "A direct line.",
             "parties": ["north", "south"], "progress_needed": 2,
             "on_operating": [{"tension": -5}, {"trust": 5, "who": "north", "toward": "south"},
                              {"trust": 5, "who": "south", "toward": "north"}]},
            {"id": "joint_office", "name": "Joint office", "description": "Shared staff.",
             "parties": ["north", "south"], "requires": ["hotline"],
             "on_operating": [{"tension": -5}]}],
        "demands": [{"id": "treaty", "name": "a treaty", "audience_cost": 5, "satisfied_reward": 5,
                     "backed_down_by": ["propose_office"]}],
        "actions": [
            act("briefing", "transparency", target="role", concession=True,
                effects=[{"trust": 4, "who": "target", "toward": "actor"}, {"tension": -1},
                         {"progress": 1, "milestone": "hotline"}]),
            act("propose_hotline", "transparency", offer=True, concession=True, establishes="hotline",
                on_decline=[{"tension": 2}]),
            act("promise", "assurance", target="role", concession=True,
                effects=[{"trust": 3, "who": "target", "toward": "actor"}, {"support": -2}],
                commitment={"name": "a promise", "term": 2, "broken_by": ["denounce"],
                            "keep_reward": 3, "break_penalty": 6}),
            act("demand_treaty", "assurance", roles=["south"], target="role", makes_demand="treaty",
                effects=[{"support": 4}, {"tension": 3}, {"trust": -2, "who": "target",
                                                          "toward": "actor"}]),
            act("talks", "cooperation", target="role", offer=True, concession=True,
                on_accept=[{"trust": 3, "who": "responder", "toward": "actor"}]),
            act("propose_office", "cooperation", cost=2, offer=True, concession=True,
                establishes="joint_office"),
            act("denounce", "pressure", target="role",
                effects=[{"trust": -5, "who": "target", "toward": "actor"}, {"tension": 6},
                         {"support": 3}]),
            act("rally", "home_front", effects=[{"support": 4}]),
            act("wait", "home_front"),
        ],
        "endings": [
            {"id": "collapse", "name": "Collapse", "text": "It fell apart.", "when": {"breakdown": True}},
            {"id": "partners", "name": "Partners", "text": "Both arrangements.",
             "when": {"operating_count": {"min": 2}}, "points": {"north": 6, "south": 6}},
            {"id": "drift", "name": "Drift", "text": "Not much.", "when": {},
             "points": {"north": 2, "south": 2}}],
    }


@pytest.fixture(scope="session")
def default_scenario() -> CompiledScenario:
    """The default 2011 scenario, compiled."""
    with open(DEFAULT, encoding="utf-8") as fh:
        return compile_scenario(Scenario.model_validate(YAML(typ="safe").load(fh)))


@pytest.fixture(scope="session")
def two_roles() -> CompiledScenario:
    """The small two-role scenario, compiled."""
    return compile_scenario(Scenario.model_validate(two_role_data()))
