"""AI delegations' reasoning in words, from the personas' `Reason` data.

A persona gives each decision as a `Reason` (see `game.model.results.ReasonKind` for the
kinds and their args). Here every kind is one whole sentence with named places for its
facts, ids put in words: `declines Washington's offer 'Propose joint exercises': trust
in Washington 32 < 40`. A delegation's own domestic support appears only as the word for
its band (`Senate support: shaky`), never as a number: reasoning is public.

`reasoning_line(game, role, note)` puts the delegation and the order in front:
`Moscow · Brief on programme plans → NATO: …` for an order, `Moscow, answering NATO: …`
for an answer to an offer, `Moscow: …` for the choice to give no order.
"""

from __future__ import annotations

from game.model.actions import Action, BadMoveText
from game.model.results import REASON_ARGS, Reason, ReasonKind
from game.words.i18n import N_, _, ngettext
from game.words.names import (
    action_label,
    action_name,
    commitment_name,
    demand_name,
    family_name,
    milestone_name,
    role_name,
    scenario_of,
)
from game.words.talks import issue_name, option_name

R = ReasonKind

#: The words for the bands of `game.ai.persona.HOME_BANDS`, lowest first.
HOME_WORDS = (N_("low"), N_("shaky"), N_("steady"), N_("firm"), N_("at its height"))

