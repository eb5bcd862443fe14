"""YAML bytes -> dicts and lists that know the line and column of every key, value and list item.

libyaml (through PyYAML's C parser, `yaml._yaml.CParser`; 30 times faster than a pure-Python
parser) turns the bytes into events; this module
builds the values from those events itself, with an explicit stack instead of recursion, so that
nesting is refused at MAX_DIEPTE levels before anything deep is built (a file of a million `[`
gives a message, not a crash), and with grgen's own reading of scalars instead of YAML's implicit
types (YAML 1.1 reads 0x1F as 31, 1.10 as 1.1 and 010 as 8; an opschrift "1.10" or a tekst "0x1F"
must stay what the user typed):

- a plain scalar (no quotes) is None when it is empty, `~` or null/Null/NULL; True or False when it
  is true/True/TRUE or false/False/FALSE; a number when it is a whole number written plainly
  (5, -3, no leading zero, no sign +, no underscores); otherwise the text as typed (dates too:
  the field checker parses and reports them);
- a quoted or block scalar (| or >) is always text;
- anchors are ignored, aliases (*naam) refused: the format does not need them and they open the
  door to alias bombs; tags are refused (YAML would read `!!float 1.10` as 1.1 and `!!binary` as
  bytes), except `!!str` and `!`, which read a scalar as text, and `!!map` and `!!seq`;
- a key must be a scalar, and may occur once per mapping; a file holds one YAML document.

Positions are 1-based (line, column), column counted in characters, as in every message.

>>> data = lees_yaml_tekst(b"opschrift: 1.10\\nleden:\\n  - tekst: 0x1F\\n")
>>> data, data.waarde_plek("opschrift"), data["leden"].item_plek(0)
({'opschrift': '1.10', 'leden': [{'tekst': '0x1F'}]}, (1, 12), (3, 5))
"""

from __future__ import annotations

import re
from typing import Any

from yaml import SafeLoader
from yaml.error import MarkedYAMLError
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.reader import ReaderError

try:
    from yaml._yaml import CParser as _Parser

    _C_PARSER = True
except ImportError:  # PyYAML built without libyaml: its pure-Python parser gives the same events, slower
    _Parser = SafeLoader
    _C_PARSER = False

MAX_DIEPTE = 40
_GEWOON_GETAL = re.compile(r"-?(?:0|[1-9][0-9]*)")
# Longer numbers stay text: Python refuses to convert them (int_max_str_digits), and no number in
# a regeling comes near this.
_MAX_CIJFERS = 4000
_LEEG = frozenset(("", "~", "null", "Null", "NULL"))
_JA_NEE = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_TEKST_TAGS = frozenset(("!", "tag:yaml.org,2002:str"))
_KAART_TAG, _LIJST_TAG = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_GEEN = object()  # no key read yet in the current mapping (None is a valid key: `~: x`)

HINT_YAML = "controleer inspringing, dubbele punten en aanhalingstekens"
_MEER_DOCUMENTEN = "een bestand bevat één regeling, hoofdstuk of wijziging; verwijder de regel '---' of splits het bestand"


class YamlKaart(dict):
    """A YAML mapping with its own position and that of every key and value."""

    __slots__ = ("plek", "_plekken")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plek: tuple[int, int] | None = None
        self._plekken: dict[Any, tuple[int, int, int, int]] = {}

    def sleutel_plek(self, sleutel: Any) -> tuple[int, int] | None:
        p = self._plekken.get(sleutel)
        return (p[0], p[1]) if p else None

    def waarde_plek(self, sleutel: Any) -> tuple[int, int] | None:
        p = self._plekken.get(sleutel)
        return (p[2], p[3]) if p else None


class YamlLijst(list):
    """A YAML sequence with its own position and that of every item."""

    __slots__ = ("plek", "_plekken")

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.plek: tuple[int, int] | None = None
        self._plekken: list[tuple[int, int]] = []

    def item_plek(self, index: int) -> tuple[int, int] | None:
        return self._plekken[index] if 0 <= index < len(self._plekken) else None


class YamlFout(Exception):
    """Why a YAML text cannot be read, in Dutch, with its 1-based position."""

    def __init__(self, tekst: str, regel: int, kolom: int, hint: str | None = None) -> None:
        super().__init__(tekst)
        self.tekst, self.regel, self.kolom, self.hint = tekst, regel, kolom, hint


