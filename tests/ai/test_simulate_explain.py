"""The balance lab explains: one short test per flag, and for the causes it finds, a scenario
broken in that one way whose note names the cause and the key to change."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

from game.authoring.loader import load_scenario, load_scenario_text
from game.lab import simulate
from game.lab.report import GameRecord, Report
from tests.ai.test_simulate import FOUR
from tests.engine.test_loader import VALID, variant

FOUR_SCENARIO = load_scenario(FOUR)


def _game(scores: tuple[int, ...], ending: str = "no_progress", met: tuple = (),
          assignment: int = 0, s=FOUR_SCENARIO) -> GameRecord:  # noqa: ANN001
    ops = ((False,) * len(s.milestones),) * 3
    met = met or tuple((False,) * len(r.objectives) for r in s.roles)
    return GameRecord(assignment, 0, 0, ending, 3, scores, (40, 40, 40, 40), ops, met,
                      (1,) * len(s.actions))


def _report(games: list[GameRecord], assignments=None, s=FOUR_SCENARIO) -> Report:  # noqa: ANN001
    assignments = assignments or [("reciprocator",) * len(s.roles)]
    personas = sorted({p for a in assignments for p in a})
    return Report.build(s, assignments, personas, games, 1)


def _kinds(report: Report) -> list[str]:
    return [n["kind"] for n in report.notes]


# --- Flags, from the figures. ---

def test_role_far_under_its_fair_share():
    """A role on top alone in under half its fair share (25% of four) is flagged."""
    games = [_game((0, 5, 0, 0))] * 40 + [_game((0, 0, 5, 0))] * 30 + [_game((0, 0, 0, 5))] * 20 \
        + [_game((5, 0, 0, 0))] * 10
    report = _report(games)
    note = next(n for n in report.notes if n["kind"] == "role_top_low")
    assert note["subject"] == "north" and "only 10.0% of games, under half" in note["text"]


def test_objective_met_almost_always_or_almost_never():
    """Met in 95% of games: a gift; in 1%: a dead letter; in 50%: no flag."""
    s = FOUR_SCENARIO
    def games(share: int) -> list[GameRecord]:
        hit = tuple(tuple(i == 0 and j == 0 for j in range(len(r.objectives)))
                    for i, r in enumerate(s.roles))
        return [_game((1, 0, 0, 0), met=hit)] * share + [_game((1, 0, 0, 0))] * (100 - share)
    first = f"{s.roles[0].id}.{s.roles[0].objectives[0].id}"
    assert ("objective_always", first) in [(n["kind"], n["subject"]) for n in _report(games(95)).notes]
    assert ("objective_rare", first) in [(n["kind"], n["subject"]) for n in _report(games(1)).notes]
    assert first not in [n["subject"] for n in _report(games(50)).notes]


def test_action_never_chosen_and_milestone_never_operating():
    """An action chosen in no game and a milestone that never operated are flagged."""
    s = FOUR_SCENARIO
    game = _game((1, 0, 0, 0))._replace(actions=(0,) + (1,) * (len(s.actions) - 1))
    notes = _report([game] * 10).notes
    assert ("action_never", s.actions[0].id) in [(n["kind"], n["subject"]) for n in notes]
    assert {("milestone_never", m.id) for m in s.milestones} <= {(n["kind"], n["subject"]) for n in notes}


def test_persona_that_decides_the_ending():
    """With a hardliner at the table 90% of games break down, without it 10%: flagged; the
    same ending either way is not."""
    seats = [("hardliner", "reciprocator", "reciprocator", "reciprocator"),
             ("reciprocator",) * 4]
    games = [_game((1, 0, 0, 0), "breakdown" if i < 9 else "no_progress", assignment=0)
             for i in range(10)] + \
            [_game((1, 0, 0, 0), "breakdown" if i < 1 else "no_progress", assignment=1)
             for i in range(10)]
    note = next(n for n in _report(games, seats).notes if n["kind"] == "persona_decides")
    assert note["subject"] == "hardliner" and "90% of games end 'Breakdown'" in note["text"]
    assert "against 10% without it" in note["text"]
    same = [g._replace(ending="breakdown") for g in games]
    assert "persona_decides" not in _kinds(_report(same, seats))


# --- Causes, from what the lab counted while it played. ---

def _explain(text: str, tmp_path: Path, *extra: str) -> list[dict]:
    load_scenario_text(text, "s.yaml")  # the variant must pass check
    path, data = tmp_path / "s.yaml", tmp_path / "r.json"
    path.write_text(text, encoding="utf-8")
    parser = argparse.ArgumentParser()
    simulate.add_arguments(parser)
    args = parser.parse_args([str(path), "--games", "50", "--workers", "1", "--quiet",
                              "--json", str(data), *extra])
    assert simulate.run(args, out=io.StringIO(), err=io.StringIO()) == 0
    return json.loads(data.read_text(encoding="utf-8"))["notes"]


def _note(notes: list[dict], kind: str, subject: str) -> dict:
    found = [n for n in notes if (n["kind"], n["subject"]) == (kind, subject)]
    assert found, [(n["kind"], n["subject"]) for n in notes]
    return found[0]


def test_cause_pressure_that_costs_two_points(tmp_path):
    """Personas press only with 1-point pressure: a 2-point one is never chosen, and the
    note says to set cost: 1."""
    note = _note(_explain(variant("    family: pressure\n    cost: 1\n",
                                  "    family: pressure\n    cost: 2\n"), tmp_path),
                 "action_never", "criticise")
    assert "personas press only with pressure costing 1 point, and it costs 2" in note["why"][0]
    assert note["tries"] == ["set cost: 1 on 'criticise'"]


def test_cause_a_requirement_that_never_opens(tmp_path):
    """An action whose min_support is never reached is closed every round: the note names
    min_support and the action."""
    text = variant("    teaching_note: Waiting is a choice too.\n",
                   "    teaching_note: Waiting is a choice too.\n"
                   "    requires: {min_support: 100}\n    effects:\n      - {support: 3}\n")
    note = _note(_explain(text, tmp_path), "action_never", "wait")
    assert note["why"][0].startswith("'wait' was closed in 100% of the rounds")
    assert "support was under min_support 100" in note["why"][0]
    assert "lower requires.min_support of 'wait'" in note["tries"][0]


def test_cause_a_step_personas_never_read(tmp_path):
    """A transparency step that is not a concession is read by no persona: mark it one."""
    text = variant("    target: role\n    concession: true\n    effects:\n      - {trust: 3",
                   "    target: role\n    effects:\n      - {trust: 3")
    note = _note(_explain(text, tmp_path), "action_never", "brief")
    assert "the personas never pick a step that is none of: a concession" in note["why"][-1]
    assert "mark 'brief' `concession: true`" in note["tries"][-1]


def test_cause_offers_declined_below_a_trust(tmp_path):
    """Hardliners decline offers from partners they trust under 55: the milestone never
    operates, and the note says who declined, at what trust, and to raise trust."""
    text = variant("    offer: true\n    establishes: data_swap\n",
                   "    offer: true\n    concession: true\n    establishes: data_swap\n")
    text = variant("  default_trust: 30\n", "  default_trust: 20\n", text)
    text = variant("    - {from: north, to: south, value: 25}\n",
                   "    - {from: north, to: south, value: 20}\n", text)
    notes = _explain(text, tmp_path, "--assign", "north=cooperative,south=hardliner")
    note = _note(notes, "milestone_never", "data_swap")
    declined = [w for w in note["why"] if "declined" in w]
    assert declined and "hardliner, as" in declined[0] and "accepted none" in declined[0]
    assert any("raise default_trust, or start_trust from" in t for t in note["tries"])


def test_cause_an_objective_test_that_always_holds(tmp_path):
    """An objective whose test holds at nearly every end names that test and its mean."""
    text = variant("            - {from: south, to: self, min: 50}\n",
                   "            - {from: south, to: self, min: 1}\n")
    note = _note(_explain(text, tmp_path), "objective_always", "north.trusted")
    assert "its test trust of south in north >= 1 held in 100% of games (mean" in note["why"][0]
    assert "move that bound toward the mean" in note["tries"][0]


def test_notes_are_the_same_whatever_the_workers(tmp_path):
    """The causes depend only on the seed: one worker or two give the same notes."""
    text = variant("    family: pressure\n    cost: 1\n", "    family: pressure\n    cost: 2\n")
    one = _explain(text, tmp_path)
    two = _explain(text, tmp_path, "--workers", "2")
    assert one == two


def test_reading_words_every_kind_of_test():
    """Every kind of condition test has words (the words never fall back to a raw id)."""
    from game.lab.notes import Names, test_words

    name = Names(load_scenario_text(VALID, "s.yaml"))
    for kind in ("tension", "round", "operating_count", "support", "trust", "commitments_kept",
                 "commitments_broken"):
        words = test_words({"kind": kind, "subject": ["north", "south"], "min": 1, "max": None},
                           name)
        assert words.endswith(">= 1") and "{" not in words
