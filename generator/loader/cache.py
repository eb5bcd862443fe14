"""A cache of the read and checked project, so a command does not parse the same YAML again.

Reading a regeling of 1,000 artikelen from YAML, with the position of every value and every
check, takes a few tenths of a second; loading the model it gives from a pickle takes less. `lees_project_bewaard` reads the project through this cache:

- the key is a SHA-256 of everything the loader could read and of the code that reads it:
  every file under `regeling/` and every `wijzigingen/*.yaml|yml` (path and content), the project
  path, the Python version and the source of every grgen module. Any edit, added or removed
  file, or other grgen gives another key, so a stale entry can never be served;
- only a project without errors is stored (its warnings are part of the entry); an entry is
  written atomically, and the entries of older states of the project are removed;
- the cache is off unless the user names its folder (`GRGEN_CACHE=MAP`): grgen reads and
  writes nothing outside the project unless asked, and `grgen check` and `toon` leave a project
  (a CI checkout, a synced share) untouched. One subfolder per project.
  The folder carries its own `.gitignore` (`*`), so git ignores it wherever it is put; deleting
  it only costs one slow read. Entries of projects not used for 30 days are removed;
- an entry is signed (HMAC-SHA256) with a key readable by this user only: a pickle is code, so
  an entry someone else wrote is never unpickled. An entry without a valid signature, or one that
  cannot be read, is a miss and is overwritten.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from generator.loader import Project, lees_project

UIT = ("uit", "0", "nee", "off")
_HANDTEKENING = 32  # bytes of HMAC-SHA256 in front of the pickle
_BEWAARTIJD = 30 * 24 * 3600  # seconds an unused project's entry is kept


def cachemap() -> Path | None:
    """Where the entries live: the folder `GRGEN_CACHE` names; None (off) when it is unset or
    `uit`, because grgen writes outside the project only where the user asks it to."""
    keuze = os.environ.get("GRGEN_CACHE", "")
    if not keuze or keuze.lower() in UIT:
        return None
    return Path(keuze)


def lees_project_bewaard(map_: Path) -> Project:
    """`lees_project` through the cache: the same Project, from the pickle when nothing changed.

    >>> lees_project_bewaard(Path("/bestaat/niet"))
    Traceback (most recent call last):
    ...
    generator.errors.GebruiksFout: De projectmap /bestaat/niet bestaat niet; geef met -C een bestaande map met regeling/ en wijzigingen/
    """
    basis = cachemap()
    try:
        if basis is None or not (map_ / "regeling").is_dir():
            return lees_project(map_)
        sleutel = _geheim(basis)
        if sleutel is None:
            return lees_project(map_)
        naam = sleutel_van(map_)
        map_cache = projectmap(basis, map_)
    except OSError:  # a folder or file that cannot be read: the loader says so, in Dutch
        return lees_project(map_)
    bewaard = _lees(map_cache / f"{naam}.pickle", sleutel)
    if bewaard is not None:
        try:
            os.utime(map_cache / f"{naam}.pickle")  # in use: not pruned
        except OSError:
            pass
        # The key holds the absolute path: "-C ." and "-C /pad/naar/project" share one entry.
        return dataclasses.replace(bewaard, map=map_)
    project = lees_project(map_)  # raises on any error: only a clean read is stored
    _schrijf(basis, map_cache, naam, project, sleutel)
    return project


def projectmap(basis: Path, map_: Path) -> Path:
    """The subfolder of one project: named by a hash of its absolute path."""
    return basis / "projecten" / hashlib.sha256(str(map_.resolve()).encode()).hexdigest()[:24]


def sleutel_van(map_: Path) -> str:
    """The content hash of everything `lees_project(map_)` can read, and of the code reading it."""
    h = hashlib.sha256()
    h.update(f"{sys.version}\0{map_.resolve()}\0{_codehash()}\0".encode())
    bestanden = [p for p in (map_ / "regeling").rglob("*") if p.is_file()]
    wijzigingen = map_ / "wijzigingen"
    if wijzigingen.is_dir():
        bestanden += [p for p in wijzigingen.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()]
    for pad in sorted(bestanden):
        data = pad.read_bytes()
        h.update(f"{pad.relative_to(map_).as_posix()}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


_CODE: list[str] = []


def _codehash() -> str:
    """The source of every grgen module: another grgen (a checkout, an upgrade) gets other keys."""
    if not _CODE:
        h = hashlib.sha256()
        pakket = Path(__file__).resolve().parent.parent
        for pad in sorted(pakket.rglob("*.py")):
            h.update(pad.relative_to(pakket).as_posix().encode() + b"\0" + pad.read_bytes())
        _CODE.append(h.hexdigest())
    return _CODE[0]


def _geheim(basis: Path) -> bytes | None:
    """This user's signing key (made once, readable by the user only); None when there is no
    place for it, and then nothing is cached."""
    pad = basis / "sleutel"
    try:
        if pad.is_file() and len(data := pad.read_bytes()) == 32:
            return data
        basis.mkdir(parents=True, exist_ok=True, mode=0o700)
        negeer = basis / ".gitignore"
        if not negeer.exists():
            _atomisch(negeer, b"# grgen's cache of read projects (grgen check, toon, ...); safe to delete\n*\n")
        _atomisch(pad, os.urandom(32), modus=0o600)
        data = pad.read_bytes()
    except OSError:
        return None
    return data if len(data) == 32 else None


def _lees(pad: Path, sleutel: bytes) -> Project | None:
    try:
        data = pad.read_bytes()
    except OSError:
        return None
    handtekening, inhoud = data[:_HANDTEKENING], data[_HANDTEKENING:]
    if not hmac.compare_digest(handtekening, hmac.digest(sleutel, inhoud, "sha256")):
        return None  # not written by this user's grgen: never unpickled
    try:
        project = pickle.loads(inhoud)  # noqa: S301 - signed with this user's key above
    except Exception:  # noqa: BLE001 - an unreadable entry is a cache miss, nothing more
        return None
    return project if isinstance(project, Project) else None


def _schrijf(basis: Path, map_cache: Path, naam: str, project: Project, sleutel: bytes) -> None:
    """Store an entry; remove the project's older states and projects unused for long. A cache
    that cannot be written is skipped: it only makes the next command slower."""
    try:
        map_cache.mkdir(parents=True, exist_ok=True)
        inhoud = pickle.dumps(project, protocol=pickle.HIGHEST_PROTOCOL)
        _atomisch(map_cache / f"{naam}.pickle", hmac.digest(sleutel, inhoud, "sha256") + inhoud)
        for oud in map_cache.glob("*.pickle"):
            if oud.stem != naam:
                oud.unlink(missing_ok=True)
        grens = time.time() - _BEWAARTIJD
        for oud in (basis / "projecten").glob("*/*.pickle"):
            if oud.stat().st_mtime < grens:
                oud.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, RecursionError):
        return


def _atomisch(pad: Path, data: bytes, modus: int | None = None) -> None:
    with tempfile.NamedTemporaryFile(dir=pad.parent, prefix=f".{pad.name}.", delete=False) as tijdelijk:
        tijdelijk.write(data)
    if modus is not None:
        os.chmod(tijdelijk.name, modus)
    os.replace(tijdelijk.name, pad)


def code_opslag(soort: str) -> tuple[Callable[[str], bytes | None], Callable[[str, bytes], None]] | None:
    """(read, store) of signed entries of another kind in the cache folder (`soort`, e.g.
    "sjablonen": Jinja's compiled templates), or None when the cache is off or has no key.

    The same rules as for projects: off unless `GRGEN_CACHE` names the folder; an entry is
    code, so one this user's grgen did not sign is never used; the reader checks that an entry
    fits (Jinja checks the checksum of the template source), so a stale entry is a miss. A
    cache that cannot be written is skipped.
    """
    basis = cachemap()
    sleutel = _geheim(basis) if basis is not None else None
    if basis is None or sleutel is None:
        return None
    map_ = basis / soort
    # Entries of another grgen (its templates' environment may differ) are never read, and are
    # removed by the first store of this one.
    versie = _codehash()[:16]
    opgeruimd: list[bool] = []

    def lees(naam: str) -> bytes | None:
        try:
            data = (map_ / f"{versie}-{naam}").read_bytes()
        except OSError:
            return None
        handtekening, inhoud = data[:_HANDTEKENING], data[_HANDTEKENING:]
        return inhoud if hmac.compare_digest(handtekening, hmac.digest(sleutel, inhoud, "sha256")) else None

    def bewaar(naam: str, inhoud: bytes) -> None:
        try:
            map_.mkdir(parents=True, exist_ok=True)
            _atomisch(map_ / f"{versie}-{naam}", hmac.digest(sleutel, inhoud, "sha256") + inhoud)
            if not opgeruimd:
                opgeruimd.append(True)
                for oud in map_.iterdir():
                    if not oud.name.startswith(versie):
                        oud.unlink(missing_ok=True)
        except OSError:
            return

    return lees, bewaar
