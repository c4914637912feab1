"""The talks screen of the text mode: one team bargains over the package of terms.

Everything shown comes from the talks service (`game.session.talk_turn`): the issues and
their numbered options, the proposals waiting for the team's answer (as a package and as
a trade), its own open proposals, the AI delegations' reasons it may read, the agreement
and its terms. Every message goes through `send`, so the rules refuse in their own words.

The screen is private to the team at the keyboard: in hot-seat play it is shown only
inside that team's turn, which is wiped before the keyboard passes on.
"""

from __future__ import annotations

import re

from game.model.state import Package
from game.session.talk_turn import (
    ProposalItem,
    TalkTurn,
    package_from_choices,
    package_notes,
    send,
    sent_words,
    talk_turn,
)
from game.textui.console import Console
from game.words import N_, _, ngettext, role_name
from game.words.talk_stakes import OPTION_VALUE
from game.words.talks import package_terms, roles_text, trade_sentence

#: What the talks screen's commands are, shown under the screen and on a bad command.
TALKS_HELP = N_("Type p to propose a package, a N to accept proposal N, d N to decline it, "
                "c N to counter it with a change, w N to withdraw your proposal N, i for the "
                "issues and options, h for every message so far, or b to go back to your orders.")

_COMMAND = re.compile(r"([a-z?]+)\s*([0-9]{0,4})")
#: The only words that leave the talks (or a half-made message): anything else unknown is
#: answered with the help, so a slip of the finger never leaves the talks.
_BACK = ("b", "back")


