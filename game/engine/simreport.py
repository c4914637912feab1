"""The balance lab's figures: aggregation, the author flags, and text, JSON and CSV output.

Top finishes are shared on ties: a game where two roles share the best total gives
each half a top finish. A persona "dominates" when it is the best reply (the highest
mean score for its role) in at least `DOMINANT` of the situations where it could be
picked, a situation being one role and one choice of personas for the other roles.
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO

from game.model.scenario import Scenario

ROLE_TOP = 0.55  # a role finishing top more often than this is favoured by the scenario
ENDING_MAX = 0.85  # one ending above this share of all games leaves little to discover
DOMINANT = 0.75  # best reply in this share of situations: a strategy that always pays


@dataclass
class Row:
    """The figures of one assignment of personas to roles."""

    personas: dict[str, str]
    games: int
    endings: dict[str, int]
    mean_rounds: float
    mean_score: dict[str, float]
    top_share: dict[str, float]


@dataclass
class Report:
    """Every figure the lab prints, plus the flags."""

    scenario: str
    seed: int
    endings: dict[str, str]  # ending id -> name, in file order
    rows: list[Row]
    total_endings: dict[str, int]
    role_top_share: dict[str, float]
    persona_mean_score: dict[str, float]
    best_reply_share: dict[str, float]
    flags: list[str]

    @staticmethod
    def build(scenario: Scenario, assignments, personas, results, seed: int) -> Report:
        """Aggregate per-game results (grouped by assignment) into the report."""
        roles = scenario.role_ids
        rows = [_row(roles, a, games) for a, games in zip(assignments, results, strict=True)]
        endings = {e.id: e.name for e in scenario.endings}
        total = {e: sum(r.endings.get(e, 0) for r in rows) for e in endings}
        games = sum(r.games for r in rows)
        role_top = {role: sum(r.top_share[role] * r.games for r in rows) / games for role in roles}
        report = Report(scenario.id, seed, endings, rows, total, role_top,
                        _persona_means(rows, personas), _best_replies(rows, roles, personas), [])
        report.flags = _flags(report, games)
        return report


def _row(roles, assignment, games) -> Row:
    n = len(games)
    endings: dict[str, int] = {}
    top = dict.fromkeys(roles, 0.0)
    for ending, _, scores in games:
        endings[ending] = endings.get(ending, 0) + 1
        best = max(scores)
        winners = [r for r, s in zip(roles, scores, strict=True) if s == best]
        for r in winners:
            top[r] += 1 / len(winners)
    return Row(dict(zip(roles, assignment, strict=True)), n, endings,
               sum(g[1] for g in games) / n,
               {r: sum(g[2][i] for g in games) / n for i, r in enumerate(roles)},
               {r: top[r] / n for r in roles})


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


def _flags(report: Report, games: int) -> list[str]:
    flags = []
    for role, share in report.role_top_share.items():
        if share > ROLE_TOP:
            flags.append(f"role {role} finishes top in {share:.0%} of games (over {ROLE_TOP:.0%})")
    for e, name in report.endings.items():
        n = report.total_endings[e]
        if n == 0:
            flags.append(f"ending {name!r} is never reached")
        elif n / games > ENDING_MAX:
            flags.append(f"ending {name!r} ends {n / games:.0%} of all games (over {ENDING_MAX:.0%})")
    for p, share in report.best_reply_share.items():
        if share >= DOMINANT:
            flags.append(f"persona {p} dominates: best reply in {share:.0%} of situations "
                         f"(at least {DOMINANT:.0%})")
    return flags


def write_text(report: Report, out: TextIO) -> None:
    """The human-readable report."""
    games = sum(r.games for r in report.rows)
    print(f"Scenario {report.scenario}: {len(report.rows)} assignment(s), {games} games, "
          f"seed {report.seed}", file=out)
    for i, r in enumerate(report.rows, 1):
        who = "  ".join(f"{role}={p}" for role, p in r.personas.items())
        print(f"\n#{i} {who}  ({r.games} games, mean rounds {r.mean_rounds:.1f})", file=out)
        ends = ", ".join(f"{name} {r.endings.get(e, 0) / r.games:.0%}"
                         for e, name in report.endings.items())
        print(f"   endings: {ends}", file=out)
        for role in r.personas:
            print(f"   {role:<14} {r.personas[role]:<16} mean score {r.mean_score[role]:5.1f}"
                  f"   top finish {r.top_share[role]:4.0%}", file=out)
    print("\nAll games:", file=out)
    print("   endings: " + ", ".join(f"{name} {report.total_endings[e] / games:.0%}"
                                     for e, name in report.endings.items()), file=out)
    print("   top finish by role: " + ", ".join(f"{r} {s:.0%}"
                                                for r, s in report.role_top_share.items()), file=out)
    print("   mean score by persona: " + ", ".join(
        f"{p} {s:.1f}" for p, s in report.persona_mean_score.items()), file=out)
    if report.best_reply_share:
        print("   best reply share by persona: " + ", ".join(
            f"{p} {s:.0%}" for p, s in report.best_reply_share.items()), file=out)
    print("\nFlags:" if report.flags else "\nFlags: none", file=out)
    for f in report.flags:
        print(f"   ! {f}", file=out)


def write_json(report: Report, path: Path) -> None:
    """The same figures as JSON."""
    path.write_text(json.dumps(asdict(report), indent=2) + "\n", encoding="utf-8")


def write_csv(report: Report, path: Path) -> None:
    """The same figures as CSV: one line per assignment and role, one per role over all
    games, then one per persona (its mean score and best-reply share)."""
    ends = list(report.endings)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["assignment", "role", "persona", "games", "mean_rounds", "mean_score",
                    "top_share", *(f"ending_{e}" for e in ends), "best_reply_share"])
        for i, r in enumerate(report.rows, 1):
            for role, p in r.personas.items():
                w.writerow([i, role, p, r.games, f"{r.mean_rounds:.3f}", f"{r.mean_score[role]:.3f}",
                            f"{r.top_share[role]:.4f}", *(r.endings.get(e, 0) for e in ends), ""])
        games = sum(r.games for r in report.rows)
        for role, share in report.role_top_share.items():
            w.writerow(["all", role, "", games, "", "", f"{share:.4f}",
                        *(report.total_endings[e] for e in ends), ""])
        for p, score in report.persona_mean_score.items():
            reply = report.best_reply_share.get(p)
            w.writerow(["all", "", p, "", "", f"{score:.3f}", "", *("" for _ in ends),
                        "" if reply is None else f"{reply:.4f}"])
