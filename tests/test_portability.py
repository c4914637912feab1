"""Windows and macOS without a Windows or a Mac: every POSIX-only call the game makes is
taken away here (the module hidden, the function or flag deleted, the platform named
differently), and the game must still do its job by its other way.

    termios.tcflush           -> msvcrt's key queue, drained          (text mode hand-off)
    ANSI clear screen          -> console escape mode, else `cls`      (text mode hand-off)
    SO_REUSEADDR port probe    -> SO_EXCLUSIVEADDRUSE                  (the host's port check)
    os.O_NONBLOCK, O_NOCTTY... -> plain flags                          (every bounded read)
    os.fchmod, O_DIRECTORY, opening a folder, os.kill, /proc -> skipped (atomic writes)
    os.link (FAT, exFAT, network shares) -> exclusive claim, then rename (new save files)
    signal.pthread_sigmask, fork -> SIG_IGN for a moment, spawn        (the balance lab)
    chmod that keeps only the read-only bit                            (the host's secrets)
    /proc/self/maps, SDL's own wait -> pygame.event.wait               (the window's idle loop)
    DPI awareness: only on Windows, through SDL's hint or Windows itself
"""

from __future__ import annotations

import argparse
import ctypes
import importlib.util
import io
import os
import signal
import sys
from types import SimpleNamespace

import pytest

from game.files import atomic
from game.textui import terminal
from game.textui.console import Console
from game.ui import dpi


def _hide(monkeypatch, *modules: str) -> None:
    """Make `import name` fail as it does where the module does not exist."""
    for name in modules:
        monkeypatch.setitem(sys.modules, name, None)


class FakeMsvcrt:
    """msvcrt's key queue: kbhit() while keys wait, getwch() takes one."""

    def __init__(self, keys: str) -> None:
        self.keys = list(keys)

    def kbhit(self) -> bool:
        return bool(self.keys)

    def getwch(self) -> str:
        return self.keys.pop(0)


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


# --- the text mode ------------------------------------------------------------------------

def test_keys_typed_ahead_are_dropped_on_windows(monkeypatch):
    _hide(monkeypatch, "termios")
    keys = FakeMsvcrt("\r\rx")
    monkeypatch.setitem(sys.modules, "msvcrt", keys)
    terminal.drop_typed_ahead(sys.stdin)
    assert keys.keys == []


def test_the_hand_off_works_with_neither_termios_nor_msvcrt(monkeypatch):
    _hide(monkeypatch, "termios", "msvcrt")
    out = Tty()
    console = Console(inp=io.StringIO("\n"), out=out, interactive=True)
    console.hand_off("Moscow")
    assert "Pass to the Moscow team." in out.getvalue()


def test_the_hand_off_drains_the_windows_key_queue(monkeypatch):
    _hide(monkeypatch, "termios")
    keys = FakeMsvcrt("\r")
    monkeypatch.setitem(sys.modules, "msvcrt", keys)
    monkeypatch.setattr(terminal, "WINDOWS", True)
    monkeypatch.setattr(terminal, "_escapes", True)
    Console(inp=io.StringIO("\n"), out=Tty(), interactive=True).hand_off("NATO")
    assert keys.keys == []


class FakeKernel32:
    """GetConsoleMode/SetConsoleMode of a console that does or does not take escapes."""

    def __init__(self, takes_escapes: bool) -> None:
        self.takes, self.set_to = takes_escapes, None

    def GetStdHandle(self, _which):  # noqa: N802 - the Windows API's names
        return 7

    def GetConsoleMode(self, _handle, _mode):  # noqa: N802
        return 1

    def SetConsoleMode(self, _handle, mode):  # noqa: N802
        self.set_to = mode
        return 1 if self.takes else 0


