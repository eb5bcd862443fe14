"""Rules from the Wet gemeenschappelijke regelingen (Wgr): what a regeling must contain.

The topic rules are made from the table in `generator.onderwerpen`: every topic for which the
Wgr asks gets a rule "the regeling has an artikel about it". The other rules check what a
topic alone cannot show: the centrumgemeente and the publishing gemeente are named, every
deelnemer has an organ that gives toestemming, and Wgr citations follow the numbering in force.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from generator.controles.geheugen import onder, per_top, plekken, top_memo
from generator.controles.motor import Regel, Vondst, Zicht
from generator.controles.tekst import noemt, vind_verwijzingen, zin_rond
from generator.errors import FOUT, WAARSCHUWING
from generator.model import Element, Regeling
from generator.model.organen import ORGANEN
from generator.model.organen import toestemmingsorgaan as berekend_toestemmingsorgaan
from generator.nummering import rangtelwoord
from generator.onderwerpen import ALLEEN_BIJ, ONDERWERPEN

# Since 1 July 2022 the toestemming of the raad is in art. 1, vierde lid (before: tweede lid).
WGR_2022 = dt.date(2022, 7, 1)
# Since 1 July 2021 a regeling is published in the gemeenteblad of the designated gemeente.
GEMEENTEBLAD_SINDS = dt.date(2021, 7, 1)
# The topics that only a centrumregeling needs (Wgr art. 8, vierde lid).
ALLEEN_CENTRUMREGELING = {o for o, soorten in ALLEEN_BIJ.items() if soorten == {"centrumregeling"}}
_WGR_NAMEN = re.compile(r"^(?:Wet gemeenschappelijke regelingen|Wgr)\b")


def regel_id(onderwerp: str, bron: str) -> str:
    """A rule id from a topic and its Wgr source.

    >>> regel_id("toetreding", "Wgr art. 9, eerste lid"), regel_id("belang", "Wgr art. 10")
    ('wgr-9-1-toetreding', 'wgr-10-belang')
    """
    m = re.match(r"Wgr art\. (\w+)(?:, (\w+) lid)?", bron)
    if not m:
        return f"wgr-{onderwerp}"
    delen = ["wgr", m[1]]
    if m[2]:
        delen.append(str(next(n for n in range(1, 100) if rangtelwoord(n) == m[2])))
    return "-".join([*delen, onderwerp])


def _onderwerp_controle(onderwerp: str, wat: str, bron: str):  # noqa: ANN202 - a closure
    def controle(z: Zicht) -> Iterator[Vondst]:
        if onderwerp in ALLEEN_BIJ and z.regeling.soort not in ALLEEN_BIJ[onderwerp]:
            return
        if z.artikelen_over(onderwerp):
            return
        verwant = per_top(z.regeling, (_verwant, onderwerp), lambda top: _verwant(top, onderwerp.split("-")[0]))
        if verwant:
            namen = " of ".join(f"artikel {a.nummer} ({a.opschrift})" for a in verwant[:3])
            hint = f"gaat {namen} hierover? zet dan 'onderwerpen: [{onderwerp}]' bij dat artikel"
        else:
            hint = (
                f"voeg een artikel over {wat} toe met 'onderwerpen: [{onderwerp}]', of zet dat onderwerp bij het artikel dat het al regelt"
            )
        yield Vondst(f"de regeling bevat geen bepaling over {wat} (onderwerp '{onderwerp}'), vereist door {bron}", z.bron, hint=hint)

    return controle


def _verwant(top: Element, woord: str) -> list[Element]:
    """The artikelen in a top-level element whose opschrift contains `woord`."""
    return [p.element for p in plekken(top) if p.element.soort == "artikel" and woord in (p.element.opschrift or "").lower()]


def onderwerp_regels() -> list[Regel]:
    """One rule per topic the Wgr asks for, straight from the topic table."""
    return [
        Regel(
            regel_id(onderwerp, bron),
            bron,
            FOUT,
            f"de regeling bevat een bepaling over {wat}"
            + (f" (alleen bij een {' of '.join(sorted(ALLEEN_BIJ[onderwerp]))})" if onderwerp in ALLEEN_BIJ else ""),
            _onderwerp_controle(onderwerp, wat, bron),
        )
        for onderwerp, (wat, bron) in ONDERWERPEN.items()
        if bron and bron.startswith("Wgr")
    ]


def _tekst_van(element: Element) -> str:
    """All text of an element and its descendants, as one string."""
    delen = [*element.teksten()]
    for kind in element.kinderen:
        delen.append(_tekst_van(kind))
    return " ".join(delen)


def centrumgemeente_genoemd(z: Zicht) -> Iterator[Vondst]:
    """Wgr art. 8, vierde lid: the artikel about the centrumgemeente names it."""
    r = z.regeling
    if r.soort != "centrumregeling" or not r.centrumgemeente:
        return
    centrum = r.zoek_deelnemer(r.centrumgemeente)
    if centrum is None:
        return
    yield from _deelnemende_gemeente(z, centrum, "centrumgemeente")
    for artikel in z.artikelen_over("centrumgemeente"):
        if not noemt(_tekst_van(artikel), centrum.naam):
            yield Vondst(
                f"wijst de centrumgemeente niet bij naam aan (verwacht: {centrum.het_lichaam})",
                artikel.bron,
                r.plek(artikel.id).adres,
                f'bijv. "{centrum.het_lichaam[:1].upper() + centrum.het_lichaam[1:]} wordt aangewezen als centrumgemeente."',
                artikel.id,
            )


def _deelnemende_gemeente(z: Zicht, gemeente, sleutel: str) -> Iterator[Vondst]:  # noqa: ANN001
    """The gemeente named under `sleutel` in regeling.yaml takes part on the version's date."""
    if gemeente not in z.deelnemers or not gemeente.is_gemeente:
        yield Vondst(
            f"de {sleutel.replace('_', ' ')} '{gemeente.id}' is geen deelnemende gemeente op {z.versie.info.inwerkingtreding:%d-%m-%Y}",
            z.bron,
            hint=f"wijs een gemeente aan die aan de regeling deelneemt ('{sleutel}' in regeling.yaml)",
        )


