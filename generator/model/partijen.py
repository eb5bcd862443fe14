"""The parties of a regeling named as a besluit names them, from the organ table.

Wgr art. 1, eerste lid: raden, colleges and burgemeesters each make a regeling for their own
powers. An aanhef therefore names every organ that takes part, grouped the way Dutch besluiten do:
"de raden van A en B, de colleges van burgemeester en wethouders van A, B en C en het dagelijks
bestuur van het openbaar lichaam D". The result is a string that also knows whether it is plural,
so a template can make the verb agree ("heeft" / "hebben").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from generator.model.organen import LICHAMEN, ORGANEN
from generator.model.regeling import Deelnemer, opsom


class Opsomming(str):
    """A text naming one or more organs, with its grammatical number.

    >>> o = Opsomming("de raden van A en B", True)
    >>> o, o.meervoud, o.vervoeg("heeft", "hebben")
    ('de raden van A en B', True, 'hebben')
    """

    meervoud: bool

    def __new__(cls, tekst: str, meervoud: bool) -> Opsomming:
        uit = super().__new__(cls, tekst)
        uit.meervoud = meervoud
        return uit

    def vervoeg(self, enkelvoud: str, meervoud: str) -> str:
        return meervoud if self.meervoud else enkelvoud


def noem(deelnemers: Iterable[Deelnemer], organen_van: Callable[[Deelnemer], Iterable[str]]) -> Opsomming:
    """Name the organs `organen_van` gives for each deelnemer, grouped per organ.

    >>> import datetime as dt
    >>> d = dt.date(2020, 1, 1)
    >>> a = Deelnemer("a", "Aastad", "gemeente", "raad", None, d, organen=("raad", "college van burgemeester en wethouders"))
    >>> b = Deelnemer("b", "Bedorp", "gemeente", "college van burgemeester en wethouders", "raad", d)
    >>> c = Deelnemer("c", "Cedorp", "gemeente", "burgemeester", "raad", d)
    >>> noem([a, b, c], lambda x: x.organen)
    'de raad van Aastad, de colleges van burgemeester en wethouders van Aastad en Bedorp en de burgemeester van Cedorp'
    >>> noem([b], lambda x: x.organen).meervoud
    False
    """
    deelnemers = list(deelnemers)
    delen: list[str] = []
    meervoud = False
    for soort, lichaam in LICHAMEN.items():
        leden = [d for d in deelnemers if d.soort == soort]
        if not leden:
            continue
        if lichaam.naam_na_orgaan:  # "de colleges van burgemeester en wethouders van A en B"
            for naam in lichaam.organen:
                orgaan = ORGANEN[naam]
                namen = sorted(d.naam for d in leden if naam in organen_van(d))
                if len(namen) > 1:
                    delen.append(f"{'de ' if orgaan.lidwoord else ''}{orgaan.meervoud} van {opsom(namen)}")
                    meervoud = True
                elif namen:
                    delen.append(f"{orgaan.met_lidwoord} van {namen[0]}")
                    meervoud = meervoud or orgaan.meervoudig
        else:  # "het dagelijks bestuur van het openbaar lichaam X", one body at a time
            for d in sorted(leden, key=lambda x: x.naam):
                eigen = [ORGANEN[o] for o in lichaam.organen if o in organen_van(d)]
                if eigen:
                    delen.append(f"{opsom([o.met_lidwoord for o in eigen])} van {d.van}")
                    meervoud = meervoud or len(eigen) > 1 or any(o.meervoudig for o in eigen)
    return Opsomming(opsom(delen), meervoud or len(delen) > 1)


def partijen(deelnemers: Iterable[Deelnemer]) -> Opsomming:
    """Every organ that takes part in the regeling, as its aanhef names them.

    >>> import datetime as dt
    >>> d = [Deelnemer("a", "Borne", "gemeente", "college van burgemeester en wethouders", "raad", dt.date(2026, 1, 1)),
    ...      Deelnemer("b", "Hengelo", "gemeente", "college van burgemeester en wethouders", "raad", dt.date(2017, 1, 1)),
    ...      Deelnemer("c", "SWB Midden Twente", "openbaar lichaam", "dagelijks bestuur", "algemeen bestuur", dt.date(2017, 1, 1))]
    >>> partijen(tuple(d))
    'de colleges van burgemeester en wethouders van Borne en Hengelo en het dagelijks bestuur van het openbaar lichaam SWB Midden Twente'
    """
    return noem(deelnemers, lambda d: d.organen)


def toestemmingsorganen(deelnemers: Iterable[Deelnemer]) -> Opsomming:
    """The organs that give toestemming (Wgr art. 1, vierde lid); empty when every raad takes part itself.

    >>> import datetime as dt
    >>> d = [Deelnemer("a", "Borne", "gemeente", "college van burgemeester en wethouders", "raad", dt.date(2026, 1, 1)),
    ...      Deelnemer("c", "SWB Midden Twente", "openbaar lichaam", "dagelijks bestuur", "algemeen bestuur", dt.date(2017, 1, 1))]
    >>> toestemmingsorganen(d), toestemmingsorganen(d[:1]).meervoud
    ('de raad van Borne en het algemeen bestuur van het openbaar lichaam SWB Midden Twente', False)
    """
    return noem(deelnemers, lambda d: (d.toestemmingsorgaan,) if d.toestemmingsorgaan else ())


def lichamen(deelnemers: Iterable[Deelnemer]) -> Opsomming:
    """The bodies themselves, grouped by kind: "de gemeenten Dinkelland en Tubbergen".

    >>> import datetime as dt
    >>> d = dt.date(2020, 1, 1)
    >>> a = Deelnemer("a", "Dinkelland", "gemeente", "raad", None, d)
    >>> b = Deelnemer("b", "Tubbergen", "gemeente", "raad", None, d)
    >>> lichamen([b, a]), lichamen([a]).meervoud
    ('de gemeenten Dinkelland en Tubbergen', False)
    """
    deelnemers = list(deelnemers)
    delen: list[str] = []
    for soort, lichaam in LICHAMEN.items():
        namen = sorted(d.naam for d in deelnemers if d.soort == soort)
        if len(namen) > 1:
            delen.append(f"de {lichaam.meervoud} {opsom(namen)}")
        elif namen:
            delen.append(f"{lichaam.lidwoord} {soort} {namen[0]}")
    return Opsomming(opsom(delen), len(deelnemers) > 1)
