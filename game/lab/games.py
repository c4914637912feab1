"""The balance lab's games: what to play (a Plan), each game played headless and kept as a
GameRecord, spread over worker processes in a fixed order, with a progress bar.

`game.lab.simulate` (the `simulate` command) makes the plan from its options and reports
on the records; `game.lab.tryout` plays the same plans for each suggested change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

from game.ai import make_policy
from game.lab.evidence import Observer
from game.lab.report import GameRecord, TalksRecord
from game.lab.workers import ordered
from game.model.results import Phase, ScoreKind, Track
from game.model.scenario import Scenario
from game.rules import CompiledScenario, compile_scenario, new_game, outcome
from game.rules.conditions import holds
from game.rules.rng import derive_seed
from game.rules.values import measure_deal, walk_aways
from game.session.runner import play_round

CHUNK = 50  # games per task: big enough to amortise pickling, small enough to balance cores


@dataclass(frozen=True)
class Plan:
    """What to play: the assignments (one persona per role) and how many games each."""

    roles: tuple[str, ...]
    personas: tuple[str, ...]
    assignments: tuple[tuple[str, ...], ...]
    counts: tuple[int, ...]  # games per assignment, in assignment order
    seed: int
    rounds: int | None
    sampled_from: int  # how many assignments there were before sampling

    @property
    def total(self) -> int:
        """Games in all."""
        return sum(self.counts)


def game_seed(seed: int, assignment: tuple[str, ...], game: int) -> int:
    """The seed of one game, fixed by the base seed, the assignment and the game's index."""
    return derive_seed(seed, game, "simulate:" + ",".join(assignment))


def policies_for(game: CompiledScenario, plan: Plan, a_index: int) -> dict:
    """Role -> a policy for each seat of one assignment (policies keep nothing between games)."""
    assignment = plan.assignments[a_index]
    return {r: make_policy(p, game) for r, p in zip(plan.roles, assignment, strict=True)}


def play_one(game: CompiledScenario, plan: Plan, a_index: int, index: int,
             policies: dict | None = None) -> GameRecord:
    """Play game number `index` of one assignment and keep what the report needs of it."""
    scenario = game.scenario
    assignment = plan.assignments[a_index]
    roles = plan.roles
    policies = policies or policies_for(game, plan, a_index)
    seed = game_seed(plan.seed, assignment, index)
    state = new_game(game, seed, plan.rounds)
    milestones = tuple(m.id for m in scenario.milestones)
    tension, operating = [state.tension], []
    seen = Observer(game)
    while state.phase != Phase.OVER:
        seen.before_orders(state)
        before, state = state, play_round(state, game, policies)
        seen.after_round(before, state)
        tension.append(state.tension)
        operating.append(tuple(state.milestones[m] == Track.OPERATING for m in milestones))
    result = outcome(state, game)
    actions = {a.id: i for i, a in enumerate(scenario.actions)}
    chosen = [0] * len(actions)
    for record in state.records:
        for order in record.orders:
            chosen[actions[order.action_id]] += 1
    met = tuple(tuple(holds(o.when, state, r) for o in scenario.role(r).objectives) for r in roles)
    return GameRecord(a_index, index, seed, result.ending, result.round,
                      tuple(result.total(r) for r in roles), tuple(tension), tuple(operating),
                      met, tuple(chosen), seen.finish(state), talks_record(state, game, result))


