"""`python main.py host`: start, or resume, a game served to the teams' browsers.

Without `--lan` or `--bind` the server listens on 127.0.0.1 only, so nothing is reachable
from another machine until the facilitator asks for it. The game and its seats are saved
after every move in `<data dir>/host/`, so stopping and starting the host resumes the game
and every team's link keeps working.

One host per data folder: a host holds the lock `<data dir>/host.lock` (see
`game.files.locks`) while it runs, and a second one is refused in one line naming the
first (its port and process id); the lock of a killed host is taken over at once. The
host also holds its save's lock, so no text mode or window can continue it meanwhile. A
finished game is served again as it ended, never replaced without `--new`, and its replay
and debrief are written again if a stop came before they were.
"""

from __future__ import annotations

import argparse
import ipaddress
import socket
import sys
from pathlib import Path

from game.ai import DEFAULT_PERSONA, PERSONAS, persona_problem
from game.authoring.scenarios import DEFAULT_SCENARIO, ScenarioLoadError, load_for_play, locate
from game.files.atomic import clean_stale_temps
from game.files.locks import LockHeld, hold, save_lock
from game.net.durable import HostSave
from game.net.reseat import reseat
from game.net.seats import (
    HostSecrets,
    SeatError,
    load_secrets,
    new_secrets,
    parse_seats,
    save_secrets,
)
from game.session.library import in_use
from game.session.saves import SEED_MAX, SEED_MIN, SaveError, data_dir, read_save
from game.session.session import Session
from game.words import _

DEFAULT_PORT = 8000


class HostError(ValueError):
    """An option or saved file that stops the host from starting; the message says what to do."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The host command's options."""
    parser.add_argument("--scenario", default=None, help=f"scenario file (default: {DEFAULT_SCENARIO})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default: %(default)s)")
    parser.add_argument("--bind", default=None, metavar="ADDR",
                        help="address to listen on (default: 127.0.0.1, this computer only)")
    parser.add_argument("--lan", action="store_true",
                        help="listen on this computer's local-network address, so the room can join")
    parser.add_argument("--seat", action="append", default=[], metavar="ROLE=KIND",
                        help="device (default), hotseat, or an AI persona "
                             f"({', '.join(PERSONAS)}, optionally PERSONA:TEMPERAMENT)")
    parser.add_argument("--seed", type=int, default=None, help="seed for the game's chance")
    parser.add_argument("--rounds", type=int, default=None, help="number of rounds (1-40)")
    parser.add_argument("--new", action="store_true",
                        help="start a new game even if a hosted game is saved")


def host_dir() -> Path:
    """Where the hosted game and its seats are saved."""
    return data_dir() / "host"


