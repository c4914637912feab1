"""The debrief's "The dilemma in this game": the case's central choice told from this game's
ledger, near the top of the page.

The central choice of a case with public demands: the demand itself, the guarantee that
meets it but needs ratification at home (and almost never passes), the assurance that
needs no vote, and backing down (setting the demand aside, at an audience cost). Each
fact is read from the state and its ledger: who stood by the demand, each guarantee
offered and its ratification roll, a package of the talks whose option needed
ratification and what became of it, each assurance given and whether it was kept, and
each climb-down with the support it cost.

Fog: while a game runs, only public facts are said (who did what, and every vote's
result); the support a climb-down cost is each team's secret until the game is over.
"""

from __future__ import annotations

from game.model.actions import Action, BadMoveText
from game.model.results import DetailKind
from game.words import report as words


def dilemma_lines(session, reveal: bool) -> list[str]:
    """The central choice of `session`'s game in short sentences ([] without a demand).
    `reveal`: the game is over (or the facilitator asked for everything), so the support
    backing down cost may be named."""
    sc, state = session.scenario, session.state
    demand = next(iter(sc.demands), None)
    if demand is None:
        return []
    guarantee = next((a for a in sc.actions if a.satisfies_demand == demand.id), None)
    assurance = next((a for a in sc.actions if a.id in demand.commitment_relief), None)
    out = []
    started = [d.role for d in sc.start_demands if d.demand == demand.id]
    made = [(r.round, a.role) for r in state.records for a in r.orders
            if sc.action(a.action_id).makes_demand == demand.id]
    if started:
        out.append(words.dilemma_demand(sc, started, demand.id))
    out += [words.dilemma_demand_made(sc, role, demand.id, rnd) for rnd, role in made]
    if not started and not made:
        out.append(words.dilemma_no_demand(sc, demand.id))
        return out
    out += _guarantees(session, guarantee)
    out += _ratified_options(session)
    out += _assurances(session, assurance)
    fates = _climb_downs(session, demand.id, reveal)
    out += fates
    for e in state.ledger:
        if e.detail.kind == DetailKind.DEMAND_MET and e.detail.args[0] == demand.id:
            out.append(words.dilemma_met(sc, e.meter.removeprefix("support."), demand.id,
                                         e.round))
    for role, demand_id in sorted(state.demands):
        if demand_id == demand.id:
            out.append(words.dilemma_standing(sc, role, demand.id, state.over))
    return out


def _move(text: str) -> Action | None:
    try:
        return Action.from_text(text)
    except BadMoveText:
        return None


def _guarantees(session, guarantee) -> list[str]:
    """Each guarantee offered, with its ratification roll; or that none was offered."""
    if guarantee is None:
        return []
    sc, state = session.scenario, session.state
    votes = {(e.round, e.source): bool(e.detail.args[0]) for e in state.ledger
             if e.detail.kind == DetailKind.RATIFIED}
    offered = [(r.round, a) for r in state.records for a in r.orders
               if a.action_id == guarantee.id]
    if not offered:
        return [words.dilemma_no_guarantee(sc, guarantee.id)]
    return [words.dilemma_guarantee(sc, a.role, guarantee.id, rnd, votes.get((rnd, a.text())))
            for rnd, a in offered]


def _ratified_options(session) -> list[str]:
    """A package of the talks holding an option that needed ratification, and its fate."""
    game, state = session.game, session.state
    a = state.agreement
    if game.talks is None or a is None:
        return []
    failed = {tuple(e.detail.args[:2]) for e in state.ledger
              if e.detail.kind == DetailKind.NOT_RATIFIED}
    out = []
    for issue, option in a.terms:
        if game.talks.option(issue, option).ratification is None:
            continue
        fate = ("failed" if (issue, option) in failed else
                "passed" if a.status == "in_force" else
                "blocked" if a.status == "failed" else "pending")
        out.append(words.dilemma_package_option(session.scenario, issue, option, a.concluded,
                                                fate))
    return out


def _assurances(session, assurance) -> list[str]:
    """Each assurance given and whether it was kept; or that none was given."""
    if assurance is None:
        return []
    sc, state = session.scenario, session.state
    given = [c for c in state.commitments if c.action_id == assurance.id]
    if not given:
        return [words.dilemma_no_assurance(sc, assurance.id)]
    return [words.dilemma_assurance(sc, c.actor, assurance.id, c.made, c.status, c.ended)
            for c in given]


def _climb_downs(session, demand_id: str, reveal: bool) -> list[str]:
    """Each time a team backed down from the demand, as the ledger recorded it."""
    sc, out = session.scenario, []
    for e in session.state.ledger:
        if e.detail.kind != DetailKind.BACKED_DOWN or e.detail.args[0] != demand_id:
            continue
        move = _move(e.source)
        set_aside = move is not None and sc.action(move.action_id).drops_demand == demand_id
        cost, relief = (-e.amount, e.detail.args[1]) if reveal else (None, None)
        step = move.action_id if move is not None and not set_aside else None
        out.append(words.dilemma_backed_down(sc, e.actor, e.round, step, cost, relief))
    return out
