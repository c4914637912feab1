"""SIGKILL the host at random moments while its team pages resend: every move exactly once.

The scene is `bench/host_kills.py` (run it for more kills and its figures); here with a
few kills, or DETENTE_HOST_KILLS of them.
"""

from __future__ import annotations

import importlib.util
import os
import signal
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "host_kills.py"


def scene():
    spec = importlib.util.spec_from_file_location("host_kills", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL on this system")
def test_killed_hosts_apply_every_resent_move_exactly_once():
    from tests.net.test_guard import run_apart

    module, found = scene(), {}

    async def kills():  # in a thread of its own, apart from the browser tests' event loop
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            found.update(await module.scene(int(os.environ.get("DETENTE_HOST_KILLS", "6")), 3,
                                            module.ROOT, folder))
    run_apart(kills)
    figures = found
    print(figures)
    assert figures["duplicates applied"] == 0 and figures["lost moves"] == 0, figures
    assert figures["unreadable saves"] == 0 and figures["temporaries at the end"] == 0, figures
    assert figures["applied"] == figures["acknowledged"] > 0, figures
