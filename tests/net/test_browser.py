"""End to end: three teams play a hosted game in real browsers (Playwright with Debian's Chromium).

One team reloads its page in the middle of a round, the host is stopped and started again
in the middle of the game, and one team's page tries to act for another team. Where no
Chromium can be had (or the Python package `playwright` is missing), the test is skipped
and says why.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
from collections import Counter
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
ROLES = ("washington", "moscow", "nato")
WAIT = 15_000  # ms for any page to show a change


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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Host:
    """The host program's part: open (or resume) the saved game and serve it; stop; start again."""

    def __init__(self, port: int) -> None:
        self.port, self.thread, self.game = port, None, None

    def start(self, new: bool):
        from game.net.cli import host_dir, open_game
        from game.net.hosted import HostedGame
        from game.net.server import ServerThread

        args = argparse.Namespace(new=new, scenario=None, rounds=2, seat=[], seed=3)
        session, found = open_game(args)
        self.game = HostedGame(session, found, host_dir() / "seats.json",
                               f"http://127.0.0.1:{self.port}/join")
        self.thread = ServerThread(self.game, self.port).start()
        return self.game

    def stop(self) -> None:
        self.thread.stop()


@pytest.fixture
def host(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path))
    running = Host(_free_port())
    running.start(new=True)
    yield running
    running.stop()


def join(browser, base: str, code: str):
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(f"{base}/join")
    page.get_by_label("Join code").fill(code.lower())
    page.get_by_role("button", name="Join").click()
    page.wait_for_selector("#move-h", timeout=WAIT)
    return page


def give_orders(page, round_no: int) -> None:
    """Tick the first open action and give the orders; wait until they are in (or the round is revealed)."""
    from playwright.sync_api import expect

    page.locator("[id$=move-body] input[type=checkbox]:enabled").first.check()
    expect(page.locator("[id$=points-left]")).not_to_have_text("Points left: 2", timeout=WAIT)
    page.get_by_role("button", name="Give these orders").click()
    done = page.get_by_text("Your orders are in").or_(page.get_by_text(f"Round {round_no} revealed"))
    done.first.wait_for(timeout=WAIT)


def give_orders_by_keyboard(page) -> None:
    """Only the keyboard: the skip link, Tab to the first action, Space, Tab on to the button, Enter."""
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link: to "Your move"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the help line's form to the first action
    for _ in range(5):
        if page.evaluate("() => document.activeElement.type") == "checkbox":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent") == "Give these orders":
            break
    page.keyboard.press("Enter")


def check_names(page) -> None:
    """Every control on a team's page has an accessible name, and the page says its language."""
    from playwright.sync_api import expect

    assert page.evaluate("() => document.documentElement.lang") == "en"
    for control in page.locator("input, button, select, a").all():
        expect(control).to_have_accessible_name(re.compile(r"\S"))


def settled(page, round_no: int):
    """Wait until a page shows where the round stands after every order is in: its answers
    form, the wait for other teams' answers, or the round revealed. Returns the answers
    button if this team owes answers, else None."""
    button = page.get_by_role("button", name="Give these answers")
    waiting = page.get_by_text("Waiting for the answers to this round's offers.")
    revealed = page.get_by_text(f"Round {round_no} revealed")
    button.or_(waiting).or_(revealed).first.wait_for(timeout=WAIT)
    return button if button.count() else None


def answer_offers(pages: dict, round_no: int) -> int:
    """Once every team's page has caught up with the last order, every team that received
    offers accepts them all; returns how many teams answered."""
    answered = 0
    for page in pages.values():
        button = settled(page, round_no)
        if button is not None:
            for radio in page.get_by_label("Accept").all():
                radio.check()
            button.click()
            page.get_by_text("Your answers were received.").or_(
                page.get_by_text(f"Round {round_no} revealed")).first.wait_for(timeout=WAIT)
            answered += 1
    return answered


def wait_round(pages: dict, text: str) -> None:
    for page in pages.values():
        page.wait_for_selector(f"text={text}", timeout=WAIT)