#: One sentence per kind. `{support}` is the delegation's own support in words (`Senate
#: support: shaky`), `{me}` its name, `{offer}` the offer answered (`Moscow's offer 'X'`).
_SENTENCES: dict[ReasonKind, str] = {
    R.HOME_FRONT: N_("shores up the home front: {support}"),
    R.HOME_AUDIENCE: N_("plays to its home audience: {support}"),
    R.KEEPS_TOGETHER: N_("keeps the members together while nothing needs answering: {support}"),
    R.OPENS_GRIT: N_("opens with a small step toward {partner} and waits to see it returned "
                     "(GRIT): trust in {partner} {trust}, tension {tension}"),
    R.OPENING_DONE: N_("has made its opening steps: tension {tension}"),
    R.WAITS_FIRST: N_("waits for the others to move first: tension {tension}"),
    R.WAITS_FOR_MOVE: N_("waits for a move to answer: tension {tension}"),
    R.RETURNS_GIFT: N_("returns {partner}'s '{gift}': trust in {partner} {trust}"),
    R.RETURNS_FAVOUR: N_("returns the favour: {partner} accepted our offer last round: "
                         "trust in {partner} {trust}"),
    R.DOOR_OPEN: N_("keeps the door open to {partner} after a quiet round: "
                    "trust in {partner} {trust}"),
    R.ANSWERS_IN_KIND: N_("answers {partner}'s '{hit}' in kind: trust in {partner} {trust}"),
    R.ANSWERS_BREACH: N_("answers in kind: {partner}'s '{hit}' broke its {commitment}, "
                         "trust in {partner} {trust}"),
    R.NOTHING_LEFT: N_("has nothing left to offer this round: tension {tension}"),
    R.DEMANDS: N_("makes its demand of {partner} in public: trust in {partner} {trust}, "
                  "{support}"),
    R.HOLDS_BACK: N_("holds back from pressing {partner}: tension {tension} is too close to a "
                     "breakdown (ceiling {ceiling})"),
    R.NO_ONE_TO_PRESS: N_("holds its position, seeing no one to press: trust in {partner} "
                          "{trust} >= {threshold}, tension {tension}"),
    R.HOLDS: N_("holds its position: tension {tension}, {support}"),
    R.TALK_WAITS: N_("has nothing to say in the talks for now"),
    R.TALK_NOTHING: N_("proposes nothing yet: no package it could offer meets what it needs "
                       "({come_down})"),
    R.TALK_ACCEPTS: N_("accepts {partner}'s proposal: it meets what we need ({come_down})"),
    R.TALK_DECLINES: N_("declines {partner}'s proposal: we cannot accept '{option}'; more "
                        "trust in {partner} (now {trust}) would change our mind"),
    R.DROPS_DEMAND: N_("drops its demand now that {partner} has kept a commitment: "
                       "trust in {partner} {trust}"),
    R.OFFERS_GUARANTEE: N_("offers {partner} what it demands, {demand}: ratification has a "
                           "chance, {support}"),
    R.IN_WRITING: N_("puts a commitment to {partner} in writing: {partner}'s trust in {me} "
                     "{their_trust} < {threshold}"),
    R.COOPERATES: N_("cooperates with {partner}: trust in {partner} {trust} >= {threshold}"),
    R.COOPERATES_PLEDGED: N_("cooperates with {partner}: {partner} has given us a commitment "
                             "in writing, trust in {partner} {trust}"),
    R.WRITTEN_INSTEAD: N_("answers {partner}'s demand with a written commitment instead, as a "
                          "treaty would not pass at home: trust in {partner} {trust}"),
    R.OPENNESS: N_("keeps up its openness toward {partner} while the demand stands: "
                   "trust in {partner} {trust}, tension {tension}"),
    R.SETS_ASIDE: N_("sets its demand aside: holds {partner}'s commitment in writing, trust in "
                     "{partner} {trust} >= {threshold}, sees {partner} clearly (fog narrowed to "
                     "{width} points), and the hawks at home came round (chance {chance}%)"),
    R.DEMANDS_AGAIN: N_("renews its demand for {demand}: {partner} broke a commitment to "
                        "us, trust in {partner} {trust}"),
    R.ANSWERS_WITH_DEMAND: N_("answers {partner}'s '{hit}' by making its demand for {demand} "
                              "again: trust in {partner} {trust}"),
    R.WITHDRAWS: N_("withdraws from the {milestone}: {partner} broke its word to us last "
                    "round, trust in {partner} {trust}"),
    R.SUSPENDS: N_("suspends the talks: {partner}'s '{hit}' came with tension already at "
                   "{tension}"),
    R.WAITS_AND_SEES: N_("waits and sees, in the open: nothing is worth its points this round, "
                         "tension {tension}"),
    R.CARRIES_TREATY: N_("offers {partner} what it demands, {demand}: its home audience is "
                         "firm enough behind it to carry a treaty vote ({support})"),
    R.BAITS: N_("baits {partner} with a small step, nothing to pocket this round: "
                "{partner}'s trust in {me} {their_trust}"),
    R.BAITS_DESPITE: N_("shrugs off {partner}'s '{hit}' and baits it with a small step: "
                        "{partner}'s trust in {me} {their_trust}"),
    R.WAITS_FOR_CONCESSION: N_("waits for someone to concede: {support}"),
    R.SPENDS_NOTHING: N_("spends nothing more: {support}"),
    R.REST_HOME: N_("keeps the rest for its home front: {support}"),
    R.REST_HOME_TOO: N_("spends the rest at home too: {support}"),
    R.KEEPS_GIFT: N_("keeps {partner}'s '{gift}' and gives nothing back: {support}"),
    R.POCKETS: N_("pockets {partner}'s '{gift}' and spends its points at home instead: "
                  "{support}"),
    R.PRESSES_CONCEDER: N_("presses {partner} while it keeps conceding: {partner}'s trust in "
                           "{me} {their_trust}, tension {tension}"),
    R.KEEPS_GIVEN: N_("keeps what it was given: tension {tension}"),
    R.PRESSES_ALL: N_("presses: its trust in the others averages {mean} < {threshold}"),
    R.FAMILY_STEP: N_("takes a {family} step: its trust in the others averages {mean}"),
    R.NOTHING_WORTH: N_("sees nothing worth doing: its trust in the others averages {mean}"),
    R.ACCEPTS: N_("accepts {offer}: trust in {partner} {trust} >= {threshold}"),
    R.ACCEPTS_PLEDGED: N_("accepts {offer}: {partner} has given us a commitment in writing, "
                          "trust in {partner} {trust}"),
    R.ACCEPTS_DESPITE: N_("accepts {offer} despite its '{hit}' last round: "
                          "trust in {partner} {trust}"),
    R.ACCEPTS_FREELY: N_("accepts {offer} without conditions: trust in {partner} {trust}"),
    R.TAKES: N_("takes {offer}: accepting costs it no points, trust in {partner} {trust}"),
    R.DECLINES: N_("declines {offer}: trust in {partner} {trust} < {threshold}"),
    R.DECLINES_HOSTILE: N_("declines {offer}: {partner} moved against us last round ('{hit}'), "
                           "trust in {partner} {trust}"),
    R.DECLINES_JOINT: N_("declines {offer}: no joint undertaking while our demand for {demand} "
                         "stands, trust in {partner} {trust}"),
    R.TALK_SETS_ASIDE: N_("sets its demand for {demand} aside in the talks: it has {option}, "
                          "and trust in {partner} {trust} >= {threshold}"),
    R.TALK_WRITTEN_INSTEAD: N_("offers {partner} {instead} rather than {option}: a treaty would "
                               "not pass at home ({support}); only with support at its height "
                               "would it put one to a vote"),
    R.TALK_NO_TREATY: N_("offers {partner} {instead} rather than {option}: a treaty would not "
                         "pass at home ({support}), and even with support at its height a vote "
                         "would not be worth it"),
    R.KEEPS_TERM: N_("carries out what it agreed to {partner} in the talks: {option}"),
}

