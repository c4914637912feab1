"""The balance lab's flags and causes in words: a headline, why, and what to try.

`Note` is what the terminal, the HTML report and the JSON file all show for one flag:
the headline, one line per likely cause, and one line per fix in scenario terms
(the keys to change). Every sentence is made here, whole, through gettext.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.lab.flags import DECIDES, IMBALANCE, OBJECTIVE_HIGH, OBJECTIVE_LOW, Cause, Flag
from game.model.scenario import Scenario
from game.words import N_, _


@dataclass
class Note:
    """One flag in words: `text` (the headline), `why` (its causes), `tries` (fixes)."""

    kind: str
    subject: str
    text: str
    why: list[str] = field(default_factory=list)
    tries: list[str] = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    causes: list[dict] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The note as the terminal prints it: `! headline`, then `why:` and `try:` lines."""
        return ([f"  ! {self.text}"] + [_("      why: {line}").format(line=w) for w in self.why]
                + [_("      try: {line}").format(line=t) for t in self.tries])


class Names:
    """Display names of a scenario's roles, actions, milestones, demands and endings."""

    def __init__(self, scenario: Scenario) -> None:
        self.s = scenario
        self.names = {r.id: r.name for r in scenario.roles}
        self.names |= {a.id: a.name for a in scenario.actions}
        self.names |= {m.id: m.name for m in scenario.milestones}
        self.names |= {d.id: d.name for d in scenario.demands}
        self.names |= {e.id: e.name for e in scenario.endings}

    def __call__(self, some_id: str) -> str:
        return self.names.get(some_id, some_id)


def note(flag: Flag, scenario: Scenario) -> Note:
    """The words of one flag and its causes."""
    name = Names(scenario)
    why, tries = [], []
    for cause in flag.causes:
        w, t = cause_words(cause, name)
        why.append(w)
        if t and t not in tries:
            tries.append(t)
    tries += [_(t) for t in STATIC_TRIES.get(flag.kind, ()) if _(t) not in tries]
    return Note(flag.kind, flag.subject, headline(flag, name), why, tries, flag.facts,
                [{"kind": c.kind, "facts": c.facts} for c in flag.causes])


#: What to try for flags whose causes the lab does not trace.
STATIC_TRIES = {
    "optimum_tie": (N_("give the roles different values for the options of an issue, so "
                       "that the packages best for the table divide the gains unevenly and "
                       "the terms are contested (negotiation: issues: options: values)"),),
    "role_top_rare": (N_("raise the role's values for the options the others would give, or "
                         "its walk-away value (negotiation: walk_away), so that it can finish "
                         "top through the terms it wins"),),
}


def headline(flag: Flag, name: Names) -> str:
    """The flag itself in one sentence."""
    f, s = flag.facts, flag.subject
    texts = {
        "role_top_high": lambda: _(
            "role {role} finishes top alone in {share:.0%} of games, more than {points} points "
            "above the fair share of {fair:.0%}").format(role=s, share=f["share"], fair=f["fair"],
                                                          points=round(IMBALANCE * 100)),
        "role_top_low": lambda: _(
            "role {role} finishes top alone in only {share:.1%} of games, under half its fair "
            "share of {fair:.0%}").format(role=s, share=f["share"], fair=f["fair"]),
        "role_top_rare": lambda: _(
            "role {role} is at the top, alone or tied, in only {share:.1%} of games, under half "
            "its fair share of {fair:.0%}").format(role=s, share=f["share"], fair=f["fair"]),
        "optimum_tie": lambda: _(
            "the cooperative optimum ties every role: the package with the best joint gain "
            "({terms}) gives each party the same gain ({gain:+d})").format(
            terms=" ".join(f"{i}={o}" for i, o in f["terms"].items()),
            gain=next(iter(f["gains"].values()), 0)),
        "ending_never": lambda: _("ending {name!r} is never reached").format(name=f["name"]),
        "ending_rare": lambda: _("ending {name!r} is rare: {n} of {total} games ({share:.1%}, "
                                 "under 2%)").format(name=f["name"], n=f["games"],
                                                     total=f["total"], share=f["share"]),
        "ending_dominant": lambda: _("ending {name!r} ends {share:.0%} of all games (over 85%)")
        .format(name=f["name"], share=f["share"]),
        "persona_dominates": lambda: _("persona {p} dominates: best reply in {share:.0%} of "
                                       "situations (at least 75%)").format(p=s, share=f["share"]),
        "persona_decides": lambda: _(
            "persona {p} decides the ending: with it at the table {share:.0%} of games end "
            "{ending!r} (over {limit:.0%}), against {without:.0%} without it").format(
            p=s, share=f["share"], ending=name(f["ending"]), without=f["without"], limit=DECIDES),
        "action_never": lambda: _("action '{id}' ({name}) is never chosen").format(
            id=s, name=f["name"]),
        "milestone_never": lambda: _("milestone '{id}' ({name}) never operates").format(
            id=s, name=f["name"]),
        "objective_always": lambda: _("objective {id} is met in {met:.1%} of games (over "
                                      "{limit:.0%}): almost a gift").format(
            id=s, met=f["met"], limit=OBJECTIVE_HIGH),
        "objective_rare": lambda: _("objective {id} is met in only {met:.1%} of games (under "
                                    "{limit:.0%}): almost a dead letter").format(
            id=s, met=f["met"], limit=OBJECTIVE_LOW),
    }
    return texts[flag.kind]()


