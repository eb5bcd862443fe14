"""The writer: the only code that writes files.

A package is written into a fresh temporary folder next to its destination and moved into place
only when every document is there, so an error or an interrupted run never leaves a
half-written package, and the previous package stays as it was until the new one is complete.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from generator.errors import UitvoerFout
from generator.model.ids import ID


def veilige_naam(naam: str) -> str:
    """A relative file name inside a package; refuses anything that could leave the folder.

    >>> veilige_naam("raadsbesluit-hengelo.md")
    'raadsbesluit-hengelo.md'
    >>> veilige_naam("../regeling.yaml")
    Traceback (most recent call last):
    ...
    generator.errors.UitvoerFout: Ongeldige bestandsnaam in het pakket: '../regeling.yaml'
    """
    pad = PurePosixPath(naam)
    if pad.is_absolute() or any(deel in ("..", ".", "") for deel in pad.parts) or "\\" in naam or "\x00" in naam:
        raise UitvoerFout(f"Ongeldige bestandsnaam in het pakket: {naam!r}")
    return naam


def _umask() -> int:
    huidig = os.umask(0)
    os.umask(huidig)
    return huidig


def pakketmap(uitvoer: Path, *ids: str) -> Path:
    """`output/<regeling>/<wijziging>/`, built only from validated ids."""
    for i in ids:
        if not ID.match(i):
            raise UitvoerFout(f"Ongeldige id voor een uitvoermap: {i!r}")
    return uitvoer.joinpath(*ids)


def schrijf_pakket(doel: Path, bestanden: dict[str, bytes]) -> None:
    """Replace the folder `doel` by exactly `bestanden`, atomically as far as the OS allows."""
    namen = {veilige_naam(n): inhoud for n, inhoud in bestanden.items()}
    try:
        doel.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk = Path(tempfile.mkdtemp(prefix=f".{doel.name}.nieuw-", dir=doel.parent))
        os.chmod(tijdelijk, 0o777 & ~_umask())  # mkdtemp makes it private; a package is not
    except OSError as e:
        raise UitvoerFout(f"Kan de uitvoermap {doel.parent} niet aanmaken: {e.strerror}") from e
    try:
        for naam, inhoud in sorted(namen.items()):
            pad = tijdelijk / naam
            pad.parent.mkdir(parents=True, exist_ok=True)
            with open(pad, "wb") as f:
                f.write(inhoud)
                f.flush()
                os.fsync(f.fileno())
        oud = None
        if doel.exists():
            oud = doel.parent / f".{doel.name}.oud"
            if oud.exists():
                shutil.rmtree(oud)
            doel.rename(oud)
        tijdelijk.rename(doel)
        if oud is not None:
            shutil.rmtree(oud)
    except OSError as e:
        shutil.rmtree(tijdelijk, ignore_errors=True)
        raise UitvoerFout(f"Kan het pakket niet schrijven naar {doel}: {e.strerror}") from e
    except BaseException:
        shutil.rmtree(tijdelijk, ignore_errors=True)
        raise


def schrijf_nieuw_bestand(pad: Path, inhoud: bytes) -> None:
    """Write one new file whole or not at all, and never over an existing one: the content goes
    into a temporary file beside it, which is then linked to its name (a link fails if the name
    exists, also when another process made it in the meantime).
    """
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=pad.parent, prefix=f".{pad.name}.", delete=False) as tijdelijk:
            tijdelijk.write(inhoud)
            tijdelijk.flush()
            os.fsync(tijdelijk.fileno())
    except OSError as e:
        raise UitvoerFout(f"Kan {pad} niet schrijven: {e.strerror}") from e
    try:
        os.chmod(tijdelijk.name, 0o666 & ~_umask())
        os.link(tijdelijk.name, pad)
    except FileExistsError as e:
        raise UitvoerFout(f"{pad} bestaat al; grgen overschrijft het niet. Kies een andere naam of id, of verwijder het bestand eerst") from e
    except OSError as e:
        raise UitvoerFout(f"Kan {pad} niet schrijven: {e.strerror}") from e
    finally:
        os.unlink(tijdelijk.name)
