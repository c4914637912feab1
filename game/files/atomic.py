"""Safe file writes: a crash leaves the old content or the new, never half, and nothing else is hurt.

`write_atomic` writes to a temporary file in the same folder, flushes it to disk,
gives it the permissions of the file it replaces, and renames it over that file.
It refuses to replace a folder, a device, a FIFO or anything else that is not a
regular file, and follows a symbolic link to the file it names rather than replacing
the link. Any failure (a full disk, a read-only folder, a file where a folder should
be) removes the temporary file, leaves the old file as it was, and raises `WriteFailed`,
an OSError whose message is one line naming the file, the reason and the fix.

Temporary files carry the writer's process id (`.NAME.PID.RANDOM.tmp`), so the next
start can tell a write that was cut short (by a crash or SIGKILL) from one still going
in another process: `clean_stale_temps` removes the former.

Kept free of heavy imports, because the window's settings use it before the first frame.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import time
from pathlib import Path

#: A temporary file of a write that was interrupted: `.NAME.PID.TOKEN.tmp`, or
#: `.NAME.XXXXXXXX.tmp` as written by version 0.1 (no process id).
_TEMP = re.compile(r"^\..+\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp$")
_OLD_TEMP = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")

#: A temporary file without a live owner is removed once it is this old (seconds); one
#: whose owner is gone is removed at once.
ORPHAN_AGE = 600

_REASONS = {
    errno.ENOSPC: ("the disk is full", "free some space"),
    errno.EDQUOT: ("the disk quota is used up", "free some space"),
    errno.EROFS: ("the folder is on a read-only disk", "choose a writable folder"),
    errno.EACCES: ("permission denied", "choose a folder you may write to"),
    errno.EPERM: ("permission denied", "choose a folder you may write to"),
    errno.ENOTDIR: ("a part of the path is a file, not a folder", "move that file or choose another folder"),
    errno.EEXIST: ("a file is in the way of a folder on the path", "move that file or choose another folder"),
    errno.EISDIR: ("this is a folder", "give a file name inside it"),
    errno.ENAMETOOLONG: ("the name is too long", "choose a shorter name"),
}


class WriteFailed(OSError):
    """A write that did not happen; the old file is untouched and the message says why."""

    def __init__(self, path: str | Path, reason: str, fix: str, code: int | None = None) -> None:
        super().__init__(f"cannot write {path}: {reason}; {fix}")
        self.path, self.reason, self.code = str(path), reason, code

    def __str__(self) -> str:
        return self.args[0]


def write_atomic(path: str | Path, text: str | bytes, mode: int | None = None) -> None:
    """Replace the regular file `path` (or create it) with `text`, atomically; WriteFailed if not.

    The new file gets `mode` if given (0o600 for a file that holds secrets, whatever the
    old one had), else the old file's permissions."""
    if "\0" in str(path):
        raise WriteFailed(repr(str(path)), "the name holds a NUL character", "choose another name")
    target = _resolve(Path(path))
    kept = _mode_for(target, path)
    mode = kept if mode is None else mode
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = _write_temp(target, text.encode("utf-8") if isinstance(text, str) else text, mode)
        os.replace(tmp, target)
        tmp = None
        _sync_folder(target.parent)
    except OSError as exc:
        raise failure(path, exc) from None
    finally:
        if tmp is not None:
            _remove(tmp)


def create_new(path: str | Path, text: str | bytes, mode: int | None = None) -> bool:
    """Write `text` to `path` only if no file is there yet (atomic, never overwrites).

    The file gets `mode` if given, else the usual permissions for a new file. Returns
    False when something already has that name; raises WriteFailed on a failure."""
    target = Path(path)
    if "\0" in str(path):
        raise WriteFailed(repr(str(path)), "the name holds a NUL character", "choose another name")
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = _write_temp(target, text.encode("utf-8") if isinstance(text, str) else text,
                          0o666 & ~_umask() if mode is None else mode)
        if not move_new(tmp, target):
            return False
        _sync_folder(target.parent)
        return True
    except OSError as exc:
        raise failure(path, exc) from None
    finally:
        if tmp is not None:
            _remove(tmp)


