"""A derived amendment as a `wijzigingen/<id>.yaml` file, in the format of docs/formaat.md.

Quoted words are written in double quotes (they must match the text exactly), every operation
gets a `toelichting` (empty, or the Word comment on the element), and the file opens with a
comment saying where it came from and what to fill in.
"""

from __future__ import annotations

import datetime as dt
import io

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from generator.model import Element
from generator.model.bijlage import bijlage_kaart
from generator.model.ids import NIEUW_ID
from generator.model.wijziging import BIJLAGE, Operatie
from generator.nummering import rangtelwoord

# The key under which an element lists its children, per kind of child (as the loader reads it).
_KINDSLEUTEL = {"paragraaf": "paragrafen", "artikel": "artikelen", "lid": "leden", "onderdeel": "onderdelen", "subonderdeel": "onderdelen"}
# What the loader takes new text to be when no `soort` is given: toevoegen one level down.
_ONDER = {
    "regeling": "hoofdstuk",
    "hoofdstuk": "artikel",
    "paragraaf": "artikel",
    "artikel": "lid",
    "lid": "onderdeel",
    "onderdeel": "subonderdeel",
}


def wijziging_yaml(
    wijziging_id: str,
    titel: str,
    basis: str,
    datum: dt.date,
    operaties: tuple[Operatie, ...],
    herkomst: str,
    regeling: str | None = None,
) -> str:
    """The text of an amendment file with `operaties`.

    >>> from generator.model.wijziging import Doel
    >>> op = Operatie("vervangen", 1, Doel("artikel 1", (("artikel", "1"),)), wat="raad", door="college")
    >>> tekst = wijziging_yaml("w", "Wijziging", "2017", dt.date(2026, 1, 1), (op,), "ontwerp.docx")
    >>> print(tekst[tekst.index("  - actie"):], end="")
      - actie: vervangen
        doel: artikel 1
        wat: "raad"
        door: "college"
        toelichting: ""
    """
    data = CommentedMap()
    data["id"] = wijziging_id
    if regeling:
        data["regeling"] = regeling
    data["titel"] = titel
    data["basis"] = basis
    data["stadium"] = "ontwerp"
    data["datum_besluit"] = datum
    data["inwerkingtreding"] = datum
    # A besluit of that same day can only be made known later: the Ar formula with the fallback
    # to the day after the bekendmaking keeps the date possible (Awb art. 3:40).
    data["inwerkingtreding_vorm"] = "datum_of_later"
    data["toelichting"] = DoubleQuotedScalarString("")
    lijst = CommentedSeq()
    for op in operaties:
        lijst.append(_operatie(op))
    data["wijzigingen"] = lijst
    data.yaml_set_start_comment(
        f"Afgeleid met 'grgen afleiden' uit {herkomst}, op basis van versie {basis}.\n"
        "Vul de titel, de datums en de toelichtingen in en controleer met 'grgen check'."
    )
    yaml = YAML(typ="rt")
    yaml.width = 100
    yaml.representer.ignore_aliases = lambda *_: True  # the loader refuses anchors and aliases
    yaml.indent(mapping=2, sequence=4, offset=2)
    uit = io.StringIO()
    yaml.dump(data, uit)
    return uit.getvalue()


def _woorden(tekst: str | None) -> DoubleQuotedScalarString:
    return DoubleQuotedScalarString(tekst or "")


def _operatie(op: Operatie) -> CommentedMap:
    m = CommentedMap()
    if op.actie == BIJLAGE:  # written as the drafter writes it: komt_te_luiden / vervalt / toevoegen naming a bijlage
        m["actie"] = op.positie
        if op.positie == "toevoegen":
            m["aan"], m["soort"] = "regeling", "bijlage"
        else:
            m["doel"] = f"bijlage {op.bijlage_doel}".strip()
        if op.bijlage is not None:
            m["nieuw"] = bijlage_kaart(op.bijlage, met_id=op.positie == "toevoegen")
        m["toelichting"] = op.toelichting if op.toelichting else DoubleQuotedScalarString("")
        return m
    m["actie"] = op.actie
    doel = op.doel.tekst if op.doel is not None else None
    if op.doel is not None and op.doel.zin:
        doel = f"{doel}, {rangtelwoord(op.doel.zin)} zin"  # Ar 3.29: "het derde lid, tweede zin"
    if op.actie == "invoegen":
        m[op.positie] = doel
    elif op.actie == "toevoegen":
        m["aan"] = "regeling" if op.doel is not None and op.doel.stappen == () else doel
    elif op.actie not in ("toetreding", "uittreding", "citeertitel"):
        m["doel"] = doel
    if op.actie == "komt_te_luiden" and op.doel is not None and op.doel.zin:
        m["nieuw"] = op.tekst  # the new sentence
    elif op.actie in ("komt_te_luiden", "invoegen", "toevoegen") and op.nieuw is not None:
        adres_soort = op.doel.stappen[-1][0] if op.doel is not None and op.doel.stappen else "regeling"
        verwacht = _ONDER[adres_soort] if op.actie == "toevoegen" else adres_soort
        if op.nieuw.soort != verwacht:
            m["soort"] = op.nieuw.soort
        m["nieuw"] = _element(op.nieuw)
    if op.actie == "vervangen":
        m["wat"], m["door"] = _woorden(op.wat), _woorden(op.door)
    elif op.actie == "woorden_vervallen":
        m["wat"] = _woorden(op.wat)
    elif op.actie == "woorden_invoegen":
        m[op.positie] = _woorden(op.wat)
        m["tekst"] = _woorden(op.tekst)
    elif op.actie == "woorden_toevoegen":
        m["tekst"] = _woorden(op.tekst)
    elif op.actie in ("opschrift", "citeertitel"):
        m["nieuw"] = op.tekst
    elif op.actie == "toetreding" and op.deelnemer is not None:
        d = op.deelnemer
        m["deelnemer"] = CommentedMap(id=d.id, naam=d.naam, soort=d.soort)
        m["deelnemer"].fa.set_flow_style()
    elif op.actie == "uittreding":
        m["deelnemer"] = op.deelnemer_id
    if op.telkens:
        m["telkens"] = True
    m["toelichting"] = op.toelichting if op.toelichting else DoubleQuotedScalarString("")
    return m


def _element(e: Element) -> CommentedMap:
    m = CommentedMap()
    if e.id != NIEUW_ID and not e.id.startswith(NIEUW_ID + "."):
        m["id"] = e.id
    if e.vast_nummer and e.nummer:
        m["nummer"] = e.nummer
    if e.opschrift:
        m["opschrift"] = e.opschrift
    if e.onderwerpen:
        m["onderwerpen"] = list(e.onderwerpen)
    if e.tekst is not None:
        m["tekst"] = e.tekst
    if e.kinderen:
        m[_KINDSLEUTEL[e.kinderen[0].soort]] = [_element(k) for k in e.kinderen]
    if e.slottekst is not None:
        m["slottekst"] = e.slottekst
    return m
