"""Resolving a round, in a fixed and documented order.

0. A package agreed in the talks is ratified and enters into force, or fails
   (see `game.rules.talks.enter_into_force`); its terms start running.
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
6. Commitments whose term ends this round unbroken are kept, and earn trust; so are the
   agreement's restraints, while its deeds not done by then are broken (an action that
   carries out a deed keeps it at once, in step 2; one a restraint rules out breaks it).
7. The game ends on breakdown or after the last round; otherwise the next round opens.
"""

from __future__ import annotations

from game.model.actions import Action, IllegalAction
from game.model.results import (
    NO_DETAIL,
    Cause,
    Detail,
    DetailKind,
    Phase,
    Refusal,
    RefusalKind,
    Status,
    Track,
)
from game.model.state import Commitment, GameState, RoundRecord
from game.rules.compiled import CompiledScenario
from game.rules.demands import audience_cost
from game.rules.effects import apply_changes
from game.rules.events import start_round
from game.rules.ledger import change
from game.rules.rng import derive
from game.rules.tables import ActionRow, Candidate
from game.rules.talks import carry_out, enter_into_force, expire_terms

# Enum members bound to module names once: in Python 3.11 looking a member up on its
# class costs several times a global's lookup, and the rules do it on every candidate.
RESOLVE, OVER = Phase.RESOLVE, Phase.OVER
ACTIVE, BROKEN, KEPT = Status.ACTIVE, Status.BROKEN, Status.KEPT
OPERATING, SUSPENDED = Track.OPERATING, Track.SUSPENDED
ACTION = Cause.ACTION
RESPONSE = Cause.RESPONSE
COMMITMENT = Cause.COMMITMENT
DEMAND = Cause.DEMAND
RATIFICATION = Cause.RATIFICATION
MILESTONE = Cause.MILESTONE
RULE = Cause.RULE
DRIFT = Cause.DRIFT


def resolve_round(state: GameState, game: CompiledScenario) -> tuple[GameState, RoundRecord]:
    """Reveal and resolve the round; return the next state and the record of this round.

    Raises IllegalAction unless the state is in the resolve phase."""
    if state.phase != RESOLVE:
        raise IllegalAction(Refusal(RefusalKind.WRONG_PHASE, ("resolve", state.phase)))
    new = state.copy()
    enter_into_force(new, game)
    agreed: dict[str, set[str]] = {}
    concessions: dict[tuple[str, str], int] = {}  # (giver, receiver) -> best decay percent
    for action in _resolution_order(new, game):
        _resolve_action(new, game, action, agreed, concessions)
    if agreed:
        _establish(new, game, agreed)
    _reciprocity(new, game, concessions)
    _drift(new, game)
    _expire_commitments(new, game)
    expire_terms(new, game)
    record = _record(state, new, game)
    new.records.append(record)
    _advance(new, game)
    return new, record


def _resolution_order(state: GameState, game: CompiledScenario) -> list[Action]:
    """By family, then role order, then the order given."""
    tagged = []
    for r_i, role in enumerate(game.roles):
        for a_i, action in enumerate(state.orders.get(role, ())):
            rank = game.candidate_of[action].row.rank
            tagged.append(((rank, r_i, a_i), action))
    tagged.sort()
    return [a for _, a in tagged]


def _resolve_action(state: GameState, game: CompiledScenario, action: Action,
                    agreed: dict[str, set[str]], concessions: dict[tuple[str, str], int]) -> None:
    cand = game.candidate_of[action]
    row, spec, source = cand.row, cand.row.spec, cand.text
    repeats = state.uses.get(action, 0)
    state.uses[action] = repeats + 1
    decay = _decay(game, repeats)
    gain = game.rules.trust_gain_percent * decay // 100
    _break_commitments(state, game, row, action, source)
    carry_out(state, game, action)
    _back_down(state, game, action.role, row, source)
    detail = (Detail(DetailKind.REPEAT, (repeats + 1, decay)) if repeats and spec.concession
              else NO_DETAIL)
    apply_changes(state, game, cand.effects, ACTION, source, action.role, detail, gain)
    accepted = _answers(state, game, cand, gain) if spec.offer else []
    if spec.establishes:
        agreed.setdefault(spec.establishes, set()).update({action.role, *accepted})
    if spec.concession:
        for r in (accepted if spec.offer else cand.responders):
            if r != action.role:
                concessions[(action.role, r)] = max(decay, concessions.get((action.role, r), 0))
    if spec.offer and not accepted:
        return
    _commit(state, game, row, action)
    _demands(state, game, row, action)
    if spec.withdraws and action.target:
        _suspend(state, game, action.target, action.role, source)


