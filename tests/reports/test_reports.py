"""The printed reports' content: templates, escaping, name isolation, the class debrief and
its CSV, the role briefs and their join codes, and the two commands that write them."""

from __future__ import annotations

import csv
import io
import json
import re
from types import SimpleNamespace

import jinja2
import pytest

from game.cli.main import main
from game.debrief.agreements import AgreementFact, agreements_of
from game.debrief.briefs import briefs_html, host_codes
from game.debrief.classdebrief import CSV_COLUMNS, class_csv, class_debrief_html
from game.debrief.debrief import debrief_html
from game.debrief.page import environment
from game.net.seats import new_secrets, parse_seats, save_secrets
from game.session.saves import save_session
from game.session.session import Seat, Session
from game.words import outcome_name
from tests.helpers import default_scenario

SC = default_scenario()


def game(seed, personas=("reciprocator",) * 3, stop=None, scenario=SC):
    s = Session(scenario, seed, {r: Seat(False, p) for r, p in zip(scenario.role_ids, personas, strict=True)})
    if stop is None:
        s.play_ai()
    for _ in range(stop or 0):
        s.play_ai(one_round=True)
    return s


@pytest.fixture(scope="module")
def tables():
    """Four tables: two reach cooperation, one holds its demand, one is not over."""
    return {"Table 1": game(1, ("reciprocator", "legalist", "hardliner")),
            "Table 2": game(2, ("cooperative", "reciprocator", "opportunist")),
            "Table 3": game(3, ("reciprocator", "legalist", "hardliner")),
            "Table 4": game(4, ("cooperative", "reciprocator", "opportunist"), stop=5)}


def renamed(**names):
    """The default scenario with some roles renamed (role id -> new name)."""
    data = SC.model_dump(by_alias=True)
    for role in data["roles"]:
        role["name"] = names.get(role["id"], role["name"])
    return type(SC).model_validate(data)


# --- templates and escaping ------------------------------------------------------------------

def test_templates_are_package_files_rendered_with_autoescape():
    """The reports load their templates from the package, never from a checkout path."""
    env = environment()
    assert isinstance(env.loader, jinja2.PackageLoader) and env.autoescape is True
    assert {"debrief.html.j2", "classdebrief.html.j2", "briefs.html.j2"} <= set(env.list_templates())


def test_scenario_text_never_becomes_markup():
    """A role named like a tag is shown as text in the debrief, the class debrief and the briefs."""
    sc = renamed(moscow="<script>alert(1)</script>")
    s = game(7, scenario=sc)
    for html in (debrief_html(s), class_debrief_html({"T": s}), briefs_html(sc)):
        assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_right_to_left_names_are_isolated_in_every_report():
    """An Arabic delegation's name sits in <bdi> in mixed lines, so numbers stay with their meter."""
    name = "حلف الناتو"
    sc = renamed(nato=name)
    s = game(7, scenario=sc)
    for html in (debrief_html(s), class_debrief_html({"Table 1": s, "Table 2": game(8, scenario=sc)}),
                 briefs_html(sc)):
        assert f"<bdi>{name}</bdi>" in html
        body = html.split("<main>", 1)[1].replace(f"<bdi>{name}</bdi>", "").replace(
            f'<tspan style="unicode-bidi:isolate">{name}</tspan>', "")
        assert name not in body, "a right-to-left name that is not isolated"


def test_debrief_chart_has_its_figures_as_a_table_and_totals_are_not_headers():
    """The chart's values are in a table too; the totals row holds data cells, not headers."""
    s = game(7)
    html = debrief_html(s)
    assert f"<td class=\"n\">{s.state.tension}</td>" in html and "<caption>" in html
    total = re.search(r'<tr class="total">(.*?)</tr>', html).group(1)
    assert "<th" not in total and "<main>" in html


def test_ai_reasoning_is_held_with_its_lines():
    """"AI reasoning:" and its lines share one block that print styles keep whole."""
    html = debrief_html(game(7))
    assert re.search(r'<div class="reasoning">\s*<p class="label">AI reasoning:</p>\s*<ul>', html)


# --- the class debrief -------------------------------------------------------------------------

