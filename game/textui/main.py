"""Starting, resuming and finishing a text-mode game from command-line options."""

from __future__ import annotations

import argparse
from collections.abc import Mapping

from game.ai import DEFAULT_PERSONA, PERSONAS, TEMPERAMENTS, persona_problem, seat_persona
from game.engine.debrief import debrief_html
from game.engine.saves import (
    SaveError,
    autosave_path,
    finished_replay_path,
    read_save,
    save_session,
    write_atomic,
)
from game.engine.scenarios import DEFAULT_SCENARIO, ScenarioLoadError, load_for_play, locate
from game.engine.session import Seat, Session
from game.textui import render
from game.textui.console import Console, EndOfInput
from game.textui.play import TextGame


class UsageError(ValueError):
    """A command-line option that cannot be used; the message says what to give instead."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The text mode's options."""
    parser.add_argument("--scenario", default=str(DEFAULT_SCENARIO),
                        help="scenario file (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=None,
                        help="seed for the game's chance (default: a new random seed, shown)")
    parser.add_argument("--human", default=None,
                        help="roles played by people, comma-separated, or 'none' for AI only "
                             "(default: every role is human)")
    parser.add_argument("--persona", action="append", default=[], metavar="ROLE=PERSONA",
                        help=f"persona for an AI role, optionally with a temperament as "
                             f"PERSONA:TEMPERAMENT (default: the scenario's seat for the role, else "
                             f"{DEFAULT_PERSONA}; personas: "
                             f"{', '.join(PERSONAS)}; temperaments: {', '.join(TEMPERAMENTS)})")
    parser.add_argument("--rounds", type=int, default=None, help="number of rounds (1-40)")
    parser.add_argument("--resume", action="store_true", help="resume the last autosaved game")
    parser.add_argument("--tutorial", action="store_true",
                        help="play the guided first game (a coach for the first rounds)")


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
        raise UsageError(f"--human: unknown role {', '.join(sorted(unknown))}; "
                         f"the roles are {', '.join(role_ids)} (or 'none')")
    chosen = {}
    for item in personas:
        role, sep, name = item.partition("=")
        if not sep or role not in role_ids:
            raise UsageError(f"--persona {item!r}: give ROLE=PERSONA[:TEMPERAMENT] with a role "
                             f"from {', '.join(role_ids)}")
        problem = persona_problem(name)
        if problem:
            raise UsageError(f"--persona {item!r}: {problem}")
        chosen[role] = name
    defaults = defaults or {}
    return {r: Seat(r in humans, chosen.get(r, defaults.get(r, DEFAULT_PERSONA))) for r in role_ids}


def run_text(args: argparse.Namespace, console: Console | None = None) -> int:
    """Play a text game from parsed options; returns the exit status."""
    io = console or Console()
    if args.tutorial:
        from game.textui.tutorial import run_tutorial

        return run_tutorial(args, io)
    try:
        session = _resume(args) if args.resume else _new(args)
    except (UsageError, SaveError, ScenarioLoadError) as exc:
        io.say(*f"error: {exc}".split("\n"))  # one line per problem, never reflowed together
        return 2
    if session is None:
        return 0
    return _play(session, io)


def _autosave(session: Session) -> None:
    save_session(session, autosave_path())


def _new(args: argparse.Namespace) -> Session:
    scenario = load_for_play(args.scenario)
    if args.rounds is not None and not 1 <= args.rounds <= 40:
        raise UsageError(f"--rounds {args.rounds}: give a number from 1 to 40")
    seed = args.seed if args.seed is not None else _fresh_seed()
    seats = seats_from_options(scenario.role_ids, args.human, args.persona,
                               {r: seat_persona(scenario, r) for r in scenario.role_ids})
    return Session(scenario, seed, seats, args.rounds, str(args.scenario), on_save=_autosave)


def _fresh_seed() -> int:
    import secrets  # only a brand-new game without --seed draws outside the rules

    return secrets.randbelow(1_000_000)


def _resume(args: argparse.Namespace) -> Session | None:
    from game.engine.replay import session_from_save

    path = autosave_path()
    if not path.exists():
        raise UsageError(f"there is no autosaved game to resume (looked in {path}); "
                         "start a new one without --resume")
    record = read_save(path)
    scenario = load_for_play(locate(record.scenario_path, record.scenario_id))
    session = session_from_save(record, scenario, path)
    session.on_save = _autosave
    if session.state.over:
        print(f"The last game is already over. Start a new one, or replay it with: "
              f"python main.py replay {path}")
        return None
    return session


def _play(session: Session, io: Console) -> int:
    sc = session.scenario
    seats = ", ".join(f"{render.role_name(sc, r)}={s.label()}" for r, s in session.seats.items())
    io.say(f"Détente: {sc.title}", f"Seed {session.seed}; {seats}", "", sc.summary.strip())
    try:
        status = TextGame(session, io).run()
    except EndOfInput:
        io.say("", "Input ended. The game is saved; continue it with: python main.py text --resume")
        return 2
    except KeyboardInterrupt:
        io.say("", "Stopped. The game is saved; continue it with: python main.py text --resume")
        return 130
    if status == "quit":
        io.say("The game is saved; continue it with: python main.py text --resume")
        return 0
    return _finish(session, io)


def _finish(session: Session, io: Console) -> int:
    result = session.outcome()
    view = session.view(None)
    io.say("", *render.end_screen(result, session.scenario, view))
    path = save_session(session, finished_replay_path(session))
    debrief = path.with_suffix(".html")
    write_atomic(debrief, debrief_html(session))
    io.say("", f"Debrief saved to {debrief}", f"Replay saved to {path}",
           f"Verify it with: python main.py replay {path}")
    from game.textui.whatif import after_game

    after_game(session, io, path)
    return 0