def talks_record(state, game: CompiledScenario, result) -> TalksRecord | None:  # noqa: ANN001
    """What the report keeps of a game's talks (None for a case without talks): the package
    in force at the end, each role's talks score part (the terms' value or its walk-away
    value; 0 for a role outside the talks), its walk-away value at the end, the deal's
    Pareto efficiency, and the options needing ratification that were proposed."""
    if game.talks is None:
        return None
    kinds = (ScoreKind.TERMS, ScoreKind.WALK_AWAY)
    roles = game.roles
    value = tuple(next((p.points for p in result.scores[r] if p.kind in kinds), 0) for r in roles)
    away = walk_aways(state, game)
    a = state.agreement
    package = a.terms if a is not None and a.status == "in_force" else None
    measure = measure_deal(game, package, state) if package else None
    needs_vote = {(i.id, o.id) for i in game.scenario.negotiation.issues for o in i.options
                  if o.ratification is not None}
    proposed = {t for m in state.talks if m.kind in ("propose", "counter") for t in m.terms
                if t in needs_vote} if needs_vote else ()
    return TalksRecord(package, value, tuple(away.get(r, 0) for r in roles),
                       measure.efficiency if measure else None,
                       measure.efficient if measure else None, tuple(sorted(proposed)))


def play_chunk(game: CompiledScenario, plan: Plan, a_index: int, start: int,
               stop: int) -> list[GameRecord]:
    """Play games start..stop-1 of one assignment."""
    policies = policies_for(game, plan, a_index)
    return [play_one(game, plan, a_index, g, policies) for g in range(start, stop)]


def chunks(plan: Plan) -> list[tuple[int, int, int]]:
    """The tasks, in the fixed order their results are combined: (assignment, start, stop).

    Sampled assignments (one game each) are grouped CHUNK at a time."""
    tasks = []
    for a, n in enumerate(plan.counts):
        tasks += [(a, s, min(s + CHUNK, n)) for s in range(0, n, CHUNK)]
    return tasks


_WORKER: tuple[CompiledScenario, Plan] | None = None


def _init_worker(game: CompiledScenario, plan: Plan) -> None:
    global _WORKER
    _WORKER = (game, plan)


def _work(batch: list[tuple[int, int, int]]) -> list[GameRecord]:
    game, plan = _WORKER
    return _play_batch(game, plan, batch)


def _batches(tasks: list[tuple[int, int, int]]) -> list[list[tuple[int, int, int]]]:
    """Tasks grouped so each batch holds about CHUNK games."""
    out: list[list[tuple[int, int, int]]] = [[]]
    size = 0
    for t in tasks:
        if size >= CHUNK:
            out.append([])
            size = 0
        out[-1].append(t)
        size += t[2] - t[1]
    return [b for b in out if b]


def play_all(scenario: Scenario, plan: Plan, workers: int,
             progress: Progress | None = None) -> list[GameRecord]:
    """Every game's record, in assignment order and then game order (see game.lab.workers)."""
    batches = _batches(chunks(plan))
    games: list[GameRecord] = []
    _collect(ordered(_work, batches, workers, _init_worker, (compile_scenario(scenario), plan)),
             games, progress)
    if progress:
        progress.finish()
    return games


def _play_batch(game: CompiledScenario, plan: Plan,
                batch: list[tuple[int, int, int]]) -> list[GameRecord]:
    return [g for task in batch for g in play_chunk(game, plan, *task)]


def _collect(done, games: list[GameRecord], progress: Progress | None) -> None:  # noqa: ANN001
    # imap yields in task order, so the combined results never depend on the workers.
    for results in done:
        games.extend(results)
        if progress:
            progress.advance(len(results))


class Progress:
    """A one-line progress bar on a terminal stream, redrawn at most every 1%."""

    def __init__(self, stream: TextIO, total: int, width: int = 30) -> None:
        self.stream, self.total, self.width, self.done, self._shown = stream, total, width, 0, -1

    def advance(self, n: int) -> None:
        """Count n more games done."""
        self.done += n
        pct = self.done * 100 // max(1, self.total)
        if pct != self._shown:
            self._shown = pct
            fill = self.width * self.done // max(1, self.total)
            self.stream.write(f"\r[{'#' * fill}{'.' * (self.width - fill)}] {pct:3d}% "
                              f"{self.done}/{self.total} games")
            self.stream.flush()

    def finish(self) -> None:
        """End the bar's line."""
        self.stream.write("\n")
        self.stream.flush()
