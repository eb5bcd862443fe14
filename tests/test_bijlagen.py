"""Bijlagen (annexes) with tables: the format, every view, amendments of a whole bijlage and import.

Built here: a regeling with two bijlagen (one with a table), amendments that replace, remove and
add a bijlage, the real bgr sample (a mandatenlijst as a CALS table inside a <noot>) imported
and amended, and small sources of each kind (text, Markdown, CVDR XML with <bijlage>, Word with
a w:tbl with a merged cell) holding a bijlage.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from generator.cli import grgen
from generator.diff.afleiden import leid_af
from generator.errors import Verzamelaar
from generator.importeer.importeren import Opties, importeer
from generator.loader.wijziging import lees_wijziging
from generator.model import Artikel, Bijlage, Tabel, Versie
from generator.pipeline import laad
from generator.render.besluit import besluitonderdelen
from generator.render.tekstweergave import als_markdown, als_tekst
from generator.render.wijziging_yaml import wijziging_yaml
from generator.wijzigen.motor import pas_toe
from tests.docxhulp import libreoffice_teksten, lint_revisies, lxml_tekst, pandoc_tekst
from tests.test_afleiden import _pas_toe, _versie

ROOT = Path(__file__).resolve().parent.parent
BGR = Path(__file__).parent / "importeer" / "bgr.xml"
MANDATEN = Tabel(
    (
        ("Bevoegdheid", "Door", "Aan"),
        ("aangifte bij de politie", "Voorzitter", "Secretaris"),
        ("procuratie tot € 50.000", "DB", "Secretaris"),
    )
)
BRIEF = {
    "zaaknummer": "Z-1", "behandelend_ambtenaar": "A. Adviseur", "sector": "Bedrijfsvoering", "portefeuillehouder": "wethouder B",
    "datum_college": "2025-01-13", "datum_raad": "2025-02-10", "burgemeester": "C", "voorzitter": "C", "secretaris": "D",
    "griffier": "E", "agendapunt": "7", "kenmerk": "K-1",
}  # fmt: skip
# The content rules of `grgen check` (see test_importeer.INHOUDSREGELS): the bgr sample is a
# mandaatregeling of a GR's own body, not a GR; the Ar 3.54-3.59 rules cover the warnings about its
# headings as it prints them ("B. Mandatering", no hoofdstuk: Ar 3.54-3.56) and its lists (3.59).
INHOUDSREGELS = ("wgr", "ar-4.14-inwerkingtreding", "ar-4.24-citeertitel", "ar-3.29", "ar-3.54-kop", "ar-3.56", "ar-3.59")


def cli(*args: str):  # noqa: ANN201
    return CliRunner().invoke(grgen, list(args), catch_exceptions=False)


def _met_bijlagen() -> Versie:
    basis = _versie(Artikel("tarief-artikel", "1", "De tarieven staan in de bijlagen.", opschrift="Tarieven"))
    regeling = basis.regeling.met(
        bijlagen=(
            Bijlage("mandaten", "1", "Bijlage 1 bij de Proefregeling", ("Overzicht van de mandaten.", MANDATEN)),
            Bijlage("contacten", "2", None, ("De contactpersonen staan op de website.",)),
        )
    )
    return Versie(basis.info, regeling)


# -- the views ----------------------------------------------------------------------------------


def test_toon_tekst_en_markdown():
    versie = _met_bijlagen()
    tekst = als_tekst(versie)
    # After the artikelen: the heading, each alinea, each table row on one line between "| ".
    assert tekst.endswith(
        "Bijlage 1 bij de Proefregeling\n\nOverzicht van de mandaten.\n| Bevoegdheid | Door | Aan |\n"
        "| aangifte bij de politie | Voorzitter | Secretaris |\n| procuratie tot € 50.000 | DB | Secretaris |\n\n"
        "Bijlage 2\n\nDe contactpersonen staan op de website.\n"
    )
    md = als_markdown(versie)
    assert "## Bijlage 1 bij de Proefregeling\n\nOverzicht van de mandaten.\n\n| Bevoegdheid | Door | Aan |\n| --- | --- | --- |\n" in md
    assert "## Bijlage 2\n\nDe contactpersonen staan op de website.\n" in md
    assert "[mandaten]" in als_tekst(versie, ids=True)


def test_een_pijp_in_een_cel_blijft_een_cel():
    versie = Versie(_met_bijlagen().info, _met_bijlagen().regeling.met(bijlagen=(Bijlage("b", None, None, (Tabel((("a|b", ""),)),)),)))
    assert "| a\\|b |  |" in als_tekst(versie)
    assert "| a\\|b |  |\n| --- | --- |" in als_markdown(versie)


# -- amendments ---------------------------------------------------------------------------------


def _wijziging(tmp_path: Path, wijzigingen: str):  # noqa: ANN202
    pad = tmp_path / "w.yaml"
    pad.write_text(
        f'id: w\ntitel: Wijziging van de Proefregeling\nbasis: "v0"\ndatum_besluit: 2021-01-04\ninwerkingtreding: 2021-02-01\nwijzigingen:\n{wijzigingen}',
        encoding="utf-8",
    )
    v = Verzamelaar()
    w = lees_wijziging(pad, "w.yaml", v)
    assert not v.meldingen, [str(m) for m in v.meldingen]
    return w


def test_vervangen_laten_vervallen_en_toevoegen_in_het_besluit(tmp_path: Path):
    basis = _met_bijlagen()
    w = _wijziging(
        tmp_path,
        """  - actie: komt_te_luiden
    doel: bijlage 1
    nieuw:
      inhoud:
        - Overzicht van de mandaten.
        - tabel:
            - [Bevoegdheid, Door, Aan]
            - [procuratie tot € 75.000, DB, Secretaris]
  - actie: vervalt
    doel: {bijlage: 2}
  - actie: toevoegen
    aan: regeling
    soort: bijlage
    nieuw:
      id: tarieven
      opschrift: Bijlage 3 bij de Proefregeling
      inhoud: [De tarieven per deelnemer.]
