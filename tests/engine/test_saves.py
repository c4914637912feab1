"""The library of games: one file per game, the scenario kept in it, 0.1 saves migrated."""

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from game.authoring.loader import load_scenario
from game.model.actions import move_from_text
from game.session.library import GameLibrary
from game.session.replay import scenario_for, session_from_save, verify
from game.session.saves import SaveError, read_save
from game.session.session import Seat, Session

FIXTURES = Path(__file__).parent / "fixtures"
SCENARIO = FIXTURES / "save-0.1-scenario.yaml"


@pytest.fixture()
def scenario_file(tmp_path):
    """A copy of the small two-role scenario that a test may edit."""
    path = tmp_path / "north-south.yaml"
    shutil.copy(SCENARIO, path)
    os.utime(path, (time.time() - 60, time.time() - 60))  # loaded well after its last edit
    return path


@pytest.fixture()
def library(tmp_path):
    return GameLibrary(tmp_path / "data")


def new_game(library, scenario_file, seed=5, **attach) -> Session:
    sc = load_scenario(scenario_file)
    session = Session(sc, seed, {r: Seat(False) for r in sc.role_ids}, None, str(scenario_file))
    library.attach(session, **attach)
    return session


def age(path: Path, seconds: float) -> None:
    """Make a file look `seconds` older, so 'newest first' does not depend on timing."""
    stamp = path.stat().st_mtime - seconds
    os.utime(path, (stamp, stamp))


def test_every_game_has_its_own_file(library, scenario_file):
    """Two games begun in the same second with the same seed never share a file."""
    first, second = new_game(library, scenario_file), new_game(library, scenario_file)
    a, b = library.save(first), library.save(second)
    assert a != b and a.parent == b.parent == library.games
    assert a.name.startswith("two-roles_") and "_seed5" in a.name
    assert {g.path for g in library.unfinished()} == {a, b}


def test_the_data_folder_comes_from_the_environment(tmp_path, monkeypatch, scenario_file):
    """Without a folder given, the library lives in DETENTE_DATA_DIR."""
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path / "elsewhere"))
    lib = GameLibrary()
    assert lib.save(new_game(lib, scenario_file)).parent == tmp_path / "elsewhere" / "games"


def test_quit_before_any_move_resumes_this_game(library, scenario_file):
    """A game saved before its first move is the newest, not an older game with moves."""
    older = new_game(library, scenario_file, seed=1)
    older.play_ai(one_round=True)
    age(library.save(older), 3600)
    fresh = new_game(library, scenario_file, seed=2)
    library.save(fresh)
    games = library.unfinished()
    assert [g.seed for g in games] == [2, 1] and games[0].round == 1
    assert library.resume(games[0].path).log == []


def test_every_move_is_saved_and_a_finished_game_is_a_replay(library, scenario_file):
    """The attached session saves after every move; at the end its file verifies as a replay."""
    session = new_game(library, scenario_file)
    session.play_ai()
    [done] = library.finished()
    assert library.unfinished() == [] and done.finished and done.round == session.state.round
    assert read_save(done.path).moves == [m.text() for m in session.log]
    assert verify(done.path).ok


def test_listing_gives_what_a_chooser_needs(library, scenario_file):
    """A listed game has its scenario, seed, round, start and the talks timer the window set."""
    session = new_game(library, scenario_file, seed=9, timer_seconds=300)
    session.play_ai(one_round=True)
    [game] = library.unfinished()
    assert (game.scenario_id, game.scenario_name, game.seed, game.round, game.rounds) == (
        "two_roles", "North and South", 9, 2, 4)
    assert game.timer_seconds == 300 and game.seats == {"north": "ai:reciprocator",
                                                        "south": "ai:reciprocator"}
    assert game.started.tzinfo is not None and not game.scenario_changed
    resumed = library.resume(game.path)
    resumed.play_ai(one_round=True)
    assert library.unfinished()[0].timer_seconds == 300


def test_resume_uses_the_scenario_played_and_says_when_the_file_changed(library, scenario_file):
    """After the scenario file is edited, a saved game comes back exactly as it was, with a notice."""
    session = new_game(library, scenario_file)
    session.play_ai(one_round=True)
    path = library.save(session)
    text = scenario_file.read_text().replace("start_tension: 40", "start_tension: 77")
    scenario_file.write_text(text)
    [game] = library.unfinished()
    assert game.scenario_changed and str(scenario_file) in game.notice
    opened = library.open(path)
    assert opened.session.state == session.state and "has changed" in opened.notice


def test_a_scenario_file_that_is_gone_is_no_obstacle(library, scenario_file):
    """The save keeps the scenario, so a game resumes even when its file was deleted."""
    session = new_game(library, scenario_file)
    session.play_ai(one_round=True)
    path = library.save(session)
    scenario_file.unlink()
    assert library.resume(path).state == session.state


def test_resumed_game_goes_on_saving_in_its_own_file(library, scenario_file):
    """Continuing a game rewrites its file, and creates no other."""
    session = new_game(library, scenario_file)
    session.play_ai(one_round=True)
    path = library.save(session)
    again = library.resume(path)
    again.play_ai(one_round=True)
    assert sorted(library.games.glob("*.json")) == [path]
    assert len(read_save(path).moves) == len(again.log) > len(session.log)


