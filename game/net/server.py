"""The web server: pages, a join endpoint, QR codes and one WebSocket for every page.

Every page opens `/ws` and first says who it is: `{"type": "hello", "as": "board"}`,
`{"as": "team", "token": T}` or `{"as": "host", "pin": P}`. The server then pushes
`{"type": "state", "timer": ..., "data": ...}` whenever the game changes, built for that page only (a
team's data comes from the rules' view for its own role). Requests are JSON objects with
a `type`; anything malformed or not allowed is answered with `{"type": "error",
"message": ...}` to that client alone, and the connection stays open.

The defences (see `game.net.guard`) come before any of that: the Host and Origin of every
request, a throttle on wrong PINs and join codes per source address, a rate limit per
connection, and a nesting limit checked on the text before it is parsed. Every refusal,
and every HTTP error, is a sentence.
"""

from __future__ import annotations

import asyncio
import io
import json
import sys
import threading
import time
import traceback
from collections import deque

import segno
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket, WebSocketDisconnect

from game.net import desk
from game.net.guard import Busy, RateLimit, SameOrigin, Served, source_of, too_deep
from game.net.hosted import HostedGame, NetError
from game.net.room import Room
from game.net.tables import MAX_TABLES, Classroom, TableSpec
from game.net.texts import texts_script
from game.resources import static_dir
from game.words import N_, _
from game.words.i18n import available, current_language, from_accept_language, language, normalise

STATIC = static_dir()
MAX_MESSAGE = 64 * 1024
MAX_JOIN_BODY = 4096  # bytes: a join request is a code of a few letters
WS_MAX_SIZE = 1024 * 1024  # bytes; uvicorn closes a connection that sends a larger frame
RETRY_SECONDS = 1.0  # a save that failed is tried again at the next request this long after
HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
           "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
                                      "connect-src 'self'; frame-ancestors 'none'",
           "Referrer-Policy": "no-referrer"}


class Client:
    """One open page: who it is, and what is waiting to be sent to it."""

    def __init__(self, ws: WebSocket | None, kind: str, role: str | None = None, token: str = "",
                 table: str | None = None) -> None:
        self.ws, self.kind, self.role, self.token = ws, kind, role, token
        self.table = table  # a team's or board's table; the table a host page is looking at
        self.viewing: str | None = None  # the hot-seat team the host page shows
        self.outbox: deque[str | None] = deque()  # None: send the current state
        self.wake = asyncio.Event()
        self.seen = time.monotonic()  # the last request of a page without a WebSocket
        self.lang: str | None = None  # the language the page reads (its hello says), or the host's

    def push(self, text: str | None) -> None:
        """Queue a message (None: the latest state, sent once however often it is queued)."""
        if text is not None or None not in self.outbox:
            self.outbox.append(text)
        self.wake.set()


def _error(message: str, **extra) -> str:
    return json.dumps({"type": "error", "message": message, **extra})


def build_app(game: Classroom | HostedGame, served: Served | None = None) -> Starlette:
    """The Starlette application serving a class of tables (or one hosted game), reached
    under the names `served` (by default those of the join address and of this computer's
    loopback)."""
    from game.net.poll import poll_routes

    room = game if isinstance(game, Classroom) else Classroom.single(game)
    routes = [Route("/", lambda _r: RedirectResponse("/join")), Route("/join", _page("join.html")),
              Route("/team", _page("team.html")), Route("/board", _page("board.html")),
              Route("/board/{table}", _page("board.html")),
              Route("/host", _page("host.html")), Route("/qr.svg", _qr),
              Route("/favicon.ico", lambda _r: Response(status_code=204)), Route("/texts.js", _texts),
              Route("/api/join", _join, methods=["POST"]), Route("/api/talk", _talk, methods=["POST"]),
              *poll_routes(), WebSocketRoute("/ws", _socket),
              Mount("/static", StaticFiles(directory=STATIC), name="static")]
    served = served or Served.at("127.0.0.1", room.join_url)
    guards = [Middleware(SecurityHeaders), Middleware(SameOrigin, served=served)]
    app = Starlette(routes=routes, middleware=guards,
                    exception_handlers={HTTPException: _http_error, Exception: _server_error})
    app.state.room = Room(room)
    return app


HTTP_TEXTS = {
    404: N_("There is no page at this address. The board is at /board, teams join at /join and "
            "the facilitator's page is at /host."),
    405: N_("This address does not take that kind of request; open it in a browser instead."),
}
UNEXPECTED = N_("The host met an error it did not expect with that request (a fault in the game, "
                "not in what you did); the host's terminal shows the details. Try again.")
BUSY = N_("Too many tries from this device are waiting; wait a minute, then try once.")
SLOW_DOWN = N_("This page is sending requests faster than any person can; the host now reads "
                "them more slowly.")


async def _http_error(request: Request, exc: HTTPException) -> Response:
    """Every HTTP error as a sentence: JSON for the API, plain text for a page."""
    text = _(HTTP_TEXTS[exc.status_code]) if exc.status_code in HTTP_TEXTS else \
        _("This request cannot be answered (HTTP {code}).").format(code=exc.status_code)
    return _sentence(request, text, exc.status_code)


