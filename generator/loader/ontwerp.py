"""Read an edited ontwerp (`grgen afleiden`): a Word file, with or without tracked changes, or
Markdown, into its paragraphs (`GelezenAlinea`).

Word: the accepted text counts (insertions kept, deletions dropped, a deleted paragraph mark
joins the paragraph with the next); a bookmark named by generator/ontwerpsleutels.py gives the
paragraph's key; an internal link to such a bookmark is a reference `[[id]]` again; comments are
collected per paragraph. A message's "line" is the number of the paragraph.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from generator.errors import Bron, InvoerFout, Melding
from generator.model.bewerking import GelezenAlinea
from generator.ontwerpsleutels import lees_bladwijzer

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STIJLSOORT = {
    "Title": "titel",
    "Heading1": "hoofdstuk",
    "Heading2": "kop",
    "Heading3": "kop",
    "Lid": "lid",
    "Onderdeel": "onderdeel",
    "Subonderdeel": "subonderdeel",
}
_EIGEN = re.compile(r"^g\d+_")  # the bookmarks grgen ontwerp names (generator/ontwerpsleutels.py)
_OVERSLAAN = {"del", "moveFrom", "pPr", "rPr", "instrText", "delText", "delInstrText"}


def _w(naam: str) -> str:
    return f"{{{_W}}}{naam}"


def lees_ontwerp(pad: Path, naam: str, alle_sleutels: list[str]) -> list[GelezenAlinea]:
    """The paragraphs of an edited ontwerp (.docx or .md) made from the version whose keys are
    `alle_sleutels`. Raises `InvoerFout` when the file cannot be read."""
    if pad.suffix.lower() == ".docx":
        return _lees_docx(pad, naam, alle_sleutels)
    if pad.suffix.lower() in (".md", ".markdown", ".txt"):
        try:
            tekst = pad.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise InvoerFout(f"{naam} kan niet worden gelezen: {getattr(e, 'strerror', None) or e}") from e
        return lees_markdown(tekst, naam, alle_sleutels)
    raise InvoerFout(f"{naam}: onbekende soort bestand; grgen afleiden leest .docx en .md")


def _verwijzing(sleutel: str | None) -> str | None:
    """The element id a link target stands for (the key of its main paragraph)."""
    if sleutel is None or sleutel.startswith("@"):
        return None
    return sleutel.split(":")[0]


def _lees_docx(pad: Path, naam: str, alle_sleutels: list[str]) -> list[GelezenAlinea]:
    try:
        with zipfile.ZipFile(pad) as zf:
            document = zf.read("word/document.xml")
            opmerkingen_xml = zf.read("word/comments.xml") if "word/comments.xml" in zf.namelist() else None
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        body = etree.fromstring(document, parser).find(_w("body"))
        opmerkingen = _opmerkingen(etree.fromstring(opmerkingen_xml, parser)) if opmerkingen_xml else {}
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as e:
        raise InvoerFout(f"{naam} is geen leesbaar Word-bestand (.docx): {e}") from e
    if body is None:
        raise InvoerFout(f"{naam} is geen leesbaar Word-bestand (.docx): geen w:body")
    ruw: list = []
    vreemd: list[str] = []
    meldingen: list[Melding] = []
    for n, p in enumerate(body.iter(_w("p")), start=1):
        if any(a.tag == _w("tbl") for a in p.iterancestors()):
            meldingen.append(
                Melding("tekst in een tabel hoort bij geen enkel element", Bron(naam, n), None, "zet de tekst in een lid of onderdeel")
            )
            continue
        delen: list[str] = []
        namen: list[str] = []
        commentaar: list[str] = []
        koppelingen: list[str] = []
        _loop(p, delen, namen, commentaar, alle_sleutels, koppelingen)
        sleutel = next((s for s in (lees_bladwijzer(x, alle_sleutels) for x in namen) if s is not None), None)
        vreemd += [x for x in namen if _EIGEN.match(x) and lees_bladwijzer(x, alle_sleutels) is None]
        stijl = p.find(f"{_w('pPr')}/{_w('pStyle')}")
        soort = _STIJLSOORT.get(stijl.get(_w("val")) if stijl is not None else "", "tekst")
        teken_weg = p.find(f"{_w('pPr')}/{_w('rPr')}/{_w('del')}") is not None
        ruw.append(
            (
                sleutel,
                soort,
                "".join(delen),
                n,
                tuple(opmerkingen[c] for c in commentaar if c in opmerkingen),
                teken_weg,
                tuple(koppelingen),
            )
        )
    if vreemd:
        raise InvoerFout(
            f"{naam} is gemaakt van een andere versie dan de basis die u opgaf: {len(vreemd)} bladwijzers passen niet "
            f"(bijv. {vreemd[0]}); geef bij --basis de versie van het ontwerp"
        )
    if meldingen:
        raise InvoerFout(f"{naam} bevat tekst die grgen niet kan plaatsen", meldingen)
    return _voeg_samen(ruw, naam)


def _voeg_samen(ruw, naam: str) -> list[GelezenAlinea]:  # noqa: ANN001
    """Join each paragraph whose mark was deleted (tracked) with the next, as Word does on
    accepting: the joined paragraph is the first one's, unless all its text was deleted."""
    uit: list[GelezenAlinea] = []
    wachtend = None
    for sleutel, soort, tekst, n, opm, teken_weg, kop in ruw:
        if wachtend is not None:
            w_sleutel, w_soort, w_tekst, w_n, w_opm, w_kop = wachtend
            if w_tekst.strip():
                sleutel, soort, n = w_sleutel, w_soort, w_n
            tekst, opm, kop = w_tekst + tekst, w_opm + opm, w_kop + kop
            wachtend = None
        if teken_weg:
            wachtend = (sleutel, soort, tekst, n, opm, kop)
            continue
        uit.append(GelezenAlinea(sleutel, soort, " ".join(tekst.split()), Bron(naam, n), opm, kop))
    if wachtend is not None:
        sleutel, soort, tekst, n, opm, kop = wachtend
        uit.append(GelezenAlinea(sleutel, soort, " ".join(tekst.split()), Bron(naam, n), opm, kop))
    return uit


