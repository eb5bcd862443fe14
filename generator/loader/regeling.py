"""YAML mappings -> frozen model objects, for a regeling and for element texts.

`bouw_element` is shared with the amendment loader: the text an amendment inserts or
rewrites is written exactly like the text of the regeling itself.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from generator.adressen import onbekende_verwijzingen
from generator.errors import Bron, Verzamelaar, relatief
from generator.loader.bestanden import lees_yaml
from generator.loader.bijlagen import lees_bijlagen
from generator.loader.velden import ONGELDIGE_TEKENS, Kaart
from generator.model import KOPVORMEN, SOORTEN, Deelnemer, Element, Regeling, VersieInfo, is_opsommingsteken
from generator.model.ids import NIEUW_ID
from generator.model.organen import LICHAMEN, ORGANEN, Lichaam, toestemmingsorgaan
from generator.model.regeling import SOORTEN_REGELING as SOORTRIJEN
from generator.model.regeling import TAKEN, Rol, SoortRegeling
from generator.nummering import MAX_NUMMER, met_letters, rangtelwoord, sorteersleutel, splits_nummer
from generator.onderwerpen import ONDERWERPEN
from generator.suggesties import MAX_SUGGESTIES, suggestie

# soort -> (allowed keys, required keys)
SLEUTELS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "hoofdstuk": (("id", "nummer", "kop", "opschrift", "artikelen", "paragrafen"), ("id", "nummer", "opschrift")),
    "paragraaf": (("id", "nummer", "kop", "opschrift", "artikelen"), ("id", "nummer", "opschrift")),
    "artikel": (("id", "nummer", "kop", "opschrift", "onderwerpen", "tekst", "leden", "onderdelen", "slottekst"), ("id", "nummer")),
    "lid": (("id", "nummer", "tekst", "onderdelen", "slottekst"), ("tekst",)),
    "onderdeel": (("id", "nummer", "tekst", "onderdelen", "slottekst"), ("tekst",)),
    "subonderdeel": (("id", "nummer", "tekst"), ("tekst",)),
}
# `aanhef: geen` / `afkondiging: geen`: the regeling has none (an imported beleidsregel often has
# neither); nothing is printed there and `grgen check` warns.
GEEN = "geen"
# The key under which children of a soort are listed, and the soort they get.
KINDSLEUTELS: dict[str, dict[str, str]] = {
    "hoofdstuk": {"paragrafen": "paragraaf", "artikelen": "artikel"},
    "paragraaf": {"artikelen": "artikel"},
    "artikel": {"leden": "lid", "onderdelen": "onderdeel"},
    "lid": {"onderdelen": "onderdeel"},
    "onderdeel": {"onderdelen": "subonderdeel"},
    "subonderdeel": {},
}

REGELING_SLEUTELS = (
    "reconstructie",
    "citeertitel",
    "officiele_titel",
    "soort",
    "wettelijke_grondslag",
    "centrumgemeente",
    "publicerende_gemeente",
    "versie",
    "deelnemers",
    "aanhef",
    "considerans",
    "afkondiging",
    "hoofdstukken",
    "ondertekening",
    "lichaam",
    "rollen",
    "lidwoord",
    "bijlagen",
)
REGELING_VERPLICHT = (
    "citeertitel",
    "officiele_titel",
    "soort",
    "wettelijke_grondslag",
    "publicerende_gemeente",
    "versie",
    "deelnemers",
    "aanhef",
    "hoofdstukken",
)
SOORTEN_REGELING = (
    "centrumregeling",
    "openbaar lichaam",
    "bedrijfsvoeringsorganisatie",
    "gemeenschappelijk orgaan",
    "regeling zonder meer",
)
VERSIE_SLEUTELS = (
    "id",
    "betreft",
    "inwerkingtreding",
    "datum_ondertekening",
    "bekendmaking",
    "terugwerkende_kracht",
    "vastgesteld_door",
    "kenmerk_voorstel",
)
BETREFT = ("nieuwe regeling", "wijziging", "intrekking")
DEELNEMER_SLEUTELS = ("id", "naam", "soort", "organen", "bestuursorgaan", "toestemmingsorgaan", "sinds", "tot")
DEELNEMER_SOORTEN = tuple(LICHAMEN)


class Ids:
    """Every id seen so far with where it was defined, to report duplicates with both places."""

    def __init__(self, v: Verzamelaar) -> None:
        self.v = v
        self.gezien: dict[str, Bron] = {}

    def registreer(self, element_id: str, bron: Bron, adres: str | None) -> None:
        if element_id in self.gezien:
            self.v.fout(f"id '{element_id}' komt twee keer voor (ook in {self.gezien[element_id]})", bron, adres, "elke id moet uniek zijn")
        else:
            self.gezien[element_id] = bron


def bouw_element(
    kaart: Kaart,
    soort: str,
    positie: int,
    ouder_id: str | None,
    ouder_adres: str | None,
    ids: Ids,
    nieuw: bool = False,
) -> Element | None:
    """One element of `soort` (and its children) from its mapping; None when it is invalid.

    Leden and onderdelen may omit `id` and `nummer`: their number follows from their position
    and their id is derived from their parent's id and that number (`taken.2`, `taken.2.b`).
    With `nieuw` (text in an amendment) id and nummer are optional everywhere: the amendment
    engine numbers new elements (Ar 6.16, 6.18) and gives them ids (`NIEUW_ID` marks those).
    """
    cls = SOORTEN[soort]
    toegestaan, verplicht = SLEUTELS[soort]
    nummer_verplicht = not nieuw
    if nieuw:
        verplicht = tuple(s for s in verplicht if s not in ("nummer", "id"))
    # New text in an amendment has no place yet: name it as what it is, not by a number.
    kaart.adres = (
        f"{ouder_adres}, nieuw {soort}" if nieuw and ouder_id is None and ouder_adres else _adres(soort, kaart, positie, ouder_adres)
    )
    kopvorm = kaart.keuze("kop", KOPVORMEN) if "kop" in kaart else None
    if kopvorm == "geen":
        verplicht = tuple(s for s in verplicht if s != "opschrift")  # no heading, so no opschrift either
    kaart.controleer(toegestaan, verplicht)
    fouten_voor = kaart.v.aantal_fouten

    if nieuw and ouder_id is None and soort in ("lid", "onderdeel", "subonderdeel") and "nummer" in kaart:
        kaart.fout(
            f"een nieuw {soort} krijgt zijn nummer van grgen",
            "nummer",
            "laat 'nummer' weg: leden en onderdelen worden genummerd naar hun plaats (Ar 6.18)",
        )
        nummer: str | None = cls.nummer_op_positie(positie)  # the position check would only repeat this
    else:
        nummer = _nummer(kaart, cls, soort, positie, nummer_verplicht)
    element_id = kaart.ident("id", verplicht="id" in verplicht)
    if element_id is None and "id" not in kaart:
        if ouder_id is not None:
            element_id = f"{ouder_id}.{cls.nummer_op_positie(positie) if is_opsommingsteken(nummer, soort) else nummer or positie}"
        elif nieuw:
            element_id = NIEUW_ID
    if element_id is not None:
        ids.registreer(element_id, kaart.bron("id") if "id" in kaart else kaart.eigen_bron, kaart.adres)

    tekst = kaart.tekst("tekst", alineas=True) if "tekst" in kaart else None
    slottekst = kaart.tekst("slottekst", alineas=True) if "slottekst" in kaart else None
    opschrift = kaart.tekst("opschrift", verplicht="opschrift" in verplicht) if cls.heeft_opschrift else None
    onderwerpen = _onderwerpen(kaart) if soort == "artikel" else ()
    if kopvorm == "geen" and opschrift is not None:
        kaart.fout(
            f"een {soort} met 'kop: geen' heeft geen opschrift: zonder kop wordt het nergens afgedrukt",
            "opschrift",
            "laat 'opschrift' weg, of gebruik 'kop: kort' (alleen het nummer en het opschrift)",
        )

    kinderen: list[Element] = []
    kindsleutels = [s for s in KINDSLEUTELS[soort] if s in kaart]
    if soort == "hoofdstuk":
        # Loose artikelen first, then paragrafen (an imported beleidsregel may have both; `grgen
        # check` warns, Ar 3.56, eerste lid): read in that order whatever the order of the keys.
        kindsleutels = sorted(kindsleutels, key=("artikelen", "paragrafen").index)
    elif len(kindsleutels) > 1:
        kaart.fout(f"een {soort} heeft {' of '.join(kindsleutels)}, niet beide", kindsleutels[1])
    for sleutel in kindsleutels if soort == "hoofdstuk" else kindsleutels[:1]:
        kindsoort = KINDSLEUTELS[soort][sleutel]
        for i, (item, bron) in enumerate(kaart.lijst(sleutel, verplicht=True), start=1):
            kindkaart = kaart.kind(item, bron, kaart.adres, f"elk item van '{sleutel}'")
            if kindkaart is None:
                continue
            kind = bouw_element(kindkaart, kindsoort, i, element_id, kaart.adres, ids, nieuw)
            if kind is not None:
                kinderen.append(kind)

    _controleer_inhoud(kaart, soort, tekst, slottekst, kindsleutels)
    if soort == "hoofdstuk":
        _controleer_volgorde(kaart, [k for k in kinderen if k.soort == "paragraaf"], "paragraaf")

    if kaart.v.aantal_fouten > fouten_voor or element_id is None or nummer is None:
        return None
    return cls(
        id=element_id,
        nummer=nummer,
        tekst=tekst,
        kinderen=tuple(kinderen),
        slottekst=slottekst,
        opschrift=opschrift,
        onderwerpen=onderwerpen,
        bron=kaart.eigen_bron,
        kopvorm=None if kopvorm == "volledig" else kopvorm,
    )


def _of_geen(tekst: str | None) -> str:
    """A part of the regeling's opening, or "" when the data says it has none (`geen`).

    >>> _of_geen("geen"), _of_geen("De raad;")
    ('', 'De raad;')
    """
    return "" if tekst is None or tekst == GEEN else tekst


def _adres(soort: str, kaart: Kaart, positie: int, ouder_adres: str | None) -> str:
    """The address of an element being read, for messages (before it is fully built)."""
    nummer = kaart.ruw("nummer")
    if soort in ("hoofdstuk", "paragraaf", "artikel"):
        eigen = f"{soort} {nummer}" if nummer is not None else f"{soort} (het {rangtelwoord(min(positie, 99))} in de lijst)"
        return eigen if soort != "paragraaf" or not ouder_adres else f"{ouder_adres}, {eigen}"
    cls = SOORTEN[soort]
    eigen = cls(id="", nummer=cls.nummer_op_positie(positie)).verwijzing
    return f"{ouder_adres}, {eigen}" if ouder_adres and not ouder_adres.startswith(("hoofdstuk", "paragraaf")) else eigen


def _nummer(kaart: Kaart, cls: type[Element], soort: str, positie: int, nummer_verplicht: bool) -> str | None:
    if soort in ("lid", "onderdeel", "subonderdeel"):
        verwacht = cls.nummer_op_positie(positie)
        gegeven = kaart.nummer("nummer")
        if is_opsommingsteken(gegeven, soort):
            return gegeven  # a bullet or a typed "1." list, kept as typed; `grgen check` warns (Ar 3.59)
        if gegeven is not None and gegeven.rstrip(".°") != verwacht:
            kaart.fout(
                f"nummer {gegeven!r} klopt niet met de plaats: dit is {_plaats(soort, positie)}, nummer {verwacht!r}",
                "nummer",
                "leden en onderdelen worden doorlopend genummerd; laat 'nummer' weg of schrijf het juiste nummer",
            )
        return verwacht
    gegeven = kaart.nummer("nummer", verplicht=nummer_verplicht)
    if gegeven is None:
        return "" if not nummer_verplicht else None
    if gegeven.isdigit() and len(gegeven) > len(str(MAX_NUMMER)):
        kaart.fout(
            f"{soort}nummer {gegeven} is te groot",
            "nummer",
            f"toegestaan: 1 tot en met {MAX_NUMMER}, met eventueel een letter (Ar 6.16); staat hier een datum of kenmerk?",
        )
        return None
    lettervorm = soort == "paragraaf" and splits_nummer(gegeven, True, letters=True) is not None  # "Paragraaf B"
    if splits_nummer(gegeven, hoofdletter_suffix=soort != "artikel") is None and not lettervorm:
        voorbeeld = "5 of 5a" if soort == "artikel" else "2 of 2A" + (", of een hoofdletter: B" if soort == "paragraaf" else "")
        kaart.fout(
            f"ongeldig {soort}nummer {gegeven!r}", "nummer", f"toegestaan: een getal met eventueel een letter (Ar 6.16), bijv. {voorbeeld}"
        )
        return None
    return gegeven


def _plaats(soort: str, positie: int) -> str:
    woord = {"lid": "lid", "onderdeel": "onderdeel", "subonderdeel": "subonderdeel"}[soort]
    lidwoord = "het" if soort in ("lid", "onderdeel", "subonderdeel") else "de"
    return f"{lidwoord} {rangtelwoord(min(positie, 99))} {woord}"


def _onderwerpen(kaart: Kaart) -> tuple[str, ...]:
    uit = []
    for item, bron in kaart.lijst("onderwerpen"):
        if not isinstance(item, str) or item not in ONDERWERPEN:
            naast = suggestie(str(item), ONDERWERPEN)
            kaart.v.fout(
                f"onbekend onderwerp {item!r}",
                bron,
                kaart.adres,
                (f"bedoelde u '{naast}'? " if naast else "") + f"toegestaan: {', '.join(ONDERWERPEN)}",
            )
            continue
        uit.append(item)
    return tuple(uit)


def _controleer_inhoud(kaart: Kaart, soort: str, tekst: str | None, slottekst: str | None, kindsleutels: list[str]) -> None:
    if soort in ("hoofdstuk", "paragraaf"):
        if not kindsleutels:
            kaart.fout(f"een {soort} bevat artikelen", hint="voeg 'artikelen:' toe")
        return
    if soort == "artikel" and "leden" in kindsleutels:
        for sleutel in ("tekst", "slottekst"):
            if sleutel in kaart:
                kaart.fout(f"een artikel met leden heeft geen eigen '{sleutel}'", sleutel, "zet de tekst in een lid")
        leden = kaart.ruw("leden")
        if isinstance(leden, list) and len(leden) == 1:
            kaart.v.waarschuwing(
                "een artikel met één lid wordt niet genummerd (Ar)",
                kaart.bron("leden"),
                kaart.adres,
                "gebruik 'tekst' in plaats van 'leden'",
            )
        return
    if "tekst" not in kaart:
        hint = "de tekst vóór de opsomming, bijv. 'In deze regeling wordt verstaan onder:'" if kindsleutels else None
        kaart.fout("verplichte sleutel 'tekst' ontbreekt", hint=hint)
    if slottekst is not None and not kindsleutels:
        kaart.fout("'slottekst' staat alleen na een opsomming van onderdelen", "slottekst")


def _controleer_volgorde(kaart: Kaart, kinderen: list[Element], soort: str) -> None:
    """Artikel and hoofdstuk numbers must rise (5 < 5a < 6) and be unique."""
    vorige: Element | None = None
    letters = soort == "paragraaf" and met_letters([k.nummer for k in kinderen if k.soort == soort])
    for kind in (k for k in kinderen if k.soort == soort):
        if letters and splits_nummer(kind.nummer, True, letters=True) is None:
            kaart.v.fout(
                f"{soort} {kind.nummer} staat in een reeks paragrafen met letters (A, B, C)",
                kind.bron,
                f"{soort} {kind.nummer}",
                "nummer de paragrafen van één hoofdstuk allemaal met letters of allemaal met cijfers",
            )
        if vorige is not None:
            a = sorteersleutel(vorige.nummer, soort != "artikel", letters)
            b = sorteersleutel(kind.nummer, soort != "artikel", letters)
            if a is not None and b is not None and not a < b:
                kaart.v.fout(
                    f"{soort} {kind.nummer} staat na {soort} {vorige.nummer}",
                    kind.bron,
                    f"{soort} {kind.nummer}",
                    "nummers lopen op (5, 5a, 6) en komen één keer voor",
                )
        vorige = kind


def _deelnemer(kaart: Kaart) -> Deelnemer | None:
    kaart.adres = f"deelnemer {kaart.ruw('id') or kaart.ruw('naam') or '(zonder id)'}"
    kaart.controleer(DEELNEMER_SLEUTELS, ("id", "naam", "soort", "sinds"))
    fouten_voor = kaart.v.aantal_fouten
    deelnemer_id = kaart.ident("id", verplicht=True)
    naam = kaart.tekst("naam", verplicht=True)
    soort = kaart.keuze("soort", DEELNEMER_SOORTEN, verplicht=True)
    organen = _organen(kaart, LICHAMEN[soort]) if soort else None
    toestemmingsorgaan = _toestemmingsorgaan(kaart, LICHAMEN[soort], organen) if soort and organen else None
    sinds = kaart.datum("sinds", verplicht=True)
    tot = kaart.datum("tot")
    if sinds and tot and tot <= sinds:
        kaart.fout(f"'tot' ({tot}) ligt niet na 'sinds' ({sinds})", "tot")
    if kaart.v.aantal_fouten > fouten_voor or None in (deelnemer_id, naam, soort, organen, sinds):
        return None
    return Deelnemer(deelnemer_id, naam, soort, organen[0], toestemmingsorgaan, sinds, tot, kaart.eigen_bron, organen)


def _organen(kaart: Kaart, lichaam: Lichaam) -> tuple[str, ...] | None:
    """The organs that take part: `organen` (a list), `bestuursorgaan` (one), or the default of the body."""
    toegestaan = ", ".join(lichaam.organen)
    if "organen" in kaart and "bestuursorgaan" in kaart:
        kaart.fout("een deelnemer heeft 'organen' of 'bestuursorgaan', niet beide", "bestuursorgaan", "zet alle organen onder 'organen'")
        return None
    if "bestuursorgaan" in kaart:
        naam = kaart.tekst("bestuursorgaan")
        if naam is None:
            return None
        if naam not in lichaam.organen:
            meer = "," in naam or " en " in naam.replace("burgemeester en wethouders", "")
            kaart.fout(
                f"'{naam}' is geen orgaan van een {lichaam.soort}",
                "bestuursorgaan",
                "nemen meer organen deel, noem ze in een lijst: 'organen: [raad, college van burgemeester en wethouders]'"
                if meer
                else (f"bedoelde u '{s}'? " if (s := suggestie(naam, lichaam.organen)) else "") + f"toegestaan: {toegestaan}",
            )
            return None
        return (naam,)
    if "organen" not in kaart:
        return lichaam.standaard
    gekozen: list[str] = []
    for item, bron in kaart.lijst("organen"):
        if not isinstance(item, str) or item.strip() not in lichaam.organen:
            naast = suggestie(str(item), lichaam.organen)
            kaart.v.fout(
                f"'{item}' is geen orgaan van een {lichaam.soort}",
                bron,
                kaart.adres,
                (f"bedoelde u '{naast}'? " if naast else "") + f"toegestaan: {toegestaan}",
            )
            return None
        if item.strip() in gekozen:
            kaart.v.fout(f"orgaan '{item}' staat twee keer in 'organen'", bron, kaart.adres)
            return None
        gekozen.append(item.strip())
    if not gekozen:
        kaart.fout("'organen' is leeg", "organen", f"noem ten minste één orgaan: {toegestaan}")
        return None
    return tuple(o for o in lichaam.organen if o in gekozen)  # in the order of the table


def _toestemmingsorgaan(kaart: Kaart, lichaam: Lichaam, organen: tuple[str, ...]) -> str | None:
    """The organ that consents: computed from the organs (Wgr art. 1, tweede tot en met vierde lid); a
    value in the data must agree with it."""
    berekend = toestemmingsorgaan(organen)
    if "toestemmingsorgaan" not in kaart:
        return berekend
    gegeven = kaart.tekst("toestemmingsorgaan")
    if gegeven is None:
        return berekend
    if berekend is None:
        kaart.fout(
            f"'{gegeven}' neemt zelf deel aan de regeling en geeft dus geen toestemming (artikel 1, tweede lid, van de Wet "
            "gemeenschappelijke regelingen)"
            if gegeven in organen
            else f"bij deze organen ({', '.join(organen)}) geeft geen ander orgaan toestemming",
            "toestemmingsorgaan",
            "laat 'toestemmingsorgaan' weg",
        )
        return None
    if gegeven != berekend:
        kaart.fout(
            f"bij een {lichaam.soort} geeft {ORGANEN[berekend].met_lidwoord} toestemming aan "
            f"{ORGANEN[organen[0]].met_lidwoord}, niet '{gegeven}'",
            "toestemmingsorgaan",
            f"schrijf 'toestemmingsorgaan: {berekend}' of laat het weg",
        )
        return None
    return gegeven


def lees_deelnemer(kaart: Kaart) -> Deelnemer | None:
    """A deelnemer from its mapping (also used by the amendment loader for a toetreding)."""
    return _deelnemer(kaart)


def _versie(kaart: Kaart) -> VersieInfo | None:
    kaart.adres = "versie"
    kaart.controleer(VERSIE_SLEUTELS, ("id", "betreft", "inwerkingtreding"))
    versie_id = kaart.ident("id", verplicht=True)
    betreft = kaart.keuze("betreft", BETREFT, verplicht=True)
    inwerking = kaart.datum("inwerkingtreding", verplicht=True)
    ondertekening = kaart.datum("datum_ondertekening")
    terug = kaart.datum("terugwerkende_kracht")
    kaart.controleer_inwerkingtreding(ondertekening, "de ondertekening", inwerking, terug)
    if None in (versie_id, betreft, inwerking):
        return None
    return VersieInfo(
        id=versie_id,
        betreft=betreft,
        inwerkingtreding=inwerking,
        datum_ondertekening=ondertekening,
        bekendmaking=kaart.tekst("bekendmaking"),
        terugwerkende_kracht=terug,
        vastgesteld_door=kaart.tekst("vastgesteld_door"),
        kenmerk_voorstel=kaart.tekst("kenmerk_voorstel"),
        bron=kaart.eigen_bron,
    )


def lees_regeling(map_: Path, project: Path, v: Verzamelaar) -> tuple[Regeling, VersieInfo] | None:
    """Read `regeling.yaml` in a regeling folder, and the hoofdstuk files it names."""
    naam = relatief(map_ / "regeling.yaml", project)
    data, meldingen = lees_yaml(map_ / "regeling.yaml", naam, project)
    v.meldingen.extend(meldingen)
    if data is None:
        return None
    if not isinstance(data, dict):
        v.fout("regeling.yaml moet sleutels met waarden bevatten (citeertitel, versie, deelnemers, ...)", Bron(naam, 1, 1))
        return None
    kaart = Kaart(data, naam, v)
    kaart.controleer(REGELING_SLEUTELS, REGELING_VERPLICHT)

    versie_kaart = kaart.kaart("versie", verplicht=True)
    versie = _versie(versie_kaart) if versie_kaart else None
    deelnemers = _deelnemers(kaart)
    ids = Ids(v)
    kinderen = _hoofdstukken(kaart, map_, project, ids)
    soort = kaart.keuze("soort", SOORTEN_REGELING, verplicht=True)
    centrum = kaart.ident("centrumgemeente")
    publicerend = kaart.ident("publicerende_gemeente", verplicht=True)
    bekende = {d.id: d for d in deelnemers}
    for sleutel, waarde in (("centrumgemeente", centrum), ("publicerende_gemeente", publicerend)):
        if waarde and deelnemers and waarde not in bekende:
            kaart.fout(f"'{sleutel}' noemt onbekende deelnemer '{waarde}'", sleutel, f"toegestaan: {', '.join(bekende)}")
        elif waarde and waarde in bekende and not bekende[waarde].is_gemeente:
            kaart.fout(f"'{sleutel}' moet een gemeente zijn, {bekende[waarde].naam} is een {bekende[waarde].soort}", sleutel)
    if soort == "centrumregeling" and not centrum:
        kaart.fout(
            "een centrumregeling noemt haar centrumgemeente (Wgr art. 8, vierde lid)",
            hint="voeg 'centrumgemeente: <id van de deelnemer>' toe",
        )

    lichaam = kaart.tekst("lichaam")
    rij = SOORTRIJEN.get(soort or "")
    if lichaam and rij is not None and not rij.lichaam:
        kaart.fout(
            f"een {soort} stelt geen lichaam in; 'lichaam' hoort bij een openbaar lichaam, gemeenschappelijk orgaan of bedrijfsvoeringsorganisatie",
            "lichaam",
        )
    rollen = _rollen(kaart, rij)
    bijlagen = lees_bijlagen(kaart, ids.gezien)
    considerans = tuple(t for item, bron in kaart.lijst("considerans") if (t := _lijsttekst(kaart, item, bron, "considerans")) is not None)
    regeling = Regeling(
        slug=map_.name,
        citeertitel=kaart.tekst("citeertitel", verplicht=True) or "",
        lidwoord=kaart.keuze("lidwoord", ("de", "het")),
        officiele_titel=kaart.tekst("officiele_titel", verplicht=True) or "",
        soort=soort or "",
        wettelijke_grondslag=kaart.tekst("wettelijke_grondslag", verplicht=True) or "",
        centrumgemeente=centrum,
        publicerende_gemeente=publicerend or "",
        deelnemers=tuple(deelnemers),
        aanhef=_of_geen(kaart.tekst("aanhef", verplicht=True)),
        considerans=considerans,
        afkondiging=_of_geen(kaart.tekst("afkondiging") or "besluiten vast te stellen de volgende regeling:"),
        kinderen=tuple(kinderen),
        reconstructie=kaart.tekst("reconstructie"),
        ondertekening=kaart.tekst("ondertekening", alineas=True),
        bron=Bron(naam, 1, 1),
        lichaam=lichaam,
        rollen=rollen,
        bijlagen=bijlagen,
    )
    for rol in rollen:
        if rol.artikel and rol.artikel not in regeling.index:
            naast = suggestie(rol.artikel, regeling.index)
            v.fout(
                f"rol van het {rol.orgaan}: onbekend artikel '{rol.artikel}'",
                rol.bron,
                "rollen",
                f"bedoelde u '{naast}'?" if naast else None,
            )
    for n, (plek, doel) in enumerate(onbekende_verwijzingen(regeling), start=1):
        if doel in ids.gezien:
            continue  # the element exists but was left out for an error of its own, reported above
        naast = suggestie(doel, regeling.index) if n <= MAX_SUGGESTIES else None
        v.fout(
            f"verwijzing naar onbekende id '{doel}'",
            plek.element.bron,
            plek.adres,
            f"bedoelde u '{naast}'?" if naast else "schrijf [[id]] met de id van een bestaand element",
        )
    if versie is None or v.heeft_fouten:
        return None
    return regeling, versie


ROL_SLEUTELS = ("orgaan", "bij", "taak", "artikel")
ROL_GEBEURTENISSEN = ("wijziging", "toetreding", "uittreding", "herindeling")


def _rollen(kaart: Kaart, rij: SoortRegeling | None) -> tuple[Rol, ...]:
    """`rollen`: what the GR's own organs do in an amendment (only for a regeling that has organs)."""
    uit: list[Rol] = []
    for item, bron in kaart.lijst("rollen"):
        rk = kaart.kind(item, bron, "rollen", "een rol (orgaan, bij, taak, artikel)")
        if rk is None:
            continue
        rk.adres = "rollen"
        rk.controleer(ROL_SLEUTELS, ("orgaan", "bij", "taak"))
        organen = rij.organen if rij else ()
        if not organen:
            rk.fout(f"een {rij.soort if rij else 'regeling'} heeft geen eigen organen met een rol", hint="laat 'rollen' weg")
            continue
        orgaan = rk.keuze("orgaan", organen, verplicht=True)
        taak = rk.keuze("taak", tuple(TAKEN), verplicht=True)
        bij = []
        for waarde, wbron in rk.lijst("bij", verplicht=True):
            if waarde not in ROL_GEBEURTENISSEN:
                kaart.v.fout(f"onbekende gebeurtenis {waarde!r} bij 'bij'", wbron, "rollen", f"toegestaan: {', '.join(ROL_GEBEURTENISSEN)}")
                continue
            bij.append(waarde)
        artikel = rk.ident("artikel")
        if orgaan and taak and bij:
            uit.append(Rol(orgaan, tuple(bij), taak, artikel, rk.eigen_bron))
    return tuple(uit)


