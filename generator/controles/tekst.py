"""Reading a regeling's text the way a reviewer does: references, names, punctuation.

Pure helpers for the rules: find the references written as plain text ("artikel 12, tweede
lid", "het derde lid") and tell internal ones from references to other laws ("artikel 1,
vierde lid, van de Wet gemeenschappelijke regelingen"); find informal forms that Ar 3.29
forbids ("lid 2", "sub b"); find names of deelnemers in a text.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterator

from generator.adressen import VERWIJZING
from generator.model import Plek, Regeling
from generator.nummering import letterpositie, rangtelwoord

_RANGTELWOORDEN = {rangtelwoord(n): n for n in range(1, 100)}
_RANG = "|".join(sorted(_RANGTELWOORDEN, key=len, reverse=True))

# One step after "artikel 5": Ar 3.29 forms and the informal ones a drafter may type.
_STAP = rf"""(?:
    (?P<rang>{_RANG})\s+lid
  | lid\s+(?P<lidnummer>\d+)
  | (?:onderdeel|sub|letter)\s+(?P<letter>[a-z]{{1,3}})
  | onderdeel\s+(?P<onderdeelnummer>\d+)
  | (?P<aanhef>aanhef(?:\s+en)?)
  | onder\s+(?P<onder>[a-z]{{1,3}}|\d+°)
  | subonderdeel\s+(?P<sub>\d+)°?
)(?![\w°])"""
_STAP_RE = re.compile(_STAP, re.VERBOSE)
_SCHEIDING = re.compile(r"\s*,?\s*")
_ABSOLUUT = re.compile(
    r"(?<![\w\[])(?P<soort>[Aa]rtikel|[Hh]oofdstuk|[Pp]aragraaf)\s+(?P<nummer>\d+(?:[.:]\d+)*[a-zA-Z]{0,3}|[IVXLC]+)(?!\w)"
)
_RELATIEF_LID = re.compile(rf"(?<!\w)(?:[Hh]et|[Dd]it)\s+(?P<rang>{_RANG})\s+lid(?!\w)")
_RELATIEF_ONDERDEEL = re.compile(r"(?<!\w)(?:onderdeel|sub)\s+(?P<letter>[a-z]{1,3})(?![\w°])")

# After an address: does it name another law or document?
_EXTERN_HOOFDLETTER = re.compile(r"\s*,?\s+(?:(?:van|uit)\s+(?:(?:de|het|die|dat|deze|der)\s+)?)?(?P<naam>[A-Z][\w-]*)")
_EXTERN_WOORD = re.compile(r"\s*,?\s+(?:van|uit)\s+(?P<lidwoord>de|het|die|dat|deze|dit)\s+(?P<woord>[a-zë-]+)")
_VAN_LID = re.compile(rf",?\s+van\s+het\s+(?P<rang>{_RANG})\s+lid(?!\w)")
_VAN_ARTIKEL = re.compile(r",?\s+van\s+artikel\s+(?P<nummer>\d+[a-z]{0,3})(?!\w)")
_NEVENSCHIKKING = re.compile(r"\s*,?\s*(?:en|of|tot en met|dan wel)\s+")
_EIGEN_DOCUMENT = {"regeling", "centrumgemeenteregeling", "centrumregeling"}


@dataclasses.dataclass(frozen=True)
class TekstVerwijzing:
    """A reference written as plain text."""

    tekst: str  # the words as written: "artikel 12, tweede lid"
    begin: int
    eind: int
    stappen: tuple[tuple[str, str], ...]  # (soort, nummer) as in `adressen.parse_adres`
    relatief: bool  # "het tweede lid": within the artikel (or lid) where it stands
    extern: str | None  # the other law or document it points into, if any
    informeel: bool  # uses "lid 2", "sub b" or "letter b" (Ar 3.29)

    @property
    def ar_vorm(self) -> str:
        """The reference in Ar 3.29 form.

        >>> [v.ar_vorm for v in vind_verwijzingen("zie artikel 5 lid 2 sub b en het derde lid")]
        ['artikel 5, tweede lid, onderdeel b', 'het derde lid']
        """
        delen = [_stap_tekst(s, n) for s, n in self.stappen]
        if self.relatief and self.stappen[0][0] == "lid":
            delen[0] = "het " + delen[0]
        return ", ".join(delen)


def _stap_tekst(soort: str, nummer: str) -> str:
    if soort == "lid":
        return f"{rangtelwoord(int(nummer))} lid"
    if soort == "onderdeel":
        return f"onderdeel {nummer}"
    if soort == "subonderdeel":
        return f"onder {nummer}°"
    return f"{soort} {nummer}"


def _stap(m: re.Match[str]) -> tuple[tuple[str, str] | None, bool]:
    """A step match as (soort, nummer), and whether it is informal; None when it is no step.

    "aanhef" (Ar 3.29, vierde lid) names no element of its own and gives ("aanhef", "").
    """
    if m["aanhef"]:
        return ("aanhef", ""), False
    if m["onderdeelnummer"]:
        return ("onderdeel", m["onderdeelnummer"]), False
    if m["rang"]:
        return ("lid", str(_RANGTELWOORDEN[m["rang"]])), False
    if m["lidnummer"]:
        return ("lid", m["lidnummer"]), True
    if m["letter"]:
        if letterpositie(m["letter"]) is None:
            return None, False
        return ("onderdeel", m["letter"]), not m[0].startswith("onderdeel")
    if m["onder"]:
        if m["onder"].endswith("°"):
            return ("subonderdeel", m["onder"][:-1]), False
        if letterpositie(m["onder"]) is None:
            return None, False
        return ("onderdeel", m["onder"]), False
    return ("subonderdeel", m["sub"]), False


def _volgende_stappen(tekst: str, positie: int) -> tuple[list[tuple[str, str]], bool, int]:
    """Steps following `positie` (", tweede lid, onderdeel b"); their end and informality."""
    stappen: list[tuple[str, str]] = []
    informeel = False
    eind = positie
    while True:
        scheiding = _SCHEIDING.match(tekst, eind)
        m = _STAP_RE.match(tekst, scheiding.end())
        if not m or scheiding.end() == eind and eind > 0 and tekst[eind - 1].isalnum():
            break
        stap, los = _stap(m)
        if stap is None:
            break
        if stap[0] != "aanhef":
            stappen.append(stap)
        informeel |= los
        eind = m.end()
    return stappen, informeel, eind


def extern_document(tekst: str, eind: int) -> str | None:
    """The law or document named right after a reference, if any ("Wet gemeenschappelijke ...").

    >>> extern_document("artikel 4, onderdeel 7, van de Algemene verordening gegevensbescherming", 22)
    'Algemene verordening gegevensbescherming'
    >>> extern_document("artikel 5 van deze regeling", 9) is None
    True
    >>> extern_document("artikel 5 van die wet", 9)
    'die wet'
    """
    rest = tekst[eind:]
    m = _EXTERN_HOOFDLETTER.match(rest)
    if m and (m[0].lstrip(" ,").startswith(("van", "uit")) or m["naam"] not in ("De", "Het", "Een", "Dit", "Deze")):
        # The law's name runs to the next punctuation: "Wet gemeenschappelijke regelingen".
        naam = re.match(r"[^,.;:()]*", rest[m.start("naam") :])[0].strip()
        return naam
    m = _EXTERN_WOORD.match(rest)
    if m and m["woord"] not in _EIGEN_DOCUMENT:
        return f"{m['lidwoord']} {m['woord']}"
    return None


def vind_verwijzingen(tekst: str) -> list[TekstVerwijzing]:
    """Every reference written as plain text, in order; `[[id]]` references are not text.

    >>> [(v.tekst, v.extern) for v in vind_verwijzingen(
    ...     "bedoeld in artikel 12, tweede lid, gelet op artikel 1, vierde lid, van de Wet gemeenschappelijke regelingen")]
    [('artikel 12, tweede lid', None), ('artikel 1, vierde lid', 'Wet gemeenschappelijke regelingen')]
    >>> [v.extern for v in vind_verwijzingen("gelet op artikel 1 en artikel 8, vierde lid, van de Wet")]
    ['Wet', 'Wet']
    >>> [(v.stappen, v.extern) for v in vind_verwijzingen("artikel 4, onderdeel 7, van de Algemene verordening")]
    [((('artikel', '4'), ('onderdeel', '7')), 'Algemene verordening')]
    >>> [v.stappen for v in vind_verwijzingen("als bedoeld in onderdeel c, onder 2°")]
    [(('onderdeel', 'c'), ('subonderdeel', '2'))]
    >>> [v.stappen for v in vind_verwijzingen("onderdeel a van artikel 5")]
    [(('artikel', '5'), ('onderdeel', 'a'))]
    """
    return list(_verwijzingen(tekst))


# Versions share most of their texts (an amendment replaces a few): each is read once.
@functools.lru_cache(maxsize=1 << 16)
def _verwijzingen(tekst: str) -> tuple[TekstVerwijzing, ...]:
    zonder_ids = VERWIJZING.sub(lambda m: " " * len(m[0]), tekst)
    uit: list[TekstVerwijzing] = []
    bezet: list[tuple[int, int]] = []
    for m in _ABSOLUUT.finditer(zonder_ids):
        soort, nummer = m["soort"].lower(), m["nummer"]
        stappen, informeel, eind = _volgende_stappen(zonder_ids, m.end())
        stappen = [(soort, nummer), *stappen]
        uit.append(_maak(zonder_ids, m.start(), eind, stappen, False, informeel))
        bezet.append((m.start(), eind))
    for m in _RELATIEF_LID.finditer(zonder_ids):
        if _in(m.start(), bezet):
            continue
        rest, informeel, eind = _volgende_stappen(zonder_ids, m.end())
        uit.append(_maak(zonder_ids, m.start(), eind, [("lid", str(_RANGTELWOORDEN[m["rang"]])), *rest], True, informeel))
        bezet.append((m.start(), eind))
    for m in _RELATIEF_ONDERDEEL.finditer(zonder_ids):
        if _in(m.start(), bezet) or letterpositie(m["letter"]) is None:
            continue
        rest, informeel, eind = _volgende_stappen(zonder_ids, m.end())
        informeel |= m[0].startswith("sub")
        stappen = [("onderdeel", m["letter"]), *rest]
        relatief = True
        # "onderdeel c van het eerste lid", "onderdeel c van artikel 5": the qualifier comes after.
        if q := _VAN_LID.match(zonder_ids, eind):
            stappen, eind = [("lid", str(_RANGTELWOORDEN[q["rang"]])), *stappen], q.end()
        elif q := _VAN_ARTIKEL.match(zonder_ids, eind):
            stappen, eind, relatief = [("artikel", q["nummer"]), *stappen], q.end(), False
        uit.append(_maak(zonder_ids, m.start(), eind, stappen, relatief, informeel))
        bezet.append((m.start(), eind))
    # A qualifier ("onderdeel a van artikel 5") swallows the address it names.
    uit = [v for v in uit if not any((w.begin, w.eind) != (v.begin, v.eind) and w.begin <= v.begin and v.eind <= w.eind for w in uit)]
    uit.sort(key=lambda v: v.begin)
    # "artikel 1 en artikel 8, vierde lid, van de Wet ...": the law named last applies to both.
    for i in range(len(uit) - 2, -1, -1):
        tussen = zonder_ids[uit[i].eind : uit[i + 1].begin]
        if uit[i].extern is None and uit[i + 1].extern and _NEVENSCHIKKING.fullmatch(tussen):
            uit[i] = dataclasses.replace(uit[i], extern=uit[i + 1].extern)
    return tuple(uit)


def _in(positie: int, bezet: list[tuple[int, int]]) -> bool:
    return any(a <= positie < b for a, b in bezet)


def _maak(tekst: str, begin: int, eind: int, stappen: list, relatief: bool, informeel: bool) -> TekstVerwijzing:
    return TekstVerwijzing(tekst[begin:eind], begin, eind, tuple(stappen), relatief, extern_document(tekst, eind), informeel)


def zoek_verwijzing(
    regeling: Regeling,
    verwijzing: TekstVerwijzing,
    vanuit: Plek,
    eerste: Callable[[str, str], Plek | None] | None = None,
) -> Plek | None:
    """The element an internal reference names in this version, read from where it stands.

    An absolute reference starts at its artikel (or hoofdstuk): the first element in document
    order with that kind and number (`eerste` finds it, when a caller has a faster way than
    walking the version); "het tweede lid" at the artikel of `vanuit`; "onderdeel b" at the
    lid of `vanuit` first, then at its artikel.
    """
    stappen = verwijzing.stappen
    if not verwijzing.relatief:
        soort, nummer = stappen[0]
        if eerste is not None:
            start = eerste(soort, nummer)
        else:
            start = next((p for p in regeling.elementen() if p.element.soort == soort and p.element.nummer == nummer), None)
        return _volg(regeling, start, stappen[1:])
    keten = (*vanuit.ouders, vanuit.element)
    artikel = next((e for e in keten if e.soort == "artikel"), None)
    if artikel is None:
        return None
    if stappen[0][0] == "lid":
        return _volg(regeling, regeling.plek(artikel.id), stappen)
    lid = next((e for e in keten if e.soort == "lid"), None)
    if lid is not None:
        gevonden = _volg(regeling, regeling.plek(lid.id), stappen)
        if gevonden is not None:
            return gevonden
    return _volg(regeling, regeling.plek(artikel.id), stappen)


def _volg(regeling: Regeling, start: Plek | None, stappen: tuple[tuple[str, str], ...]) -> Plek | None:
    huidige = start
    for soort, nummer in stappen:
        if huidige is None:
            return None
        kind = next((k for k in huidige.element.kinderen if k.soort == soort and k.nummer == nummer), None)
        huidige = regeling.plek(kind.id) if kind else None
    return huidige


_INFORMEEL = re.compile(r"(?<!\w)(?:lid\s+\d+|sub\s+[a-z]{1,3}(?![\w°])|letter\s+[a-z](?!\w))")


def informele_vormen(tekst: str) -> Iterator[tuple[str, str]]:
    """Informal reference forms (Ar 3.29) with their Ar form: ("lid 2", "het tweede lid").

    >>> list(informele_vormen("zoals bedoeld in artikel 5 lid 2 sub b en in lid 3"))
    [('artikel 5 lid 2 sub b', 'artikel 5, tweede lid, onderdeel b'), ('lid 3', 'het derde lid')]
    """
    return iter(_informele_vormen(tekst))


@functools.lru_cache(maxsize=1 << 16)
def _informele_vormen(tekst: str) -> tuple[tuple[str, str], ...]:
    return tuple(_vind_informele_vormen(tekst))


def _vind_informele_vormen(tekst: str) -> Iterator[tuple[str, str]]:
    gezien: list[tuple[int, int]] = []
    for v in vind_verwijzingen(tekst):
        if v.informeel:
            gezien.append((v.begin, v.eind))
            yield v.tekst, v.ar_vorm
    for m in _INFORMEEL.finditer(VERWIJZING.sub(lambda x: " " * len(x[0]), tekst)):
        if _in(m.start(), gezien):
            continue
        woorden = m[0].split()
        if woorden[0] == "lid":
            yield m[0], f"het {rangtelwoord(int(woorden[1]))} lid"
        else:
            yield m[0], f"onderdeel {woorden[1]}"


def noemt(tekst: str, naam: str) -> bool:
    """Whether a text names `naam` as whole words (whitespace folded).

    >>> noemt("de gemeenten Hengelo en Oldenzaal", "Hengelo"), noemt("Hengelose", "Hengelo")
    (True, False)
    """
    patroon = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in naam.split()) + r"(?!\w)"
    return re.search(patroon, tekst) is not None


def zin_rond(tekst: str, begin: int, eind: int) -> str:
    """The sentence around a span: from the previous full stop to the next one."""
    start = max(tekst.rfind(". ", 0, begin) + 1, 0)
    stop = tekst.find(". ", eind)
    return tekst[start : stop if stop >= 0 else len(tekst)]


def slotteken(tekst: str | None) -> str:
    """The last punctuation-relevant character of a text ('' for none).

    >>> slotteken("de kosten te beheersen;  "), slotteken("bestaat uit:"), slotteken(None)
    (';', ':', '')
    """
    tekst = (tekst or "").rstrip()
    return tekst[-1:] if tekst else ""


def kort(tekst: str, woorden: int = 6) -> str:
    """The last few words of a text, for a message: "…van de deelnemers;".

    >>> kort("een heel lange zin met veel te veel woorden erin.", 3)
    '…veel woorden erin.'
    """
    delen = tekst.split()
    return ("…" if len(delen) > woorden else "") + " ".join(delen[-woorden:])
