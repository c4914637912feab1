"""The balance lab's figures: aggregation, the author's flags and notes, and text, JSON and CSV.

Top finishes count only games a role wins alone; games where several roles share the
best total are counted as ties, separately, never as split wins. The flags, what they
mean and their thresholds are in `game.lab.flags`; each comes with its likely causes
(`game.lab.causes`, from the evidence the lab counts while it plays) and is worded as
a note with why and what to try (`game.lab.notes`). The terminal, the HTML report and
the JSON file all carry the same notes.

The summary is built from sections (`SECTIONS`), each a function of the report
giving its lines, so a new kind of figure is one more function.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import NamedTuple, TextIO

from game.lab.causes import explain
from game.lab.evidence import GameEvidence
from game.lab.flags import ENDING_MAX, IMBALANCE, OBJECTIVE_HIGH, OBJECTIVE_LOW, RARE, find_flags
from game.lab.notes import note
from game.lab.tally import Tally
from game.model.scenario import Scenario
from game.rules import compile_scenario
from game.rules.values import frontier, walk_aways
from game.words import _, ngettext


class GameRecord(NamedTuple):
    """What the report keeps of one game (small, so it crosses processes cheaply)."""

    assignment: int
    game: int
    seed: int
    ending: str
    rounds: int
    scores: tuple[int, ...]  # per role, in role order
    tension: tuple[int, ...]  # at the start, then after each round
    operating: tuple[tuple[bool, ...], ...]  # after each round, per milestone
    objectives: tuple[tuple[bool, ...], ...]  # per role, per objective
    actions: tuple[int, ...]  # times each action was ordered, in scenario order
    evidence: GameEvidence | None = None  # why things happened (see game.lab.evidence)
    talks: TalksRecord | None = None  # the negotiation's result (None: a case without talks)


class TalksRecord(NamedTuple):
    """What the report keeps of one game's talks."""

    package: tuple[tuple[str, str], ...] | None  # the package in force at the end, or None
    value: tuple[int, ...]  # per role: its talks score part (terms' value or walk-away value)
    walk_away: tuple[int, ...]  # per role: its walk-away value as the game ended
    efficiency: float | None  # the agreement's Pareto efficiency (None: no agreement)
    efficient: bool | None
    proposed: tuple[tuple[str, str], ...] = ()  # options needing ratification ever proposed


@dataclass
class Row:
    """The figures of one assignment of personas to roles."""

    personas: dict[str, str]
    games: int
    endings: dict[str, int]
    mean_score: dict[str, float]
    top_alone: dict[str, float]
    ties: float


@dataclass
class Report:
    """Every figure the lab prints, plus the flags."""

    scenario: str
    title: str
    seed: int
    games: int
    assignments: int
    assignments_total: int
    personas: list[str]
    roles: dict[str, str]  # id -> name
    mean_rounds: float
    endings: list[dict]
    top_alone: dict[str, float]
    top_shared: dict[str, float]
    ties: float
    fair_share: float
    mean_score: dict[str, float]
    persona_mean_score: dict[str, float]
    best_reply_share: dict[str, float]
    milestones: list[dict]
    tension_by_round: list[float]
    objectives: list[dict]
    actions: list[dict]
    rows: list[Row] = field(default_factory=list)
    agreements: dict | None = None  # share of games with one in force, packages and counts
    mean_value: dict[str, float] = field(default_factory=dict)  # talks score part, per role
    walk_away: dict[str, float] = field(default_factory=dict)  # walk-away value at the end
    roles_talks: dict[str, dict] = field(default_factory=dict)  # role -> both of the above
    pareto_efficiency: float | None = None  # mean over the agreements (None: none)
    pareto_efficient_share: float | None = None  # share of agreements that are efficient
    optimum: dict | None = None  # the frontier's best joint package and each party's gain
    # "issue=option" -> for each option with a ratification: games it was proposed in (and
    # their share), and of those the games it was in force at the end (ratified, and share).
    talks_ratification: dict[str, dict] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)  # each note's headline
    notes: list[dict] = field(default_factory=list)  # each flag: headline, why, tries, facts
    found: list = field(default_factory=list, repr=False)  # the flags as data (game.lab.flags)

    @staticmethod
    def build(scenario: Scenario, assignments, personas, games: list[GameRecord], seed: int,
              assignments_total: int | None = None, *, explain_flags: bool = True) -> Report:
        """Aggregate per-game records into the report; with `explain_flags` False the flags
        come without causes (`--suggest` only counts them)."""
        roles = scenario.role_ids
        n = max(1, len(games))
        alone, shared, ties = _tops(roles, games)
        rows = _rows(roles, assignments, games)
        report = Report(
            scenario.id, scenario.title, seed, len(games), len(assignments),
            assignments_total or len(assignments), list(personas),
            {r.id: r.name for r in scenario.roles}, sum(g.rounds for g in games) / n,
            _endings(scenario, games), alone, shared, ties, 1 / len(roles),
            {r: sum(g.scores[i] for g in games) / n for i, r in enumerate(roles)},
            _persona_means(rows, personas), _best_replies(rows, roles, personas),
            _milestones(scenario, games), _tension(games), _objectives(scenario, games),
            _actions(scenario, games), rows)
        _add_talks(report, scenario, games)
        tally = Tally.build(scenario, assignments, games)
        found = find_flags(report, tally)
        report.found = found
        found = [explain(flag, report, tally) for flag in found] if explain_flags else found
        report.notes = [asdict(note(flag, scenario)) for flag in found]
        report.flags = [n["text"] for n in report.notes]
        return report


