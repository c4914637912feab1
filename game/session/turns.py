"""One team's turn, worked out once for every front end: its menu, its points, its draft
and the offers it must answer, each with what it puts at stake.

The text mode, the window and the hosted pages all render a `Turn`, so they list the same
items in the same order under the same numbers, open or closed for the same reason:

- `turn(session, role, chosen)` is the whole turn of `role` with `chosen` drafted so far.
- `Turn.menu` is the role's full menu (`game.session.menu.full_menu`): every order it could
  ever give in this game, numbered once (1 is the first item, all game long). An item closed
  now stays listed, with its reason as data (`Refusal`) and in words. An order the role could
  never give (another role's action, or a proposal of a milestone it is not a party to) is
  not on its menu at all, in any front end.
- `Turn.offers` are the offers the role must answer now, numbered from 1, each with what
  accepting it would cost in backing down from a standing demand.
- `Stakes` is what an order puts at stake, as data from `game.rules` (ratification odds,
  audience cost) with the shared sentence of `game.words.stakes`.

Everything here is plain data (named tuples), private to `role`: the stakes name the
team's exact domestic support, so a turn is never shown on a shared screen.

A turn is built from parts, one function each (`menu_items`, `offer_items`); the talks of a
negotiation will be one more part beside them, built the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from game.model.actions import Action
from game.model.results import Phase, Refusal
from game.rules import points_left, ratification_odds
from game.rules.legal import why_illegal
from game.session.menu import full_menu
from game.words import action_label, family_name, move_label, why_not
from game.words.stakes import accept_line, backing_down, stake_line

if TYPE_CHECKING:
    from game.session.session import Session


class Stakes(NamedTuple):
    """What an order (or accepting an offer) puts at stake now, for the acting team only.

    `odds`: a legal instrument's ratification odds in percent, else None. `support`: the
    team's exact domestic support when `odds` is given, else None. `backing_down`: support
    points lost by backing down from the team's standing demands, else None.
    `support_label`: the name of the team's support meter. `line`: all this in the shared
    words of `game.words.stakes`, or "" when nothing special is at stake."""

    odds: int | None
    support: int | None
    backing_down: int | None
    support_label: str
    line: str

    def __bool__(self) -> bool:
        """True when something is at stake."""
        return self.odds is not None or self.backing_down is not None


class MenuItem(NamedTuple):
    """One numbered item of a team's menu of orders.

    `number` (from 1) never changes during a game. `open`: it may be added to the draft
    now. `picked`: it is in the draft already. `refusal`: why it may not be added now, as
    data (None when open; a picked item's is `drafted`), and `why` the same in words ("" when
    open)."""

    number: int
    action: Action
    label: str
    family: str  # the action family's id; `family_label` is its name in words
    family_label: str
    cost: int
    offer: bool  # an offer the other side accepts or declines
    open: bool
    picked: bool
    refusal: Refusal | None
    why: str
    stakes: Stakes

    @property
    def id(self) -> str:
        """The order's text form, `role:action@target`, as moves and pages name it."""
        return self.action.text()


class OfferItem(NamedTuple):
    """One offer a team must answer, numbered from 1 in the order the rules give them:
    its key (the offer's move text), the offered action, its label naming who offers it,
    and what accepting it would cost (`stakes`: only `backing_down` is ever set)."""

    number: int
    key: str
    action: Action
    label: str
    stakes: Stakes


class Turn(NamedTuple):
    """Everything one team decides in its turn, worked out once (see the module docstring).

    `due`: the team owes a move in this phase. `points`: action points a round;
    `points_left`: what the draft leaves. `chosen`: the draft, in the order picked."""

    role: str
    round: int
    phase: Phase
    due: bool
    points: int
    points_left: int
    chosen: tuple[Action, ...]
    menu: tuple[MenuItem, ...]
    offers: tuple[OfferItem, ...]

    def item(self, number: int) -> MenuItem:
        """Menu item `number` (from 1). Raises IndexError outside 1..len(menu)."""
        if not 1 <= number <= len(self.menu):
            raise IndexError(f"no menu item {number}: the menu runs from 1 to {len(self.menu)}")
        return self.menu[number - 1]

    def find(self, action: Action) -> MenuItem | None:
        """The menu item of `action`, or None when it is not on this team's menu."""
        return next((i for i in self.menu if i.action == action), None)

    def open_items(self) -> list[MenuItem]:
        """The items that may be added to the draft now, in menu order."""
        return [i for i in self.menu if i.open]

    def closed(self) -> dict[str, str]:
        """{order text: why it is closed, in words} for each item neither open nor picked."""
        return {i.id: i.why for i in self.menu if not i.open and not i.picked}


def turn(session: Session, role: str, chosen: Sequence[Action] = ()) -> Turn:
    """The turn of `role` in `session` as it stands, with `chosen` drafted so far.

    Raises KeyError for a role the scenario does not have. `chosen` need not be legal: an
    order in it that is not on the menu is kept in the draft and counted in the points."""
    sc = session.scenario
    if role not in sc.role_ids:
        raise KeyError(f"no role {role!r} in the scenario {sc.id!r}")
    state, game = session.state, session.game
    chosen = tuple(chosen)
    return Turn(role=role, round=state.round, phase=state.phase,
                due=role in session.waiting_for(), points=sc.rules.points_per_round,
                points_left=points_left(game, chosen), chosen=chosen,
                menu=menu_items(session, role, chosen), offers=offer_items(session, role))


def menu_items(session: Session, role: str, chosen: Sequence[Action] = ()) -> tuple[MenuItem, ...]:
    """`role`'s full menu with `chosen` drafted: every item, numbered, open or closed."""
    sc, state, game = session.scenario, session.state, session.game
    chosen = tuple(chosen)
    legal = set(session.legal(role, chosen))
    items = []
    for number, action in enumerate(full_menu(sc, role), start=1):
        spec = sc.action(action.action_id)
        is_open = action in legal
        refusal = None if is_open else why_illegal(state, game, action, chosen)
        items.append(MenuItem(
            number=number, action=action, label=action_label(sc, action), family=spec.family,
            family_label=family_name(spec.family), cost=spec.cost, offer=spec.offer,
            open=is_open, picked=action in chosen, refusal=refusal,
            why=why_not(sc, action, refusal), stakes=order_stakes(session, action)))
    return tuple(items)


def offer_items(session: Session, role: str) -> tuple[OfferItem, ...]:
    """The offers `role` must answer now (none outside the answers phase), numbered from 1."""
    sc, state, game = session.scenario, session.state, session.game
    label = sc.role(role).domestic_label
    out = []
    for number, offer in enumerate(session.view(role).offers, start=1):
        cost = backing_down(state, game, role, offer.action.action_id)
        out.append(OfferItem(number, offer.key, offer.action, move_label(sc, offer.key),
                             Stakes(None, None, cost, label,
                                    accept_line(state, game, role, offer.action.action_id))))
    return tuple(out)


def order_stakes(session: Session, action: Action) -> Stakes:
    """What giving `action` would put at stake for its role now (private to that role)."""
    state, game = session.state, session.game
    odds = ratification_odds(state, game, action)
    return Stakes(odds=odds, support=state.support[action.role] if odds is not None else None,
                  backing_down=backing_down(state, game, action.role, action.action_id),
                  support_label=session.scenario.role(action.role).domestic_label,
                  line=stake_line(state, game, action))


__all__ = ["MenuItem", "OfferItem", "Stakes", "Turn", "menu_items", "offer_items",
           "order_stakes", "turn"]