def publicerende_gemeente(z: Zicht) -> Iterator[Vondst]:
    """Wgr art. 26: the artikel about publication designates the publishing gemeente."""
    r = z.regeling
    gemeente = r.zoek_deelnemer(r.publicerende_gemeente)
    if gemeente is None:
        return
    yield from _deelnemende_gemeente(z, gemeente, "publicerende_gemeente")
    is_centrum = r.soort == "centrumregeling" and r.centrumgemeente == gemeente.id
    for artikel in z.artikelen_over("publicatie"):
        tekst = _tekst_van(artikel)
        if noemt(tekst, gemeente.naam) or (is_centrum and "centrumgemeente" in tekst):
            continue
        yield Vondst(
            f"wijst niet aan welke gemeente de regeling bekendmaakt (verwacht: {gemeente.het_lichaam}"
            + (" of de centrumgemeente" if is_centrum else "")
            + ")",
            artikel.bron,
            r.plek(artikel.id).adres,
            f'bijv. "Het college van burgemeester en wethouders van {gemeente.naam} draagt zorg voor de bekendmaking van deze regeling in het gemeenteblad."',
            artikel.id,
        )


def _staatscourant(regeling: Regeling) -> bool:
    """Whether an artikel on publication names the Staatscourant anywhere in its text."""
    return any(top_memo(top, _staatscourant_in, _staatscourant_in) for top in regeling.kinderen)


def _staatscourant_in(top: Element) -> bool:
    return any(
        "Staatscourant" in tekst
        for plek in plekken(top)
        if plek.artikel is not None and "publicatie" in plek.artikel.onderwerpen
        for tekst in plek.element.teksten()
    )


def gemeenteblad(z: Zicht) -> Iterator[Vondst]:
    """Wgr art. 26 (since 1 July 2021): publication in the gemeenteblad, not the Staatscourant.

    An adopted version whose text a later amendment corrects is history, not a defect to fix:
    the law governs its publication whatever the text says, and its text cannot be changed."""
    if z.versie.info.inwerkingtreding < GEMEENTEBLAD_SINDS:
        return
    if z.vastgesteld and z.latere and not _staatscourant(z.latere[-1].regeling):
        return
    publicerend = z.regeling.zoek_deelnemer(z.regeling.publicerende_gemeente)
    gemeente = publicerend.het_lichaam if publicerend else "de aangewezen gemeente"
    for artikel in z.artikelen_over("publicatie"):
        for plek in (z.regeling.plek(artikel.id), *onder(z.regeling, artikel)):
            for tekst in plek.element.teksten():
                if "Staatscourant" in tekst:
                    yield Vondst(
                        "laat de regeling bekendmaken in de Staatscourant; een versie die op of na "
                        f"{GEMEENTEBLAD_SINDS:%d-%m-%Y} in werking treedt, wordt bekendgemaakt in het gemeenteblad",
                        plek.element.bron,
                        plek.adres,
                        f'schrijf "in het gemeenteblad van {gemeente}"',
                        plek.element.id,
                    )


