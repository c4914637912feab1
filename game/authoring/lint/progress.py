"""The most progress a milestone can have in time to be proposed within the game's rounds.

A proposal checks the progress standing when orders are given, so a milestone
proposed in the last round (R) counts only progress resolved in rounds 1..R-1, plus
events at the start of round R. In each round a role spends at most
`points_per_round` and gives each order (an action at one target) once, so the most
its actions add in a round is a small knapsack over its orders; the bound sums that
over the roles and rounds, adds every event and every other milestone's opening
effects once (repeatable events once a round), and leaves out progress from actions
that need the milestone itself operating. It is an upper bound: any game adds no more.
"""

from __future__ import annotations

from game.model.scenario import ActionSpec, Effect, Scenario


def progress_in_time(s: Scenario, takers: dict[str, frozenset[str]], operable: frozenset[str],
                     live: frozenset[str]) -> dict[str, float]:
    """Milestone id -> the most progress it can have when it is last possible to propose it."""
    return {m.id: _bound(s, m.id, takers, operable, live) if m.progress_needed else 0.0
            for m in s.milestones}


def _gain(effects: list[Effect], milestone: str) -> int:
    return sum(e.progress for e in effects
               if e.progress is not None and e.progress > 0 and e.milestone == milestone)


def per_use(a: ActionSpec, milestone: str, parties: dict[str, int]) -> int:
    """The most progress toward `milestone` one order of `a` can add: its effects, each
    responder's answer (one for an offer at a role, the other parties for a proposal)
    and its ratification's outcome, whichever way they go."""
    answers = 0
    if a.offer:
        responders = 1 if a.target == "role" else max(0, parties.get(a.establishes or "", 2) - 1)
        answers = responders * max(_gain(a.on_accept, milestone), _gain(a.on_decline, milestone))
    rat = a.ratification
    voted = max(_gain(rat.on_pass, milestone), _gain(rat.on_fail, milestone)) if rat else 0
    return _gain(a.effects, milestone) + answers + voted


def _built_on(s: Scenario, milestone: str) -> set[str]:
    """The milestone and every milestone that needs it, directly or through others."""
    out, changed = {milestone}, True
    while changed:
        more = {m.id for m in s.milestones if m.id not in out and set(m.requires) & out}
        changed = bool(more)
        out |= more
    return out


def _targets(s: Scenario, a: ActionSpec, role: str) -> int:
    """How many different orders of `a` a role can give in one round (one per target)."""
    if a.target == "role":
        return len(a.aims.get(role, ())) if a.aims else len(s.roles) - 1
    if a.target == "milestone":
        return len(s.milestones)
    return 1


def _knapsack(items: list[tuple[int, int]], points: int) -> int:
    """The most value from items (cost, value), each used at most once, within `points`."""
    best = [0] * (points + 1)
    for cost, value in items:
        for p in range(points, cost - 1, -1):
            best[p] = max(best[p], best[p - cost] + value)
    return best[points]


def _bound(s: Scenario, milestone: str, takers: dict[str, frozenset[str]],
           operable: frozenset[str], live: frozenset[str]) -> float:
    after = _built_on(s, milestone)
    parties = {m.id: len(m.parties) for m in s.milestones}
    sources = []
    for a in s.actions:
        if set(a.requires.operating) & after or not takers.get(a.id):
            continue
        value = per_use(a, milestone, parties)
        if value > 0:
            sources.append((a, value))
    total = 0
    for rnd in range(1, s.rounds):
        for role in s.role_ids:
            items = [(a.cost, value) for a, value in sources if role in takers[a.id]
                     and (a.requires.from_round or 1) <= rnd
                     for _ in range(_targets(s, a, role))]
            total += _knapsack(items, s.rules.points_per_round)
    for e in s.events:
        if e.id in live:
            total += _gain(e.effects, milestone) * (1 if e.once or e.kind == "scripted" else s.rounds)
    for m in s.milestones:
        if m.id in operable and m.id not in after:
            total += _gain(m.on_operating, milestone)
    return float(total)
