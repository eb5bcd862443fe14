"""Reader for Word (.docx): word/document.xml, styles.xml and numbering.xml read with lxml.

Word's automatic numbering is not in the paragraph text: the number comes from numbering.xml,
through a paragraph's own numPr or its style (and the style's basedOn chain), and lists may
continue across artikelen. `wordnummering` counts them as Word shows them; the reader writes
every number in front of its paragraph's text ("2.", "b.") and leaves literal numbers ("1.",
"a." typed as text) as they are. The text is what Word shows with every tracked change accepted
(w:ins and w:moveTo kept, w:del and w:moveFrom left out, reported), field results without their
codes, hyperlinks, smart tags and content controls as their text, tabs and line breaks as
spaces, soft hyphens left out. A paragraph is a heading when its style is (or is based on) a
"heading N"/"kop N" style or has an outline level, or when all its text is bold. Tables,
footnotes, text boxes and documents embedded as altChunk are reported and left out. The leading
Title paragraph is the title (as pandoc takes it into its metadata; Subtitle, Author, Date and
Abstract before the text are left out, as pandoc does); the lines of a table of contents (styles
"toc N") are reported and left out. Paragraphs are numbered for messages as
they stand in the body, empty ones included, a table counting as one.

Parsing is safe for untrusted files, as in `xml`: no DTD, no entities, no network; each part is
read with a bound on its unpacked size, so a zip bomb stops before it is parsed.
"""

from __future__ import annotations

import dataclasses
import io
import posixpath
import re
import zipfile
import zlib

from lxml import etree

from generator.errors import Bron, InvoerFout, Melding
from generator.importeer.alineas import Alinea, Brontekst, normaliseer, waarschuwing
from generator.importeer.wordnummering import NIVEAUS, Nummering
from generator.importeer.xml import veilige_parser
from generator.model.bijlage import rijregel

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRIKT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
DOCUMENT, STIJLEN, NUMMERING = "document", "stijlen", "nummering"  # the parts read
# Unpacked bytes a part may have; the .docx itself is at most lezen.MAX_BRON (50 MB).
MAX_DOCUMENT = 256 * 1024 * 1024
MAX_DEEL = 32 * 1024 * 1024
MAX_BASIS = 32  # basedOn steps followed; a cycle or an absurd chain ends there
_KOPSTIJL = re.compile(r"(?:heading|kop)\s*[1-9]$", re.IGNORECASE)
_METASTIJLEN = {"title", "subtitle", "author", "date", "abstract"}
_INHOUDSOPGAVE = re.compile(r"toc (?:[1-9]|heading)$")  # Word's styles of a table of contents
_UIT = ("0", "false", "off")
_KOPNIVEAUS = frozenset("012345678")  # w:outlineLvl of a heading; 9 is body text
_ALTERNATIEF = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"


def lees_docx(inhoud: bytes, naam: str) -> Brontekst:
    """The paragraphs of a Word document, numbers included.

    >>> import docx, io
    >>> d = docx.Document(); _ = d.add_paragraph("Regeling R", style="Title"); _ = d.add_paragraph("Artikel 1", style="Heading 2")
    >>> _ = d.add_paragraph("De tekst.", style="List Number"); uit = io.BytesIO(); d.save(uit)
    >>> b = lees_docx(uit.getvalue(), "r.docx")
    >>> b.titel, [(a.tekst, a.kop) for a in b.alineas]
    ('Regeling R', [('Artikel 1', True), ('1. De tekst.', False)])
    """
    delen = _lees_zip(inhoud, naam)
    document = _ontleed(*delen[DOCUMENT], naam)
    w = etree.QName(document).namespace or W
    if w not in (W, W_STRIKT):
        raise InvoerFout(f"{naam}: {delen[DOCUMENT][0]} is geen WordprocessingML (naamruimte {w})")
    meldingen: list[Melding] = []
    stijlen = _Stijlen(_ontleed(*delen[STIJLEN], naam) if STIJLEN in delen else None, w)
    lezer = _Lezer(naam, w, stijlen, meldingen)

    def meld(tekst: str) -> None:  # a numbering problem, at the first paragraph it touches
        meldingen.append(waarschuwing(tekst, Bron(naam, lezer.nummer), "controleer de nummering in Word"))

    lezer.nummering = Nummering(_ontleed(*delen[NUMMERING], naam) if NUMMERING in delen else None, w, stijlen.nummerstijlen, meld)
    body = document.find(f"{{{w}}}body")
    if body is not None:
        lezer.blokken(body)
    if lezer.revisies:
        meldingen.insert(
            0,
            waarschuwing(
                "het document bevat bijgehouden wijzigingen; grgen neemt de tekst alsof alle wijzigingen zijn geaccepteerd",
                Bron(naam),
                "accepteer of weiger de wijzigingen in Word en importeer opnieuw als dat niet de bedoeling is",
            ),
        )
    return Brontekst(naam, tuple(lezer.alineas), lezer.titel, {}, tuple(meldingen))


