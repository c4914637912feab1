"""Scenario lint, the check command and the schema export: one short test per rule."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from game.authoring import check as check_module
from game.authoring.check import run_check
from game.authoring.companion import is_companion
from game.authoring.lint import lint, unfold
from game.authoring.loader import Problem, ScenarioError, load_text_with_source
from game.authoring.schema_export import SCHEMA_PATH, scenario_json_schema, write_schema
from game.model.scenario import Scenario
from tests.engine.test_loader import VALID, VALID_PATH, at, variant

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def lint_of(text: str) -> list[Problem]:
    """Every lint problem of scenario text that passes the schema."""
    scenario, source = load_text_with_source(text, "s.yaml", lint=False)
    return lint(scenario, source)


def only(text: str) -> Problem:
    """The single lint problem of the text."""
    found = lint_of(text)
    assert len(found) == 1, [p.text() for p in found]
    return found[0]


def find(text: str, path: str) -> Problem:
    """The lint problem of the text at this dotted path, folded or not."""
    found = [p for p in unfold(lint_of(text)) if p.path == path]
    assert found, [p.text() for p in unfold(lint_of(text))]
    return found[0]


def pos(problem: Problem) -> tuple[int, int]:
    """A problem's line and column."""
    return problem.line, problem.col


def inside(text: str, needle: str, word: str, nth: int = 0) -> tuple[int, int]:
    """Line and column of `word` within the nth occurrence of `needle`."""
    line, col = at(text, needle, nth)
    return line, col + needle.index(word)


# --- Clean scenarios. ---

def test_valid_fixture_is_clean():
    """The two-role fixture has no lint problems."""
    assert lint_of(VALID) == []


def test_every_shipped_scenario_checks_clean():
    """`check` passes on every scenarios/*.yaml, and the default scenario is among them."""
    paths = sorted(str(p) for p in SCENARIOS.glob("*.yaml"))
    assert str(SCENARIOS / "missile-defence-2011.yaml") in paths
    out = io.StringIO()
    assert run_check(paths, out=out, err=out) == 0, out.getvalue()


def test_lint_without_source_map():
    """A scenario built in code lints too, located at 1:1 of `<scenario>`."""
    scenario, _ = load_text_with_source(variant("roles: [south]", "roles: [west]"), "s.yaml",
                                        lint=False)
    problem = lint(scenario)[0]
    assert (problem.file, pos(problem)) == ("<scenario>", (1, 1))


# --- Role references. ---

def test_unknown_role_in_action_roles_suggests():
    """An unknown role in an action's roles is reported at the item, with a hint."""
    text = variant("roles: [south]", "roles: [soth]")
    p = only(text)
    assert (p.path, pos(p)) == ("actions[4].roles[0]", at(text, "soth"))
    assert p.message == "unknown role 'soth'; did you mean 'south'?"


def test_unknown_role_in_milestone_parties():
    """A milestone's parties must be role ids."""
    text = variant("parties: [north, south]\n  - id: warning_line",
                   "parties: [nord, south]\n  - id: warning_line")
    p = find(text, "milestones[0].parties[0]")
    assert pos(p) == at(text, "nord")
    assert p.message == "unknown role 'nord'; did you mean 'north'?"


def test_party_listed_twice():
    """A milestone names each party once."""
    text = variant("parties: [north, south]\n    requires", "parties: [north, north]\n    requires")
    p = find(text, "milestones[1].parties[1]")
    assert p.message == "party 'north' is listed twice"


def test_unknown_role_in_trust_seed():
    """Starting trust names existing roles."""
    text = variant("{from: north, to: south", "{from: narth, to: south")
    p = only(text)
    assert (p.path, pos(p)) == ("rules.start_trust[0].from", at(text, "narth"))
    assert "did you mean 'north'?" in p.message


def test_trust_seed_toward_itself():
    """A role cannot be seeded with trust in itself."""
    text = variant("{from: north, to: south", "{from: north, to: north")
    p = only(text)
    assert (p.path, pos(p)) == ("rules.start_trust[0]", at(text, "{from: north"))
    assert "cannot trust itself" in p.message


def test_trust_seed_given_twice():
    """Each ordered pair is seeded at most once."""
    seed = "    - {from: north, to: south, value: 25}\n"
    text = variant(seed, seed + seed)
    p = only(text)
    assert (p.path, pos(p)) == ("rules.start_trust[1]", at(text, "{from", 1))
    assert "given twice" in p.message


def test_ending_points_unknown_role_at_key():
    """Ending points name existing roles; the bad key itself is reported."""
    text = variant("{north: 10, south: 10}", "{north: 10, south: 10, east: 1}")
    p = only(text)
    assert (p.path, pos(p)) == ("endings[1].points.east", at(text, "east"))
    assert p.message == "unknown role 'east'; give one of: north, south"


def test_an_unknown_id_with_no_near_match_lists_the_valid_ones():
    """`berlin` resembles no role: the message lists the roles to choose from; a near
    miss still gets its `did you mean`."""
    text = variant("{north: 10, south: 10}", "{north: 10, south: 10, berlin: 1}")
    assert only(text).message == "unknown role 'berlin'; give one of: north, south"
    text = variant("{north: 10, south: 10}", "{north: 10, south: 10, soth: 1}")
    assert only(text).message == "unknown role 'soth'; did you mean 'south'?"


def test_a_long_list_of_valid_ids_is_cut_short():
    from game.authoring.lint.context import hint

    ids = {f"action_{n:02}" for n in range(30)}
    assert hint("zzz", ids).endswith("action_19 and 10 more")


def test_ending_points_name_every_role():
    """Every ending gives every role points, even 0."""
    text = variant("{north: 10, south: 10}", "{north: 10}")
    p = only(text)
    assert (p.path, pos(p)) == ("endings[1].points", at(text, "points: {north: 10}"))
    assert p.message == "ending 'line' gives no points to south; give every role a number, even 0"


def test_unknown_role_in_effect():
    """An effect's `who` must be a role id or a role word."""
    text = variant("{trust: 3, who: target", "{trust: 3, who: suoth")
    p = only(text)
    assert (p.path, pos(p)) == ("actions[0].effects[0].who", at(text, "suoth"))
    assert "unknown role 'suoth'; did you mean 'south'?" == p.message


def test_event_effect_has_no_actor():
    """An event's support effect must say whose support; `actor` (the default) means nothing."""
    text = variant("{support: -3, who: all}", "{support: -3}")
    p = only(text)
    assert (p.path, pos(p)) == ("events[1].effects[0].who", at(text, "{support: -3}"))
    assert p.message.startswith("'actor' means nothing in an event")
    assert p.message.endswith("use a role id or one of: all")


def test_event_effect_target_is_an_error():
    """`target` in an event effect is an error at the word."""
    text = variant("{support: -3, who: all}", "{support: -3, who: target}")
    p = only(text)
    assert (p.path, pos(p)) == ("events[1].effects[0].who", at(text, "target}"))


def test_responder_outside_answers():
    """`responder` only means something in on_accept and on_decline."""
    text = variant("{trust: -4, who: target", "{trust: -4, who: responder")
    p = only(text)
    assert p.path == "actions[5].effects[1].who"
    assert "'responder' means nothing in the effects of this action" in p.message


def test_target_without_target_role():
    """`target` means nothing for an action aimed at no role."""
    text = variant("      - {support: 4}", "      - {trust: 4, who: actor}")
    p = only(text)
    assert (p.path, pos(p)) == ("actions[4].effects[0].toward", at(text, "{trust: 4, who: actor}"))
    assert "'target' means nothing" in p.message


def test_self_outside_objectives():
    """`self` is only meaningful inside objectives."""
    text = variant("    when:\n      operating: [warning_line]\n    points",
                   "    when:\n      trust: [{from: south, to: self}]\n    points")
    p = find(text, "endings[1].when.trust[0].to")
    assert pos(p) == at(text, "self}]")
    assert "'self' means nothing in this condition" in p.message


def test_unknown_role_in_objective_condition():
    """Roles in conditions must exist; `self` is fine in objectives."""
    text = variant("{from: south, to: self", "{from: sooth, to: self")
    p = only(text)
    assert (p.path, pos(p)) == ("roles[0].objectives[1].when.trust[0].from", at(text, "sooth"))


