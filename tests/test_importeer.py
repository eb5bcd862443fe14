"""`grgen nieuw` and `grgen importeer`: every source kind, the round trip, anomalies, references.

The round-trip measure: `grgen toon --formaat tekst` of the imported regeling shows the source's
paragraphs, in order, after whitespace normalisation (`generator.importeer.vergelijk`).
"""

from __future__ import annotations

import datetime as dt
import http.server
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pypandoc
import pytest
from click.testing import CliRunner

from generator.adressen import verwijzingen
from generator.blokken import KOP, blokken
from generator.cli import grgen
from generator.importeer.importeren import Opties, importeer, lees
from generator.importeer.vergelijk import bronalineas, splits_kader, toonalineas, vergelijk
from generator.model import Plek
from generator.model.regeling import plekken_van
from generator.pipeline import bouw, laad
from generator.render.tekstweergave import als_markdown, als_tekst
from tests.importbronnen import P, word_alle_structuren, word_document

ROOT = Path(__file__).resolve().parent.parent
VOORBEELDEN = Path(__file__).parent / "importeer"
HENGELO = ("Hengelo", "Oldenzaal", "openbaar lichaam SWB Midden Twente")
# The rules of `grgen check` about what a gemeenschappelijke regeling must contain and how it
# cites; the real CVDR samples are beleidsregels and a mandaatregeling, not GRs, so these
# findings are about the sources themselves (tested below), not about the import.
INHOUDSREGELS = ("wgr", "ar-4.14-inwerkingtreding", "ar-4.24-citeertitel", "ar-3.29", "ar-3.59-leestekens")


def geladen_zoals_gemeten(bron: Path | str, r) -> None:  # noqa: ANN001
    """The written files, read by the ordinary loader, show what the import measured in memory."""
    project = r.map.parent.parent
    versie = laad(project).geschiedenis(r.map.name)[1].tijdlijn.basis
    assert vergelijk(bronalineas(lees(str(bron))), toonalineas(als_tekst(versie))) == r.vergelijking


def cli(*args: str, invoer: str | None = None):  # noqa: ANN201
    return CliRunner().invoke(grgen, list(args), input=invoer, catch_exceptions=False)


def check(project: Path, *negeer: str):  # noqa: ANN201
    return cli("-C", str(project), "check", *(a for n in negeer for a in ("--negeer", n)))


# -- grgen nieuw ----------------------------------------------------------------------------------


