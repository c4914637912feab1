"""The what-if chooser: from the End screen, replay a round with one decision changed.

One screen, in steps: pick a round (or one of the coach's picks), a team, whether to
change its orders or its answers, then the new orders or answers. The branch is played
under the same chance by `game.debrief.whatif`, and the screen sets the two games side
by side: endings, scores, end meters and the first ledger entries where they part. The
debrief with the branch can be exported. Esc goes back one step.
"""

from __future__ import annotations

from game.debrief.branch import change_words, parting, side
from game.debrief.coach import coach
from game.debrief.debrief import debrief_html
from game.debrief.whatif import Branch, Change, WhatIfError, branch, choices, open_orders, script_of
from game.files.atomic import write_atomic
from game.session.saves import data_dir
from game.ui.base import Widget
from game.ui.play.text import action_label, ledger_line, role_name
from game.ui.screens.common import PageScene
from game.ui.widgets import Button, ChoiceList, Label, Panel, Row, Toggle, notice
from game.words import _
from game.words.personas import persona_label


class WhatIfScene(PageScene):
    """Pick a round, a team and a new decision; see the branch beside the game."""

    @property
    def heading(self) -> str:
        return _("What if…?")

    def __init__(self, app, session) -> None:
        super().__init__(app)
        self.session, self.sc = session, session.scenario
        self.script = script_of(session)
        self.stage, self.round, self.role = "round", 0, ""
        self.chosen: list = []
        self.answers: dict[str, bool] = {}
        self.result: Branch | None = None
        self.problem = self.exported = ""
        self._picks = None

    # --- the steps ------------------------------------------------------------------------
    def body(self) -> list[Widget]:
        out = [notice(self.problem)] if self.problem else []
        return out + {"round": self._rounds, "role": self._roles, "kind": self._kind,
                      "orders": self._orders, "answers": self._answers,
                      "result": self._result}[self.stage]()

    def _rounds(self) -> list[Widget]:
        items = [(_("Round {n}").format(n=r), self._round_detail(r),
                  lambda r=r: self._pick_round(r), True) for r in self.script.played]
        return [Label(_("Go back to any round, change one team's orders or answers, and the "
                        "game replays from there with the same chance: the same seed and "
                        "the same draws."), "large"),
                *self._coach_picks(),
                Label(_("Or choose a round:"), "body", True, "screen"),
                ChoiceList("whatif-round", items, key_prefix="whatif:round")]

    def _round_detail(self, rnd: int) -> str:
        record = next(r for r in self.session.state.records if r.round == rnd)
        humans = [r for r, s in self.session.seats.items() if s.human]
        mine = [action_label(self.sc, a).split(": ", 1)[-1] for a in record.orders
                if a.role in humans]
        return "; ".join(mine) or _("the AI delegations' orders")

    def _coach_picks(self) -> list[Widget]:
        if self._picks is None:
            found = coach(self.session).decisions
            self._picks = [d for ds in found.values() for d in ds]
        return [Button(_("The coach's pick: round {n}, {who}").format(
                    n=d.round, who=role_name(self.sc, d.trial.change.role)),
                    lambda d=d: self._play(d.trial.change), detail=change_words(
                        self.session, d.trial.change), key=f"whatif:pick:{i}")
                for i, d in enumerate(self._picks)]

    def _roles(self) -> list[Widget]:
        seats = self.session.seats
        order = sorted(self.sc.role_ids, key=lambda r: not seats[r].human)
        items = [(role_name(self.sc, r), _("human team") if seats[r].human else
                  _("AI: {p}").format(p=persona_label(self.sc, r, seats[r].persona)),
                  lambda r=r: self._pick_role(r), True)
                 for r in order]
        return [Label(_("Round {n}: whose decision changes?").format(n=self.round), "large"),
                ChoiceList("whatif-role", items, key_prefix="whatif:role")]

    def _kind(self) -> list[Widget]:
        items = [(_("Its orders"), _("What it ordered this round"), self._to_orders, True),
                 (_("Its answers"), _("How it answered the offers it received"),
                  self._to_answers, True)]
        return [Label(_("Round {n}, {who}: change what?").format(
                    n=self.round, who=role_name(self.sc, self.role)), "large"),
                ChoiceList("whatif-kind", items, key_prefix="whatif:kind")]

    def _orders(self) -> list[Widget]:
        open_now, left = open_orders(self.session, self.script, self.round, self.role,
                                     tuple(self.chosen))
        ch = choices(self.session, self.round, self.role, self.script)
        did = "; ".join(action_label(self.sc, a).split(": ", 1)[-1] for a in ch.orders)
        picked = [Button(action_label(self.sc, a), lambda a=a: self._drop(a), selected=True,
                         detail=_("Enter removes it"), key=f"whatif:chosen:{a.text()}")
                  for a in self.chosen]
        menu = [Button(action_label(self.sc, a), lambda a=a: self._add(a), selected=False,
                       detail=_("cost {c}").format(c=self.sc.action(a.action_id).cost),
                       key=f"whatif:add:{a.text()}") for a in ch.menu if a in open_now]
        return [Label(_("Round {n}, {who} ordered: {did}").format(
                    n=self.round, who=role_name(self.sc, self.role), did=did or _("nothing")),
                    "large"),
                Label(_("Points left: {p}").format(p=left), "body", True, "accent"),
                Panel([Label(_("The new orders"), "body", True, "panel_heading"),
                       *(picked or [Label(_("None yet (that is a choice too)."), "body", False,
                                          "panel_muted")])]),
                Button(_("Play this branch"), self._play_orders, key="whatif:play"),
                *menu]

    def _answers(self) -> list[Widget]:
        toggles = [Toggle(_("Accept {o}").format(o=action_label(self.sc, k)), ok,
                          lambda v, k=k: self._set_answer(k, v), key=f"whatif:answer:{k}")
                   for k, ok in self.answers.items()]
        return [Label(_("Round {n}, {who}'s answers. Change one or more:").format(
                    n=self.round, who=role_name(self.sc, self.role)), "large"),
                *toggles, Button(_("Play this branch"), self._play_answers, key="whatif:play")]

    def _result(self) -> list[Widget]:
        b = self.result
        rnd, old, new = parting(b.original, b.branched)
        out: list[Widget] = [Label(change_words(self.session, b.change), "large", True),
                             Row([_side_panel(_("The game as played"), side(b.original)),
                                  _side_panel(_("The branch"), side(b.branched))])]
        # The buttons come before the long ledger, so the screen opens with them in view.
        out += [Button(_("Export the debrief with this branch"), self._export, key="whatif:export",
                       detail=self.exported or _("One HTML file: both games side by side, and "
                                                 "the coaching")),
                Button(_("Another what if…?"), self._again, key="whatif:again"),
                Button(_("Back to the end screen"), self.app.stack.pop, key="whatif:done")]
        if rnd:
            out += [_ledger_panel(_("As played, from round {n}").format(n=rnd), self.sc, old),
                    _ledger_panel(_("In the branch, from round {n}").format(n=rnd), self.sc, new)]
        else:
            out.append(Label(_("The two ledgers are identical: the change made no difference."),
                             "body", True))
        out += [Label(a, "small", False, "screen_muted") for a in b.adapted]
        return out

    # --- actions ----------------------------------------------------------------------------
    def _go(self, stage: str) -> None:
        """Show another step, from its top."""
        self.stage, self.problem = stage, ""
        self.focus.key = None
        self._last_offsets = {}  # each step opens at its top, not where the last was scrolled
        self.invalidate()

    def _pick_round(self, rnd: int) -> None:
        self.round = rnd
        self._go("role")

    def _pick_role(self, role: str) -> None:
        self.role = role
        ch = choices(self.session, self.round, role, self.script)
        self.answers = dict(ch.answers)
        if ch.answers:
            self._go("kind")
        else:
            self._to_orders()

    def _to_orders(self) -> None:
        self.chosen = []
        self._go("orders")

    def _to_answers(self) -> None:
        self._go("answers")

    def _add(self, action) -> None:
        self.chosen.append(action)
        self.focus.key = "whatif:play"  # the list below changes; Play is the likely next step
        self.invalidate()

    def _drop(self, action) -> None:
        self.chosen.remove(action)
        self.invalidate()

    def _set_answer(self, key: str, value: bool) -> None:
        self.answers[key] = value
        self.invalidate()

    def _play_orders(self) -> None:
        self._play(Change(self.round, self.role, orders=tuple(self.chosen)))

    def _play_answers(self) -> None:
        self._play(Change(self.round, self.role, answers=tuple(self.answers.items())))

    def _play(self, change: Change) -> None:
        try:
            self.result = branch(self.session, change, self.script)
        except WhatIfError as exc:
            self.problem = _("Not possible: {why}").format(why=exc)
            self.invalidate()
            return
        self.exported = ""
        self._go("result")
        self.focus.key = "whatif:export"

    def _again(self) -> None:
        self.result = None
        self._go("round")

    def _export(self) -> None:
        ch = self.result.change
        path = data_dir() / "debriefs" / (f"{self.sc.id}-seed{self.session.seed}-whatif-"
                                          f"r{ch.round}-{ch.role}.html")
        try:
            write_atomic(path, debrief_html(self.session, branch=self.result))
            self.exported = _("Saved: {p}").format(p=path)
        except OSError as exc:
            self.exported = _("Could not save the debrief: {why}").format(why=exc.strerror or exc)
        self.invalidate()

    def back(self) -> None:
        """Esc: one step back; from the first step, back to the End screen."""
        previous = {"role": "round", "kind": "role", "orders": "kind", "answers": "kind",
                    "result": "round"}.get(self.stage)
        if previous == "kind" and not self.answers:
            previous = "role"
        if previous is None:
            self.app.stack.pop()
        else:
            self._go(previous)


def _side_panel(title: str, rows: dict[str, str]) -> Panel:
    return Panel([Label(title, "body", True, "panel_heading"),
                  *(Label(f"{k}: {v}", "body", False, "panel") for k, v in rows.items())])


def _ledger_panel(title: str, sc, entries) -> Panel:
    return Panel([Label(title, "body", True, "panel_heading"),
                  *(Label(ledger_line(sc, e), "small", False, "panel") for e in entries)])
