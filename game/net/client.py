"""One open page of a hosted game: who it is, and what is waiting to be sent to it."""

from __future__ import annotations

import asyncio
import time
from collections import deque

from starlette.websockets import WebSocket


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
