"""What a page asks of the host, whatever carries it (a WebSocket or long polling): the
request read and checked, the page identified by its hello, each request carried out for a
team, the host or a board, and the replies queued for the page.

`game.net.server` (WebSockets, the join and talk endpoints) and `game.net.poll` (pages
without WebSockets) both hand their pages' requests here.
"""

from __future__ import annotations

import json
import sys
import time
import traceback

import segno
from starlette.websockets import WebSocket

from game.authoring.scenarios import SCENARIO_DIR
from game.net import desk
from game.net.client import Client
from game.net.guard import Busy, source_of, too_deep
from game.net.hosted import HostedGame, NetError
from game.net.room import Room
from game.net.tables import MAX_TABLES, TableSpec
from game.words import N_, _
from game.words.i18n import language

MAX_MESSAGE = 64 * 1024
RETRY_SECONDS = 1.0  # a save that failed is tried again at the next request this long after
UNEXPECTED = N_("The host met an error it did not expect with that request (a fault in the game, "
                "not in what you did); the host's terminal shows the details. Try again.")
BUSY = N_("Too many tries from this device are waiting; wait a minute, then try once.")

def error_line(message: str, **extra) -> str:
    """A reply that tells the page of an error, in one line of JSON."""
    return json.dumps({"type": "error", "message": message, **extra})


def parse_request(text: str | None) -> dict | str:
    """A request's text as a dict, or an error line for a malformed one (any transport)."""
    if text is None:
        return _("Send requests as JSON text.")
    if len(text) > MAX_MESSAGE:
        return _("That request is too large.")
    if too_deep(text):
        return _("That request nests lists or objects too deeply; no page of the game sends that.")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return _("That request is not valid JSON.")
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        return _("A request must be a JSON object with a \"type\".")
    return data



async def identify(room: Room, data: dict, ws: WebSocket | None = None,
                   source: str | None = None) -> Client:
    """The client a hello proves (see `_identify`), reading the language its hello names."""
    with language(data.get("lang") if isinstance(data.get("lang"), str) else None) as lang:
        client = await _identify(room, data, ws, source)
    client.lang = lang
    return client


async def _identify(room: Room, data: dict, ws: WebSocket | None = None,
                    source: str | None = None) -> Client:
    """The client a hello proves: a team (its token), the host (the PIN), a table's board,
    or the list of tables; NetError, in words, if it proves nothing. A wrong PIN costs
    its `source` address time (see `guard.Throttle`), never another device."""
    if data["type"] != "hello":
        raise NetError(_("Say hello first."))
    who = data.get("as")
    if who == "team":
        table, role = room.classroom.seat_for_token(data.get("token"))
        return Client(ws, "team", role, data.get("token"), table)
    if who == "host":
        try:
            ok = await room.throttle.attempt(source_of(source),
                                             lambda: room.classroom.pin_ok(data.get("pin")))
        except Busy:
            raise NetError(_(BUSY)) from None
        if not ok:
            room.classroom.check_pin(data.get("pin"))  # says why in a sentence
        return Client(ws, "host", table=_first_table(room, data.get("table")))
    if who == "board":
        if data.get("table") is None and len(room.classroom.tables) > 1:
            return Client(ws, "lobby")
        return Client(ws, "board", table=_first_table(room, data.get("table")))
    raise NetError(_("Say whether this page is a board, a team or the host."))


def _first_table(room: Room, asked: object) -> str:
    """The table a page asked for (NetError if there is none), or the first table."""
    if asked is None:
        return next(iter(room.classroom.tables))
    return room.classroom.table(asked).id


REVOKED = N_("This team's seat changed: its link no longer works. Ask the facilitator for your "
              "team's link.")


def _still_seated(client: Client, game: HostedGame) -> bool:
    """False once the facilitator moved the team off this device (its token was revoked)."""
    return game.secrets.role_for_token(client.token) == client.role


def drain(client: Client, room: Room) -> tuple[list[str], bool]:
    """The messages waiting for a client, the current state put in where it was asked for;
    True as well once the page must close (its team's link was revoked)."""
    with language(client.lang):
        return _drain(client, room)


def _drain(client: Client, room: Room) -> tuple[list[str], bool]:
    out: list[str] = []
    while client.outbox:
        item = client.outbox.popleft()
        if client.kind == "team" and not _still_seated(client, room.game(client.table)):
            out.append(error_line(_(REVOKED), fatal=True))
            return out, True
        out.append(room.state_text(client) if item is None else item)
    return out, False



def answer(client: Client, room: Room, data: dict | str) -> None:
    """Carry out one request (or the error line of a malformed one) and queue the reply; a
    fault in the game is a sentence to the page and a traceback in the host's terminal."""
    with language(client.lang):
        _answer(client, room, data)


