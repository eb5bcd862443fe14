"""The amendment engine and the Ar wording of the wijzigingsbesluit, operation by operation.

Each case applies one small amendment to the regeling below and checks the sentence(s) of
ARTIKEL I against the wording of the Aanwijzingen voor de regelgeving (Ar 6.9, 6.11, 6.15,
6.16, 6.18), and the resulting text.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.blokken import blokken
from generator.errors import WijzigingFout
from generator.pipeline import laad
from generator.render.besluit import besluitonderdelen

REGELING = """\
citeertitel: Proefregeling
officiele_titel: Proefregeling samenwerking
soort: centrumregeling
wettelijke_grondslag: artikel 8, vierde lid, van de Wet gemeenschappelijke regelingen
centrumgemeente: aastad
publicerende_gemeente: aastad
versie: {id: "2020", betreft: nieuwe regeling, inwerkingtreding: 2020-01-01}
deelnemers:
  - {id: aastad, naam: Aastad, soort: gemeente, sinds: 2020-01-01}
  - {id: beedorp, naam: Beedorp, soort: gemeente, sinds: 2020-01-01}
  - {id: ov, naam: OV Midden, soort: openbaar lichaam, sinds: 2020-01-01}
aanhef: De colleges van burgemeester en wethouders van Aastad en Beedorp;
hoofdstukken:
  - id: h1
    nummer: 1
    opschrift: Algemeen
    artikelen:
      - id: begrippen
        nummer: 1
        opschrift: Begrippen
        tekst: "In deze regeling wordt verstaan onder:"
        onderdelen:
          - tekst: "college: het college van burgemeester en wethouders;"
          - tekst: "deelnemers: Aastad en Beedorp;"
          - tekst: "regeling: deze regeling."
      - id: taken
        nummer: 2
        opschrift: Taken
        leden:
          - tekst: Het college voert de taken uit.
          - tekst: "Het college kan:"
            onderdelen:
              - tekst: advies geven;
              - tekst: diensten leveren.
          - tekst: De kosten, bedoeld in [[taken.2]], worden verdeeld.
      - id: overleg
        nummer: 3
        opschrift: Overleg
        tekst: Het overleg vindt ten minste twee keer per jaar plaats.
  - id: h2
    nummer: 2
    opschrift: Slot
    artikelen:
      - id: inwerkingtreding
        nummer: 4
        opschrift: Inwerkingtreding
        tekst: Deze regeling treedt in werking op 1 januari 2020.
      - id: citeertitel
        nummer: 5
        opschrift: Citeertitel
        tekst: "Deze regeling wordt aangehaald als: Proefregeling."