def test_role_field_unused_by_kind():
    """`who` on a tension effect does nothing and is reported at the key."""
    text = variant("{tension: -3}", "{tension: -3, who: north}")
    p = only(text)
    assert (p.path, pos(p)) == ("events[0].effects[0].who", at(text, "who: north"))
    assert p.message == "`who` has no effect on a tension change; remove it"


def test_trust_toward_itself():
    """A trust effect of a role toward itself is an error; group words are fine."""
    text = variant("{trust: 3, who: target, toward: actor}", "{trust: 3, who: actor, toward: actor}")
    p = only(text)
    assert p.path == "actions[0].effects[0]"
    assert "toward itself" in p.message
    assert lint_of(variant("{tension: -5}", "{trust: 2, who: parties, toward: parties}")) == []


# --- Milestone, action and demand references. ---

def test_unknown_milestone_in_establishes():
    """An offer establishes an existing milestone."""
    text = variant("establishes: data_swap", "establishes: data_swop")
    p = find(text, "actions[1].establishes")
    assert pos(p) == at(text, "data_swop")
    assert p.message == "unknown milestone 'data_swop'; did you mean 'data_swap'?"


def test_unknown_milestone_in_prerequisites():
    """A milestone requires existing milestones."""
    text = variant("requires: [data_swap]", "requires: [data]")
    p = only(text)
    assert (p.path, pos(p)) == ("milestones[1].requires[0]", inside(text, "[data]", "data"))


def test_unknown_milestone_in_action_requirements():
    """An action's requirements name existing milestones."""
    text = variant("      operating: [data_swap]", "      operating: [swap]")
    p = only(text)
    assert (p.path, pos(p)) == ("actions[2].requires.operating[0]", inside(text, "[swap]", "swap"))


def test_unknown_milestone_in_condition():
    """A condition's milestones exist."""
    text = variant("operating: [warning_line]\n    points", "operating: [line]\n    points")
    p = only(text)
    assert (p.path, pos(p)) == ("endings[1].when.operating[0]", at(text, "line]\n    points"))


def test_unknown_milestone_in_progress_effect():
    """A progress effect advances an existing milestone."""
    text = variant("      - {transparency: 1}", "      - {progress: 1, milestone: dta_swap}")
    p = only(text)
    assert (p.path, pos(p)) == ("actions[0].effects[1].milestone", at(text, "dta_swap"))


def test_unknown_action_in_broken_by():
    """A commitment is broken by existing actions."""
    text = variant("broken_by: [criticise]", "broken_by: [criticize]")
    p = only(text)
    assert (p.path, pos(p)) == ("actions[3].commitment.broken_by[0]", at(text, "criticize"))
    assert "did you mean 'criticise'?" in p.message


def test_unknown_action_in_backed_down_by():
    """A demand is backed down from by existing actions."""
    text = variant("backed_down_by: [wait]", "backed_down_by: [waiting]")
    p = only(text)
    assert (p.path, pos(p)) == ("demands[0].backed_down_by[0]", at(text, "waiting"))


def test_unknown_demand():
    """Actions make, drop, satisfy and stand by existing demands."""
    text = variant("makes_demand: guarantee", "makes_demand: guarantees")
    p = find(text, "actions[4].makes_demand")
    assert pos(p) == inside(text, "makes_demand: guarantees", "guarantees")
    text = variant("    target: role\n    commitment:",
                   "    target: role\n    requires: {demand_standing: nope}\n    commitment:")
    assert find(text, "actions[3].requires.demand_standing").message == (
        "unknown demand 'nope'; give one of: guarantee")


def test_demand_never_made():
    """Some action makes each demand."""
    text = variant("    makes_demand: guarantee\n", "")
    p = only(text)
    assert (p.path, pos(p)) == ("demands[0]", at(text, "id: guarantee"))


def test_make_and_drop_same_demand():
    """One action cannot both make and drop a demand."""
    text = variant("makes_demand: guarantee", "makes_demand: guarantee\n    drops_demand: guarantee")
    p = only(text)
    assert (p.path, pos(p)) == ("actions[4].drops_demand",
                                inside(text, "drops_demand: guarantee", "guarantee"))


def test_answers_to_a_non_offer():
    """on_accept or on_decline on an action that is not an offer never happen."""
    text = variant("    effects:\n      - {tension: 5}\n      - {trust: -4",
                   "    on_accept:\n      - {tension: 5}\n      - {trust: -4")
    p = only(text)
    assert (p.path, pos(p)) == ("actions[5].on_accept", at(text, "on_accept"))


def test_action_needs_milestone_both_ways():
    """An action that needs one milestone operating and not operating can never be taken."""
    text = variant("      operating: [data_swap]", "      operating: [data_swap]\n"
                                                    "      not_operating: [data_swap]")
    p = only(text)
    assert p.path == "actions[2].requires"


# --- Unique ids. ---

def test_duplicate_action_id():
    """Action ids are unique; the second use is reported, naming the first line."""
    text = variant("  - id: wait\n", "  - id: brief\n")
    found = [p for p in lint_of(text) if p.path == "actions[6].id"]
    assert pos(found[0]) == inside(text, "id: brief", "brief", 1)
    first = at(text, "id: brief")[0]
    assert found[0].message == f"duplicate id 'brief' (first used on line {first})"


@pytest.mark.parametrize(("old", "new", "path"), [
    ("  - id: south\n", "  - id: north\n", "roles[1].id"),
    ("  - id: warning_line\n", "  - id: data_swap\n", "milestones[1].id"),
    ("  - id: leak\n", "  - id: summit\n", "events[1].id"),
    ("  - id: missed\n", "  - id: line\n", "endings[2].id"),
    ("      - id: trusted\n", "      - id: line_built\n", "roles[0].objectives[1].id"),
])
def test_duplicate_ids(old, new, path):
    """Ids are unique among roles, milestones, events, endings and a role's objectives."""
    assert any(p.path == path and "duplicate id" in p.message for p in lint_of(variant(old, new)))


def test_duplicate_demand_id():
    """Demand ids are unique."""
    extra = "  - id: guarantee\n    name: Again\n    audience_cost: 1\n"
    text = variant("actions:\n", extra + "actions:\n")
    assert find(text, "demands[1].id").message.startswith("duplicate id 'guarantee'")


# --- Milestones. ---

def test_prerequisite_cycle():
    """Milestone prerequisites form no cycle; the cycle is spelled out."""
    text = variant("    parties: [north, south]\n  - id: warning_line",
                   "    parties: [north, south]\n    requires: [warning_line]\n"
                   "  - id: warning_line")
    p = find(text, "milestones[0].requires")
    assert pos(p) == at(text, "requires: [warning_line]")
    assert p.message == "prerequisites form a cycle: data_swap -> warning_line -> data_swap"


def test_self_prerequisite_is_a_cycle():
    """A milestone that requires itself is a cycle of one."""
    text = variant("requires: [data_swap]", "requires: [warning_line]")
    p = find(text, "milestones[1].requires")
    assert p.message == "prerequisites form a cycle: warning_line -> warning_line"


def test_milestone_nothing_establishes():
    """Every milestone is established by some action."""
    text = variant("establishes: warning_line", "establishes: data_swap")
    p = find(text, "milestones[1]")
    assert pos(p) == at(text, "id: warning_line")
    assert p.message == ("no action proposes milestone 'warning_line'; "
                         "add an offer with `establishes: warning_line`")


def test_milestone_progress_nothing_gives():
    """A milestone that needs progress needs an effect that adds it."""
    text = variant("    requires: [data_swap]\n", "    requires: [data_swap]\n    progress_needed: 3\n")
    p = find(text, "milestones[1].progress_needed")
    assert pos(p) == at(text, "3\n    on_operating")
    assert "needs 3 progress but at most 0 can ever be added" in p.message
    fixed = variant("      - {transparency: 1}", "      - {progress: 1, milestone: warning_line}", text)
    assert lint_of(fixed) == []


# --- Events. ---

def test_scripted_event_after_last_round():
    """A scripted event falls inside the game's rounds."""
    text = variant("    round: 2\n", "    round: 9\n")
    p = only(text)
    assert (p.path, pos(p)) == ("events[0].round", at(text, "9\n"))
    assert p.message == "round 9 never comes: the game has 6 rounds"


