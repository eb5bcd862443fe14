"""Reading YAML files: the only place grgen opens a source file.

Files are read as bytes and decoded strictly as UTF-8, so a file saved in another encoding is
reported with its line and column instead of turning into mojibake. ruamel.yaml (round trip)
keeps the line and column of every key and value, which every later error message uses.

Dates are kept as strings here and parsed by the field checker, so an impossible date
("2017-13-01") gets the same clear message as any other wrong value. Anchors and aliases are
refused: the format does not need them and they open the door to alias bombs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent

from generator.errors import Bron, Melding

# A source file larger than this is refused before parsing (a regeling of 10,000 artikelen is
# about 5 MB); it protects the machine from a file that is not a regeling at all.
MAX_BESTAND = 50 * 1024 * 1024
MAX_DIEPTE = 40


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    # Keep timestamps as text: dates are parsed (and reported) by the field checker.
    constructors = yaml.constructor.yaml_constructors
    constructors["tag:yaml.org,2002:timestamp"] = constructors["tag:yaml.org,2002:str"]
    return yaml


def lees_yaml(pad: Path, naam: str) -> tuple[Any, list[Melding]]:
    """Read one YAML file; return its data or the reasons it cannot be read.

    `naam` is the path as the user should see it in messages.
    """
    try:
        ruw = pad.read_bytes()
    except FileNotFoundError:
        return None, [Melding("bestand bestaat niet", Bron(naam))]
    except OSError as e:
        return None, [Melding(f"bestand kan niet worden gelezen: {e.strerror}", Bron(naam))]
    if len(ruw) > MAX_BESTAND:
        return None, [Melding(f"bestand is te groot ({len(ruw)} bytes); toegestaan: tot {MAX_BESTAND} bytes", Bron(naam))]
    try:
        tekst = ruw.decode("utf-8")
    except UnicodeDecodeError as e:
        voor = ruw[: e.start]
        regel = voor.count(b"\n") + 1
        kolom = e.start - (voor.rfind(b"\n") + 1) + 1
        return None, [
            Melding(
                f"bestand is geen geldige UTF-8 (byte 0x{ruw[e.start]:02x})",
                Bron(naam, regel, kolom),
                hint="sla het bestand op als UTF-8 (in Kladblok: Opslaan als > Codering: UTF-8)",
            )
        ]
    if tekst.startswith("\ufeff"):
        tekst = tekst[1:]
    yaml = _yaml()
    try:
        probleem = _controleer_structuur(yaml, tekst, naam)
        if probleem:
            return None, [probleem]
        return yaml.load(tekst), []
    except MarkedYAMLError as e:
        plek = e.problem_mark or e.context_mark
        regel, kolom = (plek.line + 1, plek.column + 1) if plek else (0, 0)
        return None, [Melding(_yaml_fout(e), Bron(naam, regel, kolom), hint="controleer inspringing, dubbele punten en aanhalingstekens")]
    except YAMLError as e:
        return None, [Melding(f"ongeldige YAML: {e}", Bron(naam))]


def _controleer_structuur(yaml: YAML, tekst: str, naam: str) -> Melding | None:
    """Refuse aliases and absurd nesting before building any object."""
    diepte = 0
    for event in yaml.parse(tekst):
        soort = type(event).__name__
        if isinstance(event, AliasEvent):
            m = event.start_mark
            return Melding(
                "YAML-verwijzingen (anker & en alias *) worden niet ondersteund",
                Bron(naam, m.line + 1, m.column + 1),
                hint="schrijf de tekst voluit",
            )
        if soort in ("MappingStartEvent", "SequenceStartEvent"):
            diepte += 1
            if diepte > MAX_DIEPTE:
                m = event.start_mark
                return Melding(f"te diep genest (meer dan {MAX_DIEPTE} niveaus)", Bron(naam, m.line + 1, m.column + 1))
        elif soort in ("MappingEndEvent", "SequenceEndEvent"):
            diepte -= 1
    return None


_VERTALING = {
    "found duplicate key": "dubbele sleutel",
    "mapping values are not allowed here": "een dubbele punt is hier niet toegestaan (zet de tekst tussen aanhalingstekens)",
    "found character that cannot start any token": "teken dat hier niet mag staan (tab of speciaal teken?)",
    "could not find expected ':'": "dubbele punt ontbreekt",
    "found unexpected end of stream": "bestand eindigt onverwacht (aanhalingsteken niet gesloten?)",
    "found unexpected ':'": "onverwachte dubbele punt",
    "did not find expected key": "sleutel verwacht (inspringing klopt niet?)",
    "did not find expected '-' indicator": "lijstteken '-' verwacht (inspringing klopt niet?)",
    "special characters are not allowed": "besturingsteken in de tekst is niet toegestaan",
    "found undefined alias": "onbekende alias",
    "expected <block end>, but found": "inspringing klopt niet",
}


def _yaml_fout(e: MarkedYAMLError) -> str:
    probleem = (e.problem or "").strip()
    for engels, nederlands in _VERTALING.items():
        if engels in probleem:
            if engels == "found duplicate key":
                sleutel = probleem.split('"')[1] if '"' in probleem else ""
                return f"dubbele sleutel '{sleutel}'" if sleutel else nederlands
            return f"ongeldige YAML: {nederlands}"
    return f"ongeldige YAML: {probleem or e.context}"
