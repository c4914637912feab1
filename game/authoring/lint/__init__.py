"""Cross-reference and design checks on a scenario that already passed the schema.

The schema checks each value on its own; lint checks that the values fit together and
that the design can play as meant: ids that exist and are unique, role words that mean
something where they are used, actions some role can take, milestones that can
operate, demands that can end, commitments that can be broken, ratifications that can
pass, events that can fire, objectives that can be met, endings that can be reached
and cover every way a game can end, effects that can matter and do not cancel out,
tests written once, demands that can be met and backed down from by their makers,
commitments that can be kept before the game ends, and talks whose parties all have a
walk-away value and something to bargain over. Each kind of mistake
has its own small checker yielding Problems located at the offending node; `CHECKERS`
lists them all. Problems that one mistake explains are folded under it.
"""

from __future__ import annotations

from game.authoring.lint.actions import (
    check_action_refs,
    check_action_sense,
    check_actions_takeable,
    check_commitments,
    check_demand_refs,
    check_demands_can_end,
    check_ratifications,
)
from game.authoring.lint.context import Checker, Lint, hint
from game.authoring.lint.coverage import EndState, check_endings_cover, end_states, surely
from game.authoring.lint.demands import check_backdowns, check_demand_rewards, check_satisfiers_aimed
from game.authoring.lint.design import (
    check_commitment_terms,
    check_conditions_twice,
    check_effects_cancel,
)
from game.authoring.lint.dilemma import check_dilemma_refs
from game.authoring.lint.effects import check_effects_matter
from game.authoring.lint.endings import always, check_ending_points, check_endings_reachable
from game.authoring.lint.events import check_event_rounds, check_events, check_events_hidden
from game.authoring.lint.fold import fold, unfold
from game.authoring.lint.ids import check_unique_ids
from game.authoring.lint.milestones import (
    check_milestone_cycles,
    check_milestone_refs,
    check_milestones_reachable,
    never_reason,
)
from game.authoring.lint.roles import (
    GROUPS,
    ROLE_FIELDS,
    TARGET_FIELDS,
    check_condition_refs,
    check_effect_roles,
)
from game.authoring.lint.rules import check_rules, check_trust_seeds
from game.authoring.lint.satisfiable import (
    check_conditions_satisfiable,
    check_objectives_matter,
    unsatisfiable,
)
from game.authoring.lint.talks import (
    check_talks_bargain,
    check_talks_ids,
    check_talks_parties,
    check_talks_refs,
)
from game.authoring.lint.typos import id_typos
from game.authoring.lint.walk import (
    ACTION_WORDS,
    EVENT_WORDS,
    MILESTONE_WORDS,
    conditions,
    effects,
    establishable,
    nested,
)
from game.authoring.problems import Problem, SourceMap
from game.model.scenario import Scenario

__all__ = [
    "ACTION_WORDS", "CHECKERS", "EVENT_WORDS", "GROUPS", "MILESTONE_WORDS", "ROLE_FIELDS",
    "TARGET_FIELDS", "Checker", "EndState", "Lint", "always", "conditions", "effects",
    "end_states", "establishable", "fold", "hint", "lint", "nested", "never_reason", "surely",
    "unfold", "unsatisfiable",
    "check_action_refs", "check_action_sense", "check_actions_takeable", "check_commitments",
    "check_condition_refs", "check_conditions_satisfiable", "check_demand_refs",
    "check_demands_can_end", "check_effect_roles", "check_effects_matter",
    "check_ending_points", "check_endings_cover", "check_endings_reachable",
    "check_event_rounds", "check_events", "check_events_hidden", "check_milestone_cycles",
    "check_milestone_refs", "check_milestones_reachable", "check_objectives_matter",
    "check_dilemma_refs", "check_ratifications", "check_rules", "check_trust_seeds",
    "check_unique_ids", "check_satisfiers_aimed", "check_demand_rewards", "check_backdowns",
    "check_effects_cancel", "check_conditions_twice", "check_commitment_terms",
    "check_talks_refs", "check_talks_ids", "check_talks_parties", "check_talks_bargain",
]

CHECKERS: tuple[Checker, ...] = (
    check_unique_ids, check_rules, check_trust_seeds, check_action_refs, check_action_sense,
    check_actions_takeable, check_demand_refs, check_demands_can_end, check_commitments,
    check_ratifications, check_milestone_refs, check_milestone_cycles,
    check_milestones_reachable, check_effect_roles, check_effects_matter, check_condition_refs,
    check_conditions_satisfiable, check_objectives_matter, check_events, check_event_rounds,
    check_events_hidden, check_ending_points, check_endings_reachable, check_endings_cover,
    check_dilemma_refs, check_satisfiers_aimed, check_demand_rewards, check_backdowns,
    check_effects_cancel, check_conditions_twice, check_commitment_terms,
    check_talks_refs, check_talks_ids, check_talks_parties, check_talks_bargain,
)


#: Warnings that rest on what can happen in a game, which unknown ids leave uncertain.
GUESSES = frozenset({"objective-always"})


def lint(scenario: Scenario, source: SourceMap | None = None, *,
         folded: bool = True) -> list[Problem]:
    """Every cross-reference and design problem of the scenario, in file order.

    With `folded` (the default) follow-on problems sit in their cause's `folded`;
    otherwise every problem is listed on its own."""
    ctx = Lint(scenario, source or SourceMap("<scenario>"))
    problems = list(set(p for check in CHECKERS for p in check(ctx)))
    if any(p.code.startswith("unknown-") for p in problems):
        # With ids missing, what can happen is not known well enough to call anything a gift.
        problems = [p for p in problems if p.code not in GUESSES]
    problems = sorted(problems + id_typos(ctx, problems),
                      key=lambda p: (p.file, p.line, p.col, p.path, p.message))
    return fold(problems) if folded else problems
