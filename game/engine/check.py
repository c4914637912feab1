"""The `check` command: load and lint scenario files, print every problem, never raise.

Problems print one per line as `FILE:LINE:COL: path: message`, sorted by file and
line, followed by one summary line per file. The exit status is 0 when every file
is clean and 2 otherwise, as for every other error meant for people.
"""

from __future__ import annotations

import sys
from typing import TextIO

from game.engine.lint import lint
from game.engine.loader import Problem, ScenarioError, load_with_source
from game.model.scenario import Scenario


def run_check(paths: list[str], out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Check each scenario file; print problems and summaries; return 0 if all are clean."""
    if not paths:
        print("check: name at least one scenario file, for example scenarios/*.yaml", file=err)
        return 2
    results = [_check_one(str(path), err) for path in paths]
    problems = sorted((p for _, found in results for p in found),
                      key=lambda p: (p.file, p.line, p.col))
    for problem in problems:
        print(problem.text(), file=out)
    for path, (scenario, found) in zip(paths, results, strict=True):
        print(_summary(str(path), scenario, found), file=out)
    return 0 if not problems and all(s is not None for s, _ in results) else 2


def _check_one(path: str, err: TextIO) -> tuple[Scenario | None, list[Problem]]:
    """The scenario (if it loaded) and every problem of one file."""
    try:
        scenario, source = load_with_source(path, lint=False)
        return scenario, lint(scenario, source)
    except ScenarioError as exc:
        return None, exc.problems
    except Exception as exc:  # noqa: BLE001 - a bug must not hide the other files' results
        print(f"{path}: internal error while checking ({type(exc).__name__}: {exc}); "
              "please report this as a bug", file=err)
        return None, []


def _summary(path: str, scenario: Scenario | None, found: list[Problem]) -> str:
    """`FILE: ok (N roles, ...)` or `FILE: N errors`."""
    if found:
        return f"{path}: {len(found)} error{'s' if len(found) != 1 else ''}"
    if scenario is None:
        return f"{path}: not checked (internal error)"
    counts = [(len(scenario.roles), "role"), (len(scenario.actions), "action"),
              (len(scenario.events), "event"), (len(scenario.endings), "ending")]
    return f"{path}: ok (" + ", ".join(f"{n} {w}{'s' if n != 1 else ''}" for n, w in counts) + ")"
