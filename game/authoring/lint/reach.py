"""What can ever happen in a game of a scenario: which roles can take each action, which
milestones can ever operate, how much progress each can get in time (see `progress`),
who can make each demand.

Worked out as a least fixed point, starting from nothing: an action counts once some
role may take it in a state that can arise, a milestone once a party can propose it
with its prerequisites operating and enough progress within reach, and so on until
nothing changes. A cycle of prerequisites therefore never counts. Unknown ids are
reported on their own and do not block anything here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from game.authoring.lint.progress import progress_in_time
from game.model.scenario import ActionSpec, Scenario

INF = math.inf


@dataclass
class Reach:
    """The result: takers per action, operable milestones, progress within reach, demands."""

    takers: dict[str, frozenset[str]] = field(default_factory=dict)
    milestones: frozenset[str] = frozenset()
    progress: dict[str, float] = field(default_factory=dict)
    demand_makers: dict[str, frozenset[str]] = field(default_factory=dict)
    live_events: frozenset[str] = frozenset()
    #: The most progress each milestone could get with no limit of rounds or points.
    progress_any: dict[str, float] = field(default_factory=dict)

    def can_take(self, action_id: str) -> bool:
        """True if some role can ever take the action."""
        return bool(self.takers.get(action_id))


def reach(s: Scenario) -> Reach:
    """The least fixed point of what can happen in games of `s`."""
    r = Reach(live_events=frozenset(live_events(s)))
    while True:
        takers = {a.id: frozenset(_takers(s, a, r)) for a in s.actions}
        standing = start_demands(s)
        makers = {d.id: frozenset({x for a in s.actions if a.makes_demand == d.id
                                   for x in takers[a.id]} | standing.get(d.id, set()))
                  for d in s.demands}
        anyway = _progress(s, takers, r)
        timely = progress_in_time(s, takers, r.milestones, r.live_events)
        progress = {m: min(v, timely[m]) for m, v in anyway.items()}
        found = Reach(takers, frozenset(_operable(s, takers, progress)), progress, makers,
                      r.live_events, anyway)
        if (found.takers, found.milestones, found.demand_makers) == \
                (r.takers, r.milestones, r.demand_makers):
            return found
        r = found


def role_choice(s: Scenario, a: ActionSpec) -> set[str]:
    """The roles an action's `roles` allows (every role when empty), known ids only."""
    ids = set(s.role_ids)
    return set(a.roles) & ids if a.roles else ids


def parties_of(s: Scenario, milestone: str) -> set[str]:
    """The parties of a milestone; empty if it does not exist."""
    return next((set(m.parties) for m in s.milestones if m.id == milestone), set())


def _takers(s: Scenario, a: ActionSpec, r: Reach) -> set[str]:
    """Roles that can take `a` in some game, given what `r` says can happen.

    Each requirement kind narrows the roles in its own small rule (`RULES`), so a new
    kind of requirement is one more function."""
    roles = role_choice(s, a)
    for rule in RULES:
        if not roles:
            break
        roles = rule(s, a, r, roles)
    return roles


def _operating(s: Scenario, a: ActionSpec, r: Reach, roles: set[str]) -> set[str]:
    """Milestones it needs operating can operate, and none is needed both ways."""
    req = a.requires
    known = {m.id for m in s.milestones}
    if any(m in known and m not in r.milestones for m in req.operating):
        return set()
    return set() if set(req.operating) & set(req.not_operating) else roles


def _demand_standing(s: Scenario, a: ActionSpec, r: Reach, roles: set[str]) -> set[str]:
    """Only roles that can stand by the demand it needs."""
    d = a.requires.demand_standing
    if not d or d not in {x.id for x in s.demands}:
        return roles
    return roles & set(r.demand_makers.get(d, ()))


def _proposal(s: Scenario, a: ActionSpec, r: Reach, roles: set[str]) -> set[str]:
    """Only parties propose a milestone; only parties of one that can operate withdraw."""
    if a.establishes and a.establishes in {m.id for m in s.milestones}:
        roles = roles & parties_of(s, a.establishes)
    if a.target == "milestone":
        roles = roles & {p for m in r.milestones for p in parties_of(s, m)}
    return roles


