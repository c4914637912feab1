"""A condition read test by test on the end of each game the lab played.

An objective met in 97% of games, or an ending never reached, is explained by the
test of its condition that holds (or fails) most: `leaves` splits a condition into
its tests, and `reading` says how often each held and what the meter it reads stood
at, on average, at the end. The values come from the lab's game records (final
meters, milestones operating, commitments kept and broken), never from a replay.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from game.lab.evidence import GameEvidence
from game.model.scenario import Condition, Span


class Leaf(NamedTuple):
    """One test of a condition: what it reads, about whom, and the range it needs.

    kind: tension, round, operating_count, operating, not_operating, trust, support,
    commitments_kept, commitments_broken, breakdown or any_of; `subject` names the roles
    or milestone it reads (`self` already replaced by the objective's owner)."""

    kind: str
    subject: tuple[str, ...]
    low: int | None
    high: int | None
    branches: tuple[Condition, ...] = ()


class Reading(NamedTuple):
    """How one test fared over the games: the share in which it held and the mean value."""

    leaf: Leaf
    held: float  # share of games, 0..1
    mean: float | None  # mean value read at the end (None for a yes-or-no test)


class Ending(NamedTuple):
    """What the lab kept of a game's end that a condition can read."""

    tension: int
    round: int
    operating: frozenset[str]
    evidence: GameEvidence | None


def leaves(cond: Condition, owner: str | None = None) -> list[Leaf]:
    """The condition's own tests, then one `any_of` test for its branches (if any)."""
    def who(ref: str) -> str:
        return owner if ref == "self" and owner else ref

    out = [Leaf(k, (), s.min, s.max) for k, s in (("tension", cond.tension), ("round", cond.round),
                                                  ("operating_count", cond.operating_count)) if s]
    out += [Leaf("operating", (m,), None, None) for m in cond.operating]
    out += [Leaf("not_operating", (m,), None, None) for m in cond.not_operating]
    out += [Leaf("trust", (who(t.from_), who(t.to)), t.min, t.max) for t in cond.trust]
    for key in ("support", "commitments_kept", "commitments_broken"):
        out += [Leaf(key, (who(t.role),), t.min, t.max) for t in getattr(cond, key)]
    if cond.breakdown is not None:
        out.append(Leaf("breakdown", (), int(cond.breakdown), int(cond.breakdown)))
    if cond.any_of:
        out.append(Leaf("any_of", (owner or "",), None, None, tuple(cond.any_of)))
    return out


Meters = Callable[[str], int]  # ledger meter name -> index in the evidence's meters


def value(leaf: Leaf, end: Ending, meter: Meters, roles: Sequence[str]) -> int | None:
    """The number a test reads at the end of a game, or None if it reads no number."""
    ev = end.evidence
    kind = leaf.kind
    if kind == "tension":
        return end.tension
    if kind == "round":
        return end.round
    if kind == "operating_count":
        return len(end.operating)
    if ev is None or kind not in ("trust", "support", "commitments_kept", "commitments_broken"):
        return None
    if kind == "trust":
        return ev.meters[meter(f"trust.{leaf.subject[0]}.{leaf.subject[1]}")]
    if kind == "support":
        return ev.meters[meter(f"support.{leaf.subject[0]}")]
    counts = ev.kept if kind == "commitments_kept" else ev.broken
    return counts[list(roles).index(leaf.subject[0])]


def holds(leaf: Leaf, end: Ending, meter: Meters, roles: Sequence[str]) -> bool:
    """True if the test held at the end of the game."""
    if leaf.kind == "operating":
        return leaf.subject[0] in end.operating
    if leaf.kind == "not_operating":
        return leaf.subject[0] not in end.operating
    if leaf.kind == "breakdown":
        return (end.tension >= 100) == bool(leaf.low)
    if leaf.kind == "any_of":
        owner = leaf.subject[0] or None
        return any(all(holds(x, end, meter, roles) for x in leaves(b, owner)) for b in leaf.branches)
    number = value(leaf, end, meter, roles)
    if number is None:
        return True
    return Span(min=leaf.low, max=leaf.high).holds(number)


def reading(cond: Condition, ends: list[Ending], meter: Meters, roles: Sequence[str],
            owner: str | None = None) -> list[Reading]:
    """Each test of the condition with the share of games it held in and its mean value."""
    n = max(1, len(ends))
    out = []
    for leaf in leaves(cond, owner):
        held = sum(holds(leaf, e, meter, roles) for e in ends) / n
        values = [v for e in ends if (v := value(leaf, e, meter, roles)) is not None]
        out.append(Reading(leaf, held, sum(values) / len(values) if values else None))
    return out
