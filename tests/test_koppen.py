"""Headings as a source prints them: `kop: kort` and `kop: geen`, lettered paragrafen, loose
artikelen before paragrafen, and `aanhef: geen` / `afkondiging: geen` (docs/formaat.md, hoofdstuk 4).

Built here: (1) the real CVDR sample cvdr_example3 (headless artikelen, paragrafen A, B, C after a
loose artikel), imported, amended in paragraaf B and built with `bouw --strict`; (2) a hand-made
hoofdstuk in the bad-input corpus's basis project with each shape, shown by `toon`, checked by
`check`, and refused by `ontwerp`; (3) bgr.xml, a regeling without hoofdstukken whose tussenkoppen
"A. Algemeen" are paragrafen printed short.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

from click.testing import CliRunner

from generator.cli import grgen
from generator.importeer.importeren import Opties, importeer
from generator.pipeline import laad
from generator.render.tekstweergave import als_markdown, als_tekst

VOORBEELDEN = Path("/work/shared/voorbeelden/cvdr")
BASIS = Path(__file__).parent / "invoer" / "basis"
# The rules an imported beleidsregel breaks by what it is (no Wgr provisions, references to other
# laws, bullets, headings as the source prints them): ignored where only the build is tested.
NEGEER = ("wgr", "ar-4.14", "ar-4.24", "ar-3.29", "ar-3.59", "ar-3.54-kop", "ar-3.56-kop", "ar-3.56-indeling")
BRIEF = {
    "zaaknummer": "Z-1", "behandelend_ambtenaar": "A. Adviseur", "sector": "Bedrijfsvoering", "portefeuillehouder": "wethouder B",
    "datum_college": "2027-01-12", "datum_raad": "2027-02-10", "burgemeester": "C", "voorzitter": "C", "secretaris": "D",
    "griffier": "E", "agendapunt": "7", "kenmerk": "K-1",
}  # fmt: skip


def cli(*args: str):  # noqa: ANN201
    return CliRunner().invoke(grgen, list(args), catch_exceptions=False)


def _wijziging(wijzigingen: str) -> str:
    brief = "\n".join(f'    {k}: "{w}"' for k, w in BRIEF.items())
    return f"""id: 2027-bibob
titel: Wijziging van de Beleidsregel Wet Bibob
kort: Bibob
basis: "2019"
betreft: wijziging
vorm: artikelsgewijs
stadium: vastgesteld
datum_besluit: 2027-03-01
inwerkingtreding: 2027-04-01
vastgesteld_door: het college van burgemeester en wethouders van Aastad
toelichting: Verduidelijking.
samenvatting: De beleidsregel wordt verduidelijkt.
procedure:
  datum_bekendmaking: 2027-03-10
  gevolgen_begroting: Geen.
deelnemers:
  aastad:
{brief}
wijzigingen:
{wijzigingen}"""


def _bibob(tmp_path: Path) -> Path:
    project = tmp_path / "p"
    cli("-C", str(project), "nieuw", "--citeertitel", "Leeg", "--soort", "regeling zonder meer", "--deelnemer", "Aastad",
        "--inwerkingtreding", "2017-01-01")  # fmt: skip
    shutil.rmtree(project / "regeling" / "leeg")
    r = cli("-C", str(project), "importeer", str(VOORBEELDEN / "cvdr_example3.xml"), "--naam", "bibob", "--deelnemer", "Aastad")
    assert r.exit_code == 0, r.output
    return project


def test_geimporteerde_beleidsregel_zonder_koppen_wijzigen_in_paragraaf_b_en_bouwen(tmp_path: Path) -> None:
    project = _bibob(tmp_path)
    hoofdstuk = (project / "regeling" / "bibob" / "hoofdstukken" / "04-beleidsuitgangspunten.yaml").read_text()
    assert "artikelen:\n- id: artikel-4\n  nummer: 4\n  kop: geen\n" in hoofdstuk
    assert "paragrafen:\n- id: paragraaf-4-a\n  nummer: A\n  opschrift: Bibob-toets bij een aanvraag" in hoofdstuk
    (project / "wijzigingen" / "2027-bibob.yaml").write_text(
        _wijziging("""  - actie: vervangen
    doel: artikel 6
    wat: "reeds verleende"
    door: "verleende"
    toelichting: Het woord "reeds" voegt niets toe.
  - actie: invoegen
    na: artikel 6
    nieuw:
      opschrift: Melding
      tekst: Het college meldt de toepassing aan de betrokkene.
    toelichting: De betrokkene weet zo waar hij aan toe is.
  - actie: opschrift
    doel: paragraaf B
    nieuw: Bibob-toets bij een verleende vergunning
    toelichting: Als in artikel 6.
  - actie: invoegen
    na: paragraaf C
    nieuw:
      opschrift: Evaluatie
      artikelen:
        - opschrift: Evaluatie
          tekst: Het college evalueert deze beleidsregel elke vier jaar.
    toelichting: Een vaste evaluatie.
