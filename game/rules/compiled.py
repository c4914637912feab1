"""A scenario compiled once into integer-indexed tables that the rules, the AI and the engine read.

`compile_scenario(scenario)` turns the validated pydantic `Scenario` into one immutable
`CompiledScenario`: roles, actions, milestones and meters numbered in file order, each
action's effects as plain tuples, and every order a role could ever give listed with the
requirement rules that can close it. It is built once per scenario (a session or a
simulator run holds it) and passed explicitly to every rule function, so the rules never
search the scenario's lists and nothing is cached behind their backs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from math import ceil
from types import MappingProxyType

from game.model.actions import Action
from game.model.scenario import (
    FAMILIES,
    ActionSpec,
    DemandSpec,
    Effect,
    EventSpec,
    MilestoneSpec,
    ObjectiveSpec,
    Rules,
    Scenario,
)
from game.model.state import MeterLayout
from game.rules import requirements
from game.rules.action_traits import Traits
from game.rules.aims import aims_of, may_take
from game.rules.effect_rows import Where, compile_effects
from game.rules.tables import ActionRow, Answer, Candidate, Change, Meter, Offer
from game.rules.talks_tables import TalkTables, compile_talks


@dataclass(frozen=True, slots=True, eq=False)
class CompiledScenario:
    """A scenario as integer-indexed, immutable tables. Build it with `compile_scenario`."""

    scenario: Scenario
    roles: tuple[str, ...]
    role_index: Mapping[str, int]
    names: Mapping[str, str]  # role id -> display name, for ledger notes
    actions: tuple[ActionRow, ...]
    action_index: Mapping[str, int]
    milestones: tuple[MilestoneSpec, ...]
    milestone_index: Mapping[str, int]
    on_operating: Mapping[str, tuple[Change, ...]]  # milestone -> rows applied when it starts
    on_suspended: Mapping[tuple[str, str], tuple[Change, ...]]  # (milestone, withdrawing role) -> rows
    dependents: Mapping[str, tuple[str, ...]]  # milestone -> those built on it, in track order
    events: Mapping[str, EventSpec]
    scripted: Mapping[int, tuple[EventSpec, ...]]  # round -> scripted events, in file order
    conditional: tuple[EventSpec, ...]
    deck: tuple[EventSpec, ...]
    event_effects: Mapping[str, tuple[Change, ...]]
    demands: Mapping[str, DemandSpec]
    meters: tuple[Meter, ...]
    meter_index: Mapping[str, int]
    trust_meter: Mapping[tuple[str, str], int]  # (truster, trusted) -> meter index
    support_meter: Mapping[str, int]  # role -> meter index
    progress_meter: Mapping[str, int]  # milestone -> meter index
    transparency_meter: Mapping[tuple[str, str], int]  # (measuring role, toward) -> meter index
    layout: MeterLayout  # the same indices, as each game state carries them
    start: tuple[int, ...]  # every meter's value when a game starts, by meter index
    candidates: tuple[tuple[Candidate, ...], ...]  # per role index, in scenario order
    candidate_of: Mapping[Action, Candidate]  # every role's candidates by their action
    objectives: Mapping[str | None, tuple[ObjectiveSpec, ...]]  # None: the public view's (none)
    rules: Rules  # the scenario's tuning numbers
    points: int  # action points per role per round
    cost: Mapping[str, int]  # action id -> points it costs
    cheapest: int  # the fewest points any action costs
    transparency_high: int
    talks: TalkTables | None  # the negotiation's tables, None if the scenario has none
    traits: Traits | None = None  # what personas ask of the actions (set by compile_scenario)

    def __reduce__(self):
        """Pickled as its scenario and compiled again on the other side (for worker processes)."""
        return compile_scenario, (self.scenario,)

    @property
    def role_ids(self) -> tuple[str, ...]:
        """Role ids in file order (the same as `roles`, named as on the Scenario)."""
        return self.roles

    def action(self, action_id: str) -> ActionSpec:
        """The spec of an action; KeyError if the scenario has none by that id."""
        return self.actions[self.action_index[action_id]].spec

    def meter(self, name: str) -> Meter:
        """A meter by its ledger name, for example `trust.moscow.washington`."""
        return self.meters[self.meter_index[name]]


def transparency_high(scenario: Scenario) -> int:
    """How many transparency measures make the fog as narrow as it gets.

    The fog range shrinks by `fog_narrow` per measure until it reaches `fog_min`;
    measures beyond that change nothing, so the meter is clamped there (0 when
    measures never narrow the fog).
    """
    r = scenario.rules
    if r.fog_narrow <= 0 or r.fog_width <= r.fog_min:
        return 0
    return ceil((r.fog_width - r.fog_min) / r.fog_narrow)


def compile_scenario(scenario: Scenario) -> CompiledScenario:
    """Compile a validated scenario into the tables the rules read. Pure; call once per scenario."""
    roles = scenario.role_ids
    milestones = {m.id: m for m in scenario.milestones}
    meters = _meters(scenario)
    index = {m.name: i for i, m in enumerate(meters)}
    layout = MeterLayout(_frozen(index), *(_by_key(meters, f)
                                           for f in ("trust", "support", "progress", "transparency")))

    def fx(effects: list[Effect], where: Where) -> tuple[Change, ...]:
        return compile_effects(effects, where, roles, index, milestones)

    rows = tuple(_row(i, spec, scenario, index) for i, spec in enumerate(scenario.actions))
    candidates = tuple(_candidates(role, rows, scenario, fx) for role in roles)
    objectives = {r.id: tuple(r.objectives) for r in scenario.roles}
    objectives[None] = ()
    game = CompiledScenario(
        scenario=scenario,
        roles=roles,
        role_index=_frozen({r: i for i, r in enumerate(roles)}),
        names=_frozen({r.id: r.name for r in scenario.roles}),
        actions=rows,
        action_index=_frozen({row.spec.id: row.index for row in rows}),
        milestones=tuple(scenario.milestones),
        milestone_index=_frozen({m: i for i, m in enumerate(milestones)}),
        on_operating=_frozen({m.id: fx(m.on_operating, Where(parties=tuple(m.parties)))
                              for m in scenario.milestones}),
        on_suspended=_frozen({(m.id, r): fx(m.on_suspended, Where(r, parties=tuple(m.parties)))
                              for m in scenario.milestones for r in roles}),
        dependents=_frozen({m: _dependents(m, milestones) for m in milestones}),
        events=_frozen({e.id: e for e in scenario.events}),
        scripted=_frozen({n: tuple(e for e in scenario.events if e.round == n)
                          for n in {e.round for e in scenario.events if e.kind == "scripted"}}),
        conditional=tuple(e for e in scenario.events if e.kind == "conditional"),
        deck=tuple(e for e in scenario.events if e.kind == "deck"),
        event_effects=_frozen({e.id: fx(e.effects, Where()) for e in scenario.events}),
        demands=_frozen({d.id: d for d in scenario.demands}),
        meters=meters,
        meter_index=layout.names,
        trust_meter=layout.trust,
        support_meter=layout.support,
        progress_meter=layout.progress,
        transparency_meter=layout.transparency,
        layout=layout,
        start=tuple(_start_value(scenario, m) for m in meters),
        candidates=candidates,
        candidate_of=_frozen({c.action: c for cs in candidates for c in cs}),
        objectives=_frozen(objectives),
        rules=scenario.rules,
        points=scenario.rules.points_per_round,
        cost=_frozen({a.id: a.cost for a in scenario.actions}),
        cheapest=min(a.cost for a in scenario.actions),
        transparency_high=transparency_high(scenario),
        talks=compile_talks(scenario),
    )
    return replace(game, traits=Traits(game))


def _frozen(d: dict) -> Mapping:
    return MappingProxyType(d)


def _by_key(meters: tuple[Meter, ...], field: str) -> Mapping:
    return _frozen({m.key: i for i, m in enumerate(meters) if m.field == field})


def _row(index: int, spec: ActionSpec, scenario: Scenario, meters: Mapping[str, int]) -> ActionRow:
    breaks = frozenset(a.id for a in scenario.actions
                       if a.commitment and spec.id in a.commitment.broken_by)
    backs = tuple(d.id for d in scenario.demands if spec.id in d.backed_down_by)
    proposes = next((m for m in scenario.milestones if m.id == spec.establishes), None)
    return ActionRow(index, spec, spec.cost, spec.requires.max_uses, FAMILIES.index(spec.family),
                     proposes, tuple(proposes.parties) if proposes else (),
                     meters[f"progress.{proposes.id}"] if proposes else None, breaks, backs)


def _candidates(role: str, rows: tuple[ActionRow, ...], scenario: Scenario,
                fx: Callable[..., tuple[Change, ...]]) -> tuple[Candidate, ...]:
    """Every (action, target) `role` could ever order, in scenario order, with the meter
    rows it applies (`fx(effects, where)` compiles them)."""
    found = []
    for row in rows:
        spec = row.spec
        if not may_take(spec, role):
            continue
        rules = requirements.rules_for(spec)
        found += [_candidate(Action(role, spec.id, t), row, rules, scenario, fx)
                  for t in aims_of(spec, role, scenario)]
    return tuple(found)


def _candidate(action: Action, row: ActionRow, rules: tuple[Callable, ...], scenario: Scenario,
               fx: Callable[..., tuple[Change, ...]]) -> Candidate:
    """One order, with the rows its effects, each answer and its ratification apply: the
    actor and target are the order's, an answer's responder is who answers, and only the
    action's own effects and answers count a proposal's parties as `parties`."""
    spec, role, t = row.spec, action.role, action.target
    responders = _responders(spec, action, scenario)
    offer = Offer(action.text(), action, spec, responders) if spec.offer else None
    where = Where(role, t, None, row.parties)
    answers = tuple(Answer(r, fx(spec.on_accept, where._replace(responder=r)),
                           fx(spec.on_decline, where._replace(responder=r)))
                    for r in responders) if spec.offer else ()
    rat = spec.ratification
    passed, failed = ((fx(rat.on_pass, Where(role, t)), fx(rat.on_fail, Where(role, t)))
                      if rat else ((), ()))
    return Candidate(action, action.text(), row, rules, responders, offer,
                     fx(spec.effects, where), answers, passed, failed)


def _responders(spec: ActionSpec, action: Action, scenario: Scenario) -> tuple[str, ...]:
    """Who must answer an offer: a proposal's other parties, else its target role."""
    if spec.establishes:
        m = next(m for m in scenario.milestones if m.id == spec.establishes)
        return tuple(p for p in m.parties if p != action.role)
    return (action.target,) if spec.target == "role" and action.target else ()


