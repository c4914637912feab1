"""Closed orders say why in plain words: every refusal the rules give is a sentence."""

from __future__ import annotations

import pytest

from game.ai import PERSONAS
from game.authoring.scenarios import list_scenarios, load_for_play
from game.model.actions import Action
from game.model.results import Refusal, RefusalKind
from game.rules.legal import why_illegal
from game.session.session import Seat, Session
from game.words import refusal_line, why_not


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
def test_every_closed_reason_is_a_plain_sentence_without_ids(path):
    met = reasons_met(path, 3) + reasons_met(path, 8)
    assert met
    for sc, action, why in met:
        said = why_not(sc, action, why)
        assert said and "(s)" not in said and ", has " not in said and "{" not in said, said
        for ident in [m.id for m in sc.milestones] + [d.id for d in sc.demands] + list(sc.role_ids):
            assert f" {ident}" not in said or ident in [r.name for r in sc.roles], (ident, said)


def test_progress_and_a_target_not_operating_read_as_sentences():
    sc = load_for_play(list_scenarios()[0])
    milestone = sc.milestones[0]
    move = Action(sc.role_ids[0], sc.actions[0].id)
    said = why_not(sc, move, Refusal(RefusalKind.PROGRESS, (milestone.id, 2, 0)))
    assert said == f"{milestone.name} needs 2 steps of progress before it can be proposed; it has 0 so far"
    assert why_not(sc, move, Refusal(RefusalKind.TARGET_NOT_OPERATING, (milestone.id,))) == \
        f"{milestone.name} is not operating yet"
    assert why_not(sc, move, Refusal(RefusalKind.USES, (1,))) == \
        "it may be taken only once a game, and it has been"


#: Args for every kind of refusal, ids of the default scenario.
SAMPLE = {
    "support": (40, 35), "needs_operating": ("transparency_regime",),
    "while_operating": ("transparency_regime",), "own_demand": ("legal_guarantee",),
    "demand_standing": ("legal_guarantee",), "uses": (2,), "not_a_party": ("nato", "joint_exercises"),
    "already_operating": ("joint_exercises",), "needs_first": ("joint_exercises", "transparency_regime"),
    "progress": ("joint_exercises", 1, 0), "bad_target": ("washington:political_assurance@nato",),
    "target_not_operating": ("joint_exercises",), "in_force": ("political_assurance", "moscow"),
    "before_round": (3,), "target_demand": ("legal_guarantee",),
    "needs_commitment": ("moscow", "political_assurance"), "cost": (2, 1),
    "drafted": ("nato:brief_plans@moscow",), "unknown_role": ("atlantis",),
    "unknown_action": ("launch",), "unknown_event": ("storm",), "cannot_take": ("nato", "launch"),
    "not_giving_orders": ("nato",), "wrong_phase": ("answers", "orders"), "game_over": (),
    "already_ordered": ("nato",), "already_answered": ("nato",),
    "orders_for_other": ("nato", "moscow"), "no_offers": ("nato",),
    "must_answer": ("moscow", "nato:propose_exercises"), "event_after_orders": (),
    "event_this_round": ("summit_no_headway",), "event_once": ("summit_no_headway",),
    "not_a_move": (), "no_talks": (), "talks_closed": (2,), "talks_settled": (),
    "not_in_talks": ("nato",), "talk_limit": (6,), "bad_package": ("assurance", "gold"),
    "no_addressee": (), "term_outside": ("nato",), "no_proposal": (4,),
    "proposal_closed": (4, "countered", "moscow"), "duplicate": (4,),
    "accept_support": ("assurance", "legal", 40, 35), "rejected": ("assurance", "legal"),
}


@pytest.mark.parametrize("kind", list(RefusalKind))
def test_every_kind_of_refusal_is_worded(kind):
    """Every kind of refusal reads as a sentence, with the order it concerns named in front."""
    sc = load_for_play(next(p for p in list_scenarios() if p.stem == "missile-defence-2011"))
    move = Action("nato", "brief_plans", "moscow")
    line = refusal_line(sc, Refusal(kind, SAMPLE[kind.value]), move)
    assert line.startswith("NATO: Brief on programme plans → Moscow: ") and "{" not in line, line