def test_a_v01_save_still_loads(tmp_path):
    """The autosave of version 0.1 is listed, resumed with its scenario file, and moved on."""
    root = tmp_path / "data"
    root.mkdir()
    legacy = root / "autosave.json"
    shutil.copy(FIXTURES / "save-0.1.json", legacy)
    lib = GameLibrary(root)
    [game] = lib.unfinished()
    assert (game.path, game.seed, game.round, game.rounds) == (legacy, 4242, 3, 4)
    session = lib.resume(legacy)
    raw = json.loads(legacy.read_text())
    expected = Session.from_log(load_scenario(SCENARIO), 4242,
                                {r: Seat(s["human"], s["persona"]) for r, s in raw["seats"].items()},
                                [move_from_text(m) for m in raw["moves"]], 4)
    assert session.state == expected.state and len(session.notes) == len(raw["notes"])
    session.play_ai(one_round=True)
    assert not legacy.exists() and (root / "autosave.json.migrated").exists()
    [moved] = lib.unfinished()
    assert moved.path.parent == lib.games and read_save(moved.path).scenario is not None


def test_a_v01_replay_verifies():
    """A replay written by version 0.1 (the golden files) is migrated and verifies."""
    golden = Path(__file__).parents[1] / "golden"
    record = read_save(golden / "two-roles-seed11.json")
    assert record.version == 3 and record.scenario is None
    assert record.notes is None and record.ledger == [] and record.legacy_ledger
    assert verify(golden / "two-roles-seed11.json", load_scenario(golden / "two-roles.yaml")).ok


def test_a_version_2_save_loads_verifies_and_works_its_reasoning_out_again():
    """A version 2 save keeps loading: its ledger lines verify as written, and its AI
    reasoning, kept only as English text, is worked out again as data, step for step."""
    path = Path(__file__).parents[1] / "golden" / "missile-defence-seed7.json"
    raw = json.loads(path.read_text())
    assert raw["version"] == 2
    record = read_save(path)
    assert record.version == 3 and record.legacy_ledger == raw["ledger"] and record.notes is None
    assert verify(path).ok
    scenario, _notice = scenario_for(record, path)
    session = session_from_save(record, scenario, path)
    assert [(n.round, n.role) for n in session.notes] == \
        [(n["round"], n["role"]) for n in raw["notes"]]
    assert [n.action for n in session.notes] == \
        [n["text"].split(": ", 1)[0] if ":" in n["text"].split(" ", 1)[0] else None
         for n in raw["notes"]]


def test_a_version_3_save_holds_the_ledger_and_reasoning_as_data(library, scenario_file):
    """A save keeps every ledger entry and every reason as data (ids and numbers), reads
    them back exactly, and verifies."""
    session = new_game(library, scenario_file)
    session.play_ai()
    path = library.save(session)
    raw = json.loads(path.read_text())
    assert raw["version"] == 3 and raw["legacy_ledger"] is None
    assert raw["ledger"] == [e.as_data() for e in session.state.ledger]
    assert raw["notes"] and all(isinstance(n["reason"][0], str) for n in raw["notes"])
    record = read_save(path)
    again = session_from_save(record, load_scenario(scenario_file), path)
    assert again.notes == session.notes and again.state.ledger == session.state.ledger
    assert verify(path).ok


def test_a_save_with_an_unknown_kind_of_reason_is_refused(library, scenario_file):
    """A reason or a ledger detail of no known kind is a damaged save, named in one line."""
    session = new_game(library, scenario_file)
    session.play_ai()
    path = library.save(session)
    data = json.loads(path.read_text())
    data["notes"][0]["reason"] = ["sulks", 3]
    path.write_text(json.dumps(data))
    with pytest.raises(SaveError, match="damaged") as info:
        read_save(path)
    assert "\n" not in str(info.value)


def test_save_with_an_extra_role_in_its_seats_is_refused(library, scenario_file):
    """A seat for a role the scenario lacks is named in one line; the file is untouched."""
    session = new_game(library, scenario_file)
    path = library.save(session)
    data = json.loads(path.read_text())
    data["seats"]["atlantis"] = {"human": True, "persona": "reciprocator"}
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    with pytest.raises(SaveError, match="atlantis") as info:
        library.resume(path)
    assert "\n" not in str(info.value) and path.read_bytes() == before


def test_a_damaged_file_is_listed_as_a_problem_not_a_crash(library, scenario_file):
    """One unreadable save leaves the others listed and is reported in one line."""
    library.save(new_game(library, scenario_file))
    (library.games / "broken.json").write_text("{not json")
    assert len(library.unfinished()) == 1
    assert len(library.problems) == 1 and "broken.json" in library.problems[0]


def test_text_resume_lists_unfinished_games_newest_first(tmp_path, monkeypatch, scenario_file):
    """`text --resume` numbers the unfinished games, newest first, and resumes the one chosen."""
    import io

    from game.cli.main import build_parser
    from game.textui.console import Console
    from game.textui.main import run_text

    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path / "data"))
    lib = GameLibrary()
    for seed, hours in ((41, 2), (42, 1)):
        sc = load_scenario(scenario_file)
        session = Session(sc, seed, {"north": Seat(True), "south": Seat(False)}, None,
                          str(scenario_file))
        lib.attach(session)
        age(lib.save(session), hours * 3600)
    out = io.StringIO()
    args = build_parser().parse_args(["text", "--resume"])
    status = run_text(args, Console(io.StringIO("9\n²\n2\nquit\n"), out, interactive=False))
    text = out.getvalue()
    assert status == 0 and text.index("seed 42") < text.index("seed 41")
    assert text.count("Give a number from 1 to 2.") == 2 and "Game seed: 41." in text