def cause_words(cause: Cause, name: Names) -> tuple[str, str]:
    """(why, try) for one cause; `try` may be empty."""
    return WORDS[cause.kind](cause.facts, name)


#: Closure kind -> (why, try) templates; {subject} is the id it names, {name} its name.
CLOSED = {
    "support": (N_("its actor's support was under min_support {subject}"),
                N_("lower requires.min_support of '{action}', or give its roles more start_support")),
    "needs_operating": (N_("milestone '{subject}' ({name}) was not operating"),
                        N_("make '{subject}' easier to reach, or drop it from requires.operating "
                          "of '{action}'")),
    "blocked_by": (N_("milestone '{subject}' ({name}) was operating"),
                   N_("drop '{subject}' from requires.not_operating of '{action}'")),
    "prerequisite": (N_("its prerequisite '{subject}' ({name}) was not operating"),
                     N_("make '{subject}' easier to reach, or drop it from the milestone's requires")),
    "progress": (N_("milestone '{subject}' lacked the progress it needs"),
                 N_("lower progress_needed of '{subject}', or raise the progress effects that "
                   "lead to it")),
    "demand_not_standing": (N_("its actor did not stand by demand '{subject}' ({name})"),
                            N_("drop requires.demand_standing of '{action}'")),
    "demand_standing": (N_("the demand '{subject}' ({name}) was already standing"), ""),
    "used_up": (N_("its max_uses of {subject} were used up"),
                N_("raise requires.max_uses of '{action}'")),
    "too_early": (N_("it is closed before round {subject} (requires.from_round)"),
                  N_("lower requires.from_round of '{action}'")),
    "no_target_demanding": (N_("no other role stood by demand '{subject}' ({name})"),
                            N_("make demand '{subject}' cheaper to stand by, or drop "
                              "requires.target_demands of '{action}'")),
    "no_commitment_received": (N_("its actor held no commitment made by '{subject}' ({name})"),
                               N_("make '{subject}' easier to give, or drop "
                                 "requires.received_commitment of '{action}'")),
    "commitment_in_force": (N_("the same commitment was still in force"), ""),
    "nothing_to_withdraw": (N_("no milestone of its roles was operating to withdraw from"), ""),
    "not_party": (N_("its actor is not a party of milestone '{subject}'"), ""),
    "already_operating": (N_("milestone '{subject}' was already operating"), ""),
}


def _closed(f: dict, name: Names) -> tuple[str, str]:
    why, fix = CLOSED.get(f["why"], (N_("a requirement ({subject}) closed it"), ""))
    why, fix = _(why), _(fix) if fix else ""
    words = {"subject": f["subject"], "name": name(f["subject"]), "action": f["action"]}
    return (_("'{action}' was closed in {share:.0%} of the rounds it could be ordered: {why}")
            .format(action=f["action"], share=f["share"], why=why.format(**words)),
            fix.format(**words))


