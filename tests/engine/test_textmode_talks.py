"""The talks in the text mode, and how much a solo round prints.

A solo team enters the talks from its orders prompt ('t'), proposes a package issue by
issue, answers an AI delegation's proposal, and gets one line for a bad choice. After the
first round, a solo round prints about 400 words at most (issue 16, deliverable 9).
"""

from __future__ import annotations

import io

import pytest

from game.model.state import TalkMessage
from game.session.session import Seat, Session
from game.session.talk_turn import send, talk_turn
from game.textui.console import Console
from game.textui.play import TextGame
from game.textui.talks import TalksScreen
from tests.helpers import default_scenario

SC = default_scenario()


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path / "data"))


def solo(role: str = "washington", seed: int = 5, persona: str = "reciprocator") -> Session:
    return Session(SC, seed, {r: Seat(r == role, persona) for r in SC.role_ids}, rounds=6)


def screen(session: Session, role: str, keys: str) -> tuple[TalksScreen, io.StringIO]:
    out = io.StringIO()
    return TalksScreen(session, Console(io.StringIO(keys), out, interactive=False), role), out


def test_a_package_proposed_in_the_text_mode_reaches_the_talks():
    """p, then an option per issue (Enter keeps the first), the addressees and yes: the
    session's talks hold Washington's proposal with exactly those terms."""
    session = solo()
    # assurance 2 (written), transparency 2, centres 3 (coordinated), review Enter (none); all
    talks, out = screen(session, "washington", "p\n2\n2\n3\n\n\ny\nb\n")
    talks.run()
    mine = [m for m in session.state.talks if m.sender == "washington"]
    assert mine and isinstance(mine[0], TalkMessage)
    assert mine[0].kind == "propose" and set(mine[0].to) == {"moscow", "nato"}
    assert dict(mine[0].terms) == {"assurance": "written", "transparency": "data_and_observers",
                                   "centres": "coordinated", "review": "none"}
    assert "As a trade: We would do this:" in out.getvalue() and "Sent proposal " in out.getvalue()


def test_accepting_an_ai_proposal_concludes_an_agreement():
    """NATO's AI delegation proposes a package to Washington and Moscow (two human teams);
    Moscow accepts, then Washington types a N and yes in the talks screen: agreed."""
    session = Session(SC, 5, {"washington": Seat(True), "moscow": Seat(True),
                              "nato": Seat(False, "reciprocator")}, rounds=6)
    session.play_talks()
    waiting = talk_turn(session, "washington").waiting
    assert waiting and waiting[0].sender == "nato", "NATO proposes in round 1"
    proposal = waiting[0]
    assert send(session, "moscow", "accept", proposal.id) is None
    talks, out = screen(session, "washington", f"a {proposal.id}\ny\nb\n")
    talks.run()
    agreement = session.state.agreement
    assert agreement is not None and agreement.terms == proposal.terms
    assert "Agreement!" in out.getvalue()
    assert "As a trade:" in out.getvalue()


@pytest.mark.parametrize("keys,said", [
    ("a 99\nb\n", "No proposal is waiting for your answer."),
    ("p\n9\nb\nb\n", "Type a number from 1 to 3, Enter to keep 1, or b to go back."),
    ("p\n\n\n\n\n7\nb\nb\n", "Type numbers from 1 to 2 separated by commas"),
    ("zz\nb\n", "'zz' is not a talks command."),
])
def test_a_bad_choice_gets_one_line_saying_what_to_type(keys, said):
    session = solo()
    talks, out = screen(session, "washington", keys)
    talks.run()
    text = out.getvalue()
    lines = [ln for ln in text.splitlines() if said in ln]
    assert len(lines) == 1 and "Traceback" not in text
    assert not [m for m in session.state.talks if m.sender == "washington"]


def test_the_orders_prompt_leads_into_the_talks_and_back():
    """'t' at the orders prompt opens the talks; 'b' goes back to the same menu."""
    session = solo()
    out = io.StringIO()
    game = TextGame(session, Console(io.StringIO("t\nb\ndone\ny\n"), out, interactive=False))
    game._ask_orders("washington")
    text = out.getvalue()
    assert "=== The talks: Washington ===" in text and "No package has been agreed." in text
    assert text.count("Pick a number") >= 2


class Student(io.StringIO):
    """Plays a solo game with simple orders, and counts the words printed per round."""

    def __init__(self, out: io.StringIO) -> None:
        super().__init__()
        self.out = out

    def isatty(self) -> bool:
        return False

    def readline(self, *_):
        prompt = self.out.getvalue().rsplit("\n", 1)[-1]
        if prompt.startswith("Pick a number"):
            self.picks = getattr(self, "picks", 0) + 1
            return "1\n" if self.picks % 2 else "done\n"
        if prompt.rstrip().endswith("[y/n]"):
            return "y\n"
        return "\n"


def test_a_solo_round_prints_about_400_words_after_the_first():
    out = io.StringIO()
    session = solo("washington", seed=3)
    game = TextGame(session, Console(Student(out), out, interactive=False))
    assert game.run() == "over"
    rounds = out.getvalue().split("===== Round ")[1:]
    words = [len(r.split()) for r in rounds]
    # every round but the first, and the last (which the game's end follows)
    later = words[1:-1]
    assert later and max(later) <= 450, words