def _lees_zip(inhoud: bytes, naam: str) -> dict[str, tuple[str, bytes]]:
    """The main document, its styles and its numbering (DOCUMENT, STIJLEN, NUMMERING -> part name
    and bytes), found through the package's relationships and each read no further than its bound."""
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
            namen = set(z.namelist())
            doelen = _doelen(z, namen, naam)
            if doelen[DOCUMENT] not in namen:
                raise KeyError(doelen[DOCUMENT])
            delen = {}
            for sleutel, grens in ((DOCUMENT, MAX_DOCUMENT), (STIJLEN, MAX_DEEL), (NUMMERING, MAX_DEEL)):
                deel = doelen[sleutel]
                if deel in namen:
                    delen[sleutel] = (deel, _lees_deel(z, deel, grens, naam))
    except (zipfile.BadZipFile, KeyError):
        raise InvoerFout(f"{naam} is geen Word-document (.docx); sla het in Word op als 'Word-document (*.docx)'") from None
    except (zlib.error, EOFError, NotImplementedError, OSError, ValueError) as e:
        raise InvoerFout(f"{naam}: het Word-document is beschadigd ({e}); sla het in Word opnieuw op") from None
    return delen


def _lees_deel(z: zipfile.ZipFile, deel: str, grens: int, naam: str) -> bytes:
    with z.open(deel) as f:
        gelezen = f.read(grens + 1)  # stops at the bound whatever the header claims: a zip bomb ends here
    if len(gelezen) > grens:
        raise InvoerFout(f"{naam}: {deel} is uitgepakt groter dan {grens // (1024 * 1024)} MB; dat is geen regeling (of een zip-bom)")
    return gelezen


def _doelen(z: zipfile.ZipFile, namen: set[str], naam: str) -> dict[str, str]:
    """Part names of the main document, its styles and numbering: what the relationships say
    (_rels/.rels, then the document's own .rels), else the usual word/document.xml, ..."""
    doelen = {DOCUMENT: "word/document.xml", STIJLEN: "word/styles.xml", NUMMERING: "word/numbering.xml"}
    pakket = _relaties(z, namen, "_rels/.rels", "", naam)
    doelen[DOCUMENT] = pakket.get("officeDocument", doelen[DOCUMENT])
    map_, _, bestand = doelen[DOCUMENT].rpartition("/")
    eigen = _relaties(z, namen, f"{map_}/_rels/{bestand}.rels" if map_ else f"_rels/{bestand}.rels", map_, naam)
    doelen[STIJLEN] = eigen.get("styles", doelen[STIJLEN])
    doelen[NUMMERING] = eigen.get("numbering", doelen[NUMMERING])
    return doelen


def _relaties(z: zipfile.ZipFile, namen: set[str], pad: str, map_: str, naam: str) -> dict[str, str]:
    """Relationship type (its last word: officeDocument, styles, ...) -> part name, from one .rels part."""
    if pad not in namen:
        return {}
    try:
        wortel = etree.fromstring(_lees_deel(z, pad, MAX_DEEL, naam), veilige_parser())
    except etree.XMLSyntaxError:
        return {}  # a damaged .rels: the usual part names are tried
    uit: dict[str, str] = {}
    for r in wortel:
        doel = r.get("Target") or ""
        if not isinstance(r.tag, str) or not doel or r.get("TargetMode") == "External":
            continue
        doel = doel[1:] if doel.startswith("/") else posixpath.normpath(posixpath.join(map_, doel))
        uit.setdefault((r.get("Type") or "").rpartition("/")[2], doel)
    return uit


def _ontleed(deel: str, xml: bytes, naam: str) -> etree._Element:
    try:
        wortel = etree.fromstring(xml, veilige_parser())
    except etree.XMLSyntaxError as e:
        raise InvoerFout(f"{naam}: {deel}:{e.lineno or 0}: ongeldige XML in het Word-document: {e.msg}") from None
    if wortel is None:
        raise InvoerFout(f"{naam}: {deel} is leeg")
    return wortel