PASSED = {
    "not_concession": (N_("the personas never pick a step that is none of: a concession, a "
                          "demand made or dropped, a written commitment, a guarantee that meets a "
                          "demand (a proposal or an offer is picked only as a concession)"),
                       N_("mark '{action}' `concession: true` if it is a conciliatory step")),
    "unread": (N_("it is a {kind} step, and none of the personas played picks one (only "
                  "{readers} do)"),
               N_("add {readers} to --personas, or --assign one to a role that may take "
                  "'{action}'")),
    "concession_nowhere": (N_("it is a concession aimed at no one: no target and no trust "
                             "effect toward another role"),
                           N_("give '{action}' target: role, or a trust effect toward the actor")),
    "pressure_costly": (N_("personas press only with pressure costing 1 point, and it costs "
                          "{cost}"), N_("set cost: 1 on '{action}'")),
    "home_no_gain": (N_("personas take a home-front step only for the support it gains "
                       "the actor, and it gains none"),
                     N_("give '{action}' a support effect for the actor")),
    "outranked": (N_("every persona preferred another move whenever it was open"),
                  N_("make '{action}' cheaper (cost) or its effects larger, or mark it as a "
                     "concession if it is one")),
    "outranked_by": (N_("personas took '{rival}' (cost {rival_cost}), the same kind of step, "
                        "instead: among like steps they take the cheapest, then the one that "
                        "costs the least support at home"),
                     N_("make '{action}' cost {rival_cost} like '{rival}': personas rank a "
                        "proposal above an offer above a one-sided step, and a 1-point step "
                        "above a 2-point one")),
    "outranked_by_other": (N_("personas spent their points on '{rival}' instead, a step of the "
                              "same kind that they rank higher (a proposal above an offer above a "
                              "one-sided step)"),
                           N_("raise points_per_round, or make '{rival}' or '{action}' cheaper, "
                              "so points are left for '{action}'")),
    "pressure_trusted": (N_("personas press only a partner they distrust (a hardliner below "
                            "trust 40) or one that pressed them first, and the trust it could "
                            "be aimed along ({pairs}) ended at a mean of {trust}"),
                         N_("lower the start trust between those roles, or accept that "
                            "'{action}' is a choice for human players")),
    "ratification_odds": (N_("a ratified guarantee is offered only while ratification has a "
                             "chance at the actor's support (above its threshold {threshold}), "
                             "and only by a legalist to a role that demands it"),
                          N_("lower ratification.threshold of '{action}', or raise its roles' "
                             "start_support")),
    "withdrawal": (N_("no persona ever withdraws from a milestone"), ""),
    "no_op": (N_("it changes nothing, and a persona with nothing to do simply stops ordering; "
                 "waiting is a choice for human players"), ""),
}


def _passed(f: dict, name: Names) -> tuple[str, str]:
    kind = f["why"]
    if kind == "outranked" and f.get("rival"):
        cheaper = f["rival_cost"] < f["cost"] and f.get("rival_alike", True)
        kind = "outranked_by" if cheaper else "outranked_by_other"
    why, fix = (_(text) if text else "" for text in PASSED[kind])
    words = {"trust": "?" if f.get("trust") is None else f"{f['trust']:.0f}",
             "pairs": ", ".join(f.get("pairs", [])), "readers": ", ".join(f.get("readers", [])),
             **{k: v for k, v in f.items() if k not in ("trust", "pairs", "readers")}}
    return (_("'{action}' was open in {open:.0%} of the rounds it could be ordered, but {why}")
            .format(action=f["action"], open=f["open"], why=why.format(**words)),
            fix.format(**words))


def _declined_words(f: dict, name: Names) -> tuple[str, str]:
    low = f["lowest_accepted"]
    accepted = (_("it accepted none below trust {low}").format(low=low) if low is not None
                else _("it accepted none"))
    why = _("{persona}, as {responder}, declined {share:.0%} of {n} offers from {offerer}, at a "
            "mean trust in {offerer} of {trust}; {accepted}").format(
        persona=f["persona"], responder=f["responder"], share=f["share"], n=f["answers"],
        offerer=f["offerer"], trust=f["trust"], accepted=accepted)
    fix = _("raise default_trust, or start_trust from {responder} to {offerer}, or give "
            "{offerer} a concession toward {responder} (see Personas in docs/authoring.md)").format(
        responder=f["responder"], offerer=f["offerer"])
    return why, fix


