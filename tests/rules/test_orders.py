"""Rule cases for orders, answers and moves."""


from game.model.actions import (
    Action,
    EndGame,
    InjectEvent,
    Orders,
    Responses,
    move_from_text,
)
from game.model.results import Refusal, RefusalKind
from game.rules import apply_action, legal_actions, offers_to
from tests.helpers import a, refusal, start


def test_action_text_round_trip():
    """Actions and moves have a stable text form that parses back to the same value."""
    for text in ("north:gift@south", "north:wait"):
        assert Action.from_text(text).text() == text
    for move in (Orders("north", (a("north:gift@south"), a("north:wait"))),
                 Responses("south", (("north:observe@south", True),)), InjectEvent("alarm"),
                 EndGame(), Orders("north", ())):
        assert move_from_text(move.text()) == move


def test_orders_cannot_exceed_points():
    """A role has 2 points per round; orders that cost more are illegal."""
    sc, s = start()
    move = Orders("north", (a("north:treaty@south"), a("north:wait")))
    assert refusal(sc, s, move) == Refusal(RefusalKind.COST, (1, 0))


def test_legal_actions_respect_points_left():
    """Once the points are spent, no further action is legal."""
    sc, s = start()
    assert legal_actions(s, sc, "north", (a("north:treaty@south"),)) == []


def test_same_order_twice_is_illegal():
    """The same action at the same target cannot be ordered twice in one round."""
    sc, s = start()
    move = Orders("north", (a("north:gift@south"), a("north:gift@south")))
    assert refusal(sc, s, move) == Refusal(RefusalKind.DRAFTED, ("north:gift@south",))


def test_orders_only_once_per_round():
    """Each role gives its orders once a round."""
    sc, s = start()
    s = apply_action(s, sc, Orders("north", ()))
    assert refusal(sc, s, Orders("north", ())) == Refusal(RefusalKind.ALREADY_ORDERED, ("north",))


def test_cannot_order_for_another_role():
    """A team gives orders only for its own delegation."""
    sc, s = start()
    assert refusal(sc, s, Orders("north", (a("south:wait"),))) == \
        Refusal(RefusalKind.ORDERS_FOR_OTHER, ("north", "south"))


def test_unknown_action_is_illegal():
    """An action id the scenario does not define is illegal, with a reason."""
    sc, s = start()
    assert refusal(sc, s, Orders("north", (a("north:launch"),))) == \
        Refusal(RefusalKind.UNKNOWN_ACTION, ("launch",))


def test_answers_must_cover_exactly_the_offers_due():
    """A responder answers every offer made to it, and nothing else."""
    sc, s = start()
    s = apply_action(s, sc, Orders("north", (a("north:observe@south"),)))
    s = apply_action(s, sc, Orders("south", ()))
    assert s.phase == "responses"
    assert [o.key for o in offers_to(s, sc, "south")] == ["north:observe@south"]
    assert refusal(sc, s, Responses("south", ())) == \
        Refusal(RefusalKind.MUST_ANSWER, ("south", "north:observe@south"))
    s = apply_action(s, sc, Responses("south", (("north:observe@south", True),)))
    assert s.phase == "resolve"


def test_no_offers_skips_the_responses_phase():
    """When nobody made an offer, the round goes straight to resolution."""
    sc, s = start()
    s = apply_action(s, sc, Orders("north", ()))
    s = apply_action(s, sc, Orders("south", ()))
    assert s.phase == "resolve"


def test_apply_action_does_not_change_its_input():
    """Rules are pure: applying a move returns a new state and leaves the old one alone."""
    sc, s = start()
    before = s.copy()
    apply_action(s, sc, Orders("north", (a("north:gift@south"),)))
    assert s == before


def test_end_game_move_ends_the_game():
    """A facilitator's end-game move ends the game, scored as it stands."""
    sc, s = start()
    s = apply_action(s, sc, EndGame())
    assert s.over
