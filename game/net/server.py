"""The web server: pages, a join endpoint, QR codes and one WebSocket for every page.

Every page opens `/ws` and first says who it is: `{"type": "hello", "as": "board"}`,
`{"as": "team", "token": T}` or `{"as": "host", "pin": P}`. The server then pushes
`{"type": "state", "timer": ..., "data": ...}` whenever the game changes, built for that page only (a
team's data comes from the rules' view for its own role). Requests are JSON objects with
a `type`; anything malformed or not allowed is answered with `{"type": "error",
"message": ...}` to that client alone, and the connection stays open.
"""

from __future__ import annotations

import asyncio
import io
import json
import threading
import time
from collections import deque

import segno
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket, WebSocketDisconnect

from game.net.hosted import HostedGame, NetError
from game.net.texts import texts_script
from game.resources import static_dir
from game.words import N_, _

STATIC = static_dir()
MAX_MESSAGE = 64 * 1024
WS_MAX_SIZE = 1024 * 1024  # bytes; uvicorn closes a connection that sends a larger frame
PIN_DELAY = 1.0  # seconds every wrong PIN or join code costs, across all connections
HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
           "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
                                      "connect-src 'self'; frame-ancestors 'none'",
           "Referrer-Policy": "no-referrer"}


class Client:
    """One open page: who it is, and what is waiting to be sent to it."""

    def __init__(self, ws: WebSocket, kind: str, role: str | None = None, token: str = "") -> None:
        self.ws, self.kind, self.role, self.token = ws, kind, role, token
        self.viewing: str | None = None  # the hot-seat team the host page shows
        self.outbox: deque[str | None] = deque()  # None: send the current state
        self.wake = asyncio.Event()

    def push(self, text: str | None) -> None:
        """Queue a message (None: the latest state, sent once however often it is queued)."""
        if text is not None or None not in self.outbox:
            self.outbox.append(text)
        self.wake.set()


class Hub:
    """Every open page of one hosted game, and the state messages each kind of page gets."""

    def __init__(self, game: HostedGame) -> None:
        self.game = game
        self.clients: set[Client] = set()
        self.pin_lock = asyncio.Lock()
        self._texts: dict[object, str] = {}
        self._version = -1
        game.listeners.append(self.changed)

    def changed(self) -> None:
        """The game changed: every page gets its new state."""
        for client in list(self.clients):
            client.push(None)

    def state_text(self, client: Client) -> str:
        """The state message for a client: its page's data, serialised once per game version
        and page kind, and the talks timer as it stands at the moment of sending."""
        if self._version != self.game.version:
            self._texts, self._version = {}, self.game.version
        key = (client.kind, client.role, client.viewing)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = json.dumps(self._data(client))
        return f'{{"type": "state", "timer": {json.dumps(self.game.timer_data())}, "data": {text}}}'

    def _data(self, client: Client) -> dict:
        if client.kind == "team":
            return self.game.team_data(client.role)
        if client.kind == "host":
            data = dict(self.game.host_data())
            data["hotseat"] = self.game.team_data(client.viewing) if client.viewing else None
            return data
        return self.game.board_data()


def _error(message: str, **extra) -> str:
    return json.dumps({"type": "error", "message": message, **extra})


def build_app(game: HostedGame) -> Starlette:
    """The Starlette application serving one hosted game."""
    routes = [Route("/", lambda _r: RedirectResponse("/join")), Route("/join", _page("join.html")),
              Route("/team", _page("team.html")), Route("/board", _page("board.html")),
              Route("/host", _page("host.html")), Route("/qr.svg", _qr),
              Route("/favicon.ico", lambda _r: Response(status_code=204)), Route("/texts.js", _texts),
              Route("/api/join", _join, methods=["POST"]), WebSocketRoute("/ws", _socket),
              Mount("/static", StaticFiles(directory=STATIC), name="static")]
    app = Starlette(routes=routes, middleware=[Middleware(SecurityHeaders)])
    app.state.game, app.state.hub = game, Hub(game)
    return app


def _page(name: str):
    async def endpoint(_request: Request) -> Response:
        return FileResponse(STATIC / name)
    return endpoint


async def _join(request: Request) -> Response:
    """POST {"code": C} -> {"token": T}, or 400 {"error": why}; a wrong code costs time."""
    game, hub = request.app.state.game, request.app.state.hub
    try:
        body = await request.json()
    except (ValueError, UnicodeDecodeError):
        return JSONResponse({"error": _("Send the join code as JSON.")}, status_code=400)
    try:
        token = game.join(body.get("code") if isinstance(body, dict) else None)
    except NetError as exc:
        async with hub.pin_lock:  # guessing codes costs time, whatever the number of connections
            await asyncio.sleep(PIN_DELAY)
        return JSONResponse({"error": str(exc)}, status_code=400)
    return JSONResponse({"token": token})


async def _qr(request: Request) -> Response:
    """The join address as a QR code (SVG)."""
    out = io.BytesIO()
    segno.make(request.app.state.game.join_url, error="m").save(
        out, kind="svg", scale=8, dark="#000000", light="#ffffff", title=_("QR code of the join address"))
    return Response(out.getvalue(), media_type="image/svg+xml")


