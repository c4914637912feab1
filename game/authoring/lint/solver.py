"""Can a condition ever hold? A small exact solver over the tests a condition makes.

A condition is a conjunction of range tests (tension, round, number of operating
milestones, trust, support, commitments kept or broken), milestones that must or must
not operate, and the breakdown flag, with `any_of` adding a disjunction. It is turned
into terms (disjunctive normal form); a term can hold when every range fits inside
what the meter can ever be in that situation and the milestones fit the prerequisite
graph (a milestone operates only while its prerequisites do). `possible` also asks
whether a term can hold while a list of other conditions all fail - an ending hidden
behind earlier endings - by choosing, for each of them, one test to fail.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from game.authoring.lint.reach import Reach
from game.model.scenario import Condition, Scenario
from game.words import _, ngettext

BIG = 10_000  # no count of commitments ever gets this far
MAX_TERMS = 64  # any_of expansions beyond this are cut short (never a false error)
BUDGET = 20_000  # search steps before `possible` gives the benefit of the doubt

Var = tuple[str, ...]


class Reason(str):
    """Why a term cannot hold, in words, with the root cause it names, for folding:
    `milestone`, one that can never operate; `unkept`, a role whose commitments all
    outlast the game."""

    milestone: str = ""
    unkept: str = ""


def reason(text: str, *, milestone: str = "", unkept: str = "", like: str = "") -> Reason:
    """A Reason; `like` passes on the causes of the reason it builds on."""
    out = Reason(text)
    out.milestone = milestone or getattr(like, "milestone", "")
    out.unkept = unkept or getattr(like, "unkept", "")
    return out


@dataclass(frozen=True)
class Term:
    """One conjunction: ranges per variable, milestones in and out, the breakdown flag."""

    spans: dict[Var, tuple[int, int]] = field(default_factory=dict)
    ops_in: frozenset[str] = frozenset()
    ops_out: frozenset[str] = frozenset()
    breakdown: bool | None = None

    def empty(self) -> bool:
        """True if the term tests nothing, so it always holds."""
        return not (self.spans or self.ops_in or self.ops_out or self.breakdown is not None)


def meet(a: Term, b: Term) -> Term | None:
    """Both terms at once, or None if their breakdown flags differ."""
    if a.breakdown is not None and b.breakdown is not None and a.breakdown != b.breakdown:
        return None
    spans = dict(a.spans)
    for var, (lo, hi) in b.spans.items():
        old = spans.get(var, (-BIG, BIG))
        spans[var] = (max(old[0], lo), min(old[1], hi))
    return Term(spans, a.ops_in | b.ops_in, a.ops_out | b.ops_out,
                a.breakdown if a.breakdown is not None else b.breakdown)


@dataclass
class Situation:
    """When a condition is read: at the end of a game ("end") or at the start of a round."""

    scenario: Scenario
    reach: Reach
    at_end: bool
    kept_max: dict[str, int] = field(default_factory=dict)
    broken_max: dict[str, int] = field(default_factory=dict)
    kept_why: dict[str, Reason] = field(default_factory=dict)
    requires: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        s, r = self.scenario, self.reach
        known = {m.id for m in s.milestones}
        self.requires = {m.id: set(m.requires) & known for m in s.milestones}
        for role in s.role_ids:
            makes = [a for a in s.actions if a.commitment and role in r.takers.get(a.id, ())]
            breaks = [a for a in makes if any(role in r.takers.get(b, ()) for b in a.commitment.broken_by)]
            # A commitment is kept when its term runs out, which must happen by the last round.
            in_time = [a for a in makes if (a.requires.from_round or 1) + a.commitment.term <= s.rounds]
            self.kept_max[role] = BIG if in_time else 0
            self.broken_max[role] = BIG if breaks else 0
            if not makes:
                why = reason(_("{role} can never make a commitment").format(role=role))
            elif not in_time:
                why = reason(_("every commitment {role} can make runs past the last round "
                               "({rounds}), so none is ever kept").format(role=role,
                                                                          rounds=s.rounds),
                             unkept=role)
            else:
                why = reason(_("{role} can never break a commitment it makes").format(role=role))
            self.kept_why[role] = why

    def bounds(self, var: Var, breakdown: bool | None) -> tuple[int, int, str]:
        """The range a variable can take here, and why, in words."""
        s = self.scenario
        kind = var[0]
        if kind == "tension":
            if breakdown:
                return 100, 100, _("tension is 100 when the talks break down")
            if breakdown is False or not self.at_end:
                return 0, 99, _("tension is below 100 while the talks go on")
            return 0, 100, _("tension runs from 0 to 100")
        if kind == "round":
            # A game usually ends after the last round, but a facilitator (or --rounds) can
            # end it sooner, so any round of the game can be the last one.
            return 1, s.rounds, _("the game has rounds 1 to {rounds}").format(rounds=s.rounds)
        if kind == "opcount":
            n = len(self.reach.milestones)
            return 0, n, ngettext("at most {n} milestone can ever operate",
                                  "at most {n} milestones can ever operate", n).format(n=n)
        if kind == "trust":
            return 0, 100, _("trust runs from 0 to 100")
        if kind == "support":
            return 0, 100, _("support runs from 0 to 100")
        table = self.kept_max if kind == "kept" else self.broken_max
        high = table.get(var[1], BIG)
        if high != 0:
            return 0, high, _("counts are never negative")
        why = self.kept_why.get(var[1], "") if kind == "kept" else \
            _("{role} can never break a commitment it makes").format(role=var[1])
        return 0, high, why

    def closure(self, ops: frozenset[str]) -> set[str]:
        """The milestones and every prerequisite they need, transitively."""
        out, todo = set(), list(ops)
        while todo:
            m = todo.pop()
            if m not in out:
                out.add(m)
                todo.extend(self.requires.get(m, ()))
        return out


def terms(cond: Condition, s: Scenario, self_role: str | None = None) -> list[Term]:
    """The condition as a list of terms, any one of which makes it hold."""
    base = _own(cond, s, self_role)
    if not cond.any_of:
        return [base]
    out: list[Term] = []
    for branch in cond.any_of:
        for t in terms(branch, s, self_role):
            m = meet(base, t)
            if m is not None and len(out) < MAX_TERMS:
                out.append(m)
    return out


def _own(cond: Condition, s: Scenario, self_role: str | None) -> Term:
    roles = set(s.role_ids)
    known = {m.id for m in s.milestones}

    def who(ref: str) -> str | None:
        ref = self_role if ref == "self" and self_role else ref
        return ref if ref in roles else None

    spans: dict[Var, tuple[int, int]] = {}

    def add(var: Var, span) -> None:  # noqa: ANN001 - a Span
        lo = -BIG if span.min is None else span.min
        hi = BIG if span.max is None else span.max
        old = spans.get(var, (-BIG, BIG))
        spans[var] = (max(old[0], lo), min(old[1], hi))

    for name, span in (("tension", cond.tension), ("round", cond.round),
                       ("opcount", cond.operating_count)):
        if span is not None:
            add((name,), span)
    for t in cond.trust:
        if who(t.from_) and who(t.to) and who(t.from_) != who(t.to):
            add(("trust", who(t.from_), who(t.to)), t)
    for key, tests in (("support", cond.support), ("kept", cond.commitments_kept),
                       ("broken", cond.commitments_broken)):
        for t in tests:
            if who(t.role):
                add((key, who(t.role)), t)
    return Term(spans, frozenset(m for m in cond.operating if m in known),
                frozenset(m for m in cond.not_operating if m in known), cond.breakdown)


def why_not(term: Term, sit: Situation) -> str | None:
    """None if the term can hold in this situation, else the reason in words."""
    if term.breakdown and not sit.at_end:
        return _("events happen only while the talks go on, never after a breakdown")
    flags = [term.breakdown] if term.breakdown is not None or not sit.at_end else [False, True]
    reasons = [_why_not(term, sit, b) for b in flags]
    return None if any(r is None for r in reasons) else reasons[0]


def _why_not(term: Term, sit: Situation, breakdown: bool | None) -> str | None:
    never = [m for m in sorted(term.ops_in) if m not in sit.reach.milestones]
    if never:
        return reason(_("milestone '{milestone}' can never operate").format(milestone=never[0]),
                      milestone=never[0])
    needed = sit.closure(term.ops_in)
    clash = sorted(needed & term.ops_out)
    if clash:
        m = clash[0]
        if m in term.ops_in:
            return _("milestone '{milestone}' must both operate and not operate").format(milestone=m)
        user = next(x for x in sorted(term.ops_in) if m in sit.closure(frozenset({x})))
        return _("'{user}' operates only while its prerequisite '{milestone}' does, which must "
                 "not operate").format(user=user, milestone=m)
    for var, (lo, hi) in sorted(term.spans.items()):
        dlo, dhi, why = sit.bounds(var, breakdown)
        if var == ("opcount",):
            dlo = max(dlo, len(needed))
            dhi = min(dhi, len(sit.reach.milestones - _above(sit, term.ops_out)))
            why = ngettext("between {low} and {high} milestone can operate here",
                           "between {low} and {high} milestones can operate here",
                           dhi).format(low=dlo, high=dhi)
        if max(lo, dlo) > min(hi, dhi):
            return reason(_range(lo, hi).format(name=_name(var), low=lo, high=hi, why=why),
                          like=why)
    return None


def _above(sit: Situation, ops_out: frozenset[str]) -> set[str]:
    """Milestones that need any of `ops_out`, and those milestones themselves."""
    return {m for m in sit.reach.milestones if sit.closure(frozenset({m})) & ops_out}


def _name(var: Var) -> str:
    """The variable as a noun, the subject of one of _range's messages."""
    kind = var[0]
    if kind == "tension":
        return _("tension")
    if kind == "round":
        return _("the round")
    if kind == "opcount":
        return _("the number of operating milestones")
    if kind == "trust":
        return _("trust") if len(var) < 3 else \
            _("trust of {source} in {target}").format(source=var[1], target=var[2])
    if kind == "support":
        return _("support of {role}").format(role=var[-1])
    if kind == "kept":
        return _("commitments kept by {role}").format(role=var[-1])
    return _("commitments broken by {role}").format(role=var[-1])


