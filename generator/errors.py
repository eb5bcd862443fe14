"""The domain errors of grgen: one small hierarchy rooted in `click.ClickException`.

Every message a user reads is Dutch and names the file, line and column (1-based, as editors
show them), the element's address when there is one, and what would be allowed. Validation
collects `Melding`s and raises them together, so a user fixes all problems in one round.

Exit codes, like git and mkdocs: 0 success, 1 invalid input (`GrgenFout`), 2 usage error
(click's own `UsageError`).
"""

from __future__ import annotations

import dataclasses
import errno
import itertools
import os
from collections.abc import Iterable
from pathlib import Path

import click


@dataclasses.dataclass(frozen=True, slots=True)
class Bron:
    """Where something was written: file and 1-based line and column.

    >>> str(Bron("regeling/x/regeling.yaml", 3, 5))
    'regeling/x/regeling.yaml:3:5'
    """

    bestand: str
    regel: int = 0
    kolom: int = 0

    def __str__(self) -> str:
        if not self.regel:
            return self.bestand
        return f"{self.bestand}:{self.regel}:{self.kolom}" if self.kolom else f"{self.bestand}:{self.regel}"


GEEN_BRON = Bron("<gegenereerd>")

FOUT = "fout"
WAARSCHUWING = "waarschuwing"


@dataclasses.dataclass(frozen=True, slots=True)
class Melding:
    """One finding: a problem with its place, the element, and what is allowed.

    >>> print(Melding("onbekende sleutel 'tekts'", Bron("a.yaml", 4, 3), adres="artikel 2",
    ...               hint="bedoelde u 'tekst'?"))
    a.yaml:4:3: fout: artikel 2: onbekende sleutel 'tekts'; bedoelde u 'tekst'?
    """

    tekst: str
    bron: Bron = GEEN_BRON
    adres: str | None = None
    hint: str | None = None
    ernst: str = FOUT
    regel: str | None = None  # the rule and its legal source, for `grgen check`

    def __str__(self) -> str:
        delen = [f"{self.bron}: {self.ernst}:"]
        if self.regel:
            delen.append(f"[{self.regel}]")
        if self.adres:
            delen.append(f"{self.adres}:")
        zin = self.tekst + (f"; {self.hint}" if self.hint else "")
        return " ".join(delen) + " " + zin


class GrgenFout(click.ClickException):
    """Base of every error grgen reports to its user (exit code 1)."""

    exit_code = 1

    def __init__(self, bericht: str, meldingen: Iterable[Melding] = ()) -> None:
        super().__init__(bericht)
        self.meldingen: tuple[Melding, ...] = tuple(meldingen)

    def format_message(self) -> str:
        if not self.meldingen:
            return self.message
        regels = [str(m) for m in self.meldingen]
        aantal = sum(1 for m in self.meldingen if m.ernst == FOUT)
        kop = f"{self.message} ({aantal} {'fout' if aantal == 1 else 'fouten'}):"
        return "\n".join([kop, *("  " + r for r in regels)])

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo("fout: " + self.format_message(), err=True, file=file)


class GebruiksFout(GrgenFout):
    """The command was called wrongly (e.g. -C names no folder): exit code 2, like click's own."""

    exit_code = 2


class InvoerFout(GrgenFout):
    """The YAML of a regeling or wijziging cannot be read or does not fit the format."""


class WijzigingFout(GrgenFout):
    """An amendment does not fit the version it is applied to."""


class DiffFout(GrgenFout):
    """An error in `grgen diff`: exits 2, like diff(1), because 1 means "different"."""

    exit_code = 2


class SjabloonFout(GrgenFout):
    """A template cannot be rendered (syntax error, unknown variable)."""


class UitvoerFout(GrgenFout):
    """The output folder cannot be written."""


class ConversieFout(GrgenFout):
    """LibreOffice, needed for the PDF files, is missing or fails."""


