"""Walking a scenario for lint: every effect and condition, each with its path.

Also which milestones some sequence of actions can ever bring into operation, which
several checkers need to tell a condition that can hold from one that never can.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.lint.reach import reach
from game.authoring.problems import Path
from game.model.scenario import Condition, Effect, Scenario

#: Role words each kind of effect list may use, beside role ids.
ACTION_WORDS = frozenset({"actor", "others", "all"})
MILESTONE_WORDS = frozenset({"parties", "all", "actor", "others"})
EVENT_WORDS = frozenset({"all"})


def effects(s: Scenario) -> Iterator[tuple[Path, Effect, frozenset[str]]]:
    """Every effect with its path and the role words that mean something there."""
    for i, a in enumerate(s.actions):
        words = set(ACTION_WORDS)
        # An establishing offer goes to the milestone's other parties: its targets.
        words |= {"target"} if a.target == "role" or a.establishes else set()
        words |= {"parties"} if a.establishes or a.target == "milestone" else set()
        for key, extra in (("effects", set()), ("on_accept", {"responder"}),
                           ("on_decline", {"responder"})):
            for j, e in enumerate(getattr(a, key)):
                yield ("actions", i, key, j), e, frozenset(words | extra)
        for key in ("on_pass", "on_fail"):
            for j, e in enumerate(getattr(a.ratification, key) if a.ratification else []):
                yield ("actions", i, "ratification", key, j), e, frozenset(words)
    for i, m in enumerate(s.milestones):
        for key in ("on_operating", "on_suspended"):
            for j, e in enumerate(getattr(m, key)):
                yield ("milestones", i, key, j), e, MILESTONE_WORDS
    for i, ev in enumerate(s.events):
        for j, e in enumerate(ev.effects):
            yield ("events", i, "effects", j), e, EVENT_WORDS


def conditions(s: Scenario) -> Iterator[tuple[Path, Condition, bool]]:
    """Every top-level condition with its path and whether `self` means something there."""
    for i, ev in enumerate(s.events):
        if ev.when is not None:
            yield ("events", i, "when"), ev.when, False
    for r, role in enumerate(s.roles):
        for o, obj in enumerate(role.objectives):
            yield ("roles", r, "objectives", o, "when"), obj.when, True
    for i, end in enumerate(s.endings):
        yield ("endings", i, "when"), end.when, False


def nested(path: Path, cond: Condition) -> Iterator[tuple[Path, Condition]]:
    """The condition and every condition inside its any_of, at any depth."""
    yield path, cond
    for k, branch in enumerate(cond.any_of):
        yield from nested(path + ("any_of", k), branch)


def establishable(scenario: Scenario) -> set[str]:
    """Milestones some sequence of actions can bring into operation (see `reach`)."""
    return set(reach(scenario).milestones)
