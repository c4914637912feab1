"""Meter history and turning points, read back from the ledger for the end screen and debrief."""

from __future__ import annotations

from dataclasses import dataclass

from game.model.scenario import Scenario
from game.model.state import GameState, LedgerEntry


@dataclass(frozen=True, slots=True)
class Series:
    """One meter's value at the start (index 0) and after each round."""

    meter: str
    values: tuple[int, ...]


def meter_history(state: GameState, scenario: Scenario) -> dict[str, Series]:
    """Every meter's value at the start and at the end of each round, from the ledger alone."""
    current = start_values(scenario)
    rows = {m: [v] for m, v in current.items()}
    by_round: dict[int, list[LedgerEntry]] = {}
    for e in state.ledger:
        by_round.setdefault(e.round, []).append(e)
    for rnd in range(1, (state.records[-1].round if state.records else 0) + 1):
        for e in by_round.get(rnd, []):
            if e.meter in current:
                current[e.meter] = e.after
        for m, v in current.items():
            rows[m].append(v)
    return {m: Series(m, tuple(v)) for m, v in rows.items()}


def start_values(scenario: Scenario) -> dict[str, int]:
    """Every meter as the scenario sets it, before the opening event: tension, trust,
    domestic support, progress and transparency, by ledger name."""
    r = scenario.rules
    roles = scenario.role_ids
    pairs = [(a, b) for a in roles for b in roles if a != b]
    seeded = {(t.from_, t.to): t.value for t in r.start_trust}
    values = {"tension": r.start_tension}
    values.update({f"trust.{a}.{b}": seeded.get((a, b), r.default_trust) for a, b in pairs})
    values.update({f"support.{role.id}": role.start_support for role in scenario.roles})
    values.update({f"progress.{m.id}": 0 for m in scenario.milestones})
    values.update({f"transparency.{a}.{b}": 0 for a, b in pairs})
    return values


def mean_trust(history: dict[str, Series]) -> Series:
    """The mean of all directed trust values, round by round."""
    trusts = [s.values for m, s in history.items() if m.startswith("trust.")]
    if not trusts:
        return Series("trust.mean", ())
    return Series("trust.mean", tuple(round(sum(col) / len(col)) for col in zip(*trusts, strict=True)))


@dataclass(frozen=True, slots=True)
class TurningPoint:
    """A cause that moved the public meters most in one round."""

    round: int
    cause: str
    source: str
    actor: str | None
    swing: int
    tension: int
    entries: tuple[LedgerEntry, ...]


def turning_points(state: GameState, count: int = 3) -> list[TurningPoint]:
    """The causes with the largest swings in tension and trust, largest first."""
    groups: dict[tuple[int, str, str, str | None], list[LedgerEntry]] = {}
    for e in state.ledger:
        if e.meter == "tension" or e.meter.startswith("trust."):
            groups.setdefault((e.round, e.cause, e.source, e.actor), []).append(e)
    points = [TurningPoint(k[0], k[1], k[2], k[3], sum(abs(e.amount) for e in g),
                           sum(e.amount for e in g if e.meter == "tension"), tuple(g))
              for k, g in groups.items()]
    points.sort(key=lambda p: (-p.swing, p.round, p.source))
    return points[:count]
