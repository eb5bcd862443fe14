"""Rules that judge an amendment: its dates, its numbering and what a toetreding must change.

These rules run on every version produced by an amendment and see the `Toepassing` (the version
before, the version after and every step). The loader already stops an amendment whose
inwerkingtreding lies before its besluit without declared terugwerkende kracht; these rules add
what it cannot see.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Iterator

from generator.controles.geheugen import soort_lijst_van, verleden
from generator.controles.motor import Regel, Vondst, Zicht
from generator.controles.tekst import noemt
from generator.errors import FOUT, WAARSCHUWING
from generator.model import Deelnemer, Element, Plek, Regeling
from generator.nummering import letterpositie, nummer_na, sorteersleutel, splits_nummer

# -- Wgr art. 1, vijfde lid: a toetreding or uittreding changes the text where it names deelnemers --


def _teksten(element: Element, met_lijst: bool) -> str:
    delen = list(element.teksten())
    if met_lijst:
        for kind in element.kinderen:
            delen.append(_teksten(kind, True))
    return " ".join(delen)


def _is_lijst(element: Element) -> bool:
    return bool(element.kinderen) and element.kinderen[0].soort in ("onderdeel", "subonderdeel")


def _noemt_allen(element: Element, namen: list[str]) -> bool:
    """Whether the element (with its list, not across leden) names every one of `namen`."""
    if element.soort == "artikel" and element.kinderen and not _is_lijst(element):
        return False  # an artikel with leden: each lid is judged on its own
    tekst = _teksten(element, _is_lijst(element))
    return all(noemt(tekst, n) for n in namen)


def opsommingen_van(regeling: Regeling, namen: list[str]) -> Iterator[Plek]:
    """The smallest elements whose text (with their list) names all of `namen`.

    "Smallest": artikel 9, tweede lid, whose onderdelen together name every deelnemer, and not
    also artikel 9; onderdeel e of the begripsbepalingen, and not also artikel 1.
    """
    for plek in regeling.elementen():
        element = plek.element
        if element.soort in ("hoofdstuk", "paragraaf") or not _noemt_allen(element, namen):
            continue
        if any(_noemt_allen(k, namen) for k in element.kinderen):
            continue
        yield plek


def _stappen_met(z: Zicht, actie: str):  # noqa: ANN202
    return [s for s in z.toepassing.stappen if s.operatie.actie == actie]


def toetreding_in_tekst(z: Zicht) -> Iterator[Vondst]:
    """Where the regeling names all other deelnemers (the definition of deelnemers, the
    composition of an overleg), it names the one who joins too."""
    for stap in _stappen_met(z, "toetreding"):
        nieuw: Deelnemer = stap.operatie.deelnemer
        anderen = [d for d in z.deelnemers if d.id != nieuw.id]
        if len(anderen) < 2:
            continue
        for plek in opsommingen_van(z.regeling, [d.naam for d in anderen]):
            if noemt(_teksten(plek.element, True), nieuw.naam):
                continue
            yield Vondst(
                f"noemt alle andere deelnemers ({', '.join(d.naam for d in anderen)}) maar niet {nieuw.naam}, die toetreedt",
                stap.operatie.bron,
                plek.adres,
                f"voeg {nieuw.naam} ook hier toe in wijziging {z.toepassing.wijziging.id}, of leg in de toelichting uit waarom niet",
                plek.element.id,
            )


def uittreding_in_tekst(z: Zicht) -> Iterator[Vondst]:
    """After an uittreding the regeling no longer names the deelnemer that left."""
    for stap in _stappen_met(z, "uittreding"):
        weg = z.toepassing.voor.regeling.zoek_deelnemer(stap.operatie.deelnemer_id)
        if weg is None:
            continue
        for plek in z.regeling.elementen():
            if plek.element.soort in ("hoofdstuk", "paragraaf"):
                continue
            if any(noemt(t, weg.naam) for t in plek.element.teksten()):
                yield Vondst(
                    f"noemt nog {weg.het_lichaam}, die uittreedt",
                    stap.operatie.bron,
                    plek.adres,
                    f"laat {weg.naam} hier vervallen in wijziging {z.toepassing.wijziging.id}",
                    plek.element.id,
                )


# -- Wet arhi art. 41: a municipal merger ---------------------------------------------------------


def zes_maanden_na(datum: dt.date) -> dt.date:
    """The end of the six months of Wet arhi art. 41, vierde lid.

    >>> zes_maanden_na(dt.date(2027, 1, 1)), zes_maanden_na(dt.date(2026, 8, 31))
    (datetime.date(2027, 7, 1), datetime.date(2027, 2, 28))
    """
    maand = datum.month + 6
    jaar, maand = datum.year + (maand - 1) // 12, (maand - 1) % 12 + 1
    return dt.date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))


def herindeling_termijn(z: Zicht) -> Iterator[Vondst]:
    """The text is brought in line within six months of the herindeling (Wet arhi art. 41, vierde lid)."""
    w = z.toepassing.wijziging
    for stap in _stappen_met(z, "herindeling"):
        grens = zes_maanden_na(stap.operatie.datum)
        ingang = w.terugwerkende_kracht or w.inwerkingtreding
        if ingang > grens:
            yield Vondst(
                f"de wijziging treedt in werking op {ingang:%d-%m-%Y}, meer dan zes maanden na de herindeling van "
                f"{stap.operatie.datum:%d-%m-%Y} (uiterlijk {grens:%d-%m-%Y})",
                stap.operatie.bron,
                f"wijziging {w.id}",
                "laat de wijziging eerder of met terugwerkende kracht in werking treden, of vraag gedeputeerde staten de "
                "termijn te verlengen (artikel 41, vierde lid, van de Wet algemene regels herindeling)",
            )


def herindeling_in_tekst(z: Zicht) -> Iterator[Vondst]:
    """After a herindeling the regeling no longer names the gemeenten that ceased to exist."""
    for stap in _stappen_met(z, "herindeling"):
        for oud_id in stap.operatie.opgeheven:
            oud = z.toepassing.voor.regeling.zoek_deelnemer(oud_id)
            for plek in z.regeling.elementen() if oud else ():
                if plek.element.soort not in ("hoofdstuk", "paragraaf") and any(noemt(t, oud.naam) for t in plek.element.teksten()):
                    yield Vondst(
                        f"noemt nog {oud.het_lichaam}, die bij de herindeling is opgeheven",
                        stap.operatie.bron,
                        plek.adres,
                        f"herschrijf {plek.adres} in wijziging {z.toepassing.wijziging.id}",
                        plek.element.id,
                    )


# -- Wgr art. 1: the order of zienswijze, toestemming and besluit -------------------------------


def datums(z: Zicht) -> Iterator[Vondst]:
    """An amendment is decided after the version it amends, and terugwerkende kracht goes back."""
    w = z.toepassing.wijziging
    basis = next((v for v in (*z.eerdere, z.versie) if v.id == w.basis), None)
    if basis is not None and basis.info.datum_ondertekening and w.datum_besluit < basis.info.datum_ondertekening:
        yield Vondst(
            f"het besluit ({w.datum_besluit:%d-%m-%Y}) ligt vóór de vaststelling van versie {basis.id} "
            f"({basis.info.datum_ondertekening:%d-%m-%Y}), die het wijzigt",
            w.bron,
            f"wijziging {w.id}",
            "controleer 'datum_besluit' en 'basis'",
        )
    if w.terugwerkende_kracht:
        if w.terugwerkende_kracht >= w.datum_besluit:
            yield Vondst(
                f"terugwerkende kracht tot {w.terugwerkende_kracht:%d-%m-%Y} ligt niet vóór het besluit ({w.datum_besluit:%d-%m-%Y})",
                w.bron,
                f"wijziging {w.id}",
                "laat 'terugwerkende_kracht' weg; 'inwerkingtreding' volstaat",
            )
        vorige = z.toepassing.voor
        if w.terugwerkende_kracht < vorige.info.inwerkingtreding:
            yield Vondst(
                f"terugwerkende kracht tot {w.terugwerkende_kracht:%d-%m-%Y} ligt vóór de inwerkingtreding van versie "
                f"{vorige.id} ({vorige.info.inwerkingtreding:%d-%m-%Y}), die het wijzigt",
                w.bron,
                f"wijziging {w.id}",
                "controleer 'terugwerkende_kracht'",
            )


# -- Ar 6.16: numbers of inserted artikelen and hoofdstukken ----------------------------------


def ingevoegde_nummers(z: Zicht) -> Iterator[Vondst]:
    """Ar 6.16: existing artikelen and hoofdstukken keep their number; an inserted one gets a
    letter (5a, 5b; hoofdstuk 5A); one added at the end the next number; a vervallen number is
    not given again.

    Only the top-level elements the amendment replaced are looked at: an element of one it
    left alone (the same object before and after) is in the version before with the same
    number, as ids are unique in a version.
    """
    tops_voor = {id(t): t for t in z.toepassing.voor.regeling.kinderen}
    tops_na = {id(t): t for t in z.regeling.kinderen}
    gegeven = verleden(z.geheugen, z.eerdere)
    for soort in ("artikel", "hoofdstuk"):
        hoofdletter = soort != "artikel"
        voor = {e.id: e.nummer for i, t in tops_voor.items() if i not in tops_na for e in soort_lijst_van(t, soort)}
        ooit = gegeven.nummers(soort)
        na: list[Element] = []
        nieuw: list[int] = []  # positions in `na` of the elements of replaced top-level elements
        for i, t in tops_na.items():
            lijst = soort_lijst_van(t, soort)
            if i not in tops_voor:
                nieuw.extend(range(len(na), len(na) + len(lijst)))
            na.extend(lijst)
        telling: Counter[str] | None = None
        for i in nieuw:
            e = na[i]
            if e.id in voor:
                if voor[e.id] != e.nummer:
                    yield Vondst(
                        f"bestaand {soort} {voor[e.id]} is vernummerd tot {e.nummer}; bestaande nummers blijven ongewijzigd",
                        e.bron,
                        f"{soort} {e.nummer}",
                        f"laat {soort} {voor[e.id]} zijn nummer houden",
                        e.id,
                    )
                continue
            if telling is None:
                telling = Counter(x.nummer for x in na)
            if telling[e.nummer] > 1:
                continue  # a duplicate number: ar-3.54-nummer-dubbel reports it
            if ooit.get(e.nummer, set()) - {e.id}:
                yield Vondst(
                    f"nummer {e.nummer} was het nummer van een vervallen {soort}; een nummer wordt niet opnieuw gegeven",
                    e.bron,
                    f"{soort} {e.nummer}",
                    f"laat 'nummer' weg, dan kiest grgen een vrij nummer (bijv. {_volgend_vrij(e.nummer, ooit, hoofdletter)})",
                    e.id,
                )
                continue
            vorige = na[i - 1] if i > 0 else None
            volgende = na[i + 1] if i + 1 < len(na) else None
            fout = _past_niet(e.nummer, vorige, volgende, hoofdletter)
            if fout:
                yield Vondst(fout[0], e.bron, f"{soort} {e.nummer}", fout[1], e.id)


def _volgend_vrij(nummer: str, ooit: dict[str, set[str]], hoofdletter: bool) -> str:
    kandidaat = nummer_na(nummer, None, hoofdletter) or nummer
    while kandidaat in ooit:
        kandidaat = nummer_na(kandidaat, None, hoofdletter) or kandidaat + "a"
    return kandidaat


def _past_niet(nummer: str, vorige: Element | None, volgende: Element | None, hoofdletter: bool) -> tuple[str, str] | None:
    """Why a new number does not follow Ar 6.16 between its neighbours, or None when it does."""
    if vorige is None:
        return None  # before the first one: the engine refuses that already
    eigen = splits_nummer(nummer, hoofdletter)
    buur = splits_nummer(vorige.nummer, hoofdletter)
    if eigen is None or buur is None or not eigen[0].isdigit() or not buur[0].isdigit():
        return None
    soort = vorige.soort
    verwacht = nummer_na(vorige.nummer, volgende.nummer if volgende else None, hoofdletter)
    met_letter = eigen[0] == buur[0] and (letterpositie(eigen[1]) or 0) > (letterpositie(buur[1]) or 0)
    if volgende is not None:
        if met_letter and sorteersleutel(nummer, hoofdletter) < sorteersleutel(volgende.nummer, hoofdletter):
            return None
        return (
            f"ingevoegd {soort} {nummer} tussen {soort} {vorige.nummer} en {soort} {volgende.nummer} krijgt een letter achter het nummer ervoor",
            f"nummer het {verwacht or vorige.nummer + ('A' if hoofdletter else 'a')}; bestaande nummers blijven ongewijzigd",
        )
    if met_letter or nummer == str(int(buur[0]) + 1):
        return None
    return (
        f"{soort} {nummer} aan het eind volgt niet op {soort} {vorige.nummer}",
        f"nummer het {str(int(buur[0]) + 1)}",
    )


REGELS: list[Regel] = [
    Regel(
        "arhi-41-4-termijn",
        "Wet arhi art. 41, vierde lid",
        WAARSCHUWING,
        "na een herindeling wordt de regeling binnen zes maanden in overeenstemming gebracht",
        herindeling_termijn,
        alleen_wijzigingen=True,
    ),
    Regel(
        "arhi-41-3-namen",
        "Wet arhi art. 41, derde lid",
        WAARSCHUWING,
        "na een herindeling noemt de regeling de opgeheven gemeenten niet meer",
        herindeling_in_tekst,
        alleen_wijzigingen=True,
    ),
    Regel(
        "wgr-1-5-toetreding-in-tekst",
        "Wgr art. 1, vijfde lid",
        FOUT,
        "wie toetreedt, staat overal waar de regeling alle andere deelnemers bij naam noemt",
        toetreding_in_tekst,
        alleen_wijzigingen=True,
    ),
    Regel(
        "wgr-1-5-uittreding-in-tekst",
        "Wgr art. 1, vijfde lid",
        WAARSCHUWING,
        "wie uittreedt, wordt niet meer bij naam genoemd",
        uittreding_in_tekst,
        alleen_wijzigingen=True,
    ),
    Regel(
        "wgr-1-5-datums",
        "Wgr art. 1, vijfde lid",
        FOUT,
        "een wijziging wordt besloten na de versie die zij wijzigt; terugwerkende kracht ligt vóór het besluit",
        datums,
        alleen_wijzigingen=True,
    ),
    Regel(
        "ar-6.16-nummer-ingevoegd",
        "Ar 6.16",
        FOUT,
        "een ingevoegd artikel of hoofdstuk krijgt een letter (5a, 5A); bestaande en vervallen nummers worden niet opnieuw gegeven",
        ingevoegde_nummers,
        alleen_wijzigingen=True,
    ),
]
