"""The `check` command: load and lint scenario files, print every problem, never raise.

Problems print one per line as `FILE:LINE:COL: path: message [code]` (warnings as
`FILE:LINE:COL: warning: path: ...`), sorted by file and line, each followed by the
follow-on problems of the same cause, indented; then one summary line per file. The
exit status is 2 when any file has an error, 0 otherwise - also with warnings, unless
`strict` is set, when a warning fails the check too.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path as FilePath
from typing import TextIO

from game.authoring.companion import (
    check_companions,
    companion_problems,
    is_companion,
    read_companion,
    scenario_of,
)
from game.authoring.file_text import read_bytes
from game.authoring.glyphs import glyph_problems
from game.authoring.loader import Problem, ScenarioError, check_text
from game.authoring.tutorial_companion import (
    FOLDER,
    is_tutorial_companion,
    tutorial_companion_problems,
    tutorial_companions,
)
from game.model.scenario import Scenario
from game.words import _, ngettext

#: The editor line that names the JSON Schema, as the starter and shipped files write it.
SCHEMA_LINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)", re.MULTILINE)


def run_check(paths: list[str], out: TextIO | None = None, err: TextIO | None = None, *,
              strict: bool = False) -> int:
    """Check each scenario file; print problems and summaries; return 0 if all pass."""
    out, err = out or sys.stdout, err or sys.stderr
    if not paths:
        print(_("check: name at least one scenario file, for example scenarios/*.yaml"), file=err)
        return 2
    results = [check_one(str(path), err) for path in paths]
    unique = dict.fromkeys(p for _s, found in results for p in found)  # a companion checked twice
    problems = sorted(unique, key=lambda p: (p.file, p.line, p.col))
    for problem in problems:
        for line in problem.lines():
            print(line, file=out)
    for path, (scenario, found) in zip(paths, results, strict=True):
        if is_companion(path):
            print(companion_summary(str(path), scenario, found, strict=strict), file=out)
        else:
            print(summary(str(path), scenario, found, strict=strict), file=out)
    failed = any(p.is_error or strict for p in problems)
    return 2 if failed or any(s is None for s, _f in results) else 0


def check_one(path: str, err: TextIO = sys.stderr) -> tuple[Scenario | None, list[Problem]]:
    """The scenario (if it loaded) and every problem of one file, warnings included: a
    scenario's own, its companion translations' and its characters the fonts lack; for a
    companion file, the companion's problems against its scenario (for a companion of a
    scenario's tutorial, against the tutorial)."""
    if is_tutorial_companion(path):
        return check_tutorial_companion(path, err)
    if is_companion(path):
        return check_companion(path, err)
    try:
        data = read_bytes(FilePath(path))
        scenario, source, found = check_text(data, path)
        more = [] if scenario is None else glyph_problems(scenario, source) + \
            check_companions(path, scenario) + [
                p for c in tutorial_companions(path) for p in tutorial_companion_problems(c)]
        return scenario, found + schema_line_problems(path, data) + more
    except ScenarioError as exc:
        return None, exc.problems
    except Exception as exc:  # noqa: BLE001 - a bug must not hide the other files' results
        _internal_error(path, exc, err)
        return None, []


def _internal_error(path: str, exc: Exception, err: TextIO) -> None:
    """Report a bug met while checking one file, so it does not hide the others' results."""
    print(_("{path}: internal error while checking ({kind}: {exc}); please report this "
            "as a bug").format(path=path, kind=type(exc).__name__, exc=exc), file=err)


def _base_broken(path: str, base) -> Problem:
    """The problem of a translation whose scenario does not load."""
    return Problem(path, 1, 1, "<root>", _(
        "the scenario {name} this file translates has errors; check it first").format(
        name=base.name), "translation-file")


def _glyphs(scenario: Scenario, path: str, found: list[Problem]) -> list[Problem]:
    """Characters of a translation's texts the bundled fonts cannot draw (none looked for
    while the file has errors)."""
    if any(p.is_error for p in found):
        return []
    data, source = read_companion(path)
    lang = data["language"]
    strings = {k: v[lang] for k, v in data["texts"].items() if isinstance(v.get(lang), str)}
    return glyph_problems(scenario, source, strings, lambda key: ("texts", key, lang))


def check_companion(path: str, err: TextIO = sys.stderr) -> tuple[Scenario | None, list[Problem]]:
    """The scenario a companion translates (if it loads) and the companion's problems."""
    from game.authoring.loader import load_scenario

    base = scenario_of(path)
    try:
        scenario = load_scenario(base)
    except ScenarioError:
        return None, [_base_broken(path, base)]
    except Exception as exc:  # noqa: BLE001 - as check_one
        _internal_error(path, exc, err)
        return None, []
    found = companion_problems(scenario, path)
    return scenario, found + _glyphs(scenario, path, found)


