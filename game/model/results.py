"""What the rules and the AI report, as data: phases, statuses, ledger entries, refusals,
reasoning and score parts.

The rules and the personas never write sentences. They return the small immutable values
below, holding ids (role, action, milestone, demand, event, ending and objective ids, and
action texts such as `washington:brief_plans@moscow`) and whole numbers only. `game.words`
is the one place that turns them into sentences, in the player's language; saves and the
replay digest store them as they are, so a game verifies the same in every language.

Every value is a `StrEnum` member or a named tuple of plain values:
- an enum member compares equal to its text (`Phase.OVER == "over"`) and is written to JSON
  as that text, so saves and pages read the same as before;
- a result is `(kind, args)`: `kind` names what happened from a closed set (one enum per
  kind of result, documented member by member with the meaning of its args), `args` is a
  tuple of ids and ints. `as_data()` / `from_data()` give the JSON form `[kind, *args]`.

Nothing here imports another part of the game, and nothing here makes words.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from typing import NamedTuple

# --- phases and statuses -------------------------------------------------------------


class Phase(StrEnum):
    """Where a round stands (`GameState.phase`)."""

    ORDERS = "orders"  #: every team chooses its actions in secret
    RESPONSES = "responses"  #: teams that received offers accept or decline them
    RESOLVE = "resolve"  #: every move is in; the round resolves next
    OVER = "over"  #: the game has ended (breakdown, last round, or the facilitator's stop)


class Status(StrEnum):
    """A commitment's status (`Commitment.status`)."""

    ACTIVE = "active"  #: running until its term ends
    KEPT = "kept"  #: its term ran out unbroken
    BROKEN = "broken"  #: its maker took an action that contradicts it


class Track(StrEnum):
    """A milestone's status on the cooperation track (`GameState.milestones`)."""

    INACTIVE = "inactive"  #: never agreed yet
    OPERATING = "operating"  #: agreed by every party, its prerequisites operating
    SUSPENDED = "suspended"  #: a party withdrew (from it or from one it is built on)


class Cause(StrEnum):
    """The kind of cause of a ledger entry; the entry's `source` says which one."""

    ACTION = "action"  #: an order's own effects; source: the action text
    RESPONSE = "response"  #: an answer to an offer; source: the offer's action text
    EVENT = "event"  #: an event's effects; source: the event id
    DRIFT = "drift"  #: tension drifting toward the baseline; source: "baseline"
    RULE = "rule"  #: a game rule (the GRIT bonus); source: the rule's name, "reciprocation"
    COMMITMENT = "commitment"  #: a commitment broken or kept; source: the action text
    MILESTONE = "milestone"  #: a milestone operating (source: its id) or suspended
    #: (source: the withdrawing action's text)
    DEMAND = "demand"  #: backing down from a public demand, or a demand met; source: action text
    RATIFICATION = "ratification"  #: a legal instrument's ratification roll; source: action text
    AGREEMENT = "agreement"  #: a package of the talks entering into force, failing to, or one
    #: of its terms kept or broken; source: "agreement" or the term's key (issue.option.n)


# --- ledger entries ---------------------------------------------------------------------


class DetailKind(StrEnum):
    """What a ledger entry's cause does not already say. Args by kind:

    - `none` (): nothing to add; an action's own effects, an event that happened, ...
    - `repeat` (n, percent): the n-th use (n >= 2) of a concession, whose trust gains are
      scaled to `percent` of their full size (trust is slow to build, repeats earn less).
    - `accepted` (responder), `declined` (responder): the role that answered the offer.
    - `broke` (action_id): the commitment made by `action_id` was broken by the source action.
    - `kept` (action_id): the commitment made by `action_id` ran its term unbroken.
    - `backed_down` (demand_id, relief): the actor backed down from its public demand
      `demand_id`; the audience cost was eased by `relief` support points (0: not eased)
      for insight and assurances received.
    - `demand_met` (demand_id): the target's public demand `demand_id` was met.
    - `ratified` (passed): the ratification roll passed (1) or failed (0).
    - `operating` (milestone_id): the milestone started operating.
    - `suspended` (milestone_id): the milestone was suspended by the source's withdrawal
      (the milestone withdrawn from, or one built on it).
    - `grit` (role_a, role_b): the two roles matched concessions this round (GRIT bonus).
    - `drift` (baseline): tension drifted toward `baseline`, set by the mean trust.
    - `brought_in` (): the facilitator brought the event in.
    - `in_force` (): the agreed package entered into force.
    - `not_ratified` (issue_id, option_id): the option's ratification failed, so the
      agreed package did not enter into force.
    - `term_kept` (term_key), `term_broken` (term_key): a term of the agreement (its key
      `issue.option.n`) was carried out or kept to its end, or broken.
    """

    NONE = "none"
    REPEAT = "repeat"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    BROKE = "broke"
    KEPT = "kept"
    BACKED_DOWN = "backed_down"
    DEMAND_MET = "demand_met"
    RATIFIED = "ratified"
    OPERATING = "operating"
    SUSPENDED = "suspended"
    GRIT = "grit"
    DRIFT = "drift"
    BROUGHT_IN = "brought_in"
    IN_FORCE = "in_force"
    NOT_RATIFIED = "not_ratified"
    TERM_KEPT = "term_kept"
    TERM_BROKEN = "term_broken"


