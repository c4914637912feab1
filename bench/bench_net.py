"""Network benchmark: 40 connected clients in one hosted game; a move's round trip to every page.

Run: .venv/bin/python bench/bench_net.py [--clients 40] [--moves 120]

Starts `main.py host` on 127.0.0.1 (a free port, a throw-away data folder) in its own
process, then connects --clients WebSockets: two devices per team, the facilitator's page,
and boards for the rest. Team devices take turns giving orders and answering offers; for each move it measures
the time from sending the orders to the moment the last of the clients has received the
state that includes it (and, separately, to the sender's acknowledgement). Prints p50,
p95 and max in milliseconds; the goal is p95 <= 200 ms. All traffic stays on 127.0.0.1,
and the run stops by itself after --moves moves or 120 seconds.
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
GOAL_MS = 200.0
TIME_LIMIT = 120.0


class Page:
    """One connected client: the newest game version it has received, and when."""

    def __init__(self, ws, role: str | None = None) -> None:
        self.ws, self.role = ws, role
        self.version = -1
        self.updated = asyncio.Event()
        self.acks: dict[str, float] = {}
        self.data: dict = {}

    async def read(self) -> None:
        async for text in self.ws:
            message = json.loads(text)
            if message["type"] == "state":
                self.version, self.data = message["data"]["version"], message["data"]
                self.updated.set()
            elif message["type"] == "ack":
                self.acks[message["key"]] = time.perf_counter()
            elif message["type"] == "error" and message.get("fatal"):
                raise RuntimeError(message["message"])

    async def until(self, version: int) -> float:
        while self.version < version:
            self.updated.clear()
            await self.updated.wait()
        return time.perf_counter()


def start_host(folder: str) -> tuple[subprocess.Popen, int, dict[str, str], str]:
    """The host in its own process; returns it, its port, the join codes and the PIN."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "DETENTE_DATA_DIR": folder, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "main.py", "host", "--new", "--port", str(port),
                             "--rounds", "40", "--seed", "11"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    for line in proc.stdout:
        lines.append(line)
        if line.startswith("Press Ctrl+C"):
            break
    text = "".join(lines)
    codes = dict(re.findall(r"^\s+(\w+): join code (\w+)$", text, re.MULTILINE))
    pin = re.search(r"pin=(\d+)", text)
    if not codes or not pin:
        proc.kill()
        raise SystemExit(f"the host did not start:\n{text}")
    return proc, port, codes, pin.group(1)


async def open_page(port: int, hello: dict, role: str | None = None) -> Page:
    for _ in range(100):  # the server may still be starting
        try:
            ws = await connect(f"ws://127.0.0.1:{port}/ws", max_size=None)
            break
        except OSError:
            await asyncio.sleep(0.05)
    else:
        raise SystemExit("cannot connect to the host")
    await ws.send(json.dumps(hello))
    page = Page(ws, role)
    asyncio.get_running_loop().create_task(page.read())
    await page.until(0)
    return page


async def token_for(port: int, code: str) -> str:
    for _ in range(200):  # the server may still be starting
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            break
        except OSError:
            await asyncio.sleep(0.05)
    else:
        raise SystemExit("cannot connect to the host")
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


async def run(clients: int, moves: int, port: int, codes: dict[str, str], pin: str) -> dict:
    tokens = {name: await token_for(port, code) for name, code in codes.items()}
    teams = [await open_page(port, {"type": "hello", "as": "team", "token": t}, name)
             for name, t in tokens.items() for _ in range(2)]
    pages = [*teams, await open_page(port, {"type": "hello", "as": "host", "pin": pin})]
    while len(pages) < clients:
        pages.append(await open_page(port, {"type": "hello", "as": "board"}))
    everyone, acks = [], []
    started = time.monotonic()
    for n in range(moves):
        if time.monotonic() - started > TIME_LIMIT:
            break
        sender = next((p for p in teams if p.data.get("due")), None)
        if sender is None:
            break  # the game is over
        target, key = sender.version + 1, f"bench-move-{n:05d}"
        t0 = time.perf_counter()
        await sender.ws.send(json.dumps(move(sender.data, key)))
        arrivals = await asyncio.gather(*(p.until(target) for p in pages))
        everyone.append((max(arrivals) - t0) * 1000)
        while key not in sender.acks:
            await asyncio.sleep(0.001)
        acks.append((sender.acks[key] - t0) * 1000)
        await asyncio.sleep(0.02)
    for page in pages:
        await page.ws.close()
    return {"everyone": everyone, "acks": acks, "clients": len(pages)}


def describe(name: str, values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return (f"{name}: p50 {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, "
            f"max {ordered[-1]:.1f} ms over {len(ordered)} moves")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=40)
    parser.add_argument("--moves", type=int, default=120)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        proc, port, codes, pin = start_host(folder)
        try:
            result = asyncio.run(run(args.clients, args.moves, port, codes, pin))
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    if not result["everyone"]:
        print("no move was measured")
        return 1
    ordered = sorted(result["everyone"])
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(f"{result['clients']} clients connected to one game on 127.0.0.1")
    print(describe("move -> every client updated", result["everyone"]))
    print(describe("move -> sender's acknowledgement", result["acks"]))
    print(f"goal: p95 <= {GOAL_MS:.0f} ms: {'met' if p95 <= GOAL_MS else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