TESTS = {
    "tension": N_("tension"), "round": N_("the round"), "operating_count": N_("the number of "
                                                                         "milestones operating"),
    "support": N_("support of {0}"), "trust": N_("trust of {0} in {1}"),
    "commitments_kept": N_("commitments kept by {0}"), "commitments_broken": N_("commitments broken by {0}"),
}


def test_words(f: dict, name: Names) -> str:
    """A condition's test in words: `trust of south in north >= 45`, `'line' operating`."""
    kind, subject = f["kind"], f["subject"]
    if kind in ("operating", "not_operating"):
        word = _("operating") if kind == "operating" else _("not operating")
        return f"'{subject[0]}' {word}"
    if kind == "breakdown":
        return _("a breakdown") if f["min"] else _("no breakdown")
    if kind == "any_of":
        return _("one of its any_of branches")
    what = _(TESTS[kind]).format(*subject)
    low, high = f["min"], f["max"]
    bound = (f"{low}..{high}" if low is not None and high is not None
             else f">= {low}" if low is not None else f"<= {high}")
    return f"{what} {bound}"


def _test(f: dict, name: Names) -> tuple[str, str]:
    mean = "" if f["mean"] is None else _(" (mean {mean:.0f} at the end)").format(mean=f["mean"])
    why = _("its test {test} held in {held:.0%} of games{mean}").format(
        test=test_words(f, name), held=f["held"], mean=mean)
    if f["kind"] in ("tension", "trust", "support", "round", "operating_count",
                     "commitments_kept", "commitments_broken"):
        fix = _("move that bound toward the mean, or change what moves {test}").format(
            test=test_words(f, name).rsplit(" ", 2)[0])
    elif f["kind"] in ("operating", "not_operating"):
        fix = _("see the milestone '{m}' in the lab's figures").format(m=f["subject"][0])
    else:
        fix = ""
    return why, fix


def _score_gap(f: dict, name: Names) -> tuple[str, str]:
    why = _("{role} scores {score:.1f} a game against {others:.1f} for the others: objectives "
            "{obj:.1f} against {oobj:.1f}, endings {end:.1f} against {oend:.1f}").format(
        role=f["role"], score=f["score"], others=f["others"], obj=f["objective_points"],
        oobj=f["others_objective_points"], end=f["ending_points"], oend=f["others_ending_points"])
    if max(abs(f["objective_points"] - f["others_objective_points"]),
           abs(f["ending_points"] - f["others_ending_points"])) < 0.05:
        return why, ""
    if f["objective_points"] < f["others_objective_points"] and f["hardest"]:
        fix = _("make objective {role}.{o} (met in {met:.0%}) easier, or raise its points").format(
            role=f["role"], o=f["hardest"], met=f["hardest_met"])
    elif f["objective_points"] > f["others_objective_points"] and f["hardest"]:
        fix = _("lower the points of {role}'s objectives, or make them harder").format(role=f["role"])
    else:
        fix = _("change the endings' points for {role}").format(role=f["role"])
    return why, fix


def _profile(f: dict, name: Names) -> tuple[str, str]:
    why = _("{p} declines {d:.0%} of the offers it answers (others {od:.0%}) and its actions add "
            "{t:.1f} tension a game (others {ot:.1f})").format(
        p=f["persona"], d=f["declined"], od=f["others_declined"], t=f["tension"],
        ot=f["others_tension"])
    if f["tension"] > 1.5 * max(1.0, f["others_tension"]):
        return why, _("raise the trust or support cost of the pressure it uses, or lower "
                      "drift_base so tension eases back")
    return why, ""


def _catch_all(f: dict, name: Names) -> tuple[str, str]:
    return (_("it is the catch-all, reached because the endings above it are not: "
              "'{above}' ends {share:.0%} of games").format(above=f["above"], share=f["share"]),
            _("make the endings above it easier to reach"))


WORDS = {"closed": _closed, "passed_over": _passed, "declined": _declined_words, "test": _test,
         "score_gap": _score_gap, "persona_profile": _profile, "catch_all": _catch_all}

