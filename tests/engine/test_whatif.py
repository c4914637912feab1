"""What-if branches: same seed, same draws, one changed decision, and exact reproduction."""

import pytest

from game.debrief.whatif import Change, WhatIfError, branch, choices, script_of
from game.model.actions import Action, InjectEvent
from game.session.saves import state_digest
from game.session.session import Seat, Session
from tests.helpers import default_scenario, two_roles

SC = default_scenario()
PERSONAS = ("reciprocator", "hardliner", "legalist")


def played(seed=7, human=("washington",), sc=SC, personas=PERSONAS, stop=None) -> Session:
    """A game played by AI seats, then seated as a class would have it (some seats human)."""
    ai = Session(sc, seed, {r: Seat(False, p) for r, p in zip(sc.role_ids, personas, strict=False)})
    while not ai.state.over and (stop is None or ai.state.round < stop):
        ai.play_ai(one_round=True)
    seats = {r: Seat(r in human, p) for r, p in zip(sc.role_ids, personas, strict=False)}
    return Session.from_log(sc, seed, seats, ai.log, notes=ai.notes)


def menu(session, rnd, role):
    """The orders `role` could have given in round `rnd` (read from the game, not assumed)."""
    return choices(session, rnd, role).menu


def answered(role=None):
    """(game, round, role, answers) for the first seed whose game has answers to change."""
    for seed in range(1, 40):
        s = played(seed=seed, personas=("cooperative", "reciprocator", "cooperative"))
        for r in s.state.records:
            got = [(who, k, ok) for who, k, ok in r.responses if role in (None, who)]
            if got:
                who = got[0][0]
                return s, r.round, who, tuple((k, ok) for w, k, ok in r.responses if w == who)
    raise AssertionError("no game with answers")


def orders_of(session, rnd, role):
    return tuple(a for r in session.state.records if r.round == rnd for a in r.orders if a.role == role)


def test_unchanged_branch_reproduces_the_game_exactly():
    """Replaying a team's own orders from any round gives back the same game, entry for entry."""
    s = played()
    script = script_of(s)
    for rnd in script.played:
        for role in SC.role_ids:
            b = branch(s, Change(rnd, role, orders=orders_of(s, rnd, role)), script)
            assert b.branched.state.ledger == s.state.ledger, (rnd, role)
            assert state_digest(b.branched) == state_digest(s)
            assert b.adapted == ()


def test_unchanged_answers_reproduce_the_game():
    """Giving the same answers again also reproduces the game."""
    s, rnd, role, answers = answered()
    b = branch(s, Change(rnd, role, answers=answers))
    assert b.branched.state.ledger == s.state.ledger


def test_the_same_branch_twice_gives_identical_ledgers():
    """A branch is deterministic: the same change played twice gives the same ledger."""
    s = played()
    change = Change(2, "washington", orders=menu(s, 2, "washington")[-1:])
    first, second = branch(s, change), branch(s, change)
    assert first.branched.state.ledger == second.branched.state.ledger
    assert first.branched.log == second.branched.log


def test_a_changed_order_keeps_the_past_and_changes_the_future():
    """Everything before the branch round is kept; the branch round's ledger differs."""
    s = played()
    rnd = s.state.records[-1].round
    did = orders_of(s, rnd, "washington")
    other = next(a for a in menu(s, rnd, "washington") if (a,) != did)
    b = branch(s, Change(rnd, "washington", orders=(other,)))
    before = [e for e in s.state.ledger if e.round < rnd]
    assert b.branched.state.ledger[:len(before)] == before
    assert [e for e in b.branched.state.ledger if e.round == rnd] != \
        [e for e in s.state.ledger if e.round == rnd]
    assert b.branched.state.over


def test_a_changed_answer_is_played():
    """Declining an offer the team accepted changes that round's answer in the record."""
    s, rnd, role, answers = answered()
    key, was = answers[0]
    flipped = tuple((k, ok if k != key else not was) for k, ok in answers)
    b = branch(s, Change(rnd, role, answers=flipped))
    record = next(r for r in b.branched.state.records if r.round == rnd)
    assert (role, key, not was) in record.responses