def _add_talks(report: Report, scenario: Scenario, games: list[GameRecord]) -> None:
    """The negotiation's figures (left empty for a case without talks): how often an
    agreement was in force at the end and which packages, each role's mean talks value
    against its mean walk-away value, the agreements' Pareto efficiency, and the case's
    cooperative optimum (see `optimum`)."""
    if scenario.negotiation is None:
        return
    roles = scenario.role_ids
    played = [g.talks for g in games if g.talks is not None]
    n = max(1, len(played))
    deals = [t for t in played if t.package is not None]
    counts: dict[tuple, int] = {}
    for t in deals:
        counts[t.package] = counts.get(t.package, 0) + 1
    packages = sorted(counts.items(), key=lambda kv: -kv[1])
    report.agreements = {"share": len(deals) / n, "games": len(deals),
                         "packages": [{"terms": dict(p), "count": c} for p, c in packages]}
    report.mean_value = {r: sum(t.value[i] for t in played) / n for i, r in enumerate(roles)}
    report.walk_away = {r: sum(t.walk_away[i] for t in played) / n for i, r in enumerate(roles)}
    report.roles_talks = {r: {"mean_value": report.mean_value[r], "walk_away": report.walk_away[r]}
                          for r in roles}
    if deals:
        report.pareto_efficiency = sum(t.efficiency for t in deals) / len(deals)
        report.pareto_efficient_share = sum(1 for t in deals if t.efficient) / len(deals)
    report.optimum = optimum(scenario)
    report.talks_ratification = _ratification(scenario, played)


def _ratification(scenario: Scenario, played: list[TalksRecord]) -> dict[str, dict]:
    """For each option of the talks that needs ratification: how often it was proposed
    (in a proposal or a counter) and, of those games, how often it was in force at the end."""
    out = {}
    n = max(1, len(played))
    for issue in scenario.negotiation.issues:
        for option in issue.options:
            if option.ratification is None:
                continue
            key = (issue.id, option.id)
            asked = [t for t in played if key in t.proposed]
            passed = sum(1 for t in asked if t.package is not None and key in t.package)
            out[f"{issue.id}={option.id}"] = {
                "proposed": len(asked), "proposed_share": len(asked) / n, "ratified": passed,
                "ratified_share": passed / len(asked) if asked else 0.0}
    return out


def optimum(scenario: Scenario) -> dict | None:
    """The cooperative optimum: the frontier's package with the best joint gain over the
    walk-away values at the start, with each party's gain (None without a zone of
    agreement). `ties` is true when every package with that best joint gain gives every
    party the same gain, so no team can do better than another by cooperating."""
    game = compile_scenario(scenario)
    away = walk_aways(None, game)
    points = frontier(game)
    if not points:
        return None
    gains = [{r: v - away[r] for r, v in p.values.items()} for p in points]
    best = max(sum(g.values()) for g in gains)
    tops = [(p, g) for p, g in zip(points, gains, strict=True) if sum(g.values()) == best]
    return {"terms": dict(tops[0][0].terms), "gains": tops[0][1],
            "ties": all(len(set(g.values())) == 1 for _p, g in tops)}


