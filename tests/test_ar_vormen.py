"""The forms of the Aanwijzingen voor de regelgeving beyond one operation, one sentence (issue 14).

Each case writes an amendment the way docs/formaat.md documents it and checks the exact sentence
of ARTIKEL I against the Ar example it follows (Ar 3.29, 6.11, 6.15, 6.16, 6.18), and where it
matters the resulting text.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.controles.motor import Zicht
from generator.controles.vorm import leestekens
from generator.errors import WijzigingFout
from generator.pipeline import laad
from tests.test_wijzigen import tekst, zinnen

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
aanhef: De colleges van burgemeester en wethouders van Aastad en Beedorp;
hoofdstukken:
  - id: h1
    nummer: 1
    opschrift: Algemeen
    artikelen:
      - id: eerste
        nummer: 1
        opschrift: Begrippen
        tekst: "In deze regeling wordt verstaan onder:"
        onderdelen:
          - tekst: "college: het college van burgemeester en wethouders;"
          - tekst: "regeling: deze regeling."
      - id: termijn
        nummer: 2
        opschrift: Termijn
        leden:
          - tekst: Het college beslist op een aanvraag.
          - tekst: Het college hoort de aanvrager.
          - tekst: Het college beslist binnen acht weken. Het kan deze termijn eenmaal met vier weken verdagen.
      - id: gronden
        nummer: 3
        opschrift: Gronden
        leden:
          - tekst: Het college kan de bijdrage verlagen.
          - tekst: "De verlaging geldt voor:"
            onderdelen:
              - tekst: "de kosten van het beheer;"
              - tekst: "de schade door ziekte of andere omstandigheden, bedoeld in artikel 16 van de wet."
      - id: weigering
        nummer: 4
        opschrift: Weigering
        tekst: "Het college kan een verzoek weigeren indien:"
        onderdelen:
          - tekst: "de aanvrager geen deelnemer is;"
          - tekst: "de kosten niet zijn begroot;"
          - tekst: "de dienst al wordt geleverd; of"
          - tekst: "de aanvraag te laat is ingediend."
      - id: lijst
        nummer: 5
        opschrift: Lijst
        tekst: "Tot de taken behoren:"
        onderdelen:
          - tekst: "het beheer van:"
            onderdelen:
              - tekst: "de servers;"
              - tekst: "de werkplekken;"
              - tekst: "de netwerken;"
              - tekst: "de telefonie;"
              - tekst: "de printers;"
              - tekst: "de archieven;"
          - tekst: "de inkoop."
  - id: h2
    nummer: 2
    opschrift: Slot
    artikelen:
      - id: slot
        nummer: 6
        opschrift: Inwerkingtreding
        tekst: Deze regeling treedt in werking op 1 januari 2020.
"""

KOP = """\
id: w1
titel: Wijziging van de Proefregeling
basis: "2020"
datum_besluit: 2021-01-15
inwerkingtreding: 2021-02-01
wijzigingen:
"""


def toepassing(tmp_path: Path, operaties: str, regeling: str = REGELING):  # noqa: ANN201
    (tmp_path / "regeling" / "proef").mkdir(parents=True)
    (tmp_path / "regeling" / "proef" / "regeling.yaml").write_text(regeling, encoding="utf-8")
    (tmp_path / "wijzigingen").mkdir()
    (tmp_path / "wijzigingen" / "w1.yaml").write_text(KOP + textwrap.indent(textwrap.dedent(operaties), "  "), encoding="utf-8")
    _, geschiedenis = laad(tmp_path).geschiedenis()
    return geschiedenis.toepassingen[-1]


