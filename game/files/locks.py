"""Locks between processes: one writer per save, one host per data folder.

A lock is an operating-system lock (`flock` on POSIX, `LockFileEx` on Windows) on a
small file beside what it guards, taken through the `filelock` library. The system
drops such a lock when its process ends, however it ends (SIGKILL and power loss
included), so a lock left by a killed program is free at once: the next program takes
it over without guessing whether the old one is still alive, and a process id that
the system has since given to another program can never keep a lock.

Once taken, the lock file holds one line of JSON naming its holder: the process id,
the program (`host`, `text`, `window`) and, for a host, its port. A program refused
the lock reads that line to say which program is in the way. The line is written with
best effort: a full disk still lets the lock be taken.

    held = hold(lock_path, "text")         # LockHeld if another process holds it
    held.release()                         # or leave it: the lock ends with the process
    save_lock(save_path, "window")         # the lock of one save file, `.NAME.lock` beside it
    holder_of(lock_path) -> Holder | None  # who holds it (None if nobody does)

Within one process a lock is re-entrant: taking it again returns the same hold, so a
window that closes a game and opens it again never locks itself out. `LockHeld` is a
ValueError whose message is one line; callers word their own refusal from `.holder`.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

#: The longest holder line read back (a lock file is never larger unless damaged).
_HOLDER_CAP = 4096


@dataclass(frozen=True)
class Holder:
    """The program holding a lock: its process id, what it is, and its port if it serves one."""

    pid: int
    program: str
    port: int | None = None

    def to_json(self) -> str:
        """The line written into the lock file."""
        return json.dumps({"pid": self.pid, "program": self.program, "port": self.port})

    @classmethod
    def from_json(cls, text: str) -> Holder | None:
        """The holder a lock file names, or None if the line is missing or damaged."""
        try:
            data = json.loads(text)
            pid, program, port = data["pid"], data["program"], data.get("port")
        except (ValueError, KeyError, TypeError):
            return None
        if not (isinstance(pid, int) and isinstance(program, str) and len(program) <= 40
                and (port is None or isinstance(port, int))):
            return None
        return cls(pid, program, port)


class LockHeld(ValueError):
    """Another process holds the lock; `holder` says who, when its lock file says so."""

    def __init__(self, path: Path, holder: Holder | None) -> None:
        who = (f"{holder.program} (process {holder.pid}"
               + (f", port {holder.port})" if holder.port else ")")) if holder else "another program"
        super().__init__(f"{path} is locked by {who}")
        self.path, self.holder = path, holder


class Held:
    """A lock this process holds; `release()` gives it back (also done when the process ends)."""

    def __init__(self, path: Path, lock: FileLock | None, holder: Holder) -> None:
        self.path, self._lock, self.holder = path, lock, holder
        self._count = 1

    @property
    def locked(self) -> bool:
        """False when the folder cannot hold a lock file (read-only): then nothing can write
        there either, so there is nothing to guard."""
        return self._lock is not None

    def release(self) -> None:
        """Give the lock back once every `hold` of it in this process has released it."""
        with _REGISTRY_LOCK:
            self._count -= 1
            if self._count > 0:
                return
            _HELD.pop(_key(self.path), None)
        if self._lock is not None:
            try:
                self._lock.release()
            except OSError:
                pass  # the lock ends with the process anyway


_HELD: dict[str, Held] = {}
_REGISTRY_LOCK = threading.Lock()


def hold(path: str | Path, program: str, port: int | None = None) -> Held:
    """Take the lock at `path` at once (never waiting), or raise LockHeld.

    A folder where no lock file can be made (read-only, missing rights) gives a Held
    that locks nothing: no program can write a save there, so none can overwrite another's."""
    path = Path(path)
    with _REGISTRY_LOCK:
        existing = _HELD.get(_key(path))
        if existing is not None:
            existing._count += 1
            return existing
        holder = Holder(os.getpid(), program, port)
        lock = FileLock(path, timeout=0, thread_local=False, preserve_lock_file=True,
                        mode=0o600, on_acquired=lambda fd: _write_holder(fd, holder))
        try:
            lock.acquire()
        except Timeout:
            raise LockHeld(path, holder_of(path)) from None
        except OSError:
            lock = None  # no lock file can be made here: see the docstring
        held = _HELD[_key(path)] = Held(path, lock, holder)
        return held


def save_lock(save: str | Path, program: str, port: int | None = None) -> Held:
    """The lock of one save file: `.NAME.lock` in the save's folder."""
    return hold(lock_path_for(save), program, port)


def lock_path_for(save: str | Path) -> Path:
    """Where the lock of `save` lives."""
    save = Path(save)
    return save.with_name(f".{save.name}.lock")


def holder_of(path: str | Path) -> Holder | None:
    """Who the lock file at `path` names (None if it names nobody readable)."""
    try:
        with open(path, "rb") as fh:
            return Holder.from_json(fh.read(_HOLDER_CAP).decode("utf-8", "replace"))
    except OSError:
        return None


def _write_holder(fd: int, holder: Holder) -> None:
    """Replace the lock file's line with this process's; a failure leaves the lock taken."""
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, holder.to_json().encode())
    except OSError:
        pass  # a full disk: the lock holds all the same, it just cannot name its holder


def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))
