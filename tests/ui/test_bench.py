"""The UI benchmark runs with one command and prints its four figures."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_ui_runs_and_reports(tmp_path):
    """A short run: idle CPU, time to first frame, and the bare pygame import."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", DETENTE_CONFIG_DIR=str(tmp_path))
    env.pop("DISPLAY", None)
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_ui.py"), "--idle", "0.5",
                          "--runs", "1"], capture_output=True, text=True, env=env, timeout=120,
                         check=True).stdout
    assert "(a) idle CPU" in out and "(b) launch to first frame" in out and "(c) python" in out
    assert "(d) idle CPU on the board" in out
