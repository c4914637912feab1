"""The pages as a class holds them, in a real browser: a host of tables, a student's phone,
the projector and the facilitator's laptop.

Every page is checked with axe-core (0 violations of WCAG 2.1 A/AA and of the best
practices, heading-order, landmark-one-main and region among them), for repeated ids and
for sideways scrolling, in each state a class meets. Updates keep the reader's place:
focus, ticks and open or closed rounds survive a move or a timer change, and after each
action the focus goes where its result shows. A browser shared by two teams keeps each
tab on its own team through reloads, and a network that blocks WebSockets still plays.
"""

from __future__ import annotations

import pytest

from tests.net.page_checks import check_page
from tests.net.test_browser import WAIT, Host, _free_port, give_orders, join


@pytest.fixture
def tables(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path))
    running = Host(_free_port())
    running.start(new=True, tables=2)
    yield running
    running.stop()


def base(host) -> str:
    return f"http://127.0.0.1:{host.port}"


def phone(browser, width=360, height=740):
    return browser.new_context(viewport={"width": width, "height": height}).new_page()


def focused_id(page) -> str:
    return page.evaluate("() => document.activeElement && document.activeElement.id")


def test_a_students_phone_reads_the_round_first_and_keeps_its_place(browser, tables):
    from playwright.sync_api import expect

    game, other = tables.room.tables["1"].game, tables.room.tables["2"].game
    page = phone(browser)
    page.goto(f"{base(tables)}/join")
    check_page(page, "join page")
    page.get_by_label("Join code").fill("NOPE99")
    page.get_by_role("button", name="Join").click()
    expect(page.locator("#join-error")).to_contain_text("not one of this game's codes", timeout=WAIT)
    assert focused_id(page) == "code"
    check_page(page, "join page, refused")
    page.get_by_label("Join code").fill(other.secrets.seats["moscow"].code)
    page.get_by_role("button", name="Join").click()
    page.wait_for_selector("#move-h", timeout=WAIT)
    assert page.get_by_text("Table 2").count() == 1

    # The page opens with the event, the objectives and what changed; the orders come after.
    parts = ("event", "objectives", "changes", "move")
    tops = [page.locator(f"#{part}-h").bounding_box()["y"] for part in parts]
    assert tops == sorted(tops)
    assert page.locator("#event-body").bounding_box()["y"] < 740  # on the first screen
    for width in (360, 320):
        page.set_viewport_size({"width": width, "height": 740})
        check_page(page, f"team page at {width} px")

    # The send button stays in reach while the menu scrolls; a lost connection stays in sight.
    send = page.get_by_role("button", name="Give these orders")
    page.locator("#move-body fieldset").first.scroll_into_view_if_needed()
    assert send.bounding_box()["y"] + send.bounding_box()["height"] <= 740

    # Updates keep the reader's place: a tick, the focus, a closed fold.
    page.locator("#objectives-body details summary").click()
    page.locator("#objectives-body details summary").click()  # opened and closed again by the reader
    box = page.locator("#move-body input[type=checkbox]:enabled").first
    box.check()
    box.focus()
    game.facilitate("timer_start", 3)
    other.facilitate("timer_start", 2)
    other.submit_orders("nato", "place-key-0001", [], wait=True)
    expect(page.locator("#timer")).to_contain_text("left", timeout=WAIT)
    assert page.evaluate("() => document.activeElement.type") == "checkbox" and box.is_checked()
    assert page.locator("#objectives-body details").get_attribute("open") is None

    # Sending: the confirm step, then the focus on the line that says where the orders are.
    page.get_by_role("button", name="Give these orders").click()
    check_page(page, "team page, confirming orders")
    page.get_by_role("button", name="Yes, give these orders").click()
    expect(page.locator("#move-status")).to_contain_text("Your orders are in", timeout=WAIT)
    assert focused_id(page) == "move-status"
    check_page(page, "team page, orders in")


def test_two_teams_in_one_browser_keep_their_own_tabs_through_reloads(browser, tables):
    game = tables.room.tables["1"].game
    shared = browser.new_context(viewport={"width": 390, "height": 844})
    pages = {}
    for role in ("washington", "nato"):
        page = shared.new_page()
        page.goto(f"{base(tables)}/join")
        page.get_by_label("Join code").fill(game.secrets.seats[role].code)
        page.get_by_role("button", name="Join").click()
        page.wait_for_selector("#move-h", timeout=WAIT)
        pages[role] = page
    for role, page in pages.items():
        assert "#" not in page.url and f".{role}" in page.url  # no token in the address
        page.reload()
        page.wait_for_selector("#move-h", timeout=WAIT)
        name = game.session.scenario.role(role).name
        assert page.get_by_role("heading", level=1).inner_text().startswith(name)
    shared.close()


BLOCK_WEBSOCKETS = """
window.WebSocket = class {
  constructor() {
    this.readyState = 3;
    setTimeout(() => {
      if (this.onerror) this.onerror({});
      if (this.onclose) this.onclose({ code: 1006 });
    }, 30);
  }
  send() { throw new Error("blocked"); }
  close() {}
};
window.WebSocket.OPEN = 1;
"""


def test_a_network_that_blocks_websockets_still_plays_and_says_what_to_ask(browser, tables):
    """A proxy that drops the WebSocket upgrade: the page says so in words, names what to ask
    the network's administrator, and plays on over plain requests."""
    from playwright.sync_api import expect

    game = tables.room.tables["1"].game
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(BLOCK_WEBSOCKETS)
    page = context.new_page()
    page.goto(f"{base(tables)}/join")
    page.get_by_label("Join code").fill(game.secrets.seats["moscow"].code)
    page.get_by_role("button", name="Join").click()
    page.wait_for_selector("#move-h", timeout=WAIT)
    expect(page.locator("#conn")).to_contain_text("administrator", timeout=WAIT)
    assert "WebSocket" in page.locator("#conn").inner_text()
    give_orders(page, 1)
    assert "moscow" in game.session.state.orders
    game.facilitate("pause")  # news still arrives without a WebSocket
    page.get_by_text("The facilitator has paused the game.").first.wait_for(timeout=WAIT)
    check_page(page, "team page over plain requests")
    context.close()