""",
    )
    t = pas_toe(basis, w, basis)
    na = t.na.regeling
    assert [(b.id, b.nummer) for b in na.bijlagen] == [("mandaten", "1"), ("tarieven", "3")]
    # The replaced bijlage keeps its id and number; its opschrift is the new one (none given: "Bijlage 1").
    assert na.bijlage("1").inhoud[1].rijen[1] == ("procuratie tot € 75.000", "DB", "Secretaris")
    zinnen = [z.zin for o in besluitonderdelen(t) for z in o.zinnen]
    # Two new bijlagen travel with the besluit: each is named by its number there.
    assert zinnen == [
        "Bijlage 1 komt te luiden zoals opgenomen in bijlage 1 bij dit besluit.",
        "Bijlage 2 vervalt.",
        "Er wordt een bijlage toegevoegd, zoals opgenomen in bijlage 2 bij dit besluit.",
    ]


def test_de_enige_bijlage_zonder_nummer(tmp_path: Path):
    basis = _met_bijlagen()
    basis = Versie(basis.info, basis.regeling.met(bijlagen=(Bijlage("lijst", None, "Bijlage bij de Proefregeling", ("Oud.",)),)))
    w = _wijziging(
        tmp_path,
        "  - actie: komt_te_luiden\n    doel: bijlage\n    nieuw:\n      opschrift: Bijlage bij de Proefregeling\n      inhoud: [Nieuw.]\n",
    )
    t = pas_toe(basis, w, basis)
    assert [z.zin for o in besluitonderdelen(t) for z in o.zinnen] == [
        "De bijlage komt te luiden zoals opgenomen in de bijlage bij dit besluit."
    ]
    # A second bijlage next to an unnumbered one is refused: which one would be "bijlage 2"?
    w2 = _wijziging(tmp_path, "  - actie: toevoegen\n    aan: regeling\n    soort: bijlage\n    nieuw:\n      inhoud: [Twee.]\n")
    with pytest.raises(Exception, match="past niet") as fout:
        pas_toe(basis, w2, basis)
    assert "een tweede bijlage vraagt nummers" in "\n".join(str(m) for m in fout.value.meldingen)


def test_afleiden_schrijft_en_leest_bijlagen_terug(tmp_path: Path):
    """An edited bijlage is derived as a whole replacement, written as YAML and read back the same."""
    basis = _met_bijlagen()
    oud = basis.regeling
    bewerkt = oud.met(
        bijlagen=(
            dataclasses.replace(oud.bijlagen[0], inhoud=("Overzicht van de mandaten, bijgewerkt.", MANDATEN)),
            Bijlage("tarieven", "3", None, ("Tarieven.",)),
        )
    )
    afgeleid = leid_af(basis, bewerkt)
    assert not afgeleid.meldingen
    assert [(o.positie, o.bijlage_doel) for o in afgeleid.operaties] == [("komt_te_luiden", "1"), ("vervalt", "2"), ("toevoegen", None)]
    pad = tmp_path / "w.yaml"
    pad.write_text(wijziging_yaml("w", "W", "v0", dt.date(2021, 1, 1), afgeleid.operaties, "x.docx"), encoding="utf-8")
    tekst = pad.read_text(encoding="utf-8")
    assert "actie: komt_te_luiden\n    doel: bijlage 1" in tekst and "actie: vervalt\n    doel: bijlage 2" in tekst
    v = Verzamelaar()
    gelezen = lees_wijziging(pad, "w.yaml", v)
    assert not v.meldingen, [str(m) for m in v.meldingen]
    assert _pas_toe(basis, gelezen.operaties).regeling.bijlagen == bewerkt.bijlagen


# -- the bgr sample: import, amend the mandatenlijst, build --------------------------------------


def test_bgr_bijlage_importeren_wijzigen_en_bouwen(tmp_path: Path):
    project = tmp_path / "p"
    (project / "wijzigingen").mkdir(parents=True)
    r = importeer(str(BGR), project, Opties(naam="mandaat", deelnemers=("Doetinchem",), inwerkingtreding=dt.date(2024, 5, 9)))
    bijlage = laad(project).geschiedenis("mandaat")[1].tijdlijn.basis.regeling.bijlage("1")
    assert bijlage.kop.startswith("Bijlage 1 bij Regeling mandatering")
    tabel = bijlage.inhoud[-1]
    assert len(tabel.rijen) == 35 and tabel.kop == ("Naam regeling/bevoegdheden", "Mandaatverlening", "", "Ondergemandateerde", "Kader")
    assert "samengevoegde cellen in een tabel gesplitst" in "\n".join(str(m) for m in r.meldingen)
    brief = "\n".join(f'    {k}: "{w}"' for k, w in BRIEF.items())
    (project / "wijzigingen" / "2025-mandatenlijst.yaml").write_text(
        f"""id: 2025-mandatenlijst
