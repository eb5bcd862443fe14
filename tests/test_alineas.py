"""Texts of more than one alinea and lists marked with an opsommingsteken, in every view.

A small project written by hand in the documented form (a blank line in a `>-` block separates
alineas; `nummer: "•"` marks an unlettered list), with one amendment that replaces words in the
second alinea of an artikel and lets a lid with a "•" list and two alineas after it come to read
otherwise. Checked: `grgen toon`, the besluit, the renvooi in Markdown and in Word (pandoc's
accept-all and reject-all views are the two versions, an alinea break being a paragraph mark),
the was-wordt, the consolidated text, `grgen diff`, and the refusals of what the Ar cannot say.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.blokken import blokken
from generator.cli import grgen
from generator.importeer.importeren import Opties, importeer
from generator.model import Versie
from generator.pipeline import laad
from generator.render.tekstweergave import als_markdown, als_tekst
from tests.docxhulp import libreoffice_teksten, lint_revisies, lxml_tekst, pandoc_tekst
from tests.genereer import regelingen

REGELING = """\
citeertitel: Regeling alinea's Aastad
officiele_titel: Regeling alinea's Aastad
soort: regeling zonder meer
wettelijke_grondslag: artikel 1 van de Wet gemeenschappelijke regelingen
publicerende_gemeente: aastad
versie: {id: "2024", betreft: nieuwe regeling, inwerkingtreding: 2024-01-01}
deelnemers:
  - {id: aastad, naam: Aastad, soort: gemeente, sinds: 2024-01-01}
  - {id: bedorp, naam: Bedorp, soort: gemeente, sinds: 2024-01-01}
aanhef: De colleges van burgemeester en wethouders van Aastad en Bedorp;
hoofdstukken:
  - hoofdstukken/01.yaml
ondertekening: >-
  Aldus vastgesteld door de colleges van Aastad en Bedorp.

  de secretaris,

  de burgemeester,
"""

HOOFDSTUK = """\
id: h1
nummer: 1
opschrift: Algemeen
artikelen:
  - id: toepassing
    nummer: 1
    opschrift: Toepassing
    tekst: >-
      Deze regeling is van toepassing op de belastingen.

      Zij geldt ook voor de rechten.
  - id: taken
    nummer: 2
    opschrift: Taken
    leden:
      - tekst: >-
          De centrumgemeente voert de taken uit.

          Zij doet dat namens de deelnemers.
      - tekst: "De taken omvatten:"
        onderdelen:
          - nummer: "•"
            tekst: het heffen;
          - nummer: "•"
            tekst: >-
              het innen.

              Dit geldt ook voor de rente.
        slottekst: >-
          Het college stelt nadere regels.

          Daarbij hoort het advies, bedoeld in [[toepassing]].
  - id: slot
    nummer: 3
    opschrift: Slotbepalingen
    onderwerpen: [belang, toetreding, uittreding, uittreding-gevolgen, wijziging, opheffing, evaluatie, publicatie, inwerkingtreding, citeertitel]
    tekst: >-
      Deze regeling dient het belang van de belastingen en treedt in werking met ingang van 1 januari
      2024; toetreding, uittreding, wijziging, opheffing, evaluatie en bekendmaking volgen de wet.

      Deze regeling wordt aangehaald als: Regeling alinea's Aastad.
"""

WIJZIGING = """\
id: 2025-wijziging
titel: Wijziging van de Regeling alinea's Aastad
basis: "2024"
datum_besluit: 2025-01-15
inwerkingtreding: 2025-02-01
wijzigingen:
  - actie: vervangen
    doel: artikel 1
    wat: "de rechten"
    door: "de heffingen"
    toelichting: Heffingen is het ruimere woord.
  - actie: komt_te_luiden
    doel: artikel 2, tweede lid
    nieuw:
      tekst: "De taken omvatten:"
      onderdelen:
        - tekst: het heffen;
        - tekst: het innen.
      slottekst: >-
        Het college stelt nadere regels.

        Het bestuur adviseert daarover.
    toelichting: De opsomming krijgt letters (Ar 3.59).