def test_conditional_event_empty_range():
    """A conditional event's tension range is not empty."""
    text = variant("tension: {min: 60}", "tension: {min: 80, max: 20}")
    p = only(text)
    assert (p.path, pos(p)) == ("events[2].when.tension", at(text, "tension: {min: 80"))
    assert p.message == "min 80 is above max 20, so this never holds"


def test_conditional_event_out_of_meter_range():
    """A tension range beyond 0..100 never holds."""
    text = variant("tension: {min: 60}", "tension: {min: 120}")
    p = only(text)
    assert p.message == "tension is at most 100, so min 120 never holds"


def test_conditional_event_needs_unestablishable_milestone():
    """An event waiting on a milestone nothing can establish never fires."""
    text = variant("tension: {min: 60}", "operating: [warning_line]")
    text = variant("establishes: warning_line", "establishes: data_swap", text)
    p = find(text, "events[2].when.operating[0]")
    assert p.message == ("milestone 'warning_line' can never operate (no action proposes "
                         "'warning_line'), so this never holds")


def test_event_waiting_for_breakdown():
    """An event cannot wait for the talks to break down: the game is over then."""
    text = variant("tension: {min: 60}", "breakdown: true")
    p = only(text)
    assert (p.path, pos(p)) == ("events[2].when.breakdown", inside(text, "breakdown: true", "true"))


def test_when_on_a_deck_event():
    """`when` is only read for conditional events."""
    text = variant("    weight: 2\n", "    weight: 2\n    when: {tension: {min: 10}}\n")
    p = only(text)
    assert (p.path, pos(p)) == ("events[1].when", at(text, "when: {tension"))


def test_round_range_outside_game():
    """A round range beyond the last round never holds."""
    text = variant("tension: {min: 60}", "round: {min: 7}")
    assert only(text).message == "the round is at most 6, so min 7 never holds"


# --- Endings and objectives. ---

def test_ending_shadowed_by_catch_all():
    """An ending after one that always holds can never be reached."""
    catch_all = ("  - id: missed\n    name: Missed chance\n    text: Nothing much came of it.\n"
                 "    when: {}\n    points: {north: 2, south: 2}\n")
    text = variant(catch_all, "").replace("endings:\n", "endings:\n" + catch_all)
    found = lint_of(text)
    assert [(p.path, pos(p)) for p in found] == [
        ("endings[1]", at(text, "id: breakdown")), ("endings[2]", at(text, "id: line\n"))]
    assert found[0].message == ("ending 'breakdown' can never be reached: whenever it holds, an "
                                "earlier ending (missed) holds first; move it above that ending or "
                                "narrow that ending's conditions")
    assert found[0].code == "ending-hidden" and found[0].is_error


def test_endings_must_cover_the_last_round():
    """Without a catch-all, some way a game can end has no ending, and an example is named."""
    text = variant("    when: {}\n", "    when: {tension: {max: 50}}\n")
    p = only(text)
    assert (p.path, pos(p)) == ("endings", at(text, "endings:"))
    assert p.message == ("no ending surely holds when the last round ends with tension 51 and "
                         "milestones operating: none; add a last ending with `when: {}` "
                         "as a catch-all")


def test_endings_all_need_breakdown():
    """If every ending needs a breakdown, a game that reaches its last round has no ending."""
    text = variant("    when:\n      operating: [warning_line]\n    points",
                   "    when: {breakdown: true, tension: {min: 99}}\n    points")
    text = variant("    when: {}\n", "    when: {breakdown: true}\n", text)
    p = find(text, "endings")
    assert "the last round ends with tension 0 and milestones operating: none" in p.message


def test_endings_must_cover_breakdown():
    """Some ending holds when the talks break down."""
    text = variant("    when: {}\n", "    when: {breakdown: false}\n")
    text = variant("    when: {breakdown: true}\n", "    when: {breakdown: true, round: {max: 3}}\n",
                   text)
    p = only(text)
    assert "the talks break down in round 4" in p.message


def test_ending_condition_unsatisfiable():
    """An ending whose condition can never hold is reported at the part that fails."""
    text = variant("operating: [warning_line]\n    points",
                   "operating_count: {min: 3}\n    points")
    p = only(text)
    assert (p.path, pos(p)) == ("endings[1].when.operating_count", at(text, "operating_count"))
    assert p.message == "the number of milestones that can ever operate is at most 2, so min 3 never holds"


def test_any_of_branch_located():
    """A dead branch of any_of is reported at its own path."""
    text = variant("operating: [warning_line]\n    points",
                   "any_of:\n        - {support: [{role: north, min: 70, max: 60}]}\n    points")
    p = only(text)
    assert p.path == "endings[1].when.any_of[0].support[0]"
    assert pos(p) == at(text, "{role: north")


def test_objective_condition_unsatisfiable():
    """An objective that needs a milestone both operating and not can never be met."""
    text = variant("operating: [warning_line]\n      - id: trusted",
                   "operating: [warning_line]\n          not_operating: [warning_line]\n"
                   "      - id: trusted")
    p = only(text)
    assert (p.path, pos(p)) == ("roles[0].objectives[0].when.operating[0]",
                                at(text, "warning_line]\n          not"))
    assert p.message == "milestone 'warning_line' cannot be both operating and not operating"


def test_operating_count_below_listed_milestones():
    """Listing more operating milestones than operating_count allows never holds."""
    text = variant("operating: [warning_line]\n      - id: trusted",
                   "operating: [warning_line, data_swap]\n          operating_count: {max: 1}\n"
                   "      - id: trusted")
    assert only(text).path == "roles[0].objectives[0].when.operating_count"


# --- The check command. ---

