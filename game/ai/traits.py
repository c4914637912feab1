"""What personas know about a scenario's actions and about last round, read generically.

Personas never name a role or an action id. They ask questions of the action specs
(is it a concession, an offer, pressure, a demand, a guarantee?) and of the public
record (what did each partner do to us last round?). This module answers them once
per scenario and once per round, so a persona stays a few dozen lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.model.actions import Action
from game.model.scenario import ActionSpec, Scenario
from game.rules.view import PlayerView

_CACHE: dict[int, tuple[Scenario, Traits]] = {}


class Traits:
    """Facts about a scenario's actions that every persona reads."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.spec: dict[str, ActionSpec] = {a.id: a for a in scenario.actions}
        self.parties = {m.id: tuple(m.parties) for m in scenario.milestones}
        self.track = [m.id for m in scenario.milestones]
        self.names = {r.id: r.name for r in scenario.roles}
        self.domestic = {r.id: r.domestic_label for r in scenario.roles}
        self.floor = {r.id: _support_floor(r) for r in scenario.roles}
        self.others = {r: tuple(o for o in self.names if o != r) for r in self.names}
        # What each action concedes to, is hostile to and is aimed at, learnt at first sight:
        # personas ask of every legal action on every pick. Keyed by id(): the rules share one
        # Action object per order, and hashing the dataclass was a hot spot. Each entry holds
        # its action, so while it lives no other object can have that id.
        self._facts: dict[int, tuple[Action, frozenset[str], frozenset[str], tuple[str, ...]]] = {}
        self._gain: dict[tuple[str, str], int] = {}
        self._heat: dict[str, int] = {}
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
        # Role -> action id -> score, for the scores personas rank options by on every pick.
        self.gains = {r: {a.id: self.gain(a.id, r) for a in acts} for r in self.names}
        self.warmth = {r: {a.id: self._warmth(a, r) for a in acts} for r in self.names}

    def name(self, role: str) -> str:
        """A role's display name, for reasoning lines."""
        return self.names.get(role, role)

    def facts(self, action: Action) -> tuple[Action, frozenset[str], frozenset[str], tuple[str, ...]]:
        """(action, roles it concedes to, roles it is hostile to, roles it is aimed at)."""
        hit = self._facts.get(id(action))
        if hit is None:
            if len(self._facts) > 100_000:  # actions parsed afresh would otherwise pile up
                self._facts.clear()
            responders = self._responders(action)
            hit = self._facts[id(action)] = (
                action,
                frozenset(r for r in self.names if self._concession_to(action, r, responders)),
                frozenset(r for r in self.names
                          if r != action.role and self._hostile_to(action, r, responders)),
                responders)
        return hit

    def responders(self, action: Action) -> tuple[str, ...]:
        """Who must answer (or is aimed at by) an action."""
        return (self._facts.get(id(action)) or self.facts(action))[3]

    def _responders(self, action: Action) -> tuple[str, ...]:
        spec = self.spec[action.action_id]
        if spec.establishes:
            return tuple(p for p in self.parties[spec.establishes] if p != action.role)
        if spec.target == "milestone" and action.target in self.parties:
            return tuple(p for p in self.parties[action.target] if p != action.role)
        return (action.target,) if spec.target == "role" and action.target else ()

    def concession_to(self, action: Action, role: str) -> bool:
        """A conciliatory step aimed at `role` (or warming everyone, `role` included)."""
        return role in self.conceded(action)

    def conceding(self, legal: list[Action], role: str) -> list[Action]:
        """The actions in `legal` that are concessions toward `role`."""
        known, learn = self._facts, self.facts
        return [a for a in legal if role in (known.get(id(a)) or learn(a))[1]]

    def conceded(self, action: Action) -> frozenset[str]:
        """Every role an action is a concession toward."""
        return (self._facts.get(id(action)) or self.facts(action))[1]

    def hostile(self, action: Action) -> frozenset[str]:
        """Every role an action is hostile to."""
        return (self._facts.get(id(action)) or self.facts(action))[2]

    def hostile_to(self, action: Action, role: str) -> bool:
        """Pressure aimed at `role`, a withdrawal from its arrangement, or anything that
        the scenario says costs the actor `role`'s trust (a demand, a warning)."""
        return role in self.hostile(action)

    def _concession_to(self, action: Action, role: str, responders: tuple[str, ...]) -> bool:
        spec = self.spec[action.action_id]
        if not spec.concession:
            return False
        return role in responders or _trust_hits(spec, action, role) > 0

    def _hostile_to(self, action: Action, role: str, aimed: tuple[str, ...]) -> bool:
        spec = self.spec[action.action_id]
        if _trust_hits(spec, action, role) < 0:
            return True
        if spec.family != "pressure":
            return False
        return role in aimed or (not aimed and not _hits_anyone(spec))

    def support_gain(self, spec: ActionSpec, role: str) -> int:
        """Domestic support `role` gains by taking `spec` itself."""
        return self.gain(spec.id, role)

    def gain(self, action_id: str, role: str) -> int:
        """Domestic support `role` gains by taking the action `action_id` itself."""
        key = (action_id, role)
        hit = self._gain.get(key)
        if hit is None:
            hit = self._gain[key] = sum(e.support for e in self.spec[action_id].effects
                                        if e.support is not None and e.who in ("actor", "all", role))
        return hit

    def _warmth(self, spec: ActionSpec, role: str) -> float:
        """How much a concession does for the relationship, per point spent and support lost:
        milestones first, then offers, then unilateral steps."""
        rank = 3 if spec.establishes else 2 if spec.offer else 1
        return rank - 0.4 * (spec.cost - 1) + 0.05 * min(0, self.gain(spec.id, role))

    def heat(self, action_id: str) -> int:
        """Tension the action itself adds (its rises only), for personas that mind the brink."""
        hit = self._heat.get(action_id)
        if hit is None:
            hit = self._heat[action_id] = sum(e.tension for e in self.spec[action_id].effects
                                              if e.tension is not None and e.tension > 0)
        return hit

    def establishes_with(self, action: Action, role: str) -> bool:
        """A proposal for a milestone that `role` is a party to."""
        spec = self.spec[action.action_id]
        return bool(spec.establishes) and role in self.parties[spec.establishes]


def traits(scenario: Scenario) -> Traits:
    """The traits of a scenario, built once and kept while the scenario lives."""
    hit = _CACHE.get(id(scenario))
    if hit is not None and hit[0] is scenario:
        return hit[1]
    built = Traits(scenario)
    _CACHE[id(scenario)] = (scenario, built)
    return built


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


@dataclass(slots=True)
class Mood:
    """What one partner did to us last round, read from the public record."""

    gave: list[str] = field(default_factory=list)  # names of its concessions toward us
    hit: list[str] = field(default_factory=list)  # names of its hostile moves toward us
    accepted: int = 0  # our offers it accepted
    declined: int = 0  # our offers it declined
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
            _, conceded, hostile, _ = t._facts.get(id(a)) or t.facts(a)
            if a.role == me:
                for r in conceded:
                    if r in out:
                        out[r].conceded_to_it += 1
            elif me in hostile:
                out[a.role].hit.append(t.spec[a.action_id].name)
            elif me in conceded:
                out[a.role].gave.append(t.spec[a.action_id].name)
        for responder, key, ok in rec.responses:
            if responder in out and key.startswith(ours):
                if ok:
                    out[responder].accepted += 1
                else:
                    out[responder].declined += 1
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
