"""Drafting by editing, through real files: `grgen ontwerp` -> edit the Word file with python-docx
(plain or as tracked changes w:ins/w:del) -> `grgen afleiden` -> `grgen bouw`.

The done-when of issue 20: the bundled amendment 2025-toetreding-borne, reproduced by editing the
ontwerp of its basis, gives a besluit that is the same sentence for sentence.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from generator.errors import GrgenFout, UitvoerFout, WijzigingFout
from generator.loader import lees_project
from generator.loader.ontwerp import lees_ontwerp
from generator.ontwerp import leid_wijziging_af, maak_ontwerp
from generator.ontwerpsleutels import sleutels
from generator.pipeline import bouw, laad
from generator.wijzigen.bewerking import bouw_bewerking

ROOT = Path(__file__).resolve().parent.parent
BASIS = "2022-toetreding-haaksbergen"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled project without the amendment of Borne."""
    for naam in ("regeling", "wijzigingen", "sjablonen"):
        shutil.copytree(ROOT / naam, tmp_path / naam)
    (tmp_path / "wijzigingen" / "2025-toetreding-borne.yaml").unlink()
    return tmp_path


# -- editing a Word file as a drafter would, with python-docx ---------------------------------
_REVISIE = {"w:author": "Jurist", "w:date": "2025-09-01T00:00:00Z"}
_TELLER = [900]


def _revisie(tag: str) -> OxmlElement:
    e = OxmlElement(tag)
    _TELLER[0] += 1
    e.set(qn("w:id"), str(_TELLER[0]))
    for k, v in _REVISIE.items():
        e.set(qn(k), v)
    return e


def _run(tekst: str, verwijderd: bool = False) -> OxmlElement:
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText" if verwijderd else "w:t")
    t.text = tekst
    t.set(qn("xml:space"), "preserve")
    r.append(t)
    return r


def alinea(doc, tekst: str) -> Paragraph:  # noqa: ANN001
    (p,) = [p for p in doc.paragraphs if tekst in p.text]
    return p


def vervang(p: Paragraph, oud: str, nieuw: str, bijhouden: bool) -> None:
    """Replace words inside one run: plainly, or as a tracked deletion and insertion."""
    (run,) = [r for r in p.runs if oud in r.text]
    voor, _, na = run.text.partition(oud)
    run.text = voor
    plek = run._r
    delen = []
    if bijhouden:
        if oud:
            weg = _revisie("w:del")
            weg.append(_run(oud, verwijderd=True))
            delen.append(weg)
        if nieuw:
            erbij = _revisie("w:ins")
            erbij.append(_run(nieuw))
            delen.append(erbij)
    else:
        delen.append(_run(nieuw))
    delen.append(_run(na))
    for d in delen:
        plek.addnext(d)
        plek = d


def verwijder(p: Paragraph, bijhouden: bool) -> None:
    if not bijhouden:
        p._p.getparent().remove(p._p)
        return
    for r in list(p._p.iter(qn("w:r"))):
        for t in r.findall(qn("w:t")):
            t.tag = qn("w:delText")
        weg = _revisie("w:del")
        r.addprevious(weg)
        weg.append(r)
    ppr = p._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    rpr.append(_revisie("w:del"))
    ppr.append(rpr)


def voeg_in_na(p: Paragraph, tekst: str, bijhouden: bool, stijl: str | None = None) -> Paragraph:
    """A new paragraph after `p`, in `stijl` (default: the style of `p`, as Word does on Enter)."""
    nieuw = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    stijl_id = stijl or (p._p.pPr.pStyle.val if p._p.pPr is not None and p._p.pPr.pStyle is not None else None)
    if stijl_id:
        ps = OxmlElement("w:pStyle")
        ps.set(qn("w:val"), stijl_id)
        ppr.append(ps)
    if bijhouden:
        rpr = OxmlElement("w:rPr")
        rpr.append(_revisie("w:ins"))
        ppr.append(rpr)
        erbij = _revisie("w:ins")
        erbij.append(_run(tekst))
        inhoud = erbij
    else:
        inhoud = _run(tekst)
    nieuw.append(ppr)
    nieuw.append(inhoud)
    p._p.addnext(nieuw)
    return Paragraph(nieuw, p._parent)


