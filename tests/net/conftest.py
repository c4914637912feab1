"""A hosted game on the default scenario, with its seats and its app, for the network tests."""

from __future__ import annotations

import pytest

from game.authoring.scenarios import DEFAULT_SCENARIO, load_for_play
from game.net.seats import new_secrets, parse_seats
from game.session.session import Session


@pytest.fixture(scope="session")
def scenario():
    return load_for_play(DEFAULT_SCENARIO)


def make_game(tmp_path, scenario, seat_options=(), seed=7, rounds=None):
    """A HostedGame saving into tmp_path: device seats unless `seat_options` say otherwise."""
    from game.net.durable import HostSave
    from game.net.hosted import HostedGame

    plans = parse_seats(scenario.role_ids, list(seat_options), lambda _name: None)
    found = new_secrets(plans)
    seats = {r: p.session_seat("reciprocator") for r, p in plans.items()}
    game_file = tmp_path / "game.json"
    session = Session(scenario, seed, seats, rounds, str(DEFAULT_SCENARIO))
    session.on_save = HostSave(game_file, found.applied).attach(session)
    session.save()  # as the host does: the game has its file before the first move
    return HostedGame(session, found, tmp_path / "seats.json", "http://127.0.0.1:8000/join")


@pytest.fixture
def hosted(tmp_path, scenario):
    return make_game(tmp_path, scenario)


SERVED_AT = "127.0.0.1:8000"  # the address the test games' join links name


def served_client(app):
    """A Starlette TestClient that reaches the app as a browser would reach the host, at
    SERVED_AT (the host refuses any other name, and TestClient's sockets say `testserver`)."""
    from urllib.parse import urljoin

    from starlette.testclient import TestClient

    class ServedClient(TestClient):
        def websocket_connect(self, url, *args, **kwargs):
            return super().websocket_connect(urljoin(f"ws://{SERVED_AT}", url), *args, **kwargs)

    return ServedClient(app, base_url=f"http://{SERVED_AT}")


@pytest.fixture
def client(hosted):
    from game.net.server import build_app

    with served_client(build_app(hosted)) as test_client:
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

