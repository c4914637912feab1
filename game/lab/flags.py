"""The balance lab's flags: what an author should look at, found from the report's figures.

Each flag is data - a kind, the id it is about and its figures - so the cause-finding
(`game.lab.causes`) can add why, and `game.lab.notes` can word it. The kinds:

- `role_top_high`: a role wins alone more than `IMBALANCE` (15 points) above the fair
  share 1/n; `role_top_low`: under `BEHIND` (half) of the fair share, unless at least
  `TIED` (half) of the games end with a shared top score, when no one wins alone;
- `role_top_rare`: when ties silence `role_top_low`, a role at the top (alone or in a
  shared top score) in under `BEHIND` (half) of its fair share of games;
- `optimum_tie`: a case whose cooperative optimum (the frontier's package with the best
  joint gain over the walk-away values) gives every party the same gain, so cooperation
  cannot tell the teams apart;
- `ending_never`, `ending_rare` (under `RARE`, 2%), `ending_dominant` (over `ENDING_MAX`, 85%);
- `persona_dominates`: the best reply (the highest mean score for its role) in at least
  `DOMINANT` of the situations where it could be picked (a situation: one role and one
  choice of personas for the other roles);
- `persona_decides`: when a persona sits at the table one ending ends more than
  `DECIDES` (75%) of the games, and at most half as many of the games without it;
- `action_never`: an action no one ever chose; `milestone_never`: a milestone that
  never operated;
- `objective_always` (met in over `OBJECTIVE_HIGH`, 90%) and `objective_rare` (under
  `OBJECTIVE_LOW`, 2%).
"""

from __future__ import annotations

from dataclasses import dataclass, field

IMBALANCE = 0.15
BEHIND = 0.5
RARE = 0.02
ENDING_MAX = 0.85
DOMINANT = 0.75
DECIDES = 0.75
OBJECTIVE_HIGH = 0.90
OBJECTIVE_LOW = 0.02
TIED = 0.5  # with half the games or more tied at the top, no role is called behind


@dataclass
class Cause:
    """One likely cause of a flag, as facts; `game.lab.notes` words it and its fix."""

    kind: str
    facts: dict


@dataclass
class Flag:
    """One thing the author should look at: its kind, the id it is about, its figures,
    and the likely causes found for it."""

    kind: str
    subject: str
    facts: dict
    causes: list[Cause] = field(default_factory=list)


def find_flags(report, tally) -> list[Flag]:  # noqa: ANN001 - Report, Tally
    """Every flag of a report, in a fixed order: roles, endings, personas, then the parts
    of the scenario in file order."""
    return [*_roles(report), *_endings(report), *_personas(report, tally), *_actions(report),
            *_milestones(report), *_objectives(report)]


def _roles(report) -> list[Flag]:  # noqa: ANN001
    out = []
    fair = report.fair_share
    for role, share in report.top_alone.items():
        if share > fair + IMBALANCE:
            out.append(Flag("role_top_high", role, {"share": share, "fair": fair}))
        elif share < fair * BEHIND and report.ties < TIED:
            out.append(Flag("role_top_low", role, {"share": share, "fair": fair}))
        elif share + report.top_shared.get(role, 0) < fair * BEHIND:
            out.append(Flag("role_top_rare", role, {"share": share + report.top_shared[role],
                                                    "fair": fair}))
    optimum = getattr(report, "optimum", None)
    if optimum and optimum["ties"]:
        out.append(Flag("optimum_tie", "negotiation", {"terms": optimum["terms"],
                                                       "gains": optimum["gains"]}))
    return out


def _endings(report) -> list[Flag]:  # noqa: ANN001
    kinds = {"never": "ending_never", "rare": "ending_rare", "dominant": "ending_dominant"}
    return [Flag(kinds[e["flag"]], e["id"], {"name": e["name"], "share": e["share"],
                                             "games": e["games"], "total": report.games})
            for e in report.endings if e["flag"]]


def _personas(report, tally) -> list[Flag]:  # noqa: ANN001
    out = [Flag("persona_dominates", p, {"share": share})
           for p, share in report.best_reply_share.items() if share >= DOMINANT]
    if tally is None:
        return out
    for p in report.personas:
        with_p = [e for e, seats in zip(tally.endings, tally.seats, strict=True) if p in seats]
        without = [e for e, seats in zip(tally.endings, tally.seats, strict=True) if p not in seats]
        if not with_p or not without:
            continue
        top = max(set(with_p), key=lambda e: (with_p.count(e), e))
        share, other = with_p.count(top) / len(with_p), without.count(top) / len(without)
        if share > DECIDES and other <= share / 2:
            out.append(Flag("persona_decides", p, {"ending": top, "share": share,
                                                   "without": other}))
    return out


def _actions(report) -> list[Flag]:  # noqa: ANN001
    return [Flag("action_never", a["id"], {"name": a["name"]}) for a in report.actions
            if not a["per_game"]]


def _milestones(report) -> list[Flag]:  # noqa: ANN001
    return [Flag("milestone_never", m["id"], {"name": m["name"]}) for m in report.milestones
            if not m["ever"]]


def _objectives(report) -> list[Flag]:  # noqa: ANN001
    out = []
    for o in report.objectives:
        facts = {"role": o["role"], "objective": o["id"], "met": o["met"]}
        if o["met"] > OBJECTIVE_HIGH:
            out.append(Flag("objective_always", f"{o['role']}.{o['id']}", facts))
        elif o["met"] < OBJECTIVE_LOW:
            out.append(Flag("objective_rare", f"{o['role']}.{o['id']}", facts))
    return out


def distance(flag: Flag) -> float:
    """How far past its threshold a flag is, 0..1: what `--suggest` tries to shrink when
    no change removes a flag outright."""
    f = flag.facts
    share = f.get("share", f.get("met", 0.0))
    by_kind = {
        "role_top_high": lambda: share - (f.get("fair", 0) + IMBALANCE),
        "role_top_low": lambda: f.get("fair", 0) * BEHIND - share,
        "role_top_rare": lambda: f.get("fair", 0) * BEHIND - share,
        "ending_never": lambda: RARE, "ending_rare": lambda: RARE - share,
        "ending_dominant": lambda: share - ENDING_MAX,
        "persona_dominates": lambda: share - DOMINANT, "persona_decides": lambda: share - DECIDES,
        "objective_always": lambda: share - OBJECTIVE_HIGH,
        "objective_rare": lambda: OBJECTIVE_LOW - share,
    }
    return max(0.0, by_kind[flag.kind]()) if flag.kind in by_kind else 1.0
