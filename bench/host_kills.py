"""Hard kills of the host while its pages resend: is every move applied exactly once?

Run: .venv/bin/python bench/host_kills.py [--kills 40] [--seed 1] [--root PATH]

Starts `main.py host` on 127.0.0.1 (a free port, a throw-away data folder, three device
teams), and three team pages that play as the real ones do: each move gets a fresh key
and is kept until it is acknowledged; after a dropped connection the page connects again
and sends its unacknowledged move with the same key. Meanwhile the host is killed with
SIGKILL at random moments (0.05-0.6 s apart, so kills land before, during and after
saves) and started again, --kills times. At the end the pages finish what they had
pending and the final save is read.

It prints: kills, moves acknowledged, moves applied, duplicates applied (a role has more
moves in the save than it had acknowledged), lost moves (acknowledged, not in the save),
saves that could not be read after a kill, and temporaries the restarts removed.
`--root` runs another checkout's `main.py` (for a figure from before a change). All
traffic stays on 127.0.0.1, and the run stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parents[1]
TIME_LIMIT = 600.0


class Host:
    """The host process, killed and started again on the same data folder and port."""

    def __init__(self, root: Path, folder: str) -> None:
        self.root, self.folder = root, folder
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.proc: subprocess.Popen | None = None
        self.codes: dict[str, str] = {}

    def start(self, new: bool = False) -> None:
        env = {**os.environ, "DETENTE_DATA_DIR": self.folder, "PYTHONUNBUFFERED": "1"}
        argv = [sys.executable, "main.py", "host", "--port", str(self.port), "--seed", "11",
                "--rounds", "40", *(["--new"] if new else [])]
        self.proc = subprocess.Popen(argv, cwd=self.root, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)
        said = []
        for line in self.proc.stdout:
            said.append(line)
            if line.startswith("Press Ctrl+C"):
                break
        else:
            raise SystemExit("the host did not start:\n" + "".join(said))
        self.codes = self.codes or dict(re.findall(r"^\s+(\w+): join code (\w+)$", "".join(said), re.M))
        asyncio.get_running_loop().run_in_executor(None, self._drain, self.proc)

    @staticmethod
    def _drain(proc: subprocess.Popen) -> None:
        for _line in proc.stdout:
            pass

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()


class TeamPage:
    """One team's page: a move kept (as in localStorage) until acknowledged, resent on reconnect."""

    def __init__(self, name: str, token: str, port: int, think) -> None:
        self.name, self.token, self.port, self.think = name, token, port, think
        self.pending: dict | None = None
        self.acked: list[str] = []
        self.refused: list[str] = []
        self.data: dict = {}
        self.done = False

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                async with connect(f"ws://127.0.0.1:{self.port}/ws", max_size=None, open_timeout=5) as ws:
                    await ws.send(json.dumps({"type": "hello", "as": "team", "token": self.token}))
                    if self.pending:
                        await ws.send(json.dumps(self.pending))
                    await self._talk(ws, stop)
            except Exception as exc:  # noqa: BLE001 - only a connection the kill dropped is expected
                if not _dropped(exc):
                    raise
            await asyncio.sleep(0.05)

    async def _talk(self, ws, stop: asyncio.Event) -> None:
        async for text in ws:
            message = json.loads(text)
            kind = message["type"]
            if kind == "state":
                self.data = message["data"]
                self.done = bool(self.data.get("outcome"))
            elif kind == "ack" and self.pending and message["key"] == self.pending["key"]:
                self.acked.append(self.pending["key"])
                self.pending = None
            elif kind == "error" and self.pending and message.get("key") == self.pending["key"]:
                self.refused.append(message["message"])
                self.pending = None
            if stop.is_set():
                return
            if self.pending is None and self.data.get("due") and kind in ("state", "ack", "error"):
                self.pending = move(self.data, secrets.token_hex(8))
                await asyncio.sleep(self.think())  # a team reads before it sends
                await ws.send(json.dumps(self.pending))


