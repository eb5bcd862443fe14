"""An amendment (Wijziging) and its operations, as written in `wijzigingen/*.yaml`.

Operations name their target the way a lawyer does, in the numbering of the `basis` version; the
amendment engine resolves them to stable ids and applies them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from generator.errors import GEEN_BRON, Bron
from generator.model.elementen import Element
from generator.model.regeling import Deelnemer

# The actions and what they mean in Ar terms; the wording lives in generator/render/formules.py.
ACTIES = (
    "komt_te_luiden",  # Ar 6.9: an artikel, lid, onderdeel or hoofdstuk is rewritten whole
    "invoegen",  # Ar 6.11: a new element next to an existing one
    "toevoegen",  # Ar 6.11: a new last element in a parent
    "vervalt",  # an element is deleted
    "vervangen",  # Ar 6.9: words are replaced by other words
    "woorden_invoegen",  # words are inserted before or after other words
    "woorden_toevoegen",  # words are added at the end of a text
    "woorden_vervallen",  # words are deleted
    "opschrift",  # the opschrift of an artikel or hoofdstuk changes
    "toetreding",  # a deelnemer joins (Wgr art. 1, vijfde lid)
    "uittreding",  # a deelnemer leaves
    "citeertitel",  # the citeertitel changes
)
METADATA_ACTIES = ("toetreding", "uittreding", "citeertitel")
# Not written by a drafter: the engine adds it when a reference's printed words follow a change
# elsewhere (a renumbered lid), so that the besluit states that change too (wijzigen/gevolgen.py).
GEVOLG = "verwijzing_aangepast"
STADIA = ("ontwerp", "zienswijze", "toestemming", "vastgesteld")
VORMEN = ("artikelsgewijs", "integraal")

# Data for the council letters, per deelnemer; keys starting with datum_ are dates.
BRIEF_SLEUTELS = (
    "zaaknummer",
    "behandelend_ambtenaar",
    "sector",
    "portefeuillehouder",
    "datum_raad",
    "datum_college",
    "datum_zienswijze",
    "agendapunt",
    "burgemeester",
    "secretaris",
    "griffier",
    "voorzitter",
    "kenmerk",
    "datum_brief",
)


@dataclasses.dataclass(frozen=True)
class Doel:
    """A target as the drafter wrote it: an address in the basis version, or a stable id."""

    tekst: str
    stappen: tuple[tuple[str, str], ...] | None = None
    id: str | None = None
    bron: Bron = dataclasses.field(default=GEEN_BRON, compare=False)
    zin: int | None = None  # a sentence of the element's text, 1-based ("het vijfde lid, tweede zin")


@dataclasses.dataclass(frozen=True)
class Operatie:
    """One change: the action, its target and what it needs."""

    actie: str
    volgnummer: int  # position in the file, 1-based
    doel: Doel | None = None  # the element; for invoegen the neighbour; for toevoegen the parent
    positie: str | None = None  # invoegen: "na" or "voor"; woorden_invoegen: "na" or "voor"
    soort: str | None = None  # toevoegen: the kind of the new element
    nieuw: Element | None = None  # komt_te_luiden, invoegen, toevoegen
    tekst: str | None = None  # new words, new opschrift, new citeertitel
    wat: str | None = None  # vervangen, woorden_vervallen: the words; woorden_invoegen: the anchor
    door: str | None = None  # vervangen
    telkens: bool = False
    deelnemer: Deelnemer | None = None  # toetreding
    deelnemer_id: str | None = None  # uittreding
    toelichting: str | None = None
    bron: Bron = dataclasses.field(default=GEEN_BRON, compare=False)
    # vervalt: the further siblings deleted in the same sentence ("vervallen de subonderdelen 2°
    # en 5°"); the engine applies each as its own step, numbered `deel` 1, 2, ... (0: a single target)
    meer: tuple[Doel, ...] = ()
    deel: int = 0


@dataclasses.dataclass(frozen=True)
class Wijziging:
    """An amendment file: metadata, data for the council letters, and operations."""

    id: str
    titel: str
    kort: str
    basis: str
    betreft: str
    vorm: str
    stadium: str
    datum_besluit: dt.date
    inwerkingtreding: dt.date
    operaties: tuple[Operatie, ...]
    regeling: str | None = None
    terugwerkende_kracht: dt.date | None = None
    bekendmaking: str | None = None
    kenmerk_voorstel: str | None = None
    vastgesteld_door: str | None = None
    reconstructie: str | None = None
    toelichting: str | None = None
    samenvatting: str | None = None  # publieksvriendelijke samenvatting for the raadsbesluit
    # deelnemer id -> field -> value (zaaknummer, portefeuillehouder, datum_raad, ...)
    deelnemers: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict, compare=False)
    bestand: str = ""
    bron: Bron = dataclasses.field(default=GEEN_BRON, compare=False)
    # where keys were written: "basis", "regeling", "deelnemers.<id>" -> position, for messages
    bronnen: dict[str, Bron] = dataclasses.field(default_factory=dict, compare=False)

    @property
    def basis_bron(self) -> Bron:
        return self.bronnen.get("basis", self.bron)
