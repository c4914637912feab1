"""After a game: the HTML debrief, what-if branches and the coaching drawn from them."""