"""

KOP = """\
id: w1
titel: Wijziging van de Proefregeling
basis: "2020"
datum_besluit: 2021-01-15
inwerkingtreding: 2021-02-01
wijzigingen:
"""


def maak_project(map_: Path, *wijzigingen: str) -> Path:
    (map_ / "regeling" / "proef").mkdir(parents=True)
    (map_ / "regeling" / "proef" / "regeling.yaml").write_text(REGELING, encoding="utf-8")
    (map_ / "wijzigingen").mkdir()
    for i, operaties in enumerate(wijzigingen, start=1):
        kop = KOP.replace("id: w1", f"id: w{i}")
        if i > 1:
            kop = kop.replace('basis: "2020"', f"basis: w{i - 1}").replace("2021-0", f"202{i}-0")
        (map_ / "wijzigingen" / f"w{i}.yaml").write_text(kop + textwrap.indent(textwrap.dedent(operaties), "  "), encoding="utf-8")
    return map_


def pas_toe(tmp_path: Path, *wijzigingen: str):  # noqa: ANN201
    _, geschiedenis = laad(maak_project(tmp_path, *wijzigingen)).geschiedenis()
    return geschiedenis.toepassingen[-1]


def zinnen(toepassing) -> list[str]:  # noqa: ANN001
    """ARTIKEL I as lines: "A", the group opening, "1. ..." sentences."""
    uit = []
    for o in besluitonderdelen(toepassing):
        uit.append(o.letter)
        if o.aanhef:
            uit.append(o.aanhef)
            for i, z in enumerate(o.zinnen, start=1):
                uit.append(f"{i}. {z.zin}")
                uit += [f"{sub.label}. {sub.zin}" for sub in z.onderdelen]
        else:
            uit += [z.zin for z in o.zinnen]
    return uit


def tekst(toepassing, element_id: str) -> list[str]:  # noqa: ANN001
    return [b.volledig for b in blokken(toepassing.na.regeling) if b.element_id.split(".")[0] == element_id]


GEVALLEN = {
    "vervangen": (
        """- {actie: vervangen, doel: artikel 3, wat: twee, door: vier}""",
        ["A", 'In artikel 3 wordt "twee" vervangen door "vier".'],
    ),
    "vervangen telkens": (
        """- {actie: vervangen, doel: "artikel 2, tweede lid", wat: "college", door: "college van Aastad", telkens: true}""",
        ["A", 'In artikel 2, tweede lid, wordt "college" vervangen door "college van Aastad".'],
    ),
    "komt te luiden lid": (
        """- actie: komt_te_luiden
  doel: artikel 2, eerste lid
  nieuw: {tekst: Het college van de centrumgemeente voert de taken uit.}""",
        ["A", "Artikel 2, eerste lid, komt te luiden:"],
    ),
    "komt te luiden artikel": (
        """- actie: komt_te_luiden
  doel: artikel 3
  nieuw: {tekst: Het overleg vindt ieder kwartaal plaats.}""",
        ["A", "Artikel 3 komt te luiden:"],
    ),
    "artikel ingevoegd": (
        """- actie: invoegen
  na: artikel 2
  nieuw: {id: begroting, opschrift: Begroting, tekst: Het college stelt een begroting op.}""",
        ["A", "Na artikel 2 wordt een artikel ingevoegd, luidende:"],
    ),
    "lid ingevoegd": (
        """- actie: invoegen
  na: artikel 2, eerste lid
  nieuw: {tekst: Het college rapporteert jaarlijks.}""",
        [
            "A",
            "Artikel 2 wordt als volgt gewijzigd:",
            "1. Onder vernummering van het tweede en derde lid tot derde en vierde lid wordt een lid ingevoegd, luidende:",
            # the reference in the old third lid follows the renumbering: the besluit says so (domein.md §6)
            '2. In het vierde lid wordt "het tweede lid" vervangen door "het derde lid".',
        ],
    ),
    "onderdeel ingevoegd": (
        """- actie: invoegen
  voor: artikel 1, onderdeel b
  nieuw: {tekst: "centrumgemeente: de gemeente Aastad;"}""",
        ["A", "In artikel 1 wordt, onder verlettering van de onderdelen b en c tot c en d, een onderdeel ingevoegd, luidende:"],
    ),
    "lid toegevoegd": (
        """- actie: toevoegen
  aan: artikel 2
  nieuw: {tekst: Het college kan nadere regels stellen.}""",
        ["A", "Aan artikel 2 wordt een lid toegevoegd, luidende:"],
    ),
    "onderdeel toegevoegd": (
        """- actie: toevoegen
  aan: artikel 1
  nieuw: {tekst: "taken: de taken, bedoeld in artikel 2."}""",
        [
            "A",
            "Aan artikel 1 wordt, onder vervanging van de punt aan het slot van onderdeel c door een puntkomma, een onderdeel toegevoegd, luidende:",
        ],
    ),
    "tweede lid erbij": (
        """- actie: toevoegen
  aan: artikel 3
  nieuw: {tekst: Het overleg is openbaar.}""",
        [
            "A",
            "Artikel 3 wordt als volgt gewijzigd:",
            '1. Voor de tekst wordt de aanduiding "1." geplaatst.',
            "2. Er wordt een lid toegevoegd, luidende:",
        ],
    ),
    "artikel vervalt": (
        """- {actie: vervalt, doel: artikel 3}""",
        ["A", "Artikel 3 vervalt."],
    ),
    "lid vervalt met vernummering": (
        """- {actie: vervalt, doel: "artikel 2, eerste lid"}""",
        [
            "A",
            "Artikel 2 wordt als volgt gewijzigd:",
            "1. Het eerste lid vervalt, onder vernummering van het tweede en derde lid tot eerste en tweede lid.",
            '2. In het tweede lid wordt "het tweede lid" vervangen door "het eerste lid".',
        ],
    ),
    "laatste lid vervalt": (
        """- {actie: vervalt, doel: "artikel 2, derde lid"}""",
        ["A", "Artikel 2, derde lid, vervalt."],
    ),
    "laatste onderdeel vervalt": (
        """- {actie: vervalt, doel: "artikel 1, onderdeel c"}""",
        ["A", "In artikel 1 vervalt, onder vervanging van de puntkomma aan het slot van onderdeel b door een punt, onderdeel c."],
    ),
    "woorden ingevoegd": (
        """- {actie: woorden_invoegen, doel: artikel 3, na: overleg, tekst: van de deelnemers}""",
        ["A", 'In artikel 3 wordt na "overleg" ingevoegd "van de deelnemers".'],
    ),
    "woorden toegevoegd": (
        """- {actie: woorden_toevoegen, doel: artikel 3, tekst: "en voorts zo vaak als nodig"}""",
        ["A", 'Aan het slot van artikel 3 wordt, voor de punt, toegevoegd: "en voorts zo vaak als nodig".'],
    ),
    "woorden vervallen": (
        """- {actie: woorden_vervallen, doel: artikel 3, wat: ten minste}""",
        ["A", 'In artikel 3 vervalt "ten minste".'],
    ),
    "opschrift artikel": (
        """- {actie: opschrift, doel: artikel 3, nieuw: Bestuurlijk overleg}""",
        ["A", 'Het opschrift van artikel 3 komt te luiden: "Bestuurlijk overleg".'],
    ),
    "opschrift hoofdstuk": (
        """- {actie: opschrift, doel: hoofdstuk 2, nieuw: Slotbepalingen}""",
        ["A", 'Het opschrift van hoofdstuk 2 komt te luiden: "Slotbepalingen".'],
    ),
    "artikel aan hoofdstuk toegevoegd": (
        """- actie: toevoegen
  aan: hoofdstuk 1
  nieuw: {id: evaluatie, opschrift: Evaluatie, tekst: De regeling wordt elke vier jaar geëvalueerd.}""",
        ["A", "Aan hoofdstuk 1 wordt een artikel toegevoegd, luidende:"],
    ),
    "hoofdstuk ingevoegd": (
        """- actie: invoegen
  na: hoofdstuk 1
  nieuw:
    id: h-financien
    opschrift: Financiën
    artikelen:
      - {id: kosten, opschrift: Kosten, tekst: De kosten worden verdeeld naar inwonertal.}
      - {id: begroting, opschrift: Begroting, tekst: Het college stelt een begroting op.}""",
        ["A", "Na hoofdstuk 1 wordt een hoofdstuk ingevoegd, luidende:"],
    ),
    "citeertitel": (
        """- {actie: citeertitel, nieuw: Proefregeling samenwerking}""",
        ["A", 'De citeertitel van de regeling komt te luiden: "Proefregeling samenwerking".'],
    ),
    "meer wijzigingen in een artikel": (
        """- {actie: vervangen, doel: "artikel 2, eerste lid", wat: voert, door: verricht}