async def _server_error(request: Request, _exc: Exception) -> Response:
    return _sentence(request, _(UNEXPECTED), 500)


def _sentence(request: Request, text: str, status: int) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": text}, status_code=status)
    return Response(text, status_code=status, media_type="text/plain; charset=utf-8")


def _page(name: str):
    async def endpoint(request: Request) -> Response:
        lang = page_language(request)
        text = (STATIC / name).read_text(encoding="utf-8")
        text = text.replace('<html lang="en">', f'<html lang="{lang}">', 1).replace(
            '<script src="/texts.js"', f'<script src="/texts.js?lang={lang}"', 1)
        return Response(text, media_type="text/html; charset=utf-8")
    return endpoint


def page_language(request: Request) -> str:
    """The language a page is served in: its `?lang=`, else the browser's first wish the
    game has (Accept-Language), else the host's. Each team's page may read its own."""
    asked = request.query_params.get("lang", "")[:16]
    if asked and normalise(asked) in available():
        return normalise(asked)
    return from_accept_language(request.headers.get("accept-language", "")[:400]) or current_language()


async def _join(request: Request) -> Response:
    """POST {"code": C} -> {"token": T}, or 400 {"error": why} in the page's language; a
    wrong code costs its source address time (see `guard.Throttle`), never another device."""
    with language(page_language(request)):
        return await _join_reply(request)


async def _join_reply(request: Request) -> Response:
    room = request.app.state.room
    body = await _small_body(request)
    if body is None:
        return JSONResponse({"error": _("Send the join code alone; that request is too large.")},
                            status_code=413)
    try:
        data = json.loads(body) if not too_deep(body.decode("utf-8", "replace")) else None
    except (ValueError, UnicodeDecodeError, RecursionError):
        data = None
    if not isinstance(data, dict):
        return JSONResponse({"error": _("Send the join code as JSON.")}, status_code=400)
    found: list[str] = []
    refused: list[NetError] = []

    def check() -> bool:
        try:
            found.append(room.classroom.join(data.get("code")))
        except NetError as exc:
            refused.append(exc)
        return bool(found)

    try:
        await room.throttle.attempt(source_of(request.client.host if request.client else None), check)
    except Busy:
        return JSONResponse({"error": _(BUSY)}, status_code=429)
    if not found:
        return JSONResponse({"error": str(refused[0])}, status_code=400)
    return JSONResponse({"token": found[0]})


async def _talk(request: Request) -> Response:
    """POST {"token": T, "key": K, "kind", "ref", "to", "terms"}: a team's message in the
    talks (see `HostedGame.submit_talk`), applied once per key, as orders are. 200 {"key",
    "duplicate"}; or a one-line {"error"}: 400 for a move refused or malformed, 403 for a
    link that opens no seat, 413 too large, 429 too fast. The same defences as the socket:
    Host and Origin (middleware), nesting, and a rate limit per source address. The reply
    reads the page's language (its `?lang=`, else Accept-Language: see `page_language`)."""
    with language(page_language(request)):
        return await _talk_reply(request)


async def _talk_reply(request: Request) -> Response:
    room = request.app.state.room
    source = source_of(request.client.host if request.client else None)
    if room.talk_limit(source).take() > 0:
        return JSONResponse({"error": _(SLOW_DOWN)}, status_code=429)
    body = await _small_body(request)
    if body is None:
        return JSONResponse({"error": _("That talk message is too large.")}, status_code=413)
    try:
        data = json.loads(body) if not too_deep(body.decode("utf-8", "replace")) else None
    except (ValueError, UnicodeDecodeError, RecursionError):
        data = None
    if not isinstance(data, dict):
        return JSONResponse({"error": _("Send the talk message as a JSON object.")}, status_code=400)
    try:
        table, role = room.classroom.seat_for_token(data.get("token"))
    except NetError as exc:
        return JSONResponse({"error": str(exc)}, status_code=403)
    retry_saves(room)
    key = data.get("key") if isinstance(data.get("key"), str) else None
    try:
        return JSONResponse(room.game(table).submit_talk(role, data.get("key"), data))
    except NetError as exc:
        return JSONResponse({"error": str(exc), "key": key}, status_code=400)
    except Exception:  # noqa: BLE001 - a bug: said to the page, shown to the host
        traceback.print_exc(file=sys.stderr)
        return JSONResponse({"error": _(UNEXPECTED), "key": key}, status_code=500)