class Detail(NamedTuple):
    """What a ledger entry's note says, as data: a `DetailKind` and its args (ids, ints)."""

    kind: DetailKind
    args: tuple = ()

    def as_data(self) -> list:
        """JSON form: `[kind, *args]`."""
        return [str(self.kind), *self.args]

    @staticmethod
    def from_data(data: list) -> Detail:
        """Parse `as_data()`; ValueError for an unknown kind or the wrong number of args."""
        kind = DetailKind(data[0])
        _check_arity(kind, data[1:], len(DETAIL_ARGS[kind]))
        return Detail(kind, tuple(data[1:]))


#: The names of each kind's args, in order (their meaning: see `DetailKind`).
DETAIL_ARGS: dict[DetailKind, tuple[str, ...]] = {
    DetailKind.NONE: (), DetailKind.REPEAT: ("n", "percent"), DetailKind.ACCEPTED: ("responder",),
    DetailKind.DECLINED: ("responder",), DetailKind.BROKE: ("action_id",),
    DetailKind.KEPT: ("action_id",), DetailKind.BACKED_DOWN: ("demand_id", "relief"),
    DetailKind.DEMAND_MET: ("demand_id",), DetailKind.RATIFIED: ("passed",),
    DetailKind.OPERATING: ("milestone_id",), DetailKind.SUSPENDED: ("milestone_id",),
    DetailKind.GRIT: ("role_a", "role_b"), DetailKind.DRIFT: ("baseline",),
    DetailKind.BROUGHT_IN: (), DetailKind.IN_FORCE: (),
    DetailKind.NOT_RATIFIED: ("issue_id", "option_id"), DetailKind.TERM_KEPT: ("term_key",),
    DetailKind.TERM_BROKEN: ("term_key",),
}


#: The detail of most entries, made once.
NO_DETAIL = Detail(DetailKind.NONE)


class LedgerEntry(NamedTuple):
    """One change to one meter, with its cause. `amount` is after minus before.

    `meter` is the ledger name (`tension`, `trust.moscow.washington`, `support.nato`,
    `progress.<milestone>`, `transparency.<from>.<toward>`); `source` names the cause (see
    `Cause`); `actor` is the role that acted, or None. A named tuple rather than a frozen
    dataclass: just as immutable, and four times cheaper to build, which matters because
    every game writes a few hundred of them.
    """

    round: int
    meter: str
    before: int
    after: int
    amount: int
    cause: Cause
    source: str
    actor: str | None
    detail: Detail

    def as_data(self) -> list:
        """JSON form: `[round, meter, before, after, amount, cause, source, actor, detail]`,
        with the detail as `[kind, *args]`."""
        return [self.round, self.meter, self.before, self.after, self.amount, str(self.cause),
                self.source, self.actor, self.detail.as_data()]

    @staticmethod
    def from_data(data: list) -> LedgerEntry:
        """Parse `as_data()`; ValueError for an unknown cause or detail kind."""
        r, meter, before, after, amount, cause, source, actor, detail = data
        return LedgerEntry(r, meter, before, after, amount, Cause(cause), source, actor,
                           Detail.from_data(detail))

    def as_dict(self) -> dict:
        """JSON form keyed by field, the detail as `[kind, *args]`."""
        out = self._asdict()
        out["cause"], out["detail"] = str(self.cause), self.detail.as_data()
        return out

    @staticmethod
    def from_dict(data: dict) -> LedgerEntry:
        """Parse `as_dict()`."""
        return LedgerEntry.from_data([data[f] for f in LedgerEntry._fields])


# --- refusals ---------------------------------------------------------------------------


