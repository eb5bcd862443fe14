"""Hypothesis strategies: generated regelingen and valid chains of amendments.

Regelingen are built as model objects directly (the loader has its own tests). Amendments are
drawn against the version they amend, so every generated operation fits: each operation of one
amendment works in a different artikel, quoted words occur exactly once (or `telkens` is set),
and nothing that is referred to is deleted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from hypothesis import strategies as st

from generator.adressen import parse_adres, verwijzingen
from generator.model import ALINEAGRENS, Artikel, Bijlage, Deelnemer, Hoofdstuk, Lid, Onderdeel, Regeling, Tabel, VersieInfo
from generator.model.ids import NIEUW_ID
from generator.model.wijziging import Doel, Operatie, Wijziging
from generator.nummering import nummer_na
from generator.wijzigen.boom import ids_in, vervang, volgende_in_documentvolgorde

WOORDEN = [
    "college", "raad", "deelnemers", "taken", "kosten", "overleg", "besluit", "regeling", "gemeente",
    "informatie", "beheer", "uitvoering", "verslag", "begroting", "archief", "dienst", "IT", "jaarlijks",
]  # fmt: skip
VERBINDERS = ["de", "het", "een", "van", "en", "voor", "door", "met", "over"]

zin_woorden = st.lists(st.sampled_from(WOORDEN + VERBINDERS), min_size=2, max_size=9)


@st.composite
def zin(draw, slot: str = ".") -> str:
    woorden = draw(zin_woorden)
    tekst = " ".join(woorden)
    return tekst[0].upper() + tekst[1:] + slot


@st.composite
def alineatekst(draw, slot: str = ".", rijk: bool = False) -> str:
    """A sentence, or with `rijk` sometimes two alineas (model.ALINEAGRENS between them)."""
    if rijk and draw(st.integers(0, 2)) == 0:
        return draw(zin()) + ALINEAGRENS + draw(zin(slot))
    return draw(zin(slot))


@st.composite
def onderdelen(draw, ouder_id: str, min_size: int = 2, rijk: bool = False) -> tuple[Onderdeel, ...]:
    n = draw(st.integers(min_size, 4))
    voegwoord = draw(st.sampled_from(["", "", "of", "en"]))  # "c. ...; of / d. ...." (Ar 6.18)
    teken = draw(st.sampled_from(["", "", "•", "-"])) if rijk else ""  # an unlettered list, as imported
    uit = []
    for i in range(1, n + 1):
        nummer = Onderdeel.nummer_op_positie(i)
        woorden = " ".join(draw(zin_woorden))
        slot = "." if i == n else (f"; {voegwoord}" if voegwoord and i == n - 1 else ";")
        uit.append(Onderdeel(f"{ouder_id}.{nummer}", teken or nummer, woorden + slot))
    return tuple(uit)


@st.composite
def artikel(draw, element_id: str, nummer: str, rijk: bool = False) -> Artikel:
    vorm = draw(st.sampled_from(["tekst", "lijst", "leden"]))
    opschrift = draw(st.sampled_from(WOORDEN)).capitalize()
    if vorm == "tekst":
        return Artikel(element_id, nummer, draw(alineatekst(".", rijk)), opschrift=opschrift)
    if vorm == "lijst":
        return Artikel(element_id, nummer, draw(alineatekst(":", rijk)), draw(onderdelen(element_id, rijk=rijk)), opschrift=opschrift)
    leden = []
    for i in range(1, draw(st.integers(2, 4)) + 1):
        lid_id = f"{element_id}.{i}"
        if draw(st.booleans()):
            leden.append(Lid(lid_id, str(i), draw(alineatekst(":", rijk)), draw(onderdelen(lid_id, rijk=rijk))))
        else:
            leden.append(Lid(lid_id, str(i), draw(alineatekst(".", rijk))))
    return Artikel(element_id, nummer, kinderen=tuple(leden), opschrift=opschrift)


@st.composite
def regelingen(draw, rijk: bool = False) -> tuple[Regeling, VersieInfo]:
    """A regeling; `rijk` adds texts of two alineas and lists marked "•" or "-" (as imported)."""
    hoofdstukken = []
    nummer = 0
    for h in range(1, draw(st.integers(1, 3)) + 1):
        artikelen = []
        for _ in range(draw(st.integers(1, 4))):
            nummer += 1
            artikelen.append(draw(artikel(f"art{nummer}", str(nummer), rijk)))
        hoofdstukken.append(Hoofdstuk(f"h{h}", str(h), opschrift=draw(st.sampled_from(WOORDEN)).capitalize(), kinderen=tuple(artikelen)))
    regeling = _regeling(tuple(hoofdstukken))
    # A few references to artikelen and leden, appended to later texts.
    doelen = [
        p.element.id for p in regeling.elementen() if p.element.soort in ("artikel", "lid", "onderdeel") and not p.element.opsommingsteken
    ]
    for _ in range(draw(st.integers(0, 5))):
        bron_plekken = [p for p in regeling.elementen() if p.element.tekst and p.element.tekst.endswith(".")]
        if not bron_plekken or not doelen:
            break
        plek = draw(st.sampled_from(bron_plekken))
        doel = draw(st.sampled_from(doelen))
        nieuw = plek.element.tekst[:-1] + f", bedoeld in [[{doel}]]."
        regeling = vervang(regeling, plek, plek.element.met(tekst=nieuw))
    aantal = draw(st.integers(0, 2))
    if aantal:
        genummerd = aantal > 1 or draw(st.booleans())
        regeling = regeling.met(bijlagen=tuple(draw(bijlage(f"bijlage-{n}", str(n) if genummerd else None)) for n in range(1, aantal + 1)))
    info = VersieInfo("v0", "nieuwe regeling", dt.date(2020, 1, 1), datum_ondertekening=dt.date(2019, 12, 1))
    return regeling, info


@st.composite
def bijlage(draw, bijlage_id: str, nummer: str | None) -> Bijlage:
    """A bijlage of one or two alineas and perhaps a table of two or three columns."""
    inhoud: list[str | Tabel] = [draw(zin()) for _ in range(draw(st.integers(1, 2)))]
    if draw(st.booleans()):
        breedte = draw(st.integers(2, 3))
        cel = st.sampled_from([*WOORDEN, ""])
        rijen = draw(st.lists(st.tuples(*[cel] * breedte), min_size=1, max_size=4))
        inhoud.insert(draw(st.integers(0, len(inhoud))), Tabel(tuple(rijen)))
    opschrift = draw(st.sampled_from([None, f"Bijlage {nummer or ''} bij de Proefregeling".replace("  ", " ")]))
    return Bijlage(bijlage_id, nummer, opschrift, tuple(inhoud))


@st.composite
def bijlage_operatie(draw, regeling: Regeling, volgnummer: int, wijziging_nummer: int) -> Operatie | None:
    """A bijlage replaced, removed or added as a whole (as the loader makes it of komt_te_luiden,
    vervalt or toevoegen naming a bijlage)."""
    bijlagen = regeling.bijlagen
    keuzes = ["komt_te_luiden", "vervalt"] if bijlagen else []
    if not bijlagen or all(b.nummer for b in bijlagen):
        keuzes.append("toevoegen")
    soort = draw(st.sampled_from(keuzes))
    if soort == "toevoegen":
        nieuw = draw(bijlage(f"bijlage-w{wijziging_nummer}", None))
        return Operatie(
            "bijlage", volgnummer, Doel("de regeling", ()), positie="toevoegen", bijlage=dataclasses.replace(nieuw, opschrift=None)
        )
    doel = draw(st.sampled_from(bijlagen))
    sleutel = doel.nummer or ""
    if soort == "vervalt":
        return Operatie("bijlage", volgnummer, Doel(doel.verwijzing, ()), positie="vervalt", bijlage_doel=sleutel)
    nieuw = draw(bijlage("", None))
    return Operatie(
        "bijlage",
        volgnummer,
        Doel(doel.verwijzing, ()),
        positie="komt_te_luiden",
        bijlage=dataclasses.replace(nieuw, opschrift=doel.opschrift),
        bijlage_doel=sleutel,
    )


def _regeling(kinderen: tuple) -> Regeling:
    deelnemers = (
        Deelnemer("a", "Aastad", "gemeente", "college van burgemeester en wethouders", "raad", dt.date(2020, 1, 1)),
        Deelnemer("b", "Beedorp", "gemeente", "college van burgemeester en wethouders", "raad", dt.date(2020, 1, 1)),
    )
    return Regeling(
        slug="proef",
        citeertitel="Proefregeling",
        officiele_titel="Proefregeling",
        soort="centrumregeling",
        wettelijke_grondslag="artikel 8, vierde lid, van de Wet gemeenschappelijke regelingen",
        centrumgemeente="a",
        publicerende_gemeente="a",
        deelnemers=deelnemers,
        aanhef="De colleges van burgemeester en wethouders van Aastad en Beedorp;",
        considerans=(),
        afkondiging="besluiten:",
        kinderen=kinderen,
    )


def _verwezen(regeling: Regeling) -> set[str]:
    return {d for p in regeling.elementen() for t in p.element.teksten() for d in verwijzingen(t)}


def _doel(regeling: Regeling, element_id: str) -> Doel:
    adres = regeling.index[element_id].adres
    return Doel(adres, parse_adres(adres))


def _uniek_woord(tekst: str) -> list[str]:
    schoon = re.sub(r"\[\[[^\]]*\]\]", " ", tekst)
    woorden = re.findall(r"\w+", schoon)
    return [w for w in set(woorden) if len(re.findall(rf"(?<!\w){re.escape(w)}(?!\w)", tekst)) == 1]


@st.composite
def operatie(
    draw, regeling: Regeling, gebruikte_artikelen: set[str], volgnummer: int, wijziging_nummer: int = 0, rijk: bool = False
) -> Operatie | None:
    """One operation that fits `regeling`, in an artikel not yet used by this amendment."""
    verwezen = _verwezen(regeling)
    artikelen = [a for a in regeling.artikelen() if a.id not in gebruikte_artikelen]
    if not artikelen:
        return None
    art = draw(st.sampled_from(artikelen))
    gebruikte_artikelen.add(art.id)
    # An item of a list marked "•" has no Ar address: it changes only with the element above it.
    plekken = [regeling.index[i] for i in ids_in(art) if not regeling.index[i].element.opsommingsteken]
    actie = draw(
        st.sampled_from(
            ["vervangen", "woorden_invoegen", "woorden_toevoegen", "komt_te_luiden", "invoegen", "toevoegen", "vervalt", "opschrift"]
        )
    )
    if actie in ("vervangen", "woorden_invoegen"):
        kandidaten = [(p, w) for p in plekken if p.element.tekst for w in _uniek_woord(p.element.tekst)]
        if not kandidaten:
            return None
        plek, woord = draw(st.sampled_from(sorted(kandidaten, key=lambda x: (x[0].element.id, x[1]))))
        nieuw = " ".join(draw(st.lists(st.sampled_from(WOORDEN), min_size=1, max_size=3)))
        if actie == "vervangen":
            return Operatie("vervangen", volgnummer, _doel(regeling, plek.element.id), wat=woord, door=nieuw)
        return Operatie("woorden_invoegen", volgnummer, _doel(regeling, plek.element.id), positie="na", wat=woord, tekst=nieuw)
    if actie == "woorden_toevoegen":
        kandidaten = [p for p in plekken if p.element.tekst]
        plek = draw(st.sampled_from(kandidaten))
        return Operatie("woorden_toevoegen", volgnummer, _doel(regeling, plek.element.id), tekst="en " + draw(st.sampled_from(WOORDEN)))
    if actie == "opschrift":
        return Operatie("opschrift", volgnummer, _doel(regeling, art.id), tekst=draw(st.sampled_from(WOORDEN)).capitalize() + " en meer")
    # An item of a list marked "•" is not inserted or removed (the engine refuses: no verlettering).
    lijstplekken = [p for p in plekken if p.element.soort in ("lid", "onderdeel") and not p.element.opsommingsteken]
    if actie == "komt_te_luiden":
        plek = draw(st.sampled_from(lijstplekken)) if lijstplekken and draw(st.booleans()) else regeling.index[art.id]
        if ids_in(plek.element) & verwezen - {plek.element.id}:
            return None
        e = plek.element
        if e.soort == "artikel":
            nieuw = Artikel(NIEUW_ID, "", draw(alineatekst(".", rijk)))
        elif e.soort == "lid":
            nieuw = Lid(NIEUW_ID, "", draw(alineatekst(".", rijk)))
        else:
            laatste = e is regeling.index[e.id].ouder.kinderen[-1]
            nieuw = Onderdeel(NIEUW_ID, "", " ".join(draw(zin_woorden)) + ("." if laatste else ";"))
        return Operatie("komt_te_luiden", volgnummer, _doel(regeling, e.id), nieuw=nieuw)
    if actie == "invoegen":
        if lijstplekken and draw(st.booleans()):
            plek = draw(st.sampled_from(lijstplekken))
            if plek.element.soort == "lid":
                nieuw = Lid(NIEUW_ID, "", draw(zin()))
            else:
                laatste = plek.element is plek.ouder.kinderen[-1]
                nieuw = Onderdeel(NIEUW_ID, "", " ".join(draw(zin_woorden)) + ";")
                if laatste:
                    return None  # inserting after the last onderdeel is "toevoegen"
            return Operatie(
                "invoegen", volgnummer, _doel(regeling, plek.element.id), positie=draw(st.sampled_from(["na", "voor"])), nieuw=nieuw
            )
        volgende = volgende_in_documentvolgorde(regeling, "artikel", art.id)
        if nummer_na(art.nummer, volgende.nummer if volgende else None) is None:
            return None  # no number left between art and the next artikel (Ar 6.16)
        # unique over the whole chain: ids are never reused, not even those of vervallen artikelen
        nieuw = Artikel(f"nieuw-w{wijziging_nummer}-{volgnummer}", "", draw(zin()), opschrift="Nieuw")
        return Operatie("invoegen", volgnummer, _doel(regeling, art.id), positie="na", nieuw=nieuw)
    if actie == "toevoegen":
        if art.kinderen and art.kinderen[0].opsommingsteken:
            return None
        if art.heeft_leden or not art.kinderen:
            return Operatie("toevoegen", volgnummer, _doel(regeling, art.id), nieuw=Lid(NIEUW_ID, "", draw(zin())))
        return Operatie("toevoegen", volgnummer, _doel(regeling, art.id), nieuw=Onderdeel(NIEUW_ID, "", " ".join(draw(zin_woorden)) + "."))
    # vervalt: a lid or onderdeel nobody refers to, leaving at least one sibling
    kandidaten = [
        p for p in lijstplekken
        if len(p.ouder.kinderen) > 1 and not (ids_in(p.element) & verwezen) and not (p.element.soort == "lid" and len(p.ouder.kinderen) == 2 and _verwezen_lid(p, verwezen))
    ]  # fmt: skip
    if not kandidaten:
        return None
    plek = draw(st.sampled_from(kandidaten))
    return Operatie("vervalt", volgnummer, _doel(regeling, plek.element.id))


def _verwezen_lid(plek, verwezen: set[str]) -> bool:  # noqa: ANN001
    """When one of two leden vervalt, the other loses its number and its id: keep it unreferenced."""
    return any(k.id in verwezen for k in plek.ouder.kinderen)


@st.composite
def wijziging(draw, regeling: Regeling, basis: str, volgnummer: int, datum: dt.date, rijk: bool = False) -> Wijziging | None:
    gebruikt: set[str] = set()
    operaties = []
    for i in range(1, draw(st.integers(1, 3)) + 1):
        op = draw(operatie(regeling, gebruikt, i, volgnummer, rijk=rijk))
        if op is not None:
            operaties.append(op)
    if draw(st.integers(0, 3)) == 0:  # now and then a bijlage, after the artikelen
        operaties.append(draw(bijlage_operatie(regeling, max((o.volgnummer for o in operaties), default=0) + 1, volgnummer)))
    if not operaties:
        return None
    return Wijziging(
        id=f"w{volgnummer}",
        titel=f"Wijziging {volgnummer}",
        kort=f"Wijziging {volgnummer}",
        basis=basis,
        betreft="wijziging",
        vorm="artikelsgewijs",
        stadium="vastgesteld",
        datum_besluit=datum,
        inwerkingtreding=datum + dt.timedelta(days=30),
        operaties=tuple(operaties),
        regeling="proef",
        bestand=f"wijzigingen/w{volgnummer}.yaml",
    )
