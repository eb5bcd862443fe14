"""pandoc's reading of a Word document, as the independent second reader in the tests.

grgen's own reader (`generator.importeer.word`) reads document.xml, styles.xml and numbering.xml
with lxml. This one is the reader grgen used before: it walks pandoc's JSON AST (`pandoc -t json`),
in which pandoc has computed every list number, and writes each number in front of its item's
text. The tests assert that both readers give the same paragraphs, numbers and headings for every
Word source they build.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile

import pypandoc

from generator.errors import Bron
from generator.importeer.alineas import Alinea, Brontekst, normaliseer
from generator.nummering import letterreeks, romeins


def lees_docx_met_pandoc(inhoud: bytes, naam: str) -> Brontekst:
    """The paragraphs of a Word document as pandoc reads them (no messages)."""
    with tempfile.TemporaryDirectory(prefix="grgen-docx-") as map_:
        pad = os.path.join(map_, "bron.docx")
        with open(pad, "wb") as f:
            f.write(inhoud)
        uit = subprocess.run(
            [pypandoc.get_pandoc_path(), "--from=docx", "--to=json", "--track-changes=accept", pad],
            capture_output=True,
            timeout=300,
            check=True,
        )
    ast = json.loads(uit.stdout)
    titel = _meta_tekst(ast.get("meta", {}).get("title"))
    lezer = _Lezer(naam)
    for blok in ast.get("blocks", []):
        lezer.blok(blok, None)
    return Brontekst(naam, tuple(lezer.alineas), titel or None)


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
    def __init__(self, naam: str) -> None:
        self.naam = naam
        self.alineas: list[Alinea] = []
        self.nummer = 0

    def bron(self) -> Bron:
        return Bron(self.naam, self.nummer)

    def voeg_toe(self, inlines: list, label: str = "", kop: bool = False) -> None:
        self.nummer += 1
        noten: list[int] = []
        tekst = normaliseer(f"{label} {_inlines(inlines, noten)}")
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
