"""The text mode, the window and the hosted pages list the same orders as the turn service
(`game.session.turns`): the same ids, in the same order, under the same numbers, open or
closed alike, for every role of the default scenario at several points of a game.

Each front end is read as it renders: the text mode's printed menu, the window's order
cards and the hosted team page's menu data (and its answer to a draft)."""

from __future__ import annotations

import io
import re

import pytest

from game.authoring.scenarios import DEFAULT_SCENARIO, load_for_play
from game.model.results import Phase
from game.session.menu import full_menu
from game.session.turns import Turn, turn
from game.textui.console import Console
from game.textui.play import TextGame
from game.words import action_label
from tests.net.conftest import make_game
from tests.ui.conftest import config_dir, make_app  # noqa: F401  (fixtures for the window)

#: A printed menu line: `   6. [1 pt] Offer a legal guarantee → Moscow  (not available: …)`.
TEXT_ITEM = re.compile(r"^\s+(\d+)\. \[(\d+) pt\] (.*)$")


@pytest.fixture(scope="module")
def scenario():
    return load_for_play(DEFAULT_SCENARIO)


def text_items(session, role: str, chosen: list) -> list[tuple[int, str, bool]]:
    """(number, order id, open) for each item the text mode prints, in printed order."""
    out = io.StringIO()
    game = TextGame(session, Console(io.StringIO(""), out, interactive=False))
    menu = full_menu(session.scenario, role)
    game._list_actions(menu, list(chosen), notes=False)
    by_label = {action_label(session.scenario, a): a.text() for a in menu}
    items = []
    for line in out.getvalue().splitlines():
        found = TEXT_ITEM.match(line)
        if not found:
            continue
        rest = found.group(3)
        label = next(lb for lb in sorted(by_label, key=len, reverse=True) if rest.startswith(lb))
        shut = rest[len(label):].startswith(("  (not available:", "  (picked)"))
        items.append((int(found.group(1)), by_label[label], not shut))
    return items


def window_items(app, session, role: str, chosen: list) -> list[tuple[int, str, bool]]:
    """(number, order id, open) for each order card of the window's orders screen."""
    from game.ui.base import walk
    from game.ui.play.flow import GameFlow
    from game.ui.play.orders import OrdersScene

    scene = OrdersScene(GameFlow(app, session, 0, resumed=True), role)
    scene.chosen = list(chosen)
    app.stack.push(scene)
    try:
        return [(w.number, w.key.removeprefix("action:"), w.enabled)
                for w in walk(scene.ensure_root()) if w.key and w.key.startswith("action:")]
    finally:
        app.stack.pop()


def hosted_items(hosted, role: str, chosen: list) -> list[tuple[int, str, bool]]:
    """(number, order id, open) for each order of the team page's menu; with a draft, open
    as the page marks it after the server's answer to that draft."""
    menu = hosted.team_data(role)["menu"]
    if not chosen:
        return [(m["number"], m["id"], m["open"]) for m in menu]
    answer = hosted.draft(role, [a.text() for a in chosen])
    return [(m["number"], m["id"], m["id"] in answer["open"]) for m in menu]


def service_items(now: Turn) -> list[tuple[int, str, bool]]:
    return [(i.number, i.id, i.open) for i in now.menu]


def _play_round(hosted, n: int) -> None:
    """Every team orders the first open item and then the last one still open; every offer
    is accepted."""
    session = hosted.session
    for role in session.waiting_for():
        picks = session.legal(role)[:1]
        picks += session.legal(role, tuple(picks))[-1:] if picks else []
        hosted.submit_orders(role, f"orders-{n}-{role}", [a.text() for a in picks],
                             wait=not picks)
    if session.state.phase == Phase.RESPONSES:
        for role in session.waiting_for():
            offers = {o["key"]: True for o in hosted.team_data(role)["offers"]}
            hosted.submit_responses(role, f"answers-{n}-{role}", offers)


def test_every_front_end_lists_the_turns_items(tmp_path, scenario, make_app):  # noqa: F811
    hosted = make_game(tmp_path, scenario, seed=5)
    session = hosted.session
    app = make_app()
    checked = 0
    for point in range(3):  # the opening, then after one and after two played rounds
        assert session.state.phase == Phase.ORDERS
        for role in scenario.role_ids:
            opening = turn(session, role)
            drafts = [[], [opening.open_items()[0].action]]
            for chosen in drafts:
                want = service_items(turn(session, role, chosen))
                assert [n for n, _id, _open in want] == list(range(1, len(want) + 1))
                assert text_items(session, role, chosen) == want, (point, role, chosen)
                assert window_items(app, session, role, chosen) == want, (point, role, chosen)
                assert hosted_items(hosted, role, chosen) == want, (point, role, chosen)
                checked += 1
        _play_round(hosted, point)
    assert checked == 3 * len(scenario.role_ids) * 2


def test_the_hosted_page_gives_each_item_the_turns_number_reason_and_stakes(tmp_path, scenario):
    hosted = make_game(tmp_path, scenario, seed=5)
    for role in scenario.role_ids:
        now = turn(hosted.session, role)
        for item, shown in zip(now.menu, hosted.team_data(role)["menu"], strict=True):
            assert (shown["number"], shown["id"], shown["label"]) == (item.number, item.id, item.label)
            assert shown["why"] == ("" if item.open else item.why)
            assert shown["refusal"] == (item.refusal.as_data() if item.refusal else None)
            assert (shown["odds"], shown["backing_down"], shown["stake"]) == (
                item.stakes.odds, item.stakes.backing_down, item.stakes.line)


def test_washington_has_one_menu_on_every_front_end(tmp_path, scenario, make_app):  # noqa: F811
    """The drift of issue 16: the hosted page listed 21 orders for Washington, the window
    and the text mode 20. A proposal of a milestone Washington is not a party to (joint
    exercises, Moscow's and NATO's) can never be open to it, so it is on no menu."""
    hosted = make_game(tmp_path, scenario, seed=5)
    session = hosted.session
    sizes = {len(text_items(session, "washington", [])),
             len(window_items(make_app(), session, "washington", [])),
             len(hosted_items(hosted, "washington", [])), len(turn(session, "washington").menu)}
    assert sizes == {20}
    assert "washington:propose_exercises" not in {m["id"] for m in hosted.team_data("washington")["menu"]}