# The cases: amendment -> the exact sentences of ARTIKEL I.
GEVALLEN = {
    # Ar 6.15 example: "Het vijfde lid, tweede zin, vervalt."
    "zin vervalt": (
        """- {actie: vervalt, doel: "artikel 2, derde lid, tweede zin"}""",
        ["A", "Artikel 2, derde lid, tweede zin, vervalt."],
    ),
    "zin vervalt binnen een artikel": (
        """- {actie: opschrift, doel: artikel 2, nieuw: Termijnen}
- {actie: vervalt, doel: "artikel 2, derde lid, tweede zin"}""",
        [
            "A",
            "Artikel 2 wordt als volgt gewijzigd:",
            '1. Het opschrift komt te luiden: "Termijnen".',
            "2. Het derde lid, tweede zin, vervalt.",
        ],
    ),
    "zin komt te luiden": (
        """- {actie: komt_te_luiden, doel: "artikel 2, derde lid, tweede zin", nieuw: "Het kan deze termijn niet verdagen."}""",
        ["A", 'Artikel 2, derde lid, tweede zin, komt te luiden: "Het kan deze termijn niet verdagen."'],
    ),
    "woorden in een zin": (
        """- {actie: vervangen, doel: {artikel: 2, lid: 3, zin: 2}, wat: vier, door: zes}""",
        ["A", 'In artikel 2, derde lid, tweede zin, wordt "vier" vervangen door "zes".'],
    ),
    # Ar 6.15 example: "In artikel 3, tweede lid, onderdeel b, vervalt "of andere omstandigheden"
    # en wordt "bedoeld in artikel 16 van de wet" vervangen door "bedoeld in artikel 17a van de wet"."
    "woorden samen": (
        """- {actie: woorden_vervallen, doel: "artikel 3, tweede lid, onderdeel b", wat: "of andere omstandigheden"}
- actie: vervangen
  doel: artikel 3, tweede lid, onderdeel b
  wat: bedoeld in artikel 16 van de wet
  door: bedoeld in artikel 17a van de wet""",
        [
            "A",
            'In artikel 3, tweede lid, onderdeel b, vervalt "of andere omstandigheden" en wordt "bedoeld in artikel 16 van de wet" '
            'vervangen door "bedoeld in artikel 17a van de wet".',
        ],
    ),
    # Ar 6.18: "Onder vervanging van "; of" aan het slot van onderdeel c door een puntkomma en onder
    # vervanging van de punt aan het slot van onderdeel d door "; of" wordt een onderdeel toegevoegd, luidende:"
    "of-lijst toevoegen": (
        """- {actie: toevoegen, aan: artikel 4, nieuw: {tekst: "de aanvraag onvolledig is."}}""",
        [
            "A",
            'Aan artikel 4 wordt, onder vervanging van "; of" aan het slot van onderdeel c door een puntkomma en onder vervanging '
            'van de punt aan het slot van onderdeel d door "; of", een onderdeel toegevoegd, luidende:',
        ],
    ),
    "of-lijst toevoegen binnen een artikel": (
        """- {actie: opschrift, doel: artikel 4, nieuw: Weigeren}
- {actie: toevoegen, aan: artikel 4, nieuw: {tekst: "de aanvraag onvolledig is."}}""",
        [
            "A",
            "Artikel 4 wordt als volgt gewijzigd:",
            '1. Het opschrift komt te luiden: "Weigeren".',
            # word for word the Ar 6.18 formula
            '2. Onder vervanging van "; of" aan het slot van onderdeel c door een puntkomma en onder vervanging van de punt aan het slot '
            'van onderdeel d door "; of" wordt een onderdeel toegevoegd, luidende:',
        ],
    ),
    "of-lijst laatste vervalt": (
        """- {actie: vervalt, doel: "artikel 4, onderdeel d"}""",
        [
            "A",
            'In artikel 4 vervalt, onder vervanging van de puntkomma aan het slot van onderdeel b door "; of" en onder vervanging '
            'van "; of" aan het slot van onderdeel c door een punt, onderdeel d.',
        ],
    ),
    "of-lijst invoegen voor het laatste": (
        """- {actie: invoegen, voor: "artikel 4, onderdeel d", nieuw: {tekst: "de aanvraag onvolledig is; of"}}""",
        [
            "A",
            'In artikel 4 wordt, onder vervanging van "; of" aan het slot van onderdeel c door een puntkomma en onder verlettering '
            "van onderdeel d tot onderdeel e, een onderdeel ingevoegd, luidende:",
        ],
    ),
    # Ar 6.15 example: "Artikel 8 wordt als volgt gewijzigd: ... 3. Het zesde lid wordt als volgt
    # gewijzigd: a. ... b. Onderdeel k komt te luiden: ..."
    "wijzigingen binnen een lid": (
        """- {actie: opschrift, doel: artikel 3, nieuw: Verlaging}
- {actie: vervangen, doel: "artikel 3, tweede lid", wat: geldt, door: "geldt uitsluitend"}
- {actie: komt_te_luiden, doel: "artikel 3, tweede lid, onderdeel b", nieuw: {tekst: "de schade door ziekte."}}""",
        [
            "A",
            "Artikel 3 wordt als volgt gewijzigd:",
            '1. Het opschrift komt te luiden: "Verlaging".',
            "2. Het tweede lid wordt als volgt gewijzigd:",
            'a. "geldt" wordt vervangen door "geldt uitsluitend".',
            "b. Onderdeel b komt te luiden:",
        ],
    ),
    "alle wijzigingen in een lid": (
        """- {actie: vervangen, doel: "artikel 3, tweede lid", wat: geldt, door: "geldt uitsluitend"}
- {actie: vervalt, doel: "artikel 3, tweede lid, onderdeel a"}""",
        [
            "A",
            "Artikel 3, tweede lid, wordt als volgt gewijzigd:",
            '1. "geldt" wordt vervangen door "geldt uitsluitend".',
            "2. Onderdeel a vervalt, onder verlettering van onderdeel b tot onderdeel a.",
        ],
    ),
    "woorden voor ; of": (
        """- {actie: woorden_toevoegen, doel: "artikel 4, onderdeel c", tekst: "door de centrumgemeente"}""",
        ["A", 'Aan het slot van artikel 4, onderdeel c, wordt, voor "; of", toegevoegd: "door de centrumgemeente".'],
    ),
    # Ar 3.29 example: "vervallen de subonderdelen 2° en 5°, onder vernummering van ..."
    "meer subonderdelen vervallen": (
        """- {actie: vervalt, doel: ["artikel 5, onderdeel a, onder 2°", "artikel 5, onderdeel a, onder 5°"]}""",
        [
            "A",
            "In artikel 5, onderdeel a, vervallen de subonderdelen 2° en 5°, onder vernummering van de subonderdelen 3°, 4° en 6° "
            "tot 2°, 3° en 4°.",
        ],
    ),
    "meer leden vervallen": (
        """- {actie: vervalt, doel: ["artikel 2, eerste lid", "artikel 2, tweede lid"]}""",
        ["A", "In artikel 2 vervallen het eerste en tweede lid, onder vernummering van het derde lid tot eerste lid."],
    ),
    # Ar 6.16 toelichting: an artikel before artikel 1 is numbered a1; Ar 6.11 toelichting: at the
    # start of a hoofdstuk the hoofdstuk is named.
    "artikel a1": (
        """- {actie: invoegen, voor: artikel 1, nieuw: {id: doel, opschrift: Doel, tekst: Deze regeling dient de samenwerking.}}""",
        ["A", "Aan het begin van hoofdstuk 1 wordt een artikel ingevoegd, luidende:"],
    ),
    "begin van een hoofdstuk": (
        """- {actie: invoegen, voor: artikel 6, nieuw: {id: evaluatie, opschrift: Evaluatie, tekst: De regeling wordt geëvalueerd.}}""",
        ["A", "Aan het begin van hoofdstuk 2 wordt een artikel ingevoegd, luidende:"],
    ),
}


