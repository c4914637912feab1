"""The public board: the centrepiece of every shared screen, sized for a projector.

It fills the rect it is given and never scrolls: every cell sizes its text to its
room, never below the least size of the UI scale (`Ui.least_px`; 18 px from a
capital's top to a descender's foot at scale 2.0), and when its fullest form does not
fit at that size it lays out a more compact one (see cell.py), so the whole public
state fits, summarised where it must be, never cut or overlapping.

- the round and a large talks countdown (TIME IS UP in the large figures), with its
  state in words;
- a tension dial with the band's name;
- trust: a diagram of thick arrows in the truster's colour, each carrying its number
  (with the same values in words beside it when they fit), or a matrix, always from
  five delegations on;
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
