"""Reading the source a user names: bounded, regular files only, dispatched by kind.

The source may lie anywhere (it is the user's own file); it is read whole, once, and only
when it is a regular file of at most `MAX_BRON` bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.errors import GebruiksFout, InvoerFout
from generator.importeer.alineas import Brontekst

MAX_BRON = 50 * 1024 * 1024
SOORTEN = ("docx", "xml", "tekst", "md")


def lees_bestand(pad: Path) -> bytes:
    """The bytes of a source file, refusing what is not a regular file or is too large."""
    try:
        info = os.stat(pad)
    except FileNotFoundError:
        raise GebruiksFout(f"Het bronbestand {pad} bestaat niet") from None
    except OSError as e:
        raise GebruiksFout(f"Het bronbestand {pad} kan niet worden gelezen: {e.strerror}") from e
    if not stat.S_ISREG(info.st_mode):
        raise GebruiksFout(f"{pad} is geen gewoon bestand; geef een .docx-, .xml-, .txt- of .md-bestand")
    if info.st_size > MAX_BRON:
        raise InvoerFout(f"Het bronbestand {pad} is te groot ({info.st_size} bytes); toegestaan: tot {MAX_BRON} bytes")
    try:
        with open(pad, "rb") as f:
            return f.read(MAX_BRON + 1)
    except OSError as e:
        raise GebruiksFout(f"Het bronbestand {pad} kan niet worden gelezen: {e.strerror}") from e


def soort_van(pad: Path, inhoud: bytes) -> str:
    """The kind of a source: by its extension, else by its first bytes.

    >>> soort_van(Path("r.docx"), b""), soort_van(Path("r"), b"<?xml"), soort_van(Path("r.md"), b"# R")
    ('docx', 'xml', 'md')
    """
    achter = pad.suffix.lower()
    if achter == ".docx":
        return "docx"
    if achter == ".xml":
        return "xml"
    if achter in (".md", ".markdown"):
        return "md"
    if achter == ".txt":
        return "tekst"
    if inhoud.startswith(b"PK\x03\x04"):
        return "docx"
    if inhoud.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "xml"
    return "tekst"


def lees_bron(inhoud: bytes, naam: str, soort: str) -> Brontekst:
    """The neutral structure of a source's bytes (`soort` from `soort_van`)."""
    if soort == "docx":
        from generator.importeer.word import lees_docx

        return lees_docx(inhoud, naam)
    if soort == "xml":
        from generator.importeer.xml import lees_xml

        return lees_xml(inhoud, naam)
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            tekst = inhoud.decode("cp1252")
        except UnicodeDecodeError as e:
            raise InvoerFout(f"{naam}: de tekst is geen UTF-8 en geen Windows-1252; sla hem op als UTF-8") from e
    from generator.importeer.tekst import lees_tekst

    return lees_tekst(tekst, naam, markdown=soort == "md")
