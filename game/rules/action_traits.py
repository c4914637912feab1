"""What personas ask of a scenario's actions, compiled once per scenario.

Personas never name a role or an action id. They ask questions of the action specs (is
it a concession, an offer, pressure, a demand, a guarantee?) and of what each order means
to the other roles. `Traits` answers them as tables, made by `compile_scenario` with the
rest of the compiled scenario (`CompiledScenario.traits`) and only read afterwards; the
AI's `game.ai.traits` reads the public record with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple, Protocol

from game.model.actions import Action
from game.model.scenario import ActionSpec, Scenario
from game.rules.tables import ActionRow, Candidate


class Compiling(Protocol):
    """What the traits read of the scenario being compiled (game.rules.compiled, which
    makes them): so this module stands below it, not beside it in a circle."""

    scenario: Scenario
    roles: tuple[str, ...]
    names: Mapping[str, str]
    actions: tuple[ActionRow, ...]
    candidate_of: Mapping[Action, Candidate]


class Facts(NamedTuple):
    """What one order means to the other roles."""

    conceded: frozenset[str]  # roles it is a concession toward
    hostile: frozenset[str]  # roles it moves against
    responders: tuple[str, ...]  # roles it is aimed at (or that must answer it)


class Traits:
    """Facts about a scenario's actions that every persona reads, compiled once per
    scenario (`CompiledScenario.traits`) and shared by every policy, which only reads it."""

    def __init__(self, game: Compiling) -> None:
        scenario = game.scenario
        self.scenario = scenario
        self.spec: dict[str, ActionSpec] = {row.spec.id: row.spec for row in game.actions}
        self.parties = {m.id: tuple(m.parties) for m in scenario.milestones}
        self.names = dict(game.names)
        self.floor = {r.id: _support_floor(r) for r in scenario.roles}
        self.others = {r: tuple(o for o in game.roles if o != r) for r in game.roles}
        acts = scenario.actions
        # Action ids by the questions personas ask of every legal action on every pick.
        self.home = frozenset(a.id for a in acts if a.family == "home_front")
        self.pressure = frozenset(a.id for a in acts if a.family == "pressure" and a.cost == 1
                                  and not a.withdraws)
        self.demands = frozenset(a.id for a in acts if a.makes_demand)
        self.drops = frozenset(a.id for a in acts if a.drops_demand)
        self.promises = frozenset(a.id for a in acts if a.commitment and not a.ratification)
        self.proposals = frozenset(a.id for a in acts if a.establishes)
        self.cheap = frozenset(a.id for a in acts if a.cost == 1)
        self.offers = frozenset(a.id for a in acts if a.offer)
        # Action id -> the demand it satisfies, for guarantees that go to ratification.
        self.guarantees = {a.id: a.satisfies_demand for a in acts
                           if a.satisfies_demand and a.ratification}
        self.big = frozenset(a.id for a in acts if a.cost >= 2)
        # Walking away from the table: costly pressure aimed at no one in particular.
        self.walkouts = frozenset(a.id for a in acts if a.family == "pressure" and a.cost >= 2
                                  and not a.withdraws and a.target != "role")
        self.withdrawals = frozenset(a.id for a in acts if a.withdraws)
        # An order that changes nothing: holding one's position in the open.
        self.idle = frozenset(a.id for a in acts if a.family == "home_front" and not a.effects
                              and not a.offer and not a.commitment)
        # Action id -> tension the action itself adds (its rises only).
        self.heat = {a.id: sum(e.tension for e in a.effects if e.tension is not None and e.tension > 0)
                     for a in acts}
        # Role -> action id -> score, for the scores personas rank options by on every pick.
        self.gains = {r: {a.id: _gain(a, r) for a in acts} for r in game.roles}
        self.warmth = {r: {a.id: _warmth(a, self.gains[r][a.id]) for a in acts} for r in game.roles}
        # How a gesture rates by what it gives up at home: the bigger the sacrifice the better.
        self.generosity = {r: {a: w - 0.3 * self.gains[r][a] for a, w in self.warmth[r].items()}
                           for r in game.roles}
        # Every order any role could give -> its facts.
        self.facts = {c.action: self._facts(game, c) for c in game.candidate_of.values()}
        # Role -> every order that is a concession toward it.
        self.toward = {r: frozenset(a for a, f in self.facts.items() if r in f.conceded)
                       for r in game.roles}

    def responders(self, action: Action) -> tuple[str, ...]:
        """Who must answer (or is aimed at by) an action."""
        return self.facts[action].responders

    def conceded(self, action: Action) -> frozenset[str]:
        """Every role an action is a concession toward."""
        return self.facts[action].conceded

    def hostile(self, action: Action) -> frozenset[str]:
        """Every role an action moves against."""
        return self.facts[action].hostile

    def conceding(self, legal: list[Action], role: str) -> list[Action]:
        """The actions in `legal` that are concessions toward `role`."""
        toward = self.toward[role]
        return [a for a in legal if a in toward]

    def _facts(self, game: Compiling, cand: Candidate) -> Facts:
        action, spec = cand.action, cand.row.spec
        if spec.target == "milestone":
            aimed = tuple(p for p in self.parties[action.target] if p != action.role)
        else:
            aimed = cand.responders
        conceded = frozenset(r for r in game.roles if spec.concession
                             and (r in aimed or _trust_hits(spec, action, r) > 0))
        hostile = frozenset(r for r in game.roles
                            if r != action.role and _hostile_to(spec, action, r, aimed))
        return Facts(conceded, hostile, aimed)


def _gain(spec: ActionSpec, role: str) -> int:
    """Domestic support `role` gains by taking the action itself."""
    return sum(e.support for e in spec.effects
               if e.support is not None and e.who in ("actor", "all", role))


def _warmth(spec: ActionSpec, gain: int) -> float:
    """How much a concession does for the relationship, per point spent and support lost:
    milestones first, then offers, then unilateral steps."""
    rank = 3 if spec.establishes else 2 if spec.offer else 1
    return rank - 0.4 * (spec.cost - 1) + 0.05 * min(0, gain)


def _hostile_to(spec: ActionSpec, action: Action, role: str, aimed: tuple[str, ...]) -> bool:
    """Pressure aimed at `role`, a withdrawal from its arrangement, or anything that
    the scenario says costs the actor `role`'s trust (a demand, a warning)."""
    if _trust_hits(spec, action, role) < 0:
        return True
    if spec.family != "pressure":
        return False
    return role in aimed or (not aimed and not _hits_anyone(spec))


def _support_floor(role) -> int:
    """The highest support level the role's own objectives ask for (40 if none)."""
    mins = [t.min for o in role.objectives for t in o.when.support
            if t.role in ("self", role.id) and t.min is not None]
    return max(mins, default=40)


def _trust_hits(spec: ActionSpec, action: Action, role: str) -> int:
    """Sum of the trust changes `role` feels toward the actor from the action's own effects."""
    total = 0
    for e in spec.effects:
        if e.trust is None or e.toward != "actor":
            continue
        if e.who == role or e.who in ("others", "all") or (e.who == "target" and action.target == role):
            total += e.trust
    return total


def _hits_anyone(spec: ActionSpec) -> bool:
    """True when the action's effects name whose trust falls (so only they are its targets)."""
    return any(e.trust is not None and e.trust < 0 for e in spec.effects)