#: Kinds worded by one of several sentences, chosen by an arg (see `_variant`).
_VARIANTS: dict[ReasonKind, dict[object, str]] = {
    R.GIVES: {
        "track": N_("proposes the next step on the track, asking nothing in return: "
                    "trust in {partner} {trust}, tension {tension}"),
        "offer": N_("makes {partner} an offer, asking nothing in return: "
                    "trust in {partner} {trust}, tension {tension}"),
        "step": N_("reaches out to {partner}, asking nothing in return: "
                   "trust in {partner} {trust}, tension {tension}")},
    R.GIVES_DESPITE: {
        "track": N_("overlooks {partner}'s '{hit}' and proposes the next step on the track: "
                    "trust in {partner} {trust}, tension {tension}"),
        "offer": N_("overlooks {partner}'s '{hit}' and makes {partner} an offer: "
                    "trust in {partner} {trust}, tension {tension}"),
        "step": N_("overlooks {partner}'s '{hit}' and reaches out to {partner}: "
                   "trust in {partner} {trust}, tension {tension}")},
    R.PRESSES: {
        0: N_("presses {partner}: trust in {partner} {trust} < {threshold}, tension {tension}"),
        1: N_("keeps up the pressure on {partner}: trust in {partner} {trust} < {threshold}, "
              "tension {tension}")},
    R.PRESSES_BACK: {
        0: N_("presses {partner}: answers {partner}'s '{hit}', tension {tension}"),
        1: N_("keeps up the pressure on {partner}: answers {partner}'s '{hit}', "
              "tension {tension}")},
    R.INSISTS: {
        True: N_("insists on {demand} from {partner} before it cooperates: "
                 "{support}, tension {tension}"),
        False: N_("insists on {demand} before it cooperates: {support}, tension {tension}")},
    R.WAITS_FOR_GUARANTEE: {
        True: N_("waits for {demand} before it cooperates: tension {tension}"),
        False: N_("waits for commitments in writing before it cooperates: tension {tension}")},
    R.ACCEPTS_QUIET: {
        0: N_("accepts {offer}: no hostile move last round, trust in {partner} {trust}"),
        1: N_("accepts {offer}: no hostile move so far, trust in {partner} {trust}")},
    R.TALK_HOLDS_DEMAND: {
        False: N_("holds to its demand for {demand} in the talks: it would set the demand aside "
                  "for {option}, in a package that gives it a little more on the other issues, "
                  "once it trusts {partner} more (trust in {partner} now {trust}, needs "
                  "{threshold})"),
        True: N_("holds to its demand for {demand} in the talks, though it trusts {partner} "
                 "enough to set it aside (trust in {partner} {trust} >= {threshold}): it "
                 "would take {option} instead in a package that gives it a little more on the "
                 "other issues")},
    R.TALK_DECLINES_OPTION: {
        True: N_("declines {partner}'s proposal: we cannot accept '{option}' on {issue}; with "
                 "'{instead}' in its place we would accept"),
        False: N_("declines {partner}'s proposal: it is too far from what we need now, most of "
                  "all '{option}' on {issue}; no one change would make it acceptable")},
    R.DECLINES_UNREADY: {
        ("pledge", 0): N_("declines {offer}: a written pledge from {partner} does not meet our "
                          "demand for {demand}, and trust in {partner} {trust} < {needed}"),
        ("pledge", 1): N_("declines {offer}: it would bind us to {partner} too, a written "
                          "pledge from {partner} does not meet our demand for {demand}, and "
                          "trust in {partner} {trust} < {needed}"),
        ("demand", 0): N_("declines {offer}: our demand for {demand} still stands, and "
                          "trust in {partner} {trust} < {needed}"),
        ("demand", 1): N_("declines {offer}: it would bind us to {partner} too, our demand for "
                          "{demand} still stands, and trust in {partner} {trust} < {needed}"),
        ("unwritten", 0): N_("declines {offer}: no commitment in writing from {partner}, and "
                             "trust in {partner} {trust} < {needed}"),
        ("unwritten", 1): N_("declines {offer}: it would bind us to {partner} too, no commitment "
                             "in writing from {partner}, and trust in {partner} {trust} < "
                             "{needed}")},
}