def _aimed(s: Scenario, a: ActionSpec, r: Reach, roles: set[str]) -> set[str]:
    """An action aimed at a role needs another role; `aims`, if given, lists who may aim."""
    if a.target == "role" and len(s.roles) < 2:
        return set()
    aims = getattr(a, "aims", None)
    return roles & set(aims) if aims else roles


def _from_round(s: Scenario, a: ActionSpec, r: Reach, roles: set[str]) -> set[str]:
    """An earliest round after the last round rules it out."""
    first = getattr(a.requires, "from_round", None)
    return set() if first is not None and first > s.rounds else roles


def _target_demands(s: Scenario, a: ActionSpec, r: Reach, roles: set[str]) -> set[str]:
    """Aimed only at a role standing by a demand: some other role must be able to."""
    d = getattr(a.requires, "target_demands", None)
    if not d or d not in {x.id for x in s.demands}:
        return roles
    holders = set(r.demand_makers.get(d, ()))
    return {x for x in roles if holders - {x} and may_aim(a, x, holders)}


def _received(s: Scenario, a: ActionSpec, r: Reach, roles: set[str]) -> set[str]:
    """Only roles that can receive the commitment it needs, from another role."""
    given = getattr(a.requires, "received_commitment", None)
    maker = next((b for b in s.actions if b.id == given), None)
    if maker is None:
        return roles
    givers = set(r.takers.get(maker.id, ()))
    return {x for x in roles if any(may_aim(maker, g, {x}) for g in givers - {x})}


def may_aim(a: ActionSpec, actor: str, targets: set[str]) -> bool:
    """True if `actor` may aim `a` at one of `targets` (any other role unless `aims` says)."""
    aims = getattr(a, "aims", None)
    allowed = set(aims.get(actor, ())) if aims else targets - {actor}
    return bool(allowed & targets - {actor})


#: The requirement rules, each narrowing the roles that can take an action.
RULES = (_operating, _demand_standing, _proposal, _aimed, _from_round, _target_demands, _received)


def start_demands(s: Scenario) -> dict[str, set[str]]:
    """Demand id -> roles standing by it at round 1 (`start_demands`, where the schema has it)."""
    out: dict[str, set[str]] = {}
    for sd in getattr(s, "start_demands", ()):
        out.setdefault(sd.demand, set()).add(sd.role)
    return out


def live_events(s: Scenario) -> list[str]:
    """Events that are not ruled out by their round: scripted ones inside the game and
    first in their round; deck and conditional ones always count."""
    seen: set[int] = set()
    out = []
    for e in s.events:
        if e.kind == "scripted":
            if e.round is None or e.round > s.rounds or e.round in seen:
                continue
            seen.add(e.round)
        out.append(e.id)
    return out


def _progress(s: Scenario, takers: dict[str, frozenset[str]], r: Reach) -> dict[str, float]:
    """The most progress each milestone can ever get, INF when a source repeats freely."""
    total = {m.id: 0.0 for m in s.milestones}

    def add(effects, times: float) -> None:
        for e in effects:
            if e.progress is not None and e.progress > 0 and e.milestone in total:
                total[e.milestone] += e.progress * times

    n = len(s.roles)
    for a in s.actions:
        who = takers.get(a.id, frozenset())
        if not who:
            continue
        times = INF if a.requires.max_uses is None else a.requires.max_uses * len(who) * n
        add(a.effects, times)
        add(a.on_accept, times)
        add(a.on_decline, times)
        if a.ratification:
            add(a.ratification.on_pass, times)
            add(a.ratification.on_fail, times)
    for e in s.events:
        if e.id in r.live_events:
            add(e.effects, 1 if e.once or e.kind == "scripted" else INF)
    for m in s.milestones:
        if m.id in r.milestones:
            add(m.on_operating, 1)
    return total


def _operable(s: Scenario, takers: dict[str, frozenset[str]],
              progress: dict[str, float]) -> set[str]:
    """Milestones a party can propose with enough progress, prerequisites first."""
    known = {m.id for m in s.milestones}
    proposed = {a.establishes for a in s.actions if a.establishes and takers.get(a.id)}
    ready = {m.id for m in s.milestones
             if m.id in proposed and progress.get(m.id, 0) >= m.progress_needed}
    done: set[str] = set()
    while True:
        more = {m.id for m in s.milestones
                if m.id in ready and m.id not in done and set(m.requires) & known <= done}
        if not more:
            return done
        done |= more
