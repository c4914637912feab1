"""What every lint checker shares: the scenario, its ids, and how to word a problem.

A checker is a function from a `Lint` context to the Problems it finds; the context
collects the scenario's ids once so each checker can test references cheaply.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from game.engine.lint.walk import establishable
from game.engine.problems import Path, Problem, SourceMap
from game.model.scenario import Scenario


@dataclass
class Lint:
    """What every checker needs: the scenario, where its nodes sit, and its ids."""

    scenario: Scenario
    source: SourceMap
    roles: set[str] = field(default_factory=set)
    milestones: set[str] = field(default_factory=set)
    actions: set[str] = field(default_factory=set)
    demands: set[str] = field(default_factory=set)
    establishable: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        s = self.scenario
        self.roles = {r.id for r in s.roles}
        self.milestones = {m.id for m in s.milestones}
        self.actions = {a.id for a in s.actions}
        self.demands = {d.id for d in s.demands}
        self.establishable = establishable(s)

    def problem(self, path: Path, message: str, *, key: bool = False) -> Problem:
        """A problem located at the node on `path`."""
        return self.source.problem(path, message, key=key)

    def unknown(self, path: Path, kind: str, ref: str, known: set[str]) -> Iterator[Problem]:
        """A problem if `ref` is not one of the `known` ids, with the closest one as a hint."""
        if ref not in known:
            yield self.problem(path, f"unknown {kind} '{ref}'" + hint(ref, known))


Checker = Callable[[Lint], Iterator[Problem]]


def hint(word: str, choices: set[str] | list[str]) -> str:
    """`; did you mean 'x'?` for the closest choice, or nothing."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
