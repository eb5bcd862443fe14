"""Reader for CVDR XML (`<cvdr>`) and officiële-publicatie XML (`<officiele-publicatie>`).

Both use the same text elements: `<hoofdstuk>`, `<paragraaf>`, `<artikel>` with a `<kop>` of
`<label>`, `<nr>` and `<titel>`; `<lid>` with `<lidnr>`; `<lijst>` with `<li nr="a.">` (or a
`<li.nr>` child); `<al>` paragraphs. The reader reports what a reader of the publication sees,
paragraph by paragraph, and leaves the structure to the shared heuristics, because real files
are often flattened from Word (a whole regeling as bold `<al>` lines in the preambule).

Parsing is safe for untrusted files: no DTD, no entities, no network (lxml with
`resolve_entities=False`, `no_network=True`, `load_dtd=False`).
"""

from __future__ import annotations

from lxml import etree

from generator.errors import Bron, InvoerFout, Melding
from generator.importeer.alineas import ARTIKEL, HOOFDSTUK, PARAGRAAF, SLUITING, Alinea, Brontekst, normaliseer, waarschuwing
from generator.model.bijlage import rijregel

_KOPSOORTEN = {"hoofdstuk": HOOFDSTUK, "paragraaf": PARAGRAAF, "afdeling": PARAGRAAF, "artikel": ARTIKEL}
_KOPWOORD = {HOOFDSTUK: "Hoofdstuk", PARAGRAAF: "Paragraaf", ARTIKEL: "Artikel"}
_OVERSLAAN = {"noot", "meta", "metadata", "redactie", "kop"}
# Metadata (local names) -> key of Brontekst.gegevens.
_METADATA = {
    "identifier": "identifier",
    "isFormatOf": "bekendmaking",
    "isRatifiedBy": "vastgesteld_door",
    "inwerkingtredingDatum": "inwerkingtreding",
    "betreft": "betreft",
    "kenmerk": "kenmerk",
    "creator": "maker",
    "alternative": "citeertitel",
}


def _naam(e: etree._Element) -> str:
    return etree.QName(e).localname if isinstance(e.tag, str) else ""


def veilige_parser() -> etree.XMLParser:
    """lxml's parser for untrusted files (also the .docx parts): no DTD, no entities, no network."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False, remove_comments=True
    )


def lees_xml(inhoud: bytes, naam: str) -> Brontekst:
    """The paragraphs and metadata of a CVDR or officiële-publicatie XML file.

    >>> b = lees_xml(b'<cvdr><body><intitule>R</intitule><regeling><regeling-tekst><artikel><kop><label>Artikel</label>'
    ...              b'<nr>1</nr><titel>Doel</titel></kop><lid><lidnr>1</lidnr><al>Tekst.</al></lid></artikel>'
    ...              b'</regeling-tekst></regeling></body></cvdr>', "r.xml")
    >>> b.titel, [a.tekst for a in b.alineas]
    ('R', ['Artikel 1 Doel', '1. Tekst.'])
    """
    try:
        wortel = etree.fromstring(inhoud, veilige_parser())
    except etree.XMLSyntaxError as e:
        regel = e.lineno or 0
        raise InvoerFout(f"{naam}:{regel}: ongeldige XML: {e.msg}") from None
    if wortel is None or _naam(wortel) not in ("cvdr", "officiele-publicatie"):
        gevonden = _naam(wortel) if wortel is not None else "niets"
        raise InvoerFout(
            f"{naam}: geen CVDR- of officiële-publicatie-XML (het hoofdelement is <{gevonden}>, verwacht <cvdr> of <officiele-publicatie>)"
        )
    lezer = _Lezer(naam)
    gegevens = _metadata(wortel)
    regeling = next((e for e in wortel.iter() if _naam(e) == "regeling"), None)
    titel = _titel(wortel)
    if regeling is None:
        lezer.meldingen.append(waarschuwing("de XML bevat geen <regeling>; alle tekst wordt gelezen", Bron(naam, wortel.sourceline or 0)))
        if (publicatie := _publicatie(wortel)) is not None:  # what it is instead, for the refusal of a source without artikelen
            gegevens["publicatie"] = f"<{_naam(publicatie)}> ({naam}:{publicatie.sourceline or 0})"
        regeling = wortel
    lezer.blok(regeling, 0)
    return Brontekst(naam, tuple(lezer.alineas), titel or gegevens.get("citeertitel"), gegevens, tuple(lezer.meldingen))


def _publicatie(wortel: etree._Element) -> etree._Element | None:
    """The content element of an officiële publicatie: <zakelijke-mededeling> in
    <officiele-publicatie><gemeenteblad>, beside the blad's own <kop> and the metadata."""
    for blad in wortel:
        if _naam(blad) in ("metadata", "meta", "kop"):
            continue
        return next((e for e in blad if _naam(e) not in ("kop", "metadata", "meta", "")), None)
    return None