# -- the done-when: 2025-toetreding-borne by editing ----------------------------------------------
def _besluit(map_: Path, wijziging: str) -> list[str]:
    """The sentences of the besluit from ARTIKEL I to the inwerkingtreding, as `grgen bouw` writes them."""
    bouw(map_, wijziging)
    (pad,) = (map_ / "output").glob(f"*/{wijziging}/wijzigingsbesluit.md")
    regels = [r for r in pad.read_text(encoding="utf-8").splitlines() if r.strip()]
    begin = regels.index("## ARTIKEL I")
    eind = next(i for i, r in enumerate(regels) if r.startswith("Dit besluit treedt in werking"))
    return regels[begin : eind + 1]


@pytest.mark.parametrize("bijhouden", [False, True], ids=["gewoon", "bijgehouden"])
def test_toetreding_borne_door_bewerken(project: Path, tmp_path: Path, bijhouden: bool):
    ontwerp = tmp_path / "borne.docx"
    maak_ontwerp(laad(project), BASIS, ontwerp, "Jurist")
    doc = docx.Document(str(ontwerp))
    vervang(alinea(doc, "deelnemers: de colleges van burgemeester"), "Haaksbergen", "Borne, Haaksbergen", bijhouden)
    onderdeel_a = alinea(doc, "het lid van het college van de gemeente Hengelo dat belast is met de bedrijfsvoering")
    nieuw = voeg_in_na(onderdeel_a, "b.\thet lid van het college van de gemeente Borne dat belast is met de bedrijfsvoering;", bijhouden)
    doc.add_comment(nieuw.runs or [Paragraph(nieuw._p, nieuw._parent).add_run("")], text="Borne krijgt een zetel.", author="Jurist")
    voeg_in_na(doc.paragraphs[-1], "gemeente Borne", bijhouden)
    doc.save(str(ontwerp))

    pad, aantal = leid_wijziging_af(laad(project), ontwerp, BASIS, "2025-toetreding-borne", dt.date(2026, 1, 1))
    assert aantal == 3
    tekst = pad.read_text(encoding="utf-8")
    assert 'voor: "Haaksbergen"' in tekst and 'tekst: "Borne,"' in tekst
    assert "toelichting: Borne krijgt een zetel." in tekst

    bundel = tmp_path / "bundel"
    for naam in ("regeling", "wijzigingen", "sjablonen"):
        shutil.copytree(ROOT / naam, bundel / naam)
    assert _besluit(project, "2025-toetreding-borne") == _besluit(bundel, "2025-toetreding-borne")


# -- edits of every kind, through real files -----------------------------------------------------
@pytest.mark.parametrize("bijhouden", [False, True], ids=["gewoon", "bijgehouden"])
def test_woorden_alinea_weg_en_erbij(project: Path, tmp_path: Path, bijhouden: bool):
    ontwerp = tmp_path / "bewerkt.docx"
    maak_ontwerp(laad(project), None, ontwerp, "Jurist")
    doc = docx.Document(str(ontwerp))
    vervang(alinea(doc, "De deelnemers evalueren eenmaal in de vier jaar"), "vier", "vijf", bijhouden)
    verwijder(alinea(doc, "het lid van het college van de gemeente Oldenzaal dat belast is met de bedrijfsvoering"), bijhouden)
    lid = alinea(doc, "De deelnemers evalueren eenmaal in de vijf jaar" if not bijhouden else "De deelnemers evalueren eenmaal in de")
    voeg_in_na(lid, "2.\tHet verslag van de evaluatie wordt openbaar gemaakt.", bijhouden)
    doc.save(str(ontwerp))

    pad, _ = leid_wijziging_af(laad(project), ontwerp, "2025-uitbreiding-informatiemanagement", "2027-proef", dt.date(2027, 1, 1))
    wijziging = next(w for w in lees_project(project).wijzigingen if w.id == "2027-proef")
    acties = sorted(o.actie for o in wijziging.operaties)
    assert acties == ["invoegen", "vervalt", "vervangen"]
    assert next(o for o in wijziging.operaties if o.actie == "vervangen").wat == "vier"
    gemaakt, _ = bouw(project, "2027-proef")
    (map_,) = gemaakt
    besluit = (map_ / "wijzigingsbesluit.md").read_text(encoding="utf-8")
    assert '"vier" vervangen door "vijf"' in besluit
    assert "Het verslag van de evaluatie wordt openbaar gemaakt." in besluit
    # never over an existing file
    with pytest.raises(GrgenFout):
        leid_wijziging_af(laad(project), ontwerp, "2025-uitbreiding-informatiemanagement", "2027-proef", dt.date(2027, 1, 1))


