"""The guided first game: the coach's data file, which step applies when, and the memory."""

import pytest

from game.authoring.scenarios import DEFAULT_SCENARIO
from game.guide.tutorial import (
    IDEAS,
    CoachState,
    TutorialError,
    farewell_due,
    load_tutorial,
    offer_first,
    remember,
    step_facts,
    steps_at,
    suggested,
    tutorial_path,
    tutorial_session,
)
from game.model.actions import Action, Orders
from game.rules import ratification_odds
from tests.helpers import default_scenario, two_roles

SC = default_scenario()
PATH = tutorial_path(DEFAULT_SCENARIO)


@pytest.fixture
def tutorial():
    return load_tutorial(PATH, SC)


def test_the_file_sits_next_to_the_scenario_and_loads(tutorial):
    """The default scenario's guided game is a data file beside it, for 3-4 rounds."""
    assert PATH == DEFAULT_SCENARIO.parent / "tutorials" / "missile-defence-2011.yaml"
    assert 3 <= tutorial.guided_rounds <= 4 and tutorial.role in SC.role_ids


def test_every_idea_is_brought_in_and_each_step_has_one(tutorial):
    """Meters and ledger, offer and answer, commitment, the guarantee and its odds, fog, the
    talks and their conditions."""
    assert {s.idea for s in tutorial.steps} == set(IDEAS)
    orders_steps = [s for s in tutorial.steps if s.moment == "orders"]
    assert len({s.round for s in orders_steps}) == len(orders_steps)


def test_unknown_keys_are_errors_with_a_location(tmp_path):
    """extra=forbid: a misspelt key is named with its line and the keys allowed."""
    bad = tmp_path / "x.yaml"
    bad.write_text(PATH.read_text().replace("    moment: resolved\n", "    momnet: resolved\n", 1))
    with pytest.raises(TutorialError, match=r"x.yaml:\d+:\d+: steps\[2\]\.momnet: "
                                            r"unknown key 'momnet'; did you mean 'moment'\?"):
        load_tutorial(bad, SC)


def test_cross_checks_name_what_does_not_fit(tmp_path):
    """A suggestion the role cannot take, or an idea left out, is reported."""
    bad = tmp_path / "x.yaml"
    text = PATH.read_text().replace("    suggest: [", "    suggest: [no_such_action@moscow, ", 1)
    bad.write_text(text.replace("idea: fog_and_transparency", "idea: commitment"))
    with pytest.raises(TutorialError) as err:
        load_tutorial(bad, SC)
    assert "'no_such_action@moscow' is not an action washington can take" in str(err.value)
    assert "no step brings in fog_and_transparency" in str(err.value)


def test_a_tutorial_for_another_scenario_is_refused():
    """The tutorial names its scenario, and another scenario is refused."""
    with pytest.raises(TutorialError, match="is not this scenario"):
        load_tutorial(PATH, two_roles())


def test_steps_come_at_their_moment_and_only_once(tutorial):
    """Round 1's orders step shows once; asking again at the same moment shows nothing."""
    steps, state = steps_at(tutorial, CoachState(), 1, "orders")
    assert [s.idea for s in steps] == ["meters_and_ledger"]
    again, _ = steps_at(tutorial, state, 1, "orders")
    assert again == []


def test_an_answers_step_needs_offers(tutorial):
    """The coach explains answering only when an offer actually came in."""
    step = next(s for s in tutorial.steps if s.moment == "answers")
    assert steps_at(tutorial, CoachState(), step.round, "answers", offers=False)[0] == []
    assert steps_at(tutorial, CoachState(), step.round, "answers", offers=True)[0] == [step]


def test_nothing_after_leaving_or_after_the_farewell(tutorial):
    """A student who left never hears the coach again; nor after the farewell."""
    assert steps_at(tutorial, CoachState(left=True), 1, "orders")[0] == []
    assert steps_at(tutorial, CoachState(done=True), 1, "orders")[0] == []
    assert farewell_due(tutorial, CoachState(), tutorial.guided_rounds)
    assert not farewell_due(tutorial, CoachState(), tutorial.guided_rounds - 1)
    assert not farewell_due(tutorial, CoachState(left=True), tutorial.guided_rounds)