def test_the_board_of_a_table_fits_a_projector_and_a_plain_board_lists_the_tables(browser, tables):
    from playwright.sync_api import expect

    game = tables.room.tables["2"].game
    board = browser.new_page(viewport={"width": 1280, "height": 720})
    board.goto(f"{base(tables)}/board/2")
    board.locator("#join .code").first.wait_for(timeout=WAIT)
    assert board.evaluate("() => document.documentElement.scrollHeight") <= 720
    for part in (board.locator("#round .card").first, board.locator("#round .waiting"),
                 *[board.get_by_text(p.code, exact=True) for p in game.secrets.seats.values()]):
        box = part.bounding_box()
        assert box and box["y"] + box["height"] <= 720
    check_page(board, "board with joining open")
    game.facilitate("end")
    board.locator("#h-outcome").wait_for(timeout=WAIT)
    expect(board.locator("main")).to_contain_text("The game is over", timeout=WAIT)
    assert board.locator("main").inner_text().count("The game is over") == 1
    check_page(board, "board at the end")
    lobby = browser.new_page(viewport={"width": 1280, "height": 720})
    lobby.goto(f"{base(tables)}/board")
    lobby.get_by_role("link", name="Table 2").wait_for(timeout=WAIT)
    check_page(lobby, "the list of tables")
    lobby.get_by_role("link", name="Table 1").click()
    lobby.wait_for_selector("text=Table 1: ", timeout=WAIT)


def test_the_facilitator_runs_the_class_from_a_phone_sized_screen(browser, tables):
    """Log in, see every table, start a table with a hot-seat team, play it after a hand-off,
    give a team a new link, pause every table and end one: at 320 px, with the focus
    where each result shows."""
    from playwright.sync_api import expect

    desk = browser.new_page(viewport={"width": 320, "height": 700})
    desk.goto(f"{base(tables)}/host")
    check_page(desk, "facilitator's login")
    desk.get_by_label("Teacher PIN").fill(tables.room.pin)
    desk.get_by_role("button", name="Open the facilitator page").click()
    desk.locator("#tables article").nth(1).wait_for(timeout=WAIT)
    assert focused_id(desk) == "class-h"
    check_page(desk, "facilitator's desk at 320 px")

    # Devices per team: a phone joins table 1's Moscow.
    team = join(browser, base(tables), tables.room.tables["1"].game.secrets.seats["moscow"].code)
    expect(desk.locator("#tables article").first).to_contain_text("Moscow 1", timeout=WAIT)

    # A third table, with NATO at the host's computer.
    desk.locator("#more summary").click()
    desk.locator("#nt-seat-nato").select_option("hotseat")
    desk.get_by_role("button", name="Start the tables").click()
    expect(desk.locator("#reply")).to_have_text("Started: Table 3.", timeout=WAIT)
    assert focused_id(desk) == "reply"
    check_page(desk, "facilitator's desk, the new-table form open")
    desk.get_by_role("button", name="Look at Table 3").click()
    expect(desk.locator("#table-h")).to_contain_text("Table 3", timeout=WAIT)
    assert focused_id(desk) == "table-h"
    desk.get_by_role("button", name="Enter moves for NATO").click()
    desk.get_by_role("button", name="We are the NATO team: show our view").click()
    desk.locator("#hs-move-body input[type=checkbox]").first.wait_for(timeout=WAIT)
    check_page(desk, "facilitator's desk with a hot-seat team's panel")
    give_orders(desk, 1)
    assert "nato" in tables.room.tables["3"].game.session.state.orders
    desk.get_by_role("button", name="Done: hand back to the facilitator").first.click()

    # A new link for table 1's Moscow: the phone on the old link is told, in words.
    desk.get_by_role("button", name="Look at Table 1").click()
    expect(desk.locator("#table-h")).to_contain_text("Table 1", timeout=WAIT)
    desk.once("dialog", lambda dialog: dialog.accept())
    desk.get_by_role("button", name="Give Moscow a new link").click()
    expect(desk.locator("#reply")).to_contain_text("new link", timeout=WAIT)
    team.get_by_text("link no longer works").wait_for(timeout=WAIT)
    desk.get_by_role("button", name="Show Moscow's link").click()
    desk.locator("#hide-link").wait_for(timeout=WAIT)
    assert focused_id(desk) == "hide-link"
    check_page(desk, "facilitator's desk showing a team's link")

    # Every table at once, then one table's end: the focus goes to its ending.
    desk.locator("#target").select_option("all")
    desk.get_by_role("button", name="Pause every table").click()
    expect(desk.locator("#reply")).to_contain_text("Table 3: The game is paused", timeout=WAIT)
    assert all(t.game.secrets.paused for t in tables.room.tables.values())
    desk.locator("#target").select_option("one")
    desk.once("dialog", lambda dialog: dialog.accept())
    desk.get_by_role("button", name="End the game").click()
    desk.locator("#h-outcome").wait_for(timeout=WAIT)
    assert focused_id(desk) == "h-outcome"
    assert tables.room.tables["1"].game.session.state.over
    assert not tables.room.tables["2"].game.session.state.over
    check_page(desk, "facilitator's desk after the end")
