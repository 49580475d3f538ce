"""An error raised in a worker process reaches the parent, and the user, as it was raised."""

from __future__ import annotations

import pickle

import pytest

import minutebook.errors as errors
from minutebook.errors import MinutebookError


def _every_error() -> list[type[MinutebookError]]:
    found, todo = [], [MinutebookError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


@pytest.mark.parametrize("cls", _every_error(), ids=lambda c: c.__name__)
def test_an_error_pickled_across_a_process_reads_the_same(cls: type[MinutebookError]) -> None:
    # pickle is what multiprocessing sends from a worker to the parent
    raised = cls("minutes/roles.txt", "line 72: role title has odd\ncharacters")
    received = pickle.loads(pickle.dumps(raised))
    assert type(received) is cls
    assert (str(received), received.path, received.detail) == (
        str(raised),
        raised.path,
        raised.detail,
    )
    assert (received.reason, received.stage) == (raised.reason, raised.stage)


def test_a_bad_pattern_file_gives_its_advice_once() -> None:
    error = errors.PatternFileError("roles.txt", "line 72: odd characters")
    assert str(pickle.loads(pickle.dumps(error))) == (
        "roles.txt: line 72: odd characters (fix that line, or restore the file with git)"
    )
