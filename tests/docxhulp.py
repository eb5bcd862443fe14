"""Shared test helpers for grgen's Word output: pandoc views and revision lints.

These helpers read the .docx independently of grgen's own code: the text
views come from pandoc (``--track-changes=accept|reject``), the lints read the
raw XML with zipfile + lxml (python-docx's ``Paragraph.text`` silently drops
text inside ``w:ins`` and would hide bugs).
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

import pypandoc
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _w(naam: str) -> str:
    return f"{{{W}}}{naam}"


def _lees_bytes(pad_of_bytes: str | Path | bytes) -> bytes:
    if isinstance(pad_of_bytes, bytes):
        return pad_of_bytes
    return Path(pad_of_bytes).read_bytes()


# -- pandoc views ------------------------------------------------------------


def _inline_tekst(inlines) -> str:
    """Stringify a list of pandoc JSON inlines."""
    uit: list[str] = []
    for el in inlines:
        t, c = el["t"], el.get("c")
        if t == "Str":
            uit.append(c)
        elif t in ("Space", "SoftBreak"):
            uit.append(" ")
        elif t == "LineBreak":
            uit.append("\n")
        elif t in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
            uit.append(_inline_tekst(c))
        elif t == "Quoted":
            q = '"' if c[0]["t"] == "DoubleQuote" else "'"
            uit.append(q + _inline_tekst(c[1]) + q)
        elif t in ("Span", "Link"):
            uit.append(_inline_tekst(c[1]))
        elif t in ("Code", "Math", "RawInline"):
            uit.append(c[1])
        elif t == "Note":
            continue
        else:  # pragma: no cover - unexpected inline kind
            raise ValueError(f"onverwacht pandoc-inline {t!r}")
    return "".join(uit)


def _normaliseer(tekst: str) -> str:
    # A soft hyphen (U+00AD, set where a table word may break) is not text a reader sees.
    return " ".join(tekst.replace("\u00ad", "").split())


def _blok_teksten(blokken) -> list[str]:
    """Paragraph texts of a list of pandoc JSON blocks, in document order.

    Table cells are walked row by row (head, bodies, foot); a cell without
    any paragraph counts as one empty paragraph "".
    """
    uit: list[str] = []
    for b in blokken:
        t, c = b["t"], b.get("c")
        if t in ("Para", "Plain"):
            uit.append(_normaliseer(_inline_tekst(c)))
        elif t == "Header":
            tekst = _normaliseer(_inline_tekst(c[2]))
            # pandoc's docx reader ignores paragraph-mark revisions on headings
            # and emits an empty Header where Word merges the paragraph away;
            # such marks are checked on the XML instead (lint_revisies).
            if tekst:
                uit.append(tekst)
        elif t in ("BlockQuote",):
            uit.extend(_blok_teksten(c))
        elif t == "Div":
            uit.extend(_blok_teksten(c[1]))
        elif t == "BulletList":
            for item in c:
                uit.extend(_blok_teksten(item))
        elif t == "OrderedList":
            for item in c[1]:
                uit.extend(_blok_teksten(item))
        elif t == "Table":
            _attr, _caption, _colspecs, head, bodies, foot = c
            rijen = list(head[1])
            for body in bodies:
                rijen.extend(body[2])
                rijen.extend(body[3])
            rijen.extend(foot[1])
            for _rattr, cellen in rijen:
                for cel in cellen:
                    teksten = _blok_teksten(cel[4])
                    uit.extend(teksten if teksten else [""])
        elif t in ("HorizontalRule", "Null", "RawBlock", "CodeBlock"):
            continue
        else:  # pragma: no cover - unexpected block kind
            raise ValueError(f"onverwacht pandoc-blok {t!r}")
    return uit


def pandoc_json(pad_of_bytes: str | Path | bytes, track_changes: str = "accept") -> dict:
    """The pandoc JSON AST of a .docx, read with ``docx+empty_paragraphs``."""
    if track_changes not in ("accept", "reject", "all"):
        raise ValueError(track_changes)
    data = _lees_bytes(pad_of_bytes)
    with tempfile.TemporaryDirectory() as tmp:
        pad = Path(tmp) / "in.docx"
        pad.write_bytes(data)
        res = subprocess.run(
            [
                pypandoc.get_pandoc_path(),
                "-f",
                "docx+empty_paragraphs",
                "-t",
                "json",
                f"--track-changes={track_changes}",
                str(pad),
            ],
            capture_output=True,
            check=True,
        )
    return json.loads(res.stdout)


def pandoc_tekst(pad_of_bytes: str | Path | bytes, track_changes: str = "accept") -> list[str]:
    """Paragraph texts of the accept or reject view, as pandoc sees them.

    Whitespace is normalised per paragraph (split/join). Empty paragraphs are
    kept as "" (the reader runs with ``empty_paragraphs``), so callers can
    check that none are left behind. A "Title"-style paragraph ends up in
    pandoc's metadata; it is returned first when present. Table cells follow
    in row order.

    Known pandoc limitation (3.x): paragraph-mark revisions on *headings* are
    ignored by its docx reader, which would show a wholly inserted heading as
    an empty heading in the reject view. Empty headings are therefore left
    out; :func:`lint_revisies` and :func:`body_alinea_markeringen` check the
    marks on the XML itself.
    """
    ast = pandoc_json(pad_of_bytes, track_changes)
    uit: list[str] = []
    titel = ast.get("meta", {}).get("title")
    if titel is not None and titel.get("t") == "MetaInlines":
        uit.append(_normaliseer(_inline_tekst(titel["c"])))
    uit.extend(_blok_teksten(ast["blocks"]))
    return uit


# -- structural lints ----------------------------------------------------------

_VERHAAL = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$")
_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_REVISIES = (_w("ins"), _w("del"))


def lees_verhalen(docx_bytes: bytes) -> dict[str, etree._Element]:
    """Parsed story parts (document, headers, footers, notes, comments) by part name."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as zf:
        return {n: etree.fromstring(zf.read(n)) for n in sorted(zf.namelist()) if _VERHAAL.match(n)}


