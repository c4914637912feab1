"""`main.py whatif`: listing the choices, branching a stored replay, and one-line errors."""

import pytest

from game import program
from game.cli import main
from game.debrief.branch import branch_lines, parting
from game.debrief.debrief import debrief_html
from game.debrief.whatif import Change, branch, choices
from game.session.saves import save_session
from game.words import action_label
from tests.engine.test_whatif import SC, played


@pytest.fixture
def replay(tmp_path):
    """A finished game with Washington human, stored as a replay file."""
    path = tmp_path / "game.json"
    save_session(played(seed=7), path)
    return path


def options(path, rnd=1, role="washington"):
    """The first order `role` could give in round `rnd`, as the listing writes it."""
    from game.session.replay import session_from_save
    from game.session.saves import read_save

    s = session_from_save(read_save(path), SC, path)
    return [a.text().split(":", 1)[1] for a in choices(s, rnd, role).menu][:1]


def test_without_a_change_it_lists_each_teams_choices(replay, capsys):
    """With only --round, every team's orders, menu and answers are listed, with an example."""
    assert main.main(["whatif", str(replay), "--round", "1"]) == 0
    out = capsys.readouterr().out
    assert "Washington (washington) ordered:" in out and "Moscow (moscow) ordered:" in out
    assert options(replay)[0] in out and f"Example: {program.name()} whatif" in out


def test_a_branch_is_printed_and_written_and_is_the_same_twice(replay, tmp_path, capsys):
    """Branching a stored replay twice prints the same comparison and writes the debrief."""
    args = ["whatif", str(replay), "--round", "1", "--role", "washington", "--orders",
            *options(replay), "--out", str(tmp_path / "b.html")]
    assert main.main(args) == 0
    first = capsys.readouterr().out
    assert main.main(args) == 0
    assert capsys.readouterr().out == first
    assert first.startswith("What if Washington had ordered ") and "in round 1?" in first
    html = (tmp_path / "b.html").read_text()
    assert "The game as played" in html and "The branch" in html and "Coaching" in html


def test_an_empty_orders_list_means_no_orders(replay, capsys):
    """`--orders` alone asks what would have happened had the team ordered nothing."""
    assert main.main(["whatif", str(replay), "--round", "1", "--role", "washington", "--orders"]) == 0
    assert "had ordered nothing in round 1" in capsys.readouterr().out


@pytest.mark.parametrize("extra, message", [
    (["--round", "1", "--orders"], "--role: say whose decision changes"),
    (["--round", "1", "--role", "mars", "--orders"], "--role mars: unknown role"),
    (["--round", "1", "--role", "moscow", "--orders", "no_such_action"], "there is no action"),
    (["--round", "40", "--role", "moscow", "--orders"], "round 40 was not played"),
    (["--round", "1", "--role", "moscow", "--answers", "x=maybe"], "give OFFER=accept"),
    (["--round", "1", "--role", "moscow", "--orders", "nato:anything"], "that order is nato's"),
])
def test_bad_input_is_one_line_and_status_2(replay, capsys, extra, message):
    """Every mistake gets one line on stderr naming it, and exit status 2."""
    assert main.main(["whatif", str(replay), *extra]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("error: ")


def test_out_never_overwrites_another_file(replay, tmp_path, capsys):
    """--out refuses a file that is not an earlier debrief, and leaves it as it was."""
    other = tmp_path / "notes.txt"
    other.write_text("my notes")
    args = ["whatif", str(replay), "--round", "1", "--role", "washington", "--orders",
            "--out", str(other)]
    assert main.main(args) == 2
    assert "is not an earlier debrief" in capsys.readouterr().err and other.read_text() == "my notes"


def test_a_missing_file_is_one_line(tmp_path, capsys):
    """A replay that does not exist is named, with status 2."""
    assert main.main(["whatif", str(tmp_path / "none.json"), "--round", "1"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_the_debrief_sets_the_two_games_side_by_side():
    """The debrief's what-if section shows both endings, scores and where the ledgers part."""
    s = played(seed=7)
    did = tuple(a for r in s.state.records if r.round == 1 for a in r.orders if a.role == "washington")
    other = next(a for a in choices(s, 1, "washington").menu if (a,) != did)
    b = branch(s, Change(1, "washington", orders=(other,)))
    html = debrief_html(s, branch=b)
    assert f"What if Washington had ordered {action_label(SC, other)} in round 1?" \
        in html.replace("&gt;", ">")
    rnd, old, new = parting(s, b.branched)
    assert rnd == 1 and old[0] != new[0]
    assert "Where the two part: round 1" in html
    assert any("Score: Washington" in line for line in branch_lines(b))


def test_an_unchanged_branch_says_it_made_no_difference():
    """Repeating what was done yields identical ledgers, and the debrief says so."""
    s = played(seed=7)
    did = tuple(a for r in s.state.records if r.round == 1 for a in r.orders if a.role == "washington")
    lines = branch_lines(branch(s, Change(1, "washington", orders=did)))
    assert lines[-1] == "The two ledgers are identical: the change made no difference."


def test_an_unfinished_games_what_if_and_coaching_keep_the_fog():
    """Stopped in round 5: the branch and the coaching show no one's domestic support."""
    from game.debrief.branch import extra_sections

    s = played(seed=7, stop=5)
    did = tuple(a for r in s.state.records if r.round == 1 for a in r.orders if a.role == "washington")
    other = next(a for a in choices(s, 1, "washington").menu if (a,) != did)
    html = "\n".join(extra_sections(s, branch(s, Change(1, "washington", orders=(other,)))))
    assert "not scored yet" in html and "points" not in html
    for role in SC.roles:
        assert role.domestic_label not in html