def _meters(scenario: Scenario) -> tuple[Meter, ...]:
    """Every meter in a fixed order: tension, trust, support, progress, transparency.
    A role's domestic support is seen by that role alone; every other meter is public."""
    roles = scenario.role_ids
    everyone = (*roles, None)
    pairs = [(a, b) for a in roles for b in roles if a != b]
    high = transparency_high(scenario)
    return (
        Meter("tension", "tension", None, 100, everyone),
        *(Meter(f"trust.{a}.{b}", "trust", (a, b), 100, everyone) for a, b in pairs),
        *(Meter(f"support.{r}", "support", r, 100, (r,)) for r in roles),
        *(Meter(f"progress.{m.id}", "progress", m.id, 100, everyone) for m in scenario.milestones),
        *(Meter(f"transparency.{a}.{b}", "transparency", (a, b), high, everyone) for a, b in pairs),
    )


def _start_value(scenario: Scenario, meter: Meter) -> int:
    """A meter's value before any ledger entry: the scenario's start tension, trust (its
    default unless set for the pair) and domestic support; no progress or transparency."""
    r = scenario.rules
    if meter.field == "tension":
        return r.start_tension
    if meter.field == "trust":
        return next((t.value for t in r.start_trust if (t.from_, t.to) == meter.key),
                    r.default_trust)
    if meter.field == "support":
        return next(role.start_support for role in scenario.roles if role.id == meter.key)
    return 0


def _dependents(root: str, milestones: dict[str, MilestoneSpec]) -> tuple[str, ...]:
    """Milestones that need `root`, directly or through others, in scenario order."""
    found: set[str] = set()
    changed = True
    while changed:
        changed = False
        for m in milestones.values():
            if m.id not in found and (root in m.requires or found & set(m.requires)):
                found.add(m.id)
                changed = True
    return tuple(m for m in milestones if m in found)
