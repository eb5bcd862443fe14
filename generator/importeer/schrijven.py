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


def _nummer(nummer: str) -> int | str:
    return int(nummer) if nummer.isdigit() else nummer


def element_kaart(e: Element) -> CommentedMap:
    """One element as the mapping the loader reads (keys in the documented order)."""
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
        k["tekst"] = e.tekst
    if e.kinderen:
        sleutel = {"paragraaf": "paragrafen", "artikel": "artikelen", "lid": "leden"}.get(e.kinderen[0].soort, "onderdelen")
        k[sleutel] = CommentedSeq(element_kaart(c) for c in e.kinderen)
    if e.slottekst is not None:
        k["slottekst"] = e.slottekst
    return k


def hoofdstukbestand(positie: int, hoofdstuk: Element) -> str:
    """The file name of a hoofdstuk: its place and its opschrift.

    >>> from generator.model import Hoofdstuk
    >>> hoofdstukbestand(2, Hoofdstuk("h", "2", opschrift="Taken en bevoegdheden"))
    'hoofdstukken/02-taken-en-bevoegdheden.yaml'
    """
    naam = slug(hoofdstuk.opschrift or "", 40) or f"hoofdstuk-{hoofdstuk.nummer.lower()}"
    return f"hoofdstukken/{positie:02d}-{naam}.yaml"
