"""The deal, for the debrief and the end screens: what was agreed, what each delegation got
against its walk-away value, how far the deal was from the best packages, and the words and
deeds of its terms.

Values are private to each delegation while the game runs, so `deal_facts` words them only
once the game is over (`revealed`); before that it gives the agreement and its terms as the
room saw them. The decisions that changed the course of the talks (a package agreed, a
proposal refused or countered, a ratification that failed, a demand set aside) are
`decisions`, for the turning points. Every sentence comes from `game.words.deal` and
`game.words.talks`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.debrief.classfacts import SET_ASIDE, demand_fates
from game.model.results import DetailKind
from game.rules.talks import open_among
from game.rules.values import frontier, measure_deal, walk_aways
from game.words import deal as words
from game.words.deal import term_status_words
from game.words.names import demand_name
from game.words.talks import package_lines, package_text, term_text


@dataclass
class DealFacts:
    """The deal in words (see the module's docstring)."""

    heading: str
    status: str  # one sentence: in force, not ratified, pending, or no agreement and why
    agreed: bool  # an agreement in force at the end
    terms: list[str] = field(default_factory=list)  # the package, one issue per line
    revealed: bool = False  # values are shown (the game is over)
    values: list[str] = field(default_factory=list)  # each role against its walk-away value
    efficiency: str = ""  # Pareto efficiency and value left on the table
    best_heading: str = ""
    best: list[tuple[str, str]] = field(default_factory=list)  # (package, each role's value)
    deeds: list[dict] = field(default_factory=list)  # words and deeds, one row per term


def deal_facts(session) -> DealFacts | None:
    """The deal of a session's game, or None for a case without talks."""
    game, state, sc = session.game, session.state, session.scenario
    t = game.talks
    if t is None:
        return None
    a = state.agreement
    failed = [e for e in state.ledger if e.detail.kind == DetailKind.NOT_RATIFIED]
    failed_count = len({e.round for e in failed})
    in_force = a is not None and a.status == "in_force"
    if in_force:
        status = words.in_force_line(sc, a.parties, a.concluded, a.terms)
    elif a is not None and a.status == "pending":
        status = words.pending_line(sc, a.parties, a.concluded, a.terms)
    elif a is not None and a.status == "failed" and failed:
        issue, option = failed[-1].detail.args[:2]
        status = words.not_ratified_line(sc, a.parties, a.concluded, a.terms, issue, option)
    else:
        proposals = sum(1 for m in state.talks if m.kind in ("propose", "counter"))
        status = words.no_agreement_line(proposals, failed_count)
    facts = DealFacts(words.deal_heading(), status, in_force,
                      package_lines(sc, a.terms) if a is not None else [])
    if a is not None and not in_force and a.status == "failed":
        facts.status += " " + words.no_agreement_line(0, failed_count)
    facts.deeds = [{"term": term_text(sc, r.key), "made": r.made, "ended": r.ended,
                    "expires": r.expires, "status": r.status,
                    "status_words": words.term_status_words(r.status)} for r in state.terms]
    if not state.over:
        return facts
    facts.revealed = True
    away = walk_aways(state, game)
    for role in t.parties:
        party = in_force and role in a.parties
        value = t.package_value(a.terms, role) if party else away[role]
        facts.values.append(words.value_line(sc, role, value, away[role], party))
    if in_force:
        m = measure_deal(game, a.terms, state)
        facts.efficiency = words.efficiency_line(m.efficiency, m.efficient, m.left_on_table)
    best = frontier(game, state)
    facts.best_heading = words.best_packages_line(sc, len(best)) if best else words.no_zone_line()
    facts.best = [(package_text(sc, p.terms), words.points_for(sc, p.values)) for p in best]
    return facts


def decisions(session) -> list[str]:
    """The decisions that changed the course, in order: packages agreed, proposals refused
    or countered, ratifications failed, the agreement in force, demands set aside.

    Refusals and counters repeat from round to round: a delegation's first refusal of a
    partner's offers is kept, and a counter when it asks that partner for something new.
    A counter names only the options it changed."""
    sc, state = session.scenario, session.state
    found: list[tuple[int, int, str]] = []
    messages = {m.id: m for m in state.talks}
    asked: dict[tuple[str, str], tuple] = {}  # (role, partner) -> the changes last asked
    refused: set[tuple[str, str]] = set()
    for m in state.talks:
        ref = messages.get(m.ref)
        if ref is None:
            continue
        pair = (m.sender, ref.sender)
        if m.kind == "decline" and pair not in refused and pair not in asked:
            refused.add(pair)  # the first refusal of each partner's offers
            found.append((m.round, m.id, words.decision_declined(sc, m.sender, ref.sender)))
        elif m.kind == "counter":
            changed = tuple((i, o) for i, o in m.terms if (i, o) not in ref.terms) or m.terms
            if asked.get(pair) != changed:  # a new ask: the delegation's position moved
                asked[pair] = changed
                found.append((m.round, m.id, words.decision_countered(sc, m.sender, ref.sender,
                                                                      changed)))
    for rnd, proposal, parties, terms in _agreed(session):
        found.append((rnd, proposal, words.decision_agreed(sc, parties, terms)))
    seen = set()
    for e in state.ledger:
        key = (e.round, e.detail.kind)
        if e.detail.kind == DetailKind.NOT_RATIFIED and key not in seen:
            seen.add(key)
            issue, option = e.detail.args[:2]
            found.append((e.round, 10**6, words.decision_not_ratified(sc, e.actor or "", issue,
                                                                      option)))
        elif e.detail.kind == DetailKind.IN_FORCE and key not in seen:
            seen.add(key)
            found.append((e.round, 10**6, words.decision_in_force(sc)))

    for d in demand_fates(session):
        if d.fate == SET_ASIDE and d.round is not None:
            found.append((d.round, -1, words.decision_set_aside(
                sc, d.role, demand_name(sc, d.demand))))
    found.sort(key=lambda x: (x[0], x[1]))
    return [words.decision_line(rnd, what) for rnd, _k, what in found]


def _agreed(session) -> list[tuple[int, int, tuple[str, ...], tuple]]:
    """(round, proposal id, parties, terms) of every package all its addressees accepted."""
    state = session.state
    out = []
    for rnd in sorted({m.round for m in state.talks}):
        mine = tuple(m for m in state.talks if m.round == rnd)
        for k in range(len(mine)):
            if mine[k].kind != "accept":
                continue
            before = {p.id: p for p in open_among(mine[:k], rnd)}
            after = {p.id: p for p in open_among(mine[:k + 1], rnd)}
            p = after.get(mine[k].ref)
            if p is not None and not p.waiting and before[p.id].waiting:
                m = p.message
                parties = tuple(r for r in session.scenario.role_ids
                                if r == m.sender or r in m.to)
                out.append((rnd, m.id, parties, m.terms))
    return out


def deal_lines(session) -> list[str]:
    """The deal as plain lines, for the text mode's and the window's end screens: the
    agreement or why there is none, each delegation against its walk-away value, Pareto
    efficiency, and the words and deeds of the terms. Empty for a case without talks."""
    facts = deal_facts(session)
    if facts is None:
        return []
    lines = [facts.heading + ":", facts.status]
    lines += ["  " + v for v in facts.values]
    if facts.efficiency:
        lines.append("  " + facts.efficiency)
    lines += ["  " + term_status_words(d["status"]).capitalize() + ": " + d["term"]
              for d in facts.deeds]
    return lines
