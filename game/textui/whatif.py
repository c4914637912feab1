"""The text mode's end: the coaching, then "what if…?" branches of the game just played.

The student picks a round, a team (in solo play, its own), and new orders by the menu's
numbers or new answers; the branch is replayed under the same chance, compared with the
game as played, and written as a debrief next to the replay. Enter finishes; so does the
end of piped input.
"""

from __future__ import annotations

from pathlib import Path

from game.debrief.branch import branch_lines, coaching_lines
from game.debrief.debrief import debrief_html
from game.debrief.whatif import Change, WhatIfError, branch, choices, script_of
from game.files.atomic import write_atomic
from game.session.session import Session
from game.textui.console import Console, EndOfInput
from game.words import _, action_label, move_label, role_name


def after_game(session: Session, io: Console, replay: Path) -> None:
    """Coaching for the human teams, then offer what-if branches until the student is done."""
    if not any(s.human for s in session.seats.values()):
        return
    io.say("", *coaching_lines(session))
    try:
        WhatIfPrompt(session, io, replay).loop()
    except EndOfInput:
        return


class WhatIfPrompt:
    """Asks for one branch after another."""

    def __init__(self, session: Session, io: Console, replay: Path) -> None:
        self.session, self.io, self.replay = session, io, replay
        self.sc = session.scenario
        self.script = script_of(session)
        humans = [r for r, s in session.seats.items() if s.human]
        self.solo = humans[0] if len(humans) == 1 else None
        self.count = 0

    def loop(self) -> None:
        """Ask until the student presses Enter on its own."""
        played = self.script.played
        if not played:
            return
        while True:
            answer = self.io.ask(_("What if…? Replay a round with one decision changed: round "
                                   "number ({a}-{b}), or Enter to finish: ").format(
                                       a=played[0], b=played[-1]))
            if not answer:
                return
            if not answer.isdigit() or int(answer) not in played:
                self.io.say(_("Give a round from {a} to {b}.").format(a=played[0], b=played[-1]))
                continue
            self._one(int(answer))

    def _one(self, round_no: int) -> None:
        role = self.solo or self._ask_role()
        ch = choices(self.session, round_no, role, self.script)
        change = self._ask_change(ch)
        if change is None:
            return
        try:
            result = branch(self.session, change, self.script)
        except WhatIfError as exc:
            self.io.say(_("Not possible: {why}").format(why=exc))
            return
        self.count += 1
        out = self.replay.with_name(f"{self.replay.stem}-whatif{self.count}.html")
        write_atomic(out, debrief_html(self.session, branch=result))
        self.io.say("", *branch_lines(result), "", _("Debrief with this branch saved to {f}").format(f=out))

    def _ask_role(self) -> str:
        names = ", ".join(f"{r} ({role_name(self.sc, r)})" for r in self.sc.role_ids)
        while True:
            answer = self.io.ask(_("Whose decision changes? {names}: ").format(names=names)).lower()
            for r in self.sc.roles:
                if answer in (r.id, r.name.lower()):
                    return r.id
            self.io.say(_("Please give one of: {names}").format(names=names))

    def _ask_change(self, ch) -> Change | None:
        did = "; ".join(action_label(self.sc, a) for a in ch.orders) or _("nothing")
        self.io.say("", _("In round {n} {who} ordered: {did}").format(
            n=ch.round, who=role_name(self.sc, ch.role), did=did))
        if ch.answers:
            kind = self.io.ask(_("Change the orders (o) or the answers (a)? [o/a]: ")).lower()
            if kind.startswith("a"):
                return self._ask_answers(ch)
        return self._ask_orders(ch)

    def _ask_orders(self, ch) -> Change | None:
        for i, action in enumerate(ch.menu, 1):
            spec = self.sc.action(action.action_id)
            self.io.say(f"  {i:2}. [{spec.cost} pt] {action_label(self.sc, action)}")
        answer = self.io.ask(_("New orders: numbers separated by spaces (0 for no orders, "
                               "Enter to cancel): "))
        if not answer:
            return None
        picks = [] if answer.strip() == "0" else answer.replace(",", " ").split()
        if not all(p.isdigit() and 1 <= int(p) <= len(ch.menu) for p in picks):
            self.io.say(_("Give numbers from the list, for example 1 {n}.").format(n=len(ch.menu)))
            return None
        return Change(ch.round, ch.role, orders=tuple(ch.menu[int(p) - 1] for p in picks))

    def _ask_answers(self, ch) -> Change:
        answers = []
        for key, ok in ch.answers:
            was = _("accepted") if ok else _("declined")
            answer = self.io.ask(_("{offer} (you {was} it). Accept now? [y/n]: ").format(
                offer=move_label(self.sc, key), was=was)).lower()
            answers.append((key, answer.startswith("y")))
        return Change(ch.round, ch.role, answers=tuple(answers))