def _lijsttekst(kaart: Kaart, item: Any, bron: Bron, sleutel: str) -> str | None:
    if not isinstance(item, str):
        kaart.v.fout(f"elk item van '{sleutel}' moet tekst zijn", bron, kaart.adres)
        return None
    return kaart.controleer_tekst(item, sleutel, bron)


def _deelnemers(kaart: Kaart) -> list[Deelnemer]:
    deelnemers: list[Deelnemer] = []
    gezien: dict[str, Bron] = {}
    for item, bron in kaart.lijst("deelnemers", verplicht=True):
        dk = kaart.kind(item, bron, "deelnemers", "een deelnemer")
        if dk is None:
            continue
        d = _deelnemer(dk)
        if d is None:
            continue
        if d.id in gezien:
            kaart.v.fout(f"deelnemer '{d.id}' komt twee keer voor (ook in {gezien[d.id]})", bron, "deelnemers")
            continue
        gezien[d.id] = bron
        deelnemers.append(d)
    return deelnemers


def _hoofdstukken(kaart: Kaart, map_: Path, project: Path, ids: Ids) -> list[Element]:
    hoofdstukken: list[Element] = []
    for i, (item, bron) in enumerate(kaart.lijst("hoofdstukken", verplicht=True), start=1):
        if isinstance(item, str):
            hk = _lees_hoofdstukbestand(map_, item, bron, project, kaart.v)
        else:
            hk = kaart.kind(item, bron, None, "een hoofdstuk (bestandsnaam of sleutels met waarden)")
        if hk is None:
            continue
        h = bouw_element(hk, "hoofdstuk", i, None, None, ids)
        if h is not None:
            hoofdstukken.append(h)
    _controleer_volgorde(kaart, hoofdstukken, "hoofdstuk")
    alle_artikelen = [p for h in hoofdstukken for p in _artikelen_in(h)]
    _controleer_volgorde(kaart, alle_artikelen, "artikel")
    return hoofdstukken