def _loop(knoop, delen: list[str], namen: list[str], commentaar: list[str], alle_sleutels: list[str], koppelingen: list[str]) -> None:  # noqa: ANN001
    for kind in knoop:
        if not isinstance(kind.tag, str):
            continue
        tag = etree.QName(kind).localname
        if tag in _OVERSLAAN:
            continue
        if tag == "t":
            delen.append(kind.text or "")
        elif tag in ("tab", "br", "cr"):
            delen.append(" ")
        elif tag == "noBreakHyphen":
            delen.append("-")
        elif tag == "bookmarkStart":
            namen.append(kind.get(_w("name"), ""))
        elif tag in ("commentRangeStart", "commentReference"):
            c = kind.get(_w("id"))
            if c is not None and c not in commentaar:
                commentaar.append(c)
        elif tag == "hyperlink" and _verwijzing(lees_bladwijzer(kind.get(_w("anchor"), ""), alle_sleutels)):
            tekst: list[str] = []
            _loop(kind, tekst, namen, commentaar, alle_sleutels, [])
            if "".join(tekst).strip():  # a link whose text was deleted is gone
                delen.append(f"[[{_verwijzing(lees_bladwijzer(kind.get(_w('anchor'), ''), alle_sleutels))}]]")
                koppelingen.append(" ".join("".join(tekst).split()))
        else:
            _loop(kind, delen, namen, commentaar, alle_sleutels, koppelingen)


def _opmerkingen(wortel) -> dict[str, str]:  # noqa: ANN001
    uit = {}
    for c in wortel.iter(_w("comment")):
        alineas = [" ".join("".join(t.text or "" for t in p.iter(_w("t"))).split()) for p in c.iter(_w("p"))]
        uit[c.get(_w("id"))] = " ".join(a for a in alineas if a)
    return uit


# -- Markdown ---------------------------------------------------------------------------------
_MARKER = re.compile(r"\s*<!--\s*(\S+?)\s*-->\s*$")
_KOP = re.compile(r"^(#{1,6})\s+(.*)$")
_LINK = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\(#([^)\s]+)\)")
_ONTSNAPT = re.compile(r"\\([!-/:-@\[-`{-~])")


def lees_markdown(tekst: str, naam: str, alle_sleutels: list[str]) -> list[GelezenAlinea]:
    """The paragraphs of an edited Markdown ontwerp: blocks separated by blank lines, each with
    its marker `<!--key-->` at the end (none for a new paragraph).

    >>> [(a.sleutel, a.soort, a.tekst) for a in lees_markdown("### Artikel 1 Doel <!--a-->\\n\\nZie [artikel 2](#b). <!--a:tekst-->\\n\\nNieuw.\\n", "x.md", ["a", "a:tekst", "b"])]
    [('a', 'kop', 'Artikel 1 Doel'), ('a:tekst', 'tekst', 'Zie [[b]].'), (None, 'tekst', 'Nieuw.')]
    """
    bekend = set(alle_sleutels)
    uit = []
    regels = tekst.splitlines()
    blok: list[str] = []
    start = 0
    for i, regel in enumerate([*regels, ""], start=1):
        if regel.strip():
            if not blok:
                start = i
            blok.append(regel.strip())
            continue
        if not blok:
            continue
        inhoud = " ".join(blok)
        blok = []
        m = _MARKER.search(inhoud)
        sleutel = None
        if m:
            inhoud = inhoud[: m.start()]
            sleutel = m[1] if m[1] in bekend else None
        soort = "tekst"
        kop = _KOP.match(inhoud)
        if kop:
            inhoud = kop[2]
            soort = {1: "titel", 2: "hoofdstuk"}.get(len(kop[1]), "kop")

        inhoud, koppelingen = _koppelingen(inhoud, bekend)
        uit.append(GelezenAlinea(sleutel, soort, " ".join(inhoud.replace("\u00a0", " ").split()), Bron(naam, start), (), koppelingen))
    return uit


def _koppelingen(inhoud: str, bekend: set[str]) -> tuple[str, tuple[str, ...]]:
    """Markdown text with its links to elements `[text](#id)` as references `[[id]]`, unescaped,
    and the shown text of each."""
    koppelingen: list[str] = []

    def link(m: re.Match[str]) -> str:
        doel = _verwijzing(m[2] if m[2] in bekend else None)
        if doel:
            koppelingen.append(" ".join(_ONTSNAPT.sub(r"\1", m[1]).split()))
            return f"[[{doel}]]"
        return m[1]

    return _ONTSNAPT.sub(r"\1", _LINK.sub(link, inhoud)), tuple(koppelingen)
