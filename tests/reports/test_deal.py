"""The negotiation in the reports: the debrief's deal, words and deeds, decisions and
aftermath; the score labels of the talks; the frontier command; the lab's JSON contract
and its negotiation flags."""

from __future__ import annotations

import html
import json
import re
from types import SimpleNamespace

import pytest

from game.cli.main import main
from game.debrief.debrief import debrief_html
from game.lab.flags import find_flags
from game.model.results import ScoreKind, ScorePart
from game.rules import compile_scenario
from game.rules.values import frontier, walk_aways
from game.session.session import Seat, Session
from game.words import score_label
from tests.helpers import default_scenario

SC = default_scenario()
CASE = "scenarios/missile-defence-2011.yaml"


def played(seed, personas=None):
    personas = personas or tuple(SC.default_seats[r] for r in SC.role_ids)
    s = Session(SC, seed, {r: Seat(False, p) for r, p in zip(SC.role_ids, personas, strict=True)})
    s.play_ai()
    return s


def text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page))


@pytest.fixture(scope="module")
def agreed():
    s = played(1)
    assert s.state.agreement is not None and s.state.agreement.status == "in_force"
    return s


@pytest.fixture(scope="module")
def not_agreed():
    s = played(1, ("hardliner", "hardliner", "hardliner"))
    assert s.state.agreement is None
    return s


def test_debrief_names_the_deal_and_what_each_delegation_got(agreed):
    """The agreement's terms, each role's value against its walk-away value, and how far the
    deal was from the best packages."""
    page = debrief_html(agreed)
    words = text(page)
    assert "The deal" in words and "entered into force" in words
    game = agreed.game
    away = walk_aways(agreed.state, game)
    a = agreed.state.agreement
    for role in SC.role_ids:
        name = SC.role(role).name
        value = game.talks.package_value(a.terms, role)
        assert f"{name}: {value} points from the terms against a walk-away value of {away[role]}" \
            in words or f"{name}: {value} points from the terms, the same" in words
    assert "Pareto efficiency" in words
    assert "best package" in words
    for issue, option in a.terms:
        assert SC.negotiation.issue(issue).option(option).name in words


def test_words_and_deeds_table_lists_every_term_and_its_fate(agreed):
    page = debrief_html(agreed)
    section = page[page.index("Words and deeds"):page.index("The meters over the game")]
    rows = re.findall(r'<tr class="(\w+)">', section)
    assert len(rows) == len(agreed.state.terms) > 0
    assert rows == [str(r.status) for r in agreed.state.terms]
    assert set(re.findall(r"<td>(kept|broken|running)</td>", section)) <= {"kept", "broken", "running"}


def test_turning_points_hold_the_decisions_that_changed_the_course(agreed):
    words = text(debrief_html(agreed))
    part = words[words.index("Decisions that changed the course"):words.index("The largest swings")]
    assert "agreed on a package" in part and "entered into force" in part
    assert "refused" in part or "countered" in part


def test_debrief_ends_with_what_happened_next(agreed):
    page = debrief_html(agreed)
    after = SC.aftermath
    tail = text(page[page.index('class="aftermath"'):])
    assert after.title in tail and after.question in tail
    assert all(p in tail for p in after.paragraphs) and all(s in tail for s in after.sources)
    assert page.index('class="aftermath"') > page.index("Questions for discussion")


def test_debrief_says_why_there_is_no_agreement(not_agreed):
    words = text(debrief_html(not_agreed))
    assert "The deal" in words and "No agreement:" in words
    for role in SC.role_ids:
        assert f"{SC.role(role).name}: walk-away value" in words
    assert "No term was agreed" in words


def test_values_stay_hidden_until_the_game_is_over():
    s = Session(SC, 1, {r: Seat(False, SC.default_seats[r]) for r in SC.role_ids})
    s.play_ai(one_round=True)
    words = text(debrief_html(s))
    assert "stay private until the game is over" in words and "walk-away value of" not in words


def test_names_in_the_deal_are_isolated_in_bdi():
    from tests.reports.test_reports import renamed

    sc = renamed(moscow="מוסקבה")
    s = Session(sc, 1, {r: Seat(False, sc.default_seats[r]) for r in sc.role_ids})
    s.play_ai()
    page = debrief_html(s)
    deal = page[page.index("The deal"):page.index("The meters over the game")]
    assert "<bdi>מוסקבה</bdi>" in deal and "מוסקבה" not in deal.replace("<bdi>מוסקבה</bdi>", "")


