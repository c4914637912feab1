"""UI benchmark: idle CPU share of the window, and time to the first frame.

Run: .venv/bin/python bench/bench_ui.py [--idle SECONDS] [--runs N]

(a) idle CPU: the app runs on the title screen, quitting --idle seconds (10 by
    default) after its first frame; it reports its own process CPU time and wall time
    when its loop first goes fully idle and at exit (DETENTE_STATS_FILE);
    share = CPU / wall over that idle span.
(b) start-up: wall time from launching the app in a new Python process to its first
    flipped frame (DETENTE_FIRST_FRAME_FILE holds the flip's wall-clock time).
(c) for comparison: wall time of `python -c "import pygame"` in a new process.
(d) idle CPU on the projector board: a classroom game's event card at 1280x720, scale
    2.0, with the talks timer running (one redraw a second), for --idle seconds.
Uses the real display when DISPLAY/WAYLAND_DISPLAY is set, else SDL's dummy driver.
This script itself does not import pygame.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = "import sys; from game.ui.app import run_app; sys.exit(run_app(sys.argv[1:]))"


def child_env(tmp: Path) -> dict[str, str]:
    """Environment for a child: private config dir, dummy driver when there is no display."""
    env = dict(os.environ, DETENTE_CONFIG_DIR=str(tmp / "config"), DETENTE_DATA_DIR=str(tmp / "data"),
               PYGAME_HIDE_SUPPORT_PROMPT="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("SDL_VIDEODRIVER", "dummy")
    env.setdefault("SDL_AUDIODRIVER", "dummy")
    return env


def idle_cpu(seconds: float, tmp: Path) -> dict:
    """Run the app idle for `seconds` after its first frame; CPU share and frames drawn."""
    stats = tmp / "stats.json"
    env = dict(child_env(tmp), DETENTE_STATS_FILE=str(stats))
    subprocess.run([sys.executable, "-c", APP, "--quit-after", str(seconds), "--windowed"],
                   env=env, cwd=ROOT, check=True, timeout=seconds + 60)
    s = json.loads(stats.read_text())
    wall, cpu = s["wall_end"] - s["wall_idle"], s["cpu_end"] - s["cpu_idle"]
    return {"wall_s": wall, "cpu_s": cpu, "share": cpu / wall,
            "frames_while_idle": s["frames"] - s["frames_idle"],
            "wait": s.get("wait", "?")}


def first_frame(tmp: Path, via_main: bool = False) -> float:
    """Seconds from launching the app (or `python main.py`) to its first flipped frame."""
    marker = tmp / "first_frame.txt"
    marker.unlink(missing_ok=True)
    env = dict(child_env(tmp), DETENTE_FIRST_FRAME_FILE=str(marker))
    entry = [str(ROOT / "main.py")] if via_main else ["-c", APP]
    start = time.time()
    proc = subprocess.Popen([sys.executable, *entry, "--quit-after", "0.2", "--windowed"],
                            env=env, cwd=ROOT, stdin=subprocess.DEVNULL)
    proc.wait(timeout=60)
    if proc.returncode != 0 or not marker.exists():
        raise RuntimeError(f"the app exited with status {proc.returncode} before a first frame")
    return float(marker.read_text()) - start


BOARD = """
import json, sys, time, pygame
from game.ui.app import App, first_scene
from game.ui.screenshots import ScriptedGame
from game.ui.settings import Settings
app = App(Settings(ui_scale=2.0, timer_minutes=5), size=(1280, 720))
app.stack.push(first_scene(app))
for _ in ScriptedGame(app).play(every=True):
    if type(app.stack.top).__name__ == "EventScene":
        break
app.draw()
frames, cpu, wall = app.frames, time.process_time(), time.time()
pygame.time.set_timer(pygame.QUIT, int(float(sys.argv[1]) * 1000), loops=1)
app.run()
print(json.dumps({"cpu_s": time.process_time() - cpu, "wall_s": time.time() - wall,
                  "frames": app.frames - frames}))
"""


def board_idle(seconds: float, tmp: Path) -> dict:
    """CPU share while the event card's board sits on screen with its timer running."""
    out = subprocess.run([sys.executable, "-c", BOARD, str(seconds)], env=child_env(tmp),
                         cwd=ROOT, check=True, capture_output=True, text=True,
                         timeout=seconds + 60).stdout
    s = json.loads(out.strip().splitlines()[-1])
    return {**s, "share": s["cpu_s"] / s["wall_s"]}


def import_pygame(tmp: Path) -> float:
    """Seconds for `python -c "import pygame"` in a new process."""
    start = time.time()
    subprocess.run([sys.executable, "-c", "import pygame"], env=child_env(tmp), check=True)
    return time.time() - start


def main(argv: list[str] | None = None) -> int:
    """Run the three measurements and print them."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--idle", type=float, default=10.0, help="idle seconds to measure (10)")
    p.add_argument("--runs", type=int, default=5, help="start-up runs to take the median of (5)")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        driver = child_env(tmp).get("SDL_VIDEODRIVER") or "the real display"
        print(f"video driver: {driver}; python {sys.version.split()[0]}")
        idle = idle_cpu(args.idle, tmp)
        print(f"(a) idle CPU on the title screen: {100 * idle['share']:.2f}% of one core "
              f"({idle['cpu_s']:.3f} s CPU over {idle['wall_s']:.1f} s; "
              f"{idle['frames_while_idle']} frames redrawn while idle; waits with {idle['wait']})")
        starts = [first_frame(tmp) for _ in range(args.runs)]
        imports = [import_pygame(tmp) for _ in range(args.runs)]
        print(f"(b) launch to first frame (game.ui.app.run_app): median "
              f"{statistics.median(starts):.3f} s (min {min(starts):.3f}, max {max(starts):.3f}, "
              f"{args.runs} runs)")
        if (ROOT / "main.py").is_file():
            mains = [first_frame(tmp, via_main=True) for _ in range(args.runs)]
            print(f"    launch to first frame (python main.py): median "
                  f"{statistics.median(mains):.3f} s (min {min(mains):.3f}, max {max(mains):.3f})")
        print(f"(c) python -c 'import pygame': median {statistics.median(imports):.3f} s "
              f"(min {min(imports):.3f}, max {max(imports):.3f})")
        print(f"    first frame costs {statistics.median(starts) - statistics.median(imports):+.3f} s "
              "over a bare pygame import")
        board = board_idle(args.idle, tmp)
        print(f"(d) idle CPU on the board (event card, talks timer running, 1280x720 at 2.0): "
              f"{100 * board['share']:.2f}% of one core ({board['cpu_s']:.3f} s CPU over "
              f"{board['wall_s']:.1f} s; {board['frames']} frames drawn)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
