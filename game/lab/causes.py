"""Why a flag is raised: its likely causes in scenario terms, found from what the lab counted.

Each flag kind has one function that reads the `Tally` (when actions were open and
what closed them, how offers were answered and at what trust, the tension each
persona added, the end of each game) and the scenario's specs, and returns `Cause`s
as facts; `game.lab.notes` words them with a fix. The causes rest only on what the
lab can count itself, so they hold whatever words the personas use; when the
personas give typed reasons, a cause kind that reads them can be added here.

Cause kinds: `closed` (an action or proposal closed by a requirement), `passed_over`
(open, but of a kind no persona picks), `declined` (offers declined by a persona),
`test` (one test of a condition and how often it held), `score_gap` (where a role's
points come from), `persona_profile` (how a persona answers and how much tension it
adds), `catch_all` (an ending reached because the endings above it are not).
"""

from __future__ import annotations

from game.lab.flags import Cause, Flag
from game.lab.readings import leaves, reading
from game.lab.tally import Offers, Tally
from game.model.scenario import ActionSpec, Condition

#: A persona counts as declining offers when it declines at least this share of them...
DECLINES = 0.5
#: ... out of at least this many answers.
MIN_ANSWERS = 5


def explain(flag: Flag, report, tally: Tally | None) -> Flag:  # noqa: ANN001 - Report
    """The flag with its causes added (none when the lab kept no evidence)."""
    if tally is not None and tally.evidence:
        finder = FINDERS.get(flag.kind)
        flag.causes = finder(flag, report, tally) if finder else []
    return flag


def _action_index(tally: Tally, action_id: str) -> int:
    return next(i for i, a in enumerate(tally.scenario.actions) if a.id == action_id)


def closed_causes(tally: Tally, action: ActionSpec, limit: int = 2) -> list[Cause]:
    """What closed the action, most often first (shares of the role-rounds it could be taken)."""
    i = _action_index(tally, action.id)
    slots = tally.slots(i)
    return [Cause("closed", {"action": action.id, "why": why.kind, "subject": why.subject,
                             "share": share, "open": tally.open[i] / max(1, slots)})
            for why, share in tally.closures(i)[:limit] if share >= 0.05]


#: Which personas ever pick each kind of step (see docs/authoring.md, *Personas*). A
#: concession counts only toward a role: one it is aimed at, or whose trust in the actor
#: it raises. `baseline` picks any step but a demand, by family, when trust allows.
READERS: dict[str, frozenset[str]] = {
    "concession": frozenset({"reciprocator", "cooperative", "legalist", "opportunist",
                             "assurer", "holdout", "alliance", "baseline"}),
    "demand": frozenset({"hardliner", "legalist", "holdout"}),
    "drop": frozenset({"legalist", "holdout", "baseline"}),
    "promise": frozenset({"legalist", "assurer", "baseline"}),
    "guarantee": frozenset({"legalist", "baseline"}),
    "pressure": frozenset({"hardliner", "reciprocator", "opportunist", "assurer", "holdout",
                           "alliance", "baseline"}),
    "home": frozenset({"reciprocator", "hardliner", "legalist", "opportunist", "assurer",
                       "holdout", "alliance", "baseline"}),
}


def step_kind(action: ActionSpec) -> str:
    """What kind of step an action is, as the personas read it; "" for one no persona
    reads at all (see `passed_over` for why)."""
    gains = sum(e.support for e in action.effects if e.support is not None and e.who in ("actor", "all"))
    if action.makes_demand:
        return "demand"
    if action.drops_demand:
        return "drop"
    if action.satisfies_demand and action.ratification:
        return "guarantee"
    if action.family == "pressure":
        return "pressure" if action.cost == 1 and not action.withdraws else ""
    if action.family == "home_front":
        return "home" if gains > 0 else ""
    if action.concession:
        return "concession"
    return "promise" if action.commitment and not action.ratification else ""


def passed_over(action: ActionSpec, personas: tuple[str, ...] | list[str]) -> str:
    """Why no persona of those played picks an open action of this kind; "" if one would.

    Personas read these marks of an action: a concession toward a role, a demand made or
    dropped, a written commitment, a ratified guarantee that meets a demand, pressure
    costing 1 point aimed at a partner they distrust, and a home-front move that gains
    the actor support. None of them ever withdraws from a milestone."""
    if not (action.effects or action.offer or action.commitment or action.makes_demand
            or action.drops_demand or action.establishes or action.withdraws):
        return "no_op"
    kind = step_kind(action)
    if action.withdraws:
        return "withdrawal"
    if action.family == "pressure":
        return "pressure_costly" if not kind else "pressure_trusted"
    if action.family == "home_front" and not kind:
        return "home_no_gain"
    if not kind:
        return "not_concession"
    if kind == "concession" and action.target == "none" and not action.establishes and not any(
            e.trust is not None and e.trust > 0 and e.toward == "actor" for e in action.effects):
        return "concession_nowhere"
    if not READERS[kind] & set(personas):
        return "unread"
    return "ratification_odds" if kind == "guarantee" else ""