def test_score_labels_of_the_talks():
    result = SimpleNamespace(ending="x", round=1)
    labels = [score_label(SC, result, "moscow", ScorePart(kind, ref, 0))
              for kind, ref in ((ScoreKind.TERMS, "agreement"), (ScoreKind.WALK_AWAY, "none"),
                                (ScoreKind.BROKEN_TERMS, "2"))]
    assert labels == ["The agreed terms", "No agreement: walk-away value", "Terms broken (2)"]


# --- the frontier command ---------------------------------------------------------------------

def test_frontier_json_has_exactly_the_contracted_shape(capsys):
    assert main(["frontier", CASE, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"walk_away", "frontier"}
    game = compile_scenario(SC)
    assert data["walk_away"] == walk_aways(None, game)
    assert len(data["frontier"]) == len(frontier(game)) >= 3
    for point in data["frontier"]:
        assert set(point) == {"terms", "values"}
        assert list(point["terms"]) == list(game.talks.issues)
        assert set(point["values"]) == set(game.talks.parties)
        assert all(point["values"][r] >= data["walk_away"][r] for r in point["values"])
    gains = [max(p["values"], key=lambda r, p=p: p["values"][r] - data["walk_away"][r])
             for p in data["frontier"]]
    assert len(set(gains)) > 1  # the role that gains most differs


def test_frontier_text_uses_option_and_role_names(capsys):
    assert main(["frontier", CASE]) == 0
    out = capsys.readouterr().out
    assert "Walk-away values" in out and "Washington" in out and "Moscow" in out
    assert "A written political assurance at the highest level" in out
    assert "assurance=written" not in out


def test_frontier_refuses_a_case_without_talks_or_a_bad_file(capsys, tmp_path):
    assert main(["frontier", "scenarios/open-skies-1990.yaml"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "no negotiation" in err and "negotiation:" in err
    assert main(["frontier", str(tmp_path / "missing.yaml")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "missing.yaml" in err


# --- the lab ------------------------------------------------------------------------------------

def test_simulate_json_reports_the_negotiation(tmp_path, capsys):
    out = tmp_path / "lab.json"
    assert main(["simulate", CASE, "--games", "6", "--workers", "1", "--quiet",
                 "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Talks" in printed and "Pareto efficiency" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    a = data["agreements"]
    assert 0 <= a["share"] <= 1
    assert sum(p["count"] for p in a["packages"]) == round(a["share"] * data["games"])
    for p in a["packages"]:
        assert set(p) >= {"terms", "count"} and list(p["terms"]) == [i.id for i in
                                                                      SC.negotiation.issues]
    roles = set(SC.role_ids)
    assert set(data["mean_value"]) == set(data["walk_away"]) == roles
    assert set(data["roles_talks"]) == roles
    for r in roles:
        assert data["roles_talks"][r] == {"mean_value": data["mean_value"][r],
                                          "walk_away": data["walk_away"][r]}
    eff = data["pareto_efficiency"]
    assert (eff is None) == (not a["packages"])
    assert eff is None or 0 <= eff <= 1


def test_lab_flags_a_tied_optimum_and_a_role_rarely_at_the_top():
    report = SimpleNamespace(
        fair_share=1 / 3, ties=0.9, top_alone={"a": 0.05, "b": 0.05, "c": 0.0},
        top_shared={"a": 0.9, "b": 0.9, "c": 0.1},
        optimum={"terms": {"x": "y"}, "gains": {"a": 5, "b": 5, "c": 5}, "ties": True},
        endings=[], best_reply_share={}, personas=[], actions=[], milestones=[], objectives=[])
    kinds = {(f.kind, f.subject) for f in find_flags(report, None)}
    assert ("optimum_tie", "negotiation") in kinds and ("role_top_rare", "c") in kinds
    assert ("role_top_rare", "a") not in kinds
    report.optimum["ties"] = False
    assert "optimum_tie" not in {f.kind for f in find_flags(report, None)}


def test_class_debrief_sets_the_agreements_side_by_side(agreed, not_agreed):
    from game.debrief.classdebrief import class_debrief_html

    page = class_debrief_html({"Table 1": agreed, "Table 2": not_agreed})
    table = page[page.index("The agreements side by side"):page.index("</table>", page.index(
        "The agreements side by side"))]
    words = text(table)
    for issue, option in agreed.state.agreement.terms:
        assert SC.negotiation.issue(issue).name in words
        assert SC.negotiation.issue(issue).option(option).name in words
    assert "in force" in words and "none" in words and "Pareto efficiency" in words
