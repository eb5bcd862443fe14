"""Word's automatic numbering (numbering.xml), computed the way Word shows it.

A numbered paragraph names a numbering instance (`w:num`, by numId) and a level (ilvl), on the
paragraph itself or through its style. The instance points at an abstract definition
(`w:abstractNum`) whose levels give the start value, the format (decimal, lowerLetter, ...) and
the text around the numbers (lvlText "%1.", "%2)", "%1.%2"); the instance may override levels
(`w:lvlOverride` with a `w:startOverride` or a whole `w:lvl`). Word counts per abstract
definition, so two instances of one definition continue each other's count, and an instance with
a startOverride restarts the count where it is first used (LibreOffice reads it the same way;
pandoc 3.9 counts per instance). A level restarts when a higher level appears, unless its
`w:lvlRestart` says otherwise; `w:isLgl` shows every number of the label in decimals.

    >>> from lxml import etree
    >>> W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    >>> xml = (f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1">'
    ...        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    ...        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>'
    ...        '</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    >>> n = Nummering(etree.fromstring(xml), W, {})
    >>> [n.label("3", i) for i in (0, 1, 1, 0, 1)]
    ['1.', 'a)', 'b)', '2.', 'a)']
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from lxml import etree

from generator.nummering import letterreeks, romeins

NIVEAUS = 9  # Word's levels 0-8
MAX_KOPPELINGEN = 8  # numStyleLink hops followed before giving up (a cycle must not hang)
# Bullet characters the structure heuristics know; a bullet in a symbol font (Symbol's U+F0B7,
# Wingdings' U+F0A7, Courier's "o") is shown as "•".
_OPSOMMINGSTEKENS = set("-–•·*▪")


@dataclasses.dataclass(frozen=True)
class Niveau:
    """One level of a list definition (`w:lvl`)."""

    start: int = 1
    formaat: str = "decimal"  # w:numFmt
    tekst: str | None = None  # w:lvlText; None: Word shows no number
    herstart: int | None = None  # w:lvlRestart: None after any higher level, 0 never, n after level n (1-based)
    wettelijk: bool = False  # w:isLgl: every number of the label in decimals
    stijl: str | None = None  # w:pStyle: the paragraph style linked to this level


@dataclasses.dataclass(frozen=True)
class _Instantie:
    """A `w:num`: its abstract definition and its level overrides."""

    abstract: str
    start: dict[int, int]  # startOverride per level
    niveaus: dict[int, Niveau]  # whole w:lvl overrides


def opmaak(n: int, formaat: str) -> str:
    """One number in a Word number format.

    >>> [opmaak(n, f) for n, f in ((3, "decimal"), (28, "lowerLetter"), (4, "upperRoman"), (7, "decimalZero"), (2, "ordinal"))]
    ['3', 'bb', 'IV', '07', '2e']
    """
    if formaat in ("lowerLetter", "upperLetter"):
        teken = letterreeks(n) if n > 0 else ""
        return teken.upper() if formaat == "upperLetter" else teken
    if formaat in ("lowerRoman", "upperRoman"):
        teken = romeins(n) if 0 < n < 4000 else str(n)
        return teken.lower() if formaat == "lowerRoman" else teken
    if formaat == "decimalZero":
        return f"{n:02d}"
    if formaat == "ordinal":
        return f"{n}e"  # Dutch: 1e, 2e
    if formaat == "none":
        return ""
    return str(n)


def _opsommingsteken(tekst: str) -> str:
    return tekst if tekst in _OPSOMMINGSTEKENS else "•"


def _getal(e: etree._Element | None, w: str, standaard: int | None) -> int | None:
    if e is None:
        return standaard
    try:
        return int(e.get(f"{{{w}}}val", ""))
    except ValueError:
        return standaard


def _niveau(lvl: etree._Element, w: str) -> tuple[int, Niveau] | None:
    try:
        ilvl = int(lvl.get(f"{{{w}}}ilvl", ""))
    except ValueError:
        return None
    if not 0 <= ilvl < NIVEAUS:
        return None
    tekst = lvl.find(f"{{{w}}}lvlText")
    formaat = lvl.find(f"{{{w}}}numFmt")
    lgl = lvl.find(f"{{{w}}}isLgl")
    stijl = lvl.find(f"{{{w}}}pStyle")
    return ilvl, Niveau(
        start=_getal(lvl.find(f"{{{w}}}start"), w, 1) or 0,
        formaat=formaat.get(f"{{{w}}}val", "decimal") if formaat is not None else "decimal",
        tekst=tekst.get(f"{{{w}}}val") if tekst is not None else None,
        herstart=_getal(lvl.find(f"{{{w}}}lvlRestart"), w, None),
        wettelijk=lgl is not None and lgl.get(f"{{{w}}}val", "true") not in ("0", "false", "off"),
        stijl=stijl.get(f"{{{w}}}val") if stijl is not None else None,
    )


class Nummering:
    """The lists of one document, counted paragraph by paragraph in document order.

    `stijl_nummers` maps a numbering style's id to the numId in its numPr (for `w:numStyleLink`).
    `melden(tekst)` receives each problem once (a missing definition, a level without text).
    """

    def __init__(
        self, wortel: etree._Element | None, w: str, stijl_nummers: dict[str, str], melden: Callable[[str], None] = lambda _: None
    ) -> None:
        self._melden = melden
        self._gemeld: set[str] = set()
        self._abstract: dict[str, dict[int, Niveau]] = {}
        self._koppeling: dict[str, str] = {}  # abstractNumId -> numbering style id (numStyleLink)
        self._instanties: dict[str, _Instantie] = {}
        self._stijl_nummers = stijl_nummers
        self._tellers: dict[str, list[int | None]] = {}
        self._herstart_gedaan: set[tuple[str, int]] = set()
        if wortel is None:
            return
        for a in wortel.iterchildren(f"{{{w}}}abstractNum"):
            niveaus = dict(n for lvl in a.iterchildren(f"{{{w}}}lvl") if (n := _niveau(lvl, w)) is not None)
            aid = a.get(f"{{{w}}}abstractNumId", "")
            self._abstract[aid] = niveaus
            link = a.find(f"{{{w}}}numStyleLink")
            if link is not None:
                self._koppeling[aid] = link.get(f"{{{w}}}val", "")
        for num in wortel.iterchildren(f"{{{w}}}num"):
            ref = num.find(f"{{{w}}}abstractNumId")
            start: dict[int, int] = {}
            niveaus: dict[int, Niveau] = {}
            for o in num.iterchildren(f"{{{w}}}lvlOverride"):
                try:
                    ilvl = int(o.get(f"{{{w}}}ilvl", ""))
                except ValueError:
                    continue
                s = _getal(o.find(f"{{{w}}}startOverride"), w, None)
                if s is not None:
                    start[ilvl] = s
                lvl = o.find(f"{{{w}}}lvl")
                if lvl is not None and (n := _niveau(lvl, w)) is not None:
                    niveaus[ilvl] = n[1]
            self._instanties[num.get(f"{{{w}}}numId", "")] = _Instantie(
                ref.get(f"{{{w}}}val", "") if ref is not None else "", start, niveaus
            )

    def _eenmaal(self, tekst: str) -> None:
        if tekst not in self._gemeld:
            self._gemeld.add(tekst)
            self._melden(tekst)

    def _definitie(self, num_id: str) -> tuple[str, dict[int, Niveau]] | None:
        """The abstract definition of an instance, following numStyleLink (bounded, so a cycle ends)."""
        instantie = self._instanties.get(num_id)
        if instantie is None:
            self._eenmaal(f"de nummering met numId {num_id} ontbreekt in numbering.xml; de alinea's krijgen geen nummer")
            return None
        aid = instantie.abstract
        for _ in range(MAX_KOPPELINGEN):
            if aid not in self._abstract:
                self._eenmaal(f"de lijstdefinitie {aid} (numId {num_id}) ontbreekt in numbering.xml; de alinea's krijgen geen nummer")
                return None
            stijl = self._koppeling.get(aid)
            doel = self._instanties.get(self._stijl_nummers.get(stijl, "")) if stijl else None
            if doel is None or doel.abstract == aid:
                return aid, self._abstract[aid]
            aid = doel.abstract
        self._eenmaal(f"de nummering met numId {num_id} verwijst in een kring naar zichzelf; de alinea's krijgen geen nummer")
        return None

    def niveau_van_stijl(self, num_id: str, stijl: str) -> int | None:
        """The level of a list linked to a paragraph style (`w:pStyle` in a `w:lvl`), as heading styles do."""
        definitie = self._definitie(num_id)
        if definitie is None:
            return None
        return next((i for i, n in sorted(definitie[1].items()) if n.stijl == stijl), None)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Count a paragraph of list `num_id` at level `ilvl`; its number as Word shows it, or None.

        numId 0 switches numbering off (a paragraph whose style is numbered, but not itself).
        """
        if num_id in ("", "0"):
            return None
        definitie = self._definitie(num_id)
        if definitie is None:
            return None
        aid, abstract = definitie
        instantie = self._instanties[num_id]
        ilvl = min(max(ilvl, 0), NIVEAUS - 1)

        def niveau(i: int) -> Niveau | None:
            return instantie.niveaus.get(i) or abstract.get(i)

        def start(i: int) -> int:
            n = niveau(i)
            return instantie.start.get(i, n.start if n else 1)

        eigen = niveau(ilvl)
        if eigen is None:
            self._eenmaal(f"de nummering met numId {num_id} heeft geen niveau {ilvl + 1}; de alinea's krijgen geen nummer")
            return None
        tellers = self._tellers.setdefault(aid, [None] * NIVEAUS)
        if ilvl in instantie.start and (num_id, ilvl) not in self._herstart_gedaan:
            self._herstart_gedaan.add((num_id, ilvl))
            tellers[ilvl] = start(ilvl)
        else:
            huidig = tellers[ilvl]
            tellers[ilvl] = start(ilvl) if huidig is None else huidig + 1
        for dieper in range(ilvl + 1, NIVEAUS):
            n = niveau(dieper)
            herstart = n.herstart if n else None
            if herstart is None or (herstart > 0 and ilvl < herstart):
                tellers[dieper] = None
        if eigen.tekst is None:
            self._eenmaal(f"niveau {ilvl + 1} van de nummering met numId {num_id} heeft geen nummertekst (lvlText); Word toont geen nummer")
            return None
        if eigen.formaat == "bullet":
            return _opsommingsteken(eigen.tekst.strip()) if eigen.tekst.strip() else None
        label = _vul_in(eigen.tekst, lambda i: _waarde(i, tellers, niveau, start, eigen.wettelijk))
        return label.strip() or None


def _waarde(i: int, tellers: list[int | None], niveau: Callable[[int], Niveau | None], start: Callable[[int], int], wettelijk: bool) -> str:
    n = niveau(i)
    teller = tellers[i]
    waarde = start(i) if teller is None else teller
    formaat = "decimal" if wettelijk and (n is None or n.formaat != "none") else (n.formaat if n else "decimal")
    if formaat == "bullet":
        return ""
    return opmaak(waarde, formaat)


def _vul_in(sjabloon: str, waarde: Callable[[int], str]) -> str:
    """lvlText with %1..%9 replaced by the numbers of those levels.

    >>> _vul_in("%1.%2)", lambda i: "ab"[i])
    'a.b)'
    """
    delen: list[str] = []
    i = 0
    while i < len(sjabloon):
        c = sjabloon[i]
        if c == "%" and i + 1 < len(sjabloon) and sjabloon[i + 1] in "123456789":
            delen.append(waarde(int(sjabloon[i + 1]) - 1))
            i += 2
            continue
        delen.append(c)
        i += 1
    return "".join(delen)
