"""An amendment (Wijziging) and its operations, as written in `wijzigingen/*.yaml`.

Operations name their target the way a lawyer does, in the numbering of the `basis` version; the
amendment engine resolves them to stable ids and applies them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from generator.errors import GEEN_BRON, Bron
from generator.model.bijlage import Bijlage
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
    "herindeling",  # gemeenten merge (Wet arhi art. 41): the new gemeente takes their place by law
)
# A bijlage replaced, removed or added as a whole. Written as komt_te_luiden, vervalt or toevoegen
# naming a bijlage; the loader makes it this action, with the written one in `positie`.
BIJLAGE = "bijlage"
METADATA_ACTIES = ("toetreding", "uittreding", "citeertitel", "herindeling", BIJLAGE)
# Not written by a drafter: the engine adds it when a reference's printed words follow a change
# elsewhere (a renumbered lid), so that the besluit states that change too (wijzigen/gevolgen.py).
GEVOLG = "verwijzing_aangepast"
STADIA = ("ontwerp", "zienswijze", "toestemming", "vastgesteld")
VORMEN = ("artikelsgewijs", "integraal")

# Data for the council letters and the procedure schedule, per deelnemer under `deelnemers:` or
# common to all under `procedure:` (a deelnemer's own value wins); keys starting with datum_ are
# dates. The order of the procedure (Wgr art. 1): datum_college_ontwerp (the college sends the
# ontwerp) <= datum_brief (the zienswijzebrief) -> eight weeks -> datum_zienswijze (the deadline)
# < datum_college (the college adopts the voorstel) < datum_raad (toestemming) < datum_besluit
# (top level) < datum_bekendmaking < inwerkingtreding.
BRIEF_SLEUTELS = (
    "zaaknummer",
    "behandelend_ambtenaar",
    "sector",
    "portefeuillehouder",
    "datum_college_ontwerp",
    "datum_brief",
    "datum_zienswijze",
    "datum_college",
    "datum_raad",
    "datum_bekendmaking",
    "datum_eigen_orgaan",  # meeting of the GR's own organ that has a role in the amendment (Regeling.rollen)
    "agendapunt",
    "burgemeester",
    "secretaris",
    "griffier",
    "voorzitter",
    "kenmerk",
    "zienswijzen",  # the zienswijzen received and the answer to them (raadsvoorstel)
    "gevolgen_begroting",  # the consequences for the deelnemer's begroting (raadsvoorstel)
    "gevolgen_uittreding",  # what leaving costs or changes for the deelnemer (raadsvoorstel)
)

# How ARTIKEL II words the inwerkingtreding (the wording is in generator/render/inwerkingtreding.py).
INWERKINGTREDING_VORMEN = (
    "datum",  # met ingang van <inwerkingtreding>
    "datum_of_later",  # ... of, indien de bekendmaking later plaatsvindt, de dag na die van de bekendmaking
    "dag_na_bekendmaking",  # met ingang van de dag na die van de bekendmaking
    "terugwerkend",  # de dag na die van de bekendmaking, terugwerkend tot en met <terugwerkende_kracht>
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
    deelnemer_id: str | None = None  # uittreding; herindeling into an existing deelnemer
    opgeheven: tuple[str, ...] = ()  # herindeling: the deelnemers that cease to exist
    datum: dt.date | None = None  # herindeling: the date of herindeling; uittreding: the first day outside (`tot`)
    namen: bool = True  # herindeling: replace the old names in the text
    organen_overnemen: bool = False  # herindeling: the new gemeente takes part with the organs of the old ones
    toelichting: str | None = None
    bijlage: Bijlage | None = None  # bijlage: the new bijlage (komt_te_luiden, toevoegen)
    bijlage_doel: str | None = None  # bijlage: number or id of the bijlage it changes; "" the only one
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
    inwerkingtreding_vorm: str = "datum"  # one of INWERKINGTREDING_VORMEN
    # deelnemer id -> field -> value (zaaknummer, portefeuillehouder, datum_raad, ...)
    deelnemers: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict, compare=False)
    # field -> value common to every deelnemer (the schedule: datum_zienswijze, datum_bekendmaking, ...)
    procedure: dict[str, Any] = dataclasses.field(default_factory=dict, compare=False)
    bestand: str = ""
    bron: Bron = dataclasses.field(default=GEEN_BRON, compare=False)
    # where keys were written: "basis", "regeling", "deelnemers.<id>" -> position, for messages
    bronnen: dict[str, Bron] = dataclasses.field(default_factory=dict, compare=False)

    @property
    def basis_bron(self) -> Bron:
        return self.bronnen.get("basis", self.bron)

    def gegeven(self, deelnemer_id: str | None, sleutel: str) -> Any:
        """A deelnemer's own value of a letter field, else the common one under `procedure:`.

        >>> w = Wijziging("w", "", "", "b", "wijziging", "artikelsgewijs", "ontwerp", None, None, (),
        ...               deelnemers={"a": {"datum_raad": 1}}, procedure={"datum_raad": 2, "kenmerk": "K"})
        >>> w.gegeven("a", "datum_raad"), w.gegeven("b", "datum_raad"), w.gegeven(None, "kenmerk")
        (1, 2, 'K')
        """
        eigen = self.deelnemers.get(deelnemer_id or "", {})
        return eigen[sleutel] if eigen.get(sleutel) is not None else self.procedure.get(sleutel)

    def bron_van(self, deelnemer_id: str | None, sleutel: str) -> tuple[Bron, str]:
        """Where a field was written (or belongs) and its key path, for a located message:
        the deelnemer's own key, else the common one, else the deelnemer's block, else `procedure`."""
        kandidaten = [f"deelnemers.{deelnemer_id}.{sleutel}"] if deelnemer_id and sleutel in self.deelnemers.get(deelnemer_id, {}) else []
        kandidaten += [f"procedure.{sleutel}"] if sleutel in self.procedure else []
        kandidaten += [sleutel] if sleutel in self.bronnen else []
        for pad in kandidaten:
            if pad in self.bronnen:
                return self.bronnen[pad], pad
        if deelnemer_id:
            return self.bronnen.get(f"deelnemers.{deelnemer_id}", self.bron), f"deelnemers.{deelnemer_id}.{sleutel}"
        return self.bronnen.get("procedure", self.bron), f"procedure.{sleutel}"
