"""Cross-reference checks on a scenario that already passed the schema.

The schema checks each value on its own; lint checks that the values fit together:
ids that exist and are unique, role words that mean something where they are used,
milestones that can be established, events that can fire and endings that can be
reached and cover every way a game can end. Each construct has its own small
checker (Ren'Py lint style) yielding Problems located at the offending node.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from game.engine.loader import Path, Problem, SourceMap
from game.model.scenario import RELATIVE_ROLES, Condition, Effect, Scenario, Span

#: Role words each kind of effect list may use, beside role ids.
ACTION_WORDS = frozenset({"actor", "others", "all"})
MILESTONE_WORDS = frozenset({"parties", "all", "actor", "others"})
EVENT_WORDS = frozenset({"all"})
#: Role words that name several roles at once.
GROUPS = frozenset({"parties", "others", "all"})
#: Which role fields each kind of effect reads; the others are ignored by the engine.
ROLE_FIELDS = {"tension": (), "progress": (), "support": ("who",),
               "trust": ("who", "toward"), "transparency": ("who", "toward")}
#: Fields that only some kinds of effect read.
TARGET_FIELDS = ("who", "toward", "milestone")


@dataclass
class Lint:
    """What every checker needs: the scenario, where its nodes sit, and its ids."""

    scenario: Scenario
    source: SourceMap
    roles: set[str] = field(default_factory=set)
    milestones: set[str] = field(default_factory=set)
    actions: set[str] = field(default_factory=set)
    demands: set[str] = field(default_factory=set)
    establishable: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        s = self.scenario
        self.roles = {r.id for r in s.roles}
        self.milestones = {m.id for m in s.milestones}
        self.actions = {a.id for a in s.actions}
        self.demands = {d.id for d in s.demands}
        self.establishable = establishable(s)

    def problem(self, path: Path, message: str, *, key: bool = False) -> Problem:
        """A problem located at the node on `path`."""
        return self.source.problem(path, message, key=key)

    def unknown(self, path: Path, kind: str, ref: str, known: set[str]) -> Iterator[Problem]:
        """A problem if `ref` is not one of the `known` ids, with the closest one as a hint."""
        if ref not in known:
            yield self.problem(path, f"unknown {kind} '{ref}'" + hint(ref, known))


Checker = Callable[[Lint], Iterator[Problem]]


def lint(scenario: Scenario, source: SourceMap | None = None) -> list[Problem]:
    """Every cross-reference problem of the scenario, in file order."""
    ctx = Lint(scenario, source or SourceMap("<scenario>"))
    problems = [p for check in CHECKERS for p in check(ctx)]
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.col, p.path, p.message))


def hint(word: str, choices: set[str] | list[str]) -> str:
    """`; did you mean 'x'?` for the closest choice, or nothing."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def establishable(scenario: Scenario) -> set[str]:
    """Milestones some sequence of actions can bring into operation."""
    offered = {a.establishes for a in scenario.actions if a.establishes}
    progressed = {e.milestone for _, e, _ in effects(scenario)
                  if e.kind == "progress" and e.amount > 0}
    ready = {m.id for m in scenario.milestones
             if m.id in offered and (m.progress_needed == 0 or m.id in progressed)}
    # Least fixed point: a milestone counts once all its prerequisites count, so a
    # cycle of prerequisites never counts.
    # Unknown prerequisites are reported on their own, so they do not block here too.
    known = {m.id for m in scenario.milestones}
    done: set[str] = set()
    while True:
        more = {m.id for m in scenario.milestones
                if m.id in ready and m.id not in done and set(m.requires) & known <= done}
        if not more:
            return done
        done |= more


# --- Walking the scenario: every effect and every top-level condition, with its path. ---

