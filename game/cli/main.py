"""Détente's command line: `detente COMMAND ...` installed, `python main.py COMMAND ...` in a checkout.

    python main.py [play] [--scale S] [--screenshot DIR] ...   the game window (text mode without a display)
    python main.py text [--scenario PATH] [--seed N] [--human ROLE,...|none] [--rounds N] [--resume [FILE]]
    python main.py new FILE --roles a,b[,c...]                 write a starter scenario
    python main.py check FILE... [--strict]                    check scenario files
    python main.py replay FILE [--scenario PATH]               verify a replay reproduces its game
    python main.py debrief FILE [--out FILE.html]              the HTML debrief of a saved game
    python main.py whatif FILE --round N [--role R --orders ...|--answers ...]   branch a saved game
    python main.py classdebrief FILE... --out FILE.html [--csv FILE]   several tables' games compared
    python main.py briefs [SCENARIO] --out FILE.html           printable role briefs, one page per role
    python main.py simulate SCENARIO --games N ...             the balance lab
    python main.py frontier SCENARIO [--json]                  the packages worth agreeing
    python main.py schema [--out PATH|-] [--docs FILE.md]      export the scenario JSON Schema
    python main.py host [--scenario FILE] [--port P] [--lan | --bind ADDR] [--seat ROLE=KIND]
                                                               host the game for the teams' browsers
    python main.py translate SCENARIO --lang ru [--out FILE]   write a scenario's translation file
    python main.py --version                                   the game's version

Every command takes --lang LANG (such as ru): the language of its words. Without it the
window uses its Settings, and then every command the environment (LANGUAGE, LC_ALL,
LC_MESSAGES, LANG); an unknown language is one line naming those there are, and status 2.

Installed, `detente` and `python -m detente` take the same commands (game.program
names the right one in help and hints).

Errors in files or options are reported in one line each and exit with status 2;
Ctrl-C stops any command with one line and exit status 130.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import sys
from collections.abc import Callable
from pathlib import Path

from game import program
from game.cli import argparse_words
from game.words.arguments import Parser, error_line
from game.words.i18n import N_, UnknownLanguage, _, set_language


def build_parser() -> argparse.ArgumentParser:
    """The parser for every command except the window's own options."""
    from game.textui.main import add_arguments as add_text

    prog = program.name()
    parser = Parser(prog=prog, description=_("Détente's command line."),
                                     epilog=_("Run '{program} COMMAND --help' for a command's "
                                              "options.").format(program=prog))
    parser.add_argument("--version", action="version", version=f"Détente {program.version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("play", help=_("open the game window (the default)"), add_help=False)
    add_text(sub.add_parser("text", help=_("play in the terminal")))
    _add_new(sub.add_parser("new", help=_("write a commented starter scenario")))
    check = sub.add_parser("check", help=_("check scenario files for errors"))
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--strict", action="store_true", help=_("fail on warnings too"))
    replay = sub.add_parser("replay", help=_("verify that a replay file reproduces its game"))
    replay.add_argument("file", metavar="FILE")
    replay.add_argument("--scenario", help=_("scenario file (default: the one recorded in the replay)"))
    simulate = sub.add_parser("simulate", help=_("play many AI games and report on balance"))
    _add_simulate(simulate)
    from game.cli.frontier import add_arguments as add_frontier

    add_frontier(sub.add_parser("frontier", help=_("list the efficient packages of a scenario's "
                                                 "talks and the walk-away values")))
    debrief = sub.add_parser("debrief", help=_("write the HTML debrief of a saved game"))
    debrief.add_argument("file", metavar="FILE", help=_("a replay or save file"))
    debrief.add_argument("--out", help=_("HTML file to write (default: next to FILE)"))
    debrief.add_argument("--scenario", help=_("scenario file (default: the one recorded)"))
    debrief.add_argument("--full", action="store_true", help=_("show every team's exact support"))
    from game.cli.whatif import add_arguments as add_whatif

    add_whatif(sub.add_parser("whatif", help=_("replay a saved game with one decision changed")))
    from game.cli.briefs import add_arguments as add_briefs
    from game.cli.classdebrief import add_arguments as add_classdebrief

    add_classdebrief(sub.add_parser("classdebrief", help=_("compare several tables' games in one debrief")))
    add_briefs(sub.add_parser("briefs", help=_("write printable role briefs, one page per role")))
    schema = sub.add_parser("schema", help=_("write the scenario JSON Schema"))
    schema.add_argument("--out", default=None,
                        help=_("file to write, or - for standard output "
                             "(default: scenario.schema.json in the current folder)"))
    schema.add_argument("--docs", default=None, metavar="FILE",
                        help=_("instead, rewrite the key reference generated from the schema in "
                             "this Markdown file (docs/authoring.md)"))
    _add_host(sub.add_parser("host", help=_("host the game on the local network for the teams' browsers")))
    from game.cli.translate import add_arguments as add_translate

    add_translate(sub.add_parser("translate", help=_("write a scenario's translation file for "
                                                   "translators to fill in")))
    for name, command in sub.choices.items():
        if name not in OWN_LANG:
            command.add_argument("--lang", metavar="LANG", help=_(LANG_HELP))
    return parser


#: Commands whose own --lang means something else: the window's parser takes it
#: (game.ui.app), and `translate` writes a translation into it (any language).
OWN_LANG = ("play", "translate")

#: The help of `--lang`, which every command takes.
LANG_HELP = N_("the language of the game's words, such as ru (default: the LANGUAGE, LC_ALL, "
               "LC_MESSAGES or LANG environment variable, else English)")


def commands() -> tuple[str, ...]:
    """Every command's name, in the order of the help, read from the parser itself."""
    action = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return tuple(action.choices)


def _add_new(parser: argparse.ArgumentParser) -> None:
    from game.authoring.starter import add_arguments

    add_arguments(parser)


def _add_host(parser: argparse.ArgumentParser) -> None:
    from game.net.cli import add_arguments

    add_arguments(parser)


def _add_simulate(parser: argparse.ArgumentParser) -> None:
    from game.lab.simulate import add_arguments

    add_arguments(parser)


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    _stand_in_for_closed_streams()
    from game.textui.terminal import ascii_fallback

    ascii_fallback(sys.stdout, sys.stderr)  # a Windows code page never stops a command
    from game.resources import missing

    problem = missing()
    if problem:
        print(_("error: {problem}").format(problem=problem), file=sys.stderr)
        return 2
    from game.words.i18n import from_environment, set_language

    set_language(from_environment())  # --lang, when given, overrides it (choose_language)
    prescan_language(argv)  # before any parser is built, so its help is in that language
    argparse_words.install()
    try:
        return _dispatch(argv)
    except KeyboardInterrupt:
        print("\n" + _("Stopped (Ctrl-C)."), file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away, as with `| head`; nothing more to say
        _silence_stdout()
        return 1
    except _expected_errors() as exc:
        print(_("error: {problem}").format(problem=exc), file=sys.stderr)
        return 2


def _dispatch(argv: list[str]) -> int:
    if any("\0" in arg for arg in argv):  # only possible in-process; a shell cannot pass one
        print(_("error: an argument holds a NUL character; remove it"), file=sys.stderr)
        return 2
    if not argv or argv[0] == "play" or (argv[0].startswith("-") and argv[0] not in OWN_FLAGS):
        return play(argv[1:] if argv and argv[0] == "play" else argv)
    args = build_parser().parse_args(argv)
    if args.command is None:
        return play([])
    problem = None if args.command in OWN_LANG else choose_language(getattr(args, "lang", None))
    if problem:
        print(_("error: {problem}").format(problem=problem), file=sys.stderr)
        return 2
    handler = {"text": run_text, "new": run_new, "check": run_check, "replay": run_replay,
               "debrief": run_debrief, "simulate": run_simulate, "schema": run_schema,
               "host": run_host, "whatif": run_whatif, "classdebrief": run_classdebrief,
               "briefs": run_briefs, "frontier": run_frontier, "translate": run_translate}[args.command]
    return handler(args)


def prescan_language(argv: list[str]) -> None:
    """Translate into the language of `--lang X` or `--lang=X` before the parsers are built,
    whose help texts are looked up as they are made. An unknown language is left for
    choose_language to report once the options are read; `translate` is skipped, its
    --lang naming the language it writes."""
    if argv and argv[0] == "translate":
        return
    for i, arg in enumerate(argv):
        if arg == "--":
            return
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.removeprefix("--lang=")
        else:
            continue
        with contextlib.suppress(UnknownLanguage):
            set_language(lang)
        return


def choose_language(lang: str | None) -> str | None:
    """Translate into `--lang` when it is given; why it cannot be (one line), or None."""
    from game.words.i18n import UnknownLanguage, set_language

    if lang is None:
        return None
    try:
        set_language(lang)
    except UnknownLanguage as exc:
        return f"--lang {lang}: {exc}"
    return None


#: Flags of the command line itself; any other first flag is the window's (`play`).
OWN_FLAGS = ("-h", "--help", "--version")


def _expected_errors() -> tuple[type[Exception], ...]:
    """Errors meant for people: each message is one line naming the file and the fix."""
    from game.authoring.scenarios import ScenarioLoadError
    from game.files.atomic import WriteFailed
    from game.files.bounded import ReadRefused
    from game.session.saves import SaveError

    return (WriteFailed, ReadRefused, SaveError, ScenarioLoadError)


def _stand_in_for_closed_streams() -> None:
    """A standard output or error closed by the caller (`>&-`) becomes the null device.

    Python leaves sys.stdout as None then, which a print through the console or the lab
    would turn into a traceback; and the next file opened would take the free descriptor
    1, so a stray write could land in a save. Commands still do their work and write
    their files; there is only nowhere to show it."""
    for fd, name in ((1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
            continue
        except OSError:
            pass
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
            setattr(sys, name, open(fd, "w", encoding="utf-8", closefd=False))
        except OSError:
            pass


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def play(window_args: list[str]) -> int:
    """Open the window, or fall back to text mode when there is no display."""
    from game.ui.app import parse_options
    from game.ui.display import display_available
    from game.ui.dpi import make_dpi_aware

    opts = parse_options(window_args)  # a wrong flag exits here with status 2, display or not
    problem = choose_language(opts.lang) or window_option_problem(opts)
    if problem:
        print(_("error: {problem}").format(problem=problem), file=sys.stderr)
        return 2
    if opts.screenshot:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    else:
        make_dpi_aware()  # before SDL starts its video, which display_available does
        ok, reason = display_available()
        if not ok:
            print(_("{reason}: starting the text mode instead ({program} text --help for "
                    "options).").format(reason=reason, program=program.name()))
            return run_text(build_parser().parse_args(["text"]))  # in the --lang chosen
    from game.ui.app import run_app

    return run_app(window_args)


def window_option_problem(opts: argparse.Namespace) -> str | None:
    """Why the window's options cannot be used (one line), or None."""
    if opts.scale is not None and not (math.isfinite(opts.scale) and 1.0 <= opts.scale <= 2.0):
        return _("--scale {scale}: give a UI scale from 1.0 to 2.0").format(scale=opts.scale)
    quit_after = getattr(opts, "quit_after", None)
    if quit_after is not None and not (math.isfinite(quit_after) and 0 < quit_after <= 86_400):
        return _("--quit-after {seconds}: give a number of seconds from 0 to 86400, such as "
                 "5").format(seconds=quit_after)
    if opts.screenshot:
        folder = Path(opts.screenshot)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            return _("--screenshot {folder}: this is a file, not a folder; give a folder for "
                     "the PNGs").format(folder=folder)
        except OSError as exc:
            return _("--screenshot {folder}: cannot create the folder ({error})").format(
                folder=folder, error=exc.strerror)
        if not folder.is_dir():
            return _("--screenshot {folder}: this is not a folder; give a folder for the "
                     "PNGs").format(folder=folder)
    return None


def run_text(args: argparse.Namespace) -> int:
    """The text mode."""
    from game.textui.main import run_text as text_main

    return text_main(args)


def run_new(args: argparse.Namespace) -> int:
    """Write a starter scenario; 0 on success, 2 on bad input."""
    from game.authoring.starter import run

    return run(args)


def run_check(args: argparse.Namespace) -> int:
    """Check scenario files; 0 if all are clean, 2 otherwise."""
    from game.authoring.check import run_check as check

    return check(args.files, sys.stdout, sys.stderr, strict=args.strict)


def run_replay(args: argparse.Namespace) -> int:
    """Verify a replay; 0 if it reproduces exactly, 1 if it diverges, 2 if it cannot be read."""
    from game.session.replay import check_replay

    record, scenario, _session = _load_saved(args.file, args.scenario, build=False)
    verdict = check_replay(record, scenario, args.file,
                           args.scenario is not None or record.scenario is None)
    print(verdict.message)
    return 0 if verdict.ok else 1


def _load_saved(file: str, scenario_path: str | None, build: bool = True):
    """A saved game's record, the scenario it is rebuilt with, and (with `build`) its session.

    A notice that the scenario file has changed since goes to stderr. A save rebuilt with
    the scenario it was played with must prove itself (SaveError in one line if it was
    edited); one rebuilt with another scenario, as asked, cannot."""
    from game.session.replay import rebuild, scenario_for
    from game.session.saves import read_save

    record = read_save(Path(file))
    scenario, notice = scenario_for(record, file, scenario_path)
    if notice:
        print(notice, file=sys.stderr)
    return record, scenario, rebuild(record, scenario, file, scenario_path) if build else None


def run_debrief(args: argparse.Namespace) -> int:
    """Write the HTML debrief of a saved game."""
    from game.debrief.debrief import debrief_html
    from game.files.atomic import write_atomic

    _record, _scenario, session = _load_saved(args.file, args.scenario)  # a readable save file
    out = Path(args.out) if args.out else Path(args.file).with_suffix(".html")
    problem = debrief_target_problem(out, Path(args.file))
    if problem:
        print(_("error: {problem}").format(problem=problem), file=sys.stderr)
        return 2
    write_atomic(out, debrief_html(session, full=args.full))
    print(_("wrote {file}").format(file=out))
    return 0


def debrief_target_problem(out: Path, source: Path) -> str | None:
    """Why the debrief may not be written to `out` (one line), or None.

    Only an earlier debrief is ever replaced: never the save itself, a folder or another file."""
    if os.path.lexists(out) and source.exists() and _same_file(out, source):
        return _("--out {file}: this is the saved game itself; give another file name").format(
            file=out)
    return replace_problem(out, "--out", N_("debrief"),
                           lambda head: head.lower().startswith(b"<!doctype html")
                           and b"debrief" in head.lower())


def replace_problem(out: Path, flag: str, what: str, earlier: Callable[[bytes], bool]) -> str | None:
    """Why `out` may not be written (one line), or None.

    A new file may be; an existing one only if `earlier(first bytes)` says it is an earlier
    output of the same kind, so no other file is ever overwritten without being asked for."""
    from game.files.bounded import ReadRefused, read_regular

    if not os.path.lexists(out):
        return None
    if out.is_dir():
        return _("{option} {file}: this is a folder; give a file name inside it").format(
            option=flag, file=out)
    try:
        head = read_regular(out, 100_000_000, what)[:400]
    except ReadRefused as exc:
        return f"{flag} {exc}"
    if head.strip() and not earlier(head):
        return _("{option} {file}: this file exists and is not an earlier {what}, so it is left "
                 "as it is; give another file name or remove it first").format(
                     option=flag, file=out, what=_(what))
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def run_whatif(args: argparse.Namespace) -> int:
    """Branch a saved game at a round with one team's decision changed (see game.cli.whatif)."""
    from game.cli.whatif import run

    return run(args, lambda file, scenario: _load_saved(file, scenario)[2],
               lambda out: debrief_target_problem(out, Path(args.file)))


def run_classdebrief(args: argparse.Namespace) -> int:
    """Compare several tables' games in one class debrief (see game.cli.classdebrief)."""
    from game.cli.classdebrief import run

    return run(args, replace_problem)


def run_briefs(args: argparse.Namespace) -> int:
    """Write the printable role briefs of a scenario (see game.cli.briefs)."""
    from game.cli.briefs import run

    return run(args, replace_problem)


def run_frontier(args: argparse.Namespace) -> int:
    """List the efficient packages of a scenario's talks (see game.cli.frontier)."""
    from game.cli.frontier import run

    return run(args)


def run_simulate(args: argparse.Namespace) -> int:
    """The balance lab."""
    from game.lab.simulate import run
    from game.session.saves import SEED_MAX, SEED_MIN

    seed = getattr(args, "seed", None)
    if seed is not None and not SEED_MIN <= seed <= SEED_MAX:  # as every other command's seed
        print(error_line("simulate", _("--seed {seed}: give a whole number from {low} to {high}")
                         .format(seed=seed, low=SEED_MIN, high=SEED_MAX)), file=sys.stderr)
        return 2
    for flag, what, earlier in SIMULATE_OUTPUTS:
        name = getattr(args, flag.lstrip("-").replace("-", "_"), None)
        problem = replace_problem(Path(name), flag, what, earlier) if name else None
        if problem:
            print(_("simulate: error: {problem}").format(problem=problem), file=sys.stderr)
            return 2
    return run(args, sys.stdout, sys.stderr)


#: The balance lab's output files, and how an earlier one of each begins.
SIMULATE_OUTPUTS = (
    ("--json", N_("balance report"), lambda head: head.lstrip().startswith(b"{")),
    ("--csv", N_("balance report"), lambda head: head.startswith(b"section,")),
    ("--html", N_("balance report"), lambda head: head.lower().startswith(b"<!doctype html")),
    ("--games-csv", N_("list of games"), lambda head: head.startswith(b"game,")),
    ("--patch", N_("suggested patch"), lambda head: head.startswith(b"--- a/")),
)


def run_schema(args: argparse.Namespace) -> int:
    """Write the JSON Schema that editors use to autocomplete scenario files (to the current
    folder unless --out says where), or with --docs rewrite the generated key reference."""
    from game.authoring.schema_export import schema_text
    from game.files.atomic import write_atomic

    if args.docs:
        return _schema_docs(Path(args.docs))
    if args.out == "-":
        sys.stdout.write(schema_text())
        return 0
    out = Path(args.out) if args.out else Path(SCHEMA_NAME)
    problem = replace_problem(out, "--out", N_("scenario schema"),
                              lambda head: b'"$schema"' in head)
    if problem:
        print(_("error: {problem}").format(problem=problem), file=sys.stderr)
        return 2
    write_atomic(out, schema_text())
    print(_("wrote {file}").format(file=out))
    return 0


#: The schema's file name, as scenario files name it in their `$schema=` line.
SCHEMA_NAME = "scenario.schema.json"


def _schema_docs(path: Path) -> int:
    """Rewrite the generated key reference in a Markdown file; 2 if it has none."""
    from game.authoring.schema_docs import BEGIN, replace_section
    from game.files.atomic import write_atomic
    from game.files.bounded import read_regular

    try:
        text = read_regular(path, 5_000_000, "Markdown file").decode("utf-8")
        fresh = replace_section(text)
    except UnicodeDecodeError:
        print(_("error: --docs {file}: this file is not UTF-8 text; give the Markdown file")
              .format(file=path), file=sys.stderr)
        return 2
    except ValueError:
        print(_("error: --docs {file}: this file has no generated key reference; add the line "
                "{begin} and the end line after it where the reference belongs").format(
                    file=path, begin=BEGIN), file=sys.stderr)
        return 2
    if fresh != text:
        write_atomic(path, fresh)
    print(_("wrote {file}").format(file=path) if fresh != text else
          _("{file} is up to date").format(file=path))
    return 0


def run_translate(args: argparse.Namespace) -> int:
    """Write a scenario's companion translation file (see game.cli.translate)."""
    from game.cli.translate import run

    return run(args)


def run_host(args: argparse.Namespace) -> int:
    """Host the game on the local network (127.0.0.1 only unless --lan or --bind)."""
    from game.net.cli import run_host as host

    return host(args)


if __name__ == "__main__":
    sys.exit(main())
