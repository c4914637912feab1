"""A classroom on every team's device: the game hosted on the local network.

`python main.py host` serves the public board (/board), a page per team reached with a
short join code or a secret link (/join, /team), and the facilitator's page (/host,
guarded by a teacher PIN). Every page is a plain HTML file from `static/`, with no build
step and nothing fetched from the internet. Teams read only views made by the rules for
their own role and act only for their own role; every move still goes through `Session`.
"""
