"""End to end: three teams play a hosted game in real browsers (Playwright with Debian's Chromium).

One team reloads its page in the middle of a round, the host is stopped and started again
in the middle of the game, and one team's page tries to act for another team. Where no
Chromium can be had (or the Python package `playwright` is missing), the test is skipped
and says why.
"""

from __future__ import annotations

import argparse
import re
import socket
from collections import Counter

import pytest

ROLES = ("washington", "moscow", "nato")
WAIT = 120_000  # ms: only a hang fails; a busy machine may take long to show a change
# The session fixture `browser` (tests/conftest.py) launches Chromium once for every browser test.


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Host:
    """The host program's part: open (or resume) the saved game and serve it; stop; start again."""

    def __init__(self, port: int) -> None:
        self.port, self.thread, self.game = port, None, None

    def start(self, new: bool, tables: int | None = None, seat=()):
        from game.net.cli import open_class
        from game.net.server import ServerThread

        args = argparse.Namespace(new=new, scenario=None, rounds=2, seat=list(seat), seed=3, tables=tables)
        self.room = open_class(args, f"http://127.0.0.1:{self.port}/join")
        self.game = self.room.tables["1"].game
        self.thread = ServerThread(self.room, self.port).start()
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
    page.get_by_role("button", name="Yes, give these orders").click()  # the summary, confirmed
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
    page.get_by_role("button", name="Yes, give these orders").wait_for(timeout=WAIT)
    assert page.evaluate("() => document.activeElement.textContent") == "Yes, give these orders"
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
            review = page.get_by_role("heading", name="Send these answers?")
            review.wait_for(timeout=WAIT)  # the review, as for orders: each answer in words
            assert page.get_by_text(re.compile(r"^Accept .+'s offer: ")).count() >= 1
            page.get_by_role("button", name="Confirm: send these answers").click()
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
    nato_action = next(m["id"] for m in host.game.team_data("nato")["menu"] if m["open"])
    pages["moscow"].evaluate("""(action) => new Promise((done) => {
        const ws = new WebSocket(`ws://${location.host}/ws`);
        ws.onopen = () => ws.send(JSON.stringify({type: "hello", as: "team",
                                                  token: localStorage.getItem("detente-token/" +
                    new URLSearchParams(location.search).get("seat"))}));
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
    """The facilitator's page (opened with its PIN link) pauses a device team, then enters a
    hot-seat team's orders after the hand-off screen; an AI persona plays the third role.
    Once ended, nothing on the page can change the game."""
    from playwright.sync_api import expect

    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path))
    running = Host(_free_port())
    game = running.start(new=True, seat=["nato=hotseat", "moscow=legalist"])
    base = f"http://127.0.0.1:{running.port}"
    try:
        team = join(browser, base, game.secrets.seats["washington"].code)
        desk = browser.new_page(viewport={"width": 1100, "height": 900})
        desk.goto(f"{base}/host#pin={game.secrets.pin}")
        desk.get_by_role("button", name="Pause the game").click()
        team.wait_for_selector("text=The facilitator has paused the game.", timeout=WAIT)
        desk.get_by_role("button", name="Resume the game").click()
        expect(team.get_by_text("The facilitator has paused the game.")).to_have_count(0, timeout=WAIT)
        expect(desk.locator("#reply")).to_have_text("The game goes on.", timeout=WAIT)
        # An AI seat reads as a position in neutral words, never as a persona's id.
        seat = desk.locator("#seats article", has_text="Moscow")
        expect(seat).to_contain_text("AI: wants it in writing", timeout=WAIT)
        shown = desk.locator("body").inner_text() + "\n".join(desk.locator("option").all_inner_texts())
        ids = "|".join(("assurer", "holdout", "hardliner", "legalist", "reciprocator", "opportunist"))
        assert not re.search(rf"\b({ids})\b|AI: (alliance|baseline|cooperative)\b", shown), shown
        give_orders(team, 1)
        desk.get_by_role("button", name="Enter moves for NATO").click()
        desk.get_by_role("button", name="We are the NATO team: show our view").click()
        give_orders(desk, 1)
        team.wait_for_selector("text=Round 1 revealed", timeout=WAIT)
        assert any(a.role == "nato" for a in game.session.state.records[0].orders)
        desk.get_by_role("button", name="Done: hand back to the facilitator").first.click()
        assert desk.locator("#hotseat-section").is_hidden()
        # A seat changes mid-game (the AI hands Moscow back to people at the host's computer).
        desk.locator("#seat-moscow").select_option("hotseat")
        desk.once("dialog", lambda dialog: dialog.accept())
        desk.locator("#seats article", has_text="Moscow").get_by_role("button", name="Change seat").click()
        expect(desk.locator("#reply")).to_have_text("Moscow now plays: at the host's computer.", timeout=WAIT)
        assert game.session.seats["moscow"].human
        # After the end, the controls that change the game are off; joining still toggles.
        desk.once("dialog", lambda dialog: dialog.accept())
        desk.get_by_role("button", name="End the game").click()
        expect(desk.get_by_role("button", name="Undo last round")).to_be_disabled(timeout=WAIT)
        for name in ("Pause the game", "Bring in event", "End the game", "Start timer"):
            expect(desk.get_by_role("button", name=name)).to_be_disabled()
        expect(desk.locator("#joining")).to_be_enabled()
    finally:
        running.stop()


def test_a_teams_ticks_survive_a_refusal_and_a_reload_and_never_exceed_its_points(browser, host):
    """A fast hand cannot tick more than the team can afford; a refused submission (the game
    is paused) and a reload keep the ticks; orders with nothing ticked need an explicit "give
    no orders"; each box is named by its action alone; a lost connection is an alert."""
    from playwright.sync_api import expect

    base = f"http://127.0.0.1:{host.port}"
    page = join(browser, base, host.game.secrets.seats["moscow"].code)
    briefing = page.locator("#objectives-body details")
    assert briefing.get_attribute("open") is None  # folded: the orders come soon after the objectives
    briefing.locator("summary").click()

    # Bringing in an event asks first; then its card shows on the team's page and the board.
    desk = browser.new_page(viewport={"width": 1100, "height": 900})
    desk.goto(f"{base}/host#pin={host.game.secrets.pin}")
    event = host.game.session.scenario.events[-1]
    desk.locator("#event").select_option(event.id)
    desk.once("dialog", lambda dialog: dialog.dismiss())
    desk.get_by_role("button", name="Bring in event").click()
    desk.once("dialog", lambda dialog: dialog.accept())
    desk.get_by_role("button", name="Bring in event").click()
    page.get_by_text(f"Brought in by the facilitator: {event.title}").wait_for(timeout=WAIT)
    assert host.game.session.state.injected == (event.id,)  # once: the dismissed one sent nothing
    desk.close()
    menu = host.game.team_data("moscow")["menu"]
    cheap = [m for m in menu if m["open"] and m["cost"] == 1][:3]
    box = page.locator("#move-body input[type=checkbox]").first
    expect(box).to_have_accessible_name(f"{menu[0]['number']}. {menu[0]['label']}")
    closed = next(m for m in menu if not m["open"])
    expect(page.get_by_text(f"Closed: {closed['why']}.").first).to_be_visible()

    # Three 1-point ticks in one go, before any reply from the server: the third is stopped.
    page.evaluate("""(ids) => { for (const id of ids)
        document.querySelector(`#move-body input[value="${id}"]`).click(); }""", [m["id"] for m in cheap])
    ticked = lambda: page.locator("#move-body input[type=checkbox]:checked").count()  # noqa: E731
    assert ticked() == 2
    expect(page.locator("#points-left")).to_have_text("Points left: 0")
    expect(page.locator(f'#move-body input[value="{cheap[2]["id"]}"]')).to_be_disabled()
    assert "moscow:" not in page.locator("#move-error").inner_text()

    # The facilitator pauses: the submission is refused, and the ticks stay, through a reload too.
    host.game.facilitate("pause")
    page.get_by_text("The facilitator has paused the game.").first.wait_for(timeout=WAIT)
    page.get_by_role("button", name="Give these orders").click()
    page.get_by_role("button", name="Yes, give these orders").click()
    expect(page.locator("#move-error")).to_contain_text("paused", timeout=WAIT)
    assert ticked() == 2
    page.reload()
    page.wait_for_selector("#move-h", timeout=WAIT)
    expect(page.locator("#move-body input[type=checkbox]:checked")).to_have_count(2, timeout=WAIT)
    page.get_by_role("button", name="Give these orders").click()
    page.get_by_role("button", name="Yes, give these orders").click()
    expect(page.locator("#move-error")).to_contain_text("paused", timeout=WAIT)
    host.game.facilitate("resume")
    expect(page.get_by_text("The facilitator has paused the game.")).to_have_count(0, timeout=WAIT)
    expect(page.locator("#move-error")).to_have_text("", timeout=WAIT)  # the refusal ended with the pause
    expect(page.locator("#move-body input[type=checkbox]:checked")).to_have_count(2)

    # Nothing ticked: the page asks, and "back" returns to the menu without sending anything.
    for item in cheap[:2]:
        page.locator(f'#move-body input[value="{item["id"]}"]').uncheck()
    page.get_by_role("button", name="Give these orders").click()
    page.get_by_role("heading", name="Give no orders this round?").wait_for(timeout=WAIT)
    page.get_by_role("button", name="No, back to the menu").click()
    assert "moscow" not in host.game.session.state.orders
    page.get_by_role("button", name="Give these orders").click()
    page.get_by_role("button", name="Yes, give no orders").click()
    page.get_by_text("Your orders are in (no orders)").wait_for(timeout=WAIT)
    assert host.game.session.state.orders["moscow"] == ()

    # The host goes away: the page says so as an alert, in words, not only in grey.
    host.stop()
    lost = page.get_by_role("alert").filter(has_text="Connection lost. Reconnecting")
    lost.wait_for(timeout=WAIT)
    host.start(new=False)
    expect(page.locator("#conn")).to_have_text("Connected.", timeout=WAIT)


def in_view(page, locator) -> bool:
    """True if the element lies wholly inside the page's viewport without scrolling."""
    box = locator.bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"] \
        and box["x"] + box["width"] <= size["width"]


def fits(board, what: str) -> None:
    """The whole board is on one 1280x720 screen, and the connection line covers nothing."""
    height, width = board.evaluate(
        "() => [document.documentElement.scrollHeight, document.documentElement.scrollWidth]")
    assert height <= 720 and width <= 1280, f"{what}: the board is {width}x{height}"
    conn = board.locator("#conn").bounding_box()
    for other in board.locator("#board section, #board .card, #head > *").all():
        box = other.bounding_box()
        if conn and box and conn["height"] and box["height"]:
            apart = (conn["x"] >= box["x"] + box["width"] or box["x"] >= conn["x"] + conn["width"]
                     or conn["y"] >= box["y"] + box["height"] or box["y"] >= conn["y"] + conn["height"])
            assert apart, f"{what}: the connection line covers {other.evaluate('(n) => n.id || n.className')}"


def test_the_board_fits_a_projector_at_1280_by_720(browser, host):
    """While joining is open every join code is on screen; once it is closed the join panel
    is one line; an agreement in force is one line and its terms a short list; the latest
    results and, at the end, every score need no scrolling."""
    from playwright.sync_api import expect

    game = host.game
    board = browser.new_page(viewport={"width": 1280, "height": 720})
    board.goto(f"http://127.0.0.1:{host.port}/board")
    for plan in game.secrets.seats.values():
        code = board.get_by_text(plan.code, exact=True)
        code.wait_for(timeout=WAIT)
        assert in_view(board, code)
    fits(board, "joining open")
    # A package agreed in round 1 and in force once the round resolves, joining still open.
    deal = {"assurance": "written", "transparency": "criteria"}
    game.submit_talk("washington", "board-deal-01", {"kind": "propose", "to": ["moscow"], "terms": deal})
    game.submit_talk("moscow", "board-deal-02", {"kind": "accept", "ref": 1})
    for role in ROLES:
        game.submit_orders(role, f"board-{role}-key", [], wait=True)
    revealed = board.locator("#results summary", has_text="Round 1 revealed")
    revealed.wait_for(timeout=WAIT)
    agreement = board.locator("#round .agreement")
    expect(agreement).to_be_visible(timeout=WAIT)
    assert game.session.state.agreement is not None
    for plan in game.secrets.seats.values():
        assert in_view(board, board.get_by_text(plan.code, exact=True))
    assert in_view(board, agreement)
    fits(board, "an agreement in force, joining open")
    game.facilitate("joining", False)
    board.get_by_text("Joining is closed; ask the facilitator for your team's link.").wait_for(timeout=WAIT)
    assert board.locator("#join-card").is_hidden()
    for part in (revealed, board.locator("#results li").first, board.locator("#meters h3").last,
                 board.locator(".timer"), agreement):
        assert in_view(board, part)
    fits(board, "an agreement in force, joining closed")
    game.facilitate("end")
    board.locator("#h-outcome").wait_for(timeout=WAIT)
    for row in board.locator("#outcome tbody tr").all():
        assert in_view(board, row)
    fits(board, "the game over")
    assert board.get_by_text("The facilitator has paused").count() == 0