def test_class_debrief_compares_every_table(tables):
    """Endings, scores, demands, track, agreements and turning points, table by table."""
    html = class_debrief_html(tables)
    for heading in ("The tables at a glance", "Questions the differences raise", "The public demands",
                    "The cooperation track", "Agreements and their terms", "Turning points, table by table"):
        assert heading in html
    for label, s in tables.items():
        assert label in html
        if s.state.over:
            assert outcome_name(s.scenario, s.outcome()) in html


def test_questions_come_from_the_differences(tables):
    """A demand set aside at some tables and not others, and different endings, are asked about."""
    html = class_debrief_html(tables)
    questions = re.findall(r'<li class="question">(.*?)</li>', html, re.S)
    assert any("set aside Moscow&#39;s demand" in q and "never set aside: why?" in q for q in questions)
    assert any("which decisions made the difference?" in q for q in questions)
    demand = next(q for q in questions if "never set aside" in q)
    assert "Table 2 (round" in demand and "at Table 1" in demand


def test_an_unfinished_table_shows_no_scores_unless_full(tables):
    """Table 4 is not over: its scores are fogged in the HTML and the CSV, shown with full."""
    rows = list(csv.DictReader(io.StringIO(class_csv(tables))))
    assert {r["score_total"] for r in rows if r["table"] == "Table 4"} == {""}
    assert all(r["score_total"] for r in rows if r["table"] != "Table 4")
    full = list(csv.DictReader(io.StringIO(class_csv(tables, full=True))))
    assert all(r["objectives_met"] for r in full)
    assert {r["score_total"] for r in full if r["table"] == "Table 4"} == {""}  # no ending yet
    assert "not over: round 6" in class_debrief_html(tables)


def test_csv_has_one_row_per_team_and_table(tables):
    """The CSV's header and one row for each delegation at each table, with what it did."""
    rows = list(csv.reader(io.StringIO(class_csv(tables))))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 1 + 4 * len(SC.roles)
    table2 = {r[4]: dict(zip(CSV_COLUMNS, r, strict=True)) for r in rows[1:] if r[0] == "Table 2"}
    moscow = table2["moscow"]
    assert moscow["ending"] == "practical_cooperation" and moscow["demand_set_aside_round"]
    assert int(moscow["orders"]) > 0 and moscow["seat"] == "ai:reciprocator"


def no_talks_game(seed):
    """A game of a bundled case without talks (no agreement data)."""
    from game.authoring.scenarios import SCENARIO_DIR, load_for_play

    sc = load_for_play(SCENARIO_DIR / "open-skies-1990.yaml")
    assert sc.negotiation is None
    return game(seed, ("reciprocator",) * len(sc.roles), scenario=sc)


def test_agreements_are_read_from_the_state_when_it_records_them():
    """A case without talks gives None (no data); a state with agreements gives their terms,
    and a game of the default case its agreement in words."""
    assert agreements_of(no_talks_game(2)) is None
    played = agreements_of(game(2))
    assert played is not None and all(a.terms for a in played)
    if played:
        assert played[0].parties and played[0].status in ("in force", "not ratified",
                                                          "awaiting ratification")
    deal = SimpleNamespace(round=4, parties=("washington", "moscow"),
                           terms=(SimpleNamespace(text="a regular data exchange"),), status="kept")
    fake = SimpleNamespace(scenario=SC, state=SimpleNamespace(agreements=(deal,)))
    assert agreements_of(fake) == (AgreementFact(4, ("Washington", "Moscow"),
                                                 ("a regular data exchange",), "kept"),)


def test_no_agreement_data_is_said_gracefully_and_agreements_show_when_recorded(tables, monkeypatch):
    """Games without agreements say so; once games record agreements, their terms appear."""
    assert "No agreement data" in class_debrief_html({"Table 1": no_talks_game(1)})
    from game.debrief import classfacts

    deal = AgreementFact(4, ("Washington", "Moscow"), ("a regular data exchange",), "kept")
    with_deal, without = game(2), game(3)
    monkeypatch.setattr(classfacts, "agreements_of", lambda s: (deal,) if s is with_deal else ())
    html = class_debrief_html({"Table 1": with_deal, "Table 2": without})
    assert "Round 4: Washington and Moscow agreed on: a regular data exchange (kept)" in html
    assert "No agreement was reached." in html and "reached an agreement; at Table 2" in html


def test_one_table_or_identical_tables_still_ask_something():
    """With nothing to compare, the class is still given a question."""
    html = class_debrief_html({"Table 1": game(2)})
    assert len(re.findall(r'<li class="question">', html)) == 1


