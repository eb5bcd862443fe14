"""Placeholders: the visible mark of a field still to fill in, one form for every document.

A template that lacks a value shows `[in te vullen: zaaknummer]`; the package records a warning
that names the file and the key where the value goes (an error with --strict), and Word shows
the placeholder highlighted in yellow (`md_docx`).

>>> plaatshouder("datum bekendmaking")
'[in te vullen: datum bekendmaking]'
>>> bool(PLAATSHOUDER.search("Hengelo, [in te vullen: datum bekendmaking]"))
True
"""

from __future__ import annotations

import re

PLAATSHOUDER = re.compile(r"\[in te vullen: [^\[\]]*\]")


def plaatshouder(wat: str) -> str:
    return f"[in te vullen: {wat}]"
