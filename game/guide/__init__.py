"""The guided first game: the coach's steps, checked against the scenario they teach."""
