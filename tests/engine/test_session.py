"""Sessions: AI seats, undo, facilitator moves, autosave, saves and replay verification."""

import json

import pytest

from game.model.actions import Action, IllegalAction, Orders
from game.session.replay import session_from_save, verify
from game.session.saves import SaveError, read_save, save_session
from game.session.session import Seat, Session
from tests.helpers import default_scenario, two_roles

SC = default_scenario()


def ai_session(seed=7, sc=SC, **kw) -> Session:
    return Session(sc, seed, {r: Seat(False) for r in sc.role_ids}, **kw)


def test_ai_plays_a_whole_game():
    """With every seat AI, play_ai runs the game to its end and every round has reasoning."""
    s = ai_session()
    s.play_ai()
    assert s.state.over and s.outcome() is not None
    assert {n.round for n in s.notes} == {r.round for r in s.state.records}


def test_two_role_scenario_plays_to_the_end():
    """A scenario with two roles under other names loads and plays to the end."""
    sc = two_roles()
    s = ai_session(sc=sc)
    s.play_ai()
    assert s.state.over and set(s.outcome().scores) == {"north", "south"}


def test_reasoning_is_hidden_until_the_round_is_revealed():
    """AI reasoning for the current round is not shown before the round resolves."""
    sc = SC
    seats = {r: Seat(i != 0) for i, r in enumerate(sc.role_ids)}
    s = Session(sc, 1, seats)
    s.play_ai()  # the AI seats give orders; the human seat has not
    assert s.notes and s.notes_for(s.state.round) == []


def test_undo_goes_back_to_the_start_of_the_last_round():
    """Undo restores the state at the start of the last resolved round, as a replay would."""
    s = ai_session(rounds=3)
    s.play_ai()
    assert s.undo_round()
    assert s.state.round == 3 and s.state.phase == "orders" and not s.state.orders
    assert len(s.state.records) == 2
    assert s.state == Session.from_log(SC, 7, s.seats, s.log, rounds=3).state


def test_illegal_move_leaves_the_session_unchanged():
    """A refused move is not logged and does not change the state."""
    s = Session(SC, 1, {r: Seat(True) for r in SC.role_ids})
    before = (s.state, list(s.log))
    with pytest.raises(IllegalAction):
        s.submit(Orders(SC.role_ids[0], (Action(SC.role_ids[0], "no_such_action"),)))
    assert (s.state, s.log) == before


def test_end_now_is_replayable(tmp_path):
    """Ending the game early is a move in the log, so the replay ends the same way."""
    s = ai_session(rounds=4)
    s.end_now()
    path = save_session(s, tmp_path / "r.json")
    assert verify(path, SC).ok


def test_autosave_after_every_move(tmp_path):
    """The autosave hook runs after every move, so a crash loses at most the move in progress."""
    saved = []
    s = ai_session(on_save=lambda sess: saved.append(len(sess.log)))
    s.play_ai()
    assert saved == list(range(1, len(s.log) + 1))


def test_save_and_resume_reproduce_the_game(tmp_path):
    """A saved game rebuilt from its file has the same state, ledger and notes."""
    s = ai_session(rounds=3)
    s.play_ai()
    path = save_session(s, tmp_path / "g.json")
    again = session_from_save(read_save(path), SC, path)
    assert again.state == s.state and again.notes == s.notes


def test_replay_verifies(tmp_path):
    """Re-running a replay reproduces every ledger entry exactly."""
    s = ai_session()
    s.play_ai()
    assert verify(save_session(s, tmp_path / "r.json"), SC).ok


def test_tampered_replay_reports_where_it_diverges(tmp_path):
    """A replay whose recorded ledger differs says which entry and round diverge."""
    s = ai_session(rounds=3)
    s.play_ai()
    path = save_session(s, tmp_path / "r.json")
    data = json.loads(path.read_text())
    data["ledger"][5][3] += 1  # the value after the change
    path.write_text(json.dumps(data))
    verdict = verify(path, SC)
    assert not verdict.ok and "entry 6" in verdict.message


@pytest.mark.parametrize("content,expected", [
    (b"", "not valid JSON"), (b"\x00\xff\xfe", "not valid JSON"), (b"[1, 2]", "not a valid"),
    (b'{"format": "detente-save", "version": 9}', "version 9"),
    (b'{"format": "detente-save", "version": 1}', "not a valid"),
])
def test_corrupt_save_is_reported_and_kept(tmp_path, content, expected):
    """A corrupt save gives a one-line error naming the file, and the file is left untouched."""
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(SaveError, match=expected) as info:
        read_save(path)
    assert str(path) in str(info.value) and path.read_bytes() == content


def test_damaged_move_is_reported(tmp_path):
    """A save whose move log is damaged names the move."""
    s = ai_session(rounds=2)
    s.play_ai()
    path = save_session(s, tmp_path / "g.json")
    data = json.loads(path.read_text())
    data["moves"][1] = "Q nonsense"
    path.write_text(json.dumps(data))
    with pytest.raises(SaveError, match="move 2"):
        read_save(path)
