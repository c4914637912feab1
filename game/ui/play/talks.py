"""A team's talks: build a package, send it, and answer the proposals it received.

Reached from the orders screen (its Talks button, or T) before the team sends its
orders; Esc or "Back to orders" returns there. Everything on it comes from the team's
own `talk_turn` (game/session/talk_turn.py), so it is private to that team, like the
orders screen, and says what the text mode and the hosted pages say.

- The team's confidential instructions: its walk-away value now (a package must beat
  it), its own value beside each option and what a package is worth to it; what an
  option's ratification puts at stake (its exact odds only for the team that must
  ratify) and what accepting does to a public demand the team stands by.
- What the AI delegations said, above everything the team does, so it reads what the
  others need first.
- The proposals waiting for the team's answer, each as its package issue by issue and
  as a conditional trade, with Accept (or why not), Counter and Decline. Counter opens
  the chooser below filled in with that package; the counter goes back to its sender
  and the other addressees.
- The chooser: one numbered list of options per issue (☑ marks the option chosen, so
  the choice never rests on colour). Arrows move through the options, a digit picks
  that option of the issue holding the focus, Tab and Shift+Tab jump to the next or
  previous issue. Below it, what the package is worth to the team and what it binds each
  side to; then the addressees (each on or off) and Propose, which asks "Send it?" with
  the whole package before sending. Once sent, the focus goes back to the chooser's
  first issue (so a second Enter cannot send it again) and the page says which
  proposal number it became.
- The team's own open proposals, each with Withdraw; the agreement and its terms; the
  latest messages it may read.

A message the rules refuse is not sent: the refusal shows in one line below the page.
"""

from __future__ import annotations

import pygame

from game.session.talk_turn import (
    TalkTurn,
    package_from_choices,
    package_notes,
    send,
    sent_words,
    talk_turn,
)
from game.ui.base import Widget, walk
from game.ui.play.gamescene import GameScene
from game.ui.widgets import Button, Label, Panel, Row, Spacer, Toggle
from game.words import _
from game.words.talk_stakes import OPTION_VALUE
from game.words.talks import package_terms, roles_text, trade_sentence

#: The latest messages shown at first; "Show all messages" shows the rest.
RECENT = 6


