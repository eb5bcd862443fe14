"""Reader for Word (.docx), through pandoc's JSON AST.

Word's automatic numbering is not in the paragraph text: the number comes from numbering.xml,
through a paragraph's own numPr or its style, and lists may continue across artikelen. pandoc
(`pandoc -t json`, shipped with pypandoc-binary) computes these numbers the way Word shows them
and gives each list its start number and style; python-docx, docx2python and mammoth do not.
So the reader walks pandoc's blocks, writes every list item's number in front of its text
("2.", "b."), and leaves literal numbers ("1.", "a." typed as text) as they are. Tracked changes
are taken as accepted (pandoc's default) and reported; tables and footnotes are reported and
left out.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import tempfile
import zipfile

from generator.errors import Bron, InvoerFout, Melding
from generator.importeer.alineas import Alinea, Brontekst, normaliseer, waarschuwing
from generator.nummering import letterreeks, romeins

PANDOC_TIJDSLIMIET = 300  # seconds; a 10,000-artikel document takes a few


def pandoc_pad() -> str:
    """The pandoc binary of pypandoc-binary (a runtime dependency), or a clear Dutch error."""
    try:
        import pypandoc
    except ImportError:
        raise InvoerFout("Word importeren vraagt pandoc; installeer het met: python -m pip install pypandoc-binary") from None
    try:
        return pypandoc.get_pandoc_path()
    except OSError:
        raise InvoerFout(
            "Word importeren vraagt pandoc, maar het is niet gevonden; installeer: python -m pip install pypandoc-binary"
        ) from None


def lees_docx(inhoud: bytes, naam: str) -> Brontekst:
    """The paragraphs of a Word document, numbers included."""
    meldingen = _controleer_zip(inhoud, naam)
    ast = _pandoc_json(inhoud, naam)
    titel = _meta_tekst(ast.get("meta", {}).get("title"))
    lezer = _Lezer(naam, meldingen)
    lezer.nummer = 1 if titel else 0  # pandoc takes the Title paragraph (the first) into its metadata
    for blok in ast.get("blocks", []):
        lezer.blok(blok, None)
    return Brontekst(naam, tuple(lezer.alineas), titel or None, {}, tuple(lezer.meldingen))


def _controleer_zip(inhoud: bytes, naam: str) -> list[Melding]:
    """Refuse what is not a .docx; report tracked changes left in the document."""
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
            info = z.getinfo("word/document.xml")
            if info.file_size > 200 * 1024 * 1024:
                raise InvoerFout(f"{naam}: word/document.xml is te groot ({info.file_size} bytes)")
            document = z.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError):
        raise InvoerFout(f"{naam} is geen Word-document (.docx); sla het in Word op als 'Word-document (*.docx)'") from None
    if b"<w:ins " in document or b"<w:del " in document:
        return [
            waarschuwing(
                "het document bevat bijgehouden wijzigingen; grgen neemt de tekst alsof alle wijzigingen zijn geaccepteerd",
                Bron(naam),
                "accepteer of weiger de wijzigingen in Word en importeer opnieuw als dat niet de bedoeling is",
            )
        ]
    return []


def _pandoc_json(inhoud: bytes, naam: str) -> dict:
    pandoc = pandoc_pad()
    with tempfile.TemporaryDirectory(prefix="grgen-docx-") as map_:
        pad = os.path.join(map_, "bron.docx")
        with open(pad, "wb") as f:
            f.write(inhoud)
        try:
            uit = subprocess.run(
                [pandoc, "--from=docx", "--to=json", "--track-changes=accept", pad],
                capture_output=True,
                timeout=PANDOC_TIJDSLIMIET,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise InvoerFout(f"{naam}: pandoc deed er langer dan {PANDOC_TIJDSLIMIET} seconden over; is het document te groot?") from None
    if uit.returncode != 0:
        reden = uit.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InvoerFout(f"{naam}: pandoc kan het document niet lezen ({reden[-1] if reden else 'onbekende fout'})")
    return json.loads(uit.stdout)


def _meta_tekst(meta: dict | None) -> str:
    if not meta:
        return ""
    if meta.get("t") == "MetaInlines":
        return normaliseer(_inlines(meta["c"], []))
    if meta.get("t") == "MetaString":
        return normaliseer(meta["c"])
    return ""


def _label(n: int, stijl: str, scheiding: str) -> str:
    """A list number as Word shows it.

    >>> _label(2, "LowerAlpha", "Period"), _label(3, "Decimal", "OneParen"), _label(4, "UpperRoman", "TwoParens")
    ('b.', '3)', '(IV)')
    """
    if stijl == "LowerAlpha":
        teken = letterreeks(n)
    elif stijl == "UpperAlpha":
        teken = letterreeks(n, hoofdletters=True)
    elif stijl == "LowerRoman":
        teken = romeins(n).lower()
    elif stijl == "UpperRoman":
        teken = romeins(n)
    else:
        teken = str(n)
    if scheiding == "OneParen":
        return f"{teken})"
    if scheiding == "TwoParens":
        return f"({teken})"
    return f"{teken}."


def _inlines(inlines: list, noten: list[int]) -> str:
    """The text of pandoc inlines; footnotes are counted in `noten`, not included."""
    delen: list[str] = []
    for i in inlines:
        t = i["t"]
        c = i.get("c")
        if t == "Str":
            delen.append(c)
        elif t in ("Space", "SoftBreak", "LineBreak"):
            delen.append(" ")
        elif t in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
            delen.append(_inlines(c, noten))
        elif t in ("Span", "Link"):
            delen.append(_inlines(c[1], noten))
        elif t == "Quoted":
            aanhaling = "“”" if c[0]["t"] == "DoubleQuote" else "‘’"
            delen.append(aanhaling[0] + _inlines(c[1], noten) + aanhaling[1])
        elif t == "Cite":
            delen.append(_inlines(c[1], noten))
        elif t in ("Code", "Math"):
            delen.append(c[1])
        elif t == "Note":
            noten.append(1)
    return "".join(delen)


def _vet(inlines: list) -> bool:
    """Is a paragraph wholly bold (a heading typed as a bold line)?"""
    inhoud = [i for i in inlines if i["t"] not in ("Space", "SoftBreak", "LineBreak")]
    return bool(inhoud) and all(i["t"] == "Strong" for i in inhoud)


class _Lezer:
    def __init__(self, naam: str, meldingen: list[Melding]) -> None:
        self.naam = naam
        self.alineas: list[Alinea] = []
        self.meldingen = meldingen
        self.nummer = 0  # paragraph count, for messages

    def bron(self) -> Bron:
        return Bron(self.naam, self.nummer)

    def voeg_toe(self, inlines: list, label: str = "", kop: bool = False) -> None:
        self.nummer += 1
        noten: list[int] = []
        tekst = normaliseer(f"{label} {_inlines(inlines, noten)}")
        if noten:
            self.meldingen.append(waarschuwing(f"{len(noten)} voetno(o)t(en) niet overgenomen", self.bron(), "grgen kent geen voetnoten"))
        if tekst:
            self.alineas.append(Alinea(tekst, self.bron(), kop=kop or _vet(inlines)))

    def blok(self, blok: dict, label: str | None) -> None:
        t = blok["t"]
        c = blok.get("c")
        if t in ("Para", "Plain"):
            self.voeg_toe(c, label or "")
        elif t == "Header":
            self.voeg_toe(c[2], label or "", kop=True)
        elif t == "OrderedList":
            (start, stijl, scheiding), items = c[0], c[1]
            for n, item in enumerate(items, start=start):
                self.item(item, _label(n, stijl["t"], scheiding["t"]))
        elif t == "BulletList":
            for item in c:
                self.item(item, "•")
        elif t in ("BlockQuote",):
            for b in c:
                self.blok(b, None)
        elif t == "Div":
            for b in c[1]:
                self.blok(b, None)
        elif t == "LineBlock":
            for regel in c:
                self.voeg_toe(regel)
        elif t == "Table":
            self.nummer += 1
            self.meldingen.append(
                waarschuwing(
                    "tabel niet overgenomen", self.bron(), "grgen kent geen tabellen; neem de inhoud zo nodig op als leden of onderdelen"
                )
            )
        elif t == "DefinitionList":
            for term, definities in c:
                self.voeg_toe(term)
                for d in definities:
                    for b in d:
                        self.blok(b, None)

    def item(self, blokken: list[dict], label: str) -> None:
        """A list item: its first paragraph gets the number, nested lists and further paragraphs follow."""
        eerste = True
        for b in blokken:
            if eerste and b["t"] in ("Para", "Plain"):
                self.blok(b, label)
                eerste = False
            else:
                if eerste:
                    self.nummer += 1
                    self.alineas.append(Alinea(label, self.bron()))
                    eerste = False
                self.blok(b, None)
        if eerste:
            self.nummer += 1
            self.alineas.append(Alinea(label, self.bron()))
