"""Rules from the Aanwijzingen voor de regelgeving (Ar) on the form of the text.

Opsommingen (Ar 3.59), alphabetical definitions (Ar 3.59, derde lid), the form of references
(Ar 3.29), the numbering of artikelen and hoofdstukken (Ar 3.54, 3.56, 6.16), and the
inwerkingtreding and citeertitel provisions (Ar 4.14, 4.24).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from generator.adressen import verwijzingen
from generator.controles.geheugen import onder, per_top, plekken, soort_lijst, soort_lijst_van, top_memo, verleden
from generator.controles.motor import Regel, Vondst, Zicht
from generator.controles.tekst import informele_vormen, kort, slotteken
from generator.errors import FOUT, WAARSCHUWING
from generator.model import Element, Plek
from generator.model.regeling import plekken_van
from generator.nummering import letterpositie, letterreeks, met_letters, reeks_tekst, splits_nummer

LIJSTSOORTEN = ("onderdeel", "subonderdeel")
_TEKENNAAM = {";": "een puntkomma", ".": "een punt", ":": "een dubbele punt", ",": "een komma"}


# -- Ar 3.59: opsommingen -------------------------------------------------------------------


# The item before the last may end in "; of" or "; en": "c. ...; of / d. ....".
_VOEGWOORD_AAN_SLOT = re.compile(r";\s+(of|en)\s*$")


def _heeft_lijst(element: Element) -> bool:
    return bool(element.kinderen) and element.kinderen[0].soort in LIJSTSOORTEN


def leestekens(z: Zicht) -> Iterator[Vondst]:
    """Ar 3.59: the words before a list end with ":", every item but the last with ";", the
    last with the mark that closes the sentence ("." or, inside a longer list, ";")."""
    yield from per_top(z.regeling, _leestekens, _leestekens)


def _leestekens(top: Element) -> list[Vondst]:
    """The findings of `leestekens` in one top-level element (its lists lie within it)."""
    alle = plekken_van(top)
    uit: list[Vondst] = []
    for plek in alle.values():
        element = plek.element
        if element.soort in ("artikel", "lid") and _heeft_lijst(element):
            uit.extend(_lijst(alle, plek, {"."}, None))
    return uit


def _lijst(alle: dict[str, Plek], plek: Plek, slot: set[str], waarom: str | None) -> Iterator[Vondst]:
    """Check the list of `plek`, whose last item must end with a mark in `slot` (`waarom`: the
    reason when that is not the plain full stop)."""
    element = plek.element
    if element.tekst and slotteken(element.tekst) != ":":
        yield _vondst(plek, element.tekst, {":"}, "de tekst vóór de opsomming eindigt op een dubbele punt")
    kinderen = element.kinderen
    for i, kind in enumerate(kinderen):
        kindplek = alle[kind.id]
        if i == len(kinderen) - 2 and not _heeft_lijst(kind) and _VOEGWOORD_AAN_SLOT.search(kind.tekst or ""):
            continue  # "c. ...; of" before the last item (Ar 6.18 example): a semicolon with its conjunction
        if i < len(kinderen) - 1:
            verwacht, regel = {";"}, f"een {kind.soort} dat niet het laatste is, eindigt op een puntkomma"
        elif element.slottekst:
            verwacht, regel = {".", ","}, f"het laatste {kind.soort} vóór de tekst na de opsomming eindigt op een punt of een komma"
        else:
            verwacht = slot
            regel = waarom or f"het laatste {kind.soort} van een opsomming eindigt op {_TEKENNAAM[next(iter(slot))]}"
        if _heeft_lijst(kind):
            reden = None
            if verwacht == {";"}:
                reden = f"het laatste subonderdeel van {kind.verwijzing} eindigt op een puntkomma, omdat {kind.verwijzing} niet het laatste onderdeel is"
            yield from _lijst(alle, kindplek, verwacht, reden)
        elif slotteken(kind.tekst) not in verwacht:
            yield _vondst(kindplek, kind.tekst or "", verwacht, regel)
    if element.slottekst and slotteken(element.slottekst) not in slot:
        yield _vondst(plek, element.slottekst, slot, f"de tekst na de opsomming eindigt op {_TEKENNAAM[next(iter(slot))]}")


def opsommingstekens(z: Zicht) -> Iterator[Vondst]:
    """Ar 3.59: onderdelen are lettered "a.", "b.", subonderdelen numbered "1°", "2°"; a list
    marked "•" or "-" (as an imported source may have it) cannot be referred to."""
    yield from per_top(z.regeling, _opsommingstekens, _opsommingstekens)


def _opsommingstekens(top: Element) -> list[Vondst]:
    uit = []
    for plek in plekken(top):
        element = plek.element
        kind = next((k for k in element.kinderen if k.opsommingsteken), None)
        if kind is not None:
            letters = "letters (a., b., c.)" if kind.soort == "onderdeel" else "1°, 2°, 3°"
            uit.append(
                Vondst(
                    f"de opsomming is aangeduid met '{kind.nummer}' in plaats van met {letters}",
                    kind.bron,
                    plek.adres,
                    f"laat 'nummer: \"{kind.nummer}\"' weg bij de {kind.meervoud}; grgen nummert ze dan naar hun plaats",
                    kind.id,
                )
            )
    return uit


def verwijzing_naar_opsommingsteken(z: Zicht) -> Iterator[Vondst]:
    """Ar 3.29: a reference names an element by its address; an item marked "•" has none, so a
    reference to it would print "onderdeel •"."""
    # The ids of the items with a marker in this version (ids are unique: the element an id names).
    gemarkeerd: set[str] = set().union(*(top_memo(top, _gemarkeerd, _gemarkeerd) for top in z.regeling.kinderen))
    if not gemarkeerd:
        return
    for plek, doelen in per_top(z.regeling, _doelen, _doelen):
        for doel in doelen:
            if doel in gemarkeerd:
                yield Vondst(
                    f"verwijzing [[{doel}]] wijst een onderdeel met opsommingsteken aan; dat heeft geen adres",
                    plek.element.bron,
                    plek.adres,
                    "geef de opsomming letters (a., b., c.) of verwijs naar het element erboven",
                    plek.element.id,
                )


def _gemarkeerd(top: Element) -> frozenset[str]:
    return frozenset(p.element.id for p in plekken(top) if p.element.opsommingsteken)


def _doelen(top: Element) -> list[tuple[Plek, list[str]]]:
    """The places of a top-level element that refer to something, with their targets sorted."""
    uit = []
    for plek in plekken(top):
        doelen = {d for t in plek.element.teksten() for d in verwijzingen(t)}
        if doelen:
            uit.append((plek, sorted(doelen)))
    return uit


def _vondst(plek: Plek, tekst: str, verwacht: set[str], regel: str) -> Vondst:
    teken = "." if "." in verwacht else next(iter(verwacht))
    gevonden = slotteken(tekst)
    nu = f"eindigt op '{gevonden}'" if gevonden and not gevonden.isalnum() else "eindigt zonder leesteken"
    zonder = tekst.rstrip()
    if gevonden in ".;:,":
        zonder = zonder[:-1]
    return Vondst(f"{nu}; {regel}", plek.element.bron, plek.adres, f'schrijf "{kort(zonder + teken)}"', plek.element.id)


# -- Ar 3.59, derde lid: begripsbepalingen alfabetisch --------------------------------------


def _sorteerwoord(term: str) -> str:
    """A term as it sorts: case and diacritics ignored ("ICT" between "dienst" and "raden")."""
    zonder = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode()
    return zonder.casefold().strip()


def begrippen_alfabetisch(z: Zicht) -> Iterator[Vondst]:
    """Ar 3.59, derde lid: definitions are in alphabetical order."""
    for artikel in z.artikelen_over("begrippen"):
        lijsten = [artikel] if _heeft_lijst(artikel) else [k for k in artikel.kinderen if _heeft_lijst(k)]
        for lijst in lijsten:
            termen = [(k, (k.tekst or "").split(":", 1)[0]) for k in lijst.kinderen if ":" in (k.tekst or "")]
            for (_, vorige), (kind, term) in zip(termen, termen[1:], strict=False):
                if _sorteerwoord(term) < _sorteerwoord(vorige):
                    plek = z.regeling.plek(kind.id)
                    yield Vondst(
                        f"begrip '{term}' staat na '{vorige}'; begripsbepalingen staan in alfabetische volgorde",
                        kind.bron,
                        plek.adres,
                        f"zet '{term}' vóór '{vorige}'",
                        kind.id,
                    )


# -- Ar 3.29: vorm van verwijzingen ---------------------------------------------------------


def verwijzingsvorm(z: Zicht) -> Iterator[Vondst]:
    """Ar 3.29: "artikel 5, tweede lid, onderdeel b", never "lid 2", "sub b" or "letter b"."""
    yield from per_top(z.regeling, _verwijzingsvormen, _verwijzingsvormen)


def _verwijzingsvormen(top: Element) -> list[Vondst]:
    return [
        Vondst(
            f'verwijzing "{geschreven}" volgt Ar 3.29 niet',
            plek.element.bron,
            plek.adres,
            f'schrijf "{ar_vorm}" (of een verwijzing [[id]])',
            plek.element.id,
        )
        for plek in plekken(top)
        for tekst in plek.element.teksten()
        for geschreven, ar_vorm in informele_vormen(tekst)
    ]


# -- Ar 3.54, 3.56: koppen en indeling -----------------------------------------------------


def koppen_artikelen(z: Zicht) -> Iterator[Vondst]:
    """Ar 3.54: an artikel is headed "Artikel 5"; `kop: kort` or `kop: geen` (as an imported
    beleidsregel may print it) hides its number, by which the besluit and references name it."""
    yield from per_top(z.regeling, _koppen_artikelen, lambda top: _koppen(top, ("artikel",)))


def koppen_indeling(z: Zicht) -> Iterator[Vondst]:
    """Ar 3.56: a hoofdstuk or paragraaf is headed "Hoofdstuk 2", "Paragraaf 1" with an Arabic
    number; a heading printed short, none, or a paragraaf lettered "B" is not the Ar form."""
    yield from per_top(z.regeling, _koppen_indeling, lambda top: _koppen(top, ("hoofdstuk", "paragraaf")))


_koppen_artikelen, _koppen_indeling = ("koppen", "artikel"), ("koppen", "indeling")
_KOPVORM_WOORDEN = {"kort": "alleen met het nummer ({kop})", "geen": "zonder kop"}


def _koppen(top: Element, soorten: tuple[str, ...]) -> list[Vondst]:
    uit = []
    for plek in plekken(top):
        e = plek.element
        if e.soort not in soorten:
            continue
        woord = e.soort.capitalize()
        if e.kopvorm in _KOPVORM_WOORDEN:
            uit.append(
                Vondst(
                    f'wordt afgedrukt {_KOPVORM_WOORDEN[e.kopvorm].format(kop=e.kop)}, niet als "{woord} {e.nummer}"',
                    e.bron,
                    plek.adres,
                    f"laat 'kop: {e.kopvorm}' weg; grgen drukt dan \"{woord} {e.nummer}\" af"
                    + (" (een hoofdstuk of paragraaf heeft dan een opschrift)" if e.soort != "artikel" and not e.opschrift else ""),
                    e.id,
                )
            )
        elif e.soort == "paragraaf" and plek.ouder is not None and _met_letters(plek.ouder):
            uit.append(
                Vondst(
                    f"paragraaf {e.nummer} is genummerd met een letter",
                    e.bron,
                    plek.adres,
                    "paragrafen worden genummerd met Arabische cijfers (Paragraaf 1, Paragraaf 2)",
                    e.id,
                )
            )
    return uit


def _met_letters(hoofdstuk: Element) -> bool:
    """Are the paragrafen of this hoofdstuk lettered (A, B, C; "C" alone would be Roman)?"""
    return met_letters([k.nummer for k in hoofdstuk.kinderen if k.soort == "paragraaf"])


def indeling(z: Zicht) -> Iterator[Vondst]:
    """Ar 3.56, eerste lid: a hoofdstuk divided into paragrafen has all its artikelen in paragrafen."""
    for h in z.regeling.kinderen:
        if {k.soort for k in h.kinderen} == {"artikel", "paragraaf"}:
            los = [k.nummer for k in h.kinderen if k.soort == "artikel"]
            yield Vondst(
                f"{h.verwijzing} is ingedeeld in paragrafen, maar {'artikel' if len(los) == 1 else 'de artikelen'} "
                f"{reeks_tekst(los, False)} {'staat' if len(los) == 1 else 'staan'} buiten een paragraaf",
                h.bron,
                h.verwijzing,
                "zet de losse artikelen in een (eerste) paragraaf",
                h.id,
            )


# -- Ar 3.54, 3.56, 6.16: nummering ----------------------------------------------------------


def _genummerd(z: Zicht, soort: str) -> list[Element]:
    return soort_lijst(z.regeling, soort)


def nummers_dubbel(z: Zicht) -> Iterator[Vondst]:
    """Ar 3.54, tweede lid, and 3.56: every artikel and hoofdstuk number occurs once."""
    for soort in ("artikel", "hoofdstuk"):
        alle: list[str] = []
        for top in z.regeling.kinderen:
            alle.extend(_nummers(top, soort).alle)
        if len(set(alle)) == len(alle):
            continue  # every number once
        elementen = _genummerd(z, soort)
        telling = Counter(e.nummer for e in elementen)
        gemeld: set[str] = set()
        for e in elementen:
            if telling[e.nummer] > 1 and e.nummer not in gemeld:
                gemeld.add(e.nummer)
                yield Vondst(
                    f"{soort}nummer {e.nummer} komt {telling[e.nummer]} keer voor",
                    e.bron,
                    f"{soort} {e.nummer}",
                    "ieder nummer komt één keer voor; een ingevoegd element krijgt een letter (Ar 6.16), bijv. "
                    + (f"{e.nummer}a" if soort == "artikel" else f"{e.nummer}A"),
                    e.id,
                )


def nummers_gat(z: Zicht) -> Iterator[Vondst]:
    """Ar 3.54, tweede lid: numbers run on without gaps; a gap left by a vervallen artikel is
    normal after an amendment (Ar 6.16: numbers are not given again)."""
    for soort in ("artikel", "hoofdstuk"):
        hoofdletter = soort != "artikel"
        delen = [_nummers(top, soort) for top in z.regeling.kinderen]
        hele_set: set[int] = set().union(*(d.hele for d in delen))
        if not hele_set:
            continue
        gegeven = verleden(z.geheugen, z.eerdere).nummers(soort)  # every number an earlier version had
        elementen: list[Element] | None = None  # only to name the element after a gap
        for ontbrekend in sorted(set(range(1, max(hele_set))) - hele_set):
            if str(ontbrekend) in gegeven:
                continue
            elementen = elementen or _genummerd(z, soort)
            volgende = next(
                e for e in elementen if (d := splits_nummer(e.nummer, hoofdletter)) and d[0].isdigit() and int(d[0]) > ontbrekend
            )
            yield Vondst(
                f"{soort} {ontbrekend} ontbreekt in de nummering (vóór {soort} {volgende.nummer})",
                volgende.bron,
                f"{soort} {volgende.nummer}",
                f"nummer de {'artikelen' if soort == 'artikel' else 'hoofdstukken'} doorlopend; een nieuw nummer volgt Ar 6.16",
                volgende.id,
            )
        # Letter suffixes run on too: 5a, 5b, not 5a, 5c.
        per_basis: dict[str, list[str]] = {}
        for d in delen:
            for basis, suffix in d.met_letter:
                per_basis.setdefault(basis, []).append(suffix)
        for basis, suffixen in per_basis.items():
            hoogste = max(letterpositie(s) or 0 for s in suffixen)
            for positie in range(1, hoogste):
                label = letterreeks(positie, hoofdletter)
                if label not in suffixen and f"{basis}{label}" not in gegeven:
                    elementen = elementen or _genummerd(z, soort)
                    volgende = next(e for e in elementen if e.nummer.startswith(basis) and e.nummer != basis)
                    yield Vondst(
                        f"{soort} {basis}{label} ontbreekt in de nummering",
                        volgende.bron,
                        f"{soort} {volgende.nummer}",
                        "letters van ingevoegde nummers lopen door: 5a, 5b, 5c (Ar 6.16)",
                        volgende.id,
                    )
                    break


@dataclasses.dataclass(frozen=True)
class _Nummers:
    """The numbers of the elements of one kind in a top-level element."""

    alle: list[str]  # as written, in document order
    hele: frozenset[int]  # the whole numbers (5 of "5a") that are digits
    met_letter: list[tuple[str, str]]  # (basis, suffix) of the numbers with a letter, in document order


def _nummers(top: Element, soort: str) -> _Nummers:
    return top_memo(top, (_Nummers, soort), lambda t: _lees_nummers(t, soort))


def _lees_nummers(top: Element, soort: str) -> _Nummers:
    hoofdletter = soort != "artikel"
    elementen = soort_lijst_van(top, soort)
    gesplitst = [n for e in elementen if (n := splits_nummer(e.nummer, hoofdletter))]
    return _Nummers(
        [e.nummer for e in elementen],
        frozenset(int(b) for b, _ in gesplitst if b.isdigit()),
        [(b, s) for b, s in gesplitst if s],
    )


# -- Ar 4.14 and 4.24: inwerkingtreding and citeertitel --------------------------------------


def inwerkingtreding(z: Zicht) -> Iterator[Vondst]:
    """Ar 4.14: a regeling provides for its inwerkingtreding."""
    if not z.artikelen_over("inwerkingtreding"):
        yield Vondst(
            "de regeling bevat geen bepaling over haar inwerkingtreding (onderwerp 'inwerkingtreding')",
            z.bron,
            hint='voeg een artikel toe, bijv. "Deze regeling treedt in werking met ingang van de dag na die van de bekendmaking.", '
            "met 'onderwerpen: [inwerkingtreding]'",
        )


def citeertitel(z: Zicht) -> Iterator[Vondst]:
    """Ar 4.24 and 4.25: an artikel gives the regeling its citeertitel, the current one."""
    titel = z.regeling.citeertitel
    artikelen = z.artikelen_over("citeertitel")
    if not artikelen:
        yield Vondst(
            "de regeling bevat geen artikel dat de citeertitel vaststelt (onderwerp 'citeertitel')",
            z.bron,
            hint=f"voeg een artikel toe: \"Deze regeling wordt aangehaald als: {titel}.\", met 'onderwerpen: [citeertitel]'",
        )
        return
    if not any(titel in " ".join(a.teksten()) or any(titel in t for p in _onder(z, a) for t in p.teksten()) for a in artikelen):
        a = artikelen[0]
        yield Vondst(
            f"het artikel over de citeertitel noemt de geldende citeertitel '{titel}' niet",
            a.bron,
            z.regeling.plek(a.id).adres,
            f'schrijf "Deze regeling wordt aangehaald als: {titel}."',
            a.id,
        )


def _onder(z: Zicht, artikel: Element) -> list[Element]:
    return [p.element for p in onder(z.regeling, artikel)]


REGELS: list[Regel] = [
    Regel(
        "ar-3.54-kop",
        "Ar 3.54",
        WAARSCHUWING,
        'een artikel heeft een kop met zijn nummer: "Artikel 5"',
        koppen_artikelen,
    ),
    Regel(
        "ar-3.56-kop",
        "Ar 3.56",
        WAARSCHUWING,
        'hoofdstukken en paragrafen hebben een kop met een Arabisch nummer: "Hoofdstuk 2", "Paragraaf 1"',
        koppen_indeling,
    ),
    Regel(
        "ar-3.56-indeling",
        "Ar 3.56, eerste lid",
        WAARSCHUWING,
        "is een hoofdstuk in paragrafen ingedeeld, dan staan al zijn artikelen in een paragraaf",
        indeling,
    ),
    Regel(
        "ar-3.59-leestekens",
        "Ar 3.59, eerste lid",
        FOUT,
        "een opsomming begint na een dubbele punt; onderdelen eindigen op een puntkomma, het laatste op een punt",
        leestekens,
    ),
    Regel(
        "ar-3.59-opsommingsteken",
        "Ar 3.59, eerste lid",
        WAARSCHUWING,
        "onderdelen van een opsomming worden aangeduid met letters, subonderdelen met 1°, 2°",
        opsommingstekens,
    ),
    Regel(
        "ar-3.29-verwijzing-opsommingsteken",
        "Ar 3.29",
        FOUT,
        "een verwijzing wijst een element met een adres aan, niet een onderdeel met opsommingsteken",
        verwijzing_naar_opsommingsteken,
    ),
    Regel(
        "ar-3.59-begrippen-alfabetisch",
        "Ar 3.59, derde lid",
        WAARSCHUWING,
        "begripsbepalingen staan in alfabetische volgorde",
        begrippen_alfabetisch,
    ),
    Regel(
        "ar-3.29-verwijzingsvorm",
        "Ar 3.29",
        FOUT,
        'verwijzingen luiden "artikel 5, tweede lid, onderdeel b", niet "lid 2", "sub b" of "letter b"',
        verwijzingsvorm,
    ),
    Regel(
        "ar-3.54-nummer-dubbel",
        "Ar 3.54, tweede lid",
        FOUT,
        "ieder artikel- en hoofdstuknummer komt één keer voor",
        nummers_dubbel,
    ),
    Regel(
        "ar-3.54-nummer-gat",
        "Ar 3.54, tweede lid",
        WAARSCHUWING,
        "artikelen en hoofdstukken zijn doorlopend genummerd (een gat door een vervallen artikel is na een wijziging normaal)",
        nummers_gat,
    ),
    Regel(
        "ar-4.14-inwerkingtreding",
        "Ar 4.14",
        FOUT,
        "de regeling bevat een bepaling over haar inwerkingtreding",
        inwerkingtreding,
    ),
    Regel(
        "ar-4.24-citeertitel",
        "Ar 4.24 en 4.25",
        FOUT,
        "een artikel stelt de citeertitel vast en noemt de geldende citeertitel",
        citeertitel,
    ),
]
