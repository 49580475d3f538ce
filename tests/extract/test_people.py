"""Owners named by the clause: asked, told, or the subject of a present-tense verb."""

from __future__ import annotations

import pytest

from minutebook.extract.people import find_owner, own_verbs


@pytest.mark.parametrize(
    ("clause", "owner"),
    [
        # asked or told to act
        (
            "that the Director of Children's Services be requested to report back",
            "Director of Children's Services",
        ),
        ("that the Clerk be asked to write to the Footpath Officer.", "Clerk"),
        ("that the Chairman would contact the supplier.", "Chairman"),
        # the subject of a present-tense verb, as parish minutes often put it
        ("that the Clerk writes to the Highways Authority about the ditch.", "Clerk"),
        ("That the Clerk obtains three quotes for grass cutting.", "Clerk"),
        (
            "that the Responsible Financial Officer arranges the internal audit.",
            "Responsible Financial Officer",
        ),
        # a meeting stating its own view names no one to act
        ("that the Committee notes the report.", None),
        ("that the Council welcomes the new bus shelter.", None),
        ("that the Clerk has written to the landowner.", None),
        # an asking form later in the clause wins over a subject that only notes
        ("that the Committee notes the report and asks the Clerk to write to Highways.", "Clerk"),
    ],
)
def test_find_owner(clause: str, owner: str | None) -> None:
    assert find_owner(clause) == owner


def test_own_verbs_are_plain_words_with_the_noting_ones() -> None:
    verbs = own_verbs()
    assert {"notes", "receives", "welcomes", "agrees"} <= verbs
    assert "writes" not in verbs
