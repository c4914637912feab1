"""The text-mode game loop: hot-seat teams, AI seats, hand-offs, resolutions and the end.

It reads only views and records, and gives the session moves; it keeps no rules itself.
In hot-seat play every team's private screen (briefing, exact support, objectives, picks)
is wiped, scrollback included, before the keyboard passes on.
"""

from __future__ import annotations

import re

from game.model.actions import Action, BadMoveText, IllegalAction, Orders, Responses
from game.model.results import Phase
from game.model.state import RoundRecord
from game.rules import points_left
from game.rules.events import spent
from game.session.menu import full_menu
from game.session.session import Session
from game.session.talk_turn import talk_turn
from game.session.turns import turn
from game.textui import render
from game.textui.console import Console
from game.textui.stakes import demand_lines, demand_news
from game.textui.talks import TalksScreen
from game.words import (
    N_,
    _,
    action_label,
    move_label,
    ngettext,
    points,
    prose,
    reasoning_line,
    refusal_line,
    role_name,
)

FACILITATOR_HELP = N_("Facilitator: Enter to play on | 'event' lists the events | 'event N' "
                      "brings in event N | 'undo' the last round | 'end' the game now | "
                      "'quit' to save and stop")

#: Between rounds in solo play (one human team): the facilitator's commands stay
#: available, but the student sees only what moves the game on.
SOLO_HELP = N_("Enter: play the round | why, ledger: last round in detail | quit | help")

ORDERS_HELP = N_("Type a number to pick it, 'info N' to read about item N, 'notes' for every "
                 "item's teaching note, 'goals' for your objectives, 'u' to take back the last "
                 "pick, 'list' to see the whole menu again, 'done' to finish.")

TALKS_LINE = N_("Type 't' to enter the talks: propose a package of terms, or answer a proposal.")

#: A menu number: ASCII digits only ('²' and other digits are refused, not read).
_NUMBER = re.compile(r"[0-9]{1,4}")


