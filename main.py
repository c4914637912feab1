"""Détente's command line.

    python main.py [play] [--scale S] [--screenshot DIR] ...   the game window (text mode without a display)
    python main.py text [--scenario PATH] [--seed N] [--human ROLE,...|none] [--rounds N] [--resume]
    python main.py new FILE --roles a,b[,c...]                 write a starter scenario
    python main.py check FILE... [--strict]                    check scenario files
    python main.py replay FILE [--scenario PATH]               verify a replay reproduces its game
    python main.py debrief FILE [--out FILE.html]              the HTML debrief of a saved game
    python main.py whatif FILE --round N [--role R --orders ...|--answers ...]   branch a saved game
    python main.py simulate SCENARIO --games N ...             the balance lab
    python main.py schema [--out PATH]                         export the scenario JSON Schema
    python main.py host [--scenario FILE] [--port P] [--lan | --bind ADDR] [--seat ROLE=KIND]
                                                               host the game for the teams' browsers

Errors in files or options are reported in one line each and exit with status 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

COMMANDS = ("play", "text", "new", "check", "replay", "debrief", "whatif", "simulate", "schema",
            "host")


def build_parser() -> argparse.ArgumentParser:
    """The parser for every command except the window's own options."""
    from game.textui.main import add_arguments as add_text

    parser = argparse.ArgumentParser(prog="python main.py", description=__doc__.split("\n")[0],
                                     epilog="Run 'python main.py COMMAND --help' for a command's options.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("play", help="open the game window (the default)", add_help=False)
    add_text(sub.add_parser("text", help="play in the terminal"))
    _add_new(sub.add_parser("new", help="write a commented starter scenario"))
    check = sub.add_parser("check", help="check scenario files for errors")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    replay = sub.add_parser("replay", help="verify that a replay file reproduces its game")
    replay.add_argument("file", metavar="FILE")
    replay.add_argument("--scenario", help="scenario file (default: the one recorded in the replay)")
    simulate = sub.add_parser("simulate", help="play many AI games and report on balance")
    _add_simulate(simulate)
    debrief = sub.add_parser("debrief", help="write the HTML debrief of a saved game")
    debrief.add_argument("file", metavar="FILE", help="a replay or save file")
    debrief.add_argument("--out", help="HTML file to write (default: next to FILE)")
    debrief.add_argument("--scenario", help="scenario file (default: the one recorded)")
    debrief.add_argument("--full", action="store_true", help="show every team's exact support")
    from game.engine.whatif_cli import add_arguments as add_whatif

    add_whatif(sub.add_parser("whatif", help="replay a saved game with one decision changed"))
    schema = sub.add_parser("schema", help="write the scenario JSON Schema")
    schema.add_argument("--out", default="scenarios/scenario.schema.json")
    _add_host(sub.add_parser("host", help="host the game on the local network for the teams' browsers"))
    return parser


def _add_new(parser: argparse.ArgumentParser) -> None:
    from game.engine.starter import add_arguments

    add_arguments(parser)


def _add_host(parser: argparse.ArgumentParser) -> None:
    from game.net.cli import add_arguments

    add_arguments(parser)


def _add_simulate(parser: argparse.ArgumentParser) -> None:
    from game.engine.simulate import add_arguments

    add_arguments(parser)


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] == "play" or (argv[0].startswith("-") and argv[0] not in ("-h", "--help")):
        return play(argv[1:] if argv and argv[0] == "play" else argv)
    args = build_parser().parse_args(argv)
    handler = {"text": run_text, "new": run_new, "check": run_check, "replay": run_replay,
               "debrief": run_debrief, "simulate": run_simulate, "schema": run_schema,
               "host": run_host, "whatif": run_whatif}[args.command]
    return handler(args)


def play(window_args: list[str]) -> int:
    """Open the window, or fall back to text mode when there is no display."""
    from game.ui.app import parse_options
    from game.ui.display import display_available

    opts = parse_options(window_args)  # a wrong flag exits here with status 2, display or not
    if opts.scale is not None and not 1.0 <= opts.scale <= 2.0:
        print(f"error: --scale {opts.scale}: give a UI scale from 1.0 to 2.0", file=sys.stderr)
        return 2
    if opts.screenshot:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    else:
        ok, reason = display_available()
        if not ok:
            print(f"{reason}: starting the text mode instead (python main.py text --help for options).")
            return run_text(build_parser().parse_args(["text"]))
    from game.ui.app import run_app

    return run_app(window_args)


def run_text(args: argparse.Namespace) -> int:
    """The text mode."""
    from game.textui.main import run_text as text_main

    return text_main(args)


def run_new(args: argparse.Namespace) -> int:
    """Write a starter scenario; 0 on success, 2 on bad input."""
    from game.engine.starter import run

    return run(args)


def run_check(args: argparse.Namespace) -> int:
    """Check scenario files; 0 if all are clean, 2 otherwise."""
    from game.engine.check import run_check as check

    return check(args.files, strict=args.strict)


def run_replay(args: argparse.Namespace) -> int:
    """Verify a replay; 0 if it reproduces exactly, 1 if it diverges, 2 if it cannot be read."""
    from game.engine.replay import verify
    from game.engine.saves import SaveError, read_save
    from game.engine.scenarios import ScenarioLoadError, load_for_play, locate

    path = Path(args.file)
    try:
        record = read_save(path)
        scenario = load_for_play(args.scenario or locate(record.scenario_path, record.scenario_id))
        verdict = verify(path, scenario)
    except (SaveError, ScenarioLoadError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(verdict.message)
    return 0 if verdict.ok else 1


def _load_saved(file: str, scenario_path: str | None):
    """A saved game's session, rebuilt against its scenario."""
    from game.engine.replay import session_from_save
    from game.engine.saves import read_save
    from game.engine.scenarios import load_for_play, locate

    record = read_save(Path(file))
    scenario = load_for_play(scenario_path or locate(record.scenario_path, record.scenario_id))
    return session_from_save(record, scenario, file)


def run_debrief(args: argparse.Namespace) -> int:
    """Write the HTML debrief of a saved game."""
    from game.engine.debrief import debrief_html
    from game.engine.saves import SaveError, write_atomic
    from game.engine.scenarios import ScenarioLoadError

    try:
        session = _load_saved(args.file, args.scenario)
    except (SaveError, ScenarioLoadError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else Path(args.file).with_suffix(".html")
    write_atomic(out, debrief_html(session, full=args.full))
    print(f"wrote {out}")
    return 0


def run_whatif(args: argparse.Namespace) -> int:
    """Branch a saved game at a round with one team's decision changed (see game.engine.whatif_cli)."""
    from game.engine.whatif_cli import run

    return run(args, _load_saved)


def run_simulate(args: argparse.Namespace) -> int:
    """The balance lab."""
    from game.engine.simulate import run

    return run(args)


def run_schema(args: argparse.Namespace) -> int:
    """Write the JSON Schema that editors use to autocomplete scenario files."""
    from game.engine.schema_export import write_schema

    write_schema(Path(args.out))
    print(f"wrote {args.out}")
    return 0


def run_host(args: argparse.Namespace) -> int:
    """Host the game on the local network (127.0.0.1 only unless --lan or --bind)."""
    from game.net.cli import run_host as host

    return host(args)


if __name__ == "__main__":
    sys.exit(main())