def write(tmp_path: Path, name: str, text: str) -> str:
    """Write a scenario file and return its path as text."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_check_clean_file(tmp_path):
    """A clean file prints its summary and check returns 0."""
    out, err = io.StringIO(), io.StringIO()
    assert run_check([str(VALID_PATH)], out=out, err=err) == 0
    assert out.getvalue() == f"{VALID_PATH}: ok (2 roles, 7 actions, 3 events, 3 endings)\n"
    assert err.getvalue() == ""


def test_check_prints_problems_sorted_then_summaries(tmp_path):
    """Problems of every file print sorted by file and line, then one summary per file."""
    b = write(tmp_path, "b.yaml", variant("roles: [south]", "roles: [soth]"))
    a = write(tmp_path, "a.yaml", variant("rounds: 6", "rounds: 0").replace("cost: 1", "cost: 3", 1))
    out = io.StringIO()
    assert run_check([b, a, str(VALID_PATH)], out=out, err=io.StringIO()) == 2
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"{a}:8:9: rounds: must be at least 1")
    assert lines[1].startswith(f"{a}:")
    assert lines[2] == f"{b}:{at(VALID, 'roles: [south]')[0]}:13: actions[4].roles[0]: " \
                       "unknown role 'soth'; did you mean 'south'? [unknown-role]"
    assert lines[3] == "    ... and 1 follow-on problem of the same cause:"
    assert "action 'demand_guarantee' can never be taken" in lines[4]
    assert lines[5:] == [f"{b}: 1 error", f"{a}: 2 errors",
                         f"{VALID_PATH}: ok (2 roles, 7 actions, 3 events, 3 endings)"]


def test_check_missing_file(tmp_path):
    """A missing file is an error line naming it, and status 2."""
    out = io.StringIO()
    missing = str(tmp_path / "gone.yaml")
    assert run_check([missing], out=out, err=io.StringIO()) == 2
    assert out.getvalue() == f"{missing}:1:1: no such file [file]\n{missing}: 1 error\n"


def test_check_never_raises(monkeypatch):
    """A bug in loading is reported on err, and check still returns 2."""
    def boom(*_args, **_kwargs):
        raise RuntimeError("boom")
    monkeypatch.setattr(check_module, "check_text", boom)
    out, err = io.StringIO(), io.StringIO()
    assert run_check([str(VALID_PATH)], out=out, err=err) == 2
    assert "internal error" in err.getvalue() and "boom" in err.getvalue()


def test_check_needs_a_file():
    """check with no files says what to give it and returns 2."""
    err = io.StringIO()
    assert run_check([], out=io.StringIO(), err=err) == 2
    assert "scenario file" in err.getvalue()


# --- The JSON Schema. ---

def test_committed_schema_is_fresh():
    """scenarios/scenario.schema.json equals a fresh export of the models."""
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) == scenario_json_schema()


def test_key_reference_in_the_docs_is_fresh():
    """docs/authoring.md holds the key reference generated from the schema, unchanged:
    every key of every part, with its default; rewrite it with `schema --docs`."""
    from game.authoring.schema_docs import key_reference, section_in

    DOCS_PATH = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"

    doc = DOCS_PATH.read_text(encoding="utf-8")
    assert section_in(doc) == key_reference(), "run: python main.py schema --docs docs/authoring.md"
    for row in ("| `trust_gain_percent` | `60` | a whole number, 1 to 100 |",
                "| `repeat_decay` | `[100, 60, 35, 20]` |", "| `domestic_label` | **required** |",
                "| `once` | `true` |", "| `points` | `{}` |"):
        assert row in doc


def test_schema_docs_rewrites_only_its_section(tmp_path, capsys):
    """`schema --docs FILE` replaces the generated part and leaves the rest; a file without
    the markers is refused with status 2."""
    from game.authoring.schema_docs import BEGIN, END, key_reference
    from game.cli.main import main

    doc = tmp_path / "a.md"
    doc.write_text(f"# Mine\n\n{BEGIN}\nstale\n{END}\n\nafter\n", encoding="utf-8")
    assert main(["schema", "--docs", str(doc)]) == 0
    assert doc.read_text(encoding="utf-8") == f"# Mine\n\n{key_reference()}\n\nafter\n"
    plain = tmp_path / "b.md"
    plain.write_text("# No markers\n", encoding="utf-8")
    assert main(["schema", "--docs", str(plain)]) == 2
    assert "no generated key reference" in capsys.readouterr().err


def test_schema_without_out_writes_to_the_current_folder(tmp_path, monkeypatch, capsys):
    """`schema` alone writes scenario.schema.json where the author is, never into the game."""
    from game.cli.main import main

    monkeypatch.chdir(tmp_path)
    before = SCHEMA_PATH.read_bytes()
    assert main(["schema"]) == 0
    assert json.loads((tmp_path / "scenario.schema.json").read_text())["title"]
    assert SCHEMA_PATH.read_bytes() == before and "wrote scenario.schema.json" in capsys.readouterr().out


def test_schema_spells_keys_as_files_do(tmp_path):
    """The schema says `from`, not `from_`, and names its dialect and title."""
    schema = json.loads(write_schema(tmp_path / "s.json").read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["title"] == "Détente scenario"
    assert "from" in schema["$defs"]["TrustSeed"]["properties"]
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) >= {"id", "rounds", "roles", "actions", "endings"}
    models = Scenario.model_json_schema(by_alias=True)["$defs"]
    assert set(models) == set(schema["$defs"])
    for name, model in models.items():  # the export only adds rules that tie fields together
        assert model["properties"] == schema["$defs"][name]["properties"]


# --- Tuning numbers and stray fields. ---

def test_repeat_decay_needs_percents():
    """repeat_decay is a non-empty list of percents; the schema itself refuses anything else."""
    text = variant("  drift_max: 5\n", "  drift_max: 5\n  repeat_decay: [100, 150]\n")
    with pytest.raises(ScenarioError) as info:
        load_text_with_source(text, "s.yaml", lint=False)
    p = info.value.problems[0]
    assert (p.path, pos(p)) == ("rules.repeat_decay[1]", inside(text, "100, 150", "150"))
    with pytest.raises(ScenarioError):
        load_text_with_source(variant("  drift_max: 5\n", "  drift_max: 5\n  repeat_decay: []\n"),
                              "s.yaml", lint=False)


def test_fog_min_not_wider_than_fog():
    """The narrowest fog is no wider than the starting fog."""
    text = variant("  drift_max: 5\n", "  drift_max: 5\n  fog_width: 10\n  fog_min: 20\n")
    assert only(text).path == "rules.fog_min"


def test_milestone_on_non_progress_effect():
    """`milestone` only means something on a progress effect."""
    text = variant("{tension: -3}", "{tension: -3, milestone: data_swap}")
    p = only(text)
    assert (p.path, p.message) == ("events[0].effects[0].milestone",
                                   "`milestone` has no effect on a tension change; remove it")


def test_action_role_listed_twice():
    """An action names each allowed role once."""
    text = variant("roles: [south]", "roles: [south, south]")
    assert only(text).message == "role 'south' is listed twice"


def test_never_operating_names_root_cause():
    """A milestone blocked by its prerequisite is reported with the root cause."""
    text = variant("establishes: data_swap", "establishes: warning_line")
    p = find(text, "endings[1].when.operating[0]")
    assert p.message == ("milestone 'warning_line' can never operate (no action proposes "
                         "'data_swap'), so this never holds")


def test_never_operating_in_a_cycle():
    """A milestone blocked by a prerequisite cycle says so."""
    text = variant("requires: [data_swap]", "requires: [warning_line]")
    p = find(text, "endings[1].when.operating[0]")
    assert "(the prerequisites of 'warning_line' form a cycle)" in p.message


def test_responder_in_answers_is_fine():
    """`responder` is meaningful in an offer's on_accept and on_decline."""
    text = variant("      - {support: -2}", "      - {trust: -2, who: responder, toward: actor}")
    assert lint_of(text) == []


# --- Design checks: one test per kind of mistake. ---

def codes(text: str) -> list[str]:
    """The codes of every problem of the text, folded ones included."""
    return [p.code for p in unfold(lint_of(text))]


def with_east(text: str = VALID) -> str:
    """The fixture with a third role, east, that every ending scores."""
    east = ("  - id: east\n    name: East\n    description: A third delegation.\n"
            "    domestic_label: Cabinet\n    start_support: 50\n    briefing: You watch.\n")
    text = text.replace("milestones:\n", east + "milestones:\n", 1)
    for n in ("0", "10", "2"):
        text = text.replace(f"south: {n}}}", f"south: {n}, east: {n}}}")
    return text


def test_ending_hidden_by_prerequisite_graph():
    """An ending behind one that needs only its prerequisite can never be reached."""
    swap = ("  - id: swap\n    name: Swap only\n    text: Data flows.\n"
            "    when: {operating: [data_swap]}\n    points: {north: 1, south: 1}\n")
    text = variant("  - id: line\n", swap + "  - id: line\n")
    p = find(text, "endings[2]")
    assert (p.code, p.is_error, pos(p)) == ("ending-hidden", True, at(text, "id: line\n"))
    assert "(swap) holds first" in p.message


def test_ending_hidden_names_only_the_endings_that_pre_empt_it():
    """Of the earlier endings, only those that hold whenever it holds are named: not the
    breakdown nor an ending that merely overlaps it; of two that each hide it, the first."""
    calm = ("  - id: calm\n    name: Calm\n    text: Quiet talks.\n"
            "    when: {tension: {max: 40}}\n    points: {north: 1, south: 1}\n")
    swap = ("  - id: swap\n    name: Swap only\n    text: Data flows.\n"
            "    when: {operating: [data_swap]}\n    points: {north: 1, south: 1}\n")
    again = swap.replace("id: swap", "id: swap_again")
    text = variant("  - id: line\n", calm + swap + again + "  - id: line\n")
    p = find(text, "endings[4]")
    assert p.code == "ending-hidden"
    assert "an earlier ending (swap) holds first" in p.message


def test_ending_that_can_never_hold():
    """An ending needing a milestone without its prerequisite never holds."""
    text = variant("      operating: [warning_line]\n    points",
                   "      operating: [warning_line]\n      not_operating: [data_swap]\n    points")
    p = find(text, "endings[1].when")
    assert p.code == "ending-never"
    assert "'warning_line' operates only while its prerequisite 'data_swap' does" in p.message


def test_milestone_only_non_parties_propose():
    """A milestone whose only proposal is open to non-parties alone can never operate."""
    text = with_east(variant("    offer: true\n    establishes: data_swap\n",
                             "    offer: true\n    roles: [east]\n    establishes: data_swap\n"))
    assert lint_of(with_east()) == []
    p = only(text)
    assert (p.code, p.path) == ("milestone-non-party", "milestones[0].parties")
    assert "propose_swap" in p.message and p.folded  # the objective and ending follow on