def _titel(wortel: etree._Element) -> str | None:
    for e in wortel.iter():
        if _naam(e) in ("intitule", "citeertitel"):
            return normaliseer("".join(e.itertext())) or None
    # officiële publicatie: the title of the publication's own kop (not the blad's)
    for e in wortel.iter():
        if _naam(e) == "titel" and e.getparent() is not None and _naam(e.getparent()) == "kop":
            grootouder = e.getparent().getparent()
            if grootouder is not None and grootouder is not wortel:
                return normaliseer("".join(e.itertext())) or None
    return None


def _tabellen(e: etree._Element) -> list[etree._Element]:
    return [t for t in e.iter() if _naam(t) in ("table", "tabel")]


def _metadata(wortel: etree._Element) -> dict[str, str]:
    gegevens: dict[str, str] = {}
    for e in wortel.iter():
        sleutel = _METADATA.get(_naam(e))
        if sleutel and sleutel not in gegevens and _naam(e.getparent() if e.getparent() is not None else e) != "kop":
            waarde = normaliseer("".join(e.itertext()))
            if waarde:
                gegevens[sleutel] = waarde
        if _naam(e) == "meta" and e.get("name") == "DC.identifier" and e.get("content"):
            gegevens.setdefault("identifier", e.get("content"))
    if "bekendmaking" in gegevens:
        gegevens["bekendmaking"] = _vindplaats(gegevens["bekendmaking"])
    return gegevens


_BLADEN = {"gmb": "Gmb.", "stcrt": "Stcrt.", "bgr": "Bgr.", "prb": "Prb.", "wsb": "Wsb."}


def _vindplaats(bekendmaking: str) -> str:
    """'gmb-2016-146361' as it is cited: 'Gmb. 2016, 146361'.

    >>> _vindplaats("gmb-2016-146361"), _vindplaats("Stcrt. 2017, 48763")
    ('Gmb. 2016, 146361', 'Stcrt. 2017, 48763')
    """
    delen = bekendmaking.split("-")
    if len(delen) == 3 and delen[0] in _BLADEN and delen[1].isdigit() and delen[2].isdigit():
        return f"{_BLADEN[delen[0]]} {delen[1]}, {delen[2]}"
    return bekendmaking


