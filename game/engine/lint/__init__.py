"""Cross-reference checks on a scenario that already passed the schema.

The schema checks each value on its own; lint checks that the values fit together:
ids that exist and are unique, role words that mean something where they are used,
milestones that can be established, events that can fire and endings that can be
reached and cover every way a game can end. Each construct has its own small
checker (Ren'Py lint style) yielding Problems located at the offending node; the
checkers live in one module per construct and `CHECKERS` lists them all.
"""

from __future__ import annotations

from game.engine.lint.actions import check_action_refs, check_action_sense, check_demand_refs
from game.engine.lint.context import Checker, Lint, hint
from game.engine.lint.coverage import EndState, check_endings_cover, end_states, surely
from game.engine.lint.dilemma import check_dilemma_refs
from game.engine.lint.endings import always, check_ending_points, check_endings_reachable
from game.engine.lint.events import check_events
from game.engine.lint.ids import check_unique_ids
from game.engine.lint.milestones import (
    check_milestone_cycles,
    check_milestone_refs,
    check_milestones_reachable,
    never_reason,
)
from game.engine.lint.roles import (
    GROUPS,
    ROLE_FIELDS,
    TARGET_FIELDS,
    check_condition_refs,
    check_effect_roles,
)
from game.engine.lint.rules import check_rules, check_trust_seeds
from game.engine.lint.satisfiable import check_conditions_satisfiable, unsatisfiable
from game.engine.lint.walk import (
    ACTION_WORDS,
    EVENT_WORDS,
    MILESTONE_WORDS,
    conditions,
    effects,
    establishable,
    nested,
)
from game.engine.problems import Problem, SourceMap
from game.model.scenario import Scenario

__all__ = [
    "ACTION_WORDS", "CHECKERS", "EVENT_WORDS", "GROUPS", "MILESTONE_WORDS", "ROLE_FIELDS",
    "TARGET_FIELDS", "Checker", "EndState", "Lint", "always", "conditions", "effects",
    "end_states", "establishable", "hint", "lint", "nested", "never_reason", "surely",
    "unsatisfiable",
    "check_action_refs", "check_action_sense", "check_condition_refs",
    "check_conditions_satisfiable", "check_demand_refs", "check_effect_roles",
    "check_ending_points", "check_endings_cover", "check_endings_reachable", "check_events",
    "check_milestone_cycles", "check_milestone_refs", "check_milestones_reachable",
    "check_rules", "check_trust_seeds", "check_unique_ids", "check_dilemma_refs",
]

CHECKERS: tuple[Checker, ...] = (
    check_unique_ids, check_rules, check_trust_seeds, check_action_refs, check_action_sense,
    check_demand_refs, check_milestone_refs, check_milestone_cycles, check_milestones_reachable,
    check_effect_roles, check_condition_refs, check_conditions_satisfiable, check_events,
    check_ending_points, check_endings_reachable, check_endings_cover, check_dilemma_refs,
)


def lint(scenario: Scenario, source: SourceMap | None = None) -> list[Problem]:
    """Every cross-reference problem of the scenario, in file order."""
    ctx = Lint(scenario, source or SourceMap("<scenario>"))
    problems = [p for check in CHECKERS for p in check(ctx)]
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.col, p.path, p.message))
