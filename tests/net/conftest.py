"""A hosted game on the default scenario, with its seats and its app, for the network tests;
and a real browser (Debian's Chromium through Playwright) for the tests of the pages."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from game.authoring.scenarios import DEFAULT_SCENARIO, load_for_play
from game.net.seats import new_secrets, parse_seats
from game.session.saves import save_session
from game.session.session import Session


@pytest.fixture(scope="session")
def scenario():
    return load_for_play(DEFAULT_SCENARIO)


def make_game(tmp_path, scenario, seat_options=(), seed=7, rounds=None):
    """A HostedGame saving into tmp_path: device seats unless `seat_options` say otherwise."""
    from game.net.hosted import HostedGame

    plans = parse_seats(scenario.role_ids, list(seat_options), lambda _name: None)
    found = new_secrets(plans)
    seats = {r: p.session_seat("reciprocator") for r, p in plans.items()}
    game_file = tmp_path / "game.json"
    session = Session(scenario, seed, seats, rounds, str(DEFAULT_SCENARIO),
                      on_save=lambda s: save_session(s, game_file))
    return HostedGame(session, found, tmp_path / "seats.json", "http://127.0.0.1:8000/join")


@pytest.fixture
def hosted(tmp_path, scenario):
    return make_game(tmp_path, scenario)


@pytest.fixture
def client(hosted):
    from starlette.testclient import TestClient

    from game.net.server import build_app

    with TestClient(build_app(hosted)) as test_client:
        yield test_client
        close_all(test_client)


def close_all(test_client):
    """Close every socket a test kept open, properly, before the app stops."""
    for ws in getattr(test_client, "open_sockets", []):
        ws.__exit__(None, None, None)
    test_client.open_sockets = []


def token(hosted, role):
    """The secret token of a device role."""
    return hosted.secrets.seats[role].token


CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def _install_chromium() -> str | None:
    """Install Debian's chromium if it is missing and apt can; None, or why it cannot be had."""
    if CHROMIUM.exists():
        return None
    if not shutil.which("apt-get") or os.geteuid() != 0:
        return "Chromium is not installed (as root on Debian: apt-get install -y chromium)"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        done = subprocess.run(command, env=env, capture_output=True, timeout=900, check=False)
        if done.returncode != 0:
            return f"Chromium could not be installed ({' '.join(command)} failed)"
    return None if CHROMIUM.exists() else "Chromium could not be installed"


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    problem = _install_chromium()
    if problem:
        pytest.skip(f"no browser for the end-to-end test: {problem}")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()