class RefusalKind(StrEnum):
    """Why an order, an answer or a move is not allowed. Args by kind:

    Orders closed by the state (a requirement of the action):
    - `support` (needed, has): needs that much domestic support; the role has less. Only
      ever shown to the acting team (it names the team's exact support).
    - `needs_operating` (milestone_id): needs that milestone operating.
    - `while_operating` (milestone_id): not possible while that milestone is operating.
    - `own_demand` (demand_id): open only while the role stands by that demand.
    - `demand_standing` (demand_id): the role already stands by that demand.
    - `uses` (limit): the action may be taken only `limit` times in a game.
    - `not_a_party` (role, milestone_id): the role is not a party to the milestone.
    - `already_operating` (milestone_id): the milestone it proposes already operates.
    - `needs_first` (milestone_id, prerequisite_id): the prerequisite must operate first.
    - `progress` (milestone_id, needed, has): the milestone needs more progress.
    - `bad_target` (action_text): the action cannot be aimed there.
    - `target_not_operating` (milestone_id): the milestone it works on is not operating.
    - `in_force` (action_id, target): the same commitment is already in force.
    - `before_round` (round): not before that round.
    - `target_demand` (demand_id): only toward a role standing by that demand.
    - `needs_commitment` (role, action_id): the role must hold a commitment made by that action.
    Orders the draft leaves no room for:
    - `cost` (cost, left): costs more than the points left.
    - `drafted` (action_text): already ordered this round.
    Moves out of turn or malformed:
    - `unknown_role` (role), `unknown_action` (action_id), `unknown_event` (event_id).
    - `cannot_take` (role, action_id): the scenario does not give that action to the role.
    - `not_giving_orders` (role): the role is not giving orders now.
    - `wrong_phase` (move, phase): moves of kind `move` ("orders", "answers", "resolve")
      are not taken in `phase`.
    - `game_over` (): the game is over.
    - `already_ordered` (role), `already_answered` (role): once a round.
    - `orders_for_other` (role, other): a role gives orders only for itself.
    - `no_offers` (role): the role has no offers to answer.
    - `must_answer` (role, *offer_keys): the answers must cover exactly these offers.
    - `event_after_orders` (): events come in only before any orders are given.
    - `event_this_round` (event_id): the event has already happened this round.
    - `event_once` (event_id): the event happens once a game and has happened.
    - `not_a_move` (): not a move at all.
    Talk messages (see game/rules/talks.py):
    - `no_talks` (): the scenario has no negotiation.
    - `talks_closed` (round): the talks open only from that round.
    - `talks_settled` (): an agreement is pending or in force; the talks are over.
    - `not_in_talks` (role): the role is not a party to the talks.
    - `talk_limit` (limit): a delegation may send at most `limit` messages a round.
    - `bad_package` (issue_id, option_id): not a whole package (every issue, one known
      option each): `issue_id` is the first issue missing or unknown ("" if extra).
    - `no_addressee` (): a proposal goes to at least one other party.
    - `term_outside` (role): the package binds `role`, which is not a party to the proposal.
    - `rejected` (issue_id, option_id): that option failed ratification earlier in the game.
    - `no_proposal` (ref): no proposal `ref` the role may answer or withdraw (none by that
      number, or not addressed to the role, or not its own to withdraw).
    - `proposal_closed` (ref, how, by): proposal `ref` was open to the role this round but
      is closed now: `how` is "countered" or "declined" (by role `by`), "withdrawn" (by
      its sender `by`), "answered" (the role has already accepted it; `by`
      the role), or "past" (made in an earlier round, `by` ""; proposals close when the
      round resolves).
    - `duplicate` (ref): the sender already has the same proposal open this round, to the
      same delegations with the same package: its open proposal `ref`.
    - `accept_support` (issue_id, option_id, needed, has): accepting that option needs more
      domestic support. Only ever shown to the accepting team.
    """

    SUPPORT = "support"
    NEEDS_OPERATING = "needs_operating"
    WHILE_OPERATING = "while_operating"
    OWN_DEMAND = "own_demand"
    DEMAND_STANDING = "demand_standing"
    USES = "uses"
    NOT_A_PARTY = "not_a_party"
    ALREADY_OPERATING = "already_operating"
    NEEDS_FIRST = "needs_first"
    PROGRESS = "progress"
    BAD_TARGET = "bad_target"
    TARGET_NOT_OPERATING = "target_not_operating"
    IN_FORCE = "in_force"
    BEFORE_ROUND = "before_round"
    TARGET_DEMAND = "target_demand"
    NEEDS_COMMITMENT = "needs_commitment"
    COST = "cost"
    DRAFTED = "drafted"
    UNKNOWN_ROLE = "unknown_role"
    UNKNOWN_ACTION = "unknown_action"
    UNKNOWN_EVENT = "unknown_event"
    CANNOT_TAKE = "cannot_take"
    NOT_GIVING_ORDERS = "not_giving_orders"
    WRONG_PHASE = "wrong_phase"
    GAME_OVER = "game_over"
    ALREADY_ORDERED = "already_ordered"
    ALREADY_ANSWERED = "already_answered"
    ORDERS_FOR_OTHER = "orders_for_other"
    NO_OFFERS = "no_offers"
    MUST_ANSWER = "must_answer"
    EVENT_AFTER_ORDERS = "event_after_orders"
    EVENT_THIS_ROUND = "event_this_round"
    EVENT_ONCE = "event_once"
    NOT_A_MOVE = "not_a_move"
    NO_TALKS = "no_talks"
    TALKS_CLOSED = "talks_closed"
    TALKS_SETTLED = "talks_settled"
    NOT_IN_TALKS = "not_in_talks"
    TALK_LIMIT = "talk_limit"
    BAD_PACKAGE = "bad_package"
    NO_ADDRESSEE = "no_addressee"
    TERM_OUTSIDE = "term_outside"
    NO_PROPOSAL = "no_proposal"
    PROPOSAL_CLOSED = "proposal_closed"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"
    ACCEPT_SUPPORT = "accept_support"


