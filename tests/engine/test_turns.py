"""The turn service: one team's numbered menu, points, draft and offers, worked out once."""

from __future__ import annotations

import pytest

from game.authoring.scenarios import DEFAULT_SCENARIO, load_for_play
from game.model.actions import Action, Orders
from game.model.results import Phase, RefusalKind
from game.rules import ratification_odds
from game.rules.legal import why_illegal
from game.session.menu import full_menu
from game.session.session import Seat, Session
from game.session.turns import turn
from game.words import why_not


@pytest.fixture
def session():
    sc = load_for_play(DEFAULT_SCENARIO)
    return Session(sc, 5, {r: Seat(True) for r in sc.role_ids})


def test_the_menu_is_the_full_menu_numbered_from_one(session):
    for role in session.scenario.role_ids:
        now = turn(session, role)
        assert [i.action for i in now.menu] == full_menu(session.scenario, role)
        assert [i.number for i in now.menu] == list(range(1, len(now.menu) + 1))
        assert now.item(3) == now.menu[2]
        assert now.due and now.phase == Phase.ORDERS and now.points_left == now.points
        with pytest.raises(IndexError):
            now.item(len(now.menu) + 1)


def test_open_items_are_the_legal_orders_and_closed_ones_give_the_rules_reason(session):
    for role in session.scenario.role_ids:
        now = turn(session, role)
        assert [i.action for i in now.open_items()] == session.legal(role)
        for item in now.menu:
            if item.open:
                assert item.refusal is None and item.why == ""
            else:
                assert item.refusal == why_illegal(session.state, session.game, item.action)
                assert item.why == why_not(session.scenario, item.action, item.refusal) != ""


def test_orders_never_open_to_a_role_are_not_on_its_menu(session):
    """Proposing a milestone a role is not a party to is refused all game: such an order is
    left off the menu (as another role's action is), not listed as closed."""
    game = session.game
    for role in session.scenario.role_ids:
        listed = {i.action for i in turn(session, role).menu}
        left_off = [c.action for c in game.candidates[game.role_index[role]]
                    if c.action not in listed]
        assert all(why_illegal(session.state, game, a).kind == RefusalKind.NOT_A_PARTY
                   for a in left_off)
        assert not any(i.refusal and i.refusal.kind == RefusalKind.NOT_A_PARTY
                       for i in turn(session, role).menu)
    assert len(turn(session, "washington").menu) == 20


def test_a_draft_keeps_the_numbers_and_marks_what_it_closes(session):
    role = "washington"
    before = turn(session, role)
    first = before.open_items()[0]
    after = turn(session, role, [first.action])
    assert [i.id for i in after.menu] == [i.id for i in before.menu]
    picked = after.find(first.action)
    assert picked.picked and not picked.open and picked.refusal.kind == RefusalKind.DRAFTED
    assert after.points_left == before.points_left - first.cost
    assert first.id not in after.closed()  # a picked item is not "closed"
    assert after.chosen == (first.action,)
    assert after.find(Action("washington", "propose_exercises")) is None


def test_stakes_are_the_rules_numbers_with_the_shared_words(session):
    guarantee = turn(session, "washington").find(Action("washington", "legal_guarantee", "moscow"))
    stakes = guarantee.stakes
    assert stakes.odds == ratification_odds(session.state, session.game, guarantee.action)
    assert stakes.support == session.state.support["washington"]
    assert stakes and "Ratification odds now" in stakes.line
    aside = turn(session, "moscow").find(Action("moscow", "set_aside_demand"))
    assert aside.stakes.backing_down > 0 and aside.stakes.odds is None
    assert "Backing down now costs you" in aside.stakes.line
    quiet = turn(session, "moscow").find(Action("moscow", "wait_and_see"))
    assert not quiet.stakes and quiet.stakes.line == ""


def test_offers_to_answer_are_numbered_with_their_stakes(session):
    sc = session.scenario
    for role in sc.role_ids:
        assert turn(session, role).offers == ()
    for role in sc.role_ids:  # each team makes the first offer open to it
        offer = [a for a in session.legal(role) if session.game.action(a.action_id).offer][:1]
        session.submit(Orders(role, tuple(offer)))
    assert session.state.phase == Phase.RESPONSES
    answering = [r for r in sc.role_ids if turn(session, r).offers]
    assert answering
    for role in answering:
        now = turn(session, role)
        assert [o.number for o in now.offers] == list(range(1, len(now.offers) + 1))
        assert [o.key for o in now.offers] == [o.key for o in session.view(role).offers]
        assert not any(i.open for i in now.menu)  # no orders outside the orders phase
        assert all(i.refusal.kind == RefusalKind.NOT_GIVING_ORDERS for i in now.menu)


def test_an_unknown_role_is_refused(session):
    with pytest.raises(KeyError):
        turn(session, "atlantis")
