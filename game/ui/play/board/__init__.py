"""The public board: the centrepiece of every shared screen, sized for a projector.

It fills the rect it is given and never scrolls: every cell sizes its text to its
room (`Ui.fit_px`), so the whole public state fits at any window size and UI scale.

- the round and a large talks countdown, with its state in words;
- a tension dial with the band's name;
- a trust diagram: thick arrows in the truster's colour, each carrying its number,
  and the same values in words beside it ("Moscow → Washington 26");
- domestic support bars with the fog range this view sees;
- the cooperation track as a path of milestones, each marked in words;
- the commitments in force.

It reads one `PlayerView` (the public one on shared screens). `highlight` names meters
that are moving right now (meter -> (before, after)); their cells mark them and say
before → after in words.
"""

from game.ui.play.board.cell import BoardState
from game.ui.play.board.layout import Board

__all__ = ["Board", "BoardState"]