def _decay(game: CompiledScenario, repeats: int) -> int:
    """Percent a concession still earns after `repeats` earlier uses of it."""
    table = game.rules.repeat_decay
    return table[min(repeats, len(table) - 1)]


def _answers(state: GameState, game: CompiledScenario, cand: Candidate, gain: int) -> list[str]:
    """Apply each responder's answer to an offer; return the roles that accepted.

    In an answer the offer's maker stays the actor, so relative words in the effects mean
    what the offer meant; the detail names the responder."""
    source, actor = cand.text, cand.action.role
    accepted = []
    for responder, on_accept, on_decline in cand.answers:
        ok = state.responses.get(responder, {}).get(source, False)
        detail = Detail(DetailKind.ACCEPTED if ok else DetailKind.DECLINED, (responder,))
        apply_changes(state, game, on_accept if ok else on_decline, RESPONSE, source, actor,
                      detail, gain)
        if ok:
            accepted.append(responder)
            _back_down(state, game, responder, cand.row, source)
    return accepted


def _break_commitments(state: GameState, game: CompiledScenario, row: ActionRow, action: Action,
                       source: str) -> None:
    """Taking an action a commitment names as breaking it breaks the actor's commitments."""
    if not row.breaks:
        return
    kept = []
    for c in state.commitments:
        if c.status == ACTIVE and c.actor == action.role and c.action_id in row.breaks:
            penalty = game.action(c.action_id).commitment.break_penalty
            change(state, game, game.trust_meter[(c.recipient, c.actor)], -penalty,
                   COMMITMENT, source, action.role, Detail(DetailKind.BROKE, (c.action_id,)))
            c = Commitment(c.key, c.action_id, c.name, c.actor, c.recipient, c.made, c.expires,
                           BROKEN, state.round)
        kept.append(c)
    state.commitments = tuple(kept)


def _back_down(state: GameState, game: CompiledScenario, role: str, row: ActionRow,
               source: str) -> None:
    """Taking (or accepting) a step a standing demand rules out pays its audience cost."""
    for demand_id in row.backs_down:
        if (role, demand_id) in state.demands:
            _drop_demand(state, game, role, demand_id, source)


def _drop_demand(state: GameState, game: CompiledScenario, role: str, demand_id: str,
                 source: str) -> None:
    demand = game.demands[demand_id]
    cost = audience_cost(state, demand, role)  # read before the demand is gone
    state.demands = state.demands - {(role, demand_id)}
    relief = demand.audience_cost - cost
    change(state, game, game.support_meter[role], -cost, DEMAND, source, role,
           Detail(DetailKind.BACKED_DOWN, (demand_id, relief)))


def _commit(state: GameState, game: CompiledScenario, row: ActionRow, action: Action) -> None:
    """A commitment is made (once ratified, if it must be); a demand it meets is met."""
    spec = row.spec
    if spec.commitment is None:
        _satisfy(state, game, row, action)
        return
    if spec.ratification is not None and not _ratified(state, game, action):
        return
    c = spec.commitment
    key = f"{action.text()}#{state.round}"
    state.commitments = (*state.commitments, Commitment(
        key, spec.id, c.name, action.role, action.target, state.round, state.round + c.term))
    _satisfy(state, game, row, action)


def _ratified(state: GameState, game: CompiledScenario, action: Action) -> bool:
    """A ratified commitment takes effect only if a seeded roll against support passes."""
    cand = game.candidate_of[action]
    chance = cand.row.spec.ratification.chance(state.meters[game.support_meter[action.role]])
    passed = derive(state.seed, state.round, f"ratify:{cand.text}").percent(chance)
    # The detail never gives the chance: it would reveal the actor's exact support.
    apply_changes(state, game, cand.passed if passed else cand.failed, RATIFICATION,
                  cand.text, action.role, Detail(DetailKind.RATIFIED, (int(passed),)))
    return passed


def _satisfy(state: GameState, game: CompiledScenario, row: ActionRow, action: Action) -> None:
    d = row.spec.satisfies_demand
    if d and action.target and (action.target, d) in state.demands:
        demand = game.demands[d]
        state.demands = state.demands - {(action.target, d)}
        change(state, game, game.support_meter[action.target], demand.satisfied_reward,
               DEMAND, action.text(), action.role, Detail(DetailKind.DEMAND_MET, (d,)))