@pytest.mark.parametrize("naam", GEVALLEN)
def test_ar_vorm(naam: str, tmp_path: Path) -> None:
    operaties, verwacht = GEVALLEN[naam]
    assert zinnen(toepassing(tmp_path, operaties)) == verwacht


def test_zin_vervalt_en_komt_te_luiden_in_de_tekst(tmp_path: Path) -> None:
    t = toepassing(tmp_path, """- {actie: vervalt, doel: "artikel 2, derde lid, tweede zin"}""")
    assert tekst(t, "termijn")[-1] == "3. Het college beslist binnen acht weken."
    t = toepassing(tmp_path / "b", """- {actie: vervangen, doel: {artikel: 2, lid: 3, zin: 1}, wat: weken, door: dagen}""")
    assert tekst(t, "termijn")[-1] == "3. Het college beslist binnen acht dagen. Het kan deze termijn eenmaal met vier weken verdagen."


def test_zin_die_niet_bestaat(tmp_path: Path) -> None:
    with pytest.raises(WijzigingFout) as fout:
        toepassing(tmp_path, """- {actie: vervalt, doel: "artikel 2, eerste lid, tweede zin"}""")
    assert "artikel 2, eerste lid heeft geen tweede zin" in fout.value.format_message()


def test_of_lijst_tekst_en_controle(tmp_path: Path) -> None:
    """The "; of" moves to the item before the last, and Ar 3.59 accepts it there."""
    t = toepassing(tmp_path, """- {actie: toevoegen, aan: artikel 4, nieuw: {tekst: "de aanvraag onvolledig is."}}""")
    assert tekst(t, "weigering")[-3:] == [
        "c. de dienst al wordt geleverd;",
        "d. de aanvraag te laat is ingediend; of",
        "e. de aanvraag onvolledig is.",
    ]
    for versie in (t.voor, t.na):
        assert [v for v in leestekens(Zicht(versie)) if (v.element_id or "").startswith("weigering")] == []


