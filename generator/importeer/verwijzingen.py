"""References in imported text: "artikel 5, tweede lid" becomes `[[id]]` where that is exact.

A phrase is converted only when three things hold: the address parser of the amendments
(`adressen.parse_adres`) reads it, the element it names exists in this regeling, and grgen
renders the `[[id]]` at that place to exactly the same words (`adressen.los_op`, Ar 3.29). So the
text reads the same after import, and from then on follows renumbering. Everything else that
looks like a reference stays text and is listed with its place and the reason.
"""

from __future__ import annotations

import dataclasses
import re

from generator.adressen import los_op, parse_adres, verwijs, zoek
from generator.errors import Bron
from generator.model import Element, Plek, Regeling

_KANDIDAAT = re.compile(
    r"""\b(?:
        (?:(?:artikel|hoofdstuk|paragraaf)\s+(?-i:[0-9]+[a-z]*|[IVXLC]+[A-Z]*)\b(?![.:][0-9])|het\s+[a-zë]+\s+lid\b|onderdeel\s+[a-z]{1,3}\b)
        (?:,\s+(?:[a-zë]+\s+lid\b|onderdeel\s+[a-z]{1,3}\b|onder\s+[0-9]+°))*
    )""",
    re.VERBOSE | re.IGNORECASE,
)
# "artikel 4, onderdeel 7, van de AVG", "artikel 2.1, eerste lid, aanhef en onder e": more address
# follows that the parser does not read, so the part it did read must not become a reference.
_VERVOLG = re.compile(r"^,?\s+(?:onderdeel|lid|sub|onder|aanhef)\b|^[.:][0-9]", re.IGNORECASE)
_ITEM = r"(?:[0-9]+[a-z]{0,2}|[a-z]{1,3})\b"
_MEERVOUD = re.compile(rf"\b(?:artikelen|leden|onderdelen)\s+{_ITEM}(?:(?:,\s*|\s+en\s+|\s+tot\s+en\s+met\s+){_ITEM})+", re.IGNORECASE)
# "artikel 8 van de Wet ...", "artikel 2 van het Besluit ...", "artikel 5 van die verordening".
_ELDERS = re.compile(
    r"^,?\s+(?:van|uit)\s+(?!deze\b)(?:(?:de|het|die|dat)\s+)?(?:[A-Z]|\w*(?:wet|verordening|besluit|regeling|reglement)\b)"
)


@dataclasses.dataclass(frozen=True)
class Blijft:
    """A reference-like phrase left as text: where, which words, and why."""

    bron: Bron
    adres: str
    woorden: str
    reden: str

    def __str__(self) -> str:
        return f'{self.bron}: {self.adres}: "{self.woorden}" blijft tekst ({self.reden})'


@dataclasses.dataclass(frozen=True)
class Verwijzingen:
    kinderen: tuple[Element, ...]
    omgezet: int
    blijft: tuple[Blijft, ...]


def zet_om(regeling: Regeling) -> Verwijzingen:
    """Convert the references in every text of a regeling.

    >>> from generator.model import Artikel, Hoofdstuk, Lid
    >>> a = Artikel("doel", "1", kinderen=(Lid("doel.1", "1", "Eén."), Lid("doel.2", "2", "Zie het eerste lid en artikel 2 van de Wet.")))
    >>> h = Hoofdstuk("h", "1", kinderen=(a,), opschrift="X")
    >>> r = Regeling("x", "X", "X", "regeling zonder meer", "", None, "x", (), "", (), "", (h,))
    >>> v = zet_om(r)
    >>> v.kinderen[0].kinderen[0].kinderen[1].tekst, v.omgezet, [b.reden for b in v.blijft]
    ('Zie [[doel.1]] en artikel 2 van de Wet.', 1, ['verwijst naar een andere regeling of wet'])
    """
    omgezet = 0
    blijft: list[Blijft] = []

    def tekst_om(tekst: str | None, plek: Plek) -> str | None:
        nonlocal omgezet
        if not tekst:
            return tekst
        nieuw = tekst
        for m in reversed(list(_KANDIDAAT.finditer(tekst))):
            woorden = m[0]
            reden, doel = _doel(regeling, woorden, tekst[m.end() :], plek)
            if doel is not None:
                proef = nieuw[: m.start()] + f"[[{doel.element.id}]]" + nieuw[m.end() :]
                if los_op(proef, regeling, plek) == tekst:
                    nieuw = proef
                    omgezet += 1
                    continue
                reden = f'grgen schrijft hier "{verwijs(doel, plek)}"'
            if reden is not None:
                blijft.append(Blijft(plek.element.bron, plek.adres, woorden, reden))
        for m in _MEERVOUD.finditer(tekst):
            blijft.append(
                Blijft(plek.element.bron, plek.adres, m[0], "een verwijzing naar meer elementen tegelijk; grgen kent er één per [[id]]")
            )
        return nieuw

    def element_om(e: Element, ouders: tuple[Element, ...]) -> Element:
        plek = Plek(e, ouders)
        kinderen = tuple(element_om(k, (*ouders, e)) for k in e.kinderen)
        return e.met(tekst=tekst_om(e.tekst, plek), slottekst=tekst_om(e.slottekst, plek), kinderen=kinderen)

    kinderen = tuple(element_om(k, ()) for k in regeling.kinderen)
    blijft.sort(key=lambda b: (b.bron.regel, b.bron.kolom))
    return Verwijzingen(kinderen, omgezet, tuple(blijft))


def _doel(regeling: Regeling, woorden: str, na: str, plek: Plek) -> tuple[str | None, Plek | None]:
    """(reason it stays text, or None; the element the words name, when found)."""
    is_lid = woorden.lower().startswith("het ")
    stappen = parse_adres(woorden[4:] if is_lid else woorden)
    if stappen is None:
        return "geen adres dat grgen kan lezen", None
    if _VERVOLG.match(na):
        return "het adres gaat verder in een vorm die grgen niet leest", None
    if stappen[0][0] in ("artikel", "hoofdstuk", "paragraaf") and _ELDERS.match(na):
        return "verwijst naar een andere regeling of wet", None
    artikel = plek.artikel
    if stappen[0][0] in ("lid", "onderdeel", "subonderdeel"):
        if artikel is None:
            return None, None
        if stappen[0][0] == "lid" and not is_lid:
            return None, None  # "tweede lid" without "het" is not a reference of its own
        keten = (*plek.ouders, plek.element)
        lid = next((e for e in keten if e.soort == "lid"), None)
        kandidaten = [(("artikel", artikel.nummer),)]
        if stappen[0][0] != "lid" and lid is not None:
            kandidaten.insert(0, (("artikel", artikel.nummer), ("lid", lid.nummer)))
        for voor in kandidaten:
            doel = zoek(regeling, (*voor, *stappen))
            if doel is not None:
                return None, doel
        return "bestaat niet in dit artikel", None
    doel = zoek(regeling, stappen)
    if doel is None:
        return "bestaat niet in deze regeling", None
    return None, doel