class Refusal(NamedTuple):
    """Why something is not allowed, as data: a `RefusalKind` and its args (ids, ints)."""

    kind: RefusalKind
    args: tuple = ()

    def as_data(self) -> list:
        """JSON form: `[kind, *args]`."""
        return [str(self.kind), *self.args]

    def __str__(self) -> str:
        """A terse form for logs, never for players: `cost(2, 1)`."""
        return f"{self.kind}({', '.join(map(repr, self.args))})"


@cache
def refusal(kind: RefusalKind, *args) -> Refusal:
    """`Refusal(kind, args)`, made once and then shared: a refusal is immutable, and the
    rules give the same few again and again (listing a role's open orders checks every
    order it could give), where building each afresh was a measurable cost."""
    return Refusal(kind, args)


# --- AI reasoning -----------------------------------------------------------------------


class ReasonKind(StrEnum):
    """One line of an AI delegation's reasoning: the decision and the facts behind it.

    Reasoning is shown to every team, so it never holds a domestic-support value: a
    delegation's own support appears only as a `band`, an index into the home bands of
    `game.ai.persona.HOME_BANDS` (0 low, 1 shaky, 2 steady, 3 firm, 4 at its height). Trust
    values, thresholds and tension are public and appear as numbers. `partner` is a role
    id, `gift` and `hit` are action ids (a concession or a hostile move the partner made
    toward the delegation last round), `demand` a demand id. An order's reason goes with
    the order; an answer's with the offer it answers (its maker is the offer's role).

    Orders, or the choice to stop giving orders:
    - `home_front` (band): shores up the home front.
    - `home_audience` (band): plays to its home audience.
    - `keeps_together` (band): keeps its members together while nothing needs answering.
    - `opens_grit` (partner, trust, tension): a small opening step, waiting to see it returned.
    - `opening_done` (tension): has made its opening steps.
    - `waits_first` (tension): waits for the others to move first.
    - `waits_for_move` (tension): waits for a move to answer.
    - `returns_gift` (partner, gift, trust): returns the partner's concession.
    - `returns_favour` (partner, trust): the partner accepted our offer last round.
    - `door_open` (partner, trust): keeps the door open after a quiet round.
    - `answers_in_kind` (partner, hit, trust): answers a hostile move in kind.
    - `answers_breach` (partner, hit, commitment, trust): the hostile move broke the
      commitment made by action id `commitment`.
    - `gives` (partner, how, trust, tension): an unconditional concession; `how` is
      "track" (proposes the next milestone), "offer" or "step" (a unilateral step).
    - `gives_despite` (partner, how, hit, trust, tension): the same, overlooking `hit`.
    - `nothing_left` (tension): has nothing left to offer this round.
    - `demands` (partner, trust, band): makes its public demand of the partner.
    - `presses` (partner, again, trust, threshold, tension): presses a distrusted partner
      (trust < threshold); `again` 1 if it already ordered pressure this round.
    - `presses_back` (partner, again, hit, tension): presses a partner who moved against it.
    - `holds_back` (partner, tension, ceiling): would press, but tension after this round's
      pressure would reach its ceiling.
    - `no_one_to_press` (partner, trust, threshold, tension): even its least-trusted
      partner is trusted at least `threshold`.
    - `holds` (tension, band): holds its position.
    - `insists` (partner or None, demand, band, tension): insists on its demand (from the
      partner, if the demand is made of one) before it cooperates.
    - `drops_demand` (partner, trust): drops its demand; the partner kept a commitment.
    - `offers_guarantee` (partner, demand, band): offers what the partner demands.
    - `in_writing` (partner, their_trust, threshold): puts a commitment in writing for a
      partner whose trust in it is below `threshold`.
    - `cooperates` (partner, trust, threshold): cooperates, trust at least `threshold`.
    - `cooperates_pledged` (partner, trust): cooperates, holding the partner's written pledge.
    - `waits_for_guarantee` (demand or None, tension): waits for its demand to be met
      (None: for commitments in writing).
    - `written_instead` (partner, trust): answers the partner's demand with a written
      commitment, as a treaty would not pass at home.
    - `openness` (partner, trust, tension): keeps up its openness while the demand stands.
    - `sets_aside` (partner, trust, threshold, width, chance): sets its demand aside: holds
      the partner's commitment, trusts it, sees it within `width` points of fog, and the
      hawks came round on a `chance` percent roll.
    - `demands_again` (partner, demand, trust): renews its demand; the partner broke a
      commitment to it.
    - `answers_with_demand` (partner, hit, demand, trust): answers `partner`'s hostile move
      `hit` by making again the `demand` it had set aside.
    - `withdraws` (partner, milestone, trust): withdraws from the operating `milestone`
      it shares with `partner`, who broke its word to it last round (a commitment or a
      term of the agreement).
    - `suspends` (partner, hit, tension): suspends the talks: `partner` moved against it
      last round (`hit`) with tension already high.
    - `waits_and_sees` (tension): holds its position in the open: nothing is worth its
      points this round.
    - `carries_treaty` (partner, demand, band): offers the ratified guarantee `partner`
      demands: its home audience is firm enough behind it to carry a treaty vote.
    - `baits` (partner, their_trust), `baits_despite` (partner, hit, their_trust): a small
      step to lure a partner, nothing to pocket this round.
    - `waits_for_concession` (band): waits for someone to concede.
    - `spends_nothing` (band): its home support is full; spends nothing more.
    - `rest_home` (band): keeps the rest of its points for the home front.
    - `rest_home_too` (band): spends the rest at home too.
    - `keeps_gift` (partner, gift, band): keeps the gift and gives nothing back.
    - `pockets` (partner, gift, band): pockets the gift, spends its points at home.
    - `presses_conceder` (partner, their_trust, tension): presses a partner that keeps conceding.
    - `keeps_given` (tension): keeps what it was given.
    - `presses_all` (mean, threshold): its mean trust in the others is below `threshold`.
    - `family_step` (family, mean): takes a step of that family of actions.
    - `nothing_worth` (mean): sees nothing worth doing.
    Answers to offers:
    - `accepts` (partner, trust, threshold): trust in the maker is at least `threshold`.
    - `accepts_pledged` (partner, trust): the maker has given it a commitment in writing.
    - `accepts_quiet` (partner, trust, so_far): no hostile move last round (`so_far` 1:
      before any round was revealed).
    - `accepts_despite` (partner, hit, trust), `accepts_freely` (partner, trust): accepts
      whatever the partner did.
    - `takes` (partner, trust): accepting costs it no points.
    - `declines` (partner, trust, threshold): trust in `partner` (the maker, or another
      role the offer binds it to) is below `threshold`.
    - `declines_hostile` (partner, hit, trust): `partner` moved against it last round.
    - `declines_backing_down` (demand, cost): accepting would back down from its public
      demand, at an audience cost of `cost` support points.
    - `declines_joint` (demand, partner, trust): no joint undertaking while its demand stands.
    - `declines_unready` (partner, why, demand, trust, needed, binds): not ready to cooperate
      with `partner` (trust < needed); `why` is "pledge" (a written pledge does not meet its
      standing `demand`), "demand" (its `demand` still stands) or "unwritten" (no commitment
      in writing from the partner; `demand` None); `binds` 1 if `partner` is another
      responder of the offer.

    The talks (game.ai.bargain; issues and options are ids, `come_down` how far the
    delegation has come down from its first asking, 0 not at all to 4 to its floor):
    - `talk_waits` (): has nothing to say in the talks now.
    - `talk_nothing` (come_down): no package it could propose is worth enough to it yet.
    - `talk_proposes` (to, need_issue, need_option, give_issue, give_option): proposes a
      package to `to` (role ids joined by commas); it needs `need_option` on `need_issue`
      and gives ground on `give_issue` (both "" when it gives none).
    - `talk_accepts` (partner, come_down): accepts `partner`'s proposal.
    - `talk_counters` (partner, need_issue, need_option, give_issue, give_option, trust):
      counters `partner`'s proposal: needs that option, would give that one; more `trust`
      in the partner would change its mind.
    - `talk_declines` (partner, issue, option, trust): declines `partner`'s proposal: only
      its distrust of `partner` (trust `trust`) stands between it and the package; `option`
      of `issue` the term it can least accept. More trust would change its mind.
    - `talk_declines_option` (partner, issue, option, instead): declines `partner`'s
      proposal: it cannot accept `option` of `issue`; with `instead` in its place it
      would accept the package now ("": no one change would do, `option` is the term it
      can least accept).
    The central choice in the talks, stated with each message before it is made (the
    conditions a student can read before the delegation acts on them):
    - `talk_holds_demand` (partner, demand, issue, option, trust, threshold): holds to its
      `demand` in the talks (asks for the guarantee `partner` would have to ratify); it
      would set the demand aside for `option` of `issue` (an assurance in writing), in a
      package that gives it a little more on the other issues, once its trust in `partner`
      reaches `threshold` (now `trust`); with `trust` >= `threshold` it is ready to, and
      only the rest of the package holds it back. The decision is the same every time
      these conditions hold (no chance in it).
    - `talk_sets_aside` (partner, demand, issue, option, trust, threshold): sets `demand`
      aside in the talks for `option` of `issue`: it trusts `partner` `trust` >= `threshold`.
    - `keeps_term` (partner, issue, option): an order that carries out a term it owes
      `partner` under the agreement in force (the term of `option` on `issue`).
    - `talk_written_instead` (partner, issue, option, instead, band): offers `instead` (an
      assurance in writing) rather than `option` of `issue`, which its own legislature would
      have to ratify and would not at its support (`band`); only with support at its
      height would it put the guarantee to a vote.
    - `talk_no_treaty` (partner, issue, option, instead, band): as `talk_written_instead`,
      but even with support at its height a vote on `option` would not be worth it: it
      does not put the guarantee to a vote at all.
    """

    HOME_FRONT = "home_front"
    HOME_AUDIENCE = "home_audience"
    KEEPS_TOGETHER = "keeps_together"
    OPENS_GRIT = "opens_grit"
    OPENING_DONE = "opening_done"
    WAITS_FIRST = "waits_first"
    WAITS_FOR_MOVE = "waits_for_move"
    RETURNS_GIFT = "returns_gift"
    RETURNS_FAVOUR = "returns_favour"
    DOOR_OPEN = "door_open"
    ANSWERS_IN_KIND = "answers_in_kind"
    ANSWERS_BREACH = "answers_breach"
    GIVES = "gives"
    GIVES_DESPITE = "gives_despite"
    NOTHING_LEFT = "nothing_left"
    DEMANDS = "demands"
    PRESSES = "presses"
    PRESSES_BACK = "presses_back"
    HOLDS_BACK = "holds_back"
    NO_ONE_TO_PRESS = "no_one_to_press"
    HOLDS = "holds"
    INSISTS = "insists"
    DROPS_DEMAND = "drops_demand"
    OFFERS_GUARANTEE = "offers_guarantee"
    IN_WRITING = "in_writing"
    COOPERATES = "cooperates"
    COOPERATES_PLEDGED = "cooperates_pledged"
    WAITS_FOR_GUARANTEE = "waits_for_guarantee"
    WRITTEN_INSTEAD = "written_instead"
    OPENNESS = "openness"
    SETS_ASIDE = "sets_aside"
    DEMANDS_AGAIN = "demands_again"
    ANSWERS_WITH_DEMAND = "answers_with_demand"
    WITHDRAWS = "withdraws"
    SUSPENDS = "suspends"
    WAITS_AND_SEES = "waits_and_sees"
    CARRIES_TREATY = "carries_treaty"
    BAITS = "baits"
    BAITS_DESPITE = "baits_despite"
    WAITS_FOR_CONCESSION = "waits_for_concession"
    SPENDS_NOTHING = "spends_nothing"
    REST_HOME = "rest_home"
    REST_HOME_TOO = "rest_home_too"
    KEEPS_GIFT = "keeps_gift"
    POCKETS = "pockets"
    PRESSES_CONCEDER = "presses_conceder"
    KEEPS_GIVEN = "keeps_given"
    PRESSES_ALL = "presses_all"
    FAMILY_STEP = "family_step"
    NOTHING_WORTH = "nothing_worth"
    ACCEPTS = "accepts"
    ACCEPTS_PLEDGED = "accepts_pledged"
    ACCEPTS_QUIET = "accepts_quiet"
    ACCEPTS_DESPITE = "accepts_despite"
    ACCEPTS_FREELY = "accepts_freely"
    TAKES = "takes"
    DECLINES = "declines"
    DECLINES_HOSTILE = "declines_hostile"
    DECLINES_BACKING_DOWN = "declines_backing_down"
    DECLINES_JOINT = "declines_joint"
    DECLINES_UNREADY = "declines_unready"
    TALK_WAITS = "talk_waits"
    TALK_NOTHING = "talk_nothing"
    TALK_PROPOSES = "talk_proposes"
    TALK_ACCEPTS = "talk_accepts"
    TALK_COUNTERS = "talk_counters"
    TALK_DECLINES = "talk_declines"
    TALK_DECLINES_OPTION = "talk_declines_option"
    TALK_NO_TREATY = "talk_no_treaty"
    TALK_HOLDS_DEMAND = "talk_holds_demand"
    TALK_SETS_ASIDE = "talk_sets_aside"
    TALK_WRITTEN_INSTEAD = "talk_written_instead"
    KEEPS_TERM = "keeps_term"