def run_host(args: argparse.Namespace) -> int:
    """Start the server; returns the exit status (2 for bad options or files)."""
    try:
        address = bind_address(args.bind, args.lan)
        check_numbers(args)
        one_host(args.port)
        _check_port(address, args.port)
        session, found = open_game(args)
    except (HostError, SeatError, SaveError, ScenarioLoadError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    join_host = lan_address() if address in ("0.0.0.0", "::") else address
    join_url = f"http://{_url_host(join_host)}:{args.port}/join"
    _announce(session, found, address, args.port, join_url)
    try:
        serve(session, found, address, args.port, join_url)
    except KeyboardInterrupt:
        print(_("Stopped. The game is saved; run the same command to resume it."))
        return 130
    if not session.state.over:
        print(_("Stopped. The game is saved; run the same command to resume it."))
    return 0


def check_numbers(args: argparse.Namespace) -> None:
    """HostError for a port, seed or number of rounds out of range, before anything is written."""
    if not 1 <= args.port <= 65535:
        raise HostError(_("--port {port}: give a port from 1 to 65535").format(port=args.port))
    if args.seed is not None and not SEED_MIN <= args.seed <= SEED_MAX:
        raise HostError(_("--seed {seed}: give a whole number from {low} to {high}").format(
            seed=args.seed, low=SEED_MIN, high=SEED_MAX))
    if args.rounds is not None and not 1 <= args.rounds <= 40:
        raise HostError(_("--rounds {n}: give a number from 1 to 40").format(n=args.rounds))


def one_host(port: int) -> None:
    """Hold the data folder's host lock for this process; HostError naming the host that
    already serves this folder (a lock left by a killed host is simply taken over)."""
    folder = data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        hold(folder / "host.lock", "host", port)
    except LockHeld as exc:
        who = exc.holder
        where = _("port {port}, process {pid}").format(port=who.port, pid=who.pid) if who \
            else _("its port and process unknown")
        raise HostError(_("another host is already serving the games in {folder} ({where}); use "
                          "that one, stop it with Ctrl+C in its terminal, or give this one its own "
                          "folder with DETENTE_DATA_DIR").format(folder=folder, where=where)) from None
    except OSError as exc:
        raise HostError(_("cannot use the data folder {folder} ({why}); choose another with "
                          "DETENTE_DATA_DIR").format(folder=folder, why=exc.strerror or exc)) from None


def bind_address(bind: str | None, lan: bool) -> str:
    """127.0.0.1 unless `--bind ADDR` or `--lan` asks for more; HostError for a bad address."""
    if bind and lan:
        raise HostError(_("give either --bind ADDR or --lan, not both"))
    if lan:
        return lan_address()
    if bind is None:
        return "127.0.0.1"
    try:
        return str(ipaddress.ip_address(bind))
    except ValueError:
        raise HostError(_("--bind {bind!r}: give an IP address such as 192.168.1.20, or use --lan")
                        .format(bind=bind)) from None


def lan_address() -> str:
    """This computer's address on the local network, found from the routing table.

    Connecting a UDP socket sends nothing: it only asks the system which interface would
    be used. Raises HostError when there is no network."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: a documentation address, never contacted
            found = probe.getsockname()[0]
        except OSError:
            found = ""
    if not found or found.startswith("127.") or found == "0.0.0.0":
        raise HostError(_("no local network was found; connect this computer to the room's "
                          "network, or give --bind ADDR"))
    return found


def _check_port(address: str, port: int) -> None:
    if not 1 <= port <= 65535:
        raise HostError(_("--port {port}: give a port from 1 to 65535").format(port=port))
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((address, port))
        except OSError as exc:
            raise HostError(_("cannot listen on {address} port {port} ({why}); give another "
                              "--port, or stop the program using it").format(
                address=address, port=port, why=exc.strerror)) from None


def _url_host(address: str) -> str:
    return f"[{address}]" if ":" in address else address


def open_game(args: argparse.Namespace) -> tuple[Session, HostSecrets]:
    """The saved hosted game if there is one (unless --new), else a new game.

    Takes the save's lock first and removes the temporary files of writes a stop cut
    short. A finished game is served again as it ended (its replay and debrief written
    again if they are missing): only --new replaces it."""
    folder = host_dir()
    game_file, seats_file = folder / "game.json", folder / "seats.json"
    _lock_save(game_file, getattr(args, "port", None))
    clean_stale_temps(folder)
    if not args.new and game_file.exists() and seats_file.exists():
        try:
            session, found = _resume(game_file, seats_file)
        except (SaveError, SeatError) as exc:
            raise HostError(_("{problem}; or start a new hosted game with --new").format(
                problem=str(exc).removesuffix("; start a new game with --new"))) from None
        if session.state.over:
            print(_("The hosted game saved in {folder} is over; it is shown as it ended. Start a "
                    "new game with --new.").format(folder=folder))
            return session, found
        parse_seats(session.scenario.role_ids, args.seat, persona_problem)  # bad --seat: nothing said yet
        print(_("Resuming the hosted game saved in {folder} (round {n}); start a new one "
                "with --new.").format(folder=folder, n=session.state.round))
        _apply_seats(args, session, found, seats_file)
        _warn_kept(args, session, found)
        return session, found
    return _new(args, game_file, seats_file)


def _warn_kept(args: argparse.Namespace, session: Session, found: HostSecrets) -> None:
    """One line naming the options a resumed game cannot take, what it kept instead, and
    how to start afresh with them."""
    given = [f"--{name}" for name in ("scenario", "seed", "rounds") if getattr(args, name) is not None]
    if given:
        seats = ", ".join(f"{r}={p.persona if p.kind == 'ai' else p.kind}" for r, p in found.seats.items())
        print(_("Ignored {options}: the saved game keeps its scenario ({title}), seed {seed}, "
                "{rounds} rounds and seats ({seats}). To use them, add --new to start afresh.")
              .format(options=" ".join(given), title=session.scenario.title, seed=session.seed,
                      rounds=session.rounds, seats=seats))


def _apply_seats(args: argparse.Namespace, session: Session, found: HostSecrets, seats_file: Path) -> None:
    """`--seat` on a resumed game moves those roles to their new seats (a phone died), one
    line each; HostError, changing nothing, if the options are bad or leave no seat to people."""
    if not args.seat:
        return
    parse_seats(session.scenario.role_ids, args.seat, persona_problem)  # one seat a role, known kinds
    wanted = dict(item.partition("=")[::2] for item in args.seat)
    kinds = {r: wanted.get(r, p.persona if p.kind == "ai" else p.kind) for r, p in found.seats.items()}
    if all(k not in ("device", "hotseat") for k in kinds.values()):
        raise HostError(_("every seat would be an AI persona; keep at least one device or hotseat seat"))
    for role, kind in wanted.items():
        plan = found.seats[role]
        if kind != (plan.persona if plan.kind == "ai" else plan.kind):
            print(reseat(session, found, role, kind))
    save_secrets(found, seats_file)


def _lock_save(game_file: Path, port: int | None) -> None:
    """Hold the lock of the host's save; HostError naming a text mode or window playing it."""
    try:
        game_file.parent.mkdir(parents=True, exist_ok=True)
        save_lock(game_file, "host", port)
    except LockHeld as exc:
        raise HostError(in_use(game_file, exc.holder)) from None
    except OSError as exc:
        raise HostError(_("cannot use the folder {folder} ({why}); choose another data folder "
                          "with DETENTE_DATA_DIR").format(folder=game_file.parent,
                                                          why=exc.strerror or exc)) from None


def _resume(game_file: Path, seats_file: Path) -> tuple[Session, HostSecrets]:
    from game.session.replay import embedded_scenario, session_from_save, verified_session

    record = read_save(game_file)
    if record.scenario is not None:
        session = verified_session(record, embedded_scenario(record, game_file), game_file)
    else:  # a save of version 0.1 keeps no scenario: the file on disk, as it is now
        scenario = load_for_play(locate(record.scenario_path, record.scenario_id))
        session = session_from_save(record, scenario, game_file)
    found = load_secrets(seats_file)
    if set(found.seats) != set(session.seats):
        raise HostError(_("{path}: the seats do not match the saved game; start a new game with "
                          "--new").format(path=seats_file))
    found.applied.update(record.submissions)  # the keys saved with their moves are the truth
    session.on_save = HostSave(game_file, found.applied).attach(session)
    return session, found


def _new(args: argparse.Namespace, game_file: Path, seats_file: Path) -> tuple[Session, HostSecrets]:
    import secrets

    scenario_path = args.scenario or str(DEFAULT_SCENARIO)
    scenario = load_for_play(scenario_path)
    check_numbers(argparse.Namespace(port=getattr(args, "port", DEFAULT_PORT), seed=args.seed,
                                     rounds=args.rounds))
    plans = parse_seats(scenario.role_ids, args.seat, persona_problem)
    if all(p.kind == "ai" for p in plans.values()):
        raise HostError(_("every seat is an AI persona, so nobody would play from a page; give "
                          "at least one role a device or hotseat seat, e.g. --seat nato=hotseat"))
    found = new_secrets(plans)
    seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)
    seats = {r: p.session_seat(DEFAULT_PERSONA) for r, p in plans.items()}
    session = Session(scenario, seed, seats, args.rounds, scenario_path)
    session.on_save = HostSave(game_file, found.applied).attach(session)
    session.save()  # the game first: seats without a game would resume nothing
    save_secrets(found, seats_file)
    return session, found