def alineateken_revisie(p: etree._Element) -> str | None:
    """ "ingevoegd" / "verwijderd" when the paragraph mark carries w:ins / w:del, else None."""
    rpr = p.find("w:pPr/w:rPr", NS)
    if rpr is None:
        return None
    if rpr.find("w:ins", NS) is not None:
        return "ingevoegd"
    if rpr.find("w:del", NS) is not None:
        return "verwijderd"
    return None


def body_alinea_markeringen(docx_bytes: bytes) -> list[str | None]:
    """Paragraph-mark revision of every direct w:body paragraph, in order."""
    doc = lees_verhalen(docx_bytes)["word/document.xml"]
    return [alineateken_revisie(p) for p in doc.findall("w:body/w:p", NS)]


def _inhoud_soorten(p: etree._Element) -> set[str]:
    """Kinds of the text-bearing runs of a paragraph: gelijk / ingevoegd / verwijderd."""
    soorten: set[str] = set()
    for r in p.iter(_w("r")):
        if r.find("w:t", NS) is None and r.find("w:delText", NS) is None and r.find("w:tab", NS) is None:
            continue
        ouder = r.getparent()
        if ouder.tag == _w("ins"):
            soorten.add("ingevoegd")
        elif ouder.tag == _w("del"):
            soorten.add("verwijderd")
        else:
            soorten.add("gelijk")
    return soorten


