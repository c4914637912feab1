"""The host under attack from a student's script: the teacher's login and everyone's round trip.

Run: .venv/bin/python bench/bench_guard.py [--guessers 10,20,40] [--flood 8] [--root PATH]

Starts `main.py host` on 127.0.0.1 (a free port, a throw-away data folder) in its own
process, then measures, against a reference taken in the same run without the attack:

1. Guessing. N connections from 127.0.0.2 send wrong facilitator PINs as fast as the
   host answers (each reconnects after its refusal). Two seconds in, the teacher's page
   logs in with the right PIN from 127.0.0.1: the time until its first state arrives.
   It is also measured from 127.0.0.2, the guessers' own address (a teacher behind the
   same address as the script is throttled with it, by design).
2. Flooding. Two connections of one team send small requests (`draft`) for --flood
   seconds, first each as soon as the last is answered, then back to back without
   waiting, while a board sends `refresh` every 50 ms: its round trip (p50, p95, max; a
   trip over 30 s ends the measure), and how many requests the flood got answered.

`--root` runs another checkout's `main.py` (for figures from before a change). Every
connection goes to 127.0.0.1 (from 127.0.0.1 or 127.0.0.2), and the run stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
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


def start_host(root: Path, folder: str) -> tuple[subprocess.Popen, int, dict[str, str], str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "DETENTE_DATA_DIR": folder, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "main.py", "host", "--new", "--port", str(port),
                             "--seed", "11"], cwd=root, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    said = []
    for line in proc.stdout:
        said.append(line)
        if line.startswith("Press Ctrl+C"):
            break
    text = "".join(said)
    codes = dict(re.findall(r"^\s+(\w+): join code (\w+)$", text, re.MULTILINE))
    pin = re.search(r"pin=(\d+)", text)
    if not codes or not pin:
        proc.kill()
        raise SystemExit(f"the host did not start:\n{text}")
    return proc, port, codes, pin.group(1)


async def open_ws(port: int, source: str = "127.0.0.1"):
    for _ in range(200):  # the host prints its addresses just before it listens
        try:
            return await connect(f"ws://127.0.0.1:{port}/ws", max_size=None, open_timeout=120,
                                 ping_interval=None, local_addr=(source, 0))
        except ConnectionRefusedError:
            await asyncio.sleep(0.05)
    raise SystemExit("cannot connect to the host")


async def login(port: int, pin: str, source: str = "127.0.0.1") -> float:
    """Seconds from opening the facilitator's socket to its first state (inf if refused)."""
    t0 = time.perf_counter()
    async with await open_ws(port, source) as ws:
        await ws.send(json.dumps({"type": "hello", "as": "host", "pin": pin}))
        async for text in ws:
            kind = json.loads(text)["type"]
            if kind == "state":
                return time.perf_counter() - t0
            if kind == "error":
                return float("inf")
    return float("inf")


async def guesser(port: int, stop: asyncio.Event, tries: list[int]) -> None:
    rng = random.Random()
    while not stop.is_set():
        try:
            async with await open_ws(port, "127.0.0.2") as ws:
                wrong = f"{rng.randrange(10 ** 8):08d}"
                await ws.send(json.dumps({"type": "hello", "as": "host", "pin": wrong}))
                await ws.recv()
                tries[0] += 1
        except Exception:  # noqa: BLE001 - refused or closed: try again, as a script would
            await asyncio.sleep(0)


async def guessing(port: int, pin: str, n: int) -> dict:
    stop, tries = asyncio.Event(), [0]
    tasks = [asyncio.create_task(guesser(port, stop, tries)) for _ in range(n)]
    await asyncio.sleep(2.0)
    other = await asyncio.wait_for(login(port, pin), 120)
    same = await asyncio.wait_for(login(port, pin, "127.0.0.2"), 120)
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    return {"other address": other, "same address": same, "guesses answered": tries[0]}


async def token_for(port: int, code: str) -> str:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    body = json.dumps({"code": code}).encode()
    writer.write(b"POST /api/join HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/json\r\n"
                 b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (port, len(body), body))
    reply = (await reader.read()).decode()
    writer.close()
    return json.loads(reply.split("\r\n\r\n", 1)[1])["token"]


