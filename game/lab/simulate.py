"""The balance lab: play many AI-only games of a scenario and answer an author's questions.

`python main.py simulate SCENARIO --games N` plays N games in total, spread over the
assignments of personas to roles (every combination of the chosen personas, or
those `--assign` leaves open). With more assignments than games, N of them are
picked evenly and deterministically; otherwise each gets N // A games and the first
N % A one more. Each game's seed is derived from (seed, assignment, game index) and
work is split into chunks whose results are combined in a fixed order, so the
report is the same for a seed whatever the number of workers.

The summary comes first (see `game.lab.report`); `--detail` adds one line per assignment,
and `--json`, `--csv`, `--html` and `--games-csv` write the figures to files.
"""

from __future__ import annotations

import argparse
import io
import itertools
import os
import sys
from typing import TextIO

from game.ai import LAB_PERSONAS, PERSONAS, TEMPERAMENTS, make_policy
from game.authoring.check import check_one, summary
from game.authoring.companion import companion_given
from game.files.atomic import write_all
from game.lab import tryout
from game.lab.games import Plan, Progress, play_all
from game.lab.output import KINDS, OutputError, check_outputs, render_outputs
from game.lab.report import GameRecord, Report, write_text
from game.model.scenario import Scenario
from game.rules import compile_scenario
from game.words import _

DEFAULT_GAMES = 2000
MAX_GAMES = 100_000  # games in one run: the report keeps every game's record (about 2 KB each)
MAX_WORKERS = 64
DEFAULT_TRIES, MAX_TRIES, DEFAULT_SUGGEST_GAMES = 16, 64, 300


