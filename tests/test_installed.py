"""The game as a teacher installs it: built into an sdist and a wheel, installed into a fresh
virtual environment outside the checkout, and run from an empty folder.

The sdist is built from the checkout and the wheel from the sdist (as `python -m build`
does), so both must carry every file the game reads. The installed game then plays an
all-AI text game to its ending, replays and debriefs it, prints the role briefs (both
from the package's templates), checks every bundled scenario, hosts a game (board, join
page and a script fetched over HTTP) and renders the window's screenshots on SDL's
dummy driver.

Nothing it runs may read the checkout: a module put into the fresh environment, and
started by a `.pth` file (as site does for every process, whatever sitecustomize the
base Python has), adds an audit hook that refuses, and records, any file opened or
folder listed under the checkout. The runs use `python -I` or the
`detente` command, from an empty folder, with no PYTHON* variables.

Skipped, with the reason, only where nothing can be built: no `build` front end, no
`venv` module, or no package index to fetch setuptools for the isolated build.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tarfile
import threading
import tomllib
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.test_file_names import problems

ROOT = Path(__file__).resolve().parents[1]
BIN = "Scripts" if os.name == "nt" else "bin"
EXE = ".exe" if os.name == "nt" else ""
WAIT = 600  # seconds: only a hang reaches this, never a slow machine

pytestmark = pytest.mark.install

GUARD = '''\
"""Refuses, and records, any file opened or folder listed under the checkout."""
import os
import sys

_ROOT = os.environ.get("DETENTE_GUARD_ROOT")
if _ROOT:
    _ROOT = os.path.realpath(_ROOT)
    _LOG = open(os.environ["DETENTE_GUARD_LOG"], "a", encoding="utf-8")
    _EVENTS = {"open", "os.listdir", "os.scandir", "glob.glob", "os.chdir"}

    def _guard(event, args):
        if event not in _EVENTS or not args or not isinstance(args[0], (str, bytes, os.PathLike)):
            return
        path = os.path.realpath(os.fsdecode(args[0]))
        if path == _ROOT or path.startswith(_ROOT + os.sep):
            _LOG.write(f"{event} {path} (pid {os.getpid()}, {sys.argv[:2]})\\n")
            _LOG.flush()
            raise PermissionError(f"the installed game read the checkout: {path}")

    sys.addaudithook(_guard)
'''


def _build_problem() -> str | None:
    """Why no wheel can be built here at all, or None."""
    try:
        import venv  # noqa: F401

        import build  # noqa: F401
    except ImportError as exc:
        return f"the {exc.name} module is missing (pip install -e '.[dev]')"
    return None


def _run(args: list, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=WAIT,
                          **kw)


def _build(out: Path) -> tuple[Path, Path]:
    """The sdist (from the checkout) and the wheel (from the sdist)."""
    done = _run([sys.executable, "-m", "build", "--outdir", out, ROOT])
    if done.returncode and re.search(r"No matching distribution found for setuptools", done.stdout
                                     + done.stderr):
        pytest.skip("no package index to fetch setuptools from, so no wheel can be built")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return next(out.glob("detente-*.tar.gz")), next(out.glob("detente-*.whl"))


def _dependencies() -> list[str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]


def _pip(python: Path, *args) -> None:
    done = _run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet",
                 "--disable-pip-version-check", "--no-compile", *args])
    assert done.returncode == 0, done.stderr[-3000:]


@dataclass
class Installed:
    """A fresh environment with the wheel installed, and how to run its game."""

    venv: Path
    home: Path  # an empty folder every command runs in
    env: dict[str, str]
    sdist: Path
    wheel: Path
    guard_log: Path
    screenshots: subprocess.Popen | None = None

    @property
    def python(self) -> Path:
        return self.venv / BIN / f"python{EXE}"

    def detente(self, *args, **kw) -> list[str]:
        """The console script's command line."""
        return [str(self.venv / BIN / f"detente{EXE}"), *map(str, args)]

    def module(self, *args) -> list[str]:
        """`python -I -m detente ...`: isolated mode, so neither the folder nor PYTHON* counts."""
        return [str(self.python), "-I", "-m", "detente", *map(str, args)]

    def run(self, argv: list[str], stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run(argv, cwd=self.home, env=self.env, input=stdin, capture_output=True,
                              text=True, timeout=WAIT)

    def start(self, argv: list[str]) -> subprocess.Popen:
        return subprocess.Popen(argv, cwd=self.home, env=self.env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """Build, make the environment and install the wheel with its dependencies.

    The dependencies go in while the build runs (they are read from pyproject.toml);
    installing the wheel afterwards still resolves its own declared requirements."""
    problem = _build_problem()
    if problem:
        pytest.skip(f"cannot build the wheel here: {problem}")
    tmp = tmp_path_factory.mktemp("installed")
    venv = tmp / "venv"
    done = _run([sys.executable, "-m", "venv", "--without-pip", venv])
    assert done.returncode == 0, done.stderr
    python = venv / BIN / f"python{EXE}"
    deps = threading.Thread(target=_pip, args=(python, *_dependencies()))
    deps.start()
    try:
        sdist, wheel = _build(tmp / "dist")
    finally:
        deps.join()
    _pip(python, wheel)
    found = _environment(tmp, venv, sdist, wheel)
    # The longest run, started now so that it overlaps the others; its test waits for it.
    found.screenshots = found.start(found.detente("play", "--screenshot", found.home / "shots"))
    yield found
    if found.screenshots.poll() is None:
        found.screenshots.kill()
        found.screenshots.communicate()


def _environment(tmp: Path, venv: Path, sdist: Path, wheel: Path) -> Installed:
    python = venv / BIN / f"python{EXE}"
    purelib = _run([python, "-I", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
    site_packages = Path(purelib.stdout.strip())
    (site_packages / "detente_test_guard.py").write_text(GUARD, encoding="utf-8")
    (site_packages / "detente_test_guard.pth").write_text("import detente_test_guard\n", encoding="utf-8")
    home = tmp / "empty"
    home.mkdir()
    log = tmp / "checkout-reads.log"
    log.touch()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(PATH=os.pathsep.join([str(venv / BIN), env.get("PATH", "")]),
               DETENTE_DATA_DIR=str(tmp / "data"), DETENTE_CONFIG_DIR=str(tmp / "config"),
               SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", DETENTE_GUARD_ROOT=str(ROOT),
               DETENTE_GUARD_LOG=str(log))
    return Installed(venv, home, env, sdist, wheel, log)


@pytest.fixture(autouse=True)
def _nothing_read_the_checkout(installed):
    yield
    assert installed.guard_log.read_text(encoding="utf-8") == ""


#: Checkout folder -> where the wheel puts it (setup.py's package_dir), the most specific first.
PLACES = (("game/cli/detente", "detente"), ("scenarios", "game/scenarios"),
          ("assets", "game/assets"), ("game", "game"))


def _shipped() -> dict[str, Path]:
    """Every file the game ships, as the wheel names it -> the file in the checkout."""
    found = {}
    for path in (p for top in ("game", "scenarios", "assets") for p in (ROOT / top).rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        relative = path.relative_to(ROOT).as_posix()
        folder, name = next((f, n) for f, n in PLACES if relative.startswith(f + "/"))
        found[name + relative[len(folder):]] = path
    return found


def test_the_wheel_and_the_sdist_carry_every_file_the_game_reads(installed):
    shipped = _shipped()
    in_wheel = set(zipfile.ZipFile(installed.wheel).namelist())
    assert set(shipped) - in_wheel == set()
    assert {"game/scenarios/tutorials/missile-defence-2011.yaml", "game/scenarios/scenario.schema.json",
            "game/assets/fonts/LICENSE-DejaVu.txt", "game/net/static/board.js",
            "detente/__main__.py"} <= in_wheel
    assert not [n for n in in_wheel if n.split("/")[0] not in ("game", "detente")
                and ".dist-info/" not in n]
    with tarfile.open(installed.sdist) as sdist:
        top = sdist.getnames()[0].split("/")[0]
        in_sdist = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    checkout = {p.relative_to(ROOT).as_posix() for p in shipped.values()}
    assert checkout - in_sdist == set(), top


def test_the_installed_game_is_the_one_in_the_environment(installed):
    done = installed.run(installed.module("--version"))
    assert done.returncode == 0 and done.stdout.startswith("Détente ")
    assert installed.run(installed.detente("--version")).stdout == done.stdout
    where = installed.run([str(installed.python), "-I", "-c",
                           "import game, detente, game.resources as r; "
                           "print(game.__file__); print(detente.__file__); print(r.scenario_dir())"])
    assert where.returncode == 0, where.stderr
    venv = installed.venv.resolve()
    for line in where.stdout.splitlines():
        assert Path(line).resolve().is_relative_to(venv), line


def test_the_guard_refuses_to_read_the_checkout(installed):
    """The audit hook is live in the installed command: pointed at a scenario in the
    checkout, `check` is refused, and the attempt is recorded."""
    done = installed.run(installed.detente("check", ROOT / "scenarios" / "missile-defence-2011.yaml"))
    recorded = installed.guard_log.read_text(encoding="utf-8")
    installed.guard_log.write_text("", encoding="utf-8")
    assert done.returncode != 0
    assert f"open {ROOT / 'scenarios' / 'missile-defence-2011.yaml'}" in recorded


@pytest.fixture(scope="module")
def played(installed) -> Path:
    """An all-AI text game played to its ending by the installed command; its save file."""
    done = installed.run(installed.detente("text", "--human", "none", "--seed", "7"))
    assert done.returncode == 0, done.stderr[-3000:]
    assert re.search(r"^=== .+ ===$", done.stdout, re.MULTILINE), done.stdout[-2000:]  # the ending
    saved = re.search(r"Replay saved to (.+\.json)$", done.stdout, re.MULTILINE)
    assert saved, done.stdout[-2000:]
    assert "Verify it with: detente replay " in done.stdout
    return Path(saved.group(1))


def test_an_ai_game_plays_to_its_ending_and_replays(installed, played):
    assert played.is_relative_to(Path(installed.env["DETENTE_DATA_DIR"]))
    done = installed.run(installed.module("replay", played))
    assert done.returncode == 0 and done.stdout.startswith("verified: "), done.stdout + done.stderr


def test_the_finished_game_is_debriefed(installed, played):
    out = installed.home / "debrief.html"
    done = installed.run(installed.module("debrief", played, "--out", out))
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    assert html.lower().startswith("<!doctype html") and "debrief" in html.lower()


def test_the_role_briefs_of_the_default_scenario_are_printed(installed):
    out = installed.home / "briefs.html"
    done = installed.run(installed.module("briefs", "--out", out))
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").lower().startswith("<!doctype html")


def test_a_bundled_scenario_checks_clean(installed):
    where = installed.run([str(installed.python), "-I", "-c",
                           "from game.resources import scenario_dir; print(scenario_dir())"])
    folder = Path(where.stdout.strip())
    files = sorted(folder.glob("*.yaml"))
    assert [f.name for f in files] == sorted(p.name for p in (ROOT / "scenarios").glob("*.yaml"))
    done = installed.run(installed.detente("check", "--strict", *files))
    assert done.returncode == 0, done.stdout + done.stderr


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str, server: subprocess.Popen) -> bytes:
    """GET `url` once the server answers (it may still be starting)."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=WAIT) as answer:
                assert answer.status == 200
                return answer.read()
        except OSError:
            if server.poll() is not None:
                raise AssertionError(f"the host stopped: {server.communicate()}") from None
            threading.Event().wait(0.2)


def _stop(server: subprocess.Popen) -> tuple[int, str]:
    if os.name == "nt":
        server.terminate()
    else:
        server.send_signal(signal.SIGINT)
    out, _err = server.communicate(timeout=WAIT)
    return server.returncode, out


def test_the_host_serves_the_board_the_join_page_and_its_scripts(installed):
    port = _free_port()
    server = installed.start(installed.detente("host", "--port", port, "--seed", "3", "--new"))
    try:
        base = f"http://127.0.0.1:{port}"
        board = _fetch(f"{base}/board", server)
        join = _fetch(f"{base}/join", server)
        script = _fetch(f"{base}/static/board.js", server)
    finally:
        status, out = _stop(server)
    # A page is served in its language: the host names it in <html lang> and in the
    # address of its texts, and changes nothing else.
    for served, name in ((board, "board.html"), (join, "join.html")):
        shipped = (ROOT / "game" / "net" / "static" / name).read_text(encoding="utf-8")
        text = served.decode("utf-8")
        lang = re.search(r'<html lang="([a-z]+)">', text).group(1)
        assert text == shipped.replace('<html lang="en">', f'<html lang="{lang}">', 1).replace(
            '<script src="/texts.js"', f'<script src="/texts.js?lang={lang}"', 1)
    assert script == (ROOT / "game" / "net" / "static" / "board.js").read_bytes()
    assert status in (0, 130) and "Stopped." in out, out


def test_the_window_renders_its_screens(installed):
    """`detente play --screenshot DIR` (started with the environment) on the dummy driver."""
    shots = installed.home / "shots"
    _out, err = installed.screenshots.communicate(timeout=WAIT)
    assert installed.screenshots.returncode == 0, err[-3000:]
    pngs = sorted(shots.rglob("*.png"))
    assert len(pngs) > 50 and all(p.read_bytes().startswith(b"\x89PNG") for p in pngs)
    assert (shots / "1280x720-s1.0-default" / "01-title.png").is_file()
    assert problems([p.relative_to(shots).as_posix() for p in pngs]) == []  # names Windows takes