def _winners(scores: tuple[int, ...]) -> list[int]:
    best = max(scores)
    return [i for i, s in enumerate(scores) if s == best]


def _tops(roles, games: list[GameRecord]) -> tuple[dict, dict, float]:
    n = max(1, len(games))
    alone, shared, ties = [0] * len(roles), [0] * len(roles), 0
    for g in games:
        win = _winners(g.scores)
        if len(win) == 1:
            alone[win[0]] += 1
        else:
            ties += 1
            for i in win:
                shared[i] += 1
    return ({r: alone[i] / n for i, r in enumerate(roles)},
            {r: shared[i] / n for i, r in enumerate(roles)}, ties / n)


def _rows(roles, assignments, games: list[GameRecord]) -> list[Row]:
    by: dict[int, list[GameRecord]] = {}
    for g in games:
        by.setdefault(g.assignment, []).append(g)
    rows = []
    for a, assignment in enumerate(assignments):
        mine = by.get(a, [])
        n = max(1, len(mine))
        endings: dict[str, int] = {}
        for g in mine:
            endings[g.ending] = endings.get(g.ending, 0) + 1
        alone, _shared, ties = _tops(roles, mine)
        rows.append(Row(dict(zip(roles, assignment, strict=True)), len(mine), endings,
                        {r: sum(g.scores[i] for g in mine) / n for i, r in enumerate(roles)},
                        alone, ties))
    return rows


def _endings(scenario: Scenario, games: list[GameRecord]) -> list[dict]:
    n = max(1, len(games))
    out = []
    for e in scenario.endings:
        count = sum(1 for g in games if g.ending == e.id)
        flag = "never" if count == 0 else "rare" if count / n < RARE else \
            "dominant" if count / n > ENDING_MAX else ""
        out.append({"id": e.id, "name": e.name, "games": count, "share": count / n, "flag": flag})
    return out


def _by_round(games: list[GameRecord], pick) -> list[float]:  # noqa: ANN001
    """The mean of pick(game, round) over games, each game's last value carried forward."""
    longest = max((len(g.tension) for g in games), default=0)
    n = max(1, len(games))
    return [sum(pick(g, min(r, len(g.tension) - 1)) for g in games) / n for r in range(longest)]


def _tension(games: list[GameRecord]) -> list[float]:
    return _by_round(games, lambda g, r: g.tension[r])


def _milestones(scenario: Scenario, games: list[GameRecord]) -> list[dict]:
    n = max(1, len(games))
    out = []
    for i, m in enumerate(scenario.milestones):
        at_end = sum(1 for g in games if g.operating and g.operating[-1][i]) / n
        ever = sum(1 for g in games if any(ops[i] for ops in g.operating)) / n
        by_round = _by_round(games, lambda g, r, i=i: bool(r and g.operating[r - 1][i]))
        out.append({"id": m.id, "name": m.name, "at_end": at_end, "ever": ever,
                    "by_round": by_round})
    return out


def _objectives(scenario: Scenario, games: list[GameRecord]) -> list[dict]:
    n = max(1, len(games))
    out = []
    for r, role in enumerate(scenario.roles):
        for o, obj in enumerate(role.objectives):
            met = sum(1 for g in games if g.objectives[r][o]) / n
            out.append({"role": role.id, "id": obj.id, "text": obj.text, "points": obj.points,
                        "met": met})
    return out


def _actions(scenario: Scenario, games: list[GameRecord]) -> list[dict]:
    n = max(1, len(games))
    total = max(1, sum(sum(g.actions) for g in games))
    out = []
    for i, a in enumerate(scenario.actions):
        times = sum(g.actions[i] for g in games)
        out.append({"id": a.id, "name": a.name, "per_game": times / n,
                    "games": sum(1 for g in games if g.actions[i]) / n, "share": times / total})
    return out


def _persona_means(rows: list[Row], personas) -> dict[str, float]:
    out = {}
    for p in personas:
        seats = [(r.mean_score[role], r.games) for r in rows for role, q in r.personas.items() if q == p]
        out[p] = sum(s * g for s, g in seats) / max(1, sum(g for _, g in seats))
    return out