def _dropped(exc: Exception) -> bool:
    from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidMessage

    return isinstance(exc, (OSError, asyncio.TimeoutError, ConnectionClosed, InvalidHandshake,
                            InvalidMessage, EOFError))


def move(data: dict, key: str) -> dict:
    """A real move: answers to every offer, or the first open action (or an explicit wait)."""
    if data["phase"] == "responses":
        return {"type": "answers", "key": key, "decisions": {o["key"]: True for o in data["offers"]}}
    chosen = [m["id"] for m in data["menu"] if m["open"]][:1]
    return {"type": "orders", "key": key, "actions": chosen, "wait": not chosen}


async def join(port: int, code: str) -> str:
    for _ in range(200):
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            break
        except OSError:
            await asyncio.sleep(0.05)
    body = json.dumps({"code": code}).encode()
    writer.write(b"POST /api/join HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/json\r\n"
                 b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (port, len(body), body))
    reply = (await reader.read()).decode()
    writer.close()
    return json.loads(reply.split("\r\n\r\n", 1)[1])["token"]


def temporaries(folder: Path) -> int:
    return sum(1 for p in folder.glob(".*.tmp"))


async def scene(kills: int, seed: int, root: Path, folder: str) -> dict:
    rng = random.Random(seed)
    host = Host(root, folder)
    host.start(new=True)
    pages = [TeamPage(name, await join(host.port, code), host.port, lambda: rng.uniform(0.0, 0.25))
             for name, code in host.codes.items()]
    stop = asyncio.Event()
    tasks = [asyncio.create_task(p.run(stop)) for p in pages]
    unreadable = stray = during_play = 0
    began = time.monotonic()
    tables = Path(folder) / "host" / "table-1" / "game.json"  # a host of tables; or of one game:
    game = tables if tables.exists() else Path(folder) / "host" / "game.json"
    for _ in range(kills):
        if time.monotonic() - began > TIME_LIMIT:
            break
        during_play += not any(p.done for p in pages)
        await asyncio.sleep(rng.uniform(0.05, 0.6))
        host.kill()
        unreadable += not _readable(game)
        stray += temporaries(game.parent)
        host.start()
    deadline = time.monotonic() + 30  # let every page have its pending move answered
    while any(p.pending for p in pages) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    stop.set()
    host.stop()
    stray_at_end = temporaries(game.parent)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return {**report(pages, game, kills, unreadable, stray), "temporaries at the end": stray_at_end,
            "kills before the game ended": during_play}


def _readable(game: Path) -> bool:
    try:
        json.loads(game.read_text(encoding="utf-8"))
        return True
    except (OSError, ValueError):
        return False


def report(pages: list[TeamPage], game: Path, kills: int, unreadable: int, stray: int) -> dict:
    saved = json.loads(game.read_text(encoding="utf-8"))
    applied = Counter(m.split()[1] for m in saved["moves"] if m[:1] in "OR")
    keys = saved.get("submissions")
    duplicates = lost = 0
    for page in pages:
        extra = applied[page.data["role"]] - len(page.acked)  # the role's id, not its name
        duplicates += max(0, extra)
        if keys is not None:
            lost += sum(1 for k in page.acked if k not in keys)
        else:
            lost += max(0, -extra)
    return {"kills": kills, "acknowledged": sum(len(p.acked) for p in pages),
            "applied": sum(applied.values()), "duplicates applied": duplicates, "lost moves": lost,
            "refused": sum(len(p.refused) for p in pages), "unreadable saves": unreadable,
            "temporaries left by kills": stray, "round reached": saved["round"]}


def run(kills: int, seed: int = 1, root: Path = ROOT) -> dict:
    """Run the scene in a throw-away folder; returns the figures."""
    with tempfile.TemporaryDirectory() as folder:
        return asyncio.run(scene(kills, seed, root, folder))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose main.py to run")
    args = parser.parse_args()
    figures = run(args.kills, args.seed, args.root)
    print(", ".join(f"{name}: {value}" for name, value in figures.items()))
    return 0 if figures["duplicates applied"] == figures["lost moves"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
