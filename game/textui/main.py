"""Starting, resuming and finishing a text-mode game from command-line options.

Every game is saved in its own file in the library (`game.session.library`) from its
first screen on, so `quit` before any move still resumes this game, never an older one.
A save that fails is reported in one line (once per reason) and the game goes on.
"""

from __future__ import annotations

import argparse
import secrets  # only a brand-new game without --seed draws outside the rules
import shlex
from collections.abc import Mapping
from pathlib import Path

from game import program
from game.ai import DEFAULT_PERSONA, PERSONAS, TEMPERAMENTS, persona_problem, seat_persona
from game.authoring.scenarios import DEFAULT_SCENARIO, ScenarioLoadError, load_for_play
from game.session.library import GameLibrary, SavedGame
from game.session.saves import SEED_MAX, SEED_MIN, SaveError
from game.session.session import Seat, Session
from game.textui import render
from game.textui.console import Console, EndOfInput
from game.textui.ending import finish, reporter, where_saved
from game.textui.play import TextGame
from game.textui.tutorial import run_tutorial
from game.words import _, ngettext
from game.words.personas import persona_label


class UsageError(ValueError):
    """A command-line option that cannot be used; the message says what to give instead."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The text mode's options."""
    parser.add_argument("--scenario", default=str(DEFAULT_SCENARIO),
                        help=_("scenario file (default: %(default)s)"))
    parser.add_argument("--seed", type=int, default=None,
                        help=_("seed for the game's chance (default: a new random seed, shown)"))
    parser.add_argument("--human", default=None,
                        help=_("roles played by people, comma-separated, or 'none' for AI only "
                             "(default: every role is human)"))
    parser.add_argument("--persona", action="append", default=[], metavar="ROLE=PERSONA",
                        help=_("persona for an AI role, optionally with a temperament as "
                               "PERSONA:TEMPERAMENT (default: the scenario's seat for the role, "
                               "else {default}; personas: {personas}; temperaments: "
                               "{temperaments})").format(default=DEFAULT_PERSONA,
                                                          personas=", ".join(PERSONAS),
                                                          temperaments=", ".join(TEMPERAMENTS)))
    parser.add_argument("--rounds", type=int, default=None, help=_("number of rounds (1-40)"))
    parser.add_argument("--resume", nargs="?", const="", default=None, metavar="FILE",
                        help=_("continue a saved game: choose from the unfinished games, newest "
                             "first, or give its save FILE"))
    parser.add_argument("--tutorial", action="store_true",
                        help=_("play the guided first game (a coach for the first rounds)"))


def seats_from_options(role_ids: tuple[str, ...], human: str | None,
                       personas: list[str], defaults: Mapping[str, str] | None = None,
                       ) -> dict[str, Seat]:
    """Seats for each role from --human and --persona; AI seats not named there play
    `defaults[role]` (the scenario's default seats) or the default persona. Raises
    UsageError on a bad value."""
    if human is None:
        humans = set(role_ids)
    elif human.strip().lower() == "none":
        humans = set()
    else:
        humans = {h.strip() for h in human.split(",") if h.strip()}
    unknown = humans - set(role_ids)
    if unknown:
        raise UsageError(ngettext(
            "--human: unknown role {unknown}; the roles are {roles} (or 'none')",
            "--human: unknown roles {unknown}; the roles are {roles} (or 'none')",
            len(unknown)).format(unknown=", ".join(sorted(unknown)), roles=", ".join(role_ids)))
    chosen = {}
    for item in personas:
        role, sep, name = item.partition("=")
        if not sep or role not in role_ids:
            raise UsageError(_("--persona {item}: give ROLE=PERSONA[:TEMPERAMENT] with a role "
                               "from {roles}").format(item=repr(item), roles=", ".join(role_ids)))
        problem = persona_problem(name)
        if problem:
            raise UsageError(_("--persona {item}: {problem}").format(item=repr(item),
                                                                       problem=problem))
        chosen[role] = name
    defaults = defaults or {}
    return {r: Seat(r in humans, chosen.get(r, defaults.get(r, DEFAULT_PERSONA))) for r in role_ids}


def run_text(args: argparse.Namespace, console: Console | None = None) -> int:
    """Play a text game from parsed options; returns the exit status."""
    io = console or Console()
    if args.tutorial:
        return run_tutorial(args, io)
    library = GameLibrary(program="text")
    try:
        session = _resume(args, library, io) if args.resume is not None else _new(args, library, io)
    except (UsageError, SaveError, ScenarioLoadError) as exc:
        io.say(*_("error: {problem}").format(problem=exc).split("\n"))  # one line per problem
        return 2
    except EndOfInput:
        io.say("", _("Input ended before a game was chosen."))
        return 2
    if session is None:
        return 0
    return _play(session, io)