def _best_replies(rows: list[Row], roles, personas) -> dict[str, float]:
    """Share of situations in which each persona is (jointly) the best reply."""
    won = dict.fromkeys(personas, 0.0)
    seen = dict.fromkeys(personas, 0)
    for role in roles:
        groups: dict[tuple, list[Row]] = {}
        for r in rows:
            key = tuple(r.personas[x] for x in roles if x != role)
            groups.setdefault(key, []).append(r)
        for group in groups.values():
            if len({r.personas[role] for r in group}) < 2:
                continue
            best = max(r.mean_score[role] for r in group)
            tops = [r.personas[role] for r in group if r.mean_score[role] == best]
            for r in group:
                seen[r.personas[role]] += 1
            for p in tops:
                won[p] += 1 / len(tops)
    return {p: won[p] / seen[p] for p in personas if seen[p]}


def write_text(report: Report, out: TextIO, *, detail: bool = False) -> None:
    """The human-readable report: the summary, then (with `detail`) one line per assignment."""
    for line in summary_lines(report):
        print(line, file=out)
    if detail:
        print("", file=out)
        for line in detail_lines(report):
            print(line, file=out)
    elif report.assignments > 1:
        print(_("\n(one line per assignment of personas: add --detail)"), file=out)


def _games_over(report: Report) -> str:
    """`10 games over 8 assignments of personas`, with "(sampled evenly from N)" if sampled."""
    games = ngettext("{n} game", "{n} games", report.games).format(n=report.games)
    over = ngettext("{games} over {n} assignment", "{games} over {n} assignments",
                    report.assignments).format(games=games, n=report.assignments)
    sampled = "" if report.assignments == report.assignments_total else _(
        " (sampled evenly from {n})").format(n=report.assignments_total)
    return over + sampled + _(" of personas")


def summary_lines(report: Report) -> list[str]:
    """The summary: each section of `SECTIONS` in turn (the figures fit a screen; the
    flags with their notes follow)."""
    return [line for section in SECTIONS for line in section(report)]


def _head_lines(report: Report) -> list[str]:
    each = report.games / max(1, report.assignments)
    return [_("Balance lab: {title} ({id}), seed {seed}").format(
                title=report.title, id=report.scenario, seed=report.seed),
            _("{run} ({each:.1f} games each); mean {rounds:.1f} rounds").format(
                run=_games_over(report), each=each, rounds=report.mean_rounds)]


def _ending_lines(report: Report) -> list[str]:
    width = max(len(e["name"]) for e in report.endings)
    notes = item_notes(report)
    return ["", _("Endings")] + [
        f"  {e['name']:<{width}}  {e['share']:6.1%}  {notes['ending', e['id']]}".rstrip()
        for e in report.endings]


def _score_lines(report: Report) -> list[str]:
    return [_("Mean score by role: ") + "  ".join(
                f"{r} {s:.1f}" for r, s in report.mean_score.items()),
            _("Mean score by persona: ") + "  ".join(
                f"{p} {s:.1f}" for p, s in report.persona_mean_score.items())]


def _flag_lines(report: Report) -> list[str]:
    return (["", _("Flags") if report.notes else _("Flags: none")]
            + [line for n in report.notes for line in _note_lines(n)])


def _note_lines(n: dict) -> list[str]:
    """One flag as the terminal prints it: `! headline`, then its why and try lines."""
    return ([f"  ! {n['text']}"] + [_("      why: {line}").format(line=w) for w in n["why"]]
            + [_("      try: {line}").format(line=t) for t in n["tries"]])


def item_notes(report: Report) -> dict[tuple[str, str], str]:
    """(section, id) -> the short note printed beside an ending, milestone, objective or
    action in every view of the report ("never chosen", "over 85%", ...)."""
    out = {("ending", e["id"]): {"never": _("never reached"), "rare": _("rare (under 2%)"),
                                 "dominant": _("over 85%")}.get(e["flag"], "")
           for e in report.endings}
    out |= {("milestone", m["id"]): _("never operates") if not m["ever"] else ""
            for m in report.milestones}
    out |= {("objective", f"{o['role']}.{o['id']}"):
            _("over 90%") if o["met"] > OBJECTIVE_HIGH else
            _("under 2%") if o["met"] < OBJECTIVE_LOW else "" for o in report.objectives}
    out |= {("action", a["id"]): _("never chosen") if not a["per_game"] else ""
            for a in report.actions}
    return out