def _answer(client: Client, room: Room, data: dict | str) -> None:
    if isinstance(data, str):
        client.push(error_line(data))
        return
    retry_saves(room)
    key = data.get("key") if isinstance(data.get("key"), str) else None
    try:
        reply = _handle(client, room, data)
    except NetError as exc:
        reply = error_line(str(exc), key=key)
    except Exception:  # noqa: BLE001 - a bug: said to the page, shown to the host
        traceback.print_exc(file=sys.stderr)
        reply = error_line(_(UNEXPECTED), key=key)
    if reply:
        client.push(reply)


def retry_saves(room: Room) -> None:
    """While a table's save problem stands, try again (at most once every RETRY_SECONDS):
    called as pages connect and send requests, so a game goes on once there is space."""
    now = time.monotonic()
    if now - room.tried < RETRY_SECONDS:
        return
    room.tried = now
    for table in list(room.classroom.tables.values()):
        if table.game.problem is not None:
            table.game.retry()


def _handle(client: Client, room: Room, data: dict) -> str | None:
    """Carry out one request for a proven client; the reply to send it, if any."""
    kind = data["type"]
    if kind == "refresh":
        client.push(None)
        return None
    if client.kind == "team":
        game = room.game(client.table)
        if not _still_seated(client, game):
            raise NetError(_(REVOKED))
        return _act(game, client.role, kind, data)
    if client.kind == "host":
        return _host(client, room, kind, data)
    raise NetError(_("The board only shows the game; it cannot act."))


def _act(game: HostedGame, role: str, kind: str, data: dict) -> str:
    if kind == "orders":
        return json.dumps({"type": "ack", **game.submit_orders(role, data.get("key"), data.get("actions"),
                                                                data.get("wait", False))})
    if kind == "answers":
        return json.dumps({"type": "ack", **game.submit_responses(role, data.get("key"),
                                                                   data.get("decisions"))})
    if kind == "draft":
        return json.dumps({"type": "draft", **game.draft(role, data.get("chosen"))})
    if kind == "talk":
        return json.dumps({"type": "ack", **game.submit_talk(role, data.get("key"), data)})
    raise NetError(_("Unknown request {kind!r}; a team can send orders, answers, talk, draft or refresh.")
                   .format(kind=kind[:40]))


def _host(client: Client, room: Room, kind: str, data: dict) -> str | None:
    game = room.game(client.table)
    if kind == "command":
        message = desk.facilitate(room.classroom, data.get("table", client.table), data.get("command"),
                                  data.get("arg"))
        return json.dumps({"type": "info", "message": message, "command": data.get("command")})
    if kind == "show":
        client.table, client.viewing = room.classroom.table(data.get("table")).id, None
        client.push(None)
        return None
    if kind == "new_tables":
        return json.dumps({"type": "info", "message": _start_tables(room, data), "command": kind})
    if kind == "hotseat":
        client.viewing = game.hotseat_role(data.get("role")) if data.get("role") is not None else None
        client.push(None)
        return None
    if kind == "team_qr":
        plan = game.secrets.seats.get(data.get("role")) if isinstance(data.get("role"), str) else None
        if plan is None or plan.kind != "device":
            raise NetError(_("Only device teams have a link."))
        link = game.join_url.removesuffix("/join") + "/team#" + plan.token
        image = segno.make(link, error="m").svg_data_uri(scale=6)
        return json.dumps({"type": "team_qr", "role": plan.role, "link": link, "image": image})
    if kind in ("orders", "answers", "talk", "draft"):
        return _act(game, game.hotseat_role(data.get("role")), kind, data)
    raise NetError(_("Unknown request {kind!r} for the facilitator's page.").format(kind=kind[:40]))


def _start_tables(room: Room, data: dict) -> str:
    """Start `count` tables from the desk's form: {"scenario": a file from the scenario list,
    "seed": int or null, "rounds": int or null, "seats": {role: kind}, "count": 1-10}."""
    files = {s["file"] for s in room.scenarios()}
    scenario, count, seed = data.get("scenario"), data.get("count", 1), data.get("seed")
    seats, rounds = data.get("seats") or {}, data.get("rounds")
    if scenario not in files:
        raise NetError(_("Choose one of the listed scenarios."))
    if not _whole(count, 1, MAX_TABLES) or (seed is not None and not _whole(seed, 0, 2**63 - 1)) \
            or (rounds is not None and not _whole(rounds, 1, 40)):
        raise NetError(_("Give 1 to {n} tables, a seed from 0 upwards or none, and 1 to 40 rounds or "
                         "none.").format(n=MAX_TABLES))
    if not isinstance(seats, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                              for k, v in seats.items()):
        raise NetError(_("Give each delegation's seat as device, hotseat or an AI persona."))
    started = []
    for n in range(count):
        spec = TableSpec(str(SCENARIO_DIR / scenario), None if seed is None else seed + n, rounds,
                         tuple(f"{role}={kind}" for role, kind in seats.items()))
        started.append(room.classroom.start_table(spec).label)
    return _("Started: {tables}.").format(tables=", ".join(started))


def _whole(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