def _aan(e: etree._Element | None, w: str) -> bool | None:
    """An on/off property (w:b, w:vanish): True, False, or None when absent."""
    if e is None:
        return None
    return e.get(f"{{{w}}}val", "true") not in _UIT


@dataclasses.dataclass(frozen=True)
class _Stijl:
    """A paragraph or character style with what it inherits through basedOn resolved."""

    naam: str = ""  # lower case
    kop: bool = False  # heading N / kop N in the chain, or an outline level 0-8
    nummer: str | None = None  # numId of the first numPr in the chain
    niveau: int | None = None  # its ilvl, when it names one
    nummerstijl: str | None = None  # the style in the chain that has that numPr
    vet: bool | None = None
    verborgen: bool | None = None


class _Stijlen:
    """styles.xml: paragraph and character styles by id, basedOn resolved once and bounded."""

    def __init__(self, wortel: etree._Element | None, w: str) -> None:
        self.w = w
        self._ruw: dict[str, etree._Element] = {}
        self._opgelost: dict[str, _Stijl] = {}
        self.standaard: str | None = None
        self.nummerstijlen: dict[str, str] = {}  # numbering style id -> numId (numStyleLink)
        if wortel is None:
            return
        for s in wortel.iterchildren(f"{{{w}}}style"):
            sid = s.get(f"{{{w}}}styleId", "")
            self._ruw.setdefault(sid, s)
            soort = s.get(f"{{{w}}}type")
            if soort == "paragraph" and s.get(f"{{{w}}}default") in ("1", "true", "on"):
                self.standaard = self.standaard or sid
            if soort == "numbering":
                num = s.find(f"{{{w}}}pPr/{{{w}}}numPr/{{{w}}}numId")
                if num is not None:
                    self.nummerstijlen[sid] = num.get(f"{{{w}}}val", "")

    def stijl(self, sid: str | None, alinea: bool = True) -> _Stijl:
        if alinea and (sid is None or sid not in self._ruw):  # none, or one styles.xml lacks: Word takes the default
            sid = self.standaard
        if sid is None:
            return _Stijl()
        if sid not in self._opgelost:
            self._opgelost[sid] = self._los_op(sid)
        return self._opgelost[sid]

    def _los_op(self, sid: str) -> _Stijl:
        """Walk the basedOn chain (at most MAX_BASIS steps, each style once): the nearest value wins."""
        w = self.w
        naam, kop, nummer, niveau, nummerstijl, vet, verborgen = "", False, None, None, None, None, None
        gezien: set[str] = set()
        huidig: str | None = sid
        eerste, overzicht = True, None  # overzicht: the nearest outline level in the chain decides
        while huidig is not None and huidig not in gezien and len(gezien) < MAX_BASIS:
            gezien.add(huidig)
            s = self._ruw.get(huidig)
            if s is None:
                break
            n = s.find(f"{{{w}}}name")
            eigen_naam = (n.get(f"{{{w}}}val", "") if n is not None else huidig).lower()
            if eerste:
                naam, eerste = eigen_naam, False
            kop = kop or bool(_KOPSTIJL.match(eigen_naam))
            ppr = s.find(f"{{{w}}}pPr")
            if ppr is not None:
                o = ppr.find(f"{{{w}}}outlineLvl")
                if o is not None and overzicht is None:
                    overzicht = o.get(f"{{{w}}}val") in _KOPNIVEAUS
                numpr = ppr.find(f"{{{w}}}numPr")
                if numpr is not None and nummer is None:
                    num = numpr.find(f"{{{w}}}numId")
                    lvl = numpr.find(f"{{{w}}}ilvl")
                    if num is not None:
                        nummer, niveau, nummerstijl = num.get(f"{{{w}}}val", ""), _ilvl(lvl, w), huidig
            rpr = s.find(f"{{{w}}}rPr")
            if rpr is not None:
                if vet is None:
                    vet = _aan(rpr.find(f"{{{w}}}b"), w)
                if verborgen is None:
                    verborgen = _aan(rpr.find(f"{{{w}}}vanish"), w)
            b = s.find(f"{{{w}}}basedOn")
            huidig = b.get(f"{{{w}}}val") if b is not None else None
        return _Stijl(naam, kop or bool(overzicht), nummer, niveau, nummerstijl, vet, verborgen)


