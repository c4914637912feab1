"""A team's private screens: choosing orders, and answering the offers it received.

Orders: the legal actions (asked of the session for the orders drafted so far) as a
compact grid of cards (name, target, family and cost), grouped by family; the focused
card's full text (description and teaching note) is shown above the grid. Number keys
1-9 pick the first nine. Picked orders can be removed again; Confirm submits them.
Responses: each offer with Accept and Decline; Confirm once every offer is answered.
"""

from __future__ import annotations

import pygame

from game.model.actions import Orders, Responses
from game.rules import points_left
from game.ui.base import Widget
from game.ui.context import Ui
from game.ui.play.gamescene import BOARD_SHARE, GameScene
from game.ui.play.text import action_label, points, prose
from game.ui.widgets import Button, Label, Panel, Row, Spacer
from game.words import _
from game.words.stakes import accept_line, stake_line

FAMILY_TITLES = {"transparency": "Transparency", "assurance": "Assurance",
                 "cooperation": "Cooperation", "pressure": "Pressure", "home_front": "Home front"}


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
        scene.flow.message = f"Not accepted: {exc}"
        scene.invalidate()
        return False
    scene.flow.message = ""
    return True


class OrdersScene(GameScene):
    """Pick up to the round's points of actions, then confirm."""

    def __init__(self, flow, role: str) -> None:
        super().__init__(flow)
        self.viewer = role
        self.chosen: list = []
        self.heading = f"Orders: {flow.role_name(role)}"

    @property
    def view(self):
        return self.session.view(self.viewer, tuple(self.chosen))

    def body(self) -> list[Widget]:
        sc = self.scenario
        left = points_left(self.session.game, self.chosen)
        total = sc.rules.points_per_round
        picked = [Button(action_label(sc, a), lambda a=a: self.remove(a), selected=True,
                         detail=f"cost {sc.action(a.action_id).cost} · Enter removes it",
                         key=f"chosen:{a.text()}") for a in self.chosen]
        out: list[Widget] = [
            Label(f"Points left: {left} of {total}. Pick up to your points, then confirm.",
                  "large", True, "accent"),
            Panel([Label("Your orders so far", "body", True, "panel_heading"),
                   *(picked or [Label("None yet.", "body", False, "panel_muted")])]),
            *self._choices(),
            *([demands] if (demands := self.demands_panel()) else []),
            Button(f"Confirm orders ({len(self.chosen)} chosen, {points(left)} unspent)",
                   self.confirm, key="orders:confirm",
                   detail="Your choices stay secret until every team has answered"),
        ]
        objectives = [Label(f"• {o.text} ({points(o.points)})", "small", False, "panel")
                      for o in self.view.objectives]
        if objectives:
            out.append(Panel([Label("Your private objectives", "body", True, "panel_heading"),
                              *objectives]))
        return out

    def _choices(self) -> list[Widget]:
        sc = self.scenario
        listed = self._listed()
        if not listed:
            return [Label("No more actions fit this round.", "body", False, "screen_muted")]
        cards: list[Widget] = []
        details: dict[str, str] = {}
        for number, action in enumerate(listed, start=1):
            spec = sc.action(action.action_id)
            key = f"action:{action.text()}"
            family = FAMILY_TITLES.get(spec.family, spec.family)
            # Private to this team: the odds name its exact support.
            stake = stake_line(self.session.state, self.session.game, action)
            cards.append(Button(action_label(sc, action), lambda a=action: self.pick(a),
                                detail=_("{family} · cost {cost}").format(
                                    family=family, cost=spec.cost) + (_(" · offer") if spec.offer
                                                                      else "")
                                + (f"\n{stake}" if stake else ""),
                                number=number, group="actions", key=key))
            details[key] = _("{action} (cost {cost}). {what}\nTends to: {note}").format(
                action=action_label(sc, action), cost=spec.cost, what=prose(spec.description),
                note=prose(spec.teaching_note)) + (
                "\n" + _("An offer: the other side accepts or declines.") if spec.offer else "")
        columns = self._columns()
        grid = [Row(cards[i:i + columns] + [Spacer(0)] * (columns - len(cards[i:i + columns])))
                for i in range(0, len(cards), columns)]
        return [FocusDetail(self, details, _("Move the focus to an action to read what it does.")),
                *grid]

    def _columns(self) -> int:
        """Cards per row: as many 190-unit cards as the page is wide (1 to 3)."""
        window = self.app.surface.get_width()
        page_units = window * (1 - BOARD_SHARE[False]) / self.app.ui.scale
        return max(1, min(3, int(page_units // 190)))

    def pick(self, action) -> None:
        """Add an action to the draft orders. The focus stays in the list of actions, on
        the one that now stands where the picked one was (so Enter never removes the
        order just picked); when nothing else fits, it goes to Confirm."""
        shown = self._listed()
        place = shown.index(action) if action in shown else 0
        self.chosen.append(action)
        left = self._listed()
        if left:
            self.focus.key = f"action:{left[min(place, len(left) - 1)].text()}"
        else:
            self.focus.key = "orders:confirm"  # nothing else fits: confirming is next
        self.invalidate()

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
        """Submit the orders and go on."""
        if _submit(self, Orders(self.viewer, tuple(self.chosen))):
            self.flow.advance()


class ResponsesScene(GameScene):
    """Accept or decline each offer this team received."""

    def __init__(self, flow, role: str) -> None:
        super().__init__(flow)
        self.viewer = role
        self.answers: dict[str, bool] = {}
        self.heading = f"Offers to {flow.role_name(role)}"

    def body(self) -> list[Widget]:
        sc = self.scenario
        offers = self.view.offers
        out: list[Widget] = [Label("Accept or decline each offer. Your answers stay secret until "
                                   "the round is revealed.", "body")]
        for i, offer in enumerate(offers, start=1):
            spec = offer.spec
            ans = self.answers.get(offer.key)
            out.append(Panel([
                Label(f"{i}. {self.flow.role_name(offer.action.role)} offers: "
                      f"{action_label(sc, offer.action)}", "body", True, "panel_heading"),
                Label(prose(spec.description), "small", False, "panel"),
                Label(f"Tends to: {prose(spec.teaching_note)}", "small", False, "panel_muted"),
                *([Label(stake, "small", True, "panel")] if (stake := accept_line(
                    self.session.state, self.session.game, self.viewer, spec.id)) else []),
                Row([Button("Accept", lambda k=offer.key: self.answer(k, True), selected=ans is True,
                            key=f"accept:{offer.key}"),
                     Button("Decline", lambda k=offer.key: self.answer(k, False),
                            selected=ans is False, key=f"decline:{offer.key}")]),
            ]))
        if not offers:
            out = [Label(_("No offers reached your delegation this round. Every team sees this "
                           "screen, so the room cannot tell who received offers."), "large")]
        missing = len(offers) - len(self.answers)
        done = _("Confirm answers") if offers else _("Continue")
        out.append(Button(done if not missing else f"Confirm answers ({missing} "
                          "still to answer)", self.confirm, enabled=not missing,
                          key="responses:confirm"))
        return out

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
        """Submit the answers and go on (teams sharing the screen: hold them until every
        team has been to this screen)."""
        offers = self.view.offers
        move = Responses(self.viewer, tuple((o.key, self.answers[o.key]) for o in offers))
        if self.flow.hotseat:
            self.flow.hold_answers(self.viewer, move if offers else None)
            self.flow.advance()
        elif _submit(self, move):
            self.flow.advance()
