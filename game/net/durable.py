"""The hosted game's save: every move written with its submission key, never ahead of the disk.

`HostSave` is the session's `on_save` hook for a hosted game. Each write of `game.json`
carries the submission keys of the moves it holds, in the same atomic write, so after
a crash at any moment a page that sends its move again with the same key finds either
the move and its key both saved (acknowledged as a duplicate) or neither (applied
now): never one without the other. After each good write it keeps a checkpoint of the
session; when a write fails (a full disk), `rollback` takes the session in memory back
to the last good save, so nothing is acknowledged, shown or built upon that is not on
disk, and the move can be sent again once there is space.

    hook = HostSave(game_file, found.applied)   # the same dict the host adds keys to
    session.on_save = hook.attach(session)      # checkpoint now (the session as saved)
    hook.rollback(session)                      # after a failed write
    hook.error -> WriteFailed | None            # the last write's failure, if it failed

`SAVE_ERRORS` are the exceptions a failed write raises through `Session.submit`.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from game.files.atomic import WriteFailed
from game.session.saves import save_session
from game.session.session import Checkpoint, Session

#: What a save that did not happen raises: the disk (WriteFailed, an OSError) or a value
#: no save can record (pydantic's ValidationError).
SAVE_ERRORS = (WriteFailed, ValidationError)


class HostSave:
    """Writes a hosted game, with its submission keys, after every move (mode 0600)."""

    def __init__(self, path: Path, keys: dict[str, str]) -> None:
        self.path, self.keys = path, keys
        self.good: Checkpoint | None = None
        self.error: Exception | None = None

    def attach(self, session: Session) -> HostSave:
        """Take the session as it stands as saved (it was just read or written); returns self."""
        self.good = session.checkpoint()
        return self

    def __call__(self, session: Session) -> None:
        """Write the game and its keys; raises one of SAVE_ERRORS if it could not."""
        try:
            save_session(session, self.path, self.keys)
        except SAVE_ERRORS as exc:
            self.error = exc
            raise
        self.error = None
        self.good = session.checkpoint()

    def rollback(self, session: Session) -> None:
        """Take back everything done since the last good save (nothing, if none was made)."""
        if self.good is not None:
            session.restore(self.good)


def reason(exc: Exception) -> str:
    """The cause of a failed save, in a few words: `cannot write F: the disk is full; free
    some space`, or that the game holds a value a save cannot record."""
    if isinstance(exc, WriteFailed):
        return str(exc)
    return "the game holds a value a save cannot record"
