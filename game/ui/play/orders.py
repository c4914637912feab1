"""A team's private screens: choosing orders, and answering the offers it received.

Orders: the role's full menu (every action and aim it could ever take, as the text mode
numbers it) as a compact grid of cards (name, target, family and cost); an item not open
now is shown as unavailable with the reason. Numbers stay the same all game. The focused
card's full text (description and teaching note) is shown above the grid. A digit picks
its item at once, and a line below the page says what was picked; in a menu longer than
nine, a second digit typed within `NUMBER_S` seconds makes it a two-digit number (1 then
2: item 12 replaces item 1, and the line says so); 0 then 5 picks item 5. A digit never
takes an order out again: an item already picked says so. Picked orders are taken out
from "Your orders so far"; Confirm opens the review, from which they are sent.
Answers: each offer with Accept and Decline, then the same review ("Send these answers:
…?", Change is the default). A team that received no offer sees a screen of the same
shape, so the room cannot tell who received offers.
"""

from __future__ import annotations

import pygame

from game.model.actions import IllegalAction, Orders, Responses
from game.rules import points_left
from game.session.menu import full_menu
from game.session.talk_turn import talk_turn
from game.session.turns import Turn, turn
from game.ui.base import Widget
from game.ui.context import Ui
from game.ui.play.gamescene import BOARD_SHARE, GameScene
from game.ui.play.text import action_label, points, prose
from game.ui.widgets import Button, Label, Panel, Row, Spacer
from game.words import N_, _, ngettext, refusal_line

FAMILY_TITLES = {"transparency": N_("Transparency"), "assurance": N_("Assurance"),
                 "cooperation": N_("Cooperation"), "pressure": N_("Pressure"),
                 "home_front": N_("Home front")}


class FocusDetail(Widget):
    """The full text of whichever card has the focus (or `idle` when none has), in a box
    of fixed height (`LINES` lines of body text) whose text shrinks to fit, so moving
    the focus never moves the layout."""

    LINES = 5

    def __init__(self, scene, texts: dict[str, str], idle: str) -> None:
        super().__init__(key="orders:detail")
        self.scene, self.by_key, self.idle = scene, texts, idle

    def current(self) -> str:
        return self.by_key.get(self.scene.focus.key, self.idle)

    def measure(self, ui: Ui, width: int) -> int:
        return self.LINES * ui.font("body").get_linesize() + 2 * ui.m.px("pad")

    def draw(self, surface, ui: Ui, focused: bool) -> None:
        style = ui.theme.style("card")
        pygame.draw.rect(surface, style.bg, self.rect, border_radius=ui.m.px("border") * 2)
        box = self.rect.inflate(-2 * ui.m.px("pad"), -2 * ui.m.px("pad"))
        px, lines = ui.fit_wrapped(self.current(), box.width, box.height, ui.m.font_px("body"))
        font = ui.font_px(px)
        for i, line in enumerate(lines):
            surface.blit(font.render(line, True, style.fg), (box.x, box.y + i * font.get_linesize()))

    def texts(self) -> list[str]:
        return [self.current()]


def _submit(scene: GameScene, move) -> bool:
    """Hand a move to the session; a refusal is shown on the screen, not raised."""
    try:
        scene.session.submit(move)
    except ValueError as exc:  # IllegalAction: the rules say no, and say why
        why = (refusal_line(scene.scenario, exc.refusal, exc.action)
               if isinstance(exc, IllegalAction) else str(exc))
        scene.flow.message = _("Not accepted: {why}").format(why=why)
        scene.invalidate()
        return False
    scene.flow.message = ""
    return True


DIGIT_KEYS = {getattr(pygame, f"K_{n}"): n for n in range(10)} | {
    getattr(pygame, f"K_KP{n}"): n for n in range(10)}


