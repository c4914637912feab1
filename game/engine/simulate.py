"""The balance lab: play many AI-only games of a scenario and report how it plays.

`python main.py simulate SCENARIO --games N` plays every combination of the chosen
personas across the roles (or one given assignment), N games each, and prints the
endings, scores and top finishes per assignment, then flags for the author. Each
game's seed is derived from (seed, assignment, game index), work is split into
chunks whose results are combined in a fixed order, so the report is the same for a
seed whatever the number of workers.
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from game.ai import LAB_PERSONAS, PERSONAS, TEMPERAMENTS, make_policy
from game.engine.loader import ScenarioError, load_scenario
from game.engine.runner import play_game
from game.engine.simreport import Report, write_csv, write_json, write_text
from game.model.scenario import Scenario
from game.rules.compiled import CompiledScenario, compile_scenario
from game.rules.rng import derive_seed

CHUNK = 50  # games per task: big enough to amortise pickling, small enough to balance cores


class SimulateError(ValueError):
    """Bad input to the simulate command; the message is one line for the author."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The simulate command's options."""
    parser.add_argument("scenario", help="scenario file (YAML)")
    parser.add_argument("--games", type=int, default=100, help="games per assignment (default 100)")
    parser.add_argument("--personas", default=",".join(LAB_PERSONAS),
                        help="comma-separated personas to combine across the roles "
                             "(default: %(default)s; 'name:soft' or 'name:hard' sets a temperament)")
    parser.add_argument("--assign", default=None, metavar="ROLE=PERSONA,...",
                        help="fix the persona of some roles; the others range over --personas")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes to use (default: every core)")
    parser.add_argument("--seed", type=int, default=1, help="base seed (default 1)")
    parser.add_argument("--rounds", type=int, default=None, help="rounds per game (default: scenario's)")
    parser.add_argument("--json", default=None, metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--csv", default=None, metavar="FILE", help="also write the figures as CSV")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run the command; 0 on success, 2 on bad input (one line on `err`)."""
    try:
        scenario = load(args.scenario)
        plan = make_plan(scenario, args)
    except SimulateError as exc:
        print(f"simulate: error: {exc}", file=err)
        return 2
    progress = None if args.quiet else Progress(err, plan.total)
    results = play_all(scenario, plan, args.workers, progress)
    report = Report.build(scenario, plan.assignments, plan.personas, results, args.seed)
    write_text(report, out)
    try:
        if args.json:
            write_json(report, Path(args.json))
        if args.csv:
            write_csv(report, Path(args.csv))
    except OSError as exc:
        print(f"simulate: error: cannot write {exc.filename}: {exc.strerror}", file=err)
        return 2
    return 0


def load(path: str) -> Scenario:
    """Load and validate a scenario, raising SimulateError with one line if it fails."""
    if not Path(path).is_file():
        raise SimulateError(f"no scenario file at {path}")
    try:
        return load_scenario(path)
    except ScenarioError as exc:
        first = exc.problems[0].text() if exc.problems else str(exc)
        more = f" (and {len(exc.problems) - 1} more; run: python main.py check {path})" \
            if len(exc.problems) > 1 else ""
        raise SimulateError(first + more) from None


@dataclass(frozen=True)
class Plan:
    """What to play: the assignments (role -> persona) and the games of each."""

    roles: tuple[str, ...]
    personas: tuple[str, ...]
    assignments: tuple[tuple[str, ...], ...]  # one persona per role, in role order
    games: int
    seed: int
    rounds: int | None
    total: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "total", len(self.assignments) * self.games)


def make_plan(scenario: Scenario, args: argparse.Namespace) -> Plan:
    """Check the options against the scenario and list the assignments to play."""
    roles = scenario.role_ids
    personas = tuple(p.strip() for p in args.personas.split(",") if p.strip())
    fixed = _parse_assign(args.assign, roles) if args.assign else {}
    for name in (*personas, *fixed.values()):
        _check_persona(name, scenario)
    if args.games < 1:
        raise SimulateError(f"--games must be at least 1, not {args.games}")
    if args.workers < 1:
        raise SimulateError(f"--workers must be at least 1, not {args.workers}")
    if args.rounds is not None and not 1 <= args.rounds <= 40:
        raise SimulateError(f"--rounds must be between 1 and 40, not {args.rounds}")
    if not personas and len(fixed) < len(roles):
        raise SimulateError("give --personas, or --assign a persona to every role")
    choices = [(fixed[r],) if r in fixed else personas for r in roles]
    assignments = tuple(itertools.product(*choices))
    used = tuple(dict.fromkeys(p for a in assignments for p in a))
    return Plan(roles, used, assignments, args.games, args.seed, args.rounds)