def _artikelen_in(element: Element) -> list[Element]:
    if element.soort == "artikel":
        return [element]
    return [a for k in element.kinderen for a in _artikelen_in(k)]


def _lees_hoofdstukbestand(map_: Path, bestandsnaam: str, bron: Bron, project: Path, v: Verzamelaar) -> Kaart | None:
    if m := ONGELDIGE_TEKENS.search(bestandsnaam):
        v.fout(
            f"de bestandsnaam {bestandsnaam!r} bevat een besturingsteken (U+{ord(m[0]):04X})",
            bron,
            hint="noem een bestand in deze map, bijv. hoofdstukken/01-algemeen.yaml",
        )
        return None
    pad = map_ / bestandsnaam
    try:
        # The folders resolved, the file itself not: a symbolic link is checked when it is read.
        binnen = Path(os.path.normpath(pad.parent.resolve() / pad.name)).is_relative_to(map_.resolve())
    except (OSError, RuntimeError, ValueError):
        binnen = False
    if not binnen:
        v.fout(
            f"bestand '{bestandsnaam}' ligt buiten de map van de regeling",
            bron,
            hint="noem een bestand in deze map, bijv. hoofdstukken/01-algemeen.yaml",
        )
        return None
    naam = relatief(pad, project)
    data, meldingen = lees_yaml(pad, naam, project)
    if meldingen and not meldingen[0].bron.regel:
        # The file cannot be read at all: point at the line in regeling.yaml that names it.
        tekst = meldingen[0].tekst
        tekst = "bestaat niet" if tekst == "bestand bestaat niet" else tekst.removeprefix("bestand ").removeprefix("dit ")
        v.fout(f"hoofdstukbestand '{bestandsnaam}' {tekst}", bron, hint=meldingen[0].hint)
        return None
    v.meldingen.extend(meldingen)
    if data is None:
        return None
    if not isinstance(data, dict):
        v.fout("een hoofdstukbestand bevat sleutels met waarden (id, nummer, opschrift, artikelen)", Bron(naam, 1, 1))
        return None
    return Kaart(data, naam, v, bron=Bron(naam, 1, 1))