def _range(lo: int, hi: int) -> str:
    """The whole message that a variable ({name}) must lie in a range it cannot, and {why}."""
    if lo > hi:
        return _("{name} must be at least {low} and at most {high}, but {why}")
    if lo <= -BIG:
        return _("{name} must be at most {high}, but {why}")
    if hi >= BIG:
        return _("{name} must be at least {low}, but {why}")
    return _("{name} must lie in {low}..{high}, but {why}")


def negations(term: Term, sit: Situation) -> list[Term]:
    """Terms each of which makes `term` fail; none if it always holds."""
    out = []
    for var, (lo, hi) in term.spans.items():
        if lo > -BIG:
            out.append(Term({var: (-BIG, lo - 1)}))
        if hi < BIG:
            out.append(Term({var: (hi + 1, BIG)}))
    out += [Term(ops_out=frozenset({m})) for m in term.ops_in]
    out += [Term(ops_in=frozenset({m})) for m in term.ops_out]
    if term.breakdown is not None:
        out.append(Term(breakdown=not term.breakdown))
    return out


def possible(term: Term, avoid: list[list[Term]], sit: Situation) -> bool:
    """True if `term` can hold while every condition in `avoid` (each a list of terms) fails."""
    others = [t for terms_ in avoid for t in terms_]
    steps = [0]

    def search(current: Term, i: int) -> bool:
        steps[0] += 1
        if steps[0] > BUDGET:
            return True
        if why_not(current, sit) is not None:
            return False
        if i == len(others):
            return True
        both = meet(current, others[i])
        if both is None or why_not(both, sit) is not None:
            return search(current, i + 1)
        for neg in negations(others[i], sit):
            nxt = meet(current, neg)
            if nxt is not None and search(nxt, i + 1):
                return True
        return False

    return search(term, 0)


def holds_always(cond: Condition, sit: Situation, self_role: str | None = None) -> bool:
    """True if the condition holds in every state of this situation."""
    return not possible(Term(), [terms(cond, sit.scenario, self_role)], sit)


def never(cond: Condition, sit: Situation, self_role: str | None = None) -> str | None:
    """None if the condition can hold, else why not (the first term's reason)."""
    found = terms(cond, sit.scenario, self_role)
    reasons = [why_not(t, sit) for t in found]
    if not found:
        return _("none of its any_of branches can hold alongside its other tests")
    if any(r is None for r in reasons):
        return None
    if len(reasons) == 1:
        return reasons[0]
    return reason(_("no branch of any_of can hold ({reason}, ...)").format(reason=reasons[0]),
                  like=reasons[0])


def with_breakdown(term: Term, value: bool) -> Term:
    """The term with the breakdown flag fixed."""
    return replace(term, breakdown=value)