def test_answers_that_do_not_fit_the_offers_are_refused():
    """Answers must name exactly the offers the team received."""
    s, rnd, role, _answers = answered()
    with pytest.raises(WhatIfError, match="must answer exactly"):
        branch(s, Change(rnd, role, answers=(("nobody:nothing", True),)))


def test_a_round_that_was_not_played_is_refused_with_the_range():
    """Branching at a round the game never reached names the rounds it did."""
    s = played(seed=5, stop=3)
    with pytest.raises(WhatIfError, match=r"round 9 was not played.*1-2"):
        branch(s, Change(9, "washington", orders=()))


def test_illegal_orders_are_refused():
    """An order the rules do not allow at the branch point is refused in one line."""
    s = played()
    with pytest.raises(WhatIfError, match="round 2"):
        branch(s, Change(2, "washington", orders=(Action("washington", "no_such_action"),)))


def test_an_unfinished_game_is_branched_only_as_far_as_it_was_played():
    """A game stopped in round 4 gives a branch that stops in round 4 too."""
    s = played(seed=5, stop=4)
    b = branch(s, Change(1, "washington", orders=menu(s, 1, "washington")[:1]))
    assert b.branched.state.round == s.state.round == 4
    assert not b.branched.state.over


def test_a_facilitators_event_comes_in_at_the_same_round():
    """An event the facilitator brought in is brought in again in the branch."""
    ai = Session(SC, 11, {r: Seat(False) for r in SC.role_ids})
    ai.play_ai(one_round=True)
    ai.inject_event("hotline_call")
    ai.play_ai()
    s = Session.from_log(SC, 11, {r: Seat(r == "nato") for r in SC.role_ids}, ai.log)
    b = branch(s, Change(1, "nato", orders=orders_of(s, 1, "nato")))
    assert InjectEvent("hotline_call") in b.branched.log
    assert b.branched.state.ledger == s.state.ledger


def test_choices_list_the_menu_and_what_was_done():
    """The chooser gets the team's menu at the branch point and its recorded decisions."""
    s = played(seed=3)
    ch = choices(s, 1, "moscow")
    assert set(ch.orders) <= set(ch.menu)
    assert all(a.role == "moscow" for a in ch.menu)


def test_a_two_role_scenario_branches():
    """No role id is hard-coded: a two-role scenario branches and reproduces too."""
    sc = two_roles()
    s = played(sc=sc, human=(sc.role_ids[0],), personas=("reciprocator", "hardliner"))
    role = sc.role_ids[0]
    b = branch(s, Change(1, role, orders=orders_of(s, 1, role)))
    assert b.branched.state.ledger == s.state.ledger


def test_an_event_brought_in_and_an_early_end_are_kept():
    """The facilitator brings in an event, then ends the game in the same round: an
    unchanged branch from an earlier round reproduces both."""
    ai = Session(SC, 13, {r: Seat(False) for r in SC.role_ids})
    ai.play_ai(one_round=True)
    ai.play_ai(one_round=True)
    ai.inject_event(SC.events[-1].id)
    ai.end_now()
    s = Session.from_log(SC, 13, {r: Seat(r == "moscow") for r in SC.role_ids}, ai.log)
    b = branch(s, Change(1, "moscow", orders=orders_of(s, 1, "moscow")))
    assert b.branched.state.ledger == s.state.ledger and b.branched.state.over


def test_an_unfinished_game_with_an_event_at_its_last_round_reproduces():
    """Stopped just after the facilitator brought in an event: the branch keeps the event."""
    ai = Session(SC, 17, {r: Seat(False) for r in SC.role_ids})
    ai.play_ai(one_round=True)
    ai.inject_event(SC.events[-1].id)
    s = Session.from_log(SC, 17, {r: Seat(r == "nato") for r in SC.role_ids}, ai.log)
    b = branch(s, Change(1, "nato", orders=orders_of(s, 1, "nato")))
    assert b.branched.state.ledger == s.state.ledger and not b.branched.state.over