def effects(s: Scenario) -> Iterator[tuple[Path, Effect, frozenset[str]]]:
    """Every effect with its path and the role words that mean something there."""
    for i, a in enumerate(s.actions):
        words = set(ACTION_WORDS)
        # An establishing offer goes to the milestone's other parties: its targets.
        words |= {"target"} if a.target == "role" or a.establishes else set()
        words |= {"parties"} if a.establishes or a.target == "milestone" else set()
        for key, extra in (("effects", set()), ("on_accept", {"responder"}),
                           ("on_decline", {"responder"})):
            for j, e in enumerate(getattr(a, key)):
                yield ("actions", i, key, j), e, frozenset(words | extra)
        for j, e in enumerate(a.ratification.on_fail if a.ratification else []):
            yield ("actions", i, "ratification", "on_fail", j), e, frozenset(words)
    for i, m in enumerate(s.milestones):
        for key in ("on_operating", "on_suspended"):
            for j, e in enumerate(getattr(m, key)):
                yield ("milestones", i, key, j), e, MILESTONE_WORDS
    for i, ev in enumerate(s.events):
        for j, e in enumerate(ev.effects):
            yield ("events", i, "effects", j), e, EVENT_WORDS


def conditions(s: Scenario) -> Iterator[tuple[Path, Condition, bool]]:
    """Every top-level condition with its path and whether `self` means something there."""
    for i, ev in enumerate(s.events):
        if ev.when is not None:
            yield ("events", i, "when"), ev.when, False
    for r, role in enumerate(s.roles):
        for o, obj in enumerate(role.objectives):
            yield ("roles", r, "objectives", o, "when"), obj.when, True
    for i, end in enumerate(s.endings):
        yield ("endings", i, "when"), end.when, False


def nested(path: Path, cond: Condition) -> Iterator[tuple[Path, Condition]]:
    """The condition and every condition inside its any_of, at any depth."""
    yield path, cond
    for k, branch in enumerate(cond.any_of):
        yield from nested(path + ("any_of", k), branch)


# --- The checkers. ---

def check_unique_ids(ctx: Lint) -> Iterator[Problem]:
    """Ids are unique within each list, and objective ids within each role."""
    s = ctx.scenario
    lists: list[tuple[Path, list]] = [((name,), getattr(s, name)) for name in
                                      ("roles", "actions", "milestones", "events", "endings",
                                       "demands")]
    lists += [(("roles", r, "objectives"), role.objectives) for r, role in enumerate(s.roles)]
    for path, items in lists:
        first: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id in first:
                line = ctx.source.locate(path + (first[item.id], "id"))[0]
                yield ctx.problem(path + (i, "id"),
                                  f"duplicate id '{item.id}' (first used on line {line})")
            first.setdefault(item.id, i)


def check_trust_seeds(ctx: Lint) -> Iterator[Problem]:
    """Starting trust names existing roles, two different ones, each pair once."""
    seen: set[tuple[str, str]] = set()
    for i, seed in enumerate(ctx.scenario.rules.start_trust):
        path = ("rules", "start_trust", i)
        yield from ctx.unknown(path + ("from",), "role", seed.from_, ctx.roles)
        yield from ctx.unknown(path + ("to",), "role", seed.to, ctx.roles)
        if seed.from_ == seed.to:
            yield ctx.problem(path, f"'{seed.to}' cannot trust itself: from and to must differ")
        elif (seed.from_, seed.to) in seen:
            yield ctx.problem(path, f"starting trust from '{seed.from_}' to '{seed.to}' "
                                    "is given twice")
        seen.add((seed.from_, seed.to))


def check_rules(ctx: Lint) -> Iterator[Problem]:
    """The tuning numbers fit together: repeat decay is a list of percents, fog narrows."""
    rules = ctx.scenario.rules
    if not rules.repeat_decay:
        yield ctx.problem(("rules", "repeat_decay"), "give at least one percent, for example "
                                                     "[100, 60, 35, 20]", key=True)
    for i, percent in enumerate(rules.repeat_decay):
        if not 0 <= percent <= 100:
            yield ctx.problem(("rules", "repeat_decay", i),
                              f"{percent} is not a percent between 0 and 100")
    if rules.fog_min > rules.fog_width:
        yield ctx.problem(("rules", "fog_min"), f"fog_min {rules.fog_min} is wider than "
                                                f"fog_width {rules.fog_width}")