- {actie: vervalt, doel: "artikel 2, tweede lid, onderdeel a"}
- {actie: opschrift, doel: artikel 2, nieuw: Taken en bevoegdheden}""",
        [
            "A",
            "Artikel 2 wordt als volgt gewijzigd:",
            # in the order of the regeling (Ar 6.15), not of the file: the opschrift heads the artikel
            '1. Het opschrift komt te luiden: "Taken en bevoegdheden".',
            '2. In het eerste lid wordt "voert" vervangen door "verricht".',
            "3. Het tweede lid, onderdeel a, vervalt, onder verlettering van onderdeel b tot onderdeel a.",
        ],
    ),
}


@pytest.mark.parametrize("naam", GEVALLEN)
def test_ar_formulering(naam: str, tmp_path: Path) -> None:
    operaties, verwacht = GEVALLEN[naam]
    assert zinnen(pas_toe(tmp_path, operaties)) == verwacht


def test_volgorde_van_de_regeling_en_letters(tmp_path: Path) -> None:
    """Ar 6.15: onderdelen A, B, C in the order of the regeling, whatever the order of the file."""
    t = pas_toe(
        tmp_path,
        """- {actie: vervangen, doel: artikel 4, wat: "1 januari 2020", door: "1 februari 2020"}
- {actie: vervangen, doel: artikel 3, wat: twee, door: vier}
- {actie: woorden_vervallen, doel: "artikel 1, onderdeel a", wat: "van burgemeester en wethouders"}""",
    )
    assert [z for z in zinnen(t) if len(z) <= 2] == ["A", "B", "C"]
    assert zinnen(t)[1].startswith("In artikel 1, onderdeel a,")
    assert zinnen(t)[5].startswith("In artikel 4 wordt")


def test_nieuwe_tekst_en_nummering(tmp_path: Path) -> None:
    t = pas_toe(
        tmp_path,
        """- actie: invoegen
  na: artikel 2, eerste lid
  nieuw: {tekst: Het college rapporteert jaarlijks.}""",
    )
    assert tekst(t, "taken") == [
        "Artikel 2 Taken",
        "1. Het college voert de taken uit.",
        "2. Het college rapporteert jaarlijks.",
        "3. Het college kan:",
        "a. advies geven;",
        "b. diensten leveren.",
        # The reference follows the renumbering: taken.2 is now the third lid.
        "4. De kosten, bedoeld in het derde lid, worden verdeeld.",
    ]


def test_leestekens_bij_toevoegen_en_vervallen(tmp_path: Path) -> None:
    t = pas_toe(tmp_path, """- {actie: toevoegen, aan: artikel 1, nieuw: {tekst: "taken: de taken."}}""")
    assert tekst(t, "begrippen")[-2:] == ["c. regeling: deze regeling;", "d. taken: de taken."]
    t = pas_toe(tmp_path / "b", """- {actie: vervalt, doel: "artikel 1, onderdeel c"}""")
    assert tekst(t, "begrippen")[-1] == "b. deelnemers: Aastad en Beedorp."


def test_artikelnummers_ar_6_16(tmp_path: Path) -> None:
    """Inserted artikelen get letter suffixes, two after the same artikel in file order; the
    number of a vervallen artikel is never given again; a new hoofdstuk continues the suffixes."""
    t = pas_toe(
        tmp_path,
        """- {actie: invoegen, na: artikel 2, nieuw: {id: a, opschrift: A, tekst: Eerste.}}
