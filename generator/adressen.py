"""Addresses of elements in Ar 3.29 form, and inline references in texts.

An address is what a lawyer writes: "artikel 5, tweede lid, onderdeel b, onder 1°". We parse it
into steps, find the element it names in a version, and render references from the *current*
numbering. In data, a reference is written `[[id]]` with the stable id of the target; it renders
relative to where it stands: "het tweede lid" inside the same artikel, "artikel 5, tweede lid"
elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from generator.model import ALINEAGRENS, Element, Plek, Regeling
from generator.model.regeling import plekken_van
from generator.nummering import letterpositie, rangtelwoord

VERWIJZING = re.compile(r"\[\[([^\[\]\s|]+)\]\]")
# Two references joined by "en" or "of": "[[a]] en [[b]]" reads "de onderdelen a en b".
PAAR = re.compile(r"\[\[([^\[\]\s|]+)\]\] (en|of) \[\[([^\[\]\s|]+)\]\]")
# The last step of an address and its plural: "onderdeel a" -> ("onderdelen", "a").
_MEERVOUD = {"artikel": "artikelen", "onderdeel": "onderdelen", "subonderdeel": "subonderdelen", "hoofdstuk": "hoofdstukken"}

_RANGTELWOORDEN = {rangtelwoord(n): n for n in range(1, 100)}
_STAP = re.compile(
    r"""\s*(?:
        (?P<soort>artikel|hoofdstuk|paragraaf)\s+(?P<nummer>[0-9IVXLC]+[A-Za-z]*|[a-z]1)
      | paragraaf\s+(?P<paragraafletter>(?-i:[A-Z]{1,4}))(?=\s*(?:,|$))
      | (?P<rang>[a-zë]+)\s+lid
      | lid\s+(?P<lidnummer>[0-9]+)
      | (?:onderdeel|sub)\s+(?P<letter>[a-z]+)
      | (?:onder\s+|subonderdeel\s+)(?P<sub>[0-9]+)°?
    )\s*(?:,|$)""",
    re.VERBOSE | re.IGNORECASE,
)


_ZIN = re.compile(r",?\s*(?:(?P<rang>[a-z]+)\s+zin|zin\s+(?P<nummer>\d+))\s*$", re.IGNORECASE)


def splits_zin(adres: str) -> tuple[str, int | None]:
    """An address that ends in a sentence ("artikel 5, vijfde lid, tweede zin"): the element's
    address and the sentence number (Ar 3.29).

    >>> splits_zin("artikel 5, vijfde lid, tweede zin"), splits_zin("artikel 3, zin 2"), splits_zin("artikel 3")
    (('artikel 5, vijfde lid', 2), ('artikel 3', 2), ('artikel 3', None))
    """
    m = _ZIN.search(adres)
    if m is None:
        return adres, None
    n = int(m["nummer"]) if m["nummer"] else _RANGTELWOORDEN.get(m["rang"].lower())
    return (adres[: m.start()].strip(), n) if n else (adres, None)


def parse_adres(adres: str) -> tuple[tuple[str, str], ...] | None:
    """Steps of an address as (soort, nummer); None when it is not an address.

    Accepts the Ar 3.29 form and the informal "lid 2" / "sub b" a drafter may type.

    >>> parse_adres("artikel 5a, tweede lid, onderdeel b, onder 1°")
    (('artikel', '5a'), ('lid', '2'), ('onderdeel', 'b'), ('subonderdeel', '1'))
    >>> parse_adres("Hoofdstuk 2A"), parse_adres("paragraaf B")
    ((('hoofdstuk', '2A'),), (('paragraaf', 'B'),))
    >>> parse_adres("artikel 3 lid 2") is None  # steps are separated by commas
    True
    >>> parse_adres("het vijfde artikel") is None
    True
    """
    stappen: list[tuple[str, str]] = []
    positie = 0
    tekst = adres.strip()
    while positie < len(tekst):
        m = _STAP.match(tekst, positie)
        if not m or m.end() == positie:
            return None
        positie = m.end()
        if m["soort"]:
            stappen.append((m["soort"].lower(), m["nummer"]))
        elif m["paragraafletter"]:  # "paragraaf B": a lettered paragraaf
            stappen.append(("paragraaf", m["paragraafletter"]))
        elif m["rang"]:
            n = _RANGTELWOORDEN.get(m["rang"].lower())
            if n is None:
                return None
            stappen.append(("lid", str(n)))
        elif m["lidnummer"]:
            stappen.append(("lid", m["lidnummer"]))
        elif m["letter"]:
            if letterpositie(m["letter"]) is None:
                return None
            stappen.append(("onderdeel", m["letter"].lower()))
        else:
            stappen.append(("subonderdeel", m["sub"]))
    return tuple(stappen) or None


def zoek(regeling: Regeling, stappen: tuple[tuple[str, str], ...]) -> Plek | None:
    """The element an address names in this version, or None.

    Artikel numbers are unique in a regeling, so an address may start at the artikel without
    naming its hoofdstuk.
    """
    eerste_soort, eerste_nummer = stappen[0]
    if eerste_soort == "artikel":
        huidige = regeling.index.artikel(eerste_nummer)
    else:
        huidige = next(
            (p for p in regeling.elementen() if p.element.soort == eerste_soort and p.element.nummer == eerste_nummer),
            None,
        )
    for soort, nummer in stappen[1:]:
        if huidige is None:
            return None
        kind = next((k for k in huidige.element.kinderen if k.soort == soort and k.nummer == nummer), None)
        huidige = Plek(kind, (*huidige.ouders, huidige.element)) if kind else None
    return huidige


def verwijzingen(tekst: str | None) -> list[str]:
    """The ids referred to in a text.

    >>> verwijzingen("zoals bedoeld in [[taken.2]] en [[belang]]")
    ['taken.2', 'belang']
    """
    return VERWIJZING.findall(tekst or "")


def verwijs(doel: Plek, vanuit: Plek | None) -> str:
    """How a text at `vanuit` names `doel` (Ar 3.29), relative where the Ar want it.

    Inside the same artikel the artikel is not repeated ("het tweede lid"); inside the same lid
    an onderdeel is named alone ("onderdeel b").
    """
    if doel.element.soort in ("hoofdstuk", "paragraaf"):
        if vanuit is not None and any(o.id == doel.element.id for o in vanuit.ouders):
            return f"dit {doel.element.soort}"
        return doel.adres
    artikel = doel.artikel
    if vanuit is None or artikel is None or vanuit.artikel is None or vanuit.artikel.id != artikel.id:
        return doel.adres
    if doel.element.id == artikel.id:
        return "dit artikel"
    keten = [*doel.ouders[doel.ouders.index(artikel) + 1 :], doel.element] if artikel in doel.ouders else [doel.element]
    # An onderdeel referred to from within its own lid is named without the lid.
    if len(keten) > 1 and keten[0].soort == "lid" and any(o.id == keten[0].id for o in (*vanuit.ouders, vanuit.element)):
        keten = keten[1:]
    delen = [e.verwijzing for e in keten]
    if keten[0].soort == "lid":
        delen[0] = "het " + delen[0]
    return ", ".join(delen)


def los_op(tekst: str, regeling: Regeling, vanuit: Plek | None) -> str:
    """Replace every `[[id]]` in a text by its Ar 3.29 address in this version.

    An address with commas inside a sentence is closed by a comma ("artikel 5, tweede lid, en
    artikel 6"), which the drafter cannot know in advance because it depends on the current
    numbering; a reference that opens a sentence gets a capital. Unknown ids stay visible as
    `[[id]]`; the loader and the amendment engine report them before any text is rendered.
    """
    if "[[" not in tekst:  # most texts refer to nothing: no closure, no pattern
        return tekst
    if PAAR.search(tekst):
        tekst = PAAR.sub(lambda m: _paar(m, regeling, vanuit, tekst), tekst)
        if "[[" not in tekst:
            return tekst
    return "".join(deel for deel, _ in los_op_in_delen(tekst, regeling, vanuit))


def los_op_in_delen(tekst: str, regeling: Regeling, vanuit: Plek | None) -> list[tuple[str, str | None]]:
    """`los_op` in pieces: (text, None) for plain text, (address, id) for each reference, so a
    view can link a reference to its target.

    >>> from generator.model import Artikel, Hoofdstuk
    >>> r = Regeling("x", "X", "X", "s", "g", None, "p", (), "a", (), "b", (Hoofdstuk("h", "1", kinderen=(Artikel("a", "5", "Tekst."),)),))
    >>> los_op_in_delen("Zie [[a]] hier.", r, None)
    [('Zie ', None), ('artikel 5', 'a'), (' hier.', None)]
    """
    delen: list[tuple[str, str | None]] = []
    vorige = 0
    for m in VERWIJZING.finditer(tekst):
        if m.start() > vorige:
            delen.append((tekst[vorige : m.start()], None))
        vorige = m.end()
        plek = regeling.index.get(m[1])
        if plek is None:
            delen.append((m[0], None))
            continue
        delen.append((_in_zin(verwijs(plek, vanuit), tekst, m.start(), m.end()), m[1]))
    if vorige < len(tekst):
        delen.append((tekst[vorige:], None))
    return delen


def _paar(m: re.Match[str], regeling: Regeling, vanuit: Plek | None, tekst: str) -> str:
    """Two sibling references as one plural address (Ar 3.29): "de onderdelen a en b", "het eerste en
    tweede lid", "artikel 4, onderdelen a en b"; otherwise both addresses as they are.

    >>> from generator.model import Artikel, Onderdeel
    >>> art = Artikel("x", "4", kinderen=(Onderdeel("x.a", "a", "A;"), Onderdeel("x.b", "b", "B.")))
    >>> r = Regeling("r", "R", "R", "regeling zonder meer", "", None, "", (), "", (), "", (art,))
    >>> los_op("bedoeld in [[x.a]] en [[x.b]] is", r, r.plek("x")), los_op("[[x.a]] of [[x.b]]", r, None)
    ('bedoeld in de onderdelen a en b is', 'Artikel 4, onderdelen a of b')
    """
    a, b = regeling.index.get(m[1]), regeling.index.get(m[3])
    if a is None or b is None or a.element.soort != b.element.soort or a.element.id == b.element.id:
        return m[0]
    zelfde_ouder = a.ouder is not None and b.ouder is not None and a.ouder.id == b.ouder.id
    if not zelfde_ouder and a.element.soort != "artikel":  # artikelen are numbered across hoofdstukken
        return m[0]
    delen_a, delen_b = verwijs(a, vanuit).split(", "), verwijs(b, vanuit).split(", ")
    if delen_a[:-1] != delen_b[:-1] or len(delen_a) != len(delen_b):
        return m[0]
    laatste_a, laatste_b = delen_a[-1], delen_b[-1]
    if laatste_a.endswith(" lid") and laatste_b.endswith(" lid"):  # "het eerste lid", "tweede lid"
        samen = f"{laatste_a.removesuffix(' lid')} {m[2]} {laatste_b.removeprefix('het ').removesuffix(' lid')} lid"
    else:
        soort_a, _, nummer_a = laatste_a.partition(" ")
        soort_b, _, nummer_b = laatste_b.partition(" ")
        if soort_a != soort_b or soort_a not in _MEERVOUD:
            return m[0]
        samen = f"{'' if delen_a[:-1] else 'de '}{_MEERVOUD[soort_a]} {nummer_a} {m[2]} {nummer_b}"
    adres = ", ".join([*delen_a[:-1], samen])
    return _in_zin(adres, tekst, m.start(), m.end())


def _in_zin(adres: str, tekst: str, begin: int, eind: int) -> str:
    """An address placed in its sentence: a closing comma, a capital at the start."""
    na = tekst[eind : eind + 1]
    if "," in adres and na and na not in ",.;:)":
        adres += ","
    voor = tekst[:begin].rstrip(" ")
    if not voor or voor.endswith((".", "!", "?", ALINEAGRENS)):  # a sentence or an alinea opens with a capital
        adres = adres[:1].upper() + adres[1:]
    return adres


def onbekende_verwijzingen(regeling: Regeling, binnen: Iterable[Element] | None = None) -> Iterator[tuple[Plek, str]]:
    """Every (element, id) pair where a text refers to an id that this version does not have.

    `binnen` limits the search to some top-level elements (default: all). Only those whose
    (cached) reference set holds an unknown id are walked; the sets are then at hand for the
    amendment engine, which asks them again.
    """
    index = regeling.index
    tops = regeling.kinderen if binnen is None else binnen
    verdacht = [k for k in tops if any(d not in index for d in k.verwijzingen_in)]
    for plek in (p for k in verdacht for p in plekken_van(k).values()):
        for tekst in plek.element.teksten():
            for doel_id in verwijzingen(tekst):
                if doel_id not in regeling.index:
                    yield plek, doel_id
