"""What every lint checker shares: the scenario, its ids, and how to word a problem.

A checker is a function from a `Lint` context to the Problems it finds; the context
collects the scenario's ids once, and what can ever happen in a game (which actions
can be taken, which milestones can operate), so each checker can test cheaply.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from game.authoring.lint.reach import Reach, reach
from game.authoring.problems import Path, Problem, SourceMap
from game.model.scenario import Scenario


@dataclass
class Lint:
    """What every checker needs: the scenario, where its nodes sit, its ids, what can happen."""

    scenario: Scenario
    source: SourceMap
    roles: set[str] = field(default_factory=set)
    milestones: set[str] = field(default_factory=set)
    actions: set[str] = field(default_factory=set)
    demands: set[str] = field(default_factory=set)
    establishable: set[str] = field(default_factory=set)
    reach: Reach | None = None

    def __post_init__(self) -> None:
        s = self.scenario
        self.roles = {r.id for r in s.roles}
        self.milestones = {m.id for m in s.milestones}
        self.actions = {a.id for a in s.actions}
        self.demands = {d.id for d in s.demands}
        self.reach = reach(s)
        self.establishable = set(self.reach.milestones)

    def problem(self, path: Path, message: str, code: str = "", *, key: bool = False,
                cause: str = "") -> Problem:
        """A problem located at the node on `path`; `code` names it (see game.authoring.codes)."""
        return self.source.problem(path, message, code, key=key, cause=cause)

    def unknown(self, path: Path, kind: str, ref: str, known: set[str]) -> Iterator[Problem]:
        """A problem if `ref` is not one of the `known` ids, with the closest one as a hint.

        Every use of one unknown id shares a cause, and so does the id it resembles,
        so one typo prints as one problem with its follow-ons folded under it."""
        if ref not in known:
            close = closest(ref, known)
            cause = f"{kind}:{ref}" + (f" {kind}:{close}" if close else "")
            yield self.problem(path, f"unknown {kind} '{ref}'" + hint(ref, known),
                               f"unknown-{kind.split()[0]}", cause=cause)


Checker = Callable[[Lint], Iterator[Problem]]


def closest(word: str, choices: set[str] | list[str]) -> str | None:
    """The closest choice to `word`, or None."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def hint(word: str, choices: set[str] | list[str]) -> str:
    """`; did you mean 'x'?` for the closest choice, or nothing."""
    close = closest(word, choices)
    return f"; did you mean '{close}'?" if close else ""