- {actie: invoegen, na: artikel 2, nieuw: {id: b, opschrift: B, tekst: Tweede.}}""",
    )
    nummers = [a.nummer for a in t.na.regeling.artikelen()]
    assert nummers == ["1", "2", "2a", "2b", "3", "4", "5"]
    assert zinnen(t)[1] == "Na artikel 2 wordt een artikel ingevoegd, luidende:"
    assert zinnen(t)[3] == "Na artikel 2a wordt een artikel ingevoegd, luidende:"

    t = pas_toe(
        tmp_path / "b",
        """- {actie: vervalt, doel: artikel 5}""",
        """- {actie: toevoegen, aan: hoofdstuk 2, nieuw: {id: slot, opschrift: Slot, tekst: Slot.}}""",
    )
    assert [a.nummer for a in t.na.regeling.artikelen()][-1] == "6"

    t = pas_toe(
        tmp_path / "c",
        """- actie: invoegen
  na: hoofdstuk 1
  nieuw:
    id: h-fin
    opschrift: Financiën
    artikelen:
      - {id: kosten, opschrift: Kosten, tekst: Kosten.}
      - {id: begroting, opschrift: Begroting, tekst: Begroting.}""",
    )
    assert [(h.nummer, [a.nummer for a in h.kinderen]) for h in t.na.regeling.kinderen] == [
        ("1", ["1", "2", "3"]),
        ("1A", ["3a", "3b"]),
        ("2", ["4", "5"]),
    ]


def test_laatste_lid_verliest_zijn_nummer(tmp_path: Path) -> None:
    t = pas_toe(
        tmp_path,
        """- {actie: vervalt, doel: "artikel 2, derde lid"}""",
        """- {actie: vervalt, doel: "artikel 2, tweede lid"}""",
    )
    # Ar 6.18: "Het tweede lid alsmede de aanduiding "1." voor het eerste lid vervallen."
    assert zinnen(t) == ["A", 'Artikel 2, tweede lid, alsmede de aanduiding "1." voor het eerste lid vervallen.']
    assert tekst(t, "taken") == ["Artikel 2 Taken", "Het college voert de taken uit."]


def test_verwijzing_naar_vervallen_element_noemt_beide_plaatsen(tmp_path: Path) -> None:
    with pytest.raises(WijzigingFout) as fout:
        pas_toe(tmp_path, """- {actie: vervalt, doel: "artikel 2, tweede lid"}""")
    bericht = fout.value.format_message()
    # the place of the reference (in the regeling) and of the operation (in the amendment)
    assert (
        "regeling/proef/regeling.yaml:35:13: fout: artikel 2, derde lid: verwijst naar artikel 2, tweede lid, dat door wijziging 1 (wijzigingen/w1.yaml:7:5) vervalt"
        in bericht
    )


def test_basis_blijft_ongewijzigd_en_versies_in_de_tijd(tmp_path: Path) -> None:
    import datetime as dt

    _, g = laad(maak_project(tmp_path, """- {actie: vervangen, doel: artikel 3, wat: twee, door: vier}""")).geschiedenis()
    basis, nieuw = g.tijdlijn.versies
    assert "twee keer" in basis.regeling.index["overleg"].element.tekst
    assert "vier keer" in nieuw.regeling.index["overleg"].element.tekst
    assert g.tijdlijn.versie_op(dt.date(2021, 1, 31)) is basis
    assert g.tijdlijn.versie_op(dt.date(2021, 2, 1)) is nieuw
    assert g.tijdlijn.versie_op(dt.date(2019, 12, 31)) is None
    assert g.tijdlijn.uitwerkingtreding(basis) == dt.date(2021, 1, 31)


def test_toetreding_en_uittreding_in_het_besluit(tmp_path: Path) -> None:
    from generator.loader.bestanden import lees_bestand
    from generator.render.pakket import render_pakket

    map_ = maak_project(
        tmp_path,
        """- actie: toetreding
  deelnemer: {id: ceestad, naam: Ceestad, soort: gemeente}
- {actie: uittreding, deelnemer: beedorp}
- {actie: vervangen, doel: "artikel 1, onderdeel b", wat: Aastad en Beedorp, door: Aastad en Ceestad}""",
    )
    _, g = laad(map_).geschiedenis()
    t = g.toepassingen[-1]
    besluit = render_pakket(map_, g, t, lezer=lees_bestand).bestanden["wijzigingsbesluit.md"].decode()
    assert "De colleges van burgemeester en wethouders van Aastad, Beedorp en Ceestad en het dagelijks bestuur" in besluit
    assert (
        "## ARTIKEL II\n\nHet college van burgemeester en wethouders van Ceestad treedt met ingang van 1 februari 2021 toe tot de Proefregeling."
        in besluit
    )
    assert "Het college van burgemeester en wethouders van Beedorp treedt met ingang van 1 februari 2021 uit de Proefregeling." in besluit
    assert "## ARTIKEL III\n\nDit besluit treedt in werking met ingang van 1 februari 2021." in besluit
    assert [d.id for d in t.na.deelnemers_op()] == ["aastad", "ov", "ceestad"]