def test_two_scripted_events_in_one_round():
    """The second scripted event of a round never fires."""
    extra = ("  - id: storm\n    title: Storm\n    text: A storm.\n    kind: scripted\n"
             "    round: 2\n")
    text = variant("  - id: leak\n", extra + "  - id: leak\n")
    p = only(text)
    assert (p.code, p.path, pos(p)) == ("event-same-round", "events[1].round",
                                        at(text, "2\n  - id: leak"))
    assert "'summit' is also scripted for round 2" in p.message


def test_progress_that_can_never_be_reached():
    """Progress from a once-only event cannot reach a larger need."""
    text = variant("    parties: [north, south]\n  - id: warning_line",
                   "    parties: [north, south]\n    progress_needed: 5\n  - id: warning_line")
    text = variant("      - {tension: -3}\n  - id: leak",
                   "      - {progress: 2, milestone: data_swap}\n  - id: leak", text)
    p = only(text)
    assert (p.code, p.path) == ("progress-unreachable", "milestones[0].progress_needed")
    assert "needs 5 progress but at most 2" in p.message


def test_ratification_that_can_never_pass():
    """A ratification with its threshold at 100 never passes; a rare one is a warning."""
    never = variant("      break_penalty: 10\n", "      break_penalty: 10\n    ratification:\n"
                    "      threshold: 100\n")
    p = only(never)
    assert (p.code, p.is_error, p.path) == ("ratification-never", True, "actions[3].ratification")
    rare = never.replace("threshold: 100", "threshold: 90\n      max_percent: 3")
    p = only(rare)
    assert (p.code, p.is_error) == ("ratification-rare", False)


def test_demand_that_nothing_can_end():
    """A demand nothing can meet, drop or back down from is an error."""
    p = only(variant("backed_down_by: [wait]", "backed_down_by: []"))
    assert (p.code, p.path) == ("demand-stuck", "demands[0]")


def test_commitment_nothing_can_break():
    """A commitment whose breakers its makers can never take is a warning."""
    text = variant("broken_by: [criticise]", "broken_by: [demand_guarantee]")
    text = variant("    target: role\n    commitment:", "    target: role\n    roles: [north]\n"
                   "    commitment:", text)
    p = only(text)
    assert (p.code, p.is_error, p.path) == ("commitment-unbreakable", False,
                                            "actions[3].commitment.broken_by")


def test_objective_that_can_never_be_met():
    """Keeping a commitment is impossible for a role that can never make one."""
    text = variant("    target: role\n    commitment:", "    target: role\n    roles: [south]\n"
                   "    commitment:")
    text = variant("            - {from: south, to: self, min: 50}",
                   "            - {from: south, to: self, min: 50}\n"
                   "          commitments_kept: [{role: self, min: 1}]", text)
    p = only(text)
    assert (p.code, p.path) == ("objective-never", "roles[0].objectives[1].when")
    assert "north can never make a commitment" in p.message


def test_objective_met_whatever_anyone_does():
    """An objective that always holds is a warning."""
    text = variant("            - {from: south, to: self, min: 50}",
                   "            - {from: south, to: self, min: 0}")
    p = only(text)
    assert (p.code, p.is_error) == ("objective-always", False)


def test_effects_that_cannot_matter():
    """Progress toward a milestone that needs none, and a zero change, are warnings."""
    text = variant("      - {tension: -2}\n", "      - {tension: 0}\n"
                   "      - {progress: 1, milestone: data_swap}\n")
    found = lint_of(text)
    assert [(p.code, p.path) for p in found] == [
        ("effect-no-matter", "actions[0].effects[2]"), ("effect-no-matter", "actions[0].effects[3]")]
    assert not any(p.is_error for p in found)


def test_suspension_effects_without_withdrawal():
    """on_suspended effects of a milestone nothing can suspend cannot matter."""
    text = variant("    on_operating:\n      - {tension: -5}\n",
                   "    on_operating:\n      - {tension: -5}\n    on_suspended:\n      - {tension: 5}\n")
    p = only(text)
    assert p.code == "effect-no-matter" and "nothing can ever suspend" in p.message


def test_action_that_can_never_be_taken():
    """An action needing a demand its roles can never make is an error."""
    text = variant("    teaching_note: Waiting is a choice too.\n",
                   "    teaching_note: Waiting is a choice too.\n    roles: [north]\n"
                   "    requires: {demand_standing: guarantee}\n")
    found = codes(text)
    assert "action-never" in found


def test_follow_ons_of_a_misspelt_role_fold_transitively():
    """A typo in the roles of the only action making a demand folds the actions that need
    that demand standing (or aim at a role standing by it), and the commitment only those
    actions could break, under the one root cause."""
    text = variant("    roles: [south]\n    makes_demand: guarantee\n",
                   "    roles: [suth]\n    makes_demand: guarantee\n")
    text = text.replace("    teaching_note: Waiting is a choice too.\n",
                        "    teaching_note: Waiting is a choice too.\n    roles: [north]\n"
                        "    requires: {demand_standing: guarantee}\n")
    text = text.replace("    teaching_note: Plays well at home.\n",
                        "    teaching_note: Plays well at home.\n"
                        "    requires: {target_demands: guarantee}\n")
    found = lint_of(text)
    assert len(found) == 1, [p.text() for p in found]
    root = found[0]
    assert root.code == "unknown-role" and "'suth'" in root.message
    assert [(p.path, p.code) for p in root.folded] == [
        ("actions[3].commitment.broken_by", "commitment-unbreakable"),
        ("actions[4].roles", "action-never"), ("actions[5]", "action-never"),
        ("actions[6].requires.demand_standing", "action-never")]


def test_conditional_event_always_pre_empted():
    """A conditional event behind a repeatable one with a wider condition never fires."""
    text = variant("      tension: {min: 60}\n", "      tension: {min: 60}\n    once: false\n")
    text = text.replace("endings:\n", "  - id: crisis\n    title: Crisis\n    text: Worse.\n"
                        "    kind: conditional\n    when: {tension: {min: 80}}\nendings:\n", 1)
    p = only(text)
    assert (p.code, p.path) == ("event-hidden", "events[3].when")


def test_one_typo_is_one_problem():
    """A misspelt milestone id prints as one problem with its follow-ons folded."""
    text = variant("  - id: data_swap\n", "  - id: data_swop\n")
    found = lint_of(text)
    assert len(found) == 1, [p.text() for p in found]
    assert found[0].code == "id-typo" and pos(found[0]) == inside(text, "- id: data_swop", "data")
    assert "3 places use 'data_swap'" in found[0].message
    assert {p.code for p in found[0].folded} >= {"unknown-milestone", "milestone-no-proposal"}


def test_one_misspelt_reference_is_one_problem():
    """A single misspelt reference folds what follows from it under it."""
    text = variant("establishes: data_swap", "establishes: data_swop")
    found = lint_of(text)
    assert [p.code for p in found] == ["unknown-milestone"], [p.text() for p in found]
    assert "milestone-no-proposal" in {p.code for p in found[0].folded}


def test_warnings_pass_unless_strict(tmp_path):
    """Warnings print with `warning:` and exit 0; --strict makes them fail."""
    path = write(tmp_path, "w.yaml", variant("      - {tension: -2}\n", "      - {tension: 0}\n"))
    out = io.StringIO()
    assert run_check([path], out=out, err=io.StringIO()) == 0
    assert ": warning: actions[0].effects[2]: " in out.getvalue()
    assert out.getvalue().rstrip().endswith("; 1 warning")
    strict = io.StringIO()
    assert run_check([path], out=strict, err=io.StringIO(), strict=True) == 2
    summary = strict.getvalue().rstrip().splitlines()[-1]
    assert summary.startswith(f"{path}: fails under --strict: 1 warning (otherwise ok: ")
    assert " ok (" not in summary


def test_every_code_is_registered_and_documented():
    """Every message code is in the registry, and docs/authoring.md explains each one."""
    from game.authoring.codes import CODES

    doc = (Path(__file__).resolve().parents[2] / "docs" / "authoring.md").read_text()
    missing = [code for code in CODES if f"`{code}`" not in doc]
    assert missing == []


