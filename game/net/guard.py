"""The host's defences: what a page sends is checked before it costs anything.

- `fold`: codes and PINs as people type them. NFKC turns full-width letters and digits
  (a phone keyboard in CJK mode) into ASCII; spaces of every kind, zero-width and other
  format characters and dashes are then dropped. What is still not ASCII is refused.
- `Throttle`: a wrong PIN or join code costs its *source address* time, never anyone
  else: each source's attempts are taken one at a time, `delay` seconds after its last
  wrong one, so a correct PIN or code from another device (the teacher's, or the
  facilitator page reconnecting) is checked at once, however many guesses are queued.
  IPv6 sources count by their /64 network, which one device can fill at will.
- `RateLimit`: a token bucket per connection. A page that sends faster is read more
  slowly (the next message is not read until a token is there, so the operating system
  slows the sender), and told so in a sentence.
- `too_deep`: JSON nesting measured on the text, before any parser recurses into it.
- `SameOrigin`: ASGI middleware. A request whose Host header is not an address this
  host serves is refused (DNS rebinding reaches a server only under a foreign name);
  a WebSocket or POST whose Origin is another site is refused (a foreign page may open a
  socket to any address it likes, and browsers do not stop it). Every refusal is a
  sentence: a short page, a JSON error, or an error message on the socket before it closes.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import re
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from game.words import _

#: Seconds a wrong PIN or join code costs its source.
PIN_DELAY = 1.0
#: Attempts one source may have waiting; more are refused at once, unchecked.
MAX_WAITING = 8
#: Requests a connection may send per second over time, and in one burst.
RATE, BURST = 10.0, 30
#: Nesting allowed in a request: the deepest one the pages send is 3 levels.
MAX_DEPTH = 8

_DROPPED = re.compile(r"[\s\-\u2010-\u2015\u2212]")
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def fold(text: str, upper: bool = False) -> str | None:
    """`text` as the ASCII it was meant to be, or None if it holds other characters.

    NFKC first (full-width `ＡＢ１` is `AB1`, a no-break space a space), then every
    space, dash and invisible format character (zero-width space, joiners, BOM) goes."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in _DROPPED.sub("", text) if unicodedata.category(ch) != "Cf")
    if not text.isascii() or not text.isprintable():
        return None
    return text.upper() if upper else text


def too_deep(text: str, limit: int = MAX_DEPTH) -> bool:
    """True if the JSON `text` nests lists and objects more than `limit` deep (brackets
    inside strings do not count). Linear in the text; nothing recursive."""
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return True
        elif token in "]}":
            depth -= 1
    return False


def source_of(host: str | None) -> str:
    """The key a source address is throttled under: the address, or an IPv6 /64."""
    try:
        address = ipaddress.ip_address(host or "")
    except ValueError:
        return host or "?"
    if address.version == 4:
        return str(address)
    if address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(ipaddress.ip_network(f"{address}/64", strict=False))


class Busy(Exception):
    """Too many attempts from one source are already waiting; this one was not checked."""


@dataclass
class _Source:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_at: float = 0.0
    waiting: int = 0


class Throttle:
    """Wrong guesses cost their own source time; see the module docstring."""

    def __init__(self, delay: float | None = None, clock: Callable[[], float] = time.monotonic,
                 max_waiting: int = MAX_WAITING, max_sources: int = 4096) -> None:
        self.delay, self.clock = delay, clock
        self.max_waiting, self.max_sources = max_waiting, max_sources
        self._sources: dict[str, _Source] = {}

    async def attempt(self, source: str, check: Callable[[], bool]) -> bool:
        """`check()` for `source`, once that source's earlier wrong guesses have cost their
        time; returns what it returned. Busy if the source already has too many waiting."""
        state = self._source(source)
        if state.waiting >= self.max_waiting:
            raise Busy
        state.waiting += 1
        try:
            async with state.lock:
                wait = state.next_at - self.clock()
                if wait > 0:
                    await asyncio.sleep(wait)
                ok = check()
                delay = PIN_DELAY if self.delay is None else self.delay
                state.next_at = 0.0 if ok else self.clock() + delay
                return ok
        finally:
            state.waiting -= 1

    def _source(self, source: str) -> _Source:
        state = self._sources.get(source)
        if state is None:
            if len(self._sources) >= self.max_sources:
                self._forget()
            state = self._sources[source] = _Source()
        return state

    def _forget(self) -> None:
        """Drop sources with nothing waiting and no time left to pay."""
        now = self.clock()
        for key in [k for k, s in self._sources.items() if not s.waiting and s.next_at <= now]:
            del self._sources[key]


