"""Playing the changes `--suggest` tries: each variant of the scenario on the same games.

One task per variant, run in order on the workers (`game.lab.workers`): the task
plays every game of the plan in one process and sends back only what the change
left (its flags and their overshoot), so little crosses between processes.
"""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import TextIO

from game.authoring.file_text import read_bytes
from game.authoring.loader import check_text
from game.lab import suggest
from game.lab.games import Plan, Progress, chunks, play_chunk
from game.lab.report import Report
from game.lab.workers import ordered
from game.model.scenario import Scenario
from game.rules import compile_scenario


def evaluate(task: tuple[Scenario, Plan]) -> suggest.Tried:
    """Play every game of the plan on one variant; what it left."""
    scenario, plan = task
    game = compile_scenario(scenario)
    games = [g for a, start, stop in chunks(plan) for g in play_chunk(game, plan, a, start, stop)]
    report = Report.build(scenario, plan.assignments, plan.personas, games, plan.seed,
                          plan.sampled_from, explain_flags=False)
    return suggest.tried_from(None, report)


def run(path: str, scenario: Scenario, notes: list[dict], plan: Plan, tries: int, workers: int,
        err: TextIO | None) -> tuple[list[str], suggest.Tried | None]:
    """The suggestion lines for the terminal, and the best change (None if none helped).

    `err` gets a progress bar over every game played (None: no bar)."""
    text = read_bytes(FilePath(path)).decode("utf-8")
    _scenario, source, _problems = check_text(text, path)
    found = suggest.variants(path, text, source, suggest.proposals(scenario, source, notes), tries)
    tasks = [(scenario, plan)] + [(variant, plan) for _c, _t, variant in found]
    progress = Progress(err, plan.total * len(tasks)) if err else None
    results = []
    for result in ordered(evaluate, tasks, workers):
        results.append(result)
        if progress:
            progress.advance(plan.total)
    if progress:
        progress.finish()
    base = results[0]
    tried = [suggest.with_patch(suggest.Tried(change, r.flags, r.keys, r.overshoot, new), path, text)
             for (change, new, _v), r in zip(found, results[1:], strict=True)]
    best = suggest.ranked(base, tried)
    return (suggest.lines(scenario, base, tried, best, plan.total, plan.seed),
            best[0] if best else None)