class TalksScene(GameScene):
    """One team's part in the talks (see the module docstring)."""

    def __init__(self, flow, role: str) -> None:
        super().__init__(flow)
        self.viewer = role
        self.heading = _("Talks: {team}").format(team=flow.role_name(role))
        spec = self.session.game.talks
        self.choices: dict[str, str] = {}  # issue id -> option id; none chosen: status quo
        self.to: set[str] = set(spec.parties) - {role} if spec is not None else set()
        self.countering: int | None = None  # the proposal the chooser counters, if any
        self.all_messages = False
        #: The message waiting for "Send it?": (kind, ref, to, package), or None.
        self.confirming: tuple | None = None

    def on_enter(self) -> None:
        """The AI delegations speak first, so the team finds their proposals waiting."""
        self.session.play_talks()
        self.invalidate()

    def now(self) -> TalkTurn:
        """This team's part in the talks, as it stands."""
        return talk_turn(self.session, self.viewer)

    def package(self):
        """The package the chooser shows (issues not chosen: their first option)."""
        return package_from_choices(self.session, self.choices)

    # the page
    def body(self) -> list[Widget]:
        t = self.now()
        if not t.exists:
            return [Label(t.closed, "body", True, "accent"), self._back()]
        status = t.closed or _("You may send {n} more messages this round. A proposal is a "
                               "whole package: one option for every issue.").format(n=t.left)
        out: list[Widget] = [Label(status, "body", True, "accent")]
        if t.sent and t.sent != self.note:
            out.append(Label(t.sent, "body", False, "screen"))
        if t.walk_away_line:
            out.append(Label(t.walk_away_line, "body", False, "screen"))
        self.essential_n = len(out)
        if self.confirming is not None:
            return out + [self._confirm(t)]
        if t.reasons:
            out.append(Panel([Label(_("What the AI delegations said this round"), "body", True,
                                    "panel_heading"),
                              *[Label(f"• {line}", "small", False, "panel")
                                for line in t.reasons[-RECENT:]]], key="talks:reasons"))
        out.append(self._waiting(t))
        out += self._chooser(t)
        if t.mine:
            out.append(self._mine(t))
        out.append(Panel([Label(_("Agreement"), "body", True, "panel_heading"),
                          Label(t.agreement, "small", False, "panel"),
                          *[Label(f"• {line}", "small", False, "panel") for line in t.terms]]))
        out.append(self._history(t))
        out.append(self._back())
        return out

    def _back(self) -> Button:
        return Button(_("Back to orders"), self.back, key="talks:back",
                      detail=_("Esc also goes back; your orders are not sent from here"))

    def _waiting(self, t: TalkTurn) -> Panel:
        rows: list[Widget] = [Label(_("Proposals waiting for your answer"), "body", True,
                                    "panel_heading")]
        if not t.waiting:
            rows.append(Label(_("None now."), "small", False, "panel_muted"))
        can = not t.closed
        for p in t.waiting:
            rows += [
                Label(_("{heading}: from {sender}, to {to}").format(
                    heading=p.heading, sender=self.flow.role_name(p.sender),
                    to=roles_text(self.scenario, p.to)), "body", True, "panel"),
                *[Label(f"• {line}", "small", False, "panel") for line in p.lines],
                Label(p.trade, "small", False, "panel"),
                *[Label(line, "small", True, "panel") for line in (p.worth, *p.warnings) if line],
                Label(_("Still to accept: {roles}").format(
                    roles=roles_text(self.scenario, p.waiting)), "small", False, "panel_muted"),
                *([Label(_("You may not accept it: {why}").format(why=p.accept_closed),
                         "small", True, "panel")] if p.accept_closed else []),
                Row([Button(_("Accept"), lambda p=p: self.answer("accept", p.id),
                            key=f"talks:accept:{p.id}", enabled=can and not p.accept_closed,
                            explained=bool(p.accept_closed)),
                     Button(_("Counter"), lambda p=p: self.counter(p), key=f"talks:counter:{p.id}",
                            enabled=can, selected=True if self.countering == p.id else None),
                     Button(_("Decline"), lambda p=p: self.answer("decline", p.id),
                            key=f"talks:decline:{p.id}", enabled=can)]),
            ]
        return Panel(rows, key="talks:waiting")

    def _chooser(self, t: TalkTurn) -> list[Widget]:
        package = dict(self.package())
        title = (_("Your counter to proposal {n}").format(n=self.countering)
                 if self.countering is not None else _("Your package"))
        out: list[Widget] = [Label(title, "large", True, "screen")]
        hint = _("Arrows move, a digit picks an option of the issue holding the focus, Tab "
                 "goes to the next issue.")
        out.append(Label(hint, "small", False, "screen_muted"))
        for issue in t.issues:
            options = [Button(o.name, lambda i=issue.id, o=o.id: self.choose(i, o),
                              number=o.number, group=f"issue:{issue.id}",
                              selected=package[issue.id] == o.id, enabled=not o.closed,
                              explained=bool(o.closed),
                              detail="\n".join(x for x in (
                                  o.closed, _(OPTION_VALUE).format(value=o.value), o.ratify) if x),
                              key=f"talks:option:{issue.id}:{o.id}") for o in issue.options]
            out.append(Panel([Label(f"{issue.number}. {issue.name}", "body", True,
                                    "panel_heading"),
                              Label(issue.description, "small", False, "panel_muted"),
                              *options], key=f"talks:issue:{issue.id}"))
        out.append(self._stakes(self.package(), accepting=False))
        can = not t.closed
        if self.countering is not None:
            to = self._counter_to(t)
            out.append(Row([Label(_("The counter goes to {to}.").format(
                to=roles_text(self.scenario, to)), "body", False, "screen"),
                Button(_("Cancel the counter"), self.cancel_counter, key="talks:cancel")]))
            send_text = _("Send this counter to proposal {n}").format(n=self.countering)
        else:
            toggles = [Toggle(_("To {role}").format(role=self.flow.role_name(r)), r in self.to,
                              lambda on, r=r: self.address(r, on), key=f"talks:to:{r}")
                       for r in t.parties]
            per_row = 2
            out += [Row(toggles[i:i + per_row] + [Spacer(0)] * (per_row - len(toggles[i:i + per_row])))
                    for i in range(0, len(toggles), per_row)]
            to = tuple(r for r in t.parties if r in self.to)
            send_text = (_("Propose this package to {to}").format(to=roles_text(self.scenario, to))
                         if to else _("Propose this package (choose who receives it)"))
        out.append(Button(send_text, self.propose, key="talks:propose", enabled=can,
                          explained=True, detail=t.closed or trade_sentence(
                              self.scenario, self.package(), self.viewer)))
        return out

    def _stakes(self, package, accepting: bool) -> Panel:
        """What `package` is worth to the team, what it binds each side to and what it puts
        at stake, as the team weighs it (private to the team)."""
        return Panel([Label(_("What this package means for you"), "body", True, "panel_heading"),
                      *self._stake_rows(package, accepting)], key="talks:stakes")

    def _stake_rows(self, package, accepting: bool) -> list[Widget]:
        notes = package_notes(self.session, self.viewer, package, accepting)
        binds = package_terms(self.scenario, package)
        rows: list[Widget] = [Label(line, "small", True, "panel") for line in (notes.worth, *notes.warnings)
                 if line]
        rows.append(Label(_("What it binds each side to:") if binds else
                          _("The package binds no one to any deed or restraint."),
                          "small", False, "panel"))
        rows += [Label(f"• {line}", "small", False, "panel") for line in binds]
        return rows

    def _confirm(self, t: TalkTurn) -> Panel:
        """"Send it?": the whole message as it would bind, with Send it and Change it."""
        kind, ref, to, package = self.confirming
        title = (_("Your counter to proposal {n}, to {to}:").format(
            n=ref, to=roles_text(self.scenario, to)) if kind == "counter" else
            _("Your proposal to {to}:").format(to=roles_text(self.scenario, to)))
        names = {i.id: (i.name, {o.id: o.name for o in i.options}) for i in t.issues}
        rows: list[Widget] = [Label(title, "large", True, "panel_heading"),
                              *[Label(f"• {names[i][0]}: {names[i][1][o]}", "small", False,
                                      "panel") for i, o in package],
                              Label(trade_sentence(self.scenario, package, self.viewer), "small",
                                    False, "panel")]
        rows += self._stake_rows(package, accepting=False)
        rows += [Label(_("Send it?"), "body", True, "panel"),
                 Row([Button(_("Send it"), self.send_confirmed, key="talks:send"),
                      Button(_("Change it"), self.cancel_confirm, key="talks:edit")])]
        return Panel(rows, key="talks:confirm")

    def _mine(self, t: TalkTurn) -> Panel:
        rows: list[Widget] = [Label(_("Your open proposals"), "body", True, "panel_heading")]
        for p in t.mine:
            rows += [Label(_("{heading}, to {to}").format(heading=p.heading,
                                                          to=roles_text(self.scenario, p.to)),
                           "body", True, "panel"),
                     *[Label(f"• {line}", "small", False, "panel") for line in p.lines],
                     *[Label(line, "small", True, "panel") for line in (p.worth, *p.warnings)
                       if line],
                     Label(_("Still to accept: {roles}").format(
                         roles=roles_text(self.scenario, p.waiting)), "small", False,
                         "panel_muted"),
                     Row([Button(_("Withdraw"), lambda p=p: self.answer("withdraw", p.id),
                                 key=f"talks:withdraw:{p.id}", enabled=not t.closed),
                          Spacer(0)])]
        return Panel(rows, key="talks:mine")

    def _history(self, t: TalkTurn) -> Panel:
        shown = t.history if self.all_messages else t.history[-RECENT:]
        rows: list[Widget] = [Label(_("Messages you may read"), "body", True, "panel_heading")]
        rows += [Label(line, "small", False, "panel") for line in shown] or [
            Label(_("No message yet."), "small", False, "panel_muted")]
        hidden = len(t.history) - len(shown)
        if hidden or self.all_messages:
            rows.append(Row([Button(
                _("Show only the latest") if self.all_messages else
                _("Show all messages ({n} earlier)").format(n=hidden),
                self.toggle_messages, key="talks:messages"), Spacer(0)]))
        return Panel(rows, key="talks:history")

    def _counter_to(self, t: TalkTurn) -> tuple[str, ...]:
        """Who a counter to the proposal being countered goes to: its sender and its other
        addressees."""
        p = next((p for p in t.waiting if p.id == self.countering), None)
        if p is None:
            return ()
        return tuple(r for r in (p.sender, *p.to) if r != self.viewer)

    # actions
    def choose(self, issue: str, option: str) -> None:
        """Pick `option` for `issue`."""
        self.choices[issue] = option
        self.invalidate()

    def address(self, role: str, on: bool) -> None:
        """Send the next proposal to `role`, or not."""
        (self.to.add if on else self.to.discard)(role)
        self.invalidate()

    def counter(self, proposal) -> None:
        """Open the chooser with `proposal`'s package, to change it and send it back."""
        self.countering = proposal.id
        self.choices = dict(proposal.terms)
        first = proposal.terms[0] if proposal.terms else None
        if first is not None:
            self.focus.key = f"talks:option:{first[0]}:{first[1]}"
        self.note = _("Proposal {n} is in your package below: change it, then send the "
                      "counter.").format(n=proposal.id)
        self.invalidate()

    def cancel_counter(self) -> None:
        """Back to a new proposal of the team's own."""
        self.countering = None
        self.note = ""
        self.invalidate()

    def toggle_messages(self) -> None:
        self.all_messages = not self.all_messages
        self.invalidate()

    def propose(self) -> None:
        """Ask "Send it?" with the chooser's package: a counter, or a new proposal to the
        chosen roles. With no one to send it to, the rules' refusal shows at once."""
        t = self.now()
        if self.countering is not None:
            message = ("counter", self.countering, self._counter_to(t), self.package())
        else:
            message = ("propose", 0, tuple(r for r in t.parties if r in self.to), self.package())
        if t.closed or not message[2]:
            self._sent(*message)
            return
        self.confirming = message
        self.focus.key = "talks:send"
        self.note = ""
        self.invalidate()

    def send_confirmed(self) -> None:
        """Send the message waiting for "Send it?"; the focus goes back to the chooser."""
        if self.confirming is None:
            return
        kind, ref, to, package = self.confirming
        self.confirming = None
        if self._sent(kind, ref, to, package) and kind == "counter":
            self.countering = None
        first = self.session.game.talks.spec.issues[0].id
        self.focus.key = f"talks:option:{first}:{dict(self.package())[first]}"
        self.invalidate()

    def cancel_confirm(self) -> None:
        """Back to the chooser without sending."""
        self.confirming = None
        self.focus.key = "talks:propose"
        self.note = _("Not sent.")
        self.invalidate()

    def answer(self, kind: str, ref: int) -> None:
        """Accept, decline or withdraw proposal `ref`."""
        self._sent(kind, ref, (), ())

    def _sent(self, kind: str, ref: int, to: tuple[str, ...], terms) -> bool:
        why = send(self.session, self.viewer, kind, ref, to, terms)
        if why is None:
            self.note = sent_words(self.session, self.viewer, kind, ref)
            if self.countering == ref:
                self.countering = None
        else:
            self.note = _("Not sent: {why}").format(why=why)
        self.invalidate()
        return why is None

    # keys
    def handle_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_TAB and self._jump_issue(
                -1 if getattr(event, "mod", 0) & pygame.KMOD_SHIFT else 1):
            return True
        return super().handle_event(event)

    def _jump_issue(self, step: int) -> bool:
        """Tab on an option: the focus goes to the chosen option of the next (Shift: the
        previous) issue; past the last issue it goes on to what follows the chooser."""
        key = self.focus.key or ""
        if not key.startswith("talks:option:"):
            return False
        issues = [i.id for i in self.session.game.talks.spec.issues]
        here = issues.index(key.split(":")[2])
        there = here + step
        if there < 0:
            return False  # Shift+Tab leaves the chooser as usual
        package = dict(self.package())
        root = self.ensure_root()
        if there < len(issues):
            wanted = (f"talks:option:{issues[there]}:{package[issues[there]]}",)
        else:  # past the last issue: on to the addressees, or to sending
            wanted = ("talks:cancel", "talks:propose")
        target = next((w for w in walk(root) if w.focusable and (
            w.key in wanted or (there == len(issues) and (w.key or "").startswith("talks:to:")))),
            None)
        if target is None:
            return False
        self.focus.focus(root, target)
        self.app.dirty = True
        return True

    def back(self) -> None:
        """Esc: out of "Send it?" back to the chooser, else back to the orders screen."""
        if self.confirming is not None:
            self.cancel_confirm()
            return
        self.app.stack.pop()

    def on_unhandled_key(self, event) -> bool:
        if event.key == pygame.K_F2:
            self.app.stack.push(self.app.screens.make("facilitator", self.flow))
            return True
        return False
