"""Bestuursorganen and the bodies they belong to, as data (Wgr art. 1, 8; Provinciewet; Waterschapswet).

One row per organ: its name, article, plural, who signs its besluiten, which organ of the same
body gives toestemming when it takes part in a regeling, and the file names of the documents
addressed to it. One row per kind of body (`LICHAMEN`): its article, plural, the organs it may
take part with and those it takes part with when the data names none. Templates and the besluit
wording take names and agreement from here, never from string fixes.

>>> ORGANEN["algemeen bestuur"].met_lidwoord
'het algemeen bestuur'
>>> ORGANEN["raad"].meervoud
'raden'
>>> ORGANEN["gedeputeerde staten"].met_lidwoord, ORGANEN["gedeputeerde staten"].meervoudig
('gedeputeerde staten', True)
>>> ORGANEN["burgemeester"].toestemming, ORGANEN["raad"].toestemming
('raad', None)
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Orgaan:
    """A bestuursorgaan: "het college van burgemeester en wethouders", signed by two officers."""

    naam: str  # "college van burgemeester en wethouders"
    lidwoord: str  # "het", "de", or "" for a name used without article ("gedeputeerde staten")
    meervoud: str  # "colleges van burgemeester en wethouders"
    ondertekenaars: tuple[str, ...]  # who signs its besluiten, in signing order
    toestemming: str | None = None  # the organ of the same body that consents to its taking part
    kort: str = ""  # the name in running text and field labels: "college"
    besluit: str = ""  # file name (without extension) of its besluit in a package
    voorstel: str = ""  # file name of the proposal to it, when it decides or consents
    brief: str = ""  # file name of the letter asking its zienswijze
    meervoudig: bool = False  # the name itself is plural ("provinciale staten ... hebben")

    @property
    def met_lidwoord(self) -> str:
        return f"{self.lidwoord} {self.naam}" if self.lidwoord else self.naam

    @property
    def korte_naam(self) -> str:
        return self.kort or self.naam

    @property
    def het_kort(self) -> str:
        """ "het college", "de raad", "gedeputeerde staten"."""
        return f"{self.lidwoord} {self.korte_naam}" if self.lidwoord else self.korte_naam

    def vervoeg(self, enkelvoud: str, meervoud: str) -> str:
        """The verb agreeing with this organ as subject.

        >>> ORGANEN["raad"].vervoeg("treedt", "treden"), ORGANEN["provinciale staten"].vervoeg("treedt", "treden")
        ('treedt', 'treden')
        """
        return meervoud if self.meervoudig else enkelvoud


def _orgaan(naam: str, lidwoord: str, meervoud: str, ondertekenaars: tuple[str, ...], **rest: object) -> Orgaan:
    return Orgaan(naam, lidwoord, meervoud, ondertekenaars, **rest)  # type: ignore[arg-type]


# In the order an aanhef names them: the organs that represent the body first.
ORGANEN: dict[str, Orgaan] = {
    "raad": _orgaan(
        "raad",
        "de",
        "raden",
        ("griffier", "voorzitter"),
        besluit="raadsbesluit",
        voorstel="raadsvoorstel",
        brief="zienswijzebrief",
    ),
    "college van burgemeester en wethouders": _orgaan(
        "college van burgemeester en wethouders",
        "het",
        "colleges van burgemeester en wethouders",
        ("secretaris", "burgemeester"),
        toestemming="raad",
        kort="college",
        besluit="collegebesluit",
    ),
    "burgemeester": _orgaan("burgemeester", "de", "burgemeesters", ("burgemeester",), toestemming="raad", besluit="besluit-burgemeester"),
    "provinciale staten": _orgaan(
        "provinciale staten",
        "",
        "provinciale staten",
        ("griffier", "voorzitter"),
        besluit="statenbesluit",
        voorstel="statenvoorstel",
        brief="zienswijzebrief-staten",
        meervoudig=True,
    ),
    "gedeputeerde staten": _orgaan(
        "gedeputeerde staten",
        "",
        "gedeputeerde staten",
        ("secretaris", "voorzitter"),
        toestemming="provinciale staten",
        besluit="besluit-gedeputeerde-staten",
        meervoudig=True,
    ),
    "commissaris van de Koning": _orgaan(
        "commissaris van de Koning",
        "de",
        "commissarissen van de Koning",
        ("commissaris van de Koning",),
        toestemming="provinciale staten",
        kort="commissaris",
        besluit="besluit-commissaris",
    ),
    "algemeen bestuur": _orgaan(
        "algemeen bestuur",
        "het",
        "algemene besturen",
        ("secretaris", "voorzitter"),
        besluit="besluit-algemeen-bestuur",
        voorstel="voorstel-algemeen-bestuur",
        brief="zienswijzebrief-algemeen-bestuur",
    ),
    "dagelijks bestuur": _orgaan(
        "dagelijks bestuur",
        "het",
        "dagelijkse besturen",
        ("secretaris", "voorzitter"),
        toestemming="algemeen bestuur",
        besluit="besluit-dagelijks-bestuur",
    ),
    "voorzitter": _orgaan("voorzitter", "de", "voorzitters", ("voorzitter",), toestemming="algemeen bestuur", besluit="besluit-voorzitter"),
}


@dataclasses.dataclass(frozen=True)
class Lichaam:
    """A kind of body that can take part in a regeling: "de gemeente", "het openbaar lichaam"."""

    soort: str  # "gemeente"
    lidwoord: str  # "de"
    meervoud: str  # "gemeenten"
    organen: tuple[str, ...]  # the organs it may take part with (keys of ORGANEN)
    standaard: tuple[str, ...]  # the organs it takes part with when the data names none
    naam_na_orgaan: bool  # "het college van Hengelo" (True) or "... van het openbaar lichaam X" (False)
    blad: str  # where it announces its own besluiten: "gemeenteblad", "provinciaal blad"


LICHAMEN: dict[str, Lichaam] = {
    "gemeente": Lichaam(
        "gemeente",
        "de",
        "gemeenten",
        ("raad", "college van burgemeester en wethouders", "burgemeester"),
        ("college van burgemeester en wethouders",),
        True,
        "gemeenteblad",
    ),
    "provincie": Lichaam(
        "provincie",
        "de",
        "provincies",
        ("provinciale staten", "gedeputeerde staten", "commissaris van de Koning"),
        ("gedeputeerde staten",),
        True,
        "provinciaal blad",
    ),
    "openbaar lichaam": Lichaam(
        "openbaar lichaam",
        "het",
        "openbare lichamen",
        ("algemeen bestuur", "dagelijks bestuur", "voorzitter"),
        ("dagelijks bestuur",),
        False,
        "Blad gemeenschappelijke regeling",
    ),
    "waterschap": Lichaam(
        "waterschap",
        "het",
        "waterschappen",
        ("algemeen bestuur", "dagelijks bestuur", "voorzitter"),
        ("dagelijks bestuur",),
        False,
        "waterschapsblad",
    ),
}


def toestemmingsorgaan(organen: tuple[str, ...]) -> str | None:
    """The organ that must consent to a body taking part with `organen` (Wgr art. 1, vierde lid),
    or None when that organ takes part itself (then it decides, and there is no toestemming nor
    zienswijze: Wgr art. 1, tweede lid, "mede getroffen ... door de raden").

    >>> toestemmingsorgaan(("college van burgemeester en wethouders",))
    'raad'
    >>> toestemmingsorgaan(("raad", "college van burgemeester en wethouders")) is None
    True
    """
    nodig = [ORGANEN[o].toestemming for o in organen if o in ORGANEN and ORGANEN[o].toestemming]
    if not nodig or any(n in organen for n in nodig):
        return None
    return nodig[0]
