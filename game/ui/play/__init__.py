"""Playing a game in the window: the flow between screens, the timer and the HUD."""
