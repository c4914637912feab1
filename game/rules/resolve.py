"""Resolving a round, in a fixed and documented order.

1. Every order and answer is revealed.
2. Actions resolve by family (transparency, assurance, cooperation, pressure, home front),
   then by the scenario's role order, then in the order given. For each action:
   a. any commitment of the actor that it contradicts is broken;
   b. if it backs down from the actor's standing public demand, the audience cost is paid;
   c. its own effects apply (positive trust is scaled down, and less for repeats);
   d. each answer applies: on_accept or on_decline effects (accepting counts as in b too);
   e. a commitment is made (after a ratification roll, if it needs one), demands are
      made, dropped or met, and a withdrawal suspends its milestone and those built on it.
3. Milestones agreed this round by every party start operating, in track order.
4. Concessions reciprocated within the round earn both sides the GRIT bonus. An offer
   counts as a concession only to those who accepted it, and the bonus shrinks with
   the repeat decay of the concessions exchanged: the same step traded round after
   round stops paying.
5. Tension drifts toward a baseline set by the mean trust.
6. Commitments whose term ends this round unbroken are kept, and earn trust.
7. The game ends on breakdown or after the last round; otherwise the next round opens.
"""

from __future__ import annotations

from game.model.actions import Action, IllegalAction
from game.model.scenario import ActionSpec, Scenario
from game.model.state import Commitment, GameState, RoundRecord, support_key, trust_key
from game.rules.demands import audience_cost
from game.rules.effects import Context, apply_effects
from game.rules.events import start_round
from game.rules.index import Index, index
from game.rules.ledger import change
from game.rules.offers import responders_of
from game.rules.rng import derive


def resolve_round(state: GameState, scenario: Scenario) -> tuple[GameState, RoundRecord]:
    """Reveal and resolve the round; return the next state and the record of this round."""
    if state.phase != "resolve":
        raise IllegalAction(f"the round cannot resolve in the {state.phase} phase")
    ix = index(scenario)
    new = state.copy()
    agreed: dict[str, set[str]] = {}
    concessions: dict[tuple[str, str], int] = {}  # (giver, receiver) -> best decay percent
    for action in _resolution_order(new, ix):
        _resolve_action(new, scenario, ix, action, agreed, concessions)
    _establish(new, ix, agreed)
    _reciprocity(new, scenario, concessions)
    _drift(new, scenario)
    _expire_commitments(new, scenario)
    record = _record(state, new, ix)
    new.records.append(record)
    _advance(new, scenario)
    return new, record


def _resolution_order(state: GameState, ix: Index) -> list[Action]:
    tagged = []
    for r_i, role in enumerate(ix.roles):
        for a_i, action in enumerate(state.orders.get(role, ())):
            rank = ix.family_rank[ix.actions[action.action_id].family]
            tagged.append(((rank, r_i, a_i), action))
    return [a for _, a in sorted(tagged, key=lambda t: t[0])]


def _resolve_action(state: GameState, scenario: Scenario, ix: Index, action: Action,
                    agreed: dict[str, set[str]], concessions: dict[tuple[str, str], int]) -> None:
    spec = ix.actions[action.action_id]
    key = (action.role, spec.id, action.target)
    repeats = state.uses.get(key, 0)
    state.uses[key] = repeats + 1
    source = action.text()  # made once: every ledger entry of this action names it
    decay = _decay(scenario, repeats)
    _break_commitments(state, ix, action, source)
    _back_down(state, ix, action.role, spec.id, source)
    ctx = _action_context(scenario, ix, spec, action, repeats, decay, source)
    apply_effects(state, spec.effects, ctx, ix)
    accepted = _answers(state, ix, spec, action, ctx) if spec.offer else []
    if spec.establishes:
        agreed.setdefault(spec.establishes, set()).update({action.role, *accepted})
    if spec.concession:
        for r in (accepted if spec.offer else responders_of(ix, spec, action)):
            if r != action.role:
                concessions[(action.role, r)] = max(decay, concessions.get((action.role, r), 0))
    if spec.offer and not accepted:
        return
    _commit(state, scenario, ix, spec, action)
    _demands(state, ix, spec, action)
    if spec.withdraws and action.target:
        _suspend(state, ix, action.target, action.role, action.text())


