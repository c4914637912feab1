"""Closed orders say why in plain words: every reason the rules give has a sentence."""

from __future__ import annotations

import pytest

from game.ai import PERSONAS
from game.authoring.scenarios import list_scenarios, load_for_play
from game.model.actions import Action
from game.rules.legal import why_illegal
from game.session.session import Seat, Session
from game.words import why_not
from game.words.closed import PATTERNS


def reasons_met(path, seed):
    """Every (action, reason) the rules give for a closed order, in every round of one AI game,
    with nothing drafted and with the first open order drafted."""
    sc = load_for_play(path)
    personas = list(PERSONAS)
    seats = {r: Seat(False, personas[i % len(personas)]) for i, r in enumerate(sc.role_ids)}
    session = Session(sc, seed, seats)
    found = []
    while not session.state.over:
        if session.state.phase == "orders":
            for role in session.waiting_for():
                game = session.game
                drafted = tuple(session.legal(role)[:1])
                for cand in game.candidates[game.role_index[role]]:
                    for chosen in ((), drafted):
                        why = why_illegal(session.state, game, cand.action, chosen)
                        if why:
                            found.append((sc, cand.action, why))
        session.play_ai(one_round=True)
    return found


@pytest.mark.parametrize("path", list_scenarios(), ids=lambda p: p.stem)
def test_every_closed_reason_is_a_known_sentence_without_ids(path):
    met = reasons_met(path, 3) + reasons_met(path, 8)
    assert met
    for sc, action, why in met:
        reason = why.removeprefix(action.text()).lstrip(": ")
        assert any(p.fullmatch(reason) for p, _say in PATTERNS), reason
        said = why_not(sc, action, why)
        assert "(s)" not in said and ", has " not in said
        for ident in [m.id for m in sc.milestones] + [d.id for d in sc.demands] + list(sc.role_ids):
            assert f" {ident}" not in said or ident in [r.name for r in sc.roles], (ident, said)


def test_progress_and_a_target_not_operating_read_as_sentences():
    sc = load_for_play(list_scenarios()[0])
    milestone = sc.milestones[0]
    move = Action(sc.role_ids[0], sc.actions[0].id)
    said = why_not(sc, move, f"{milestone.id} needs progress 2, has 0")
    assert said == f"{milestone.name} needs 2 steps of progress before it can be proposed; it has 0 so far"
    assert why_not(sc, move, "not a valid target") == "what it works on is not operating yet"
    assert why_not(sc, move, "may be taken only 1 time(s)") == \
        "it may be taken only once a game, and it has been"