"""),
        encoding="utf-8",
    )
    b = cli("-C", str(project), "bouw", "--strict", *(a for n in NEGEER for a in ("--negeer", n)))
    assert b.exit_code == 0, b.output
    uit = project / "output" / "bibob" / "2027-bibob"
    besluit = (uit / "wijzigingsbesluit.md").read_text()
    for zin in (
        # a headless artikel is named by its number (Ar 3.29), a lettered paragraaf by its letter
        'In artikel 6 wordt "reeds verleende" vervangen door "verleende".',
        "Na artikel 6 wordt een artikel ingevoegd, luidende:",
        "**Artikel 6a Melding**",
        'Het opschrift van hoofdstuk 4, paragraaf B komt te luiden: "Bibob-toets bij een verleende vergunning".',
        # the next letter (Ar 6.16 as for hoofdstukken), its artikel numbered after artikel 7
        "Na hoofdstuk 4, paragraaf C, wordt een paragraaf ingevoegd, luidende:",
        "Paragraaf D Evaluatie",
        "Artikel 7a Evaluatie",
    ):
        assert zin in besluit, besluit
    geconsolideerd = (uit / "geconsolideerd.md").read_text()
    assert (
        "### Paragraaf B Bibob-toets bij een verleende vergunning\n\nDe Wet Bibob kan worden toegepast op een verleende" in geconsolideerd
    )
    assert "Artikel 6\n" not in geconsolideerd and "#### Artikel 6a Melding" in geconsolideerd
    renvooi = (uit / "renvooi.md").read_text()
    assert "De Wet Bibob kan worden toegepast op een <del>reeds</del> verleende" in renvooi
    assert "#### <ins>Artikel 6a</ins> <ins>Melding</ins>" in renvooi
    assert "Artikel 6 " not in renvooi  # the headless artikel stays headless in the renvooi too
    waswordt = (uit / "was-wordt.md").read_text()
    assert "| artikel 6 | De Wet Bibob kan worden toegepast op een <del>reeds</del> verleende" in waswordt
    for docx in ("geconsolideerd.docx", "renvooi.docx", "was-wordt.docx", "wijzigingsbesluit.docx"):
        with zipfile.ZipFile(uit / docx) as z:
            xml = z.read("word/document.xml").decode()
        assert "Melding" in xml and "Artikel 6<" not in xml, docx
    d = cli("-C", str(project), "diff", "2019", "2027-bibob")
    assert d.exit_code == 1, d.output  # as diff(1): the versions differ
    assert "[artikel 6, zonder kop]\nDe Wet Bibob kan worden toegepast op een [-reeds -]verleende" in d.output
    html = cli("-C", str(project), "diff", "2019", "2027-bibob", "--formaat", "html")
    assert '<p class="blok zonder-kop">[artikel 6, zonder kop]</p>' in html.output
    assert cli("-C", str(project), "diff", "2019", "2027-bibob", "--formaat", "docx", "-o", str(tmp_path / "d.docx")).exit_code == 1
    with zipfile.ZipFile(tmp_path / "d.docx") as z:
        assert "[artikel 6, zonder kop]" in z.read("word/document.xml").decode()


def test_opschrift_voor_artikel_zonder_kop_wordt_geweigerd(tmp_path: Path) -> None:
    project = _bibob(tmp_path)
    (project / "wijzigingen" / "2027-bibob.yaml").write_text(
        _wijziging("  - actie: opschrift\n    doel: artikel 6\n    nieuw: Toepassing\n    toelichting: x\n"), encoding="utf-8"
    )
    r = cli("-C", str(project), "check")
    assert r.exit_code == 1
    assert "artikel 6 wordt zonder kop afgedrukt ('kop: geen'); een opschrift zou nergens staan" in r.output, r.output


def test_los_artikel_na_de_paragrafen_wordt_geweigerd(tmp_path: Path) -> None:
    # Loose artikelen stand before the paragrafen; one added after them would belong to none.
    project = _bibob(tmp_path)
    actie = "  - actie: toevoegen\n    aan: {aan}\n    soort: artikel\n    nieuw:\n      opschrift: Slot\n      tekst: Slot.\n    toelichting: x\n"
    wijziging = project / "wijzigingen" / "2027-bibob.yaml"
    wijziging.write_text(_wijziging(actie.format(aan="hoofdstuk 4")), encoding="utf-8")
    r = cli("-C", str(project), "check")
    assert r.exit_code == 1
    assert (
        "hoofdstuk 4 is ingedeeld in paragrafen; een artikel na paragraaf C zou bij geen paragraaf horen; "
        "voeg het artikel toe aan de paragraaf ('aan: hoofdstuk 4, paragraaf C')" in r.output
    ), r.output
    wijziging.write_text(_wijziging(actie.format(aan="hoofdstuk 4, paragraaf C")), encoding="utf-8")
    assert "fout: wijziging" not in cli("-C", str(project), "check").output


# A hoofdstuk with every shape: a loose artikel without heading, then a paragraaf printed short
# ("A. Algemeen") and one lettered in full, with an artikel printed short ("6. Slot").
VORMEN = """id: hfd-slot
nummer: 2
kop: kort
opschrift: Slotbepalingen
artikelen:
  - id: los
    nummer: 5
    kop: geen
    tekst: Deze tekst staat buiten een artikel.