#: The names of each kind's args, in order (their meaning: see `ReasonKind`).
REASON_ARGS: dict[ReasonKind, tuple[str, ...]] = {
    ReasonKind.HOME_FRONT: ("band",),
    ReasonKind.HOME_AUDIENCE: ("band",),
    ReasonKind.KEEPS_TOGETHER: ("band",),
    ReasonKind.OPENS_GRIT: ("partner", "trust", "tension"),
    ReasonKind.OPENING_DONE: ("tension",),
    ReasonKind.WAITS_FIRST: ("tension",),
    ReasonKind.WAITS_FOR_MOVE: ("tension",),
    ReasonKind.RETURNS_GIFT: ("partner", "gift", "trust"),
    ReasonKind.RETURNS_FAVOUR: ("partner", "trust"),
    ReasonKind.DOOR_OPEN: ("partner", "trust"),
    ReasonKind.ANSWERS_IN_KIND: ("partner", "hit", "trust"),
    ReasonKind.ANSWERS_BREACH: ("partner", "hit", "commitment", "trust"),
    ReasonKind.GIVES: ("partner", "how", "trust", "tension"),
    ReasonKind.GIVES_DESPITE: ("partner", "how", "hit", "trust", "tension"),
    ReasonKind.NOTHING_LEFT: ("tension",),
    ReasonKind.DEMANDS: ("partner", "trust", "band"),
    ReasonKind.PRESSES: ("partner", "again", "trust", "threshold", "tension"),
    ReasonKind.PRESSES_BACK: ("partner", "again", "hit", "tension"),
    ReasonKind.HOLDS_BACK: ("partner", "tension", "ceiling"),
    ReasonKind.NO_ONE_TO_PRESS: ("partner", "trust", "threshold", "tension"),
    ReasonKind.HOLDS: ("tension", "band"),
    ReasonKind.INSISTS: ("partner", "demand", "band", "tension"),
    ReasonKind.DROPS_DEMAND: ("partner", "trust"),
    ReasonKind.OFFERS_GUARANTEE: ("partner", "demand", "band"),
    ReasonKind.IN_WRITING: ("partner", "their_trust", "threshold"),
    ReasonKind.COOPERATES: ("partner", "trust", "threshold"),
    ReasonKind.COOPERATES_PLEDGED: ("partner", "trust"),
    ReasonKind.WAITS_FOR_GUARANTEE: ("demand", "tension"),
    ReasonKind.WRITTEN_INSTEAD: ("partner", "trust"),
    ReasonKind.OPENNESS: ("partner", "trust", "tension"),
    ReasonKind.SETS_ASIDE: ("partner", "trust", "threshold", "width", "chance"),
    ReasonKind.DEMANDS_AGAIN: ("partner", "demand", "trust"),
    ReasonKind.ANSWERS_WITH_DEMAND: ("partner", "hit", "demand", "trust"),
    ReasonKind.WITHDRAWS: ("partner", "milestone", "trust"),
    ReasonKind.SUSPENDS: ("partner", "hit", "tension"),
    ReasonKind.WAITS_AND_SEES: ("tension",),
    ReasonKind.CARRIES_TREATY: ("partner", "demand", "band"),
    ReasonKind.BAITS: ("partner", "their_trust"),
    ReasonKind.BAITS_DESPITE: ("partner", "hit", "their_trust"),
    ReasonKind.WAITS_FOR_CONCESSION: ("band",),
    ReasonKind.SPENDS_NOTHING: ("band",),
    ReasonKind.REST_HOME: ("band",),
    ReasonKind.REST_HOME_TOO: ("band",),
    ReasonKind.KEEPS_GIFT: ("partner", "gift", "band"),
    ReasonKind.POCKETS: ("partner", "gift", "band"),
    ReasonKind.PRESSES_CONCEDER: ("partner", "their_trust", "tension"),
    ReasonKind.KEEPS_GIVEN: ("tension",),
    ReasonKind.PRESSES_ALL: ("mean", "threshold"),
    ReasonKind.FAMILY_STEP: ("family", "mean"),
    ReasonKind.NOTHING_WORTH: ("mean",),
    ReasonKind.ACCEPTS: ("partner", "trust", "threshold"),
    ReasonKind.ACCEPTS_PLEDGED: ("partner", "trust"),
    ReasonKind.ACCEPTS_QUIET: ("partner", "trust", "so_far"),
    ReasonKind.ACCEPTS_DESPITE: ("partner", "hit", "trust"),
    ReasonKind.ACCEPTS_FREELY: ("partner", "trust"),
    ReasonKind.TAKES: ("partner", "trust"),
    ReasonKind.DECLINES: ("partner", "trust", "threshold"),
    ReasonKind.DECLINES_HOSTILE: ("partner", "hit", "trust"),
    ReasonKind.DECLINES_BACKING_DOWN: ("demand", "cost"),
    ReasonKind.DECLINES_JOINT: ("demand", "partner", "trust"),
    ReasonKind.DECLINES_UNREADY: ("partner", "why", "demand", "trust", "needed", "binds"),
    ReasonKind.TALK_WAITS: (),
    ReasonKind.TALK_NOTHING: ("come_down",),
    ReasonKind.TALK_PROPOSES: ("to", "need_issue", "need_option", "give_issue", "give_option"),
    ReasonKind.TALK_ACCEPTS: ("partner", "come_down"),
    ReasonKind.TALK_COUNTERS: ("partner", "need_issue", "need_option", "give_issue",
                               "give_option", "trust"),
    ReasonKind.TALK_DECLINES: ("partner", "issue", "option", "trust"),
    ReasonKind.TALK_DECLINES_OPTION: ("partner", "issue", "option", "instead"),
    ReasonKind.TALK_NO_TREATY: ("partner", "issue", "option", "instead", "band"),
    ReasonKind.TALK_HOLDS_DEMAND: ("partner", "demand", "issue", "option", "trust", "threshold"),
    ReasonKind.TALK_SETS_ASIDE: ("partner", "demand", "issue", "option", "trust", "threshold"),
    ReasonKind.TALK_WRITTEN_INSTEAD: ("partner", "issue", "option", "instead", "band"),
    ReasonKind.KEEPS_TERM: ("partner", "issue", "option"),
}