@pytest.mark.parametrize("takes_escapes", [True, False])
def test_a_windows_console_is_cleared_with_escapes_or_cls(monkeypatch, takes_escapes):
    kernel32 = FakeKernel32(takes_escapes)
    monkeypatch.setattr(ctypes, "windll", SimpleNamespace(kernel32=kernel32), raising=False)
    monkeypatch.setattr(terminal, "WINDOWS", True)
    monkeypatch.setattr(terminal, "_escapes", None)
    commands = []
    monkeypatch.setattr(os, "system", commands.append)
    out = Tty()
    Console(inp=io.StringIO(), out=out, interactive=True).clear()
    assert kernel32.set_to & 0x0004  # ENABLE_VIRTUAL_TERMINAL_PROCESSING asked for
    if takes_escapes:
        assert out.getvalue() == terminal.CLEAR and commands == []
    else:
        assert out.getvalue() == "" and commands == ["cls"]


def test_without_a_windows_console_api_the_screen_is_cleared_with_cls(monkeypatch):
    monkeypatch.delattr(ctypes, "windll", raising=False)
    monkeypatch.setattr(terminal, "WINDOWS", True)
    monkeypatch.setattr(terminal, "_escapes", None)
    commands = []
    monkeypatch.setattr(os, "system", commands.append)
    terminal.clear_screen(Tty())
    assert commands == ["cls"]


# --- files --------------------------------------------------------------------------------

def _fresh_copy(module, name: str):
    """A separate copy of `module`, imported now (its flags read from `os` as it is now),
    so the game's own copy and its exception classes stay as they are."""
    spec = importlib.util.spec_from_file_location(name, module.__file__)
    copy = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(copy)
    return copy


def test_bounded_reads_work_without_posix_open_flags(monkeypatch, tmp_path):
    from game.files import bounded

    for flag in ("O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC"):
        monkeypatch.delattr(os, flag, raising=False)
    windows = _fresh_copy(bounded, "bounded_on_windows")
    save = tmp_path / "game.json"
    save.write_text('{"seed": 7}', encoding="utf-8")
    assert windows.read_regular(save, 100, "save") == b'{"seed": 7}'
    with pytest.raises(windows.ReadRefused, match="folder"):
        windows.read_regular(tmp_path, 100, "save")