#: How far a delegation has come down from its first asking (`come_down`, 0-4).
COME_DOWN_WORDS = (N_("still asking its most"), N_("has come down a little"),
                   N_("has come down some way"), N_("has come down a long way"),
                   N_("at the least it can accept"))


def _talk_reason(sc, kind: ReasonKind, raw: dict) -> str:
    """A reason for a proposal or a counter: what it needs, what it would give."""
    need = _("'{option}' on {issue}").format(
        option=option_name(sc, raw["need_issue"], raw["need_option"]),
        issue=issue_name(sc, raw["need_issue"]))
    gives = raw["give_issue"]
    give = _("'{option}' on {issue}").format(
        option=option_name(sc, gives, raw["give_option"]), issue=issue_name(sc, gives))
    if kind == R.TALK_PROPOSES:
        to = ", ".join(role_name(sc, r) for r in raw["to"].split(",") if r)
        if gives:
            return _("proposes a package to {to}: we need {need}, and would give {give}").format(
                to=to, need=need, give=give)
        return _("proposes a package to {to}: we need {need}").format(to=to, need=need)
    partner = role_name(sc, raw["partner"])
    if gives:
        return _("counters {partner}'s proposal: we need {need}, we would give {give}; more "
                 "trust in {partner} (now {trust}) would change our mind").format(
            partner=partner, need=need, give=give, trust=raw["trust"])
    return _("counters {partner}'s proposal: we need {need}; more trust in {partner} (now "
             "{trust}) would change our mind").format(partner=partner, need=need,
                                                       trust=raw["trust"])


def _variant(kind: ReasonKind, named: dict) -> object:
    """The key of the sentence a kind of `_VARIANTS` takes for these args."""
    if kind in (R.GIVES, R.GIVES_DESPITE):
        return named["how"]
    if kind in (R.PRESSES, R.PRESSES_BACK):
        return named["again"]
    if kind == R.INSISTS:
        return named["partner"] is not None
    if kind == R.WAITS_FOR_GUARANTEE:
        return named["demand"] is not None
    if kind == R.ACCEPTS_QUIET:
        return named["so_far"]
    if kind == R.TALK_HOLDS_DEMAND:
        return named["trust"] >= named["threshold"]
    if kind == R.TALK_DECLINES_OPTION:
        return bool(named["instead"])
    return named["why"], named["binds"]


def reason_text(game, role: str, reason: Reason, offer: str | None = None) -> str:
    """One reason of `role`'s in words, as a sentence that follows the delegation's name;
    `offer` is the offer an answer is about (its action text)."""
    sc = scenario_of(game)
    kind, args = reason
    raw = dict(zip(REASON_ARGS[kind], args, strict=True))
    if kind in (R.TALK_PROPOSES, R.TALK_COUNTERS):
        return _talk_reason(sc, kind, raw)
    if kind == R.TALK_DECLINES:
        raw = {**raw, "option": option_name(sc, raw["issue"], raw["option"])}
    if kind == R.TALK_DECLINES_OPTION:
        raw = {**raw, "option": option_name(sc, raw["issue"], raw["option"]),
               "instead": option_name(sc, raw["issue"], raw["instead"]) if raw["instead"] else "",
               "issue": issue_name(sc, raw["issue"])}
    if kind == R.DECLINES_BACKING_DOWN:
        return ngettext("declines {offer}: accepting would mean backing down from its demand for "
                        "{demand}, at an audience cost of {cost} point",
                        "declines {offer}: accepting would mean backing down from its demand for "
                        "{demand}, at an audience cost of {cost} points", raw["cost"]).format(
            offer=_offer(sc, offer), demand=demand_name(sc, raw["demand"]), cost=raw["cost"])
    template = _VARIANTS[kind][_variant(kind, raw)] if kind in _VARIANTS else _SENTENCES[kind]
    named = {name: _value(sc, name, value) for name, value in raw.items() if name != "option"}
    if "option" in raw:
        named["option"] = raw["option"]
    if kind in _OPTION_KINDS:  # options are named within their issue
        for name in ("option", "instead"):
            named[name] = _option(sc, raw["issue"], raw[name]) if name in raw else ""
    return _(template).format(me=role_name(sc, role), offer=_offer(sc, offer),
                              support=_support(sc, role, raw.get("band")), **named)


