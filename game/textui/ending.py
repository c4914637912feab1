"""How a text game ends, played or guided: where it is saved and how to continue it, a
failed save told in one line, and the end screen with the debrief and replay files."""

from __future__ import annotations

import shlex

from game import program
from game.debrief.deal import deal_lines
from game.debrief.debrief import debrief_html
from game.files.atomic import WriteFailed, write_atomic
from game.session.library import GameFile, SaveFailed
from game.session.session import Session
from game.textui import render
from game.textui.console import Console
from game.textui.whatif import after_game
from game.words import _


def reporter(io: Console):
    """The save hook's error handler: one line on the screen, and the game goes on."""
    return lambda exc: io.say(str(exc))


def where_saved(session: Session) -> str:
    """One line: where the game is saved and how to continue it, or why it is not saved."""
    hook = session.on_save
    if not isinstance(hook, GameFile) or hook.saved is None:
        return _("The game could not be saved.")
    if hook.error is not None:
        return str(hook.error)
    return _("The game is saved; continue it with: {command} text --resume {path}").format(
        command=program.name(), path=shlex.quote(str(hook.saved)))


def finish(session: Session, io: Console) -> int:
    """The end of a finished game: the end screen, the deal, the debrief and replay files
    written beside the save, and the offer to branch the game (what if); the exit status."""
    result = session.outcome()
    view = session.view(None)
    io.say("", *render.end_screen(result, session.scenario, view))
    deal = deal_lines(session)
    if deal:
        io.say("", *deal)
    hook = session.on_save
    if isinstance(hook, GameFile) and hook.error is not None:
        try:
            hook.write(session)
        except SaveFailed as exc:
            io.say("", _("No replay was saved: {reason}.").format(reason=exc.reason))
            return 0
    path = hook.saved if isinstance(hook, GameFile) else None
    if path is None:
        return 0
    debrief = path.with_suffix(".html")
    try:
        write_atomic(debrief, debrief_html(session))
        io.say("", _("Debrief saved to {path}").format(path=debrief))
    except WriteFailed as exc:
        io.say("", _("The debrief was not written: {reason}").format(reason=exc))
    io.say(_("Replay saved to {path}").format(path=path),
           _("Verify it with: {command} replay {path}").format(command=program.name(),
                                                                path=shlex.quote(str(path))))
    after_game(session, io, path)
    return 0