async def flooder(port: int, token: str, stop: asyncio.Event, sent: list[int], pipelined: bool) -> None:
    """One connection sending `draft` requests: back to back without waiting for answers
    (`pipelined`), or each as soon as the last is answered; counts the answers."""
    try:
        async with await open_ws(port) as ws:
            await ws.send(json.dumps({"type": "hello", "as": "team", "token": token}))
            request = json.dumps({"type": "draft", "chosen": []})
            if pipelined:
                reader = asyncio.create_task(_count(ws, sent))
                while not stop.is_set():
                    await ws.send(request)
                    await asyncio.sleep(0)
                reader.cancel()
                return
            while not stop.is_set():
                await ws.send(request)
                while json.loads(await ws.recv())["type"] not in ("draft", "error"):
                    pass
                sent[0] += 1
    except Exception:  # noqa: BLE001 - the host may close a flooding connection
        return


async def _count(ws, answered: list[int]) -> None:
    try:
        async for text in ws:
            answered[0] += json.loads(text)["type"] in ("draft", "error")
    except Exception:  # noqa: BLE001 - closed
        return


async def round_trips(ws, seconds: float, limit: float = 30.0) -> list[float]:
    """A board's refresh every 50 ms: its round trip in milliseconds (one that takes more
    than `limit` seconds ends the measure, counted as `limit`)."""
    times = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        t0 = time.perf_counter()
        await ws.send(json.dumps({"type": "refresh"}))
        try:
            await asyncio.wait_for(_state(ws), limit)
        except TimeoutError:
            times.append(limit * 1000)
            break
        times.append((time.perf_counter() - t0) * 1000)
        await asyncio.sleep(0.05)
    return times


async def _state(ws) -> None:
    while json.loads(await ws.recv())["type"] != "state":
        pass


async def flooding(port: int, codes: dict[str, str], seconds: float, pipelined: bool) -> dict:
    board = await open_ws(port)
    await board.send(json.dumps({"type": "hello", "as": "board"}))
    await board.recv()
    reference = await round_trips(board, 2.0)
    token = await token_for(port, next(iter(codes.values())))
    stop, sent = asyncio.Event(), [0]
    floods = [asyncio.create_task(flooder(port, token, stop, sent, pipelined)) for _ in range(2)]
    await asyncio.sleep(0.5)
    during = await round_trips(board, seconds)
    stop.set()
    await asyncio.gather(*floods, return_exceptions=True)
    board.transport.abort()
    return {"reference": reference, "during": during, "sent": sent[0], "seconds": seconds}


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return f"p50 {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, max {ordered[-1]:.1f} ms"


async def scene(root: Path, guessers: list[int], flood: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        proc, port, codes, pin = start_host(root, folder)
        try:
            calm = statistics.median([await login(port, pin) for _ in range(3)])
            print(f"teacher's login, nobody guessing: {calm * 1000:.1f} ms")
            for n in guessers:
                found = await guessing(port, pin, n)
                other, same = found["other address"], found["same address"]
                print(f"{n} guessing connections ({found['guesses answered']} guesses answered): "
                      f"teacher's login from another address {other * 1000:.1f} ms "
                      f"({other / calm:.1f}x calm); from the guessers' address "
                      + ("refused while they guess" if same == float("inf") else f"{same:.2f} s"))
            for pipelined in (False, True):
                result = await flooding(port, codes, flood, pipelined)
                ratio = statistics.median(result["during"]) / statistics.median(result["reference"])
                how = "without waiting for answers" if pipelined else "each after the last answer"
                print(f"board's round trip, calm: {summary(result['reference'])}")
                print(f"board's round trip, one team flooding over 2 connections, {how} "
                      f"({result['sent']} requests answered in {result['seconds']:.0f} s): "
                      f"{summary(result['during'])} (p50 {ratio:.1f}x calm)")
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()  # still busy with the flood's backlog
                proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--guessers", default="10,20,40")
    parser.add_argument("--flood", type=float, default=8.0, help="seconds of flooding")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose main.py to run")
    args = parser.parse_args()
    asyncio.run(scene(args.root, [int(n) for n in args.guessers.split(",") if n], args.flood))
    return 0


if __name__ == "__main__":
    sys.exit(main())
