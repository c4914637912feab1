"""What packages are worth: walk-away values, the zone of agreement and the frontier.

Pure functions over the compiled talks (`game.rules.talks_tables`). Values are points,
private to each role; only a role's own values reach its AI, and only the lab, the
frontier command and the debrief (after the game) compare roles. Rules: docs/rules.md,
"The talks".
"""

from __future__ import annotations

from typing import NamedTuple

from game.model.state import GameState, Package
from game.rules.compiled import CompiledScenario
from game.rules.conditions import holds


def walk_away(state: GameState | None, game: CompiledScenario, role: str) -> int:
    """A role's walk-away value in points: its base value, plus every change whose condition
    holds in `state` (`self` meaning the role). With `state` None: the base value.
    KeyError if the role has no walk-away value or the scenario has no talks."""
    spec = game.talks.spec.walk_away[role]
    if state is None:
        return spec.value
    return spec.value + sum(c.amount for c in spec.changes if holds(c.when, state, role))


def walk_aways(state: GameState | None, game: CompiledScenario) -> dict[str, int]:
    """Every party's walk-away value (see `walk_away`)."""
    return {r: walk_away(state, game, r) for r in game.talks.parties}


def values(game: CompiledScenario, package: Package) -> dict[str, int]:
    """Every party's value for a package, in points."""
    t = game.talks
    return {r: t.package_value(package, r) for r in t.parties}


def in_zone(game: CompiledScenario, package: Package, away: dict[str, int]) -> bool:
    """True if the package beats no agreement for every party (value >= walk-away)."""
    t = game.talks
    return all(t.package_value(package, r) >= away[r] for r in t.parties)


class FrontierPoint(NamedTuple):
    """An efficient package and each party's value for it, in points."""

    terms: Package
    values: dict[str, int]


def frontier(game: CompiledScenario, state: GameState | None = None) -> list[FrontierPoint]:
    """The Pareto frontier of the zone of agreement: the packages every party prefers to no
    agreement (walk-away values read from `state`, or the base values) that no other such
    package beats for one party without costing another. In the packages' fixed order;
    empty when there is no zone of agreement."""
    away = walk_aways(state, game)
    zone = [(p, values(game, p)) for p in game.talks.packages if in_zone(game, p, away)]
    return [FrontierPoint(p, v) for p, v in zone
            if not any(_dominates(w, v) for _, w in zone)]


def _dominates(a: dict[str, int], b: dict[str, int]) -> bool:
    return all(a[r] >= b[r] for r in a) and any(a[r] > b[r] for r in a)


class DealMeasure(NamedTuple):
    """How a deal compares with what was possible, all in points.

    - `gains`: each party's value minus its walk-away value.
    - `efficient`: no package in the zone is at least as good for all and better for one.
    - `left_on_table`: the most joint value a package could have added without leaving
      any party worse off (0 for an efficient deal).
    - `efficiency`: the deal's joint gain over the best joint gain in the zone, 0.0-1.0
      (1.0 when no package in the zone has a positive joint gain)."""

    gains: dict[str, int]
    efficient: bool
    left_on_table: int
    efficiency: float


def measure_deal(game: CompiledScenario, package: Package,
                 state: GameState | None = None) -> DealMeasure:
    """Measure an agreed package against the zone of agreement (see `DealMeasure`)."""
    away = walk_aways(state, game)
    mine = values(game, package)
    gains = {r: mine[r] - away[r] for r in mine}
    zone = [values(game, p) for p in game.talks.packages if in_zone(game, p, away)]
    better = [v for v in zone if _dominates(v, mine)]
    left = max((sum(v.values()) - sum(mine.values()) for v in better), default=0)
    best = max((sum(v[r] - away[r] for r in v) for v in zone), default=0)
    joint = sum(gains.values())
    efficiency = 1.0 if best <= 0 else max(0.0, min(1.0, joint / best))
    return DealMeasure(gains, not better, left, efficiency)
