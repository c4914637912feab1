"""Network benchmark: a hosted class on loopback; a move's round trip to every page it concerns.

Run: .venv/bin/python bench/bench_net.py [--clients 40] [--tables 1] [--moves 120]
     .venv/bin/python bench/bench_net.py --clients 120 --tables 10

Starts `main.py host` on 127.0.0.1 (a free port, a throw-away data folder) in its own
process with one table of the default case; more tables are started from the
facilitator's page, alternating the default case (three delegations) and the Open Skies
case (four), as a class of 24-40 would. Then it connects the clients: the facilitator's
page, a board per table, every team's devices (two each for one table, three each for
several), and further boards up to --clients.

Two measures, each from sending a move to the moment the last page it concerns has the
state that includes it (that table's devices and board, and every facilitator's page):
  one table:   one move at a time, at each table in turn;
  every table: one move at every table at once (the whole class acts together).
Prints p50, p95 and max in milliseconds; the goal is p95 <= 250 ms. For scale, the same
clients are then timed against a bare WebSocket broadcast server (no game, a message of
the same size) in the same process run, and the ratio is printed. All traffic stays on
127.0.0.1, and the run stops by itself after --moves moves or 120 seconds per measure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parents[1]
GOAL_MS = 250.0
TIME_LIMIT = 120.0
CASES = ("missile-defence-2011.yaml", "open-skies-1990.yaml")


class Page:
    """One connected client: the newest versions it has seen (by table), and its data."""

    def __init__(self, ws, table: str | None = None) -> None:
        self.ws, self.table = ws, table
        self.versions: dict[str, int] = {}
        self.updated = asyncio.Event()
        self.acks: dict[str, float] = {}
        self.data: dict = {}
        self.infos: list[str] = []

    async def read(self) -> None:
        async for text in self.ws:
            message = json.loads(text)
            if message["type"] == "state":
                self.seen(message)
                self.updated.set()
            elif message["type"] == "ack":
                self.acks[message["key"]] = time.perf_counter()
            elif message["type"] == "info":
                self.infos.append(message["message"])
            elif message["type"] == "error":
                raise RuntimeError(message["message"])

    def seen(self, message: dict) -> None:
        self.data = message["data"]
        if "desk" in message:  # a facilitator's page sees every table's version
            self.desk = message["desk"]
            for t in message["desk"]["tables"]:
                self.versions[t["id"]] = t["version"]
        else:
            self.versions[message["table"]["id"]] = message["data"]["version"]

    async def until(self, wanted: dict[str, int]) -> float:
        """Wait until this page has seen at least `wanted` ({table: version}) for its tables."""
        mine = {t: v for t, v in wanted.items() if self.table in (None, t)}
        while any(self.versions.get(t, -1) < v for t, v in mine.items()):
            self.updated.clear()
            await self.updated.wait()
        return time.perf_counter()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_host(folder: str) -> tuple[subprocess.Popen, int, str]:
    """The host in its own process; returns it, its port and the PIN."""
    port = free_port()
    env = {**os.environ, "DETENTE_DATA_DIR": folder, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "main.py", "host", "--new", "--port", str(port),
                             "--rounds", "40", "--seed", "11"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    for line in proc.stdout:
        lines.append(line)
        if line.startswith("Press Ctrl+C"):
            break
    pin = re.search(r"pin=(\d+)", "".join(lines))
    if not pin:
        proc.kill()
        raise SystemExit("the host did not start:\n" + "".join(lines))
    return proc, port, pin.group(1)


async def open_page(port: int, hello: dict, table: str | None = None) -> Page:
    for _ in range(200):  # the server may still be starting
        try:
            ws = await connect(f"ws://127.0.0.1:{port}/ws", max_size=None)
            break
        except OSError:
            await asyncio.sleep(0.05)
    else:
        raise SystemExit("cannot connect to the host")
    await ws.send(json.dumps(hello))
    page = Page(ws, table)
    asyncio.get_running_loop().create_task(page.read())
    while not page.data:
        page.updated.clear()
        await page.updated.wait()
    return page


async def token_for(port: int, code: str) -> str:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    body = json.dumps({"code": code}).encode()
    writer.write(b"POST /api/join HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(body), body))
    reply = (await reader.read()).decode()
    writer.close()
    return json.loads(reply.split("\r\n\r\n", 1)[1])["token"]


def move(data: dict, key: str) -> dict:
    """A real move for a team that owes one: its first open action (offers included), an
    explicit wait when none is open, or accepting every offer it received."""
    if data["phase"] == "responses":
        return {"type": "answers", "key": key, "decisions": {o["key"]: True for o in data["offers"]}}
    chosen = [m["id"] for m in data["menu"] if m["open"]][:1]
    return {"type": "orders", "key": key, "actions": chosen, "wait": not chosen}


Teams = dict[str, list[Page]]


async def seat_class(port: int, pin: str, tables: int, clients: int) -> tuple[list[Page], Teams]:
    """Start the tables from the facilitator's page, then connect every page; returns all
    pages and each table's team devices."""
    desk = await open_page(port, {"type": "hello", "as": "host", "pin": pin})
    for n in range(1, tables):
        await desk.ws.send(json.dumps({"type": "new_tables", "scenario": CASES[n % 2], "count": 1,
                                       "seed": 11 + n, "rounds": 40, "seats": {}}))
    while len(desk.desk["tables"]) < tables:
        desk.updated.clear()
        await desk.updated.wait()
    devices = 2 if tables == 1 else 3
    pages, teams = [desk], {}
    for t in desk.desk["tables"]:
        await desk.ws.send(json.dumps({"type": "show", "table": t["id"]}))
        while desk.desk["table"]["id"] != t["id"]:
            desk.updated.clear()
            await desk.updated.wait()
        teams[t["id"]] = []
        for seat in desk.data["seats"]:
            token = await token_for(port, seat["code"])
            for _ in range(devices):
                teams[t["id"]].append(await open_page(port, {"type": "hello", "as": "team", "token": token},
                                                      t["id"]))
        pages += teams[t["id"]]
        pages.append(await open_page(port, {"type": "hello", "as": "board", "table": t["id"]}, t["id"]))
    n = 0
    while len(pages) < clients:
        table = desk.desk["tables"][n % tables]["id"]
        pages.append(await open_page(port, {"type": "hello", "as": "board", "table": table}, table))
        n += 1
    return pages, teams