async def _texts(_request: Request) -> Response:
    return Response(texts_script(), media_type="text/javascript; charset=utf-8")


async def _socket(ws: WebSocket) -> None:
    """One page's connection: its hello, then its requests and the state pushed to it."""
    game, hub = ws.app.state.game, ws.app.state.hub
    await ws.accept()
    client = await _hello(ws, game, hub)
    if client is None:
        return
    hub.clients.add(client)
    sender = asyncio.create_task(_send_loop(client, hub))
    client.push(None)
    try:
        await _receive_loop(client, game, hub)
    finally:
        hub.clients.discard(client)
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
    text = message.get("text")
    if text is None:
        return _("Send requests as JSON text.")
    if len(text) > MAX_MESSAGE:
        return _("That request is too large.")
    try:
        data = json.loads(text)
    except ValueError:
        return _("That request is not valid JSON.")
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        return _("A request must be a JSON object with a \"type\".")
    return data


async def _hello(ws: WebSocket, game: HostedGame, hub: Hub) -> Client | None:
    """Who the page is; None (and the connection closed) if it cannot prove it."""
    try:
        data = await _read(ws)
    except WebSocketDisconnect:
        return None
    try:
        if isinstance(data, str) or data["type"] != "hello":
            raise NetError(data if isinstance(data, str) else _("Say hello first."))
        who = data.get("as")
        if who == "team":
            return Client(ws, "team", game.role_for_token(data.get("token")), data.get("token"))
        if who == "host":
            async with hub.pin_lock:
                if not game.secrets.pin_ok(data.get("pin")):
                    await asyncio.sleep(PIN_DELAY)
                    game.check_pin(data.get("pin"))
            return Client(ws, "host")
        if who == "board":
            return Client(ws, "board")
        raise NetError(_("Say whether this page is a board, a team or the host."))
    except NetError as exc:
        await ws.send_text(_error(str(exc), fatal=True))
        await ws.close(code=4403)
        return None


REVOKED = N_("This team's seat changed: its link no longer works. Ask the facilitator for your "
              "team's link.")


def _still_seated(client: Client, game: HostedGame) -> bool:
    """False once the facilitator moved the team off this device (its token was revoked)."""
    return game.secrets.role_for_token(client.token) == client.role


async def _send_loop(client: Client, hub: Hub) -> None:
    try:
        while True:
            await client.wake.wait()
            client.wake.clear()
            while client.outbox:
                item = client.outbox.popleft()
                if client.kind == "team" and not _still_seated(client, hub.game):
                    await client.ws.send_text(_error(_(REVOKED), fatal=True))
                    await client.ws.close(code=4403)
                    return
                await client.ws.send_text(hub.state_text(client) if item is None else item)
    except (WebSocketDisconnect, RuntimeError, OSError):
        return


async def _receive_loop(client: Client, game: HostedGame, hub: Hub) -> None:
    while True:
        try:
            data = await _read(client.ws)
        except (WebSocketDisconnect, RuntimeError):
            return
        if isinstance(data, str):
            client.push(_error(data))
            continue
        try:
            reply = _handle(client, game, data)
        except NetError as exc:
            reply = _error(str(exc), key=data.get("key") if isinstance(data.get("key"), str) else None)
        if reply:
            client.push(reply)


def _handle(client: Client, game: HostedGame, data: dict) -> str | None:
    """Carry out one request for a proven client; the reply to send it, if any."""
    kind = data["type"]
    if kind == "refresh":
        client.push(None)
        return None
    if client.kind == "team":
        if not _still_seated(client, game):
            raise NetError(_(REVOKED))
        return _act(game, client.role, kind, data)
    if client.kind == "host":
        return _host(client, game, kind, data)
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
    raise NetError(_("Unknown request {kind!r}; a team can send orders, answers, draft or refresh.")
                   .format(kind=kind[:40]))


def _host(client: Client, game: HostedGame, kind: str, data: dict) -> str | None:
    if kind == "command":
        message = game.facilitate(data.get("command"), data.get("arg"))
        return json.dumps({"type": "info", "message": message})
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
    if kind in ("orders", "answers", "draft"):
        return _act(game, game.hotseat_role(data.get("role")), kind, data)
    raise NetError(_("Unknown request {kind!r} for the facilitator's page.").format(kind=kind[:40]))


def server_config(game: HostedGame, address: str, port: int):
    """uvicorn's settings for serving `game`: quiet (no access log, which would hold no
    secrets anyway), WebSockets with a size limit, no lifespan events."""
    import uvicorn

    return uvicorn.Config(build_app(game), host=address, port=port, log_level="warning",
                          access_log=False, ws="websockets-sansio", lifespan="off",
                          ws_max_size=WS_MAX_SIZE)


class ServerThread:
    """A hosted game served by uvicorn from a background thread, for tests and benchmarks.

    `start()` returns once the server accepts connections on 127.0.0.1:`port`; `stop()`
    shuts it down and waits for it, as stopping the host does."""

    def __init__(self, game: HostedGame, port: int, address: str = "127.0.0.1") -> None:
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
