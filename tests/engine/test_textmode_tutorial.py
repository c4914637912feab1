"""The guided first game and the what-if end in the text mode, played through piped input."""

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.scenarios import DEFAULT_SCENARIO, load_for_play
from game.cli.main import build_parser
from game.guide.tutorial import load_tutorial, tutorial_path
from game.textui.console import Console
from game.textui.main import run_text

ROOT = Path(__file__).resolve().parents[2]


class Student(io.StringIO):
    """Answers each prompt as a new student would: follows the coach, accepts offers, and
    at the end asks one "what if…?" about round 2 (or leaves the coach at pause `leave_at`)."""

    def __init__(self, out: io.StringIO, leave_at: int | None = None) -> None:
        super().__init__()
        self.out, self.read_from, self.queue = out, 0, []
        self.pauses, self.leave_at, self.asked = 0, leave_at, False

    def isatty(self) -> bool:
        return False

    def readline(self, *_):
        text = self.out.getvalue()
        new, self.read_from = text[self.read_from:], len(text)
        self.queue = re.findall(r"  type (\d+) for", new) or self.queue
        prompt = new.rsplit("\n", 1)[-1]
        if prompt.startswith("Pick a number"):
            return (self.queue.pop(0) if self.queue else "done") + "\n"
        if prompt.endswith("[y/n] "):
            return "y\n"
        if prompt.startswith("Press Enter to go on"):  # the coach's pause after each step
            self.pauses += 1
            return "leave\n" if self.pauses == self.leave_at else "\n"
        if prompt.startswith("What if"):
            answer, self.asked = ("\n" if self.asked else "2\n"), True
            return answer
        if prompt.startswith("Change the orders"):
            return "o\n"
        if prompt.startswith("New orders"):
            return "1\n"
        return "\n"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def play(leave_at=None) -> str:
    out = io.StringIO()
    args = build_parser().parse_args(["text", "--tutorial"])
    status = run_text(args, Console(Student(out, leave_at), out, interactive=False))
    assert status == 0, out.getvalue()[-2000:]
    return out.getvalue()


def test_a_new_student_is_guided_then_plays_on_to_a_debrief_with_coaching(data_dir):
    """The coach brings in each idea in order, steps back after round 4, and the game goes on
    to round 10; the end prints the coaching and plays one what-if branch."""
    text = play()
    titles = re.findall(r"--- Coach: (.+) ---", text)
    steps = load_tutorial(tutorial_path(DEFAULT_SCENARIO), load_for_play(DEFAULT_SCENARIO)).steps
    # every step once, in the file's order (a step for answering waits for the first offer)
    fixed = [s.title for s in steps if s.moment != "answers"]
    assert [t for t in titles if t in fixed] == fixed and len(set(titles)) == len(titles)
    assert text.index("--- The coach steps back ---") < text.index("===== Round 5 of 10 =====")
    assert "===== Round 10 of 10 =====" in text and "=== Coaching ===" in text
    assert re.search(r"What if Washington had ordered .+ in round 2\?", text)
    assert list(data_dir.rglob("*-whatif1.html"))
    assert json.loads((data_dir / "tutorial.json").read_text())["last"] == "finished"


def test_leaving_the_coach_is_for_good(data_dir):
    """Typing leave at the first pause silences the coach for the rest of the game."""
    text = play(leave_at=1)
    assert re.findall(r"--- Coach: (.+) ---", text) == ["The meters"]
    assert "The coach has left; you play on alone." in text
    assert "--- The coach steps back ---" not in text
    assert json.loads((data_dir / "tutorial.json").read_text())["last"] == "left"


def test_the_student_can_leave_before_the_coach_speaks(data_dir):
    """The round's opening prompt offers 'leave' too; then the coach never speaks."""
    out = io.StringIO()
    room = Student(out)
    room.readline = lambda *_, r=room, f=Student.readline: (
        "leave\n" if out.getvalue().rstrip("\n").endswith("leave the guided game): ") else f(r))
    args = build_parser().parse_args(["text", "--tutorial"])
    assert run_text(args, Console(room, out, interactive=False)) == 0
    assert "--- Coach:" not in out.getvalue() and "The coach has left" in out.getvalue()


def test_piped_stdin_can_leave_and_stop(data_dir):
    """Through a real pipe: leave at once, order nothing, and the end of input keeps the save."""
    env = {**os.environ, "DETENTE_DATA_DIR": str(data_dir)}
    done = subprocess.run([sys.executable, "main.py", "text", "--tutorial"], cwd=ROOT,
                          input="\nleave\ndone\ny\n", capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 2 and "The coach has left" in done.stdout
    assert "--resume" in done.stdout and list((data_dir / "games").glob("*.json"))


def test_a_scenario_without_a_tutorial_is_one_line_exit_2(tmp_path):
    """Asking for the guided game on a scenario that has none says so in one line."""
    scenario = tmp_path / "case.yaml"
    scenario.write_text((ROOT / "tests" / "golden" / "two-roles.yaml").read_text())
    out = io.StringIO()
    args = build_parser().parse_args(["text", "--tutorial", "--scenario", str(scenario)])
    assert run_text(args, Console(io.StringIO(), out, interactive=False)) == 2
    assert out.getvalue().count("\n") == 1 and "tutorials/case.yaml" in out.getvalue()


def test_options_that_do_not_fit_the_guided_game_are_one_line_exit_2():
    """The guided game sets its own role, personas and seed; --human and --seed are refused."""
    out = io.StringIO()
    args = build_parser().parse_args(["text", "--tutorial", "--human", "moscow", "--seed", "3"])
    assert run_text(args, Console(io.StringIO(), out, interactive=False)) == 2
    assert out.getvalue().count("\n") == 1 and "leave out --human, --seed" in out.getvalue()