def test_persona_thresholds_in_the_docs_are_the_personas_own():
    """docs/authoring.md gives each persona's trust thresholds as the personas hold them, so
    an author reading *Personas* sets start trust against the real numbers."""
    from game.ai import make_policy
    from game.rules import compile_scenario

    doc = (Path(__file__).resolve().parents[2] / "docs" / "authoring.md").read_text()
    table = doc[doc.index("## Personas: what each AI delegation reads"):doc.index("## Every message")]
    rows = {line.split("|")[1].strip(" `"): line for line in table.splitlines()
            if line.startswith("| `")}
    game = compile_scenario(load_text_with_source(VALID, "s.yaml")[0])
    facts = {"reciprocator": [("forgive", "at least 35"), ("accept_at", "under 20")],
             "hardliner": [("press_below", "under 40"), ("accept_at", "at least 55"),
                           ("ceiling", "under 90"), ("content", "support is 85")],
             "legalist": [("trust_at", "55 for a 2-point step")],
             "opportunist": [("cap", "under 60"), ("cushion", "at least 50")],
             "holdout": [("trust_at", "at least 60"), ("insight_width", "14 points")],
             "alliance": [("ally_at", "at least 60"), ("margin", "5 points above")],
             "baseline": [("accept_at", "at least 30"), ("press_below", "under 15")]}
    for persona, pairs in facts.items():
        policy = make_policy(persona, game)
        for attr, words in pairs:
            assert str(getattr(policy, attr)) in words and words in rows[persona], (persona, attr)


def test_every_key_an_author_writes_is_documented():
    """docs/authoring.md names every key of conditions, effects, requirements, commitments,
    ratification, demands, start demands, actions (aims included) and the file itself, and
    its ratification example is a valid action."""
    from ruamel.yaml import YAML

    from game.model import scenario as model

    doc = (Path(__file__).resolve().parents[2] / "docs" / "authoring.md").read_text()
    reference = doc[doc.index("## Every key, in one place"):doc.index("## The concepts")]
    kinds = (model.Condition, model.Effect, model.Requirements, model.CommitmentSpec,
             model.Ratification, model.DemandSpec, model.StartDemand, model.ActionSpec,
             model.Scenario, model.TrustTest, model.SupportTest, model.CountTest)
    missing = [f"{kind.__name__}.{field.alias or name}" for kind in kinds
               for name, field in kind.model_fields.items()
               if not re.search(rf"[`{{ ]{field.alias or name}[`:]", reference)]
    assert missing == []
    example = reference[reference.index("  - id: treaty_pledge"):]
    action = YAML(typ="safe").load(example[:example.index("```")])[0]
    assert model.ActionSpec.model_validate(action, by_alias=True, by_name=False).ratification


# --- The JSON Schema agrees with check. ---

def _schema_accepts(text: str) -> bool:
    """True if the JSON Schema accepts the scenario text, read as check reads it."""
    import jsonschema

    from game.authoring.problems import SourceMap
    from game.authoring.yaml_tree import parse, plain

    data = plain(parse(text, "s.yaml"), (), SourceMap("s.yaml"))
    return jsonschema.Draft202012Validator(scenario_json_schema()).is_valid(data)


def _check_accepts(text: str) -> bool:
    try:
        load_text_with_source(text, "s.yaml", lint=False)
    except ScenarioError:
        return False
    return True


@pytest.mark.parametrize("old, new", [
    ("cost: 1\n    description: Share", 'cost: "1"\n    description: Share'),
    ("    concession: true\n    effects:\n      - {trust: 3",
     "    concession: no\n    effects:\n      - {trust: 3"),
    ("      - {tension: -2}\n", "      - {tension: -2, support: 1}\n"),
    ("      - {tension: -2}\n", "      - {progress: 1}\n"),
    ("    offer: true\n    establishes: data_swap\n", "    establishes: data_swap\n"),
    ("    target: role\n    commitment:", "    target: none\n    commitment:"),
    ("    kind: scripted\n    round: 2\n", "    kind: scripted\n"),
    ("    kind: deck\n", "    kind: deck\n    round: 3\n"),
    ("    kind: conditional\n    when:\n      tension: {min: 60}\n", "    kind: conditional\n"),
])
def test_schema_and_check_refuse_the_same(old, new):
    """Quoted numbers, yes/no, and items whose fields contradict: both refuse."""
    text = variant(old, new)
    assert (_schema_accepts(text), _check_accepts(text)) == (False, False)


def test_schema_and_check_accept_every_shipped_scenario():
    """Both accept the fixture and every scenario in scenarios/."""
    for text in [VALID, *(p.read_text(encoding="utf-8") for p in SCENARIOS.glob("*.yaml")
                                  if not is_companion(p))]:
        assert _schema_accepts(text) and _check_accepts(text)


def test_schema_lists_the_role_words():
    """`who`, `toward`, `from`, `to` and `role` offer every role word as an enum."""
    defs = scenario_json_schema()["$defs"]
    for name, key in (("Effect", "who"), ("Effect", "toward"), ("TrustTest", "from"),
                      ("TrustTest", "to"), ("SupportTest", "role"), ("CountTest", "role")):
        words = defs[name]["properties"][key]["anyOf"][0]["enum"]
        assert set(words) == {"actor", "target", "responder", "parties", "others", "all", "self"}


def test_schema_line_resolves_relative_to_the_file(tmp_path):
    """A $schema line that names no file from where the scenario is gets a warning with the fix."""
    text = "# yaml-language-server: $schema=scenario.schema.json\n" + VALID
    path = write(tmp_path, "case.yaml", text)
    out = io.StringIO()
    assert run_check([path], out=out, err=io.StringIO()) == 0
    assert "[schema-line]" in out.getvalue()
    fixed = out.getvalue().split("write $schema=")[1].split()[0]
    assert (tmp_path / fixed).resolve() == SCHEMA_PATH.resolve()


# --- The starter written by `main.py new`. ---

def _new(tmp_path: Path, name: str, roles: str) -> tuple[int, str, str]:
    import argparse

    from game.authoring import starter

    parser = argparse.ArgumentParser()
    starter.add_arguments(parser)
    out, err = io.StringIO(), io.StringIO()
    code = starter.run(parser.parse_args([str(tmp_path / name), "--roles", roles]), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("roles", ["north,south", "a,b,c", "w,x,y,z"])
def test_starter_passes_strict_check_and_plays(tmp_path, roles):
    """The starter checks clean under --strict and an AI game of it reaches an ending."""
    from game.ai import make_policy
    from game.authoring.loader import load_scenario
    from game.rules import compile_scenario
    from game.session.runner import play_game

    code, out, _ = _new(tmp_path, "case.yaml", roles)
    path = tmp_path / "case.yaml"
    assert code == 0 and str(path) in out
    report = io.StringIO()
    assert run_check([str(path)], out=report, err=report, strict=True) == 0, report.getvalue()
    scenario = load_scenario(path)
    assert scenario.role_ids == tuple(roles.split(","))
    game = compile_scenario(scenario)
    policies = {r: make_policy("reciprocator", game) for r in scenario.role_ids}
    _, result = play_game(game, 1, policies)
    assert result.ending in {e.id for e in scenario.endings}


def test_starter_adds_yaml_to_a_name_without_one(tmp_path):
    """`new noext` writes noext.yaml; a name with another suffix is refused."""
    code, out, _ = _new(tmp_path, "noext", "north,south")
    assert code == 0 and (tmp_path / "noext.yaml").is_file() and not (tmp_path / "noext").exists()
    assert "noext.yaml" in out
    code, _, err = _new(tmp_path, "notes.txt", "north,south")
    assert code == 2 and "a scenario file ends in .yaml; give a name such as notes.yaml" in err


def test_starter_names_and_labels_read_well(tmp_path):
    """Short ids read as abbreviations (usa -> USA, not Usa), and each role's domestic label
    names it, so a chart legend can tell them apart."""
    from game.authoring.loader import load_scenario

    assert _new(tmp_path, "case.yaml", "usa,nna,east_bloc")[0] == 0
    scenario = load_scenario(tmp_path / "case.yaml")
    assert [r.name for r in scenario.roles] == ["USA", "NNA", "East Bloc"]
    labels = [r.domestic_label for r in scenario.roles]
    assert len(set(labels)) == 3 and labels[0] == "USA support at home"


def test_milestone_cycle_folds_every_follow_on(tmp_path):
    """A cycle of prerequisites in the starter prints as one error: the milestones, their
    idle suspension effects, the withdrawal nobody can take and the endings that need them
    are folded under it."""
    assert _new(tmp_path, "case.yaml", "north,south,east")[0] == 0
    path = tmp_path / "case.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    progress_needed: 2\n", "    requires: [joint_measure]\n    progress_needed: 2\n", 1)
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    assert run_check([str(path)], out=out, err=out) == 2
    lines = out.getvalue().splitlines()
    assert "[milestone-cycle]" in lines[0] and "follow-on problems" in lines[1]
    assert all(line.startswith("      ") for line in lines[2:-1]), lines
    assert any("[action-never]" in line for line in lines) and lines[-1].endswith(": 1 error")