class TextGame:
    """Plays one session in the terminal."""

    def __init__(self, session: Session, console: Console) -> None:
        self.session = session
        self.sc = session.scenario
        # What the rule functions take: the session's compiled scenario once it has one.
        self.rules_game = getattr(session, "game", session.scenario)
        self.io = console
        self.announced = 0
        self.standing: frozenset = frozenset()  # demands standing when the round opened
        humans = [r for r, s in session.seats.items() if s.human]
        self.any_human = bool(humans)
        # Solo play has nothing to hide from the room, so shared screens show that team's view.
        self.viewer = humans[0] if len(humans) == 1 else None
        self.briefed: set[str] = set()
        self.taught: set[str] = set()  # teams whose menu has been shown with its teaching notes

    def run(self) -> str:
        """Play until the game ends (returns "over") or the facilitator quits ("quit")."""
        while not self.session.state.over:
            if self.announced != self.session.state.round:
                if self._open_round() == "quit":
                    return "quit"
                continue
            role = self.session.next_human()
            if role is None:
                self._show(self.session.play_ai(one_round=True))
            else:
                self._human_turn(role)
        return "over"

    # --- round opening and facilitator ----------------------------------------
    def _open_round(self) -> str | None:
        view = self.session.view(self.viewer)
        if self.announced:  # the first round keeps the scenario's introduction on screen
            self.io.clear()
        self.announced = view.round
        self.standing = self.session.state.demands  # to tell what the round changes
        board = (render.short_hud(view, self.sc) if self.viewer is not None and view.round > 1
                 else render.hud(view, self.sc))
        self.io.say("", _("===== Round {round} of {rounds} =====").format(round=view.round,
                                                                    rounds=view.rounds),
                    *render.event_card(view), "", *board, *self._demands())
        return self._facilitator() if self.any_human else None

    def _demands(self) -> list[str]:
        """The standing public demands, with what backing down costs now."""
        lines = demand_lines(self.session.state, self.rules_game)
        return [_("Public demands:"), *lines] if lines else []

    def _facilitator(self) -> str | None:
        """Commands between rounds, in any case; returns "quit" to stop, None to play on."""
        solo = self.viewer is not None
        self.io.say("", _(SOLO_HELP) if solo else _(FACILITATOR_HELP))
        prompt = _("> ") if solo else _("Facilitator > ")
        while True:
            word, _sep, arg = self.io.ask(prompt).partition(" ")
            word, arg = word.lower(), arg.strip()
            if word == "":
                return None
            if word == "quit":
                return "quit"
            if word == "help":
                self.io.say(_(FACILITATOR_HELP))
                continue
            if self._details(word):
                continue
            if word in ("end", "undo"):
                if self._end() if word == "end" else self._undo():
                    return None
            elif word == "event":
                self._event(arg)
            else:
                self.io.say(_("Unknown command {word!r}. The commands are: why, ledger, end, "
                              "event, event N, undo, quit, help, or Enter to play on.").format(
                                  word=word))

    def _details(self, word: str) -> bool:
        """`why` (the AI's reasons) or `ledger` (every change, cause by cause) for the last
        round revealed; False for any other word."""
        if word not in ("why", "ledger"):
            return False
        records = self.session.state.records
        if not records:
            self.io.say(_("No round has been revealed yet."))
            return True
        last = records[-1].round
        if word == "ledger":
            view = self.session.view(self.viewer)
            self.io.say(_("Round {round}, every change grouped by cause:").format(round=last),
                        *render.ledger_lines(self.sc, view.ledger(last)))
        else:
            notes = [reasoning_line(self.sc, n.role, n)
                     for n in self.session.notes_for(last, self.viewer)]
            self.io.say(_("Round {round}, the AI delegations' reasons:").format(round=last),
                        *(f"  {n}" for n in notes or [_("No AI reasons were given.")]))
        return True

    def _end(self) -> bool:
        if not self.io.confirm(_("End the game now and score it as it stands?")):
            self.io.say(_("The game goes on."))
            return False
        self.session.end_now()
        return True

    def _undo(self) -> bool:
        if not self.session.state.records:
            self.io.say(_("There is no finished round to undo."))
            return False
        last = self.session.state.records[-1].round
        if not self.io.confirm(_("Undo round {round} and play it again?").format(round=last)):
            self.io.say(_("Nothing was undone."))
            return False
        self.session.undo_round()
        self.io.say(_("Went back to the start of round {round}.").format(
            round=self.session.state.round))
        self.announced = 0
        return True

    def _event(self, arg: str) -> None:
        """List the events by title, or bring one in (by number, id or title) and show its card."""
        events = self.sc.events
        chosen = _pick_event(events, arg) if arg else None
        if chosen is None:
            if arg:
                self.io.say(_("There is no event {arg!r}.").format(arg=arg))
            self.io.say(_("Events (type 'event N' to bring one in now):"),
                        *(f"  {i:2}. {e.title}{self._spent(e)}" for i, e in enumerate(events, 1)))
            return
        try:
            self.session.inject_event(chosen.id)
        except IllegalAction as exc:
            self.io.say(_("Not possible: {why}").format(
                why=refusal_line(self.sc, exc.refusal, exc.action)))
            return
        view = self.session.view(self.viewer)
        seen = [e for e in view.ledger(view.round) if e.cause == "event" and e.source == chosen.id]
        self.io.say("", _("EVENT brought in by the facilitator: {title}").format(title=chosen.title),
                    "  " + " ".join(chosen.text.split()),
                    *(render.ledger_lines(self.sc, seen) if seen
                      else ["  " + _("No meter the room can see has changed.")]))

    def _spent(self, event) -> str:
        """A mark for an event that cannot be brought in now, or nothing."""
        why = spent(self.session.state, event)
        if why == "round":
            return _(" (already happened this round)")
        return _(" (already happened; only once a game)") if why == "game" else ""

    # --- a human team's turn ------------------------------------------------------
    def _human_turn(self, role: str) -> None:
        hot_seat = self.viewer is None
        if hot_seat:
            self.io.hand_off(role_name(self.sc, role))
        try:
            record = self._private_turn(role)
        finally:  # even when input ends or the room presses Ctrl-C mid-turn
            if hot_seat:
                self.io.clear()
        self._show([record] if record else [])

    def _private_turn(self, role: str) -> RoundRecord | None:
        name = role_name(self.sc, role)
        if role not in self.briefed:
            self.briefed.add(role)
            self.io.say(_("Briefing for {team}:").format(team=name), prose(self.sc.role(role).briefing),
                        "")
        solo = self.viewer is not None  # the round's opening already showed this team's board
        if not solo:
            self.io.say(*render.hud(self.session.view(role), self.sc), *self._demands(), "")
        if not solo or role not in self.taught:
            self._goals(role)
        if self.session.state.phase == Phase.ORDERS:
            return self.session.submit(self._ask_orders(role))
        return self.session.submit(self._ask_responses(role))

    def _goals(self, role: str) -> None:
        self.io.say(_("Your private objectives:"), *(
            f"  [{points(o.points)}] {o.text}" for o in self.session.view(role).objectives))

    def _talks_open(self, role: str) -> bool:
        """Whether the team may see the talks (the scenario has them); lets the AI
        delegations speak first, so their proposals can wait for the team's answer."""
        if self.rules_game.talks is None or role not in self.rules_game.talks.parties:
            return False
        self.session.play_talks()
        return True

    def _talks_news(self, role: str) -> None:
        """One line on the talks before the menu: proposals waiting, or how to enter."""
        now = talk_turn(self.session, role)
        if now.waiting:
            self.io.say(ngettext("Talks: {n} proposal waits for your answer. Type 't' to see it.",
                                 "Talks: {n} proposals wait for your answer. Type 't' to see "
                                 "them.", len(now.waiting)).format(n=len(now.waiting)))
        elif not now.closed and (self.viewer is None or self.session.state.round == 1):
            self.io.say(_(TALKS_LINE))
        elif self.session.state.agreement is not None:
            self.io.say(_("Talks: {line}").format(line=now.agreement))

    def _ask_orders(self, role: str) -> Orders:
        """Picks from the numbered menu until the team types 'done' and confirms the summary."""
        menu = full_menu(self.sc, role)  # the turn's numbering: item n is menu[n - 1]
        chosen: list[Action] = []
        talks = self._talks_open(role)
        first = role not in self.taught
        self._list_actions(menu, chosen, notes=first)  # notes on the first turn
        self.taught.add(role)
        if talks:
            self._talks_news(role)
        prompt = (_("Pick a number, or done / t (talks) / ? (help): ") if talks
                  else _("Pick a number, or 'done' / 'u' / 'list' / 'help': "))
        offered = None  # the picks last offered for sending because nothing more fits
        while True:
            if offered != chosen and not self.session.legal(role, tuple(chosen)):
                offered = list(chosen)
                self.io.say(_("Nothing more can be added this round."))
                if self._confirm(chosen):
                    return Orders(role, tuple(chosen))
            answer = self.io.ask(prompt)
            command = answer.lower()
            if command == "done":
                if self._confirm(chosen):
                    return Orders(role, tuple(chosen))
            elif command in ("u", "undo"):
                self._take_back(chosen)
            elif command in ("list", "l", "menu"):
                self._list_actions(menu, chosen, notes=False, full=True)
            elif command in ("notes", "note", "n"):
                self._list_actions(menu, chosen, notes=True, full=True)
            elif command in ("goals", "objectives", "g"):
                self._goals(role)
            elif command in ("t", "talks", "talk") and talks:
                TalksScreen(self.session, self.io, role).run()
                self._list_actions(menu, chosen, notes=False)
            elif command in ("help", "h", "?", ""):
                self.io.say(_(ORDERS_HELP), *([_(TALKS_LINE)] if talks else []))
            elif command.startswith("info"):
                self._info(command[4:].strip(), menu)
            else:
                self._pick(answer, menu, role, chosen)

    def _pick(self, answer: str, menu: list[Action], role: str, chosen: list[Action]) -> None:
        action = self._parse_pick(answer, menu, role)
        if action is None and _NUMBER.fullmatch(answer):
            self.io.say(_("There is no item {n}: the menu runs from 1 to {last}.").format(
                n=answer, last=len(menu)))
            return
        if action is None:
            self.io.say(_("{answer!r} is not on the menu. {help}").format(answer=answer,
                                                                          help=_(ORDERS_HELP)))
            return
        item = turn(self.session, role, chosen).find(action)
        if item.open:
            chosen.append(action)
            self.io.say(_("Picked {n}. {action}. Points left: {left}.").format(
                n=item.number, action=item.label, left=points_left(self.rules_game, chosen)))
        else:
            self.io.say(_("{n}. {action} is not available: {why}.").format(
                n=item.number, action=item.label, why=item.why))

    def _info(self, number: str, menu: list[Action]) -> None:
        """What one menu item does, and why it matters: its description and teaching note."""
        if not (_NUMBER.fullmatch(number) and 1 <= int(number) <= len(menu)):
            self.io.say(_("Type 'info' and a number from 1 to {last}, such as 'info 3'.").format(
                last=len(menu)))
            return
        action = menu[int(number) - 1]
        spec = self.sc.action(action.action_id)
        self.io.say(f"{number}. {action_label(self.sc, action)}", "  " + " ".join(spec.description.split()),
                    "  (" + " ".join(spec.teaching_note.split()) + ")")

    def _take_back(self, chosen: list[Action]) -> None:
        if not chosen:
            self.io.say(_("Nothing is picked yet."))
            return
        taken = chosen.pop()
        self.io.say(_("Took back {action}. Points left: {left}.").format(
            action=action_label(self.sc, taken), left=points_left(self.rules_game, chosen)))

    def _list_actions(self, menu: list[Action], chosen: list[Action], notes: bool,
                      full: bool = False) -> None:
        """The menu, numbered once for the game (the turn service's items, see
        `game.session.turns`); closed items say why they are closed. After a solo team's
        first turn, unless `full`, only the items open now, and the closed ones' numbers."""
        if not menu:
            self.io.say(_(ORDERS_HELP))
            return
        role = menu[0].role
        now = turn(self.session, role, chosen)
        if self.viewer is not None and role in self.taught and not (full or notes):
            self.io.say(*render.compact_menu_lines(now))
            return
        self.io.say(*render.menu_lines(now, self.sc, notes), _(ORDERS_HELP))

    def _parse_pick(self, answer: str, menu: list[Action], role: str) -> Action | None:
        if _NUMBER.fullmatch(answer):
            n = int(answer)
            return menu[n - 1] if 1 <= n <= len(menu) else None
        text = answer if ":" in answer else f"{role}:{answer}"
        try:
            action = Action.from_text(text.lower())
        except BadMoveText:
            return None
        return action if action in menu else None

    def _confirm(self, chosen: list[Action]) -> bool:
        summary = "; ".join(action_label(self.sc, a) for a in chosen) or _("no orders this round")
        if self.io.confirm(_("Send these orders: {summary}?").format(summary=summary)):
            return True
        self.io.say(_("Not sent. Keep picking, 'u' takes back the last pick."))
        return False

    def _ask_responses(self, role: str) -> Responses:
        view = self.session.view(role)
        decisions = []
        short = self.viewer is not None and self.session.state.round > 1
        for offer in view.offers:
            spec = offer.spec
            what = "  " + " ".join(spec.description.split())
            note = "  (" + " ".join(spec.teaching_note.split()) + ")"
            self.io.say("", _("Offer: {offer}").format(offer=move_label(self.sc, offer.key)),
                        *([] if short else [what, note]))
            note = f"{what}\n{note}"
            decisions.append((offer.key, self._accept(note) if short
                              else self.io.confirm(_("Accept?"))))
        return Responses(role, tuple(decisions))

    def _accept(self, note: str) -> bool:
        """Accept an offer? y or n; ? says what it is and what it tends to do."""
        while True:
            answer = self.io.ask(_("Accept? ('?' explains) [y/n] ")).lower()
            if answer in (_("y"), _("yes"), "y", "yes"):
                return True
            if answer in (_("n"), _("no"), "n", "no"):
                return False
            if answer == "?":
                self.io.say(*note.split("\n"))
            else:
                self.io.say(_("Type y to accept, n to decline, or ? for what the offer is."))

    # --- resolution ------------------------------------------------------------------
    def _show(self, records: list[RoundRecord]) -> None:
        view = self.session.view(self.viewer)
        short = False
        for record in records:
            # A solo student sees the whole ledger once (round 1), then what changed, with
            # the AI's reasons and the ledger on request.
            short = self.viewer is not None and record.round > 1
            if short:
                shown = render.short_resolution(view, self.sc, record.round)
            else:
                notes = [reasoning_line(self.sc, n.role, n)
                         for n in self.session.notes_for(record.round, self.viewer)]
                shown = render.resolution(view, self.sc, record.round, notes)
            self.io.say("", *shown, *demand_news(self.standing, self.session.state.demands,
                                                 record, self.rules_game))
            self.standing = self.session.state.demands
        if records and self.io.interactive and self.any_human:
            if not short:
                self.io.ask(_("Press Enter to continue. "))
                return
            while answer := self.io.ask(_("Enter: go on | why: the AI's reasons | ledger: "
                                          "every change: ")).lower():
                if not self._details(answer):
                    self.io.say(_("Press Enter to go on, or type why or ledger."))


def _pick_event(events, arg: str):
    """The event named by a number in the list, its id or its title (any case), or None."""
    if _NUMBER.fullmatch(arg):
        n = int(arg)
        return events[n - 1] if 1 <= n <= len(events) else None
    wanted = arg.casefold()
    return next((e for e in events if wanted in (e.id.casefold(), e.title.casefold())), None)