def test_atomic_writes_work_where_folders_cannot_be_opened(monkeypatch, tmp_path):
    """Windows: no fchmod, no O_DIRECTORY, and opening a folder is refused."""
    real_open = os.open

    def windows_open(path, flags, *args):
        if os.path.isdir(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.delattr(os, "fchmod", raising=False)
    monkeypatch.delattr(os, "O_DIRECTORY", raising=False)
    monkeypatch.setattr(os, "open", windows_open)
    target = tmp_path / "games" / "a.json"
    atomic.write_atomic(target, "first")
    atomic.write_atomic(target, "second")
    assert target.read_text(encoding="utf-8") == "second"
    assert [p.name for p in target.parent.iterdir()] == ["a.json"]


def _no_hard_links(monkeypatch) -> None:
    """A FAT or exFAT drive, or a network share: os.link is refused."""
    def refused(*_args, **_kw):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", refused)


def test_new_games_are_saved_where_the_drive_has_no_hard_links(monkeypatch, tmp_path):
    """Each new game claims its own file name, never another game's, on a USB stick too."""
    from game.session.library import GameLibrary

    _no_hard_links(monkeypatch)
    library = GameLibrary(tmp_path)
    first = library.create_file("case_2026-11-30_081632_seed4.json", '{"a": 1}')
    second = library.create_file("case_2026-11-30_081632_seed4.json", '{"b": 2}')
    assert (first.name, second.name) == ("case_2026-11-30_081632_seed4.json",
                                         "case_2026-11-30_081632_seed4-2.json")
    assert first.read_text(encoding="utf-8") == '{"a": 1}'
    assert second.read_text(encoding="utf-8") == '{"b": 2}'
    assert {p.name for p in (tmp_path / "games").iterdir()} == {first.name, second.name}


def test_a_move_without_hard_links_never_replaces_a_file(monkeypatch, tmp_path):
    _no_hard_links(monkeypatch)
    source, taken = tmp_path / "new.json", tmp_path / "taken.json"
    source.write_text("new", encoding="utf-8")
    taken.write_text("someone else's", encoding="utf-8")
    assert atomic.move_new(source, taken) is False
    assert taken.read_text(encoding="utf-8") == "someone else's" and source.exists()
    assert atomic.move_new(source, tmp_path / "free.json") is True
    assert (tmp_path / "free.json").read_text(encoding="utf-8") == "new" and not source.exists()


def test_a_temporary_file_is_kept_where_processes_cannot_be_asked(monkeypatch, tmp_path):
    """On Windows os.kill(pid, 0) would end the process: a recent temporary file of another
    process is left alone rather than judged."""
    stray = tmp_path / ".a.json.99999999.0123abcd.tmp"
    stray.write_text("half", encoding="utf-8")
    monkeypatch.setattr(os, "name", "nt")
    monkeypatch.setattr(os, "kill", lambda *_a: pytest.fail("os.kill called on Windows"))
    assert atomic.clean_stale_temps(tmp_path) == []
    assert stray.exists()


def test_the_umask_has_a_default_where_there_is_no_proc(monkeypatch):
    real_open = open

    def no_proc(path, *args, **kw):
        if str(path).startswith("/proc/"):
            raise FileNotFoundError(2, "No such file or directory", str(path))
        return real_open(path, *args, **kw)

    monkeypatch.setattr("builtins.open", no_proc)
    assert atomic._umask() == 0o022


def test_the_host_secrets_are_saved_where_chmod_keeps_only_the_read_only_bit(monkeypatch, tmp_path):
    from game.net.seats import HostSecrets, SeatPlan, load_secrets, save_secrets

    modes = []
    monkeypatch.setattr(os, "chmod", lambda path, mode: modes.append(mode & 0o200))
    seat = SeatPlan("north", "device", token="t0ken", code="ABCDEF")
    found = HostSecrets(pin="123456", seats={"north": seat})
    save_secrets(found, tmp_path / "seats.json")
    assert modes == [0o200]  # still writable, as Windows reads 0o600
    assert load_secrets(tmp_path / "seats.json") == found


class ProbeSocket:
    """A socket that records the options set on it and binds nowhere."""

    options: list = []

    def __init__(self, *_args) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *_exc) -> None:
        pass

    def setsockopt(self, level, option, value) -> None:
        ProbeSocket.options.append(option)

    def bind(self, _address) -> None:
        pass


@pytest.mark.parametrize("windows", [True, False])
def test_the_host_probes_its_port_for_exclusive_use_on_windows(monkeypatch, windows):
    """Windows' SO_REUSEADDR shares a port another server holds, so the probe asks for
    exclusive use there; elsewhere SO_REUSEADDR only looks past TIME_WAIT."""
    import socket

    from game.net import cli

    if windows:
        monkeypatch.setattr(socket, "SO_EXCLUSIVEADDRUSE", -5, raising=False)
    else:
        monkeypatch.delattr(socket, "SO_EXCLUSIVEADDRUSE", raising=False)
    monkeypatch.setattr(ProbeSocket, "options", [])
    monkeypatch.setattr(socket, "socket", ProbeSocket)
    cli._check_port("127.0.0.1", 8000)
    assert ProbeSocket.options == ([-5] if windows else [socket.SO_REUSEADDR])


def test_a_port_in_use_is_refused_in_one_line(monkeypatch):
    import socket

    from game.net import cli

    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        with pytest.raises(cli.HostError, match="give another --port"):
            cli._check_port("127.0.0.1", held.getsockname()[1])


# --- the balance lab ------------------------------------------------------------------------

