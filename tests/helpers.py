"""Tiny helpers that keep each rule test to a few lines."""

from __future__ import annotations

import copy
from pathlib import Path

from ruamel.yaml import YAML

from game.model.actions import Action, IllegalAction, Orders, Responses
from game.model.results import Refusal
from game.model.scenario import Scenario
from game.rules import apply_action, awaiting_response, new_game, offers_to, resolve_round
from game.rules.compiled import CompiledScenario, compile_scenario

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "scenarios" / "missile-defence-2011.yaml"

E = dict  # an effect, written like the YAML


def act(id_, family="transparency", cost=1, **kw):
    """An action spec as a dict, with the required texts filled in."""
    return {"id": id_, "name": id_.replace("_", " "), "family": family, "cost": cost,
            "description": f"{id_} description", "teaching_note": f"{id_} note", **kw}


TWO_ROLES = {
    "id": "two_roles", "title": "North and South", "summary": "A two-role test case.",
    "rounds": 4,
    "rules": {"points_per_round": 2, "start_tension": 40, "default_trust": 40,
              "drift_base": 40, "drift_per_trust": 0, "drift_rate": 0, "drift_max": 0,
              "trust_gain_percent": 100, "repeat_decay": [100, 50, 25], "grit_bonus": 3,
              "fog_width": 30, "fog_narrow": 10, "fog_min": 4},
    "roles": [
        {"id": "north", "name": "North", "description": "d", "domestic_label": "Parliament",
         "start_support": 50, "briefing": "b",
         "objectives": [{"id": "calm", "text": "keep calm", "points": 2,
                         "when": {"tension": {"max": 45}}}]},
        {"id": "south", "name": "South", "description": "d", "domestic_label": "Council",
         "start_support": 50, "briefing": "b",
         "objectives": [{"id": "trusted", "text": "be trusted", "points": 3,
                         "when": {"trust": [{"from": "north", "to": "self", "min": 60}]}}]},
    ],
    "milestones": [
        {"id": "talks", "name": "Talks", "description": "d", "parties": ["north", "south"],
         "on_operating": [E(tension=-5)]},
        {"id": "centre", "name": "Centre", "description": "d", "parties": ["north", "south"],
         "requires": ["talks"], "progress_needed": 0},
    ],
    "demands": [{"id": "treaty_demand", "name": "a treaty", "audience_cost": 6,
                 "satisfied_reward": 4, "backed_down_by": ["propose_centre"]}],
    "actions": [
        act("gift", target="role", concession=True,
            effects=[E(trust=10, who="target", toward="actor"), E(transparency=1, who="actor")]),
        act("wait", family="home_front"),
        act("shout", family="pressure", effects=[E(tension=30), E(support=5, who="actor")]),
        act("promise", family="assurance", target="role", concession=True,
            requires={"min_support": 30},
            commitment={"name": "promise", "term": 2, "broken_by": ["shout"],
                        "keep_reward": 5, "break_penalty": 12}),
        act("treaty", family="assurance", cost=2, target="role", satisfies_demand="treaty_demand",
            ratification={"threshold": 50, "percent_per_point": 2, "max_percent": 100,
                          "on_fail": [E(support=-7, who="actor")]},
            commitment={"name": "treaty", "term": 3, "broken_by": ["shout"],
                        "keep_reward": 5, "break_penalty": 10}),
        act("demand", family="assurance", target="role", makes_demand="treaty_demand",
            effects=[E(support=5, who="actor"), E(tension=4)]),
        act("observe", target="role", offer=True, concession=True,
            on_accept=[E(trust=6, who="responder", toward="actor")],
            on_decline=[E(trust=-2, who="actor", toward="responder"), E(tension=1)]),
        act("propose_talks", family="cooperation", offer=True, establishes="talks"),
        act("propose_centre", family="cooperation", offer=True, establishes="centre"),
        act("leave", family="pressure", target="milestone", withdraws=True,
            effects=[E(tension=5)]),
    ],
    "events": [
        {"id": "opening", "title": "Opening", "text": "t", "kind": "scripted", "round": 1,
         "effects": [E(tension=1)]},
        {"id": "alarm", "title": "Alarm", "text": "t", "kind": "conditional",
         "when": {"tension": {"min": 60}}, "effects": [E(support=-1, who="all")]},
        {"id": "rumour", "title": "Rumour", "text": "t", "kind": "deck", "weight": 1,
         "once": False},
    ],
    "endings": [
        {"id": "breakdown", "name": "Breakdown", "text": "t", "when": {"breakdown": True},
         "points": {"north": 0, "south": 0}},
        {"id": "deal", "name": "Deal", "text": "t", "when": {"operating": ["centre"]},
         "points": {"north": 8, "south": 8}},
        {"id": "stalemate", "name": "Stalemate", "text": "t", "when": {},
         "points": {"north": 1, "south": 1}},
    ],
    "discussion": ["Why?"],
}


def two_roles(**changes) -> Scenario:
    """The two-role scenario, with top-level or rules changes applied."""
    data = copy.deepcopy(TWO_ROLES)
    for key, value in changes.items():
        if key in data["rules"]:
            data["rules"][key] = value
        else:
            data[key] = value
    return Scenario.model_validate(data)


def with_support(**levels: int) -> Scenario:
    """The two-role scenario with some roles' starting support changed."""
    roles = [{**r, "start_support": levels.get(r["id"], r["start_support"])} for r in TWO_ROLES["roles"]]
    return two_roles(roles=roles)


def default_scenario() -> Scenario:
    """The default scenario, read straight from its file."""
    return Scenario.model_validate(YAML(typ="safe").load(DEFAULT.read_text(encoding="utf-8")))


def a(text: str) -> Action:
    """An action from its text form."""
    return Action.from_text(text)


def play_round(state, sc, orders: dict[str, list[str]], accept=True):
    """Give every role's orders (missing roles give none), answer every offer, resolve."""
    for role in sc.role_ids:
        state = apply_action(state, sc, Orders(role, tuple(a(t) for t in orders.get(role, []))))
    while state.phase == "responses":
        for role in awaiting_response(state, sc):
            ok = accept if isinstance(accept, bool) else accept.get(role, True)
            state = apply_action(state, sc, Responses(
                role, tuple((o.key, ok) for o in offers_to(state, sc, role))))
    state, record = resolve_round(state, sc)
    return state, record


def compiled(sc: Scenario | CompiledScenario) -> CompiledScenario:
    """The scenario compiled (unchanged if it already is)."""
    return sc if isinstance(sc, CompiledScenario) else compile_scenario(sc)


def start(sc=None, seed=1):
    """A new game of the two-role scenario (or `sc`): the compiled scenario and the state."""
    game = compiled(sc or two_roles())
    return game, new_game(game, seed)


def refusal(sc, state, move) -> Refusal:
    """Why the rules refuse `move` in `state` (AssertionError if they allow it)."""
    try:
        apply_action(state, sc, move)
    except IllegalAction as exc:
        return exc.refusal
    raise AssertionError(f"the rules allowed {move}")


def entries(state, meter=None, cause=None, round_no=None):
    """Ledger entries filtered by meter, cause and round."""
    return [e for e in state.ledger if (meter is None or e.meter == meter)
            and (cause is None or e.cause == cause) and (round_no is None or e.round == round_no)]