def _action_never(flag: Flag, report, tally: Tally) -> list[Cause]:  # noqa: ANN001
    action = next(a for a in tally.scenario.actions if a.id == flag.subject)
    i = _action_index(tally, action.id)
    closed = closed_causes(tally, action)
    if tally.open[i] == 0:
        return closed
    why = passed_over(action, report.personas) or "outranked"
    facts = {"action": action.id, "why": why, "open": tally.open[i] / max(1, tally.slots(i)),
             "cost": action.cost, "family": action.family}
    if why == "unread":
        facts |= {"kind": step_kind(action), "readers": sorted(READERS[step_kind(action)])}
    facts |= _rival(report, tally, action) if why == "outranked" else {}
    facts |= _pair_trust(tally, action) if why == "pressure_trusted" else {}
    if why == "ratification_odds":
        facts |= {"threshold": action.ratification.threshold}
    return [c for c in closed if c.facts["share"] >= 0.25] + [Cause("passed_over", facts)]


def _rival(report, tally: Tally, action: ActionSpec) -> dict:  # noqa: ANN001
    """The action personas chose most in its place: the same kind of step as they read
    it (`step_kind`, and offer or proposal alike), open to one of the same roles, chosen
    at least once."""
    def roles(a: ActionSpec) -> set[str]:
        return set(a.aims) if a.aims else set(a.roles or tally.roles)

    kind = step_kind(action)
    chosen = [(report.actions[j]["per_game"], a) for j, a in enumerate(tally.scenario.actions)
              if a.id != action.id and step_kind(a) == kind and roles(a) & roles(action)
              and report.actions[j]["per_game"]]
    alike = [(n, a) for n, a in chosen if a.offer == action.offer
             and bool(a.establishes) == bool(action.establishes)]
    if not (alike or chosen):
        return {}
    _n, rival = max(alike or chosen, key=lambda x: x[0])
    return {"rival": rival.id, "rival_cost": rival.cost, "rival_alike": bool(alike)}


def _pair_trust(tally: Tally, action: ActionSpec) -> dict:
    """The mean trust, at the end of the games, of the roles that may take a pressure
    action in the roles they may aim it at: personas press only those they distrust."""
    pairs = [(x, y) for x, ys in action.aims.items() for y in ys] if action.aims else \
        [(x, y) for x in (action.roles or tally.roles) for y in tally.roles if x != y]
    values = [e.evidence.meters[tally.meter(f"trust.{x}.{y}")] for e in tally.ends
              if e.evidence is not None for x, y in pairs]
    return {"pairs": [f"{x}>{y}" for x, y in pairs],
            "trust": sum(values) / len(values) if values else None}


def declines(tally: Tally, **which: str) -> list[Cause]:
    """Personas that declined most of the matching offers, worst first (at most two)."""
    found = [(o.declined_share, key, o) for key, o in tally.answers_by(**which).items()
             if o.answers >= MIN_ANSWERS and o.declined_share >= DECLINES]
    found.sort(key=lambda x: (-x[0], x[1]))
    return [_declined(key, o) for _share, key, o in found[:2]]


def _declined(key: tuple[str, str, str], o: Offers) -> Cause:
    persona, responder, offerer = key
    return Cause("declined", {"persona": persona, "responder": responder, "offerer": offerer,
                              "share": o.declined_share, "answers": o.answers,
                              "trust": round(o.mean_declining),
                              "lowest_accepted": o.lowest_accepted if o.accepted else None})


def _milestone_never(flag: Flag, report, tally: Tally) -> list[Cause]:  # noqa: ANN001
    out: list[Cause] = []
    for action in (a for a in tally.scenario.actions if a.establishes == flag.subject):
        i = _action_index(tally, action.id)
        out += closed_causes(tally, action) if tally.open[i] < tally.slots(i) else []
        out += declines(tally, action=action.id)
        if tally.open[i] and not report.actions[i]["per_game"]:
            out += [c for c in _action_never(Flag("action_never", action.id, {}), report, tally)
                    if c.kind == "passed_over"]
    return out[:3]


