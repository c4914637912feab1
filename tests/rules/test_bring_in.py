"""The facilitator brings events in: at most once a round, and a `once` event once a game."""


from game.model.actions import InjectEvent
from game.model.results import Refusal, RefusalKind
from game.rules import apply_action
from game.rules.events import spent
from game.words import refusal_line
from game.words.ledger import ledger_line
from tests.helpers import entries, play_round, refusal, start


def test_an_event_is_brought_in_at_most_once_a_round():
    """Bringing the same event in twice in a round is refused with a plain reason, and so is
    the event the round already opened with; the next round it may come again."""
    sc, s = start()
    s = apply_action(s, sc, InjectEvent("rumour"))  # rumour may happen many times a game
    again = refusal(sc, s, InjectEvent("rumour"))
    assert again == Refusal(RefusalKind.EVENT_THIS_ROUND, ("rumour",))
    assert refusal_line(sc, again) == "'Rumour' has already happened this round"
    assert refusal(sc, s, InjectEvent("opening")) == \
        Refusal(RefusalKind.EVENT_THIS_ROUND, ("opening",))
    s, _ = play_round(s, sc, {"north": ["north:shout"]})
    assert s.event == "alarm" and spent(s, sc.events["rumour"]) is None
    apply_action(s, sc, InjectEvent("rumour"))


def test_an_event_that_happens_once_cannot_be_brought_in_after_it_happened():
    """An event marked `once` that has happened is refused in every later round."""
    sc, s = start()
    s = apply_action(s, sc, InjectEvent("alarm"))
    s, _ = play_round(s, sc, {})
    assert spent(s, sc.events["alarm"]) == "game"
    once = refusal(sc, s, InjectEvent("alarm"))
    assert once == Refusal(RefusalKind.EVENT_ONCE, ("alarm",))
    assert refusal_line(sc, once) == "'Alarm' can happen only once a game and has already happened"
    assert refusal(sc, s, InjectEvent("opening")) == Refusal(RefusalKind.EVENT_ONCE, ("opening",))


def test_a_brought_in_event_names_its_title_once_in_the_ledger():
    """`Event: Alarm (brought in by the facilitator)`, not the title twice."""
    sc, s = start()
    s = apply_action(s, sc, InjectEvent("alarm"))
    line = ledger_line(sc, entries(s, cause="event")[-1])
    assert line.endswith("· Event: Alarm (brought in by the facilitator)")
    assert line.count("Alarm") == 1