def _ilvl(e: etree._Element | None, w: str) -> int | None:
    if e is None:
        return None
    try:
        return min(max(int(e.get(f"{{{w}}}val", "0")), 0), NIVEAUS - 1)
    except ValueError:
        return 0


class _Tekst:
    """The visible text of one paragraph, gathered run by run."""

    __slots__ = ("delen", "vet", "noten", "tekstvakken", "zichtbaar")

    def __init__(self) -> None:
        self.delen: list[str] = []
        self.vet = True  # every run with visible text bold (so far)
        self.noten = 0
        self.tekstvakken = 0
        self.zichtbaar = False  # any run with visible text


class _Lezer:
    def __init__(self, naam: str, w: str, stijlen: _Stijlen, meldingen: list[Melding]) -> None:
        self.naam, self.w, self.stijlen, self.meldingen = naam, w, stijlen, meldingen
        self.nummering = Nummering(None, w, {})
        self.alineas: list[Alinea] = []
        self.titel: str | None = None
        self.nummer = 0  # paragraph count, for messages (a table counts as one)
        self.begin = True  # still before the text: Title, Subtitle, ... are metadata here
        self.revisies = False
        self.inhoudsopgave = False  # reported once
        self.velden: list[bool] = []  # open fields (w:fldChar): True once past their separate
        self.voorgaand: list[str] = []  # text of paragraphs whose mark was deleted, joined to the next
        t = f"{{{w}}}"
        self.T = {n: t + n for n in (
            "p", "r", "t", "tab", "ptab", "br", "cr", "softHyphen", "noBreakHyphen", "sym", "fldChar", "instrText", "delText",
            "footnoteReference", "endnoteReference", "rPr", "pPr", "b", "vanish", "rStyle", "pStyle", "numPr", "numId", "ilvl",
            "del", "ins", "moveFrom", "moveTo", "hyperlink", "smartTag", "customXml", "sdt", "sdtContent", "fldSimple",
            "tbl", "tr", "tc", "outlineLvl", "body", "sectPr", "dir", "bdo", "ruby", "rubyBase", "rt", "drawing", "pict",
            "txbxContent", "altChunk",
        )}  # fmt: skip
        # Elements inside a paragraph whose content Word shows as text (recursed into).
        self.doorzichtig = {self.T[n] for n in ("hyperlink", "smartTag", "customXml", "ins", "moveTo", "fldSimple", "dir", "bdo")}
        self.weggelaten = {self.T[n] for n in ("del", "moveFrom", "pPr", "rPr")}

    # -- blocks ---------------------------------------------------------------------------------

    def blokken(self, ouder: etree._Element) -> None:
        T = self.T
        for e in ouder:
            tag = e.tag
            if tag == T["p"]:
                self.alinea(e)
            elif tag == T["tbl"]:
                self.tabel(e)
            elif tag == T["sdt"]:
                inhoud = e.find(T["sdtContent"])
                if inhoud is not None:
                    self.blokken(inhoud)
            elif tag in (T["customXml"], T["ins"], T["moveTo"]):
                self.revisies = self.revisies or tag != T["customXml"]
                self.blokken(e)
            elif tag in (T["del"], T["moveFrom"]):
                self.revisies = True
            elif tag == T["altChunk"]:
                self.nummer += 1
                self.meldingen.append(
                    waarschuwing(
                        "ingevoegd document (altChunk) niet gelezen",
                        Bron(self.naam, self.nummer),
                        "sla het document in Word opnieuw op, zodat de ingevoegde tekst gewone alinea's wordt",
                    )
                )

    def tabel(self, tbl: etree._Element) -> None:
        """Each row of the table as a paragraph with its cells (the structure keeps them in a
        bijlage and reports them elsewhere). A cell spanning columns (gridSpan) or continuing a
        cell above (vMerge) is flattened to empty cells, reported. The paragraphs inside count in
        Word's lists, which continue through a table; the table counts as one source paragraph."""
        self.begin = False
        nummer = self.nummer + 1
        w = f"{{{self.w}}}"
        samengevoegd = False
        for tr in tbl.iter(self.T["tr"]):
            cellen: list[str] = []
            for tc in tr.findall(self.T["tc"]):
                eerder = len(self.alineas)
                for p in tc.iter(self.T["p"]):
                    self.alinea(p)
                cellen.append(normaliseer(" ".join(a.tekst for a in self.alineas[eerder:])))
                del self.alineas[eerder:]
                tcpr = tc.find(f"{w}tcPr")
                span = tcpr.find(f"{w}gridSpan") if tcpr is not None else None
                if span is not None and (span.get(f"{w}val") or "1").isdigit() and int(span.get(f"{w}val") or 1) > 1:
                    cellen += [""] * (int(span.get(f"{w}val") or 1) - 1)
                    samengevoegd = True
                vmerge = tcpr.find(f"{w}vMerge") if tcpr is not None else None
                if vmerge is not None and vmerge.get(f"{w}val") != "restart":
                    samengevoegd = True
            if cellen:
                self.alineas.append(Alinea(rijregel(cellen), Bron(self.naam, nummer), cellen=tuple(cellen)))
        self.nummer = nummer
        if samengevoegd:
            self.meldingen.append(
                waarschuwing(
                    "samengevoegde cellen in een tabel gesplitst: de tekst staat in de eerste cel, de andere zijn leeg",
                    Bron(self.naam, nummer),
                    "grgen kent alleen tabellen zonder samengevoegde cellen; controleer de tabel in regeling.yaml",
                )
            )

    def _stijl_id(self, ppr: etree._Element | None) -> str | None:
        if ppr is None:
            return None
        s = ppr.find(self.T["pStyle"])
        return s.get(f"{{{self.w}}}val") if s is not None else None

    def _nummer_van(self, ppr: etree._Element | None, sid: str | None) -> tuple[str | None, bool]:
        """Count a paragraph in its list: its label (or None) and whether its style makes it a heading."""
        T, w = self.T, self.w
        stijl = self.stijlen.stijl(sid)
        num_id, ilvl = stijl.nummer, stijl.niveau
        kop = stijl.kop
        if ppr is not None:
            numpr = ppr.find(T["numPr"])
            if numpr is not None:
                eigen = numpr.find(T["numId"])
                if eigen is not None:
                    num_id = eigen.get(f"{{{w}}}val", "")
                eigen_lvl = _ilvl(numpr.find(T["ilvl"]), w)
                if eigen_lvl is not None:
                    ilvl = eigen_lvl
            if not kop:
                o = ppr.find(T["outlineLvl"])
                kop = o is not None and o.get(f"{{{w}}}val") in _KOPNIVEAUS
        if not num_id or num_id == "0":
            return None, kop
        if ilvl is None:  # a list linked to a (heading) style: the level that names that style
            ilvl = (self.nummering.niveau_van_stijl(num_id, stijl.nummerstijl) if stijl.nummerstijl else None) or 0
        return self.nummering.label(num_id, ilvl), kop

    def alinea(self, p: etree._Element) -> None:
        T = self.T
        self.nummer += 1
        ppr = p.find(T["pPr"])
        sid = self._stijl_id(ppr)
        stijl = self.stijlen.stijl(sid)
        tekst = _Tekst()
        self.inhoud(p, tekst, stijl.vet or False, stijl.verborgen or False)
        # A field's code never spans paragraphs: a field still in its code here is broken, and
        # must not hide the rest of the document.
        while self.velden and not self.velden[-1]:
            self.velden.pop()
        gelezen = "".join(tekst.delen)
        # A deleted paragraph mark: accepted, this paragraph's text joins the next one.
        mark = ppr.find(f"{T['rPr']}") if ppr is not None else None
        if mark is not None and (mark.find(T["del"]) is not None or mark.find(T["moveFrom"]) is not None):
            self.revisies = True
            self.voorgaand.append(gelezen)
            return
        if mark is not None and (mark.find(T["ins"]) is not None or mark.find(T["moveTo"]) is not None):
            self.revisies = True
        if self.voorgaand:
            gelezen = "".join(self.voorgaand) + gelezen
            self.voorgaand = []
        zichtbaar = normaliseer(gelezen.replace("\u00ad", ""))
        if self.begin and stijl.naam in _METASTIJLEN:
            if stijl.naam == "title" and self.titel is None:
                self.titel = zichtbaar or None
            return
        if _INHOUDSOPGAVE.match(stijl.naam):  # entries of a table of contents repeat the headings
            if not self.inhoudsopgave:
                self.inhoudsopgave = True
                self.meldingen.append(
                    waarschuwing(
                        "inhoudsopgave niet overgenomen",
                        Bron(self.naam, self.nummer),
                        "grgen maakt de inhoudsopgave zelf; de regels ervan zijn overgeslagen",
                    )
                )
            return
        label, kop = self._nummer_van(ppr, sid)
        if tekst.noten:
            self.meldingen.append(
                waarschuwing(f"{tekst.noten} voetno(o)t(en) niet overgenomen", Bron(self.naam, self.nummer), "grgen kent geen voetnoten")
            )
        if tekst.tekstvakken:
            self.meldingen.append(
                waarschuwing("tekstvak niet overgenomen", Bron(self.naam, self.nummer), "zet de tekst van het tekstvak in gewone alinea's")
            )
        tekst_met_nummer = normaliseer(f"{label} {zichtbaar}") if label else zichtbaar
        if tekst_met_nummer:
            self.begin = False
            self.alineas.append(
                Alinea(tekst_met_nummer, Bron(self.naam, self.nummer), kop=kop or (tekst.zichtbaar and tekst.vet and bool(zichtbaar)))
            )

    # -- text inside a paragraph ----------------------------------------------------------------

    def inhoud(self, ouder: etree._Element, tekst: _Tekst, vet: bool, verborgen: bool) -> None:
        T = self.T
        for e in ouder:
            tag = e.tag
            if tag == T["r"]:
                self.run(e, tekst, vet, verborgen)
            elif tag in self.doorzichtig:
                if tag in (T["ins"], T["moveTo"]):
                    self.revisies = True
                self.inhoud(e, tekst, vet, verborgen)
            elif tag in self.weggelaten:
                if tag in (T["del"], T["moveFrom"]):
                    self.revisies = True
            elif tag == T["sdt"]:
                c = e.find(T["sdtContent"])
                if c is not None:
                    self.inhoud(c, tekst, vet, verborgen)
            elif tag == T["ruby"]:
                c = e.find(T["rubyBase"])
                if c is not None:
                    self.inhoud(c, tekst, vet, verborgen)

    def run(self, r: etree._Element, tekst: _Tekst, alinea_vet: bool, alinea_verborgen: bool) -> None:
        T, w = self.T, self.w
        vet, verborgen = alinea_vet, alinea_verborgen
        rpr = r.find(T["rPr"])
        if rpr is not None:
            rs = rpr.find(T["rStyle"])
            if rs is not None:
                s = self.stijlen.stijl(rs.get(f"{{{w}}}val"), alinea=False)
                vet = s.vet if s.vet is not None else vet
                verborgen = s.verborgen if s.verborgen is not None else verborgen
            b = _aan(rpr.find(T["b"]), w)
            vet = b if b is not None else vet
            v = _aan(rpr.find(T["vanish"]), w)
            verborgen = v if v is not None else verborgen
        delen = tekst.delen
        for e in r:
            tag = e.tag
            if tag == T["fldChar"]:
                soort = e.get(f"{{{w}}}fldCharType")
                if soort == "begin":
                    self.velden.append(False)
                elif soort == "separate" and self.velden:
                    self.velden[-1] = True
                elif soort == "end" and self.velden:
                    self.velden.pop()
                continue
            if verborgen or (self.velden and not all(self.velden)):
                continue  # hidden text, or a field's code
            if tag == T["t"]:
                # an entity reference (never expanded) splits the text: keep what surrounds it
                s = (e.text or "") if len(e) == 0 else (e.text or "") + "".join(c.tail or "" for c in e)
                delen.append(s)
                if s.strip():
                    tekst.zichtbaar = True
                    tekst.vet = tekst.vet and vet
            elif tag in (T["tab"], T["ptab"], T["br"], T["cr"]):
                delen.append(" ")
            elif tag == T["noBreakHyphen"]:
                delen.append("-")
            elif tag == T["sym"]:
                teken = _symbool(e.get(f"{{{w}}}char", ""))
                if teken:
                    delen.append(teken)
            elif tag in (T["footnoteReference"], T["endnoteReference"]):
                tekst.noten += 1
            elif tag in (T["drawing"], T["pict"], _ALTERNATIEF):
                # a text box keeps its own paragraphs: reported, not taken over
                tekst.tekstvakken += any((t.text or "").strip() for t in e.iter(T["t"]))
            elif tag == T["delText"]:
                self.revisies = True
            # softHyphen: not shown (Word shows it only where it breaks a line); instrText: field code


def _symbool(code: str) -> str:
    """The character of a w:sym, unless it lies in a symbol font's private range (then no text)."""
    try:
        n = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= n <= 0xF0FF or n < 0x20:
        return ""
    return chr(n)
