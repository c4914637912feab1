"""A team's private screens: choosing orders, and answering the offers it received.

Orders: the legal actions (asked of the session for the orders drafted so far) grouped
by family, each with its cost, description and teaching note. Number keys 1-9 pick
the first nine. Picked orders can be removed again; Confirm submits them.
Responses: each offer with Accept and Decline; Confirm once every offer is answered.
"""

from __future__ import annotations

from game.model.actions import Orders, Responses
from game.rules import points_left
from game.ui.base import Widget
from game.ui.play.gamescene import GameScene
from game.ui.play.text import action_label, points, prose
from game.ui.widgets import Button, Label, Panel, Row

FAMILY_TITLES = {"transparency": "Transparency", "assurance": "Assurance",
                 "cooperation": "Cooperation", "pressure": "Pressure", "home_front": "Home front"}


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
        legal = self.session.legal(self.viewer, tuple(self.chosen))
        if not legal:
            return [Label("No more actions fit this round.", "body", False, "screen_muted")]
        out: list[Widget] = []
        number = 0
        for family, title in FAMILY_TITLES.items():
            group = [a for a in legal if sc.action(a.action_id).family == family]
            if not group:
                continue
            out.append(Label(title, "large", True, "heading"))
            for action in group:
                number += 1
                spec = sc.action(action.action_id)
                detail = (f"Cost {spec.cost} · {prose(spec.description)}\n"
                          f"Tends to: {prose(spec.teaching_note)}")
                if spec.offer:
                    detail += "\nAn offer: the other side accepts or declines."
                out.append(Button(action_label(sc, action), lambda a=action: self.pick(a),
                                  detail=detail, number=number, group="actions",
                                  key=f"action:{action.text()}"))
        return out

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
        order = list(FAMILY_TITLES)
        return [a for family in order for a in legal
                if self.scenario.action(a.action_id).family == family]

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
                Row([Button("Accept", lambda k=offer.key: self.answer(k, True), selected=ans is True,
                            key=f"accept:{offer.key}"),
                     Button("Decline", lambda k=offer.key: self.answer(k, False),
                            selected=ans is False, key=f"decline:{offer.key}")]),
            ]))
        missing = len(offers) - len(self.answers)
        out.append(Button("Confirm answers" if not missing else f"Confirm answers ({missing} "
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
        """Submit the answers and go on."""
        decisions = tuple((o.key, self.answers[o.key]) for o in self.view.offers)
        if _submit(self, Responses(self.viewer, decisions)):
            self.flow.advance()
