"""The row types of a compiled scenario: plain, immutable records the rules read.

`game.rules.compiled` builds them once per scenario; see `CompiledScenario`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from game.model.actions import Action
from game.model.scenario import ActionSpec, MilestoneSpec


class Change(NamedTuple):
    """One effect on one meter, its role words already resolved (see `effect_rows`)."""

    meter: int  # index into the compiled scenario's meters
    amount: int
    scaled: bool  # a trust gain: scaled by the context's percent when applied
    cap: int | None  # progress: the value it stops at (what its milestone needs)


class Meter(NamedTuple):
    """One meter: its ledger name, the state field and key that hold it, its clamp, and who
    may see its ledger entries while the game runs."""

    name: str
    field: str  # tension, trust, support, progress or transparency
    key: object  # None, a role, a milestone or a (from, toward) pair
    high: int  # the largest value it may take (the smallest is always 0)
    viewers: tuple[str | None, ...]  # roles, and None for the public view


class ActionRow(NamedTuple):
    """An action's spec and the tables the rules read when it resolves."""

    index: int
    spec: ActionSpec
    cost: int
    limit: int | None  # how many times one role may ever take it
    rank: int  # the family's place in the resolution order
    proposes: MilestoneSpec | None  # the milestone it proposes, if any
    parties: tuple[str, ...]  # that milestone's parties
    progress_meter: int | None  # the meter index of that milestone's progress
    breaks: frozenset[str]  # action ids of the actor's commitments that this breaks
    backs_down: tuple[str, ...]  # demand ids that taking (or accepting) this backs down from


@dataclass(frozen=True, slots=True)
class Offer:
    """An offer order: its key (the action's text), the action and who answers it."""

    key: str
    action: Action
    spec: ActionSpec
    responders: tuple[str, ...]

    def to_dict(self) -> dict:
        """JSON-ready: {"key", "action", "responders"}."""
        return {"key": self.key, "action": self.action.text(), "responders": list(self.responders)}


class Answer(NamedTuple):
    """One responder's answer to an offer, as the rows each verdict applies."""

    responder: str
    accepted: tuple[Change, ...]  # the action's on_accept effects, for this responder
    declined: tuple[Change, ...]  # its on_decline effects


class Candidate(NamedTuple):
    """An order a role could give in some state, the rules that can close it, and the meter
    rows it applies when it resolves."""

    action: Action
    text: str  # the action's text form, which names it in the ledger and keys its offer
    row: ActionRow
    rules: tuple[Callable, ...]  # requirements.* functions: each returns a reason or None
    responders: tuple[str, ...]  # who must answer it, if it is an offer; else whom it aims at
    offer: Offer | None  # the offer it makes, if it is one
    effects: tuple[Change, ...]  # its own effects
    answers: tuple[Answer, ...]  # one per responder of an offer, in `responders` order
    passed: tuple[Change, ...]  # ratification passed
    failed: tuple[Change, ...]  # ratification failed
