"""Reading YAML files: the only place grgen opens a source file.

Files are read as bytes and checked strictly as UTF-8, so a file saved in another encoding is
reported with its line and column instead of turning into mojibake. `yaml_lezer` turns the bytes
into dicts and lists that keep the line and column of every key and value, which every later
error message uses (see there for how scalars, aliases and nesting are treated).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from generator.errors import Bron, Melding, reden
from generator.loader.yaml_lezer import YamlFout, lees_yaml_tekst

# A source file larger than this is refused before reading (a regeling of 10,000 artikelen is
# about 5 MB); it protects the machine from a file that is not a regeling at all.
MAX_BESTAND = 50 * 1024 * 1024
# Characters that may not occur in a file name grgen is asked to read (NUL cannot be passed to
# the operating system at all; the others are never meant).
_ONGELDIGE_NAAMTEKENS = re.compile("[\x00-\x1f\x7f]")


def lees_bestand(pad: Path, naam: str, grens: Path | None = None, maximum: int = MAX_BESTAND) -> tuple[bytes | None, list[Melding]]:
    """The bytes of one source file, or the reasons it may not be read.

    Only a regular file is read (not a folder, pipe or device), only when it is at most `maximum`
    bytes (checked before reading), and with `grens` only when its real path, symbolic links
    followed, lies inside that folder: the project is the boundary of what grgen reads.

    >>> lees_bestand(Path("/bestaat/niet.yaml"), "niet.yaml")[1][0].tekst
    'bestand bestaat niet'
    """
    if m := _ONGELDIGE_NAAMTEKENS.search(str(pad)):
        return None, [Melding(f"de bestandsnaam bevat een besturingsteken (U+{ord(m[0]):04X})", Bron(naam.replace("\x00", "\\0")))]
    try:
        echt = pad.resolve(strict=True)
    except FileNotFoundError:
        return None, [Melding("bestand bestaat niet", Bron(naam))]
    except RuntimeError:  # a symbolic link loop (Python 3.11 raises this instead of ELOOP)
        return None, [Melding("bestand kan niet worden gelezen: de symbolische koppeling verwijst naar zichzelf", Bron(naam))]
    except OSError as e:
        return None, [Melding(f"bestand kan niet worden gelezen: {reden(e)}", Bron(naam))]
    if grens is not None and not echt.is_relative_to(grens.resolve()):
        return None, [
            Melding(
                f"bestand is een symbolische koppeling naar {echt}, buiten het project",
                Bron(naam),
                hint="grgen leest alleen bestanden in de projectmap; kopieer het bestand in het project",
            )
        ]
    try:
        fd = os.open(echt, os.O_RDONLY | os.O_NONBLOCK)  # O_NONBLOCK: a pipe must not block before the check below
    except OSError as e:
        return None, [Melding(f"bestand kan niet worden gelezen: {reden(e)}", Bron(naam))]
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            return None, [Melding("dit is een map, geen bestand", Bron(naam))]
        if not stat.S_ISREG(status.st_mode):
            return None, [
                Melding("dit is geen gewoon bestand (maar een apparaat, pijp of socket); grgen leest alleen gewone bestanden", Bron(naam))
            ]
        if status.st_size > maximum:
            return None, [Melding(f"bestand is te groot ({status.st_size} bytes); toegestaan: tot {maximum} bytes", Bron(naam))]
        with os.fdopen(os.dup(fd), "rb") as f:
            ruw = f.read(maximum + 1)
    except OSError as e:
        return None, [Melding(f"bestand kan niet worden gelezen: {reden(e)}", Bron(naam))]
    finally:
        os.close(fd)
    if len(ruw) > maximum:  # the file grew after the check
        return None, [Melding(f"bestand is te groot (meer dan {maximum} bytes); toegestaan: tot {maximum} bytes", Bron(naam))]
    return ruw, []


def lees_yaml(pad: Path, naam: str, grens: Path | None = None) -> tuple[Any, list[Melding]]:
    """Read one YAML file; return its data or the reasons it cannot be read.

    `naam` is the path as the user should see it in messages; `grens` the project folder the
    file must lie in (see `lees_bestand`).
    """
    ruw, meldingen = lees_bestand(pad, naam, grens)
    if ruw is None:
        return None, meldingen
    try:
        tekst = ruw.decode("utf-8")
    except UnicodeDecodeError as e:
        voor = ruw[: e.start]
        regel = voor.count(b"\n") + 1
        kolom = e.start - (voor.rfind(b"\n") + 1) + 1
        return None, [
            Melding(
                f"bestand is geen geldige UTF-8 (byte 0x{ruw[e.start]:02x})",
                Bron(naam, regel, kolom),
                hint="sla het bestand op als UTF-8 (in Kladblok: Opslaan als > Codering: UTF-8)",
            )
        ]
    if tekst.startswith("\ufeff"):
        ruw = ruw[3:]  # a byte order mark at the start is how some editors save UTF-8
    try:
        data = lees_yaml_tekst(ruw)
    except YamlFout as e:
        return None, [Melding(e.tekst, Bron(naam, e.regel, e.kolom), hint=e.hint)]
    if data is None:
        return None, [
            Melding(
                "bestand is leeg",
                Bron(naam, 1, 1),
                hint="een leeg bestand of alleen commentaar is geen regeling, hoofdstuk of wijziging",
            )
        ]
    return data, []
