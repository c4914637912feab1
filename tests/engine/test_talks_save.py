"""A saved game keeps its talks: the `talks` list of the save's contract, a replay that
verifies, and AI reasons for private talks that only their parties read."""

from __future__ import annotations

import json

from game.ai import seat_persona
from game.session.replay import verify
from game.session.saves import read_save, save_session
from game.session.session import Seat, Session
from tests.helpers import default_scenario


def played(seed=3) -> Session:
    sc = default_scenario()
    session = Session(sc, seed, {r: Seat(False, seat_persona(sc, r)) for r in sc.role_ids})
    session.play_ai()
    return session


def test_a_save_lists_every_talk_message(tmp_path):
    session = played()
    assert session.state.talks
    path = save_session(session, tmp_path / "game.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(data["talks"]) == len(session.state.talks)
    for entry, message in zip(data["talks"], session.state.talks, strict=True):
        assert {"round", "from", "to", "kind", "terms"} <= set(entry)
        assert entry["kind"] in ("propose", "counter", "accept", "decline", "withdraw")
        assert entry["from"] == message.sender and entry["to"] == list(message.to)
        assert entry["terms"] == dict(message.terms)
    assert verify(path).ok
    again = read_save(path)
    assert [t.kind for t in again.talks] == [m.kind for m in session.state.talks]


def test_reasons_for_private_talks_are_read_only_by_their_parties():
    sc = default_scenario()
    seats = {r: Seat(False, seat_persona(sc, r)) for r in sc.role_ids}
    session = Session(sc, 5, seats)
    session.play_talks()
    private = [n for n in session.notes if n.audience is not None]
    assert private, "the AI delegations said something in the talks"
    session.play_ai(one_round=True)
    room = session.notes_for(1)
    assert all(n.audience is None for n in room)
    for note in private:
        for role in sc.role_ids:
            assert (note in session.notes_for(1, role)) == (role in note.audience)