def test_starter_schema_line_works_from_its_folder(tmp_path):
    """The $schema line names the schema by a path that works from the file's folder."""
    (tmp_path / "deep" / "er").mkdir(parents=True)
    assert _new(tmp_path, "deep/er/case.yaml", "a,b")[0] == 0
    first = (tmp_path / "deep" / "er" / "case.yaml").read_text().splitlines()[0]
    ref = first.split("$schema=")[1]
    assert (tmp_path / "deep" / "er" / ref).resolve() == SCHEMA_PATH.resolve()


@pytest.mark.parametrize("roles, words", [
    ("north", "give 2 to 8 roles"), ("North,south", "not a valid id"),
    ("a,a", "only once"), ("a,b,c,d,e,f,g,h,i", "give 2 to 8 roles"),
])
def test_starter_refuses_bad_roles(tmp_path, roles, words):
    """Bad role lists get one line and status 2, and no file."""
    code, out, err = _new(tmp_path, "case.yaml", roles)
    assert code == 2 and out == "" and words in err and err.count("\n") == 1
    assert not (tmp_path / "case.yaml").exists()


def test_starter_never_overwrites(tmp_path):
    """An existing file is left as it is."""
    (tmp_path / "case.yaml").write_text("mine\n")
    code, _, err = _new(tmp_path, "case.yaml", "a,b")
    assert code == 2 and "already exists" in err
    assert (tmp_path / "case.yaml").read_text() == "mine\n"


def test_main_wires_new_and_check_strict(tmp_path, capsys):
    """`main.py new` writes the starter and `main.py check --strict` passes it."""
    from game.cli import main

    path = str(tmp_path / "case.yaml")
    assert main.main(["new", path, "--roles", "north,south"]) == 0
    assert main.main(["check", "--strict", path]) == 0
    assert "ok (2 roles" in capsys.readouterr().out


def test_every_checker_problem_has_a_registered_code():
    """Every problem the checkers report on the broken variants above carries a known code."""
    from game.authoring.codes import CODES

    variants = [variant("roles: [south]", "roles: [soth]"),
                variant("backed_down_by: [wait]", "backed_down_by: []"),
                variant("  - id: data_swap\n", "  - id: data_swop\n"),
                variant("      - {tension: -2}\n", "      - {tension: 0}\n")]
    for text in variants:
        for p in unfold(lint_of(text)):
            assert p.code in CODES, p.text()


def _every_code(text: str) -> set[str]:
    """Every code check prints for the text, folded follow-ons included."""
    from game.authoring.loader import check_text

    try:
        _, _, found = check_text(text, "s.yaml")
    except ScenarioError as exc:
        found = exc.problems
    return {p.code for p in unfold(found)}


@pytest.mark.parametrize("code, old, new", [
    ("yaml-duplicate-key", "rounds: 6\n", "rounds: 6\nrounds: 7\n"),
    ("yaml-alias", "id: border_talks", "id: &a border_talks"),
    ("not-a-scenario", None, "- just a list\n"),
    ("unknown-key", "rounds: 6\n", "rounds: 6\nzzz: 1\n"),
    ("missing-key", "  start_tension: 40\n", ""),
    ("not-allowed", "family: home_front", "family: home front"),
    ("unknown-demand", "makes_demand: guarantee", "makes_demand: guarante"),
    ("duplicate-id", "  - id: leak\n", "  - id: summit\n"),
    ("listed-twice", "roles: [south]", "roles: [south, south]"),
    ("role-word", "{support: -3, who: all}", "{support: -3, who: actor}"),
    ("self-pair", "{from: north, to: south, value: 25}", "{from: north, to: north, value: 25}"),
    ("trust-seed-twice", "    - {from: north, to: south, value: 25}\n",
     "    - {from: north, to: south, value: 25}\n    - {from: north, to: south, value: 20}\n"),
    ("fog", "  drift_max: 5\n", "  drift_max: 5\n  fog_width: 10\n  fog_min: 20\n"),
    ("answers-not-offer", "      - {tension: -2}\n", "      - {tension: -2}\n    on_accept:\n"
     "      - {tension: -1}\n"),
    ("demand-make-and-drop", "    makes_demand: guarantee\n",
     "    makes_demand: guarantee\n    drops_demand: guarantee\n"),
    ("demand-never-made", "    makes_demand: guarantee\n", ""),
    ("milestone-cycle", "requires: [data_swap]", "requires: [warning_line]"),
    ("milestone-never", "requires: [data_swap]", "requires: [warning_line]"),
    ("condition-never", "tension: {min: 60}", "tension: {min: 70, max: 60}"),
    ("event-round-past", "    round: 2\n", "    round: 9\n"),
    ("event-when-ignored", "    kind: deck\n", "    kind: deck\n    when: {tension: {min: 10}}\n"),
    ("event-never", "tension: {min: 60}", "breakdown: true"),
    ("ending-points", "points: {north: 0, south: 0}", "points: {north: 0}"),
    ("endings-uncovered", "    when: {}\n", "    when: {tension: {max: 50}}\n"),
    ("effect-field-unused", "      - {tension: -3}\n", "      - {tension: -3, who: north}\n"),
    ("yaml-depth", None, "x: " + "[" * 45 + "]" * 45 + "\n"),
])
def test_each_code_has_a_broken_file(code, old, new):
    """Each message code comes out of a file broken in that one way."""
    text = new if old is None else variant(old, new)
    assert code in _every_code(text)


@pytest.mark.parametrize("old, new", [
    ("    target: role\n    concession: true\n    effects:\n      - {trust: 3",
     "    target: none\n    aims: {north: [south]}\n    concession: true\n    effects:\n"
     "      - {trust: 3"),
    ("    target: role\n    concession: true\n    effects:\n      - {trust: 3",
     "    target: role\n    aims: {north: [north]}\n    concession: true\n    effects:\n"
     "      - {trust: 3"),
])
def test_schema_and_check_refuse_bad_aims(old, new):
    """Aims without target: role are refused by both (aims at oneself only by check)."""
    text = variant(old, new)
    assert not _check_accepts(text)
    if "target: none" in new:
        assert not _schema_accepts(text)


# --- Design slips that play but cannot be meant: one test per kind. ---

def test_effects_that_cancel_out():
    """Two effects of one list on one meter that add up to 0 are a warning, at the last."""
    text = variant("      - {tension: -2}\n  - id: propose_swap",
                   "      - {tension: -2}\n      - {tension: 2}\n  - id: propose_swap")
    p = only(text)
    assert (p.code, p.is_error, p.path) == ("effects-cancel", False, "actions[0].effects[3]")
    assert "cancels effects[2]: -2 and +2 on the same tension meter add up to 0" in p.message


def test_effects_on_different_meters_do_not_cancel():
    """Trust of the target and trust of the actor are two meters: +3 and -3 is a trade."""
    text = variant("      - {tension: -2}\n  - id: propose_swap",
                   "      - {tension: -2}\n      - {trust: -3, who: actor, toward: target}\n"
                   "  - id: propose_swap")
    assert "effects-cancel" not in codes(text)