def lees_yaml_tekst(ruw: bytes) -> Any:
    """The value of the one YAML document in `ruw` (UTF-8 without byte order mark), None for a
    file without content; raises YamlFout."""
    in_bytes = _C_PARSER  # how the parser counts a ReaderError's position
    try:
        try:
            return _lees(_Parser, ruw)
        except MarkedYAMLError as e:
            if not (_C_PARSER and "maximum nesting depth" in (e.problem or "")):
                raise
            in_bytes = False
            # libyaml 0.2.6 refuses a flow collection 1,000 levels deep while its scanner looks
            # ahead, before the events reach our limit; the pure-Python parser (look-ahead
            # bounded to 1,024 characters) gives the events up to our limit, and our message.
            return _lees(SafeLoader, ruw)
    except MarkedYAMLError as e:
        plek = e.problem_mark or e.context_mark
        regel, kolom = (plek.line + 1, plek.column + 1) if plek else (0, 0)
        raise YamlFout(_vertaal(e.problem or "", ruw, plek), regel, kolom, HINT_YAML) from None
    except ReaderError as e:
        # A character YAML does not allow, written as is (not as an escape like "\u0007"). libyaml
        # counts its position in bytes, the pure-Python reader in characters.
        voor = ruw[: e.position] if in_bytes else ruw.decode("utf-8")[: e.position].encode("utf-8")
        regel, kolom = voor.count(b"\n") + 1, len(voor[voor.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        teken = e.character if isinstance(e.character, int) else ord(str(e.character)[:1] or "?")
        raise YamlFout(
            f"besturingsteken U+{teken:04X} is niet toegestaan",
            regel,
            kolom,
            "verwijder het teken (vaak meegekopieerd uit een pdf of e-mail)",
        ) from None


def _lees(parser_soort: Any, ruw: bytes) -> Any:
    parser = parser_soort(ruw)
    try:
        return _bouw(parser.get_event)
    finally:
        parser.dispose()


def _bouw(volgende: Any) -> Any:  # noqa: C901, PLR0912 - one loop over the event kinds, kept flat for speed
    """Build the document's value from the parser's events (StreamStart first)."""
    volgende()  # StreamStartEvent
    ev = volgende()
    if type(ev) is StreamEndEvent:
        return None
    wortel: Any = None
    stapel: list[tuple[Any, Any, Any]] = []  # per open collection: (outer container, outer key, its position)
    huidig: Any = None  # the open collection, None at the top
    sleutel: Any = _GEEN
    sleutelplek: tuple[int, int] = (0, 0)
    while True:
        ev = volgende()
        soort = type(ev)
        m = ev.start_mark
        if soort is ScalarEvent:
            waarde = _scalair(ev)
            plek = (m.line + 1, m.column + 1)
        elif soort is MappingStartEvent or soort is SequenceStartEvent:
            if len(stapel) >= MAX_DIEPTE:
                raise YamlFout(f"te diep genest (meer dan {MAX_DIEPTE} niveaus)", m.line + 1, m.column + 1)
            if huidig is not None and type(huidig) is YamlKaart and sleutel is _GEEN:
                raise YamlFout(
                    "een sleutel moet een woord of getal zijn, geen lijst of sleutels met waarden",
                    m.line + 1,
                    m.column + 1,
                    HINT_YAML,
                )
            if ev.tag is not None and ev.tag != (_KAART_TAG if soort is MappingStartEvent else _LIJST_TAG):
                raise _tag_fout(ev)
            nieuw = YamlKaart() if soort is MappingStartEvent else YamlLijst()
            nieuw.plek = (m.line + 1, m.column + 1)
            stapel.append((huidig, sleutel, sleutelplek))
            huidig, sleutel = nieuw, _GEEN
            continue
        elif soort is MappingEndEvent or soort is SequenceEndEvent:
            waarde, plek = huidig, huidig.plek
            huidig, sleutel, sleutelplek = stapel.pop()
        elif soort is AliasEvent:
            raise YamlFout(
                "YAML-verwijzingen (anker & en alias *) worden niet ondersteund", m.line + 1, m.column + 1, "schrijf de tekst voluit"
            )
        else:  # DocumentEndEvent
            break
        if huidig is None:
            wortel = waarde
        elif type(huidig) is YamlKaart:
            if sleutel is _GEEN:
                if waarde in huidig:
                    raise YamlFout(f"dubbele sleutel '{waarde}'", plek[0], plek[1], HINT_YAML)
                sleutel, sleutelplek = waarde, plek
            else:
                huidig[sleutel] = waarde
                huidig._plekken[sleutel] = (*sleutelplek, *plek)
                sleutel = _GEEN
        else:
            huidig.append(waarde)
            huidig._plekken.append(plek)
    ev = volgende()
    if type(ev) is DocumentStartEvent:
        m = ev.start_mark
        raise YamlFout(
            "ongeldige YAML: het bestand bevat meer dan één YAML-document (een tweede '---')", m.line + 1, m.column + 1, _MEER_DOCUMENTEN
        )
    return wortel


def _scalair(ev: Any) -> Any:
    tag, tekst = ev.tag, ev.value
    if tag is None:
        if ev.style:  # quoted, | or >
            return tekst
        if tekst in _LEEG:
            return None
        if (ja_nee := _JA_NEE.get(tekst)) is not None:
            return ja_nee
        if len(tekst) <= _MAX_CIJFERS and _GEWOON_GETAL.fullmatch(tekst):
            return int(tekst)
        return tekst
    if tag in _TEKST_TAGS:
        return tekst
    raise _tag_fout(ev)


def _tag_fout(ev: Any) -> YamlFout:
    m = ev.start_mark
    return YamlFout(
        f"YAML-tag {ev.tag.replace('tag:yaml.org,2002:', '!!')} wordt niet ondersteund",
        m.line + 1,
        m.column + 1,
        "laat de tag weg; zet een waarde die tekst moet blijven tussen aanhalingstekens",
    )


_PROCENT = "ongeldige YAML: een regel die met % begint, is een YAML-aanwijzing (%YAML of %TAG); zet een tekst die met % begint tussen aanhalingstekens"
# libyaml's English problems and what a drafter reads instead (the first pattern that matches).
_VERTALING: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "ongeldige YAML: een dubbele punt is hier niet toegestaan (zet de tekst tussen aanhalingstekens)"),
    ("found a tab character", "ongeldige YAML: een tab mag niet voor inspringing worden gebruikt; gebruik spaties"),
    ("could not find expected ':'", "ongeldige YAML: dubbele punt ontbreekt"),
    ("found unexpected end of stream", "ongeldige YAML: bestand eindigt onverwacht (aanhalingsteken niet gesloten?)"),
    ("found unexpected ':'", "ongeldige YAML: onverwachte dubbele punt"),
    # In a block mapping or list: a line that is indented less or more than its neighbours.
    ("did not find expected key", "ongeldige YAML: inspringing klopt niet"),
    ("did not find expected '-' indicator", "ongeldige YAML: inspringing klopt niet"),
    ("expected <block end>", "ongeldige YAML: inspringing klopt niet"),  # the same, from the pure-Python parser
    ("sequence entries are not allowed", "ongeldige YAML: een lijstteken '-' mag hier niet staan (inspringing klopt niet?)"),
    ("mapping keys are not allowed", "ongeldige YAML: een vraagteken '?' als sleutelteken mag hier niet staan"),
    ("did not find expected ',' or ']'", "ongeldige YAML: ',' of ']' verwacht (lijst tussen [ ] niet gesloten?)"),
    ("did not find expected ',' or '}'", "ongeldige YAML: ',' of '}' verwacht (sleutels tussen { } niet gesloten?)"),
    ("did not find expected node content", "ongeldige YAML: hier wordt een waarde verwacht"),
    ("did not find expected <document start>", "ongeldige YAML: inspringing klopt niet, of tekst na het einde van het document"),
    ("found unknown escape character", "ongeldige YAML: onbekende escape-reeks met \\ tussen dubbele aanhalingstekens"),
    ("found invalid Unicode character escape code", "ongeldige YAML: ongeldige \\u- of \\x-code tussen dubbele aanhalingstekens"),
    ("did not find expected hexdecimal number", "ongeldige YAML: ongeldige \\u- of \\x-code tussen dubbele aanhalingstekens"),
    ("found unexpected document indicator", "ongeldige YAML: een regel '---' of '...' midden in een tekst tussen aanhalingstekens"),
    ("did not find expected comment or line break", "ongeldige YAML: na dit teken mag op de regel alleen commentaar (#) staan"),
    ("found an indentation indicator equal to 0", "ongeldige YAML: inspringing 0 na | of > is niet toegestaan"),
    (
        "did not find expected alphabetic or numeric character",
        "ongeldige YAML: na & of * moet een naam staan (bedoelt u tekst? zet die tussen aanhalingstekens)",
    ),
    ("found undefined tag handle", "ongeldige YAML: onbekende tag (na !)"),
    # A line starting with % is a directive (%YAML, %TAG); a value starting with ! a tag.
    ("directive", _PROCENT),
    ("found unexpected non-alphabetical character", _PROCENT),
    (
        "did not find expected whitespace or line break",
        "ongeldige YAML: een waarde die met ! begint, is een YAML-tag; zet de tekst tussen aanhalingstekens",
    ),
    ("found incompatible YAML document", "ongeldige YAML: onbekende YAML-versie (%YAML)"),
)


def _vertaal(probleem: str, ruw: bytes, plek: Any) -> str:
    if "that cannot start any token" in probleem:
        teken = _teken_op(ruw, plek)
        if teken == "\t":
            return "ongeldige YAML: een tab mag niet voor inspringing worden gebruikt; gebruik spaties"
        return f"ongeldige YAML: teken '{teken}' mag hier niet staan" if teken else "ongeldige YAML: teken mag hier niet staan"
    for patroon, nederlands in _VERTALING:
        if patroon in probleem:
            return nederlands
    return f"ongeldige YAML ({probleem.strip()})"


def _teken_op(ruw: bytes, plek: Any) -> str:
    """The character at a 0-based (line, column) of the text, '' when there is none."""
    if plek is None:
        return ""
    regels = ruw.split(b"\n", plek.line + 1)
    if plek.line >= len(regels):
        return ""
    regel = regels[plek.line].decode("utf-8", "replace")
    return regel[plek.column] if plek.column < len(regel) else ""
