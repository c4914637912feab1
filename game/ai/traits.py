"""What personas know about a scenario's actions and about last round, read generically.

Personas never name a role or an action id. They ask questions of the action specs
(is it a concession, an offer, pressure, a demand, a guarantee?) and of the public
record (what did each partner do to us last round?). This module answers them once
per scenario and once per round, so a persona stays a few dozen lines. The facts about
the actions (`Traits`) are compiled with the scenario (`game.rules.action_traits`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.model.actions import Action
from game.rules.action_traits import Facts, Traits
from game.rules.view import PlayerView

__all__ = ["Facts", "Mood", "Traits", "aimed", "busy", "moods", "partners"]


@dataclass(slots=True)
class Mood:
    """What one partner did to us last round, read from the public record."""

    gave: list[str] = field(default_factory=list)  # action ids of its concessions toward us
    hit: list[str] = field(default_factory=list)  # action ids of its hostile moves toward us
    accepted: int = 0  # our offers it accepted
    conceded_to_it: int = 0  # our own concessions toward it

    @property
    def hostile(self) -> bool:
        """It moved against us."""
        return bool(self.hit)

    @property
    def friendly(self) -> bool:
        """It moved toward us and not against us."""
        return not self.hit and bool(self.gave or self.accepted)


def moods(t: Traits, view: PlayerView, rounds_back: int = 1) -> dict[str, Mood]:
    """Partner -> what it did to us in the last `rounds_back` rounds (empty before any)."""
    me = view.role
    out = {r: Mood() for r in t.others.get(me, t.names)}
    ours = f"{me}:"  # the keys of our own offers start with our role
    for rec in view.records[-rounds_back:]:
        for a in rec.orders:
            conceded, hostile, _ = t.facts[a]
            if a.role == me:
                for r in conceded:
                    if r in out:
                        out[r].conceded_to_it += 1
            elif me in hostile:
                out[a.role].hit.append(a.action_id)
            elif me in conceded:
                out[a.role].gave.append(a.action_id)
        for responder, key, ok in rec.responses:
            if ok and responder in out and key.startswith(ours):
                out[responder].accepted += 1
    return out


def partners(t: Traits, me: str) -> tuple[str, ...]:
    """The other roles, in scenario order."""
    return t.others[me]


def busy(t: Traits, chosen: tuple[Action, ...]) -> frozenset[str]:
    """Roles an order already drafted this round is aimed at."""
    return frozenset(r for a in chosen for r in t.responders(a)) if chosen else frozenset()


def aimed(t: Traits, chosen: tuple[Action, ...], role: str) -> bool:
    """True if an order already drafted this round is aimed at `role`."""
    for a in chosen:
        if role in t.responders(a):
            return True
    return False
