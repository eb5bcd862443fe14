"""The rule engine of `grgen check`: run every rule over every version, collect the findings.

A rule (`Regel`) is data: an id, its legal source, a severity, a one-line description and a pure
function that looks at one version (`Zicht`) and yields what it finds (`Vondst`). Rules that
judge an amendment rather than a text (`alleen_wijzigingen`) only see versions produced by an
amendment, with the `Toepassing` that produced them.

The engine runs the rules over the base version and every amended version. A problem that
survives several versions unchanged (same rule, element, address and text) is reported once,
naming every version it concerns, at the position where it first appeared.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence

from generator.controles import geheugen as _geheugen
from generator.errors import FOUT, GEEN_BRON, WAARSCHUWING, Bron, Melding
from generator.model import Deelnemer, Element, Plek, Regeling, Versie
from generator.wijzigen.motor import Toepassing
from generator.wijzigen.tijdlijn import Geschiedenis


@dataclasses.dataclass(frozen=True)
class Zicht:
    """What a rule sees: one version, the versions before it, and the amendment that made it."""

    versie: Versie
    eerdere: tuple[Versie, ...] = ()
    toepassing: Toepassing | None = None
    latere: tuple[Versie, ...] = ()  # the versions after it, for rules on what a later amendment repairs
    # What rules keep between the versions of one timeline (`controles.geheugen`): shared by the
    # views `zichten` makes; a view made on its own starts empty and computes everything.
    geheugen: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)

    @property
    def vastgesteld(self) -> bool:
        """Whether this version is adopted (the base, or an amendment in stadium vastgesteld):
        its text is history and can only be changed by a later amendment."""
        return self.toepassing is None or self.toepassing.wijziging.stadium == "vastgesteld"

    @property
    def regeling(self) -> Regeling:
        return self.versie.regeling

    @property
    def deelnemers(self) -> tuple[Deelnemer, ...]:
        """The deelnemers taking part on the day this version takes effect."""
        return self.versie.deelnemers_op()

    @property
    def bron(self) -> Bron:
        """Where this version was written: the amendment file, or regeling.yaml for the base."""
        if self.toepassing is not None:
            return self.toepassing.wijziging.bron
        return self.regeling.bron

    def plekken(self) -> Iterable[Plek]:
        return self.regeling.elementen()

    def artikelen_over(self, onderwerp: str) -> list[Element]:
        """The artikelen that declare `onderwerp` in their `onderwerpen`."""
        return _geheugen.versiegeheugen(self.geheugen).artikelen_over(self.regeling, onderwerp)


@dataclasses.dataclass(frozen=True)
class Vondst:
    """What a rule found: the problem, where, and what to do about it."""

    tekst: str
    bron: Bron = GEEN_BRON
    adres: str | None = None
    hint: str | None = None
    element_id: str | None = None  # stable id, so that the same problem in later versions merges


Controle = Callable[[Zicht], Iterable[Vondst]]


@dataclasses.dataclass(frozen=True)
class Regel:
    """One legal check: what it checks, on which legal source it rests, and how serious it is."""

    id: str
    bron: str  # the legal source: "Wgr art. 9, eerste lid", "Ar 3.29"
    ernst: str  # FOUT or WAARSCHUWING
    omschrijving: str
    controle: Controle = dataclasses.field(repr=False, compare=False)
    alleen_wijzigingen: bool = False  # judges an amendment: runs only on amended versions

    def __post_init__(self) -> None:
        if self.ernst not in (FOUT, WAARSCHUWING):
            raise ValueError(f"ernst van regel {self.id} moet '{FOUT}' of '{WAARSCHUWING}' zijn")

    @property
    def label(self) -> str:
        """How a message names the rule: its id and its legal source.

        >>> Regel("wgr-10-belang", "Wgr art. 10", "fout", "", lambda z: ()).label
        'wgr-10-belang (Wgr art. 10)'
        """
        return f"{self.id} ({self.bron})"


@dataclasses.dataclass(frozen=True)
class Bevinding:
    """A finding as reported: the rule, the versions it concerns, and what was found."""

    regel: Regel
    versies: tuple[str, ...]
    vondst: Vondst
    ernst: str

    def als_melding(self, alle_versies: Sequence[str] = ()) -> Melding:
        """The finding as a one-line `Melding`: file:line, severity, rule and source, version,
        address, text and suggestion."""
        label = versielabel(self.versies, alle_versies)
        adres = f"[{label}] {self.vondst.adres}" if self.vondst.adres else f"[{label}]"
        return Melding(self.vondst.tekst, self.vondst.bron, adres, self.vondst.hint, self.ernst, self.regel.label)


def versielabel(versies: Sequence[str], alle_versies: Sequence[str]) -> str:
    """Name the versions a finding concerns; a run of consecutive versions as "X t/m Y".

    >>> versielabel(["2017"], [])
    'versie 2017'
    >>> versielabel(["b", "c", "d"], ["a", "b", "c", "d"])
    'versies b t/m d'
    >>> versielabel(["a", "c"], ["a", "b", "c"])
    'versies a, c'
    """
    if len(versies) == 1:
        return f"versie {versies[0]}"
    posities = [alle_versies.index(v) for v in versies] if all(v in alle_versies for v in versies) else []
    if len(versies) > 2 and posities and posities == list(range(posities[0], posities[0] + len(posities))):
        return f"versies {versies[0]} t/m {versies[-1]}"
    return "versies " + ", ".join(versies)


def zichten(geschiedenis: Geschiedenis) -> list[Zicht]:
    """One view per version, in the order of the timeline."""
    versies = geschiedenis.tijdlijn.versies
    gedeeld: dict = {}
    uit = []
    for i, versie in enumerate(versies):
        toepassing = geschiedenis.toepassingen[i - 1] if i > 0 else None
        uit.append(Zicht(versie, tuple(versies[:i]), toepassing, tuple(versies[i + 1 :]), gedeeld))
    return uit


def kies_regels(regels: Iterable[Regel], negeer: Iterable[str] = ()) -> list[Regel]:
    """The rules left after `negeer`: rule ids or prefixes ("wgr" ignores every wgr-* rule).

    >>> r = [Regel(i, "", "fout", "", lambda z: ()) for i in ("wgr-10-belang", "ar-3.29-vorm")]
    >>> [x.id for x in kies_regels(r, ["wgr"])]
    ['ar-3.29-vorm']
    """
    weg = tuple(n.strip() for n in negeer if n.strip())
    return [r for r in regels if not any(r.id == n or r.id.startswith(n.rstrip("-") + "-") for n in weg)]


def controleer(geschiedenis: Geschiedenis, regels: Iterable[Regel]) -> list[Bevinding]:
    """Run `regels` over every version of a regeling; the same problem in several versions once."""
    regels = list(regels)
    gevonden: dict[tuple, list] = {}
    for zicht in zichten(geschiedenis):
        # A superseded version keeps no index (`bouw_geschiedenis`); a rule may rebuild it, and
        # it is dropped again after this version, so a long chain does not hold one per version.
        had_index = "index" in zicht.regeling.__dict__
        for regel in regels:
            if regel.alleen_wijzigingen and zicht.toepassing is None:
                continue
            for vondst in regel.controle(zicht):
                sleutel = (regel.id, vondst.element_id, vondst.adres, vondst.tekst, vondst.hint)
                if sleutel in gevonden:
                    versies = gevonden[sleutel][1]
                    if versies[-1] != zicht.versie.id:  # the same words twice in one text: one version
                        versies.append(zicht.versie.id)
                else:
                    gevonden[sleutel] = [regel, [zicht.versie.id], vondst]
        if not had_index:
            zicht.regeling.zonder_index()
    return [Bevinding(regel, tuple(versies), vondst, regel.ernst) for regel, versies, vondst in gevonden.values()]


def streng(bevindingen: Iterable[Bevinding]) -> list[Bevinding]:
    """`--strict`: every warning becomes an error."""
    return [dataclasses.replace(b, ernst=FOUT) for b in bevindingen]