"""


def _cli(*args: str):  # noqa: ANN202
    return CliRunner().invoke(grgen, list(args), catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    map_ = tmp_path / "p"
    (map_ / "regeling" / "r" / "hoofdstukken").mkdir(parents=True)
    (map_ / "wijzigingen").mkdir()
    (map_ / "regeling" / "r" / "regeling.yaml").write_text(REGELING, encoding="utf-8")
    (map_ / "regeling" / "r" / "hoofdstukken" / "01.yaml").write_text(HOOFDSTUK, encoding="utf-8")
    (map_ / "wijzigingen" / "2025-wijziging.yaml").write_text(WIJZIGING, encoding="utf-8")
    return map_


def test_toon_zet_elke_alinea_apart(project: Path) -> None:
    tekst = _cli("-C", str(project), "toon", "--versie", "2024").output
    assert (
        "Artikel 1 Toepassing\n\nDeze regeling is van toepassing op de belastingen.\nZij geldt ook voor de rechten.\n\n"
        "Artikel 2 Taken\n\n1. De centrumgemeente voert de taken uit.\nZij doet dat namens de deelnemers.\n"
        "2. De taken omvatten:\n   • het heffen;\n   • het innen.\n   Dit geldt ook voor de rente.\n"
        "Het college stelt nadere regels.\nDaarbij hoort het advies, bedoeld in artikel 1.\n\nArtikel 3 Slotbepalingen"
    ) in tekst
    assert tekst.endswith("Aastad.\n\nAldus vastgesteld door de colleges van Aastad en Bedorp.\nde secretaris,\nde burgemeester,\n")
    md = _cli("-C", str(project), "toon", "--versie", "2024", "--formaat", "md").output
    assert "Deze regeling is van toepassing op de belastingen.\n\nZij geldt ook voor de rechten.\n\n" in md
    assert "\u00a0" * 4 + "• het innen.\n\n" + "\u00a0" * 4 + "Dit geldt ook voor de rente.\n\n" in md


def test_check_waarschuwt_voor_het_opsommingsteken(project: Path) -> None:
    r = _cli("-C", str(project), "check")
    assert r.exit_code == 0, r.output
    assert "artikel 2, tweede lid: de opsomming is aangeduid met '•' in plaats van met letters (a., b., c.)" in r.output


def test_besluit_renvooi_waswordt_en_geconsolideerd(project: Path) -> None:
    b = _cli("-C", str(project), "bouw", "2025-wijziging")
    assert b.exit_code == 0, b.output
    uit = project / "output" / "r" / "2025-wijziging"
    besluit = (uit / "wijzigingsbesluit.md").read_text(encoding="utf-8")
    assert 'In artikel 1 wordt "de rechten" vervangen door "de heffingen".' in besluit
    # The new text after "luidende:" keeps its two alineas after the list as two paragraphs.
    assert "Het college stelt nadere regels.\n\n" in besluit and "Het bestuur adviseert daarover." in besluit

    renvooi = (uit / "renvooi.md").read_text(encoding="utf-8")
    assert "Zij geldt ook voor de <del>rechten</del><ins>heffingen</ins>." in renvooi
    assert "<del>•</del><ins>a.</ins> het heffen;" in renvooi
    assert "<del>Daarbij hoort het advies, bedoeld in artikel 1.</del>" in renvooi

    geschiedenis = laad(project).geschiedenis()[1]
    t = geschiedenis.toepassing("2025-wijziging")
    docx = (uit / "renvooi.docx").read_bytes()

    def normaal(regels) -> list[str]:  # noqa: ANN001
        return [" ".join(r.split()) for r in regels if r.strip()]

    nieuw = normaal(b.volledig for b in blokken(t.na.regeling))
    oud = normaal(b.volledig for b in blokken(t.voor.regeling))
    assert "Zij geldt ook voor de heffingen." in nieuw and "Dit geldt ook voor de rente." in oud
    # pandoc reads the tracked changes: accept all is the new version, reject all the old one.
    aanvaard, geweigerd = normaal(pandoc_tekst(docx, "accept")), normaal(pandoc_tekst(docx, "reject"))
    assert aanvaard[aanvaard.index(nieuw[0]) : -1] == nieuw
    assert geweigerd[geweigerd.index(oud[0]) : -1] == oud
    # Word's own rules on the raw XML (a removed paragraph mark joins two paragraphs) agree.
    assert normaal(lxml_tekst(docx, "accept")) == aanvaard and normaal(lxml_tekst(docx, "reject")) == geweigerd
    assert lint_revisies(docx) == []
    if shutil.which("soffice"):  # the third reader, as tests/test_libreoffice.py does for the bundled renvooi
        lo = libreoffice_teksten({"renvooi": docx})
        assert normaal(lo[("renvooi", "accept")]) == aanvaard and normaal(lo[("renvooi", "reject")]) == geweigerd

    waswordt = (uit / "was-wordt.md").read_text(encoding="utf-8")
    rij = next(r for r in waswordt.splitlines() if r.startswith("| artikel 1 "))
    assert "belastingen.<br>Zij geldt ook voor de <del>rechten</del>. | Artikel 1 Toepassing<br>" in rij
    rij = next(r for r in waswordt.splitlines() if r.startswith("| artikel 2, tweede lid "))
    assert "<del>Dit geldt ook voor de rente.</del><br>Het college stelt nadere regels.<br><del>Daarbij" in rij
    geconsolideerd = (uit / "geconsolideerd.md").read_text(encoding="utf-8")
    assert "Deze regeling is van toepassing op de belastingen.\n\nZij geldt ook voor de heffingen.\n" in geconsolideerd
    assert geconsolideerd.endswith("Aastad en Bedorp.\n\nde secretaris,\n\nde burgemeester,\n")
    woord = normaal(pandoc_tekst((uit / "geconsolideerd.docx").read_bytes()))
    i = woord.index("Deze regeling is van toepassing op de belastingen.")
    assert woord[i + 1] == "Zij geldt ook voor de heffingen." and woord[-3:] == [
        "Aldus vastgesteld door de colleges van Aastad en Bedorp.",
        "de secretaris,",
        "de burgemeester,",
    ]

    diff = _cli("-C", str(project), "diff", "2024", "2025-wijziging").output
    assert "Zij geldt ook voor de [-rechten-]{+heffingen+}.\n" in diff
    assert "   [-•-]{+b.+} het innen.\n   [-Dit geldt ook voor de rente.-]\nHet college stelt nadere regels.\n" in diff


@pytest.mark.parametrize(
    ("actie", "melding"),
    [
        ("  - actie: vervalt\n    doel: {id: taken.2.a}\n", "'taken.2.a' is een onderdeel met een opsommingsteken"),
        (
            "  - actie: toevoegen\n    aan: artikel 2, tweede lid\n    nieuw: {tekst: het innen van rente.}\n",
            "de opsomming is aangeduid met '•', niet met letters",
        ),
        (
            "  - actie: vervalt\n    doel: artikel 2, tweede lid, onderdeel b\n",
            "bestaat niet in versie 2024; de onderdelen van artikel 2, tweede lid zijn aangeduid met '•'",
        ),
    ],
)
def test_een_onderdeel_met_opsommingsteken_wordt_niet_apart_gewijzigd(project: Path, actie: str, melding: str) -> None:
    wijziging = project / "wijzigingen" / "2025-wijziging.yaml"
    tekst = wijziging.read_text(encoding="utf-8")
    wijziging.write_text(tekst[: tekst.index("wijzigingen:")] + "wijzigingen:\n" + actie, encoding="utf-8")
    r = _cli("-C", str(project), "check")
    assert r.exit_code == 1 and melding in r.output, r.output


def test_ontwerp_en_afleiden_weigeren_wat_zij_niet_kennen(project: Path, tmp_path: Path) -> None:
    # One paragraph per element and Ar addresses: an ontwerp cannot yet hold these shapes.
    r = _cli("-C", str(project), "ontwerp", "2024", "-o", str(tmp_path / "o.md"))
    assert r.exit_code == 1 and not (tmp_path / "o.md").exists()
    assert "versie 2024 heeft een tekst van meer dan één alinea, een opsomming met opsommingstekens, een kop die afwijkt" in r.output
    assert "(artikel 1; " in r.output
    (tmp_path / "o.md").write_text("# Regeling alinea's Aastad <!--@citeertitel-->\n", encoding="utf-8")
    r = _cli("-C", str(project), "afleiden", str(tmp_path / "o.md"), "--basis", "2024")
    assert r.exit_code == 1 and "grgen ontwerp en grgen afleiden kennen die nog niet" in r.output


@settings(
    max_examples=int(os.environ.get("GRGEN_VOORBEELDEN", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(regelingen(rijk=True), st.sampled_from(["txt", "md"]))
def test_toon_van_alineas_en_opsommingstekens_komt_terug_bij_import(data, soort: str) -> None:  # noqa: ANN001
    """What `grgen toon` prints of a generated regeling with these shapes, imported again, is the
    same regeling: the same elements with the same numbers or marks and the same printed texts."""
    regeling, info = data
    versie = Versie(info, regeling)
    with tempfile.TemporaryDirectory() as map_:
        bron = Path(map_) / f"bron.{soort}"
        bron.write_text(als_tekst(versie) if soort == "txt" else als_markdown(versie), encoding="utf-8")
        r = importeer(str(bron), Path(map_) / "p", Opties(deelnemers=("Aastad", "Beedorp"), inwerkingtreding=info.inwerkingtreding))
        assert r.vergelijking.gelijk, (r.vergelijking.ontbreekt, r.vergelijking.extra)
        terug = laad(Path(map_) / "p").geschiedenis()[1].tijdlijn.basis.regeling

    def vorm(reg) -> list[tuple]:  # noqa: ANN001
        # `toon` prints hoofdstuk headings in capitals: an opschrift comes back in them
        return [(b.soort, b.label, b.tekst.casefold() if b.soort == "kop" else b.tekst, b.alinea) for b in blokken(reg)]

    assert vorm(terug) == vorm(regeling)


def test_zin_en_verwijzing_over_alineas_heen(project: Path) -> None:
    # Ar sentence addresses count on through the alineas of a text; removing the only sentence of
    # an alinea removes that alinea, not the break between the others.
    hoofdstuk = project / "regeling" / "r" / "hoofdstukken" / "01.yaml"
    hoofdstuk.write_text(
        hoofdstuk.read_text(encoding="utf-8").replace(
            "      Zij geldt ook voor de rechten.\n",
            "      Zij geldt ook voor de rechten.\n\n      [[taken]] blijft van toepassing.\n",
        ),
        encoding="utf-8",
    )
    wijziging = project / "wijzigingen" / "2025-wijziging.yaml"
    tekst = wijziging.read_text(encoding="utf-8")
    wijziging.write_text(tekst[: tekst.index("wijzigingen:")] + "wijzigingen:\n  - actie: vervalt\n    doel: artikel 1, tweede zin\n")
    b = _cli("-C", str(project), "bouw", "2025-wijziging")
    assert b.exit_code == 0, b.output
    tekst = _cli("-C", str(project), "toon").output
    assert "Deze regeling is van toepassing op de belastingen.\nArtikel 2 blijft van toepassing.\n\nArtikel 2 Taken" in tekst
    besluit = (project / "output" / "r" / "2025-wijziging" / "wijzigingsbesluit.md").read_text(encoding="utf-8")
    assert "Artikel 1, tweede zin, vervalt." in besluit


def test_onderdelen_genummerd_zoals_getypt(project: Path) -> None:
    # "1.", "2)" on onderdelen: kept as typed, like a bullet (an imported definition list); on a
    # subonderdeel "2." in the first place is still a wrong number, not a mark.
    hoofdstuk = project / "regeling" / "r" / "hoofdstukken" / "01.yaml"
    tekst = hoofdstuk.read_text(encoding="utf-8")
    hoofdstuk.write_text(tekst.replace('nummer: "•"', 'nummer: "1."', 1).replace('nummer: "•"', 'nummer: "2)"', 1), encoding="utf-8")
    versie = laad(project).geschiedenis()[1].tijdlijn.basis
    lid2 = versie.regeling.index["taken.2"].element
    assert [(k.id, k.kop) for k in lid2.kinderen] == [("taken.2.a", "1."), ("taken.2.b", "2)")]
    assert "\n   1. het heffen;\n   2) het innen.\n" in als_tekst(versie)
    r = _cli("-C", str(project), "check")
    assert "artikel 2, tweede lid: de opsomming is aangeduid met '1.' in plaats van met letters (a., b., c.)" in r.output, r.output
    hoofdstuk.write_text(
        tekst.replace(
            '          - nummer: "•"\n            tekst: het heffen;',
            '          - tekst: "het heffen:"\n            onderdelen:\n              - {nummer: "2.", tekst: van belastingen.}',
            1,
        ),
        encoding="utf-8",
    )
    r = _cli("-C", str(project), "check")
    assert r.exit_code != 0 and "nummer '2.' klopt niet met de plaats" in r.output, r.output