def test_following_the_coach_is_always_legal(tutorial):
    """Each suggestion is open when it is made, in the tutorial's own game (same seed)."""
    session = tutorial_session(tutorial, SC)
    state = CoachState()
    while session.state.round <= tutorial.guided_rounds and not session.state.over:
        role = session.next_human()
        if role is None:
            session.play_ai(one_round=True)
            continue
        moment = "orders" if session.state.phase == "orders" else "answers"
        steps, state = steps_at(tutorial, state, session.state.round, moment,
                                bool(session.view(role).offers))
        if moment == "answers":
            session.submit(session_answers(session, role))
            continue
        picks = [a for s in steps for a in suggested(s, role)]
        for i, action in enumerate(picks):
            assert action in session.legal(role, tuple(picks[:i])), action
        session.submit(Orders(role, tuple(picks)))
    assert session.state.round == tutorial.guided_rounds + 1


def session_answers(session, role):
    from game.model.actions import Responses

    return Responses(role, tuple((o.key, True) for o in session.view(role).offers))


def test_the_offer_is_remembered_in_the_data_dir(tmp_path, monkeypatch):
    """First run: offered first. Once started or turned down, it never comes back unasked."""
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path))
    assert offer_first()
    remember("declined")
    assert not offer_first()
    assert (tmp_path / "tutorial.json").exists()


def test_a_damaged_memory_file_just_offers_again(tmp_path, monkeypatch):
    """A memory file that is not JSON is treated as a first run, never a crash."""
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path))
    (tmp_path / "tutorial.json").write_text("{not json")
    assert offer_first()


def test_an_unusable_data_dir_neither_pushes_the_guide_nor_crashes(tmp_path, monkeypatch):
    """A data "directory" that is a file: not offered first, and remembering fails quietly."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("DETENTE_DATA_DIR", str(blocker))
    assert not offer_first()
    assert remember("started") is False


def test_an_answers_step_waits_for_the_first_round_with_offers(tutorial):
    """No offer in its round: the answers step comes in a later guided round that has one."""
    step = next(s for s in tutorial.steps if s.moment == "answers")
    later = step.round + 1
    assert steps_at(tutorial, CoachState(), later, "answers", offers=True)[0] == [step]
    assert steps_at(tutorial, CoachState(), tutorial.guided_rounds + 1, "answers", True)[0] == []


def play_to(tutorial, round_no):
    """The tutorial's game, the coach followed, up to the orders of `round_no`."""
    session = tutorial_session(tutorial, SC)
    state = CoachState()
    while session.state.round < round_no or session.state.phase != "orders" or \
            session.next_human() is None:
        role = session.next_human()
        if role is None:
            session.play_ai(one_round=True)
        elif session.state.phase == "orders":
            steps, state = steps_at(tutorial, state, session.state.round, "orders")
            session.submit(Orders(role, tuple(a for s in steps for a in suggested(s, role))))
        else:
            session.submit(session_answers(session, role))
    return session


def test_the_guarantee_step_shows_the_odds_and_why_washington_offers_an_assurance(tutorial):
    """Before the guarantee is weighed the coach shows its ratification odds from the menu's
    stakes, explains why Washington offers a political assurance, and suggests that
    instead: no step suggests the guarantee, whose vote the Senate almost never passes."""
    step = next(s for s in tutorial.steps if s.idea == "guarantee_and_ratification")
    assert step.odds and step.moment == "orders"
    assert "political assurance" in step.text and "odds" in step.text
    assert not any(a.startswith("legal_guarantee") for s in tutorial.steps for a in s.suggest)
    assert "political_assurance@moscow" in step.suggest
    session = play_to(tutorial, step.round)
    facts = step_facts(step, session, tutorial.role)
    odds = ratification_odds(session.state, session.game,
                             Action.from_text(f"{tutorial.role}:{step.odds[0]}"))
    assert len(facts) == 1 and f"Ratification odds now {odds}%" in facts[0]
    assert "Offer a legal guarantee" in facts[0]


def test_the_talks_step_reads_moscows_stated_conditions(tutorial):
    """The talks step walks through proposing a package and shows what each other
    delegation last said in the talks, Moscow's conditions for setting its demand aside
    among them."""
    step = next(s for s in tutorial.steps if s.idea == "talks_and_conditions")
    assert step.conditions and "propose a package" in step.text
    session = play_to(tutorial, step.round)
    facts = step_facts(step, session, tutorial.role)
    assert len(facts) == 1
    moscow = [f for f in facts if f.startswith("Moscow:")]
    assert moscow and "set the demand aside" in moscow[0] and "trust" in moscow[0]
