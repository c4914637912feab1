"""The screens of the game window, one scene class per screen."""