def test_causes(tally: Tally, cond: Condition, owner: str | None, *, most: bool) -> list[Cause]:
    """The test of a condition that held most (`most`) or least often, with its figures."""
    found = reading(cond, tally.ends, tally.meter, tally.roles, owner)
    if not found:
        return []
    pick = max(found, key=lambda r: r.held) if most else min(found, key=lambda r: r.held)
    leaf = pick.leaf
    return [Cause("test", {"kind": leaf.kind, "subject": list(leaf.subject), "min": leaf.low,
                           "max": leaf.high, "held": pick.held, "mean": pick.mean})]


def _objective(flag: Flag, report, tally: Tally) -> list[Cause]:  # noqa: ANN001
    role = tally.scenario.role(flag.facts["role"])
    obj = next(o for o in role.objectives if o.id == flag.facts["objective"])
    return test_causes(tally, obj.when, role.id, most=flag.kind == "objective_always")


def _ending(flag: Flag, report, tally: Tally) -> list[Cause]:  # noqa: ANN001
    endings = tally.scenario.endings
    index = next(i for i, e in enumerate(endings) if e.id == flag.subject)
    ending = endings[index]
    if flag.kind == "ending_dominant" and not leaves(ending.when):
        rarest = min(endings[:index], key=lambda e: tally.endings.count(e.id), default=None)
        if rarest is None:
            return []
        return [Cause("catch_all", {"ending": ending.id, "above": rarest.id,
                                    "share": tally.endings.count(rarest.id) / max(1, len(tally.endings))}),
                *test_causes(tally, rarest.when, None, most=False)]
    return test_causes(tally, ending.when, None, most=flag.kind == "ending_dominant")


def _points(report, tally: Tally, role: str) -> tuple[float, float]:  # noqa: ANN001
    """(mean objective points, mean ending points) of a role per game."""
    objective = sum(o["met"] * o["points"] for o in report.objectives if o["role"] == role)
    return objective, report.mean_score[role] - objective


def _role(flag: Flag, report, tally: Tally) -> list[Cause]:  # noqa: ANN001
    role = flag.subject
    others = [r for r in tally.roles if r != role]
    mine_obj, mine_end = _points(report, tally, role)
    theirs = [_points(report, tally, r) for r in others]
    objs = [o for o in report.objectives if o["role"] == role]
    hardest = min(objs, key=lambda o: o["met"], default=None)
    gap = Cause("score_gap", {
        "role": role, "score": report.mean_score[role],
        "others": sum(report.mean_score[r] for r in others) / max(1, len(others)),
        "objective_points": mine_obj, "others_objective_points":
            sum(t[0] for t in theirs) / max(1, len(theirs)),
        "ending_points": mine_end, "others_ending_points": sum(t[1] for t in theirs) / max(1, len(theirs)),
        "hardest": hardest["id"] if hardest else None, "hardest_met": hardest["met"] if hardest else None})
    return [gap, *(declines(tally, offerer=role) if flag.kind == "role_top_low" else [])]


def persona_profile(tally: Tally, persona: str) -> Cause:
    """How a persona answers offers and how much tension its seats add, against the rest."""
    mine, rest = Offers(), Offers()
    for (_a, _off, _resp, p), o in tally.offers.items():
        target = mine if p == persona else rest
        target.accepted += o.accepted
        target.declined += o.declined
        target.trust_declined += o.trust_declined
    added, seats = tally.tension.get(persona, [0, 0])
    other = [v for p, v in tally.tension.items() if p != persona]
    other_added, other_seats = sum(v[0] for v in other), sum(v[1] for v in other)
    return Cause("persona_profile", {
        "persona": persona, "declined": mine.declined_share, "others_declined": rest.declined_share,
        "trust": round(mine.mean_declining), "tension": added / max(1, seats),
        "others_tension": other_added / max(1, other_seats)})


def _persona(flag: Flag, report, tally: Tally) -> list[Cause]:  # noqa: ANN001
    out = [persona_profile(tally, flag.subject)]
    worst = declines(tally)
    return out + [c for c in worst if c.facts["persona"] == flag.subject][:1]


FINDERS = {
    "action_never": _action_never, "milestone_never": _milestone_never,
    "objective_always": _objective, "objective_rare": _objective,
    "ending_never": _ending, "ending_rare": _ending, "ending_dominant": _ending,
    "role_top_low": _role, "role_top_high": _role,
    "persona_decides": _persona, "persona_dominates": _persona,
}