titel: Wijziging van de Regeling mandatering bevoegdheden in verband met de procuratiegrens
kort: Procuratiegrens
basis: "2024"
betreft: wijziging
stadium: vastgesteld
datum_besluit: 2025-03-03
inwerkingtreding: 2025-04-01
vastgesteld_door: het dagelijks bestuur
toelichting: De procuratiegrens gaat omhoog.
samenvatting: De secretaris mag grotere bedragen uitgeven.
procedure:
  datum_bekendmaking: 2025-03-10
  gevolgen_begroting: Geen.
deelnemers:
  doetinchem:
{brief}
wijzigingen:
  - actie: komt_te_luiden
    doel: bijlage 1
    toelichting: De procuratiegrens gaat van € 50.000 naar € 75.000.
    nieuw:
      opschrift: Bijlage 1 bij Regeling mandatering bevoegdheden van het dagelijks bestuur en de voorzitter van Regio Achterhoek
      inhoud:
        - Overzicht van de bevoegdheden waarvan de uitoefening wordt opgedragen aan een ambtena(a)r(en).
        - tabel:
            - [Naam regeling/bevoegdheden, Door, Aan]
            - [budgethouder, DB, Secretaris]
            - [procuratie tot € 75.000, DB, Secretaris]
""",
        encoding="utf-8",
    )
    b = cli("-C", str(project), "bouw", "--strict", *(a for n in INHOUDSREGELS for a in ("--negeer", n)))
    assert b.exit_code == 0, b.output
    uit = project / "output" / "mandaat" / "2025-mandatenlijst"
    besluit = (uit / "wijzigingsbesluit.md").read_text(encoding="utf-8")
    assert "Bijlage 1 komt te luiden zoals opgenomen in de bijlage bij dit besluit." in besluit
    # The new bijlage follows the ondertekening, before the toelichting, with its table.
    na_ondertekening = besluit[besluit.index("Aldus vastgesteld") : besluit.index("## TOELICHTING")]
    assert (
        "## Bijlage bij het besluit tot wijziging van de Regeling mandatering bevoegdheden in verband met de procuratiegrens\n"
        in na_ondertekening
    )
    assert "| Naam regeling/bevoegdheden | Door | Aan |\n| --- | --- | --- |\n| budgethouder | DB | Secretaris |" in na_ondertekening
    renvooi = (uit / "renvooi.md").read_text(encoding="utf-8")
    assert "\n## Bijlage 1 bij Regeling mandatering" in renvooi
    assert "<del>Aan de secretaris Regio Achterhoek" in renvooi
    assert "<del>50</del><ins>75</ins>" in renvooi
    # Word: a tracked change per row; accepting gives the new bijlage, rejecting the old one.
    rv = (uit / "renvooi.docx").read_bytes()
    assert lint_revisies(rv) == []
    for lezer in (lxml_tekst, pandoc_tekst):
        aanvaard, geweigerd = lezer(rv, "accept"), lezer(rv, "reject")
        assert (
            "| procuratie tot € 75.000 | DB | Secretaris |" in aanvaard and "| procuratie tot € 50.000 | DB | Secretaris |" not in aanvaard
        )
        assert "| - procuratie tot € 50.000 | DB | Secretaris | | |" in [" ".join(t.split()) for t in geweigerd]
    if shutil.which("soffice"):  # the third reader, as in test_libreoffice.py
        lo = libreoffice_teksten({"renvooi": rv})
        assert "| procuratie tot € 75.000 | DB | Secretaris |" in lo[("renvooi", "accept")]
        assert "| - procuratie tot € 50.000 | DB | Secretaris | | |" in lo[("renvooi", "reject")]
        assert not any("50.000" in t for t in lo[("renvooi", "accept")])
    waswordt = (uit / "was-wordt.md").read_text(encoding="utf-8")
    assert "| bijlage 1 |" in waswordt and "De procuratiegrens gaat van € 50.000 naar € 75.000." in waswordt
    xml = zipfile.ZipFile(uit / "was-wordt.docx").read("word/document.xml").decode()
    assert ">bijlage 1<" in xml and 'preserve">procuratie tot € </w:t>' in xml  # "50" struck through, "75" underlined after it
    # The consolidated text and the besluit in Word hold the table as a real Word table.
    for naam, tabellen in (("geconsolideerd.docx", 2), ("wijzigingsbesluit.docx", 1)):
        xml = zipfile.ZipFile(uit / naam).read("word/document.xml").decode()
        assert xml.count("<w:tbl>") == tabellen and "procuratie tot € 75.000" in xml
    # Integraal: the whole text, bijlagen included, follows "komt te luiden als volgt", before the ondertekening.
    b = cli("-C", str(project), "bouw", "--strict", "--vorm", "integraal", *(a for n in INHOUDSREGELS for a in ("--negeer", n)))
    assert b.exit_code == 0, b.output
    integraal = (uit / "wijzigingsbesluit.md").read_text(encoding="utf-8")
    tekst = integraal[integraal.index("komt te luiden als volgt") : integraal.index("Aldus vastgesteld")]
    assert "## Bijlage 1 bij Regeling mandatering" in tekst and "| procuratie tot € 75.000 | DB | Secretaris |" in tekst
    assert integraal.count("procuratie tot € 75.000") == 1  # no second copy after the ondertekening
    d = cli("-C", str(project), "diff", "2024", "2025-mandatenlijst")
    assert "gewijzigd   bijlage 1\n              door 2025-mandatenlijst, onderdeel A" in d.output
    assert "procuratie tot € [-50-]{+75+}.000" in d.output


# -- import of each source kind -------------------------------------------------------------------

TEKSTBRON = """Regeling tarieven

