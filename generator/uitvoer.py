"""The writer: the only code that writes files.

Packages are written all or nothing. Every package of a build is first written into a fresh
temporary folder next to its destination; only when all of them are complete are they moved into
place, and if one of those moves fails the ones already moved are put back. The previous packages
stay as they were until the new ones are complete.

grgen writes only inside `output/` of the project (and to the one file a user names with `-o`,
never a source file). It never follows a symbolic link when writing, replacing or deleting: an
`output/` (or a folder in it) that is a symbolic link is refused.

Temporary folders carry a name only grgen uses (`.grgen-tmp-<pakket>-XXXX`, and
`.grgen-oud-<pakket>` for the previous package while it is being replaced). A build that was
killed leaves them behind; the next build removes them (or, when the kill came between the two
moves, puts the previous package back) before it writes.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from generator.errors import UitvoerFout, reden, relatief
from generator.model.ids import ID

TIJDELIJK = ".grgen-tmp-"
OUD = ".grgen-oud-"
# Leftovers of grgen's own writers: the current names, and those of grgen before 0.x wrote with
# `.<pakket>.nieuw-XXXX` and `.<pakket>.oud`.
_RESTEN = re.compile(r"^(?:\.grgen-tmp-.*|\.grgen-oud-(?P<oud>.+)|\.(?P<id>[a-z0-9][a-z0-9._-]*)\.(?:nieuw-[A-Za-z0-9_]+|oud))$")


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


def _controleer_pad(project: Path, doel: Path) -> None:
    """Refuse a destination that leads through a symbolic link or has a file where a folder belongs.

    Every part from the project folder down to `doel` that exists must be a real folder.
    """
    deel = project
    for naam in doel.relative_to(project).parts:
        deel = deel / naam
        try:
            status = deel.lstat()
        except FileNotFoundError:
            return  # the rest is created by the writer
        except OSError as e:
            raise UitvoerFout(f"Kan {relatief(deel, project)} niet gebruiken als uitvoermap: {reden(e)}") from e
        if stat.S_ISLNK(status.st_mode):
            raise UitvoerFout(
                f"{relatief(deel, project)} is een symbolische koppeling (naar {os.readlink(deel)}); grgen schrijft alleen in de "
                "uitvoermap van het project en volgt daar geen koppelingen; verwijder de koppeling"
            )
        if not stat.S_ISDIR(status.st_mode):
            raise UitvoerFout(
                f"{relatief(deel, project)} is een bestand, geen map; grgen schrijft daar een pakket en overschrijft geen bestand "
                "dat het niet zelf maakte; verwijder of hernoem het bestand"
            )


def ruim_op(map_: Path) -> None:
    """Remove grgen's own leftovers in `map_` (a folder of packages); put back a previous package
    whose replacement was interrupted between its two moves. Touches nothing else."""
    try:
        namen = sorted(os.listdir(map_))
    except FileNotFoundError:
        return
    except OSError as e:
        raise UitvoerFout(f"Kan de uitvoermap {map_} niet lezen: {reden(e)}") from e
    for naam in namen:
        m = _RESTEN.match(naam)
        pad = map_ / naam
        if m is None or not stat.S_ISDIR(pad.lstat().st_mode):
            continue  # not grgen's, or not a folder grgen made (a symbolic link is never followed)
        pakket = m["oud"] or (m["id"] if naam.endswith(".oud") else None)
        try:
            if pakket and not os.path.lexists(map_ / pakket):
                os.rename(pad, map_ / pakket)
            else:
                shutil.rmtree(pad)
        except OSError as e:
            raise UitvoerFout(f"Kan de resten van een afgebroken bouw niet opruimen ({pad}): {reden(e)}") from e


def _schrijf_map(doel: Path, bestanden: dict[str, bytes]) -> Path:
    """Write `bestanden` into a new temporary folder next to `doel`; return that folder."""
    tijdelijk = Path(tempfile.mkdtemp(prefix=f"{TIJDELIJK}{doel.name}-", dir=doel.parent))
    try:
        os.chmod(tijdelijk, 0o777 & ~_umask())  # mkdtemp makes it private; a package is not
        paden = []
        for naam, inhoud in sorted(bestanden.items()):
            pad = tijdelijk / naam
            pad.parent.mkdir(parents=True, exist_ok=True)
            with open(pad, "xb") as f:
                f.write(inhoud)
            paden.append(pad)
        _op_schijf(tijdelijk, paden)
    except BaseException:
        shutil.rmtree(tijdelijk, ignore_errors=True)
        raise
    return tijdelijk


def _op_schijf(map_: Path, paden: list[Path]) -> None:
    """Every file of a package on disk before it is moved into place: on Linux one `syncfs` of
    the file system (one journal commit; an fsync per file cost 3 ms each, 0.4 s for the 121
    files of the bundled project), elsewhere, or when that fails, an fsync per file."""
    if sys.platform.startswith("linux"):
        import ctypes  # only here: the one system call the os module lacks

        fd = os.open(map_, os.O_RDONLY)
        try:
            if ctypes.CDLL(None, use_errno=True).syncfs(fd) == 0:
                return
        except (OSError, AttributeError):  # no syncfs in this C library
            pass
        finally:
            os.close(fd)
    for pad in paden:
        fd = os.open(pad, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _controleer_namen(bestanden: dict[str, bytes]) -> None:
    """Refuse a package in which one name is both a file and a folder (`index.md` and `index.md/x`)."""
    namen = {veilige_naam(n) for n in bestanden}
    for naam in sorted(namen):
        for ouder in PurePosixPath(naam).parents:
            if str(ouder) in namen:
                raise UitvoerFout(f"In het pakket is '{ouder}' zowel een bestand als een map (met {naam}); kies een andere naam")


def schrijf_pakketten(project: Path, pakketten: dict[Path, dict[str, bytes]]) -> None:
    """Replace each folder in `pakketten` (inside `project`/output) by exactly its files, all or none.

    Checked first for every package: the path has no symbolic link and no file in the way. Then
    every package is written to a temporary folder; only then are they moved into place.
    """
    for doel, bestanden in pakketten.items():
        _controleer_pad(project, doel)
        _controleer_namen(bestanden)
    for ouder in dict.fromkeys(doel.parent for doel in pakketten):
        try:
            ouder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise UitvoerFout(f"Kan de uitvoermap {relatief(ouder, project)} niet aanmaken: {reden(e)}") from e
        ruim_op(ouder)
    klaar: dict[Path, Path] = {}
    try:
        for doel, bestanden in pakketten.items():
            try:
                klaar[doel] = _schrijf_map(doel, bestanden)
            except OSError as e:
                raise UitvoerFout(f"Kan het pakket niet schrijven naar {relatief(doel, project)}: {reden(e)}; er is niets gewijzigd") from e
        _verplaats(project, klaar)
    finally:
        for tijdelijk in klaar.values():
            if os.path.lexists(tijdelijk):
                shutil.rmtree(tijdelijk, ignore_errors=True)


def _verplaats(project: Path, klaar: dict[Path, Path]) -> None:
    """Move every written package into place; on a failure put back what was already moved."""
    gedaan: list[tuple[Path, Path | None]] = []  # (doel, its previous package moved aside)
    huidig = project
    try:
        for doel, tijdelijk in klaar.items():
            huidig, oud = doel, None
            if os.path.lexists(doel):
                oud = doel.parent / f"{OUD}{doel.name}"
                os.rename(doel, oud)
            gedaan.append((doel, oud))
            os.rename(tijdelijk, doel)
    except BaseException as e:  # also SIGTERM (SystemExit) or Ctrl+C between two moves
        for doel, oud in reversed(gedaan):
            if os.path.lexists(doel):  # the new package: back to its temporary name, removed later
                os.rename(doel, klaar[doel])
            if oud is not None:
                os.rename(oud, doel)
        if not isinstance(e, OSError):
            raise
        raise UitvoerFout(
            f"Kan het pakket {relatief(huidig, project)} niet op zijn plaats zetten: {reden(e)}; er is niets gewijzigd"
        ) from e
    for _, oud in gedaan:
        if oud is not None:
            shutil.rmtree(oud)


def schrijf_pakket(doel: Path, bestanden: dict[str, bytes], project: Path | None = None) -> None:
    """Replace the folder `doel` by exactly `bestanden` (see `schrijf_pakketten`)."""
    schrijf_pakketten(project or doel.parent, {doel: bestanden})


# The folders of a project that hold its sources: `-o` may never name a file in them.
BRONMAPPEN = ("regeling", "wijzigingen", "sjablonen")


def schrijf_bestand(pad: Path, data: bytes, project: Path) -> None:
    """Write one file (`-o`) whole or not at all: into a temporary file next to it, then moved
    into place. A source file of `project` is never overwritten, also not through a link."""
    _geen_bronbestand(pad, project)
    _via_tijdelijk(pad, data, os.replace)


def _geen_bronbestand(pad: Path, project: Path) -> None:
    """Refuse a path in the source folders of `project` (also through a link)."""
    try:
        echt = pad.resolve()
        bronnen = [(project / m).resolve() for m in BRONMAPPEN]
    except (OSError, RuntimeError, ValueError) as e:
        raise UitvoerFout(f"Kan {pad} niet schrijven: {reden(e) if isinstance(e, OSError) else 'ongeldige naam'}") from e
    for bronmap in bronnen:
        if echt.is_relative_to(bronmap):
            raise UitvoerFout(
                f"{pad} ligt in {bronmap.name}/ van het project: grgen overschrijft geen bronbestand; kies een bestand buiten "
                f"{', '.join(m + '/' for m in BRONMAPPEN)}, bijv. in de projectmap zelf"
            )


def schrijf_nieuw_bestand(pad: Path, inhoud: bytes, project: Path | None = None) -> None:
    """Write one new file whole or not at all, and never over an existing one: the content goes
    into a temporary file beside it, which is then linked to its name (a link fails if the name
    exists, also when another process made it in the meantime). With `project`, a path in its
    source folders is refused (a document such as an ontwerp); without, the caller writes a
    source file on purpose (`grgen afleiden`: a new file in wijzigingen/).
    """
    if project is not None:
        _geen_bronbestand(pad, project)
    _via_tijdelijk(pad, inhoud, os.link)


def _via_tijdelijk(pad: Path, inhoud: bytes, plaats: Callable[[str, Path], None]) -> None:
    """Write `inhoud` to a temporary file beside `pad`, then put it in place with `plaats`:
    `os.replace` (whole or not at all) or `os.link` (fails if the name exists). The temporary
    file gets the mode a new file would get (umask), and is gone afterwards in every case."""
    tijdelijk = None
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=pad.parent, prefix=f"{TIJDELIJK}{pad.name}-", delete=False) as f:
            tijdelijk = f.name
            f.write(inhoud)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tijdelijk, 0o666 & ~_umask())
        plaats(tijdelijk, pad)
    except FileExistsError as e:
        raise UitvoerFout(
            f"{pad} bestaat al; grgen overschrijft het niet. Kies een andere naam of id, of verwijder het bestand eerst"
        ) from e
    except OSError as e:
        raise UitvoerFout(f"Kan {pad} niet schrijven: {reden(e)}") from e
    finally:
        if tijdelijk is not None and os.path.lexists(tijdelijk):
            os.unlink(tijdelijk)


def schrijf_nieuw(map_: Path, bestanden: dict[str, bytes]) -> tuple[list[Path], list[Path]]:
    """Write files that do not exist yet, never replacing one: (written, left alone because present).

    Each file is created exclusively (no file, no symbolic link is ever replaced), and no folder
    on the way may be a symbolic link.
    """
    geschreven: list[Path] = []
    bestaand: list[Path] = []
    for naam, inhoud in sorted(bestanden.items()):
        pad = map_ / veilige_naam(naam)
        _controleer_pad(map_, pad.parent)
        try:
            pad.parent.mkdir(parents=True, exist_ok=True)
            with open(pad, "xb") as f:
                f.write(inhoud)
        except FileExistsError:
            bestaand.append(pad)
            continue
        except OSError as e:
            raise UitvoerFout(f"Kan {pad} niet schrijven: {reden(e)}") from e
        geschreven.append(pad)
    return geschreven, bestaand
