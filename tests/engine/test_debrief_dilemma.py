"""The central choice in the debrief and the coaching, from a student's game: Moscow (seed 5)
sets its demand aside in round 2, then joins exercises and both centres."""

from game.ai import seat_persona
from game.authoring.scenarios import DEFAULT_SCENARIO, load_for_play
from game.debrief.branch import coaching_lines
from game.debrief.coach import TOP, coach
from game.debrief.debrief import debrief_html
from game.debrief.dilemma import dilemma_lines
from game.model.actions import Orders, Responses
from game.model.results import Cause, Detail, DetailKind
from game.model.state import LedgerEntry
from game.session.session import Seat, Session
from game.words import cause_title
from game.words.coaching import moves_summary
from game.words.report import seats_line

#: What the student tries each round, first available first.
PREFERRED = ("set_aside_demand", "propose_planning_centre", "propose_fusion_centre",
             "propose_exercises", "propose_data_exchange", "brief_plans", "expert_talks")


def student_game() -> Session:
    sc = load_for_play(DEFAULT_SCENARIO)
    s = Session(sc, 5, {r: Seat(r == "moscow", "" if r == "moscow" else seat_persona(sc, r))
                        for r in sc.role_ids}, None, str(DEFAULT_SCENARIO))
    while not s.state.over:
        role = s.next_human()
        if role is None:
            s.play_ai(one_round=True)
        elif s.state.phase == "orders":
            chosen = ()
            for want in PREFERRED:
                pick = next((a for a in s.legal(role, chosen) if a.action_id == want), None)
                if pick is not None:
                    chosen = (*chosen, pick)
            s.submit(Orders(role, chosen))
        else:
            s.submit(Responses(role, tuple((o.key, True) for o in s.view(role).offers)))
    return s


GAME = student_game()


def test_backing_down_is_said_once_when_the_ledger_records_it():
    """Setting the demand aside is the one climb-down; joining cooperation after it is not."""
    backed = [e for e in GAME.state.ledger if e.detail.kind == DetailKind.BACKED_DOWN]
    assert [(e.round, e.source) for e in backed] == [(2, "moscow:set_aside_demand")]
    joined = {a.action_id for r in GAME.state.records for a in r.orders if a.role == "moscow"}
    assert {"propose_exercises", "propose_fusion_centre"} <= joined
    text = coach(GAME).dilemmas["moscow"]
    assert text.count("backed down") == 1 and "joined cooperation" not in text
    assert (f"In round 2 you backed down: you set the demand aside, at a cost of "
            f"{-backed[0].amount} points of support at home.") in text


def test_fewer_coached_decisions_than_three_are_explained():
    """Only decisions whose alternatives moved the score or ending are listed; a shorter list
    says why."""
    c = coach(GAME)
    assert 0 < len(c.decisions["moscow"]) < TOP
    lines = coaching_lines(GAME, c)
    assert any("moved your score or the ending" in line for line in lines)


def test_ai_seats_moves_are_counted_in_whole_phrases():
    assert moves_summary([("cooperation", 8), ("home_front", 5), ("assurance", 1)], 3, 4) == (
        "In the game its orders were 8 cooperation steps, 5 steps on the home front and "
        "1 assurance step. It accepted 3 of the 4 offers it received.")
    assert all("steps" in line and "8 cooperation," not in line for line in coach(GAME).personas)


def test_the_debrief_names_the_dilemma_near_the_top():
    page = debrief_html(GAME)
    assert page.index("The dilemma in this game") < page.index("The meters over the game")
    assert page.index("The deal") < page.index("The dilemma in this game")
    lines = dilemma_lines(GAME, reveal=True)
    assert lines[0].startswith("Moscow stood by a public demand from the start: a legal guarantee")
    assert any(line.startswith("No one ordered “Offer a legal guarantee”") for line in lines)
    assert any("Washington gave the political assurance" in line for line in lines)
    assert "In round 2 Moscow set its demand aside. The audience cost was 4 points" in " ".join(lines)
    assert all("audience cost" not in line for line in dilemma_lines(GAME, reveal=False))


def test_the_aftermath_is_introduced_as_history():
    page = debrief_html(GAME)
    assert "What really happened next, 2012-2014" in page
    after = page[page.index("What really happened next"):]
    assert "what happened in reality" in after
    assert "In the real talks no agreement was reached." in after


def test_the_timeline_gives_a_reasoning_line_once():
    page = debrief_html(GAME)
    assert "word for word" in page


def test_the_seed_reads_as_a_sentence():
    sc = GAME.scenario
    assert seats_line(sc, 5, GAME.seats).startswith("Game seed: 5. Seats: ")


def test_the_agreement_as_a_cause_is_named_in_words():
    sc = GAME.scenario
    def entry(source, detail):
        return LedgerEntry(1, "tension", 50, 40, -10, Cause.AGREEMENT, source, None, detail)
    assert cause_title(sc, entry("agreement", Detail(DetailKind.IN_FORCE))) == (
        "The agreement entered into force")
    key = next(iter(GAME.game.talks.terms))
    kept = cause_title(sc, entry(key, Detail(DetailKind.TERM_KEPT, (key,))))
    assert kept.startswith("A term of the agreement was kept: ") and key not in kept
    assert not kept.endswith(".")
