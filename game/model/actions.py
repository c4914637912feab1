"""Moves: small frozen values with a stable one-line text form.

An `Action` is one order a delegation gives. A game advances by five kinds of move:
`Orders` (a role's secret orders for the round), `Responses` (a role's answers to the
offers it received), `Talk` (a message of the talks), and a facilitator's `InjectEvent`
or `EndGame`. The text forms are what
save files and replays store, so they must never change meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from game.model.results import Refusal


class IllegalAction(ValueError):
    """A move that the rules do not allow in the current state.

    `refusal` says why, as data (see `game.model.results.RefusalKind`); `action` is the
    order it concerns, if one. Players read it through `game.words.refusal_line`; `str()`
    is a terse form for logs only."""

    def __init__(self, refusal: Refusal, action: Action | None = None) -> None:
        where = f"{action.text()}: " if action is not None else ""
        super().__init__(f"{where}{refusal}")
        self.refusal = refusal
        self.action = action


class BadMoveText(ValueError):
    """Text that does not parse as a move."""


class Action(NamedTuple):
    """One order: `role` takes `action_id`, aimed at `target` (a role or milestone id) or at nothing.

    A named tuple: immutable, compared and hashed by value, and cheap to use as a key,
    which the rules and the AI do for every legal order they look at.
    """

    role: str
    action_id: str
    target: str | None = None

    def text(self) -> str:
        """Stable text form, for example `washington:brief_plans@moscow`."""
        base = f"{self.role}:{self.action_id}"
        return f"{base}@{self.target}" if self.target else base

    @staticmethod
    def from_text(text: str) -> Action:
        """Parse the text form made by `text()`."""
        role, sep, rest = text.strip().partition(":")
        if not sep or not role or not rest:
            raise BadMoveText(f"not an action: {text!r} (expected role:action or role:action@target)")
        action_id, _, target = rest.partition("@")
        return Action(role, action_id, target or None)

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True, slots=True)
class Orders:
    """A role's complete orders for one round, in the order given."""

    role: str
    actions: tuple[Action, ...]

    def text(self) -> str:
        """Stable text form: `O role action action ...`."""
        return " ".join(["O", self.role, *(a.text() for a in self.actions)])


@dataclass(frozen=True, slots=True)
class Responses:
    """A role's answers to the offers it received: (offer key, accepted) pairs."""

    role: str
    decisions: tuple[tuple[str, bool], ...]

    def text(self) -> str:
        """Stable text form: `R role +offer -offer ...` (+ accepts, - declines)."""
        return " ".join(["R", self.role, *(("+" if ok else "-") + key for key, ok in self.decisions)])

    def as_dict(self) -> dict[str, bool]:
        """The decisions keyed by offer."""
        return dict(self.decisions)


@dataclass(frozen=True, slots=True)
class InjectEvent:
    """A facilitator brings an event into play now."""

    event_id: str

    def text(self) -> str:
        """Stable text form: `E event_id`."""
        return f"E {self.event_id}"


@dataclass(frozen=True, slots=True)
class EndGame:
    """A facilitator ends the game now; it is scored as it stands."""

    def text(self) -> str:
        """Stable text form: `X`."""
        return "X"


#: The kinds of talk message (see `Talk`).
TALK_KINDS = ("propose", "counter", "accept", "decline", "withdraw")


@dataclass(frozen=True, slots=True)
class Talk:
    """A message of the talks (rules: docs/rules.md, "The talks").

    - `propose`: `terms` (a whole package: (issue, option) pairs in issue order) to `to`.
    - `counter`: answers proposal `ref` with other `terms`; it goes back to the proposal's
      sender and its other addressees (`to` is worked out by the rules).
    - `accept`, `decline`: answers proposal `ref`.
    - `withdraw`: takes back the role's own open proposal `ref`."""

    role: str
    kind: str
    ref: int = 0
    to: tuple[str, ...] = ()
    terms: tuple[tuple[str, str], ...] = ()

    def text(self) -> str:
        """Stable text form: `T role kind ref to,to issue=option,...` (`-` for none)."""
        to = ",".join(self.to) or "-"
        terms = ",".join(f"{i}={o}" for i, o in self.terms) or "-"
        return f"T {self.role} {self.kind} {self.ref} {to} {terms}"


Move = Orders | Responses | InjectEvent | EndGame | Talk


def _talk_from_text(args: list[str]) -> Talk:
    if len(args) != 5 or args[1] not in TALK_KINDS or not args[2].isdigit():
        raise BadMoveText("not a talk: expected T role kind ref to,to issue=option,...")
    role, kind, ref, to, terms = args
    pairs = []
    if terms != "-":
        for item in terms.split(","):
            issue, sep, option = item.partition("=")
            if not sep or not issue or not option:
                raise BadMoveText(f"not a term: {item!r} (expected issue=option)")
            pairs.append((issue, option))
    return Talk(role, kind, int(ref), tuple(to.split(",")) if to != "-" else (), tuple(pairs))


def move_from_text(text: str) -> Move:
    """Parse any move's text form."""
    parts = text.split()
    if not parts:
        raise BadMoveText("empty move")
    kind, args = parts[0], parts[1:]
    if kind == "X" and not args:
        return EndGame()
    if kind == "E" and len(args) == 1:
        return InjectEvent(args[0])
    if kind == "T":
        return _talk_from_text(args)
    if kind == "O" and args:
        return Orders(args[0], tuple(Action.from_text(a) for a in args[1:]))
    if kind == "R" and args:
        decisions = []
        for item in args[1:]:
            if item[:1] not in "+-" or len(item) < 2:
                raise BadMoveText(f"not a response: {item!r} (expected +offer or -offer)")
            decisions.append((item[1:], item[0] == "+"))
        return Responses(args[0], tuple(decisions))
    raise BadMoveText(f"not a move: {text!r}")
