"""The YAML reader: values as the user typed them, positions of every key, value and item, and a
Dutch located message (never an exception or a crash) for every YAML it refuses."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from generator.loader import yaml_lezer
from generator.loader.yaml_lezer import MAX_DIEPTE, YamlFout, YamlKaart, YamlLijst, lees_yaml_tekst

BASIS = Path(__file__).parent / "invoer" / "basis"


def _fout(tekst: str | bytes) -> YamlFout:
    with pytest.raises(YamlFout) as e:
        lees_yaml_tekst(tekst.encode() if isinstance(tekst, str) else tekst)
    return e.value


@pytest.mark.parametrize(
    ("yaml_tekst", "waarde"),
    [
        ("0x1F", "0x1F"),  # YAML 1.1 and 1.2: 31
        ("1.10", "1.10"),  # a float: 1.1
        ("010", "010"),  # YAML 1.1: 8
        ("0o17", "0o17"),
        ("00", "00"),
        ("+5", "+5"),
        ("1_000", "1_000"),
        ("1e3", "1e3"),
        (".inf", ".inf"),
        ("2017-13-01", "2017-13-01"),  # dates stay text: the field checker parses them
        ("12:30:00", "12:30:00"),  # YAML 1.1: 45000
        ("yes", "yes"),  # YAML 1.1: True
        ("on", "on"),
        ("=", "="),
        ("tRue", "tRue"),
        ("5", 5),
        ("-3", -3),
        ("0", 0),
        ("9" * 30, int("9" * 30)),
        ("9" * 5000, "9" * 5000),  # too long for int(): stays text instead of raising
        ("true", True),
        ("FALSE", False),
        ("", None),
        ("~", None),
        ("null", None),
        ("NULL", None),
        ("'5'", "5"),
        ('"true"', "true"),
        ("'~'", "~"),
        ("!!str 5", "5"),
        ("! 5", "5"),
        ("|\n  twee\n  regels\n", "twee\nregels\n"),
        ("Alfadorp\n  en Betastad", "Alfadorp en Betastad"),
    ],
)
def test_scalars_are_read_as_typed(yaml_tekst: str, waarde: object) -> None:
    gelezen = lees_yaml_tekst(f"a: {yaml_tekst}\n".encode())["a"]
    assert gelezen == waarde
    assert type(gelezen) is type(waarde)


def test_every_key_value_and_item_knows_its_line_and_column() -> None:
    data = lees_yaml_tekst("id: a\nleden:\n  - tekst: één\n    nummer: 2\n  - [x, ë, y]\nkop: {naam: 'é', b: 1}\n".encode())
    assert isinstance(data, YamlKaart) and data.plek == (1, 1)
    assert (data.sleutel_plek("leden"), data.waarde_plek("leden")) == ((2, 1), (3, 3))
    leden = data["leden"]
    assert isinstance(leden, YamlLijst) and [leden.item_plek(0), leden.item_plek(1), leden.item_plek(2)] == [(3, 5), (5, 5), None]
    assert leden[0].waarde_plek("nummer") == (4, 13)
    # Columns count characters, not bytes: 'ë' is two bytes in UTF-8.
    assert leden[1].item_plek(2) == (5, 12)
    assert data["kop"].waarde_plek("b") == (6, 21)
    assert data.waarde_plek("ontbreekt") is None


def test_a_file_without_content_is_none() -> None:
    for leeg in ("", "# alleen commentaar\n", "---\n", "~\n", "---\n...\n"):
        assert lees_yaml_tekst(leeg.encode()) is None


@pytest.mark.parametrize(
    ("yaml_tekst", "melding", "plek"),
    [
        ("a: &x 1\nb: *x\n", "YAML-verwijzingen (anker & en alias *) worden niet ondersteund", (2, 4)),
        ("? *x\n: 1\n", "YAML-verwijzingen", (1, 3)),
        ("a: !!int 010\n", "YAML-tag !!int wordt niet ondersteund", (1, 4)),
        ("a: !!float 1.10\n", "YAML-tag !!float wordt niet ondersteund", (1, 4)),
        ("a: !!binary aGVsbG8=\n", "YAML-tag !!binary", (1, 4)),
        ("a: !!python/object:os.system x\n", "YAML-tag !!python/object:os.system", (1, 4)),
        ("a: !!set {x}\n", "YAML-tag !!set", (1, 4)),
        ("a: !eigen [1]\n", "YAML-tag !eigen", (1, 4)),
        ("[a]: b\n", "een sleutel moet een woord of getal zijn", (1, 1)),
        ("? {a: [1]}\n: b\n", "een sleutel moet een woord of getal zijn", (1, 3)),  # once a crash (unhashable key)
        ("a: 1\nb: 2\na: 3\n", "dubbele sleutel 'a'", (3, 1)),
        ("x: {a: 1, a: 2}\n", "dubbele sleutel 'a'", (1, 11)),
        ("a: 1\n---\nb: 2\n", "ongeldige YAML: het bestand bevat meer dan één YAML-document (een tweede '---')", (2, 1)),
        ("\ta: 1\n", "ongeldige YAML: een tab mag niet voor inspringing worden gebruikt; gebruik spaties", (1, 1)),
        ("a:\n  b: 1\n\tc: 2\n", "ongeldige YAML: een tab mag niet voor inspringing", (3, 1)),
        ("a: @b\n", "ongeldige YAML: teken '@' mag hier niet staan", (1, 4)),
        ("a: b: c\n", "ongeldige YAML: een dubbele punt is hier niet toegestaan", (1, 5)),
        ("a: 'open\n", "ongeldige YAML: bestand eindigt onverwacht", (2, 1)),
        ("a:\n  - 1\n - 2\n", "ongeldige YAML: inspringing klopt niet", (3, 2)),
        ("a: [1, 2\n", "ongeldige YAML: ',' of ']' verwacht", (2, 1)),
        ('a: "\\q"\n', "ongeldige YAML: onbekende escape-reeks", (1, 5)),
        ("a: - b\n", "ongeldige YAML: een lijstteken '-' mag hier niet staan", (1, 4)),
        ("é: \x07\n", "besturingsteken U+0007 is niet toegestaan", (1, 4)),
    ],
)
def test_refused_yaml_gets_a_dutch_message_at_its_place(yaml_tekst: str, melding: str, plek: tuple[int, int]) -> None:
    fout = _fout(yaml_tekst)
    assert melding in fout.tekst
    assert (fout.regel, fout.kolom) == plek


def test_no_english_for_common_mistakes() -> None:
    """Every YAML problem a drafter can cause by one slip gets Dutch words (the English problem in
    brackets is the last resort for what libyaml might add later)."""
    for fout_tekst in (
        "a: b\n c: d\n",
        "a: [1,\n",
        "a: {b\n",
        "- a\nb: c\n",
        "a: |0\n x\n",
        "a: 'x' y\n",
        "%FOO\n---\na: 1\n",
        "a: &\n",
        "a: !x!y z\n",
        "a: ![b]\n",
        "%titel: x\n",
    ):
        assert not _fout(fout_tekst).tekst.startswith("ongeldige YAML ("), fout_tekst  # "ongeldige YAML (<English>)"


def test_nesting_is_refused_at_its_limit_without_recursion() -> None:
    genest = "a: " + "[" * MAX_DIEPTE + "]" * MAX_DIEPTE + "\n"
    with pytest.raises(YamlFout, match="te diep genest") as e:
        lees_yaml_tekst(genest.encode())
    assert (e.value.regel, e.value.kolom) == (1, 3 + MAX_DIEPTE)  # the first '[' one level too deep
    # A megabyte of '[' (and of '{' and '- ') is a message, at once: no stack is used per level.
    for begin_tekst, teken in (("a: ", "["), ("a: ", "{a: "), ("a:\n", "- ")):
        begin = time.process_time()
        fout = _fout(begin_tekst + teken * 1_000_000)
        assert fout.tekst == f"te diep genest (meer dan {MAX_DIEPTE} niveaus)"
        assert time.process_time() - begin < 5


def test_forty_levels_are_fine() -> None:
    data = lees_yaml_tekst(("a: " + "[" * (MAX_DIEPTE - 1) + "1" + "]" * (MAX_DIEPTE - 1) + "\n").encode())
    diepte, waarde = 1, data["a"]
    while isinstance(waarde, list):
        diepte, waarde = diepte + 1, waarde[0]
    assert (diepte, waarde) == (MAX_DIEPTE, 1)


def test_the_pure_python_parser_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without libyaml (a PyYAML built from source without it) the reader falls back on PyYAML's
    pure-Python parser: the same values and positions, the same Dutch messages."""
    bestanden = sorted(BASIS.rglob("*.yaml"))
    met_c = [lees_yaml_tekst(p.read_bytes()) for p in bestanden]
    monkeypatch.setattr(yaml_lezer, "_Parser", yaml.SafeLoader)
    monkeypatch.setattr(yaml_lezer, "_C_PARSER", False)
    zonder = [lees_yaml_tekst(p.read_bytes()) for p in bestanden]
    assert zonder == met_c

    def plekken(x: object) -> list:
        if isinstance(x, YamlKaart):
            return [x.plek] + [(x.sleutel_plek(k), x.waarde_plek(k), plekken(v)) for k, v in x.items()]
        if isinstance(x, YamlLijst):
            return [x.plek] + [(x.item_plek(i), plekken(v)) for i, v in enumerate(x)]
        return []

    assert [plekken(x) for x in zonder] == [plekken(x) for x in met_c]
    assert "een tab mag niet voor inspringing" in _fout("\ta: 1\n").tekst
    assert "inspringing klopt niet" in _fout("a:\n  - 1\n - 2\n").tekst
    fout = _fout("é: \x07\n")
    assert (fout.tekst, fout.regel, fout.kolom) == ("besturingsteken U+0007 is niet toegestaan", 1, 4)


@pytest.mark.skipif(not yaml_lezer._C_PARSER, reason="PyYAML without libyaml: no libyaml limit to meet")
def test_libyaml_nesting_limit_gives_our_message_and_place(monkeypatch: pytest.MonkeyPatch) -> None:
    # libyaml 0.2.6 (PyYAML 6.0.4's wheels) stops a flow collection 1,000 levels deep while its
    # scanner looks ahead, before the events reach our limit: the reader then takes the
    # pure-Python parser, so the message and its place are ours whatever libyaml is installed.
    echt = yaml_lezer._lees

    def als_libyaml_026(soort, ruw: bytes):  # noqa: ANN001, ANN202
        if soort is yaml_lezer._Parser:
            plek = yaml.error.Mark("", 0, 0, 1014, None, None)
            raise yaml.error.MarkedYAMLError(problem="exceeded maximum nesting depth", problem_mark=plek)
        return echt(soort, ruw)

    monkeypatch.setattr(yaml_lezer, "_lees", als_libyaml_026)
    fout = _fout("a: " + "[" * 1_000_000)
    assert (fout.tekst, fout.regel, fout.kolom) == (f"te diep genest (meer dan {MAX_DIEPTE} niveaus)", 1, 3 + MAX_DIEPTE)