def check_action_refs(ctx: Lint) -> Iterator[Problem]:
    """Actions name roles, milestones, demands and actions that exist."""
    for i, a in enumerate(ctx.scenario.actions):
        p: Path = ("actions", i)
        for j, role in enumerate(a.roles):
            yield from ctx.unknown(p + ("roles", j), "role", role, ctx.roles)
            if role in a.roles[:j]:
                yield ctx.problem(p + ("roles", j), f"role '{role}' is listed twice")
        if a.establishes:
            yield from ctx.unknown(p + ("establishes",), "milestone", a.establishes,
                                   ctx.milestones)
        for key in ("operating", "not_operating"):
            for j, m in enumerate(getattr(a.requires, key)):
                yield from ctx.unknown(p + ("requires", key, j), "milestone", m, ctx.milestones)
        for key in ("makes_demand", "drops_demand", "satisfies_demand"):
            if getattr(a, key):
                yield from ctx.unknown(p + (key,), "demand", getattr(a, key), ctx.demands)
        if a.requires.demand_standing:
            yield from ctx.unknown(p + ("requires", "demand_standing"), "demand",
                                   a.requires.demand_standing, ctx.demands)
        for j, b in enumerate(a.commitment.broken_by if a.commitment else []):
            yield from ctx.unknown(p + ("commitment", "broken_by", j), "action", b, ctx.actions)


def check_action_sense(ctx: Lint) -> Iterator[Problem]:
    """An action does not make and drop one demand, and only offers get answers."""
    for i, a in enumerate(ctx.scenario.actions):
        if a.makes_demand and a.makes_demand == a.drops_demand:
            yield ctx.problem(("actions", i, "drops_demand"),
                              f"action '{a.id}' both makes and drops demand '{a.makes_demand}'")
        for key in ("on_accept", "on_decline"):
            if getattr(a, key) and not a.offer:
                yield ctx.problem(("actions", i, key),
                                  f"{key} never happens: action '{a.id}' is not an offer "
                                  "(set offer: true, or move these to effects)", key=True)
        ops = set(a.requires.operating) & set(a.requires.not_operating)
        for m in sorted(ops):
            yield ctx.problem(("actions", i, "requires"),
                              f"action '{a.id}' needs milestone '{m}' both operating and not "
                              "operating, so it can never be taken", key=True)


def check_demand_refs(ctx: Lint) -> Iterator[Problem]:
    """Demands name actions that exist, and some action makes each demand."""
    made = {a.makes_demand for a in ctx.scenario.actions}
    for i, d in enumerate(ctx.scenario.demands):
        for j, b in enumerate(d.backed_down_by):
            yield from ctx.unknown(("demands", i, "backed_down_by", j), "action", b, ctx.actions)
        if d.id not in made:
            yield ctx.problem(("demands", i), f"no action makes demand '{d.id}'; add an action "
                                              f"with `makes_demand: {d.id}`")


def check_milestone_refs(ctx: Lint) -> Iterator[Problem]:
    """Milestones name existing roles (each once) and existing prerequisites."""
    for i, m in enumerate(ctx.scenario.milestones):
        for j, role in enumerate(m.parties):
            yield from ctx.unknown(("milestones", i, "parties", j), "role", role, ctx.roles)
            if role in m.parties[:j]:
                yield ctx.problem(("milestones", i, "parties", j),
                                  f"party '{role}' is listed twice")
        for j, req in enumerate(m.requires):
            yield from ctx.unknown(("milestones", i, "requires", j), "milestone", req,
                                   ctx.milestones)


def check_milestone_cycles(ctx: Lint) -> Iterator[Problem]:
    """Milestone prerequisites form no cycle; each cycle is reported once."""
    requires = {m.id: [r for r in m.requires if r in ctx.milestones]
                for m in ctx.scenario.milestones}
    index = {m.id: i for i, m in enumerate(ctx.scenario.milestones)}
    reported: set[frozenset[str]] = set()
    for start in requires:
        cycle = _cycle_from(start, requires)
        if cycle and frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            first = cycle[0]
            yield ctx.problem(("milestones", index[first], "requires"),
                              "prerequisites form a cycle: " + " -> ".join(cycle + [first]),
                              key=True)


