"""The questions a class debrief asks: drawn from where the tables' games differ.

Each finder looks at one kind of difference (a public demand set aside at some tables and
not at others, a milestone reached by some, different endings, one delegation's scores far
apart, broken commitments, concessions returned within the round, agreements) and, where
the tables differ, asks one question naming them. The sentences come from
`game.words.classroom`. Scores are compared only between tables whose scores may be shown.
"""

from __future__ import annotations

from game.debrief.classfacts import SET_ASIDE, TableFacts
from game.words import milestone_name, role_name
from game.words.classroom import (
    agreement_question,
    at_round,
    broken_at,
    broken_question,
    demand_question,
    ending_question,
    grit_question,
    milestone_question,
    no_differences,
    same_ending_question,
    score_question,
)

#: Scores of one delegation this far apart (or more) at two tables are worth a question.
SCORE_GAP = 3


def class_questions(facts: list[TableFacts]) -> list[str]:
    """The questions the differences between the tables raise, most telling first."""
    if len(facts) < 2:
        return [no_differences()]
    found = [*_endings(facts), *_demands(facts), *_milestones(facts), *_agreements(facts),
             *_scores(facts), *_broken(facts), *_grit(facts)]
    return found or [no_differences()]


def _demands(facts: list[TableFacts]) -> list[str]:
    """A demand set aside at some tables and still standing at others."""
    out = []
    keys = dict.fromkeys((d.role, d.demand) for f in facts for d in f.demands)
    for role, demand in keys:
        did, never = [], []
        for f in facts:
            fate = next((d for d in f.demands if (d.role, d.demand) == (role, demand)), None)
            if fate is None:
                continue
            if fate.fate == SET_ASIDE:
                did.append(at_round(f.label, fate.round))
            elif fate.round is None:
                never.append(f.label)
        if did and never:
            sc = facts[0].session.scenario
            name = next((x.name for x in sc.demands if x.id == demand), demand)
            out.append(demand_question(did, never, role_name(sc, role), name))
    return out


def _milestones(facts: list[TableFacts]) -> list[str]:
    """A milestone that operated at some tables and never at others (the first such only,
    and the furthest one reached, so the list stays short)."""
    out = []
    sc = facts[0].session.scenario
    for m in sc.milestones:
        did = [at_round(f.label, f.first_operating[m.id]) for f in facts if m.id in f.first_operating]
        never = [f.label for f in facts if m.id not in f.first_operating]
        if did and never:
            out.append(milestone_question(did, never, milestone_name(sc, m.id)))
    return out[:2]


def _endings(facts: list[TableFacts]) -> list[str]:
    """Finished tables that reached different endings: the best against the worst, in the
    order the scenario lists its endings (best first)."""
    done = [f for f in facts if f.finished and f.ending]
    if not done:
        return []
    order = {e.id: i for i, e in enumerate(done[0].session.scenario.endings)}
    by_ending: dict[str, list[TableFacts]] = {}
    for f in sorted(done, key=lambda f: order.get(f.ending, len(order))):
        by_ending.setdefault(f.ending, []).append(f)
    groups = list(by_ending.values())
    if len(groups) == 1:
        return [same_ending_question(groups[0][0].ending_name)] if len(done) > 1 else []
    best, worst = groups[0], groups[-1]
    return [ending_question([f.label for f in best], best[0].ending_name,
                            [f.label for f in worst], worst[0].ending_name)]


def _scores(facts: list[TableFacts]) -> list[str]:
    """One delegation's totals far apart at two scored tables."""
    scored = [f for f in facts if f.scored]
    out = []
    for role in scored[0].session.scenario.role_ids if scored else ():
        totals = [(f.teams[role].total, f.label) for f in scored if role in f.teams]
        if len(totals) < 2:
            continue
        high, low = max(t for t, _ in totals), min(t for t, _ in totals)
        if high - low >= SCORE_GAP:
            out.append(score_question(role_name(scored[0].session.scenario, role), high,
                                      [label for t, label in totals if t == high], low,
                                      [label for t, label in totals if t == low]))
    return out


def _broken(facts: list[TableFacts]) -> list[str]:
    """Commitments broken at some tables and at none of the others."""
    did = [broken_at(f.label, [(c.name, role_name(f.session.scenario, c.actor)) for c in f.broken])
           for f in facts if f.broken]
    others = [f.label for f in facts if not f.broken]
    return [broken_question(did, others)] if did and others else []


def _grit(facts: list[TableFacts]) -> list[str]:
    """Concessions returned within the round at some tables and never at others."""
    did = [at_round(f.label, f.first_grit) for f in facts if f.first_grit is not None]
    never = [f.label for f in facts if f.first_grit is None]
    return [grit_question(did, never)] if did and never else []


def _agreements(facts: list[TableFacts]) -> list[str]:
    """Agreements reached at some tables and not at others (only where games record them)."""
    known = [f for f in facts if f.agreements is not None]
    did = [f.label for f in known if f.agreements]
    none = [f.label for f in known if not f.agreements]
    return [agreement_question(did, none)] if did and none else []