Het algemeen bestuur;

besluit:

Artikel 1 Tarieven

De tarieven staan in bijlage 1.

Aldus vastgesteld op 1 maart 2024.

Bijlage 1 bij de Regeling tarieven
De tarieven per jaar.
| Deelnemer | Tarief |
| --- | --- |
| Aastad | € 100 |
| Bedorp |  |

Bijlage 2 bij de Regeling tarieven
Contactpersonen.
"""


@pytest.mark.parametrize("soort", ["txt", "md"])
def test_tekst_en_markdown_met_bijlagen(tmp_path: Path, soort: str):
    bron = tmp_path / f"tarieven.{soort}"
    # Markdown separates paragraphs by a blank line; the rows of a pipe table follow each other.
    tekst = TEKSTBRON if soort == "txt" else "\n".join(r if r.startswith("|") or not r else r + "\n" for r in TEKSTBRON.splitlines())
    bron.write_text(tekst, encoding="utf-8")
    r = importeer(str(bron), tmp_path, Opties(deelnemers=("Aastad",), inwerkingtreding=dt.date(2024, 3, 1)))
    versie = laad(tmp_path).geschiedenis(r.map.name)[1].tijdlijn.basis
    assert [(b.id, b.nummer, b.kop) for b in versie.regeling.bijlagen] == [
        ("bijlage-1", "1", "Bijlage 1 bij de Regeling tarieven"),
        ("bijlage-2", "2", "Bijlage 2 bij de Regeling tarieven"),
    ]
    assert versie.regeling.bijlagen[0].inhoud == (
        "De tarieven per jaar.",
        Tabel((("Deelnemer", "Tarief"), ("Aastad", "€ 100"), ("Bedorp", ""))),
    )
    # The rule under the header row is no row of the table; in Markdown it is markup, no paragraph.
    assert r.vergelijking.ontbreekt == (("| --- | --- |",) if soort == "txt" else ())
    # `toon` (text or Markdown) re-imported gives the same bijlagen, a "|" in a cell included.
    tabel = Tabel((("Deelnemer", "Tarief"), ("Aastad | Bedorp", "€ 100")))
    versie = dataclasses.replace(
        versie,
        regeling=versie.regeling.met(
            bijlagen=(versie.regeling.bijlagen[0], dataclasses.replace(versie.regeling.bijlagen[1], inhoud=("Contactpersonen.", tabel)))
        ),
    )
    tweede = tmp_path / "tweede"
    opnieuw = tweede / f"toon.{soort}"
    tweede.mkdir()
    opnieuw.write_text(als_tekst(versie) if soort == "txt" else als_markdown(versie), encoding="utf-8")
    r2 = importeer(str(opnieuw), tweede, Opties(deelnemers=("Aastad",), inwerkingtreding=dt.date(2024, 3, 1)))
    assert laad(tweede).geschiedenis(r2.map.name)[1].tijdlijn.basis.regeling.bijlagen == versie.regeling.bijlagen


CVDR = """<?xml version="1.0" encoding="UTF-8"?>
<cvdr xmlns="http://standaarden.overheid.nl/cvdr/terms/"><body><regeling><regeling-tekst>
<artikel><kop><label>Artikel</label><nr>1</nr><titel>Tarieven</titel></kop><al>De tarieven staan in de bijlage.</al></artikel>
</regeling-tekst>
<regeling-sluiting><slotformulering><al>Aldus vastgesteld op 1 maart 2024.</al></slotformulering></regeling-sluiting>
<bijlage><kop><label>Bijlage</label><titel>Tarieven</titel></kop><al>De tarieven per jaar.</al>
<table><tgroup cols="2"><colspec colname="c1"/><colspec colname="c2"/><tbody>
<row><entry><al>Deelnemer</al></entry><entry><al>Tarief</al></entry></row>
<row><entry morerows="1"><al>Aastad</al></entry><entry><al>€ 100</al></entry></row>
<row><entry><al>€ 110</al></entry></row>
</tbody></tgroup></table></bijlage>
</regeling></body></cvdr>
"""


def test_cvdr_bijlage_met_tabel(tmp_path: Path):
    bron = tmp_path / "cvdr.xml"
    bron.write_text(CVDR, encoding="utf-8")
    r = importeer(str(bron), tmp_path, Opties(deelnemers=("Aastad",), inwerkingtreding=dt.date(2024, 3, 1)))
    regeling = laad(tmp_path).geschiedenis(r.map.name)[1].tijdlijn.basis.regeling
    (b,) = regeling.bijlagen
    assert (b.nummer, b.kop) == (None, "Bijlage Tarieven")
    # "Aastad" spans two rows: the second row gets an empty first cell, reported.
    assert b.inhoud == ("De tarieven per jaar.", Tabel((("Deelnemer", "Tarief"), ("Aastad", "€ 100"), ("", "€ 110"))))
    assert "samengevoegde cellen in een tabel gesplitst" in "\n".join(str(m) for m in r.meldingen)
    # Every source paragraph comes back, the three table rows each as one line.
    assert (r.vergelijking.gevonden, r.vergelijking.totaal, r.vergelijking.ontbreekt) == (9, 9, ()), r.vergelijking


def test_word_bijlage_met_tabel_en_een_tabel_in_een_artikel(tmp_path: Path):
    d = docx.Document()
    d.add_paragraph("Regeling tarieven", style="Title")
    d.add_paragraph("Het algemeen bestuur;")
    d.add_paragraph("besluit:")
    d.add_paragraph("Artikel 1 Tarieven", style="Heading 2")
    d.add_paragraph("De tarieven staan in bijlage 1.")
    d.add_table(rows=1, cols=2).rows[0].cells[0].text = "los"  # a table in an artikel: reported, not kept
    d.add_paragraph("Aldus vastgesteld op 1 maart 2024.")
    d.add_paragraph().add_run("Bijlage 1 bij de Regeling tarieven").bold = True
    d.add_paragraph("De tarieven per jaar.")
    tabel = d.add_table(rows=3, cols=3)
    for rij, cellen in zip(
        tabel.rows, (("Deelnemer", "Tarief", "Ingang"), ("Aastad", "€ 100", "2024"), ("Bedorp", "€ 90", "2025")), strict=True
    ):
        for cel, tekst in zip(rij.cells, cellen, strict=True):
            cel.text = tekst
    tabel.cell(0, 1).merge(tabel.cell(0, 2))  # "Tarief" spans two columns
    uit = io.BytesIO()
    d.save(uit)
    bron = tmp_path / "tarieven.docx"
    bron.write_bytes(uit.getvalue())
    r = importeer(str(bron), tmp_path, Opties(deelnemers=("Aastad",), inwerkingtreding=dt.date(2024, 3, 1)))
    regeling = laad(tmp_path).geschiedenis(r.map.name)[1].tijdlijn.basis.regeling
    (b,) = regeling.bijlagen
    assert b.inhoud[1].rijen[0][0] == "Deelnemer" and b.inhoud[1].rijen[1:] == (("Aastad", "€ 100", "2024"), ("Bedorp", "€ 90", "2025"))
    meldingen = "\n".join(str(m) for m in r.meldingen)
    assert "tabel niet overgenomen" in meldingen and "samengevoegde cellen in een tabel gesplitst" in meldingen
    assert r.vergelijking.ontbreekt == ("| los |  |",)


def test_de_id_van_een_vervallen_bijlage_wordt_niet_opnieuw_gegeven(tmp_path: Path):
    """Like an element's id (STOP's wId), a bijlage's id is never given again: not in a later
    amendment either (the removal touched it, so the timeline counts it as used)."""
    from generator.errors import GrgenFout
    from generator.wijzigen.tijdlijn import bouw_geschiedenis

    basis = _met_bijlagen()
    weg = _wijziging(tmp_path, "  - actie: vervalt\n    doel: bijlage 2\n")
    terug = dataclasses.replace(
        _wijziging(
            tmp_path,
            "  - actie: toevoegen\n    aan: regeling\n    soort: bijlage\n    nieuw:\n      id: contacten\n      inhoud: [Weer.]\n",
        ),
        id="w2",
        basis="w",
        datum_besluit=dt.date(2021, 3, 1),
        inwerkingtreding=dt.date(2021, 4, 1),
    )
    with pytest.raises(GrgenFout) as fout:
        bouw_geschiedenis(basis.regeling, basis.info, (weg, terug))
    assert "id 'contacten' is al in gebruik" in "\n".join(str(m) for m in fout.value.meldingen)