class _Lezer:
    def __init__(self, naam: str) -> None:
        self.naam = naam
        self.alineas: list[Alinea] = []
        self.meldingen: list[Melding] = []
        self.in_bijlage = False  # a table is kept only in a bijlage

    def bron(self, e: etree._Element) -> Bron:
        return Bron(self.naam, e.sourceline or 0)

    def tekst(self, e: etree._Element) -> str:
        """The visible text of an element, without footnotes (reported) and their markers."""
        delen: list[str] = [e.text or ""]
        for kind in e:
            if _naam(kind) == "noot" and _tabellen(kind):
                pass  # a table in a note (seen in a Blad gemeenschappelijke regeling): read as a table by `al`
            elif _naam(kind) == "noot":
                self.meldingen.append(
                    waarschuwing(
                        "voetnoot niet overgenomen", self.bron(kind), "grgen kent geen voetnoten; neem de tekst zo nodig op in een lid"
                    )
                )
            else:
                delen.append(self.tekst(kind))
            delen.append(kind.tail or "")
        return "".join(delen)

    def voeg_toe(self, tekst: str, e: etree._Element, **kenmerken: object) -> None:
        schoon = normaliseer(tekst)
        if schoon:
            self.alineas.append(Alinea(schoon, self.bron(e), **kenmerken))  # type: ignore[arg-type]

    def al(self, e: etree._Element, niveau: int, voor: str = "", soort: str | None = None) -> None:
        vet = all(_naam(k) in ("vet", "nadruk") for k in e) and len(e) > 0 and not (e.text or "").strip()
        self.voeg_toe(f"{voor} {self.tekst(e)}", e, kop=vet, niveau=niveau, soort=soort)
        for noot in (k for k in e if _naam(k) == "noot"):
            for tabel in _tabellen(noot):
                self.tabel(tabel)

    def tabel(self, e: etree._Element) -> None:
        """Each row of a CALS table as a paragraph with its cells; a cell spanning columns
        (namest/nameend) or rows (morerows) is flattened to its first cell, reported."""
        namen = [c.get("colname") for c in e.iter() if _naam(c) == "colspec"]
        omlaag: dict[int, int] = {}  # column -> rows still covered by a cell above
        samengevoegd = False
        for rij in (r for r in e.iter() if _naam(r) == "row"):
            cellen: list[str] = []
            for entry in (c for c in rij if _naam(c) == "entry"):
                while omlaag.get(len(cellen), 0) > 0:
                    omlaag[len(cellen)] -= 1
                    cellen.append("")
                kolom = len(cellen)
                cellen.append(normaliseer(" ".join(self.tekst(a) for a in entry if _naam(a) in ("al", "al-groep")) or self.tekst(entry)))
                begin, eind = entry.get("namest"), entry.get("nameend")
                if begin in namen and eind in namen and namen.index(eind) > namen.index(begin):
                    cellen += [""] * (namen.index(eind) - namen.index(begin))
                    samengevoegd = True
                if (entry.get("morerows") or "0").isdigit() and int(entry.get("morerows") or 0) > 0:
                    omlaag[kolom] = int(entry.get("morerows") or 0)
                    samengevoegd = True
            while omlaag.get(len(cellen), 0) > 0:
                omlaag[len(cellen)] -= 1
                cellen.append("")
            if cellen:
                self.alineas.append(Alinea(rijregel(cellen), self.bron(rij), cellen=tuple(cellen)))
        if samengevoegd:
            self.meldingen.append(
                waarschuwing(
                    "samengevoegde cellen in een tabel gesplitst: de tekst staat in de eerste cel, de andere zijn leeg",
                    self.bron(e),
                    "grgen kent alleen tabellen zonder samengevoegde cellen; controleer de tabel in regeling.yaml",
                )
            )

    def blok(self, e: etree._Element, niveau: int, soort: str | None = None) -> None:
        """Every paragraph inside `e`, in document order."""
        voor = ""
        for kind in e:
            n = _naam(kind)
            if n in _OVERSLAAN:
                continue
            if n in ("al", "al-groep"):
                self.al(kind, niveau, voor, soort)
                voor = ""
            elif n in _KOPSOORTEN:
                self.kop(kind, _KOPSOORTEN[n])
                self.blok(kind, 0, soort)
            elif n == "lid":
                nr = next((normaliseer(self.tekst(k)) for k in kind if _naam(k) == "lidnr"), "")
                self.lid(kind, nr)
            elif n == "lidnr":
                continue
            elif n == "lijst":
                self.blok(kind, niveau + 1, soort)
            elif n == "li":
                self.li(kind, niveau, soort)
            elif n == "li.nr":
                continue
            elif n in ("regeling-sluiting", "ondertekening", "slotformulering"):
                self.blok(kind, 0, SLUITING)
            elif n in ("functie", "naam", "dagtekening", "plaats"):
                self.voeg_toe(self.tekst(kind), kind, soort=SLUITING)
            elif n in ("table", "tabel") and self.in_bijlage:
                self.tabel(kind)
            elif n in ("table", "tabel"):
                self.meldingen.append(
                    waarschuwing(
                        "tabel niet overgenomen",
                        self.bron(kind),
                        "grgen kent tabellen alleen in een bijlage; neem de inhoud zo nodig op als leden of onderdelen",
                    )
                )
            elif n in (
                "regeling",
                "regeling-tekst",
                "aanhef",
                "preambule",
                "structuurtekst",
                "wijzig-artikel",
                "tekst",
                "divisie",
                "bijlage",
            ):
                if n == "bijlage":
                    self.bijlage(kind)
                    continue
                self.blok(kind, niveau if n != "regeling-tekst" else 0, soort)
            elif n in ("intitule", "citeertitel", "considerans"):
                if n == "considerans":
                    self.blok(kind, 0, soort)
            else:
                self.meldingen.append(
                    waarschuwing(
                        f"onbekend element <{n}>: alleen de tekst wordt gelezen", self.bron(kind), "controleer de structuur op deze plaats"
                    )
                )
                self.blok(kind, niveau, soort)

    def bijlage(self, e: etree._Element) -> None:
        """A CVDR <bijlage>: its <kop> as the heading "Bijlage 1 ..." (the word added when the
        label lacks it), then its paragraphs and tables."""
        kop = next((k for k in e if _naam(k) == "kop"), None)
        tekst = normaliseer(" ".join(self.tekst(k) for k in kop)) if kop is not None else ""
        if not tekst.lower().startswith("bijlage"):
            tekst = f"Bijlage {tekst}".strip()
        self.voeg_toe(tekst, kop if kop is not None else e, kop=True)
        self.in_bijlage = True
        self.blok(e, 0)

    def kop(self, e: etree._Element, soort: str) -> None:
        kop = next((k for k in e if _naam(k) == "kop"), None)
        if kop is None:
            self.voeg_toe(_KOPWOORD[soort], e, kop=True, soort=soort)
            return
        delen = {_naam(k): normaliseer(self.tekst(k)) for k in kop}
        label, nr, titel = delen.get("label", ""), delen.get("nr", ""), delen.get("titel", "")
        # The label normally names the kind ("Artikel 5"); when it does not ("1.Parkeren", or
        # empty) the element does, so the heading reads as what the XML says it is.
        woord = _KOPWOORD[soort]
        tekst = " ".join(d for d in (label, nr, titel) if d)
        if not tekst:  # an empty <kop>: the source shows no heading, grgen will number it (reported)
            self.voeg_toe(woord, kop, kop=True, soort=soort, getoond=False)
            return
        if not tekst.lower().startswith(woord.lower()):
            tekst = f"{woord} {tekst}"
        self.voeg_toe(tekst, kop, kop=True, soort=soort)

    def lid(self, e: etree._Element, nr: str) -> None:
        eerste = True
        for kind in e:
            n = _naam(kind)
            if n == "al" and eerste:
                label = nr if nr.endswith((".", ")")) or not nr else f"{nr}."
                self.al(kind, 0, label)
                eerste = False
            elif n != "lidnr":
                self._een(kind, 0)
        if eerste:
            self.voeg_toe(nr, e, niveau=0)

    def _een(self, kind: etree._Element, niveau: int) -> None:
        n = _naam(kind)
        if n == "al":
            self.al(kind, niveau)
        elif n == "lijst":
            self.blok(kind, niveau + 1)
        else:
            self.blok(kind, niveau)

    def li(self, e: etree._Element, niveau: int, soort: str | None) -> None:
        nr = e.get("nr") or next((normaliseer(self.tekst(k)) for k in e if _naam(k) == "li.nr"), "")
        eerste = True
        for kind in e:
            n = _naam(kind)
            if n == "li.nr":
                continue
            if n == "al" and eerste:
                self.al(kind, niveau, nr, soort)
                eerste = False
            elif n == "lijst":
                self.blok(kind, niveau + 1, soort)
            elif n == "al":
                self.al(kind, niveau, "", soort)
            else:
                self.blok(kind, niveau, soort)
        if eerste and (e.text or "").strip():
            self.voeg_toe(f"{nr} {e.text}", e, niveau=niveau, soort=soort)