def _value(sc, name: str, value: object) -> object:
    """One arg in words: ids by their names, numbers as they are."""
    if name == "partner":
        return role_name(sc, value) if value is not None else ""
    if name in ("gift", "hit"):
        return action_name(sc, value)
    if name == "milestone":  # runs in a sentence: "withdraws from the joint exercises"
        named = milestone_name(sc, value)
        return named[:1].lower() + named[1:]
    if name == "commitment":
        return commitment_name(sc, value)
    if name == "demand":
        return demand_name(sc, value) if value is not None else ""
    if name == "family":
        return family_name(value)
    if name == "come_down":
        return _(COME_DOWN_WORDS[max(0, min(len(COME_DOWN_WORDS) - 1, int(value)))])
    return value


#: Kinds whose `option` (and `instead`) args are option ids of their `issue` arg.
_OPTION_KINDS = frozenset({R.TALK_HOLDS_DEMAND, R.TALK_SETS_ASIDE, R.TALK_WRITTEN_INSTEAD,
                           R.TALK_NO_TREATY, R.KEEPS_TERM})


def _option(sc, issue: object, option: object) -> str:
    """An option of the talks by its name (`a written political assurance at the highest
    level`), in lower case as it runs in a sentence; the id itself if the scenario has none."""
    n = sc.negotiation
    found = next((i for i in n.issues if i.id == issue), None) if n else None
    chosen = next((o for o in found.options if o.id == option), None) if found else None
    if chosen is None:
        return str(option)
    return chosen.name[:1].lower() + chosen.name[1:]


def _support(sc, role: str, band: int | None) -> str:
    """`Senate support: shaky`: a delegation's own support in words, by its band."""
    if band is None:
        return ""
    label = sc.role(role).domestic_label if role in sc.role_ids else role
    return _("{label}: {band}").format(label=label, band=_(HOME_WORDS[band]))


def _offer(sc, offer: str | None) -> str:
    """`Moscow's offer 'Propose joint exercises'` for an offer's action text."""
    if not offer:
        return ""
    action = Action.from_text(offer)
    return _("{maker}'s offer '{action}'").format(maker=role_name(sc, action.role),
                                                  action=action_name(sc, action.action_id))


def reasoning_line(game, role: str, note) -> str:
    """One line of an AI delegation's reasoning (`note`: anything with `action`, the order
    or offer, and `reason`, such as `game.session.session.Note`), with the delegation and
    the order named in front."""
    sc = scenario_of(game)
    who = role_name(sc, role)
    action = _known(sc, note.action)
    if action is None:
        return _("{role}: {why}").format(role=who, why=reason_text(sc, role, note.reason))
    if action.role != role:  # an answer to another delegation's offer
        return _("{role}, answering {maker}: {why}").format(
            role=who, maker=role_name(sc, action.role),
            why=reason_text(sc, role, note.reason, note.action))
    return _("{role} · {action}: {why}").format(role=who, action=action_label(sc, action),
                                               why=reason_text(sc, role, note.reason))


def _known(sc, text: str | None) -> Action | None:
    """The action a note is about, if it is one of this scenario's."""
    if not text:
        return None
    try:
        action = Action.from_text(text)
    except BadMoveText:
        return None
    known = action.role in sc.role_ids and any(a.id == action.action_id for a in sc.actions)
    return action if known else None
