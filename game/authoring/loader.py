"""Load a scenario file: YAML text in, a validated `Scenario` out, or every problem located.

Each problem names the file, the 1-based line and column, the dotted path inside the
scenario (`actions[3].cost`) and what to fix. The steps live in their own modules:
`file_text` checks the bytes, `yaml_tree` reads the YAML and records each node's
position in a `SourceMap`, `schema_messages` words the schema's errors, and lint
checks that the values fit together. This module strings them together and keeps
the names callers import.
"""

from __future__ import annotations

from pathlib import Path as FilePath

from pydantic import ValidationError

from game.authoring.file_text import MAX_BYTES, NOT_PRINTABLE, decode, read_bytes
from game.authoring.lint import fold
from game.authoring.lint import lint as run_lint
from game.authoring.problems import Path, Pos, Problem, ScenarioError, SourceMap, dotted
from game.authoring.repair import repaired
from game.authoring.schema_messages import later_problems, validation_problems
from game.authoring.yaml_tree import ALLOWED_TAGS, EMPTY, MAX_DEPTH, NO_ALIASES, parse, plain
from game.model.scenario import Scenario

__all__ = [
    "ALLOWED_TAGS", "EMPTY", "MAX_BYTES", "MAX_DEPTH", "NOT_PRINTABLE", "NO_ALIASES", "Path",
    "Pos", "Problem", "ScenarioError", "SourceMap", "dotted", "load_scenario",
    "check_text", "load_scenario_text", "load_text_with_source", "load_with_source",
]


def load_scenario(path: str | FilePath, *, lint: bool = True) -> Scenario:
    """Load and validate a scenario file; raise ScenarioError listing every problem."""
    return load_with_source(path, lint=lint)[0]


def load_scenario_text(text: str | bytes, filename: str, *, lint: bool = True) -> Scenario:
    """Load and validate scenario text that claims to come from `filename`."""
    return load_text_with_source(text, filename, lint=lint)[0]


def load_with_source(path: str | FilePath, *, lint: bool = True) -> tuple[Scenario, SourceMap]:
    """Load a scenario file and keep where each of its nodes sits."""
    return load_text_with_source(read_bytes(FilePath(path)), str(path), lint=lint)


def load_text_with_source(text: str | bytes, filename: str, *,
                          lint: bool = True) -> tuple[Scenario, SourceMap]:
    """Parse, validate and (unless lint=False) lint scenario text; keep the positions.

    Raises ScenarioError with every error: schema errors, and the cross-reference
    errors of the rest of the file too (warnings never stop a load)."""
    scenario, source, problems = check_text(text, filename, lint=lint)
    errors = [p for p in problems if p.is_error]
    if errors or scenario is None:
        raise ScenarioError(errors)
    return scenario, source


def check_text(text: str | bytes, filename: str, *,
               lint: bool = True) -> tuple[Scenario | None, SourceMap, list[Problem]]:
    """(the scenario if it validates, the source map, every problem, warnings included).

    Raises ScenarioError only when the text cannot be read as YAML at all."""
    tree = parse(decode(text, filename), filename)
    source = SourceMap(filename)
    data = plain(tree, (), source)
    try:
        # by_alias only: the file says `from:`, and `from_:` is an unknown key.
        return _linted(Scenario.model_validate(data, by_alias=True, by_name=False), source, lint)
    except ValidationError as exc:
        problems = validation_problems(exc, source)
    stand_in, replaced, later = repaired(data)
    problems += later_problems(later, source)
    if stand_in is not None and lint:
        problems += [p for p in _lint_stand_in(stand_in, source)
                     if p.is_error and not _under(p, replaced, source)]
    return None, source, fold(problems)


def _lint_stand_in(stand_in: Scenario, source: SourceMap) -> list[Problem]:
    """Lint problems of a scenario with stand-ins, or none if the stand-ins confuse lint:
    the schema errors are what the author must fix first either way.

    The caller keeps only the errors (a wrong reference is wrong whatever the numbers):
    a warning judges the values, and some of these are stand-ins, not the file's (a
    walk-away value of 99 clamped to 40 would be quoted as 40)."""
    try:
        return run_lint(stand_in, source, folded=False)
    except Exception:  # noqa: BLE001 - a stand-in is never worth a traceback
        return []


def _linted(scenario: Scenario, source: SourceMap,
            lint: bool) -> tuple[Scenario, SourceMap, list[Problem]]:
    return scenario, source, (run_lint(scenario, source) if lint else [])


def _under(problem: Problem, replaced: list[Path], source: SourceMap) -> bool:
    """True if a lint problem sits at or under a value replaced by a stand-in."""
    return any(problem.path in (dotted(p), dotted(p[:-1])) or problem.path.startswith(dotted(p) + ".")
               or problem.path.startswith(dotted(p) + "[") for p in replaced if p)