def _parse_assign(text: str, roles: tuple[str, ...]) -> dict[str, str]:
    fixed = {}
    for item in text.split(","):
        role, sep, persona = item.strip().partition("=")
        if not sep or not persona:
            raise SimulateError(f"--assign {item.strip()!r}: give ROLE=PERSONA")
        if role not in roles:
            raise SimulateError(f"--assign: unknown role {role!r}; the roles are {', '.join(roles)}")
        fixed[role] = persona
    return fixed


def _check_persona(name: str, scenario: Scenario) -> None:
    base, _, temper = name.partition(":")
    if base not in PERSONAS:
        raise SimulateError(f"unknown persona {base!r}; choose from {', '.join(PERSONAS)}")
    if temper and temper not in TEMPERAMENTS:
        raise SimulateError(f"unknown temperament {temper!r}; choose from {', '.join(TEMPERAMENTS)}")
    try:
        make_policy(name, compile_scenario(scenario))
    except KeyError as exc:
        raise SimulateError(str(exc.args[0])) from None


#: One game's result: (ending id, rounds played, score per role in role order).
GameResult = tuple[str, int, tuple[int, ...]]


def game_seed(seed: int, assignment: tuple[str, ...], game: int) -> int:
    """The seed of one game, fixed by the base seed, the assignment and the game's index."""
    return derive_seed(seed, game, "simulate:" + ",".join(assignment))


def play_chunk(game: CompiledScenario, plan: Plan, a_index: int, start: int,
               stop: int) -> list[GameResult]:
    """Play games start..stop-1 of one assignment (policies keep nothing between games)."""
    assignment = plan.assignments[a_index]
    policies = {r: make_policy(p, game) for r, p in zip(plan.roles, assignment, strict=True)}
    out = []
    for g in range(start, stop):
        _, result = play_game(game, game_seed(plan.seed, assignment, g), policies, plan.rounds)
        out.append((result.ending, result.round, tuple(result.total(r) for r in plan.roles)))
    return out


def chunks(plan: Plan) -> list[tuple[int, int, int]]:
    """The tasks, in the fixed order their results are combined: (assignment, start, stop)."""
    return [(a, s, min(s + CHUNK, plan.games))
            for a in range(len(plan.assignments)) for s in range(0, plan.games, CHUNK)]


_WORKER: tuple[CompiledScenario, Plan] | None = None


def _init_worker(game: CompiledScenario, plan: Plan) -> None:
    global _WORKER
    _WORKER = (game, plan)


def _work(task: tuple[int, int, int]) -> list[GameResult]:
    game, plan = _WORKER
    return play_chunk(game, plan, *task)


def play_all(scenario: Scenario, plan: Plan, workers: int,
             progress: Progress | None = None) -> list[list[GameResult]]:
    """Every game's result, grouped by assignment, in game order."""
    tasks = chunks(plan)
    game = compile_scenario(scenario)
    by_assignment: list[list[GameResult]] = [[] for _ in plan.assignments]
    if workers == 1 or len(tasks) == 1:
        done = (play_chunk(game, plan, *t) for t in tasks)
        _collect(tasks, done, by_assignment, progress)
    else:
        ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                          else "spawn")
        with ctx.Pool(min(workers, len(tasks)), _init_worker, (game, plan)) as pool:
            _collect(tasks, pool.imap(_work, tasks), by_assignment, progress)
    if progress:
        progress.finish()
    return by_assignment


def _collect(tasks, done, by_assignment, progress) -> None:
    # imap yields in task order, so the combined results never depend on the workers.
    for (a, _, _), results in zip(tasks, done, strict=True):
        by_assignment[a].extend(results)
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
