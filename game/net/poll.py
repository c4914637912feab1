"""The same conversation as `/ws`, over plain HTTP requests, for networks that block WebSockets.

Some school networks pass ordinary requests but not WebSockets (a filtering proxy drops
the upgrade). A page whose WebSocket never opens, while a plain request still reaches the
host, talks through three POST endpoints instead (long polling):

    /api/poll/hello  {"text": HELLO}            -> {"session": S}, or 403 {"error", "fatal": true}
    /api/poll/send   {"session": S, "text": R}  -> {} (the reply comes with the next wait)
    /api/poll/wait   {"session": S}             -> {"messages": [...]} within `WAIT` seconds

HELLO and R are the very texts a page sends over the WebSocket, read and answered by the
same code (`requests.parse_request`, `identify`, `answer`, `drain`), so a polling page can
do exactly what a connected one can, and nothing more. A session is a random secret;
one that has not waited for `Room.POLL_IDLE` seconds is forgotten (410: say hello again).
"""

from __future__ import annotations

import asyncio
import json
import secrets
import time

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from game.net import requests
from game.net.client import Client
from game.net.guard import too_deep
from game.net.hosted import NetError
from game.words import _

WAIT = 20.0  # seconds a wait is held open when nothing happens (below common proxy timeouts)
BODY_LIMIT = requests.MAX_MESSAGE + 1024


def poll_routes() -> list[Route]:
    """The three endpoints, for `game.net.server.build_app`."""
    return [Route("/api/poll/hello", _hello, methods=["POST"]),
            Route("/api/poll/send", _send, methods=["POST"]),
            Route("/api/poll/wait", _wait, methods=["POST"])]


async def _body(request: Request) -> dict:
    """The request's JSON object; NetError in words if it is not one or is too large."""
    raw = await request.body()
    if len(raw) > BODY_LIMIT:
        raise NetError(_("That request is too large."))
    if too_deep(raw.decode("utf-8", "replace")):
        raise NetError(_("That request nests lists or objects too deeply; no page of the game sends that."))
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise NetError(_("That request is not valid JSON.")) from None
    if not isinstance(data, dict):
        raise NetError(_("A request must be a JSON object with a \"type\"."))
    return data


def _client(request: Request, data: dict) -> Client:
    room = request.app.state.room
    room.sweep()
    key = data.get("session")
    client = room.polls.get(key) if isinstance(key, str) else None
    if client is None:
        raise LookupError
    client.seen = time.monotonic()
    return client


def _gone() -> Response:
    return JSONResponse({"error": _("This page's session has ended; it says hello again.")},
                        status_code=410)


async def _hello(request: Request) -> Response:
    room = request.app.state.room
    try:
        hello = requests.parse_request((await _body(request)).get("text"))
        if isinstance(hello, str):
            raise NetError(hello)
        client = await requests.identify(room, hello, source=request.client.host if request.client else None)
    except NetError as exc:
        return JSONResponse({"error": str(exc), "fatal": True}, status_code=403)
    key = secrets.token_urlsafe(24)
    room.polls[key] = client
    room.enter(client)
    return JSONResponse({"session": key})


async def _send(request: Request) -> Response:
    try:
        data = await _body(request)
        client = _client(request, data)
    except NetError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    except LookupError:
        return _gone()
    text = data.get("text")
    request_data = requests.parse_request(text if isinstance(text, str) else None)
    requests.answer(client, request.app.state.room, request_data)
    return JSONResponse({})


async def _wait(request: Request) -> Response:
    room = request.app.state.room
    try:
        client = _client(request, await _body(request))
    except NetError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    except LookupError:
        return _gone()
    if not client.outbox:
        client.wake.clear()
        try:
            await asyncio.wait_for(client.wake.wait(), WAIT)
        except TimeoutError:
            pass
    client.wake.clear()
    client.seen = time.monotonic()
    texts, closing = requests.drain(client, room)
    if closing:
        room.polls = {k: c for k, c in room.polls.items() if c is not client}
        room.leave(client)
    return Response('{"messages": [' + ", ".join(texts) + "]}", media_type="application/json")