async def _small_body(request: Request) -> bytes | None:
    """The request's body, or None if it is longer than a join request can be."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_JOIN_BODY:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


async def _qr(request: Request) -> Response:
    """The join address as a QR code (SVG)."""
    out = io.BytesIO()
    segno.make(request.app.state.room.classroom.join_url, error="m").save(
        out, kind="svg", scale=8, dark="#000000", light="#ffffff", title=_("QR code of the join address"))
    return Response(out.getvalue(), media_type="image/svg+xml")


async def _texts(request: Request) -> Response:
    with language(page_language(request)):
        return Response(texts_script(), media_type="text/javascript; charset=utf-8")


async def _socket(ws: WebSocket) -> None:
    """One page's connection: its hello, then its requests and the state pushed to it."""
    room = ws.app.state.room
    await ws.accept()
    client = await _hello(ws, room)
    if client is None:
        return
    sender = asyncio.create_task(_send_loop(client, room))
    room.enter(client)
    retry_saves(room)
    if client.kind == "host":
        for table in room.classroom.tables.values():
            if table.game.problem is not None:
                client.push(_error(table.game.problem))
    try:
        await _receive_loop(client, room)
    finally:
        room.leave(client)
        sender.cancel()


class SecurityHeaders:
    """Adds `HEADERS` to every HTTP response: no caching, no outside sources, no referrer."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _v in message.get("headers", [])}
                extra = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()
                         if k.lower().encode() not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


async def _read(ws: WebSocket) -> dict | str:
    """The next request as a dict, or an error line for a malformed one."""
    message = await ws.receive()
    if message["type"] == "websocket.disconnect":
        raise WebSocketDisconnect(message.get("code", 1000))
    return parse_request(message.get("text"))


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


async def _hello(ws: WebSocket, room: Room) -> Client | None:
    """Who the page is; None (and the connection closed) if it cannot prove it."""
    try:
        data = await _read(ws)
    except WebSocketDisconnect:
        return None
    try:
        if isinstance(data, str):
            raise NetError(data)
        return await identify(room, data, ws, ws.client.host if ws.client else None)
    except NetError as exc:
        await ws.send_text(_error(str(exc), fatal=True))
        await ws.close(code=4403)
        return None


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
            out.append(_error(_(REVOKED), fatal=True))
            return out, True
        out.append(room.state_text(client) if item is None else item)
    return out, False


async def _send_loop(client: Client, room: Room) -> None:
    try:
        while True:
            await client.wake.wait()
            client.wake.clear()
            texts, closing = drain(client, room)
            for text in texts:
                await client.ws.send_text(text)
            if closing:
                await client.ws.close(code=4403)
                return
    except (WebSocketDisconnect, RuntimeError, OSError):
        return


async def _receive_loop(client: Client, room: Room) -> None:
    limit = RateLimit()
    while True:
        wait = limit.take()
        if wait > 0:  # not reading is what slows the sender: its messages wait in its own buffers
            if limit.should_warn():
                client.push(_error(_(SLOW_DOWN)))
            await asyncio.sleep(wait)
        try:
            data = await _read(client.ws)
        except (WebSocketDisconnect, RuntimeError):
            return
        answer(client, room, data)


def answer(client: Client, room: Room, data: dict | str) -> None:
    """Carry out one request (or the error line of a malformed one) and queue the reply; a
    fault in the game is a sentence to the page and a traceback in the host's terminal."""
    with language(client.lang):
        _answer(client, room, data)


def _answer(client: Client, room: Room, data: dict | str) -> None:
    if isinstance(data, str):
        client.push(_error(data))
        return
    retry_saves(room)
    key = data.get("key") if isinstance(data.get("key"), str) else None
    try:
        reply = _handle(client, room, data)
    except NetError as exc:
        reply = _error(str(exc), key=key)
    except Exception:  # noqa: BLE001 - a bug: said to the page, shown to the host
        traceback.print_exc(file=sys.stderr)
        reply = _error(_(UNEXPECTED), key=key)
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
    from game.authoring.scenarios import SCENARIO_DIR

    started = []
    for n in range(count):
        spec = TableSpec(str(SCENARIO_DIR / scenario), None if seed is None else seed + n, rounds,
                         tuple(f"{role}={kind}" for role, kind in seats.items()))
        started.append(room.classroom.start_table(spec).label)
    return _("Started: {tables}.").format(tables=", ".join(started))


def _whole(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def server_config(game: Classroom | HostedGame, address: str, port: int):
    """uvicorn's settings for serving a class of tables (or one game): quiet (no access
    log, which would hold no secrets anyway), WebSockets with a size limit, no lifespan events."""
    import uvicorn

    room = game if isinstance(game, Classroom) else Classroom.single(game)
    app = build_app(room, Served.at(address, room.join_url))
    return uvicorn.Config(app, host=address, port=port, log_level="warning",
                          access_log=False, ws="websockets-sansio", lifespan="off",
                          ws_max_size=WS_MAX_SIZE)


class ServerThread:
    """A hosted game served by uvicorn from a background thread, for tests and benchmarks.

    `start()` returns once the server accepts connections on 127.0.0.1:`port`; `stop()`
    shuts it down and waits for it, as stopping the host does."""

    def __init__(self, game: Classroom | HostedGame, port: int, address: str = "127.0.0.1") -> None:
        import uvicorn

        self.server = uvicorn.Server(server_config(game, address, port))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self, timeout: float = 20.0) -> ServerThread:
        """Run the server and wait until it is ready (RuntimeError if it never is)."""
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the game server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        """Stop the server and wait for its thread."""
        self.server.should_exit = True
        self.thread.join(timeout=20)