def _decay(scenario: Scenario, repeats: int) -> int:
    """Percent a concession still earns after `repeats` earlier uses of it."""
    table = scenario.rules.repeat_decay
    return table[min(repeats, len(table) - 1)]


def _action_context(scenario: Scenario, ix: Index, spec: ActionSpec, action: Action,
                    repeats: int, decay: int, source: str) -> Context:
    parties = tuple(ix.milestones[spec.establishes].parties) if spec.establishes else ()
    repeat = f" (repeat {repeats + 1}: trust gains at {decay}%)" if repeats and spec.concession else ""
    note = spec.name + repeat
    return Context("action", source, action.role, note, action.target, None, parties,
                   scenario.rules.trust_gain_percent * decay // 100)


def _answers(state: GameState, ix: Index, spec: ActionSpec, action: Action,
             ctx: Context) -> list[str]:
    """Apply each responder's answer to an offer; return the roles that accepted.

    In an answer's context `actor` stays the offer's maker, so relative words in the
    effects mean what the offer meant; the note names the responder."""
    accepted = []
    for responder in responders_of(ix, spec, action):
        ok = state.responses.get(responder, {}).get(ctx.source, False)
        verb = "accepted" if ok else "declined"
        rctx = Context("response", ctx.source, action.role,
                       f"{ix.names[responder]} {verb}: {spec.name}", ctx.target, responder,
                       ctx.parties, ctx.gain_percent)
        apply_effects(state, spec.on_accept if ok else spec.on_decline, rctx, ix)
        if ok:
            accepted.append(responder)
            _back_down(state, ix, responder, spec.id, ctx.source)
    return accepted


def _break_commitments(state: GameState, ix: Index, action: Action, source: str) -> None:
    broken_ids = ix.breakers.get(action.action_id)
    if not broken_ids:
        return
    kept = []
    for c in state.commitments:
        if c.status == "active" and c.actor == action.role and c.action_id in broken_ids:
            spec = ix.actions[c.action_id].commitment
            change(state, trust_key(c.recipient, c.actor), -spec.break_penalty, "commitment",
                   source, action.role, f"broke: {c.name}")
            c = Commitment(c.key, c.action_id, c.name, c.actor, c.recipient, c.made, c.expires,
                           "broken", state.round)
        kept.append(c)
    state.commitments = tuple(kept)


def _back_down(state: GameState, ix: Index, role: str, action_id: str, source: str) -> None:
    if not state.demands:  # the usual case: nothing to back down from
        return
    for demand in ix.demands.values():
        if (role, demand.id) in state.demands and action_id in demand.backed_down_by:
            _drop_demand(state, ix, role, demand.id, source)


def _drop_demand(state: GameState, ix: Index, role: str, demand_id: str, source: str) -> None:
    demand = ix.demands[demand_id]
    cost = audience_cost(state, demand, role)  # read before the demand is gone
    state.demands = state.demands - {(role, demand_id)}
    relief = demand.audience_cost - cost
    eased = f" (eased by {relief} for insight and assurances received)" if relief else ""
    change(state, support_key(role), -cost, "demand", source, role,
           f"backed down from the public demand: {demand.name}{eased}")


def _commit(state: GameState, scenario: Scenario, ix: Index, spec: ActionSpec,
            action: Action) -> None:
    if spec.commitment is None:
        _satisfy(state, ix, spec, action)
        return
    if spec.ratification is not None and not _ratified(state, ix, spec, action):
        return
    c = spec.commitment
    key = f"{action.text()}#{state.round}"
    state.commitments = (*state.commitments, Commitment(
        key, spec.id, c.name, action.role, action.target, state.round, state.round + c.term))
    _satisfy(state, ix, spec, action)


def _ratified(state: GameState, ix: Index, spec: ActionSpec, action: Action) -> bool:
    rat = spec.ratification
    chance = rat.chance(state.support[action.role])
    passed = derive(state.seed, state.round, f"ratify:{action.text()}").percent(chance)
    verdict = "passed" if passed else "failed"
    ctx = Context("ratification", action.text(), action.role,
                  f"ratification {verdict} (chance {chance}%)", target=action.target)
    apply_effects(state, rat.on_pass if passed else rat.on_fail, ctx, ix)
    return passed


def _satisfy(state: GameState, ix: Index, spec: ActionSpec, action: Action) -> None:
    d = spec.satisfies_demand
    if d and action.target and (action.target, d) in state.demands:
        state.demands = state.demands - {(action.target, d)}
        change(state, support_key(action.target), ix.demands[d].satisfied_reward, "demand",
               action.text(), action.role, f"demand met: {ix.demands[d].name}")


def _demands(state: GameState, ix: Index, spec: ActionSpec, action: Action) -> None:
    if spec.makes_demand:
        state.demands = state.demands | {(action.role, spec.makes_demand)}
    if spec.drops_demand and (action.role, spec.drops_demand) in state.demands:
        _drop_demand(state, ix, action.role, spec.drops_demand, action.text())


def _suspend(state: GameState, ix: Index, milestone: str, actor: str, source: str) -> None:
    for m in (milestone, *ix.dependents[milestone]):
        if state.milestones[m] != "operating":
            continue
        state.milestones[m] = "suspended"
        spec = ix.milestones[m]
        ctx = Context("milestone", source, actor, f"{spec.name} suspended",
                      parties=tuple(spec.parties))
        apply_effects(state, spec.on_suspended, ctx, ix)


def _establish(state: GameState, ix: Index, agreed: dict[str, set[str]]) -> None:
    for m in ix.milestones.values():
        if state.milestones[m.id] == "operating" or not set(m.parties) <= agreed.get(m.id, set()):
            continue
        if any(state.milestones[p] != "operating" for p in m.requires):
            continue
        state.milestones[m.id] = "operating"
        ctx = Context("milestone", m.id, None, f"{m.name} is operating",
                      parties=tuple(m.parties))
        apply_effects(state, m.on_operating, ctx, ix)


def _reciprocity(state: GameState, scenario: Scenario,
                 concessions: dict[tuple[str, str], int]) -> None:
    names = index(scenario).names
    for (a, b), decay_ab in sorted(concessions.items()):
        decay_ba = concessions.get((b, a))
        if a > b or decay_ba is None:
            continue
        # The bonus follows the staler of the two steps, rounded down, so trading the
        # same concession every round soon earns nothing extra.
        bonus = scenario.rules.grit_bonus * min(decay_ab, decay_ba) // 100
        for x, y in ((a, b), (b, a)):
            change(state, trust_key(x, y), bonus, "rule", "reciprocation", None,
                   f"{names[x]} and {names[y]} matched concessions this round (GRIT bonus)")


def drift_baseline(state: GameState, scenario: Scenario) -> int:
    """The tension that drift pulls toward: lower when mean trust is higher."""
    r = scenario.rules
    mean_trust = sum(state.trust.values()) / max(1, len(state.trust))
    return max(0, min(100, round(r.drift_base - mean_trust * r.drift_per_trust / 100)))


def _drift(state: GameState, scenario: Scenario) -> None:
    r = scenario.rules
    base = drift_baseline(state, scenario)
    gap = base - state.tension
    if state.breakdown or gap == 0 or r.drift_rate == 0 or r.drift_max == 0:
        return
    step = min(r.drift_max, max(1, abs(gap) * r.drift_rate // 100))
    change(state, "tension", step if gap > 0 else -step, "drift", "baseline", None,
           f"tension drifts toward {base}, set by the mean trust")


def _expire_commitments(state: GameState, scenario: Scenario) -> None:
    ix = index(scenario)
    out = []
    for c in state.commitments:
        if c.status == "active" and c.expires <= state.round:
            reward = ix.actions[c.action_id].commitment.keep_reward
            change(state, trust_key(c.recipient, c.actor), reward, "commitment", c.key.split("#")[0],
                   c.actor, f"kept: {c.name}")
            c = Commitment(c.key, c.action_id, c.name, c.actor, c.recipient, c.made, c.expires,
                           "kept", state.round)
        out.append(c)
    state.commitments = tuple(out)


def _record(before: GameState, after: GameState, ix: Index) -> RoundRecord:
    orders = tuple(a for role in ix.roles for a in before.orders.get(role, ()))
    answers = tuple((r, k, ok) for r in ix.roles for k, ok in before.responses.get(r, {}).items())
    return RoundRecord(before.round, before.event, orders, answers,
                       before.round_ledger_start, len(after.ledger))


def _advance(state: GameState, scenario: Scenario) -> None:
    if state.breakdown or state.round >= state.rounds:
        state.phase = "over"
        return
    state.round += 1
    start_round(state, scenario)
