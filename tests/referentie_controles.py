"""The rules of `grgen check` as they were before they reused work across versions (issue 21).

The functions below are the previous implementations, copied unchanged (only `_lijst` of the
amendment rules is renamed `_lijst_van`): every rule walked every place of every version, and
the numbering rules walked every earlier version. `tests/test_schaal.py` runs them beside the
rules of today on generated chains and on the bundled projects: the findings must be the same,
in the same order. The helpers they share with today's rules (which did not change) are
imported.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterator

from generator.adressen import verwijzingen
from generator.controles import REGELS, Regel, Vondst, Zicht
from generator.controles.tekst import (
    TekstVerwijzing,
    informele_vormen,
    slotteken,
    vind_verwijzingen,
    zin_rond,
    zoek_verwijzing,
)
from generator.controles.verwijzingen import _inhoud
from generator.controles.vorm import _TEKENNAAM, _VOEGWOORD_AAN_SLOT, _heeft_lijst, _vondst
from generator.controles.wgr import _WGR_NAMEN, ALLEEN_BIJ, GEMEENTEBLAD_SINDS, ONDERWERPEN, WGR_2022, regel_id
from generator.controles.wijzigingen import _past_niet, _volgend_vrij
from generator.model import Element, Plek, Regeling
from generator.nummering import letterpositie, letterreeks, splits_nummer


def _artikelen_over(self: Zicht, onderwerp: str) -> list[Element]:
    """`Zicht.artikelen_over` as it was."""
    return [a for a in self.regeling.artikelen() if onderwerp in a.onderwerpen]


@contextlib.contextmanager
def zoals_vroeger() -> Iterator[None]:
    """`Zicht.artikelen_over` as it was, for the rules that did not change themselves."""
    nu = Zicht.artikelen_over
    Zicht.artikelen_over = _artikelen_over  # type: ignore[method-assign]
    try:
        yield
    finally:
        Zicht.artikelen_over = nu  # type: ignore[method-assign]


def _onderwerp_controle(onderwerp: str, wat: str, bron: str):  # noqa: ANN202 - a closure
    def controle(z: Zicht) -> Iterator[Vondst]:
        if onderwerp in ALLEEN_BIJ and z.regeling.soort not in ALLEEN_BIJ[onderwerp]:
            return
        if z.artikelen_over(onderwerp):
            return
        verwant = [a for a in z.regeling.artikelen() if onderwerp.split("-")[0] in (a.opschrift or "").lower()]
        if verwant:
            namen = " of ".join(f"artikel {a.nummer} ({a.opschrift})" for a in verwant[:3])
            hint = f"gaat {namen} hierover? zet dan 'onderwerpen: [{onderwerp}]' bij dat artikel"
        else:
            hint = (
                f"voeg een artikel over {wat} toe met 'onderwerpen: [{onderwerp}]', of zet dat onderwerp bij het artikel dat het al regelt"
            )
        yield Vondst(f"de regeling bevat geen bepaling over {wat} (onderwerp '{onderwerp}'), vereist door {bron}", z.bron, hint=hint)

    return controle


def _staatscourant(regeling: Regeling) -> bool:
    """Whether an artikel on publication names the Staatscourant anywhere in its text."""
    return any(
        "Staatscourant" in tekst
        for plek in regeling.elementen()
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
        for plek in (z.regeling.plek(artikel.id), *(p for p in z.plekken() if any(o.id == artikel.id for o in p.ouders))):
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


def toestemming_citaat(z: Zicht) -> Iterator[Vondst]:
    """Since 1 July 2022 the toestemming is in Wgr art. 1, vierde lid (before: tweede lid)."""
    if z.versie.info.inwerkingtreding < WGR_2022:
        return
    for plek in z.plekken():
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


def leestekens(z: Zicht) -> Iterator[Vondst]:
    """Ar 3.59: the words before a list end with ":", every item but the last with ";", the
    last with the mark that closes the sentence ("." or, inside a longer list, ";")."""
    for plek in z.plekken():
        element = plek.element
        if element.soort in ("artikel", "lid") and _heeft_lijst(element):
            yield from _lijst(z, plek, {"."}, None)


def _lijst(z: Zicht, plek: Plek, slot: set[str], waarom: str | None) -> Iterator[Vondst]:
    """Check the list of `plek`, whose last item must end with a mark in `slot` (`waarom`: the
    reason when that is not the plain full stop)."""
    element = plek.element
    if element.tekst and slotteken(element.tekst) != ":":
        yield _vondst(plek, element.tekst, {":"}, "de tekst vóór de opsomming eindigt op een dubbele punt")
    kinderen = element.kinderen
    for i, kind in enumerate(kinderen):
        kindplek = z.regeling.plek(kind.id)
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
            yield from _lijst(z, kindplek, verwacht, reden)
        elif slotteken(kind.tekst) not in verwacht:
            yield _vondst(kindplek, kind.tekst or "", verwacht, regel)
    if element.slottekst and slotteken(element.slottekst) not in slot:
        yield _vondst(plek, element.slottekst, slot, f"de tekst na de opsomming eindigt op {_TEKENNAAM[next(iter(slot))]}")


def verwijzingsvorm(z: Zicht) -> Iterator[Vondst]:
    """Ar 3.29: "artikel 5, tweede lid, onderdeel b", never "lid 2", "sub b" or "letter b"."""
    for plek in z.plekken():
        for tekst in plek.element.teksten():
            for geschreven, ar_vorm in informele_vormen(tekst):
                yield Vondst(
                    f'verwijzing "{geschreven}" volgt Ar 3.29 niet',
                    plek.element.bron,
                    plek.adres,
                    f'schrijf "{ar_vorm}" (of een verwijzing [[id]])',
                    plek.element.id,
                )


def _genummerd(z: Zicht, soort: str) -> list[Element]:
    return [p.element for p in z.plekken() if p.element.soort == soort]


def nummers_dubbel(z: Zicht) -> Iterator[Vondst]:
    """Ar 3.54, tweede lid, and 3.56: every artikel and hoofdstuk number occurs once."""
    for soort in ("artikel", "hoofdstuk"):
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
        elementen = _genummerd(z, soort)
        ooit = {e.nummer for v in z.eerdere for e in _alle(v.regeling, soort)}
        nummers = [n for e in elementen if (n := splits_nummer(e.nummer, hoofdletter))]
        hele = sorted({int(b) for b, _ in nummers if b.isdigit()})
        if not hele:
            continue
        for ontbrekend in (n for n in range(1, hele[-1]) if n not in hele):
            if str(ontbrekend) in ooit:
                continue
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
        for basis, suffix in nummers:
            if suffix:
                per_basis.setdefault(basis, []).append(suffix)
        for basis, suffixen in per_basis.items():
            hoogste = max(letterpositie(s) or 0 for s in suffixen)
            for positie in range(1, hoogste):
                label = letterreeks(positie, hoofdletter)
                if label not in suffixen and f"{basis}{label}" not in ooit:
                    volgende = next(e for e in elementen if e.nummer.startswith(basis) and e.nummer != basis)
                    yield Vondst(
                        f"{soort} {basis}{label} ontbreekt in de nummering",
                        volgende.bron,
                        f"{soort} {volgende.nummer}",
                        "letters van ingevoegde nummers lopen door: 5a, 5b, 5c (Ar 6.16)",
                        volgende.id,
                    )
                    break


def _alle(regeling, soort: str) -> list[Element]:  # noqa: ANN001
    return [p.element for p in regeling.elementen() if p.element.soort == soort]


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
    return [p.element for p in z.plekken() if any(o.id == artikel.id for o in p.ouders)]


def _interne_verwijzingen(z: Zicht) -> Iterator[tuple[Plek, TekstVerwijzing, Plek | None]]:
    for plek in z.plekken():
        for tekst in plek.element.teksten():
            for v in vind_verwijzingen(tekst):
                if v.extern is None:
                    yield plek, v, zoek_verwijzing(z.regeling, v, plek)


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
        start = next((p for p in regeling.elementen() if p.element.soort == soort and p.element.nummer == nummer), None)
        if start is None:
            for eerder in reversed(z.eerdere):
                if any(e.soort == soort and e.nummer == nummer for e in _elementen(eerder.regeling)):
                    return f"{soort} {nummer} bestond in versie {eerder.id} en is daarna vervallen; pas de verwijzing aan"
            return f"er is geen {soort} {nummer}; verwijs met [[id]] naar een bestaand element (zie 'grgen toon --ids')"
        return _inhoud(start)
    artikel = plek.artikel
    if artikel is not None:
        return _inhoud(regeling.plek(artikel.id))
    return "verwijs met [[id]] naar een bestaand element (zie 'grgen toon --ids')"


def _elementen(regeling: Regeling):  # noqa: ANN202
    return (p.element for p in regeling.elementen())


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


def _lijst_van(regeling: Regeling, soort: str) -> list[Element]:
    return [p.element for p in regeling.elementen() if p.element.soort == soort]


def ingevoegde_nummers(z: Zicht) -> Iterator[Vondst]:
    """Ar 6.16: existing artikelen and hoofdstukken keep their number; an inserted one gets a
    letter (5a, 5b; hoofdstuk 5A); one added at the end the next number; a vervallen number is
    not given again."""
    for soort in ("artikel", "hoofdstuk"):
        hoofdletter = soort != "artikel"
        voor = {e.id: e.nummer for e in _lijst_van(z.toepassing.voor.regeling, soort)}
        ooit: dict[str, set[str]] = {}
        for v in z.eerdere:
            for e in _lijst_van(v.regeling, soort):
                ooit.setdefault(e.nummer, set()).add(e.id)
        na = _lijst_van(z.regeling, soort)
        for i, e in enumerate(na):
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
            if sum(1 for x in na if x.nummer == e.nummer) > 1:
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


def opsommingstekens(z: Zicht) -> Iterator[Vondst]:
    """Ar 3.59: onderdelen are lettered "a.", "b.", subonderdelen numbered "1°", "2°"; a list
    marked "•" or "-" (as an imported source may have it) cannot be referred to."""
    for plek in z.plekken():
        element = plek.element
        kind = next((k for k in element.kinderen if k.opsommingsteken), None)
        if kind is not None:
            letters = "letters (a., b., c.)" if kind.soort == "onderdeel" else "1°, 2°, 3°"
            yield Vondst(
                f"de opsomming is aangeduid met '{kind.nummer}' in plaats van met {letters}",
                kind.bron,
                plek.adres,
                f"laat 'nummer: \"{kind.nummer}\"' weg bij de {kind.meervoud}; grgen nummert ze dan naar hun plaats",
                kind.id,
            )


def verwijzing_naar_opsommingsteken(z: Zicht) -> Iterator[Vondst]:
    """Ar 3.29: a reference names an element by its address; an item marked "•" has none, so a
    reference to it would print "onderdeel •"."""
    for plek in z.plekken():
        doelen = {d for t in plek.element.teksten() for d in verwijzingen(t)}
        for doel in sorted(doelen):
            if doel in z.regeling.index and z.regeling.index[doel].element.opsommingsteken:
                yield Vondst(
                    f"verwijzing [[{doel}]] wijst een onderdeel met opsommingsteken aan; dat heeft geen adres",
                    plek.element.bron,
                    plek.adres,
                    "geef de opsomming letters (a., b., c.) of verwijs naar het element erboven",
                    plek.element.id,
                )


_VROEGER = {
    "wgr-26-gemeenteblad": gemeenteblad,
    "wgr-1-4-citaat": toestemming_citaat,
    "ar-3.59-leestekens": leestekens,
    "ar-3.59-opsommingsteken": opsommingstekens,
    "ar-3.29-verwijzing-opsommingsteken": verwijzing_naar_opsommingsteken,
    "ar-3.29-verwijzingsvorm": verwijzingsvorm,
    "ar-3.54-nummer-dubbel": nummers_dubbel,
    "ar-3.54-nummer-gat": nummers_gat,
    "ar-4.24-citeertitel": citeertitel,
    "ar-3.29-verwijzing-bestaat": verwijzing_bestaat,
    "ar-6.18-verwijzing-als-id": verwijzing_als_id,
    "ar-6.16-nummer-ingevoegd": ingevoegde_nummers,
    **{
        regel_id(onderwerp, bron): _onderwerp_controle(onderwerp, wat, bron)
        for onderwerp, (wat, bron) in ONDERWERPEN.items()
        if bron and bron.startswith("Wgr")
    },
}


def regels_van_vroeger() -> list[Regel]:
    """The rule table with the previous implementation of every rule that changed."""
    assert {r.id for r in REGELS} >= set(_VROEGER)
    return [Regel(r.id, r.bron, r.ernst, r.omschrijving, _VROEGER.get(r.id, r.controle), r.alleen_wijzigingen) for r in REGELS]