class SimulateError(ValueError):
    """Bad input to the simulate command; the message is one line for the author."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The simulate command's options."""
    parser.add_argument("scenario", help=_("scenario file (YAML)"))
    parser.add_argument("--games", type=int, default=DEFAULT_GAMES,
                        help=_("games in total, spread over the assignments (default %(default)s)"))
    parser.add_argument("--personas", default=",".join(LAB_PERSONAS),
                        help=_("comma-separated personas to combine across the roles "
                             "(default: %(default)s; any persona is accepted, including the "
                             "default seats' assurer, holdout and alliance; 'name:soft' or "
                             "'name:hard' sets a temperament)"))
    parser.add_argument("--assign", default=None, action="append", metavar="ROLE=PERSONA,...",
                        help=_("fix the persona of some roles, all in one --assign; the others "
                             "range over --personas"))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help=_("processes to use (default: every core)"))
    parser.add_argument("--seed", type=int, default=1, help=_("base seed (default 1)"))
    parser.add_argument("--rounds", type=int, default=None, help=_("rounds per game (default: scenario's)"))
    parser.add_argument("--detail", action="store_true", help=_("also print one line per assignment"))
    parser.add_argument("--json", default=None, metavar="FILE", help=_("also write the figures as JSON"))
    parser.add_argument("--csv", default=None, metavar="FILE", help=_("also write the figures as CSV"))
    parser.add_argument("--html", default=None, metavar="FILE",
                        help=_("also write a self-contained HTML report with charts"))
    parser.add_argument("--games-csv", default=None, metavar="FILE",
                        help=_("also write one CSV row per game"))
    parser.add_argument("--quiet", action="store_true", help=_("no progress bar"))
    parser.add_argument("--suggest", action="store_true",
                        help=_("then try small changes to the scenario's numbers and show the "
                             "few that most reduce the flags, each as a patch"))
    parser.add_argument("--suggest-tries", type=int, default=DEFAULT_TRIES, metavar="N",
                        help=_("changes to try (default %(default)s, at most 64)"))
    parser.add_argument("--suggest-games", type=int, default=DEFAULT_SUGGEST_GAMES, metavar="N",
                        help=_("games each change is played on, the same for every change "
                             "(default %(default)s)"))
    parser.add_argument("--patch", default=None, metavar="FILE",
                        help=_("with --suggest: also write the best change as a patch file "
                             "(apply with: patch SCENARIO < FILE)"))


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command; 0 on success, 2 on bad input (one line on `err`).

    Every output path is checked before the first game; the files are written (all or
    none) before the summary is printed, and each one written is named on `err`."""
    out, err = out or sys.stdout, err or sys.stderr
    warnings: list[str] = []
    try:
        scenario = load(args.scenario, warnings)
        plan = make_plan(scenario, args)
        trial = _suggest_plan(scenario, args)
        paths = check_outputs(args.scenario, {kind: getattr(args, kind, None) for kind, _o in KINDS})
    except ScenarioRefused as exc:
        print("\n".join(exc.lines), file=err)
        return 2
    except (SimulateError, OutputError) as exc:
        print(_("simulate: error: {exc}").format(exc=exc), file=err)
        return 2
    for line in warnings:
        print(line, file=err)
    progress = None if args.quiet or not _is_terminal(err) else Progress(err, plan.total)
    games = play_all(scenario, plan, args.workers, progress)
    report = Report.build(scenario, plan.assignments, plan.personas, games, plan.seed,
                          plan.sampled_from)
    if not _write_reports(report, games, paths, err):
        return 2
    try:
        write_text(report, out, detail=args.detail)
        out.flush()
        if trial is not None:
            return _suggestions(args, scenario, report, trial, paths, out, err)
    except BrokenPipeError:
        _silence(out)  # the reader left early (`| head`); the files are written already
    return 0


def _suggest_plan(scenario: Scenario, args: argparse.Namespace) -> Plan | None:
    """The games each `--suggest` change is played on (None without --suggest)."""
    if not getattr(args, "suggest", False):
        if getattr(args, "patch", None):
            raise SimulateError(_("--patch writes the best change --suggest finds: add --suggest"))
        return None
    if not 1 <= args.suggest_tries <= MAX_TRIES:
        raise SimulateError(_("--suggest-tries must be from 1 to {most}, not {n}").format(
            most=MAX_TRIES, n=args.suggest_tries))
    if not 1 <= args.suggest_games <= MAX_GAMES:
        raise SimulateError(_("--suggest-games must be from 1 to {most}, not {n}").format(
            most=MAX_GAMES, n=args.suggest_games))
    return make_plan(scenario, argparse.Namespace(**{**vars(args), "games": args.suggest_games}))


def _suggestions(args: argparse.Namespace, scenario: Scenario, report: Report, trial: Plan,
                 paths: dict, out: TextIO, err: TextIO) -> int:
    """Try changes, print the best with their patches, write --patch; 2 if it cannot be written."""
    bar = None if args.quiet or not _is_terminal(err) else err
    lines, best = tryout.run(args.scenario, scenario, report.notes, trial, args.suggest_tries,
                             args.workers, bar)
    print("\n".join(lines), file=out)
    out.flush()
    if "patch" not in paths:
        return 0
    if best is None:
        print(_("simulate: no change helped, so {file} was not written").format(
            file=paths["patch"]), file=err)
        return 0
    try:
        write_all({paths["patch"]: best.patch})
    except OSError as exc:  # WriteFailed: one line naming the file, the reason and the fix
        print(_("simulate: error: {problem}").format(problem=exc), file=err)
        return 2
    print(_("simulate: wrote {file}").format(file=paths["patch"]), file=err)
    return 0


def _write_reports(report: Report, games: list[GameRecord], paths: dict, err: TextIO) -> bool:
    """Write the requested files all or none and name each on `err`; False (with one
    line on `err`) if they cannot be written."""
    texts = render_outputs(report, games, {k: p for k, p in paths.items() if k != "patch"})
    try:
        write_all({paths[kind]: text for kind, text in texts.items()})
    except OSError as exc:  # WriteFailed: one line naming the file, the reason and the fix
        print(_("simulate: error: {problem}; no report file was written").format(problem=exc),
              file=err)
        return False
    for kind, _option in KINDS:
        if kind in paths and kind != "patch":
            print(_("simulate: wrote {file}").format(file=paths[kind]), file=err)
    return True


def _silence(stream: TextIO) -> None:
    """Point a closed stdout at /dev/null so Python's exit-time flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class ScenarioRefused(SimulateError):
    """A scenario `check` rejects: the lab prints its problems as `check` does and plays nothing."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__(lines[-1])


def load(path: str, warnings: list[str] | None = None) -> Scenario:
    """Load and check a scenario exactly as `check` does.

    A file with any error raises ScenarioRefused holding `check`'s located lines
    (`FILE:LINE:COL: path: message [code]`, follow-ons folded) and a summary; a lone
    problem of the file as a whole (missing, a folder, a device) raises SimulateError
    with that one line. The lines of the warnings of a file that loads are added to
    `warnings`, for the caller to print once every option is checked. A companion
    translation given for the scenario is one line naming the scenario to give."""
    given = companion_given(path)
    if given:
        raise SimulateError(given)
    errors = io.StringIO()
    scenario, found = check_one(path, errors)
    if not found and scenario is None:
        raise SimulateError(errors.getvalue().strip())
    problems = sorted(found, key=lambda p: (p.line, p.col))
    if scenario is not None and not any(p.is_error for p in problems):
        if warnings is not None:
            warnings += [line for p in problems for line in p.lines()]
        return scenario
    if len(problems) == 1 and not problems[0].folded:
        raise SimulateError(problems[0].text())
    lines = [line for p in problems for line in p.lines()]
    raise ScenarioRefused(lines + [_("simulate: error: {summary}; the lab plays only a scenario "
                                     "that check accepts: fix these first").format(
        summary=summary(path, scenario, found))])


def make_plan(scenario: Scenario, args: argparse.Namespace) -> Plan:
    """Check the options against the scenario and share the games among the assignments."""
    roles = scenario.role_ids
    personas = tuple(p.strip() for p in args.personas.split(",") if p.strip())
    if args.assign and len(args.assign) > 1:
        raise SimulateError(_("--assign is given {n} times; give it once, with every role it "
                              "fixes: --assign {joined}").format(n=len(args.assign),
                                                                 joined=",".join(args.assign)))
    fixed = _parse_assign(args.assign[0], roles) if args.assign else {}
    for name in (*personas, *fixed.values()):
        _check_persona(name, scenario)
    if args.games < 1:
        raise SimulateError(_("--games must be at least 1, not {n}").format(n=args.games))
    if args.games > MAX_GAMES:
        raise SimulateError(_("--games {n}: one run plays at most {most:,} games, as the report "
                              "keeps every game; give fewer").format(n=args.games, most=MAX_GAMES))
    if not 1 <= args.workers <= MAX_WORKERS:
        raise SimulateError(_("--workers must be from 1 to {most}, not {n}").format(
            most=MAX_WORKERS, n=args.workers))
    if args.rounds is not None and not 1 <= args.rounds <= 40:
        raise SimulateError(_("--rounds must be between 1 and 40, not {n}").format(n=args.rounds))
    if not personas and len(fixed) < len(roles):
        raise SimulateError(_("give --personas, or --assign a persona to every role"))
    choices = [(fixed[r],) if r in fixed else personas for r in roles]
    every = tuple(itertools.product(*choices))
    chosen, counts = share(len(every), args.games)
    assignments = tuple(every[i] for i in chosen)
    used = tuple(dict.fromkeys(p for a in assignments for p in a))
    return Plan(roles, used, assignments, counts, args.seed, args.rounds, len(every))


def share(assignments: int, games: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(indexes of the assignments played, games for each): evenly, deterministically.

    With more assignments than games, `games` of them are picked at even steps, one game
    each; otherwise every one gets games // assignments and the first games % assignments
    one more."""
    if assignments > games:
        return tuple(i * assignments // games for i in range(games)), (1,) * games
    base, extra = divmod(games, assignments)
    return tuple(range(assignments)), tuple(base + (i < extra) for i in range(assignments))


def _parse_assign(text: str, roles: tuple[str, ...]) -> dict[str, str]:
    fixed = {}
    for item in text.split(","):
        role, sep, persona = item.strip().partition("=")
        if not sep or not persona:
            raise SimulateError(_("--assign {item!r}: give ROLE=PERSONA").format(item=item.strip()))
        if role not in roles:
            raise SimulateError(_("--assign: unknown role {role!r}; the roles are {roles}").format(
                role=role, roles=", ".join(roles)))
        if role in fixed:
            raise SimulateError(_("--assign names {role} twice; give each role one persona").format(
                role=role))
        fixed[role] = persona
    return fixed


def _check_persona(name: str, scenario: Scenario) -> None:
    base, _sep, temper = name.partition(":")
    if base not in PERSONAS:
        raise SimulateError(_("unknown persona {name!r}; choose from {names}").format(
            name=base, names=", ".join(PERSONAS)))
    if temper and temper not in TEMPERAMENTS:
        raise SimulateError(_("unknown temperament {name!r}; choose from {names}").format(
            name=temper, names=", ".join(TEMPERAMENTS)))
    try:
        make_policy(name, compile_scenario(scenario))
    except KeyError as exc:
        raise SimulateError(str(exc.args[0])) from None