class TalksScreen:
    """One visit of one team to the talks, until it types `b` (see the module docstring)."""

    def __init__(self, session, console: Console, role: str) -> None:
        self.session = session
        self.io = console
        self.role = role
        self.sc = session.scenario

    # --- the screen -------------------------------------------------------------------
    def run(self) -> None:
        """Show the talks and take commands until the team goes back to its orders."""
        self.show()
        while True:
            now = talk_turn(self.session, self.role)
            answer = self.io.ask(_("Talks: p / a N / d N / c N / w N / i / h / b (back): "))
            word, number = _split(answer)
            if word is None:
                self.io.say(_("{answer!r} is not a talks command. {help}").format(
                    answer=answer, help=_(TALKS_HELP)))
            elif word in _BACK:
                return
            elif word in ("", "l", "list", "s", "show"):
                self.show()
            elif word in ("?", "help"):
                self.io.say(_(TALKS_HELP))
            elif word in ("i", "issues"):
                self.io.say(*self.issue_lines(now))
            elif word in ("h", "history"):
                self.io.say(_("Every message you may read, oldest first:"),
                            *(f"  {line}" for line in now.history or [_("No messages yet.")]))
            elif word in ("p", "propose"):
                self.propose(now)
            elif word in ("a", "accept", "d", "decline", "c", "counter", "w", "withdraw"):
                self.answer(now, word[0], number)
            else:
                self.io.say(_("{answer!r} is not a talks command. {help}").format(
                    answer=answer, help=_(TALKS_HELP)))

    def show(self) -> None:
        """The talks as they stand for this team."""
        now = talk_turn(self.session, self.role)
        lines = ["", _("=== The talks: {team} ===").format(team=role_name(self.sc, self.role)),
                 now.agreement, *(f"  {t}" for t in now.terms)]
        if now.walk_away_line:
            lines.append(now.walk_away_line)
        if now.waiting:
            lines.append(_("Waiting for your answer:"))
            for p in now.waiting:
                lines += self.proposal_lines(p, answering=True)
        if now.mine:
            lines.append(_("Your open proposals:"))
            for p in now.mine:
                lines += self.proposal_lines(p, answering=False)
        if now.reasons:
            lines.append(_("What the other delegations say about these messages:"))
            lines += [f"  {r}" for r in now.reasons]
        if not now.waiting and not now.mine and now.history:
            lines.append(_("Last message: {line}").format(line=now.history[-1]))
        lines.append(now.closed or ngettext("You may send {n} more message this round.",
                                            "You may send {n} more messages this round.",
                                            now.left).format(n=now.left))
        lines.append(_(TALKS_HELP))
        self.io.say(*lines)

    def proposal_lines(self, p: ProposalItem, answering: bool) -> list[str]:
        """A proposal as a package, issue by issue, and as a trade for this team."""
        if answering:
            head = _("{heading}, from {sender} to {to}:").format(
                heading=p.heading, sender=role_name(self.sc, p.sender),
                to=roles_text(self.sc, p.to))
        else:
            head = _("{heading}, to {to}; waiting for {waiting}:").format(
                heading=p.heading, to=roles_text(self.sc, p.to),
                waiting=roles_text(self.sc, p.waiting) or _("no one"))
        lines = [f"  {head}", *(f"    {line}" for line in p.lines),
                 "    " + _("As a trade: {trade}").format(trade=p.trade)]
        if p.worth:
            lines.append(f"    {p.worth}")
        lines += [f"    {w}" for w in p.warnings]
        if answering and p.accept_closed:
            lines.append("    " + _("You may not accept it now: {why}").format(why=p.accept_closed))
        return lines

    def issue_lines(self, now: TalkTurn) -> list[str]:
        """Every issue with its numbered options."""
        lines = [_("The issues on the table, each with its options:")]
        for issue in now.issues:
            lines.append(f"  {issue.number}. {issue.name}")
            if issue.description:
                lines.append("     " + " ".join(issue.description.split()))
            lines += option_lines(issue, "       ")
        if now.walk_away_line:
            lines.append(now.walk_away_line)
        return lines

    # --- moves ------------------------------------------------------------------------
    def propose(self, now: TalkTurn) -> None:
        """Choose an option per issue and the addressees, check, and send."""
        if now.closed:
            self.io.say(now.closed)
            return
        terms = self.choose_package(now, {}, _("Propose a package: choose one option for each "
                                                "issue. Enter keeps the first (no change from "
                                                "today), b goes back."))
        if terms is None:
            return
        to = self.choose_addressees(now)
        if to is None:
            return
        self.io.say(_("Your proposal to {to}:").format(to=roles_text(self.sc, to)),
                    *self.package_preview(terms, accepting=False))
        if not self.io.confirm(_("Send it?")):
            self.io.say(_("Not sent."))
            return
        self.deliver("propose", 0, to, terms)

    def answer(self, now: TalkTurn, kind: str, number: str) -> None:
        """Accept (a), decline (d), counter (c) or withdraw (w) proposal `number`."""
        pool = now.mine if kind == "w" else now.waiting
        chosen = self.pick_proposal(pool, kind, number)
        if chosen is None:
            return
        if now.closed:
            self.io.say(now.closed)
            return
        if kind == "a":
            if chosen.accept_closed:
                self.io.say(_("You may not accept proposal {n}: {why}").format(
                    n=chosen.id, why=chosen.accept_closed))
                return
            self.io.say(*self.package_preview(chosen.terms))
            if self.io.confirm(_("Accept proposal {n}? Its terms bind you once agreed.").format(
                    n=chosen.id)):
                self.deliver("accept", chosen.id)
        elif kind == "d":
            self.deliver("decline", chosen.id)
        elif kind == "w":
            self.deliver("withdraw", chosen.id)
        else:
            start = dict(chosen.terms)
            terms = self.choose_package(now, start, _(
                "Counter proposal {n}: choose an option for each issue. Enter keeps the option "
                "of proposal {n}, b goes back.").format(n=chosen.id))
            if terms is None:
                return
            if tuple(terms) == tuple(chosen.terms):
                self.io.say(_("That is proposal {n} unchanged: accept it with 'a {n}', or change "
                              "at least one issue.").format(n=chosen.id))
                return
            self.io.say(_("Your counter to proposal {n}:").format(n=chosen.id),
                        *self.package_preview(terms, accepting=False))
            if self.io.confirm(_("Send it?")):
                self.deliver("counter", chosen.id, (), terms)
            else:
                self.io.say(_("Not sent."))

    def pick_proposal(self, pool: tuple[ProposalItem, ...], kind: str,
                      number: str) -> ProposalItem | None:
        """The proposal named by `number` among `pool`; the only one if no number is given."""
        mine = kind == "w"
        if not pool:
            self.io.say(_("You have no open proposal to withdraw.") if mine else
                        _("No proposal is waiting for your answer."))
            return None
        if not number and len(pool) == 1:
            return pool[0]
        found = next((p for p in pool if number and p.id == int(number)), None)
        if found is None:
            ids = ", ".join(str(p.id) for p in pool)
            self.io.say(_("Type {kind} and the number of a proposal: {ids}.").format(
                kind=kind, ids=ids))
        return found

    def choose_package(self, now: TalkTurn, start: dict[str, str], intro: str) -> Package | None:
        """An option for every issue, asked issue by issue; None if the team goes back."""
        self.io.say(intro)
        choices = dict(start)
        for issue in now.issues:
            current = choices.get(issue.id, issue.options[0].id)
            kept = next(o for o in issue.options if o.id == current)
            self.io.say(f"{issue.number}. {issue.name}", *option_lines(issue, "   "))
            last = len(issue.options)
            while True:
                answer = self.io.ask(_("Option for issue {n} (1-{last}, Enter keeps {k}): ").format(
                    n=issue.number, last=last, k=kept.number)).lower()
                if answer in _BACK:
                    self.io.say(_("Nothing was sent."))
                    return None
                if answer == "":
                    option = kept
                elif answer.isdigit() and 1 <= int(answer) <= last:
                    option = issue.options[int(answer) - 1]
                else:
                    self.io.say(_("Type a number from 1 to {last}, Enter to keep {k}, or b to go "
                                  "back.").format(last=last, k=kept.number))
                    continue
                if option.closed:
                    self.io.say(_("{name}: {why}. Choose another option.").format(
                        name=option.name, why=option.closed))
                    continue
                choices[issue.id] = option.id
                break
        return package_from_choices(self.session, choices)

    def choose_addressees(self, now: TalkTurn) -> tuple[str, ...] | None:
        """The delegations to send a proposal to; None if the team goes back."""
        parties = now.parties
        if len(parties) == 1:
            return parties
        names = "  ".join(f"{k}) {role_name(self.sc, r)}" for k, r in enumerate(parties, 1))
        self.io.say(_("Send it to whom? {names}").format(names=names))
        while True:
            answer = self.io.ask(_("Numbers separated by commas, Enter for all, b to go back: "))
            if answer.lower() in _BACK:
                self.io.say(_("Nothing was sent."))
                return None
            if answer == "":
                return parties
            picks = [p.strip() for p in answer.replace(" ", ",").split(",") if p.strip()]
            if picks and all(p.isdigit() and 1 <= int(p) <= len(parties) for p in picks):
                return tuple(r for k, r in enumerate(parties, 1) if str(k) in
                             {str(int(p)) for p in picks})
            self.io.say(_("Type numbers from 1 to {last} separated by commas, such as 1,2, or "
                          "Enter for all.").format(last=len(parties)))

    def package_preview(self, terms: Package, accepting: bool = True) -> list[str]:
        """A package as it would bind: its options, every term, the trade for this team,
        what it is worth to the team and what it puts at stake (with `accepting`, the
        team's standing public demands too)."""
        preview = talk_turn(self.session, self.role)
        names = {i.id: (i.name, {o.id: o.name for o in i.options}) for i in preview.issues}
        lines = [f"  {names[i][0]}: {names[i][1][o]}" for i, o in terms]
        binds = package_terms(self.sc, terms)
        if binds:
            lines.append("  " + _("What it binds each side to:"))
            lines += [f"    {t}" for t in binds]
        lines.append("  " + _("As a trade: {trade}").format(
            trade=trade_sentence(self.sc, terms, self.role)))
        notes = package_notes(self.session, self.role, terms, accepting)
        lines += [f"  {line}" for line in (notes.worth, *notes.warnings) if line]
        return lines

    def deliver(self, kind: str, ref: int = 0, to: tuple[str, ...] = (),
                terms: Package = ()) -> None:
        """Send one message; say the refusal, or what the others answered."""
        before = talk_turn(self.session, self.role)
        agreed = self.session.state.agreement
        refusal = send(self.session, self.role, kind, ref, to, terms)
        if refusal:
            self.io.say(_("Not sent: {why}").format(why=refusal))
            return
        after = talk_turn(self.session, self.role)
        new = after.history[len(before.history):]
        reasons = [r for r in after.reasons if r not in before.reasons]
        self.io.say(sent_words(self.session, self.role, kind, ref),
                    *(f"  {line}" for line in new[1:]), *(f"  {r}" for r in reasons))
        if self.session.state.agreement is not agreed and self.session.state.agreement:
            self.io.say(_("Agreement! {line}").format(line=after.agreement))
            return
        if after.mine:
            self.io.say(_("Your open proposals:"))
            for p in after.mine:
                self.io.say(*self.proposal_lines(p, answering=False))
        if after.waiting or after.mine:
            self.io.say(_("Type l to see the talks as they stand now."))


def option_lines(issue, indent: str) -> list[str]:
    """An issue's numbered options, each with what it is worth to the team, why it is
    closed if it is, and on a line of its own the ratification it needs, if any."""
    lines = []
    for o in issue.options:
        lines.append(f"{indent}{o.number}) {o.name}" + (f"  ({o.closed})" if o.closed else "")
                     + "  [" + _(OPTION_VALUE).format(value=o.value) + "]")
        if o.ratify:
            lines.append(f"{indent}   {o.ratify}")
    return lines


def _split(answer: str) -> tuple[str | None, str]:
    """(command word, number or "") from `a 3`, `a3` or `p`; (None, "") if it reads as neither."""
    text = answer.strip().lower()
    if text == "":
        return "", ""
    found = _COMMAND.fullmatch(text)
    return (found.group(1), found.group(2)) if found else (None, "")


__all__ = ["TALKS_HELP", "TalksScreen"]
