"""The balance lab: N games in total spread over the assignments, deterministic whatever the
workers, a short summary first, flags that depend on the number of roles, ties apart from
wins, rare endings, figures on milestones, objectives and actions, and the same figures
in every output file."""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

import pytest

from game.authoring.loader import load_scenario
from game.lab import simulate
from game.lab.report import GameRecord, Report, figure_rows
from tests.ai.conftest import DEFAULT

FOUR = Path(__file__).parent / "fixtures" / "four_roles.yaml"


def _run(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    simulate.add_arguments(parser)
    out, err = io.StringIO(), io.StringIO()
    code = simulate.run(parser.parse_args([*argv, "--quiet"]), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_report_is_the_same_whatever_the_workers():
    """The same seed gives the same report on one worker or two."""
    args = (str(DEFAULT), "--games", "60", "--personas", "reciprocator,hardliner", "--seed", "5")
    one, two = _run(*args, "--workers", "1"), _run(*args, "--workers", "2")
    assert one[0] == two[0] == 0 and one[1] == two[1]
    assert "Flags" in one[1] and "Top finish alone" in one[1]


def test_games_are_a_total_spread_over_the_assignments():
    """--games 10 over 8 assignments: two get 2 games, six get 1; 10 in all."""
    assert simulate.share(8, 10) == (tuple(range(8)), (2, 2, 1, 1, 1, 1, 1, 1))
    code, out, _ = _run(str(DEFAULT), "--games", "10", "--personas", "cooperative,hardliner",
                        "--workers", "1")
    assert code == 0 and "10 games over 8 assignments" in out


def test_more_assignments_than_games_are_sampled_evenly():
    """625 assignments and 50 games: 50 distinct assignments at even steps, one game each."""
    chosen, counts = simulate.share(625, 50)
    assert len(set(chosen)) == 50 and counts == (1,) * 50
    assert chosen[:3] == (0, 12, 25) and chosen[-1] == 612
    code, out, _ = _run(str(FOUR), "--games", "50", "--workers", "1")
    assert code == 0 and "50 games over 50 assignments (sampled evenly from 625)" in out


def test_summary_first_detail_only_on_request():
    """Without --detail no per-assignment line is printed; with it, one per assignment."""
    args = (str(FOUR), "--games", "40", "--workers", "1")
    _, short, _ = _run(*args)
    _, long, _ = _run(*args, "--detail")
    assert "#1 " not in short and "add --detail" in short
    assert long.startswith(short.split("\n(one line")[0])
    assert sum(1 for line in long.splitlines() if line.startswith("  #")) == 40
    assert len(short[:short.index("\nFlags")].splitlines()) < 60  # the figures fit a screen


def test_figures_cover_milestones_objectives_and_actions():
    """The summary reports each milestone, objective and action, and mean score by role."""
    _, out, _ = _run(str(FOUR), "--games", "40", "--workers", "1")
    for words in ("Working channel", "north.support_at_home", "observation_treaty",
                  "Mean score by role: north", "ties:"):
        assert words in out


FOUR_SCENARIO = load_scenario(FOUR)


def _record(ending: str, scores: tuple[int, ...], s=FOUR_SCENARIO) -> GameRecord:  # noqa: ANN001
    """A made-up game of scenario `s` (three rounds, nothing operating, nothing chosen)."""
    ops = ((False,) * len(s.milestones),) * 3
    met = tuple((False,) * len(r.objectives) for r in s.roles)
    return GameRecord(0, 0, 0, ending, 3, scores, (40, 40, 40, 40), ops, met,
                      (0,) * len(s.actions))


def _report(scenario, games: list[GameRecord]) -> Report:
    assignments = [("reciprocator",) * len(scenario.roles)]
    return Report.build(scenario, assignments, ["reciprocator"], games, 1)


def _leader_games(scenario, share: int) -> list[GameRecord]:  # noqa: ANN001
    """100 games: the first role alone on top in `share`, the others in turn in the rest."""
    width = len(scenario.roles)
    def top(i: int) -> tuple[int, ...]:
        return tuple(5 if k == i else 0 for k in range(width))
    return [_record("no_progress", top(0), scenario)] * share + \
        [_record("no_progress", top(1 + k % (width - 1)), scenario) for k in range(100 - share)]


def test_imbalance_depends_on_the_number_of_roles():
    """With 4 roles the line is 25% + 15 = 40%: a role alone on top in 45% is flagged,
    in 38% it is not; with 3 roles (fair share 33%, line 48%) 45% is not flagged."""
    four, three = load_scenario(FOUR), load_scenario(DEFAULT)
    flagged = _report(four, _leader_games(four, 45)).flags
    assert any("role north finishes top alone in 45%" in f for f in flagged)
    assert not any("finishes top" in f for f in _report(four, _leader_games(four, 38)).flags)
    assert not any("finishes top" in f for f in _report(three, _leader_games(three, 45)).flags)


def test_ties_are_counted_apart_from_wins():
    """A shared top score is a tie for both roles, never half a win."""
    four = load_scenario(FOUR)
    report = _report(four, [_record("no_progress", (5, 5, 0, 0))] * 3
                     + [_record("no_progress", (0, 5, 0, 0))])
    assert report.top_alone == {"north": 0.0, "south": 0.25, "east": 0.0, "west": 0.0}
    assert report.ties == 0.75 and report.top_shared["north"] == 0.75


def test_rare_ending_is_flagged():
    """An ending reached in 1 game of 100 (under 2%) is flagged rare; 3 of 100 is not."""
    four = load_scenario(FOUR)
    def flags(n: int) -> list[str]:
        games = [_record("agreement", (1, 0, 0, 0))] * n + \
            [_record("no_progress", (1, 0, 0, 0))] * (100 - n)
        return _report(four, games).flags
    assert any("'Agreement' is rare: 1 of 100 games" in f for f in flags(1))
    assert not any("'Agreement' is rare" in f for f in flags(3))


def test_every_output_holds_the_same_figures(tmp_path):
    """JSON and CSV carry the same figures; the games CSV has one row per game."""
    paths = {k: tmp_path / f"r.{k}" for k in ("json", "csv", "html")}
    games = tmp_path / "games.csv"
    code, _, _ = _run(str(FOUR), "--games", "30", "--workers", "1", "--json", str(paths["json"]),
                      "--csv", str(paths["csv"]), "--html", str(paths["html"]),
                      "--games-csv", str(games))
    assert code == 0
    data = json.loads(paths["json"].read_text())
    rows = {(r["section"], r["key"], r["measure"]): r["value"]
            for r in csv.DictReader(paths["csv"].open())}
    for e in data["endings"]:
        assert float(rows[("ending", e["id"], "share")]) == pytest.approx(e["share"], abs=1e-4)
    for role, share in data["top_alone"].items():
        assert float(rows[("top_alone", role, "share")]) == pytest.approx(share, abs=1e-4)
    for o in data["objectives"]:
        assert float(rows[("objective", f"{o['role']}.{o['id']}", "met")]) == \
            pytest.approx(o["met"], abs=1e-4)
    assert len(list(csv.DictReader(games.open()))) == 30


def test_html_is_self_contained_with_four_charts(tmp_path):
    """The HTML report has its four charts inline and fetches nothing."""
    out = tmp_path / "r.html"
    assert _run(str(FOUR), "--games", "20", "--workers", "1", "--html", str(out))[0] == 0
    html = out.read_text()
    assert html.count("<svg") == 4
    assert "http://" not in html and "https://" not in html and "<script" not in html


def test_html_escapes_the_scenario_text():
    """Titles and names from the scenario are escaped (autoescape is on)."""
    from game.lab.html import report_html

    four = load_scenario(FOUR)
    report = _report(four, [_record("no_progress", (1, 0, 0, 0))])
    report.title = "<script>alert(1)</script>"
    html = report_html(report)
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_figure_rows_cover_every_section():
    """The CSV form has rows for every kind of figure."""
    four = load_scenario(FOUR)
    sections = {row[0] for row in figure_rows(_report(four, [_record("no_progress", (1, 0, 0, 0))]))}
    assert {"ending", "top_alone", "mean_score", "milestone", "objective", "action",
            "tension_round"} <= sections


@pytest.mark.parametrize("argv, message", [
    (("missing.yaml",), "missing.yaml:1:1: no such file [file]"),
    ((str(DEFAULT), "--personas", "saint"), "unknown persona 'saint'"),
    ((str(DEFAULT), "--assign", "atlantis=hardliner"), "unknown role 'atlantis'"),
    ((str(DEFAULT), "--assign", "moscow"), "give ROLE=PERSONA"),
    ((str(DEFAULT), "--games", "0"), "--games must be at least 1"),
])
def test_bad_input_is_one_line_and_status_2(argv, message):
    """Unknown personas or roles and missing files give one error line and exit 2."""
    code, out, err = _run(*argv)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1


def test_assign_fixes_roles_and_others_range_over_personas():
    """--assign pins a role; the other roles take every persona in turn."""
    code, out, _ = _run(str(DEFAULT), "--games", "8", "--personas", "cooperative,hardliner",
                        "--assign", "moscow=legalist", "--workers", "1", "--detail")
    assert code == 0 and "4 assignments" in out and out.count("/legalist/") == 4


def test_html_carries_every_note_the_terminal_shows(tmp_path):
    """Each flag with its why and try lines, and every note beside an ending, milestone,
    objective or action ("never chosen"), is in the HTML report and the JSON file too."""
    import html as html_lib

    page, data = tmp_path / "r.html", tmp_path / "r.json"
    # Pitting hard-liners against cooperative delegations raises flags of every kind.
    code, out, _ = _run(str(DEFAULT), "--games", "60", "--workers", "1", "--html", str(page),
                        "--json", str(data), "--personas", "hardliner,cooperative")
    text = html_lib.unescape(page.read_text(encoding="utf-8"))
    flags = out[out.index("\nFlags"):].splitlines()[1:]
    notes = [line.strip().removeprefix("! ").removeprefix("why: ").removeprefix("try: ")
             for line in flags if line.startswith("  ")]
    assert code == 0 and notes  # (every action is chosen in some games by now)
    assert [n for n in notes if n not in text] == []
    for mark in ("never chosen", "never operates", "never reached", "over 90%", "under 2%"):
        assert out.count(mark) <= text.count(mark), mark
    figures = json.loads(data.read_text(encoding="utf-8"))
    assert [n["text"] for n in figures["notes"]] == figures["flags"]