def test_three_browser_teams_play_a_game_through_a_reload_and_a_restart(browser, host):
    base = f"http://127.0.0.1:{host.port}"
    codes = {r: host.game.secrets.seats[r].code for r in ROLES}
    board = browser.new_page(viewport={"width": 1280, "height": 900})
    board.goto(f"{base}/board")
    board.wait_for_selector("text=Round 1 of 2", timeout=WAIT)
    pages = {r: join(browser, base, codes[r]) for r in ROLES}
    assert pages["moscow"].get_by_role("heading", level=1).inner_text().startswith("Moscow")

    # A team's page tries to act for another team over its own connection: refused in words.
    nato_action = host.game.team_data("nato")["menu"][0]["id"]
    pages["moscow"].evaluate("""(action) => new Promise((done) => {
        const ws = new WebSocket(`ws://${location.host}/ws`);
        ws.onopen = () => ws.send(JSON.stringify({type: "hello", as: "team",
                                                  token: localStorage.getItem("detente-token")}));
        ws.onmessage = (e) => { const m = JSON.parse(e.data);
            if (m.type === "state") ws.send(JSON.stringify({type: "orders", key: "cross-team-1",
                                                            actions: [action]}));
            if (m.type === "error") { window.crossTeam = m.message; ws.close(); done(); } };
    })""", nato_action)
    assert "own delegation" in pages["moscow"].evaluate("window.crossTeam")
    assert "nato" not in host.game.session.state.orders

    # Round 1: Washington orders, Moscow reloads in the middle of the round, the others order.
    give_orders(pages["washington"], 1)
    pages["washington"].reload()
    pages["washington"].wait_for_selector("text=Your orders are in", timeout=WAIT)
    give_orders(pages["moscow"], 1)
    check_names(pages["nato"])
    give_orders_by_keyboard(pages["nato"])
    answered = answer_offers(pages, 1)
    wait_round(pages, "Round 1 revealed")
    board.wait_for_selector("text=Round 1 revealed", timeout=WAIT)
    first = host.game.session.state.records[0]
    assert any(a.role == "nato" for a in first.orders)  # by keyboard
    assert answered == len({who for who, _key, _ok in first.responses})  # every offer answered in a page

    # The host stops and starts again in the middle of the game: pages reconnect by themselves.
    give_orders(pages["nato"], 2)
    host.game.facilitate("timer_start", 10)
    host.game.facilitate("timer_pause")
    host.stop()
    game = host.start(new=False)
    assert game.session.state.round == 2 and "nato" in game.session.state.orders
    board.reload()  # the talks timer was saved with the game: still paused, its time kept
    board.wait_for_selector("text=/Talks timer: paused at (9:5\\d|10:00)/", timeout=WAIT)
    game.facilitate("timer_resume")
    for role in ("washington", "moscow"):
        pages[role].wait_for_selector("text=Give these orders", timeout=WAIT)
        give_orders(pages[role], 2)
    answer_offers(pages, 2)

    # The end: every page shows the ending and the scores, and the log holds each move once.
    for page in [*pages.values(), board]:
        page.wait_for_selector("text=The game is over:", timeout=WAIT)
    orders = Counter(m.role for m in game.session.log if m.text().startswith("O "))
    assert orders == {role: 2 for role in ROLES}


def test_the_facilitator_pauses_and_plays_a_hot_seat_team_after_a_hand_off(browser, tmp_path, monkeypatch):
    """The facilitator's page (opened with its PIN link) pauses a device team, then enters
    a hot-seat team's orders after the hand-off screen; an AI persona plays the third role."""
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path))
    running = Host(_free_port())
    from game.net.cli import open_game

    args = argparse.Namespace(new=True, scenario=None, rounds=2, seed=3,
                              seat=["nato=hotseat", "moscow=legalist"])
    open_game(args)  # saved with these seats; the host resumes it
    game = running.start(new=False)
    base = f"http://127.0.0.1:{running.port}"
    try:
        team = join(browser, base, game.secrets.seats["washington"].code)
        desk = browser.new_page(viewport={"width": 1100, "height": 900})
        desk.goto(f"{base}/host#pin={game.secrets.pin}")
        desk.get_by_role("button", name="Pause the game").click()
        team.wait_for_selector("text=The facilitator has paused the game.", timeout=WAIT)
        desk.get_by_role("button", name="Resume the game").click()
        give_orders(team, 1)
        desk.get_by_role("button", name="Enter moves for NATO").click()
        desk.get_by_role("button", name="We are the NATO team: show our view").click()
        give_orders(desk, 1)
        team.wait_for_selector("text=Round 1 revealed", timeout=WAIT)
        assert any(a.role == "nato" for a in game.session.state.records[0].orders)
        desk.get_by_role("button", name="Done: hand back to the facilitator").first.click()
        assert desk.locator("#hotseat-section").is_hidden()
    finally:
        running.stop()
