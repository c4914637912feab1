"""The class debrief: several tables' games side by side, and the questions their differences raise.

A class of 24-30 plays several games at once (four tables of six, say). Afterwards the
teacher projects one page that compares them: each table's ending, scores, tension and
cooperation track at a glance; what became of every public demand; the agreements and
their terms where the game records them; the turning points table by table; and questions
drawn from the differences ("Table 2 (round 3) set aside Moscow's demand ...; at Table 4
it was never set aside: why?"). A CSV export gives one row per team and table for
assessment.

Input: `games`, a mapping from each table's label (for example "Table 1") to its
`game.session.session.Session`, in the order to show them. A host passes its tables'
sessions; `read_tables(paths)` builds the mapping from save or replay files. The games
may be finished or not: an unfinished game shows only public facts (no scores) unless
`full` is true, as in the single game's debrief.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path

from game.debrief.classfacts import TableFacts, table_facts
from game.debrief.page import render, rtl_names
from game.debrief.questions import class_questions
from game.rules.values import measure_deal, walk_aways
from game.session.replay import rebuild, scenario_for
from game.session.saves import read_save
from game.session.session import Session
from game.words import _, milestone_name, role_name
from game.words.classroom import (
    agreement_line,
    class_title,
    demand_status,
    milestone_status,
    never_demanded,
    no_agreement,
    no_agreement_data,
    table_ending,
    table_label,
    tables_line,
)
from game.words.talks import issue_name, option_name

#: The CSV's columns, one row per team and table.
CSV_COLUMNS = ("table", "source", "scenario", "seed", "role", "delegation", "seat", "finished",
               "rounds", "ending", "tension_at_end", "milestones_operating", "score_total",
               "ending_points", "objective_points", "objectives_met", "objectives", "orders",
               "concessions", "commitments_made", "commitments_kept", "commitments_broken",
               "demand_set_aside_round")


def read_tables(paths: Sequence[str | Path], scenario: str | None = None) -> dict[str, Session]:
    """`{"Table 1": session, ...}` from save or replay files, labelled in the order given.

    Raises the same one-line errors as `python main.py debrief` for a file that cannot be
    read (game.session.saves.SaveError, game.authoring.scenarios.ScenarioLoadError)."""
    games = {}
    for n, path in enumerate(paths, 1):
        record = read_save(Path(path))
        sc, _notice = scenario_for(record, path, scenario)
        games[table_label(n)] = rebuild(record, sc, path, scenario)  # an edited save is refused
    return games


def class_debrief_html(games: Mapping[str, Session], full: bool = False,
                       sources: Mapping[str, str] | None = None) -> str:
    """The class debrief of `games` (label -> Session) as one HTML document (a str).

    `sources` may name each table's file, shown beside its label. Raises ValueError when
    `games` is empty."""
    facts = _facts(games, full)
    first = facts[0].session.scenario
    names = tuple(n for f in facts for n in rtl_names(f.session.scenario, [f.label]))
    return render("classdebrief.html.j2", names=names,
                  title=class_title(first.title if _one_case(facts) else _scenario_titles(facts)),
                  intro=tables_line(len(facts), sum(1 for f in facts if not f.scored)),
                  overview=_overview(facts, sources or {}), questions=class_questions(facts),
                  demands=_demands(facts), track=_track(facts), agreements=_agreements(facts),
                  deals=_deals(facts),
                  turning=[(f.label, list(f.turning)) for f in facts])


def class_csv(games: Mapping[str, Session], full: bool = False,
              sources: Mapping[str, str] | None = None) -> str:
    """One CSV row per team and table (columns `CSV_COLUMNS`); score cells are empty for an
    unfinished game unless `full`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for f in _facts(games, full):
        writer.writerows([_cell(v) for v in row] for row in _csv_rows(f, (sources or {}).get(f.label, "")))
    return out.getvalue()


def _facts(games: Mapping[str, Session], full: bool) -> list[TableFacts]:
    if not games:
        raise ValueError("a class debrief needs at least one game")
    return [table_facts(label, session, full) for label, session in games.items()]


def _one_case(facts: list[TableFacts]) -> bool:
    return len({f.session.scenario.id for f in facts}) == 1


def _scenario_titles(facts: list[TableFacts]) -> str:
    return "; ".join(dict.fromkeys(f.session.scenario.title for f in facts))


def _roles(facts: list[TableFacts]) -> list[tuple[str, str]]:
    """(role id, name) of every role at any table, in the order first met."""
    seen: dict[str, str] = {}
    for f in facts:
        for r in f.session.scenario.role_ids:
            seen.setdefault(r, role_name(f.session.scenario, r))
    return list(seen.items())


