"""The open pages of a host, table by table, and the state message each page gets.

A `Hub` holds the team pages and the board of one table; the `Room` holds every hub, the
facilitator's pages ("desks"), the boards that list the tables ("lobbies") and the pages
that poll over plain HTTP requests. When a table's game changes, its hub's pages, every
desk and every lobby are told; a page's data is serialised once per game version and
kind of page, and the talks timer is added at the moment of sending.
"""

from __future__ import annotations

import json
import time
from collections import Counter

from game.net import desk
from game.net.client import Client
from game.net.guard import RateLimit, Throttle
from game.net.hosted import HostedGame
from game.net.tables import MAX_TABLES, Classroom
from game.words.i18n import current_language


class Hub:
    """Every open team page and board of one table, and the state messages each gets."""

    def __init__(self, game: HostedGame) -> None:
        self.game = game
        self.clients: set[Client] = set()
        self._texts: dict[object, str] = {}
        self._version = -1

    def changed(self) -> None:
        """The game changed: every page gets its new state."""
        for client in list(self.clients):
            client.push(None)

    def devices(self) -> dict[str, int]:
        """How many team pages are open for each role."""
        return dict(Counter(c.role for c in self.clients if c.kind == "team"))

    def data_text(self, key: object, build) -> str:
        """A page's data as JSON, serialised once per game version and kind of page."""
        if self._version != self.game.version:
            self._texts, self._version = {}, self.game.version
        key = (current_language(), key)  # pages of one kind may read different languages
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = json.dumps(build())
        return text

    def state_text(self, client: Client, extra: str = "") -> str:
        """The state message for a team page or board: its page's data, and the talks timer
        as it stands at the moment of sending."""
        if client.kind == "team":
            text = self.data_text(("team", client.role), lambda: self.game.team_data(client.role))
        else:
            text = self.data_text("board", self.game.board_data)
        timer = json.dumps(self.game.timer_data())
        return f'{{"type": "state", "timer": {timer}{extra}, "data": {text}}}'


class Room:
    """Every open page of one host: a hub per table, the facilitator's pages ("desks"), the
    boards that list the tables ("lobbies"), and the pages that poll over plain requests."""

    POLL_IDLE = 45.0  # seconds: a polling page that has asked nothing for this long has left

    def __init__(self, classroom: Classroom) -> None:
        self.classroom = classroom
        self.hubs: dict[str, Hub] = {}
        self.desks: set[Client] = set()
        self.lobbies: set[Client] = set()
        self.polls: dict[str, Client] = {}
        self.throttle = Throttle()  # wrong PINs and join codes cost their own source time
        self.talk_limits: dict[str, RateLimit] = {}  # talk messages over plain POSTs, per source
        self.tried = 0.0  # when a failed save was last tried again (see requests.retry_saves)
        classroom.listeners.append(self.changed)

    def hub(self, table_id: str) -> Hub:
        """The hub of a table (made when first needed: a table started from the desk)."""
        found = self.hubs.get(table_id)
        if found is None:
            game = self.classroom.tables[table_id].game
            found = self.hubs[table_id] = Hub(game)
            game.alerts.append(self.alert)
        return found

    def alert(self, line: str) -> None:
        """A table's save problem (or its end): every facilitator page is told."""
        text = json.dumps({"type": "error", "message": line})
        for client in list(self.desks):
            client.push(text)

    def game(self, table_id: str) -> HostedGame:
        return self.classroom.tables[table_id].game

    def changed(self, table_id: str) -> None:
        """A table's game changed (or a table was added): its pages, every desk and lobby."""
        self.hub(table_id).changed()
        self.presence()
        for client in list(self.lobbies):
            client.push(None)

    def presence(self) -> None:
        """The desks show the devices connected: tell them when a page comes or goes."""
        for client in list(self.desks):
            client.push(None)

    def enter(self, client: Client) -> None:
        """A page proved who it is: it gets its state now and at every change."""
        if client.kind == "host":
            self.desks.add(client)
        elif client.kind == "lobby":
            self.lobbies.add(client)
        else:
            self.hub(client.table).clients.add(client)
        if client.kind == "team":
            self.presence()
        client.push(None)

    def leave(self, client: Client) -> None:
        """A page closed (or stopped polling)."""
        self.desks.discard(client)
        self.lobbies.discard(client)
        if client.table in self.hubs:
            self.hubs[client.table].clients.discard(client)
        if client.kind == "team":
            self.presence()

    def talk_limit(self, source: str) -> RateLimit:
        """The rate limit of talk messages POSTed from one source address (a WebSocket's
        is per connection); the table of sources is emptied when it grows past 4096."""
        found = self.talk_limits.get(source)
        if found is None:
            if len(self.talk_limits) >= 4096:
                self.talk_limits.clear()
            found = self.talk_limits[source] = RateLimit()
        return found

    def sweep(self) -> None:
        """Forget polling pages that stopped asking."""
        now = time.monotonic()
        for key, client in list(self.polls.items()):
            if now - client.seen > self.POLL_IDLE:
                del self.polls[key]
                self.leave(client)

    def state_text(self, client: Client) -> str:
        """The state message for any page."""
        if client.kind == "host":
            return self._desk_text(client)
        if client.kind == "lobby":
            return json.dumps({"type": "state", "data": self._lobby_data()})
        table = self.classroom.tables[client.table]
        seat = {"id": table.id, "label": table.label, "key": table.key, "count": len(self.classroom.tables)}
        return self.hub(table.id).state_text(client, f', "table": {json.dumps(seat)}')

    def _desk_text(self, client: Client) -> str:
        self.sweep()
        table = self.classroom.tables[client.table]
        hub = self.hub(table.id)

        def build() -> dict:
            data = dict(table.game.host_data())
            data["hotseat"] = table.game.team_data(client.viewing) if client.viewing else None
            return data
        text = hub.data_text(("host", client.viewing), build)
        desk_data = {"table": {"id": table.id, "label": table.label, "key": table.key},
                     "devices": hub.devices(),
                     "tables": [desk.glance(t, self.hub(t.id).devices())
                                for t in self.classroom.tables.values()],
                     "scenarios": self.scenarios(), "max_tables": MAX_TABLES}
        return (f'{{"type": "state", "timer": {json.dumps(table.game.timer_data())}, '
                f'"desk": {json.dumps(desk_data)}, "data": {text}}}')

    def _lobby_data(self) -> dict:
        boards = [(t, t.game.board_data()) for t in self.classroom.tables.values()]
        tables = [{"id": t.id, "label": t.label, "title": b["title"], "round": b["round"],
                   "rounds": b["rounds"], "phase_label": b["phase_label"], "over": b["outcome"] is not None}
                  for t, b in boards]
        return {"kind": "lobby", "join_url": self.classroom.join_url,
                "local_only": boards[0][1]["local_only"], "tables": tables}

    def scenarios(self) -> list[dict]:
        """The scenarios a new table can play, in the current language (loaded once each)."""
        return desk.scenario_choices(current_language())
