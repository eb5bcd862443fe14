"""Rules on references written as plain text ("artikel 12, tweede lid", "het derde lid").

A plain-text reference to the regeling itself must point to an element that exists in that
version (Ar 3.29); and it had better be written as `[[id]]`, so that it follows when leden and
onderdelen are renumbered (Ar 6.18). References to other laws ("..., van de Wet
gemeenschappelijke regelingen") are not checked against the regeling.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.controles.geheugen import per_top, plekken, verleden, versiegeheugen
from generator.controles.motor import Regel, Vondst, Zicht
from generator.controles.tekst import TekstVerwijzing, vind_verwijzingen, zoek_verwijzing
from generator.errors import FOUT, WAARSCHUWING
from generator.model import Element, Plek


def _interne_verwijzingen(z: Zicht) -> Iterator[tuple[Plek, TekstVerwijzing, Plek | None]]:
    """Every internal plain-text reference of the version, with the place it names (or None).

    Finding the references is done once per top-level element; only resolving them, which
    depends on the whole version, is done per version.
    """
    vg = versiegeheugen(z.geheugen)
    for plek, v in per_top(z.regeling, _in_top, _in_top):
        yield plek, v, zoek_verwijzing(z.regeling, v, plek, lambda soort, nummer: vg.eerste_plek(z.regeling, soort, nummer))


def _in_top(top: Element) -> list[tuple[Plek, TekstVerwijzing]]:
    return [(plek, v) for plek in plekken(top) for tekst in plek.element.teksten() for v in vind_verwijzingen(tekst) if v.extern is None]


def verwijzing_bestaat(z: Zicht) -> Iterator[Vondst]:
    """A plain-text internal reference points to an element of this version."""
    for plek, v, doel in _interne_verwijzingen(z):
        if doel is None:
            yield Vondst(
                f'verwijst naar "{v.tekst}", dat niet bestaat',
                plek.element.bron,
                plek.adres,
                _waarom_niet(z, v, plek),
                plek.element.id,
            )


def _waarom_niet(z: Zicht, v: TekstVerwijzing, plek: Plek) -> str:
    """What the reader should know: the artikel was vervallen, or how many leden it has."""
    regeling = z.regeling
    if not v.relatief:
        soort, nummer = v.stappen[0]
        start = versiegeheugen(z.geheugen).eerste_plek(regeling, soort, nummer)
        if start is None:
            eerder = verleden(z.geheugen, z.eerdere).laatst(soort, nummer)
            if eerder is not None:
                return f"{soort} {nummer} bestond in versie {eerder.id} en is daarna vervallen; pas de verwijzing aan"
            return f"er is geen {soort} {nummer}; verwijs met [[id]] naar een bestaand element (zie 'grgen toon --ids')"
        return _inhoud(start)
    artikel = plek.artikel
    if artikel is not None:
        return _inhoud(regeling.plek(artikel.id))
    return "verwijs met [[id]] naar een bestaand element (zie 'grgen toon --ids')"


def _inhoud(plek: Plek) -> str:
    kinderen = plek.element.kinderen
    if not kinderen:
        return f"{plek.adres} heeft geen leden of onderdelen"
    eerste, laatste = kinderen[0], kinderen[-1]
    meervoud = eerste.meervoud
    return f"{plek.adres} heeft {len(kinderen)} {meervoud} ({eerste.nummer} tot en met {laatste.nummer})"


def verwijzing_als_id(z: Zicht) -> Iterator[Vondst]:
    """Ar 6.18: leden and onderdelen are renumbered; a reference [[id]] follows, plain text not."""
    for plek, v, doel in _interne_verwijzingen(z):
        if doel is not None and doel.element.id != plek.element.id:
            yield Vondst(
                f'verwijzing "{v.tekst}" staat als gewone tekst en past zich niet aan bij vernummering',
                plek.element.bron,
                plek.adres,
                f"schrijf [[{doel.element.id}]]",
                plek.element.id,
            )


REGELS: list[Regel] = [
    Regel(
        "ar-3.29-verwijzing-bestaat",
        "Ar 3.29",
        FOUT,
        "een verwijzing in de tekst naar de regeling zelf wijst naar een element dat in die versie bestaat",
        verwijzing_bestaat,
    ),
    Regel(
        "ar-6.18-verwijzing-als-id",
        "Ar 6.18",
        WAARSCHUWING,
        "een verwijzing naar de regeling zelf staat als [[id]], zodat zij vernummering volgt",
        verwijzing_als_id,
    ),
]