def _demands(state: GameState, game: CompiledScenario, row: ActionRow, action: Action) -> None:
    spec = row.spec
    if spec.makes_demand:
        state.demands = state.demands | {(action.role, spec.makes_demand)}
    if spec.drops_demand and (action.role, spec.drops_demand) in state.demands:
        _drop_demand(state, game, action.role, spec.drops_demand, action.text())


def _suspend(state: GameState, game: CompiledScenario, milestone: str, actor: str,
             source: str) -> None:
    """A withdrawal suspends the milestone and every operating one built on it."""
    for m in (milestone, *game.dependents[milestone]):
        if state.milestones[m] != OPERATING:
            continue
        state.milestones[m] = SUSPENDED
        apply_changes(state, game, game.on_suspended[(m, actor)], MILESTONE, source, actor,
                      Detail(DetailKind.SUSPENDED, (m,)))


def _establish(state: GameState, game: CompiledScenario, agreed: dict[str, set[str]]) -> None:
    """A milestone every party agreed this round starts operating, once its prerequisites do."""
    for m in game.milestones:
        if state.milestones[m.id] == OPERATING or not set(m.parties) <= agreed.get(m.id, set()):
            continue
        if any(state.milestones[p] != OPERATING for p in m.requires):
            continue
        state.milestones[m.id] = OPERATING
        apply_changes(state, game, game.on_operating[m.id], MILESTONE, m.id, None,
                      Detail(DetailKind.OPERATING, (m.id,)))


def _reciprocity(state: GameState, game: CompiledScenario,
                 concessions: dict[tuple[str, str], int]) -> None:
    """Concessions matched within the round earn both sides the GRIT bonus, scaled down by
    the staler of the two steps."""
    for (a, b), decay_ab in sorted(concessions.items()):
        decay_ba = concessions.get((b, a))
        if a > b or decay_ba is None:
            continue
        bonus = game.rules.grit_bonus * min(decay_ab, decay_ba) // 100
        for x, y in ((a, b), (b, a)):
            change(state, game, game.trust_meter[(x, y)], bonus, RULE, "reciprocation",
                   None, Detail(DetailKind.GRIT, (x, y)))


def drift_baseline(state: GameState, game: CompiledScenario) -> int:
    """The tension that drift pulls toward: lower when mean trust is higher."""
    r = game.rules
    trust = [state.meters[i] for i in game.trust_meter.values()]
    mean_trust = sum(trust) / max(1, len(trust))
    return max(0, min(100, round(r.drift_base - mean_trust * r.drift_per_trust / 100)))


def _drift(state: GameState, game: CompiledScenario) -> None:
    """Tension closes part of its gap to the baseline, at most `drift_max` a round."""
    r = game.rules
    base = drift_baseline(state, game)
    gap = base - state.tension
    if state.breakdown or gap == 0 or r.drift_rate == 0 or r.drift_max == 0:
        return
    step = min(r.drift_max, max(1, abs(gap) * r.drift_rate // 100))
    change(state, game, 0, step if gap > 0 else -step, DRIFT, "baseline", None,
           Detail(DetailKind.DRIFT, (base,)))


def _expire_commitments(state: GameState, game: CompiledScenario) -> None:
    """A commitment whose term ends unbroken is kept, and earns its recipient's trust."""
    out = []
    for c in state.commitments:
        if c.status == ACTIVE and c.expires <= state.round:
            reward = game.action(c.action_id).commitment.keep_reward
            change(state, game, game.trust_meter[(c.recipient, c.actor)], reward,
                   COMMITMENT, c.key.split("#")[0], c.actor,
                   Detail(DetailKind.KEPT, (c.action_id,)))
            c = Commitment(c.key, c.action_id, c.name, c.actor, c.recipient, c.made, c.expires,
                           KEPT, state.round)
        out.append(c)
    state.commitments = tuple(out)


def _record(before: GameState, after: GameState, game: CompiledScenario) -> RoundRecord:
    orders = tuple(a for role in game.roles for a in before.orders.get(role, ()))
    answers = tuple((r, k, ok) for r in game.roles for k, ok in before.responses.get(r, {}).items())
    return RoundRecord(before.round, before.event, orders, answers,
                       before.round_ledger_start, len(after.ledger))


def _advance(state: GameState, game: CompiledScenario) -> None:
    if state.breakdown or state.round >= state.rounds:
        state.phase = OVER
        return
    state.round += 1
    start_round(state, game)