def _announce(session: Session, found: HostSecrets, address: str, port: int, join_url: str) -> None:
    local = f"http://{_url_host('127.0.0.1' if address in ('0.0.0.0', '::') else address)}:{port}"
    print(_("Détente is hosting {title} (seed {seed}).").format(title=session.scenario.title,
                                                               seed=session.seed))
    print(_("  Projector board:   {url}/board").format(url=local))
    print(_("  Facilitator page:  {url}/host#pin={pin}   (teacher PIN {pin}; keep it private)")
          .format(url=local, pin=found.pin))
    print(_("  Teams join at:     {url}").format(url=join_url))
    for plan in found.seats.values():
        what = {"device": _("join code {code}").format(code=plan.code), "hotseat": _("hot-seat on the host"),
                "ai": _("AI persona {p}").format(p=plan.persona)}[plan.kind]
        print(f"    {session.scenario.role(plan.role).name}: {what}")
    if address.startswith("127.") or address == "::1":
        print(_("Only this computer can reach the game. To open it to the room, restart with "
                "--lan (this computer's local-network address) or --bind ADDR."))
    print(_("Press Ctrl+C to stop; the game is saved after every move and resumes on restart."))


def _finish(session: Session) -> list[str]:
    """Write the replay and the debrief of a finished game; returns their paths."""
    from game.debrief.debrief import debrief_html
    from game.session.saves import finished_replay_path, save_session, write_atomic

    path = save_session(session, finished_replay_path(session))
    debrief = path.with_suffix(".html")
    write_atomic(debrief, debrief_html(session))
    print(_("The game is over. Replay saved to {path}; debrief saved to {debrief}").format(
        path=path, debrief=debrief))
    return [str(path), str(debrief)]


def serve(session: Session, found: HostSecrets, address: str, port: int, join_url: str) -> None:
    """Run the server until Ctrl+C."""
    import uvicorn

    from game.net.hosted import HostedGame
    from game.net.server import server_config

    game = HostedGame(session, found, host_dir() / "seats.json", join_url, on_finish=_finish)
    uvicorn.Server(server_config(game, address, port)).run()