def test_effect_amount_is_bounded():
    """An effect of +150,000 on a 0-100 meter is refused by the schema, where it is written."""
    text = variant("{trust: 3, who: target, toward: actor}",
                   "{trust: 150000, who: target, toward: actor}")
    p = _load_problems(text)[0]
    assert (p.code, p.path, pos(p)) == ("out-of-range", "actions[0].effects[0].trust",
                                        at(text, "150000"))
    assert "at most 100" in p.message


def test_progress_needed_above_the_meter():
    """The progress meter runs 0-100, so progress_needed 150 is refused by the schema."""
    text = variant("    parties: [north, south]\n  - id: warning_line",
                   "    parties: [north, south]\n    progress_needed: 150\n  - id: warning_line")
    p = _load_problems(text)[0]
    assert (p.code, p.path) == ("out-of-range", "milestones[0].progress_needed")


def test_progress_too_slow_for_the_rounds():
    """Progress that repeats freely can still fall short: 1 a round from each of two roles
    over the 5 rounds before the last is 10, less than 30."""
    text = variant("    parties: [north, south]\n  - id: warning_line",
                   "    parties: [north, south]\n    progress_needed: 30\n  - id: warning_line")
    text = variant("      - {transparency: 1}\n", "      - {transparency: 1}\n"
                   "      - {progress: 1, milestone: data_swap}\n", text)
    p = find(text, "milestones[0].progress_needed")
    assert p.code == "progress-too-slow" and p.is_error
    assert "needs 30 progress, but in 6 rounds of 2 points at most 10" in p.message
    assert "progress-too-slow" not in codes(text.replace("progress_needed: 30", "progress_needed: 10"))


def test_progress_from_an_action_that_needs_the_milestone_does_not_count():
    """Progress toward a milestone from an action open only once it operates never helps:
    the milestone cannot get the progress it needs."""
    text = variant("    parties: [north, south]\n  - id: warning_line",
                   "    parties: [north, south]\n    progress_needed: 3\n  - id: warning_line")
    text = variant("      - {tension: -2}\n  - id: propose_swap",
                   "      - {tension: -2}\n      - {progress: 3, milestone: data_swap}\n"
                   "    requires: {operating: [data_swap]}\n  - id: propose_swap", text)
    p = find(text, "milestones[0].progress_needed")
    assert p.code == "progress-unreachable" and "at most 0 can ever be added" in p.message


def test_commitment_term_longer_than_the_game():
    """A term that runs past the last round is never kept: a warning at the term, and an
    objective on kept commitments is an error folded under it."""
    text = variant("      term: 3\n", "      term: 6\n")
    p = only(text)
    assert (p.code, p.is_error, p.path) == ("commitment-never-kept", False,
                                            "actions[3].commitment.term")
    assert "shorten term to at most 5" in p.message
    kept = variant("    briefing: You want guarantees before you share anything.\n",
                   "    briefing: You want guarantees before you share anything.\n"
                   "    objectives:\n      - id: kept_word\n        text: Keep your word.\n"
                   "        points: 4\n        when: {commitments_kept: [{role: self, min: 1}]}\n",
                   text)
    top = [p for p in lint_of(kept) if p.code == "commitment-never-kept"]
    assert len(top) == 1 and [f.code for f in top[0].folded] == ["objective-never"]
    assert "runs past the last round" in top[0].folded[0].message


def _with_guarantee(extra: str = "", target: str = "role", roles: str = "[north]") -> str:
    """The fixture with an action `give` that meets the demand for a guarantee."""
    give = (f"  - id: give\n    name: Give a guarantee\n    family: assurance\n    cost: 2\n"
            f"    description: A written guarantee.\n    teaching_note: Meets the demand.\n"
            f"    roles: {roles}\n    target: {target}\n    satisfies_demand: guarantee\n{extra}")
    return variant("  - id: criticise\n", give + "  - id: criticise\n")


def test_satisfier_never_aimed_at_the_demand_maker():
    """An action that meets a demand but is aimed at no role can never meet it."""
    p = find(_with_guarantee(target="none"), "actions[5].satisfies_demand")
    assert p.code == "satisfies-never-aimed" and "set target: role" in p.message


def test_satisfier_only_the_demand_maker_can_take():
    """Only south makes the demand; if only south can take the action, it is never aimed at
    a role standing by the demand."""
    p = find(_with_guarantee(roles="[south]"), "actions[5].satisfies_demand")
    assert p.code == "satisfies-never-aimed" and "south, who make the demand" in p.message


def test_demand_reward_that_nothing_can_earn():
    """A satisfied_reward above 0 on a demand nothing meets is dead: an error at the reward."""
    text = variant("    audience_cost: 6\n", "    audience_cost: 6\n    satisfied_reward: 5\n")
    p = only(text)
    assert (p.code, p.path) == ("demand-reward-dead", "demands[0].satisfied_reward")
    assert "no action has `satisfies_demand: guarantee`" in p.message
    fixed = _with_guarantee().replace("    audience_cost: 6\n",
                                      "    audience_cost: 6\n    satisfied_reward: 5\n")
    assert "demand-reward-dead" not in codes(fixed)


def test_demand_whose_only_satisfier_cannot_reach_it():
    """A reward whose only satisfier is never aimed at the demander folds under that action."""
    text = _with_guarantee(roles="[south]").replace(
        "    audience_cost: 6\n", "    audience_cost: 6\n    satisfied_reward: 5\n")
    top = [p for p in lint_of(text) if p.code == "satisfies-never-aimed"]
    assert len(top) == 1 and [f.code for f in top[0].folded] == ["demand-reward-dead"]


def test_backed_down_only_by_another_role():
    """Only the demander backs down; an action only north takes never counts for south's
    demand, even one that meets the demand."""
    text = variant("backed_down_by: [wait]", "backed_down_by: [wait, give]", _with_guarantee())
    p = find(text, "demands[0].backed_down_by[1]")
    assert p.code == "backdown-other-role" and p.is_error
    assert "south can do neither" in p.message


def test_backed_down_by_the_offer_that_meets_it():
    """An offer that meets the demand and counts as backing down from it: accepting costs the
    audience cost and the reward never comes."""
    text = variant("backed_down_by: [wait]", "backed_down_by: [wait, give]",
                   _with_guarantee("    offer: true\n"))
    p = find(text, "demands[0].backed_down_by[1]")
    assert p.code == "backdown-meets" and "remove it from backed_down_by" in p.message


def test_demand_ended_only_by_an_offer_its_makers_never_answer():
    """An offer in backed_down_by that the demand's makers are never asked to answer (north
    aims it only at east) ends nothing: the demand is stuck."""
    text = with_east(_with_guarantee("    offer: true\n    aims: {north: [east]}\n")
                     .replace("    satisfies_demand: guarantee\n", ""))
    text = variant("backed_down_by: [wait]", "backed_down_by: [give]", text)
    assert {"demand-stuck", "backdown-other-role"} <= set(codes(text))


def test_same_test_twice_in_a_condition():
    """Two trust tests of one pair in one condition: a warning at the second."""
    text = variant("            - {from: south, to: self, min: 50}\n",
                   "            - {from: south, to: self, min: 50}\n"
                   "            - {from: south, to: self, min: 40}\n")
    p = only(text)
    assert (p.code, p.is_error, p.path) == ("condition-twice", False,
                                            "roles[0].objectives[1].when.trust[1]")
    assert "trust[0] already tests this" in p.message


def test_milestone_listed_twice_in_a_condition():
    """A milestone named twice in `operating` is a warning."""
    p = find(variant("          operating: [warning_line]\n      - id: trusted",
                     "          operating: [warning_line, warning_line]\n      - id: trusted"),
             "roles[0].objectives[0].when.operating[1]")
    assert p.code == "condition-twice"


def test_two_objectives_that_test_the_same():
    """Two objectives of one role with the same condition score twice for one thing."""
    text = variant("          trust:\n            - {from: south, to: self, min: 50}\n",
                   "          operating: [warning_line]\n")
    p = find(text, "roles[0].objectives[1].when")
    assert p.code == "condition-twice" and "tests exactly what objective 'line_built'" in p.message


def _load_problems(text: str) -> list[Problem]:
    with pytest.raises(ScenarioError) as info:
        load_text_with_source(text, "s.yaml")
    return info.value.problems