def write_all(texts: dict[Path, str | bytes]) -> None:
    """Write each text to its file, all or none; WriteFailed (naming the file) if one fails.

    For a command with several outputs (the lab's reports, a class debrief and its CSV):
    every text goes to a temporary file beside its target first, each checked as
    `write_atomic` checks it (never a folder or a special file); only when all are
    written are they renamed into place, so a full disk or a folder that cannot be
    written leaves every earlier file as it was and no new one."""
    temps: list[tuple[str, Path]] = []
    try:
        for path, text in texts.items():
            if "\0" in str(path):
                raise WriteFailed(repr(str(path)), "the name holds a NUL character",
                                  "choose another name")
            target = _resolve(Path(path))
            mode = _mode_for(target, path)
            try:
                temps.append((_write_temp(target, text.encode("utf-8") if isinstance(text, str)
                                          else text, mode), target))
            except OSError as exc:
                raise failure(path, exc) from None
        for tmp, target in temps:
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise failure(target, exc) from None
        for folder in {target.parent for _tmp, target in temps}:
            _sync_folder(folder)
    finally:
        for tmp, _target in temps:
            if os.path.lexists(tmp):
                _remove(tmp)


def move_new(source: str | Path, target: str | Path) -> bool:
    """Move `source` to `target` only if nothing has that name yet; False if something has.

    A hard link, which fails rather than replace, then the source unlinked. A file system
    without hard links (FAT and exFAT drives, many network shares) gets the name claimed
    by an exclusive create, and the file renamed over its own claim."""
    try:
        os.link(source, target)
    except FileExistsError:
        return False
    except OSError:
        if not _claim(target):
            return False
        try:
            os.replace(source, target)
        except OSError:
            _remove(target)  # the empty claim, never anyone else's file
            raise
        return True
    _remove(source)
    return True


def _claim(target: str | Path) -> bool:
    """Create `target` empty if no file has that name; False if one has."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def failure(path: str | Path, exc: OSError) -> WriteFailed:
    """A WriteFailed with a plain reason and fix for an OSError met while writing `path`."""
    if isinstance(exc, WriteFailed):
        return exc
    reason, fix = _REASONS.get(exc.errno, (exc.strerror or str(exc), "check the folder and try again"))
    return WriteFailed(path, reason, fix, exc.errno)


def _resolve(path: Path) -> Path:
    """The file a write to `path` should replace: a symbolic link's target, never the link."""
    try:
        return path.resolve(strict=False) if path.is_symlink() else path
    except (OSError, RuntimeError):  # a link loop
        raise WriteFailed(path, "it is a broken or looping symbolic link", "remove the link") from None


def _mode_for(target: Path, shown: str | Path) -> int:
    """The permissions the new file gets: the old file's, or the usual ones for a new file."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return 0o666 & ~_umask()
    except OSError as exc:
        raise failure(shown, exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise WriteFailed(shown, "this is a folder", f"give a file name inside it, such as "
                                                     f"{Path(shown) / 'out.html'}", errno.EISDIR)
    if not stat.S_ISREG(info.st_mode):
        raise WriteFailed(shown, "this is a device, FIFO or other special file, which is never "
                                 "replaced", "give the name of an ordinary file")
    return stat.S_IMODE(info.st_mode)


def _write_temp(target: Path, data: bytes, mode: int) -> str:
    tmp = str(target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
                 | getattr(os, "O_BINARY", 0), 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
    except BaseException:
        os.close(fd)
        _remove(tmp)
        raise
    os.close(fd)
    return tmp


def _sync_folder(folder: Path) -> None:
    """Flush the rename itself to disk (POSIX only; Windows cannot open folders)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename is done all the same
    finally:
        os.close(fd)


def _remove(path: str | Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass  # nothing more can be done; the next start removes it


def _umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def clean_stale_temps(folder: str | Path, now: float | None = None) -> list[Path]:
    """Remove temporary files of interrupted writes in `folder`; returns those removed.

    A temporary file is removed when the process that wrote it is gone, or when it has
    no process id (version 0.1) or is older than ORPHAN_AGE seconds."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP.match(entry.name)
        try:
            if not (match or _OLD_TEMP.match(entry.name)) or not entry.is_file(follow_symlinks=False):
                continue
            old = now - entry.stat(follow_symlinks=False).st_mtime > ORPHAN_AGE
        except OSError:
            continue
        if old or (match and not _alive(int(match.group("pid")))):
            _remove(entry.path)
            removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # Windows' os.kill would end the process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or a number we cannot check: leave it be
    return True