def _top_lines(report: Report) -> list[str]:
    limit = report.fair_share + IMBALANCE
    lines = ["", _("Top finish alone (fair share {fair:.0%}; flagged above {limit:.0%})").format(
        fair=report.fair_share, limit=limit)]
    width = max(len(r) for r in report.top_alone)
    for role, share in report.top_alone.items():
        mark = "  !" if share > limit else ""
        lines.append(f"  {role:<{width}}  {share:6.1%}   " + _("shared top {s:.1%}").format(
            s=report.top_shared[role]) + mark)
    lines.append("  " + _("ties: {t:.1%} of games end with a shared top score").format(
        t=report.ties))
    return lines


def _track_lines(report: Report) -> list[str]:
    notes = item_notes(report)
    lines = []
    if report.milestones:
        lines += ["", _("Milestones operating at the end (ever operated)")]
        width = max(len(m["name"]) for m in report.milestones)
        lines += [f"  {m['name']:<{width}}  {m['at_end']:6.1%}  ({m['ever']:.1%})  "
                  f"{notes['milestone', m['id']]}".rstrip() for m in report.milestones]
    if report.objectives:
        lines += ["", _("Objectives met")]
        width = max(len(f"{o['role']}.{o['id']}") for o in report.objectives)
        for o in report.objectives:
            key = f"{o['role']}.{o['id']}"
            lines.append(f"  {key:<{width}}  {o['met']:6.1%}  {notes['objective', key]}".rstrip())
    lines += ["", _("Actions chosen (times per game; share of games)")]
    width = max(len(a["id"]) for a in report.actions)
    lines += [f"  {a['id']:<{width}}  {a['per_game']:5.2f}  {a['games']:6.1%}  "
              f"{notes['action', a['id']]}".rstrip() for a in report.actions]
    return lines


def _talk_lines(report: Report) -> list[str]:
    """The negotiation: agreements and packages, values against walk-away values, efficiency."""
    a = report.agreements
    if a is None:
        return []
    lines = ["", _("Talks"),
             "  " + _("Agreement in force at the end: {share:.1%} of games ({n} of {total})").format(
                 share=a["share"], n=a["games"], total=report.games)]
    if a["packages"]:
        lines.append("  " + ngettext("{n} package agreed (games, then its options by issue):",
                                     "{n} packages agreed (games, then their options by issue):",
                                     len(a["packages"])).format(n=len(a["packages"])))
        lines += [f"    {p['count']:>5}  " + " ".join(f"{i}={o}" for i, o in p["terms"].items())
                  for p in a["packages"]]
    lines.append("  " + _("Mean value from the talks against the mean walk-away value:"))
    width = max(len(r) for r in report.mean_value)
    lines += [f"    {r:<{width}}  {v:6.1f}  " + _("(walk-away {w:.1f})").format(
        w=report.walk_away[r]) for r, v in report.mean_value.items()]
    if report.pareto_efficiency is None:
        lines.append("  " + _("Pareto efficiency: no agreement to measure"))
    else:
        lines.append("  " + _("Pareto efficiency of the agreements: mean {eff:.1%}; efficient "
                              "in {share:.1%} of them").format(
            eff=report.pareto_efficiency, share=report.pareto_efficient_share))
    for key, r in report.talks_ratification.items():
        lines.append("  " + _("Needs ratification: {option} proposed in {asked:.1%} of games; in "
                              "force at the end in {passed:.1%} of those").format(
            option=key, asked=r["proposed_share"], passed=r["ratified_share"]))
    if report.optimum:
        gains = "  ".join(f"{r} {g:+d}" for r, g in report.optimum["gains"].items())
        lines.append("  " + _("Cooperative optimum (best joint gain): {terms}; gains {gains}").format(
            terms=" ".join(f"{i}={o}" for i, o in report.optimum["terms"].items()), gains=gains))
    return lines


#: The summary's sections, in order: each a function of the report giving its lines. A
#: new kind of figure (negotiation figures, say) is one more function here.
SECTIONS = (_head_lines, _ending_lines, _top_lines, _score_lines, _talk_lines, _track_lines,
            _flag_lines)


def detail_lines(report: Report) -> list[str]:
    """One line per assignment: personas, games, endings, mean scores, top finishes."""
    lines = [_("Per assignment (personas in role order: {roles})").format(
        roles=", ".join(report.roles))]
    for i, r in enumerate(report.rows, 1):
        ends = " ".join(f"{e}:{n}" for e, n in r.endings.items())
        scores = " ".join(f"{s:.1f}" for s in r.mean_score.values())
        tops = " ".join(f"{s:.0%}" for s in r.top_alone.values())
        lines.append(f"  #{i} {'/'.join(r.personas.values())}  "
                     + ngettext("{n} game", "{n} games", r.games).format(n=r.games) + "  "
                     + _("endings {ends}; scores {scores}; alone top {tops}; ties {ties:.0%}").format(
                         ends=ends, scores=scores, tops=tops, ties=r.ties))
    return lines


