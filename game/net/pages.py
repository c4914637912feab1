"""What each page shows: a team's, the board and the facilitator's, built from the rules' views.

Each page's data is built once per game version and kept until the game changes; a
team's comes only from the view the rules build for its own role (`view_for`), the
board's and the facilitator's from the public view. Revealed rounds are put in words
once and remembered (see `game.net.viewdata.present`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol
from urllib.parse import urlsplit

from game import words
from game.ai import PERSONAS
from game.model.actions import Action
from game.model.results import Phase
from game.net.seats import HostSecrets
from game.net.stakes import demand_rows
from game.net.talkdata import public_talks, team_talks
from game.net.timer import DEFAULT_TALKS_MINUTES
from game.net.viewdata import present, view_dict
from game.net.worded import Worded
from game.session.session import Session
from game.session.turns import MenuItem, turn
from game.words import _
from game.words.i18n import current_language
from game.words.personas import persona_choices, persona_label


def closed_reasons(session, role: str, chosen: tuple) -> dict[str, str]:
    """{action text: why it is closed, in words} for each item of `role`'s menu that cannot
    be added to the drafted `chosen` ones (the turn's reasons, see `game.session.turns`)."""
    return turn(session, role, chosen).closed()


def menu_data(item: MenuItem, scenario) -> dict:
    """One item of a team's menu as the team page shows it: the turn's `number`, `id`,
    `label`, `cost`, `open`, `why` (words, "" when open) and `refusal` (the reason as data,
    `[kind, *args]`, or None), the action's `name`, `family` (in words), `description`,
    `note`, `offer` and `offer_to`, and its stakes (`odds`, `support`, `backing_down`,
    `support_label`, `stake`: see `game.session.turns.Stakes`)."""
    action, spec = item.action, scenario.action(item.action.action_id)
    target = (words.role_name(scenario, action.target)
              if spec.offer and action.target in scenario.role_ids else None)
    stakes = item.stakes
    return {"number": item.number, "id": item.id, "label": item.label, "name": spec.name,
            "family": item.family_label, "cost": item.cost,
            "description": spec.description.strip(), "note": spec.teaching_note.strip(),
            "offer": item.offer, "offer_to": target, "open": item.open,
            "why": "" if item.open else item.why,
            "refusal": item.refusal.as_data() if item.refusal else None,
            "odds": stakes.odds, "support": stakes.support, "backing_down": stakes.backing_down,
            "support_label": stakes.support_label, "stake": stakes.line}


def _maker(scenario, key: str) -> dict:
    """Who made an offer and what it is, in words, for the review of a team's answers
    ("Accept Moscow's offer: Joint exercises", as the window says it)."""
    action = Action.from_text(key)
    return {"maker": words.role_name(scenario, action.role),
            "action_label": words.action_label(scenario, action)}


class Hosted(Protocol):
    """What the pages read of a hosted game (game.net.hosted.HostedGame, which owns them)."""

    session: Session
    secrets: HostSecrets
    version: int  # one more at every change, so a cached page is up to date while it is equal
    join_url: str
    finished_files: list[str]

    def talks_settled(self) -> str: ...


class Pages:
    """The data of every page of one hosted game, cached per game version and language.

    Each page's data is built in the page's language (the current one, see
    `game.net.requests`): its sentences by gettext, its scenario texts from the scenario in
    that language (`game.net.worded`), so a Russian page of an English host reads the
    events, objectives, issues and terms in Russian, and an English page of a Russian host
    reads them in English."""

    def __init__(self, game: Hosted) -> None:
        self.game = game
        self._cache: dict[object, dict] = {}
        self._cache_version = -1
        self._worded: dict[str, dict] = {}  # revealed rounds in words per language, see `present`
        self.worded = Worded(lambda: self.game.session)

    def session(self) -> Session:
        """The game's session reading its scenario in the current language (for reading only)."""
        return self.worded.session()

    def team(self, role: str) -> dict:
        """Everything a team's page shows: its view in words, briefing, menu, outcome."""
        return self._cached(("team", role), lambda: self._team_data(role))

    def board(self) -> dict:
        """The public board: the public view in words, the join address and codes."""
        return self._cached("board", self._board_data)

    def host(self) -> dict:
        """The facilitator's page: the board plus seats, links, codes and events to bring in."""
        return self._cached("host", self._host_data)

    def _cached(self, key: object, build: Callable[[], dict]) -> dict:
        if self._cache_version != self.game.version:
            self._cache, self._cache_version = {}, self.game.version
        key = (current_language(), key)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = build()
        return found

    def _common(self, role: str | None) -> dict:
        session = self.session()
        sc = session.scenario
        memo = self._worded.setdefault(current_language(), {})
        data = present(view_dict(session.view(role)), sc, self._notes(), memo)
        paused = self.game.secrets.paused and not session.state.over
        data.update(version=self.game.version, title=sc.title, paused=paused,
                    outcome=self._outcome(), roles=[words.role_name(sc, r) for r in sc.role_ids],
                    demands=demand_rows(session.state, session.game))
        return data

    def _team_data(self, role: str) -> dict:
        session = self.session()
        sc, spec = session.scenario, session.scenario.role(role)
        data = self._common(role)
        due = role in session.waiting_for()
        data.update(kind="team", role_name=spec.name, support_label=spec.domestic_label,
                    description=spec.description.strip(),
                    briefing=spec.briefing.strip(), due=due,
                    menu=self._menu(role) if due and data["phase"] == "orders" else [],
                    points=sc.rules.points_per_round,
                    talks=team_talks(session, role))
        answers = {o.key: o for o in turn(session, role).offers}
        data["offers"] = [dict(o, **_maker(sc, o["key"])) for o in data["offers"]]
        data["offers"] = [dict(o, number=answers[o["key"]].number,
                               backing_down=answers[o["key"]].stakes.backing_down,
                               stake=answers[o["key"]].stakes.line)
                          if o["key"] in answers else dict(o, backing_down=None, stake="")
                          for o in data["offers"]]
        return data

    def _menu(self, role: str) -> list[dict]:
        """The role's menu as the turn numbers it (`game.session.turns`): every order it could
        ever give, in the same order and with the same numbers each round, the window and
        the text mode; `open` says whether it may be ticked now, and `why` in words why not
        if it is closed (see `menu_data`)."""
        session = self.session()
        return [menu_data(item, session.scenario) for item in turn(session, role).menu]

    def _board_data(self) -> dict:
        data = self._common(None)
        session = self.session()
        sc = session.scenario
        codes = [{"role": words.role_name(sc, p.role), "code": p.code, "kind": p.kind}
                 for p in self.game.secrets.seats.values()]
        if not self.game.secrets.joining_open:
            codes = [dict(c, code="") for c in codes]
        local = urlsplit(self.game.join_url).hostname in ("127.0.0.1", "::1", "localhost")
        data.update(kind="board", join_url=self.game.join_url, codes=codes, local_only=local,
                    joining_open=self.game.secrets.joining_open, waiting=self._waiting_public(),
                    talks=public_talks(session))
        return data

    def _waiting_public(self) -> str:
        session = self.session()
        st = session.state
        if st.phase == Phase.ORDERS:
            names = [words.role_name(session.scenario, r)
                     for r in session.scenario.role_ids if r not in st.orders]
            return _("Waiting for orders from: {names}").format(names=", ".join(names))
        if st.phase == Phase.RESPONSES:
            return _("Waiting for answers to this round's offers.")
        return ""

    def _host_data(self) -> dict:
        data = dict(self.board())
        session = self.session()
        sc = session.scenario
        data.update(kind="host", seats=[
            {"role": p.role, "name": words.role_name(sc, p.role), "kind": p.kind,
             "persona": p.persona, "code": p.code, "token": p.token,
             "persona_label": persona_label(sc, p.role, p.persona) if p.kind == "ai" else None,
             "personas": persona_choices(sc, p.role, PERSONAS),
             "due": p.role in session.waiting_for()} for p in self.game.secrets.seats.values()],
            events=[{"id": e.id, "title": e.title} for e in sc.events],
            personas=list(PERSONAS), talks_minutes=DEFAULT_TALKS_MINUTES,
            talks_over=self.game.talks_settled(),  # why no talks timer is needed, or ""
            finished_files=self.game.finished_files)
        return data

    def _notes(self) -> dict[int, list[str]]:
        """AI reasoning by revealed round, as the window and the text mode show it.

        The lines go to every page, the board included: a persona words even its own
        domestic support in plain words, never as a number (tests/ai/test_reasoning_fog.py),
        and `Session.notes_for` gives nothing for the round still being played."""
        session = self.session()
        return {record.round: [words.reasoning_line(session.scenario, n.role, n)
                               for n in session.notes_for(record.round)]
                for record in session.state.records}

    def _outcome(self) -> dict | None:
        session = self.session()
        result = session.outcome() if session.state.over else None
        if result is None:
            return None
        sc = session.scenario
        return {"name": words.outcome_name(sc, result),
                "text": words.outcome_text(sc, result).strip(),
                "scores": [{"role": words.role_name(sc, r), "total": result.total(r),
                            "parts": [{"label": words.score_label(sc, result, r, p),
                                       "points": p.points} for p in result.scores[r]]}
                           for r in sc.role_ids]}