def _new(args: argparse.Namespace, library: GameLibrary, io: Console) -> Session:
    scenario = load_for_play(args.scenario)
    if args.rounds is not None and not 1 <= args.rounds <= 40:
        raise UsageError(_("--rounds {rounds}: give a number from 1 to 40").format(
            rounds=args.rounds))
    if args.seed is not None and not SEED_MIN <= args.seed <= SEED_MAX:
        raise UsageError(_("--seed {seed}: give a whole number from {low} to {high}").format(
            seed=args.seed, low=SEED_MIN, high=SEED_MAX))
    seed = args.seed if args.seed is not None else _fresh_seed()
    seats = seats_from_options(scenario.role_ids, args.human, args.persona,
                               {r: seat_persona(scenario, r) for r in scenario.role_ids})
    session = Session(scenario, seed, seats, args.rounds, str(args.scenario))
    library.attach(session, on_error=reporter(io))
    session.save()  # the game has its own file from the start, so 'quit' can resume it
    return session


def _fresh_seed() -> int:
    return secrets.randbelow(1_000_000)


def _resume(args: argparse.Namespace, library: GameLibrary, io: Console) -> Session | None:
    given = [flag for flag, value in (("--seed", args.seed), ("--rounds", args.rounds),
                                      ("--human", args.human), ("--persona", args.persona or None))
             if value is not None]
    given += ["--scenario"] if str(args.scenario) != str(DEFAULT_SCENARIO) else []
    if given:
        raise UsageError(_("--resume continues a game as it was saved, so {flags} cannot be "
                           "used with it; leave them out").format(flags=", ".join(given)))
    path = Path(args.resume) if args.resume else _choose(library, io)
    opened = library.open(path)
    if opened.notice:
        io.say(opened.notice)
    if opened.session.state.over:
        io.say(_("That game is already over. Replay it with: {command} replay {path}")
               .format(command=program.name(), path=shlex.quote(str(path))))
        return None
    return library.continue_opened(opened, path, reporter(io))


def _choose(library: GameLibrary, io: Console) -> Path:
    """The unfinished game to continue: the only one, or the one the player picks."""
    games = library.unfinished()
    for problem in library.problems:
        io.say(_("skipped: {problem}").format(problem=problem))
    if not games:
        raise UsageError(_("there is no unfinished game to resume (looked in {folder}); start "
                           "a new one without --resume").format(folder=library.games))
    if len(games) == 1:
        return games[0].path
    io.say(_("Unfinished games, newest first:"))
    io.say(*(f"  {i:2}. {_describe(g)}" for i, g in enumerate(games, 1)))
    while True:
        answer = io.ask(_("Which game? Give its number (Enter for 1): "))
        if answer == "":
            return games[0].path
        if answer.isascii() and answer.isdigit() and 1 <= int(answer) <= len(games):
            return games[int(answer) - 1].path
        io.say(_("Give a number from 1 to {n}.").format(n=len(games)))


def _describe(game: SavedGame) -> str:
    """`Title, round 3 of 8, seed 42, started 2026-11-30 08:16 UTC, last saved 2026-11-30
    08:40:12 UTC, file game-....json`: the file name tells apart two copies of one game."""
    changed = _(" (scenario file changed since)") if game.scenario_changed else ""
    return _("{name}, round {round} of {rounds}, seed {seed}, started {started}, last saved "
             "{saved}, file {file}{changed}").format(
        name=game.scenario_name, round=game.round, rounds=game.rounds, seed=game.seed,
        started=game.started.strftime("%Y-%m-%d %H:%M UTC"),
        saved=game.modified.strftime("%Y-%m-%d %H:%M:%S UTC"), file=game.path.name,
        changed=changed)


def _play(session: Session, io: Console) -> int:
    sc = session.scenario
    seats = ", ".join(f"{render.role_name(sc, r)}: " + (_("human") if s.human else _("AI, {p}").format(
        p=persona_label(sc, r, s.persona))) for r, s in session.seats.items())
    io.say(f"Détente: {sc.title}",
           _("Game seed: {seed}. Seats: {seats}").format(seed=session.seed, seats=seats), "",
           sc.summary.strip())
    try:
        status = TextGame(session, io).run()
    except EndOfInput:
        io.say("", _("Input ended. {saved}").format(saved=where_saved(session)))
        return 2
    except KeyboardInterrupt:
        io.say("", _("Stopped. {saved}").format(saved=where_saved(session)))
        return 130
    if status == "quit":
        session.save()  # try once more if the last save failed
        io.say(where_saved(session))
        return 0
    return finish(session, io)
