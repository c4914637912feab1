"""The play session: a game's state and move log, the turn service every front end renders,
saves and the library of games, replays, and the headless runner."""
