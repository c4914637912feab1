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

import segno
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket, WebSocketDisconnect

from game.net.client import Client
from game.net.guard import Busy, RateLimit, SameOrigin, Served, source_of, too_deep
from game.net.hosted import HostedGame, NetError
from game.net.poll import poll_routes
from game.net.requests import (
    BUSY,
    UNEXPECTED,
    answer,
    drain,
    error_line,
    identify,
    parse_request,
    retry_saves,
)
from game.net.room import Room
from game.net.tables import Classroom
from game.net.texts import texts_script
from game.resources import static_dir
from game.words import N_, _
from game.words.i18n import available, current_language, from_accept_language, language, normalise

STATIC = static_dir()
MAX_JOIN_BODY = 4096  # bytes: a join request is a code of a few letters
WS_MAX_SIZE = 1024 * 1024  # bytes; uvicorn closes a connection that sends a larger frame
HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
           "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
                                      "connect-src 'self'; frame-ancestors 'none'",
           "Referrer-Policy": "no-referrer"}


def build_app(game: Classroom | HostedGame, served: Served | None = None) -> Starlette:
    """The Starlette application serving a class of tables (or one hosted game), reached
    under the names `served` (by default those of the join address and of this computer's
    loopback)."""
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
                client.push(error_line(table.game.problem))
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
        await ws.send_text(error_line(str(exc), fatal=True))
        await ws.close(code=4403)
        return None


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
                client.push(error_line(_(SLOW_DOWN)))
            await asyncio.sleep(wait)
        try:
            data = await _read(client.ws)
        except (WebSocketDisconnect, RuntimeError):
            return
        answer(client, room, data)


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