async def send_moves(teams: Teams, which: list[str], step: int) -> tuple[float, dict[str, int]]:
    """One move at each table in `which`; returns when they were sent and the versions to wait for."""
    wanted, sends = {}, []
    for table in which:
        sender = next((p for p in teams[table] if p.data.get("due")), None)
        if sender is None:
            continue  # that table's game is over
        wanted[table] = sender.versions[table] + 1
        sends.append(sender.ws.send(json.dumps(move(sender.data, f"bench-{table}-{step:05d}"))))
    t0 = time.perf_counter()
    await asyncio.gather(*sends)
    return t0, wanted


async def measure(pages: list[Page], teams: Teams, moves: int, together: bool) -> list[float]:
    """Milliseconds from sending to the last concerned page updated, per move (or per step)."""
    out, started, tables = [], time.monotonic(), list(teams)
    for step in range(moves if not together else max(1, moves // len(tables))):
        if time.monotonic() - started > TIME_LIMIT:
            break
        which = tables if together else [tables[step % len(tables)]]
        t0, wanted = await send_moves(teams, which, step + (100_000 if together else 0))
        if not wanted:
            break
        arrivals = await asyncio.gather(*(p.until(wanted) for p in pages))
        out.append((max(arrivals) - t0) * 1000)
        await asyncio.sleep(0.02)
    return out


async def run(clients: int, tables: int, moves: int, port: int, pin: str) -> dict:
    pages, teams = await seat_class(port, pin, tables, clients)
    one = await measure(pages, teams, moves, together=False)
    every = await measure(pages, teams, moves, together=True) if tables > 1 else []
    size = max(len(json.dumps(p.data)) for p in pages)
    for page in pages:
        await page.ws.close()
    return {"one": one, "every": every, "clients": len(pages), "size": size}


# --- the reference: a bare broadcast server, same clients, same message size ------------------
REFERENCE_SERVER = """
import asyncio, sys
from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
import uvicorn
clients, size = set(), int(sys.argv[2])
async def ws(socket):
    await socket.accept()
    clients.add(socket)
    try:
        while True:
            step = await socket.receive_text()
            text = '{"step": ' + step + ', "pad": "' + "x" * size + '"}'
            await asyncio.gather(*(c.send_text(text) for c in list(clients)), return_exceptions=True)
    except Exception:
        clients.discard(socket)
uvicorn.run(Starlette(routes=[WebSocketRoute("/ws", ws)]), host="127.0.0.1", port=int(sys.argv[1]),
            log_level="warning", ws="websockets-sansio", lifespan="off")
"""


async def reference(clients: int, size: int, moves: int) -> list[float]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", REFERENCE_SERVER, str(port), str(size)], cwd=ROOT)
    try:
        sockets = []
        for _ in range(clients):
            for _try in range(200):
                try:
                    sockets.append(await connect(f"ws://127.0.0.1:{port}/ws", max_size=None))
                    break
                except OSError:
                    await asyncio.sleep(0.05)
        out = []
        for step in range(moves):
            t0 = time.perf_counter()
            await sockets[step % clients].send(str(step))
            await asyncio.gather(*(s.recv() for s in sockets))
            out.append((time.perf_counter() - t0) * 1000)
        for s in sockets:
            await s.close()
        return out
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def describe(name: str, values: list[float]) -> str:
    return (f"{name}: p50 {statistics.median(values):.1f} ms, p95 {p95(values):.1f} ms, "
            f"max {max(values):.1f} ms over {len(values)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=40)
    parser.add_argument("--tables", type=int, default=None, help="default: 1, or 10 from 100 clients up")
    parser.add_argument("--moves", type=int, default=120)
    args = parser.parse_args()
    tables = args.tables or (10 if args.clients >= 100 else 1)
    with tempfile.TemporaryDirectory() as folder:
        proc, port, pin = start_host(folder)
        try:
            result = asyncio.run(run(args.clients, tables, args.moves, port, pin))
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    if not result["one"]:
        print("no move was measured")
        return 1
    base = asyncio.run(reference(result["clients"], result["size"], 60))
    print(f"{result['clients']} clients at {tables} table(s) on 127.0.0.1 "
          f"(largest state {result['size']} bytes)")
    print(describe("move -> every client updated, one table at a time", result["one"]))
    worst = result["one"]
    if result["every"]:
        print(describe("moves at every table at once -> every client updated", result["every"]))
        worst = result["every"] if p95(result["every"]) > p95(worst) else worst
    print(describe("reference: bare WebSocket broadcast of the same size to the same clients", base))
    print(f"ratio to the reference (p95): {p95(worst) / p95(base):.1f}x")
    print(f"goal: p95 <= {GOAL_MS:.0f} ms: {'met' if p95(worst) <= GOAL_MS else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