# --- role briefs and join codes ---------------------------------------------------------------

def test_briefs_hold_briefing_objectives_and_menu_with_notes():
    """One section per role: its briefing, its private objectives, every action it may take
    with the teaching note."""
    html = briefs_html(SC)
    assert html.count('<section class="brief"') == len(SC.roles)
    moscow = html.split('<section class="brief"')[2]
    assert "Moscow" in moscow and "Your objectives (private)" in moscow
    spec = SC.action("set_aside_demand")
    assert spec.name in moscow and " ".join(spec.teaching_note.split())[:40] in moscow


def hosted(folder, joining=True, over=False, scenario_id=None):
    """A host's saved seats and game in `folder`, as `main.py host` leaves them."""
    folder.mkdir(parents=True, exist_ok=True)
    found = new_secrets(parse_seats(SC.role_ids, ["nato=hotseat"], lambda _n: None))
    found.joining_open = joining
    save_secrets(found, folder / "seats.json")
    s = game(3, stop=1)
    save_session(s, folder / "game.json")
    data = json.loads((folder / "game.json").read_text())
    data["phase"] = "over" if over else data["phase"]
    data["scenario_id"] = scenario_id or data["scenario_id"]
    (folder / "game.json").write_text(json.dumps(data))
    return {r: p.code for r, p in found.seats.items() if p.kind == "device"}


def test_join_codes_come_from_the_hosts_saved_seats(tmp_path):
    """A hosted game open to joining gives each device team's page its code; a hot-seat has none."""
    codes = hosted(tmp_path / "host")
    found = host_codes(tmp_path / "host", SC)
    assert found == {"": codes} and "nato" not in codes
    html = briefs_html(SC, found)
    for code in codes.values():
        assert f'<span class="code">{code}</span>' in html


@pytest.mark.parametrize("why", ["closed", "over", "other case"])
def test_no_codes_when_joining_is_closed_the_game_is_over_or_the_case_differs(tmp_path, why):
    hosted(tmp_path / "host", joining=why != "closed", over=why == "over",
           scenario_id="open_skies_1990" if why == "other case" else None)
    assert host_codes(tmp_path / "host", SC) == {}


def test_several_tables_give_a_page_per_table_and_role(tmp_path):
    """A host with a folder per table: each table's teams get their own pages and codes."""
    first, second = hosted(tmp_path / "host" / "table-1"), hosted(tmp_path / "host" / "table-2")
    found = host_codes(tmp_path / "host", SC)
    assert found == {"table-1": first, "table-2": second}
    assert briefs_html(SC, found).count('<section class="brief"') == 2 * len(SC.roles)


# --- the commands -------------------------------------------------------------------------------

def test_briefs_command_writes_pages_with_the_running_hosts_codes(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path / "data"))
    codes = hosted(tmp_path / "data" / "host")
    out = tmp_path / "briefs.html"
    assert main(["briefs", "missile-defence-2011", "--out", str(out)]) == 0
    assert all(code in out.read_text() for code in codes.values())
    assert main(["briefs", "--out", str(out), "--no-codes"]) == 0
    assert not any(code in out.read_text() for code in codes.values())
    (tmp_path / "notes.html").write_text("my notes")
    assert main(["briefs", "--out", str(tmp_path / "notes.html")]) == 2
    assert "not an earlier set of role briefs" in capsys.readouterr().err
    assert main(["briefs", "no-such-case", "--out", str(out)]) == 2


def test_classdebrief_command_writes_html_and_csv(tmp_path, tables, capsys):
    files = []
    for label, s in tables.items():
        files.append(tmp_path / f"{label.replace(' ', '')}.json")
        save_session(s, files[-1])
    out, table = tmp_path / "class.html", tmp_path / "class.csv"
    argv = ["classdebrief", *map(str, files), "--out", str(out), "--csv", str(table)]
    assert main(argv) == 0 and main(argv) == 0  # an earlier output is replaced
    assert "Table1.json" in out.read_text() and table.read_text().startswith("table,source,")
    assert main(["classdebrief", str(files[0]), "--out", str(files[0])]) == 2
    assert "one of the games to compare" in capsys.readouterr().err
    assert main(["classdebrief", str(tmp_path / "missing.json"), "--out", str(out)]) == 2