def test_ctrl_c_is_held_back_by_ignoring_it_where_signals_cannot_be_blocked(monkeypatch):
    from game.lab import workers

    monkeypatch.delattr(signal, "pthread_sigmask", raising=False)
    before = signal.getsignal(signal.SIGINT)
    restore = workers.hold_ctrl_c()
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    restore()
    assert signal.getsignal(signal.SIGINT) is before


def test_the_lab_gives_the_same_report_with_spawned_workers(monkeypatch):
    """Windows and macOS start workers by spawning, not forking, and have no
    pthread_sigmask: two spawned workers report exactly what one process does."""
    import multiprocessing

    from game.lab import simulate
    from tests.ai.conftest import DEFAULT

    def run(*argv: str) -> str:
        parser = argparse.ArgumentParser()
        simulate.add_arguments(parser)
        out = io.StringIO()
        assert simulate.run(parser.parse_args([*argv, "--quiet"]), out=out, err=io.StringIO()) == 0
        return out.getvalue()

    args = (str(DEFAULT), "--games", "120", "--personas", "reciprocator,hardliner", "--seed", "5")
    alone = run(*args, "--workers", "1")
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.delattr(signal, "pthread_sigmask", raising=False)
    spawned = []
    real = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context",
                        lambda method=None: spawned.append(method) or real(method))
    assert run(*args, "--workers", "2") == alone
    assert spawned == ["spawn"]


# --- the window ----------------------------------------------------------------------------

def test_the_window_waits_with_pygame_where_there_is_no_proc(monkeypatch):
    from game.ui import waiting

    monkeypatch.setattr(sys, "platform", "win32")
    assert waiting.make_waiter()[1] == "pygame.event.wait"


def test_dpi_awareness_does_nothing_off_windows():
    environ: dict[str, str] = {}
    for platform in ("linux", "darwin"):
        assert dpi.make_dpi_aware(platform, environ, (2, 32, 10)) == ""
    assert environ == {}


def test_dpi_awareness_on_windows_is_sdls_hint():
    environ: dict[str, str] = {}
    assert dpi.make_dpi_aware("win32", environ, (2, 32, 10)) == "hint"
    assert environ == {"SDL_WINDOWS_DPI_AWARENESS": "permonitorv2"}
    mine = {"SDL_WINDOWS_DPI_AWARENESS": "unaware"}  # a user's own choice stays
    dpi.make_dpi_aware("win32", mine, (2, 32, 10))
    assert mine == {"SDL_WINDOWS_DPI_AWARENESS": "unaware"}


class Refused:
    def __getattr__(self, name):
        raise AttributeError(name)


@pytest.mark.parametrize(("shcore", "way"), [(True, "shcore"), (False, "user32")])
def test_dpi_awareness_with_an_older_sdl_asks_windows(monkeypatch, shcore, way):
    called = []
    windll = SimpleNamespace(
        shcore=SimpleNamespace(SetProcessDpiAwareness=lambda v: called.append(("shcore", v)))
        if shcore else Refused(),
        user32=SimpleNamespace(SetProcessDPIAware=lambda: called.append(("user32", None))))
    monkeypatch.setattr(ctypes, "windll", windll, raising=False)
    environ: dict[str, str] = {}
    assert dpi.make_dpi_aware("win32", environ, (2, 0, 22)) == way
    assert called == [("shcore", 2)] if shcore else [("user32", None)]
    assert environ == {}


def test_dpi_awareness_is_asked_for_before_the_display_is_probed(monkeypatch):
    """`play` declares it before display_available starts SDL's video."""
    from game.cli import main as cli
    from game.ui import display

    order = []
    monkeypatch.setattr(dpi, "make_dpi_aware", lambda: order.append("dpi") or "")
    monkeypatch.setattr(display, "display_available",
                        lambda: order.append("display") or (False, "no display (test)"))
    monkeypatch.setattr(cli, "run_text", lambda _args: 0)
    assert cli.play([]) == 0
    assert order == ["dpi", "display"]