def lint_revisies(docx_bytes: bytes) -> list[str]:
    """Structural problems with tracked changes; [] means clean.

    Checks over all story parts: unique integer w:id over w:ins/w:del;
    w:author and w:date (``YYYY-MM-DDTHH:MM:SSZ``) present; no nested
    w:ins/w:del; no empty w:ins/w:del; w:delText only inside w:del and no
    w:t inside w:del; xml:space="preserve" where text has outer whitespace;
    a paragraph-mark revision only on paragraphs whose text is wholly of that
    kind, or an inserted mark directly before a wholly inserted paragraph
    (Word's own convention for a new paragraph); and no paragraph (other than
    the last one in a table cell) whose text is wholly inserted/deleted without
    a paragraph-mark revision on itself or, for an insertion, on the paragraph
    before it, since that leaves an empty paragraph after reject-all/accept-all.
    """
    problemen: list[str] = []
    ids: Counter[str] = Counter()
    for naam, root in lees_verhalen(docx_bytes).items():
        for el in root.iter(*_REVISIES):
            soort = etree.QName(el).localname
            rid = el.get(_w("id"))
            if rid is None or not rid.isdigit():
                problemen.append(f"{naam}: w:{soort} zonder geldig w:id ({rid!r})")
            else:
                ids[rid] += 1
            if not el.get(_w("author")):
                problemen.append(f"{naam}: w:{soort} id={rid} zonder w:author")
            if not _DATUM.match(el.get(_w("date"), "")):
                problemen.append(f"{naam}: w:{soort} id={rid} met ongeldige w:date {el.get(_w('date'))!r}")
            in_alineateken = el.getparent().tag == _w("rPr")
            voorouders = [a for a in el.iterancestors() if a.tag in _REVISIES]
            if voorouders:
                problemen.append(f"{naam}: geneste revisie w:{soort} id={rid}")
            if not in_alineateken and len(el) == 0:
                problemen.append(f"{naam}: lege revisie w:{soort} id={rid}")
        for dt in root.iter(_w("delText")):
            if not any(a.tag == _w("del") for a in dt.iterancestors()):
                problemen.append(f"{naam}: w:delText buiten w:del: {dt.text!r}")
        for d in root.iter(_w("del")):
            for t in d.iter(_w("t")):
                problemen.append(f"{naam}: w:t binnen w:del: {t.text!r}")
        for t in root.iter(_w("t"), _w("delText")):
            tekst = t.text or ""
            if tekst != tekst.strip() and t.get("{http://www.w3.org/XML/1998/namespace}space") != "preserve":
                problemen.append(f"{naam}: tekst met spaties aan de rand zonder xml:space=preserve: {tekst!r}")
        for p in root.iter(_w("p")):
            markering = alineateken_revisie(p)
            soorten = _inhoud_soorten(p)
            fragment = "".join(p.itertext())[:40]
            volgende, vorige = p.getnext(), p.getprevious()
            # Word's convention: the mark before a wholly inserted paragraph is the inserted one.
            voor_invoeging = volgende is not None and volgende.tag == _w("p") and _inhoud_soorten(volgende) == {"ingevoegd"}
            na_invoegteken = vorige is not None and vorige.tag == _w("p") and alineateken_revisie(vorige) == "ingevoegd"
            if markering is not None and soorten - {markering} and not (markering == "ingevoegd" and voor_invoeging):
                problemen.append(f"{naam}: alineateken {markering} maar inhoud {sorted(soorten)}: {fragment!r}")
            ouder = p.getparent()
            laatste_in_cel = ouder.tag == _w("tc") and p is ouder.findall("w:p", NS)[-1]
            if markering is None and len(soorten) == 1 and soorten != {"gelijk"} and not laatste_in_cel:
                (soort,) = soorten
                if not (soort == "ingevoegd" and na_invoegteken):
                    problemen.append(f"{naam}: alinea geheel {soort} zonder revisie op het alineateken: {fragment!r}")
    for rid, aantal in sorted(ids.items()):
        if aantal > 1:
            problemen.append(f"w:id {rid} komt {aantal} keer voor bij w:ins/w:del")
    return problemen


def alineatekens_zonder_opvolger(docx_bytes: bytes) -> list[str]:
    """Paragraphs with a paragraph-mark revision that no paragraph follows.

    Such a paragraph (directly before a table, or last in the body or in a
    cell) has nothing to merge into when its mark is accepted/rejected:
    LibreOffice 7.4 then keeps an empty paragraph. Not an error in the file
    itself, so kept out of :func:`lint_revisies`; renderers can avoid it.
    """
    uit: list[str] = []
    for naam, root in lees_verhalen(docx_bytes).items():
        for p in root.iter(_w("p")):
            if alineateken_revisie(p) is None:
                continue
            volgende = p.getnext()
            if volgende is None or volgende.tag != _w("p"):
                uit.append(f"{naam}: {''.join(p.itertext())[:40]!r}")
    return uit


# -- LibreOffice views -------------------------------------------------------------

# A Basic macro in the private profile: for each line "source<TAB>target<TAB>mode" of a list file,
# open the document hidden, accept or reject all tracked changes (mode "accept"/"reject"; any
# other mode leaves them) and save it as UTF-8 text, one paragraph per line.
_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Weergaven(lijst As String)
  Dim regel As String, delen() As String, nr As Integer
  nr = FreeFile()
  Open lijst For Input As #nr
  Do While Not EOF(nr)
    Line Input #nr, regel
    If Len(regel) &gt; 0 Then
      delen = Split(regel, Chr(9))
      Weergave(delen(0), delen(1), delen(2))
    End If
  Loop
  Close #nr
End Sub

