"""The imported regeling as YAML files in the documented format (docs/formaat.md).

`regeling.yaml` holds the metadata and the list of hoofdstuk files; each hoofdstuk gets its own
file `hoofdstukken/NN-<opschrift>.yaml`. Leden and onderdelen are written without id and number:
the loader derives both from the place, exactly as the import numbered them.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString

from generator.model import Element
from generator.model.ids import slug


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    yaml.representer.ignore_aliases = lambda _data: True  # the loader refuses anchors and aliases
    return yaml


def als_yaml(data: Any, kopcommentaar: str | None = None) -> bytes:
    """YAML text of a mapping, with an optional comment block on top.

    >>> print(als_yaml({"nummer": 1, "tekst": "Zie: hier"}, "uit de bron").decode(), end="")
    # uit de bron
    nummer: 1
    tekst: 'Zie: hier'
    """
    kaart = data if isinstance(data, CommentedMap) else CommentedMap(data)
    uit = io.StringIO()
    if kopcommentaar:
        for regel in kopcommentaar.splitlines():
            uit.write(f"# {regel}".rstrip() + "\n")
    _yaml().dump(kaart, uit)
    return uit.getvalue().encode("utf-8")


BREEDTE = 96


def gevouwen(tekst: str, inspringing: int) -> str:
    """A long text as a folded block (`>-`), wrapped at spaces as the bundled regeling is written.

    >>> print(als_yaml({"tekst": gevouwen("een " * 30 + "eind.", 0)}).decode(), end="")  # doctest: +NORMALIZE_WHITESPACE
    tekst: >-
      een een een een een een een een een een een een een een een een een een een een een een een een
      een een een een een een eind.
    """
    ruimte = BREEDTE - inspringing
    if len(tekst) <= ruimte or "  " in tekst or tekst != tekst.strip():
        return tekst  # short, or spacing a folded block would not keep
    vouw: list[int] = []  # the spaces where a line ends
    begin, vorige = 0, None
    for p, teken in enumerate(tekst):
        if teken != " ":
            continue
        if p - begin > ruimte and vorige is not None:
            vouw.append(vorige)
            begin = vorige + 1
        vorige = p
    if len(tekst) - begin > ruimte and vorige is not None and vorige >= begin:
        vouw.append(vorige)
    uit = FoldedScalarString(tekst)
    uit.fold_pos = vouw  # type: ignore[attr-defined]
    return uit


def _nummer(nummer: str) -> int | str:
    return int(nummer) if nummer.isdigit() else nummer


def element_kaart(e: Element, diepte: int = 0) -> CommentedMap:
    """One element as the mapping the loader reads (keys in the documented order); `diepte` is
    its indentation in the file, for folding long texts."""
    k = CommentedMap()
    if e.soort in ("hoofdstuk", "paragraaf", "artikel"):
        k["id"] = e.id
        k["nummer"] = _nummer(e.nummer)
        if e.opschrift:
            k["opschrift"] = e.opschrift
    if e.onderwerpen:
        k["onderwerpen"] = CommentedSeq(e.onderwerpen)
        k["onderwerpen"].fa.set_flow_style()
    if e.tekst is not None:
        k["tekst"] = gevouwen(e.tekst, diepte + 2)
    if e.kinderen:
        sleutel = {"paragraaf": "paragrafen", "artikel": "artikelen", "lid": "leden"}.get(e.kinderen[0].soort, "onderdelen")
        k[sleutel] = CommentedSeq(element_kaart(c, diepte + 4) for c in e.kinderen)
    if e.slottekst is not None:
        k["slottekst"] = gevouwen(e.slottekst, diepte + 2)
    return k


def hoofdstukbestand(positie: int, hoofdstuk: Element) -> str:
    """The file name of a hoofdstuk: its place and its opschrift.

    >>> from generator.model import Hoofdstuk
    >>> hoofdstukbestand(2, Hoofdstuk("h", "2", opschrift="Taken en bevoegdheden"))
    'hoofdstukken/02-taken-en-bevoegdheden.yaml'
    """
    naam = slug(hoofdstuk.opschrift or "", 40) or f"hoofdstuk-{hoofdstuk.nummer.lower()}"
    return f"hoofdstukken/{positie:02d}-{naam}.yaml"