def test_niets_veranderd_en_aanhef(project: Path, tmp_path: Path):
    ontwerp = tmp_path / "o.docx"
    maak_ontwerp(laad(project), BASIS, ontwerp, "Jurist")
    with pytest.raises(GrgenFout, match="verschilt niet"):
        leid_wijziging_af(laad(project), ontwerp, BASIS, "x", dt.date(2027, 1, 1))
    with pytest.raises(UitvoerFout, match="bestaat al"):
        maak_ontwerp(laad(project), BASIS, ontwerp, "Jurist")
    doc = docx.Document(str(ontwerp))
    vervang(alinea(doc, "ieder voor zover het hun bevoegdheden betreft"), "ieder", "elk", False)
    voeg_in_na(alinea(doc, "Voor de toepassing van deze regeling"), "Een losse zin zonder nummer.", False, stijl="Normal") if any(
        "Voor de toepassing van deze regeling" in p.text for p in doc.paragraphs
    ) else voeg_in_na(alinea(doc, "De deelnemers evalueren eenmaal"), "Een losse zin zonder nummer.", False, stijl="Normal")
    doc.save(str(ontwerp))
    with pytest.raises(WijzigingFout) as fout:
        leid_wijziging_af(laad(project), ontwerp, BASIS, "x", dt.date(2027, 1, 1))
    meldingen = [str(m) for m in fout.value.meldingen]
    assert any("aanhef is gewijzigd" in m for m in meldingen), meldingen
    assert any("hoort bij geen enkel element" in m and str(ontwerp) in m for m in meldingen), meldingen
    assert not (project / "wijzigingen" / "x.yaml").exists()


def test_markdown(project: Path, tmp_path: Path):
    ontwerp = tmp_path / "o.md"
    maak_ontwerp(laad(project), BASIS, ontwerp, "Jurist")
    tekst = ontwerp.read_text(encoding="utf-8")
    assert "<!--begrippen.e-->" in tekst and "](#ambtelijk-overleg)" in tekst
    tekst = tekst.replace("gemeenten Haaksbergen, Hengelo", "gemeenten Borne, Haaksbergen, Hengelo", 1)
    ontwerp.write_text(tekst, encoding="utf-8")
    pad, aantal = leid_wijziging_af(laad(project), ontwerp, BASIS, "md-proef", dt.date(2027, 1, 1))
    assert aantal == 1 and 'voor: "Haaksbergen"' in pad.read_text(encoding="utf-8")


# -- LibreOffice keeps the ids ---------------------------------------------------------------------
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is niet geïnstalleerd")
def test_libreoffice_bewaart_de_ids(project: Path, tmp_path: Path):
    ontwerp = tmp_path / "o.docx"
    maak_ontwerp(laad(project), BASIS, ontwerp, "Jurist")
    doc = docx.Document(str(ontwerp))
    vervang(alinea(doc, "deelnemers: de colleges van burgemeester"), "Haaksbergen", "Borne, Haaksbergen", True)
    doc.save(str(ontwerp))
    uit = tmp_path / "lo"
    profiel = Path(os.environ.get("TMPDIR", "/tmp")) / "lo-i20"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profiel}", "--headless", "--convert-to", "docx", "--outdir", str(uit), str(ontwerp)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    geschiedenis = laad(project).geschiedenis()[1]
    basis = geschiedenis.tijdlijn.versie(BASIS)
    alineas = lees_ontwerp(uit / "o.docx", "o.docx", sleutels(basis.regeling))
    gelezen = {a.sleutel for a in alineas if a.sleutel}
    assert gelezen == set(sleutels(basis.regeling)), set(sleutels(basis.regeling)) - gelezen
    bewerking = bouw_bewerking(basis.regeling, alineas, dt.date(2026, 1, 1))
    assert not bewerking.meldingen
    # the one tracked change survives, the rest (references included) reads back unchanged
    veranderd = [
        p.element.id
        for p in bewerking.regeling.elementen()
        if p.element != basis.regeling.index[p.element.id].element and not p.element.kinderen
    ]
    assert veranderd == ["begrippen.e"]