Sub Weergave(bron As String, doel As String, modus As String)
  Dim laden(0) As New com.sun.star.beans.PropertyValue
  laden(0).Name = "Hidden"
  laden(0).Value = True
  Dim doc As Object, helper As Object
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(bron), "_blank", 0, laden())
  helper = createUnoService("com.sun.star.frame.DispatchHelper")
  If modus = "accept" Then
    helper.executeDispatch(doc.getCurrentController().getFrame(), ".uno:AcceptAllTrackedChanges", "", 0, Array())
  ElseIf modus = "reject" Then
    helper.executeDispatch(doc.getCurrentController().getFrame(), ".uno:RejectAllTrackedChanges", "", 0, Array())
  End If
  Dim opslaan(1) As New com.sun.star.beans.PropertyValue
  opslaan(0).Name = "FilterName"
  opslaan(0).Value = "Text (encoded)"
  opslaan(1).Name = "FilterOptions"
  opslaan(1).Value = "UTF8,LF"
  doc.storeToURL(ConvertToURL(doel), opslaan())
  doc.close(True)
End Sub
</script:module>
"""


def libreoffice_teksten(documenten: dict[str, bytes], modi: tuple[str, ...] = ("accept", "reject")) -> dict[tuple[str, str], list[str]]:
    """(name, mode) -> paragraph texts of LibreOffice's accept / reject view, for every document
    and mode in ONE soffice call (starting LibreOffice is the slow part).

    Empty paragraphs are kept as "" so that callers can see that none are left behind.
    LibreOffice runs headless with a private profile, stopped by its process id on a hang.
    """
    from generator.render.libreoffice import draai

    with tempfile.TemporaryDirectory(prefix="grgen-lo-") as tmp:
        werk = Path(tmp)
        profiel = werk / "profiel"
        draai(["--terminate_after_init"], profiel, werk, wachttijd=120)
        (profiel / "user" / "basic" / "Standard" / "Module1.xba").write_text(_MACRO, encoding="utf-8")
        regels, doelen = [], {}
        for i, (naam, inhoud) in enumerate(sorted(documenten.items())):
            bron = werk / f"{i}.docx"
            bron.write_bytes(inhoud)
            for modus in modi:
                doel = werk / f"{i}-{modus}.txt"
                regels.append(f"{bron}\t{doel}\t{modus}\n")
                doelen[(naam, modus)] = doel
        lijst = werk / "lijst.txt"
        lijst.write_text("".join(regels), encoding="utf-8")
        draai([f'macro:///Standard.Module1.Weergaven("{lijst}")'], profiel, werk)
        return {k: [_normaliseer(r) for r in p.read_text(encoding="utf-8-sig").splitlines()] for k, p in doelen.items()}


# -- an lxml reader of the accept / reject view ---------------------------------------


def lxml_tekst(docx_bytes: bytes, modus: str = "accept") -> list[str]:
    """Paragraph texts of the accept or reject view, read from the raw XML with Word's rules.

    Text in w:ins (accept) or w:del (reject) is kept, the other dropped. A paragraph mark that
    goes away (w:del on accept, w:ins on reject) joins the paragraph to the next one, as Word
    does; the joined paragraph ends where the next kept mark is. Body paragraphs and table
    cells in document order; the Title paragraph first, as pandoc gives it.
    """
    weg = _w("del") if modus == "accept" else _w("ins")
    doc = lees_verhalen(docx_bytes)["word/document.xml"]
    uit: list[str] = []
    open_: list[str] = []
    for p in doc.iter(_w("p")):
        delen = []
        for el in p.iter(_w("t"), _w("delText"), _w("tab")):
            if any(a.tag == weg for a in el.iterancestors()):
                continue
            if el.tag == _w("tab"):
                if el.getparent().tag == _w("r"):  # not a tab stop in w:pPr/w:tabs
                    delen.append(" ")
            else:
                delen.append(el.text or "")
        open_.append("".join(delen))
        rpr = p.find("w:pPr/w:rPr", NS)
        teken_weg = rpr is not None and rpr.find(weg) is not None
        in_cel = p.getparent().tag == _w("tc")
        if teken_weg and not in_cel:
            continue
        uit.append(_normaliseer("".join(open_)))
        open_ = []
    if _normaliseer("".join(open_)):  # a document's last mark cannot go; Word keeps it empty
        uit.append(_normaliseer("".join(open_)))
    return uit