def figures(report: Report) -> dict:
    """Every figure as JSON-ready data (the flags as the notes that word them)."""
    return {k: v for k, v in asdict(report).items() if k != "found"}


def figure_rows(report: Report) -> list[tuple]:
    """Every figure as (section, key, measure, value): the CSV form of `figures`."""
    rows: list[tuple] = [("run", "games", "count", report.games),
                         ("run", "assignments", "count", report.assignments),
                         ("run", "mean_rounds", "mean", round(report.mean_rounds, 4)),
                         ("top", "ties", "share", round(report.ties, 4))]
    rows += [("ending", e["id"], "share", round(e["share"], 4)) for e in report.endings]
    rows += [("top_alone", r, "share", round(s, 4)) for r, s in report.top_alone.items()]
    rows += [("top_shared", r, "share", round(s, 4)) for r, s in report.top_shared.items()]
    rows += [("mean_score", r, "mean", round(s, 4)) for r, s in report.mean_score.items()]
    rows += [("persona_score", p, "mean", round(s, 4)) for p, s in report.persona_mean_score.items()]
    rows += [("best_reply", p, "share", round(s, 4)) for p, s in report.best_reply_share.items()]
    for m in report.milestones:
        rows += [("milestone", m["id"], "at_end", round(m["at_end"], 4)),
                 ("milestone", m["id"], "ever", round(m["ever"], 4))]
        rows += [("milestone_round", m["id"], str(r), round(v, 4)) for r, v in enumerate(m["by_round"])]
    rows += [("tension_round", "tension", str(r), round(v, 4))
             for r, v in enumerate(report.tension_by_round)]
    rows += [("objective", f"{o['role']}.{o['id']}", "met", round(o["met"], 4))
             for o in report.objectives]
    for a in report.actions:
        rows += [("action", a["id"], "per_game", round(a["per_game"], 4)),
                 ("action", a["id"], "games", round(a["games"], 4))]
    if report.agreements is not None:
        rows += [("talks", "agreements", "share", round(report.agreements["share"], 4))]
        rows += [("talks_package", " ".join(f"{i}={o}" for i, o in p["terms"].items()), "count",
                  p["count"]) for p in report.agreements["packages"]]
        rows += [("talks_value", r, "mean", round(v, 4)) for r, v in report.mean_value.items()]
        rows += [("talks_walk_away", r, "mean", round(v, 4)) for r, v in report.walk_away.items()]
        for key, r in report.talks_ratification.items():
            rows += [("talks_ratification", key, "proposed_share", round(r["proposed_share"], 4)),
                     ("talks_ratification", key, "ratified_share", round(r["ratified_share"], 4))]
        if report.pareto_efficiency is not None:
            rows += [("talks", "pareto_efficiency", "mean", round(report.pareto_efficiency, 4)),
                     ("talks", "pareto_efficient", "share",
                      round(report.pareto_efficient_share, 4))]
    for i, n in enumerate(report.notes, 1):
        rows += [("flag", str(i), "text", n["text"])]
        rows += [("flag", str(i), "why", w) for w in n["why"]]
        rows += [("flag", str(i), "try", t) for t in n["tries"]]
    return rows


def games_csv_rows(report: Report, games: list[GameRecord]) -> list[list]:
    """One row per game: its assignment, seed, ending, rounds, scores and top finishers."""
    roles = list(report.roles)
    rows = [["game", "assignment", *(f"persona_{r}" for r in roles), "seed", "ending",
             "rounds", *(f"score_{r}" for r in roles), "top", "tie", "final_tension",
             *(f"operating_{m['id']}" for m in report.milestones)]]
    for n, g in enumerate(games, 1):
        row = report.rows[g.assignment]
        win = _winners(g.scores)
        ops = g.operating[-1] if g.operating else (False,) * len(report.milestones)
        rows.append([n, g.assignment + 1, *row.personas.values(), g.seed, g.ending, g.rounds,
                     *g.scores, " ".join(roles[i] for i in win), int(len(win) > 1),
                     g.tension[-1], *(int(o) for o in ops)])
    return rows