def test_tekst_van_een_verwijzing(project: Path, tmp_path: Path):
    """Typing over a reference would be lost (it follows the numbering): a located message."""
    ontwerp = tmp_path / "o.md"
    maak_ontwerp(laad(project), BASIS, ontwerp, "Jurist")
    tekst = ontwerp.read_text(encoding="utf-8").replace("[artikel 10](#ambtelijk-overleg)", "[artikel 11](#ambtelijk-overleg)", 1)
    ontwerp.write_text(tekst, encoding="utf-8")
    with pytest.raises(WijzigingFout) as fout:
        leid_wijziging_af(laad(project), ontwerp, BASIS, "x", dt.date(2027, 1, 1))
    (melding,) = fout.value.meldingen
    assert 'verwijzing "artikel 11" is gewijzigd' in melding.tekst and '(hier: "artikel 10")' in melding.tekst
    assert melding.bron.regel == next(i for i, r in enumerate(tekst.splitlines(), start=1) if "[artikel 11]" in r)


def test_opdrachten(project: Path, tmp_path: Path):
    """The commands: exit codes and messages."""
    from click.testing import CliRunner

    from generator.cli import grgen

    uit = CliRunner().invoke(grgen, ["-C", str(project), "ontwerp", BASIS, "-o", str(tmp_path / "o.docx"), "--auteur", "Jurist"])
    assert uit.exit_code == 0 and "Geschreven" in uit.output
    uit = CliRunner().invoke(grgen, ["-C", str(project), "afleiden", str(tmp_path / "o.docx"), "--basis", BASIS])
    assert uit.exit_code == 1 and "verschilt niet" in uit.output
    uit = CliRunner().invoke(grgen, ["-C", str(project), "afleiden", str(tmp_path / "o.docx"), "--basis", "2017"])
    assert uit.exit_code == 1 and "andere versie dan de basis" in uit.output
    uit = CliRunner().invoke(grgen, ["-C", str(project), "ontwerp", BASIS, "-o", str(tmp_path / "o.pdf")])
    assert uit.exit_code != 0 and ".docx" in uit.output


def test_artikel_krijgt_een_tweede_lid(project: Path, tmp_path: Path):
    ontwerp = tmp_path / "o.md"
    maak_ontwerp(laad(project), BASIS, ontwerp, "Jurist")
    tekst = ontwerp.read_text(encoding="utf-8").replace(
        "<!--duur:tekst-->", "<!--duur:tekst-->\n\n2\\. Elke deelnemer kan de regeling opzeggen met ingang van een nieuw kalenderjaar.", 1
    )
    ontwerp.write_text(tekst, encoding="utf-8")
    pad, aantal = leid_wijziging_af(laad(project), ontwerp, BASIS, "duur", dt.date(2027, 1, 1))
    assert aantal == 1
    gemaakt, _ = bouw(project, "duur")
    besluit = (gemaakt[0] / "wijzigingsbesluit.md").read_text(encoding="utf-8")
    assert 'Voor de tekst wordt de aanduiding "1." geplaatst.' in besluit and "Er wordt een lid toegevoegd, luidende:" in besluit


def test_ontwerp_schoon_volgens_openxml_audit(project: Path, tmp_path: Path):
    """Word opens the ontwerp cleanly: bookmarks, internal links and w:trackRevisions valid."""
    audit = shutil.which("openxml-audit")
    if audit is None:
        pytest.skip("openxml-audit is niet geïnstalleerd (pip install openxml-audit)")
    ontwerp = tmp_path / "o.docx"
    maak_ontwerp(laad(project), BASIS, ontwerp, "Jurist")
    r = subprocess.run([audit, "-f", "microsoft365", str(ontwerp)], capture_output=True, text=True)
    assert "Errors: 0" in r.stdout and "no findings" in r.stdout, r.stdout
    with zipfile.ZipFile(ontwerp) as zf:
        assert b"<w:trackRevisions/>" in zf.read("word/settings.xml")
        assert b"<dc:creator>Jurist</dc:creator>" in zf.read("docProps/core.xml")
    assert ontwerp.read_bytes() == (maak_ontwerp(laad(project), BASIS, tmp_path / "o2.docx", "Jurist").read_bytes())
