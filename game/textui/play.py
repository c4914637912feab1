"""The text-mode game loop: hot-seat teams, AI seats, hand-offs, resolutions and the end.

It reads only views and records, and gives the session moves; it keeps no rules itself.
"""

from __future__ import annotations

from game.engine.session import Session
from game.model.actions import Action, IllegalAction, Orders, Responses
from game.model.state import RoundRecord
from game.rules import points_left
from game.textui import render
from game.textui.console import Console
from game.textui.stakes import demand_lines, stakes

FACILITATOR_HELP = ("Enter: continue | event ID: bring in an event | undo: undo the last round | "
                    "end: end the game now | quit: save and stop")


class TextGame:
    """Plays one session in the terminal."""

    def __init__(self, session: Session, console: Console) -> None:
        self.session = session
        self.sc = session.scenario
        self.io = console
        self.announced = 0
        humans = [r for r, s in session.seats.items() if s.human]
        self.any_human = bool(humans)
        # Solo play has nothing to hide from the room, so shared screens show that team's view.
        self.viewer = humans[0] if len(humans) == 1 else None
        self.briefed: set[str] = set()

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
        self.announced = view.round
        self.io.clear()
        self.io.say(f"===== Round {view.round} of {view.rounds} =====", *render.event_card(view), "",
                    *render.hud(view, self.sc), *self._demands())
        return self._facilitator() if self.any_human else None

    def _demands(self) -> list[str]:
        lines = demand_lines(self.session.state, self.sc)
        return ["Public demands:", *lines] if lines else []

    def _facilitator(self) -> str | None:
        while True:
            answer = self.io.ask(f"[{FACILITATOR_HELP}] > ")
            word, _, arg = answer.partition(" ")
            try:
                if word == "":
                    return None
                if word == "quit":
                    return "quit"
                if word == "end":
                    self.session.end_now()
                    return None
                if word == "undo":
                    self._undo()
                    return None
                if word == "event" and arg:
                    self.session.inject_event(arg.strip())
                    self.io.say(*render.event_card(self.session.view(None)))
                    self.io.say(*render.ledger_lines(self.session.view(None).ledger(
                        self.session.state.round)[-3:], self.sc))
                    continue
            except IllegalAction as exc:
                self.io.say(f"Not possible: {exc}")
                continue
            events = ", ".join(e.id for e in self.sc.events)
            self.io.say(f"Unknown command {answer!r}. Events: {events}")

    def _undo(self) -> None:
        if self.session.undo_round():
            self.io.say(f"Went back to the start of round {self.session.state.round}.")
        else:
            self.io.say("There is no finished round to undo.")
        self.announced = 0

    # --- a human team's turn ------------------------------------------------------
    def _human_turn(self, role: str) -> None:
        name = render.role_name(self.sc, role)
        if self.viewer is None:
            self.io.hand_off(name)
        if role not in self.briefed:
            self.briefed.add(role)
            self.io.say(f"Briefing for {name}:", self.sc.role(role).briefing.strip(), "")
        view = self.session.view(role)
        self.io.say(*render.hud(view, self.sc), *self._demands(), "", "Your private objectives:")
        self.io.say(*(f"  [{o.points} pts] {o.text}" for o in view.objectives))
        if self.session.state.phase == "orders":
            record = self.session.submit(self._ask_orders(role))
        else:
            record = self.session.submit(self._ask_responses(role))
        if self.viewer is None:
            self.io.clear()
        self._show([record] if record else [])

    def _ask_orders(self, role: str) -> Orders:
        menu = self.session.legal(role)  # numbered once, so numbers never shift between picks
        chosen: list[Action] = []
        while True:
            legal = self.session.legal(role, tuple(chosen))
            self._list_actions(menu, legal, points_left(self.sc, chosen), chosen)
            answer = ("0" if not legal else self.io.ask(
                "Number (or action id), 0 to finish, u to undo a pick: ", hidden=True))
            if answer in ("0", "done", ""):
                if self._confirm(chosen):
                    return Orders(role, tuple(chosen))
                chosen.clear()
            elif answer == "u":
                if chosen:
                    chosen.pop()
            else:
                pick = self._parse_pick(answer, menu, role)
                if pick is None or pick not in legal:
                    why = "is not one of the choices listed" if pick is None else "is not open now"
                    self.io.say(f"{answer!r} {why}.")
                else:
                    chosen.append(pick)

    def _list_actions(self, menu: list[Action], legal: list[Action], left: int,
                      chosen: list[Action]) -> None:
        picked = ", ".join(render.action_label(self.sc, a.text()) for a in chosen) or "nothing yet"
        self.io.say("", f"Points left: {left}. Picked: {picked}")
        family, noted = None, set()
        for i, action in enumerate(menu, 1):
            spec = self.sc.action(action.action_id)
            if spec.family != family:
                family = spec.family
                self.io.say(f"  -- {family.replace('_', ' ')} --")
            state = ("  (picked)" if action in chosen else "" if action in legal
                     else "  (not open now)")
            at_stake = stakes(self.session.state, self.sc, action)
            at_stake = f"  [{at_stake}]" if at_stake else ""
            self.io.say(f"  {i:2}. [{spec.cost} pt] "
                        f"{render.action_label(self.sc, action.text())}{state}{at_stake}")
            if spec.id not in noted:
                noted.add(spec.id)
                self.io.say(f"        {spec.teaching_note}")

    def _parse_pick(self, answer: str, menu: list[Action], role: str) -> Action | None:
        if answer.isdigit():
            n = int(answer)
            return menu[n - 1] if 1 <= n <= len(menu) else None
        text = answer if ":" in answer else f"{role}:{answer}"
        try:
            action = Action.from_text(text)
        except ValueError:
            return None
        return action if action in menu else None

    def _confirm(self, chosen: list[Action]) -> bool:
        summary = "; ".join(render.action_label(self.sc, a.text()) for a in chosen) or "no orders"
        answer = self.io.ask(f"Confirm: {summary}? [Y/n] ", hidden=True)
        return answer.lower() not in ("n", "no")

    def _ask_responses(self, role: str) -> Responses:
        view = self.session.view(role)
        decisions = []
        for offer in view.offers:
            spec = offer.spec
            self.io.say("", f"Offer: {render.action_label(self.sc, offer.key)}",
                        f"  {spec.description}", f"  ({spec.teaching_note})")
            while True:
                answer = self.io.ask("Accept? [y/n]: ", hidden=True).lower()
                if answer in ("y", "yes", "n", "no"):
                    decisions.append((offer.key, answer.startswith("y")))
                    break
                self.io.say("Please answer y or n.")
        return Responses(role, tuple(decisions))

    # --- resolution ------------------------------------------------------------------
    def _show(self, records: list[RoundRecord]) -> None:
        view = self.session.view(self.viewer)
        for record in records:
            notes = [render.reasoning_line(self.sc, n.role, n.text)
                     for n in self.session.notes_for(record.round)]
            self.io.say("", *render.resolution(view, self.sc, record.round, notes))
        if records and self.io.interactive and self.any_human:
            self.io.ask("Press Enter to continue. ")
