"""Reading YAML files: the only place grgen opens a source file.

Files are read as bytes and decoded strictly as UTF-8, so a file saved in another encoding is
reported with its line and column instead of turning into mojibake. ruamel.yaml (round trip)
keeps the line and column of every key and value, which every later error message uses.

Dates are kept as strings here and parsed by the field checker, so an impossible date
("2017-13-01") gets the same clear message as any other wrong value. Anchors and aliases are
refused: the format does not need them and they open the door to alias bombs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.reader import ReaderError

from generator.errors import Bron, Melding

# A source file larger than this is refused before parsing (a regeling of 10,000 artikelen is
# about 5 MB); it protects the machine from a file that is not a regeling at all.
MAX_BESTAND = 50 * 1024 * 1024
MAX_DIEPTE = 40


class _Geweigerd(Exception):
    """A structure the format refuses, met while composing: carries the message for the user."""

    def __init__(self, melding: Melding):
        super().__init__(melding.tekst)
        self.melding = melding


class _Composer(Composer):
    """ruamel's composer that refuses aliases and absurd nesting while it builds the node tree.

    The check rides along with the one parse a load makes (a separate pass over the parser's
    events cost as much as the load itself).
    """

    naam = ""
    diepte = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.parser.check_event(AliasEvent):
            m = self.parser.peek_event().start_mark
            raise _Geweigerd(
                Melding(
                    "YAML-verwijzingen (anker & en alias *) worden niet ondersteund",
                    Bron(self.naam, m.line + 1, m.column + 1),
                    hint="schrijf de tekst voluit",
                )
            )
        return super().compose_node(parent, index)

    def compose_sequence_node(self, anchor: Any) -> Any:
        return self._genest(super().compose_sequence_node, anchor)

    def compose_mapping_node(self, anchor: Any) -> Any:
        return self._genest(super().compose_mapping_node, anchor)

    def _genest(self, bouw: Any, anchor: Any) -> Any:
        self.diepte += 1
        try:
            if self.diepte > MAX_DIEPTE:
                m = self.parser.peek_event().start_mark
                raise _Geweigerd(Melding(f"te diep genest (meer dan {MAX_DIEPTE} niveaus)", Bron(self.naam, m.line + 1, m.column + 1)))
            return bouw(anchor)
        finally:
            self.diepte -= 1


def _yaml(naam: str) -> YAML:
    yaml = YAML(typ="rt")
    yaml.Composer = _Composer
    yaml.composer.naam = naam  # for the position in a refusal
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
    yaml = _yaml(naam)
    try:
        data = yaml.load(tekst)
        if data is None:
            return None, [
                Melding(
                    "bestand is leeg",
                    Bron(naam, 1, 1),
                    hint="een leeg bestand of alleen commentaar is geen regeling, hoofdstuk of wijziging",
                )
            ]
        return data, []
    except _Geweigerd as e:
        return None, [e.melding]
    except MarkedYAMLError as e:
        plek = e.problem_mark or e.context_mark
        regel, kolom = (plek.line + 1, plek.column + 1) if plek else (0, 0)
        return None, [Melding(_yaml_fout(e), Bron(naam, regel, kolom), hint="controleer inspringing, dubbele punten en aanhalingstekens")]
    except ReaderError as e:
        # A character YAML does not allow, written as is (not as an escape like "\u0007").
        voor = tekst[: e.position]
        regel, kolom = voor.count("\n") + 1, e.position - (voor.rfind("\n") + 1) + 1
        teken = e.character if isinstance(e.character, int) else ord(str(e.character)[:1] or "?")
        return None, [
            Melding(
                f"besturingsteken U+{teken:04X} is niet toegestaan",
                Bron(naam, regel, kolom),
                hint="verwijder het teken (vaak meegekopieerd uit een pdf of e-mail)",
            )
        ]
    except YAMLError as e:
        return None, [Melding(f"ongeldige YAML: {e}", Bron(naam))]


# ruamel.yaml's English problems, as patterns, and what a drafter should read instead.
_VERTALING: tuple[tuple[str, str], ...] = (
    (r"found duplicate key \"(?P<sleutel>[^\"]*)\"", "dubbele sleutel '{sleutel}'"),
    (
        r"mapping values are not allowed here",
        "ongeldige YAML: een dubbele punt is hier niet toegestaan (zet de tekst tussen aanhalingstekens)",
    ),
    (
        r"found character '\\t' that cannot start any token",
        "ongeldige YAML: een tab mag niet voor inspringing worden gebruikt; gebruik spaties",
    ),
    (r"found character (?P<teken>.*) that cannot start any token", "ongeldige YAML: teken {teken} mag hier niet staan"),
    (r"could not find expected ':'", "ongeldige YAML: dubbele punt ontbreekt"),
    (r"found unexpected end of stream", "ongeldige YAML: bestand eindigt onverwacht (aanhalingsteken niet gesloten?)"),
    (r"found unexpected ':'", "ongeldige YAML: onverwachte dubbele punt"),
    (r"did not find expected key", "ongeldige YAML: sleutel verwacht (inspringing klopt niet?)"),
    (r"did not find expected '-' indicator", "ongeldige YAML: lijstteken '-' verwacht (inspringing klopt niet?)"),
    (r"special characters are not allowed", "ongeldige YAML: besturingsteken in de tekst is niet toegestaan"),
    (r"found undefined alias", "ongeldige YAML: onbekende alias"),
    (r"expected <block end>, but found", "ongeldige YAML: inspringing klopt niet"),
    (r"found unknown escape character", "ongeldige YAML: onbekende escape-reeks met \\ tussen dubbele aanhalingstekens"),
)


def _yaml_fout(e: MarkedYAMLError) -> str:
    probleem = (e.problem or "").strip()
    for patroon, nederlands in _VERTALING:
        if m := re.search(patroon, probleem):
            return nederlands.format(**m.groupdict())
    return f"ongeldige YAML ({probleem or e.context})"