def test_meer_subonderdelen_vervallen_tekst(tmp_path: Path) -> None:
    t = toepassing(tmp_path, """- {actie: vervalt, doel: ["artikel 5, onderdeel a, onder 2°", "artikel 5, onderdeel a, onder 5°"]}""")
    assert tekst(t, "lijst")[3:7] == ["1°. de servers;", "2°. de netwerken;", "3°. de telefonie;", "4°. de archieven;"]


def test_a1_nummer(tmp_path: Path) -> None:
    t = toepassing(
        tmp_path,
        """- {actie: invoegen, voor: artikel 1, nieuw: {id: doel, opschrift: Doel, tekst: Deze regeling dient de samenwerking.}}""",
    )
    assert [a.nummer for a in t.na.regeling.artikelen()][:2] == ["a1", "1"]


def test_lidwoord_van_de_citeertitel(tmp_path: Path) -> None:
    """Ar 6.15: "Het Besluit ... wordt als volgt gewijzigd"; from the first word, or from the data."""
    from generator.loader.bestanden import lees_bestand
    from generator.render.pakket import render_pakket

    for map_, regeling, verwacht in (
        ("a", REGELING.replace("citeertitel: Proefregeling", "citeertitel: Besluit samenwerking"), "Het Besluit samenwerking wordt"),
        ("b", REGELING, "De Proefregeling wordt"),
        (
            "c",
            REGELING.replace("citeertitel: Proefregeling", "citeertitel: Statuut samenwerking\nlidwoord: de"),
            "De Statuut samenwerking wordt",
        ),
    ):
        t = toepassing(tmp_path / map_, """- {actie: vervangen, doel: artikel 6, wat: januari, door: februari}""", regeling)
        _, g = laad(tmp_path / map_).geschiedenis()
        besluit = render_pakket(tmp_path / map_, g, t, lezer=lees_bestand).bestanden["wijzigingsbesluit.md"].decode()
        assert f"{verwacht} als volgt gewijzigd:" in besluit