class OrdersScene(GameScene):
    """Pick up to the round's points of actions, then confirm."""

    #: Seconds after a digit that could begin a two-digit item number in which a second
    #: digit turns the pick into that longer number.
    NUMBER_S = 1.2

    def __init__(self, flow, role: str) -> None:
        super().__init__(flow)
        self.viewer = role
        self.chosen: list = []
        self.menu = full_menu(self.scenario, role)  # numbered once: 1 is menu[0], all game
        self.typed = ""  # "0" after a leading zero: the next digit is the whole number
        # (first digit, what it picked or None, when): a second digit may still follow
        self.refining: tuple[int, object, float] | None = None
        self.last_pick = None
        self.heading = _("Orders: {team}").format(team=flow.role_name(role))

    @property
    def view(self):
        return self.session.view(self.viewer, tuple(self.chosen))

    def ensure_root(self):
        """In a guided game the screen opens with the focus on the coach's first pick,
        scrolled into view."""
        if self.root is None and self.focus.key is None and not self.chosen:
            tips = [a for a in self.flow.suggested(self.viewer) if a in self._listed()]
            if tips:
                self.focus.key = f"action:{tips[0].text()}"
        return super().ensure_root()

    def body(self) -> list[Widget]:
        sc = self.scenario
        left = points_left(self.session.game, self.chosen)

        total = sc.rules.points_per_round
        picked = [Button(action_label(sc, a), lambda a=a: self.remove(a), selected=True,
                         detail=_("cost {cost} · Enter removes it").format(
                             cost=sc.action(a.action_id).cost),
                         key=f"chosen:{a.text()}") for a in self.chosen]
        out: list[Widget] = [
            Label((_("Points left: {left} of {total}. Pick up to your points, then confirm. "
                     "T: the talks.") if talk_turn(self.session, self.viewer).exists else
                   _("Points left: {left} of {total}. Pick up to your points, then confirm."))
                  .format(left=left, total=total),
                  "large", True, "accent"),
            Panel([Label(_("Your orders so far"), "body", True, "panel_heading"),
                   *(picked or [Label(_("None yet."), "body", False, "panel_muted")])]),
            *self._choices(),
            *([demands] if (demands := self.demands_panel()) else []),
            Button(ngettext("Confirm orders ({n} chosen, {left} unspent)",
                            "Confirm orders ({n} chosen, {left} unspent)",
                            len(self.chosen)).format(n=len(self.chosen), left=points(left)),
                   self.confirm, key="orders:confirm",
                   detail=_("Your choices stay secret until every team has answered")),
            *self._talks_button(),
        ]
        objectives = [Label(f"• {o.text} ({points(o.points)})", "small", False, "panel")
                      for o in self.view.objectives]
        if objectives:
            out.append(Panel([Label(_("Your private objectives"), "body", True, "panel_heading"),
                              *objectives]))
        return out

    def _talks_button(self) -> list[Widget]:
        """The way to the talks (T), before the orders are sent; none in a scenario
        without talks over terms. Private: it counts the proposals waiting for this team."""
        talks = talk_turn(self.session, self.viewer)
        if not talks.exists:
            return []
        waiting = len(talks.waiting)
        detail = (ngettext("{n} proposal waits for your answer", "{n} proposals wait for your "
                           "answer", waiting).format(n=waiting) if waiting else
                  talks.closed or _("Propose a package of terms, or answer one"))
        return [Button(_("Talks (T)"), self.open_talks, key="orders:talks", detail=detail)]

    def open_talks(self) -> None:
        """The team's talks screen, on top of its orders (Esc comes back here)."""
        self.app.stack.push(self.app.screens.make("talks", self.flow, self.viewer))

    def on_unhandled_key(self, event) -> bool:
        if event.key == pygame.K_t and talk_turn(self.session, self.viewer).exists:
            self.open_talks()
            return True
        return super().on_unhandled_key(event)

    def turn(self) -> Turn:
        """This team's turn with the draft as it stands (`game.session.turns`): the items
        the cards show, numbered, open or closed with why, and what each puts at stake."""
        return turn(self.session, self.viewer, self.chosen)

    def _choices(self) -> list[Widget]:
        sc = self.scenario
        now = self.turn()
        if not now.open_items():
            cards_note = [Label(_("No more actions fit this round."), "body", False,
                                "screen_muted")]
        else:
            cards_note = []
        cards: list[Widget] = []
        details: dict[str, str] = {}
        coach = self.flow.suggested(self.viewer)  # a guided game marks the coach's picks
        for item in now.menu:
            spec = sc.action(item.action.action_id)
            key = f"action:{item.id}"
            family = _(FAMILY_TITLES[item.family]) if item.family in FAMILY_TITLES \
                else item.family
            facts = [_("{family} · cost {cost}").format(family=family, cost=item.cost)]
            if item.offer:
                facts.append(_("offer"))
            if item.picked:
                facts.append(_("picked: in your orders above"))
            elif not item.open:
                facts.append(_("not available: {why}").format(why=item.why))
            detail = " · ".join(facts)
            # Private to this team: the odds name its exact support.
            detail += f"\n{item.stakes.line}" if item.stakes.line else ""
            cards.append(Button(f"{item.number}. {item.label}" if item.number > 9 else
                                item.label, lambda a=item.action: self.pick(a),
                                detail=detail, number=item.number, group="actions", key=key,
                                enabled=item.open, selected=True if item.picked else None,
                                explained=True,
                                marked=_("The coach suggests this") if item.action in coach else ""))
            details[key] = _("{action} (cost {cost}). {what}\nTends to: {note}").format(
                action=item.label, cost=item.cost, what=prose(spec.description),
                note=prose(spec.teaching_note)) + (
                "\n" + _("An offer: the other side accepts or declines.") if item.offer else "")
        columns = self._columns()
        grid = [Row(cards[i:i + columns] + [Spacer(0)] * (columns - len(cards[i:i + columns])))
                for i in range(0, len(cards), columns)]
        return [*cards_note, FocusDetail(self, details, _("Move the focus to an action to read "
                                                          "what it does.")), *grid]

    def closed_reason(self, action) -> str:
        """Why `action` cannot be added to the draft now, in words (the turn's reason)."""
        item = self.turn().find(action)
        return (item.why if item is not None else "") or _("it does not fit this round")

    # typing item numbers
    def handle_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in DIGIT_KEYS:
            return self.type_digit(DIGIT_KEYS[event.key])
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) \
                and (self.typed or self.refining is not None):
            return self.settle_typing()  # Enter keeps the pick as it is, and does nothing else
        return super().handle_event(event)

    def type_digit(self, digit: int) -> bool:
        """A digit of an item number. The item is picked at once; when a second digit
        could name a longer item (1 then 2: item 12), it may follow within `NUMBER_S`
        seconds and then replaces the first pick, saying so. 0 then 5 picks item 5."""
        if self.refining is not None and self.clock() - self.refining[2] < self.NUMBER_S:
            first, picked, _at = self.refining
            self.refining = None
            return self.refine(first, picked, first * 10 + digit)
        self.refining = None
        if self.typed == "0":  # a leading 0: this digit is the whole number
            self.typed = ""
            return self.take(digit)
        if digit == 0:
            self.typed = "0"
            self.note = _("0… type the item's digit (0 then 5 picks item 5)")
            self.invalidate()
            return True
        longer = digit * 10 <= len(self.menu)  # a second digit may still make it item 1x
        if longer:  # set first, so that a pick spending the last point waits to review
            self.refining = (digit, None, self.clock())
        self.take(digit)
        if longer:
            self.refining = (digit, self.last_pick, self.refining[2])
            self.note += " " + _(
                "A second digit at once picks item {lo} to {hi} instead.").format(
                lo=digit * 10, hi=min(len(self.menu), digit * 10 + 9))
        return True

    def take(self, number: int) -> bool:
        """Pick item `number` now, or say why not; the message says what happened."""
        self.last_pick = None
        if not 1 <= number <= len(self.menu):
            self.note = _("There is no item {n}: the menu runs from 1 to {last}.").format(
                n=number, last=len(self.menu))
        else:
            action = self.menu[number - 1]
            label = action_label(self.scenario, action)
            if action in self._listed():
                self.pick(action)
                self.last_pick = action
                self.note = _("Picked item {n}: {action}.").format(n=number, action=label)
            elif action in self.chosen:
                self.note = _("Item {n}, {action}, is already in your orders (choose it "
                                      "under “Your orders so far” to take it out).").format(
                    n=number, action=label)
            else:
                self.note = _("{n}. {action} is not available: {why}.").format(
                    n=number, action=label, why=self.closed_reason(action))
        self.invalidate()
        return True

    def refine(self, first: int, picked, number: int) -> bool:
        """The second digit came in time: item `number` replaces the pick of item `first`
        (which stays when `number` cannot be picked)."""
        if picked is not None and picked in self.chosen:
            self.chosen.remove(picked)
        self.take(number)
        if self.last_pick is None and picked is not None and picked not in self.chosen:
            self.chosen.append(picked)  # the longer number failed: the first pick stands
            self.note += " " + _("Item {n} stays picked.").format(n=first)
        elif self.last_pick is not None and picked is not None:
            self.note = _("Picked item {n}: {action} (instead of item {first}).").format(
                n=number, action=action_label(self.scenario, self.last_pick), first=first)
        self._review_if_full()
        self.invalidate()
        return True

    def settle_typing(self) -> bool:
        """Enter, or waiting, ends the moment in which a second digit may follow."""
        self.typed, self.refining = "", None
        self._review_if_full()
        self.invalidate()
        return True

    def next_tick(self) -> float | None:
        if self.refining is not None:
            return max(0.01, self.NUMBER_S - (self.clock() - self.refining[2]))
        return super().next_tick()

    def update(self, dt: float) -> bool:
        if self.refining is not None and self.clock() - self.refining[2] >= self.NUMBER_S:
            return self.settle_typing()
        return super().update(dt)

    def _columns(self) -> int:
        """Cards per row: as many 190-unit cards as the page is wide (1 to 3)."""
        window = self.app.surface.get_width()
        page_units = window * (1 - BOARD_SHARE[False]) / self.app.ui.scale
        return max(1, min(3, int(page_units // 190)))

    def pick(self, action) -> None:
        """Add an action to the draft orders. Numbers never move, so the focus stays on
        the card just picked when it can be picked again, else goes to the next open card
        after it (so Enter never removes the order just picked); when nothing else fits,
        it goes to Confirm."""
        place = self.menu.index(action) if action in self.menu else 0
        self.chosen.append(action)
        left = set(self._listed())
        after = [a for a in self.menu[place:] + self.menu[:place] if a in left]
        if after:
            self.focus.key = f"action:{after[0].text()}"
        else:
            self.focus.key = "orders:confirm"  # nothing else fits: confirming is next
            self._review_if_full()  # the team reviews its orders before they go
        self.invalidate()

    def _review_if_full(self) -> None:
        """Open the review once nothing else fits, unless a second digit may still change
        the pick just made (the review waits for that moment to pass)."""
        if self.refining is None and self.app.stack.top is self and not self._listed():
            self.review()

    def _listed(self) -> list:
        """The legal actions in the order the screen lists them (by family)."""
        legal = self.session.legal(self.viewer, tuple(self.chosen))
        order = {family: i for i, family in enumerate(FAMILY_TITLES)}
        return sorted(legal, key=lambda a: order.get(self.scenario.action(a.action_id).family,
                                                      len(order)))

    def remove(self, action) -> None:
        """Take an action back out of the draft."""
        self.chosen.remove(action)
        self.invalidate()

    def confirm(self) -> None:
        """Show the orders for review; they are sent only from there."""
        self.review()

    def review(self) -> None:
        """The summary dialog: "Send these orders: …?" with Change (the default) and
        Confirm. It ignores keys for a moment, so the Enter that spent the last point
        never sends the orders."""
        sc = self.scenario
        left = points_left(self.session.game, self.chosen)
        listed = "; ".join(action_label(sc, a) for a in self.chosen) or _("no orders")
        self.app.stack.push(self.app.screens.make(
            "confirm", _("Send these orders?"),
            _("Send these orders: {orders}? ({left} unspent)").format(orders=listed,
                                                                     left=points(left)),
            _("Confirm: send these orders"), self.send, _("Change")))

    def send(self) -> None:
        """Submit the orders and go on."""
        if _submit(self, Orders(self.viewer, tuple(self.chosen))):
            self.flow.advance()


class ResponsesScene(GameScene):
    """Accept or decline each offer this team received, then review and send the answers.

    Every team comes here in a round with offers, and the screen has one shape whether
    or not the team received any: the same heading and words, a panel per offer (or one
    saying none came) with its buttons, the same Confirm and the same review."""

    def __init__(self, flow, role: str) -> None:
        super().__init__(flow)
        self.viewer = role
        self.answers: dict[str, bool] = {}
        self.noted = False  # no offer came, and the team has seen that
        self.heading = _("Answers: {team}").format(team=flow.role_name(role))

    def body(self) -> list[Widget]:
        offers = self.view.offers
        out: list[Widget] = [Label(_("Accept or decline each offer. Your answers stay secret "
                                     "until the round is revealed, and every team comes to "
                                     "this screen, offers or not."), "body")]
        stakes = {o.key: o.stakes.line for o in turn(self.session, self.viewer).offers}
        out += [self._offer(i, offer, stakes.get(offer.key, "")) for i, offer in
                enumerate(offers, start=1)] or [self._none()]
        missing = len(offers) - len(self.answers) if offers else int(not self.noted)
        out.append(Button(_("Confirm answers") if not missing else
                          ngettext("Confirm answers ({n} still to answer)",
                                   "Confirm answers ({n} still to answer)", missing).format(
                              n=missing),
                          self.confirm, enabled=not missing, key="responses:confirm",
                          detail=_("You review them before they are sent")))
        return out

    def _offer(self, i: int, offer, stake: str) -> Panel:
        """Offer number `i` with its buttons; `stake` is what accepting it costs in backing
        down (the turn's words), or ""."""
        sc, spec = self.scenario, offer.spec
        ans = self.answers.get(offer.key)
        return Panel([
            Label(_("{n}. {team} offers: {action}").format(
                n=i, team=self.flow.role_name(offer.action.role),
                action=action_label(sc, offer.action)), "body", True, "panel_heading"),
            Label(prose(spec.description), "small", False, "panel"),
            Label(_("Tends to: {note}").format(note=prose(spec.teaching_note)), "small", False,
                  "panel_muted"),
            *([Label(stake, "small", True, "panel")] if stake else []),
            Row([Button(_("Accept"), lambda k=offer.key: self.answer(k, True),
                        selected=ans is True, key=f"accept:{offer.key}"),
                 Button(_("Decline"), lambda k=offer.key: self.answer(k, False),
                        selected=ans is False, key=f"decline:{offer.key}")]),
        ])

    def _none(self) -> Panel:
        """The panel that stands where the offers would: same parts, same buttons row."""
        return Panel([
            Label(_("1. No offer reached your delegation this round"), "body", True,
                  "panel_heading"),
            Label(_("There is nothing to accept or decline. Note it, then confirm, as every "
                    "team does."), "small", False, "panel"),
            Label(_("Tends to: nothing changes; your silence is not revealed."), "small", False,
                  "panel_muted"),
            Row([Button(_("Noted"), self.note_none, selected=True if self.noted else None,
                        key="responses:noted"), Spacer(0)]),
        ])

    def note_none(self) -> None:
        """The team has seen that no offer came; the focus goes on to Confirm."""
        self.noted = True
        self.focus.key = "responses:confirm"
        self.invalidate()

    def answer(self, key: str, accepted: bool) -> None:
        """Record an answer in the draft; the focus goes on to the next offer still to be
        answered, or to Confirm once all are."""
        first = key not in self.answers
        self.answers[key] = accepted
        if first:
            todo = [o.key for o in self.view.offers if o.key not in self.answers]
            self.focus.key = f"accept:{todo[0]}" if todo else "responses:confirm"
        self.invalidate()

    def confirm(self) -> None:
        """The review: "Send these answers: …?" with Change (the default) and Confirm.
        Like the review of orders, it ignores keys for a moment, so the Enter that gave
        the last answer never sends them."""
        offers = self.view.offers
        listed = "; ".join(self._answer_text(o) for o in offers) or \
            _("none (no offer reached your delegation)")
        self.app.stack.push(self.app.screens.make(
            "confirm", _("Send these answers?"),
            _("Send these answers: {answers}?").format(answers=listed),
            _("Confirm: send these answers"), self.send, _("Change")))

    def _answer_text(self, offer) -> str:
        """`Accept Moscow's offer: Joint exercises` (or Decline)."""
        text = _("Accept {maker}'s offer: {action}") if self.answers[offer.key] else \
            _("Decline {maker}'s offer: {action}")
        return text.format(maker=self.flow.role_name(offer.action.role),
                           action=action_label(self.scenario, offer.action))

    def send(self) -> None:
        """Submit the answers and go on (teams sharing the screen: hold them until every
        team has been to this screen)."""
        offers = self.view.offers
        move = Responses(self.viewer, tuple((o.key, self.answers[o.key]) for o in offers))
        if self.flow.hotseat:
            self.flow.hold_answers(self.viewer, move if offers else None)
            self.flow.advance()
        elif _submit(self, move):
            self.flow.advance()
