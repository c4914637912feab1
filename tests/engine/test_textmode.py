"""Scripted text-mode games, played through the same prompts a class would see.

The balance promises of the default scenario are checked here: a game where everyone
waits ends in "Missed opportunity", sustained reciprocal cooperation can reach
"Game-changer", and constant pressure reaches "Breakdown".
"""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli.main import build_parser
from game.textui.console import Console
from game.textui.main import run_text

ROOT = Path(__file__).resolve().parents[2]


class ScriptedRoom(io.StringIO):
    """Answers each prompt as the team at the keyboard would, from a per-role plan."""

    def __init__(self, plan, out: io.StringIO) -> None:
        super().__init__()
        self.plan = plan  # function(role_name, round) -> list of picks
        self.out = out
        self.team = None
        self.queue: list[str] = []
        self.round = 0
        self.read_from = 0

    def isatty(self) -> bool:
        return False

    def readline(self, *_):
        text = self.out.getvalue()
        new, self.read_from = text[self.read_from:], len(text)
        for line in new.splitlines():
            if line.startswith("===== Round "):
                self.round = int(line.split()[2])
            if line.startswith("Pass to the "):
                self.team = line[len("Pass to the "):-len(" team.")]
                self.queue = list(self.plan(self.team, self.round))
        prompt = new.rsplit("\n", 1)[-1]
        if prompt.startswith("Pick a number"):
            return (self.queue.pop(0) if self.queue else "done") + "\n"
        if prompt.startswith(("Accept?", "Send these orders")):
            return "y\n"
        return "\n"


def play(plan, *flags):
    """Play a hot-seat text game with every team following `plan`; return the output."""
    out = io.StringIO()
    args = build_parser().parse_args(["text", "--seed", "5", *flags])
    status = run_text(args, Console(ScriptedRoom(plan, out), out, interactive=False))
    assert status == 0, out.getvalue()[-2000:]
    return out.getvalue()


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def test_everyone_waits_misses_the_opportunity():
    """If every delegation only waits, the game ends in "Missed opportunity"."""
    out = play(lambda team, rnd: ["wait_and_see"])
    assert "=== Missed opportunity ===" in out


PRESSURE = {"Washington": ["public_criticism@moscow", "announce_phase"],
            "Moscow": ["public_warning", "public_criticism@washington"],
            "NATO": ["suspend_talks"]}


def test_constant_pressure_breaks_down():
    """If every delegation keeps up the pressure, tension reaches 100 and the talks break down."""
    out = play(lambda team, rnd: PRESSURE[team])
    assert "=== Breakdown ===" in out


COOPERATION = {
    1: {"Washington": ["brief_plans@moscow", "political_assurance@moscow"],
        "Moscow": ["brief_plans@washington", "share_concerns@nato"],
        "NATO": ["brief_plans@moscow", "expert_talks@moscow"]},
    2: {"Washington": ["propose_data_exchange", "brief_plans@moscow"],
        "Moscow": ["expert_talks@nato", "brief_plans@washington"],
        "NATO": ["expert_talks@moscow", "consult_allies"]},
    3: {"Washington": ["expert_talks@moscow", "make_case_at_home"],
        "Moscow": ["propose_exercises", "brief_plans@nato"],
        "NATO": ["brief_plans@moscow", "restraint_pledge@moscow"]},
    4: {"Washington": ["propose_fusion_centre"], "Moscow": ["brief_plans@washington", "expert_talks@nato"],
        "NATO": ["expert_talks@moscow", "consult_allies"]},
    5: {"Washington": ["propose_planning_centre"], "Moscow": ["share_concerns@washington"],
        "NATO": ["brief_plans@moscow"]},
}


def cooperative_plan(team, rnd):
    """Matched, reciprocated steps up the cooperation track, then steady confidence-building."""
    steady = {"Washington": ["expert_talks@moscow"], "Moscow": ["expert_talks@nato"],
              "NATO": ["expert_talks@washington"]}
    return COOPERATION.get(rnd, steady)[team]


def test_sustained_reciprocal_cooperation_can_change_the_game():
    """Reciprocated steps up the track, accepted every time, reach "Game-changer"."""
    out = play(cooperative_plan)
    assert "=== Game-changer ===" in out


def test_hot_seat_hands_off_and_hides_other_teams():
    """Between teams a hand-off appears, and a team's screen shows only its own objectives."""
    out = play(lambda team, rnd: ["wait_and_see"], "--rounds", "1")
    assert out.count("Pass to the ") == 3
    moscow_screen = out.split("Pass to the Moscow team.")[1].split("Pass to the NATO team.")[0]
    assert "Security establishment" in moscow_screen and "Senate support at 50" not in moscow_screen


def run_main(*args, stdin=""):
    env = {**os.environ, "DETENTE_DATA_DIR": os.environ["DETENTE_DATA_DIR"],
           "PYTHONHASHSEED": "random"}
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, env=env, timeout=120)


def test_ai_game_is_deterministic_and_replay_verifies():
    """Two all-AI runs with one seed print the same thing, and the saved replay verifies."""
    first, second = run_main("text", "--human", "none", "--seed", "7"), run_main(
        "text", "--human", "none", "--seed", "7")
    def game(out):  # every game has its own file, named by its start time
        return [line for line in out.splitlines() if "saved to" not in line and "replay " not in line]

    assert first.returncode == 0 and game(first.stdout) == game(second.stdout)
    replay = first.stdout.strip().splitlines()[-2].split("Replay saved to ")[1]
    verified = run_main("replay", replay)
    assert verified.returncode == 0 and "verified" in verified.stdout