@pytest.mark.parametrize("soort", ["centrumregeling", "openbaar lichaam", "regeling zonder meer"])
def test_nieuw_geeft_een_regeling_die_check_accepteert(tmp_path: Path, soort: str) -> None:
    r = cli(
        "-C", str(tmp_path), "nieuw", "--citeertitel", "Regeling samenwerking belastingen Aastad", "--soort", soort,
        "--deelnemer", "Aastad", "--deelnemer", "Bedorp", "--deelnemer", "openbaar lichaam Werkbedrijf Oost", "--inwerkingtreding", "2026-01-01",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert (tmp_path / ".gitignore").read_text().count("/output/") == 1
    assert "sjablonen/<id van de deelnemer>/" in (tmp_path / "sjablonen" / "README.md").read_text()
    assert (tmp_path / "wijzigingen").is_dir()
    c = check(tmp_path)
    assert c.exit_code == 0, c.output
    assert "Geen fouten gevonden." in c.output and "waarschuwing" not in c.output
    tekst = cli("-C", str(tmp_path), "toon").output
    assert (
        "De colleges van burgemeester en wethouders van de gemeenten Aastad en Bedorp en het dagelijks bestuur van het openbaar lichaam Werkbedrijf Oost"
        in tekst
    )
    assert ("De gemeente Aastad wordt aangewezen als centrumgemeente" in tekst) == (soort == "centrumregeling")


def test_nieuw_overschrijft_nooit(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("eigen\n")
    args = ["-C", str(tmp_path), "nieuw", "--citeertitel", "Regeling X", "--soort", "regeling zonder meer", "--deelnemer", "Aastad"]
    eerste = cli(*args, "--inwerkingtreding", "2026-01-01")
    assert eerste.exit_code == 0 and f"Bestond al, niet aangeraakt: {tmp_path / '.gitignore'}" in eerste.output
    assert (tmp_path / ".gitignore").read_text() == "eigen\n"
    regeling = tmp_path / "regeling" / "regeling-x" / "regeling.yaml"
    regeling.write_text(regeling.read_text() + "# eigen werk\n")
    tweede = cli(*args, "--inwerkingtreding", "2027-01-01")
    assert tweede.exit_code == 2 and "bestaat al; er is niets geschreven" in tweede.output
    assert regeling.read_text().endswith("# eigen werk\n")


def test_nieuw_vraagt_wat_ontbreekt_en_weigert_zonder_terminal(tmp_path: Path) -> None:
    # CliRunner's stdin is no terminal: a missing option is a usage error naming the option.
    r = cli("-C", str(tmp_path), "nieuw", "--citeertitel", "Regeling X")
    assert r.exit_code == 2 and "geef --soort" in r.output
    assert not (tmp_path / "regeling").exists()


# -- the bundled Hengelo regeling, exported and imported again ------------------------------------


def _hengelo_kopie(tmp_path: Path) -> Path:
    project = tmp_path / "hengelo"
    for naam in ("regeling", "wijzigingen", "sjablonen"):
        shutil.copytree(ROOT / naam, project / naam)
    return project


def _bron_hengelo(tmp_path: Path, soort: str) -> Path:
    """The latest Hengelo version exported as `soort`."""
    versie = laad(ROOT).geschiedenis()[1].tijdlijn.laatste
    pad = tmp_path / f"hengelo-{soort}"
    if soort == "tekst":
        pad = pad.with_suffix(".txt")
        pad.write_text(als_tekst(versie), encoding="utf-8")
    elif soort == "md":
        pad = pad.with_suffix(".md")
        pad.write_text(als_markdown(versie), encoding="utf-8")
    elif soort == "geconsolideerd.docx":
        project = _hengelo_kopie(tmp_path)
        gemaakt, _ = bouw(project)
        pad = gemaakt[0] / "geconsolideerd.docx"
    else:  # pandoc's Markdown -> Word
        md = tmp_path / "hengelo.md"
        md.write_text(als_markdown(versie), encoding="utf-8")
        pad = pad.with_suffix(".docx")
        # markdown-smart: pandoc would otherwise turn ' into ’ and change the text itself
        pypandoc.convert_file(str(md), "docx", format="markdown-smart", outputfile=str(pad))
    return pad


def _referenties(regeling) -> list[tuple[str, list[str]]]:  # noqa: ANN001
    """Per element in order: its address and the addresses its texts refer to."""
    uit = []
    for plek in regeling.elementen():
        doelen = [regeling.index[d].adres for t in plek.element.teksten() for d in verwijzingen(t)]
        uit.append((plek.adres, doelen))
    return uit


@pytest.mark.parametrize("soort", ["tekst", "md", "geconsolideerd.docx", "pandoc.docx"])
def test_hengelo_geexporteerd_en_weer_geimporteerd_is_dezelfde_regeling(tmp_path: Path, soort: str) -> None:
    bron = _bron_hengelo(tmp_path, soort)
    project = tmp_path / "import"
    project.mkdir()
    r = cli(
        "-C", str(project), "importeer", str(bron), *(a for d in HENGELO for a in ("--deelnemer", d)), "--inwerkingtreding", "2017-08-31"
    )
    assert r.exit_code == 0, r.output
    assert "Verwijzingen omgezet in [[id]]: 35; als tekst gelaten: 7" in r.output
    v = importeer_vergelijking(r.output)
    assert v[0] == v[1], r.output  # every source paragraph back in `toon`
    assert "toegevoegd door grgen" not in r.output
    c = check(project)
    assert c.exit_code == 0, c.output
    origineel = laad(ROOT).geschiedenis()[1].tijdlijn.laatste.regeling
    nieuw = laad(project).geschiedenis()[1].tijdlijn.basis.regeling

    # The same elements with the same texts (references rendered), ids aside; hoofdstuk headings
    # come back in capitals from the plain text, where `toon` prints them so.
    def rijen(regeling):  # noqa: ANN001, ANN202
        return [(b.soort, b.element_soort, b.label, b.tekst.casefold() if b.soort == KOP else b.tekst) for b in blokken(regeling)]

    assert rijen(nieuw) == rijen(origineel)
    assert _referenties(nieuw) == _referenties(origineel)
    assert sum(len(d) for _, d in _referenties(nieuw)) == 35


def importeer_vergelijking(uitvoer: str) -> tuple[int, int]:
    regel = next(r for r in uitvoer.splitlines() if r.startswith("Alinea's van de bron terug"))
    delen = regel.split(":")[1].split()
    return int(delen[0]), int(delen[2])


def test_geimporteerde_regeling_kan_direct_worden_gewijzigd_en_gebouwd(tmp_path: Path) -> None:
    bron = _bron_hengelo(tmp_path, "tekst")
    project = tmp_path / "import"
    cli(
        "-C",
        str(project),
        "nieuw",
        "--citeertitel",
        "Leeg",
        "--soort",
        "regeling zonder meer",
        "--deelnemer",
        "Aastad",
        "--inwerkingtreding",
        "2017-01-01",
    )
    shutil.rmtree(project / "regeling" / "leeg")
    r = cli(
        "-C",
        str(project),
        "importeer",
        str(bron),
        "--naam",
        "ict",
        *(a for d in HENGELO for a in ("--deelnemer", d)),
        "--inwerkingtreding",
        "2017-08-31",
    )
    assert r.exit_code == 0, r.output
    brief = {
        "zaaknummer": "Z-1", "behandelend_ambtenaar": "A. Adviseur", "sector": "Bedrijfsvoering", "portefeuillehouder": "wethouder B",
        "datum_college": "2027-01-12", "datum_raad": "2027-02-10", "burgemeester": "C", "voorzitter": "C", "secretaris": "D",
        "griffier": "E", "agendapunt": "7", "kenmerk": "K-1",
    }  # fmt: skip
    deelnemers = "\n".join(
        f"  {d}:\n" + "\n".join(f'    {k}: "{w}"' for k, w in brief.items()) for d in ("hengelo", "oldenzaal", "swb-midden-twente")
    )
    (project / "wijzigingen" / "2027-evaluatie.yaml").write_text(
        f"""id: 2027-evaluatie
titel: Wijziging van de Centrumgemeenteregeling samenwerking ICT Hengelo in verband met de evaluatie
kort: Evaluatie
basis: "2017"
betreft: wijziging
vorm: artikelsgewijs
stadium: vastgesteld
datum_besluit: 2027-03-01
inwerkingtreding: 2027-04-01
vastgesteld_door: de colleges van Hengelo en Oldenzaal en het dagelijks bestuur van SWB Midden Twente
toelichting: De evaluatie vindt voortaan eens in de drie jaar plaats.
samenvatting: De regeling wordt vaker geëvalueerd.
procedure:
  datum_bekendmaking: 2027-03-10
  gevolgen_begroting: Geen.
deelnemers:
{deelnemers}
wijzigingen:
  - actie: vervangen
    doel: artikel 21, eerste lid
    wat: "vier jaar"
    door: "drie jaar"
    toelichting: Drie jaar sluit aan bij de duur van de dienstverleningsovereenkomst.
""",
        encoding="utf-8",
    )
    b = cli("-C", str(project), "bouw", "--strict")
    assert b.exit_code == 0, b.output
    besluit = (project / "output" / "ict" / "2027-evaluatie" / "wijzigingsbesluit.md").read_text()
    assert 'In artikel 21, eerste lid, wordt "vier jaar" vervangen door "drie jaar".' in besluit


# -- real CVDR and officiële-publicatie XML -------------------------------------------------------

# Per sample: source paragraphs found back, total, references converted, fragments of the expected
# anomalies, and the paragraphs `toon` adds that the format requires (each reported); none since
# the format can say what these sources print (`kop: geen`, `kop: kort`, `aanhef: geen`).
VERWACHT = {
    # (found, total, references converted, reported anomalies, frame parts grgen added): since
    # `kop: geen` / `kop: kort`, lettered paragrafen, loose artikelen before paragrafen and
    # `aanhef: geen` / `afkondiging: geen`, grgen adds nothing to these texts.
    "cvdr_example2.xml": (
        17,
        17,
        0,
        [
            "tekst buiten een artikel (in hoofdstuk 1); grgen zet hem in artikel 1 met 'kop: geen'",
            "opsomming met '-' in plaats van letters",
            "de bron heeft geen afkondiging",
            "grgen schrijft 'afkondiging: geen' en drukt er niets af",
            "de bron heeft geen aanhef; grgen schrijft 'aanhef: geen'",
        ],
        [],
    ),
    "cvdr_example3.xml": (
        60,
        60,
        0,
        [
            "artikel zonder kop (nummer en opschrift leeg); grgen geeft het nummer 1 met 'kop: geen'",
            "opsomming met '•' in plaats van letters",
            "een tweede opsomming na de tekst na de eerste",
            "hoofdstuk 4 heeft artikel 4 buiten een paragraaf, vóór paragraaf A; grgen neemt dat zo over",
            "tekst buiten een artikel (in paragraaf A); grgen zet hem in artikel 5 met 'kop: geen'",
        ],
        [],
    ),
    # Everything comes back. The 35 rows of the mandatenlijst (a CALS table inside a <noot>) count
    # as source paragraphs: `toon` prints each row on one line, as the reader lists it.
    "bgr.xml": (
        83,
        83,
        1,
        [
            "samengevoegde cellen in een tabel gesplitst",
            "de bron heeft geen hoofdstukken; grgen zet de artikelen in hoofdstuk 1 met 'kop: geen'",
            'tussenkop "A. Algemeen" zonder het woord "Paragraaf"; grgen maakt er paragraaf A van met \'kop: kort\'',
            'tussenkop "B. Mandatering"',
            "is genummerd met 1. in plaats van met letters",
            "artikel 7: na de tekst",
        ],
        [],
    ),
}


@pytest.mark.parametrize("naam", sorted(VERWACHT))
def test_echte_xml_voorbeelden(tmp_path: Path, naam: str) -> None:
    gevonden, totaal, omgezet, afwijkingen, vereist = VERWACHT[naam]
    r = importeer(str(VOORBEELDEN / naam), tmp_path, Opties(deelnemers=("Aastad",), inwerkingtreding=dt.date(2020, 1, 1)))
    geladen_zoals_gemeten(VOORBEELDEN / naam, r)
    v = r.vergelijking
    assert (v.gevonden, v.totaal, r.omgezet) == (gevonden, totaal, omgezet), (v.ontbreekt, v.extra)
    assert splits_kader(v.extra, r.kader) == (tuple(vereist), ()), v.extra
    meldingen = "\n".join(str(m) for m in r.meldingen)
    for fragment in afwijkingen:
        assert fragment in meldingen
    assert f"LET OP: de import meldde {len(r.meldingen)} afwijking(en)" in (r.map / "regeling.yaml").read_text()
    c = check(tmp_path, *INHOUDSREGELS)
    assert c.exit_code == 0, c.output
    # Without those rules only the content rules speak: the import itself wrote a valid regeling.
    zonder = check(tmp_path)
    regels = {r.split("[")[1].split(" ")[0] for r in zonder.output.splitlines() if ": fout: [" in r}
    assert regels and all(any(r.startswith(n) for n in INHOUDSREGELS) for r in regels), zonder.output


def test_cvdr_metadata_wordt_versiegegevens(tmp_path: Path) -> None:
    r = importeer(str(VOORBEELDEN / "cvdr_example2.xml"), tmp_path)  # the source names gemeente and date
    yaml = (r.map / "regeling.yaml").read_text()
    for fragment in (
        "# CVDR: CVDR100394_2 (wijz. hfst 1 t/m 4)",
        "inwerkingtreding: 2016-10-27",
        "bekendmaking: Gmb. 2016, 146361",
        "vastgesteld_door: college van burgemeester en wethouders",
        "kenmerk_voorstel: 16ADV00361",
        "naam: Kampen",
        "id: '2016'",
    ):
        assert fragment in yaml


def test_zakelijke_mededeling_is_geen_regeling(tmp_path: Path) -> None:
    r = cli("-C", str(tmp_path), "importeer", str(VOORBEELDEN / "gmb.xml"), "--deelnemer", "Aastad", "--inwerkingtreding", "2020-01-01")
    assert r.exit_code == 1 and (
        "In gmb.xml staat geen enkel artikel of hoofdstuk; er is niets geschreven. "
        "De publicatie is een <zakelijke-mededeling> (gmb.xml:2), geen regeling." in r.output
    ), r.output
    assert not (tmp_path / "regeling").exists()


def test_xml_zonder_entiteiten_van_buiten(tmp_path: Path) -> None:
    # An external entity must not be read, an entity bomb not expanded.
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("GEHEIM")
    bron = tmp_path / "kwaad.xml"
    bron.write_text(
        f'<?xml version="1.0"?><!DOCTYPE cvdr [<!ENTITY x SYSTEM "file://{geheim}"><!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<cvdr><body><intitule>R</intitule><regeling><aanhef><preambule><al>De raad;</al><al>besluit:</al></preambule></aanhef>"
        "<regeling-tekst><artikel><kop><label>Artikel</label><nr>1</nr></kop><al>&x;&b;</al></artikel></regeling-tekst></regeling></body></cvdr>"
    )
    project = tmp_path / "p"
    r = importeer(str(bron), project, Opties(deelnemers=("Aastad",), inwerkingtreding=dt.date(2020, 1, 1)))
    geschreven = "".join(p.read_text() for p in r.map.rglob("*.yaml"))
    assert "GEHEIM" not in geschreven and "aaaaaaaaaa" not in geschreven


# -- fetching by CVDR id --------------------------------------------------------------------------


@pytest.fixture
def cvdr_server():  # noqa: ANN201
    """A local stand-in for the SRU service and the repository, on 127.0.0.1."""
    vragen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            vragen.append(self.path)
            if self.path.startswith("/sru?"):
                if "CVDR100394" in self.path:
                    xml = f"http://127.0.0.1:{self.server.server_port}/repository/CVDR100394_2.xml"
                    inhoud = (
                        '<searchRetrieveResponse xmlns="http://docs.oasis-open.org/ns/search-ws/sruResponse"><numberOfRecords>1</numberOfRecords>'
                        "<records><record><recordData><gzd><enrichedData>"
                        f'<publicatieurl_xml xmlns="http://standaarden.overheid.nl/sru">{xml}</publicatieurl_xml>'
                        "</enrichedData></gzd></recordData></record></records></searchRetrieveResponse>"
                    ).encode()
                else:
                    inhoud = b"<searchRetrieveResponse><numberOfRecords>0</numberOfRecords></searchRetrieveResponse>"
            elif self.path == "/repository/CVDR100394_2.xml":
                inhoud = (VOORBEELDEN / "cvdr_example2.xml").read_bytes()
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.end_headers()
            self.wfile.write(inhoud)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    yield f"http://127.0.0.1:{server.server_port}/sru", vragen
    server.shutdown()
    server.server_close()


def test_importeer_op_cvdr_nummer_via_de_zoekdienst(tmp_path: Path, cvdr_server, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    adres, vragen = cvdr_server
    monkeypatch.setenv("GRGEN_CVDR_ADRES", adres)
    r = cli("-C", str(tmp_path), "importeer", "CVDR100394")
    assert r.exit_code == 0, r.output
    assert "x-connection=cvdr" in vragen[0] and "CVDR100394_%2A" in vragen[0] and "sortby" in vragen[0]
    assert vragen[1] == "/repository/CVDR100394_2.xml"
    assert "CVDR: CVDR100394_2" in (tmp_path / "regeling" / "beleidsregels-verkeersveiligheid-en-parkeren" / "regeling.yaml").read_text()
    onbekend = cli("-C", str(tmp_path / "x"), "importeer", "CVDR999", "--cvdr-adres", adres)
    assert onbekend.exit_code == 2 and "CVDR999 is niet gevonden in CVDR" in onbekend.output


def test_geen_verbinding_is_een_duidelijke_fout(tmp_path: Path) -> None:
    r = cli("-C", str(tmp_path), "importeer", "CVDR100394", "--cvdr-adres", "http://127.0.0.1:9/sru")
    assert r.exit_code == 1 and "zoeken naar CVDR100394: geen verbinding met http://127.0.0.1:9/sru" in r.output


# -- built sources: every structure, in Word (three kinds of numbering), text and Markdown ---------

# One regeling with every structure the import knows, as the paragraphs a reader sees.
ALLE_STRUCTUREN = [
    "Regeling proef samenwerking",
    "De colleges van burgemeester en wethouders van Aastad en Bedorp;",
    "gelet op artikel 1 van de Wet gemeenschappelijke regelingen;",
    "besluiten vast te stellen de volgende regeling:",
    "Hoofdstuk 1 Algemeen",
    "Artikel 1 Begripsbepalingen",
    "In deze regeling wordt verstaan onder:",
    "a. deelnemers: Aastad en Bedorp;",
    "b. taken: de taken, bedoeld in artikel 2, tweede lid.",
    "Artikel 2 Taken",
    "1. De centrumgemeente voert de taken uit.",
    "2. De taken, bedoeld in het eerste lid, omvatten:",
    "a. het heffen van belastingen, waaronder:",
    "1° de aanslagen;",
    "2° de kwijtschelding;",
    "b. het innen,",
    "een en ander met inachtneming van artikel 1, onderdeel a.",
    "3. Het tweede lid, onderdeel b, geldt niet voor de artikelen 4 en 5.",
    "Hoofdstuk 2 Slot",
    "§ 1 Overgang",
    "Artikel 3 Overgang",
    "Artikel 8 van de Wet gemeenschappelijke regelingen blijft van toepassing; zie ook artikel 2.",
    "§ 2 Slotbepalingen",
    "Artikel 4 Belang",
    "De regeling dient het belang van een doelmatige heffing van belastingen.",
    "Artikel 5 Toetreding",
    "Toetreding is mogelijk met instemming van alle deelnemers.",
    "Artikel 6 Uittreding",
    "Uittreding is mogelijk met ingang van 1 januari van enig jaar.",
    "Artikel 7 Gevolgen van uittreding",
    "De uittredende deelnemer draagt de kosten van zijn uittreding.",
    "Artikel 8 Wijziging en opheffing",
    "De regeling kan bij eensluidend besluit van de deelnemers worden gewijzigd of opgeheven.",
    "Artikel 9 Evaluatie",
    "De deelnemers evalueren de regeling eens in de vier jaar.",
    "Artikel 10 Bekendmaking",
    "Het college van Aastad maakt de regeling bekend in het Gemeenteblad.",
    "Artikel 11 Inwerkingtreding",
    "Deze regeling treedt in werking met ingang van 1 januari 2026.",
    "Artikel 12 Citeertitel",
    "Deze regeling wordt aangehaald als: Regeling proef samenwerking.",
    "Aldus vastgesteld door de colleges van Aastad en Bedorp.",
]


def _controleer_alle_structuren(project: Path, r, bron: Path) -> None:  # noqa: ANN001
    geladen_zoals_gemeten(bron, r)
    assert r.vergelijking.gevonden == r.vergelijking.totaal == len(ALLE_STRUCTUREN), (r.vergelijking.ontbreekt, r.vergelijking.extra)
    assert not r.vergelijking.extra
    assert r.omgezet == 5
    assert sorted((b.woorden, b.reden) for b in r.blijft) == [
        ("Artikel 8", "verwijst naar een andere regeling of wet"),
        ("artikelen 4 en 5", "een verwijzing naar meer elementen tegelijk; grgen kent er één per [[id]]"),
    ]
    assert [str(m) for m in r.meldingen] == []
    regeling = laad(project).geschiedenis()[1].tijdlijn.basis.regeling
    yaml = " ".join(t for p in regeling.elementen() for t in p.element.teksten())
    for fragment in (
        "bedoeld in [[taken.2]].",
        "bedoeld in [[taken.1]], omvatten:",
        "inachtneming van [[begripsbepalingen.a]].",
        "zie ook [[taken]].",
    ):
        assert fragment in yaml
    c = check(project)
    assert c.exit_code == 0, c.output
    soorten = [(p.element.soort, p.element.nummer) for p in regeling.elementen()]
    assert soorten == [
        ("hoofdstuk", "1"), ("artikel", "1"), ("onderdeel", "a"), ("onderdeel", "b"),
        ("artikel", "2"), ("lid", "1"), ("lid", "2"), ("onderdeel", "a"), ("subonderdeel", "1"), ("subonderdeel", "2"), ("onderdeel", "b"), ("lid", "3"),
        ("hoofdstuk", "2"), ("paragraaf", "1"), ("artikel", "3"), ("paragraaf", "2"), *(("artikel", str(n)) for n in range(4, 13)),
    ]  # fmt: skip
    lid2 = regeling.index["taken.2"].element
    assert lid2.slottekst == "een en ander met inachtneming van [[begripsbepalingen.a]]."


@pytest.mark.parametrize("soort", ["txt", "md"])
def test_tekst_en_markdown_met_alle_structuren(tmp_path: Path, soort: str) -> None:
    # Plain text: one paragraph a line, no indentation. Markdown: headings with #, blank lines
    # between paragraphs, the title as H1, numbers escaped as CommonMark wants ("1\\.").
    if soort == "txt":
        inhoud = "\n".join(ALLE_STRUCTUREN)
    else:
        regels = [f"# {ALLE_STRUCTUREN[0]}"]
        for t in ALLE_STRUCTUREN[1:]:
            if t.startswith(("Hoofdstuk", "§", "Artikel ")) and len(t) < 40:
                regels.append(("## " if t.startswith("Hoofdstuk") else "### ") + t)
            else:
                regels.append(t.replace("1. ", "1\\. ", 1) if t[:2] == "1." else t)
        inhoud = "\n\n".join(regels)
    bron = tmp_path / f"bron.{soort}"
    bron.write_text(inhoud + "\n", encoding="utf-8")
    project = tmp_path / "p"
    r = importeer(str(bron), project, Opties(deelnemers=("Aastad", "Bedorp"), inwerkingtreding=dt.date(2026, 1, 1)))
    _controleer_alle_structuren(project, r, bron)


@pytest.mark.parametrize("nummering", ["stijl", "direct", None])
def test_word_met_stijl_directe_en_letterlijke_nummering(tmp_path: Path, nummering: str | None) -> None:
    # The Word document of ALLE_STRUCTUREN: title in style Title, hoofdstukken Heading 1,
    # paragrafen and artikelen Heading 2; leden, onderdelen and subonderdelen numbered by their
    # style (Lid/Onderdeel/Subonderdeel carry numPr), by numPr on each paragraph, or typed as
    # text. With automatic numbering the numbers are not in the text: the list of each artikel
    # restarts (its own w:num with startOverride) and continues past the slottekst of lid 2 to
    # lid 3; subonderdelen are "1°" (lvlText "%3°", as Word and LibreOffice show it; pandoc: "1.").
    bron = tmp_path / "bron.docx"
    bron.write_bytes(word_document(word_alle_structuren(ALLE_STRUCTUREN, nummering)))
    project = tmp_path / "p"
    r = importeer(str(bron), project, Opties(deelnemers=("Aastad", "Bedorp"), inwerkingtreding=dt.date(2026, 1, 1)))
    _controleer_alle_structuren(project, r, bron)


def test_word_lijst_die_doorloopt_over_artikelen(tmp_path: Path) -> None:
    # Leden of artikel 2 continue the list of artikel 1 (the same w:num, no restart): Word shows
    # 3. and 4., so the import reads 3. and 4. and reports the numbering, rather than guessing.
    alineas = [
        P("Regeling doorlopend", "Title"), P("De raad;"), P("besluit:"),
        P("Artikel 1 Een", "Heading 2"), P("Eerste.", nummering="direct", lijst=1), P("Tweede.", nummering="direct", lijst=1),
        P("Artikel 2 Twee", "Heading 2"), P("Derde.", nummering="direct", lijst=1), P("Vierde.", nummering="direct", lijst=1),
    ]  # fmt: skip
    bron = tmp_path / "bron.docx"
    bron.write_bytes(word_document(alineas))
    r = importeer(str(bron), tmp_path / "p", Opties(deelnemers=("Aastad",), inwerkingtreding=dt.date(2026, 1, 1)))
    geladen_zoals_gemeten(bron, r)
    meldingen = [str(m) for m in r.meldingen if "lid" in m.tekst]
    assert meldingen == [
        "bron.docx:8: waarschuwing: artikel 2: lid 3 staat op de plaats van lid 1 (gat of dubbel nummer)",
        "bron.docx:9: waarschuwing: artikel 2: lid 4 staat op de plaats van lid 2 (gat of dubbel nummer)",
    ]
    assert r.vergelijking.ontbreekt == ("3. Derde.", "4. Vierde.")


def test_word_bijgehouden_wijzigingen_tabel_en_voetnoot(tmp_path: Path) -> None:
    # A .docx with an insertion and a deletion left in it (w:ins, w:del), a table and a footnote.
    md = tmp_path / "b.md"
    md.write_text(
        "# Regeling W\n\nDe raad;\n\nbesluit:\n\n## Artikel 1 Doel\n\nDe tekst.[^1]\n\n[^1]: Een noot.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    bron = tmp_path / "b.docx"
    pypandoc.convert_file(str(md), "docx", format="markdown", outputfile=str(bron))
    _voeg_revisies_toe(bron)
    r = importeer(str(bron), tmp_path / "p", Opties(deelnemers=("Aastad",), inwerkingtreding=dt.date(2026, 1, 1)))
    meldingen = "\n".join(str(m) for m in r.meldingen)
    assert "bijgehouden wijzigingen; grgen neemt de tekst alsof alle wijzigingen zijn geaccepteerd" in meldingen
    assert "1 voetno(o)t(en) niet overgenomen" in meldingen and "tabel niet overgenomen" in meldingen
    assert "tekst: De tekst. erbij" in (r.map / "hoofdstukken" / "01-hoofdstuk-1.yaml").read_text()


def _voeg_revisies_toe(pad: Path) -> None:
    import io
    import zipfile

    with zipfile.ZipFile(pad) as z:
        delen = {n: z.read(n) for n in z.namelist()}
    xml = delen["word/document.xml"].decode()
    run = '<w:r><w:t xml:space="preserve">De tekst.</w:t></w:r>'
    assert run in xml or "De tekst." in xml
    xml = xml.replace(
        "De tekst.</w:t></w:r>",
        'De tekst.</w:t></w:r><w:ins w:id="91" w:author="x" w:date="2026-01-01T00:00:00Z"><w:r><w:t xml:space="preserve"> erbij</w:t></w:r></w:ins>'
        '<w:del w:id="92" w:author="x" w:date="2026-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve"> weg</w:delText></w:r></w:del>',
        1,
    )
    delen["word/document.xml"] = xml.encode()
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as z:
        for n, inhoud in delen.items():
            z.writestr(n, inhoud)
    pad.write_bytes(uit.getvalue())


# -- anomalies: reported with their place, never silently repaired ---------------------------------


def test_afwijkingen_met_plaats(tmp_path: Path) -> None:
    bron = tmp_path / "bron.txt"
    bron.write_text(
        "\n".join(
            [
                "Regeling met fouten",  # 1
                "De raad;",  # 2
                "besluit:",  # 3
                "Hoofdstuk 1 Algemeen",  # 4
                "Tekst tussen hoofdstuk en artikel.",  # 5
                "Artikel 1 Een",  # 6
                "1. Eerste lid.",  # 7
                "3. Derde lid.",  # 8
                "Nog een alinea.",  # 9
                "Artikel 1 Nog eens een",  # 10
                "Daarbij:",  # 11
                "a. eerste",  # 12
                "b. tweede",  # 13
                "Artikel 6 Zes",  # 14
                "Tekst.",  # 15
            ]
        ),
        encoding="utf-8",
    )
    project = tmp_path / "p"
    r = cli("-C", str(project), "importeer", str(bron), "--deelnemer", "Aastad", "--inwerkingtreding", "2026-01-01")
    assert r.exit_code == 0, r.output
    for regel in (
        # the loose text takes a number the source's artikel 1 does not claim (Ar 6.16: before artikel 1, a1)
        "bron.txt:5: waarschuwing: tekst buiten een artikel (in hoofdstuk 1); grgen zet hem in artikel a1 met 'kop: geen', "
        "zodat de tekst blijft zoals de bron hem afdrukt",
        "bron.txt:8: waarschuwing: artikel 1: lid 3 staat op de plaats van lid 2 (gat of dubbel nummer)",
        "bron.txt:10: waarschuwing: artikel 1 staat na artikel 1 (dubbel of niet oplopend); grgen geeft het nummer 2",
        "bron.txt:12: waarschuwing: artikel 2, onderdeel a eindigt niet op een puntkomma",
        "bron.txt:13: waarschuwing: de opsomming eindigt zonder leesteken na artikel 2, onderdeel b",
        "bron.txt:14: waarschuwing: artikel 6 volgt op artikel 2: nummering heeft een gat",
        # The loose text keeps no heading (`kop: geen`); a renumbered heading is a difference from the source.
        "  anders of niet overgenomen: Artikel 1 Nog eens een\n  toegevoegd door grgen: 2. Derde lid.\n"
        "  toegevoegd door grgen: Artikel 2 Nog eens een\n",
    ):
        assert regel in r.output
    assert "LET OP: de import meldde" in (project / "regeling" / "regeling-met-fouten" / "regeling.yaml").read_text()
    # A second alinea in a lid is kept as one (a blank line in the folded block), not merged.
    hoofdstuk = next((project / "regeling" / "regeling-met-fouten" / "hoofdstukken").iterdir()).read_text()
    assert re.search(r"Derde lid\.\n\n +Nog een alinea\.", hoofdstuk) and "meer dan één alinea" not in r.output
    assert check(project, *INHOUDSREGELS).exit_code == 0
    streng = cli("-C", str(tmp_path / "q"), "importeer", str(bron), "--deelnemer", "Aastad", "--inwerkingtreding", "2026-01-01", "--strict")
    assert streng.exit_code == 1 and "Afwijkingen in de bron bij --strict; er is niets geschreven" in streng.output
    assert not (tmp_path / "q" / "regeling").exists()


def test_bestaande_map_alleen_met_overschrijf(tmp_path: Path) -> None:
    bron = tmp_path / "r.txt"
    bron.write_text("Regeling R\nDe raad;\nbesluit:\nArtikel 1 Een\nTekst.\n", encoding="utf-8")
    args = ["-C", str(tmp_path), "importeer", str(bron), "--deelnemer", "Aastad", "--inwerkingtreding", "2026-01-01"]
    assert cli(*args).exit_code == 0
    yaml = tmp_path / "regeling" / "regeling-r" / "regeling.yaml"
    yaml.write_text(yaml.read_text() + "# eigen\n")
    tweede = cli(*args)
    assert tweede.exit_code == 2 and "bestaat al; er is niets geschreven" in tweede.output and yaml.read_text().endswith("# eigen\n")
    assert cli(*args, "--overschrijf").exit_code == 0 and not yaml.read_text().endswith("# eigen\n")


def test_bron_die_geen_bestand_is(tmp_path: Path) -> None:
    r = cli("-C", str(tmp_path), "importeer", str(tmp_path))
    assert r.exit_code == 2 and "is geen gewoon bestand" in r.output
    r = cli("-C", str(tmp_path), "importeer", str(tmp_path / "weg.docx"))
    assert r.exit_code == 2 and "bestaat niet" in r.output
    kapot = tmp_path / "kapot.docx"
    kapot.write_bytes(b"PK\x03\x04 geen zip")
    r = cli("-C", str(tmp_path), "importeer", str(kapot), "--deelnemer", "Aastad", "--inwerkingtreding", "2026-01-01")
    assert r.exit_code == 1 and "is geen Word-document (.docx)" in r.output


def test_zonder_deelnemers_en_datum_noemt_de_opties(tmp_path: Path) -> None:
    bron = tmp_path / "r.txt"
    bron.write_text("Regeling R\nArtikel 1 Een\nTekst.\n", encoding="utf-8")
    r = cli("-C", str(tmp_path), "importeer", str(bron))
    assert r.exit_code == 2
    assert (
        "de deelnemers (--deelnemer Hengelo --deelnemer Oldenzaal ...); de datum van inwerkingtreding (--inwerkingtreding JJJJ-MM-DD)"
        in r.output
    )


def test_python_m_generator_importeer_help() -> None:
    r = subprocess.run(["python", "-m", "generator", "importeer", "--help"], capture_output=True, text=True, cwd=ROOT, check=False)
    assert r.returncode == 0 and "CVDR-nummer" in r.stdout and "--cvdr-adres" in r.stdout


def test_plekken_hebben_bron(tmp_path: Path) -> None:
    # Every imported element knows its source paragraph, for messages (Plek.adres with Bron).
    bron = tmp_path / "r.txt"
    bron.write_text("Regeling R\nDe raad;\nbesluit:\nArtikel 1 Een\n1. Tekst.\n2. Meer.\n", encoding="utf-8")
    from generator.importeer.importeren import lees
    from generator.importeer.structuur import bouw_opbouw

    opbouw = bouw_opbouw(lees(str(bron)))
    plekken = plekken_van(opbouw.kinderen[0])
    assert [(p.adres, p.element.bron.regel) for p in plekken.values() if isinstance(p, Plek)][-2:] == [
        ("artikel 1, eerste lid", 5),
        ("artikel 1, tweede lid", 6),
    ]


def test_import_naast_een_andere_regeling_zegt_dat_wijzigingen_haar_moeten_noemen(tmp_path: Path) -> None:
    project = _hengelo_kopie(tmp_path)
    bron = tmp_path / "r.txt"
    bron.write_text("Regeling R\nDe raad;\nbesluit:\nArtikel 1 Een\nTekst.\n", encoding="utf-8")
    r = cli("-C", str(project), "importeer", str(bron), "--deelnemer", "Aastad", "--inwerkingtreding", "2026-01-01")
    assert r.exit_code == 0, r.output
    assert (
        "Het project heeft nu meer regelingen (centrumgemeenteregeling-samenwerking-ict-hengelo); een wijziging noemt dan met 'regeling:'"
        in r.output
    )


def test_onbekende_xml_structuur_wordt_gemeld_met_regel(tmp_path: Path) -> None:
    # A <vreemd> element the reader does not know, in a CVDR file written over several lines.
    bron = tmp_path / "r.xml"
    bron.write_text(
        "<cvdr>\n<body><intitule>Regeling R</intitule>\n<regeling><aanhef><preambule><al>De raad;</al><al>besluit:</al></preambule></aanhef>\n"
        "<regeling-tekst>\n<artikel><kop><label>Artikel</label><nr>1</nr><titel>Een</titel></kop>\n<al>Tekst.</al>\n"
        "<vreemd><al>Meer tekst.</al></vreemd>\n</artikel></regeling-tekst></regeling></body></cvdr>\n"
    )
    r = importeer(str(bron), tmp_path / "p", Opties(deelnemers=("Aastad",), inwerkingtreding=dt.date(2026, 1, 1), grondslag="de Wgr"))
    assert [str(m) for m in r.meldingen] == [
        "r.xml:5: waarschuwing: de bron heeft geen hoofdstukken; grgen zet de artikelen in hoofdstuk 1 met 'kop: geen', dat niet "
        "wordt afgedrukt; een wijziging noemt dan de artikelen, niet 'hoofdstuk 1'",
        "r.xml:7: waarschuwing: onbekend element <vreemd>: alleen de tekst wordt gelezen; controleer de structuur op deze plaats",
    ]


# -- several alineas in one text, and lists marked with an opsommingsteken ----------------------

# A regeling with what STOP allows and the Ar do not: an artikel, a lid, an onderdeel and the
# text after a list of more than one alinea (several <Al>), lists marked "•" and "▪" (a <Li> with
# any LiNummer), and an ondertekening of several lines. (text, depth in the list) per paragraph.
ALINEAS_EN_TEKENS = [
    ("Regeling alinea's en opsommingstekens", 0),
    ("De colleges van burgemeester en wethouders van Aastad en Bedorp;", 0),
    ("besluiten vast te stellen de volgende regeling:", 0),
    ("Hoofdstuk 1 Algemeen", 0),
    ("Artikel 1 Toepassing", 0),
    ("Deze regeling is van toepassing op de belastingen.", 0),
    ("Zij geldt ook voor de rechten.", 0),
    ("Artikel 2 Taken", 0),
    ("1. De centrumgemeente voert de taken uit.", 0),
    ("Zij doet dat namens de deelnemers.", 0),
    ("2. De taken omvatten:", 0),
    ("• het heffen van de belastingen, waaronder:", 1),
    ("▪ de aanslagen;", 2),
    ("▪ de kwijtschelding;", 2),
    ("• het innen van de rechten.", 1),
    ("Dit geldt ook voor de rente.", 1),
    ("Het college stelt nadere regels.", 0),
    ("Daarbij hoort het advies, bedoeld in artikel 3.", 0),
    ("Artikel 3 Advies", 0),
    ("Het bestuurlijk overleg adviseert over de regels, bedoeld in artikel 2, tweede lid.", 0),
    ("Aldus vastgesteld door de colleges van Aastad en Bedorp.", 0),
    ("de secretaris,", 0),
    ("de burgemeester,", 0),
]


def _alineas_en_tekens_xml() -> str:
    """The same regeling as CVDR XML: several <al> in <artikel>, <lid> and <li>, <li nr="•">."""
    return """<cvdr><body><intitule>Regeling alinea's en opsommingstekens</intitule><regeling>
<aanhef><preambule><al>De colleges van burgemeester en wethouders van Aastad en Bedorp;</al>
<al>besluiten vast te stellen de volgende regeling:</al></preambule></aanhef>
<regeling-tekst><hoofdstuk><kop><label>Hoofdstuk</label><nr>1</nr><titel>Algemeen</titel></kop>
<artikel><kop><label>Artikel</label><nr>1</nr><titel>Toepassing</titel></kop>
<al>Deze regeling is van toepassing op de belastingen.</al><al/><al>Zij geldt ook voor de rechten.</al></artikel>
<artikel><kop><label>Artikel</label><nr>2</nr><titel>Taken</titel></kop>
<lid><lidnr>1.</lidnr><al>De centrumgemeente voert de taken uit.</al><al>Zij doet dat namens de deelnemers.</al></lid>
<lid><lidnr>2.</lidnr><al>De taken omvatten:</al><lijst>
<li nr="•"><al>het heffen van de belastingen, waaronder:</al><lijst><li nr="▪"><al>de aanslagen;</al></li><li nr="▪"><al>de kwijtschelding;</al></li></lijst></li>
<li nr="•"><al>het innen van de rechten.</al><al>Dit geldt ook voor de rente.</al></li></lijst>
<al>Het college stelt nadere regels.</al><al>Daarbij hoort het advies, bedoeld in artikel 3.</al></lid></artikel>
<artikel><kop><label>Artikel</label><nr>3</nr><titel>Advies</titel></kop>
<al>Het bestuurlijk overleg adviseert over de regels, bedoeld in artikel 2, tweede lid.</al></artikel>
</hoofdstuk></regeling-tekst>
<regeling-sluiting><slotformulering><al>Aldus vastgesteld door de colleges van Aastad en Bedorp.</al></slotformulering>
<ondertekening><functie>de secretaris,</functie><functie>de burgemeester,</functie></ondertekening></regeling-sluiting>
</regeling></body></cvdr>
"""


@pytest.mark.parametrize("soort", ["txt", "md", "xml"])
def test_alineas_en_opsommingstekens_blijven_zoals_de_bron_ze_heeft(tmp_path: Path, soort: str) -> None:
    # Text as `grgen toon` prints it (three spaces per list level), Markdown with its blank lines
    # and indentation by four non-breaking spaces, and CVDR XML.
    if soort == "txt":
        inhoud = "\n".join("   " * n + t for t, n in ALINEAS_EN_TEKENS)
    elif soort == "md":
        inhoud = "\n\n".join(
            ("# " if i == 0 else "## " if t.startswith("Hoofdstuk") else "### " if t.startswith("Artikel ") and len(t) < 25 else "")
            + "\u00a0" * (4 * n)
            + t.replace("1. ", "1\\. ", 1).replace("2. ", "2\\. ", 1)
            for i, (t, n) in enumerate(ALINEAS_EN_TEKENS)
        )
    else:
        inhoud = _alineas_en_tekens_xml()
    bron = tmp_path / f"bron.{soort}"
    bron.write_text(inhoud + "\n", encoding="utf-8")
    project = tmp_path / "p"
    r = importeer(str(bron), project, Opties(deelnemers=("Aastad", "Bedorp"), inwerkingtreding=dt.date(2026, 1, 1), grondslag="de Wgr"))
    geladen_zoals_gemeten(bron, r)
    v = r.vergelijking
    assert (v.gevonden, v.totaal, v.extra) == (len(ALINEAS_EN_TEKENS), len(ALINEAS_EN_TEKENS), ()), (v.ontbreekt, v.extra)
    assert r.omgezet == 2
    # Only the unlettered lists are reported (kept as typed; grgen check warns, Ar 3.59).
    assert [m.tekst for m in r.meldingen] == ["artikel 2, lid 2: opsomming met '•' in plaats van letters; grgen neemt het teken over"], [
        str(m) for m in r.meldingen
    ]
    regeling = laad(project).geschiedenis()[1].tijdlijn.basis.regeling
    e = regeling.index
    assert e["toepassing"].element.tekst == "Deze regeling is van toepassing op de belastingen.\nZij geldt ook voor de rechten."
    assert e["taken.1"].element.tekst == "De centrumgemeente voert de taken uit.\nZij doet dat namens de deelnemers."
    lid2 = e["taken.2"].element
    assert [(k.id, k.nummer) for k in lid2.kinderen] == [("taken.2.a", "•"), ("taken.2.b", "•")]
    assert [(k.id, k.nummer) for k in lid2.kinderen[0].kinderen] == [("taken.2.a.1", "▪"), ("taken.2.a.2", "▪")]
    assert lid2.kinderen[1].tekst == "het innen van de rechten.\nDit geldt ook voor de rente."
    assert lid2.slottekst == "Het college stelt nadere regels.\nDaarbij hoort het advies, bedoeld in [[advies]]."
    assert e["advies"].element.tekst == "Het bestuurlijk overleg adviseert over de regels, bedoeld in [[taken.2]]."
    assert regeling.ondertekening == "Aldus vastgesteld door de colleges van Aastad en Bedorp.\nde secretaris,\nde burgemeester,"
    c = check(project, *INHOUDSREGELS)
    assert c.exit_code == 0 and "[ar-3.59-opsommingsteken (Ar 3.59, eerste lid)]" in c.output, c.output
    # `grgen toon` in both formats prints each alinea as a paragraph of its own.
    versie = laad(project).geschiedenis()[1].tijdlijn.basis
    assert "\n   • het innen van de rechten.\n   Dit geldt ook voor de rente.\nHet college stelt" in als_tekst(versie)
    assert (
        "\n\n\u00a0\u00a0\u00a0\u00a0• het innen van de rechten.\n\n\u00a0\u00a0\u00a0\u00a0Dit geldt ook voor de rente.\n\n"
        in als_markdown(versie)
    )


# A definition list numbered 1., 2., 3. after a colon (as the bgr sample has it), followed by an
# artikel with leden 1., 2.: the list keeps its numbers as typed, the leden stay leden.
GENUMMERDE_BEGRIPPEN = """Regeling genummerde begrippen
De colleges van burgemeester en wethouders van Aastad en Bedorp;
besluiten vast te stellen de volgende regeling:
Hoofdstuk 1 Algemeen
Artikel 1 Begrippen
In deze regeling wordt verstaan onder:
1. secretaris: de secretaris van het openbaar lichaam;
2) gemandateerde: de functionaris aan wie mandaat is verleend;
3. ondergemandateerde: de functionaris aan wie ondermandaat is verleend.
Artikel 2 Mandaat
1. Het college verleent mandaat aan de secretaris.
2. De gemandateerde, bedoeld in artikel 1, handelt binnen de grenzen van het mandaat.
Artikel 3 Ondertekening
Uitgaande stukken worden als volgt ondertekend.
1. Namens het college van Aastad,
2. (naam en functie van de gemandateerde).
Artikel 4
Inwerkingtreding
1. Deze regeling treedt in werking op 1 januari 2026.
2. Zij wordt aangehaald als: Regeling genummerde begrippen.
"""


def test_genummerde_opsomming_na_dubbele_punt_houdt_haar_nummers(tmp_path: Path) -> None:
    bron = tmp_path / "bron.txt"
    bron.write_text(GENUMMERDE_BEGRIPPEN, encoding="utf-8")
    project = tmp_path / "p"
    r = importeer(str(bron), project, Opties(deelnemers=("Aastad", "Bedorp"), inwerkingtreding=dt.date(2026, 1, 1), grondslag="de Wgr"))
    geladen_zoals_gemeten(bron, r)
    v = r.vergelijking
    totaal = len(GENUMMERDE_BEGRIPPEN.splitlines())
    # Only artikel 4 differs: its title line is merged into lid 1 (reported below).
    assert (v.gevonden, v.totaal, v.ontbreekt) == (
        totaal - 2,
        totaal,
        ("Inwerkingtreding", "1. Deze regeling treedt in werking op 1 januari 2026."),
    )
    assert [str(m) for m in r.meldingen] == [
        'bron.txt:7: waarschuwing: artikel 1: de opsomming na "In deze regeling wordt versta…" is genummerd met 1. in plaats van '
        "met letters; grgen neemt de nummers over zoals ze staan; grgen check waarschuwt hiervoor (Ar 3.59: onderdelen krijgen "
        "letters); een onderdeel met een cijfer heeft geen adres om naar te verwijzen",
        # Text and then "1.": not leden (an artikel with leden has no text), a list whose opening
        # sentence lacks its colon; merged into lid 1 it would print a "1." the source lacks.
        'bron.txt:15: waarschuwing: artikel 3: na de tekst "Uitgaande stukken worden als …" volgt een opsomming genummerd '
        "met 1.; grgen maakt die tekst de zin vóór de opsomming en neemt de nummers over zoals ze staan; een artikel met "
        "leden heeft geen eigen tekst; zijn het leden, maak de eerste tekst dan lid 1 (en Ar 3.59: onderdelen krijgen letters)",
        # A line without a full stop under a bare "Artikel 4" is no opening sentence: leden stay leden.
        "bron.txt:19: waarschuwing: artikel 4 heeft tekst vóór het eerste lid; grgen voegt die samen met het eerste lid",
    ]
    regeling = laad(project).geschiedenis()[1].tijdlijn.basis.regeling
    begrippen = regeling.index["begrippen"].element
    assert [(k.id, k.nummer, k.kop) for k in begrippen.kinderen] == [
        ("begrippen.a", "1.", "1."),
        ("begrippen.b", "2)", "2)"),
        ("begrippen.c", "3.", "3."),
    ]
    assert [k.id for k in regeling.index["mandaat"].element.kinderen] == ["mandaat.1", "mandaat.2"]
    ondertekening = regeling.index["ondertekening"].element
    assert ondertekening.tekst == "Uitgaande stukken worden als volgt ondertekend."
    assert [(k.id, k.kop) for k in ondertekening.kinderen] == [("ondertekening.a", "1."), ("ondertekening.b", "2.")]
    assert [k.id for k in regeling.index["artikel-4"].element.kinderen] == ["artikel-4.1", "artikel-4.2"]
    assert "[[begrippen]]" in regeling.index["mandaat.2"].element.tekst
    assert "\n   1. secretaris: de secretaris van het openbaar lichaam;\n   2) gemandateerde:" in als_tekst(
        laad(project).geschiedenis()[1].tijdlijn.basis
    )
    c = check(project, *INHOUDSREGELS)
    assert c.exit_code == 0 and "de opsomming is aangeduid met '1.' in plaats van met letters (a., b., c.)" in c.output, c.output
