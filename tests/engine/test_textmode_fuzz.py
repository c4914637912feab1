"""Fuzzing the text mode's prompts: any input lines give prompts, never a traceback, and
the game state stays valid (meters in range, a consistent ledger, an exact replay)."""

import io

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from game.session.session import Seat, Session
from game.textui.console import Console, EndOfInput
from game.textui.play import TextGame
from tests.helpers import default_scenario

SC = default_scenario()

COMMANDS = ["", "done", "DONE", "Done", "y", "Y", "n", "yes", "no", "u", "undo", "UNDO", "list",
            "help", "?", "info", "info 3", "INFO 99", "end", "End", "quit", "event", "event 3",
            "EVENT 99", "event x",
            "1", "2", "12", "26", "27", "0", "-1", "²", "١٢", "１", "wait_and_see",
            "brief_plans@moscow", "moscow:brief_plans@nato", "@", ":", "\x1b[A", "\x03", "\x00"]
LINE = st.one_of(st.sampled_from(COMMANDS), st.sampled_from(COMMANDS),
                 st.text(max_size=10))
#: Stray lines, each burst mostly followed by a real answer so that play moves on into later
#: rounds, offers and the end, where other prompts are waiting.
SCRIPT = st.lists(st.tuples(st.lists(LINE, max_size=5), st.sampled_from([[], ["done", "y"],
                                                                        ["", "done", "y"], ["y"]])),
                  max_size=40).map(lambda chunks: [x for noise, go in chunks for x in [*noise, *go]])


def valid(session: Session) -> None:
    """Meters within 0-100, each ledger entry's amount its change, and the log replays exactly."""
    st_ = session.state
    values = [st_.tension, *st_.trust.values(), *st_.support.values(), *st_.progress.values()]
    assert all(0 <= v <= 100 for v in values)
    assert all(e.amount == e.after - e.before and 0 <= e.after <= 100 for e in st_.ledger)
    assert st_.phase in ("orders", "responses", "over")
    again = Session.from_log(SC, session.seed, session.seats, list(session.log), session.rounds)
    assert again.state.ledger == st_.ledger


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=SCRIPT, humans=st.sampled_from([("washington",),
                                                                   ("washington", "moscow", "nato")]))
def test_any_input_gives_prompts_and_keeps_the_game_valid(lines, humans):
    """Whatever lines are typed, the game asks again or moves on; it never raises."""
    session = Session(SC, 3, {r: Seat(r in humans) for r in SC.role_ids}, 2)
    out = io.StringIO()
    game = TextGame(session, Console(io.StringIO("\n".join(lines) + "\n"), out, interactive=False))
    try:
        result = game.run()
    except EndOfInput:
        result = "input ended"
    assert result in ("over", "quit", "input ended")
    event(f"result: {result}, round {session.state.round}")
    valid(session)


@settings(max_examples=50, deadline=None)
@given(data=st.binary(max_size=60))
def test_undecodable_bytes_on_input_end_or_prompt_again(data):
    """Raw bytes that are not UTF-8 give a new prompt or the end of input, never an error."""
    con = Console(io.TextIOWrapper(io.BytesIO(data + b"\n"), encoding="utf-8"), io.StringIO(),
                  interactive=False)
    session = Session(SC, 3, {r: Seat(True) for r in SC.role_ids}, 1)
    try:
        TextGame(session, con).run()
    except EndOfInput:
        pass
    valid(session)
