"""Look-up tables built once per scenario, so the rules never search lists on a hot path."""

from __future__ import annotations

from dataclasses import dataclass

from game.model.scenario import FAMILIES, ActionSpec, DemandSpec, EventSpec, MilestoneSpec, Scenario
from game.rules.aims import may_take


@dataclass(frozen=True, slots=True)
class Index:
    """Scenario content keyed by id, plus derived tables."""

    roles: tuple[str, ...]
    actions: dict[str, ActionSpec]
    role_actions: dict[str, tuple[ActionSpec, ...]]
    milestones: dict[str, MilestoneSpec]
    events: dict[str, EventSpec]
    demands: dict[str, DemandSpec]
    dependents: dict[str, tuple[str, ...]]
    family_rank: dict[str, int]
    breakers: dict[str, frozenset[str]]  # action id -> commitment action ids it breaks
    names: dict[str, str]  # role id -> display name, for ledger notes


_CACHE: dict[int, tuple[Scenario, Index]] = {}


def index(scenario: Scenario) -> Index:
    """The index of a scenario, built on first use and kept while the scenario lives."""
    global _LAST
    if _LAST[0] is scenario:  # the rules call this hundreds of times a round, mostly for one scenario
        return _LAST[1]
    hit = _CACHE.get(id(scenario))
    if hit is None or hit[0] is not scenario:
        hit = _CACHE[id(scenario)] = (scenario, _build(scenario))
    _LAST = hit
    return hit[1]


_LAST: tuple[Scenario | None, Index | None] = (None, None)


def _build(scenario: Scenario) -> Index:
    roles = scenario.role_ids
    role_actions = {
        r: tuple(a for a in scenario.actions if may_take(a, r)) for r in roles
    }
    milestones = {m.id: m for m in scenario.milestones}
    breakers: dict[str, set[str]] = {}
    for a in scenario.actions:
        if a.commitment:
            for b in a.commitment.broken_by:
                breakers.setdefault(b, set()).add(a.id)
    return Index(
        roles=roles,
        actions={a.id: a for a in scenario.actions},
        role_actions=role_actions,
        milestones=milestones,
        events={e.id: e for e in scenario.events},
        demands={d.id: d for d in scenario.demands},
        dependents={m: _dependents(m, milestones) for m in milestones},
        family_rank={f: i for i, f in enumerate(FAMILIES)},
        breakers={k: frozenset(v) for k, v in breakers.items()},
        names={r.id: r.name for r in scenario.roles},
    )


def _dependents(root: str, milestones: dict[str, MilestoneSpec]) -> tuple[str, ...]:
    """Milestones that need `root`, directly or through others, in scenario order."""
    found: set[str] = set()
    changed = True
    while changed:
        changed = False
        for m in milestones.values():
            if m.id not in found and (root in m.requires or found & set(m.requires)):
                found.add(m.id)
                changed = True
    return tuple(m for m in milestones if m in found)