class Reason(NamedTuple):
    """One line of an AI delegation's reasoning, as data: a `ReasonKind` and its args."""

    kind: ReasonKind
    args: tuple = ()

    def as_data(self) -> list:
        """JSON form: `[kind, *args]`."""
        return [str(self.kind), *self.args]

    @staticmethod
    def from_data(data: list) -> Reason:
        """Parse `as_data()`; ValueError for an unknown kind or the wrong number of args."""
        kind = ReasonKind(data[0])
        _check_arity(kind, data[1:], len(REASON_ARGS[kind]))
        return Reason(kind, tuple(data[1:]))


def _check_arity(kind: StrEnum, args: list, wanted: int) -> None:
    if len(args) != wanted:
        raise ValueError(f"{kind} takes {wanted} args, not {len(args)}")


# --- outcomes ---------------------------------------------------------------------------


class ScoreKind(StrEnum):
    """What a part of a score is for."""

    ENDING = "ending"  #: the ending reached; ref: the ending id (or "stopped")
    OBJECTIVE = "objective"  #: one of the role's objectives; ref: the objective id
    TERMS = "terms"  #: the agreed package's value to the role; ref: "agreement"
    WALK_AWAY = "walk_away"  #: no agreement in force: the role's walk-away value; ref: "none"
    BROKEN_TERMS = "broken_terms"  #: terms the role broke, at a cost each; ref: the count


class ScorePart(NamedTuple):
    """One part of a role's score: what it is for (`kind`, `ref`), the points it gives and,
    for an objective, whether it was met (an ending part is always met)."""

    kind: ScoreKind
    ref: str
    points: int
    met: bool = True
