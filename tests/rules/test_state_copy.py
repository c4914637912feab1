"""A state's copies are driven by its fields: every field is carried over, and each
container the rules change in place gets a copy of its own."""

from dataclasses import dataclass, fields

from game.model.state import GameState, copied
from tests.helpers import play_round, start


def _played():
    sc, s = start()
    s, _ = play_round(s, sc, {"north": ["north:gift@south"], "south": ["south:gift@north"]})
    return s


def test_copy_keeps_every_field_and_owns_its_containers():
    """`copy()` equals the state; the containers it owns are new objects, the rest shared."""
    s = _played()
    c = s.copy()
    assert c == s and type(c) is GameState
    for f in fields(GameState):
        mine, theirs = getattr(c, f.name), getattr(s, f.name)
        assert mine == theirs, f.name
        assert (mine is not theirs) == ("copy" in f.metadata), f.name
    c.meters[0] += 1
    c.seen[None].append(None)
    c.responses.setdefault("north", {})["x"] = True
    assert c.meters[0] == s.meters[0] + 1 and None not in s.seen[None]
    assert "x" not in s.responses.get("north", {})


def test_shallow_shares_every_field():
    """`shallow()` equals the state and shares every container with it."""
    s = _played()
    c = s.shallow()
    assert c == s and all(getattr(c, f.name) is getattr(s, f.name) for f in fields(GameState))


@dataclass(slots=True)
class _Extended(GameState):
    """GameState with two fields more, as a later version of the game might add them."""

    drafts: list[str] = copied(list, default_factory=list)
    label: str = "plain"


def test_a_new_field_is_copied_without_touching_copy():
    """A field added to the state is carried by `copy()` and `shallow()` as it is declared:
    a container marked `copied` gets its own copy, a plain value is shared."""
    s = _played()
    grown = _Extended(**{f.name: getattr(s, f.name) for f in fields(GameState)},
                      drafts=["north:gift@south"], label="round two")
    c = grown.copy()
    assert type(c) is _Extended and c == grown
    assert c.drafts == ["north:gift@south"] and c.drafts is not grown.drafts
    assert c.label == "round two"
    assert grown.shallow().drafts is grown.drafts