def _overview(facts: list[TableFacts], sources: Mapping[str, str]) -> dict:
    """The table at a glance: a row per table, a score column per delegation."""
    roles = _roles(facts)
    rows = []
    for f in facts:
        sc = f.session.scenario
        scores = [f.teams[r].total if r in f.teams else None for r, _name in roles]
        rows.append({"label": f.label, "source": sources.get(f.label, ""),
                     "ending": table_ending(f.ending_name, f.round), "tension": f.tension,
                     "track": ", ".join(milestone_name(sc, m) for m in f.operating),
                     "scores": ["–" if s is None else s for s in scores]})
    return {"roles": [name for _r, name in roles], "rows": rows}


def _demands(facts: list[TableFacts]) -> dict:
    """Every (role, demand) that stood at any table, and its fate at each table."""
    keys: dict[tuple[str, str], str] = {}
    for f in facts:
        sc = f.session.scenario
        for d in f.demands:
            name = next((x.name for x in sc.demands if x.id == d.demand), d.demand)
            keys.setdefault((d.role, d.demand), f"{role_name(sc, d.role)}: {name}")
    rows = []
    for f in facts:
        fates = {(d.role, d.demand): d for d in f.demands}
        rows.append((f.label, [demand_status(fates[k].fate, fates[k].round, fates[k].made)
                               if k in fates else never_demanded() for k in keys]))
    return {"headers": list(keys.values()), "rows": rows}


def _track(facts: list[TableFacts]) -> dict:
    """Every milestone of the case, and when it operated at each table."""
    milestones: dict[str, str] = {}
    for f in facts:
        for m in f.session.scenario.milestones:
            milestones.setdefault(m.id, m.name)
    rows = [(f.label, [milestone_status(f.first_operating.get(m), m in f.operating)
                       for m in milestones]) for f in facts]
    return {"headers": list(milestones.values()), "rows": rows}


def _agreements(facts: list[TableFacts]) -> list[tuple[str, list[str]]]:
    """Each table's agreements in words, or why there are none to show."""
    out = []
    for f in facts:
        if f.agreements is None:
            out.append((f.label, [no_agreement_data()]))
        else:
            out.append((f.label, [agreement_line(a.round, a.parties, a.terms, a.status)
                                  for a in f.agreements] or [no_agreement()]))
    return out


def _deals(facts: list[TableFacts]) -> dict | None:
    """The agreements side by side, for the tables of one case with talks: a row per table
    with the option agreed on each issue and each delegation's value `value (walk-away)`,
    the values only for a game that is over or shown in full; None otherwise."""
    sc = facts[0].session.scenario
    if sc.negotiation is None or not _one_case(facts):
        return None
    issues = [i.id for i in sc.negotiation.issues]
    roles = [r for r in sc.role_ids if r in sc.negotiation.walk_away]
    rows = []
    for f in facts:
        st, game = f.session.state, f.session.game
        a = st.agreement
        status = agreements_of_status(a)
        terms = dict(a.terms) if a is not None else {}
        values, efficiency = ["–"] * len(roles), "–"
        if f.scored:
            away = walk_aways(st, game)
            live = a is not None and a.status == "in_force"
            values = [f"{game.talks.package_value(a.terms, r) if live and r in a.parties else away[r]}"
                      f" ({away[r]})" for r in roles]
            if live:
                efficiency = f"{measure_deal(game, a.terms, st).efficiency:.0%}"
        rows.append({"label": f.label, "status": status,
                     "options": [option_name(sc, i, terms[i]) if i in terms else "–"
                                 for i in issues],
                     "points": values, "efficiency": efficiency})
    return {"issues": [issue_name(sc, i) for i in issues],
            "roles": [role_name(sc, r) for r in roles], "rows": rows}


def agreements_of_status(a) -> str:  # noqa: ANN001
    """An agreement's status in a word or two, or that there is none."""
    if a is None:
        return _("none")
    return {"in_force": _("in force"), "failed": _("not ratified"),
            "pending": _("awaiting ratification")}.get(a.status, a.status)


def _cell(value):
    """A CSV cell; text that a spreadsheet would run as a formula is quoted with a leading '."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv_rows(f: TableFacts, source: str) -> list[list]:
    sc, session = f.session.scenario, f.session
    rows = []
    for role, t in f.teams.items():
        set_aside = next((str(d.round) for d in f.demands
                          if d.role == role and d.fate == "set_aside"), "")
        rows.append([f.label, source, sc.id, session.seed, role, role_name(sc, role),
                     "human" if t.human else f"ai:{t.persona}", "yes" if f.finished else "no",
                     len(session.state.records), f.ending or "", f.tension, len(f.operating),
                     *("" if v is None else v for v in (t.total, t.ending_points,
                                                       t.objective_points, t.objectives_met)),
                     t.objectives, t.orders, t.concessions, t.made, t.kept, t.broken, set_aside])
    return rows