def test_piped_stdin_hot_seat_game():
    """A hot-seat game can be scripted through a pipe, and ending input early keeps the save."""
    one_round = "\n" + "\ndone\ny\n" * 3
    done = run_main("text", "--seed", "3", "--rounds", "2", stdin=one_round * 2)
    assert done.returncode == 0 and "=== Missed opportunity ===" in done.stdout
    cut = run_main("text", "--seed", "3", "--rounds", "3", stdin=one_round)
    assert cut.returncode == 2 and "--resume" in cut.stdout
    resumed = run_main("text", "--resume", stdin=one_round * 2)
    assert resumed.returncode == 0 and "Replay saved to" in resumed.stdout


@pytest.mark.parametrize("args,message", [
    (["text", "--human", "kremlin"], "unknown role kremlin"),
    (["text", "--rounds", "0"], "--rounds 0"),
    (["text", "--persona", "moscow=grumpy", "--human", "none"], "unknown persona"),
    (["text", "--persona", "moscow=legalist:grumpy", "--human", "none"], "unknown temperament"),
    (["text", "--scenario", "no/such/file.yaml"], "no/such/file.yaml"),
    (["replay", "no/such/replay.json"], "no such file"),
    (["text", "--bogus"], "unrecognized arguments"),
])
def test_bad_options_exit_2_with_a_message(args, message):
    """A wrong flag or value gives a one-line error naming the problem, and exit status 2."""
    result = run_main(*args)
    assert result.returncode == 2
    assert message in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_a_bad_scenario_lists_each_problem_on_its_own_line(tmp_path):
    """`text --scenario` with a broken file prints a heading, one line per problem as check
    does, and the check command to run; never one reflowed paragraph."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nrounds: [3\ntitle:Oops\n", encoding="utf-8")
    result = run_main("text", "--scenario", str(bad))
    lines = result.stdout.splitlines()
    assert result.returncode == 2
    assert lines[0] == f"error: the scenario {bad} has 2 problems:"
    assert lines[1].startswith(f"{bad}:2:9: ") and lines[1].endswith("[yaml-flow]")
    assert lines[2].startswith(f"{bad}:3:7: ") and lines[2].endswith("[yaml-space-after-colon]")
    assert lines[3] == f"Fix them and check again with: python main.py check {bad}"
    missing = run_main("text", "--scenario", str(tmp_path / "gone.yaml"))
    assert missing.returncode == 2
    assert missing.stdout == f"error: {tmp_path / 'gone.yaml'}:1:1: no such file [file]\n"


def test_no_display_falls_back_to_text_mode():
    """Without a display, `python main.py` says so in one line and starts the text mode."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                            "SDL_VIDEODRIVER")}
    result = subprocess.run([sys.executable, "main.py"], cwd=ROOT, input="", capture_output=True,
                            text=True, env=env, timeout=300)
    assert "starting the text mode instead" in result.stdout
    assert "Traceback" not in result.stderr


def test_solo_game_needs_no_hand_off_and_shows_own_support():
    """With one human team, there is no hand-off, and shared screens show that team's own view."""
    out = play(lambda team, rnd: ["wait_and_see"], "--human", "moscow", "--rounds", "2")
    assert "Pass to the" not in out
    assert "Security establishment (Moscow): somewhere" not in out
    assert "=== Missed opportunity ===" in out


@pytest.mark.parametrize("args", [["--scale", "9"], ["--bogus"], ["play", "--scale", "abc"]])
def test_bad_window_options_exit_2_even_without_a_display(args):
    """A wrong window flag is an error with status 2, not a silent switch to the text mode."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                            "SDL_VIDEODRIVER")}
    result = subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, input="",
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 2 and "text mode" not in result.stdout
    assert "Traceback" not in result.stderr


def test_persona_with_temperament_plays():
    """An AI seat can take any persona with a temperament, and its reasoning is printed."""
    out = play(lambda team, rnd: ["wait_and_see"], "--human", "washington", "--rounds", "1",
               "--persona", "moscow=legalist:hard", "--persona", "nato=opportunist:soft")
    assert "Moscow: AI, wants it in writing, harder" in out and "AI reasoning:" in out


def test_action_numbers_stay_put_between_picks():
    """The orders menu keeps its numbers; a number already picked is refused, not reused."""
    out = io.StringIO()
    script = io.StringIO("\n1\n1\nlist\ndone\ny\n")
    args = build_parser().parse_args(["text", "--seed", "5", "--human", "washington", "--rounds", "1"])
    assert run_text(args, Console(script, out, interactive=False)) == 0
    text = out.getvalue()
    assert ("1. Brief on programme plans → Moscow is not available: it is already in your orders "
            "this round.") in text
    assert " 1. [1 pt] Brief on programme plans → Moscow  (picked)" in text


def test_a_backdown_is_shown_to_every_team():
    """When a team backs down from its public demand, the round's reveal says so for the
    whole room (the act is public), without what it cost at home (that is fogged)."""
    out = io.StringIO()
    args = build_parser().parse_args(["text", "--human", "none", "--seed", "1"])
    assert run_text(args, Console(io.StringIO(), out, interactive=False)) == 0
    lines = out.getvalue().splitlines()
    news = [i for i, line in enumerate(lines) if line == "Public demands this round:"]
    assert news, "no demand changed in this game"
    line = lines[news[0] + 1]
    assert line.startswith("  Moscow backed down from its public demand: a legal guarantee")
    assert not any(ch.isdigit() for ch in line)