class WerkprocesFout(GrgenFout):
    """A worker process of `bouw` stopped before it was done (killed: out of memory, or from
    outside): no fault of the input, so exit code 3, as an internal error."""

    exit_code = 3


class Verzamelaar:
    """Collects `Melding`s during validation and raises them all at once.

    >>> v = Verzamelaar()
    >>> v.fout("lege tekst", Bron("a.yaml", 2, 1))
    >>> v.heeft_fouten
    True
    """

    def __init__(self) -> None:
        self.meldingen: list[Melding] = []
        # The errors among meldingen[:_geteld]: the loader asks for the count twice per element,
        # and counting the whole list each time made 10,000 errors take seconds (n²). meldingen
        # is only ever appended to (`fout`, `waarschuwing`, `meldingen.extend`).
        self._geteld = 0
        self._fouten = 0

    def fout(self, tekst: str, bron: Bron = GEEN_BRON, adres: str | None = None, hint: str | None = None) -> None:
        self.meldingen.append(Melding(tekst, bron, adres, hint))

    def waarschuwing(self, tekst: str, bron: Bron = GEEN_BRON, adres: str | None = None, hint: str | None = None) -> None:
        self.meldingen.append(Melding(tekst, bron, adres, hint, ernst=WAARSCHUWING))

    @property
    def aantal_fouten(self) -> int:
        if self._geteld < len(self.meldingen):
            self._fouten += sum(1 for m in itertools.islice(self.meldingen, self._geteld, None) if m.ernst == FOUT)
            self._geteld = len(self.meldingen)
        return self._fouten

    @property
    def heeft_fouten(self) -> bool:
        return self.aantal_fouten > 0

    def stop_bij_fouten(self, bericht: str, soort: type[GrgenFout] = InvoerFout) -> None:
        """Raise `soort` with every collected message when at least one is an error."""
        if self.heeft_fouten:
            raise soort(bericht, sorted(self.meldingen, key=_volgorde))


def _volgorde(m: Melding) -> tuple[str, int, int]:
    return (m.bron.bestand, m.bron.regel, m.bron.kolom)


# Operating-system errors as a Dutch reader should see them (strerror is English).
_OS_REDENEN = {
    errno.ENOENT: "bestaat niet",
    errno.EACCES: "geen toegang (rechten)",
    errno.EPERM: "niet toegestaan (rechten of beveiligd bestand)",
    errno.EISDIR: "is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.EEXIST: "bestaat al",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ELOOP: "te veel symbolische koppelingen (een koppeling die naar zichzelf verwijst?)",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte (quota) is op",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.EIO: "invoer-/uitvoerfout van het apparaat",
    errno.EPIPE: "de ontvanger is gesloten (pijp)",
    errno.EBADF: "de uitvoer is gesloten",
    errno.ENOTEMPTY: "de map is niet leeg",
    errno.EXDEV: "ligt op een ander bestandssysteem",
    errno.EBUSY: "is in gebruik",
}


def reden(fout: OSError) -> str:
    """Why an operating-system call failed, in Dutch.

    >>> reden(OSError(errno.ENOSPC, "No space left on device"))
    'de schijf is vol'
    """
    if fout.errno in _OS_REDENEN:
        return _OS_REDENEN[fout.errno]
    return f"systeemfout {errno.errorcode.get(fout.errno or 0, fout.errno)}"


def relatief(pad: Path, basis: Path) -> str:
    """A path as the user should read it: relative to the project folder when possible.

    Named as given when it lies in the project as written; otherwise with its folders resolved
    (not the file itself: a symbolic link is named where it is, not where it points).
    """
    try:
        return str(Path(os.path.normpath(pad)).relative_to(os.path.normpath(basis)))
    except ValueError:
        pass
    try:
        return str((pad.parent.resolve() / pad.name).relative_to(basis.resolve()))
    except ValueError:
        return str(pad)