def toestemmingsorgaan(z: Zicht) -> Iterator[Vondst]:
    """Wgr art. 1, tweede tot en met vierde lid: a deelnemer that does not take part with its raad
    (provinciale staten, algemeen bestuur) has that organ consent, and the organ is the right one."""
    for d in z.deelnemers:
        verwacht = berekend_toestemmingsorgaan(d.organen)
        if verwacht is None:
            continue  # the raad takes part itself: it decides, no toestemming (Wgr art. 1, tweede lid)
        orgaan = (d.toestemmingsorgaan or "").strip()
        if not orgaan:
            yield Vondst(
                f"deelnemer {d.naam} heeft geen orgaan dat toestemming geeft voor deelname en wijzigingen",
                d.bron,
                f"deelnemer {d.id}",
                f"vul 'toestemmingsorgaan: {verwacht}' in, of laat het weg",
            )
        elif orgaan != verwacht:
            yield Vondst(
                f"bij {d.het_lichaam} geeft {ORGANEN[verwacht].met_lidwoord} toestemming aan {ORGANEN[d.organen[0]].het_kort}, niet '{orgaan}'",
                d.bron,
                f"deelnemer {d.id}",
                f"schrijf 'toestemmingsorgaan: {verwacht}' of laat het weg",
            )


def toestemming_citaat(z: Zicht) -> Iterator[Vondst]:
    """Since 1 July 2022 the toestemming is in Wgr art. 1, vierde lid (before: tweede lid)."""
    if z.versie.info.inwerkingtreding < WGR_2022:
        return
    yield from per_top(z.regeling, _citaten, _citaten)


def _citaten(top: Element) -> list[Vondst]:
    """The citations of Wgr art. 1, tweede lid, for the toestemming in a top-level element."""
    return list(_citaten_in(top))


def _citaten_in(top: Element) -> Iterator[Vondst]:
    for plek in plekken(top):
        for tekst in plek.element.teksten():
            for v in vind_verwijzingen(tekst):
                if not v.extern or not _WGR_NAMEN.match(v.extern) or v.stappen != (("artikel", "1"), ("lid", "2")):
                    continue
                if "toestemm" not in zin_rond(tekst, v.begin, v.eind):
                    continue
                yield Vondst(
                    f'noemt "{v.tekst}, van de {v.extern}" voor de toestemming; in een versie die op of na '
                    f"{WGR_2022:%d-%m-%Y} in werking treedt, is dat artikel 1, vierde lid",
                    plek.element.bron,
                    plek.adres,
                    f'schrijf "artikel 1, vierde lid, van de {v.extern}"',
                    plek.element.id,
                )


def aanhef_en_afkondiging(z: Zicht) -> Iterator[Vondst]:
    """Wgr art. 1: the organs that take part make the regeling; its aanhef names them and the
    afkondiging states the decision. An imported beleidsregel may have neither (`geen`)."""
    ontbreekt = [wat for wat, tekst in (("aanhef", z.regeling.aanhef), ("afkondiging", z.regeling.afkondiging)) if not tekst]
    if ontbreekt:
        yield Vondst(
            f"de regeling heeft geen {' en geen '.join(ontbreekt)}; grgen drukt daar niets af",
            z.bron,
            hint="een gemeenschappelijke regeling noemt in de aanhef de deelnemende bestuursorganen (Wgr art. 1) en stelt de "
            f"regeling vast in de afkondiging; vul {' en '.join(repr(w) for w in ontbreekt)} in regeling.yaml in",
        )


REGELS: list[Regel] = [
    *onderwerp_regels(),
    Regel(
        "wgr-1-aanhef",
        "Wgr art. 1, eerste lid",
        WAARSCHUWING,
        "de regeling heeft een aanhef die de deelnemers noemt en een afkondiging",
        aanhef_en_afkondiging,
    ),
    Regel(
        "wgr-8-4-centrumgemeente-naam",
        "Wgr art. 8, vierde lid",
        FOUT,
        "een centrumregeling wijst haar centrumgemeente bij naam aan, en die gemeente neemt deel",
        centrumgemeente_genoemd,
    ),
    Regel(
        "wgr-26-publicerende-gemeente",
        "Wgr art. 26",
        FOUT,
        "het artikel over bekendmaking wijst de publicerende gemeente aan, en die gemeente neemt deel",
        publicerende_gemeente,
    ),
    Regel(
        "wgr-26-gemeenteblad",
        "Wgr art. 26",
        WAARSCHUWING,
        f"een versie in werking vanaf {GEMEENTEBLAD_SINDS:%d-%m-%Y} wordt bekendgemaakt in het gemeenteblad, niet in de Staatscourant",
        gemeenteblad,
    ),
    Regel(
        "wgr-1-4-toestemmingsorgaan",
        "Wgr art. 1, vierde lid",
        FOUT,
        "iedere deelnemer heeft een orgaan dat toestemming geeft (raad of algemeen bestuur)",
        toestemmingsorgaan,
    ),
    Regel(
        "wgr-1-4-citaat",
        "Wgr art. 1, vierde lid",
        WAARSCHUWING,
        f"een versie in werking vanaf {WGR_2022:%d-%m-%Y} noemt voor de toestemming artikel 1, vierde lid, niet meer het tweede lid",
        toestemming_citaat,
    ),
]
