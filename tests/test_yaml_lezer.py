"""The YAML reader keeps scalars as typed without touching ruamel's shared tables."""

from __future__ import annotations

import sys

from ruamel.yaml.constructor import RoundTripConstructor

from generator.loader import bestanden


def test_reading_often_leaves_ruamel_alone_and_needs_no_deeper_stack():
    """A reader that wrapped ruamel's class-wide int constructor again at every read needed one
    stack frame more per file read before it: a long process (the test suite, a large project)
    ended in RecursionError."""
    gedeeld = dict(RoundTripConstructor.yaml_constructors)
    oud = sys.getrecursionlimit()
    sys.setrecursionlimit(300)
    try:
        for _ in range(1000):
            data = bestanden._yaml().load("a: 0x1F\nb: 5\nc: 1.10\nd: 2017-01-01\ne: 010\n")
    finally:
        sys.setrecursionlimit(oud)
    assert dict(data) == {"a": "0x1F", "b": 5, "c": "1.10", "d": "2017-01-01", "e": "010"}
    assert RoundTripConstructor.yaml_constructors == gedeeld