class RateLimit:
    """A token bucket: `rate` requests a second over time, `burst` at once."""

    def __init__(self, rate: float = RATE, burst: int = BURST,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate, self.burst, self.clock = rate, burst, clock
        self.tokens, self.at = float(burst), clock()
        self.warned_at = -1e9

    def take(self) -> float:
        """Take a token; returns the seconds to wait first (0.0 when one is there now)."""
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        self.tokens -= 1
        return 0.0 if self.tokens >= 0 else -self.tokens / self.rate

    def should_warn(self, every: float = 10.0) -> bool:
        """True at most once every `every` seconds: the page is told, not flooded back."""
        now = self.clock()
        if now - self.warned_at < every:
            return False
        self.warned_at = now
        return True


# --- Host and Origin -----------------------------------------------------------------------
@dataclass(frozen=True)
class Served:
    """The names a page may use to reach this host (lower case, IPv6 without brackets), and
    whether any IP address will do (a host listening on every address of the machine).

    Only the name is checked, not the port: DNS rebinding works by a foreign *name*
    resolving to this host, and the port cannot make a foreign name safe or a right one
    unsafe."""

    names: frozenset[str]
    any_ip: bool = False

    @classmethod
    def at(cls, address: str, join_url: str = "") -> Served:
        """What a host listening on `address`, with this join address, serves."""
        names = {address.lower().strip("[]")}
        joined = urlsplit(join_url).hostname
        if joined:
            names.add(joined.lower())
        wildcard = address in ("0.0.0.0", "::")
        if wildcard or _loopback(address):
            names |= {"127.0.0.1", "localhost", "::1"}
        return cls(frozenset(names), wildcard)

    def allows(self, host: str | None) -> bool:
        """True if a Host header (or an Origin's host[:port]) names this host."""
        try:
            name = urlsplit(f"//{host}").hostname if host else None
        except ValueError:
            return False
        if not name:
            return False
        return name in self.names or (self.any_ip and _is_ip(name))


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return address == "localhost"


def wrong_host_text() -> str:
    return _("This game is not served under that name. Open the address the host's terminal "
             "printed (such as http://192.168.1.20:8000/join); a link from another site cannot "
             "reach it.")


def foreign_origin_text() -> str:
    return _("Only the game's own pages may talk to it; a page from another site was refused. "
             "Open the address the host's terminal printed.")


class SameOrigin:
    """ASGI middleware: refuses a foreign Host (every request) or Origin (sockets and POSTs)."""

    def __init__(self, app, served: Served) -> None:
        self.app, self.served = app, served

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = dict(_decoded(scope.get("headers", ())))
        problem = None
        if not self.served.allows(headers.get("host")):
            problem = wrong_host_text()
        elif (scope["type"] == "websocket" or scope.get("method") not in ("GET", "HEAD")) \
                and "origin" in headers and not self._same(headers["origin"], headers.get("host")):
            problem = foreign_origin_text()
        if problem is None:
            await self.app(scope, receive, send)
        elif scope["type"] == "websocket":
            await _refuse_socket(receive, send, problem)
        else:
            await _refuse_http(scope, send, problem)

    def _same(self, origin: str, host: str | None) -> bool:
        parts = urlsplit(origin)
        return parts.scheme in ("http", "https") and parts.netloc.lower() == (host or "").lower() \
            and self.served.allows(parts.netloc)


def _decoded(headers: Iterable[tuple[bytes, bytes]]) -> Iterable[tuple[str, str]]:
    for name, value in headers:
        yield name.decode("latin-1").lower(), value.decode("latin-1")


async def _refuse_socket(receive, send, text: str) -> None:
    """Accept only to say why, then close: a page never meets a socket that just drops."""
    message = await receive()
    if message["type"] != "websocket.connect":
        return
    await send({"type": "websocket.accept"})
    await send({"type": "websocket.send",
                "text": json.dumps({"type": "error", "message": text, "fatal": True})})
    await send({"type": "websocket.close", "code": 4403})


async def _refuse_http(scope, send, text: str) -> None:
    wants_json = scope.get("path", "").startswith("/api/")
    body = json.dumps({"error": text}).encode() if wants_json else text.encode()
    kind = b"application/json" if wants_json else b"text/plain; charset=utf-8"
    await send({"type": "http.response.start", "status": 403,
                "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
                            (b"cache-control", b"no-store")]})
    await send({"type": "http.response.body", "body": body})
