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
from game.words import N_, _

#: An unknown id, by the kind of thing it should name.
UNKNOWN = {
    "role": N_("unknown role '{ref}'"),
    "milestone": N_("unknown milestone '{ref}'"),
    "action": N_("unknown action '{ref}'"),
    "demand": N_("unknown demand '{ref}'"),
    "action with a commitment": N_("unknown action with a commitment '{ref}'"),
}


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
                cause: str = "", resembles: tuple[str, str, str] | None = None) -> Problem:
        """A problem located at the node on `path`; `code` names it (see game.authoring.codes).
        `resembles` is (kind, used, defined) for an unknown id close to a defined one."""
        return self.source.problem(path, message, code, key=key, cause=cause,
                                   resembles=resembles)

    def unknown(self, path: Path, kind: str, ref: str, known: set[str]) -> Iterator[Problem]:
        """A problem if `ref` is not one of the `known` ids, with the closest one as a hint.

        Every use of one unknown id shares a cause, and so does the id it resembles,
        so one typo prints as one problem with its follow-ons folded under it."""
        if ref not in known:
            close = closest(ref, known)
            cause = f"{kind}:{ref}" + (f" {kind}:{close}" if close else "")
            yield self.problem(path, unknown_message(kind, ref) + hint(ref, known),
                               f"unknown-{kind.split()[0]}", cause=cause,
                               resembles=(kind, ref, close) if close else None)


Checker = Callable[[Lint], Iterator[Problem]]


def closest(word: str, choices: set[str] | list[str]) -> str | None:
    """The closest choice to `word`, or None."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def unknown_message(kind: str, ref: str) -> str:
    """`unknown milestone 'x'`, for one of the kinds of UNKNOWN, in the current language."""
    return _(UNKNOWN[kind]).format(ref=ref)


def hint(word: str, choices: set[str] | list[str]) -> str:
    """`; did you mean 'x'?` for the closest choice; without one, the valid choices
    (`; give one of: a, b, c`), so every message about an unknown id says what to write."""
    close = closest(word, choices)
    return did_you_mean(close) if close else one_of(choices)


#: The most choices an unknown-id message lists before it says how many more there are.
MOST_LISTED = 20


def one_of(choices: set[str] | list[str]) -> str:
    """`; give one of: a, b, c`: the valid ids, sorted (the first MOST_LISTED), or nothing."""
    ids = sorted(set(choices))
    if not ids:
        return ""
    if len(ids) <= MOST_LISTED:
        return _("; give one of: {ids}").format(ids=", ".join(ids))
    return _("; give one of: {ids} and {n} more").format(ids=", ".join(ids[:MOST_LISTED]),
                                                         n=len(ids) - MOST_LISTED)


def did_you_mean(close: str) -> str:
    """`; did you mean 'x'?`: the clause added to a message about an unknown name."""
    return _("; did you mean '{close}'?").format(close=close)
