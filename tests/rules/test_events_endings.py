"""Rule cases for events, endings and scores."""

import pytest

from game.model.actions import IllegalAction, InjectEvent, Orders
from game.model.results import Detail, DetailKind
from game.rules import apply_action, new_game, outcome
from game.words import score_label
from tests.helpers import compiled, entries, play_round, start, two_roles


def test_scripted_event_fires_in_its_round():
    """A scripted event happens at the start of its round and its effects go through the ledger."""
    sc, s = start()
    assert s.event == "opening"
    assert entries(s, "tension", "event")[0].source == "opening"


def test_conditional_event_fires_when_its_condition_holds():
    """A conditional event fires at the start of a round in which its condition holds."""
    sc, s = start()
    s, _ = play_round(s, sc, {"north": ["north:shout"]})
    assert s.tension >= 60 and s.event == "alarm"


def test_deck_draw_is_deterministic():
    """Deck draws depend only on (seed, round, purpose): the same seed draws the same events."""
    sc = compiled(two_roles())
    draws = [play_round(new_game(sc, 9), sc, {})[0].event for _ in range(2)]
    assert draws[0] == draws[1] == "rumour"


def test_facilitator_can_inject_an_event():
    """An injected event applies at once and is recorded as brought in by the facilitator."""
    sc, s = start()
    s = apply_action(s, sc, InjectEvent("alarm"))
    assert entries(s, cause="event")[-1].detail == Detail(DetailKind.BROUGHT_IN)


def test_injection_only_before_orders():
    """An event cannot be brought in once orders have started."""
    sc, s = start()
    s = apply_action(s, sc, Orders("north", ()))
    with pytest.raises(IllegalAction):
        apply_action(s, sc, InjectEvent("alarm"))


def test_first_matching_ending_wins_and_scores_have_parts():
    """Endings are checked in order; a score is the ending's points plus objectives met."""
    sc, s = start()
    for _ in range(4):
        s, _ = play_round(s, sc, {"north": ["north:wait"]})
    result = outcome(s, sc)
    assert result.ending == "stalemate"
    assert [p.points for p in result.scores["north"]] == [1, 2]  # ending + calm objective
    assert result.total("south") == 1 and result.scores["south"][1].met is False
    assert [score_label(sc, result, "south", p) for p in result.scores["south"]] == [
        "Ending: Stalemate", "Objective missed: be trusted"]


def test_outcome_is_none_while_playing():
    """There is no outcome until the game is over."""
    sc, s = start()
    assert outcome(s, sc) is None