paragrafen:
  - id: par-a
    nummer: A
    kop: kort
    opschrift: Algemeen
    artikelen:
      - id: citeertitel
        nummer: 6
        kop: kort
        opschrift: Citeertitel
        onderwerpen: [citeertitel]
        tekst: Deze regeling wordt aangehaald als Proefregeling samenwerking.
  - id: par-b
    nummer: B
    opschrift: Slot
    artikelen:
      - id: slot
        nummer: 7
        tekst: Slot.
"""


def _vormen(tmp_path: Path) -> Path:
    project = tmp_path / "vormen"
    shutil.copytree(BASIS, project)
    (project / "regeling" / "proef" / "hoofdstukken" / "02-slot.yaml").write_text(VORMEN, encoding="utf-8")
    regeling = project / "regeling" / "proef" / "regeling.yaml"
    tekst = regeling.read_text()
    begin = tekst.index("aanhef:")
    eind = tekst.index("hoofdstukken:")
    regeling.write_text(tekst[:begin] + "aanhef: geen\nafkondiging: geen\n" + tekst[eind:], encoding="utf-8")
    (project / "wijzigingen" / "2020-toetreding-delta.yaml").unlink()
    return project


def test_koppen_aanhef_en_afkondiging_zoals_de_bron_ze_afdrukt(tmp_path: Path) -> None:
    project = _vormen(tmp_path)
    versie = laad(project).geschiedenis("proef")[1].tijdlijn.basis
    tekst = als_tekst(versie)
    # nothing between the title and the first hoofdstuk: no aanhef, no afkondiging invented
    assert tekst.startswith("Proefregeling samenwerking\n==========================\n\nHOOFDSTUK 1 ALGEMENE BEPALINGEN\n"), tekst
    assert tekst.endswith(
        "2. SLOTBEPALINGEN\n\nDeze tekst staat buiten een artikel.\n\nA. Algemeen\n\n6. Citeertitel\n\n"
        "Deze regeling wordt aangehaald als Proefregeling samenwerking.\n\nParagraaf B Slot\n\nArtikel 7\n\nSlot.\n"
    ), tekst
    # `toon --ids` names the headless artikel on its text, as a lid
    assert "\n2. SLOTBEPALINGEN  [hfd-slot]\n\nDeze tekst staat buiten een artikel.  [los]\n" in als_tekst(versie, ids=True)
    md = als_markdown(versie)
    assert "## 2\\. Slotbepalingen\n\nDeze tekst staat buiten een artikel.\n\n### A. Algemeen\n\n#### 6\\. Citeertitel" in md, md
    # The basis project lacks the Wgr topics (tests/invoer/README.md); the rest gives warnings only.
    c = cli("-C", str(project), "check", "--negeer", "wgr-9", "--negeer", "wgr-10", "--negeer", "wgr-11a", "--negeer", "wgr-26",
            "--negeer", "wgr-8", "--negeer", "ar-4.14")  # fmt: skip
    assert c.exit_code == 0, c.output
    for regel in (
        "[ar-3.54-kop (Ar 3.54)] [versie 2017] artikel 5: wordt afgedrukt zonder kop, niet als \"Artikel 5\"; laat 'kop: geen' weg",
        '[ar-3.54-kop (Ar 3.54)] [versie 2017] artikel 6: wordt afgedrukt alleen met het nummer (6.), niet als "Artikel 6"',
        "[ar-3.56-kop (Ar 3.56)] [versie 2017] hoofdstuk 2, paragraaf A: wordt afgedrukt alleen met het nummer (A.)",
        "[ar-3.56-kop (Ar 3.56)] [versie 2017] hoofdstuk 2, paragraaf B: paragraaf B is genummerd met een letter",
        "[ar-3.56-indeling (Ar 3.56, eerste lid)] [versie 2017] hoofdstuk 2: hoofdstuk 2 is ingedeeld in paragrafen, maar artikel 5 staat "
        "buiten een paragraaf",
        "[wgr-1-aanhef (Wgr art. 1, eerste lid)] [versie 2017]: de regeling heeft geen aanhef en geen afkondiging; grgen drukt daar niets af",
    ):
        assert regel in c.output, c.output
    o = cli("-C", str(project), "ontwerp", "--uitvoer", str(tmp_path / "o.md"))
    assert o.exit_code == 1 and "een kop die afwijkt ('kop: kort' of 'kop: geen') of geen aanhef of afkondiging" in o.output, o.output


def test_regeling_zonder_hoofdstukken_met_tussenkoppen(tmp_path: Path) -> None:
    r = importeer(str(VOORBEELDEN / "bgr.xml"), tmp_path, Opties(deelnemers=("Aastad",), inwerkingtreding=dt.date(2024, 5, 9)))
    versie = laad(tmp_path).geschiedenis(r.map.name)[1].tijdlijn.basis
    tekst = als_tekst(versie)
    assert "HOOFDSTUK" not in tekst and "Hoofdstuk 1" not in tekst
    assert "\nA. Algemeen\n\nArtikel 1. Begripsbepalingen\n" in tekst or "\nA. Algemeen\n\nArtikel 1 Begripsbepalingen\n" in tekst, tekst
    assert "\nB. Mandatering\n" in tekst and "\nC. Slotbepalingen\n" in tekst
    # the hoofdstuk the text does not show has no address; its paragrafen are named alone
    assert versie.regeling.plek("paragraaf-1-b").adres == "paragraaf B"


def test_tekst_en_markdown_van_toon_komen_terug_met_dezelfde_koppen(tmp_path: Path) -> None:
    # `toon` of an import with every shape, read back as plain text and as Markdown: the same
    # blocks (kind, label, text), so "A. Algemeen" is a paragraaf again, headless artikelen stay
    # headless and no hoofdstuk heading appears.
    from generator.blokken import KOP, blokken

    def rijen(versie):  # noqa: ANN001, ANN202
        return [(b.soort, b.element_soort, b.label, b.tekst.casefold() if b.soort == KOP else b.tekst) for b in blokken(versie.regeling)]

    for naam, datum in (("bgr.xml", dt.date(2024, 5, 9)), ("cvdr_example3.xml", dt.date(2019, 8, 30))):
        r = importeer(str(VOORBEELDEN / naam), tmp_path / naam, Opties(deelnemers=("Aastad",), inwerkingtreding=datum))
        origineel = laad(tmp_path / naam).geschiedenis(r.map.name)[1].tijdlijn.basis
        for soort, weergave in (("txt", als_tekst), ("md", als_markdown)):
            bron = tmp_path / f"{naam}.{soort}"
            bron.write_text(weergave(origineel), encoding="utf-8")
            terug = importeer(str(bron), tmp_path / f"{naam}-{soort}", Opties(deelnemers=("Aastad",), inwerkingtreding=datum))
            assert terug.vergelijking.gelijk, (naam, soort, terug.vergelijking)
            nieuw = laad(tmp_path / f"{naam}-{soort}").geschiedenis(terug.map.name)[1].tijdlijn.basis
            assert rijen(nieuw) == rijen(origineel), (naam, soort)


def test_regeling_zonder_aanhef_en_afkondiging_bouwt_zonder_ze_te_verzinnen(tmp_path: Path) -> None:
    project = tmp_path / "p"
    cli("-C", str(project), "nieuw", "--citeertitel", "Leeg", "--soort", "regeling zonder meer", "--deelnemer", "Aastad",
        "--inwerkingtreding", "2016-01-01")  # fmt: skip
    shutil.rmtree(project / "regeling" / "leeg")
    r = cli("-C", str(project), "importeer", str(VOORBEELDEN / "cvdr_example2.xml"), "--naam", "kampen", "--deelnemer", "Aastad")
    assert r.exit_code == 0, r.output
    assert "aanhef: geen\nafkondiging: geen\n" in (project / "regeling" / "kampen" / "regeling.yaml").read_text()
    wijziging = _wijziging(
        '  - actie: vervangen\n    doel: artikel 5\n    wat: "persoonsgebonden gehandicaptenparkeerplaats"\n'
        '    door: "gehandicaptenparkeerplaats op kenteken"\n    toelichting: Op kenteken.\n'
    )
    (project / "wijzigingen" / "2027-kampen.yaml").write_text(
        wijziging.replace('basis: "2019"', 'basis: "2016"').replace("id: 2027-bibob", "id: 2027-kampen"), encoding="utf-8"
    )
    b = cli("-C", str(project), "bouw", "--strict", *(a for n in NEGEER for a in ("--negeer", n)))
    assert b.exit_code == 0, b.output
    uit = project / "output" / "kampen" / "2027-kampen"
    assert 'In artikel 5 wordt "persoonsgebonden gehandicaptenparkeerplaats" vervangen door' in (uit / "wijzigingsbesluit.md").read_text()
    geconsolideerd = (uit / "geconsolideerd.md").read_text()
    # straight from the version table to the first hoofdstuk: no aanhef, no standard afkondiging
    assert "| – | niet bekend |\n\n## Hoofdstuk 1 Parkeren\n\n\\[Vervallen\\]\n" in geconsolideerd, geconsolideerd
    assert "vast te stellen" not in geconsolideerd and "[de bron heeft geen aanhef]" not in geconsolideerd


def test_word_met_vette_tussenkoppen_zonder_hoofdstukken_en_aanhef(tmp_path: Path) -> None:
    # A Word regeling as a beleidsregel is often typed: a title, no aanhef, bold "A. Algemeen"
    # tussenkoppen, artikel headings in bold, a loose sentence before the first tussenkop.
    from tests.importbronnen import P, word_document

    alineas = [
        P("Beleidsregel mandaat Aastad", stijl="Title"),
        P("A. Algemeen", vet=True),
        P("Deze beleidsregel geldt voor alle medewerkers."),
        P("Artikel 1 Begrippen", vet=True),
        P("In deze regeling wordt verstaan onder mandaat: de bevoegdheid om namens het college te besluiten."),
        P("B. Mandatering", vet=True),
        P("Artikel 2 Mandaat", vet=True),
        P("De secretaris krijgt mandaat."),
        P("Artikel 3", vet=True),
        P("Deze regeling treedt in werking op 1 januari 2027."),
    ]
    bron = tmp_path / "beleidsregel.docx"
    bron.write_bytes(word_document(alineas))
    r = importeer(str(bron), tmp_path / "p", Opties(deelnemers=("Aastad",), inwerkingtreding=dt.date(2027, 1, 1)))
    v = r.vergelijking
    assert (v.gevonden, v.totaal, v.extra) == (10, 10, ()), v
    versie = laad(tmp_path / "p").geschiedenis(r.map.name)[1].tijdlijn.basis
    assert als_tekst(versie).startswith(
        "Beleidsregel mandaat Aastad\n===========================\n\nA. Algemeen\n\n"
        "Deze beleidsregel geldt voor alle medewerkers.\n\nArtikel 1 Begrippen\n"
    ), als_tekst(versie)
    paragrafen = [(p.element.nummer, p.element.kopvorm, p.adres) for p in versie.regeling.elementen() if p.element.soort == "paragraaf"]
    assert paragrafen == [("A", "kort", "paragraaf A"), ("B", "kort", "paragraaf B")]
    meldingen = "\n".join(str(m) for m in r.meldingen)
    for fragment in (
        "de bron heeft geen aanhef; grgen schrijft 'aanhef: geen'",
        # the loose sentence before the source's artikel 1 takes a number no artikel claims (Ar 6.16)
        "tekst buiten een artikel (in paragraaf A); grgen zet hem in artikel a1 met 'kop: geen'",
        'tussenkop "B. Mandatering" zonder het woord "Paragraaf"; grgen maakt er paragraaf B van',
    ):
        assert fragment in meldingen, meldingen


def test_invoegen_aan_het_begin_van_een_hoofdstuk_zonder_kop_noemt_het_hoofdstuk_niet(tmp_path: Path) -> None:
    project = tmp_path / "p"
    cli("-C", str(project), "nieuw", "--citeertitel", "Leeg", "--soort", "regeling zonder meer", "--deelnemer", "Aastad",
        "--inwerkingtreding", "2019-01-01")  # fmt: skip
    shutil.rmtree(project / "regeling" / "leeg")
    bron = tmp_path / "r.txt"
    bron.write_text("Regeling R\nDe raad;\nbesluit:\nArtikel 1 Een\nTekst een.\nArtikel 2 Twee\nTekst twee.\n", encoding="utf-8")
    r = cli("-C", str(project), "importeer", str(bron), "--naam", "r", "--deelnemer", "Aastad", "--inwerkingtreding", "2019-01-01")
    assert r.exit_code == 0, r.output
    (project / "wijzigingen" / "2027-bibob.yaml").write_text(
        _wijziging(
            "  - actie: invoegen\n    voor: artikel 1\n    nieuw:\n      opschrift: Nul\n      tekst: Tekst nul.\n    toelichting: x\n"
        ),
        encoding="utf-8",
    )
    b = cli("-C", str(project), "bouw", "--strict", *(a for n in NEGEER for a in ("--negeer", n)))
    assert b.exit_code == 0, b.output
    besluit = (project / "output" / "r" / "2027-bibob" / "wijzigingsbesluit.md").read_text()
    # not "Aan het begin van hoofdstuk 1": the text shows no hoofdstuk 1 (Ar 6.16: a1 before artikel 1)
    assert "Voor artikel 1 wordt een artikel ingevoegd, luidende:" in besluit and "hoofdstuk" not in besluit.lower(), besluit
    assert "**Artikel a1 Nul**" in besluit