def check_tutorial_companion(path: str, err: TextIO = sys.stderr
                             ) -> tuple[Scenario | None, list[Problem]]:
    """The scenario a tutorial guides (if it loads) and the problems of a companion of that
    tutorial: its keys against the tutorial's texts (game.authoring.tutorial_companion)."""
    from game.authoring.loader import load_scenario

    tutorial = scenario_of(path)
    base = tutorial.parent.parent / tutorial.name if tutorial.parent.name == FOLDER else tutorial
    found = tutorial_companion_problems(path)
    try:
        scenario = load_scenario(base)
    except (ScenarioError, OSError):
        return None, found + [_base_broken(path, base)]
    except Exception as exc:  # noqa: BLE001 - as check_one
        _internal_error(path, exc, err)
        return None, []
    return scenario, found + _glyphs(scenario, path, found)


def companion_summary(path: str, scenario: Scenario | None, found: list[Problem], *,
                      strict: bool = False) -> str:
    """`FILE: ok (translation of NAME)`, or its errors and warnings, as `summary`."""
    errors = sum(1 for p in found if p.is_error)
    warnings = len(found) - errors
    if errors or scenario is None:
        counts = [_count(errors, "error"), _count(warnings, "warning")]
        return f"{path}: " + (", ".join(c for c in counts if c) or _("not checked (internal error)"))
    name = scenario_of(path).name
    if warnings and strict:
        return _("{path}: fails under --strict: {warnings} (translation of {name})").format(
            path=path, warnings=_count(warnings, "warning"), name=name)
    tail = "; " + _count(warnings, "warning") if warnings else ""
    return _("{path}: ok (translation of {name}){tail}").format(path=path, name=name, tail=tail)


def schema_line_problems(path: str, data: bytes) -> list[Problem]:
    """A warning if the file's `$schema=` line names a local file that is not there."""
    text = data[:4000].decode("utf-8", "replace")
    found = SCHEMA_LINE.search(text)
    if not found or re.match(r"^[a-z]+://", found.group(1)):
        return []
    target = (FilePath(path).parent / found.group(1))
    if target.is_file():
        return []
    from game.authoring.schema_export import SCHEMA_PATH, relative_schema

    line = text.count("\n", 0, found.start(1)) + 1
    col = found.start(1) - (text.rfind("\n", 0, found.start(1)) + 1) + 1
    return [Problem(path, line, col, "<root>", _(
        "the $schema line points at {name}, which is not there from this file, so editors "
        "cannot check it; write $schema={fix}").format(
        name=found.group(1), fix=relative_schema(FilePath(path), SCHEMA_PATH)), "schema-line")]


def summary(path: str, scenario: Scenario | None, found: list[Problem], *,
             strict: bool = False) -> str:
    """`FILE: ok (N roles, ...)`, or `FILE: N errors, M warnings`; under `strict`, a file
    with warnings says that it fails."""
    errors = sum(1 for p in found if p.is_error)
    warnings = len(found) - errors
    if errors or scenario is None:
        if not found:
            return _("{path}: not checked (internal error)").format(path=path)
        counts = [_count(errors, "error"), _count(warnings, "warning")]
        return f"{path}: " + ", ".join(c for c in counts if c)
    sizes = ", ".join([_count(len(scenario.roles), "role"), _count(len(scenario.actions), "action"),
                       _count(len(scenario.events), "event"),
                       _count(len(scenario.endings), "ending")])
    if warnings and strict:
        return _("{path}: fails under --strict: {warnings} (otherwise ok: {sizes})").format(
            path=path, warnings=_count(warnings, "warning"), sizes=sizes)
    tail = "; " + _count(warnings, "warning") if warnings else ""
    return _("{path}: ok ({sizes}){tail}").format(path=path, sizes=sizes, tail=tail)


def _count(n: int, what: str) -> str:
    """`1 warning`, `3 errors`; empty for none."""
    words = {"error": ngettext("{n} error", "{n} errors", n),
             "warning": ngettext("{n} warning", "{n} warnings", n),
             "role": ngettext("{n} role", "{n} roles", n),
             "action": ngettext("{n} action", "{n} actions", n),
             "event": ngettext("{n} event", "{n} events", n),
             "ending": ngettext("{n} ending", "{n} endings", n)}
    return words[what].format(n=n) if n or what not in ("error", "warning") else ""