def _cycle_from(start: str, requires: dict[str, list[str]]) -> list[str] | None:
    """A cycle through `start`, as the list of milestones along it, or None."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, trail = stack.pop()
        for nxt in requires.get(node, []):
            if nxt == start:
                return trail
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, trail + [nxt]))
    return None


def check_milestones_reachable(ctx: Lint) -> Iterator[Problem]:
    """Every milestone is proposed by some action and can get the progress it needs."""
    s = ctx.scenario
    offered = {a.establishes for a in s.actions}
    progressed = {e.milestone for _, e, _ in effects(s) if e.kind == "progress" and e.amount > 0}
    for i, m in enumerate(s.milestones):
        if m.id not in offered:
            yield ctx.problem(("milestones", i), f"no action establishes milestone '{m.id}'; "
                                                 f"add an offer with `establishes: {m.id}`")
        if m.progress_needed and m.id not in progressed:
            yield ctx.problem(("milestones", i, "progress_needed"),
                              f"milestone '{m.id}' needs {m.progress_needed} progress but no "
                              "effect adds progress to it")


def check_effect_roles(ctx: Lint) -> Iterator[Problem]:
    """Effects name existing roles, or role words that mean something where they are."""
    for path, e, words in effects(ctx.scenario):
        for key in ROLE_FIELDS[e.kind]:
            yield from _role_ref(ctx, path + (key,), getattr(e, key), words, _where(path))
        # A group word on both sides (parties toward parties) means each toward the others.
        if e.kind in ("trust", "transparency") and e.who == e.toward and e.who not in GROUPS:
            yield ctx.problem(path, f"{e.kind} of '{e.who}' toward itself means nothing: "
                                    "who and toward must differ")
        if e.kind == "progress" and e.milestone:
            yield from ctx.unknown(path + ("milestone",), "milestone", e.milestone,
                                   ctx.milestones)
        used = set(ROLE_FIELDS[e.kind]) | ({"milestone"} if e.kind == "progress" else set())
        for key in sorted(set(TARGET_FIELDS) & e.model_fields_set - used):
            yield ctx.problem(path + (key,), f"`{key}` has no effect on a {e.kind} change; "
                                             "remove it", key=True)


def _where(path: Path) -> str:
    """How a person names the place an effect list sits."""
    if path[0] == "events":
        return "an event (it has no actor or target)"
    if path[0] == "milestones":
        return "a milestone's effects"
    return f"the {path[2]} of this action"


def _role_ref(ctx: Lint, path: Path, ref: str, words: frozenset[str],
              where: str) -> Iterator[Problem]:
    """A problem if `ref` is neither a role id nor a role word allowed here."""
    if ref in ctx.roles or ref in words:
        return
    allowed = ", ".join(sorted(words)) or "none"
    if ref in RELATIVE_ROLES:
        yield ctx.problem(path, f"'{ref}' means nothing in {where}; use a role id or one of: "
                                f"{allowed}")
    else:
        yield ctx.problem(path, f"unknown role '{ref}'" + hint(ref, ctx.roles | words))


def check_condition_refs(ctx: Lint) -> Iterator[Problem]:
    """Conditions name existing roles and milestones; `self` only inside objectives."""
    for top, cond_, in_objective in conditions(ctx.scenario):
        words = frozenset({"self"}) if in_objective else frozenset()
        where = "an objective" if in_objective else "this condition (`self` is for objectives)"
        for path, cond in nested(top, cond_):
            for key in ("operating", "not_operating"):
                for j, m in enumerate(getattr(cond, key)):
                    yield from ctx.unknown(path + (key, j), "milestone", m, ctx.milestones)
            for j, test in enumerate(cond.trust):
                for key, ref in (("from", test.from_), ("to", test.to)):
                    yield from _role_ref(ctx, path + ("trust", j, key), ref, words, where)
            for key in ("support", "commitments_kept", "commitments_broken"):
                for j, test in enumerate(getattr(cond, key)):
                    yield from _role_ref(ctx, path + (key, j, "role"), test.role, words, where)


def _span_problems(ctx: Lint, path: Path, span: Span | None, low: int,
                   high: int, what: str) -> Iterator[Problem]:
    """Problems if no value in low..high satisfies the span."""
    if span is None:
        return
    if span.min is not None and span.max is not None and span.min > span.max:
        yield ctx.problem(path, f"min {span.min} is above max {span.max}, so this never holds")
    elif span.min is not None and span.min > high:
        yield ctx.problem(path, f"{what} is at most {high}, so min {span.min} never holds")
    elif span.max is not None and span.max < low:
        yield ctx.problem(path, f"{what} is at least {low}, so max {span.max} never holds")


def unsatisfiable(ctx: Lint, path: Path, cond: Condition) -> Iterator[Problem]:
    """Why this condition (leaving its any_of aside) can never hold, if it cannot."""
    yield from _span_problems(ctx, path + ("tension",), cond.tension, 0, 100, "tension")
    yield from _span_problems(ctx, path + ("round",), cond.round, 1, ctx.scenario.rounds,
                              "the round")
    yield from _span_problems(ctx, path + ("operating_count",), cond.operating_count, 0,
                              len(ctx.establishable),
                              "the number of milestones that can ever operate")
    for key in ("trust", "support", "commitments_kept", "commitments_broken"):
        high = 100 if key in ("trust", "support") else 10_000
        for j, test in enumerate(getattr(cond, key)):
            yield from _span_problems(ctx, path + (key, j), test, 0, high, key)
    yield from _operating_problems(ctx, path, cond)


def _operating_problems(ctx: Lint, path: Path, cond: Condition) -> Iterator[Problem]:
    """Problems with the milestones a condition needs operating."""
    for j, m in enumerate(cond.operating):
        if m in ctx.milestones and m not in ctx.establishable:
            yield ctx.problem(path + ("operating", j), f"milestone '{m}' can never operate "
                                                       f"({never_reason(ctx, m)}), so this "
                                                       "never holds")
        if m in cond.not_operating:
            yield ctx.problem(path + ("operating", j), f"milestone '{m}' cannot be both "
                                                       "operating and not operating")
    count = cond.operating_count
    if count and count.max is not None and len(set(cond.operating)) > count.max:
        yield ctx.problem(path + ("operating_count",), f"{len(set(cond.operating))} milestones "
                          f"must operate, but operating_count allows at most {count.max}")


def never_reason(ctx: Lint, milestone: str, seen: tuple[str, ...] = ()) -> str:
    """The root cause that keeps a milestone from ever operating, naming the milestone."""
    spec = next(m for m in ctx.scenario.milestones if m.id == milestone)
    if milestone in seen:
        return f"the prerequisites of '{milestone}' form a cycle"
    if not any(a.establishes == milestone for a in ctx.scenario.actions):
        return f"no action establishes '{milestone}'"
    blocked = [r for r in spec.requires if r in ctx.milestones and r not in ctx.establishable]
    if blocked:
        return never_reason(ctx, blocked[0], seen + (milestone,))
    return f"nothing adds the progress '{milestone}' needs"


def check_conditions_satisfiable(ctx: Lint) -> Iterator[Problem]:
    """Every condition of an event, objective or ending can hold in some game."""
    for top, cond_, _ in conditions(ctx.scenario):
        for path, cond in nested(top, cond_):
            yield from unsatisfiable(ctx, path, cond)


def check_events(ctx: Lint) -> Iterator[Problem]:
    """Scripted events fall inside the game; conditional events can fire."""
    rounds = ctx.scenario.rounds
    for i, ev in enumerate(ctx.scenario.events):
        if ev.kind == "scripted" and ev.round is not None and ev.round > rounds:
            yield ctx.problem(("events", i, "round"), f"round {ev.round} never comes: the "
                                                      f"game has {rounds} rounds")
        if ev.when is not None and ev.when.breakdown:
            yield ctx.problem(("events", i, "when", "breakdown"),
                              "events happen only while the talks go on, so this never fires")
        if ev.when is not None and ev.kind != "conditional":
            yield ctx.problem(("events", i, "when"), f"`when` is only read for conditional "
                                                     f"events, and this one is {ev.kind}",
                              key=True)


def check_ending_points(ctx: Lint) -> Iterator[Problem]:
    """Each ending gives points to every role and to roles only."""
    order = ctx.scenario.role_ids
    for i, end in enumerate(ctx.scenario.endings):
        for role in end.points:
            if role not in ctx.roles:
                yield ctx.problem(("endings", i, "points", role),
                                  f"unknown role '{role}'" + hint(role, ctx.roles), key=True)
        missing = [r for r in order if r not in end.points]
        if missing:
            yield ctx.problem(("endings", i, "points"),
                              f"ending '{end.id}' gives no points to {', '.join(missing)}; "
                              "give every role a number, even 0", key=True)


def check_endings_reachable(ctx: Lint) -> Iterator[Problem]:
    """No ending sits behind an earlier one that always holds in its situation."""
    endings = ctx.scenario.endings
    for i, end in enumerate(endings):
        for earlier in endings[:i]:
            if always(earlier.when, end.when.breakdown):
                yield ctx.problem(("endings", i), f"ending '{end.id}' can never be reached: "
                                                  f"ending '{earlier.id}' comes first and "
                                                  "always holds; move it last")
                break


def always(cond: Condition, breakdown: bool | None = None) -> bool:
    """True if the condition holds in every state (with this breakdown value, if given)."""
    own = (cond.operating, cond.not_operating, cond.trust, cond.support,
           cond.commitments_kept, cond.commitments_broken)
    spans = (cond.tension, cond.round, cond.operating_count)
    if any(own) or any(s is not None and (s.min, s.max) != (None, None) for s in spans):
        return False
    if cond.breakdown is not None and cond.breakdown != breakdown:
        return False
    return not cond.any_of or any(always(c, breakdown) for c in cond.any_of)


def check_endings_cover(ctx: Lint) -> Iterator[Problem]:
    """Some ending surely holds in every way a game can end: last round or breakdown."""
    for state in end_states(ctx):
        if not any(surely(e.when, state) for e in ctx.scenario.endings):
            yield ctx.problem(("endings",), f"no ending surely holds when {state.text()}; "
                                            "add a last ending with `when: {}` as a catch-all",
                              key=True)
            return


@dataclass(frozen=True)
class EndState:
    """One way a game can end, as far as ending conditions can tell without meters."""

    breakdown: bool
    tension: int
    round: int
    operating: frozenset[str]

    def text(self) -> str:
        """The state in words, for a message."""
        ops = ", ".join(sorted(self.operating)) or "none"
        when = (f"the talks break down in round {self.round}" if self.breakdown
                else f"the last round ends with tension {self.tension}")
        return f"{when} and milestones operating: {ops}"


def end_states(ctx: Lint) -> Iterator[EndState]:
    """Sample end states: every span boundary crossed with every set of milestones."""
    spans = [c for e in ctx.scenario.endings for _, c in nested((), e.when)]
    tensions = _samples([c.tension for c in spans], 0, 99)
    rounds = _samples([c.round for c in spans], 1, ctx.scenario.rounds)
    for operating in _milestone_sets(ctx):
        for tension in tensions:
            yield EndState(False, tension, ctx.scenario.rounds, operating)
        for rnd in rounds:
            yield EndState(True, 100, rnd, operating)


def _samples(spans: list[Span | None], low: int, high: int) -> list[int]:
    """Values on both sides of every span boundary, within low..high."""
    values = {low, high}
    for span in spans:
        for end in (span.min, span.max) if span else ():
            if end is not None:
                values |= {end - 1, end, end + 1}
    return sorted(v for v in values if low <= v <= high)


def _milestone_sets(ctx: Lint) -> list[frozenset[str]]:
    """Every set of establishable milestones; only file-order prefixes when there are many."""
    ids = [m.id for m in ctx.scenario.milestones if m.id in ctx.establishable]
    if len(ids) > 10:
        return [frozenset(ids[:k]) for k in range(len(ids) + 1)]
    return [frozenset(c) for k in range(len(ids) + 1) for c in itertools.combinations(ids, k)]


def surely(cond: Condition, state: EndState) -> bool:
    """True if the condition holds in this state whatever the trust and support meters say."""
    if cond.trust or cond.support or cond.commitments_kept or cond.commitments_broken:
        return False
    if cond.breakdown is not None and cond.breakdown != state.breakdown:
        return False
    tests = ((cond.tension, state.tension), (cond.round, state.round),
             (cond.operating_count, len(state.operating)))
    if any(span is not None and not span.holds(value) for span, value in tests):
        return False
    if not set(cond.operating) <= state.operating or set(cond.not_operating) & state.operating:
        return False
    return not cond.any_of or any(surely(c, state) for c in cond.any_of)


CHECKERS: tuple[Checker, ...] = (
    check_unique_ids, check_rules, check_trust_seeds, check_action_refs, check_action_sense,
    check_demand_refs, check_milestone_refs, check_milestone_cycles, check_milestones_reachable,
    check_effect_roles, check_condition_refs, check_conditions_satisfiable, check_events,
    check_ending_points, check_endings_reachable, check_endings_cover,
)
