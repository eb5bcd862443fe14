"""The imported regeling as YAML files in the documented format (docs/formaat.md).

`regeling.yaml` holds the metadata and the list of hoofdstuk files; each hoofdstuk gets its own
file `hoofdstukken/NN-<opschrift>.yaml`. Leden and onderdelen are written without id and number:
the loader derives both from the place, exactly as the import numbered them. Long texts are
folded blocks (`>-`), as in the bundled regeling.

Written with PyYAML's libyaml emitter (the loader reads with libyaml too): ruamel.yaml emits ten
times slower, a second per 1,000 artikelen, half the time budget of an import.
"""

from __future__ import annotations

from typing import Any

import yaml

from generator.model import ALINEAGRENS, Element
from generator.model.ids import slug

BREEDTE = 100
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when installed with it


class _Lijst(list):
    """A short list written inline: `onderwerpen: [taken, mandaat]`."""


class _Tekst(str):
    """A long text written as a folded block."""


class _Dumper(_DUMPER):  # type: ignore[misc, valid-type]
    def ignore_aliases(self, data: Any) -> bool:  # noqa: ARG002
        return True  # the loader refuses anchors and aliases (one date object serves many keys)


_Dumper.add_representer(_Lijst, lambda d, data: d.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True))
_Dumper.add_representer(_Tekst, lambda d, data: d.represent_scalar("tag:yaml.org,2002:str", str(data), style=">"))


def tekst(waarde: str, inspringing: int = 0) -> str:
    """A text as it is best written: folded when it does not fit on its line.

    >>> print(als_yaml({"tekst": tekst("een " * 30 + "eind.")}).decode(), end="")
    tekst: >-
      een een een een een een een een een een een een een een een een een een een een een een een een een
      een een een een een eind.
    >>> print(als_yaml({"tekst": tekst("Eerste alinea.\\nTweede alinea.")}).decode(), end="")
    tekst: >-
      Eerste alinea.
    <BLANKLINE>
      Tweede alinea.
    """
    past = len(waarde) + inspringing + 8 <= BREEDTE and ALINEAGRENS not in waarde
    # A folded block keeps spacing it cannot fold (double or edge spaces) literally; never needed here.
    if past or "  " in waarde or waarde != waarde.strip():
        return waarde
    return _Tekst(waarde)  # alineas are separated by a blank line in the block


def als_yaml(data: dict[str, Any], kopcommentaar: str | None = None) -> bytes:
    """YAML text of a mapping, keys in their order, with an optional comment block on top.

    >>> print(als_yaml({"nummer": 1, "tekst": "Zie: hier", "id": "2017"}, "uit de bron").decode(), end="")
    # uit de bron
    nummer: 1
    tekst: 'Zie: hier'
    id: '2017'
    """
    kop = "".join(f"# {regel}".rstrip() + "\n" for regel in (kopcommentaar or "").splitlines())
    lichaam = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=BREEDTE, indent=2)
    return (kop + lichaam).encode("utf-8")


def _nummer(nummer: str) -> int | str:
    return int(nummer) if nummer.isdigit() else nummer


def element_kaart(e: Element, diepte: int = 0) -> dict[str, Any]:
    """One element as the mapping the loader reads (keys in the documented order); `diepte` is
    its indentation in the file, for folding long texts."""
    k: dict[str, Any] = {}
    if e.soort in ("hoofdstuk", "paragraaf", "artikel"):
        k["id"] = e.id
        k["nummer"] = _nummer(e.nummer)
        if e.kopvorm:
            k["kop"] = e.kopvorm  # "kort" or "geen": printed as the source prints it
        if e.opschrift:
            k["opschrift"] = e.opschrift
    elif e.opsommingsteken:
        k["nummer"] = e.nummer  # "•": kept as the source has it (the loader numbers the others)
    if e.onderwerpen:
        k["onderwerpen"] = _Lijst(e.onderwerpen)
    if e.tekst is not None:
        k["tekst"] = tekst(e.tekst, diepte + 2)
    # A hoofdstuk may hold loose artikelen and then paragrafen (the loader reads them in that order).
    for soort in dict.fromkeys(c.soort for c in e.kinderen):
        sleutel = {"paragraaf": "paragrafen", "artikel": "artikelen", "lid": "leden"}.get(soort, "onderdelen")
        k[sleutel] = [element_kaart(c, diepte + 2) for c in e.kinderen if c.soort == soort]
    if e.slottekst is not None:
        k["slottekst"] = tekst(e.slottekst, diepte + 2)
    return k


def hoofdstukbestand(positie: int, hoofdstuk: Element) -> str:
    """The file name of a hoofdstuk: its place and its opschrift.

    >>> from generator.model import Hoofdstuk
    >>> hoofdstukbestand(2, Hoofdstuk("h", "2", opschrift="Taken en bevoegdheden"))
    'hoofdstukken/02-taken-en-bevoegdheden.yaml'
    """
    naam = slug(hoofdstuk.opschrift or "", 40) or f"hoofdstuk-{hoofdstuk.nummer.lower()}"
    return f"hoofdstukken/{positie:02d}-{naam}.yaml"
